#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file calls that a spilled buffer and a child process's input share.
enum SystemFile {
    /// A new file in the temporary directory ($TMPDIR, else /tmp): its descriptor and path.
    static func createTemporary() -> (descriptor: Int32, path: String)? {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/finparse-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        // Not for a child process (pdftotext) started meanwhile on another thread.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        return (descriptor, template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }

    /// Up to `count` bytes of the file from `offset` (fewer where it ends or cannot be read).
    static func read(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { break }
            done += read
        }
        bytes.removeLast(count - done)
        return bytes
    }

    /// Hands `body` the file's bytes from its offset to its end, a megabyte at a time, while
    /// `body` returns true: the errno of a read that failed, or nil.
    static func readChunks(of descriptor: Int32, _ body: (UnsafeRawBufferPointer) -> Bool) -> Int32? {
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return errno }
            guard count > 0, chunk.withUnsafeBytes({ body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }) else { return nil }
        }
    }

    /// Writes `bytes` at the file's offset, or into the pipe; returns how many were
    /// written, all of them unless the system refused (no room, a closed pipe).
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

/// A temporary file that no one else can see (gone from its directory as it is made),
/// closed, and so gone, when this goes.
final class AnonymousFile: Sendable {
    let descriptor: Int32

    init?() {
        guard let (descriptor, path) = SystemFile.createTemporary() else { return nil }
        // Gone from the directory at once: it goes when its descriptor is closed, whatever
        // becomes of the process.
        unlink(path)
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
