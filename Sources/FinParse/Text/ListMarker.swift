/// A list or heading marker at the start of a line: 第三部分, 十一、, （一）, 1、, （1）, ①.
///
/// Markers are read from folded text, so full-width and half-width spellings
/// (（一） and (一), １、 and 1、) are one marker; enclosed numbers (①, ⑴) survive
/// folding on purpose and are read here.
public struct ListMarker: Sendable, Hashable {
    /// The marker families, from the outermost level reports use to the innermost.
    public enum Style: Int, Sendable, Hashable, Comparable, CaseIterable {
        /// 第一部分 … 第十部分.
        case part
        /// 一、 二、 … 十一、
        case chineseNumber
        /// （一） (一)
        case parenthesizedChineseNumber
        /// 1、 1. 1．
        case arabicNumber
        /// （1） (1) ⑴
        case parenthesizedArabicNumber
        /// ① ②
        case circledNumber

        public static func < (a: Style, b: Style) -> Bool { a.rawValue < b.rawValue }
    }

    public var style: Style
    /// The ordinal the marker denotes (十一、 → 11).
    public var number: Int
    /// The marker as it stands in the folded text, without surrounding spaces.
    public var text: String
    /// The UTF-16 range of the marker in the folded text (leading spaces excluded).
    public var range: Range<Int>

    /// Reads a marker at the start of `text` (after leading spaces), or returns nil.
    public static func scan(_ text: String) -> ListMarker? {
        // A marker is a few characters after the leading spaces: look no further.
        let leading = text.prefix { $0 == " " || $0 == "\t" }.count
        let chars = Array(text.prefix(leading + 12))
        var i = 0
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        let start = i
        guard i < chars.count else { return nil }

        func make(_ style: Style, _ number: Int, end: Int) -> ListMarker {
            let prefix = String(chars[0..<start]).utf16.count
            let body = String(chars[start..<end])
            return ListMarker(style: style, number: number, text: body, range: prefix..<(prefix + body.utf16.count))
        }
        func numeral(from j: Int, chinese: Bool) -> (Int, Int)? {
            var k = j
            if chinese {
                while k < chars.count, ChineseNumeral.isNumeral(chars[k]) { k += 1 }
                guard k > j, let n = ChineseNumeral.value(of: String(chars[j..<k])) else { return nil }
                return (n, k)
            }
            while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
            guard k > j, k - j <= 3, let n = Int(String(chars[j..<k])) else { return nil }
            return (n, k)
        }

        let c = chars[i]
        // 第X部分
        if c == "第", let (n, k) = numeral(from: i + 1, chinese: true) ?? numeral(from: i + 1, chinese: false),
           k + 1 < chars.count, chars[k] == "部", chars[k + 1] == "分" {
            return make(.part, n, end: k + 2)
        }
        // （一） (一) （1） (1)
        if c == "(" {
            if let (n, k) = numeral(from: i + 1, chinese: true), k < chars.count, chars[k] == ")" {
                return make(.parenthesizedChineseNumber, n, end: k + 1)
            }
            if let (n, k) = numeral(from: i + 1, chinese: false), k < chars.count, chars[k] == ")" {
                return make(.parenthesizedArabicNumber, n, end: k + 1)
            }
            return nil
        }
        if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 {
            switch scalar.value {
            case 0x2460...0x2473: return make(.circledNumber, Int(scalar.value - 0x2460) + 1, end: i + 1)
            case 0x2474...0x2487: return make(.parenthesizedArabicNumber, Int(scalar.value - 0x2474) + 1, end: i + 1)
            case 0x2488...0x249B: return make(.arabicNumber, Int(scalar.value - 0x2488) + 1, end: i + 1)
            case 0x3220...0x3229: return make(.parenthesizedChineseNumber, Int(scalar.value - 0x3220) + 1, end: i + 1)
            default: break
            }
        }
        // 十一、
        if let (n, k) = numeral(from: i, chinese: true), k < chars.count, chars[k] == "、" {
            return make(.chineseNumber, n, end: k + 1)
        }
        // 1、 1. (but not 1.5万元, a decimal)
        if let (n, k) = numeral(from: i, chinese: false), k < chars.count {
            if chars[k] == "、" { return make(.arabicNumber, n, end: k + 1) }
            if chars[k] == ".", k + 1 < chars.count, !(chars[k + 1].isASCII && chars[k + 1].isNumber) {
                return make(.arabicNumber, n, end: k + 1)
            }
        }
        return nil
    }
}
