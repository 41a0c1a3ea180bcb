/// Turns a .doc's main text, character by character, into paragraphs and table grids for
/// ``ReportAssembly``, as ``WordDocumentReader`` does a .docx's body.
struct WordBinaryBodyReader {
    private struct Field {
        var inInstruction = true
        /// The first characters of its instruction, to know a table of contents or an object.
        var instruction: [UInt16] = []
        var isContents = false
    }

    private let assembly: ReportAssembly
    private let styles: WordStyles
    private let numbering: WordNumbering
    private var counters = WordNumbering.Counters()
    private var paragraphNumber = 0

    /// Where the reading of one run of text stands (the main text, or a text box read where
    /// it is anchored, which comes back to the main text where it left it).
    private struct Story {
        /// The paragraph being read, UTF-8; a line break in it is "\n" until it is known to be
        /// outside a table (then a space, as in a .docx).
        var paragraph: [UInt8] = []
        var pendingHighSurrogate: UInt16?
        var fields: [Field] = []
        /// Fields opened beyond the depth kept (a hostile file's), read as results.
        var fieldsBeyondDepth = 0
        /// How many of `fields` are tables of contents.
        var openContents = 0
        var paragraphInContents = false
        var isTextBox = false
    }

    private var story = Story()
    /// Excel worksheets and Word documents embedded as objects (EMBED fields), which a .doc
    /// keeps in its ObjectPool and finparse does not read, and the line of the first.
    private(set) var embeddedObjects = (count: 0, firstLine: 0)
    /// The text boxes read so far, by their first position: a damaged file may anchor one
    /// box many times, Word once.
    private var textBoxesRead: Set<Int> = []
    /// The tables open at the paragraph being read: the outermost first, then each table
    /// nested in a cell of the one before.
    private var tables: [OpenWordTable] = []
    private var recentBodyParagraphs: [FoldedText] = []
    private var contents: [FoldedText] = []

    /// Word nests fields a few deep (a page number in a hyperlink in a table of contents).
    private static let maxFieldDepth = 64

    init(_ document: WordBinaryDocument, assembly: ReportAssembly) {
        self.assembly = assembly
        styles = document.styles
        numbering = document.numbering
    }

    /// Reads the whole main text of `document`.
    mutating func read(_ document: WordBinaryDocument) {
        read(document.mainText, of: document)
        closeTables(downTo: 0)
        assembly.setAside(contents: contents)
    }

    private mutating func take(_ unit: UInt16, _ deleted: Bool, _ offset: Int, _ position: Int,
                               in document: WordBinaryDocument) {
        switch unit {
        case 0x08 where !story.isTextBox:
            // A drawn object's anchor: a text box's paragraphs are read where it stands, as in a .docx.
            if let box = document.textBoxes[position], textBoxesRead.insert(box.lowerBound).inserted {
                read(textBox: box, of: document)
            }
        case 0x0D, 0x07, 0x0C:
            // A section's end (0x0C) stands for its last paragraph's mark.
            endParagraph(mark: unit == 0x0C ? 0x0D : unit, document.paragraphProperties(at: offset), deleted: deleted)
        case 0x13:
            if story.fields.count < Self.maxFieldDepth { story.fields.append(Field()) } else { story.fieldsBeyondDepth += 1 }
        case 0x14:
            if story.fieldsBeyondDepth == 0, let last = story.fields.indices.last, story.fields[last].inInstruction {
                story.fields[last].inInstruction = false
                let instruction = String(decoding: story.fields[last].instruction, as: UTF16.self).trimmingSpaces
                story.fields[last].isContents = instruction.hasPrefix("TOC")
                if story.fields[last].isContents { story.openContents += 1 }
                if instruction.hasPrefix("EMBED Excel.Sheet") || instruction.hasPrefix("EMBED Word.Document") {
                    if embeddedObjects.count == 0 { embeddedObjects.firstLine = paragraphNumber + 1 }
                    embeddedObjects.count += 1
                }
            }
        case 0x15:
            if story.fieldsBeyondDepth > 0 {
                story.fieldsBeyondDepth -= 1
            } else if story.fields.popLast()?.isContents == true {
                story.openContents -= 1
            }
        default:
            // Tracked changes read as accepted: deleted text is left out.
            if deleted { return }
            if let last = story.fields.indices.last, story.fields[last].inInstruction {
                if story.fields[last].instruction.count < 24 { story.fields[last].instruction.append(unit) }
                return
            }
            if story.openContents > 0 { story.paragraphInContents = true }
            append(unit)
        }
    }

    /// Reads a text box's paragraphs, then goes on with the paragraph it is anchored in.
    private mutating func read(textBox positions: Range<Int>, of document: WordBinaryDocument) {
        let anchoring = story
        story = Story(isTextBox: true)
        read(positions, of: document)
        story = anchoring
    }

    /// Reads the characters at `positions` into the current story; a last paragraph without
    /// its mark (a damaged file's) ends with them.
    private mutating func read(_ positions: Range<Int>, of document: WordBinaryDocument) {
        document.forEachCharacter(in: positions) { unit, deleted, offset, position in
            take(unit, deleted, offset, position, in: document)
        }
        if !story.paragraph.isEmpty { endParagraph(mark: 0x0D, WordBinaryDocument.ParagraphProperties()) }
    }

    private mutating func append(_ unit: UInt16) {
        let scalar: Unicode.Scalar?
        switch unit {
        case 0x09: scalar = " "
        case 0x0B: scalar = "\n"
        case 0x1E: scalar = "-"  // a non-breaking hyphen
        case 0xD800...0xDBFF:
            story.pendingHighSurrogate = unit
            return
        case 0xDC00...0xDFFF:
            let high = story.pendingHighSurrogate.map { UInt32($0 - 0xD800) << 10 }
            scalar = high.flatMap { Unicode.Scalar(0x10000 + $0 + UInt32(unit - 0xDC00)) }
        case ..<0x20:
            // Anchors of pictures, footnotes, comments and drawn objects, an optional hyphen.
            scalar = nil
        default:
            scalar = Unicode.Scalar(unit)
        }
        story.pendingHighSurrogate = nil
        guard let scalar else { return }
        if scalar.isASCII { story.paragraph.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { story.paragraph.append($0) } }
    }

    private mutating func endParagraph(mark: UInt16, _ properties: WordBinaryDocument.ParagraphProperties,
                                       deleted: Bool = false) {
        var properties = properties
        if story.isTextBox {
            // A text box's paragraphs stand where it is anchored: in the body, or in the cell.
            properties.depth = tables.count
            (properties.endsRow, properties.endsInnerRow, properties.endsInnerCell) = (false, false, false)
        }
        defer {
            story.paragraph.removeAll(keepingCapacity: true)
            story.paragraphInContents = false
        }
        let style = String(properties.style)
        let marker = properties.endsRow || properties.endsInnerRow ? ""
            : counters.marker(numID: properties.list.map(String.init), level: properties.listLevel, style: style,
                              styles: styles, in: numbering)
        closeTables(downTo: properties.depth)
        guard properties.depth > 0 else {
            paragraphNumber += 1
            let text = marker + String(decoding: story.paragraph.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
            let body = FoldedText(text, line: paragraphNumber)
            if body.text.isSpacesOnly { return }
            if story.paragraphInContents || styles.isContents(style) {
                if contents.isEmpty { assembly.contentsFound() }
                contents.append(body)
                return
            }
            if let level = properties.outlineLevel ?? styles.outlineLevel(of: style), level < 9 {
                assembly.hints.headingLevels[paragraphNumber] = level
            }
            assembly.add(body)
            recentBodyParagraphs.append(body)
            if recentBodyParagraphs.count > TableGrid.paragraphsAbove { recentBodyParagraphs.removeFirst() }
            return
        }
        // A hostile depth opens no more tables than a report could nest.
        while tables.count < min(properties.depth, Self.maxTableDepth) {
            tables.append(OpenWordTable(above: recentBodyParagraphs))
        }
        let t = tables.count - 1
        // The outermost table's rows and cells end on 0x07, a nested table's on paragraph marks.
        let nested = properties.depth > 1
        if nested ? properties.endsInnerRow : (mark == 0x07 && properties.endsRow) {
            // A row whose deletion is tracked has its end mark deleted: it is dropped.
            if !deleted {
                Self.merge(&tables[t].row, flags: properties.cellFlags)
                tables[t].builder.rows.append(tables[t].row)
                tables[t].rowEdges.append(properties.cellEdges)
            }
            tables[t].row = WordTableBuilder.Row()
            return
        }
        paragraphNumber += 1
        tables[t].cell.line = tables[t].cell.line ?? paragraphNumber
        tables[t].cell.texts.append(marker + String(decoding: story.paragraph, as: UTF8.self))
        if nested ? properties.endsInnerCell : mark == 0x07 {
            tables[t].row.cells.append(tables[t].cell)
            tables[t].cell = WordTableBuilder.Cell()
        }
    }

    /// A TC80's merge flags: a vertical merge's first cell (3) and the cells that continue
    /// it (1, 2); a horizontal merge's cells after its first (2, 3).
    private static func merge(_ row: inout WordTableBuilder.Row, flags: [UInt16]) {
        for (i, flag) in zip(row.cells.indices, flags) {
            switch flag >> 5 & 3 {
            case 3: row.cells[i].verticalMerge = .restart
            case 1, 2: row.cells[i].verticalMerge = .proceed
            default: break
            }
            if flag & 3 >= 2 { row.cells[i].horizontalMerge = .proceed }
        }
    }

    /// Word nests tables a few deep; deeper paragraphs are read into the deepest kept.
    private static let maxTableDepth = 16

    /// Closes the tables nested deeper than `depth`, the innermost first: each goes into
    /// the cell of the table around it, the outermost to the assembly.
    private mutating func closeTables(downTo depth: Int) {
        guard let grid = tables.close(downTo: depth, fallbackLine: paragraphNumber) else { return }
        assembly.add(grid)
        recentBodyParagraphs = []
    }
}
