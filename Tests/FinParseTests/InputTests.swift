import FoundationEssentials
import Testing
@testable import FinParse

@Suite("Input decoding")
struct InputTests {
    @Test func corpusReportIsUTF8() throws {
        let document = Corpus.yongzhouDocument
        #expect(document.source.encoding == .utf8)
        #expect(document.source.format == .text)
        #expect(document.source.bytes == 82816)
        #expect(document.source.sha256 == "94dbe89a71d0cd634d9b16cd88c5b7bd647c29a54d2227067bd1277c0787524e")
    }

    @Test func reportInfo() {
        let report = Corpus.yongzhouDocument.report
        #expect(report.department == "永州市应急管理局")
        #expect(report.year == 2021)
        #expect(report.kind == .finalAccounts)
    }

    @Test(arguments: zip(Corpus.yongzhouVariants, [TextEncoding.gb18030, .utf16LE, .utf8, .utf8]))
    func everyEncodingGivesTheSameDocument(path: String, encoding: TextEncoding) throws {
        let variant = try Document(contentsOf: path)
        let original = Corpus.yongzhouDocument
        #expect(variant.source.encoding == encoding)
        #expect(variant.report == original.report)
        #expect(variant.paragraphs.count == original.paragraphs.count)
        #expect(variant.outline == original.outline)
        // Measures, like figures, keep the original spelling (≥４期) in `text`.
        let plain = { (tables: [Table]) in
            tables.map { table -> Table in
                var t = table
                for i in t.selfEvaluation?.indicators.indices ?? 0..<0 {
                    t.selfEvaluation?.indicators[i].target.text = ""
                    t.selfEvaluation?.indicators[i].actual.text = ""
                }
                return t
            }
        }
        #expect(plain(variant.tables) == plain(original.tables))
        #expect(variant.tables.compactMap(\.selfEvaluation).map(\.indicators.count) == [15, 44, 21, 18])
        if !path.contains("fullwidth") {
            #expect(variant.tables == original.tables)
            #expect(variant.paragraphs == original.paragraphs)
        }
        // Figures keep their original spelling in `text`; everything else must agree.
        let strip = { (figures: [Figure]) in figures.map { figure -> Figure in var f = figure; f.text = ""; return f } }
        #expect(strip(variant.amounts) == strip(original.amounts))
        #expect(strip(variant.percents) == strip(original.percents))
    }

    @Test func lineEndsAreCountedOnce() {
        let document = Document(parsing: "第一部分\r\n\r\n永州市应急管理局概况\r二、机构\n")
        #expect(document.paragraphs.map(\.line) == [1, 3, 4])
    }

    private func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.path + "/finparse-tests-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func error(reading path: String) -> FinParseError? {
        do {
            _ = try Document(contentsOf: path)
            return nil
        } catch {
            return error
        }
    }

    /// A file is read into room for its size: the read that finds its end must not double
    /// the buffer (a large report was held twice over until it was parsed).
    @Test func fileIsReadIntoRoomForItsSize() throws {
        let report = try #require(FileManager.default.contents(atPath: Corpus.yongzhou))
        let path = try temporaryFile(Array(report), name: "room.txt")
        let bytes = try InputFile.load(path: path)
        #expect(bytes == Array(report))
        #expect(bytes.capacity < bytes.count + 4096)
    }

    @Test func emptyFileIsRefused() throws {
        let path = try temporaryFile([], name: "empty.txt")
        let error = try #require(self.error(reading: path))
        #expect(error.code == .empty)
        #expect(error.description == "\(path): is empty")
    }

    @Test func binaryFileIsRefused() throws {
        let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }
        let path = try temporaryFile(bytes, name: "binary.bin")
        let error = try #require(self.error(reading: path))
        #expect(error.code == .notText)
        #expect(error.description.hasPrefix(path + ": is not text"))
    }

    @Test func directoryIsRefused() throws {
        let error = try #require(self.error(reading: Corpus.root))
        #expect(error.code == .isDirectory)
        #expect(error.path == Corpus.root)
    }

    @Test func missingFileIsRefused() throws {
        let error = try #require(self.error(reading: "/nonexistent/report.txt"))
        #expect(error.code == .fileNotFound)
        #expect(error.description == "/nonexistent/report.txt: no such file")
    }

    @Test func truncatedUTF16IsRefused() throws {
        let full = [UInt8]([0xFF, 0xFE]) + Array("第一部分 概况".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = try temporaryFile(Array(full.dropLast()), name: "truncated.txt")
        let error = try #require(self.error(reading: path))
        #expect(error.code == .truncated)
        #expect(error.byteOffset != nil)
        #expect(error.description.contains("cut off"))
    }

    @Test func invalidGB18030IsRefusedWithItsOffset() throws {
        // Valid GB18030 text, then a lead byte followed by an invalid trail byte.
        let bytes: [UInt8] = [0xB5, 0xDA, 0xD2, 0xBB, 0xB2, 0xBF, 0xB7, 0xD6, 0x0A, 0x81, 0x7F, 0x0A]
        let path = try temporaryFile(bytes, name: "bad-gb.txt")
        let error = try #require(self.error(reading: path))
        #expect(error.code == .undecodable)
        #expect(error.byteOffset == 9 || error.byteOffset == 10 || error.byteOffset == 11)
    }

    @Test func shortGB18030IsDecoded() throws {
        let bytes: [UInt8] = [0xB5, 0xDA, 0xD2, 0xBB, 0xB2, 0xBF, 0xB7, 0xD6, 0x0A] // 第一部分
        let path = try temporaryFile(bytes, name: "gb.txt")
        let document = try Document(contentsOf: path)
        #expect(document.source.encoding == .gb18030)
        #expect(document.paragraphs.first?.text == "第一部分")
    }
}

@Suite("Report metadata")
struct ReportInfoTests {
    @Test func yearAndKindSpellings() {
        #expect(ReportInfoReader.yearAndKind(in: "纳入2021年部门决算编制范围")?.year == 2021)
        #expect(ReportInfoReader.yearAndKind(in: "上海市普陀区财政局2024年度部门预算")?.kind == .budget)
        #expect(ReportInfoReader.yearAndKind(in: "2025年度单位决算")?.kind == .finalAccounts)
        #expect(ReportInfoReader.yearAndKind(in: "12021年部门决算") == nil)
        #expect(ReportInfoReader.yearAndKind(in: "2021年，我市发生生产安全事故94起") == nil)
    }

    @Test func budgetReportOfAnotherDepartment() {
        let document = Document(parsing: """
            上海市普陀区财政局
            2024年度部门预算
            第一部分 部门概况
            """)
        #expect(document.report.department == "上海市普陀区财政局")
        #expect(document.report.year == 2024)
        #expect(document.report.kind == .budget)
    }
}
