/// The .docx pipeline: zip package → main document part → paragraphs and Word
/// tables → the stages every format shares.
struct WordReportParser {
    var threads = 1

    func parse(_ bytes: [UInt8], path: String) throws(FinParseError) -> Document {
        let package = try DocxPackage(bytes: bytes, path: path)
        let partName = try mainPart(of: package, path: path)
        // Numbering and styles are small parts, read whole; a document may have neither.
        let folder = partName.contains(utf8: "/") ? String(partName[...partName.lastIndex(of: "/")!]) : ""
        let numbering = try read(package, folder + "numbering.xml", path: path, WordNumbering.read) ?? WordNumbering()
        let styles = try read(package, folder + "styles.xml", path: path, WordStyles.read) ?? WordStyles()
        // The body's paragraphs and tables are handed to the assembly as they are read.
        let assembly = ReportAssembly(threads: threads)
        let bodyRead: Void? = try read(package, partName, path: path) { (xml: consuming [UInt8]) throws(XMLStreamError) in
            try WordDocumentReader.read(consume xml, numbering: numbering, styles: styles, into: assembly)
        }
        guard bodyRead != nil else {
            throw FinParseError(.notDocx, path: path, message: "has no main document part (\(partName)): not a Word document")
        }
        let source = SourceInfo(path: path, format: .docx, encoding: nil, bytes: bytes.count, sha256: Document.sha256Hex(bytes))
        return assembly.document(source: source)
    }

    /// A part read by `reader`, nil when the package has no such part; XML errors name the part and line.
    private func read<T>(_ package: DocxPackage, _ name: String, path: String,
                         _ reader: (consuming [UInt8]) throws(XMLStreamError) -> T) throws(FinParseError) -> T? {
        guard let xml = try package.part(name) else { return nil }
        do {
            return try reader(consume xml)
        } catch {
            throw FinParseError(.malformedDocx, path: path, message: "\(name): \(error.message)",
                                location: SourceLocation(line: error.line, column: 1))
        }
    }

    private enum PackageRelationship: String, XMLVocabulary {
        case relationship = "Relationship"
    }

    /// The part the package's relationships name as the office document; Word
    /// calls it word/document.xml, other writers may not.
    private func mainPart(of package: DocxPackage, path: String) throws(FinParseError) -> String {
        let standard = "word/document.xml"
        guard let rels = try package.part("_rels/.rels"), let stream = XMLStream<PackageRelationship>(rels) else { return standard }
        do {
            while let node = try stream.next() {
                guard case .start(.relationship, _) = node,
                      stream.attribute("Type")?.hasSuffix("/officeDocument") == true,
                      let target = stream.attribute("Target") else { continue }
                return target.hasPrefix("/") ? String(target.dropFirst()) : target
            }
        } catch {
            throw FinParseError(.malformedDocx, path: path, message: "_rels/.rels: \(error.message)")
        }
        return standard
    }
}
