#if canImport(Glibc)
import Glibc
#endif

/// The 科目 (of the 功能分类, or the 经济分类 that some 预算s explain too) a list item of the
/// text explains, by its last level as its table row names it:
/// 1、一般公共服务支出（类）统计信息事务（款）专项普查活动（项）39.99万元 → 专项普查活动;
/// 1. “卫生健康支出-行政事业单位医疗-行政单位医疗”科目78.29万元 → 行政单位医疗; 1.小学教育（2050202），
/// 2024年度决算数为8,627.17万元 → 小学教育; a heading
/// （二）社会保障和就业支出（类） → 社会保障和就业支出.
///
/// The 情况说明 of 决算 and 预算 explain the 科目 one by one, and give each one's figures
/// under it (年初预算为76.33万元，支出决算为39.99万元), whose labels then say which figure of it
/// they are and not whose: ``Figure/subject`` says whose.
enum SubjectItems {
    /// Whether `text` (folded) opens with a list marker, an item or heading, which ends the
    /// 科目 of the one before; and the 科目 it names, if it names one by its levels in its
    /// first clause.
    /// `mayName` is ``mayNameSubject(_:)`` of `text`, asked before.
    static func item(_ text: String, mayName: Bool) -> (isItem: Bool, subject: String?) {
        if let marker = ListMarker.scan(text) { return (true, mayName ? subject(from: marker.range.upperBound, in: text) : nil) }
        // 一般公共服务(类)政府办公厅(室)及相关机构事务(款)(项):支出决算为441.72万元: a 科目 named by its
        // levels right before a colon opens an item as a marker does.
        guard mayName, let subject = subject(from: 0, in: text, beforeColon: true) else { return (false, nil) }
        return (true, subject)
    }

    /// Whether `text` (folded) may name a 科目 by its levels: a level's closing (项) (款) (类)
    /// in its first few hundred bytes, or an opening quote right after its marker (“…-…”).
    /// On the bytes, with memchr for each ), as every paragraph is asked before it is read for
    /// a marker, or an item's first clause as scalars.
    static func mayNameSubject(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 3 else { return false }
            let end = min(bytes.count, 3 * maxClause)
            var from = 3
            while from < end, let hit = memchr(base + from, Int32(UInt8(ascii: ")")), end - from) {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                // 项 E9 A1 B9, 款 E6 AC BE, 类 E7 B1 BB.
                let (a, b, c) = (bytes[i - 3], bytes[i - 2], bytes[i - 1])
                if (a, b, c) == (0xE9, 0xA1, 0xB9) || (a, b, c) == (0xE6, 0xAC, 0xBE) || (a, b, c) == (0xE7, 0xB1, 0xBB) { return true }
                // A code: 小学教育（2050202）.
                if [a, b, c].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return true }
                from = i + 1
            }
            // “ is E2 80 9C: after a marker of a few characters.
            let head = min(bytes.count, 32)
            return (0..<max(0, head - 2)).contains { bytes[$0] == 0xE2 && bytes[$0 + 1] == 0x80 && bytes[$0 + 2] == 0x9C }
        }
    }

    /// The 科目 an item names after its marker, which ends at UTF-16 offset `start`; with
    /// `beforeColon`, only the levels that end the first clause right before a colon. On
    /// scalars, and on the item's first clause up to a bound: this runs for every numbered
    /// paragraph (read as Characters, it cost 12% of a scraped report's parse).
    private static func subject(from start: Int, in text: String, beforeColon: Bool = false) -> String? {
        // Its first clause: a 科目 is named before its figure's 。，；：.
        var clause: [Unicode.Scalar] = []
        clause.reserveCapacity(maxClause)
        var units = 0  // the marker's end is a UTF-16 offset: counted, as an index offset builds breadcrumbs
        var end: Unicode.Scalar? = nil
        for scalar in text.unicodeScalars {
            if units < start {
                units += UTF16.width(scalar)
                continue
            }
            if clauseEnds.contains(scalar) || clause.count == maxClause {
                end = scalar
                break
            }
            clause.append(scalar)
        }
        if beforeColon {
            guard end == ":" || end == "：", clause.count >= 3, Self.levelOpen(closingAt: clause.count - 1, in: clause) != nil else { return nil }
        }
        // (项) (款) (类), or with the level's code, (01项): the last level named ends the 科目's
        // name, which starts after the level before it or a quote (not after an aside of the
        // name's own: 政府办公厅(室)及相关机构事务(款)); a level left unnamed, 事务(款)(项), leaves
        // the one before it the last named.
        func levelOpen(closingAt i: Int) -> Int? { Self.levelOpen(closingAt: i, in: clause) }
        var level = clause.count
        while let close = clause[..<level].indices.last(where: { levelOpen(closingAt: $0) != nil }), let end = levelOpen(closingAt: close) {
            let start = clause[..<end].indices.last { levelOpen(closingAt: $0) != nil || nameStarts.contains(clause[$0]) }.map { $0 + 1 } ?? 0
            // Every 类 of the 功能分类 is named …支出, which 公共安全（类）支出 writes after its level.
            if start < end { return name(clause[start..<end]).map { clause[close - 1] == "类" && !$0.hasSuffix("支出") ? $0 + "支出" : $0 } }
            level = end
        }
        // 1.小学教育（2050202），2024年度决算数为…: a 科目 by its code, of a 类, 款 or 项 (3, 5 or 7
        // digits; not a year's 4).
        if !beforeColon, clause.last == ")", let codeOpen = clause.lastIndex(of: "("),
           case let code = clause[(codeOpen + 1)..<(clause.count - 1)], [3, 5, 7].contains(code.count), code.allSatisfy(\.isASCIIDigit) {
            return name(clause[..<codeOpen])
        }
        // “卫生健康支出-行政事业单位医疗-行政单位医疗”: the quoted levels, hyphenated.
        guard let open = clause.firstIndex(where: { $0 != " " }), openingQuotes.contains(clause[open]),
              let close = clause[(open + 1)...].firstIndex(where: closingQuotes.contains) else { return nil }
        let quoted = clause[(open + 1)..<close]
        guard quoted.contains("-"), let last = quoted.split(separator: "-").last else { return nil }
        return name(last)
    }

    /// Where the (项), (款) or (类) closing at `i` opens: (项) (款) (类), or with the level's code, (01项).
    private static func levelOpen(closingAt i: Int, in clause: [Unicode.Scalar]) -> Int? {
        guard i >= 2, clause[i] == ")", levels.contains(clause[i - 1]) else { return nil }
        var open = i - 2
        while open > 0, clause[open].isASCIIDigit { open -= 1 }
        return clause[open] == "(" ? open : nil
    }

    /// A 科目 is named in the first few dozen characters of its item (its three levels in
    /// about 30).
    private static let maxClause = 80
    // Arrays, not sets: comparing a scalar with a few costs less than hashing it, and every
    // scalar of an item's first clause is asked.
    private static let clauseEnds: [Unicode.Scalar] = ["。", "，", "；", "：", ";", ":"]
    private static let levels: [Unicode.Scalar] = ["项", "款", "类"]
    private static let nameStarts: [Unicode.Scalar] = ["”", "“", "\""]

    /// Whether a paragraph after a 科目's item goes on with the 科目's figures: it states none
    /// (no 元 or %: a wrapped line's rest, 主要用于…), or opens with a figure's measure only,
    /// after a year maybe (年初预算为…, 2025年当年预算执行数为…, a line wrapped inside 年初 / 预算为…),
    /// not with another item (此外，基本支出预算数为…; 项目支出预算数为…).
    static func continuesItem(_ text: String) -> Bool {
        guard text.contains(utf8: "元") || text.contains(utf8: "%") else { return true }
        // On the bytes: the marks, spaces and form feed before it, then a year (2025年, 2025年度).
        var rest = text.utf8[...]
        while let first = rest.first, first == 0x20 || first == 0x0C || first == UInt8(ascii: ",") { rest = rest.dropFirst() }
        while rest.starts(with: "。".utf8) || rest.starts(with: "，".utf8) { rest = rest.dropFirst(3) }
        let digits = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        if digits > 0, rest.dropFirst(digits).starts(with: "年".utf8) {
            rest = rest.dropFirst(digits + 3)
            if rest.starts(with: "度".utf8) { rest = rest.dropFirst(3) }
        }
        return measureOpenings.contains { rest.starts(with: $0.utf8) }
    }

    /// How a 科目's figures open their sentences in the 情况说明 templates.
    private static let measureOpenings = ["年初预算", "支出决算", "决算数", "预算", "当年预算", "全年预算", "调整预算", "执行数", "主要用于", "主要原因"]

    private static let openingQuotes: [Unicode.Scalar] = ["“", "\""]
    private static let closingQuotes: [Unicode.Scalar] = ["”", "\""]

    /// A 科目's name: without digits, of a length names have; letter-spaced text's spaces are
    /// none of it.
    private static func name(_ scalars: ArraySlice<Unicode.Scalar>) -> String? {
        let kept = scalars.filter { $0 != " " }
        guard (2...40).contains(kept.count), !kept.contains(where: \.isASCIIDigit) else { return nil }
        return String(String.UnicodeScalarView(kept))
    }
}
