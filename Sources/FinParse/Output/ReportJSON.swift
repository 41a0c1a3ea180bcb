import FoundationEssentials

/// A report's compact finparse/1 JSON, read and ready to be written: the bytes
/// ``Document/jsonData(pretty:threads:)`` gives for the same input, made without the
/// report ever being held whole.
///
/// The JSON is written as the report is read: what is long (its paragraphs, tables and
/// figures) is kept in memory only up to a few hundred kilobytes an array, beyond that in
/// temporary files that no other process sees and that go when this does. So a report of
/// any size, or a batch of them waiting to be printed in order, takes little memory.
///
/// ```swift
/// let json = try Document.json(contentsOf: "report.docx")
/// try json.write { bytes in output.write(bytes) }
/// ```
public final class ReportJSON: Sendable {
    /// What the input was.
    public let source: SourceInfo
    private let parts: [SpilledBytes]

    init(source: SourceInfo, parts: [SpilledBytes]) {
        self.source = source
        self.parts = parts
    }

    /// The length of the JSON in bytes.
    public var count: Int { parts.reduce(0) { $0 + $1.count } }

    /// Hands the JSON to `write` in order, a piece at a time (64 KB or less each from a
    /// temporary file). May be called more than once, from any thread.
    ///
    /// Throws what `write` throws, or an error when a temporary file cannot be read back.
    public func write(to write: ([UInt8]) throws -> Void) throws {
        for part in parts { try part.write(to: write) }
    }
}

extension Document {
    /// Reads the report at `path` as ``init(contentsOf:threads:)`` does and gives its
    /// JSON, the bytes of ``jsonData(pretty:threads:)``, without keeping the report whole
    /// (see ``ReportJSON``). For a .docx, only a few hundred paragraphs or table cells are
    /// held at a time; a text report is read whole first, as for a ``Document``.
    ///
    /// `threads` as for ``init(contentsOf:threads:)``.
    public static func json(contentsOf path: String, threads: Int = 1) throws(FinParseError) -> ReportJSON {
        try json(contentsOf: path, threads: threads, spillLimit: JSONOutput.spillLimit)
    }

    /// `spillLimit`: the bytes of each long array kept in memory.
    static func json(contentsOf path: String, threads: Int, spillLimit: Int) throws(FinParseError) -> ReportJSON {
        let writer = StreamedJSONWriter(threads: threads, spillLimit: spillLimit)
        return try withoutActuallyEscaping({ writer.take($0) }) { take throws(FinParseError) in
            let assembly = ReportAssembly(threads: threads, streamingTo: take)
            let source = try read(fileAt: path, into: assembly)
            assembly.finishStream()
            do {
                return try writer.finish(source: source, readerDiagnostics: assembly.diagnostics)
            } catch {
                throw FinParseError(unencodable: error, path: path)
            }
        }
    }
}

/// Takes what a streaming ``ReportAssembly`` gives out and encodes it into the members
/// of the report's JSON as it comes; reads what needs the whole report (its outline, what
/// it says of itself, its findings in order) at the end, from what little it kept.
///
/// The elements are encoded a batch at a time: on the reader's thread when it is the only
/// one, else on up to `threads - 1` others, the bytes appended in order on the reader's
/// thread, with at most a few batches in flight.
private final class StreamedJSONWriter {
    private let threads: Int
    private let spillLimit: Int
    private let pool: WorkPool
    private let encoded = OrderedResults<Result<EncodedBatch, any Error>>()
    private var submitted = 0
    private var appended = 0
    private var batch = Batch()

    private var amounts: JSONOutput.ArrayWriter<Figure>
    private var percents: JSONOutput.ArrayWriter<Figure>
    private var paragraphs: JSONOutput.ArrayWriter<Paragraph>
    private var tables: JSONOutput.ArrayWriter<Table>
    private var sections: JSONOutput.ArrayWriter<Section>
    private var outline = OutlineRecognizer.Builder()
    /// The paragraphs and tables that what the report says of itself is read from.
    private var opening: [FoldedText] = []
    private var firstTables: [Table] = []
    private var runDiagnostics: [Diagnostic] = []
    private var tableDiagnostics: [Diagnostic] = []
    /// The first batch that could not be encoded: the report fails at the end.
    private var failure: (any Error)?

    /// Elements waiting to be encoded together.
    private struct Batch: Sendable {
        var amounts: [Figure] = []
        var percents: [Figure] = []
        var paragraphs: [Paragraph] = []
        var tables: [Table] = []
        var sections: [Section] = []
        /// Enough for the encoding to be worth another thread (a table holds hundreds of cells,
        /// a top-level section may hold a whole part of the report).
        var size: Int { amounts.count + percents.count + paragraphs.count + 32 * (tables.count + sections.count) }
        var isFull: Bool { size >= 256 }

        func encoded() throws -> EncodedBatch {
            let encoder = JSONOutput.encoder(pretty: false)
            func run<Element: Encodable & Sendable>(_ elements: [Element]) throws -> Data? {
                elements.isEmpty ? nil : try JSONOutput.ArrayWriter<Element>.encode(elements, encoder)
            }
            return try EncodedBatch(amounts: run(amounts), percents: run(percents), paragraphs: run(paragraphs),
                                    tables: run(tables), sections: run(sections))
        }
    }

    private struct EncodedBatch: Sendable {
        var amounts, percents, paragraphs, tables, sections: Data?
    }

    init(threads: Int, spillLimit: Int) {
        self.spillLimit = spillLimit
        amounts = .init(spillLimit: spillLimit)
        percents = .init(spillLimit: spillLimit)
        paragraphs = .init(spillLimit: spillLimit)
        tables = .init(spillLimit: spillLimit)
        sections = .init(spillLimit: spillLimit)
        self.threads = max(1, threads)
        pool = WorkPool(helpers: self.threads == 1 ? 0 : self.threads)
    }

    /// A writer that is dropped (its reader threw) drops the batches not begun.
    deinit {
        pool.cancel()
    }

    func take(_ streamed: ReportAssembly.Streamed) {
        switch streamed {
        case .paragraph(let paragraph, let hints):
            outline.add(paragraph, hints: hints)
            batch.sections += outline.takeFinished()
            if opening.count < ReportInfoReader.searchedParagraphs { opening.append(paragraph) }
            batch.paragraphs.append(Paragraph(text: String(paragraph.text.trimmingSpaces), line: paragraph.line))
        case .piece(.figure(let figure)):
            if figure.unit == .percent { batch.percents.append(figure) } else { batch.amounts.append(figure) }
        case .piece(.table(let table)):
            if firstTables.count < ReportInfoReader.captionedTables { firstTables.append(table) }
            batch.tables.append(table)
        case .diagnostics(let diagnostics, let ofTables):
            if ofTables { tableDiagnostics += diagnostics } else { runDiagnostics += diagnostics }
        }
        if batch.isFull { submit() }
    }

    private func submit() {
        let full = batch
        batch = Batch()
        if threads == 1 {
            append(Result { try full.encoded() })
            return
        }
        let index = submitted
        submitted += 1
        pool.submit { [encoded] in encoded.put(Result { try full.encoded() }, at: index) }
        appendEncoded(all: false)
    }

    /// Appends the batches encoded, in order: when too many are in flight (or `all`),
    /// encoding on this thread or waiting until the oldest is done, so that only a few wait
    /// in memory.
    private func appendEncoded(all: Bool) {
        while appended < submitted {
            let wait = all || submitted - appended > 2 * threads
            guard let result = encoded.take(appended, wait: wait, helping: pool) else { return }
            appended += 1
            append(result)
        }
    }

    private func append(_ result: Result<EncodedBatch, any Error>) {
        switch result {
        case .success(let bytes):
            bytes.amounts.map { amounts.add($0) }
            bytes.percents.map { percents.add($0) }
            bytes.paragraphs.map { paragraphs.add($0) }
            bytes.tables.map { tables.add($0) }
            bytes.sections.map { sections.add($0) }
        case .failure(let error):
            failure = failure ?? error
        }
    }

    func finish(source: SourceInfo, readerDiagnostics: [Diagnostic]) throws -> ReportJSON {
        let outline = outline.finish()
        batch.sections += outline.sections
        if batch.size > 0 { submit() }
        pool.finish()
        appendEncoded(all: true)
        if let failure { throw failure }
        var report = ReportInfoReader.read(opening)
        if report.department == nil { report.department = ReportInfoReader.department(inCaptionsOf: firstTables) }
        var diagnostics = JSONOutput.ArrayWriter<Diagnostic>(spillLimit: spillLimit)
        for diagnostic in ReportAssembly.allDiagnostics(reader: readerDiagnostics, outline: outline.diagnostics,
                                                        runs: runDiagnostics, tables: tableDiagnostics) {
            try diagnostics.append(diagnostic)
        }
        let members = try JSONOutput.Members(
            amounts: amounts.finish(), diagnostics: diagnostics.finish(), outline: sections.finish(),
            paragraphs: paragraphs.finish(), percents: percents.finish(), report: report, source: source,
            tables: tables.finish())
        return ReportJSON(source: source, parts: members.parts)
    }
}
