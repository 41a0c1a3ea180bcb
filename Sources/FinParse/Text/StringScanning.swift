#if canImport(Glibc)
import Glibc
#endif

// The string tests every stage runs on every line. They work on scalars and UTF-8
// bytes: comparing `Character`s means grapheme breaking and normalization, a cost
// that showed as a tenth of the whole pipeline, for spaces and CJK text where it
// changes nothing.

extension StringProtocol {
    /// Trims the spaces folding leaves at either end (ASCII space and tab, which is
    /// what ideographic and no-break spaces become), those spaces in the original
    /// spelling, and the form feed pdftotext puts before each page's first line.
    var trimmingSpaces: SubSequence {
        // On the UTF-8 bytes: most text has no space at either end, and stepping over
        // scalars from both ends cost more than the bytes' two looks.
        let kept = unspacedBytes
        let utf8 = self.utf8
        // The ends as they are, where nothing is trimmed: an index made by offsetting the UTF-8
        // view is checked for scalar alignment when it slices, which cost more than the trim.
        let start = kept.lowerBound == 0 ? startIndex : utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)
        let end = kept.upperBound == utf8.count ? endIndex : utf8.index(utf8.startIndex, offsetBy: kept.upperBound)
        return self[start..<end]
    }

    /// Whether nothing is left once ``trimmingSpaces`` trims: asked of most lines, and read on
    /// the bytes without slicing.
    var isSpacesOnly: Bool { unspacedBytes.isEmpty }

    /// The UTF-8 offsets of the text without the trimmed spaces at either end.
    private var unspacedBytes: Range<Int> {
        utf8.withContiguousStorageIfAvailable(Self.unspaced) ?? Array(utf8).withUnsafeBufferPointer(Self.unspaced)
    }

    /// The byte range of `bytes` without the trimmed spaces at either end.
    private static func unspaced(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0, end = bytes.count
        while start < end, let width = trimmedSpaceWidth(bytes, startingAt: start) { start += width }
        while end > start, let width = trimmedSpaceWidth(bytes, endingAt: end) { end -= width }
        return start..<end
    }

    /// The UTF-8 length of a trimmed space (space, tab, form feed, U+00A0, U+3000) that
    /// starts at `start`, or nil.
    private static func trimmedSpaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, startingAt start: Int) -> Int? {
        switch bytes[start] {
        case 0x20, 0x09, 0x0C: 1
        case 0xC2 where start + 1 < bytes.count && bytes[start + 1] == 0xA0: 2
        case 0xE3 where start + 2 < bytes.count && bytes[start + 1] == 0x80 && bytes[start + 2] == 0x80: 3
        default: nil
        }
    }

    /// The UTF-8 length of a trimmed space that ends at `end`, or nil.
    private static func trimmedSpaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int? {
        switch bytes[end - 1] {
        case 0x20, 0x09, 0x0C: 1
        case 0xA0 where end >= 2 && bytes[end - 2] == 0xC2: 2
        case 0x80 where end >= 3 && bytes[end - 2] == 0x80 && bytes[end - 3] == 0xE3: 3
        default: nil
        }
    }

    /// Whether `needle` occurs in the text, compared byte for byte in UTF-8 (which, for
    /// valid UTF-8, is comparing scalars).
    func contains(utf8 needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { needle in
            needle.isEmpty || (utf8.withContiguousStorageIfAvailable { $0.firstOffset(of: needle) != nil }
                ?? Array(utf8).withUnsafeBufferPointer { $0.firstOffset(of: needle) != nil })
        }
    }
}

extension BidirectionalCollection<Unicode.Scalar> {
    /// `hasPrefix` and `hasSuffix` scalar for scalar: comparing Characters would break
    /// graphemes and normalize, for the CJK labels and units the readers look for, where
    /// that changes nothing.
    func hasPrefix(_ prefix: String) -> Bool { starts(with: prefix.unicodeScalars) }

    func hasSuffix(_ suffix: String) -> Bool { reversed().starts(with: suffix.unicodeScalars.reversed()) }
}

extension Sequence<Unicode.Scalar> {
    /// Whether there are more than `limit` scalars, without counting a long line to its end.
    func isLonger(than limit: Int) -> Bool {
        var count = 0
        for _ in self {
            count += 1
            if count > limit { return true }
        }
        return false
    }
}

extension String {
    /// The first scalar, or the first but an ASCII space, decoded from the UTF-8 bytes: the
    /// scalar view's `first` and `first(where:)` cost some 80 instructions a call, and the
    /// joining of scraped lines asks them of every line.
    func firstScalar(skippingSpaces: Bool = false) -> Unicode.Scalar? {
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Unicode.Scalar? in
            var k = 0
            while skippingSpaces, k < bytes.count, bytes[k] == 0x20 { k += 1 }
            return Self.scalar(in: bytes, at: k)
        }
        return found ?? (skippingSpaces ? unicodeScalars.first { $0 != " " } : unicodeScalars.first)
    }

    /// The last scalar, or the last but an ASCII space, decoded from the UTF-8 bytes.
    func lastScalar(skippingSpaces: Bool = false) -> Unicode.Scalar? {
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Unicode.Scalar? in
            var end = bytes.count
            while skippingSpaces, end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            guard end > 0 else { return nil }
            // Back over continuation bytes (10xxxxxx) to the scalar's first.
            var k = end - 1
            while k > 0, end - k < 4, bytes[k] & 0xC0 == 0x80 { k -= 1 }
            return Self.scalar(in: bytes, at: k)
        }
        return found ?? (skippingSpaces ? unicodeScalars.last { $0 != " " } : unicodeScalars.last)
    }

    /// The scalar whose UTF-8 bytes start at `k` (a String's bytes are valid UTF-8).
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at k: Int) -> Unicode.Scalar? {
        guard k < bytes.count else { return nil }
        var iterator = bytes[k...].makeIterator()
        var decoder = Unicode.UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}

extension Unicode.Scalar {
    /// 0 to 9 only: 万 and 亿 are numbers to Unicode, and units to a report.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }

    /// A CJK Unified Ideograph of the basic block (U+4E00–U+9FFF): every Chinese character
    /// of a report's labels.
    var isIdeograph: Bool { (0x4E00...0x9FFF).contains(value) }

    /// A character set about two positions wide (CJK, full-width forms), as pdftotext's layout
    /// lays it out.
    var isWide: Bool {
        switch value {
        case 0x2E80...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}

extension UInt8 {
    /// The value of an ASCII hex digit (0–9, A–F, a–f).
    var hexDigitValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

extension String {
    /// The years the text names as four digits before 年, 1900–2099, not inside a longer
    /// number (2022年度“三公”经费预算较2021年度增加… → 2022, 2021), found on the bytes.
    var namedYears: [Int] {
        var text = self
        let nian: [UInt8] = [0xE5, 0xB9, 0xB4]  // 年
        return text.withUTF8 { bytes in
            nian.withUnsafeBufferPointer { nian in
                var years: [Int] = []
                var from = 0
                while let found = UnsafeBufferPointer(rebasing: bytes[from...]).firstOffset(of: nian) {
                    let i = from + found
                    from = i + 3
                    guard i >= 4, i == 4 || !(0x30...0x39).contains(bytes[i - 5]) else { continue }
                    var year = 0
                    for k in (i - 4)..<i {
                        guard (0x30...0x39).contains(bytes[k]) else { year = 0; break }
                        year = year * 10 + Int(bytes[k] - 0x30)
                    }
                    if (1900...2099).contains(year) { years.append(year) }
                }
                return years
            }
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// A count over the bytes, eight at a time: `perWord` counts a word of eight bytes, and
    /// `perByte` each byte of the tail. Loops with a condition a byte are not vectorized for
    /// the x86-64 baseline the package builds for, and every line of a report is measured.
    @inline(__always)
    private func countBytes(perWord: (UInt64) -> Int, perByte: (UInt8) -> Int) -> Int {
        guard let base = baseAddress else { return 0 }
        var total = 0, i = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= count {
            total &+= perWord(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        while i < count {
            total &+= perByte(base[i])
            i += 1
        }
        return total
    }

    /// The columns the bytes' text takes in a fixed-width rendering, as pdftotext lays a page
    /// out: 1 for an ASCII byte, 2 for a scalar past it (by its lead byte, C0–FF; the bytes
    /// after it, 80–BF, count none).
    var columns: Int {
        let high: UInt64 = 0x8080_8080_8080_8080
        return countBytes(perWord: { word in
            // A byte's bit 6 shifted to its bit 7, where a lead byte has both.
            (~word & high).nonzeroBitCount &+ 2 &* (word & word << 1 & high).nonzeroBitCount
        }, perByte: { byte in byte < 0x80 ? 1 : byte >= 0xC0 ? 2 : 0 })
    }

    /// How many bytes are below 0x20 (the C0 controls, TAB, LF and CR among them).
    var belowSpace: Int {
        countBytes(perWord: { word in
            // A byte whose three high bits are clear, told as a zero byte is: adding 7F to
            // each of its low seven bits sets bit 7 unless all are clear (no carry crosses
            // a byte, as only bits 5 and 6 can be set).
            let top = word & 0xE0E0_E0E0_E0E0_E0E0
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            return (~((top & low) &+ low | top) & ~low).nonzeroBitCount
        }, perByte: { byte in byte < 0x20 ? 1 : 0 })
    }

    /// Where `needle` first occurs, byte for byte (nil for an empty needle): its last byte
    /// found with memchr, the rest compared with memcmp. The last, as a CJK character's lead
    /// byte is one of six, where its last is one of 64: memchr for the first stopped at nearly
    /// every character. Collection.firstRange(of:), generic, cost a tenth of a text report's
    /// parse when every table's title lines were searched with it.
    func firstOffset(of needle: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let last = needle.last, needle.count <= count else { return nil }
        let base = baseAddress!, tail = needle.count - 1
        var i = tail  // where the needle's last byte may stand
        while i < count, let found = memchr(base + i, Int32(last), count - i) {
            i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + i - tail, needle.baseAddress!, tail) == 0 { return i - tail }
            i += 1
        }
        return nil
    }

    /// Whether both hold the same bytes, compared with memcmp (`elementsEqual`, generic,
    /// steps through both a byte at a time).
    func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        count == other.count && (count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }
}

extension String {
    /// Whether the UTF-8 byte `byte` occurs in the text past its first `offset` bytes: with
    /// memchr, as every line of a text report is asked (Sequence.contains, generic, cost 7
    /// instructions a byte). On String, not StringProtocol: a generic call looks up type
    /// metadata each time.
    func contains(utf8 byte: UInt8, after offset: Int = 0) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.count > offset && memchr($0.baseAddress! + offset, Int32(byte), $0.count - offset) != nil }
            ?? utf8.dropFirst(offset).contains(byte)
    }

    /// Whether the text ends with `suffix`'s UTF-8 bytes, compared with memcmp (a reversed
    /// view's `starts(with:)`, generic, cost 9 M instructions a 10 MB report in one test).
    func hasSuffix(utf8 suffix: String) -> Bool {
        var suffix = suffix
        return suffix.withUTF8 { tail in
            utf8.withContiguousStorageIfAvailable { bytes in
                bytes.count >= tail.count && UnsafeBufferPointer(rebasing: bytes.suffix(tail.count)).hasSameBytes(as: tail)
            } ?? utf8.reversed().starts(with: tail.reversed())
        }
    }

    /// Whether both hold the same UTF-8 bytes. String's own `==` compares canonical
    /// equivalence: e and a combining acute equal é, which folding tells apart. With
    /// memcmp where both have their bytes in one piece, as native strings do (the UTF-8
    /// views compared element by element cost more than a word lookup's rest).
    func hasSameUTF8(as other: String) -> Bool {
        let contiguous = utf8.withContiguousStorageIfAvailable { x in
            other.utf8.withContiguousStorageIfAvailable { y in x.hasSameBytes(as: y) }
        }
        return contiguous.flatMap { $0 } ?? utf8.elementsEqual(other.utf8)
    }
}

/// A word hashed and compared by its UTF-8 bytes, for word lists looked up many times
/// per figure. Folded text is NFKC already; String's own hashing and comparison would
/// normalize every CJK word again on each lookup. The bytes are hashed once, when the
/// word is made: a clause's word is looked up in several lists.
struct Word: Hashable, Sendable, ExpressibleByStringLiteral {
    let string: String
    /// FNV-1a of the UTF-8 bytes.
    fileprivate let key: UInt64

    init(_ string: String) {
        var string = string
        key = string.withUTF8(Self.key)
        self.string = string
    }

    /// The word of valid UTF-8 `bytes`, made from them directly: a token's text, not
    /// a String cut from its clause first.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        key = Self.key(bytes)
        string = String(decoding: bytes, as: UTF8.self)
    }

    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    init(stringLiteral string: String) { self.init(string) }

    static func == (a: Word, b: Word) -> Bool { a.key == b.key && a.string.hasSameUTF8(as: b.string) }

    func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// A fixed list of words, looked up by the key each word carries: a lookup hashes
/// nothing (a `Set` would run the standard hasher over the key each time).
struct WordSet: ExpressibleByArrayLiteral, Sendable {
    /// Open addressing, linear probing; at most half full, so a probe always ends.
    private let slots: [Word?]

    init(arrayLiteral words: Word...) { self.init(words) }

    init(_ words: [Word]) {
        var size = 8
        while size < 2 * words.count { size *= 2 }
        var slots = [Word?](repeating: nil, count: size)
        for word in words {
            var i = Self.start(of: word, size: size)
            while let held = slots[i], held != word { i = (i + 1) & (size - 1) }
            slots[i] = word
        }
        self.slots = slots
    }

    private static func start(of word: Word, size: Int) -> Int {
        Int(truncatingIfNeeded: word.key ^ (word.key >> 32)) & (size - 1)
    }

    func contains(_ word: Word) -> Bool {
        var i = Self.start(of: word, size: slots.count)
        while let held = slots[i] {
            if held == word { return true }
            i = (i + 1) & (slots.count - 1)
        }
        return false
    }

    func contains(_ text: String) -> Bool { contains(Word(text)) }
}

/// How ASCII commas group the digits at the start of a number's code units (UTF-8 bytes or
/// UTF-16 units): the commas' count and where its digits and commas end; nil when a comma
/// groups no thousands (a first group of more than three digits, a later one of other than
/// three: 2021,2022, 12,34).
func thousandsGrouping<C: Collection>(_ units: C) -> (commas: Int, end: C.Index)? where C.Element: FixedWidthInteger {
    var run = 0, commas = 0
    var i = units.startIndex
    while i < units.endIndex {
        let unit = units[i]
        if unit == 0x2C {
            guard commas == 0 ? (1...3).contains(run) : run == 3 else { return nil }
            commas += 1
            run = 0
        } else if unit >= 0x30 && unit <= 0x39 {
            run += 1
        } else {
            break
        }
        i = units.index(after: i)
    }
    return commas > 0 && run != 3 ? nil : (commas, i)
}
