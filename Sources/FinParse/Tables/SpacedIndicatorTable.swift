import FoundationEssentials

/// A table of 绩效指标 (一级指标 / 二级指标 / 三级指标 / 指标值 …) as `pdftotext -layout`
/// lays it out: where it ends, and its merged cells put back.
///
/// A merged 一级指标 or 二级指标 cell prints its text once, centred on the rows it covers:
/// on the middle row, or on a line of its own between two rows when it covers an even
/// number. A label too long for its cell wraps around the middle (服务对象满意 / 满意度指标 /
/// 度指标), as does a long 三级指标 around its row's target. The form's side label 绩效指标,
/// which covers every indicator row, stands on one of their lines at the left edge. Read
/// as lines, each level would label the one row it stands on. A 自评表 whose cells are set at
/// their tops, as Word sets them, is read by ``TopAlignedIndicatorTable``.
enum SpacedIndicatorTable {
    /// Whether `line` is the header of a table of 绩效指标.
    static func isHeader(_ line: FoldedText) -> Bool {
        holds(line.text, "三级指标") && (holds(line.text, "一级指标") || holds(line.text, "二级指标"))
    }

    /// `lines` with each indicator header that a form sets over two rows read as one line: the
    /// levels' line (一级指标 二级指标 三级指标) lacks the values' heads, which stand on a line or
    /// two above it, centred on both rows (年度指标值 实际完成值 分值 得分 …, under a group label
    /// 指标 over the levels). Their words are written into the levels' line where it is blank,
    /// two spaces clear of its own words (a group label that would touch one is left out), and the
    /// lines above are left blank, so that the form reads as one with its header on one line.
    static func joiningHeaders(_ lines: [FoldedText]) -> [FoldedText] {
        var lines = lines
        for k in lines.indices where lines[k].text.contains(utf8: "三级指标") && isHeader(lines[k])
            && !(lines[k].text.contains(utf8: "指标值") || lines[k].text.contains(utf8: "目标值")) {
            let above = (max(0, k - 3)..<k).filter { !lines[$0].isBlank }
            // Not across a page's break: a form feed starts the page's first line.
            guard above.contains(where: { lines[$0].text.contains(utf8: "指标值") || lines[$0].text.contains(utf8: "目标值") }),
                  !above.contains(where: { TextTableReader.closesTable(lines[$0]) || lines[$0].text.contains(utf8: 0x0C) })
            else { continue }
            let own = Array(lines[k].text.unicodeScalars)
            var merged = own
            for a in above {
                let scalars = Array(lines[a].text.unicodeScalars)
                var start = 0
                while start < scalars.count {
                    guard scalars[start] != " " else { start += 1; continue }
                    var end = start
                    while end < scalars.count, scalars[end] != " " { end += 1 }
                    if merged.count < end + 2 { merged += Array(repeating: " ", count: end + 2 - merged.count) }
                    // Clear of the levels' line's own words; the words above keep their own spacing.
                    if (max(0, start - 2)..<(end + 2)).allSatisfy({ $0 >= own.count || own[$0] == " " })
                        && merged[start..<end].allSatisfy({ $0 == " " }) {
                        merged.replaceSubrange(start..<end, with: scalars[start..<end])
                    }
                    start = end
                }
            }
            while merged.last == " " { merged.removeLast() }
            let joined = FoldedText(String(String.UnicodeScalarView(merged)), line: lines[k].line)
            guard joined.text.contains(utf8: "指标值") || joined.text.contains(utf8: "目标值") else { continue }
            lines[k] = joined
            for a in above { lines[a] = FoldedText("", line: lines[a].line) }
        }
        return lines
    }

    /// The lines of the table whose header is at `start`. Under it a line of two cells (a
    /// 三级指标 and its target) is a row, however narrow its one gap; a line of one cell (a
    /// level, half of a wrapped cell) belongs to the table when rows follow within a few
    /// lines, or when it comes right under a row (the lower half of the last row's label).
    static func extent(at start: Int, in lines: [FoldedText]) -> Range<Int> {
        func isRow(_ line: FoldedText) -> Bool { PageText.isColumnar(line.text) || line.text.trimmingSpaces.contains(utf8: "  ") }
        return TextTableReader.extent(from: start, in: lines, isRow: isRow) { k in
            guard !TextTableReader.closesTable(lines[k]) else { return nil }
            if let next = (k + 1..<min(lines.count, k + 4)).first(where: { isRow(lines[$0]) }) { return next }
            return isRow(lines[k - 1]) && !lines[k].text.trimmingSpaces.unicodeScalars.isLonger(than: 16) ? k : nil
        }
    }

    /// A project's form (财政项目支出绩效目标填报表) read as several tables, as the prose of its
    /// 项目总目标 parts it: its head (项目名称 and 主管部门 or 实施单位 …), what follows, and its
    /// 绩效指标 `indicators` are one table, so that the indicators are read with the project's
    /// name and department. `previous` are the tables read just before, nothing that closes
    /// a table between; the form and how many of them it takes the place of, if one of the
    /// last few is the head.
    static func form(endingWith indicators: TableGrid, after previous: ArraySlice<TableGrid>)
        -> (table: TableGrid, replacing: Int)? {
        func has(_ grid: TableGrid, _ label: String) -> Bool { grid.cells.contains { holds($0.text, label) } }
        guard has(indicators, "三级指标"), !has(indicators, "项目名称") else { return nil }
        for count in stride(from: 1, through: min(3, previous.count), by: 1) {
            let head = previous[previous.endIndex - count]
            if has(head, "三级指标") { return nil }
            guard has(head, "项目名称"), has(head, "主管部门") || has(head, "实施单位") else { continue }
            var form = head
            for part in previous.suffix(count - 1) + [indicators] {
                form.cells += part.cells.map { cell in
                    var cell = cell
                    cell.row += form.rows
                    return cell
                }
                form.rows += part.rows
                form.columns = max(form.columns, part.columns)
            }
            return (form, count)
        }
        return nil
    }

    /// `grid` with its level cells spanning the rows they cover, wrapped cells joined and the
    /// side label in a column of its own; any other grid as it is.
    static func mergingLevels(_ grid: TableGrid) -> TableGrid {
        guard let nameHeader = grid.cells.first(where: { holds($0.text, "三级指标") }) else { return grid }
        let headerRow = nameHeader.row
        let nameColumn = nameHeader.column
        let levelColumns = ["一级指标", "二级指标"].compactMap { level in
            grid.cells.first { $0.row == headerRow && holds($0.text, level) }?.column
        }
        guard let firstLevel = levelColumns.min() else { return grid }
        var table = Cells(grid.cells.filter { $0.row > headerRow })
        table.splitLevels(levelColumns)
        let side = table.cells.indices.first { i in
            table.cells[i].column <= firstLevel && SelfEvaluationReader.compact(table.cells[i].text) == "绩效指标"
        }
        if let side { table.removed.insert(side) }
        // A 三级指标 wrapped around its target: the halves' lines hold nothing right of it.
        table.joinWrapped(in: nameColumn) { top, middle, bottom in
            top.allSatisfy { $0.column <= nameColumn } && bottom.allSatisfy { $0.column <= nameColumn }
                && middle.contains { $0.column > nameColumn }
        }
        // A level wrapped around a line: the upper half of a whole label would end in 指标.
        for column in levelColumns {
            table.joinWrapped(in: column) { top, _, _ in
                top.first { $0.column == column }.map { !SelfEvaluationReader.compact($0.text).hasSuffix("指标") } ?? false
            }
        }

        // Rows with an indicator have a cell in the 三级指标 column or right of it; the others
        // hold only levels. A row stands on the line of those cells, and starts at the top of
        // its highest cell, wrapped halves included.
        let live = table.cells.indices.filter { !table.removed.contains($0) }
        let indicatorCells = live.filter { table.cells[$0].column >= nameColumn }
        let indicatorRows = Set(indicatorCells.map { table.cells[$0].row }).sorted()
        guard !indicatorRows.isEmpty else { return grid }
        let baseline = Dictionary(indicatorCells.map { (table.cells[$0].row, table.cells[$0].line) }, uniquingKeysWith: max)
        var top: [Int: Int] = [:]
        for i in live { top[table.cells[i].row] = min(top[table.cells[i].row] ?? .max, table.tops[i] ?? table.cells[i].line) }
        let labels = levelColumns.map { column in
            live.filter { table.cells[$0].column == column && !table.cells[$0].text.isEmpty }
                .sorted { table.cells[$0].line < table.cells[$1].line }
        }
        // Labels set at the top of their cells stand each on the first row it covers; centred
        // ones do not all: one stands on a line between rows, or after the first row.
        let isIndicatorRow = Set(indicatorRows)
        let centred = labels.contains { column in
            column.first.map { table.cells[$0].row != indicatorRows[0] } == true
                || column.contains { !isIndicatorRow.contains(table.cells[$0].row) }
        }
        // Each label covers the indicator rows from the first that no label has taken to the
        // next label's; a centred one only as far below it as that first row is above. That
        // is a line out where a label stands between two lines (an even count of rows), so a
        // 一级指标 ends where the 二级指标 block whose end is nearest ends.
        var spans: [Int: Int] = [:]  // index of a label cell → the last indicator row it covers
        var finerEnds = Set<Int>()  // into indicatorRows: the last rows of the 二级指标 blocks
        for column in labels.reversed() {
            var next = 0  // into indicatorRows
            var ends = Set<Int>()
            for (k, label) in column.enumerated() {
                guard next < indicatorRows.count else { break }
                let limit = k + 1 < column.count ? table.cells[column[k + 1]].line : .max
                var last = next
                while last + 1 < indicatorRows.count, baseline[indicatorRows[last + 1]]! < limit { last += 1 }
                var end = last
                if centred {
                    let reach = 2 * table.cells[label].line - top[indicatorRows[next]]!
                    let distance = { (e: Int) in abs(top[indicatorRows[e]]! - reach) }
                    end = (next...last).filter(finerEnds.contains).min { distance($0) < distance($1) }
                        ?? (next...last).last { top[indicatorRows[$0]]! <= reach } ?? next
                }
                table.cells[label].row = indicatorRows[next]
                spans[label] = indicatorRows[end]
                ends.insert(end)
                next = end + 1
            }
            finerEnds = ends
        }

        // Rows left empty go; the rest are numbered again after the header's, spans with them.
        let bodyRows = Set(live.map { table.cells[$0].row }).sorted()
        let newRow = Dictionary(uniqueKeysWithValues: bodyRows.enumerated().map { ($1, headerRow + 1 + $0) })
        // A span's last row may have lost its cells to a join: it ends on the row before.
        func renumbered(_ row: Int) -> Int {
            newRow[row] ?? bodyRows.last { $0 < row }.flatMap { newRow[$0] } ?? headerRow + 1
        }
        let shift = side == nil ? 0 : 1
        var body: [TableGrid.Cell] = live.map { i in
            var cell = table.cells[i]
            cell.row = renumbered(cell.row)
            if let last = spans[i] { cell.rowSpan = max(1, renumbered(last) - cell.row + 1) }
            cell.column += shift
            return cell
        }
        if let side {
            var cell = table.cells[side]
            cell.row = renumbered(indicatorRows[0])
            cell.rowSpan = max(1, renumbered(indicatorRows.last!) - cell.row + 1)
            cell.column = 0
            body.append(cell)
        }
        body.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        var merged = grid
        merged.cells = grid.cells.filter { $0.row <= headerRow }.map { cell in
            var cell = cell
            cell.column += shift
            return cell
        } + body
        merged.rows = headerRow + 1 + bodyRows.count
        merged.columns = grid.columns + shift
        return merged
    }

    /// The body's cells as they are joined and moved, and those taken out.
    private struct Cells {
        var cells: [TableGrid.Cell]
        var removed = Set<Int>()
        /// The top line of a cell joined from wrapped halves, by index.
        var tops: [Int: Int] = [:]

        init(_ cells: [TableGrid.Cell]) { self.cells = cells }

        /// Two levels a single space apart (效益指标 社会效益指标) read as one cell over both
        /// level columns: a cell each.
        mutating func splitLevels(_ levelColumns: [Int]) {
            guard levelColumns.count == 2 else { return }
            let (first, second) = (levelColumns.min()!, levelColumns.max()!)
            for i in cells.indices where cells[i].column == first && cells[i].column + cells[i].columnSpan > second {
                let words = cells[i].text.split(separator: " ", maxSplits: 1)
                guard words.count == 2 else { continue }
                var rest = cells[i]
                rest.column = second
                rest.columnSpan = 1
                rest.text = String(words[1])
                rest.original = String(words[1])
                cells[i].columnSpan = second - first
                cells[i].text = String(words[0])
                cells[i].original = String(words[0])
                cells.append(rest)
            }
        }

        /// Joins the halves of a cell wrapped around a line: cells of `column` two lines apart
        /// with a line between that has cells but none in `column`, when `accepts` the three
        /// lines' cells. The joined cell stands on the middle line.
        mutating func joinWrapped(in column: Int,
                                  accepts: (_ top: [TableGrid.Cell], _ middle: [TableGrid.Cell], _ bottom: [TableGrid.Cell]) -> Bool) {
            var byLine: [Int: [Int]] = [:]
            for i in cells.indices where !removed.contains(i) { byLine[cells[i].line, default: []].append(i) }
            func cellsOf(_ line: Int) -> [TableGrid.Cell] { (byLine[line] ?? []).filter { !removed.contains($0) }.map { cells[$0] } }
            for line in byLine.keys.sorted() {
                guard let upper = byLine[line]?.first(where: { !removed.contains($0) && cells[$0].column == column }),
                      let lower = byLine[line + 2]?.first(where: { !removed.contains($0) && cells[$0].column == column }),
                      let middle = byLine[line + 1]?.filter({ !removed.contains($0) }), !middle.isEmpty,
                      !middle.contains(where: { cells[$0].column == column }),
                      accepts(cellsOf(line), cellsOf(line + 1), cellsOf(line + 2))
                else { continue }
                removed.formUnion([upper, lower])
                var joined = cells[upper]
                joined.row = cells[middle[0]].row
                joined.line = line + 1
                joined.text += cells[lower].text
                joined.original += cells[lower].original
                tops[cells.count] = line
                cells.append(joined)
                byLine[line + 1, default: []].append(cells.count - 1)
            }
        }
    }

    /// Whether `text` holds `label`, spaces aside. Every cell of every table of page text is
    /// asked: only one with the label's last character is compacted, and only if it has a space.
    private static func holds(_ text: String, _ label: String) -> Bool {
        if text.contains(utf8: label) { return true }
        guard let last = label.unicodeScalars.last, text.unicodeScalars.contains(last) else { return false }
        return SelfEvaluationReader.compact(text).contains(utf8: label)  // 一级 指标 is 一级指标
    }
}
