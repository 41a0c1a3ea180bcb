import FinParse
import FoundationEssentials
import Glibc
import ZIPFoundation

/// What the fuzzed bytes are read as, from `FINPARSE_FUZZ_FORMAT`: a text file, a web page,
/// a whole .docx, a Word 97–2003 .doc, the `word/document.xml` of a .docx (the Word reader
/// behind the zip), a sheet's part of an .xlsx (the Excel reader behind it), a whole .xls,
/// or a zip archive of reports.
enum Format: String {
    case text, html, docx, doc, documentXML = "document-xml", sheetXML = "sheet-xml", xls, archive

    static let current: Format = {
        let name = getenv("FINPARSE_FUZZ_FORMAT").map { String(cString: $0) } ?? "text"
        guard let format = Format(rawValue: name) else {
            fatalError("FINPARSE_FUZZ_FORMAT must be text, html, docx, doc, document-xml, sheet-xml, xls or archive, not \(name)")
        }
        return format
    }()
}

/// A .docx holding `xml` as its `word/document.xml`, stored without compression so that
/// libFuzzer's mutations reach the XML as they are.
func docx(documentXML xml: [UInt8]) -> [UInt8] {
    package(["word/document.xml": xml])
}

/// An .xlsx of one sheet whose part is `xml`, beside shared strings and number formats
/// (General, 0.00%, #,##0.00, a date) its cells may name, all stored without compression.
func xlsx(sheetXML xml: [UInt8]) -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return package([
        "_rels/.rels": Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="\#(relationship)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8),
        "xl/workbook.xml": Array(#"<workbook xmlns="\#(main)" xmlns:r="\#(relationship)"><sheets><sheet name="表" sheetId="1" r:id="s"/></sheets></workbook>"#.utf8),
        "xl/_rels/workbook.xml.rels": Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s" Type="\#(relationship)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="t" Type="\#(relationship)/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="u" Type="\#(relationship)/styles" Target="styles.xml"/></Relationships>"#.utf8),
        "xl/sharedStrings.xml": Array(#"<sst xmlns="\#(main)"><si><t>2026年部门财务收支预算总表</t></si><si><t>单位：万元</t></si><si><t>项目</t></si><si><t>预算数</t></si><si><t>合计</t></si><si><r><t>收入</t></r><rPh><t>x</t></rPh></si></sst>"#.utf8),
        "xl/styles.xml": Array(##"<styleSheet xmlns="\##(main)"><numFmts><numFmt numFmtId="176" formatCode="#,##0.00_ "/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="176"/><xf numFmtId="14"/></cellXfs></styleSheet>"##.utf8),
        "xl/worksheets/sheet1.xml": xml,
    ])
}

/// A zip package of `parts`, stored.
func package(_ parts: [String: [UInt8]]) -> [UInt8] {
    do {
        let archive = try Archive(accessMode: .create)
        for (name, bytes) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: .none) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return Array(archive.data!)
    } catch {
        fatalError("cannot build a package around the input: \(error)")
    }
}

/// Standard error while a parse runs, kept in a file: a library that prints there (libxml2
/// did, for a part in the wrong encoding) garbles a batch's own messages, and what it says
/// is lost to the caller. FINPARSE_FUZZ_STDERR=show leaves stderr alone, to replay a finding.
/// The file is FINPARSE_FUZZ_STDERR_FILE where that is set (fuzz.sh sets it): a crash inside
/// a parse writes libFuzzer's report there, not to the terminal, and an anonymous file lost it.
let stderrCapture: Int32? = {
    if let show = getenv("FINPARSE_FUZZ_STDERR"), String(cString: show) == "show" { return nil }
    if let path = getenv("FINPARSE_FUZZ_STDERR_FILE") {
        let fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { fatalError("cannot open \(String(cString: path)) for stderr") }
        return fd
    }
    guard let file = tmpfile() else { fatalError("no file for stderr") }
    return fileno(file)
}()

func withStderrCaptured(_ body: () -> Void) -> [UInt8] {
    guard let capture = stderrCapture else {
        body()
        return []
    }
    let saved = dup(2)
    dup2(capture, 2)
    body()
    dup2(saved, 2)
    close(saved)
    let count = Int(lseek(capture, 0, SEEK_END))
    guard count > 0 else { return [] }
    var written = [UInt8](repeating: 0, count: count)
    _ = pread(capture, &written, count, 0)
    _ = ftruncate(capture, 0)
    return written
}

/// One input through the whole parse, on one thread and on two, streamed, and its JSON.
/// Errors are expected answers to bad input; a crash, a sanitizer report, a hang, runaway
/// memory, a word on stderr, a different document on two threads, streamed pieces or
/// streamed JSON that are not the document's, or JSON that does not read back as the
/// document is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let format = Format.current
    let input: [UInt8], path: String
    switch format {
    case .archive:
        fuzzArchive(bytes)
        return 0
    case .text: (input, path) = (bytes, "fuzz.txt")
    case .html: (input, path) = (bytes, "fuzz.html")
    case .docx: (input, path) = (bytes, "fuzz.docx")
    case .doc: (input, path) = (bytes, "fuzz.doc")
    case .xls: (input, path) = (bytes, "fuzz.xls")
    case .documentXML: (input, path) = (docx(documentXML: bytes), "fuzz.docx")
    case .sheetXML: (input, path) = (xlsx(sheetXML: bytes), "fuzz.xlsx")
    }
    var document: Document?
    let printed = withStderrCaptured { document = try? Document(bytes: input, path: path, threads: 1) }
    if !printed.isEmpty { fatalError("the parse wrote to stderr: \(String(decoding: printed, as: UTF8.self))") }
    // What dump prints must read back as the same document: the JSON is written by hand
    // in places (decimal strings, escapes) for speed.
    // A report's pieces go to the pool as the reader hands them over: on two threads
    // they must come back as the same document.
    if (try? Document(bytes: input, path: path, threads: 2)) != document {
        fatalError("the parse on two threads gives another document")
    }
    // Streaming reads the same file from its path (a .docx through the file reader, not the
    // in-memory one) and must hand over the document's own tables and figures, and its JSON.
    let streamed = streamedReading(of: input, extension: String(path.split(separator: ".").last!))
    if (streamed != nil) != (document != nil) {
        fatalError("streaming \(streamed == nil ? "fails" : "reads") where the document \(document == nil ? "fails" : "reads")")
    }
    if var document, let streamed {
        let figures = streamed.pieces.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
        let tables = streamed.pieces.compactMap { if case .table(let table) = $0 { table } else { nil } }
        if tables != document.tables { fatalError("streaming hands over other tables than the document's") }
        if counted(figures) != counted(document.amounts + document.percents) {
            fatalError("streaming hands over other figures than the document's")
        }
        document.source.path = streamed.path
        if (try? document.jsonData()) != streamed.json { fatalError("the streamed JSON is not the document's") }
        if streamed.endRows != CSVTable.diagnostics.rows(of: document) + CSVTable.reports.rows(of: document) {
            fatalError("the streamed diagnostics and reports rows are not the document's")
        }
    }
    if let document {
        do {
            let json = try document.jsonData()
            let decoded = try JSONDecoder().decode(Document.self, from: Data(json))
            if decoded != document { fatalError("the JSON reads back as another document") }
        } catch {
            fatalError("the document's JSON does not read back: \(error)")
        }
    }
    return 0
}

/// A zip archive of reports, written to a file of its own (the archive reader keeps the
/// listings of the last few by path and file): listed, and its first eight reports read by
/// their paths in it, twice, the second time through the listing kept. A crash, a hang, a
/// word on stderr, a listed report that is no such file, or one that reads otherwise the
/// second time is a finding.
func fuzzArchive(_ bytes: [UInt8]) {
    archivesWritten += 1
    let path = "/tmp/finparse-fuzz-\(getpid())-\(archivesWritten).zip"
    guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    defer { unlink(path) }
    let printed = withStderrCaptured {
        guard let reports = ReportArchive.reports(inArchiveAt: path) else {
            _ = try? Document(contentsOf: path)
            return
        }
        for report in reports.prefix(8) {
            let first = Result { () throws(FinParseError) in try Document(contentsOf: report) }
            if case .failure(let error) = first, error.code == .fileNotFound { fatalError("a listed report is no such file: \(error)") }
            let again = Result { () throws(FinParseError) in try Document(contentsOf: report) }
            if first != again { fatalError("\(report) reads otherwise the second time") }
        }
    }
    if !printed.isEmpty { fatalError("the archive's reading wrote to stderr: \(String(decoding: printed, as: UTF8.self))") }
}

nonisolated(unsafe) var archivesWritten = 0

/// What the streaming readers give for `input` written to a file at `path`: the pieces
/// `Document.streamPieces` hands over, the JSON of `Document.json` (on two threads) and the
/// diagnostics and reports rows of `CSVTable.streamRows`; nil when all throw.
func streamedReading(of input: [UInt8], extension: String) -> (pieces: [Document.Piece], json: [UInt8], endRows: [[String]], path: String)? {
    let path = "/tmp/finparse-fuzz-\(getpid()).\(`extension`)"
    guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    _ = input.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    defer { unlink(path) }
    var pieces: [Document.Piece] = []
    let read = (try? Document.streamPieces(contentsOf: path) { pieces.append($0) }) != nil
    var json: [UInt8]?
    if let report = try? Document.json(contentsOf: path, threads: 2) {
        do { json = []; try report.write { json! += $0 } } catch { fatalError("the streamed JSON cannot be read back: \(error)") }
    }
    if read != (json != nil) { fatalError("streamPieces \(read ? "reads" : "fails") where Document.json \(read ? "fails" : "reads")") }
    var endRows: [[String]] = []
    let rowsRead = (try? CSVTable.streamRows(of: [.diagnostics, .reports], contentsOf: path) { endRows.append($1) }) != nil
    if read != rowsRead { fatalError("streamPieces \(read ? "reads" : "fails") where CSVTable.streamRows \(read ? "fails" : "reads")") }
    return read ? (pieces, json!, endRows, path) : nil
}

func counted(_ figures: [Figure]) -> [Figure: Int] {
    figures.reduce(into: [:]) { $0[$1, default: 0] += 1 }
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzer(_ argc: UnsafeMutablePointer<Int32>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// SwiftPM links an executable's entry point under this name, not libFuzzer's `main`;
/// it hands the command line to libFuzzer's driver.
@_cdecl("FuzzParse_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc, argv = argv
    return runFuzzer(&argc, &argv) { data, size in fuzzOneInput(data, size) }
}
