#if canImport(Glibc)
import Glibc
#endif

/// A file descriptor written in whole lines, retried when interrupted, with no
/// shared C `FILE*` state: a line is either written whole or reported as failed.
struct OutputStream {
    let descriptor: Int32

    static let standardOutput = OutputStream(descriptor: 1)
    static let standardError = OutputStream(descriptor: 2)

    /// Opens (creating or truncating) the file at `path`.
    init(path: String) throws(OutputError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        descriptor = fd
    }

    private init(descriptor: Int32) { self.descriptor = descriptor }

    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Makes the folder at `path` unless it is one already (its parent must be).
    static func makeFolder(_ path: String) throws(OutputError) {
        if mkdir(path, 0o755) == 0 { return }
        let reason = errno
        var status = stat()
        if reason == EEXIST && stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR { return }
        throw OutputError(path: path, reason: reason == EEXIST ? "is not a folder" : String(cString: strerror(reason)))
    }

    /// Writes all of `bytes`; false if the stream is closed or broken.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    @discardableResult
    func write(_ text: String) -> Bool { write(Array(text.utf8)) }

    func close() { _ = Glibc.close(descriptor) }
}

struct OutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): cannot be written: \(reason)" }
}
