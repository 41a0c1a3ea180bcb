import CICU
#if canImport(Glibc)
import Glibc
#endif

/// Turns the bytes of a text report into a String, detecting its encoding:
/// a byte-order mark first (UTF-8, UTF-16LE, UTF-16BE), then strict UTF-8, then UTF-16
/// without its mark (NUL bytes at every other byte), then strict GB18030, which covers GBK
/// and GB2312, or Big5 where ICU's detector takes the bytes for it. A file cut off inside its
/// last character is read up to it, with a warning, and a UTF-8 or GB18030 file damaged in a
/// few places is read with a warning at each; any other bad byte fails the file, named by its
/// offset (and by ICU's charset detector's guess when GB18030 read further).
public enum TextDecoding {
    /// Decoded text and the encoding it was found in.
    public struct Decoded: Sendable, Hashable {
        public var text: String
        public var encoding: TextEncoding
        /// A `truncated` warning when the file ends inside a character.
        public var diagnostics: [Diagnostic] = []
    }

    /// Decodes the bytes of a text report; `path` names the input in errors.
    public static func decode(_ bytes: [UInt8], path: String) throws(FinParseError) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let (text, cut) = utf8(bytes[3...]) else {
                if let damaged = damagedUTF8(bytes[3...]) { return try decoded(damaged, path: path) }
                throw FinParseError(.undecodable, path: path, message: "starts with a UTF-8 byte-order mark but is not valid UTF-8",
                                    byteOffset: 3 + validUTF8Prefix(bytes[3...]))
            }
            return try decoded(text, encoding: .utf8, cut: cut, path: path)
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try utf16(bytes[2...], bigEndian: false, path: path)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try utf16(bytes[2...], bigEndian: true, path: path)
        }
        if let (text, cut) = utf8(bytes[...]) {
            return try decoded(text, encoding: .utf8, cut: cut, path: path)
        }
        // Not UTF-8: Chinese reports that are not UTF-8 are GB18030 (or its subsets GBK
        // and GB2312). NUL bytes mean UTF-16 saved without its mark, when they stand at every
        // other byte, as the high bytes of its digits, spaces and line ends do; else a binary file.
        if let nul = bytes.firstIndex(of: 0) {
            if let bigEndian = unmarkedUTF16(bytes), let decoded = try? utf16(bytes[...], bigEndian: bigEndian, path: path) {
                return decoded
            }
            throw FinParseError(.notText, path: path, message: "is not text (it contains NUL bytes)", byteOffset: nul)
        }
        return try gb18030(bytes, path: path)
    }

    /// The bytes as UTF-8, and how many bytes of a last character the file does not finish
    /// were left out; nil when they are not UTF-8.
    private static func utf8(_ bytes: ArraySlice<UInt8>) -> (text: String, cut: Int)? {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, 0) }
        guard let cut = cutOffUTF8(bytes), let text = String(validating: bytes.dropLast(cut), as: UTF8.self) else { return nil }
        return (text, cut)
    }

    /// Decoded text that is not a binary file's, with a warning if `cut` bytes were left out.
    private static func decoded(_ text: String, encoding: TextEncoding, cut: Int, path: String) throws(FinParseError) -> Decoded {
        try refuseBinary(text, path: path)
        return Decoded(text: text, encoding: encoding, diagnostics: cut > 0 ? [.cutOff(text, bytes: cut, encoding: encoding)] : [])
    }

    /// How many bytes at the end of `bytes` begin a UTF-8 character that the file does not
    /// finish (it was cut off there), or nil when it does not end that way.
    private static func cutOffUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.endIndex
        while i > bytes.startIndex, bytes.endIndex - i < 3 {
            i -= 1
            let byte = bytes[i]
            if byte & 0xC0 == 0x80 { continue }  // a continuation byte: the lead is further back
            let length = byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 && byte <= 0xEF ? 3 : byte >= 0xC2 && byte <= 0xDF ? 2 : 0
            return bytes.endIndex - i < length ? bytes.endIndex - i : nil
        }
        return nil
    }

    /// A UTF-8 file damaged in a few places (a scrape cut inside a character, a stray byte of
    /// another encoding): its text, U+FFFD for each bad sequence, and a warning for each, as
    /// ``Decoded``. nil when the places are more than a few or not rare among its Chinese
    /// characters: then the file is no damaged UTF-8 but another encoding's, or damaged
    /// throughout, and fails. A number right after such a place is no figure (``FigureSpan``):
    /// the damage may have taken a digit of it.
    private static func damagedUTF8(_ bytes: ArraySlice<UInt8>) -> Decoded? {
        let cut = cutOffUTF8(bytes) ?? 0
        let body = bytes.dropLast(cut)
        var iterator = body.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = body.startIndex
        var places: [Range<Int>] = []
        var chinese = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 3 { chinese += 1 }
                offset += scalar.count
            case .error(let length):
                if let last = places.last, last.upperBound == offset {
                    places[places.count - 1] = last.lowerBound..<(offset + length)
                } else {
                    guard places.count < maxDamagedPlaces else { return nil }
                    places.append(offset..<(offset + length))
                }
                offset += length
            case .emptyInput:
                guard !places.isEmpty, chinese >= places.count * 100 else { return nil }
                return damaged(String(decoding: body, as: UTF8.self), encoding: .utf8, places: places, in: body, cut: cut)
            }
        }
    }

    /// A GB18030 file damaged in a few places, as ``damagedUTF8(_:)`` reads a UTF-8 one: read
    /// piece by piece between its bad bytes, where ICU's strict conversion stops. Only when
    /// ICU's detector takes the file for GB18030: another encoding's text (Shift_JIS, EUC-KR)
    /// can read as GB18030 nonsense with a few bad bytes.
    private static func damagedGB18030(_ bytes: [UInt8]) -> Decoded? {
        guard detectedCharset(Array(bytes.prefix(64 * 1024))) == "GB18030" else { return nil }
        var text = "", places: [Range<Int>] = []
        var start = 0
        while true {
            let rest = Array(bytes[start...])
            switch StrictConversion.whole("GB18030", rest) {
            case .text(let last, cut: let cut):
                text += last
                guard !places.isEmpty, text.unicodeScalars.count(where: { $0.value >= 0x3400 }) >= places.count * 100 else { return nil }
                return damaged(text, encoding: .gb18030, places: places, in: bytes[..<(bytes.count - cut)], cut: cut)
            case .stopped(at: let stop):
                // ICU stops past the bad sequence (one to four bytes): the text is that of the
                // longest prefix before it that converts whole.
                guard places.count < maxDamagedPlaces, stop > 0,
                      let good = (max(0, stop - 4)..<stop).reversed().lazy.compactMap({ end -> (Int, String)? in
                          guard case .text(let piece, cut: 0) = StrictConversion("GB18030", rest[..<end]) else { return nil }
                          return (end, piece)
                      }).first
                else { return nil }
                text += good.1 + "\u{FFFD}"
                places.append((start + good.0)..<(start + stop))
                start += stop
            }
        }
    }

    /// Text read from `bytes` with U+FFFD at each of `places`, the damaged places of a file
    /// that are not its `encoding`, each warned of at its line.
    private static func damaged(_ text: String, encoding: TextEncoding, places: [Range<Int>],
                                in bytes: ArraySlice<UInt8>, cut: Int) -> Decoded {
        var line = 1, counted = bytes.startIndex
        var diagnostics = places.map { place in
            line += lineNumber(atEndOf: bytes[counted..<place.lowerBound]) - 1
            counted = place.lowerBound
            return Diagnostic.damaged(place, encoding: encoding, line: line)
        }
        if cut > 0 { diagnostics.append(.cutOff(text, bytes: cut, encoding: encoding)) }
        return Decoded(text: text, encoding: encoding, diagnostics: diagnostics)
    }

    /// How many damaged places a file may have and still be read.
    static let maxDamagedPlaces = 8

    /// A decoded text that is not a binary file's.
    private static func decoded(_ decoded: Decoded, path: String) throws(FinParseError) -> Decoded {
        try refuseBinary(decoded.text, path: path)
        return decoded
    }

    /// How many bytes from the start of `bytes` are valid UTF-8.
    private static func validUTF8Prefix(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var length = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { length += scalar.count }
        return length
    }

    /// Whether the bytes look like UTF-16 without a byte-order mark, big-endian or not: of their
    /// first 64 KB, a tenth of the code units or more hold a NUL byte, four in five of those
    /// on the same side (ASCII's high byte; 一 U+4E00 and the ideographic space U+3000 have
    /// their low byte 0). nil when they do not.
    private static func unmarkedUTF16(_ bytes: [UInt8]) -> Bool? {
        let units = min(bytes.count, 1 << 16) / 2
        var even = 0, odd = 0
        for i in 0..<units {
            if bytes[2 * i] == 0 { even += 1 }
            if bytes[2 * i + 1] == 0 { odd += 1 }
        }
        guard units > 0, max(even, odd) * 10 >= units, min(even, odd) * 4 <= max(even, odd) else { return nil }
        return even > odd
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, path: String) throws(FinParseError) -> Decoded {
        let name = bigEndian ? "UTF-16BE" : "UTF-16LE"
        // A last byte alone, or a lead surrogate whose pair never comes: cut off there.
        var cut = bytes.count % 2
        let bytes = bytes.dropLast(cut)
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        if let last = units.last, UTF16.isLeadSurrogate(last) {
            units.removeLast()
            cut += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw FinParseError(.undecodable, path: path, message: "is not valid \(name)",
                                byteOffset: bytes.startIndex + firstInvalidUTF16(units) * 2)
        }
        return try decoded(text, encoding: bigEndian ? .utf16BE : .utf16LE, cut: cut, path: path)
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

    private static func gb18030(_ bytes: [UInt8], path: String) throws(FinParseError) -> Decoded {
        // Big5 mostly reads as GB18030 too, as nonsense (琘カ現叭狝 for 某市政務服務): it is read
        // as Big5 when ICU's detector takes it for that (GBK's traditional characters it takes
        // for GB18030 still), and a bad byte in it is named as in any other encoding.
        if mayBeBig5(bytes.prefix(8192)), detectedCharset(Array(bytes.prefix(16 * 1024)), confidence: 50) == "Big5" {
            switch StrictConversion.whole("Big5", bytes) {
            case .text(let text, cut: let cut):
                return try decoded(text, encoding: .big5, cut: cut, path: path)
            case .stopped(at: let stop):
                throw FinParseError(.undecodable, path: path,
                                    message: "is Big5 text, as ICU's detector takes it, with a bad byte on line \(lineNumber(atEndOf: bytes[..<stop]))",
                                    byteOffset: stop)
            }
        }
        let stop: Int
        switch StrictConversion.whole("GB18030", bytes) {
        case .text(let text, cut: let cut):
            return try decoded(text, encoding: .gb18030, cut: cut, path: path)
        case .stopped(at: let offset):
            stop = offset
        }
        // A file whose Chinese reads as UTF-8 up to some byte is a UTF-8 file damaged there:
        // name that byte (GB18030 reads such text, as nonsense, for a while). Two characters
        // of three UTF-8 bytes (as CJK is written) are asked for, as GB18030 text can read as
        // a valid UTF-8 character or so by chance.
        let utf8Length = validUTF8Prefix(bytes[...])
        if bytes[..<utf8Length].count(where: { $0 >= 0xE0 && $0 <= 0xEF }) >= 2 {
            if let damaged = damagedUTF8(bytes[...]) { return try decoded(damaged, path: path) }
            let line = lineNumber(atEndOf: bytes[..<utf8Length])
            throw FinParseError(.undecodable, path: path,
                                message: "is neither UTF-8 nor GB18030 text: it reads as UTF-8 up to a bad byte on line \(line)",
                                byteOffset: utf8Length)
        }
        if let damaged = damagedGB18030(bytes) { return try decoded(damaged, path: path) }
        // Say what ICU's detector takes it for: the likeliest cause of the failure.
        let guess = detectedCharset(Array(bytes.prefix(64 * 1024))).map { "; ICU's detector takes it for \($0)" } ?? ""
        throw FinParseError(.undecodable, path: path, message: "is neither UTF-8 nor GB18030 text\(guess)", byteOffset: stop)
    }

    /// `bytes` read as GB18030, strictly: nil where they are not (a zip entry's name that is
    /// neither marked UTF-8 nor valid as it, written by a Chinese Windows).
    static func gb18030Text(_ bytes: [UInt8]) -> String? {
        if case .text(let text, cut: 0) = StrictConversion("GB18030", bytes[...]) { return text }
        return nil
    }

    /// `bytes` read in `charset` (an ICU name: GB18030, Big5, windows-1252), each byte that
    /// is not a character of it a U+FFFD: an RTF document's text in its code pages.
    static func text(_ bytes: [UInt8], charset: String) -> String {
        if case .text(let text, _) = StrictConversion(charset, bytes[...]) { return text }
        // Character by character, one byte or two (the code pages RTF names): ICU's stop
        // says where a bad sequence ends, not where it starts.
        var text = ""
        var rest = bytes[...]
        while !rest.isEmpty {
            if case .text(let one, _) = StrictConversion(charset, rest.prefix(1)), !one.isEmpty {
                text += one
                rest = rest.dropFirst()
            } else if rest.count >= 2, case .text(let two, _) = StrictConversion(charset, rest.prefix(2)), !two.isEmpty {
                text += two
                rest = rest.dropFirst(2)
            } else {
                text += "\u{FFFD}"
                rest = rest.dropFirst()
            }
        }
        return text
    }

    /// Whether double-byte text may be Big5, and worth asking ICU's detector (a few
    /// milliseconds, a tenth of a report's parse): Big5 writes some two in five characters
    /// with a second byte below 0x7F, GB2312's simplified characters never do. GBK's
    /// traditional ones do too, and the detector tells those apart.
    private static func mayBeBig5(_ bytes: ArraySlice<UInt8>) -> Bool {
        var pairs = 0, low = 0
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            guard bytes[i] >= 0x81 else {
                i += 1
                continue
            }
            pairs += 1
            if bytes[i + 1] < 0x7F { low += 1 }
            i += 2
        }
        return low * 10 > pairs
    }

    /// ICU's strict conversion of some bytes from `charset`: their text, or the offset it stopped at.
    private enum StrictConversion {
        case text(String, cut: Int)
        case stopped(at: Int)

        init(_ charset: String, _ bytes: ArraySlice<UInt8>) {
            var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
            var length: Int32 = 0
            var errorOffset: Int32 = 0
            let status = bytes.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    input.withMemoryRebound(to: CChar.self) { source in
                        out.withMemoryRebound(to: CChar.self) { dest in
                            fp_convert_to_utf8(charset, source.baseAddress, Int32(source.count),
                                               dest.baseAddress, Int32(dest.count), &length, &errorOffset)
                        }
                    }
                }
            }
            self = status == Int32(FP_OK) ? .text(String(decoding: output[..<Int(length)], as: UTF8.self), cut: 0)
                                          : .stopped(at: Int(errorOffset))
        }

        /// The whole file's text, or all but a last character the file cuts off (`cut` says how
        /// many bytes were left out); else where the conversion stopped.
        static func whole(_ charset: String, _ bytes: [UInt8]) -> Self {
            let whole = Self(charset, bytes[...])
            // Stopped at the very end: the file is cut off inside its last character.
            guard case .stopped(at: bytes.count) = whole else { return whole }
            for cut in 1...3 where cut < bytes.count {
                if case .text(let text, _) = Self(charset, bytes.dropLast(cut)) { return .text(text, cut: cut) }
            }
            return whole
        }
    }

    /// ICU's detector's likeliest charset for `prefix`, when it is at least `confidence` (0–100) sure.
    private static func detectedCharset(_ prefix: [UInt8], confidence least: Int32 = 0) -> String? {
        guard !prefix.isEmpty else { return nil }
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        let status = prefix.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { source in
                fp_detect_charset(source.baseAddress, Int32(source.count), &name, Int32(name.count), &confidence)
            }
        }
        guard status == Int32(FP_OK), confidence >= least else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Text has no NUL and few control characters; anything else is a binary file
    /// that happened to decode.
    private static func refuseBinary(_ text: String, path: String) throws(FinParseError) {
        var text = text
        // Over the bytes themselves: iterating the String's UTF-8 view cost 4% of a small report's parse.
        let (nul, controls, seen) = text.withUTF8 { bytes in
            let head = UnsafeBufferPointer(rebasing: bytes.prefix(65536))
            if !head.isEmpty, let nul = memchr(head.baseAddress!, 0, head.count) {
                return (Optional(head.baseAddress!.distance(to: nul.assumingMemoryBound(to: UInt8.self))), 0, head.count)
            }
            // The controls below space but TAB, LF, FF and CR. All bytes below space first,
            // eight at a time: text has too few of them for its controls to count, and only
            // text with more (TABs between cells) is counted byte by byte, as bits.
            guard head.belowSpace * 20 > head.count else { return (nil, 0, head.count) }
            let controlBits: UInt32 = ~(1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D)
            let controls = head.reduce(0) { count, byte in
                count &+ (byte < 0x20 ? Int((controlBits >> UInt32(byte & 0x1F)) & 1) : 0)
            }
            return (nil, controls, head.count)
        }
        if let nul {
            throw FinParseError(.notText, path: path, message: "is not text (it contains NUL characters)", byteOffset: nul)
        }
        if controls * 20 > seen {
            throw FinParseError(.notText, path: path, message: "is not text (too many control characters)")
        }
    }
}

extension Diagnostic {
    /// Bytes of a file that are not its encoding, read as U+FFFD.
    static func damaged(_ bytes: Range<Int>, encoding: TextEncoding, line: Int) -> Diagnostic {
        let which = bytes.count == 1 ? "byte \(bytes.lowerBound) is" : "bytes \(bytes.lowerBound)–\(bytes.upperBound - 1) are"
        return Diagnostic(severity: .warning, code: "damaged-text",
                          message: "\(which) not \(encoding.rawValue) (the file is damaged there): read as �, and a number right after it is not read as a figure",
                          line: line)
    }

    /// A text file that ends inside a character: read up to it.
    static func cutOff(_ text: String, bytes: Int, encoding: TextEncoding) -> Diagnostic {
        Diagnostic(severity: .warning, code: "truncated",
                   message: "the file ends inside a \(encoding.rawValue) character: it is cut off, and its last \(bytes == 1 ? "byte is" : "\(bytes) bytes are") not read",
                   line: lineNumber(atEndOf: text.utf8))
    }
}
