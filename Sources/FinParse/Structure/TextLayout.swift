/// Separates the lines of a text report into body paragraphs and tables.
enum TextLayout {
    static func read(_ lines: [FoldedText]) -> ReportBody {
        var result = ReportBody()
        var lines = lines
        let layout = PageText.layout(of: lines)
        let paginated = layout == .pages
        switch layout {
        case .pages:
            let pages = PageText.clean(lines)
            lines = SpacedIndicatorTable.joiningHeaders(pages.lines)
            result.hints.partMarkers = pages.partMarkers
            result.hints.chapterTitles = pages.chapterTitles
            result.diagnostics = pages.diagnostics
            result.listedTables = pages.listedTables
        case .wrapped:
            lines = PageText.joinWrapped(lines, longLines: PageText.pieceLongLines)
        case .lines:
            PageText.joinBroken(&lines)
        }
        var i = 0
        // Where the last table of page text ended, and how many such tables came one after
        // another with nothing that closes a table between.
        var lastSpacedTable: (end: Int, run: Int)?
        // The lines before this start no TAB-separated table: each line of a run of separated
        // cells that is no table is asked once, not once for every line before it in the run.
        var noSeparatedTableBefore = 0
        // The lines before this, in runs with bars read already (a table or none), are not
        // read again from a header line after them.
        var barLinesRead = 0
        // The last line that titled a standard table over no rows.
        var emptyTitle: Int?
        // Lines a table found later takes from above, which were taken for paragraphs a moment
        // ago, the last ones: taken back from the end, not searched for among all.
        func takeBackParagraphs(_ above: ArraySlice<FoldedText>) {
            while let last = result.paragraphs.last, above.contains(where: { $0.line == last.line && $0.original == last.original }) {
                result.paragraphs.removeLast()
            }
        }
        while i < lines.count {
            let line = lines[i]
            // pdftotext -layout tables: a standard table runs from its title to its note;
            // any other run of lines aligned in columns is a table too.
            // Also in text without pages, where a table's cells stand a line each without a
            // TAB (LibreOffice's text export): a table of TAB lines is its own readers'. A title
            // is short (its name and 32 characters more at most): most lines are not asked.
            let titlesTable = paginated ? SpacedTableReader.standardTitle(at: i, in: lines) != nil
                : line.text.utf8.count <= 160 && !TextTableReader.isCellStart(line)
                    && SpacedTableReader.standardTitle(at: i, in: lines) != nil && !TextTableReader.tabbedRowsFollow(i, in: lines)
            // In text without pages a 目录 is still in place: a list of titles, each over the
            // next (8．…经济分类预算表 / 9．…“三公”经费…预算表 / 六、其他相关情况说明). The last
            // heads no table either, which would take the body after it for its rows.
            if titlesTable, !paginated, let above = lines[..<i].lastIndex(where: { !$0.isBlank }), above == emptyTitle {
                result.paragraphs.append(line)
                emptyTitle = i
                i += 1
                continue
            }
            if titlesTable {
                result.paragraphs.append(line)
                let rows = SpacedTableReader.rowsUnderTitle(at: i, in: lines)
                if rows.isEmpty { emptyTitle = i }
                result.paragraphs += lines[rows].filter(SpacedTableReader.isCaption)
                // A title over nothing but its captions (the next table's title right below) heads no table.
                let grid = rows.isEmpty ? nil : SpacedTableReader.grid(of: lines[rows], before: rows.lowerBound, in: lines)
                if let grid, !grid.cells.isEmpty { result.tables.append(grid) }
                i = rows.upperBound
                lastSpacedTable = nil
                continue
            }
            if paginated, SpacedTableReader.isColumnar(line) {
                // A 自评表 printed from Word, read whole from its title: its head's lines were
                // taken for paragraphs.
                if let form = TopAlignedIndicatorTable.form(at: i, in: lines) {
                    takeBackParagraphs(lines[form.lines.lowerBound..<i])
                    result.tables.append(form.grid)
                    i = form.lines.upperBound
                    lastSpacedTable = nil
                    continue
                }
                let extent = SpacedTableReader.extent(at: i, in: lines)
                let grid = SpacedTableReader.grid(of: lines[extent], before: i, in: lines)
                // A 部门：…  单位：万元 line alone is about a table, not one.
                if grid.cells.isEmpty {
                    result.paragraphs += lines[extent].filter { !$0.isBlank }
                } else {
                    result.paragraphs += lines[extent].filter(SpacedTableReader.isCaption)
                    let run = lastSpacedTable.map { !lines[$0.end..<i].contains(where: TextTableReader.closesTable) ? $0.run : 0 } ?? 0
                    if let form = SpacedIndicatorTable.form(endingWith: grid, after: result.tables.suffix(run)) {
                        result.tables.removeLast(form.replacing)
                        result.tables.append(form.table)
                        lastSpacedTable = (extent.upperBound, 1)
                    } else {
                        result.tables.append(grid)
                        lastSpacedTable = (extent.upperBound, run + 1)
                    }
                }
                i = extent.upperBound
                continue
            }
            if i >= noSeparatedTableBefore {
                let run = TextTableReader.separatedRun(at: i, in: lines)
                if run.isTable {
                    let grid = TextTableReader.separatedGrid(of: lines[run.lines], title: SpacedTableReader.title(before: i, in: lines))
                    result.tables.append(standardized(grid, rows: lines[run.lines], in: lines))
                    i = run.lines.upperBound
                    lastSpacedTable = nil
                    continue
                }
                noSeparatedTableBefore = run.lines.upperBound
            }
            if i >= barLinesRead, BarIndicatorTable.mayHoldHeader(line) {
                let extent = BarIndicatorTable.extent(around: i, from: barLinesRead, in: lines)
                if let read = BarIndicatorTable.read(at: i, in: extent, of: lines) {
                    // Its rows down to here were taken for paragraphs a moment ago.
                    takeBackParagraphs(lines[read.lines.lowerBound..<i])
                    result.tables.append(read.grid)
                    result.diagnostics += read.diagnostics
                    i = read.lines.upperBound
                    barLinesRead = i
                    lastSpacedTable = nil
                    continue
                }
                barLinesRead = extent.upperBound + 1
                if BarIndicatorTable.namesHeader(line) {
                    result.diagnostics.append(Diagnostic(severity: .warning, code: "indicators-not-read", message: """
                        a 绩效 indicator table with bars between its cells has its header (三级指标) here and was not \
                        read: its lines do not make whole rows, its header is no 自评表's (a target, what was done and a \
                        score), or none of its rows fits it; the page, PDF or Word file itself gives them
                        """, line: line.line))
                }
            }
            if LineCellIndicatorTable.mayHoldHeader(line), let read = LineCellIndicatorTable.read(at: i, in: lines) {
                // Its title and the lines down to here were taken for paragraphs a moment ago.
                takeBackParagraphs(lines[read.lines.lowerBound..<i])
                result.tables.append(read.grid)
                result.diagnostics += read.diagnostics
                i = read.lines.upperBound
                lastSpacedTable = nil
                continue
            }
            guard TextTableReader.isCellStart(line) else {
                if !line.isBlank { result.paragraphs.append(line) }
                i += 1
                continue
            }
            var extent = TextTableReader.extent(at: i, in: lines)
            // Rows that start without a TAB: so did the first, on the lines just above
            // (back to the table's title), which were taken for paragraphs a moment ago.
            if TextTableReader.firstCellsLackTabs(lines[extent]) {
                var start = i
                while start > 0, !TextTableReader.closesTable(lines[start - 1]),
                      !(lines[start - 1].isBlank && (start < 2 || lines[start - 2].isBlank)) {
                    start -= 1
                }
                // By line and text: a page's last line may share its number with the next
                // page's first (a form feed inside an input line).
                let firstCell = lines[start..<i]
                result.paragraphs.removeAll { p in firstCell.contains { $0.line == p.line && $0.original == p.original } }
                extent = start..<extent.upperBound
            }
            // Titled as a spaced table is: a standard table's name may stand a few lines up,
            // above its 单位 line.
            let grid = TextTableReader.grid(of: lines[extent], title: SpacedTableReader.title(before: extent.lowerBound, in: lines))
            result.tables.append(standardized(grid, rows: lines[extent], in: lines))
            i = extent.upperBound
            lastSpacedTable = nil
        }
        // An indicator table's header among the paragraphs: its table was not read, and its
        // indicators would be missing without a word.
        // Once for a table: a header line told of already (above, a table with bars) is not again.
        let told = Set(result.diagnostics.filter { $0.code == "indicators-not-read" }.map(\.line))
        if let header = result.paragraphs.first(where: { isLoneHeader($0.text) }), !told.contains(header.line) {
            result.diagnostics.append(Diagnostic(severity: .warning, code: "indicators-not-read", message: """
                a 绩效 indicator table's header (三级指标) stands alone on its line, outside any table: its cells \
                stand a line each, as pdftotext without -layout or a word processor's text export prints them, and \
                its indicators are not read; pdftotext -layout, or the PDF or Word file itself, gives them
                """, line: header.line))
        } else if let header = result.paragraphs.first(where: { namesLevelsInTurn($0.text) }), !told.contains(header.line) {
            result.diagnostics.append(Diagnostic(severity: .warning, code: "indicators-not-read", message: """
                a 绩效 indicator table's header (二级指标 三级指标 …) stands in a line of text, outside any table: \
                its cells are run together or parted by spaces or bars (|), as a web page's text or a converter \
                gives a table, and its indicators are not read; TABs between the cells, or the page, PDF or Word \
                file itself, give them
                """, line: header.line))
        }
        return result
    }

    /// Whether `text` names 二级指标 and 三级指标 one after the other, with nothing between but
    /// spaces or bars: a header row, not a sentence (设置二级指标8个、三级指标20个).
    private static func namesLevelsInTurn(_ text: String) -> Bool {
        // Every paragraph is asked: the bytes first, as the search by Characters is slow.
        guard text.contains(utf8: "二级指标"), let second = text.firstRange(of: "二级指标") else { return false }
        return text[second.upperBound...].drop(while: isCellSpace).hasPrefix("三级指标")
    }

    /// Whether `text` is 三级指标 alone, but for spaces and bars around it (三级指标 |).
    private static func isLoneHeader(_ text: String) -> Bool {
        guard text.utf8.count <= 64, text.contains(utf8: "三级指标") else { return false }
        let trimmed = text.drop(while: isCellSpace)
        return trimmed.hasPrefix("三级指标") && trimmed.dropFirst(4).allSatisfy(isCellSpace)
    }

    /// What stands between a flattened table's cells: spaces, TABs, bars.
    private static func isCellSpace(_ character: Character) -> Bool { character == " " || character == "|" || character == "\t" }

    /// A table of text lines with the kind and unit of the standard table its title names, if
    /// any: only a standard table reads its bare numbers in a unit, as a 自评表's 分值 is no money.
    private static func standardized(_ grid: TableGrid, rows: ArraySlice<FoldedText>, in lines: [FoldedText]) -> TableGrid {
        grid.title.flatMap(SpacedTableReader.kind(of:)) == nil ? grid
            : SpacedTableReader.withKindAndUnit(grid, rows: rows, before: rows.startIndex, in: lines)
    }
}
