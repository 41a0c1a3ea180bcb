import Crypto
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads input files (whole, or a .docx's first bytes and digest), turning every
/// operating-system failure into a ``FinParseError`` that names the file.
enum InputFile {
    /// Inputs above this size are refused rather than read into memory.
    static let maximumSize = 1 << 30

    static func load(path: String) throws(FinParseError) -> [UInt8] {
        let (fd, size) = try open(path)
        defer { close(fd) }
        // One byte more than the file's size, for the read that finds its end: growing the
        // buffer would double its capacity, and hold every file twice over.
        var bytes = [UInt8](repeating: 0, count: size + 1)
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
        return bytes
    }

    /// Whether the file begins as a zip package does (a .docx), read from its first bytes.
    static func startsAsZip(path: String) throws(FinParseError) -> Bool {
        try firstBytes(of: path, count: 2) == [0x50, 0x4B]
    }

    /// The file's first `count` bytes, or fewer when it is shorter.
    static func firstBytes(of path: String, count: Int) throws(FinParseError) -> [UInt8] {
        let (fd, _) = try open(path)
        defer { close(fd) }
        return SystemFile.read(fd, at: 0, count: count)
    }

    /// The file's last `count` bytes, or all of a shorter file.
    static func lastBytes(of path: String, count: Int) throws(FinParseError) -> [UInt8] {
        let (fd, size) = try open(path)
        defer { close(fd) }
        return SystemFile.read(fd, at: max(size - count, 0), count: min(count, size))
    }

    /// The file's size and SHA-256, read a megabyte at a time.
    static func digest(path: String) throws(FinParseError) -> (bytes: Int, sha256: String) {
        let (fd, _) = try open(path)
        defer { close(fd) }
        var hash = SHA256()
        var total = 0
        if let code = SystemFile.readChunks(of: fd, { chunk in
            hash.update(bufferPointer: chunk)
            total += chunk.count
            return true
        }) {
            throw error(code, path: path)
        }
        return (total, hex(hash.finalize()))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let hexDigits = Array("0123456789abcdef")
        var hex = ""
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return hex
    }

    /// Opens a report file for reading, refusing what cannot be one: returns its
    /// descriptor (the caller closes it) and its size.
    private static func open(_ path: String) throws(FinParseError) -> (Int32, Int) {
        let fd = PlatformPath.withSystemName(of: path) { Glibc.open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw error(errno, path: path) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw error(code, path: path)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw FinParseError(.isDirectory, path: path, message: "is a directory, not a report")
        }
        guard Int(info.st_size) <= maximumSize else {
            close(fd)
            throw FinParseError(.tooLarge, path: path, message: "is \(info.st_size) bytes; the limit is \(maximumSize)")
        }
        return (fd, max(Int(info.st_size), 0))
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
