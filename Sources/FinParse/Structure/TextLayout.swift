/// Separates the lines of a text report into body paragraphs and tables.
enum TextLayout {
    struct Result {
        var paragraphs: [FoldedText]
        var tables: [Table]
        var diagnostics: [Diagnostic]
    }

    static func read(_ lines: [FoldedText]) -> Result {
        // Table reconstruction is the tables issue's; until then every non-blank line is a paragraph.
        Result(paragraphs: lines.filter { !$0.text.trimmingSpaces.isEmpty }, tables: [], diagnostics: [])
    }
}
