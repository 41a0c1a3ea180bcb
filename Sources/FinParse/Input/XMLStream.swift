import CXMLReader

/// The elements the reader of one XML part acts on, each by its qualified name as
/// written (`w:p`). An XML stream reports only these; an HTML stream reports any
/// other element as nil.
protocol XMLVocabulary: CaseIterable, Equatable where RawValue == String, AllCases == [Self], Self: RawRepresentable {}

/// The reader of one XML part: takes its nodes in document order, as they are parsed.
protocol XMLNodeReader {
    associatedtype Element: XMLVocabulary
    mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>)
}

private let xmlInitialized: Void = fp_xml_initialize()

/// The Swift face of the C shim over libxml2's push parser: bytes go in chunk by
/// chunk (as a part is inflated), and each node goes to a reader as soon as it is
/// parsed, so that no part is ever held whole.
///
/// Element names are matched in C against the vocabulary, so that no name becomes a
/// Swift string; a text node's text is made one only when asked for.
final class XMLStream<Element: XMLVocabulary> {
    enum Node {
        /// An element's start; a self-closing element has a start and an end.
        case start(Element?)
        /// A whole text node; its text is ``XMLStream/text``.
        case text
        case end(Element?)
    }

    private let stream: OpaquePointer
    private let vocabulary = Element.allCases

    /// Nil when libxml2 cannot make a parser. `html`: the input is HTML in UTF-8, read
    /// by libxml2's HTML parser (errors recovered from, names lower-cased).
    init?(html: Bool = false) {
        _ = xmlInitialized
        // The names, NUL-terminated one after the other, and a pointer to each.
        var names: [CChar] = []
        var starts: [Int] = []
        for element in vocabulary {
            starts.append(names.count)
            names += element.rawValue.utf8CString
        }
        let stream = names.withUnsafeBufferPointer { names in
            let pointers = starts.map { Optional(names.baseAddress! + $0) }
            return html ? fp_html_stream_open(pointers, Int32(pointers.count))
                        : fp_xml_stream_open(pointers, Int32(pointers.count))
        }
        guard let stream else { return nil }
        self.stream = stream
    }

    deinit { fp_xml_stream_close(stream) }

    /// Parses the next bytes of the document (`isLast` with the final ones), handing
    /// each node completed to `reader`; throws the parser's message and line.
    func parse<Reader: XMLNodeReader>(_ bytes: UnsafeRawBufferPointer, isLast: Bool, into reader: inout Reader)
        throws(XMLStreamError) where Reader.Element == Element
    {
        let status = withUnsafeMutablePointer(to: &reader) { reader in
            var deliver = { (kind: Int32, name: Int32) in
                let node: Node = switch kind {
                case Int32(FP_XML_ELEMENT): .start(self.element(name))
                case Int32(FP_XML_END_ELEMENT): .end(self.element(name))
                default: .text
                }
                reader.pointee.take(node, from: self)
            }
            return withUnsafeMutablePointer(to: &deliver) { deliver in
                fp_xml_stream_parse(stream, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                                    isLast ? 1 : 0, { context, kind, name in
                    context!.assumingMemoryBound(to: ((Int32, Int32) -> Void).self).pointee(kind, name)
                }, deliver)
            }
        }
        guard status == 0 else {
            var line: Int32 = 0
            var column: Int32 = 0
            let message = String(cString: fp_xml_stream_error(stream, &line, &column))
            throw XMLStreamError(message: message.isEmpty ? "malformed XML" : message,
                                 location: SourceLocation(line: Int(line), column: max(1, Int(column))))
        }
    }

    /// The text of the text node being taken.
    var text: String { string { fp_xml_stream_text(stream, $0) } ?? "" }

    /// Appends the UTF-8 bytes of the text node being taken: for readers that join many
    /// nodes into one text, with no string made per node.
    func appendText(to bytes: inout [UInt8]) {
        var length: Int32 = 0
        guard let text = fp_xml_stream_text(stream, &length) else { return }
        text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    /// An attribute of the element being started, by qualified name (w:val).
    func attribute(_ name: String) -> String? { string { fp_xml_stream_attribute(stream, name, $0) } }

    private func string(_ read: (UnsafeMutablePointer<Int32>) -> UnsafePointer<CChar>?) -> String? {
        var length: Int32 = 0
        guard let bytes = read(&length) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: Int(length)), as: UTF8.self)
    }

    private func element(_ index: Int32) -> Element? {
        vocabulary.indices.contains(Int(index)) ? vocabulary[Int(index)] : nil
    }
}

/// Follows the elements a reader skips with all they hold (a Word deletion, an HTML
/// script).
struct XMLSkipper<Element: XMLVocabulary> {
    private var depth = 0

    /// Whether the reader is inside a skipped element.
    var isSkipping: Bool { depth > 0 }

    /// Whether `node` belongs to a skipped element (its own start and end included).
    mutating func skips(_ node: XMLStream<Element>.Node, _ isSkipped: (Element) -> Bool) -> Bool {
        switch node {
        case .start(let element):
            guard depth > 0 || element.map(isSkipped) == true else { return false }
            depth += 1
        case .end:
            guard depth > 0 else { return false }
            depth -= 1
        case .text:
            return depth > 0
        }
        return true
    }
}

struct XMLStreamError: Error {
    var message: String
    /// Where the parser stood, in lines and characters of the part.
    var location: SourceLocation
}
