#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole input file, turning every operating-system failure into a
/// ``FinParseError`` that names the file.
enum InputFile {
    /// Inputs above this size are refused rather than read into memory.
    static let maximumSize = 1 << 30

    static func load(path: String) throws(FinParseError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(errno, path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(errno, path: path) }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw FinParseError(.isDirectory, path: path, message: "is a directory, not a report")
        }
        guard Int(info.st_size) <= maximumSize else {
            throw FinParseError(.tooLarge, path: path, message: "is \(info.st_size) bytes; the limit is \(maximumSize)")
        }
        // One byte more than the file's size, for the read that finds its end: growing the
        // buffer would double its capacity, and hold every file twice over.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            // The file grew since fstat.
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count))) }
            let n = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw error(errno, path: path)
            }
            if n == 0 { break }
            filled += n
            guard filled <= maximumSize else {
                throw FinParseError(.tooLarge, path: path, message: "is larger than the limit of \(maximumSize) bytes")
            }
        }
        bytes.removeSubrange(filled...)
        if bytes.isEmpty { throw FinParseError(.empty, path: path, message: "is empty") }
        return bytes
    }

    private static func error(_ code: Int32, path: String) -> FinParseError {
        let reason = String(cString: strerror(code))
        switch code {
        case ENOENT, ENOTDIR: return FinParseError(.fileNotFound, path: path, message: "no such file")
        case EISDIR: return FinParseError(.isDirectory, path: path, message: "is a directory, not a report")
        default: return FinParseError(.unreadable, path: path, message: "cannot be read: \(reason)")
        }
    }
}
