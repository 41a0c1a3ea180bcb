/// How Excel shows a number: the part of a cell's number format finparse renders, so
/// that a cell reads as the published table prints it (96,282,213.44; 9.98; 28%).
enum NumberFormat: Equatable, Sendable {
    /// Excel's General: the number itself, to the 15 significant digits Excel shows.
    case general
    /// A fixed number of decimals, digits grouped by thousands or not, as a percent or not.
    case fixed(decimals: Int, grouped: Bool, percent: Bool)
    /// A date (the number counts days from 1899-12-30), shown as yyyy-mm-dd.
    case date
    /// The text format (@): a number in it shows as the number.
    case text

    /// One of Excel's built-in formats, by its id (ECMA-376 18.8.30, and the ids a Chinese
    /// Excel gives its own date formats).
    init(builtIn id: Int) {
        switch id {
        case 1: self = .fixed(decimals: 0, grouped: false, percent: false)
        case 2: self = .fixed(decimals: 2, grouped: false, percent: false)
        case 3, 37, 38: self = .fixed(decimals: 0, grouped: true, percent: false)
        case 4, 39, 40: self = .fixed(decimals: 2, grouped: true, percent: false)
        case 9: self = .fixed(decimals: 0, grouped: false, percent: true)
        case 10: self = .fixed(decimals: 2, grouped: false, percent: true)
        case 14...22, 27...36, 50...58: self = .date
        case 49: self = .text
        default: self = .general
        }
    }

    /// A format code as styles.xml writes it (#,##0.00_ ;[Red]-#,##0.00, 0.0%, yyyy"年"m"月").
    /// Only its first section is asked, the one for positive numbers: a negative number is
    /// shown with its minus sign whatever the code's second section does with it.
    init(code: String) {
        var decimals = 0
        var digits = false, afterPoint = false, grouped = false, percent = false, dated = false, exponent = false
        var quoted = false, bracketed = false, escaped = false, skipNext = false
        scan: for character in code.unicodeScalars {
            if skipNext || escaped {
                skipNext = false
                escaped = false
            } else if quoted {
                quoted = character != "\""
            } else if bracketed {
                bracketed = character != "]"
            } else {
                switch character {
                case ";": break scan
                case "\"": quoted = true
                case "[": bracketed = true
                case "\\": escaped = true
                // Padding (_x) and fill (*x) name the character after them.
                case "_", "*": skipNext = true
                case "0", "#", "?":
                    digits = true
                    if afterPoint { decimals += 1 }
                case ".": afterPoint = true
                case ",": grouped = grouped || (digits && !afterPoint)
                case "%": percent = true
                case "E", "e": exponent = digits
                case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S": dated = true
                case "@" where !digits:
                    self = .text
                    return
                default: break
                }
            }
        }
        if dated && !digits {
            self = .date
        } else if digits && !exponent {
            self = .fixed(decimals: decimals, grouped: grouped, percent: percent)
        } else {
            self = .general
        }
    }

    /// How the format shows `value`, a number as a cell holds it ("2553.5199999999999",
    /// "1E-3"), and whether it shows fewer digits than the value has beyond the 15 Excel
    /// keeps (1234.5678 in 0.00 → 1234.57). Nil when `value` is not a number. A date counts
    /// its days from 1904-01-01 in a workbook that says so (`from1904`: a Mac's, once).
    func show(_ value: String, from1904: Bool = false) -> (text: String, hidesDigits: Bool)? {
        guard var number = DecimalDigits(value) else { return nil }
        number.round(significant: 15)
        switch self {
        case .general, .text:
            return (number.text(decimals: nil, grouped: false), false)
        case .date:
            return (number.dateText(from1904: from1904) ?? number.text(decimals: nil, grouped: false), false)
        case .fixed(let decimals, let grouped, let percent):
            if percent, !number.digits.isEmpty { number.exponent += 2 }
            let hides = number.round(decimals: decimals)
            return (number.text(decimals: decimals, grouped: grouped) + (percent ? "%" : ""), hides)
        }
    }
}

/// A decimal number as its digits: exact, for rounding as Excel shows numbers without
/// going through a binary Double (2553.52 stays 2553.52).
struct DecimalDigits {
    var negative: Bool
    /// Significant digits, 0–9, no leading zero; empty for zero.
    var digits: [UInt8]
    /// The value is 0.d₁d₂… × 10^exponent.
    var exponent: Int

    /// Reads -12.5, .5, 1E-3, 2.5e+10; nil for anything else.
    init?(_ text: String) {
        var bytes = Substring(text).utf8[...]
        negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var digits: [UInt8] = []
        var pointAt: Int?
        var leadingZeros = 0
        var seenDigit = false
        while let byte = bytes.first, byte != UInt8(ascii: "E"), byte != UInt8(ascii: "e") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                guard pointAt == nil else { return nil }
                pointAt = digits.count + leadingZeros
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            seenDigit = true
            if digits.isEmpty && byte == UInt8(ascii: "0") {
                leadingZeros += 1
            } else {
                digits.append(byte - UInt8(ascii: "0"))
            }
        }
        guard seenDigit else { return nil }
        var exponent = 0
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            guard let power = Int(Substring(bytes)), abs(power) < 400 else { return nil }
            exponent = power
        }
        // Digits before the point, leading zeros included, place the first significant one.
        let point = pointAt ?? (digits.count + leadingZeros)
        self.exponent = digits.isEmpty ? 0 : point - leadingZeros + exponent
        while digits.last == 0 { digits.removeLast() }
        self.digits = digits
    }

    /// Rounds half away from zero, as Excel does, to `count` significant digits.
    mutating func round(significant count: Int) {
        _ = roundAt(count)
    }

    /// Rounds half away from zero to `decimals` places; true when a digit other than 0 was
    /// dropped.
    mutating func round(decimals: Int) -> Bool {
        roundAt(exponent + decimals)
    }

    /// Keeps the first `kept` digits (none when `kept` ≤ 0), rounding; true when a digit
    /// other than 0 was dropped.
    private mutating func roundAt(_ kept: Int) -> Bool {
        guard kept < digits.count else { return false }
        let up = kept >= 0 && digits[kept] >= 5
        let dropped = digits.count > max(kept, 0)
        digits.removeLast(digits.count - max(kept, 0))
        if kept == 0 && digits.isEmpty {
            // 0.6 kept to no digit: one more digit place, at the exponent's.
            if up { digits = [1]; exponent += 1 } else { exponent = 0 }
            return dropped
        }
        if up {
            var i = digits.count - 1
            while i >= 0 && digits[i] == 9 { digits[i] = 0; i -= 1 }
            if i >= 0 { digits[i] += 1 } else { digits.insert(1, at: 0); exponent += 1 }
        }
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { exponent = 0 }
        return dropped
    }

    /// The number written out, with exactly `decimals` places (as many as it has when
    /// nil) and commas between thousands when `grouped`.
    func text(decimals: Int?, grouped: Bool) -> String {
        let whole = exponent > 0 ? (0..<exponent).map { $0 < digits.count ? digits[$0] : 0 } : []
        var fraction = exponent < 0 ? Array(repeating: UInt8(0), count: -exponent) + digits
            : Array(digits.dropFirst(max(exponent, 0)))
        if let decimals { fraction = Array(fraction.prefix(decimals)) + Array(repeating: 0, count: max(0, decimals - fraction.count)) }
        var text = negative && !digits.isEmpty ? "-" : ""
        if whole.isEmpty { text += "0" }
        for (i, digit) in whole.enumerated() {
            if grouped && i > 0 && (whole.count - i) % 3 == 0 { text += "," }
            text.unicodeScalars.append(Unicode.Scalar(digit + UInt8(ascii: "0")))
        }
        if !fraction.isEmpty {
            text += "."
            for digit in fraction { text.unicodeScalars.append(Unicode.Scalar(digit + UInt8(ascii: "0"))) }
        }
        return text
    }

    /// The day a date serial names, yyyy-mm-dd (its time of day left out); nil outside the
    /// years Excel shows (to 9999). Counted from 1899-12-30, or from 1904-01-01 (1,462 days
    /// later) `from1904`; in the first count, serials before 61 count Excel's 1900-02-29, a
    /// day that never was, and are refused.
    func dateText(from1904: Bool) -> String? {
        guard !negative, exponent <= 7 else { return nil }
        let serial = (0..<max(exponent, 0)).reduce(0) { $0 * 10 + ($1 < digits.count ? Int(digits[$1]) : 0) }
        let days = from1904 ? serial + 1_462 : serial
        guard from1904 || serial >= 61, days <= 2_958_465 else { return nil }
        // Days from 1899-12-30 to a civil date (Howard Hinnant's days_from_civil, inverted).
        let z = days - 25_569 + 719_468  // days since 0000-03-01, through 1970-01-01
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
