import FoundationEssentials

extension Document {
    /// The document as `finparse/1` JSON: keys sorted, so the same input gives
    /// the same bytes on every run and machine.
    ///
    /// `threads` is how many threads may share the encoding of a large document. Throws
    /// `JSONEncoder`'s `EncodingError` for a document it refuses: values nested about 500
    /// deep, deeper than any input finparse reads can make them.
    public func jsonData(pretty: Bool = false, threads: Int = 1) throws -> [UInt8] {
        guard !pretty else { return try Array(JSONOutput.encoder(pretty: true).encode(self)) }
        var json: [UInt8] = []
        try writeJSON(threads: threads) { json += $0 }
        return json
    }

    /// Hands the compact JSON of ``jsonData(pretty:threads:)`` to `write` piece by piece as
    /// it is encoded, so that a large report's JSON need never be held whole.
    public func writeJSON(threads: Int = 1, to write: ([UInt8]) throws -> Void) throws {
        try JSONOutput.compact(self, threads: threads, write: write)
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
    /// member, long arrays a run of elements at a time, needs only small trees, and the
    /// pieces can be encoded on up to `threads` threads.
    static func compact(_ document: Document, threads: Int, write: ([UInt8]) throws -> Void) throws {
        // The output in order: literal bytes, each followed by an encoded piece or nothing.
        var parts: [(literal: [UInt8], piece: Piece?)] = []
        func key(_ name: String) -> [UInt8] { Array("\(parts.isEmpty ? "{" : ",")\"\(name)\":".utf8) }
        func member(_ name: String, _ value: some Encodable & Sendable) {
            parts.append((key(name), Piece(isRun: false) { try $0.encode(value) }))
        }
        func array<Element: Encodable & Sendable>(_ name: String, _ elements: [Element], run length: Int = 256) {
            let open = key(name) + [UInt8(ascii: "[")]
            for start in stride(from: 0, to: elements.count, by: length) {
                let run = Array(elements[start..<min(start + length, elements.count)])
                parts.append((start == 0 ? open : [UInt8(ascii: ",")], Piece(isRun: true) { try $0.encode(run) }))
            }
            parts.append((elements.isEmpty ? open + [UInt8(ascii: "]")] : [UInt8(ascii: "]")], nil))
        }
        // The members in the order `.sortedKeys` gives them.
        array("amounts", document.amounts)
        array("diagnostics", document.diagnostics)
        array("outline", document.outline)
        array("paragraphs", document.paragraphs)
        array("percents", document.percents)
        member("report", document.report)
        member("schema", Document.schema)
        member("source", document.source)
        array("tables", document.tables, run: 8) // a table holds hundreds of cells
        parts.append(([UInt8(ascii: "}")], nil))

        // One piece at a time on one thread, a few per thread on several: only those wait
        // to be written.
        let all = parts
        let group = threads > 1 ? 4 * threads : 1
        for first in stride(from: 0, to: all.count, by: group) {
            let indices = first..<min(first + group, all.count)
            let encoded = parallelMap(indices.count, threads: threads) { k in
                Result { try all[indices.lowerBound + k].piece.map { try $0.bytes(encoder(pretty: false)) } ?? [] }
            }
            for (index, bytes) in zip(indices, encoded) {
                try write(all[index].literal)
                try write(bytes.get())
            }
        }
    }

    /// One value, or one run of an array's elements, to encode.
    private struct Piece: Sendable {
        /// A run is encoded as `[a,b,…]`: its bytes are those inside the brackets.
        var isRun: Bool
        var encode: @Sendable (JSONEncoder) throws -> Data

        func bytes(_ encoder: JSONEncoder) throws -> [UInt8] {
            let data = try encode(encoder)
            return isRun ? Array(data[data.index(after: data.startIndex)..<data.index(before: data.endIndex)]) : Array(data)
        }
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
