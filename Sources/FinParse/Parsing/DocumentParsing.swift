import Crypto

extension Document {
    /// Reads and parses the report at `path`: a Word .docx file, a PDF (through
    /// poppler's pdftotext, which must be installed), or plain text in any encoding
    /// finparse detects (UTF-8, UTF-16 with a byte-order mark, GB18030/GBK).
    ///
    /// Problems in the content never throw: they become ``diagnostics``. What throws
    /// is an input that cannot be read as a report at all, with the file and the place.
    ///
    /// `threads` is how many threads may share the work of this one report; a large
    /// report parses faster on several. One by default, for callers that already
    /// parse one report per core (``BatchParser`` does).
    public init(contentsOf path: String, threads: Int = 1) throws(FinParseError) {
        let bytes = try InputFile.load(path: path)
        try self.init(bytes: consume bytes, path: path, threads: threads)
    }

    /// Parses a report given as bytes; `path` names it in the result and in errors.
    /// `threads` as for ``init(contentsOf:threads:)``.
    ///
    /// The bytes are taken over, so that once decoded they are not held through the parse.
    public init(bytes: consuming [UInt8], path: String, threads: Int = 1) throws(FinParseError) {
        if bytes.starts(with: [0x50, 0x4B]) {
            self = try WordReportParser(threads: threads).parse(bytes, path: path)
            return
        }
        if bytes.starts(with: Array("%PDF".utf8)) {
            let text = try PDFTextExtraction.text(of: bytes, path: path)
            let source = SourceInfo(path: path, format: .pdf, encoding: nil, bytes: bytes.count, sha256: Self.sha256Hex(bytes))
            self = TextReportParser(threads: threads).parse(text, source: source)
            return
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            // OLE compound file: a Word 97–2003 .doc, or a .docx sealed with a password.
            throw FinParseError(.unsupportedFormat, path: path,
                                message: "is an old-format .doc or a password-protected Word file; save it as an unprotected .docx")
        }
        let decoded = try TextDecoding.decode(bytes, path: path)
        let source = SourceInfo(path: path, format: .text, encoding: decoded.encoding, bytes: bytes.count,
                                sha256: Self.sha256Hex(bytes))
        let text = decoded.text
        _ = consume bytes
        _ = consume decoded
        self = TextReportParser(threads: threads).parse(consume text, source: source)
    }

    /// Parses report text that is already in memory.
    public init(parsing text: String, path: String = "-") {
        let bytes = Array(text.utf8)
        let source = SourceInfo(path: path, format: .text, encoding: .utf8, bytes: bytes.count, sha256: Self.sha256Hex(bytes))
        self = TextReportParser().parse(text, source: source)
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        let hexDigits = Array("0123456789abcdef")
        var hex = ""
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return hex
    }
}
