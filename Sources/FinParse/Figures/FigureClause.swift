import FoundationEssentials

/// The tokens of the clause before a figure, and what they say about it: its
/// comparator, its direction of change and its label.
///
/// The clause runs back from the figure to the nearest clause mark (，。；：、), or
/// to the previous figure. No phrase list of one report is involved: labels are
/// the clause's words with the connecting words around the item taken off.
struct FigureClause {
    /// Tokens that close a clause.
    static let boundaries: WordSet = ["，", ",", "。", "；", ";", "：", ":", "、", "!", "！", "?", "？"]

    /// Every boundary is a punctuation token: other tokens need no string lookup.
    static func isBoundary(_ token: ClauseToken) -> Bool { token.kind == .punctuation && boundaries.contains(token.text) }

    static let increaseWords: WordSet = ["增加", "增长", "上升", "提高", "增", "增幅", "涨幅", "增收", "增支", "增值", "上涨"]
    static let decreaseWords: WordSet = ["减少", "下降", "降低", "减", "下滑", "降幅", "减幅", "减收", "减支", "压缩"]
    /// What 增 and 减 may change in one word (增收, 减支), which ICU may part in two, and what a
    /// verb of change may have right after it (减少支出0.88亿元).
    private static let revenueOrSpending: WordSet = ["收", "支", "收入", "支出"]

    /// Words that link an item to its figure (基本支出为…, 主要包括基本工资…): the
    /// label is the words after the last of them, or before it when none follow.
    static let linkingWords = WordSet([
        "为", "是", "达", "达到", "包括", "其中", "用于", "占", "较", "比", "比上", "约", "近", "计", "共计", "共",
        "完成", "实现", "安排", "主要", "分别", "同比", "均", "开支", "投入", "拨付", "下达", "争取", "获得",
        "筹集", "节约", "收取", "至", "主要是", "增拨", "追加", "情况", "说明", "将近", "接近", "约占", "大约", "由", "从", "了", "相比", "加上", "减去",
        // 收入累计完成61646万元; a source's words before the item (财政部国库司透露当期全国政府采购规模为…).
        "累计", "透露", "显示", "获悉", "公布",
    ] + ordinalWords)

    /// The ordinals that list reasons or measures (一是…，二是…), as ICU reads them.
    private static let ordinalWords: [Word] = ["一是", "二是", "三是", "四是", "五是", "六是"]
    static let ordinals = WordSet(ordinalWords)

    /// Where an ordinal (一是, or 二 / 是 as ICU parts it) ends in `words`.
    static func ordinalEnd(in words: [Word]) -> Int? {
        words.indices.first { i in
            ordinals.contains(words[i])
                || words[i] == shi && i > 0 && words[i - 1].string.unicodeScalars.count == 1
                    && words[i - 1].string.unicodeScalars.allSatisfy(ChineseNumeral.isNumeral)
        }
    }
    private static let shi: Word = "是"

    /// Linking verbs that, right before a figure, say it was allotted (财政拨付, 中央下达).
    static let allotments: WordSet = ["拨付", "下达", "追加", "增拨"]

    /// Words that turn the verb before them into a measured item (完成率, 执行数, 均价).
    static let rateWords: WordSet = ["率", "数", "额", "值", "量", "价"]

    /// Measure words that follow a count (1166辆, 3个): never the head of an item.
    static let measureWords: WordSet = ["个", "辆", "处", "名", "人", "家", "台", "起", "次", "项", "条", "所", "件", "户", "余", "万", "亿"]

    /// Words of time and scope that open a clause without naming the item.
    static let scopeWords: WordSet = [
        "本年", "本年度", "上年", "当年", "全年", "今年", "本期", "同期", "本部门", "本单位", "我局", "本局",
        "我单位", "我", "截至", "截止", "去年", "年度", "年", "月", "日", "末", "底", "本", "上", "部门", "单位", "我市", "全市", "年底", "年末",
        "月份", "当期", "全区",
    ]

    /// The scope words that name the year before, ending at `end`: 上年, 上年度, 去年 同期, and
    /// 上年 that ICU parts 比上 / 年.
    private static func previousPeriod(endingAt end: Int, in words: [Word]) -> String? {
        let last = words[end - 1]
        let before = end >= 2 ? words[end - 2] : nil
        if previousYears.contains(last) { return last.string }
        if sameTime.contains(last) {
            guard let before, previousYears.contains(before) else { return last.string }
            return before.string + last.string
        }
        if years.contains(last), let before, before.string.hasSuffix("上") { return "上" + last.string }
        return nil
    }

    private static let previousYears: WordSet = ["上年", "上年度", "去年"]
    private static let sameTime: WordSet = ["同期"]
    private static let years: WordSet = ["年", "年度"]

    /// The scope words that follow a number (2024年): never part of an item.
    static let timeUnits: WordSet = ["年", "月", "日"]

    /// Words that state a comparison before a figure.
    static let comparatorWords: [Word: Comparator] = [
        "不低于": .greaterOrEqual, "不少于": .greaterOrEqual, "不小于": .greaterOrEqual, "大于等于": .greaterOrEqual,
        "至少": .greaterOrEqual, "不高于": .lessOrEqual, "不超过": .lessOrEqual, "不大于": .lessOrEqual,
        "小于等于": .lessOrEqual, "至多": .lessOrEqual, "大于": .greater, "高于": .greater, "超过": .greater,
        "小于": .less, "低于": .less, "最高": .lessOrEqual, "最多": .lessOrEqual, "最低": .greaterOrEqual,
        "最少": .greaterOrEqual, "不足": .less, "不到": .less, "少于": .less, "多于": .greater, "逾": .greater,
        "未超过": .lessOrEqual, "超出": .greater, "超": .greater, "未达到": .less, "未达": .less,
    ]

    let tokens: [ClauseToken]
    let start: Int
    /// The comparison phrase right before the figure (不低于), read once for both its
    /// comparator and where the label ends.
    private let phrase: (comparator: Comparator, start: Int)?
    let figureStart: Int

    init(tokens: [ClauseToken], figureStart: Int, previousEnd: Int?) {
        self.tokens = tokens
        self.figureStart = figureStart
        var k = figureStart
        let floor = (previousEnd ?? -1) + 1
        func stretchBack() {
            while k > floor, !Self.isBoundary(tokens[k - 1]) || Self.pairsItems(at: k - 1, in: tokens) { k -= 1 }
        }
        stretchBack()
        // 预算金额：100万元: a figure right after a colon is the value of what the words before it name.
        if k == figureStart, k - 1 > floor, Self.colons.contains(tokens[k - 1].text) {
            k -= 1
            stretchBack()
        }
        // 结余率(计算方法为:结余数/预算数)≤5%: a mark inside an aside ends no clause.
        if let close = tokens[k..<figureStart].firstIndex(where: Self.isClosingParen),
           !tokens[k..<close].contains(where: Self.isOpeningParen),
           let open = tokens[floor..<k].lastIndex(where: Self.isOpeningParen) {
            k = open
            stretchBack()
        }
        start = k
        phrase = Self.comparatorPhrase(in: tokens, before: figureStart, from: k)
    }

    /// 财政拨款收、支总预算, 收入、支出预算总计: a 、 written against 收入 and 支出, or against two
    /// characters that are each a word of one character, pairs them in one item (收支, 收入支出)
    /// rather than ending a clause. Not when the first character is the end of a name ICU cut
    /// in two (援藏、援疆、援青经费: 援 / 疆).
    private static func pairsItems(at i: Int, in tokens: [ClauseToken]) -> Bool {
        guard tokens[i].text == enumerationComma, i > 0, i + 1 < tokens.count else { return false }
        let before = tokens[i - 1], after = tokens[i + 1]
        func isCharacter(_ token: ClauseToken) -> Bool { token.kind == .word && token.text.string.unicodeScalars.count == 1 }
        let paired = isCharacter(before) && isCharacter(after) && !(i >= 2 && isCharacter(tokens[i - 2]))
            || before.text == income && after.text == expenditure
        return paired && before.range.upperBound == tokens[i].range.lowerBound && tokens[i].range.upperBound == after.range.lowerBound
    }

    // Made once, as the Words below: a Word literal is hashed each time it is made.
    private static let income: Word = "收入"
    private static let expenditure: Word = "支出"
    private static let enumerationComma: Word = "、"
    private static let each: Word = "各"
    private static let revenue: Word = "收", spending: Word = "支"
    private static let renmin: Word = "人民"
    private static let bi: Word = "币"
    /// What joins a figure to the one before it in a list; of them, what joins numbers that
    /// share a unit.
    private static let listJoiners: WordSet = ["、", "和", "及", "与", ",", "，"]
    static let listSeparators: WordSet = ["、", ",", "，"]
    private static let commas: WordSet = [",", "，"]
    private static let complete: Word = "完成"
    /// 预算, 预算数, 年初预算数 (as ICU parts them, 预算 / 数 too): what a share carried out is of.
    private static func namesBudget(_ item: [Word]) -> Bool {
        let text = item.map(\.string).joined()
        return text.hasSuffix("预算") || text.hasSuffix("预算数")
    }

    /// Whether the figure is a percent: its number right before a % sign.
    private var isPercent: Bool { figureStart + 1 < tokens.count && tokens[figureStart + 1].kind == .percentSign }
    private static let proportions: WordSet = ["比重", "比例"]
    private static let copulas: WordSet = ["为", "是"]
    private static let colons: WordSet = [":", "："]
    private static let steady: Word = "稳", negative: Word = "负"
    private static let including: Word = "含"

    /// The clause between the previous figure and this one is only 、 (or 和/及), or a comma
    /// after a number that shares this figure's unit: a list of figures read alike.
    var continuesList: Bool {
        let before = figureStart - 1
        guard before >= 0 else { return false }
        let joiner = tokens[before].text
        guard before >= 1, Self.listJoiners.contains(joiner) else { return false }
        let previous = tokens[before - 1].kind
        // 3125.40，3143.90万元, 12.5、13.6万元: a number before the joiner shares this figure's unit.
        if previous == .number { return Self.listSeparators.contains(joiner) }
        guard previous == .percentSign || previous == .unit else { return false }
        // 下降23.5%，38.3%。: after a comma, a figure in the same unit with nothing after it but
        // punctuation (not 50万元用于…, a figure of its own).
        guard Self.commas.contains(joiner) else { return true }
        let after = figureStart + 2
        return after <= tokens.count && tokens[figureStart + 1].kind == previous && tokens[figureStart + 1].text == tokens[before - 1].text
            && (after == tokens.count || tokens[after].kind == .punctuation)
    }

    /// 基本支出、项目支出分别为1140.27万元、3003.64万元: the items before 分别, each naming a
    /// figure of the list in turn; nil unless the words between 分别 and this, the list's first
    /// figure, are only 为, 是 or 达, and the items are as many as the list's numbers, told
    /// apart by 、 (公务用车购置及运行维护费 is one item) or, where that does not give as many,
    /// by 和, 及 and 与 too (人员经费和公用经费分别是…). The last item keeps what it may
    /// share with the others (中央预算单位、地方预算单位政府采购规模 → 中央预算单位,
    /// 地方预算单位政府采购规模): which of its words are shared, the sentence does not say.
    /// So are the two totals of 收、支 paired before 各 (``eachOfPair(before:)``).
    func respectiveItems() -> [String]? {
        var k = figureStart - 1
        while k >= start, tokens[k].kind == .word, Self.copulasAfterRespectively.contains(tokens[k].text) { k -= 1 }
        // 基本支出和项目支出分别占支出总计的60.5%和39.5%: the shares of the items in turn, not of
        // the whole they are shares of.
        if isPercent, k >= start, tokens[k].text != Self.respectively, let share = sharedAfterRespectively { k = share - 1 }
        return items(inTurnBefore: k)
    }

    /// Where 占 stands right after the clause's 分别, when it does (分别占收入总计的83.3%).
    private var sharedAfterRespectively: Int? {
        guard let share = tokens[start..<figureStart].firstIndex(where: { $0.kind == .word && $0.text == Self.share }),
              share > start, tokens[share - 1].text == Self.respectively else { return nil }
        return share
    }

    /// 基本支出、项目支出分别增长10%、20%, 分别比上年同期增长…, 收、支总计各减少…: the items a
    /// list of changes is of in turn, as ``respectiveItems()`` reads them; their labels are
    /// their verbs.
    var itemsChangedInTurn: [String]? {
        var k = figureStart - 1
        guard k > start, Self.increaseWords.contains(tokens[k].text) || Self.decreaseWords.contains(tokens[k].text) else { return nil }
        k -= 1
        while k > start, tokens[k].kind == .number || Self.comparisons.contains(tokens[k].text) || Self.periodWords.contains(tokens[k].text) {
            k -= 1
        }
        // 事故起数、死亡人数同比下降17.32%、17.6%: items a 、 lists, as many as the changes, need no 分别.
        return items(inTurnBefore: k, unmarked: tokens[k].text != Self.each && tokens[k].text != Self.respectively)
    }

    /// The items before 分别 or 各 at `k` (or, `unmarked`, up to `k`, told apart by 、 only) that
    /// a list of figures starting here is of in turn.
    private func items(inTurnBefore k: Int, unmarked: Bool = false) -> [String]? {
        guard k >= start else { return nil }
        if unmarked {
            // Asked of every change: items that no 、 runs back from, or a list of one, cut short.
            guard start >= 2, tokens[start - 1].text == Self.enumerationComma else { return nil }
        } else {
            if tokens[k].text == Self.each { return eachOfPair(before: k) }
            guard tokens[k].text == Self.respectively else { return nil }
        }
        guard listLength >= 2 else { return nil }
        // The items run back over 、 (a clause boundary) to the clause's last other boundary.
        var first = start
        while first >= 2, tokens[first - 1].text == Self.enumerationComma, tokens[first - 2].kind == .word {
            first -= 1
            while first > 0, tokens[first - 1].kind == .word || tokens[first - 1].kind == .punctuation && !Self.isBoundary(tokens[first - 1]) {
                first -= 1
            }
        }
        // 教育支出、文化旅游体育与传媒支出、卫生健康支出和农林水支出: 、 between the items, and
        // the last two joined by 和 (or 及, 与) where that gives as many.
        // 死亡人数同比分别下降: what the list is compared with is no part of its last item.
        var end = unmarked ? k + 1 : k
        while end > first, Self.comparisons.contains(tokens[end - 1].text) || Self.periodWords.contains(tokens[end - 1].text) { end -= 1 }
        // 一般公共预算支出占全国财政支出和GDP的比重分别为12.5%、3.2%: what 占 joins are the wholes
        // the shares are of, not items of the list; its share is the one item.
        if tokens[first..<end].contains(where: { $0.kind == .word && $0.text == Self.share }) { return nil }
        func items(joinedBy joiners: WordSet, lastJoined: Bool = false) -> [String]? {
            var groups: [[Word]] = [[]]
            for token in tokens[first..<end] {
                if joiners.contains(token.text) {
                    groups.append([])
                } else if token.kind == .word {
                    groups[groups.count - 1].append(token.text)
                }
            }
            if lastJoined {
                guard let last = groups.last, let and = last.lastIndex(where: Self.andWords.contains) else { return nil }
                groups[groups.count - 1] = Array(last[..<and])
                groups.append(Array(last[(and + 1)...]))
            }
            let items = groups.map { Self.tidy(Self.trimScope($0[...])) ?? "" }
            return items.count == listLength && !items.contains("") ? items : nil
        }
        if unmarked { return items(joinedBy: Self.commaJoiner) }
        return items(joinedBy: Self.commaJoiner) ?? items(joinedBy: Self.commaJoiner, lastJoined: true) ?? items(joinedBy: Self.itemJoiners)
    }

    /// 收、支总计各是4125.49，4143.91万元, 收、支总计各减少1267.86，2570.97万元: 收 and 支 paired
    /// before 各 (at `each`), each a total of its own (收入总计, 支出总计), in a list of two numbers;
    /// so are 收入 and 支出 (收入、支出总计各增加…).
    private func eachOfPair(before each: Int) -> [String]? {
        guard listLength == 2,
              let pair = (start..<max(start, each - 2)).last(where: {
                  (tokens[$0].text == Self.revenue || tokens[$0].text == Self.income) && tokens[$0 + 1].text == Self.enumerationComma
                      && (tokens[$0 + 2].text == Self.spending || tokens[$0 + 2].text == Self.expenditure)
              }) else { return nil }
        let rest = tokens[(pair + 3)..<each].lazy.filter { $0.kind == .word }.map(\.text.string).joined()
        return ["收入" + rest, "支出" + rest]
    }

    /// 占全国政府采购规模的8.1%和91.9%: whether the clause states shares, in a list of `count`
    /// numbers (two or more) that starts with this figure.
    func isShare(listOf count: Int) -> Bool {
        guard count >= 2, listLength == count, let first = tokens[start..<figureStart].firstIndex(where: { $0.kind == .word }) else { return false }
        // …分别为1000万元、200万元，分别占收入总计的83.3%、16.7%: 分别 before the 占 too.
        return tokens[first].text == Self.share || tokens[first].text == Self.respectively && sharedAfterRespectively == first + 1
    }

    /// How many numbers the list that starts with this figure holds: numbers, each with its
    /// unit or % or none, joined by 、, 和, 及, 与 or commas.
    var listLength: Int {
        var count = 1
        for token in tokens[(figureStart + 1)...] {
            switch token.kind {
            case .number: count += 1
            case .unit, .percentSign: continue
            default: guard Self.listJoiners.contains(token.text) else { return count }
            }
        }
        return count
    }

    static let respectively: Word = "分别"
    private static let copulasAfterRespectively: WordSet = ["为", "是", "达"]
    private static let commaJoiner: WordSet = ["、"]
    private static let itemJoiners: WordSet = ["、", "和", "及", "与"]
    private static let andWords: WordSet = ["和", "及", "与"]

    /// The comparison stated right before the figure: ≥95%, 不低于95%. An = after
    /// arithmetic (20*2=40万元) gives the result, not a comparison.
    var comparator: Comparator? {
        let k = figureStart - 1
        guard k >= start else { return nil }
        if tokens[k].kind == .comparator, let symbol = tokens[k].text.string.unicodeScalars.first,
           let comparator = Comparator(scalar: symbol) {
            if comparator == .equal, k >= 1, tokens[k - 1].kind == .number { return nil }
            // >= and <= as a keyboard types ≥ and ≤: two comparator tokens.
            if comparator == .equal, k - 1 >= start, tokens[k - 1].kind == .comparator,
               let first = tokens[k - 1].text.string.unicodeScalars.first.flatMap(Comparator.init(scalar:)),
               first == .greater || first == .less {
                return first == .greater ? .greaterOrEqual : .lessOrEqual
            }
            return comparator
        }
        return phrase?.comparator
    }

    /// The longest comparison phrase ending right before `end`: 不低于 comes as 不 / 低于,
    /// and 低于 alone would read the opposite way.
    private static func comparatorPhrase(in tokens: [ClauseToken], before end: Int, from start: Int)
        -> (comparator: Comparator, start: Int)?
    {
        // Every phrase ends in one of a few characters (于, 少, 过, 多, 高 …): the word before the
        // figure says whether to look.
        guard end - 1 >= start, tokens[end - 1].kind == .word,
              let last = tokens[end - 1].text.string.unicodeScalars.last, comparatorEndings.contains(last)
        else { return nil }
        var k = end - 1
        var words = ""
        var found: (comparator: Comparator, start: Int)? = nil
        while k >= start, tokens[k].kind == .word, words.unicodeScalars.count < 4 {
            words = tokens[k].text.string + words
            if let comparator = comparatorWords[Word(words)] { found = (comparator, k) }
            k -= 1
        }
        return found
    }

    /// The last characters of ``comparatorWords``.
    private static let comparatorEndings = Set(comparatorWords.keys.compactMap { $0.string.unicodeScalars.last })

    /// 95%以上, 10万元以下, and 单价100万元（含）以上, the bound included.
    static func comparator(after tokens: [ClauseToken], figureEnd: Int) -> Comparator? {
        var next = figureEnd + 1
        if next + 3 < tokens.count, isOpeningParen(tokens[next]), tokens[next + 1].text == including,
           isClosingParen(tokens[next + 2]) {
            next += 3
        }
        guard next < tokens.count else { return nil }
        switch tokens[next].text {
        case "以上": return .greaterOrEqual
        case "以下", "以内": return .lessOrEqual
        default: return nil
        }
    }

    /// The direction the words right before the figure give it. 增长(下降)0%
    /// names both: no direction.
    var change: Figure.Change? {
        var increase = false
        var decrease = false
        var k = figureStart - 1
        var words = 0
        while k >= start, words < 3 {
            let token = tokens[k]
            if token.kind == .word {
                if k > start, Self.isPolicyName(tokens[k - 1], token) { return nil }
                words += 1
                // 减收, 增支, 减支 as ICU parts them (减 / 收): the verb and what it changes.
                if k > start, Self.revenueOrSpending.contains(token.text), tokens[k - 1].range.upperBound == token.range.lowerBound,
                   Self.increaseWords.contains(tokens[k - 1].text) || Self.decreaseWords.contains(tokens[k - 1].text) {
                    k -= 1
                    continue
                }
                // 同 比 增 加 as a justified line spaces it out: 增 / 加, a verb in two words.
                if k > start, Self.splitVerbEnds.contains(token.text), tokens[k - 1].kind == .word,
                   let split = Self.splitVerbs[tokens[k - 1].text], split.second == token.text {
                    if split.increase { increase = true } else { decrease = true }
                    k -= 2
                    continue
                }
                if token.text == Self.newlyAdded, comparison(endsBefore: k) {
                    increase = true
                    k -= 1
                    continue
                }
                if Self.increaseWords.contains(token.text) {
                    // 负增长: growth below zero, a fall.
                    if k > start, tokens[k - 1].text == Self.negative, tokens[k - 1].range.upperBound == token.range.lowerBound {
                        decrease = true
                        k -= 2
                        continue
                    }
                    increase = true
                }
                if Self.decreaseWords.contains(token.text) { decrease = true }
                if !Self.fillerBeforeFigure.contains(token.text) && !Self.increaseWords.contains(token.text)
                    && !Self.decreaseWords.contains(token.text) { break }
            } else if token.kind != .punctuation && token.kind != .comparator {
                break
            }
            k -= 1
        }
        if increase == decrease { return nil }
        return increase ? .increase : .decrease
    }

    /// 新增 (added) is a rise against a period named right before it (比上年新增, 较2022年新增了,
    /// 同比新增); 今年新增资产 names what was added.
    private static let newlyAdded: Word = "新增"

    /// Whether a comparison with a period (比上年, 较2022年, 同比) ends right before the token `k`.
    private func comparison(endsBefore k: Int) -> Bool {
        var j = k - 1
        while j >= start, Self.periodWords.contains(tokens[j].text) || tokens[j].kind == .number { j -= 1 }
        return j >= start && Self.comparisons.contains(tokens[j].text)
    }

    /// The verbs of change that a space may split into two characters, by their first.
    private static let splitVerbs: [Word: (second: Word, increase: Bool)] = [
        "增": ("加", true), "减": ("少", false), "下": ("降", false), "上": ("升", true), "降": ("低", false),
    ]

    private static let splitVerbEnds = WordSet(splitVerbs.values.map(\.second))

    /// 稳增长 (steady growth) names a policy, whose fund (支持商销稳增长30.00万) is no change.
    private static func isPolicyName(_ before: ClauseToken, _ verb: ClauseToken) -> Bool {
        before.text == steady && before.range.upperBound == verb.range.lowerBound && increaseWords.contains(verb.text)
    }

    /// 增长(下降)0%: a template's change that names both directions is labelled as written,
    /// with no direction; nil when the verbs do not name both.
    private func bothWays(before end: Int) -> String? {
        var k = end
        while k > start, tokens[k - 1].kind == .punctuation || Self.increaseWords.contains(tokens[k - 1].text)
                || Self.decreaseWords.contains(tokens[k - 1].text) { k -= 1 }
        let verbs = tokens[k..<end]
        guard verbs.contains(where: { Self.increaseWords.contains($0.text) }),
              verbs.contains(where: { Self.decreaseWords.contains($0.text) }) else { return nil }
        return verbs.drop { $0.kind == .punctuation }.map(\.text.string).joined()
    }

    /// Words that may stand between a change verb and its figure (增长了, 下降约, 增长率为).
    static let fillerBeforeFigure: WordSet = ["了", "约", "为", "达", "达到", "分别", "同比", "幅度", "幅", "率"]
    /// Those of them that leave the verb a verb: 增 / 幅 is a noun, the rise.
    static let afterChangeVerb: WordSet = ["了", "约", "为", "达", "分别", "同比"]

    /// 一般公共预算总收入由年初预算79552.91万元调整为…: the item whose change starts at the
    /// figure right before this clause (由 or 从 it), nil when no 由 or 从 stands before that figure in its clause.
    private var startingItem: String? {
        var k = start - 1
        while k >= 0, tokens[k].kind != .word, !Self.isBoundary(tokens[k]) { k -= 1 }
        while k >= 0, tokens[k].kind == .word, !Self.startingWords.contains(tokens[k].text) { k -= 1 }
        guard k >= 1, tokens[k].kind == .word else { return nil }
        var first = k
        while first > 0, tokens[first - 1].kind == .word { first -= 1 }
        return Self.tidy(Self.trimScope(tokens[first..<k].map(\.text)[...]))
    }

    private static let startingWords: WordSet = ["由", "从"]

    /// Where the words that end `words` say a level is reached (下降 / 至, 增加到, 降至):
    /// the change verb's place; nil when they do not.
    private static func levelVerb(ending words: ArraySlice<ClauseToken>) -> Int? {
        guard let last = words.last?.text else { return nil }
        if levelVerbs.contains(last) { return words.endIndex - 1 }
        guard words.count >= 2 else { return nil }
        let verb = words[words.endIndex - 2].text
        // 调整为82513.70万元: an adjusted budget's new amount.
        if verb == adjust { return adjustedTo.contains(last) ? words.endIndex - 2 : nil }
        guard reached.contains(last) else { return nil }
        return increaseWords.contains(verb) || decreaseWords.contains(verb) || verb == raise ? words.endIndex - 2 : nil
    }

    /// `words` without the year a level is reached in, which stands between the verb and it
    /// (从2015年的2007万元上升到2020年的2468万元: 2020 / 年 / 的).
    private static func withoutYearReached(_ words: [ClauseToken]) -> ArraySlice<ClauseToken> {
        var end = words.count
        if end >= 1, words[end - 1].text == de { end -= 1 }
        guard end >= 3, timeUnits.contains(words[end - 1].text) || years.contains(words[end - 1].text),
              words[end - 2].kind == .number else { return words[...] }
        return words[..<(end - 2)]
    }

    /// Whether the words before a percent's change say it is a year's average (年均增长4.22%, as
    /// ICU parts it 年 / 均; 年平均, 平均每年): no change from one of two amounts to the other.
    static func statesYearlyAverage(_ lead: ArraySlice<ClauseToken>) -> Bool {
        lead.indices.contains { i in
            let word = lead[i].text
            return word == average || word == everyYear
                || word == Self.jun && i > lead.startIndex && lead[i - 1].text == year && lead[i - 1].range.upperBound == lead[i].range.lowerBound
        }
    }

    private static let average: Word = "平均", everyYear: Word = "每年", jun: Word = "均", steadied: Word = "稳定"
    /// What 均 may be per, as ICU parts 人均, 生均, 户均 (人 / 均).
    private static let perUnits: WordSet = ["人", "生", "户", "亩", "日", "月", "次", "件"]

    private static let adjust: Word = "调整"
    private static let adjustedTo: WordSet = ["为", "至", "到"]

    /// A change verb and its 至 or 到 as ICU gives them in one word.
    private static let levelVerbs: WordSet = ["增加到", "降至", "降到", "升至", "升到"]
    private static let reached: WordSet = ["至", "到"]
    private static let raise: Word = "提升"

    /// Where a comparison with the year before starts that ends `words` (比上年, 较上年, 同比);
    /// `words.count` when they end with none.
    private static func comparedPeriodStart(_ words: [ClauseToken]) -> Int {
        var start = words.count
        while start > 0, periodWords.contains(words[start - 1].text) || comparisons.contains(words[start - 1].text) { start -= 1 }
        return words[start...].contains(where: { comparisons.contains($0.text) }) ? start : words.count
    }

    /// Words that say what a change or a level is against (比预算, 较上年, 与上年相比; ICU's 比上 / 年).
    static let comparisons: WordSet = ["比", "较", "比上", "同比", "相比", "相较", "与"]
    /// The words that say an amount after them is what another is compared with (比年初预算83万元),
    /// and 相比 where it opens the clause (相比预算数6.1亿元; not 与上年相比支出…).
    static let comparedWith: WordSet = ["比", "较", "比上"]
    static let against: Word = "相比"
    static let periodWords: WordSet = ["上年", "上年度", "去年", "上", "年", "年度", "同期", "同"]

    /// Where the change verb stands that ends `words` but for the words a verb may have after
    /// it (增加了, 减少约); nil when they end with none.
    static func changeVerb(ending words: [Word]) -> Int? {
        guard let verb = words.lastIndex(where: { !afterChangeVerb.contains($0) }),
              increaseWords.contains(words[verb]) || decreaseWords.contains(words[verb]) else { return nil }
        return verb
    }

    /// The item the figure measures, or nil when the clause does not say. `previousItem` is the
    /// item of the figure before, which a share or a level may be of (none after a change: its
    /// label is its verb, 下降百分之零点五，占比百分之百).
    func label(inheritingItem previousItem: String?) -> String? {
        // 项目完成率不低于95%: the comparison is not part of the item.
        let end = phrase?.start ?? figureStart
        if let level = Self.subjectLevel(ending: tokens[start..<end]) { return level }
        var kept = Self.outsideAsides(tokens[start..<end])
        kept.removeAll { !($0.kind == .word && !Self.isPinyin($0.text) || $0.kind == .number) }
        // 收入合计人民币2553.52万元: the currency (ICU: 人民 / 币) names no item.
        if kept.count >= 2, kept[kept.count - 1].text == Self.bi, kept[kept.count - 2].text == Self.renmin { kept.removeLast(2) }
        // 收入总计增加了1.5亿元: the words between a change verb and its figure are no part of it.
        if let last = kept.last, Self.afterChangeVerb.contains(last.text), let verb = Self.changeVerb(ending: kept.map(\.text)) {
            kept.removeSubrange((verb + 1)...)
        }
        // 支出总计下降至1100万元: the level reached is the item's, and no change (nor is the
        // year it is compared with, 比上年下降至…, its item).
        // An amount adjusted to is the item's where 由 or 从 says what it was (由年初预算…调整为…);
        // else 年中调整为5万元 names the adjustment.
        if let verb = Self.levelVerb(ending: Self.withoutYearReached(kept)), kept[verb].text != Self.adjust || startingItem != nil {
            kept.removeSubrange(verb...)
            kept.removeSubrange(Self.comparedPeriodStart(kept)...)
            if kept.isEmpty { return startingItem ?? previousItem }
        }
        let words = kept.map(\.text)
        guard let last = words.last else { return chartItem }
        // 增长48.16%: the change is what the percent measures; 增长(下降)0% says neither.
        if Self.increaseWords.contains(last) || Self.decreaseWords.contains(last),
           change != nil || kept.count < 2 || !Self.isPolicyName(kept[kept.count - 2], kept[kept.count - 1]) {
            guard change != nil else { return bothWays(before: end) }
            // 调减403.75万元, 净增: ICU parts the verb into two characters, 调 and 减.
            // Not the 年 of 较上年增17.1万元.
            if let before = kept.dropLast().last, before.kind == .word, before.range.upperBound == kept[kept.count - 1].range.lowerBound,
               before.text.string.unicodeScalars.count == 1, last.string.unicodeScalars.count == 1, !Self.timeUnits.contains(before.text) {
                return before.text.string + last.string
            }
            return last.string
        }
        // 人员经费834.04万元，占基本支出的71.71%: the share is the previous item's.
        if words.first == Self.share, let previousItem { return previousItem }
        // Split at linking words; the item is the last stretch that names something, so the
        // stretches are read from the end. A number inside the clause ends a stretch too
        // (1166辆变型拖拉机报废率100%).
        func isDigits(_ word: Word) -> Bool { word.string.utf8.first.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } == true }
        func endsStretch(_ i: Int) -> Bool {
            // 完成率, 到位率: a linking verb before a rate word is part of the item; so is the
            // 安排 of 2026年预算安排 right before the figure (the budget allotted, not 预算).
            // 达标率 as ICU parts it (达 / 标 / 率) is one item too.
            func partOfItem() -> Bool {
                // 人均补助标准, 生均公用经费: 均 after the unit it is per opens the item.
                if words[i] == Self.jun, i > 0, i + 1 < words.count, Self.perUnits.contains(words[i - 1]) { return true }
                // 安排预算稳定调节基金 (paid into the fund) against 动用 or 调入 (drawn from it): the verb says which.
                if words[i] == Self.allotted, i + 2 < words.count, Self.reportWords.contains(words[i + 1]), words[i + 2] == Self.steadied { return true }
                return i + 1 < words.count
                    ? Self.rateWords.contains(words[i + 1])
                        || i + 2 < words.count && Self.rateWords.contains(words[i + 2]) && words[i + 1].string.unicodeScalars.count == 1
                    : words[i] == Self.allotted && i > 0 && Self.reportWords.contains(words[i - 1])
            }
            return (Self.linkingWords.contains(words[i]) && !partOfItem())
                || isDigits(words[i])
                // 收、支总计各是3125.40，3143.90万元: 各 before the link says each, and names nothing.
                || words[i] == Self.each && i + 1 < words.count && Self.linkingWords.contains(words[i + 1])
        }
        var stretchEnd = words.count
        while true {
            var stretchStart = stretchEnd
            while stretchStart > 0, !endsStretch(stretchStart - 1) { stretchStart -= 1 }
            let item = Self.trimScope(words[stretchStart..<stretchEnd])
            // 财政拨付40.5万元: what a source allotted right before the figure is the item whole
            // (not a character left of a phrase, the 中 of 年中追加).
            if stretchEnd == words.count - 1, Self.allotments.contains(words[stretchEnd]),
               item.reduce(0, { $0 + $1.string.unicodeScalars.count }) >= 2 {
                return Self.tidy(item + [words[stretchEnd]])
            }
            let linked = stretchStart > 0 ? words[stretchStart - 1] : nil
            let ofWhat = !item.isEmpty && stretchEnd == words.count && words[stretchEnd - 1] == Self.de
            // 完成年初预算的96.1%, 完成预算数107.06%: the share of the budget carried out, not the budget.
            if linked == Self.complete, ofWhat || isPercent && stretchEnd == words.count && Self.namesBudget(item) {
                return Self.tidy([Self.complete] + item)
            }
            // 支出决算为预算的98.6%, 基本支出占总支出的比重为65.2%, 授予中小企业合同金额占货物支出金额的
            // 43.46%, 一般公共预算拨款占本年收入29%: a share of what stands before 为 or 占, or of the
            // previous figure's item.
            if let linked, ofWhat && Self.copulas.contains(linked)
                || linked == Self.share && (stretchEnd == words.count || item.last.map(Self.proportions.contains) == true) {
                guard stretchStart > 1 else { return previousItem }
                stretchEnd = stretchStart - 1
                continue
            }
            // 年初批复预算8个项目985万元, 公务接待费2015年决算数2352万元: a count's noun, or a report's
            // figure after its year, is of the item before the number that cut the stretch.
            if stretchEnd == words.count, stretchStart >= 2, stretchStart < stretchEnd, item.count <= 2, isDigits(words[stretchStart - 1]) {
                let counted = item.count == 1 && Self.measureWords.contains(words[stretchStart])
                let dated = Self.years.contains(words[stretchStart]) && item.first.map(Self.reportWords.contains) == true
                    && (item.count == 1 || Self.rateWords.contains(item[1]))
                var before = stretchStart - 1
                while before > 0, !endsStretch(before - 1) { before -= 1 }
                let named = Self.trimScope(words[before..<(stretchStart - 1)])
                if counted || dated, !named.isEmpty { return Self.tidy(counted ? named : named + item) }
            }
            if !item.isEmpty { return Self.tidy(item) }
            // 比上年1718.25万元: last year's amount of the item before it.
            if stretchEnd > 0, let period = Self.previousPeriod(endingAt: stretchEnd, in: words) { return period }
            guard stretchStart > 0 else { return nil }
            stretchEnd = stretchStart - 1
        }
    }

    /// 基本支出, 59.07%: a chart's data label, as pdftotext gives a pie chart's: the words right
    /// before a comma and a space, a few characters. Prose's ，(folded to the same comma) has no
    /// space after it.
    private var chartItem: String? {
        let comma = start - 1
        guard comma >= 1, tokens[comma].text.string == ",",
              tokens[comma].range.upperBound < tokens[figureStart].range.lowerBound else { return nil }
        var k = comma
        while k > 0, tokens[k - 1].kind == .word { k -= 1 }
        let item = tokens[k..<comma].map(\.text.string).joined()
        return (1...12).contains(item.unicodeScalars.count) ? item : nil
    }

    /// The words of `lead` that name something: outside its asides, no pinyin (占全國(guó)政府采購規模的).
    static func namingWords(_ lead: ArraySlice<ClauseToken>) -> [Word] {
        outsideAsides(lead).compactMap { $0.kind == .word && !isPinyin($0.text) ? $0.text : nil }
    }

    /// Pinyin that a mirror site's converter writes after some characters (全國(guó), 事业yè收入):
    /// letters only, one with a tone mark. No item's name has it. Most words are Chinese, told by
    /// their first byte.
    static func isPinyin(_ word: Word) -> Bool {
        guard let first = word.string.utf8.first, first < 0xE0 else { return false }
        var toned = false
        for scalar in word.string.unicodeScalars {
            if toneMarked.contains(scalar) { toned = true } else if !("a"..."z").contains(scalar) && scalar != "ü" { return false }
        }
        return toned
    }

    private static let toneMarked: Set<Unicode.Scalar> = [
        "ā", "á", "ǎ", "à", "ē", "é", "ě", "è", "ī", "í", "ǐ", "ì", "ō", "ó", "ǒ", "ò", "ū", "ú", "ǔ", "ù", "ǖ", "ǘ", "ǚ", "ǜ",
    ]

    /// The clause without its asides: a figure inside （…） starts its clause at the
    /// paren (含外宾接待支出0.00万元), and a closed aside longer than a character or
    /// two is dropped (政府采购金额（以合同签订为准）为…), as is a 科目's level (卫生健康支出（类）),
    /// while 因公出国（境）费 keeps its 境.
    private static func outsideAsides(_ clause: ArraySlice<ClauseToken>) -> [ClauseToken] {
        var kept: [ClauseToken] = []
        var open: Int? = nil
        kept.reserveCapacity(clause.count)
        for token in clause {
            if isOpeningParen(token) {
                open = kept.count
            } else if isClosingParen(token) {
                if let at = open {
                    let aside = kept[at...].map(\.text.string).joined()
                    // A mirror site's pinyin (全國(guó)) too.
                    if aside.count > 2 || subjectLevels.contains(aside) || at < kept.count && kept[at...].allSatisfy({ isPinyin($0.text) }) {
                        kept.removeSubrange(at...)
                    }
                }
                open = nil
            } else {
                kept.append(token)
            }
        }
        if let open { kept.removeSubrange(..<open) }
        return kept
    }

    /// “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元, or with hyphens,
    /// “卫生健康支出-行政事业单位医疗-行政单位医疗”科目78.29万元: a 功能分类科目 named by its
    /// levels right before the figure (or before 科目, 支出). Its item is the last level named,
    /// as in its table row (行政运行), whole: the words of a 科目's name are not trimmed as a
    /// sentence's are. The name must open after a quote or the level before: in
    /// 主要用于行政运行（项） the sentence's words run into it, and the clause is read as any other.
    private static func subjectLevel(ending clause: ArraySlice<ClauseToken>) -> String? {
        // Quotes, and the 科目 or 支出 that may follow the name (outside its quotes).
        var end = clause.endIndex
        var closesQuote = false
        while end > clause.startIndex, !isClosingParen(clause[end - 1]),
              clause[end - 1].kind == .punctuation
                || (!closesQuote && (clause[end - 1].text == subject || clause[end - 1].text == expenditure)) {
            closesQuote = closesQuote || closingQuotes.contains(clause[end - 1].text.string)
            end -= 1
        }
        guard end - 1 > clause.startIndex else { return nil }
        if let open = levelMarker(closingAt: end - 1, in: clause) {
            let start = nameStart(before: open, in: clause)
            guard start < open, start > clause.startIndex,
                  isClosingParen(clause[start - 1]) || openingQuotes.contains(clause[start - 1].text.string)
            else { return nil }
            return clause[start..<open].map(\.text.string).joined()
        }
        // The hyphenated path: quoted, its last level after the last hyphen.
        let start = nameStart(before: end, in: clause)
        guard closesQuote, start < end, start > clause.startIndex, clause[start - 1].text == "-" else { return nil }
        var first = start - 1
        while first > clause.startIndex, clause[first].text == "-" { first = nameStart(before: first, in: clause) - 1 }
        guard first >= clause.startIndex, openingQuotes.contains(clause[first].text.string) else { return nil }
        return clause[start..<end].map(\.text.string).joined()
    }

    private static let openingQuotes: Set<String> = ["“", "\"", "「", "‘"]
    private static let closingQuotes: Set<String> = ["”", "\"", "」", "’"]

    /// Where the name that ends at `end` starts: words, and asides of its own (政府办公厅（室）).
    private static func nameStart(before end: Int, in clause: ArraySlice<ClauseToken>) -> Int {
        var start = end
        while start > clause.startIndex {
            if clause[start - 1].kind == .word {
                start -= 1
            } else if start - 3 >= clause.startIndex, isClosingParen(clause[start - 1]), isOpeningParen(clause[start - 3]),
                      clause[start - 2].kind == .word, !subjectLevels.contains(clause[start - 2].text.string) {
                start -= 3
            } else {
                break
            }
        }
        return start
    }

    private static let subjectLevels: Set<String> = ["类", "款", "项"]

    /// Where the level marker closed at `close` opens: （项）, or with the level's code, （05项）.
    private static func levelMarker(closingAt close: Int, in clause: ArraySlice<ClauseToken>) -> Int? {
        guard isClosingParen(clause[close]), close - 2 >= clause.startIndex,
              subjectLevels.contains(clause[close - 1].text.string) else { return nil }
        var open = close - 2
        if clause[open].kind == .number, open > clause.startIndex { open -= 1 }
        return isOpeningParen(clause[open]) ? open : nil
    }

    // Made once: a Word literal is hashed each time it is made, and every token is tested.
    private static let openingParens: WordSet = ["(", "（"]
    private static let closingParens: WordSet = [")", "）"]

    private static func isOpeningParen(_ token: ClauseToken) -> Bool {
        token.kind == .punctuation && openingParens.contains(token.text)
    }

    private static func isClosingParen(_ token: ClauseToken) -> Bool {
        token.kind == .punctuation && closingParens.contains(token.text)
    }

    /// Suffixes of the bodies that report (区司法局, 市财政厅, 街道办事处, and 商务委员会): they
    /// say whose figure it is, not what. An array: comparing a scalar with six costs less than
    /// hashing it.
    static let bodySuffixes: [Unicode.Scalar] = ["局", "厅", "委", "院", "办", "处"]
    private static let room: Word = "室"

    /// 委员会, whole or as ICU may part it (委员 / 会), for a word that ends in 会.
    private static func isCommittee(at i: Int, in words: ArraySlice<Word>) -> Bool {
        let word = words[i].string
        return word.hasSuffix("委员会") || word.unicodeScalars.count == 1 && i > words.startIndex && words[i - 1].string.hasSuffix("委员")
    }

    /// 决算/预算 opening a longer item says which report it is (部门决算收入总计).
    static let reportWords: WordSet = ["决算", "预算"]

    /// Drops the time, scope and body words that open a stretch (2021年度, 本年, 区司法局).
    private static let yearParts: WordSet = ["中", "末", "底", "初", "终", "终结"]
    private static let year: Word = "年", le: Word = "了", allotted: Word = "安排"
    /// 占, which opens a share (占45.55%, 占基本支出的71.71%).
    static let share: Word = "占"
    static let de: Word = "的"
    private static let subject: Word = "科目", finalAccounts: Word = "决算"

    /// A time of the year that is part of the item it opens, as the templates name them:
    /// 年末结转和结余 and 年末财政拨款结转和结余 (not 年初's), 上年结转, 本年结余, 全年预算数 and 全年执行数 (not 年初预算数).
    private static func namesTimedItem(_ words: ArraySlice<Word>) -> Bool {
        guard let first = words.first else { return false }
        var rest = words.dropFirst()
        if first == shang || first == ben {
            guard rest.first == year else { return false }
            rest = rest.dropFirst()
        } else if first != thisYear && !timesOfYear.contains(first) {
            return false
        }
        // 本年收入, 本年支出合计 (ICU's 本 / 年): the year's own income and spending, as the
        // 收入支出决算总表 names them beside the totals that add what was carried over.
        if first == ben || first == thisYear, let next = rest.first, incomeOrSpending.contains(next) { return true }
        // ICU parts 结转 and 结余 (结 / 转, 结 / 余); 年末财政拨款结转和结余.
        if zip(rest, rest.dropFirst()).contains(where: { $0 == jie && carryOvers.contains($1) }) { return true }
        return rest.count == 2 && (rest.first == budget || rest.first == execution) && rest.last == shu
    }

    private static let timesOfYear: WordSet = ["年末", "年底", "全年", "当年", "上年"]
    private static let thisYear: Word = "本年"
    private static let incomeOrSpending: WordSet = ["收入", "支出"]
    private static let carryOvers: WordSet = ["转", "余"]
    private static let shang: Word = "上", ben: Word = "本", jie: Word = "结", budget: Word = "预算", execution: Word = "执行", shu: Word = "数"

    private static let boundScopes: WordSet = ["上", "本"]
    private static let contribution: Word = "缴费", pay: Word = "缴"
    private static let unit: Word = "单位", total: Word = "总"
    private static let perUnit: WordSet = ["价值", "成本", "价格", "面积"]

    /// Whether `words` open with a word of time or scope that is not part of the item: 上 and 本
    /// alone are one only before another (上 / 年, 本 / 单位): 上缴上级支出 as ICU parts it (上 /
    /// 缴 / 上级) keeps its 上; 单位价值100万元以上 is a unit's value, not the 单位 of a scope.
    private static func opensWithScope(_ words: ArraySlice<Word>) -> Bool {
        guard let first = words.first, scopeWords.contains(first) else { return false }
        let next = words.dropFirst().first
        return !(boundScopes.contains(first) && next.map { !scopeWords.contains($0) } == true)
            && !(first == unit && next.map(perUnit.contains) == true)
    }

    /// `words` without the words of time and scope that open them (2025年度, 本级 keeps its 本).
    static func withoutScope(_ words: ArraySlice<Word>) -> ArraySlice<Word> {
        var words = words
        while opensWithScope(words) { words = words.dropFirst() }
        return words
    }

    private static func trimScope(_ words: ArraySlice<Word>) -> [Word] {
        var words = words
        if let body = words.indices.last(where: { k in
               let last = words[k].string.unicodeScalars.last!
               // 大英县金元镇人民政府的机关运行经费…: a government before 的 (not 政府采购). Not the
               // 办公厅(室) of a 科目's name (政府办公厅(室)及相关机构事务).
               return bodySuffixes.contains(last) && !(k + 1 < words.endIndex && words[k + 1] == room)
                   || last == "会" && isCommittee(at: k, in: words)
                   || last == "府" && k + 1 < words.endIndex && words[k + 1] == de
           }),
           body > words.startIndex, body < words.endIndex - 1 {
            words = words[(body + 1)...]
        }
        // 质检完成率三个100%: a count at the end measures nothing. A measure word counts only
        // after its numeral: the 项 of 专项 (ICU's 专 / 项) is the item's.
        func isNumeral(_ word: Word) -> Bool { word.string.unicodeScalars.allSatisfy(ChineseNumeral.isNumeral) }
        while let last = words.last,
              last == de || last == le || isNumeral(last)
                || measureWords.contains(last) && (words.count == 1 || isNumeral(words[words.endIndex - 2])) {
            words = words.dropLast()
        }
        while let first = words.first {
            let rest = words.dropFirst()
            // 全年预算 is an item; 全年 alone before 收入总计 is not, nor the 年 of 2024年预算.
            let scope = opensWithScope(words) && !(rest.count == 1 && reportWords.contains(rest.first!) && !timeUnits.contains(first))
            // 预算执行数, 决算完成率: a rate of the report's is its own item; 决算收入总计 is 收入总计.
            let rate = rest.count == 2 && rateWords.contains(rest.last!)
            // 预算总收入 is the budget's total, not 总收入; 预算稳定调节基金 is a fund's name.
            let report = reportWords.contains(first) && rest.count > 1 && !rateWords.contains(rest.first!) && !rate && rest.first != total
                && rest.first != steadied
            // 年中 as ICU parts it (年 / 中): a time of the year that names the item (年中追加).
            if first == year, let next = rest.first, yearParts.contains(next) { break }
            if scope && namesTimedItem(words) { break }
            // A count's noun left of the item, but for the one 均 is per (人均).
            guard scope || report || measureWords.contains(first) && rest.first != jun || first == de else { break }
            words = rest
        }
        // A stretch that is all numbers and units of time is no item.
        return words.allSatisfy { scopeWords.contains($0) } ? [] : Array(words)
    }

    /// Joins the words; 机关运行经费支出, 公务接待费支出决算 → the fee (支出, 决算 say it was
    /// spent); a long stretch keeps its last words, where Chinese puts the head noun.
    private static func tidy(_ words: [Word]) -> String? {
        var words = words
        let spent = words.reversed().prefix { $0 == expenditure || $0 == finalAccounts }.count
        // Not the 缴费 of a 科目 (机关事业单位基本养老保险缴费支出, ICU's 缴 / 费).
        let fee = words.count - spent - 1
        if spent > 0, spent < words.count, words[fee].string.unicodeScalars.last == "费",
           words[fee] != contribution, !(fee > 0 && words[fee - 1] == pay) {
            words.removeLast(spent)
        }
        // At most 20 characters, cut at a word from the front (longer is a sentence), and not
        // the 了 a cut verb leaves. Lengths in scalars, which for these words are their characters.
        // Cut once: a word removed from the front at a time took the square of a long stretch.
        var length = words.reduce(0) { $0 + $1.string.unicodeScalars.count }
        var first = 0
        while words.count - first > 1, length > 20 || words[first] == le {
            length -= words[first].string.unicodeScalars.count
            first += 1
        }
        // One character (将, 凡) is a word of the sentence, not an item.
        return length < 2 ? nil : words[first...].map(\.string).joined()
    }
}
