import Testing
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

    /// Cores a short batch leaves idle go to its reports; a long batch gives each one thread.
    @Test func threadsPerDocument() {
        #expect(BatchParser(jobs: 4).threadsPerDocument(count: 1) == 4)
        #expect(BatchParser(jobs: 8).threadsPerDocument(count: 3) == 2)
        #expect(BatchParser(jobs: 2).threadsPerDocument(count: 1_000) == 1)
    }
}
