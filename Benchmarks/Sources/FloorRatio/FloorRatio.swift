import Benchmark
import FinParse

// What every finparse benchmark reports: its throughput, the throughput of a floor
// (the bare library underneath) measured in the same iteration, and their ratio,
// which holds on a busy shared machine when absolute figures do not.

public let throughput = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
public let floorThroughput = BenchmarkMetric.custom("floor MB/s", polarity: .prefersLarger, useScalingFactor: false)
public let percentOfFloor = BenchmarkMetric.custom("% of floor", polarity: .prefersLarger, useScalingFactor: false)
/// Beside the Word floor, for the record: the floor plus ICU's word break over the part's
/// text, as the text benchmarks' floor runs it. The goal is stated against the floor alone.
public let percentOfFloorAndWordBreak = BenchmarkMetric.custom("% of floor + word break", polarity: .prefersLarger,
                                                               useScalingFactor: false)

/// Few, long iterations: each one parses tens of megabytes. One warm-up iteration (the
/// package's default) first: the first pays for the process heap's first growth to hundreds
/// of megabytes, which a batch of many reports pays once, not per report.
public func configureFloorBenchmarks() {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, throughput, floorThroughput, percentOfFloor],
        warmupIterations: 1,
        maxDuration: .seconds(60),
        maxIterations: 3)
}

/// Wall-clock seconds of `body`.
public func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Records `megabytes` processed in `pipeline` seconds beside the floor's `floor` seconds.
public func record(_ benchmark: Benchmark, megabytes: Double, pipeline: Double, floor: Double) {
    benchmark.measurement(throughput, Int(megabytes / pipeline))
    benchmark.measurement(floorThroughput, Int(megabytes / floor))
    benchmark.measurement(percentOfFloor, Int(100 * floor / pipeline))
}

/// The pipeline benchmarks of one input: parse alone and parse with JSON, each on one thread
/// and on every core, each beside `floor` (one thread) run in the same iteration, and beside
/// `wordBreak` too when given (the word break over the input's text, added to the floor).
public func pipelineBenchmarks(_ input: String, bytes: [UInt8], path: String, megabytes: Double,
                               floor: @escaping @Sendable () throws -> Double,
                               wordBreak: (@Sendable () -> Double)? = nil) {
    let cores = BatchParser.coreCount
    var configuration = Benchmark.defaultConfiguration
    if wordBreak != nil { configuration.metrics.append(percentOfFloorAndWordBreak) }
    for (stage, threads, json) in [("Parse", 1, false), ("Parse", cores, false), ("Parse + JSON", 1, true), ("Parse + JSON", cores, true)] {
        Benchmark("\(stage), \(input), \(threads == 1 ? "one thread" : "\(threads) threads")",
                  configuration: configuration) { benchmark in
            let floor = try floor()
            let wordBreak = wordBreak?()
            let pipeline = try seconds {
                if json {
                    // As `finparse dump` prints a report: encoded as it is read, never held whole.
                    var count = 0
                    try Document.json(bytes: bytes, path: path, threads: threads).write { count += $0.count }
                    blackHole(count)
                } else {
                    blackHole(try Document(bytes: bytes, path: path, threads: threads))
                }
            }
            record(benchmark, megabytes: megabytes, pipeline: pipeline, floor: floor)
            if let wordBreak { benchmark.measurement(percentOfFloorAndWordBreak, Int(100 * (floor + wordBreak) / pipeline)) }
        }
    }
}
