/// The parts of an Office Open XML file (a .docx or an .xlsx: a zip package), inflated
/// with limits and read as XML; or those of one of Word's XML files (``WordXMLFile``),
/// which hold them as text.
struct OfficePackage {
    /// No part inflates beyond this, whatever its header claims.
    static let maxPartBytes = 1 << 30
    /// A part larger than `ratioFloorBytes` may not inflate to more than this
    /// many times its compressed size: beyond it lies a zip bomb, not a report.
    static let maxRatio = 200
    static let ratioFloorBytes = 16 << 20

    private enum Storage {
        case zip(ZipArchive)
        /// A Word XML file's bytes and its parts' places in them.
        case xml([UInt8], parts: [String: Range<Int>])
    }

    /// What the package holds, which names the errors of its damaged parts.
    enum Kind {
        case word
        /// Word 2003's XML: one part, whose places are the file's, in a file of the .doc's years.
        case word2003
        case workbook
        /// An OFD document (GB/T 33190).
        case ofd
    }

    private let storage: Storage
    private let path: String
    private(set) var kind: Kind
    /// What a damaged part makes of the file.
    private var malformed: FinParseError.Code {
        switch kind {
        case .word: .malformedDocx
        case .word2003: .malformedDoc
        case .workbook: .malformedXlsx
        case .ofd: .malformedOFD
        }
    }
    /// Whether errors name the part.
    private var namesParts: Bool { kind != .word2003 }

    /// The same package, known to be a workbook: its damaged parts are an .xlsx's.
    func asWorkbook() -> OfficePackage { with(kind: .workbook) }

    /// The same package, known to be an OFD document: its damaged parts are an OFD's.
    func asOFD() -> OfficePackage { with(kind: .ofd) }

    private func with(kind: Kind) -> OfficePackage {
        var package = self
        package.kind = kind
        return package
    }

    /// A package in memory, read where it is.
    init(bytes: consuming [UInt8], path: String) throws(FinParseError) {
        self.path = path
        kind = .word
        do {
            storage = .zip(try ZipArchive(bytes: bytes))
        } catch {
            throw Self.unreadable(path, error)
        }
    }

    /// A package read from its file as its parts are inflated: never held whole.
    init(fileAt path: String) throws(FinParseError) {
        self.path = path
        kind = .word
        do {
            storage = .zip(try ZipArchive(path: path))
        } catch {
            throw Self.unreadable(path, error)
        }
    }

    /// One of Word's XML files. Word 2003's is its own main, styles and numbering part.
    init(wordXML bytes: consuming [UInt8], kind: WordXMLFile.Kind, path: String) {
        self.path = path
        self.kind = kind == .word2003 ? .word2003 : .word
        switch kind {
        case .package:
            let parts = WordXMLFile.parts(of: bytes)
            storage = .xml(bytes, parts: parts)
        case .word2003:
            let whole = 0..<bytes.count
            storage = .xml(bytes, parts: ["word/document.xml": whole, "word/styles.xml": whole, "word/numbering.xml": whole])
        }
    }

    private static func unreadable(_ path: String, _ error: ZipArchive.Failure) -> FinParseError {
        FinParseError(.notDocx, path: path, message: "is not a readable zip package (truncated or damaged): \(error)")
    }

    /// Streams a part through `reader` as it is inflated, and returns false when the
    /// package has no such part; the part is never held whole. XML errors name the part and line.
    func read<Reader: XMLNodeReader>(_ name: String, into reader: inout Reader) throws(FinParseError) -> Bool {
        switch storage {
        case .zip(let archive):
            guard let entry = archive[name] else { return false }
            try read(entry, of: archive, name: name, into: &reader)
        case .xml(let bytes, let parts):
            guard let range = parts[name] else { return false }
            let stream = try stream(for: reader, name: name)
            do {
                try bytes[range].withUnsafeBytes { try stream.parse($0, isLast: true, into: &reader) }
            } catch let error as XMLStreamError {
                throw failure(name, XMLStreamError(message: error.message,
                                                   location: Self.place(of: error.location, inPartAt: range.lowerBound, of: bytes)))
            } catch {
                throw FinParseError(malformed, path: path, message: "\(namesParts ? "\(name): " : "")\(error)")
            }
        }
        return true
    }

    /// A part's bytes, inflated whole within the same limits; nil when there is no such part.
    func bytes(of name: String) throws(FinParseError) -> [UInt8]? {
        switch storage {
        case .zip(let archive):
            guard let entry = archive[name] else { return nil }
            var bytes: [UInt8] = []
            try inflate(entry, of: archive, name: name) { bytes += $0 }
            return bytes
        case .xml(let bytes, let parts):
            return parts[name].map { Array(bytes[$0]) }
        }
    }

    private func read<Reader: XMLNodeReader>(_ entry: ZipArchive.Entry, of archive: ZipArchive, name: String,
                                             into reader: inout Reader) throws(FinParseError) {
        let stream = try stream(for: reader, name: name)
        try inflate(entry, of: archive, name: name) { bytes in try stream.parse(bytes, isLast: false, into: &reader) }
        do {
            try stream.parse(UnsafeRawBufferPointer(start: nil, count: 0), isLast: true, into: &reader)
        } catch {
            throw failure(name, error)
        }
    }

    /// Inflates a part chunk by chunk into `take`. A part that says it is too large is refused
    /// before any of it is read; one that says less than it holds is inflated only as far as
    /// it says, and fails its CRC-32.
    private func inflate(_ entry: ZipArchive.Entry, of archive: ZipArchive, name: String,
                         into take: (UnsafeRawBufferPointer) throws -> Void) throws(FinParseError) {
        let limit = Self.limit(compressedSize: entry.compressedSize)
        guard entry.uncompressedSize <= limit else {
            throw FinParseError(.tooLarge, path: path,
                                message: "\(name) declares \(entry.uncompressedSize) bytes from \(entry.compressedSize), beyond \(limit): refused as a zip bomb")
        }
        do {
            try archive.read(entry, chunkSize: 1 << 16) { bytes in try take(bytes) }
        } catch let error as ZipArchive.Failure where error.failsChecksum {
            throw FinParseError(malformed, path: path, message: "\(name) fails its CRC-32 check (damaged)")
        } catch let error as XMLStreamError {
            throw failure(name, error)
        } catch {
            throw FinParseError(malformed, path: path, message: "\(name) cannot be inflated (truncated or damaged): \(error)")
        }
    }

    private func stream<Reader: XMLNodeReader>(for reader: Reader, name: String) throws(FinParseError) -> XMLStream<Reader.Element> {
        guard let stream = XMLStream<Reader.Element>() else {
            throw FinParseError(malformed, path: path, message: "\(name): libxml2 cannot make a parser")
        }
        return stream
    }

    /// A place in a part as a place in the file that holds the part from `start` on.
    private static func place(of location: SourceLocation, inPartAt start: Int, of bytes: [UInt8]) -> SourceLocation {
        let before = bytes[..<start]
        let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
        let line = before.count { $0 == 0x0A } + 1
        // Columns count characters: UTF-8's continuation bytes are none.
        let column = bytes[lineStart..<start].count { $0 & 0xC0 != 0x80 } + 1
        return location.line == 1 ? SourceLocation(line: line, column: column + location.column - 1)
            : SourceLocation(line: line + location.line - 1, column: location.column)
    }

    private func failure(_ name: String, _ error: XMLStreamError) -> FinParseError {
        FinParseError(malformed, path: path, message: "\(namesParts ? "\(name): " : "")\(error.message)", location: error.location)
    }

    static func limit(compressedSize: UInt64) -> Int {
        let byRatio = Int(clamping: compressedSize) &* maxRatio
        return min(maxPartBytes, max(ratioFloorBytes, byRatio))
    }

    /// A relationship a part's .rels part lists, its target a part's name.
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships of `partName` (of the package itself for ""), their targets made
    /// parts' names.
    func relationships(of partName: String) throws(FinParseError) -> [Relationship] {
        let folder = Self.folder(of: partName)
        var reader = RelationshipReader()
        guard try read(folder + "_rels/" + partName.dropFirst(folder.count) + ".rels", into: &reader) else { return [] }
        return reader.all.map { Relationship(id: $0.id, type: $0.type, target: Self.partName($0.target, in: folder)) }
    }

    /// The part the package's relationships name as the office document (word/document.xml,
    /// xl/workbook.xml); other writers may name it otherwise.
    func mainPart() throws(FinParseError) -> String {
        try relationships(of: "").first { $0.type.hasSuffix("/officeDocument") }?.target ?? "word/document.xml"
    }

    /// The folder a part is in (word/ for word/document.xml), which its relationships' targets start from.
    static func folder(of partName: String) -> String {
        partName.contains(utf8: "/") ? String(partName[...partName.lastIndex(of: "/")!]) : ""
    }

    /// A relationship's target as a part's name: from the package's root when it starts with "/".
    private static func partName(_ target: String, in folder: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
    }

    private struct RelationshipReader: XMLNodeReader {
        enum Element: String, XMLVocabulary {
            case relationship = "Relationship"
        }

        var all: [(id: String, type: String, target: String)] = []

        mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
            guard case .start(.relationship) = node, let id = stream.attribute("Id"), let type = stream.attribute("Type"),
                  let target = stream.attribute("Target") else { return }
            all.append((id, type, target))
        }
    }
}
