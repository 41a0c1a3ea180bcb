/// Reads the body of a Word document (`word/document.xml`) as a stream, handing each
/// paragraph and table grid to ``ReportAssembly`` as soon as it is complete.
///
/// A paragraph's line is its 1-based number in document order, paragraphs inside
/// table cells included. Content in w:sdt, w:smartTag, w:hyperlink, w:customXml,
/// w:fldSimple and w:ins is read as text; w:del, w:moveFrom and field instructions
/// are dropped (tracked changes read as accepted, a row whose insertion was tracked
/// kept, one whose deletion was tracked dropped). Word's automatic numbering is
/// rendered into the text as Word shows it (一、 （一） 1.), and a paragraph's outline
/// level (its own or its style's) is kept for the outline. Footnotes and comments live
/// in other parts and are not read.
struct WordDocumentReader: XMLNodeReader {
    /// The elements of document.xml the reader acts on.
    enum Element: String, XMLVocabulary {
        case body = "w:body", embeddedPart = "w:altChunk", paragraph = "w:p", paragraphStyle = "w:pStyle", numberingID = "w:numId", numberingLevel = "w:ilvl"
        case outlineLevel = "w:outlineLvl", text = "w:t", tab = "w:tab", lineBreak = "w:br", carriageReturn = "w:cr"
        case nonBreakingHyphen = "w:noBreakHyphen", symbol = "w:sym"
        case table = "w:tbl", row = "w:tr", rowProperties = "w:trPr", cell = "w:tc"
        case gridBefore = "w:gridBefore", gridAfter = "w:gridAfter", gridSpan = "w:gridSpan"
        case verticalMerge = "w:vMerge", horizontalMerge = "w:hMerge"
        // Word 2003's XML: its merges, and the number Word showed a list paragraph with.
        case legacyVerticalMerge = "w:vmerge", legacyHorizontalMerge = "w:hmerge"
        case listProperties = "w:listPr", shownText = "wx:t", shownFont = "wx:font", legacyNumberingID = "w:ilfo"
        case footnote = "w:footnote", endnote = "w:endnote", annotation = "aml:annotation"
        // Skipped, with all they hold.
        case deleted = "w:del", movedFrom = "w:moveFrom", fieldInstruction = "w:instrText", deletedText = "w:delText"
        case deletedFieldInstruction = "w:delInstrText", compatibilityFallback = "mc:Fallback"
        case runProperties = "w:rPr", tabStops = "w:tabs", tableProperties = "w:tblPr", tableColumns = "w:tblGrid"
        case contentControlProperties = "w:sdtPr", sectionProperties = "w:sectPr"
        case paragraphPropertiesChange = "w:pPrChange", runPropertiesChange = "w:rPrChange"
        case tablePropertiesChange = "w:tblPrChange", rowPropertiesChange = "w:trPrChange"
        case cellPropertiesChange = "w:tcPrChange"
        // Pictures, drawn (DrawingML), in VML, or an embedded object's: a document without
        // text is told whether it holds any.
        case drawing = "w:drawing", picture = "w:pict", object = "w:object"
        /// What an embedded object is (its ProgID) and where its part is (r:id).
        case oleObject = "o:OLEObject"

        /// An element whose whole content is not part of the text.
        var isSkipped: Bool {
            switch self {
            case .deleted, .movedFrom, .fieldInstruction, .deletedText, .deletedFieldInstruction,
                 .compatibilityFallback, .runProperties, .tabStops, .tableProperties, .tableColumns,
                 .contentControlProperties, .sectionProperties:
                true
            // Word 2003 keeps notes in the body where they are referenced (a .docx in parts of
            // their own, which are not read either).
            case .footnote, .endnote:
                true
            // Earlier properties kept by tracked formatting changes: not the document as it is.
            case .paragraphPropertiesChange, .runPropertiesChange, .tablePropertiesChange,
                 .rowPropertiesChange, .cellPropertiesChange:
                true
            default:
                false
            }
        }
    }

    /// The Symbol font's comparison and arithmetic signs, as reports type ≥ with it.
    private static let symbolFont: [UInt32: UInt32] = [
        0xB3: 0x2265, 0xA3: 0x2264, 0xB9: 0x2260, 0xB1: 0x00B1, 0xB4: 0x00D7, 0xB8: 0x00F7, 0xB0: 0x00B0,
    ]

    /// The character a symbol inserted from `font` shows: symbol fonts put their characters
    /// at F000 + the font's own code; the Symbol font's signs are read as Unicode's, any
    /// other font's as the code.
    static func symbol(_ code: UInt32, font: String?) -> UInt32 {
        let byte = (0xF020...0xF0FF).contains(code) ? code - 0xF000 : code
        return font == "Symbol" ? symbolFont[byte] ?? byte : byte
    }

    private struct OpenParagraph {
        /// UTF-8, as the text nodes come: one string is made when the paragraph ends.
        var text: [UInt8] = []
        var style: String?
        var numID: String?
        var numLevel: Int?
        var outlineLevel: Int?
        /// The number Word 2003's XML says the paragraph was shown with (wx:t in w:listPr),
        /// and whether in a symbol font (a bullet).
        var shownMarker: String?
        var shownInSymbolFont = false
    }

    /// Takes the body's paragraphs and tables, and the outline level (0 = top) of the
    /// paragraphs that have one as hints, by line.
    private let assembly: ReportAssembly
    private let numbering: WordNumbering
    private let styles: WordStyles
    private var counters = WordNumbering.Counters()

    private var paragraphNumber = 0
    /// Open paragraphs: more than one when a text box holds paragraphs of its own.
    private var openParagraphs: [OpenParagraph] = []
    private var inRowProperties = false
    private var inListProperties = false
    private var openTables: [WordTableBuilder] = []
    private var inText = false
    private var skipper = XMLSkipper<Element>()
    /// The last few body paragraphs before whatever comes next: a table's title and unit.
    private var recentBodyParagraphs: [FoldedText] = []
    /// The entries of a table of contents Word built, kept out of the body.
    private var contents: [FoldedText] = []
    /// Whether the part had a Word body: a workbook's or a presentation's main part has none.
    private(set) var hasBody = false
    /// The parts Word merges into the body when it opens the file (w:altChunk: another
    /// document, a page in a table) that are not read, and the line of the first.
    private(set) var embeddedParts = (count: 0, firstLine: 0)
    /// Whether the body holds a picture (or a drawing or an embedded object).
    private(set) var holdsPictures = false
    /// Excel worksheets and Word documents the body embeds as objects that are not read (a
    /// workbook in a table cell or in the Excel 97–2003 format, a document), and the line of
    /// the first.
    private(set) var embeddedObjects = (count: 0, firstLine: 0)

    /// The parts the body merges in (w:altChunk) by relationship id, read where they stand
    /// when they are web pages or RTF.
    private let embeddedPages: [String: [UInt8]]
    /// The workbooks the body embeds as objects (word/embeddings/….xlsx, an .xls or an
    /// object's storage), and what else an object part is, by relationship id.
    private let embeddedWorkbooks: [String: [UInt8]]
    /// The workbooks of the paragraph open at the body's level, read once it ends.
    private var pendingWorkbooks: [[UInt8]] = []

    init(numbering: WordNumbering, styles: WordStyles, assembly: ReportAssembly, embeddedPages: [String: [UInt8]] = [:],
         embeddedWorkbooks: [String: [UInt8]] = [:]) {
        self.numbering = numbering
        self.styles = styles
        self.assembly = assembly
        self.embeddedPages = embeddedPages
        self.embeddedWorkbooks = embeddedWorkbooks
    }

    mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
        // A w:del in a row's own properties (not in their tracked earlier state) deletes the row.
        if case .start(.deleted) = node, inRowProperties, !skipper.isSkipping { updateRow { $0.deleted = true } }
        // A Word 2003 comment stands in the body, as an annotation of its own type.
        guard !skipper.skips(node, { $0.isSkipped || $0 == .annotation && stream.attribute("w:type") == "Word.Comment" }) else { return }
        switch node {
        case .start(let element?): start(element, stream: stream)
        case .end(let element?): end(element)
        case .text: if inText { updateParagraph { stream.appendText(to: &$0.text) } }
        default: break
        }
    }

    private mutating func start(_ element: Element, stream: XMLStream<Element>) {
        switch element {
        case .body:
            hasBody = true
        case .embeddedPart:
            // A page or an RTF part merged in at the body's level is read as its lines; in a table, not.
            if openTables.isEmpty, openParagraphs.isEmpty, let page = stream.attribute("r:id").flatMap({ embeddedPages[$0] }) {
                var last = HTMLReportParser.readEmbedded(page, firstLine: paragraphNumber + 1, into: assembly)
                if last == nil, page.starts(with: Array("{\\rtf".utf8)) {
                    var rtf = RTFBodyReader(assembly: assembly, firstLine: paragraphNumber + 1)
                    rtf.read(page)
                    last = rtf.lastLine
                }
                if let last {
                    paragraphNumber = last
                    recentBodyParagraphs = []
                    return
                }
            }
            if embeddedParts.count == 0 { embeddedParts.firstLine = paragraphNumber + 1 }
            embeddedParts.count += 1
        case .drawing, .picture, .object:
            holdsPictures = true
        case .oleObject:
            // A worksheet pasted as an object (Excel's 选择性粘贴 → 工作表对象) shows as a picture
            // of its cells: its workbook is read, once its paragraph has been.
            let kind = stream.attribute("ProgID") ?? ""
            guard kind.hasPrefix("Excel.Sheet") || kind.hasPrefix("Word.Document") else { break }
            if kind.hasPrefix("Excel.Sheet"), openTables.isEmpty, let workbook = stream.attribute("r:id").flatMap({ embeddedWorkbooks[$0] }) {
                pendingWorkbooks.append(workbook)
            } else {
                objectNotRead()
            }
        case .paragraph:
            openParagraphs.append(OpenParagraph())
        case .paragraphStyle:
            let style = stream.attribute("w:val")
            updateParagraph { $0.style = style }
        case .numberingID, .legacyNumberingID:
            let id = stream.attribute("w:val")
            updateParagraph { $0.numID = id }
        case .numberingLevel:
            let level = stream.attribute("w:val").flatMap { Int($0) }
            updateParagraph { $0.numLevel = level }
        case .outlineLevel:
            let level = stream.attribute("w:val").flatMap { Int($0) }
            updateParagraph { $0.outlineLevel = level }
        case .rowProperties:
            inRowProperties = true
        case .listProperties:
            inListProperties = true
        case .shownText where inListProperties:
            let shown = stream.attribute("wx:val")
            updateParagraph { $0.shownMarker = shown }
        case .shownFont where inListProperties:
            let font = stream.attribute("wx:val") ?? ""
            let symbols = ["Symbol", "Wingdings", "Webdings"].contains { font.hasPrefix($0) }
            updateParagraph { $0.shownInSymbolFont = symbols }
        case .text:
            inText = true
        case .tab:
            append(" ")
        case .lineBreak, .carriageReturn:
            // A page break is layout; a line break inside a cell separates its lines.
            if stream.attribute("w:type") != "page" { append(openTables.isEmpty ? " " : "\n") }
        case .nonBreakingHyphen:
            append("-")
        case .symbol:
            if let code = stream.attribute("w:char").flatMap({ UInt32($0, radix: 16) }),
               let character = Unicode.Scalar(Self.symbol(code, font: stream.attribute("w:font"))) {
                append(String(character))
            }
        case .table:
            openTables.append(WordTableBuilder(above: recentBodyParagraphs))
        case .row:
            // A row outside any table (a damaged file) has nowhere to go and is read as text only.
            if !openTables.isEmpty { openTables[openTables.count - 1].rows.append(WordTableBuilder.Row()) }
        case .cell:
            updateRow { $0.cells.append(WordTableBuilder.Cell()) }
        case .gridBefore, .gridAfter:
            let count = stream.attribute("w:val").flatMap { Int($0) } ?? 0
            updateRow { if element == .gridBefore { $0.gridBefore = count } else { $0.gridAfter = count } }
        case .gridSpan:
            let span = max(1, stream.attribute("w:val").flatMap { Int($0) } ?? 1)
            updateCell { $0.span = span }
        case .verticalMerge, .horizontalMerge, .legacyVerticalMerge, .legacyHorizontalMerge:
            let merge: WordTableBuilder.Merge = stream.attribute("w:val") == "restart" ? .restart : .proceed
            let vertical = element == .verticalMerge || element == .legacyVerticalMerge
            updateCell { if vertical { $0.verticalMerge = merge } else { $0.horizontalMerge = merge } }
        default:
            break
        }
    }

    private mutating func end(_ element: Element) {
        switch element {
        case .text:
            inText = false
        case .rowProperties:
            inRowProperties = false
        case .listProperties:
            inListProperties = false
        case .row:
            if let t = openTables.indices.last, openTables[t].rows.last?.deleted == true { openTables[t].rows.removeLast() }
        case .paragraph:
            guard let open = openParagraphs.popLast() else { return }
            paragraphNumber += 1
            let number = paragraphNumber
            let text = marker(of: open) + String(decoding: open.text, as: UTF8.self)
            if openTables.isEmpty {
                let paragraph = FoldedText(text, line: number)
                if open.style.map(styles.isContents) == true {
                    if contents.isEmpty { assembly.contentsFound() }
                    if !paragraph.text.isSpacesOnly { contents.append(paragraph) }
                } else if !paragraph.text.isSpacesOnly {
                    // Before the paragraph, which a streamed outline places as it comes.
                    if let level = open.outlineLevel ?? open.style.flatMap(styles.outlineLevel(of:)), level < 9 {
                        assembly.hints.headingLevels[number] = level
                    }
                    assembly.add(paragraph)
                    recentBodyParagraphs.append(paragraph)
                    if recentBodyParagraphs.count > TableGrid.paragraphsAbove { recentBodyParagraphs.removeFirst() }
                }
                if openParagraphs.isEmpty { readPendingWorkbooks() }
            } else {
                updateCell { cell in
                    cell.line = cell.line ?? number
                    cell.texts.append(text)
                }
            }
        case .table:
            guard let builder = openTables.popLast() else { return }
            let grid = builder.grid(fallbackLine: paragraphNumber)
            if openTables.isEmpty {
                assembly.add(grid)
                recentBodyParagraphs = []
            } else {
                updateCell { $0.tables.append(grid) }
            }
        default:
            break
        }
    }

    /// The workbooks the paragraph just ended embeds, each read where it stands, its rows
    /// numbered on from the paragraphs before it.
    private mutating func readPendingWorkbooks() {
        for workbook in pendingWorkbooks {
            if let last = WorkbookReportParser.readEmbedded(workbook, firstLine: paragraphNumber + 1, before: recentBodyParagraphs,
                                                            into: assembly) {
                paragraphNumber = last
                recentBodyParagraphs = []
            } else {
                objectNotRead()
            }
        }
        pendingWorkbooks = []
    }

    private mutating func objectNotRead() {
        if embeddedObjects.count == 0 { embeddedObjects.firstLine = paragraphNumber + 1 }
        embeddedObjects.count += 1
    }

    /// Once the body is read: its table of contents, if Word built one, goes to the assembly.
    func finish() { assembly.setAside(contents: contents) }

    private mutating func append(_ text: String) {
        updateParagraph { $0.text += text.utf8 }
    }

    private mutating func updateParagraph(_ change: (inout OpenParagraph) -> Void) {
        if !openParagraphs.isEmpty { change(&openParagraphs[openParagraphs.count - 1]) }
    }

    private mutating func marker(of paragraph: OpenParagraph) -> String {
        // A bullet (·, ●, or a symbol font's glyph) is no text of the paragraph's, as in a .docx.
        if let shown = paragraph.shownMarker {
            let isNumber = shown.unicodeScalars.contains { $0.properties.numericType != nil || $0.properties.isAlphabetic }
            return isNumber && !paragraph.shownInSymbolFont ? shown : ""
        }
        return counters.marker(numID: paragraph.numID, level: paragraph.numLevel, style: paragraph.style, styles: styles, in: numbering)
    }

    private mutating func updateRow(_ change: (inout WordTableBuilder.Row) -> Void) {
        guard !openTables.isEmpty, !openTables[openTables.count - 1].rows.isEmpty else { return }
        let t = openTables.count - 1
        change(&openTables[t].rows[openTables[t].rows.count - 1])
    }

    private mutating func updateCell(_ change: (inout WordTableBuilder.Cell) -> Void) {
        updateRow { row in
            if !row.cells.isEmpty { change(&row.cells[row.cells.count - 1]) }
        }
    }
}
