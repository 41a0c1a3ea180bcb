import FoundationEssentials
import Testing
@testable import FinParse

@Suite("Excel input")
struct WorkbookTests {
    // MARK: The 上海市普陀区 template, filled with the 司法局 2026 部门预算

    /// Written by scripts/make-xlsx.py: the official template workbook, with the figures
    /// the 司法局's PDF prints in seven of its seventeen sheets.
    static let filled: Document = {
        do { return try Document(contentsOf: Corpus.path("xlsx/putuo-sifaju-2026-yusuan.xlsx")) } catch { fatalError("\(error)") }
    }()

    @Test func theReportIsKnownFromItsCoverAndCaptions() {
        let document = Self.filled
        #expect(document.source.format == .xlsx)
        #expect(document.report == ReportInfo(title: "上海市普陀区2026年区级部门预算", department: "上海市普陀区司法局", year: 2026, kind: .budget))
    }

    /// Each table sheet is one table under its title row, in the unit its caption row
    /// states; the template's two header rows and its merged cells are the table's.
    @Test func eachTableSheetIsATableWithItsTitleAndUnit() throws {
        let tables = Self.filled.tables
        #expect(tables.count == 9)
        #expect(tables.map(\.kind) == ["财务收支预算总表", "收入预算总表", "支出预算总表", "财政拨款收支预算总表", "一般公共预算支出功能分类预算表",
                                       "政府性基金预算支出功能分类预算表", "国有资本经营预算支出功能分类预算表", "一般公共预算基本支出部门预算经济分类预算表",
                                       "“三公”经费和机关运行经费预算表"])
        #expect(tables.prefix(8).allSatisfy { $0.unit == .yuan } && tables[8].unit == .tenThousandYuan)
        let income = tables[1]
        #expect(income.title == "2026年部门收入预算总表")
        // 21 科目 and 合计 under a header of three rows; the empty columns of the sheet left out.
        #expect((income.rows, income.columns) == (25, 9))
        let header = income.cells.filter { $0.row < 3 }.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.columnSpan) \($0.text)" }
        #expect(header == ["0,0 1x4 项目", "0,4 1x5 收入预算", "1,0 1x3 功能分类科目编码", "1,3 2x1 功能分类科目名称", "1,4 2x1 合计",
                           "1,5 2x1 财政拨款收入", "1,6 2x1 事业收入", "1,7 2x1 事业单位\n经营收入", "1,8 2x1 其他收入",
                           "2,0 1x1 类", "2,1 1x1 款", "2,2 1x1 项"])
    }

    /// An amount is the number in its cell as its format shows it (#,##0.00), exact to
    /// the 分, labelled by its row and, for one row of values, by the header over it.
    @Test func amountsAreTheCellsAsShownAndLabelled() throws {
        let amounts = Self.filled.amounts
        let total = try #require(amounts.first { $0.cell == Figure.CellPlace(table: 0, row: 9, column: 1) })
        #expect(total.text == "96,282,213.44" && total.yuan == Decimal(string: "96282213.44") && total.label == "收入总计")
        let administration = amounts.filter { $0.cell?.table == 1 && $0.label == "行政运行" }.map(\.text)
        #expect(administration == ["16,726,725.44", "16,726,725.44", "0.00", "0.00", "0.00"])
        let sanGong = amounts.filter { $0.cell?.table == 8 }.map { "\($0.label ?? "-") \($0.text)" }
        #expect(sanGong == ["合计 10.81", "因公出国(境)费 0", "公务接待费 0.83", "公务用车购置及运行费小计 9.98", "购置费 0", "运行费 9.98",
                            "机关运行经费预算数 217.83"])
        // The text sheets' figures are the sentences'.
        #expect(amounts.contains { $0.text == "793.14万元" && $0.change == .increase && $0.cell == nil })
    }

    /// A sheet of text is a section: a paragraph for each line of its cells, its title
    /// row heading it; a line is a row, counted through the sheets.
    @Test func textSheetsAreSectionsOfParagraphs() throws {
        let document = Self.filled
        let headings = document.outline.filter { $0.kind == .heading }.map(\.title)
        #expect(headings == ["上海市普陀区司法局主要职能", "XX(部门)机构设置", "名词解释"])
        let functions = try #require(document.outline.first { $0.title == "上海市普陀区司法局主要职能" })
        #expect(functions.children.map(\.marker) == ["(一)", "(二)", "(三)"])
        // The cover's rows 3 and 9 and the 目录's 19, then the 主要职能 sheet: its title in
        // row 1, its text in the cell of row 3.
        #expect(functions.line == 19 + 9 + 1)
        #expect(functions.children.allSatisfy { $0.line == 19 + 9 + 3 })
        #expect(document.paragraphs.contains { $0.text == "编制部门:上海市普陀区司法局" })
    }

    /// The template itself was refused as "not a Word document"; it reads as the report
    /// it is the form of: its tables, and no amount in them (their figures are to be filled
    /// in); its text's 单价100万元 are its only amounts.
    @Test func theEmptyTemplateReadsAsItsForm() throws {
        let template = try Document(contentsOf: Corpus.path("xlsx/putuo-department-budget-template-2026.xlsx"))
        #expect(template.source.format == .xlsx)
        #expect(template.tables.count == 9)
        #expect(template.amounts.map(\.text) == ["100万元", "100万元"] && template.amounts.allSatisfy { $0.cell == nil })
        #expect(template.report.department == "上海市普陀区XX局")
    }

    /// The 永州 report's four 自评表s as sheets (scripts/make-xlsx.py --self-evaluations):
    /// the same 98 indicators, funds and totals as the text report gives, and the same two
    /// warnings that its weights and scores do not add up.
    @Test func selfEvaluationSheetsReadAsTheReportsTables() throws {
        let workbook = try Document(contentsOf: Corpus.path("xlsx/yongzhou-yingji-2021-zipingbiao.xlsx"))
        let report = Corpus.yongzhouDocument
        func plain(_ document: Document) -> [SelfEvaluation] {
            document.tables.compactMap(\.selfEvaluation).map { evaluation in
                var evaluation = evaluation
                for i in evaluation.indicators.indices {
                    evaluation.indicators[i].line = 0
                    // The sheets hold the dump's normalized cells: ＞1200个 is >1200个 there.
                    evaluation.indicators[i].target.text = ""
                    evaluation.indicators[i].actual.text = ""
                }
                return evaluation
            }
        }
        #expect(plain(workbook).map(\.indicators.count) == [15, 44, 21, 18])
        #expect(plain(workbook) == plain(report))
        let warnings = { (document: Document) in document.diagnostics.filter { $0.code.hasPrefix("self-evaluation") }.map(\.message) }
        #expect(warnings(workbook) == warnings(report) && warnings(workbook).count == 2)
    }

    // MARK: Excel 97–2003

    /// The two workbooks as .xls (scripts/make-xls.py: xlwt's shared strings with a
    /// Continue record, Number, RK and MulRk numbers in their formats, merged ranges) read
    /// as their .xlsx do, byte for byte but for `source`.
    @Test(arguments: ["putuo-sifaju-2026-yusuan", "yongzhou-yingji-2021-zipingbiao"])
    func anXlsReadsAsItsXlsx(name: String) throws {
        var binary = try Document(contentsOf: Corpus.path("xls/\(name).xls"))
        let open = try Document(contentsOf: Corpus.path("xlsx/\(name).xlsx"))
        #expect(binary.source.format == .xls)
        binary.source = open.source
        #expect(binary == open)
    }

    /// A compound file whose last sector is left short after what it holds (four of Apache
    /// POI's test workbooks, which Excel and xlrd read) was refused as truncated: it reads as
    /// the whole file does. One cut into a stream is still refused. An Excel 2.x–4.0
    /// workbook, written bare (a BOF record first), is named, where it was "not text".
    @Test func aLastSectorLeftShortIsRead() throws {
        let path = Corpus.path("xls/putuo-sifaju-2026-yusuan.xls")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes.suffix(8).allSatisfy { $0 == 0 })
        var short = try Document(bytes: Array(bytes.dropLast(8)), path: path)
        short.source = try Document(contentsOf: path).source
        #expect(short == (try Document(contentsOf: path)))
        let cut = try #require(throws: FinParseError.self) { try Document(bytes: Array(bytes.dropLast(600)), path: "cut.xls") }
        #expect(cut.code == .malformedDoc && cut.message.hasSuffix("lies beyond the file's 29608 bytes (truncated?)"))
        let old = try #require(throws: FinParseError.self) {
            try Document(bytes: [0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00], path: "old.xls")
        }
        #expect(old.code == .unsupportedFormat && old.message == "is an Excel 2.x–4.0 workbook, which finparse does not read; save it as .xlsx")
    }

    /// BIFF8 records built here: what xlwt does not write.
    @Test func binaryRecordsAsExcelWritesThem() throws {
        func record(_ type: UInt16, _ data: [UInt8]) -> [UInt8] {
            [UInt8(type & 0xFF), UInt8(type >> 8), UInt8(data.count & 0xFF), UInt8(data.count >> 8)] + data
        }
        func u16(_ n: Int) -> [UInt8] { [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF)] }
        func u32(_ n: UInt32) -> [UInt8] { (0..<4).map { UInt8(n >> (8 * $0) & 0xFF) } }
        func double(_ n: Double) -> [UInt8] { u32(UInt32(n.bitPattern & 0xFFFF_FFFF)) + u32(UInt32(n.bitPattern >> 32)) }
        func cell(_ row: Int, _ column: Int, xf: Int = 0) -> [UInt8] { u16(row) + u16(column) + u16(xf) }
        func sheetName(_ name: String, offset: Int, hidden: Bool) -> [UInt8] {
            let units = Array(name.utf16)
            return u32(UInt32(offset)) + [hidden ? 1 : 0, 0, UInt8(units.count), 1] + units.flatMap { u16(Int($0)) }
        }
        let bof = record(0x0809, u16(0x0600) + u16(0x0005) + [UInt8](repeating: 0, count: 12))
        let eof = record(0x000A, [])
        // Cells: a formula's number and its string (in the String record after it, past
        // the shared formula Excel writes between, going on in a Continue record as a string
        // longer than a record does), a formula's TRUE and #DIV/0!, a Label in one byte a
        // character (going on likewise), a BoolErr, an RK integer in hundredths, a Number shown as
        // 0.00%, a formula in Excel 3.0's record (as some writers put in BIFF8); a chart's
        // substream among them, whose records are no cells.
        let chart = bof + record(0x0203, cell(9, 9) + double(7)) + eof
        // Column H and row 7 hidden, each with a cell that is not read.
        let hiddenParts = record(0x007D, u16(7) + u16(7) + u16(0) + u16(0) + u16(1) + u16(0))
            + record(0x0208, u16(6) + u16(0) + u16(1) + u16(0) + u16(0) + u16(0) + u16(0x20) + u16(0))
        let cells = bof + hiddenParts
            + record(0x0006, cell(0, 0) + double(2553.5199999999999) + [UInt8](repeating: 0, count: 6))
            + chart
            + record(0x0006, cell(1, 0) + [0, 0, 0, 0, 0, 0, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 6))
            + record(0x04BC, [UInt8](repeating: 0, count: 10))
            + record(0x0207, u16(4) + [1] + "收入".utf16.flatMap { u16(Int($0)) })
            + record(0x003C, [1] + "总计".utf16.flatMap { u16(Int($0)) })
            + record(0x0006, cell(2, 0) + [1, 0, 1, 0, 0, 0, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 6))
            + record(0x0006, cell(2, 1) + [2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF] + [UInt8](repeating: 0, count: 6))
            + record(0x0204, cell(3, 0) + u16(3) + [0] + Array("ab".utf8)) + record(0x003C, [0] + Array("c".utf8))
            + record(0x0205, cell(3, 1) + [1, 0])
            + record(0x027E, cell(4, 0) + u32(UInt32(bitPattern: 4816 << 2 | 0x03)))
            + record(0x0203, cell(4, 1, xf: 1) + double(0.48159999999999997))
            + record(0x0206, cell(5, 1) + double(3) + [UInt8](repeating: 0, count: 6))
            + record(0x0203, cell(4, 7) + double(1)) + record(0x0203, cell(6, 0) + double(2))
            + record(0x0203, cell(7, 0, xf: 2) + double(44196))
            + eof
        var globals = bof
            + record(0x0022, u16(1))  // dates from 1904
            + record(0x00E0, u16(0) + u16(0) + [UInt8](repeating: 0, count: 16))
            + record(0x00E0, u16(0) + u16(10) + [UInt8](repeating: 0, count: 16))
            + record(0x00E0, u16(0) + u16(14) + [UInt8](repeating: 0, count: 16))
        let entries = [("表", false), ("藏", true)]
        let headerLength = globals.count + entries.reduce(0) { $0 + 4 + 8 + 2 * $1.0.utf16.count } + eof.count
        for (name, hidden) in entries { globals += record(0x0085, sheetName(name, offset: headerLength, hidden: hidden)) }
        let workbook = try BinaryWorkbook(stream: globals + eof + cells)
        #expect(workbook.sheets.map(\.name) == ["表", "藏"] && workbook.sheets.map(\.hidden) == [false, true])
        let sheet = try workbook.sheet(workbook.sheets[0], textBudget: .max)
        #expect(sheet.firstHiddenCell == "H5" && sheet.hiddenCellCount == 2)
        #expect(sheet.cells.map { "\(Sheet.reference(row: $0.row, column: $0.column)) \($0.text)" }
            == ["A1 2553.52", "A2 收入总计", "A3 TRUE", "B3 #DIV/0!", "A4 abc", "B4 TRUE", "A5 48.16", "B5 48.16%", "B6 3", "A8 2025-01-01"])
        #expect(BinaryWorkbook.rk(UInt32(bitPattern: 123_456 << 2 | 0x03)) == "1234.56")
        #expect(BinaryWorkbook.rk(UInt32((2553.5).bitPattern >> 32) & 0xFFFF_FFFC) == "2553.5")
        // Shared strings that end inside a string's header (a rich string's run count cut
        // off): no string, where it trapped (found by Fuzz/).
        let cut = try BinaryWorkbook(stream: bof + record(0x00FC, u32(1) + u32(1) + u16(5) + [0x08]) + eof)
        #expect(cut.sheets.isEmpty)
        let old = try #require(throws: BinaryWorkbook.Failure.self) {
            try BinaryWorkbook(stream: record(0x0809, u16(0x0500) + u16(0x0005)) + eof)
        }
        #expect(old.isUnsupported)
    }

    // MARK: Cells as Excel writes them

    static let namespace = #"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
        + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// A workbook of `sheets` (name, sheetData's rows, what follows sheetData), with
    /// `strings` shared (text, or an si's XML) and the number formats of cellXfs.
    static func workbook(_ sheets: [(name: String, rows: String, after: String)], strings: [String] = [],
                         numberFormats: [(id: Int, code: String)] = [], cellFormats: [Int] = [], hidden: Set<String> = [],
                         columns: String = "", from1904: Bool = false) throws -> [UInt8] {
        try Docx.zip(workbookParts(sheets, strings: strings, numberFormats: numberFormats, cellFormats: cellFormats,
                                   hidden: hidden, columns: columns, from1904: from1904))
    }

    /// The parts of ``workbook(_:strings:numberFormats:cellFormats:hidden:columns:from1904:)``, by name.
    static func workbookParts(_ sheets: [(name: String, rows: String, after: String)], strings: [String] = [],
                              numberFormats: [(id: Int, code: String)] = [], cellFormats: [Int] = [], hidden: Set<String> = [],
                              columns: String = "", from1904: Bool = false) -> [String: [UInt8]] {
        var parts: [String: [UInt8]] = [:]
        parts["_rels/.rels"] = Array(Docx.rels.replacing("word/document.xml", with: "xl/workbook.xml").utf8)
        let entries = sheets.indices.map { i in
            #"<sheet name="\#(sheets[i].name)" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"\#(hidden.contains(sheets[i].name) ? #" state="hidden""# : "")/>"#
        }
        let properties = from1904 ? #"<workbookPr date1904="1"/>"# : ""
        parts["xl/workbook.xml"] = Array("<workbook \(namespace)>\(properties)<sheets>\(entries.joined())</sheets></workbook>".utf8)
        var relationships = sheets.indices.map { i in
            #"<Relationship Id="rId\#(i + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        relationships.append(#"<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#)
        relationships.append(#"<Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#)
        parts["xl/_rels/workbook.xml.rels"] = Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relationships.joined())</Relationships>"#.utf8)
        for (i, sheet) in sheets.enumerated() {
            parts["xl/worksheets/sheet\(i + 1).xml"] = Array("<worksheet \(namespace)>\(columns)<sheetData>\(sheet.rows)</sheetData>\(sheet.after)</worksheet>".utf8)
        }
        parts["xl/sharedStrings.xml"] = Array("<sst \(namespace)>\(strings.map { "<si>\($0.hasPrefix("<") ? $0 : "<t>\($0)</t>")</si>" }.joined())</sst>".utf8)
        let formats = numberFormats.map { #"<numFmt numFmtId="\#($0.id)" formatCode="\#($0.code)"/>"# }.joined()
        let xfs = cellFormats.map { #"<xf numFmtId="\#($0)"/>"# }.joined()
        parts["xl/styles.xml"] = Array("<styleSheet \(namespace)><numFmts>\(formats)</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>\(xfs)</cellXfs></styleSheet>".utf8)
        return parts
    }

    /// A table of 收入 | 金额 rows under a title and a unit, as rows of sheetData.
    static let table = """
        <row r="1"><c r="A1" t="s"><v>0</v></c></row>
        <row r="2"><c r="A2" t="inlineStr"><is><t>单位：万元</t></is></c></row>
        <row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c></row>
        """

    @Test func formulasShowTheValueSavedWithThem() throws {
        let rows = Self.table + """
            <row r="4"><c r="A4" t="inlineStr"><is><t>基本支出</t></is></c><c r="B4" s="1"><v>1163.1199999999999</v></c></row>
            <row r="5"><c r="A5" t="inlineStr"><is><t>项目支出</t></is></c><c r="B5" s="1"><v>1390.4</v></c></row>
            <row r="6"><c r="A6" t="inlineStr"><is><t>合计</t></is></c><c r="B6" s="1"><f>SUM(B4:B5)</f><v>2553.52</v></c></row>
            <row r="7"><c r="A7" t="inlineStr"><is><t>结转</t></is></c><c r="B7" s="1"><f>B6-B5</f></c></row>
            """
        let document = try Document(bytes: Self.workbook([("收支", rows, "")], strings: ["2021年收入支出决算总表", "项目", "金额"],
                                                         numberFormats: [(176, "#,##0.00_ ")], cellFormats: [0, 176]), path: "case.xlsx")
        #expect(document.tables.count == 1 && document.tables[0].unit == .tenThousandYuan)
        #expect(document.amounts.map { "\($0.label ?? "-") \($0.text) \($0.yuan!)" } == ["基本支出 1,163.12 11631200", "项目支出 1,390.40 13904000",
                                                                                      "合计 2,553.52 25535200"])
        let missing = try #require(document.diagnostics.first { $0.code == "formula-without-value" })
        #expect(missing.line == 7 && missing.message.hasPrefix("sheet 收支: cell B7 holds a formula with no value saved with it"))
    }

    @Test func numbersShowAsTheirFormatsSayAndSayWhenDigitsAreHidden() throws {
        let rows = Self.table + """
            <row r="4"><c r="A4" t="inlineStr"><is><t>增长率</t></is></c><c r="B4" s="1"><v>0.48159999999999997</v></c></row>
            <row r="5"><c r="A5" t="inlineStr"><is><t>基本支出</t></is></c><c r="B5" s="2"><v>1234.5678</v></c></row>
            <row r="6"><c r="A6" t="inlineStr"><is><t>日期</t></is></c><c r="B6" s="3"><v>45658</v></c></row>
            """
        let document = try Document(bytes: Self.workbook([("Sheet1", rows, "")], strings: ["收入支出决算总表", "项目", "金额"],
                                                         cellFormats: [0, 10, 2, 14]), path: "case.xlsx")
        let texts = document.tables[0].cells.filter { $0.column == 1 && $0.row > 0 }.map(\.text)
        #expect(texts == ["48.16%", "1234.57", "2025-01-01"])
        // The same serial in a workbook that counts its dates from 1904.
        let mac = try Document(bytes: Self.workbook([("Sheet1", rows, "")], strings: ["收入支出决算总表", "项目", "金额"],
                                                    cellFormats: [0, 10, 2, 14], from1904: true), path: "case.xlsx")
        #expect(mac.tables[0].cells.last?.text == "2029-01-02")
        let rounded = try #require(document.diagnostics.first { $0.code == "value-shown-rounded" })
        #expect(rounded.line == 5 && rounded.message == "sheet Sheet1: cell B5 holds 1234.5678, which its number format shows as 1234.57: figures are read as the sheet shows them")
    }

    @Test func numberFormats() {
        func show(_ value: String, _ format: NumberFormat) -> String? { format.show(value)?.text }
        #expect(show("2553.5199999999999", .general) == "2553.52")
        #expect(show("1E-3", .general) == "0.001")
        #expect(show("-12.50", .general) == "-12.5")
        #expect(show("0", NumberFormat(code: "0.00%")) == "0.00%")
        #expect(show("9.995", NumberFormat(code: "0.00")) == "10.00")
        #expect(show("-0.001", NumberFormat(code: "#,##0.00")) == "0.00")
        #expect(show("1234567.891", NumberFormat(code: "#,##0.00_);[Red]\\(#,##0.00\\)")) == "1,234,567.89")
        #expect(show("1234.5", NumberFormat(code: "#,##0_ ")) == "1,235")
        #expect(show("45658.75", NumberFormat(code: #"yyyy"年"m"月";@"#)) == "2025-01-01")
        // A workbook that counts from 1904 (a Mac's, once): its serial 0 is 1904-01-01.
        #expect(NumberFormat.date.show("44196", from1904: true)?.text == "2025-01-01")
        #expect(NumberFormat.date.show("0", from1904: true)?.text == "1904-01-01")
        #expect(NumberFormat.date.show("0")?.text == "0")
        #expect(show("12", NumberFormat(code: #"0.0"万元""#)) == "12.0")
        #expect(show("0.5", NumberFormat(code: "G/通用格式")) == "0.5")
        #expect(show("abc", .general) == nil)
    }

    @Test func stringsAsExcelWritesThem() throws {
        // A phonetic guide is no part of the text; _x000D_ is a carriage return Excel escaped.
        let rows = """
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>
            <row r="2"><c r="A2" t="s"><v>1</v></c></row>
            <row r="3"><c r="A3" t="s"><v>9</v></c></row>
            """
        let document = try Document(bytes: Self.workbook([("说明", rows, "")], strings: [
            "<r><t>一、收入</t></r><r><t>情况</t></r><rPh sb=\"0\" eb=\"1\"><t>ｼｭｳﾆｭｳ</t></rPh>",
            "<t>收入总计2553.52万元。_x000D_\n增长48.16%。a_x005F_x0041_b</t>",
        ]), path: "case.xlsx")
        #expect(document.paragraphs.map(\.text) == ["一、收入情况", "收入总计2553.52万元。", "增长48.16%。a_x0041_b"])
        #expect(document.diagnostics.contains { $0.code == "cell-text-missing" && $0.message.hasPrefix("sheet 说明: 1 cell names a shared string") })
    }

    /// A hidden sheet is left out, and said to be; the next sheet's rows go on from the last read.
    @Test func hiddenSheetsAreNotRead() throws {
        let one = #"<row r="2"><c r="A2" t="inlineStr"><is><t>收入预算100万元。</t></is></c></row>"#
        let document = try Document(bytes: Self.workbook([("甲", one, ""), ("乙", one, ""), ("丙", one, "")], hidden: ["乙"]),
                                    path: "case.xlsx")
        #expect(document.paragraphs.map(\.line) == [2, 4])
        #expect(document.diagnostics.contains { $0.code == "sheet-not-read" && $0.message == "sheet 乙 is hidden in the workbook: not read" })
    }

    /// Rows and columns the sheet hides are not read, as Excel does not show them (a helper
    /// column of sums, a row kept for later), and a note says how many cells they hold.
    @Test func hiddenRowsAndColumnsAreNotRead() throws {
        let rows = Self.table + """
            <row r="4"><c r="A4" t="inlineStr"><is><t>基本支出</t></is></c><c r="B4"><v>100</v></c><c r="C4"><v>7</v></c></row>
            <row r="5" hidden="1"><c r="A5" t="inlineStr"><is><t>备用</t></is></c><c r="B5"><v>5</v></c></row>
            <row r="6"><c r="A6" t="inlineStr"><is><t>合计</t></is></c><c r="B6"><v>100</v></c><c r="C6"><v>7</v></c></row>
            """
        let document = try Document(bytes: Self.workbook([("收支", rows, "")], strings: ["2021年收入支出决算总表", "项目", "金额"],
                                                         columns: #"<cols><col min="3" max="3" width="0" hidden="1"/></cols>"#),
                                    path: "case.xlsx")
        let table = try #require(document.tables.first)
        #expect(table.cells.map(\.text) == ["项目", "金额", "基本支出", "100", "合计", "100"])
        let note = try #require(document.diagnostics.first { $0.code == "hidden-cells-not-read" })
        #expect(note.line == 4 && note.message == "sheet 收支: 4 cells in hidden rows or columns (C4 first) are not read, as Excel does not show them")
        // A workbook whose every cell is hidden (rows grouped and folded away) says why it shows no text.
        let folded = #"<row r="1" hidden="1"><c r="A1" t="inlineStr"><is><t>收入</t></is></c></row>"#
        let refused = try #require(throws: FinParseError.self) { try Document(bytes: Self.workbook([("表", folded, "")]), path: "folded.xlsx") }
        #expect(refused.code == .noText
            && refused.message == "is an Excel workbook without text in its sheets' visible cells (hidden sheets, rows and columns are not read)")
    }

    /// Cells without a reference follow the one before; ranges that overlap, which Excel
    /// never writes, are cut where the earlier one stands instead of overlapping.
    @Test func mergesAndCellsWithoutReferences() throws {
        let rows = """
            <row><c t="inlineStr"><is><t>项目</t></is></c><c t="inlineStr"><is><t>金额</t></is></c><c t="inlineStr"><is><t>备注</t></is></c></row>
            <row><c t="inlineStr"><is><t>甲</t></is></c><c><v>1</v></c><c t="inlineStr"><is><t>乙</t></is></c></row>
            <row><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c></row>
            """
        let merges = #"<mergeCells><mergeCell ref="A2:A3"/><mergeCell ref="B1:C1"/><mergeCell ref="B2:C3"/><mergeCell ref="Z9:A1"/></mergeCells>"#
        let table = try #require(try Document(bytes: Self.workbook([("表", rows, merges)]), path: "case.xlsx").tables.first)
        #expect(table.cells.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.columnSpan) \($0.text)" }
            == ["0,0 1x1 项目", "0,1 1x2 金额", "1,0 2x1 甲", "1,1 2x2 1"])
    }

    /// Writers other than Excel (the .NET Open XML SDK) put SpreadsheetML under a prefix.
    @Test func aWorkbookWrittenWithAPrefixReadsTheSame() throws {
        let x = #"xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#
        let bytes = try Docx.zip([
            "_rels/.rels": Array(Docx.rels.replacing("word/document.xml", with: "xl/workbook.xml").utf8),
            "xl/workbook.xml": Array(#"<x:workbook \#(x)><x:sheets><x:sheet name="表" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"#.utf8),
            "xl/_rels/workbook.xml.rels": Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8),
            "xl/worksheets/sheet1.xml": Array(#"<x:worksheet \#(x)><x:sheetData><x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>收入预算100万元。</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"#.utf8),
        ])
        let document = try Document(bytes: bytes, path: "case.xlsx")
        #expect(document.paragraphs.map { "\($0.line) \($0.text)" } == ["3 收入预算100万元。"])
        #expect(document.amounts.map(\.text) == ["100万元"])
    }

    /// A sheet of text is headed by its title row only when that row is one line: the lines
    /// of one cell share their row's line, and a heading is known by its line. Streamed
    /// (from a file), a title of two lines gave a heading of its first line only, read
    /// whole both (found by Fuzz/, in an .xls).
    @Test func aTitleOfTwoLinesHeadsNoSection() throws {
        let rows = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>部门主要职能&#10;（2026年）</t></is></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>（一）贯彻执行法律。&#10;（二）承担日常工作。</t></is></c></row>
            """
        let bytes = try Self.workbook([("职能", rows, "")])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("title-\(UUID().uuidString).xlsx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var streamed: [UInt8] = []
        try Document.json(contentsOf: path).write { streamed += $0 }
        var document = try Document(bytes: bytes, path: path)
        document.source.path = path
        #expect(streamed == (try document.jsonData()))
        #expect(!document.outline.contains { $0.kind == .heading && $0.marker == nil })
    }

    /// Packages as writers other than Excel make them, each from a user's file among
    /// calamine's test workbooks: the relationship id under a prefix of its own (ns:id,
    /// relationships:id), a part named in other case than its relationship's target
    /// (xl/SharedStrings.xml), folders separated by backslashes (a Chinese attendance
    /// system's export), the workbook at the package's root. Each read nothing, or was
    /// refused as no Word document; each now reads as Excel's does. An .xlsb is refused by name.
    @Test func packagesAsOtherWritersWriteThem() throws {
        let parts = Self.workbookParts([("收支", Self.table, "")], strings: ["2021年收入支出决算总表", "项目", "金额"])
        let expected = try Document(bytes: Docx.zip(parts), path: "case.xlsx").tables
        #expect(expected.count == 1 && expected[0].cells.count == 2)
        func replaced(_ part: String, _ old: String, _ new: String, in parts: [String: [UInt8]]) -> [String: [UInt8]] {
            var parts = parts
            parts[part] = Array(String(decoding: parts[part]!, as: UTF8.self).replacing(old, with: new).utf8)
            return parts
        }
        func renamed(_ parts: [String: [UInt8]], _ name: (String) -> String) -> [String: [UInt8]] {
            Dictionary(uniqueKeysWithValues: parts.map { (name($0.key), $0.value) })
        }
        let prefixed = replaced("xl/workbook.xml", "r:", "ns:", in: replaced("xl/workbook.xml", "xmlns:r=", "xmlns:ns=", in: parts))
        let cased = renamed(parts) { $0 == "xl/sharedStrings.xml" ? "xl/SharedStrings.xml" : $0 }
        let backslashed = renamed(parts) { $0.replacing("/", with: "\\") }
        let atRoot = replaced("_rels/.rels", "xl/workbook.xml", "workbook.xml", in: renamed(parts) { name in
            name.hasPrefix("xl/") ? String(name.dropFirst(3)) : name
        })
        for (variant, parts) in [("prefixed", prefixed), ("cased", cased), ("backslashed", backslashed), ("at the root", atRoot)] {
            let document = try Document(bytes: Docx.zip(parts), path: "\(variant).xlsx")
            #expect(document.tables == expected, "\(variant)")
        }
        let binary = replaced("_rels/.rels", "xl/workbook.xml", "xl/workbook.bin", in: parts)
        let refused = try #require(throws: FinParseError.self) { try Document(bytes: Docx.zip(binary), path: "book.xlsb") }
        #expect(refused.code == .unsupportedFormat
            && refused.message == "is an Excel binary workbook (.xlsb), which finparse does not read; save it as .xlsx")
    }

    /// A form's fields between its title and its table (编制单位:, 机构代号:, 制表日期:, as
    /// Apache POI's 还原利润表 test workbook, written by Excel, has them) title nothing: the
    /// table took the last of them, 制表日期:, for its title. A title numbered 表一：… stays one.
    @Test func aFormsFieldsAboveItsTableTitleNothing() throws {
        func cell(_ reference: String, _ text: String) -> String { #"<c r="\#(reference)" t="inlineStr"><is><t>\#(text)</t></is></c>"# }
        func rows(title: String) -> String {
            #"<row r="1">\#(cell("A1", title))</row><row r="3">\#(cell("A3", "三农属性："))</row>"#
                + #"<row r="4">\#(cell("A4", "编制单位：某银行"))\#(cell("D4", "机构代号:"))\#(cell("F4", "制表日期:"))</row>"#
                + #"<row r="5">\#(cell("A5", "代码"))\#(cell("B5", "项目名称"))\#(cell("D5", "金额"))</row>"#
                + #"<row r="6">\#(cell("A6", "01"))\#(cell("B6", "贷款利息收入"))\#(cell("D6", "12.5"))</row>"#
        }
        for title in ["还原利润表", "表一:还原利润表"] {
            let document = try Document(bytes: Self.workbook([("Sheet1", rows(title: title), "")]), path: "form.xlsx")
            #expect(document.tables.map(\.title) == [title])
        }
    }

    /// Tables one under another in a sheet, each under its title after an empty row, are
    /// read as that many, each with its title, kind and unit: they were one table, the second
    /// title and unit rows inside it, and its kind lost. A row alone after an empty one that
    /// names no table (一、其他收入) stays in its table.
    @Test func tablesOneUnderAnotherInASheetAreEachATable() throws {
        func cell(_ reference: String, _ text: String) -> String { #"<c r="\#(reference)" t="inlineStr"><is><t>\#(text)</t></is></c>"# }
        func row(_ number: Int, _ texts: String...) -> String {
            #"<row r="\#(number)">"# + texts.enumerated().map { cell(String(UnicodeScalar(65 + $0.offset)!) + "\(number)", $0.element) }.joined() + "</row>"
        }
        let rows = row(1, "收入预算总表") + row(2, "编制部门：某某局", "单位：万元") + row(3, "项目", "预算数")
            + row(4, "一般公共预算拨款收入", "100.00") + row(6, "一、其他收入") + row(7, "事业收入", "20.00") + row(8, "合计", "120.00")
            + row(10, "支出预算总表") + row(11, "单位：万元") + row(12, "项目", "合计", "基本支出", "项目支出")
            + row(13, "一般公共服务支出", "120.00", "80.00", "40.00") + row(14, "合计", "120.00", "80.00", "40.00")
            + row(16, "注：本表无数据的项目未列示")
        let document = try Document(bytes: Self.workbook([("预算公开表", rows, "")]), path: "two.xlsx")
        #expect(document.tables.map { "\($0.title ?? "-") \($0.kind ?? "-") \($0.unit?.rawValue ?? "-") \($0.rows)×\($0.columns)" } == [
            "收入预算总表 收入预算总表 万元 5×2", "支出预算总表 支出预算总表 万元 3×4",
        ])
        #expect(document.paragraphs.map(\.text) == ["收入预算总表", "编制部门:某某局", "单位:万元", "支出预算总表", "单位:万元", "注:本表无数据的项目未列示"])
        #expect(document.amounts.map { "\($0.text) \($0.label ?? "-")" }.suffix(3) == ["120.00 合计", "80.00 合计", "40.00 合计"])
    }

    /// One shared string shown in cell after cell makes gigabytes of text from a file of
    /// kilobytes (found by Fuzz/, in an .xls): past 64 MB of cell text a workbook is refused
    /// by name, before the memory is gone.
    @Test func aStringRepeatedInCellAfterCellIsRefused() throws {
        let rows = (1...1_200).map { #"<row r="\#($0)"><c r="A\#($0)" t="s"><v>0</v></c></row>"# }.joined()
        let bytes = try Self.workbook([("表", rows, "")], strings: [String(repeating: "收入", count: 10_000)])
        let failure = try #require(throws: FinParseError.self) { try Document(bytes: bytes, path: "bomb.xlsx") }
        #expect(failure.code == .tooLarge)
        #expect(failure.message == "sheet 表's cells show more than 64 MB of text in all (a shared string repeated in cell after cell?): refused")
        // Fewer cells, the same string: read.
        let fewer = (1...10).map { #"<row r="\#($0)"><c r="A\#($0)" t="s"><v>0</v></c></row>"# }.joined()
        #expect(try Document(bytes: Self.workbook([("表", fewer, "")], strings: [String(repeating: "收入", count: 10_000)]),
                             path: "ten.xlsx").paragraphs.count == 10)
    }

    @Test func damagedPartsAreNamed() throws {
        // The sheet's part, broken: a row never closed.
        let bytes = try Self.workbook([("表", "<row r=\"1\"><c r=\"A1\"><v>1</v></c>", "")])
        let failure = try #require(throws: FinParseError.self) { try Document(bytes: bytes, path: "bad.xlsx") }
        #expect(failure.code == .malformedXlsx)
        #expect(failure.message.hasPrefix("xl/worksheets/sheet1.xml: "))
        #expect(failure.location != nil)
        let empty = try #require(throws: FinParseError.self) {
            try Document(bytes: Self.workbook([("表", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t> </t></is></c></row>", "")]), path: "empty.xlsx")
        }
        #expect(empty.code == .noText && empty.message == "is an Excel workbook without text in its sheets")
    }
}
