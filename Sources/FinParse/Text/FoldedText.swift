import CICU

/// A piece of input text (a line, or a table cell's joined pieces) together with
/// its folded form and the map from one to the other.
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
public struct FoldedText: Sendable, Hashable {
    /// The line of the input where the text starts (1-based).
    public let line: Int
    /// The text as written in the input.
    public let original: String
    /// The folded text.
    public let text: String
    /// The folded text in UTF-16, as ICU takes it.
    let utf16: [UInt16]
    /// For each UTF-16 unit of the folded text (and one past the end), its offset in `text.utf8`.
    private let utf8Offsets: [Int32]
    /// For each UTF-16 unit of the folded text, the UTF-8 offset in `original` where its source begins.
    private let sourceOffsets: [Int32]
    /// The same places as `sourceOffsets`, counted in UTF-16 units of `original` (for columns).
    private let sourceColumns: [Int32]

    public init(_ original: String, line: Int) {
        var original = original
        original.makeContiguousUTF8()
        self.line = line
        self.original = original
        let length = original.utf8.count
        var capacity = 2 * length + 8
        while true {
            var dest16 = [UInt16](repeating: 0, count: capacity)
            var utf8Offsets = [Int32](repeating: 0, count: capacity + 1)
            var sourceOffsets = [Int32](repeating: 0, count: capacity)
            var sourceColumns = [Int32](repeating: 0, count: capacity)
            var dest8 = [UInt8](repeating: 0, count: 3 * capacity)
            var length16: Int32 = 0
            var length8: Int32 = 0
            let status = original.utf8.withContiguousStorageIfAvailable { source in
                source.withMemoryRebound(to: CChar.self) { src in
                    dest8.withUnsafeMutableBufferPointer { out in
                        out.withMemoryRebound(to: CChar.self) { dest in
                            fp_fold_utf8(src.baseAddress, Int32(src.count), &dest16, &utf8Offsets, &sourceOffsets,
                                         &sourceColumns, dest.baseAddress, Int32(capacity), &length16, &length8)
                        }
                    }
                }
            } ?? Int32(FP_ERR_ICU)
            if status == Int32(FP_ERR_BUFFER) {
                capacity *= 2
                continue
            }
            // fp_fold_utf8 fails otherwise only when ICU's normalization data is missing:
            // an installation fault, not something any input can cause.
            guard status == Int32(FP_OK) else { preconditionFailure("ICU's NFKC data is not available") }
            // Exact-size copies: the scratch buffers are sized for the worst case.
            let n = Int(length16)
            self.text = String(decoding: dest8[..<Int(length8)], as: UTF8.self)
            self.utf16 = Array(dest16[..<n])
            self.utf8Offsets = Array(utf8Offsets[...n])
            self.sourceOffsets = Array(sourceOffsets[..<n])
            self.sourceColumns = Array(sourceColumns[..<n])
            return
        }
    }

    /// The folded text of the UTF-16 range `range`.
    public func text(of range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: Int(utf8Offsets[range.lowerBound]))
        let end = utf8.index(utf8.startIndex, offsetBy: Int(utf8Offsets[range.upperBound]))
        return text[start..<end]
    }

    /// The original spelling of the folded UTF-16 range `range`.
    public func originalText(of range: Range<Int>) -> Substring {
        let utf8 = original.utf8
        let span = originalUTF8Range(of: range)
        return original[utf8.index(utf8.startIndex, offsetBy: span.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: span.upperBound)]
    }

    /// The UTF-8 range in `original` that folded to `range`.
    private func originalUTF8Range(of range: Range<Int>) -> Range<Int> {
        let count = sourceOffsets.count
        let end8 = original.utf8.count
        let start = range.lowerBound < count ? Int(sourceOffsets[range.lowerBound]) : end8
        guard !range.isEmpty else { return start..<start }
        let end = range.upperBound < count ? Int(sourceOffsets[range.upperBound]) : end8
        return start..<max(start, end)
    }

    /// The location in the input of the folded UTF-16 offset `offset`.
    public func location(ofFoldedOffset offset: Int) -> SourceLocation {
        let column = offset < sourceColumns.count ? Int(sourceColumns[offset]) : original.utf16.count
        return SourceLocation(line: line, column: column + 1)
    }
}

extension StringProtocol {
    /// Trims the spaces folding leaves at either end (ASCII space and tab, which is
    /// what ideographic and no-break spaces become).
    var trimmingSpaces: SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}

extension FoldedText {
    /// The lines of decoded text, folded, numbered from 1. Lines end at LF, CRLF
    /// or a lone CR, as the input had them.
    public static func lines(of text: String) -> [FoldedText] {
        splitLines(text).enumerated().map { FoldedText(String($0.element), line: $0.offset + 1) }
    }
}

/// Splits decoded text into lines on LF, CRLF or a lone CR, as the input had them.
func splitLines(_ text: String) -> [Substring] {
    var lines = [Substring]()
    let utf8 = text.utf8
    var start = utf8.startIndex
    var u = utf8.startIndex
    while u < utf8.endIndex {
        let byte = utf8[u]
        if byte == 0x0A || byte == 0x0D {
            lines.append(text[start..<u])
            var next = utf8.index(after: u)
            if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            start = next
            u = next
        } else {
            u = utf8.index(after: u)
        }
    }
    if start < utf8.endIndex { lines.append(text[start...]) }
    return lines
}
