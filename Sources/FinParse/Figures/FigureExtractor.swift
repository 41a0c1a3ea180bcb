import FoundationEssentials

/// Finds money amounts and percents in paragraphs and table cells.
///
/// Works on ``Tokenizer`` tokens: a figure is a number (or a Chinese numeral)
/// followed by a money unit or a percent sign, or 百分之 and a number. The clause
/// before it gives its comparator (≥, 不低于 …), its direction (增长, 下降 …) and its
/// label; see ``FigureClause``. One extractor owns one tokenizer: use one per thread.
struct FigureExtractor {
    private let tokenizer = Tokenizer()
    /// Figures found but not read since the last ``takeDiagnostics()``.
    private var diagnostics: [Diagnostic] = []
    /// Changes whose paragraph gives no amount they changed to, since the last ``takeOpenChanges()``.
    private var openChanges: [ChangeCheck.Open] = []
    /// The room for a clause's tokens, kept from one clause to the next.
    private var tokenBuffer: [ClauseToken] = []

    /// The figures found but not read (a number too long to hold exactly) since the last call.
    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    /// The changes found since the last call whose paragraph gives no amount they changed to,
    /// in the order found: for ``ChangeCheck/Resolver``.
    mutating func takeOpenChanges() -> [ChangeCheck.Open] {
        defer { openChanges = [] }
        return openChanges
    }

    /// The figures of the text of every cell of `table`, nested tables' included, through
    /// an explicit stack. A figure its cell's text gives no label (a 自评表's 100%, the
    /// 210万元 of its 年度资金总额 row) takes its row's: in a 自评表 the indicator's name
    /// (`indicatorNames`, by row: the cell to the left of a target may be another measure,
    /// 及时), else ``RowLabels``.
    mutating func figures(inCellsOf table: Table, indicatorNames: [Int: String] = [:]) -> [Figure] {
        var figures: [Figure] = []
        // A nested table's figures stand in the top-level cell that holds it.
        var pending = [(table: table, names: indicatorNames, place: Figure.CellPlace?.none)]
        while let (table, names, outer) = pending.popLast() {
            var labels: RowLabels?  // most tables' figures have labels of their own: made when first asked
            for cell in table.cells.reversed() {
                let place = outer ?? Figure.CellPlace(table: table.index, row: cell.row, column: cell.column)
                if !cell.text.isEmpty {
                    var found = self.figures(in: cell.text, line: cell.line)
                    if found.contains(where: { $0.label == nil }) {
                        if labels == nil { labels = RowLabels(table) }
                        let label = names[cell.row] ?? labels?.label(leftOf: cell)
                        for k in found.indices where found[k].label == nil { found[k].label = label }
                    }
                    for k in found.indices { found[k].cell = place }
                    figures += found
                }
                pending += cell.tables.map { ($0, [:], place) }
            }
        }
        return figures
    }

    /// The figures of a text, each on the input line it stands on (a wrapped paragraph's
    /// figures are on several).
    mutating func figures(in text: FoldedText) -> [Figure] {
        figures(in: text.original, line: text.line, lineStarts: text.lineStarts)
    }

    /// The figures of `written`, the text as written of `line` and, for a text joined from
    /// lines, those starting where `lineStarts` says: it is folded here, clause by clause, as
    /// the figures' spellings are read from the map each fold makes.
    mutating func figures(in written: String, line: Int, lineStarts: [LineStart] = []) -> [Figure] {
        // No closure for the lookup: one made for each paragraph cost allocations.
        func lineAt(_ offset: Int) -> Int { LineStart.line(atOffset: offset, in: lineStarts) ?? line }
        // Only the clauses that may hold a figure are tokenized. A figure's clause runs back
        // to the nearest 。；or ，, so a clause read alone gives the figures it gives inside its
        // paragraph; what does carry over is the last figure, whose label a later one may
        // inherit. A list marker that starts a clause (…；（二）财政拨款收入12万元) is a
        // marker, not a word.
        var figures: [Figure] = []
        // By figure, for ChangeCheck: where its clause starts in `written`, how many words
        // stand between the clause's start and the figure, and a change amount's subject.
        var places: [Place] = []
        // Figures that share the reading of the one before them (下降4.1%、1.9%).
        var continuing: [Int] = []
        // The items a list after 分别 has still to name, in turn (基本支出、项目支出分别为…), and
        // all of that list's items, which a list of shares right after it is of (占…的8.1%和91.9%).
        var respective: ArraySlice<String> = []
        var listItems: [String] = []
        // The same for the changes of such a list (收、支总计各减少…, 分别增长…), whose labels are their
        // verbs: the items they are of, and a list of percents right after them is of too.
        var respectiveChanges: ArraySlice<String> = []
        var changedItems: [String] = []
        // A list of shares of such a list's amounts (…分别为2666.3亿元和30400.7亿元，占…的8.1%和91.9%):
        // what they are of, and the amounts the shares still to come are of, in turn.
        var listShare: ChangeCheck.Share? = nil
        var listParts: ArraySlice<Int> = []
        // Where the last figure is a change right after an amount of its sentence (税收收入完成
        // 95.1亿元，增长19.9%，占…的63%; 比上年同期增收12543.83亿元, 比上年1718.25万元), that amount's index.
        // Figures are read in place, not copied out (`figures.last`): a copy retains each of their strings.
        func changedBefore(_ offset: Int) -> Int? {
            guard let last = figures.indices.last, figures[last].change != nil,
                  let k = figures.indices.last(where: { figures[$0].change == nil && !places[$0].isComparedBase }) else { return nil }
            let utf8 = written.utf8
            let between = written[utf8.index(utf8.startIndex, offsetBy: places[k].offset)..<utf8.index(utf8.startIndex, offsetBy: offset)]
            return between.contains(utf8: "。") || between.contains(utf8: "；") || between.contains(utf8: ";") ? nil : k
        }
        // What a share or a level may be of: the last figure, or the amount a change right after it is of.
        func itemBefore(_ offset: Int) -> Int? { changedBefore(offset) ?? figures.indices.last }
        let clauses = Self.clauses(of: written)
        var tokens = tokenBuffer
        tokenBuffer = []
        defer { tokenBuffer = tokens }
        for candidate in clauses.candidates {
            let clause = candidate.text
            let clauseStart = clause.startIndex
            let clauseOffset = written.utf8.distance(from: written.startIndex, to: clauseStart)
            let map = FoldMap(clauses.count == 1 ? written : String(clause), line: lineAt(clauseOffset))
            let segments = tokenizer.segments(of: map)
            tokens.removeAll(keepingCapacity: true)
            tokens.reserveCapacity(segments.count)
            for (kind, range) in segments where kind != .space {
                tokens.append(ClauseToken(kind: kind, text: map.word(of: range), range: range))
            }
            var previousEnd: Int? = nil
            var i = 0
            // A multiple in words (增长一倍, 翻一番) is looked for only where one may stand.
            let mayCount = candidate.mayCount
            // １２３４。５６万元: a 。 between digits may be a decimal point typed with Chinese
            // punctuation on; the number after it would have lost its whole part.
            var lists = SharedUnits()
            if let first = tokens.first, first.kind == .number, first.range.lowerBound == 0, Self.followsStopAfterDigit(written, at: clauseOffset),
               let found = FigureSpan.match(tokens, at: 0, lists: &lists) {
                diagnostics.append(.figureAfterStop(Self.originalText(of: tokens[found.span], in: map), line: lineAt(clauseOffset)))
                i = found.span.upperBound + 1
            }
            while i < tokens.count {
                guard let found = FigureSpan.match(tokens, at: i, lists: &lists), !FigureSpan.followsDamage(tokens, at: found.span.lowerBound) else {
                    if tokens[i].kind == .number || mayCount || tokens[i].text == FigureSpan.perMilleWord,
                       let other = FigureSpan.otherUnit(tokens, at: i) {
                        let start = map.sourceOffset(ofFoldedOffset: tokens[other.span.lowerBound].range.lowerBound)
                        diagnostics.append(.figureNotRead(Self.originalText(of: tokens[other.span], in: map), other.unit,
                                                          line: lineAt(clauseOffset + start)))
                        i = other.span.upperBound
                    }
                    i += 1
                    continue
                }
                let text = Self.originalText(of: tokens[found.span], in: map)
                let offset = clauseOffset + map.sourceOffset(ofFoldedOffset: tokens[found.span.lowerBound].range.lowerBound)
                let line = lineAt(offset)
                guard let value = found.value else {
                    diagnostics.append(.figureTooLong(text, line: line))
                    i = found.span.upperBound + 1
                    continue
                }
                // 年度资金总额:202010100.00%10: a table's row whose cells a page's text runs together,
                // the next cell's digits right after the unit. The number is several cells' digits.
                if let next = Self.runOnNumber(tokens, after: found.span.upperBound) {
                    diagnostics.append(.figureRunOn(Self.originalText(of: tokens[found.span.lowerBound...next], in: map), line: line))
                    i = next + 1
                    continue
                }
                // 经费定额较2014年上涨2000元/人, 10万元/年: a rate, no amount of money.
                if found.unit != .percent, let end = FigureSpan.perWhat(tokens, after: found.span.upperBound) {
                    diagnostics.append(.figureNotRead(Self.originalText(of: tokens[found.span.lowerBound...end], in: map), .rate, line: line))
                    i = end + 1
                    continue
                }
                let clause = FigureClause(tokens: tokens, figureStart: found.span.lowerBound, previousEnd: previousEnd)
                let lead = tokens[clause.start..<found.span.lowerBound]
                // 基本支出1163.12万元，占45.55%: a share of the figure whose clause is right before, or
                // of the one before an aside on it (1,077.36万元(其中,…0万元),占93.57%), or of the
                // amount a change right before is of (45612.99亿元,比上年增收11487.11亿元,同比增长33.7%,占…).
                var sharePart = lead.first?.text == FigureClause.share
                    ? Self.sharePart(places, clauseAt: clauseOffset + map.sourceOffset(ofFoldedOffset: lead[lead.startIndex].range.lowerBound),
                                     in: written)
                    : nil
                // Not in a closure: one calling `changedBefore` had each access to what it captures checked.
                if let part = sharePart, figures[part].change != nil { sharePart = changedBefore(offset) }
                var figure = Figure(
                    text: text, value: value, unit: found.unit,
                    comparator: clause.comparator ?? found.comparator ?? FigureClause.comparator(after: tokens, figureEnd: found.span.upperBound),
                    label: nil, change: clause.change, line: line)
                var changed: String? = nil
                var share: ChangeCheck.Share? = nil
                if clause.continuesList || found.closesRange, let previous = figures.last {
                    // 下降4.1%、1.9%, 增长10%-20%: the second figure shares the first one's reading.
                    figure.change = previous.change
                    figure.label = respective.popFirst() ?? previous.label
                    changed = respectiveChanges.popFirst()
                    continuing.append(figures.count)
                    if let part = listParts.popFirst() { (sharePart, share) = (part, listShare) }
                } else {
                    listParts = []
                    // No closure for the share's part: one capturing `figures` has each access checked.
                    let inherited = if let sharePart, sharePart < figures.count - 1 { sharePart } else { itemBefore(offset) }
                    figure.label = clause.label(inheritingItem: inherited.flatMap { figures[$0].change == nil ? figures[$0].label : nil })
                    // A change is labelled by its verb; the items say what changed only.
                    if figure.change == nil, let items = clause.respectiveItems() {
                        (respective, listItems) = (items[...], items)
                    } else if figure.change == nil && clause.isShare(listOf: listItems.count) {
                        respective = listItems[...]
                        // Each share is of its item's amount, where the list's amounts stand right
                        // before it; else none is checked.
                        let first = figures.count - listItems.count
                        sharePart = nil
                        if first >= 0, zip(figures[first...], listItems).allSatisfy({ $0.label == $1 && $0.unit != .percent && $0.change == nil }) {
                            listParts = Array((first + 1)..<figures.count)[...]
                            sharePart = first
                            listShare = ChangeCheck.Share(lead: Array(FigureClause.namingWords(lead).drop { $0 == FigureClause.respectively }))
                            share = listShare
                        }
                    } else {
                        respective = []
                    }
                    if let item = respective.popFirst() { figure.label = item }
                    if figure.change != nil, let items = clause.itemsChangedInTurn {
                        (respectiveChanges, changedItems) = (items[...], items)
                    } else {
                        let percents = figure.change != nil && figure.unit == .percent && !changedItems.isEmpty
                            && clause.listLength == changedItems.count
                        respectiveChanges = percents ? changedItems[...] : []
                        changedItems = []
                    }
                    changed = respectiveChanges.popFirst()
                }
                // 公务接待费支出预算为10万元，支出决算为8万元: the 决算 of the item the budget right before
                // it in its sentence names.
                if figure.change == nil, figure.unit != .percent, let own = figure.label, own.utf8.count <= 12,
                   Self.actualStages.contains(where: { own.utf8.elementsEqual($0.utf8) }),
                   let budget = figures.last, budget.change == nil, budget.unit != .percent,
                   let item = budget.label.flatMap(Self.item(ofBudget:)), let place = places.last,
                   case let utf8 = written.utf8,
                   !written[utf8.index(utf8.startIndex, offsetBy: place.end)..<utf8.index(utf8.startIndex, offsetBy: offset)].contains(utf8: "。") {
                    // As 公务接待费支出决算 is labelled: a fee's 支出决算 is the fee (not a 缴费's).
                    figure.label = item.hasSuffix(utf8: "费") && !item.hasSuffix(utf8: "缴费") ? item : item + own
                }
                // 完成全年预算84.82万元的73.2%: the share of the budget carried out, labelled as
                // 完成全年预算的73.2% is.
                if figure.unit == .percent, figure.label == nil, figure.change == nil, lead.count == 1, lead.first?.text == FigureClause.de,
                   let budget = places.last, budget.completes, let name = figures.last?.label {
                    figure.label = Self.complete.string + name
                }
                figures.append(figure)
                if FigureSpan.mayGroupThousands(tokens, number: found.span.lowerBound) {
                    let first = Self.originalText(of: tokens[(found.span.lowerBound - 2)...(found.span.lowerBound - 2)], in: map)
                    diagnostics.append(.figureAmbiguous(first + Self.originalText(of: tokens[(found.span.lowerBound - 1)...found.span.upperBound], in: map),
                                                        first: first, second: text, line: line))
                }
                let leadWords = lead.count { $0.kind == .word }
                // 与2020年非税收入相比，减少9万元: a change that names nothing but its verb.
                // (Where the clause starts: a sentence's ASCII commas split no candidate clause.)
                let compared = figure.change != nil && leadWords <= 1
                    ? Self.comparedItem(before: clauseOffset + map.sourceOffset(ofFoldedOffset: tokens[clause.start].range.lowerBound), in: written)
                    : nil
                // 完成年初预算数60999万元的40.4%: the amount a share is of.
                let after = found.span.upperBound + 1
                let isShareBase = figure.unit != .percent && after + 1 < tokens.count && tokens[after].text == FigureClause.de
                    && tokens[after + 1].kind == .number
                if figure.unit != .percent || figure.change != nil || figure.comparator != nil {
                    share = nil
                } else if sharePart == nil, let label = figure.label, let at = lead.firstIndex(where: { $0.text == FigureClause.share }), at > lead.startIndex {
                    // 民生支出完成868.04亿元,…,民生支出占一般公共预算支出的比重达79.1%: a share whose part is
                    // named before 占, of the paragraph's last amount so labelled (a loop: no closure
                    // over `figures`).
                    for k in figures.indices.reversed() where figures[k].unit != .percent && figures[k].change == nil && !places[k].isComparedBase
                        && figures[k].label == label {
                        sharePart = k
                        share = ChangeCheck.Share(lead: FigureClause.namingWords(lead[at...]))
                        break
                    }
                } else if share != nil {
                    // A share of a list, read with the list's first.
                } else if let whole = places.last, whole.isShareBase, whole.sharePart != nil, lead.count == 1, lead.first?.text == FigureClause.de {
                    // 61646万元，占年初预算数109466万元的56.3%: a share of the amount before the whole it states.
                    share = .stated
                } else if sharePart != nil {
                    share = ChangeCheck.Share(lead: FigureClause.namingWords(lead))
                }
                let end = clauseOffset + map.sourceOffset(ofFoldedOffset: tokens[found.span.upperBound].range.upperBound)
                places.append(Place(offset: offset, end: end, leadWords: leadWords, changed: changed,
                                    subject: figure.change != nil ? Self.subject(of: lead) : nil, compared: compared,
                                    isShareBase: isShareBase, completes: isShareBase && lead.first?.text == Self.complete,
                                    isComparedBase: figure.change == nil && figure.unit != .percent && leadWords > 0
                                        && (lead.contains { $0.kind == .word && FigureClause.comparedWith.contains($0.text) }
                                            || lead.first?.text == FigureClause.against),
                                    compares: figure.change != nil && lead.contains { FigureClause.comparisons.contains($0.text) },
                                    isYearly: figure.unit == .percent && figure.change != nil && FigureClause.statesYearlyAverage(lead),
                                    share: share, sharePart: sharePart))
                previousEnd = found.span.upperBound
                i = found.span.upperBound + 1
            }
        }
        // 完成年初预算的52.4%, 占45.55%: shares of the budget carried out and of a whole, checked as
        // changes are.
        let shares = places.contains { $0.share != nil }
            || figures.contains { $0.unit == .percent && $0.change == nil && $0.label?.utf8.starts(with: Self.complete.string.utf8) == true }
        if shares || figures.contains(where: { $0.change != nil }) {
            let placed = Self.placed(figures, places, in: written)
            for (k, item) in ChangeCheck.changedItems(placed).enumerated() { figures[k].changeOf = item }
            for k in continuing where places[k].changed == nil { figures[k].changeOf = figures[k - 1].changeOf }
            if shares || figures.contains(where: { $0.unit == .percent && $0.change != nil }) {
                diagnostics += ChangeCheck.diagnostics(placed, opens: &openChanges)
            }
        }
        return figures
    }

    private static let complete: Word = "完成"

    /// The labels of a 决算 that name no item (支出决算为8万元).
    private static let actualStages = ["支出决算", "决算", "决算数"]
    /// How the label of a budget ends after its item, longest first.
    private static let budgetStages = ["支出预算", "预算数", "预算"]

    /// The item whose budget `label` is (公务接待费支出预算 → 公务接待费), if it names one.
    private static func item(ofBudget label: String) -> String? {
        guard let stage = budgetStages.first(where: { label.hasSuffix(utf8: $0) }) else { return nil }
        let item = String(label.dropLast(stage.count))
        // Not a time of the year (年初预算), and short enough that the 决算's label stays within 20.
        guard item.count >= 2, item.count <= 16, !["年初", "全年", "调整", "当年", "本年"].contains(where: { item.hasSuffix(utf8: $0) }) else { return nil }
        return item
    }

    /// The number that follows the figure ending at token `end` with nothing between them, if
    /// one does: no sentence writes one so.
    private static func runOnNumber(_ tokens: [ClauseToken], after end: Int) -> Int? {
        let next = end + 1
        guard next < tokens.count, tokens[next].kind == .number, tokens[next].range.lowerBound == tokens[end].range.upperBound else { return nil }
        return next
    }

    /// Where a figure starts in its paragraph, how many words stand between its clause's start
    /// and it, and, for a change, what its clause and the comparison before it name
    /// (``ChangeCheck/Placed``).
    private struct Place {
        /// Where the figure starts and ends in `written`, in UTF-8 bytes.
        var offset: Int
        var end: Int
        var leadWords: Int
        var changed: String?
        var subject: String?
        var compared: String?
        var isShareBase: Bool
        /// For a share's whole, whether it is the budget carried out (完成预算43.2万元的52.3%).
        var completes: Bool
        var isComparedBase: Bool
        var compares: Bool
        var isYearly: Bool
        var share: ChangeCheck.Share?
        /// For a share, or a whole a share states (占年初预算数109466万元的56.3%), the index of the
        /// figure it is of.
        var sharePart: Int?
    }

    /// The index among `places` of the figure a share whose words start at `clauseStart` is of:
    /// the last, where a comma alone (and spaces) stands between (1163.12万元，占45.55%); where an
    /// aside on it stands between too (1,077.36万元(其中,一般公共预算1,077.36万元,…0万元),占93.57%),
    /// the last before the aside, right before its opening.
    private static func sharePart(_ places: [Place], clauseAt clauseStart: Int, in written: String) -> Int? {
        guard let last = places.indices.last, places[last].end < clauseStart else { return nil }
        var written = written
        return written.withUTF8 { bytes in
            // Spaces: ASCII, tab, a line's end (a paragraph joined from lines), and the ideographic
            // space (E3 80 80).
            func skipSpaces(_ k: inout Int, to end: Int) {
                while k < end {
                    if [0x20, 0x09, 0x0A, 0x0D].contains(bytes[k]) {
                        k += 1
                    } else if k + 2 < end, bytes[k] == 0xE3, bytes[k + 1] == 0x80, bytes[k + 2] == 0x80 {
                        k += 3
                    } else {
                        return
                    }
                }
            }
            // A mark of one byte (ASCII) or three (full-width: EF BC xx) at `k`, stepped over.
            func mark(_ k: inout Int, ascii: UInt8, fullWidth: UInt8) -> Bool {
                if k < clauseStart, bytes[k] == ascii { k += 1; return true }
                if k + 2 < clauseStart, bytes[k] == 0xEF, bytes[k + 1] == 0xBC, bytes[k + 2] == fullWidth { k += 3; return true }
                return false
            }
            var k = places[last].end
            skipSpaces(&k, to: clauseStart)
            let closesAside = mark(&k, ascii: UInt8(ascii: ")"), fullWidth: 0x89)
            skipSpaces(&k, to: clauseStart)
            guard mark(&k, ascii: UInt8(ascii: ","), fullWidth: 0x8C) else { return nil }
            skipSpaces(&k, to: clauseStart)
            guard k == clauseStart else { return nil }
            guard closesAside else { return last }
            // The aside's opening: the last ( or （ before the figure it holds, no ) between.
            var open = places[last].offset - 1
            while open >= 0 {
                if bytes[open] == UInt8(ascii: ")") || open >= 2 && (bytes[open - 2], bytes[open - 1], bytes[open]) == (0xEF, 0xBC, 0x89) { return nil }
                if bytes[open] == UInt8(ascii: "(") { break }
                if open >= 2, (bytes[open - 2], bytes[open - 1], bytes[open]) == (0xEF, 0xBC, 0x88) { open -= 2; break }
                open -= 1
            }
            guard open >= 0, let part = places.lastIndex(where: { $0.end <= open }) else { return nil }
            var gap = places[part].end
            skipSpaces(&gap, to: open)
            return gap == open ? part : nil
        }
    }

    /// Each figure with the number of sentences (closed by 。, ； or ;) before its clause, of
    /// list openings (其中, ：, :) before it, and whether it stands in an aside. A pass of its
    /// own, over the few paragraphs that state a change or a share: counted in ``clauses(of:)``,
    /// the pass every paragraph takes, it cost 41 M instructions more over the 102 `-layout`
    /// and raw inputs, this 3 M.
    private static func placed(_ figures: [Figure], _ places: [Place],
                               in written: String) -> [ChangeCheck.Placed] {
        // The bytes in place: a copy of each paragraph's cost more than the pass.
        var written = written
        return written.withUTF8 { bytes in
            var sentence = 0
            // How deep in asides （…） each figure stands.
            var depth = 0
            var openings = 0
            // The sentence whose amount the last list opening follows: its own, or, for one that
            // opens its sentence (…增长32.4%。其中,税收收入…), the one before. `bare`: nothing but
            // spaces and openings since the sentence began.
            var listSentence = 0
            var bare = true
            var scanned = 0
            // A loop, not a map: the counts captured by a closure had each access checked.
            var placed: [ChangeCheck.Placed] = []
            placed.reserveCapacity(figures.count)
            for (figure, place) in zip(figures, places) {
                // Up to the figure: no 。 or ； stands between its clause's start and it, so the count
                // is its clause's. 。 is E3 80 82, and ；, （, ） and ： EF BC 9B, 88, 89 and 9A; ; ends one
                // too. 其中 is E5 85 B6 E4 B8 AD.
                while scanned < place.offset {
                    let byte = bytes[scanned]
                    var width = 1
                    if byte == UInt8(ascii: ";") {
                        (sentence, bare) = (sentence + 1, true)
                    } else if byte == UInt8(ascii: ":") {
                        (openings, listSentence) = (openings + 1, bare ? sentence - 1 : sentence)
                    } else if byte == UInt8(ascii: "(") {
                        (depth, bare) = (depth + 1, false)
                    } else if byte == UInt8(ascii: ")") {
                        (depth, bare) = (max(0, depth - 1), false)
                    } else if byte >= 0xE3, scanned + 2 < bytes.count {
                        width = 3
                        switch (byte, bytes[scanned + 1], bytes[scanned + 2]) {
                        case (0xE3, 0x80, 0x82), (0xEF, 0xBC, 0x9B): (sentence, bare) = (sentence + 1, true)
                        case (0xEF, 0xBC, 0x88): (depth, bare) = (depth + 1, false)
                        case (0xEF, 0xBC, 0x89): (depth, bare) = (max(0, depth - 1), false)
                        case (0xEF, 0xBC, 0x9A): (openings, listSentence) = (openings + 1, bare ? sentence - 1 : sentence)
                        case (0xE5, 0x85, 0xB6) where scanned + 5 < bytes.count
                            && (bytes[scanned + 3], bytes[scanned + 4], bytes[scanned + 5]) == (0xE4, 0xB8, 0xAD):
                            (openings, listSentence, width) = (openings + 1, bare ? sentence - 1 : sentence, 6)
                        case (0xE3, 0x80, 0x80): break
                        default: bare = false
                        }
                    } else if ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ",")].contains(byte) {
                        bare = false
                    }
                    scanned += width
                }
                placed.append(ChangeCheck.Placed(figure: figure, sentence: sentence, leadWords: place.leadWords, changed: place.changed, subject: place.subject,
                                          compared: place.compared, isShareBase: place.isShareBase,
                                          isComparedBase: place.isComparedBase, compares: place.compares, inAside: depth > 0,
                                          isYearly: place.isYearly, share: place.share, sharePart: place.sharePart,
                                          openings: openings, listSentence: listSentence))
            }
            return placed
        }
    }

    /// What a change's clause says changed: its words before the change verb and before any
    /// comparison (比2024年度), without the year or scope that opens it (2025年度“三公”经费
    /// 财政拨款支出决算数比2024年度减少 → 三公经费财政拨款支出决算数).
    private static func subject(of lead: ArraySlice<ClauseToken>) -> String? {
        // A clause that starts inside an aside (比2022年（上一年度，下同）预算增加) names no item.
        if let close = lead.firstIndex(where: { $0.kind == .punctuation && closingParens.contains($0.text) }),
           !lead[..<close].contains(where: { $0.kind == .punctuation && openingParens.contains($0.text) }) { return nil }
        var words = lead.filter { $0.kind == .word }.map(\.text)
        if let verb = FigureClause.changeVerb(ending: words) {
            words.removeSubrange(verb...)
            // 三公总预算共压减2928万元 as ICU parts it (共 / 压 / 减): the verb's first character, and
            // the 共 or 均 before it, are no part of the item.
            if let last = words.last, verbHeads.contains(last) { words.removeLast() }
            if let last = words.last, adverbsBeforeVerb.contains(last) { words.removeLast() }
        }
        // 主要原因是基本支出增加1408.29万元: the reason names the item after its 是 (ICU reads
        // 主要原因 as one word); not a cause (主要原因是根据国务院通知要求运转类项目预算较上年压减).
        if let reason = words.lastIndex(where: { $0.string.hasSuffix(utf8: "原因") }), reason + 2 < words.count,
           reasonLinks.contains(words[reason + 1]), !causeWords.contains(words[reason + 2]) {
            words.removeSubrange(...(reason + 1))
        }
        if var comparison = words.firstIndex(where: { FigureClause.comparisons.contains($0) }) {
            // 公务接待费同比减少 as ICU may part it: 同 / 比.
            if comparison > 0, words[comparison - 1] == same { comparison -= 1 }
            words.removeSubrange(comparison...)
        }
        // 一是收入增加3627万元: the ordinal that lists the reasons names nothing.
        if let ordinal = FigureClause.ordinalEnd(in: words) { words.removeSubrange(...ordinal) }
        // 其中工资福利支出增加20万元 (其中 without its comma): the part is what changed.
        if words.first == among { words.removeFirst() }
        var subject = FigureClause.withoutScope(words[...]).map(\.string).joined()
        // 因公出国(境)费同口径比2018年减少, 公务接待费可比下降: the basis compared on is no part of the item.
        if let basis = comparableBases.first(where: { subject.hasSuffix(utf8: $0) }) { subject.removeLast(basis.count) }
        return subject.isEmpty ? nil : subject
    }

    /// The item a comparison names in the clause right before the one at UTF-8 offset `end`
    /// (与2020年非税收入相比，减少9万元 → 非税收入): the words between 与 (or 同, 和) and 相比,
    /// without a year before them; nil when only a time is compared (与上年相比), unless an item
    /// stands before its 与 (收入支出总体与上年相比，增加58.21万元 → 收入支出总体).
    private static func comparedItem(before end: Int, in written: String) -> String? {
        // Asked of every change amount with no words of its own, on the bytes: most have no
        // comparison before them, and most comparisons are with a time (与上年相比).
        let found: Range<Int>? = written.utf8.withContiguousStorageIfAvailable { bytes in
            let comma = end >= 3 && bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBC && bytes[end - 1] == 0x8C ? 3
                : end >= 1 && bytes[end - 1] == UInt8(ascii: ",") ? 1 : 0
            let compare = Array("相比".utf8)
            let close = end - comma - compare.count
            guard comma > 0, close >= 0, bytes[close..<(end - comma)].elementsEqual(compare) else { return nil }
            // The clause's start: after the last 。，；: or their ASCII forms, a short way back.
            var open = close
            while open > max(0, close - 120), !isClauseEnd(bytes, endingAt: open) { open -= 1 }
            guard close - open > 3 else { return nil }
            func isTime(after k: Int) -> Bool { timesCompared.contains { bytes[k..<close].starts(with: $0.utf8) } }
            if comparisonOpenings.contains(where: { bytes[open..<(open + 3)].elementsEqual($0) }) {
                // 与上年相比 and the like, told before any String is made.
                return isTime(after: open + 3) ? nil : (open + 3)..<close
            }
            // 收入支出总体与上年相比: the item before 与, compared with a time.
            guard let with = (open..<(close - 3)).first(where: { bytes[$0..<($0 + 3)].elementsEqual(comparisonOpenings[0]) }),
                  with - open >= 6, isTime(after: with + 3) else { return nil }
            return open..<with
        } ?? nil
        guard let found else { return nil }
        let utf8 = written.utf8
        let clause = written[utf8.index(utf8.startIndex, offsetBy: found.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: found.upperBound)]
        var words = Substring(String(String.UnicodeScalarView(clause.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" })))
        // 2020年, 2020年度 (or ２０２０年, as written): the year compared with.
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCIIDigit || (0xFF10...0xFF19).contains(scalar.value) }
        if let year = words.firstIndex(of: "年"), !words[..<year].isEmpty, words[..<year].unicodeScalars.allSatisfy(isDigit) {
            words = words[words.index(after: year)...]
            if words.hasPrefix("度") { words = words.dropFirst() }
        }
        // 与上年相比, 与上年数相比, 与去年同期相比: a time, or its figure, not an item.
        guard !words.isEmpty, !timesCompared.contains(where: { words.hasPrefix($0) }) else { return nil }
        // Before 与, only what ends as an item (not 主要原因是…与上年相比).
        if utf8[utf8.index(utf8.startIndex, offsetBy: found.upperBound)...].starts(with: "与".utf8) {
            guard ChangeCheck.endsAsItem(String(words)), !words.contains(where: \.isNumber) else { return nil }
        }
        return String(words)
    }

    /// Whether a clause ends right before `i`: 。，；： (three bytes each) or , ; :.
    private static func isClauseEnd(_ bytes: UnsafeBufferPointer<UInt8>, endingAt i: Int) -> Bool {
        if i >= 1, [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":")].contains(bytes[i - 1]) { return true }
        guard i >= 3 else { return false }
        switch (bytes[i - 3], bytes[i - 2], bytes[i - 1]) {
        case (0xE3, 0x80, 0x82), (0xEF, 0xBC, 0x8C), (0xEF, 0xBC, 0x9B), (0xEF, 0xBC, 0x9A): return true  // 。，；：
        default: return false
        }
    }

    private static let timesCompared = ["上年", "上一年", "去年", "同期", "前年"]
    private static let comparisonOpenings = ["与", "同", "和"].map { Array($0.utf8) }

    private static let comparableBases = ["同口径", "可比口径", "可比"]
    private static let same: Word = "同"
    private static let among: Word = "其中"
    private static let verbHeads: WordSet = ["压", "调", "核", "缩", "削"]
    private static let adverbsBeforeVerb: WordSet = ["共", "均", "共计", "累计"]
    private static let reasonLinks: WordSet = ["是", "为"]
    private static let causeWords: WordSet = ["根据", "按照", "由于", "因", "因为", "随着", "受"]
    private static let openingParens: WordSet = ["(", "（"]
    private static let closingParens: WordSet = [")", "）"]

    /// How the tokens were written, without the spaces between them (2553.52 万元 is
    /// 2553.52万元): in one piece when they stand side by side, as they mostly do.
    private static func originalText(of tokens: ArraySlice<ClauseToken>, in map: FoldMap) -> String {
        let adjacent = zip(tokens.dropLast(), tokens.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound }
        guard adjacent, let first = tokens.first, let last = tokens.last else {
            return tokens.map { map.originalText(of: $0.range) }.joined()
        }
        return String(map.originalText(of: first.range.lowerBound..<last.range.upperBound))
    }

    /// Whether the UTF-8 offset `offset` of `written` follows a 。 right after a digit, ASCII
    /// or full-width.
    private static func followsStopAfterDigit(_ written: String, at offset: Int) -> Bool {
        let utf8 = written.utf8
        guard offset >= 4 else { return false }
        let end = utf8.index(utf8.startIndex, offsetBy: offset)
        let before = utf8[utf8.index(end, offsetBy: -min(6, offset))..<end]
        guard before.suffix(3).elementsEqual([0xE3, 0x80, 0x82]) else { return false }
        let digit = before.dropLast(3)
        if let last = digit.last, last >= 0x30 && last <= 0x39 { return true }
        let wide = digit.suffix(3)
        return wide.count == 3 && wide.first == 0xEF && wide.dropFirst().first == 0xBC && (0x90...0x99).contains(wide.last!)
    }

    /// The text as written, cut after each 。, ； or ， (a run of them stays with its clause):
    /// how many clauses there are, and those that may hold a figure. Not cut at an ASCII ; or
    /// , which ICU reads inside a number (1.5;2, 1,234), nor at 、, which joins a list of
    /// figures (4.1%、1.9%).
    ///
    /// Every figure has a % sign, a 元, a 万 or 亿 that no word follows (an amount written
    /// without its 元), a 百(分之) or a ¥: a clause with none of them holds none (nor a number
    /// told, but for 倍, 番, ‰ and 千分之). Read on the
    /// text as written, so that no clause is folded for nothing: ％ and ﹪ are the only
    /// characters that fold to %, ￥ the only one to ¥, and nothing folds to 元, 万, 亿 or 百.
    /// One pass over the UTF-8 bytes, as most of a report's text holds no figure.
    static func clauses(of written: String) -> (candidates: [CandidateClause], count: Int) {
        var written = written
        // Only the candidates' places are kept: most paragraphs have none, and no array.
        var candidates: [(bytes: Range<Int>, mayCount: Bool)] = []
        var count = 0
        written.withUTF8 { bytes in
            func isEnd(at i: Int) -> Bool {
                guard i + 2 < bytes.count else { return false }
                switch (bytes[i], bytes[i + 1], bytes[i + 2]) {
                case (0xE3, 0x80, 0x82), (0xEF, 0xBC, 0x9B): return true    // 。；
                // ，, not inside 3125.40，3143.90万元 nor 下降23.5%，38.3%
                case (0xEF, 0xBC, 0x8C): return !((endsDigit(before: i) || endsFigure(before: i)) && startsDigit(at: i + 3))
                default: return false
                }
            }
            /// An ASCII or a full-width digit (EF BC 90…99) ends before `i`, or starts at `i`.
            func endsDigit(before i: Int) -> Bool {
                i >= 1 && (0x30...0x39).contains(bytes[i - 1]) || i >= 3 && bytes[i - 3] == 0xEF && bytes[i - 2] == 0xBC && (0x90...0x99).contains(bytes[i - 1])
            }
            /// A % (ASCII or full-width EF BC 85) or 元 (E5 85 83) ends before `i`.
            func endsFigure(before i: Int) -> Bool {
                i >= 1 && bytes[i - 1] == UInt8(ascii: "%")
                    || i >= 3 && ((bytes[i - 3], bytes[i - 2], bytes[i - 1]) == (0xEF, 0xBC, 0x85) || (bytes[i - 3], bytes[i - 2], bytes[i - 1]) == (0xE5, 0x85, 0x83))
            }
            func startsDigit(at i: Int) -> Bool {
                i < bytes.count && (0x30...0x39).contains(bytes[i]) || i + 2 < bytes.count && bytes[i] == 0xEF && bytes[i + 1] == 0xBC && (0x90...0x99).contains(bytes[i + 2])
            }
            /// Whether a word starts at `j`, past spaces: a CJK ideograph or an ASCII letter or digit.
            func startsWord(at j: Int) -> Bool {
                var j = j
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                guard j < bytes.count else { return false }
                let byte = bytes[j]
                return (0xE4...0xE9).contains(byte) || (byte < 0x80 && (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
                    || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")))
            }
            var start = 0
            var marked = false
            var counts = false
            var i = 0
            Self.clauseMarks.withUnsafeBufferPointer { marks in
                while i < bytes.count {
                    let byte = bytes[i]
                    if byte < 0x80 {
                        if byte == UInt8(ascii: "%") { marked = true }
                        i += 1
                        continue
                    }
                    // A mark ends no text: a number follows ¥, and precedes the others.
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    defer { i += length }
                    guard length < 4, i + 2 < bytes.count else { continue }
                    // Looked up by code point: most characters are none of the marks, a test
                    // the processor foresees, where a switch on the lead byte it did not.
                    let point = length == 2 ? Int(byte & 0x1F) << 6 | Int(bytes[i + 1] & 0x3F)
                        : Int(byte & 0x0F) << 12 | Int(bytes[i + 1] & 0x3F) << 6 | Int(bytes[i + 2] & 0x3F)
                    switch marks[point] {
                    case ClauseMark.none:
                        break
                    case ClauseMark.figure:
                        marked = true
                    case ClauseMark.multiple:
                        marked = true
                        counts = true
                    case ClauseMark.tenThousands:    // 万, 亿: an amount's only where no word follows (not 5万余块, 3.5万人)
                        marked = marked || !startsWord(at: i + 3)
                    case ClauseMark.thousand:    // 千分 (千分之五, told)
                        marked = marked || i + 5 < bytes.count && bytes[i + 3] == 0xE5 && bytes[i + 4] == 0x88 && bytes[i + 5] == 0x86
                    default:    // 。；，
                        if isEnd(at: i) && i + 3 < bytes.count && !isEnd(at: i + 3) {
                            // Counted here, not in a function of the clauses: one that captures
                            // them is checked for exclusive access at every call.
                            count += 1
                            if marked { candidates.append((start..<(i + 3), counts)) }
                            start = i + 3
                            marked = false
                            counts = false
                        }
                    }
                }
            }
            count += 1
            if marked { candidates.append((start..<bytes.count, counts)) }
        }
        let utf8 = written.utf8
        return (candidates.map { bytes, mayCount in
            CandidateClause(text: written[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)],
                            mayCount: mayCount)
        }, count)
    }

    /// A clause that may hold a figure, as ``clauses(of:)`` cuts it.
    struct CandidateClause {
        var text: Substring
        /// Whether 倍 or 番 stands in it: a multiple in words (增长一倍, 翻一番) may then.
        var mayCount: Bool
    }

    /// The item a short line names alone, its list marker left out (六、年度预算安排 →
    /// 年度预算安排, 年度预算金额): no mark, no figure, and the ending of an item of money.
    static func itemName(_ text: String) -> String? {
        // Asked of every paragraph: on its bytes first, as most are longer or end otherwise.
        guard text.utf8.count <= 96, let last = text.utf8.last, itemNameLastBytes[Int(last)],
              itemNameEndings.contains(where: { text.hasSuffix(utf8: $0) }) else { return nil }
        let text = String(text.trimmingSpaces)
        guard !text.unicodeScalars.isLonger(than: 24) else { return nil }
        let start = ListMarker.scan(text).map { text.utf16.index(text.startIndex, offsetBy: $0.range.upperBound) } ?? text.startIndex
        let name = text[start...].trimmingSpaces
        guard !name.isEmpty, !PageText.isPunctuated(name), !name.unicodeScalars.contains(where: \.isASCIIDigit) else { return nil }
        return String(name)
    }

    private static let itemNameEndings = ChangeCheck.itemEndings + ["金额"]
    /// Whether a byte ends one of ``itemNameEndings``.
    private static let itemNameLastBytes = (0...255).map { byte in itemNameEndings.contains { $0.utf8.last == UInt8(byte) } }

    /// Whether a line starts with an amount, its number and then 万元, 亿元 or 元 (21,955.35
    /// 万元。包括：), and whether that amount is all it holds (210万元, 795 万元).
    static func leadingAmount(_ text: some StringProtocol) -> (found: Bool, alone: Bool) {
        let scalars = text.trimmingSpaces.unicodeScalars
        guard scalars.first?.isASCIIDigit == true else { return (false, false) }
        let unit = scalars.drop { $0.isASCIIDigit || $0 == "," || $0 == "." }.drop { $0 == " " }
        guard let money = ["万元", "亿元", "元"].first(where: { unit.starts(with: $0.unicodeScalars) }) else { return (false, false) }
        return (true, unit.count == money.unicodeScalars.count)
    }

    /// What each code point of the Basic Multilingual Plane is to ``clauses(of:)``.
    private enum ClauseMark {
        static let none: UInt8 = 0, figure: UInt8 = 1, tenThousands: UInt8 = 2, thousand: UInt8 = 3, end: UInt8 = 4, multiple: UInt8 = 5
    }

    private static let clauseMarks: [UInt8] = {
        var marks = [UInt8](repeating: ClauseMark.none, count: 0x10000)
        for (characters, mark) in [("¥‰元百％﹪￥", ClauseMark.figure), ("倍番", ClauseMark.multiple), ("万亿", ClauseMark.tenThousands),
                                   ("千", ClauseMark.thousand), ("。；，", ClauseMark.end)] {
            for scalar in characters.unicodeScalars { marks[Int(scalar.value)] = mark }
        }
        return marks
    }()
}

/// The label a table's row gives a figure of its cells: the nearest cell to the figure's
/// left, on its row or merged over it, that holds words and no number (年度资金总额,
/// 其中：当年财政拨款), as a table's row names what its cells measure. Only the rows asked
/// are read: a Word table can hold thousands of rows.
struct RowLabels {
    /// The table's cells, in row-major order (as ``TableGrid`` keeps them).
    private let cells: [Table.Cell]
    /// The cells merged over rows below their own.
    private let tall: [Table.Cell]

    init(_ table: Table) {
        cells = table.cells
        tall = table.cells.filter { $0.rowSpan > 1 }
    }

    func label(leftOf cell: Table.Cell) -> String? {
        var low = 0, high = cells.count
        while low < high {
            let mid = (low + high) / 2
            if cells[mid].row < cell.row { low = mid + 1 } else { high = mid }
        }
        let own = cells[low...].prefix { $0.row == cell.row }
        let over = tall.filter { $0.row < cell.row && cell.row < $0.row + $0.rowSpan }
        return (own + over).filter { $0.column + $0.columnSpan <= cell.column && Self.isLabel($0.text) }
            .max { $0.column < $1.column }.map { SelfEvaluationReader.oneLine($0.text) }
    }

    /// Words with a Chinese character, and no digit: no figure, code or measure. Nor a
    /// unit (（万元）), nor the rest of a cell wrapped onto a line of its own in page text
    /// (元）, /部).
    private static func isLabel(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !"/)）、%".unicodeScalars.contains(first),
              !text.unicodeScalars.contains(where: \.isASCIIDigit)
        else { return false }
        return text.unicodeScalars.contains { $0.isIdeograph && !"万元亿".unicodeScalars.contains($0) }
    }
}

extension Diagnostic {
    /// A number in a unit finparse/1's figures have none for (提高3.2个百分点, 增长16倍).
    static func figureNotRead(_ text: String, _ unit: FigureSpan.OtherUnit, line: Int) -> Diagnostic {
        let what = switch unit {
        case .percentagePoints: "a change in percentage points"
        case .multiple: "a multiple"
        case .perMille: "a per mille"
        case .foreignCurrency: "money in another currency than 元"
        case .rate: "a rate, money for each of something"
        }
        return Diagnostic(severity: .info, code: "figure-not-read",
                          message: "\(text) is \(what), which a figure has no unit for; it is not read as one", line: line)
    }

    /// 56万元 of １２３４。５６万元: a 。 between digits may be a decimal point typed as Chinese
    /// punctuation, and the figure after it a part of one; it is not read.
    static func figureAfterStop(_ text: String, line: Int) -> Diagnostic {
        Diagnostic(severity: .warning, code: "figure-not-read",
                   message: "\(text) follows a 。 right after a digit, which may be a decimal point typed as a full stop; it is not read as a figure",
                   line: line)
    }

    /// 202010100.00%10: a figure whose unit the next number follows with nothing between, as
    /// a table's cells run together in a page's text; its number is several cells' digits.
    static func figureRunOn(_ text: String, line: Int) -> Diagnostic {
        Diagnostic(severity: .warning, code: "figure-not-read",
                   message: "\(text) runs straight on into the number after its unit, as a table's cells run together; "
                       + "its number may be several cells' digits, and it is not read as a figure",
                   line: line)
    }

    /// 12，345万元, read as a list (12 and 345万元) whose ， may instead group thousands.
    static func figureAmbiguous(_ text: String, first: String, second: String, line: Int) -> Diagnostic {
        Diagnostic(severity: .warning, code: "figure-ambiguous",
                   message: "\(text) is read as a list, \(first) and \(second); if its ， groups thousands, as typed in a "
                       + "full-width mode, both figures are wrong",
                   line: line)
    }

    /// A figure whose number has more digits than an exact `Decimal` holds: reported, as
    /// money is never rounded.
    static func figureTooLong(_ text: String, line: Int) -> Diagnostic {
        Diagnostic(severity: .warning, code: "figure-too-long",
                   message: "\(text) has more digits than an exact decimal holds; it is not read as a figure",
                   line: line)
    }
}

/// A token as the figure pass reads it: its kind, its folded text, compared by its bytes,
/// and its range in the folded clause (for the spelling of a figure found there).
struct ClauseToken {
    var kind: Token.Kind
    var text: Word
    var range: Range<Int>
}

/// The unit a clause's list of numbers shares (3125.40，3143.90万元), read for its first number:
/// the list runs through token `through`.
struct SharedUnits {
    var through = -1
    var unit: Figure.Unit?
}

/// Where a figure stands among the tokens, and what it says.
struct FigureSpan {
    var span: ClosedRange<Int>
    /// nil for a number with more digits than an exact `Decimal` holds.
    var value: Decimal?
    var unit: Figure.Unit
    /// The comparison the figure's own words state: 3000余万元 is more than 3000万元.
    var comparator: Comparator?
    /// The figure closes a range (100万元 of 50-100万元) and is read as its lower bound is.
    var closesRange = false

    /// The figure whose number stands at token `i`. `lists` keeps what the clause's lists of
    /// numbers share (``sharingUnit(_:number:lists:)``) from one call to the next.
    static func match(_ tokens: [ClauseToken], at i: Int, lists: inout SharedUnits) -> FigureSpan? {
        guard var found = unsigned(tokens, at: i, lists: &lists) else { return nil }
        if tokens[i].kind == .number, isRangeEnd(tokens, number: i, unit: found.unit) {
            // 得分区间100-80%: a range written from its upper bound ends at its lower.
            let lower = [i - 2, i - 3].first { $0 >= 0 && tokens[$0].kind == .number }
            let fromAbove = lower.flatMap { boundValue(tokens[$0]) }.flatMap { other in found.value.map { other > $0 } } ?? false
            found.comparator = found.comparator ?? (fromAbove ? .greaterOrEqual : .lessOrEqual)
            found.closesRange = true
        } else if tokens[i].kind == .number, i > 0, tokens[i - 1].range.upperBound == tokens[i].range.lowerBound, tokens[i - 1].text == point {
            // 提高.5%: a number written from its point is a fraction; 12..5万元 has lost digits.
            if i >= 2, tokens[i - 2].range.upperBound == tokens[i - 1].range.lowerBound,
               tokens[i - 2].kind == .number || tokens[i - 2].text == point {
                return nil
            }
            guard isDigits(tokens[i]) else { return nil }
            // 同比增长13 .6%: the point a space from the digits before it, as pdftotext prints a
            // number of a line it justified (read from its point, it was 0.6%); 1 234 .5万元 with
            // its digits grouped by spaces too. Digits a space before that are no groups of it
            // (12 34 .5万元) leave no figure: neither 34.5 nor 0.5 is what was written.
            var whole = "0", start = i - 1
            if i >= 2, tokens[i - 2].range.upperBound + 1 == tokens[i - 1].range.lowerBound, isDigits(tokens[i - 2]) {
                guard let grouped = spaceGroupedBackward(tokens, endingAt: i - 2) else { return nil }
                (whole, start) = grouped
            }
            guard case .exact(let value) = Decimal.reading(whole + "." + tokens[i].text.string) else { return nil }
            found.span = start...found.span.upperBound
            found.value = value
        } else if tokens[i].kind == .number, i > 0, tokens[i - 1].range.upperBound == tokens[i].range.lowerBound,
                  tokens[i - 1].text == minus || tokens[i - 1].text == minusSign {
            // 年末结转和结余-3.2万元: a minus sign against the number makes it negative.
            found.span = (i - 1)...found.span.upperBound
            found.value = found.value.map { -$0 }
        } else if found.comparator == nil, let k = rangeEnd(tokens, after: found.span.upperBound),
                  let upper = ownUnit(tokens, number: k), (upper == .percent) == (found.unit == .percent) {
            let fromAbove = found.value.flatMap { value in boundValue(tokens[k]).map { $0 < value } } ?? false
            found.comparator = fromAbove ? .lessOrEqual : .greaterOrEqual
        }
        return found
    }

    /// The value of a range's other bound, to tell a range written from its upper bound
    /// (100-80%) from one written from its lower (80-100%).
    private static func boundValue(_ bound: ClauseToken) -> Decimal? {
        guard case .exact(let value) = Decimal.reading(bound.text.string) else { return nil }
        return value
    }

    private static let minus: Word = "-", minusSign: Word = "−", replacement: Word = "\u{FFFD}"

    /// A number token of digits alone, no point.
    private static func isDigits(_ token: ClauseToken) -> Bool {
        token.kind == .number && token.text.string.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// What joins the bounds of a range: 50-100万元, 90%～100%, 50万元至100万元.
    static let rangeMarks: WordSet = ["-", "−", "–", "—", "——", "~", "〜", "至", "到"]

    /// The number that closes a range whose mark follows token `end` (the lower bound's
    /// last), when the two are written close: 50-100, 90%-100%, not 50万元，至2023年.
    private static func rangeEnd(_ tokens: [ClauseToken], after end: Int) -> Int? {
        let k = end + 2
        guard k < tokens.count, tokens[k].kind == .number, rangeMarks.contains(tokens[end + 1].text) else { return nil }
        return k
    }

    /// Whether number `i`, a figure in `unit`, closes a range (100万元 of 50-100万元, 100% of
    /// 90%-100%): a range mark before it, and before that a number, or the lower bound's
    /// unit: % before a percent, 元, 万 or 亿 before an amount. A minus sign there is no
    /// sign (100-200万元).
    private static func isRangeEnd(_ tokens: [ClauseToken], number i: Int, unit: Figure.Unit) -> Bool {
        guard i >= 2 else { return false }
        let before = tokens[i - 2]
        let bound = before.kind == .number
            || (unit == .percent ? before.kind == .percentSign : before.kind == .unit || before.text == wan || before.text == yi)
        return bound && rangeMarks.contains(tokens[i - 1].text)
    }

    /// 25�3.52万元, 38�.75万元: a number right after a damaged place of its file (U+FFFD, see
    /// TextDecoding), or after its point, may have lost digits there.
    static func followsDamage(_ tokens: [ClauseToken], at i: Int) -> Bool {
        // Most figures follow a word: only punctuation before one is asked about further.
        guard i > 0, tokens[i - 1].kind == .punctuation else { return false }
        var k = i
        while k > 0, tokens[k - 1].range.upperBound == tokens[k].range.lowerBound {
            k -= 1
            if tokens[k].text == replacement { return true }
            guard k == i - 1, tokens[k].text == point || tokens[k].text == comma else { return false }
        }
        return false
    }

    private static let point: Word = ".", comma: Word = ","

    private static func unsigned(_ tokens: [ClauseToken], at i: Int, lists: inout SharedUnits) -> FigureSpan? {
        let token = tokens[i]
        switch token.kind {
        case .number:
            if let grouped = spaceGrouped(tokens, number: i) { return grouped }
            // Most numbers are no figure: look at what follows before reading the value.
            guard let unit = ownUnit(tokens, number: i) ?? unitOfMoney(tokens, number: i) else {
                return scaled(tokens, number: i) ?? moreThan(tokens, number: i) ?? sharingUnit(tokens, number: i, lists: &lists)
                    ?? rangeStart(tokens, number: i)
                    ?? yuanSign(tokens, number: i)
            }
            return FigureSpan(number: token.text, span: i...(i + 1), unit: unit)
        case .word where token.text.string.unicodeScalars.first == "百" && (token.text == "百分" || token.text == "百分之" || token.text == wholly):
            // 百分之五, 百分之三十, 百分之12.5, 百分之十二点五, 百分之百
            if token.text == wholly { return FigureSpan(span: i...i, value: 100, unit: .percent) }
            var k = i + 1
            if token.text == "百分" {
                guard k < tokens.count, tokens[k].text.string.unicodeScalars.first == "之" else { return nil }
                // ICU reads 百分之十 as 百分 / 之十, 百分之九十五 as 百分 / 之九十 / 五.
                if tokens[k].text != zhi {
                    guard let (value, end) = spelledNumber(tokens, from: k, dropping: 1) else { return nil }
                    return FigureSpan(span: i...end, value: value, unit: .percent)
                }
                k += 1
            }
            if k < tokens.count, tokens[k].kind == .number,
               let found = FigureSpan(number: tokens[k].text, span: i...k, unit: .percent) {
                return found
            }
            guard let (value, end) = spelledNumber(tokens, from: k) else { return nil }
            return FigureSpan(span: i...end, value: value, unit: .percent)
        case .word:
            // 三百万元, 一千二百万元: a run of numeral words right before 元.
            guard let run = ChineseNumeralRun(tokens, from: i), run.end + 1 < tokens.count,
                  tokens[run.end + 1].kind == .unit, let unit = Figure.Unit(rawValue: tokens[run.end + 1].text.string)
            else { return nil }
            // Not the tail of a longer one (壹万贰仟叁佰肆拾伍元, whose 万 inside is not read:
            // 贰仟叁佰肆拾伍元 is no amount), nor numerals after digits (30 三元: 30 万元 with its
            // 万 damaged).
            if i > 0, tokens[i - 1].kind == .number
                || tokens[i - 1].kind == .word && tokens[i - 1].text.string.unicodeScalars.last.map(ChineseNumeral.isAmountNumeral) == true {
                return nil
            }
            // 千元 alone is a unit of account (单位：千元), not a thousand 元: an amount in
            // numerals opens with a digit, or with 十.
            guard let first = run.text.unicodeScalars.first, ChineseNumeral.digit(first) != nil || ChineseNumeral.multiplier(first) == 10,
                  let amount = ChineseNumeral.amount(of: run.text, unit: unit) else { return nil }
            var found = FigureSpan(span: i...(run.end + 1), value: amount.value, unit: amount.unit)
            if amount.unit == .yuan, tokens[run.end + 1].text == yuanWord, let (fraction, end) = jiaoFen(tokens, after: run.end + 1) {
                found.value = amount.value + fraction
                found.span = i...end
            }
            return found
        default:
            return nil
        }
    }
}

extension FigureSpan {
    /// 项目总预算1720.00万，国内公务接待支出 0.3 万。, 支出总计1.5亿。: 万 or 亿 without its 元,
    /// ending the clause, after an amount written to the fen or in a clause about money, is 万元
    /// or 亿元. Not 3.5万人, 1.2万平方米 (a word follows), nor 服务人口93.5万， (no fen, no money).
    fileprivate static func unitOfMoney(_ tokens: [ClauseToken], number i: Int) -> Figure.Unit? {
        guard i + 1 < tokens.count, i + 2 == tokens.count || tokens[i + 2].kind == .punctuation else { return nil }
        let scale = tokens[i + 1].text
        guard scale == wan || scale == yi else { return nil }
        let unit: Figure.Unit = scale == wan ? .tenThousandYuan : .hundredMillionYuan
        let digits = tokens[i].text.string.utf8
        if let point = digits.firstIndex(of: UInt8(ascii: ".")), digits.distance(from: point, to: digits.endIndex) == 3 { return unit }
        var k = i
        while k > 0, !FigureClause.isBoundary(tokens[k - 1]) {
            k -= 1
            if tokens[k].kind == .word, tokens[k].text.string.unicodeScalars.contains(where: moneyCharacters.contains)
                || moneyWords.contains(tokens[k].text) { return unit }
        }
        return nil
    }

    /// 预算金额：¥1,200,000.00 (or ￥, which folds to ¥): a number after the yuan sign, with no
    /// unit of its own, is in 元.
    fileprivate static func yuanSign(_ tokens: [ClauseToken], number i: Int) -> FigureSpan? {
        guard i > 0, tokens[i - 1].text == yuan else { return nil }
        return FigureSpan(number: tokens[i].text, span: (i - 1)...i, unit: .yuan)
    }

    private static let yuan: Word = "¥", yuanWord: Word = "元", wholly: Word = "百分之百", zhi: Word = "之"

    /// 十二点五, 零点五 (ICU: 零点 / 五): a number spelled in numerals, with a fraction after 点,
    /// from token `start`, and the last token it takes.
    /// `dropping`: the characters of the first token that are not the number's (the 之 of 之十).
    fileprivate static func spelledNumber(_ tokens: [ClauseToken], from start: Int, dropping: Int = 0) -> (Decimal, Int)? {
        longestReading(tokens, from: start, dropping: dropping, of: { ChineseNumeral.isNumeral($0) || $0 == "点" },
                       ChineseNumeral.decimal(of:))
    }

    /// 壹万贰仟叁佰肆拾伍元陆角柒分: the 角 and 分 in numerals after the 元 of token `unit`, and the
    /// last token they take.
    fileprivate static func jiaoFen(_ tokens: [ClauseToken], after unit: Int) -> (Decimal, Int)? {
        longestReading(tokens, from: unit + 1, of: { ChineseNumeral.isNumeral($0) || $0 == "角" || $0 == "分" },
                       ChineseNumeral.jiaoFen)
    }

    /// The value `read` gives the longest run of word tokens from `start` (eight at most) whose
    /// characters `admits` takes, and the run's last token: ICU parts spelled numbers anywhere.
    private static func longestReading(_ tokens: [ClauseToken], from start: Int, dropping: Int = 0,
                                       of admits: (Unicode.Scalar) -> Bool,
                                       _ read: (ArraySlice<Unicode.Scalar>) -> Decimal?) -> (Decimal, Int)? {
        var scalars: [Unicode.Scalar] = []
        var found: (Decimal, Int)? = nil
        var k = start
        while k < tokens.count, k < start + 8, tokens[k].kind == .word,
              case let word = tokens[k].text.string.unicodeScalars.dropFirst(k == start ? dropping : 0), word.allSatisfy(admits) {
            scalars += word
            if let value = read(scalars[...]) { found = (value, k) }
            k += 1
        }
        return found
    }

    /// 收入总计1 234.56万元: digits grouped in threes by single spaces (or thin or no-break
    /// spaces, which fold to one), as some PDFs print them, are one number; read from its
    /// second group, it was 234.56万元. The first group has one to three digits, and the
    /// number a unit of money after it.
    fileprivate static func spaceGrouped(_ tokens: [ClauseToken], number i: Int) -> FigureSpan? {
        func digitCount(_ token: ClauseToken) -> Int? {
            let utf8 = token.text.string.utf8
            let whole = utf8.prefix { $0 != UInt8(ascii: ".") }
            guard token.kind == .number, whole.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return whole.count
        }
        // Not from inside a run of groups (the 234 of 1 234 567元).
        guard i + 1 < tokens.count, tokens[i + 1].kind == .number, tokens[i + 1].range.lowerBound == tokens[i].range.upperBound + 1,
              let first = digitCount(tokens[i]), first <= 3, !tokens[i].text.string.utf8.contains(UInt8(ascii: ".")),
              i == 0 || tokens[i - 1].kind != .number || tokens[i - 1].range.upperBound + 1 != tokens[i].range.lowerBound
        else { return nil }
        var digits = tokens[i].text.string
        var k = i
        while k + 1 < tokens.count, tokens[k + 1].range.lowerBound == tokens[k].range.upperBound + 1,
              digitCount(tokens[k + 1]) == 3, !tokens[k].text.string.utf8.contains(UInt8(ascii: ".")) {
            k += 1
            digits += tokens[k].text.string
        }
        // Not a rate: 52 100 100.00% is a table row's three cells, no rate in the millions.
        guard k > i, let unit = ownUnit(tokens, number: k), unit != .percent else { return nil }
        return FigureSpan(number: Word(digits), span: i...(k + 1), unit: unit)
    }

    /// The whole part of a number whose last group of digits is token `end`, read back over
    /// groups of three a single space apart to a first of one to three digits (234, 1 234,
    /// 1 234 567); nil where the digits a space before are no such groups (12 34).
    private static func spaceGroupedBackward(_ tokens: [ClauseToken], endingAt end: Int) -> (digits: String, start: Int)? {
        func spacedDigits(before k: Int) -> Bool {
            k > 0 && tokens[k - 1].kind == .number && tokens[k - 1].range.upperBound + 1 == tokens[k].range.lowerBound
        }
        var start = end
        while spacedDigits(before: start), tokens[start].text.string.utf8.count == 3, isDigits(tokens[start - 1]) {
            start -= 1
        }
        guard !spacedDigits(before: start), tokens[start].text.string.utf8.count <= 3 || start == end else { return nil }
        return (tokens[start...end].map(\.text.string).joined(), start)
    }

    private static let wan: Word = "万"

    /// Units no figure has.
    enum OtherUnit {
        /// 提高3.2个百分点: a change of a rate in points (3.2% would be another thing).
        case percentagePoints
        /// 增长16倍, 是上年的1.5倍.
        case multiple
        /// 死亡率控制在0.5‰以内.
        case perMille
        /// 援助资金100万美元: money in another currency than 元.
        case foreignCurrency
        /// 经费定额2000元/人, 10万元/年: money for each of something.
        case rate
    }

    /// The last token of what an amount ending at `end` is for each of, as a rate writes it: a
    /// slash and a word right after the unit (元/人, 万元/年, 元/平方米, 5万元/ 人), or 每 and what
    /// (2000元每人, 2000元每人每年); nil for a slash before a number (1000元/2000元), a space
    /// before the slash, or 每 after a break (100万元，每年…).
    static func perWhat(_ tokens: [ClauseToken], after end: Int) -> Int? {
        func follows(_ k: Int) -> Bool { k < tokens.count && tokens[k].range.lowerBound == tokens[k - 1].range.upperBound }
        if follows(end + 1), tokens[end + 1].kind == .word, tokens[end + 1].text.string.hasPrefix("每") {
            var last = end + 1
            // 每 / 平方米 as ICU may part it; 每人 / 每年.
            while follows(last + 1), tokens[last + 1].kind == .word,
                  tokens[last].text == each || tokens[last + 1].text.string.hasPrefix("每") { last += 1 }
            return last
        }
        guard follows(end + 1), tokens[end + 1].text == slash, end + 2 < tokens.count, tokens[end + 2].kind == .word,
              // One space after the slash at most (5万元/ 人): a clause's tokens hold no spaces.
              tokens[end + 2].range.lowerBound - tokens[end + 1].range.upperBound <= 1 else { return nil }
        return end + 2
    }

    private static let slash: Word = "/"
    private static let each: Word = "每"

    /// A number in a unit no figure has, told in a diagnostic rather than read as a figure:
    /// 提高3.2个百分点 (also 3.2百分点), 增长16倍, 增长一倍, 翻一番, 0.5‰, 千分之五.
    static func otherUnit(_ tokens: [ClauseToken], at i: Int) -> (span: ClosedRange<Int>, unit: OtherUnit)? {
        if tokens[i].kind == .word {
            if tokens[i].text == perMilleWord {
                guard let (_, end) = spelledNumber(tokens, from: i + 1) else { return nil }
                return (i...end, .perMille)
            }
            return spelledMultiple(tokens, at: i).map { ($0, .multiple) }
        }
        guard tokens[i].kind == .number, i + 1 < tokens.count else { return nil }
        if tokens[i + 1].text == bei { return (i...(i + 1), .multiple) }
        if let end = foreignCurrency(tokens, after: i) { return (i...end, .foreignCurrency) }
        if tokens[i + 1].text == permille { return (i...(i + 1), .perMille) }
        var k = i + 1
        if tokens[k].text == ge { k += 1 }
        guard k < tokens.count else { return nil }
        if tokens[k].text == points { return (i...k, .percentagePoints) }
        // ICU reads 百分点 as 百分 / 点.
        return k + 1 < tokens.count && tokens[k].text == percent && tokens[k + 1].text == dian ? (i...(k + 1), .percentagePoints) : nil
    }

    /// A multiple in words that starts at token `i`, as ICU parts them: 一倍, 两 / 倍, 翻一番,
    /// 翻了 / 两 / 番, 翻 / 番. 加倍 and 倍增 name no multiple.
    private static func spelledMultiple(_ tokens: [ClauseToken], at i: Int) -> ClosedRange<Int>? {
        let word = tokens[i].text.string.unicodeScalars
        guard let last = word.last else { return nil }
        if word.count > 1, last == "倍" || word.first == "翻" && last == "番" {
            let count = last == "倍" ? word.dropLast() : word.dropFirst().dropLast()
            return count.allSatisfy(ChineseNumeral.isNumeral) ? i...i : nil
        }
        let turns = tokens[i].text == fan || tokens[i].text == fanLe
        guard turns || word.allSatisfy(ChineseNumeral.isNumeral) else { return nil }
        if turns, i + 1 < tokens.count, tokens[i + 1].text == fanTimes { return i...(i + 1) }
        guard let (_, end) = spelledNumber(tokens, from: turns ? i + 1 : i), end + 1 < tokens.count,
              tokens[end + 1].text == (turns ? fanTimes : bei) else { return nil }
        return i...(end + 1)
    }

    /// The last token of a currency other than 元 right after number `i`, 万 or 亿 between
    /// (100万美元, 2000万日元: ICU parts them 万 / 美元 and 万日 / 元).
    private static func foreignCurrency(_ tokens: [ClauseToken], after i: Int) -> Int? {
        // Most numbers without a unit are years and counts (2021年, 15个): the first scalar tells.
        switch tokens[i + 1].text.string.unicodeScalars.first?.value {
        case 0x4E07, 0x4EBF, 0x7F8E, 0x6E2F, 0x6B27, 0x65E5, 0x82F1, 0x6FB3, 0x65B0: break  // 万亿美港欧日英澳新
        default: return nil
        }
        var words = ""
        for k in (i + 1)..<min(i + 4, tokens.count) {
            words += tokens[k].text.string
            if foreignCurrencies.contains(words.hasPrefix("万") || words.hasPrefix("亿") ? String(words.dropFirst()) : words) { return k }
        }
        return nil
    }

    private static let foreignCurrencies: Set<String> = ["美元", "港元", "港币", "欧元", "日元", "英镑", "美金", "澳门元", "新台币"]

    static let perMilleWord: Word = "千分之"
    private static let fan: Word = "翻", fanLe: Word = "翻了", fanTimes: Word = "番"
    private static let ge: Word = "个", points: Word = "百分点", percent: Word = "百分", dian: Word = "点", bei: Word = "倍", permille: Word = "‰"

    /// 3.5千元, 1.2千万元, 12百万元, 0.35万亿元: a number scaled by 百, 千 or 万 before its unit.
    /// Its value is the amount in that unit (3500 元, 1200 万元, 3500 亿元: the contract has no
    /// 万亿元); its text keeps the spelling.
    fileprivate static func scaled(_ tokens: [ClauseToken], number i: Int) -> FigureSpan? {
        guard i + 2 < tokens.count, tokens[i + 2].kind == .unit else { return nil }
        let word = tokens[i + 1].text
        let factor: Decimal = switch word {
        case hundred, millions: 100
        case thousand, tenMillions: 1000
        case tenThousand, trillions: 10_000
        default: 0
        }
        guard factor > 0, let unit = Figure.Unit(rawValue: tokens[i + 2].text.string),
              var found = FigureSpan(number: tokens[i].text, span: i...(i + 2), unit: unit)
        else { return nil }
        found.value = found.value.map { $0 * factor }
        switch word {
        case millions, tenMillions:
            guard unit == .yuan else { return nil }
            found.unit = .tenThousandYuan
        case tenThousand:
            // 万 before 亿元 alone: 3万元 is one unit, and 3万% none.
            guard unit == .hundredMillionYuan else { return nil }
        case trillions:
            guard unit == .yuan else { return nil }
            found.unit = .hundredMillionYuan
        default:
            break
        }
        return found
    }

    private static let hundred: Word = "百", thousand: Word = "千", millions: Word = "百万", tenMillions: Word = "千万"
    private static let tenThousand: Word = "万", trillions: Word = "万亿"

    /// 3000余万元, 5000多万元, 12.5万余元: an amount the text gives as more than its number,
    /// 余 or 多 between the number and its unit (or inside it, after 万 or 亿).
    fileprivate static func moreThan(_ tokens: [ClauseToken], number i: Int) -> FigureSpan? {
        // Most numbers without a unit are years and counts: the first scalar tells.
        guard i + 1 < tokens.count, let first = tokens[i + 1].text.string.unicodeScalars.first,
              first == "余" || first == "多" || first == "万" || first == "亿" else { return nil }
        // Up to two words after the number: ICU reads 万余元 as one, 亿 / 多元 as two.
        var words = ""
        var k = i + 1
        while k < tokens.count, k <= i + 2, tokens[k].kind == .word {
            words += tokens[k].text.string
            var found: FigureSpan?
            if let unit = unitsAfterMore[words] {
                found = FigureSpan(number: tokens[i].text, span: i...k, unit: unit)
            } else if k + 1 < tokens.count, tokens[k + 1].kind == .unit, let unit = Figure.Unit(rawValue: tokens[k + 1].text.string),
                      let scaled = words == "余" || words == "多" ? unit : unit == .yuan ? unitsAfterMore[words + "元"] : nil {
                found = FigureSpan(number: tokens[i].text, span: i...(k + 1), unit: scaled)
            }
            if found != nil {
                found!.comparator = .greater
                return found
            }
            k += 1
        }
        return nil
    }

    /// 收、支总计各是3125.40，3143.90万元; 分别为12.5、13.6万元: a list of figures whose last alone
    /// is written with the unit they share.
    /// The list is walked once, for its first number: walked for each, a list of thousands
    /// of numbers took seconds.
    fileprivate static func sharingUnit(_ tokens: [ClauseToken], number i: Int, lists: inout SharedUnits) -> FigureSpan? {
        if i > lists.through {
            var k = i
            var unit: Figure.Unit? = nil
            while k + 2 < tokens.count, tokens[k + 1].kind == .punctuation, FigureClause.listSeparators.contains(tokens[k + 1].text),
                  tokens[k + 2].kind == .number {
                k += 2
                if let own = ownUnit(tokens, number: k) {
                    unit = own
                    break
                }
            }
            lists = SharedUnits(through: k, unit: unit)
        }
        return lists.unit.flatMap { FigureSpan(number: tokens[i].text, span: i...i, unit: $0) }
    }

    /// The unit or % right after number `k`.
    private static func ownUnit(_ tokens: [ClauseToken], number k: Int) -> Figure.Unit? {
        guard k + 1 < tokens.count else { return nil }
        let next = tokens[k + 1]
        return next.kind == .percentSign ? .percent : next.kind == .unit ? Figure.Unit(rawValue: next.text.string) : nil
    }

    /// 345 of 12，345万元: a whole number of three digits right after a ， right after a
    /// whole number of one to three, written close. The tokenizer reads them as a list
    /// (100，200万元), as no decimal part, second comma or group starting with 0 says
    /// otherwise; the ， may group thousands all the same.
    static func mayGroupThousands(_ tokens: [ClauseToken], number i: Int) -> Bool {
        guard i >= 2, tokens[i].kind == .number, tokens[i - 1].text == wideComma, tokens[i - 2].kind == .number,
              tokens[i - 2].range.upperBound == tokens[i - 1].range.lowerBound,
              tokens[i - 1].range.upperBound == tokens[i].range.lowerBound else { return false }
        let first = tokens[i - 2].text.string.utf8, second = tokens[i].text.string.utf8
        return (1...3).contains(first.count) && second.count == 3 && [first, second].allSatisfy { $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }

    private static let wideComma: Word = "，"

    /// 50-100万元, 90-100%, 50万至100万元, 1亿到2亿元: the lower bound of a range, written
    /// with no unit of its own (or with 万 or 亿 alone), in the upper bound's.
    fileprivate static func rangeStart(_ tokens: [ClauseToken], number i: Int) -> FigureSpan? {
        let scale = i + 1 < tokens.count && (tokens[i + 1].text == wan || tokens[i + 1].text == yi) ? i + 1 : i
        // The upper bound's own unit: 1-2-3万元 is no chain of ranges.
        guard let k = rangeEnd(tokens, after: scale), let unit = ownUnit(tokens, number: k) else { return nil }
        if scale > i, unit != (tokens[scale].text == wan ? .tenThousandYuan : .hundredMillionYuan) { return nil }
        return FigureSpan(number: tokens[i].text, span: i...scale, unit: unit)
    }

    private static let yi: Word = "亿"

    private static let unitsAfterMore: [String: Figure.Unit] = [
        "余元": .yuan, "多元": .yuan, "万余元": .tenThousandYuan, "万多元": .tenThousandYuan,
        "亿余元": .hundredMillionYuan, "亿多元": .hundredMillionYuan,
    ]

    /// What names money in a clause: 费 (接待费), 款 (拨款), 价 (单价), and these words.
    private static let moneyCharacters: Set<Unicode.Scalar> = ["费", "款", "价"]
    private static let moneyWords: WordSet = ["资金", "预算", "支出", "收入", "金额", "合计", "总计", "投入", "补助"]

    /// The figure of a number token and its unit; nil when the token is no plain decimal.
    private init?(number: Word, span: ClosedRange<Int>, unit: Figure.Unit) {
        switch Decimal.reading(number.string) {
        case .exact(let value): self.init(span: span, value: value, unit: unit)
        case .tooLong: self.init(span: span, value: nil, unit: unit)
        case .notADecimal:
            // A number keeps a full-width comma only where it groups thousands (1，234.56):
            // read as an ASCII one, once.
            guard number.string.utf8.contains(0xEF) else { return nil }
            let grouped = String(number.string.map { $0 == "，" ? "," : $0 })
            guard grouped != number.string else { return nil }
            self.init(number: Word(grouped), span: span, unit: unit)
        }
    }
}

/// Consecutive word tokens made only of Chinese numerals (三 / 百万).
struct ChineseNumeralRun {
    var text: String
    var end: Int

    init?(_ tokens: [ClauseToken], from start: Int) {
        var k = start
        var text = ""
        while k < tokens.count, tokens[k].kind == .word, tokens[k].text.string.unicodeScalars.allSatisfy({ ChineseNumeral.isAmountNumeral($0) }) {
            text += tokens[k].text.string
            k += 1
        }
        guard k > start else { return nil }
        self.text = text
        end = k - 1
    }
}
