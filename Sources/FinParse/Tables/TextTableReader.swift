/// Rebuilds the tables that text extraction flattened into lines.
///
/// The layout scraped reports have: each cell starts a line with a TAB, a blank
/// line ends a row, and a line without a TAB continues the cell before it (a label
/// broken over lines, 年度\n\n预算数, or vertical text 绩\n\n效\n\n指\n\n标). Empty cells
/// are a TAB alone. Some scrapes drop the TAB of every row's first cell: a table where
/// no row after a blank line starts with a TAB, while lines without one keep leading
/// into TAB lines, is read that way (one such line cannot be told from a continuation;
/// a whole table of them can). What the text cannot say is left simple and
/// predictable: cells sit left to right, the last cell of a short row spans to the right edge, and
/// empty cells at the start of a row continue the cell above (Word's vertical merge).
///
/// A table pasted from Excel, Word or a web page leaves another layout: a row a line, its
/// cells separated by TABs, a merged cell's text in its first place and the others empty.
/// Its rows are laid out the same way.
enum TextTableReader {
    /// Where a table that starts at `start` (a TAB line) begins and ends, as line indices.
    static func extent(at start: Int, in lines: [FoldedText]) -> Range<Int> {
        // A line without a TAB belongs to the table only if cells follow it.
        extent(from: start, in: lines, isRow: isCellStart) { k in
            closesTable(lines[k]) ? nil : nextCellStart(after: k, in: lines)
        }
    }

    /// The lines of a table from its first row line: row lines, blank lines, and other
    /// lines for which `bridge` names the row line they lead on to.
    static func extent(from start: Int, in lines: [FoldedText], isRow: (FoldedText) -> Bool,
                       bridge: (Int) -> Int?) -> Range<Int> {
        var end = start + 1
        var k = start + 1
        while k < lines.count {
            if isRow(lines[k]) {
                end = k + 1
            } else if !lines[k].isBlank {
                guard let next = bridge(k) else { break }
                end = next + 1
                k = next
            }
            k += 1
        }
        return start..<end
    }

    /// The title line just before a table: short, not a sentence.
    static func title(before start: Int, in lines: [FoldedText]) -> FoldedText? {
        guard let k = (0..<start).last(where: { !lines[$0].isBlank }), start - k <= 2 else { return nil }
        guard !isCellStart(lines[k]), TableGrid.looksLikeTitle(lines[k].text.trimmingSpaces) else { return nil }
        return lines[k]
    }

    /// The cell grid of the lines of one table.
    static func grid(of lines: ArraySlice<FoldedText>, title: FoldedText?) -> TableGrid {
        var rows = pieceRows(of: lines, rowWidth: nil)
        if firstCellsLackTabs(lines) {
            rows = pieceRows(of: lines, rowWidth: 0)
            // Rows start without a TAB; a broken label looks the same, so a line starts a row
            // only once the row is as wide as the table's common width (from a first reading).
            let widths = Dictionary(grouping: rows.map(\.count).filter { $0 >= 3 }, by: { $0 })
            let common = widths.max { ($0.value.count, $0.key) < ($1.value.count, $1.key) }?.key ?? 3
            rows = pieceRows(of: lines, rowWidth: common)
        }
        return layOut(rows, title: title, line: lines.first?.line ?? 0)
    }

    /// Whether the table's rows start without a TAB: after a blank line, never a TAB
    /// line, and at least twice a line without one that TAB lines follow at once.
    static func firstCellsLackTabs(_ lines: ArraySlice<FoldedText>) -> Bool {
        var tabbedStarts = 0, untabbedStarts = 0
        for k in lines.indices.dropFirst() where isGap(lines[k - 1]) {
            if isCellStart(lines[k]) {
                tabbedStarts += 1
            } else if !lines[k].isBlank, k + 1 < lines.endIndex, isCellStart(lines[k + 1]) {
                untabbedStarts += 1
            }
        }
        return tabbedStarts == 0 && untabbedStarts >= 2
    }

    // MARK: Lines

    /// A TAB is a grapheme of its own, so the first byte tells.
    static func isCellStart(_ line: FoldedText) -> Bool { line.text.utf8.first == 0x09 }

    /// A blank line that is no empty cell (a TAB alone). The TAB test goes first: it
    /// reads one byte, and most lines of a table pass it.
    private static func isGap(_ line: FoldedText) -> Bool { !isCellStart(line) && line.isBlank }

    /// A line after which no table goes on: a note (备注：…) or the title of what follows
    /// (2021年度项目支出绩效自评报告).
    static func closesTable(_ line: FoldedText) -> Bool {
        let text = line.text.trimmingSpaces.unicodeScalars
        if text.hasPrefix("备注") || text.hasPrefix("注：") || text.hasPrefix("注:") { return true }
        return (text.hasSuffix("表") || text.hasSuffix("报告")) && text.count <= 40
            && !text.contains("。") && !text.contains("，")
    }

    /// How far after a line without a TAB the table's cells must go on for the line to
    /// be part of a cell: broken labels are a few lines; prose between tables runs longer.
    private static let continuationReach = 8

    private static func nextCellStart(after k: Int, in lines: [FoldedText]) -> Int? {
        var j = k + 1
        while j < min(lines.count, k + 1 + continuationReach) {
            if isCellStart(lines[j]) { return j }
            if !lines[j].isBlank && closesTable(lines[j]) { return nil }
            j += 1
        }
        return nil
    }

    /// Whether a TAB line, a table's in either layout, comes within the few lines after
    /// `index` (a title's, above its 单位 and 编制单位 lines).
    static func tabbedRowsFollow(_ index: Int, in lines: [FoldedText]) -> Bool {
        lines[(index + 1)...].prefix(continuationReach).contains { $0.text.contains(utf8: 0x09) }
    }

    // MARK: Rows of TAB-separated cells

    /// A line of cells separated by TABs with text in two of them or more.
    private static func isSeparatedRow(_ line: FoldedText) -> Bool {
        guard line.text.contains(utf8: 0x09) else { return false }
        var filled = 0
        for field in line.text.split(separator: "\t", omittingEmptySubsequences: false) where !field.isSpacesOnly {
            filled += 1
            if filled == 2 { return true }
        }
        return false
    }

    /// Whether the line has a TAB that does not start it: a scraped cell's line has one TAB,
    /// first; a row of separated cells has one between every two, a header row whose one
    /// cell with text stands a few columns in among them.
    private static func hasSeparators(_ line: FoldedText) -> Bool { line.text.contains(utf8: 0x09, after: 1) }

    /// The lines of separated cells from `start` on (none when `start` has no such cells),
    /// and whether they are a table: two of them rows of two cells with text or more. A lone
    /// line with a TAB in it is prose; nor does any line of a run that is no table start one,
    /// as its rest has fewer rows still.
    static func separatedRun(at start: Int, in lines: [FoldedText]) -> (lines: Range<Int>, isTable: Bool) {
        var end = start
        var rows = 0
        while end < lines.count, hasSeparators(lines[end]) {
            if isSeparatedRow(lines[end]) { rows += 1 }
            end += 1
        }
        return (start..<end, rows >= 2)
    }

    /// The grid of TAB-separated rows: a line a row, a field a cell. The empty fields that
    /// end a row are the places its last cell is merged over (or an empty cell: the text
    /// cannot tell), so that cell spans to the right edge, as in the scraped layout.
    static func separatedGrid(of lines: ArraySlice<FoldedText>, title: FoldedText?) -> TableGrid {
        let rows = lines.map { line in
            let fields = line.text.split(separator: "\t", omittingEmptySubsequences: false)
            // Folding leaves TABs where they were, so the spellings pair up field by field.
            let spelled = line.original.split(separator: "\t", omittingEmptySubsequences: false)
            var row = fields.indices.map { k in
                Piece(fields[k], original: spelled.count == fields.count ? spelled[k] : fields[k], line: line.line)
            }
            while row.count > 1, row.last!.text.isEmpty { row.removeLast() }
            return row
        }
        return layOut(rows, title: title, line: lines.first?.line ?? 0)
    }

    // MARK: Rows and cells

    /// A cell's text, joined from its pieces, one per input line.
    struct Piece {
        var text = ""
        var original = ""
        var line: Int

        init(_ line: FoldedText) {
            self.line = line.line
            add(line)
        }

        /// A cell that is one field of a line.
        init(_ field: Substring, original: Substring, line: Int) {
            self.line = line
            text = String(field.trimmingSpaces)
            self.original = String(original.trimmingSpaces)
        }

        mutating func add(_ line: FoldedText) {
            let piece = line.text.trimmingSpaces
            if piece.isEmpty { return }
            // A cell's first line that folds to itself, as most do: its original is the same
            // text, one copy for both, trimmed once.
            if text.isEmpty, line.text.hasSameUTF8(as: line.original) {
                text = String(piece)
                original = text
                return
            }
            Self.join(piece, to: &text)
            Self.join(line.original.trimmingSpaces, to: &original)
        }

        /// Pieces join without a space (a label broken mid-word), or on a new line
        /// after the end of a sentence (1.…。\n2.…).
        private static func join(_ piece: Substring, to text: inout String) {
            // The first piece as it stands: a line's whole text keeps sharing the line's storage.
            guard !text.isEmpty else {
                text = String(piece)
                return
            }
            switch text.unicodeScalars.last {
            case "。", "；", ";", "！", "？", "!", "?": text += "\n"
            default: break
            }
            text.append(contentsOf: piece)
        }
    }

    /// The rows of cell pieces. `rowWidth`: the rows start without a TAB, and a line
    /// after a blank line, with TAB lines right after it, starts a row once the row has
    /// this many cells (0: always).
    private static func pieceRows(of lines: ArraySlice<FoldedText>, rowWidth: Int?) -> [[Piece]] {
        var rows: [[Piece]] = []
        var row: [Piece] = []
        var afterBlank = false
        // The row's last line continued a cell (效益指标\n\n（30分）, 绩\n\n效\n\n指\n\n标).
        var continued = false
        func endRow() {
            if !row.isEmpty { rows.append(row) }
            row = []
            // Room for as many cells as the row before: one allocation a row, not one a doubling.
            row.reserveCapacity(rows.last?.count ?? 0)
        }
        for k in lines.indices {
            let line = lines[k]
            if isGap(line) {
                afterBlank = true
                continue
            }
            if isCellStart(line) {
                // A blank line ends a row, except after a broken cell in a row narrower
                // than the one before: the cell's own blank lines run on into the row.
                if afterBlank && !(continued && row.count < (rows.last?.count ?? 0)) { endRow() }
                row.append(Piece(line))
                continued = false
                afterBlank = false
                continue
            }
            continued = true
            if row.isEmpty {
                row.append(Piece(line))
            } else if let rowWidth, row.count >= rowWidth, afterBlank, k + 1 < lines.endIndex, isCellStart(lines[k + 1]) {
                endRow()
                row.append(Piece(line))
            } else {
                row[row.count - 1].add(line)
            }
            afterBlank = false
        }
        endRow()
        return rows
    }

    private static func layOut(_ rows: [[Piece]], title: FoldedText?, line: Int) -> TableGrid {
        let columns = rows.map(\.count).max() ?? 0
        var grid = TableGrid(title: title.map { String($0.text.trimmingSpaces) }, line: line,
                             rows: rows.count, columns: columns, cells: [])
        for (r, row) in rows.enumerated() {
            var leading = true
            for (c, piece) in row.enumerated() {
                let text = piece.text
                if text.isEmpty, leading, r > 0,
                   let above = grid.cells.lastIndex(where: {
                       $0.column == c && $0.columnSpan == 1 && $0.row < r && $0.row + $0.rowSpan == r
                   }) {
                    grid.cells[above].rowSpan += 1
                    continue
                }
                leading = leading && text.isEmpty
                let span = c == row.count - 1 ? columns - c : 1
                grid.cells.append(TableGrid.Cell(row: r, column: c, columnSpan: span, text: text,
                                                 original: piece.original, line: piece.line))
            }
        }
        return grid
    }
}
