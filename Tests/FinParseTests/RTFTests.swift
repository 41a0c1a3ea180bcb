import FoundationEssentials
import Testing
@testable import FinParse

/// RTF documents (Word's, WPS Office's, LibreOffice's, and those report systems write under a
/// .doc name), read as Word documents are. Before 2026-12-06, night, an RTF file was refused
/// (`unsupported-format`: "is an RTF document, which finparse does not read").
@Suite("RTF input")
struct RTFTests {
    /// The corpus .docx saved as RTF by LibreOffice (Chinese as \uN), and the 永州 one with its
    /// Chinese rewritten as GBK bytes under \ansicpg936 (as Word and WPS write it), read as the
    /// .docx: the same paragraphs, tables with their merged cells, 自评表, figures and
    /// diagnostics, but for `source`.
    @Test(arguments: [("rtf/putuo-caizhengju-2024-juesuan.rtf", "docx/putuo-caizhengju-2024-juesuan.docx"),
                      ("rtf/yongzhou-yingji-2021-juesuan.gbk.rtf", "docx/yongzhou-yingji-2021-juesuan.docx")])
    func anRTFReadsAsTheDocxItWasSavedFrom(rtf: String, docx: String) throws {
        var document = try Document(contentsOf: Corpus.path(rtf))
        let original = try Document(contentsOf: Corpus.path(docx))
        #expect(document.source.format == .rtf)
        #expect(document.tables.contains { $0.cells.contains { $0.rowSpan > 1 || $0.columnSpan > 1 } })
        #expect(!document.amounts.isEmpty)
        document.source = original.source
        #expect(document == original)
    }

    private func read(_ rtf: String) throws -> Document {
        try Document(bytes: Array(rtf.utf8), path: "report.doc")
    }

    /// Text in a code page, by the document's (\ansicpg936) or its font's (\fcharset134),
    /// a GBK character whose second byte is ASCII (昇: 95 4E), and \uN with its fallback
    /// characters (\uc1, \uc0, a surrogate pair) give the same text.
    @Test func codePagesAndUnicodeGiveTheText() throws {
        let byCodePage = try read(#"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset0 Calibri;}}\f0 \'ca\'d5\'c8\'eb\'d7\'dc\'bc\'c6 2553.52\'cd\'f2\'d4\'aa\'a3\'ac\'95\'4e\'d3\'ee\par}"#)
        #expect(byCodePage.paragraphs.map(\.text) == ["收入总计 2553.52万元，昇宇"])
        #expect(byCodePage.amounts.map(\.text) == ["2553.52万元"] && byCodePage.amounts.first?.label == "收入总计")
        let byFont = try read(#"{\rtf1\ansi{\fonttbl\f0\fswiss\fcharset0 Helvetica;\f1\fnil\fcharset134 \'cb\'ce\'cc\'e5;}\f1 \'ca\'d5\'c8\'eb\'d7\'dc\'bc\'c6\f0  2553.52\f1 \'cd\'f2\'d4\'aa\par}"#)
        #expect(byFont.paragraphs.map(\.text) == ["收入总计 2553.52万元"])
        let unicode = try read(#"{\rtf1\ansi\u25910?\u20837?{\uc0\u24635\u35745} 2553.52{\uc2\u19975\'cd\'f2\u20803??}\u-10179\u-8701?\par}"#)
        #expect(unicode.paragraphs.map(\.text) == ["收入总计 2553.52万元😃"])
    }

    /// What holds no body text is passed over: fonts, styles, headers, footnotes, pictures
    /// (their \bin data too), hidden text, a field's instruction (its result is read), `\*`
    /// destinations; a `\*` inside a run is no destination (LibreOffice's \i0\*\cs7); bytes
    /// after the document's last brace are no part of it.
    @Test func destinationsWithoutBodyTextArePassedOver() throws {
        let document = try read(#"""
            {\rtf1\ansi{\stylesheet{\s1 Heading;}}{\header \u39029?\u30473? 2024\par}
            {\*\generator Word;}{\info{\title x}}\pard 收入{\footnote 注}{\v 隐藏}{\pict\bin4 {}{}}
            {\field{\*\fldinst PAGE}{\fldrslt 总计}}{\i0\*\cs7 2553.52}\u19975?\u20803?\par}
            """# + "\u{0}\u{0}\u{FF}trailing")
        #expect(document.paragraphs.map(\.text) == ["收入总计2553.52万元"])
    }

    /// A table: each row's definition (\trowd, \cellx), its cells' paragraphs (\intbl … \cell)
    /// and \row; a vertical merge (\clvmgf, \clvmrg) and a horizontal one (\clmgf, \clmrg)
    /// make one cell; a cell of two paragraphs keeps both; the paragraph before names it.
    @Test func tablesKeepTheirMergedCells() throws {
        let row = #"\trowd\clvmgf\cellx2000\clmgf\cellx4000\clmrg\cellx6000"#
        let next = #"\trowd\clvmrg\cellx2000\cellx4000\cellx6000"#
        let document = try read(#"""
            {\rtf1\ansi\pard 表一 收支总表\par
            \#(row)\pard\intbl 项目\cell 金额\par （万元）\cell \cell\row
            \#(next)\pard\intbl \cell 收入\cell 2553.52\cell\row
            \pard 以上。\par}
            """#)
        let table = try #require(document.tables.first)
        #expect(document.tables.count == 1 && table.rows == 2 && table.columns == 3)
        #expect(table.cells.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.columnSpan) \($0.text)" } == [
            "0,0 2x1 项目", "0,1 1x2 金额\n(万元)", "1,1 1x1 收入", "1,2 1x1 2553.52",
        ])
        #expect(document.paragraphs.map(\.text) == ["表一 收支总表", "以上。"])

        // A table nested in a cell, as Word writes it (its cells ended by \nestcell, its rows'
        // definitions in \*\nesttableprops, a fallback for readers without nested tables in
        // \nonesttables): that cell's table, as in a .docx, the fallback left out.
        let nested = try read(#"""
            {\rtf1\ansi\trowd\cellx3000\cellx6000\pard\intbl\itap1 项目\cell
            \pard\intbl\itap2 收入\nestcell 2553.52\nestcell{\*\nesttableprops\trowd\cellx1500\cellx3000 x\nestrow}{\nonesttables 收入 2553.52\par}
            \pard\intbl\itap1 \cell\row\pard\par}
            """#)
        #expect(nested.tables.map { $0.cells.map(\.text) } == [["项目", ""]])
        #expect(nested.tables.first?.cells.last?.tables.map { $0.cells.map { "\($0.column) \($0.text)" } } == [["0 收入", "1 2553.52"]])
    }

    /// A heading's level comes from its paragraph (\outlinelevel) or from its style in the
    /// style sheet (its own level, its name, or the style it is based on), and a table of
    /// contents' entries, by their toc styles, are set aside: as in a .docx.
    @Test func stylesGiveHeadingsTheirLevels() throws {
        let document = try read(#"""
            {\rtf1\ansi{\stylesheet{\s0 Normal;}{\s1\outlinelevel0{\*\hyphen2} heading 1;}{\s2\sbasedon0 heading 2;}
            {\s3\sbasedon1 Title Big;}{\s20 toc 1;}}
            \pard\s20 \u37096?\u38376?\u27010?\u20917?\tab 1\par
            \pard\s3 \u37096?\u38376?\u27010?\u20917?\par
            \pard\s2 \u26426?\u26500?\u35774?\u32622?\par
            \pard\s0 \u25910?\u20837?\u24635?\u35745?2553.52\u19975?\u20803?\u12290?\par}
            """#)
        #expect(document.paragraphs.map(\.text) == ["部门概况", "机构设置", "收入总计2553.52万元。"])
        let overview = try #require(document.outline.first)
        #expect(overview.kind == .heading && overview.marker == nil && overview.title == "部门概况")
        #expect(overview.children.map(\.title) == ["机构设置"])
    }

    /// Chinese written into the RTF as raw UTF-8 (web systems do, against the format) is
    /// read as UTF-8; raw bytes that are no UTF-8 are the code page's.
    @Test func rawUTF8AndRawCodePageBytesAreRead() throws {
        #expect(try read("{\\rtf1\\ansi 收入总计2553.52万元\\par}").paragraphs.map(\.text) == ["收入总计2553.52万元"])
        let gbk: [UInt8] = Array(#"{\rtf1\ansi\ansicpg936 "#.utf8) + [0xCA, 0xD5, 0xC8, 0xEB, 0x95, 0x4E] + Array(#"\par}"#.utf8)
        #expect(try Document(bytes: gbk, path: "report.rtf").paragraphs.map(\.text) == ["收入昇"])
    }

    /// A brace that closes the document's group while more RTF follows is a stray one (files
    /// Outlook wrote hold them; a damaged byte makes one): the reading goes on, where the rest
    /// went unread. Bytes after the document that are no RTF are no part of it.
    @Test func aStrayBraceDoesNotEndTheDocument() throws {
        let document = try read(#"{\rtf1\ansi\pard \u25910?\u20837?}\u24635?\u35745?\par}"#)
        #expect(document.paragraphs.map(\.text) == ["收入总计"])
        #expect(document.diagnostics.isEmpty)
        #expect(try read(#"{\rtf1\ansi\pard \u25910?\u20837?\par}"#  + "\u{FF}8$DM q|").paragraphs.map(\.text) == ["收入"])
    }

    /// A document cut short is read as far as it goes, with a warning; one without body text
    /// (its words in a header alone) is refused, as a .docx is.
    @Test func aCutOrEmptyRTFIsToldSo() throws {
        let cut = try read(#"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\pard 收入总计2553.52万元\par \pard\intbl 项目\cell 金"#)
        #expect(cut.paragraphs.map(\.text) == ["收入总计2553.52万元"])
        #expect(cut.tables.first?.cells.map(\.text) == ["项目", "金"])
        #expect(cut.diagnostics.contains { $0.code == "truncated" })
        #expect(throws: FinParseError(.noText, path: "report.doc", message:
            "is an RTF document without text (pages pasted in as pictures?): run OCR on them first")) {
            try read(#"{\rtf1\ansi{\header 收入总计\par}\pard\par}"#)
        }
    }
}
