#!/usr/bin/env python3
"""Writes the small .docx fixtures of the Word reader's tests into Corpus/docx/fixtures/:
one file per Word construct, and the bad packages the reader must refuse. Also the two
real 三公 tables of the GovBudgetChecker fixtures (../shared/corpus/extra/) as Word and as
web tables, their merged header cells put back: san-gong-tables.docx and
Corpus/html/san-gong-tables.html.

    scripts/make-docx-fixtures.py            # from the repository root

Deterministic (fixed zip dates); only the standard library is used.
"""
import html
import io
import json
import os
import re
import zipfile

OUT = os.path.join("Corpus", "docx", "fixtures")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""


def package(name, body=None, parts=None, document=None):
    parts = dict(parts or {})
    if document is None:
        document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>'
    parts.setdefault("word/document.xml", document)
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for part, data in [("[Content_Types].xml", TYPES), ("_rels/.rels", RELS)] + sorted(parts.items()):
            info = zipfile.ZipInfo(part, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def p(text, props=""):
    return f'<w:p><w:pPr>{props}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def num(num_id, level):
    return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'


def tc(content, props=""):
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"


def lvl(i, fmt, text, start=1, extra=""):
    return (f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}<w:pPr><w:ind w:left="0"/></w:pPr></w:lvl>')


def numbering():
    # One outline list (一、 （一） 1. (1)) used by the heading styles and directly,
    # a second instance of it restarting at 一, and a circled list.
    abstract = (f'<w:abstractNum w:abstractNumId="0">{lvl(0, "chineseCounting", "%1、")}'
                f'{lvl(1, "chineseCounting", "（%2）")}{lvl(2, "decimal", "%3.")}{lvl(3, "decimal", "（%4）")}</w:abstractNum>'
                f'<w:abstractNum w:abstractNumId="1">{lvl(0, "decimalEnclosedCircle", "%1")}</w:abstractNum>')
    instances = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
                 '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                 '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>')
    numbering_xml = f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>{abstract}{instances}</w:numbering>'
    # Chinese Word: style ids 1 and 2, names "heading 1" and "heading 2"; heading 2 takes
    # its list from heading 1 through basedOn and only sets its level.
    styles_xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>'
                  '<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
                  f'<w:pPr>{num(1, 0)}<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
                  '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/>'
                  '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
                  '<w:style w:type="paragraph" w:styleId="3"><w:name w:val="标题 3"/></w:style>'
                  '</w:styles>')
    heading = lambda level: f'<w:pStyle w:val="{level}"/>'
    body = "".join([
        p("收入支出决算总体情况说明", heading(1)),
        p("收入总计2553.52万元。", heading(2)),
        p("支出总计2553.52万元。", heading(2)),
        p("收入决算情况说明", heading(1)),
        p("财政拨款收入", heading(2)),
        p("基本支出", num(1, 2)),
        p("项目支出", num(1, 2)),
        p("支出决算情况说明", num(1, 0)),
        p("不编号的段落", num(0, 0)),
        p("另一个列表", num(2, 0)),
        p("甲项", num(3, 0)),
        p("乙项", num(3, 0)),
        p("部门概况", '<w:outlineLvl w:val="0"/>'),
        p("机构设置", heading(3)),
    ])
    package("numbering.docx", body, {"word/numbering.xml": numbering_xml, "word/styles.xml": styles_xml})


def tables():
    h_start = tc(p("旧式合并"), '<w:hMerge w:val="restart"/>')
    h_on = tc(p(""), "<w:hMerge/>")
    merge_down = tc(p("跨两列两行"), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')
    merge_on = tc(p(""), '<w:gridSpan w:val="2"/><w:vMerge/>')
    body = ("<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            f'<w:tr>{h_start}{h_on}{tc(p("丙"))}</w:tr>'
            f'<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>{tc(p("右一"))}{tc(p("右二"))}</w:tr>'
            f'<w:tr><w:trPr><w:gridAfter w:val="1"/></w:trPr>{tc(p("左一"))}{tc(p("左二"))}</w:tr>'
            f"<w:tr>{merge_down}{tc(p('甲'))}</w:tr>"
            f"<w:tr>{merge_on}{tc(p('乙'))}</w:tr>"
            "</w:tbl>")
    package("table-merges.docx", body)

    sdt_cell = f'<w:sdt><w:sdtPr><w:alias w:val="cell"/></w:sdtPr><w:sdtContent>{tc(p("控件单元格"))}</w:sdtContent></w:sdt>'
    sdt_row = (f'<w:sdt><w:sdtPr><w:alias w:val="row"/></w:sdtPr><w:sdtContent><w:tr>{tc(p("控件行"))}{tc(p("二"))}'
               "</w:tr></w:sdtContent></w:sdt>")
    field = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>=SUM(ABOVE)</w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>330</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    line_break = '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>'
    custom = '<w:customXml w:element="amount"><w:p><w:smartTag w:element="x"><w:r><w:t>自定义</w:t></w:r></w:smartTag></w:p></w:customXml>'
    body = (f"<w:tbl><w:tr>{sdt_cell}{tc(p('普通'))}</w:tr>{sdt_row}"
            f"<w:tr>{tc(field)}{tc(line_break)}</w:tr><w:tr>{tc(custom)}{tc(p(''))}</w:tr></w:tbl>")
    package("table-containers.docx", body)

    deleted_row = f'<w:tr><w:trPr><w:del w:id="1" w:author="a" w:date="2021-01-01T00:00:00Z"/></w:trPr>{tc(p("删除的行"))}{tc(p("x"))}</w:tr>'
    inserted_row = f'<w:tr><w:trPr><w:ins w:id="2" w:author="a" w:date="2021-01-01T00:00:00Z"/></w:trPr>{tc(p("插入的行"))}{tc(p("y"))}</w:tr>'
    edited = ('<w:p><w:r><w:t>实际</w:t></w:r><w:del w:id="3" w:author="a"><w:r><w:delText>95</w:delText></w:r></w:del>'
              '<w:ins w:id="4" w:author="a"><w:r><w:t>96</w:t></w:r></w:ins><w:r><w:t>%</w:t></w:r></w:p>')
    body = (f"<w:tbl><w:tr>{tc(p('保留'))}{tc(edited)}</w:tr>{deleted_row}{inserted_row}</w:tbl>"
            '<w:p><w:pPr><w:pPrChange w:id="5" w:author="a"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr>'
            "<w:r><w:t>格式修订不改文字</w:t></w:r></w:p>")
    package("tracked-changes.docx", body)


def contents():
    """A report with the table of contents Word builds: a TOC field in a w:sdt, each entry a
    hyperlink in a toc N style (ids 10 and 20, as Chinese Word gives them) with its page
    number in a PAGEREF field. The 目录 lists two tables; the body holds the first."""
    styles_xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>'
                  '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="10"><w:name w:val="toc 1"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="20"><w:name w:val="toc 2"/></w:style>'
                  '<w:style w:type="paragraph" w:styleId="TOC"><w:name w:val="TOC Heading"/></w:style>'
                  "</w:styles>")

    def entry(text, page, style, anchor):
        field = (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF {anchor} \\h </w:instrText></w:r>'
                 f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{page}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
        return (f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="8296"/></w:tabs></w:pPr>'
                f'<w:hyperlink w:anchor="{anchor}" w:history="1"><w:r><w:t>{text}</w:t></w:r><w:r><w:tab/></w:r>{field}</w:hyperlink></w:p>')

    entries = [("第一部分 部门概况", 3, "10"), ("一、主要职能", 3, "20"), ("第二部分 2024年度部门决算表", 4, "10"),
               ("一、收入支出决算总表", 4, "20"), ("二、支出决算表", 5, "20"), ("第三部分 2024年度部门决算情况说明", 6, "10")]
    toc = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj>'
           f'</w:sdtPr><w:sdtContent>{p("目  录", pStyle("TOC"))}'
           '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>'
           + "".join(entry(text, page, style, f"_Toc{i}") for i, (text, page, style) in enumerate(entries))
           + '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>')
    table = ("<w:tbl>" + "".join(f"<w:tr>{tc(p(a))}{tc(p(b))}</w:tr>" for a, b in
                                 [("项目", "决算数"), ("本年收入合计", "100.00"), ("总计", "100.00")]) + "</w:tbl>")
    body = (p("上海市XX局2024年度部门决算") + toc
            + p("第一部分 部门概况", pStyle("1")) + p("一、主要职能", pStyle("2")) + p("主要职能是管理本市有关事务。")
            + p("第二部分 2024年度部门决算表", pStyle("1")) + p("一、收入支出决算总表", pStyle("2")) + p("单位：万元") + table
            + p("第三部分 2024年度部门决算情况说明", pStyle("1")) + p("2024年度收入支出总计100.00万元。"))
    package("table-of-contents.docx", body, {"word/styles.xml": styles_xml})


def pStyle(style):
    return f'<w:pStyle w:val="{style}"/>'


def bad_packages():
    # A part that inflates about a thousandfold, past the cap.
    unit = "<w:p><w:r><w:t>甲</w:t></w:r></w:p>"
    bomb = f'<w:document {W}><w:body>' + unit * (100 * 1024 * 1024 // len(unit.encode())) + "</w:body></w:document>"
    package("zip-bomb.docx", document=bomb)
    # An external entity pointing at a local file, and a billion laughs.
    package("xxe.docx", document=f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                 f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    laughs = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    package("billion-laughs.docx", document=f'<?xml version="1.0"?><!DOCTYPE d [{laughs}]>'
                                            f'<w:document {W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
    good = package("truncated.docx", p("完整的段落") * 200)
    data = open(good, "rb").read()
    open(good, "wb").write(data[: len(data) // 2])
    # A Word 97-2003 file (OLE compound header) renamed .docx.
    open(os.path.join(OUT, "old-word.docx"), "wb").write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))


SHARED = os.path.join("..", "shared", "corpus", "extra", "govbudgetchecker-fixtures")
NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?$")


def merged(grid):
    """The cells (row, column, rows, columns, text) of a pdfplumber grid, which writes a
    merged cell's text in its first position and "" in the others: in the header, a cell
    reaches right over empty positions under the same cell above it, and down over rows
    empty beneath all its columns."""
    first = next(r for r, row in enumerate(grid) if any(NUMBER.match(text) for text in row))
    owner, cells = {}, []
    for r, row in enumerate(grid):
        c = 0
        while c < len(row):
            if (r, c) in owner:
                c += 1
                continue
            span = 1
            if r < first and row[c]:
                while (c + span < len(row) and not row[c + span] and (r, c + span) not in owner
                       and owner.get((r - 1, c + span)) == owner.get((r - 1, c))):
                    span += 1
            cells.append([r, c, 1, span, row[c]])
            for k in range(span):
                owner[(r, c + k)] = len(cells) - 1
            c += span
        # Reach down: each header cell started in this row over the empty rows below it.
        for i, cell in enumerate(cells):
            if cell[0] != r or r >= first or not cell[4]:
                continue
            below = r + 1
            while below < first and all(not grid[below][k] for k in range(cell[1], cell[1] + cell[3])):
                for k in range(cell[1], cell[1] + cell[3]):
                    owner[(below, k)] = i
                cell[2] += 1
                below += 1
    return cells


def san_gong():
    tables = []
    for name in ["wenlv_narrative_truth_page_data.json", "cross_san_gong_truth_page_data.json"]:
        pages = json.load(open(os.path.join(SHARED, name), encoding="utf-8"))["page_tables"]
        tables += [grid for page in pages for grid in page if "公务接待费" in json.dumps(grid, ensure_ascii=False)
                   and grid[0][0] == "财政拨款“三公”经费"]
    title, unit = "财政拨款“三公”经费支出决算表", "单位：万元"
    body, page = "", ""
    for grid in tables:
        cells = merged(grid)
        rows = []
        for r in range(len(grid)):
            tcs = ""
            for c in range(len(grid[r])):
                cell = next((x for x in cells if x[1] == c and x[0] <= r < x[0] + x[2]), None)
                if cell is None or (cell[1] != c):
                    continue
                props = f'<w:gridSpan w:val="{cell[3]}"/>' if cell[3] > 1 else ""
                if cell[2] > 1:
                    props += '<w:vMerge w:val="restart"/>' if cell[0] == r else "<w:vMerge/>"
                lines = cell[4].split("\n") if cell[0] == r else [""]
                tcs += tc("".join(p(line) for line in lines), props)
            rows.append(f"<w:tr>{tcs}</w:tr>")
        body += p(title) + p(unit) + "<w:tbl>" + "".join(rows) + "</w:tbl>"
        trs = "".join(
            "<tr>" + "".join(
                f'<td{f" rowspan={x[2]}" if x[2] > 1 else ""}{f" colspan={x[3]}" if x[3] > 1 else ""}>'
                + "<br>".join(html.escape(line) for line in x[4].split("\n")) + "</td>"
                for x in cells if x[0] == r) + "</tr>\n" for r in range(len(grid)))
        page += f"<p>{title}</p>\n<p>{unit}</p>\n<table border=1>\n{trs}</table>\n"
    package("san-gong-tables.docx", body)
    with open(os.path.join("Corpus", "html", "san-gong-tables.html"), "w", encoding="utf-8") as out:
        out.write(f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>三公</title></head><body>\n{page}</body></html>\n')


def embedded_worksheet():
    """A 决算 table pasted into Word as an Excel worksheet object (选择性粘贴 → Microsoft Excel
    工作表 对象): Word shows a picture of its cells, the workbook lies in word/embeddings/, its
    active sheet (the second) and the range the object shows (oleSize) saying what it shows."""
    ns = ('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    def cell(ref, text):
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    rows = [("A1", "单位：万元"), ("A2", "项目"), ("B2", "决算数"), ("A3", "本年收入合计"), ("B3", 2946.25),
            ("A4", "本年支出合计"), ("B4", 2940.05), ("D9", "对象以外")]
    by_row = {}
    for ref, value in rows:
        by_row.setdefault(int(ref[1:]), []).append(
            cell(ref, value) if isinstance(value, str) else f'<c r="{ref}" s="1"><v>{value}</v></c>')
    sheet = "".join(f'<row r="{r}">{"".join(cells)}</row>' for r, cells in sorted(by_row.items()))
    workbook = io.BytesIO()
    with zipfile.ZipFile(workbook, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in [
            ("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
            ("_rels/.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
            ("xl/workbook.xml", f'<workbook {ns}><bookViews><workbookView activeTab="1"/></bookViews><sheets>'
                                f'<sheet name="说明" sheetId="1" r:id="rId1"/><sheet name="Sheet1" sheetId="2" r:id="rId2"/>'
                                f'</sheets><oleSize ref="A1:B4"/></workbook>'),
            ("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                           f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                                           f'<Relationship Id="rId2" Type="{rel}/worksheet" Target="worksheets/sheet2.xml"/>'
                                           f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>'),
            ("xl/worksheets/sheet1.xml", f'<worksheet {ns}><sheetData><row r="1">{cell("A1", "不在对象里的说明")}</row></sheetData></worksheet>'),
            ("xl/worksheets/sheet2.xml", f'<worksheet {ns}><sheetData>{sheet}</sheetData></worksheet>'),
            ("xl/styles.xml", f'<styleSheet {ns}><numFmts><numFmt numFmtId="176" formatCode="#,##0.00"/></numFmts>'
                              f'<cellXfs><xf numFmtId="0"/><xf numFmtId="176"/></cellXfs></styleSheet>'),
        ]:
            info = zipfile.ZipInfo(part, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W} xmlns:r="{rel}" '
                'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>'
                + p("一、收入支出决算总表")
                + '<w:p><w:r><w:object><v:shape id="_x0000_i1025" style="width:400pt;height:80pt"><v:imagedata r:id="rId3" o:title=""/>'
                  '</v:shape><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i1025" DrawAspect="Content" '
                  'ObjectID="_1700000000" r:id="rId2"/></w:object></w:r></w:p>'
                + p("二、收入决算表") + "</w:body></w:document>")
    relationships = (f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     f'<Relationship Id="rId2" Type="{rel}/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/>'
                     f'<Relationship Id="rId3" Type="{rel}/image" Target="media/image1.emf"/></Relationships>')
    package("embedded-worksheet.docx", document=document, parts={
        "word/_rels/document.xml.rels": relationships,
        "word/embeddings/Microsoft_Excel_Worksheet.xlsx": workbook.getvalue(),
        "word/media/image1.emf": b"\x01\x00\x00\x00",
    })


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    numbering()
    tables()
    contents()
    bad_packages()
    san_gong()
    embedded_worksheet()
