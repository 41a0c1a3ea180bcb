#!/usr/bin/env python3
"""Renders a text report as a web page, for tests of the HTML reader.

Reads the report's `finparse dump` JSON (paragraphs, and tables with their cell
spans) and writes the page a site would publish: paragraphs as <p> (headings as
<h2>/<h3>), tables as <table> with rowspan and colspan, a cell's lines split by
<br>, and some of the noise real pages carry (a <head> with a title, style and
script, &nbsp; indents). Only the standard library is used.

    swift run finparse dump Corpus/yongzhou-yingji-2021-juesuan.txt > /tmp/y.json
    scripts/make-html.py /tmp/y.json Corpus/html/yongzhou-yingji-2021-juesuan.html
"""
import json
import re
import sys
from html import escape as escape_markup

from rendering import body_blocks


def escape(text):
    """Escaped for HTML, with runs of spaces kept as a browser shows them (&nbsp;)."""
    return re.sub(r" {2,}", lambda m: " " + "&nbsp;" * (len(m.group()) - 1), escape_markup(text))


def headings(sections, depth=0, found=None):
    found = {} if found is None else found
    for s in sections:
        if s["kind"] != "item":
            found[s["line"]] = min(depth + 2, 6)
        headings(s["children"], depth + 1, found)
    return found


def table(t):
    rows = [[] for _ in range(t["rows"])]
    for c in t["cells"]:
        spans = (f' rowspan="{c["rowSpan"]}"' if c["rowSpan"] > 1 else "") + \
                (f' colspan="{c["columnSpan"]}"' if c["columnSpan"] > 1 else "")
        text = "<br>".join(escape(line) for line in c["text"].split("\n"))
        rows[c["row"]].append(f"<td{spans}>{text}</td>")
    body = "\n".join("<tr>" + "".join(cells) + "</tr>" for cells in rows)
    return f'<table border="1" cellspacing="0">\n{body}\n</table>'


def write_html(doc, out_path):
    levels = headings(doc["outline"])

    def paragraph(p):
        level, text = levels.get(p["line"]), escape(p["text"])
        return f"<h{level}>{text}</h{level}>" if level else f"<p>&nbsp;&nbsp;{text}</p>"

    blocks = body_blocks(doc, paragraph, table)
    page = ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>部门决算公开</title>\n'
            '<style>td { border: 1px solid #999 }</style>\n'
            '<script>var visits = "1000万元";</script></head>\n<body>\n'
            + "\n".join(blocks) + "\n</body></html>\n")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(page)


if __name__ == "__main__":
    write_html(json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2])
