import Dispatch
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
    /// The standard tables a table of contents lists.
    var listedTables: [TableOfContents.ListedTable] = []
}

/// The stages every input format shares, fed by a reader paragraph by paragraph and
/// table by table, in document order.
///
/// A run of paragraphs' figures and a table's reading (its cells, its self-evaluation,
/// its figures) need nothing else of the report: with more than one thread they are read
/// on the other threads while the reader goes on, so that a .docx's XML and its figures
/// are read at the same time. What needs the whole report (the outline, the report's kind)
/// is read at the end. On one thread every piece is read at the end too.
///
/// Pieces hold one kind each, in document order: a run of paragraphs ends where a table
/// begins. A report's figures are in the order of its pieces, each piece's by line, so that
/// a stream and a ``Document`` give them in the same order: by line, but for a line inside
/// a text table's span that is not one of its rows (a note between its rows), whose
/// figures come after the table's.
///
/// Streaming (``init(threads:streamingTo:)``), nothing is kept: each paragraph goes out as
/// it is handed over, each piece's tables, figures and findings, in document order, as soon
/// as it is read (on one thread, as soon as it is handed over), and at most a few pieces
/// wait at a time. Used by one reader on one thread.
final class ReportAssembly {
    /// What a streaming assembly gives out, on the reader's thread.
    enum Streamed {
        /// A body paragraph, as it is handed over, with what the input has said of lines'
        /// places in the outline so far.
        case paragraph(FoldedText, hints: OutlineRecognizer.Hints)
        case piece(Document.Piece)
        /// The findings of reading a run of paragraphs' figures, or of reading tables.
        case diagnostics([Diagnostic], ofTables: Bool)
    }

    /// What the input says of lines' places in the outline; set by the reader.
    var hints = OutlineRecognizer.Hints()
    /// The reader's own findings.
    var diagnostics: [Diagnostic] = []
    /// The standard tables the report's table of contents lists, if the reader found one:
    /// each is looked for among the tables once all are read.
    var listedTables: [TableOfContents.ListedTable] = []

    /// Every body paragraph, for the outline; none when streaming.
    private var paragraphs: [FoldedText] = []
    /// Paragraphs not yet handed over.
    private var run: [FoldedText] = []
    /// The 科目 each paragraph of `run` explains (``SubjectItems``), and the last one's.
    private var runSubjects: [String?] = []
    private var subject: String?
    /// The item named alone on the line right above each paragraph of `run` (``nameAbove``).
    private var runNamesAbove: [String?] = []
    private var tableRun: [TableGrid] = []
    private var tableRunCells = 0
    private var tableCount = 0
    /// Pieces handed over so far, and (streaming) those given out.
    private var handedOver = 0
    private var givenOut = 0
    /// The changes of the runs taken so far, for those whose amount a run before states.
    private var changes = ChangeCheck.Resolver()
    /// The totals of the text and of the tables taken so far, to be compared at the end.
    private var totals = TotalsCheck.Ledger()
    private var unlabelled = UnlabelledTables()
    /// The kinds of the tables taken so far.
    private var tableKinds: [String] = []
    /// The body's lines that title a standard table, with its kind: noted only once a table
    /// of contents is found (it comes first), as only a listed table's title is looked for.
    private var tableTitles: [(kind: String, line: Int)] = []
    private var notesTitles = false
    /// A 目录 typed as paragraphs, found as they come.
    private var typedContents = TypedContents()
    private let stream: ((Streamed) -> Void)?
    private let threads: Int
    private let pool: WorkPool
    /// The pieces read and not yet taken, keyed by the order in which they were handed over.
    private let pieces = OrderedResults<ReadPiece>()

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

        /// All its figures, by line.
        var figures: [Figure] { Figure.inReadingOrder(cellFigures + unitFigures) }
    }

    /// One piece of work once read.
    private enum ReadPiece: Sendable {
        case run(figures: [Figure], diagnostics: [Diagnostic], openChanges: [ChangeCheck.Open], paragraphs: [ChangeCheck.FiguresParagraph])
        case tables([ReadTable])
    }

    /// `threads` is how many threads may read the pieces, the reader's own included.
    init(threads: Int) {
        self.threads = max(1, threads)
        pool = WorkPool(helpers: self.threads - 1)
        stream = nil
    }

    /// An assembly that keeps nothing and hands each paragraph, table, figure and finding
    /// to `handle` in document order, on the reader's thread.
    init(threads: Int, streamingTo handle: @escaping (Streamed) -> Void) {
        self.threads = max(1, threads)
        pool = WorkPool(helpers: self.threads - 1)
        stream = handle
    }

    /// An abandoned assembly (its reader threw) drops the pieces not begun and waits for
    /// those being read, so that no work outlives the parse.
    deinit {
        pool.cancel()
    }

    /// Hands over a body read whole (a text file's, a web page's `<pre>`), its paragraphs and
    /// tables in document order, after what was handed over before it; each
    /// grid's cells are released as soon as it is handed over.
    func add(_ body: consuming ReportBody) {
        // A web page may hand over more than one (a <pre> each).
        hints.merge(body.hints)
        diagnostics += body.diagnostics
        listedTables += body.listedTables
        notesTitles = notesTitles || !listedTables.isEmpty
        // Its lines were joined as its layout says (TextLayout): none more here.
        releaseHeld()
        var next = 0
        for index in body.tables.indices {
            // A table's title line is a paragraph too, and comes first.
            while next < body.paragraphs.count, body.paragraphs[next].line <= body.tables[index].line {
                enter(body.paragraphs[next])
                next += 1
            }
            add(body.tables[index])
            body.tables[index].cells = []
        }
        for paragraph in body.paragraphs[next...] { enter(paragraph) }
    }

    /// Whether any paragraph or table cell handed over had text: a report without any is none.
    var holdsText: Bool { entered || held.map { !$0.first.isBlank } ?? false }
    private var entered = false

    /// The last paragraph handed over, held while the next may go on with its sentence: a
    /// document or web page made of a PDF's lines, a paragraph a line, breaks them anywhere
    /// (…增加 1062.85 / 万元，增长…). Joined only where the break is plain
    /// (``PageText/joinBroken(_:)``); Word's own paragraphs never show such a break.
    private var held: PageText.SentenceJoin?

    /// A body paragraph, in document order.
    func add(_ paragraph: FoldedText) {
        if held?.take(paragraph) == true { return }
        releaseHeld()
        held = PageText.SentenceJoin(paragraph)
    }

    private func releaseHeld() {
        guard let line = held?.line else { return }
        held = nil
        enter(line)
    }

    /// A body paragraph, whole, in document order.
    private func enter(_ paragraph: FoldedText) {
        if !entered && !paragraph.isBlank { entered = true }
        if !paragraph.isBlank { tableBefore = nil }
        switch typedContents.take(paragraph) {
        case .pass:
            accept(paragraph)
        case .hold:
            break
        case let step:
            applying(step)
        }
    }

    /// What a typed 目录 found held gives: its entries set aside, the paragraphs after it.
    private func applying(_ step: TypedContents.Step) {
        switch step {
        case .pass, .hold:
            break
        case .contents(let contents, then: let paragraphs):
            setAside(contents: contents)
            for entry in contents { hints.headingLevels[entry.line] = nil }
            for paragraph in paragraphs { accept(paragraph) }
        case .release(let paragraphs):
            for paragraph in paragraphs { accept(paragraph) }
        }
    }

    /// The reader has found the report's table of contents by itself (Word's own, by its
    /// styles): no typed one is looked for, and a 目录 heading held right before it is its
    /// heading, kept out with it.
    func contentsFound() {
        releaseHeld()
        notesTitles = true
        let held = typedContents.stop()
        if held.count > 1 { for paragraph in held { accept(paragraph) } }
    }

    /// A table of contents found, its heading and entries (none of them handed over as
    /// paragraphs): noted as kept out, and the tables it lists looked for at the end.
    func setAside(contents: [FoldedText]) {
        releaseHeld()
        guard let first = contents.first, let last = contents.last else { return }
        diagnostics.append(TableOfContents.setAside(entries: contents.count, from: first.line, to: last.line))
        listedTables = TableOfContents.listedTables(contents)
        notesTitles = true
    }

    /// A body paragraph that is no table of contents', in document order.
    private func accept(_ paragraph: FoldedText) {
        // Pieces are taken in the order handed over, so each holds one kind.
        if !tableRun.isEmpty { handOverTables() }
        if notesTitles, paragraph.text.contains(utf8: "表"), let kind = PageText.kind(ofTitle: paragraph.text.trimmingSpaces) {
            tableTitles.append((kind, paragraph.line))
        }
        if let stream {
            stream(.paragraph(paragraph, hints: hints))
            // Its level has been read: a stream keeps nothing of the report.
            hints.headingLevels[paragraph.line] = nil
        } else {
            paragraphs.append(paragraph)
        }
        // A 科目's item gives its figures their subject, and the paragraphs under it that go on
        // with its figures theirs. Outside a 科目's explanation only an item that names one
        // matters: a paragraph that names no level is not read for a marker.
        let mayName = SubjectItems.mayNameSubject(paragraph.text)
        if subject != nil || mayName {
            let item = SubjectItems.item(paragraph.text, mayName: mayName)
            if item.isItem {
                subject = item.subject
            } else if subject != nil, !SubjectItems.continuesItem(paragraph.text) {
                subject = nil
            }
        }
        runSubjects.append(subject)
        runNamesAbove.append(nameAbove.flatMap { $0.line == paragraph.line - 1 ? $0.name : nil })
        nameAbove = FigureExtractor.itemName(paragraph.text).map { (paragraph.line, $0) }
        run.append(paragraph)
        if run.count == Self.runLength { handOverRun() }
    }

    /// The item the last paragraph names alone (年度预算金额, 六、年度预算安排), and its line: an
    /// amount alone on the line right below is its amount (a form's label and value, one cell
    /// a line in a word processor's text export).
    private var nameAbove: (line: Int, name: String)?

    /// The last top-level table, while no paragraph with text has come after it: the table
    /// after it may go on with its 自评表 (``SelfEvaluationReader/continuation(after:)``).
    private var tableBefore: TableGrid?

    /// The most cells a 自评表 split over tables is looked for in: forms hold tens of rows.
    private static let largestForm = 4_000

    /// A top-level table, in document order.
    func add(_ grid: TableGrid) {
        releaseHeld()
        var grid = grid
        if let tableBefore, grid.columns == tableBefore.columns {
            grid.continues = SelfEvaluationReader.continuation(after: tableBefore)
        }
        // A large table is no form: its cells are let go once read.
        tableBefore = grid.cells.count <= Self.largestForm ? grid : nil
        if !entered && grid.holdsText { entered = true }
        applying(typedContents.close())
        subject = nil
        if !run.isEmpty { handOverRun() }
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
        submit { extractor in
            .tables(grids.enumerated().map { offset, grid in
                let (table, diagnostics, indicatorNames) = grid.table(index: first + offset)
                let cellFigures = extractor.figures(inCellsOf: table, indicatorNames: indicatorNames)
                let unitFigures = TableFigures.figures(in: table, headerLabels: grid.headerLabels)
                return ReadTable(
                    table: table,
                    diagnostics: diagnostics + extractor.takeDiagnostics() + unitFigures.diagnostics,
                    cellFigures: cellFigures, unitFigures: unitFigures.figures)
            })
        }
    }

    private func handOverRun() {
        let paragraphs = run, subjects = runSubjects, namesAbove = runNamesAbove
        run = []
        runSubjects = []
        runNamesAbove = []
        submit { extractor in
            var withFigures: [ChangeCheck.FiguresParagraph] = []
            let figures = paragraphs.indices.flatMap { k in
                var figures = extractor.figures(in: paragraphs[k])
                if let subject = subjects[k] { for j in figures.indices { figures[j].subject = subject } }
                if let name = namesAbove[k], figures.count == 1, figures[0].label == nil,
                   FigureExtractor.leadingAmount(paragraphs[k].text).alone {
                    figures[0].label = name
                }
                if !figures.isEmpty { withFigures.append(ChangeCheck.FiguresParagraph(line: paragraphs[k].line, text: paragraphs[k].text)) }
                return figures
            }
            return .run(figures: figures, diagnostics: extractor.takeDiagnostics(), openChanges: extractor.takeOpenChanges(), paragraphs: withFigures)
        }
    }

    private func submit(_ read: @escaping @Sendable (inout FigureExtractor) -> ReadPiece) {
        let index = handedOver
        handedOver += 1
        pool.submit { [pieces] in
            var extractor = FigureExtractor()
            pieces.put(read(&extractor), at: index)
        }
        if stream != nil { giveOut(all: false) }
    }

    /// Gives out the pieces read, in order: waiting for the oldest when too many are in
    /// flight (or `all`), so that a stream holds a bounded part of the report.
    private func giveOut(all: Bool) {
        guard let stream else { return }
        if threads == 1 { pool.finish() }
        while givenOut < handedOver {
            let wait = all || handedOver - givenOut > 2 * threads
            guard let piece = pieces.take(givenOut, wait: wait, helping: pool) else { return }
            givenOut += 1
            switch piece {
            case .run(let figures, let diagnostics, let openChanges, let withFigures):
                let figures = Figure.inReadingOrder(figures)
                stream(.diagnostics(diagnostics + changes.diagnostics(figures: figures, opens: openChanges, paragraphs: withFigures), ofTables: false))
                for figure in figures {
                    check(figure)
                    stream(.piece(.figure(figure)))
                }
            case .tables(let tables):
                for read in tables {
                    stream(.diagnostics(read.diagnostics, ofTables: true))
                    stream(.piece(.table(read.table)))
                    remember(read.table)
                    for figure in read.figures {
                        check(figure)
                        stream(.piece(.figure(figure)))
                    }
                }
            }
        }
    }

    /// Streaming: gives out what is left, once the reader has handed over everything.
    func finishStream() {
        releaseHeld()
        applying(typedContents.close())
        if !run.isEmpty { handOverRun() }
        if !tableRun.isEmpty { handOverTables() }
        giveOut(all: true)
        stream?(.diagnostics(endDiagnostics, ofTables: false))
        diagnostics += TableOfContents.missingTables(listedTables, kinds: tableKinds, titles: tableTitles)
    }

    /// A table read, for the checks made at the end.
    private func remember(_ table: Table) {
        totals.add(table)
        unlabelled.add(table)
        if let kind = table.kind { tableKinds.append(kind) }
    }

    /// A figure read, for the checks made at the end.
    private func check(_ figure: Figure) {
        totals.add(figure)
        unlabelled.add(figure)
    }

    /// What the checks made at the end find, once every table and figure is in: the same for
    /// a stream as for a document.
    private var endDiagnostics: [Diagnostic] { totals.diagnostics + unlabelled.diagnostics }

    /// The document, once the reader has handed over everything.
    func document(source: SourceInfo) -> Document {
        releaseHeld()
        applying(typedContents.close())
        if !run.isEmpty { handOverRun() }
        if !tableRun.isEmpty { handOverTables() }
        // Read while the other threads finish their pieces.
        let outline = OutlineRecognizer.outline(of: paragraphs, hints: hints)
        let kept = paragraphs.map { Paragraph(text: String($0.text.trimmingSpaces), line: $0.line) }
        pool.finish()

        // The figures in the order a stream gives them out (``giveOut(all:)``): piece by
        // piece, each piece's by line.
        var amounts: [Figure] = []
        var percents: [Figure] = []
        func take(_ figures: some Sequence<Figure>) {
            for figure in figures {
                check(figure)
                if figure.unit == .percent { percents.append(figure) } else { amounts.append(figure) }
            }
        }
        var runDiagnostics: [Diagnostic] = []
        var tables: [ReadTable] = []
        for index in 0..<handedOver {
            switch pieces.take(index, wait: true)! {
            case .run(let figures, let diagnostics, let openChanges, let withFigures):
                let figures = Figure.inReadingOrder(figures)
                take(figures)
                runDiagnostics += diagnostics + changes.diagnostics(figures: figures, opens: openChanges, paragraphs: withFigures)
            case .tables(let read):
                for table in read {
                    remember(table.table)
                    take(table.figures)
                }
                tables += read
            }
        }
        runDiagnostics += endDiagnostics
        let diagnostics = Self.allDiagnostics(reader: diagnostics + TableOfContents.missingTables(listedTables, kinds: tableKinds, titles: tableTitles),
                                              outline: outline.diagnostics,
                                              runs: runDiagnostics, tables: tables.flatMap(\.diagnostics))

        return Document(
            source: source, report: ReportInfoReader.read(paragraphs, tables: tables.map(\.table)),
            outline: outline.sections, paragraphs: kept,
            tables: tables.map(\.table), amounts: amounts, percents: percents, diagnostics: diagnostics)
    }

    /// A report's findings in the order its JSON gives them: by line, then by code, each
    /// stage's in the order it found them.
    static func allDiagnostics(reader: [Diagnostic], outline: [Diagnostic], runs: [Diagnostic],
                               tables: [Diagnostic]) -> [Diagnostic] {
        // The sort is stable, so the order of the stages decides ties.
        (reader + outline + runs + tables).sorted { ($0.line, $0.code) < ($1.line, $1.code) }
    }
}
