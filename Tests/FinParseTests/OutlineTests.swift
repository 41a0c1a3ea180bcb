import Testing
@testable import FinParse

@Suite("Outline")
struct OutlineTests {
    private func outline(_ text: String) -> Document { Document(parsing: text) }

    /// "kind marker title" of each node, indented by depth.
    private func shape(_ document: Document) -> [String] {
        document.sections.map { visit in
            let s = visit.section
            return String(repeating: "  ", count: visit.depth) + "\(s.kind.rawValue) \(s.marker ?? "-") \(s.title)"
        }
    }

    @Test func corpusParts() throws {
        let parts = Corpus.yongzhouDocument.outline
        #expect(parts.map(\.marker) == ["第一部分", "第二部分", "第三部分", "第四部分", "第五部分"])
        #expect(parts.map(\.number) == [1, 2, 3, 4, 5])
        #expect(parts.map(\.title) == ["永州市应急管理局概况", "部门决算表(见附件1)", "2021年度部门决算情况说明", "名词解释", "附件"])
    }

    @Test func corpusPartThree() throws {
        let part = Corpus.yongzhouDocument.outline[2]
        #expect(part.children.count == 13)
        #expect(part.children.allSatisfy { $0.kind == .heading })
        #expect(part.children.map(\.number) == Array(1...13))
        #expect(part.children[10].marker == "十一、")
        #expect(part.children[10].title == "关于政府采购支出说明")
        let five = part.children[4]
        #expect(five.children.map(\.marker) == ["(一)", "(二)", "(三)"])
        let items = five.children[2].children
        #expect(items.count == 9)
        #expect(items.map(\.number) == Array(1...9))
        #expect(items.allSatisfy { $0.kind == .item && $0.marker == "\($0.number!)、" })
        #expect(items[0].line == 92)
    }

    @Test func corpusItemsOfPartOneAndThree() throws {
        let one = Corpus.yongzhouDocument.outline[2].children[0]
        #expect(one.children.map(\.kind) == [.item, .item])
        #expect(one.children[0].title == "2021年度收入总计2553.52万元")
        #expect(one.children[0].line == 67)
    }

    @Test func corpusDefinitions() throws {
        let part = Corpus.yongzhouDocument.outline[3]
        #expect(part.children.count == 6)
        #expect(part.children.allSatisfy { $0.kind == .item })
        #expect(part.children.map(\.title) == ["财政拨款收入", "上级补助收入", "基本支出", "项目支出", "“三公”经费", "机关运行经费"])
    }

    @Test func corpusBoundReports() throws {
        let titles = Corpus.yongzhouDocument.outline[4].children.filter { $0.kind == .title }.map(\.title)
        #expect(titles.filter { $0 == "2021年度项目支出绩效自评报告" }.count == 3)
        #expect(titles.first == "2021年度部门整体支出绩效评价报告")
        #expect(titles.contains("2021年度部门整体支出绩效自评表"))
        // Numbering starts again under each bound report.
        let report = Corpus.yongzhouDocument.outline[4].children[0]
        #expect(report.children.first?.marker == "一、")
    }

    @Test func corpusOutlineGolden() throws {
        try Golden.check(Corpus.yongzhouDocument.outline, against: "yongzhou-yingji-2021-juesuan.outline.json")
    }

    @Test func markerSpellings() {
        let document = outline("""
            第 一 部分 概况
            一、职责
            （一）机构
            (二)人员
            1、科室
            2．处室
            3. 队伍
            （1）办公室
            (2)指挥中心
            ①第一项工作
            ②第二项工作
            二十三、其他
            """)
        #expect(shape(document) == [
            "heading 第一部分 概况",
            "  heading 一、 职责",
            "    heading (一) 机构",
            "    heading (二) 人员",
            "      heading 1、 科室",
            "      heading 2. 处室",
            "      heading 3. 队伍",
            "        heading (1) 办公室",
            "        heading (2) 指挥中心",
            "          heading ① 第一项工作",
            "          heading ② 第二项工作",
            "  heading 二十三、 其他",
        ])
        #expect(document.outline[0].children[1].number == 23)
        #expect(document.diagnostics.map(\.code) == ["numbering-gap"])
    }

    @Test func skippedLevelsNestAsWritten() {
        let document = outline("""
            第一部分 概况
            1、直接在部分下的列表
            2、第二项
            第二部分 说明
            一、总体情况
            （一）收入
            （1）跳过了一级
            """)
        #expect(shape(document) == [
            "heading 第一部分 概况",
            "  heading 1、 直接在部分下的列表",
            "  heading 2、 第二项",
            "heading 第二部分 说明",
            "  heading 一、 总体情况",
            "    heading (一) 收入",
            "      heading (1) 跳过了一级",
        ])
    }

    @Test func gapsAndRepeatsAreKeptAndReported() {
        let document = outline("""
            一、总体
            （一）收入
            （三）支出
            二、明细
            1、第一
            2、第二
            1、又一个列表
            """)
        #expect(document.outline[0].children.map(\.number) == [1, 3])
        #expect(document.diagnostics.map(\.code) == ["numbering-gap", "numbering-repeat"])
        #expect(document.diagnostics.map(\.line) == [3, 7])
    }

    /// Items numbered across their sections (一、 1.–2., 二、 3.–4.) go on from the list under
    /// the heading before; a list that starts elsewhere than 1 or that number is still reported.
    @Test func itemsNumberedAcrossSectionsGoOn() {
        let document = outline("""
            一、捍卫安全
            1、严惩犯罪
            2、扫黑除恶
            二、公益诉讼
            3、推进诉讼
            4、食品安全
            三、司法改革
            四、信息化
            5、案管机器人
            五、队伍建设
            7、思想政治
            """)
        #expect(document.outline.map { $0.children.compactMap(\.number) } == [[1, 2], [3, 4], [], [5], [7]])
        #expect(document.diagnostics.map(\.code) == ["numbering-start"])
        #expect(document.diagnostics.map(\.line) == [11])
    }

    /// A list whose first item stands in a paragraph after a colon (具体包括： 1. 本部, 注：1.…)
    /// goes on at 2.; one whose 1. is nowhere, or stands after no colon, starts at 2. by mistake.
    @Test func aListMayStartAfterAColon() {
        let document = outline("""
            一、机构设置
            本部门预算单位共2家，具体包括： 1. 区司法局本部
            2. 区法律援助中心
            二、表格说明
            注：1.“机关运行经费”指行政单位的公用经费。
            2.“科目编码”为必填项。
            三、其他
            不是列表 1. 开头
            2.第二项
            """)
        #expect(document.diagnostics.map(\.code) == ["numbering-start"])
        #expect(document.diagnostics.map(\.line) == [9])
    }

    /// A note's next point (注：1.… / 2.…) is the note's, not a section of the report, and
    /// its number follows the note's 1., whatever list came before: the 江苏 法院 and 检察院
    /// 2019 预算s' table notes were outline sections and `numbering-repeat` warnings.
    @Test func aNotesPointsAreNoSections() throws {
        let document = outline("""
            第二部分 预算表
            一、收支预算总表
            二、收入预算总表
            2.表格的说明
            注：1.采购组织形式为：集中采购、部门集中采购和分散采购。
            2.采购品目名称根据《政府采购品目分类目录》规定品目名称填写。
            """)
        #expect(document.diagnostics.filter { $0.code.hasPrefix("numbering") }.map(\.line) == [4])
        #expect(document.outline.first?.children.flatMap { [$0.line] + $0.children.map(\.line) } == [2, 3, 4])
        for path in ["pdf/jiangsu-fayuan-2019-yusuan.layout.txt", "pdf/jiangsu-jianchayuan-2019-yusuan.layout.txt"] {
            let report = try Document(contentsOf: Corpus.path(path))
            #expect(!report.diagnostics.contains { $0.code == "numbering-repeat" && $0.message.hasPrefix("2. follows number 2") }, "\(path)")
            let part = try #require(report.outline.first { $0.marker == "第二部分" })
            #expect(part.children.isEmpty, "\(path)")
        }
    }

    /// The 2019 江苏省人民检察院 预算 numbers its 22 tasks across five headings: no list of them
    /// starts at the wrong number.
    @Test func aRealReportsTasksNumberedAcrossHeadings() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2019-yusuan.layout.txt"))
        let tasks = try #require(document.outline.first { $0.marker == "第一部分" }?.children.first { $0.title.contains("主要工作任务及目标") })
        let headings = document.outline.first { $0.marker == "第一部分" }!.children.filter { $0.line > tasks.line }.prefix(5)
        #expect(headings.flatMap { $0.children.compactMap(\.number) } == Array(1...22))
        #expect(!document.diagnostics.contains { d in d.code == "numbering-start" && headings.contains { $0.children.first?.line == d.line } })
    }

    @Test func headingOrItem() {
        let document = outline("""
            三、支出决算情况说明
            （一）2021年度收入总计2553.52万元。与上年相比，增加835.27万元。
            （二）财政拨款收入：指财政当年拨付的资金。
            """)
        let three = document.outline[0]
        #expect(three.kind == .heading)
        #expect(three.children.map(\.kind) == [.item, .item])
        #expect(three.children.map(\.title) == ["2021年度收入总计2553.52万元", "财政拨款收入"])
    }

    @Test func spacesAroundHeadings() {
        let document = outline("　　一、 部门职责   \n\u{00A0}（一）基本情况。  \n")
        #expect(shape(document) == ["heading 一、 部门职责", "  heading (一) 基本情况"])
    }

    /// ①设备购置50万元。, a short sentence stating a figure, was a heading (a short line
    /// closed by 。 read as a name); it is an item, as longer statements are. 基本情况。 stays one.
    @Test func aShortStatementOfAFigureIsAnItem() {
        let document = outline("一、项目支出\n（一）教学设备\n①设备购置50万元。\n②图书购置12.5万元。\n（二）基本情况。\n")
        #expect(shape(document) == [
            "heading 一、 项目支出", "  heading (一) 教学设备", "    item ① 设备购置50万元", "    item ② 图书购置12.5万元",
            "  heading (二) 基本情况",
        ])
    }

    @Test func numbersThatAreNotMarkers() {
        let document = outline("""
            一、概述
            2021年，我市发生生产安全事故94起。
            1-12月，全市安全形势稳定。
            1.5万元用于培训。
            """)
        #expect(shape(document) == ["heading 一、 概述"])
    }

    @Test func partTitleOnTheNextLine() {
        let document = outline("第一部分\n\n永州市应急管理局概况\n一、部门职责\n")
        #expect(shape(document) == ["heading 第一部分 永州市应急管理局概况", "  heading 一、 部门职责"])
    }

    /// A 预算 report of another department, in the shape of the Shanghai reports.
    /// 自评 pages as web sites serve them (保山, 忠县, 成安, 海南, 岳阳): the title below the page's
    /// 索引号 and 发布机构 lines, with an aside after it, or a page's one 自评表 for a title; a
    /// school's name; a form's label run into its department. Before, none of the five was read.
    @Test(arguments: [
        ("[ 索引号 ]\n11500233709436995H/2025-00204\n[ 发文字号 ]\n[ 主题分类 ]\n财政\n[ 体裁分类 ]\n财政预算、决算\n[ 发布机构 ]\n忠县民政局\n"
            + "[ 有效性 ]\n有效\n[ 成文日期 ]\n2025-05-30\n[ 发布日期 ]\n2025-05-30\n忠县民政局2024年度资金绩效自评报告\n一、基本情况",
         "忠县民政局2024年度资金绩效自评报告 忠县民政局 2024"),
        ("保山市卫生健康委员会2022年度项目绩效自评报告(春节慰问经费项目)\n一、项目基本情况",
         "保山市卫生健康委员会2022年度项目绩效自评报告(春节慰问经费项目) 保山市卫生健康委员会 2022"),
        ("成安县民政局2020年度预算项目绩效自评表\n发布日期: 2021.07.14", "成安县民政局2020年度预算项目绩效自评表 成安县民政局 2020"),
        ("海南省农垦实验中学2023年项目绩效自评表公开\n创建时间:2024-07-10", "海南省农垦实验中学2023年项目绩效自评表公开 海南省农垦实验中学 2023"),
        ("岳阳市南湖新区财政支出项目绩效评价自评报告\n项目单位     南湖新区民政局\n", "岳阳市南湖新区财政支出项目绩效评价自评报告 南湖新区民政局 -"),
    ])
    func aPerformancePagesTitleAndDepartment(text: String, expected: String) {
        let report = Document(parsing: text).report
        #expect("\(report.title ?? "-") \(report.department ?? "-") \(report.year.map(String.init) ?? "-")" == expected)
    }

    @Test func budgetReportOfAnotherDepartment() {
        let document = outline("""
            上海市普陀区司法局2026年度部门预算
            目录
            第一部分 上海市普陀区司法局概况
            一、主要职能
            （一）负责拟订全区法治建设规划，推进依法行政。
            （二）承担统筹规划全区立法工作的责任。
            二、机构设置
            第二部分 2026年度部门预算表
            第三部分 2026年度部门预算情况说明
            一、收支预算总体情况
            2026年度收入预算总计3528.40万元，比2025年增加120.5万元，增长3.54%。
            二、财政拨款收入支出预算总体情况
            第四部分 名词解释
            一、财政拨款收入：指区财政当年拨付的资金。
            """)
        #expect(document.report.kind == .budget)
        #expect(shape(document) == [
            "title - 上海市普陀区司法局2026年度部门预算",
            "heading 第一部分 上海市普陀区司法局概况",
            "  heading 一、 主要职能",
            "    item (一) 负责拟订全区法治建设规划，推进依法行政",
            "    item (二) 承担统筹规划全区立法工作的责任",
            "  heading 二、 机构设置",
            "heading 第二部分 2026年度部门预算表",
            "heading 第三部分 2026年度部门预算情况说明",
            "  heading 一、 收支预算总体情况",
            "  heading 二、 财政拨款收入支出预算总体情况",
            "heading 第四部分 名词解释",
            "  item 一、 财政拨款收入",
        ])
    }

    @Test func sectionHoldingALine() throws {
        let visit = try #require(Corpus.yongzhouDocument.section(containing: 143))
        #expect(visit.section.title == "关于政府采购支出说明")
        #expect(visit.path == ["2021年度部门决算情况说明"])
        #expect(Corpus.yongzhouDocument.section(containing: 74)?.section.title == "支出决算情况说明")
    }

    /// A 目录 typed as paragraphs is kept out of the outline, up to where the body repeats its
    /// first entry: the 财政局 决算's plain pdftotext text with its form feeds taken out, as a
    /// scraped copy has it (its lines wrapped at the page's width make it page text, its 目录
    /// the paged text's: lines 4–35, to its last entry, 第四部分 名词解释, the body's 第一部分 /
    /// 概况 not in it), and a Word report whose 目录
    /// was typed by hand (entries with leader dots and page numbers). Streamed, the JSON is the
    /// document's.
    @Test func aTableOfContentsTypedAsParagraphsIsKeptOut() throws {
        let raw = try String(contentsOfFile: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.raw.txt"), encoding: .utf8)
        let scraped = Array(raw.replacing("\u{0C}", with: "").utf8)
        let entries = ["第一部分 部门概况…………3", "一、主要职能…………3", "第二部分 2024年度部门决算表…………4", "一、收入支出决算总表…………4"]
        let body = (["上海市XX局2024年度部门决算", "目  录"] + entries
            + ["第一部分 部门概况", "一、主要职能", "主要职能是管理本市有关事务。", "第二部分 2024年度部门决算表", "一、收入支出决算总表", "（本表无数据）"])
            .map(Docx.p).joined()
        for (bytes, path) in [(scraped, "caizhengju.txt"), (try Docx.package(body: body), "typed.docx")] {
            let document = try Document(bytes: bytes, path: path)
            let parts = document.outline.compactMap(\.marker).filter { $0.hasPrefix("第") }
            #expect(parts == (path.hasSuffix(".txt") ? ["第一部分", "第二部分", "第三部分", "第四部分"] : ["第一部分", "第二部分"]))
            let contents = try #require(document.diagnostics.first { $0.code == "table-of-contents" })
            #expect(contents.message == (path.hasSuffix(".txt") ? "table of contents (27 entries, lines 4–35) kept out of the outline"
                                                               : "table of contents (5 entries, lines 2–6) kept out of the outline"))
            // Paragraphs are folded: … is ... there.
            #expect(!document.paragraphs.contains { $0.text.contains("...") || $0.text.hasPrefix("目") })
            let json = try Document.json(bytes: bytes, path: path)
            #expect(try StreamedJSONTests.bytes(of: json) == (try document.jsonData()))
        }
    }

    /// A 目录 whose entries list the tables by number (表一：收入支出决算总表) and end their headings
    /// with a 。 as the body does is kept out whole, up to the body's repeat of its first entry
    /// (before, it ended at its first table entry, and its 第三部分 and 第四部分 stood in the outline
    /// twice); its tables, missing from the text, are said to be.
    @Test func aTableOfContentsListingTablesByNumberIsKeptOutWhole() throws {
        let contents = ["第一部分：XX管理处概况", "一、单位主要职能", "第二部分：XX管理处2023年度单位决算报表", "表一：收入支出决算总表",
                        "表二：收入决算表", "第三部分：XX管理处2023年度单位决算情况说明", "一、2023年度收入支出决算总体情况。", "第四部分：名词解释"]
        let body = ["第一部分：XX管理处概况", "一、单位主要职能", "负责本市道路照明设施的管理。", "第二部分：XX管理处2023年度单位决算报表",
                    "第三部分：XX管理处2023年度单位决算情况说明", "一、2023年度收入支出决算总体情况。", "2023年度收入总计1234.56万元。",
                    "第四部分：名词解释"]
        let document = Document(parsing: (["XX管理处2023年度单位决算", "目  录"] + contents + body).joined(separator: "\n"))
        #expect(document.outline.compactMap(\.marker) == ["第一部分", "第二部分", "第三部分", "第四部分"])
        #expect(document.diagnostics.first { $0.code == "table-of-contents" }?.message
                == "table of contents (9 entries, lines 2–10) kept out of the outline")
        #expect(document.diagnostics.contains { $0.code == "listed-table-missing" })
    }

    /// A 目录 typed as paragraphs whose first entry the body never repeats ends with its last
    /// entry: the body's centred title (上海市XX局主要职能) and an entry that text follows
    /// (一、主要职能, the body's own heading) are no entries, and the outline holds none of
    /// them. Its heading may stand as 目 and 录 on two lines, as plain pdftotext prints a
    /// spaced-out 目 录; a 目 alone before it heads nothing and does not end the search.
    /// Typed in a .docx, and in scraped text; streamed, the JSON is the document's.
    @Test func aTypedTableOfContentsEndsWithItsLastEntry() throws {
        let entries = ["一、部门主要职能", "二、部门机构设置", "三、部门预算表", "1. 2025年部门收入预算总表", "2．2025年部门支出预算总表",
                       "四、其他相关情况说明"]
        let body = ["上海市XX局2025年部门预算", "目", "前言", "目", "录"] + entries
            + ["上海市XX局主要职能", "一、主要职能", "上海市XX局是本区政府的工作部门，主管本区有关事务。", "二、机构设置", "本局设三个科室。"]
        for (bytes, path) in [(try Docx.package(body: body.map(Docx.p).joined()), "typed.docx"),
                              (Array(body.joined(separator: "\n").utf8), "scraped.txt")] {
            let document = try Document(bytes: bytes, path: path)
            let contents = try #require(document.diagnostics.first { $0.code == "table-of-contents" })
            #expect(contents.message == "table of contents (8 entries, lines 4–11) kept out of the outline")
            #expect(document.outline.flatMap { [$0.title] + $0.children.map(\.title) } == ["上海市XX局2025年部门预算", "主要职能", "机构设置"])
            #expect(!document.paragraphs.contains { entries.contains($0.text) || $0.text.contains("预算总表") })
            let json = try Document.json(bytes: bytes, path: path)
            #expect(try StreamedJSONTests.bytes(of: json) == (try document.jsonData()))
        }
        // A 目录 heading whose entries were lost, over the body's first headings, one of each
        // kind of marker and no leader: they stay the body's.
        let lost = ["目录", "第一部分 部门概况", "一、部门职责", "（一）主要职能", "1．职能之一", "本部门是本区政府的工作部门，主管本区有关事务。"]
        let document = try Document(bytes: Array(lost.joined(separator: "\n").utf8), path: "lost.txt")
        #expect(!document.diagnostics.contains { $0.code == "table-of-contents" })
        #expect(document.paragraphs.map(\.text) == ["目录", "第一部分 部门概况", "一、部门职责", "(一)主要职能", "1.职能之一", lost[5]])
    }

    /// A 目录 copied from Word into a web page, or exported as text with its fields shown,
    /// keeps what the fields leave (PAGEREF _Toc25831 h 3, HYPERLINK \l "_Toc…", TOC \o
    /// "1-3" …), and a line that is no entry may stand between the heading and the first
    /// entry (公开日期). The body's repeat of the first entry still ends it, so the first part
    /// stays in the outline, and the tables it lists are known. A part's name set off by a
    /// colon (第一部分：单位概况) is the part's title without it.
    @Test func aContentsCopiedWithWordsFieldsEndsWhereTheBodyRepeatsIt() throws {
        let entries = ["第一部分：单位概况", "一、主要职责", "第二部分：单位决算情况说明", "一、收入支出决算总体情况说明",
                       "第三部分：附表", "一、收入支出决算总表", "二、收入决算表"]
        let body = ["第一部分：单位概况", "一、主要职责", "本院承担医疗、教学和科研任务。", "第二部分：单位决算情况说明",
                    "一、收入支出决算总体情况说明", "2023年度收入总计553.52万元。"]
        let fields = [
            (entries.enumerated().map { "\($1) PAGEREF _Toc\(2583 + $0) h \($0 + 3)" }),
            (entries.enumerated().map { ($0 == 0 ? " TOC \\o \"1-3\" \\h \\z \\u " : "")
                + "HYPERLINK \\l \"_Toc\(5082 + $0)\" \($1)  PAGEREF _Toc\(5082 + $0) \\h \($0 + 3)" }),
        ]
        for typed in fields {
            let text = (["2023年度某医院单位决算", "目录", "公开日期：2024年9月26日"] + typed + body).joined(separator: "\n")
            let document = Document(parsing: text)
            #expect(document.outline.map { "\($0.marker ?? "-") \($0.title)" } == ["- 2023年度某医院单位决算", "第一部分 单位概况", "第二部分 单位决算情况说明"])
            let contents = try #require(document.diagnostics.first { $0.code == "table-of-contents" })
            #expect(contents.message == "table of contents (9 entries, lines 2–10) kept out of the outline")
            let missing = try #require(document.diagnostics.first { $0.code == "listed-table-missing" })
            #expect(missing.message.hasPrefix("the 目录 lists 2 tables (一、收入支出决算总表 … 二、收入决算表)"))
        }
    }

    /// A 目录 headed by a name that ends in 目录 (决算公开目录, as a 湖北 分局's report has it)
    /// is one: its entries, which the body repeats, stay out of the outline and its numbering.
    @Test func aContentsHeadedByItsReportsNameIsAContents() throws {
        let text = ["某分局2019年决算公开报告", "决算公开目录", "一、基本情况", "（一）机构设置", "（二）人员情况", "二、收支情况分析",
                    "三、名词解释", "一、基本情况", "（一）机构设置", "内设机构23个。", "（二）人员情况", "年末实有人员300人。",
                    "二、收支情况分析", "2019年度收入总计5,553.52万元。"].joined(separator: "\n")
        let document = Document(parsing: text)
        let contents = try #require(document.diagnostics.first { $0.code == "table-of-contents" })
        #expect(contents.message == "table of contents (6 entries, lines 2–7) kept out of the outline")
        #expect(document.outline.first?.children.map { "\($0.marker ?? "") \($0.title)" } == ["一、 基本情况", "二、 收支情况分析"])
        #expect(!document.diagnostics.contains { $0.code.hasPrefix("numbering") })
        // A sentence that ends in the word is no heading.
        #expect(TableOfContents.isHeading("决算公开目录") && !TableOfContents.isHeading("详见附件1,目录"))
        // What may head one is told before its key is made: a short line, its leader and
        // page number aside; a paragraph with 项目 is none.
        for line in ["目录", "目  录", "目", "决算公开目录", "目录……………………………………1", "目录·························2"] {
            #expect(TableOfContents.mayHead(line), "\(line)")
        }
        #expect(!TableOfContents.mayHead("项目支出：主要用于安全生产专项项目经费、应急管理项目经费。"))
    }

    /// The tables a 目录 lists in book-title marks (《收入决算表》, a 新疆 决算's) or after 表1:
    /// (a 湖北 决算's, under a part entry the line before) are known as listed: a report
    /// that publishes them apart is told so, each table named once and by itself.
    @Test func tablesListedInTitleMarksOrAfterTheirNumberAreKnown() throws {
        let text = ["某处2021年度决算公开说明", "目录", "第一部分：基本情况", "第二部分：决算情况说明", "第三部分：决算公开报表（见附件）",
                    "表1：收入支出决算总表", "表 2：收入决算表", "《支出决算表》", "《财政拨款收入支出决算总表》",
                    "第一部分：基本情况", "本处负责河道堤防管理。", "第二部分：决算情况说明", "2021年度收入总计553.52万元。"]
        let document = Document(parsing: text.joined(separator: "\n"))
        let missing = try #require(document.diagnostics.first { $0.code == "listed-table-missing" })
        #expect(missing.message.hasPrefix("the 目录 lists 4 tables (表1:收入支出决算总表 … 财政拨款收入支出决算总表), and the text holds none of them"))
        #expect(missing.line == 6)
    }

    /// A 目录 heading over two entries and then a short heading that ends as a sentence
    /// ((一)基本情况。, 二、部门决算单位构成。) stopped the whole process (an index past the held
    /// entries, found by Fuzz/ on a 柞水 决算's opening): that heading is no entry, and what
    /// was held goes on as it came.
    @Test(arguments: ["（一）基本情况。", "三、部门决算单位构成。"])
    func aContentsOfTwoEntriesBeforeAShortSentenceIsNoContents(heading: String) {
        let text = ["某局2020年部门决算", "目录", "一、部门职责", "二、机构设置", heading, "本局是政府工作部门。"].joined(separator: "\n")
        let document = Document(parsing: text)
        #expect(!document.diagnostics.contains { $0.code == "table-of-contents" })
        #expect(document.paragraphs.map(\.line) == Array(1...6))
        #expect(document.paragraphs.map(\.text).prefix(4) == ["某局2020年部门决算", "目录", "一、部门职责", "二、机构设置"])
    }

    /// A 目录 heading over fewer than three entries, whose entries the body never repeats, is
    /// no table of contents: what was held after it goes on, in order, before the table that
    /// ends the hold.
    @Test func aContentsHeadingWithoutItsEntriesRepeatedKeepsEverything() throws {
        let texts = ["目录", "甲…………1", "乙…………2", "丙"]
        let body = texts.map(Docx.p).joined() + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p></w:tc></w:tr></w:tbl>" + Docx.p("丁")
        let document = try Docx.document(body: body)
        #expect(document.paragraphs.map(\.text) == ["目录", "甲............1", "乙............2", "丙", "丁"])
        #expect(document.paragraphs.map(\.line) == [1, 2, 3, 4, 6])
        #expect(!document.diagnostics.contains { $0.code == "table-of-contents" })
    }

    /// An item a report ran into the paragraph of the one before (…财务规则。（八）负责本区…, the
    /// 财政局 决算's 主要职能; 1、…等。 2、… 3、… 4、 in one paragraph of a 预算's 立项依据) is an item of
    /// its own, on its line: no number is missing. A marker after a sentence that is not the
    /// list's next number is text.
    @Test func anItemRunIntoTheParagraphBeforeIsAnItem() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        func list(holding line: Int, in sections: [Section]) -> [Section]? {
            sections.contains { $0.line == line } ? sections : sections.lazy.compactMap { list(holding: line, in: $0.children) }.first
        }
        let duties = try #require(list(holding: 63, in: document.outline))
        #expect(duties.compactMap(\.marker) == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)", "(八)", "(九)", "(十)", "(十一)", "(十二)"])
        #expect(duties[7].line == 92 && duties[7].title.hasPrefix("负责本区暂未划转入税务部门的非税收入管理"))
        #expect(!document.diagnostics.contains { $0.code == "numbering-gap" })
        let runIn = Document(parsing: "一、依据\n1、预算法。 2、会计法。4、审计法。（二）另见\n")
        #expect(runIn.outline.first?.children.map { "\($0.marker ?? "") \($0.title)" } == ["1、 预算法", "2、 会计法"])
    }
}

