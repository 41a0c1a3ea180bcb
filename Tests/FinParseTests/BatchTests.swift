import Testing
import Synchronization
@testable import FinParse

@Suite("Batches")
struct BatchTests {
    /// Results come back in input order, a missing file as a failure in its place.
    @Test func resultsInInputOrder() throws {
        let paths = [Corpus.yongzhou, Corpus.path("no-such-report.txt")] + Corpus.yongzhouVariants
        var seen: [(Int, Bool)] = []
        BatchParser(jobs: 2).parse(paths) { index, _, result in
            if case .success(let document) = result { #expect(document.amounts.count == 226) }
            seen.append((index, (try? result.get()) != nil))
            return true
        }
        #expect(seen.map(\.0) == Array(paths.indices))
        #expect(seen.map(\.1) == [true, false] + Corpus.yongzhouVariants.map { _ in true })
    }

    /// An error the transform throws takes its document's place; the batch goes on.
    @Test func aTransformErrorIsThatInputsFailure() {
        let paths = [Corpus.yongzhou] + Corpus.yongzhouVariants
        var codes: [FinParseError.Code?] = []
        BatchParser(jobs: 2).parse(paths, transform: { document throws(FinParseError) in
            guard document.source.path != paths[1] else {
                throw FinParseError(.unencodable, path: document.source.path, message: "refused")
            }
            return document.amounts.count
        }) { _, _, result in
            switch result {
            case .success(let count): #expect(count == 226); codes.append(nil)
            case .failure(let error): codes.append(error.code)
            }
            return true
        }
        #expect(codes == [nil, .unencodable] + Array(repeating: nil, count: paths.count - 2))
    }

    /// A batch stopped early (Ctrl-C, or a reader that closed the output) with parsed results
    /// still waiting returns, having read no more than its window allows. It used to trap:
    /// libdispatch refuses to free a semaphore below the value it was made with.
    @Test func aBatchStoppedWithResultsWaitingReturns() {
        let paths = Array(repeating: Corpus.yongzhou, count: 40)
        let read = Atomic<Int>(0)
        var handled = 0
        BatchParser(jobs: 2, window: 8).parse(paths, reading: { path, _ throws(FinParseError) in
            read.add(1, ordering: .relaxed)
            return path
        }) { _, _, _ in
            // The workers fill the window before the batch stops.
            while read.load(ordering: .relaxed) < 8 {}
            handled += 1
            return false
        }
        #expect(handled == 1)
        // The window, and the slot the first result gave back.
        #expect((8...9).contains(read.load(ordering: .relaxed)))
    }

    /// Cores a short batch leaves idle go to its reports; a long batch gives each one thread.
    @Test func threadsPerDocument() {
        #expect(BatchParser(jobs: 4).threadsPerDocument(count: 1) == 4)
        #expect(BatchParser(jobs: 8).threadsPerDocument(count: 3) == 2)
        #expect(BatchParser(jobs: 2).threadsPerDocument(count: 1_000) == 1)
    }
}

/// How many times each piece of work ran.
private final class RunCounts: Sendable {
    let counts: Mutex<[Int]>
    init(_ count: Int) { counts = Mutex(Array(repeating: 0, count: count)) }
    var snapshot: [Int] { counts.withLock { $0 } }
}

extension BatchTests {
    /// Everything handed to a pool runs exactly once by the end of `finish()`; with no
    /// helpers, none of it before.
    @Test(arguments: [0, 1, 3]) func workPoolRunsEverythingOnce(helpers: Int) {
        let runs = RunCounts(2_000)
        let pool = WorkPool(helpers: helpers)
        for i in 0..<2_000 { pool.submit { runs.counts.withLock { $0[i] += 1 } } }
        if helpers == 0 { #expect(runs.snapshot.allSatisfy { $0 == 0 }) }
        pool.finish()
        #expect(runs.snapshot == Array(repeating: 1, count: 2_000))
    }

    /// Cancelling drops the work not begun, and waiting afterwards does not wait for it.
    @Test(.timeLimit(.minutes(1))) func workPoolCancelDropsWhatHasNotBegun() {
        let runs = RunCounts(10)
        let pool = WorkPool(helpers: 0)
        for i in 0..<10 { pool.submit { runs.counts.withLock { $0[i] += 1 } } }
        pool.cancel()
        pool.finish()
        #expect(runs.snapshot == Array(repeating: 0, count: 10))
    }
}
