import FoundationEssentials

/// The figures of a table that states its unit once (单位：万元) and writes bare
/// numbers in its cells: each money-shaped number is an amount in that unit,
/// labelled by the row's text to its left (总计 2,995.39 → 总计).
enum TableFigures {
    /// The figures, and a diagnostic for each money-shaped cell too long to hold exactly and
    /// for each row of a total and its parts that does not add up (``sumDiagnostics(_:in:)``), and
    /// for each subtotal of a coded table that is not the sum of the rows under it
    /// (``SubtotalCheck``).
    /// `headerLabels`: the labels of amounts that have none on their row, by cell line and
    /// column (a 三公 table's one row of values, labelled by its header).
    static func figures(in table: Table, headerLabels: [TableGrid.Place: String] = [:]) -> (figures: [Figure], diagnostics: [Diagnostic]) {
        guard let (unit, multiplier) = table.unit?.figureUnit else { return ([], []) }
        let layout = Layout(table)
        var figures: [Figure] = []
        figures.reserveCapacity(layout.partCount)
        var diagnostics: [Diagnostic] = []
        for cell in table.cells {
            guard let parts = layout.amounts(of: cell) else { continue }
            let rowLabel = layout.label(of: cell)
            for (text, value, label) in parts {
                if let value {
                    let label = (label ?? rowLabel ?? headerLabels[TableGrid.Place(line: cell.line, column: cell.column)])
                        .map(withoutLetterSpacing)
                    figures.append(Figure(text: text, value: value * multiplier, unit: unit, label: label, line: cell.line,
                                          cell: Figure.CellPlace(table: table.index, row: cell.row, column: cell.column)))
                } else {
                    diagnostics.append(.figureTooLong(text, line: cell.line))
                }
            }
        }
        return (figures, diagnostics + sumDiagnostics(figures, in: table) + SubtotalCheck.diagnostics(figures, in: table))
    }

    /// A label printed letter-spaced to fill its cell (其 他 商 品 和 服 务 支出, 当 年 收 入):
    /// without the spaces between its characters, when at least two such spaces part it. One
    /// space between two words (图书和档案 分散自行组织) stays.
    static func withoutLetterSpacing(_ label: String) -> String {
        guard label.utf8.contains(0x20) else { return label }
        let scalars = Array(label.unicodeScalars)
        func isCharacter(_ scalar: Unicode.Scalar) -> Bool {
            (0x4E00...0x9FFF).contains(scalar.value) || "()（）".unicodeScalars.contains(scalar)
        }
        func isSpacing(_ index: Int) -> Bool {
            scalars[index] == " " && index > 0 && index + 1 < scalars.count
                && isCharacter(scalars[index - 1]) && isCharacter(scalars[index + 1])
        }
        guard scalars.indices.count(where: isSpacing) >= 2 else { return label }
        return String(String.UnicodeScalarView(scalars.indices.filter { !isSpacing($0) }.map { scalars[$0] }))
    }

    /// The index ranges of `elements` that share `key` one after another: a table's rows.
    static func runs<Elements: RandomAccessCollection<Element>, Element, Key: Equatable>(
        of elements: Elements, by key: (Element) -> Key
    ) -> [Range<Int>] where Elements.Index == Int {
        var runs: [Range<Int>] = []
        var start = elements.startIndex
        while start < elements.endIndex {
            let end = elements[start...].firstIndex { key($0) != key(elements[start]) } ?? elements.endIndex
            runs.append(start..<end)
            start = end
        }
        return runs
    }

    /// The standard tables whose first amount column is the total of the others: 合计 |
    /// 基本支出 | 项目支出 (and 上缴上级支出 …), 本年收入合计 | 财政拨款收入 | ….
    static let totalFirstKinds: Set<String> = [
        "支出决算表", "收入决算表", "一般公共预算财政拨款支出决算表", "支出预算总表", "收入预算总表",
        "一般公共预算支出功能分类预算表", "一般公共预算支出预算表", "财政拨款支出预算表",
    ]

    /// A warning for each row of a total-first table (``totalFirstKinds``) with three amounts
    /// or more whose first is not the sum of the others: reports round a part and not the
    /// total (86,959,408.34 | 22,118,861 | 64,840,547), or print a wrong one. Only differences
    /// of up to 1% of the total: a larger one is most often a row whose cells pdftotext's
    /// layout did not give whole (an amount of the next row on its line), not the report's.
    static func sumDiagnostics(_ figures: [Figure], in table: Table) -> [Diagnostic] {
        guard let kind = table.kind, totalFirstKinds.contains(kind) else { return [] }
        var diagnostics: [Diagnostic] = []
        for run in runs(of: figures, by: \.cell?.row) where run.count >= 3 {
            let start = run.lowerBound
            let total = figures[start].value
            let parts = figures[(start + 1)..<run.upperBound]
            let sum = parts.map(\.value).reduce(0, +)
            let off = total - sum
            guard off != 0, (off.magnitude * 100) <= total.magnitude else { continue }
            diagnostics.append(Diagnostic(
                severity: .warning, code: "table-sum",
                message: "\(kind), \(figures[start].label ?? "a row"): \(figures[start].text) is not the sum of "
                    + "\(parts.map(\.text).joined(separator: " + ")) = \(sum) (off by \(off))",
                line: figures[start].line))
        }
        return diagnostics
    }

    /// A table's cells indexed for reading amounts' labels, each cell read once: a row of a
    /// PDF table can hold thousands of cells, and a table hundreds of thousands of rows, so
    /// what is kept of each cell and row is kept in arrays (a dictionary by grid position
    /// took 1.6 KB a row of a long TAB table, 44% of what its parse held at its peak).
    private struct Layout {
        /// The table's cells; those read are the non-empty ones, in row and column order.
        private let cells: [Table.Cell]
        /// The grid positions the cells cover, their spans included, row by row in column
        /// order: each a column and the index of its cell in ``cells``.
        private var covered: [(column: Int, cell: Int)] = []
        private var coveredOfRow: ByRow<Range<Int>>
        /// The amounts of each cell that holds any, read once; by index in ``cells``.
        private var cellParts: [[Amount]?]
        /// For each amount cell, the index of the nearest text cell to its left on its row (not
        /// an amount, nor a whole number), whose text after its amounts is in ``restTexts``
        /// where it holds some among its words.
        private var cellNearest: [Int?]
        private var restTexts: [Int: String] = [:]
        /// The rows that hold an amount, and each row's line and number of non-empty cells.
        private var amountRows: ByRow<Void>
        private var lines: ByRow<Int>
        private var cellCounts: ByRow<Int>
        /// The rows that hold words, true for the 科目 levels' header (类 款 项, nothing else);
        /// the rows that hold a whole number that is no amount (a code), and those that start
        /// with one.
        private var wordRows: ByRow<Bool>
        private var codeRows: ByRow<Void>
        private var codeFirstRows: ByRow<Void>
        /// Each row's first amount cell, by index in ``cells``.
        private var firstAmounts: ByRow<Int>
        /// The widest text of each column (``width(of:)``).
        private var widest: [Int: Int] = [:]
        /// Columns that hold labels: more text than amounts, and some of it among the amounts'
        /// rows (not a heading's column alone: 金 of a letter-spaced 金 额 over the amounts).
        private let labelColumns: Set<Int>
        /// For a table of one column, each amount row's label (``labelsAbove(rows:)``).
        private var labelsAbove: [Int: String]?
        /// How many amounts the cells hold.
        private(set) var partCount = 0

        init(_ table: Table) {
            let cells = table.cells
            self.cells = cells
            // A dash or slash marking an empty cell labels nothing, as an empty cell does.
            let order = cells.indices.filter { !cells[$0].text.isEmpty && !TableFigures.marksEmpty(cells[$0].text) }
                .sorted { (cells[$0].row, cells[$0].column) < (cells[$1].row, cells[$1].column) }
            cellParts = Array(repeating: nil, count: cells.count)
            cellNearest = Array(repeating: nil, count: cells.count)
            let rowCount = (order.last.map { cells[$0].row } ?? -1) + 1
            (amountRows, codeRows, codeFirstRows) = (ByRow(count: rowCount), ByRow(count: rowCount), ByRow(count: rowCount))
            (lines, cellCounts, firstAmounts) = (ByRow(count: rowCount), ByRow(count: rowCount), ByRow(count: rowCount))
            wordRows = ByRow(count: rowCount)
            coveredOfRow = ByRow(count: rowCount)
            var columnCounts: [Int: (text: Int, all: Int)] = [:]
            var lastText: (row: Int, cell: Int)?  // the row's, as the cells go left to right
            var textPlaces: [(row: Int, column: Int)] = []
            for (index, amounts) in zip(order, Self.amounts(ofRowsOf: order.lazy.map { cells[$0] })) {
                let cell = cells[index]
                let rowStart = coveredOfRow[cell.row]?.lowerBound ?? covered.endIndex
                Self.cover(cell, index: index, rowStart: rowStart, in: &covered)
                coveredOfRow[cell.row] = rowStart..<covered.endIndex
                lines[cell.row] = lines[cell.row] ?? cell.line
                cellCounts[cell.row] = (cellCounts[cell.row] ?? 0) + 1
                columnCounts[cell.column, default: (0, 0)].all += 1
                let left = lastText.flatMap { $0.row == cell.row ? $0.cell : nil }
                if let amounts {
                    amountRows.insert(cell.row)
                    cellParts[index] = amounts.map { ($0.text, $0.value, nil) }
                    cellNearest[index] = left
                    firstAmounts[cell.row] = firstAmounts[cell.row] ?? index
                } else {
                    columnCounts[cell.column, default: (0, 0)].text += 1
                    textPlaces.append((cell.row, cell.column))
                    widest[cell.column] = max(widest[cell.column] ?? 0, Self.width(of: cell.text))
                    // Whole numbers label nothing: codes (208 05 05), or an empty column's 0.
                    guard Self.holdsWords(cell.text) else {
                        codeRows.insert(cell.row)
                        if cellCounts[cell.row] == 1 { codeFirstRows.insert(cell.row) }
                        continue
                    }
                    wordRows[cell.row] = wordRows[cell.row] ?? true
                        && cell.text.unicodeScalars.allSatisfy { "类款项 ".unicodeScalars.contains($0) }
                    var rest = cell.text
                    if let inline = TableFigures.amountsAmongWords(cell.text) {
                        amountRows.insert(cell.row)
                        cellParts[index] = inline.amounts
                        cellNearest[index] = left
                        rest = inline.after
                        restTexts[index] = rest
                    }
                    // Nor does how the row is bought.
                    if Self.holdsWords(rest), !TableFigures.purchaseMethods.contains(rest) {
                        lastText = (cell.row, index)
                    }
                }
            }
            let firstAmountRow = amountRows.first ?? 0
            let bodyTextColumns = Set(textPlaces.filter { $0.row >= firstAmountRow }.map(\.column))
            labelColumns = Set(columnCounts.filter { $0.value.text > $0.value.all / 2 && bodyTextColumns.contains($0.key) }.keys)
            if table.columns == 1 { labelsAbove = labelsAbove(rows: (0..<rowCount).filter { lines[$0] != nil }) }
            partCount = cellParts.reduce(0) { $0 + ($1?.count ?? 0) }
        }

        /// Adds the positions `cell` covers to its row's, which start at `rowStart` in
        /// `covered`. A cell spanning over the next one's start keeps the positions past the
        /// next one's: each position is the last cell's that covers it.
        private static func cover(_ cell: Table.Cell, index: Int, rowStart: Int, in covered: inout [(column: Int, cell: Int)]) {
            let span = cell.column..<(cell.column + cell.columnSpan)
            let overlapped = covered[rowStart...].partitioningIndex { $0.column >= span.lowerBound }
            let pastSpan = covered[overlapped...].filter { $0.column >= span.upperBound }
            covered.removeSubrange(overlapped...)
            covered.append(contentsOf: span.lazy.map { ($0, index) })
            covered.append(contentsOf: pastSpan)
        }

        /// The index in ``cells`` of the cell that covers a grid position; nil where it is empty.
        private func cell(_ row: Int, _ column: Int) -> Int? {
            guard let positions = coveredOfRow[row] else { return nil }
            let found = covered[positions].partitioningIndex { $0.column >= column }
            return found < positions.upperBound && covered[found].column == column ? covered[found].cell : nil
        }

        /// The index in ``cells`` of the cell whose top-left position this is.
        private func cell(startingAt row: Int, _ column: Int) -> Int? {
            cell(row, column).flatMap { cells[$0].column == column ? $0 : nil }
        }

        /// The amounts of the cell at a grid position; nil for a cell without any.
        private func parts(_ row: Int, _ column: Int) -> [Amount]? {
            cell(startingAt: row, column).flatMap { cellParts[$0] }
        }

        /// The nearest text cell left of an amount cell (``cellNearest``), with its text after
        /// its own amounts.
        private func nearest(to cell: Table.Cell) -> Table.Cell? {
            guard let index = self.cell(startingAt: cell.row, cell.column), let left = cellNearest[index] else { return nil }
            var nearest = cells[left]
            if let rest = restTexts[left] { nearest.text = rest }
            return nearest
        }

        /// A raw extraction (pdftotext without -layout) gives a table one column, each cell a
        /// line, its rows one after another: a code, a name (its lines wrapped right below one
        /// another: 机关事业单位基本养老保 / 险缴费支出), the row's amounts (208 / 社会保障和就业支出 /
        /// 754.75 / 754.75 / 0.00). Each amount's label is then the name above it, when a code
        /// (科目编码) starts that name's row. pdftotext often prints a 类's or 款's code apart from
        /// its name (公共安全支出 / 79,189,400.34 / 79,189,400.34 / 司法 / 79,189,400.34): in a table
        /// whose rows are 科目, a name right after the amounts of the row before labels its own,
        /// unless the header holds it (a column's head, repeated at a page's top); so that the
        /// table is known to print its rows name first, at least two rows must start with their
        /// code, or five have as many amounts (two or more) when every code stands apart. Runs of
        /// amounts longer than most such rows' are not labelled: pdftotext can put amounts of rows printed elsewhere after the last name
        /// (2210202 / 提租补贴 / 2,586.61 / 371.92 / 1,045.93 / 418.37), and a table printed column
        /// by column has runs of a whole column.
        private func labelsAbove(rows: [Int]) -> [Int: String] {
            // A table of two column groups side by side (基本支出: 人员经费 | 公用经费), whose
            // header says 经济分类 over each, has their rows interleaved: left alone.
            guard rows.count(where: { text($0, 0) == "经济分类" }) < 2 else { return [:] }
            var runs: [(name: String, rows: [Int], coded: Bool)] = []
            var name: String?
            var nameLine: Int?
            var lastLine: String?  // the name's last line
            // Whether the rows are 科目, which a name without its code may start: not the items of a
            // 政府采购 table, whose 采购方式 stands between a name and its amounts.
            let rowsAreSubjects = rows.contains { text($0, 0)?.contains(utf8: "科目") == true }
                && !rows.contains { text($0, 0).map(TableFigures.endsInPurchaseMethod) ?? false }
            // Whether the row before the name is its code: the name starts a row, and is not a
            // header's last word (科目名称 / 合计).
            var afterCode = false, afterAmounts = false, startsRow = false, coded = false
            var inRun = false, named = false
            var namesInARow = 0
            for row in rows {
                guard let line = lines[row] else { continue }
                if parts(row, 0) != nil {
                    if !inRun {
                        inRun = true
                        named = startsRow && name != nil
                        if named, let name { runs.append((name, [], coded)) }
                    }
                    if named, wordRows[row] == nil { runs[runs.count - 1].rows.append(row) }
                    namesInARow = 0
                    nameLine = nil
                    afterCode = false
                    afterAmounts = true
                    continue
                }
                inRun = false
                guard wordRows[row] != nil, let text = text(row, 0) else {
                    if codeRows.contains(row) {
                        name = nil
                        afterAmounts = false
                        // Below the header, a code starts a row: names before it were another
                        // column's, or the header's pieces pdftotext set among the rows (项 / 收入预算).
                        if !runs.isEmpty { namesInARow = 0 }
                        afterCode = text(row, 0).map(Self.isCodeOrPart) ?? false
                    }
                    continue
                }
                // A name's lines wrapped at its column's width, each line before the last filling
                // it (其他行政事业单位养老支 / 出, not 出 / 机关事业单位职业年金缴费支出).
                if let above = nameLine, above == line - 1, let first = name, let last = lastLine,
                   Self.width(of: last) >= Self.wrappedWidth, Self.width(of: text) <= Self.width(of: last) {
                    name = first + text
                } else {
                    // Names one after another with no amounts between: a header (repeated at a
                    // page's top) or a column of names, whose last labels no row.
                    namesInARow += 1
                    name = withoutCode(text)
                    coded = afterCode
                    startsRow = afterCode && namesInARow < 3 || rowsAreSubjects && afterAmounts && namesInARow == 1
                }
                afterCode = false
                nameLine = line
                lastLine = text
            }
            let lengths = Dictionary(grouping: runs, by: \.rows.count).mapValues(\.count)
            guard let (usual, count) = lengths.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), count >= 2 else { return [:] }
            var labels: [Int: String] = [:]
            let codedRows = runs.count(where: \.coded) >= 2 || usual >= 2 && count >= 5
            var header: [String] = []
            if codedRows, runs.contains(where: { !$0.coded }) {
                let firstAmount = rows.first { parts($0, 0) != nil } ?? 0
                header = rows.prefix { $0 < firstAmount }.compactMap { text($0, 0) } + Self.columnHeads
            }
            for run in runs where run.rows.count <= usual
                && (run.coded || codedRows && !header.contains(where: { $0.hasSameUTF8(as: run.name) })) {
                for row in run.rows { labels[row] = run.name }
            }
            return labels
        }

        /// The heads of the columns that part a 支出 by its nature, which no 科目 is named.
        private static let columnHeads = ["基本支出", "项目支出", "人员经费", "公用经费"]

        /// A 科目编码 (201, 20105, 2010507), or a part of one printed in its own 款 or 项 column
        /// (301 / 02 / 津贴补贴).
        private static func isCodeOrPart(_ text: String) -> Bool {
            (2...7).contains(text.utf8.count) && text.unicodeScalars.allSatisfy(\.isASCIIDigit)
        }

        /// How wide a name's first line is when the name wraps onto the next.
        private static let wrappedWidth = 8

        /// The amounts of each of `cells` (in row order) made of values (``TableFigures/amounts(_:)``),
        /// nil for the others. In a row of values alone (a 三公 table's 1276.7 | 418.26 | 80 |
        /// 237), a whole number after the row's first amount is an amount printed without
        /// decimals, not a code: codes come before (301 | 2,082.85). In a table in whole 元 (more
        /// amounts in thousands than with decimals), an empty column's 0 after the row's first
        /// amount and its last words is that column's zero, as 0.00 is in a table with decimals.
        private static func amounts<Cells: RandomAccessCollection<Table.Cell>>(ofRowsOf cells: Cells) -> [[(text: String, value: Decimal?)]?]
            where Cells.Index == Int {
            var read = cells.map { TableFigures.amounts($0.text) }
            var whole = 0, decimal = 0
            for amount in read.lazy.compactMap({ $0 }).joined() {
                if amount.text.utf8.contains(UInt8(ascii: ".")) { decimal += 1 } else { whole += 1 }
            }
            let wholeYuan = whole > decimal
            for run in TableFigures.runs(of: cells, by: \.row) {
                guard let first = run.first(where: { read[$0] != nil }) else { continue }
                let words = run.last { read[$0] == nil && !TableFigures.isWholeNumber(cells[$0].text) }
                if words == nil {
                    for k in first..<run.upperBound where read[k] == nil { read[k] = TableFigures.value(of: cells[k].text[...]).map { [$0] } }
                } else if wholeYuan, let words {
                    for k in max(first, words)..<run.upperBound where read[k] == nil && cells[k].text == "0" { read[k] = [("0", 0)] }
                }
            }
            // A raw extraction's rows are its cells, one a line: there the 0 goes on the amounts
            // just above it (统计信息事务 / 438,300 / 438,300 / 0 / 0).
            if wholeYuan, cells.allSatisfy({ $0.column == 0 }) {
                for k in cells.indices.dropFirst() where read[k] == nil && read[k - 1] != nil && cells[k].text == "0" {
                    read[k] = [("0", 0)]
                }
            }
            return read
        }

        /// The amounts of a cell (see ``TableFigures/amounts(_:)`` and
        /// ``TableFigures/amountsAmongWords(_:)``); nil for a cell without any.
        func amounts(of cell: Table.Cell) -> [Amount]? { parts(cell.row, cell.column) }

        /// The text at a grid position; nil where it is empty.
        private func text(_ row: Int, _ column: Int) -> String? { cell(row, column).map { cells[$0].text } }

        /// Whether `row` is the line `line` and holds text but no amount: a piece of a label.
        private func isFragment(_ row: Int, line: Int) -> Bool {
            lines[row] == line && !amountRows.contains(row)
        }

        /// The row's text to the left of the amount, without its code, unless the label is
        /// wrapped around the amount (``label(wrappedAround:)``) or its row's first amount; for
        /// an amount with no words on its row, the words below it (``label(below:)``). In a table
        /// of one column, the name above (``labelsAbove(rows:)``).
        func label(of cell: Table.Cell) -> String? {
            if let labelsAbove { return labelsAbove[cell.row] }
            if let wrapped = label(wrappedAround: cell) { return wrapped }
            if let nearest = nearest(to: cell) {
                return withoutCode(withoutPurchaseMethod(centred(nearest) ?? continued(nearest)))
            }
            // A label wrapped around the row's first amount (社会保障和就 / 208  754.75  754.75
            // 0.00 / 业支出) is every amount's.
            if let first = firstAmounts[cell.row].map({ cells[$0] }), first.column < cell.column, let wrapped = label(wrappedAround: first) {
                return wrapped
            }
            return label(below: cell)
        }

        /// When the amount's own label column is empty on its line and the text further left is
        /// another column group's (三、国防支出) or a code, the label wrapped around the amount on
        /// the lines right above and below (三、单位预留机动经 / 3,990.40 / 费), or right above
        /// alone when the line below starts the next row's wrapped label (行政运行 / 1092.80 /
        /// 城乡社区规划 / 2739.56). A column of few words (a heading's: 收入 centred over 项目名称 and
        /// 金额) with none on those lines is passed over. The walk starts left of `start`, the
        /// amount's column unless a wrapped 采购方式 stood between.
        private func label(wrappedAround cell: Table.Cell, leftOf start: Int? = nil) -> String? {
            let start = start ?? cell.column
            var left = start - 1
            // At most two such columns, the walk being per amount.
            while left > max(0, start - 3), !labelColumns.contains(left),
                  !(cell.row - 1...cell.row + 1).contains(where: { text($0, left) != nil }) {
                left -= 1
            }
            // How the row is bought, whole on the amount's line (台式计算机（20 万 / 政府集中采购
            // 99.00 / 以上）), stands between the amount and its wrapped name too.
            // Asked last: most amounts have their label on their line, and no fragments around.
            if let method = text(cell.row, left), isFragment(cell.row - 1, line: cell.line - 1),
               isFragment(cell.row + 1, line: cell.line + 1), TableFigures.purchaseMethods.contains(method) {
                return label(wrappedAround: cell, leftOf: left)
            }
            guard labelColumns.contains(left), text(cell.row, left) == nil,
                  (nearest(to: cell)?.column ?? -1) < left,
                  isFragment(cell.row - 1, line: cell.line - 1), let above = text(cell.row - 1, left),
                  isFragment(cell.row + 1, line: cell.line + 1), let below = text(cell.row + 1, left)
            else { return nil }
            // How the row is bought, wrapped too (分散自行组 / 织), stands between its name and
            // its amount: the name is further left.
            if TableFigures.purchaseMethods.contains(above + below) { return label(wrappedAround: cell, leftOf: left) }
            // The line below starts the next row's label when that row's own line holds no
            // words (21202  2739.56 under 城乡社区规划); a row with words (设备购置费  办公设备购置
            // 653.22 under 软件) names itself, and the line below ends this label.
            let nextRowWraps = lines[cell.row + 2] == cell.line + 2 && text(cell.row + 2, left) == nil
                && amountRows.contains(cell.row + 2) && wordRows[cell.row + 2] == nil
            return withoutCode(nextRowWraps ? above : above + below)
        }

        /// The label of an amount with no words on its row, from the lines right below it: the
        /// words there at or left of its column. A row taller than a line may have amounts
        /// printed on the lines above its label, and pdftotext gives them lines of their own
        /// (1,503.52  603.14 / 201 一般公共服务支出 2,106.66), or above its codes, whose name
        /// follows (262.33  21.21 / 301 01  302 / 基本工资  01 办公费), or above the header's
        /// 类 款 项 and the 合计 under it.
        private func label(below cell: Table.Cell) -> String? {
            guard wordRows[cell.row] == nil else { return nil }
            var row = cell.row
            if !codeRows.contains(row) {
                func isAdjacent(_ row: Int) -> Bool { lines[row] != nil && lines[row] == lines[row - 1].map { $0 + 1 } }
                repeat { row += 1 } while isAdjacent(row) && amountRows.contains(row) && wordRows[row] == nil && !codeRows.contains(row)
                // The 科目 levels' header (类 款 项) may stand between a total's amounts and its
                // label (2,946.25  2,940.05 / 类 款 项 / 合计).
                let levels = isAdjacent(row) && wordRows[row] == true
                if levels { row += 1 }
                guard isAdjacent(row) else { return nil }
                if amountRows.contains(row) { return wordRows[row] == nil ? nil : words(of: row, atOrLeftOf: cell.column) }
                if levels { return codeRows.contains(row) ? nil : words(of: row, atOrLeftOf: cell.column) }
                // The table's foot: its totals over their labels on its last row (2,152.26
                // 184.65 / 人员经费合计  公用经费合计). Not other words there (表四, the next
                // table's number, under a row its header labels).
                if !codeRows.contains(row), wordRows[row] != nil, lines[row + 1] == nil,
                   let words = words(of: row, atOrLeftOf: cell.column), Self.totalEndings.contains(where: { words.unicodeScalars.hasSuffix($0) }) {
                    return words
                }
                guard codeRows.contains(row) else { return nil }
                // Words on the codes' line right of the amount are the next column group's; a
                // name left of it starts the row's (301 08 机关事业单位基本养老保险缴 / 06 电费 / 费).
                if wordRows[row] != nil, let start = words(of: row, atOrLeftOf: cell.column) {
                    return start + rest(below: row, column: cell.column)
                }
            }
            return name(wrappedBelow: row, column: cell.column)
        }

        /// The rest of a name that starts on `row`, wrapped onto the next two lines: their words
        /// at or left of `column` that start with no code. Lines that have none (the next column
        /// group's) are passed over.
        private func rest(below row: Int, column: Int) -> String {
            var rest = ""
            for next in row + 1...row + 2 {
                guard lines[next] == lines[row].map({ $0 + next - row }), !amountRows.contains(next) else { break }
                guard let words = words(of: next, atOrLeftOf: column) else { continue }
                guard !codeFirstRows.contains(next) else { break }
                rest += words
            }
            return rest
        }

        /// The name of a row of codes wrapped onto the lines below it (208 05 05  160.75 /
        /// 机关事业单位基本养老保险 / 缴费支出), unless the line above is words too: then the
        /// name is wrapped around the codes, and the line below may start the next row's. A
        /// line of the name may hold the next column group's code (基本工资  01 办公费).
        private func name(wrappedBelow row: Int, column: Int) -> String? {
            guard let line = lines[row] else { return nil }
            func isFragment(_ fragment: Int) -> Bool {
                lines[fragment] == line + fragment - row && !amountRows.contains(fragment) && !codeFirstRows.contains(fragment)
                    && wordRows[fragment] != nil
            }
            guard !isFragment(row - 1), isFragment(row + 1) else { return nil }
            let last = isFragment(row + 2) && !isFragment(row + 3) ? row + 2 : row + 1
            guard !isFragment(last + 1) else { return nil }
            let name = ((row + 1)...last).compactMap { words(of: $0, atOrLeftOf: column) }.joined()
            return name.isEmpty ? nil : name
        }

        private static let totalEndings = ["合计", "总计", "小计"]

        /// The words of `row` in `column` or the nearest column left of it that has any.
        private func words(of row: Int, atOrLeftOf column: Int) -> String? {
            for column in stride(from: column, through: 0, by: -1) {
                if let text = text(row, column), parts(row, column) == nil, Self.holdsWords(text) {
                    return withoutCode(text)
                }
            }
            return nil
        }

        /// Whether a cell holds more than numbers: codes (208 05 05), an empty column's 0 and
        /// an amount (2,106.66, where a cell spans past its own column) label nothing.
        private static func holdsWords(_ text: String) -> Bool {
            text.unicodeScalars.contains { !$0.isASCIIDigit && $0 != " " && $0 != "," && $0 != "." }
        }

        /// A label's width in characters, its code and spaces left out (201 06 01 行政运行: 4).
        private static func width(of text: String) -> Int {
            text.unicodeScalars.drop { $0.isASCIIDigit || $0 == " " }.count { $0 != " " }
        }

        /// A label of three lines centred on its row's line (机关事业单位 / 2080505 基本养老保险
        /// 446.11 / 缴费支出): in a row led by its code, the lines right above and below, each
        /// alone in the label's column and the top as wide as the middle, are its top and
        /// bottom. Not when a row with amounts is right above the top, whose label's bottom it
        /// may be; nor in a row without a code, where they are often another column's text
        /// wrapped around a label of one line (公务用车运 / 交通运行费  183.60 / 行维护费).
        private func centred(_ label: Table.Cell) -> String? {
            let above = label.row - 1, below = label.row + 1
            guard codeFirstRows.contains(label.row),
                  isFragment(above, line: label.line - 1), isFragment(below, line: label.line + 1),
                  cellCounts[above] == 1, cellCounts[below] == 1,
                  let top = text(above, label.column), let bottom = text(below, label.column),
                  Self.width(of: top) == Self.width(of: label.text),
                  !(lines[above - 1] == label.line - 2 && amountRows.contains(above - 1)),
                  [top, bottom].allSatisfy({ $0.unicodeScalars.first?.isASCIIDigit == false && ListMarker.scan($0) == nil })
            else { return nil }
            return top + label.text + bottom
        }

        /// A label that fills its column's width, and its rest, wrapped onto the next line
        /// alone in its column (2080505 机关事业单位基本养老保  446.11 / 险缴费支出). Not when
        /// the row after that rest has no label of its own in the column: the rest may then be
        /// the top of that row's label, wrapped around its amount.
        private func continued(_ label: Table.Cell) -> String {
            let below = label.row + 1
            let width = Self.width(of: label.text)
            guard width >= 6, width == widest[label.column],
                  isFragment(below, line: label.line + 1), cellCounts[below] == 1, let rest = text(below, label.column),
                  // Not the next item (十五、…) or code (31002).
                  rest.unicodeScalars.first?.isASCIIDigit == false, ListMarker.scan(rest) == nil,
                  !amountRows.contains(below + 1) || text(below + 1, label.column) != nil
            else { return label.text }
            return label.text + rest
        }
    }

    /// How a 政府采购 table's row is bought, in its 采购方式 column: not what its amount is of.
    static let purchaseMethods: Set<String> = ["分散自行组织", "政府集中采购", "部门集中采购", "分散采购", "集中采购", "自行采购"]

    /// Whether a cell is a 采购方式, or ends in one (会议服务 分散自行组织); on the bytes, as it
    /// is asked of every line of a raw table.
    static func endsInPurchaseMethod(_ text: String) -> Bool {
        purchaseMethods.contains { text.utf8.count >= $0.utf8.count && text.utf8.suffix($0.utf8.count).elementsEqual($0.utf8) }
    }

    /// A label without the 采购方式 that pdftotext ran into its cell (会议服务 分散自行组织).
    static func withoutPurchaseMethod(_ text: String) -> String {
        guard let space = text.lastIndex(of: " "), purchaseMethods.contains(String(text[text.index(after: space)...]))
        else { return text }
        return String(text[..<space])
    }

    /// A row label without the 科目编码 before it: 201 06 01 行政运行 → 行政运行; nil when
    /// the code is all there is.
    static func withoutCode(_ text: String) -> String? {
        // Most labels start with a word, a space apart at most: themselves, read on the bytes
        // (splitting into Characters cost raw tables' names 9,000 instructions each).
        if let first = text.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first), first != UInt8(ascii: " "),
           text.utf8.last != UInt8(ascii: " "), !text.contains(utf8: "  ") {
            return text
        }
        let words = text.split(separator: " ").drop { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// 2,940.05, 6.20, -3.5: a number with decimals, as money columns print it. Whole
    /// numbers are left out: in these tables they are 科目编码 and 栏次 (and 1. a list marker).
    static func amount(_ text: some StringProtocol) -> Decimal? {
        isMoneyShaped(text) ? Decimal(exactString: text) : nil
    }

    /// 0, 2019, 1,234: digits, with thousands commas. In these tables a 科目编码 or a 栏次, or
    /// the value of a column that prints no decimals (an empty column's 0).
    static func isWholeNumber(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.first?.isASCIIDigit == true && text.unicodeScalars.allSatisfy { $0.isASCIIDigit || $0 == "," }
    }

    /// A 科目编码 of a class, a 款 or a 项: 3, 5 or 7 digits (201, 20105, 2010507; not a year).
    static func isSubjectCode(_ text: some StringProtocol) -> Bool {
        [3, 5, 7].contains(text.utf8.count) && text.unicodeScalars.allSatisfy(\.isASCIIDigit)
    }

    /// What a cell of values holds: an amount or a whole number.
    static func isValue(_ text: some StringProtocol) -> Bool {
        isWholeNumber(text) || amount(text) != nil
    }

    /// A value by its shape alone, its decimal not read: for placing a table's cells, where
    /// how many values a row has matters, not what they are.
    static func hasValueShape(_ text: some StringProtocol) -> Bool {
        isWholeNumber(text) || isMoneyShaped(text)
    }

    /// Values a space apart, an amount among them (11.49 3.04 0 0 9.38): the cells of a row,
    /// or of a few columns pdftotext's spacing ran together.
    static func isRunOfValues(_ text: some StringProtocol) -> Bool {
        // Most texts asked start with a word, or are one amount.
        guard let first = text.unicodeScalars.first, first == "-" || first.isASCIIDigit,
              text.utf8.contains(UInt8(ascii: " ")) else { return false }
        let tokens = text.split(separator: " ")
        return tokens.count > 1 && tokens.allSatisfy { isValue($0) } && tokens.contains { amount($0) != nil }
    }

    /// The amounts of a cell: one, or several a space apart (2,336.91 603.14), which is how
    /// the cells of sparse columns (合计 | 基本支出 | 项目支出) can share a cell when pdftotext's
    /// spacing drifts; each is a figure of its row. A whole number among them, unless in
    /// thousands, is the next column group's 科目编码 run into the cell (2,082.85 302), not a
    /// figure. A part too long for an exact decimal has no value. nil when any part is
    /// neither, or none is an amount.
    static func amounts(_ text: String) -> [(text: String, value: Decimal?)]? {
        var found: [(text: String, value: Decimal?)] = []
        for part in text.split(separator: " ") {
            if let amount = reading(part) {
                found.append(amount)
            } else if !isWholeNumber(part) {
                return nil
            }
        }
        return found.isEmpty ? nil : found
    }

    /// An amount of a table cell, and the label its cell gives it (nil: its row's).
    typealias Amount = (text: String, value: Decimal?, label: String?)

    /// The amounts of a cell that holds words too, each labelled by the words right before it:
    /// a label run into its amount (小计 13,649.07), how the row is bought (分散自行组织 63.00,
    /// which labels nothing), or a row of two column groups (一、一般公共预算资金
    /// 91,016,775.35 一、一般公共服务支出). `after`: what labels the amounts to the right on
    /// the row, the words after the last amount or else that amount's label (一般公共服务支出
    /// 127,886,849 | 84,861,719). nil when no word is an amount, and for a cell with a unit
    /// or a percent sign, whose figures its text gives (``FigureExtractor``).
    static func amountsAmongWords(_ text: String) -> (amounts: [Amount], after: String)? {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }),
              !text.unicodeScalars.contains(where: { "元%％百".unicodeScalars.contains($0) }) else { return nil }
        var found: [Amount] = []
        var words: [Substring] = []
        for part in text.split(separator: " ") {
            guard let (text, value) = reading(part) else {
                if !purchaseMethods.contains(String(part)) { words.append(part) }
                continue
            }
            found.append((text, value, withoutCode(words.joined(separator: " "))))
            words = []
        }
        guard let last = found.last else { return nil }
        return (found, words.isEmpty ? last.label ?? "" : words.joined(separator: " "))
    }

    /// Whether a cell's text marks it empty: dashes or slashes alone (—, -, /), as many
    /// tables print an empty amount.
    static func marksEmpty(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { "-—–―/".unicodeScalars.contains($0) }
    }

    /// Whether a word is money as a table prints it: with decimals, or a whole number in
    /// thousands (156,211,123), which no 科目编码 or 栏次 is.
    static func isMoney(_ word: Substring) -> Bool { isMoneyShaped(word) || isInThousands(word) }

    /// A money-shaped word as an amount, or a whole number in thousands (156,211,123: a table
    /// in 元 prints no decimals, and no code or 栏次 has commas); nil for any other word.
    private static func reading(_ word: Substring) -> (text: String, value: Decimal?)? {
        isMoney(word) ? value(of: word) : nil
    }

    /// A number's text and value, the value nil when it is too long to hold exactly.
    private static func value(of number: Substring) -> (text: String, value: Decimal?)? {
        switch Decimal.reading(number) {
        case .exact(let value): return (String(number), value)
        case .tooLong: return (String(number), nil)
        case .notADecimal: return nil
        }
    }

    /// 1,744,680 or -12,300: digits in groups of three after the first, a comma between. One
    /// pass over the bytes, as every word of a cell with a comma or a point is asked.
    private static func isInThousands(_ word: Substring) -> Bool {
        let digits = word.utf8.first == UInt8(ascii: "-") ? word.utf8.dropFirst() : word.utf8[...]
        guard let grouping = thousandsGrouping(digits) else { return false }
        return grouping.commas > 0 && grouping.end == digits.endIndex
    }

    /// Read on the UTF-8 bytes: every table cell is asked, most of them words, and a money
    /// shape is ASCII throughout.
    private static func isMoneyShaped(_ text: some StringProtocol) -> Bool {
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var digits = text.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard let first = digits.first, isDigit(first), let point = digits.firstIndex(of: UInt8(ascii: ".")) else { return false }
        return (1...2).contains(digits.distance(from: point, to: digits.endIndex) - 1)
            && digits.allSatisfy { isDigit($0) || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }
    }
}

/// A value for each of a table's rows, in an array: rows are numbered from 0. A row outside
/// the table has none, so that a look at the row before the first or after the last is a
/// look at an empty row.
private struct ByRow<Value> {
    private var values: [Value?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    subscript(row: Int) -> Value? {
        get { values.indices.contains(row) ? values[row] : nil }
        set { values[row] = newValue }
    }

    /// The first row that has a value.
    var first: Int? { values.firstIndex { $0 != nil } }
}

/// A set of rows.
extension ByRow where Value == Void {
    func contains(_ row: Int) -> Bool { self[row] != nil }
    mutating func insert(_ row: Int) { self[row] = () }
}
