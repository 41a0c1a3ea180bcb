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
        var digits = ""
        var seenDigit = false
        var seenPoint = false
        for (offset, c) in text.enumerated() {
            switch c {
            case "0"..."9": seenDigit = true; digits.append(c)
            case ".": if seenPoint { return nil }; seenPoint = true; digits.append(c)
            case ",": if !seenDigit || seenPoint { return nil }
            case "-", "+": if offset != 0 { return nil }; if c == "-" { digits.append(c) }
            default: return nil
            }
        }
        guard seenDigit, let value = Decimal(string: digits) else { return nil }
        self = value
    }
}
