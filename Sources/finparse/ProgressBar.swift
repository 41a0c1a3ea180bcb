import FoundationEssentials

/// A one-line progress display on standard error: files done of total, MB/s,
/// failures so far and time left. Drawn at most ten times a second.
final class ProgressBar {
    private let total: Int
    private let stream: OutputStream
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var done = 0
    private var failed = 0
    private var bytes = 0

    init(total: Int, stream: OutputStream) {
        self.total = total
        self.stream = stream
    }

    func advance(bytes: Int, failed: Bool) {
        done += 1
        self.bytes += bytes
        if failed { self.failed += 1 }
        let now = Date()
        if now.timeIntervalSince(lastDraw) >= 0.1 || done == total {
            lastDraw = now
            draw(now: now)
        }
    }

    func finish() { stream.write("\r\u{1B}[K") }

    private func draw(now: Date) {
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / 1_000_000 / elapsed
        let left = Double(total - done) * elapsed / Double(max(done, 1))
        let width = 24
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let tenths = Int((rate * 10).rounded())
        stream.write("\r\u{1B}[K\(bar) \(done)/\(total) files  \(tenths / 10).\(tenths % 10) MB/s  \(failed) failed  \(Self.duration(left)) left")
    }

    private static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(twoDigits(s / 60 % 60))m" : "\(s / 60):\(twoDigits(s % 60))"
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
