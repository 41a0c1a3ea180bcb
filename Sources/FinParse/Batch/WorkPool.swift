import Dispatch
import Synchronization

/// Work handed in on one thread and run on up to `helpers` other threads, in the order
/// handed in; with no helpers, run by ``finish()`` on the thread that hands it in.
final class WorkPool: Sendable {
    private struct State {
        /// Work handed in; each is set to nil when taken, so that what it holds is freed once run.
        var pending: [(@Sendable () -> Void)?] = []
        var next = 0
        /// Helpers started and not yet done.
        var running = 0
    }

    private let state = Mutex(State())
    private let helpers: Int
    /// Counts work handed in and not yet run or dropped: not the helpers, so that waiting
    /// for the work never waits for a helper that has yet to get a thread (with every
    /// core busy, say, in a batch).
    private let unfinished = DispatchGroup()

    init(helpers: Int) {
        self.helpers = helpers
    }

    func submit(_ work: @escaping @Sendable () -> Void) {
        unfinished.enter()
        let startHelper = state.withLock { state in
            state.pending.append(work)
            guard state.running < helpers else { return false }
            state.running += 1
            return true
        }
        if startHelper {
            DispatchQueue.global().async { self.drain(asHelper: true) }
        }
    }

    /// Waits for all the work handed in, doing what is not yet begun on this thread too.
    func finish() {
        drain(asHelper: false)
        unfinished.wait()
    }

    /// Drops the work not yet begun and waits for the rest.
    func cancel() {
        let dropped = state.withLock { state in
            defer { state.pending = []; state.next = 0 }
            return state.pending.count - state.next
        }
        for _ in 0..<dropped { unfinished.leave() }
        unfinished.wait()
    }

    /// Runs the oldest work not yet begun, if there is any, on this thread: for a thread
    /// that would otherwise wait for the work (when the helpers get no core of their own).
    func runOne() -> Bool {
        var work = take(asHelper: false)
        guard work != nil else { return false }
        run(&work)
        return true
    }

    /// Runs pending work until none is left; a helper that finds none is done (under the
    /// same lock in which work is handed in, so no work is left without a helper).
    private func drain(asHelper: Bool) {
        var work = take(asHelper: asHelper)
        while work != nil {
            run(&work)
            work = take(asHelper: asHelper)
        }
    }

    /// Runs work taken and lets go of it before counting it done, so that what it captured
    /// is released by the time ``finish()`` or ``cancel()`` returns, not a moment after on a
    /// helper (LeakSanitizer, checking between two fuzz inputs, took that for a leak).
    private func run(_ work: inout (@Sendable () -> Void)?) {
        work?()
        work = nil
        unfinished.leave()
    }

    private func take(asHelper: Bool) -> (@Sendable () -> Void)? {
        state.withLock { state -> (@Sendable () -> Void)? in
            guard state.next < state.pending.count else {
                state.pending = []
                state.next = 0
                if asHelper { state.running -= 1 }
                return nil
            }
            defer { state.pending[state.next] = nil; state.next += 1 }
            return state.pending[state.next]
        }
    }
}

/// The results of work run out of order, taken in the order it was handed in: each is
/// put at its index and taken once.
final class OrderedResults<Output: Sendable>: Sendable {
    private let ready = Mutex<[Int: Output]>([:])
    private let added = DispatchSemaphore(value: 0)

    func put(_ output: Output, at index: Int) {
        ready.withLock { $0[index] = output }
        added.signal()
    }

    /// The result at `index`, waiting for it unless `wait` is false.
    func take(_ index: Int, wait: Bool) -> Output? {
        while true {
            if let output = ready.withLock({ $0.removeValue(forKey: index) }) { return output }
            guard wait else { return nil }
            added.wait()
        }
    }

    /// The result at `index`, from work handed to `pool`: when it is not ready and `wait`,
    /// this thread runs the pool's work not yet begun (oldest first) until it is, and blocks
    /// only when none is left, so that it is never idle while work waits for a helper.
    func take(_ index: Int, wait: Bool, helping pool: WorkPool) -> Output? {
        while true {
            if let output = take(index, wait: false) { return output }
            guard wait else { return nil }
            if !pool.runOne() { return take(index, wait: true) }
        }
    }
}
