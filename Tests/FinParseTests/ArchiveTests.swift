import FoundationEssentials
import Testing
@testable import FinParse

/// Zip archives of reports, as government sites publish them (`ReportArchive`).
@Suite("Zip archives of reports")
final class ArchiveTests {
    private let scratch = FileManager.default.temporaryDirectory.path + "/finparse-archive-\(UUID().uuidString)"

    deinit { try? FileManager.default.removeItem(atPath: scratch) }

    static let fixture = Corpus.path("zip/fixtures/reports-gbk-names.zip")

    /// An archive zipped on a Chinese Windows (names in GBK, unmarked) lists its reports by
    /// their names as written, sorted, an archive within opened in turn; its folders, the
    /// picture and the litter a Mac and Word leave are not listed. Each report reads as the
    /// file it was made from but for its path.
    @Test func anArchivesReportsAreListedAndReadAsTheirFiles() throws {
        let reports = try #require(ReportArchive.reports(inArchiveAt: Self.fixture))
        let folder = Self.fixture + "/2024年部门决算/"
        #expect(reports == [
            folder + "财政局2024年度部门决算.docx",
            folder + "附件/三公经费支出决算表.docx",
            folder + "附件/损坏的决算表.docx",
            folder + "附件/预算.zip/司法局2026年预算.xls",
        ])
        let madeFrom = ["docx/putuo-caizhengju-2024-juesuan.docx", "docx/fixtures/san-gong-tables.docx", nil,
                        "xls/putuo-sifaju-2026-yusuan.xls"]
        for (path, file) in zip(reports, madeFrom) {
            guard let file else { continue }
            var member = try Document(contentsOf: path)
            let original = try Document(contentsOf: Corpus.path(file))
            #expect(member.source.path == path)
            #expect(!member.amounts.isEmpty)
            member.source.path = original.source.path
            #expect(member == original, "\(path)")
        }
        // A damaged report fails alone, named by its path in the archive.
        #expect(throws: FinParseError(.notDocx, path: reports[2], message:
            "is not a readable zip package (truncated or damaged): no zip central directory could be read")) {
            try Document(contentsOf: reports[2])
        }
    }

    @Test func anEncryptedReportIsToldSo() {
        let path = Corpus.path("zip/fixtures/encrypted-member.zip")
        #expect(ReportArchive.reports(inArchiveAt: path) == [path + "/决算.docx"])
        #expect(throws: FinParseError(.unsupportedFormat, path: path + "/决算.docx",
                                      message: "is encrypted in its archive (zip's password): unzip it with the password first")) {
            try Document(contentsOf: path + "/决算.docx")
        }
    }

    /// An archive read as one report is told so, with a path to read its reports by; one
    /// without reports says that. It was "has no main document part: not a Word document".
    @Test func anArchiveReadAsOneReportIsToldSo() throws {
        #expect(throws: FinParseError(.archive, path: Self.fixture, message: "is a zip archive of 4 reports, not one: each is read by "
            + "its path in the archive (\(Self.fixture)/2024年部门决算/财政局2024年度部门决算.docx), as `finparse dump` given the archive reads them all")) {
            try Document(contentsOf: Self.fixture)
        }
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let pictures = scratch + "/pictures.zip"
        try Data(Docx.zip(["a.jpg": [0xFF, 0xD8, 0xFF], "readme.csv": Array("a,b".utf8)])).write(to: URL(fileURLWithPath: pictures))
        #expect(ReportArchive.reports(inArchiveAt: pictures) == [])
        // Files finparse does not read but that hold reports are listed, to be told so.
        let packed = scratch + "/packed.zip"
        try Data(Docx.zip(["附件.rar": Array("Rar!\u{1A}\u{07}\u{00}".utf8), "决算.OFD": [0x50, 0x4B], "b.csv": []]))
            .write(to: URL(fileURLWithPath: packed))
        #expect(ReportArchive.reports(inArchiveAt: packed) == [packed + "/决算.OFD", packed + "/附件.rar"])
        #expect(throws: FinParseError(.unsupportedFormat, path: packed + "/附件.rar",
                                      message: "is a RAR archive, which finparse does not open; unpack it, or pack its reports as .zip")) {
            try Document(contentsOf: packed + "/附件.rar")
        }
        #expect(throws: FinParseError(.archive, path: pictures, message: "is a zip archive without a report in it (\(ReportArchive.extensionList) files)")) {
            try Document(contentsOf: pictures)
        }
    }

    /// Paths that only look like a path into an archive are what they are: a .docx named
    /// .zip is a report, a folder named .zip holds files, a name missing from an archive is
    /// no such file.
    @Test func pathsThatAreNoArchivesStayFiles() throws {
        let folder = scratch + "/reports.zip"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Corpus.path("docx/putuo-caizhengju-2024-juesuan.docx"), toPath: folder + "/a.docx")
        try FileManager.default.copyItem(atPath: Corpus.path("docx/putuo-caizhengju-2024-juesuan.docx"), toPath: scratch + "/b.zip")
        #expect(try Document(contentsOf: folder + "/a.docx").source.format == .docx)
        #expect(ReportArchive.reports(inArchiveAt: scratch + "/b.zip") == nil)
        #expect(try Document(contentsOf: scratch + "/b.zip").source.format == .docx)
        let missing = Self.fixture + "/2024年部门决算/无此文件.docx"
        #expect(throws: FinParseError(.fileNotFound, path: missing, message: "no such file in its archive")) {
            try Document(contentsOf: missing)
        }
        #expect(ReportArchive.reports(inArchiveAt: Corpus.yongzhou) == nil)
    }
}
