import FoundationEssentials

/// A table rebuilt from the input: a grid of cells with their spans.
public struct Table: Sendable, Hashable, Codable {
    /// A cell, listed once at its top-left grid position; the positions it covers
    /// through its spans have no cell of their own.
    public struct Cell: Sendable, Hashable, Codable {
        public var row: Int
        public var column: Int
        public var rowSpan: Int
        public var columnSpan: Int
        /// The normalized text, labels broken over lines joined.
        public var text: String
        /// The line where the cell's text starts.
        public var line: Int
        /// Tables nested inside this cell (Word only).
        public var tables: [Table]

        public init(row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, text: String, line: Int, tables: [Table] = []) {
            self.row = row
            self.column = column
            self.rowSpan = rowSpan
            self.columnSpan = columnSpan
            self.text = text
            self.line = line
            self.tables = tables
        }

        enum CodingKeys: String, CodingKey { case row, column, rowSpan, columnSpan, text, line, tables }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            row = try c.decode(Int.self, forKey: .row)
            column = try c.decode(Int.self, forKey: .column)
            rowSpan = try c.decode(Int.self, forKey: .rowSpan)
            columnSpan = try c.decode(Int.self, forKey: .columnSpan)
            text = try c.decode(String.self, forKey: .text)
            line = try c.decode(Int.self, forKey: .line)
            tables = try c.decodeIfPresent([Table].self, forKey: .tables) ?? []
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(row, forKey: .row)
            try c.encode(column, forKey: .column)
            try c.encode(rowSpan, forKey: .rowSpan)
            try c.encode(columnSpan, forKey: .columnSpan)
            try c.encode(text, forKey: .text)
            try c.encode(line, forKey: .line)
            // Only cells that hold tables carry the key, as the contract says.
            if !tables.isEmpty { try c.encode(tables, forKey: .tables) }
        }
    }

    /// The position of the table among the document's tables, from 0.
    public var index: Int
    /// The title line just before the table, where there is one.
    public var title: String?
    public var line: Int
    public var rows: Int
    public var columns: Int
    public var cells: [Cell]
    /// Which of a report's standard tables it is, named as reports name it
    /// (收入支出决算总表, 一般公共预算财政拨款支出决算表 …); nil for any other table.
    public var kind: String?
    /// The unit the table states for its amounts (单位：万元), when it states one.
    public var unit: Unit?
    /// The meaning of a 绩效自评表 or 绩效目标表, when the table is one.
    public var selfEvaluation: SelfEvaluation?

    public init(index: Int, title: String?, line: Int, rows: Int, columns: Int, cells: [Cell],
                kind: String? = nil, unit: Unit? = nil, selfEvaluation: SelfEvaluation? = nil) {
        self.index = index
        self.title = title
        self.kind = kind
        self.unit = unit
        self.line = line
        self.rows = rows
        self.columns = columns
        self.cells = cells
        self.selfEvaluation = selfEvaluation
    }

    /// A unit of money a table states for its bare numbers. Besides the figures' own units, the
    /// thousands and millions some tables are kept in (单位：千元); their amounts become figures
    /// in 元 or 万元, the value multiplied exactly and the text kept as written.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case yuan = "元"
        case thousandYuan = "千元"
        case tenThousandYuan = "万元"
        case millionYuan = "百万元"
        case tenMillionYuan = "千万元"
        case hundredMillionYuan = "亿元"

        /// The unit of the figures read from such a table, and what one of this unit is in it.
        public var figureUnit: (unit: Figure.Unit, multiplier: Decimal) {
            switch self {
            case .yuan: (.yuan, 1)
            case .thousandYuan: (.yuan, 1_000)
            case .tenThousandYuan: (.tenThousandYuan, 1)
            case .millionYuan: (.tenThousandYuan, 100)
            case .tenMillionYuan: (.tenThousandYuan, 1_000)
            case .hundredMillionYuan: (.hundredMillionYuan, 1)
            }
        }
    }

    enum CodingKeys: String, CodingKey { case index, title, kind, unit, line, rows, columns, cells, selfEvaluation }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(index, forKey: .index)
        try c.encodeNullable(title, forKey: .title)
        try c.encodeNullable(kind, forKey: .kind)
        try c.encodeNullable(unit, forKey: .unit)
        try c.encode(line, forKey: .line)
        try c.encode(rows, forKey: .rows)
        try c.encode(columns, forKey: .columns)
        try c.encode(cells, forKey: .cells)
        try c.encodeNullable(selfEvaluation, forKey: .selfEvaluation)
    }
}
