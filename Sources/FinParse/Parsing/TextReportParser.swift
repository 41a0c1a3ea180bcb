/// The text pipeline: lines → folded text → tables and paragraphs → outline,
/// self-evaluations and figures.
struct TextReportParser {
    var threads = 1

    /// Takes the text over: once split into lines, it is not held through the parse.
    func parse(_ text: consuming String, source: SourceInfo) -> Document {
        let layout = TextLayout.read(FoldedText.lines(of: consume text))
        return ReportAssembler.assemble(
            source: source, paragraphs: layout.paragraphs, tables: layout.tables, hints: layout.hints,
            diagnostics: layout.diagnostics, threads: threads)
    }
}

/// The stages every input format shares, once its reader has turned it into
/// paragraphs and table grids.
enum ReportAssembler {
    /// `hints` are what the input says of some lines' place in the outline beyond their
    /// text (Word's heading styles, a PDF's table of contents); `threads` how many
    /// threads may read the figures.
    static func assemble(source: SourceInfo, paragraphs: [FoldedText], tables grids: [TableGrid],
                         hints: OutlineRecognizer.Hints = .init(), diagnostics: [Diagnostic], threads: Int) -> Document {
        var diagnostics = diagnostics
        let outline = OutlineRecognizer.outline(of: paragraphs, hints: hints)
        diagnostics += outline.diagnostics

        let tables = grids.enumerated().map { $0.element.table(index: $0.offset) }
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
