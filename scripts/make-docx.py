#!/usr/bin/env python3
"""Renders a text report as a .docx, for tests of the Word reader.

Reads the report's `finparse dump` JSON (paragraphs, and tables with their cell
spans) and writes a minimal Word package: body paragraphs as w:p, headings with
Word's Chinese heading style ids, tables as real w:tbl with w:gridSpan and
w:vMerge restart/continue for merged cells. Only the standard library is used.

With --word-style SEED the package is written as Word writes one: every run with
its formatting (仿宋_GB2312, 三号) and a revision id, a paragraph's text cut into
runs of 1 to 12 characters at places drawn from SEED, cells with widths and borders.

    swift run finparse dump Corpus/yongzhou-yingji-2021-juesuan.txt > /tmp/y.json
    scripts/make-docx.py /tmp/y.json Corpus/docx/yongzhou-yingji-2021-juesuan.docx [--word-style 7]
"""
import json
import random
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


WORD_RUN = ('<w:r w:rsidRPr="00C24F1A"><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="仿宋_GB2312" '
            'w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"/><w:kern w:val="0"/>'
            '<w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>')
WORD_CELL = ('<w:tcW w:w="1200" w:type="dxa"/><w:tcBorders><w:top w:val="single" w:sz="4" w:space="0" '
             'w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tcBorders>')

def runs(text, word_style):
    """The text's runs: one bare run, or, with word_style (a random.Random), Word-styled
    runs of 1 to 12 characters."""
    if word_style is None:
        return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    pieces, start = [], 0
    while start < len(text):
        end = start + word_style.randint(1, 12)
        pieces.append(f'{WORD_RUN}<w:t xml:space="preserve">{escape(text[start:end])}</w:t></w:r>')
        start = end
    return "".join(pieces)


def paragraph(text, style=None, word_style=None):
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    ids = ' w:rsidR="00C24F1A" w:rsidRDefault="00C24F1A"' if word_style else ""
    return f"<w:p{ids}>{props}{runs(text, word_style) if text else ''}</w:p>"


def table(t, word_style=None):
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
            props = WORD_CELL if word_style else ""
            props += f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            if c is None:
                body = paragraph("", word_style=word_style)
            elif c["row"] == r:
                props += '<w:vMerge w:val="restart"/>' if c["rowSpan"] > 1 else ""
                body = "".join(paragraph(p, word_style=word_style) for p in c["text"].split("\n"))
            else:
                props += "<w:vMerge/>"
                body = paragraph("", word_style=word_style)
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


def main(dump_path, out_path, *options):
    seed = int(options[1]) if options[:1] == ("--word-style",) and len(options) == 2 else None
    if options and seed is None:
        sys.exit("usage: make-docx.py DUMP.json OUT.docx [--word-style SEED]")
    write_docx(json.load(open(dump_path, encoding="utf-8")), out_path, seed)


def write_docx(doc, out_path, word_style_seed=None):
    """Writes the report of a `finparse dump` JSON object as a .docx at out_path, Word-styled
    with runs cut at places drawn from word_style_seed if one is given."""
    word_style = None if word_style_seed is None else random.Random(word_style_seed)
    styles = headings(doc["outline"])
    body = "".join(body_blocks(doc, lambda p: paragraph(p["text"], styles.get(p["line"]), word_style),
                               lambda t: table(t, word_style)))
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>')
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as z:
        # Fixed dates so the same input gives the same bytes.
        for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("word/document.xml", xml)]:
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


if __name__ == "__main__":
    main(*sys.argv[1:])
