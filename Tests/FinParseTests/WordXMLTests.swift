import Testing
@testable import FinParse

/// Word's single-file XML: the "XML Document" package (Flat OPC) and Word 2003's XML, as
/// systems that fill reports into Word templates write them (often named .doc). Before, both
/// were read as plain text: their markup as paragraphs, no table, the figures in tags.
@Suite("Word XML files")
struct WordXMLTests {
    /// The 永州 .docx as one package file, and the 财政局 .docx as LibreOffice writes it in
    /// Word 2003's XML (renamed .doc): each reads as the .docx it was made from.
    @Test(arguments: [("wordxml/yongzhou-yingji-2021-juesuan.package.xml", "yongzhou-yingji-2021-juesuan", SourceInfo.Format.docx),
                      ("wordxml/putuo-caizhengju-2024-juesuan.libreoffice-2003.doc", "putuo-caizhengju-2024-juesuan", .doc)])
    func aWordXMLFileReadsAsItsDocx(file: String, report: String, format: SourceInfo.Format) throws {
        var document = try Document(contentsOf: Corpus.path(file))
        let docx = try Document(contentsOf: Corpus.path("docx/\(report).docx"))
        #expect(document.source.format == format)
        #expect(!document.tables.isEmpty && document.tables == docx.tables)
        document.source = docx.source
        #expect(document == docx)
    }

    /// Word 2003's own spellings: cells merged down with w:vmerge, a list paragraph's number
    /// as Word showed it (wx:t; a bullet in a symbol font is none), and notes and comments
    /// kept in the body where they are referenced, which are not read (as in a .docx).
    @Test func word2003sMergesNumbersNotesAndComments() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <?mso-application progid="Word.Document"?>
            <w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" \
            xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" xmlns:aml="http://schemas.microsoft.com/aml/2001/core">
            <w:docPr><w:footnotePr><w:footnote w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote></w:footnotePr></w:docPr>
            <w:body><wx:sect>
            <w:p><w:pPr><w:listPr><w:ilvl w:val="0"/><w:ilfo w:val="1"/><wx:t wx:val="一、"/><wx:font wx:val="宋体"/></w:listPr></w:pPr>\
            <w:r><w:t>收入支出决算总体情况说明</w:t></w:r></w:p>
            <w:p><w:r><w:t>收入总计120.50万元</w:t></w:r><w:r><w:footnote><w:p><w:r><w:t>含上年结转3.00万元</w:t></w:r></w:p></w:footnote></w:r>\
            <w:r><aml:annotation aml:id="0" w:type="Word.Comment"><aml:content><w:p><w:r><w:t>核对5.00万元</w:t></w:r></w:p></aml:content>\
            </aml:annotation></w:r><w:r><w:t>。</w:t></w:r></w:p>
            <w:p><w:pPr><w:listPr><wx:t wx:val="·"/><wx:font wx:val="Symbol"/></w:listPr></w:pPr><w:r><w:t>基本支出80.00万元。</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tcPr><w:vmerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>产出指标</w:t></w:r></w:p></w:tc>\
            <w:tc><w:p><w:r><w:t>数量指标</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vmerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>质量指标</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:sectPr><w:hdr w:type="odd"><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr></w:sectPr>
            </wx:sect></w:body></w:wordDocument>
            """
        let document = try Document(bytes: Array(xml.utf8), path: "report.doc")
        #expect(document.source.format == .doc)
        #expect(document.paragraphs.map { "\($0.line) \($0.text)" } == ["1 一、收入支出决算总体情况说明", "2 收入总计120.50万元。", "3 基本支出80.00万元。"])
        #expect(document.outline.map(\.marker) == ["一、"])
        #expect(document.amounts.map { "\($0.text) \($0.label ?? "-")" } == ["120.50万元 收入总计", "80.00万元 基本支出"])
        let cells = document.tables.first?.cells.map { "\($0.row),\($0.column) \($0.rowSpan) \($0.text)" }
        #expect(cells == ["0,0 2 产出指标", "0,1 1 数量指标", "1,1 1 质量指标"])
    }

    /// Word 2003's lists stand in the document (w:lists): a list paragraph that lacks Word's
    /// shown number (as writers other than Word leave it) is numbered from them, as a .docx's
    /// from numbering.xml, and so is a paragraph whose style is in a list.
    @Test func word2003sOwnListsNumberItsParagraphs() throws {
        let paragraph = { (level: Int, text: String) in
            "<w:p><w:pPr><w:listPr><w:ilvl w:val=\"\(level)\"/><w:ilfo w:val=\"2\"/></w:listPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:lists>
            <w:listDef w:listDefId="5"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:nfc w:val="37"/><w:lvlText w:val="%1、"/></w:lvl>\
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:nfc w:val="37"/><w:lvlText w:val="（%2）"/></w:lvl></w:listDef>
            <w:listDef w:listDefId="6"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:lvlText w:val="%1."/></w:lvl></w:listDef>
            <w:list w:ilfo="2"><w:ilst w:val="5"/></w:list><w:list w:ilfo="3"><w:ilst w:val="6"/></w:list></w:lists>
            <w:styles><w:style w:type="paragraph" w:styleId="item"><w:name w:val="item"/>\
            <w:pPr><w:listPr><w:ilfo w:val="3"/></w:listPr></w:pPr></w:style></w:styles>
            <w:body>\(paragraph(0, "收入决算情况")) \(paragraph(1, "财政拨款收入")) \(paragraph(1, "其他收入"))
            \(paragraph(0, "支出决算情况"))<w:p><w:pPr><w:pStyle w:val="item"/></w:pPr><w:r><w:t>基本支出</w:t></w:r></w:p></w:body>
            </w:wordDocument>
            """
        let document = try Document(bytes: Array(xml.utf8), path: "report.doc")
        #expect(document.paragraphs.map(\.text) == ["一、收入决算情况", "(一)财政拨款收入", "(二)其他收入", "二、支出决算情况", "1.基本支出"])
    }

    /// A damaged file is named with its place in the file: Word 2003's XML as a whole, a
    /// package's part by name, its line counted in the file.
    @Test func aDamagedWordXMLFileIsNamedWithItsPlace() throws {
        let word2003 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?mso-application progid="Word.Document"?>
            <w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body>
            <w:p><w:r><w:t>收入总计</w:r></w:p></w:body></w:wordDocument>
            """
        let error2003 = #expect(throws: FinParseError.self) { try Document(bytes: Array(word2003.utf8), path: "report.doc") }
        #expect(error2003?.code == .malformedDoc)
        #expect(error2003?.location?.line == 4)
        #expect(error2003?.message.hasPrefix("word/") == false)

        let package = """
            <?xml version="1.0" standalone="yes"?>
            <?mso-application progid="Word.Document"?>
            <pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">
            <pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml">\
            <pkg:xmlData><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t>收入总计</w:r></w:p></w:body></w:document></pkg:xmlData></pkg:part></pkg:package>
            """
        let packageError = #expect(throws: FinParseError.self) { try Document(bytes: Array(package.utf8), path: "report.xml") }
        #expect(packageError?.code == .malformedDocx)
        #expect(packageError?.message.hasPrefix("word/document.xml") == true)
        #expect(packageError?.location?.line == 5)
    }
}
