import FoundationEssentials

/// Whether a table coded by 科目 (功能分类 201 / 20106 / 2010601, 经济分类 301 / 30101) adds up
/// down its columns: each 类 is the sum of its 款, each 款 of its 项, a 合计 row (above the coded
/// rows, as 决算 tables set it, or below) the sum of the 类.
///
/// A row is coded when its first cells are its code, whole (2010601) or in parts (201 | 06 |
/// 01, or `01 行政运行` with the name), and a name follows. A row can hold two coded halves side
/// by side (the 基本支出 决算表's 人员经费 | 公用经费): each half is read with the code column it
/// starts in, and its amounts are those up to the next code.
enum SubtotalCheck {
    /// A part of a row that starts with a code: the code's digits, the column it starts in,
    /// and its amounts' indices by column (``ambiguous`` where a cell holds more than one).
    private struct Coded {
        var code: String
        var column: Int
        var amounts = ByColumn()
    }

    /// Figures' indices by column, for the few columns of a row: in an array, not a
    /// dictionary, as a table can have tens of thousands of rows.
    private struct ByColumn {
        private(set) var entries: [(column: Int, index: Int)] = []

        var isEmpty: Bool { entries.isEmpty }

        subscript(column: Int) -> Int? {
            get { entries.first { $0.column == column }?.index }
            set {
                let old = entries.firstIndex { $0.column == column }
                switch (old, newValue) {
                case let (old?, new?): entries[old].index = new
                case let (old?, nil): entries.remove(at: old)
                case let (nil, new?): entries.append((column, new))
                case (nil, nil): break
                }
            }
        }
    }

    private static let ambiguous = -1

    private struct Position: Hashable { var row: Int, column: Int }

    /// A warning for each subtotal that is not the sum of the rows under it, and for a
    /// 合计 row that is not the sum of the 类 rows. Only differences of up to 1% of the
    /// subtotal, as in ``TableFigures/sumDiagnostics(_:in:)``: a larger one is most often a row
    /// whose cells were not read whole (pdftotext's layout), not the report's.
    static func diagnostics(_ figures: [Figure], in table: Table) -> [Diagnostic] {
        guard !figures.isEmpty else { return [] }
        // The non-empty cells in row and column order, by their indices: a table can have
        // hundreds of thousands.
        var order = table.cells.indices.filter { !table.cells[$0].text.isEmpty }
        let place = { (index: Int) in (table.cells[index].row, table.cells[index].column) }
        if !zip(order, order.dropFirst()).allSatisfy({ place($0) < place($1) }) { order.sort { place($0) < place($1) } }
        let cells = order.lazy.map { table.cells[$0] }
        let rows = TableFigures.runs(of: cells, by: \.row)
        // The columns codes start in, from the rows that name theirs: there, a code whose name
        // wrapped onto the lines around its row (30108 | 446.11) is a code too.
        var codeColumns = Set<Int>()
        for row in rows {
            for i in row where code(startingAt: i, in: cells, row: row, named: true) != nil { codeColumns.insert(cells[i].column) }
        }
        guard !codeColumns.isEmpty else { return [] }

        var amounts: [Position: Int] = [:]
        for (index, figure) in figures.enumerated() {
            guard let cell = figure.cell else { continue }
            let place = Position(row: cell.row, column: cell.column)
            amounts[place] = amounts[place] == nil ? index : ambiguous
        }
        var coded: [Int: [Coded]] = [:]  // by the code's column, in row order
        var incomplete = Set<Int>()  // code columns with a code not read as one
        var totals: [ByColumn] = []
        // The last code of the row before when it had no amount: pdftotext's layout may print a
        // half's code at the end of one line and its name and amount on the next (30207 /
        // 邮电费 8.05), whose amounts before any code are that code's.
        var unfinished: (column: Int, index: Int)?
        for row in rows {
            var current: Coded?
            var rowAmounts = ByColumn()
            var i = row.lowerBound
            while i < row.upperBound {
                let named = !codeColumns.contains(cells[i].column) || amounts[Position(row: cells[i].row, column: cells[i].column)] != nil
                if let (code, next) = code(startingAt: i, in: cells, row: row, named: named) {
                    if let current { coded[current.column, default: []].append(current) }
                    current = Coded(code: code, column: cells[i].column)
                    i = next  // the name's cell, which may hold an amount too
                    if i == row.upperBound { break }
                }
                if let amount = amounts[Position(row: cells[i].row, column: cells[i].column)] {
                    if current == nil, let unfinished, cells[i].column > unfinished.column {
                        coded[unfinished.column]![unfinished.index].amounts[cells[i].column] = amount
                    }
                    current?.amounts[cells[i].column] = amount
                    rowAmounts[cells[i].column] = amount
                } else if let digits = digitsOnly(cells[i].text), [3, 5, 7].contains(digits.utf8.count) {
                    // A code not read as one: the rows under its 类 are not all known.
                    incomplete.insert(cells[i].column)
                }
                i += 1
            }
            unfinished = nil
            if let current {
                coded[current.column, default: []].append(current)
                if current.amounts.isEmpty { unfinished = (current.column, coded[current.column]!.count - 1) }
            } else if cells[row.lowerBound].text.utf8.lazy.filter({ $0 != UInt8(ascii: " ") }).elementsEqual("合计".utf8) {
                totals.append(rowAmounts)
            }
        }

        var diagnostics: [Diagnostic] = []
        func check(_ total: ByColumn, against parts: [Coded], name: (Figure) -> String) {
            // A part with no amount at all was not read whole: nothing can be said.
            guard !parts.isEmpty, parts.allSatisfy({ !$0.amounts.isEmpty }) else { return }
            for (column, index) in total.entries.sorted(by: { $0.column < $1.column }) where index != ambiguous {
                guard parts.allSatisfy({ $0.amounts[column] != ambiguous }) else { continue }
                let figure = figures[index]
                let sum = parts.compactMap { $0.amounts[column] }.map { figures[$0].value }.reduce(0, +)
                let off = figure.value - sum
                guard off != 0, off.magnitude * 100 <= figure.value.magnitude else { continue }
                let rows = "\(parts.count) \(level(of: parts[0].code)) \(parts.count == 1 ? "row" : "rows")"
                diagnostics.append(Diagnostic(
                    severity: .warning, code: "table-subtotal",
                    message: "\(table.kind ?? table.title ?? "a table"), \(name(figure)), column \(column): \(figure.text) "
                        + "is not the sum of its \(rows) as read, \(sum) (off by \(off))",
                    line: figure.line))
            }
        }
        for column in coded.keys.sorted() where !incomplete.contains(column) {
            let rows = coded[column]!
            for (k, parent) in rows.enumerated() where parent.code.utf8.count < 7 {
                let under = rows[(k + 1)...].prefix { $0.code.hasPrefix(parent.code) && $0.code.utf8.count > parent.code.utf8.count }
                let children = under.filter { $0.code.utf8.count == parent.code.utf8.count + 2 }
                check(parent.amounts, against: children) { "\(level(of: parent.code)) \(parent.code) \($0.label ?? "")" }
            }
        }
        // A table split in two halves of codes has no one 合计 over its 类.
        if coded.count == 1, incomplete.isEmpty, let rows = coded.values.first {
            for total in totals {
                check(total, against: rows.filter { $0.code.utf8.count == 3 }) { "\($0.label ?? "合计")" }
            }
        }
        return diagnostics
    }

    /// The code that starts at `cells[start]` and the index of the cell after it, the row's
    /// name if `named`: whole cells of digits (201, 06, 01; 2010601), and the digits that
    /// open the name's own cell (`01 行政运行`). A 类 first, or a whole code; three, five or
    /// seven digits in all.
    private static func code(startingAt start: Int, in cells: LazyMapCollection<[Int], Table.Cell>, row: Range<Int>,
                             named: Bool) -> (String, Int)? {
        var code = ""
        var firstLength: Int?
        var i = start
        // Three parts at most: a longer run of whole numbers is amounts.
        while i < row.upperBound, i - start < 3, let digits = digitsOnly(cells[i].text) {
            code += digits
            firstLength = firstLength ?? digits.utf8.count
            i += 1
        }
        if i < row.upperBound, holdsName(cells[i].text) {
            let opening = cells[i].text.utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            if !opening.isEmpty, cells[i].text.utf8.dropFirst(opening.count).first == UInt8(ascii: " ") {
                code += String(decoding: opening, as: UTF8.self)
                firstLength = firstLength ?? opening.count
            }
        } else if named || i == start {
            return nil
        }
        guard let firstLength, [3, 5, 7].contains(firstLength), [3, 5, 7].contains(code.utf8.count) else { return nil }
        return (code, i)
    }

    /// The level a code of 3, 5 or 7 digits stands for.
    private static func level(of code: String) -> String {
        switch code.utf8.count {
        case 3: "类"
        case 5: "款"
        default: "项"
        }
    }

    /// The digits of a cell of digits alone, spaces between them allowed (201 06 01).
    private static func digitsOnly(_ text: String) -> String? {
        var digits = 0
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte != UInt8(ascii: " ") {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        return digits == text.utf8.count ? text : String(decoding: text.utf8.filter { $0 != UInt8(ascii: " ") }, as: UTF8.self)
    }

    /// Whether a cell holds a name: a CJK ideograph (U+4000–U+9FFF, lead bytes E4–E9 in UTF-8).
    private static func holdsName(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0xE4 && $0 <= 0xE9 }
    }
}
