#!/usr/bin/env python3
"""Renders a text report as a .docx, for tests of the Word reader.

Reads the report's `finparse dump` JSON (paragraphs, and tables with their cell
spans) and writes a minimal Word package: body paragraphs as w:p, headings with
Word's Chinese heading style ids, tables as real w:tbl with w:gridSpan and
w:vMerge restart/continue for merged cells. Only the standard library is used.

    swift run finparse dump Corpus/yongzhou-yingji-2021-juesuan.txt > /tmp/y.json
    scripts/make-docx.py /tmp/y.json Corpus/docx/yongzhou-yingji-2021-juesuan.docx
"""
import json
import sys
import zipfile
from xml.sax.saxutils import escape

from rendering import body_blocks

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def paragraph(text, style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{props}{run}</w:p>"


def table(t):
    starts = {(c["row"], c["column"]): c for c in t["cells"]}
    covering = {}
    for c in t["cells"]:
        for r in range(c["row"], c["row"] + c["rowSpan"]):
            for k in range(c["column"], c["column"] + c["columnSpan"]):
                covering[(r, k)] = c
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(t["columns"]))
    rows = []
    for r in range(t["rows"]):
        cells, k = [], 0
        while k < t["columns"]:
            c = starts.get((r, k)) or covering.get((r, k))
            span = c["columnSpan"] if c else 1
            props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            if c is None:
                body = paragraph("")
            elif c["row"] == r:
                props += '<w:vMerge w:val="restart"/>' if c["rowSpan"] > 1 else ""
                body = "".join(paragraph(p) for p in c["text"].split("\n"))
            else:
                props += "<w:vMerge/>"
                body = paragraph("")
            cells.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>")
            k += span
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def headings(sections, depth=0, found=None):
    found = {} if found is None else found
    for s in sections:
        if s["kind"] != "item":
            found[s["line"]] = str(min(depth + 1, 9))
        headings(s["children"], depth + 1, found)
    return found


def main(dump_path, out_path):
    write_docx(json.load(open(dump_path, encoding="utf-8")), out_path)


def write_docx(doc, out_path):
    """Writes the report of a `finparse dump` JSON object as a .docx at out_path."""
    styles = headings(doc["outline"])
    body = "".join(body_blocks(doc, lambda p: paragraph(p["text"], styles.get(p["line"])), table))
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>')
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as z:
        # Fixed dates so the same input gives the same bytes.
        for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("word/document.xml", xml)]:
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


if __name__ == "__main__":
    main(*sys.argv[1:3])
