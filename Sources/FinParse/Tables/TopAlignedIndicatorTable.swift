import FoundationEssentials

/// A 绩效自评表 as Word sets it, each cell's text at the top of its cell and wrapped inside
/// it, printed to PDF and read back with `pdftotext -layout`.
///
/// Such a form cannot be read by columns found once for the table. pdftotext lays out each
/// page, and each block of a page, on its own: the columns of one page, or of the rows after a
/// merged level, stand up to nine characters left or right of another's. It counts a CJK
/// character and an ASCII one as one column each, so a cell of digits runs on into the next
/// with one space between (安全生产隐患 >1200 7134 个 1). And a cell wraps onto as many lines
/// as it needs, a dozen for a long 实际完成值. So the form is read line by line:
///
/// - a row starts on the line of its 分值 and 得分, the last one or two numbers of the line,
///   standing where those of the rows around it stand;
/// - the row's 三级指标 starts with the first word of that line that is no level label
///   (产出指标, 数量指标, 可持续影响指 …) and stands nowhere a level label does nearby;
/// - the 年度指标值 and 实际完成值 start where most words after a wide gap, or a value run on
///   after the name, start in the rows around with their 三级指标 where this row's is;
/// - every other line goes on the row above it, each word to the cell it stands under; a level
///   label under a whole one (时效指标 / 成本指标, with no indicator of its own) starts a row.
///
/// Read from its title (``form(at:in:)``), the form's head comes with it: the project's name,
/// the department and the 项目资金 block (``Head``), which pdftotext sets in such short lines
/// that the text around would take them for paragraphs.
enum TopAlignedIndicatorTable {
    /// The columns of the grid this reader makes, in order.
    private enum Column: Int, CaseIterable {
        case level1, level2, name, target, actual, weight, score, deviation
    }

    /// A run of non-space characters, with where it starts in its line (in scalars, as
    /// pdftotext counts columns) and whether two spaces or more (or the line's start) come
    /// before it: a cell's start, where one space may be a cell's own.
    private struct Word {
        var start: Int
        var text: Substring
        var afterGap: Bool
    }

    /// How many lines either way the columns of a line are measured over: a page's block
    /// holds a few rows.
    private static let window = 12

    /// Where the form whose header is `header` ends: after its 总分 row, or before the line
    /// that closes it (备注：…, the next title, the next form's header). nil when none comes,
    /// or when the lines are not such a form.
    static func extent(at header: Int, in lines: [FoldedText]) -> Range<Int>? {
        guard SpacedIndicatorTable.isHeader(lines[header]), hasScoreColumns(lines[header]),
              let end = end(ofFormAt: header, in: lines), grid(of: lines[header..<end], title: nil) != nil
        else { return nil }
        return header..<end
    }

    /// The line after the form whose header is `header`, as ``extent(at:in:)`` finds it,
    /// the form not read.
    private static func end(ofFormAt header: Int, in lines: [FoldedText]) -> Int? {
        for k in (header + 1)..<lines.count {
            let total = isTotal(lines[k])
            guard total || TextTableReader.closesTable(lines[k]) || SpacedIndicatorTable.isHeader(lines[k]) else { continue }
            guard total else { return k }
            // The 总分's numbers may wrap too (99.9 / 6).
            let next = k + 1 < lines.count ? words(of: lines[k + 1].text) : []
            return !next.isEmpty && next.allSatisfy({ isWrappedPiece($0.text) }) ? k + 2 : k + 1
        }
        return nil
    }

    /// The form's grid: its head's rows (when `lines` start with the form's title), the
    /// header's labels, a row for each indicator (and each level with none), the levels
    /// spanning the rows they cover, the 总分 row last. nil when `lines` do not start with such
    /// a form's header (a 分值 or 得分 column) or title, or when its rows are not all of it: a
    /// line that continues no row, or no 分值 nor 得分 on some row.
    static func grid(of lines: ArraySlice<FoldedText>, title: String?) -> TableGrid? {
        // Every table of page text is asked: most fail on their first line.
        guard let first = lines.first(where: { !$0.isBlank }), isFormTitle(first) || SpacedIndicatorTable.isHeader(first) else { return nil }
        let lines = lines.filter { !$0.isBlank }
        // A whole form: its title, its head, then its indicators.
        let titled = lines.first.map(isFormTitle) ?? false
        guard let headerIndex = titled ? lines.firstIndex(where: SpacedIndicatorTable.isHeader) : lines.startIndex,
              headerIndex < lines.endIndex
        else { return nil }
        let header = lines[headerIndex]
        guard SpacedIndicatorTable.isHeader(header), hasScoreColumns(header) else { return nil }
        var form = Form(header: header)
        var page: [FoldedText] = []
        for line in lines[(headerIndex + 1)...] {
            if line.text.unicodeScalars.first == "\u{0C}", !page.isEmpty {
                guard form.read(page) else { return nil }
                page = []
            }
            page.append(line)
        }
        guard form.read(page), form.rows.count >= 2,
              form.rows.allSatisfy({ $0.cells[.weight] != nil || $0.cells[.score] != nil || $0.cells[.name] == nil })
        else { return nil }
        guard titled else { return form.grid(title: title, line: header.line, head: []) }
        return form.grid(title: String(lines[0].text.trimmingSpaces.drop { $0 == "\u{0C}" }), line: lines[0].line,
                         head: Head(lines[1..<headerIndex]).rows)
    }

    /// A whole form, from its title (2021 年度项目支出绩效自评表) to its 总分, when `start`, a line
    /// of columns, is its head's first or its indicators' header and the title stands within
    /// the few lines above: the form's name, department and funds are read with its
    /// indicators. The lines from the title down to `start` were taken for paragraphs.
    static func form(at start: Int, in lines: [FoldedText]) -> (lines: Range<Int>, grid: TableGrid)? {
        guard let title = (max(0, start - 8)..<start).last(where: { isFormTitle(lines[$0]) }),
              let header = (start..<min(lines.count, start + 80)).first(where: { SpacedIndicatorTable.isHeader(lines[$0]) }),
              !lines[start..<header].contains(where: TextTableReader.closesTable),
              hasScoreColumns(lines[header]), let end = end(ofFormAt: header, in: lines),
              let grid = grid(of: lines[title..<end], title: nil)
        else { return nil }
        return (title..<end, grid)
    }

    private static func isFormTitle(_ line: FoldedText) -> Bool { isFormTitle(line.text.trimmingSpaces.drop { $0 == "\u{0C}" }) }

    /// A form's title on a line of its own: 2021 年度部门整体支出绩效自评表.
    static func isFormTitle(_ text: Substring) -> Bool {
        text.unicodeScalars.hasSuffix("自评表") && !text.unicodeScalars.isLonger(than: 40) && !text.contains(utf8: "。")
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isWholeNumber }

    /// The end of a number Word wrapped onto the next line: 5, 51, .45, %.
    private static func isWrappedPiece(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { isDigit($0) || $0 == "." || $0 == "%" }
    }

    private static func hasScoreColumns(_ line: FoldedText) -> Bool {
        line.text.contains(utf8: "分值") || line.text.contains(utf8: "得分")
    }

    /// A 总分 line, asked of every line after a header without splitting it into words.
    private static func isTotal(_ line: FoldedText) -> Bool {
        let text = line.text.trimmingSpaces.drop { $0 == "\u{0C}" }
        return SelfEvaluationReader.isTotal(String(text.prefix { $0 != " " }))
    }

    /// The words of a line, in scalars as ``Word`` counts them; a form feed is a space.
    private static func words(of text: String) -> [Word] {
        var words: [Word] = []
        var position = 0
        var spaces = 0
        var open: (position: Int, index: String.Index, gap: Int)?
        func close(at end: String.Index) {
            guard let word = open else { return }
            words.append(Word(start: word.position, text: text[word.index..<end], afterGap: words.isEmpty || word.gap >= 2))
            open = nil
        }
        let scalars = text.unicodeScalars
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\u{0C}" || scalar == "\t" {
                close(at: index)
                spaces += 1
            } else {
                if open == nil { open = (position, index, spaces) }
                spaces = 0
            }
            position += 1
        }
        close(at: text.endIndex)
        return words
    }

    /// A weight or score: a whole or decimal number no greater than 100.
    private static func isScore(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }),
              let whole = Int(parts[0]) else { return false }
        return whole <= 100
    }

    /// The last one or two numbers of a line, past the text of its 偏差原因分析: its 分值 and 得分
    /// if it starts a row.
    private static func tail(_ words: [Word]) -> [Int] {
        var k = words.count - 1
        while k >= 0, !words[k].text.unicodeScalars.contains(where: \.isASCIIDigit) { k -= 1 }
        var found: [Int] = []
        while k >= 0, found.count < 2, isScore(words[k].text) {
            found.insert(k, at: 0)
            k -= 1
        }
        return found
    }

    /// A level label or a piece of one: 产出指标, 可持续影响指 when `below` (the words of the next
    /// line) holds its 标 under it (综合应急指 / 挥平台建设 is a name), 产出指标(50 and the 分)
    /// after it.
    private static func isLevel(_ word: Word, below: [Word]) -> Bool {
        let compact = SelfEvaluationReader.compact(String(word.text))
        let label = withoutPoints(compact)
        if label.hasSuffix("指标") || isPoints(compact) { return true }
        return label.hasSuffix("指") && below.contains { abs($0.start - word.start) <= 2 && $0.text.hasPrefix("标") }
    }

    /// (50分), 分), (50: the points a level label gives its indicators, or a piece of them
    /// (产出指标 / (50 / 分)).
    private static func isPoints(_ text: String) -> Bool {
        var rest = Substring(text)
        let opened = rest.first == "("
        if opened { rest = rest.dropFirst() }
        let digits = rest.prefix(while: isDigit)
        rest = rest.dropFirst(digits.count)
        return rest == "分)" || opened && !digits.isEmpty && (rest.isEmpty || rest == "分")
    }

    /// A level label without the points after it (产出指标(50分) → 产出指标), or without the
    /// start of them (产出指标(50).
    private static func withoutPoints(_ text: String) -> Substring {
        guard let open = text.lastIndex(of: "(") else { return Substring(text) }
        let points = text[text.index(after: open)...]
        return points.allSatisfy(isDigit) || isPoints(String(text[open...])) ? text[..<open] : Substring(text)
    }

    /// A level label that is whole: one below it in its column is another.
    private static func isWholeLevel(_ text: String) -> Bool {
        withoutPoints(SelfEvaluationReader.compact(text)).hasSuffix("指标")
    }

    /// The most common position, give or take one.
    private static func mode(_ positions: [Int]) -> Int? {
        var counts: [Int: Int] = [:]
        for p in positions { counts[p, default: 0] += 1 }
        return counts.keys.max { a, b in
            let (na, nb) = ((a - 1...a + 1).reduce(0) { $0 + counts[$1, default: 0] }, (b - 1...b + 1).reduce(0) { $0 + counts[$1, default: 0] })
            return (na, counts[a]!, -a) < (nb, counts[b]!, -b)
        }
    }

    /// The `limit` positions most words start at, each at least `least` times and three apart
    /// or more.
    private static func peaks(_ positions: [Int], limit: Int, least: Int = 2) -> [Int] {
        var counts: [Int: Int] = [:]
        for p in positions { counts[p, default: 0] += 1 }
        var chosen: [Int] = []
        for (p, n) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) where n >= least && chosen.count < limit {
            if !chosen.contains(where: { abs($0 - p) <= 2 }) { chosen.append(p) }
        }
        return chosen.sorted()
    }

    /// The form as read so far.
    private struct Form {
        struct Row {
            var line: Int
            var cells: [Column: (text: String, line: Int)] = [:]
        }

        var rows: [Row] = []
        var total: Row?
        /// Where the 总分's numbers start, by their column.
        var totalStarts: [(Column, Int)] = []
        /// Lines after the 总分, each a row of its runs of words.
        var trailing: [[(text: String, line: Int)]] = []
        /// For each level column, the row whose label covers the rows after it.
        var labels: [Column: Int] = [:]
        /// The last columns measured: a page that has none of its own takes them.
        var last: (weight: Int, score: Int, edges: [Int])?
        /// How far left of its row's name each level's label last stood, as a line with both
        /// showed: where a label alone goes.
        var levelOffsets = (level1: 16, level2: 8)

        /// The header's words, each with what wraps under it (年度指标 / 值, 偏差原因 / 分析及改 /
        /// 进措施) on the lines above the first row.
        var headerWords: [(text: String, start: Int)]
        let headerLine: Int

        init(header: FoldedText) {
            headerWords = TopAlignedIndicatorTable.words(of: header.text).map { (String($0.text), $0.start) }
            headerLine = header.line
        }

        /// The header's labels by their column, named by the words ``SelfEvaluationReader``
        /// reads a header's cells by. pdftotext can set two labels a space apart (年度指标值
        /// 实际完成值 分值); a word that names no column goes on the label before it.
        var headerCells: [Column: String] {
            var cells: [Column: String] = [:]
            var previous: Column?
            for (text, _) in headerWords {
                let compact = SelfEvaluationReader.compact(text)
                let column: Column? = compact.contains(utf8: "一级指标") ? .level1 : compact.contains(utf8: "二级指标") ? .level2
                    : compact.contains(utf8: "三级指标") ? .name
                    : SelfEvaluationReader.names(compact, SelfEvaluationReader.actualLabels) ? .actual
                    : SelfEvaluationReader.names(compact, SelfEvaluationReader.targetLabels) ? .target
                    : SelfEvaluationReader.names(compact, SelfEvaluationReader.weightLabels) ? .weight
                    : compact.contains(utf8: "得分") ? .score
                    : compact.contains(utf8: "偏差") ? .deviation : nil
                if let column, cells[column] == nil {
                    cells[column] = text
                    previous = column
                } else if let previous {
                    cells[previous]! += text
                }
            }
            return cells
        }

        /// Reads the lines of one page. false when its columns cannot be told.
        mutating func read(_ page: [FoldedText]) -> Bool {
            // The form's side label 绩效指标, which covers every indicator row, stands at the left
            // edge on one of their lines (where the form centres it): it is no level.
            var page = page
            var words = page.map { TopAlignedIndicatorTable.words(of: $0.text) }
            for k in words.indices where words[k].first.map({ SelfEvaluationReader.compact(String($0.text)) == "绩效指标" }) == true {
                words[k].removeFirst()
            }
            page = page.indices.filter { !words[$0].isEmpty }.map { page[$0] }
            words.removeAll { $0.isEmpty }
            let tails = words.map(TopAlignedIndicatorTable.tail)
            let totals = page.map(isTotal)  // asked of every line in the windows around each
            // Where the rows' 分值 and 得分 stand: the 总分's stand under the levels.
            func scorePlaces(_ indices: some Sequence<Int>) -> (weight: Int, score: Int)? {
                let pairs = indices.filter { tails[$0].count == 2 && !totals[$0] }
                guard let weight = mode(pairs.map { words[$0][tails[$0][0]].start }),
                      let score = mode(pairs.map { words[$0][tails[$0][1]].start }) else { return nil }
                return (weight, score)
            }
            func around(_ k: Int) -> Range<Int> { max(0, k - window)..<min(page.count, k + window + 1) }
            // A line starts a row when its numbers stand where the two numbers of the lines
            // around stand (2 日至 5, a wrapped 实际完成值, does not).
            let starts = page.indices.map { k -> Bool in
                guard !tails[k].isEmpty, !totals[k], let places = scorePlaces(around(k)) ?? last.map({ ($0.weight, $0.score) })
                else { return false }
                return tails[k].contains { t in abs(words[k][t].start - places.weight) <= 3 || abs(words[k][t].start - places.score) <= 3 }
            }
            guard !(rows.isEmpty && !starts.contains(true)) else {
                // The header's own lines, on the page before the rows.
                for k in page.indices where !totals[k] { appendToHeader(words[k]) }
                return true
            }
            // Each row's 三级指标 starts at its first word that is no level label nor stands
            // where one does within a line: where a row's names start tells which rows share
            // its columns.
            let levels = words.indices.map { k in words[k].map { isLevel($0, below: k + 1 < words.count ? words[k + 1] : []) } }
            let levelStarts = words.indices.map { k in
                words[k].indices.filter { levels[k][$0] && !isPoints(SelfEvaluationReader.compact(String(words[k][$0].text))) }
                    .map { words[k][$0].start }
            }
            var nameStart: [Int?] = page.indices.map { k -> Int? in
                guard starts[k] else { return nil }
                let nearby = Array(levelStarts[max(0, k - 1)..<min(page.count, k + 2)].joined())
                return words[k].indices.first { i in !levels[k][i] && !nearby.contains { abs($0 - words[k][i].start) <= 2 } }
                    .map { words[k][$0].start }
            }
            var carried = nameStart.lazy.compactMap { $0 }.first ?? last?.edges[0]
            for k in page.indices {
                if let own = nameStart[k] {
                    carried = own
                    continue
                }
                nameStart[k] = carried
                // A row's wrapped cell can run on into the next block of rows, which pdftotext
                // sets further left (3 / 个国家 / 级示范社 … at the next rows' 实际完成值): a line
                // whose words would all stand left of its row's name, and that is no level
                // label, takes the columns of the next row that has its name that far left.
                guard let carried, let first = words[k].first, first.start + 2 < carried, !levels[k][0],
                      let next = (k + 1..<page.count).first(where: { starts[$0] && (nameStart[$0] ?? .max) <= first.start + 2 })
                else { continue }
                nameStart[k] = nameStart[next]
            }
            for k in page.indices {
                if total == nil, totals[k] {
                    var total = Row(line: page[k].line)
                    total.cells[.level1] = (String(words[k][0].text), page[k].line)
                    for (column, word) in zip([Column.weight, .score], words[k].dropFirst().filter { isScore($0.text) }) {
                        total.cells[column] = (String(word.text), page[k].line)
                        totalStarts.append((column, word.start))
                    }
                    self.total = total
                    continue
                }
                if total != nil {
                    // The 总分's numbers wrapped (99.9 / 6): each piece in the cell of the number it
                    // stands after. Any other line after the 总分 (a table's extent can run past
                    // it) is a row of its own after it.
                    guard words[k].allSatisfy({ isWrappedPiece($0.text) }), !totalStarts.isEmpty else {
                        trailing.append(Head.runs(of: words[k], line: page[k].line))
                        continue
                    }
                    for piece in words[k] {
                        let (column, _) = totalStarts.last { $0.1 <= piece.start + 1 } ?? totalStarts[0]
                        total!.cells[column]!.text += piece.text
                    }
                    continue
                }
                guard let name = nameStart[k] else { return false }
                let same = around(k).filter { nameStart[$0].map { abs($0 - name) <= 2 } ?? false }
                guard let places = scorePlaces(same) ?? last.map({ ($0.weight, $0.score) }) else { return false }
                var valueStarts: [Int] = []
                for j in same where !totals[j] {
                    for (i, word) in words[j].enumerated() where name + 2 < word.start && word.start < places.weight - 3 {
                        if word.afterGap || i > 0 && words[j][i - 1].start <= name + 2 && startsValue(word.text)
                            && words[j][i - 1].text.unicodeScalars.last?.isIdeograph == true {
                            valueStarts.append(word.start)
                        }
                    }
                }
                var edges = [name] + peaks(valueStarts, limit: 2)
                if edges.count < 3 {
                    // Too few rows around to tell: the columns of the line before when its rows
                    // stand where these do; else what the rows around give once each (a form's
                    // first page may hold a row or two; a block of rows starts further left).
                    let before = last.map { [name] + $0.edges.dropFirst() }
                    let once = [name] + peaks(valueStarts, limit: 2, least: 1)
                    edges = last.map { abs($0.edges[0] - name) <= 2 } == true ? before! : once.count == 3 ? once : before ?? once
                    guard edges.count == 3 else { return false }
                }
                last = (places.weight, places.score, edges)
                take(words[k], tail: starts[k] ? tails[k] : [], line: page[k].line, weight: places.weight, score: places.score, edges: edges)
            }
            return true
        }

        /// A word that starts a value: a number or a comparator (>1200 run on after its name).
        private func startsValue(_ text: Substring) -> Bool {
            guard let first = text.unicodeScalars.first else { return false }
            return first.isASCIIDigit || "<>=≤≥≦≧".unicodeScalars.contains(first)
        }

        private mutating func appendToHeader(_ words: [Word]) {
            for word in words {
                guard let k = headerWords.indices.last(where: { headerWords[$0].start <= word.start + 2 }) else { continue }
                headerWords[k].text += word.text
            }
        }

        /// Puts a line's words in their cells: on a new row if `tail` (its 分值 and 得分) is not empty.
        private mutating func take(_ words: [Word], tail: [Int], line: Int, weight: Int, score: Int, edges: [Int]) {
            var cells: [(Column, String)] = []
            var levels: [(start: Int, text: String)] = []
            var previous: (column: Column, text: Substring)?
            for (i, word) in words.enumerated() {
                let column: Column
                if tail.contains(i) {
                    column = tail.count == 2 ? (i == tail[0] ? .weight : .score)
                        : abs(word.start - weight) < abs(word.start - score) ? .weight : .score
                } else if word.start > max(weight, score) + 1 {
                    column = .deviation
                } else if word.start + 2 < edges[0] {
                    if word.afterGap || levels.isEmpty { levels.append((word.start, String(word.text))) } else { levels[levels.count - 1].text += " " + word.text }
                    continue
                } else if !word.afterGap, let previous, previous.column == .target || previous.column == .actual,
                          previous.text.unicodeScalars.last.map({ $0.isASCIIDigit || $0 == "%" }) == true, !startsValue(word.text) {
                    column = previous.column  // 200 次: the unit pdftotext set a space after its number
                } else {
                    column = [Column.name, .target, .actual][edges.lastIndex { $0 <= word.start + 2 } ?? 0]
                }
                cells.append((column, String(word.text)))
                previous = (column, word.text)
            }
            // The points of the level above (产出指标 / (50 分)) join it, even on a row's line,
            // where the one label left is the 二级指标.
            var afterPoints = false
            if let first = levels.first, isPoints(SelfEvaluationReader.compact(first.text)), let row = labels[.level1] {
                rows[row].cells[.level1]!.text += first.text
                levels.removeFirst()
                afterPoints = true
            }
            var levelCells: [(Column, String)] = []
            if levels.count >= 2 {
                levelOffsets = (edges[0] - levels[0].start, edges[0] - levels.last!.start)
                levelCells = [(.level1, levels.dropLast().map(\.text).joined(separator: " ")), (.level2, levels.last!.text)]
            } else if let only = levels.first {
                // One label alone: in the column whose labels stood as far left of their names.
                let offset = edges[0] - only.start
                let isFirst = !(afterPoints && !tail.isEmpty) && abs(offset - levelOffsets.level1) < abs(offset - levelOffsets.level2)
                levelCells = [(isFirst ? .level1 : .level2, only.text)]
            }
            if !tail.isEmpty {
                rows.append(Row(line: line))
                for (column, _) in levelCells { labels[column] = rows.count - 1 }
                add(levelCells + cells, to: rows.count - 1, line: line)
                return
            }
            guard !rows.isEmpty else {
                appendToHeader(words)
                return
            }
            // A label under a whole one is another (成本指标 under 时效指标): a row of its own,
            // with every label of its line.
            if levelCells.contains(where: { column, _ in labels[column].map { isWholeLevel(rows[$0].cells[column]!.text) } ?? false }) {
                rows.append(Row(line: line))
                for (column, _) in levelCells { labels[column] = rows.count - 1 }
                add(levelCells, to: rows.count - 1, line: line)
            } else {
                for (column, text) in levelCells {
                    if let row = labels[column] { add([(column, text)], to: row, line: line) } else { add([(column, text)], to: rows.count - 1, line: line) }
                }
            }
            add(cells, to: rows.count - 1, line: line)
        }

        private mutating func add(_ cells: [(Column, String)], to row: Int, line: Int) {
            for (column, text) in cells {
                if let old = rows[row].cells[column] {
                    // A number Word broke where its cell ended (5*4=2 / 0 万元) is one number too.
                    let digits = old.text.last.map(isDigit) == true && text.first.map(isDigit) == true
                    let joiner = digits || SpacedTableReader.wrapsWithoutSpace(old.text, Substring(text)) ? "" : " "
                    rows[row].cells[column]!.text += joiner + text
                } else {
                    rows[row].cells[column] = (text, line)
                }
            }
        }

        /// The grid: `head`'s rows (cells by column, each with its line), the header's, the
        /// indicators', the 总分's.
        func grid(title: String?, line: Int, head: [[(text: String, line: Int)]]) -> TableGrid {
            var cells: [TableGrid.Cell] = head.enumerated().flatMap { r, row in
                row.enumerated().map { c, cell in TableGrid.Cell(row: r, column: c, text: cell.text, original: cell.text, line: cell.line) }
            }
            let top = head.count
            cells += headerCells.sorted { $0.key.rawValue < $1.key.rawValue }.map { column, cell in
                TableGrid.Cell(row: top, column: column.rawValue, text: cell, original: cell, line: headerLine)
            }
            // A level's label covers its rows down to the next label in its column.
            var nextLabel: [Column: Int] = [.level1: rows.count, .level2: rows.count]
            var spans: [[Column: Int]] = Array(repeating: [:], count: rows.count)
            for r in rows.indices.reversed() {
                for column in [Column.level1, .level2] where rows[r].cells[column] != nil {
                    spans[r][column] = nextLabel[column]! - r
                    nextLabel[column] = r
                }
            }
            for (r, row) in rows.enumerated() {
                for (column, cell) in row.cells.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    var gridCell = TableGrid.Cell(row: top + r + 1, column: column.rawValue, text: cell.text, original: cell.text,
                                                  line: cell.line)
                    gridCell.rowSpan = spans[r][column] ?? 1
                    cells.append(gridCell)
                }
            }
            if let total {
                for (column, cell) in total.cells.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    cells.append(TableGrid.Cell(row: top + rows.count + 1, column: column.rawValue, text: cell.text, original: cell.text,
                                                line: cell.line))
                }
            }
            let end = top + rows.count + (total == nil ? 1 : 2)
            for (r, row) in trailing.enumerated() {
                cells += row.enumerated().map { c, cell in
                    TableGrid.Cell(row: end + r, column: c, text: cell.text, original: cell.text, line: cell.line)
                }
            }
            return TableGrid(title: title, line: line, rows: end + trailing.count,
                             columns: max(Column.allCases.count, (head + trailing).map(\.count).max() ?? 0), cells: cells)
        }
    }

    /// The lines of a form above its indicators, as rows: the project's name and the
    /// department by their labels (项目支出名称 / 安全生产专项, a label wrapped as 市级预算部门 /
    /// 名称), the 项目资金 block as a row of labels (年初预算数 …) over the row of 年度资金总额
    /// (each number joined with its digits wrapped onto the line below: 1166.4 / 5), every
    /// other line a row of its runs of words, so that nothing of it is lost.
    private struct Head {
        var rows: [[(text: String, line: Int)]] = []

        init(_ lines: ArraySlice<FoldedText>) {
            let lines = Array(lines)
            let words = lines.map { TopAlignedIndicatorTable.words(of: $0.text) }
            var taken = Array(repeating: Set<Int>(), count: lines.count)  // by line, the words read
            func compact(_ word: Word) -> String { SelfEvaluationReader.compact(String(word.text)) }
            // A label, perhaps wrapped: the line's first word, and the next line's when it stands
            // under it and completes the label; as written.
            func label(at j: Int, _ matches: (String) -> Bool) -> String? {
                guard let first = words[j].first, !taken[j].contains(0) else { return nil }
                if matches(compact(first)) {
                    taken[j].insert(0)
                    return String(first.text)
                }
                guard j + 1 < lines.count, let below = words[j + 1].first, abs(below.start - first.start) <= 2, !taken[j + 1].contains(0),
                      matches(compact(first) + compact(below)) else { return nil }
                taken[j].insert(0)
                taken[j + 1].insert(0)
                return String(first.text + below.text)
            }
            // A label's word with the rest of it wrapped under it (年度资金总 / 额, 年初预算 / 数),
            // as written, and where that rest is.
            func wrapped(_ k: Int, at j: Int) -> (text: String, below: Int?) {
                let word = words[j][k]
                guard j + 1 < lines.count, let below = words[j + 1].firstIndex(where: { abs($0.start - word.start) <= 2 }),
                      !taken[j + 1].contains(below), words[j + 1][below].text.unicodeScalars.allSatisfy(\.isIdeograph),
                      !words[j + 1][below].text.unicodeScalars.isLonger(than: 2)
                else { return (String(word.text), nil) }
                return (String(word.text + words[j + 1][below].text), below)
            }
            func takeWrapped(_ k: Int, at j: Int) -> String {
                let (text, below) = wrapped(k, at: j)
                taken[j].insert(k)
                if let below { taken[j + 1].insert(below) }
                return text
            }
            func isFundsTotal(_ k: Int, at j: Int) -> Bool {
                SelfEvaluationReader.compact(wrapped(k, at: j).text).contains(utf8: "资金总")
            }
            // A value: the words after its label up to the next label, and what stands under
            // its first word on the lines below.
            func value(at j: Int) -> String {
                var text = ""
                var start: Int?
                for (k, word) in words[j].enumerated().dropFirst() where !taken[j].contains(k) {
                    if compact(word).hasSuffix("单位") || compact(word).hasSuffix("部门") { break }
                    taken[j].insert(k)
                    start = start ?? word.start
                    text += text.isEmpty ? String(word.text) : " " + word.text
                }
                var below = j + 1
                while let start, below < lines.count, let k = words[below].firstIndex(where: { abs($0.start - start) <= 2 }),
                      !taken[below].contains(k), words[below].count <= 2, words[below][k].text.unicodeScalars.first?.isIdeograph == true {
                    taken[below].insert(k)
                    text += words[below][k].text
                    below += 1
                }
                return text
            }
            var named: [(label: String, value: String, line: Int)] = []
            var funds: [[(text: String, line: Int)]] = []
            for j in lines.indices {
                if let name = label(at: j, { SelfEvaluationReader.nameLabels.contains($0) })
                    ?? label(at: j, { l in SelfEvaluationReader.departmentLabels.contains { l.hasSuffix($0) } }) {
                    named.append((name, value(at: j), lines[j].line))
                }
                guard funds.isEmpty, let first = words[j].firstIndex(where: { compact($0).contains(utf8: "年初预算") }),
                      let (totalLine, at) = (j + 1..<min(lines.count, j + 3)).lazy.compactMap({ t in
                          words[t].indices.first { isFundsTotal($0, at: t) }.map { (t, $0) }
                      }).first
                else { continue }
                // A piece wrapped under a label or a number stands in that cell: after the
                // start of its label, before the next's (pdftotext sets the numbers of a row
                // left of their labels, the wrapped pieces right of them).
                let starts = words[j][first...].map(\.start)
                func cell(of piece: Word) -> Int? { starts.lastIndex { $0 <= piece.start + 1 } }
                var labels = words[j][first...].map { String($0.text) }
                taken[j].formUnion(0..<words[j].count)
                if j + 1 < lines.count, j + 1 != totalLine {
                    for (k, piece) in words[j + 1].enumerated() where piece.text.unicodeScalars.allSatisfy(\.isIdeograph)
                        && !piece.text.unicodeScalars.isLonger(than: 2) {
                        guard let c = cell(of: piece) else { continue }
                        labels[c] += piece.text
                        taken[j + 1].insert(k)
                    }
                }
                var values = words[totalLine][(at + 1)...].prefix(labels.count).map { String($0.text) }
                let lead = words[j][..<first].map(\.text).joined(separator: " ")
                let total = takeWrapped(at, at: totalLine)
                taken[totalLine].formUnion(at..<(at + 1 + values.count))
                // A number wrapped onto the next line (1166.4 / 5, 2553. / 51, 1166 / .45, 100 / %).
                // Only a line of such pieces (and the label's own 总额): a line of numbers after
                // a label is the next row of the block (其中:当年财政拨款 40.5 …).
                let next = totalLine + 1
                if next < lines.count, words[next].indices.allSatisfy({ taken[next].contains($0) || isWrappedPiece(words[next][$0].text) }) {
                    for (k, piece) in words[next].enumerated() where !taken[next].contains(k) {
                        guard let c = cell(of: piece), c < values.count else { continue }
                        values[c] += piece.text
                        taken[next].insert(k)
                    }
                }
                funds = [[(lead, lines[j].line)] + labels.map { ($0, lines[j].line) },
                         [(total, lines[totalLine].line)] + values.map { ($0, lines[totalLine].line) }]
            }
            rows = named.map { [($0.label, $0.line), ($0.value, $0.line)] } + funds
            // The rest, line by line: each run of words a cell.
            for j in lines.indices {
                // A word after one read above starts a cell.
                let kept = words[j].indices.filter { !taken[j].contains($0) }.map { k in
                    var word = words[j][k]
                    word.afterGap = word.afterGap || taken[j].contains(k - 1)
                    return word
                }
                let row = Head.runs(of: kept, line: lines[j].line)
                if !row.isEmpty { rows.append(row) }
            }
        }

        /// A row of `words`: a cell for each run of words a wide gap apart.
        static func runs(of words: [Word], line: Int) -> [(text: String, line: Int)] {
            var row: [(text: String, line: Int)] = []
            for word in words {
                if word.afterGap || row.isEmpty { row.append((String(word.text), line)) } else { row[row.count - 1].text += " " + word.text }
            }
            return row
        }
    }
}
