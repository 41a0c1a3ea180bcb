import FoundationEssentials
import Testing
@testable import FinParse

/// The whole document of the corpus report, compared with its golden file.
/// Re-record with `RECORD_GOLDEN=1 swift test --filter GoldenTests`, then read the diff.
@Suite("Golden documents")
struct GoldenTests {
    @Test func yongzhouDocument() throws {
        var document = Corpus.yongzhouDocument
        document.source.path = "Corpus/yongzhou-yingji-2021-juesuan.txt" // machine-independent
        try Golden.check(document, against: "yongzhou-yingji-2021-juesuan.json")
    }
}

extension GoldenTests {
    /// A 部门决算 as `pdftotext -layout` gives it: contents set aside, the 九张表 rebuilt.
    @Test func putuoFinanceBureauLayout() throws {
        try checkCorpusReport("pdf/putuo-caizhengju-2024-juesuan.layout.txt", against: "putuo-caizhengju-2024-juesuan.layout.json")
    }

    /// A 部门决算 as pdfplumber's page texts give it: no layout, one space between cells,
    /// labels wrapped around their rows.
    @Test func putuoCultureBureauPageText() throws {
        try checkCorpusReport("pdf/putuo-wenlv-2025-juesuan.pages.txt", against: "putuo-wenlv-2025-juesuan.pages.json")
    }

    /// A 部门预算 as the 填报系统's template workbook holds it, filled with the 司法局's
    /// figures: text sheets as sections, table sheets as tables under their captions.
    @Test func putuoJusticeBureauWorkbook() throws {
        try checkCorpusReport("xlsx/putuo-sifaju-2026-yusuan.xlsx", against: "putuo-sifaju-2026-yusuan.xlsx.json")
    }

    /// The report at `name` under Corpus/, its path machine-independent, against its golden file.
    private func checkCorpusReport(_ name: String, against golden: String,
                                   sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var document = try Document(contentsOf: Corpus.path(name))
        document.source.path = "Corpus/" + name
        try Golden.check(document, against: golden, sourceLocation: sourceLocation)
    }
}

extension GoldenTests {
    /// A 预算情况说明 published as a web page: its narrative is &nbsp; and <br> runs in one <span>.
    @Test func chongqingTransportPage() throws {
        try checkCorpusReport("html/chongqing-jiaotongwei-2018-yusuan.html", against: "chongqing-jiaotongwei-2018-yusuan.json")
    }
}

extension GoldenTests {
    /// `jsonData()` encodes member by member and long arrays in runs, on one thread or
    /// several; the bytes must be those of `JSONEncoder` over the whole document, runs'
    /// seams included. A report parsed on several threads is the same report.
    @Test func compactJSONIsTheEncodersBytes() throws {
        let report = try InputFile.load(path: Corpus.yongzhou)
        let bytes = Array(repeating: report, count: 3).flatMap { $0 }
        let document = try Document(bytes: bytes, path: "three.txt")
        #expect(document.amounts.count > 512 && document.paragraphs.count > 512)
        #expect(try Document(bytes: bytes, path: "three.txt", threads: 4) == document)
        let whole = try JSONOutput.encoder(pretty: false).encode(document)
        #expect(try document.jsonData() == Array(whole))
        #expect(try document.jsonData(threads: 4) == Array(whole))
        #expect(try document.jsonData(threads: 0) == Array(whole))
    }
}
