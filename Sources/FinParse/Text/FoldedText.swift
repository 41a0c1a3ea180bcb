import CICU
#if canImport(Glibc)
import Glibc
#endif

/// A piece of input text (a line, or a table cell's joined pieces) together with
/// its folded form.
///
/// Folding is what every later stage matches on: NFKC turns full-width digits,
/// letters and signs (２５５３．５２, ％, ＞, （）, ：) and ideographic and
/// no-break spaces into their ASCII forms, and format characters (U+200B, U+FEFF …)
/// are dropped. Three things are kept as written: the full-width comma and
/// semicolon (，；), which separate clauses in Chinese and must not read as a
/// thousands separator between two figures, and enclosed numbers (①, ⑴), which
/// are list markers.
///
/// Ranges in the folded text are counted in UTF-16 code units, as ICU counts them.
/// A folded text holds just its two strings; the map from folded to original
/// positions is rebuilt when asked for (``FoldMap``), so a whole report's lines
/// stay small in memory.
public struct FoldedText: Sendable, Hashable {
    /// The line of the input where the text starts (1-based).
    public let line: Int
    /// The text as written in the input.
    public let original: String
    /// The folded text.
    public let text: String
    /// Where each line of a text joined from several starts in `original` (a paragraph that
    /// pdftotext wrapped): empty for a text of one line.
    let lineStarts: [LineStart]

    public init(_ original: String, line: Int) {
        self.init(original, line: line, lineStarts: [])
    }

    /// A text joined from lines, each starting in `original` where `lineStarts` says.
    init(_ original: String, line: Int, lineStarts: [LineStart]) {
        self.line = line
        self.original = original
        text = Folding.fold(original, mapped: false).text
        self.lineStarts = lineStarts
    }

    fileprivate init(_ original: String, folded: String, line: Int) {
        self.line = line
        self.original = original
        text = folded
        lineStarts = []
    }

    /// The original spelling of the folded UTF-16 range `range`. Builds the map:
    /// to ask for many ranges of one text, use ``FoldMap``.
    public func originalText(of range: Range<Int>) -> Substring {
        FoldMap(self).originalText(of: range)
    }

    /// The location in the input of the folded UTF-16 offset `offset`.
    public func location(ofFoldedOffset offset: Int) -> SourceLocation {
        FoldMap(self).location(ofFoldedOffset: offset)
    }
}

/// Where one of the lines of a joined text starts in it, so that what stands on that line
/// (a figure, a token) names it and its column there.
struct LineStart: Sendable, Hashable {
    /// Offsets in the joined original, in UTF-8 bytes and in UTF-16 units.
    var utf8: Int32
    var utf16: Int32
    /// The input line.
    var line: Int32
    /// UTF-16 units before the text on its line: the indent that joining trimmed.
    var indent: Int32

    /// The input line of the UTF-8 offset `offset` of a joined text, nil for a text of one line.
    static func line(atOffset offset: Int, in starts: [LineStart]) -> Int? {
        starts.last { Int($0.utf8) <= offset }.map { Int($0.line) }
    }
}

/// The map between a folded text and its original, for tokens and figures that
/// must say how they were written and where they stand.
public struct FoldMap: Sendable {
    public let folded: FoldedText
    /// The folded text in UTF-16, as ICU takes it.
    let utf16: [UInt16]
    /// Three maps in one buffer, each by UTF-16 unit of the folded text: its offset in
    /// `text.utf8` (and one past the end), then the UTF-8 offset in `original` where its
    /// source begins, then the same place in UTF-16 units of `original` (for columns). The
    /// last two are left out where every unit is its own source, as on most lines: a map
    /// is made for every clause with a number, and one buffer is one allocation.
    private let offsets: [Int32]

    public init(_ folded: FoldedText) {
        self.init(folded, maps: Folding.fold(folded.original, mapped: true))
    }

    /// The folded text of `original` with its map, folded once for both.
    init(_ original: String, line: Int) {
        let maps = Folding.fold(original, mapped: true)
        self.init(FoldedText(original, folded: maps.text, line: line), maps: maps)
    }

    private init(_ folded: FoldedText, maps: Folding.Result) {
        self.folded = folded
        utf16 = maps.utf16
        offsets = maps.offsets
    }

    private func utf8Offset(_ offset: Int) -> Int { Int(offsets[offset]) }

    /// Whether the two source maps are stored: some unit is not its own source.
    private var storesSources: Bool { offsets.count > utf16.count + 1 }

    /// The folded text of the UTF-16 range `range`.
    public func text(of range: Range<Int>) -> Substring {
        let text = folded.text
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: utf8Offset(range.lowerBound))
        let end = utf8.index(utf8.startIndex, offsetBy: utf8Offset(range.upperBound))
        return text[start..<end]
    }

    /// The folded text of the UTF-16 range `range` as a word, without the spaces of
    /// letter-spaced text: 合 计 and 万 元 are 合计 and 万元.
    func word(of range: Range<Int>) -> Word {
        var text = folded.text
        let start = utf8Offset(range.lowerBound), end = utf8Offset(range.upperBound)
        let word = text.withUTF8 { bytes -> Word? in
            let bytes = UnsafeBufferPointer(rebasing: bytes[start..<end])
            return bytes.contains(0x20) ? nil : Word(utf8: bytes)
        }
        if let word { return word }
        var spaced = String(self.text(of: range))
        spaced.removeAll { $0 == " " }
        return Word(spaced)
    }

    /// The original spelling of the folded UTF-16 range `range`.
    public func originalText(of range: Range<Int>) -> Substring {
        let original = folded.original
        let utf8 = original.utf8
        let start = sourceOffset(ofFoldedOffset: range.lowerBound)
        let end = range.isEmpty ? start : sourceOffset(ofFoldedOffset: range.upperBound)
        return original[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: max(start, end))]
    }

    /// The UTF-8 offset in the original where the folded UTF-16 offset `offset` comes from.
    func sourceOffset(ofFoldedOffset offset: Int) -> Int {
        guard offset < utf16.count else { return folded.original.utf8.count }
        return storesSources ? Int(offsets[utf16.count + 1 + offset]) : utf8Offset(offset)
    }

    /// The location in the input of the folded UTF-16 offset `offset`.
    public func location(ofFoldedOffset offset: Int) -> SourceLocation {
        let column = offset >= utf16.count ? folded.original.utf16.count
            : storesSources ? Int(offsets[2 * utf16.count + 1 + offset]) : offset
        guard let start = folded.lineStarts.last(where: { Int($0.utf16) <= column }) else {
            return SourceLocation(line: folded.line, column: column + 1)
        }
        return SourceLocation(line: Int(start.line), column: column - Int(start.utf16) + Int(start.indent) + 1)
    }
}

/// The one call into ICU's folding (CICU's fp_fold_utf8), with scratch buffers
/// on the stack for ordinary lines.
enum Folding {
    struct Result {
        var text: String
        var utf16: [UInt16] = []
        /// As ``FoldMap`` keeps them.
        var offsets: [Int32] = []
    }

    static func fold(_ original: String, mapped: Bool) -> Result {
        var original = original
        original.makeContiguousUTF8()
        let length = original.utf8.count
        if !mapped, isIdentity(original) { return Result(text: original) }
        var capacity = 2 * length + 8
        while true {
            if let result = fold(original, capacity: capacity, mapped: mapped) { return result }
            capacity *= 2
        }
    }

    /// Whether folding gives `original` back as it is: most lines of a report, checked
    /// without building the folded copy.
    private static func isIdentity(_ original: String) -> Bool {
        original.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) { fp_fold_is_identity($0.baseAddress, Int32($0.count)) == 1 }
        } ?? false
    }

    /// nil when `capacity` was too small for the folded text.
    private static func fold(_ original: String, capacity: Int, mapped: Bool) -> Result? {
        // Without the maps, only the folded UTF-8 is written, and room made for it alone.
        withUnsafeTemporaryAllocation(of: UInt16.self, capacity: mapped ? capacity : 0) { dest16 in
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: mapped ? 3 * capacity + 1 : 0) { maps in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 3 * capacity) { dest8 in
            let utf8Offsets = mapped ? maps.baseAddress : nil
            let sourceOffsets = utf8Offsets.map { $0 + capacity + 1 }
            let sourceColumns = sourceOffsets.map { $0 + capacity }
            var length16: Int32 = 0
            var length8: Int32 = 0
            let status = original.utf8.withContiguousStorageIfAvailable { source in
                source.withMemoryRebound(to: CChar.self) { src in
                    dest8.withMemoryRebound(to: CChar.self) { dest in
                        fp_fold_utf8(src.baseAddress, Int32(src.count), mapped ? dest16.baseAddress : nil, utf8Offsets,
                                     sourceOffsets, sourceColumns, dest.baseAddress, Int32(capacity), &length16, &length8)
                    }
                }
            }
            if status == Int32(FP_ERR_BUFFER) { return nil }
            // Otherwise fp_fold_utf8 fails only when ICU's normalization data is missing:
            // an installation fault, not something any input can cause.
            guard status == Int32(FP_OK) else { preconditionFailure("ICU's NFKC data is not available") }
            let n = Int(length16)
            let folded = UnsafeBufferPointer(rebasing: dest8[..<Int(length8)])
            // Most lines fold to themselves: then the text shares the original's storage.
            let unchanged = original.utf8.withContiguousStorageIfAvailable { $0.hasSameBytes(as: folded) }
            var result = Result(text: unchanged == true ? original : String(decoding: folded, as: UTF8.self))
            if let utf8Offsets, let sourceOffsets, let sourceColumns {
                result.utf16 = Array(UnsafeBufferPointer(rebasing: dest16[..<n]))
                let ownSources = (0..<n).allSatisfy { sourceOffsets[$0] == utf8Offsets[$0] && sourceColumns[$0] == Int32($0) }
                result.offsets = Array(unsafeUninitializedCapacity: ownSources ? n + 1 : 3 * n + 1) { buffer, count in
                    buffer.baseAddress!.initialize(from: utf8Offsets, count: n + 1)
                    if !ownSources {
                        (buffer.baseAddress! + n + 1).initialize(from: sourceOffsets, count: n)
                        (buffer.baseAddress! + 2 * n + 1).initialize(from: sourceColumns, count: n)
                    }
                    count = buffer.count
                }
            }
            return result
        }
        }
        }
    }
}

extension FoldedText {
    /// Empty or only spaces. (In scraped tables a TAB alone is an empty cell: see
    /// `TextTableReader.isCellStart`.)
    public var isBlank: Bool { text.isSpacesOnly }

    /// The lines of decoded text, folded, numbered from 1. Lines end at LF, CRLF
    /// or a lone CR, as the input had them; a form feed inside a line starts a new one
    /// (a page), with the same number.
    public static func lines(of text: String) -> [FoldedText] {
        lines(of: text, from: 1)
    }

    /// The lines of text that starts on line `first` of a larger input (a web page's `<pre>`).
    static func lines(of text: String, from first: Int) -> [FoldedText] {
        var lines: [FoldedText] = []
        forEachLine(of: text) { lines.append(FoldedText(String($0), line: $1 + first - 1)) }
        return lines
    }
}

/// The number ``forEachLine(of:_:)`` gives the line that `utf8` ends on (one more for each LF,
/// CRLF or lone CR): for places found before there are lines, where decoding stopped.
func lineNumber(atEndOf utf8: some Sequence<UInt8>) -> Int {
    var line = 1
    var afterCR = false
    for byte in utf8 {
        if byte == 0x0D || (byte == 0x0A && !afterCR) { line += 1 }
        afterCR = byte == 0x0D
    }
    return line
}

/// Calls `body` with each line of decoded text, split on LF, CRLF or a lone CR as the input
/// had them, and its 1-based number. A form feed inside a line (pages joined by "\f" alone)
/// starts a line of its own, as pdftotext starts every page, numbered as the input line it is in.
/// The lines are handed over as they are found: a 50 MB report holds a million of them, and
/// arrays of their ranges and substrings cost more in fresh pages than the scan itself.
func forEachLine(of text: String, _ body: (Substring, Int) -> Void) {
    let utf8 = text.utf8
    let found: Void? = utf8.withContiguousStorageIfAvailable { bytes in
        guard let base = bytes.baseAddress else { return }
        // The next LF, CR and form feed, each found with memchr: a line is a long run of none
        // of them, which a loop over the bytes took 14 instructions a byte to cross.
        func next(_ byte: UInt8, from i: Int) -> Int {
            guard let found = memchr(base + i, Int32(byte), bytes.count - i) else { return bytes.count }
            return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
        }
        // UTF-8 offsets of a native string are its indices, found without walking it.
        func emit(_ start: Int, _ end: Int, _ number: Int) {
            body(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)], number)
        }
        var lf = next(0x0A, from: 0), cr = next(0x0D, from: 0), formFeed = next(0x0C, from: 0)
        var start = 0
        var number = 1
        while case let i = min(lf, cr, formFeed), i < bytes.count {
            if i == formFeed {
                if i > start {
                    emit(start, i, number)
                    start = i
                }
                formFeed = next(0x0C, from: i + 1)
                continue
            }
            emit(start, i, number)
            number += 1
            start = i + (bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1)
            if lf < start { lf = next(0x0A, from: start) }
            if cr < start { cr = next(0x0D, from: start) }
        }
        if start < bytes.count { emit(start, bytes.count, number) }
    }
    if found == nil {
        // A bridged or foreign string: split a native copy.
        var native = text
        native.makeContiguousUTF8()
        forEachLine(of: native, body)
    }
}
