/// The text of a paginated document as pdftotext gives it (form feeds between
/// pages), made ready for the outline: running headers, footers and page numbers
/// dropped, the table of contents set aside, and lines wrapped in mid-sentence
/// joined back into their paragraph.
///
/// Lines laid out in aligned columns (`pdftotext -layout` tables) are never joined.
enum PageText {
    struct Result {
        var lines: [FoldedText]
        /// Body lines a 目录 entry names as a part (第二部分 …) that print no marker of their own.
        var partMarkers: [Int: OutlineRecognizer.PartMarker] = [:]
        /// Body lines a 目录 entry names as a chapter (一、部门主要职能) that print no marker
        /// of their own, by line, with their text.
        var chapterTitles: [Int: String] = [:]
        /// The standard tables the 目录 lists, in its order.
        var listedTables: [TableOfContents.ListedTable] = []
        var diagnostics: [Diagnostic]
    }

    /// How a text's lines stand, as ``layout(of:)`` tells.
    enum Layout {
        /// A paginated extraction: ``clean(_:)`` makes it ready.
        case pages
        /// Prose wrapped at one width, too little of it to tell pages: ``joinWrapped(_:)`` joins it.
        case wrapped
        /// A line a paragraph, but where a sentence plainly breaks: ``joinBroken(_:)``.
        case lines
    }

    /// How `lines` stand: ``Layout/pages`` when they came from a paginated extraction.
    /// pdftotext starts each page after the first with a form feed, unless told not to
    /// (`-nopgbrk`). Such text is known otherwise among its first 5,000 lines: by its tables,
    /// twenty lines laid out in columns (`-layout`); or by its prose, wrapped at the page's
    /// width: twenty lines as wide as one another, give or take two columns (a wide character
    /// two), forty columns or more, that end in no full stop (。！？；：) and have a line after
    /// them (or after one blank line: double-spaced, as a web page made of a PDF's lines gives
    /// them), and as wide as the text's widest lines (nine tenths of the width that 5% of its
    /// lines reach). Scraped and exported text has neither: a paragraph a line, a table's rows
    /// TAB-separated or a cell a line; its headings, as wide as one another as they may be, are
    /// far narrower than its paragraphs. ``clean(_:)`` gives such text its form feeds back
    /// where its page numbers say (``numberedPageStarts(_:)``), or reads it as one page. Three
    /// such lines, and no more than nineteen, in text without a TAB, are ``Layout/wrapped``: a
    /// piece of a PDF's text too short to tell its pages (a 情况说明 copied out), whose lines
    /// are still joined where they were wrapped.
    static func layout(of lines: [FoldedText]) -> Layout {
        if hasFormFeeds(lines) { return .pages }
        let head = lines.prefix(5_000)
        var columnar = 0
        var wrapped: [Int: Int] = [:]  // lines that may be wrapped, by width
        // By index, each line read in place: a copy of each (its strings retained and released)
        // cost a small report's parse 1.5%.
        for k in head.indices.dropLast() {
            // A row of a table with bars between its cells (|  | 数量指标 | …, padded with bars
            // to one width, as page converters and Markdown write them) is neither a -layout
            // line nor wrapped prose: asked only of the lines that might be either.
            lazy var barred = head[k].text.contains(utf8: UInt8(ascii: "|"))
            if head[k].text.contains(utf8: "  ") && !barred && isColumnar(head[k].text) {
                columnar += 1
                if columnar == 20 { return .pages }
            }
            // Double-spaced text (a web page made of a PDF's lines) goes on after one blank line.
            let goesOn = !head[k + 1].isBlank || k + 2 < head.endIndex && !head[k + 2].isBlank
            // A line of fewer bytes than 40 is narrower than 40 columns (none takes more columns
            // than bytes): most of a scraped text's lines, its tables' cells, go unmeasured.
            if goesOn, head[k].original.utf8.count >= 40, !barred, let width = wrappedWidth(head[k]), width >= 40 {
                wrapped[width, default: 0] += 1
            }
        }
        let clusters = wrapped.keys.map { width in (width: width, lines: (width - 2...width + 2).reduce(0) { $0 + wrapped[$1, default: 0] }) }
        // The widths of all lines only where a cluster asks: a scraped text has few such lines.
        guard clusters.contains(where: { $0.lines >= 3 }) else { return .lines }
        let widths = head.filter { !$0.isBlank }.map { columns($0.original[...]) }.sorted()
        func isWidest(_ lines: Int) -> Bool {
            guard let width = clusters.filter({ $0.lines >= lines }).map(\.width).max() else { return false }
            return (width + 2) * 10 >= widths[(widths.count - 1) * 95 / 100] * 9
        }
        if isWidest(20) { return .pages }
        // A piece of a PDF's text has no TAB; a scraped page wrapped at one width may, in its
        // tables, whose lines page text's joining does not know.
        return isWidest(3) && !head.contains(where: { $0.original.contains(utf8: 0x09) }) ? .wrapped : .lines
    }

    private static func hasFormFeeds(_ lines: [FoldedText]) -> Bool { lines.contains(where: startsPage) }

    /// Whether a line starts with a form feed, pdftotext's page break. On the bytes: a form
    /// feed is a grapheme of its own, and `hasPrefix` compares graphemes (400 instructions a
    /// line, 2% of a text report's parse).
    private static func startsPage(_ line: FoldedText) -> Bool { line.original.utf8.first == 0x0C }

    /// A line's width in ``columns(_:)``, when it may have been wrapped: it ends in no full
    /// stop and holds no TAB.
    private static func wrappedWidth(_ line: FoldedText) -> Int? {
        guard let last = line.text.unicodeScalars.last(where: { $0 != " " }), !endsSentence(last),
              !line.original.contains(utf8: 0x09) else { return nil }
        return columns(line.original[...])
    }

    /// 。！？；：.!?;: as a switch: a string's scalars searched for it cost 300 instructions a line.
    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "；", "：", ".", "!", "?", ";", ":": true
        default: false
        }
    }

    static func clean(_ lines: [FoldedText]) -> Result {
        var diagnostics: [Diagnostic] = []
        var drop = Set<Int>()  // indices into lines
        // Text without form feeds (`pdftotext -nopgbrk`) gets them back where its page numbers say.
        let formFed = hasFormFeeds(lines)
        var lines = lines
        let numberedStarts = formFed ? [] : numberedPageStarts(lines)
        for start in numberedStarts { startPage(at: start, in: &lines) }
        let pages = pageRanges(lines)
        drop.formUnion(runningLines(lines, pages: pages))
        let contents = tableOfContents(lines, pages: pages)
        // Without page numbers either, a table's pages are told by its columns. Not before the
        // 目录 is found: a page that starts in a table says nothing of where the 目录's ends.
        if !formFed && numberedStarts.isEmpty {
            for start in tablePageStarts(lines, from: contents?.upperBound ?? 0) { startPage(at: start, in: &lines) }
        }
        if let contents {
            drop.formUnion(contents)
            let filled = contents.filter { !lines[$0].isBlank }
            diagnostics.append(TableOfContents.setAside(entries: filled.count, from: lines[contents.lowerBound].line,
                                                        to: lines[filled.last ?? contents.upperBound - 1].line))
        }
        var kept = lines.indices.filter { !drop.contains($0) }.map { lines[$0] }
        // Without form feeds of its own, the cover is what comes before the 目录.
        let cover = formFed ? pages.first.map { lines[$0.upperBound - 1].line } : contents.map { lines[$0.lowerBound].line - 1 }
        if let cover { kept = joinCover(kept, lastCoverLine: cover) }
        kept = joinWrapped(kept)
        var partMarkers: [Int: OutlineRecognizer.PartMarker] = [:]
        var chapterTitles: [Int: String] = [:]
        var listed: [TableOfContents.ListedTable] = []
        if let contents {
            listed = TableOfContents.listedTables(lines[contents])
            partMarkers = unmarkedParts(listedIn: lines[contents], body: kept)
            chapterTitles = unmarkedChapters(listedIn: lines[contents], body: kept)
            for line in partMarkers.keys.sorted() {
                diagnostics.append(Diagnostic(severity: .info, code: "part-from-contents",
                                              message: "\(partMarkers[line]!.marker.text) has no marker in the text; the 目录 names it", line: line))
            }
        }
        return Result(lines: kept, partMarkers: partMarkers, chapterTitles: chapterTitles, listedTables: listed,
                      diagnostics: diagnostics)
    }

    /// A cover page of a few short lines is one title broken for the page
    /// (上海市普陀区规划和自然 / 资源局 / 2024 年度部门决算): it is read as one line.
    /// A labelled line under it (预算主管部门：上海市普陀区司法局) is no part of the title.
    private static func joinCover(_ lines: [FoldedText], lastCoverLine: Int) -> [FoldedText] {
        let cover = lines.prefix { $0.line <= lastCoverLine }
        let filled = cover.filter { !$0.isBlank }
        guard filled.count >= 2, filled.count <= 6, filled.allSatisfy({ $0.text.trimmingSpaces.count <= 30 }) else { return lines }
        let titleLines = cover.prefix { !$0.text.contains(utf8: ":") }
        let broken = titleLines.filter { !$0.isBlank }
        guard broken.count >= 2 else { return lines }
        let title = FoldedText(broken.map { String($0.original.trimmingSpaces) }.joined(), line: broken[0].line)
        return [title] + lines.dropFirst(titleLines.count)
    }

    // MARK: Pages

    private static func pageRanges(_ lines: [FoldedText]) -> [Range<Int>] {
        var starts = [0]
        for (i, line) in lines.enumerated() where i > 0 && startsPage(line) { starts.append(i) }
        return starts.indices.map { k in starts[k]..<(k + 1 < starts.count ? starts[k + 1] : lines.count) }
    }

    /// Where pages start in text without form feeds (`pdftotext -layout -nopgbrk`): after each
    /// page number, a line that is only a number (3, - 3 -, ─ 3 ─, 第3页, 3/20), one more
    /// than the one before and twenty lines or more after it, in the longest such run, of
    /// three or more. A bare number counts where `-layout` centres it, set in from the margin;
    /// one set off as a page number (─ 2 ─) also at the margin, where a report prints its even
    /// pages' (江苏 人大常委会 2019). Left in place, a page number splits what runs over the
    /// page (11700.63 / 8 / 万元). Not in plain pdftotext's text, where a table's cells stand
    /// a line each, unindented, and their codes and 0s make runs.
    private static func numberedPageStarts(_ lines: [FoldedText]) -> [Int] {
        var numbered: [(index: Int, number: Int)] = []
        for (i, line) in lines.enumerated() where !line.isBlank && line.text.utf8.count <= 48 {
            let key = edgeKey(line.text)
            guard isPageNumber(key), line.text.hasPrefix("        ") || !key.allSatisfy({ $0 == "#" }),
                  let number = Int(String(line.text.drop { !$0.isASCII || !$0.isNumber }.prefix { $0.isASCII && $0.isNumber }))
            else { continue }
            numbered.append((i, number))
        }
        // The longest run ending at each numbered line, from the runs of the lines twenty or
        // more above it, kept by their number as the scan passes them.
        var run = Array(repeating: 1, count: numbered.count)
        var previous: [Int?] = Array(repeating: nil, count: numbered.count)
        var longestEndingAt: [Int: Int] = [:]  // by number, the numbered line whose run is longest
        var passed = 0
        for j in numbered.indices {
            while passed < j, numbered[passed].index <= numbered[j].index - 20 {
                let number = numbered[passed].number
                if longestEndingAt[number].map({ run[$0] < run[passed] }) ?? true { longestEndingAt[number] = passed }
                passed += 1
            }
            if let i = longestEndingAt[numbered[j].number - 1] {
                run[j] = run[i] + 1
                previous[j] = i
            }
        }
        guard let last = run.indices.max(by: { run[$0] < run[$1] }), run[last] >= 3 else { return [] }
        var starts: [Int] = []
        var at: Int? = last
        while let k = at {
            if numbered[k].index + 1 < lines.count { starts.append(numbered[k].index + 1) }
            at = previous[k]
        }
        return starts.reversed()
    }

    private static func startPage(at index: Int, in lines: inout [FoldedText]) {
        lines[index] = FoldedText("\u{0C}" + lines[index].original, line: lines[index].line)
    }

    /// Where pages start inside tables, in `-layout` text without form feeds or page numbers:
    /// pdftotext lays out each page on its own, so a table's rows on the next page set their
    /// amounts in other columns (`2,878,025    2,878,025   0   0   0` under
    /// `3,296,600    3,296,600          0          0          0`). A row starts a page when
    /// each of its amounts ends two places or more to the same side of where they ended in
    /// the table's last row of as many amounts, one of them three or more (within a page
    /// they drift a place or two, not all at once), and the next such row sets them where it
    /// does: a row alone out of line (a 合计 set apart) starts none; the page starts above the
    /// lines between it and the row before when one of them repeats a line of the table's
    /// header (the header printed again at the next page's top). A table's title, its 单位
    /// line or a sentence ends the table. In a 绩效目标 form (from its title to the next
    /// standard table's) rows of one amount are passed over: its values stand where its
    /// cells do, left or right (项目资金  其中：财政资金  6,351,000.00 / 上年结转资金  0.00).
    private static func tablePageStarts(_ lines: [FoldedText], from start: Int) -> [Int] {
        var starts: [Int] = []
        var last: [Int: [Int]] = [:]  // by their count, the ends of the amounts of the table's last row of as many
        var moved: (index: Int, ends: [Int])?
        var inForm = false
        // The table's lines of words alone so far, by their words, and those since its last row:
        // one of them printed before is the header again, at the top of the next page.
        var header = Set<String>()
        var sinceRow: [(index: Int, repeated: Bool)] = []
        for i in start..<lines.count where !lines[i].isBlank {
            guard let ends = SpacedTableReader.amountEnds(lines[i].text) else { continue }
            guard !ends.isEmpty else {
                let text = lines[i].text.trimmingSpaces
                // A title and a sentence are one piece; a header's cells, a gap apart, can name a
                // table too (项目    收入预算, a continued table's header at a page's top).
                let onePiece = !text.contains(utf8: "  ")
                let titlesTable = onePiece && SpacedTableReader.kind(of: String(text)) != nil
                if titlesTable || SpacedTableReader.isCaption(lines[i]) || onePiece && text.unicodeScalars.isLonger(than: 24) {
                    (last, moved) = ([:], nil)
                    header = []
                    sinceRow = []
                } else {
                    let words = TableOfContents.key(text)
                    sinceRow.append((i, header.contains(words)))
                    header.insert(words)
                }
                if titlesTable {
                    inForm = false
                } else if text.hasSuffix("表") && text.contains("绩效目标") {
                    inForm = true
                }
                continue
            }
            if ends.count == 1 && inForm { continue }
            if let row = moved, row.ends.count == ends.count {
                if zip(ends, row.ends).allSatisfy({ abs($0 - $1) <= 1 }) { starts.append(row.index) }
                moved = nil
            }
            if let before = last[ends.count], moved == nil, isMovedOver(from: before, to: ends) {
                moved = (sinceRow.contains { $0.repeated } ? sinceRow[0].index : i, ends)
            }
            last[ends.count] = ends
            sinceRow = []
        }
        return starts
    }

    /// Whether every end in `ends` lies two places or more from its own in `before`, all to
    /// one side, one of them three or more.
    private static func isMovedOver(from before: [Int], to ends: [Int]) -> Bool {
        let shifts = zip(ends, before).map { $0 - $1 }
        return (shifts.allSatisfy { $0 <= -2 } || shifts.allSatisfy { $0 >= 2 }) && shifts.contains { abs($0) >= 3 }
    }

    /// Page numbers and running headers and footers: the first or last line of a
    /// page that is only a number (3, - 3 -, ─ 3 ─, 第3页, 3/20), or that repeats, numbers
    /// aside, at the edge of at least three pages and 40% of them.
    private static func runningLines(_ lines: [FoldedText], pages: [Range<Int>]) -> Set<Int> {
        var edges: [(index: Int, page: Int, key: String)] = []
        for (page, range) in pages.enumerated() {
            let filled = range.filter { !lines[$0].isBlank }
            for index in Set([filled.first, filled.last].compactMap { $0 }) {
                edges.append((index, page, edgeKey(lines[index].text)))
            }
        }
        var counts: [String: Int] = [:]
        for edge in edges { counts[edge.key, default: 0] += 1 }
        let repeated = Set(counts.filter { $0.value >= 3 && Double($0.value) >= 0.4 * Double(pages.count) && !isPageNumber($0.key) }.keys)
        // A page number set off as one (- 3 -, 第3页, 3/20) is one. A bare number counts up
        // with the pages: it is one when the page before or after it, or the one past that,
        // holds the number before or after it (n on page k, n + 1 on page k + 1). A 科目's
        // code that plain pdftotext sets alone at a page's top (201, then 208 three pages on)
        // counts with nothing.
        struct Numbered: Hashable {
            var page: Int
            var number: Int
        }
        var setOff: [Int] = []
        var bare: [(index: Int, at: Numbered)] = []
        for edge in edges where isPageNumber(edge.key) && !holdsNumbers(lines[edge.index].text) {
            if !edge.key.allSatisfy({ $0 == "#" }) {
                setOff.append(edge.index)
            } else if let number = Int(String(lines[edge.index].text.unicodeScalars.filter(\.isASCIIDigit))) {
                bare.append((edge.index, Numbered(page: edge.page, number: number)))
            }
        }
        let numberedPages = Set(bare.map(\.at))
        let counting = bare.filter { this in
            [-2, -1, 1, 2].contains { numberedPages.contains(Numbered(page: this.at.page + $0, number: this.at.number + $0)) }
        }
        return Set(edges.filter { repeated.contains($0.key) }.map(\.index) + setOff + counting.map(\.index))
    }

    /// A page edge's line as running lines are compared: no spaces, each ASCII digit a #
    /// (- 3 - → -#-, 第12页 → 第##页).
    private static func edgeKey(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace }.map { $0.isASCII && $0.isNumber ? "#" : $0 })
    }

    /// Whether a line holds numbers a space apart (303   05   302: the codes of a table's row
    /// at a page's top), which no page number does.
    private static func holdsNumbers(_ text: String) -> Bool {
        var afterDigit = false, spaced = false
        for scalar in text.unicodeScalars {
            if scalar.isASCIIDigit {
                if afterDigit && spaced { return true }
                afterDigit = true
                spaced = false
            } else if scalar.properties.isWhitespace {
                spaced = afterDigit
            } else {
                afterDigit = false
            }
        }
        return false
    }

    private static func isPageNumber(_ key: String) -> Bool {
        var core = Substring(key)
        for (open, close) in [("-", "-"), ("—", "—"), ("─", "─"), ("第", "页")] where core.hasPrefix(open) && core.hasSuffix(close) && core.count > 2 {
            core = core.dropFirst().dropLast()
        }
        if let slash = core.firstIndex(of: "/") { core = core[..<slash] }
        return !core.isEmpty && core.allSatisfy { $0 == "#" }
    }

    /// The lines of the 目录: from its heading (目录, or 目 and 录 on lines of their own)
    /// to where the body repeats its first entry, on the 目录's page or after it (or, failing
    /// that, to the end of its page, when the text has pages).
    private static func tableOfContents(_ lines: [FoldedText], pages: [Range<Int>]) -> Range<Int>? {
        let searched = pages.prefix(5).last?.upperBound ?? lines.count
        let filled = (0..<searched).filter { !lines[$0].isBlank }
        // `key` is the costly test: it runs only on lines that hold the character it looks for.
        guard let at = filled.indices.first(where: { k in
            guard lines[filled[k]].text.contains(utf8: "目") else { return false }
            let here = TableOfContents.key(lines[filled[k]].text)
            return TableOfContents.isHeading(here) || (here == "目" && k + 1 < filled.count && TableOfContents.key(lines[filled[k + 1]].text) == "录")
        }) else { return nil }
        let heading = filled[at]
        let entries = filled[(at + 1)...].drop { TableOfContents.key(lines[$0].text) == "录" }
        guard let first = entries.first else { return nil }
        let firstKey = TableOfContents.key(lines[first].text)
        let firstScalar = firstKey.unicodeScalars.first.map { String($0) } ?? ""
        let page = pages.first { $0.contains(heading) } ?? heading..<lines.count
        // The body may put the first heading's marker and title on two lines (第一部分 / 概况),
        // and may start on the 目录's own page, after its entries (江苏 检察院 2018).
        let repeatAt = ((first + 1)..<lines.count).first { i in
            guard lines[i].text.contains(utf8: firstScalar) else { return false }
            let here = TableOfContents.key(lines[i].text)
            return here == firstKey || (here.count >= 4 && firstKey.hasPrefix(here))
        }
        if let repeatAt { return heading..<repeatAt }
        // Text without page breaks has no page for the 目录 to end with: it ends with its entries.
        guard pages.count == 1 else { return heading..<page.upperBound }
        // A 目录 has fewer lines than this (the longest in the corpus, 40).
        let listed = Array(entries.prefix(300))
        return TableOfContents.entryCount(listed.map { lines[$0].text.trimmingSpaces }).map { heading..<(listed[$0 - 1] + 1) }
    }

    /// The parts the 目录 lists whose heading the body prints without its marker
    /// (目录: 第二部分 上海市…部门决算表; body: 上海市…部门决算表), by the body line. Titles
    /// match by a common ending of eight characters or more: the two spellings drift
    /// (a dropped 普陀区, a 表 wrapped to the next line of the 目录).
    private static func unmarkedParts(listedIn contents: ArraySlice<FoldedText>,
                                      body: [FoldedText]) -> [Int: OutlineRecognizer.PartMarker] {
        func marker(_ line: FoldedText) -> ListMarker? { ListMarker.scan(String(line.text.trimmingSpaces)) }
        // Where the body's own part headings stand: a missing part lies between its neighbours.
        var partLines: [Int: Int] = [:]
        for line in body where line.line > (contents.last?.line ?? 0) {
            if let found = marker(line), found.style == .part, partLines[found.number] == nil { partLines[found.number] = line.line }
        }
        var found: [Int: OutlineRecognizer.PartMarker] = [:]
        for entry in contents {
            guard let part = marker(entry), part.style == .part, partLines[part.number] == nil else { continue }
            let text = String(entry.text.trimmingSpaces)
            let title = bare(TableOfContents.key(part.rest(of: text)))
            let after = partLines.filter { $0.key < part.number }.values.max() ?? (contents.last?.line ?? 0)
            let before = partLines.filter { $0.key > part.number }.values.min() ?? Int.max
            guard title.count >= 8, let heading = body.first(where: { line in
                let candidate = bare(TableOfContents.key(line.text))
                return line.line > after && line.line < before && marker(line) == nil
                    && abs(candidate.count - title.count) <= 6 && commonSuffix(candidate, title) >= 8
            }) else { continue }
            found[heading.line] = OutlineRecognizer.PartMarker(marker: part, text: String(heading.text.trimmingSpaces))
        }
        return found
    }

    /// The chapters the 目录 lists (一、部门主要职能, 三、名词解释) whose heading the body prints
    /// without its marker, centred on a line of its own: 上海市普陀区司法局主要职能, 名词解释.
    /// The body's line ends with the entry's title, brackets aside (上海市…办事处（部门）主要职能),
    /// or with its title after the 部门 or 单位 that the body spells as the department's name;
    /// each entry's heading comes after the one before. Entries that name a standard table are
    /// left to the tables, whose titles are read as such.
    private static func unmarkedChapters(listedIn contents: ArraySlice<FoldedText>, body: [FoldedText]) -> [Int: String] {
        func unbracketed(_ key: String) -> String { String(key.unicodeScalars.filter { !"（）()".unicodeScalars.contains($0) }) }
        let endings: [String] = contents.compactMap { entry in
            let text = String(entry.text.trimmingSpaces)
            guard let chapter = ListMarker.scan(text), chapter.style == .chineseNumber else { return nil }
            let title = unbracketed(TableOfContents.key(chapter.rest(of: text)))
            guard SpacedTableReader.kind(of: title) == nil else { return nil }
            let ending = title.hasPrefix("部门") || title.hasPrefix("单位") ? String(title.dropFirst(2)) : title
            return ending.count >= 4 ? ending : nil
        }
        // One pass over the body, the costly tests only on lines that end as some entry does.
        let lastScalars = Set(endings.map { $0.unicodeScalars.last! })
        var candidates: [(line: Int, text: String, key: String)] = []
        for line in body where line.line > (contents.last?.line ?? 0) {
            let text = line.text.trimmingSpaces
            guard let last = text.unicodeScalars.last, lastScalars.contains(last), !text.unicodeScalars.isLonger(than: 40),
                  !text.unicodeScalars.contains(where: { "。，,：:；;".unicodeScalars.contains($0) }),
                  ListMarker.scan(String(text)) == nil
            else { continue }
            candidates.append((line.line, String(text), unbracketed(TableOfContents.key(text))))
        }
        var found: [Int: String] = [:]
        var after = 0
        for ending in endings {
            guard let heading = candidates.first(where: { $0.line > after && $0.key.hasSuffix(ending) }) else { continue }
            found[heading.line] = heading.text
            after = heading.line
        }
        return found
    }

    private static func bare(_ key: String) -> String { key.hasSuffix("表") ? String(key.dropLast()) : key }

    private static func commonSuffix(_ a: String, _ b: String) -> Int {
        zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
    }

    // MARK: Wrapped lines

    /// A line laid out in columns: two gaps of two spaces or more, or one before a figure.
    /// A part heading spaced out on its line (第二部分      2019年度部门预算表) is not, nor a
    /// justified sentence whose gaps all stand by its figures (与上年相比增加     3,959.28 万元，
    /// 增长 22          %。).
    static func isColumnar(_ text: some StringProtocol) -> Bool {
        let body = text.trimmingSpaces
        if isPartHeading(body) { return false }
        var gaps = ColumnGaps()
        gaps.read(body.unicodeScalars)
        return gaps.columnar
    }

    private static func isPartHeading(_ text: some StringProtocol) -> Bool {
        text.hasPrefix("第") && ListMarker.scan(String(text))?.style == .part
    }

    /// ``isColumnar(_:)``'s count of gaps, which can go on reading where it stopped: a
    /// paragraph's count grows as lines join it, without reading the paragraph again.
    private struct ColumnGaps {
        private var gaps = 0
        private var run = 0
        /// The scalar before the current run of spaces.
        private var before: Unicode.Scalar = " "
        /// Two gaps, or one before a figure.
        private var spaced = false
        /// Whether every gap so far has a figure on one side (a digit before it; a digit, a %
        /// or a unit after it): how pdftotext -layout spreads a justified sentence.
        private var byFiguresOnly = true
        /// A 。, a ；or a ，that is no thousands separator: a sentence's.
        private var sentence = false
        var columnar: Bool { spaced && !(byFiguresOnly && sentence) }

        mutating func read(_ scalars: some Sequence<Unicode.Scalar>) {
            for scalar in scalars {
                if spaced && !byFiguresOnly { return }
                if scalar == " " {
                    run += 1
                    continue
                }
                if run >= 2 {
                    gaps += 1
                    spaced = spaced || gaps >= 2 || scalar.isASCIIDigit
                    // After the gap: a digit, or % 万 亿 元.
                    byFiguresOnly = byFiguresOnly && (before.isASCIIDigit || scalar.isASCIIDigit
                        || [0x25, 0x4E07, 0x4EBF, 0x5143].contains(scalar.value))
                }
                // Every scalar of a table's rows is read here: compared as numbers.
                switch scalar.value {
                case 0x3002, 0xFF0C, 0xFF1B, 0x3B: sentence = true    // 。，；;
                case 0x2C: sentence = sentence || !before.isASCIIDigit
                default: break
                }
                run = 0
                before = scalar
            }
        }
    }

    /// A wrapped paragraph is joined up to this many bytes: a bound on the lines the
    /// later stages see, whatever the input. A report's longest paragraph is under a
    /// thousand characters.
    static let maxJoinedBytes = 8192

    /// A paragraph as its lines join it, with what the joining tests read of its folded
    /// text (its length, its last line, its first and last few characters, its gaps) kept
    /// up to date line by line. Reading the whole paragraph at each join took time in the
    /// square of its length (a 93 KB text, 1.2 s; found by Fuzz/). The tests read the lines'
    /// folded texts one after another, which is the folded paragraph except where a line
    /// starts inside a combining sequence.
    private struct Paragraph {
        /// Enough for 20,323.21 and the space before it.
        private static let tailLength = 16
        private let first: FoldedText
        /// What the tests read once lines have joined; until then they read `first`.
        private var joined: Joined?

        private struct Joined {
            /// The lines' originals without their edge spaces.
            var original: String
            /// Where each line starts in `original`.
            var lineStarts: [LineStart] = []
            private var utf16Count = 0
            /// The first scalars of the folded text, as many as ``ListMarker/scan(_:)`` reads.
            var head: String
            /// The last scalars of the folded text: enough for the last two characters, or
            /// for an amount set off by a space.
            var tail: String
            var width: Int
            /// The last line's folded text, without its edge spaces.
            var lastLine: Substring
            var gaps = ColumnGaps()

            init(_ line: FoldedText, width: Int) {
                original = ""
                let text = line.text.trimmingSpaces
                head = String(String.UnicodeScalarView(text.unicodeScalars.prefix(12)))
                tail = String(String.UnicodeScalarView(text.unicodeScalars.suffix(Paragraph.tailLength)))
                self.width = width
                lastLine = text
                gaps.read(text.unicodeScalars)
                addOriginal(of: line)
            }

            mutating func append(_ line: FoldedText, width: Int) {
                addOriginal(of: line)
                let text = line.text.trimmingSpaces
                if head.unicodeScalars.count < 12 {
                    head.unicodeScalars.append(contentsOf: text.unicodeScalars.prefix(12 - head.unicodeScalars.count))
                }
                tail.unicodeScalars.append(contentsOf: text.unicodeScalars.suffix(Paragraph.tailLength))
                tail = String(String.UnicodeScalarView(tail.unicodeScalars.suffix(Paragraph.tailLength)))
                lastLine = text
                self.width += width
                gaps.read(text.unicodeScalars)
            }

            private mutating func addOriginal(of line: FoldedText) {
                let trimmed = line.original.trimmingSpaces
                let indent = line.original.utf16.distance(from: line.original.startIndex, to: trimmed.startIndex)
                lineStarts.append(LineStart(utf8: Int32(original.utf8.count), utf16: Int32(utf16Count),
                                            line: Int32(line.line), indent: Int32(indent)))
                original += trimmed
                // Counted on the bytes: a Substring's utf16.count builds its line's breadcrumbs.
                utf16Count += trimmed.utf8.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : $1 >= 0xF0 ? 2 : 1) }
            }
        }

        /// The first line's layout.
        private let measure: Measure

        init(_ line: FoldedText, _ measure: Measure) {
            first = line
            self.measure = measure
        }

        /// The folded text's start and end: the whole text while it is one line.
        var head: Substring { joined.map { $0.head[...] } ?? first.text.trimmingSpaces }
        var tail: Substring { joined.map { $0.tail[...] } ?? first.text.trimmingSpaces }
        var width: Int { joined?.width ?? measure.width }
        var lastLine: Substring { joined?.lastLine ?? first.text.trimmingSpaces }
        var bytes: Int { joined?.original.utf8.count ?? first.original.utf8.count }
        var isOneLine: Bool { joined == nil }
        /// A heading or a table's title on a line of its own, whole: 十一、一般公共预算机关运行经费支出
        /// 预算情况说明; 财政拨款政府性基金支出预算表.
        var isWholeHeading: Bool {
            guard joined == nil else { return false }
            let text = first.text.trimmingSpaces
            return (text.hasSuffix("说明") && ListMarker.scan(String(head)) != nil) || isTableTitle(text)
        }
        var isColumnar: Bool { joined.map { $0.gaps.columnar && !isPartHeading($0.head) } ?? measure.columnar }

        mutating func join(_ line: FoldedText, width: Int) {
            if joined == nil { joined = Joined(first, width: measure.width) }
            joined!.append(line, width: width)
        }

        /// The paragraph as one line; a line nothing joined comes out as it went in.
        var line: FoldedText { joined.map { FoldedText($0.original, line: first.line, lineStarts: $0.lineStarts) } ?? first }
    }

    /// Joins a line into the one before it when that one runs to the full width of
    /// the page and stops mid-sentence, and this one neither starts a paragraph
    /// (indent, list marker) nor is laid out in columns.
    /// `longLines` is how many lines at the full width tell double spacing: fewer in a piece
    /// of text too short to tell its pages (``pieceLongLines``).
    static func joinWrapped(_ lines: [FoldedText], longLines: Int = 30) -> [FoldedText] {
        var measures = lines.map { $0.isBlank ? nil : Measure(columnar: isColumnar($0.text), width: columns($0.original.trimmingSpaces)) }
        let prose = lines.indices.filter { measures[$0].map { !$0.columnar } ?? false }
        let widths = prose.map { measures[$0]!.width }.filter { $0 >= 20 }.sorted()
        guard !widths.isEmpty else { return lines }
        let full = widths[widths.count * 9 / 10]
        // pdftotext -layout indents each paragraph's first line: then a line at the margin
        // continues the one above even when that one happens to end on 。 or ；.
        let indented = prose.filter { lines[$0].text.drop { $0 == "\u{0C}" }.hasPrefix("  ") }.count * 100 >= prose.count * 15
        let doubleSpaced = isDoubleSpaced(measures, full: full, longLines: longLines)
        var lines = lines
        if indented && !doubleSpaced {
            let order = loweringRaisedLines(lines, measures, full: full)
            lines = order.map { lines[$0] }
            measures = order.map { measures[$0] }
        }
        var result: [FoldedText] = []
        // The last line that is not blank, and the blank lines after it. Blank lines stay,
        // so neighbours here are neighbours on the page, or across a page break when the
        // page's footer was dropped.
        var open: Paragraph?
        var blanks: [FoldedText] = []
        for (line, measure) in zip(lines, measures) {
            guard let measure else {
                blanks.append(line)
                continue
            }
            // A page's foot may leave several blank lines before the next page's text: a sentence
            // cut there goes on across them.
            if let paragraph = open, blanks.count <= 1 || line.text.first == "\u{0C}" && !endsSentence(paragraph),
               paragraph.bytes < maxJoinedBytes,
               endsTitle(paragraph, with: line)
                || (blanks.isEmpty || goesOnAcrossBlank(paragraph, with: line, doubleSpaced: doubleSpaced))
                    && continues(paragraph, with: line, columnar: measure.columnar, full: full, indented: indented)
                || blanks.count == 1 && givesAmount(to: paragraph, line, columnar: measure.columnar) {
                open!.join(line, width: measure.width)
                blanks.removeAll()
                continue
            }
            if let paragraph = open { result.append(paragraph.line) }
            result += blanks
            blanks.removeAll()
            open = Paragraph(line, measure)
        }
        if let paragraph = open { result.append(paragraph.line) }
        return result + blanks
    }

    /// How many lines at the full width tell a ``Layout/wrapped`` piece double-spaced: a
    /// 情况说明 of one page has a dozen or so.
    static let pieceLongLines = 6

    // MARK: Sentences broken in text without pages

    /// Joins a line into the one before it where the break plainly falls inside a sentence, in
    /// text not known as page text, whose lines otherwise stand as paragraphs: a piece of a
    /// PDF's text too short to show its page's width (a 情况说明 copied out), a scraped page
    /// with a line break in a sentence. Plainly: the line goes on with what no paragraph starts
    /// with (、，。；：, a closing bracket or quote), with the unit of the number the line before
    /// ends on (…增加 1062.85 / 万元，增长…), with the rest of a number broken at its decimal
    /// point (2553. / 52万元), or with an amount and its unit after a word (…收入支出总计 /
    /// 9859.38 万元。); or the line before ends on ，or 、. Left apart, the amount lost its unit
    /// or its whole part, and its label. A table's lines (a TAB, columns), a list item, and a
    /// line before that holds no Chinese are never joined: some exports set a table's cells a
    /// line each (95 / %), where a break says nothing.
    static func joinBroken(_ lines: inout [FoldedText]) {
        // The lines are left untouched up to the first break, and without one not written at
        // all: most texts have none, and a copy of a large text's lines took a fifth more memory.
        // The lines' edges are read on their folded texts alone: a line passed whole was copied,
        // its three references retained and released, for every line of the text.
        guard let firstBreak = lines.indices.dropFirst().first(where: {
            guard let edges = Edges(lines[$0 - 1].text, lines[$0].text) else { return false }
            return breaksInside(lines[$0 - 1], lines[$0], edges)
        }) else { return }
        var kept = firstBreak - 1  // where the open sentence goes
        var sentence = SentenceJoin(lines[kept])
        for k in lines.indices[firstBreak...] {
            if sentence.take(lines[k]) { continue }
            lines[kept] = sentence.line
            kept += 1
            sentence = SentenceJoin(lines[k])
        }
        lines[kept] = sentence.line
        lines.removeSubrange((kept + 1)...)
    }

    /// Lines joined as ``joinBroken(_:)`` joins them, taken one by one: a reader that hands
    /// over its paragraphs as it reads them holds the last in one. Taken into in place: a copy
    /// shares the lines joined so far.
    struct SentenceJoin {
        /// The first line.
        let first: FoldedText
        /// The lines joined so far and the last of them, once one has joined: boxed, as a
        /// reader hands over every paragraph through one of these and nothing joins most.
        private var joined: Joined?

        private final class Joined {
            var paragraph: Paragraph
            var last: FoldedText

            init(_ first: FoldedText, _ line: FoldedText) {
                paragraph = Paragraph(first, Measure(columnar: false, width: 0))
                last = line
            }
        }

        init(_ line: FoldedText) { first = line }

        /// Joins `line` when it goes on with the sentence, and says whether it did.
        mutating func take(_ line: FoldedText) -> Bool {
            if let joined {
                guard breaksInside(joined.last, line), joined.paragraph.bytes < maxJoinedBytes else { return false }
                joined.last = line
            } else {
                guard breaksInside(first, line) else { return false }
                joined = Joined(first, line)
            }
            joined!.paragraph.join(line, width: 0)
            return true
        }

        /// The lines as one.
        var line: FoldedText { joined?.paragraph.line ?? first }
    }

    /// Whether `line` goes on with the sentence `before` breaks off, as ``joinBroken(_:)`` reads it.
    private static func breaksInside(_ before: FoldedText, _ line: FoldedText) -> Bool {
        Edges(before.text, line.text).map { breaksInside(before, line, $0) } ?? false
    }

    /// How a line's first character and the last of the line before may show a sentence
    /// broken between them: the first test of ``breaksInside(_:_:)``, which lets most lines
    /// go, read on the bytes.
    private enum Edges {
        /// 、，。；：, a closing bracket or quote (``opensNoParagraph(_:)``).
        case opening
        /// 1062.85 / 万元，; 48.16 / %。
        case unitAfterNumber
        /// 2553 / .52万元
        case decimalsAfterNumber
        /// 2553. / 52万元
        case numberAfterPoint
        /// …收入支出总计 / 9859.38 万元。与…
        case numberAfterWords
        /// 2553.52万 / 元，
        case yuanAfterTenThousand
        /// …其中：基本支出 5377.64 万元， / 占 55.10%, the line not indented as a paragraph.
        case afterComma

        init?(_ before: String, _ line: String) {
            guard let first = line.firstScalar(skippingSpaces: true), let last = before.lastScalar(skippingSpaces: true) else { return nil }
            let indented = line.utf8.first == 0x20
            switch (first.value, last.value) {
            case _ where opensNoParagraph(first): self = .opening
            case (0x25, 0x30...0x39), (0x4E07, 0x30...0x39), (0x4EBF, 0x30...0x39), (0x5143, 0x30...0x39): self = .unitAfterNumber
            case (0x2E, 0x30...0x39): self = .decimalsAfterNumber
            case (0x30...0x39, 0x2E): self = .numberAfterPoint
            case (0x30...0x39, _) where last.isIdeograph && !indented: self = .numberAfterWords
            case (0x5143, 0x4E07), (0x5143, 0x4EBF): self = .yuanAfterTenThousand
            case (_, 0xFF0C), (_, 0x2C), (_, 0x3001):
                guard !indented else { return nil }
                self = .afterComma
            default: return nil
            }
        }
    }

    /// ``breaksInside(_:_:)`` where the lines' edges are `edges`.
    private static func breaksInside(_ before: FoldedText, _ line: FoldedText, _ edges: Edges) -> Bool {
        let head = { line.text.trimmingSpaces.unicodeScalars }, tail = { before.text.trimmingSpaces.unicodeScalars }
        let broken = switch edges {
        case .opening, .afterComma: true
        case .unitAfterNumber: unitEndsClause(head())
        case .decimalsAfterNumber: head().dropFirst().first?.isASCIIDigit == true
        case .numberAfterPoint, .yuanAfterTenThousand: tail().dropLast().last?.isASCIIDigit == true
        case .numberAfterWords: unitEndsClause(head().drop { $0.isASCIIDigit || $0 == "," || $0 == "." }.drop { $0 == " " })
        }
        guard broken, tail().contains(where: \.isIdeograph),
              !before.original.contains(utf8: 0x09), !line.original.contains(utf8: 0x09),
              !(before.text.contains(utf8: "  ") && isColumnar(before.text)), !(line.text.contains(utf8: "  ") && isColumnar(line.text))
        else { return false }
        return ListMarker.scan(String(line.text.trimmingSpaces)) == nil
    }

    /// Whether no paragraph starts with `scalar`: 、，。；：, a closing bracket or quote (and the
    /// ASCII marks ，；：） may fold to). A line that does goes on from the one before.
    private static func opensNoParagraph(_ scalar: Unicode.Scalar) -> Bool {
        // A switch: asked of every line of scraped text, a scan of a string's scalars cost
        // half of the joining's time.
        switch scalar {
        case "、", "，", ",", "。", "；", ";", "：", ":", "）", ")", "》", "」", "』", "”": true
        default: false
        }
    }

    /// Whether `text` starts with a unit of money or % and a mark of the sentence right after
    /// it (万元，; %。): a sentence's figure goes on so, a table's cell (5万元/期, a line of its
    /// own in a word processor's text export) does not.
    private static func unitEndsClause(_ text: Substring.UnicodeScalarView.SubSequence) -> Bool {
        guard let unit = Figure.Unit.allCases.first(where: { text.starts(with: $0.rawValue.unicodeScalars) }) else { return false }
        return text.dropFirst(unit.rawValue.unicodeScalars.count).first.map { "，,。；;、）)".unicodeScalars.contains($0) } ?? false
    }

    /// pdftotext -layout prints a line that starts in another font (the digits of 603.14万元, a “)
    /// a little above the line before it, a blank line over both: `603.14万元，占20.51%；` over
    /// `本年支出合计…占79.49%； 项目支出`. Such a pair goes back in order, the blank line after
    /// it, so that each line joins its sentence: a line at the margin that starts with a digit or
    /// “, over a line of prose at the page's width that stops mid-sentence, blank lines around
    /// the two. Only in text laid out as -layout does, its paragraphs indented: plain pdftotext
    /// keeps the lines in order, its blank lines between pieces of a page; and not in
    /// double-spaced text, where every line stands so. The lines' new order, by their indices.
    private static func loweringRaisedLines(_ lines: [FoldedText], _ measures: [Measure?], full: Int) -> [Int] {
        var order = Array(lines.indices)
        var i = 1
        while i + 2 < lines.count {
            defer { i += 1 }
            guard measures[i - 1] == nil, measures[i + 2] == nil, let raised = measures[i], let below = measures[i + 1],
                  !raised.columnar, !below.columnar, Double(below.width) >= 0.8 * Double(full) else { continue }
            let first = lines[i].text.unicodeScalars.drop { $0 == "\u{0C}" }.first, text = lines[i + 1].text.trimmingSpaces
            guard first?.isASCIIDigit == true || first == "“", text.unicodeScalars.first?.isASCIIDigit == false,
                  text.last.map(sentenceEnds.contains) == false else { continue }
            order.swapAt(i - 1, i + 1)
            i += 2
        }
        return order
    }

    /// Whether the text is double-spaced, a blank line after each of its lines: then a
    /// sentence goes on across one blank line as it does across none. Told by its lines of
    /// prose at the full width, most of which a single blank line follows; a page of prose
    /// is at least 20 characters wide, and the one-cell lines of a tables-only report in
    /// plain pdftotext, which also alternate with blank lines, are narrower.
    private static func isDoubleSpaced(_ lines: [Measure?], full: Int, longLines: Int) -> Bool {
        guard full >= 40 else { return false }
        var long = 0
        var spaced = 0
        for i in lines.indices.dropLast(2) {
            guard let line = lines[i], !line.columnar, Double(line.width) >= 0.8 * Double(full) else { continue }
            long += 1
            if lines[i + 1] == nil && lines[i + 2] != nil { spaced += 1 }
        }
        return long >= longLines && spaced * 10 >= long * 6
    }

    /// The marks that end a sentence, or open what follows (：).
    private static let sentenceEnds: Set<Character> = ["。", "：", ":", "；", ";", "！", "？", "!", "?"]

    private static func endsSentence(_ paragraph: Paragraph) -> Bool {
        paragraph.tail.last.map(sentenceEnds.contains) ?? true
    }

    /// Whether `line` holds the amount of the item `paragraph` ends on, a blank line apart: plain
    /// pdftotext prints a PDF's pieces of text apart, and a sentence whose amount is a piece of
    /// its own (`（一）收入预算总计` / `21,955.35 万元。包括：`, one line in `-layout` text) comes
    /// out so. The paragraph ends on an item's name with no mark after it, the line starts
    /// with an amount and its unit, and neither is a table's row.
    private static func givesAmount(to paragraph: Paragraph, _ line: FoldedText, columnar: Bool) -> Bool {
        guard !columnar, !paragraph.isColumnar, FigureExtractor.leadingAmount(line.text).found else { return false }
        return ChangeCheck.endsAsItem(String(paragraph.tail))
    }

    /// Whether a sentence may go on across the one blank line before `line`: in double-spaced
    /// text, and across a page break (the page's number dropped, a blank line left), from and
    /// to lines that are not a table's row.
    private static func goesOnAcrossBlank(_ paragraph: Paragraph, with line: FoldedText, doubleSpaced: Bool) -> Bool {
        (doubleSpaced || line.text.first == "\u{0C}") && !hasGap(paragraph.lastLine) && !hasGap(line.text.trimmingSpaces)
    }

    /// Whether `text` has two spaces running inside it: the gap between two cells of a row
    /// (本年收入合计    本年支出合计), which a line of prose has not.
    private static func hasGap(_ text: Substring) -> Bool { text.contains(utf8: "  ") }

    /// A line's layout, read once for all the tests that ask it.
    private struct Measure {
        /// Laid out in columns (``isColumnar(_:)``).
        var columnar: Bool
        /// Printed width, in ``columns(_:)``.
        var width: Int
    }

    /// How wide `text` is printed, in columns: a Chinese character (or any but ASCII) takes
    /// two, as a digit, a Latin letter or a space takes half the width of one.
    private static func columns(_ text: Substring) -> Int {
        // Counted on the bytes, a scalar by its first byte (its others are 80–BF): a text's
        // lines are all measured to tell its layout, and its scalars cost twice as much.
        text.utf8.withContiguousStorageIfAvailable(\.columns) ?? Array(text.utf8).withUnsafeBufferPointer(\.columns)
    }

    /// A short line with no punctuation, such as a table's header cell (功能分类 / 科目编码,
    /// then 合计 20,323.21) ends its paragraph, however long the lines before. A short line
    /// of a sentence does not: at most half the page's width, in ``columns(_:)``.
    private static func isFragment(_ line: Substring, full: Int) -> Bool {
        columns(line) <= (full - 1) / 2 && !isPunctuated(line)
    }

    /// Whether `text` holds a ，。；：or, unless `enumerationComma` is false, a 、 (also the
    /// ASCII ,;: that ，；：can fold to), read on its UTF-8 bytes: this runs for most lines of
    /// a PDF's text.
    static func isPunctuated(_ text: Substring, enumerationComma: Bool = true) -> Bool {
        var before: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch (before.0, before.1, byte) {
            case (_, _, UInt8(ascii: ",")), (_, _, UInt8(ascii: ";")), (_, _, UInt8(ascii: ":")),
                 (0xE3, 0x80, 0x82), (0xEF, 0xBC, 0x8C), (0xEF, 0xBC, 0x9B), (0xEF, 0xBC, 0x9A):
                return true
            case (0xE3, 0x80, 0x81) where enumerationComma:
                return true
            default:
                before = (before.1, byte)
            }
        }
        return false
    }

    /// A part title wrapped onto a short, centred second line, a blank line at most
    /// between (…年度部门决算情况 / 说明), or a standard table's title on a line of its own
    /// wrapped before its last characters (“三公”经费、会议费、培训费支出预算 / 表).
    private static func endsTitle(_ previous: Paragraph, with line: FoldedText) -> Bool {
        // The cheap tests of the short line first: this runs for every line of the text.
        let rest = line.text.trimmingSpaces
        guard !rest.isEmpty, !rest.unicodeScalars.isLonger(than: 4),
              !rest.unicodeScalars.contains(where: { "。，,：:；;".unicodeScalars.contains($0) }),
              ListMarker.scan(String(rest)) == nil else { return false }
        if let marker = ListMarker.scan(String(previous.head)), marker.style == .part {
            return !previous.tail.hasSuffix("说明")
        }
        // 表 ends every title, and is in few lines: the titles are read only around one.
        guard previous.isOneLine, rest.contains(utf8: "表") || previous.lastLine.contains(utf8: "表") else { return false }
        return !isTableTitle(previous.lastLine) && isTableTitle(Substring(previous.lastLine + rest))
    }

    /// A standard table's title on a line of its own, numbered or not (四、2017 年度江苏省高级
    /// 人民法院部门财政拨款收支预算总表): a line that names one with little else, not a sentence
    /// that names one (…《财政拨款支出预算表(功能科目)》增加了…).
    private static func isTableTitle(_ title: Substring) -> Bool { kind(ofTitle: title) != nil }

    /// The kind of standard table `title` is the title of, as ``isTableTitle(_:)`` reads it.
    static func kind(ofTitle title: Substring) -> String? {
        guard !title.unicodeScalars.isLonger(than: 48), !title.unicodeScalars.contains("《"),
              let kind = SpacedTableReader.kind(of: String(title)),
              !title.unicodeScalars.isLonger(than: kind.unicodeScalars.count + 28) else { return nil }
        // 、 is a number's (四、) or a name's (“三公”经费、会议费、培训费支出预算表).
        return isPunctuated(title, enumerationComma: false) ? nil : kind
    }

    /// Whether `text` is a row of header cells in page text with one space between cells
    /// (本年支出合计 基本支出 项目支出 上缴上级支出): four or more words of two Chinese characters
    /// or more, set apart by spaces, and no punctuation. A justified line spaces out single
    /// characters (检 察 院 2019 年), and a sentence holds punctuation or digits.
    private static func isRowOfWords(_ text: Substring) -> Bool {
        guard !isPunctuated(text) else { return false }
        let words = text.unicodeScalars.split(separator: " ")
        return words.count >= 4 && words.allSatisfy { $0.count >= 2 && !$0.contains(where: \.isASCII) }
    }

    /// Whether `text` starts with a row's number and a space: a numbered row (3 上海市…服务中心),
    /// not a year (2017 年) nor an amount with its unit (0 万元).
    private static func startsWithCount(_ text: Substring) -> Bool {
        let count = text.unicodeScalars.prefix { $0.isASCIIDigit }
        let rest = text.unicodeScalars.dropFirst(count.count)
        return (1...3).contains(count.count) && rest.first == " "
            && rest.dropFirst().first.map { !Figure.Unit.isStart($0) } == true
    }

    /// Whether `text` starts with a 科目编码 and a space.
    private static func startsWithCode(_ text: Substring) -> Bool {
        let code = text.prefix { $0.unicodeScalars.first?.isASCIIDigit == true }
        return TableFigures.isSubjectCode(code) && text[code.endIndex...].first == " "
    }

    /// Whether `text` ends on an amount set off by a space, or on a whole number after one
    /// (a row's 2.80 0, the zero of an empty column).
    private static func endsOnSpacedAmount(_ text: Substring) -> Bool {
        let tokens = text.split(separator: " ", omittingEmptySubsequences: false).suffix(2)
        guard tokens.count == 2, let last = tokens.last, let before = tokens.first else { return false }
        return TableFigures.amount(last) != nil || (TableFigures.isWholeNumber(last) && TableFigures.isValue(before))
    }

    /// Whether `text` may go on with a number the line before ended on: it does not start
    /// with one, or its number runs straight on into the text, or into a unit after spaces.
    private static func continuesNumber(_ text: some StringProtocol) -> Bool {
        let scalars = text.trimmingSpaces.unicodeScalars
        guard let first = scalars.first, first.isASCIIDigit else { return true }
        let rest = scalars.drop { $0.isASCIIDigit || $0 == "," || $0 == "." }
        guard let next = rest.first else { return false }
        if next != " " { return true }
        let after = rest.drop { $0 == " " }
        return after.first.map(Figure.Unit.isStart) ?? false
    }

    /// A justified line that ends on a figure set off by its one wide gap, whose unit starts
    /// the next line (…财政拨款收、支总预算                21,940.96 / 万元。与上年相比…): prose,
    /// though its gap looks like a row's. A table's units stand in its head, not under a row.
    private static func endsOnFigureBeforeItsUnit(_ previous: Paragraph, _ next: Substring) -> Bool {
        guard let first = next.unicodeScalars.first, Figure.Unit.isStart(first), previous.isOneLine else { return false }
        let parts = previous.lastLine.split(separator: "  ", omittingEmptySubsequences: true)
        return parts.count == 2 && TableFigures.isValue(parts[1].trimmingSpaces)
    }

    private static func startsWithSubjectLevel(_ line: Substring) -> Bool {
        subjectLevels.contains { line.utf8.starts(with: $0.utf8) }
    }

    private static let subjectLevels = ["(类)", "(款)", "(项)"]

    private static func leavesBracketOpen(_ line: Substring) -> Bool {
        guard let open = line.unicodeScalars.lastIndex(of: "(") else { return false }
        return !line.unicodeScalars[open...].contains(")")
    }

    private static func closesBracket(_ line: Substring) -> Bool {
        guard let close = line.unicodeScalars.firstIndex(of: ")") else { return false }
        return !line.unicodeScalars[..<close].contains("(")
    }

    private static func continues(_ previous: Paragraph, with line: FoldedText, columnar: Bool, full: Int, indented: Bool) -> Bool {
        let text = line.text.drop { $0 == "\u{0C}" }
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, !columnar, !previous.isColumnar || endsOnFigureBeforeItsUnit(previous, trimmed) else { return false }
        guard let last = previous.tail.last, indented || !sentenceEnds.contains(last) else { return false }
        // A line never starts with 、，。；：or a closing bracket, nor a figure with its unit: such
        // a line goes on from the one before, however short that one is. So does a line that
        // closes a bracket the line before left open (与上年相比增加（减 / 少）0万元), or that
        // starts with a 科目's level, which closes the name before it (…缴费支出 / （项）支出…).
        let goesOn = trimmed.unicodeScalars.first.map {
            opensNoParagraph($0) || (last.isNumber && last.isASCII && Figure.Unit.isStart($0))
        } ?? false || leavesBracketOpen(previous.lastLine) && closesBracket(trimmed) || startsWithSubjectLevel(trimmed)
        // Nor does a paragraph end on ，or 、 at the page's width: the line after goes on from
        // it, even where pdftotext indents it (…收入、支出预算总计 9,146.79 万元， / 与上年相比…).
        // A narrower line is a table's cell, wrapped in its column.
        let atWidth = full >= 40 && Double(previous.width) >= 0.8 * Double(full)
        let runsOn = (last == "，" || last == "、") && atWidth
        // A paragraph's first line is indented; a wrapped line starts at the margin, after a line
        // at the page's width, and is no list item, table or form title (收入支出决算总表, 2021
        // 年度部门整体支出绩效自评表, on its own), row of values (11.49 3.04 0), row of a table of
        // 科目 under another (30110 职工… / 30111 公务员医疗补助缴费 …) or numbered row under
        // another (3 …服务中心 / 4 …服务中心). Lines narrower than a page of prose (20 characters)
        // are a table's cells, one a line in plain pdftotext.
        guard !text.hasPrefix("  ") || runsOn, goesOn || atWidth,
              ListMarker.scan(String(trimmed)) == nil, !isTableTitle(trimmed), !TopAlignedIndicatorTable.isFormTitle(trimmed),
              !TableFigures.isRunOfValues(trimmed), !(startsWithCode(trimmed) && startsWithCode(previous.head)),
              !(startsWithCount(trimmed) && startsWithCount(previous.head)), !previous.isWholeHeading
        else { return false }
        // Nor does one go on from a short line, or from a row of header cells.
        guard goesOn || !isFragment(previous.lastLine, full: full) && !isRowOfWords(previous.lastLine) else { return false }
        // Lines are joined with nothing between. A figure broken at the page width goes on
        // at once, or with its unit (2336.9 / 1万元); a number that stands alone on the next
        // line is another (a table row's 207.40, then the next row's code: 20105 统计…), and
        // joining would make one number of the two (207.4020105).
        guard let end = previous.tail.unicodeScalars.last, end.isASCIIDigit else { return true }
        guard continuesNumber(text) else { return false }
        // A table row of page text ends on an amount set off by a space (… 39.99 39.99): a
        // line goes on from it only with the amount's unit or a punctuation mark, not with
        // the next row (合计 247.39 …).
        guard endsOnSpacedAmount(previous.tail), let start = text.trimmingSpaces.unicodeScalars.first,
              !start.isASCIIDigit else { return true }
        return Figure.Unit.isStart(start) || "，,。、；;：:）)".unicodeScalars.contains(start)
    }
}
