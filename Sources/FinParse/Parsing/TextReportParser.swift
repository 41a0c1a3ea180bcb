/// The text pipeline: lines → folded text → tables and paragraphs → outline,
/// self-evaluations and figures.
struct TextReportParser {
    var threads = 1

    /// Takes the text over: once split into lines, it is not held through the parse.
    func parse(_ text: consuming String, source: SourceInfo) -> Document {
        let layout = TextLayout.read(FoldedText.lines(of: consume text))
        return ReportAssembly.document(of: consume layout, source: source, threads: threads)
    }
}
