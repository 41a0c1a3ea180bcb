#!/usr/bin/env python3
"""Writes libFuzzer's starting inputs for one format from the repository's corpus.

Small pieces of real reports, not whole ones: libFuzzer mutates a few kilobytes many
times faster than eighty, and each piece still holds headings, TAB-led tables, 自评表
rows and figure sentences. For document-xml, each seed is the corpus .docx's
document.xml cut down to a run of its body elements, so that every seed is still
well-formed XML and mutations start deep in the Word reader.

    Fuzz/make-seeds.py FORMAT OUTDIR      (FORMAT: text, html, docx, doc, document-xml, sheet-xml, xls, archive)
"""
import glob
import os
import re
import sys
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
LINES_PER_PIECE = 60
ELEMENTS_PER_PIECE = 8


def corpus(*patterns):
    return sorted(path for pattern in patterns for path in glob.glob(os.path.join(ROOT, pattern), recursive=True))


def pieces_of_lines(data, lines_per_piece):
    lines = data.split(b"\n")
    for start in range(0, len(lines), lines_per_piece):
        yield b"\n".join(lines[start:start + lines_per_piece])


def body_elements(xml):
    """The top-level elements of <w:body>, found by tracking tag depth."""
    start = xml.index(b"<w:body>") + len(b"<w:body>")
    end = xml.rindex(b"</w:body>")
    depth, element_start = 0, None
    for tag in re.finditer(rb"<(/?)[^>]*?(/?)>", xml[start:end]):
        closing, self_closing = tag.group(1), tag.group(2)
        if not closing and depth == 0:
            element_start = tag.start()
        depth += 0 if self_closing else (-1 if closing else 1)
        if depth == 0 and element_start is not None:
            yield xml[start + element_start:start + tag.end()]
            element_start = None


# The formats fuzzed as whole files, and the corpus files that seed them.
WHOLE_FILES = {"docx": ("Corpus/docx/**/*.docx", "Corpus/ofd/*.ofd"), "doc": ("Corpus/doc/**/*.doc", "Corpus/rtf/*.rtf"),
               "xls": ("Corpus/xls/*.xls",), "archive": ("Corpus/archive/**/*.*",)}


def seeds(format):
    if format == "text":
        # Lines that end in TABs, each a line of TAB-separated cells and none a table: read
        # once each they take milliseconds; asked again from every line (as 796d868 did) they
        # took 12.6 s, which the one-second check catches.
        yield "lines-ending-in-tabs", "".join(f"第{i}项说明\t\t\n" for i in range(6800)).encode()
        # With the reports compressed alone (.gz inflated by zlib, the others by libarchive).
        for path in corpus("Corpus/*.txt", "Corpus/variants/*.txt", "Corpus/pdf/*.txt", "Corpus/tsv/*.txt",
                           "Corpus/exports/*.txt", "Corpus/archive/fixtures/*.txt.*"):
            with open(path, "rb") as file:
                data = file.read()
            if data.startswith((b"\xff\xfe", b"\xfe\xff")) or path.endswith((".gz", ".bz2", ".xz", ".zst")):
                # UTF-16 whole, not cut mid-character; a compressed report whole.
                yield os.path.basename(path), data[:16384]
                continue
            for number, piece in enumerate(pieces_of_lines(data, LINES_PER_PIECE)):
                yield f"{os.path.basename(path)}.{number}", piece
    elif format == "html":
        for path in corpus("Corpus/html/*.html"):
            with open(path, "rb") as file:
                data = file.read()
            for number, piece in enumerate(pieces_of_lines(data, LINES_PER_PIECE)):
                yield f"{os.path.basename(path)}.{number}", piece
    elif format in WHOLE_FILES:
        for path in corpus(*WHOLE_FILES[format]):
            with open(path, "rb") as file:
                yield os.path.basename(path), file.read()
    elif format == "document-xml":
        for path in corpus("Corpus/docx/**/*.docx"):
            try:
                with zipfile.ZipFile(path) as package:
                    if package.getinfo("word/document.xml").file_size > 1 << 20:
                        continue  # the zip bomb
                    xml = package.read("word/document.xml")
            except (zipfile.BadZipFile, KeyError, OSError, zipfile.LargeZipFile):
                continue  # the damaged fixtures: the docx format covers them
            if len(xml) < 16384:
                yield os.path.basename(path), xml
                continue
            head = xml[:xml.index(b"<w:body>") + len(b"<w:body>")]
            elements = list(body_elements(xml))
            for number in range(0, len(elements), ELEMENTS_PER_PIECE):
                body = b"".join(elements[number:number + ELEMENTS_PER_PIECE])
                yield f"{os.path.basename(path)}.{number}", head + body + b"</w:body></w:document>"
    elif format == "sheet-xml":
        for path in corpus("Corpus/xlsx/*.xlsx"):
            with zipfile.ZipFile(path) as package:
                for name in package.namelist():
                    if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                        yield f"{os.path.basename(path)}.{os.path.basename(name)}", package.read(name)
    else:
        sys.exit(f"unknown format {format}: text, html, docx, doc, document-xml, sheet-xml, xls or archive")


def main():
    format, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    count = 0
    for name, data in seeds(format):
        with open(os.path.join(out, name), "wb") as file:
            file.write(data)
        count += 1
    print(f"{count} {format} seeds in {out}")


if __name__ == "__main__":
    main()
