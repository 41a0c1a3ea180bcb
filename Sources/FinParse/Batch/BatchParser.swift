import Dispatch
import FoundationEssentials
import Synchronization

/// Parses many reports on every core and hands back the results in input order.
///
/// Memory stays bounded however long the list: at most `window` documents are
/// parsed ahead of the one the caller is handling. A file that cannot be parsed
/// gives a `.failure` for its position and the batch goes on. A path may name a report
/// in a zip archive (`决算.zip/附件1.xlsx`): ``ReportArchive/reports(inArchiveAt:)`` lists them.
///
/// ```swift
/// try BatchParser(jobs: 4).parse(paths) { index, path, result in
///     switch result {
///     case .success(let document): print(path, document.amounts.count)
///     case .failure(let error): print(error)
///     }
/// }
/// ```
public struct BatchParser: Sendable {
    /// How many files are parsed at once.
    public var jobs: Int
    /// How many results may wait, parsed, for the caller.
    public var window: Int

    /// - Parameters:
    ///   - jobs: parallel parses; by default one per core.
    ///   - window: how many results may wait, parsed, for the caller; by default four per
    ///     job, and never fewer than `jobs`.
    public init(jobs: Int? = nil, window: Int? = nil) {
        let jobs = max(1, jobs ?? BatchParser.coreCount)
        self.jobs = jobs
        self.window = max(jobs, window ?? jobs * 4)
    }

    /// Threads for each report of a batch of `count`: cores that a short batch leaves
    /// idle go to its reports (one large report gets them all).
    public func threadsPerDocument(count: Int) -> Int { max(1, jobs / max(1, count)) }

    /// The number of cores this process may use.
    public static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Parses `paths` and calls `handle` for each, in order, on the calling thread.
    /// `handle` may return `false` to stop the batch early (e.g. on Ctrl-C): files
    /// not yet handed out are skipped and parses in flight are awaited.
    public func parse<Failure: Error>(
        _ paths: [String],
        handle: (_ index: Int, _ path: String, _ result: Result<Document, FinParseError>) throws(Failure) -> Bool
    ) throws(Failure) {
        try parse(paths, transform: { $0 }, handle: handle)
    }

    /// Like ``parse(_:handle:)``, with `transform` applied to each document on the
    /// worker that parsed it, so that work such as encoding runs on every core
    /// and not on the calling thread. An error `transform` throws is that input's
    /// `.failure`, as if its parse had failed.
    public func parse<Output: Sendable, Failure: Error>(
        _ paths: [String],
        transform: @escaping @Sendable (Document) throws(FinParseError) -> Output,
        handle: (_ index: Int, _ path: String, _ result: Result<Output, FinParseError>) throws(Failure) -> Bool
    ) throws(Failure) {
        try parse(paths, reading: { path, threads throws(FinParseError) in
            try transform(Document(contentsOf: path, threads: threads))
        }, handle: handle)
    }

    /// Like ``parse(_:transform:handle:)``, with the reading itself left to `read`, which
    /// gets each path and the threads it may use (``threadsPerDocument(count:)``): for a
    /// batch that streams each report (``Document/streamPieces(contentsOf:threads:_:)``)
    /// instead of keeping it whole.
    public func parse<Output: Sendable, Failure: Error>(
        _ paths: [String],
        reading read: @escaping @Sendable (_ path: String, _ threads: Int) throws(FinParseError) -> Output,
        handle: (_ index: Int, _ path: String, _ result: Result<Output, FinParseError>) throws(Failure) -> Bool
    ) throws(Failure) {
        guard !paths.isEmpty else { return }
        let state = BatchState<Output>(count: paths.count)
        // Made at 0 and raised to `window`: libdispatch traps when it frees a semaphore below
        // the value it was made with, as a batch stopped early leaves this one.
        let slots = DispatchSemaphore(value: 0)
        for _ in 0..<window { slots.signal() }
        let threads = threadsPerDocument(count: paths.count)
        let group = DispatchGroup()
        let queue = DispatchQueue(label: "finparse.batch", attributes: .concurrent)
        for _ in 0..<min(jobs, paths.count) {
            queue.async(group: group) {
                while true {
                    slots.wait()
                    guard let index = state.claim() else {
                        slots.signal()
                        return
                    }
                    let result = Result { () throws(FinParseError) in try read(paths[index], threads) }
                    state.deliver(result, at: index)
                }
            }
        }
        defer {
            state.stop()
            // Wake workers waiting for a slot so that they see the stop.
            for _ in 0..<jobs { slots.signal() }
            group.wait()
        }
        for index in paths.indices {
            let result = state.take(index)
            slots.signal()
            guard try handle(index, paths[index], result) else { return }
        }
    }
}

/// The shared state of one batch: the next index to hand out and the results
/// waiting to be taken in order.
private final class BatchState<Output: Sendable>: Sendable {
    private struct Inner {
        var next = 0
        var stopped = false
        var ready: [Int: Result<Output, FinParseError>] = [:]
    }

    private let inner = Mutex(Inner())
    private let delivered = DispatchSemaphore(value: 0)
    private let count: Int

    init(count: Int) { self.count = count }

    func claim() -> Int? {
        inner.withLock { state in
            guard !state.stopped, state.next < count else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    func deliver(_ result: Result<Output, FinParseError>, at index: Int) {
        inner.withLock { $0.ready[index] = result }
        delivered.signal()
    }

    func take(_ index: Int) -> Result<Output, FinParseError> {
        while true {
            if let result = inner.withLock({ $0.ready.removeValue(forKey: index) }) { return result }
            delivered.wait()
        }
    }

    func stop() { inner.withLock { $0.stopped = true } }
}
