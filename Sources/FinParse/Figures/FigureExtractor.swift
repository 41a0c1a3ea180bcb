import FoundationEssentials

/// Finds money amounts and percents in paragraphs and table cells.
///
/// Works on ``Tokenizer`` tokens: a figure is a number (or a Chinese numeral)
/// followed by a money unit or a percent sign, or 百分之 and a number. The clause
/// before it gives its comparator (≥, 不低于 …), its direction (增长, 下降 …) and its
/// label; see ``FigureClause``. One extractor owns one tokenizer: use one per thread.
struct FigureExtractor {
    private let tokenizer = Tokenizer()

    /// The figures of `paragraphs`, then those of every cell of `tables`, nested tables
    /// included. Texts are independent: a large report's are read on up to `threads`
    /// threads, each run of texts with its own extractor.
    static func figures(inParagraphs paragraphs: [FoldedText], tables: [Table], threads: Int = 1) -> [Figure] {
        let texts = paragraphs + cellTexts(of: tables)
        let runLength = 500
        let runs = parallelMap((texts.count + runLength - 1) / runLength, threads: threads) { run in
            let extractor = FigureExtractor()
            return texts[(run * runLength)..<min(texts.count, (run + 1) * runLength)].flatMap(extractor.figures(in:))
        }
        return runs.flatMap { $0 }
    }

    /// Cells that hold text, nested tables' included, through an explicit stack.
    private static func cellTexts(of tables: [Table]) -> [FoldedText] {
        var texts: [FoldedText] = []
        var pending = tables
        while let table = pending.popLast() {
            for cell in table.cells.reversed() {
                if !cell.text.isEmpty { texts.append(FoldedText(cell.text, line: cell.line)) }
                pending += cell.tables
            }
        }
        return texts
    }

    func figures(in text: FoldedText) -> [Figure] {
        guard Self.mayHoldFigures(text.original[...]) else { return [] }
        // Only the clauses that may hold a figure are tokenized. A figure's clause runs back
        // to the nearest 。；or ，, so a clause read alone gives the figures it gives inside its
        // paragraph; what does carry over is the last figure, whose label a later one may
        // inherit. A list marker that starts a clause (…；（二）财政拨款收入12万元) is a
        // marker, not a word.
        var figures: [Figure] = []
        let clauses = Self.clauses(of: text.original)
        for written in clauses where Self.mayHoldFigures(written) {
            let folded = clauses.count == 1 ? text : FoldedText(String(written), line: text.line)
            let tokens = tokenizer.tokens(in: folded).filter { $0.kind != .space }
            var previousEnd: Int? = nil
            var i = 0
            while i < tokens.count {
                guard let found = FigureSpan.match(tokens, at: i) else {
                    i += 1
                    continue
                }
                let clause = FigureClause(tokens: tokens, figureStart: found.span.lowerBound, previousEnd: previousEnd)
                var figure = Figure(
                    text: found.span.map { tokens[$0].original }.joined(),
                    value: found.value, unit: found.unit,
                    comparator: clause.comparator ?? FigureClause.comparator(after: tokens, figureEnd: found.span.upperBound),
                    label: nil, change: clause.change, line: text.line)
                if let previous = figures.last, clause.continuesList {
                    // 下降4.1%、1.9%: the second figure shares the first one's reading.
                    figure.change = previous.change
                    figure.label = previous.label
                } else {
                    figure.label = clause.label(inheriting: figures.last)
                }
                figures.append(figure)
                previousEnd = found.span.upperBound
                i = found.span.upperBound + 1
            }
        }
        return figures
    }

    /// Every figure has a % sign, a 元 or a 百(分之): text with none of them holds none.
    /// Read on the text as written, so that no clause is folded for nothing: ％ and ﹪ are
    /// the only characters that fold to %, and nothing folds to 元 or 百.
    private static func mayHoldFigures(_ written: Substring) -> Bool {
        ["%", "元", "百", "％", "﹪"].contains { written.contains(utf8: $0) }
    }

    /// The text as written, cut after each 。, ； or ， (a run of them stays with its clause).
    /// Not at an ASCII ; or , which ICU reads inside a number (1.5;2, 1,234), nor at 、,
    /// which joins a list of figures (4.1%、1.9%).
    private static func clauses(of written: String) -> [Substring] {
        let scalars = written.unicodeScalars
        let isEnd = { (scalar: Unicode.Scalar) in scalar == "。" || scalar == "；" || scalar == "，" }
        var ends: [String.Index] = []
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let next = scalars.index(after: i)
            if isEnd(scalars[i]), next < scalars.endIndex, !isEnd(scalars[next]) { ends.append(next) }
            i = next
        }
        var start = scalars.startIndex
        return (ends + [scalars.endIndex]).map { end in
            defer { start = end }
            return written[start..<end]
        }
    }
}

/// Where a figure stands among the tokens, and what it says.
struct FigureSpan {
    var span: ClosedRange<Int>
    var value: Decimal
    var unit: Figure.Unit

    static func match(_ tokens: [Token], at i: Int) -> FigureSpan? {
        let token = tokens[i]
        let next = i + 1 < tokens.count ? tokens[i + 1] : nil
        switch token.kind {
        case .number:
            // Most numbers are no figure: look at what follows before reading the value.
            guard let next else { return nil }
            let unit: Figure.Unit? = next.kind == .percentSign ? .percent : next.kind == .unit ? Figure.Unit(rawValue: next.text) : nil
            guard let unit, let value = Decimal(exactString: token.text) else { return nil }
            return FigureSpan(span: i...(i + 1), value: value, unit: unit)
        case .word where token.text.unicodeScalars.first == "百" && (token.text == "百分" || token.text == "百分之"):
            // 百分之五, 百分之三十, 百分之12.5
            var k = i + 1
            if token.text == "百分" {
                guard k < tokens.count, tokens[k].text == "之" else { return nil }
                k += 1
            }
            if k < tokens.count, tokens[k].kind == .number, let value = Decimal(exactString: tokens[k].text) {
                return FigureSpan(span: i...k, value: value, unit: .percent)
            }
            let run = ChineseNumeralRun(tokens, from: k)
            guard let run, let value = ChineseNumeral.value(of: run.text) else { return nil }
            return FigureSpan(span: i...run.end, value: Decimal(value), unit: .percent)
        case .word:
            // 三百万元, 一千二百万元: a run of numeral words right before 元.
            guard let run = ChineseNumeralRun(tokens, from: i), run.end + 1 < tokens.count,
                  tokens[run.end + 1].kind == .unit, let unit = Figure.Unit(rawValue: tokens[run.end + 1].text)
            else { return nil }
            guard let amount = ChineseNumeral.amount(of: run.text, unit: unit) else { return nil }
            return FigureSpan(span: i...(run.end + 1), value: amount.value, unit: amount.unit)
        default:
            return nil
        }
    }
}

/// Consecutive word tokens made only of Chinese numerals (三 / 百万).
struct ChineseNumeralRun {
    var text: String
    var end: Int

    init?(_ tokens: [Token], from start: Int) {
        var k = start
        var text = ""
        while k < tokens.count, tokens[k].kind == .word,
              tokens[k].text.unicodeScalars.allSatisfy({ ChineseNumeral.isNumeral($0) || $0 == "万" || $0 == "亿" }) {
            text += tokens[k].text
            k += 1
        }
        guard k > start else { return nil }
        self.text = text
        end = k - 1
    }
}
