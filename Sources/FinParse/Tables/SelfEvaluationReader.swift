import FoundationEssentials

/// Reads the meaning of a 绩效自评表 from its grid, or of a 绩效目标表: the same indicators
/// with a target column and no column of what was achieved.
///
/// Columns are found by their headers (三级指标, 年度指标值, 分值 …), not by position,
/// so a table with its columns in another order reads the same. Merged 一级指标 and
/// 二级指标 cells carry down to every row they cover.
enum SelfEvaluationReader {
    /// A 自评表 as read from its table.
    struct Reading {
        var evaluation: SelfEvaluation
        /// A warning for each weight, score, total or funds figure with more digits than an
        /// exact decimal holds (read as no value).
        var diagnostics: [Diagnostic]
        /// The name of each indicator by its row, which labels the figures of its cells.
        var names: [Int: String]
        /// Where its indicators' header is (in the rows of the table joined under the header
        /// of the table before, when it goes on with one), and its columns.
        var headerRows: ClosedRange<Int>
        var columns: IndicatorColumns
        /// The 自评表 whose rows the table goes on with, when it has no header of its own.
        var continued: Continuation?
        /// The indicators' weights and scores, added as they were read.
        var weights: ExactSum, scores: ExactSum
    }

    /// The 自评表 of `grid`, if it is one.
    static func read(_ grid: TableGrid) -> Reading? {
        if let read = read(grid, continuing: nil) {
            // A form over pages may repeat its header atop each part (Word's repeated header
            // rows, printed and converted back): a part that opens with it goes on with the form.
            guard let continued = grid.continues, read.headerRows.lowerBound == 0 else { return read }
            return self.read(grid, continuing: continued) ?? read
        }
        // A form split into two tables at a page: its rows read under the header of the table before.
        guard let continued = grid.continues, continued.columns == grid.columns,
              var read = read(continued.heading(grid), continuing: continued),
              read.evaluation.indicators.contains(where: { !$0.name.isEmpty && ($0.weight != nil || $0.score != nil) })
        else { return nil }
        read.names = Dictionary(uniqueKeysWithValues: read.names.map { ($0.key - continued.headerRows, $0.value) })
        return read
    }

    /// The 自评表 of `grid`, whose rows go on with those of `continued` when it is not nil.
    private static func read(_ grid: TableGrid, continuing continued: Continuation?) -> Reading? {
        let rows = grid.cellsByRow
        guard let (headerRows, columns) = indicatorHeader(in: rows) else { return nil }
        let stage: SelfEvaluation.Stage = columns.actual == nil ? .targets : .selfEvaluation
        // Row by row, the level in a level column: the text of the (merged) cell covering it;
        // above the first, the level the table before ended under.
        func levels(_ column: Int?) -> [String] {
            var levels = Array(repeating: "", count: rows.count)
            guard let column else { return levels }
            for cell in grid.cells where cell.column <= column && column < cell.column + cell.columnSpan {
                let text = withoutWeight(cell.text)
                for r in cell.row..<min(cell.row + cell.rowSpan, rows.count) { levels[r] = text }
            }
            if let carried = continued?.levels[column] {
                var r = headerRows.upperBound + 1
                while r < rows.count, levels[r].isEmpty {
                    levels[r] = carried
                    r += 1
                }
            }
            return levels
        }
        let level1 = levels(columns.level1), level2 = levels(columns.level2)

        var diagnostics: [Diagnostic] = []
        var indicators: [SelfEvaluation.Indicator] = []
        var weights = ExactSum(), scores = ExactSum()
        var names: [Int: String] = [:]
        // The 总分 row's numbers in its order, and those that stand in the 分值 or 得分 column.
        var totals: [Decimal?] = []
        var placedTotals: [Int: Decimal?] = [:]
        // Lines of the indicators without a cell in the 分值 or 得分 column (nor a merged cell
        // over it from a row above, a 分值 shared by a group): most likely read across the
        // wrong columns, as pdftotext's spacing drifts.
        var lacking: [Int] = []
        // Asked for each row that lacks a cell: only the few cells that span rows can answer.
        let tall = grid.cells.filter { $0.rowSpan > 1 }
        func isMerged(_ r: Int, _ c: Int) -> Bool {
            tall.contains { $0.row < r && r < $0.row + $0.rowSpan && $0.column <= c && c < $0.column + $0.columnSpan }
        }
        for r in (headerRows.upperBound + 1)..<rows.count {
            let row = rows[r]
            if let first = row.first(where: { !$0.text.isEmpty }), isTotal(first.text) {
                for cell in row where cell.column > first.column {
                    let value: Decimal?
                    switch reading(cell, &diagnostics).reading {
                    case .exact(let exact): value = exact
                    case .tooLong: value = nil  // keeps its place: the score is not read as the weight
                    case .notADecimal: continue
                    }
                    totals.append(value)
                    if cell.column == columns.weight || cell.column == columns.score { placedTotals[cell.column] = value }
                }
                break
            }
            // Only a cell that starts in its column counts: a row's last cell spans to the edge.
            func cell(_ column: Int?) -> TableGrid.Cell? { column.flatMap { c in row.first { $0.column == c } } }
            let name = cell(columns.name), target = cell(columns.target), actual = cell(columns.actual)
            let weight = cell(columns.weight), score = cell(columns.score)
            let unit = cell(columns.unit).map { compact($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
            var targetMeasure = measure(target, unit: unit, &diagnostics)
            if targetMeasure.comparator == nil, targetMeasure.value != nil { targetMeasure.comparator = comparator(cell(columns.comparator)) }
            // A row left as the template gave it (指标1 with no values, 指标1:/ | / | /, 不适用 | 不适用) is none.
            let bareName = name.map { templateNumber(in: $0.text) } ?? ""
            if isVoid(bareName), [target, actual, weight, score].allSatisfy({ $0.map { isVoid($0.text) } ?? true }) { continue }
            // Nor a row with a weight alone: a header's last line (指标 | （90）, a `-layout` page's).
            if isVoid(bareName), [target, actual].allSatisfy({ $0.map { isVoid($0.text) } ?? true }),
               !(weight.map { isPoints(Substring(compact($0.text))) } ?? false) { continue }
            if zip([columns.weight, columns.score], [weight, score]).contains(where: { column, cell in
                column.map { cell == nil && !isMerged(r, $0) } ?? false
            }) {
                lacking.append((name ?? row[0]).line)
            }
            let actualMeasure = measure(actual, unit: unit, &diagnostics)
            let weightRead = weight.flatMap { number($0, &diagnostics) }, scoreRead = score.flatMap { number($0, &diagnostics) }
            weights.add(weightRead)
            scores.add(scoreRead)
            indicators.append(SelfEvaluation.Indicator(
                level1: level1[r], level2: level2[r],
                name: oneLine(bareName),
                target: targetMeasure, actual: actualMeasure,
                weight: weightRead?.value, score: scoreRead?.value,
                deviation: cell(columns.deviation).map(\.text).flatMap { $0.isEmpty ? nil : $0 },
                line: (name ?? row[0]).line))
            if let name = indicators.last?.name, !name.isEmpty { names[r] = name }
        }

        if let first = lacking.first {
            diagnostics.append(Diagnostic(
                severity: .warning, code: "self-evaluation-columns",
                message: "\(lacking.count) of \(indicators.count) indicators have no 分值 or 得分 in their columns "
                    + "(the first on line \(first)): their cells may be read in the wrong columns",
                line: grid.line))
        }

        // A table that goes on with another is of its form: its name, department and scope.
        let name = continued.map(\.name) ?? value(after: nameLabels, in: rows)
        let title = grid.title ?? ""
        let scope: SelfEvaluation.Scope = continued?.scope
            ?? (title.contains(utf8: "部门整体") ? .department : (title.contains(utf8: "项目") || name != nil ? .project : .department))
        let evaluation = SelfEvaluation(
            stage: stage, scope: scope, name: name,
            department: continued.map(\.department) ?? value(after: departmentCellLabels, in: rows, suffix: true),
            funds: funds(in: rows[..<headerRows.lowerBound], &diagnostics),
            indicators: indicators,
            totalWeight: placedTotals.isEmpty ? totals.first ?? nil : columns.weight.flatMap { placedTotals[$0] } ?? nil,
            totalScore: placedTotals.isEmpty ? totals.dropFirst().first ?? nil : columns.score.flatMap { placedTotals[$0] } ?? nil)
        return Reading(evaluation: evaluation, diagnostics: diagnostics, names: names, headerRows: headerRows, columns: columns,
                       continued: continued, weights: weights, scores: scores)
    }

    // MARK: A form over two tables

    /// What a table that goes on with a 自评表's rows needs of it (a form split at a page into
    /// two tables, as PDF-to-Word conversion leaves it): its indicators' header, the levels its
    /// last row stood under, the weights and scores of its rows, for the 总分 row to come, and
    /// the form's name, department and scope.
    struct Continuation: Sendable {
        /// The header's cells, from row 0, and how many rows they take.
        var header: [TableGrid.Cell]
        var headerRows: Int
        var columns: Int
        var levels: [Int: String]
        var weights: Decimal, scores: Decimal
        var name: String?, department: String?
        var scope: SelfEvaluation.Scope

        /// `grid` under the header, as one table.
        func heading(_ grid: TableGrid) -> TableGrid {
            var heading = grid
            heading.cells = header + grid.cells.map { cell in
                var cell = cell
                cell.row += headerRows
                return cell
            }
            heading.rows = grid.rows + headerRows
            return heading
        }
    }

    /// What a table right after `grid` goes on with when `grid` is a 自评表 (or goes on with one)
    /// whose rows do not end in its 总分; nil otherwise.
    static func continuation(after grid: TableGrid) -> Continuation? {
        // Most forms end in their 总分 row: asked before the form is read.
        if let lastRow = grid.cells.last?.row,
           let first = grid.cells.reversed().prefix(while: { $0.row == lastRow }).last(where: { !$0.text.isEmpty }),
           isTotal(first.text) { return nil }
        guard grid.continues != nil || grid.cells.contains(where: { $0.text.contains(utf8: "标") && compact($0.text).contains(utf8: "级指标") }),
              let read = read(grid), read.evaluation.totalWeight == nil, read.evaluation.totalScore == nil,
              let last = read.evaluation.indicators.last
        else { return nil }
        // A table that goes on with a form passes its header on.
        let header = read.continued.map(\.header) ?? grid.cells.filter { read.headerRows.contains($0.row) }.map { cell in
            var cell = cell
            cell.row -= read.headerRows.lowerBound
            cell.rowSpan = min(cell.rowSpan, read.headerRows.count - cell.row)
            return cell
        }
        var levels: [Int: String] = [:]
        if let column = read.columns.level1 { levels[column] = last.level1 }
        if let column = read.columns.level2 { levels[column] = last.level2 }
        let evaluation = read.evaluation
        let sums = read.sums
        return Continuation(header: header, headerRows: read.continued?.headerRows ?? read.headerRows.count, columns: grid.columns,
                            levels: levels, weights: sums.weights, scores: sums.scores,
                            name: evaluation.name, department: evaluation.department, scope: evaluation.scope)
    }

    // MARK: Headers

    struct IndicatorColumns: Sendable {
        var level1, level2, name, target, actual, weight, score, deviation, unit, comparator: Int?
    }

    /// The header rows of the indicators (一级指标 … 偏差原因) and where each column is: the
    /// first with both a target and an actual column, else the first with a target column
    /// (a 绩效目标表's).
    ///
    /// Forms name their columns in more ways than the 财政部 template: where none of its words
    /// is found, a column right of the indicators' names is known by a looser word (年度目标,
    /// 完成数, 满分, 自评分, 扣分原因), and a third level named otherwise (指标名称, 具体指标) by
    /// the levels before it. A 计量单位 (度量单位) column gives the unit of the values beside it,
    /// and a 指标性质 column holding a sign (= | 100 | %, as 四川's forms have it) the target's comparison.
    private static func indicatorHeader(in rows: [[TableGrid.Cell]]) -> (ClosedRange<Int>, IndicatorColumns)? {
        var targetsOnly: (ClosedRange<Int>, IndicatorColumns)?
        for (r, row) in rows.enumerated() {
            // A header names its levels (一级指标 …; its third may be called otherwise only beside
            // them). Most rows of most tables hold no 标: asked before any cell is compacted.
            guard row.contains(where: { $0.text.contains(utf8: "标") && compact($0.text).contains(utf8: "级指标") }) else { continue }
            let header = header(around: r, in: rows)
            func column(_ matches: (String) -> Bool, where place: (Int) -> Bool = { _ in true }) -> Int? {
                header.texts.first { place($0.column) && matches($0.text) }?.column
            }
            let level1 = column { $0.contains(utf8: "一级指标") }, level2 = column { $0.contains(utf8: "二级指标") }
            guard let name = column({ $0.contains(utf8: "三级指标") }) ?? [level1, level2].compactMap({ $0 }).max().flatMap({ last in
                column({ names($0, indicatorNameLabels) }, where: { $0 > last })
            }) else { continue }
            // A level may have its own 分值 or 得分 right of it (一级指标 | 权重 | 二级指标 | 分值 |
            // 三级指标 | 分值): the indicators' are those that no level column stands nearer to.
            let owners = [level1, level2, name].compactMap { $0 }
            let isIndicators = { (column: Int) in owners.filter { $0 <= column }.max().map { $0 == name } ?? true }
            let afterName = { (column: Int) in column > name }
            // 年度指标值 over 指标性质 | 指标值 | 度量单位 (云南's forms): each of the three is read as
            // 年度指标值 and its own word, the last.
            // (A bare 单位 only alone: 指标值及单位 is the target's column.)
            let unit = column({ text in
                unitLabels.contains { text.utf8.elementsEqual($0.utf8) || $0.utf8.count > 6 && text.hasSuffix(utf8: $0) }
            }, where: afterName)
            let sign = column({ $0.hasSuffix(utf8: comparatorLabel) }, where: afterName)
            let isValue = { (column: Int) in column != unit && column != sign }
            let target = column({ names($0, targetLabels) }, where: isValue)
                ?? column({ names($0, looseTargetLabels) }, where: { afterName($0) && isValue($0) })
            let columns = IndicatorColumns(
                level1: level1, level2: level2, name: name, target: target,
                // Right of the names first: 安徽's forms head the indicators' rows with a group label,
                // 年度绩效指标完成情况, in the first column, on the header row.
                actual: column({ names($0, actualLabels) }, where: afterName) ?? column { names($0, actualLabels) }
                    ?? column({ names($0, looseActualLabels) }, where: { afterName($0) && $0 != target }),
                weight: column({ names($0, weightLabels) }, where: isIndicators)
                    ?? column({ names($0, looseWeightLabels) }, where: isIndicators),
                score: column({ $0.contains(utf8: "得分") }, where: isIndicators)
                    ?? column({ $0.contains(utf8: "评分") && !$0.contains(utf8: "标准") }, where: isIndicators),
                deviation: column { $0.contains(utf8: "偏差") } ?? column({ $0.contains(utf8: "原因") }, where: afterName),
                unit: unit, comparator: sign)
            guard columns.target != nil else { continue }
            guard columns.actual != nil else {
                targetsOnly = targetsOnly ?? (header.rows, columns)
                continue
            }
            return (header.rows, columns)
        }
        return targetsOnly
    }

    /// The indicators' header on row `r` as one row: each column's words, compacted, and the
    /// rows they take. Where a header cell on row `r` spans two rows or three, the header
    /// takes them all, each column's words top to bottom (绩效指标 over 一级 | 二级 | 三级指标;
    /// 三级指标 beside 年度指标 over 目标值 | 实际值).
    private static func header(around r: Int, in rows: [[TableGrid.Cell]]) -> (texts: [(column: Int, text: String)], rows: ClosedRange<Int>) {
        let spanning = rows[max(0, r - 2)...r].joined().filter {
            $0.rowSpan > 1 && $0.rowSpan <= 3 && r < $0.row + $0.rowSpan
                && names(compact($0.text), headerLabels)
        }
        // Text keeps no spans: 绩效指标 | | | 年度指标值 | | | 实际完成值 | 分值 | 得分 above 一级指标 |
        // 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 (云南's form, its cells a TAB apart) is one
        // header where the level row names no actual, weight or score that the row above does.
        let above = { (row: [TableGrid.Cell]) in row.contains { names(compact($0.text), scoringLabels) } }
        let first = spanning.map(\.row).min() ?? (r > 0 && !above(rows[r]) && above(rows[r - 1]) ? r - 1 : r)
        let last = min(rows.count - 1, spanning.map { $0.row + $0.rowSpan - 1 }.max() ?? r)
        var texts: [Int: String] = [:]
        for cell in rows[first...last].joined() {
            let text = compact(cell.text)
            for column in cell.column..<(cell.column + cell.columnSpan) { texts[column, default: ""] += text }
        }
        return (texts.sorted { $0.key < $1.key }.map { (column: $0.key, text: $0.value) }, first...last)
    }

    /// The words a header cell names the target, actual and weight columns by (compacted).
    static let targetLabels = ["指标值", "目标值"]
    static let actualLabels = ["实际", "完成值", "完成情况"]
    static let weightLabels = ["分值", "权重"]
    /// The words of the columns a form's level row may leave to the header row above it.
    private static let scoringLabels = actualLabels + weightLabels + ["得分"]
    /// Words that name a column only right of the indicators' names (年度目标, 完成数, 执行情况),
    /// or only where no column has a word above (满分): elsewhere they may mean something else.
    private static let looseTargetLabels = ["目标", "计划"]
    private static let looseActualLabels = ["完成", "执行"]
    private static let looseWeightLabels = ["满分", "标准分"]
    /// A third level's header in forms that do not call it 三级指标.
    private static let indicatorNameLabels = ["指标名称", "具体指标", "指标内容"]
    private static let levelLabels = ["一级指标", "二级指标", "三级指标"]
    /// The labels that mark a cell of an indicators' header.
    private static let headerLabels = levelLabels + indicatorNameLabels + targetLabels + actualLabels + weightLabels + ["得分", "偏差"]
    private static let unitLabels = ["计量单位", "度量单位", "单位"]
    private static let comparatorLabel = "指标性质"

    /// The comparison a 指标性质 cell states: a sign (≥, =, and >= as typed) or words (大于等于);
    /// nil for anything else (定量, 正向), which some forms put in such a column.
    private static func comparator(_ cell: TableGrid.Cell?) -> Comparator? {
        guard let text = cell.map({ compact($0.text) }), !text.isEmpty else { return nil }
        let scalars = text.unicodeScalars
        switch (scalars.first.flatMap(Comparator.init(scalar:)), scalars.count) {
        case (let sign?, 1): return sign
        case (.greater?, 2) where scalars.last == "=": return .greaterOrEqual
        case (.less?, 2) where scalars.last == "=": return .lessOrEqual
        default: return comparatorWords.first { $0.words.elementsEqual(scalars) }?.comparator
        }
    }

    /// Whether compacted header text holds one of `labels`.
    static func names(_ text: String, _ labels: [String]) -> Bool { labels.contains { text.contains(utf8: $0) } }

    /// The funds block: a header row with 年初预算数 … 得分 and the 年度资金总额 row under it.
    private static func funds(in rows: ArraySlice<[TableGrid.Cell]>, _ diagnostics: inout [Diagnostic]) -> SelfEvaluation.Funds? {
        // Forms without a 年初预算数 column head it 预算数 | 执行数 (全年预算数（A）, 全年执行数（B）),
        // and may call the total row 合计.
        guard let header = rows.firstIndex(where: { row in
                  row.contains { compact($0.text).contains(utf8: "预算") } && row.contains { compact($0.text).contains(utf8: "执行数") }
              }),
              let total = rows[header...].firstIndex(where: {
                  $0.contains { compact($0.text).contains(utf8: "资金总额") || compact($0.text) == "总额" || isTotal($0.text) }
              })
        else { return nil }
        func cell(_ matches: (String) -> Bool) -> TableGrid.Cell? {
            guard let column = rows[header].first(where: { matches(compact($0.text)) })?.column else { return nil }
            return rows[total].first { $0.column == column }
        }
        return SelfEvaluation.Funds(
            initialBudget: cell { $0.contains(utf8: "年初预算") }.flatMap { decimal($0, &diagnostics) },
            // 调整后预算数 is the full year's, where a form has no 全年预算数 (四川's: 年初预算 | 调整后预算数 | 预算执行数).
            fullYearBudget: (cell { $0.contains(utf8: "全年预算") } ?? cell { $0.contains(utf8: "调整后预算") }
                ?? cell { $0.contains(utf8: "预算数") && !$0.contains(utf8: "年初") })
                .flatMap { decimal($0, &diagnostics) },
            executed: cell { $0.contains(utf8: "执行数") }.flatMap { decimal($0, &diagnostics) },
            executionRate: cell { $0.contains(utf8: "执行率") }.map { compact($0.text) }.flatMap { $0.isEmpty ? nil : $0 },
            weight: (cell { $0.contains(utf8: "分值") } ?? cell { $0.contains(utf8: "权重") }).flatMap { decimal($0, &diagnostics) },
            score: cell { $0.contains(utf8: "得分") }.flatMap { decimal($0, &diagnostics) })
    }

    /// The labels of a 自评表's name (项目名称 → 安全生产专项), and those its department's label
    /// ends with (市级预算部门名称, 主管部门, 部门（单位）名称, 预算单位).
    static let nameLabels = ["项目名称", "项目支出名称", "专项名称"]
    static let departmentLabels = ["主管部门", "部门名称", "单位名称", "(单位)名称", "预算单位"]
    /// Those, and 预算部门 (湖南's 绩效目标申报表) where the label is a cell of its own: in
    /// `-layout` text 市级预算部门 / 名称 wraps, and the shorter label would end the cell early.
    private static let departmentCellLabels = departmentLabels + ["预算部门"]

    /// The text of the cell right of a label cell (项目名称 → 安全生产专项).
    private static func value(after labels: [String], in rows: [[TableGrid.Cell]], suffix: Bool = false) -> String? {
        for row in rows {
            for (i, cell) in row.enumerated() where i + 1 < row.count {
                var text = compact(cell.text)
                if text.hasSuffix(utf8: ":") { text.removeLast() }  // 项目名称：, folded
                guard labels.contains(where: { suffix ? text.hasSuffix(utf8: $0) : text.utf8.elementsEqual($0.utf8) })
                else { continue }
                let value = oneLine(row[i + 1].text)
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    // MARK: Cell text

    /// A weight or score as a form writes it in a cell of text: 90, 2.96, 90分.
    static func isPoints(_ text: Substring) -> Bool {
        guard case .exact = Decimal.reading(text.hasSuffix("分") ? text.dropLast() : text) else { return false }
        return true
    }

    /// `name` without the number a template writes before each indicator (安徽's
    /// 指标1：完成中型灌区节水改造项目数量 → 完成中型灌区节水改造项目数量; 指标1 alone → "").
    private static func templateNumber(in name: String) -> String {
        guard name.utf8.starts(with: "指标".utf8) else { return name }
        let rest = name.unicodeScalars.dropFirst(2).drop(while: \.isASCIIDigit)
        guard rest.count < name.unicodeScalars.count - 2 else { return name }  // 指标 with no number: a name's word
        guard let first = rest.first else { return "" }
        // 指标1:…, folded (： is :); or 指标1 on its own line in the cell, the name on the next.
        if first == ":" { return String(String(String.UnicodeScalarView(rest.dropFirst())).trimmingSpaces) }
        return first.isASCII ? name : String(String.UnicodeScalarView(rest))
    }

    /// Whether a cell says nothing: empty, a dash or slash that stands for empty, or 不适用 or
    /// 无 (深圳's 绩效目标申报表 fill each level's unused rows with 不适用).
    /// Asked of every cell of an indicator's row: on scalars, the first that says something ends it.
    private static func isVoid(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(voidScalars.contains)
            || text.utf8.count <= 12 && ["不适用", "无"].contains { compact(text).utf8.elementsEqual($0.utf8) }
    }

    /// Folded text's whitespace, and the dashes and slash that stand for an empty cell (－ folds to -).
    private static let voidScalars: [Unicode.Scalar] = [" ", "\n", "\t", "\r", "/", "-", "—"]

    /// Labels compared byte for byte: folding leaves text in NFKC, so String's ==,
    /// normalizing as it compares, would find nothing more.
    static func isTotal(_ text: String) -> Bool {
        let text = compact(text)
        return ["合计", "总计", "合计得分", "得分合计", "总得分"].contains { text.utf8.elementsEqual($0.utf8) }
            || text.hasSuffix(utf8: "总分")  // 总分, 自评总分, 评价总分
    }

    /// Without spaces and line breaks: 年度 预算数, 偏差原因\n分析 are one label. Folded text
    /// has only ASCII whitespace, and most cells have none: those are returned as they are.
    static func compact(_ text: String) -> String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        // On the bytes in one piece: every cell is compacted, some several times.
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: isSpace) else { return nil }
            // Written in place: without ASCII bytes, valid UTF-8 stays valid.
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                var count = buffer.initialize(fromContentsOf: bytes[..<first])
                for byte in bytes[first...] where !isSpace(byte) {
                    buffer[count] = byte
                    count += 1
                }
                return count
            }
        } ?? text
    }

    /// The text with its line breaks as spaces.
    static func oneLine(_ text: String) -> String {
        guard text.contains(utf8: 0x0A) else { return text }
        return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
            _ = buffer.initialize(from: text.utf8.lazy.map { $0 == 0x0A ? 0x20 : $0 })
            return text.utf8.count
        }
    }

    /// 产出指标(50分) → 产出指标: the weight is in the table's own columns.
    /// Also 产出指标(50) and 产出指标50分; 社会效益指标(定性) keeps its words.
    static func withoutWeight(_ text: String) -> String {
        let text = compact(text)
        // Most levels end in 指标: asked on the last byte first (分 and ) end in 0x86 and 0x29).
        guard let lastByte = text.utf8.last, lastByte == 0x86 || lastByte == 0x29 else { return text }
        let scalars = text.unicodeScalars
        var end = scalars.endIndex
        if scalars.last == ")", let open = scalars.lastIndex(of: "(") {
            end = open
        } else if scalars.last == "分" {
            end = scalars.index(before: end)
            while end > scalars.startIndex, case let before = scalars[scalars.index(before: end)], before.isASCIIDigit || before == "." {
                end = scalars.index(before: end)
            }
        }
        let weight = scalars[end...]
        guard end > scalars.startIndex, weight.contains(where: \.isASCIIDigit),
              weight.allSatisfy({ $0.isASCIIDigit || ".()分".unicodeScalars.contains($0) }) else { return text }
        return String(scalars[..<end])
    }

    /// The weight, score or amount of `cell`: 10, 95.5, 1,166.45, 210万元.
    private static func decimal(_ cell: TableGrid.Cell, _ diagnostics: inout [Diagnostic]) -> Decimal? {
        number(cell, &diagnostics)?.value
    }

    /// ``decimal(_:_:)``, and the same number as ``ExactSum`` adds it where it has few enough digits.
    private static func number(_ cell: TableGrid.Cell, _ diagnostics: inout [Diagnostic]) -> (value: Decimal, term: ExactSum.Term?)? {
        let (reading, term) = reading(cell, &diagnostics)
        guard case .exact(let value) = reading else { return nil }
        return (value, term)
    }

    /// What `cell` says as a weight, score or amount; one with more digits than an exact
    /// decimal holds is warned of (it has no value: money and points are never rounded).
    private static func reading(_ cell: TableGrid.Cell, _ diagnostics: inout [Diagnostic]) -> (reading: Decimal.Reading, term: ExactSum.Term?) {
        // On the bytes: every weight and score cell is read, most of them a plain number.
        var text = compact(cell.text)
        if text.contains(utf8: UInt8(ascii: ",")) { text = String(decoding: text.utf8.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self) }
        // A weight may be given as a share of the whole (权重 10%).
        for unit in ["万元", "元", "分", "%"] where text.hasSuffix(utf8: unit) { text = String(text.dropLast(unit.count)) }
        let scan = Decimal.scan(text)
        if case .tooLong = scan.reading { diagnostics.append(.figureTooLong(oneLine(cell.original), line: cell.line)) }
        return scan
    }

    /// The measure of `cell`, a number without a unit of its own in the unit its row's
    /// 计量单位 cell gives (≥120 | 公里).
    private static func measure(_ cell: TableGrid.Cell?, unit: String?, _ diagnostics: inout [Diagnostic]) -> SelfEvaluation.Measure {
        var measure = measure(cell, &diagnostics)
        if measure.unit == nil, measure.value != nil { measure.unit = unit }
        return measure
    }

    /// A target or actual value: [comparator][number][unit], 20*2=40万元 read as its
    /// result. Anything else (持续下降, 1-12月) keeps its text with no value, as does a
    /// number with more digits than an exact decimal holds, which is warned of.
    /// Read on scalars: Characters would add grapheme breaking to every cell, for CJK
    /// and ASCII where it changes nothing.
    static func measure(_ cell: TableGrid.Cell?, _ diagnostics: inout [Diagnostic]) -> SelfEvaluation.Measure {
        let original = cell.map { oneLine($0.original) } ?? ""
        var rest = compact(cell?.text ?? "").unicodeScalars[...]
        // 20*2=40万元: a sum's result. An = after no digit is a comparator (=100.00(%)).
        if cell?.text.contains(utf8: "=") == true, let equals = rest.lastIndex(of: "="),
           rest[..<equals].contains(where: \.isASCIIDigit) {
            rest = rest[rest.index(after: equals)...]
        }
        // 合格率≥80%: the measure's own name before its comparison, a sign before any digit.
        if let sign = rest.firstIndex(where: { $0.isASCIIDigit || Comparator(scalar: $0) != nil }), !rest[sign].isASCIIDigit {
            rest = rest[sign...]
        }
        // 满意率100%, 参与率不低于80%: a name before the number, or before words of comparison.
        // Read only before a percent: before a count the digits may be the name's (完成2023年度任务).
        // Not after a change (同比下降5%): the percent is the change's, not a level to reach.
        var named = false, compared = false
        if let digit = rest.firstIndex(where: \.isASCIIDigit), case let before = rest[..<digit], !before.isEmpty,
           before.allSatisfy({ !$0.isASCII && Comparator(scalar: $0) == nil && !"增减降升涨".unicodeScalars.contains($0) }) {
            let words = before.last.map(comparatorLasts.contains) == true
                ? comparatorWords.first { before.suffix($0.words.count).elementsEqual($0.words) }?.words.count ?? 0 : 0
            // 约100人, 满意度约为95%: about, no name of the measure's.
            let about = words > 0 ? 0 : aboutWords.first { before.suffix($0.count).elementsEqual($0) }?.count ?? 0
            named = before.count > words + about
            compared = words > 0
            rest = rest[rest.index(digit, offsetBy: -words)...]
        }
        var comparator: Comparator? = nil
        if let symbol = rest.first, let found = Comparator(scalar: symbol) {
            comparator = found
            rest = rest.dropFirst()
            // >= and <= as a keyboard types ≥ and ≤.
            if found == .greater || found == .less, let next = rest.first, Comparator(scalar: next) == .equal {
                comparator = found == .greater ? .greaterOrEqual : .lessOrEqual
                rest = rest.dropFirst()
            }
        } else if let first = rest.first, comparatorFirsts.contains(first),
                  let (words, found) = comparatorWords.first(where: { rest.starts(with: $0.words) }) {
            comparator = found
            rest = rest.dropFirst(words.count)
        }
        let number = rest.prefix { $0.isASCIIDigit || $0 == "." || $0 == "," }
        let value: Decimal
        let digits = String(Substring(number))
        switch Decimal.reading(digits.utf8.contains(UInt8(ascii: ",")) ? digits.filter { $0 != "," } : digits) {
        case .exact(let exact): value = exact
        case .tooLong:
            // In 元, 万元, 亿元 or % the cell's figure is read too, and warned of there.
            let unit = rest.dropFirst(number.count)
            if let cell, !Figure.Unit.allCases.contains(where: { unit.hasPrefix($0.rawValue) }) {
                diagnostics.append(.figureTooLong(original, line: cell.line))
            }
            return SelfEvaluation.Measure(text: original)
        case .notADecimal: return SelfEvaluation.Measure(text: original)
        }
        var unit = rest.dropFirst(number.count)
        // 90%-95%, 300-500人次: read as at least the lower bound, with the upper.
        var upper: Decimal? = nil
        if comparator == nil, let range = rangeEnd(after: unit, from: value) {
            (upper, unit, comparator) = (range.upper, range.unit, .greaterOrEqual)
        }
        // 95%左右: about, no part of the unit.
        if unit.last == "右", unit.hasSuffix("左右") { unit = unit.dropLast(2) }
        // ≥13459.00(平方米): the unit in brackets, as forms print it.
        if unit.first == "(", unit.last == ")" { unit = unit.dropFirst().dropLast() }
        // 100%（含）: "inclusive", said of the bound, no part of the unit.
        if unit.last == ")", unit.hasSuffix("(含)") { unit = unit.dropLast(3) }
        // 95%以上, 5天以内, 3次及以下, 3个小时内: the comparison after the number.
        if let last = unit.last, "上下内".unicodeScalars.contains(last),
           let (words, found) = comparatorSuffixes.first(where: { unit.hasSuffix($0.words) }) {
            unit = unit.dropLast(words.unicodeScalars.count)
            if unit.last == "及" { unit = unit.dropLast() }
            comparator = comparator ?? found
        }
        // After a name, a number is the measure's where it is a percent, or where words of
        // comparison stand right before it (总成本不超过0.3万元).
        guard !unit.contains(where: { $0.isASCIIDigit || "，,、;；".unicodeScalars.contains($0) }), unit.count <= 5,
              !named || compared || unit.elementsEqual("%".unicodeScalars) else {
            return SelfEvaluation.Measure(text: original)
        }
        return SelfEvaluation.Measure(text: original, comparator: comparator, value: value, upper: upper,
                                      unit: unit.isEmpty ? nil : String(unit))
    }

    /// The upper bound of a range that `rest`, what follows its lower bound `low`, goes on to,
    /// and the unit after it: -95% after 90%, ~5个 after 3. The two units are one, or only the
    /// upper bound has one. Not a span of dates (1-12月, 2021-2023年), which sets no bounds.
    private static func rangeEnd(after rest: Substring.UnicodeScalarView, from low: Decimal)
        -> (upper: Decimal, unit: Substring.UnicodeScalarView)? {
        // Within the unit's first six scalars; counted, not measured (distance walks the slice).
        var mark = rest.startIndex, scanned = 0
        while mark != rest.endIndex, scanned < 6, !rangeMarks.contains(rest[mark]) {
            mark = rest.index(after: mark)
            scanned += 1
        }
        guard mark != rest.endIndex, scanned < 6 else { return nil }
        let lowUnit = rest[..<mark]
        var after = rest[rest.index(after: mark)...]
        if after.first == "—" { after = after.dropFirst() }  // ——, a double dash
        let digits = after.prefix { $0.isASCIIDigit || $0 == "." }
        guard after.first?.isASCIIDigit == true, case .exact(let high) = Decimal.reading(String(Substring(digits))), high > low
        else { return nil }
        let unit = after.dropFirst(digits.count)
        guard lowUnit.isEmpty || lowUnit.elementsEqual(unit), !lowUnit.contains(where: \.isASCIIDigit),
              unit.first.map(dateUnits.contains) != true else { return nil }
        return (high, unit)
    }

    /// The marks between a range's bounds, as the figures read them.
    private static let rangeMarks: [Unicode.Scalar] = ["-", "−", "–", "—", "~", "〜", "至", "到"]

    /// Units of a date or a period of the calendar: 1-12月 is a span of time, no bounds.
    private static let dateUnits: [Unicode.Scalar] = ["年", "月", "日", "号", "时"]

    /// Words before a number that say it is about that much (约, 约为, 大约).
    private static let aboutWords: [String.UnicodeScalarView] = ["约为", "大约", "约"].map(\.unicodeScalars)

    /// The words after a number that compare it (95%以上, 5天以内).
    private static let comparatorSuffixes: [(words: String, comparator: Comparator)] = [
        ("以上", .greaterOrEqual), ("以下", .lessOrEqual), ("以内", .lessOrEqual), ("内", .lessOrEqual),
    ]

    /// The comparator words (不低于), longest first: 大于等于 is read whole, not as 大于.
    private static let comparatorWords: [(words: String.UnicodeScalarView, comparator: Comparator)] =
        FigureClause.comparatorWords.map { ($0.key.string.unicodeScalars, $0.value) }.sorted { $0.words.count > $1.words.count }

    /// The first and last scalars of the comparator words (不 大 至 …, 于 少 多 …): most cells
    /// have neither where a comparison would stand, and no word is compared.
    private static let comparatorFirsts = Set(comparatorWords.compactMap(\.words.first))
    private static let comparatorLasts = Set(comparatorWords.compactMap(\.words.last))
}

extension SelfEvaluationReader.Reading {
    /// What the 总分 row states: the indicators' weights and scores with the funds block's and
    /// those of the rows of the table this one goes on with.
    var sums: (weights: Decimal, scores: Decimal) {
        func total(_ sum: ExactSum, _ funds: Decimal?, _ earlier: Decimal?) -> Decimal {
            var sum = sum
            sum.add(funds)
            sum.add(earlier)
            return sum.value
        }
        return (total(weights, evaluation.funds?.weight, continued?.weights), total(scores, evaluation.funds?.score, continued?.scores))
    }

    /// Where the table does not add up: ``sums`` against the 总分 row. Reports get this wrong;
    /// the figures are kept as written and the difference is reported.
    func consistencyDiagnostics(line: Int) -> [Diagnostic] {
        guard !evaluation.indicators.isEmpty else { return [] }
        let sums = sums
        var diagnostics: [Diagnostic] = []
        func check(_ sum: Decimal, funds: Decimal?, earlier: Decimal?, total: Decimal?, what: String, code: String) {
            guard let total, sum != total else { return }
            diagnostics.append(Diagnostic(
                severity: .warning, code: code,
                message: "\(what) of the indicators\(funds == nil ? "" : " and funds")\(earlier == nil ? "" : ", with the table's before it,") "
                    + "add up to \(sum), the 总分 row says \(total)",
                line: line))
        }
        check(sums.weights, funds: evaluation.funds?.weight, earlier: continued?.weights, total: evaluation.totalWeight, what: "weights",
              code: "self-evaluation-weights")
        check(sums.scores, funds: evaluation.funds?.score, earlier: continued?.scores, total: evaluation.totalScore, what: "scores",
              code: "self-evaluation-scores")
        return diagnostics
    }
}
