import FoundationEssentials
import Testing
@testable import FinParse

@Suite("PDF text (pdftotext output)")
struct PDFTextTests {
    /// The five real Putuo reports and their template, each in both extractions.
    /// Whether the body prints 第二部分 without its marker (only the 目录 has it).
    static let extractions: [(file: String, department: String, unmarkedPartTwo: Bool)] = {
        let reports = [
            ("juesuan-template", "上海市XX局", true),
            ("putuo-caizhengju-2024-juesuan", "上海市普陀区财政局", false),
            ("putuo-caizhengju-2024-juesuan-injected-errors", "上海市普陀区财政局", false),
            ("putuo-guihuaziyuan-2024-juesuan-with-errors", "上海市普陀区规划和自然资源局", true),
            ("putuo-shehuigongzuobu-2024-juesuan-with-errors", "中共上海市普陀区委社会工作部", true),
        ]
        return reports.flatMap { name, department, unmarked in
            ["layout", "raw"].map { ("pdf/\(name).\($0).txt", department, unmarked) }
        }
    }()

    @Test(arguments: extractions.map(\.file))
    func outlineHasEachPartOnceAndNoContents(file: String) throws {
        let expected = try #require(Self.extractions.first { $0.file == file })
        let document = try Document(contentsOf: Corpus.path(file))
        #expect(document.report.department == expected.department)
        #expect(document.report.year == 2024 && document.report.kind == .finalAccounts)
        let parts = document.outline.filter { $0.marker?.hasPrefix("第") == true }
        #expect(parts.compactMap(\.marker) == ["第一部分", "第二部分", "第三部分", "第四部分"])
        // A part the body prints without its marker is found through the 目录, and said so.
        #expect(document.diagnostics.contains { $0.code == "part-from-contents" } == expected.unmarkedPartTwo)
        // The contents are set aside, so the outline starts after them.
        let contents = try #require(document.diagnostics.first { $0.code == "table-of-contents" })
        #expect(parts.allSatisfy { $0.line > contents.line + 20 })
        // 第三部分 holds its 一、… headings (the template's 十一 sections), not table rows.
        let third = try #require(parts.first { $0.marker == "第三部分" })
        #expect(third.children.count == 11)
        #expect(third.children.first?.title.hasPrefix("收入支出决算总体情况说明") == true)
        // No bare page number or column row became a node.
        #expect(document.sections.allSatisfy { !$0.section.title.isEmpty && !$0.section.title.contains("   ") })
    }

    /// A 上海 预算's 目录 lists its chapters (一、部门主要职能, 二、部门机构设置, 三、名词解释), and
    /// the body prints them without a marker, spelled with the body's name: each heads the list
    /// that follows it, in -layout text and in plain pdftotext output alike.
    @Test(arguments: [
        ("pdf/putuo-wanli-2024-yusuan.layout.txt", "上海市普陀区人民政府万里街道办事处(部门)", 9),
        ("pdf/putuo-wanli-2024-yusuan.raw.txt", "上海市普陀区人民政府万里街道办事处(部门)", 9),
        ("pdf/shanghai-caizhengju-2025-yusuan.layout.txt", "上海市财政局(单位)", 14),
        ("pdf/putuo-sifaju-2026-yusuan-danwei.raw.txt", "上海市普陀区司法局", 10),
    ])
    func chaptersTheContentsNameHeadTheirLists(path: String, body: String, functions: Int) throws {
        let document = try Document(contentsOf: Corpus.path(path))
        let titles = document.outline.map(\.title)
        let chapters = [body + "主要职能", body + "机构设置", "名词解释"]
        let found = chapters.compactMap { chapter in document.outline.first { $0.title == chapter } }
        #expect(found.map(\.title) == chapters, "\(titles)")
        #expect(found.allSatisfy { $0.kind == .title && $0.marker == nil })
        guard found.count == 3 else { return }
        #expect(found[0].children.count == functions)
        #expect(found[0].children.map(\.number) == Array(1...functions))
        #expect(found[2].children.first?.marker == "(一)" && found[2].children.first?.title == "财政拨款收入")
        // The 名词解释 list starts again under its heading, not as a repeat of the list before.
        #expect(!document.diagnostics.contains { $0.code == "numbering-repeat" && $0.line == found[2].children.first?.line })
    }

    /// An OFD document (GB/T 33190) was "not read"; its placed text is laid out as
    /// pdftotext lays out a PDF's. The fixture is made from the 财政局 决算's `-layout` text
    /// (scripts/make-ofd.py), each run of characters a text object at the place its line
    /// and column give: it reads as that text does, its tables, figures, outline and line
    /// numbers alike.
    @Test func anOFDDocumentReadsAsThePDFTextItWasMadeFrom() throws {
        var ofd = try Document(contentsOf: Corpus.path("ofd/putuo-caizhengju-2024-juesuan.ofd"))
        let text = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        #expect(ofd.source.format == .ofd)
        #expect(ofd.tables.count == 10 && ofd.amounts.count == 258)
        ofd.source = text.source
        #expect(ofd == text)
    }

    /// Another province, another template: a 预算 of 江苏省人民检察院 (2019), whose part
    /// headings are spaced out like table rows (第二部分            2019年度部门预算表).
    @Test func jiangsuBudgetReport() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2019-yusuan.layout.txt"))
        #expect(document.report.department == "江苏省人民检察院")
        #expect(document.report.year == 2019 && document.report.kind == .budget)
        #expect(document.outline.compactMap(\.marker).filter { $0.hasPrefix("第") } == ["第一部分", "第二部分", "第三部分", "第四部分"])
    }

    /// The twelve 公开表 of the 2017–2019 template, each whole and named as the report
    /// names it, with the figures of its 收支预算总表 that the open-budget project read from
    /// the same PDF (../shared/corpus/extra/jiangsu-open-budget/江苏省人民检察院/收支预算总表.csv).
    @Test func jiangsuBudgetTables() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2019-yusuan.layout.txt"))
        #expect(document.tables.map(\.kind) == [
            "收支预算总表", "收入预算总表", "支出预算总表", "财政拨款收支预算总表", "财政拨款支出预算表", "财政拨款基本支出预算表",
            "一般公共预算支出预算表", "一般公共预算基本支出预算表", "“三公”经费、会议费、培训费支出预算表",
            "政府性基金预算财政拨款支出预算表", "一般公共预算机关运行经费支出预算表", "政府采购支出预算表",
        ])
        #expect(document.tables.allSatisfy { $0.unit == .tenThousandYuan })
        let summary = document.tables[0]
        let lines = Set(summary.cells.map(\.line))
        let figures = document.amounts.filter { lines.contains($0.line) }.map { "\($0.label ?? "") \($0.value)" }
        for expected in ["一、财政拨款 24169.74", "1.一般公共预算 24169.74", "四、公共安全支出 16593.12",
                         "八、社会保障和就业支出 1890.27", "十八、住房保障支出 5686.35", "一、基本支出 15844.04",
                         "二、项目支出 4335.3", "三、单位预留机动经费 3990.4", "收入合计 24169.74", "支出合计 24169.74"] {
            #expect(figures.contains(expected), "\(expected) in \(figures)")
        }
    }

    /// The 2017 template numbers its tables' titles (一、收支预算总表, with the 单位 line
    /// below); the same words in the 目录 and as headings of the 情况说明 are no titles.
    @Test func numberedTableTitles() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt"))
        let summary = try #require(document.tables.first)
        #expect(summary.kind == "收支预算总表" && summary.title == "一、收支预算总表" && summary.unit == .tenThousandYuan)
        #expect(document.tables.compactMap(\.kind).count == 12)
        #expect(document.tables.allSatisfy { !$0.cells.isEmpty })
        #expect(document.sections.contains { $0.section.title == "收支预算总表情况说明" })
    }

    /// A label wrapped around its amount (社会保障和就 / 754.75 / 业支出), with the 科目编码
    /// to the left on the amount's line; the line right above alone when the one below
    /// begins the next row's label (行政运行 / 1092.80 / 城乡社区规划).
    @Test func labelsWrappedAroundTheirAmount() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.layout.txt"))
        let labels = Dictionary(document.amounts.map { ($0.line, $0.label) }, uniquingKeysWith: { first, _ in first })
        #expect(labels[403] == "社会保障和就业支出")
        #expect(labels[436] == "行政运行")
        #expect(labels[438] == "城乡社区规划与管理")
        #expect(labels[473] == "机关事业单位基本养老保险缴费")
    }

    /// A label wrapped around its amount (1.一般公共预 / 21,940.96 / 算) is read from the label
    /// column, past the column of a heading over the table's side (收入, centred over 项目名称
    /// and 金额) that stands between them and holds nothing on those lines.
    @Test func aWrappedLabelIsReadPastAHeadingsColumn() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2018-yusuan.layout.txt"))
        let figures = document.amounts.filter { $0.line == 301 && $0.cell != nil }
        #expect(figures.map(\.text) == ["21,940.96", "5,573.00"])
        #expect(figures.map(\.label) == ["1.一般公共预算", "二、项目支出"])
    }

    /// A row's name that runs close to the amount after it, under a header whose columns are
    /// fewer and wider than the body's (支出决算表: 2080505 机关事业单位基本养老保  446.11 under
    /// 功能分类 and 本年支出合计) keeps to the left: the amount is a cell, and a figure, of its
    /// own, and no label holds a number. The code stands in a column of its own, as the
    /// table's rows give one to each of 科目编码, 科目名称 and the amounts. The name's rest,
    /// wrapped onto the next line (险缴费支出), joins the row's name cell and the figures' label.
    @Test func aNameCloseToItsAmountStaysOutOfTheAmountsCell() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.layout.txt"))
        let table = try #require(document.tables.first { $0.title == "支出决算表" })
        let row = table.cells.filter { $0.line == 298 }.sorted { $0.column < $1.column }.map(\.text)
        #expect(row == ["2080505", "机关事业单位基本养老保险缴费支出", "446.11", "446.11", "0.00"])
        let figures = document.amounts.filter { [298, 321].contains($0.line) }
        #expect(figures.map(\.text) == ["446.11", "446.11", "0.00", "4461.67", "2339.58", "2122.09"])
        #expect(figures.map(\.label) == Array(repeating: "机关事业单位基本养老保险缴费支出", count: 3)
                + Array(repeating: "自然资源海洋气象等支出", count: 3))
    }

    /// A row whose cells wrap over lines is set with its amounts on one line and the rest
    /// around it, between blank lines: one row of the grid, its wrapped name one cell, so that
    /// its amounts have their label (they had none). Lines that are rows of their own (七、…
    /// over 八、…  754.75) stay apart.
    @Test func aRowWrappedAroundItsAmountsIsOneRow() throws {
        let finance = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        let income = try #require(finance.tables.first { $0.title == "收入决算表" })
        let lines189to191 = income.cells.filter { (189...191).contains($0.line) }
        #expect(Set(lines189to191.map(\.row)).count == 1)
        #expect(lines189to191.map(\.text) == ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "160.75", "160.75"])
        #expect(finance.amounts.filter { $0.line == 189 }.map(\.label) == ["机关事业单位基本养老保险缴费支出", "机关事业单位基本养老保险缴费支出"])

        let procurator = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt"))
        #expect(procurator.amounts.filter { [674, 678].contains($0.line) }.map(\.label)
                == ["台式计算机(20 万以下)", "便携式计算机(20 万以下)"])

        let planning = try Document(contentsOf: Corpus.path("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.layout.txt"))
        let total = try #require(planning.tables.first { $0.title == "财政拨款收入支出决算总表" })
        let seventh = try #require(total.cells.first { $0.text == "七、文化旅游体育与传媒支出" })
        let eighth = try #require(total.cells.first { $0.text == "八、社会保障和就业支出" })
        #expect(seventh.row + 1 == eighth.row)
        #expect(planning.amounts.first { $0.text == "754.75" }?.label == "八、社会保障和就业支出")
    }

    /// A 自评表 whose header takes two rows (绩效指标 | 年度指标值 … beside the rows of 指标 over
    /// 一级 | 二级 | 三级指标), its levels centred on their rows and its side label 绩效指标 on one
    /// of them, as LibreOffice prints such a Word table: the header is read as one line, the side
    /// label as none of the levels. Before, the form was a table of no kind without a word.
    @Test func aFormsHeaderOverTwoRows() throws {
        let document = Document(parsing: """
        2022 年度项目支出绩效自评表

               指标
        绩效指标                               年度指标值     实际完成值   分值   得分 偏差原因分析及改进措施
               一级指标    二级指标        三级指标

                       数量指标        养护里程    ≥120 公里   126 公里 40    40
               产出指标
        绩效指标           质量指标        验收合格率   100%      90%     30   25 雨季返工

               满意度指标   服务对象满意度指标   群众满意度   ≥90%      93%     30   30

        自评总分                                                 100 95
        \u{0C}
        """)
        let evaluation = try #require(document.tables.compactMap(\.selfEvaluation).first)
        #expect(evaluation.indicators.map(\.name) == ["养护里程", "验收合格率", "群众满意度"])
        #expect(evaluation.indicators.map(\.level1) == ["产出指标", "产出指标", "满意度指标"])
        #expect(evaluation.indicators.map(\.level2) == ["数量指标", "质量指标", "服务对象满意度指标"])
        #expect(evaluation.indicators.map(\.target.text) == ["≥120 公里", "100%", "≥90%"])
        #expect(evaluation.indicators.map(\.weight) == [40, 30, 30] && evaluation.indicators.map(\.score) == [40, 25, 30])
        #expect(evaluation.indicators.map(\.deviation) == [nil, "雨季返工", nil])
        #expect(evaluation.totalWeight == 100 && evaluation.totalScore == 95)
        #expect(!document.diagnostics.contains { $0.severity == .warning })
    }

    /// pdftotext lays out each page on its own: the part of a table on the next page can
    /// stand further right (江苏省人大办公厅 2017, 一般公共预算支出预算表). Each page's rows
    /// take their own page's columns; with the table's, six of the eleven amounts ran into
    /// their labels' cells and were lost.
    @Test func aTableOverAPageBreakKeepsEachPagesColumns() throws {
        let document = Document(parsing: """
        \u{0C}           一般公共预算支出预算表
         部门：         江苏省人大常委会办公厅   单位：万元
        功能科目代码       功能科目名称          金额
                         合计        13,649.07
           201        一般公共服务支出     10,528.33
         20101          人大事务       10,528.33
         2010101        行政运行       4,545.94
           208       社会保障和就业支出     1,608.51
         20805       行政事业单位离退休     1,608.51
        \u{0C}        2080504          未归口管理的行政单位离退休   1,608.51
                  221               住房保障支出       1,512.23
                22102               住房改革支出       1,512.23
                2210201              住房公积金        494.22
                2210202              提租补贴        1,018.01

        """)
        let table = try #require(document.tables.first)
        #expect(table.cells.filter { $0.column == 2 }.map(\.text) == ["金额", "13,649.07", "10,528.33", "10,528.33", "4,545.94",
                                                                    "1,608.51", "1,608.51", "1,608.51", "1,512.23", "1,512.23",
                                                                    "494.22", "1,018.01"])
        #expect(document.amounts.map(\.label) == ["合计", "一般公共服务支出", "人大事务", "行政运行", "社会保障和就业支出",
                                                   "行政事业单位离退休", "未归口管理的行政单位离退休", "住房保障支出",
                                                   "住房改革支出", "住房公积金", "提租补贴"])
    }

    /// A table in 元 whose next page pdftotext lays out a column wider (its 合计 printed right
    /// of the names, the amounts after it): the page's amounts move back under the header of
    /// the page before, 合计 / 人员经费 / 公用经费, and its codes stay in 类 and 款. Whole
    /// amounts (3,514,000) count as amounts for this, by their thousands commas; they did not,
    /// and the 上海 预算s' 经济分类 tables had their last page's amounts a column right. Only
    /// the columns from the page's extra one on move: the 商务委's 302 and 11 were one cell.
    @Test(arguments: [("shanghai-caizhengju-2025-yusuan", "退休费", ["3,514,000", "3,514,000", ""]),
                      ("putuo-wanli-2023-yusuan", "电费", ["710,000", "", "710,000"]),
                      ("putuo-shangwuwei-2025-yusuan", "差旅费", ["80,000.00", "", "80,000.00"])])
    func aPageLaidOutWiderKeepsTheTablesColumns(report: String, row label: String, amounts: [String]) throws {
        let document = try Document(contentsOf: Corpus.path("pdf/\(report).layout.txt"))
        let table = try #require(document.tables.first { $0.kind == "一般公共预算基本支出部门预算经济分类预算表" })
        let rowsOfValues = Set(table.cells.filter { $0.text.contains(where: \.isNumber) }.map(\.row))
        let heads = table.cells.filter { ["合计", "人员经费", "公用经费"].contains($0.text) && !rowsOfValues.contains($0.row) }
        #expect(Set(heads.map { "\($0.text) \($0.column)" }) == ["合计 3", "人员经费 4", "公用经费 5"])
        #expect(table.columns == 6)
        let row = try #require(table.cells.first { $0.text == label }).row
        let cells = table.cells.filter { $0.row == row }
        #expect(cells.filter { $0.column < 3 }.count == (cells.first { $0.column == 1 } != nil ? 3 : 2))
        #expect((3...5).map { column in cells.first { $0.column == column }?.text ?? "" } == amounts)
    }

    /// A body that starts on its 目录's page: the 目录 ends where the body repeats its first
    /// entry there (江苏 检察院 2018: 第一部分 部门概况 on line 30, the page's foot), not at the
    /// page's end, which took 第一部分 into it and left 一、二、三 at the top of the outline.
    @Test func aBodyStartingOnItsContentsPageKeepsItsFirstPart() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2018-yusuan.layout.txt"))
        #expect(document.diagnostics.first { $0.code == "table-of-contents" }?.message
                == "table of contents (21 entries, lines 5–25) kept out of the outline")
        #expect(document.outline.compactMap(\.marker) == ["第一部分", "第二部分", "第三部分", "第四部分"])
        #expect(document.outline.first { $0.marker == "第一部分" }.map { "\($0.line) \($0.children.count)" } == "30 3")
    }

    /// 单位：万 at the page's edge, its 元 wrapped to the end of the next line: the 法院 2019
    /// 三公 table's unit, without which its eight values were no figures at all.
    @Test func aUnitWrappedAtThePagesEdgeIsTheTablesUnit() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-fayuan-2019-yusuan.layout.txt"))
        let table = try #require(document.tables.first { $0.kind == "“三公”经费、会议费、培训费支出预算表" })
        #expect(table.unit == .tenThousandYuan)
        #expect(document.amounts.filter { $0.cell?.table == table.index }.map { "\($0.text) \($0.label ?? "-")" } == [
            "2,382.02 合计", "513.75 “三公”经费小计", "160.00 因公出国(境)费", "266.80 公务用车购置及运行维护费小计",
            "266.80 公务用车运行维护费", "86.95 公务接待费", "271.02 会议费", "1,597.25 培训费",
        ])
    }

    /// In a 政府采购 table the amount's label is the item bought (打印设备), not how it is
    /// bought (政府集中采购, the 采购方式 column right before the amount).
    @Test func aPurchaseIsLabelledByItsItemNotItsMethod() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-weibangongting-2017-yusuan-tables.layout.txt"))
        let purchases = document.amounts.filter { (537...557).contains($0.line) }
        #expect(purchases.map(\.label) == ["打印设备(20万以下)", "其他计算机设备及软件", "复印机", "其他办公设备",
                                           "空调机(总预算20万以下)", "广播、电视、电影设备"])
        #expect(!document.amounts.contains { TableFigures.purchaseMethods.contains($0.label ?? "") })
        // 江苏 检察院 2018: the 采购方式 wrapped around the amount as its item is (政法、检测专 /
        // 分散自行组 / 20.00 / 用设备 / 织); the item is further left.
        let wrapped = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2018-yusuan.layout.txt"))
        #expect(wrapped.amounts.filter { [774, 799, 889].contains($0.line) }.map(\.label)
                == ["政法、检测专用设备", "其他办公设备", "车辆维修和保养服务"])
        #expect(!wrapped.amounts.contains { TableFigures.purchaseMethods.contains($0.label ?? "") })
    }

    /// A name wrapped around its amount's line is the amount's label also when the line holds
    /// how the row is bought (法院 2019: 台式计算机（20 万 / 政府集中采购 99.00 / 以上）), when a
    /// letter-spaced heading (金 额) has a column of its own between name and amount
    /// (机关事业单位基本养老保险缴费支 / 2080505 1,384.70 / 出), and when the next row, a row with
    /// words, follows the name's last line (其他计算机设备及 / 政府集中采购 510.00 / 软件 / 设备购置费
    /// 办公设备购置 653.22): the name is whole, not its first line.
    @Test func aNameWrappedAroundItsAmountLabelsItPastHowItIsBought() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-fayuan-2019-yusuan.layout.txt"))
        #expect(document.amounts.filter { [323, 573, 580, 639].contains($0.line) && $0.cell != nil }.map { "\($0.text) \($0.label ?? "-")" }
                == ["1,384.70 机关事业单位基本养老保险缴费支出", "99.00 台式计算机(20 万以上)", "510.00 其他计算机设备及软件",
                    "110.00 车辆维修和保养服务"])
    }

    /// Every amount written in a table with a unit is a figure of its cell, also when it shares
    /// the cell with words: how its row is bought (分散自行组织 63.00, 政府集中采购 50.00), which
    /// labels nothing;
    /// and whole 元 in thousands (万里街道's tables print no decimals: 164,978,640, and 0).
    @Test(arguments: ["pdf/putuo-caizhengju-2024-juesuan.layout.txt", "docx/putuo-caizhengju-2024-juesuan.docx",
                      "pdf/jiangsu-jianchayuan-2019-yusuan.layout.txt", "pdf/jiangsu-weibangongting-2017-yusuan-tables.layout.txt",
                      "pdf/putuo-wanli-2023-yusuan.layout.txt", "pdf/putuo-sifaju-2026-yusuan-danwei.layout.txt"])
    func everyAmountOfATableIsAFigure(path: String) throws {
        let document = try Document(contentsOf: Corpus.path(path))
        func key(_ table: Int, _ row: Int, _ column: Int, _ text: some StringProtocol) -> String { "\(table) \(row) \(column) \(text)" }
        var figures = Dictionary(document.amounts.compactMap { figure in figure.cell.map { (key($0.table, $0.row, $0.column, figure.text), 1) } },
                                 uniquingKeysWith: +)
        var missing: [String] = []
        for table in document.tables where table.unit != nil {
            for cell in table.cells {
                for word in cell.text.split(separator: " ")
                where TableFigures.amount(word) != nil || word.wholeMatch(of: /\d{1,3}(,\d{3})+/) != nil {
                    let place = key(table.index, cell.row, cell.column, word)
                    if figures[place, default: 0] > 0 { figures[place]! -= 1 } else { missing.append(place) }
                }
            }
        }
        #expect(missing.isEmpty)
        #expect(document.amounts.compactMap(\.label).filter { $0.split(separator: " ").contains { TableFigures.amount($0) != nil } } == [])
        if path.contains("wanli") {
            // A table in whole 元 prints an empty column's zero as 0: that column's amount.
            let row = document.amounts.filter { $0.line == 371 }
            #expect(row.map { "\($0.text) \($0.label ?? "-")" } == ["627,600 统计信息事务", "0 统计信息事务", "627,600 统计信息事务"])
            #expect(row.count == 3 && row[0].value == row[1].value + row[2].value)
        }
        if path.contains("jianchayuan") {
            #expect(document.amounts.first { $0.line == 712 }.map { "\($0.text) \($0.label ?? "")" } == "63.00 其他专用设备")
            // The 三公 table's one row of values prints whole amounts without decimals: 80, not
            // 80.00. Its 合计 is the 三公 小计, 会议费 and 培训费; the 小计 is its three fees.
            let row = document.amounts.filter { $0.line == 572 }
            #expect(row.map(\.text) == ["1276.7", "418.26", "80", "237", "237", "101.26", "158.44", "700"])
            if row.count == 8 {
                #expect(row[0].value == row[1].value + row[6].value + row[7].value)
                #expect(row[1].value == row[2].value + row[3].value + row[5].value)
            }
        }
    }

    /// A row taller than a line may have its amounts printed on lines of their own above its
    /// label (1,503.52  603.14 / 201 一般公共服务支出 2,106.66) or above its codes, whose name
    /// follows (262.33  21.21 / 301 01  302 / 基本工资  01 办公费); a row of codes may have its
    /// name wrapped below it (208 05 06  80.38 / 机关事业单位职业年金缴费 / 支出); a total's
    /// amounts may stand above the header's 类 款 项 (2,946.25 / 类 款 项 / 合计). Each amount
    /// takes the label below it, at or left of its column. A row of codes may hold the start of
    /// its name, its rest below a line of the next column group (160.75 / 301 08 机关事业单位基本
    /// 养老保险缴  302 / 06 电费 / 费), or only the next group's words (187.19 / 301 13  302 因 公
    /// 出 国 （ 境 ） 费 / 住房公积金 12); a letter-spaced name loses its spaces.
    @Test func amountsAboveTheirLabelAreLabelledFromBelow() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        func labels(_ lines: ClosedRange<Int>, kind: String) -> [String] {
            let table = document.tables.first { $0.kind == kind }?.index
            return document.amounts.filter { lines.contains($0.line) && $0.cell?.table == table }.map { "\($0.text) \($0.label ?? "-")" }
        }
        #expect(labels(193...193, kind: "收入决算表") == ["80.38 机关事业单位职业年金缴费支出", "80.38 机关事业单位职业年金缴费支出"])
        // The 合计 row's amounts stand above the header's 类 款 项, and 合计 under it.
        #expect(labels(175...175, kind: "收入决算表") == ["2,946.25 合计", "2,940.05 合计", "6.20 合计"])
        #expect(labels(217...226, kind: "支出决算表") == [
            "1,503.52 一般公共服务支出", "603.14 一般公共服务支出", "2,106.66 一般公共服务支出", "1,503.52 财政事务", "603.14 财政事务",
            "2,106.66 财政事务", "1,503.52 行政运行", "1,511.89 行政运行", "8.37 行政运行", "10.00 一般行政管理事务",
            "10.00 一般行政管理事务", "135.25 信息化建设", "135.25 信息化建设", "449.52 财政委托业务支出",
        ])
        #expect(labels(341...349, kind: "一般公共预算财政拨款基本支出决算表") == [
            "2,082.85 工资福利支出", "171.07 商品和服务支出", "262.33 基本工资", "21.21 办公费", "1,238.58 津贴补贴", "7.61 印刷费",
        ])
        #expect(labels(363...383, kind: "一般公共预算财政拨款基本支出决算表") == [
            "160.75 机关事业单位基本养老保险缴费", "80.38 职业年金缴费", "4.88 邮电费", "60.99 职工基本医疗保险缴费",
            "1.61 其他社会保障缴费", "1.20 差旅费", "187.19 住房公积金",
        ])
        #expect(labels(441...441, kind: "一般公共预算财政拨款基本支出决算表") == ["11.53 其他商品和服务支出"])
    }

    /// A row's label wrapped around its first amount (社会保障和就 / 208  754.75  754.75  0.00 /
    /// 业支出) labels every amount of the row, not the first alone; a row whose label is on its
    /// line keeps it (行政运行 / 2120101 1092.80 …, 城乡社区规划 below is the next row's); a
    /// label of three lines centred on its row's (机关事业单位 / 2080505 基本养老保险 446.11 /
    /// 缴费支出) is whole.
    @Test func aWrappedRowLabelIsEveryAmountsOfTheRow() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.layout.txt"))
        func labels(_ line: Int) -> [String] { document.amounts.filter { $0.line == line && $0.cell != nil }.map { $0.label ?? "-" } }
        #expect(labels(403) == Array(repeating: "社会保障和就业支出", count: 3))
        #expect(labels(433) == Array(repeating: "城乡社区管理事务", count: 3))
        #expect(labels(436) == Array(repeating: "行政运行", count: 3))
        #expect(labels(444) == Array(repeating: "自然资源海洋气象等支出", count: 3))
        #expect(labels(415) == Array(repeating: "机关事业单位基本养老保险缴费支出", count: 3))
        #expect(labels(418) == Array(repeating: "机关事业单位职业年金缴费支出", count: 3))
        // Written on one line and a half, in the tables before: the same names.
        #expect(labels(241) == Array(repeating: "机关事业单位基本养老保险缴费支出", count: 2))
        #expect(labels(298) == Array(repeating: "机关事业单位基本养老保险缴费支出", count: 3))
    }

    /// A 三公 table's one row of values has no label on its row: each amount takes its column's
    /// name from the header above, whose cells wrap (因公出 / 国(境) / 费), group others
    /// (公务用车购置及运行维护费 over 小计, 购置费, 运行维护费) and drift. An empty column (购置费
    /// over nothing) is left out, and a 决算 table's 预算数 | 决算数 line names each value with
    /// its column. The labels add up as the template does.
    @Test(arguments: [
        ("pdf/jiangsu-jianchayuan-2018-yusuan.layout.txt", [
            "合计", "“三公”经费小计", "因公出国(境)费", "公务用车购置及运行维护费小计", "公务用车运行维护费", "公务接待费", "会议费", "培训费",
        ]),
        ("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt", [
            "合计", "“三公”经费小计", "因公出国(境)费", "公务用车购置及运行维护费小计", "公务用车购置费", "公务用车运行维护费",
            "公务接待费", "会议费", "培训费",
        ]),
        ("pdf/putuo-wanli-2023-yusuan.layout.txt", [
            "合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费小计", "购置费", "运行费", "2023年机关运行经费预算数",
        ]),
        // 公务接待 and 会议费 a space apart, 公务接待 / 费 five positions right of 公务用车 /
        // 运行维护 / 费: names as close as their characters, not as wide as they print.
        ("pdf/jiangsu-zhengxie-2019-yusuan-tables.layout.txt", [
            "合计", "“三公”经费小计", "因公出国(境)费", "公务用车购置及运行维护费小计", "公务用车运行维护费", "公务接待费", "会议费", "培训费",
        ]),
        ("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.layout.txt", ["合计", "因公出国(境)费", "公务用车购置及运行维护费小计",
            "公务用车购置费", "公务用车运行维护费", "公务接待费"].flatMap { [$0 + "预算数", $0 + "决算数"] }),
    ])
    func aSanGongTableIsLabelledByItsHeader(path: String, labels: [String]) throws {
        let document = try Document(contentsOf: Corpus.path(path))
        let table = try #require(document.tables.first { $0.title?.contains("三公") == true })
        let row = document.amounts.filter { $0.cell?.table == table.index }
        #expect(row.map { $0.label ?? "-" } == labels)
        var amounts: [String: Decimal] = [:]
        for figure in row { amounts[figure.label ?? "-"] = figure.value }
        for budget in labels.contains("合计预算数") ? ["预算数", "决算数"] : [""] {
            func amount(_ label: String) -> Decimal { amounts[label + budget] ?? 0 }
            let cars = try #require(labels.first { $0.hasPrefix("公务用车购置及运行") && $0.hasSuffix("小计" + budget) })
            let parts = ["公务用车购置费", "购置费", "公务用车运行维护费", "运行费"].map(amount).reduce(0, +)
            #expect(amounts[cars] == parts)
            let sanGong = amount("因公出国(境)费") + amounts[cars, default: 0] + amount("公务接待费")
            if let subtotal = amounts["“三公”经费小计" + budget] {
                #expect(subtotal == sanGong)
                #expect(amount("合计") == subtotal + amount("会议费") + amount("培训费"))
            } else {
                #expect(amount("合计") == sanGong)
            }
        }
    }

    /// A 决算 三公 table with most columns empty (the 财政局 决算: 0.95 under 合计 预算数 and 0.95
    /// under 公务接待费 预算数, ten columns apart): each value takes the 预算数 or 决算数 it
    /// stands nearest on the header's last line, and that column's name.
    @Test func aSanGongTableWithEmptyColumnsLabelsEachValueByItsColumn() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        let table = try #require(document.tables.first { $0.title?.contains("三公") == true })
        let row = document.amounts.filter { $0.cell?.table == table.index }
        #expect(row.map { "\($0.text) \($0.label ?? "-")" } == ["0.95 合计预算数", "0.95 公务接待费预算数"])
    }

    /// The 江苏 template's 支出预算总表 is one row of values too, under 合计 | 基本支出 | 项目支出 |
    /// 单位预留机动经费 | 结转下年资金: the empty last column is left out, by where the values stand
    /// (the report's text gives 单位预留机动经费 2,388.04 and 140.2). The 省委办公厅's set its
    /// values right of their centred names (20,849.45 between 合计 and 基本支出, 9,964.07 under
    /// 基本支出): each takes a cell of its own, not one for two. Its 2018 table spaces out
    /// 合     计.
    @Test(arguments: [("pdf/jiangsu-jianchayuan-2018-yusuan.layout.txt", "2,388.04"), ("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt", "140.20"),
                      ("pdf/jiangsu-weibangongting-2017-yusuan-tables.layout.txt", "196.72"),
                      ("pdf/jiangsu-weibangongting-2018-yusuan-tables.layout.txt", "1,973.86")])
    func aOneRowSpendingTableIsLabelledByItsHeader(path: String, reserve: String) throws {
        let document = try Document(contentsOf: Corpus.path(path))
        let table = try #require(document.tables.first { $0.kind == "支出预算总表" })
        let row = document.amounts.filter { $0.cell?.table == table.index }
        #expect(row.map { "\($0.text) \($0.label ?? "-")" }.last == "\(reserve) 单位预留机动经费")
        #expect(row.map { $0.label ?? "-" } == ["合计", "基本支出", "项目支出", "单位预留机动经费"])
        #expect(Set(row.compactMap { $0.cell?.column }).count == row.count)
        if row.count == 4 { #expect(row[0].value == row[1].value + row[2].value + row[3].value) }
    }

    /// A raw extraction (pdftotext without -layout) sets a table's cells a line each, row after
    /// row (208 / 社会保障和就业支出 / 754.75 / 754.75 / 0.00): each amount takes the name above
    /// it when a code starts that row, or the code's 款 or 项 part in a column of its own (301 /
    /// 02 / 津贴补贴), a name's wrapped lines joined (机关事业单位基本养老保 / 险缴费支出). In a
    /// table of 科目 a name right after the row before's amounts starts a row without its code
    /// (… / 79,189,400.34 / 司法 / 79,189,400.34), unless the header holds it (项目支出 / 48,000,
    /// the header repeated at a page's top), and where no row starts with its code, when at least
    /// five rows have as many amounts, two or more. In a table in whole 元, a 0 right after an
    /// amount is its row's empty column. Every label so given is the one the -layout extraction of the same report
    /// gives the same amount in the same table. A table of two column groups side by side (a 决算
    /// 基本支出 table, 经济分类 over each) interleaves their rows and is left unlabelled.
    @Test(arguments: ["pdf/putuo-guihuaziyuan-2024-juesuan-with-errors", "pdf/jiangsu-jianchayuan-2019-yusuan",
                      "pdf/putuo-shehuigongzuobu-2024-juesuan-with-errors", "pdf/putuo-sifaju-2026-yusuan-danwei",
                      "pdf/shanghai-caizhengju-2025-yusuan", "pdf/putuo-wanli-2024-yusuan"])
    func aRawTableIsLabelledByTheNameAboveEachRow(report: String) throws {
        let raw = try Document(contentsOf: Corpus.path(report + ".raw.txt"))
        let layout = try Document(contentsOf: Corpus.path(report + ".layout.txt"))
        func tableAmounts(_ document: Document) -> [(kind: String, figure: Figure)] {
            let kinds = Dictionary(uniqueKeysWithValues: document.tables.map { ($0.index, $0.kind ?? "") })
            return document.amounts.compactMap { figure in figure.cell.map { (kinds[$0.table] ?? "", figure) } }
        }
        var layoutLabels: [String: Set<String>] = [:]
        for (kind, figure) in tableAmounts(layout) {
            if let label = figure.label { layoutLabels["\(kind) \(figure.value)", default: []].insert(label) }
        }
        let labelled = tableAmounts(raw).filter { $0.figure.label != nil }
        #expect(labelled.count >= 40)
        let otherwise = labelled.filter { kind, figure in
            layoutLabels["\(kind) \(figure.value)"].map { !$0.contains(figure.label!) } ?? false
        }
        #expect(otherwise.map { "\($0.kind) \($0.figure.text) \($0.figure.label!)" } == [])
        #expect(!tableAmounts(raw).contains { $0.kind.contains("基本支出决算表") && $0.figure.label != nil })
        if report.contains("guihuaziyuan") {
            #expect(raw.amounts.first { $0.text == "446.11" }?.label == "机关事业单位基本养老保险缴费支出")
        }
        if report.contains("sifaju") {
            // 司法 and 卫生健康支出: no code before either. 行政运行: the header's pieces before its
            // code (项 / 204 / 收入预算 / 其他收入 / 204 / 06 / … / 01 / 行政运行).
            #expect(raw.amounts.filter { [239, 266, 482].contains($0.line) }.map { "\($0.text) \($0.label ?? "-")" }
                == ["79,189,400.34 司法", "14,348,853.34 行政运行", "982,692.00 卫生健康支出"])
        }
        if report.contains("wanli") {
            // Its codes printed in a block of their own; a name, then its row's amounts in whole
            // 元, each empty column's 0 among them.
            #expect(raw.amounts.filter { (376...384).contains($0.line) }.map { "\($0.text) \($0.label ?? "-")" }
                == ["257,700 统计信息事务", "257,700 统计信息事务"] + Array(repeating: "0 统计信息事务", count: 3))
        }
    }

    /// A report whose tables stand one cell a line (plain pdftotext) says, once, how many of its
    /// table amounts have no label, and how to get their columns; a laid-out extraction of the
    /// same report, and page text with one table so read, do not.
    @Test func aRawExtractionSaysHowManyTableAmountsHaveNoLabel() throws {
        let raw = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.raw.txt"))
        let notes = raw.diagnostics.filter { $0.code == "tables-one-cell-a-line" }
        let unlabelled = raw.amounts.filter { $0.cell != nil && $0.label == nil }.count
        #expect(notes.map(\.line) == [raw.tables.first { $0.kind != nil }?.line])
        #expect(notes.first?.severity == .info)
        #expect(notes.first?.message.hasPrefix("\(unlabelled) of the \(raw.amounts.count { $0.cell != nil }) amounts") == true)
        #expect(unlabelled > 100)
        for other in ["pdf/putuo-caizhengju-2024-juesuan.layout.txt", "pdf/putuo-wenlv-2025-juesuan.pages.txt"] {
            let document = try Document(contentsOf: Corpus.path(other))
            #expect(!document.diagnostics.contains { $0.code == "tables-one-cell-a-line" }, "\(other)")
        }
    }

    /// The 财政局 决算 as LibreOffice exports its Word rendering to text: no page, no TAB, a
    /// cell a line (an empty one an empty line). Its 九张表 are the PDF's, every amount of them
    /// read (their 63 amounts in prose were all it gave before), each label given the PDF's,
    /// and a note says how many have none. A title over nothing but its 单位 line (the same
    /// title right below it) heads no table.
    @Test func aWordProcessorsTextExportReadsItsTables() throws {
        let export = try Document(contentsOf: Corpus.path("exports/putuo-caizhengju-2024-juesuan.libreoffice.txt"))
        let pdf = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        #expect(export.tables.map(\.kind) == pdf.tables.compactMap(\.kind))
        #expect(export.tables.allSatisfy { !$0.cells.isEmpty })
        var values = Dictionary(export.amounts.map { ($0.value, 1) }, uniquingKeysWith: +)
        for amount in pdf.amounts { values[amount.value, default: 0] -= 1 }
        #expect(values.filter { $0.value != 0 }.isEmpty)
        let labels = Set(pdf.amounts.map { "\($0.value) \($0.label ?? "-")" })
        let labelled = export.amounts.filter { $0.cell != nil && $0.label != nil }
        #expect(labelled.count >= 90 && labelled.allSatisfy { labels.contains("\($0.value) \($0.label!)") })
        #expect(export.diagnostics.filter { $0.code == "tables-one-cell-a-line" }.count == 1)
    }

    /// Plain pdftotext's 绩效目标表s stand a cell a line without the empty cells of the places
    /// a merged cell covers: they are not read, and a warning says so where their header
    /// stands, once. The renderings that give their indicators have none.
    @Test func indicatorTablesACellALineWithoutTheirEmptyCellsAreSaidNotToBeRead() throws {
        let raw = try Document(contentsOf: Corpus.path("pdf/putuo-wanli-2023-yusuan.raw.txt"))
        let warnings = raw.diagnostics.filter { $0.code == "indicators-not-read" }
        #expect(warnings.count == 1 && warnings.first?.severity == .warning)
        #expect(raw.tables.allSatisfy { $0.selfEvaluation == nil })
        for path in ["pdf/putuo-wanli-2023-yusuan.layout.txt", "yongzhou-yingji-2021-juesuan.txt", "docx/yongzhou-yingji-2021-juesuan.docx",
                     "exports/yongzhou-yingji-2021-juesuan.libreoffice.txt"] {
            let document = try Document(contentsOf: Corpus.path(path))
            #expect(!document.diagnostics.contains { $0.code == "indicators-not-read" }, "\(path)")
            #expect(document.tables.contains { $0.selfEvaluation != nil })
        }
    }

    /// A text export of a Word report (LibreOffice) prints each cell of a 自评表 on a line of its
    /// own, an empty cell or a merged cell's covered place an empty line: each row is as many
    /// lines as the header has cells. The four 自评表 of the 永州 report read so as the TAB text
    /// reads them: every indicator's levels, name, values, weight and score, the funds, totals,
    /// names and department, and the same warnings (the second table's weights and scores do not
    /// add up to its 总分).
    @Test func aTextExportsSelfEvaluationTablesAreReadACellALine() throws {
        let export = try Document(contentsOf: Corpus.path("exports/yongzhou-yingji-2021-juesuan.libreoffice.txt"))
        let text = try Document(contentsOf: Corpus.path("yongzhou-yingji-2021-juesuan.txt"))
        let read = export.tables.compactMap(\.selfEvaluation), expected = text.tables.compactMap(\.selfEvaluation)
        #expect(read.count == 4)
        func rows(_ evaluation: SelfEvaluation) -> [String] {
            evaluation.indicators.map { i in
                [i.level1, i.level2, i.name, i.actual.text, i.target.value.map { "\($0)" } ?? "-", i.weight.map { "\($0)" } ?? "-",
                 i.score.map { "\($0)" } ?? "-", i.deviation ?? "-"].joined(separator: "|")
            }
        }
        #expect(read.map(rows) == expected.map(rows))
        #expect(read.map(\.funds) == expected.map(\.funds))
        #expect(read.map { "\($0.scope) \($0.name ?? "-") \($0.department ?? "-") \($0.totalWeight ?? -1) \($0.totalScore ?? -1)" }
                == expected.map { "\($0.scope) \($0.name ?? "-") \($0.department ?? "-") \($0.totalWeight ?? -1) \($0.totalScore ?? -1)" })
        func warnings(_ document: Document) -> [String] {
            document.diagnostics.filter { $0.code.hasPrefix("self-evaluation") }.map { "\($0.code) \($0.message)" }
        }
        #expect(warnings(export) == warnings(text) && warnings(export).count == 2)
    }

    /// A cell of two paragraphs in a 自评表 a cell a line puts the rows after it out of step with
    /// the header: the rows before it are read, and a warning says where the reading stopped.
    @Test func aSelfEvaluationTableACellALineStopsWhereItsRowsNoLongerFit() throws {
        let header = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
        let rows = [
            ["", "产出指标(50分)", "数量指标", "安全生产日常督查", "≥20次", "60次", "5", "5", ""],
            ["", "", "", "媒体宣传", "≥200次", "568次", "5", "4", "经费不足\n下年补足"],
            ["", "", "质量指标", "培训合格率", "100%", "100%", "5", "5", ""],
        ]
        let lines = ["2021年度项目支出绩效自评表", "项目名称", "安全生产专项"] + header + rows.flatMap { $0 } + ["总分", "100", "99"]
        let document = Document(parsing: lines.joined(separator: "\n"))
        let evaluation = try #require(document.tables.first?.selfEvaluation)
        #expect(evaluation.name == "安全生产专项")
        #expect(evaluation.indicators.map(\.name) == ["安全生产日常督查", "媒体宣传"])
        #expect(evaluation.indicators.map(\.score) == [5, 4])
        let warning = try #require(document.diagnostics.first { $0.code == "indicators-not-read" })
        #expect(warning.line == 34 && warning.message.contains("read up to line 30"))
    }

    /// A row of a total-first table whose total is not the sum of its other amounts is a
    /// `table-sum` warning: the 司法局 单位预算's 合计 86,959,408.34 against 22,118,861 +
    /// 64,840,547.00 (the error its 检查表 records, in two tables), and the four rows of the
    /// 规划资源局 决算 sample with errors, a cent off. The 财政局 report adds up, and a row
    /// whose layout took the next row's amount (行政运行 14,348,853.34 | 14,348,853.34 |
    /// 64,840,547.00, far more than 1% off) is not reported.
    @Test(arguments: [
        ("pdf/putuo-sifaju-2026-yusuan-danwei.layout.txt", [181: "0.34", 234: "0.34"]),
        ("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.layout.txt", [431: "0.01", 433: "0.01", 436: "0.01", 459: "0.01"]),
        ("pdf/putuo-caizhengju-2024-juesuan.layout.txt", [:]),
    ])
    func aTotalThatIsNotTheSumOfItsPartsIsReported(path: String, offs: [Int: String]) throws {
        let document = try Document(contentsOf: Corpus.path(path))
        let sums = document.diagnostics.filter { $0.code == "table-sum" }
        #expect(Dictionary(uniqueKeysWithValues: sums.map { ($0.line, String($0.message.split(separator: " ").last!.dropLast())) }) == offs)
    }

    /// A 类 or 款 that is not the sum of the rows under it, or a 合计 row that is not
    /// the sum of the 类, is a `table-subtotal` warning: the 财政局 决算's 合计 2,940.05 and
    /// 2,336.91 against their four 类 (each rounded to the cent), the 司法局 单位预算's 合计
    /// 22,118,861 against 22,118,861.34 (in two tables). Every other subtotal of these reports
    /// adds up, and of the 万里街道 预算's (经济分类 `01 基本工资`, the code opening the name's cell).
    @Test(arguments: [
        ("pdf/putuo-caizhengju-2024-juesuan.layout.txt", ["331 合计 4 -0.01", "331 合计 5 -0.01"]),
        ("pdf/putuo-sifaju-2026-yusuan-danwei.layout.txt", ["181 合计 5 -0.34", "234 合计 5 -0.34"]),
        ("pdf/putuo-wanli-2023-yusuan.layout.txt", []),
    ])
    func aSubtotalThatIsNotTheSumOfItsRowsIsReported(path: String, offs: [String]) throws {
        let document = try Document(contentsOf: Corpus.path(path))
        let found = document.diagnostics.filter { $0.code == "table-subtotal" }.map { diagnostic in
            let words = diagnostic.message.split(separator: " ")
            let name = diagnostic.message.split(separator: ", ")[1]
            let column = words[words.firstIndex(of: "column")! + 1].dropLast()
            return "\(diagnostic.line) \(name) \(column) \(words.last!.dropLast())"
        }
        #expect(found == offs)
    }

    /// The `table-subtotal` messages of the 规划资源局 sample's table of `kind` as read (it adds
    /// up), and with a cent added to the amount `pick` chooses, with that amount as read.
    private func subtotalsWithACentMore(in kind: String, on pick: (Figure) -> Bool) throws
        -> (asRead: [String], withACentMore: [String], figure: Figure, index: Int, figures: [Figure])
    {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.layout.txt"))
        let table = try #require(document.tables.first { $0.kind == kind })
        var figures = document.amounts.filter { $0.cell?.table == table.index }
        let asRead = SubtotalCheck.diagnostics(figures, in: table).map(\.message)
        let picked = figures.firstIndex(where: pick)
        let index = try #require(picked)
        let figure = figures[index]
        figures[index].value += Decimal(string: "0.01")!
        return (asRead, SubtotalCheck.diagnostics(figures, in: table).map(\.message), figure, index, figures)
    }

    /// pdftotext prints a 基本支出 决算表's two totals on the line above their labels, the
    /// table's last (财政局 2024: 2,152.26  184.65 / 人员经费合计  公用经费合计): they are
    /// labelled by them, where they had no label.
    @Test func totalsAboveTheirLabelsAtATablesFootAreLabelled() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        #expect(document.amounts.filter { $0.line == 477 }.map { "\($0.text) \($0.label ?? "-")" }
                == ["2,152.26 人员经费合计", "184.65 公用经费合计"])
    }

    /// A 决算's 收入决算表 sets its 合计 row above the coded rows: it is checked against the 类
    /// too. The 规划资源局 sample's adds up; a cent more on its 合计 is a cent too much.
    @Test func aTotalAboveTheCodedRowsIsChecked() throws {
        let found = try subtotalsWithACentMore(in: "收入决算表") { $0.label == "合计" }
        #expect(found.asRead.isEmpty)
        #expect(found.figures.firstIndex { $0.label == "社会保障和就业支出" }.map { found.index < $0 } == true)
        #expect(found.withACentMore.count == 1)
        #expect(found.withACentMore.first?.contains("收入决算表, 合计, column") == true)
        #expect(found.withACentMore.first?.hasSuffix("(off by 0.01)") == true)
    }

    /// A 基本支出 决算表 sets 人员经费 and 公用经费 side by side, two codes on a row: each half
    /// is checked against its own rows. The 规划资源局 sample's 人员经费 half adds up; a cent
    /// more on its 基本工资 (30101) is a cent too much under 301. Its 公用经费 half does not:
    /// 302 is 440.90 and its 款 440.88. pdftotext printed most of that half's codes at the end
    /// of a line and their names and amounts on the next (30207 / 邮电费 8.05), and the half
    /// went unchecked until those amounts were read as their codes'.
    @Test func eachHalfOfATwoSidedTableIsCheckedOnItsOwn() throws {
        let found = try subtotalsWithACentMore(in: "一般公共预算财政拨款基本支出决算表") { $0.text == "537.64" }
        let commonCosts = "一般公共预算财政拨款基本支出决算表, 类 302 商品和服务支出, column 5: 440.90 is not the sum of its 27 款 rows as read, 440.88 (off by 0.02)"
        #expect(found.asRead == [commonCosts])
        #expect(found.figure.label == "基本工资")
        #expect(found.withACentMore.count == 2)
        #expect(found.withACentMore.first?.contains("类 301 工资福利支出, column 2: 4816.14") == true)
        #expect(found.withACentMore.first?.hasSuffix("(off by -0.01)") == true)
        #expect(found.withACentMore.last == commonCosts)
    }

    /// Rows as full as each other can fill different columns: in the 上海市财政局 2025 预算's
    /// 一般公共预算支出功能分类预算表, 201 06 财政事务 and three amounts, 201 06 04 预算改革业务
    /// and two. Neither shape has every column; the cells of all the rows together do, and
    /// each amount stands under its heading (预算改革业务's 370,000 under 合计 and 项目支出, once
    /// under 基本支出, where 20106 then did not add up). A whole amount in 元 a single space
    /// before the next column's label (171,915,169 一、一般公共服务支出) is two cells.
    @Test func rowsOfDifferentShapesGiveTheTableEveryColumn() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/shanghai-caizhengju-2025-yusuan.layout.txt"))
        let table = try #require(document.tables.first { $0.kind == "一般公共预算支出功能分类预算表" })
        func column(_ heading: String) -> Int? { table.cells.first { $0.text == heading }?.column }
        func row(_ name: String) -> [Int: String] {
            guard let row = table.cells.first(where: { $0.text == name })?.row else { return [:] }
            return Dictionary(uniqueKeysWithValues: table.cells.filter { $0.row == row }.map { ($0.column, $0.text) })
        }
        let (total, basic, project) = try (#require(column("合计")), #require(column("基本支出")), #require(column("项目支出")))
        #expect(row("预算改革业务")[total] == "370,000" && row("预算改革业务")[project] == "370,000")
        #expect(row("预算改革业务")[basic] == nil)
        #expect(row("财政事务")[total] == "127,886,849" && row("财政事务")[basic] == "84,861,719")
        #expect(row("机关事业单位基本养老保险缴费支出")[basic] == "8,000,000")
        #expect(row("死亡抚恤")[project] == "1,200,000")
        #expect(table.cells.allSatisfy { !$0.text.contains(" ") })
        #expect(!document.diagnostics.contains { $0.code == "table-subtotal" && $0.message.contains("20106") })
        let totals = try #require(document.tables.first { $0.kind == "财政拨款收支预算总表" })
        #expect(totals.cells.contains { $0.text == "171,915,169" && $0.row == 2 })
        #expect(totals.cells.contains { $0.text == "一、一般公共服务支出" && $0.row == 2 })
    }

    /// pdftotext lays out each page on its own: the 社会工作部 sample's 收入决算表 sets 科目编码
    /// and 科目名称 apart on its second page (`2101101 | 行政单位医疗`) and not on its first,
    /// which once put the second page's amounts a column right of the first's, under 财政拨款收入
    /// and 上级补助收入. They stand under 本年收入合计 and 财政拨款收入 on both pages, code and
    /// name in columns of their own on both.
    @Test func aPageThatSplitsALabelColumnKeepsTheTablesColumns() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-shehuigongzuobu-2024-juesuan-with-errors.layout.txt"))
        let table = try #require(document.tables.first { $0.kind == "收入决算表" })
        let amounts = document.amounts.filter { $0.cell?.table == table.index }
        #expect(amounts.count >= 30)
        #expect(Set(amounts.compactMap(\.cell?.column)) == [2, 3])
        #expect(table.cells.contains { $0.text == "本年收入合计" && $0.column == 2 })
        #expect(table.cells.contains { $0.text == "财政拨款收入" && $0.column == 3 })
        for (code, name) in [("2013901", "行政运行"), ("2101101", "行政单位医疗")] {
            let row = try #require(table.cells.first { $0.text == code }?.row)
            #expect(table.cells.contains { $0.row == row && $0.column == 0 && $0.text == code })
            #expect(table.cells.contains { $0.row == row && $0.column == 1 && $0.text == name })
        }
    }

    /// A 合计 row pdftotext printed short, its values right after the label (`合计
    /// 156,211,123   156,211,123   0   0   0` at the top of a page), takes the table's amount
    /// columns: the 万里街道 2024 收入预算总表's five, from 合计 on, as every other row's, and its
    /// 支出预算总表's three.
    @Test func aShortTotalRowTakesTheTablesAmountColumns() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-wanli-2024-yusuan.layout.txt"))
        let table = try #require(document.tables.first { $0.kind == "收入预算总表" })
        let total = document.amounts.filter { $0.cell?.table == table.index && $0.label == "合计" }
        #expect(total.map(\.text) == ["156,211,123", "156,211,123", "0", "0", "0"])
        #expect(total.compactMap(\.cell?.column) == [4, 5, 6, 7, 8])
        #expect(table.cells.contains { $0.text == "合计" && $0.column == 4 })
        // The 支出预算总表's, whose first value pdftotext set over two columns.
        let spending = try #require(document.tables.first { $0.kind == "支出预算总表" })
        let spent = document.amounts.filter { $0.cell?.table == spending.index && $0.label == "合计" }
        #expect(spent.map(\.text) == ["156,211,123", "99,706,020", "56,505,103"])
        #expect(spent.compactMap(\.cell?.column) == [4, 5, 6])
    }

    /// Text not laid out by position gives the 三公 header nothing to place: plain pdftotext's
    /// cells a line each, page text's one space apart. Their amounts stay without a label
    /// rather than take a neighbour column's.
    @Test(arguments: ["pdf/jiangsu-jianchayuan-2017-yusuan.raw.txt", "pdf/putuo-wenlv-2025-juesuan.pages.txt"])
    func aSanGongHeaderNotLaidOutLabelsNothing(path: String) throws {
        let document = try Document(contentsOf: Corpus.path(path))
        let tables = Set(document.tables.filter { $0.title?.contains("三公") == true }.map(\.index))
        let row = document.amounts.filter { $0.cell.map { tables.contains($0.table) } ?? false }
        #expect(row.count >= 2)
        #expect(row.allSatisfy { $0.label == nil })
    }

    /// The current 预算 template (上海, 2025): its nine tables named, and the amounts of
    /// its 财务收支预算总表 labelled though pdftotext left one space between an amount and
    /// the next column's label.
    @Test func shanghaiBudgetTables() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-shangwuwei-2025-yusuan.layout.txt"))
        #expect(document.report.year == 2025 && document.report.kind == .budget)
        #expect(document.tables.map(\.kind) == [
            "财务收支预算总表", "收入预算总表", "支出预算总表", "财政拨款收支预算总表", "一般公共预算支出功能分类预算表",
            "政府性基金预算支出功能分类预算表", "国有资本经营预算支出功能分类预算表",
            "一般公共预算基本支出部门预算经济分类预算表", "“三公”经费和机关运行经费预算表",
        ])
        let summary = document.tables[0]
        #expect(summary.unit == .yuan)
        let lines = Set(summary.cells.map(\.line))
        let figures = document.amounts.filter { lines.contains($0.line) }.map { "\($0.label ?? "") \($0.value)" }
        #expect(figures.prefix(5) == ["一、财政拨款收入 371514655", "一、一般公共服务支出 21601733",
                                      "1. 一般公共预算资金 371514655", "二、科学技术支出 17200000", "三、社会保障和就业支出 3808085"])
        // Its 支出预算总表: 合计 | 基本支出 | 项目支出, each row filling a different pair, so
        // pdftotext's drifting columns put two amounts in one cell; each is still a figure.
        let expenses = document.tables[2]
        let expenseLines = Set(expenses.cells.map(\.line))
        let general = document.amounts.filter { expenseLines.contains($0.line) && $0.label == "一般公共服务支出" }
        #expect(general.map(\.value) == [21_601_733, 12_291_733, 9_310_000])
    }

    /// A 合计 row's label spaced out by justification (合   计   13,979.92) is one cell: its
    /// characters fell in two columns, and the amount was labelled 计.
    @Test(arguments: ["jiangsu-jianchayuan-2018-yusuan", "jiangsu-jianchayuan-2019-yusuan"])
    func aLabelSpacedOutIsOneCell(name: String) throws {
        let document = try Document(contentsOf: Corpus.path("pdf/\(name).layout.txt"))
        #expect(!document.amounts.contains { $0.label == "计" || $0.label == "合 计" })
        let basic = try #require(document.tables.first { $0.kind?.hasSuffix("基本支出预算表") == true })
        let total = try #require(basic.cells.first { $0.text == "合计" })
        #expect(basic.cells.filter { $0.row == total.row }.count == 2)
        #expect(document.amounts.filter { $0.cell?.table == basic.index && $0.cell?.row == total.row }.map(\.label) == ["合计"])
    }

    /// A figure read from a table names its cell, so that its column's heading can be found:
    /// 行政运行's 1,511.89 in the 收入决算表 stands under 财政拨款收入 (本年收入合计 to its
    /// left). A figure of the text names none.
    @Test func aTablesFigureNamesItsCell() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        let income = try #require(document.tables.first { $0.kind == "收入决算表" })
        let figures = document.amounts.filter { $0.cell?.table == income.index && $0.label == "行政运行" }
        func heading(_ figure: Figure) -> String {
            income.cells.filter { $0.column == figure.cell?.column && $0.row < figure.cell!.row && TableFigures.amount($0.text) == nil }
                .map(\.text).joined()
        }
        #expect(figures.map { "\($0.text) \(heading($0))" } == ["1,511.90 本年收入合计", "1,511.89 财政拨款收入", "0.01 其他收入"])
        #expect(figures.allSatisfy { figure in
            income.cells.contains { $0.row == figure.cell?.row && $0.column == figure.cell?.column && $0.text == figure.text }
        })
        let text = try #require(document.amounts.first { $0.label == "收入支出总计" })
        #expect(text.cell == nil)
    }

    /// The last table of the 预算 template, the 三公 table, has no note under it: the report's
    /// 其他相关情况说明 follows it. Its headings and sentences were the table's rows, out of
    /// the outline; the table ends at its amounts now, and they are the report's sections,
    /// under 其他相关情况说明 and each project's 情况说明 (titles without a year).
    @Test(arguments: ["putuo-shangwuwei-2025-yusuan", "putuo-sifaju-2026-yusuan-danwei"])
    func theLastTableEndsWhereTheStatementsAfterItBegin(name: String) throws {
        let document = try Document(contentsOf: Corpus.path("pdf/\(name).layout.txt"))
        let threeCosts = try #require(document.tables.last)
        #expect(threeCosts.kind == "“三公”经费和机关运行经费预算表")
        let amountsLine = try #require(threeCosts.cells.first { TableFigures.amount($0.text) != nil }?.line)
        #expect(threeCosts.cells.allSatisfy { $0.line <= amountsLine })
        #expect(document.paragraphs.contains { $0.text == "其他相关情况说明" })
        func sections(_ outline: [Section]) -> [Section] { outline.flatMap { [$0] + sections($0.children) } }
        let headings = sections(document.outline).filter { $0.line > amountsLine && $0.marker?.hasSuffix("、") == true }
        #expect(headings.prefix(5).map { "\($0.marker!)\($0.title.replacing(/\d{4}年/, with: ""))" } == [
            "一、“三公”经费预算情况说明", "二、机关运行经费预算", "三、政府采购预算情况", "四、绩效目标设置情况", "五、国有资产占有使用情况",
        ])
        // Those statements are under their title, and each project's 一、项目概述 … under its own.
        let statements = try #require(document.outline.first { $0.title == "其他相关情况说明" })
        #expect(statements.children.map(\.marker) == ["一、", "二、", "三、", "四、", "五、"])
        let projects = document.outline.filter { $0.kind == .title && $0.line > statements.line }
        #expect(projects.allSatisfy { $0.title.hasSuffix("情况说明") && $0.children.first?.title == "项目概述" })
        #expect(!document.diagnostics.contains { $0.code == "numbering-repeat" && $0.line > statements.line })
    }

    /// A 单位预算's tables are captioned 编制单位：…  单位：元 on one line: the unit is the
    /// second 单位：, and every table's bare numbers are amounts in it (none were, when the
    /// first 单位： was taken for the unit).
    @Test func aUnitBudgetsCaptionNamesItsUnitAfterTheUnit() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-sifaju-2026-yusuan-danwei.layout.txt"))
        #expect(document.tables.map(\.unit) == Array(repeating: .yuan, count: 8) + [.tenThousandYuan])
        let lines = Set(document.tables[0].cells.map(\.line))
        let figures = document.amounts.filter { lines.contains($0.line) }.map { "\($0.label ?? "") \($0.yuan!)" }
        // Its columns of 基本支出 and 项目支出 print whole 元 (12,604,173): amounts too.
        #expect(figures.prefix(6) == ["一、财政拨款收入 86959408.34", "一、公共安全支出 79189400.34", "一、公共安全支出 12604173",
                                      "一、公共安全支出 1744680", "一、公共安全支出 64840547", "1、一般公共预算 86959408.34"])
        #expect(document.amounts.count == 455)
    }

    /// The 部门决算单位构成 of a 上海 决算 (序号  单位名称  备注, then 1 上海市普陀区财政局（本级）…):
    /// its rows have one wide gap or none, and were paragraphs under a header-only table, or
    /// a second table titled by the first row. Where pdftotext runs the name into its 备注
    /// with one space, each word that sits under one column is that column's cell.
    @Test(arguments: ["putuo-caizhengju-2024-juesuan", "putuo-caizhengju-2024-juesuan-injected-errors"])
    func aNumberedListsRowsAreItsRows(name: String) throws {
        let document = try Document(contentsOf: Corpus.path("pdf/\(name).layout.txt"))
        let list = try #require(document.tables.first)
        #expect(list.rows == 4 && list.columns == 3)
        #expect(list.cells.map { "\($0.row),\($0.column) \($0.text)" } == [
            "0,0 序号", "0,1 单位名称", "0,2 备注",
            "1,0 1", "1,1 上海市普陀区财政局(本级)",
            "2,0 2", "2,1 上海市普陀区财政局财政所", "2,2 预算不单列，并入本级",
            "3,0 3", "3,1 上海市普陀区国库收付中心", "3,2 预算不单列，并入本级",
        ])
        #expect(document.tables[1].kind == "收入支出决算总表")
        #expect(!document.paragraphs.contains { $0.text.hasPrefix("2 上海市") })
    }

    /// Where a unit's name is too long for its cell, pdftotext prints its first line above
    /// the number and the rest below (上海市普陀区规划和自然资源局执法大队 / 2 / （下属参公事业单位）):
    /// the three lines are one row, the name one cell. The next table keeps its title.
    @Test func aNameWrappedAroundItsNumberIsOneCell() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.layout.txt"))
        let list = try #require(document.tables.first)
        #expect(list.rows == 6)
        #expect(list.cells.filter { $0.row > 0 }.map { "\($0.row),\($0.column) \($0.text)" } == [
            "1,0 1", "1,1 上海市普陀区规划和自然资源局(本级)",
            "2,0 2", "2,1 上海市普陀区规划和自然资源局执法大队(下属参公事业单位)",
            "3,0 3", "3,1 上海市普陀区土地发展中心(下属事业单位)",
            "4,0 4", "4,1 上海市普陀区自然资源确权登记事务中心(下属事业单位)",
            "5,0 5", "5,1 上海市普陀区规划和自然资源管理事务中心(下属事业单位)",
        ])
        #expect(document.tables[1].kind == "收入支出决算总表")
        #expect(!document.paragraphs.contains { $0.text.contains("下属事业单位") })
    }

    /// The twelve 公开表 of the 2017 江苏 template, as plain pdftotext gives them: one cell a
    /// line, in an order of its own.
    static let jiangsu2017Kinds = [
        "收支预算总表", "收入预算总表", "支出预算总表", "财政拨款收支预算总表", "财政拨款支出预算表", "财政拨款基本支出预算表",
        "政府性基金支出预算表", "一般公共预算支出预算表", "一般公共预算基本支出预算表", "一般公共预算机关运行经费支出预算表",
        "“三公”经费、会议费、培训费支出预算表",
    ]

    /// Plain pdftotext splits a numbered title's caption (一、收支预算总表 / 部门： / 江苏省人民检察院
    /// / 单位：万元) and can put the 单位 after the first amount: the caption under the title
    /// makes it one, and the 单位 anywhere in the table is its unit. None of the twelve
    /// was read, and the tables' cells were 877 paragraphs.
    @Test func plainExtractionsSplitCaptionsFromTitles() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2017-yusuan.raw.txt"))
        #expect(document.tables.map(\.kind) == Self.jiangsu2017Kinds + ["政府采购支出预算表"])
        #expect(document.tables.allSatisfy { $0.unit == .tenThousandYuan })
        #expect(document.paragraphs.count == 224 && document.amounts.count == 238)
    }

    /// Plain pdftotext prints an amount that is a piece of text of its own apart from the item it
    /// is of, a blank line between (省检察院本年收入预算合计 / / 17996.68 万元，其中:): the two are
    /// one sentence, as `-layout` prints them, and the amount is labelled. They were six
    /// paragraphs, and their amounts had no label.
    @Test func anAmountPrintedApartFromItsItem() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2017-yusuan.raw.txt"))
        let labels = document.amounts.filter { [1533, 1549, 1553, 1557, 1623, 1699].contains($0.line) && $0.text != "220万元" }
            .map { "\($0.text) \($0.label ?? "-")" }
        #expect(labels == ["17996.68万元 本年收入预算合计", "17996.68万元 本年支出预算合计", "12323.48万元 基本支出", "5533万元 项目支出",
                           "12308.48万元 一般公共预算财政拨款基本支出预算", "700万元 培训费预算支出"])
        #expect(document.paragraphs.contains { $0.text.hasPrefix("省检察院本年收入预算合计17996.68 万元，其中") })
        // A table's name cell over its amounts, a blank line apart, stays a cell: bare amounts
        // have no unit (基本支出 / / 12,323.48).
        #expect(document.tables.map(\.kind) == Self.jiangsu2017Kinds + ["政府采购支出预算表"])
    }

    /// A numbered title that names its year and court (四、2017 年度江苏省高级人民法院部门财政拨款
    /// 收支预算总表) is a line of its own: it ran on into its 单位 line and header cells, at the
    /// page's width, and only three of twelve tables were read.
    @Test func longNumberedTitlesAreLinesOfTheirOwn() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-fayuan-2017-yusuan.raw.txt"))
        #expect(document.tables.map(\.kind) == Self.jiangsu2017Kinds + ["政府采购预算表"])
        #expect(document.tables[3].title == "四、2017 年度江苏省高级人民法院部门财政拨款收支预算总表")
        #expect(document.tables.allSatisfy { $0.unit == .tenThousandYuan })
    }

    /// pdftotext -layout spreads a justified sentence around its figures (与上年相比增加     3,959.28
    /// 万元，增长 22          %。): such lines are prose, not rows, and their figures keep the
    /// labels their sentences give them. They were ten tables of two or three cells.
    @Test func justifiedSentencesAreNotTables() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt"))
        #expect(document.tables.count == 12 && document.tables.allSatisfy { $0.kind != nil })
        let labels = Dictionary(document.amounts.map { ("\($0.line) \($0.text)", $0.label ?? "") }) { first, _ in first }
        #expect(labels["806 17996.68万元"] == "本年收入预算合计")
        #expect(labels["880 6032.55万元"] == "一般公共预算机关运行经费预算支出")
        #expect(document.paragraphs.contains { $0.text.hasPrefix("1.公共安全(类)支出 13656.34 万元") && $0.text.hasSuffix("增加一定人员经费支出。") })
        // A justified line can end on its figure, the unit starting the next line.
        let later = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2018-yusuan.layout.txt"))
        #expect(later.tables.count == 12 && later.tables.allSatisfy { $0.kind != nil })
        #expect(later.amounts.contains { $0.line == 1002 && $0.text == "21,940.96万元" })
    }

    /// The corpus .docx printed to PDF by LibreOffice and read back with pdftotext -layout: its
    /// 自评表 cells wrap, each text at the top of its cell, so a row of indicators runs over
    /// several lines from the one with its 分值 and 得分; pdftotext runs a cell of digits on into
    /// the next (安全生产隐患 >1200 7134 个 1) and sets each page, and each block of rows, in
    /// columns of its own (the narrow print's block of 质量指标 stands nine columns left of the
    /// rows above it; a name wrapped after 指, 综合应急指 / 挥平台建设, is no level label).
    /// Printed as it is, on a landscape page with wider columns, and with narrower ones, the
    /// four forms read as the .docx does, indicator for indicator. The 项目支出 forms ran over
    /// pages and were read as 18 of 44 and 56 of 18 rows, and no form had its name, department
    /// or funds. A landscape print with columns narrower still wraps the header's labels
    /// (年度指标 / 值), the levels' points ((50 / 分)), the funds' numbers (1166 / .45, 100 / %)
    /// and the 总分 (99.9 / 6), and a cell's wrapped lines run on into the next block of rows,
    /// set further left (3 / 个国家 / 级示范社 …): all read, but for one indicator whose name's
    /// last line pdftotext sets under the target (工作的满 / 意度).
    @Test(arguments: [("libreoffice", 0), ("libreoffice-landscape", 0), ("libreoffice-narrow", 0), ("libreoffice-tight", 1)])
    func wrappedSelfEvaluationRowsAreJoined(print: String, misread: Int) throws {
        func rows(_ evaluation: SelfEvaluation) -> [String] {
            evaluation.indicators.map { i in
                [i.level1, i.level2, i.name, i.target.text, i.actual.text, i.weight?.description ?? "-", i.score?.description ?? "-"]
                    .joined(separator: "|").filter { !$0.isWhitespace }
            }
        }
        let word = try Document(contentsOf: Corpus.path("docx/yongzhou-yingji-2021-juesuan.docx")).tables.compactMap(\.selfEvaluation)
        let document = try Document(contentsOf: Corpus.path("pdf/yongzhou-yingji-2021-juesuan.\(print).layout.txt"))
        let printed = document.tables.compactMap(\.selfEvaluation)
        try #require(word.count == 4 && printed.count == 4)
        #expect(printed.map(\.indicators.count) == [15, 44, 21, 18])
        #expect(zip(printed, word).map { zip(rows($0), rows($1)).count { $0 != $1 } }.reduce(0, +) == misread)
        #expect(zip(printed, word).allSatisfy { $0.totalWeight == $1.totalWeight && $0.totalScore == $1.totalScore })
        // The forms' heads too: 项目支出名称 安全生产专项, 主管部门 永州市应急 / 管理局, the funds'
        // 1166.4 / 5 wrapped under their numbers.
        #expect(printed.map(\.name) == [nil, "安全生产专项", "执法办案经费", "非税收入"])
        #expect(zip(printed, word).allSatisfy { $0.department == $1.department && $0.funds == $1.funds && $0.scope == $1.scope })
        #expect(printed[0].funds?.executed == Decimal(exactString: "2553.51"))
        #expect(!document.diagnostics.contains { $0.code == "self-evaluation-columns" })
    }

    /// A short Word-printed form under no title of its own, whose table runs on past its 总分
    /// into another (项目名称 … / 合计 …): its two rows read (the 总分's numbers are not the rows'
    /// 分值 and 得分), the 总分 its first total line, the lines after it rows of their own.
    /// The total line was taken for where the rows' 分值 stand, and the form was not read.
    @Test func aShortWordPrintedFormKeepsTheLinesAfterIt() throws {
        let document = Document(parsing: """
            \u{0C}封面
            二、绩效情况
            绩效指标    一级指标     二级指标   三级指标    年度指标值  实际完成值   分值      得分      偏差原因分析
                    产出指标     数量指标   培训次数     ≥4 期       4期        50       50
                                       培训人数     100 人      120 人     50       50
                                       （含线上）
            总分      100     100
            项目名称    其他表格    100.00    200.00
            合计        小计        300.00    400.00
            \u{0C}第二页

            """)
        let evaluation = try #require(document.tables.first?.selfEvaluation)
        #expect(evaluation.indicators.map(\.name) == ["培训次数", "培训人数 (含线上)"])
        #expect(evaluation.indicators.map(\.actual.text) == ["4期", "120 人"])
        #expect(evaluation.indicators.allSatisfy { $0.weight == 50 && $0.score == 50 })
        #expect(evaluation.totalWeight == 100 && evaluation.totalScore == 100)
        let texts = document.tables[0].cells.map(\.text)
        #expect(texts.contains("其他表格") && texts.contains("小计") && texts.contains("400.00"))
    }

    /// A line of thousands of amounts a single space apart is thousands of cells, each a
    /// figure of its row (and read in time linear in the row: it was quadratic).
    @Test func aVeryWideRow() {
        let amounts = (1...5_000).map { "\($0).50" }
        let document = Document(parsing: "\u{0C}第一页\n收支预算总表\n部门:某  单位:万元\n项目名称   金额\n合计   "
                                + amounts.joined(separator: " ") + "\n\u{0C}第二页\n")
        #expect(document.amounts.map(\.text) == amounts)
        #expect(document.amounts.allSatisfy { $0.label == "合计" && $0.unit == .tenThousandYuan })
    }

    /// Rows as full as each other but of thousands of shapes (where their amounts stand):
    /// the columns are chosen from the commonest few, so that the table is read in time
    /// linear in its rows (choosing from all of them took 16 s for 4,000 rows, where the
    /// rest of the parse takes under a second). The limit only guards against a hang.
    @Test(.timeLimit(.minutes(1))) func aTableOfThousandsOfRowShapes() throws {
        // Row i's shape: the bits of a multiplicative hash of i, one a cell.
        let rows = (0..<3_000).map { i in
            (0..<12).map { k in (i &* 2_654_435_761) >> (k + 7) & 1 == 0 ? " 101.00" : "项目名称" }.joined(separator: "        ")
        }
        let document = Document(parsing: "\u{0C}第一页\n收支预算总表\n部门:某  单位:万元\n项目名称        金额\n"
                                + rows.joined(separator: "\n") + "\n\u{0C}第二页\n")
        let table = try #require(document.tables.first)
        #expect(table.rows >= 3_000)
        #expect(document.amounts.count > 10_000)
    }

    /// A heading that names a table without being its title (…情况说明), and a name that
    /// is only the end of another table's (支出预算表 in 政府采购支出预算表), give no kind.
    @Test func tableKindsAreWholeNames() {
        // Titles come folded: （ is (.
        #expect(SpacedTableReader.kind(of: "公开05表:财政拨款支出预算表(功能科目)") == "财政拨款支出预算表")
        #expect(SpacedTableReader.kind(of: "2025年预算单位“三公”经费和机关运行经费预算表") == "“三公”经费和机关运行经费预算表")
        #expect(SpacedTableReader.kind(of: "财政拨款基本支出预算表  部门:江苏省政协办公厅") == "财政拨款基本支出预算表")
        #expect(SpacedTableReader.kind(of: "一、收支预算总表情况说明") == nil)
        #expect(SpacedTableReader.kind(of: "项目支出预算表") == nil)
        #expect(SpacedTableReader.kind(of: "政府采购支出预算表") == "政府采购支出预算表")
    }

    @Test(arguments: ["layout", "raw"])
    func nineTablesNamed(extraction: String) throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.\(extraction).txt"))
        #expect(document.tables.compactMap(\.kind) == [
            "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
            "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
            "国有资本经营预算财政拨款收入支出决算表",
        ])
        #expect(document.tables.filter { $0.kind != nil }.allSatisfy { $0.unit == .tenThousandYuan })
    }

    @Test func totalsOfTheFirstTableMatchTheText() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        let summary = try #require(document.tables.first { $0.kind == "收入支出决算总表" })
        let lines = Set(summary.cells.map(\.line))
        let totals = document.amounts.filter { lines.contains($0.line) && $0.label == "总计" }
        #expect(totals.map(\.value) == [Decimal(exactString: "2995.39")!, Decimal(exactString: "2995.39")!])
        #expect(totals.allSatisfy { $0.unit == .tenThousandYuan && $0.yuan == 29_953_900 })
        // The 情况说明 states the same total, and the other figures with their labels.
        let stated = document.amounts.filter { !lines.contains($0.line) }
        #expect(stated.contains { $0.value == Decimal(exactString: "2995.39") && $0.label == "收入支出总计" })
        #expect(stated.contains { $0.value == Decimal(exactString: "2940.05") && $0.label == "本年支出合计" })
        #expect(stated.contains { $0.value == Decimal(exactString: "2336.91") && $0.label == "基本支出" })
        #expect(document.percents.contains { $0.value == Decimal(exactString: "79.49") && $0.label == "基本支出" })
    }

    @Test func summaryTableColumns() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        let summary = try #require(document.tables.first { $0.kind == "收入支出决算总表" })
        #expect(summary.columns == 4)
        // Its header, printed over two lines (收入 / 项目), is one row.
        #expect(summary.cells.filter { $0.row == 0 }.map(\.text) == ["收入项目", "决算数", "支出项目", "决算数"])
        let total = summary.cells.filter { $0.text == "总计" || $0.text == "2,995.39" }.map { "\($0.column):\($0.text)" }
        #expect(total == ["0:总计", "1:2,995.39", "2:总计", "3:2,995.39"])
    }

    // MARK: Hand-made pages

    /// A report of a cover and one page that starts with `heading`, as pdftotext writes it.
    private func pages(_ heading: String, _ lines: [String]) -> Document {
        Document(parsing: (["封面标题", "\u{0C}  " + heading] + lines).joined(separator: "\n"))
    }

    @Test func wrappedLinesAreJoined() {
        // pdftotext breaks lines at the page width, inside a figure or a word.
        let document = pages("一、收入支出决算总体情况说明", [
            "  本年支出合计2940.05万元，比上年减少63.14万元，下降2.10%，其中：基本支出2336.9",
            "1万元，占79.49%。",
            "  项目经费主要用于信息化项目和中介机构服务，年初预算为650.00万元，全年支出决",
            "算为603.14万元。",
            "  （一）",
            "  机关运行经费支出情况",
        ])
        #expect(document.amounts.map { "\($0.value)|\($0.label ?? "")" }
            == ["2940.05|本年支出合计", "63.14|减少", "2336.91|基本支出", "650|年初预算", "603.14|支出决算"])
        #expect(document.percents.map { "\($0.value)|\($0.label ?? "")" } == ["2.1|下降", "79.49|基本支出"])
        // A marker alone on its line takes the next line as its title.
        #expect(document.outline.first?.children.map { "\($0.marker ?? "")\($0.title)" } == ["(一)机关运行经费支出情况"])
    }

    /// A wrapped paragraph's figures and tokens name the line each stands on, and the column
    /// there, its indent counted (each had the paragraph's first line: 4,575 of the 11,181
    /// body figures of the text inputs under Corpus/ and ../shared/corpus).
    @Test func aWrappedParagraphsFiguresNameTheirOwnLines() throws {
        let lines = ["封面标题", "\u{0C}  一、收入支出决算总体情况说明",
                     "  本年支出合计2940.05万元，比上年与上年相比有所减少，其中基本支出减少",
                     "63.14万元，下降2.10%。"]
        let document = Document(parsing: lines.joined(separator: "\n"))
        #expect(document.amounts.map { "\($0.line) \($0.text)" } == ["3 2940.05万元", "4 63.14万元"])
        #expect(document.percents.map { "\($0.line) \($0.text)" } == ["4 2.10%"])
        let cleaned = PageText.clean(lines.enumerated().map { FoldedText($1, line: $0 + 1) })
        let paragraph = try #require(cleaned.lines.first { $0.text.hasPrefix("本年支出") })
        let tokens = Tokenizer().tokens(in: paragraph).filter { $0.kind == .number }
        #expect(tokens.map { "\($0.text)@\($0.location)" } == ["2940.05@3:9", "63.14@4:1", "2.10@4:11"])
    }

    /// A sentence cut at a page's foot goes on on the next page, across the blank lines the
    /// page leaves and its dropped number (比上年预算减少 / … 30 / \f30.8 万元，主要原因是…):
    /// the figure there has its clause (减少), and a figure whose number and unit the page
    /// break parted is read.
    @Test func aSentenceCutAtAPageFootGoesOn() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2019-yusuan.layout.txt"))
        #expect(document.amounts.filter { [952, 957].contains($0.line) }.map { "\($0.text)|\($0.label ?? "")|\($0.change?.rawValue ?? "")" }
            == ["237万元|公务用车运行维护费预算支出|", "30.8万元|减少|decrease"])
        #expect(document.amounts.first { $0.text == "303.4万元" }?.label == "拟采购货物支出")
    }

    /// A line that closes a bracket the line before left open goes on from it, however short
    /// that one is (与上年相比增加（减 / 少）0万元, the template's （如持平作 / 持平表述）); a line
    /// that does not close it is not joined for it.
    @Test func aLineClosingTheBracketLeftOpenGoesOn() throws {
        let document = pages("一、收入预算情况说明", [
            "  2．财政专户管理资金收入预算总计0万元。",
            "                     与上年相比增加（减",
            "少）0万元，增长（减少）0%。主要原因是本部门无此项收入。",
            "                     上海市普陀区图书馆（上海市普陀区少年",
            "宫分馆",
        ])
        #expect(document.paragraphs.map(\.text).suffix(3)
            == ["与上年相比增加(减少)0万元，增长(减少)0%。主要原因是本部门无此项收入。", "上海市普陀区图书馆(上海市普陀区少年", "宫分馆"])
        #expect(document.amounts.map { "\($0.value)|\($0.label ?? "")" } == ["0|财政专户管理资金收入预算总计", "0|增加(减少)"])
        let template = try Document(contentsOf: Corpus.path("pdf/juesuan-template.layout.txt"))
        #expect(template.paragraphs.contains { $0.line == 418 && $0.text == "(如持平作持平表述)" })
    }

    /// A paragraph never ends on ，or 、: a line at the page's width that does goes on into the
    /// next even where pdftotext indents it (江苏 政协 2017: the 498.72万元 and 5.77% were a
    /// paragraph of their own, with no item to be a change of). A narrower line so ending is a
    /// table's cell wrapped in its column, and stays apart.
    @Test func aLineEndingOnACommaAtThePagesWidthGoesOn() {
        let document = pages("一、收入预算情况说明", [
            "  江苏省政协办公厅 2017 年度收入、支出预算总计 9,146.79 万元，与上年相比收、支预算总计各增加 498.72 万元，",
            "        增长 5.77%。主要原因是政策性增资、住房公积金和提租补贴基数调整等。",
            "  深入开展安全，",
            "        生产专项整治",
        ])
        #expect(document.paragraphs.map(\.text).suffix(3) == [
            "江苏省政协办公厅 2017 年度收入、支出预算总计 9,146.79 万元，与上年相比收、支预算总计各增加 498.72 万元，增长 5.77%。"
                + "主要原因是政策性增资、住房公积金和提租补贴基数调整等。",
            "深入开展安全，", "生产专项整治",
        ])
        #expect(document.amounts.map { "\($0.value) \($0.label ?? "-") \($0.changeOf ?? "-")" }
                == ["9146.79 收入支出预算总计 -", "498.72 增加 收入支出预算总计"])
        #expect(document.percents.map { "\($0.value) \($0.label ?? "-") \($0.changeOf ?? "-")" } == ["5.77 增长 收入支出预算总计"])
    }

    /// pdftotext -layout prints a line that starts in the digits' font a little above the line
    /// before it (the 财政局 决算: `603.14万元，占20.51%；` over `本年支出合计…； 项目支出`): the
    /// two go back in order, and each amount so printed takes its item (six of them, none before).
    @Test func aLineRaisedAboveTheOneBeforeItGoesBackInOrder() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        let paragraph = try #require(document.paragraphs.first { $0.line == 543 })
        #expect(paragraph.text == "本年支出合计2940.05万元，其中:基本支出2336.91万元，占79.49%； 项目支出603.14万元，占20.51%；")
        let raised = (document.amounts + document.percents).filter { [542, 567, 590, 601, 666].contains($0.line) && $0.cell == nil }
        #expect(raised.map { "\($0.text) \($0.label ?? "-")" }.sorted()
                == ["15.16% 住房保障支出", "160.75万元 支出决算", "161.62万元 年初预算", "20.51% 项目支出", "449.52万元 支出决算",
                    "598.42万元 涉及预算金额", "598.42万元 涉及预算金额", "603.14万元 项目支出"])
    }

    /// Plain pdftotext keeps its lines in order, with blank lines between a page's pieces and no
    /// paragraph indented (江苏 人大 2017): a line opening with an amount there stays where it is,
    /// and goes on from the item the line before it ends on (see
    /// ``anAmountPrintedApartFromItsItem()``; until 2026-12-06 it stood alone, unlabelled).
    @Test func aLineOpeningWithAnAmountInPlainTextStaysInOrder() {
        let document = pages("六、财政拨款基本支出预算表情况说明", [
            "本表反映部门年度财政拨款基本支出预算安排情况。",
            "江苏省人大常委会办公厅 2017 年度财政拨款基本支出预算",
            "",
            "7666.68 万元，其中：",
            "人员经费 6080.72 万元。主要包括：基本工资、津贴补",
            "",
            "贴、奖金。",
        ])
        #expect(document.paragraphs.map(\.text).contains("江苏省人大常委会办公厅 2017 年度财政拨款基本支出预算7666.68 万元，其中:"))
        #expect(document.amounts.map { "\($0.value) \($0.label ?? "-")" } == ["7666.68 财政拨款基本支出预算", "6080.72 人员经费"])
    }

    /// A line that opens with a 科目's level closes the name the line before wrapped (江苏
    /// 法院 2019: …机关事业单位基本养老保险缴费 / 支出 / （项）支出 1384.7 万元): it goes on
    /// from it, and its amounts are the 科目's, not 支出's.
    @Test func aLineOpeningWithASubjectsLevelGoesOn() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-fayuan-2019-yusuan.layout.txt"))
        let paragraph = try #require(document.paragraphs.first { $0.line == 762 })
        #expect(paragraph.text.hasPrefix("2.行政事业单位离退休(款)机关事业单位基本养老保险缴费支出(项)支出 1384.7 万元"))
        #expect(document.amounts.filter { $0.line == 764 }.map { "\($0.value) \($0.label ?? "-") \($0.changeOf ?? "-")" }
                == ["1384.7 机关事业单位基本养老保险缴费支出 -", "57.89 增加 机关事业单位基本养老保险缴费支出"])
    }

    @Test func wrappedLinesOfDoubleSpacedTextAreJoined() throws {
        // This report's text puts a blank line after every line: each line was a paragraph of
        // its own, broken inside words (收入支 / 出总计), and the figures at a line's start
        // lost their labels (出总计 9746.50万元; 1193.20万元 none).
        let report = try Document(contentsOf: Corpus.path("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.layout.txt"))
        let paragraph = try #require(report.paragraphs.first { $0.line == 610 })
        #expect(paragraph.text == "上海市普陀区规划和自然资源局 2024 年度财政拨款收入支出总计 9746.50 万元。与 2023 年度相比，"
            + "财政拨款收入支出总计增加 1193.20 万元，增长 13.95%。主要原因:项目支出增加，较上一度增加 1133.95 万元，"
            + "主要由于上海市普陀区自然资源确权登记事务中心办公大楼装修等。")
        #expect(report.amounts.filter { (610...616).contains($0.line) }.map { "\($0.value)|\($0.label ?? "")" }
            == ["9746.5|财政拨款收入支出总计", "1193.2|增加", "1133.95|增加"])
        // A row of a table in the same text, two cells apart, is not joined to the next row.
        let template = try Document(contentsOf: Corpus.path("pdf/juesuan-template.layout.txt"))
        #expect(template.tables.flatMap(\.cells).contains { $0.text == "本年支出合计" })
    }

    @Test func aLineIsMeasuredByTheWidthItIsPrintedIn() throws {
        // The page width was a count of characters, which digits and Latin letters, half as wide
        // as a Chinese character, inflate: a line of Chinese at the full width (…行政单位离退,
        // 24 characters) fell short of lines such as 与上年相比增加 28.1万 (the same width, 27
        // characters), and the next line was left a paragraph of its own, its figure unlabelled.
        let report = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2019-yusuan.layout.txt"))
        let paragraph = try #require(report.paragraphs.first { $0.line == 888 })
        #expect(paragraph.text.hasPrefix("1.行政事业单位离退休(款)未归口管理的行政单位离退休(项)支出400.02万元，"))
        #expect(paragraph.text.hasSuffix("主要原因是离休人员增加离休费、离休人员生活补贴等。"))
        #expect(report.amounts.filter { [889, 890, 894, 932].contains($0.line) }.map { "\($0.value)|\($0.label ?? "")" } == [
            "400.02|未归口管理的行政单位离退休", "28.1|增加", "1064.46|机关事业单位基本养老保险费", "18.53|增加",
            "15844.04|一般公共预算财政拨款基本支出预算",
        ])
        // A sentence goes on across a page break: the page number dropped, the next page's
        // first line after a blank line.
        let earlier = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt"))
        #expect(earlier.paragraphs.first { $0.line == 933 }?.text == "七、单位预留机动经费:指预算单位年初预留用于年度执行中增人、增资等不可预见支出的经费。")
        // A title or a heading on its line stays whole: the line after it is not joined to it.
        let raw = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2019-yusuan.raw.txt"))
        #expect(raw.paragraphs.map(\.text).contains("十一、一般公共预算机关运行经费支出预算情况说明"))
    }

    @Test func aParagraphOfThousandsOfWrappedLinesIsJoinedInBoundedPieces() {
        // A text of joinable lines once took time in the square of its length (found by
        // Fuzz/). Joining stops at a bound on a line's length; no text is lost.
        let line = String(repeating: "预算执行情况良好资金使用规范", count: 3)
        let lines = ["封面标题", "\u{0C}  一、情况说明"] + Array(repeating: line, count: 400)
        let document = Document(parsing: lines.joined(separator: "\n"))
        let body = document.paragraphs.filter { $0.text.hasPrefix("预算") }
        #expect(body.count > 1)
        #expect(body.allSatisfy { $0.text.utf8.count - line.utf8.count < PageText.maxJoinedBytes })
        #expect(body.map(\.text).joined() == String(repeating: line, count: 400))
    }

    @Test func aLevelWhoseLastRowLostItsCellsIsRead() {
        // An indicator table in page text whose level label (指) covers a row that a join
        // emptied: renumbering the rows found no new number for that row and trapped, which
        // stops a whole batch (found by Fuzz/, also on 3d81cb1). The span now ends on the row
        // before, and every cell's text is kept.
        let text = "\n\u{0C}\n一级指标  1三级指标\n       31sc\n指\n     mbcs6 0  其"
        let document = Document(parsing: text)
        let cells = document.tables.flatMap(\.cells)
        #expect(cells.map(\.text).sorted() == ["31sc", "mbcs6 0", "一级指标 1三级指标", "其", "指"])
        #expect(cells.allSatisfy { $0.rowSpan >= 1 && $0.row + $0.rowSpan <= document.tables[0].rows })
    }

    @Test func aLineEndingInADigitIsNotJoinedToOneStartingWithOne() {
        // Page text of a table, one row a line (GovBudgetChecker's page_texts): rows were
        // joined as wrapped prose, gluing one row's last amount to the next row's code.
        let rows = ["合计 20323.21 20323.21", "201 一般公共服务支出 207.40 207.40",
                    "20105 统计信息事务 39.99 39.99", "2010507 专项普查活动 39.99 39.99"]
        let document = Document(parsing: (["封面标题", "\u{0C}一、收入决算表"] + rows).joined(separator: "\n"))
        let texts = document.paragraphs.map(\.text) + document.tables.flatMap { $0.cells.map(\.text) }
        #expect(!texts.contains { $0.contains("207.4020105") || $0.contains("39.992010507") })
        #expect(rows.dropFirst().allSatisfy { row in texts.contains { $0.contains(row) } })
        // A figure broken at the page width still joins, its unit after a space or not.
        let prose = Document(parsing: [
            "封面标题", "\u{0C}  一、收入支出决算总体情况说明",
            "  本年支出合计 2940.05 万元，比上年减少 63.14 万元，其中：基本支出 2336.9",
            "1 万元，项目支出 603.14 万元，占全年支出的百分之二十点五，主要用于信息化项目2",
            "0.5万元。",
        ].joined(separator: "\n"))
        #expect(prose.amounts.map(\.value) == [2940.05, 63.14, 2336.91, 603.14, 20.5])
    }

    @Test func aShortLineWithoutPunctuationEndsItsParagraph() throws {
        // A paragraph went on taking lines once it was as long as a page-wide line, whatever
        // its last line: a heading took the next paragraph's first line into its title, and a
        // table's header fragments ran into its 合计 row (功能分类 / 科目编码 / 合计 26,538.47,
        // labelled 本年收入合计 … 科目编码合计).
        let jiangsu = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2019-yusuan.raw.txt"))
        func sections(_ outline: [Section]) -> [Section] { outline.flatMap { [$0] + sections($0.children) } }
        #expect(sections(jiangsu.outline).filter { $0.marker == "九、" }.map(\.title).first
            == "一般公共预算“三公”经费、会议费、培训费支出预算情况说明")
        let wenlv = try Document(contentsOf: Corpus.path("pdf/putuo-wenlv-2025-juesuan.pages.txt"))
        #expect(!wenlv.amounts.contains { $0.label?.contains("科目编码") == true })
        #expect(wenlv.amounts.filter { $0.line == 111 }.map(\.label) == ["合计", "合计"])
        // A line that starts with 、 or ，goes on from a short one all the same.
        let prose = Document(parsing: [
            "封面标题", "\u{0C}  三、财政专户管理资金：包括专户管理行政事业性收费（主要是教育收费）及各类罚没",
            "款项", "、其他非税收入。",
        ].joined(separator: "\n"))
        #expect(prose.paragraphs.map(\.text).last == "三、财政专户管理资金:包括专户管理行政事业性收费(主要是教育收费)及各类罚没款项、其他非税收入。")
    }

    @Test func aTableOfPageTextWithOneSpaceBetweenCellsIsRead() throws {
        // GovBudgetChecker's page_texts: no layout, one space between cells. Each row was one
        // cell (or rows ran together), and its amounts were no figures.
        let text = [
            "封面标题", "\u{0C}上海市某局2025年度部门决算表", "收入支出决算总表", "单位：万元",
            "项目 决算数 项目 决算数",
            "一、一般公共预算财政拨款收入 20218.21 一、一般公共服务支出 207.40",
            "本年收入合计 20,323.21 本年支出合计 20,323.21",
            "注：本表反映部门本年度的总收支和年末结转结余情况。",
            "收入决算表", "单位：万元",
            "项目 本年收入合计 财政拨款收入",
            "201 一般公共服务支出 207.40 207.40", "20105 统计信息事务 39.99 39.99", "20129 群众团体事务 37.51",
            "合计 247.39 247.39",
            "注：本表反映部门本年度取得的各项收入情况。",
        ].joined(separator: "\n")
        let document = Document(parsing: text)
        #expect(document.amounts.map { "\($0.text)|\($0.label ?? "")|\($0.unit.rawValue)" } == [
            "20218.21|一、一般公共预算财政拨款收入|万元", "207.40|一、一般公共服务支出|万元",
            "20,323.21|本年收入合计|万元", "20,323.21|本年支出合计|万元",
            "207.40|一般公共服务支出|万元", "207.40|一般公共服务支出|万元", "39.99|统计信息事务|万元", "39.99|统计信息事务|万元",
            "37.51|群众团体事务|万元", "247.39|合计|万元", "247.39|合计|万元",
        ])
        let income = try #require(document.tables.first { $0.kind == "收入决算表" })
        #expect(income.columns == 3)
        // A row short of an amount lacks the first: its amount stands in the last column.
        #expect(income.cells.filter { $0.text == "37.51" }.map(\.column) == [2])
    }

    @Test func aLabelWrappedAroundItsRowInPageTextIsJoined() throws {
        // pdfplumber centres a cell's text on its row: a label too long for its cell has
        // lines above and below the row's (文化展示及纪念机 / 2070105 1,700.57 1,700.57 / 构).
        // Each fragment was a row of its own, and the row's amounts had no label.
        let wenlv = try Document(contentsOf: Corpus.path("pdf/putuo-wenlv-2025-juesuan.pages.txt"))
        func labels(_ line: Int) -> [String?] { wenlv.amounts.filter { $0.line == line }.map(\.label) }
        #expect(labels(263) == ["文化展示及纪念机构", "文化展示及纪念机构"])
        // Part of the name on the row's line, the rest around it.
        #expect(labels(412) == Array(repeating: "国有土地使用权出让收入对应专项债务收入安排的支出", count: 3))
        // The zeros of empty columns are cells of their own, not words of the label
        // (207 0 2.80 2.80 2.80 0), and the row is not joined to the next one's start.
        #expect(labels(404) == Array(repeating: "文化旅游体育与传媒支出", count: 3))
        // 收入 and 支出 side by side, the 收入 side empty: the amount is the 支出 item's.
        #expect(labels(78) == ["七、文化旅游体育与传媒支出"])
        #expect(wenlv.tables.flatMap(\.cells).filter { $0.line == 78 }.map { "\($0.column):\($0.text)" }
            == ["0:七、附属单位上缴收入", "2:七、文化旅游体育与传媒支出", "3:17,130.42"])
        // One side's item alone, once the 收入 list has ended: the 支出 side's columns.
        #expect(wenlv.tables.flatMap(\.cells).filter { $0.line == 80 }.map { "\($0.column):\($0.text)" }
            == ["2:九、卫生健康支出", "3:370.37"])
        // And by their codes, a row of the 经济分类 table under another, the first one's
        // name wrapped around it (机关事业单位基本养老保 / 30108 699.30 30206 电费 / 险缴费).
        #expect(labels(351) == ["物业管理费"])
        #expect(labels(347) == ["机关事业单位基本养老保险缴费"])
        let row = try #require(wenlv.tables.flatMap(\.cells).first { $0.line == 404 && $0.column == 0 })
        #expect(row.text == "207 文化旅游体育与传媒支出")
        #expect(wenlv.tables.flatMap(\.cells).filter { $0.line == 404 }.map(\.text).suffix(5) == ["0", "2.80", "2.80", "2.80", "0"])
    }

    @Test func aShanghaiBudgetsCoverGivesItsYearAndDepartment() throws {
        // 上海市普陀区2023年区级部门预算 / 预算主管部门：…: the level (区级) hid the year, which
        // came from a sentence (比2022年预算增加), and the cover's two lines were joined as one
        // title, hiding the department's label.
        let wanli = try Document(contentsOf: Corpus.path("pdf/putuo-wanli-2023-yusuan.layout.txt"))
        #expect(wanli.report == ReportInfo(title: "上海市普陀区2023年区级部门预算", department: "上海市普陀区人民政府万里街道办事处",
                                           year: 2023, kind: .budget))
        let commerce = try Document(contentsOf: Corpus.path("pdf/putuo-shangwuwei-2025-yusuan.layout.txt"))
        #expect(commerce.report.title == "上海市普陀区2025年区级部门预算" && commerce.report.year == 2025)
        #expect(commerce.report.department == "上海市普陀区商务委员会")
    }

    @Test func aReportWithoutACoverIsNamedByTheBodyBeforeAYear() throws {
        // The 江苏省政协办公厅 2019 部门预算 opens with its contents, its tables published apart:
        // the department is named only where a sentence opens with it, before the year. A
        // sentence opening with anything else names none.
        let text = """
            第三部分 2019 年度部门预算情况说明
            一、收支预算总体情况说明
            本表（公开 01 表）反映部门年度总体收支预算情况。
            江苏省政协办公厅 2019 年度收入、支出预算总计 13,377.11 万元。
            """
        #expect(Document(parsing: text).report.department == "江苏省政协办公厅")
        #expect(Document(parsing: text.replacingOccurrences(of: "江苏省政协办公厅 2019", with: "本部门 2019")).report.department == nil)
    }

    @Test func aTablesCaptionIsKeptAndNamesTheDepartment() throws {
        // A tables-only 公开表: the 部门：…  单位：万元 line under each title was left out of the
        // table and of the paragraphs, and with it the only place the department is named.
        let text = [
            "公开01表", "\u{0C}                收支预算总表", "部门：江苏省政协办公厅              单位：万元", "",
            "收入                    支出", "项目          预算数     项目          预算数",
            "一、一般公共预算拨款  9,093.77  一、一般公共服务支出  8,040.64",
        ].joined(separator: "\n")
        let document = Document(parsing: text)
        #expect(document.report.department == "江苏省政协办公厅")
        #expect(document.paragraphs.map(\.text).contains("部门:江苏省政协办公厅              单位:万元"))
        #expect(document.tables.first?.unit == .tenThousandYuan)
    }

    @Test(arguments: [
        ("pdf/jiangsu-weibangongting-2017-yusuan-tables.layout.txt", "中国共产党江苏省委员会办公厅", 2017),
        ("pdf/jiangsu-zhengxie-2018-yusuan-tables.raw.txt", "江苏省政协办公厅", 2018),
        ("pdf/jiangsu-renda-2019-yusuan-tables.raw.txt", "江苏省人大常委会办公厅", 2019),
    ])
    func aTablesOnlyReportGivesItsYearAndDepartment(path: String, department: String, year: Int) throws {
        // No cover and no title: the year stands only in the 政府采购预算表's title (after a
        // form feed, at the top of its page), the department only in the 部门： caption that
        // plain pdftotext leaves among the first table's cells (部门: and the name a cell each).
        let document = try Document(contentsOf: Corpus.path(path))
        #expect(document.report == ReportInfo(title: nil, department: department, year: year, kind: .budget))
    }

    @Test func aFormOfPerformanceTargetsInPageTextIsReadWhole() throws {
        // A 2023 部门预算 with five 财政项目支出绩效目标填报表. pdftotext -layout centres a merged
        // level on the rows it covers, or between two; wraps a long label around its row; and
        // puts the side label 绩效指标 on one indicator's line. The prose of the 项目总目标 split
        // each form in two tables, and rows of one narrow gap (三级指标, target) ended them.
        let wanli = try Document(contentsOf: Corpus.path("pdf/putuo-wanli-2023-yusuan.layout.txt"))
        let forms = wanli.tables.filter { $0.selfEvaluation != nil }
        #expect(forms.map(\.title) == Array(repeating: "财政项目支出绩效目标填报表", count: 5))
        let evaluations = forms.compactMap(\.selfEvaluation)
        #expect(evaluations.map(\.name) == ["新建万里街道社区公共服务中心", "就业援助基地补贴", "社区环境整治和建设经费",
                                            "各类工作经费", "公共服务设施运行经费"])
        #expect(evaluations.allSatisfy { $0.stage == .targets && $0.scope == .project
                && $0.department == "上海市普陀区人民政府万里街道办事处" })
        #expect(evaluations.map(\.indicators.count) == [5, 4, 4, 43, 9])
        func levels(_ form: Int) -> [String] { evaluations[form].indicators.map { "\($0.level1)/\($0.level2)" } }
        // 产出指标 on the middle one of its three rows; 服务对象满意度 / 指标 around its row.
        #expect(levels(0) == ["产出指标/数量指标", "产出指标/质量指标", "产出指标/成本指标", "效益指标/社会效益指标",
                              "满意度指标/服务对象满意度指标"])
        // 产出指标 on a line between its two rows.
        #expect(levels(1) == ["产出指标/数量指标", "产出指标/质量指标", "效益指标/社会效益指标", "满意度指标/服务对象满意度指标"])
        // 23 rows of 产出指标, its label half a line above their middle: it ends where 质量指标 does.
        let large = evaluations[3].indicators
        #expect(large.filter { $0.level1 == "产出指标" }.count == 23)
        #expect(large.filter { $0.level2 == "质量指标" }.first?.name == "做好禁毒示范城区标准化建设")
        #expect(large.filter { $0.level2 == "质量指标" }.last?.name == "民兵训练及备勤工作")
        // A 三级指标 wrapped around its target.
        #expect(large.contains { $0.name == "全面提升社区党员党性修养 ，提升书记综合素质 ，牢固树立全心全意为民服务意识" && $0.target.text == "有效" })
        // 社会效益指 / 效益指标 / 标: a level wrapped around the other level's line.
        #expect(levels(4) == ["产出指标/数量指标", "产出指标/数量指标"] + Array(repeating: "产出指标/质量指标", count: 3)
            + Array(repeating: "效益指标/社会效益指标", count: 2) + Array(repeating: "满意度指标/服务对象满意度指标", count: 2))
        // The side label has a column of its own, over every indicator row.
        let side = try #require(forms[4].cells.first { $0.text == "绩效指标" })
        #expect(side.column == 0 && side.rowSpan == 9)
        // =100.00(%): an equal sign, and the unit out of its brackets.
        #expect(evaluations[1].indicators[0].target == SelfEvaluation.Measure(text: "=100.00(%)", comparator: .equal, value: 100, unit: "%"))
    }

    @Test func levelsPrintedAtTheTopOfTheirCellsCoverTheRowsBelow() throws {
        // Not centred: each level stands on the first row it covers, and covers the rows down
        // to the next one's.
        let text = [
            "封面", "\u{0C}项目支出绩效目标表", "",
            "一级指标    二级指标      三级指标        年度指标值",
            "产出指标    数量指标      检查企业        ≥20家",
            "                  培训次数        ≥3期",
            "        质量指标  合格率          ≥95%",
            "效益指标    社会效益指标  群众满意度      ≥90%",
        ].joined(separator: "\n")
        let evaluation = try #require(Document(parsing: text).tables.first?.selfEvaluation)
        #expect(evaluation.stage == .targets && evaluation.scope == .project)
        #expect(evaluation.indicators.map { "\($0.level1)/\($0.level2)/\($0.name)" }
            == ["产出指标/数量指标/检查企业", "产出指标/数量指标/培训次数", "产出指标/质量指标/合格率", "效益指标/社会效益指标/群众满意度"])
    }

    @Test func aTablesTitleOnALineOfItsOwnStartsTheTable() throws {
        // The line above the title ran to the page width (the widest line here), and the
        // title was joined to it as a wrapped line: no table was found under it.
        let text = [
            "封面标题", "\u{0C}上海市普陀区人民政府宜川路街道办事处 2025 年度部门决算表", "收入支出决算总表", "单位：万元",
            "项目 决算数", "一、财政拨款收入 218.21", "本年收入合计 218.21",
        ].joined(separator: "\n")
        let document = Document(parsing: text)
        let table = try #require(document.tables.first { $0.kind == "收入支出决算总表" })
        #expect(table.cells.contains { $0.text == "本年收入合计" })
        #expect(document.amounts.map(\.label) == ["一、财政拨款收入", "本年收入合计"])
    }

    @Test func pageNumbersAndRunningHeadersAreDropped() {
        var pages: [String] = []
        for n in 1...5 {
            pages.append(["上海市普陀区财政局2024年度部门决算", "\(n == 1 ? "一、主要职能" : "正文第\(n)页。")", "- \(n) -"].joined(separator: "\n"))
        }
        let document = Document(parsing: pages.joined(separator: "\n\u{0C}"))
        #expect(document.paragraphs.map(\.text) == ["一、主要职能", "正文第2页。", "正文第3页。", "正文第4页。", "正文第5页。"])
    }

    /// 检察院 2019's 政府采购支出预算表 runs onto a page that pdftotext set a character to the
    /// right as a whole: that page keeps the table's columns, moved, and its amounts stay in
    /// the 总计 column with the first page's. (Its third page, from 物业管理服务, still stands a
    /// column left: it is not set aside as a whole.)
    @Test func aPageSetALittleAsideKeepsTheTablesColumns() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2019-yusuan.layout.txt"))
        let table = try #require(document.tables.first { $0.title == "政府采购支出预算表" })
        #expect(table.columns == 5)
        let total = try #require(table.cells.first { $0.text == "总计" })
        let rows = Dictionary(grouping: table.cells, by: \.row)
        for (label, amount) in [("合计", "2,744.84"), ("三、服务 C", "2,441.44"), ("车辆维修和保养服务", "237.00")] {
            let row = try #require(rows.values.first { $0.contains { $0.text == label } })
            #expect(row.first { $0.text == amount }?.column == total.column, "\(label)")
        }
    }

    /// A two-sided table whose fullest row holds codes and names but no amount (财政局 2024's
    /// 基本支出决算表: 303 04 抚恤金  302 24 被装购置费) has a column for each side's amounts,
    /// so each row's amounts, printed above its codes, join the row: one grid row a line of
    /// the table, not three.
    @Test func aTwoSidedTablesAmountsHaveColumnsOfTheirOwn() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        let table = try #require(document.tables.first { $0.kind == "一般公共预算财政拨款基本支出决算表" })
        let rows = Dictionary(grouping: table.cells, by: \.row).values.map { $0.sorted { $0.column < $1.column }.map(\.text) }
        #expect(rows.contains(["301", "01", "基本工资", "262.33", "302", "01", "办公费", "21.21"]))
        #expect(rows.contains(["301", "12", "其他社会保障缴费", "1.61", "302", "11", "差旅费", "1.20"]))
        #expect(!table.cells.contains { $0.text.contains(" 302") })
    }

    /// 财政局 2024's 支出决算表 prints a row's 基本支出 and 项目支出 a line above the rest of it:
    /// that line joins the row below, whose name labels its amounts.
    @Test func amountsPrintedALineAboveTheirRowJoinIt() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        let table = try #require(document.tables.first { $0.kind == "支出决算表" })
        let rows = Dictionary(grouping: table.cells, by: \.row).values.map { $0.sorted { $0.column < $1.column }.map(\.text) }
        #expect(rows.contains(["201", "一般公共服务支出", "2,106.66", "1,503.52", "603.14"]))
        #expect(rows.contains(["201", "06", "08", "财政委托业务支出", "449.52", "449.52"]))
        #expect(!rows.contains { $0.allSatisfy { TableFigures.amount($0) != nil } && $0.contains("449.52") })
        #expect(document.amounts.filter { $0.text == "449.52" && $0.cell?.table == table.index }.map(\.label) == ["财政委托业务支出", "财政委托业务支出"])
    }

    /// A name wrapped over more lines than its row's amounts take joins its row, whether
    /// pdftotext sets the row's line in the middle of the name (社会工作部: 其他社会工作 /
    /// 2013999  202.24 / 事务支出), the name's one line a line above (规划资源局: 行政运行 /
    /// 2120101  1092.80), or the rest below the name's first line (规划资源局's 收入决算表:
    /// 2080506 机关事业单位职业年金缴费支 225.12 / 出; 财政局: 208 05 06  80.38 / 机关…缴费 / 支出).
    @Test func aNameWrappedAroundItsRowJoinsIt() throws {
        func rows(_ name: String, _ kind: String) throws -> (rows: [[String]], document: Document, table: Int) {
            let document = try Document(contentsOf: Corpus.path("pdf/\(name).layout.txt"))
            let table = try #require(document.tables.first { $0.kind == kind })
            let rows = Dictionary(grouping: table.cells.filter { !$0.text.isEmpty }, by: \.row).values
                .map { $0.sorted { $0.column < $1.column }.map(\.text) }
            return (rows, document, table.index)
        }
        let centred = try rows("putuo-shehuigongzuobu-2024-juesuan-with-errors", "一般公共预算财政拨款支出决算表")
        #expect(centred.rows.contains(["201", "一般公共服务支出", "264.87", "62.63", "202.24"]))
        #expect(centred.rows.contains(["2013999", "其他社会工作事务支出", "202.24", "202.24"]))
        #expect(centred.rows.contains(["2080505", "机关事业单位基本养老保险缴费支出", "6.18", "6.18"]))
        #expect(centred.rows.contains(["21011", "行政事业单位医疗", "2.71", "2.71"]))
        #expect(!centred.rows.contains { $0.count == 1 && !$0[0].contains("科目") && !$0[0].contains("功能") && $0[0] != "项目" })
        #expect(centred.document.amounts.filter { $0.cell?.table == centred.table && $0.text == "202.24" }.map(\.label)
            == ["一般公共服务支出", "社会工作事务", "其他社会工作事务支出", "其他社会工作事务支出", "合计"])
        let raised = try rows("putuo-guihuaziyuan-2024-juesuan-with-errors", "一般公共预算财政拨款支出决算表")
        #expect(raised.rows.contains(["21201", "城乡社区管理事务", "1092.80", "1084.02", "8.77"]))
        #expect(raised.rows.contains(["2120101", "行政运行", "1092.80", "1084.02", "8.77"]))
        #expect(raised.rows.contains(["220", "自然资源海洋气象等支出", "4461.67", "2339.58", "2122.09"]))
        let below = try rows("putuo-guihuaziyuan-2024-juesuan-with-errors", "收入决算表")
        #expect(below.rows.contains(["2080505", "机关事业单位基本养老保险缴费支出", "446.11", "446.11"]))
        #expect(below.rows.contains(["2080506", "机关事业单位职业年金缴费支出", "225.12", "225.12"]))
        let apart = try rows("putuo-caizhengju-2024-juesuan", "收入决算表")
        #expect(apart.rows.contains(["208", "05", "06", "机关事业单位职业年金缴费支出", "80.38", "80.38"]))
    }

    /// A table that ends on a row whose name would wrap past the text's last line (the
    /// fuzzer's first find at d6114d8: the way to share out the pieces asked for lines beyond
    /// the end, and a batch stopped on an index out of range). No row is joined: the pieces
    /// cannot be shared out whole; the labels read the first name's rest below it.
    @Test func aTableEndingOnAWrappedNameIsReadAsItStands() throws {
        let text = """
            一般公共预算财政拨款支出决算表
                                               单位：万元
              科目编码    科目名称          合计        基本支出

             2080505    基本养老保险       446.11       446.11
                        缴费支出
                        机关事业单位
             2080506    职业年金缴费       225.12       225.12

            """
        let document = try Document(bytes: Array(text.utf8), path: "end.layout.txt")
        let table = try #require(document.tables.first)
        #expect(Set(table.cells.map(\.row)).count == 5)
        #expect(document.amounts.map(\.label) == ["基本养老保险缴费支出", "基本养老保险缴费支出", "职业年金缴费", "职业年金缴费"])
    }

    /// `pdftotext -layout -nopgbrk` writes no form feeds. Such text is known by its tables'
    /// columns (社会工作部 2024) or, a report of prose alone (委办公厅 2019), by its lines
    /// wrapped at the page's width; its pages by their numbers, set in from the margin and one
    /// more each time, or, without numbers (万里街道 2024, 商务委 2025), where a table's amounts
    /// move to other columns; its cover is what stands before the 目录, and the 目录 ends with
    /// its entries. Each reads as its paged extraction does, cell for cell. Read as scraped
    /// text, 社会工作部's lines wrapped in mid-sentence stayed apart (272 figures, 258
    /// labelled, the cover's department cut short), and 4 of 委办公厅's 100 figures were lost
    /// or cut (27664.22万 / 元), 15 unlabelled; read as one page, its page number in
    /// …基本支出预算11700.63 / 8 / 万元 made a figure 8万元. Read as one page, 万里街道's
    /// 收入预算总表 lost the 0s of the page its rows went on to (1,010 figures, 829), and its
    /// 目录 stayed in the outline; 商务委's 目录 entry 9．2025年部门“三公”经费…预算表 took the
    /// body after it for that table's rows. 人大常委会 2019 prints its page numbers set off
    /// (─ 11 ─), its even pages' at the margin: before they counted, its odd pages' ran 1, 3,
    /// 5 and gave no pages, and ─ 11 ─ split 未归口管理的行政单位离退 / 休支出（项）271.45万元.
    /// Plain `pdftotext -nopgbrk` (商务委 2025) is known
    /// by its prose, twenty lines wrapped at one width (fifty before: it was read as scraped
    /// text, its wrapped lines apart), and read as one page, its 目录 ended by its last entry.
    @Test(arguments: zip(["putuo-shehuigongzuobu-2024-juesuan-with-errors.layout", "jiangsu-weibangongting-2019-yusuan.layout",
                          "putuo-wanli-2024-yusuan.layout", "putuo-shangwuwei-2025-yusuan.layout", "putuo-shangwuwei-2025-yusuan.raw",
                          "jiangsu-renda-2019-yusuan.layout"],
                         ["putuo-shehuigongzuobu-2024-juesuan-with-errors.nopgbrk", "jiangsu-weibangongting-2019-yusuan.nopgbrk",
                          "putuo-wanli-2024-yusuan.nopgbrk", "putuo-shangwuwei-2025-yusuan.nopgbrk", "putuo-shangwuwei-2025-yusuan.raw-nopgbrk",
                          "jiangsu-renda-2019-yusuan.nopgbrk"]))
    func anExtractionWithoutPageBreaksReadsAsItsPagedOne(paged: String, unpaged: String) throws {
        let paged = try Document(contentsOf: Corpus.path("pdf/\(paged).txt"))
        let unpaged = try Document(contentsOf: Corpus.path("pdf/\(unpaged).txt"))
        func figures(_ document: Document) -> [[String?]] { (document.amounts + document.percents).map { [$0.text, $0.label] } }
        #expect(figures(unpaged) == figures(paged))
        #expect(unpaged.tables == paged.tables)
        #expect(unpaged.outline == paged.outline)
        #expect(unpaged.report == paged.report)
        #expect(unpaged.diagnostics.map(\.message) == paged.diagnostics.map(\.message))
    }

    /// A table continued on the next page under its header printed again (上海市财政局 2025,
    /// `-layout -nopgbrk`: 项目    收入预算 …, then 210 卫生健康支出 set five places left):
    /// the page starts at the header, which names a table in its cells but is no title. Its
    /// 收入预算总表 reads as the paged text's; before, the header ended the table's columns,
    /// and 97 of its cells and 48 figures differed from the paged text's.
    @Test func aContinuedTablesRepeatedHeaderStartsItsPage() throws {
        let paged = try Document(contentsOf: Corpus.path("pdf/shanghai-caizhengju-2025-yusuan.layout.txt"))
        let unpaged = try Document(contentsOf: Corpus.path("pdf/shanghai-caizhengju-2025-yusuan.nopgbrk.txt"))
        let income = try #require(paged.tables.first { $0.kind == "收入预算总表" })
        #expect(income.rows > 30)
        #expect(unpaged.tables.first { $0.kind == "收入预算总表" } == income)
    }

    /// Text is known as page text by twenty lines wrapped at one width, the width of its
    /// widest lines: plain pdftotext's prose (商务委 2025 -nopgbrk), not the headings of
    /// scraped text, as wide as one another but far narrower than its paragraphs.
    @Test func wrappedProseIsTheTextsWidestLines() throws {
        func lines(_ text: String) -> [FoldedText] { text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { FoldedText(String($1), line: $0 + 1) } }
        let raw = try String(contentsOfFile: Corpus.path("pdf/putuo-shangwuwei-2025-yusuan.raw-nopgbrk.txt"), encoding: .utf8)
        #expect(PageText.layout(of: lines(raw)) == .pages)
        let paragraph = String(repeating: "本部门按照预算管理要求，细化预算编制，严格预算执行，", count: 6) + "加强绩效管理。"
        let scraped = (1...30).map { "（\($0)）“三公”经费财政拨款支出决算具体情况说明\n\(paragraph)" }.joined(separator: "\n")
        #expect(PageText.layout(of: lines(scraped)) == .lines)
    }

    /// A piece of a PDF's plain text too short to tell its pages (the 规划资源局 决算's 情况说明,
    /// copied out of its extraction) reads the figures of its sentences as the whole text does:
    /// an amount whose unit went to the next line (…增加 1062.85 / 万元，增长…) and a label
    /// wrapped before its amount (…收入支出总计 / 9859.38 万元). Before, each line stood as a
    /// paragraph: two of the eight amounts were lost and four figures had no label.
    /// Two lines of the piece alone, too few to show a width, are still joined at the unit; a
    /// piece of the double-spaced `-layout` extraction across its blank lines.
    @Test func aShortPieceOfPlainTextJoinsItsWrappedSentences() throws {
        func figures(_ document: Document, lines range: ClosedRange<Int>, from first: Int = 1) -> [String] {
            (document.amounts + document.percents).filter { $0.cell == nil && range.contains($0.line + first - 1) }
                .map { "\($0.line + first - 1) \($0.label ?? "-") \($0.value)\($0.unit.rawValue)" }.sorted()
        }
        // The -layout extraction is double-spaced, a blank line after each line.
        for (file, pieces) in [("raw", [1436...1450, 1445...1446]), ("layout", [583...612])] {
            let path = Corpus.path("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.\(file).txt")
            let whole = try Document(contentsOf: path)
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for range in pieces {
                let piece = lines[(range.lowerBound - 1)..<range.upperBound].joined(separator: "\n")
                let document = try Document(bytes: Array(piece.utf8), path: "piece.txt")
                #expect(figures(document, lines: range, from: range.lowerBound) == figures(whole, lines: range), "\(file) \(range)")
            }
        }
        let raw = try String(contentsOfFile: Corpus.path("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.raw.txt"), encoding: .utf8)
        let piece = try Document(bytes: Array(raw.split(separator: "\n", omittingEmptySubsequences: false)[1435..<1450].joined(separator: "\n").utf8),
                                 path: "piece.txt")
        #expect(figures(piece, lines: 1...15).count == 12)
        #expect(piece.amounts.contains { $0.value == Decimal(string: "1062.85") && $0.label == "增加" && $0.line == 5 })
        #expect(piece.amounts.contains { $0.value == Decimal(string: "9859.38") && $0.label == "收入支出总计" })
    }

    /// In scraped text, whose lines are paragraphs, a sentence is joined where its break is
    /// plain (a number broken at its decimal point, 2553. / 52万元, read as 52万元 before), and
    /// nowhere else: a line of a table's cells (5万元/期 under its item, one a line in a word
    /// processor's export), a word broken with nothing to show it (收入总 / 计…) and a list item
    /// after a line that ends on ，stay apart.
    @Test func scrapedLinesJoinOnlyWhereASentencePlainlyBreaks() throws {
        let text = "一、收入支出决算总体情况说明\n2021年度收入总\n计2553.52万元，比上年增长48.16%。支出总计2553.\n52万元。\n应急管理系统业务培训\n5万元/期\n其中，\n（一）财政拨款收入\n"
        let document = try Document(bytes: Array(text.utf8), path: "scraped.txt")
        #expect(document.paragraphs.map(\.line) == [1, 2, 3, 5, 6, 7, 8])
        // 5万元/期 is a rate (since 2026-12-07, fifteenth sitting), told, not an amount.
        #expect(document.amounts.map { "\($0.line) \($0.label ?? "-") \($0.value)" } == ["3 - 2553.52", "3 支出总计 2553.52"])
        #expect(document.diagnostics.contains { $0.code == "figure-not-read" && $0.line == 6 && $0.message.hasPrefix("5万元/期 is a rate") })
        // Prose wrapped at one width over a TAB table: not joined as a piece of a PDF's text
        // is, which took the table's header row (a TAB, then 项目) for the sentence's end.
        let wrapped = (2...4).map { "本部门2021年度收入总计\($0)万元，与上年相比增加835.27万元，主要原因是省厅增拨资金等，详见" }
            + ["\t项目", "\t决算数", "", "\t收入总计", "\t2553.52", ""]
        let page = try Document(bytes: Array(wrapped.joined(separator: "\n").utf8), path: "scraped.txt")
        #expect(page.paragraphs.map(\.line) == [1, 2, 3])
        #expect(page.tables.first?.cells.map(\.text) == ["项目", "决算数", "收入总计", "2553.52"])
    }

    /// A report's prose hard-wrapped at a page's width, as a web page made of a PDF's lines
    /// gives it (each line a paragraph, a blank line after each: the 永州 report's sentences
    /// at 36 characters, a number never split), read as its sentences: every figure outside
    /// its tables with the value, label and change of the report's own. Double-spaced, such
    /// text was read a line at a time, and its tables from the prose's pieces.
    @Test(arguments: ["\n", "\n\n"])
    func proseWrappedAtAPagesWidthReadsAsItsSentences(lineEnd: String) throws {
        let original = Corpus.yongzhouDocument
        let report = try String(contentsOfFile: Corpus.yongzhou, encoding: .utf8)
        func wrapped(_ line: Substring) -> [Substring] {
            guard line.count > 40, !line.contains("\t") else { return [line] }
            var pieces: [Substring] = []
            var rest = line.drop { $0 == " " }
            while rest.count > 36 {
                var end = rest.index(rest.startIndex, offsetBy: 36)
                func inNumber(_ c: Character) -> Bool { c.isASCII && (c.isNumber || c == "." || c == ",") }
                while end < rest.endIndex, inNumber(rest[end]) || rest[end] == "%", inNumber(rest[rest.index(before: end)]) {
                    end = rest.index(after: end)
                }
                pieces.append(rest[..<end])
                rest = rest[end...]
            }
            return pieces + [rest]
        }
        let text = report.split(separator: "\n", omittingEmptySubsequences: false).map { wrapped($0).joined(separator: lineEnd) }.joined(separator: "\n")
        let document = Document(parsing: text)
        func read(_ document: Document) -> [String] {
            (document.amounts + document.percents).filter { $0.cell == nil }.map { "\($0.value) \($0.unit.rawValue) \($0.label ?? "-") \($0.change?.rawValue ?? "-")" }
        }
        #expect(read(document).count == 284)
        #expect(read(document) == read(original))
        #expect(document.tables.map(\.title) == original.tables.map(\.title))
    }

    /// Plain pdftotext sets a table's cells a line each, so a 科目's code can stand alone at a
    /// page's top (财政局 2024: 210, 208, 303; 检察院 2017: 30104, 30206, 30218 between its
    /// page numbers 12 … 16). A bare number is a page number when the pages around count up
    /// with it: the codes stay in their tables, the page numbers go.
    @Test func aCodeAloneAtAPagesTopIsNoPageNumber() throws {
        let caizhengju = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.raw.txt"))
        let cells = caizhengju.tables.flatMap(\.cells)
        #expect([343, 527, 1096].map { line in cells.filter { $0.line == line }.map(\.text) } == [["210"], ["208"], ["303"]])
        let jianchayuan = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2017-yusuan.raw.txt"))
        let kept = Set(jianchayuan.tables.flatMap(\.cells).map(\.line) + jianchayuan.paragraphs.map(\.line))
        #expect([603, 923, 1106].allSatisfy(kept.contains))
        #expect(![30, 601, 921, 1104, 1272, 1723, 1742].contains(where: kept.contains))
    }

    /// A table's row of codes at a page's top (财政局 2024: `303   05   302`, the codes of
    /// 生活补助 and 专用燃料费) is no page number: its cells stay in the table.
    @Test func numbersASpaceApartAtAPagesEdgeAreNoPageNumber() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        let table = try #require(document.tables.first { $0.kind == "一般公共预算财政拨款基本支出决算表" })
        #expect(table.cells.filter { $0.line == 412 }.map(\.text) == ["303", "05", "302"])
    }
}

/// Whether poppler's pdftotext is installed here (CI installs it).
let hasPdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].contains {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// .pdf input through pdftotext.
@Suite("PDF input", .enabled(if: hasPdftotext))
struct PDFInputTests {
    @Test(arguments: [
        "juesuan-template", "putuo-caizhengju-2024-juesuan", "putuo-caizhengju-2024-juesuan-injected-errors",
        "putuo-guihuaziyuan-2024-juesuan-with-errors", "putuo-shehuigongzuobu-2024-juesuan-with-errors",
    ])
    func pdfGivesWhatItsLayoutExtractionGives(name: String) throws {
        let pdf = try Document(contentsOf: Corpus.path("pdf/\(name).pdf"))
        let text = try Document(contentsOf: Corpus.path("pdf/\(name).layout.txt"))
        #expect(pdf.source.format == .pdf && pdf.source.encoding == nil)
        #expect(pdf.report == text.report)
        #expect(pdf.outline == text.outline)
        #expect(pdf.tables == text.tables)
        #expect(pdf.amounts == text.amounts && pdf.percents == text.percents)
    }

    @Test func pdfWithoutTextIsRefused() throws {
        let empty = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        #expect(throws: FinParseError.self) { try Document(bytes: Array(empty.utf8), path: "scan.pdf") }
        do { _ = try Document(bytes: Array(empty.utf8), path: "scan.pdf") } catch {
            #expect(error.code == .noText || error.code == .malformedPDF)
            #expect(error.description.hasPrefix("scan.pdf: "))
        }
    }
}

extension PDFTextTests {
    /// A form feed inside a line starts a page there, on the same input line.
    @Test func aFormFeedInsideALineStartsAPage() {
        let lines = FoldedText.lines(of: "目 录\n末行\u{0C}第二页\n下一行\u{0C}\u{0C}空页后")
        #expect(lines.map(\.original) == ["目 录", "末行", "\u{0C}第二页", "下一行", "\u{0C}", "\u{0C}空页后"])
        #expect(lines.map(\.line) == [1, 2, 2, 3, 3, 3])
    }

    @Test func aWrappedLabelOfTheOtherSideIsThatSidesName() throws {
        // The 宜川路 决算's 基本支出 table, 人员经费 and 公用经费 side by side: the 公用经费 side's
        // name wraps around a row whose 人员经费 side has its own (因公出国(境)费 / 30113
        // 住房公积金 431.39 30212 13.24 / 用). The fragments went to the left name
        // (因公出国(境)费住房公积金用), and the row took a column too many.
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-yichuanlu-2025-juesuan.pages.txt"))
        let table = try #require(document.tables.first { $0.kind == "一般公共预算财政拨款基本支出决算表" })
        func row(_ code: String) -> [String] {
            guard let row = table.cells.first(where: { $0.text.hasPrefix(code + " ") })?.row else { return [] }
            return table.cells.filter { $0.row == row }.sorted { $0.column < $1.column }.map { "\($0.column):\($0.text)" }
        }
        #expect(row("30113") == ["0:30113 住房公积金", "1:431.39", "2:30212 因公出国(境)费用", "3:13.24"])
        #expect(row("30310") == ["0:30310 个人农业生产补贴", "2:30231 公务用车运行维护费", "3:81.11"])
        // The left name wrapped around its code alone, the right side's item right after it.
        #expect(row("30399") == ["0:30399 其他对个人和家庭的补助", "2:30240 税金及附加费用", "3:20.81"])
        #expect(table.columns == 4)
        func labels(_ line: Int) -> [String?] { document.amounts.filter { $0.line == line }.map(\.label) }
        #expect(labels(493) == ["住房公积金", "因公出国(境)费用"])
        #expect(labels(508) == ["公务用车运行维护费"])
    }

    /// Page texts joined by a bare form feed (no line end before it), as the 文化和旅游局
    /// report's pages were written out from pdfplumber: read as pages, so the 目录 stays out
    /// of the outline, 第二部分 is found through it (a page's last line shares its number),
    /// and the 九张表 are tables. Before, each page's last line ran into the next one's first.
    @Test func pagesJoinedByABareFormFeed() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-wenlv-2025-juesuan.pages.txt"))
        #expect(document.report.department == "上海市普陀区文化和旅游局")
        #expect(document.outline.compactMap(\.marker) == ["第一部分", "第二部分", "第三部分", "第四部分"])
        #expect(document.diagnostics.map(\.code).contains("table-of-contents"))
        #expect(document.tables.compactMap(\.kind) == [
            "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
            "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
            "国有资本经营预算财政拨款收入支出决算表",
        ])
    }

    /// The 目录 lists the report's tables, and a table it lists that the text does not hold
    /// is reported at its entry: the injected-errors 财政局 report leaves out its 支出决算表,
    /// in both extractions. Every other report in Corpus/pdf holds every table its 目录
    /// lists, spelt as it may be (政府性基金财政拨款支出预算表 in the 目录 of the 江苏 检察院
    /// 2019, 政府性基金预算财政拨款支出预算表 over its table).
    @Test func aTableTheContentsListButTheTextLacksIsReported() throws {
        let texts = try FileManager.default.contentsOfDirectory(atPath: Corpus.path("pdf"))
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(texts.count > 30)
        for text in texts {
            let document = try Document(contentsOf: Corpus.path("pdf/" + text))
            let missing = document.diagnostics.filter { $0.code == "listed-table-missing" }
            switch text {
            case "putuo-caizhengju-2024-juesuan-injected-errors.layout.txt", "putuo-caizhengju-2024-juesuan-injected-errors.raw.txt":
                #expect(missing.map(\.severity) == [.warning])
                #expect(missing.first?.message.hasPrefix("the 目录 lists 三、支出决算表, and no 支出决算表 was found") == true)
                #expect(missing.first?.line == (text.contains("layout") ? 19 : 12))
            case "jiangsu-weibangongting-2019-yusuan.layout.txt", "jiangsu-weibangongting-2019-yusuan.nopgbrk.txt",
                 "jiangsu-renda-2019-yusuan.layout.txt", "jiangsu-renda-2019-yusuan.nopgbrk.txt":
                // The narratives of reports that publish their tables as a file of their own:
                // one warning for the twelve.
                #expect(missing.count == 1)
                #expect(missing.first?.message.hasPrefix("the 目录 lists 12 tables (一、收支预算总表 … 十二、政府采购支出预算表), and the text holds none") == true)
            default:
                #expect(missing.isEmpty, "\(text): \(missing.map(\.message))")
            }
        }
    }

    /// A listed table whose title the text prints but under which no table was read is said
    /// to be so: the 财政局 决算 with its 支出决算表's rows cut out (lines 205–246), its title
    /// (line 204) left, is a table finparse did not read, not one the report leaves out.
    @Test func aListedTableWhoseTitleStandsButWasNotReadIsSaidToBe() throws {
        let text = try String(contentsOfFile: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[203].hasSuffix(" 支出决算表"))
        lines.removeSubrange(204..<246)
        let document = try Document(bytes: Array(lines.joined(separator: "\n").utf8), path: "caizhengju.layout.txt")
        #expect(!document.tables.contains { $0.kind == "支出决算表" })
        #expect(document.diagnostics.filter { $0.code == "listed-table-missing" }.map(\.message)
            == ["the 目录 lists 三、支出决算表, and its title stands at line 204, but no table was read under it"])
    }

    /// A standard table's title wrapped before its last character (“三公”经费、会议费、培训费支出预算
    /// / 表, 江苏省人大办公厅 2017) titles its table: the table was read as an untitled one, its
    /// amounts without their unit or labels, and the 目录's entry found no table.
    @Test func aTableTitleWrappedBeforeItsLastCharacterTitlesItsTable() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-renda-2017-yusuan.layout.txt"))
        let table = try #require(document.tables.first { $0.kind == "“三公”经费、会议费、培训费支出预算表" })
        #expect(table.title == "“三公”经费、会议费、培训费支出预算表" && table.unit == .tenThousandYuan)
        let values = document.amounts.filter { $0.cell?.table == table.index }
        #expect(values.map(\.text) == ["2,542.60", "833.60", "222.50", "183.60", "183.60", "427.50", "1,305.25", "403.75"])
        #expect(values.map(\.label) == ["合计", "“三公”经费小计", "因公出国(境)费", "公务用车购置及运行维护费小计",
                                          "公务用车运行维护费", "公务接待费", "会议费", "培训费"])
        #expect(!document.diagnostics.contains { $0.code == "listed-table-missing" })
    }
}
