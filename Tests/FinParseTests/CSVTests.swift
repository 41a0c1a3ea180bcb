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
}
