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
        guard SpacedIndicatorTable.isHeader(lines[header]), hasScoreColumns(lines[header]) else { return nil }
        for k in (header + 1)..<lines.count {
            let total = isTotal(lines[k])
            guard total || TextTableReader.closesTable(lines[k]) || SpacedIndicatorTable.isHeader(lines[k]) else { continue }
            let end = total ? k + 1 : k
            return grid(of: lines[header..<end], title: nil) == nil ? nil : header..<end
        }
        return nil
    }

    /// The form's grid: the header's labels on row 0, a row for each indicator (and each
    /// level with none), the levels spanning the rows they cover, the 总分 row last. nil when
    /// `lines` do not start with such a form's header (a 分值 or 得分 column), or when its rows
    /// are not all of it: a line that continues no row, or no 分值 nor 得分 on some row.
    static func grid(of lines: ArraySlice<FoldedText>, title: String?) -> TableGrid? {
        let lines = lines.filter { !$0.isBlank }
        guard let header = lines.first, SpacedIndicatorTable.isHeader(header), hasScoreColumns(header) else { return nil }
        var form = Form(header: header)
        var page: [FoldedText] = []
        for line in lines.dropFirst() {
            if line.text.unicodeScalars.first == "\u{0C}", !page.isEmpty {
                guard form.read(page) else { return nil }
                page = []
            }
            page.append(line)
        }
        guard form.read(page), form.rows.count >= 2,
              form.rows.allSatisfy({ $0.cells[.weight] != nil || $0.cells[.score] != nil || $0.cells[.name] == nil })
        else { return nil }
        return form.grid(title: title, line: header.line)
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isWholeNumber }

    private static func hasScoreColumns(_ line: FoldedText) -> Bool {
        line.text.contains(utf8: "分值") || line.text.contains(utf8: "得分")
    }

    private static func isTotal(_ words: [Word]) -> Bool {
        words.first.map { SelfEvaluationReader.isTotal(String($0.text)) } ?? false
    }

    /// A 总分 line, asked of every line after a header without splitting it into words.
    private static func isTotal(_ line: FoldedText) -> Bool {
        let text = line.text.trimmingSpaces.drop { $0 == "\u{0C}" }
        return SelfEvaluationReader.isTotal(String(text.prefix { $0 != " " }))
    }

    private static func words(of text: String) -> [Word] {
        var words: [Word] = []
        var position = 0
        var spaces = 0
        var start: (position: Int, index: String.Index)?
        let scalars = text.unicodeScalars
        func close(at end: String.Index, gap: Int) {
            guard let open = start else { return }
            words.append(Word(start: open.position, text: text[open.index..<end], afterGap: words.isEmpty || gap >= 2))
            start = nil
        }
        var gapBefore = 0
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\u{0C}" || scalar == "\t" {
                close(at: index, gap: gapBefore)
                spaces += 1
            } else {
                if start == nil {
                    start = (position, index)
                    gapBefore = spaces
                }
                spaces = 0
            }
            position += 1
        }
        close(at: text.endIndex, gap: gapBefore)
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

    /// A level label or a piece of one: 产出指标, 可持续影响指 (its 标 on the next line), 产出指标(50
    /// and the 分) after it.
    private static func isLevel(_ text: Substring) -> Bool {
        let compact = SelfEvaluationReader.compact(String(text))
        return withoutPoints(compact).hasSuffix("指标") || withoutPoints(compact).hasSuffix("指") || isPoints(compact)
    }

    /// (50分), 分): the points a level label gives its indicators, or their end.
    private static func isPoints(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "(" { rest = rest.dropFirst() }
        return rest.drop(while: isDigit) == "分)"
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

    /// The `limit` positions most words start at, each at least twice and three apart or more.
    private static func peaks(_ positions: [Int], limit: Int) -> [Int] {
        var counts: [Int: Int] = [:]
        for p in positions { counts[p, default: 0] += 1 }
        var chosen: [Int] = []
        for (p, n) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) where n >= 2 && chosen.count < limit {
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

        var headerCells: [Column: (text: String, start: Int)] = [:]
        var rows: [Row] = []
        var total: Row?
        /// For each level column, the row whose label covers the rows after it.
        var labels: [Column: Int] = [:]
        /// The last columns measured: a page that has none of its own takes them.
        var last: (weight: Int, score: Int, edges: [Int])?
        /// How far left of its row's name each level's label last stood, as a line with both
        /// showed: where a label alone goes.
        var levelOffsets = (level1: 16, level2: 8)

        /// The header's labels by their words: pdftotext can set two a space apart (年度指标值
        /// 实际完成值 分值). A word that names no column goes on the label before it.
        init(header: FoldedText) {
            var previous: Column?
            for word in TopAlignedIndicatorTable.words(of: header.text) {
                let compact = SelfEvaluationReader.compact(String(word.text))
                let column: Column? = compact.contains(utf8: "一级指标") ? .level1 : compact.contains(utf8: "二级指标") ? .level2
                    : compact.contains(utf8: "三级指标") ? .name
                    : compact.contains(utf8: "实际") || compact.contains(utf8: "完成值") ? .actual
                    : compact.contains(utf8: "指标值") || compact.contains(utf8: "目标值") ? .target
                    : compact.contains(utf8: "分值") ? .weight : compact.contains(utf8: "得分") ? .score
                    : compact.contains(utf8: "偏差") ? .deviation : nil
                if let column, headerCells[column] == nil {
                    headerCells[column] = (String(word.text), word.start)
                    previous = column
                } else if let previous {
                    headerCells[previous]!.text += word.text
                }
            }
        }

        /// Reads the lines of one page. false when its columns cannot be told.
        mutating func read(_ page: [FoldedText]) -> Bool {
            let words = page.map { TopAlignedIndicatorTable.words(of: $0.text) }
            let tails = words.map(TopAlignedIndicatorTable.tail)
            func scorePlaces(_ indices: some Sequence<Int>) -> (weight: Int, score: Int)? {
                let pairs = indices.filter { tails[$0].count == 2 }
                guard let weight = mode(pairs.map { words[$0][tails[$0][0]].start }),
                      let score = mode(pairs.map { words[$0][tails[$0][1]].start }) else { return nil }
                return (weight, score)
            }
            func around(_ k: Int) -> Range<Int> { max(0, k - window)..<min(page.count, k + window + 1) }
            // A line starts a row when its numbers stand where the two numbers of the lines
            // around stand (2 日至 5, a wrapped 实际完成值, does not).
            let starts = page.indices.map { k -> Bool in
                guard !tails[k].isEmpty, !isTotal(words[k]), let places = scorePlaces(around(k)) ?? last.map({ ($0.weight, $0.score) })
                else { return false }
                return tails[k].contains { t in abs(words[k][t].start - places.weight) <= 3 || abs(words[k][t].start - places.score) <= 3 }
            }
            guard !(rows.isEmpty && !starts.contains(true)) else {
                // The header's own lines, on the page before the rows.
                for line in words where !isTotal(line) { appendToHeader(line) }
                return true
            }
            // Each row's 三级指标 starts at its first word that is no level label nor stands
            // where one does within a line: where a row's names start tells which rows share
            // its columns.
            let levelStarts = words.map { $0.filter { isLevel($0.text) && !isPoints(SelfEvaluationReader.compact(String($0.text))) }.map(\.start) }
            var nameStart: [Int?] = page.indices.map { k -> Int? in
                guard starts[k] else { return nil }
                let nearby = Array(levelStarts[max(0, k - 1)..<min(page.count, k + 2)].joined())
                return words[k].first { word in !isLevel(word.text) && !nearby.contains { abs($0 - word.start) <= 2 } }?.start
            }
            var carried = nameStart.lazy.compactMap { $0 }.first ?? last?.edges[0]
            for k in page.indices {
                if let own = nameStart[k] { carried = own } else { nameStart[k] = carried }
            }
            for k in page.indices {
                if isTotal(words[k]) {
                    var total = Row(line: page[k].line)
                    total.cells[.level1] = (String(words[k][0].text), page[k].line)
                    for (column, word) in zip([Column.weight, .score], words[k].dropFirst().filter { isScore($0.text) }) {
                        total.cells[column] = (String(word.text), page[k].line)
                    }
                    self.total = total
                    continue
                }
                guard let name = nameStart[k] else { return false }
                let same = around(k).filter { nameStart[$0].map { abs($0 - name) <= 2 } ?? false }
                guard let places = scorePlaces(same) ?? last.map({ ($0.weight, $0.score) }) else { return false }
                var valueStarts: [Int] = []
                for j in same where !isTotal(words[j]) {
                    for (i, word) in words[j].enumerated() where name + 2 < word.start && word.start < places.weight - 3 {
                        if word.afterGap || i > 0 && words[j][i - 1].start <= name + 2 && startsValue(word.text)
                            && words[j][i - 1].text.unicodeScalars.last?.isIdeograph == true {
                            valueStarts.append(word.start)
                        }
                    }
                }
                var edges = [name] + peaks(valueStarts, limit: 2)
                if edges.count < 3 {
                    guard let last else { return false }
                    edges = [name] + last.edges.dropFirst()
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
                guard let column = headerCells.filter({ $0.value.start <= word.start + 2 }).max(by: { $0.value.start < $1.value.start })?.key
                else { continue }
                headerCells[column]!.text += word.text
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

        func grid(title: String?, line: Int) -> TableGrid {
            var cells: [TableGrid.Cell] = headerCells.sorted { $0.key.rawValue < $1.key.rawValue }.map { column, cell in
                TableGrid.Cell(row: 0, column: column.rawValue, text: cell.text, original: cell.text, line: line)
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
                    var gridCell = TableGrid.Cell(row: r + 1, column: column.rawValue, text: cell.text, original: cell.text, line: cell.line)
                    gridCell.rowSpan = spans[r][column] ?? 1
                    cells.append(gridCell)
                }
            }
            if let total {
                for (column, cell) in total.cells.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    cells.append(TableGrid.Cell(row: rows.count + 1, column: column.rawValue, text: cell.text, original: cell.text, line: cell.line))
                }
            }
            return TableGrid(title: title, line: line, rows: rows.count + (total == nil ? 1 : 2), columns: Column.allCases.count, cells: cells)
        }
    }
}
