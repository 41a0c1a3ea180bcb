/// The web page pipeline: decoded text → libxml2's HTML parser → lines and tables →
/// the stages every format shares.
enum HTMLReportParser {
    static func read(_ text: String, path: String, into assembly: ReportAssembly) throws(FinParseError) {
        guard let stream = XMLStream<HTMLDocumentReader.Element>(html: true) else {
            throw FinParseError(.malformedHTML, path: path, message: "libxml2 cannot make an HTML parser")
        }
        var reader = HTMLDocumentReader(assembly: assembly)
        var text = HTMLDocumentReader.keepingFormFeeds(text)
        let parsed = text.withUTF8 { bytes in
            Result { () throws(XMLStreamError) in try stream.parse(UnsafeRawBufferPointer(bytes), isLast: true, into: &reader) }
        }
        if case .failure(let error) = parsed {
            throw FinParseError(.malformedHTML, path: path, message: error.message,
                                location: error.location)
        }
        reader.finish()
    }
}
