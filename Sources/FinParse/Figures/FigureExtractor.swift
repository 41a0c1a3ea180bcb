/// Finds money amounts and percents in paragraphs and table cells.
struct FigureExtractor {
    func figures(inParagraphs paragraphs: [FoldedText], tables: [Table]) -> [Figure] { [] }
}
