#!/usr/bin/env python3
"""Measures finparse's table amounts against the human-checked cells of the two
GovBudgetChecker fixtures in ../shared/corpus/extra/govbudgetchecker-fixtures/.

Each fixture is a 2025 决算 as page text (NAME.pages.txt) and, in NAME.json, the cell
grids of its tables as a person checked them. For every decimal cell of those grids
(1,234.56) the script asks whether finparse found an amount of that value (counted with
multiplicity), and whether one of that value carries a label that ends like the cell's
label (the nearest cell to its left that is not a number).

It also asks it of whole rows: each run of a checked row from a label to its last value
(收入 and 支出 side by side make two runs) must be a run of one of finparse's table rows,
with the same label (codes and brackets aside) and the same values in order. Only the
standard library is used.

    swift build -c release --product finparse
    scripts/check-truth-tables.py [path to the finparse binary]
"""
import json
import re
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT.parent / "shared/corpus/extra/govbudgetchecker-fixtures"
NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?$")


def compact(text):
    return re.sub(r"[\s（）()]", "", text or "")


def runs(texts):
    """A row's runs of (label, values) that hold a decimal: a whole number before a label
    is its 科目编码, part of the label."""
    texts = [t.strip() for t in texts if t and t.strip()]
    found, label, values = [], "", []
    for k, text in enumerate(texts):
        bare = text.replace(" ", "")
        is_code = "." not in text and k + 1 < len(texts) and not NUMBER.match(texts[k + 1].replace(" ", ""))
        if NUMBER.match(bare) and not is_code:
            values.append(Decimal(bare.replace(",", "")))
            continue
        if values:
            found.append((row_label(label), tuple(values)))
            label, values = "", []
        label += text
    if values:
        found.append((row_label(label), tuple(values)))
    return [run for run in found if any("." in str(v) for v in run[1])]


def row_label(text):
    return re.sub(r"^\d{3,9}", "", compact(text))


def table_runs(document):
    found = []
    for table in document["tables"]:
        rows = {}
        for cell in sorted(table["cells"], key=lambda c: (c["row"], c["column"])):
            # A cell of values a space apart (2,336.91 603.14) is a value each.
            parts = cell["text"].split()
            rows.setdefault(cell["row"], []).extend(parts if all(NUMBER.match(p) for p in parts) else [cell["text"]])
        for texts in rows.values():
            found += runs(texts)
    return found


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/release/finparse")
    total_cells = total_found = total_labelled = total_runs = total_whole = 0
    for name in ["cross_san_gong", "wenlv_narrative"]:
        base = FIXTURES / f"{name}_truth_page_data"
        truth = json.loads((base.with_suffix(".json")).read_text())
        run = subprocess.run([binary, "dump", str(base) + ".pages.txt"], capture_output=True, text=True, check=True)
        document = json.loads(run.stdout)
        cells = []  # (value, row label)
        wanted = []  # (label, values) runs of the checked rows
        for page in truth["page_tables"]:
            for grid in page:
                for row in grid:
                    wanted += runs(row)
                    texts = [cell.strip().replace(" ", "") for cell in row]
                    # A cell's label is the nearest text to its left (收入 and 支出 side by side).
                    label = None
                    for t in texts:
                        if t and not NUMBER.match(t):
                            label = t
                        elif NUMBER.match(t) and "." in t:
                            cells.append((Decimal(t.replace(",", "")), label))
        amounts = Counter(Decimal(a["value"]) for a in document["amounts"])
        labels = {}
        for a in document["amounts"]:
            labels.setdefault(Decimal(a["value"]), []).append(compact(a.get("label")))
        found = sum(min(n, amounts[v]) for v, n in Counter(v for v, _ in cells).items())
        labelled = sum(1 for v, label in cells if label and any(
            x and (compact(label).endswith(x) or x.endswith(compact(label))) for x in labels.get(v, [])))
        print(f"{name}: {len(cells)} decimal cells, {found} found by value ({found / len(cells):.1%}), "
              f"{labelled} with the row's label ({labelled / len(cells):.1%}); "
              f"{len(document['amounts'])} amounts, {len(document['tables'])} tables")
        have = Counter(table_runs(document))
        whole = 0
        for run in wanted:
            if have[run] > 0:
                have[run] -= 1
                whole += 1
        print(f"{name}: {len(wanted)} checked rows with a decimal, {whole} found whole ({whole / len(wanted):.1%})")
        total_runs += len(wanted)
        total_whole += whole
        total_cells += len(cells)
        total_found += found
        total_labelled += labelled
    print(f"both: {total_found} of {total_cells} found ({total_found / total_cells:.1%}), "
          f"{total_labelled} labelled ({total_labelled / total_cells:.1%}); "
          f"rows: {total_whole} of {total_runs} found whole ({total_whole / total_runs:.1%})")


if __name__ == "__main__":
    main()
