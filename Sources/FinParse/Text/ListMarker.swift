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
        // Unicode scalars, not Characters: this runs on every line, and the marker
        // characters are all single scalars. A marker is a few of them: look no further.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(16)
        var leading = 0
        for scalar in text.unicodeScalars {
            if scalars.isEmpty && (scalar == " " || scalar == "\t") {
                leading += 1
                continue
            }
            scalars.append(scalar)
            if scalars.count == 12 { break }
        }
        guard let c = scalars.first else { return nil }

        func make(_ style: Style, _ number: Int, end: Int) -> ListMarker {
            var body = ""
            body.unicodeScalars.append(contentsOf: scalars[..<end])
            let start = leading // spaces and tabs are one UTF-16 unit each
            return ListMarker(style: style, number: number, text: body, range: start..<(start + body.utf16.count))
        }
        func numeral(from j: Int, chinese: Bool) -> (Int, Int)? {
            var k = j
            if chinese {
                while k < scalars.count, ChineseNumeral.isNumeral(scalars[k]) { k += 1 }
                guard k > j, let n = ChineseNumeral.value(of: scalars[j..<k]) else { return nil }
                return (n, k)
            }
            var n = 0
            while k < scalars.count, let d = asciiDigit(scalars[k]), k - j < 3 {
                n = n * 10 + d
                k += 1
            }
            guard k > j, k == scalars.count || asciiDigit(scalars[k]) == nil else { return nil }
            return (n, k)
        }
        func follows(_ k: Int, _ scalar: Unicode.Scalar) -> Bool { k < scalars.count && scalars[k] == scalar }

        // 第X部分
        if c == "第", let (n, k) = numeral(from: 1, chinese: true) ?? numeral(from: 1, chinese: false),
           follows(k, "部"), follows(k + 1, "分") {
            return make(.part, n, end: k + 2)
        }
        // （一） (一) （1） (1)
        if c == "(" {
            if let (n, k) = numeral(from: 1, chinese: true), follows(k, ")") {
                return make(.parenthesizedChineseNumber, n, end: k + 1)
            }
            if let (n, k) = numeral(from: 1, chinese: false), follows(k, ")") {
                return make(.parenthesizedArabicNumber, n, end: k + 1)
            }
            return nil
        }
        switch c.value {
        case 0x2460...0x2473: return make(.circledNumber, Int(c.value - 0x2460) + 1, end: 1)
        case 0x2474...0x2487: return make(.parenthesizedArabicNumber, Int(c.value - 0x2474) + 1, end: 1)
        case 0x2488...0x249B: return make(.arabicNumber, Int(c.value - 0x2488) + 1, end: 1)
        case 0x3220...0x3229: return make(.parenthesizedChineseNumber, Int(c.value - 0x3220) + 1, end: 1)
        default: break
        }
        // 十一、
        if let (n, k) = numeral(from: 0, chinese: true), follows(k, "、") {
            return make(.chineseNumber, n, end: k + 1)
        }
        // 1、 1. (but not 1.5万元, a decimal)
        if let (n, k) = numeral(from: 0, chinese: false) {
            if follows(k, "、") { return make(.arabicNumber, n, end: k + 1) }
            if follows(k, "."), !(k + 1 < scalars.count && asciiDigit(scalars[k + 1]) != nil) {
                return make(.arabicNumber, n, end: k + 1)
            }
        }
        return nil
    }

    private static func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= 0x30 && scalar.value <= 0x39 ? Int(scalar.value - 0x30) : nil
    }
}
