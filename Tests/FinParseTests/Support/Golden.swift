import FoundationEssentials
import Testing
import FinParse

/// Golden files: expected output kept beside the corpus (Corpus/golden/) and
/// reviewed by eye when it changes.
///
/// To re-record, run the tests with `RECORD_GOLDEN=1`: each golden test then
/// writes its file and fails, so a recording run can never pass silently.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// Compares `value`, encoded as sorted, indented JSON, with `Corpus/golden/<name>`.
    static func check<T: Encodable>(_ value: T, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let actual = String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        let path = Corpus.path("golden/" + name)
        if recording {
            try FileManager.default.createDirectory(atPath: Corpus.path("golden"), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("recorded \(path); review it, then run again without RECORD_GOLDEN", sourceLocation: sourceLocation)
            return
        }
        guard let expectedData = FileManager.default.contents(atPath: path) else {
            Issue.record("no golden file \(path): run with RECORD_GOLDEN=1 to write it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: expectedData, as: UTF8.self)
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            let got = first < a.count ? String(a[first]) : "<end>"
            let want = first < e.count ? String(e[first]) : "<end>"
            Issue.record("\(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)", sourceLocation: sourceLocation)
        }
    }
}
