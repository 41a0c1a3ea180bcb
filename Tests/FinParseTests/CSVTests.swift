import Testing
import FinParse

@Suite("CSV records")
struct CSVTests {
    /// RFC 4180: a field with a comma, a quote or a line break of any kind is quoted, its
    /// quotes doubled; others are written as they are.
    @Test func fieldsAreQuotedWhereTheyMustBe() {
        #expect(CSVTable.record(["收入总计", "2553.52", ""]) == "收入总计,2553.52,\n")
        #expect(CSVTable.record(["a,b", "say \"hi\"", "x"]) == "\"a,b\",\"say \"\"hi\"\"\",x\n")
        #expect(CSVTable.record(["两行\n文字", "CR\rLF", "Windows\r\nline"])
                == "\"两行\n文字\",\"CR\rLF\",\"Windows\r\nline\"\n")
    }

    @Test func diagnosticsRowsAreTheDocumentsAndAFailedFilesOwn() throws {
        let document = Document(parsing: "一、概况\n三、收支\n", path: "a.txt")
        #expect(CSVTable.diagnostics.rows(of: document) == document.diagnostics.map {
            ["a.txt", $0.severity.rawValue, $0.code, $0.message, String($0.line)]
        })
        #expect(CSVTable.diagnostics.rows(of: document).map { $0[2] } == ["numbering-gap"])
        let undecodable = FinParseError(.undecodable, path: "b.txt", message: "is not valid GB18030", byteOffset: 9)
        #expect(CSVTable.diagnostics.rows(of: undecodable) == [["b.txt", "error", "undecodable", "is not valid GB18030 (at byte 9)", ""]])
        let malformed = FinParseError(.malformedDocx, path: "c.docx", message: "word/document.xml: bad",
                                      location: SourceLocation(line: 3, column: 7))
        #expect(CSVTable.diagnostics.rows(of: malformed) == [["c.docx", "error", "malformed-docx", "word/document.xml: bad", "3"]])
        #expect(CSVTable.figures.rows(of: malformed).isEmpty && CSVTable.indicators.rows(of: malformed).isEmpty)
        #expect(!CSVTable.diagnostics.isStreamed && CSVTable.figures.isStreamed)
    }

    /// One row per input: a real report's own fields and counts, and a failed file's
    /// error in the last two columns, with the other columns empty.
    @Test func reportsRowsIndexTheInputsAndTheFilesThatFailed() throws {
        let path = Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt")
        let document = try Document(contentsOf: path)
        let rows = CSVTable.reports.rows(of: document)
        #expect(rows.count == 1 && rows[0].count == CSVTable.reports.header.count)
        let row = Dictionary(uniqueKeysWithValues: zip(CSVTable.reports.header, rows[0]))
        #expect(row["source"] == path && row["format"] == "text" && row["encoding"] == "UTF-8")
        #expect(row["bytes"] == String(document.source.bytes) && row["sha256"] == document.source.sha256)
        #expect(row["department"] == "上海市普陀区财政局" && row["year"] == "2024" && row["report_kind"] == "决算")
        #expect(row["title"] == "上海市普陀区财政局2024年度部门决算")
        #expect(row["tables"] == "10" && row["amounts"] == String(document.amounts.count) && row["indicators"] == "0")
        #expect(row["warnings"] == String(document.diagnostics.filter { $0.severity == .warning }.count))
        #expect(row["error"] == "" && row["message"] == "")

        let evaluated = try Document(contentsOf: Corpus.path("yongzhou-yingji-2021-juesuan.txt"))
        let indicators = evaluated.tables.compactMap(\.selfEvaluation).reduce(0) { $0 + $1.indicators.count }
        #expect(indicators > 0)
        #expect(CSVTable.reports.rows(of: evaluated)[0][13] == String(indicators))

        let undecodable = FinParseError(.undecodable, path: "b.txt", message: "is not valid GB18030", byteOffset: 9)
        let failed = CSVTable.reports.rows(of: undecodable)
        #expect(failed.count == 1 && failed[0].count == CSVTable.reports.header.count)
        #expect(failed[0].first == "b.txt" && failed[0].suffix(2) == ["undecodable", "is not valid GB18030 (at byte 9)"])
        #expect(failed[0].dropFirst().dropLast(2).allSatisfy { $0.isEmpty })
        #expect(!CSVTable.reports.isStreamed)
    }

    /// A real PDF report's 决算表 as a long table: every cell once, with its table's kind and
    /// unit, and the number of a cell that is one, thousands commas gone.
    @Test func cellRowsAreTheTablesGrids() throws {
        let document = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        let rows = CSVTable.cells.rows(of: document)
        #expect(rows.count == document.tables.reduce(0) { $0 + $1.cells.count })
        #expect(rows.allSatisfy { $0.count == CSVTable.cells.header.count })
        let income = try #require(rows.first { $0[3] == "收入支出决算总表" && $0[10] == "2,940.05" })
        #expect(income[1] == "1" && income[2] == "" && income[5] == "万元")
        #expect(Array(income[6...9]) == ["1", "1", "1", "1"] && income[11] == "2940.05" && income[12] == "135")
        let label = try #require(rows.first { $0[3] == "收入支出决算总表" && $0[10] == "一、一般公共预算财政拨款收入" })
        #expect(label[11] == "")
    }

    /// A table inside a cell keeps its top-level table's index, and says where it sits.
    @Test func nestedTablesCellsSayWhereTheyAre() throws {
        let document = try Docx.document(body: """
            <w:tbl><w:tr><w:tc>\(Docx.p("外"))</w:tc><w:tc>\(Docx.p("12.50"))<w:tbl><w:tr><w:tc>\(Docx.p("内1"))</w:tc></w:tr>
            <w:tr><w:tc><w:tbl><w:tr><w:tc>\(Docx.p("最内"))</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>
            """)
        let rows = CSVTable.cells.rows(of: document)
        #expect(rows.map { [$0[1], $0[2], $0[10], $0[11]] } == [
            ["0", "", "外", ""], ["0", "", "12.50", "12.5"],
            ["0", "0.1.0", "内1", ""], ["0", "0.1.0", "", ""], ["0", "0.1.0/1.0.0", "最内", ""],
        ])
    }
}
