import CXMLReader

/// The Swift face of the C xmlTextReader shim: a pull stream of XML nodes.
final class XMLStream {
    enum Node {
        case start(name: String, isEmpty: Bool)
        case text(String)
        case end(name: String)
    }

    private static let initialized: Void = fp_xml_initialize()

    private let buffer: UnsafeMutableBufferPointer<CChar>
    private let reader: OpaquePointer

    /// Streams `bytes`; nil when libxml2 cannot open a reader over them. Takes the bytes
    /// over: once copied into the stream's own buffer, a large part is not held twice.
    init?(_ bytes: consuming [UInt8]) {
        _ = Self.initialized
        guard bytes.count < Int32.max else { return nil }
        // libxml2 reads the bytes as it goes: they must stay put, so they get a buffer of their own.
        buffer = .allocate(capacity: max(bytes.count, 1))
        let count = bytes.count
        _ = buffer.initialize(from: bytes.lazy.map { CChar(bitPattern: $0) })
        _ = consume bytes
        guard let reader = fp_xml_reader_open(buffer.baseAddress, Int32(count)) else {
            buffer.deallocate()
            return nil
        }
        self.reader = reader
    }

    deinit {
        fp_xml_reader_close(reader)
        buffer.deallocate()
    }

    /// The next node of interest, nil at the end; throws the parser's message and line.
    func next() throws(XMLStreamError) -> Node? {
        while true {
            switch fp_xml_reader_read(reader) {
            case 0: return nil
            case 1: break
            default:
                var line: Int32 = 0
                let message = String(cString: fp_xml_reader_error(reader, &line))
                throw XMLStreamError(message: message.isEmpty ? "malformed XML" : message, line: Int(line))
            }
            switch fp_xml_reader_node_type(reader) {
            case Int32(FP_XML_ELEMENT):
                return .start(name: String(cString: fp_xml_reader_name(reader)),
                              isEmpty: fp_xml_reader_is_empty_element(reader) == 1)
            case Int32(FP_XML_END_ELEMENT):
                return .end(name: String(cString: fp_xml_reader_name(reader)))
            case Int32(FP_XML_TEXT), Int32(FP_XML_CDATA), Int32(FP_XML_SIGNIFICANT_WHITESPACE):
                return .text(String(cString: fp_xml_reader_value(reader)))
            default:
                continue
            }
        }
    }

    /// An attribute of the current element, by qualified name (w:val).
    func attribute(_ name: String) -> String? {
        guard let value = fp_xml_reader_attribute(reader, name) else { return nil }
        defer { fp_xml_free(value) }
        return String(cString: value)
    }
}

struct XMLStreamError: Error {
    var message: String
    var line: Int
}
