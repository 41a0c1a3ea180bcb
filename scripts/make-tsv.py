#!/usr/bin/env python3
"""Renders a text report as the text a table pasted from Excel, Word or a web page leaves,
for tests of the TAB-separated table reader.

Reads the report's `finparse dump` JSON (paragraphs, and tables with their cell spans)
and writes plain text: a paragraph a line, and each table row a line of its cells
separated by TABs, a merged cell's text in its first position and its other positions
empty, as Excel copies a range (a cell's own line breaks become spaces). Only the
standard library is used.

    swift run finparse dump Corpus/pdf/putuo-caizhengju-2024-juesuan.layout.txt > /tmp/p.json
    scripts/make-tsv.py /tmp/p.json Corpus/tsv/putuo-caizhengju-2024-juesuan.txt
"""
import json
import sys

from rendering import body_blocks


def table(t):
    grid = [[""] * t["columns"] for _ in range(t["rows"])]
    for c in t["cells"]:
        grid[c["row"]][c["column"]] = c["text"].replace("\n", " ")
    return "\n".join("\t".join(row) for row in grid)


def write_tsv(doc, out_path):
    blocks = body_blocks(doc, lambda p: p["text"], table)
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(blocks) + "\n")


if __name__ == "__main__":
    write_tsv(json.load(open(sys.argv[1], encoding="utf-8")), sys.argv[2])
