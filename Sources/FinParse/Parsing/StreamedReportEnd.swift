/// What a consumer of a streaming ``ReportAssembly`` keeps to read, at the end, what needs
/// the whole report: its outline, what it says of itself and its findings in order. It
/// keeps little: the outline's open sections, the first paragraphs and tables, and the
/// findings.
struct StreamedReportEnd {
    private var outline = OutlineRecognizer.Builder()
    /// The paragraphs and tables that what the report says of itself is read from.
    private var opening: [FoldedText] = []
    private var firstTables: [Table] = []
    private var runDiagnostics: [Diagnostic] = []
    private var tableDiagnostics: [Diagnostic] = []

    /// What the end of the report gives.
    struct Result {
        /// The top-level sections not handed out by ``take(_:)``.
        var sections: [Section]
        var report: ReportInfo
        /// All of the report's findings, in the order of ``Document/diagnostics``.
        var diagnostics: [Diagnostic]
    }

    /// Takes what the assembly gave out; returns the top-level sections it completes.
    mutating func take(_ streamed: ReportAssembly.Streamed) -> [Section] {
        switch streamed {
        case .paragraph(let paragraph, let hints):
            outline.add(paragraph, hints: hints)
            if opening.count < ReportInfoReader.searchedParagraphs { opening.append(paragraph) }
            return outline.takeFinished()
        case .piece(.table(let table)):
            if firstTables.count < ReportInfoReader.captionedTables { firstTables.append(table) }
        case .piece(.figure):
            break
        case .diagnostics(let diagnostics, let ofTables):
            if ofTables { tableDiagnostics += diagnostics } else { runDiagnostics += diagnostics }
        }
        return []
    }

    /// Ends the report, once the assembly's stream is finished; `readerDiagnostics` are the
    /// assembly's own.
    mutating func finish(readerDiagnostics: [Diagnostic]) -> Result {
        let outline = outline.finish()
        let diagnostics = ReportAssembly.allDiagnostics(reader: readerDiagnostics, outline: outline.diagnostics,
                                                        runs: runDiagnostics, tables: tableDiagnostics)
        return Result(sections: outline.sections, report: ReportInfoReader.read(opening, tables: firstTables),
                      diagnostics: diagnostics)
    }
}
