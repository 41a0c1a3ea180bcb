/// Something the parser noticed about the input that a reader of the output should know:
/// a numbering gap, a table that could not be made rectangular, a line that could not be read.
///
/// Parsing never stops for content problems; they are recorded here with a stable `code`.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning, info
    }

    public var severity: Severity
    /// A stable identifier such as `numbering-gap` or `table-ragged`.
    public var code: String
    public var message: String
    public var line: Int

    public init(severity: Severity, code: String, message: String, line: Int) {
        self.severity = severity
        self.code = code
        self.message = message
        self.line = line
    }
}
