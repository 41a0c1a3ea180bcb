import FoundationEssentials

/// The figures of a table that states its unit once (单位：万元) and writes bare
/// numbers in its cells: each money-shaped number is an amount in that unit,
/// labelled by the row's text to its left (总计 2,995.39 → 总计).
enum TableFigures {
    /// The figures, and a diagnostic for each money-shaped cell too long to hold exactly.
    static func figures(in table: Table) -> (figures: [Figure], diagnostics: [Diagnostic]) {
        guard let unit = table.unit, unit != .percent else { return ([], []) }
        let layout = Layout(table)
        var figures: [Figure] = []
        var diagnostics: [Diagnostic] = []
        for cell in table.cells {
            guard let values = amounts(cell.text) else {
                if isMoneyShaped(cell.text), case .tooLong = Decimal.reading(cell.text) {
                    diagnostics.append(.figureTooLong(cell.text, line: cell.line))
                }
                continue
            }
            let label = layout.label(of: cell)
            for (text, value) in values {
                figures.append(Figure(text: text, value: value, unit: unit, label: label, line: cell.line))
            }
        }
        return (figures, diagnostics)
    }

    /// A table's cells by row, for reading an amount's label.
    private struct Layout {
        let rows: [Int: [Table.Cell]]
        /// Columns that hold labels: more text than amounts.
        let labelColumns: Set<Int>

        init(_ table: Table) {
            rows = Dictionary(grouping: table.cells, by: \.row)
            labelColumns = Set(Dictionary(grouping: table.cells.filter { !$0.text.isEmpty }, by: \.column)
                .filter { _, cells in cells.filter { amounts($0.text) == nil }.count > cells.count / 2 }.keys)
        }

        /// The text at a grid position, a spanning cell's included; nil where it is empty.
        func text(_ row: Int, _ column: Int) -> String? {
            rows[row]?.first { $0.column <= column && column < $0.column + $0.columnSpan && !$0.text.isEmpty }?.text
        }

        /// Whether `row` is the line `line` and holds text but no amount: a piece of a label.
        func isFragment(_ row: Int, line: Int) -> Bool {
            guard let cells = rows[row], cells.first?.line == line else { return false }
            return !cells.contains { amounts($0.text) != nil }
        }

        /// The row's text to the left of the amount, without its code. But when the amount's
        /// own label column is empty on its line and the text further left is another column
        /// group's (三、国防支出) or a code, the label is wrapped around the amount on the lines
        /// right above and below (三、单位预留机动经 / 3,990.40 / 费), or right above alone
        /// when the line below starts the next row's wrapped label (行政运行 / 1092.80 /
        /// 城乡社区规划 / 2739.56).
        func label(of cell: Table.Cell) -> String? {
            let nearest = rows[cell.row, default: []]
                .filter { $0.column < cell.column && amounts($0.text) == nil && !$0.text.isEmpty }
                .max { $0.column < $1.column }
            let left = cell.column - 1
            guard labelColumns.contains(left), text(cell.row, left) == nil, (nearest?.column ?? left) < left,
                  isFragment(cell.row - 1, line: cell.line - 1), let above = text(cell.row - 1, left)
            else { return nearest.flatMap { withoutCode($0.text) } }
            guard isFragment(cell.row + 1, line: cell.line + 1), let below = text(cell.row + 1, left) else {
                return nearest.flatMap { withoutCode($0.text) }
            }
            let nextRowWraps = rows[cell.row + 2]?.first?.line == cell.line + 2 && text(cell.row + 2, left) == nil
                && rows[cell.row + 2, default: []].contains { amounts($0.text) != nil }
            return withoutCode(nextRowWraps ? above : above + below)
        }
    }

    /// A row label without the 科目编码 before it: 201 06 01 行政运行 → 行政运行; nil when
    /// the code is all there is.
    static func withoutCode(_ text: String) -> String? {
        let words = text.split(separator: " ").drop { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// 2,940.05, 6.20, -3.5: a number with decimals, as money columns print it. Whole
    /// numbers are left out: in these tables they are 科目编码 and 栏次 (and 1. a list marker).
    static func amount(_ text: String) -> Decimal? {
        isMoneyShaped(text) ? Decimal(exactString: text) : nil
    }

    /// The amounts of a cell: one, or several a space apart (2,336.91 603.14), which is how
    /// the cells of sparse columns (合计 | 基本支出 | 项目支出) can share a cell when pdftotext's
    /// spacing drifts; each is a figure of its row. nil when any part is not an amount.
    static func amounts(_ text: String) -> [(text: String, value: Decimal)]? {
        var found: [(text: String, value: Decimal)] = []
        for part in text.split(separator: " ") {
            guard let value = amount(String(part)) else { return nil }
            found.append((String(part), value))
        }
        return found.isEmpty ? nil : found
    }

    private static func isMoneyShaped(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        guard let point = digits.firstIndex(of: ".") else { return false }
        return (1...2).contains(digits[digits.index(after: point)...].count)
            && digits[..<point].first?.isNumber == true
            && digits.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." }
    }
}
