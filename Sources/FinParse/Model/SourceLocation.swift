/// Where something was found in the original input.
///
/// `line` is 1-based: a line of a text file, or for .docx the paragraph number in
/// document order (table-cell paragraphs included). `column` is 1-based and counts
/// UTF-16 code units of the original line, which for Chinese text is one per character.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int = 1) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
