import FoundationEssentials

// The JSON contract (docs/json-v1.md) writes every figure as a decimal string and
// every absent value as an explicit null; these helpers keep each model type's
// Codable conformance to that rule without repeating it.
extension KeyedEncodingContainer {
    mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    // Strings, and enums by their raw strings, through the encoder's String entry point: the
    // generic one finds out what a value is by dynamic casts, for every figure's fields.
    mutating func encodeNullable(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func encodeNullable<T: RawRepresentable & Encodable>(_ value: T?, forKey key: Key) throws where T.RawValue == String {
        try encodeNullable(value?.rawValue, forKey: key)
    }

    mutating func encodeDecimal(_ value: Decimal?, forKey key: Key) throws {
        try encodeNullable(value.map { $0.exactString }, forKey: key)
    }
}

extension KeyedDecodingContainer {
    func decodeDecimal(forKey key: Key) throws -> Decimal? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let value = Decimal(exactString: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "not a decimal string: \(text)")
        }
        return value
    }
}

extension Decimal {
    /// The plain decimal spelling, without exponent or grouping ("25535200", "0.5").
    var exactString: String { description }

    /// Parses a plain decimal string ("2553.52", "-3", "1,234.56"); nil for anything else,
    /// and for a number that `Decimal` cannot hold to its last digit (see ``Reading``).
    init?(exactString text: some StringProtocol) {
        guard case .exact(let value) = Decimal.reading(text) else { return nil }
        self = value
    }

    /// What a string says as a plain decimal.
    enum Reading {
        case exact(Decimal)
        /// A plain decimal with more digits than `Decimal` holds (about 38 significant
        /// ones): money is never rounded, so it has no value.
        case tooLong
        case notADecimal
    }

    static func reading(_ text: some StringProtocol) -> Reading { scan(text).reading }

    /// What a string says as a plain decimal, and, where it has at most 18 significant digits,
    /// the same number as an integer and a power of ten, which ``ExactSum`` adds.
    static func scan(_ text: some StringProtocol) -> (reading: Reading, term: ExactSum.Term?) {
        // Up to 19 significant digits fit a UInt64: the value is built from its digits, as
        // Decimal(string:) is six times slower and figures are parsed by the million.
        var significand: UInt64 = 0
        var significantDigits = 0
        var fractionDigits = 0
        var seenDigit = false
        var seenPoint = false
        var negative = false
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                seenDigit = true
                if seenPoint { fractionDigits += 1 }
                if significand == 0 && byte == UInt8(ascii: "0") { continue }
                significantDigits += 1
                if significantDigits <= 19 { significand = significand * 10 + UInt64(byte - UInt8(ascii: "0")) }
            case UInt8(ascii: "."): if seenPoint { return (.notADecimal, nil) }; seenPoint = true
            case UInt8(ascii: ","): if !seenDigit || seenPoint { return (.notADecimal, nil) }
            case UInt8(ascii: "-"): if offset != 0 { return (.notADecimal, nil) }; negative = true
            case UInt8(ascii: "+"): if offset != 0 { return (.notADecimal, nil) }
            default: return (.notADecimal, nil)
            }
        }
        guard seenDigit else { return (.notADecimal, nil) }
        if significantDigits > 19 || fractionDigits > 38 {
            // Decimal(string:) rounds what does not fit (and turns a far exponent into 0):
            // the value must read back as the number written.
            let plain = String(decoding: text.utf8.filter { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "+") }, as: UTF8.self)
            guard let value = Decimal(string: plain), value.description == canonical(plain) else { return (.tooLong, nil) }
            return (.exact(value), nil)
        }
        // Decimal has no negative zero: a minus sign on zero would make NaN.
        let value = Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: -fractionDigits,
                            significand: Decimal(significand))
        let term = significantDigits <= 18
            ? ExactSum.Term(significand: negative ? -Int64(significand) : Int64(significand), exponent: -fractionDigits) : nil
        return (.exact(value), term)
    }

    /// A plain decimal as `Decimal.description` spells its exact value: no leading zeros,
    /// no trailing fraction zeros, no sign on zero ("-012.50" → "-12.5").
    private static func canonical(_ plain: String) -> String {
        var digits = Substring(plain)
        let negative = digits.first == "-"
        if negative { digits = digits.dropFirst() }
        let point = digits.firstIndex(of: ".") ?? digits.endIndex
        let whole = digits[..<point].drop { $0 == "0" }
        var fraction = digits[point...].dropFirst()
        while fraction.last == "0" { fraction = fraction.dropLast() }
        let magnitude = (whole.isEmpty ? "0" : String(whole)) + (fraction.isEmpty ? "" : "." + fraction)
        return negative && magnitude != "0" ? "-" + magnitude : magnitude
    }
}
