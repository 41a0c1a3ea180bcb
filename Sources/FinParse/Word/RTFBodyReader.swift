/// Turns an RTF document (Rich Text Format, as Word, WPS Office, LibreOffice and the systems
/// that fill report templates write it, often under a .doc name) into paragraphs and table
/// grids for ``ReportAssembly``, as ``WordBinaryBodyReader`` does a .doc's text.
///
/// RTF is groups (`{…}`), control words (`\par`, `\cellx1440`) and text. Text comes as
/// ASCII, as bytes in a code page (`\'b5\'c8` in GBK, by `\ansicpg936` or the font's
/// `\fcharset134`) or as UTF-16 units (`\u31532`, then `\ucN` fallback characters, skipped).
/// A table is its rows: `\trowd`, each cell's merge (`\clvmgf`, `\clvmrg`, `\clmgf`,
/// `\clmrg`) and right edge (`\cellx`), then the cells' paragraphs (`\intbl`), each cell
/// ending with `\cell` and the row with `\row`. Destinations that hold no body text (fonts,
/// styles, pictures, headers and footers, footnotes, field instructions, `\*` groups) are
/// passed over; a field's result is read, a table of contents set aside.
struct RTFBodyReader {
    private let assembly: ReportAssembly
    private var bytes: [UInt8] = []
    private var i = 0

    private enum Destination { case body, fontTable, styleSheet, fieldInstruction, nestedRowProperties, skipped }

    /// What a group sets, and its groups inherit.
    private struct Group {
        var destination = Destination.body
        /// Fallback characters after a `\uN`.
        var unicodeSkip = 1
        var font: Int?
        /// Hidden (`\v`) or deleted (`\deleted`) text, left out.
        var hidden = false
        /// Within a table of contents' field.
        var inContents = false
    }

    private var group = Group()
    private var groups: [Group] = []
    /// Groups opened beyond the depth kept (a hostile file's), passed over.
    private var groupsBeyondDepth = 0
    /// A `\*` opened the group: its destination is passed over unless it is read.
    private var ignorable = false
    /// Nothing has been read in the group since it opened, where a `\*` marks a destination
    /// (one later is no mark: LibreOffice writes `\i0\*\cs7` inside runs).
    private var atGroupStart = false
    /// The document's outermost group has closed: what follows is no part of it.
    private var ended = false

    private var documentCharset = "windows-1252"
    private var defaultFont: Int?
    private var fontCharsets: [Int: String] = [:]
    private var fontTableFont: Int?
    /// The paragraph styles (`\stylesheet`): their names, what they are based on and their
    /// outline levels, which give a heading its level and a table of contents' entries away.
    private var styles: [String: WordStyles.Style] = [:]
    private var styleSheet = WordStyles()
    /// The style being read in the style sheet: its number and its name's bytes.
    private var styleBeingRead: (id: String?, style: WordStyles.Style, name: [UInt8]) = (nil, WordStyles.Style(), [])
    /// The paragraph's style (`\sN`).
    private var paragraphStyle: String?
    /// How many groups stand around the style sheet's: its styles' groups are one deeper.
    private var styleSheetDepth = 0
    /// Code-page bytes not yet decoded, and their charset.
    private var pending: [UInt8] = []
    private var pendingCharset = ""
    private var pendingIsRaw = false
    /// A code-page byte written raw was read, and the next byte is its second.
    private var rawLeadByte = false
    private var pendingHighSurrogate: UInt16?
    private var fallbackToSkip = 0
    private var fieldInstruction: [UInt8] = []

    /// The paragraph being read, UTF-8; a line break in it is "\n" until it is known to be
    /// outside a table (then a space, as in a .docx).
    private var paragraph: [UInt8] = []
    /// How deep in tables the paragraph stands: 0 in the body, 1 in a table (`\intbl`), more
    /// in a table nested in a cell (`\itapN`).
    private var depth = 0
    private var outlineLevel: Int?
    private var paragraphNumber = 0
    private var recentBodyParagraphs: [FoldedText] = []
    /// The entries of a table of contents, kept out of the body.
    private(set) var contents: [FoldedText] = []

    /// The tables open at the paragraph being read: the outermost first, then each table
    /// nested in a cell of the one before.
    private var tables: [OpenWordTable] = []

    /// A row's definition (`\trowd` … `\cellx`): its left edge and each cell's right edge and
    /// merges, in force until the next `\trowd` of its depth.
    private struct RowDefinition {
        var left = 0
        var cells: [(edge: Int, vertical: WordTableBuilder.Merge?, horizontal: WordTableBuilder.Merge?)] = []
        var nextMerges: (vertical: WordTableBuilder.Merge?, horizontal: WordTableBuilder.Merge?) = (nil, nil)
    }

    /// By depth: the outermost table's rows are defined in the body, a nested table's in its
    /// `\*\nesttableprops`.
    private var rowDefinitions: [Int: RowDefinition] = [:]
    private var definedDepth: Int { group.destination == .nestedRowProperties ? max(depth, 2) : 1 }

    /// Reads into `assembly`, numbering paragraphs from `firstLine` (an RTF part a Word
    /// document merges in goes on from the paragraphs before it).
    init(assembly: ReportAssembly, firstLine: Int = 1) {
        self.assembly = assembly
        paragraphNumber = firstLine - 1
    }

    /// The number of the last paragraph read.
    var lastLine: Int { paragraphNumber }

    /// Reads the whole document. A document cut short (groups left open) is read as far as
    /// it goes, with a warning.
    mutating func read(_ document: [UInt8]) {
        bytes = document
        while i < bytes.count, !ended {
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "{"): open()
            case UInt8(ascii: "}"): close()
            case UInt8(ascii: "\\"): controlWord()
            case 0x0D, 0x0A: break
            default:
                (atGroupStart, ignorable) = (false, false)
                guard groupsBeyondDepth == 0 else { continue }
                switch group.destination {
                case .body: if byte == 0x09 { append(" ") } else { take(byte) }
                case .fieldInstruction: if fieldInstruction.count < 24 { fieldInstruction.append(byte) }
                case .styleSheet: if styleBeingRead.name.count < 64 { styleBeingRead.name.append(byte) }
                // Fonts' names, a nested table's row properties, what is passed over: no text.
                case .fontTable, .nestedRowProperties, .skipped: break
                }
            }
        }
        let open = groups.count + groupsBeyondDepth
        if !paragraph.isEmpty || !pending.isEmpty { endParagraph() }
        closeTables(downTo: 0)
        // Left open, the file is cut short.
        if !ended {
            assembly.diagnostics.append(Diagnostic(severity: .warning, code: "truncated", message: """
                the RTF document ends with \(open) group\(open == 1 ? "" : "s") open: it is cut off, and what it held after \
                its last paragraph is not read
                """, line: paragraphNumber))
        }
    }

    // MARK: Groups and control words

    /// RTF nests groups a few dozen deep; a hostile file's deeper groups are passed over.
    private static let maxDepth = 1_000

    private mutating func open() {
        guard groupsBeyondDepth == 0, groups.count < Self.maxDepth else {
            groupsBeyondDepth += 1
            return
        }
        flushPending()
        groups.append(group)
        ignorable = false
        atGroupStart = true
        fallbackToSkip = 0
    }

    private mutating func close() {
        if groupsBeyondDepth > 0 {
            groupsBeyondDepth -= 1
            return
        }
        atGroupStart = false
        // A brace that closes the document's own group while more RTF follows is a stray one
        // (Outlook's and others' files hold them; a damaged byte makes one): the reading goes
        // on. Anything else after the document is no part of it.
        if groups.count == 1 {
            var next = i
            while next < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[next]) { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "\\") || bytes[next] == UInt8(ascii: "{") { return }
        }
        guard let outer = groups.popLast() else { return }
        ended = groups.isEmpty
        flushPending()
        let closed = group
        group = outer
        fallbackToSkip = 0
        if closed.destination == .styleSheet, groups.count <= styleSheetDepth { commitStyle(closingSheet: groups.count < styleSheetDepth) }
        // A field's instruction closes before its result: a table of contents' result is set aside.
        if closed.destination == .fieldInstruction, outer.destination == .body {
            let instruction = String(decoding: fieldInstruction, as: UTF8.self).trimmingSpaces
            if instruction.hasPrefix("TOC") { group.inContents = true }
            fieldInstruction = []
        }
    }

    /// Reads the control word or symbol after a backslash.
    private mutating func controlWord() {
        guard i < bytes.count else { return }
        let first = bytes[i]
        let opensGroup = atGroupStart
        atGroupStart = false
        guard isLetter(first) else {
            i += 1
            if first == UInt8(ascii: "*") {
                ignorable = opensGroup
                atGroupStart = opensGroup
            } else {
                controlSymbol(first)
            }
            return
        }
        let start = i
        while i < bytes.count, isLetter(bytes[i]), i - start < 32 { i += 1 }
        let word = bytes[start..<i]
        var parameter: Int?
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var digits = 0
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
            if digits < 10 { parameter = (parameter ?? 0) * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
            digits += 1
            i += 1
        }
        if negative { parameter = parameter.map { -$0 } }
        // A space delimits the word and is part of it.
        if i < bytes.count, bytes[i] == UInt8(ascii: " ") { i += 1 }
        if word.elementsEqual("bin".utf8) {
            i = min(bytes.count, i + max(parameter ?? 0, 0))
            return
        }
        guard groupsBeyondDepth == 0, group.destination != .skipped else { return }
        apply(String(decoding: word, as: UTF8.self), parameter)
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
    }

    private mutating func controlSymbol(_ symbol: UInt8) {
        guard groupsBeyondDepth == 0, group.destination != .skipped else { return }
        switch symbol {
        case UInt8(ascii: "'"):
            guard i + 1 < bytes.count, let high = hexValue(bytes[i]), let low = hexValue(bytes[i + 1]) else { return }
            i += 2
            if group.destination == .body { take(high << 4 | low, escaped: true) }
        case 0x0D, 0x0A:
            if group.destination == .body { endParagraph() }
        case UInt8(ascii: "~"):
            append("\u{00A0}")
        case UInt8(ascii: "_"):
            append("-")
        case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            if group.destination == .fieldInstruction {
                if fieldInstruction.count < 24 { fieldInstruction.append(symbol) }
            } else if group.destination == .body {
                take(symbol)
            }
        default:
            // \- (an optional hyphen), \| and \: (index entries).
            break
        }
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The destinations that hold no body text.
    private static let passedOver: Set<String> = [
        "colortbl", "info", "pict", "object", "header", "headerl", "headerr", "headerf", "footer", "footerl",
        "footerr", "footerf", "footnote", "annotation", "xe", "tc", "tcn", "txe", "rxe", "listtable", "listoverridetable",
        "revtbl", "rsidtbl", "filetbl", "generator", "xmlnstbl", "themedata", "colorschememapping", "datastore",
        "latentstyles", "pgdsctbl", "bkmkstart", "bkmkend", "nonshppict", "shppict", "fldtype", "userprops", "docvar",
        "ftnsep", "ftnsepc", "ftncn", "aftnsep", "aftnsepc", "aftncn", "pn", "sp", "sn", "sv", "background", "template",
        "expandedcolortbl", "falt", "panose", "fname", "leveltext", "levelnumbers", "listname",
        // What Word writes for readers without nested tables, beside the nested table itself.
        "nonesttables",
    ]

    private mutating func apply(_ word: String, _ parameter: Int?) {
        let startsDestination = ignorable
        ignorable = false
        if word == "fonttbl" {
            group.destination = .fontTable
            return
        }
        if word == "stylesheet" {
            group.destination = .styleSheet
            styleSheetDepth = groups.count
            return
        }
        if word == "fldinst" {
            group.destination = .fieldInstruction
            return
        }
        if word == "nesttableprops" {
            group.destination = .nestedRowProperties
            return
        }
        if Self.passedOver.contains(word) || startsDestination {
            flushPending()
            group.destination = .skipped
            return
        }
        if group.destination == .styleSheet {
            switch word {
            case "s": styleBeingRead.id = "\(parameter ?? 0)"
            case "sbasedon": styleBeingRead.style.basedOn = "\(parameter ?? 0)"
            case "outlinelevel": styleBeingRead.style.outlineLevel = parameter
            default: break
            }
            return
        }
        if group.destination == .fontTable {
            switch word {
            case "f": fontTableFont = parameter
            case "fcharset": if let font = fontTableFont, let charset = Self.charset(ofFontCharset: parameter ?? 0) { fontCharsets[font] = charset }
            default: break
            }
            return
        }
        guard group.destination == .body || group.destination == .nestedRowProperties else { return }
        if group.destination == .nestedRowProperties, !["trowd", "trleft", "cellx", "clvmgf", "clvmrg", "clmgf", "clmrg", "nestrow"].contains(word) {
            return
        }
        switch word {
        case "par": endParagraph()
        case "pard":
            depth = 0
            outlineLevel = nil
            paragraphStyle = nil
        case "s": paragraphStyle = "\(parameter ?? 0)"
        case "intbl": depth = max(depth, 1)
        case "itap": depth = min(max(parameter ?? 1, 0), Self.maxTableDepth)
        // An outer table's cells and rows end on \cell and \row, a nested table's on
        // \nestcell and \nestrow.
        case "cell": endParagraph(endingCellAt: 1)
        case "nestcell": endParagraph(endingCellAt: max(depth, 2))
        case "row": endRow(at: 1)
        case "nestrow": endRow(at: max(depth, 2))
        case "trowd": rowDefinitions[definedDepth] = RowDefinition()
        case "trleft": rowDefinitions[definedDepth, default: RowDefinition()].left = parameter ?? 0
        case "cellx":
            var definition = rowDefinitions[definedDepth, default: RowDefinition()]
            definition.cells.append((edge: parameter ?? 0, vertical: definition.nextMerges.vertical, horizontal: definition.nextMerges.horizontal))
            definition.nextMerges = (nil, nil)
            rowDefinitions[definedDepth] = definition
        case "clvmgf": rowDefinitions[definedDepth, default: RowDefinition()].nextMerges.vertical = .restart
        case "clvmrg": rowDefinitions[definedDepth, default: RowDefinition()].nextMerges.vertical = .proceed
        case "clmgf": rowDefinitions[definedDepth, default: RowDefinition()].nextMerges.horizontal = .restart
        case "clmrg": rowDefinitions[definedDepth, default: RowDefinition()].nextMerges.horizontal = .proceed
        case "outlinelevel": outlineLevel = parameter
        case "line": append("\n")
        case "tab": append(" ")
        case "emdash": append("—")
        case "endash": append("–")
        case "bullet": append("•")
        case "lquote": append("‘")
        case "rquote": append("’")
        case "ldblquote": append("“")
        case "rdblquote": append("”")
        case "emspace", "enspace", "qmspace": append(" ")
        case "v": group.hidden = parameter != 0
        case "deleted": group.hidden = parameter != 0
        case "plain":
            group.hidden = false
            group.font = defaultFont
        case "f": group.font = parameter
        case "deff":
            defaultFont = parameter
            if group.font == nil { group.font = parameter }
        case "ansicpg": if let charset = Self.charset(ofCodePage: parameter ?? 1252) { documentCharset = charset }
        case "mac": documentCharset = "macintosh"
        case "uc": group.unicodeSkip = max(parameter ?? 1, 0)
        case "u": unicode(parameter ?? 0)
        default: break
        }
    }

    /// Keeps the style whose group closes (`{\s1 … heading 1;}`), its name up to the `;`;
    /// the style sheet is made when its own group closes.
    private mutating func commitStyle(closingSheet: Bool) {
        if let id = styleBeingRead.id {
            let name = TextDecoding.text(styleBeingRead.name, charset: documentCharset)
            styleBeingRead.style.name = String(String(name.prefix { $0 != ";" }).trimmingSpaces)
            styles[id] = styleBeingRead.style
        }
        styleBeingRead = (nil, WordStyles.Style(), [])
        if closingSheet { styleSheet = WordStyles(styles) }
    }

    // MARK: Text

    /// The charset of the text in the current font: its `\fcharset`, or the document's code page.
    private var charset: String { group.font.flatMap { fontCharsets[$0] } ?? documentCharset }

    /// A byte of the body's text: an ASCII character, or a code-page byte (`escaped`, from
    /// `\'hh`, whose double-byte characters may end in an ASCII byte: GBK's 昇 is 95 4E; or
    /// written raw, as some writers do, its second byte then taken with it).
    private mutating func take(_ byte: UInt8, escaped: Bool = false) {
        if fallbackToSkip > 0 {
            fallbackToSkip -= 1
            return
        }
        guard !group.hidden else { return }
        if byte < 0x80, !escaped, !rawLeadByte {
            flushPending()
            // Control characters are no text (a damaged file's, or a list's level codes).
            if byte >= 0x20 { paragraph.append(byte) }
            return
        }
        let lead = !escaped && byte >= 0x80 && !rawLeadByte
        if pendingCharset != charset || pendingIsRaw == escaped { flushPending() }
        (pendingCharset, pendingIsRaw, rawLeadByte) = (charset, !escaped, lead)
        pending.append(byte)
    }

    /// Decodes the pending bytes: in their code page, but raw bytes that are UTF-8 (web
    /// systems write it into RTF unescaped) as UTF-8.
    private mutating func flushPending() {
        rawLeadByte = false
        guard !pending.isEmpty else { return }
        let text = pendingIsRaw ? String(validating: pending, as: UTF8.self) ?? TextDecoding.text(pending, charset: pendingCharset)
            : TextDecoding.text(pending, charset: pendingCharset)
        for scalar in text.unicodeScalars where scalar.value >= 0x20 && scalar.value != 0x7F {
            UTF8.encode(scalar) { paragraph.append($0) }
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// `\uN`: a UTF-16 unit, signed (a negative N is the unit less 65536).
    private mutating func unicode(_ value: Int) {
        flushPending()
        fallbackToSkip = group.unicodeSkip
        guard !group.hidden else { return }
        let unit = UInt16(truncatingIfNeeded: value < 0 ? value + 65_536 : value)
        switch unit {
        case 0xD800...0xDBFF:
            pendingHighSurrogate = unit
            return
        case 0xDC00...0xDFFF:
            if let high = pendingHighSurrogate, let scalar = Unicode.Scalar(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)) {
                append(String(scalar))
            }
        default:
            if let scalar = Unicode.Scalar(unit), unit >= 0x20 || unit == 0x09 { append(unit == 0x09 ? " " : String(scalar)) }
        }
        pendingHighSurrogate = nil
    }

    private mutating func append(_ text: String) {
        guard !group.hidden, group.destination == .body else { return }
        flushPending()
        paragraph += Array(text.utf8)
    }

    /// An ICU name for a Windows code page (`\ansicpg`).
    private static func charset(ofCodePage page: Int) -> String? {
        switch page {
        case 936, 54_936: "GB18030"
        case 950: "Big5"
        case 932: "Shift_JIS"
        case 10_000: "macintosh"
        case 437, 850: "IBM\(page)"
        case 874, 949, 1250...1258: "windows-\(page)"
        default: nil
        }
    }

    /// An ICU name for a font's character set (`\fcharset`); nil for ANSI (0, the document's
    /// code page: GBK on a Chinese Windows) and the others that name none.
    private static func charset(ofFontCharset value: Int) -> String? {
        switch value {
        case 128: "Shift_JIS"
        case 129: "windows-949"
        case 134: "GB18030"
        case 136: "Big5"
        case 161: "windows-1253"
        case 162: "windows-1254"
        case 177: "windows-1255"
        case 178: "windows-1256"
        case 186: "windows-1257"
        case 204: "windows-1251"
        case 222: "windows-874"
        case 238: "windows-1250"
        default: nil
        }
    }

    // MARK: Paragraphs and tables

    /// Word nests tables a few deep; deeper paragraphs are read into the deepest kept.
    private static let maxTableDepth = 16

    /// Ends the paragraph: in the body, or in the cell being read of the table at its depth;
    /// with `level`, the cell of the table at that depth ends with it.
    private mutating func endParagraph(endingCellAt level: Int? = nil) {
        flushPending()
        let text = String(decoding: paragraph, as: UTF8.self)
        paragraph.removeAll(keepingCapacity: true)
        let at = level ?? depth
        closeTables(downTo: at)
        guard at > 0 else {
            paragraphNumber += 1
            let body = FoldedText(text.replacing("\n", with: " "), line: paragraphNumber)
            if body.text.isSpacesOnly { return }
            if group.inContents || paragraphStyle.map(styleSheet.isContents) == true {
                if contents.isEmpty { assembly.contentsFound() }
                contents.append(body)
                return
            }
            if let level = outlineLevel ?? paragraphStyle.flatMap(styleSheet.outlineLevel(of:)), (0..<9).contains(level) {
                assembly.hints.headingLevels[paragraphNumber] = level
            }
            assembly.add(body)
            recentBodyParagraphs.append(body)
            if recentBodyParagraphs.count > TableGrid.paragraphsAbove { recentBodyParagraphs.removeFirst() }
            return
        }
        openTables(to: at)
        paragraphNumber += 1
        tables[at - 1].cell.line = tables[at - 1].cell.line ?? paragraphNumber
        tables[at - 1].cell.texts.append(text)
        if level != nil {
            tables[at - 1].row.cells.append(tables[at - 1].cell)
            tables[at - 1].cell = WordTableBuilder.Cell()
        }
    }

    private mutating func openTables(to level: Int) {
        while tables.count < level {
            tables.append(OpenWordTable(above: tables.isEmpty ? recentBodyParagraphs : []))
        }
    }

    /// Ends the row of the table at depth `level`: its cells take the merges of its
    /// definition, by their order.
    private mutating func endRow(at level: Int) {
        if !paragraph.isEmpty || !pending.isEmpty { endParagraph(endingCellAt: level) }
        closeTables(downTo: level)
        openTables(to: level)
        // A last cell without its \cell (a damaged file's) ends with the row.
        if !tables[level - 1].cell.texts.isEmpty {
            tables[level - 1].row.cells.append(tables[level - 1].cell)
            tables[level - 1].cell = WordTableBuilder.Cell()
        }
        let definition = rowDefinitions[level] ?? RowDefinition()
        var row = tables[level - 1].row
        for (index, cell) in zip(row.cells.indices, definition.cells) {
            row.cells[index].verticalMerge = cell.vertical
            if cell.horizontal == .proceed { row.cells[index].horizontalMerge = .proceed }
        }
        tables[level - 1].builder.rows.append(row)
        tables[level - 1].rowEdges.append(definition.cells.isEmpty ? [] : [definition.left] + definition.cells.map(\.edge))
        tables[level - 1].row = WordTableBuilder.Row()
    }

    /// Closes the tables nested deeper than `level`, the innermost first: each goes into the
    /// cell of the table around it, the outermost to the assembly.
    private mutating func closeTables(downTo level: Int) {
        guard let grid = tables.close(downTo: level, fallbackLine: paragraphNumber) else { return }
        assembly.add(grid)
        recentBodyParagraphs = []
    }
}
