import Testing
@testable import FinParse

@Suite("Streamed reading")
struct StreamingTests {
    /// A text report, a .docx, web pages, pdftotext extractions with spaced tables and one
    /// without -layout (its tables one cell a line).
    static let reports = [
        Corpus.yongzhou,
        Corpus.path("docx/yongzhou-yingji-2021-juesuan.docx"),
        Corpus.path("html/yongzhou-yingji-2021-juesuan.html"),
        Corpus.path("html/putuo-caizhengju-2024-juesuan.html"),
        Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"),
        Corpus.path("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt"),
        Corpus.path("pdf/putuo-sifaju-2026-yusuan-danwei.raw.txt"),
        Corpus.path("docx/fixtures/table-of-contents.docx"),
    ]

    struct Streamed {
        var pieces: [Document.Piece] = []
        var source: SourceInfo?
        var tables: [Table] { pieces.compactMap { if case .table(let t) = $0 { t } else { nil } } }
        var figures: [Figure] { pieces.compactMap { if case .figure(let f) = $0 { f } else { nil } } }
    }

    static func stream(_ path: String, threads: Int) throws -> Streamed {
        var streamed = Streamed()
        streamed.source = try Document.streamPieces(contentsOf: path, threads: threads) { streamed.pieces.append($0) }
        return streamed
    }

    /// The pieces are the document's tables and figures, the figures line by line with a
    /// line's amounts first, on one thread and on several.
    @Test(arguments: reports, [1, 3])
    func piecesAreTheDocuments(path: String, threads: Int) throws {
        let document = try Document(contentsOf: path)
        let streamed = try Self.stream(path, threads: threads)
        #expect(streamed.source == document.source)
        #expect(!streamed.figures.isEmpty)
        #expect(streamed.tables == document.tables)
        let inOrder = (document.amounts + document.percents).enumerated().sorted {
            ($0.element.line, $0.element.unit == .percent ? 1 : 0, $0.offset) < ($1.element.line, $1.element.unit == .percent ? 1 : 0, $1.offset)
        }.map(\.element)
        #expect(streamed.figures == inOrder)
    }

    /// Pieces come in document order: a table before its figures, and no line before one
    /// already handed out.
    @Test(arguments: reports)
    func piecesComeInDocumentOrder(path: String) throws {
        let lines = try Self.stream(path, threads: 2).pieces.map { piece in
            switch piece {
            case .table(let table): table.line
            case .figure(let figure): figure.line
            }
        }
        #expect(lines == lines.sorted())
    }

    /// An input that cannot be read throws as it does for a document, with its file.
    @Test func unreadableInputsThrow() throws {
        let missing = Corpus.path("no-such-report.txt")
        #expect(throws: FinParseError.self) { try Self.stream(missing, threads: 1) }
        do {
            _ = try Self.stream(missing, threads: 1)
        } catch let error as FinParseError {
            #expect(error.code == .fileNotFound)
            #expect(error.path == missing)
        }
    }

    /// All the CSV tables of one streamed reading are the document's, the reports and
    /// diagnostics tables, read at the end from what the stream kept, among them.
    @Test(arguments: reports, [1, 3])
    func csvTablesOfOneReadingAreTheDocuments(path: String, threads: Int) throws {
        var streamed: [CSVTable: [[String]]] = [:]
        let source = try CSVTable.streamRows(of: CSVTable.allCases, contentsOf: path, threads: threads) {
            streamed[$0, default: []].append($1)
        }
        let document = try Document(contentsOf: path)
        #expect(source == document.source)
        for table in CSVTable.allCases {
            #expect(streamed[table] ?? [] == table.rows(of: document), "\(table)")
        }
        #expect(streamed[.reports]?.count == 1 && streamed[.figures] != nil)
    }

    /// CSV rows of the streamed pieces are the rows of the document.
    @Test(arguments: CSVTable.allCases.filter(\.isStreamed))
    func csvRowsOfPiecesAreTheDocuments(table: CSVTable) throws {
        let path = Corpus.path("docx/yongzhou-yingji-2021-juesuan.docx")
        let streamed = try Self.stream(path, threads: 2).pieces.flatMap { table.rows(of: $0, source: path) }
        let whole = table.rows(of: try Document(contentsOf: path))
        #expect(!whole.isEmpty)
        #expect(streamed == whole)
    }
}

@Suite("JSON written as a report is read")
struct StreamedJSONTests {
    static func bytes(of json: ReportJSON) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try json.write { bytes += $0 }
        return bytes
    }

    /// The streamed JSON is the document's, byte for byte, on one thread and on several.
    @Test(arguments: StreamingTests.reports, [1, 3])
    func streamedJSONIsTheDocumentsJSON(path: String, threads: Int) throws {
        let document = try Document(contentsOf: path)
        let json = try Document.json(contentsOf: path, threads: threads)
        let bytes = try Self.bytes(of: json)
        #expect(bytes == (try document.jsonData()))
        #expect(json.count == bytes.count)
        #expect(json.source == document.source)
        // Given as bytes, as read from the file.
        let given = try Document.json(bytes: InputFile.load(path: path), path: path, threads: threads)
        #expect(try Self.bytes(of: given) == bytes)
    }

    /// A table of more cells than JSONEncoder is given at once (a TAB table of 1,500 rows
    /// between two copies of a report) is written a run of cells at a time: the bytes of
    /// JSONEncoder over the whole document, streamed or not, on one thread and on several.
    @Test(arguments: [1, 3])
    func aLongTableIsTheEncodersBytes(threads: Int) throws {
        let report = try InputFile.load(path: Corpus.yongzhou)
        var table = "\n一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        for row in 0..<1500 { table += "\(2010101 + row)\t行政运行\(row)\t\(row + 100).50\t\(row).25\t100.25\n" }
        let bytes = report + Array(table.utf8) + report
        let document = try Document(bytes: bytes, path: "long.txt")
        #expect(document.tables.contains { $0.cells.count > JSONOutput.cellsAtOnce })
        #expect(document.tables.first { $0.cells.count > JSONOutput.cellsAtOnce } != document.tables.last)
        let whole = Array(try JSONOutput.encoder(pretty: false).encode(document))
        #expect(try document.jsonData(threads: threads) == whole)
        #expect(try Self.bytes(of: Document.json(bytes: bytes, path: "long.txt", threads: threads)) == whole)
    }

    /// A line inside a text table's span that is not one of its rows has its figures after
    /// the table's, in a document as in a stream. The input is a fuzzed copy of the 万里街道
    /// 2023 预算's 绩效目标表s, where a row the table reader leaves out holds 80% (line 39)
    /// inside the table of lines 28–69; Fuzz/ found the streamed JSON putting it first.
    @Test func aLineInsideATablesSpanHasItsFiguresAfterTheTable() throws {
        var path = #filePath
        path = String(path[..<path.lastIndex(of: "/")!]) + "/Fixtures/table-span-with-a-line-inside.layout.txt"
        let document = try Document(contentsOf: path)
        #expect(document.tables.map(\.line) == [2, 28, 74])
        #expect(document.paragraphs.contains { $0.line == 39 })
        #expect(document.percents.map(\.line) == [67, 39])
        #expect(try Self.bytes(of: Document.json(contentsOf: path)) == (try document.jsonData()))
        let streamed = try StreamingTests.stream(path, threads: 1).figures
        #expect(streamed.filter { $0.unit == .percent } == document.percents)
    }

    /// Arrays beyond the memory limit wait in temporary files and come back whole, in order.
    @Test(arguments: [1, 2])
    func spilledJSONIsTheDocumentsJSON(threads: Int) throws {
        let path = Corpus.path("docx/yongzhou-yingji-2021-juesuan.docx")
        let json = try Document.json(contentsOf: path, threads: threads, spillLimit: 1024)
        #expect(try Self.bytes(of: json) == (try Document(contentsOf: path).jsonData()))
        // Read back a second time, from the same files.
        #expect(try Self.bytes(of: json) == (try Document(contentsOf: path).jsonData()))
    }

    @Test func aSpillBufferGivesBackWhatItWasGiven() throws {
        var buffer = SpillBuffer(memoryLimit: 100)
        var given: [UInt8] = []
        for k in 0..<1000 {
            let piece = (0..<(k % 37)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ k) }
            buffer.append(piece)
            given += piece
        }
        let spilled = buffer.finish()
        #expect(spilled.count == given.count)
        #expect(spilled.fileBytes > given.count - 100)
        var back: [UInt8] = []
        try spilled.write { back += $0 }
        #expect(back == given)
    }

    /// A report that cannot be read throws as it does for a document.
    @Test func unreadableInputsThrow() throws {
        let empty = Corpus.path("no-such-report.txt")
        #expect(throws: FinParseError.self) { try Document.json(contentsOf: empty) }
    }
}
