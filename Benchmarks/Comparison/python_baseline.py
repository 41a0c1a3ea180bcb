#!/usr/bin/env python3
"""The pipeline a researcher writes without finparse, for comparison: python-docx for
the .docx (paragraphs and table cells), jieba for the words, a regular expression for
amounts and percents. One JSON line per file, as `finparse dump` prints.

    pip install python-docx jieba
    python3 Benchmarks/Comparison/python_baseline.py FILE.docx ... > out.jsonl
"""
import json
import re
import sys

import docx
import jieba

FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万元|亿元|元|%)")


def texts(document):
    for paragraph in document.paragraphs:
        yield paragraph.text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield cell.text


def main(paths):
    for path in paths:
        document = docx.Document(path)
        words = 0
        figures = []
        for text in texts(document):
            words += len(jieba.lcut(text))
            figures += [{"value": v.replace(",", ""), "unit": u} for v, u in FIGURE.findall(text)]
        print(json.dumps({"path": path, "words": words, "figures": figures}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
