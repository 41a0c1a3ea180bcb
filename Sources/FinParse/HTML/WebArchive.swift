/// A web archive (MIME HTML: Word's and browsers' "single file web page", .mht), which
/// systems also hand out named .doc, as Word opens it: the page it holds is the report.
///
/// The archive is a MIME message: headers, then parts between boundary lines, each with
/// headers of its own. The first part of type text/html is the page; its body is decoded
/// from quoted-printable or base64 as its headers say. Its characters are left to
/// ``TextDecoding``, which tells UTF-8 from GB18030 by the bytes themselves.
enum WebArchive {
    /// The bytes of the page a web archive holds; nil when the bytes are no web archive.
    /// An archive without a page throws.
    static func page(in bytes: [UInt8], path: String) throws(FinParseError) -> [UInt8]? {
        var lines = MessageLines(bytes)
        guard let headers = lines.headers(), headers["mime-version"] != nil,
              let type = headers["content-type"], type.lowercased().hasPrefix("multipart/"),
              let boundary = parameter("boundary", of: type) else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        // The preamble, up to the first boundary line.
        while let line = lines.next(), !line.starts(with: delimiter) {}
        while !lines.isAtEnd {
            guard let part = lines.headers() else { break }
            let start = lines.position
            var end = start
            var closed = false
            while let line = lines.next() {
                if line.starts(with: delimiter) {
                    closed = true
                    break
                }
                end = lines.position
            }
            let contentType = part["content-type"]?.lowercased() ?? "text/plain"
            if contentType.hasPrefix("text/html") {
                // The line end before the boundary belongs to the boundary.
                var body = bytes[start..<end]
                if body.last == 0x0A { body = body.dropLast() }
                if body.last == 0x0D { body = body.dropLast() }
                switch part["content-transfer-encoding"]?.lowercased() {
                case "quoted-printable": return quotedPrintable(body)
                case "base64": return base64(body)
                default: return Array(body)
                }
            }
            if !closed { break }
        }
        throw FinParseError(.noText, path: path, message: "is a web archive (MIME HTML) without a web page in it")
    }

    /// A parameter of a header value (`boundary="----=_NextPart_01DA"`), quoted or not.
    static func parameter(_ name: String, of value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces.lowercased() == name else { continue }
            var result = Substring(pair[1].trimmingSpaces)
            if result.hasPrefix("\""), result.hasSuffix("\""), result.count >= 2 { result = result.dropFirst().dropLast() }
            return String(result)
        }
        return nil
    }

    /// Quoted-printable: =XX is a byte, = at a line's end joins it to the next.
    static func quotedPrintable(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "=") else {
                result.append(byte)
                i += 1
                continue
            }
            let next = bytes[(i + 1)...].prefix(2)
            if next.first == 0x0A {
                i += 2
            } else if next.starts(with: [0x0D, 0x0A]) {
                i += 3
            } else if next.count == 2, let high = next.first!.hexDigitValue, let low = next.last!.hexDigitValue {
                result.append(high << 4 | low)
                i += 3
            } else {
                // Not an escape: kept as written, as mail readers do.
                result.append(byte)
                i += 1
            }
        }
        return result
    }

    /// Base64, its line ends and any other character outside the alphabet skipped.
    static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count / 4 * 3)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            default: continue
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                result.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return result
    }

    /// The lines of a MIME message, read one after another.
    private struct MessageLines {
        let bytes: [UInt8]
        private(set) var position = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }

        var isAtEnd: Bool { position >= bytes.count }

        /// The next line, without its line end.
        mutating func next() -> ArraySlice<UInt8>? {
            guard position < bytes.count else { return nil }
            let end = bytes[position...].firstIndex(of: 0x0A) ?? bytes.count
            var line = bytes[position..<end]
            if line.last == 0x0D { line = line.dropLast() }
            position = min(bytes.count, end + 1)
            return line
        }

        /// A block of headers up to the blank line after it, by lowercased name, lines that
        /// go on with a space or a TAB joined to the header before; nil if a line before the
        /// blank one is no header (the start of a text, not of a message).
        mutating func headers() -> [String: String]? {
            var headers: [String: String] = [:]
            var last: String?
            var count = 0
            while let line = next(), !line.isEmpty {
                count += 1
                if count > 200 { return nil }
                if let first = line.first, first == 0x20 || first == 0x09, let name = last {
                    headers[name, default: ""] += " " + String(decoding: line, as: UTF8.self).trimmingSpaces
                    continue
                }
                guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                      line[..<colon].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
                let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
                headers[name] = String(String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces)
                last = name
            }
            return headers
        }
    }
}
