/// Reads one sheet's part (xl/worksheets/sheetN.xml) as a stream: each cell with the text
/// Excel shows in it, and the sheet's merged ranges.
///
/// A number is shown through its cell's number format (``NumberFormat``); a formula by
/// the value Excel saved with it; a shared string by its text.
struct WorksheetReader: XMLNodeReader {
    enum Element: String, XMLVocabulary {
        case row, cell = "c", value = "v", inlineString = "is", text = "t", phonetic = "rPh", mergeCell
        case formula = "f"
    }

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

    private let strings: [String]
    private let styles: CellStyles
    private(set) var cells: [Cell] = []
    private(set) var merges: [Merge] = []
    /// Cells with a formula and no value saved (a workbook written by a program that does
    /// not calculate): their references, as A1.
    private(set) var formulasWithoutValue: [String] = []
    /// Cells whose format shows fewer digits than they hold: the first one's reference,
    /// value and shown text, and how many.
    private(set) var hiddenDigits: (reference: String, value: String, shown: String)?
    private(set) var hiddenDigitCount = 0
    /// Shared-string indices past the strings there are.
    private(set) var missingStrings = 0

    private var row = 0
    private var column = -1
    private var type: String?
    private var style: Int?
    private var value: [UInt8] = []
    private var inValue = false
    private var hasFormula = false
    private var inline = CellTextReader()
    private var inlineText: String?

    init(strings: [String], styles: CellStyles) {
        self.strings = strings
        self.styles = styles
    }

    /// The largest row number that holds a cell showing text.
    var lastRow: Int { cells.lazy.map(\.row).max() ?? 0 }

    mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
        switch node {
        case .start(.row):
            row = stream.attribute("r").flatMap { Int($0) }.flatMap { (1...Self.maxRow).contains($0) ? $0 : nil } ?? row + 1
            column = -1
        case .start(.cell):
            let place = stream.attribute("r").flatMap(Self.place(of:))
            column = place?.column ?? column + 1
            if let placed = place?.row { row = placed }
            type = stream.attribute("t")
            style = stream.attribute("s").flatMap { Int($0) }
            value.removeAll(keepingCapacity: true)
            hasFormula = false
            inlineText = nil
        case .start(.value): inValue = true
        case .end(.value): inValue = false
        case .text where inValue: stream.appendText(to: &value)
        case .start(.formula): hasFormula = true
        case .end(.inlineString): inlineText = inline.finish()
        case .end(.cell): finishCell()
        case .start(.mergeCell):
            if let range = stream.attribute("ref").flatMap(Self.range(of:)) { merges.append(range) }
        default:
            inline.take(node, from: stream, text: .text, phonetic: .phonetic)
        }
    }

    private mutating func finishCell() {
        guard row >= 1, column < Self.maxColumn else { return }
        let raw = String(decoding: value, as: UTF8.self)
        let text: String
        switch type {
        case "s":
            guard let index = Int(raw) else { return }
            guard strings.indices.contains(index) else { missingStrings += 1; return }
            text = strings[index]
        case "inlineStr": text = inlineText ?? ""
        case "b": text = raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw
        case "str", "e", "d": text = CellTextReader.unescaped(raw)
        default:
            if value.isEmpty {
                if hasFormula { formulasWithoutValue.append(Self.reference(row: row, column: column)) }
                return
            }
            guard let shown = styles.format(ofStyle: style).show(raw) else {
                text = raw
                break
            }
            if shown.hidesDigits {
                if hiddenDigits == nil { hiddenDigits = (Self.reference(row: row, column: column), raw, shown.text) }
                hiddenDigitCount += 1
            }
            text = shown.text
        }
        guard !text.isSpacesOnly else { return }
        cells.append(Cell(row: row, column: column, text: text))
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
