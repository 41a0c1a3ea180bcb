import Dispatch
import Synchronization

/// `body(0) … body(count - 1)` in index order, run on up to `threads` threads that
/// each take the next index when done: one large report's independent pieces
/// (its JSON runs) spread over every core.
func parallelMap<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard threads > 1, count > 1 else { return (0..<count).map(body) }
    let results = Mutex([T?](repeating: nil, count: count))
    let next = Atomic(0)
    DispatchQueue.concurrentPerform(iterations: min(threads, count)) { _ in
        while case let index = next.add(1, ordering: .relaxed).oldValue, index < count {
            let value = body(index)
            results.withLock { $0[index] = value }
        }
    }
    return results.withLock { $0.map { $0! } }
}
