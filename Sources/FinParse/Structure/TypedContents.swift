/// A 目录 typed as paragraphs (a Word report's by hand, a web page's, scraped text's): its
/// heading (目录, 决算公开目录, or 目 and 录 as two), then its entries, up to where the body repeats the
/// first entry (第一部分 部门概况……3, then 第一部分 部门概况), or else to its last entry
/// (``TableOfContents/entryCount(_:)``: 七、项目经费情况说明, then 上海市…主要职能 over its
/// text). Found as the paragraphs come, so that a streamed report keeps it out of the
/// outline too: the paragraphs after a 目录 heading are held until the repeat shows them to
/// be entries, or a sentence (。), a table, the limit or the report's end shows where the
/// entries end, or that there are none; what follows them goes on as it came.
///
/// A PDF's 目录 is found on its pages before this (``PageText``), and Word's own by its styles.
struct TypedContents {
    /// What to do with the paragraphs so far.
    enum Step {
        /// Go on with this paragraph.
        case pass
        /// Hold this paragraph.
        case hold
        /// The held paragraphs up to here (the heading first) were a table of contents; go on
        /// with `then`, in order.
        case contents([FoldedText], then: [FoldedText])
        /// The held paragraphs, and this one, go on in order.
        case release([FoldedText])
    }

    /// A heading further into the report than this is no report's 目录.
    private static let searchedParagraphs = 100
    /// More entries than a report's 目录 has (the longest in the corpus has 40 lines).
    private static let heldParagraphs = 120

    private var seen = 0
    /// The heading and the entries so far, while a 目录 may be open.
    private var held: [FoldedText] = []
    /// How many of `held` are the heading: 目录 is one, 目 and 录 are two.
    private var headingCount = 1
    /// The first entry's text as ``TableOfContents/key(_:)`` gives it; when the first line
    /// after the heading reads as no entry (公开日期：2024年9月26日, 序号 报表名称), also that of
    /// the first line that does.
    private var firstEntry: String?
    private var firstMarkedEntry: String?
    private var firstIsEntry = false
    private var done = false

    mutating func take(_ paragraph: FoldedText) -> Step {
        guard !done else { return .pass }
        seen += 1
        guard !held.isEmpty else {
            if seen > Self.searchedParagraphs {
                done = true
                return .pass
            }
            if paragraph.text.contains(utf8: "目"), TableOfContents.mayHead(paragraph.text), case let key = TableOfContents.key(paragraph.text), TableOfContents.isHeading(key) || key == "目" {
                held = [paragraph]
                headingCount = 1
                return .hold
            }
            return .pass
        }
        if held.count == 1 && TableOfContents.key(held[0].text) == "目" {
            guard TableOfContents.key(paragraph.text) == "录" else {
                // A 目 alone heads nothing: the 目录 is still looked for.
                defer { held = [] }
                return .release(held + [paragraph])
            }
            held.append(paragraph)
            headingCount = 2
            return .hold
        }
        if firstEntry.map({ Self.repeats(first: $0, in: paragraph) }) == true
            || firstMarkedEntry.map({ Self.repeats(first: $0, in: paragraph) }) == true {
            done = true
            defer { held = [] }
            return .contents(held, then: [paragraph])
        }
        // An entry is a heading's words, never a sentence; but a 目录 may end its headings with a
        // 。 as the body does (一、2023年度收入支出决算总体情况。), and the body's repeat of its
        // first entry still shows where it ends.
        if held.count > Self.heldParagraphs || paragraph.text.contains(utf8: "。") && !Self.isStoppedHeading(paragraph.text) {
            return close(before: paragraph)
        }
        held.append(paragraph)
        func isEntry() -> Bool { TableOfContents.isEntry(TableOfContents.withoutFieldCodes(paragraph.text.trimmingSpaces)) }
        if held.count == headingCount + 1 {
            firstEntry = TableOfContents.key(paragraph.text)
            firstIsEntry = isEntry()
        } else if !firstIsEntry, firstMarkedEntry == nil, isEntry() {
            firstMarkedEntry = TableOfContents.key(paragraph.text)
        }
        return .hold
    }

    /// What is held, now that a sentence, a table or the report's end has come: the 目录 and
    /// what follows its last entry, or, without three entries, all of it as it came.
    mutating func close(before paragraph: FoldedText? = nil) -> Step {
        let following = paragraph.map { [$0] } ?? []
        let entries = held.dropFirst(headingCount)
        let filled = entries.indices.filter { !entries[$0].isBlank }
        guard held.count > headingCount,
              let count = TableOfContents.entryCount((filled.map { entries[$0] } + following).map { $0.text.trimmingSpaces })
        else { return .release(release() + following) }
        // The paragraph that closed the 目录 is read only to tell its last entry: none of it.
        let end = filled[min(count, filled.count) - 1] + 1
        defer {
            held = []
            done = true
        }
        return .contents(Array(held[..<end]), then: Array(held[end...]) + following)
    }

    /// What is held, and no 目录 looked for any more: the reader found the report's own.
    mutating func stop() -> [FoldedText] {
        done = true
        return release()
    }

    /// What is held, to go on in order: a table came, or the report ended.
    mutating func release() -> [FoldedText] {
        defer { held = [] }
        if !held.isEmpty { done = true }
        return held
    }

    /// 一、2023年度收入支出决算总体情况。: a short line with a list marker and one 。, at its end.
    private static func isStoppedHeading(_ text: String) -> Bool {
        let text = text.trimmingSpaces
        return text.hasSuffix("。") && text.utf8.count <= 90 && text.firstRange(of: "。")?.upperBound == text.endIndex
            && ListMarker.scan(String(text)) != nil
    }

    /// Whether `paragraph` is the body's heading of the first entry: the same text but for
    /// spaces, leader dots and the page number, or its start when the body puts the marker
    /// and the title on two lines (第一部分 / 概况).
    private static func repeats(first: String, in paragraph: FoldedText) -> Bool {
        let here = TableOfContents.key(paragraph.text)
        return here == first || here.unicodeScalars.count >= 4 && first.hasPrefix(here)
    }
}
