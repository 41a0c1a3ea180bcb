/// A Word table as its rows are read, in either of Word's formats (.docx's XML, a .doc's
/// binary table properties), and the grid it makes.
struct WordTableBuilder {
    enum Merge { case restart, proceed }

    struct Cell {
        var span = 1
        var verticalMerge: Merge?
        var horizontalMerge: Merge?
        var texts: [String] = []
        var line: Int?
        var tables: [TableGrid] = []
    }

    struct Row {
        var gridBefore = 0
        var gridAfter = 0
        var deleted = false
        var cells: [Cell] = []
    }

    /// The body paragraphs right before the table: its title, its unit.
    var above: [FoldedText] = []
    var rows: [Row] = []

    /// Word's grid: a span widens a cell, a vertical merge's continuation extends the cell
    /// that restarted the merge above it in the same column.
    func grid(fallbackLine: Int) -> TableGrid {
        var cells: [TableGrid.Cell] = []
        cells.reserveCapacity(rows.reduce(0) { $0 + $1.cells.count })
        var merging: [Int: Int] = [:]  // column → index of the cell whose merge is open
        var columns = 0
        for (r, row) in rows.enumerated() {
            var column = row.gridBefore
            var previous: Int?
            for cell in row.cells {
                defer { column += cell.span }
                // Legacy horizontal merge: the continuing cell widens the one before it.
                if cell.horizontalMerge == .proceed, let previous, cells[previous].row == r {
                    cells[previous].columnSpan += cell.span
                    continue
                }
                if cell.verticalMerge == .proceed, let open = merging[column], cells[open].columnSpan == cell.span {
                    cells[open].rowSpan = r - cells[open].row + 1
                    cells[open].tables += cell.tables
                    continue
                }
                cells.append(TableGrid.cell(row: r, column: column, columnSpan: cell.span, texts: cell.texts,
                                            line: cell.line ?? fallbackLine, tables: cell.tables))
                previous = cells.count - 1
                merging[column] = cell.verticalMerge == .restart ? cells.count - 1 : nil
            }
            columns = max(columns, column + row.gridAfter)
        }
        return TableGrid(placed: cells, rows: rows.count, columns: columns, after: above, fallbackLine: fallbackLine)
    }
}
