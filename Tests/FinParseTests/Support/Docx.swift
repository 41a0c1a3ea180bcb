import FoundationEssentials
import ZIPFoundation
@testable import FinParse

/// Small .docx packages built in memory for the Word reader's tests.
enum Docx {
    static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#
        + #"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#

    static let rels = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
        </Relationships>
        """#

    /// A package whose document.xml has `body` inside w:body.
    static func package(body: String) throws -> [UInt8] {
        try zip(["_rels/.rels": Array(rels.utf8), "word/document.xml": documentXML(body: body)])
    }

    /// A document.xml with `body` inside w:body.
    static func documentXML(body: String) -> [UInt8] {
        Array("<w:document \(namespaces)><w:body>\(body)</w:body></w:document>".utf8)
    }

    static func zip(_ parts: [String: [UInt8]], compression: CompressionMethod = .deflate) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (name, bytes) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: compression) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return Array(archive.data!)
    }

    static func document(body: String) throws -> Document {
        try Document(bytes: package(body: body), path: "case.docx")
    }

    static func p(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }
}
