/// The main text of a Word 97–2003 document (.doc, [MS-DOC]): its characters through the
/// piece table, its paragraphs' table properties from the paragraph property pages, handed
/// to ``ReportAssembly`` as paragraphs and table grids, as ``WordDocumentReader`` hands a
/// .docx's.
///
/// A paragraph's line is its 1-based number in document order, paragraphs inside table
/// cells included, as in a .docx. A table's columns are the cells' edges (every row's, in
/// twips) in order, so a wide cell spans the columns of the narrower ones below it; a
/// vertical merge's continuation extends the cell above; a table nested in a cell is one of
/// its tables. Field instructions are dropped and their results kept; a table of contents
/// Word built (a TOC field) is set aside as a .docx's is; tracked deletions are left out.
/// Word's automatic numbering is rendered from the list tables and the style sheet, which
/// also give headings their outline levels. A text box's paragraphs are read where it is
/// anchored. Footnotes, headers and comments are not read, as in a .docx.
struct WordBinaryDocument {
    /// What is wrong with the document, in words.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        /// A sound document of a kind not read (Word 95, encrypted), not a damaged one.
        let isUnsupported: Bool
        init(_ description: String, isUnsupported: Bool = false) {
            self.description = description
            self.isUnsupported = isUnsupported
        }
    }

    /// A run of characters stored together: at `offset` in the WordDocument stream, one
    /// byte a character (Windows-1252) when `compressed`, else UTF-16LE.
    private struct Piece {
        let characters: Range<Int>
        let offset: Int
        let compressed: Bool
    }

    private struct CharacterRun {
        let range: Range<Int>
        var deleted = false
        /// The font the run's characters are set in (sprmCRgFtc0).
        var font: String?
        /// A symbol the run's character 0x28 stands for (sprmCSymbol): its font and code.
        var symbol: (font: String?, code: UInt16)?
    }

    /// What the reader needs of a paragraph's properties.
    struct ParagraphProperties {
        /// The paragraph's style (its istd in the style sheet).
        var style = 0
        /// The list (its 1-based LFO) and level the paragraph is numbered in; list 0 is none.
        var list: Int?
        var listLevel: Int?
        /// 0 outside tables, 1 in a table, 2 and more in tables nested in a cell.
        var depth = 0
        /// The mark ends a table row (its properties then hold the row's), not a cell.
        var endsRow = false
        /// The mark ends a nested table's cell, or its row.
        var endsInnerCell = false
        var endsInnerRow = false
        var outlineLevel: Int?
        /// The row's cells' edges in twips, from its left edge to its right.
        var cellEdges: [Int] = []
        /// Each cell's merge flags (TC80's tcgrf).
        var cellFlags: [UInt16] = []
    }

    private let text: [UInt8]
    private let pieces: [Piece]
    private let mainLength: Int
    /// Paragraph properties by the byte ranges of the text they cover, in order.
    private let runs: [(end: Int, start: Int, properties: ParagraphProperties)]
    /// What the character property pages say of the runs the reader cares about: those
    /// whose deletion Word tracks, and those set in a font of their own (symbols), in order.
    private let characterRuns: [CharacterRun]
    /// The character positions after each section's end: a section ends on a 0x0C that
    /// stands for its last paragraph's mark, where any other 0x0C is a page break.
    private let sectionBoundaries: Set<Int>
    /// The text boxes drawn in the main text: the position of each one's anchor (a 0x08),
    /// with the positions of its text in the text box story.
    let textBoxes: [Int: Range<Int>]
    /// The paragraph styles (by istd) and lists (by LFO), as a .docx's styles.xml and
    /// numbering.xml give them.
    let styles: WordStyles
    let numbering: WordNumbering

    /// The document in `file`, or a failure saying why it cannot be read.
    init(_ file: CompoundFile) throws(Failure) {
        func stream(_ name: String) throws(Failure) -> [UInt8]? {
            do { return try file.stream(name) } catch { throw Failure(error.description) }
        }
        guard let text = try stream("WordDocument") else { throw Failure("has no WordDocument stream") }
        // Word 6 and 95 (file formats 101–104) kept their text otherwise.
        let version = text.le16(2)
        if (0x65...0x68).contains(version) {
            throw Failure("is a Word 6 or Word 95 document (file format \(version))", isUnsupported: true)
        }
        guard text.le16(0) == 0xA5EC, version >= 0xC1 else { throw Failure("its WordDocument stream does not start as Word's does") }
        let flags = text.le16(0x0A)
        guard flags & 0x0100 == 0, flags & 0x8000 == 0 else { throw Failure("is encrypted (password-protected)", isUnsupported: true) }
        // The FIB's pairs of (offset, length) into the table stream.
        let pairs = Int(text.le16(0x98))
        guard pairs >= 0x5D, 0x9A + 8 * pairs <= text.count else { throw Failure("its file information block is cut short") }
        func pair(_ index: Int) -> (offset: Int, count: Int) {
            (Int(text.le32(0x9A + 8 * index)), Int(text.le32(0x9E + 8 * index)))
        }
        let tableName = flags & 0x0200 == 0 ? "0Table" : "1Table"
        guard let table = try stream(tableName) else { throw Failure("has no \(tableName) stream") }
        let data = try stream("Data") ?? []
        self.text = text
        mainLength = Int(text.le32(0x4C))
        pieces = try Self.pieces(clx: pair(33), in: table, textCount: text.count)
        runs = Self.paragraphRuns(pair(13), table: table, text: text, data: data)
        characterRuns = Self.characterRuns(pair(12), fonts: Self.fonts(pair(15), table: table), table: table, text: text)
        let sections = pair(6)
        sectionBoundaries = sections.count >= 4 && sections.offset + sections.count <= table.count
            ? Set((0...(sections.count - 4) / 16).map { Int(table.le32(sections.offset + 4 * $0)) }) : []
        // The stories follow one another: main text, footnotes, headers, macros, comments,
        // endnotes, then the text boxes.
        let textBoxStory = (0..<6).reduce(0) { $0 + Int(text.le32(0x4C + 4 * $1)) }
        textBoxes = Self.textBoxes(anchors: pair(40), boxes: pair(56), story: textBoxStory, table: table)
        styles = Self.styles(pair(1), table: table, data: data)
        numbering = Self.numbering(lists: pair(73), instances: pair(74), table: table)
    }

    /// The text boxes by their anchors: the shapes the main text anchors (PlcSpaMom: their
    /// positions, then an FSPA of 26 bytes each, its shape id first) matched by id with the
    /// text boxes' texts (PlcftxbxTxt: their positions in the story, then an FTXBXS of 22
    /// bytes each, the shape id 14 bytes in).
    private static func textBoxes(anchors: (offset: Int, count: Int), boxes: (offset: Int, count: Int), story: Int,
                                  table: [UInt8]) -> [Int: Range<Int>] {
        guard anchors.count >= 4, boxes.count >= 4, anchors.offset + anchors.count <= table.count,
              boxes.offset + boxes.count <= table.count else { return [:] }
        let boxCount = (boxes.count - 4) / 26
        var texts: [UInt32: Range<Int>] = [:]
        for i in 0..<boxCount {
            // Each box's text ends with a paragraph mark of the story's own, which ends no
            // paragraph of the box.
            let start = Int(table.le32(boxes.offset + 4 * i)), end = Int(table.le32(boxes.offset + 4 * (i + 1))) - 1
            if start < end { texts[table.le32(boxes.offset + 4 * (boxCount + 1) + 22 * i + 14)] = story + start..<story + end }
        }
        let anchorCount = (anchors.count - 4) / 30
        var found: [Int: Range<Int>] = [:]
        for i in 0..<anchorCount {
            if let text = texts[table.le32(anchors.offset + 4 * (anchorCount + 1) + 26 * i)] {
                found[Int(table.le32(anchors.offset + 4 * i))] = text
            }
        }
        return found
    }

    /// The style sheet (STSH): each paragraph style's name, base style, list and outline level.
    private static func styles(_ sheet: (offset: Int, count: Int), table: [UInt8], data: [UInt8]) -> WordStyles {
        let end = min(table.count, sheet.offset + sheet.count)
        guard sheet.offset + 8 <= end else { return WordStyles() }
        let header = Int(table.le16(sheet.offset))
        let count = Int(table.le16(sheet.offset + 2)), baseSize = Int(table.le16(sheet.offset + 4))
        var styles: [String: WordStyles.Style] = [:]
        var next = sheet.offset + 2 + header
        for istd in 0..<count where next + 2 <= end {
            let std = next + 2, size = Int(table.le16(next))
            next = std + size
            // A paragraph style (stk 1) with its base fields, name and first property block.
            guard size >= baseSize + 2, baseSize >= 10, next <= end, table.le16(std + 2) & 0xF == 1 else { continue }
            let builtIn = Int(table.le16(std) & 0x0FFF), base = Int(table.le16(std + 2) >> 4)
            let nameLength = Int(table.le16(std + baseSize))
            let nameEnd = std + baseSize + 2 + 2 * nameLength
            guard nameEnd <= next else { continue }
            let name = String(decoding: stride(from: std + baseSize + 2, to: nameEnd, by: 2).map { table.le16($0) }, as: UTF16.self)
            var style = WordStyles.Style(name: name, basedOn: base == 0xFFF ? nil : String(base))
            // The paragraph properties (an LPUpxPapx at an even offset after the name's terminator).
            var upx = nameEnd + 2
            if (upx - std) % 2 == 1 { upx += 1 }
            let upxSize = Int(table.le16(upx))
            if upxSize >= 2, upx + 2 + upxSize <= next {
                let properties = Self.properties(table[upx + 4..<upx + 2 + upxSize], data: data)
                style.numID = properties.list.map(String.init)
                style.numLevel = properties.listLevel
                style.outlineLevel = properties.outlineLevel
            }
            // Word's built-in headings (sti 1–9) are outline levels whatever they are named.
            if style.outlineLevel == nil, (1...9).contains(builtIn) { style.outlineLevel = builtIn - 1 }
            styles[String(istd)] = style
        }
        return WordStyles(styles)
    }

    /// The list tables: each list's levels (PlfLst and the LVLs after it), and each list
    /// instance (PlfLfo) with the levels it starts again.
    private static func numbering(lists: (offset: Int, count: Int), instances: (offset: Int, count: Int),
                                  table: [UInt8]) -> WordNumbering {
        guard lists.count >= 2, lists.offset + lists.count <= table.count else { return WordNumbering() }
        var abstracts: [String: [Int: WordNumbering.Level]] = [:]
        let listCount = Int(table.le16(lists.offset))
        var next = lists.offset + lists.count
        for list in 0..<listCount {
            let lstf = lists.offset + 2 + 28 * list
            guard lstf + 28 <= lists.offset + lists.count else { break }
            let id = String(Int32(bitPattern: table.le32(lstf)))
            for level in 0..<(table[lstf + 26] & 1 == 1 ? 1 : 9) {
                guard let (value, end) = Self.level(at: next, in: table) else { return WordNumbering() }
                abstracts[id, default: [:]][level] = value
                next = end
            }
        }
        var found: [String: WordNumbering.Instance] = [:]
        guard instances.count >= 4, instances.offset + instances.count <= table.count else {
            return WordNumbering(abstracts: abstracts, instances: found)
        }
        let instanceCount = min(Int(table.le32(instances.offset)), (instances.count - 4) / 16)
        var overrides = instances.offset + 4 + 16 * instanceCount
        for k in 0..<instanceCount {
            let lfo = instances.offset + 4 + 16 * k
            var instance = WordNumbering.Instance(abstractID: String(Int32(bitPattern: table.le32(lfo))))
            // Its LFOData: a CP, then an LFOLVL (and the LVL it may carry) a level it overrides.
            overrides += 4
            for _ in 0..<Int(table[lfo + 12]) where overrides + 8 <= table.count {
                let start = Int(Int32(bitPattern: table.le32(overrides))), flags = table.le32(overrides + 4)
                overrides += 8
                if flags & 0x10 != 0 { instance.startOverrides[Int(flags & 0xF)] = start }
                if flags & 0x20 != 0 {
                    guard let (value, end) = Self.level(at: overrides, in: table) else { break }
                    instance.levelOverrides[Int(flags & 0xF)] = value
                    overrides = end
                }
            }
            found[String(k + 1)] = instance
        }
        return WordNumbering(abstracts: abstracts, instances: found)
    }

    /// The list level (LVL) at `offset`, and where the next one starts.
    private static func level(at offset: Int, in table: [UInt8]) -> (WordNumbering.Level, end: Int)? {
        guard offset + 28 <= table.count else { return nil }
        let textAt = offset + 28 + Int(table[offset + 24]) + Int(table[offset + 25])
        let length = Int(table.le16(textAt))
        guard textAt + 2 + 2 * length <= table.count else { return nil }
        var level = WordNumbering.Level()
        level.start = Int(Int32(bitPattern: table.le32(offset)))
        level.format = WordNumbering.numberFormats[Int(table[offset + 4])] ?? "decimal"
        // Its text, the levels' numbers standing in it as the characters 0–8.
        level.text = stride(from: textAt + 2, to: textAt + 2 + 2 * length, by: 2).map { position in
            let unit = table.le16(position)
            return unit < 9 ? "%\(unit + 1)" : String(decoding: [unit], as: UTF16.self)
        }.joined()
        // fNoRestart: the level restarts only after the level ilvlRestartLim names (0: never).
        if table[offset + 5] & 0x08 != 0 { level.restart = Int(table[offset + 26]) }
        return (level, textAt + 2 + 2 * length)
    }

    /// The piece table, from the Clx: skipped property runs (Prc), then the Pcdt.
    private static func pieces(clx: (offset: Int, count: Int), in table: [UInt8], textCount: Int) throws(Failure) -> [Piece] {
        var i = clx.offset
        let end = min(table.count, clx.offset + clx.count)
        while i < end, table[i] == 1 { i += 3 + Int(table.le16(i + 1)) }
        guard i >= clx.offset, i + 5 <= end, table[i] == 2 else { throw Failure("has no piece table") }
        let length = Int(table.le32(i + 1))
        let plc = i + 5
        guard length >= 4, plc + length <= table.count else { throw Failure("its piece table is cut short") }
        let count = (length - 4) / 12
        return try (0..<count).map { k throws(Failure) in
            let start = Int(table.le32(plc + 4 * k)), end = Int(table.le32(plc + 4 * k + 4))
            let stored = table.le32(plc + 4 * (count + 1) + 8 * k + 2)
            let compressed = stored & 0x4000_0000 != 0
            let offset = Int(stored & 0x3FFF_FFFF) / (compressed ? 2 : 1)
            guard start <= end, offset + (end - start) * (compressed ? 1 : 2) <= textCount else {
                throw Failure("its piece \(k) lies beyond the WordDocument stream (truncated?)")
            }
            return Piece(characters: start..<end, offset: offset, compressed: compressed)
        }
    }

    /// Calls `take` with each run of the property pages (512-byte FKPs) a PlcBte lists: the
    /// stored text it covers, its page and where its properties stand in the page (0:
    /// none). A paragraph page gives each run 13 bytes of offsets, a character page 1.
    private static func forEachRun(of plc: (offset: Int, count: Int), entrySize: Int, table: [UInt8], text: [UInt8],
                                   _ take: (_ stored: Range<Int>, _ page: Int, _ place: Int) -> Void) {
        guard plc.count >= 4, plc.offset + plc.count <= table.count else { return }
        let pages = (plc.count - 4) / 8
        for k in 0..<pages {
            let page = Int(table.le32(plc.offset + 4 * (pages + 1) + 4 * k) & 0x3F_FFFF) * 512
            guard page + 512 <= text.count else { continue }
            let count = Int(text[page + 511])
            guard 4 * (count + 1) + entrySize * count <= 511 else { continue }
            for i in 0..<count {
                let start = Int(text.le32(page + 4 * i)), end = Int(text.le32(page + 4 * (i + 1)))
                if start < end { take(start..<end, page, Int(text[page + 4 * (count + 1) + entrySize * i]) * 2) }
            }
        }
    }

    /// The paragraph property runs of every page the PlcBtePapx lists.
    private static func paragraphRuns(_ plc: (offset: Int, count: Int), table: [UInt8], text: [UInt8],
                                      data: [UInt8]) -> [(end: Int, start: Int, properties: ParagraphProperties)] {
        var runs: [(end: Int, start: Int, properties: ParagraphProperties)] = []
        forEachRun(of: plc, entrySize: 13, table: table, text: text) { stored, page, place in
            var properties = ParagraphProperties()
            if place > 0, place + 1 < 512 {
                let size = Int(text[page + place])
                let start = page + place + (size == 0 ? 2 : 1)
                let length = size == 0 ? 2 * Int(text[page + place + 1]) : 2 * size - 1
                // The first two bytes name the paragraph's style.
                if length >= 2, start + length <= page + 512 {
                    properties = Self.properties(text[start + 2..<start + length], data: data)
                    properties.style = Int(text.le16(start))
                }
            }
            runs.append((stored.upperBound, stored.lowerBound, properties))
        }
        runs.sort { $0.start < $1.start }
        return runs
    }

    /// The names of the fonts the text uses (SttbfFfn), by index.
    private static func fonts(_ list: (offset: Int, count: Int), table: [UInt8]) -> [String] {
        guard list.count >= 4, list.offset + list.count <= table.count else { return [] }
        let end = list.offset + list.count
        var names: [String] = []
        var next = list.offset + 4
        for _ in 0..<Int(table.le16(list.offset)) where next < end {
            // An FFN, its length first; its name (UTF-16, ended by a 0) 39 bytes in.
            let ffn = next + 1, stop = min(end, ffn + Int(table[next]))
            var units: [UInt16] = []
            var position = ffn + 39
            while position + 2 <= stop, table.le16(position) != 0 {
                units.append(table.le16(position))
                position += 2
            }
            names.append(String(decoding: units, as: UTF16.self))
            next = stop
        }
        return names
    }

    /// The character property pages the PlcBteChpx lists (each a 512-byte FKP): the runs
    /// whose sprms mark them deleted (sprmCFRMarkDel), set them in a font (sprmCRgFtc0) or
    /// make them a symbol (sprmCSymbol).
    private static func characterRuns(_ plc: (offset: Int, count: Int), fonts: [String], table: [UInt8],
                                      text: [UInt8]) -> [CharacterRun] {
        func font(_ index: UInt16) -> String? { Int(index) < fonts.count ? fonts[Int(index)] : nil }
        var runs: [CharacterRun] = []
        forEachRun(of: plc, entrySize: 1, table: table, text: text) { stored, page, place in
            guard place > 0, place < 511 else { return }
            let grpprl = Array(text[page + place + 1..<min(page + 512, page + place + 1 + Int(text[page + place]))])
            var run = CharacterRun(range: stored)
            var j = 0
            while j + 2 < grpprl.count {
                let sprm = grpprl.le16(j)
                switch sprm {
                case 0x0800: run.deleted = grpprl[j + 2] & 1 == 1
                case 0x4A4F: run.font = font(grpprl.le16(j + 2))
                case 0x6A09: run.symbol = (font(grpprl.le16(j + 2)), grpprl.le16(j + 4))
                default: break
                }
                j += 2 + Self.operandSize(sprm, at: j + 2, in: grpprl)
            }
            if run.deleted || run.font != nil || run.symbol != nil { runs.append(run) }
        }
        runs.sort { $0.range.lowerBound < $1.range.lowerBound }
        return runs
    }

    /// The size of a sprm's operand, by its spra bits (and, for the variable-length ones,
    /// the operand's own count).
    private static func operandSize(_ sprm: UInt16, at operand: Int, in bytes: [UInt8]) -> Int {
        switch sprm >> 13 {
        case 0, 1: return 1
        case 2, 4, 5: return 2
        case 3: return 4
        case 7: return 3
        default:
            if sprm == 0xD608 || sprm == 0xD606 { return Int(bytes.le16(operand)) + 1 }
            guard operand < bytes.count else { return 1 }
            if sprm == 0xC615, bytes[operand] == 255 {
                // sprmPChgTabs at its longest: tabs deleted (two widths each), then added (three bytes each).
                let deleted = operand + 1 < bytes.count ? Int(bytes[operand + 1]) : 0
                let added = operand + 2 + 4 * deleted < bytes.count ? Int(bytes[operand + 2 + 4 * deleted]) : 0
                return 3 + 4 * deleted + 3 * added
            }
            return 1 + Int(bytes[operand])
        }
    }

    /// The properties a grpprl (a list of sprms) sets that the reader uses.
    static func properties(_ grpprl: ArraySlice<UInt8>, data: [UInt8], huge: Bool = false) -> ParagraphProperties {
        var properties = ParagraphProperties()
        var merges: [(cell: Int, flag: UInt16)] = []
        let bytes = Array(grpprl)
        var i = 0
        while i + 2 <= bytes.count {
            let sprm = bytes.le16(i)
            let operand = i + 2
            let size = Self.operandSize(sprm, at: operand, in: bytes)
            guard operand + size <= bytes.count else { break }
            let byte = bytes[operand]
            switch sprm {
            case 0x2416: if byte != 0, properties.depth == 0 { properties.depth = 1 }  // sprmPFInTable
            case 0x6649: properties.depth = Int(bytes.le32(operand))  // sprmPItap
            case 0x2417: properties.endsRow = byte != 0  // sprmPFTtp
            case 0x244B: properties.endsInnerCell = byte != 0  // sprmPFInnerTableCell
            case 0x244C: properties.endsInnerRow = byte != 0  // sprmPFInnerTtp
            case 0x2640: if byte < 9 { properties.outlineLevel = Int(byte) }  // sprmPOutLvl
            case 0x460B: properties.list = Int(Int16(bitPattern: bytes.le16(operand)))  // sprmPIlfo
            case 0x260A: properties.listLevel = Int(byte)  // sprmPIlvl
            case 0xD608 where size >= 3:  // sprmTDefTable: the cells' edges, then their TC80s
                let cells = Int(bytes[operand + 2])
                let edges = operand + 3
                guard edges + 2 * (cells + 1) <= operand + size else { break }
                properties.cellEdges = (0...cells).map { Int(Int16(bitPattern: bytes.le16(edges + 2 * $0))) }
                let flags = edges + 2 * (cells + 1)
                properties.cellFlags = (0..<min(cells, (operand + size - flags) / 20)).map { bytes.le16(flags + 20 * $0) }
            case 0xD62B where size >= 3:  // sprmTVertMerge: one cell's vertical merge, over the TC80's
                merges.append((Int(bytes[operand + 1]), UInt16(bytes[operand + 2] & 3)))
            case 0x6646 where !huge:  // sprmPHugePapx: the properties stored in the Data stream
                let offset = Int(bytes.le32(operand))
                let length = Int(data.le16(offset))
                if offset + 2 + length <= data.count {
                    let more = Self.properties(data[offset + 2..<offset + 2 + length], data: data, huge: true)
                    properties.merge(more)
                }
            default: break
            }
            i = operand + size
        }
        // Applied once the cells are known, wherever the row's definition stands.
        for (cell, flag) in merges where cell < properties.cellFlags.count {
            properties.cellFlags[cell] = properties.cellFlags[cell] & ~0x60 | flag << 5
        }
        return properties
    }

    /// The properties of the paragraph whose mark is stored at `offset`.
    func paragraphProperties(at offset: Int) -> ParagraphProperties {
        let i = runs.partitioningIndex { $0.end > offset }
        return i < runs.count && runs[i].start <= offset ? runs[i].properties : ParagraphProperties()
    }

    /// The positions of the main text's characters.
    var mainText: Range<Int> { 0..<mainLength }

    /// Calls `take` with each character at `positions` (a UTF-16 code unit; a symbol as
    /// the character it shows; a page break left out, a section's end as 0x0C), whether its
    /// deletion is tracked, where it is stored (for ``paragraphProperties(at:)``) and its
    /// position. Each position is read once, in the pieces' order.
    func forEachCharacter(in positions: Range<Int>, _ take: (UInt16, Bool, Int, Int) -> Void) {
        var next = positions.lowerBound
        for piece in pieces where piece.characters.upperBound > next && piece.characters.lowerBound < positions.upperBound {
            let width = piece.compressed ? 1 : 2
            let first = max(piece.characters.lowerBound, next), last = min(piece.characters.upperBound, positions.upperBound)
            next = last
            for position in first..<last {
                let offset = piece.offset + width * (position - piece.characters.lowerBound)
                var unit = piece.compressed ? Self.windows1252(text[offset]) : text.le16(offset)
                // A page break inside a paragraph is layout, as in a .docx.
                if unit == 0x0C, !sectionBoundaries.contains(position + 1) { continue }
                let run = characterRun(at: offset)
                if unit == 0x28, let symbol = run?.symbol {
                    unit = UInt16(truncatingIfNeeded: WordDocumentReader.symbol(UInt32(symbol.code), font: symbol.font))
                } else if (0xF020...0xF0FF).contains(unit) {
                    unit = UInt16(truncatingIfNeeded: WordDocumentReader.symbol(UInt32(unit), font: run?.font))
                }
                take(unit, run?.deleted ?? false, offset, position)
            }
        }
    }

    private func characterRun(at offset: Int) -> CharacterRun? {
        guard !characterRuns.isEmpty else { return nil }
        let i = characterRuns.partitioningIndex { $0.range.upperBound > offset }
        return i < characterRuns.count && characterRuns[i].range.contains(offset) ? characterRuns[i] : nil
    }

    /// The byte of a compressed piece as UTF-16: Windows-1252, whose 0x80–0x9F differ from Latin-1.
    private static func windows1252(_ byte: UInt8) -> UInt16 {
        let high: [UInt16] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                              0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                              0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        return (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt16(byte)
    }
}

extension WordBinaryDocument.ParagraphProperties {
    /// Takes what `other` sets over what this one does.
    mutating func merge(_ other: Self) {
        if other.depth > 0 { depth = other.depth }
        endsRow = endsRow || other.endsRow
        endsInnerCell = endsInnerCell || other.endsInnerCell
        endsInnerRow = endsInnerRow || other.endsInnerRow
        outlineLevel = other.outlineLevel ?? outlineLevel
        list = other.list ?? list
        listLevel = other.listLevel ?? listLevel
        if !other.cellEdges.isEmpty { (cellEdges, cellFlags) = (other.cellEdges, other.cellFlags) }
    }
}

extension RandomAccessCollection {
    /// The index of the first element for which `isPast` holds, in a collection where every
    /// such element comes after every other (a binary search); `endIndex` when there is none.
    func partitioningIndex(where isPast: (Element) -> Bool) -> Index {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = index(low, offsetBy: distance(from: low, to: high) / 2)
            if isPast(self[mid]) { high = mid } else { low = index(after: mid) }
        }
        return low
    }
}
