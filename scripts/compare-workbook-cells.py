#!/usr/bin/env python3
"""Checks finparse's reading of workbooks against another reader's: xlrd for .xls, openpyxl
for .xlsx (their saved values, data_only).

For each workbook, every visible cell (hidden sheets, rows and columns left out, as finparse
leaves them) must show in finparse's JSON: a text cell as a table cell or a paragraph, or one
line of one (whitespace aside, after NFKC, as finparse folds text); a number as a cell or
paragraph whose number is within half a unit of its last shown digit (finparse shows numbers
through their format: 60.311355 as 60). Prints, per workbook, how many cells were asked and
the first of those not found. A 目录's lines, set aside by finparse, and a text sheet's cell of
several paragraphs (read a paragraph a line, headings apart) show among them; so does a
traditional-character workbook's text, which finparse reads as simplified.

Needs xlrd and openpyxl (pip install xlrd openpyxl, in a virtualenv outside the repository):

    /tmp/venv/bin/python scripts/compare-workbook-cells.py .build/release/finparse BOOK.xls BOOK.xlsx …
"""
import json
import re
import subprocess
import sys
import unicodedata
from decimal import Decimal, InvalidOperation

import openpyxl
import xlrd


def norm(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).replace("“", '"').replace("”", '"')


def number(text):
    text = text.replace(",", "").replace("¥", "")
    scale = Decimal(1)
    if text.endswith("%"):
        text, scale = text[:-1], Decimal("0.01")
    try:
        return Decimal(text), scale
    except InvalidOperation:
        return None


def shown(document):
    """finparse's texts (whole, and line by line) and the numbers they show with their last digit's place."""
    texts = set()
    for part in [c["text"] for t in document["tables"] for c in t["cells"]] + [p["text"] for p in document["paragraphs"]]:
        texts.add(norm(part))
        texts.update(norm(line) for line in part.split("\n"))
    numbers = []
    for text in texts:
        read = number(text)
        if read:
            value, scale = read
            place = Decimal(10) ** min(value.as_tuple().exponent, 0)
            numbers.append((value * scale, place * scale))
    return texts, numbers


def xls_cells(path):
    book = xlrd.open_workbook(path, formatting_info=True)
    for sheet in book.sheets():
        if sheet.visibility != 0:
            continue
        hidden_rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden}
        hidden_columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                # Dates are Excel's day counts to xlrd: finparse shows them through their format.
                if r in hidden_rows or c in hidden_columns or cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_DATE):
                    continue
                value = cell.value
                if cell.ctype == xlrd.XL_CELL_ERROR:
                    value = xlrd.error_text_from_code.get(cell.value, "")
                elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                    value = "TRUE" if cell.value else "FALSE"
                yield sheet.name, xlrd.cellname(r, c), value


def xlsx_cells(path):
    book = openpyxl.load_workbook(path, data_only=True)
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        hidden_rows = {r for r, d in sheet.row_dimensions.items() if d.hidden}
        hidden_columns = {c for d in sheet.column_dimensions.values() if d.hidden for c in range(d.min or 0, (d.max or 0) + 1)}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None and cell.row not in hidden_rows and cell.column not in hidden_columns:
                    yield sheet.title, cell.coordinate, cell.value


def compare(finparse, path):
    run = subprocess.run([finparse, "dump", "-q", path], capture_output=True, check=False)
    if run.returncode != 0:
        return f"{path}: finparse refused it: {run.stderr.decode().strip()}", []
    document = json.loads(run.stdout)
    texts, numbers = shown(document)
    with open(path, "rb") as file:
        cells = xls_cells(path) if file.read(4) == b"\xd0\xcf\x11\xe0" else xlsx_cells(path)
    asked, missing = 0, []
    for sheet, reference, value in cells:
        if isinstance(value, str):
            if not norm(value):
                continue
            found = norm(value) in texts
        elif isinstance(value, bool):
            found = ("TRUE" if value else "FALSE") in texts
        elif isinstance(value, (int, float)):
            exact = Decimal(repr(value))
            found = any(abs(n - exact) <= place / 2 for n, place in numbers)
        else:
            continue  # dates: finparse shows them through their format
        asked += 1
        if not found:
            missing.append(f"{sheet}!{reference} {str(value)[:60]!r}")
    return f"{path}: {asked} cells, {len(missing)} not found", missing


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for path in sys.argv[2:]:
        try:
            summary, missing = compare(sys.argv[1], path)
        except Exception as error:  # the other reader's failure, not finparse's
            summary, missing = f"{path}: the other reader failed: {error!r}", []
        print(summary)
        for line in missing[:20]:
            print("   ", line)


if __name__ == "__main__":
    main()
