import FoundationEssentials

/// Whether a paragraph's stated change adds up: the percent of 比上年减少959.49万元，下降4.51%
/// against the amount it changed from, and the change itself against the two years' amounts
/// when both are given.
///
/// The year before is the amount labelled 上年 (比上年1718.25万元) when the sentence gives one,
/// else this year's amount less the change. This year's amount is the nearest amount before
/// the change that no change word reads: in the change's sentence, or alone in the sentence
/// before it (收入支出总计20323.21万元。与2024年度相比，收入支出总计减少959.49万元); when the
/// paragraph has none, in a paragraph before (``Resolver``). A change stated with its two
/// amounts and no change amount (执行数为60.41万元，2026年预算安排227.88万元，比2025年增加
/// 277.22%) is checked both ways round, as the years' order varies. Shares are checked the
/// same way: of a budget carried out (完成预算的43%) against the budget and the 决算 before
/// it, of a whole (占45.55%) against the amount before it and the whole.
///
/// Every figure is taken as exact to half a unit of its last digit, and a percent to its
/// last digit (some reports cut rather than round): only a change that no rounding explains
/// is reported. The arithmetic is exact, in whole half-fen (``Money``); a figure written finer
/// than a fen, in words (三百万元), or beyond about 6·10^15 元 (2^60 half-fen) is not checked.
enum ChangeCheck {
    /// A figure of the paragraph, the sentence (up to 。 or ；) it stands in, and the number of
    /// words between its clause's start and it (增长48.16%: one).
    struct Placed {
        var figure: Figure
        var sentence: Int
        var leadWords: Int
        /// For a change of a list that names its items in turn (收、支总计各减少…), its item.
        var changed: String? = nil
        /// For a change amount, what its clause says changed (公务接待费支出决算 of
        /// 公务接待费支出决算增加0.40万元): its words before the verb and any 比…, without the year.
        var subject: String?
        /// For a change amount whose clause names nothing but its verb, the item the comparison
        /// right before it names (与2020年非税收入相比，减少9万元 → 非税收入).
        var compared: String? = nil
        /// An amount a share right after it is of (完成年初预算数60999万元的40.4%): no year's own.
        var isShareBase = false
        /// An amount its clause compares with (比年初预算83万元): what a change is from, as last
        /// year's amount is.
        var isComparedBase = false
        /// For a change, whether its clause says what it is against (比预算, 比去年, 与上年相比).
        var compares = false
        /// Whether the figure stands inside an aside (（其中：…5,297.40万元）).
        var inAside = false
        /// For a percent change, whether it is a year's average over several (年均增长4.22%):
        /// no step from one amount to the next, so not checked.
        var isYearly = false
        /// For a percent that states the share of the amount right before it (基本支出1163.12万元，
        /// 占45.55%), the whole it names, if any.
        var share: Share? = nil
        /// For a share, or a whole a share states, the index of the figure it is of: the one
        /// before it, or before an aside on that one (1,077.36万元(其中,…0万元),占93.57%).
        var sharePart: Int? = nil
        /// How many list openings (其中, a colon) stand before the figure in its paragraph: the
        /// whole a share leaves unnamed is the amount a list opening follows.
        var openings = 0
        /// The sentence whose amount the last list opening before the figure follows: the
        /// opening's, or the one before where the opening starts its sentence (。其中,…).
        var listSentence = 0
    }

    /// What a share says it is of: 占45.55% nothing, 占基本支出的71.71% 基本支出; 占年初预算数
    /// 109466万元的56.3% the amount right before the percent.
    enum Share: Equatable, Sendable {
        case unnamed
        case named(String)
        case stated

        /// The share a percent's lead words state (占, 占比达, 占基本支出的, 占总支出的比重为, 占项目
        /// 支出预算), nil for other words.
        init?(lead words: [Word]) {
            guard words.first == FigureClause.share else { return nil }
            var name = words.dropFirst()
            if name.first == Self.proportion {
                self = .unnamed
                return
            }
            while let last = name.last, Self.afterName.contains(last) { name.removeLast() }
            self = name.isEmpty ? .unnamed : .named(name.map(\.string).joined())
        }

        private static let proportion: Word = "比"
        /// The words of a share after what it is of: 的, 比重 and 比例, and 为, 达 or 是 before the percent.
        private static let afterName: WordSet = ["的", "比重", "比例", "为", "达", "达到", "是"]

        /// Whether an amount labelled `label` is the whole this share names: by that label, one
        /// that ends so (财政拨款基本支出 for 基本支出) but for the last item of a list (税收返还和
        /// 转移支付 is not 转移支付), or by the name shortened as labels leave it (``isNamedExactly(by:)``).
        func isNamed(by label: String?) -> Bool {
            guard case .named(let name) = self, let label else { return false }
            return label.hasSuffix(utf8: name)
                && label.unicodeScalars.dropLast(name.unicodeScalars.count).last.map(Self.joiners.contains) != true
                || Self.shortens(name, to: label)
        }

        /// Whether `label` is the name itself, or the name without the year of the report's own
        /// figures or without 预算, as labels leave them out (支出合计 for 本年支出合计, 项目支出 for
        /// 项目支出预算; that alone: 教育支出 is no 本年支出).
        func isNamedExactly(by label: String?) -> Bool {
            guard case .named(let name) = self, let label else { return false }
            return label.utf8.elementsEqual(name.utf8) || Self.shortens(name, to: label)
        }

        private static func shortens(_ name: String, to label: String) -> Bool {
            // 本年 and 预算 are six bytes each: the lengths first, as every recent label may be asked.
            guard label.utf8.count + 6 == name.utf8.count else { return false }
            let (withoutYear, withoutBudget) = shortenings(of: name)
            return [withoutYear, withoutBudget].contains { $0.map { label.utf8.elementsEqual($0.utf8) } == true }
        }

        /// The name as labels shorten it: without 本年 where it starts so, without 预算 where it
        /// ends so and three characters are left.
        private static func shortenings(of name: String) -> (withoutYear: Substring?, withoutBudget: Substring?) {
            let utf8 = name.utf8
            let withoutYear = utf8.starts(with: thisYear.utf8) ? name[utf8.index(utf8.startIndex, offsetBy: thisYear.utf8.count)...] : nil
            let withoutBudget = utf8.count >= 9 + budget.utf8.count && name.hasSuffix(utf8: budget)
                ? name[..<utf8.index(utf8.endIndex, offsetBy: -budget.utf8.count)] : nil
            return (withoutYear, withoutBudget)
        }

        private static let joiners: Set<Unicode.Scalar> = ["和", "及", "与", "、"]
        private static let thisYear = "本年"
        private static let budget = "预算"

        /// The name, and as ``isNamedExactly(by:)`` shortens it: the labels to look it up by.
        var names: [String] {
            guard case .named(let name) = self else { return [] }
            let (withoutYear, withoutBudget) = Self.shortenings(of: name)
            return [name] + [withoutYear, withoutBudget].compactMap { $0.map(String.init) }
        }

        /// Whether the name says the total (总支出, 支出总额, 总收入): a whole the paragraph may
        /// label otherwise (支出合计), found as an unnamed share's is.
        var namesTotal: Bool {
            if case .named(let name) = self { name.contains(utf8: "总") } else { false }
        }

        /// Whether an amount labelled `label` may be the total this share names: one of the
        /// same thing, the words of a total aside (支出合计 and 财政支出 for 总支出, 财政总收入累计
        /// for 财政总收入, 财政支出 for 财政支出总量), not another's (税收返还和转移支付 is no
        /// 转移支付总量). An amount with no label may be.
        func mayTotal(_ label: String?) -> Bool {
            guard case .named(let name) = self, let label else { return true }
            // 预算总收入 for 收入预算: the list's head, the budget's words in either order.
            func base(_ text: String) -> String {
                String(decoding: Self.removing([Array(Self.budget.utf8)], from: Self.totalBase(text).utf8), as: UTF8.self)
            }
            return Share.named(base(name)).isNamed(by: base(label))
        }

        /// Whether a label names a total (总支出, 支出合计, 收入累计): 总 is E6 80 BB, 计 E8 AE A1 (after
        /// 合 E5 90 88 or 累 E7 B4 AF). One pass over the bytes, as every recent label may be asked.
        static func isTotal(_ label: String) -> Bool {
            var label = label
            return label.withUTF8 { bytes in
                var k = 2
                while k < bytes.count {
                    switch (bytes[k - 2], bytes[k - 1], bytes[k]) {
                    case (0xE6, 0x80, 0xBB): return true
                    case (0xE8, 0xAE, 0xA1) where k >= 5 && [(0xE5, 0x90, 0x88), (0xE7, 0xB4, 0xAF)].contains(where: { $0 == (bytes[k - 5], bytes[k - 4], bytes[k - 3]) }):
                        return true
                    default: k += 1
                    }
                }
                return false
            }
        }

        /// What a total is of, without the words that make it one: 总支出, 支出合计, 本年支出总计 → 支出.
        static func totalBase(_ name: String) -> String {
            let words = name.utf8.starts(with: thisYear.utf8) ? name.utf8.dropFirst(thisYear.utf8.count) : name.utf8[...]
            return String(decoding: removing(totalWords, from: words), as: UTF8.self)
        }

        /// `text`'s bytes without every occurrence of each of `words`, in turn.
        private static func removing(_ words: [[UInt8]], from text: some Collection<UInt8>) -> [UInt8] {
            var bytes = Array(text)
            for word in words {
                var k = 0
                while k + word.count <= bytes.count {
                    if bytes[k..<(k + word.count)].elementsEqual(word) { bytes.removeSubrange(k..<(k + word.count)) } else { k += 1 }
                }
            }
            return bytes
        }

        private static let totalWords = ["合计", "总计", "总额", "总量", "总数", "累计", "总"].map { Array($0.utf8) }
    }

    /// A percent whose paragraph does not give what it is of, for ``Resolver`` to look for in
    /// the paragraphs before: a change whose amount is stated a paragraph before (公务接待费支出
    /// 决算增加0.40万元，增长100%, its 0.40万元 given earlier), or a share whose whole is
    /// (2021年度财政拨款支出2553.52万元，占本年支出合计的100%; 基本支出11700.63万元，占42.30%
    /// in a paragraph of its own, after 本年支出预算合计27664.22万元，其中：).
    enum Open: Sendable {
        case change(subject: String, step: Figure, percent: Figure)
        case share(Share, part: Figure, percent: Figure)

        var percent: Figure {
            switch self {
            case .change(_, _, let percent), .share(_, _, let percent): percent
            }
        }
    }

    /// A percent that follows its change amount says no more than 增长, 同比下降, 增加了 before
    /// it; more words (…，主要原因是经费统一压减10%) make it a figure of its own.
    private static let stepPercentLeadWords = 3

    /// The warnings of one paragraph's figures, and its changes whose amount it does not give.
    static func diagnostics(_ placed: [Placed], opens: inout [Open]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for i in placed.indices {
            let percent = placed[i].figure
            if placed[i].share != nil {
                if let found = checkShare(placed, percentAt: i, opens: &opens) { diagnostics.append(found) }
                continue
            }
            if percent.unit == .percent, percent.change == nil, percent.comparator == nil, let label = percent.label, label.hasPrefix("完成") {
                if let found = checkCompletion(placed, percentAt: i, label: label) { diagnostics.append(found) }
                continue
            }
            guard percent.unit == .percent, let change = percent.change, percent.comparator == nil, !placed[i].isYearly else { continue }
            // 分别下降133.1%和43.7%: what falls by more than all of it was below zero after, which a
            // report says in other words (转为赤字); the percent is wrong, whatever it is of.
            if change == .decrease, percent.value > 100 {
                diagnostics.append(warning(percent, "\(stated(percent)) is more than all of what fell"))
                continue
            }
            if let item = placed[i].changed {
                if let found = checkListed(placed, percentAt: i, of: item) { diagnostics.append(found) }
            } else if i >= 1, placed[i - 1].figure.unit != .percent, placed[i - 1].figure.change != nil {
                guard let step = Money(placed[i - 1].figure) else { continue }
                guard placed[i].sentence == placed[i - 1].sentence, placed[i].leadWords <= stepPercentLeadWords else { continue }
                diagnostics += checkStep(placed, changeAt: i - 1, percent: percent, change: change, step: step, opens: &opens)
            } else if i >= 2, placed[i - 2].sentence == placed[i].sentence,
                      // 运行费1205.06万元（较2010年压缩2%）: a note on the one amount, not on two years'.
                      !placed[i].inAside || placed[i - 1].inAside,
                      let found = checkPair(placed[i - 2], placed[i - 1], percent: percent) {
                diagnostics.append(found)
            }
        }
        return diagnostics
    }

    /// 年初预算为76.33万元，支出决算为39.99万元，完成年初预算的52.4%: the share of the budget carried
    /// out, against the two amounts right before it in its sentence, in that order: the budget
    /// its label names (年初预算, 调整预算, 全年预算, or any 预算), then the 决算. Only those two:
    /// …预算为11.49万元，支出决算为3.04万元，完成预算的26.46%，其中：因公出国（境）费决算为0万元，
    /// 完成预算的0% gives the 0% no budget of its own. A budget the share states (公务接待费22.59万元,
    /// 完成预算43.2万元的52.3%) is the amount right before it, and what was carried out the one
    /// before that, whatever it is named.
    private static func checkCompletion(_ placed: [Placed], percentAt i: Int, label: String) -> Diagnostic? {
        let budget = ["年初预算", "调整", "全年预算"].first { label.contains(utf8: $0) } ?? "预算"
        func names(_ j: Int, _ part: String, not other: String) -> Bool {
            placed[j].sentence == placed[i].sentence
                && placed[j].figure.label.map { $0.contains(utf8: part) && !$0.contains(utf8: other) } == true
        }
        guard i >= 2 else { return nil }
        let stated = placed[i - 1].isShareBase && placed[i - 2].sentence == placed[i].sentence && placed[i - 2].figure.change == nil
        let (b, a) = stated ? (i - 1, i - 2) : (i - 2, i - 1)
        // 公务接待费支出预算为14.5万元，支出决算为2.9万元: the 决算 labelled as the fee itself is.
        func isFee(_ j: Int) -> Bool {
            placed[j].sentence == placed[i].sentence && placed[j].figure.label.map { fee in
                !fee.contains(utf8: "预算") && placed[j - 1].figure.label.map { $0.count > fee.count && $0.hasPrefix(fee) } == true
            } == true
        }
        guard stated || (names(i - 2, budget, not: "决算") && (names(i - 1, "决算", not: "预算") || isFee(i - 1))),
              let base = placed[b].amount, let actual = placed[a].amount,
              case .some(.some(let hundredths)) = miss(placed[i].figure, change: actual, from: base) else { return nil }
        return Diagnostic(severity: .warning, code: "completion-percent", message: "\(label) \(placed[i].figure.text) does not follow: "
                              + "\(actual.text) of \(base.text) is \(Money.decimal(hundredths, per: 100))%", line: placed[i].figure.line)
    }

    /// 本年支出合计2553.52万元，其中：基本支出1163.12万元，占45.55%；项目支出1390.4万元，占54.45%: the
    /// share of the amount right before it, against the whole. A whole left unnamed is the
    /// nearest amount before a list opening (其中, a colon) that no share is of: 项目支出's is the
    /// 本年支出合计, not 基本支出, a part itself. A named one (人员经费834.04万元，占基本支出的71.71%)
    /// is the nearest amount labelled so (``Share/isNamed(by:)``), or, for a name that says the
    /// total (占总支出的), the unnamed share's. A whole the paragraph does not give is left to
    /// ``Resolver``: a named one always, an unnamed one where every amount before the part is a
    /// part too. A whole stated in the share (61646万元，占年初预算数109466万元的56.3%) is the
    /// amount right before the percent, of the one before it.
    private static func checkShare(_ placed: [Placed], percentAt i: Int, opens: inout [Open]) -> Diagnostic? {
        guard let share = placed[i].share else { return nil }
        if share == .stated {
            guard let part = placed[i - 1].sharePart, placed[part].amount != nil, placed[i - 1].amount != nil else { return nil }
            return shareWarning(placed[i].figure, part: placed[part].figure, whole: placed[i - 1].figure)
        }
        guard var part = placed[i].sharePart else { return nil }
        // 13,866万元，占调整预算100.93%，占一般公共预算收入的48.51%: a second share of one amount.
        if placed[part].share != nil, let first = placed[part].sharePart { part = first }
        guard placed[part].amount != nil else { return nil }
        // Not a change nor what one is from (比上年同期增收12543.83亿元 before 其中).
        let before = placed[..<part].indices.reversed().lazy.filter {
            placed[$0].amount != nil && !placed[$0].inAside && placed[$0].figure.change == nil && !isEarlier(placed[$0])
        }
        // Of the list's own sentence: not an amount of a sentence before one that opens a list
        // of what it names (…其他各类资金13335万元…。全区涉农整合资金主要用于…2个方面,其中,安排…).
        let head = before.first { placed[$0].openings < placed[part].openings && placed[$0 + 1].share == nil }
            .flatMap { placed[$0].sentence >= placed[part].listSentence ? $0 : nil }
        // Not an amount another share is of (教育支出374.89万元，占本年支出的77%；社会保障和就业支出…),
        // a part itself, unless its label is the name (基本支出预算, itself a share of the total).
        let whole = share == .unnamed ? head
            : before.first { share.isNamed(by: placed[$0].figure.label) && (placed[$0 + 1].share == nil || share.isNamedExactly(by: placed[$0].figure.label)) }
                ?? head.flatMap { share.namesTotal && share.mayTotal(placed[$0].figure.label) ? $0 : nil }
        guard let whole else {
            if share != .unnamed || before.allSatisfy({ placed[$0 + 1].share != nil }) {
                opens.append(.share(share, part: placed[part].figure, percent: placed[i].figure))
            }
            return nil
        }
        return shareWarning(placed[i].figure, part: placed[part].figure, whole: placed[whole].figure)
    }

    /// A warning when `percent` is not the share `part` is of `whole`. A share may be a unit of
    /// its last digit further off than its rounding: reports move one share of a list so that
    /// the list adds up to 100% (省检察院 2018: 基本支出13,994.31万元 of 21,955.35万元, 63.74%, given
    /// as 63.75% beside 25.38% and 10.87%).
    static func shareWarning(_ percent: Figure, part: Figure, whole: Figure) -> Diagnostic? {
        guard let amount = Money(part), let base = Money(whole),
              case .some(.some(let hundredths)) = miss(percent, change: amount, from: base, lastDigits: 2) else { return nil }
        let item = part.label.map { $0 + " " } ?? ""
        return Diagnostic(severity: .warning, code: "share-percent", message: "\(item)\(percent.text) does not follow: "
                              + "\(amount.text) of \(base.text) (line \(whole.line)) is \(Money.decimal(hundredths, per: 100))%",
                          line: percent.line)
    }

    /// 收、支总计各是A1，A2万元。…各减少D1，D2万元，下降P1%，P2%: the percent of a list that names its
    /// items in turn, against the change amount of its item and the amount labelled so before it.
    private static func checkListed(_ placed: [Placed], percentAt i: Int, of item: String) -> Diagnostic? {
        guard let k = placed[..<i].lastIndex(where: { $0.changed == item && $0.figure.unit != .percent }),
              placed[k].figure.change == placed[i].figure.change, let step = Money(placed[k].figure),
              let j = placed[..<k].lastIndex(where: { $0.figure.change == nil && $0.figure.label == item }),
              let now = placed[j].amount else { return nil }
        return checkChange(to: now, by: step, percent: placed[i].figure)
    }

    /// 支出总计A万元…减少D万元，下降P%, or A万元，比上年B万元增加D万元，增长P%.
    private static func checkStep(_ placed: [Placed], changeAt k: Int, percent: Figure, change: Figure.Change,
                                  step: Money, opens: inout [Open]) -> [Diagnostic] {
        let stepFigure = placed[k].figure
        guard stepFigure.change == change else {
            return [warning(percent, "\(stated(percent)) follows \(direction(stepFigure.change)) of \(stepFigure.text)")]
        }
        let before = amounts(before: k, in: placed)
        let lastYear = before.first { isEarlier(placed[$0]) }
        if before.isEmpty, let subject = placed[k].subject {
            opens.append(.change(subject: subject, step: stepFigure, percent: percent))
            return []
        }
        guard let current = currentAmount(among: before, change: k, in: placed), let now = placed[current].amount else { return [] }
        guard let lastYear, lastYear > current, let then = placed[lastYear].amount else {
            return checkChange(to: now, by: step, percent: percent).map { [$0] } ?? []
        }
        // Both years given: the change is their difference too.
        let signed = change == .increase ? step : step.negated
        var diagnostics: [Diagnostic] = []
        if !(now - then).overlaps(signed) {
            diagnostics.append(warning(percent, "\(direction(change)) of \(step.text) is not the change from \(then.text) "
                                           + "to \(now.text), \((now - then).text)"))
        }
        if let found = checkYears(then, now, percent: percent) { diagnostics.append(found) }
        return diagnostics
    }

    /// The amounts before the change at `k`, nearest first, back to the nearest figure that
    /// another change reads.
    private static func amounts(before k: Int, in placed: [Placed]) -> [Int] {
        var before: [Int] = []
        var j = k - 1
        // 支出决算为5.48万元，比预算增加0万元，比去年增加1.55万元: changes of one amount against
        // two things, one right after the other and each saying what it is against, are passed
        // over to it, with the percent of the first (…决算为62.07万元,比上年决算数增加38.97万元,增长
        // 168.7%;比2019年决算数减少24.87万元: the 广东 财政厅's 2023 三公, a ； between).
        func comparesToo(_ j: Int) -> Bool {
            placed[j].compares || placed[j].figure.unit == .percent && j >= 1 && placed[j - 1].compares
                && placed[j - 1].sentence == placed[j].sentence && placed[j - 1].figure.change == placed[j].figure.change
        }
        // An aside's figures are passed over too, from outside it: 公务用车购置及运行费500.00万元(公务用车
        // 购置费100.00万元,比上年增加0万元;…运行维护费400.00万元,比上年增加0万元。)比上年增加0万元 is
        // no change of the aside's last item, nor (2017年度部门支出预算安排与2016年度相比（2016年度部门
        // 支出预算安排为8,648.07万元），增加498.72万元) is last year's amount this year's.
        func aside(_ j: Int) -> Bool { placed[j].inAside && !placed[k].inAside }
        while j >= 0, placed[j].figure.change == nil || aside(j)
                || before.isEmpty && placed[k].sentence - placed[j].sentence <= 1 && placed[k].compares && comparesToo(j) {
            if placed[j].figure.change == nil, placed[j].figure.unit != .percent, !aside(j) { before.append(j) }
            j -= 1
        }
        return before
    }

    /// This year's amount among `before` (``amounts(before:in:)``) for the change at `k`: the
    /// nearest that is not last year's, in the change's sentence, or alone in the sentence
    /// before, or in the one before that when the sentence between holds no figure (江苏
    /// 检察院 2019: 1.公共安全(类)支出16,593.12万元。主要用于…支出。与上年相比增加134.37万元).
    private static func thisYear(among before: [Int], change k: Int, in placed: [Placed]) -> Int? {
        let candidates = before.filter { !isEarlier(placed[$0]) && !placed[$0].isShareBase }
        guard var current = candidates.first else { return nil }
        // 维护费7,634.75万元（其中：…运行维护费5,297.40万元），比年初预算增加1833.7万元: a part in an
        // aside is not what a change after the aside is of, where the sentence gives the whole.
        if placed[current].inAside, !placed[k].inAside,
           let whole = candidates.first(where: { !placed[$0].inAside && placed[$0].sentence == placed[k].sentence }) {
            current = whole
        }
        if placed[current].sentence == placed[k].sentence { return current }
        let alone = !candidates.dropFirst().contains { placed[$0].sentence == placed[current].sentence }
        return alone && isSentenceBefore(current, change: k, in: placed) ? current : nil
    }

    /// Whether the figure at `j` stands in the sentence before the change at `k`'s, or in the
    /// one before that when the sentence between holds no figure.
    private static func isSentenceBefore(_ j: Int, change k: Int, in placed: [Placed]) -> Bool {
        let back = placed[k].sentence - placed[j].sentence
        return back == 1 || back == 2 && !placed.contains { $0.sentence == placed[k].sentence - 1 }
    }

    /// This year's amount for the change at `k` among several in the sentence before it (or
    /// the one before that, with no figure between), when the percent right after the change
    /// says which: the one value that change and percent fit (…公务接待费支出预算为14.5万元，
    /// 支出决算为2.9万元，完成预算的20%…；与上年相比减少1.84万元，减少38.81% → 2.9万元). None when
    /// no value fits, or more than one.
    private static func fittingThisYear(among before: [Int], change k: Int, in placed: [Placed]) -> Int? {
        fitting(among: before, change: k, in: placed) { isSentenceBefore($0, change: k, in: placed) }
    }

    /// This year's amount for the change at `k`: the nearest in its sentence (``thisYear(among:change:in:)``),
    /// unless the percent right after the change does not fit it and fits one other amount of
    /// the sentence (事业运行经费总预算安排37337407.64元，其中：…项目支出预算36849227元，同比增加
    /// 27125219.46元，增长265.6%: the total's change, not its last part's); else one in the
    /// sentences before that the percent fits (``fittingThisYear(among:change:in:)``).
    private static func currentAmount(among before: [Int], change k: Int, in placed: [Placed]) -> Int? {
        guard let nearest = thisYear(among: before, change: k, in: placed) else {
            return fittingThisYear(among: before, change: k, in: placed)
        }
        guard placed[nearest].sentence == placed[k].sentence, let (step, percent) = percentAfter(change: k, in: placed),
              let now = placed[nearest].amount, misses(now, by: step, percent: percent) else { return nearest }
        return fitting(among: before, change: k, in: placed) { placed[$0].sentence == placed[k].sentence } ?? nearest
    }

    /// The change amount at `k` and the percent right after it that says the same change.
    private static func percentAfter(change k: Int, in placed: [Placed]) -> (Money, Figure)? {
        guard k + 1 < placed.count, placed[k + 1].figure.unit == .percent, placed[k + 1].figure.change == placed[k].figure.change,
              placed[k + 1].sentence == placed[k].sentence, placed[k + 1].leadWords <= stepPercentLeadWords,
              let step = Money(placed[k].figure)
        else { return nil }
        return (step, placed[k + 1].figure)
    }

    /// The nearest of `before` where `isCandidate` holds that the change at `k` and the percent
    /// after it fit, when all that fit have one value.
    private static func fitting(among before: [Int], change k: Int, in placed: [Placed], where isCandidate: (Int) -> Bool) -> Int? {
        guard let (step, percent) = percentAfter(change: k, in: placed) else { return nil }
        let fitting = before.filter { j in
            guard isCandidate(j), !isEarlier(placed[j]), !placed[j].isShareBase, let now = placed[j].amount else { return false }
            // A rise larger than the amount leaves no base to fit, which the check lets pass.
            return fits(now, by: step, percent: percent)
        }
        guard let nearest = fitting.first, Set(fitting.map { placed[$0].figure.value }).count == 1 else { return nil }
        return nearest
    }

    /// For each figure with a change, the item it is a change of (``Figure/changeOf``): a
    /// percent right after its change amount (增加835.27万元，增长48.61%) is one of the same item;
    /// else the label of this year's amount as the check finds it (基本支出61042.17万元，比2017年
    /// 增加4824.58万元 → 基本支出); else, with no amount before it, the words of its clause before
    /// the change (公务接待费支出决算增加0.40万元). The label comes first: the clause's words
    /// hold what a comparison leaves (比2025年预算执行数增加4.92%, 与上年相比收、支预算总计各增加).
    static func changedItems(_ placed: [Placed]) -> [String?] {
        var items: [String?] = Array(repeating: nil, count: placed.count)
        for k in placed.indices where placed[k].figure.change != nil {
            if let changed = placed[k].changed {
                items[k] = changed
                continue
            }
            if placed[k].figure.unit == .percent, k >= 1, placed[k - 1].figure.change != nil,
               placed[k - 1].figure.unit != .percent, placed[k - 1].sentence == placed[k].sentence,
               placed[k].leadWords <= stepPercentLeadWords {
                items[k] = items[k - 1]
                continue
            }
            // 同比增长10.85%，增收2,798万元: the amount of the change the percent right before it states.
            if placed[k].figure.unit != .percent, k >= 1, placed[k - 1].figure.unit == .percent,
               placed[k - 1].figure.change == placed[k].figure.change, placed[k - 1].sentence == placed[k].sentence,
               placed[k].leadWords <= 1, let item = items[k - 1] {
                items[k] = item
                continue
            }
            if let compared = placed[k].compared, isItem(compared) {
                items[k] = compared
                continue
            }
            let before = amounts(before: k, in: placed)
            if placed[k].leadWords > 1, let subject = placed[k].subject, isItem(subject) {
                // 项目经费支出安排减少1134.33万元 after another item's amount: the change names its own.
                items[k] = subject
            } else if let current = currentAmount(among: before, change: k, in: placed),
               placed[current].figure.comparator == nil, let label = placed[current].figure.label {
                items[k] = label
            } else if before.isEmpty, let subject = placed[k].subject, isItem(subject) {
                items[k] = subject
            }
        }
        return items
    }

    /// Whether a change's words name an item of the accounts (公务接待费支出决算, 外事经费专项):
    /// not what else a clause holds before its change (增减相抵后, 主要原因是…经费统一压 of 压减,
    /// 死亡人数同 of 同比 that the segmenter split as 同 / 比分).
    private static func isItem(_ subject: String) -> Bool {
        // On the bytes: a Character suffix test of each ending cost 40 M instructions a 10 MB report.
        endsAsItem(subject) && !subject.contains(utf8: "原因")
    }

    /// Whether `text` ends as the name of an item of money does (…支出, …经费, …总计).
    static func endsAsItem(_ text: String) -> Bool { itemEndings.contains { text.hasSuffix(utf8: $0) } }

    /// How the name of an item of money ends.
    static let itemEndings = ["费", "支出", "收入", "决算", "预算", "经费", "资金", "数", "专项", "总计", "合计", "安排", "税收", "非税",
                              "费用", "奖金", "接待", "总体", "总收支", "拨款收支", "基金", "结余"]

    /// A warning when `percent` is not the change `step` (in the percent's direction) made to
    /// reach `now`; `nowText` names `now` in the message.
    private static func checkChange(to now: Money, by step: Money, percent: Figure, nowText: String? = nil) -> Diagnostic? {
        let increase = percent.change == .increase
        let signed = increase ? step : step.negated
        let base = now - signed
        return misfit(percent, change: signed, from: base).map {
            let nowText = nowText ?? now.text
            return warning(percent, "\(stated(percent)) does not follow: from \(base.text) (\(nowText) \(increase ? "less" : "plus") "
                        + "\(step.text)) to \(nowText) is \($0)")
        }
    }

    /// A warning when `percent` is not the change `step` (in the percent's direction) made from
    /// `base`; `baseText` names `base` in the message.
    private static func checkChange(from base: Money, by step: Money, percent: Figure, baseText: String) -> Diagnostic? {
        let increase = percent.change == .increase
        return misfit(percent, change: increase ? step : step.negated, from: base).map {
            warning(percent, "\(stated(percent)) does not follow: from \(baseText), a year before, \(increase ? "plus" : "less") "
                        + "\(step.text) is \($0)")
        }
    }

    /// 执行数为60.41万元，2026年预算安排227.88万元，比2025年增加277.22%: the year before is the
    /// amount labelled 上年; else either order will do, as the years' order varies.
    private static func checkPair(_ first: Placed, _ second: Placed, percent: Figure) -> Diagnostic? {
        guard let a = first.amount, let b = second.amount else { return nil }
        if isEarlier(second) { return checkYears(b, a, percent: percent) }
        if isEarlier(first) { return checkYears(a, b, percent: percent) }
        guard let forward = misfit(percent, change: b - a, from: a), let backward = misfit(percent, change: a - b, from: b) else {
            return nil
        }
        return warning(percent, "\(stated(percent)) does not follow: from \(a.text) to \(b.text) is \(forward), "
                           + "and from \(b.text) to \(a.text) \(backward)")
    }

    /// A warning when `percent` is not the change from `then` to `now`.
    private static func checkYears(_ then: Money, _ now: Money, percent: Figure) -> Diagnostic? {
        misfit(percent, change: now - then, from: then).map {
            warning(percent, "\(stated(percent)) does not follow: from \(then.text) to \(now.text) is \($0)")
        }
    }

    /// What `change` (signed: a fall is below zero) of `base` is when `percent` is not it, to
    /// the rounding of each: a rise of 48.61%; nil when it is, or when it cannot be worked out
    /// (a percent of more than six decimals or twelve digits).
    private static func misfit(_ percent: Figure, change: Money, from base: Money) -> String? {
        miss(percent, change: change, from: base).map { hundredths in
            let direction = direction(change.units < 0 ? .decrease : .increase)
            return hundredths.map { "\(direction) of \(Money.decimal($0, per: 100))%" } ?? "\(direction) from zero, which has no percent"
        }
    }

    /// Whether `percent` is the change `step` (in the percent's direction) made to reach `now`,
    /// from an amount above zero: ``checkChange(to:by:percent:nowText:)`` without its words,
    /// for choosing among amounts.
    private static func fits(_ now: Money, by step: Money, percent: Figure) -> Bool {
        let signed = percent.change == .increase ? step : step.negated
        let base = now - signed
        return base.low > 0 && miss(percent, change: signed, from: base) == nil
    }

    /// Whether ``checkChange(to:by:percent:nowText:)`` has a warning, without making it.
    private static func misses(_ now: Money, by step: Money, percent: Figure) -> Bool {
        let signed = percent.change == .increase ? step : step.negated
        return miss(percent, change: signed, from: now - signed) != nil
    }

    /// ``misfit(_:change:from:)`` in numbers: nil when the percent fits; else what it should
    /// be in hundredths of a percent, or nil inside when the base is zero. The percent may be
    /// `lastDigits` units of its last digit off.
    private static func miss(_ percent: Figure, change: Money, from base: Money, lastDigits: Int64 = 1) -> Int64?? {
        guard let (digits, decimals) = Money.digits(of: percent.text), let scale = Money.power(of: decimals) else { return nil }
        if base.low <= 0 && base.high >= 0 {
            // From nothing no percent follows (增加0.40万元，增长100% with 0.40万元 this year).
            guard digits != 0 || change.units != 0 else { return nil }
            return .some(nil)
        }
        // A base below zero: the amounts read are not the ones the change is of.
        guard base.low > 0 else { return nil }
        // Some change c and base b within their rounding give a percent p within its last digit
        // (p = P/10^d) when 100c − pb = 0 somewhere in their ranges: when 100·10^d·c − P·b, at
        // their middles, is no further from 0 than it can move: 100·10^d·slack(c) + |P|·slack(b)
        // + (b + slack(b)), the last digit of p times the largest b.
        // In 128 bits, so that national figures (51304.03亿元, 10^15 half-fen) fit the products: a
        // percent of up to six decimals and 10^12 in its digits keeps each term below 10^32.
        guard decimals <= 6, digits.magnitude <= 1_000_000_000_000 else { return nil }
        let hundred = Int128(100 * scale)
        let stated = Int128(percent.change == .decrease ? -digits : digits)
        let gap = hundred * Int128(change.units) - stated * Int128(base.units)
        let reach = hundred * Int128(change.slack) + Int128(digits.magnitude) * Int128(base.slack) + Int128(lastDigits) * Int128(base.high)
        guard gap.magnitude > reach.magnitude else { return nil }
        // 10000c/b to the nearest whole, in hundredths of a percent.
        guard let hundredths = Int64(exactly: (20_000 * Int128(change.units.magnitude) + Int128(base.units)) / (2 * Int128(base.units)))
        else { return nil }
        return .some(hundredths)
    }

    private static func warning(_ percent: Figure, _ message: String) -> Diagnostic {
        Diagnostic(severity: .warning, code: "change-percent", message: message, line: percent.line)
    }

    private static func direction(_ change: Figure.Change?) -> String { change == .decrease ? "a fall" : "a rise" }

    /// A rise of 48.16%, a fall of 4.51%: the percent with the direction its sentence gives it.
    private static func stated(_ percent: Figure) -> String { "\(direction(percent.change)) of \(percent.text)" }

    private static let lastYearLabels: Set<String> = ["上年", "上年度", "去年", "同期", "上年同期", "去年同期"]

    /// Last year's amount, or another that a change is from (``Placed/isComparedBase``).
    private static func isEarlier(_ placed: Placed) -> Bool {
        placed.isComparedBase || placed.figure.label.map(lastYearLabels.contains) ?? false
    }
}

extension ChangeCheck {
    /// Finds, in document order, the amounts of the changes whose paragraph does not give
    /// them: the last amount of the body text before the change whose label opens the
    /// change's subject (公务接待费 0.40万元 for 公务接待费支出决算增加0.40万元), the longest such
    /// label of four characters or more.
    struct Resolver {
        /// The last amount of the body text under each label, with no change word or comparator,
        /// and its paragraph's text.
        private var amounts: [String: (figure: Figure, paragraph: String)] = [:]
        /// The last labelled amounts of the body text, newest last (64 at least; the last 64 are
        /// looked at): the wholes of shares that a label does not name exactly (占总支出的 for
        /// 支出合计), or a short one (总收入).
        private var recent: [Figure] = []
        private static let recentAmounts = 64
        /// The last amount of a paragraph that ends opening a list (…合计27664.22万元，其中：), while
        /// the amounts after it are the parts of shares: the whole of the shares that name none.
        private var listHead: Figure?

        /// The warnings of the changes `opens` of a run of paragraphs whose figures, by line,
        /// are `figures`, and whose paragraphs with figures are `paragraphs`; the run's amounts
        /// are kept for the runs after it, each with its paragraph's text.
        mutating func diagnostics(figures: [Figure], opens: [Open], paragraphs: [FiguresParagraph]) -> [Diagnostic] {
            var diagnostics: [Diagnostic] = []
            var next = 0
            var paragraph = FiguresParagraph.Cursor(paragraphs)
            let parts = Set(opens.compactMap { open in
                if case .share(_, let part, _) = open { PartKey(part) } else { nil }
            })
            for open in opens {
                while next < figures.count, figures[next].line < open.percent.line {
                    remember(figures[next], in: paragraph.text(ofLine: figures[next].line), parts: parts)
                    next += 1
                }
                let subject: String, step: Figure
                switch open {
                case .change(let changed, let stepFigure, _): (subject, step) = (changed, stepFigure)
                case .share(let share, let part, let percent):
                    if let found = shareWarning(share, part: part, percent: percent) { diagnostics.append(found) }
                    continue
                }
                guard let (figure, amountParagraph) = amount(of: subject), let amount = Money(figure), let step = Money(step)
                else { continue }
                let place = "\(figure.text) of line \(figure.line)"
                // 二、2021年“三公”经费决算情况 … 公务接待12.39万元 and, in a 2022 budget's paragraph,
                // 公务接待较上年同期减少0.58万元，减少4.68%: an amount of an earlier year is what the
                // change is from. The years are read here, for the few changes so checked; the
                // figures still to remember stand at or after the change, so the cursor moves on.
                let found = if let year = FiguresParagraph.latestYear(in: amountParagraph),
                               let changeYear = FiguresParagraph.latestYear(in: paragraph.text(ofLine: open.percent.line)), year < changeYear {
                    ChangeCheck.checkChange(from: amount, by: step, percent: open.percent, baseText: place)
                } else {
                    ChangeCheck.checkChange(to: amount, by: step, percent: open.percent, nowText: place)
                }
                if let found { diagnostics.append(found) }
            }
            for figure in figures[next...] { remember(figure, in: paragraph.text(ofLine: figure.line), parts: parts) }
            return diagnostics
        }

        /// The warning of a share whose paragraph does not give its whole: for a share naming
        /// none, the list's head; else the last amount labelled as named (``Share/names``), or,
        /// failing that, whose label ends with the name (透露当期全国政府采购规模 for 全国政府采购规模);
        /// else, for a total, the last amount of each label that names the same total (支出合计
        /// or 支出总计 for 总支出, 财政支出 for 财政支出总量), warned only where it is none of them
        /// (a 决算's 本年支出合计 and 支出总计 differ by the year's balances).
        /// An amount below the part is no whole of it: one of another year or section, so named.
        private func shareWarning(_ share: Share, part: Figure, percent: Figure) -> Diagnostic? {
            guard let least = Money(part)?.low else { return nil }
            func mayBeWhole(_ whole: Figure) -> Bool { Money(whole).map { $0.high >= least } ?? false }
            if share == .unnamed {
                return listHead.flatMap { mayBeWhole($0) ? ChangeCheck.shareWarning(percent, part: part, whole: $0) : nil }
            }
            // By the label itself first, a hash away; else among the recent amounts, newest first
            // (by index: no copy of each figure).
            let recentFirst = recent.indices.reversed().prefix(Self.recentAmounts)
            if let named = share.names.lazy.compactMap({ amounts[$0]?.figure }).first
                ?? recentFirst.first(where: { share.isNamed(by: recent[$0].label) }).map({ recent[$0] }) {
                return mayBeWhole(named) ? ChangeCheck.shareWarning(percent, part: part, whole: named) : nil
            }
            // Else, for a total, the amounts labelled as the same total, each of its label's last
            // (支出合计 for 总支出), and the base alone where it names one thing (财政支出 for 财政
            // 支出总量; 支出 alone is as often a year's: 永州's 2020年度支出为1718.25万元 a line before
            // 占总支出的); warned only where the share is of none of them. Not an amount whose label
            // only ends the name: 采购规模达35861.4亿元 is no 服务类采购规模.
            guard case .named(let name) = share, share.namesTotal else { return nil }
            let base = Share.totalBase(name)
            let baseNames = base.unicodeScalars.count >= 4
            var found: Diagnostic? = nil
            var seen: [String] = []
            for k in recentFirst {
                guard let label = recent[k].label,
                      baseNames && label.utf8.elementsEqual(base.utf8) || Share.isTotal(label) && Share.totalBase(label).utf8.elementsEqual(base.utf8),
                      !seen.contains(where: { $0.utf8.elementsEqual(label.utf8) }) else { continue }
                seen.append(label)
                guard mayBeWhole(recent[k]) else { continue }
                guard let warning = ChangeCheck.shareWarning(percent, part: part, whole: recent[k]) else { return nil }
                found = found ?? warning
            }
            return found
        }

        /// Whether `paragraph` ends with a colon (：, EF BC 9A, or :), spaces aside.
        private static func opensList(_ paragraph: String) -> Bool {
            var paragraph = paragraph
            return paragraph.withUTF8 { bytes in
                var end = bytes.count
                while end > 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
                return end >= 1 && bytes[end - 1] == UInt8(ascii: ":")
                    || end >= 3 && (bytes[end - 3], bytes[end - 2], bytes[end - 1]) == (0xEF, 0xBC, 0x9A)
            }
        }

        /// A share's part, told apart from the other figures by its line and spelling.
        private struct PartKey: Hashable {
            var line: Int
            var text: String
            init(_ figure: Figure) { (line, text) = (figure.line, figure.text) }

            // By the bytes: String's own hash and == normalize the text first.
            func hash(into hasher: inout Hasher) {
                hasher.combine(line)
                hasher.combine(text.utf8.count)
            }

            static func == (a: PartKey, b: PartKey) -> Bool { a.line == b.line && a.text.utf8.elementsEqual(b.text.utf8) }
        }

        /// Labels are short (the longest of the corpus's body text has 19 characters): a subject
        /// is looked up by its first 32 at most, so that a clause of thousands of words costs no
        /// more than a short one. A change's subject by four characters at least.
        private static let longestLabel = 32
        private static let shortestSubject = 4

        private mutating func remember(_ figure: Figure, in paragraph: String, parts: Set<PartKey>) {
            guard figure.unit != .percent, figure.change == nil, figure.comparator == nil, figure.cell == nil else { return }
            if parts.isEmpty || !parts.contains(PartKey(figure)) {
                listHead = Self.opensList(paragraph) ? figure : nil
            }
            guard let label = figure.label else { return }
            let length = label.unicodeScalars.count
            guard (2...Self.longestLabel).contains(length) else { return }
            if recent.count == 2 * Self.recentAmounts { recent.removeFirst(Self.recentAmounts) }
            recent.append(figure)
            if length >= Self.shortestSubject { amounts[label] = (figure, paragraph) }
        }

        private func amount(of subject: String) -> (figure: Figure, paragraph: String)? {
            var prefix = Substring(subject.unicodeScalars.prefix(Self.longestLabel))
            while prefix.unicodeScalars.count >= Self.shortestSubject {
                if let figure = amounts[String(prefix)] { return figure }
                prefix = prefix.dropLast()
            }
            return nil
        }
    }
}

extension ChangeCheck {
    /// A paragraph that has figures, for ``Resolver`` to read the years of an amount's
    /// paragraph and a change's.
    struct FiguresParagraph: Sendable {
        var line: Int
        var text: String

        /// The paragraphs' texts by the lines of their figures, in order.
        struct Cursor {
            private let paragraphs: [FiguresParagraph]
            private var k = 0

            init(_ paragraphs: [FiguresParagraph]) { self.paragraphs = paragraphs }

            /// The text of the paragraph `line` stands in: the last that starts at or before it.
            /// Lines are asked in order, so the cursor only moves on.
            mutating func text(ofLine line: Int) -> String {
                while k + 1 < paragraphs.count, paragraphs[k + 1].line <= line { k += 1 }
                return k < paragraphs.count && paragraphs[k].line <= line ? paragraphs[k].text : ""
            }
        }

        /// The latest year the text names (`String.namedYears`).
        static func latestYear(in text: String) -> Int? { text.namedYears.max() }
    }
}

/// An amount as a whole number of half-fen (0.005 元), with the range its rounding allows.
/// Half-fen, as half a unit of a last digit in fen (0.01 元) is the finest slack a figure
/// needs; whole numbers, as a Decimal operation costs thousands of instructions.
struct Money {
    var units: Int64
    /// Half a unit of the last digit written.
    var slack: Int64
    /// The unit the amount was written in.
    var unit: Figure.Unit
    /// The figure as written; for an amount worked out, its value in `unit`.
    var text: String

    var low: Int64 { units - slack }
    var high: Int64 { units + slack }
    var negated: Money { Money(units: -units, slack: slack, unit: unit) }

    init(units: Int64, slack: Int64, unit: Figure.Unit, text: String? = nil) {
        self.units = units
        self.slack = slack
        self.unit = unit
        self.text = text ?? Money.decimal(units, per: Money.halfFen(per: unit)) + unit.rawValue
    }

    /// The amount of a money figure written in digits, nil for a percent, a figure written
    /// finer than a fen or in words, or one too large.
    init?(_ figure: Figure) {
        guard figure.unit != .percent, let (digits, decimals) = Money.digits(of: figure.text),
              let power = Money.power(of: decimals)
        else { return nil }
        let perUnit = Money.halfFen(per: figure.unit)
        guard perUnit % power == 0, var units = Money.product(digits, perUnit / power) else { return nil }
        var slack = perUnit / power / 2
        // 3.5千元, 21.7万亿元, a 单位：千元 table's 2,940.05: the value is the number written times
        // a power of ten, and so is the amount.
        let written = Decimal(sign: digits < 0 ? .minus : .plus, exponent: -decimals, significand: Decimal(digits.magnitude))
        if written != figure.value {
            guard let scale = (1...12).lazy.compactMap(Money.power(of:)).first(where: { written * Decimal($0) == figure.value }),
                  let scaledUnits = Money.product(units, scale), let scaledSlack = Money.product(slack, scale) else { return nil }
            (units, slack) = (scaledUnits, scaledSlack)
        }
        // At most 2^60 half-fen (about 6·10^15 元), so that sums and differences of a few fit.
        guard units.magnitude <= 1 << 60 else { return nil }
        self.init(units: units, slack: slack, unit: figure.unit, text: figure.text)
    }

    static func - (a: Money, b: Money) -> Money {
        Money(units: a.units - b.units, slack: a.slack + b.slack, unit: a.unit)
    }

    /// Whether the ranges of the two amounts meet.
    func overlaps(_ other: Money) -> Bool { other.low <= high && low <= other.high }

    private static func halfFen(per unit: Figure.Unit) -> Int64 {
        switch unit {
        case .yuan: 200
        case .tenThousandYuan: 2_000_000
        case .hundredMillionYuan: 20_000_000_000
        case .percent: 1
        }
    }

    /// The number a figure's text writes, as its digits and the count of them after the point
    /// (2553.52万元 → 255352, 2; ４８．１６% → 4816, 2); nil for one written in words, or too long.
    static func digits(of text: String) -> (Int64, decimals: Int)? {
        var digits: Int64 = 0
        var decimals: Int?
        var negative = false
        var seen = false
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) {
                guard let shifted = product(digits, 10) else { return nil }
                digits = shifted + Int64(scalar.value - (scalar.isASCII ? 0x30 : 0xFF10))
                seen = true
                decimals = decimals.map { $0 + 1 }
            } else if scalar == "." || scalar == "．" {
                guard decimals == nil else { return nil }
                decimals = 0
            } else if scalar == "-", !seen {
                negative = true
            } else if seen, scalar != "," {
                break  // the unit, or a space before it
            }
        }
        return seen ? (negative ? -digits : digits, decimals ?? 0) : nil
    }

    /// 10^n, nil beyond 10^18.
    static func power(of n: Int) -> Int64? {
        n <= 18 ? (0..<n).reduce(1) { value, _ in value * 10 } : nil
    }

    /// a·b, nil when it does not fit.
    static func product(_ a: Int64, _ b: Int64) -> Int64? {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : result
    }

    /// `units` over `per` as a decimal, without trailing zeros (4861 per 100 → 48.61; 42 per 2 → 21).
    static func decimal(_ units: Int64, per: Int64) -> String {
        var rest = units.magnitude % per.magnitude
        var text = (units < 0 ? "-" : "") + String(units.magnitude / per.magnitude)
        if rest != 0 { text += "." }
        while rest != 0 {
            rest *= 10
            text += String(rest / per.magnitude)
            rest %= per.magnitude
        }
        return text
    }
}

extension ChangeCheck.Placed {
    /// This figure's amount, when it is one with no change word of its own and no comparator.
    var amount: Money? { figure.change == nil && figure.comparator == nil ? Money(figure) : nil }
}
