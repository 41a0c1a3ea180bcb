import CXMLReader

/// The elements the reader of one XML part acts on, each by its qualified name as
/// written (`w:p`). A stream reports an element as one of these, or nil for any other.
protocol XMLVocabulary: CaseIterable, Equatable where RawValue == String, AllCases == [Self], Self: RawRepresentable {}

private let xmlInitialized: Void = fp_xml_initialize()

/// The Swift face of the C xmlTextReader shim: a pull stream of XML nodes.
///
/// Element names are matched in C against the vocabulary, so that no name becomes a
/// Swift string; a text node's text is made one only when asked for.
final class XMLStream<Element: XMLVocabulary> {
    enum Node {
        case start(Element?, isEmpty: Bool)
        /// A text node; its text is ``XMLStream/text``.
        case text
        case end(Element?)
    }

    private let buffer: UnsafeMutableBufferPointer<CChar>
    private let reader: OpaquePointer
    private let vocabulary = Element.allCases

    /// Streams `bytes`; nil when libxml2 cannot open a reader over them. Takes the bytes
    /// over: once copied into the stream's own buffer, a large part is not held twice.
    init?(_ bytes: consuming [UInt8]) {
        _ = xmlInitialized
        guard bytes.count < Int32.max else { return nil }
        // libxml2 reads the bytes as it goes: they must stay put, so they get a buffer of their own.
        let count = bytes.count
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(count, 1))
        bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
        _ = consume bytes
        // The names, NUL-terminated one after the other, and a pointer to each.
        var names: [CChar] = []
        var starts: [Int] = []
        for element in vocabulary {
            starts.append(names.count)
            names += element.rawValue.utf8CString
        }
        let reader = names.withUnsafeBufferPointer { names in
            let pointers = starts.map { Optional(names.baseAddress! + $0) }
            return fp_xml_reader_open(buffer.baseAddress, Int32(count), pointers, Int32(pointers.count))
        }
        guard let reader else {
            buffer.deallocate()
            return nil
        }
        self.buffer = buffer
        self.reader = reader
    }

    deinit {
        fp_xml_reader_close(reader)
        buffer.deallocate()
    }

    /// The next element start, element end or text node, nil at the end; throws the
    /// parser's message and line.
    func next() throws(XMLStreamError) -> Node? {
        var name: Int32 = -1
        var isEmpty: Int32 = 0
        switch fp_xml_reader_next(reader, &name, &isEmpty) {
        case 0:
            return nil
        case Int32(FP_XML_ELEMENT):
            return .start(element(name), isEmpty: isEmpty == 1)
        case Int32(FP_XML_END_ELEMENT):
            return .end(element(name))
        case Int32(FP_XML_TEXT):
            return .text
        default:
            var line: Int32 = 0
            let message = String(cString: fp_xml_reader_error(reader, &line))
            throw XMLStreamError(message: message.isEmpty ? "malformed XML" : message, line: Int(line))
        }
    }

    /// The text of the current text node.
    var text: String { String(cString: fp_xml_reader_value(reader)) }

    /// An attribute of the current element, by qualified name (w:val).
    func attribute(_ name: String) -> String? {
        guard let value = fp_xml_reader_attribute(reader, name) else { return nil }
        defer { fp_xml_free(value) }
        return String(cString: value)
    }

    private func element(_ index: Int32) -> Element? {
        vocabulary.indices.contains(Int(index)) ? vocabulary[Int(index)] : nil
    }
}

struct XMLStreamError: Error {
    var message: String
    var line: Int
}
