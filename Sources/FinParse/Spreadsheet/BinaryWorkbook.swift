/// An Excel 97–2003 workbook: the BIFF8 records of an OLE compound file's Workbook stream
/// ([MS-XLS]), read into the ``Sheet``s an .xlsx gives, so that both are laid out and read
/// the same way.
///
/// The workbook's globals give the sheets (BoundSheet8), the shared strings (SST and its
/// Continue records), the number formats (Format) and the cell formats (XF) that name them.
/// A sheet's cells come from LabelSst, Label, Number, RK, MulRk, Formula (its cached value,
/// a string in the String record after it), BoolErr, and its merged ranges from MergeCells.
/// A number is a Double in the file: it is written as its shortest decimal spelling, which
/// reads back as the same Double, and shown through its format as an .xlsx's digits are.
struct BinaryWorkbook {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// A workbook finparse does not read (Excel 5.0/95's BIFF5, a password), not a damaged one.
        var isUnsupported = false
    }

    struct SheetEntry {
        var name: String
        var hidden: Bool
        /// Where its records start in the stream (its BOF).
        var offset: Int
    }

    private let stream: [UInt8]
    private(set) var sheets: [SheetEntry] = []
    private var strings: [String] = []
    private var styles = CellStyles()
    /// Whether its dates count from 1904-01-01.
    private var from1904 = false
    /// Which of ``sheets`` shows when the workbook opens (Window1's tab, when it is one of
    /// them): the sheet an object embedding the workbook in a Word document shows.
    private(set) var activeSheet: Int?
    /// The cells such an object shows (OleSize), where the workbook gives them.
    private(set) var embeddedRange: Sheet.Merge?

    private enum Record: UInt16 {
        case bof = 0x0809, eof = 0x000A, boundSheet = 0x0085, format = 0x041E, xf = 0x00E0, sst = 0x00FC
        case `continue` = 0x003C, filePass = 0x002F, labelSST = 0x00FD, label = 0x0204, richString = 0x00D6
        case number = 0x0203, rk = 0x027E, mulRK = 0x00BD, formula = 0x0006, string = 0x0207, boolErr = 0x0205
        case mergeCells = 0x00E5, dateMode = 0x0022, window1 = 0x003D, oleSize = 0x00DE
        // Excel 3.0's and 4.0's Formula record, which some writers put in BIFF8 (Apache POI's
        // WrongFormulaRecordType.xls): its value stands where a BIFF8 Formula's does.
        case formulaBIFF3 = 0x0206, formulaBIFF4 = 0x0406
        // What may stand between a formula and the String record of its value.
        case sharedFormula = 0x04BC, array = 0x0221, dataTable = 0x0236
        // Hidden rows and columns (before the cells they hold).
        case rowProperties = 0x0208, columnProperties = 0x007D
    }

    /// Reads the globals; the sheets are read one at a time (``sheet(_:)``).
    init(stream: [UInt8]) throws(Failure) {
        self.stream = stream
        guard stream.le16(0) == Record.bof.rawValue else {
            throw Failure(description: "whose workbook stream does not begin with a BOF record (damaged)")
        }
        guard stream.le16(4) == 0x0600 else {
            throw Failure(description: "is an Excel 5.0/95 workbook (BIFF5), which finparse does not read; save it as .xlsx",
                          isUnsupported: true)
        }
        var sst: [ArraySlice<UInt8>] = []
        var inSST = false
        // Window1 names the active tab among all the workbook's sheets, charts included.
        var activeTab: Int?
        var boundSheets = 0
        for (type, data) in records(from: 0) {
            if type == Record.eof.rawValue { break }
            inSST = inSST && type == Record.continue.rawValue
            switch Record(rawValue: type) {
            case .filePass:
                throw Failure(description: "is a password-protected workbook; remove the password in Excel and save it again",
                              isUnsupported: true)
            case .window1 where data.count >= 12:
                activeTab = Int(Self.le16(data, 10))
            case .oleSize where data.count >= 8:
                let rows = Int(Self.le16(data, 2))...max(Int(Self.le16(data, 2)), Int(Self.le16(data, 4)))
                let first = Int(data[data.startIndex + 6])
                embeddedRange = Sheet.Merge(rows: (rows.lowerBound + 1)...(rows.upperBound + 1),
                                            columns: first...max(first, Int(data[data.startIndex + 7])))
            case .boundSheet:
                boundSheets += 1
                // Worksheets only (dt 0): a chart sheet or a macro sheet holds no cells to read.
                guard data.count >= 8, data[data.startIndex + 5] == 0 else { continue }
                if boundSheets - 1 == activeTab { activeSheet = sheets.count }
                let name = Self.shortString(data.dropFirst(6))
                sheets.append(SheetEntry(name: name, hidden: data[data.startIndex + 4] & 0x03 != 0,
                                         offset: Int(Self.le32(data, 0))))
            case .format:
                var reader = StringReader([data.dropFirst(2)])
                styles.addNumberFormat(Int(Self.le16(data, 0)), code: reader.string(lengthBytes: 2) ?? "")
            case .xf:
                styles.addCellFormat(numberFormat: Int(Self.le16(data, 2)))
            case .dateMode:
                from1904 = Self.le16(data, 0) == 1
            case .sst:
                sst = [data.dropFirst(8)]
                inSST = true
            case .continue where inSST:
                sst.append(data)
            default:
                break
            }
        }
        var reader = StringReader(sst)
        while let string = reader.string(lengthBytes: 2) { strings.append(string) }
    }

    /// The cells and merged ranges of a sheet.
    func sheet(_ entry: SheetEntry, textBudget: Int) throws(Failure) -> Sheet {
        var sheet = Sheet(name: entry.name)
        sheet.from1904 = from1904
        sheet.textBudget = textBudget
        guard stream.le16(entry.offset) == Record.bof.rawValue else {
            throw Failure(description: "sheet \(entry.name) does not begin with a BOF record where the workbook says (offset \(entry.offset))")
        }
        var formula: (row: Int, column: Int)?
        // A string longer than a record holds (8,224 bytes) goes on in Continue records: a
        // cell's string is added once the records after it are not Continue.
        var text: (row: Int, column: Int, pieces: [ArraySlice<UInt8>])?
        func addText() {
            guard let (row, column, pieces) = text else { return }
            var reader = StringReader(pieces)
            sheet.add(reader.string(lengthBytes: 2) ?? "", row: row, column: column)
            text = nil
        }
        // A chart drawn on the sheet is a substream of its own, BOF to EOF, inside the sheet's.
        var depth = 0
        for (type, data) in records(from: entry.offset) {
            if type == Record.bof.rawValue { depth += 1 }
            if type == Record.eof.rawValue { depth -= 1 }
            if depth == 0 { break }
            guard depth == 1 else { continue }
            if type == Record.continue.rawValue, text != nil {
                text!.pieces.append(data)
                continue
            }
            addText()
            let row = Int(Self.le16(data, 0)) + 1, column = Int(Self.le16(data, 2)), xf = Int(Self.le16(data, 4))
            let record = Record(rawValue: type)
            defer { if ![.formula, .formulaBIFF3, .formulaBIFF4, .sharedFormula, .array, .dataTable].contains(record) { formula = nil } }
            switch record {
            case .labelSST:
                let index = Int(Self.le32(data, 6))
                if strings.indices.contains(index) { sheet.add(strings[index], row: row, column: column) } else { sheet.missingStrings += 1 }
            case .label, .richString:
                text = (row, column, [data.dropFirst(6)])
            case .number:
                sheet.add(number: Self.number(data), format: format(xf), row: row, column: column)
            case .rk:
                sheet.add(number: Self.rk(Self.le32(data, 6)), format: format(xf), row: row, column: column)
            case .mulRK:
                // Row, first column, then an XF and an RK for each column, then the last column.
                for i in 0..<max(0, (data.count - 6) / 6) {
                    sheet.add(number: Self.rk(Self.le32(data, 6 + 6 * i)), format: format(Int(Self.le16(data, 4 + 6 * i))),
                              row: row, column: column + i)
                }
            case .formula, .formulaBIFF3, .formulaBIFF4:
                formula = nil
                guard data.count >= 14 else { continue }
                if Self.le16(data, 12) != 0xFFFF {
                    sheet.add(number: Self.number(data), format: format(xf), row: row, column: column)
                } else {
                    switch data[data.startIndex + 6] {
                    case 0: formula = (row, column)  // a string, in the String record that follows
                    case 1: sheet.add(data[data.startIndex + 8] == 0 ? "FALSE" : "TRUE", row: row, column: column)
                    case 2: sheet.add(Self.errorText(data[data.startIndex + 8]), row: row, column: column)
                    default: break
                    }
                }
            case .string:
                if let (row, column) = formula { text = (row, column, [data]) }
            case .boolErr:
                guard data.count >= 8 else { continue }
                let value = data[data.startIndex + 6]
                sheet.add(data[data.startIndex + 7] == 0 ? (value == 0 ? "FALSE" : "TRUE") : Self.errorText(value), row: row, column: column)
            case .rowProperties:
                if Self.le16(data, 12) & 0x20 != 0 { sheet.hiddenRows.insert(row) }
            case .columnProperties:
                // First and last column, width, XF, then the options: bit 0 hides them.
                let first = Int(Self.le16(data, 0)), last = Int(Self.le16(data, 2))
                if Self.le16(data, 8) & 0x01 != 0, first <= last { sheet.hiddenColumns.append(first...last) }
            case .mergeCells:
                for i in 0..<min(Int(Self.le16(data, 0)), (data.count - 2) / 8) {
                    let at = 2 + 8 * i
                    let rows = Int(Self.le16(data, at)) + 1, lastRow = Int(Self.le16(data, at + 2)) + 1
                    let columns = Int(Self.le16(data, at + 4)), lastColumn = Int(Self.le16(data, at + 6))
                    if rows <= lastRow, columns <= lastColumn { sheet.merges.append(Sheet.Merge(rows: rows...lastRow, columns: columns...lastColumn)) }
                }
            default:
                break
            }
        }
        addText()
        return sheet
    }

    private func format(_ xf: Int) -> NumberFormat { styles.format(ofStyle: xf) }

    /// The records from `offset` on, each its type and its data, to the stream's end or to
    /// a record that claims more bytes than are left.
    private func records(from offset: Int) -> some Sequence<(UInt16, ArraySlice<UInt8>)> {
        var at = offset
        let stream = stream
        return AnySequence {
            AnyIterator {
                guard at >= 0, at + 4 <= stream.count else { return nil }
                let type = stream.le16(at), length = Int(stream.le16(at + 2))
                guard at + 4 + length <= stream.count else { return nil }
                defer { at += 4 + length }
                return (type, stream[(at + 4)..<(at + 4 + length)])
            }
        }
    }

    /// The Double a Number or Formula record holds after its row, column and XF, as its
    /// shortest decimal spelling.
    private static func number(_ data: ArraySlice<UInt8>) -> String {
        "\(Double(bitPattern: UInt64(le32(data, 6)) | UInt64(le32(data, 10)) << 32))"
    }

    /// An RK number ([MS-XLS] 2.5.217): a 30-bit integer or the top 30 bits of a Double,
    /// perhaps a hundredth of it; the hundredth is taken in decimal, exactly.
    static func rk(_ value: UInt32) -> String {
        let text = value & 0x02 != 0 ? "\(Int32(bitPattern: value) >> 2)"
            : "\(Double(bitPattern: UInt64(value & 0xFFFF_FFFC) << 32))"
        guard value & 0x01 != 0, var digits = DecimalDigits(text) else { return text }
        if !digits.digits.isEmpty { digits.exponent -= 2 }
        return digits.text(decimals: nil, grouped: false)
    }

    /// What Excel shows for an error value's code.
    private static func errorText(_ code: UInt8) -> String {
        [0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A"][code] ?? "#ERROR"
    }

    /// A ShortXLUnicodeString: a length byte, a flags byte, the characters.
    private static func shortString(_ data: ArraySlice<UInt8>) -> String {
        guard data.count >= 2 else { return "" }
        var reader = StringReader([data.dropFirst(2)])
        return reader.characters(Int(data[data.startIndex]), wide: data[data.startIndex + 1] & 0x01 != 0)
    }

    private static func le16(_ data: ArraySlice<UInt8>, _ offset: Int) -> UInt16 {
        let at = data.startIndex + offset
        guard offset >= 0, at + 2 <= data.endIndex else { return 0 }
        return UInt16(data[at]) | UInt16(data[at + 1]) << 8
    }

    private static func le32(_ data: ArraySlice<UInt8>, _ offset: Int) -> UInt32 {
        UInt32(le16(data, offset)) | UInt32(le16(data, offset + 2)) << 16
    }
}

/// Reads XLUnicodeRichExtendedStrings across the records they run over: where a string's
/// characters go on in the next record, that record starts with a flags byte saying
/// whether they go on one byte each or two.
private struct StringReader {
    private let pieces: [ArraySlice<UInt8>]
    private var piece = 0
    private var at: Int

    init(_ pieces: [ArraySlice<UInt8>]) {
        self.pieces = pieces
        at = pieces.first?.startIndex ?? 0
    }

    /// The next string: its length in `lengthBytes` bytes (1 or 2), a flags byte, its runs'
    /// and extension's sizes where the flags say, its characters, then the runs and the
    /// extension, skipped. Nil at the end.
    mutating func string(lengthBytes: Int) -> String? {
        guard let length = integer(lengthBytes), let flags = byte() else { return nil }
        let runs = flags & 0x08 != 0 ? integer(2) ?? 0 : 0
        let extended = flags & 0x04 != 0 ? integer(4) ?? 0 : 0
        let text = characters(length, wide: flags & 0x01 != 0)
        skip(4 * runs + extended)
        return text
    }

    /// `count` characters, one byte each (Latin-1) or two (UTF-16LE), going on in the next
    /// piece after its flags byte.
    mutating func characters(_ count: Int, wide: Bool) -> String {
        var wide = wide
        var units: [UInt16] = []
        units.reserveCapacity(min(count, 1 << 16))
        // A header that ran to the last piece's end (found by Fuzz/) leaves no piece to read.
        while units.count < count, piece < pieces.count {
            if at >= pieces[piece].endIndex {
                guard piece + 1 < pieces.count else { break }
                piece += 1
                at = pieces[piece].startIndex
                guard let flags = byte() else { break }
                wide = flags & 0x01 != 0
                continue
            }
            if wide {
                guard at + 2 <= pieces[piece].endIndex else { at = pieces[piece].endIndex; continue }
                units.append(UInt16(pieces[piece][at]) | UInt16(pieces[piece][at + 1]) << 8)
                at += 2
            } else {
                units.append(UInt16(pieces[piece][at]))
                at += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }

    private mutating func byte() -> UInt8? {
        while piece < pieces.count, at >= pieces[piece].endIndex {
            piece += 1
            if piece < pieces.count { at = pieces[piece].startIndex }
        }
        guard piece < pieces.count else { return nil }
        defer { at += 1 }
        return pieces[piece][at]
    }

    private mutating func integer(_ bytes: Int) -> Int? {
        var value = 0
        for i in 0..<bytes {
            guard let byte = byte() else { return nil }
            value |= Int(byte) << (8 * i)
        }
        return value
    }

    private mutating func skip(_ count: Int) {
        var left = count
        while left > 0, byte() != nil { left -= 1 }
    }
}
