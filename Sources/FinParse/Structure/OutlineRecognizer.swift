import Glibc

/// Builds a report's heading tree from its paragraphs.
///
/// Nesting follows the document, not a fixed table of levels: a marker of a family
/// already open (一、 while 一、 … （一） … are open) closes everything opened after
/// it and becomes its sibling; a family not yet open nests under the innermost open
/// node. So a report that puts a 1、 list straight under a part, or skips from （一）
/// to （1）, nests as written. Parts (第X部分) always stand at the top, and an
/// unnumbered title line (2021年度项目支出绩效自评报告) opens a sub-tree of its own
/// inside the current part, under which numbering starts again.
enum OutlineRecognizer {
    struct Result {
        var sections: [Section]
        var diagnostics: [Diagnostic]
    }

    /// What a paragraph is to the outline.
    enum Role: Equatable {
        case part
        case title
        case numbered(ListMarker.Style)
        /// A heading the input marks by structure (Word's outline level), without a marker.
        case styled(Int)
    }

    /// An open node: its place in `nodes`, its role, and the last number seen
    /// among its children of each marker family.
    private struct Open {
        var node: Int
        var role: Role
        var lastNumber: [ListMarker.Style: Int] = [:]
        /// The last number of each list under the headings of its own list before it, which a
        /// list under it may go on from: a report that numbers its items across its sections
        /// (一、 1.–5., 二、 6.–9.) starts no list at 6. by mistake.
        var earlier: [ListMarker.Style: Int] = [:]
    }

    /// What the input says about some lines' place in the outline, beyond their text.
    struct Hints {
        /// Outline levels (0 = top) by line, as Word gives them with heading styles:
        /// such a line is a heading even without a marker.
        var headingLevels: [Int: Int] = [:]
        /// Part markers by line, from a table of contents whose 第二部分 entry names a body
        /// line printed without its marker.
        var partMarkers: [Int: PartMarker] = [:]
        /// Chapter headings by line, from a table of contents whose 一、部门主要职能 entry names a
        /// body line printed without its marker (上海市普陀区司法局主要职能): each opens a
        /// sub-tree as a title line does.
        var chapterTitles: [Int: String] = [:]

        /// Adds another body's hints (their lines are its own).
        mutating func merge(_ other: Hints) {
            headingLevels.merge(other.headingLevels) { $1 }
            partMarkers.merge(other.partMarkers) { $1 }
            chapterTitles.merge(other.chapterTitles) { $1 }
        }
    }

    /// The marker a 目录 gives a body line, and that line's text: a line may share its
    /// number with the end of the page before it (a form feed inside an input line).
    struct PartMarker {
        var marker: ListMarker
        var text: String
    }

    static func outline(of paragraphs: [FoldedText], hints: Hints = Hints()) -> Result {
        var builder = Builder()
        for paragraph in paragraphs { builder.add(paragraph, hints: hints) }
        return builder.finish()
    }

    /// The outline built paragraph by paragraph, for a report that is not held whole: a
    /// paragraph's hints must be known when it is added, and each top-level section can be
    /// taken as soon as the next one begins.
    struct Builder {
        private var tree = TreeBuilder()
        /// Top-level sections complete and not yet taken.
        private var finished: [Section] = []
        private var diagnostics: [Diagnostic] = []
        private var stack: [Open] = []
        /// A marker alone on its line (第一部分, （一）), waiting for the next line, which
        /// may be its title.
        private var bare: (text: String, line: Int, section: Section, role: Role)?
        /// The last few paragraphs since the last section (a streamed report holds no more): a
        /// list may start inside one, after a colon (注：1.…, 具体包括： 1. 本部), and go on at 2.
        /// in a paragraph of its own.
        private var since: [String] = []

        mutating func add(_ paragraph: FoldedText, hints: Hints) {
            if let marker = bare {
                bare = nil
                let next = paragraph.text.trimmingSpaces
                if !next.isEmpty, ListMarker.scan(String(next)) == nil,
                   let (joined, joinedRole) = classify(marker.text + String(next), line: marker.line) {
                    place(joined, role: joinedRole, line: marker.line)
                    return
                }
                place(marker.section, role: marker.role, line: marker.line)
            }
            let text = String(paragraph.text.trimmingSpaces)
            let line = paragraph.line
            if hints.chapterTitles[line] == text {
                place(Section(kind: .title, marker: nil, number: nil, title: text, line: line), role: .title, line: line)
                return
            }
            guard let (section, role) = hintedPart(text, line: line, hints: hints) ?? classify(text, line: line)
                ?? styledHeading(text, line: line, levels: hints.headingLevels),
                !OutlineRecognizer.continuesNote(section, role: role, after: since)
            else {
                if since.count == 4 { since.removeFirst() }
                since.append(text)
                return
            }
            // Before any other section of a part, a statement's title without a year is the rest
            // of the part's heading (第三部分 江苏省高级人民法院 2017 年度 / 部门预算情况说明).
            if case .title = role, stack.last?.role == .part, !ReportInfoReader.containsYear(text) { return }
            if section.title.isEmpty {
                bare = (text, line, section, role)
            } else {
                place(section, role: role, line: line)
                placeItemsRunIn(after: section, role: role, of: paragraph)
            }
        }

        /// The items a report ran into the paragraph of the item before them (…会计准则、会计制度和
        /// 财务规则。（八）负责本区…): after the end of a sentence, the marker of the same list with
        /// the next number starts an item of its own, on the line where it stands.
        private mutating func placeItemsRunIn(after section: Section, role: Role, of paragraph: FoldedText) {
            guard case .numbered(let style) = role, section.kind == .item, var number = section.number else { return }
            // The scalars the list's next marker may start with: (八) after (七), 2、 after 1、.
            func mayOpen(_ scalar: Unicode.Scalar) -> Bool {
                switch style {
                case .parenthesizedChineseNumber: scalar == "("
                case .arabicNumber: scalar.isASCIIDigit
                case .chineseNumber: ChineseNumeral.isNumeral(scalar)
                default: ListMarker.mayStart(scalar) && scalar != "第"
                }
            }
            var text = paragraph.text
            // Where a marker may start right after the end of a sentence (。, or ；folded to ;),
            // found on the bytes: every item's paragraph is read, and most sentences start with
            // no marker. Its UTF-8 offsets.
            let starts: [Int] = text.withUTF8 { bytes in
                guard let base = bytes.baseAddress else { return [] }
                // The first scalar from `i` on past spaces (等。 2、…), as a marker's are: ASCII or
                // three bytes (（ folds to ().
                func mayStartMarker(at start: Int) -> Bool {
                    var i = start
                    while i < bytes.count, bytes[i] == 0x20 { i += 1 }
                    guard i < bytes.count else { return false }
                    if bytes[i] < 0x80 { return mayOpen(Unicode.Scalar(bytes[i])) }
                    guard bytes[i] & 0xF0 == 0xE0, i + 2 < bytes.count else { return false }
                    let value = UInt32(bytes[i] & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    return Unicode.Scalar(value).map(mayOpen) ?? false
                }
                var starts: [Int] = []
                // 。 is E3 80 82, and no character holds an E3 byte but as its lead.
                for byte: UInt8 in [0xE3, 0x3B] {
                    var from = 0
                    while from < bytes.count, let hit = memchr(base + from, Int32(byte), bytes.count - from) {
                        let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        from = i + 1
                        let end = byte == 0x3B ? i + 1 : i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x82 ? i + 3 : nil
                        if let end, mayStartMarker(at: end) { starts.append(end) }
                    }
                }
                return starts.count > 1 ? starts.sorted() : starts
            }
            let utf8 = text.utf8
            for start in starts {
                // A marker is a few scalars; an item's title runs to its sentence's end, which
                // a line of thousands of such places would otherwise copy from each.
                let from = utf8.index(utf8.startIndex, offsetBy: start)
                let head = String(Substring(text.unicodeScalars[from...].prefix(16)))
                guard let marker = ListMarker.scan(head), Role.numbered(marker.style) == role, marker.number == number + 1 else { continue }
                let rest = String(Substring(text.unicodeScalars[from...].prefix(Self.longestRunInItem)))
                let line = FoldMap(paragraph).location(ofFoldedOffset: text.utf16.distance(from: text.startIndex, to: from) + marker.range.lowerBound).line
                let body = String(marker.rest(of: rest).trimmingSpaces)
                place(Section(kind: .item, marker: marker.text, number: marker.number, title: itemTitle(body), line: line), role: role, line: line)
                number += 1
            }
        }

        private static let longestRunInItem = 512

        /// The top-level sections complete so far and not yet taken, in order.
        mutating func takeFinished() -> [Section] {
            defer { finished = [] }
            return finished
        }

        /// The rest of the outline: the top-level sections not taken, and every diagnostic.
        mutating func finish() -> Result {
            if let marker = bare {
                bare = nil
                place(marker.section, role: marker.role, line: marker.line)
            }
            return Result(sections: finished + tree.takeTree(), diagnostics: diagnostics)
        }

        private mutating func place(_ section: Section, role: Role, line: Int) {
            var earlier: [ListMarker.Style: Int] = [:]
            switch role {
            case .part:
                stack.removeAll()
            case .title:
                while let top = stack.last, top.role != .part { stack.removeLast() }
            case .styled(let level):
                // Under a part, a title, or a styled heading of a higher level.
                while let top = stack.last {
                    if top.role == .part || (top.role == .title && level > 0) { break }
                    if case .styled(let above) = top.role, above < level { break }
                    stack.removeLast()
                }
            case .numbered(let style):
                if let open = stack.lastIndex(where: { $0.role == role }) {
                    earlier = stack[open].earlier.merging(stack[open].lastNumber) { $1 }
                    stack.removeSubrange(open...)
                }
                if let number = section.number {
                    let last = stack.last?.lastNumber[style] ?? tree.rootLastNumber[style]
                    // A list opened after a colon goes on whatever list came before it (asked only
                    // of a number that is a problem otherwise: every paragraph before is read).
                    if let problem = numberingProblem(number, after: last, marker: section.marker ?? "", line: line),
                       !(number != 1 && (last == nil && stack.last?.earlier[style] == number - 1
                           || since.contains { opensList(style, number: number - 1, afterColonIn: $0) })) {
                        diagnostics.append(problem)
                    }
                    if stack.isEmpty { tree.rootLastNumber[style] = number } else { stack[stack.count - 1].lastNumber[style] = number }
                }
            }
            // A new top-level section: those before it are complete.
            if stack.isEmpty { finished += tree.takeTree() }
            let node = tree.add(section, under: stack.last?.node)
            stack.append(Open(node: node, role: role, earlier: earlier))
            since.removeAll()
        }
    }

    /// Reads one paragraph: a part, a numbered heading or item, a title line, or
    /// nothing the outline holds.
    static func classify(_ text: String, line: Int) -> (Section, Role)? {
        if let marker = ListMarker.scan(text) {
            var body = String(marker.rest(of: text).trimmingSpaces)
            if marker.style == .part {
                // 第一部分：部门概况, as many web pages set a part's name off.
                if body.hasPrefix(":") { body = String(body.dropFirst().trimmingSpaces) }
                return (Section(kind: .heading, marker: marker.text, number: marker.number, title: body, line: line), .part)
            }
            let role = Role.numbered(marker.style)
            if isHeading(body) {
                return (Section(kind: .heading, marker: marker.text, number: marker.number, title: headingTitle(body), line: line), role)
            }
            return (Section(kind: .item, marker: marker.text, number: marker.number, title: itemTitle(body), line: line), role)
        }
        if isTitleLine(text) {
            return (Section(kind: .title, marker: nil, number: nil, title: text, line: line), .title)
        }
        return nil
    }

    private static func hintedPart(_ text: String, line: Int, hints: Hints) -> (Section, Role)? {
        guard let hint = hints.partMarkers[line], hint.text == text else { return nil }
        let marker = hint.marker
        return (Section(kind: .heading, marker: marker.text, number: marker.number, title: text, line: line), .part)
    }

    private static func styledHeading(_ text: String, line: Int, levels: [Int: Int]) -> (Section, Role)? {
        guard let level = levels[line], isHeading(text) else { return nil }
        return (Section(kind: .heading, marker: nil, number: nil, title: headingTitle(text), line: line), .styled(level))
    }

    /// Sentence punctuation that ends a clause inside a line.
    private static func isSentenceMark(_ s: Unicode.Scalar) -> Bool {
        switch s { case "。", ";", "；", "!", "！", "?", "？": true; default: false }
    }

    /// A sentence mark or a colon: what a heading or an item title ends at.
    private static func endsTitle(_ s: Unicode.Scalar) -> Bool { isSentenceMark(s) || s == ":" || s == "：" }

    /// A heading is short and is not a sentence: no clause ends inside it, and no
    /// definition follows a colon. 三、支出决算情况说明 and （一）基本情况。 are
    /// headings; （一）2021年度收入总计2553.52万元。与上年相比…, 一、财政拨款收入：指…
    /// and 1、社会保障和就业支出（类）抚恤（款）死亡抚恤（项）。 are items.
    static func isHeading(_ body: String) -> Bool {
        // One pass over the scalars (for this text its characters, and cheaper to count):
        // the core is the text before its closing marks, and no mark may end a clause in it.
        var coreLength = 0
        var length = 0
        var commas = 0
        var closing = false
        var closedAsSentence = false
        var digits = false
        for scalar in body.unicodeScalars {
            length += 1
            digits = digits || scalar.isASCIIDigit
            if endsTitle(scalar) {
                closing = true
                closedAsSentence = closedAsSentence || isSentenceMark(scalar)
                continue
            }
            guard !closing, length <= 40 else { return false }
            coreLength = length
            if scalar == "，" || scalar == "," { commas += 1 }
        }
        guard coreLength > 0 else { return false }
        // A line closed by 。 is a heading only when it is a short name (基本情况。), not a
        // statement of a figure (①设备购置50万元。); otherwise a short line with at most one
        // comma reads as a title.
        if closedAsSentence { return commas == 0 && coreLength <= 12 && !digits }
        return commas == 0 || (commas == 1 && coreLength <= 24)
    }

    private static func headingTitle(_ body: String) -> String {
        var title = body.unicodeScalars[...]
        while let last = title.last, endsTitle(last) { title = title.dropLast() }
        return String(Substring(title).trimmingSpaces)
    }

    /// An item's title is its text up to the first 。 or ：.
    private static func itemTitle(_ body: String) -> String {
        // On the UTF-8 bytes: the item's body runs on for a whole paragraph. No byte of
        // 。 (E3 80 82) or ： (EF BC 9A) starts inside another character, nor does an ASCII :.
        var body = body
        let end = body.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x3A: return i
                case 0xE3 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x82: return i
                case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x9A: return i
                default: i += 1
                }
            }
            return bytes.count
        }
        return String(body[..<body.utf8.index(body.startIndex, offsetBy: end)].trimmingSpaces)
    }

    /// The endings of titles of documents bound into a report.
    private static let titleEndings = ["报告", "表", "说明", "情况", "公开", "决算", "预算"]

    /// An unnumbered title: a short line that is not a sentence, names a year and
    /// ends like the name of a report, table or statement (2021年度项目支出绩效自评报告).
    /// A statement's title needs no year: a 预算's 其他相关情况说明, and the 人民调解项目经费
    /// 情况说明 of each project after it, head their own numbered lists (一、项目概述 …).
    static func isTitleLine(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard scalars.isLonger(than: 5), !scalars.isLonger(than: 40),
              !scalars.contains(where: { isSentenceMark($0) || "，,：:、".unicodeScalars.contains($0) }),
              titleEndings.contains(where: { text.hasSuffix($0) })
        else { return false }
        return ReportInfoReader.containsYear(text) || (text.hasSuffix("情况说明") && !scalars.isLonger(than: 24))
    }

    /// Whether `text` is the next point of a note (注：1.采购组织形式为… / 2.采购品目名称…): part
    /// of the note under a table, no section of the report.
    private static func continuesNote(_ section: Section, role: Role, after since: [String]) -> Bool {
        guard case .numbered(let style) = role, let number = section.number, number > 1 else { return false }
        return since.contains {
            ($0.utf8.starts(with: "注".utf8) || $0.utf8.starts(with: "备注".utf8)) && opensList(style, number: number - 1, afterColonIn: $0)
        }
    }

    /// Whether `text` holds a marker of `style` and `number` right after a colon (注：1.…).
    private static func opensList(_ style: ListMarker.Style, number: Int, afterColonIn text: String) -> Bool {
        var rest = text.unicodeScalars[...]
        while let colon = rest.firstIndex(where: { $0 == "：" || $0 == ":" }) {
            rest = rest[rest.index(after: colon)...]
            let start = String(Substring(rest.prefix(12)).trimmingSpaces)
            if let marker = ListMarker.scan(start), marker.style == style, marker.number == number { return true }
        }
        return false
    }

    /// A number that does not follow the one before it in the same list.
    private static func numberingProblem(_ number: Int, after last: Int?, marker: String, line: Int) -> Diagnostic? {
        guard let last else {
            return number == 1 ? nil : Diagnostic(
                severity: .warning, code: "numbering-start",
                message: "list starts at \(marker) instead of its first number", line: line)
        }
        if number == last + 1 { return nil }
        if number <= last {
            return Diagnostic(severity: .warning, code: "numbering-repeat",
                              message: "\(marker) follows number \(last) of the same list: numbering starts again or repeats", line: line)
        }
        return Diagnostic(severity: .warning, code: "numbering-gap",
                          message: "\(marker) follows number \(last): \(number - last - 1) missing", line: line)
    }
}

/// Collects sections with their parents in a flat list and builds the nested
/// tree at the end, so that no recursion depends on the input.
private struct TreeBuilder {
    private var nodes: [Section] = []
    private var parents: [Int?] = []
    var rootLastNumber: [ListMarker.Style: Int] = [:]

    mutating func add(_ section: Section, under parent: Int?) -> Int {
        nodes.append(section)
        parents.append(parent)
        return nodes.count - 1
    }

    /// The nested tree of the sections added since the last time, which are then dropped.
    mutating func takeTree() -> [Section] {
        var nodes = self.nodes
        let parents = self.parents
        self.nodes = []
        self.parents = []
        // Children come after their parents: attach from the last node back, so a
        // node is complete when it is attached; children gather in reverse order.
        var roots: [Section] = []
        for index in nodes.indices.reversed() {
            nodes[index].children.reverse()
            if let parent = parents[index] {
                nodes[parent].children.append(nodes[index])
            } else {
                roots.append(nodes[index])
            }
        }
        return roots.reversed()
    }
}
