#!/usr/bin/env python3
"""Writes an OFD document (GB/T 33190) of a report from its `pdftotext -layout` text:

    scripts/make-ofd.py Corpus/pdf/putuo-caizhengju-2024-juesuan.layout.txt Corpus/ofd/putuo-caizhengju-2024-juesuan.ofd

Each page of the text (split at form feeds) becomes a page of the OFD, each run of
characters without a space an `ofd:TextObject` at the place its column and line give: a
column is 1.75 mm (half the 3.5 mm glyphs), a line 5.25 mm; every character advances one
column, as pdftotext counts them, and each run gives every glyph's advance, the last one's
too. No program here writes OFD, so the fixture is made from
what pdftotext saw of the PDF: reading it back tests how finparse turns an OFD's placed text
into lines and columns, not how well a real OFD writer's output reads. Deterministic.
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
SIZE, COLUMN, LINE, MARGIN = 3.5, 1.75, 5.25, 20.0
DATE = (2024, 6, 1, 9, 30, 0)


def number(value):
    return f"{value:.2f}".rstrip("0").rstrip(".")


def page_content(lines, first_id):
    objects = []
    next_id = first_id
    for row, line in enumerate(lines):
        baseline = MARGIN + (row + 1) * LINE
        for run in re.finditer(r"\S+", line):
            text = run.group()
            x = MARGIN + run.start() * COLUMN
            width = len(text) * COLUMN
            # Every glyph's advance, the last one's too: read without it, a last Chinese
            # character would be taken for as wide as its size, two columns.
            advances = f' DeltaX="g {len(text)} {number(COLUMN)}"'
            objects.append(
                f'<ofd:TextObject ID="{next_id}" Boundary="{number(x)} {number(baseline - SIZE)} {number(width)} {number(LINE)}" '
                f'Font="1" Size="{number(SIZE)}"><ofd:TextCode X="0" Y="{number(SIZE)}"{advances}>{escape(text)}'
                "</ofd:TextCode></ofd:TextObject>")
            next_id += 1
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page {NS}><ofd:Content><ofd:Layer ID="{first_id - 1}">'
            + "".join(objects) + "</ofd:Layer></ofd:Content></ofd:Page>"), next_id + 1


def main(source, target):
    with open(source, encoding="utf-8") as f:
        pages = [page.split("\n") for page in f.read().split("\f")]
    pages = [page for page in pages if any(line.strip() for line in page)]
    width = MARGIN * 2 + max(len(line) for page in pages for line in page) * COLUMN
    height = MARGIN * 2 + max(len(page) for page in pages) * LINE
    parts = {"OFD.xml": (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody>'
                         "<ofd:DocInfo><ofd:DocID>finparse-fixture</ofd:DocID></ofd:DocInfo>"
                         "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
             "Doc_0/PublicRes.xml": (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
                                     '<ofd:Font ID="1" FontName="SimSun" FamilyName="宋体"/></ofd:Fonts></ofd:Res>')}
    page_list = []
    next_id = 10
    for index, lines in enumerate(pages):
        content, next_id = page_content(lines, next_id + 1)
        parts[f"Doc_0/Pages/Page_{index}/Content.xml"] = content
        page_list.append(f'<ofd:Page ID="{next_id}" BaseLoc="Pages/Page_{index}/Content.xml"/>')
        next_id += 1
    parts["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>{next_id}</ofd:MaxUnitID>'
        f"<ofd:PageArea><ofd:PhysicalBox>0 0 {number(width)} {number(height)}</ofd:PhysicalBox></ofd:PageArea>"
        "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
        f"<ofd:Pages>{''.join(page_list)}</ofd:Pages></ofd:Document>")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, DATE), text.encode("utf-8"), zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
