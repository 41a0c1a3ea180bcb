/// A node of a report's heading tree.
public struct Section: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A numbered heading: 第三部分, 十一、, （一）, 1、, （1）.
        case heading
        /// A body paragraph that starts with a marker; its title is the text up to the first 。 or ：.
        case item
        /// An unnumbered title line, such as 2021年度项目支出绩效自评报告, that opens a sub-tree.
        case title
    }

    public var kind: Kind
    /// The marker as written (normalized), such as `十一、` or `（一）`; nil for titles.
    public var marker: String?
    /// The ordinal the marker denotes (十一、 → 11).
    public var number: Int?
    public var title: String
    public var line: Int
    public var children: [Section]

    public init(kind: Kind, marker: String?, number: Int?, title: String, line: Int, children: [Section] = []) {
        self.kind = kind
        self.marker = marker
        self.number = number
        self.title = title
        self.line = line
        self.children = children
    }

    enum CodingKeys: String, CodingKey { case kind, marker, number, title, line, children }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind.rawValue, forKey: .kind)
        try c.encodeNullable(marker, forKey: .marker)
        try c.encodeNullable(number, forKey: .number)
        try c.encode(title, forKey: .title)
        try c.encode(line, forKey: .line)
        try c.encode(children, forKey: .children)
    }
}
