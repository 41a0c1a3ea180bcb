import FoundationEssentials
import Testing
@testable import FinParse

@Suite("Amounts and percents")
struct FigureTests {
    private func figures(_ sentence: String) -> [Figure] {
        var extractor = FigureExtractor()
        return extractor.figures(in: FoldedText(sentence, line: 1))
    }

    // MARK: The sentence fixture

    /// One checked sentence of Fixtures/figure-sentences.tsv.
    struct Sentence {
        var source: String
        var text: String
        /// "value unit" of each expected figure, in order, with its label when one is given.
        var expected: [(figure: String, label: String?)]

        static let all: [Sentence] = {
            var path = #filePath
            path = String(path[..<path.lastIndex(of: "/")!]) + "/Fixtures/figure-sentences.tsv"
            guard let data = FileManager.default.contents(atPath: path) else { fatalError("missing \(path)") }
            return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
                if line.hasPrefix("#") { return nil }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                precondition(fields.count == 3, "bad fixture line: \(line)")
                let expected = fields[2].split(separator: ";").map { item in
                    let parts = item.trimmingCharacters(in: .whitespaces).split(separator: "|")
                    return (String(parts[0]), parts.count > 1 ? String(parts[1]) : nil)
                }
                return Sentence(source: String(fields[0]), text: String(fields[1]), expected: expected)
            }
        }()
    }

    private static func key(_ figure: Figure) -> String { "\(figure.value) \(figure.unit.rawValue)" }

    /// Precision and recall of (value, unit) per sentence, as multisets: the
    /// extractor must find what a reader finds and nothing else.
    @Test func precisionAndRecallOnCheckedSentences() {
        var found = 0, expected = 0, matched = 0
        for sentence in Sentence.all {
            let got = figures(sentence.text).map(Self.key)
            let want = sentence.expected.map(\.figure)
            var remaining = want
            for key in got {
                if let at = remaining.firstIndex(of: key) { remaining.remove(at: at); matched += 1 }
            }
            found += got.count
            expected += want.count
            if got != want { Issue.record("\(sentence.source) \(sentence.text)\n  want \(want)\n  got  \(got)") }
        }
        let precision = Double(matched) / Double(found), recall = Double(matched) / Double(expected)
        print("figures: \(Sentence.all.count) sentences, \(expected) expected, \(found) found, precision \(precision), recall \(recall)")
        #expect(Sentence.all.count > 200)
        #expect(precision >= 0.99)
        #expect(recall >= 0.99)
    }

    /// Labels where the fixture gives one: the item the figure measures. Labels
    /// are a reading of the sentence, so this is a rate with a floor; misses are printed.
    @Test func labelsOnCheckedSentences() {
        var checked = 0, right = 0
        for sentence in Sentence.all {
            let got = figures(sentence.text)
            guard got.count == sentence.expected.count else { continue }
            for (figure, want) in zip(got, sentence.expected) {
                guard let label = want.label else { continue }
                checked += 1
                if figure.label == label { right += 1 } else {
                    print("label miss: \(sentence.text): \(Self.key(figure)) labelled \(figure.label ?? "nil"), want \(label)")
                }
            }
        }
        print("labels: \(right) of \(checked) right")
        #expect(checked >= 150)
        #expect(Double(right) / Double(checked) >= 0.95)
    }

    // MARK: Readings

    /// A 功能分类科目 named by its levels before its figure is labelled by its last level,
    /// whole, as its table row is; a 款 named with an aside of its own keeps it.
    @Test func subjectNamedByItsLevels() {
        #expect(figures("1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于…").map(\.label) == ["行政运行"])
        #expect(figures("“一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）”100万元").map(\.label) == ["政府办公厅(室)及相关机构事务"])
        #expect(figures("2.“住房保障支出（类）住房改革支出（款）住房公积金（项）”科目2.00万元").map(\.label) == ["住房公积金"])
        #expect(figures("法院（款）案件审判（项）支出380.5万元").map(\.label) == ["案件审判"])
        #expect(figures("公共安全支出(204类)司法(06款)行政运行(01项)1434.89万元").map(\.label) == ["行政运行"])
        // The levels joined by hyphens, in quotes; a level's own 支出 stays.
        #expect(figures("9. “卫生健康支出-行政事业单位医疗-行政单位医疗”科目78.29万元，主要用于…").map(\.label) == ["行政单位医疗"])
        #expect(figures("“一般公共服务支出-政府办公厅（室）及相关机构事务-其他政府办公厅（室）及相关机构事务支出”科目2,012万元").map(\.label)
                == ["其他政府办公厅(室)及相关机构事务支出"])
        // A level alone, at the clause's start: the marker is dropped (卫生健康支出, not …类).
        #expect(figures("卫生健康支出（类）60.99万元").map(\.label) == ["卫生健康支出"])
        // Not opened by a quote or a level: read as any clause, its linking word dropped.
        #expect(figures("主要用于行政运行（项）100万元").map(\.label) == ["行政运行"])
    }

    /// A pie chart's data labels, as pdftotext prints them (项目支出, 40.01%): the words before
    /// a comma and a space name the percent; a figure right after prose's ，names nothing.
    @Test func chartDataLabelsNameTheirPercents() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-fayuan-2017-yusuan.raw.txt"))
        #expect(document.percents.filter { (1649...1651).contains($0.line) }.map { "\($0.text) \($0.label ?? "-")" }
                == ["40.01% 项目支出", "59.35% 基本支出"])
        #expect(figures("项目支出, 34.20%                 基本支出, 55.98%").map(\.label) == ["项目支出", "基本支出"])
        #expect(figures("基本支出，59.07%").map(\.label) == [nil])
    }

    /// The 年 of a year is no part of an item (2024年预算安排 → 预算安排, was 年预算); 全年预算 is.
    @Test func yearsAreNotItems() {
        #expect(figures("2024年预算安排352.67万元").map(\.label) == ["预算安排"])
        #expect(figures("全年预算5,000万元").map(\.label) == ["全年预算"])
    }

    /// Every 上海 预算 explains each 科目 by the year before's 执行数 and this year's 安排: they
    /// were labelled 执行数 and 预算 (and the change of them 预算), now 预算执行数 and 预算安排.
    /// 决算 or 预算 opening another item still only says which report it is.
    @Test func aBudgetsExecutionAndAllotmentAreItems() {
        let sentence = "2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。"
        #expect(figures(sentence).map { "\($0.label ?? "-") \($0.changeOf ?? "-")" }
                == ["预算执行数 -", "预算安排 -", "减少 预算安排"])
        #expect(figures("决算完成率98%，部门决算收入总计2553.52万元，基本支出安排100万元").map(\.label)
                == ["决算完成率", "收入总计", "基本支出"])
    }

    /// 财政拨款收、支总预算: two characters paired by a 、 are one item, not 支总预算 (江苏's
    /// 预算s, whose 收支总预算 sentence has its total and change); three names ICU cut in
    /// two (援藏、援疆、援青) stay a list, the last one the item.
    @Test func charactersPairedByAnEnumerationCommaAreOneItem() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt"))
        #expect(document.amounts.filter { (818...819).contains($0.line) }.map { "\($0.text) \($0.label ?? "-") \($0.changeOf ?? "-")" }
                == ["17981.68万元 财政拨款收支总预算 -", "1454.35万元 增加 财政拨款收支总预算"])
        #expect(figures("增加援藏、援疆、援青经费预算增加100万元").map(\.changeOf) == ["援青经费预算"])
    }

    /// A change whose own clause names its item is a change of that item, not of the amount
    /// before it (江苏 法院 2019: …提租补贴等3397.18万元、项目经费支出安排减少1134.33万元 was a
    /// change of 提租补贴等); a clause that starts inside an aside names none (比2022年（上一年度，
    /// 下同）预算增加 is a change of the 财政拨款收入 before it, not of 下同预算). A reason names its
    /// item after its 是 (主要原因是基本支出增加1408.29万元, 江苏 法院 2017 and 2018), unless it
    /// names a cause there (主要原因是根据国务院通知要求…压减10%).
    @Test func aChangeNamingItsOwnItemIsAChangeOfIt() {
        #expect(figures("主要原因是基本支出增加人员工资、提租补贴等3397.18万元、项目经费支出安排减少1134.33万元、单位预留机动经费增加1753.34万元。")
            .map { "\($0.value) \($0.changeOf ?? "-")" } == ["3397.18 -", "1134.33 项目经费支出安排", "1753.34 预留机动经费"])
        #expect(figures("其中：财政拨款收入16497.86万元，比2022年（上一年度，下同）预算增加1421.25万元；")
            .map { "\($0.value) \($0.changeOf ?? "-")" } == ["16497.86 -", "1421.25 财政拨款收入"])
        #expect(figures("主要原因是基本支出增加 1408.29 万元、项目支出安排增加 400 万元。")
            .map { "\($0.value) \($0.changeOf ?? "-")" } == ["1408.29 基本支出", "400 项目支出安排"])
        #expect(figures("主要原因是根据国务院通知要求运转类项目预算较上年压减 10%。").map(\.changeOf) == [nil])
        // A change that names nothing but its verb changes what the comparison before it
        // names (永州), as written with full-width digits too; a time compared names nothing,
        // and the amount the change is read against does.
        #expect(figures("非税收入成本支出54万元。我局非税收入按比例返回考试中心。与2020年非税收入相比，减少9万元。")
            .map { "\($0.value) \($0.changeOf ?? "-")" } == ["54 -", "9 非税收入"])
        #expect(figures("与２０２０年度非税收入相比，减少９万元。").map(\.changeOf) == ["非税收入"])
        #expect(figures("公务接待费支出10万元。与上年数相比，减少0.8万元。").map { $0.changeOf ?? "-" } == ["-", "公务接待费"])
    }

    /// 支出决算64万元，比年初预算83万元减少19万元，下降22.9%: the amount after 比 (or 较, or 相比
    /// opening its clause) is what the change is from, as last year's is; the change is of the
    /// amount before it. Before, it was taken for this year's: the change was labelled of
    /// 年初预算 and a false warning said 22.9% did not follow (from 102万元 to 83万元).
    @Test func anAmountAChangeIsComparedWithIsWhereItIsFrom() throws {
        var extractor = FigureExtractor()
        let read = extractor.figures(in: FoldedText("支出决算64万元，比年初预算83万元减少19万元，下降22.9%；去年的三公经费决算6.4亿元，较年初预算8.3亿元减少1.9亿元，下降22.9%；公务用车运行费5亿元，相比预算数6.1亿元减少1.1亿元，下降18%。", line: 2))
        #expect(read.map { "\($0.text) \($0.label ?? "-") \($0.changeOf ?? "-")" } == [
            "64万元 支出决算 -", "83万元 年初预算 -", "19万元 减少 支出决算", "22.9% 下降 支出决算",
            "6.4亿元 三公经费 -", "8.3亿元 年初预算 -", "1.9亿元 减少 三公经费", "22.9% 下降 三公经费",
            "5亿元 公务用车运行费 -", "6.1亿元 预算数 -", "1.1亿元 减少 公务用车运行费", "18% 下降 公务用车运行费",
        ])
        #expect(extractor.takeDiagnostics().isEmpty)
        // Checked so: a percent that does not follow from the amount compared with is told.
        _ = extractor.figures(in: FoldedText("支出决算64万元，比年初预算83万元减少19万元，下降30%。", line: 3))
        #expect(extractor.takeDiagnostics().map(\.message) == ["a fall of 30% does not follow: from 83万元 to 64万元 is a fall of 22.89%"])
    }

    /// A change right after a total's parts (…总预算安排37337407.64元，其中：…，项目支出预算36849227元，
    /// 同比增加27125219.46元，增长265.6%, as a 梧州 budget writes it) is of the one amount of
    /// its sentence that its percent fits, when the nearest does not: the total. Before, the
    /// last part's, and a false warning; an amount whose base the rise would make negative
    /// fits none. A verb a justified line spaced out (同 比 增 加) is a change; before, none.
    @Test func aChangeAfterATotalsPartsIsOfTheTotalItsPercentFits() throws {
        var extractor = FigureExtractor()
        let read = extractor.figures(in: FoldedText("事业运行经费总预算安排37337407.64元，其中：基本支出预算488180.64元，项目支出预算36849227元，同 比 增 加27125219.46元，增长265.6%。", line: 4))
        #expect(read.map { "\($0.change?.rawValue ?? "-") \($0.changeOf ?? "-")" }.suffix(2) == ["increase 事业运行经费总预算安排", "increase 事业运行经费总预算安排"])
        #expect(extractor.takeDiagnostics().isEmpty)
        // A percent that fits no amount of its sentence is still checked against the nearest.
        _ = extractor.figures(in: FoldedText("总预算安排37337407.64元，其中：项目支出预算36849227元，同比增加27125219.46元，增长200%。", line: 5))
        #expect(extractor.takeDiagnostics().map(\.message) == [
            "a rise of 200% does not follow: from 9724007.54元 (36849227元 less 27125219.46元) to 36849227元 is a rise of 278.95%",
        ])
        // A part in an aside is no amount a change after the aside is of (a 凉山 三公 paragraph;
        // before, of the aside's last part).
        let aside = figures("公务用车购置及运行维护费7,634.75万元(其中:公务用车购置费2,337.35万元,公务用车运行维护费5,297.40万元),比年初预算增加1833.7万元。")
        #expect(aside.map { $0.changeOf ?? "-" } == ["-", "-", "-", "公务用车购置及运行维护费"])
    }

    /// A change after a sentence of several amounts is a change of the one whose value its
    /// percent fits, when just one value does (永州 三公: …支出决算为2.9万元，完成预算的20%，…；与上年
    /// 相比减少1.84万元，减少38.81%: of 2.9, not 14.5). Two values that fit, or none, or no
    /// percent to tell, name no item.
    @Test func aChangeAfterSeveralAmountsIsOfTheOneItsPercentFits() throws {
        let sentence = "“三公”经费财政拨款支出预算为14.5万元，支出决算为2.9万元，完成预算的20%，"
            + "决算数小于预算数的主要原因是：大幅减少公务接待；与上年相比减少1.84万元，减少38.81%。"
        #expect(figures(sentence).filter { $0.change != nil }.map { $0.changeOf ?? "-" } == ["三公经费财政拨款支出决算", "三公经费财政拨款支出决算"])
        #expect(figures("支出预算为14.5万元，支出决算为2.92万元；与上年相比减少1.84万元，减少39%。")
            .filter { $0.change != nil }.map { $0.changeOf ?? "-" } == ["支出决算", "支出决算"])
        #expect(figures("支出预算为2.92万元，支出决算为2.9万元；与上年相比减少1.84万元，减少39%。")
            .filter { $0.change != nil }.map { $0.changeOf ?? "-" } == ["-", "-"])
        #expect(figures("支出预算为14.5万元，支出决算为2.9万元；与上年相比减少1.84万元，减少20%。")
            .filter { $0.change != nil }.map { $0.changeOf ?? "-" } == ["-", "-"])
        #expect(figures("支出预算为14.5万元，支出决算为2.9万元；与上年相比减少1.84万元。").compactMap(\.changeOf) == [])
        let document = try Document(contentsOf: Corpus.path("yongzhou-yingji-2021-juesuan.txt"))
        #expect(document.amounts.filter { $0.line == 131 && $0.change != nil }.map(\.changeOf) == ["公务接待费"])
    }

    /// 公务接待费支出预算为14.5万元，支出决算为2.9万元 (永州): the 决算 is of the item whose budget
    /// stands right before it in its sentence, labelled as 公务接待费支出决算 is: a fee's is the fee
    /// (before, 支出决算 alone; 因公出國(境)費預算為0萬元, 支出決算為0萬元 on a 合肥 page). Not
    /// across a sentence, nor of a time of the year. Its budget carried out is still checked.
    @Test func aFinalAccountAfterABudgetIsOfItsItem() {
        #expect(figures("因公出国(境)费预算为0万元,支出决算为0万元。“三公”经费财政拨款预算为10万元，决算为8万元。").map { $0.label ?? "-" }
                    == ["因公出国境费预算", "因公出国境费", "三公经费财政拨款预算", "三公经费财政拨款决算"])
        let document = Document(parsing: "（一）说明\n公务接待费支出预算为14.5万元，支出决算为2.9万元，完成预算的30%。\n")
        #expect(document.diagnostics.map(\.message) == ["完成预算 30% does not follow: 2.9万元 of 14.5万元 is 20%"])
        #expect(figures("公务接待费支出预算为10万元。支出决算为8万元。年初预算为0元，支出决算为77.29万元。").map { $0.label ?? "-" }
                    == ["公务接待费支出预算", "支出决算", "年初预算", "支出决算"])
    }

    /// What a source allotted right before the figure is the item with its verb (永州's
    /// 财政拨付40.5万元 was labelled 财政); not a lone character (中追加), but 年中追加 since
    /// `theMiddleOfTheYearNamesAnItem`.
    @Test func anAllotmentIsLabelledWithItsVerb() {
        #expect(figures("其中：财政拨付40.5万元，年中追加1260.4万元，中追加3万元").map(\.label) == ["财政拨付", "年中追加", nil])
    }

    /// A page's first line opens with pdftotext's form feed: its marker is still a marker, not
    /// the start of the label (（二）支出预算总计 was labelled 二支出预算总计 in four 江苏 预算s).
    @Test func aMarkerAfterAPagesFormFeedIsNoPartOfTheLabel() {
        #expect(figures("\u{0C}       （二）支出预算总计 17996.68 万元。包括：").map(\.label) == ["支出预算总计"])
        #expect(ListMarker.scan("\u{0C}  十一、说明").map { "\($0.text) \($0.range)" } == "十一、 3..<6")
    }

    /// A change verb ICU parts into two characters (调 / 减, 压 / 减) is the label whole, not 减;
    /// two words side by side are not joined (比上年减少 stays 减少).
    @Test func changeVerbsInTwoPiecesAreWhole() {
        #expect(figures("原因是从会议费预算中调减 403.75 万元用于培训费开支。").map(\.label) == ["调减"])
        #expect(figures("扶贫经费压减10万元。").map { "\($0.label ?? "") \($0.change?.rawValue ?? "")" } == ["压减 decrease"])
        #expect(figures("比上年减少5万元").map(\.label) == ["减少"])
    }

    /// Justified PDF text spaces out every character, the unit's too (万 元): still an
    /// amount, never dropped; 万 before a word that starts with 元 is none.
    @Test func letterSpacedUnits() {
        let spaced = figures("一 般 公 共 预 算 收 入         17981.68 万 元 ， 占99.92%；")
        #expect(spaced.map { "\($0.text) \($0.value) \($0.unit.rawValue)" } == ["17981.68万 元 17981.68 万元", "99.92% 99.92 %"])
        #expect(spaced.first?.yuan == 179_816_800)
        #expect(figures("增加 1178.82 万   元，增长").map(\.value.description) == ["1178.82"])
        #expect(figures("节余5 万 元旦前").isEmpty)
        // Their labels and changes read as the unspaced sentence's.
        #expect(figures("本 年 收 入 合 计 2946.25 万 元 ， 其 中 ： 财 政 拨 款 收 入 2940.05 万 元 。").map(\.label)
                == ["本年收入合计", "财政拨款收入"])
        #expect(figures("与 上 年 相 比 增 加 1454.35 万 元 ， 增 长 8.8 % 。").map(\.change) == [.increase, .increase])
    }

    @Test func comparators() {
        #expect(figures("社会公众满意度≥95%，合格率≧90%。").map(\.comparator) == [.greaterOrEqual, .greaterOrEqual])
        #expect(figures("项目完成率不低于95%。").map(\.comparator) == [.greaterOrEqual])
        #expect(figures("投诉率不超过5%").map(\.comparator) == [.lessOrEqual])
        #expect(figures("群众满意度达到90%以上。").map(\.comparator) == [.greaterOrEqual])
        #expect(figures("执行率96.1%。").map(\.comparator) == [nil])
    }

    /// 最高50万元, 不足5万元, 逾200万元 had no comparator (最高 and 不足 were their labels),
    /// and 将近1亿元, 接近90% were labelled 将近 and 接近: bounds and approximations as
    /// reports write them.
    @Test func boundsAndApproximationsInWords() {
        let found = figures("每户补助最高50万元，最低1万元，不足5万元的按实际，至多3次，补贴不到1万元，逾200万元，少于10%，多于20%，误差未超过5%，超出30万元，将近1亿元，接近90%，约占12%。")
        #expect(found.map { "\($0.text) \($0.comparator?.rawValue ?? "-") \($0.label ?? "-")" } == [
            "50万元 ≤ 每户补助", "1万元 ≥ -", "5万元 < -", "1万元 < 补贴", "200万元 > -", "10% < -", "20% > -",
            "5% ≤ 误差", "30万元 > -", "1亿元 - -", "90% - -", "12% - -",
        ])
    }

    /// Phrasings met in other provinces' reports (2026-12-07, eleventh sitting), each read
    /// short before: 超1500亿元 had no comparator and 超 in its label; a count between the item
    /// and its amount (年初批复预算8个项目985万元) labelled it 项目, a year there (公务接待费2015年
    /// 决算数2352万元) 决算数; 购车均价为37.41万元 had no label (均 is a link, 价 alone no item);
    /// 预算总收入 lost its 预算, 单位价值 its 单位 (a scope word elsewhere); 加上 and 减去 of a
    /// budget's sum stood in their items' labels.
    @Test func otherProvincesPhrasings() {
        let found = figures("减税降费及退税超1500亿元，年初批复预算8个项目985万元，公务接待费2015年决算数2352万元，购车均价为37.41万元，本年度预算总收入为234.05万元，单位价值100万元以上设备2台，加上上级补助收入100万元，减去上解支出20万元。")
        #expect(found.map { "\($0.text) \($0.comparator?.rawValue ?? "-") \($0.label ?? "-")" } == [
            "1500亿元 > 减税降费及退税", "985万元 - 年初批复预算", "2352万元 - 公务接待费决算数", "37.41万元 - 购车均价",
            "234.05万元 - 预算总收入", "100万元 ≥ 单位价值", "100万元 - 上级补助收入", "20万元 - 上解支出",
        ])
        // A count that is the item stays so, as does one after a link (共计3个项目100万元: 项目).
        #expect(figures("共计3个项目100万元，其中2个项目资金50万元，2023年预算安排60万元。").map { $0.label ?? "-" } == ["项目", "项目资金", "预算安排"])
        // 同口径 and 可比 say how a change was compared, not what changed (before: no `changeOf`).
        #expect(figures("因公出国(境)费同口径比2018年减少9万元，下降15.3%；公务接待费可比下降10.1%。").map { $0.changeOf ?? "-" }
            == ["因公出国境费", "因公出国境费", "公务接待费"])
    }

    /// More of them, from 重庆, 四川, 广西 and 湖北 pages: 年终结余 lost its 年 (ICU's 年 / 终结 / 余),
    /// a change's item its 本 or 上 (本级收入 → 级收入, 上解支出 → 解支出) and kept its ordinal
    /// (一是收入, 二 / 是 本级支出); a government before 的 stood in the label (…镇人民政府的机关运行
    /// 经费财政拨款预算), a 科目's 缴费支出 lost its 支出 as a fee's does; 增值 was no rise, 未达到 no
    /// bound (label 执行率未).
    @Test func moreProvincesPhrasings() {
        let found = figures("年终结余4558万元，比上年增加49万元；一是收入增加3627万元，二是本级支出增加1050万元，本级收入增加365万元，上解支出增加2162万元；县镇人民政府的机关运行经费财政拨款预算为46.8万元；机关事业单位基本养老保险缴费支出101612.42元；拍卖收入7402.68万元，较评估价增值3420.4万元；预算执行率未达到90%的需说明原因。")
        #expect(found.map { "\($0.label ?? "-") \($0.change?.rawValue ?? "-") \($0.changeOf ?? "-") \($0.comparator?.rawValue ?? "-")" } == [
            "年终结余 - - -", "增加 increase 年终结余 -", "增加 increase 收入 -", "增加 increase 本级支出 -", "增加 increase 本级收入 -",
            "增加 increase 上解支出 -", "机关运行经费财政拨款预算 - - -", "机关事业单位基本养老保险缴费支出 - - -",
            "拍卖收入 - - -", "增值 increase 拍卖收入 -", "预算执行率 - - <",
        ])
        // 压减 as ICU parts it (压 / 减), after 共: the item is what stands before them (before, none).
        #expect(figures("“三公”总预算共压减2928万元，同比减少13.6%；扶贫经费压减10万元。").map { $0.changeOf ?? "-" }
                == ["三公总预算", "三公总预算", "扶贫经费"])
    }

    /// 同比增长13 .6%, a point a space from its whole part as pdftotext prints a justified line's
    /// number, was 0.6%; 税收增加 and 非税增加 named no item changed, and 其中 without its comma
    /// was part of one (其中工资福利支出).
    @Test func aSpacedPointAndTheItemsOfTaxes() {
        let found = figures("同比增长13 .6%，增长0 .5%，提高.5%；其中税收增加5.6亿元，非税增加3.2亿元，其中工资福利支出增加20万元。")
        #expect(found.map { "\($0.value) \($0.change?.rawValue ?? "-") \($0.changeOf ?? "-")" } == [
            "13.6 increase -", "0.5 increase -", "0.5 increase -",
            "5.6 increase 税收", "3.2 increase 非税", "20 increase 工资福利支出",
        ])
    }

    /// Digits a space apart: a table row flattened by a web page's scraper (…资助困难教师及学生 52
    /// 100 100.00% 10.00 10) gave one rate, 52100100%, read as grouped thousands; a point a
    /// space after grouped digits (1 234 .5万元) gave 0.5万元. A rate's digits are never grouped.
    @Test func digitsASpaceApart() {
        let found = figures("服务对象满意度 资助困难教师及学生 52 100 100.00% 10.00 10；收入总计1 234 .5万元，结余1 234 567 .89元，"
                                + "支出12 34 .5万元，支出总计1 234.56万元。")
        #expect(found.map { "\($0.value) \($0.unit.rawValue)" } == ["100 %", "1234.5 万元", "1234567.89 元", "1234.56 万元"])
    }

    /// Digits with nothing between them: a 自评表 row whose cells a page's text runs together
    /// (四川 中江's 年度资金总额:202010100.00%10, 宁夏 银川's 成本指标办公所需成本415万元15) gave a
    /// rate of 202010100% and an amount of 415万元. A figure that the next number follows right
    /// after its unit is none, told; a number after a comma, a space or a dash still is.
    @Test func cellsRunTogetherGiveNoFigures() {
        var extractor = FigureExtractor()
        let found = extractor.figures(in: FoldedText("年度资金总额:202010100.00%10，成本指标办公所需成本415万元15；预算执行率100%。", line: 2))
        #expect(found.map(\.text) == ["100%"])
        #expect(extractor.takeDiagnostics().map { "\($0.code) \($0.severity) \($0.line) \($0.message.prefix { $0 != " " })" }
                == ["figure-not-read warning 2 202010100.00%10", "figure-not-read warning 2 415万元15"])
        #expect(figures("比上年增长5%，10万元用于办公；目标为5%-10%；增长5% 10万元；收入100万元(2021年)。").map(\.text)
                == ["5%", "10万元", "5%", "10%", "5%", "10万元", "100万元"])
    }

    /// 基本支出和项目支出分别占支出总计的60.5%和39.5%: the shares are of the items in turn, as a
    /// share after its item is (基本支出…，占71.9%); before, both were labelled 支出总计, the whole.
    /// So are shares after a list's amounts with 分别 before their 占.
    @Test func sharesStatedRespectivelyAreOfTheirItems() {
        let found = figures("基本支出和项目支出分别占支出总计的60.5%和39.5%；财政拨款收入、事业收入分别为1000万元、200万元，"
                                + "分别占收入总计的83.3%、16.7%；工资福利支出、商品和服务支出分别占基本支出的80%、20%。")
        #expect(found.map { $0.label ?? "-" } == [
            "基本支出", "项目支出", "财政拨款收入", "事业收入", "财政拨款收入", "事业收入", "工资福利支出", "商品和服务支出",
        ])
        // What 占 joins are the wholes, not items: one item's shares (before, 一般公共预算支出占全国财政支出
        // and GDP的比重), and none after a change (a 财政部 page's …下降7.8%,占…的比重分别为10.0%和3.3%).
        #expect(figures("一般公共预算支出占全国财政支出和GDP的比重分别为12.5%、3.2%。").map { $0.label ?? "-" }
                == ["一般公共预算支出", "一般公共预算支出"])
        #expect(figures("采购规模为33067.0亿元,较上年减少2794.4亿元,下降7.8%,占全国财政支出和GDP的比重分别为10.0%和3.3%。")
                    .map { $0.label ?? "-" } == ["采购规模", "减少", "下降", "采购规模", "采购规模"])
    }

    /// A share right after a change was labelled with what 占 joins, the whole (税收收入完成95.1亿元，
    /// 增长19.9%，占一般公共预算收入的63% → 一般公共预算收入, a 辽宁 county's page): it is the
    /// share of the amount the change is of, in its sentence; not past a 。.
    @Test func aShareAfterAChangeIsOfTheAmountChanged() {
        #expect(figures("税收收入完成95.1亿元,增长19.9%,占一般公共预算收入的63%。其中，税收收入420.6亿元,可比下降8.4%,占一般公共预算收入比重83.2%。")
                    .map { $0.label ?? "-" } == ["税收收入", "增长", "税收收入", "税收收入", "下降", "税收收入"])
        #expect(figures("收入总计100万元。支出增长5%，占比60%。").map { $0.label ?? "-" } == ["收入总计", "增长", "-"])
    }

    /// 人均补助标准500元 was labelled 补助标准 and 生均公用经费达标率 公用经费达标率 (ICU's 人 / 均: a
    /// measure word, and 均 a linking word): 均 after what it is per opens the item, when an item
    /// follows it (not 由月人均55元, whose item stands before 由).
    @Test func perHeadItems() {
        #expect(figures("人均补助标准500元，生均公用经费达标率100%，户均增收2000元。基础养老金发放水平由月人均55元提高到70元。")
                    .map { $0.label ?? "-" } == ["人均补助标准", "生均公用经费达标率", "增收", "基础养老金发放水平", "基础养老金发放水平"])
    }

    /// A comma or colon inside an aside before a figure ended its clause there: 2013年省级(包括省级
    /// 行政单位、事业单位和其他单位)“三公”经费财政拨款支出9.5亿元 was labelled 事业单位和其他单位
    /// 三公经费财政拨款支出 (河南), 结余率(计算方法为:结余数/预算数)≤5% 结余数预算数.
    @Test func aMarkInsideAnAsideEndsNoClause() {
        #expect(figures("2013年省级(包括省级行政单位、事业单位和其他单位)“三公”经费财政拨款支出9.5亿元，结余率(计算方法为:结余数/预算数)≤5%。")
                    .map { $0.label ?? "-" } == ["省级三公经费财政拨款支出", "结余率"])
        // 预算稳定调节基金 is a fund's name, not a 预算's 稳定调节基金 (厦门, 丰都); 安排 (paid into
        // it) keeps its verb as 动用 (drawn from it) does (泉州, 西藏: before, 预算稳定调节基金).
        #expect(figures("安排预算稳定调节基金7.2亿元，预算总收入100亿元，动用预算稳定调节基金5亿元。").map { $0.label ?? "-" }
                    == ["安排预算稳定调节基金", "预算总收入", "动用预算稳定调节基金"])
    }

    /// Changes as other provinces' pages state them (西藏, 贵州, 福建, 深圳, 审计署): 收入、支出总计各增加
    /// (the full names paired as 收、支 are), an amount after its percent (增长10.85%，增收2,798万元),
    /// 压缩, 降幅达到, 减少支出. Their percents are checked: two true warnings, and none where the
    /// two amounts are no two years' (after an ASCII ;, or a percent in an aside on one amount).
    @Test func changesAsOtherProvincesStateThem() {
        let document = Document(parsing: """
            一、收入支出决算总体情况说明
            2024年度收入、支出总计各7562.45万元、6632.48万元。与上年相比，收入、支出总计各增加1412.7万元、2062.79万元，增长15.74%、23.72%。
            地方一般公共预算收入完成28578万元，同比增长10.85%,增收2,798万元。三公经费2.29亿元，比上年减少支出0.88亿元,降幅达到38.7%。
            其中:中央级收入 6320.5 亿元;地方级收入 3914.2 亿元、下降 4.8%。因公出国(境)费617万元,公务用车购置及运行费1205.06万元(较2010年压缩2%)。
            """)
        #expect(document.amounts.filter { $0.change != nil }.map { "\($0.value) \($0.changeOf ?? "-")" }
                    == ["1412.7 收入总计", "2062.79 支出总计", "2798 地方一般公共预算收入", "0.88 三公经费"])
        #expect(document.percents.map { "\($0.value) \($0.change?.rawValue ?? "-") \($0.changeOf ?? "-")" } == [
            "15.74 increase 收入总计", "23.72 increase 支出总计", "10.85 increase 地方一般公共预算收入",
            "38.7 decrease 三公经费", "4.8 decrease 地方级收入", "2 decrease 公务用车购置及运行费",
        ])
        #expect(document.diagnostics.filter { $0.code == "change-percent" }.map(\.message) == [
            "a rise of 15.74% does not follow: from 6149.75万元 (7562.45万元 less 1412.7万元) to 7562.45万元 is a rise of 22.97%",
            "a rise of 23.72% does not follow: from 4569.69万元 (6632.48万元 less 2062.79万元) to 6632.48万元 is a rise of 45.14%",
            "a fall of 38.7% does not follow: from 3.17亿元 (2.29亿元 plus 0.88亿元) to 2.29亿元 is a fall of 27.76%",
        ])
    }

    /// A 科目 named by its levels right before a colon, with no list marker (一般公共服务(类)…(款)(项):
    /// 支出决算为441.72万元, a 四川 unit's page; 检察（款）: in the 江苏 检察院 预算), is the `subject`
    /// of its figures as a numbered one is; a level left unnamed ((款)(项)) leaves the one before
    /// it, and an aside of the name's own is part of it (维修（护）费（款）, before none).
    @Test func aSubjectNamedBeforeAColon() {
        let document = Document(parsing: """
            一般公共服务(类)政府办公厅(室)及相关机构事务(款)(项):支出决算为441.72万元,完成预算100%。
            节能环保(类)污染防治(款)水体(项):支出决算为0.35万元。
            （6）维修（护）费（款）支出100万元。
            住房保障支出年初预算为5万元。
            """)
        #expect(document.amounts.map { $0.subject ?? "-" } == ["政府办公厅(室)及相关机构事务", "水体", "维修(护)费", "-"])
    }

    /// 1.小学教育（2050202），2024年度决算数为8,627.17万元 (西南大学 2024): a 科目 named by its code
    /// is the `subject` of its item's figures (before, none). A year in brackets is no code.
    @Test func aSubjectNamedByItsCode() {
        let document = Document(parsing: """
            （四）财政拨款支出决算表说明
            1.小学教育（2050202），2024年度决算数为8,627.17万元，比2023年度决算数增长8.24%。
            2.高等教育（2050205），2024年度决算数为206,360.32万元。
            3.工作总结（2023），支出100万元。
            """)
        #expect(document.amounts.map { $0.subject ?? "-" } == ["小学教育", "高等教育", "-"])
        #expect(document.percents.map { $0.subject ?? "-" } == ["小学教育"])
    }

    /// 支出预算为3万元,支出决算为1.71万元,完成预算的43% (a 寿县 page; 1.71 of 3 is 57%) had no
    /// warning: a share of the budget carried out is checked against the budget and 决算 amounts
    /// right before it, as a change's percent is, each figure exact to half its last digit.
    @Test func aShareOfTheBudgetCarriedOutIsChecked() {
        let document = Document(parsing: """
            （一）“三公”经费财政拨款支出决算总体情况说明
            “三公”经费支出预算为3万元,支出决算为1.71万元,完成预算的43%。一般公共服务支出年初预算为76.33万元，支出决算为39.99万元，完成年初预算的52.4%。
            “三公”经费财政拨款支出年初预算为11.49万元，支出决算为3.04万元，完成预算的26.46%，其中：因公出国（境）费决算为0万元，完成预算的0%；公务接待费支出决算为0.40万元，完成预算的18.96%。
            """)
        #expect(document.diagnostics.filter { $0.code == "completion-percent" }.map { "\($0.line) \($0.message)" }
                    == ["2 完成预算 43% does not follow: 1.71万元 of 3万元 is 57%"])
    }

    /// A second change of one amount against another year, after a ； (广东省财政厅 2023: before,
    /// no `changeOf` and no check), and a change after an aside that holds changes of its own
    /// (before, of the aside's last item) or states last year's amount (江苏政协 2017: before, a
    /// false `change-percent`, last year's 8,648.07万元 taken for this year's).
    @Test func changesPastAnotherComparisonOrAnAside() {
        let document = Document(parsing: """
            （一）“三公”经费财政拨款支出决算总体情况说明
            “三公”经费财政拨款支出决算为62.07万元,比上年决算数增加38.97万元,增长168.7%;比2019年(疫情前)决算数减少24.87万元,降低28.6%。
            公务用车购置及运行费500.00万元(公务用车购置费100.00万元,比上年增加0万元;公务用车运行维护费400.00万元,比上年增加0万元。)比上年增加0万元。
            2017年度部门支出预算安排与2016年度相比（2016年度部门支出预算安排为8,648.07万元），增加498.72万元，增长5.77%。
            """)
        #expect(document.amounts.filter { $0.change != nil }.map { $0.changeOf ?? "-" }
                    == ["三公经费财政拨款支出决算", "三公经费财政拨款支出决算", "公务用车购置费", "公务用车运行维护费", "-", "-"])
        #expect(document.percents.map { $0.changeOf ?? "-" } == ["三公经费财政拨款支出决算", "三公经费财政拨款支出决算", "-"])
        #expect(!document.diagnostics.contains { $0.code == "change-percent" })
    }

    /// Changes whose item stands before a comparison with a time (乌鲁木齐 2023: 收入支出总体与上年
    /// 相比,增加58.21万元, ASCII commas too), before 相较于 (鄂城区 2022), or ends in 收支 (梧州
    /// 2025): before, none had a `changeOf`.
    @Test func itemsBeforeAComparisonWithATime() {
        let changes = figures("""
            收入支出总体与上年相比,增加58.21万元,增长15.46%。2022年“三公”经费决算数相较于上年增加275.76万元。财政拨款总收支较上年下降3.85%。主要原因是与上年相比，减少5万元。
            """).filter { $0.change != nil }
        #expect(changes.map { $0.changeOf ?? "-" } == ["收入支出总体", "收入支出总体", "三公经费决算数", "财政拨款总收支", "-"])
    }

    /// 20103-政府辦公廳(室)及相關機構事務9185萬元 (泉州台商区 2022): before, labelled
    /// 室及相关机构事务, the 办公厅 taken for the body that reports. 政府性基金减少401.85万元,
    /// 年初结转结余减少1475.63万元 (綦江 2023): before, no `changeOf`; 收支 alone still names none.
    @Test func anOfficeRoomAndFundsAndBalances() {
        #expect(figures("20103-政府办公厅(室)及相关机构事务9185万元,较2021年决算数增加2686万元。").map { $0.label ?? "-" }
                    == ["政府办公厅室及相关机构事务", "增加"])
        let changes = figures("支出总计10328.56万元。收支较上年决算数增加418.97万元,主要原因是政府性基金减少401.85万元,年初结转结余减少1475.63万元。")
            .filter { $0.change != nil }
        #expect(changes.map { $0.changeOf ?? "-" } == ["支出总计", "政府性基金", "年初结转结余"])
    }

    /// 完成全年预算84.82万元的73.2% (广东省财政厅 2023): a share of the budget carried out that
    /// states the budget. Before, the percent had no label and was not checked.
    @Test func aShareOfAStatedBudgetIsLabelledAndChecked() {
        let document = Document(parsing: """
            （一）“三公”经费财政拨款支出决算总体情况说明
            “三公”经费财政拨款支出决算为62.07万元,完成全年预算84.82万元的73.2%,比上年决算数增加38.97万元。公务接待费22.59万元,完成预算43.2万元的62.3%。
            一般公共预算收入61646万元,完成年初预算数60999万元的101.1%。
            """)
        #expect(document.percents.map { $0.label ?? "-" } == ["完成全年预算", "完成预算", "完成年初预算数"])
        #expect(document.diagnostics.filter { $0.code == "completion-percent" }.map { "\($0.line) \($0.message)" }
                    == ["2 完成预算 62.3% does not follow: 22.59万元 of 43.2万元 is 52.29%"])
    }

    /// 基本支出1163.12万元，占45.55%: a share is checked against the amount right before it and
    /// its whole, the amount a list opening (其中, a colon) follows or the one it names, in its
    /// paragraph or, left unnamed, the paragraph before whose list it continues. The 普陀
    /// 财政局's 一般公共服务支出 share is wrong in the report itself (2106.66 of 2940.05 is 71.65%;
    /// its four shares add up to 100.07%).
    @Test func sharesAreCheckedAgainstTheirWhole() throws {
        let report = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        #expect(report.diagnostics.filter { $0.code == "share-percent" }.map { "\($0.line) \($0.message)" }
                    == ["565 一般公共服务支出 71.73% does not follow: 2106.66万元 of 2940.05万元 (line 564) is 71.65%"])
        let document = Document(parsing: """
            本年支出合计2553.52万元，其中：基本支出1163.12万元，占45.55%；项目支出1390.4万元，占50.45%。
            2021年度财政拨款基本支出1163.12万元，其中：人员经费834.04万元，占基本支出的70.71%；公用经费329.08万元，占基本支出的28.29%。
            本年支出预算合计21,955.35万元，其中：
            基本支出13,994.31万元，占63.75%；
            项目支出5,573万元，占25.38%；
            单位预留机动经费2,388.04万元，占11.87%。
            2021年度财政拨款支出2553.52万元，占本年支出合计的90%。
            其中：在职人员50人，占40%。支出总计100万元，其中：公用经费20万元，占比20%。
            """)
        #expect(document.diagnostics.filter { $0.code == "share-percent" }.map { "\($0.line) \($0.message)" } == [
            "1 项目支出 50.45% does not follow: 1390.4万元 of 2553.52万元 (line 1) is 54.45%",
            "2 人员经费 70.71% does not follow: 834.04万元 of 1163.12万元 (line 2) is 71.71%",
            "6 预留机动经费 11.87% does not follow: 2,388.04万元 of 21,955.35万元 (line 3) is 10.88%",
            "7 财政拨款支出 90% does not follow: 2553.52万元 of 2553.52万元 (line 1) is 100%",
        ])
    }

    /// A share after 占 is of what stands before 占, with or without 的: 货物采购授予中小企业合同金额占
    /// 货物支出金额的43.46% (永州, in 72 percents of the inputs) was labelled by its whole, 货物支出金额.
    @Test func aShareIsLabelledByWhatStandsBeforeIts占() {
        let found = figures("货物采购授予中小企业合同金额占货物支出金额的43.46%，一般公共预算拨款占本年收入29%，税收收入占地方财政收入66.19%。")
        #expect(found.map { $0.label ?? "-" } == ["货物采购授予中小企业合同金额", "一般公共预算拨款", "税收收入"])
    }

    /// Shares as real pages write them (a helper's 28 pages of other provinces): after an ASCII
    /// comma (万元,占), none of which was checked; of a whole without 的 (占基本支出预算 79.89%) or
    /// named as the total (占总支出的 for 支出合计); a second share of one amount; a whole stated
    /// in the share (占年初预算数109466万元的56.3%). A whole whose label only ends a list with the
    /// name (税收返还和转移支付 for 占转移支付比重达82%) is not the one named, nor is an item another
    /// share is of (教育支出 for 占本年支出的12%: three false warnings on a 澧县 page). A share
    /// after an aside on its amount is of that amount, and labelled so (a 临安 page's 93.57% was
    /// 国有资本经营预算's, the aside's last item).
    @Test func sharesAsPagesWriteThem() {
        let document = Document(parsing: """
            本年支出合计2553.52万元,其中:基本支出1163.12万元,占45.55%;项目支出1390.4万元,占50.45%。
            基本支出预算 1133753.33 元,其中:工资福利支出预算 905709.06 元,占基本支出预算 69.89%,
            2016年我院支出合计26,994.72万元,其中基本支出12,270.36万元,占总支出的55.46%。
            一般公共预算收入28,583万元,其中:税务部门完成13,866万元,占调整预算100.93%,占一般公共预算收入的58.51%。
            1-6月份全区一般公共预算收入累计完成61646万元,占年初预算数109466万元的50.3%,同比增长10.7%。
            对市县税收返还和转移支付4404.78亿元,占总支出的67%(包括一般性转移支付3030.61亿元,占转移支付比重达82%)。
            财政拨款支出按功能科目分类,一般公共服务支出0 万元,占本年财政拨款支出488.80 万元的 0 %;教育支出374.89 万元,占本年支出的77 %;社会保障和就业支出60.44 万元,占本年支出的12 %;医疗卫生与计划生育支出18.51 万元,占本年支出的 4 %;住房保障支出 34.96万元,占本年支出的 7%
            本年收入合计1,151.41万元;包括财政拨款收入1,077.36万元(其中,一般公共预算1,077.36万元,国有资本经营预算0万元),占收入合计83.57%;
            """)
        #expect(document.diagnostics.filter { $0.code == "share-percent" }.map { "\($0.line) \($0.message)" } == [
            "1 项目支出 50.45% does not follow: 1390.4万元 of 2553.52万元 (line 1) is 54.45%",
            "2 工资福利支出预算 69.89% does not follow: 905709.06元 of 1133753.33元 (line 2) is 79.89%",
            "3 基本支出 55.46% does not follow: 12,270.36万元 of 26,994.72万元 (line 3) is 45.45%",
            "4 税务部门 58.51% does not follow: 13,866万元 of 28,583万元 (line 4) is 48.51%",
            "5 一般公共预算收入 50.3% does not follow: 61646万元 of 109466万元 (line 5) is 56.32%",
            "8 财政拨款收入 83.57% does not follow: 1,077.36万元 of 1,151.41万元 (line 8) is 93.57%",
        ])
        #expect(document.percents.last?.label == "财政拨款收入")
    }

    /// Shares the helpers' pages give that were not checked (81 of their 173 were): after a change
    /// of their amount (…,比上年增收11487.11亿元,同比增长33.7%,占…), whose list's head is no change
    /// (比上年同期增收12543.83亿元 stood nearer 其中); of a total named otherwise than labelled, a
    /// paragraph up (占总收入的 for 总收入, three characters; 占总支出的 for 支出合计; 占财政支出总量的
    /// for 财政支出), or in its own, its words in another order (占预算总收入的 for 收入预算, a 广东
    /// unit's eight shares); of a whole named with a 预算 its label leaves out (占项目支出预算 for 项目支出,
    /// itself a share of the whole above); in a list after a list of amounts (分别为A和B，占…的x%和
    /// y%, whose first share was checked against B: false warnings on three 政府采购 pages); and
    /// national figures in 亿元, beyond 10^12 元, which were not checked at all. The 宿州 page's own
    /// 16% (10.23%) warns. Not checked: a share of a total the page does not state (转移支付总量, of
    /// a list) against the list's head; a list's share against an amount of the sentence before
    /// one that opens a list of what it names (…2个方面,其中,…: a 麦积 page's two false warnings);
    /// 占总支出的 against an amount labelled 支出 alone (永州's .doc: 2020年度支出为1718.25万元).
    @Test func sharesAfterChangesOfTotalsAndInLists() {
        let document = Document(parsing: """
            2007年财政总收入累计完成51304.03亿元,比上年同期增收12543.83亿元,增长32.4%。其中,税收收入45612.99亿元,比上年增收11487.11亿元,同比增长33.7%,占财政总收入的比重为98.9%;非税收入5691.04亿元,比上年同期增收1056.72亿元,增长22.8%,占财政总收入的比重为11.1%。
            2016年度总收入27,664.71万元,其中:财政拨款收入9,787.85万元。
            本年度我院财政拨款收入共计9,787.85万元,占总收入的45.39%。
            2016年我院支出合计26,994.72万元。
            本年度我院基本支出12,270.36万元,占总支出的55.46%。
            1-9月,全市财政支出完成267.37亿元,为预算的84.4%,增长9.4%。
            社会保障和就业支出27.36亿元,增长12.0%,占财政支出总量的16%。
            项目支出 469500 元,占一般公共预算支出的 19.62%,同比增加 70100 元 ,增长 17.55%。其中:
            资本性支出 31500 元,占项目支出预算 16.71%,同比增加21500 元,增长 215%。
            2019年全国政府采购规模为33067.0亿元。
            中央预算单位、地方预算单位政府采购规模分别为2666.3亿元和30400.7亿元,占全国政府采购规模的8.1%和81.9%。
            2010年中央对地方税收返还和转移支付30611亿元,增加1989.7亿元,增长7%。其中:税收返还5004.36亿元。一般性转移支付12295.73亿元,增加975.84亿元,增长8.6%,占转移支付总量的48%。
            2025年一季度全市政府采购规模为1.32亿元。其中,货物、工程、服务政府采购规模分别为0.72亿元、0.02亿元和0.59亿元,占全市政府采购规模比例为54.54%、1.51%和44.69%。
            2015年收入预算51,232.55万元,其中:公共预算拨款28,572.55万元,占预算总收入的65.77%;财政专户拨款16,300万元,占预算总收入的31.82%。
            纳入统筹涉农资金方案资金53043.61万元,占比82.29%,其中:财政衔接推进乡村振兴补助资金39708.61万元,其他各类资金13335万元。全区涉农整合资金主要用于农村基础设施建设和农业产业发展2个方面,其中,安排产业发展方面26602万元,占比50.15%。
            """)
        #expect(document.diagnostics.filter { $0.code == "share-percent" }.map { "\($0.line) \($0.message)" } == [
            "1 税收收入 98.9% does not follow: 45612.99亿元 of 51304.03亿元 (line 1) is 88.91%",
            "3 财政拨款收入 45.39% does not follow: 9,787.85万元 of 27,664.71万元 (line 2) is 35.38%",
            "5 基本支出 55.46% does not follow: 12,270.36万元 of 26,994.72万元 (line 4) is 45.45%",
            "7 社会保障和就业支出 16% does not follow: 27.36亿元 of 267.37亿元 (line 6) is 10.23%",
            "9 资本性支出 16.71% does not follow: 31500元 of 469500元 (line 8) is 6.71%",
            "11 地方预算单位政府采购规模 81.9% does not follow: 30400.7亿元 of 33067.0亿元 (line 10) is 91.94%",
            "14 公共预算拨款 65.77% does not follow: 28,572.55万元 of 51,232.55万元 (line 14) is 55.77%",
        ])
        // The part named again before 占: a 广西 page's own error (868.04 of 1091.71 is 79.51%).
        let guangxi = Document(parsing: "今年1-4月,全区一般公共预算支出1091.71亿元,同比增长10.1%;其中民生支出完成868.04亿元,同比增长5.6%,民生支出占一般公共预算支出的比重达79.1%。")
        #expect(guangxi.diagnostics.filter { $0.code == "share-percent" }.map(\.message)
                    == ["民生支出 79.1% does not follow: 868.04亿元 of 1091.71亿元 (line 1) is 79.51%"])
        let yongzhou = Document(parsing: "2021年度支出为2553.52万元，2020年度支出为1718.25万元，同比增加48.16%。\n2021年度专项资金共支出1390.4万元，占总支出的54.45%。")
        #expect(!yongzhou.diagnostics.contains { $0.code == "share-percent" })
    }

    /// A month's count, the whole district (全区, as 全市 was) and the period (当期) open no item;
    /// 累计 before 完成 and a source's verb (透露, 显示) are no part of it: the labels were
    /// 月份全区一般公共预算收入累计 and 财政部国库司透露当期全国政府采购规模 (news pages of 安徽 and
    /// 财政部), which no share's whole could be named by.
    @Test func monthsPlacesAndSourcesAreNoPartOfAnItem() {
        let found = figures("1-6月份全区一般公共预算收入累计完成61646万元。财政部国库司透露当期全国政府采购规模为21070.5亿元。全区政府性基金支出累计实现8.5亿元。")
        #expect(found.map { $0.label ?? "-" } == ["一般公共预算收入", "全国政府采购规模", "政府性基金支出"])
    }

    /// A mirror site's pinyin, after a character or in brackets (事业yè收入, 全國(guó)政府采購規模), is
    /// no part of a label or of a share's whole: labels kept it (公务wù接待费), and the 2020
    /// 政府采购 page's shares of 全國(guó)政府采購規模 found no whole (five of the third helper's; the
    /// page in traditional characters, here in simplified).
    @Test func aMirrorSitesPinyinIsNoPartOfAName() {
        let document = Document(parsing: "2020年全国(guó)政府采购规模为36970.6亿元。\n货物、工程、服务采购规模分别为9175.8亿元、17492.4亿元和10302.4亿元,占全国(guó)政府采购规模的24.8%、47.3%和37.9%。\n事业yè收入100万元，公务wù接待费2万元。")
        #expect(document.amounts.map { $0.label ?? "-" } == ["全国政府采购规模", "货物", "工程", "服务采购规模", "事业收入", "公务接待费"])
        #expect(document.diagnostics.filter { $0.code == "share-percent" }.map(\.message)
                    == ["服务采购规模 37.9% does not follow: 10302.4亿元 of 36970.6亿元 (line 1) is 27.87%"])
    }

    /// Money for each of something (经费定额较2014年上涨2000元/人, a 沈阳 page; the 永州 绩效目标表's
    /// 5万元/期 and 20万元/次) was read as an amount of money; it is a rate, told and not read. A
    /// slash before a number makes no rate. Since the sixteenth sitting also a space after the
    /// slash (5万元/ 人) and 每 (2000元每人, 300元每人每年), which were amounts; 每 after a break
    /// (100万元，每年…) is no rate.
    @Test func ratesAreNoAmounts() {
        let document = Document(parsing: "人员经费定额较2014年上涨2000元/人，补助标准10万元/年，单价1000元/2000元，合计5万元/ 人。"
                                    + "补助标准为2000元每人，300元每人每年。共支出100万元，每年按季度拨付。")
        #expect(document.amounts.map(\.text) == ["1000元", "2000元", "100万元"])
        #expect(document.diagnostics.filter { $0.code == "figure-not-read" }.map { $0.message.prefix { $0 != " " } }
                    == ["2000元/人", "10万元/年", "5万元/人", "2000元每人", "300元每人每年"])
    }

    /// 新增 after a comparison with a period (比上年新增了605.99万元, 较2022年新增60万元, 同比新增) is
    /// a rise: before, no change, and the percent after it was checked as if the amount were the
    /// year before's (a false `change-percent` warning). 今年新增资产 names what was added.
    @Test func newlyAddedAgainstAPeriodIsARise() {
        let document = Document(parsing: "一般公共预算支出1000万元，比上年新增了605.99万元，增长153.8%。"
                                    + "较2022年新增60万元。同比新增5万元。今年新增资产30万元。")
        #expect(document.amounts.map(\.change) == [nil, .increase, .increase, .increase, nil])
        #expect(document.amounts[1].changeOf == "一般公共预算支出")
        #expect(!document.diagnostics.contains { $0.code == "change-percent" })
    }

    /// Items that end in 费用, 奖金, 接待 are what their changes are of (公务用车运行费用较上年同期增加
    /// 2.27万元 had no `changeOf`; 鄂尔多斯, 沈阳 pages); 上涨 is a rise; 较上年增17.1万元 was
    /// labelled 年增 (ICU's 上 / 年 / 增, two characters joined as 调减's are).
    @Test func changesOfItemsEndingOtherwise() {
        let found = figures("其中公务接待较上年同期减少0.58万元,减少4.68%。公务用车运行费用较上年同期增加2.27万元,增长29.37%。"
                                + "绩效奖金较2014年增长12.4万元。人员经费定额较2014年上涨2000元。较上年增17.1万元，较上年减 5万元。")
        #expect(found.map { "\($0.label ?? "-") \($0.change?.rawValue ?? "-") \($0.changeOf ?? "-")" } == [
            "减少 decrease 公务接待", "减少 decrease 公务接待", "增加 increase 公务用车运行费用", "增长 increase 公务用车运行费用",
            "增长 increase 绩效奖金", "上涨 increase -", "增 increase -", "减 decrease -",
        ])
    }

    /// 从2015年的2007万元上升到2020年的2468万元，年均增长4.22% (a 四川 county's page): the level
    /// reached was labelled 上升到 (the year between the verb and it), and the yearly average
    /// was checked as the whole rise, 22.97%, a false warning. A fall beyond 100% is warned.
    @Test func aLevelReachedInAYearAndAYearlyAverage() {
        let document = Document(parsing: """
            一、收入情况
            一般公共预算收入从2015年的2007万元上升到2020年的2468万元，年均增长4.22%；2023年支出总计从50万元增长到60万元，年平均增长6.3%。
            公用经费分别减少0.18亿元和0.56亿元，下降133.1%和43.7%。
            """)
        #expect(document.amounts.prefix(4).map { $0.label ?? "-" } == ["一般公共预算收入", "一般公共预算收入", "支出总计", "支出总计"])
        #expect(document.percents.prefix(2).map { $0.changeOf ?? "-" } == ["一般公共预算收入", "支出总计"])
        #expect(document.diagnostics.filter { $0.code == "change-percent" }.map { "\($0.line) \($0.message)" }
                    == ["3 a fall of 133.1% is more than all of what fell"])
    }

    /// A range was read as its upper bound alone (项目金额为50-100万元: 100万元, the 50 lost),
    /// and 完成率90%-100% gave a percent of -100%, made up. Both bounds are read now, the
    /// lower ≥ and the upper ≤, labelled alike; a minus sign after a figure is no sign.
    @Test func rangesGiveBothBounds() {
        let found = figures("项目金额为50-100万元，补助标准20万元至30万元，完成率90%-100%，增长10%～20%，单价1亿到2亿元，年末结余-3.2万元，2020-2021年支出5万元。")
        #expect(found.map { "\($0.text) \($0.value) \($0.unit.rawValue) \($0.comparator?.rawValue ?? "-") \($0.label ?? "-") \($0.change.map { "\($0)" } ?? "-")" } == [
            "50 50 万元 ≥ 项目金额 -", "100万元 100 万元 ≤ 项目金额 -",
            "20万元 20 万元 ≥ 补助标准 -", "30万元 30 万元 ≤ 补助标准 -",
            "90% 90 % ≥ 完成率 -", "100% 100 % ≤ 完成率 -",
            "10% 10 % ≥ 增长 increase", "20% 20 % ≤ 增长 increase",
            "1亿 1 亿元 ≥ 单价 -", "2亿元 2 亿元 ≤ 单价 -",
            "-3.2万元 -3.2 万元 - 年末结余 -", "5万元 5 万元 - 支出 -",
        ])
        // A mark between a figure and a year or count is no range.
        #expect(figures("支出50万元-2023年度，完成率95%至12月。").map { $0.comparator } == [nil, nil])
        // Written from its upper bound (a 自评表's 分值区间100-80%), a range was ≥100 and ≤80, empty.
        #expect(figures("得分区间100-80%，投资额50-30万元。").map { "\($0.value) \($0.comparator?.rawValue ?? "-")" }
                == ["100 ≤", "80 ≥", "50 ≤", "30 ≥"])
    }

    /// 2023年度一般公共预算财政拨款“三公”经费支出预算为10万元 was labelled 公共预算财政拨款三公经费支出预算:
    /// a label was cut to 16 characters from the front, and the template's longest names are
    /// 18 (面向中小企业预留政府采购项目预算金额 lost its 面向). The cut is at 20, and leaves no 了.
    @Test func longItemNamesAreKeptWhole() {
        #expect(figures("2023年度一般公共预算财政拨款“三公”经费支出预算为10万元。").map(\.label) == ["一般公共预算财政拨款三公经费支出预算"])
        #expect(figures("其中，面向中小企业预留政府采购项目预算金额120万元。").map(\.label) == ["面向中小企业预留政府采购项目预算金额"])
        #expect(figures("主要是增加了江苏省第十三届人代会二次会议专项经费180万元。").map(\.label) == ["江苏省第十三届人代会二次会议专项经费"])
    }

    /// 年中追加1260.4万元 (the 永州 report's, 17 figures over the corpus) had no label and
    /// 年中调整为5万元 was 中调整: ICU parts 年中 into 年 / 中, and the 年 was dropped as a year's.
    @Test func theMiddleOfTheYearNamesAnItem() {
        #expect(figures("年中追加1260.4万元，年中调整为5万元，年末结余3万元，2021年中央补助10万元。").map(\.label)
            == ["年中追加", "年中调整", "年末结余", "中央补助"])
    }

    /// 年末结转和结余 was read as 结转和结余 while 年初结转和结余 kept its 年初, 上年结转资金 as 结转资金,
    /// and 全年预算数 as 预算数 beside 年初预算数: a time of the year was dropped as a scope where
    /// the templates make it part of the item (68 labels over the 216 corpus inputs). So were
    /// 本年收入合计 and 本年支出合计, the 收入支出决算总表's rows, read as 收入合计 and 支出合计
    /// until the eighteenth sitting.
    @Test func aTimeOfTheYearThatNamesTheItem() {
        #expect(figures("年初结转和结余12万元，年末结转和结余8万元，年末财政拨款结转和结余6万元，上年结转资金34.56万元，本年结余3万元。").map(\.label)
            == ["年初结转和结余", "年末结转和结余", "年末财政拨款结转和结余", "上年结转资金", "本年结余"])
        #expect(figures("全年预算数为100万元，全年执行数为95.5万元，年初预算数为80万元。").map(\.label) == ["全年预算数", "全年执行数", "年初预算数"])
        #expect(figures("本年收入合计2946.25万元，本年支出合计2940.05万元。").map(\.label) == ["本年收入合计", "本年支出合计"])
        // A time before another item is still a scope (全年收入).
        #expect(figures("2023年度收入总计200万元，本年支出190万元，全年收入300万元。").map(\.label) == ["收入总计", "本年支出", "收入"])
    }

    /// Money as forms and PDFs also write it: 收入总计1 234.56万元 (digits grouped by spaces) was
    /// read as 234.56万元, a wrong amount; ￥1,200,000.00 (the yuan sign, no 元) and 1.5亿 (no 元)
    /// were no figures; 预算金额：100万元 had no label (the colon closed the clause).
    @Test func spaceGroupsYuanSignsYiAndColons() {
        let found = figures("收入总计1 234.56万元，支出总计1 234 567.89元；预算金额：￥1,200,000.00，中标金额¥980,000.00；支出总计1.5亿。服务人口1.5亿。其中：50万元，2023 120.50万元。")
        #expect(found.map { "\($0.text) \($0.yuan.map { "\($0)" } ?? "-") \($0.label ?? "-")" } == [
            "1234.56万元 12345600 收入总计", "1234567.89元 1234567.89 支出总计",
            "￥1,200,000.00 1200000 预算金额", "¥980,000.00 980000 中标金额",
            "1.5亿 150000000 支出总计", "50万元 500000 -", "120.50万元 1205000 -",
        ])
    }

    /// Typing slips made wrong amounts: 提高.5% was 5%, 支出12..5万元 was 5万元, and 合计１２３４。５６万元
    /// (a decimal point typed as a Chinese full stop) 56万元. A number from its point is a
    /// fraction; after two points, or after a 。 right after a digit, it is no figure, the
    /// latter told.
    @Test func typingSlipsMakeNoWrongAmounts() {
        var extractor = FigureExtractor()
        let found = extractor.figures(in: FoldedText("提高.5%，支出12..5万元，合计１２３４。５６万元，结余3万元。", line: 4))
        #expect(found.map { "\($0.text) \($0.value)" } == [".5% 0.5", "3万元 3"])
        #expect(extractor.takeDiagnostics().map { "\($0.code) \($0.severity) \($0.line)" } == ["figure-not-read warning 4"])
        // A sentence that ends in a number, and one that opens with a year, are as they were.
        #expect(figures("车辆共3辆。2023年支出5万元。").map(\.text) == ["5万元"])
    }

    /// A list of numbers that share one unit was walked anew for each of its numbers (30,000
    /// of them took 7.9 s), a chain of range marks read each bound through the next, and a
    /// long stretch's label was cut a word at a time.
    @Test func longListsAndChainsOfMarks() {
        let list = "支出分别为" + (1...3000).map(String.init).joined(separator: "、") + "万元。"
        let read = figures(list)
        #expect(read.count == 3000 && read.allSatisfy { $0.unit == .tenThousandYuan } && read.last?.text == "3000万元")
        #expect(figures("1-2-3万元。").map { "\($0.text) \($0.comparator?.rawValue ?? "-")" } == ["2 ≤", "3万元 ≤"])
        // A stretch of 50,000 words before a figure (its label cut a word at a time: 6.9 s for
        // 200,000) keeps its last words.
        let label = figures(String(repeating: "部门", count: 50_000) + "收入总计1万元。").first?.label
        #expect(label.map { $0.count <= 20 && $0.hasSuffix("收入总计") } == true)
    }

    /// 同比负增长5% (growth below zero) was read as a rise.
    @Test func negativeGrowthIsAFall() {
        #expect(figures("会议费同比负增长5%，培训费增长3%。").map(\.change) == [.decrease, .increase])
    }

    /// 支出决算为1120.96万元，完成年初预算的96.1% labelled the percent 年初预算, the name of an
    /// amount (317 percents over the 216 corpus inputs), 基本支出占总支出的比重为65.2% 总支出的比重, and
    /// 支出决算为预算的98.6% 预算: the percent is the share carried out, and the share of what
    /// stands before 占 or 为.
    @Test func sharesAndCompletionOfABudget() {
        #expect(figures("年初预算为1166.45万元，支出决算为1120.96万元，完成年初预算的96.1%，完成预算的20%。").map(\.label)
            == ["年初预算", "支出决算", "完成年初预算", "完成预算"])
        // Without the 的, as a budget's execution writes it (before, 预算数); an amount so named is the budget's.
        #expect(figures("一般公共预算收入完成预算数107.06%，完成预算120万元。").map(\.label) == ["完成预算数", "预算"])
        #expect(figures("基本支出占总支出的比重为65.2%。人员经费100万元，占基本支出的比例为80%，占基本支出的80%。").map(\.label)
            == ["基本支出", "人员经费", "人员经费", "人员经费"])
        #expect(figures("支出决算为预算的98.6%。财政拨款收入2,345.67万元，为年初预算的105.2%。").map(\.label)
            == ["支出决算", "财政拨款收入", "财政拨款收入"])
        // A change's verb is no item a share is of.
        #expect(figures("费用下降5%，占比百分之十。").map(\.label) == ["下降", nil])
    }

    /// A change verb with 了 or 约 after it (收入总计增加了1.5亿元) was read as part of its item
    /// (收入总计增加), with no item changed; 增幅 stays the rise.
    @Test func aChangeVerbBeforeLeOrYue() {
        let found = figures("收入总计增加了1.5亿元，增幅为12%。支出总计减少约20万元。")
        #expect(found.map(\.label) == ["增加", "增幅", "减少"])
        #expect(found.map(\.changeOf) == ["收入总计", "收入总计", "支出总计"])
    }

    /// >= and <= as typed on a keyboard were read as =; the 达 of 达标率 (ICU: 达 / 标 / 率) was
    /// taken for the linking verb 达, and the item was 标率.
    @Test func typedComparatorsAndRatesAfterALinkingCharacter() {
        let found = figures("群众满意度>=95%，运行成本<=5万元，达标率≥90%。")
        #expect(found.map(\.comparator) == [.greaterOrEqual, .lessOrEqual, .greaterOrEqual])
        #expect(found.map(\.label) == ["群众满意度", "运行成本", "达标率"])
    }

    /// 项目总预算1720.00万，: an amount in 万元 written without its 元 (the 商务委 预算's projects,
    /// 21 amounts; a 公务接待 0.39 万) was no figure at all. It is one when written to the fen
    /// or in a clause about money; a count of 万 is not (人口93.5万, 1.2万家).
    @Test func anAmountInWanWithoutItsYuanIsRead() throws {
        #expect(figures("国内公务接待支出 0.3 万。").map { "\($0.text) \($0.yuan!) \($0.label ?? "-")" } == ["0.3万 3000 国内公务接待支出"])
        #expect(figures("单价100万（含）以上的设备0台").map { "\($0.value) \($0.unit.rawValue) \($0.comparator?.rawValue ?? "-")" } == ["100 万元 ≥"])
        #expect(figures("全区常住人口约93.5万，服务企业1.2万家，建成1.20万平方米。").isEmpty)
        let report = try Document(contentsOf: Corpus.path("pdf/putuo-shangwuwei-2025-yusuan.layout.txt"))
        #expect(report.amounts.filter { (467...468).contains($0.line) }.map { "\($0.value)|\($0.label ?? "-")|\($0.change?.rawValue ?? "-")" } == [
            "2921|项目总预算|-", "370|支持外贸发展|-", "30|支持商销稳增长|-", "1106|区级支持总部经济|-", "1262|市级支持总部经济|-",
            "153|进博会推进专项|-", "2921|合计|-",
        ])
    }

    /// 行政处罚900余万元, 物资价值180多万元 (the 永州 report's 2021 work), 机关运行经费支出12.5万余元:
    /// an amount given as more than its number was no figure at all. It is one, its comparator
    /// >, its unit the one 余 or 多 stands in or before; 近 before an amount is no part of its
    /// label, as 约 is not.
    @Test func anAmountGivenAsMoreThanItsNumberIsRead() throws {
        let read = figures("行政处罚900余万元，物资价值180多万元，公用经费12.5万余元，补助3亿多元，结余近500万元，补贴200多元。")
        #expect(read.map { "\($0.text) \($0.yuan!) \($0.comparator?.rawValue ?? "-") \($0.label ?? "-")" } == [
            "900余万元 9000000 > 行政处罚", "180多万元 1800000 > 物资价值", "12.5万余元 125000 > 公用经费",
            "3亿多元 300000000 > 补助", "500万元 5000000 - 结余", "200多元 200 > 补贴",
        ])
        #expect(figures("建成300余个服务站，形成多元化投入，2021年余额为零。").isEmpty)
        // The currency before an amount names no item.
        #expect(figures("本年收入合计人民币2553.52万元。").map(\.label) == ["本年收入合计"])
        let report = Corpus.yongzhouDocument
        #expect(report.amounts.filter { $0.text.contains("余") || $0.text.contains("多") }.map { "\($0.line) \($0.text)" } == ["181 900余万元", "186 180多万元"])
    }

    /// 会议费支出3.5千元, 专项资金1.2千万元: the number scaled by 千 or 百 was no figure, and the
    /// 千元 after it was read as a thousand 元 (so was 单位：千元, a unit of account); ICU's one
    /// word 三千元 was no figure. Each is now its amount in 元 or 万元, the text as written.
    @Test func anAmountScaledByHundredsOrThousands() throws {
        let read = figures("会议费支出3.5千元，培训费2千元，专项资金1.2千万元，其他支出12百万元，设备购置费三千元，差旅费减少5千元。")
        #expect(read.map { "\($0.text) \($0.value) \($0.unit.rawValue) \($0.yuan!) \($0.label ?? "-")" } == [
            "3.5千元 3500 元 3500 会议费", "2千元 2000 元 2000 培训费", "1.2千万元 1200 万元 12000000 专项资金",
            "12百万元 1200 万元 12000000 其他支出", "三千元 3000 元 3000 设备购置费", "5千元 5000 元 5000 减少",
        ])
        #expect(read.last?.changeOf == "差旅费")
        // Money in another currency is no figure, and a note says so (before, nothing did).
        let foreign = try Document(bytes: Array("援助资金100万美元，折合人民币700万元，另有2000万日元和12.5亿港元。".utf8), path: "usd.txt")
        #expect(foreign.amounts.map(\.text) == ["700万元"])
        #expect(foreign.diagnostics.filter { $0.code == "figure-not-read" }.map { String($0.message.prefix { $0 != " " }) } == ["100万美元", "2000万日元", "12.5亿港元"])
        // 万亿元, which the contract has no unit for, in 亿元 (before, no figure and no word).
        #expect(figures("全国一般公共预算收入21.7万亿元，其中税收收入1.8千亿元。").map { "\($0.text) \($0.value) \($0.unit.rawValue) \($0.label ?? "-")" }
            == ["21.7万亿元 217000 亿元 全国一般公共预算收入", "1.8千亿元 1800 亿元 税收收入"])
        #expect(figures("单位：千元。每百元收入，百万元以上项目，十万元。").map(\.text) == ["十万元"])
        // A change checked on such amounts takes them at their value, not at the number written:
        // 3.5千元 less 500元 is 3000元 (before, 3.5元 less 500元, and the wrong 50% went unsaid).
        let checked = try Document(bytes: Array("会议费支出4千元，比上年增加1000元，增长33.3%。培训费支出3.5千元，比上年增加500元，增长50%。".utf8),
                                   path: "thousands.txt")
        #expect(checked.diagnostics.filter { $0.code == "change-percent" }.map(\.message)
                == ["a rise of 50% does not follow: from 3000元 (3.5千元 less 500元) to 3.5千元 is a rise of 16.67%"])
        // An amount in 大写 is read whole, 万 inside and 角 and 分 after (before, not at all);
        // never its tail alone (贰仟…伍元, 2345 元).
        #expect(figures("合同金额12345.67元（大写：壹万贰仟叁佰肆拾伍元陆角柒分），中标金额为人民币叁拾万元整。")
            .map { "\($0.text) \($0.yuan!)" } == ["12345.67元 12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分 12345.67", "叁拾万元 300000"])
    }

    /// 增长百分之十二点五 was 12% (the 点五 lost); 百分之零点五, 百分之百, 百分之十 and 百分之九十五 no
    /// figures, and 千分之五 left out without a word.
    @Test func percentsSpelledWithAPoint() {
        var extractor = FigureExtractor()
        let found = extractor.figures(in: FoldedText("增长百分之十二点五，下降百分之零点五，完成率百分之百，死亡率控制在千分之五以内。", line: 2))
        #expect(found.map { "\($0.text) \($0.value)" } == ["百分之十二点五 12.5", "百分之零点五 0.5", "百分之百 100"])
        #expect(extractor.takeDiagnostics().map { "\($0.code) \($0.message.prefix(while: { $0 != "," }))" }
            == ["figure-not-read 千分之五 is a per mille"])
        // ICU's 百分 / 之十, 百分 / 之九十 / 五, 百分 / 之一 had read no figure.
        #expect(figures("占比百分之十，完成百分之九十五，下降百分之一。").map { "\($0.text) \($0.value)" }
            == ["百分之十 10", "百分之九十五 95", "百分之一 1"])
    }

    /// 十二万三千元 and 一亿二千万元, numerals with 万 or 亿 inside, were no figures.
    @Test func numeralsWithTenThousandsInside() {
        #expect(figures("甲支出十二万三千元，乙支出一亿二千万元，丙支出一万零五百元，丁支出叁拾元零伍分，戊支出三万元。")
            .map { "\($0.text) \($0.value) \($0.unit.rawValue) \($0.yuan!)" } == [
                "十二万三千元 123000 元 123000", "一亿二千万元 12000 万元 120000000", "一万零五百元 10500 元 10500",
                "叁拾元零伍分 30.05 元 30.05", "三万元 3 万元 30000",
            ])
    }

    /// 收入总计1，234.56万元, typed in a full-width mode: its comma was read as a list's, giving
    /// a figure 1 and a figure 234.56万元. A full-width comma groups thousands where no list
    /// reads as well: groups of three and a decimal part, or two commas.
    @Test func fullWidthThousandsCommas() throws {
        #expect(figures("收入总计1，234.56万元，支出总计１，２３４．５６万元，资产１，２３４，５６７元。")
            .map { "\($0.text) \($0.yuan!) \($0.label ?? "-")" } == [
                "1，234.56万元 12345600 收入总计", "１，２３４．５６万元 12345600 支出总计", "１，２３４，５６７元 1234567 资产",
            ])
        // Lists stay lists: a decimal before the comma, or one comma and no decimal part.
        #expect(figures("收、支总计各是3125.40，3143.90万元，分别为100，200万元。").map(\.text) == ["3125.40", "3143.90万元", "100", "200万元"])
        // A group that starts with 0 is no list's number: 1，020万元 was 1 and 20万元.
        #expect(figures("比上年增加1，020万元，１，００５元。").map { "\($0.text) \($0.yuan!) \($0.label ?? "-")" } == [
            "1，020万元 10200000 增加", "１，００５元 1005 -",
        ])
    }

    /// 12，345万元 is read as a list, 12 and 345万元, as it may be one; a warning says the
    /// figures are wrong if its ， groups thousands. Before, a wrong 345万元 went without a word.
    @Test func aListThatMayBeThousandsIsTold() throws {
        var extractor = FigureExtractor()
        let found = extractor.figures(in: FoldedText("支出合计12，345万元，其中3125.40，314万元，分别为1，2，3万元。", line: 7))
        #expect(found.map(\.text) == ["12", "345万元", "3125.40", "314万元", "1", "2", "3万元"])
        #expect(extractor.takeDiagnostics() == [Diagnostic(severity: .warning, code: "figure-ambiguous", message:
            "12，345万元 is read as a list, 12 and 345万元; if its ， groups thousands, as typed in a full-width mode, both figures are wrong",
                                                     line: 7)])
    }

    /// A number beside a damaged place of a UTF-8 file (read as �, see
    /// `aFewDamagedPlacesInUTF8AreReadAndTold`) may have lost digits there: 38�.75万元 gave
    /// 75万元, 25�3.52万元 3.52万元. None is read; figures the damage stands apart from are, a
    /// 万 whose 元 was damaged among them, in a clause about money as ever.
    @Test func noFigureBesideADamagedPlace() throws {
        #expect(figures("支出38\u{FFFD}.75万元，收入25\u{FFFD}3.52万元，结余1\u{FFFD}2.5%，经费\u{FFFD}12.5万元。").isEmpty)
        #expect(figures("支\u{FFFD}总计12.5万元，增长\u{FFFD} 3%，经费3.5万\u{FFFD}，人口3.5万\u{FFFD}。").map(\.text) == ["12.5万元", "3%", "3.5万"])
        // Damage that leaves valid UTF-8 cannot be told, but 30 三元 (30 万元, 万 E4 B8 87 become
        // 三 E4 B8 89) is no amount of 3 元.
        #expect(figures("比上年预算增加30 三元，主要原因是增人。").isEmpty)
    }

    /// 较上年提高3.2个百分点, a change of a rate in points, and 增长 16 倍 (检察院 2018's 预留机动经费)
    /// or 增长一倍, a multiple, and 0.5‰ were left out without a word. They are still no figures (3.2% is another
    /// thing, and finparse/1 has no unit for points or multiples), but each is told.
    @Test func percentagePointsAndMultiplesAreToldNotRead() throws {
        var extractor = FigureExtractor()
        let read = extractor.figures(in: FoldedText("预算执行率为98.5%，较上年提高3.2个百分点，占比下降0.5百分点，经费增长 16 倍，死亡率控制在0.5‰以内。", line: 7))
        #expect(read.map(\.text) == ["98.5%"])
        #expect(extractor.takeDiagnostics().map { "\($0.code) \($0.severity) \($0.line) \($0.message.prefix(while: { $0 != "," }))" } == [
            "figure-not-read info 7 3.2个百分点 is a change in percentage points", "figure-not-read info 7 0.5百分点 is a change in percentage points",
            "figure-not-read info 7 16倍 is a multiple", "figure-not-read info 7 0.5‰ is a per mille",
        ])
        _ = extractor.figures(in: FoldedText("完成率100%，涉及3个百分比指标。", line: 8))
        #expect(extractor.takeDiagnostics().isEmpty)
        // Multiples in words, as ICU parts them (一倍, 两 / 倍, 翻一番, 翻了 / 两 / 番, 翻 / 番), were
        // left out without a word; 加倍 and 倍增 name none.
        _ = extractor.figures(in: FoldedText("收入比上年增长一倍，支出增长了两倍，接待费翻一番，培训费翻了两番，会议费较上年翻番，经费加倍，人员倍增。", line: 9))
        #expect(extractor.takeDiagnostics().map { "\($0.line) \($0.message.prefix(while: { $0 != " " }))" }
            == ["9 一倍", "9 两倍", "9 翻一番", "9 翻了两番", "9 翻番"])
    }

    /// 收、支总计各是3125.40，3143.90万元 (a 四川 决算's template), 分别为12.5、13.6万元: the numbers
    /// before the last share its unit, and were no figures at all; with an ASCII comma
    /// (3125.40,3143.90万元, which ICU reads as one number) not even the last was. Each is a
    /// figure in the unit, read alike; a comma that groups thousands (1,234.56) stays one.
    @Test func aListOfNumbersSharingTheLastOnesUnitIsRead() throws {
        for comma in ["，", ","] {
            let read = figures("2022年度收、支总计各是3125.40\(comma)3143.90万元。与2021年相比，收、支总计各减少267.80\(comma)570.90万元，各下降7.89%、15.37%。")
            #expect(read.map { "\($0.text) \($0.yuan.map { "\($0)" } ?? "-") \($0.label ?? "-") \($0.change?.rawValue ?? "-") \($0.changeOf ?? "-")" } == [
                "3125.40 31254000 收入总计 - -", "3143.90万元 31439000 支出总计 - -", "267.80 2678000 减少 decrease 收入总计",
                "570.90万元 5709000 减少 decrease 支出总计", "7.89% - 下降 decrease 收入总计", "15.37% - 下降 decrease 支出总计",
            ])
        }
        // Each change of such a list is of its total in turn, and so is each percent after it,
        // its list joined by a comma too (下降23.5%，38.3%: the second had no direction); each
        // percent is checked against its total (before: no `changeOf`, and nothing checked).
        var extractor = FigureExtractor()
        let changes = extractor.figures(in: FoldedText("2022年度收、支总计各是4125.49,4143.91万元。与2021年度相比，收、支总计各减少1267.86,2570.97万元，下降25.5%，38.3%。", line: 3))
        #expect(changes.map { "\($0.text) \($0.change?.rawValue ?? "-") \($0.changeOf ?? "-")" } == [
            "4125.49 - -", "4143.91万元 - -", "1267.86 decrease 收入总计", "2570.97万元 decrease 支出总计", "25.5% decrease 收入总计", "38.3% decrease 支出总计",
        ])
        #expect(extractor.takeDiagnostics().map(\.message) == [
            "a fall of 25.5% does not follow: from 5393.35万元 (4125.49 plus 1267.86) to 4125.49 is a fall of 23.51%",
        ])
        #expect(figures("分别为12.5、13.6、7.25万元，占比为3、5%。").map { "\($0.value) \($0.unit.rawValue)" } == ["12.5 万元", "13.6 万元", "7.25 万元", "3 %", "5 %"])
        #expect(figures("收入1,234.56万元，2021、2022年支出3万元。").map { "\($0.value) \($0.unit.rawValue)" } == ["1234.56 万元", "3 万元"])
    }

    /// 年末结转和结余-3.2万元 (a balance below zero, or a report's own 减少-3.2万元) was read as
    /// 3.2万元: money with its sign lost. A minus sign against the number (- or the full-width
    /// －, which folds to it, or −) keeps it; one between two numbers is a range's or a date's.
    @Test func aMinusSignBeforeAnAmountMakesItNegative() throws {
        let read = figures("年末结转和结余-3.2万元，其他收入－5.00万元，差额−12.5万元，比上年减少-3.2万元，下降-2.1%。")
        #expect(read.map { "\($0.text) \($0.value) \($0.yuan.map { "\($0)" } ?? "-")" } == [
            "-3.2万元 -3.2 -32000", "－5.00万元 -5 -50000", "−12.5万元 -12.5 -125000", "-3.2万元 -3.2 -32000", "-2.1% -2.1 -",
        ])
        #expect(figures("2020-2021年度资金100-200万元，结余 - 5万元。").map { "\($0.value)" } == ["100", "200", "5"])
    }

    /// 单价20万元（含）以上: the bound is included, and was read as no comparison at all.
    @Test func anIncludedBoundIsAComparison() throws {
        #expect(figures("单价100万元（含）以上的专用设备0台，单价50万元(含)以下").map(\.comparator) == [.greaterOrEqual, .lessOrEqual])
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2019-yusuan.layout.txt"))
        #expect(document.amounts.filter { $0.label == "单价" }.map { "\($0.value) \($0.comparator?.rawValue ?? "-")" } == ["20 ≥"])
    }

    /// 降幅 and 增幅 (the fall, the rise) are changes: the 江苏 检察院 2018 预算's 减少134万元，降幅0.66%
    /// is checked, and is wrong (134 of 2,029 is 6.6%).
    @Test func aRiseOrFallNamedAsSuchIsAChange() throws {
        #expect(figures("增加10万元，增幅5%，减少2万元，降幅1%").map { $0.change?.rawValue ?? "-" } == ["increase", "increase", "decrease", "decrease"])
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2018-yusuan.layout.txt"))
        #expect(document.diagnostics.filter { $0.code == "change-percent" && $0.line == 1028 }.map(\.message)
                == ["a fall of 0.66% does not follow: from 2029万元 (1,895万元 plus 134万元) to 1,895万元 is a fall of 6.6%"])
    }

    /// A change's direction, and its label: the verb; last year's amount (比上年1718.25万元) is
    /// labelled 上年, and a template's change that names both ways (增长(下降)0%) is labelled as
    /// written, with no direction.
    @Test func changes() {
        let figures = figures("比上年1718.25万元，增长48.61%，同比下降10%")
        #expect(figures.map(\.change) == [nil, .increase, .decrease])
        #expect(figures.map(\.label) == ["上年", "增长", "下降"])
        let template = self.figures("比上年0万元，增长(下降)0%；与上年相比增加（减少）0万元，下降（增长）27.78%")
        #expect(template.map(\.label) == ["上年", "增长(下降)", "增加(减少)", "下降(增长)"])
        #expect(template.allSatisfy { $0.change == nil })
        #expect(self.figures("事故起数和死亡人数同比分别下降4.1%、1.9%。").map(\.change) == [.decrease, .decrease])
    }

    /// A budget's execution in its own words: 增收, 减收, 增支, 减支 are changes (ICU parts 减 / 收);
    /// the amount a share is of (完成年初预算数60999万元的40.4%) is not the one that changed; an
    /// amount adjusted to (由年初预算…调整为…) is the item's, named before 由.
    @Test func aBudgetsExecutionInItsOwnWords() {
        let income = figures("一般公共预算收入累计完成24627万元，完成年初预算数60999万元的40.4%，比上年减收1070万元，下降4.2%。"
                             + "税收收入8103万元，比上年增收1284万元，增长18.8%；支出比上年增支50万元，减支20万元。")
        #expect(income.filter { $0.unit != .percent }.map { $0.change?.rawValue ?? "-" } == ["-", "-", "decrease", "-", "increase", "increase", "decrease"])
        #expect(income.filter { $0.change != nil }.map { $0.changeOf ?? "-" }.prefix(4)
                == ["一般公共预算收入", "一般公共预算收入", "税收收入", "税收收入"])
        let document = Document(parsing: "一般公共预算收入累计完成24627万元，完成年初预算数60999万元的40.4%，比上年减收1070万元，下降4.2%。")
        #expect(!document.diagnostics.contains { $0.code == "change-percent" })
        let adjusted = figures("一般公共预算总收入由年初预算79552.91万元调整为82513.70万元，调增2960.79万元。")
        #expect(adjusted.map(\.label) == ["年初预算", "一般公共预算总收入", "调增"])
        #expect(adjusted.map(\.changeOf) == [nil, nil, "一般公共预算总收入"])
    }

    /// Items before 分别 name the figures of its list in turn: told apart by 、 where that gives
    /// as many items as figures (公务用车购置及运行维护费 is one), else by 和 too; the last item
    /// keeps the words it may share, and a list of as many shares right after (占…的8.1%和91.9%)
    /// is of the items in turn. A change keeps its verb, and a list that does not match its
    /// items shares one label as before.
    @Test func itemsBeforeRespectivelyNameTheListInTurn() {
        #expect(figures("基本支出、项目支出分别为1140.27万元、3003.64万元。").map(\.label) == ["基本支出", "项目支出"])
        #expect(figures("因公出国(境)费、公务用车购置及运行维护费、公务接待费分别为0万元、3.98万元、1.5万元。").map(\.label)
                == ["因公出国境费", "公务用车购置及运行维护费", "公务接待费"])
        #expect(figures("人员经费和公用经费分别是800万元和200万元。").map(\.label) == ["人员经费", "公用经费"])
        #expect(figures("中央单位、地方单位采购规模分别为2666.3亿元和30400.7亿元，占全国采购规模的8.1%和91.9%。").map(\.label)
                == ["中央单位", "地方单位采购规模", "中央单位", "地方单位采购规模"])
        #expect(figures("事故起数和死亡人数同比分别下降4.1%、1.9%。").map(\.label) == ["下降", "下降"])
        #expect(figures("基本支出、项目支出、其他支出分别为12万元、30万元。").map(\.label) == ["其他支出", "其他支出"])
        // The items of a list of changes are what each is of (before, none was), 、 between them
        // and 和 before the last; the comparison after 分别 is passed over.
        let changes = figures("教育支出、文化旅游体育与传媒支出、卫生健康支出和农林水支出分别增长64.3%、29%、38.8%和43.1%；基本支出、项目支出分别比上年同期减少10万元、20万元。")
        #expect(changes.map { "\($0.label ?? "-") \($0.changeOf ?? "-")" } == [
            "增长 教育支出", "增长 文化旅游体育与传媒支出", "增长 卫生健康支出", "增长 农林水支出", "减少 基本支出", "减少 项目支出",
        ])
        // Without 分别, items a 、 lists as many as the changes (永州: 全市道路交通亡人事故起数、死亡人数
        // 同比下降17.32%、17.6%; before, both of 死亡人数, or none where ICU parts 同 / 比).
        #expect(figures("全市道路交通亡人事故起数、死亡人数同比下降17.32%、17.6%。公务接待费同比减少22.4%。").map { $0.changeOf ?? "-" }
                == ["道路交通亡人事故起数", "死亡人数", "公务接待费"])
    }

    /// 上 and 本 standing alone at an item's start are its own (上缴上级支出, 本级支出: ICU parts
    /// 上 / 缴, 本 / 级) unless a time or scope follows (上 / 年); a verb done (下拨了) is no part of
    /// the item after it.
    @Test func anItemKeepsItsFirstCharacterAndLeavesTheVerbBeforeIt() {
        let found = figures("本单位上缴上级支出12万元，本级支出30万元，上年结转8万元。二是当年下拨了培训经费6.5万元。")
        #expect(found.map(\.label) == ["上缴上级支出", "本级支出", "上年结转", "培训经费"])
    }

    /// A level reached (下降至, 增加到, 降至) is no change: the figure is the item's, with the
    /// year it is compared with left out; a growth rate (增长率为) is a rise; what a change
    /// starts from (由上年的…, 从…) is no part of the item.
    @Test func aLevelReachedIsNoChange() {
        let level = figures("支出总计1200万元，比上年下降至1100万元，降幅为8.33%。资产负债率降至5%，人员经费增加到60万元。")
        #expect(level.map(\.change) == [nil, nil, .decrease, nil, nil])
        #expect(level.map(\.label) == ["支出总计", "支出总计", "降幅", "资产负债率", "人员经费"])
        #expect(level[2].changeOf == "支出总计")
        let rate = figures("公用经费增加了12.5万元，增长率为10.2%，下降率3%。")
        #expect(rate.map(\.change) == [.increase, .increase, .decrease])
        #expect(rate.map(\.changeOf) == ["公用经费", "公用经费", nil])
        #expect(figures("人员经费从50万元增加到60万元。").map(\.label) == ["人员经费", "人员经费"])
        #expect(figures("项目完成率提升至95%。").map { "\($0.label ?? "-") \($0.change?.rawValue ?? "-")" } == ["项目完成率 -"])
    }

    /// What a change is a change of: this year's amount's label (last year's passed over), the
    /// same for the percent right after the change amount; with no amount before it, the
    /// clause's words when they name an item; else nothing.
    @Test func changesSayWhatChanged() {
        let report = figures("2021年度一般公共预算财政拨款收入2553.52万元，比上年1718.25万元同比增加835.27万元，增长48.16%。"
                             + "其中：基本支出61042.17万元，比2017年增加4824.58万元；项目支出263928.15万元，比2017年减少150086.1万元。")
        #expect(report.map(\.changeOf) == [nil, nil, "一般公共预算财政拨款收入", "一般公共预算财政拨款收入",
                                           nil, "基本支出", nil, "项目支出"])
        #expect(figures("收入支出总计20323.21万元。与2024年度相比，收入支出总计减少959.49万元，下降4.51%。").map(\.changeOf)
                == [nil, "收入支出总计", "收入支出总计"])
        #expect(figures("公务接待费支出决算增加0.40万元，增长100%。").map(\.changeOf) == ["公务接待费支出决算", "公务接待费支出决算"])
        #expect(figures("与上年相比减少42.84万元。主要原因是按照规定运转类专项经费统一压减10%。").map(\.changeOf) == [nil, nil])
        #expect(figures("事故起数和死亡人数同比分别下降4.1%、1.9%。").map(\.changeOf) == ["事故起数", "死亡人数"])
        #expect(figures("支出总计2553.52万元。").allSatisfy { $0.changeOf == nil })
        // A list shares its first figure's reading.
        #expect(figures("财政拨款收入12万元，增长5%、3%。").map(\.changeOf) == [nil, "财政拨款收入", "财政拨款收入"])
        // One amount changed against two things, one change right after the other, each saying
        // against what (before, the second had none).
        #expect(figures("三公经费支出决算总额为5.48万元，比预算增加0万元，比去年增加1.55万元，增长39.4%。").map(\.changeOf)
                == [nil, "三公经费支出决算总额", "三公经费支出决算总额", "三公经费支出决算总额"])
    }

    /// Paragraphs are read clause by clause: what one clause says still reaches the next
    /// (a share takes the item before it), and a marker after a 。 or ；is no word.
    @Test func sentencesOfAParagraph() {
        let figures = figures("（一）基本支出。人员经费834.04万元。占基本支出的71.71%；（二）财政拨款收入12万元，增长5%、3%。")
        #expect(figures.map(\.text) == ["834.04万元", "71.71%", "12万元", "5%", "3%"])
        #expect(figures.map(\.label) == ["人员经费", "人员经费", "财政拨款收入", "增长", "增长"])
        #expect(figures.map(\.change) == [nil, nil, nil, .increase, .increase])
    }

    /// Clauses are picked by the text as written: ％ and ﹪ are percent signs there too.
    @Test func percentSignsAsWritten() {
        #expect(figures("收入增长５％，支出下降3﹪。").map(\.value) == [5, 3])
    }

    @Test func exactYuan() {
        let figures = figures("收入总计2553.52万元，共计1.2亿元，单价3500元，百分之五")
        #expect(figures.map(\.yuan) == [Decimal(25_535_200), Decimal(120_000_000), Decimal(3500), nil])
        #expect(figures.map(\.text) == ["2553.52万元", "1.2亿元", "3500元", "百分之五"])
    }

    @Test func originalSpellingIsKept() {
        let figure = figures("一般公共预算财政拨款收入２５５３.５２万元").first
        #expect(figure?.text == "２５５３.５２万元")
        #expect(figure?.value == Decimal(exactString: "2553.52"))
    }

    /// Cells of 自评表 rows: the amount of a formula is its result, and a target keeps its comparator.
    @Test func tableCellSpellings() {
        #expect(figures("120万元").map(\.value) == [120])
        #expect(figures("20*2=40万元").map { "\($0.value) \($0.comparator.map(\.rawValue) ?? "nil")" } == ["40 nil"])
        #expect(figures("合格率≥80%").map(\.comparator) == [.greaterOrEqual])
        #expect(figures("0.5万元元/部").map(\.value) == [Decimal(exactString: "0.5")])
    }

    // MARK: Stated changes

    private func changeWarnings(_ paragraph: String) -> [String] {
        var extractor = FigureExtractor()
        _ = extractor.figures(in: FoldedText(paragraph, line: 1))
        return extractor.takeDiagnostics().filter { $0.code == "change-percent" }.map(\.message)
    }

    /// A percent change that the amounts stated with it do not give is a `change-percent`
    /// warning; one they give, to the rounding of each figure (or cut at its last digit), is
    /// not. The sentences are the reports' own.
    @Test func aChangeWhosePercentDoesNotFollowIsReported() {
        // 959.49 / (20323.21 + 959.49) = 4.508%, this year's amount in the sentence before.
        #expect(changeWarnings("收入支出总计20323.21万元。与2024年度相比，收入支出总计减少959.49万元，下降4.51%。").isEmpty)
        #expect(changeWarnings("收入支出总计20323.21万元。与2024年度相比，收入支出总计减少959.49万元，下降4.61%。") == [
            "a fall of 4.61% does not follow: from 21282.7万元 (20323.21万元 plus 959.49万元) to 20323.21万元 is a fall of 4.51%",
        ])
        // The item's amount two sentences back, what it is for between (江苏 检察院 2019):
        // 134.37 / 16458.75 = 0.816%. Not across a sentence with a figure of its own.
        let item = "1.公共安全(类)支出16,593.12万元。主要用于检察院行政支出及检察教育培训费等项目支出。"
        #expect(changeWarnings(item + "与上年相比增加134.37万元，增长0.82%。").isEmpty)
        #expect(changeWarnings(item + "与上年相比增加134.37万元，增长8.2%。") == [
            "a rise of 8.2% does not follow: from 16458.75万元 (16,593.12万元 less 134.37万元) to 16,593.12万元 is a rise of 0.82%",
        ])
        #expect(figures(item + "与上年相比增加134.37万元，增长0.82%。").map { $0.changeOf ?? "-" } == ["-", "公共安全支出", "公共安全支出"])
        #expect(figures("公共安全支出16,593.12万元。占比68.65%。与上年相比增加134.37万元。").map { $0.changeOf ?? "-" } == ["-", "-", "-"])
        // 392.92 / 6442.89 = 6.0985%: cut, not rounded.
        #expect(changeWarnings("法院（款）一般行政事务管理（项）支出6049.97万元，与上年相比减少392.92万元，减少6.09%。").isEmpty)
        // Both years given: the change is their difference, and the percent is of the year before.
        #expect(changeWarnings("收入2553.52万元，比上年1718.25万元同比增加835.27万元，增长48.61%。").isEmpty)
        #expect(changeWarnings("收入2553.52万元，比上年1718.25万元同比增加853.27万元，增长48.61%。") == [
            "a rise of 853.27万元 is not the change from 1718.25万元 to 2553.52万元, 835.27万元",
        ])
        // Two amounts and a percent, in either order of the years.
        #expect(changeWarnings("2025年当年预算执行数为3269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。").isEmpty)
        #expect(changeWarnings("2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。") == [
            "a rise of 17.62% does not follow: from 43269.3万元 to 3845.49万元 is a fall of 91.11%, "
                + "and from 3845.49万元 to 43269.3万元 a rise of 1025.2%",
        ])
        #expect(changeWarnings("机关运行经费支出10.23万元，比2023年度增加10.23万元，增长100.00%。") == [
            "a rise of 100.00% does not follow: from 0万元 (10.23万元 less 10.23万元) to 10.23万元 is a rise from zero, which has no percent",
        ])
        #expect(changeWarnings("支出100万元，比上年增加10万元，下降10%。") == ["a fall of 10% follows a rise of 10万元"])
        // Units differ: 2000万元 of 1亿元.
        #expect(changeWarnings("支出总计1.2亿元，比上年增加2000万元，增长20%。").isEmpty)
        #expect(changeWarnings("支出总计1.2亿元，比上年增加2000万元，增长25%。").count == 1)
        #expect(changeWarnings("一般公共预算财政拨款收入完成２５５３．５２万元，比上年１７１８．２５万元，增长４８．１６%。") == [
            "a rise of ４８．１６% does not follow: from １７１８．２５万元 to ２５５３．５２万元 is a rise of 48.61%",
        ])
        // Not checked: finer than a fen, or beyond what 64 bits multiply (and no trap there).
        #expect(changeWarnings("支出0.125元，比上年增加0.1元，增长500%。").isEmpty)
        #expect(changeWarnings("支出999999999999999999万元，比上年增加1万元，增长50%。").isEmpty)
        #expect(changeWarnings("支出9999999999999万元，比上年减少9999999999999万元，下降-99999999999999999%。").isEmpty)
        // A percent after the change that says more than 增长 is a figure of its own.
        #expect(changeWarnings("会议费预算支出1469.73万元，比上年预算增加164.48万元，主要原因按规定运转类专项经费统一压减10%，"
                                   + "根据实际开支人代会专项经费增加200万元。").isEmpty)
    }

    /// A change whose paragraph does not state the amount it changed to is checked against the
    /// last amount before it whose label opens its subject: the 文旅 决算's 三公 paragraphs, the
    /// 公务接待费's rise from 0.40万元 less 0.40万元, which GovBudgetChecker's tests pin.
    @Test func aChangeIsCheckedAgainstItsAmountInAParagraphBefore() {
        func warnings(_ 公务接待费: String, _ rise: String, _ fall: String = "88.37%") -> [String] {
            Document(parsing: """
                七、“三公”经费财政拨款支出决算情况说明
                2025年度“三公”经费财政拨款支出年初预算为11.49万元，支出决算为\(公务接待费 == "0.40" ? "3.04" : "3.24")万元。其中：公务用车购置及运行维护费2.64万元，公务接待费\(公务接待费)万元。
                2025年度“三公”经费财政拨款支出决算数比2024年度减少19.66万元，下降86.61%，其中：公务用车购置及运行维护费支出决算减少20.06万元，下降\(fall)；公务接待费支出决算增加0.40万元，增长\(rise)。
                """).diagnostics.filter { $0.code == "change-percent" }.map { "\($0.line) \($0.message)" }
        }
        #expect(warnings("0.40", "100%") == [
            "3 a rise of 100% does not follow: from 0万元 (0.40万元 of line 2 less 0.40万元) to 0.40万元 of line 2 "
                + "is a rise from zero, which has no percent",
        ])
        #expect(warnings("0.60", "200%").isEmpty)
        #expect(warnings("0.60", "100%").count == 1)
        #expect(warnings("0.60", "200%", "78.37%") == [
            "3 a fall of 78.37% does not follow: from 22.7万元 (2.64万元 of line 2 plus 20.06万元) to 2.64万元 of line 2 is a fall of 88.37%",
        ])
    }

    /// An amount found paragraphs before its change, in a paragraph of an earlier year than the
    /// change's, is what the change is from (a 2022 budget's 较上年 against the 2021 决算 stated
    /// before it, as an 鄂尔多斯 page writes it): before, it was read as the amount changed to,
    /// and both percents warned falsely.
    @Test func aChangeIsFromAnAmountOfAnEarlierYear() {
        func warnings(_ rise: String) -> [String] {
            Document(parsing: """
                二、2021年“三公”经费决算情况
                2021年度“三公”经费合计支出20.12万元，其中：公务接待12.39万元，公务用车运行费用7.73万元。
                2022年度“三公”经费预算较2021年度增加1.68万元，其中公务接待较上年同期减少0.58万元，减少4.68%。公务用车运行费用较上年同期增加2.27万元，增长\(rise)。
                """).diagnostics.filter { $0.code == "change-percent" }.map { "\($0.line) \($0.message)" }
        }
        #expect(warnings("29.37%").isEmpty)
        #expect(warnings("39.37%") == [
            "3 a rise of 39.37% does not follow: from 7.73万元 of line 2, a year before, plus 2.27万元 is a rise of 29.37%",
        ])
        #expect(ChangeCheck.FiguresParagraph.latestYear(in: "2022年度“三公”经费预算较2021年度增加，12023年，2100年") == 2022)
    }

    /// A change whose clause runs 120,000 characters before its verb is looked up by the
    /// start of its subject only: each prefix of it had been hashed, five minutes for this.
    @Test(.timeLimit(.minutes(1))) func aLongSubjectIsLookedUpByItsStart() {
        let document = Document(parsing: "一、情况说明\n公务接待费0.40万元。\n公务接待费"
                                    + String(repeating: "经费支出", count: 30_000) + "增加0.40万元，增长100%。\n")
        #expect(document.diagnostics.filter { $0.code == "change-percent" }.map(\.line) == [3])
    }

    /// The corpus reports' own: 永州's 增长48.16% for 48.61%; the 司法局 单位预算's percents
    /// against its 执行数 and 安排, which its 检查表 lists; the 万里街道 2023 预算's copied percents
    /// and rises from 0; the 社会工作部's rises from 0; the injected 收入支出总计 0 万元; the 文旅
    /// 决算's 公务接待费 (its amount a paragraph before). The 财政局 决算 as published has none.
    @Test(arguments: [
        ("yongzhou-yingji-2021-juesuan.txt", [67, 69, 77, 77, 79, 79, 82, 269, 269]),
        ("pdf/putuo-sifaju-2026-yusuan-danwei.layout.txt", [75, 88, 102]),
        ("pdf/putuo-wanli-2023-yusuan.layout.txt", [81, 84, 129, 132]),
        ("pdf/putuo-shehuigongzuobu-2024-juesuan-with-errors.layout.txt", [445, 465, 474, 629]),
        ("pdf/putuo-caizhengju-2024-juesuan-injected-errors.layout.txt", [342]),
        ("pdf/putuo-caizhengju-2024-juesuan.layout.txt", []),
        ("pdf/putuo-wenlv-2025-juesuan.pages.txt", [589]),
    ])
    func corpusChangesThatDoNotFollow(path: String, lines: [Int]) throws {
        let document = try Document(contentsOf: Corpus.path(path))
        let found = document.diagnostics.filter { $0.code == "change-percent" }
        #expect(found.map(\.line) == lines)
        if path.hasPrefix("yongzhou") { #expect(found.allSatisfy { $0.message.contains("a rise of 48.61%") }) }
    }

    /// The totals a 情况说明 states against the 总计 and 合计 rows of its tables. The 财政局 决算
    /// as published states 财政拨款收入支出总计0.3万元 where its 财政拨款收入支出决算总表 gives
    /// 2,961.68, in every rendering; the injected-errors version states 收入支出总计 0 万元 where
    /// its 收入支出决算总表 gives 2,995.39. The 文旅 决算's page text prints 合计 1,700.57 beside
    /// its 一般公共预算财政拨款支出决算表's last row, its amounts shifted rows down from their
    /// names, where the text states 24535.67. The other reports' totals are their tables'.
    @Test func corpusTotalsThatAreNotTheTables() throws {
        let found: [String: [Int]] = [
            "pdf/putuo-caizhengju-2024-juesuan.layout.txt": [548],
            "docx/putuo-caizhengju-2024-juesuan.docx": [2107],
            "html/putuo-caizhengju-2024-juesuan.html": [873],
            "pdf/putuo-caizhengju-2024-juesuan-injected-errors.layout.txt": [341],
            "pdf/putuo-wenlv-2025-juesuan.pages.txt": [447, 450],
        ]
        let texts = try FileManager.default.contentsOfDirectory(atPath: Corpus.path("pdf")).filter { $0.hasSuffix(".txt") }
        for path in texts.map({ "pdf/" + $0 }) + Array(found.keys) + ["yongzhou-yingji-2021-juesuan.txt"] {
            let document = try Document(contentsOf: Corpus.path(path))
            let totals = document.diagnostics.filter { $0.code == "text-table-total" }
            #expect(totals.map(\.line) == found[path] ?? [], "\(path)")
            if path.hasPrefix("docx/") {
                #expect(totals.map(\.message) == ["财政拨款收入支出总计 0.3万元 is not the total the tables give as read: 财政拨款收入支出决算总表 总计 2,961.68万元 (line 1069)"])
            }
        }
    }

    /// A total the text states agrees with its table's to half a unit of its last digit: the
    /// 财政局 决算's 收入支出总计2995.39万元 is its 收入支出决算总表's 总计; 2995.93 is not, nor is
    /// 2995.4 (2995.35 to 2995.45 holds 2995.39, so it agrees), which the warning says.
    @Test(arguments: [("2995.39", false), ("2995.4", false), ("2995.93", true), ("2995.3", true)])
    func aTotalIsCheckedToItsLastDigit(stated: String, reported: Bool) throws {
        let text = try String(contentsOfFile: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"), encoding: .utf8)
        let changed = text.replacing("收入支出总计2995.39万元", with: "收入支出总计\(stated)万元")
        #expect(changed.contains("收入支出总计\(stated)万元"))
        let document = try Document(bytes: Array(changed.utf8), path: "caizhengju.layout.txt")
        let totals = document.diagnostics.filter { $0.code == "text-table-total" && $0.line == 530 }
        #expect(totals.map(\.message) == (reported
            ? ["收入支出总计 \(stated)万元 is not the total the tables give as read: 收入支出决算总表 总计 2,995.39万元 (line 164)"] : []))
    }

    /// The `text-table-total` warnings, as "line message", of a corpus report's -layout text
    /// as it is and with `stated` replaced by `changed`.
    private func textTableTotals(_ path: String, replacing stated: String, with changed: String) throws -> (original: [String], changed: [String]) {
        let text = try String(contentsOfFile: Corpus.path(path), encoding: .utf8)
        #expect(text.contains(stated))
        func totals(_ text: String) throws -> [String] {
            try Document(bytes: Array(text.utf8), path: "report.layout.txt").diagnostics
                .filter { $0.code == "text-table-total" }.map { "\($0.line) \($0.message)" }
        }
        return (try totals(text), try totals(text.replacing(stated, with: changed)))
    }

    /// A 预算's 三公 budget is checked item by item against its 三公 table, whose one row of
    /// values its header labels: the 江苏 检察院 2019's 公务接待费预算支出101.26万元 is its
    /// table's 公务接待费; 110.26 would not be.
    @Test func aSanGongBudgetIsCheckedItemByItem() throws {
        let totals = try textTableTotals("pdf/jiangsu-jianchayuan-2019-yusuan.layout.txt",
                                         replacing: "公务接待费预算支出101.26万元", with: "公务接待费预算支出110.26万元")
        #expect(totals.original == [])
        #expect(totals.changed == [
            "959 公务接待费预算支出 110.26万元 is not the total the tables give as read: “三公”经费、会议费、培训费支出预算表 公务接待费 101.26万元 (line 572)",
        ])
    }

    /// 江苏's 收入、支出预算总计 states both sides' total at once: it is labelled as such (was
    /// 支出预算总计) and checked against both sides of the 收支预算总表.
    @Test func aTotalOfBothSidesIsCheckedAgainstBoth() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt"))
        #expect(document.amounts.filter { $0.line == 773 }.map { "\($0.text) \($0.label ?? "-")" } == ["17996.68万元 收入支出预算总计"])
        let totals = try textTableTotals("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt",
                                         replacing: "2017 年度收入、支出预算总计 17996.68 万元", with: "2017 年度收入、支出预算总计 17969.68 万元")
        #expect(totals.original == [])
        #expect(totals.changed == [
            "773 收入支出预算总计 17969.68万元 is not the total the tables give as read: 收支预算总表 收入合计 17,996.68万元 (line 275); 收入预算总表 收入总计 17,996.68万元 (line 286)",
            "773 收入支出预算总计 17969.68万元 is not the total the tables give as read: 收支预算总表 支出合计 17,996.68万元 (line 275); 支出预算总表 合计 17,996.68万元 (line 327)",
        ])
        // 本年收入预算合计 keeps its 本年 (since the eighteenth sitting) and is checked as 收入预算合计 was.
        let income = try textTableTotals("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt",
                                         replacing: "本年收入预算合计           17996.68", with: "本年收入预算合计           17996.99")
        #expect(income.changed == [
            "806 本年收入预算合计 17996.99万元 is not the total the tables give as read: 收支预算总表 收入合计 17,996.68万元 (line 275); 收入预算总表 收入总计 17,996.68万元 (line 286)",
        ])
    }

    /// The 上海 预算 template states its totals without 总计 (收入预算, 财政拨款收入, 支出预算,
    /// 财政拨款支出预算, 一般公共预算拨款支出预算) and after the department's name (上海市普陀区
    /// 商务委员会收入预算): they were never checked. Tables read a cell a line give no totals to
    /// check against: the 财政局 预算's plain extraction labels 6,093,114.80 合计.
    @Test func aShanghaiBudgetsTotalsAreChecked() throws {
        let totals = try textTableTotals("pdf/putuo-shangwuwei-2025-yusuan.layout.txt",
                                         replacing: "收入预算37,151.47万元，其中：财政拨款收入37,151.47万元",
                                         with: "收入预算37,202.47万元，其中：财政拨款收入37,202.47万元")
        #expect(totals.original == [])
        #expect(totals.changed == [
            "100 收入预算 37,202.47万元 is not the total the tables give as read: 财务收支预算总表 收入总计 371,514,655.00元 (line 157); 收入预算总表 合计 371,514,655.00元 (line 196)",
            "100 财政拨款收入 37,202.47万元 is not the total the tables give as read: 财政拨款收支预算总表 收入总计 371,514,655.00元 (line 251)",
        ])
        let raw = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2025-yusuan.raw.txt"))
        #expect(raw.amounts.contains { $0.label == "一般公共预算拨款支出预算" && $0.cell == nil })
        #expect(raw.diagnostics.filter { $0.code == "text-table-total" }.isEmpty)
    }

    /// The 科目 an item names, by its last level, in each way the templates write it.
    @Test func anItemNamesItsSubject() {
        let items = [
            "1、一般公共服务支出(类)统计信息事务(款)专项普查活动(项)39.99 万元。主要用于…": "专项普查活动",
            "  1、公共安全支出(204类)司法(06款)行政运行(01项)1434.89万元。": "行政运行",
            "2. “一般公共服务支出(类)群众团体事务(款)一般行政管理事务(项)”42.60万元，主要用于": "一般行政管理事务",
            "9. “卫生健康支出-行政事业单位医疗-行政单位医疗”科目78.29万元，主要用于": "行政单位医疗",
            "1.公共安全(类)支出 13656.34 万元，主要用于": "公共安全支出",
            "(二)社会保障和就业支出(类)": "社会保障和就业支出",
            "\u{0C}  3、住房保障支出(类)住房改革支出(款)购房补贴(项)。": "购房补贴",
        ]
        func item(_ text: String) -> (isItem: Bool, subject: String?) {
            SubjectItems.item(text, mayName: SubjectItems.mayNameSubject(text))
        }
        for (text, subject) in items { #expect(item(text).subject == subject, "\(text)") }
        #expect(item("六、一般公共预算财政拨款基本支出决算情况说明") == (true, nil))
        #expect(item("一般公共服务支出(类)统计信息事务(款)专项普查活动(项)39.99 万元") == (false, nil))  // no item
    }

    /// Figures that say only which figure of a 科目 they are (年初预算, 支出决算, 预算执行数,
    /// 预算安排) say whose in `subject`: the 科目 of the item they stand in, or under when the
    /// item states no figure itself (永州: 1、…（项）。 then 年初预算为0元，支出决算为77.29万元).
    /// Not the paragraphs after an item that go on to another matter (此外，基本支出预算数为…),
    /// nor anything after the next heading or table.
    @Test func aSubjectsFiguresNameIt() throws {
        func subjects(_ path: String, _ lines: ClosedRange<Int>) throws -> [String] {
            try Document(contentsOf: Corpus.path(path)).amounts.filter { lines.contains($0.line) && $0.cell == nil }
                .map { "\($0.text) \($0.label ?? "-") \($0.subject ?? "-")" }
        }
        #expect(try subjects("yongzhou-yingji-2021-juesuan.txt", 90...94) == [
            "1166.45万元 财政拨款支出年初预算数 -", "2553.52万元 支出决算数 -",
            "0元 年初预算 机关事业单位基本养老保险缴费支出", "77.29万元 支出决算 机关事业单位基本养老保险缴费支出",
        ])
        #expect(try subjects("pdf/putuo-wanli-2024-yusuan.layout.txt", 83...84) == [
            "42.60万元 一般行政管理事务 一般行政管理事务", "45.41万元 预算执行数 一般行政管理事务", "42.60万元 预算安排 一般行政管理事务",
        ])
        #expect(try subjects("pdf/jiangsu-jianchayuan-2017-yusuan.layout.txt", 788...794) == [
            "13656.34万元 公共安全支出 公共安全支出", "309.03万元 增加 公共安全支出", "12323.46万元 基本支出预算数 -",
        ])
        #expect(try subjects("pdf/putuo-caizhengju-2024-juesuan.layout.txt", 620...628) == [
            "187.75万元 年初预算 住房公积金", "187.19万元 支出决算 住房公积金", "258.50万元 年初预算 购房补贴",
            "258.50万元 支出决算 购房补贴", "2336.91万元 一般公共预算财政拨款基本支出 -", "2152.26万元 人员经费 -",
        ])
    }

    // MARK: The corpus report

    private func corpusFigures(line: Int) -> [String] {
        let document = Corpus.yongzhouDocument
        return (document.amounts + document.percents).filter { $0.line == line }
            .map { "\($0.value)\($0.unit.rawValue)|\($0.label ?? "")" }
    }

    @Test func corpusIncomeTotal() throws {
        let document = Corpus.yongzhouDocument
        let total = try #require(document.amounts.first { $0.line == 67 })
        #expect(total.value == Decimal(exactString: "2553.52"))
        #expect(total.yuan == Decimal(25_535_200))
        #expect(total.label == "收入总计")
        #expect(document.percents.contains { $0.line == 67 && $0.value == Decimal(exactString: "48.16") && $0.change == .increase })
    }

    @Test func corpusNamedFigures() {
        let line74 = corpusFigures(line: 74)
        #expect(line74.contains("1163.12万元|基本支出"))
        #expect(line74.contains("1390.4万元|项目支出"))
        #expect(line74.contains("45.55%|基本支出"))
        #expect(line74.contains("54.45%|项目支出"))
        let line127 = corpusFigures(line: 127)
        #expect(line127.contains("834.04万元|人员经费"))
        #expect(line127.contains { $0.hasPrefix("71.71%") })
        #expect(corpusFigures(line: 138).contains { $0.hasPrefix("329.08万元|") && $0.contains("机关运行经费") })
    }

    @Test func corpusCounts() {
        let document = Corpus.yongzhouDocument
        print("corpus report: \(document.amounts.count) amounts, \(document.percents.count) percents")
        #expect(document.amounts.count > 150)
        #expect(document.percents.count > 100)
        // Years, dates and document numbers are never figures.
        #expect(!document.amounts.contains { $0.unit == .yuan && ["2020", "2021", "2022"].contains("\($0.value)") })
    }

    /// Amounts are parsed from their digits, not through Decimal(string:): the two must agree
    /// to the last digit and spelling (the JSON prints the value's description).
    @Test(arguments: ["2553.52", "0012.3400", "1200", "0.00", "-0.0", "-3.0", "1,234.56", "+7", "0.05",
                      "1234567890123456789", "12345678901234567890.5", "99999999999999999999999999"])
    func decimalsFromTheirDigits(_ text: String) throws {
        let parsed = try #require(Decimal(exactString: text))
        let reference = try #require(Decimal(string: text.filter { $0 != "," && $0 != "+" }))
        #expect(parsed == reference)
        #expect(parsed.description == reference.description)
    }

    @Test(arguments: ["", "-", ".", "1.2.3", "1-2", ",5", "1.5,0", "12a", "١٢"])
    func notDecimals(_ text: String) {
        #expect(Decimal(exactString: text) == nil)
    }

    /// Decimal holds 38 to 39 significant digits and exponents down to -128; past that
    /// Decimal(string:) rounds, or gives 0, and money must not be rounded.
    @Test func numbersDecimalCannotHoldAreNotRounded() throws {
        let fits = "1" + String(repeating: "2", count: 38)    // 39 digits, under 2^128
        #expect(try #require(Decimal(exactString: fits)).description == fits)
        #expect(Decimal(exactString: String(repeating: "9", count: 39)) == nil)
        #expect(Decimal(exactString: "1" + String(repeating: "2", count: 38) + ".5") == nil)
        #expect(Decimal(exactString: "0." + String(repeating: "0", count: 140) + "5") == nil)
        #expect(try #require(Decimal(exactString: "-000." + String(repeating: "0", count: 40) + "500")).description
                == "-0." + String(repeating: "0", count: 40) + "5")
        guard case .notADecimal = Decimal.reading("1.2.3") else { Issue.record("1.2.3 read as a decimal"); return }
    }

    /// A 自评表's weights and scores, added as integers where their digits allow, add up to
    /// Foundation's sums to the last digit and are spelled as those are: signs, decimals,
    /// zeros after the point, 0; past 18 digits, and past a sum of 63 bits, with Foundation's `+`.
    @Test func weightsAddUpAsFoundationAddsThem() throws {
        let texts = ["10", "2.5", "0.25", "-3", "0", "99.99", "0.01", "-0.01", "1,000,000", "1234567.89", "100", "0.5",
                     "12.50", "999999999999999999", "9223372036854775807", "1" + String(repeating: "2", count: 38), "-0.000001"]
        let read = texts.map(Decimal.scan)
        #expect(read.filter { $0.term != nil }.count == texts.count - 2)
        var state: UInt64 = 7  // a fixed sequence (an LCG's), the same each run
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        for _ in 0..<3_000 {
            var sum = ExactSum(), added = Decimal(0), picked: [String] = []
            for _ in 0..<next(7) {
                let k = next(texts.count)
                guard case .exact(let value) = read[k].reading else { Issue.record("\(texts[k]) not read"); return }
                sum.add((value, read[k].term))
                added += value
                picked.append(texts[k])
            }
            #expect(sum.value == added && sum.value.description == added.description, "\(picked)")
        }
        var none = ExactSum()
        none.add(Decimal.scan("0.01").term!)
        none.add(Decimal.scan("-0.01").term!)
        #expect(none.value == 0 && none.value.description == "0")
        // Ten of the largest that the integer takes pass 63 bits.
        var large = ExactSum()
        for _ in 0..<10 { large.add(Decimal.scan("999999999999999999").term!) }
        #expect(large.value.description == "9999999999999999990")
    }

    @Test func aFigureTooLongToHoldIsReportedNotRounded() {
        let long = "1234567890123456789012345678901234567890.12"
        let document = Document(parsing: """
            一、收入支出决算总体情况说明
            收入总计2553.52万元，支出总计\(long)万元，增长百分之\(long)。
            """)
        #expect(document.amounts.map(\.text) == ["2553.52万元"])
        #expect(document.percents.isEmpty)
        #expect(document.diagnostics.map(\.code) == ["figure-too-long", "figure-too-long"])
        #expect(document.diagnostics.allSatisfy { $0.line == 2 && $0.message.contains(long) })

        // A table that states its unit once (a PDF's 单位：万元) and writes bare numbers.
        let table = Table(index: 0, title: nil, line: 5, rows: 3, columns: 2, cells: [
            .init(row: 0, column: 0, text: "合计", line: 5), .init(row: 0, column: 1, text: long, line: 5),
            .init(row: 1, column: 0, text: "支出", line: 6), .init(row: 1, column: 1, text: "12.50", line: 6),
            // Two amounts in one cell, one of them too long.
            .init(row: 2, column: 0, text: "其他", line: 7), .init(row: 2, column: 1, text: "3.25 " + long, line: 7),
        ], unit: .tenThousandYuan)
        let read = TableFigures.figures(in: table)
        #expect(read.figures.map(\.text) == ["12.50", "3.25"])
        #expect(read.figures.map(\.label) == ["支出", "其他"])
        #expect(read.diagnostics.map(\.line) == [5, 7])
    }

    /// A cell that holds words and amounts (the 上海 收支总表's 一、一般公共预算资金 91,016,775.35
    /// 一、一般公共服务支出, the 江苏 人大's 小计 13,649.07): each amount is labelled by the words
    /// right before it, and the words after the last (else its label) label the next cell's
    /// amounts. How a row is bought labels nothing. Whole 元 in thousands are amounts.
    @Test func amountsAmongWordsAreLabelledByTheWordsBefore() {
        let table = Table(index: 0, title: nil, line: 245, rows: 4, columns: 3, cells: [
            .init(row: 0, column: 0, text: "一、一般公共预算资金 91,016,775.35 一、一般公共服务支出", line: 245),
            .init(row: 0, column: 2, text: "82,096,797.42", line: 245),
            .init(row: 1, column: 1, text: "小计 13,649,070", line: 246),
            .init(row: 1, column: 2, text: "13,649,070", line: 246),
            .init(row: 2, column: 0, text: "其他专用设备", line: 247),
            .init(row: 2, column: 1, text: "分散自行组织 63.00", line: 247),
            .init(row: 3, column: 0, text: "比上年", line: 248),
            .init(row: 3, column: 1, text: "-12,300", line: 248),
        ], unit: .yuan)
        let read = TableFigures.figures(in: table).figures
        #expect(read.map { "\($0.text) \($0.label ?? "-")" } == ["91,016,775.35 一、一般公共预算资金", "82,096,797.42 一、一般公共服务支出",
                                                             "13,649,070 小计", "13,649,070 小计", "63.00 其他专用设备", "-12,300 比上年"])
        #expect(read.last?.value == -12300)
        // A cell with a unit gives its figures through its text.
        #expect(TableFigures.amountsAmongWords("合计 1.50 万元") == nil)
    }

    /// The clause cutter reads UTF-8 bytes; here is its rule on scalars, checked against it
    /// on random text made of the characters that matter (and some that look like them:
    /// 。 is E3 80 82, ｡ is EF BD A1; 元 and 兀 share their first two bytes; ， and the
    /// full-width digit １ share EF BC).
    @Test func clausesAreCutAsTheRuleSays() {
        let alphabet: [Unicode.Scalar] = ["。", "；", "，", ";", ",", "、", "%", "％", "﹪", "元", "百", "倍", "番", "兀", "｡", "1", "１", "a", "收", " ", "\u{3000}", "😀"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let written = String(text)
            let (candidates, count) = FigureExtractor.clauses(of: written)

            let scalars = Array(written.unicodeScalars)
            // ， between two digits (3125.40，3143.90万元), or after a % or 元 and before a digit
            // (下降23.5%，38.3%), lists numbers: no end.
            let isDigit: (Int) -> Bool = { $0 >= 0 && $0 < scalars.count && (scalars[$0] == "1" || scalars[$0] == "１") }
            let endsFigure: (Int) -> Bool = { $0 >= 0 && (scalars[$0] == "%" || scalars[$0] == "％" || scalars[$0] == "元") }
            let isEnd: (Int) -> Bool = { i in
                scalars[i] == "。" || scalars[i] == "；" || scalars[i] == "，" && !((isDigit(i - 1) || endsFigure(i - 1)) && isDigit(i + 1))
            }
            var clauses: [String] = []
            var clause = String.UnicodeScalarView()
            for (i, scalar) in scalars.enumerated() {
                clause.append(scalar)
                if isEnd(i), i + 1 < scalars.count, !isEnd(i + 1) {
                    clauses.append(String(clause))
                    clause = String.UnicodeScalarView()
                }
            }
            clauses.append(String(clause))
            let marked = clauses.filter { c in c.unicodeScalars.contains { "%％﹪元百倍番".unicodeScalars.contains($0) } }
            #expect(count == clauses.count, "\(written)")
            #expect(candidates.map { String($0.text) } == marked, "\(written)")
            #expect(candidates.map(\.mayCount) == marked.map { $0.contains("倍") || $0.contains("番") }, "\(written)")
        }
    }

    /// An amount alone on the line right below a line that names an item alone takes that
    /// item (a form's label and value, one cell a line in a word processor's text export: 年度预算
    /// 金额 / 210万元; a project sheet's 六、年度预算安排 / 795万元). Not below a sentence, nor across
    /// a blank line, nor when the amount has words with it. They had no label.
    @Test func anAmountAloneUnderTheItemItIsOf() throws {
        let export = try Document(contentsOf: Corpus.path("exports/yongzhou-yingji-2021-juesuan.libreoffice.txt"))
        #expect(export.amounts.filter { [413, 906, 1193].contains($0.line) }.map { "\($0.text) \($0.label ?? "-")" }
                == ["210万元 年度预算金额", "96万元 年度预算金额", "54万元 年度预算金额"])
        let typed = """
            一、项目情况
            六、年度预算安排
            795万元
            说明如下，其中公用经费
            100万元
            年度预算金额

            20万元
            年度预算金额
            30万元用于培训
            """
        let document = try Document(bytes: Array(typed.utf8), path: "sheet.txt")
        #expect(document.amounts.map { "\($0.text) \($0.label ?? "-")" } == ["795万元 年度预算安排", "100万元 -", "20万元 -", "30万元 -"])
    }
}
