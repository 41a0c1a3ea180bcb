/// The .docx pipeline: zip package → main document part → paragraphs and Word
/// tables → the stages every format shares.
enum WordReportParser {
    /// Hands the body of `partName`, the package's main part, and its tables to
    /// `assembly` as they are read.
    static func read(_ package: OfficePackage, mainPart partName: String, path: String,
                     into assembly: ReportAssembly) throws(FinParseError) {
        // A document may have neither numbering nor styles.
        let folder = OfficePackage.folder(of: partName)
        var numbering = WordNumbering.Reader()
        _ = try package.read(folder + "numbering.xml", into: &numbering)
        var styles = WordStyles.Reader()
        _ = try package.read(folder + "styles.xml", into: &styles)
        let relationships = try package.relationships(of: partName)
        var body = WordDocumentReader(numbering: numbering.result, styles: styles.result, assembly: assembly,
                                      embeddedPages: try parts(relationships.filter { $0.type.hasSuffix("/aFChunk") }, in: package),
                                      embeddedWorkbooks: try parts(relationships.filter { $0.type.hasSuffix("/package") || $0.type.hasSuffix("/oleObject") },
                                                                   in: package))
        guard try package.read(partName, into: &body) else {
            throw FinParseError(.notDocx, path: path, message: "has no main document part (\(partName)): not a Word document")
        }
        guard body.hasBody else {
            // The same kind of package (Office Open XML) as a .docx, with another main part (an
            // .xlsb is told by name before, by its workbook.bin).
            let kind = partName.hasPrefix("xl/") ? "an Excel workbook in a form finparse does not read"
                : partName.hasPrefix("ppt/") ? "a PowerPoint presentation (.pptx)" : "not a Word document"
            throw FinParseError(.notDocx, path: path, message: "is \(kind): its main part, \(partName), has no Word body (w:body)")
        }
        body.finish()
        // Web systems export a page to Word as parts merged in when Word opens the file: the
        // whole report may be such a part. Web pages, web archives and RTF are read where they stand.
        let embedded = body.embeddedParts.count
        let notRead = "merges in \(embedded) part\(embedded == 1 ? "" : "s") when Word opens it "
            + "(w:altChunk: another document, or a page that cannot be read), which finparse does not read"
        // Without a word of text it is no report, as a PDF without a text layer is none.
        guard assembly.holdsText else {
            throw FinParseError(.noText, path: path, message: embedded > 0
                ? "has no text of its own: it \(notRead); open it in Word and save it as a .docx"
                : body.holdsPictures ? noTextMessage
                : "is a Word document without text in its body (its headers, footers, footnotes and comments are not read)")
        }
        if embedded > 0 {
            assembly.diagnostics.append(Diagnostic(severity: .warning, code: "embedded-part-not-read",
                                                   message: "the document \(notRead): their text is missing", line: body.embeddedParts.firstLine))
        }
        if let note = objectsNotRead(body.embeddedObjects, why: "in a table cell, a binary .xlsb, a damaged one, or a document") {
            assembly.diagnostics.append(note)
        }
    }

    /// The warning that `objects` embedded worksheets or documents are not read, and `why`.
    private static func objectsNotRead(_ objects: (count: Int, firstLine: Int), why: String) -> Diagnostic? {
        let count = objects.count
        guard count > 0 else { return nil }
        return Diagnostic(severity: .warning, code: "embedded-part-not-read", message: """
            the document embeds \(count) Excel worksheet\(count == 1 ? "" : "s") or Word document\(count == 1 ? "" : "s") \
            as object\(count == 1 ? "" : "s") that finparse does not read (\(why)): \(count == 1 ? "its" : "their") tables and text are missing
            """, line: objects.firstLine)
    }

    /// The parts `relationships` name (pages merged in, workbooks embedded), by relationship
    /// id: their bytes, read before the body so that each is read where it stands.
    private static func parts(_ relationships: [OfficePackage.Relationship],
                              in package: OfficePackage) throws(FinParseError) -> [String: [UInt8]] {
        var parts: [String: [UInt8]] = [:]
        for relationship in relationships {
            if let bytes = try package.bytes(of: relationship.target) { parts[relationship.id] = bytes }
        }
        return parts
    }

    /// What a Word file (.docx or .doc) without a word of text is told.
    private static let noTextMessage = "is a Word document without text (pages pasted in as pictures?): run OCR on them first"

    /// The RTF pipeline: groups, control words and text → paragraphs and tables.
    static func read(rtf bytes: consuming [UInt8], path: String, into assembly: ReportAssembly) throws(FinParseError) {
        var reader = RTFBodyReader(assembly: assembly)
        reader.read(bytes)
        assembly.setAside(contents: reader.contents)
        guard assembly.holdsText else {
            throw FinParseError(.noText, path: path, message: "is an RTF document without text (pages pasted in as pictures?): run OCR on them first")
        }
    }

    /// The .doc pipeline: OLE compound file → WordDocument stream → paragraphs and tables.
    static func read(binary file: consuming CompoundFile, path: String, into assembly: ReportAssembly) throws(FinParseError) {
        let document = try binaryDocument(of: file, path: path)
        var body = WordBinaryBodyReader(document, assembly: assembly)
        body.read(document)
        guard assembly.holdsText else {
            throw FinParseError(.noText, path: path, message: noTextMessage)
        }
        if let note = objectsNotRead(body.embeddedObjects, why: "a .doc's objects are not read: saved as a .docx, its worksheets are") {
            assembly.diagnostics.append(note)
        }
    }

    /// The Word document in an OLE compound file, whose bytes are let go once its streams
    /// are read.
    private static func binaryDocument(of file: consuming CompoundFile, path: String) throws(FinParseError) -> WordBinaryDocument {
        guard file.contains("WordDocument") else {
            let kind = file.contains("PowerPoint Document") ? "a PowerPoint 97–2003 presentation (.ppt)"
                : "an OLE compound file without a Word document in it"
            throw FinParseError(.unsupportedFormat, path: path, message: "is \(kind), which finparse does not read")
        }
        do {
            return try WordBinaryDocument(file)
        } catch {
            throw FinParseError(error.isUnsupported ? .unsupportedFormat : .malformedDoc, path: path,
                                message: error.isUnsupported ? "\(error.description); save it as a .docx in Word"
                                    : "is a damaged Word 97–2003 document: \(error.description)")
        }
    }
}
