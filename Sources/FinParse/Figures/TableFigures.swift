import FoundationEssentials

/// The figures of a table that states its unit once (单位：万元) and writes bare
/// numbers in its cells: each money-shaped number is an amount in that unit,
/// labelled by the row's text to its left (总计 2,995.39 → 总计).
enum TableFigures {
    /// The figures, and a diagnostic for each money-shaped cell too long to hold exactly.
    static func figures(in table: Table) -> (figures: [Figure], diagnostics: [Diagnostic]) {
        guard let unit = table.unit, unit != .percent else { return ([], []) }
        var figures: [Figure] = []
        var diagnostics: [Diagnostic] = []
        let rows = Dictionary(grouping: table.cells, by: \.row)
        for cell in table.cells {
            guard let value = amount(cell.text) else {
                if isMoneyShaped(cell.text), case .tooLong = Decimal.reading(cell.text) {
                    diagnostics.append(.figureTooLong(cell.text, line: cell.line))
                }
                continue
            }
            let label = rows[cell.row, default: []]
                .filter { $0.column < cell.column && amount($0.text) == nil && !$0.text.isEmpty }
                .max { $0.column < $1.column }
                .flatMap { withoutCode($0.text) }
            figures.append(Figure(text: cell.text, value: value, unit: unit, label: label, line: cell.line))
        }
        return (figures, diagnostics)
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

    private static func isMoneyShaped(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        guard let point = digits.firstIndex(of: ".") else { return false }
        return (1...2).contains(digits[digits.index(after: point)...].count)
            && digits[..<point].first?.isNumber == true
            && digits.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." }
    }
}
