import FoundationEssentials
import Testing
import ZIPFoundation
@testable import FinParse

@Suite("Word input")
struct DocxTests {
    // MARK: Documents made of a PDF's lines

    /// A .docx or a web page made of a PDF's lines (a paragraph, a `<div>` or a `<br>` a line, as
    /// converters and content systems make them; here the 规划资源局 决算's 情况说明 in plain
    /// pdftotext) joins a sentence where it plainly breaks, as a text file's lines are joined
    /// (``PageText/joinBroken(_:)``): …增加 1062.85 / 万元，增长… gives its amount, …收入支出总计 /
    /// 9859.38 万元。 its label. A word broken with nothing to show it (…事务中 / 心办公大楼…) is
    /// not joined, as Word's own paragraphs never show such a break; the corpus .docx and web
    /// pages read as before (their goldens).
    @Test func aDocumentOfAPDFsLinesJoinsItsBrokenSentences() throws {
        let raw = try String(contentsOfFile: Corpus.path("pdf/putuo-guihuaziyuan-2024-juesuan-with-errors.raw.txt"), encoding: .utf8)
        let lines = raw.split(separator: "\n", omittingEmptySubsequences: false)[1438..<1449].map(String.init)
        func figures(_ document: Document) -> [String] {
            (document.amounts + document.percents).map { "\($0.label ?? "-") \($0.value)\($0.unit.rawValue)" }.sorted()
        }
        let text = try Document(bytes: Array(lines.joined(separator: "\n").utf8), path: "piece.txt")
        let word = try Docx.document(body: lines.map(Docx.p).joined())
        let divs = try Document(bytes: Array(("<html><body>" + lines.map { "<div>\($0)</div>" }.joined() + "</body></html>").utf8),
                                path: "piece.html")
        let breaks = try Document(bytes: Array(("<html><body><p>" + lines.joined(separator: "<br>") + "</p></body></html>").utf8),
                                  path: "piece.html")
        #expect(figures(text).count == 12)
        #expect(figures(text).contains("增加 1062.85万元") && figures(text).contains("收入支出总计 9859.38万元"))
        for document in [word, divs, breaks] {
            #expect(figures(document) == figures(text))
            // Six paragraphs: a heading and its sentences, but for …事务中 / 心办公大楼装修等。,
            // which the text's wrapping width joins and nothing here shows.
            #expect(document.paragraphs.map { $0.text.prefix(6) } == ["上海市普陀区", "心办公大楼装", "二、收入决算", "本年收入合计", "三、支出决算", "本年支出合计"])
        }
    }

    // MARK: The corpus report as .docx

    /// Written by scripts/make-docx.py from the text report's golden dump.
    static let corpusDocx = Corpus.path("docx/yongzhou-yingji-2021-juesuan.docx")

    /// The outline without lines: a .docx counts paragraphs, a text file lines.
    private func shape(_ sections: [Section]) -> [String] {
        sections.flatMap { section in
            ["\(section.kind.rawValue) \(section.marker ?? "") \(section.title)"] + shape(section.children).map { "  " + $0 }
        }
    }

    private func plain(_ evaluation: SelfEvaluation?) -> SelfEvaluation? {
        guard var evaluation else { return nil }
        for i in evaluation.indicators.indices {
            evaluation.indicators[i].line = 0
            evaluation.indicators[i].target.text = ""
            evaluation.indicators[i].actual.text = ""
        }
        return evaluation
    }

    private func plain(_ figures: [Figure]) -> [String] {
        figures.map { "\($0.value) \($0.unit.rawValue) \($0.label ?? "-") \($0.comparator?.rawValue ?? "-") \($0.change?.rawValue ?? "-")" }
    }

    /// The renderings of the text report (scripts/make-docx.py, scripts/make-html.py) read
    /// as the text does: the same outline, paragraphs, cells with their spans, 自评表 and figures.
    @Test(arguments: [corpusDocx, Corpus.path("html/yongzhou-yingji-2021-juesuan.html")])
    func renderingsGiveTheTextResults(path: String) throws {
        let docx = try Document(contentsOf: path)
        let text = Corpus.yongzhouDocument
        #expect(docx.source.format == (path.hasSuffix(".docx") ? .docx : .html))
        #expect(docx.source.encoding == (path.hasSuffix(".docx") ? nil : .utf8))
        #expect(docx.report == text.report)
        #expect(shape(docx.outline) == shape(text.outline))
        #expect(docx.paragraphs.map(\.text) == text.paragraphs.map(\.text))
        #expect(docx.tables.count == text.tables.count)
        for (d, t) in zip(docx.tables, text.tables) {
            #expect(d.title == t.title)
            #expect(d.rows == t.rows && d.columns == t.columns)
            #expect(d.cells.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.columnSpan) \($0.text)" }
                == t.cells.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.columnSpan) \($0.text)" })
            #expect(plain(d.selfEvaluation) == plain(t.selfEvaluation))
        }
        #expect(plain(docx.amounts) == plain(text.amounts))
        #expect(plain(docx.percents) == plain(text.percents))
        // Lines are paragraph numbers, cells included: strictly increasing through the body.
        #expect(docx.paragraphs.map(\.line) == docx.paragraphs.map(\.line).sorted())
        #expect(docx.tables[0].line > docx.paragraphs.first { $0.text == docx.tables[0].title }!.line)
    }

    /// A 部门决算's 九张表 written as Word and web tables (the layout extraction's golden
    /// rendered by scripts/make-docx.py and make-html.py, title and 单位：万元 above each):
    /// each table named and in its unit as from the PDF text, and every amount the same,
    /// value and unit, with the PDF's label where the markup gives one. The PDF labels more:
    /// amounts pdftotext printed on lines of their own above their row's label are read from
    /// its lines, and in a Word or web table a row is a row.
    @Test(arguments: ["docx/putuo-caizhengju-2024-juesuan.docx", "html/putuo-caizhengju-2024-juesuan.html"])
    func standardTablesInMarkupReadAsFromThePDF(rendering: String) throws {
        let pdf = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.layout.txt"))
        let document = try Document(contentsOf: Corpus.path(rendering))
        #expect(document.tables.map(\.kind) == pdf.tables.map(\.kind))
        #expect(document.tables.map(\.unit) == pdf.tables.map(\.unit))
        #expect(document.tables.compactMap(\.kind).count == 9)
        func values(_ figures: [Figure]) -> [String] { figures.map { "\($0.value) \($0.unit.rawValue)" }.sorted() }
        #expect(values(document.amounts) == values(pdf.amounts))
        var labelled = Dictionary(plain(pdf.amounts).map { ($0, 1) }, uniquingKeysWith: +)
        var notInThePDF: [String] = []
        for figure in plain(document.amounts.filter { $0.label != nil }) {
            if labelled[figure, default: 0] > 0 { labelled[figure]! -= 1 } else { notInThePDF.append(figure) }
        }
        #expect(notInThePDF.isEmpty)
        #expect(document.amounts.count == pdf.amounts.count && pdf.amounts.count > 200)
    }

    /// The corpus package with its body rewritten by `rewrite`, document.xml cut after
    /// `keeping` bytes if given.
    private func rewrittenCorpusDocx(body rewrite: (String) -> String, keeping: Int? = nil) throws -> [UInt8] {
        let archive = try Archive(url: URL(fileURLWithPath: Self.corpusDocx), accessMode: .read)
        var parts: [String: [UInt8]] = [:]
        for entry in archive {
            var bytes: [UInt8] = []
            _ = try archive.extract(entry) { bytes += $0 }
            parts[entry.path] = bytes
        }
        let xml = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        let open = try #require(xml.range(of: "<w:body>")).upperBound
        let close = try #require(xml.range(of: "<w:sectPr")).lowerBound
        let document = Array((xml[..<open] + rewrite(String(xml[open..<close])) + xml[close...]).utf8)
        parts["word/document.xml"] = Array(document.prefix(keeping ?? document.count))
        return try Docx.zip(parts)
    }

    /// With threads to spare, paragraphs' figures and tables are read while the XML still is.
    @Test func aReportReadOnSeveralThreadsIsTheSameReport() throws {
        let bytes = try rewrittenCorpusDocx(body: { String(repeating: $0, count: 6) })
        let document = try Document(bytes: bytes, path: "six.docx")
        #expect(document.paragraphs.count > 1_000 && document.amounts.count > 1_000)
        #expect(document.tables.count == 6 * (try Document(contentsOf: Self.corpusDocx)).tables.count)
        #expect(document.tables.contains { $0.selfEvaluation != nil })
        for threads in [2, 4] {
            #expect(try Document(bytes: bytes, path: "six.docx", threads: threads) == document)
        }
        // The XML breaks off after work is handed to other threads: an error, and nothing left running.
        let cut = try rewrittenCorpusDocx(body: { String(repeating: $0, count: 6) }, keeping: 600_000)
        #expect(throws: FinParseError.self) { try Document(bytes: cut, path: "cut.docx", threads: 4) }
    }

    /// The body as Word writes it: every run formatted (font, size, language) with a
    /// revision id, its text cut into runs of five characters (a figure, a marker, a label
    /// split between runs), paragraphs with revision ids, cells with widths and borders.
    private func wordStyled(_ body: String) -> String {
        let bare = (open: #"<w:r><w:t xml:space="preserve">"#, close: "</w:t></w:r>")
        let formatted = #"<w:r w:rsidRPr="00C24F1A"><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" "#
            + #"w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:lang w:eastAsia="zh-CN"/></w:rPr><w:t xml:space="preserve">"#
        var styled = ""
        var rest = body[...]
        while let start = rest.range(of: bare.open), let end = rest[start.upperBound...].range(of: bare.close) {
            styled += rest[..<start.lowerBound]
            var piece = ""
            var inEscape = false  // never cut inside &amp;
            for character in rest[start.upperBound..<end.lowerBound] {
                piece.append(character)
                inEscape = character == "&" || (inEscape && character != ";")
                if !inEscape && piece.count >= 5 {
                    styled += formatted + piece + bare.close
                    piece = ""
                }
            }
            if !piece.isEmpty { styled += formatted + piece + bare.close }
            rest = rest[end.upperBound...]
        }
        styled += rest
        return styled
            .replacing("<w:p>", with: #"<w:p w:rsidR="00C24F1A" w:rsidRDefault="00C24F1A">"#)
            .replacing("<w:tcPr>", with: #"<w:tcPr><w:tcW w:w="1200" w:type="dxa"/><w:tcBorders><w:top w:val="single" w:sz="4"/></w:tcBorders>"#)
    }

    /// Formatting and runs change nothing the report says: the same document, but for its source.
    @Test func wordFormattingAndSplitRunsReadAsTheBareRendering() throws {
        let bare = try Document(bytes: rewrittenCorpusDocx(body: { $0 }), path: "report.docx")
        // 收入总计2553.52万元 comes in three runs: 收入总计2, 553.5, 2万元.
        let run = #"<w:p><w:r><w:t xml:space="preserve">收入总计2553.52万元</w:t></w:r></w:p>"#
        #expect(wordStyled(run).split(separator: "<w:t ").count == 4)
        var styled = try Document(bytes: rewrittenCorpusDocx(body: wordStyled), path: "report.docx")
        #expect(styled.source.bytes > bare.source.bytes)
        styled.source = bare.source
        #expect(styled == bare)
        #expect(bare.amounts.count > 100 && bare.tables.contains { $0.selfEvaluation != nil })
    }

    // MARK: Runs and containers

    /// A text box as Word 2010 and later write it: the drawing, and a VML copy of the same
    /// box for older readers in mc:Fallback, which must not be read twice.
    private func textBox(_ content: String) -> String {
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
            + "<wps:wsp><wps:txbx><w:txbxContent>\(content)</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
            + "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>\(content)"
            + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    }

    private func drawingDocument(body: String) throws -> Document {
        let namespaces = Docx.namespaces + #" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#
            + #"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#
            + #"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml""#
        let xml = "<w:document \(namespaces)><w:body>\(body)</w:body></w:document>"
        return try Document(bytes: Docx.zip(["_rels/.rels": Array(Docx.rels.utf8), "word/document.xml": Array(xml.utf8)]),
                            path: "box.docx")
    }

    /// The table of contents Word builds (entries in its toc 1, toc 2 styles, ids 10 and 20 as
    /// Chinese Word gives them, each with its page number) is kept out of the outline and the
    /// paragraphs, as a PDF's 目录 is: its entries had been read as headings, every part twice
    /// (第一部分 部门概况 3, then 第一部分 部门概况). The tables it lists are looked for.
    @Test func wordsTableOfContentsIsKeptOutOfTheOutline() throws {
        let document = try Document(contentsOf: Corpus.path("docx/fixtures/table-of-contents.docx"))
        #expect(document.outline.compactMap(\.marker) == ["第一部分", "第二部分", "第三部分"])
        #expect(document.sections.map(\.section.title) == [
            "上海市XX局2024年度部门决算", "部门概况", "主要职能", "2024年度部门决算表", "收入支出决算总表", "2024年度部门决算情况说明",
        ])
        #expect(!document.paragraphs.contains { $0.text.hasPrefix("目") || $0.text.hasSuffix(" 3") })
        #expect(document.diagnostics.map(\.code) == ["table-of-contents", "listed-table-missing"])
        #expect(document.diagnostics.first?.message == "table of contents (7 entries, lines 2–9) kept out of the outline")
        #expect(document.diagnostics.last?.line == 8)
        #expect(document.diagnostics.last?.message.hasPrefix("the 目录 lists 二、支出决算表, and no 支出决算表 was found") == true)
        #expect(document.tables.map(\.kind) == ["收入支出决算总表"])
    }

    /// A 目录 typed above the table of contents Word builds (a plain paragraph, the entries in
    /// toc 1 and toc 2, ids TOC1 and TOC2 with no styles part to name them) goes with it; the
    /// body after it is not held as if it were a typed 目录's entries.
    @Test func aTypedHeadingOfWordsTableOfContentsGoesWithIt() throws {
        func entry(_ text: String, _ style: String) -> String {
            "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr><w:r><w:t>\(text)</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>3</w:t></w:r></w:p>"
        }
        let body = Docx.p("目  录") + entry("第一部分 部门概况", "TOC1") + entry("一、主要职能", "TOC2")
            + ["第一部分 部门概况", "一、主要职能", "主要职能是管理本市有关事务。", "第一部分"].map(Docx.p).joined()
        let document = try Docx.document(body: body)
        #expect(document.paragraphs.map(\.text) == ["第一部分 部门概况", "一、主要职能", "主要职能是管理本市有关事务。", "第一部分"])
        #expect(document.diagnostics.first { $0.code == "table-of-contents" }?.message
            == "table of contents (2 entries, lines 2–3) kept out of the outline")
    }

    @Test func textBoxesAreReadOnce() throws {
        let document = try drawingDocument(body: "<w:p><w:r><w:t>前</w:t></w:r>\(textBox(Docx.p("框内")))<w:r><w:t>后</w:t></w:r></w:p>")
        // The box's paragraph ends first: it comes before the one that anchors it.
        #expect(document.paragraphs.map(\.text) == ["框内", "前后"])
    }

    /// A 九张表 title in a text box above the table names it, as a title paragraph does.
    @Test func aTitleInATextBoxNamesTheTable() throws {
        func row(_ label: String, _ value: String) -> String {
            "<w:tr><w:tc><w:tcPr/>\(Docx.p(label))</w:tc><w:tc><w:tcPr/>\(Docx.p(value))</w:tc></w:tr>"
        }
        let document = try drawingDocument(body: Docx.p("第二部分 部门决算表") + "<w:p>\(textBox(Docx.p("收入支出决算总表")))</w:p>"
            + Docx.p("单位：万元") + "<w:tbl>\(row("项目", "决算数"))\(row("一、一般公共预算财政拨款收入", "2,940.05"))</w:tbl>")
        let table = try #require(document.tables.first)
        #expect(table.kind == "收入支出决算总表" && table.unit == .tenThousandYuan)
        #expect(document.amounts.map { "\($0.value) \($0.label ?? "-")" } == ["2940.05 一、一般公共预算财政拨款收入"])
    }

    @Test func runContent() throws {
        let document = try Docx.document(body: """
            <w:p><w:r><w:t>一、</w:t><w:tab/><w:t>收入</w:t></w:r><w:r><w:t xml:space="preserve">支出</w:t><w:br/><w:t>决算</w:t></w:r></w:p>
            <w:p><w:r><w:t>编号3</w:t><w:noBreakHyphen/><w:t>1</w:t><w:sym w:font="Symbol" w:char="F0B3"/><w:t>95%</w:t></w:r></w:p>
            """)
        #expect(document.paragraphs.map(\.text) == ["一、 收入支出 决算", "编号3-1≥95%"])
    }

    @Test func textNodesAreWholeWhereverTheChunksEnd() throws {
        // The part is parsed in 64 KB chunks as it is inflated: one text node spans two,
        // with an entity, a character reference and a CDATA section inside.
        let long = String(repeating: "收入", count: 40_000)
        let document = try Docx.document(body: """
            <w:p><w:r><w:t>\(long)A&amp;B&#x41;<![CDATA[<C>]]></w:t></w:r></w:p>
            <w:p><w:r><w:t>甲</w:t><w:t> </w:t><w:t>乙</w:t></w:r></w:p>
            """)
        #expect(document.paragraphs.map(\.text) == [long + "A&BA<C>", "甲 乙"])
        // Beyond libxml2's own limit on a text node where it builds a tree.
        let huge = try #require(error(Docx.package(body: Docx.p(String(repeating: "a", count: 10_000_001)))))
        #expect(huge.code == .malformedDocx && huge.message.contains("a text node longer than"))
    }

    @Test func nestingIsLimitedAsLibxml2LimitsIt() throws {
        // w:document, w:body, k elements, w:p, w:r, w:t: 257 deep is read, 258 refused.
        func nested(_ k: Int) -> String {
            String(repeating: "<w:x>", count: k) + Docx.p("深") + String(repeating: "</w:x>", count: k)
        }
        #expect(try Docx.document(body: nested(252)).paragraphs.map(\.text) == ["深"])
        let failure = try #require(error(Docx.package(body: nested(253))))
        #expect(failure.code == .malformedDocx && failure.message.contains("nested more than 257 deep"))
    }

    /// Tables nested as deep as a part may nest its elements (84: w:tbl, w:tr, w:tc each)
    /// are read, and their JSON is written and reads back: JSONEncoder refuses deeper values,
    /// and `finparse dump` would report such a report as `unencodable`.
    @Test func theDeepestTablesAPartHoldsAreEncoded() throws {
        let depth = 84
        let body = String(repeating: "<w:tbl><w:tr><w:tc>", count: depth) + Docx.p("底")
            + String(repeating: "</w:tc></w:tr></w:tbl>", count: depth)
        let document = try Docx.document(body: body)
        var table = try #require(document.tables.first)
        for _ in 1..<depth { table = try #require(table.cells.first?.tables.first) }
        #expect(table.cells.map(\.text) == ["底"])
        let json = try document.jsonData()
        #expect(try JSONDecoder().decode(Document.self, from: Data(json)) == document)
    }

    @Test func partsInUTF16AndEscapedAttributes() throws {
        let rels = Docx.rels.replacing("word/document.xml", with: "word/a&amp;b.xml")
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><w:document \(Docx.namespaces)><w:body>\(Docx.p("丙"))</w:body></w:document>"
        let utf16: [UInt8] = [0xFF, 0xFE] + xml.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let document = try Document(bytes: Docx.zip(["_rels/.rels": Array(rels.utf8), "word/a&b.xml": utf16]), path: "u.docx")
        #expect(document.paragraphs.map(\.text) == ["丙"])
    }

    @Test func containersAreTransparent() throws {
        let document = try Docx.document(body: """
            <w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>\(Docx.p("甲"))</w:sdtContent></w:sdt>
            <w:p><w:smartTag w:uri="u" w:element="e"><w:r><w:t>乙</w:t></w:r></w:smartTag><w:hyperlink r:id="x" xmlns:r="r"><w:r><w:t>丙</w:t></w:r></w:hyperlink></w:p>
            <w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>丁</w:t></w:r></w:fldSimple><w:customXml w:element="c"><w:r><w:t>戊</w:t></w:r></w:customXml></w:p>
            """)
        #expect(document.paragraphs.map(\.text) == ["甲", "乙丙", "丁戊"])
    }

    @Test func elementsAreKnownByPrefixAndName() throws {
        // DrawingML's a:p, a:t and an unprefixed t share w:p's and w:t's local names: not Word text.
        let document = try Docx.document(body: """
            <w:p><w:r><w:t>收入</w:t></w:r><w:r><w:drawing><a:graphic xmlns:a="urn:a"><a:p><a:r><a:t>图形</a:t></a:r></a:p><t>无前缀</t></a:graphic></w:drawing></w:r><w:r><w:t>总计</w:t></w:r></w:p>
            <a:p xmlns:a="urn:a"><a:r><a:t>图形二</a:t></a:r></a:p>
            \(Docx.p("支出"))
            """)
        #expect(document.paragraphs.map(\.text) == ["收入总计", "支出"])
        // More distinct names before the first paragraph than the reader keeps by address.
        let noise = (0..<600).map { "<x:e\($0) xmlns:x=\"urn:x\"/>" }.joined()
        let crowded = try Docx.document(body: noise + Docx.p("收入") + noise + Docx.p("支出"))
        #expect(crowded.paragraphs.map(\.text) == ["收入", "支出"])
    }

    @Test func trackedChangesReadAsAccepted() throws {
        let document = try Docx.document(body: """
            <w:p><w:r><w:t>收入</w:t></w:r><w:ins w:id="1"><w:r><w:t>总计</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>合计</w:delText></w:r></w:del><w:r><w:t>2553.52万元</w:t></w:r></w:p>
            """)
        #expect(document.paragraphs.map(\.text) == ["收入总计2553.52万元"])
        #expect(document.amounts.first?.label == "收入总计")
    }

    @Test func fieldsGiveTheirResultNotTheirCode() throws {
        let document = try Docx.document(body: """
            <w:p><w:r><w:t>合计</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>=SUM(ABOVE)</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>120</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>万元</w:t></w:r></w:p>
            """)
        #expect(document.paragraphs.map(\.text) == ["合计120万元"])
    }

    // MARK: Tables

    @Test func mergedCellsBecomeSpans() throws {
        let cell = { (props: String, text: String) in "<w:tc><w:tcPr>\(props)</w:tcPr>\(Docx.p(text))</w:tc>" }
        let document = try Docx.document(body: Docx.p("2021年度项目支出绩效自评表") + """
            <w:tbl><w:tr>\(cell(#"<w:gridSpan w:val="2"/>"#, "项目名称"))\(cell("", "示例"))</w:tr>
            <w:tr>\(cell(#"<w:vMerge w:val="restart"/>"#, "产出指标"))\(cell("", "数量指标"))\(cell("", "20家"))</w:tr>
            <w:tr>\(cell("<w:vMerge/>", ""))\(cell("", "质量指标"))\(cell("", "100%"))</w:tr></w:tbl>
            """)
        let table = try #require(document.tables.first)
        #expect(table.title == "2021年度项目支出绩效自评表")
        #expect(table.rows == 3 && table.columns == 3)
        #expect(table.cells.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.columnSpan) \($0.text) @\($0.line)" } == [
            "0,0 1x2 项目名称 @2", "0,2 1x1 示例 @3",
            "1,0 2x1 产出指标 @4", "1,1 1x1 数量指标 @5", "1,2 1x1 20家 @6",
            "2,1 1x1 质量指标 @8", "2,2 1x1 100% @9",
        ])
    }

    /// WordprocessingML under another prefix bound to its namespace (ns0:, as Python's
    /// ElementTree writes it; pandoc's test file ns0-reference.docx) reads as under w:, its
    /// attributes too (ns0:val): it was refused as having no Word body.
    @Test func aDocumentUnderAnotherPrefixReadsTheSame() throws {
        let cell = { (props: String, text: String) in "<w:tc><w:tcPr>\(props)</w:tcPr>\(Docx.p(text))</w:tc>" }
        let body = #"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>一、收入支出决算总体情况</w:t></w:r></w:p>"#
            + Docx.p("收入总计2553.52万元。") + """
            <w:tbl><w:tr>\(cell(#"<w:gridSpan w:val="2"/>"#, "项目"))\(cell("", "金额"))</w:tr>
            <w:tr>\(cell(#"<w:vMerge w:val="restart"/>"#, "支出"))\(cell("", "基本支出"))\(cell("", "100"))</w:tr>
            <w:tr>\(cell("<w:vMerge/>", ""))\(cell("", "项目支出"))\(cell("", "20"))</w:tr></w:tbl>
            """
        let plain = try Docx.document(body: body)
        let xml = String(decoding: Docx.documentXML(body: body), as: UTF8.self).replacing("w:", with: "ns0:")
            .replacing("xmlns:w=", with: "xmlns:ns0=")
        let renamed = try Document(bytes: Docx.zip(["_rels/.rels": Array(Docx.rels.utf8), "word/document.xml": Array(xml.utf8)]),
                                   path: "case.docx")
        #expect(xml.contains("xmlns:ns0=") && renamed.tables.first?.cells.contains { $0.rowSpan == 2 } == true)
        #expect(renamed.tables == plain.tables && renamed.paragraphs == plain.paragraphs && renamed.outline == plain.outline
            && renamed.amounts == plain.amounts)
    }

    /// A 分值 merged over a group's rows is no missing one; a row without the cells at all is,
    /// and a warning says so rather than the row passing for read.
    @Test func indicatorsWithoutTheirScoresAreReported() throws {
        let cell = { (props: String, text: String) in "<w:tc><w:tcPr>\(props)</w:tcPr>\(Docx.p(text))</w:tc>" }
        let plain = { (texts: [String]) in texts.map { cell("", $0) }.joined() }
        let restart = #"<w:vMerge w:val="restart"/>"#
        let document = try Docx.document(body: Docx.p("2021年度项目支出绩效自评表") + """
            <w:tbl><w:tr>\(plain(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]))</w:tr>
            <w:tr>\(plain(["产出指标", "数量指标", "培训", "2次", "2次"]))\(cell(restart, "10"))\(cell(restart, "9"))</w:tr>
            <w:tr>\(plain(["", "质量指标", "合格率", "90%", "95%"]))\(cell("<w:vMerge/>", ""))\(cell("<w:vMerge/>", ""))</w:tr>
            <w:tr>\(plain(["效益指标", "社会效益指标", "安全", "提高", "提高"]))</w:tr></w:tbl>
            """)
        let evaluation = try #require(document.tables.first?.selfEvaluation)
        #expect(evaluation.indicators.map(\.name) == ["培训", "合格率", "安全"])
        let warnings = document.diagnostics.filter { $0.code == "self-evaluation-columns" }
        #expect(warnings.map(\.message) == ["1 of 3 indicators have no 分值 or 得分 in their columns (the first on line 25): "
                                             + "their cells may be read in the wrong columns"])
    }

    @Test func nestedTablesAndCellLines() throws {
        let document = try Docx.document(body: """
            <w:tbl><w:tr><w:tc>\(Docx.p("外"))<w:tbl><w:tr><w:tc>\(Docx.p("内1"))</w:tc><w:tc>\(Docx.p("内2"))</w:tc></w:tr></w:tbl></w:tc>
            <w:tc><w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>\(Docx.p("第二段"))</w:tc></w:tr></w:tbl>
            """)
        let table = try #require(document.tables.first)
        #expect(table.cells.map(\.text) == ["外", "第一行\n第二行\n第二段"])
        #expect(table.cells[0].tables.first?.cells.map(\.text) == ["内1", "内2"])
        #expect(document.paragraphs.isEmpty)
    }

    @Test func numberFormats() {
        #expect(WordNumbering.format(11, as: "chineseCounting") == "十一")
        #expect(WordNumbering.format(105, as: "chineseCountingThousand") == "一百零五")
        #expect(WordNumbering.format(3, as: "ideographTraditional") == "丙")
        #expect(WordNumbering.format(12, as: "decimalEnclosedCircle") == "⑫")
        #expect(WordNumbering.format(28, as: "upperLetter") == "BB")
        #expect(WordNumbering.format(14, as: "lowerRoman") == "xiv")
        #expect(WordNumbering.format(7, as: "decimalFullWidth") == "７")
        // Out of every format's range (a damaged start value): digits, never a crash.
        #expect(WordNumbering.format(-3, as: "decimalFullWidth") == "-3")
        #expect(WordNumbering.format(0, as: "upperLetter") == "0")
        #expect(WordNumbering.format(1_000_000_000, as: "lowerLetter") == "1000000000")
    }

    @Test func strayRowsAndCellsDoNotCrash() throws {
        let document = try Docx.document(body: "<w:tr><w:tc>\(Docx.p("孤立的单元格"))</w:tc></w:tr><w:tc>\(Docx.p("乙"))</w:tc>")
        #expect(document.paragraphs.map(\.text) == ["孤立的单元格", "乙"])
    }

    // MARK: Bad packages

    private func error(_ bytes: [UInt8]) -> FinParseError? {
        do { _ = try Document(bytes: bytes, path: "bad.docx"); return nil } catch { return error }
    }

    @Test func truncatedPackage() throws {
        let bytes = try Docx.package(body: Docx.p("甲"))
        let failure = try #require(error(Array(bytes.prefix(bytes.count / 2))))
        #expect(failure.code == .notDocx)
        #expect(failure.description.hasPrefix("bad.docx: "))
    }

    @Test func missingDocumentPart() throws {
        let failure = try #require(error(Docx.zip(["_rels/.rels": Array(Docx.rels.utf8), "word/other.xml": [0x3C, 0x61, 0x2F, 0x3E]])))
        #expect(failure.code == .notDocx)
        #expect(failure.message.contains("word/document.xml"))
    }

    /// A presentation is the same kind of package as a .docx; it was read as an empty
    /// report, exit 0. It is refused, and named. (A workbook is read: WorkbookTests.)
    @Test func aPresentationIsRefusedByName() throws {
        let rels = Docx.rels.replacing("word/document.xml", with: "ppt/presentation.xml")
        let presentation = try #require(error(Docx.zip([
            "_rels/.rels": Array(rels.utf8),
            "ppt/presentation.xml": Array(#"<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>"#.utf8),
        ])))
        #expect(presentation.code == .notDocx && presentation.message.hasPrefix("is a PowerPoint presentation (.pptx)"))
    }

    /// A Word document without a word of text (a scan pasted in as pictures) was an empty
    /// report, exit 0; it is refused as a PDF without a text layer is. Text in a table
    /// cell alone is text.
    @Test func aDocumentWithoutTextIsRefused() throws {
        let pictures = try #require(error(Docx.package(body: "<w:p><w:r><w:drawing/></w:r></w:p><w:p/>"
            + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t xml:space=\"preserve\"> \u{3000}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")))
        #expect(pictures.code == .noText)
        #expect(pictures.message == "is a Word document without text (pages pasted in as pictures?): run OCR on them first")
        // One without pictures either (an empty form, text in its headers only) is not told to OCR them.
        let empty = try #require(error(Docx.package(body: "<w:p/><w:sectPr/>")))
        #expect(empty.code == .noText
            && empty.message == "is a Word document without text in its body (its headers, footers, footnotes and comments are not read)")
        let table = try Docx.document(body: "<w:p/><w:tbl><w:tr><w:tc>\(Docx.p("收入总计"))</w:tc></w:tr></w:tbl>")
        #expect(table.tables.count == 1)
    }

    /// A part Word merges in as it opens the file (w:altChunk) that is no web page or RTF
    /// (another document) or that the package lacks is not read: said in a warning beside the
    /// document's own text, and a document with no text of its own is refused with what to do.
    @Test func embeddedPartsAreSaidNotToBeRead() throws {
        let chunk = #"<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/>"#
        let document = try Docx.document(body: Docx.p("2021年度部门决算") + chunk + Docx.p("收入总计2553.52万元") + chunk)
        #expect(document.amounts.count == 1)
        #expect(document.diagnostics == [Diagnostic(severity: .warning, code: "embedded-part-not-read", message: """
            the document merges in 2 parts when Word opens it (w:altChunk: another document, \
            or a page that cannot be read), which finparse does not read: their text is missing
            """, line: 2)])
        let bare = try #require(error(Docx.package(body: chunk + "<w:p/>")))
        #expect(bare.code == .noText)
        #expect(bare.message.hasPrefix("has no text of its own: it merges in 1 part when Word opens it"))
        #expect(bare.message.hasSuffix("; open it in Word and save it as a .docx"))
    }

    /// A web page merged in (w:altChunk), as web systems export a page to Word (html-docx-js
    /// writes a web archive, others the page itself), or an RTF part, is read where it stands,
    /// its lines numbered on from the paragraphs before it (an RTF part was not read before
    /// 2026-12-06, night). Before, the 财政局 page so exported was
    /// refused as a document without text; it reads as the page.
    @Test func aWebPageMergedInIsReadWhereItStands() throws {
        var exported = try Document(contentsOf: Corpus.path("mht/putuo-caizhengju-2024-juesuan.altchunk.docx"))
        let page = try Document(contentsOf: Corpus.path("html/putuo-caizhengju-2024-juesuan.html"))
        #expect(exported.source.format == .docx && exported.amounts.count == 258)
        exported.source = page.source
        #expect(exported == page)

        let chunk = { (id: String) in #"<w:altChunk xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="\#(id)"/>"# }
        let relationships = #"""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="page" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.htm"/>
            <Relationship Id="rtf" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="/word/chunk.rtf"/>
            </Relationships>
            """#
        let body = Docx.p("一、收入支出决算总体情况") + chunk("page") + Docx.p("三、支出决算情况") + chunk("rtf") + chunk("rId9")
        let mixed = try Document(bytes: Docx.zip([
            "_rels/.rels": Array(Docx.rels.utf8), "word/document.xml": Docx.documentXML(body: body),
            "word/_rels/document.xml.rels": Array(relationships.utf8),
            "word/chunk.htm": Array("<html><body><p>收入总计12.50万元。</p><p>二、收入决算情况</p></body></html>".utf8),
            "word/chunk.rtf": Array(#"{\rtf1\ansi \u25903?\u20986?\u24635?\u35745?12.50\u19975?\u20803?\u12290?\par \u22235?\u12289?\u20854?\u20182?\par }"#.utf8),
        ]), path: "mixed.docx")
        #expect(mixed.paragraphs.map { "\($0.line) \($0.text)" }
            == ["1 一、收入支出决算总体情况", "2 收入总计12.50万元。", "3 二、收入决算情况", "4 三、支出决算情况", "5 支出总计12.50万元。", "6 四、其他"])
        #expect(mixed.outline.map(\.marker) == ["一、", "二、", "三、", "四、"])
        #expect(mixed.diagnostics.map(\.code) == ["embedded-part-not-read"] && mixed.diagnostics.first?.line == 7)
    }

    /// A worksheet pasted into Word as an object (选择性粘贴 → Microsoft Excel 工作表 对象)
    /// shows as a picture of its cells, its workbook in word/embeddings/: read where the
    /// object stands, as what it shows (the active sheet, within the workbook's oleSize), its
    /// rows numbered on from the paragraphs before it. Before, its table was missing without
    /// a word. An Excel 97–2003 worksheet (an .xls part) is read the same way, its active
    /// sheet alone (the corpus .xls's cover, not its sixteen other sheets); one in a table
    /// cell, or one that cannot be read, is said not to be.
    @Test func aWorksheetEmbeddedAsAnObjectIsReadWhereItStands() throws {
        // The fixture as Word writes such an object (v:shape over its picture, o:OLEObject).
        let fixture = try Document(contentsOf: Corpus.path("docx/fixtures/embedded-worksheet.docx"))
        #expect(fixture.amounts.map { "\($0.line) \($0.label ?? "-") \($0.yuan.map { "\($0)" } ?? "-")" } == ["5 本年收入合计 29462500", "6 本年支出合计 29400500"])
        #expect(fixture.tables.map(\.kind) == ["收入支出决算总表"] && fixture.paragraphs.last?.line == 7 && fixture.diagnostics.isEmpty)
        func cell(_ reference: String, _ text: String) -> String { #"<c r="\#(reference)" t="inlineStr"><is><t>\#(text)</t></is></c>"# }
        let shown = #"<row r="1">\#(cell("A1", "单位：万元"))</row><row r="2">\#(cell("A2", "项目"))\#(cell("B2", "金额"))</row>"#
            + #"<row r="3">\#(cell("A3", "收入合计"))<c r="B3"><v>100.5</v></c></row><row r="5">\#(cell("C5", "对象以外的单元格"))</row>"#
        var parts = WorkbookTests.workbookParts([("Sheet1", #"<row r="1">\#(cell("A1", "另一张表"))<c r="B1"><v>999</v></c></row>"#, ""),
                                                 ("Sheet2", shown, "")], numberFormats: [(176, "0.00")], cellFormats: [176])
        parts["xl/worksheets/sheet2.xml"] = Array(String(decoding: parts["xl/worksheets/sheet2.xml"]!, as: UTF8.self)
            .replacing(#"<c r="B3">"#, with: #"<c r="B3" s="0">"#).utf8)
        parts["xl/workbook.xml"] = Array(String(decoding: parts["xl/workbook.xml"]!, as: UTF8.self)
            .replacing("<sheets>", with: #"<bookViews><workbookView activeTab="1"/></bookViews><sheets>"#)
            .replacing("</sheets>", with: #"</sheets><oleSize ref="A1:B3"/>"#).utf8)
        let object = { (kind: String, id: String) in
            #"<w:p><w:r><w:object><v:shape id="s"><v:imagedata r:id="img"/></v:shape><o:OLEObject Type="Embed" ProgID="\#(kind)" r:id="\#(id)"/></w:object></w:r></w:p>"#
        }
        let body = Docx.p("一、收入支出决算总表") + object("Excel.Sheet.12", "sheet") + Docx.p("二、收入决算表")
            + "<w:tbl><w:tr><w:tc>" + object("Excel.Sheet.8", "old") + "</w:tc></w:tr></w:tbl>" + object("Excel.Sheet.8", "xls")
        let xml = #"<w:document \#(Docx.namespaces) xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\#(body)</w:body></w:document>"#
        let relationships = #"""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="sheet" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/>
            <Relationship Id="old" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="embeddings/oleObject1.bin"/>
            <Relationship Id="xls" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="embeddings/Microsoft_Excel_97-2003_Worksheet.xls"/>
            </Relationships>
            """#
        let document = try Document(bytes: Docx.zip([
            "_rels/.rels": Array(Docx.rels.utf8), "word/document.xml": Array(xml.utf8),
            "word/_rels/document.xml.rels": Array(relationships.utf8),
            "word/embeddings/Microsoft_Excel_Worksheet.xlsx": try Docx.zip(parts),
            "word/embeddings/oleObject1.bin": [0xD0, 0xCF, 0x11, 0xE0],
            "word/embeddings/Microsoft_Excel_97-2003_Worksheet.xls": Array(try Data(contentsOf: URL(fileURLWithPath: Corpus.path("xls/putuo-sifaju-2026-yusuan.xls")))),
        ]), path: "embedded.docx")
        // The cover's title stands in its row 3: line 8 (the object's paragraph) + 3.
        #expect(document.paragraphs.map { "\($0.line) \($0.text)" } == ["1 一、收入支出决算总表", "3 单位:万元", "6 二、收入决算表",
                                                                      "11 上海市普陀区2026年区级部门预算", "17 预算主管部门:上海市普陀区司法局"])
        #expect(document.amounts.map { "\($0.line) \($0.text) \($0.unit.rawValue) \($0.label ?? "-")" } == ["5 100.50 万元 收入合计"])
        #expect(document.tables.count == 2 && document.tables[0].cells.map(\.text) == ["项目", "金额", "收入合计", "100.50"])
        // Titled by the document's paragraph above the object, its unit stated by its own row.
        #expect(document.tables[0].kind == "收入支出决算总表" && document.tables[0].unit == .tenThousandYuan)
        #expect(document.diagnostics == [Diagnostic(severity: .warning, code: "embedded-part-not-read", message: """
            the document embeds 1 Excel worksheet or Word document as object that finparse does not read (in a table cell, \
            a binary .xlsb, a damaged one, or a document): its tables and text are missing
            """, line: 7)])
        // An active tab the workbook does not have (a damaged one's) shows its first sheet.
        parts["xl/workbook.xml"] = Array(String(decoding: parts["xl/workbook.xml"]!, as: UTF8.self)
            .replacing(#"activeTab="1""#, with: #"activeTab="9""#).utf8)
        let damaged = try Document(bytes: Docx.zip([
            "_rels/.rels": Array(Docx.rels.utf8), "word/document.xml": Array(xml.utf8),
            "word/_rels/document.xml.rels": Array(relationships.utf8),
            "word/embeddings/Microsoft_Excel_Worksheet.xlsx": try Docx.zip(parts),
        ]), path: "damaged.docx")
        #expect(damaged.tables.first?.cells.map(\.text) == ["另一张表", "999"])
    }

    /// An OLE compound file's header and nothing else is read as the .doc it claims to be,
    /// and refused as a damaged one (DocTests has sound and other refused ones).
    @Test func aCompoundFileHeaderAloneIsRefused() throws {
        let failure = try #require(error([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)))
        #expect(failure.code == .malformedDoc)
        #expect(failure.message == "is not a readable OLE compound file (truncated or damaged): sector size 2^0 is neither 512 nor 4096")
    }

    /// An OFD's text placed by reference, as converters from PDF write it (a page drawing a
    /// composite unit of the document's resources, scaled by its transform), and a page's
    /// template (a letterhead) are read with the page's own text, in the order of their places.
    @Test func anOFDsDrawingsAndTemplatesAreRead() throws {
        let ns = #"xmlns:ofd="http://www.ofdspec.org/2016""#
        func text(_ x: Double, _ y: Double, _ size: Double, _ string: String, ctm: String = "") -> String {
            #"<ofd:TextObject ID="9" Boundary="\#(x) \#(y) 150 20" Size="\#(size)"\#(ctm)><ofd:TextCode X="0" Y="\#(size)">\#(string)</ofd:TextCode></ofd:TextObject>"#
        }
        let parts: [String: String] = [
            "OFD.xml": "<ofd:OFD \(ns)><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
            "Doc_0/Document.xml": """
                <ofd:Document \(ns)><ofd:CommonData><ofd:TemplatePage ID="1" BaseLoc="Tpls/Tpl_0/Content.xml"/>                <ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>                <ofd:Pages><ofd:Page ID="2" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>
                """,
            "Doc_0/Tpls/Tpl_0/Content.xml": "<ofd:Page \(ns)><ofd:Content><ofd:Layer>\(text(20, 20, 4, "上海市普陀区财政局"))</ofd:Layer></ofd:Content></ofd:Page>",
            // The unit's text is set in its own units, ten to the millimetre.
            "Doc_0/DocumentRes.xml": """
                <ofd:Res \(ns)><ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="5" Width="1000" Height="200">                <ofd:Content>\(text(0, 0, 1, "收入总计2553.52万元", ctm: #" CTM="35 0 0 35 0 0""#))</ofd:Content>                </ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>
                """,
            "Doc_0/Pages/Page_0/Content.xml": """
                <ofd:Page \(ns)><ofd:Template TemplateID="1"/><ofd:Content><ofd:Layer>                \(text(20, 60, 3.5, "比上年增长48.16%。"))                <ofd:CompositeObject ID="7" ResourceID="5" Boundary="20 40 150 20" CTM="0.1 0 0 0.1 0 0"/>                </ofd:Layer></ofd:Content></ofd:Page>
                """,
        ]
        let document = try Document(bytes: Docx.zip(parts.mapValues { Array($0.utf8) }), path: "report.ofd")
        #expect(document.source.format == .ofd)
        #expect(document.paragraphs.first?.text == "上海市普陀区财政局")
        #expect(document.amounts.map(\.text) == ["2553.52万元"] && document.amounts.first?.label == "收入总计")
        #expect(document.percents.map(\.text) == ["48.16%"])
    }

    /// RAR and 7-Zip archives (sites pack reports in them) were "not text", an OFD document
    /// "not a Word document"; damaged ones are named. (Whole ones are read: see ArchiveTests
    /// and anOFDDocumentReadsAsThePDFTextItWasMadeFrom.)
    @Test func damagedRarAnd7ZipArchivesAndOFDAreNamed() throws {
        let rar = try #require(error(Array("Rar!\u{1A}\u{07}\u{01}\u{00}".utf8) + Array(repeating: 0x7F, count: 40)))
        #expect(rar.code == .malformedArchive)
        #expect(rar.message == "is not a readable RAR archive (truncated or damaged): it ends before its end-of-archive header (truncated)")
        let packed = try Data(contentsOf: URL(fileURLWithPath: Corpus.path("archive/fixtures/reports.7z")))
        let sevenZip = try #require(error(Array(packed.prefix(64))))
        #expect(sevenZip.code == .malformedArchive)
        #expect(sevenZip.message.hasPrefix("is not a readable 7-Zip archive (truncated or damaged): "))
        // OFD, a zip package with OFD.xml at its root, was "not a Word document"; one without
        // text (its pages scans) is told so, and a damaged part names the part.
        let ofd = try #require(error(Docx.zip(["OFD.xml": Array(#"<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>"#.utf8),
                                               "Doc_0/Document.xml": Array("<ofd:Document/>".utf8)])))
        #expect(ofd.code == .noText)
        #expect(ofd.message == "is an OFD document whose pages hold no text (scans, or page numbers alone?)")
        let root = #"<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
        let damaged = try #require(error(Docx.zip(["OFD.xml": Array(root.utf8),
                                                   "Doc_0/Document.xml": Array("<ofd:Document><ofd:Pages>".utf8)])))
        #expect(damaged.code == .malformedOFD)
        #expect(damaged.message.hasPrefix("Doc_0/Document.xml: "))
    }

    @Test func malformedXML() throws {
        let xml = "<w:document \(Docx.namespaces)><w:body><w:p>收入</w:body>"
        let failure = try #require(error(Docx.zip(["word/document.xml": Array(xml.utf8)])))
        #expect(failure.code == .malformedDocx)
        #expect(failure.message.hasPrefix("word/document.xml: "))
        // A part is often one line of megabytes: the column, in characters, is right after
        // the end tag that does not match.
        #expect(failure.location == SourceLocation(line: 1, column: xml.count + 1))
    }

    @Test func aZipPointingPastItsEndIsRefusedNotACrash() throws {
        // ZIPFoundation's reader over Data trapped on an offset past the end
        // (weichsel/ZIPFoundation#394): found by Fuzz/ (docx), it stopped a whole batch.
        // minizip, which reads the package now, must refuse it as well.
        var bytes = try Docx.package(body: Docx.p("甲"))
        let central = try #require(headers(Self.centralHeader, in: bytes).first)
        bytes.replaceSubrange((central + 42)..<(central + 46), with: [0xF0, 0xFF, 0xFF, 0x7F])  // its local header's offset
        let failure = try #require(error(bytes))
        #expect(failure.code == .notDocx || failure.code == .malformedDocx)
    }

    @Test func aPartNotInTheEncodingItDeclaresFails() throws {
        // libxml2's converter stops the parser without marking the part malformed, and says
        // so on stderr: the paragraphs were dropped, exit 0 (found by Fuzz/, document-xml).
        let xml = #"<?xml version="1.0" encoding="EUC-JP"?>"#
            + "<w:document \(Docx.namespaces)><w:body>\(Docx.p("收入总计2553.52万元"))</w:body></w:document>"
        let failure = try #require(error(Docx.zip(["word/document.xml": Array(xml.utf8)])))
        #expect(failure.code == .malformedDocx)
        #expect(failure.message.hasPrefix("word/document.xml: input conversion failed"))
        #expect(failure.location?.line == 1)
    }

    @Test func aDamagedPartFailsItsChecksum() throws {
        // Stored, not deflated, so that one changed byte still inflates and parses.
        let good = try Docx.zip(["word/document.xml": Docx.documentXML(body: Docx.p("abcdef"))], compression: .none)
        #expect(try Document(bytes: good, path: "c.docx").paragraphs.map(\.text) == ["abcdef"])
        var damaged = good
        let at = try #require(damaged.indices.first { damaged[$0...].starts(with: Array("abcdef".utf8)) })
        damaged[at + 3] = UInt8(ascii: "x")
        let failure = try #require(error(damaged))
        #expect(failure.code == .malformedDocx && failure.message == "word/document.xml fails its CRC-32 check (damaged)")
    }

    @Test func documentTypeDeclarationsAreRefused() throws {
        // A billion-laughs document: Office Open XML allows no DTD, so none is read and no entity expanded.
        let xml = #"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>"#
            + "<w:document \(Docx.namespaces)><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
        let failure = try #require(error(Docx.zip(["word/document.xml": Array(xml.utf8)])))
        #expect(failure.code == .malformedDocx)
        #expect(failure.message.contains("word/document.xml: a document type declaration"))
        #expect(!failure.message.contains("AAAAAAAAAA"))
    }

    // MARK: Fixture files (scripts/make-docx-fixtures.py)

    private func fixture(_ name: String) throws -> Document {
        try Document(contentsOf: Corpus.path("docx/fixtures/" + name))
    }

    private func fixtureError(_ name: String) -> FinParseError? {
        do { _ = try fixture(name); return nil } catch { return error as? FinParseError }
    }

    /// A bullet list's marker is a symbol font's glyph (Word writes U+F0B7 as the level's
    /// text): no text of the paragraph's, in a .docx or a .doc. It was kept.
    @Test func bulletsGiveNoMarker() {
        let numbering = WordNumbering(abstracts: ["1": [0: .init(format: "bullet", text: "\u{F0B7}"), 1: .init(text: "%2.")]],
                                      instances: ["7": .init(abstractID: "1")])
        var counters = WordNumbering.Counters()
        let marker = { (level: Int) in
            counters.marker(numID: "7", level: level, style: nil, styles: WordStyles(), in: numbering)
        }
        #expect([marker(0), marker(1), marker(1), marker(0)] == ["", "1.", "2.", ""])
    }

    @Test func automaticNumberingIsRendered() throws {
        let document = try fixture("numbering.docx")
        #expect(document.paragraphs.map(\.text) == [
            "一、收入支出决算总体情况说明", "(一)收入总计2553.52万元。", "(二)支出总计2553.52万元。",
            "二、收入决算情况说明", "(一)财政拨款收入", "1.基本支出", "2.项目支出", "三、支出决算情况说明",
            "不编号的段落", "一、另一个列表", "①甲项", "②乙项", "部门概况", "机构设置",
        ])
        // The rendered markers nest exactly as typed ones would.
        let outline = document.outline.map { section in
            "\(section.marker ?? "")\(section.title): " + section.children.map { "\($0.marker ?? "")\($0.title)" }.joined(separator: " ")
        }
        #expect(outline == [
            "一、收入支出决算总体情况说明: (一)收入总计2553.52万元 (二)支出总计2553.52万元",
            "二、收入决算情况说明: (一)财政拨款收入",
            "三、支出决算情况说明: ",
            "一、另一个列表: ①甲项 ②乙项",
            "部门概况: 机构设置",
        ])
        #expect(document.outline[1].children[0].children.map(\.title) == ["基本支出", "项目支出"])
    }

    @Test func headingsByOutlineLevelAndStyleName() throws {
        let document = try fixture("numbering.docx")
        let overview = try #require(document.outline.last)
        #expect(overview.kind == .heading && overview.marker == nil && overview.title == "部门概况")
        #expect(overview.children.map(\.title) == ["机构设置"])
    }

    @Test func legacyAndUnusualMerges() throws {
        let table = try #require(try fixture("table-merges.docx").tables.first)
        #expect(table.rows == 5 && table.columns == 3)
        #expect(table.cells.map { "\($0.row),\($0.column) \($0.rowSpan)x\($0.columnSpan) \($0.text)" } == [
            "0,0 1x2 旧式合并", "0,2 1x1 丙",   // w:hMerge
            "1,1 1x1 右一", "1,2 1x1 右二",     // w:gridBefore
            "2,0 1x1 左一", "2,1 1x1 左二",     // w:gridAfter
            "3,0 2x2 跨两列两行", "3,2 1x1 甲",  // across and down
            "4,2 1x1 乙",
        ])
    }

    @Test func containersFieldsAndBreaksInCells() throws {
        let table = try #require(try fixture("table-containers.docx").tables.first)
        #expect(table.cells.map(\.text) == ["控件单元格", "普通", "控件行", "二", "330", "第一行\n第二行", "自定义", ""])
    }

    @Test func trackedRowsAndRuns() throws {
        let document = try fixture("tracked-changes.docx")
        let table = try #require(document.tables.first)
        #expect(table.cells.map(\.text) == ["保留", "实际96%", "插入的行", "y"])
        #expect(document.percents.map(\.value) == [96])
        // A tracked formatting change keeps its old numbering to itself.
        #expect(document.paragraphs.map(\.text) == ["格式修订不改文字"])
    }

    /// A zip bomb is refused before it is read when its header says how large it is; when
    /// the header says less than it holds, no more than that is inflated, and the CRC-32 fails.
    @Test func zipBombsAreRefusedWhateverTheirHeadersSay() throws {
        let declared = try #require(fixtureError("zip-bomb.docx"))
        #expect(declared.code == .tooLarge)
        #expect(declared.message.contains("declares 104857709 bytes"))

        // The same bomb with its document.xml's size, 104857709, given as 1000 in both headers.
        var bytes = try InputFile.load(path: Corpus.path("docx/fixtures/zip-bomb.docx"))
        let size: [UInt8] = [0x6D, 0x00, 0x40, 0x06]
        let small: [UInt8] = [0xE8, 0x03, 0x00, 0x00]
        var patched = 0
        for index in 0..<(bytes.count - 3) where Array(bytes[index..<(index + 4)]) == size {
            bytes.replaceSubrange(index..<(index + 4), with: small)
            patched += 1
        }
        #expect(patched == 2)
        do {
            _ = try Document(bytes: bytes, path: "lying-bomb.docx")
            Issue.record("a bomb with a lying header was read")
        } catch {
            #expect(error.code == .malformedDocx && error.message == "word/document.xml fails its CRC-32 check (damaged)")
        }
    }

    static let localHeader: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let centralHeader: [UInt8] = [0x50, 0x4B, 0x01, 0x02]

    /// Where the headers with `signature` start in `zip`, in order.
    private func headers(_ signature: [UInt8], in zip: [UInt8]) -> [Int] {
        zip.indices.filter { zip[$0...].starts(with: signature) }
    }

    /// A package of one stored part, and where its local header and its central directory
    /// header start.
    private func storedPart(_ text: String) throws -> (zip: [UInt8], local: Int, central: Int) {
        let zip = try Docx.zip(["word/document.xml": Docx.documentXML(body: Docx.p(text))], compression: .none)
        return (zip, try #require(headers(Self.localHeader, in: zip).first), try #require(headers(Self.centralHeader, in: zip).first))
    }

    @Test func aDamagedEntryHidesNoneBeforeIt() throws {
        // The search for _rels/.rels, which this package lacks, ended on the damaged entry,
        // and minizip then gave up on word/document.xml at once (found by Fuzz/, docx).
        var zip = try Docx.zip(["word/document.xml": Docx.documentXML(body: Docx.p("收入")), "word/zz.xml": Array("<a/>".utf8)])
        let last = try #require(headers(Self.centralHeader, in: zip).last)
        zip[last + 3] = 0  // its signature
        #expect(try Document(bytes: zip, path: "d.docx").paragraphs.map(\.text) == ["收入"])
    }

    @Test func anEntryReachingPastTheEndReadsAsFromItsFile() throws {
        // An extra field longer than the rest of the file: the file's fseek goes past the
        // end and the entry is found; the bytes in memory must give the same (found by Fuzz/, docx).
        var zip = try Docx.zip(["a.xml": Array("<a/>".utf8), "word/document.xml": Docx.documentXML(body: Docx.p("收入"))])
        let last = try #require(headers(Self.centralHeader, in: zip).last)
        zip.replaceSubrange((last + 30)..<(last + 32), with: [0xFF, 0xFF])  // its extra field's length
        let path = FileManager.default.temporaryDirectory.path + "/finparse-tests-\(UUID().uuidString).docx"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(zip)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try Document(contentsOf: path)
        #expect(fromFile.paragraphs.map(\.text) == ["收入"])
        #expect(try Document(bytes: zip, path: path) == fromFile)
    }

    @Test func anEncryptedPartIsRefused() throws {
        // Inflating it without the password would read the ciphertext as the part.
        var (zip, local, central) = try storedPart("收入")
        zip[local + 6] |= 1  // general purpose flag, bit 0: encrypted
        zip[central + 8] |= 1
        let failure = try #require(error(zip))
        #expect(failure.code == .malformedDocx)
        #expect(failure.message == "word/document.xml cannot be inflated (truncated or damaged): the entry is encrypted")
    }

    @Test func aPartInAnotherCompressionMethodIsRefused() throws {
        var (zip, local, central) = try storedPart("收入")
        zip[local + 8] = 14  // compression method: LZMA
        zip[central + 10] = 14
        let failure = try #require(error(zip))
        #expect(failure.code == .malformedDocx)
        #expect(failure.message.hasSuffix("a compression method other than deflate or stored"))
    }

    @Test func aPartShorterThanItsHeadersSayFails() throws {
        // minizip checks the CRC-32 only of a part read to the size its directory gives.
        var (zip, local, central) = try storedPart("收入")
        zip[local + 22] &+= 9  // uncompressed size
        zip[central + 24] &+= 9
        let failure = try #require(error(zip))
        #expect(failure.code == .malformedDocx)
        #expect(failure.message.hasPrefix("word/document.xml cannot be inflated (truncated or damaged): inflates to "))
        #expect(failure.message.hasSuffix(" bytes where the directory says \(Int(zip[central + 24]) + Int(zip[central + 25]) << 8)"))
    }

    @Test func badPackagesAreRefusedCleanly() throws {
        #expect(fixtureError("zip-bomb.docx")?.code == .tooLarge)
        #expect(fixtureError("truncated.docx")?.code == .notDocx)
        #expect(fixtureError("old-word.docx")?.code == .malformedDoc)
        // Both declare their entities in a DTD, which is refused before any is read: nothing
        // is expanded, and no line of /etc/passwd is loaded.
        for name in ["billion-laughs.docx", "xxe.docx"] {
            let failure = try #require(fixtureError(name))
            #expect(failure.code == .malformedDocx && failure.message.contains("word/document.xml: a document type declaration"))
        }
    }
}
