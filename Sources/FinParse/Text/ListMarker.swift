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
        /// 一、 二、 … 十一、, and 一. 一．
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

    private static func isLeading(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{0C}" }

    /// What follows the marker in `text`, the text it was scanned from.
    func rest(of text: String) -> Substring {
        text[text.utf16.index(text.utf16.startIndex, offsetBy: range.upperBound)...]
    }

    /// Reads a marker at the start of `text` (after leading spaces, and the form feed that
    /// opens a page's first line in pdftotext's text), or returns nil.
    public static func scan(_ text: String) -> ListMarker? {
        // Most lines start with a word: answered before anything is built.
        guard let first = text.unicodeScalars.first(where: { !isLeading($0) }), mayStart(first) else { return nil }
        // Unicode scalars, not Characters: this runs on every line, and the marker
        // characters are all single scalars. A marker is a few of them: look no further.
        var read: [Unicode.Scalar] = []
        read.reserveCapacity(16)
        var leading = 0
        for scalar in text.unicodeScalars {
            if read.isEmpty && isLeading(scalar) {
                leading += 1
                continue
            }
            read.append(scalar)
            if read.count == 12 { break }
        }
        // A constant for the functions below: a variable they capture is checked for
        // exclusive access at every read, 0.2% of a text report's parse.
        let scalars = read
        guard let c = scalars.first else { return nil }

        func make(_ style: Style, _ number: Int, end: Int) -> ListMarker {
            let length = scalars[..<end].reduce(0) { $0 + UTF16.width($1) }
            // Its text from UTF-8 on the stack (12 scalars at the most): a scalar appended to a
            // String at a time cost hundreds of instructions.
            let body = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * end) { buffer in
                var count = 0
                for scalar in scalars[..<end] where scalar != " " && scalar != "\t" {
                    UTF8.encode(scalar) { buffer[count] = $0; count += 1 }
                }
                return String(decoding: UnsafeMutableBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
            }
            let start = leading // spaces, tabs and form feeds are one UTF-16 unit each
            return ListMarker(style: style, number: number, text: body, range: start..<(start + length))
        }
        // Stray spaces inside a marker (第 三 部分, （ 一 ）, 1 、) are skipped.
        func skip(_ k: Int) -> Int {
            var k = k
            while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" { k += 1 }
            return k
        }
        func numeral(from start: Int, chinese: Bool) -> (Int, Int)? {
            let j = skip(start)
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
        /// The end of `scalar` when it follows `k` after optional spaces.
        func after(_ k: Int, _ scalar: Unicode.Scalar) -> Int? { follows(skip(k), scalar) ? skip(k) + 1 : nil }

        // 第X部分
        if c == "第", let (n, k) = numeral(from: 1, chinese: true) ?? numeral(from: 1, chinese: false),
           let bu = after(k, "部"), follows(bu, "分") {
            return make(.part, n, end: bu + 1)
        }
        // （一） (一) （1） (1)
        if c == "(" {
            if let (n, k) = numeral(from: 1, chinese: true), let end = after(k, ")") {
                return make(.parenthesizedChineseNumber, n, end: end)
            }
            if let (n, k) = numeral(from: 1, chinese: false), let end = after(k, ")") {
                return make(.parenthesizedArabicNumber, n, end: end)
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
        // 十一、, and 一. 一． as some reports type it (not 三.五)
        if let (n, k) = numeral(from: 0, chinese: true) {
            if let end = after(k, "、") { return make(.chineseNumber, n, end: end) }
            if follows(k, "."), !(k + 1 < scalars.count && ChineseNumeral.isNumeral(scalars[k + 1])) {
                return make(.chineseNumber, n, end: k + 1)
            }
        }
        // 1、 1. (but not 1.5万元, a decimal)
        if let (n, k) = numeral(from: 0, chinese: false) {
            if let end = after(k, "、") { return make(.arabicNumber, n, end: end) }
            if follows(k, "."), !(k + 1 < scalars.count && asciiDigit(scalars[k + 1]) != nil) {
                return make(.arabicNumber, n, end: k + 1)
            }
        }
        return nil
    }

    /// Whether a marker may start with `scalar`: 第, a paren, a digit, a Chinese numeral or
    /// an enclosed number.
    static func mayStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x28, 0x30...0x39, 0x7B2C, 0x2460...0x249B, 0x3220...0x3229: true  // ( 0-9 第 ①⑴⒈ ㈠
        default: ChineseNumeral.isNumeral(scalar)
        }
    }

    private static func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= 0x30 && scalar.value <= 0x39 ? Int(scalar.value - 0x30) : nil
    }
}
