import FinParse

/// The project's corpus of real reports, found from this file's own location
/// (SwiftPM cannot make a top-level folder a test resource).
enum Corpus {
    static let root: String = {
        var path = #filePath
        for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Corpus"
    }()

    static func path(_ name: String) -> String { root + "/" + name }

    static let yongzhou = path("yongzhou-yingji-2021-juesuan.txt")

    /// The Yongzhou report in every encoding and spelling the tests compare.
    static let yongzhouVariants = [
        "variants/yongzhou-yingji-2021-juesuan.gb18030.txt",
        "variants/yongzhou-yingji-2021-juesuan.utf16le-bom.txt",
        "variants/yongzhou-yingji-2021-juesuan.utf8-bom-crlf.txt",
        "variants/yongzhou-yingji-2021-juesuan.fullwidth-digits.txt",
    ].map(path)

    /// Parsed once per test process: the corpus report is used by many tests.
    static let yongzhouDocument: Document = {
        do { return try Document(contentsOf: yongzhou) } catch { fatalError("corpus report: \(error)") }
    }()
}
