import CICU

/// Turns the bytes of a text report into a String, detecting its encoding:
/// a byte-order mark first (UTF-8, UTF-16LE, UTF-16BE), then strict UTF-8, then
/// strict GB18030, which covers GBK and GB2312. What fails all of them is named
/// by ICU's charset detector in the error.
public enum TextDecoding {
    /// Decoded text and the encoding it was found in.
    public struct Decoded: Sendable, Hashable {
        public var text: String
        public var encoding: TextEncoding
    }

    /// Decodes the bytes of a text report; `path` names the input in errors.
    public static func decode(_ bytes: [UInt8], path: String) throws(FinParseError) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: try utf8(bytes[3...], path: path, offset: 3), encoding: .utf8)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: try utf16(bytes[2...], bigEndian: false, path: path), encoding: .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: try utf16(bytes[2...], bigEndian: true, path: path), encoding: .utf16BE)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            try refuseBinary(text.utf8, path: path)
            return Decoded(text: text, encoding: .utf8)
        }
        // Not UTF-8: Chinese reports that are not UTF-8 are GB18030 (or its subsets GBK
        // and GB2312). NUL bytes mean a binary file (UTF-16 is read only with its mark).
        if let nul = bytes.firstIndex(of: 0) {
            throw FinParseError(.notText, path: path, message: "is not text (it contains NUL bytes)", byteOffset: nul)
        }
        let text = try gb18030(bytes, path: path)
        try refuseBinary(text.utf8, path: path)
        return Decoded(text: text, encoding: .gb18030)
    }

    private static func utf8(_ bytes: ArraySlice<UInt8>, path: String, offset: Int) throws(FinParseError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FinParseError(.undecodable, path: path, message: "starts with a UTF-8 byte-order mark but is not valid UTF-8")
        }
        try refuseBinary(text.utf8, path: path)
        return text
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, path: String) throws(FinParseError) -> String {
        let name = bigEndian ? "UTF-16BE" : "UTF-16LE"
        guard bytes.count % 2 == 0 else {
            throw FinParseError(.truncated, path: path, message: "is \(name) with an odd number of bytes: the file is cut off",
                                byteOffset: bytes.endIndex - 1)
        }
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            let bad = firstInvalidUTF16(units)
            let reason = bad == units.count - 1 ? "ends inside a surrogate pair: the file is cut off" : "is not valid \(name)"
            throw FinParseError(bad == units.count - 1 ? .truncated : .undecodable, path: path,
                                message: reason, byteOffset: bytes.startIndex + bad * 2)
        }
        try refuseBinary(text.utf8, path: path)
        return text
    }

    private static func firstInvalidUTF16(_ units: [UInt16]) -> Int {
        var i = 0
        while i < units.count {
            let u = units[i]
            if UTF16.isLeadSurrogate(u) {
                guard i + 1 < units.count, UTF16.isTrailSurrogate(units[i + 1]) else { return i }
                i += 2
            } else if UTF16.isTrailSurrogate(u) {
                return i
            } else {
                i += 1
            }
        }
        return units.count
    }

    private static func gb18030(_ bytes: [UInt8], path: String) throws(FinParseError) -> String {
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var length: Int32 = 0
        var errorOffset: Int32 = 0
        let status = bytes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                input.withMemoryRebound(to: CChar.self) { source in
                    out.withMemoryRebound(to: CChar.self) { dest in
                        fp_convert_to_utf8("GB18030", source.baseAddress, Int32(source.count),
                                           dest.baseAddress, Int32(dest.count), &length, &errorOffset)
                    }
                }
            }
        }
        guard status == Int32(FP_OK) else {
            // Say what ICU's detector takes it for: the likeliest cause of the failure.
            let guess = detectedCharset(Array(bytes.prefix(64 * 1024))).map { "; ICU's detector takes it for \($0)" } ?? ""
            throw FinParseError(.undecodable, path: path,
                                message: "is neither UTF-8 nor GB18030 text\(guess)", byteOffset: Int(errorOffset))
        }
        return String(decoding: output[..<Int(length)], as: UTF8.self)
    }

    private static func detectedCharset(_ prefix: [UInt8]) -> String? {
        guard !prefix.isEmpty else { return nil }
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        let status = prefix.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { source in
                fp_detect_charset(source.baseAddress, Int32(source.count), &name, Int32(name.count), &confidence)
            }
        }
        guard status == Int32(FP_OK) else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Text has no NUL and few control characters; anything else is a binary file
    /// that happened to decode.
    private static func refuseBinary(_ utf8: String.UTF8View, path: String) throws(FinParseError) {
        var controls = 0
        var seen = 0
        for (offset, byte) in utf8.enumerated() {
            if byte == 0 {
                throw FinParseError(.notText, path: path, message: "is not text (it contains NUL characters)", byteOffset: offset)
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
            seen += 1
            if seen == 65536 { break }
        }
        if controls * 20 > seen {
            throw FinParseError(.notText, path: path, message: "is not text (too many control characters)")
        }
    }
}
