import CMemoryFile
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes as a file named by a path, for readers that open one: a file in memory only
/// where the system has them (Linux's memfd), else a temporary file, removed when this
/// goes. What opened the file keeps reading it until it closes it.
final class MemoryFile {
    private let descriptor: Int32
    /// The file's path while this lives: /proc/self/fd/N, or the temporary file's.
    let path: String
    private let isTemporary: Bool

    /// nil where neither kind of file can be made, or there is no room for the bytes.
    convenience init?(holding bytes: borrowing [UInt8]) {
        let descriptor = fp_memory_file_create()
        if descriptor >= 0 {
            self.init(descriptor: descriptor, path: "/proc/self/fd/\(descriptor)", isTemporary: false, holding: bytes)
        } else {
            self.init(temporaryFileHolding: bytes)
        }
    }

    /// The bytes in a new file in the temporary directory ($TMPDIR, else /tmp).
    convenience init?(temporaryFileHolding bytes: borrowing [UInt8]) {
        guard let (descriptor, path) = TemporaryFile.create() else { return nil }
        self.init(descriptor: descriptor, path: path, isTemporary: true, holding: bytes)
    }

    private init?(descriptor: Int32, path: String, isTemporary: Bool, holding bytes: borrowing [UInt8]) {
        let written = bytes.withUnsafeBytes { TemporaryFile.writeAll($0, to: descriptor) }
        guard written == bytes.count, access(path, R_OK) == 0 else {
            close(descriptor)
            if isTemporary { unlink(path) }
            return nil
        }
        self.descriptor = descriptor
        self.path = path
        self.isTemporary = isTemporary
    }

    deinit {
        close(descriptor)
        if isTemporary { unlink(path) }
    }
}

/// The file calls that a file in memory and a spilled buffer share.
enum TemporaryFile {
    /// A new file in the temporary directory ($TMPDIR, else /tmp): its descriptor and path.
    static func create() -> (descriptor: Int32, path: String)? {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/finparse-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        return (descriptor, template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }

    /// Writes `bytes` at the file's offset; returns how many were written, all of them
    /// unless the system refused (no room, say).
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int {
        var done = 0
        while done < bytes.count {
            let count = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            done += count
        }
        return done
    }
}
