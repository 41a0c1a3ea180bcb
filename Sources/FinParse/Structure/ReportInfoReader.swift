/// Reads what a report says about itself (department, year, 决算 or 预算) from
/// its opening lines and headings.
enum ReportInfoReader {
    /// How far into a report its identity is looked for.
    static let searchedParagraphs = 400

    /// Suffixes that end the name of a government body.
    static let organizationSuffixes = [
        "委员会", "办公室", "办公厅", "街道办事处", "管理委员会", "人民政府", "检察院", "法院",
        "联合会", "协会", "中心", "局", "厅", "委", "院", "部", "署", "所", "站", "队", "馆", "处", "会",
    ]

    static func read(_ paragraphs: [FoldedText]) -> ReportInfo {
        var info = ReportInfo()
        let texts = paragraphs.prefix(searchedParagraphs).lazy.map { $0.text.filter { $0 != " " && $0 != "\t" } }
        for paragraph in paragraphs.prefix(searchedParagraphs) where containsSuan(paragraph.text) {
            let text = paragraph.text.filter { $0 != " " && $0 != "\t" }
            guard let found = yearAndKind(in: text) else { continue }
            if info.year == nil {
                info.year = found.year
                info.kind = found.kind
            }
            // A title line: the whole line is "[department]2021年度部门决算[公开|报告]", or
            // "department2018年部门预算情况说明" (a 情况说明 heading names no department).
            let prefix = String(text[..<found.range.lowerBound])
            let tail = text[found.range.upperBound...]
            if info.title == nil, text.count <= 40,
               ["", "公开", "报告", "公开说明"].contains(tail) || (tail == "情况说明" && isOrganization(prefix)) {
                info.title = text
                if isOrganization(prefix) { info.department = prefix }
            }
        }
        if info.department == nil {
            info.department = texts.lazy.compactMap(organizationLine).first
        }
        return info
    }

    /// Whether `text` holds 算 (UTF-8 E7 AE 97), which 决算 and 预算 share: a cheap test
    /// that spares the scan below almost every paragraph.
    private static func containsSuan(_ text: String) -> Bool {
        var last = (UInt8(0), UInt8(0))
        for byte in text.utf8 {
            if byte == 0x97 && last == (0xE7, 0xAE) { return true }
            last = (last.1, byte)
        }
        return false
    }

    /// The first "2021年度部门决算" in `text` (年度 or 年, 部门 or 单位 optional, 决算 or 预算).
    static func yearAndKind(in text: String) -> (year: Int, kind: ReportInfo.Kind, range: Range<String.Index>)? {
        let scalars = Array(text.unicodeScalars)
        let digit = { (s: Unicode.Scalar) in s.value >= 0x30 && s.value <= 0x39 }
        var i = 0
        while i + 4 < scalars.count {
            defer { i += 1 }
            guard scalars[i] == "1" || scalars[i] == "2", scalars[i + 1] == "9" || scalars[i + 1] == "0",
                  digit(scalars[i + 2]), digit(scalars[i + 3]), scalars[i + 4] == "年",
                  i == 0 || !digit(scalars[i - 1])
            else { continue }
            var k = i + 5
            if k < scalars.count, scalars[k] == "度" { k += 1 }
            if k + 1 < scalars.count, (scalars[k] == "部" && scalars[k + 1] == "门") || (scalars[k] == "单" && scalars[k + 1] == "位") { k += 2 }
            guard k + 1 < scalars.count, scalars[k + 1] == "算", scalars[k] == "决" || scalars[k] == "预" else { continue }
            let year = scalars[i..<(i + 4)].reduce(0) { $0 * 10 + Int($1.value - 0x30) }
            let view = text.unicodeScalars
            let start = view.index(view.startIndex, offsetBy: i)
            return (year, scalars[k] == "决" ? .finalAccounts : .budget, start..<view.index(start, offsetBy: k + 2 - i))
        }
        return nil
    }

    /// Whether `text` names a year: 2021年 (1900–2099, not inside a longer number).
    static func containsYear(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let digit = { (s: Unicode.Scalar) in s.value >= 0x30 && s.value <= 0x39 }
        guard scalars.count >= 5 else { return false }
        for i in 0...(scalars.count - 5)
        where (scalars[i] == "1" || scalars[i] == "2") && (scalars[i + 1] == "9" || scalars[i + 1] == "0")
            && digit(scalars[i + 2]) && digit(scalars[i + 3]) && scalars[i + 4] == "年" && (i == 0 || !digit(scalars[i - 1])) {
            return true
        }
        return false
    }

    /// A short line that names a body: 永州市应急管理局概况, 上海市普陀区财政局.
    private static func organizationLine(_ text: String) -> String? {
        var name = Substring(text)
        if let marker = ListMarker.scan(String(name)), marker.style == .part {
            name = name.dropFirst(marker.text.count)
        }
        for suffix in ["基本概况", "概况"] where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
        }
        let candidate = String(name)
        return isOrganization(candidate) ? candidate : nil
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
