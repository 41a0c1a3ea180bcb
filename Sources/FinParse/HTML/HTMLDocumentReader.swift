/// Reads a web page (a report published as HTML, or saved from the browser) as a
/// stream, handing each block of text and each table to ``ReportAssembly`` as soon
/// as it is complete.
///
/// Text is read as a browser lays it out: runs of white space are one space, and a
/// block element (p, div, h1…h6, li, …) or a br ends a line. A line's number is its
/// 1-based place among the page's non-blank lines, table cells' included (as a .docx
/// paragraph's). Tables keep their structure: rowspan and colspan place the cells as
/// a browser does, and a table inside a cell is the cell's. Script, style and the
/// head are not read.
///
/// A `<pre>` outside tables is text as a text file gives it (`pdftotext -htmlmeta` puts
/// a PDF's whole text in one): its lines, blank ones too, are read as a text report's,
/// page breaks, columns and tables included. In a cell, its lines are the cell's lines.
struct HTMLDocumentReader: XMLNodeReader {
    enum Element: String, XMLVocabulary {
        case paragraph = "p", division = "div", lineBreak = "br", listItem = "li", heading1 = "h1", heading2 = "h2"
        case heading3 = "h3", heading4 = "h4", heading5 = "h5", heading6 = "h6", blockquote, preformatted = "pre"
        case section, article, header, footer, center, address, caption, list = "ul", orderedList = "ol"
        case definitionList = "dl", term = "dt", definition = "dd", form, body, horizontalRule = "hr"
        case table, row = "tr", cell = "td", headerCell = "th"
        // Skipped, with all they hold.
        case head, script, style, noscript, template, select, title

        var isSkipped: Bool {
            switch self {
            case .head, .script, .style, .noscript, .template, .select, .title: true
            default: false
            }
        }
    }

    private struct CellBuilder {
        var rowSpan = 1
        var columnSpan = 1
        /// Its lines and the tables in it, in the page's order.
        var items: [CellItem] = []
        var line: Int?

        var lineCount: Int { items.count { if case .line = $0 { true } else { false } } }
        var holdsTable: Bool { items.contains { if case .table = $0 { true } else { false } } }
    }

    private enum CellItem {
        case line(String, number: Int)
        case table(TableGrid)
    }

    private struct TableBuilder {
        /// The body paragraphs right before the table (a caption's too): its title, its unit.
        var above: [FoldedText] = []
        var rows: [[CellBuilder]] = []
        /// Whether the last cell of the last row is still open (text goes into it).
        var inCell = false
    }

    private let assembly: ReportAssembly
    /// The text of the line being read, as written (white space not yet collapsed).
    private var pending = ""
    private var lineNumber = 0
    private var openTables: [TableBuilder] = []
    private var skipper = XMLSkipper<Element>()
    /// How many `<pre>` elements are open.
    private var preformattedDepth = 0
    /// The text of a `<pre>` outside tables, as written, while it is read.
    private var preformattedText: String?
    /// The last few body lines before whatever comes next: a table's title and unit.
    private var recentBodyLines: [FoldedText] = []

    /// No browser spans more columns than this (the HTML standard's limit); more rows
    /// than the table has are the rows it has.
    private static let maxColumnSpan = 1000

    /// `firstLine`: the number of the page's first line.
    init(assembly: ReportAssembly, firstLine: Int = 1) {
        self.assembly = assembly
        lineNumber = firstLine - 1
    }

    /// The number of the last line read.
    var lastLine: Int { lineNumber }

    /// Whether decoded text is a web page: its first character opens a tag, and an
    /// element of a page's body or frame is among its first 64 KB. Plain text from a
    /// scrape does not begin with "<".
    static func looksLikeHTML(_ text: String) -> Bool {
        let start = text.utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard start.first == UInt8(ascii: "<") else { return false }
        let head = String(decoding: start.prefix(1 << 16), as: UTF8.self).lowercased()
        return pageElements.contains { head.contains($0 + ">") || head.contains($0 + " ") || head.contains($0 + "/") }
    }

    private static let pageElements = ["<!doctype html", "<html", "<body", "<p", "<div", "<table", "<br", "<span",
                                       "<h1", "<h2", "<h3", "<h4", "<h5", "<h6"]

    mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
        guard !skipper.skips(node, { $0.isSkipped }) else { return }
        switch node {
        case .start(.preformatted):
            preformattedDepth += 1
            if preformattedDepth == 1 && openTables.isEmpty {
                endLine()
                preformattedText = ""
            }
        case .end(.preformatted):
            preformattedDepth = max(0, preformattedDepth - 1)
            if preformattedDepth == 0 { endPreformatted() }
        case .start(.lineBreak) where preformattedText != nil:
            preformattedText! += "\n"
        case .start(let element?) where preformattedText == nil: start(element, stream: stream)
        case .end(let element?) where preformattedText == nil: end(element)
        case .text where preformattedText != nil:
            preformattedText! += stream.text
        case .text where preformattedDepth > 0:
            // A cell's `<pre>`: each of its lines a line of the cell.
            var lines = stream.text.split(separator: "\n", omittingEmptySubsequences: false)[...]
            pending += lines.removeFirst()
            for line in lines {
                endLine()
                pending += line
            }
        case .text: pending += stream.text
        default: break
        }
    }

    /// Reads a `<pre>`'s text as a text file's, its first line the next line of the page.
    private mutating func endPreformatted() {
        guard var text = preformattedText else { return }
        preformattedText = nil
        // A line end right after <pre> is no part of its text (HTML's rule), where libxml2 left it.
        if text.hasPrefix("\n") { text.removeFirst() }
        text = Self.replacing(Self.formFeed, with: "\u{0C}", in: text)
        let lines = FoldedText.lines(of: text, from: lineNumber + 1)
        guard let last = lines.last?.line else { return }
        lineNumber = last
        recentBodyLines = []
        assembly.add(TextLayout.read(lines))
    }

    /// Hands over the last line, at the end of the page.
    mutating func finish() {
        endPreformatted()
        endLine()
        while !openTables.isEmpty { end(.table) }
    }

    private mutating func start(_ element: Element, stream: XMLStream<Element>) {
        endLine()
        switch element {
        case .table:
            // A table in a cell is titled by the cell's lines before it, should the outer table
            // be the page's frame (below).
            var above = recentBodyLines
            if let outer = openTables.last, outer.inCell, let cell = outer.rows.last?.last {
                above = cell.items.suffix(TableGrid.paragraphsAbove).compactMap {
                    if case .line(let text, let number) = $0 { FoldedText(text, line: number) } else { nil }
                }
            }
            openTables.append(TableBuilder(above: above))
        case .row:
            updateTable { $0.rows.append([]) }
        case .cell, .headerCell:
            let span = { (name: String) in stream.attribute(name).flatMap { Int($0.trimmingSpaces) } }
            updateTable { table in
                if table.rows.isEmpty { table.rows.append([]) }
                // rowspan="0" spans the rest of the table.
                let rowSpan = span("rowspan").map { $0 == 0 ? Int.max : max(1, $0) } ?? 1
                let columnSpan = min(Self.maxColumnSpan, max(1, span("colspan") ?? 1))
                table.rows[table.rows.count - 1].append(CellBuilder(rowSpan: rowSpan, columnSpan: columnSpan))
                table.inCell = true
            }
        default:
            break
        }
    }

    private mutating func end(_ element: Element) {
        endLine()
        switch element {
        case .cell, .headerCell, .row:
            updateTable { $0.inCell = false }
        case .table:
            guard let builder = openTables.popLast() else { return }
            // A table that frames the page holds the page: its cells' lines and tables are the
            // page's, in order.
            let items = Self.isFrame(builder, topLevel: openTables.isEmpty) ? builder.rows.flatMap { $0.flatMap(\.items) }
                : [.table(Self.grid(of: builder, fallbackLine: lineNumber))]
            if openTables.isEmpty {
                for item in items { handOver(item) }
            } else {
                updateCell { cell in
                    cell.items += items
                    cell.line = cell.line ?? items.lazy.compactMap { if case .line(_, let number) = $0 { number } else { nil } }.first
                }
            }
        default:
            break
        }
    }

    /// Ends the line being read: a body paragraph, or a line of the open cell.
    private mutating func endLine() {
        guard !pending.isEmpty else { return }
        let text = Self.collapsingWhiteSpace(pending)
        pending = ""
        guard !text.isEmpty else { return }
        lineNumber += 1
        let number = lineNumber
        if let table = openTables.last, table.inCell {
            updateCell { cell in
                cell.line = cell.line ?? number
                cell.items.append(.line(text, number: number))
            }
            return
        }
        // Text in a table but in none of its cells (a <caption>, stray text) is laid out
        // before the table, as browsers do; before the first row it is the table's title.
        let line = FoldedText(text, line: number)
        guard !line.text.isSpacesOnly else { return }
        assembly.add(line)
        if openTables.isEmpty {
            remember(line)
        } else {
            updateTable { if $0.rows.isEmpty { $0.above.append(line) } }
        }
    }

    /// Hands over a line or a table of the body.
    private mutating func handOver(_ item: CellItem) {
        switch item {
        case .line(let text, let number):
            let line = FoldedText(text, line: number)
            guard !line.text.isSpacesOnly else { return }
            assembly.add(line)
            remember(line)
        case .table(let grid):
            assembly.add(grid)
            recentBodyLines = []
        }
    }

    private mutating func remember(_ line: FoldedText) {
        recentBodyLines.append(line)
        if recentBodyLines.count > TableGrid.paragraphsAbove { recentBodyLines.removeFirst() }
    }

    /// Whether a table lays out the page rather than holding data, as older government sites
    /// frame their articles: blocks in one column (a title over the text), or one box in the
    /// body (a banner, a footer); a table held in a row or two, or in rows of two cells at
    /// most (a side column beside the content, under a banner); or one cell holding the text
    /// (8 lines or more, and at least half the table's). A data table has columns, and its
    /// lines are spread over its cells.
    private static func isFrame(_ table: TableBuilder, topLevel: Bool) -> Bool {
        if table.rows.allSatisfy({ $0.count <= 1 }), table.rows.count >= 2 || topLevel { return true }
        if table.rows.contains(where: { $0.contains(where: \.holdsTable) }),
           table.rows.count <= 2 || table.rows.allSatisfy({ $0.count <= 2 }) { return true }
        let counts = table.rows.flatMap { $0.map(\.lineCount) }
        let most = counts.max() ?? 0
        return most >= 8 && most * 2 >= counts.reduce(0, +)
    }

    /// What stands for a form feed in the page handed to libxml2, which drops form feeds
    /// (no character of XML), where pdftotext starts each page: a noncharacter, which no
    /// text holds.
    static let formFeed = Unicode.Scalar(0xFDD0)!

    /// The page without the markers of Word's "downlevel-revealed" conditional comments,
    /// which wrap its list numbers (`<![if !supportLists]>一、<![endif]>`): a browser takes
    /// each marker for a comment and shows what stands between; libxml2 gave the markers as
    /// text, and a heading so numbered was no heading.
    static func withoutRevealedConditionals(_ text: String) -> String {
        var text = text
        let kept: [UInt8]? = text.withUTF8 { bytes in
            let opening = Array("<![".utf8)
            guard opening.withUnsafeBufferPointer({ bytes.firstOffset(of: $0) }) != nil else { return nil }
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "<"), i + 4 < bytes.count, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "["),
                   bytes[i + 3] | 0x20 == UInt8(ascii: "i") || bytes[i + 3] | 0x20 == UInt8(ascii: "e"),
                   let end = bytes[(i + 3)...].firstIndex(of: UInt8(ascii: ">")), bytes[end - 1] == UInt8(ascii: "]") {
                    // Not `<![endif]-->`, which closes a true comment (`<!--[if gte mso 9]>`).
                    let word = bytes[(i + 3)..<end].prefix { $0 != 0x20 && $0 != UInt8(ascii: "]") }.map { $0 | 0x20 }
                    if word.elementsEqual("if".utf8) || word.elementsEqual("endif".utf8) {
                        i = end + 1
                        continue
                    }
                }
                kept.append(bytes[i])
                i += 1
            }
            return kept
        }
        return kept.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// The page with its form feeds as ``formFeed``.
    static func keepingFormFeeds(_ text: String) -> String {
        replacing("\u{0C}", with: formFeed, in: text)
    }

    private static func replacing(_ old: Unicode.Scalar, with new: Unicode.Scalar, in text: String) -> String {
        // Looked for in the bytes: a page seldom holds either, and its scalars cost a walk.
        var text = text
        let needle = Array(String(old).utf8)
        let holds = text.withUTF8 { bytes in needle.withUnsafeBufferPointer { bytes.firstOffset(of: $0) != nil } }
        guard holds else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == old ? new : $0 }))
    }

    /// HTML's white space (space, tab, line ends, form feed) in runs, as one space; the
    /// line's ends trimmed. A no-break space (&nbsp;) is not white space here.
    static func collapsingWhiteSpace(_ text: String) -> String {
        var result = ""
        var space = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == formFeed {
                space = !result.isEmpty
            } else {
                if space { result.unicodeScalars.append(" ") }
                space = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private mutating func updateTable(_ change: (inout TableBuilder) -> Void) {
        if !openTables.isEmpty { change(&openTables[openTables.count - 1]) }
    }

    private mutating func updateCell(_ change: (inout CellBuilder) -> Void) {
        updateTable { table in
            guard let r = table.rows.indices.last, !table.rows[r].isEmpty else { return }
            change(&table.rows[r][table.rows[r].count - 1])
        }
    }

    /// The HTML table model: each cell takes the first column of its row that no cell
    /// above spans into, and its spans reserve the slots they cover.
    private static func grid(of builder: TableBuilder, fallbackLine: Int) -> TableGrid {
        var cells: [TableGrid.Cell] = []
        /// By column, the last row a cell above reaches down to.
        var reserved: [Int] = []
        var columns = 0
        let rows = builder.rows.count
        for (r, row) in builder.rows.enumerated() {
            var column = 0
            for cell in row {
                while column < reserved.count, reserved[column] >= r { column += 1 }
                let rowSpan = min(cell.rowSpan, rows - r)
                if reserved.count < column + cell.columnSpan {
                    reserved += repeatElement(-1, count: column + cell.columnSpan - reserved.count)
                }
                for c in column..<column + cell.columnSpan { reserved[c] = r + rowSpan - 1 }
                cells.append(TableGrid.cell(row: r, column: column, rowSpan: rowSpan, columnSpan: cell.columnSpan,
                                            texts: cell.items.compactMap { if case .line(let text, _) = $0 { text } else { nil } },
                                            line: cell.line ?? fallbackLine,
                                            tables: cell.items.compactMap { if case .table(let grid) = $0 { grid } else { nil } }))
                column += cell.columnSpan
            }
            columns = max(columns, column)
        }
        return TableGrid(placed: cells, rows: rows, columns: columns, after: builder.above, fallbackLine: fallbackLine)
    }
}
