/// Reads one sheet's part (xl/worksheets/sheetN.xml) as a stream into a ``Sheet``: each
/// cell with the text Excel shows in it, and the sheet's merged ranges.
///
/// A number is shown through its cell's number format (``NumberFormat``); a formula by
/// the value Excel saved with it; a shared string by its text.
struct WorksheetReader: XMLNodeReader {
    enum Element: String, XMLVocabulary {
        case row, cell = "c", value = "v", inlineString = "is", text = "t", phonetic = "rPh", mergeCell
        case formula = "f", column = "col"
    }

    private let strings: [String]
    private let styles: CellStyles
    private(set) var sheet: Sheet

    private var row = 0
    private var column = -1
    private var type: String?
    private var style: Int?
    private var value: [UInt8] = []
    private var inValue = false
    private var hasFormula = false
    private var inline = CellTextReader()
    private var inlineText: String?

    init(name: String, strings: [String], styles: CellStyles, from1904: Bool, textBudget: Int) {
        sheet = Sheet(name: name)
        sheet.from1904 = from1904
        sheet.textBudget = textBudget
        self.strings = strings
        self.styles = styles
    }

    mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
        switch node {
        case .start(.row):
            row = stream.attribute("r").flatMap { Int($0) }.flatMap { (1...Sheet.maxRow).contains($0) ? $0 : nil } ?? row + 1
            column = -1
            if Self.isSet(stream.attribute("hidden")) { sheet.hiddenRows.insert(row) }
        case .start(.column):
            // <col min="3" max="5" hidden="1"/>: 1-based columns.
            if Self.isSet(stream.attribute("hidden")), let first = stream.attribute("min").flatMap({ Int($0) }),
               let last = stream.attribute("max").flatMap({ Int($0) }), 1 <= first, first <= last {
                sheet.hiddenColumns.append((first - 1)...(last - 1))
            }
        case .start(.cell):
            let place = stream.attribute("r").flatMap(Sheet.place(of:))
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
            if let range = stream.attribute("ref").flatMap(Sheet.range(of:)) { sheet.merges.append(range) }
        default:
            inline.take(node, from: stream, text: .text, phonetic: .phonetic)
        }
    }

    /// An XML boolean that is true (1, true).
    private static func isSet(_ value: String?) -> Bool { value == "1" || value == "true" }

    private mutating func finishCell() {
        let raw = String(decoding: value, as: UTF8.self)
        switch type {
        case "s":
            guard let index = Int(raw) else { return }
            guard strings.indices.contains(index) else { sheet.missingStrings += 1; return }
            sheet.add(strings[index], row: row, column: column)
        case "inlineStr": sheet.add(inlineText ?? "", row: row, column: column)
        case "b": sheet.add(raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw, row: row, column: column)
        case "str", "e", "d": sheet.add(CellTextReader.unescaped(raw), row: row, column: column)
        default:
            guard !value.isEmpty else {
                if hasFormula { sheet.formulasWithoutValue.append(Sheet.reference(row: row, column: column)) }
                return
            }
            sheet.add(number: raw, format: styles.format(ofStyle: style), row: row, column: column)
        }
    }
}
