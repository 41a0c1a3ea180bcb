import Foundation
import Testing

/// End-to-end tests of `finparse dump`: the real executable, its output and its exit codes.
@Suite("finparse dump")
final class DumpCommandTests {
    /// This test's files. Swift Testing makes an instance of the suite for each test, so the
    /// folder goes when the test is done and runs leave nothing behind in the temporary folder.
    private let scratch = NSTemporaryDirectory() + "finparse-cli-\(UUID().uuidString)"

    deinit { try? FileManager.default.removeItem(atPath: scratch) }

    static let root: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    static let corpusReport = root + "/Corpus/yongzhou-yingji-2021-juesuan.txt"

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// The finparse binary beside the test bundle.
    static var executable: URL {
        Bundle.main.bundleURL.appendingPathComponent("finparse")
    }

    func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Run {
        try run(arguments, stdinBytes: stdin.map { Array($0.utf8) }, environment: environment)
    }

    /// `environment`: variables set, or replaced, in this process's own.
    func run(_ arguments: [String], stdinBytes stdin: [UInt8]?, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        // A run that hangs (a named pipe opened in a folder did) fails its test, not the suite.
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        defer { watchdog.cancel() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        // Read before waiting, so that a large output cannot fill the pipe and block.
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   error: String(decoding: error, as: UTF8.self))
    }

    /// A folder of the corpus report as a.txt, an empty b.txt and the corpus .docx as c.docx.
    func reportsWithAnEmptyFile() throws -> String {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.corpusReport, toPath: folder + "/a.txt")
        try Data().write(to: URL(fileURLWithPath: folder + "/b.txt"))
        try FileManager.default.copyItem(atPath: Self.root + "/Corpus/docx/yongzhou-yingji-2021-juesuan.docx",
                                         toPath: folder + "/c.docx")
        return folder
    }

    func temporaryFolder() throws -> String {
        let path = scratch + "/\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func dumpsTheCorpusReport() throws {
        let result = try run(["dump", Self.corpusReport])
        #expect(result.status == 0)
        #expect(result.error.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "finparse/1")
        let report = try #require(json["report"] as? [String: Any])
        #expect(report["department"] as? String == "永州市应急管理局")
        #expect(report["year"] as? Int == 2021)
        #expect(report["kind"] as? String == "决算")
        let source = try #require(json["source"] as? [String: Any])
        #expect(source["encoding"] as? String == "UTF-8")
        #expect(source["format"] as? String == "text")
    }

    @Test func outputIsDeterministic() throws {
        let first = try run(["dump", Self.corpusReport])
        let second = try run(["dump", Self.corpusReport])
        #expect(first.output == second.output)
        #expect(!first.output.contains("e+"), "no floating-point numbers")
    }

    @Test(arguments: [
        ("", "empty", "is empty"),
        ("binary", "not-text", "is not text"),
    ])
    func badInputGivesOneErrorLine(content: String, code: String, message: String) throws {
        let folder = try temporaryFolder()
        let path = folder + "/report.txt"
        var bytes = Data(content.utf8)
        if content == "binary" { bytes = Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 * 31 + 7) }) }
        try bytes.write(to: URL(fileURLWithPath: path))
        let result = try run(["dump", path])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("finparse: \(path): \(message)"))
        #expect(result.error.hasSuffix("\n"))
        #expect(result.error.split(separator: "\n").count == 1)
    }

    @Test func missingFileAndDirectory() throws {
        let missing = try run(["dump", "/no/such/report.txt"])
        #expect(missing.status == 1)
        #expect(missing.error == "finparse: /no/such/report.txt: no such file\n")
    }

    @Test func batchKeepsGoingAndKeepsOrder() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.corpusReport, toPath: folder + "/b.txt")
        try FileManager.default.copyItem(atPath: Self.corpusReport, toPath: folder + "/sub-a.txt")
        try Data().write(to: URL(fileURLWithPath: folder + "/a-empty.txt"))
        try Data("ignored".utf8).write(to: URL(fileURLWithPath: folder + "/notes.md"))
        let one = try run(["dump", "--jobs", "1", folder])
        let two = try run(["dump", "--jobs", "2", folder])
        #expect(one.status == 1)
        #expect(one.output == two.output, "output is the same whatever the number of jobs")
        let lines = one.output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].contains("\"code\":\"empty\""))
        #expect(lines[1].contains("\(folder)/b.txt"))
        #expect(lines[2].contains("\(folder)/sub-a.txt"))
    }

    /// A folder search takes web archives (.mht, .mhtml), which it passed over, and still not
    /// .xml files, which may be anything: Word's XML is read when named.
    @Test func aFolderSearchTakesWebArchives() throws {
        let folder = try temporaryFolder()
        let archive = Self.root + "/Corpus/mht/putuo-caizhengju-2024-juesuan.mht"
        try FileManager.default.copyItem(atPath: archive, toPath: folder + "/a.mht")
        try FileManager.default.copyItem(atPath: archive, toPath: folder + "/b.mhtml")
        try FileManager.default.copyItem(atPath: Self.root + "/Corpus/wordxml/yongzhou-yingji-2021-juesuan.package.xml",
                                         toPath: folder + "/c.xml")
        let result = try run(["dump", "--jobs", "1", folder])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("\"format\":\"html\"") })
        #expect(lines.last?.contains("\(folder)/b.mhtml") == true)
    }

    /// A folder search takes Excel workbooks (.xlsx, .xls), which were refused when named
    /// and passed over in folders, and WPS Office's .wps and .et (the .doc and .xls formats
    /// under its names, as seven real .wps WPS wrote are), which it passed over.
    @Test func aFolderSearchTakesWorkbooks() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.root + "/Corpus/xlsx/putuo-sifaju-2026-yusuan.xlsx", toPath: folder + "/a.xlsx")
        try FileManager.default.copyItem(atPath: Self.root + "/Corpus/xls/putuo-sifaju-2026-yusuan.xls", toPath: folder + "/b.xls")
        try FileManager.default.copyItem(atPath: Self.root + "/Corpus/docx/yongzhou-yingji-2021-juesuan.docx", toPath: folder + "/c.docx")
        try FileManager.default.copyItem(atPath: Self.root + "/Corpus/xls/putuo-sifaju-2026-yusuan.xls", toPath: folder + "/d.et")
        try FileManager.default.copyItem(atPath: Self.root + "/Corpus/doc/putuo-caizhengju-2024-juesuan.doc", toPath: folder + "/e.wps")
        let result = try run(["dump", "--jobs", "2", folder])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        try #require(lines.count == 5)
        #expect(lines[3].contains("\"format\":\"xls\"") && lines[4].contains("\"format\":\"doc\""))
        #expect(lines[0].contains("\"format\":\"xlsx\"") && lines[0].contains("\"department\":\"上海市普陀区司法局\""))
        #expect(lines[1].contains("\"format\":\"xls\"") && lines[1].contains("\"department\":\"上海市普陀区司法局\""))
        #expect(lines[2].contains("\"format\":\"docx\""))
    }

    /// Files named in GBK (a Windows archive unzipped on Linux) are found in a folder and
    /// read, their names written with their bytes; they were "no such file".
    @Test func filesNamedInGBKAreFoundAndRead() throws {
        let folder = try temporaryFolder()
        let gbk: [UInt8] = [0xB2, 0xBF, 0xC3, 0xC5, 0xBE, 0xF6, 0xCB, 0xE3]  // 部门决算
        let report = try #require(FileManager.default.contents(atPath: Self.corpusReport))
        for name in [gbk + Array(".txt".utf8), gbk + Array("/a.txt".utf8)] {
            let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name
            if name.contains(UInt8(ascii: "/")) { #expect(mkdir(cName(path.prefix(folder.utf8.count + 9)), 0o755) == 0) }
            let fd = open(cName(path[...]), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            try #require(fd >= 0)
            _ = report.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            close(fd)
        }
        let written = "\\xB2\\xBF\\xC3ž\\xF6\\xCB\\xE3"
        let result = try run(["dump", folder])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n")
        try #require(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("收入总计") })
        #expect(lines[1].contains("\"path\":\"\(folder)/\(written.replacingOccurrences(of: "\\", with: "\\\\"))/a.txt\""))
        // The same names listed on standard input, as raw bytes.
        let listed = try run(["dump", "--files-from", "-"], stdinBytes: Array(folder.utf8) + [UInt8(ascii: "/")] + gbk + Array(".txt\n".utf8))
        #expect(listed.status == 0)
        #expect(listed.output.contains("收入总计"))
    }

    /// A folder that cannot be listed is reported on its line; the rest of the folder it is
    /// in is read (all of it was left out, in silence, with exit status 0). Root lists every
    /// folder, so this runs for other users only (checked by hand as nobody: see the commit).
    @Test(.enabled(if: getuid() != 0, "root may list every folder"))
    func aFolderThatCannotBeListedIsReported() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/locked", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.corpusReport, toPath: folder + "/locked/a.txt")
        try FileManager.default.copyItem(atPath: Self.corpusReport, toPath: folder + "/b.txt")
        #expect(chmod(folder + "/locked", 0) == 0)
        defer { _ = chmod(folder + "/locked", 0o755) }
        let result = try run(["dump", folder])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n")
        try #require(lines.count == 2)
        #expect(lines[0].contains("收入总计"))
        #expect(lines[1].hasPrefix("{\"error\":{\"code\":\"unreadable\",\"message\":\"\(folder)/locked: cannot be read: Permission denied\""))
    }

    private func cName(_ bytes: ArraySlice<UInt8>) -> [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    /// A folder's .doc files are read by what they hold (HTML, a .docx, a Word 97–2003
    /// document) or reported (a damaged one); they were left out in silence. Other programs' files beside them, and
    /// named pipes, are left out. `-` reads a report from standard input.
    @Test func docFilesInAFolderAreReadOrReported() throws {
        let folder = try temporaryFolder()
        let corpus = Self.root + "/Corpus/"
        try FileManager.default.copyItem(atPath: corpus + "docx/yongzhou-yingji-2021-juesuan.docx", toPath: folder + "/a-docx.doc")
        try FileManager.default.copyItem(atPath: corpus + "doc/putuo-caizhengju-2024-juesuan.doc", toPath: folder + "/b-binary.doc")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504))
            .write(to: URL(fileURLWithPath: folder + "/b-damaged.doc"))
        // What a Mac's zip and Word leave beside reports is left out, and so is a named pipe,
        // which no program writes to: opened, it would stop the batch for good.
        #expect(mkfifo(folder + "/c-pipe.txt", 0o644) == 0)
        // A link to nothing is a report that went missing: reported.
        #expect(symlink(folder + "/gone.txt", folder + "/d-link.txt") == 0)
        try FileManager.default.createDirectory(atPath: folder + "/__MACOSX", withIntermediateDirectories: true)
        for litter in ["__MACOSX/._a-docx.doc", "._a-docx.doc", "~$a-docx.doc"] {
            try Data([0, 5, 22, 7, 0, 2, 0, 0]).write(to: URL(fileURLWithPath: folder + "/" + litter))
        }
        let result = try run(["dump", folder])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n")
        try #require(lines.count == 4)
        #expect(lines[0].contains("收入总计"))
        #expect(lines[1].contains("\"format\":\"doc\"") && lines[1].contains("一般公共预算财政拨款"))
        #expect(lines[2].hasPrefix("{\"error\":{\"code\":\"malformed-doc\",\"message\":\"\(folder)/b-damaged.doc: is not a readable OLE compound file"))
        #expect(lines[3].hasPrefix("{\"error\":{\"code\":\"file-not-found\",\"message\":\"\(folder)/d-link.txt: no such file"))

        let piped = try run(["dump", "-"], stdinBytes: Array(try Data(contentsOf: URL(fileURLWithPath: corpus + "docx/yongzhou-yingji-2021-juesuan.docx"))))
        #expect(piped.status == 0)
        #expect(piped.output.contains("\"format\":\"docx\""))
        #expect(piped.output.contains("收入总计"))
        let twice = try run(["dump", "-", "--files-from", "-"])
        #expect(twice.status == 64)
        #expect(twice.error.contains("standard input can be read once"))
    }

    /// A folder without a report (mistyped, or of spreadsheets) is said to be one; the run
    /// ended without a word.
    @Test func aFolderWithoutReportsIsSaidToBeOne() throws {
        let folder = try temporaryFolder()
        try Data("a,b".utf8).write(to: URL(fileURLWithPath: folder + "/table.csv"))
        let result = try run(["dump", folder])
        #expect(result.status == 0)
        #expect(result.output.isEmpty)
        #expect(result.error == "finparse: \(folder): no reports in it (.txt, .docx, .doc, .wps, .rtf, .xlsx, .xls, .et, .pdf, .ofd, .html, .htm, .mht or .mhtml files, or archives of them, at any depth)\n")
    }

    /// A zip archive, named or in a folder, is read as a folder is: its reports in the order
    /// of their names, each on its line under its path in the archive, a damaged one failing
    /// alone; the same bytes on one job and two. An archive without reports gets its line,
    /// and so does a damaged RAR archive; a 7-Zip archive is read as the zip is, an OFD as the
    /// report it is. Zip archives were refused as "not a Word document", RAR and 7-Zip ones as
    /// not opened, OFD documents as not read.
    @Test func anArchiveIsReadAsAFolderIs() throws {
        let fixture = Self.root + "/Corpus/archive/fixtures/reports-gbk-names.zip"
        let named = try run(["dump", fixture])
        #expect(named.status == 1)
        let lines = named.output.split(separator: "\n")
        try #require(lines.count == 4)
        let inside = fixture + "/2024年部门决算/"
        for (line, name) in zip(lines, ["财政局2024年度部门决算.docx", "附件/三公经费支出决算表.docx", "附件/损坏的决算表.docx",
                                        "附件/预算.zip/司法局2026年预算.xls"]) {
            #expect(line.contains("\"path\":\"\(inside + name)\""))
        }
        #expect(lines[0].contains("\"department\":\"上海市普陀区财政局\""))
        #expect(lines[2].hasPrefix("{\"error\":{\"code\":\"not-docx\""))
        #expect(lines[3].contains("\"format\":\"xls\""))
        #expect(named.error == "finparse: \(inside)附件/损坏的决算表.docx: is not a readable zip package (truncated or damaged): no zip central directory could be read\n")

        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: fixture, toPath: folder + "/a.ZIP")
        try FileManager.default.copyItem(atPath: Self.corpusReport, toPath: folder + "/b.txt")
        try Data(Array("PK\u{05}\u{06}".utf8) + Array(repeating: 0, count: 18)).write(to: URL(fileURLWithPath: folder + "/c.zip"))
        try Data(Array("PK\u{03}\u{04}".utf8)).write(to: URL(fileURLWithPath: folder + "/d.zip"))
        try Data(Array("Rar!\u{1A}\u{07}\u{01}\u{00}".utf8)).write(to: URL(fileURLWithPath: folder + "/e.rar"))
        try FileManager.default.copyItem(atPath: Self.root + "/Corpus/archive/fixtures/reports.7z", toPath: folder + "/f.7z")
        try FileManager.default.copyItem(atPath: Self.root + "/Corpus/ofd/putuo-caizhengju-2024-juesuan.ofd", toPath: folder + "/g.ofd")
        let one = try run(["dump", "-q", "-j", "1", folder])
        let two = try run(["dump", "-q", "-j", "2", folder])
        #expect(one.status == 1 && two.status == 1)
        #expect(one.output == two.output)
        let folderLines = one.output.split(separator: "\n")
        try #require(folderLines.count == 13)
        #expect(folderLines[0].contains("\"path\":\"\(folder)/a.ZIP/2024年部门决算/财政局2024年度部门决算.docx\""))
        #expect(folderLines[4].contains("收入总计"))
        #expect(folderLines[5].hasPrefix("{\"error\":{\"code\":\"archive\",\"message\":\"\(folder)/c.zip: is a zip archive without a report in it"))
        #expect(folderLines[6].hasPrefix("{\"error\":{\"code\":\"malformed-archive\",\"message\":\"\(folder)/d.zip: is not a readable zip archive (truncated or damaged)"))
        #expect(folderLines[7].hasPrefix("{\"error\":{\"code\":\"malformed-archive\",\"message\":\"\(folder)/e.rar: is not a readable RAR archive"))
        // A 7-Zip archive's reports, each under its path in it.
        #expect(folderLines[8].contains("\"path\":\"\(folder)/f.7z/2024年部门决算/应急管理局2021年度部门决算.txt\""))
        #expect(folderLines[11].contains("\"path\":\"\(folder)/f.7z/2024年部门决算/附件/预算.zip/司法局2026年预算.xls\""))
        // An OFD document is a report of its own (before, a line saying it was not read).
        #expect(folderLines[12].contains("\"format\":\"ofd\"") && folderLines[12].contains("\"path\":\"\(folder)/g.ofd\""))
    }

    /// Without libarchive (here: FINPARSE_LIBARCHIVE naming no library), a RAR or 7-Zip
    /// archive, or a report compressed by xz, gets a line saying what to install, and the
    /// batch goes on; a gzipped report needs no libarchive (zlib inflates it).
    @Test func anArchiveWithoutLibarchiveSaysWhatToInstall() throws {
        let archive = Self.root + "/Corpus/archive/fixtures/reports.7z"
        let compressed = Self.root + "/Corpus/archive/fixtures/putuo-caizhengju-2024-juesuan.txt"
        let result = try run(["dump", "-q", archive, compressed + ".xz", compressed + ".gz", Self.corpusReport],
                             environment: ["FINPARSE_LIBARCHIVE": "/no/such/libarchive.so"])
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n")
        try #require(lines.count == 4)
        let missing = "reading RAR, 7-Zip and tar archives and bzip2, xz or zstd files needs libarchive, which is not installed (apt-get install libarchive13)\""
        #expect(lines[0].hasPrefix("{\"error\":{\"code\":\"missing-tool\",\"message\":\"\(archive): is a 7-Zip archive: " + missing))
        #expect(lines[1].hasPrefix("{\"error\":{\"code\":\"missing-tool\",\"message\":\"\(compressed).xz: is a compressed file that cannot be unpacked: "
            + missing))
        #expect(lines[2].contains("\"format\":\"text\"") && lines[2].contains("收入"))
        #expect(lines[3].contains("收入总计"))
    }

    @Test func filesFromStandardInput() throws {
        let result = try run(["dump", "--files-from", "-"], stdin: Self.corpusReport + "\n/no/such.txt\n")
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains("file-not-found"))
    }

    /// A list named by a path that is a pipe, as `--files-from <(find …)` gives it: read to
    /// its end (it was refused as unreadable, having no size).
    @Test func filesFromAPipeNamedByItsPath() throws {
        let result = try run(["dump", "--files-from", "/dev/stdin"], stdin: Self.corpusReport + "\n")
        #expect(result.status == 0)
        #expect(result.output.split(separator: "\n").count == 1)
        #expect(try run(["dump", "--files-from", "/no/such/list"]).error.contains("cannot read /no/such/list: No such file"))
    }

    @Test func csvNeedsATable() throws {
        let result = try run(["dump", "--format", "csv", Self.corpusReport])
        #expect(result.status == 64)
        #expect(result.error.contains("--table indicators, figures, cells, diagnostics or reports"))
    }

    @Test func csvHasAHeader() throws {
        let result = try run(["dump", "--format", "csv", "--table", "figures", Self.corpusReport])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("source,kind,text,value,unit,yuan,comparator,label,change,change_of,subject,line,table,row,col\n"))
    }

    /// `--bom` puts the UTF-8 mark once, before the header, and changes no other byte;
    /// without it there is none, and JSON takes no mark.
    @Test func csvForExcelStartsWithAByteOrderMark() throws {
        let plain = try run(["dump", "--format", "csv", "--table", "figures", Self.corpusReport, Self.corpusReport])
        let marked = try run(["dump", "--format", "csv", "--table", "figures", "--bom", Self.corpusReport, Self.corpusReport])
        #expect(plain.status == 0 && marked.status == 0)
        #expect(!plain.output.hasPrefix("\u{FEFF}"))
        #expect(marked.output == "\u{FEFF}" + plain.output)
        #expect(marked.output.filter { $0 == "\u{FEFF}" }.count == 1)
        let json = try run(["dump", "--bom", Self.corpusReport])
        #expect(json.status == 64)
        #expect(json.error.contains("--bom goes with --format csv"))
    }

    /// Figure rows come line by line (a line's amounts first), as many as the JSON's
    /// figures; in a batch a broken file is left out, named on stderr, and the rest kept.
    @Test func csvFiguresInLineOrderAndBatchesGoOn() throws {
        let docx = Self.root + "/Corpus/docx/yongzhou-yingji-2021-juesuan.docx"
        let json = try run(["dump", docx])
        let document = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as! [String: Any]
        let figureCount = (document["amounts"] as! [Any]).count + (document["percents"] as! [Any]).count
        let alone = try run(["dump", "--format", "csv", "--table", "figures", docx])
        #expect(alone.status == 0)
        // No field of this report's figures holds a comma or a line break.
        let lines = alone.output.split(separator: "\n")
        let line = try #require(lines.first?.split(separator: ",").firstIndex(of: "line"))
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.count == figureCount)
        let order = try rows.map { (try #require(Int($0[line])), $0[1] == "amount" ? 0 : 1) }
        #expect(order.elementsEqual(order.sorted(by: <), by: ==))

        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: docx, toPath: folder + "/a.docx")
        try Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).write(to: URL(fileURLWithPath: folder + "/b.docx"))
        try FileManager.default.copyItem(atPath: docx, toPath: folder + "/c.docx")
        for jobs in ["1", "2"] {
            let batch = try run(["dump", "--jobs", jobs, "--format", "csv", "--table", "figures", folder])
            #expect(batch.status == 1)
            #expect(batch.error.contains("\(folder)/b.docx"))
            let lines = batch.output.split(separator: "\n")
            #expect(lines.count == 1 + 2 * figureCount)
            #expect(lines.dropFirst().prefix(figureCount).allSatisfy { $0.hasPrefix("\(folder)/a.docx,") })
            #expect(lines.suffix(figureCount).allSatisfy { $0.hasPrefix("\(folder)/c.docx,") })
        }
    }

    /// The reports table: a row per input in input order, a failed file's with its error,
    /// the same bytes on one job and on two.
    @Test func csvReportsHasARowPerInput() throws {
        let folder = try reportsWithAnEmptyFile()
        let runs = try ["1", "2"].map { try run(["dump", "--jobs", $0, "--format", "csv", "--table", "reports", folder]) }
        #expect(runs[0].output == runs[1].output)
        #expect(runs[0].status == 1)
        let lines = runs[0].output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(lines.count == 4)
        #expect(lines[0].first == "source" && lines[0].count == 17)
        #expect(lines.dropFirst().map { $0[0] } == ["\(folder)/a.txt", "\(folder)/b.txt", "\(folder)/c.docx"])
        #expect(lines[1][1] == "text" && lines[1][6] == "永州市应急管理局" && lines[1][7] == "2021" && lines[1][15] == "")
        #expect(lines[2].suffix(2) == ["empty", "is empty"])
        #expect(lines[3][1] == "docx" && lines[3][2] == "" && lines[3][6...14] == lines[1][6...14])
    }

    /// Several tables in one pass: each file in the --output folder is what the table
    /// printed alone gives, byte for byte, with a failed file's rows in the tables that have
    /// them; one report as a batch does.
    @Test func severalTablesInOnePassAreTheTablesPrintedAlone() throws {
        let folder = try reportsWithAnEmptyFile()
        let names = ["indicators", "figures", "cells", "diagnostics", "reports"]
        for (inputs, status) in [([folder], Int32(1)), ([folder + "/a.txt"], Int32(0))] {
            let alone = try names.map { try run(["dump", "-j", "2", "--format", "csv", "--table", $0] + inputs) }
            #expect(alone.allSatisfy { $0.status == status })
            for (jobs, tables) in [("1", ["--table", "all"]), ("2", ["--table", "reports,figures", "--table", "indicators,cells,diagnostics"])] {
                let out = try temporaryFolder() + "/tables"
                let together = try run(["dump", "-j", jobs, "--format", "csv"] + tables + ["-o", out] + inputs)
                #expect(together.status == status && together.output.isEmpty)
                for (name, run) in zip(names, alone) {
                    let written = try String(contentsOfFile: out + "/" + name + ".csv", encoding: .utf8)
                    #expect(written == run.output, "\(name).csv, -j \(jobs), \(inputs.count == 1 ? "one report" : "a folder")")
                    #expect(written.split(separator: "\n").count > 1)
                }
            }
        }
        let unnamed = try run(["dump", "--format", "csv", "--table", "figures,reports", folder])
        #expect(unnamed.status == 64 && unnamed.error.contains("give the folder with --output"))
        let misnamed = try run(["dump", "--format", "csv", "--table", "figures,amounts", "-o", folder + "/x", folder])
        #expect(misnamed.status == 64 && misnamed.error.contains("no CSV table is named 'amounts'"))
    }

    /// A PDF that pdftotext never finishes (here a stand-in that sleeps) is stopped at the
    /// limit and reported as timed out; the batch goes on.
    @Test func aPDFThatPdftotextNeverFinishesIsStopped() throws {
        let tools = try temporaryFolder()
        try "#!/bin/sh\nexec sleep 600\n".write(toFile: tools + "/pdftotext", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tools + "/pdftotext")
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.root + "/Corpus/pdf/putuo-caizhengju-2024-juesuan.pdf", toPath: folder + "/a.pdf")
        try FileManager.default.copyItem(atPath: Self.corpusReport, toPath: folder + "/b.txt")
        let started = Date()
        let batch = try run(["dump", "-j", "1", folder], environment: [
            "PATH": tools + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"),
            "FINPARSE_PDFTOTEXT_TIMEOUT": "1",
        ])
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(batch.status == 1)
        let lines = batch.output.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 2)
        let error = lines[0]["error"] as? [String: Any]
        #expect(error?["code"] as? String == "timed-out")
        #expect((error?["message"] as? String)?.hasSuffix("a.pdf: pdftotext did not finish in 1 s and was stopped (FINPARSE_PDFTOTEXT_TIMEOUT sets the limit, in seconds)") == true)
        #expect(lines[1]["error"] == nil && (lines[1]["amounts"] as? [Any])?.isEmpty == false)
    }

    /// The diagnostics table: the JSON's diagnostics, file by file, and a row for each
    /// file that could not be read, so that a CSV alone says which reports are missing.
    @Test func csvDiagnosticsNameTheFilesThatFailed() throws {
        let json = try run(["dump", Self.corpusReport])
        let document = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as! [String: Any]
        let diagnostics = document["diagnostics"] as! [[String: Any]]
        #expect(!diagnostics.isEmpty)
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(atPath: Self.corpusReport, toPath: folder + "/a.txt")
        try Data().write(to: URL(fileURLWithPath: folder + "/b.txt"))
        try FileManager.default.copyItem(atPath: Self.corpusReport, toPath: folder + "/c.txt")
        for jobs in ["1", "2"] {
            let batch = try run(["dump", "--jobs", jobs, "--format", "csv", "--table", "diagnostics", folder])
            #expect(batch.status == 1)
            let lines = batch.output.split(separator: "\n")
            #expect(lines.first == "source,severity,code,message,line")
            #expect(lines.count == 2 + 2 * diagnostics.count)
            let first = diagnostics[0]
            #expect(lines[1].hasPrefix("\(folder)/a.txt,\(first["severity"]!),\(first["code"]!),"))
            #expect(lines[1].hasSuffix(",\(first["line"]!)"))
            #expect(lines[1 + diagnostics.count] == "\(folder)/b.txt,error,empty,is empty,")
            #expect(lines.last!.hasPrefix("\(folder)/c.txt,"))
        }
    }
}
