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
}
