/// The text pipeline: lines → folded text → tables and paragraphs → outline,
/// self-evaluations and figures.
enum TextReportParser {
    /// Takes the text over: once split into lines, it is not held through the parse.
    static func read(_ text: consuming String, into assembly: ReportAssembly) {
        assembly.add(TextLayout.read(FoldedText.lines(of: consume text)))
    }
}
