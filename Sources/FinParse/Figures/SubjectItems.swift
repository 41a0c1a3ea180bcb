/// The 科目 (of the 功能分类, or the 经济分类 that some 预算s explain too) a list item of the
/// text explains, by its last level as its table row names it: 1、一般公共服务支出（类）统计信息事务（款）专项普查活动（项）39.99万元 → 专项普查活动;
/// 1. “卫生健康支出-行政事业单位医疗-行政单位医疗”科目78.29万元 → 行政单位医疗; a heading
/// （二）社会保障和就业支出（类） → 社会保障和就业支出.
///
/// The 情况说明 of 决算 and 预算 explain the 科目 one by one, and give each one's figures
/// under it (年初预算为76.33万元，支出决算为39.99万元), whose labels then say which figure of it
/// they are and not whose: ``Figure/subject`` says whose.
enum SubjectItems {
    /// The 科目 the item opening with `text` (folded) names, or nil: none is named by its
    /// levels in its first clause, or `text` opens with no list marker (see ``isItem(_:)``).
    static func subject(ofItem text: String) -> String? {
        guard let marker = ListMarker.scan(text) else { return nil }
        // Its first clause: a 科目 is named before its figure's 。，；：.
        let rest = text[text.utf16.index(text.startIndex, offsetBy: marker.range.upperBound)...]
        let clause = Array(rest.prefix { !"。，；：;:".contains($0) })
        // (项) (款) (类), or with the level's code, (01项): the last level named ends the 科目's
        // name, which starts after the level before it or a quote.
        func levelOpen(closingAt i: Int) -> Int? {
            guard i >= 2, clause[i] == ")", "项款类".contains(clause[i - 1]) else { return nil }
            var open = i - 2
            while open > 0, clause[open].isASCII, clause[open].isNumber { open -= 1 }
            return clause[open] == "(" ? open : nil
        }
        if let level = clause.indices.last(where: { levelOpen(closingAt: $0) != nil }), let end = levelOpen(closingAt: level) {
            let start = clause[..<end].lastIndex { ")”“\"".contains($0) }.map { $0 + 1 } ?? 0
            // Every 类 of the 功能分类 is named …支出, which 公共安全（类）支出 writes after its level.
            return name(clause[start..<end]).map { clause[level - 1] == "类" && !$0.hasSuffix("支出") ? $0 + "支出" : $0 }
        }
        // “卫生健康支出-行政事业单位医疗-行政单位医疗”: the quoted levels, hyphenated.
        guard let open = clause.firstIndex(where: { $0 != " " }), openingQuotes.contains(clause[open]),
              let close = clause[(open + 1)...].firstIndex(where: closingQuotes.contains) else { return nil }
        let quoted = clause[(open + 1)..<close]
        guard quoted.contains("-"), let last = quoted.split(separator: "-").last else { return nil }
        return name(last)
    }

    /// Whether `text` (folded) opens with a list marker: an item or heading, which ends the
    /// 科目 of the one before.
    static func isItem(_ text: String) -> Bool { ListMarker.scan(text) != nil }

    /// Whether a paragraph after a 科目's item goes on with the 科目's figures: it states none
    /// (no 元 or %: a wrapped line's rest, 主要用于…), or opens with a figure's measure only,
    /// after a year maybe (年初预算为…, 2025年当年预算执行数为…, a line wrapped inside 年初 / 预算为…),
    /// not with another item (此外，基本支出预算数为…; 项目支出预算数为…).
    static func continuesItem(_ text: String) -> Bool {
        guard text.contains(utf8: "元") || text.contains(utf8: "%") else { return true }
        var rest = Substring(text).drop { " \u{0C}。，,".contains($0) }
        let year = rest.prefix { $0.isASCII && $0.isNumber }
        if !year.isEmpty, rest[year.endIndex...].hasPrefix("年") {
            rest = rest[year.endIndex...].dropFirst()
            if rest.hasPrefix("度") { rest = rest.dropFirst() }
        }
        return measureOpenings.contains { rest.hasPrefix($0) }
    }

    /// How a 科目's figures open their sentences in the 情况说明 templates.
    private static let measureOpenings = ["年初预算", "支出决算", "决算数", "预算", "当年预算", "全年预算", "调整预算", "执行数", "主要用于", "主要原因"]

    private static let openingQuotes: Set<Character> = ["“", "\""]
    private static let closingQuotes: Set<Character> = ["”", "\""]

    /// A 科目's name: without digits (一 is a Character's number too), of a length names
    /// have; letter-spaced text's spaces are none of it.
    private static func name(_ characters: ArraySlice<Character>) -> String? {
        let name = String(characters.filter { $0 != " " })
        guard (2...40).contains(name.count), !name.contains(where: { $0.isASCII && $0.isNumber }) else { return nil }
        return String(name)
    }
}
