#!/usr/bin/env python3
"""Writes one large .docx: the body of SOURCE.docx repeated until word/document.xml
holds about MB megabytes; every other part kept as it is.

    python3 Benchmarks/Comparison/make_large_docx.py SOURCE.docx OUT.docx MB
"""
import sys
import zipfile


def main(source, out, megabytes):
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode()
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.rindex("<w:sectPr")
    body = xml[start:end]
    copies = max(1, (megabytes << 20) // len(body.encode()))
    parts["word/document.xml"] = (xml[:start] + body * copies + xml[end:]).encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    print(f"{out}: {copies} copies of the body, document.xml {len(parts['word/document.xml']) / 1e6:.1f} MB")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
