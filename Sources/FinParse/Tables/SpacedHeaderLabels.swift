/// The labels a table of one row of values takes from its header, the row having no label of
/// its own: a 三公 table (1,384.74  484.30  100.00 …), the 江苏 template's 支出预算总表
/// (21,955.35  13,994.31  5,573.00  2,388.04). The header has several lines whose cells are
/// centred over their columns, wrap (因公出 / 国(境) / 费), and group others (“三公”经费 over
/// 小计 … 公务接待费; 公务用车购置及运行维护费 over 小计, 购置费, 运行维护费).
///
/// pdftotext places each word where its first character stands and counts a Chinese character
/// as one position, so a header's extent is read from its start, each wide character two
/// positions, and the positions of wrapped lines drift. The reading leans on the template's
/// words: the groups are known by name, and a piece joins the one above it (or near it) only
/// when together they begin a column's name (合计, 因公出国(境)费, 公务接待费 …). Every leaf must
/// then be a whole name, or nothing is labelled. The leaves, left to right, are matched to the
/// row's values in order, leaving out the leaves of empty columns (购置费 over nothing) at the
/// least distance between their middles.
enum SpacedHeaderLabels {
    /// A run of header text on one line, with the positions it covers.
    struct Piece {
        var line: Int
        var start: Int
        var end: Int
        var text: Substring

        var middle: Double { Double(start + end) / 2 }

        /// How far apart the two stand across the line: 0 when they overlap.
        func gap(to other: Piece) -> Int { max(0, max(start, other.start) - min(end, other.end)) }
    }

    /// A table whose header this reads: its columns' names, without a year before them
    /// (2023年机关运行经费预算数), and the words that name a group of columns.
    struct Template {
        let columnNames: [String]
        let groupWords: [String]

        static let sanGong = Template(columnNames: [
            "合计", "小计", "因公出国(境)费", "公务接待费", "公务用车购置费", "购置费", "公务用车运行维护费", "公务用车运行费",
            "运行维护费", "运行费", "会议费", "培训费", "机关运行经费", "机关运行经费预算数",
        ], groupWords: ["三公", "公务用车购置及运行"])

        static let spending = Template(columnNames: [
            "合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出",
        ], groupWords: [])

        /// The template of a table titled `title` of the kind `kind`, if it is one of these.
        static func of(title: String?, kind: String?) -> Template? {
            if title?.contains("三公") == true { return .sanGong }
            return kind == "支出预算总表" ? .spending : nil
        }

        /// Whether a header names a group of columns: “三公”经费 (财政拨款“三公”经费,
        /// 2023年“三公”经费预算数) or 公务用车购置及运行(维护)费.
        func isGroup(_ text: Substring) -> Bool { groupWords.contains { text.contains(utf8: $0) } }
    }

    /// A value's label, and the piece of the header it stands under (its leaf, or its piece of
    /// a last 预算数 | 决算数 line).
    typealias Label = (text: String, under: Piece)

    /// The label of each of `values`, from the header lines `header` (each line's pieces);
    /// all nil unless every leaf of the header is one of the template's column names.
    static func labels(header: [[Piece]], values: [Piece], template: Template) -> [Label?] {
        let none = values.map { _ in Label?.none }
        // A last header line of 预算数 | 决算数 under each leaf: each value is its leaf's and that line's.
        // With fewer values than it has (empty columns), each stands under the one nearest it.
        let last = header.last.flatMap { last in last.allSatisfy { generic.contains(String($0.text)) } ? last : nil }
        // A real one has a few dozen pieces; each value is compared with each.
        guard last.map({ $0.count >= values.count && $0.count <= 200 }) ?? true else { return none }
        let pieces = (last == nil ? header : header.dropLast()).joined()
        // A 三公 header has a few dozen pieces; text of thousands is none, and costs squares.
        guard pieces.count <= 200 else { return none }
        let groups = pieces.filter { template.isGroup($0.text) }
        guard let leaves = leaves(of: pieces.filter { !template.isGroup($0.text) }, names: template.columnNames) else { return none }
        let names = leaves.indices.map { name(of: $0, in: leaves, groups: groups) }
        if let last {
            guard last.count % leaves.count == 0,
                  let places = last.count == values.count ? Array(last.indices) : nearest(to: values, among: last)
            else { return none }
            let per = last.count / leaves.count
            return places.map { (names[$0 / per] + last[$0].text, last[$0]) }
        }
        return match(leaves, to: values)?.map { (names[$0], leaves[$0]) } ?? none
    }

    /// For each value, the index of the piece of `line` its middle stands nearest, in order,
    /// when that piece is clearly the nearest: under half as far as the next nearest, so
    /// that a value between two columns labels nothing.
    private static func nearest(to values: [Piece], among line: [Piece]) -> [Int]? {
        var places: [Int] = []
        for value in values {
            let distances = line.map { abs($0.middle - value.middle) }
            guard let best = distances.indices.min(by: { distances[$0] < distances[$1] }),
                  distances.indices.allSatisfy({ $0 == best || 2 * distances[best] < distances[$0] }),
                  best > places.last ?? -1
            else { return nil }
            places.append(best)
        }
        return places
    }

    /// The sub-headers under each column of a 决算 table.
    static let generic: Set<String> = ["预算数", "决算数"]

    /// A name without the year that may start it.
    static func withoutYear(_ text: Substring) -> Substring {
        guard let year = text.firstIndex(of: "年"), text[..<year].count == 4,
              text[..<year].unicodeScalars.allSatisfy(\.isASCIIDigit) else { return text }
        return text[text.index(after: year)...]
    }

    /// The leaves, left to right: top down, each piece joined to a piece above it (or beside it,
    /// letter-spaced), overlapping it or a few positions off, with which it begins a column's
    /// name. nil when a leaf is not a whole name (a piece lost, or text that is not the template's).
    private static func leaves(of pieces: [Piece], names columnNames: [String]) -> [Piece]? {
        // Compared on UTF-8 bytes: String's comparisons break graphemes, for every piece and block.
        func begins(_ text: Substring) -> Bool {
            let name = withoutYear(text).utf8
            return columnNames.contains { $0.utf8.starts(with: name) }
        }
        var blocks: [Piece] = []
        var lastLine: [Int] = []
        // Where each block's characters stand, one position each, as pdftotext sets them.
        var extents: [Range<Int>] = []
        func extent(_ piece: Piece) -> Range<Int> { piece.start..<(piece.start + piece.text.unicodeScalars.count) }
        // A name set letter-spaced on one line (合     计): its characters are pieces of their own.
        func isSpacedOut(_ block: Int, _ piece: Piece) -> Bool {
            lastLine[block] == piece.line && blocks[block].text.unicodeScalars.count == 1 && piece.text.unicodeScalars.count == 1
        }
        for piece in pieces.sorted(by: { ($0.line, $0.start) < ($1.line, $1.start) }) {
            let above = blocks.indices.filter {
                (lastLine[$0] < piece.line || isSpacedOut($0, piece)) && blocks[$0].gap(to: piece) <= nearby
                    && begins(blocks[$0].text + piece.text)
            }
            // Of two that would do (公务用车 over 公务用车, the 购置费 and 运行维护费 columns), the one
            // whose middle is nearest.
            if let above = above.min(by: { abs(blocks[$0].middle - piece.middle) < abs(blocks[$1].middle - piece.middle) }) {
                blocks[above].text += piece.text
                blocks[above].start = min(blocks[above].start, piece.start)
                blocks[above].end = max(blocks[above].end, piece.end)
                extents[above] = min(extents[above].lowerBound, piece.start)..<max(extents[above].upperBound, extent(piece).upperBound)
                lastLine[above] = piece.line
            } else if begins(piece.text) {
                blocks.append(piece)
                lastLine.append(piece.line)
                extents.append(extent(piece))
            }
            // Else a caption's word (公开表九): no column's.
        }
        let names = Set(columnNames)
        guard !blocks.isEmpty, blocks.allSatisfy({ names.contains(String(withoutYear($0.text))) }) else { return nil }
        // Columns stand side by side: a leaf's characters where another's stand is text not laid
        // out by position (a raw extraction's cells one a line, page text one space apart). Not
        // as wide as they print: close columns' names would overlap (公务用车 / 运行维护 / 费 and
        // 公务接待 / 费, five positions apart).
        guard !extents.indices.contains(where: { a in extents.indices.contains { b in a != b && extents[a].overlaps(extents[b]) } })
        else { return nil }
        return blocks.sorted { $0.middle < $1.middle }
    }

    /// How many positions apart a wrapped name's lines may stand (会议 / 费).
    private static let nearby = 6

    /// How many more leaves than values a header may have: its empty columns (a row of a 合计,
    /// one fee and 机关运行经费 leaves four of the seven).
    private static let maxEmptyColumns = 5

    /// For each value, the index of its leaf: in order, leaving out as many leaves as there are
    /// more leaves than values, those that put the values' and leaves' middles closest.
    private static func match(_ leaves: [Piece], to values: [Piece]) -> [Int]? {
        let spare = leaves.count - values.count
        guard !values.isEmpty, (0...maxEmptyColumns).contains(spare) else { return nil }
        // cost[v][s]: the least distance with values ..<v matched and s leaves left out.
        let unreachable = Double.infinity
        var cost = Array(repeating: Array(repeating: unreachable, count: spare + 1), count: values.count + 1)
        var skipped = cost.map { $0.map { _ in 0 } }
        cost[0] = (0...spare).map { _ in 0 }
        for v in 1...values.count {
            for s in 0...spare {
                let leaf = v - 1 + s
                for before in 0...s where cost[v - 1][before] < unreachable {
                    let total = cost[v - 1][before] + abs(leaves[leaf].middle - values[v - 1].middle)
                    if total < cost[v][s] {
                        cost[v][s] = total
                        skipped[v][s] = before
                    }
                }
            }
        }
        guard let best = (0...spare).min(by: { cost[values.count][$0] < cost[values.count][$1] }),
              cost[values.count][best] < unreachable else { return nil }
        var matched: [Int] = []
        var s = best
        for v in stride(from: values.count, to: 0, by: -1) {
            matched.append(v - 1 + s)
            s = skipped[v][s]
        }
        return matched.reversed()
    }

    /// A leaf's label: a 小计 is its group's, as written: 公务用车购置及运行维护费小计 before
    /// that group's 购置费 or 运行费, else “三公”经费小计 (before 因公出国(境)费).
    private static func name(of leaf: Int, in leaves: [Piece], groups: [Piece]) -> String {
        let text = leaves[leaf].text
        guard text == "小计" else { return String(text) }
        let next = leaf + 1 < leaves.count ? leaves[leaf + 1].text : ""
        let ofCars = next.contains("购置") || next.contains("运行")
        let group = groups.first { ofCars ? $0.text.hasPrefix("公务用车") : $0.text.contains("三公") }
        return group.map { String(withoutYear($0.text)) + text } ?? String(text)
    }
}
