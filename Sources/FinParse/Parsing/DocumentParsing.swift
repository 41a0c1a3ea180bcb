import Crypto

extension Document {
    /// Reads and parses the report at `path`: a Word .docx or Word 97–2003 .doc file, an Excel
    /// .xlsx or .xls workbook, a PDF (through poppler's pdftotext, which must be installed), a web page,
    /// or plain text in any encoding finparse detects (UTF-8, UTF-16 with a byte-order mark, GB18030/GBK).
    ///
    /// Problems in the content never throw: they become ``diagnostics``. What throws
    /// is an input that cannot be read as a report at all, with the file and the place.
    ///
    /// `threads` is how many threads may share the work of this one report; a large
    /// report parses faster on several. One by default, for callers that already
    /// parse one report per core (``BatchParser`` does).
    public init(contentsOf path: String, threads: Int = 1) throws(FinParseError) {
        let assembly = ReportAssembly(threads: threads)
        let source = try Self.read(fileAt: path, into: assembly)
        self = assembly.document(source: source)
    }

    /// Parses a report given as bytes; `path` names it in the result and in errors.
    /// `threads` as for ``init(contentsOf:threads:)``.
    ///
    /// The bytes are taken over, so that once decoded they are not held through the parse.
    public init(bytes: consuming [UInt8], path: String, threads: Int = 1) throws(FinParseError) {
        let assembly = ReportAssembly(threads: threads)
        let source = try Self.read(consume bytes, path: path, into: assembly)
        self = assembly.document(source: source)
    }

    /// Parses report text that is already in memory.
    public init(parsing text: String, path: String = "-") {
        let bytes = Array(text.utf8)
        let source = SourceInfo(path: path, format: .text, encoding: .utf8, bytes: bytes.count, sha256: Self.sha256Hex(bytes))
        let assembly = ReportAssembly(threads: 1)
        TextReportParser.read(text, into: assembly)
        self = assembly.document(source: source)
    }

    /// Reads the report at `path` as ``init(contentsOf:threads:)`` does, but keeps none of
    /// it: each table and each figure is handed to `handle` as soon as it is read, so that
    /// the figures of a report of any size take little memory. For a .docx, only a few
    /// hundred paragraphs or table cells are held at a time; a text report is read whole
    /// first, as for a ``Document``.
    ///
    /// Pieces come on the calling thread in the order of the document: each table before
    /// the figures of its cells, and figures line by line, a line's amounts before its
    /// percents. They are the tables and figures that the report's ``Document`` holds (its
    /// ``tables``, ``amounts`` and ``percents``). What needs the whole report is not read:
    /// the outline, the paragraphs, ``ReportInfo`` and the diagnostics.
    ///
    /// ```swift
    /// try Document.streamPieces(contentsOf: "report.docx") { piece in
    ///     if case .figure(let figure) = piece, figure.label == "收入总计" { print(figure.value) }
    /// }
    /// ```
    ///
    /// - Returns: what the input was.
    @discardableResult
    public static func streamPieces(contentsOf path: String, threads: Int = 1,
                                    _ handle: (Piece) -> Void) throws(FinParseError) -> SourceInfo {
        // The assembly keeps `handle` only while it lives, which ends in here.
        try withoutActuallyEscaping(handle) { handle throws(FinParseError) in
            let assembly = ReportAssembly(threads: threads) { if case .piece(let piece) = $0 { handle(piece) } }
            let source = try read(fileAt: path, into: assembly)
            assembly.finishStream()
            return source
        }
    }

    /// Reads the report at `path` into `assembly`. A .docx or .xlsx is inflated from its
    /// file as it is read, so that it is never held whole; other formats are read whole.
    /// A report in a zip archive (`a.zip/b.docx`, see ``ReportArchive``) is inflated whole.
    static func read(fileAt path: String, into assembly: ReportAssembly) throws(FinParseError) -> SourceInfo {
        if let bytes = try ReportArchive.load(path) { return try read(bytes, path: path, into: assembly) }
        guard try InputFile.startsAsZip(path: path) else {
            return try read(InputFile.load(path: path), path: path, into: assembly)
        }
        let (bytes, sha256) = try InputFile.digest(path: path)
        let format: SourceInfo.Format
        do {
            format = try read(OfficePackage(fileAt: path), path: path, into: assembly)
        } catch where error.code == .notDocx {
            // Asked of a zip that is no Office file only: listing costs a walk of its directory.
            let contents = ReportArchive.contents(ofArchiveAt: path)
            if case .unreadable = contents, !path.lowercased().hasSuffix(".zip") { throw error }
            throw ReportArchive.refusal(contents, of: "a zip", path: path) ?? error
        }
        return SourceInfo(path: path, format: format, encoding: nil, bytes: bytes, sha256: sha256)
    }

    /// Reads an OLE compound file as the Word 97–2003 document or Excel 97–2003 workbook it
    /// holds; one sealed with a password is refused.
    private static func read(compoundFile bytes: consuming [UInt8], path: String,
                             into assembly: ReportAssembly) throws(FinParseError) -> SourceInfo.Format {
        let file: CompoundFile
        do {
            file = try CompoundFile(bytes: bytes)
        } catch {
            throw FinParseError(.malformedDoc, path: path, message: "is not a readable OLE compound file (truncated or damaged): \(error)")
        }
        guard !file.contains("EncryptedPackage") else {
            throw FinParseError(.unsupportedFormat, path: path,
                                message: "is a password-protected Office file; remove the password in Word or Excel and save it again")
        }
        // Excel 97–2003 names its stream Workbook, Excel 5.0/95 Book; some writers put BIFF8
        // in a Book (calamine's capitalized_wbook_stream.xls): its BOF record tells.
        if !file.contains("WordDocument"), file.contains("Workbook") || file.contains("Book") {
            try WorkbookReportParser.read(binary: file, path: path, into: assembly)
            return .xls
        }
        try WordReportParser.read(binary: file, path: path, into: assembly)
        return .doc
    }

    /// Reads a zip package as the Word document or Excel workbook its main part says it is.
    private static func read(_ package: OfficePackage, path: String,
                             into assembly: ReportAssembly) throws(FinParseError) -> SourceInfo.Format {
        let main = try package.mainPart()
        let mainName = main.split(separator: "/").last.map { $0.lowercased() }
        if mainName == "workbook.bin" {
            throw FinParseError(.unsupportedFormat, path: path,
                                message: "is an Excel binary workbook (.xlsb), which finparse does not read; save it as .xlsx")
        }
        if mainName == "workbook.xml" {
            try WorkbookReportParser.read(package.asWorkbook(), workbookPart: main, path: path, into: assembly)
            return .xlsx
        }
        do {
            try WordReportParser.read(package, mainPart: main, path: path, into: assembly)
        } catch where error.code == .notDocx {
            // China's fixed-layout format (GB/T 33190), in which sites begin to publish reports,
            // is a zip package too; looked for only once it is known to be no Word document.
            guard OFDTextExtraction.isOFD(package) else { throw error }
            var text = try OFDTextExtraction.text(of: package.asOFD())
            if let note = TraditionalScript.simplify(&text) { assembly.diagnostics.append(note) }
            TextReportParser.read(text, into: assembly)
            try requireText(in: assembly, .ofd, path: path)
            return .ofd
        }
        return .docx
    }

    /// A text, web page or PDF read to its end without a word of text is no report: refused,
    /// as a PDF without a text layer is, so that a batch names it instead of giving an empty
    /// report. (A .docx is refused by its reader, which knows why it may have none.)
    private static func requireText(in assembly: ReportAssembly, _ format: SourceInfo.Format,
                                    path: String) throws(FinParseError) {
        guard !assembly.holdsText else { return }
        let message = format == .html ? "is a web page without text (the report in pictures, or written by scripts?)"
            : format == .pdf ? "is a PDF whose text layer has nothing to read (page numbers alone?)"
            : format == .ofd ? "is an OFD document whose pages hold no text (scans, or page numbers alone?)"
            : "has no text to read (nothing but spaces, line breaks or page numbers)"
        throw FinParseError(.noText, path: path, message: message)
    }

    /// Reads a report in any format finparse takes into `assembly`.
    static func read(_ bytes: consuming [UInt8], path: String,
                     into assembly: ReportAssembly) throws(FinParseError) -> SourceInfo {
        // Refused as a file is, whichever way the bytes came (given as bytes, an empty input
        // read as an empty report: found by Fuzz/).
        if bytes.isEmpty { throw FinParseError(.empty, path: path, message: "is empty") }
        if bytes.starts(with: [0x50, 0x4B]) {
            let (count, sha256) = (bytes.count, Self.sha256Hex(bytes))
            let format = try read(OfficePackage(bytes: consume bytes, path: path), path: path, into: assembly)
            return SourceInfo(path: path, format: format, encoding: nil, bytes: count, sha256: sha256)
        }
        if bytes.starts(with: Array("%PDF".utf8)) {
            var text = try PDFTextExtraction.text(of: bytes, path: path)
            if let note = TraditionalScript.simplify(&text) { assembly.diagnostics.append(note) }
            TextReportParser.read(text, into: assembly)
            try requireText(in: assembly, .pdf, path: path)
            return SourceInfo(path: path, format: .pdf, encoding: nil, bytes: bytes.count, sha256: Self.sha256Hex(bytes))
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            let (count, sha256) = (bytes.count, Self.sha256Hex(bytes))
            let format = try read(compoundFile: consume bytes, path: path, into: assembly)
            return SourceInfo(path: path, format: format, encoding: nil, bytes: count, sha256: sha256)
        }
        if bytes.count >= 4, bytes[0] == 0xDB, bytes[1] == 0xA5, bytes[3] == 0 {
            // Word for Windows 2.0 wrote its documents bare, before the compound file (its
            // magic and a file format below 256, where no text has a NUL).
            throw FinParseError(.unsupportedFormat, path: path,
                                message: "is a Word for Windows 2.0 document, which finparse does not read; save it as a .docx")
        }
        if bytes.count >= 4, bytes[0] == 0x09, [0x00, 0x02, 0x04].contains(bytes[1]), [4, 6].contains(bytes[2]), bytes[3] == 0 {
            // Excel 2.x to 4.0 wrote their workbooks bare too: a BOF record first (type 0x0009,
            // 0x0209 or 0x0409, four or six bytes long).
            throw FinParseError(.unsupportedFormat, path: path,
                                message: "is an Excel 2.x–4.0 workbook, which finparse does not read; save it as .xlsx")
        }
        if SequentialArchive.isCompressed(bytes), !ReportArchive.isArchive(named: path), let data = try decompressed(bytes, path: path) {
            // A report compressed alone (report.txt.gz) is read as the file it holds; a
            // .tar.gz, known by its name (even cut short) or by what it holds, is an archive.
            guard !SequentialArchive.isCompressed(data) else {
                throw FinParseError(.unsupportedFormat, path: path, message: "is compressed twice; unpack it once first")
            }
            return try read(data, path: path, into: assembly)
        }
        if let kind = SequentialArchive.kind(of: bytes) {
            // Its reports are read by their paths in it, as those of a zip are.
            let contents = ReportArchive.contents(ofArchiveIn: copy bytes, path: path)
            throw ReportArchive.refusal(contents, of: kind.name, path: path) ?? FinParseError(
                .archive, path: path, message: "is \(kind.name) archive of an Office document's parts: zip them as the file they are")
        }
        if bytes.starts(with: Array("{\\rtf".utf8)) {
            // Its text lies among control words (\u25910?) that no text reading sees through.
            let source = SourceInfo(path: path, format: .rtf, encoding: nil, bytes: bytes.count, sha256: Self.sha256Hex(bytes))
            try WordReportParser.read(rtf: consume bytes, path: path, into: assembly)
            return source
        }
        if let kind = WordXMLFile.kind(of: bytes) {
            // Word's XML: a package's parts are a .docx's; Word 2003's is of the .doc's years.
            let source = SourceInfo(path: path, format: kind == .package ? .docx : .doc, encoding: nil, bytes: bytes.count,
                                    sha256: Self.sha256Hex(bytes))
            let package = OfficePackage(wordXML: consume bytes, kind: kind, path: path)
            try WordReportParser.read(package, mainPart: package.mainPart(), path: path, into: assembly)
            return source
        }
        // A web archive (.mht, or so named .doc) is the page it holds.
        let page = try WebArchive.page(in: bytes, path: path)
        let decoded: TextDecoding.Decoded
        if let page { decoded = try TextDecoding.decode(page, path: path) } else { decoded = try TextDecoding.decode(bytes, path: path) }
        let isHTML = page != nil || HTMLDocumentReader.looksLikeHTML(decoded.text)
        let source = SourceInfo(path: path, format: isHTML ? .html : .text, encoding: decoded.encoding, bytes: bytes.count,
                                sha256: Self.sha256Hex(bytes))
        var text = decoded.text
        assembly.diagnostics += decoded.diagnostics
        if let note = TraditionalScript.simplify(&text) { assembly.diagnostics.append(note) }
        _ = consume bytes
        _ = consume decoded
        if isHTML {
            try HTMLReportParser.read(text, path: path, into: assembly)
        } else {
            TextReportParser.read(consume text, into: assembly)
        }
        try requireText(in: assembly, source.format, path: path)
        return source
    }

    /// The data of a file compressed whole, bounded as an archive's entry is; nil for a
    /// compressed tar, an archive. gzip is inflated with zlib, which checks the CRC-32 that
    /// libarchive does not.
    private static func decompressed(_ bytes: [UInt8], path: String) throws(FinParseError) -> [UInt8]? {
        let limit = min(InputFile.maximumSize, OfficePackage.limit(compressedSize: UInt64(bytes.count)))
        let failure: (description: String, code: FinParseError.Code)
        if bytes.starts(with: GzipFile.magic) {
            guard !SequentialArchive.isTar(GzipFile.prefix(SequentialArchive.signatureLength, ofDataIn: bytes)) else { return nil }
            do { return try GzipFile.inflate(bytes, limit: limit) } catch { failure = (error.description, error.code) }
        } else {
            do { return try SequentialArchive.decompressed(bytes, limit: limit) } catch { failure = (error.description, error.code) }
        }
        throw FinParseError(failure.code, path: path, message: "is a compressed file that cannot be unpacked: \(failure.description)")
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        InputFile.hex(SHA256.hash(data: bytes))
    }
}
