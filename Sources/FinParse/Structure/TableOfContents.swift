/// What a report's table of contents (目录) gives, however it was found: on a PDF's pages
/// (``PageText``), by the styles Word gives its own (``WordDocumentReader``), or typed as
/// paragraphs (``TypedContents``). Its entries are kept out of the outline, and the standard
/// tables it lists are looked for among the tables read (``missingTables(_:kinds:titles:)``).
enum TableOfContents {
    /// A 目录 entry that names a standard table (三、支出决算表).
    struct ListedTable: Sendable {
        var kind: String
        var entry: String
        var line: Int
    }

    /// The text without spaces, leader dots and a trailing page number: what a
    /// contents entry and the heading it names have in common.
    static func key(_ text: some StringProtocol) -> String {
        // On scalars: Characters would add grapheme breaking, for text that has no combining marks to keep.
        let kept: [Unicode.Scalar] = withoutFieldCodes(Substring(text)).unicodeScalars.filter { !$0.properties.isWhitespace }
        let end = kept.lastIndex { !($0.isASCIIDigit || "….·-".unicodeScalars.contains($0)) }.map { $0 + 1 } ?? 0
        return String(String.UnicodeScalarView(kept[..<end]))
    }

    /// Whether `text` is short enough for its ``key(_:)`` to head a 目录 (or be its 目 alone):
    /// no more than ten scalars of it past ASCII that the key keeps (not spaces, nor a leader's
    /// … and ·). Asked first of every paragraph with a 目 (项目 …): the key of a long one cost
    /// half a million instructions.
    static func mayHead(_ text: String) -> Bool {
        !text.unicodeScalars.lazy.filter { $0.value >= 0x80 && $0 != "…" && $0 != "·" && !$0.properties.isWhitespace }
            .isLonger(than: 10)
    }

    /// Whether a line's ``key(_:)`` heads a 目录: 目录 itself, or a short name that ends in it
    /// (决算公开目录, 部门预算公开目录), with no digit or punctuation.
    static func isHeading(_ key: String) -> Bool {
        key == "目录" || key.hasSuffix("目录") && !key.unicodeScalars.isLonger(than: 10)
            && !key.unicodeScalars.contains { $0.isASCIIDigit || "。，,:：;；、()（）".unicodeScalars.contains($0) }
    }

    /// How many of `lines` (the non-blank lines from the 目录's first entry on) its entries
    /// take, where nothing repeats the first entry to show its end: up to its last entry,
    /// with short lines that run on to an entry between them (序号 报表名称, an entry
    /// wrapped). An entry a sentence follows is the body's first heading (一、主要职能 over
    /// its text), and so are short lines after the last entry (上海市…主要职能, centred).
    /// Nil for fewer than three entries, or for entries that list nothing: none with a leader
    /// or a page number, and no two of one kind of marker (第一部分 / 一、概况 / （一）职能
    /// are the body's first headings under a 目录 heading whose entries were lost).
    static func entryCount(_ lines: [Substring]) -> Int? {
        let lines = lines.map(withoutFieldCodes)
        var entries: [Substring] = []
        var end = 0
        for (k, text) in lines.enumerated() {
            let next = k + 1 < lines.count ? lines[k + 1] : nil
            if isEntry(text) {
                if let next, isSentence(next) { break }
                entries.append(text)
                end = k + 1
            } else if isSentence(text) || text.unicodeScalars.isLonger(than: 30) || !(next.map(isEntry) ?? false) {
                break
            }
        }
        guard entries.count >= 3 else { return nil }
        // The kind of each entry's marker; a number and a point is ListMarker's none.
        let kinds = entries.compactMap { isNumbered($0) ? -1 : isTableNumbered($0) ? -2 : ListMarker.scan(String($0))?.style.rawValue }
        return entries.contains(where: hasLeader) || Set(kinds).count < kinds.count ? end : nil
    }

    /// What Word's fields leave of a 目录 in a text export or a scraped page, its entries' links
    /// and page references (TOC \o "1-3" \h \z \u, HYPERLINK \l "_Toc508288855",
    /// PAGEREF _Toc25831 \h, their backslashes often lost), made a gap of two spaces before the
    /// page number, which stays.
    static func withoutFieldCodes(_ text: Substring) -> Substring {
        // The test first: the regex is built and run for the few lines that hold a field.
        guard text.contains(utf8: "_Toc") || text.contains(utf8: "TOC") else { return text }
        let fieldCode = /\s*(TOC(\s+\\?[a-z](\s+"[^"]*")?)+|HYPERLINK\s+\\?l\s+"_Toc\d+"|PAGEREF\s+_Toc\d+(\s+\\?h\b)?)\s*/
        return text.replacing(fieldCode, with: "  ").trimmingSpaces
    }

    /// Whether a line reads as a 目录 entry: a list marker, a number and a point, a leader of
    /// dots or a page number after spaces; never a sentence, nor a heading that ends as one
    /// (（一）基本情况。).
    static func isEntry(_ text: Substring) -> Bool {
        !isSentence(text) && !text.contains(utf8: "。")
            && (isNumbered(text) || ListMarker.scan(String(text)) != nil || hasLeader(text) || isTableNumbered(text))
    }

    /// 表一：收入支出决算总表, 表1 收入决算表, 附表3、支出决算表: a 目录's entry for a table
    /// by its number, which is no list marker.
    private static func isTableNumbered(_ text: Substring) -> Bool {
        var rest = text.unicodeScalars.drop { $0 == " " }
        if rest.first == "附" { rest = rest.dropFirst() }
        guard rest.first == "表" else { return false }
        rest = rest.dropFirst()
        let number = rest.prefix { $0.isASCIIDigit || ChineseNumeral.isNumeral($0) }
        guard !number.isEmpty, number.count <= 3, let after = rest.dropFirst(number.count).first else { return false }
        return ":、. ".unicodeScalars.contains(after) || after.isIdeograph
    }

    /// 4．2025年部门…表, which folds to 4.2025年… and ListMarker reads as a decimal.
    private static func isNumbered(_ text: Substring) -> Bool {
        let number = text.unicodeScalars.prefix { $0.isASCIIDigit }
        return (1...2).contains(number.count) && text.unicodeScalars.dropFirst(number.count).first == "."
    }

    /// A leader of dots, or a page number after spaces.
    private static func hasLeader(_ text: Substring) -> Bool {
        text.contains("…") || text.contains("···") || text.contains("...") || text.unicodeScalars.last?.isASCIIDigit == true && text.contains("  ")
    }

    private static func isSentence(_ text: Substring) -> Bool {
        guard text.unicodeScalars.isLonger(than: 15) else { return false }
        // 第一部分：部门概况 sets a part's name off with a colon, as no sentence's.
        if let part = ListMarker.scan(String(text)), part.style == .part {
            return PageText.isPunctuated(part.rest(of: String(text)).drop { $0 == ":" || $0 == " " }, enumerationComma: false)
        }
        return PageText.isPunctuated(text, enumerationComma: false)
    }

    /// The note that a report's table of contents was kept out of its outline.
    static func setAside(entries: Int, from first: Int, to last: Int) -> Diagnostic {
        Diagnostic(severity: .info, code: "table-of-contents",
                   message: "table of contents (\(entries) entries, lines \(first)–\(last)) kept out of the outline", line: first)
    }

    /// The 目录's entries that name a standard table, an entry wrapped onto the next line
    /// (十一、一般公共预算“三公”经费、会议费、培训费支 / 出预算表) read whole.
    static func listedTables(_ contents: some Collection<FoldedText>) -> [ListedTable] {
        let entries = contents.filter { !$0.isBlank }
        // 《收入决算表》, as some 目录s list the tables, names the table within.
        let keys = entries.map { String(key($0.text).unicodeScalars.filter { $0 != "《" && $0 != "》" }) }
        var listed: [ListedTable] = []
        var k = 0
        while k < entries.count {
            if let kind = SpacedTableReader.kind(of: keys[k]) {
                listed.append(ListedTable(kind: kind, entry: keys[k], line: entries[k].line))
            } else if k + 1 < entries.count, keys[k + 1].contains(utf8: "表"), ListMarker.scan(keys[k + 1]) == nil,
                      SpacedTableReader.kind(of: keys[k + 1]) == nil,
                      case let joined = keys[k] + keys[k + 1], let kind = SpacedTableReader.kind(of: joined) {
                listed.append(ListedTable(kind: kind, entry: joined, line: entries[k].line))
                k += 1
            }
            k += 1
        }
        return listed
    }

    /// A warning for each table the 目录 lists that the text does not hold as read, or one
    /// for all of them when it holds none (a report that publishes its tables as a file of
    /// their own): a table left out of the report, or one finparse could not read, never
    /// passes unnoticed. `titles` are the body's lines that title a standard table: one of a
    /// missing table's says the table is there and was not read.
    static func missingTables(_ listed: [ListedTable], kinds: [String], titles: [(kind: String, line: Int)]) -> [Diagnostic] {
        let missing = listed.filter { entry in !kinds.contains { SpacedTableReader.isSameTable($0, entry.kind) } }
        func title(of entry: ListedTable) -> Int? { titles.first { SpacedTableReader.isSameTable($0.kind, entry.kind) }?.line }
        guard let first = missing.first else { return [] }
        if kinds.isEmpty, missing.count > 1 {
            let titled = missing.compactMap(title(of:))
            let why = titled.first.map { "no table was read, though \(titled.count) of their titles stand in the text (the first at line \($0))" }
                ?? "the text holds none of them: published as a file of their own, or not readable as text"
            return [Diagnostic(severity: .warning, code: "listed-table-missing",
                               message: "the 目录 lists \(missing.count) tables (\(first.entry) … \(missing.last!.entry)), and \(why)",
                               line: first.line)]
        }
        return missing.map { entry in
            let why = title(of: entry).map { "its title stands at line \($0), but no table was read under it" }
                ?? "no \(entry.kind) was found in the text: the report leaves it out, or its table could not be read"
            return Diagnostic(severity: .warning, code: "listed-table-missing", message: "the 目录 lists \(entry.entry), and \(why)",
                              line: entry.line)
        }
    }
}
