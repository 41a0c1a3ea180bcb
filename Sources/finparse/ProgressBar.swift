import Foundation

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
        let line = String(format: "\r\u{1B}[K%@ %d/%d files  %.1f MB/s  %d failed  %@ left",
                          bar, done, total, rate, failed, Self.duration(left))
        stream.write(line)
    }

    private static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%dh%02dm", s / 3600, s / 60 % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
