import FoundationEssentials
import Testing
@testable import FinParse
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Input decoding")
final class InputTests {
    /// This test's files, removed when it is done (Swift Testing makes an instance of the
    /// suite for each test).
    private let scratch = FileManager.default.temporaryDirectory.path + "/finparse-tests-\(UUID().uuidString)"

    deinit { try? FileManager.default.removeItem(atPath: scratch) }

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

    /// A year a sentence compares with is not the report's: 比2022年预算减少 named 2022 the
    /// year of a 2023 budget's 三公 paragraph (as a 天津 page gave it), which names its own
    /// year in no form finparse reads as a report's; now none. A report's own stays.
    @Test func aYearComparedWithIsNotTheReports() {
        let compared = Document(parsing: "2023年三公经费预算安排520万元，比2022年预算减少10万元，较2021年决算减少5万元。")
        #expect(compared.report.year == nil && compared.report.kind == nil)
        let own = Document(parsing: "2023年部门预算情况说明\n三公经费预算安排520万元，比2022年预算减少10万元。")
        #expect(own.report.year == 2023 && own.report.kind == .budget)
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

    /// A report in traditional characters (a government site's 繁體 page: here the 永州 report
    /// through ICU's Hans-Hant, “” become 「」) gave no amount at all: 萬元 is no unit, 總計 no
    /// label, 決算表 no table. Read as simplified, one character for one, it is its original:
    /// every figure, label, line and column, every table and 自评表, the outline; its
    /// paragraphs but for the two characters the round trip cannot give back (显著 comes back
    /// as 显着, 昇 as 升), and a note that says how it was read.
    @Test func aReportInTraditionalCharactersReadsAsItsSimplifiedOriginal() throws {
        let variant = try Document(contentsOf: Corpus.path("variants/yongzhou-yingji-2021-juesuan.traditional.txt"))
        let original = Corpus.yongzhouDocument
        #expect(variant.report == original.report)
        #expect(variant.amounts == original.amounts)
        #expect(variant.percents == original.percents)
        #expect(variant.tables == original.tables)
        #expect(variant.outline == original.outline)
        #expect(zip(variant.paragraphs, original.paragraphs).filter { $0 != $1 }.map(\.0.line) == [188, 335])
        let note = try #require(variant.diagnostics.first { $0.code == "traditional-script" })
        #expect(note.message.contains("(8035 changed, by ICU's Hant-Hans)"))
        #expect(variant.diagnostics.filter { $0.code != "traditional-script" } == original.diagnostics)
        #expect(!original.diagnostics.contains { $0.code == "traditional-script" })
    }

    /// The same report in Big5, as old 繁體 gateways served it, read as GB18030: nonsense
    /// (琘カ現叭狝…), no figure, no warning. ICU's detector tells Big5 when its second bytes
    /// say it may be one; then it reads as the traditional report does, as simplified.
    @Test func aReportInBig5ReadsAsItsOriginal() throws {
        let variant = try Document(contentsOf: Corpus.path("variants/yongzhou-yingji-2021-juesuan.big5.txt"))
        let original = Corpus.yongzhouDocument
        #expect(variant.source.encoding == .big5)
        #expect(variant.report == original.report)
        #expect(variant.amounts == original.amounts)
        #expect(variant.percents == original.percents)
        #expect(variant.outline == original.outline)
        // Big5 writes ≥ as ≧: the measures' spellings differ, their readings do not.
        #expect(variant.tables.map(\.kind) == original.tables.map(\.kind))
        #expect(variant.tables.compactMap(\.selfEvaluation).map { $0.indicators.map(\.target.comparator) }
                == original.tables.compactMap(\.selfEvaluation).map { $0.indicators.map(\.target.comparator) })
        #expect(variant.diagnostics.contains { $0.code == "traditional-script" })
    }

    /// A Big5 file with a bad byte (a pair GB18030 reads, Big5 does not) read as GB18030
    /// nonsense without a word, and one cut off inside its last character read as GB18030
    /// nonsense with a warning about GB18030. The bad byte is named, as in any encoding; the
    /// cut-off file is Big5 read up to its last character.
    @Test func aBig5FileWithABadByteOrCutOffIsToldAsBig5() throws {
        let file = try #require(FileManager.default.contents(atPath: Corpus.path("variants/yongzhou-yingji-2021-juesuan.big5.txt")))
        let big5 = [UInt8](file)
        let lineStart = try #require(big5[(big5.count / 2)...].firstIndex(of: 0x0A)) + 1
        let line = big5[..<lineStart].count { $0 == 0x0A } + 1
        let damaged = Array(big5[..<lineStart]) + [0xA4, 0x80] + Array(big5[lineStart...])
        let error = try #require(self.error(reading: try temporaryFile(damaged, name: "damaged-big5.txt")))
        #expect(error.code == .undecodable)
        #expect(error.message.contains("is Big5 text") && error.message.contains("on line \(line)"))
        #expect((lineStart...lineStart + 2).contains(error.byteOffset ?? -1))

        // The file ends with 。 (A1 43) and a line end: cut after the A1.
        let cut = try Document(contentsOf: try temporaryFile(Array(big5.dropLast(2)), name: "cut-big5.txt"))
        #expect(cut.source.encoding == .big5)
        #expect(cut.diagnostics.contains { $0.code == "truncated" && $0.message.contains("Big5") })
        #expect(cut.amounts == Corpus.yongzhouDocument.amounts)
    }

    /// UTF-16 saved without its byte-order mark was refused as binary (its digits' high bytes
    /// are NULs); it is read when the NULs stand at every other byte.
    @Test(arguments: [false, true])
    func utf16WithoutItsMarkIsRead(bigEndian: Bool) throws {
        let original = Corpus.yongzhouDocument
        let report = try #require(FileManager.default.contents(atPath: Corpus.yongzhou))
        let text = String(decoding: report, as: UTF8.self)
        let bytes = text.utf16.flatMap { unit in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let document = try Document(bytes: bytes, path: "report.txt")
        #expect(document.source.encoding == (bigEndian ? .utf16BE : .utf16LE))
        #expect(document.paragraphs == original.paragraphs)
        #expect(document.amounts == original.amounts)
        #expect(document.tables == original.tables)
    }

    @Test func lineEndsAreCountedOnce() {
        let document = Document(parsing: "第一部分\r\n\r\n永州市应急管理局概况\r二、机构\n")
        #expect(document.paragraphs.map(\.line) == [1, 3, 4])
    }

    private func temporaryFile(_ bytes: [UInt8], name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let path = scratch + "/" + name
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
        // Given as bytes, it is refused the same way (it read as an empty report).
        #expect(throws: FinParseError(.empty, path: "given.txt", message: "is empty")) {
            try Document(bytes: [], path: "given.txt")
        }
    }

    /// Text with nothing to read, and a web page whose report is pictures, were empty
    /// reports, exit 0; they are refused as a PDF without a text layer is.
    @Test func inputWithoutTextIsRefused() throws {
        let blank = FinParseError(.noText, path: "blank.txt",
                                  message: "has no text to read (nothing but spaces, line breaks or page numbers)")
        #expect(throws: blank) { try Document(bytes: Array("\n \u{3000}\r\n\t\n\u{0C}\n".utf8), path: "blank.txt") }
        let page = FinParseError(.noText, path: "p.html", message: "is a web page without text (the report in pictures, or written by scripts?)")
        #expect(throws: page) {
            try Document(bytes: Array("<html><head><title>预算</title><script>var a = 1;</script></head><body><img src=\"t1.gif\">&nbsp;</body></html>".utf8), path: "p.html")
        }
        #expect(try Document(bytes: Array("\n\n收入总计2553.52万元\n".utf8), path: "one.txt").amounts.count == 1)
    }

    @Test func binaryFileIsRefused() throws {
        let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }
        let path = try temporaryFile(bytes, name: "binary.bin")
        let error = try #require(self.error(reading: path))
        #expect(error.code == .notText)
        #expect(error.description.hasPrefix(path + ": is not text"))
    }

    /// Control characters but TAB, LF, FF and CR, more than one byte in twenty of a text's
    /// first 64 KiB: not text. TABs between cells count none, however many.
    @Test func textOfControlCharactersIsRefused() throws {
        func text(controls: Int, tabs: Int) -> [UInt8] {
            var bytes = Array(repeating: UInt8(ascii: "a"), count: 1000)
            for k in 0..<controls { bytes[k * 7 + 3] = 0x01 }  // within the first 400 bytes
            for k in 0..<tabs { bytes[500 + k] = 0x09 }
            return bytes
        }
        let refused = FinParseError(.notText, path: "c.txt", message: "is not text (too many control characters)")
        #expect(throws: refused) { try Document(bytes: text(controls: 51, tabs: 0), path: "c.txt") }
        #expect(throws: refused) { try Document(bytes: text(controls: 51, tabs: 200), path: "c.txt") }
        #expect(try Document(bytes: text(controls: 50, tabs: 0), path: "c.txt").source.bytes == 1000)
        #expect(try Document(bytes: text(controls: 50, tabs: 200), path: "c.txt").source.bytes == 1000)
        #expect(try Document(bytes: text(controls: 0, tabs: 300), path: "c.txt").source.bytes == 1000)
    }

    /// The counts taken eight bytes at a time are the counts byte by byte, at every start and
    /// length over a report and over bytes of every value.
    @Test func byteCountsByWordsAreCountsByBytes() throws {
        let report = try #require(FileManager.default.contents(atPath: Corpus.root + "/yongzhou-yingji-2021-juesuan.txt"))
        let noise = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 >> 3) }
        for bytes in [Array(report.prefix(3000)), noise] {
            bytes.withUnsafeBufferPointer { all in
                for start in 0..<9 {
                    for end in [start, start + 1, start + 7, start + 8, start + 17, all.count] {
                        let part = UnsafeBufferPointer(rebasing: all[start..<end])
                        #expect(part.columns == part.reduce(0) { $0 + ($1 < 0x80 ? 1 : $1 >= 0xC0 ? 2 : 0) })
                        #expect(part.belowSpace == part.filter { $0 < 0x20 }.count)
                    }
                }
            }
        }
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

    /// 部门决算 in GBK, as a Windows archive unzipped on Linux names its files.
    static let gbkName: [UInt8] = [0xB2, 0xBF, 0xC3, 0xC5, 0xBE, 0xF6, 0xCB, 0xE3]

    @Test func aNameThatIsNotUTF8IsWrittenWithItsBytes() {
        #expect(PlatformPath.string(fromBytes: Array("报告.txt".utf8)) == "报告.txt")
        let written = PlatformPath.string(fromBytes: Self.gbkName + Array(".txt".utf8))
        // C5 BE happens to be UTF-8 (ž); the other bytes are not.
        #expect(written == "\\xB2\\xBF\\xC3ž\\xF6\\xCB\\xE3.txt")
        #expect(PlatformPath.bytes(of: written) == Self.gbkName + Array(".txt".utf8))
        // A backslash of such a name is escaped too, so that it reads back as itself.
        let withBackslash = Array("a\\x41".utf8) + [0xFF]
        #expect(PlatformPath.string(fromBytes: withBackslash) == "a\\x5Cx41\\xFF")
        #expect(PlatformPath.bytes(of: PlatformPath.string(fromBytes: withBackslash)) == withBackslash)
        #expect(PlatformPath.bytes(of: "/reports/a\\b.txt") == nil)
    }

    /// Such a file is opened by its bytes: a text report, and a .docx, which minizip opens by name.
    @Test(arguments: [Corpus.yongzhou, Corpus.path("docx/yongzhou-yingji-2021-juesuan.docx")])
    func aFileNamedInGBKIsRead(original: String) throws {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let suffix = original.hasSuffix(".docx") ? ".docx" : ".txt"
        let name = Array(scratch.utf8) + [UInt8(ascii: "/")] + Self.gbkName + Array(suffix.utf8)
        let report = try #require(FileManager.default.contents(atPath: original))
        let fd = (name.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
            open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        try #require(fd >= 0)
        _ = report.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        close(fd)
        let path = PlatformPath.string(fromBytes: name)
        let document = try Document(contentsOf: path)
        #expect(document.source.path == path)
        #expect(document.amounts == (try Document(contentsOf: original)).amounts)
        #expect(!document.amounts.isEmpty)
    }

    /// A file cut off inside its last character (a download that stopped) is read up to it,
    /// with a warning on its last line; nothing before it is lost.
    @Test(arguments: [
        // UTF-16LE without the high byte of 况; without the low surrogate of 𠀀 (a pair).
        ([0xFF, 0xFE] + utf16("第一部分\n概况").dropLast(), "UTF-16LE", 1, ["第一部分", "概"]),
        ([0xFF, 0xFE] + utf16("第一部分\n概况𠀀").dropLast(2), "UTF-16LE", 2, ["第一部分", "概况"]),
        ([0xFE, 0xFF] + utf16("第一部分\n概况", bigEndian: true).dropLast(), "UTF-16BE", 1, ["第一部分", "概"]),
        // UTF-8 without the last two bytes of 元, with and without a byte-order mark.
        (Array("第一部分\n收入12万元".utf8.dropLast(2)), "UTF-8", 1, ["第一部分", "收入12万"]),
        ([0xEF, 0xBB, 0xBF] + Array("第一部分\r\n收入12万元".utf8.dropLast(1)), "UTF-8", 2, ["第一部分", "收入12万"]),
        // GB18030 第一部分\n收入12万元 without the trail byte of 元.
        ([0xB5, 0xDA, 0xD2, 0xBB, 0xB2, 0xBF, 0xB7, 0xD6, 0x0A, 0xCA, 0xD5, 0xC8, 0xEB, 0x31, 0x32, 0xCD, 0xF2, 0xD4],
         "GB18030", 1, ["第一部分", "收入12万"]),
    ] as [([UInt8], String, Int, [String])])
    func aFileCutOffInsideACharacterIsReadUpToIt(bytes: [UInt8], encoding: String, cut: Int, paragraphs: [String]) throws {
        let document = try Document(contentsOf: temporaryFile(bytes, name: "cut-\(encoding)-\(cut).txt"))
        #expect(document.source.encoding?.rawValue == encoding)
        #expect(document.paragraphs.map(\.text) == paragraphs)
        // 12万 without its 元 after 收入 is read as 12万元, as the file had it before it was cut.
        #expect(document.amounts.map { "\($0.text) \($0.unit.rawValue)" } == (paragraphs.last == "收入12万" ? ["12万 万元"] : []))
        let warning = try #require(document.diagnostics.first { $0.code == "truncated" })
        #expect(warning.severity == .warning && warning.line == 2)
        #expect(warning.message.contains("inside a \(encoding) character") && warning.message.contains(cut == 1 ? "last byte" : "last \(cut) bytes"))
    }

    /// A damaged byte inside a short UTF-8 file (too few Chinese characters to tell damaged
    /// UTF-8 from another encoding) fails it, named by its offset and line, not by where
    /// GB18030 gave up reading it.
    @Test func aDamagedUTF8ByteIsNamed() throws {
        var bytes = Array("第一部分 概况\n收入总计2553.52万元\n".utf8)
        bytes[29] = 0xFF
        let error = try #require(self.error(reading: try temporaryFile(bytes, name: "damaged.txt")))
        #expect(error.code == .undecodable)
        #expect(error.byteOffset == 29)
        #expect(error.message.contains("reads as UTF-8 up to a bad byte on line 2"))
    }

    /// A scraped report damaged in a few places (a byte of another encoding, a character cut
    /// in the middle) failed whole, every figure of it lost for one byte. It is read, each
    /// place a � with a `damaged-text` warning at its line, and the figure whose digits the
    /// damage may have taken (收入总计25�3.52万元) is not read. Damage throughout, or in a short
    /// file, still fails it: then it may be another encoding's text.
    @Test func aFewDamagedPlacesInUTF8AreReadAndTold() throws {
        let original = try #require(FileManager.default.contents(atPath: Corpus.path("yongzhou-yingji-2021-juesuan.txt")))
        var bytes = [UInt8](original)
        let text = String(decoding: bytes, as: UTF8.self)
        func offset(of needle: String) throws -> Int {
            let range = try #require(text.utf8.firstRange(of: needle.utf8))
            return text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
        }
        let amount = try offset(of: "收入总计2553.52万元") + "收入总计25".utf8.count
        let character = try offset(of: "支出总计")
        bytes[amount] = 0xFF
        bytes[character + 1] = 0x41    // 支 (E6 94 AF) → E6 A AF: two places, the A between
        let document = try Document(contentsOf: try temporaryFile(bytes, name: "damaged-report.txt"))
        #expect(document.source.encoding == .utf8)
        let damaged = document.diagnostics.filter { $0.code == "damaged-text" }
        #expect(damaged.map { "\($0.severity) \($0.line) \($0.message.prefix(while: { $0 != "(" }))" } == [
            "warning 67 byte \(amount) is not UTF-8 ", "warning 69 byte \(character) is not UTF-8 ", "warning 69 byte \(character + 2) is not UTF-8 ",
        ])
        let lost = Corpus.yongzhouDocument.amounts.filter { $0.text == "2553.52万元" && $0.line == 67 && $0.label == "收入总计" }
        #expect(lost.count == 1)
        #expect(document.amounts.count == Corpus.yongzhouDocument.amounts.count - 1)
        #expect(!document.amounts.contains { $0.line == 67 && $0.text == "3.52万元" })
        #expect(document.tables.map(\.cells) == Corpus.yongzhouDocument.tables.map(\.cells))

        // With a byte-order mark, the same.
        let marked = try Document(contentsOf: try temporaryFile([0xEF, 0xBB, 0xBF] + bytes, name: "damaged-marked.txt"))
        #expect(marked.diagnostics.filter { $0.code == "damaged-text" }.map(\.line) == [67, 69, 69])

        // Nine places are too many: the file fails, named at its first bad byte.
        var throughout = bytes
        for k in 1...7 { throughout[try offset(of: "支出总计") + 100 * k] = 0xFF }
        let error = try #require(self.error(reading: try temporaryFile(throughout, name: "damaged-throughout.txt")))
        #expect(error.code == .undecodable && error.byteOffset == amount)
    }

    /// The same in GB18030: a digit's byte become FF, a character's second byte become 7F
    /// (DEL, a byte of its own: the first byte is left alone, and bad).
    @Test func aFewDamagedPlacesInGB18030AreReadAndTold() throws {
        let original = try #require(FileManager.default.contents(atPath: Corpus.path("variants/yongzhou-yingji-2021-juesuan.gb18030.txt")))
        var bytes = [UInt8](original)
        func offset(of needle: String) throws -> Int {
            // kCFStringEncodingGB_18030_2000 as a String.Encoding (0x80000000 | 0x0632).
            let pattern = try #require(needle.data(using: String.Encoding(rawValue: 0x8000_0632)))
            return try #require(Data(bytes).range(of: pattern)).lowerBound
        }
        let amount = try offset(of: "收入总计2553.52万元") + 10
        let character = try offset(of: "支出总计")
        bytes[amount] = 0xFF
        bytes[character + 1] = 0x7F
        let document = try Document(contentsOf: try temporaryFile(bytes, name: "damaged-gb.txt"))
        #expect(document.source.encoding == .gb18030)
        #expect(document.diagnostics.filter { $0.code == "damaged-text" }.map { "\($0.line) \($0.message.prefix(while: { $0 != "(" }))" } == [
            "67 byte \(amount) is not GB18030 ", "69 byte \(character) is not GB18030 ",
        ])
        #expect(document.amounts.count == Corpus.yongzhouDocument.amounts.count - 1)
        #expect(!document.amounts.contains { $0.line == 67 && $0.text == "3.52万元" })
        #expect(document.tables.map(\.cells) == Corpus.yongzhouDocument.tables.map(\.cells))
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
        #expect(ReportInfoReader.yearAndKind(in: "上海市普陀区2023年区级部门预算")?.year == 2023)
        #expect(ReportInfoReader.yearAndKind(in: "上海市2025年市级单位预算")?.kind == .budget)
        #expect(ReportInfoReader.yearAndKind(in: "2021年，我市发生生产安全事故94起") == nil)
    }

    @Test(arguments: [
        ("2017 年度江苏省高级人民法院部门预算公开", "2017年度江苏省高级人民法院部门预算公开", 2017),
        // A cover joined into one line with its date.
        ("2018 年度江苏省高级人民法院预算公开2018 年 2 月 24 日", "2018年度江苏省高级人民法院预算公开", 2018),
    ])
    func aTitleWithItsYearFirst(cover: String, title: String, year: Int) {
        let document = Document(parsing: cover + "\n第一部分 部门概况\n一、主要职能\n比2016年预算增加12万元。")
        #expect(document.report == ReportInfo(title: title, department: "江苏省高级人民法院", year: year, kind: .budget))
    }

    /// 随州市公安局曾都区分局2019年决算公开报告: a title that ends in 公开报告 names the
    /// report, its department and year, with the year first or after the department.
    @Test(arguments: [("某市公安局某区分局2019年决算公开报告", 2019), ("2020年度某市公安局某区分局部门决算公开报告", 2020)])
    func aTitleEndingInItsPublicReport(title: String, year: Int) {
        let document = Document(parsing: title + "\n一、基本情况\n（一）机构设置\n内设机构23个。")
        #expect(document.report == ReportInfo(title: title, department: "某市公安局某区分局", year: year, kind: .finalAccounts))
    }

    /// A performance self-evaluation report, one of the three kinds of report finparse reads,
    /// names no 决算 or 预算: it had no title, year or department. Its title gives them; its
    /// kind stays null, as the contract knows only 决算 and 预算. A numbered part of a 决算
    /// (三、2021年度部门整体支出绩效自评报告) is no title.
    @Test(arguments: [
        ("2023年度某市应急管理局部门整体支出绩效自评报告", "某市应急管理局", 2023),
        ("某市应急管理局2023年度安全生产专项项目支出绩效自评报告", "某市应急管理局", 2023),
        ("2022年度某县财政局整体支出绩效自评报告", "某县财政局", 2022),
        ("关于2023年度部门整体支出绩效自评的报告", nil, 2023),
        ("2023年度安全生产专项资金项目支出绩效评价报告", nil, 2023),
    ] as [(String, String?, Int)])
    func aPerformanceReportsTitle(title: String, department: String?, year: Int) {
        let document = Document(parsing: title + "\n\n一、基本情况\n（一）项目概况\n项目总预算120万元，执行率95.83%。")
        #expect(document.report == ReportInfo(title: title, department: department, year: year, kind: nil))
        let part = Document(parsing: "一、部门职责\n负责安全生产。\n三、" + title + "\n项目总预算120万元。")
        #expect(part.report.title == nil)
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

private func utf16(_ text: String, bigEndian: Bool = false) -> [UInt8] {
    text.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
}

/// The child process pdftotext runs in, with /bin/sh standing in for it.
@Suite("Child process")
struct ChildProcessTests {
    private func shell(_ script: String, input: [UInt8] = [], timeout: Double = 60) throws -> ChildProcess {
        try ChildProcess("/bin/sh", arguments: ["-c", script], input: input, timeout: timeout)
    }

    @Test func outputErrorsAndStatusComeBack() throws {
        let run = try shell("cat; echo 读不了 >&2; exit 3", input: Array("收入总计".utf8))
        #expect(run.output == Array("收入总计".utf8))
        #expect(run.errors == Array("读不了\n".utf8))
        #expect(run.status == 3)
    }

    /// A program that fills its error pipe before it reads its input: reading the output to
    /// its end first, then the errors, would wait on each other for ever.
    @Test func neitherFullPipeStallsTheRun() throws {
        let input = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0) }
        let run = try shell("head -c 300000 /dev/zero >&2; cat", input: input)
        #expect(run.output == input)
        #expect(run.errors.count == 1 << 16 && run.errors.allSatisfy { $0 == 0 })
        #expect(run.status == 0)
    }

    @Test func aProgramThatReadsNothingEndsOnlyItsInput() throws {
        let run = try shell("exit 0", input: [UInt8](repeating: 0x25, count: 4 << 20))
        #expect(run.status == 0 && run.output.isEmpty)
    }

    @Test func aSignalIsToldFromAnExitStatus() throws {
        #expect(try shell("kill -9 $$").status == -9)
    }

    @Test func aProgramThatCannotStartThrows() {
        #expect(throws: ChildProcess.StartFailure.self) {
            try ChildProcess("/nonexistent/pdftotext", arguments: [], input: [], timeout: 60)
        }
    }

    /// A program still running at its time limit is killed, what it wrote kept, even while
    /// its input is still being written to it.
    @Test func aProgramPastItsTimeIsKilled() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let run = try shell("echo 收入; exec sleep 60", input: [UInt8](repeating: 0x25, count: 4 << 20), timeout: 0.5)
        #expect(clock.now - start < .seconds(30))
        #expect(run.timedOut && run.status == -9)
        #expect(run.output == Array("收入\n".utf8))
        #expect(try !shell("exit 0", timeout: 5).timedOut)
    }
}
