import FoundationEssentials
import Testing
@testable import FinParse

/// Word 97–2003 documents (.doc): the corpus reports saved as .doc by LibreOffice, and
/// damaged or foreign compound files made from them.
@Suite("Word 97–2003 input")
struct DocTests {
    /// Each corpus report as .doc reads as its .docx: the same paragraphs and lines, tables
    /// with their merged cells, 自评表s, figures, outline and findings.
    @Test(arguments: ["yongzhou-yingji-2021-juesuan", "putuo-caizhengju-2024-juesuan"])
    func aDocReadsAsItsDocx(name: String) throws {
        var doc = try Document(contentsOf: Corpus.path("doc/\(name).doc"))
        let docx = try Document(contentsOf: Corpus.path("docx/\(name).docx"))
        #expect(doc.source.format == .doc)
        // The 永州 report's 自评表s merge cells down their rows, both reports' tables across columns.
        #expect(doc.tables.contains { $0.cells.contains { $0.rowSpan > 1 } } == name.hasPrefix("yongzhou"))
        #expect(doc.tables.contains { $0.cells.contains { $0.columnSpan > 1 } })
        #expect(doc.paragraphs.count == docx.paragraphs.count)
        #expect(doc.tables == docx.tables)
        doc.source = docx.source
        #expect(doc == docx)
    }

    /// Word's automatic numbering (the list tables, each paragraph's list or its style's) is
    /// rendered into the text, and the heading styles' outline levels reach the outline, as
    /// from the .docx the .doc was saved from.
    @Test func automaticNumberingAndHeadingStylesReadAsInTheDocx() throws {
        var doc = try Document(contentsOf: Corpus.path("doc/fixtures/numbering.doc"))
        let docx = try Document(contentsOf: Corpus.path("docx/fixtures/numbering.docx"))
        #expect(doc.paragraphs.map(\.text).prefix(3) == ["一、收入支出决算总体情况说明", "(一)收入总计2553.52万元。", "(二)支出总计2553.52万元。"])
        #expect(doc.paragraphs.map(\.text).suffix(5) == ["一、另一个列表", "①甲项", "②乙项", "部门概况", "机构设置"])
        doc.source = docx.source
        #expect(doc == docx)
    }

    /// A symbol inserted from a symbol font (stored at F000 + its code, the font in the run's
    /// properties) reads as a .docx's w:sym: the Symbol font's ≥ as ≥, Wingdings' ✓ as its code.
    @Test func symbolFontCharactersReadAsInADocx() throws {
        let document = try Document(contentsOf: Corpus.path("doc/fixtures/symbols.doc"))
        #expect(document.paragraphs.map(\.text) == ["满意度≥95%", "完成率ü"])
        #expect(document.percents.map(\.comparator) == [.greaterOrEqual])
    }

    /// A section's end (0x0C in the place of its last paragraph's mark) ends that paragraph;
    /// a page break inside a paragraph is layout and joins nothing apart, as in a .docx.
    @Test func sectionEndsEndParagraphsAndPageBreaksDoNot() throws {
        let document = try Document(contentsOf: Corpus.path("doc/fixtures/breaks.doc"))
        #expect(document.paragraphs.map(\.text) == ["第一部分 概况", "分页前分页后", "新页的段落", "节末段落", "第二部分 表格",
                                                     "横向节末", "第三部分 说明"])
        #expect(document.paragraphs.map(\.line) == Array(1...7))
    }

    /// A table nested in a cell (its cells and rows ended by paragraph marks that say so)
    /// is one of that cell's tables, as in a .docx; it had been read as lines of the cell.
    @Test func aNestedTableIsItsCellsTable() throws {
        let document = try Document(contentsOf: Corpus.path("doc/fixtures/nested-table.doc"))
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1)
        #expect(table.cells.map(\.text) == ["项目名称", "应急管理", "绩效指标", "", "合计", "100"])
        let cell = try #require(table.cells.first { !$0.tables.isEmpty })
        #expect(cell.row == 1 && cell.column == 1)
        #expect(cell.tables.map { $0.cells.map(\.text) } == [["指标", "分值", "满意度", "10"]])
        #expect(cell.tables.first?.rows == 2)
    }

    /// A text box's paragraphs (a story of their own in a .doc) are read where the box is
    /// anchored, as a .docx's are: the cover's department and title, a note in a cell.
    @Test func textBoxesAreReadWhereTheyAreAnchored() throws {
        let document = try Document(contentsOf: Corpus.path("doc/fixtures/text-boxes.doc"))
        #expect(document.paragraphs.map(\.text) == ["永州市应急管理局", "2021年度部门决算", "目录", "第一部分 部门概况",
                                                     "收入总计2553.52万元。", "完。"])
        #expect(document.paragraphs.map(\.line) == [1, 2, 4, 5, 6, 12])
        #expect(document.report.department == "永州市应急管理局" && document.report.year == 2021)
        #expect(document.tables.first?.cells.map(\.text) == ["项目", "金额", "合计", "框内说明\n备注"])
    }

    /// Text whose deletion Word tracks is left out, as in a .docx (changes read as accepted).
    @Test func trackedDeletionsAreLeftOut() throws {
        let document = try Document(contentsOf: Corpus.path("doc/fixtures/tracked-changes.doc"))
        let table = try #require(document.tables.first)
        #expect(table.cells.map(\.text).prefix(2) == ["保留", "实际96%"])
        #expect(document.percents.map(\.value) == [96])
    }

    /// A worksheet or document embedded as an object (an EMBED field, its workbook in the
    /// .doc's ObjectPool) is not read in a .doc; a warning says so, where its table was
    /// missing without a word. The fixture's TOC field made an EMBED field in place.
    @Test func anEmbeddedWorksheetIsSaidNotToBeRead() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Corpus.path("doc/fixtures/table-of-contents.doc"))))
        let toc = Array(" TOC \\z \\o \"1-3\" \\u \\h".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let at = try #require((0..<bytes.count - toc.count).first { Array(bytes[$0..<$0 + toc.count]) == toc })
        let embed = Array(" EMBED Excel.Sheet.8  ".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try #require(embed.count == toc.count)
        bytes.replaceSubrange(at..<at + toc.count, with: embed)
        let document = try Document(bytes: bytes, path: "embedded.doc")
        #expect(document.diagnostics.filter { $0.code == "embedded-part-not-read" }.map(\.message) == ["""
            the document embeds 1 Excel worksheet or Word document as object that finparse does not read (a .doc's objects \
            are not read: saved as a .docx, its worksheets are): its tables and text are missing
            """])
    }

    private func error(_ bytes: [UInt8]) -> FinParseError? {
        do { _ = try Document(bytes: bytes, path: "bad.doc"); return nil } catch { return error }
    }

    private static let report = Corpus.path("doc/yongzhou-yingji-2021-juesuan.doc")

    /// The report's bytes with the directory entry of its WordDocument stream renamed, and
    /// the offset of that stream (its first sector) in the file.
    private func renamed(_ name: String) throws -> (bytes: [UInt8], entry: Int, stream: Int) {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.report)))
        let old = Array("WordDocument".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let entry = try #require((0..<bytes.count - old.count).first { Array(bytes[$0..<$0 + old.count]) == old })
        let units = Array(name.utf16)
        for k in 0..<32 { (bytes[entry + 2 * k], bytes[entry + 2 * k + 1]) = k < units.count ? (UInt8(units[k] & 0xFF), UInt8(units[k] >> 8)) : (0, 0) }
        bytes[entry + 0x40] = UInt8(2 * units.count + 2)
        let sector = Int(bytes[entry + 0x74]) | Int(bytes[entry + 0x75]) << 8 | Int(bytes[entry + 0x76]) << 16
        return (bytes, entry, (sector + 1) * 512)
    }

    @Test func damagedAndForeignCompoundFilesAreRefusedSayingWhy() throws {
        let truncated = Array(try Data(contentsOf: URL(fileURLWithPath: Corpus.path("doc/fixtures/truncated.doc"))))
        let cut = try #require(error(truncated))
        #expect(cut.code == .malformedDoc)
        #expect(cut.message == "is not a readable OLE compound file (truncated or damaged): sector 128 lies beyond the file's 65536 bytes (truncated?)")

        // A Word document's stream under an .xls's name: read as a workbook, and found damaged.
        let workbook = try #require(error(try renamed("Workbook").bytes))
        #expect(workbook.code == .malformedXls)
        #expect(workbook.message == "is an Excel 97–2003 workbook (.xls) whose workbook stream does not begin with a BOF record (damaged)")
        // Excel 5.0/95's stream, Book, is refused by its BOF record's version; BIFF8 in a
        // stream so named (calamine's capitalized_wbook_stream.xls) is read as any .xls.
        var (book, _, bookStream) = try renamed("BOOK")
        let oldBOF: [UInt8] = [0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00]
        book.replaceSubrange(bookStream..<bookStream + oldBOF.count, with: oldBOF)
        let old = try #require(error(book))
        #expect(old.code == .unsupportedFormat && old.message == "is an Excel 5.0/95 workbook (BIFF5), which finparse does not read; save it as .xlsx")
        let damaged = try #require(error(try renamed("Book").bytes))
        #expect(damaged.code == .malformedXls && damaged.message.hasSuffix("whose workbook stream does not begin with a BOF record (damaged)"))

        let sealed = try #require(error(try renamed("EncryptedPackage").bytes))
        #expect(sealed.code == .unsupportedFormat)
        #expect(sealed.message.hasPrefix("is a password-protected Office file"))

        var (bytes, _, stream) = try renamed("WordDocument")
        #expect(error(bytes) == nil)
        bytes[stream + 0x0B] |= 0x01  // fEncrypted
        #expect(error(bytes)?.message == "is encrypted (password-protected); save it as a .docx in Word")
        bytes[stream + 0x0B] &= ~0x01
        let word97 = Array(bytes[stream..<stream + 4])
        // Word 6 and 95 (as Apache POI's test files Word6.doc and Word95.doc begin): refused
        // as what they are, where they were called damaged.
        bytes.replaceSubrange(stream..<stream + 4, with: [0xDC, 0xA5, 0x65, 0])
        #expect(error(bytes)?.code == .unsupportedFormat)
        #expect(error(bytes)?.message == "is a Word 6 or Word 95 document (file format 101); save it as a .docx in Word")
        bytes.replaceSubrange(stream..<stream + 4, with: [0, 0] + word97[2...])  // no Word magic
        #expect(error(bytes)?.code == .malformedDoc)

        // Word for Windows 2.0 wrote no compound file: it was read as text, not-text.
        let word2 = try #require(error([0xDB, 0xA5, 0x2D, 0x00] + Array(repeating: 0, count: 380)))
        #expect(word2.code == .unsupportedFormat)
        #expect(word2.message == "is a Word for Windows 2.0 document, which finparse does not read; save it as a .docx")
    }

    /// A compound file's names are compared regardless of case: some writers name Word's
    /// streams worddocument and 1table (Apache POI's 47950_lower.doc), which was called no
    /// Word document.
    @Test func streamNamesInAnyCaseAreFound() throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Self.report)))
        for name in ["WordDocument", "1Table", "Data"] {
            let utf16 = Array(name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            let lower = Array(name.lowercased().utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            let at = try #require((0..<bytes.count - utf16.count).first { Array(bytes[$0..<$0 + utf16.count]) == utf16 })
            bytes.replaceSubrange(at..<at + utf16.count, with: lower)
        }
        var lowered = try Document(bytes: bytes, path: Self.report)
        let document = try Document(contentsOf: Self.report)
        lowered.source = document.source
        #expect(lowered == document)
    }
}
