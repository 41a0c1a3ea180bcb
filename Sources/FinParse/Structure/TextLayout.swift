/// Separates the lines of a text report into body paragraphs and tables.
enum TextLayout {
    struct Result {
        var paragraphs: [FoldedText]
        var tables: [TableGrid]
        var diagnostics: [Diagnostic]
    }

    static func read(_ lines: [FoldedText]) -> Result {
        var result = Result(paragraphs: [], tables: [], diagnostics: [])
        var i = 0
        while i < lines.count {
            let line = lines[i]
            guard TextTableReader.isCellStart(line) else {
                if !TextTableReader.isBlank(line) { result.paragraphs.append(line) }
                i += 1
                continue
            }
            let extent = TextTableReader.extent(at: i, in: lines)
            let title = TextTableReader.title(before: extent.lowerBound, in: lines)
            result.tables.append(TextTableReader.grid(of: lines[extent], title: title))
            i = extent.upperBound
        }
        return result
    }
}
