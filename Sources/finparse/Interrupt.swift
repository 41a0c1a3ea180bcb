#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Ctrl-C during a batch: the batch stops after the line being written, so that
/// every line of output is complete.
enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    static var requested: Bool { flag.load(ordering: .relaxed) }

    static func install() {
        signal(SIGINT) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
    }
}
