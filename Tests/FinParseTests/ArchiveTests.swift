import FoundationEssentials
import Testing
@testable import FinParse

/// Zip, RAR and 7-Zip archives of reports, as government sites publish them (`ReportArchive`).
@Suite("Archives of reports")
final class ArchiveTests {
    private let scratch = FileManager.default.temporaryDirectory.path + "/finparse-archive-\(UUID().uuidString)"

    deinit { try? FileManager.default.removeItem(atPath: scratch) }

    static let fixture = Corpus.path("archive/fixtures/reports-gbk-names.zip")

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

    /// A report folder packed by 7-Zip (solid, LZMA2), as RAR 5, as RAR 4 with GBK names
    /// split by backslashes, and as a gzip-compressed tar (as corpora are shared), lists and
    /// reads as the zip does, a zip within opened in turn.
    /// Each report reads as the file it was made from but for its path, whatever the order
    /// they are asked for in (a solid archive is read through to each). Such archives were
    /// refused whole: "is a RAR archive, which finparse does not open".
    @Test(arguments: ["reports.7z", "reports-rar5.rar", "reports-rar4-gbk.rar", "reports.tar.gz"])
    func rarAnd7ZipArchivesAreReadAsZipsAre(_ name: String) throws {
        let archive = Corpus.path("archive/fixtures/" + name)
        var madeFrom = [("应急管理局2021年度部门决算.txt", "yongzhou-yingji-2021-juesuan.txt"),
                        ("财政局2024年度部门决算.docx", "docx/putuo-caizhengju-2024-juesuan.docx"),
                        ("附件/三公经费支出决算表.docx", "docx/fixtures/san-gong-tables.docx")]
        // The RAR 4 holds no zip within.
        if name != "reports-rar4-gbk.rar" { madeFrom.append(("附件/预算.zip/司法局2026年预算.xls", "xls/putuo-sifaju-2026-yusuan.xls")) }
        let reports = try #require(ReportArchive.reports(inArchiveAt: archive))
        #expect(reports == madeFrom.map { archive + "/2024年部门决算/" + $0.0 })
        for (path, file) in zip(reports, madeFrom.map(\.1)).reversed() + zip(reports, madeFrom.map(\.1)) {
            var member = try Document(contentsOf: path)
            member.source.path = Corpus.path(file)
            #expect(member == (try Document(contentsOf: Corpus.path(file))), "\(path)")
        }
        let kind = name.hasSuffix(".7z") ? "a 7-Zip" : name.hasSuffix(".rar") ? "a RAR" : "a tar"
        #expect(throws: FinParseError(.archive, path: archive, message: "is \(kind) archive of "
            + "\(reports.count) reports, not one: each is read by its path in the archive (\(reports[0])), as `finparse dump` given the archive reads them all")) {
            try Document(contentsOf: archive)
        }
    }

    /// A RAR 5 cut short within a header was taken by libarchive for one that ends there,
    /// its later reports missing without a word; cut anywhere, it now fails as a whole, as do
    /// cut 7-Zip archives (their directory is at their end) and a cut gzip stream.
    @Test func aCutRarOr7ZipFailsWhole() throws {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        for name in ["reports-rar5.rar", "reports.7z", "reports.tar.gz"] {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Corpus.path("archive/fixtures/" + name))))
            // Within the first entry's header, between two entries' headers, in the last entry.
            for cut in [60, 12_100, bytes.count - 9] {
                let path = scratch + "/cut-\(cut)-" + name
                try Data(bytes.prefix(cut)).write(to: URL(fileURLWithPath: path))
                #expect(ReportArchive.reports(inArchiveAt: path) == nil, "\(path)")
                #expect(throws: FinParseError.self) { try Document(contentsOf: path) }
                do {
                    _ = try Document(contentsOf: path)
                } catch {
                    #expect(error.code == .malformedArchive)
                    let kind = name.hasSuffix(".7z") ? "7-Zip" : name.hasSuffix(".rar") ? "RAR" : "tar"
                    #expect(error.message.hasPrefix("is not a readable \(kind) archive (truncated or damaged): "), "\(path)")
                }
            }
        }
    }

    /// A tar whose order is not its names' (GNU tar writes a folder's files in the order the
    /// file system keeps them): the reports, asked for in name order, are each read once as
    /// the archive passes them, those not yet asked for kept (16 in memory, the rest in a
    /// temporary file). Each report reads as written, in either order. Before, each report
    /// past those kept was read again from the archive's start: 1,000 generated reports in a
    /// .tar.gz took 60 s against 5.5 s.
    @Test func aTarOutOfNameOrderReadsEachReport() throws {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let texts = (0..<40).map { "第一部分\n收入总计\($0).50万元。\n" + String(repeating: "说明。", count: $0 * 20) }
        var tar: [UInt8] = []
        for (number, text) in texts.enumerated().reversed() {
            tar += Self.ustarHeader(name: String(format: "决算/报告%02d.txt", number), size: text.utf8.count) + Array(text.utf8)
            tar += [UInt8](repeating: 0, count: (512 - text.utf8.count % 512) % 512)
        }
        tar += [UInt8](repeating: 0, count: 1024)
        let path = scratch + "/out-of-order.tar"
        try Data(tar).write(to: URL(fileURLWithPath: path))
        let reports = try #require(ReportArchive.reports(inArchiveAt: path))
        #expect(reports == texts.indices.map { String(format: "\(path)/决算/报告%02d.txt", $0) })
        for (index, report) in zip(reports.indices, reports) + zip(reports.indices, reports).reversed() {
            #expect(try Document(contentsOf: report).amounts.map(\.text) == ["\(index).50万元"])
        }
    }

    /// A POSIX tar header (ustar) of a file.
    private static func ustarHeader(name: String, size: Int) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) { header.replaceSubrange(offset..<(offset + text.utf8.count), with: Array(text.utf8)) }
        put(name, at: 0)
        put("0000644", at: 100)
        put(String(format: "%011o", size), at: 124)
        put("00000000000", at: 136)
        put("0", at: 156)
        put("ustar", at: 257)
        put("00", at: 263)
        put(String(repeating: " ", count: 8), at: 148)
        put(String(format: "%06o", header.reduce(0) { $0 + Int($1) }) + "\u{0} ", at: 148)
        return header
    }

    /// A report compressed alone (as scrapers store pages) reads as the file it holds: the
    /// same document, its `bytes` and `sha256` those of that file. Such a file was refused
    /// as a damaged tar archive, and left out of folders.
    @Test(arguments: ["gz", "bz2", "xz", "zst"])
    func aReportCompressedAloneIsReadAsTheFileItHolds(_ ending: String) throws {
        let path = Corpus.path("archive/fixtures/putuo-caizhengju-2024-juesuan.txt." + ending)
        var document = try Document(contentsOf: path)
        let original = try Document(contentsOf: Corpus.path("tsv/putuo-caizhengju-2024-juesuan.txt"))
        #expect(document.source.path == path)
        #expect(!document.amounts.isEmpty)
        document.source.path = original.source.path
        #expect(document == original)
        #expect(ReportArchive.reads(fileNamed: "决算.TXT." + ending.uppercased()))
        #expect(!ReportArchive.reads(fileNamed: "picture.png." + ending) && !ReportArchive.reads(fileNamed: "report." + ending))
    }

    /// A changed byte, a cut or litter after the data is told, in a report gzipped alone and
    /// in a .tar.gz: libarchive checks no gzip CRC-32, and a .tar.gz whose checksum fails was
    /// read as if whole. zlib now checks it.
    @Test func aDamagedGzipStreamIsToldSo() throws {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let report = try Array(Data(contentsOf: URL(fileURLWithPath: Corpus.path("archive/fixtures/putuo-caizhengju-2024-juesuan.txt.gz"))))
        var flipped = report
        flipped[report.count - 6] ^= 1
        for (name, bytes, reason) in [("crc.txt.gz", flipped, "incorrect data check"),
                                      ("cut.txt.gz", Array(report.dropLast(20)), "it ends before its gzip data does (truncated)"),
                                      ("litter.txt.gz", report + Array("<html>".utf8), "bytes follow its gzip data")] {
            let path = scratch + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(throws: FinParseError(.malformedArchive, path: path, message: "is a compressed file that cannot be unpacked: " + reason)) {
                try Document(contentsOf: path)
            }
        }
        // Padding of zeros after the data, as tape blocks leave, is no damage.
        let padded = scratch + "/padded.txt.gz"
        try Data(report + [UInt8](repeating: 0, count: 512)).write(to: URL(fileURLWithPath: padded))
        #expect(try Document(contentsOf: padded).source.sha256 == Document(contentsOf: Corpus.path("tsv/putuo-caizhengju-2024-juesuan.txt")).source.sha256)
        var corpus = try Array(Data(contentsOf: URL(fileURLWithPath: Corpus.path("archive/fixtures/reports.tar.gz"))))
        corpus[corpus.count - 6] ^= 1
        let tar = scratch + "/corpus.tar.gz"
        try Data(corpus).write(to: URL(fileURLWithPath: tar))
        #expect(ReportArchive.reports(inArchiveAt: tar) == nil)
        #expect(throws: FinParseError(.malformedArchive, path: tar, message:
            "is not a readable tar archive (truncated or damaged): its gzip stream: incorrect data check")) {
            try Document(contentsOf: tar)
        }
    }

    /// 7-Zip's AES (the names sealed, or the data alone), RAR 5's and zip's Deflate64 are
    /// told for what they are; Deflate64 was "damaged zip structure".
    @Test func encryptionAndUnreadPackingAreToldSo() throws {
        let names = Corpus.path("archive/fixtures/encrypted-names.7z")
        #expect(ReportArchive.reports(inArchiveAt: names) == nil)
        #expect(throws: FinParseError(.unsupportedFormat, path: names,
                                      message: "is a 7-Zip archive encrypted with a password: unpack it with the password first")) {
            try Document(contentsOf: names)
        }
        let data = Corpus.path("archive/fixtures/encrypted-data.7z")
        #expect(ReportArchive.reports(inArchiveAt: data) == [data + "/决算.txt"])
        #expect(throws: FinParseError(.unsupportedFormat, path: data + "/决算.txt",
                                      message: "is encrypted in its archive: unpack it with the password first")) {
            try Document(contentsOf: data + "/决算.txt")
        }
        // RAR 5's encryption record, which libarchive 3.6 does not read: it handed over the
        // ciphertext, "not text" (or, packed, "Unsupported block header size").
        let rar = Corpus.path("archive/fixtures/encrypted-member.rar")
        #expect(ReportArchive.reports(inArchiveAt: rar) == [rar + "/决算.txt", rar + "/说明.txt"])
        #expect(throws: FinParseError(.unsupportedFormat, path: rar + "/决算.txt",
                                      message: "is encrypted in its archive: unpack it with the password first")) {
            try Document(contentsOf: rar + "/决算.txt")
        }
        #expect(try Document(contentsOf: rar + "/说明.txt").paragraphs.map(\.text) == ["说明:决算.txt 以密码加密。"])
        // Its headers sealed too (WinRAR's "encrypt file names"): the archive encryption header
        // first, ciphertext after it, the end's header among it. It was "truncated".
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let sealed = scratch + "/sealed-names.rar"
        let header: [UInt8] = [4, 0, 0, 1, 15] + [UInt8](repeating: 0x5A, count: 28)
        try Data(RAR5Headers.signature + [0, 0, 0, 0, UInt8(header.count)] + header + (0..<96).map { UInt8($0 * 37 % 251) })
            .write(to: URL(fileURLWithPath: sealed))
        #expect(throws: FinParseError(.unsupportedFormat, path: sealed,
                                      message: "is a RAR archive encrypted with a password: unpack it with the password first")) {
            try Document(contentsOf: sealed)
        }
        let deflate64 = Corpus.path("archive/fixtures/deflate64-member.zip")
        #expect(throws: FinParseError(.unsupportedFormat, path: deflate64 + "/决算.txt", message:
            "is packed with Deflate64, which finparse does not unpack: pack it again with zip's usual Deflate")) {
            try Document(contentsOf: deflate64 + "/决算.txt")
        }
    }

    @Test func anEncryptedReportIsToldSo() {
        let path = Corpus.path("archive/fixtures/encrypted-member.zip")
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
        #expect(throws: FinParseError(.malformedArchive, path: packed + "/附件.rar",
                                      message: "is not a readable RAR archive (truncated or damaged): its headers cannot be read")) {
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
