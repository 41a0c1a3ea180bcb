/// The text pipeline: lines → folded text → tables and paragraphs → outline,
/// self-evaluations and figures.
struct TextReportParser {
    var threads = 1

    /// Takes the text over: once split into lines, it is not held through the parse.
    func parse(_ text: consuming String, source: SourceInfo) -> Document {
        let layout = TextLayout.read(FoldedText.lines(of: consume text))
        return ReportAssembler.assemble(source: source, body: consume layout, threads: threads)
    }
}

/// What an input format's reader hands to the stages every format shares.
struct ReportBody {
    var paragraphs: [FoldedText] = []
    var tables: [TableGrid] = []
    /// What the input says of some lines' place in the outline beyond their text (Word's
    /// heading styles, a PDF's table of contents).
    var hints = OutlineRecognizer.Hints()
    /// The reader's own findings (a PDF's page furniture, …).
    var diagnostics: [Diagnostic] = []
}

/// The stages every input format shares, once its reader has turned it into
/// paragraphs and table grids.
enum ReportAssembler {
    /// `threads` is how many threads may read the figures. The body is taken over: its
    /// table grids are released as they become tables.
    static func assemble(source: SourceInfo, body: consuming ReportBody, threads: Int) -> Document {
        let paragraphs = body.paragraphs
        var diagnostics = body.diagnostics
        let outline = OutlineRecognizer.outline(of: paragraphs, hints: body.hints)
        diagnostics += outline.diagnostics

        // Each grid's cells are released as soon as it is a table: a report's grids and
        // tables are never held whole side by side.
        var tables: [Table] = []
        tables.reserveCapacity(body.tables.count)
        for index in body.tables.indices {
            tables.append(body.tables[index].table(index: index))
            body.tables[index].cells = []
        }
        for table in tables {
            diagnostics += table.selfEvaluation?.consistencyDiagnostics(line: table.line) ?? []
        }

        var amounts: [Figure] = []
        var percents: [Figure] = []
        let tableFigures = tables.flatMap(TableFigures.figures(in:))
        for figure in (FigureExtractor.figures(inParagraphs: paragraphs, tables: tables, threads: threads) + tableFigures).sorted(by: { $0.line < $1.line }) {
            if figure.unit == .percent { percents.append(figure) } else { amounts.append(figure) }
        }

        diagnostics.sort { ($0.line, $0.code) < ($1.line, $1.code) }
        return Document(
            source: source,
            report: ReportInfoReader.read(paragraphs),
            outline: outline.sections,
            paragraphs: paragraphs.map { Paragraph(text: String($0.text.trimmingSpaces), line: $0.line) },
            tables: tables,
            amounts: amounts,
            percents: percents,
            diagnostics: diagnostics)
    }
}
