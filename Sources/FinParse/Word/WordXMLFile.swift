/// Word's documents saved as one XML file (Word's "XML Document" and "Word 2003 XML
/// Document" types), as systems that fill a report into a Word template write them, often
/// named .doc: Java's FreeMarker templates are such files.
///
/// A package (Word 2007 and later) holds the parts of a .docx, each part's XML in a
/// `pkg:part`'s `pkg:xmlData`; Word 2003's format is one document whose body, styles and
/// lists stand in one `w:wordDocument`, in nearly the same vocabulary.
enum WordXMLFile {
    enum Kind: Equatable {
        /// `pkg:package`: the parts of a .docx in one file.
        case package
        /// `w:wordDocument`: Word 2003's XML.
        case word2003
    }

    /// Whether the bytes are one of Word's XML files, told by the start of the file: an XML
    /// declaration, then Word's processing instruction or its root element.
    static func kind(of bytes: [UInt8]) -> Kind? {
        var start = bytes.prefix(4096)
        if start.starts(with: [0xEF, 0xBB, 0xBF]) { start = start.dropFirst(3) }
        start = start.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard start.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = String(decoding: start, as: UTF8.self)
        if head.contains("<pkg:package") { return .package }
        if head.contains("<w:wordDocument") { return .word2003 }
        return nil
    }

    /// The XML parts of a package file by name (as a zip names them: no leading "/"), each
    /// the bytes inside its `pkg:xmlData`. Parts held as `pkg:binaryData` (pictures) are not
    /// text and are left out.
    static func parts(of bytes: [UInt8]) -> [String: Range<Int>] {
        var parts: [String: Range<Int>] = [:]
        var from = 0
        while let part = find("<pkg:part ", in: bytes, from: from), let tagEnd = find(">", in: bytes, from: part) {
            let nextPart = find("<pkg:part ", in: bytes, from: tagEnd) ?? bytes.count
            from = nextPart
            guard let name = attribute("pkg:name", in: bytes[part..<tagEnd]),
                  let dataStart = find("<pkg:xmlData>", in: bytes, from: tagEnd), dataStart < nextPart,
                  let dataEnd = find("</pkg:xmlData>", in: bytes, from: dataStart), dataEnd < nextPart else { continue }
            let key = name.hasPrefix("/") ? String(name.dropFirst()) : name
            parts[key] = dataStart + "<pkg:xmlData>".utf8.count..<dataEnd
        }
        return parts
    }

    private static func find(_ string: String, in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        let pattern = Array(string.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            pattern.withUnsafeBufferPointer { needle in
                UnsafeBufferPointer(rebasing: buffer[start...]).firstOffset(of: needle).map { $0 + start }
            }
        }
    }

    /// An attribute's value in a start tag, quoted either way.
    private static func attribute(_ name: String, in tag: ArraySlice<UInt8>) -> String? {
        let key = Array((name + "=").utf8)
        guard let at = tag.indices.first(where: { tag[$0...].starts(with: key) }) else { return nil }
        let rest = tag[(at + key.count)...]
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        return String(decoding: rest.dropFirst().prefix { $0 != quote }, as: UTF8.self)
    }
}
