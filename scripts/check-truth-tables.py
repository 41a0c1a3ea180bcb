#!/usr/bin/env python3
"""Measures finparse's table amounts against the human-checked cells of the two
GovBudgetChecker fixtures in ../shared/corpus/extra/govbudgetchecker-fixtures/.

Each fixture is a 2025 决算 as page text (NAME.pages.txt) and, in NAME.json, the cell
grids of its tables as a person checked them. For every decimal cell of those grids
(1,234.56) the script asks whether finparse found an amount of that value (counted with
multiplicity), and whether one of that value carries a label that ends like the cell's
row label (the row's first cell that is not a number). Only the standard library is used.

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


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / ".build/release/finparse")
    total_cells = total_found = total_labelled = 0
    for name in ["cross_san_gong", "wenlv_narrative"]:
        base = FIXTURES / f"{name}_truth_page_data"
        truth = json.loads((base.with_suffix(".json")).read_text())
        run = subprocess.run([binary, "dump", str(base) + ".pages.txt"], capture_output=True, text=True, check=True)
        document = json.loads(run.stdout)
        cells = []  # (value, row label)
        for page in truth["page_tables"]:
            for grid in page:
                for row in grid:
                    texts = [cell.strip().replace(" ", "") for cell in row]
                    label = next((t for t in texts if t and not NUMBER.match(t)), None)
                    cells += [(Decimal(t.replace(",", "")), label) for t in texts if NUMBER.match(t) and "." in t]
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
        total_cells += len(cells)
        total_found += found
        total_labelled += labelled
    print(f"both: {total_found} of {total_cells} found ({total_found / total_cells:.1%}), "
          f"{total_labelled} labelled ({total_labelled / total_cells:.1%})")


if __name__ == "__main__":
    main()
