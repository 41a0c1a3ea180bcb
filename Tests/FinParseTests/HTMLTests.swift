import Testing
import FinParse

@Suite("Web pages (HTML)")
struct HTMLTests {
    static func document(_ html: String) throws -> Document {
        try Document(bytes: Array(html.utf8), path: "page.html")
    }

    /// A web 三公 table that marks its empty columns with a dash (the 宜川路 决算's, whose
    /// 因公出国(境)费 and 购置费 columns are empty) labels the values it has, and the dashes
    /// are no figures.
    @Test func aSanGongTableWithDashesForEmptyColumnsIsLabelled() throws {
        let header = """
            <tr><td colspan=12>财政拨款“三公”经费</td></tr>
            <tr><td rowspan=2 colspan=2>合计</td><td rowspan=2 colspan=2>因公出国<br>（境）费</td>\
            <td colspan=6>公务用车购置及运行维护费</td><td rowspan=2 colspan=2>公务接待费</td></tr>
            <tr><td colspan=2>小计</td><td colspan=2>公务用车<br>购置费</td><td colspan=2>公务用车<br>运行维护费</td></tr>
            <tr>\(String(repeating: "<td>预算数</td><td>决算数</td>", count: 6))</tr>
            """
        let values = ["31.47", "19.86", "—", "—", "30.67", "19.56", "-", "-", "30.67", "19.56", "0.80", "0.30"]
        let document = try Self.document("""
            <p>财政拨款“三公”经费支出决算表</p><p>单位：万元</p>
            <table>\(header)<tr>\(values.map { "<td>\($0)</td>" }.joined())</tr></table>
            """)
        #expect(document.amounts.map { "\($0.text) \($0.label ?? "-")" } == [
            "31.47 合计预算数", "19.86 合计决算数", "30.67 公务用车购置及运行维护费小计预算数", "19.56 公务用车购置及运行维护费小计决算数",
            "30.67 公务用车运行维护费预算数", "19.56 公务用车运行维护费决算数", "0.80 公务接待费预算数", "0.30 公务接待费决算数",
        ])
    }

    /// A dash for an empty amount is no label: the amount after it is its row's.
    @Test func aDashForAnEmptyCellLabelsNothing() throws {
        let document = try Self.document("""
            <p>支出决算表</p><p>单位：万元</p>
            <table><tr><td>项目</td><td>合计</td><td>基本支出</td><td>项目支出</td></tr>
            <tr><td>行政运行</td><td>100.00</td><td>—</td><td>100.00</td></tr>
            <tr><td>事业运行</td><td>20.00</td><td>-</td><td>20.00</td></tr></table>
            """)
        #expect(document.amounts.map { "\($0.text) \($0.label ?? "-")" }
            == ["100.00 行政运行", "100.00 行政运行", "20.00 事业运行", "20.00 事业运行"])
    }

    /// The 重庆市交通委员会 page: its narrative is one <span> of &nbsp; and <br> runs.
    @Test func theChongqingPageReadsAsAReport() throws {
        let document = try Document(contentsOf: Corpus.path("html/chongqing-jiaotongwei-2018-yusuan.html"))
        #expect(document.source.format == .html)
        #expect(document.report.title == "重庆市交通委员会2018年部门预算情况说明")
        #expect(document.report.department == "重庆市交通委员会")
        #expect(document.report.year == 2018)
        #expect(document.report.kind == .budget)
        let parts = document.outline.first?.children.map(\.title)
        #expect(parts == ["单位基本情况", "部门预算情况说明", "“三公”经费情况说明", "其他重要事项的情况说明", "专业性名词解释"])
        #expect(!document.paragraphs.contains { $0.text.contains("<") || $0.text.contains("&nbsp") })
        let income = document.amounts.first { $0.label == "一般公共预算财政拨款收入" }
        #expect(income?.text == "324970.32万元")
        #expect(document.amounts.count == 26)
    }

    /// rowspan and colspan place cells as a browser does; a table in a cell is the cell's;
    /// script, style and the head are not read; entities are their characters.
    @Test func tablesKeepTheirSpans() throws {
        let document = try Self.document("""
            <html><head><title>页面标题</title><style>td { color: red }</style></head><body>
            <script>var x = "100万元";</script>
            <p>表1&nbsp;项目支出</p>
            <table>
              <tr><th rowspan="2">项目</th><th colspan="2">金额（万元）</th></tr>
              <tr><th>预算数</th><th>决算数</th></tr>
              <tr><td>办公费 &amp; 印刷费</td><td>12.50</td><td>11.00</td></tr>
              <tr><td>合计</td><td colspan="2"><table><tr><td>内表</td></tr></table></td></tr>
            </table>
            <p>收入总计2553.52万元。</p>
            </body></html>
            """)
        #expect(document.source.format == .html)
        #expect(document.tables.count == 1)
        let table = try #require(document.tables.first)
        #expect(table.title == "表1 项目支出")
        #expect(table.rows == 4 && table.columns == 3)
        let cells = table.cells.map { "\($0.row),\($0.column),\($0.rowSpan)x\($0.columnSpan) \($0.text)" }
        #expect(cells == [
            "0,0,2x1 项目", "0,1,1x2 金额(万元)",
            "1,1,1x1 预算数", "1,2,1x1 决算数",
            "2,0,1x1 办公费 & 印刷费", "2,1,1x1 12.50", "2,2,1x1 11.00",
            "3,0,1x1 合计", "3,1,1x2 ",
        ])
        #expect(table.cells.last?.tables.first?.cells.first?.text == "内表")
        #expect(document.amounts.map(\.text) == ["2553.52万元"])
        #expect(!document.paragraphs.contains { $0.text.contains("页面标题") || $0.text.contains("color") })
    }

    /// A GB18030 page that declares its charset: decoded once, by finparse, and not again
    /// by libxml2 from the <meta>.
    @Test func aDeclaredCharsetIsNotAppliedTwice() throws {
        let head = #"<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>"#
        // <h2>永州市应急管理局2021年度部门决算</h2><p>收入总计2553.52万元。</p> in GB18030.
        let body = "3c68323ed3c0d6ddcad0d3a6bcb1b9dcc0edbed632303231c4eab6c8b2bfc3c5bef6cbe33c2f68323e"
            + "3c703ecad5c8ebd7dcbcc6323535332e3532cdf2d4aaa1a33c2f703e"
        var bytes = Array(head.utf8)
        var hex = body.utf8.makeIterator()
        while let high = hex.next(), let low = hex.next() { bytes.append(UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)!) }
        bytes += Array("</body></html>".utf8)
        let document = try Document(bytes: bytes, path: "page.html")
        #expect(document.source.format == .html)
        #expect(document.source.encoding == .gb18030)
        #expect(document.report.department == "永州市应急管理局")
        #expect(document.amounts.first?.label == "收入总计")
    }

    /// A cell's text is folded as a paragraph's is, also where the fold only composes (e and a
    /// combining acute become é): the two spellings are equal to String's `==`, not in bytes.
    @Test func aCellThatOnlyComposesIsFolded() throws {
        let document = try Self.document("<table><tr><td>Cafe\u{301}　Ｅ</td><td>Cafe\u{301}</td></tr></table>")
        let cells = try #require(document.tables.first).cells
        #expect(cells.map { Array($0.text.utf8) } == [Array("Café E".utf8), Array("Café".utf8)])
    }

    /// A <caption> titles its table, before the paragraph above it.
    @Test func aCaptionTitlesItsTable() throws {
        let document = try Self.document("<p>单位：万元</p><table><caption>收入决算表</caption><tr><td>合计</td><td>1.00</td></tr></table>")
        #expect(document.tables.first?.title == "收入决算表")
        #expect(document.paragraphs.map(\.text) == ["单位:万元", "收入决算表"])
    }

    /// `pdftotext -htmlmeta` puts a PDF's whole text in one `<pre>`, its pages' form feeds
    /// (which libxml2 drops) and its `-layout` columns included: the page reads as the text
    /// file does, line for line. Before, its white space was collapsed and no table was read.
    @Test(arguments: ["layout", "raw"])
    func aPDFsTextInAPreReadsAsTheTextFile(extraction: String) throws {
        let page = try Document(contentsOf: Corpus.path("html/putuo-caizhengju-2024-juesuan.\(extraction).htmlmeta.html"))
        let text = try Document(contentsOf: Corpus.path("pdf/putuo-caizhengju-2024-juesuan.\(extraction).txt"))
        #expect(page.source.format == .html)
        #expect(page.tables.count == (extraction == "layout" ? 10 : 9) && page.amounts.count == 258)
        var sameSource = page
        sameSource.source = text.source
        #expect(sameSource == text)
    }

    /// A `<pre>` after other lines goes on with their numbering, its blank lines counted; in a
    /// cell, its lines are the cell's lines.
    @Test func aPresLinesAreNumberedAfterThePagesLines() throws {
        let document = try Self.document("""
            <html><body><h2>2024年度部门决算</h2><pre>
            一、收入总计

            收入总计12.50万元。</pre><p>附件</p>
            <table><tr><td><pre>基本支出
            3.00</pre></td><td>备注</td></tr></table></body></html>
            """)
        #expect(document.paragraphs.map { "\($0.line) \($0.text)" } == ["1 2024年度部门决算", "2 一、收入总计", "4 收入总计12.50万元。", "5 附件"])
        #expect(document.amounts.map { "\($0.line) \($0.text) \($0.label ?? "-")" } == ["4 12.50万元 收入总计"])
        #expect(document.tables.first?.cells.map(\.text) == ["基本支出\n3.00", "备注"])
    }

    /// A web archive (MIME HTML) as Word saves one (GB2312, quoted-printable, beside a
    /// picture) and as a browser does (UTF-8, base64, named .doc as report systems name
    /// them) reads as the page it holds. Before, its MIME text was read as the report's text.
    @Test(arguments: [("mht/putuo-caizhengju-2024-juesuan.mht", "putuo-caizhengju-2024-juesuan", TextEncoding.gb18030),
                      ("mht/yongzhou-yingji-2021-juesuan.mht.doc", "yongzhou-yingji-2021-juesuan", .utf8)])
    func aWebArchiveReadsAsItsPage(file: String, report: String, encoding: TextEncoding) throws {
        var archive = try Document(contentsOf: Corpus.path(file))
        let page = try Document(contentsOf: Corpus.path("html/\(report).html"))
        #expect(archive.source.format == .html && archive.source.encoding == encoding)
        #expect(!archive.tables.isEmpty && archive.amounts == page.amounts)
        archive.source = page.source
        #expect(archive == page)
    }

    /// An archive without a page is said to be one; text whose first lines read as headers
    /// (标题 is no header name) stays text.
    @Test func anArchiveWithoutAPageIsNamedAndHeaderLikeTextStaysText() throws {
        let archive = """
            MIME-Version: 1.0\r
            Content-Type: multipart/related;\r
            \tboundary="part"\r
            \r
            --part\r
            Content-Type: image/png\r
            Content-Transfer-Encoding: base64\r
            \r
            iVBORw0KGgo=\r
            --part--\r
            """
        let error = #expect(throws: FinParseError.self) { try Self.document(archive) }
        #expect(error?.code == .noText && error?.message.contains("web archive") == true)
        let text = try Self.document("Subject: 2023年度部门决算\nMIME-Version: 1.0\n标题：收入总计2553.52万元\n")
        #expect(text.source.format == .text && text.amounts.count == 1)
    }

    /// A page Word saves ("Save as Web Page") wraps each list number in a downlevel-revealed
    /// conditional comment, which browsers show the inside of: the markers were read as
    /// text (`<![if !supportLists]>一、<![endif]>收入…`) and the headings were none. Word's own
    /// hidden blocks (`<!--[if gte mso 9]>…<![endif]-->`) stay hidden.
    @Test func wordsListNumbersInConditionalCommentsAreRead() throws {
        let document = try Self.document("""
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=ZH-CN><div class=WordSection1>
            <p class=MsoNormal align=center><b><span>2023年度部门决算<o:p></o:p></span></b></p>
            <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span><span style='mso-list:Ignore'>\
            一、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]><span>收入支出决算总体情况说明</span></p>
            <p class=MsoNormal><span>收、支总计均为1520.36万元。<o:p></o:p></span></p>
            <!--[if gte mso 9]><xml><o:DocumentProperties><o:Pages>3</o:Pages></o:DocumentProperties></xml><![endif]-->
            <p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![IF !supportLists]><span>二、</span><![ENDIF]><span>收入决算情况说明</span></p>
            <p class=MsoNormal><span>本年收入合计1480.00万元。</span></p>
            </div></body></html>
            """)
        #expect(document.outline.first?.children.map { "\($0.marker ?? "") \($0.title)" } == ["一、 收入支出决算总体情况说明", "二、 收入决算情况说明"])
        #expect(document.paragraphs.count == 5 && !document.paragraphs.contains { $0.text.contains("<![") || $0.text.contains("Pages") })
        #expect(document.amounts.map(\.text) == ["1520.36万元", "1480.00万元"])
    }

    /// Older government sites lay their pages out with tables: the article in a cell of a
    /// table beside the site's menu, under a banner table. The report was one cell of a table
    /// of no kind: no paragraph, no outline, no title, its standard table a table in a cell.
    /// A table that frames the page is read as the page; a data table stays one, even with a
    /// long cell or a table in a cell.
    @Test func aPageFramedByTablesReadsAsItsArticle() throws {
        let article = """
            <p>第一部分 部门概况</p><p>一、主要职能</p><p>负责全县的农业农村工作。</p>
            <p>第二部分 2023年度部门决算情况说明</p><p>一、收入支出决算总体情况说明</p>
            <p>2023年度收、支总计均为1520.36万元，比上年增加120.18万元。</p>
            <p>收入支出决算总表</p><p>单位：万元</p>
            <table border="1"><tr><td>项目</td><td>决算数</td></tr><tr><td>一般公共预算财政拨款收入</td><td>1400.00</td></tr>\
            <tr><td>本年收入合计</td><td>1480.00</td></tr></table>
            """
        let document = try Self.document("""
            <html><body>
            <table width="1000"><tr><td><img src="banner.jpg"></td></tr></table>
            <table width="1000"><tr><td width="200"><a href="/">首页</a><br><a href="/zwgk">政务公开</a></td><td width="800">
            <table width="100%"><tr><td align="center">某县农业农村局2023年度部门决算</td></tr><tr><td>\(article)</td></tr></table>
            </td></tr></table>
            <table width="1000"><tr><td>主办单位：某县人民政府办公室</td></tr></table>
            </body></html>
            """)
        #expect(document.report.title == "某县农业农村局2023年度部门决算" && document.report.year == 2023)
        #expect(document.outline.map(\.title) == ["某县农业农村局2023年度部门决算", "部门概况", "2023年度部门决算情况说明"])
        #expect(document.tables.map { "\($0.kind ?? "-") \($0.unit?.rawValue ?? "-") \($0.rows)x\($0.columns)" } == ["收入支出决算总表 万元 3x2"])
        #expect(document.amounts.map { "\($0.text) \($0.label ?? "-")" }
            == ["1520.36万元 收支总计", "120.18万元 增加", "1400.00 一般公共预算财政拨款收入", "1480.00 本年收入合计"])

        // A frame of three rows (banner, menu and content, footer) round a short article.
        let short = try Self.document("""
            <table><tr><td colspan="2"><img src="banner.jpg"></td></tr>
            <tr><td><a href="/">首页</a></td><td><p>收入支出决算总表</p><p>单位：万元</p>\
            <table border="1"><tr><td>项目</td><td>决算数</td></tr><tr><td>本年收入合计</td><td>1480.00</td></tr></table></td></tr>
            <tr><td colspan="2">主办单位：某县人民政府办公室</td></tr></table>
            """)
        #expect(short.tables.map { "\($0.kind ?? "-") \($0.unit?.rawValue ?? "-")" } == ["收入支出决算总表 万元"])
        #expect(short.amounts.map { "\($0.text) \($0.label ?? "-")" } == ["1480.00 本年收入合计"])

        let cell = (1...9).map { "<p>\($0). 完成目标任务\($0)项</p>" }.joined()
        let data = try Self.document("""
            <p>绩效目标表</p><table><tr><td>项目名称</td><td>年度目标</td><td>指标</td></tr>
            <tr><td>执法培训</td><td>\(cell)</td><td>培训人数</td></tr><tr><td>普法宣传</td><td>开展宣传</td><td>宣传次数</td></tr>
            <tr><td>法律援助</td><td>办理案件</td><td>案件数</td></tr>\
            <tr><td>合计</td><td><table><tr><td>-</td></tr><tr><td>另计</td></tr></table></td><td>-</td></tr></table>
            """)
        #expect(data.tables.count == 1 && data.tables.first?.rows == 5)
        // A column of blocks in a cell is the cell's lines.
        let blocks = data.tables.first?.cells.first { $0.row == 4 && $0.column == 1 }
        #expect(blocks?.text == "-\n另计" && blocks?.line == 23)
    }

    /// Plain text is not taken for a page, even with a "<" in it.
    @Test func plainTextStaysText() throws {
        let document = try Self.document("<2021年度部门决算>\n收入总计2553.52万元。")
        #expect(document.source.format == .text)
    }
}
