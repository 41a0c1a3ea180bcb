/// One sheet's cells as Excel shows them, whichever file they were read from (an .xlsx's
/// part, an .xls's records), and what reading them found.
struct Sheet {
    /// A cell that shows some text.
    struct Cell {
        /// 1-based, as Excel numbers rows.
        var row: Int
        /// 0-based (A is 0).
        var column: Int
        var text: String
    }

    /// A merged range, 1-based rows and 0-based columns.
    struct Merge {
        var rows: ClosedRange<Int>
        var columns: ClosedRange<Int>
    }

    /// Excel's own bounds: a reference past them is none.
    static let maxRow = 1_048_576
    static let maxColumn = 16_384

    var name: String
    /// Whether the workbook counts dates from 1904-01-01 (``NumberFormat/show(_:from1904:)``).
    var from1904 = false
    private(set) var cells: [Cell] = []
    var merges: [Merge] = []
    /// Cells with a formula and no value saved (a workbook written by a program that does
    /// not calculate): their references, as A1.
    var formulasWithoutValue: [String] = []
    /// Cells whose format shows fewer digits than they hold: the first one's reference,
    /// value and shown text, and how many.
    private(set) var hiddenDigits: (reference: String, value: String, shown: String)?
    private(set) var hiddenDigitCount = 0
    /// Cells that name shared strings the workbook does not have.
    var missingStrings = 0
    /// Rows (1-based) and columns (0-based) the sheet hides: their cells are not shown, and
    /// not read. Both are known before the cells they hide.
    var hiddenRows = Set<Int>()
    var hiddenColumns: [ClosedRange<Int>] = []
    /// Cells with text that the hidden rows and columns hold: the first one's reference, and how many.
    private(set) var firstHiddenCell: String?
    private(set) var hiddenCellCount = 0

    /// How many bytes of text its cells may show: past it, a shared string repeated in cell
    /// after cell would take more memory than any report (``isOverBudget``).
    var textBudget = Int.max
    private(set) var textBytes = 0
    /// Whether its cells showed more than `textBudget` bytes; those past it are not kept.
    var isOverBudget: Bool { textBytes > textBudget }

    init(name: String) { self.name = name }

    /// The largest row number that holds a cell showing text.
    var lastRow: Int { cells.lazy.map(\.row).max() ?? 0 }

    /// Adds a cell that shows `text`, unless it shows only spaces or lies past Excel's bounds.
    mutating func add(_ text: String, row: Int, column: Int) {
        guard (1...Self.maxRow).contains(row), (0..<Self.maxColumn).contains(column), !text.isSpacesOnly else { return }
        guard !hides(row: row, column: column) else {
            if firstHiddenCell == nil { firstHiddenCell = Self.reference(row: row, column: column) }
            hiddenCellCount += 1
            return
        }
        textBytes += text.utf8.count
        guard !isOverBudget else { return }
        cells.append(Cell(row: row, column: column, text: text))
    }

    /// Adds a number as `format` shows it; `value` is its digits as the file gives them.
    mutating func add(number value: String, format: NumberFormat, row: Int, column: Int) {
        guard let shown = format.show(value, from1904: from1904) else { return add(value, row: row, column: column) }
        if shown.hidesDigits, !hides(row: row, column: column) {
            if hiddenDigits == nil { hiddenDigits = (Self.reference(row: row, column: column), value, shown.text) }
            hiddenDigitCount += 1
        }
        add(shown.text, row: row, column: column)
    }

    /// Only the cells within `range`, and the merges that start within it.
    mutating func keep(within range: Merge) {
        cells.removeAll { !range.rows.contains($0.row) || !range.columns.contains($0.column) }
        merges.removeAll { !range.rows.contains($0.rows.lowerBound) || !range.columns.contains($0.columns.lowerBound) }
    }

    /// Whether the cell at `row`, `column` stands in a hidden row or column.
    private func hides(row: Int, column: Int) -> Bool {
        hiddenRows.contains(row) || hiddenColumns.contains { $0.contains(column) }
    }

    /// B12 → row 12, column 1; nil when it is no reference within Excel's bounds.
    static func place(of reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var letters = 0
        var rest = Substring(reference).utf8[...]
        while let byte = rest.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) {
            column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            letters += 1
            rest = rest.dropFirst()
            guard letters <= 3 else { return nil }
        }
        guard letters > 0, column <= maxColumn, let row = Int(Substring(rest)), (1...maxRow).contains(row) else { return nil }
        return (row, column - 1)
    }

    /// A1:C3 → rows 1…3, columns 0…2.
    static func range(of reference: String) -> Merge? {
        let corners = reference.split(separator: ":")
        guard corners.count == 2, let from = place(of: String(corners[0])), let to = place(of: String(corners[1])),
              from.row <= to.row, from.column <= to.column else { return nil }
        return Merge(rows: from.row...to.row, columns: from.column...to.column)
    }

    /// Row 12, column 1 → B12.
    static func reference(row: Int, column: Int) -> String {
        var letters: [Character] = []
        var n = column + 1
        while n > 0 {
            letters.insert(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8((n - 1) % 26))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters) + "\(row)"
    }
}
