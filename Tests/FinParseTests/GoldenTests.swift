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
