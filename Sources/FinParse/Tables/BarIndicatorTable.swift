import FoundationEssentials

/// Rebuilds a 绩效自评表 that a web page's text gives with bars between its cells, as page
/// converters write an HTML table: a row a line (`产出指标 | 数量指标 | 培训人次 | ≥ | 30 | …`),
/// every row padded with bars to the width of the widest (`合计 | 100 | |||||||||`), and a
/// row broken where a cell's text broke (`产 出 指 标 (50分) |`, the row going on with the next
/// line's cells); or with a bar before each row too, as Markdown writes a table, or a line a
/// row without padding, double-spaced or not. A header over two rows (云南's 年度指标值 over
/// 指标性质 | 指标值 | 度量单位) is read as one.
///
/// Such text drops the places a merged cell covers (a level over several rows, a 分值 shared
/// by a group), so a row's cells stand left of their columns. They are put back by what each
/// column holds: a level name (产出指标, 数量指标) only in a level column, a number or nothing
/// in 分值 and 得分, so that a row opens at its first column not covered from above, and the
/// 分值 a group shares is skipped by the rows under it (其中桃树种植面积 | 1.5亩 | 1.5亩). The
/// funds row is put under its header by its 执行率 (100%). A table whose lines do not add up
/// to whole rows, or whose rows do not fit the header, is not read here (a warning says so).
enum BarIndicatorTable {
    /// A table read, the lines it took (indices into the text's lines), and a warning when
    /// its rows stopped fitting its header before their 总分 row.
    struct Read {
        var grid: TableGrid
        var lines: Range<Int>
        var diagnostics: [Diagnostic]
    }

    /// Whether `line` may hold such a table's header: 三级(指标, or a mirror site's 三级(jí)指标) and a bar.
    static func mayHoldHeader(_ line: FoldedText) -> Bool {
        // The bar first: memchr passes over a line without one, where the first byte of 三 (E4)
        // starts a third of a report's characters.
        line.text.contains(utf8: UInt8(ascii: "|")) && line.text.contains(utf8: "三级")
    }

    /// Whether `line` has a cell 三级指标: an indicator table's header, read or not.
    static func namesHeader(_ line: FoldedText) -> Bool {
        mayHoldHeader(line) && line.text.split(separator: "|").contains { compact(String(withoutPinyin($0.trimmingSpaces))) == "三级指标" }
    }

    /// The run of lines with bars around the line `index`, within a form's length, from
    /// below the 总分 row of a form above and from `floor` on: where a table read at `index`
    /// may stand. The lines of a run that read no table are not walked again (`floor` after it)
    /// from each header line after them.
    static func extent(around index: Int, from floor: Int, in lines: [FoldedText]) -> ClosedRange<Int> {
        // A cell's text over lines (a 年度总体目标 of two paragraphs) puts a few lines without
        // a bar between the row's, and double-spaced text an empty line between rows: the run
        // goes on where a line with one follows them.
        func resumes(_ range: some Sequence<Int>) -> Int? {
            for (n, k) in range.enumerated() {
                if n > maxCellLines { return nil }
                if bars(lines[k]) > 0 { return k }
            }
            return nil
        }
        var first = index, last = index
        while first > floor, index - first < maxLines, !closesForm(lines[first - 1]) {
            if bars(lines[first - 1]) > 0 {
                first -= 1
            } else if let above = resumes(stride(from: first - 1, through: floor, by: -1)), !closesForm(lines[above]) {
                first = above
            } else {
                break
            }
        }
        while last + 1 < lines.count, last - first < maxLines {
            if bars(lines[last + 1]) > 0 {
                last += 1
            } else if let below = resumes((last + 1)..<lines.count) {
                last = below
            } else {
                break
            }
        }
        return first...last
    }

    private static let maxCellLines = 3

    /// The table whose header row holds the line `index` (``mayHoldHeader(_:)``) in the run of
    /// lines `extent` (``extent(around:from:in:)``), if its lines make whole rows and at least one
    /// indicator row fits its header.
    static func read(at index: Int, in extent: ClosedRange<Int>, of lines: [FoldedText]) -> Read? {
        let first = extent.lowerBound
        guard let rows = rows(of: lines[extent]),
              let header = rows.firstIndex(where: { $0.lines.contains(index) }),
              rows[header].cells.contains(where: { compact($0.text) == "三级指标" })
        else { return nil }
        // A header over two rows (云南's: 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | …, and under
        // its first cells 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位): one row, the
        // upper row's columns after 年度指标值 after the lower's.
        var headerCells = rows[header].cells, headerStart = header
        if header > 0, !headerCells.contains(where: { isScoreLabel(compact($0.text)) }),
           let target = rows[header - 1].cells.firstIndex(where: { compact($0.text).contains(utf8: "指标值") }),
           rows[header - 1].cells[target...].contains(where: { isScoreLabel(compact($0.text)) }) {
            headerCells += rows[header - 1].cells[(target + 1)...]
            headerStart = header - 1
        }
        guard let columns = Columns(headerCells) else { return nil }

        var builder = Builder(columns: columns)
        // The form's title on the line above, without bars (2021年度项目支出绩效自评表).
        let above = lines[..<first].lastIndex { !$0.isBlank }
        let title = above.flatMap { isTitle(lines[$0].text) && first - $0 <= 2 ? $0 : nil }
        builder.title = title.map { String(lines[$0].text.trimmingSpaces) }
        for row in rows[..<headerStart] { builder.addAboveHeader(row.cells) }
        builder.addHeader(headerCells)
        var end = header + 1, total = false
        while end < rows.count {
            let row = rows[end]
            if let firstCell = row.cells.first, SelfEvaluationReader.isTotal(firstCell.text) {
                builder.addRow(row.cells)
                end += 1
                total = true
                break
            }
            // …… for more rows the form left room for: no indicator.
            if row.cells.allSatisfy({ isEllipsis($0.text) }) {
                end += 1
                continue
            }
            guard let placed = columns.place(row.cells) else { break }
            builder.addIndicators(row.cells, at: placed)
            end += 1
        }
        guard builder.indicatorRows > 0 else { return nil }
        var diagnostics: [Diagnostic] = []
        if !total, end < rows.count, let stop = rows[end].cells.first {
            diagnostics.append(Diagnostic(severity: .warning, code: "indicators-not-read", message: """
                a 绩效 indicator table with bars between its cells was read up to line \(lines[rows[end - 1].lines.upperBound].line): \
                the row after it does not fit its header (a level or a number where none can stand), and its \
                indicators from there are not read
                """, line: stop.line))
        }
        // The lines after the table's last row read on as text (a 评价结论, the signatures).
        let taken = (title ?? first)..<(rows[end - 1].lines.upperBound + 1)
        return Read(grid: builder.grid(line: lines[title ?? first].line), lines: taken, diagnostics: diagnostics)
    }

    private static let maxLines = 400

    // MARK: Rows from lines

    /// A cell of a row: its text, as written, and its line.
    fileprivate struct Cell {
        var text: String
        var original: String
        var line: Int
    }

    /// The cells of a row, without the bars that pad it, and the indices of its lines.
    fileprivate struct Row {
        var cells: [Cell]
        var lines: ClosedRange<Int>
    }

    /// A line whose first cell is a 总分 or 合计: the end of a form.
    private static func closesForm(_ line: FoldedText) -> Bool {
        SelfEvaluationReader.isTotal(String(line.text.prefix { $0 != "|" }))
    }

    private static func bars(_ line: FoldedText) -> Int {
        line.text.utf8.reduce(0) { $0 + ($1 == 0x7C ? 1 : 0) }
    }

    /// The lines as rows. Where four in five of the lines with bars end in one, a converter's:
    /// lines joined until they hold as many bars as the widest line, each row's cells those
    /// before its padding (and after the bar that opens each row, where the first line has
    /// one); nil when a row would take more bars than that. Else, and where every line opens
    /// and ends with a bar (Markdown), a line a row (产出指标 | 数量指标 | …, | 产出指标 | … |).
    private static func rows(of lines: ArraySlice<FoldedText>) -> [Row]? {
        let width = lines.map(bars).max() ?? 0
        guard width >= 4 else { return nil }
        // Told by the lines with bars: a cell's lines between have none, or end in its text
        // (| 1.安全生产事故… / 2.以主动防范… | …); Markdown's never break.
        let barred = lines.filter { bars($0) > 0 }
        let ending = barred.count { $0.text.trimmingSpaces.hasSuffix("|") }
        let opened = barred.allSatisfy { $0.text.trimmingSpaces.hasPrefix("|") } && ending == barred.count
        let closed = !opened && ending * 5 >= barred.count * 4
        let leading = lines.first?.text.trimmingSpaces.hasPrefix("|") == true
        var rows: [Row] = []
        var cells: [Cell] = [], pending = "", pendingOriginal = "", count = 0, start = lines.startIndex
        for (k, line) in zip(lines.indices, lines) {
            let text = Array(line.text.split(separator: "|", omittingEmptySubsequences: false))
            let original = Array(line.original.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "|" || $0 == "｜" }))
            // Folding keeps a bar a bar: the original has as many.
            guard text.count == original.count else { return nil }
            var pieces = Array(zip(text, original))
            if !closed {
                // A line without a bar goes on with the text of the row before's last cell (a
                // cell of two paragraphs); a row of one cell stands so too, and is taken for one
                // where it is a level (成本指标) or the cell before a number (…| 10, then
                // 其中:当年财政拨款). Markdown's never break.
                if text.count == 1, !line.isBlank, !isLevel(String(line.text.trimmingSpaces)),
                   let last = rows.indices.last, let cell = rows[last].cells.indices.last,
                   !isValue(rows[last].cells[cell].text), !isScore(rows[last].cells[cell].text) {
                    rows[last].cells[cell].text += "\n" + String(line.text.trimmingSpaces)
                    rows[last].cells[cell].original += "\n" + String(line.original.trimmingSpaces)
                    rows[last].lines = rows[last].lines.lowerBound...k
                    continue
                }
                if opened { pieces.removeFirst() }
                if pieces.count > 1, opened { pieces.removeLast() }
                var row = pieces.map { Cell(text: String(withoutPinyin($0.trimmingSpaces)), original: String($1.trimmingSpaces), line: line.line) }
                while row.last?.text.isEmpty == true { row.removeLast() }
                // Markdown's rule under the header (|---|:---:|).
                if !row.allSatisfy({ $0.text.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " } }) { rows.append(Row(cells: row, lines: k...k)) }
                continue
            }
            for (piece, written) in pieces.dropLast() {
                cells.append(Cell(text: String(withoutPinyin((pending + piece).trimmingSpaces)),
                                  original: String((pendingOriginal + written).trimmingSpaces), line: line.line))
                pending = ""
                pendingOriginal = ""
                count += 1
                if count == width {
                    // A converter that opens each row with a bar too (| 项目名称 | …): not a cell.
                    if leading, cells.first?.text.isEmpty == true { cells.removeFirst() }
                    while cells.last?.text.isEmpty == true { cells.removeLast() }
                    rows.append(Row(cells: cells, lines: start...k))
                    cells = []
                    count = 0
                    start = k + 1
                }
            }
            // The text after a line's last bar opens the next cell.
            pending += text.last ?? ""
            pendingOriginal += original.last ?? ""
        }
        return rows
    }

    /// Without spaces: 一级 指标 and 产 出 指 标 are one label.
    private static func compact(_ text: String) -> String { SelfEvaluationReader.compact(text) }

    /// A 自评表's or 绩效目标表's title, its year after it or not: 部门预算项目支出绩效自评表(2023年度).
    private static func isTitle(_ text: String) -> Bool {
        let text = compact(text)
        return text.unicodeScalars.count <= 40
            && (text.contains(utf8: "自评表") || text.contains(utf8: "目标表") || text.hasSuffix("表") && text.contains(utf8: "绩效"))
    }

    /// A level's name (产出指标, 产 出 指 标 (50分), 服务对象满意度指标等), not an indicator's.
    fileprivate static func isLevel(_ text: String) -> Bool {
        var name = Substring(SelfEvaluationReader.withoutWeight(text))
        if name.hasSuffix("等") { name = name.dropLast() }
        return name.hasSuffix("指标") && name.unicodeScalars.count <= 12
    }

    /// A number or a percent, with or without a comparator (≥95%): a value, never a name.
    fileprivate static func isValue(_ text: String) -> Bool {
        var text = Substring(compact(text))
        text = text.drop { "≥≤><=≧≦".contains($0) }
        if text.hasSuffix("%") { text = text.dropLast() }
        guard !text.isEmpty, case .exact = Decimal.reading(text) else { return false }
        return true
    }

    private static func isEllipsis(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0 == "…" || $0 == "." || $0 == "。" || $0 == " " }
    }

    /// 分值, 权重, 得分 (分值(分), 得分(分)).
    private static func isScoreLabel(_ text: String) -> Bool { ["分值", "权重", "得分"].contains { text.hasPrefix($0) } }

    /// The text of a mirror site without the pinyin it puts after characters (三級指標(biāo)).
    private static func withoutPinyin(_ text: Substring) -> Substring {
        guard text.contains("(") else { return text }
        var result = "", rest = text
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            result += rest[..<open]
            if !FigureClause.isPinyin(Word(String(rest[rest.index(after: open)..<close]))) { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return Substring(result + rest)
    }

    /// The levels no level under them is named like: an 一级指标 wherever it stands.
    private static let firstLevels = ["产出指标", "效益指标", "满意度指标"]

    fileprivate static func isFirstLevel(_ text: String) -> Bool { firstLevels.contains(SelfEvaluationReader.withoutWeight(text)) }

    /// A 分值 or 得分: a number (90, 90分) or a dash or slash for none.
    fileprivate static func isScore(_ text: String) -> Bool {
        let text = compact(text)
        return text.isEmpty || ["/", "-", "—", "——", "\\"].contains(text) || SelfEvaluationReader.isPoints(text[...])
    }

    // MARK: The header's columns

    private struct Columns {
        let count: Int
        let level1: Int?, level2: Int?, name: Int
        /// 度量单位, 计量单位.
        let unit: Int?
        /// 分值, 权重, 得分.
        let scores: [Int]

        init?(_ header: [Cell]) {
            count = header.count
            let texts = header.map { compact($0.text) }
            // Labels, not values: a row that runs a header into its indicators (a page whose
            // rows the converter broke anywhere) is no header to place cells under.
            guard texts.allSatisfy({ $0.isEmpty || !$0.contains(utf8: "%") && !isScore($0) }) else { return nil }
            func column(_ words: String...) -> Int? { texts.firstIndex { text in words.contains { text.contains(utf8: $0) } } }
            // A 自评表's: a target, what was done and a score. A 绩效目标表 (its 指标值类型, 指标解释,
            // 评(扣)分标准 over cells a converter dropped when empty) is not read here.
            guard count >= 5, let name = column("三级指标"), column("指标值", "目标值") != nil,
                  column("完成值", "实际值", "完成情况") != nil, column("得分") != nil else { return nil }
            self.name = name
            level1 = column("一级指标")
            level2 = column("二级指标")
            unit = column("单位")
            scores = texts.indices.filter { isScoreLabel(texts[$0]) }
            // Before the levels, only a side label (绩效指标) over them: a form that gives each
            // row its project and budget first (单位名称 | 项目名称 | 预算数 | …) is not read here.
            guard texts[..<(level1 ?? level2 ?? name)].allSatisfy({ $0.contains(utf8: "指标") }) else { return nil }
        }

        /// The column of each of `row`'s cells, each in the first column from the last that may
        /// hold it; nil when one fits none.
        func place(_ row: [Cell]) -> [Int]? {
            var placed: [Int] = []
            var column = 0
            for (k, cell) in row.enumerated() {
                let nextIsLevel = k + 1 < row.count && BarIndicatorTable.isLevel(row[k + 1].text)
                while column < count, !holds(column, cell.text, nextIsLevel: nextIsLevel) { column += 1 }
                guard column < count else { return nil }
                placed.append(column)
                column += 1
            }
            // Values without the indicator they measure: cells out of their places.
            if let last = placed.last, last > name, !placed.contains(name) { return nil }
            return placed
        }

        private func holds(_ column: Int, _ text: String, nextIsLevel: Bool) -> Bool {
            let isLevel = BarIndicatorTable.isLevel(text)
            // An empty place left of the name (Markdown keeps them): the level above goes on.
            if column < name, text.isEmpty { return true }
            if column == level1 {
                // 成本指标 heads a group of its own in newer forms, or stands under 产出指标: the
                // first of two levels in a row is the higher.
                return isLevel && (isFirstLevel(text) || nextIsLevel || level2 == nil)
            }
            if column == level2 { return isLevel }
            if column < (level1 ?? level2 ?? name) { return false }  // a side label's (绩效指标) column
            if column == name { return !text.isEmpty && !isLevel && !isValue(text) }
            if scores.contains(column) { return isScore(text) }
            // A unit (万元, %, 人/年), not the 指标解释 after it where the unit was left empty.
            if column == unit { return text.unicodeScalars.count <= 6 }
            return true
        }
    }

    // MARK: The grid

    private struct Builder {
        let columns: Columns
        var cells: [TableGrid.Cell] = []
        var rowCount = 0, columnCount = 0
        var indicatorRows = 0
        var title: String?
        /// The funds header's 执行率 column and its value columns before it, once seen: the rows
        /// under it are placed by their percent.
        private var funds: (rate: Int, values: [Int], score: Int?)?
        /// By column, the cell that covers the column's places left out below it.
        private var open: [Int: Int] = [:]

        init(columns: Columns) {
            self.columns = columns
            columnCount = columns.count
        }

        private func cell(_ cell: Cell, column: Int) -> TableGrid.Cell {
            TableGrid.Cell(row: rowCount, column: column, text: cell.text, original: cell.original, line: cell.line)
        }

        /// A row, each cell in its column of `columns` (by default one after another from the first).
        mutating func addRow(_ row: [Cell], at columns: [Int]? = nil) {
            let columns = columns ?? Array(row.indices)
            for (c, column) in zip(row, columns) { cells.append(cell(c, column: column)) }
            columnCount = max(columnCount, (columns.last ?? -1) + 1)
            rowCount += 1
        }

        /// A row above the header: the title, a label and its value, the funds header and the
        /// rows under it, each under its column by its 执行率.
        mutating func addAboveHeader(_ row: [Cell]) {
            guard !row.isEmpty else { return }
            let texts = row.map { compact($0.text) }
            if rowCount == 0, title == nil, row.count == 1, texts[0].hasSuffix("表") || isTitle(texts[0]) {
                title = row[0].text
                return
            }
            // The funds header: short labels (a note may explain 预算执行率=预算执行数/…), no value.
            if texts.contains(where: { $0.contains(utf8: "预算") }),
               texts.contains(where: { $0.contains(utf8: "执行数") && $0.unicodeScalars.count <= 12 }),
               !texts.contains(where: { $0.hasSuffix("%") }) {
                funds = texts.firstIndex { $0.contains(utf8: "执行率") }.map { rate in
                    let values = texts[..<rate].indices.filter { Self.isFundsValueLabel(texts[$0]) }
                    return (rate, values, values.last { isScoreLabel(texts[$0]) })
                }
            } else if let funds, let placed = Self.place(texts, under: funds) {
                addRow(row, at: placed)
                return
            }
            addRow(row)
        }

        /// A value's label in the funds header (年初预算数, 全年执行数(B), 分值), not the row
        /// labels' (年度预算数(万元), 资金情况).
        private static func isFundsValueLabel(_ text: String) -> Bool {
            guard !text.hasSuffix("元)") else { return false }
            return ["预算数", "执行数", "分值", "权重"].contains { text.contains(utf8: $0) } || text.hasSuffix("预算")
        }

        /// The columns of a funds row's cells (`texts`), by its 执行率 (a percent) under the
        /// header's: its label before the first value column, its amounts in the value columns
        /// before the rate, left to right, a 分值 left out first where fewer (a 其中 row has
        /// none), and the cells after the rate after it. nil for a row without a rate.
        private static func place(_ texts: [String], under funds: (rate: Int, values: [Int], score: Int?)) -> [Int]? {
            guard let rate = texts.firstIndex(where: { $0.hasSuffix("%") }), let firstValue = funds.values.first,
                  let firstAmount = texts.firstIndex(where: { isScore($0) && !$0.isEmpty }), firstAmount < rate,
                  firstAmount <= firstValue else { return nil }
            var values = funds.values
            let amounts = rate - firstAmount
            if values.count > amounts, let score = funds.score { values.removeAll { $0 == score } }
            guard values.count == amounts else { return nil }
            let labels = Array((firstValue - firstAmount)..<firstValue)
            return labels + values + Array(funds.rate..<(funds.rate + texts.count - rate))
        }

        mutating func addHeader(_ row: [Cell]) {
            // The side label (绩效指标) covers its column down the indicator rows.
            if columns.level1 ?? columns.level2 ?? columns.name > 0 { open[0] = cells.count }
            addRow(row)
        }

        /// An indicator row, its cells in the columns `placed`: each place left out covered by
        /// the cell above it in the level columns, and in 分值 and 得分 where a cell stands above.
        mutating func addIndicators(_ row: [Cell], at placed: [Int]) {
            guard !row.isEmpty else { return }
            let last = placed.last ?? -1
            // A group's 分值 left out before the row's last cell: its 得分 after it is the group's too.
            let sharesScores = columns.scores.contains { !placed.contains($0) && $0 < last && open[$0] != nil }
            for column in 0..<columns.count where !placed.contains(column) {
                let covers = column < columns.name || columns.scores.contains(column) && (column < last || sharesScores)
                if covers, let above = open[column] { cells[above].rowSpan = rowCount - cells[above].row + 1 }
            }
            for (c, column) in zip(row, placed) {
                if column < columns.name, c.text.isEmpty, let above = open[column] {
                    cells[above].rowSpan = rowCount - cells[above].row + 1
                    continue
                }
                open[column] = cells.count
                cells.append(cell(c, column: column))
            }
            rowCount += 1
            indicatorRows += 1
        }

        func grid(line: Int) -> TableGrid {
            TableGrid(title: title, line: line, rows: rowCount, columns: columnCount, cells: cells)
        }
    }
}
