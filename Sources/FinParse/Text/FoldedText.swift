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
public struct FoldedText: Sendable, Hashable {
    /// The line of the input where the text starts (1-based).
    public let line: Int
    /// The text as written in the input.
    public let original: String
    /// The folded text.
    public let text: String
    /// The folded text in UTF-16, as ICU takes it.
    let utf16: [UInt16]
    /// The original text in UTF-16, which the offsets index.
    let originalUTF16: [UInt16]
    /// For each UTF-16 unit of `utf16`, the UTF-16 offset in `original` where its source begins.
    let sourceOffsets: [Int32]

    public init(_ original: String, line: Int) {
        self.line = line
        self.original = original
        let source = Array(original.utf16)
        var folded = [UInt16]()
        var offsets = [Int32]()
        if source.allSatisfy({ $0 < 0x80 && $0 != 0 }) {
            folded = source
            offsets = (0..<Int32(source.count)).map { $0 }
        } else {
            var capacity = source.count * 2 + 8
            while true {
                folded = [UInt16](repeating: 0, count: capacity)
                offsets = [Int32](repeating: 0, count: capacity)
                var length: Int32 = 0
                let status = fp_fold(source, Int32(source.count), &folded, &offsets, Int32(capacity), &length)
                if status == Int32(FP_ERR_BUFFER) { capacity *= 2; continue }
                if status != Int32(FP_OK) {
                    // ICU's normalizer cannot fail on valid UTF-16; keep the text unfolded if it ever does.
                    folded = source
                    offsets = (0..<Int32(source.count)).map { $0 }
                    break
                }
                folded.removeSubrange(Int(length)...)
                offsets.removeSubrange(Int(length)...)
                break
            }
        }
        utf16 = folded
        originalUTF16 = source
        sourceOffsets = offsets
        text = String(decoding: folded, as: UTF16.self)
    }

    /// The original spelling of the folded UTF-16 range `range`.
    public func originalText(of range: Range<Int>) -> String {
        String(decoding: originalUTF16[originalRange(of: range)], as: UTF16.self)
    }

    /// The UTF-16 range in `original` that folded to `range`.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty, range.lowerBound < sourceOffsets.count else {
            let at = range.lowerBound < sourceOffsets.count ? Int(sourceOffsets[range.lowerBound]) : originalUTF16.count
            return at..<at
        }
        let start = Int(sourceOffsets[range.lowerBound])
        let end = range.upperBound < sourceOffsets.count ? Int(sourceOffsets[range.upperBound]) : originalUTF16.count
        return start..<max(start, end)
    }

    /// The location in the input of the folded UTF-16 offset `offset`.
    public func location(ofFoldedOffset offset: Int) -> SourceLocation {
        let column = offset < sourceOffsets.count ? Int(sourceOffsets[offset]) : originalUTF16.count
        return SourceLocation(line: line, column: column + 1)
    }
}

extension String {
    /// Trims the spaces folding leaves at either end (ASCII space and tab, which is
    /// what ideographic and no-break spaces become).
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}

/// Splits decoded text into lines on LF, CRLF or a lone CR, as the input had them.
func splitLines(_ text: String) -> [Substring] {
    var lines = [Substring]()
    var start = text.startIndex
    var i = text.startIndex
    let utf8 = text.utf8
    var u = utf8.startIndex
    while u < utf8.endIndex {
        let byte = utf8[u]
        if byte == 0x0A || byte == 0x0D {
            i = u
            lines.append(text[start..<i])
            var next = utf8.index(after: u)
            if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            start = next
            u = next
        } else {
            u = utf8.index(after: u)
        }
    }
    if start < text.endIndex { lines.append(text[start...]) }
    return lines
}
