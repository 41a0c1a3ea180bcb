import FoundationEssentials

/// A comparison a figure or a target is stated with: ≥95%, ＞20次, 不低于.
public enum Comparator: String, Sendable, Hashable, Codable, CaseIterable {
    case greaterOrEqual = "≥"
    case greater = ">"
    case lessOrEqual = "≤"
    case less = "<"
    case equal = "="

    /// The comparator a sign denotes, in any spelling reports use:
    /// ≥ ≧ ⩾, > ＞, ≤ ≦ ⩽, < ＜, = ＝ ═.
    public init?(symbol: Character) {
        let scalars = symbol.unicodeScalars
        guard scalars.count == 1 else { return nil }
        self.init(scalar: scalars.first!)
    }

    /// The comparator a sign stands for (≥ ≧ ⩾ > ＞ ≤ ≦ ⩽ < ＜ = ＝ ═), nil for any other scalar.
    /// ═, a box-drawing line, is typed for = in 云南's forms' 指标性质 column.
    public init?(scalar: Unicode.Scalar) {
        switch scalar {
        case "≥", "≧", "⩾": self = .greaterOrEqual
        case ">", "＞": self = .greater
        case "≤", "≦", "⩽": self = .lessOrEqual
        case "<", "＜": self = .less
        case "=", "＝", "═": self = .equal
        default: return nil
        }
    }
}

/// A money amount or a percent found in the text or in a table cell.
public struct Figure: Sendable, Hashable, Codable {
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case yuan = "元"
        case tenThousandYuan = "万元"
        case hundredMillionYuan = "亿元"
        case percent = "%"

        /// Whether `scalar` starts a unit (万 of 万元, %): what may follow a number that the
        /// end of a line or a cell cut off from its unit.
        static func isStart(_ scalar: Unicode.Scalar) -> Bool {
            allCases.contains { $0.rawValue.unicodeScalars.first == scalar }
        }

        /// How many 元 one of this unit is; nil for percents.
        public var yuanFactor: Decimal? {
            switch self {
            case .yuan: 1
            case .tenThousandYuan: 10_000
            case .hundredMillionYuan: 100_000_000
            case .percent: nil
            }
        }
    }

    /// The direction a sentence gives a figure: 增加/增长/上升 or 减少/下降/降低.
    public enum Change: String, Sendable, Hashable, Codable {
        case increase, decrease
    }

    /// Where in a table a figure stands: the table's ``Table/index`` and the cell's
    /// ``Table/Cell/row`` and ``Table/Cell/column``, which name its column's heading cells
    /// above it. A figure of a table nested in a cell (Word) stands in that top-level cell.
    public struct CellPlace: Sendable, Hashable, Codable {
        public var table: Int
        public var row: Int
        public var column: Int

        public init(table: Int, row: Int, column: Int) {
            self.table = table
            self.row = row
            self.column = column
        }
    }

    /// The figure as written in the input, e.g. `２５５３.５２万元`.
    public var text: String
    /// The exact number in `unit`.
    public var value: Decimal
    public var unit: Unit
    public var comparator: Comparator?
    // Declared beside the other one-byte fields: a figure is then 121 bytes, not 129, and
    // copied as it streams through the checks and outputs.
    public var change: Change?
    /// The item the figure measures, when the sentence says it plainly (收入总计, 基本支出, 增长).
    public var label: String?
    /// For a figure with a ``change``, the item it is a change of, when the paragraph says: the
    /// label of the amount it changed to (基本支出 of 基本支出61042.17万元，比2017年增加4824.58万元,
    /// and of a 增长8.6% right after it), else, with no amount before it, the words before the
    /// change where they name an item (公务接待费支出决算增加0.40万元).
    public var changeOf: String?
    /// For a figure of the text that explains the 科目 item by item, the 科目 it is a figure
    /// of, by its last level (专项普查活动 for the 年初预算为76.33万元 under 1、一般公共服务支出（类）
    /// 统计信息事务（款）专项普查活动（项）39.99万元): named by the list item it stands in or under,
    /// up to the next item, heading or table. nil elsewhere.
    public var subject: String?
    public var line: Int
    /// The table cell the figure was read from; nil for a figure of the body text.
    public var cell: CellPlace?

    public init(text: String, value: Decimal, unit: Unit, comparator: Comparator? = nil,
                label: String? = nil, change: Change? = nil, changeOf: String? = nil, line: Int, cell: CellPlace? = nil) {
        self.text = text
        self.value = value
        self.unit = unit
        self.comparator = comparator
        self.label = label
        self.change = change
        self.changeOf = changeOf
        self.line = line
        self.cell = cell
    }

    /// The exact amount in 元 for money units; nil for percents.
    public var yuan: Decimal? { unit.yuanFactor.map { value * $0 } }

    enum CodingKeys: String, CodingKey { case text, value, unit, yuan, comparator, label, change, changeOf, subject, line, cell }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        guard let value = try c.decodeDecimal(forKey: .value) else {
            throw DecodingError.valueNotFound(Decimal.self, .init(codingPath: c.codingPath + [CodingKeys.value], debugDescription: "value is null"))
        }
        self.value = value
        unit = try c.decode(Unit.self, forKey: .unit)
        comparator = try c.decodeIfPresent(Comparator.self, forKey: .comparator)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        change = try c.decodeIfPresent(Change.self, forKey: .change)
        changeOf = try c.decodeIfPresent(String.self, forKey: .changeOf)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        line = try c.decode(Int.self, forKey: .line)
        cell = try c.decodeIfPresent(CellPlace.self, forKey: .cell)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encodeDecimal(value, forKey: .value)
        try c.encode(unit.rawValue, forKey: .unit)
        try c.encodeDecimal(yuan, forKey: .yuan)
        try c.encodeNullable(comparator, forKey: .comparator)
        try c.encodeNullable(label, forKey: .label)
        try c.encodeNullable(change, forKey: .change)
        try c.encodeNullable(changeOf, forKey: .changeOf)
        try c.encodeNullable(subject, forKey: .subject)
        try c.encode(line, forKey: .line)
        try c.encodeNullable(cell, forKey: .cell)
    }
}

extension Figure {
    /// Line by line, and on a line its amounts before its percents, as a document's two
    /// lists hold them (sorting is stable: a line's figures stay in reading order).
    static func inReadingOrder(_ figures: [Figure]) -> [Figure] {
        // Sorts one word per figure (line, percent or not, place), not the figures: a figure is
        // 121 bytes, which a sort would move at each step.
        var keys = figures.indices.map { index in
            UInt64(truncatingIfNeeded: figures[index].line) << 33 | (figures[index].unit == .percent ? 1 << 32 : 0) | UInt64(index)
        }
        guard zip(keys, keys.dropFirst()).contains(where: { $0 > $1 }) else { return figures }
        keys.sort()
        return keys.map { figures[Int(truncatingIfNeeded: $0 & 0xFFFF_FFFF)] }
    }
}
