import CICU
import Synchronization

/// A token of folded text, with where it stands in the folded text and in the input.
public struct Token: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A run of Chinese characters or letters, as ICU's dictionary segments it.
        case word
        /// Digits with their decimal point and grouping commas: 2553.52, 1,234.56.
        case number
        /// % (folded from ％ too).
        case percentSign
        /// A money unit: 元, 万元, 亿元 (ICU splits 万元 into 万/元; they are joined here).
        case unit
        /// ≥ > ≤ < = (≧ and ≦ included).
        case comparator
        case punctuation
        /// A list or heading marker at the start of the line (十一、, （1）); see ``ListMarker``.
        case enumerator
        case space
    }

    public var kind: Kind
    /// The folded text of the token. In letter-spaced text (合 计 2946.25 万 元) a word keeps
    /// the spaces between its characters.
    public var text: String
    /// The UTF-16 range of the token in the folded text.
    public var range: Range<Int>
    /// The token as written in the input.
    public var original: String
    /// Where the token starts in the input.
    public var location: SourceLocation
}

/// Splits text into typed tokens with ICU's word segmentation (UBRK_WORD, zh).
///
/// A tokenizer owns an ICU break iterator, which is not safe to share between
/// threads: make one per thread (creating one after the first is cheap: the
/// iterator is cloned from a shared template).
public final class Tokenizer {
    private let breaker: OpaquePointer
    private var ends: [Int32] = []
    private var statuses: [Int32] = []
    /// ICU's segments, before markers and units are made tokens of them: kept from one call
    /// to the next, as the figure pass segments every clause with a number.
    private var raw: [(Token.Kind, Range<Int>)] = []

    private static let template = Mutex<OpaquePointer?>(nil)

    public init() {
        breaker = Self.template.withLock { template -> OpaquePointer in
            var status: Int32 = 0
            if template == nil { template = fp_word_breaker_open(&status) }
            guard let template, let clone = fp_word_breaker_clone(template, &status) else {
                fatalError("ICU's word break iterator could not be opened: is ICU's data library installed?")
            }
            return clone
        }
    }

    deinit { fp_word_breaker_close(breaker) }

    /// The tokens of one line (or cell) of input text.
    public func tokens(in line: String, lineNumber: Int = 1) -> [Token] {
        tokens(in: FoldedText(line, line: lineNumber))
    }

    /// The tokens of folded text.
    public func tokens(in folded: FoldedText) -> [Token] {
        let text = FoldMap(folded)
        return segments(of: text).map { kind, range in
            Token(kind: kind, text: String(text.text(of: range)), range: range,
                  original: String(text.originalText(of: range)), location: text.location(ofFoldedOffset: range.lowerBound))
        }
    }

    /// The kind and folded UTF-16 range of each token: what ``tokens(in:)`` is made of, for
    /// callers that look at a token's original spelling or location only now and then.
    func segments(of text: FoldMap) -> [(kind: Token.Kind, range: Range<Int>)] {
        // Letter-spaced text (本 年 收 入 合 计, as justified PDF text spreads a short line) is
        // segmented without the spaces between its characters, else each character would be
        // a word of its own; the tokens' ranges still cover the folded text, spaces and all.
        if let spaced = LetterSpacing(text.utf16) {
            let compact = spaced.compact
            return segments(of: compact, listedAs: String(decoding: compact, as: UTF16.self)).map { kind, range in
                (kind, spaced.positions[range.lowerBound]..<(spaced.positions[range.upperBound - 1] + 1))
            }
        }
        return segments(of: text.utf16, listedAs: text.folded.text)
    }

    /// The tokens of `units`, whose text `listed` is, as read for a list marker.
    private func segments(of units: [UInt16], listedAs listed: String) -> [(kind: Token.Kind, range: Range<Int>)] {
        guard !units.isEmpty else { return [] }
        if ends.count < units.count + 1 {
            ends = [Int32](repeating: 0, count: units.count + 1)
            statuses = [Int32](repeating: 0, count: units.count + 1)
        }
        var count = Int(fp_word_breaker_segment(breaker, units, Int32(units.count), &ends, &statuses, Int32(ends.count)))
        if count < 0 {
            // ICU failed on this text: it is one segment.
            ends[0] = Int32(units.count)
            statuses[0] = 0
            count = 1
        }

        // Taken out of the tokenizer while in use: a class's stored property has each access checked.
        var raw = self.raw
        self.raw = []
        defer { self.raw = raw }
        raw.removeAll(keepingCapacity: true)
        for k in 0..<count {
            let range = (k == 0 ? 0 : Int(ends[k - 1]))..<Int(ends[k])
            let status = statuses[k]
            if status >= 100 && status < 200 {
                // ICU lets ， and ； join two numbers (100，200): split them apart; and a comma
                // that groups no thousands (3125.40,3143.90; 2021,2022).
                let splitsAtComma = !Self.groupsThousands(units[range])
                lazy var splitsAtWideComma = !Self.groupsThousandsWide(units[range])
                var start = range.lowerBound
                for i in range where units[i] == 0xFF0C && splitsAtWideComma || units[i] == 0xFF1B || splitsAtComma && units[i] == 0x2C {
                    if start < i { raw.append((.number, start..<i)) }
                    raw.append((.punctuation, i..<(i + 1)))
                    start = i + 1
                }
                if start < range.upperBound { raw.append((.number, start..<range.upperBound)) }
            } else if status >= 200 {
                raw.append((.word, range))
            } else {
                raw.append((Self.kind(ofNonWord: units[range.lowerBound]), range))
            }
        }

        var tokens: [(kind: Token.Kind, range: Range<Int>)] = []
        // A word with a unit glued to it makes two tokens.
        tokens.reserveCapacity(raw.count + 4)
        let marker = ListMarker.scan(listed)
        var i = 0
        if let marker {
            // The marker becomes one token, whatever ICU made of it.
            while i < raw.count, raw[i].1.upperBound <= marker.range.lowerBound {
                tokens.append(raw[i])
                i += 1
            }
            tokens.append((.enumerator, marker.range))
            while i < raw.count, raw[i].1.upperBound <= marker.range.upperBound { i += 1 }
            if i < raw.count, raw[i].1.lowerBound < marker.range.upperBound {
                tokens.append((raw[i].0, marker.range.upperBound..<raw[i].1.upperBound))
                i += 1
            }
        }
        while i < raw.count {
            let (kind, range) = raw[i]
            // The next token but spaces: justified PDF text spaces out 万 元 too.
            var next = i + 1
            while next < raw.count, raw[next].0 == .space { next += 1 }
            if kind == .word, let unit = Self.unitSpan(units, range: range, next: next < raw.count ? raw[next].1 : nil) {
                if unit.leading.lowerBound < unit.leading.upperBound {
                    tokens.append((.word, unit.leading))
                }
                tokens.append((.unit, unit.unit))
                i = unit.consumesNext ? next + 1 : i + 1
                continue
            }
            tokens.append((kind, range))
            i += 1
        }
        return tokens
    }

    /// Whether a number's ASCII commas, if any, group its thousands: 1,234.56 and 12,345,
    /// not 3125.40,3143.90 or 2021,2022.
    private static func groupsThousands(_ number: ArraySlice<UInt16>) -> Bool {
        guard number.contains(0x2C) else { return true }
        guard let grouping = thousandsGrouping(number) else { return false }
        // A comma after the decimal point groups nothing.
        return grouping.end == number.endIndex || number[grouping.end] == 0x2E && !number[grouping.end...].contains(0x2C)
    }

    /// Whether a number's full-width commas group its thousands, as typed in a full-width
    /// mode (1，234.56万元, １，２３４，５６７元): only where no list reads as well, a
    /// decimal part after the groups, two commas or a group that starts with 0 (1，020万元,
    /// as no list writes 020); 100，200万元 and 3125.40，3143.90 are lists.
    private static func groupsThousandsWide(_ number: ArraySlice<UInt16>) -> Bool {
        guard number.contains(0xFF0C), !number.contains(0x2C) else { return false }
        let ascii = number.map { $0 == 0xFF0C ? 0x2C : $0 }
        guard let grouping = thousandsGrouping(ascii) else { return false }
        let rest = ascii[grouping.end...]
        guard rest.isEmpty else { return rest.first == 0x2E && rest.count > 1 && !rest.contains(0x2C) }
        return grouping.commas >= 2 || zip(ascii, ascii.dropFirst()).contains { $0 == 0x2C && $1 == 0x30 }
    }

    private static func kind(ofNonWord unit: UInt16) -> Token.Kind {
        switch unit {
        case 0x20, 0x09: .space
        case 0x25: .percentSign
        case 0x3C, 0x3D, 0x3E, 0x2265, 0x2264, 0x2267, 0x2266: .comparator
        default: .punctuation
        }
    }

    private static let yuan: UInt16 = 0x5143    // 元
    private static let wan: UInt16 = 0x4E07     // 万
    private static let yi: UInt16 = 0x4EBF      // 亿

    /// Finds a money unit at the end of a word token: 元, 万元 (one token, or 万 then
    /// 元, spaces between), 亿元. ICU's dictionary sometimes glues the unit to the word before it.
    private static func unitSpan(_ units: [UInt16], range: Range<Int>, next: Range<Int>?)
        -> (leading: Range<Int>, unit: Range<Int>, consumesNext: Bool)?
    {
        let last = units[range.upperBound - 1]
        if last == yuan {
            var start = range.upperBound - 1
            if start > range.lowerBound, units[start - 1] == wan || units[start - 1] == yi { start -= 1 }
            // Only a bare unit, a unit right after a number, or one after numerals (三千元, one
            // word to ICU) is a unit: 元旦 and 单元 are words.
            guard units[range.lowerBound..<start].allSatisfy({ Unicode.Scalar($0).map(ChineseNumeral.isAmountNumeral) == true }) else { return nil }
            return (range.lowerBound..<start, start..<range.upperBound, false)
        }
        if (last == wan || last == yi), range.count == 1, let next, next.count == 1, units[next.lowerBound] == yuan {
            return (range.lowerBound..<range.lowerBound, range.lowerBound..<next.upperBound, true)
        }
        return nil
    }
}

/// Text whose Chinese characters stand a space apart (本 年 收 入 合 计 2946.25 万 元 ， 其 中),
/// without those spaces: only when there is such a space for every two of its characters or
/// fewer, as one space between two words (财政所 预算不单列) is how page text parts cells.
private struct LetterSpacing {
    /// The text without the spaces between two Chinese characters or marks.
    var compact: [UInt16] = []
    /// For each unit of `compact`, its offset in the text.
    var positions: [Int] = []

    init?(_ units: [UInt16]) {
        func isChinese(_ unit: UInt16) -> Bool {
            (0x4E00...0x9FFF).contains(unit) || (0x3000...0x303F).contains(unit) || (0xFF01...0xFF5E).contains(unit)
        }
        func isSpacing(_ i: Int) -> Bool {
            units[i] == 0x20 && i > 0 && i + 1 < units.count && isChinese(units[i - 1]) && isChinese(units[i + 1])
        }
        let characters = units.count { (0x4E00...0x9FFF).contains($0) }
        let spaced = units.indices.count(where: isSpacing)
        guard spaced > 0, spaced * 2 >= characters else { return nil }
        compact.reserveCapacity(units.count)
        positions.reserveCapacity(units.count)
        for i in units.indices where !isSpacing(i) {
            compact.append(units[i])
            positions.append(i)
        }
    }
}
