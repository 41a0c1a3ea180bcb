import Synchronization

/// What a reader that reads its whole input first (text, PDF) hands to ``ReportAssembly``.
struct ReportBody {
    var paragraphs: [FoldedText] = []
    var tables: [TableGrid] = []
    /// What the input says of some lines' place in the outline beyond their text (Word's
    /// heading styles, a PDF's table of contents).
    var hints = OutlineRecognizer.Hints()
    /// The reader's own findings (a PDF's page furniture, …).
    var diagnostics: [Diagnostic] = []
}

/// The stages every input format shares, fed by a reader paragraph by paragraph and
/// table by table.
///
/// A run of paragraphs' figures and a table's reading (its cells, its self-evaluation,
/// its figures) need nothing else of the report: with more than one thread they are read
/// on the other threads while the reader goes on, so that a .docx's XML and its figures
/// are read at the same time. What needs the whole report (the outline, the report's kind,
/// the order of the figures) is read at the end. On one thread every piece is read at
/// the end too. Used by one reader on one thread.
final class ReportAssembly {
    /// What the input says of lines' places in the outline; set by the reader.
    var hints = OutlineRecognizer.Hints()
    /// The reader's own findings.
    var diagnostics: [Diagnostic] = []

    private var paragraphs: [FoldedText] = []
    /// Where the paragraphs not yet handed over begin.
    private var runStart = 0
    private var runCount = 0
    private var tableRun: [TableGrid] = []
    private var tableRunCells = 0
    private var tableCount = 0
    private let pool: WorkPool
    private let pieces = Pieces()

    /// Paragraphs whose figures are one piece of work, and table cells at least in one:
    /// enough to be worth another thread, and one extractor (an ICU break iterator, whose
    /// making takes a lock) serves the run.
    private static let runLength = 500

    /// One table as the report keeps it, with what is read from it alone.
    private struct ReadTable: Sendable {
        var table: Table
        var diagnostics: [Diagnostic]
        /// The figures written in its cells' text, nested tables' included.
        var cellFigures: [Figure]
        /// Its bare numbers in the unit it states once.
        var unitFigures: [Figure]
    }

    /// The pieces read so far, keyed by the order in which they were handed over.
    private final class Pieces: Sendable {
        let runs = Mutex<[Int: (figures: [Figure], diagnostics: [Diagnostic])]>([:])
        let tables = Mutex<[Int: ReadTable]>([:])
    }

    /// `threads` is how many threads may read the pieces, the reader's own included.
    init(threads: Int) {
        pool = WorkPool(helpers: max(0, threads - 1))
    }

    /// An abandoned assembly (its reader threw) drops the pieces not begun and waits for
    /// those being read, so that no work outlives the parse.
    deinit {
        pool.cancel()
    }

    /// Assembles a body read whole; each grid's cells are released as soon as it is a table.
    static func document(of body: consuming ReportBody, source: SourceInfo, threads: Int) -> Document {
        let assembly = ReportAssembly(threads: threads)
        assembly.hints = body.hints
        assembly.diagnostics = body.diagnostics
        for paragraph in body.paragraphs { assembly.add(paragraph) }
        for index in body.tables.indices {
            assembly.add(body.tables[index])
            body.tables[index].cells = []
        }
        return assembly.document(source: source)
    }

    /// A body paragraph, in document order.
    func add(_ paragraph: FoldedText) {
        paragraphs.append(paragraph)
        if paragraphs.count - runStart == Self.runLength { handOverRun() }
    }

    /// A top-level table, in document order.
    func add(_ grid: TableGrid) {
        tableRunCells += grid.cells.count
        tableRun.append(grid)
        if tableRunCells >= Self.runLength { handOverTables() }
    }

    private func handOverTables() {
        let grids = tableRun
        let first = tableCount
        tableRun = []
        tableRunCells = 0
        tableCount += grids.count
        pool.submit { [pieces] in
            var extractor = FigureExtractor()
            for (offset, grid) in grids.enumerated() {
                let table = grid.table(index: first + offset)
                let cellFigures = extractor.figures(inCellsOf: table)
                let unitFigures = TableFigures.figures(in: table)
                let read = ReadTable(
                    table: table,
                    diagnostics: (table.selfEvaluation?.consistencyDiagnostics(line: table.line) ?? [])
                        + extractor.takeDiagnostics() + unitFigures.diagnostics,
                    cellFigures: cellFigures, unitFigures: unitFigures.figures)
                pieces.tables.withLock { $0[first + offset] = read }
            }
        }
    }

    private func handOverRun() {
        // Copied out: a slice would share the whole array, and the next append would copy it.
        let run = Array(paragraphs[runStart...])
        let index = runCount
        runStart = paragraphs.count
        runCount += 1
        pool.submit { [pieces] in
            var extractor = FigureExtractor()
            let figures = run.flatMap { extractor.figures(in: $0) }
            pieces.runs.withLock { $0[index] = (figures, extractor.takeDiagnostics()) }
        }
    }

    /// The document, once the reader has handed over everything.
    func document(source: SourceInfo) -> Document {
        if runStart < paragraphs.count { handOverRun() }
        if !tableRun.isEmpty { handOverTables() }
        // Read while the other threads finish their pieces.
        let outline = OutlineRecognizer.outline(of: paragraphs, hints: hints)
        let report = ReportInfoReader.read(paragraphs)
        let kept = paragraphs.map { Paragraph(text: String($0.text.trimmingSpaces), line: $0.line) }
        pool.finish()

        let runs = pieces.runs.withLock { runs in (0..<runCount).map { runs.removeValue(forKey: $0)! } }
        let tables = pieces.tables.withLock { tables in (0..<tableCount).map { tables.removeValue(forKey: $0)! } }
        var diagnostics = diagnostics + outline.diagnostics + runs.flatMap(\.diagnostics) + tables.flatMap(\.diagnostics)
        diagnostics.sort { ($0.line, $0.code) < ($1.line, $1.code) }

        var amounts: [Figure] = []
        var percents: [Figure] = []
        let figures = runs.flatMap(\.figures) + tables.flatMap(\.cellFigures) + tables.flatMap(\.unitFigures)
        for figure in figures.sorted(by: { $0.line < $1.line }) {
            if figure.unit == .percent { percents.append(figure) } else { amounts.append(figure) }
        }
        return Document(
            source: source, report: report, outline: outline.sections, paragraphs: kept,
            tables: tables.map(\.table), amounts: amounts, percents: percents, diagnostics: diagnostics)
    }
}
