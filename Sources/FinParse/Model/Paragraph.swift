/// A body paragraph outside tables, headings included, in its normalized text.
public struct Paragraph: Sendable, Hashable, Codable {
    public var text: String
    public var line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}
