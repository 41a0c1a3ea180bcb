import Testing
import FinParse

@Suite("Streamed reading")
struct StreamingTests {
    /// A text report, a .docx, web pages and pdftotext extractions with spaced tables.
    static let reports = [
        Corpus.yongzhou,
        Corpus.path("docx/yongzhou-yingji-2021-juesuan.docx"),
        Corpus.path("html/yongzhou-yingji-2021-juesuan.html"),
        Corpus.path("html/putuo-caizhengju-2024-juesuan.html"),
        Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"),
        Corpus.path("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt"),
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
