/// The web page pipeline: decoded text → libxml2's HTML parser → lines and tables →
/// the stages every format shares.
enum HTMLReportParser {
    /// Reads the page's lines and tables into `assembly`, numbering its lines from
    /// `firstLine` (a page a Word document merges in goes on from the paragraphs before
    /// it), and returns the number of its last line.
    @discardableResult
    static func read(_ text: String, path: String, into assembly: ReportAssembly, firstLine: Int = 1) throws(FinParseError) -> Int {
        guard let stream = XMLStream<HTMLDocumentReader.Element>(html: true) else {
            throw FinParseError(.malformedHTML, path: path, message: "libxml2 cannot make an HTML parser")
        }
        var reader = HTMLDocumentReader(assembly: assembly, firstLine: firstLine)
        var text = HTMLDocumentReader.keepingFormFeeds(HTMLDocumentReader.withoutRevealedConditionals(text))
        let parsed = text.withUTF8 { bytes in
            Result { () throws(XMLStreamError) in try stream.parse(UnsafeRawBufferPointer(bytes), isLast: true, into: &reader) }
        }
        if case .failure(let error) = parsed {
            throw FinParseError(.malformedHTML, path: path, message: error.message,
                                location: error.location)
        }
        reader.finish()
        return reader.lastLine
    }

    /// A part a Word document merges in (w:altChunk) when it is a web page or a web archive:
    /// read into `assembly` with its lines numbered from `firstLine`, and the number of its
    /// last line returned; nil (nothing read) for any other part.
    static func readEmbedded(_ bytes: [UInt8], firstLine: Int, into assembly: ReportAssembly) -> Int? {
        let archived = (try? WebArchive.page(in: bytes, path: "")) ?? nil
        guard var text = try? TextDecoding.decode(archived ?? bytes, path: "").text,
              archived != nil || HTMLDocumentReader.looksLikeHTML(text) else { return nil }
        if let note = TraditionalScript.simplify(&text) { assembly.diagnostics.append(note) }
        return try? read(text, path: "", into: assembly, firstLine: firstLine)
    }
}
