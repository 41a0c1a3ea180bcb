import CMemoryFile
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes as a file that lives in memory only, named by a path for readers that open one.
/// The file is gone once this is, and once whatever opened it has closed it.
final class MemoryFile {
    private let descriptor: Int32
    /// The file's path while this lives: /proc/self/fd/N.
    let path: String

    /// nil where the system has no such files (not Linux, or /proc not mounted) or no
    /// room for the bytes.
    init?(holding bytes: borrowing [UInt8]) {
        let descriptor = fp_memory_file_create()
        guard descriptor >= 0 else { return nil }
        let path = "/proc/self/fd/\(descriptor)"
        let written = bytes.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                done += count
            }
            return done
        }
        guard written == bytes.count, access(path, R_OK) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }
}
