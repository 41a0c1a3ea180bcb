import FoundationEssentials

/// Values of Chinese numerals as reports write them in markers and counts:
/// 一 … 九, 十, 百, 千, 零/〇, 两 (十一 → 11, 二十三 → 23, 一百零五 → 105).
enum ChineseNumeral {
    static func digit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "零", "〇": 0
        case "一", "壹": 1
        case "二", "两", "贰": 2
        case "三", "叁": 3
        case "四", "肆": 4
        case "五", "伍": 5
        case "六", "陆": 6
        case "七", "柒": 7
        case "八", "捌": 8
        case "九", "玖": 9
        default: nil
        }
    }

    static func multiplier(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "十", "拾": 10
        case "百", "佰": 100
        case "千", "仟": 1000
        default: nil
        }
    }

    static func isNumeral(_ c: Unicode.Scalar) -> Bool { digit(c) != nil || multiplier(c) != nil }

    /// Whether `c` may stand in an amount spelled in numerals (三百万元, 一千二百万元): a
    /// numeral, 万 or 亿.
    static func isAmountNumeral(_ c: Unicode.Scalar) -> Bool { isNumeral(c) || c == "万" || c == "亿" }

    /// The value of a whole numeral below 10 000, or nil if `text` is not one.
    static func value(of text: some StringProtocol) -> Int? { value(of: Array(text.unicodeScalars)[...]) }

    /// The value of a whole numeral below 10 000, or nil if `scalars` are not one.
    static func value(of text: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !text.isEmpty else { return nil }
        var total = 0
        var pending: Int? = nil
        var lastMultiplier = Int.max
        for c in text {
            if let d = digit(c) {
                if pending != nil, d != 0 { return nil } // two digits in a row: 一二 is no numeral
                pending = d == 0 ? nil : d
            } else if let m = multiplier(c) {
                guard m < lastMultiplier else { return nil }
                total += (pending ?? 1) * m
                pending = nil
                lastMultiplier = m
            } else {
                return nil
            }
        }
        return total + (pending ?? 0)
    }

    /// A number below 10 000 spelled in numerals, with a fraction in digits after 点 (十二点五
    /// → 12.5, 零点五 → 0.5, 三十 → 30); nil when `text` is not one.
    static func decimal(of text: ArraySlice<Unicode.Scalar>) -> Decimal? {
        let point = text.firstIndex(of: "点") ?? text.endIndex
        guard let whole = value(of: text[..<point]) else { return nil }
        guard point < text.endIndex else { return Decimal(whole) }
        var fraction = ""
        for c in text[(point + 1)...] {
            guard let d = digit(c) else { return nil }
            fraction += String(d)
        }
        guard !fraction.isEmpty, case .exact(let value) = Decimal.reading("\(whole).\(fraction)") else { return nil }
        return value
    }

    /// A number below 10 000 spelled as list markers spell it: 十, 十一, 二十三,
    /// 一百零五 (what Word's chineseCounting numbering shows). Other numbers stay in digits.
    static func spelled(_ n: Int) -> String {
        guard (1..<10_000).contains(n) else { return String(n) }
        let digits = Array("零一二三四五六七八九")
        let units = ["千", "百", "十", ""]
        let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10]
        var result = ""
        var pendingZero = false
        for (place, d) in places.enumerated() {
            if d == 0 {
                pendingZero = !result.isEmpty
                continue
            }
            if pendingZero { result.append("零") }
            pendingZero = false
            // 十一, not 一十一, when the tens lead.
            if !(place == 2 && d == 1 && result.isEmpty) { result.append(digits[d]) }
            result += units[place]
        }
        return result
    }

    /// An amount spelled in numerals before a money unit: 三百万 with 元 is 300 万元,
    /// 一千二百 with 万元 is 1200 万元, 五百 with 元 is 500 元.
    /// Sections of 亿 and 万 are read in the unit's terms: 十二万三千 with 元 is 123000 元,
    /// 一亿二千万 with 元 is 12000 万元, 壹万贰仟叁佰肆拾伍 with 元 is 12345 元.
    static func amount(of text: String, unit: Figure.Unit) -> (value: Decimal, unit: Figure.Unit)? {
        var body = Array(text.unicodeScalars)[...]
        var unit = unit
        if unit == .yuan, let last = body.last, last == "万" || last == "亿" {
            unit = last == "万" ? .tenThousandYuan : .hundredMillionYuan
            body = body.dropLast()
        }
        guard !body.isEmpty else { return nil }
        let scales: [(mark: Unicode.Scalar, scale: Int)] = switch unit {
        case .yuan: [("亿", 100_000_000), ("万", 10_000)]
        case .tenThousandYuan: [("亿", 10_000)]
        default: []
        }
        var total = 0
        for (mark, scale) in scales {
            guard let at = body.firstIndex(of: mark) else { continue }
            guard let high = value(of: body[..<at]) else { return nil }
            total += high * scale
            body = body[(at + 1)...]
            // 一亿零五百万: a 零 after a section stands for the places skipped.
            if body.first == "零" || body.first == "〇" { body = body.dropFirst() }
        }
        if !body.isEmpty {
            guard let low = value(of: body) else { return nil }
            total += low
        }
        return (Decimal(total), unit)
    }

    /// The 角 and 分 after an amount in 元 (陆角柒分, 零伍分), spelled in numerals: their value in
    /// 元 (0.67, 0.05), or nil when `text` is not that.
    static func jiaoFen(_ text: ArraySlice<Unicode.Scalar>) -> Decimal? {
        var rest = text
        func part(_ name: Unicode.Scalar) -> Int {
            if rest.first == "零" || rest.first == "〇" { rest = rest.dropFirst() }
            guard rest.count >= 2, rest[rest.startIndex + 1] == name, let d = digit(rest[rest.startIndex]) else { return 0 }
            rest = rest.dropFirst(2)
            return d
        }
        let tenths = part("角"), hundredths = part("分")
        guard rest.isEmpty, tenths + hundredths > 0 else { return nil }
        return Decimal(tenths) / 10 + Decimal(hundredths) / 100
    }
}
