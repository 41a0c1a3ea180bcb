#if canImport(Glibc)
import Glibc
#endif

/// Standard output and error as file descriptors: whole writes, retried when
/// interrupted, with no shared C `FILE*` state.
enum StandardStream: Int32 {
    case output = 1
    case error = 2

    /// Writes all of `bytes`; false if the stream is closed or broken.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(rawValue, buffer.baseAddress! + offset, buffer.count - offset)
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
}
