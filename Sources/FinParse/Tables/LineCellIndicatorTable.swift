import FoundationEssentials

/// Rebuilds a 绩效自评表 or 绩效目标表 whose cells stand a line each, as a word processor's
/// text export prints a Word table (LibreOffice: an empty cell an empty line, and each place a
/// merged cell covers an empty cell too). Its header (绩效指标 | 一级指标 | 二级指标 | 三级指标 |
/// 年度指标值 | … | 偏差原因分析及改进措施) is a run of short lines; each indicator row after it
/// is as many lines as the header has cells, up to the 总分 row.
///
/// A run is a row only if it fits the header: its level columns empty or a level (数量指标,
/// 产出指标(50分)), its 分值 and 得分 empty or a number, an indicator named when it has any
/// value. A cell of two paragraphs puts the rows after it out of step, and the reading stops
/// there, with a warning when more indicators follow. Above the header, the lines back to the
/// table's title give the 自评表's name and department (each label's value on the next line) and
/// its funds (the 年初预算数 … 得分 header, then 年度资金总额 and one value a header cell); each
/// other line there is a row of one cell, so that nothing is lost.
enum LineCellIndicatorTable {
    /// A table read, the lines it took (indices into the text's lines, from its title), and a
    /// warning when its rows stopped fitting before their end.
    struct Read {
        var grid: TableGrid
        var lines: Range<Int>
        var diagnostics: [Diagnostic]
    }

    /// Whether `line` is the 三级指标 header cell alone on its line: where such a table may be.
    static func mayHoldHeader(_ line: FoldedText) -> Bool {
        line.text.utf8.count <= 24 && line.text.trimmingSpaces.utf8.elementsEqual("三级指标".utf8)
    }

    /// The table whose header holds the line `index` (``mayHoldHeader(_:)``), if at least one
    /// indicator row after it fits the header.
    static func read(at index: Int, in lines: [FoldedText]) -> Read? {
        // A header has a dozen cells or so: a longer run of such lines is none, and is not
        // walked whole from each of its lines (20,000 lines of 三级指标 took 79 s).
        var first = index, last = index
        while first > 0, index - first < maxHeader, isHeaderCell(lines[first - 1]) { first -= 1 }
        while last + 1 < lines.count, last - first < maxHeader, isHeaderCell(lines[last + 1]) { last += 1 }
        guard last - first < maxHeader else { return nil }
        let header = lines[first...last].map { cellText($0) }
        func column(_ words: String...) -> Int? { header.firstIndex { text in words.contains { text.contains(utf8: $0) } } }
        guard header.count >= 5, let name = column("三级指标"), column("指标值", "目标值") != nil else { return nil }
        let weight = column("分值", "权重"), score = column("得分")

        // The indicator rows, each the indices of its lines.
        var rows: [Range<Int>] = []
        var next = last + 1
        while next + header.count <= lines.count, !startsTotal(at: next, width: header.count, in: lines) {
            let row = next..<(next + header.count)
            guard fits(row, in: lines, name: name, numbers: [weight, score].compactMap { $0 }) else { break }
            rows.append(row)
            next = row.upperBound
        }
        guard rows.contains(where: { row in row.contains { !lines[$0].isBlank && $0 - row.lowerBound >= name } }) else { return nil }
        var total: Range<Int>?
        if startsTotal(at: next, width: header.count, in: lines), let start = (next..<min(next + header.count, lines.count)).first(where: { !lines[$0].isBlank }) {
            var end = start + 1
            while end < lines.count, end - start <= 2, SelfEvaluationReader.isPoints(cellText(lines[end])) { end += 1 }
            total = start..<end
            next = end
        }

        let title = titleIndex(before: first, in: lines)
        var builder = Builder()
        if let title { builder.addLines(above: (title + 1)..<first, in: lines) }
        builder.addHeader(first...last, in: lines)
        builder.addIndicators(rows, levelsBefore: name, in: lines)
        if let total { builder.addRow(Array(total), in: lines) }
        var diagnostics: [Diagnostic] = []
        if total == nil, let stop = lines[next..<min(next + 2 * header.count, lines.count)].first(where: { isLevel(cellText($0)) }) {
            diagnostics.append(Diagnostic(severity: .warning, code: "indicators-not-read", message: """
                a 绩效 indicator table whose cells stand a line each was read up to line \(lines[next - 1].line): \
                the lines after it do not fit its header's \(header.count) cells a row (a cell of two paragraphs?), \
                and its indicators from there are not read
                """, line: stop.line))
        }
        let start = title ?? first
        let grid = TableGrid(title: title.map { String(cellText(lines[$0])) }, line: lines[start].line,
                             rows: builder.rowCount, columns: builder.columnCount, cells: builder.cells)
        return Read(grid: grid, lines: start..<next, diagnostics: diagnostics)
    }

    // MARK: Lines as cells

    private static func cellText(_ line: FoldedText) -> Substring { line.text.trimmingSpaces }

    /// A header cell: short, naming a column (一级指标, 年度指标值, 分值, 偏差原因分析及改进措施)
    /// or the side label over them (绩效指标).
    private static func isHeaderCell(_ line: FoldedText) -> Bool {
        let text = cellText(line)
        return !text.isEmpty && text.unicodeScalars.count <= 16 && headerWords.contains { text.contains(utf8: $0) }
            && !text.unicodeScalars.contains(where: \.isASCIIDigit)
    }

    private static let headerWords = ["指标", "完成值", "分值", "得分", "权重", "偏差", "原因", "措施", "完成情况"]
    private static let maxHeader = 24

    /// A level: 数量指标, 产出指标(50分), 服务对象满意度指标.
    private static func isLevel(_ text: Substring) -> Bool {
        text.unicodeScalars.count <= 16 && text.contains(utf8: "指标")
    }

    /// Whether the run of `width` lines from `start` opens with the 总分 row (总分, 合计).
    private static func startsTotal(at start: Int, width: Int, in lines: [FoldedText]) -> Bool {
        guard let first = lines[start..<min(start + width, lines.count)].first(where: { !$0.isBlank }) else { return false }
        return SelfEvaluationReader.isTotal(String(cellText(first)))
    }

    /// Whether the lines `row` fit the header as a row: the cells left of the name column
    /// (`name`) empty or levels, the `numbers` columns empty or numbers, and an indicator named
    /// when the row has any value.
    private static func fits(_ row: Range<Int>, in lines: [FoldedText], name: Int, numbers: [Int]) -> Bool {
        let cells = row.map { cellText(lines[$0]) }
        guard cells[..<name].allSatisfy({ $0.isEmpty || isLevel($0) }),
              numbers.allSatisfy({ cells[$0].isEmpty || SelfEvaluationReader.isPoints(cells[$0]) }) else { return false }
        return !cells[name].isEmpty || cells[(name + 1)...].allSatisfy(\.isEmpty)
    }

    /// The 自评表's title above its header, within a form's length (2021年度项目支出绩效自评表),
    /// when the lines between are the form's: a label of its (资金, 年度总体目标, 名称), no
    /// 总分 row (another table's end).
    private static func titleIndex(before header: Int, in lines: [FoldedText]) -> Int? {
        let reach = max(0, header - 120)..<header
        guard let title = reach.reversed().first(where: { i in
            let text = cellText(lines[i])
            return text.unicodeScalars.count <= 40 && text.hasSuffix("表") && (text.contains(utf8: "自评") || text.contains(utf8: "绩效目标"))
        }) else { return nil }
        let between = lines[(title + 1)..<header].map { cellText($0) }
        guard between.contains(where: { text in formLabels.contains { text.contains(utf8: $0) } }),
              !between.contains(where: { SelfEvaluationReader.isTotal(String($0)) }) else { return nil }
        return title
    }

    private static let formLabels = ["资金", "年度总体目标", "名称"]

    /// The grid, row by row.
    private struct Builder {
        var cells: [TableGrid.Cell] = []
        var rowCount = 0
        var columnCount = 0
        /// Where the header's cells start in `cells`.
        private var header = 0

        /// The cell a line is, in the row being built.
        private func cell(_ line: FoldedText, column: Int) -> TableGrid.Cell {
            TableGrid.Cell(row: rowCount, column: column, text: String(cellText(line)), original: String(line.original.trimmingSpaces),
                           line: line.line)
        }

        mutating func addRow(_ indices: [Int], in lines: [FoldedText], firstColumn: Int = 0) {
            for (k, i) in indices.enumerated() { cells.append(cell(lines[i], column: firstColumn + k)) }
            columnCount = max(columnCount, firstColumn + indices.count)
            rowCount += 1
        }

        mutating func addHeader(_ header: ClosedRange<Int>, in lines: [FoldedText]) {
            self.header = cells.count
            addRow(Array(header), in: lines)
        }

        /// The indicator rows, each level cell (the columns before `levelsBefore`) spanning the
        /// empty places below it, as the merged cell it was: the header's side label (绩效指标)
        /// over the column it heads.
        mutating func addIndicators(_ rows: [Range<Int>], levelsBefore name: Int, in lines: [FoldedText]) {
            // The cell each level column's empty places extend: the header's side label first.
            var open: [Int?] = (0..<name).map { c in
                c == 0 && !SelfEvaluationReader.compact(cells[header].text).contains(utf8: "级指标") ? header : nil
            }
            for row in rows {
                for (k, i) in row.enumerated() {
                    let empty = lines[i].isBlank
                    if k < name, empty, let merged = open[k] {
                        cells[merged].rowSpan = rowCount - cells[merged].row + 1
                        continue
                    }
                    if k < name { open[k] = empty ? nil : cells.count }
                    cells.append(cell(lines[i], column: k))
                }
                rowCount += 1
            }
        }

        /// The lines between the title and the header: a label and its value side by side, the
        /// funds header over its 资金总额 row, each other line a row of its own.
        mutating func addLines(above range: Range<Int>, in lines: [FoldedText]) {
            let filled = range.filter { !lines[$0].isBlank }
            var k = 0
            while k < filled.count {
                let text = cellText(lines[filled[k]])
                if text.contains(utf8: "年初预算") {
                    // The funds header runs on to its 得分; its values follow 资金总额, one a cell.
                    var end = k
                    while end + 1 < filled.count, filled[end + 1] == filled[end] + 1, !cellText(lines[filled[end]]).contains(utf8: "得分") {
                        end += 1
                    }
                    let width = end - k + 1
                    if let total = filled[(end + 1)...].firstIndex(where: { cellText(lines[$0]).contains(utf8: "资金总额") }),
                       filled[total] + width < lines.count {
                        addRow(Array(filled[k...end]), in: lines, firstColumn: 1)
                        for between in filled[(end + 1)..<total] { addRow([between], in: lines) }
                        addRow(Array(filled[total]...(filled[total] + width)), in: lines)
                        k = filled.firstIndex { $0 > filled[total] + width } ?? filled.count
                        continue
                    }
                }
                if Self.isLabel(text), k + 1 < filled.count {
                    addRow([filled[k], filled[k + 1]], in: lines)
                    k += 2
                    continue
                }
                addRow([filled[k]], in: lines)
                k += 1
            }
        }

        /// A label whose value is the next cell: the 自评表's name, department or 实施单位, as
        /// ``SelfEvaluationReader`` reads them.
        private static func isLabel(_ text: Substring) -> Bool {
            (SelfEvaluationReader.nameLabels + ["实施单位"]).contains { text.utf8.elementsEqual($0.utf8) }
                || SelfEvaluationReader.departmentLabels.contains { text.unicodeScalars.hasSuffix($0) }
        }
    }
}
