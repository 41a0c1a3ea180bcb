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
        let texts = paragraphs.prefix(searchedParagraphs).map { $0.text.filter { $0 != " " && $0 != "\t" } }
        for text in texts {
            guard let match = text.firstMatch(of: #/((?:19|20)\d\d)年度?(?:部门|单位)?(决算|预算)/#) else { continue }
            if info.year == nil {
                info.year = Int(match.1)
                info.kind = match.2 == "决算" ? .finalAccounts : .budget
            }
            // A title line: the whole line is "[department]2021年度部门决算[公开|报告]".
            let rest = text[match.range.upperBound...]
            if info.title == nil, text.count <= 40, ["", "公开", "报告", "公开说明"].contains(String(rest)) {
                info.title = text
                let prefix = String(text[..<match.range.lowerBound])
                if isOrganization(prefix) { info.department = prefix }
            }
        }
        if info.department == nil {
            info.department = texts.lazy.compactMap(organizationLine).first
        }
        return info
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
