import FoundationEssentials

extension Document {
    /// The document as `finparse/1` JSON: keys sorted, so the same input gives
    /// the same bytes on every run and machine.
    public func jsonData(pretty: Bool = false) throws -> [UInt8] {
        pretty ? try Array(JSONOutput.encoder(pretty: true).encode(self)) : try JSONOutput.compact(self)
    }
}

extension FinParseError {
    /// The batch-form line for an input that could not be parsed:
    /// `{"schema":"finparse/1","source":{"path":…},"error":{"code":…,"message":…}}`.
    public func jsonData() throws -> [UInt8] {
        try Array(JSONOutput.encoder(pretty: false).encode(JSONOutput.FailedInput(error: self)))
    }
}

enum JSONOutput {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The compact JSON of `document`, the bytes `JSONEncoder` gives for the whole of it.
    ///
    /// Encoding the whole document at once builds `JSONEncoder`'s value tree for all of it,
    /// several times the size of the output for a large report. Encoding it member by
    /// member, long arrays a run of elements at a time, needs only small trees.
    static func compact(_ document: Document) throws -> [UInt8] {
        let encoder = encoder(pretty: false)
        var out: [UInt8] = []
        func key(_ name: String) {
            out.append(out.isEmpty ? UInt8(ascii: "{") : UInt8(ascii: ","))
            out += Array("\"\(name)\":".utf8)
        }
        func member(_ name: String, _ value: some Encodable) throws {
            key(name)
            out += try encoder.encode(value)
        }
        func array<Element: Encodable>(_ name: String, _ elements: [Element]) throws {
            key(name)
            out.append(UInt8(ascii: "["))
            for start in stride(from: 0, to: elements.count, by: 256) {
                if start > 0 { out.append(UInt8(ascii: ",")) }
                // An encoded run is `[a,b,…]`: its elements are the bytes inside the brackets.
                let run = try encoder.encode(Array(elements[start..<min(start + 256, elements.count)]))
                out += run.dropFirst().dropLast()
            }
            out.append(UInt8(ascii: "]"))
        }
        // The members in the order `.sortedKeys` gives them.
        try array("amounts", document.amounts)
        try array("diagnostics", document.diagnostics)
        try array("outline", document.outline)
        try array("paragraphs", document.paragraphs)
        try array("percents", document.percents)
        try member("report", document.report)
        try member("schema", Document.schema)
        try member("source", document.source)
        try array("tables", document.tables)
        out.append(UInt8(ascii: "}"))
        return out
    }

    struct FailedInput: Encodable {
        struct Source: Encodable { var path: String }
        struct Failure: Encodable {
            var code: String
            var message: String
            var line: Int?
            var byteOffset: Int?
        }

        var schema = Document.schema
        var source: Source
        var error: Failure

        init(error: FinParseError) {
            source = Source(path: error.path)
            self.error = Failure(code: error.code.rawValue, message: error.description,
                                 line: error.location?.line, byteOffset: error.byteOffset)
        }
    }
}
