#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads what a report says about itself (department, year, 决算 or 预算) from
/// its opening lines and headings.
enum ReportInfoReader {
    /// How far into a report its identity is looked for.
    static let searchedParagraphs = 400
    /// How many tables a tables-only report's department is looked for above.
    static let captionedTables = 3

    /// Suffixes that end the name of a government body.
    static let organizationSuffixes = [
        "委员会", "办公室", "办公厅", "街道办事处", "管理委员会", "人民政府", "检察院", "法院",
        "联合会", "协会", "中心", "局", "厅", "委", "院", "部", "署", "所", "站", "队", "馆", "处", "会",
        "学校", "中学", "小学", "幼儿园",
    ]

    /// What the report says of itself in its opening paragraphs, or, for the department of
    /// a tables-only report, above its first tables (``department(inCaptionsOf:)``).
    static func read(_ paragraphs: [FoldedText], tables: [Table]) -> ReportInfo {
        var info = read(paragraphs)
        if info.department == nil { info.department = department(inCaptionsOf: tables) }
        return info
    }

    /// What a title may end in after its 决算 or 预算 (…2019年决算公开报告).
    private static let titleTails: Set<String> = ["", "公开", "报告", "公开说明", "公开报告"]

    private static func read(_ paragraphs: [FoldedText]) -> ReportInfo {
        var info = ReportInfo()
        let texts = paragraphs.prefix(searchedParagraphs).lazy.map { withoutSpaces($0.text) }
        // 算, which 决算 and 预算 share, spares the scan below almost every paragraph.
        for paragraph in paragraphs.prefix(searchedParagraphs) where paragraph.text.contains(utf8: "算") {
            let text = withoutSpaces(paragraph.text)
            if info.title == nil, let titled = yearFirstTitle(text) {
                (info.title, info.department, info.year, info.kind) = (titled.title, titled.department, titled.year, titled.kind)
                continue
            }
            guard let found = yearAndKind(in: text) else { continue }
            if info.year == nil {
                info.year = found.year
                info.kind = found.kind
            }
            // A title line: the whole line is "[department]2021年度部门决算[公开|报告]", or
            // "department2018年部门预算情况说明" (a 情况说明 heading names no department). Its
            // year is the report's, whatever a sentence before it compared with (比2022年预算).
            let prefix = String(text[..<found.range.lowerBound])
            let tail = text[found.range.upperBound...]
            // Forty characters counted no further than the forty-first: a paragraph may be long.
            if info.title == nil, text.dropFirst(40).isEmpty,
               titleTails.contains(String(tail)) || (tail == "情况说明" && isOrganization(prefix)) {
                info.title = text
                info.year = found.year
                info.kind = found.kind
                if isOrganization(prefix) { info.department = prefix }
            }
        }
        if info.title == nil, let titled = texts.prefix(performanceTitleParagraphs).lazy.compactMap(performanceTitle).first {
            info.title = titled.title
            info.year = info.year ?? titled.year
            info.department = info.department ?? titled.department
        }
        if info.year == nil, let titled = texts.lazy.compactMap(yearOfTableTitle).first {
            (info.year, info.kind) = (titled.year, titled.kind)
        }
        if info.department == nil {
            // A labelled line near the start wins over a line that only names a body.
            info.department = texts.prefix(labelledParagraphs).lazy.compactMap(labelledOrganization).first
                ?? texts.lazy.compactMap(organizationLine).first
                ?? texts.lazy.compactMap(organizationBeforeYear).first
        }
        return info
    }

    /// The year and kind a tables-only report gives in a table's title, as nothing else
    /// there names them: 2019年政府采购预算表, 十二、2017 年…政府采购预算表 (or with a caption
    /// run into it: 2018年政府采购预算表部门:…).
    private static func yearOfTableTitle(_ text: String) -> (year: Int, kind: ReportInfo.Kind)? {
        // A title at the top of a page keeps its form feed.
        var title = text.trimmingSpaces
        if let marker = ListMarker.scan(String(title)) { title = title.dropFirst(marker.text.count) }
        let scalars = Array(title.unicodeScalars.prefix(40))
        guard scalars.count >= 8, let year = leadingYear(scalars),
              let at = (5..<(scalars.count - 2)).first(where: { i in
                  (scalars[i] == "决" || scalars[i] == "预") && scalars[i + 1] == "算" && scalars[i + 2] == "表"
              })
        else { return nil }
        return (year, scalars[at] == "决" ? .finalAccounts : .budget)
    }

    /// How far into a report a performance report's title is looked for: its cover, or below a
    /// web page's heading and its 索引号, 发布机构, 发布日期 lines.
    static let performanceTitleParagraphs = 40

    /// The title of a performance (self-)evaluation report, which names no 决算 or 预算:
    /// 2023年度永州市应急管理局部门整体支出绩效自评报告, 永州市应急管理局2023年度安全生产专项项目
    /// 支出绩效自评报告, 关于2023年度部门整体支出绩效自评的报告, or of a page that is one 自评表
    /// (成安县民政局2020年度预算项目绩效自评表); its year, and the body it names before or right
    /// after the year, if any.
    private static func performanceTitle(_ text: String) -> (title: String, department: String?, year: Int?)? {
        // Asked of a report's first paragraphs only; a numbered heading (三、…绩效自评报告) is a part.
        // On the bytes first: a search by Characters in each of 40 paragraphs cost 0.5 M
        // instructions a report.
        guard text.utf8.count <= 180, text.contains(utf8: "绩效"), !text.contains(utf8: "，"), !text.contains(utf8: "。"),
              ListMarker.scan(text) == nil else { return nil }
        // …自评报告(春节慰问经费项目), …绩效自评表(2023年度): a title may end in an aside.
        let body = text.hasSuffix(")") ? text[..<(text.lastIndex(of: "(") ?? text.endIndex)] : text[...]
        guard performanceTitleEndings.contains(where: { body.hasSuffix($0) }) else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= 60 else { return nil }
        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        let at = (0..<max(0, scalars.count - 4)).first { i in
            scalars[i..<(i + 4)].allSatisfy(\.isASCIIDigit) && scalars[i + 4] == "年" && (i == 0 || !scalars[i - 1].isASCIIDigit)
        }
        guard let at, let year = leadingYear(Array(scalars[at...])) else { return (text, nil, nil) }
        var before = string(0..<at)
        if before.hasPrefix("关于") { before.removeFirst(2) }
        if isOrganization(before) { return (text, before, year) }
        // After the year: the body up to what the report covers (部门整体支出, 项目支出).
        let start = at + (scalars[at + 5] == "度" ? 6 : 5)
        let after = string(start..<scalars.count)
        let name = ["部门整体", "单位整体", "整体支出", "项目支出", "部门", "单位"].lazy
            .compactMap { after.firstRange(of: $0).map { String(after[..<$0.lowerBound]) } }.first { isOrganization($0) }
        return (text, name, year)
    }

    private static let performanceTitleEndings = ["报告", "自评表", "自评表公开"]

    /// The year a title opens with (2017年…), 1900–2099.
    private static func leadingYear(_ scalars: [Unicode.Scalar]) -> Int? {
        guard scalars.count > 4, scalars[..<4].allSatisfy(\.isASCIIDigit), scalars[4] == "年",
              let year = Int(String(String.UnicodeScalarView(scalars[..<4]))), (1900...2099).contains(year) else { return nil }
        return year
    }

    /// The department a tables-only report names only above its first tables, where plain
    /// pdftotext leaves that caption among the cells: 部门:中国共产党江苏省委员会办公厅, or 部门:
    /// and the name in the next cell.
    private static func department(inCaptionsOf tables: [Table]) -> String? {
        for table in tables.prefix(captionedTables) {
            let top = table.cells.filter { $0.row < 3 }.map { withoutSpaces($0.text) }
            for (k, text) in top.enumerated() {
                if let name = labelledOrganization(text) { return name }
                if k + 1 < top.count, departmentLabels.contains(text), let name = labelledOrganization(text + top[k + 1]) {
                    return name
                }
            }
        }
        return nil
    }

    /// A title that puts its year first, the department after it: 2017年度江苏省高级人民法院部门预算公开
    /// (a cover's date after it, 2018年2月24日, left out).
    private static func yearFirstTitle(_ text: String) -> (title: String, department: String, year: Int, kind: ReportInfo.Kind)? {
        // Asked of every opening paragraph with 算: most fail on their first byte.
        guard text.utf8.count <= 180, let first = text.utf8.first, first &- 0x30 < 10 else { return nil }
        let scalars = Array(text.unicodeScalars)
        guard (8...60).contains(scalars.count), let year = leadingYear(scalars) else { return nil }
        var end = scalars.count
        // 2018年2月24日 at the end.
        if scalars.last == "日", let at = (0..<(end - 5)).last(where: { i in
            scalars[i...(i + 3)].allSatisfy(\.isASCIIDigit) && scalars[i + 4] == "年" && (i == 0 || !scalars[i - 1].isASCIIDigit)
        }), at > 5, scalars[(at + 5)...].allSatisfy({ $0.isASCIIDigit || $0 == "月" || $0 == "日" }) {
            end = at
        }
        let start = scalars[5] == "度" ? 6 : 5
        func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        // The last 决算 or 预算, with only what a title ends in after it.
        guard let at = (start..<max(start, end - 1)).last(where: { i in
            (scalars[i] == "决" || scalars[i] == "预") && scalars[i + 1] == "算"
        }), titleTails.contains(string((at + 2)..<end)) else { return nil }
        var name = string(start..<at)
        if name.hasSuffix("部门") || name.hasSuffix("单位") { name = String(name.dropLast(2)) }
        guard isOrganization(name) else { return nil }
        return (string(0..<end), name, year, scalars[at] == "决" ? .finalAccounts : .budget)
    }

    /// How far into a report a labelled department is looked for: its cover, or the caption
    /// of a tables-only report's first table.
    static let labelledParagraphs = 40

    /// The labels a budget's cover or a table's caption puts before its department
    /// (预算主管部门：上海市普陀区司法局; 部门：江苏省政协办公厅  单位：万元).
    private static let departmentLabels = ["预算主管部门:", "预算单位:", "主管部门:", "部门名称:", "单位名称:", "部门:"]

    /// The body a line names after a department label, up to a 单位: that follows; folded
    /// text spells ： as :.
    private static func labelledOrganization(_ text: String) -> String? {
        // Byte for byte: String's hasPrefix compares Characters, for every opening paragraph.
        guard let label = departmentLabels.first(where: { text.utf8.starts(with: $0.utf8) }) else { return nil }
        var name = text.dropFirst(label.count)
        if let unit = name.firstRange(of: "单位:") { name = name[..<unit.lowerBound] }
        return isOrganization(String(name)) ? String(name) : nil
    }

    /// `text` without its spaces and tabs, dropped as UTF-8 bytes: filtering Characters
    /// broke graphemes and compared strings, a tenth of a small report's parse; filtering
    /// the UTF-8 view into an array, a fifth of what reading the report's title costs.
    private static func withoutSpaces(_ text: String) -> String {
        guard text.contains(utf8: 0x20) || text.contains(utf8: 0x09) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { kept in
                var count = 0
                for byte in bytes where byte != 0x20 && byte != 0x09 {
                    kept[count] = byte
                    count += 1
                }
                return count
            }
        }
    }

    /// The first "2021年度部门决算" in `text` (年度 or 年, 部门 or 单位 optional, 决算 or 预算).
    static func yearAndKind(in text: String) -> (year: Int, kind: ReportInfo.Kind, range: Range<String.Index>)? {
        var text = text
        guard let found = text.withUTF8(yearAndKind) else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: found.start)
        return (found.year, found.kind, start..<utf8.index(start, offsetBy: found.end - found.start))
    }

    /// The words before a year that compare with it.
    private static let comparisons: [StaticString] = ["比", "较", "与", "同"]

    /// The level of government a budget may name between its year and 部门 (2023年区级部门预算).
    private static let levels: [StaticString] = ["区级", "市级", "省级", "县级", "本级"]

    /// `yearAndKind(in:)` over the UTF-8 bytes, as byte offsets: it runs on every opening
    /// paragraph with 算, and an array of scalars for each was 2% of a small report's parse.
    private static func yearAndKind(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, kind: ReportInfo.Kind, start: Int, end: Int)? {
        let isDigit = { (i: Int) in bytes[i] &- 0x30 < 10 }
        func word(_ word: StaticString, at i: Int) -> Bool {
            i + word.utf8CodeUnitCount <= bytes.count
                && memcmp(bytes.baseAddress! + i, word.utf8Start, word.utf8CodeUnitCount) == 0
        }
        var i = 0
        while i + 7 <= bytes.count {
            defer { i += 1 }
            guard bytes[i] == 0x31 || bytes[i] == 0x32, bytes[i + 1] == 0x39 || bytes[i + 1] == 0x30,
                  isDigit(i + 2), isDigit(i + 3), word("年", at: i + 4), i == 0 || !isDigit(i - 1),
                  // 比2022年预算减少10万元: the year compared with is not the report's.
                  !comparisons.contains(where: { i >= $0.utf8CodeUnitCount && word($0, at: i - $0.utf8CodeUnitCount) })
            else { continue }
            var k = i + 7
            if word("度", at: k) { k += 3 }
            // 2023年区级部门预算, as 上海's budgets say, 市级 and 区级 alike.
            if levels.contains(where: { word($0, at: k) }) { k += 6 }
            if word("部门", at: k) || word("单位", at: k) { k += 6 }
            let kind: ReportInfo.Kind
            if word("决算", at: k) { kind = .finalAccounts } else if word("预算", at: k) { kind = .budget } else { continue }
            let year = (i..<(i + 4)).reduce(0) { $0 * 10 + Int(bytes[$1] - 0x30) }
            return (year, kind, i, k + 6)
        }
        return nil
    }

    /// Whether `text` names a year: 2021年 (1900–2099, not inside a longer number).
    static func containsYear(_ text: String) -> Bool { !text.namedYears.isEmpty }

    /// A short line that names a body: 永州市应急管理局概况, 上海市普陀区财政局.
    private static func organizationLine(_ text: String) -> String? {
        var name = Substring(text)
        if let marker = ListMarker.scan(String(name)), marker.style == .part {
            name = name.dropFirst(marker.text.count)
        }
        // 项目单位     南湖新区民政局: a form's label a few spaces before its body, run together.
        if let label = cellLabels.first(where: { name.hasPrefix($0) }) { name = name.dropFirst(label.count) }
        for suffix in ["基本概况", "概况"] where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
        }
        let candidate = String(name)
        return isOrganization(candidate) ? candidate : nil
    }

    /// The labels a form puts before its department in a cell of their own.
    private static let cellLabels = ["项目单位", "实施单位", "主管部门", "预算单位", "部门名称", "单位名称", "填报单位"]

    /// The body a sentence opens with, right before a year: 江苏省政协办公厅2019年度收入、支出预算总计…,
    /// in a report without a cover (江苏省政协办公厅 2019 部门预算, whose tables came apart).
    private static func organizationBeforeYear(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars.prefix(36))
        guard let at = (4..<max(4, scalars.count - 4)).first(where: { i in
            scalars[i..<(i + 4)].allSatisfy(\.isASCIIDigit) && scalars[i + 4] == "年"
        }), leadingYear(Array(scalars[at...])) != nil else { return nil }
        let name = String(String.UnicodeScalarView(scalars[..<at]))
        return isOrganization(name) ? name : nil
    }

    private static func isOrganization(_ name: String) -> Bool {
        guard (4...30).contains(name.count),
              name.allSatisfy({ $0.isLetter }),
              organizationSuffixes.contains(where: { name.hasSuffix($0) })
        else { return false }
        // A place name opens a body's name: 永州市…, 上海市普陀区…, 江苏省…
        return name.contains(where: { "省市区县州旗盟".contains($0) }) || name.hasPrefix("中共")
    }
}
