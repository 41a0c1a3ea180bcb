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

    /// The error for a report that was parsed but whose JSON could not be written;
    /// `error` is what `JSONEncoder` threw.
    public init(unencodable error: any Error, path: String) {
        // An EncodingError's own description prints the whole value it refused.
        let reason = if case .invalidValue(_, let context)? = error as? EncodingError { context.debugDescription } else { "\(error)" }
        self.init(.unencodable, path: path, message: "the report was parsed but its JSON could not be written (\(reason))")
    }
}

enum JSONOutput {
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Encoded arrays are kept in memory up to this many bytes each, beyond it on disk.
    static let spillLimit = 64 << 10

    /// How many tables are encoded at once. A table holds hundreds of cells, and
    /// `JSONEncoder`'s value tree for eight of them was 1.5 MB of a two-thread run's peak.
    static let tableRun = 2

    /// The compact JSON of `document`, the bytes `JSONEncoder` gives for the whole of it.
    ///
    /// Encoding the whole document at once builds `JSONEncoder`'s value tree for all of it,
    /// several times the size of the output for a large report. Encoding it member by
    /// member, long arrays a run of elements at a time, needs only small trees, and the
    /// runs can be encoded on up to `threads` threads.
    static func compact(_ document: Document, threads: Int, write: ([UInt8]) throws -> Void) throws {
        func array<Element: Encodable & Sendable>(_ elements: [Element], run: Int = 256) throws -> SpilledBytes {
            var writer = ArrayWriter<Element>(run: run)
            try writer.append(contentsOf: elements, threads: threads)
            return try writer.finish()
        }
        let members = try Members(
            amounts: array(document.amounts), diagnostics: array(document.diagnostics),
            outline: array(document.outline), paragraphs: array(document.paragraphs),
            percents: array(document.percents), report: document.report, source: document.source,
            tables: {
                var writer = ArrayWriter<Table>(run: tableRun)
                try append(document.tables, to: &writer, threads: threads)
                return try writer.finish()
            }())
        for part in members.parts { try part.write(to: write) }
    }

    /// A report's JSON object: its arrays' elements already encoded (the bytes between the
    /// brackets), its other members encoded here.
    struct Members {
        var parts: [SpilledBytes] = []

        init(amounts: SpilledBytes, diagnostics: SpilledBytes, outline: SpilledBytes, paragraphs: SpilledBytes,
             percents: SpilledBytes, report: ReportInfo, source: SourceInfo, tables: SpilledBytes) throws {
            let encoder = JSONOutput.encoder(pretty: false)
            func key(_ name: String) -> String { "\(parts.isEmpty ? "{" : ",")\"\(name)\":" }
            func array(_ name: String, _ elements: SpilledBytes) {
                parts.append(SpilledBytes(Array((key(name) + "[").utf8)))
                parts.append(elements)
                parts.append(SpilledBytes([UInt8(ascii: "]")]))
            }
            func value(_ name: String, _ value: some Encodable) throws {
                parts.append(SpilledBytes(Array(key(name).utf8) + Array(try encoder.encode(value))))
            }
            // In the order `.sortedKeys` gives them.
            array("amounts", amounts)
            array("diagnostics", diagnostics)
            array("outline", outline)
            array("paragraphs", paragraphs)
            array("percents", percents)
            try value("report", report)
            try value("schema", Document.schema)
            try value("source", source)
            array("tables", tables)
            parts.append(SpilledBytes([UInt8(ascii: "}")]))
        }
    }

    /// One array's elements, encoded a run at a time as they come and spilled to disk
    /// beyond ``spillLimit``: the bytes between the array's brackets.
    struct ArrayWriter<Element: Encodable & Sendable> {
        private let run: Int
        private var pending: [Element] = []
        private var bytes: SpillBuffer
        private let encoder = JSONOutput.encoder(pretty: false)

        /// `run`: how many elements are encoded at once; the bytes do not depend on it.
        init(run: Int = 256, spillLimit: Int = JSONOutput.spillLimit) {
            self.run = run
            bytes = SpillBuffer(memoryLimit: spillLimit)
        }

        mutating func append(_ element: Element) throws {
            if let run = collect(element) { try add(Self.encode(run, encoder)) }
        }

        /// Takes `element` in; returns the run it completes, for the caller to encode
        /// (``encode(_:_:)``) and ``add(_:)``.
        mutating func collect(_ element: Element) -> [Element]? {
            pending.append(element)
            guard pending.count == run else { return nil }
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }

        /// The elements taken in and not yet in a run.
        mutating func takeRest() -> [Element]? {
            defer { pending = [] }
            return pending.isEmpty ? nil : pending
        }

        /// Appends `elements`, their runs encoded on up to `threads` threads a few at a time,
        /// so that only those wait to be spilled.
        mutating func append(contentsOf elements: [Element], threads: Int) throws {
            guard threads > 1, pending.isEmpty else {
                for element in elements { try append(element) }
                return
            }
            let runs = stride(from: 0, to: elements.count, by: run).map { $0..<min($0 + run, elements.count) }
            for group in stride(from: 0, to: runs.count, by: 4 * threads) {
                let batch = Array(runs[group..<min(group + 4 * threads, runs.count)])
                let encoded = parallelMap(batch.count, threads: threads) { k in
                    Result { try Self.encode(Array(elements[batch[k]]), JSONOutput.encoder(pretty: false)) }
                }
                for bytes in encoded { try add(bytes.get()) }
            }
        }

        /// The elements' bytes, all of them encoded.
        mutating func finish() throws -> SpilledBytes {
            if let rest = takeRest() { try add(Self.encode(rest, encoder)) }
            return bytes.finish()
        }

        /// A run's elements as JSONEncoder writes them inside `[…]`.
        static func encode<Run: Encodable>(_ elements: [Run], _ encoder: JSONEncoder) throws -> Data {
            let data = try encoder.encode(elements)
            return data[data.index(after: data.startIndex)..<data.index(before: data.endIndex)]
        }

        /// Appends more of the element whose start was added last (``add(_:)``).
        mutating func extend(with encoded: some Collection<UInt8>) {
            bytes.append(encoded)
        }

        /// Appends elements encoded elsewhere (``encode(_:_:)``), after those appended before.
        mutating func add(_ encoded: Data) {
            if !bytes.isEmpty { bytes.append(CollectionOfOne(UInt8(ascii: ","))) }
            bytes.append(encoded)
        }
    }

    /// A table of more cells than this is encoded a run of cells at a time
    /// (``ArrayWriter/appendLong(_:)``): JSONEncoder's value tree for the whole of a table
    /// of 80,000 rows took 310 MB.
    static let cellsAtOnce = 4096

    /// Runs all of `tables` through `writer`, the long ones a run of cells at a time, the
    /// others a run of tables at a time on up to `threads` threads.
    static func append(_ tables: [Table], to writer: inout ArrayWriter<Table>, threads: Int) throws {
        var start = 0
        for (index, table) in tables.enumerated() where table.cells.count > cellsAtOnce {
            try writer.append(contentsOf: Array(tables[start..<index]), threads: threads)
            try writer.appendLong(table)
            start = index + 1
        }
        try writer.append(contentsOf: Array(tables[start...]), threads: threads)
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

extension JSONOutput.ArrayWriter where Element == Table {
    /// Appends a table after the elements taken in before, its cells encoded a run at a
    /// time and written as they come: the bytes JSONEncoder gives for the table whole,
    /// without its value tree for all of the cells.
    mutating func appendLong(_ table: Table) throws {
        if let rest = takeRest() { add(try Self.encode(rest, encoder)) }
        var shell = table
        shell.cells = []
        // `cells` sorts first among the table's keys: the shell is {"cells":[],…}.
        let tail = try encoder.encode(shell).dropFirst(Self.cellsKey.count)
        let run = 256
        for start in stride(from: 0, to: table.cells.count, by: run) {
            let cells = try Self.encode(Array(table.cells[start..<min(start + run, table.cells.count)]), encoder)
            if start == 0 {
                add(Self.cellsKey + cells)
            } else {
                extend(with: CollectionOfOne(UInt8(ascii: ",")))
                extend(with: cells)
            }
        }
        extend(with: tail)
    }

    private static var cellsKey: Data { Data("{\"cells\":[".utf8) }
}
