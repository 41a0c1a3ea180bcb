#!/usr/bin/env python3
"""Measures finparse's 收支预算总表 figures against values read independently.

../shared/corpus/extra/jiangsu-open-budget/ holds, for three 江苏 departments, the
2017–2019 budget PDFs (with pdftotext -layout and raw extractions) and a CSV of each
year's 收支预算总表 key figures that the open-budget project's camelot parser read from
the same PDFs. For every figure of the CSVs and both extractions, this asks whether
finparse finds the value among the amounts of the report's 收支预算总表, and whether
the amount's label names the CSV's column. By hand, from the repository root:

    swift build -c release && scripts/check-jiangsu-totals.py .build/release/finparse [-v]
"""
import csv
import glob
import json
import os
import re
import subprocess
import sys
from decimal import Decimal

binary = sys.argv[1]
verbose = "-v" in sys.argv
root = os.path.join(os.path.dirname(__file__), "../../shared/corpus/extra/jiangsu-open-budget")
counts = {extraction: [0, 0, 0] for extraction in ["layout", "raw"]}  # figures, found, labelled
for department in sorted(os.listdir(root)):
    expected = os.path.join(root, department, "收支预算总表.csv")
    if not os.path.exists(expected):
        continue
    rows = list(csv.DictReader(open(expected, encoding="utf-8")))
    for extraction in ["layout", "raw"]:
        summaries = {}  # year: the amounts of its 收支预算总表
        for path in glob.glob(os.path.join(root, department, f"*.{extraction}.txt")):
            document = json.loads(subprocess.run([binary, "dump", path], capture_output=True, check=True).stdout)
            year = document["report"]["year"] or int(re.search(r"20\d\d", os.path.basename(path)).group(0))
            tables = [t for t in document["tables"] if t["kind"] == "收支预算总表"]
            if tables:
                lines = {cell["line"] for cell in tables[0]["cells"]}
                summaries[year] = [a for a in document["amounts"] if a["line"] in lines]
        for row in rows:
            year = int(row[""][:4])
            for column, value in row.items():
                if not column or not value:
                    continue
                count = counts[extraction]
                count[0] += 1
                hits = [a for a in summaries.get(year, []) if Decimal(a["value"]) == Decimal(value)]
                count[1] += bool(hits)
                if any(column in (a["label"] or "") for a in hits):
                    count[2] += 1
                elif verbose:
                    why = [a["label"] for a in hits] if hits else "no table" if year not in summaries else "no such value"
                    print(f"{department} {year} {extraction}: {column} {value}: {why}")
for extraction, (total, found, labelled) in counts.items():
    print(f"{extraction}: {total} figures, {found} found in the 收支预算总表, {labelled} labelled with the column's name")
