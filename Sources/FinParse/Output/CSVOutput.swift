import FoundationEssentials

/// Flat tables of a document, one row per record with the source file on each,
/// for spreadsheets, pandas, DuckDB and SQLite.
public enum CSVTable: String, Sendable, CaseIterable {
    /// One row per indicator of a 绩效自评表 or 绩效目标表 (`stage`: `selfEvaluation` or
    /// `targets`, whose `actual_*` fields are empty).
    case indicators
    /// One row per amount or percent.
    case figures
    /// One row per table cell, with its table's kind, title and unit, and its number where
    /// the whole cell is one: the grids of the 决算表 and 预算表 as a long table.
    case cells
    /// One row per diagnostic, and one per file that could not be read (severity
    /// `error`, its ``FinParseError/Code``): what the JSON says beside the data.
    case diagnostics
    /// One row per input: what it is (format, encoding, size, SHA-256), what report it is
    /// (title, department, year, 决算 or 预算), how much was read from it, how many
    /// warnings it has, or why it could not be read: the index a batch's other tables join
    /// on `source`.
    case reports

    /// The column names.
    public var header: [String] {
        switch self {
        case .indicators:
            ["source", "table", "stage", "scope", "name", "level1", "level2", "indicator",
             "target_text", "target_comparator", "target_value", "target_upper", "target_unit",
             "actual_text", "actual_comparator", "actual_value", "actual_upper", "actual_unit",
             "weight", "score", "deviation", "line"]
        case .figures:
            // table, row and col name the cell a table's figure stands in (the cells table's).
            ["source", "kind", "text", "value", "unit", "yuan", "comparator", "label", "change", "change_of", "subject", "line", "table", "row", "col"]
        case .cells:
            // col, not column: a keyword in SQL, as table is (kept as the indicators table names it).
            ["source", "table", "nested", "kind", "title", "unit", "row", "col", "row_span", "col_span",
             "text", "value", "line"]
        case .diagnostics:
            ["source", "severity", "code", "message", "line"]
        case .reports:
            // report_kind: kind is the figures' and cells' column for something else.
            ["source", "format", "encoding", "bytes", "sha256", "title", "department", "year", "report_kind",
             "paragraphs", "tables", "amounts", "percents", "indicators", "warnings", "error", "message"]
        }
    }

    /// Whether the table's rows come piece by piece as a report is read, or only at its end
    /// (diagnostics: a report's last piece can still add to them; reports: its counts are
    /// known at its end). Either way ``streamRows(of:contentsOf:threads:_:)`` reads them
    /// without holding the report whole.
    public var isStreamed: Bool { self != .diagnostics && self != .reports }

    /// The rows of `document`, each as many fields as `header`: indicators and cells table
    /// by table; figures line by line, a line's amounts before its percents, the order in
    /// which ``Document/streamPieces(contentsOf:threads:_:)`` gives them.
    public func rows(of document: Document) -> [[String]] {
        let source = document.source.path
        switch self {
        case .indicators, .cells:
            return document.tables.flatMap { rows(of: .table($0), source: source) }
        case .figures:
            return Figure.inReadingOrder(document.amounts + document.percents).flatMap {
                rows(of: .figure($0), source: source)
            }
        case .diagnostics:
            return Self.rows(of: document.diagnostics, source: source)
        case .reports:
            var counts = ReportCounts()
            (counts.paragraphs, counts.amounts, counts.percents) =
                (document.paragraphs.count, document.amounts.count, document.percents.count)
            for table in document.tables { counts.add(table) }
            return [Self.reportRow(document.source, document.report, counts, diagnostics: document.diagnostics)]
        }
    }

    /// The diagnostics table's rows of a report's findings.
    static func rows(of diagnostics: [Diagnostic], source: String) -> [[String]] {
        diagnostics.map { [source, $0.severity.rawValue, $0.code, $0.message, String($0.line)] }
    }

    /// The reports table's row of a report that was read.
    static func reportRow(_ info: SourceInfo, _ report: ReportInfo, _ counts: ReportCounts,
                          diagnostics: [Diagnostic]) -> [String] {
        let numbers = [counts.paragraphs, counts.tables, counts.amounts, counts.percents, counts.indicators,
                       diagnostics.count { $0.severity == .warning }]
        return [info.path, info.format.rawValue, info.encoding?.rawValue ?? "", String(info.bytes), info.sha256,
                report.title ?? "", report.department ?? "", report.year.map(String.init) ?? "",
                report.kind?.rawValue ?? ""] + numbers.map(String.init) + ["", ""]
    }

    /// The row a file that could not be read has in this table: one in the diagnostics
    /// table and in the reports table, none in the others.
    public func rows(of error: FinParseError) -> [[String]] {
        let message = error.byteOffset.map { "\(error.message) (at byte \($0))" } ?? error.message
        switch self {
        case .diagnostics:
            return [[error.path, Diagnostic.Severity.error.rawValue, error.code.rawValue, message,
                     error.location.map { String($0.line) } ?? ""]]
        case .reports:
            return [[error.path] + Array(repeating: "", count: header.count - 3) + [error.code.rawValue, message]]
        case .indicators, .figures, .cells:
            return []
        }
    }

    /// The rows of one piece of a streamed report read from `source`: an indicators
    /// table has rows for a self-evaluation table, a cells table for any table, a figures
    /// table for a figure, the diagnostics and reports tables none (see ``isStreamed``).
    public func rows(of piece: Document.Piece, source: String) -> [[String]] {
        let decimal = { (value: Decimal?) in value.map(\.exactString) ?? "" }
        switch (self, piece) {
        case (.indicators, .table(let table)):
            guard let evaluation = table.selfEvaluation else { return [] }
            return evaluation.indicators.map { i in
                [source, String(table.index), evaluation.stage.rawValue, evaluation.scope.rawValue, evaluation.name ?? "", i.level1, i.level2, i.name,
                 i.target.text, i.target.comparator?.rawValue ?? "", decimal(i.target.value), decimal(i.target.upper), i.target.unit ?? "",
                 i.actual.text, i.actual.comparator?.rawValue ?? "", decimal(i.actual.value), decimal(i.actual.upper), i.actual.unit ?? "",
                 decimal(i.weight), decimal(i.score), i.deviation ?? "", String(i.line)]
            }
        case (.figures, .figure(let f)):
            return [[source, f.unit == .percent ? "percent" : "amount", f.text, f.value.exactString, f.unit.rawValue,
                     decimal(f.yuan), f.comparator?.rawValue ?? "", f.label ?? "", f.change?.rawValue ?? "", f.changeOf ?? "",
                     f.subject ?? "", String(f.line),
                     f.cell.map { String($0.table) } ?? "", f.cell.map { String($0.row) } ?? "", f.cell.map { String($0.column) } ?? ""]]
        case (.cells, .table(let table)):
            return Self.cellRows(of: table, source: source, topLevel: table.index, nested: "")
        case (.indicators, .figure), (.figures, .table), (.cells, .figure), (.diagnostics, _), (.reports, _):
            return []
        }
    }

    /// The cells of `table` and of the tables nested in them (Word only). A nested table's
    /// rows keep the index of the top-level table they are in; `nested` says where:
    /// `row.column.index` of the cell and the table's place among that cell's tables, with
    /// `/` between levels (`2.1.0/0.0.0`).
    private static func cellRows(of table: Table, source: String, topLevel: Int, nested: String) -> [[String]] {
        table.cells.flatMap { cell in
            let value = Decimal(exactString: cell.text).map(\.exactString) ?? ""
            let row = [source, String(topLevel), nested, table.kind ?? "", table.title ?? "", table.unit?.rawValue ?? "",
                       String(cell.row), String(cell.column), String(cell.rowSpan), String(cell.columnSpan),
                       cell.text, value, String(cell.line)]
            return [row] + cell.tables.enumerated().flatMap { index, inner in
                let place = "\(cell.row).\(cell.column).\(index)"
                return cellRows(of: inner, source: source, topLevel: topLevel,
                                nested: nested.isEmpty ? place : nested + "/" + place)
            }
        }
    }

    /// One CSV record (RFC 4180): fields quoted where they hold a comma, quote or line break.
    public static func record(_ fields: [String]) -> String {
        var record = ""
        // Room for all of it at once, quotes aside: a record grown field by field was copied
        // as it grew, 5% of a batch's figures CSV.
        record.reserveCapacity(fields.reduce(fields.count) { $0 + $1.utf8.count })
        for (index, field) in fields.enumerated() {
            if index > 0 { record += "," }
            if needsQuotes(field) {
                record += "\"" + field.replacing("\"", with: "\"\"") + "\""
            } else {
                record += field
            }
        }
        record += "\n"
        return record
    }

    /// Whether `field` holds a comma, quote or line break. Bytes, not Characters: "\r\n" is
    /// one Character, equal to neither "\r" nor "\n"; and read in place, where the UTF-8
    /// view's iterator took several instructions a byte.
    private static func needsQuotes(_ field: String) -> Bool {
        func special(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
        }
        return field.utf8.withContiguousStorageIfAvailable { $0.contains(where: special) } ?? field.utf8.contains(where: special)
    }
}
