/// Builds a report's heading tree from its paragraphs.
enum OutlineRecognizer {
    struct Result {
        var sections: [Section]
        var diagnostics: [Diagnostic]
    }

    static func outline(of paragraphs: [FoldedText]) -> Result {
        Result(sections: [], diagnostics: [])
    }
}
