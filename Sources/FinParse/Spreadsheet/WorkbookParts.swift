/// The sheets of a workbook (xl/workbook.xml), in the order Excel shows their tabs.
struct WorkbookSheets: XMLNodeReader {
    enum Element: String, XMLVocabulary {
        case sheet, properties = "workbookPr", view = "workbookView", oleSize
    }

    struct Sheet {
        var name: String
        /// The relationship that names the sheet's part.
        var relationship: String
        /// Hidden (or very hidden) from the workbook's tabs.
        var hidden: Bool
    }

    private(set) var sheets: [Sheet] = []
    /// Whether its dates count from 1904-01-01.
    private(set) var from1904 = false
    /// The tab shown when the workbook opens (0 the first): the sheet an object embedding the
    /// workbook in a Word document shows.
    private(set) var activeTab = 0
    /// The cells such an object shows (A1:H20), where the workbook gives them.
    private(set) var embeddedRange: String?

    mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
        if case .start(.properties) = node {
            from1904 = ["1", "true"].contains(stream.attribute("date1904"))
        }
        if case .start(.view) = node, let tab = stream.attribute("activeTab").flatMap({ Int($0) }) { activeTab = tab }
        if case .start(.oleSize) = node { embeddedRange = stream.attribute("ref") }
        guard case .start(.sheet) = node, let relationship = stream.attribute("r:id") else { return }
        sheets.append(Sheet(name: stream.attribute("name") ?? "", relationship: relationship,
                            hidden: stream.attribute("state").map { $0 != "visible" } ?? false))
    }
}

/// The text of a string item (xl/sharedStrings.xml's si, a cell's inline is): its t
/// elements, of a rich text's runs too, without the phonetic guide (rPh) a Japanese or
/// Chinese Excel may keep beside it.
struct CellTextReader {
    private var text: [UInt8] = []
    private var inText = false
    private var phonetic = 0

    /// Takes a node inside the item; `Element` names t and rPh as the part writes them.
    mutating func take<Element: XMLVocabulary>(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>,
                                text textElement: Element, phonetic phoneticElement: Element) {
        switch node {
        case .start(let element) where element == phoneticElement: phonetic += 1
        case .end(let element) where element == phoneticElement: phonetic -= 1
        case .start(let element) where element == textElement: inText = phonetic == 0
        case .end(let element) where element == textElement: inText = false
        case .text where inText: stream.appendText(to: &text)
        default: break
        }
    }

    /// The item's text, and the reader emptied for the next.
    mutating func finish() -> String {
        defer { text.removeAll(keepingCapacity: true) }
        return Self.unescaped(String(decoding: text, as: UTF8.self))
    }

    /// Excel writes characters XML cannot hold (a carriage return, other controls) as
    /// _xHHHH_, and an underscore that would read so as _x005F_.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            // _x, four hex digits, _
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let value = UInt32(String(String.UnicodeScalarView(scalars[i + 2..<i + 6])), radix: 16),
               scalars[i + 2..<i + 6].allSatisfy(\.properties.isASCIIHexDigit), let scalar = Unicode.Scalar(value) {
                // A carriage return before a line feed is the line feed's.
                if value != 0x0D { result.append(scalar) }
                i += 7
            } else {
                result.append(scalars[i])
                i += 1
            }
        }
        return String(result)
    }
}

/// The strings cells share (xl/sharedStrings.xml), by index.
struct SharedStrings: XMLNodeReader {
    enum Element: String, XMLVocabulary {
        case item = "si", text = "t", phonetic = "rPh"
    }

    private(set) var strings: [String] = []
    private var item = CellTextReader()

    mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
        if case .end(.item) = node {
            strings.append(item.finish())
        } else {
            item.take(node, from: stream, text: .text, phonetic: .phonetic)
        }
    }
}

/// The number formats of a workbook's cell styles (xl/styles.xml): a cell's s attribute
/// is an index into cellXfs, whose numFmtId is a built-in format or one of numFmts. An
/// .xls's Format and XF records fill the same tables (``BinaryWorkbook``).
struct CellStyles: XMLNodeReader {
    enum Element: String, XMLVocabulary {
        case numberFormat = "numFmt", cellFormats = "cellXfs", format = "xf"
    }

    private var custom: [Int: NumberFormat] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    mutating func take(_ node: XMLStream<Element>.Node, from stream: XMLStream<Element>) {
        switch node {
        case .start(.numberFormat):
            if let id = stream.attribute("numFmtId").flatMap({ Int($0) }), let code = stream.attribute("formatCode") {
                addNumberFormat(id, code: code)
            }
        case .start(.cellFormats): inCellFormats = true
        case .end(.cellFormats): inCellFormats = false
        case .start(.format) where inCellFormats:
            addCellFormat(numberFormat: stream.attribute("numFmtId").flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    /// A number format the workbook defines, by its id.
    mutating func addNumberFormat(_ id: Int, code: String) {
        custom[id] = NumberFormat(code: code)
    }

    /// The next cell style, by the id of its number format.
    mutating func addCellFormat(numberFormat id: Int) {
        formatIDs.append(id)
    }

    /// The format of the cell style at `index`; General for a cell without one.
    func format(ofStyle index: Int?) -> NumberFormat {
        guard let index, formatIDs.indices.contains(index) else { return .general }
        let id = formatIDs[index]
        return custom[id] ?? NumberFormat(builtIn: id)
    }
}
