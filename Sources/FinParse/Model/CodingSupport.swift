import FoundationEssentials

// The JSON contract (docs/json-v1.md) writes every figure as a decimal string and
// every absent value as an explicit null; these helpers keep each model type's
// Codable conformance to that rule without repeating it.
extension KeyedEncodingContainer {
    mutating func encodeNullable<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func encodeDecimal(_ value: Decimal?, forKey key: Key) throws {
        try encodeNullable(value.map(\.exactString), forKey: key)
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

    /// Parses a plain decimal string ("2553.52", "-3", "1,234.56"); nil for anything else.
    init?(exactString text: some StringProtocol) {
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
            case UInt8(ascii: "."): if seenPoint { return nil }; seenPoint = true
            case UInt8(ascii: ","): if !seenDigit || seenPoint { return nil }
            case UInt8(ascii: "-"): if offset != 0 { return nil }; negative = true
            case UInt8(ascii: "+"): if offset != 0 { return nil }
            default: return nil
            }
        }
        guard seenDigit else { return nil }
        if significantDigits > 19 {
            let plain = text.utf8.filter { $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "+") }
            guard let value = Decimal(string: String(decoding: plain, as: UTF8.self)) else { return nil }
            self = value
            return
        }
        // Decimal has no negative zero: a minus sign on zero would make NaN.
        self.init(sign: negative && significand != 0 ? .minus : .plus, exponent: -fractionDigits,
                  significand: Decimal(significand))
    }
}
