/// Rebuilds the tables `pdftotext -layout` lays out with spaces: each line a row,
/// cells separated by two spaces or more, columns where the fullest rows agree.
///
/// Columns come from the rows with the most cells (header rows often span or
/// wrap): the k-th cells of those rows make the k-th column. A cell of any row then
/// takes the columns whose middles it covers, so a header over two columns gets a
/// column span of two.
enum SpacedTableReader {
    /// The tables of 部门决算/预算 reports, named as reports name them, longest name first so
    /// that 财政拨款收入支出决算总表 is not taken for 收入支出决算总表: the 九张表 of 决算;
    /// the 预算 tables of the current template (上海, 2023–2026: 财务收支预算总表 …); the
    /// twelve 公开表 of the 2017–2019 national template (江苏: 收支预算总表 …, some spelt
    /// two or three ways). Only whole names: 支出预算表 alone would name a dozen tables.
    static let kinds: [String] = [
        "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款收入支出决算表",
        "财务收支预算总表", "收入预算总表", "支出预算总表", "财政拨款收支预算总表", "一般公共预算支出功能分类预算表",
        "政府性基金预算支出功能分类预算表", "国有资本经营预算支出功能分类预算表",
        "一般公共预算基本支出部门预算经济分类预算表", "“三公”经费和机关运行经费预算表",
        "收支预算总表", "财政拨款支出预算表", "财政拨款基本支出预算表", "一般公共预算支出预算表", "一般公共预算基本支出预算表",
        "“三公”经费、会议费、培训费支出预算表", "政府性基金支出预算表", "财政拨款政府性基金支出预算表",
        "政府性基金预算财政拨款支出预算表", "政府性基金财政拨款支出预算表", "一般公共预算机关运行经费支出预算表",
        "政府采购支出预算表", "政府采购预算表",
    ].sorted { $0.count > $1.count }

    /// Whether two kinds are one table: the same name, or two of the spellings that years
    /// of one template, or a report's 目录 and its body, give it.
    static func isSameTable(_ a: String, _ b: String) -> Bool {
        a == b || spellings.contains { $0.contains(a) && $0.contains(b) }
    }

    private static let spellings: [Set<String>] = [
        ["政府性基金支出预算表", "财政拨款政府性基金支出预算表", "政府性基金预算财政拨款支出预算表", "政府性基金财政拨款支出预算表"],
        ["政府采购支出预算表", "政府采购预算表"],
    ]

    /// The kinds as titles are compared: without quotes, which scrapes spell three ways.
    private static let kindKeys: [(key: String, kind: String)] = kinds.map { (withoutQuotes($0), $0) }

    private static func withoutQuotes(_ text: some StringProtocol) -> String {
        withoutWhitespace(text) { $0 == "\"" || $0 == "\u{201C}" || $0 == "\u{201D}" }
    }

    /// The text without whitespace, nor the scalars `also` names. Filtered on scalars:
    /// Characters would add grapheme breaking to every line of the report, for nothing.
    private static func withoutWhitespace(_ text: some StringProtocol,
                                          also: (Unicode.Scalar) -> Bool = { _ in false }) -> String {
        // Every line with a 表 is asked, and most have nothing to filter: their bytes are
        // looked at first, as a scalar's properties cost tens of instructions each.
        guard text.utf8.withContiguousStorageIfAvailable(mayHoldWhitespace) ?? true else { return String(text) }
        var kept = ""
        kept.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace && !also(scalar) { kept.unicodeScalars.append(scalar) }
        return kept
    }

    /// Whether the UTF-8 `bytes` may hold whitespace or a quotation mark: one of the bytes
    /// that start them (ASCII's, U+0085 and U+00A0, U+1680, U+2000…U+205F with the quotes
    /// “ and ”), or U+3000.
    private static func mayHoldWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x09...0x0D, 0x20, 0x22, 0xC2, 0xE1, 0xE2: return true
            case 0xE3 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80: return true
            default: i += 1
            }
        }
        return false
    }

    /// How many lines a short fragment (a wrapped header cell such as 出) may stand
    /// from the table's next columnar line and still belong to the table.
    private static let fragmentReach = 3

    static func isColumnar(_ line: FoldedText) -> Bool { PageText.isColumnar(line.text) }

    /// The header of a numbered list (序号  单位名称  备注: the 部门决算单位构成 of 上海's
    /// reports). pdftotext sets its rows with one wide gap or none (1 上海市普陀区财政局（本级）),
    /// so they are not columnar: each is known by its number, the next in the list.
    private static func isListHeader(_ line: FoldedText) -> Bool { line.text.trimmingSpaces.hasPrefix("序号") }

    private static func startsListRow(_ line: FoldedText, number: Int) -> Bool {
        let body = line.text.trimmingSpaces
        let digits = String(number)
        guard body.hasPrefix(digits) else { return false }
        let rest = body.dropFirst(digits.count)
        return rest.isEmpty || rest.first == " "
    }

    /// A list row's number alone on its line: the row's name wraps around it, its first line
    /// above the number and its rest below (上海市普陀区规划和自然资源局执法大队 / 2 / （下属参公事业单位）).
    private static func isBareNumber(_ line: FoldedText) -> Bool {
        let body = line.text.trimmingSpaces
        return !body.isEmpty && body.unicodeScalars.allSatisfy(\.isASCIIDigit)
    }

    /// The rows of a list with the lines of each name wrapped around its bare number joined
    /// into the number's row, the name's lines one cell.
    private static func joiningWrappedListRows(_ rows: [Row]) -> [Row] {
        func isNumbered(_ row: Row) -> Bool { row.fields.first?.text.unicodeScalars.first?.isASCIIDigit == true }
        var joined: [Row] = []
        var index = 0
        while index < rows.count {
            var row = rows[index]
            index += 1
            // rows[0] is the header: no name starts there.
            guard !joined.isEmpty, isBareNumber(row.line) else {
                joined.append(row)
                continue
            }
            // Only the lines right above and below the number: a blank line parts two rows.
            var parts: [Row] = []
            if joined.count > 1, let above = joined.last, !isNumbered(above), above.line.line == row.line.line - 1 {
                parts.append(joined.removeLast())
            }
            if index < rows.count, !isNumbered(rows[index]), rows[index].line.line == row.line.line + 1 {
                parts.append(rows[index])
                index += 1
            }
            let names = parts.compactMap(\.fields.first)
            if !names.isEmpty {
                row.fields.append(Field(start: names.map(\.start).min()!, end: names.map(\.end).max()!,
                                        text: Substring(names.map { String($0.text) }.joined())))
            }
            row.fields += parts.flatMap { $0.fields.dropFirst() }
            joined.append(row)
        }
        return joined
    }

    /// A list row's number, a cell of its own where a single space sets it off.
    private static func splittingListNumber(_ fields: [Field]) -> [Field] {
        guard let first = fields.first else { return fields }
        let words = words(first)
        guard words.count > 1, words[0].text.unicodeScalars.allSatisfy(\.isASCIIDigit) else { return fields }
        let rest = Field(start: words[1].start, end: first.end, text: first.text[words[1].text.startIndex...])
        return [words[0], rest] + fields.dropFirst()
    }

    /// The 部门：…  单位：万元 line: about the table, not a row of it; its reader keeps it as a
    /// paragraph.
    static func isCaption(_ line: FoldedText) -> Bool { line.text.contains(utf8: "单位:") }

    /// Where a table that starts at the columnar line `start` ends.
    /// A table of 绩效指标 runs on from its header as ``SpacedIndicatorTable`` reads it.
    static func extent(at start: Int, in lines: [FoldedText]) -> Range<Int> {
        let numbered = isListHeader(lines[start])
        var listed = 0
        var wrapsBelow = false  // the line after a bare number holds the rest of its row's name
        func isNextListRow(_ line: FoldedText) -> Bool { numbered && startsListRow(line, number: listed + 1) }
        func takeListRow(_ line: FoldedText) {
            listed += 1
            wrapsBelow = isBareNumber(line)
        }
        let isRow = { (line: FoldedText) in
            if isNextListRow(line) {
                takeListRow(line)
                return true
            }
            defer { wrapsBelow = false }
            return (wrapsBelow && !line.isBlank) || isColumnar(line)
        }
        let extent = TextTableReader.extent(from: start, in: lines, isRow: isRow) { k in
            // A name's first line above its bare number, however long.
            if k + 1 < lines.count, isNextListRow(lines[k + 1]), isBareNumber(lines[k + 1]) {
                takeListRow(lines[k + 1])
                return k + 1
            }
            guard lines[k].text.trimmingSpaces.count <= 16, !TextTableReader.closesTable(lines[k]),
                  let next = (k + 1..<min(lines.count, k + 1 + fragmentReach)).first(where: { isColumnar(lines[$0]) || isNextListRow(lines[$0]) })
            else { return nil }
            if isNextListRow(lines[next]) { takeListRow(lines[next]) }
            return next
        }
        guard let header = extent.first(where: { SpacedIndicatorTable.isHeader(lines[$0]) }) else { return extent }
        // A form printed from Word is read to its 总分 when it can be (read once here to know, once
        // more for its grid: such forms are few).
        let form = TopAlignedIndicatorTable.extent(at: header, in: lines) ?? SpacedIndicatorTable.extent(at: header, in: lines)
        return start..<max(extent.upperBound, form.upperBound)
    }

    /// The kind of standard table whose title line `index` is (收入支出决算总表), if it is
    /// not a heading or a sentence that mentions one. A numbered title (一、收支预算总表, as
    /// the 2017 template numbers its tables) or a long one (一、2017 年度江苏省高级人民法院部门
    /// 收支预算总表) is one only with the table's 单位 line or its 部门 caption right below
    /// (plain pdftotext splits 部门：江苏省人民检察院 单位：万元 into lines, and can put the 单位
    /// among the header cells): else it is a heading of the 目录 or the 情况说明.
    static func standardTitle(at index: Int, in lines: [FoldedText]) -> String? {
        guard let kind = kind(of: lines[index].text) else { return nil }
        let text = withoutWhitespace(lines[index].text)  // the form feed before a page's first line too
        let extra = text.unicodeScalars.count - kind.unicodeScalars.count
        guard extra <= 32, !text.contains(utf8: "。"), !text.contains(utf8: ",") else { return nil }
        if extra > 16 || ListMarker.scan(text) != nil {
            let next = Array(lines[(index + 1)...].prefix(8).lazy.filter { !$0.isBlank }.prefix(3))
            guard next.contains(where: { $0.text.contains(utf8: "单位:") }) || next.first.map(isCaptionStart) == true
            else { return nil }
        }
        return kind
    }

    /// Whether `line` starts a table's caption (部门：…, 编制单位：…) with the department it names.
    private static func isCaptionStart(_ line: FoldedText) -> Bool {
        ["部门:", "编制部门:", "编制单位:"].contains { line.text.utf8.starts(with: $0.utf8) }
    }

    /// The rows of the standard table titled at `titleIndex`: every line up to its note
    /// (注：…), the next table's title, the next part of the report, or a sentence after its
    /// amounts. The last table of a 预算 report (the 三公 table of 上海's template) has no
    /// note: the report's 其他相关情况说明 follows, and its headings and sentences are no rows.
    /// When a numbered heading (一、…情况说明) stands between the table's last amount and that
    /// sentence, the table ends after its last amount: the lines from there are headings too.
    static func rowsUnderTitle(at titleIndex: Int, in lines: [FoldedText]) -> Range<Int> {
        var end = titleIndex + 1
        var lastAmount: Int?
        while end < lines.count {
            let line = lines[end]
            if !line.isBlank {
                if TextTableReader.closesTable(line) || standardTitle(at: end, in: lines) != nil { break }
                if let marker = ListMarker.scan(String(line.text.trimmingSpaces)), marker.style == .part { break }
                if let last = lastAmount, isSentence(line) {
                    let after = lines[(last + 1)..<end]
                    let headed = after.contains { !$0.isBlank && !isColumnar($0) && ListMarker.scan(String($0.text.trimmingSpaces)) != nil }
                    return (titleIndex + 1)..<(headed ? last + 1 : end)
                }
                if holdsAmount(line) { lastAmount = end }
            }
            end += 1
        }
        return (titleIndex + 1)..<end
    }

    /// A line of prose: long, with a sentence's punctuation, not set in columns. No row of a
    /// standard table reads so.
    private static func isSentence(_ line: FoldedText) -> Bool {
        let text = line.text.trimmingSpaces
        return text.unicodeScalars.isLonger(than: 19) && text.unicodeScalars.contains { "。，；".unicodeScalars.contains($0) }
            && !isColumnar(line)
    }

    /// Whether a word of the line, a space apart, is an amount (2,940.05).
    private static func holdsAmount(_ line: FoldedText) -> Bool {
        line.text.split(separator: " ").contains { TableFigures.amount($0) != nil }
    }

    /// The kind of table a title names, if it is one of the standard tables: the name,
    /// after anything (a year, the department, 公开05表:) and before nothing but its
    /// classification or a stamp ((功能科目), 单位:万元). Not 收支预算总表情况说明, the heading
    /// of the section that explains the table.
    /// Every line of a PDF report is asked: one without the last character of any kind
    /// (表) is passed over before its spaces and quotes are filtered out, and the keys are
    /// searched for byte by byte, String's own comparisons comparing Characters.
    static func kind(of title: String) -> String? {
        guard kindEnds.contains(where: { title.contains(utf8: $0) }) else { return nil }
        var key = withoutQuotes(title)
        return key.withUTF8 { key in
            kindKeyBytes.first { name in
                name.bytes.withUnsafeBufferPointer { bytes in
                    guard let found = key.firstOffset(of: bytes) else { return false }
                    let tail = key[(found + bytes.count)...]
                    return tail.isEmpty || kindTails.contains { tail.starts(with: $0.utf8) }
                }
            }?.kind
        }
    }

    private static let kindKeyBytes: [(bytes: [UInt8], kind: String)] = kindKeys.map { (Array($0.key.utf8), $0.kind) }

    /// What may follow a standard table's name on its title line.
    private static let kindTails = ["(", "公开", "单位", "部门", "编制"]

    private static let kindEnds = Array(Set(kindKeys.map { String($0.key.unicodeScalars.suffix(1)) }))

    /// The unit a table states around its first row (单位：万元), or further down, up to
    /// `end`, where a raw extraction puts it among the header cells.
    static func unit(before start: Int, through end: Int, in lines: [FoldedText]) -> Table.Unit? {
        let near = max(0, start - 4)..<min(lines.count, max(start + 4, end))
        return near.lazy.compactMap { i in
            statedUnit(in: lines[i].text) ?? (i + 1 < lines.count ? wrappedUnit(lines[i].text, lines[i + 1].text) : nil)
        }.first
    }

    /// 单位：万 at a line's end, its 元 alone at the end of the next line (单位：万 / 部门名称：
    /// 江苏省高级人民法院        元): pdftotext wrapped the unit at the page's edge.
    private static func wrappedUnit(_ line: String, _ next: String) -> Table.Unit? {
        guard line.contains(utf8: "单位") else { return nil }
        let text = line.filter { !$0.isWhitespace }
        guard text.hasSuffix("单位:万") || text.hasSuffix("单位:亿") else { return nil }
        let rest = next.trimmingSpaces
        guard rest.hasSuffix("元"), rest.dropLast().last.map({ $0 == " " || rest.count == 1 }) ?? true else { return nil }
        return text.hasSuffix("万") ? .tenThousandYuan : .hundredMillionYuan
    }

    /// The unit a folded text states: 单位：万元 (also 单位:元, 单位：亿元, 单位：千元, spaces
    /// anywhere), after any 编制单位：上海市普陀区司法局 before it on the line.
    static func statedUnit(in text: String) -> Table.Unit? {
        let text = text.filter { !$0.isWhitespace }
        // Folded: ： is :.
        return text.ranges(of: "单位:").lazy.compactMap { at in
            let rest = text[at.upperBound...]
            return unitsLongestFirst.first { rest.hasPrefix($0.rawValue) }
        }.first
    }

    /// 千万元 before 万元, and every unit before 元.
    private static let unitsLongestFirst = Table.Unit.allCases.sorted { $0.rawValue.count > $1.rawValue.count }

    private struct Field {
        var start: Int
        var end: Int
        var text: Substring
    }

    /// The runs of a line separated by two spaces or more, with their character positions.
    /// Counted in scalars, one a character in these tables' CJK and ASCII: Characters
    /// would add grapheme breaking to every row.
    private static func fields(_ text: String) -> [Field] {
        var fields: [Field] = []
        var position = 0
        var start: (position: Int, index: String.Index)?
        var spaces = 0
        var lastEnd = (position: 0, index: text.startIndex)
        let scalars = text.unicodeScalars
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\u{0C}" || scalar == "\t" {
                spaces += 1
                if spaces >= 2, let open = start {
                    fields.append(Field(start: open.position, end: lastEnd.position, text: text[open.index..<lastEnd.index]))
                    start = nil
                }
            } else {
                if start == nil { start = (position, index) }
                spaces = 0
                lastEnd = (position + 1, scalars.index(after: index))
            }
            position += 1
        }
        if let open = start { fields.append(Field(start: open.position, end: lastEnd.position, text: text[open.index..<lastEnd.index])) }
        return fields.flatMap(splitAfterAmount)
    }

    /// Where a row's values after its last word (its amounts, not the codes before its name)
    /// end, in ``fields(_:)``'s positions: the columns a `-layout` page sets them in. Nil for
    /// a line without a word, whose codes and amounts cannot be told apart.
    static func amountEnds(_ text: String) -> [Int]? {
        let fields = fields(text)
        return fields.lastIndex { !isValue($0) }.map { fields[($0 + 1)...].map(\.end) }
    }

    /// A row's label whose characters justification set wide apart (合   计  13,979.92) is one
    /// field, not a cell per character in the columns they reach (合 under 科目编码, 计 under
    /// 科目名称, and the amount labelled 计): single Chinese characters, two or three, right
    /// before the row's first amount. A header's 类  款  项 keeps its columns, before a 合计
    /// on its line too.
    private static func joiningLetterSpacedLabel(_ fields: [Field]) -> [Field] {
        func isLetter(_ field: Field) -> Bool {
            field.text.unicodeScalars.count == 1 && field.text.unicodeScalars.allSatisfy(\.isIdeograph)
        }
        guard let firstAmount = fields.firstIndex(where: isAmount) else { return fields }
        var start = firstAmount
        while start > 0, isLetter(fields[start - 1]) { start -= 1 }
        guard (2...3).contains(firstAmount - start) else { return fields }
        let run = fields[start..<firstAmount]
        let joined = Field(start: run.first!.start, end: run.last!.end, text: Substring(run.map(\.text).joined()))
        return Array(fields[..<start]) + [joined] + fields[firstAmount...]
    }

    /// The words of a field, a space apart, each with its character positions.
    private static func words(_ field: Field) -> [Field] {
        var words: [Field] = []
        var position = field.start
        var index = field.text.startIndex  // where the last word ended
        for word in field.text.split(separator: " ") {
            position += field.text.unicodeScalars[index..<word.startIndex].count
            let width = word.unicodeScalars.count
            words.append(Field(start: position, end: position + width, text: word))
            position += width
            index = word.endIndex
        }
        return words
    }

    /// Values run together (0 0 9.38 2.64: page text's one space, or pdftotext's spacing
    /// drifting) are a cell each.
    private static func splitRunOfValues(_ field: Field) -> [Field] {
        TableFigures.isRunOfValues(field.text) ? words(field) : [field]
    }

    /// Page text without the layout (GovBudgetChecker's page_texts) keeps one space
    /// between cells (201 一般公共服务支出 207.40 207.40; 本年收入合计 20,323.21 本年支出合计
    /// 20,323.21): in a table none of whose rows has a wider gap, each value set off by
    /// spaces is a cell, and the words between two values are one, or one for each item
    /// (三、…). A value is an amount, or a whole number among values (207 0 2.80 2.80 0: the
    /// zeros of empty columns); a row's first number is its code, the start of its label.
    private static func splitAtAmounts(_ field: Field) -> [Field] {
        let tokens = words(field)
        // Whether each token is a value, from the last: a whole number is one when what
        // follows it is, or nothing does.
        var isValue = [Bool](repeating: false, count: tokens.count)
        for k in tokens.indices.reversed() {
            isValue[k] = TableFigures.amount(tokens[k].text) != nil
                || (k > 0 && TableFigures.isWholeNumber(tokens[k].text) && (k == tokens.count - 1 || isValue[k + 1]))
        }
        var parts: [Field] = []
        var run: Field?  // the words since the last value
        for (k, piece) in tokens.enumerated() {
            if isValue[k] {
                if let open = run { parts.append(open) }
                run = nil
                parts.append(piece)
            } else if let open = run, startsItem(piece.text, next: k + 1 < tokens.count ? tokens[k + 1].text : nil) {
                // Two sides' items in one row: 三、国有资本经营预算财政拨款收入 三、国防支出,
                // 30111 公务员医疗补助缴费 30209 物业管理费.
                parts.append(open)
                run = piece
            } else if let open = run {
                run = Field(start: open.start, end: piece.end, text: field.text[open.text.startIndex..<piece.text.endIndex])
            } else {
                run = piece
            }
        }
        if let open = run { parts.append(open) }
        return parts
    }

    private static func isValue(_ field: Field) -> Bool { TableFigures.isValue(field.text) }

    private static func isAmount(_ field: Field) -> Bool { TableFigures.amount(field.text) != nil }

    /// Whether a word starts a row's next label: a numbered item (三、国防支出), or a 科目编码
    /// before words (30209 物业管理费), not before a unit (100 万元).
    private static func startsItem(_ token: Substring, next: Substring?) -> Bool {
        guard let first = token.unicodeScalars.first else { return false }
        if first.isASCIIDigit {
            return TableFigures.isSubjectCode(token)
                && next.map { word in
                    !TableFigures.isValue(word) && !(word.unicodeScalars.first.map(Figure.Unit.isStart) ?? true)
                } == true
        }
        return ChineseNumeral.isNumeral(first) && itemNumber(token) != nil
    }

    /// The number of a numbered item's label (八、其他收入 → 8).
    private static func itemNumber(_ label: Substring) -> Int? {
        ListMarker.scan(String(label)).flatMap { $0.style == .chineseNumber ? $0.number : nil }
    }

    /// pdftotext leaves a single space between a long right-aligned amount and the
    /// next column's label (371,514,655.00 一、一般公共服务支出; in a table in 元,
    /// 171,915,169 一、一般公共服务支出), or amount (2.85 0.39): separate cells, unless what
    /// follows is the amount's unit.
    private static func splitAfterAmount(_ field: Field) -> [Field] {
        var parts: [Field] = []
        var rest = field
        while let space = rest.text.unicodeScalars.firstIndex(of: " "),
              TableFigures.isMoney(rest.text[..<space]) {
            let after = rest.text[rest.text.unicodeScalars.index(after: space)...]
            guard let next = after.unicodeScalars.first, !Figure.Unit.isStart(next) else { break }
            let width = rest.text.unicodeScalars.distance(from: rest.text.startIndex, to: space)
            parts.append(Field(start: rest.start, end: rest.start + width, text: rest.text[..<space]))
            rest = Field(start: rest.start + width + 1, end: rest.end, text: after)
        }
        return parts + [rest]
    }

    /// The table of `lines`, with the title, kind and unit the lines before `start` give it.
    static func grid(of lines: ArraySlice<FoldedText>, before start: Int, in all: [FoldedText]) -> TableGrid {
        withKindAndUnit(grid(of: lines, title: title(before: start, in: all)), rows: lines, before: start, in: all)
    }

    /// `grid`, read from the lines `rows` of `all`, with the kind its title names and the
    /// unit the lines from just before `start` down to its first amount state (a raw
    /// extraction puts 单位：万元 anywhere among the header cells), or for a standard table,
    /// any of its lines (a raw extraction can put it after the first amount, too).
    static func withKindAndUnit(_ grid: TableGrid, rows lines: ArraySlice<FoldedText>, before start: Int,
                                in all: [FoldedText]) -> TableGrid {
        var grid = grid
        grid.kind = grid.title.flatMap(kind(of:))
        let firstAmount = grid.cells.first { TableFigures.amount($0.text) != nil }
            .flatMap { amount in lines.firstIndex { $0.line == amount.line } }
        grid.unit = unit(before: start, through: firstAmount ?? lines.endIndex, in: all)
        if grid.unit == nil, grid.kind != nil, let firstAmount {
            grid.unit = lines[firstAmount...].lazy.compactMap { statedUnit(in: $0.text) }.first
        }
        return grid
    }

    /// The title above a table: a standard table's name within the few lines above
    /// (部门 and 单位 lines come between), else a short line right above it, else a form's
    /// name over its year (财政项目支出绩效目标填报表 / （2023年度）).
    static func title(before start: Int, in lines: [FoldedText]) -> FoldedText? {
        let above = (max(0, start - 8)..<start).reversed().filter { !lines[$0].isBlank && !isColumnar(lines[$0]) }
        if let named = above.prefix(4).first(where: { kind(of: String(lines[$0].text)) != nil }) { return lines[named] }
        let near = TextTableReader.title(before: start, in: lines)
        if let near, !isBracketed(near.text.trimmingSpaces) { return near }
        return above.prefix(2).first { TextTableReader.closesTable(lines[$0]) && lines[$0].text.trimmingSpaces.hasSuffix("表") }
            .map { lines[$0] } ?? near
    }

    /// （2023年度）: a line wholly in brackets, a form's year under its name.
    private static func isBracketed(_ text: Substring) -> Bool { text.hasPrefix("(") && text.hasSuffix(")") }

    static func grid(of lines: ArraySlice<FoldedText>, title: FoldedText?) -> TableGrid {
        let name = title.map { String($0.text.trimmingSpaces.drop { $0 == "\u{0C}" }) }
        if let form = TopAlignedIndicatorTable.grid(of: lines, title: name) { return form }
        // A page's first line starts with a form feed; it may be a blank line.
        let pageStarts = lines.filter { $0.text.unicodeScalars.contains("\u{0C}") }.map(\.line)
        let lines = lines.filter { !$0.isBlank && !isCaption($0) }
            .map { (line: $0, fields: joiningLetterSpacedLabel(fields($0.text))) }
        if lines.allSatisfy({ $0.fields.count <= 1 }) {
            // A raw extraction, a cell a line but for a stray row or sentence, stays one column.
            let split = lines.map { ($0.line, $0.fields.flatMap(splitAtAmounts)) }
            if split.filter({ $0.1.count > 1 }).count * 4 >= split.count { return singleSpacedGrid(split, title: name) }
        }
        let numbered = lines.first.map { isListHeader($0.line) } ?? false
        let rows = (numbered ? joiningWrappedListRows(lines) : lines).enumerated().map { r, row in
            (line: row.line, fields: (numbered && r > 0 ? splittingListNumber(row.fields) : row.fields).flatMap(splitRunOfValues))
        }
        // The columns of the table's fullest rows (``Columns``) can fail two ways. pdftotext
        // lays out each page on its own, so the part of a table on the next page can stand a
        // few characters to the left or right; and rows as full as each other can fill
        // different columns (201 13 商贸事务 and three amounts; 201 13 01 行政运行 and two).
        // Either way two columns' cells run together. So each page takes, of the table's
        // columns, its own fullest rows', those of each shape of its fullest rows and those
        // all its rows of amounts give, the ones under which the fewest of its cells run
        // together: the table's, when no other does better. Not a 绩效指标 table's:
        // ``SpacedIndicatorTable`` joins its wrapped rows by the table's columns, and would
        // join its 总分 row to the last indicator's.
        var page = 0
        let pageOfRow = rows.map { row in
            while page < pageStarts.count, pageStarts[page] <= row.line.line { page += 1 }
            return page
        }
        let columns = Columns(fullestOf: rows[...])
        let ofIndicators = rows.contains { SpacedIndicatorTable.isHeader($0.line) }
        let pages = ofIndicators ? [:] : Dictionary(grouping: rows.indices, by: { pageOfRow[$0] }).mapValues { indices in
            columns.orFewerRunTogether(in: rows[indices.first!...indices.last!], mayBeAside: pageOfRow[indices.first!] > pageOfRow[0])
        }

        var placed = rows.indices.map { r in
            let columns = pages[pageOfRow[r]] ?? columns
            let fields = numbered && r > 0 ? rows[r].fields.flatMap(columns.perColumn) : rows[r].fields
            return PlacedRow(fields: fields, places: columns.place(fields))
        }
        aligningPages(&placed, pageOfRow: pageOfRow)
        if !numbered && !ofIndicators { placingShortTotalRows(&placed, pageOfRow: pageOfRow) }
        var labels: [TableGrid.Place: String] = [:]
        if let template = SpacedHeaderLabels.Template.of(title: name, kind: name.flatMap(kind(of:))) {
            labels = headerLabels(&placed, rows: rows, columnsOf: { pages[pageOfRow[$0]] ?? columns }, template: template)
        }
        let gridRow = numbered || ofIndicators ? Array(rows.indices) : rowsJoiningWrappedCells(placed, rows: rows, pageOfRow: pageOfRow)
        var cells: [TableGrid.Cell] = []
        var started: [Int: Int] = [:]  // the cells of the grid row being filled, by their first column
        var taken = Set<Int>()
        for (r, row) in placed.enumerated() {
            if r == 0 || gridRow[r] != gridRow[r - 1] {
                started = [:]
                taken = []
            }
            let ofLinesAbove = Set(started.values)
            for (field, (first, span)) in zip(row.fields, row.places) {
                if taken.contains(first), let same = started[first] {
                    // A cell wrapped onto a line of its own: its CJK lines join as written.
                    let joiner = ofLinesAbove.contains(same) && Self.wrapsWithoutSpace(cells[same].text, field.text) ? "" : " "
                    cells[same].text += joiner + field.text
                    cells[same].original += joiner + field.text
                    continue
                }
                taken.formUnion(first..<(first + span))
                started[first] = cells.count
                cells.append(TableGrid.Cell(row: gridRow[r], column: first, columnSpan: span, text: String(field.text),
                                            original: String(field.text), line: rows[r].line.line))
            }
        }
        // A row joined from lines holds its cells in the lines' order: in the grid, left to right.
        cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        let (merged, rowCount) = mergingHeader(cells, rows: (gridRow.last ?? -1) + 1)
        // A page's columns can be more than the table's fullest rows give.
        let width = max(columns.count, cells.map { $0.column + $0.columnSpan }.max() ?? 0, 1)
        var grid = SpacedIndicatorTable.mergingLevels(TableGrid(title: name, line: rows.first?.line.line ?? 0, rows: rowCount,
                                                                columns: width, cells: merged))
        grid.headerLabels = labels
        return grid
    }

    /// pdftotext lays out each page on its own, and a page can split a column the others keep
    /// whole: 科目编码 and 科目名称 (`212 | 城乡社区支出` where the page before has
    /// `208 社会保障和就业支出` in one cell), which moves its amounts a column right of the
    /// other pages'. Such a page's places move back onto the others'. The page whose amounts
    /// start furthest left, in two columns or more, is the measure; a page whose amount
    /// columns are some of the measure's moved `d` right, with `d` more columns of labels
    /// before them, moves every place from column `d` on `d` left, and the cells that come to
    /// share a column join as a cell's wrapped lines do.
    private static func aligningPages(_ placed: inout [PlacedRow], pageOfRow: [Int]) {
        guard pageOfRow.first != pageOfRow.last else { return }
        var amountColumns: [Int: Set<Int>] = [:]
        var labelColumns: [Int: Set<Int>] = [:]  // of the fields before a row's first amount
        // Tables in 元 print whole amounts (1,441,005): their thousands commas tell them from codes.
        func isAmountOrWhole(_ field: Field) -> Bool { isAmount(field) || TableFigures.isWholeNumber(field.text) && field.text.contains(",") }
        for (r, row) in placed.enumerated() {
            let amounts = row.fields.map(isAmountOrWhole)
            guard let first = amounts.firstIndex(of: true) else { continue }
            for (isAmount, place) in zip(amounts, row.places) where isAmount && place.span == 1 {
                amountColumns[pageOfRow[r], default: []].insert(place.column)
            }
            labelColumns[pageOfRow[r], default: []].formUnion(row.places[..<first].map(\.column))
        }
        guard amountColumns.count > 1 else { return }
        let pages = amountColumns.map { (page: $0.key, columns: $0.value.sorted()) }.sorted { ($0.columns[0], $0.page) < ($1.columns[0], $1.page) }
        guard let measure = pages.first, measure.columns.count > 1 else { return }
        let measureLabels = labelColumns[measure.page]?.count ?? 0
        // By page: from which column on its places move, and by how much.
        var shifts: [Int: (from: Int, by: Int)] = [:]
        for page in pages.dropFirst() {
            let d = page.columns[0] - measure.columns[0]
            guard d > 0, page.columns.count > 1, Set(page.columns.map { $0 - d }).isSubset(of: measure.columns),
                  let labels = labelColumns[page.page], labels.count == measureLabels + d else { continue }
            // The split column is the first of the page's labels that the measure has not: the
            // 科目名称 after a split 科目编码, or the amounts' own after the labels (a 元 table whose
            // next page prints 合计 a column right of its names).
            let from = labels.subtracting(labelColumns[measure.page] ?? []).min() ?? d
            guard from >= d else { continue }  // its labels would run onto each other, or off the table
            shifts[page.page] = (from, d)
        }
        guard !shifts.isEmpty else { return }
        for r in placed.indices {
            guard let (from, d) = shifts[pageOfRow[r]] else { continue }
            placed[r].places = placed[r].places.map { ($0.column >= from ? $0.column - d : $0.column, $0.span) }
        }
    }

    /// A row of a label and its values alone that pdftotext printed short, its values right
    /// after the label (`合计   156,211,123   156,211,123   0   0   0` under five amount columns
    /// that start far to the right): when it has as many values as its page's commonest row of
    /// amounts has columns, and its first value stands left of them, its values take them.
    private static func placingShortTotalRows(_ placed: inout [PlacedRow], pageOfRow: [Int]) {
        // Where each row's values after its last label start, when it has two or more.
        let valueStarts = placed.map { row -> Int? in
            guard let label = row.fields.lastIndex(where: { !TableFigures.hasValueShape($0.text) }),
                  row.fields.count - label > 2 else { return nil }
            return label + 1
        }
        var shapes: [Int: [[Int]: Int]] = [:]  // by page, how many rows have their values in each set of columns
        var tableShapes: [[Int]: Int] = [:]
        for (r, row) in placed.enumerated() {
            // Of values a column each: a short row's first value can cover two.
            guard let start = valueStarts[r], row.places[start...].allSatisfy({ $0.span == 1 }) else { continue }
            let columns = row.places[start...].map(\.column)
            shapes[pageOfRow[r], default: [:]][columns, default: 0] += 1
            tableShapes[columns, default: 0] += 1
        }
        // The commonest, of three rows or more; of as common ones, the furthest left.
        func commonest(_ counts: [[Int]: Int]) -> [Int]? {
            counts.keys.sorted { $0.lexicographicallyPrecedes($1) }.max { counts[$0]! < counts[$1]! }.flatMap { counts[$0]! >= 3 ? $0 : nil }
        }
        let ofTable = commonest(tableShapes)
        let ofPage = shapes.mapValues(commonest)
        // A row of one label, then its values.
        for r in placed.indices where valueStarts[r] == 1 {
            // A page of a row or two (a 合计 alone after a page break) is the table's.
            guard let commonest = ofPage[pageOfRow[r]].flatMap({ $0 }) ?? ofTable,
                  commonest.count == placed[r].places.count - 1, placed[r].places[1].column < commonest[0] else { continue }
            placed[r].places = [placed[r].places[0]] + commonest.map { ($0, 1) }
        }
    }

    /// The labels the header lines above a table's one row of amounts give its values, when
    /// that row is values alone (``SpacedHeaderLabels``), by the line and column of each cell.
    /// Where two of the values fell in one column of their row's (`columnsOf`: pdftotext sets a
    /// value right of its centred name, nearer the next name than its own: 20,849.45 between 合计
    /// and 基本支出, 9,964.07 under 基本支出), each moves to the column of the name that labels it.
    private static func headerLabels(_ placed: inout [PlacedRow], rows: [Row], columnsOf: (Int) -> Columns,
                                     template: SpacedHeaderLabels.Template) -> [TableGrid.Place: String] {
        let amountRows = placed.indices.filter { placed[$0].hasAmount }
        guard amountRows.count == 1, let r = amountRows.first, r > 0,
              placed[r].fields.count > 1, placed[r].fields.allSatisfy(isValue) else { return [:] }
        // A header's words a space apart are headers of columns side by side (公务接待 会议费), each
        // as wide as its characters, but not into the next.
        let header = rows[..<r].map { row in
            let words = row.fields.flatMap(words)
            return words.indices.map { k in
                let width = words[k].text.unicodeScalars.reduce(0) { $0 + ($1.isWide ? 2 : 1) }
                let end = min(words[k].start + width, k + 1 < words.count ? words[k + 1].start - 1 : .max)
                return SpacedHeaderLabels.Piece(line: row.line.line, start: words[k].start, end: end, text: words[k].text)
            }
        }
        var labels: [TableGrid.Place: String] = [:]
        let line = rows[r].line.line
        let values = placed[r].fields.map { SpacedHeaderLabels.Piece(line: line, start: $0.start, end: $0.end, text: $0.text) }
        let found = SpacedHeaderLabels.labels(header: header, values: values, template: template)
        if placed[r].runsTogether {
            // Labels go by cell: none where two values still share one.
            let names = found.compactMap { $0?.under }.map { Field(start: $0.start, end: $0.end, text: $0.text) }
            guard names.count == found.count else { return [:] }
            let moved = PlacedRow(fields: placed[r].fields, places: columnsOf(r).place(names).map { ($0.column, 1) })
            guard !moved.runsTogether else { return [:] }
            placed[r] = moved
        }
        for (label, place) in zip(found, placed[r].places) {
            if let label { labels[TableGrid.Place(line: line, column: place.column)] = label.text }
        }
        return labels
    }

    private typealias Row = (line: FoldedText, fields: [Field])

    /// A row's fields and where ``Columns/place(_:)`` puts them.
    private struct PlacedRow {
        var fields: [Field]
        var places: [(column: Int, span: Int)]
        let hasAmount: Bool

        init(fields: [Field], places: [(column: Int, span: Int)]) {
            self.fields = fields
            self.places = places
            hasAmount = fields.contains(where: isAmount)
        }

        var columns: Set<Int> { places.reduce(into: []) { $0.formUnion($1.column..<($1.column + $1.span)) } }

        /// Whether two of the fields fall in one column: the columns do not fit this line.
        var runsTogether: Bool { Set(places.map(\.column)).count < places.count }
    }

    /// The grid row of each line. pdftotext sets a row whose cells wrap over a few lines with
    /// its amounts on one line and the rest of the row on the lines around it, the row set off
    /// by blank lines (`208 05 05  160.75  160.75` over `机关事业单位基本养老保险` over `缴费支出`;
    /// `262.33  21.21` over `301 01  302` over `基本工资 01 办公费`): such lines are one row,
    /// whose amounts alone would have no name. A run of lines between blank lines (and within a
    /// page) is one row when one of them holds amounts and the others no amount, nor anything
    /// in a column where that line has a cell (七、… over 八、…  754.75 are two rows, the first
    /// without amounts), nor two cells in one column (the columns do not fit it, and its
    /// parts would join those of another cell); lines above the table's first amounts stay
    /// the header's, unless they open a numbered item (一、财政). Lines between two lines
    /// with amounts are left alone: tried, they joined the wrong one as often as the right.
    private static func rowsJoiningWrappedCells(_ placed: [PlacedRow], rows: [Row], pageOfRow: [Int]) -> [Int] {
        let firstAmounts = placed.firstIndex(where: \.hasAmount) ?? placed.count
        var target = Array(placed.indices)
        let runs = runsWithoutBlank(rows, pageOfRow: pageOfRow)
        for run in runs {
            let withAmounts = run.filter { placed[$0].hasAmount }
            if withAmounts.count == 1, let holder = withAmounts.first {
                let opensItem = rows[run.lowerBound].fields.first.map { ListMarker.scan(String($0.text)) != nil } ?? false
                let band = (holder == firstAmounts && !opensItem ? holder : run.lowerBound)..<run.upperBound
                let holderColumns = placed[holder].columns
                let joins = band.allSatisfy { r in
                    r == holder || (placed[r].columns.isDisjoint(with: holderColumns) && !placed[r].runsTogether)
                }
                if band.count > 1, joins {
                    for r in band { target[r] = holder }
                }
            }
        }
        for run in runs { joiningNamesWrappedAround(&target, in: run, placed, rows: rows) }
        // A row's amounts printed a line above the rest of it (1,503.52  603.14 / 201 一般公共服务支出
        // 2,106.66): a line of amounts alone joins the row of codes and amounts right below it,
        // when their columns are apart, as its amounts' labels are read. Not a row of codes
        // alone: its name and amounts can be on other lines (1,238.58 / 7.61 / 301 02  302 /
        // 津贴补贴 02 印刷费).
        for r in placed.indices.dropLast() where target[r] == r && target[r + 1] == r + 1 {
            let below = r + 1
            guard rows[below].line.line == rows[r].line.line + 1, pageOfRow[below] == pageOfRow[r],
                  rows[r].fields.allSatisfy(isAmount), rows[below].fields.first.map({ isCode($0.text) }) == true, placed[below].hasAmount,
                  placed[r].columns.isDisjoint(with: placed[below].columns), !placed[r].runsTogether, !placed[below].runsTogether
            else { continue }
            target[r] = below
        }
        // The lines of a row are next to each other: a row's number goes up where its holder changes.
        var number = -1
        return target.indices.map { r in
            if r == 0 || target[r] != target[r - 1] { number += 1 }
            return number
        }
    }

    /// The runs of lines with no blank line between them, each on one page.
    private static func runsWithoutBlank(_ rows: [Row], pageOfRow: [Int]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        while start < rows.count {
            var end = start + 1
            while end < rows.count, rows[end].line.line == rows[end - 1].line.line + 1, pageOfRow[end] == pageOfRow[start] {
                end += 1
            }
            runs.append(start..<end)
            start = end
        }
        return runs
    }

    /// A name wrapped over more lines than its row's amounts take. pdftotext sets the row's
    /// line in the middle of its name, so the name's lines stand around it, as many above as
    /// below (其他社会工作 / 2013999  202.24 / 事务支出; 机关事业单位 / 2080505 基本养老保险 6.18 /
    /// 缴费支出); or on the name's first line, the rest below (2080505 机关事业单位基本养老保险缴
    /// 446.11 / 费支出; 208 05 06  80.38 / 机关事业单位职业年金缴费 / 支出). In `band`, a run of
    /// lines with no blank line between (on one page) that holds two rows of amounts or more,
    /// whose other lines are each one piece of words in one column that is each row's name
    /// column or empty on it, the pieces are shared out both ways: each row taking as many right above it as
    /// right below, or all right below it; every piece taken. A way is kept when every name
    /// it makes of several lines fills its column on all lines but its last, as wrapped text
    /// does; when both ways or neither are, the run stays as it is: which row a piece names
    /// is then a guess.
    private static func joiningNamesWrappedAround(_ target: inout [Int], in band: Range<Int>, _ placed: [PlacedRow], rows: [Row]) {
        func isNumberPart(_ field: Field) -> Bool { isAmount(field) || field.text.unicodeScalars.allSatisfy(\.isASCIIDigit) }
        guard band.count >= 3 else { return }
        let holders = band.filter { placed[$0].hasAmount }
        let pieces = band.filter { !placed[$0].hasAmount }
        guard holders.count >= 2, !pieces.isEmpty, band.allSatisfy({ target[$0] == $0 }),
              pieces.allSatisfy({ rows[$0].fields.count == 1 && !isNumberPart(rows[$0].fields[0]) }),
              let column = pieces.first.map({ placed[$0].places[0].column }),
              pieces.allSatisfy({ placed[$0].places[0] == (column, 1) })
        else { return }
        // Each row's field in the pieces' column, if any, is its name: words, in that column
        // alone, after its code if any. A row without one there starts with its code.
        var names: [Field?] = []
        for h in holders {
            let places = placed[h].places
            let there = places.indices.filter { places[$0].column <= column && column < places[$0].column + places[$0].span }
            let before = places.indices.filter { places[$0].column + places[$0].span <= column }
            guard there.count <= 1, there.allSatisfy({ places[$0] == (column, 1) && !isNumberPart(rows[h].fields[$0]) }),
                  before.allSatisfy({ isNumberPart(rows[h].fields[$0]) && !isAmount(rows[h].fields[$0]) }),
                  !there.isEmpty || !before.isEmpty
            else { break }
            names.append(there.first.map { rows[h].fields[$0] })
        }
        guard names.count == holders.count else { return }
        // The pieces before the first row, between each two, and after the last.
        var between = Array(repeating: 0, count: holders.count + 1)
        for piece in pieces { between[holders.count { $0 < piece }] += 1 }
        let full = (pieces.map { rows[$0].fields[0] } + names.compactMap { $0 }).map { $0.end - $0.start }.max() ?? 0
        func fills(_ k: Int, above: Int, below: Int) -> Bool {
            let lines = ((holders[k] - above)..<holders[k]).map { rows[$0].fields[0] } + [names[k]].compactMap { $0 }
                + (holders[k] + 1..<(holders[k] + 1 + below)).map { rows[$0].fields[0] }
            return lines.dropLast().allSatisfy { $0.end - $0.start >= full - 1 }
        }
        // Centred: as many lines above as below, or, around a row with no name on its
        // line, one more above (a name of one line printed a line above its amounts:
        // 行政运行 / 2120101  1092.80). For each row and number of pieces above it, the
        // ways (none, one, or two: more) to share out the rest, counted from the last row
        // up: one pass, where trying each way in turn could take exponential time.
        func belows(_ k: Int, above: Int) -> [Int] {
            (names[k] == nil && above > 0 ? [above, above - 1] : [above]).filter {
                $0 <= between[k + 1] && fills(k, above: above, below: $0)
            }
        }
        var count = holders.indices.map { Array(repeating: 0, count: between[$0] + 1) }
        func waysOn(after k: Int, below: Int) -> Int {
            k == holders.count - 1 ? (below == between[k + 1] ? 1 : 0) : count[k + 1][between[k + 1] - below]
        }
        for k in holders.indices.reversed() {
            for above in 0...between[k] {
                count[k][above] = min(2, belows(k, above: above).reduce(0) { $0 + waysOn(after: k, below: $1) })
            }
        }
        var ways: [(above: [Int], below: [Int])] = []
        if count[0][between[0]] > 1 { return }
        if count[0][between[0]] == 1 {
            var way: (above: [Int], below: [Int]) = ([], [])
            for k in holders.indices {
                let above = k == 0 ? between[0] : between[k] - way.below[k - 1]
                way.above.append(above)
                way.below.append(belows(k, above: above).first { waysOn(after: k, below: $0) > 0 }!)
            }
            ways.append(way)
        }
        let top = (above: holders.map { _ in 0 }, below: Array(between.dropFirst()))
        if between[0] == 0, holders.indices.allSatisfy({ fills($0, above: 0, below: top.below[$0]) }),
           !ways.contains(where: { $0.above == top.above && $0.below == top.below }) {
            ways.append(top)
        }
        guard ways.count == 1, let way = ways.first else { return }
        for (k, holder) in holders.enumerated() {
            for r in (holder - way.above[k])...(holder + way.below[k]) { target[r] = holder }
        }
    }

    /// Whether a cell's text and the next line's part of it join without a space: CJK
    /// on both sides (机关事业单位基本养老保险 / 缴费支出).
    static func wrapsWithoutSpace(_ text: String, _ next: Substring) -> Bool {
        guard let last = text.unicodeScalars.last, let first = next.unicodeScalars.first else { return false }
        return !last.isASCII && !first.isASCII
    }

    /// A table's columns, from its fullest rows: their k-th cells line up, give or take the
    /// character or two pdftotext's spacing drifts by. Their bounds, and so their middles,
    /// rise from left to right (each row's k-th field ends before its k+1-th starts): a
    /// field's columns are found by bisection, as a line can hold thousands of fields.
    private struct Columns: Equatable {
        private var ranges: [Range<Int>] = []
        private var middles: [Int]

        init(fullestOf rows: ArraySlice<Row>) {
            let fullest = rows.map(\.fields.count).max() ?? 0
            for row in rows where row.fields.count == fullest {
                for (k, field) in row.fields.enumerated() {
                    if k < ranges.count {
                        ranges[k] = min(ranges[k].lowerBound, field.start)..<max(ranges[k].upperBound, field.end)
                    } else {
                        ranges.append(field.start..<field.end)
                    }
                }
            }
            middles = ranges.map { ($0.lowerBound + $0.upperBound) / 2 }
        }

        /// The columns of every cell of `rows`' rows of amounts: their extents, those that
        /// overlap joined. Rows of different shapes then give the table every column between
        /// them, when no cell of one reaches into another's column (201 06 财政事务 and three
        /// amounts, 201 06 01 行政运行 and two: 类 | 款 | 项 | 名称 | 合计 | 基本支出 | 项目支出).
        init(joiningCellsOf rows: ArraySlice<Row>) {
            let ofAmounts = rows.filter { $0.fields.contains { TableFigures.isMoney($0.text) } }
            ranges = Self.joiningOverlaps(ofAmounts.flatMap { $0.fields.map { $0.start..<$0.end } })
            middles = ranges.map { ($0.lowerBound + $0.upperBound) / 2 }
        }

        var count: Int { ranges.count }

        /// These columns, or those under which fewer of the cells of `rows` run together: of
        /// `rows`' fullest rows, all of them or those of one shape (where their amounts are),
        /// the few commonest shapes only, so that the choice stays linear in the rows.
        func orFewerRunTogether(in rows: ArraySlice<Row>, mayBeAside: Bool) -> Columns {
            let own = runTogether(in: rows)
            guard own > 0 else { return self }
            // A later page that pdftotext set as a whole a few characters aside keeps the
            // table's columns, moved: most of its cells start or end where a column does, moved
            // so, and none runs together.
            if mayBeAside {
                let reach = 4
                let fields = rows.reduce(0) { $0 + $1.fields.count }
                let aligned = aligned(in: rows, within: reach)
                let best = aligned.indices.filter { $0 != reach }.max { aligned[$0] < aligned[$1] }!
                if aligned[best] * 2 > fields, aligned[best] > 2 * aligned[reach],
                   case let moved = shifted(by: best - reach), moved.runTogether(in: rows) == 0 {
                    return moved
                }
            }
            let fullest = rows.map(\.fields.count).max() ?? 0
            let shapes = Dictionary(grouping: rows.filter { $0.fields.count == fullest }) { $0.fields.map(isAmount) }
            let commonest = shapes.values.sorted { ($1.count, $0[0].line.line) < ($0.count, $1[0].line.line) }.prefix(4)
            let fullestColumns = Columns(fullestOf: rows)
            let candidates = [fullestColumns] + commonest.map { Columns(fullestOf: $0[...]) }
                + [Columns(joiningCellsOf: rows), fullestColumns.withAmounts(of: rows)]
            var best = (columns: self, runTogether: own)
            for candidate in candidates where best.runTogether > 0 && candidate != self {
                let runTogether = candidate.runTogether(in: rows)
                if runTogether < best.runTogether { best = (candidate, runTogether) }
            }
            return best.runTogether < own ? best.columns.withHeadings(of: rows) : self
        }

        /// For each offset from `-reach` to `reach` (at index offset + reach), how many fields of
        /// `rows` start where a column starts, or end where one ends (a right-aligned amount),
        /// the columns moved that many characters to the right.
        private func aligned(in rows: ArraySlice<Row>, within reach: Int) -> [Int] {
            var counts = Array(repeating: 0, count: 2 * reach + 1)
            for row in rows {
                for field in row.fields {
                    var matched: UInt64 = 0  // a bit an offset
                    for range in ranges {
                        let before = field.start - range.lowerBound, after = field.end - range.upperBound
                        if abs(before) <= reach { matched |= 1 << (before + reach) }
                        if abs(after) <= reach { matched |= 1 << (after + reach) }
                    }
                    for k in counts.indices where matched & (1 << k) != 0 { counts[k] += 1 }
                }
            }
            return counts
        }

        /// These columns `offset` characters to the right.
        private func shifted(by offset: Int) -> Columns {
            var columns = self
            columns.ranges = ranges.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
            columns.middles = middles.map { $0 + offset }
            return columns
        }

        /// These columns and the columns of amounts (five or more, one under another) that
        /// overlap none of them: a two-sided table whose fullest row holds codes and names but no
        /// amount (303 04 抚恤金  302 24 被装购置费 over 基本支出's amounts), which would put each
        /// side's amounts under the next code.
        private func withAmounts(of rows: ArraySlice<Row>) -> Columns {
            let amounts = rows.flatMap { $0.fields.filter(isAmount).map { $0.start..<$0.end } }
                .filter { amount in !ranges.contains { $0.overlaps(amount) } }
            return adding(Self.joiningOverlaps(amounts).filter { column in amounts.count { column.overlaps($0) } >= 5 })
        }

        /// These columns and `more`, in order.
        private func adding(_ more: [Range<Int>]) -> Columns {
            var columns = self
            columns.ranges = (ranges + more).sorted { $0.lowerBound < $1.lowerBound }
            columns.middles = columns.ranges.map { ($0.lowerBound + $0.upperBound) / 2 }
            return columns
        }

        /// These columns and those of the headings over none of them (上级补助收入 over a column
        /// these rows leave empty): the cells of rows without an amount that come no nearer a
        /// column than pdftotext's drift of a character or two.
        private func withHeadings(of rows: ArraySlice<Row>) -> Columns {
            let headings = rows.filter { !$0.fields.contains(where: isAmount) }
                .flatMap { $0.fields.map { $0.start..<$0.end } }
                .filter { heading in !ranges.contains { ($0.lowerBound - 2..<$0.upperBound + 2).overlaps(heading) } }
            return adding(Self.joiningOverlaps(headings))
        }

        /// The ranges, those that overlap joined into one, in order.
        private static func joiningOverlaps(_ ranges: [Range<Int>]) -> [Range<Int>] {
            var joined: [Range<Int>] = []
            for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                if let last = joined.last, range.lowerBound < last.upperBound {
                    joined[joined.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
                } else {
                    joined.append(range)
                }
            }
            return joined
        }

        /// How many cells of `rows` fall in a column an earlier cell of their row took.
        private func runTogether(in rows: ArraySlice<Row>) -> Int {
            rows.reduce(0) { total, row in
                var taken = Set<Int>()
                let placed = row.fields.map(place)
                return total + placed.indices.count { !taken.insert(column(of: $0, placed, row.fields)).inserted }
            }
        }

        /// Where a row's fields go: each its first column and span (``place(_:)-(Field)``).
        func place(_ fields: [Field]) -> [(column: Int, span: Int)] {
            let placed = fields.map(place)
            return placed.indices.map { (column(of: $0, placed, fields), placed[$0].span) }
        }

        /// The first column of a row's `k`-th field, `placed` as ``place(_:)-(Field)`` puts
        /// each alone. A label between two columns, nearer the next, whose amount follows it
        /// there (2080505 机关事业单位基本养老保  446.11 under a header of 功能分类 and
        /// 本年支出合计, whose amounts stand right-aligned under it) keeps to the left, out of
        /// the amount's cell.
        private func column(of k: Int, _ placed: [(column: Int, near: Bool, span: Int)], _ fields: [Field]) -> Int {
            let (column, near, _) = placed[k]
            let keepsLeft = near && column > 0 && k + 1 < fields.count && placed[k + 1].column == column
                && !isValue(fields[k]) && isAmount(fields[k + 1])
            return keepsLeft ? column - 1 : column
        }

        private func firstColumn(where isPast: (Int) -> Bool) -> Int {
            var low = 0, high = ranges.count
            while low < high {
                let mid = (low + high) / 2
                if isPast(mid) { high = mid } else { low = mid + 1 }
            }
            return low
        }

        /// Where a field goes: the columns whose middles it covers (a header over several
        /// columns), else the one it overlaps most, else the nearest (`near`).
        private func place(_ field: Field) -> (column: Int, near: Bool, span: Int) {
            let covered = firstColumn { middles[$0] >= field.start }..<firstColumn { middles[$0] >= field.end }
            guard covered.isEmpty else { return (covered.lowerBound, false, covered.count) }
            let span = field.start..<field.end
            // Only the columns from the first that ends after the field starts to the last
            // that starts before it ends can overlap it; the nearest is next to them.
            let from = firstColumn { ranges[$0].upperBound > span.lowerBound }
            let to = firstColumn { ranges[$0].lowerBound >= span.upperBound }
            let overlaps = (from..<max(from, to)).map { k in
                (k, max(0, min(ranges[k].upperBound, span.upperBound) - max(ranges[k].lowerBound, span.lowerBound)))
            }
            if let best = overlaps.max(by: { $0.1 < $1.1 }), best.1 > 0 { return (best.0, false, 1) }
            let near = (max(0, from - 1)..<min(ranges.count, max(from, to) + 1)).map { k in
                (k, min(abs(ranges[k].lowerBound - span.upperBound), abs(span.lowerBound - ranges[k].upperBound)))
            }
            return (near.min { $0.1 < $1.1 }?.0 ?? 0, true, 1)
        }

        /// A list row's words that pdftotext ran together across columns (上海市普陀区财政局财政所
        /// 预算不单列，并入本级 under 单位名称 and 备注): a cell each, where each word covers the
        /// middle of one of the columns.
        func perColumn(_ field: Field) -> [Field] {
            func covered(_ field: Field) -> Int { middles.count { field.start <= $0 && $0 < field.end } }
            let words = words(field)
            let columns = covered(field)
            return columns > 1 && words.count == columns && words.allSatisfy({ covered($0) == 1 }) ? words : [field]
        }
    }

    /// A table whose rows keep one space between cells (page text without the layout):
    /// positions say nothing, so cells keep their order. In a row of words then values
    /// the words fill the columns from the left and the values from the right, as a row
    /// short of values most often lacks the first ones (a 合计 row has them all). Where
    /// words and values alternate (收入 and 支出 side by side), each label of a row starts
    /// the next pair of columns, its values after it: 四、上级补助收入 四、公共安全支出 556.78
    /// is the 收入 side's label alone, then the 支出 side's label and value.
    private static func singleSpacedGrid(_ rows: [Row], title: String?) -> TableGrid {
        let rows = joiningWrappedLabels(rows)
        let split = rows.map { row in
            // A row's first field is a value only as an amount: a whole number there is a code.
            let isValueCell = row.fields.indices.map { k in
                k > 0 ? isValue(row.fields[k]) : TableFigures.amount(row.fields[k].text) != nil
            }
            let values = isValueCell.reversed().prefix { $0 }.count
            let alternates = isValueCell.dropLast(values).contains(true)
            return (row: row, isValueCell: isValueCell, alternates: alternates,
                    labels: alternates ? row.fields.count : row.fields.count - values, values: alternates ? 0 : values)
        }
        let sideBySide = split.contains(where: \.alternates)
        // A row whose words and values alternate lays out its own way, and widens nothing.
        let labelColumns = split.filter { $0.values > 0 }.map(\.labels).max() ?? 0
        let valueColumns = split.map(\.values).max() ?? 0
        let width = max(labelColumns + valueColumns, rows.map(\.fields.count).max() ?? 0, 1)
        var cells: [TableGrid.Cell] = []
        var columns = width
        // The last label each side listed, by the column it took (0 or 2).
        var lastLabel: [Int: Substring] = [:]
        /// Whether a label alone goes on the list of the right-hand side, not the left's: it
        /// ends as that side's labels do (…支出, where the left's end …收入), or its number
        /// follows that side's last (二十二、 after 二十一、, where the left's ended at 八、).
        func continuesRight(_ label: Substring) -> Bool {
            let ending = String(label.unicodeScalars.suffix(2))
            if lastLabel[2]?.hasSuffix(ending) == true && lastLabel[0]?.hasSuffix(ending) == false { return true }
            guard let number = itemNumber(label) else { return false }
            return number == lastLabel[2].flatMap(itemNumber).map { $0 + 1 }
                && number != lastLabel[0].flatMap(itemNumber).map { $0 + 1 }
        }
        for (r, row) in split.enumerated() {
            let placed: [Int]
            let labelCells = row.isValueCell.filter { !$0 }.count
            if sideBySide && labelCells > 1 {
                var next = 0
                placed = row.isValueCell.map { isValue in
                    defer { next += 1 }
                    if !isValue { next += next % 2 }  // a label starts a pair
                    return next
                }
            } else if sideBySide, labelCells == 1, !row.isValueCell[0], continuesRight(row.row.fields[0].text) {
                // One side's item alone (九、卫生健康支出 370.37), the other side's list ended.
                placed = row.row.fields.indices.map { 2 + $0 }
            } else {
                placed = row.row.fields.indices.map { k in k < row.labels ? k : width - row.row.fields.count + k }
            }
            for (field, column) in zip(row.row.fields, placed) {
                cells.append(TableGrid.Cell(row: r, column: column, text: String(field.text), original: String(field.text),
                                            line: row.row.line.line))
                // Not a fragment of a wrapped label (出), which says nothing of its side.
                if sideBySide, column == 0 || column == 2, !isValue(field), field.text.unicodeScalars.isLonger(than: 3) {
                    lastLabel[column] = field.text
                }
            }
            columns = max(columns, (placed.last ?? 0) + 1)
        }
        return TableGrid(title: title, line: rows.first?.line.line ?? 0, rows: rows.count, columns: columns, cells: cells)
    }

    /// A label too long for its cell wraps in page text around the row's line, the cell's
    /// text centred on the row: 文化展示及纪念机 / 2070105 1,700.57 1,700.57 / 构. A row whose
    /// label is its code alone takes the fragment just above it (one run of words, no value)
    /// and the one just below; then a row of its code and part of its name (21219 收入对应
    /// 专项债务收) takes the two around it, when both are left. A fragment between two rows
    /// of a code alone starts the lower one's label.
    private static func joiningWrappedLabels(_ rows: [Row]) -> [Row] {
        enum Label { case code, codeAndWords }
        let labels = rows.map { row -> (kind: Label, code: Substring, words: Substring)? in
            // A code alone then a value: the next side's item may follow (30108 699.30 30206 电费),
            // or come right after it, the row's own value left empty (30399 30240 税金及附加费用).
            guard row.fields.count > 1 else { return nil }
            let first = row.fields[0].text
            let code = first.prefix { $0.unicodeScalars.first?.isASCIIDigit == true }
            guard isCode(code) else { return nil }
            let words = first[code.endIndex...]
            let next = row.fields[1].text
            if words.isEmpty, !isValue(row.fields[1]), let space = next.firstIndex(of: " "), isCode(next[..<space]) {
                return (.code, code, words)
            }
            guard isValue(row.fields[1]) else { return nil }
            if words.isEmpty { return (.code, code, words) }
            guard row.fields.dropFirst().allSatisfy(isValue), words.first == " ", !words.dropFirst().contains(" ")
            else { return nil }
            return (.codeAndWords, code, words.dropFirst())
        }
        var taken = Set<Int>()
        func isFreeFragment(_ k: Int) -> Bool {
            guard rows.indices.contains(k), !taken.contains(k), rows[k].fields.count == 1 else { return false }
            let text = rows[k].fields[0].text
            return !text.contains(" ") && !isValue(rows[k].fields[0])
        }
        var head: [Int: Int] = [:]
        var tail: [Int: Int] = [:]
        for (i, label) in labels.enumerated() where label?.kind == .code && isFreeFragment(i - 1) {
            head[i] = i - 1
            taken.insert(i - 1)
        }
        for (i, label) in labels.enumerated() where label?.kind == .code && isFreeFragment(i + 1) {
            tail[i] = i + 1
            taken.insert(i + 1)
        }
        for (i, label) in labels.enumerated()
        where label?.kind == .codeAndWords && isFreeFragment(i - 1) && isFreeFragment(i + 1) {
            head[i] = i - 1
            tail[i] = i + 1
            taken.formUnion([i - 1, i + 1])
        }
        guard !taken.isEmpty else { return rows }
        return rows.indices.compactMap { i in
            guard !taken.contains(i) else { return nil }
            guard let label = labels[i], head[i] != nil || tail[i] != nil else { return rows[i] }
            let above = head[i].map { rows[$0].fields[0].text } ?? ""
            let below = tail[i].map { rows[$0].fields[0].text } ?? ""
            var row = rows[i]
            // The other side's code with no name after it (30113 住房公积金 431.39 30212 13.24
            // between 因公出国(境)费 and 用): the fragments are that code's name.
            if label.kind == .codeAndWords, let k = row.fields.indices.dropFirst().first(where: { k in
                k + 1 < row.fields.count && isCode(row.fields[k].text) && TableFigures.amount(row.fields[k + 1].text) != nil
            }) {
                row.fields[k].text = Substring(row.fields[k].text + " " + above + below)
                return row
            }
            row.fields[0].text = Substring(label.code + " " + above + label.words + below)
            return row
        }
    }

    /// A 科目编码 alone (30212): three to nine digits.
    private static func isCode(_ text: Substring) -> Bool {
        (3...9).contains(text.utf8.count) && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// A header printed over two lines (收入 / 项目) becomes one row: the two lines above
    /// the first row with a figure, joined column by column. Taller headers stay as
    /// they are: their fragments do not line up with the columns well enough to join.
    private static func mergingHeader(_ cells: [TableGrid.Cell], rows: Int) -> (cells: [TableGrid.Cell], rows: Int) {
        guard let firstData = cells.first(where: { TableFigures.amount($0.text) != nil })?.row,
              firstData == 2 else { return (cells, rows) }
        let header = cells.filter { $0.row < firstData }
        var merged: [TableGrid.Cell] = []
        for column in Set(header.map(\.column)).sorted() {
            let parts = header.filter { $0.column == column }  // top to bottom: cells are in row order
            var cell = parts[0]
            cell.row = 0
            cell.columnSpan = parts.map(\.columnSpan).max() ?? 1
            cell.text = parts.map(\.text).joined()
            cell.original = parts.map(\.original).joined()
            merged.append(cell)
        }
        let body = cells.filter { $0.row >= firstData }.map { cell -> TableGrid.Cell in
            var cell = cell
            cell.row -= firstData - 1
            return cell
        }
        return (merged + body, rows - firstData + 1)
    }
}
