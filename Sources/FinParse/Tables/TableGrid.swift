/// A table as its reader rebuilt it, before it becomes a public ``Table``: the
/// same grid, with each cell's text as written kept beside the normalized one,
/// which the 自评表 reader needs (a target written ≧95% stays ≧95%).
struct TableGrid: Sendable {
    struct Cell: Sendable {
        var row: Int
        var column: Int
        var rowSpan = 1
        var columnSpan = 1
        /// Normalized (folded) text, broken labels joined.
        var text: String
        /// The same text as the input spelled it.
        var original: String
        var line: Int
        var tables: [TableGrid] = []
    }

    var title: String?
    /// Which standard table it is (收入支出决算总表 …), from its title.
    var kind: String?
    /// The unit the table states for its amounts (单位：万元).
    var unit: Table.Unit?
    var line: Int
    var rows: Int
    var columns: Int
    /// In row-major order, each cell once at its top-left position.
    var cells: [Cell]
    /// For a table of one row of values (三公, the 江苏 支出预算总表), the labels its header
    /// gives that row's cells, which have none of their own (``SpacedHeaderLabels`` in page
    /// text, ``GridHeaderLabels`` in a Word or web table).
    var headerLabels: [Place: String] = [:]
    /// The 自评表 this table goes on with, when it comes right after one whose rows did not
    /// reach their 总分 (``SelfEvaluationReader/continuation(after:)``).
    var continues: SelfEvaluationReader.Continuation?

    /// A cell's line and column.
    struct Place: Hashable, Sendable {
        var line: Int
        var column: Int
    }

    /// Whether any cell, or a table nested in one, has text.
    var holdsText: Bool {
        cells.contains { !$0.text.isSpacesOnly || $0.tables.contains(where: \.holdsText) }
    }

    /// A line that can title the table after it: short, and not a sentence.
    static func looksLikeTitle(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 40 && !text.contains(utf8: "。")
    }

    /// A caption that fills in a field of the form rather than naming the table: a short
    /// label and a colon (编制单位：上海市普陀区司法局, 单位：万元, 制表日期:). Not 表一：… or
    /// 附件1：…, which number a title.
    static func isField(_ text: Substring) -> Bool {
        guard let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
        let label = text[..<colon]
        return (1...8).contains(label.count) && !label.contains(where: { $0.isASCII && $0.isNumber })
            && !label.hasPrefix("表") && !label.hasPrefix("附")
    }

    /// Row by row, the cells that start in that row.
    var cellsByRow: [[Cell]] {
        // Each row made with room for its cells: appending to empty rows allocated at every doubling.
        var counts = [Int](repeating: 0, count: rows)
        for cell in cells { counts[cell.row] += 1 }
        var rows = counts.map { count in
            var row = [Cell]()
            row.reserveCapacity(count)
            return row
        }
        for cell in cells { rows[cell.row].append(cell) }
        return rows
    }

    /// The public table, and what its reading found wrong: a 自评表's weights and scores
    /// that do not add up or are too long to read exactly, its nested tables' included;
    /// and a 自评表's indicator names by row (``SelfEvaluationReader/read(_:)``).
    func table(index: Int) -> (table: Table, diagnostics: [Diagnostic], indicatorNames: [Int: String]) {
        var diagnostics: [Diagnostic] = []
        let cells = cells.map { cell in
            Table.Cell(row: cell.row, column: cell.column, rowSpan: cell.rowSpan, columnSpan: cell.columnSpan,
                       text: cell.text, line: cell.line,
                       tables: cell.tables.enumerated().map { offset, nested in
                           let (table, found, _) = nested.table(index: offset)
                           diagnostics += found
                           return table
                       })
        }
        let evaluation = SelfEvaluationReader.read(self)
        if let evaluation {
            diagnostics = evaluation.consistencyDiagnostics(line: line)
                + evaluation.diagnostics + diagnostics
        } else if let header = self.cells.first(where: { $0.text.contains(utf8: "三级指标") }) {
            // A form whose header the reader cannot place would lose its indicators without a word.
            diagnostics.append(Diagnostic(severity: .warning, code: "indicators-not-read", message: """
                a table holds a 绩效 indicator header (三级指标) whose columns could not be told (no 年度指标值 or \
                目标值 beside it, or a header set over lines in a way not read): its indicators are not read
                """, line: header.line))
        }
        let table = Table(index: index, title: title, line: line, rows: rows, columns: columns, cells: cells,
                          kind: kind, unit: unit, selfEvaluation: evaluation?.evaluation)
        return (table, diagnostics, evaluation?.names ?? [:])
    }
}

extension TableGrid {
    /// A cell as the readers of marked-up tables (Word, HTML) build it from its text's
    /// lines as written.
    static func cell(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int, texts: [String], line: Int,
                     tables: [TableGrid]) -> Cell {
        let raw = texts.count == 1 ? texts[0] : texts.filter { !$0.isEmpty }.joined(separator: "\n")
        let original = String(raw.trimmingSpaces)
        // Most cells fold to themselves (the same string back): trimmed once for both.
        let folded = FoldedText(raw, line: line).text
        return Cell(row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan,
                    text: folded.hasSameUTF8(as: raw) ? original : String(folded.trimmingSpaces),
                    original: original, line: line, tables: tables)
    }

    /// A table of placed cells, as a Word or web page writes it, with the body paragraphs
    /// right before it (most recent last). A standard table (收入支出决算总表 …) that one of
    /// those paragraphs or a first row across it names is titled and kinded so, and gets
    /// the unit a paragraph between that title and it, or a cell above its first amount,
    /// states (单位：万元): its bare numbers are amounts in that unit. Any other table is
    /// titled by the paragraph right before it, past the form's fields, when that reads as
    /// a title, and gets no unit, so that a 自评表's 分值 never reads as money.
    init(placed cells: [Cell], rows: Int, columns: Int, after paragraphs: [FoldedText], fallbackLine: Int) {
        let texts = paragraphs.suffix(Self.paragraphsAbove).map { String($0.text.trimmingSpaces) }
        // Only a line short enough for a title is asked: a paragraph of prose may name a table.
        let named = texts.indices.reversed().lazy.compactMap { i in
            texts[i].utf8.count <= 180 ? SpacedTableReader.kind(of: texts[i]).map { (index: i, kind: $0) } : nil
        }.first
        let firstRow = cells.first.flatMap { $0.row == 0 && $0.columnSpan == columns && columns > 1 ? $0.text : nil }
        let standard = named.map { (texts[$0.index], $0.kind) }
            ?? firstRow.flatMap { text in SpacedTableReader.kind(of: text).map { (text, $0) } }
        // The form's fields between a title and its table (编制单位：…, 单位：元) title nothing,
        // nor does a clause of a sentence (从预算单位构成看，…).
        let title = standard?.0 ?? paragraphs.last { !Self.isField($0.text.trimmingSpaces) }
            .map { String($0.text.trimmingSpaces) }.flatMap { Self.looksLikeTitle($0[...]) && !$0.contains("，") ? $0 : nil }
        self.init(title: title, kind: standard?.1, line: cells.first?.line ?? fallbackLine, rows: rows, columns: columns,
                  cells: cells)
        guard standard != nil else { return }
        let firstAmount = cells.firstIndex { TableFigures.amount($0.text) != nil } ?? cells.endIndex
        unit = (named.map { texts[($0.index + 1)...] } ?? [])
            .lazy.compactMap(SpacedTableReader.statedUnit(in:)).first
            ?? cells[..<firstAmount].lazy.compactMap { SpacedTableReader.statedUnit(in: $0.text) }.first
        if let template = SpacedHeaderLabels.Template.of(title: title, kind: kind) {
            headerLabels = GridHeaderLabels.labels(of: self, template: template)
        }
    }

    /// How many body paragraphs before a marked-up table may title it or state its unit
    /// (title, 编制单位, 单位：万元, a note).
    static let paragraphsAbove = 4
}
