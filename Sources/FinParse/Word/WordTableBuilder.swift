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

    /// Places each row's cells on the columns that all rows' cell edges make (a .doc's and
    /// an RTF table's rows give edges, in twips, not a grid): `rowEdges[r]` holds row r's
    /// left edge, then each cell's right edge; a row without edges keeps its cells' spans.
    mutating func place(byEdges rowEdges: [[Int]]) {
        let columns = Self.columns(rowEdges)
        guard columns.count > 1 else { return }
        for (r, edges) in zip(rows.indices, rowEdges) where edges.count >= 2 {
            let at = edges.map { Self.column(of: $0, in: columns) }
            rows[r].gridBefore = at[0]
            rows[r].gridAfter = columns.count - 1 - at[at.count - 1]
            for i in rows[r].cells.indices where i + 1 < at.count {
                rows[r].cells[i].span = max(1, at[i + 1] - at[i])
            }
        }
    }

    /// Edges closer than this (in twips, a quarter of a millimetre) are one: Word moves
    /// an edge by a few twips when a row is drawn by hand.
    private static let edgeTolerance = 14

    /// Every row's edges in order, those within the tolerance of the one before taken as it.
    private static func columns(_ rows: [[Int]]) -> [Int] {
        var edges: [Int] = []
        for edge in rows.joined().sorted() where edges.last.map({ edge - $0 > edgeTolerance }) ?? true {
            edges.append(edge)
        }
        return edges
    }

    /// The last column at or left of `edge` (within the tolerance), found by a binary
    /// search: a table may have thousands of rows and, in a damaged file, of columns.
    private static func column(of edge: Int, in columns: [Int]) -> Int {
        max(columns.partitioningIndex { $0 > edge + edgeTolerance } - 1, 0)
    }

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

/// A Word table being read cell by cell (a .doc's or an RTF's, whose rows give their cells'
/// edges): its rows so far, their edges, and the row and cell being read.
struct OpenWordTable {
    var builder: WordTableBuilder
    /// Each row's edges, in twips: its left edge, then each cell's right edge.
    var rowEdges: [[Int]] = []
    var row = WordTableBuilder.Row()
    var cell = WordTableBuilder.Cell()

    init(above: [FoldedText]) {
        builder = WordTableBuilder(above: above)
    }

    /// The table's grid, a row or cell left open (a damaged file's) ending with it, its cells
    /// placed on the columns its rows' edges make.
    mutating func finish(fallbackLine: Int) -> TableGrid {
        if !cell.texts.isEmpty { row.cells.append(cell) }
        if !row.cells.isEmpty {
            builder.rows.append(row)
            rowEdges.append([])
        }
        builder.place(byEdges: rowEdges)
        return builder.grid(fallbackLine: fallbackLine)
    }
}

extension [OpenWordTable] {
    /// Closes the tables nested deeper than `level`, the innermost first, each into the cell
    /// of the table around it: the outermost's grid, when it closes too.
    mutating func close(downTo level: Int, fallbackLine: Int) -> TableGrid? {
        while count > Swift.max(level, 0) {
            let grid = self[count - 1].finish(fallbackLine: fallbackLine)
            removeLast()
            guard isEmpty else {
                self[count - 1].cell.tables.append(grid)
                continue
            }
            return grid
        }
        return nil
    }
}
