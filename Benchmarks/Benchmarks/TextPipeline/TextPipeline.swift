import Benchmark
import FinParse
import FloorRatio
import FoundationEssentials
import ICUFloor

// Throughput of the text path on the corpus report repeated to at least 50 MB,
// beside the bare ICU word-break floor measured in the same iteration, so that the
// ratio holds even on a busy shared machine.

/// The corpus report, repeated.
let corpus: [UInt8] = {
    var root = #filePath
    for _ in 0..<4 { root = String(root[..<root.lastIndex(of: "/")!]) }
    let path = root + "/Corpus/yongzhou-yingji-2021-juesuan.txt"
    guard let report = FileManager.default.contents(atPath: path) else { fatalError("missing \(path)") }
    let target = 50 * 1024 * 1024
    var bytes = [UInt8]()
    bytes.reserveCapacity(target + report.count)
    while bytes.count < target { bytes += report }
    return bytes
}()

let megabytes = Double(corpus.count) / 1_000_000

/// The floor: decode as UTF-8 and run ICU's word break over all of it once.
func floorSeconds() -> Double {
    seconds {
        let units = Array(String(decoding: corpus, as: UTF8.self).utf16)
        let count = units.withUnsafeBufferPointer { icu_floor_count_word_boundaries($0.baseAddress, Int32($0.count)) }
        blackHole(count)
    }
}

let benchmarks: @Sendable () -> Void = {
    configureFloorBenchmarks()

    Benchmark("Decode + fold + tokenize (\(corpus.count / 1_048_576) MB)") { benchmark in
        let tokenizer = Tokenizer()
        let floor = floorSeconds()
        let pipeline = try seconds {
            let decoded = try TextDecoding.decode(corpus, path: "corpus")
            var tokens = 0
            for line in FoldedText.lines(of: decoded.text) {
                tokens += tokenizer.tokens(in: line).count
            }
            blackHole(tokens)
        }
        record(benchmark, megabytes: megabytes, pipeline: pipeline, floor: floor)
    }

    pipelineBenchmarks("text (\(corpus.count / 1_048_576) MB)", bytes: corpus, path: "corpus", megabytes: megabytes) {
        floorSeconds()
    }
}
