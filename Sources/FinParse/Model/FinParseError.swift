/// Why an input could not be parsed at all. Every error names the file and,
/// where there is one, the place in it.
public struct FinParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable {
        case fileNotFound = "file-not-found"
        case isDirectory = "is-directory"
        case unreadable
        case empty
        case notText = "not-text"
        case undecodable
        /// Kept for readers of older output: since 2026-12-02 a text file cut off inside its
        /// last character is read up to it, with a `truncated` warning, not refused.
        case truncated
        case tooLarge = "too-large"
        case notDocx = "not-docx"
        case malformedDocx = "malformed-docx"
        /// A Word 97–2003 .doc whose container or streams are damaged.
        case malformedDoc = "malformed-doc"
        /// An OFD document (GB/T 33190) whose parts are damaged.
        case malformedOFD = "malformed-ofd"
        /// An Excel .xlsx whose package or parts are damaged.
        case malformedXlsx = "malformed-xlsx"
        /// An Excel 97–2003 .xls whose records are damaged.
        case malformedXls = "malformed-xls"
        /// A zip, RAR or 7-Zip archive of reports whose directory or entry is damaged, for a report named
        /// by its path in it (``ReportArchive``).
        case malformedArchive = "malformed-archive"
        /// An archive of reports read as one report: its reports are read by their paths
        /// in it (``ReportArchive``).
        case archive
        case unsupportedFormat = "unsupported-format"
        case malformedPDF = "malformed-pdf"
        case malformedHTML = "malformed-html"
        /// A PDF without a text layer: scanned pages.
        case noText = "no-text"
        /// An external program finparse needs (pdftotext) is not installed.
        case missingTool = "missing-tool"
        /// An external program (pdftotext) ran past its time limit and was stopped.
        case timedOut = "timed-out"
        /// The report was parsed but could not be written out (its JSON encoder refused it).
        case unencodable
    }

    public var code: Code
    /// The path of the input as the caller gave it.
    public var path: String
    /// The place in the input, where the problem has one.
    public var location: SourceLocation?
    /// The byte offset in the input, for problems found before lines exist (decoding).
    public var byteOffset: Int?
    public var message: String

    public init(_ code: Code, path: String, message: String, location: SourceLocation? = nil, byteOffset: Int? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.location = location
        self.byteOffset = byteOffset
    }

    /// `path:line:column: message`, or `path: message (at byte N)`.
    public var description: String {
        if let location { return "\(path):\(location.line):\(location.column): \(message)" }
        if let byteOffset { return "\(path): \(message) (at byte \(byteOffset))" }
        return "\(path): \(message)"
    }
}
