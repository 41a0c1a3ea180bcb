import FoundationEssentials

/// A parsed finance report: its outline, paragraphs, tables and figures, each pointing
/// back at the line of the input it came from.
///
/// Encoded with `JSONEncoder`, a document gives the `finparse/1` JSON contract
/// described in `docs/json-v1.md`.
public struct Document: Sendable, Hashable, Codable {
    /// The version of the JSON contract this value encodes to.
    public static let schema = "finparse/1"

    public var source: SourceInfo
    public var report: ReportInfo
    public var outline: [Section]
    public var paragraphs: [Paragraph]
    public var tables: [Table]
    public var amounts: [Figure]
    public var percents: [Figure]
    public var diagnostics: [Diagnostic]

    public init(
        source: SourceInfo, report: ReportInfo, outline: [Section] = [], paragraphs: [Paragraph] = [],
        tables: [Table] = [], amounts: [Figure] = [], percents: [Figure] = [], diagnostics: [Diagnostic] = []
    ) {
        self.source = source
        self.report = report
        self.outline = outline
        self.paragraphs = paragraphs
        self.tables = tables
        self.amounts = amounts
        self.percents = percents
        self.diagnostics = diagnostics
    }

    /// A table or a figure of a report, as ``streamPieces(contentsOf:threads:_:)`` hands
    /// them out while it reads.
    public enum Piece: Sendable, Hashable {
        /// One of the report's ``tables``, with its self-evaluation if it is one.
        case table(Table)
        /// One of the report's ``amounts`` or ``percents``.
        case figure(Figure)
    }

    enum CodingKeys: String, CodingKey {
        case schema, source, report, outline, paragraphs, tables, amounts, percents, diagnostics
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let schema = try c.decode(String.self, forKey: .schema)
        guard schema == Self.schema else {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: c, debugDescription: "unsupported schema \(schema)")
        }
        source = try c.decode(SourceInfo.self, forKey: .source)
        report = try c.decode(ReportInfo.self, forKey: .report)
        outline = try c.decode([Section].self, forKey: .outline)
        paragraphs = try c.decode([Paragraph].self, forKey: .paragraphs)
        tables = try c.decode([Table].self, forKey: .tables)
        amounts = try c.decode([Figure].self, forKey: .amounts)
        percents = try c.decode([Figure].self, forKey: .percents)
        diagnostics = try c.decode([Diagnostic].self, forKey: .diagnostics)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schema, forKey: .schema)
        try c.encode(source, forKey: .source)
        try c.encode(report, forKey: .report)
        try c.encode(outline, forKey: .outline)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(tables, forKey: .tables)
        try c.encode(amounts, forKey: .amounts)
        try c.encode(percents, forKey: .percents)
        try c.encode(diagnostics, forKey: .diagnostics)
    }
}

/// The input a document was read from.
public struct SourceInfo: Sendable, Hashable, Codable {
    public enum Format: String, Sendable, Hashable, Codable {
        case text, pdf, html
        /// A Word .docx, or its parts in one XML file (Word's "XML Document").
        case docx
        /// A Word 97–2003 binary document, or Word 2003's XML.
        case doc
        /// An Excel workbook (.xlsx): its sheets' cells, as shown.
        case xlsx
        /// An Excel 97–2003 workbook (.xls), read as an .xlsx is.
        case xls
        /// An OFD document (GB/T 33190), its pages' text laid out as a PDF's is.
        case ofd
        /// An RTF document (Rich Text Format), read as a Word document is; often named .doc.
        case rtf
    }

    /// The path as given by the caller.
    public var path: String
    public var format: Format
    /// The character encoding a text input was decoded from; nil for Word's formats.
    public var encoding: TextEncoding?
    /// The size of the input in bytes.
    public var bytes: Int
    /// The SHA-256 of the input bytes, lowercase hex.
    public var sha256: String

    public init(path: String, format: Format, encoding: TextEncoding?, bytes: Int, sha256: String) {
        self.path = path
        self.format = format
        self.encoding = encoding
        self.bytes = bytes
        self.sha256 = sha256
    }

    enum CodingKeys: String, CodingKey { case path, format, encoding, bytes, sha256 }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(format, forKey: .format)
        try c.encodeNullable(encoding, forKey: .encoding)
        try c.encode(bytes, forKey: .bytes)
        try c.encode(sha256, forKey: .sha256)
    }
}

/// The character encodings finparse reads text input in.
public enum TextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
    case utf8 = "UTF-8"
    case gb18030 = "GB18030"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    /// Traditional characters as Taiwan, Hong Kong and old 繁體 gateways wrote them.
    case big5 = "Big5"
}

/// What the report says about itself: which department, which year, budget or final accounts.
public struct ReportInfo: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// 决算: final accounts of a year that has ended.
        case finalAccounts = "决算"
        /// 预算: the budget for a year.
        case budget = "预算"
    }

    public var title: String?
    public var department: String?
    public var year: Int?
    public var kind: Kind?

    public init(title: String? = nil, department: String? = nil, year: Int? = nil, kind: Kind? = nil) {
        self.title = title
        self.department = department
        self.year = year
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey { case title, department, year, kind }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeNullable(title, forKey: .title)
        try c.encodeNullable(department, forKey: .department)
        try c.encodeNullable(year, forKey: .year)
        try c.encodeNullable(kind, forKey: .kind)
    }
}
