import FoundationEssentials

extension Document {
    /// The document as `finparse/1` JSON: keys sorted, so the same input gives
    /// the same bytes on every run and machine.
    public func jsonData(pretty: Bool = false) throws -> [UInt8] {
        try Array(JSONOutput.encoder(pretty: pretty).encode(self))
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
