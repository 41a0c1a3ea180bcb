#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names that are not UTF-8, as a `String` path can carry them.
///
/// Linux names are bytes: reports unzipped from a Windows archive are often named in GBK
/// (`\xB2\xBF\xC3\xC5…`), which a Swift `String` cannot hold. Such a name is written with each
/// byte that is not part of a valid UTF-8 character, and each backslash, as `\xHH`; finparse
/// opens a path so written by those bytes when no file has the path's own spelling.
///
/// ```swift
/// let path = PlatformPath.string(fromBytes: Array("年报".utf8) + [0xB2, 0xBF] + Array(".txt".utf8))
/// // "年报\xB2\xBF.txt"
/// let document = try Document(contentsOf: "reports/" + path)
/// ```
public enum PlatformPath {
    /// `bytes` (a path as the system gives it, without its terminating 0) as a `String`:
    /// itself when it is UTF-8, else written as described above.
    public static func string(fromBytes bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var written = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            let valid = validPrefixLength(of: rest)
            let characters = rest.prefix(valid)
            // Valid UTF-8 by construction; a backslash in it is escaped, so that no spelling
            // of a byte can be read out of the name itself.
            written += String(decoding: characters, as: UTF8.self).replacingBackslashes()
            rest = rest.dropFirst(valid)
            if let stray = rest.first {
                written += escaped(stray)
                rest = rest.dropFirst()
            }
        }
        return written
    }

    /// The bytes a path written by ``string(fromBytes:)`` stands for, or nil when it holds
    /// no `\xHH` and so is its own spelling.
    public static func bytes(of path: String) -> [UInt8]? {
        let utf8 = Array(path.utf8)
        guard utf8.contains(UInt8(ascii: "\\")) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var escapes = 0
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 3 < utf8.count, utf8[i + 1] == UInt8(ascii: "x"),
               let high = utf8[i + 2].hexDigitValue, let low = utf8[i + 3].hexDigitValue {
                bytes.append(high << 4 | low)
                escapes += 1
                i += 4
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return escapes > 0 ? bytes : nil
    }

    /// Calls `body` with the name to open for `path`: its own spelling, unless no file has it
    /// and the bytes it stands for name one.
    static func withSystemName<Result>(of path: String, _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        if let bytes = bytes(of: path), access(path, F_OK) != 0 {
            let name = bytes.map { CChar(bitPattern: $0) } + [0]
            if name.withUnsafeBufferPointer({ access($0.baseAddress!, F_OK) }) == 0 {
                return name.withUnsafeBufferPointer { body($0.baseAddress!) }
            }
        }
        return path.withCString(body)
    }

    /// How many of `bytes`' first bytes are whole UTF-8 characters.
    private static func validPrefixLength(of bytes: some Collection<UInt8>) -> Int {
        var length = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            length += UTF8.width(scalar)
        }
        return length
    }

    private static func escaped(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}

private extension String {
    func replacingBackslashes() -> String {
        guard utf8.contains(UInt8(ascii: "\\")) else { return self }
        return split(separator: "\\", omittingEmptySubsequences: false).joined(separator: "\\x5C")
    }
}
