/// How many of a report's table amounts went without a label, told once when its tables
/// stand one cell a line, as plain pdftotext (without -layout) or a word processor's text
/// export prints them: there a row's cells often cannot be told, and the reader can do
/// better by extracting again.
struct UnlabelledTables {
    private var amounts = 0, unlabelled = 0
    /// The standard tables, and those of them read one cell a line.
    private var standard = 0, oneColumn = 0
    /// The line of the first standard table read one cell a line.
    private var firstOneColumn: Int?

    mutating func add(_ table: Table) {
        guard table.kind != nil else { return }
        standard += 1
        if table.columns == 1 {
            oneColumn += 1
            firstOneColumn = firstOneColumn ?? table.line
        }
    }

    mutating func add(_ figure: Figure) {
        guard figure.cell != nil, figure.unit != .percent else { return }
        amounts += 1
        if figure.label == nil { unlabelled += 1 }
    }

    var diagnostics: [Diagnostic] {
        // Most of them: a laid-out report's odd table of one column says nothing of how it was extracted.
        guard let line = firstOneColumn, 2 * oneColumn > standard, unlabelled > 0 else { return [] }
        return [Diagnostic(severity: .info, code: "tables-one-cell-a-line",
                           message: "\(unlabelled) of the \(amounts) amounts in tables have no label: the tables stand one cell "
                               + "a line, as pdftotext without -layout or a word processor's text export prints them, and a row's "
                               + "cells cannot always be told; pdftotext -layout, or the PDF or Word file itself, gives their columns",
                           line: line)]
    }
}
