/// The paragraph styles of a Word document (`word/styles.xml`): the numbering and
/// the outline level a style gives its paragraphs, through w:basedOn.
struct WordStyles: Sendable {
    struct Style: Sendable {
        var name: String?
        var basedOn: String?
        var numID: String?
        var numLevel: Int?
        var outlineLevel: Int?
    }

    private(set) var styles: [String: Style] = [:]

    init() {}

    /// Styles read from elsewhere than styles.xml (a .doc's style sheet), by id.
    init(_ styles: [String: Style]) {
        self.styles = styles
        contentsStyles = Set(styles.compactMap { id, style in style.name.map(Self.isContentsName) == true ? id : nil })
    }

    /// The elements of styles.xml the reader acts on.
    enum Element: String, XMLVocabulary {
        case style = "w:style", name = "w:name", basedOn = "w:basedOn", numberingID = "w:numId"
        // Word 2003's XML names a list by its w:ilfo.
        case legacyNumberingID = "w:ilfo"
        case numberingLevel = "w:ilvl", outlineLevel = "w:outlineLvl"
        case runProperties = "w:rPr", paragraphPropertiesChange = "w:pPrChange", tableProperties = "w:tblPr"

        /// Run properties and revisions: no paragraph style facts inside.
        var isSkipped: Bool { self == .runProperties || self == .paragraphPropertiesChange || self == .tableProperties }
    }

    /// Reads styles.xml.
    struct Reader: XMLNodeReader {
        private(set) var result = WordStyles()
        private var id: String?
        private var style = Style()
        /// Depth inside run properties and revisions: no paragraph style facts there.
        private var skipped = 0

        mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
            switch node {
            case .start(let element):
                if skipped > 0 || element?.isSkipped == true {
                    skipped += 1
                    return
                }
                if let element { start(element, stream: stream) }
            case .end(let element):
                if skipped > 0 {
                    skipped -= 1
                } else if element == .style, let id {
                    result.styles[id] = style
                    if let name = style.name, WordStyles.isContentsName(name) { result.contentsStyles.insert(id) }
                }
            case .text:
                break
            }
        }

        private mutating func start(_ element: Element, stream: XMLStream<Element>) {
            let val = stream.attribute("w:val")
            switch element {
            case .style:
                id = stream.attribute("w:type") == "paragraph" ? stream.attribute("w:styleId") : nil
                style = Style()
            case .name: style.name = val
            case .basedOn: style.basedOn = val
            case .numberingID, .legacyNumberingID: style.numID = val
            case .numberingLevel: style.numLevel = val.flatMap { Int($0) }
            case .outlineLevel: style.outlineLevel = val.flatMap { Int($0) }
            default: break
            }
        }
    }

    /// The styles from `id` up its w:basedOn chain (guarded against cycles).
    private func chain(_ id: String) -> [Style] {
        var result: [Style] = []
        var next: String? = id
        var seen: Set<String> = []
        while let current = next, seen.insert(current).inserted, let style = styles[current] {
            result.append(style)
            next = style.basedOn
        }
        return result
    }

    /// The list a style puts its paragraphs in, and at which level.
    func numbering(of id: String) -> (numID: String, level: Int)? {
        let chain = chain(id)
        guard let numID = chain.lazy.compactMap(\.numID).first else { return nil }
        return (numID, chain.lazy.compactMap(\.numLevel).first ?? 0)
    }

    /// Whether a style is one of a table of contents that Word builds (its entries' built-in
    /// styles toc 1 … toc 9, and its TOC Heading), whatever its id: Chinese Word ids them
    /// 10, 21 …, English Word TOC1. An id that styles.xml does not define is read as a name.
    func isContents(_ id: String) -> Bool {
        contentsStyles.contains(id) || styles[id] == nil && Self.isContentsName(id)
    }

    /// The ids of the styles ``isContents(_:)`` names, found as styles.xml is read: every
    /// paragraph of the body asks.
    private(set) var contentsStyles: Set<String> = []

    private static func isContentsName(_ name: String) -> Bool {
        let name = name.lowercased().filter { $0 != " " }
        return name == "tocheading" || name.count == 4 && name.hasPrefix("toc") && name.last.map { ("1"..."9").contains($0) } == true
    }

    /// The outline level (0 = top) a style gives: its w:outlineLvl, or a heading
    /// style's level by name, as Chinese Word names them with ids `1`, `2`.
    func outlineLevel(of id: String) -> Int? {
        for style in chain(id) {
            if let level = style.outlineLevel { return level < 9 ? level : nil }
            if let name = style.name?.lowercased() {
                for prefix in ["heading ", "标题 "] where name.hasPrefix(prefix) {
                    if let n = Int(name.dropFirst(prefix.count)), (1...9).contains(n) { return n - 1 }
                }
            }
        }
        return nil
    }
}
