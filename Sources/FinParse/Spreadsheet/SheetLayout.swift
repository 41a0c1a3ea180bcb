/// What one sheet of a workbook reads as. A report's workbook gives each table a sheet,
/// its title, 编制部门 and 单位 in rows of their own above it and notes below it; and each
/// section of text a sheet whose cells, one a row, hold paragraphs (the 上海市 template:
/// 部门主要职能, 部门收支总表 …, 其他相关情况说明).
///
/// So a sheet without a row of two cells is paragraphs, a line of a cell each. Any other
/// sheet is a table, from its first row that is not a caption (one cell, or cells that
/// each name something: 编制部门：…, 单位：元) to its last that is not a note (one cell:
/// 注：…, or a sentence); the captions and notes are paragraphs around it. Rows and columns
/// without a cell are left out of the table, and a merged range spans what is left of it.
/// A sheet that holds several tables one under another, each under its own title after
/// an empty row (收入预算总表 … 合计, then 支出预算总表 …), is read as that many.
enum SheetLayout {
    enum Item {
        case paragraph(FoldedText)
        case table(TableGrid)
    }

    /// The sheet's items in order. `lineOffset` + a row's number is its line. `context`: the
    /// paragraphs of the document a sheet is embedded in right before it, which may title its
    /// first table and state its unit as its own rows above it do.
    static func items(of sheet: Sheet, lineOffset: Int, before context: [FoldedText] = []) -> [Item] {
        let cells = sheet.cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        var rows: [ArraySlice<Sheet.Cell>] = []
        var start = cells.startIndex
        for i in cells.indices where i + 1 == cells.endIndex || cells[i + 1].row != cells[i].row {
            rows.append(cells[start...i])
            start = i + 1
        }
        var blockStarts = [0]
        for k in rows.indices.dropFirst() where startsTable(at: k, of: rows) { blockStarts.append(k) }
        return zip(blockStarts, blockStarts.dropFirst() + [rows.count]).flatMap { start, end in
            items(of: rows[start..<end], sheet: sheet, context: start == 0 ? context : nil, lineOffset: lineOffset)
        }
    }

    /// Whether row `k` is the title of a table of its own below another: alone in its row
    /// after an empty one, short, naming a table (…表), and a row of cells within the three
    /// after it.
    private static func startsTable(at k: Int, of rows: [ArraySlice<Sheet.Cell>]) -> Bool {
        guard rows[k].count == 1, rows[k].first!.row > rows[k - 1].first!.row + 1 else { return false }
        let title = rows[k].first!.text.trimmingSpaces
        guard title.count <= 40, title.last == "表" || title.hasSuffix("表)") || title.hasSuffix("表）") else { return false }
        return rows[(k + 1)...].prefix(3).contains { $0.count > 1 }
    }

    /// The items of one table's rows of a sheet and the paragraphs around it; a table with
    /// nothing above it is titled by the sheet's name, when it is the sheet's first (`context`
    /// not nil) and the name is not Excel's default.
    private static func items(of rows: ArraySlice<ArraySlice<Sheet.Cell>>, sheet: Sheet, context: [FoldedText]?,
                              lineOffset: Int) -> [Item] {
        func paragraphs(_ rows: ArraySlice<ArraySlice<Sheet.Cell>>) -> [FoldedText] {
            rows.flatMap { $0 }.flatMap { cell in
                cell.text.split(whereSeparator: \.isNewline).filter { !$0.isSpacesOnly }
                    .map { FoldedText(String($0), line: lineOffset + cell.row) }
            }
        }
        guard let first = rows.firstIndex(where: { !isCaption($0) }) else { return paragraphs(rows).map(Item.paragraph) }
        let last = rows.lastIndex { $0.count > 1 || !isNote($0.first!.text) }!
        let above = paragraphs(rows[..<first])
        let titled = (context ?? []) + above
        let grid = grid(of: rows[first...last], merges: sheet.merges, lineOffset: lineOffset,
                        above: titled.isEmpty && context != nil && !isDefaultName(sheet.name)
                            ? [FoldedText(sheet.name, line: lineOffset + rows[first].first!.row)] : titled)
        return above.map(Item.paragraph) + [.table(grid)] + paragraphs(rows[(last + 1)...]).map(Item.paragraph)
    }

    /// A row above a table that is no part of it: a title alone in its row, or cells that
    /// each name something (编制部门：上海市普陀区司法局 | 单位：元).
    private static func isCaption(_ row: ArraySlice<Sheet.Cell>) -> Bool {
        row.count == 1 || row.allSatisfy { $0.text.contains("：") || $0.text.contains(":") }
    }

    /// A row below a table, alone in its row, that is no part of it: a note, a sentence.
    private static func isNote(_ text: String) -> Bool {
        let text = text.trimmingSpaces
        return ["注", "说明", "备注", "数据来源", "填表"].contains { text.hasPrefix($0) } || text.count > 40
    }

    /// The names Excel and WPS give a new sheet (Sheet1, 工作表1), which name no table.
    private static func isDefaultName(_ name: String) -> Bool {
        let name = name.trimmingSpaces
        let stem = name.prefix { !$0.isNumber }
        return name.isEmpty || (["Sheet", "工作表"].contains(String(stem)) && name.dropFirst(stem.count).allSatisfy(\.isNumber))
    }

    /// The table of `rows`, each cell at its place among the rows and columns that hold one.
    /// A merged range whose top-left cell shows text spans what it covers of them; what it
    /// covers shows nothing, whatever it holds. Ranges that overlap (Excel makes none) are
    /// cut where an earlier one stands, as a web table's spans are.
    private static func grid(of rows: ArraySlice<ArraySlice<Sheet.Cell>>, merges: [Sheet.Merge],
                             lineOffset: Int, above: [FoldedText]) -> TableGrid {
        let rowNumbers = rows.map { $0.first!.row }
        let columnNumbers = Set(rows.joined().map(\.column)).sorted()
        let columnIndex = Dictionary(uniqueKeysWithValues: columnNumbers.enumerated().map { ($1, $0) })
        let anchors = Dictionary(merges.map { (Place(row: $0.rows.lowerBound, column: $0.columns.lowerBound), $0) },
                                 uniquingKeysWith: { first, _ in first })
        /// How many of `numbers` (sorted) lie in `range`.
        func count(_ numbers: [Int], in range: ClosedRange<Int>) -> Int {
            numbers.partitioningIndex(where: { $0 > range.upperBound }) - numbers.partitioningIndex(where: { $0 >= range.lowerBound })
        }
        // By column, the last row a span from above covers.
        var reserved = Array(repeating: -1, count: columnNumbers.count)
        var placed: [TableGrid.Cell] = []
        for (r, row) in rows.enumerated() {
            var coveredUntil = 0  // the first column this row's spans leave free
            for cell in row {
                let c = columnIndex[cell.column]!
                guard c >= coveredUntil, reserved[c] < r else { continue }
                var rowSpan = 1, columnSpan = 1
                if let merge = anchors[Place(row: cell.row, column: cell.column)] {
                    rowSpan = max(1, count(rowNumbers, in: merge.rows))
                    columnSpan = max(1, count(columnNumbers, in: merge.columns))
                    columnSpan = (c..<c + columnSpan).firstIndex { reserved[$0] >= r }.map { $0 - c } ?? columnSpan
                    for covered in c..<c + columnSpan { reserved[covered] = r + rowSpan - 1 }
                }
                coveredUntil = c + columnSpan
                placed.append(TableGrid.cell(row: r, column: c, rowSpan: rowSpan, columnSpan: columnSpan,
                                             texts: cell.text.split(whereSeparator: \.isNewline).map(String.init),
                                             line: lineOffset + cell.row, tables: []))
            }
        }
        return TableGrid(placed: placed, rows: rowNumbers.count, columns: columnNumbers.count, after: above,
                         fallbackLine: lineOffset + rowNumbers[0])
    }

    private struct Place: Hashable {
        var row: Int
        var column: Int
    }
}
