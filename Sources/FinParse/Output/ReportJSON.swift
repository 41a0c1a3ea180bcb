import FoundationEssentials

/// A report's compact finparse/1 JSON, read and ready to be written: the bytes
/// ``Document/jsonData(pretty:threads:)`` gives for the same input, made without the
/// report ever being held whole.
///
/// The JSON is written as the report is read: what is long (its paragraphs, tables,
/// figures and sections) is kept in memory only up to 64 KB an array, beyond that in
/// temporary files in `$TMPDIR` (else /tmp) that no other process sees and that go when
/// this does. So a report of any size, or a batch of them waiting to be printed in order,
/// takes little memory.
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

    /// The JSON of a report given as bytes, as ``json(contentsOf:threads:)`` gives it for a
    /// file; `path` names it in the result and in errors. The bytes are taken over, as by
    /// ``init(bytes:path:threads:)``.
    public static func json(bytes: consuming [UInt8], path: String, threads: Int = 1) throws(FinParseError) -> ReportJSON {
        var input: [UInt8]? = consume bytes
        return try json(path: path, threads: threads, spillLimit: JSONOutput.spillLimit) { assembly throws(FinParseError) in
            try read(input.take()!, path: path, into: assembly)
        }
    }

    /// `spillLimit`: the bytes of each long array kept in memory.
    static func json(contentsOf path: String, threads: Int, spillLimit: Int) throws(FinParseError) -> ReportJSON {
        try json(path: path, threads: threads, spillLimit: spillLimit) { assembly throws(FinParseError) in
            try read(fileAt: path, into: assembly)
        }
    }

    /// The JSON of what `read` hands to a streaming assembly.
    private static func json(path: String, threads: Int, spillLimit: Int,
                             read: (ReportAssembly) throws(FinParseError) -> SourceInfo) throws(FinParseError) -> ReportJSON {
        let writer = StreamedJSONWriter(threads: threads, spillLimit: spillLimit)
        return try withoutActuallyEscaping({ writer.take($0) }) { take throws(FinParseError) in
            let assembly = ReportAssembly(threads: threads, streamingTo: take)
            let source = try read(assembly)
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
/// Each array's elements are encoded a run at a time, as ``JSONOutput/compact(_:threads:write:)``
/// encodes them: on the reader's thread when it is the only one, else on up to `threads`
/// others, the bytes appended in order on the reader's thread with at most a few runs in
/// flight.
private final class StreamedJSONWriter {
    private let threads: Int
    private let pool: WorkPool
    private let encoded = OrderedResults<Result<EncodedRun, any Error>>()
    private var submitted = 0
    private var appended = 0
    /// The encoder of the reader's thread, when it encodes.
    private let encoder = JSONOutput.encoder(pretty: false)

    private var amounts: JSONOutput.ArrayWriter<Figure>
    private var percents: JSONOutput.ArrayWriter<Figure>
    private var paragraphs: JSONOutput.ArrayWriter<Paragraph>
    private var tables: JSONOutput.ArrayWriter<Table>
    private var sections: JSONOutput.ArrayWriter<Section>
    private let spillLimit: Int
    private var end = StreamedReportEnd()
    /// The first run that could not be encoded: the report fails at the end.
    private var failure: (any Error)?

    /// Which array a run encoded on another thread belongs to.
    private enum Member: Sendable {
        case amounts, percents, paragraphs, tables, sections
    }

    private struct EncodedRun: Sendable {
        var member: Member
        var bytes: Data
    }

    init(threads: Int, spillLimit: Int) {
        self.spillLimit = spillLimit
        amounts = .init(spillLimit: spillLimit)
        percents = .init(spillLimit: spillLimit)
        paragraphs = .init(spillLimit: spillLimit)
        tables = .init(run: JSONOutput.tableRun, spillLimit: spillLimit)
        // A top-level section may hold a whole part of the report.
        sections = .init(run: 8, spillLimit: spillLimit)
        self.threads = max(1, threads)
        pool = WorkPool(helpers: self.threads == 1 ? 0 : self.threads)
    }

    /// A writer that is dropped (its reader threw) drops the runs not begun.
    deinit {
        pool.cancel()
    }

    func take(_ streamed: ReportAssembly.Streamed) {
        for section in end.take(streamed) { add(section, to: &sections, .sections) }
        switch streamed {
        case .paragraph(let paragraph, _):
            add(Paragraph(text: String(paragraph.text.trimmingSpaces), line: paragraph.line), to: &paragraphs, .paragraphs)
        case .piece(.figure(let figure)):
            if figure.unit == .percent { add(figure, to: &percents, .percents) } else { add(figure, to: &amounts, .amounts) }
        case .piece(.table(let table)) where table.cells.count > JSONOutput.cellsAtOnce:
            // Written here, after the tables before it, as they are.
            if let rest = tables.takeRest() { encode(rest, into: &tables, .tables) }
            appendEncoded(all: true)
            do { try tables.appendLong(table) } catch { failure = failure ?? error }
        case .piece(.table(let table)):
            add(table, to: &tables, .tables)
        case .diagnostics:
            break
        }
        if threads > 1 { appendEncoded(all: false) }
    }

    private func add<Element>(_ element: Element, to writer: inout JSONOutput.ArrayWriter<Element>, _ member: Member) {
        if let run = writer.collect(element) { encode(run, into: &writer, member) }
    }

    /// Encodes a run: on this thread, or on another, to be appended by
    /// ``appendEncoded(all:)`` (not from here: `writer` is one of those it appends to).
    private func encode<Element>(_ run: [Element], into writer: inout JSONOutput.ArrayWriter<Element>, _ member: Member) {
        guard threads > 1 else {
            do { writer.add(try JSONOutput.ArrayWriter<Element>.encode(run, encoder)) } catch { failure = failure ?? error }
            return
        }
        let index = submitted
        submitted += 1
        pool.submit { [encoded] in
            encoded.put(Result { EncodedRun(member: member, bytes: try JSONOutput.ArrayWriter<Element>.encode(run, JSONOutput.encoder(pretty: false))) },
                        at: index)
        }
    }

    /// Appends the runs encoded, in order: when too many are in flight (or `all`), encoding
    /// on this thread or waiting until the oldest is done, so that only a few wait in memory.
    private func appendEncoded(all: Bool) {
        while appended < submitted {
            let wait = all || submitted - appended > 2 * threads
            guard let result = encoded.take(appended, wait: wait, helping: pool) else { return }
            appended += 1
            append(result)
        }
    }

    private func append(_ result: Result<EncodedRun, any Error>) {
        switch result {
        case .success(let run):
            switch run.member {
            case .amounts: amounts.add(run.bytes)
            case .percents: percents.add(run.bytes)
            case .paragraphs: paragraphs.add(run.bytes)
            case .tables: tables.add(run.bytes)
            case .sections: sections.add(run.bytes)
            }
        case .failure(let error):
            failure = failure ?? error
        }
    }

    func finish(source: SourceInfo, readerDiagnostics: [Diagnostic]) throws -> ReportJSON {
        let end = end.finish(readerDiagnostics: readerDiagnostics)
        for section in end.sections { add(section, to: &sections, .sections) }
        func flush<Element>(_ writer: inout JSONOutput.ArrayWriter<Element>, _ member: Member) {
            if let rest = writer.takeRest() { encode(rest, into: &writer, member) }
        }
        flush(&amounts, .amounts)
        flush(&percents, .percents)
        flush(&paragraphs, .paragraphs)
        flush(&tables, .tables)
        flush(&sections, .sections)
        pool.finish()
        appendEncoded(all: true)
        if let failure { throw failure }
        var diagnostics = JSONOutput.ArrayWriter<Diagnostic>(spillLimit: spillLimit)
        for diagnostic in end.diagnostics { try diagnostics.append(diagnostic) }
        let members = try JSONOutput.Members(
            amounts: amounts.finish(), diagnostics: diagnostics.finish(), outline: sections.finish(),
            paragraphs: paragraphs.finish(), percents: percents.finish(),
            report: end.report, source: source, tables: tables.finish())
        return ReportJSON(source: source, parts: members.parts)
    }
}
