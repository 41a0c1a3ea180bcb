import FoundationEssentials
import Testing
@testable import FinParse

@Suite("Tables and 自评表")
struct TableTests {
    // MARK: The corpus report

    private var evaluations: [SelfEvaluation] { Corpus.yongzhouDocument.tables.compactMap(\.selfEvaluation) }

    @Test func corpusTables() {
        let tables = Corpus.yongzhouDocument.tables
        #expect(tables.map(\.title) == [
            "2021年度部门整体支出绩效自评表", "2021年度项目支出绩效自评报告", "2021年度项目支出绩效自评表",
            "2021年度项目支出绩效自评报告", "2021年度项目支出绩效自评表", "2021年度项目支出绩效自评报告",
            "2021年度项目支出绩效自评表",
        ])
        #expect(tables.map(\.columns) == [9, 3, 9, 3, 9, 3, 9])
        // The 自评报告 are key/value tables, not 自评表.
        #expect(tables.map { $0.selfEvaluation != nil } == [true, false, true, false, true, false, true])
        // No line of a table is also a body paragraph.
        let tableLines = Set(tables.flatMap { $0.cells.map(\.line) })
        #expect(Corpus.yongzhouDocument.paragraphs.allSatisfy { !tableLines.contains($0.line) })
    }

    @Test func corpusSelfEvaluations() {
        let evaluations = evaluations
        #expect(evaluations.map(\.scope) == [.department, .project, .project, .project])
        #expect(evaluations.map(\.name) == [nil, "安全生产专项", "执法办案经费", "非税收入"])
        #expect(evaluations.allSatisfy { $0.department == "永州市应急管理局" })
        #expect(evaluations.map(\.indicators.count) == [15, 44, 21, 18])
        #expect(evaluations.map { "\($0.totalWeight!)/\($0.totalScore!)" } == ["100/100", "100/95.5", "100/95.8", "100/99.96"])
        #expect(evaluations.map { "\($0.funds!.initialBudget!)/\($0.funds!.fullYearBudget!)/\($0.funds!.executed!)" }
            == ["1166.45/1166.45/2553.51", "210/210/210", "96/96/40.5", "54/54/54"])
        // The 安全生产专项 table does not add up as printed (weights 87 + 10, scores 82.5 + 10
        // against 100 and 95.5): the parser keeps the figures and says so.
        let sums = Corpus.yongzhouDocument.diagnostics.filter { $0.code.hasPrefix("self-evaluation") }
        #expect(sums.map(\.line) == [666, 666])
        #expect(sums.map(\.message) == [
            "scores of the indicators and funds add up to 92.5, the 总分 row says 95.5",
            "weights of the indicators and funds add up to 97, the 总分 row says 100",
        ])
    }

    @Test func corpusSpotFacts() throws {
        let all = evaluations.flatMap(\.indicators)
        let hazard = try #require(all.first { $0.name == "安全生产隐患交办" })
        #expect(hazard.target == SelfEvaluation.Measure(text: "＞1200个", comparator: .greater, value: 1200, unit: "个"))
        #expect(hazard.actual == SelfEvaluation.Measure(text: "7134个", value: 7134, unit: "个"))
        #expect(hazard.weight == 1 && hazard.score == 1)
        #expect(hazard.level1 == "产出指标" && hazard.level2 == "数量指标")
        #expect(hazard.line == 766)

        let fines = try #require(all.first { $0.name == "烟花爆竹和危险化学品行业罚没" })
        #expect(fines.score == Decimal(exactString: "4.7"))
        #expect(fines.deviation == "部分指标下达给各县区")
        #expect(fines.level2 == "成本指标")

        let satisfaction = try #require(all.first { $0.name == "社会公众和企业对应急管理工作的满意度" })
        #expect(satisfaction.target.text == "≧95%")
        #expect(satisfaction.target.comparator == .greaterOrEqual)
        #expect(satisfaction.target.value == 95 && satisfaction.target.unit == "%")
        #expect(satisfaction.level1 == "满意度指标")

        // Broken and vertical labels joined; every level present.
        #expect(Set(all.map(\.level1)) == ["产出指标", "效益指标", "满意度指标"])
        #expect(all.contains { $0.level2 == "经济效益指标" })
        #expect(all.allSatisfy { !$0.level2.isEmpty && !$0.name.isEmpty })
        // A formula gives its result; a rate with its name keeps its comparison.
        let drill = try #require(all.first { $0.name.hasPrefix("综合性实战应急演练每次") })
        #expect(drill.actual.value == 40 && drill.actual.unit == "万元")
        #expect(all.first { $0.target.text == "合格率≥80%" }?.target.comparator == .greaterOrEqual)
    }

    @Test func corpusGridSpans() throws {
        let table = Corpus.yongzhouDocument.tables[0]
        let header = try #require(table.cells.first { $0.text == "绩效指标" })
        #expect(header.column == 0 && header.rowSpan == 17)
        let output = try #require(table.cells.first { $0.text == "产出指标(50分)" })
        #expect(output.rowSpan == 11 && output.line == 439)
        #expect(table.cells.contains { $0.text == "年度预算申请(万元)" && $0.rowSpan == 7 })
    }

    // MARK: Hand-made layouts

    /// Scraped-text layout: a TAB before each cell, a blank line after each row;
    /// "|" in a cell breaks it over lines with a blank line between, as scrapes do.
    private func scraped(_ rows: [[String]], title: String = "2021年度项目支出绩效自评表", lineEnd: String = "\n") -> String {
        var lines = [title]
        for row in rows {
            for cell in row {
                let pieces = cell.split(separator: "|", omittingEmptySubsequences: false)
                lines.append("\t" + pieces[0])
                for piece in pieces.dropFirst() { lines += ["", String(piece)] }
            }
            lines.append("")
        }
        lines.append("备注：示例。")
        return lines.joined(separator: lineEnd) + lineEnd
    }

    private let header = ["绩|效|指|标", "一级指标", "二级指标", "三级指标", "年度|指标值", "实际|完成值", "分值", "得分", "偏差原因|分析及|改进措施"]
    private let body = [
        ["", "产出指标|(50分)", "数量指标", "检查企业", "≥20家", "25家", "30", "30", ""],
        ["", "", "", "培训", "＞3期", "2期", "20", "15", "师资不足"],
        ["", "满意度|指标|（10分）", "服务对象|满意度指标", "满意度", "≧95%", "96%", "50", "50", ""],
    ]

    /// A table kept in thousands or millions (单位：千元, 单位：百万元) gives its amounts as figures
    /// in 元 or 万元, the value multiplied and the text as written (before, none, and no word).
    @Test func aTableInThousandsGivesItsAmounts() throws {
        let thousands = Document(parsing: "收入支出决算总表\n单位：千元\n项目\t决算数\n一般公共预算财政拨款收入\t2,940.05\n合计\t2,940.05\n")
        #expect(thousands.tables.map(\.unit) == [.thousandYuan])
        #expect(thousands.amounts.map { "\($0.text) \($0.value) \($0.unit.rawValue) \($0.label ?? "-")" }
                == ["2,940.05 2940050 元 一般公共预算财政拨款收入", "2,940.05 2940050 元 合计"])
        let millions = Document(parsing: "支出决算表\n单位：百万元\n项目\t决算数\n基本支出\t12.5\n")
        #expect(millions.tables.first?.unit == .millionYuan)
        #expect(millions.amounts.map { "\($0.value) \($0.unit.rawValue) \($0.yuan!)" } == ["1250 万元 12500000"])
        let json = try #require(String(data: JSONEncoder().encode(thousands.tables[0]), encoding: .utf8))
        #expect(json.contains(#""unit":"千元""#))
    }

    @Test func smallTable() throws {
        let document = Document(parsing: scraped([["项目|名称", "示例项目"], header] + body + [["总分", "100", "95"]]))
        let table = try #require(document.tables.first)
        let evaluation = try #require(table.selfEvaluation)
        #expect(evaluation.name == "示例项目")
        #expect(evaluation.indicators.map(\.name) == ["检查企业", "培训", "满意度"])
        #expect(evaluation.indicators.map(\.level1) == ["产出指标", "产出指标", "满意度指标"])
        #expect(evaluation.indicators.map(\.level2) == ["数量指标", "数量指标", "服务对象满意度指标"])
        #expect(evaluation.indicators[1].deviation == "师资不足")
        #expect(evaluation.totalWeight == 100 && evaluation.totalScore == 95)
        #expect(document.paragraphs.map(\.text) == ["2021年度项目支出绩效自评表", "备注:示例。"])
    }

    /// A figure in a 自评表's cell (100%, 210万元) said nothing of what it measures: its cell
    /// holds the figure alone. It takes its row's name now: the indicator's, or the funds
    /// row's (年度资金总额 … 执行率 100%), the same in the text, the .docx and the web page.
    @Test func aCellsFigureIsLabelledByItsRow() throws {
        for document in [Corpus.yongzhouDocument, try Document(contentsOf: Corpus.path("docx/yongzhou-yingji-2021-juesuan.docx")),
                         try Document(contentsOf: Corpus.path("html/yongzhou-yingji-2021-juesuan.html"))] {
            let cellLines = Set(document.tables.flatMap { $0.cells.map(\.line) })
            let inCells = (document.amounts + document.percents).filter { cellLines.contains($0.line) }
            // 78: the targets 5万元/期 and 20万元/次 are rates, no amounts (since the fifteenth sitting).
            #expect(inCells.count == 78)
            #expect(inCells.allSatisfy { $0.label != nil })
            let labels = Dictionary(grouping: inCells, by: { $0.label! }).mapValues { $0.map(\.text) }
            #expect(labels["宣传覆盖率"] == ["100%", "100%", "100%", "100%"])
            #expect(labels["年度资金总额"] == ["100%", "100%", "100%", "100%"])
            #expect(labels["年度预算金额"] == ["210万元", "96万元", "54万元"])
            #expect(labels["矿山和工贸行业罚没"] == ["18.7万元"])
        }
        // A target in words (及时) stands between the name and the actual's 100%: the name labels it.
        let row = ["", "产出指标|(50分)", "时效指标", "资金拨付及时率", "及时", "100%", "30", "30", ""]
        let document = Document(parsing: scraped([header, row, ["总分", "100", "95"]]))
        #expect(document.percents.map { "\($0.label ?? "") \($0.text)" } == ["资金拨付及时率 100%"])
    }

    @Test func aTableOfTargetsWithoutActualsIsReadAsTargets() throws {
        // A 绩效目标表 sets the targets with the budget: no 实际完成值, 分值 or 得分 column.
        // It was no 自评表, so its indicators were not read at all.
        let targets = [0, 1, 2, 3, 4]
        let rows = [["项目|名称", "示例项目"]] + ([header] + body).map { row in targets.map { row[$0] } }
        let evaluation = try #require(Document(parsing: scraped(rows)).tables.first?.selfEvaluation)
        #expect(evaluation.stage == .targets && evaluation.scope == .project && evaluation.name == "示例项目")
        #expect(evaluation.indicators.map(\.name) == ["检查企业", "培训", "满意度"])
        #expect(evaluation.indicators.map(\.level1) == ["产出指标", "产出指标", "满意度指标"])
        #expect(evaluation.indicators[1].target.comparator == .greater && evaluation.indicators[1].target.value == 3)
        #expect(evaluation.indicators.allSatisfy { $0.actual == SelfEvaluation.Measure(text: "") && $0.weight == nil })
        // A 自评表 stays one.
        #expect(Document(parsing: scraped([header] + body)).tables.first?.selfEvaluation?.stage == .selfEvaluation)
    }

    @Test(arguments: [
        // A form's unit in brackets, and = as a comparator (before, = went with a sum only).
        ("=100.00(%)", SelfEvaluation.Measure(text: "=100.00(%)", comparator: .equal, value: 100, unit: "%")),
        ("≥13459.00(平方米)", SelfEvaluation.Measure(text: "≥13459.00(平方米)", comparator: .greaterOrEqual, value: 13459, unit: "平方米")),
        ("20*2=40万元", SelfEvaluation.Measure(text: "20*2=40万元", value: 40, unit: "万元")),
        // The measure's name before a percent, with or without words of comparison.
        ("满意率100%", SelfEvaluation.Measure(text: "满意率100%", value: 100, unit: "%")),
        ("居民参与率不低于 80%", SelfEvaluation.Measure(text: "居民参与率不低于 80%", comparator: .greaterOrEqual, value: 80, unit: "%")),
        ("不低于80家", SelfEvaluation.Measure(text: "不低于80家", comparator: .greaterOrEqual, value: 80, unit: "家")),
        // >= and <= as typed on a keyboard; a comparison after the number (以内, 及以下); a bound
        // said to be inclusive (含). Before, >= and <= left the value unread, 以内 stayed in the unit.
        (">=95%", SelfEvaluation.Measure(text: ">=95%", comparator: .greaterOrEqual, value: 95, unit: "%")),
        ("<=5万元", SelfEvaluation.Measure(text: "<=5万元", comparator: .lessOrEqual, value: 5, unit: "万元")),
        ("5天以内", SelfEvaluation.Measure(text: "5天以内", comparator: .lessOrEqual, value: 5, unit: "天")),
        ("3次及以下", SelfEvaluation.Measure(text: "3次及以下", comparator: .lessOrEqual, value: 3, unit: "次")),
        ("100%（含）", SelfEvaluation.Measure(text: "100%（含）", value: 100, unit: "%")),
        // A range is at least its lower bound, up to its upper; a span of dates is no range.
        // About (左右, 约) is no part of the unit or the name. Before, none had a value, and
        // 95%左右 had the unit %左右.
        ("90%-95%", SelfEvaluation.Measure(text: "90%-95%", comparator: .greaterOrEqual, value: 90, upper: 95, unit: "%")),
        ("300～500人次", SelfEvaluation.Measure(text: "300～500人次", comparator: .greaterOrEqual, value: 300, upper: 500, unit: "人次")),
        ("3至5个", SelfEvaluation.Measure(text: "3至5个", comparator: .greaterOrEqual, value: 3, upper: 5, unit: "个")),
        ("1-12月", SelfEvaluation.Measure(text: "1-12月")),
        ("2021-2023年", SelfEvaluation.Measure(text: "2021-2023年")),
        ("5-3天", SelfEvaluation.Measure(text: "5-3天")),
        ("95%左右", SelfEvaluation.Measure(text: "95%左右", value: 95, unit: "%")),
        ("约1000人", SelfEvaluation.Measure(text: "约1000人", value: 1000, unit: "人")),
        ("满意度约为95%", SelfEvaluation.Measure(text: "满意度约为95%", value: 95, unit: "%")),
        // After a name, a number that words of comparison stand right before (深圳's forms); 内
        // after the unit. Before, no value; the unit 个小时内.
        ("出具评估报告总成本不超过0.3万元", SelfEvaluation.Measure(text: "出具评估报告总成本不超过0.3万元", comparator: .lessOrEqual, value: Decimal(string: "0.3"), unit: "万元")),
        ("3个小时内", SelfEvaluation.Measure(text: "3个小时内", comparator: .lessOrEqual, value: 3, unit: "个小时")),
        // A change's percent is no level; digits after a name may be the name's.
        ("同比下降5%", SelfEvaluation.Measure(text: "同比下降5%")),
        ("完成2023年度任务", SelfEvaluation.Measure(text: "完成2023年度任务")),
    ])
    func measuresAsFormsWriteThem(text: String, expected: SelfEvaluation.Measure) {
        var diagnostics: [Diagnostic] = []
        let cell = TableGrid.Cell(row: 0, column: 0, text: FoldedText(text, line: 1).text, original: text, line: 1)
        #expect(SelfEvaluationReader.measure(cell, &diagnostics) == expected)
        #expect(diagnostics.isEmpty)
    }

    @Test func columnsInAnotherOrder() throws {
        // 得分 before 分值, 实际 before 年度: read by header, not by position.
        let order = [0, 1, 2, 3, 5, 4, 7, 6, 8]
        let rows = ([header] + body).map { row in order.map { row[$0] } }
        let evaluation = try #require(Document(parsing: scraped(rows)).tables.first?.selfEvaluation)
        let training = try #require(evaluation.indicators.first { $0.name == "培训" })
        #expect(training.target.comparator == .greater && training.target.value == 3)
        #expect(training.actual.value == 2)
        #expect(training.weight == 20 && training.score == 15)
    }

    /// An evaluation form that weighs its levels too (一级指标 | 权重 | 二级指标 | 分值 | 三级指标 |
    /// 分值): each indicator's weight and score are those right of its name, and the 总分 row's
    /// numbers are read by the columns they stand in. Before, the first 权重 was taken for the
    /// indicators' (the 一级's 50 on its first row, nothing on the others) and a 总分 row with
    /// its 得分 alone gave that score as the total weight.
    @Test func levelsWeighedInColumnsOfTheirOwn() throws {
        let header = ["一级指标", "权重", "二级指标", "分值", "三级指标", "分值", "年度|指标值", "实际|完成值", "得分", "偏差原因"]
        let body = [
            ["产出指标", "50", "数量指标", "30", "检查企业", "15", "≥20家", "25家", "15", ""],
            ["", "", "", "", "培训", "15", "＞3期", "2期", "10", "师资不足"],
            ["", "", "质量指标", "20", "合格率", "20", "100%", "100%", "20", ""],
            ["满意度指标", "50", "服务对象|满意度指标", "50", "满意度", "50", "≧95%", "96%", "50", ""],
        ]
        let scoreOnly = ["总分", "", "", "", "", "", "", "", "95", ""]
        for (total, weight) in [(["总分", "", "", "", "", "100", "", "", "95", ""], Decimal(100)), (scoreOnly, nil)] {
            let document = Document(parsing: scraped([header] + body + [total]))
            let evaluation = try #require(document.tables.first?.selfEvaluation)
            #expect(evaluation.indicators.map(\.name) == ["检查企业", "培训", "合格率", "满意度"])
            #expect(evaluation.indicators.map(\.level2) == ["数量指标", "数量指标", "质量指标", "服务对象满意度指标"])
            #expect(evaluation.indicators.map(\.weight) == [15, 15, 20, 50])
            #expect(evaluation.indicators.map(\.score) == [15, 10, 20, 50])
            #expect(evaluation.totalWeight == weight && evaluation.totalScore == 95)
            #expect(!document.diagnostics.contains { $0.code.hasPrefix("self-evaluation") })
        }
    }

    /// 安徽's form (a 天长 自评表, 2022): a group label, 年度绩效指标完成情况, heads the first column
    /// on the header row; each name starts with the template's 指标1：; a row left as the
    /// template gave it is 指标1：/ | / | /. Before, the group label was taken for the actual's
    /// column (no actual was read), the names kept 指标1：, and the empty row was an indicator.
    @Test func anhuiFormsGroupLabelNumberedNamesAndEmptyRows() throws {
        let header = ["年度绩效指标|完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]
        let body = [
            ["", "产出指标(50分)", "数量指标", "指标1：完成中型灌区节水改造项目数量", "1", "1", "40", "40", ""],
            ["", "效益指标(40分)", "生态效益指标", "指标1：/", "/", "/", "", "", ""],
            ["", "", "社会效益指标", "指标1", "", "", "", "", ""],
            ["", "满意度指标(10分)", "服务对象满意度指标", "指标1：服务对象满意度", "90%", "100%", "10", "10", ""],
        ]
        let document = Document(parsing: scraped([header] + body + [["总分", "", "", "", "", "", "50", "50", ""]]))
        let evaluation = try #require(document.tables.first?.selfEvaluation)
        #expect(evaluation.indicators.map(\.name) == ["完成中型灌区节水改造项目数量", "服务对象满意度"])
        #expect(evaluation.indicators.map { $0.actual.value } == [1, 100])
        #expect(!document.diagnostics.contains { $0.code.hasPrefix("self-evaluation") })
    }

    /// 深圳's 绩效目标申报表 (松岗街道, .xlsx): its name beside 项目名称： (a colon in the label cell:
    /// before, no name), each level's unused rows 不适用 | 不适用 (before, indicators named
    /// 不适用), and a header's last line that holds a weight alone, （90）, as a `-layout` page
    /// wraps it (before, an indicator with nothing but that).
    @Test func shenzhenFormsColonLabelsAndUnusedRows() throws {
        let rows = [
            ["项目名称：", "社区工作站管理经费（东方社区）", "", "", ""],
            ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
            ["", "", "", "", "（90）"],
            ["产出", "数量", "社区饭堂数量", "1处", "40"],
            ["", "质量", "不适用", "不适用", ""],
            ["效益", "社会效益", "保障工作人员用餐的及时性", "3个小时内", "50"],
        ]
        let evaluation = try #require(Document(parsing: scraped(rows, title: "二级项目支出绩效目标申报表")).tables.first?.selfEvaluation)
        #expect(evaluation.stage == .targets && evaluation.name == "社区工作站管理经费(东方社区)")
        #expect(evaluation.indicators.map(\.name) == ["社区饭堂数量", "保障工作人员用餐的及时性"])
        #expect(evaluation.indicators.map(\.weight) == [40, 50])
    }

    /// 云南's form (永德 明朗中学 2022): 年度指标值 over 指标性质 | 指标值 | 度量单位, beside 实际完成值,
    /// 分值 and 得分 that span both header rows, and = typed as ═. Before, a Word or web table
    /// took the 指标性质 column for the target (≧, no value), and text, which keeps no spans,
    /// read the level row alone: a 绩效目标表 without actuals, weights or scores; ═ was no sign.
    @Test func yunnanFormsTargetUnderThreeColumns() throws {
        let rows = [
            ["产出指标", "数量指标", "学生受资助人数", "≧", "735", "人次", "735", "10", "10"],
            ["", "质量指标", "营养改善计划覆盖率", "═", "100", "%", "98%", "10", "9"],
        ]
        let cells = { (row: [String]) in row.map { "<td>\($0)</td>" }.joined() }
        let page = """
            <html><body><p>2022年度项目支出绩效自评表</p><table>
            <tr><td colspan="3">绩效指标</td><td colspan="3">年度指标值</td><td rowspan="2">实际完成值</td><td rowspan="2">分值</td><td rowspan="2">得分</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标性质</td><td>指标值</td><td>度量单位</td></tr>
            \(rows.map { "<tr>\(cells($0))</tr>" }.joined())
            </table></body></html>
            """
        let text = scraped([["绩效指标", "", "", "年度指标值", "", "", "实际完成值", "分值", "得分"],
                            ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"]] + rows)
        for document in [try Document(bytes: Array(page.utf8), path: "page.html"), Document(parsing: text)] {
            let evaluation = try #require(document.tables.first?.selfEvaluation)
            #expect(evaluation.stage == .selfEvaluation)
            #expect(evaluation.indicators.map(\.target) == [
                SelfEvaluation.Measure(text: "735", comparator: .greaterOrEqual, value: 735, unit: "人次"),
                SelfEvaluation.Measure(text: "100", comparator: .equal, value: 100, unit: "%"),
            ])
            #expect(evaluation.indicators.map { "\($0.actual.text) \($0.weight!) \($0.score!)" } == ["735 10 10", "98% 10 9"])
        }
    }

    /// Forms that name a column otherwise than the 财政部 template: before, a 三级指标 called
    /// 指标名称 or a target column called 年度目标 left the table without indicators, and a
    /// column called 完成数, 满分, 自评分 or 扣分原因 was dropped without a word.
    @Test(arguments: [
        ("三级指标", "指标名称"), ("三级指标", "具体指标"), ("年度|指标值", "年度目标"), ("年度|指标值", "计划值"),
        ("实际|完成值", "完成数"), ("实际|完成值", "执行情况"), ("分值", "满分"), ("分值", "标准分"),
        ("得分", "自评分"), ("得分", "评分"), ("偏差原因|分析及|改进措施", "扣分原因"), ("偏差原因|分析及|改进措施", "未完成原因"),
    ])
    func columnsNamedOtherwise(standard: String, other: String) throws {
        let rows = [header.map { $0 == standard ? other : $0 }] + body + [["总分", "", "", "", "", "", "100", "95", ""]]
        let evaluation = try #require(Document(parsing: scraped(rows)).tables.first?.selfEvaluation)
        #expect(evaluation.stage == .selfEvaluation)
        #expect(evaluation.indicators.map(\.name) == ["检查企业", "培训", "满意度"])
        let training = evaluation.indicators[1]
        #expect(training.target.value == 3 && training.actual.value == 2)
        #expect(training.weight == 20 && training.score == 15 && training.deviation == "师资不足")
        #expect(evaluation.totalWeight == 100 && evaluation.totalScore == 95)
    }

    /// A 计量单位 column gives its unit to the numbers of the target and actual beside it
    /// (≥120 | 126 in 公里); a value in words keeps none.
    @Test func aUnitColumnGivesItsUnit() throws {
        let rows = [
            ["一级指标", "二级指标", "三级指标", "计量单位", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
            ["产出指标", "数量指标", "养护里程", "公里", "≥120", "126", "15", "15", ""],
            ["", "时效指标", "完成时限", "", "年底前", "按期", "10", "10", ""],
        ]
        let evaluation = try #require(Document(parsing: scraped(rows)).tables.first?.selfEvaluation)
        #expect(evaluation.indicators.map(\.target) == [
            SelfEvaluation.Measure(text: "≥120", comparator: .greaterOrEqual, value: 120, unit: "公里"),
            SelfEvaluation.Measure(text: "年底前"),
        ])
        #expect(evaluation.indicators[0].actual == SelfEvaluation.Measure(text: "126", value: 126, unit: "公里"))
    }

    /// 四川's project form, as a county's web page publishes it: the target's sign in a 指标性质
    /// column (= | 100 | %), its unit in a 度量单位 column, 完成值 and 权重, and a funds block of
    /// 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 on a 总额 row. Before, the
    /// targets had no comparison and no unit, the funds were not read, and the weights were said
    /// not to add up to the 合计 (90 against 100) for want of the funds' 10.
    @Test func aSichuanProjectForm() throws {
        func row(_ cells: [(String, Int)]) -> String { "<tr>" + cells.map { "<td colspan=\"\($0.1)\">\($0.0)</td>" }.joined() + "</tr>" }
        let page = "<html><body><p>一、项目支出绩效自评表</p><table>" + [
            [("部门预算项目支出绩效自评表(2023年度)", 10)], [("项目名称", 2), ("工资性支出", 8)],
            [("预算执行情况(10分)", 2), ("年度预算数(万元)", 1), ("年初预算", 1), ("调整后预算数", 1), ("预算执行数", 1),
             ("预算执行率", 1), ("权重", 1), ("得分", 1), ("原因", 1)],
            [("", 2), ("总额", 1), ("238.93", 1), ("251.89", 1), ("251.89", 1), ("100.00%", 1), ("10", 1), ("10", 1), ("", 1)],
            [("绩效指标(90分)", 10)],
            ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"].map { ($0, 1) },
            ["产出指标", "数量指标", "发放(缴纳)覆盖率", "=", "100", "%", "100", "60", "60", ""].map { ($0, 1) },
            ["效益指标", "社会效益指标", "足额保障率(参保率)", "≥", "95", "%", "98", "30", "30", ""].map { ($0, 1) },
            [("合计", 7), ("100", 1), ("100", 1), ("", 1)],
        ].map(row).joined() + "</table></body></html>"
        let document = try Document(bytes: Array(page.utf8), path: "sichuan.html")
        let evaluation = try #require(document.tables.first?.selfEvaluation)
        #expect(evaluation.indicators.map(\.target) == [
            SelfEvaluation.Measure(text: "100", comparator: .equal, value: 100, unit: "%"),
            SelfEvaluation.Measure(text: "95", comparator: .greaterOrEqual, value: 95, unit: "%"),
        ])
        #expect(evaluation.indicators.map(\.actual.value) == [100, 98] && evaluation.indicators.map(\.weight) == [60, 30])
        #expect(evaluation.funds == SelfEvaluation.Funds(initialBudget: Decimal(string: "238.93"), fullYearBudget: Decimal(string: "251.89"),
                                                          executed: Decimal(string: "251.89"), executionRate: "100.00%", weight: 10, score: 10))
        #expect(!document.diagnostics.contains { $0.code.hasPrefix("self-evaluation") })
    }

    /// 湖南's 绩效目标申报表 as a city's page publishes it: its department beside 预算部门 (before,
    /// none), its targets under 指标值及单位, empty rows of a level with no indicator left out.
    @Test func aHunanTargetsForm() throws {
        let page = """
            <html><body><p>2023年项目支出绩效目标申报表</p><table>
            <tr><td>项目支出名称</td><td colspan="2">雾炮车降尘抑尘服务</td><td>预算部门</td><td>XX市环境卫生管理处</td></tr>
            <tr><td rowspan="5">本年度 绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值及单位</td><td>绩效标准</td></tr>
            <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>配备车辆数</td><td>10辆</td><td>计划标准</td></tr>
            <tr><td>成本指标</td><td>控制在预算成本内</td><td>250万</td><td>计划标准</td></tr>
            <tr><td>效益指标</td><td>经济效益指标</td><td></td><td></td><td></td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>市民满意度</td><td>≥90%</td><td>计划标准</td></tr>
            </table></body></html>
            """
        let evaluation = try #require(try Document(bytes: Array(page.utf8), path: "hunan.html").tables.first?.selfEvaluation)
        #expect(evaluation.stage == .targets && evaluation.name == "雾炮车降尘抑尘服务" && evaluation.department == "XX市环境卫生管理处")
        #expect(evaluation.indicators.map { "\($0.name) \($0.target.value ?? -1)\($0.target.unit ?? "")" }
                == ["配备车辆数 10辆", "控制在预算成本内 250万", "市民满意度 90%"])
    }

    /// A header over two rows (绩效指标 over 一级 | 二级 | 三级指标; 年度指标 over 目标值 | 实际值),
    /// a 自评总分 row and weights as shares (10%): before, the first table had no indicators,
    /// the 自评总分 row was an indicator and a weight of 10% none, all without a word.
    @Test func aHeaderOverTwoRows() throws {
        let page = """
            <html><body><p>2022年度项目支出绩效自评表</p><table>
            <tr><td colspan="3">绩效指标</td><td rowspan="2">年度指标值</td><td rowspan="2">实际完成值</td><td rowspan="2">分值</td><td rowspan="2">得分</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td></tr>
            <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>检查企业</td><td>≥20家</td><td>25家</td><td>40%</td><td>40</td></tr>
            <tr><td>质量指标</td><td>培训合格率</td><td>100%</td><td>90%</td><td>30%</td><td>25</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>满意度</td><td>≥95%</td><td>96%</td><td>30%</td><td>30</td></tr>
            <tr><td colspan="5">自评总分</td><td>100%</td><td>95</td></tr>
            </table><p>2022年度部门整体支出绩效自评表</p><table>
            <tr><td rowspan="2">一级指标</td><td rowspan="2">二级指标</td><td rowspan="2">三级指标</td><td colspan="2">年度指标</td><td rowspan="2">分值</td><td rowspan="2">得分</td></tr>
            <tr><td>目标值</td><td>实际值</td></tr>
            <tr><td>产出指标</td><td>时效指标</td><td>资金拨付及时率</td><td>100%</td><td>100%</td><td>100</td><td>100</td></tr>
            <tr><td>总分</td><td></td><td></td><td></td><td></td><td>100</td><td>100</td></tr>
            </table></body></html>
            """
        let document = try Document(bytes: Array(page.utf8), path: "page.html")
        let evaluations = document.tables.compactMap(\.selfEvaluation)
        try #require(evaluations.count == 2)
        #expect(evaluations[0].indicators.map(\.name) == ["检查企业", "培训合格率", "满意度"])
        #expect(evaluations[0].indicators.map(\.level1) == ["产出指标", "产出指标", "满意度指标"])
        #expect(evaluations[0].indicators.map(\.weight) == [40, 30, 30])
        #expect(evaluations[0].indicators.map(\.score) == [40, 25, 30])
        #expect(evaluations[0].totalWeight == 100 && evaluations[0].totalScore == 95)
        #expect(evaluations[1].scope == .department && evaluations[1].indicators.map(\.name) == ["资金拨付及时率"])
        #expect(evaluations[1].indicators.first?.target.value == 100 && evaluations[1].indicators.first?.actual.value == 100)
        #expect(evaluations[1].totalWeight == 100 && evaluations[1].totalScore == 100)
        #expect(!document.diagnostics.contains { $0.code.hasPrefix("self-evaluation") })
    }

    /// A form's head in other words than the 财政部 template's: the department as 部门（单位）
    /// 名称, 单位名称 or 预算单位, the funds as 预算数 | 执行数 (no 年初预算数) or over a 合计 row.
    /// Before, the department was left out and the funds block too, without a word, and the
    /// weights then fell short of the 总分 row's.
    @Test(arguments: [
        (["部门（单位）名称", "示例局"], ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
         ["年度资金总额", "210", "210", "200", "10", "95.24%", "10"], Decimal?(210)),
        (["单位名称", "示例局"], ["资金情况（万元）", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
         ["年度资金总额", "210", "200", "10", "95.24%", "10"], nil),
        (["预算单位", "示例局"], ["项目资金（万元）", "预算数", "执行数", "执行率", "分值", "得分"],
         ["合计", "210", "200", "95.24%", "10", "10"], nil),
    ])
    func aFormsHeadInOtherWords(department: [String], fundsHeader: [String], fundsRow: [String], initialBudget: Decimal?) throws {
        let rows = [department, fundsHeader, fundsRow, header] + body + [["总分", "", "", "", "", "", "110", "105", ""]]
        let document = Document(parsing: scraped(rows, title: "2021年度部门整体支出绩效自评表"))
        let evaluation = try #require(document.tables.first?.selfEvaluation)
        #expect(evaluation.department == "示例局" && evaluation.scope == .department)
        #expect(evaluation.funds == SelfEvaluation.Funds(initialBudget: initialBudget, fullYearBudget: 210, executed: 200,
                                                         executionRate: "95.24%", weight: 10, score: 10))
        #expect(evaluation.indicators.map(\.name) == ["检查企业", "培训", "满意度"])
        #expect(!document.diagnostics.contains { $0.code.hasPrefix("self-evaluation") })
    }

    /// A table with an indicator header whose columns cannot be told (no target column) is
    /// said not to be read, where before its indicators were missing without a word.
    @Test func anIndicatorHeaderNotReadIsTold() throws {
        let page = """
            <html><body><p>绩效目标</p><table>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>说明</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>检查企业</td><td>全年检查20家以上</td></tr>
            </table></body></html>
            """
        let document = try Document(bytes: Array(page.utf8), path: "page.html")
        #expect(document.tables.count == 1 && document.tables[0].selfEvaluation == nil)
        #expect(document.diagnostics.map(\.code) == ["indicators-not-read"])
        #expect(document.diagnostics.first?.line == document.tables[0].cells.first { $0.text == "三级指标" }?.line)
    }

    /// A 自评表 whose cells a web page's text runs together, or parts by spaces or bars, is not
    /// read: a warning says so at its header, where before nothing did (pages of 安徽, 海南,
    /// 河北 and 四川 counties). A sentence that counts the levels is no header.
    @Test func anIndicatorHeaderInALineOfTextIsTold() {
        func warnings(_ text: String) -> [Int] {
            Document(parsing: text).diagnostics.filter { $0.code == "indicators-not-read" }.map(\.line)
        }
        #expect(warnings("一级指标 二级指标 三级指标 指标性质 年度指标值 分值 得分\n产出指标 数量指标 检查企业 20家 22家 10 10\n") == [1])
        #expect(warnings("绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分产出指标数量指标检查企业10 20家 22家 10\n") == [1])
        #expect(warnings("项目名称 | 安全生产 |\n三级指标 |\n分值 |\n") == [2])
        #expect(warnings("本项目设置一级指标3个、二级指标8个、三级指标20个，各三级指标的分值按重要程度确定，得分最高不超过分值。\n").isEmpty)
    }

    /// A 自评表 as a web page's converter gives it, bars between the cells, every row padded
    /// with bars to the widest, a row broken where a cell's text broke, and the places merged
    /// cells cover left out (安徽 萧县, 四川 大英 pages): its indicators read under their columns,
    /// a group's 分值 and 得分 shared by the rows under it, the funds under their header by their
    /// 执行率. Before, no table, and a warning.
    @Test func aFormWithBarsBetweenItsCells() throws {
        let page = """
            绩效目标自评表 | ||||||||||
            项目名称 | 河西村特色种养补贴到户项目 | 项目负责人及电话 | 李宁 | |||||||
            主管部门 | 县农业农村局 | 实施单位 | 张庄寨镇人民政府 | |||||||
            预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 | ||
            总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 | 预算执行率=预算执行数/调整后预算数 | |||
            其中:财政资金 | 0.00 | 3.36 | 3.36 | 100.00% | / | / | ||||
            绩效指标 | 一级 指标 |
            二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | ||
            产 出 指 标 (50分) |
            数量指标 | ★补助瓜果蔬菜种植面积 | 20 | 29.5亩 | 29.5亩 | 20 | ||||
            其中桃树种植面积 | 1.5亩 | 1.5亩 | ||||||||
            质量指标 | ||||||||||
            种植作物成活率 | 30 | 95% | 90% | 25 | 天旱 | |||||
            …… | ||||||||||
            效 益 指 标 (40分) |
            社会效益 指标 |
            |||||||||
            受益人口数量 | 40 | 90人 | 90人 | 40 | ||||||
            总分 | 100 | 95 | ||||||||
            评价结论 | 资金已拨付到户。 | |||||||||
            """
        let document = Document(parsing: page)
        #expect(!document.diagnostics.contains { $0.code == "indicators-not-read" || $0.code == "self-evaluation-columns" })
        let evaluation = try #require(document.tables.first?.selfEvaluation)
        #expect(evaluation.name == "河西村特色种养补贴到户项目" && evaluation.department == "县农业农村局")
        #expect(evaluation.funds?.fullYearBudget == Decimal(string: "3.36") && evaluation.funds?.executed == Decimal(string: "3.36"))
        #expect(evaluation.funds?.executionRate == "100.00%" && evaluation.funds?.weight == 10 && evaluation.funds?.score == 10)
        #expect(evaluation.indicators.map(\.name) == ["★补助瓜果蔬菜种植面积", "其中桃树种植面积", "种植作物成活率", "受益人口数量"])
        #expect(evaluation.indicators.map(\.level1) == ["产出指标", "产出指标", "产出指标", "效益指标"])
        #expect(evaluation.indicators.map(\.level2) == ["数量指标", "数量指标", "质量指标", "社会效益指标"])
        #expect(evaluation.indicators.map(\.target.text) == ["29.5亩", "1.5亩", "95%", "90人"])
        #expect(evaluation.indicators.map(\.actual.text) == ["29.5亩", "1.5亩", "90%", "90人"])
        #expect(evaluation.indicators.map(\.weight) == [20, nil, 30, 40] && evaluation.indicators.map(\.score) == [20, nil, 25, 40])
        #expect(evaluation.indicators.map(\.deviation) == [nil, nil, "天旱", nil])
        #expect(evaluation.totalWeight == 100 && evaluation.totalScore == 95)
        // The lines after the form read on as text.
        #expect(document.paragraphs.map(\.line) == [20])
    }

    /// The same with a bar before each row too, a header over two rows (云南's form: 年度指标值
    /// over 指标性质 | 指标值 | 度量单位), a mirror site's pinyin in the labels, and a 其中 funds
    /// row without its 分值: read, each cell under its column.
    @Test func aYunnanFormWithBars() throws {
        let page = """
            | 2020年度项目支出绩效自评表 | |||||||||
            | 项目名称 |
            卫片执法补助经费 |
            ||||||||
            |
            项目资金 (万元) |
            年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |||
            | 年度资金总额 | 7.29 | 7.29 | 7.29 | 10.00 | 100% | 10.00 | |||
            | 其中:当年财政拨款 | 7.29 | 7.29 | 7.29 | 100% | |||||
            | 绩效指标 | 年度指标(biāo)值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | ||||
            |
            一级 指标(biāo) |
            二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | ||||
            | 产出指标 | 数量指标 | 卫片执法补助经费 | ﹦ | 72890 | 元 | 72890 | 10.00 | 9.00 | |
            | 质量指标 | 项目验收合格率 | ﹦ | 100 | % | 100 | 20 | 19 | ||
            | 满意度指标 | 服务对象满意度指标 | 满意度 | ≥ | 95 | % | 95 | 10.00 | 10 | |
            | 总分 | 50 | 48 | |||||||
            """
        let document = Document(parsing: page)
        #expect(document.diagnostics.isEmpty)
        let table = try #require(document.tables.first)
        let evaluation = try #require(table.selfEvaluation)
        #expect(table.title == "2020年度项目支出绩效自评表" && evaluation.name == "卫片执法补助经费")
        #expect(evaluation.funds?.initialBudget == Decimal(string: "7.29") && evaluation.funds?.weight == 10 && evaluation.funds?.score == 10)
        // The 其中 row's amounts under their columns, its 执行率 under 执行率, no 分值.
        let other = table.cells.filter { $0.row == table.cells.first { $0.text == "其中:当年财政拨款" }?.row }
        #expect(other.map(\.column) == [0, 1, 2, 3, 5])
        #expect(evaluation.indicators.map(\.level1) == ["产出指标", "产出指标", "满意度指标"])
        #expect(evaluation.indicators.map(\.target.comparator) == [.equal, .equal, .greaterOrEqual])
        #expect(evaluation.indicators.map(\.target.unit) == ["元", "%", "%"])
        #expect(evaluation.indicators.map(\.actual.text) == ["72890", "100", "95"])
        #expect(evaluation.indicators.map(\.score) == [9, 19, 10] && evaluation.totalScore == 48)
    }

    /// The 永州 report's four 自评表s as a page converter would give their Word tables (each
    /// row's cells that hold text, a bar after each, padded with bars to the table's width; a
    /// cell of two paragraphs over two lines), the same double-spaced (an empty line after each),
    /// without the padding (a row of one cell, 成本指标, then has no bar), and as Markdown (every
    /// place, covered or empty, a cell): read as the .docx itself is, all 98 indicators, the
    /// funds, names and totals.
    @Test(arguments: ["converter", "double-spaced", "plain", "markdown"])
    func theCorpusFormsWithBars(style: String) throws {
        let docx = try Document(contentsOf: Corpus.path("docx/yongzhou-yingji-2021-juesuan.docx"))
        let forms = docx.tables.filter { $0.selfEvaluation != nil }
        var text = ""
        for form in forms {
            text += (form.title ?? "") + "\n"
            for row in 0..<form.rows {
                let cells = form.cells.filter { $0.row == row }.sorted { $0.column < $1.column }
                if style == "markdown" {
                    let byColumn = Dictionary(uniqueKeysWithValues: cells.map { ($0.column, $0.text.replacing("\n", with: " ")) })
                    text += "| " + (0..<form.columns).map { byColumn[$0] ?? "" }.joined(separator: " | ") + " |\n"
                } else {
                    let filled = cells.map(\.text).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                    let padding = String(repeating: "|", count: form.columns - filled.count)
                    text += style == "plain" ? filled.joined(separator: " | ") + "\n"
                        : filled.isEmpty ? padding + "\n" : filled.joined(separator: " | ") + " |" + (padding.isEmpty ? "" : " " + padding) + "\n"
                }
            }
            text += "\n"
        }
        if style == "double-spaced" { text = text.replacing("\n", with: "\n\n") }
        let read = Document(parsing: text).tables.compactMap(\.selfEvaluation)
        func withoutLines(_ evaluation: SelfEvaluation) -> SelfEvaluation {
            var evaluation = evaluation
            evaluation.indicators = evaluation.indicators.map { indicator in
                var indicator = indicator
                indicator.line = 0
                indicator.name = indicator.name.replacing("\n", with: "")
                return indicator
            }
            return evaluation
        }
        #expect(read.count == 4 && read.map(\.indicators.count).reduce(0, +) == 98)
        #expect(read.map(withoutLines) == forms.compactMap(\.selfEvaluation).map(withoutLines))
    }

    /// Bars between cells a line a row, as Markdown or a plain converter writes a table: read.
    /// A row that fits no column (a number under 三级指标's place, a level after the name) ends
    /// the reading with a warning; a header run into values (a page whose rows the converter
    /// broke anywhere) is no header, and the table stays unread, with the warning as before.
    @Test func aFormWithBarsALineARow() throws {
        let header = "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分"
        let rows = "产出指标 | 数量指标 | 检查企业 | 20家 | 22家 | 10 | 10\n效益指标 | 社会效益指标 | 事故起数下降 | 5% | 6% | 10 | 9\n"
        for page in ["项目支出绩效自评表\n\(header)\n\(rows)",
                     "| \(header) |\n|---|---|---|---|---|---|---|\n" + rows.split(separator: "\n").map { "| \($0) |\n" }.joined()] {
            let document = Document(parsing: page)
            let evaluation = try #require(document.tables.first?.selfEvaluation)
            #expect(evaluation.indicators.map(\.name) == ["检查企业", "事故起数下降"])
            #expect(document.tables[0].title == (page.hasPrefix("项目") ? "项目支出绩效自评表" : nil))
            #expect(evaluation.indicators.map(\.score) == [10, 9] && document.diagnostics.isEmpty)
        }
        // Two forms one after the other: each its own name, the second's rows not the first's.
        let two = Document(parsing: "项目名称 | 甲项目\n\(header)\n\(rows)总分 | 20 | 19\n项目名称 | 乙项目\n\(header)\n\(rows)总分 | 20 | 19\n")
        #expect(two.tables.compactMap(\.selfEvaluation).map(\.name) == ["甲项目", "乙项目"])
        #expect(two.tables.compactMap(\.selfEvaluation).map(\.indicators.count) == [2, 2])
        let misfit = Document(parsing: "\(header)\n\(rows)满意度指标 | 服务对象满意度指标 | 95% | 98% | 10 | 10\n")
        #expect(misfit.tables.first?.selfEvaluation?.indicators.count == 2)
        #expect(misfit.diagnostics.map(\.code) == ["indicators-not-read"] && misfit.diagnostics.first?.line == 4)
        let runOn = Document(parsing: "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 产出指标 | 数量指标 | 检查企业 | ≥ | 20 | 家 | 22 | 10 | 10 |\n| 质量指标 | 合格率 | ≥ | 95 | % | 98% | 10 | 10 |\n")
        #expect(runOn.tables.isEmpty && runOn.diagnostics.map(\.code) == ["indicators-not-read"])
    }

    /// A level's weight written after its name in other ways (产出指标（50）, 产出指标50分) was
    /// kept in the name; words in brackets (效益指标(定性)) are the name's.
    @Test(arguments: [("产出指标（50）", "产出指标"), ("产出指标50分", "产出指标"), ("产出指标（50.5分）", "产出指标"),
                      ("效益指标(定性)", "效益指标(定性)")])
    func aLevelsWeightAfterItsName(written: String, level: String) throws {
        let rows = [header, ["", written, "数量指标", "检查企业", "≥20家", "25家", "30", "30", ""]]
        let evaluation = try #require(Document(parsing: scraped(rows)).tables.first?.selfEvaluation)
        #expect(evaluation.indicators.map(\.level1) == [level])
    }

    /// A form split at a page into two tables, as PDF-to-Word conversion leaves it: the second
    /// table's rows are read under the first one's header, with the levels the first ended under,
    /// the form's name, and the 总分 checked against both tables' rows. Before, the second table's
    /// indicators were missing without a word. A paragraph between the tables parts them.
    @Test func aFormSplitIntoTwoTables() throws {
        func page(between: String) -> String {
            """
            <html><body><p>2022年度项目支出绩效自评表</p><table>
            <tr><td>项目名称</td><td colspan="7">农村道路养护</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td><td>偏差原因</td></tr>
            <tr><td rowspan="2">产出指标</td><td rowspan="2">数量指标</td><td>养护里程</td><td>≥120公里</td><td>126公里</td><td>40</td><td>40</td><td></td></tr>
            <tr><td>修复面积</td><td>≥8000平方米</td><td>7600平方米</td><td>20</td><td>15</td><td>雨季</td></tr>
            </table>\(between)<table>
            <tr><td></td><td>质量指标</td><td>验收合格率</td><td>100%</td><td>90%</td><td>20</td><td>20</td><td></td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td><td>93%</td><td>20</td><td>20</td><td></td></tr>
            <tr><td colspan="5">总分</td><td>100</td><td>95</td><td></td></tr>
            </table></body></html>
            """
        }
        let document = try Document(bytes: Array(page(between: "<p>&nbsp;</p>").utf8), path: "page.html")
        let evaluations = document.tables.compactMap(\.selfEvaluation)
        try #require(evaluations.count == 2)
        #expect(evaluations[1].indicators.map(\.name) == ["验收合格率", "群众满意度"])
        #expect(evaluations[1].indicators.map(\.level1) == ["产出指标", "满意度指标"])
        #expect(evaluations[1].name == "农村道路养护" && evaluations[1].scope == .project)
        #expect(evaluations[1].totalWeight == 100 && evaluations[1].totalScore == 95)
        #expect(document.percents.filter { $0.cell?.table == 1 }.map { $0.label ?? "" } == ["验收合格率", "验收合格率", "群众满意度", "群众满意度"])
        #expect(document.diagnostics.isEmpty)

        let parted = try Document(bytes: Array(page(between: "<p>注：以上为第一页。</p>").utf8), path: "page.html")
        #expect(parted.tables.compactMap(\.selfEvaluation).count == 1)
    }

    /// Over three tables, the header, the form and the running sums pass on from one to the next.
    @Test func aFormSplitIntoThreeTables() throws {
        let page = """
            <html><body><p>2022年度项目支出绩效自评表</p><table>
            <tr><td>项目名称</td><td colspan="6">农村道路养护</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>养护里程</td><td>≥120公里</td><td>126公里</td><td>40</td><td>40</td></tr>
            </table><table>
            <tr><td></td><td>质量指标</td><td>验收合格率</td><td>100%</td><td>90%</td><td>20</td><td>20</td></tr>
            </table><table>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td><td>93%</td><td>40</td><td>35</td></tr>
            <tr><td colspan="5">总分</td><td>100</td><td>95</td></tr>
            </table></body></html>
            """
        let document = try Document(bytes: Array(page.utf8), path: "page.html")
        let evaluations = document.tables.compactMap(\.selfEvaluation)
        #expect(evaluations.map { $0.indicators.map(\.name) } == [["养护里程"], ["验收合格率"], ["群众满意度"]])
        #expect(evaluations.map(\.name) == ["农村道路养护", "农村道路养护", "农村道路养护"])
        #expect(evaluations[1].indicators.first?.level1 == "产出指标")
        #expect(evaluations[2].totalWeight == 100 && evaluations[2].totalScore == 95)
        #expect(document.diagnostics.isEmpty)
    }

    /// A form whose parts each open with the header (Word's repeated header rows, printed and
    /// converted back): the second part goes on with the form as a headerless one does. Before,
    /// its first row had no 一级指标, the form no name, and its 总分 a false warning against
    /// its own rows alone.
    @Test func aFormSplitWithItsHeaderRepeated() throws {
        let header = "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td><td>得分</td></tr>"
        let page = """
            <html><body><p>2022年度项目支出绩效自评表</p><table>
            <tr><td>项目名称</td><td colspan="6">农村道路养护</td></tr>
            \(header)
            <tr><td rowspan="2">产出指标</td><td>数量指标</td><td>养护里程</td><td>≥120公里</td><td>126公里</td><td>40</td><td>40</td></tr>
            <tr><td>时效指标</td><td>完工及时率</td><td>100%</td><td>100%</td><td>20</td><td>20</td></tr>
            </table><table>
            \(header)
            <tr><td></td><td>质量指标</td><td>验收合格率</td><td>100%</td><td>90%</td><td>20</td><td>15</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td><td>93%</td><td>20</td><td>20</td></tr>
            <tr><td colspan="5">总分</td><td>100</td><td>95</td></tr>
            </table></body></html>
            """
        let document = try Document(bytes: Array(page.utf8), path: "page.html")
        let evaluations = document.tables.compactMap(\.selfEvaluation)
        try #require(evaluations.count == 2)
        #expect(evaluations[1].indicators.map(\.level1) == ["产出指标", "满意度指标"])
        #expect(evaluations[1].name == "农村道路养护" && evaluations[1].totalWeight == 100 && evaluations[1].totalScore == 95)
        #expect(document.diagnostics.isEmpty)
    }

    @Test func noTabOnFirstCells() throws {
        // The scrape dropped the TAB before every row's first cell, the first row's included
        // (a table whose first column is filled on every row: an empty first cell without
        // its TAB would leave no trace at all).
        let rows = [
            ["一级指标", "二级指标", "三级指标", "年度|指标值", "实际|完成值", "分值", "得分", "偏差原因"],
            ["产出指标", "数量指标", "检查企业", "≥20家", "25家", "30", "30", ""],
            ["产出指标", "数量|指标", "培训", "＞3期", "2期", "20", "15", "师资不足"],
            ["满意度指标", "服务对象满意度指标", "满意度", "≧95%", "96%", "50", "50", ""],
            ["总分", "100", "95"],
        ]
        let tabbed = scraped(rows)
        let lines = tabbed.split(separator: "\n", omittingEmptySubsequences: false)
        let untabbed = lines.indices.map { k in
            let line = lines[k]
            let rowStart = k > 0 && (lines[k - 1].isEmpty || lines[k - 1].hasSuffix("表"))
            return line.hasPrefix("\t") && rowStart ? String(line.dropFirst()) : String(line)
        }.joined(separator: "\n")
        #expect(untabbed != tabbed)
        let expected = try #require(Document(parsing: tabbed).tables.first)
        let document = Document(parsing: untabbed)
        let table = try #require(document.tables.first)
        #expect(table.rows == 5 && table.columns == 8)
        #expect(table.cells.map(\.text) == expected.cells.map(\.text))
        #expect(table.selfEvaluation?.indicators.map(\.name) == ["检查企业", "培训", "满意度"])
        #expect(table.selfEvaluation?.totalScore == 95)
        #expect(document.paragraphs.map(\.text) == ["2021年度项目支出绩效自评表", "备注:示例。"])
        // The real report's tables, whose rows mostly start with a TAB, are not read this way.
        #expect(Corpus.yongzhouDocument.tables.map(\.rows) == [28, 9, 55, 9, 32, 9, 31])
    }

    @Test func crlfLineEnds() {
        let lf = Document(parsing: scraped([header] + body + [["总分", "100", "95"]]))
        let crlf = Document(parsing: scraped([header] + body + [["总分", "100", "95"]], lineEnd: "\r\n"))
        #expect(crlf.tables == lf.tables)
        #expect(crlf.tables.first?.selfEvaluation?.indicators.count == 3)
    }

    @Test func weightsTooLongToHoldExactlyAreReported() throws {
        // 40 digits: more than a Decimal holds exactly. No value, never a rounded one, and a warning.
        let long = String(repeating: "9", count: 40)
        var rows = [header] + body + [["总分", long, "95"]]
        rows[1][6] = "1" + long
        let document = Document(parsing: scraped(rows))
        let evaluation = try #require(document.tables.first?.selfEvaluation)
        #expect(evaluation.indicators.map(\.weight) == [nil, 20, 50])
        #expect(evaluation.totalWeight == nil && evaluation.totalScore == 95)
        let warnings = document.diagnostics.filter { $0.code == "figure-too-long" }
        #expect(warnings.map(\.message) == ["1\(long) has more digits than an exact decimal holds; it is not read as a figure",
                                            "\(long) has more digits than an exact decimal holds; it is not read as a figure"])
        let cells = document.tables[0].cells
        #expect(warnings.map(\.line) == [cells.first { $0.text == "1" + long }?.line, cells.last { $0.text == long }?.line])
    }

    @Test func targetsTooLongToHoldExactlyAreReported() throws {
        // In 家 or 期 no figure is read from the cell: the target itself must say it has no
        // value. In 万元 the cell's figure says it, once.
        let long = String(repeating: "9", count: 40)
        var rows = [header] + body + [["总分", "100", "95"]]
        rows[1][4] = "≥\(long)家"
        rows[2][5] = "\(long)期"
        rows[3][4] = "≥\(long)万元"
        let document = Document(parsing: scraped(rows))
        let indicators = try #require(document.tables.first?.selfEvaluation?.indicators)
        #expect(indicators[0].target == SelfEvaluation.Measure(text: "≥\(long)家"))
        #expect(indicators[1].actual == SelfEvaluation.Measure(text: "\(long)期"))
        #expect(indicators[1].target.value == 3)
        #expect(indicators[2].target == SelfEvaluation.Measure(text: "≥\(long)万元"))
        let warnings = document.diagnostics.filter { $0.code == "figure-too-long" }
        #expect(warnings.count == 3)
        #expect(Set(warnings.map(\.message)) == Set(["≥\(long)家", "\(long)期", "\(long)万元"].map {
            "\($0) has more digits than an exact decimal holds; it is not read as a figure"
        }))
        let cells = document.tables[0].cells
        #expect(Set(warnings.map(\.line)) == Set(["≥\(long)家", "\(long)期", "≥\(long)万元"].map { text in cells.first { $0.text == text }?.line }))
    }

    @Test func lastRowCutOff() throws {
        // The scrape stops inside the last row: what is there is read, nothing is made up.
        var text = scraped([header] + body)
        text = String(text[..<text.range(of: "\t50\n\t50")!.lowerBound])
        let evaluation = try #require(Document(parsing: text).tables.first?.selfEvaluation)
        #expect(evaluation.indicators.count == 3)
        #expect(evaluation.indicators[2].weight == nil && evaluation.indicators[2].score == nil)
        #expect(evaluation.totalWeight == nil && evaluation.totalScore == nil)
    }

    @Test func keyValueTable() throws {
        let text = scraped([["专项名称", "安全生产专项"], ["年度预算金额", "210万元"], ["项目主管部门", "永州市应急管理局"]],
                           title: "2021年度项目支出绩效自评报告")
        let document = Document(parsing: text)
        let table = try #require(document.tables.first)
        #expect(table.columns == 2 && table.rows == 3)
        #expect(table.selfEvaluation == nil)
        #expect(table.cells.map(\.text) == ["专项名称", "安全生产专项", "年度预算金额", "210万元", "项目主管部门", "永州市应急管理局"])
        // Figures in cells are found, with the cell's line.
        #expect(document.amounts.map(\.value) == [210])
        #expect(document.amounts.first?.line == 6)
    }

    @Test func proseAfterATableIsNotACell() {
        let text = "2021年度项目支出绩效自评表\n\t专项名称\n\t安全生产专项\n\n\n一、绩效目标完成情况\n全年完成检查任务。\n"
        let document = Document(parsing: text)
        #expect(document.tables.first?.cells.map(\.text) == ["专项名称", "安全生产专项"])
        #expect(document.paragraphs.map(\.text) == ["2021年度项目支出绩效自评表", "一、绩效目标完成情况", "全年完成检查任务。"])
    }

    @Test func proseBetweenTablesStaysProse() {
        let prose = (1...10).map { "第\($0)段说明文字，没有表格。" }
        let text = (["2021年度项目支出绩效自评表", "\t专项名称", "\t安全生产专项", "", ""] + prose
            + ["", "\t主管部门", "\t永州市应急管理局"]).joined(separator: "\n")
        let document = Document(parsing: text)
        #expect(document.tables.map { $0.cells.map(\.text) } == [["专项名称", "安全生产专项"], ["主管部门", "永州市应急管理局"]])
        #expect(document.paragraphs.count == 11)
    }
}

extension TableTests {
    /// A standard table scraped into TAB-led lines, under its title and 单位 line: named, and
    /// its bare numbers read as amounts in that unit, labelled by their row.
    @Test func aScrapedStandardTableReadsInItsUnit() {
        let document = Document(parsing: """
            2024年度部门决算
            收入支出决算总表
            编制单位：永州市应急管理局
            单位：万元
            \t项目
            \t决算数

            \t一般公共预算财政拨款收入
            \t2,940.05

            \t本年收入合计
            \t2,940.05

            """)
        let table = document.tables.first
        #expect(table?.kind == "收入支出决算总表")
        #expect(table?.title == "收入支出决算总表")
        #expect(table?.unit == .tenThousandYuan)
        #expect(document.amounts.map { "\($0.text) \($0.label ?? "-")" } == ["2,940.05 一般公共预算财政拨款收入", "2,940.05 本年收入合计"])
    }
}

extension TableTests {
    /// A Word or web 三公 table's one row of values takes its labels from the header's cells
    /// over each value: the two real 三公 tables of the GovBudgetChecker fixtures (文旅 and
    /// 宜川路 2025 决算), their merges put back by scripts/make-docx-fixtures.py. The 宜川路
    /// table leaves four columns empty. The labels add up as the template does.
    @Test(arguments: ["docx/fixtures/san-gong-tables.docx", "html/san-gong-tables.html"])
    func aMarkedUpSanGongTableIsLabelledByItsHeader(path: String) throws {
        let document = try Document(contentsOf: Corpus.path(path))
        #expect(document.tables.count == 2)
        let columns = ["合计", "因公出国(境)费", "公务用车购置及运行维护费小计", "公务用车购置费", "公务用车运行维护费", "公务接待费"]
            .flatMap { [$0 + "预算数", $0 + "决算数"] }
        func row(_ table: Int) -> [String: Decimal] {
            var amounts: [String: Decimal] = [:]
            for figure in document.amounts where figure.cell?.table == table { amounts[figure.label ?? "-"] = figure.value }
            return amounts
        }
        let wenlv = row(0), yichuan = row(1)
        #expect(document.amounts.filter { $0.cell?.table == 0 }.map { $0.label ?? "-" } == columns)
        #expect(wenlv["合计决算数"] == Decimal(string: "3.04"))
        #expect(wenlv["公务接待费决算数"] == Decimal(string: "0.40"))
        #expect(yichuan.keys.sorted() == columns.filter { !$0.hasPrefix("因公") && !$0.hasPrefix("公务用车购置费") }.sorted())
        #expect(yichuan["公务接待费决算数"] == Decimal(string: "0.30"))
        for amounts in [wenlv, yichuan] {
            for budget in ["预算数", "决算数"] {
                func amount(_ label: String) -> Decimal { amounts[label + budget] ?? 0 }
                #expect(amount("公务用车购置及运行维护费小计") == amount("公务用车购置费") + amount("公务用车运行维护费"))
                #expect(amount("合计") == amount("因公出国(境)费") + amount("公务用车购置及运行维护费小计") + amount("公务接待费"))
            }
        }
    }

    /// The 财政局 决算's Word and web renderings come from its `-layout` reading, whose 三公
    /// header packs its cells to the left (合计, 小计 and 公务用车购置费 over one column): its
    /// values (合计 and 公务接待费 预算数, 0.95 each) stay unlabelled rather than take those names.
    @Test(arguments: ["docx/putuo-caizhengju-2024-juesuan.docx", "html/putuo-caizhengju-2024-juesuan.html"])
    func aSanGongHeaderNotOverItsColumnsLabelsNothing(path: String) throws {
        let document = try Document(contentsOf: Corpus.path(path))
        let table = try #require(document.tables.first { $0.title?.contains("三公") == true })
        let row = document.amounts.filter { $0.cell?.table == table.index }
        #expect(row.map(\.text) == ["0.95", "0.95"])
        #expect(row.allSatisfy { $0.label == nil })
    }
}

/// Tables pasted from Excel, Word or a web page: a row a line, its cells separated by TABs.
@Suite("TAB-separated tables")
struct SeparatedTableTests {
    private func plain(_ figures: [Figure]) -> [String] {
        figures.map { "\($0.value) \($0.unit.rawValue) \($0.label ?? "-") \($0.comparator?.rawValue ?? "-") \($0.change?.rawValue ?? "-")" }.sorted()
    }

    /// A row whose one cell with text stands a few columns in starts the table; the empty
    /// fields that end a row leave its last cell spanning to the edge; a standard table reads
    /// its bare numbers in its unit, labelled by their row. A lone line with a TAB is prose.
    @Test func aPastedStandardTableReadsInItsUnit() throws {
        let document = Document(parsing: """
            联系电话\t0746-8888888

            收入支出决算总表
            单位：万元
            \t\t项目\t\t
            收入项目\t决算数\t支出项目\t决算数
            一、一般公共预算财政拨款收入\t2,940.05\t一、一般公共服务支出\t2,106.66
            \t\t二、社会保障和就业支出\t833.39
            本年收入合计\t2,940.05\t本年支出合计\t2,940.05
            """)
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.kind == "收入支出决算总表" && table.unit == .tenThousandYuan)
        #expect(table.rows == 5 && table.columns == 4)
        #expect(table.cells.first.map { "\($0.row),\($0.column) \($0.columnSpan) \($0.text)" } == "0,0 1 ")
        #expect(table.cells.contains { $0.row == 0 && $0.column == 2 && $0.columnSpan == 2 && $0.text == "项目" })
        #expect(document.amounts.map { "\($0.text) \($0.label ?? "-")" } == [
            "2,940.05 一、一般公共预算财政拨款收入", "2,106.66 一、一般公共服务支出", "833.39 二、社会保障和就业支出",
            "2,940.05 本年收入合计", "2,940.05 本年支出合计",
        ])
        #expect(document.paragraphs.map(\.text) == ["联系电话\t0746-8888888", "收入支出决算总表", "单位:万元"])
    }

    /// The 永州 report with its tables pasted as TAB-separated rows (scripts/make-tsv.py):
    /// the same figures, labels and 自评表 indicators as its scraped text.
    @Test func theScrapedReportPastedReadsAsItsText() throws {
        let pasted = try Document(contentsOf: Corpus.path("tsv/yongzhou-yingji-2021-juesuan.txt"))
        let text = Corpus.yongzhouDocument
        #expect(pasted.paragraphs.map(\.text) == text.paragraphs.map(\.text))
        #expect(pasted.report == text.report)
        #expect(plain(pasted.amounts) == plain(text.amounts) && pasted.amounts.count == 226)
        #expect(plain(pasted.percents) == plain(text.percents))
        func indicators(_ document: Document) -> [String] {
            document.tables.compactMap(\.selfEvaluation).flatMap(\.indicators).map {
                "\($0.level1)|\($0.level2)|\($0.name)|\($0.target.value ?? -1)\($0.target.unit ?? "")|\($0.actual.value ?? -1)"
                    + "\($0.actual.unit ?? "")|\($0.weight ?? -1)|\($0.score ?? -1)|\($0.deviation ?? "")"
            }
        }
        #expect(indicators(pasted) == indicators(text) && indicators(text).count == 98)
    }

    /// The 财政局 决算's 九张表 pasted as TAB-separated rows: each named and in its unit as
    /// from the PDF, every amount the same, nearly every one labelled.
    @Test func aDecisionsTablesPastedReadAsFromThePDF() throws {
        let pasted = try Document(contentsOf: Corpus.path("tsv/putuo-caizhengju-2024-juesuan.txt"))
        let pdf = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        #expect(pasted.tables.map(\.kind) == pdf.tables.map(\.kind))
        #expect(pasted.tables.map(\.unit) == pdf.tables.map(\.unit))
        func values(_ figures: [Figure]) -> [String] { figures.map { "\($0.value) \($0.unit.rawValue)" }.sorted() }
        #expect(values(pasted.amounts) == values(pdf.amounts) && pdf.amounts.count == 258)
        #expect(pasted.amounts.count { $0.label != nil } >= 247)
        // An amount in a cell that spans past its column (the last of its row) labels nothing.
        #expect(!pasted.amounts.contains { $0.label.map { Decimal(exactString: $0.replacing(",", with: "")) != nil } ?? false })
    }
}
