/// The .docx pipeline: zip package → main document part → paragraphs and Word
/// tables → the stages every format shares.
struct WordReportParser {
    func parse(_ bytes: [UInt8], path: String) throws(FinParseError) -> Document {
        let package = try DocxPackage(bytes: bytes, path: path)
        let partName = try mainPart(of: package, path: path)
        guard let xml = try package.part(partName) else {
            throw FinParseError(.notDocx, path: path, message: "has no main document part (\(partName)): not a Word document")
        }
        let body: (paragraphs: [FoldedText], tables: [TableGrid])
        do {
            body = try WordDocumentReader.read(xml)
        } catch {
            throw FinParseError(.malformedDocx, path: path, message: "\(partName): \(error.message)",
                                location: SourceLocation(line: error.line, column: 1))
        }
        let source = SourceInfo(path: path, format: .docx, encoding: nil, bytes: bytes.count, sha256: Document.sha256Hex(bytes))
        return ReportAssembler.assemble(source: source, paragraphs: body.paragraphs, tables: body.tables, diagnostics: [])
    }

    /// The part the package's relationships name as the office document; Word
    /// calls it word/document.xml, other writers may not.
    private func mainPart(of package: DocxPackage, path: String) throws(FinParseError) -> String {
        let standard = "word/document.xml"
        guard let rels = try package.part("_rels/.rels"), let stream = XMLStream(rels) else { return standard }
        do {
            while let node = try stream.next() {
                guard case .start(let name, _) = node, name == "Relationship",
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
