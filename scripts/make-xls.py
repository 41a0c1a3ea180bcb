#!/usr/bin/env python3
"""Writes an .xlsx workbook as an Excel 97–2003 .xls (BIFF8), for tests of the .xls reader.

Each visible sheet in order, each cell's value (numbers as numbers, in the cell's number
format), each merged range; xlwt writes the strings to the shared string table (SST, with
Continue records past 8,224 bytes), integers as RK numbers and other numbers as Number
records. Styles other than the number format are left out.

Needs openpyxl and xlwt (pip install openpyxl xlwt, in a virtualenv outside the repository):

    /tmp/venv/bin/python scripts/make-xls.py Corpus/xlsx/putuo-sifaju-2026-yusuan.xlsx Corpus/xls/putuo-sifaju-2026-yusuan.xls
"""
import sys

import openpyxl
import xlwt


def convert(source, output):
    book = openpyxl.load_workbook(source)
    out = xlwt.Workbook(encoding="utf-8")
    styles = {}
    for sheet in book.worksheets:
        target = out.add_sheet(sheet.title.strip(), cell_overwrite_ok=True)
        merged = {}
        for cells in sheet.merged_cells.ranges:
            merged[(cells.min_row, cells.min_col)] = cells
        covered = {(r, c) for cells in sheet.merged_cells.ranges
                   for r in range(cells.min_row, cells.max_row + 1) for c in range(cells.min_col, cells.max_col + 1)}
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None or ((cell.row, cell.column) in covered and (cell.row, cell.column) not in merged):
                    continue
                code = cell.number_format if isinstance(cell.value, (int, float)) else "General"
                style = styles.setdefault(code, xlwt.easyxf(num_format_str=code))
                cells = merged.get((cell.row, cell.column))
                if cells:
                    target.write_merge(cells.min_row - 1, cells.max_row - 1, cells.min_col - 1, cells.max_col - 1, cell.value, style)
                else:
                    target.write(cell.row - 1, cell.column - 1, cell.value, style)
    out.save(output)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    convert(sys.argv[1], sys.argv[2])
