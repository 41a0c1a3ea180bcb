#!/usr/bin/env python3
"""Fills the official 上海市普陀区 2026 部门预算 template workbook with a real report's
figures, for tests of the .xlsx reader.

The template (Corpus/xlsx/putuo-department-budget-template-2026.xlsx, from
../shared/corpus/extra/tianbaoxitong) is the workbook a department fills in: one sheet
per section and per table, merged headers, XX placeholders, no data. This script writes
into it what the 上海市普陀区司法局 2026 部门预算 (../shared/corpus/extra/govbudgetchecker/
dept_budget.pdf, read with `pdftotext -layout`) prints: the cover, 主要职能 (its first
paragraphs), 编制说明 (its summary), the 财务收支预算总表, the 收入预算总表 (rows inserted
for its 21 科目), the “三公” table, and 其他相关情况说明 (its first section). The other
sheets keep the template's placeholders. Amounts are numbers in the cells, formatted as
the PDF prints them (#,##0.00 in 元, General in 万元); nothing is a formula.

With --self-evaluations it writes instead a workbook of a report's 绩效自评表s, a sheet
each, from the report's golden dump: each table's title in row 1, its cells from row 2 with
their spans merged (their text as the dump normalized it: ＞ is >).

Needs openpyxl (pip install openpyxl, in a virtualenv outside the repository):

    /tmp/venv/bin/python scripts/make-xlsx.py \\
        Corpus/xlsx/putuo-department-budget-template-2026.xlsx Corpus/xlsx/putuo-sifaju-2026-yusuan.xlsx
    /tmp/venv/bin/python scripts/make-xlsx.py --self-evaluations \\
        Corpus/golden/yongzhou-yingji-2021-juesuan.json Corpus/xlsx/yongzhou-yingji-2021-zipingbiao.xlsx
"""
import json
import sys

import openpyxl

DEPARTMENT = "上海市普陀区司法局"

FUNCTIONS = [
    "上海市普陀区司法局是主管本区司法和法制工作的区政府工作部门，主要职责是：",
    "（一）贯彻执行国家和本市有关司法行政工作的法律、法规、规章和方针、政策，制定本区司法行政工作规划、年度计划并组织实施。",
    "（二）承担区委全面依法治区委员会办公室日常工作，组织开展全面依法治区重大问题的政策研究，协调有关方面提出全面依法治区中长期规划建议，负责有关重大决策部署督察工作。",
    "（三）负责推进本区法治政府建设工作。指导、监督区政府各部门和各街道、镇的依法行政工作。承担区政府的法律顾问责任，推进本区行政机关政府法律顾问工作。",
]

SUMMARY = [
    "2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2026年预算增加793.14万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。",
    "支出预算9628.22万元，其中：财政拨款支出预算9628.22万元，比2026年预算增加793.14万元。财政拨款支出预算中，一般公共预算拨款支出预算9628.22万元，比2026年预算增加793.14万元；政府性基金拨款支出预算0万元，与2026年预算持平；国有资本经营预算拨款支出预算0万元，与2026年预算持平。",
    "1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元。主要用于：行政单位的基本支出。2025年当年预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%。主要原因是：部分人员退休。",
    "2、公共安全支出（204类）司法（06款）基层司法业务（04项）2170.39万元。主要用于：人民调解、医患纠纷、社区矫正和安置帮教等工作支出。2025年当年预算执行数为2149.45万元，2026年预算安排2170.39万元，比2025年预算执行数增加0.97%。主要原因是：业务量增加。",
]

# 财务收支预算总表: (row, column, value) in 元.
TOTALS = [
    (8, "B", 96282213.44), (9, "B", 96282213.44), (10, "B", 0), (11, "B", 0), (12, "B", 0), (13, "B", 0), (14, "B", 0),
    (8, "C", "一、公共安全支出"), (8, "D", 87267272.44), (9, "C", "二、社会保障和就业支出"), (9, "D", 3343704.00),
    (10, "C", "三、卫生健康支出"), (10, "D", 1149678.00), (11, "C", "四、住房保障支出"), (11, "D", 4521559.00),
    (21, "B", 96282213.44), (21, "D", 96282213.44),
]

# 收入预算总表: 类, 款, 项, name, 合计 (= 财政拨款收入; 事业收入 … 0).
INCOME = [
    ("204", "", "", "公共安全支出", 87267272.44),
    ("204", "06", "", "司法", 87267272.44),
    ("204", "06", "01", "行政运行", 16726725.44),
    ("204", "06", "04", "基层司法业务", 21703947.00),
    ("204", "06", "05", "普法宣传", 1242900.00),
    ("204", "06", "07", "公共法律服务", 6860000.00),
    ("204", "06", "13", "信息化建设", 2278800.00),
    ("204", "06", "99", "其他司法支出", 38454900.00),
    ("208", "", "", "社会保障和就业支出", 3343704.00),
    ("208", "05", "", "行政事业单位养老支出", 3343704.00),
    ("208", "05", "01", "行政单位离退休", 578040.00),
    ("208", "05", "05", "机关事业单位基本养老保险缴费支出", 1839485.00),
    ("208", "05", "06", "机关事业单位职业年金缴费支出", 919739.00),
    ("208", "05", "99", "其他行政事业单位养老支出", 6440.00),
    ("210", "", "", "卫生健康支出", 1149678.00),
    ("210", "11", "", "行政事业单位医疗", 1149678.00),
    ("210", "11", "01", "行政单位医疗", 1149678.00),
    ("221", "", "", "住房保障支出", 4521559.00),
    ("221", "02", "", "住房改革支出", 4521559.00),
    ("221", "02", "01", "住房公积金", 2087959.00),
    ("221", "02", "03", "购房补贴", 2433600.00),
]
INCOME_TOTAL = 96282213.44

# “三公” table, 万元: 合计, 因公出国(境)费, 公务接待费, 公务用车 小计, 购置费, 运行费, 机关运行经费.
SAN_GONG = [10.81, 0, 0.83, 9.98, 0, 9.98, 217.83]

OTHER = [
    "一、2026年“三公”经费预算情况说明",
    "2026年“三公”经费预算数为10.81万元，比2025年预算持平。其中：",
    "（一）因公出国（境）费0万元，与2025年预算持平，主要原因是因公出国（境）无变化。",
    "（二）公务用车购置及运行费9.98万元，与2025年预算持平，主要原因是公务车用车运行无变化。",
    "（三）公务接待费0.83万元。与2025年预算持平，主要原因是公务接待无变化。",
    "二、机关运行经费预算",
    "2026年上海市普陀区司法局下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为217.83万元。",
]

MONEY = "#,##0.00"


def fill(template, output):
    book = openpyxl.load_workbook(template)
    book["封面"]["A9"] = f"预算主管部门：{DEPARTMENT}"
    for name in ["部门收支总表", "部门收入总表", "部门支出总表", "部门财政拨款收支总表", "部门一般公共预算拨款表",
                 "部门政府性基金拨款表", "部门国有资本经营预算拨款表 ", "部门一般公共预算拨款基本支出明细表"]:
        book[name]["A4"] = f"编制部门：{DEPARTMENT}"
    book["部门“三公”经费和机关运行费预算表"]["A3"] = f"编制部门：{DEPARTMENT}"

    functions = book["部门主要职能"]
    functions["A1"] = f"{DEPARTMENT}主要职能"
    functions["A3"] = "\n".join(FUNCTIONS)

    summary = book["部门编制说明"]
    for row, text in enumerate(SUMMARY, start=3):
        summary[f"A{row}"] = text

    totals = book["部门收支总表"]
    for row, column, value in TOTALS:
        cell = totals[f"{column}{row}"]
        cell.value = value
        if not isinstance(value, str):
            cell.number_format = MONEY

    income = book["部门收入总表"]
    # The template leaves rows 9–19 for 科目 and totals them in row 20 (A20:D20 merged):
    # rows are inserted for the 21 科目, and the total's merge moved down with it.
    income.unmerge_cells("A20:D20")
    income.delete_rows(9, 11)
    income.insert_rows(9, len(INCOME))
    for offset, (kind, section, item, name, amount) in enumerate(INCOME):
        row = 9 + offset
        for column, value in zip("ABCD", (kind, section, item, name)):
            if value:
                income[f"{column}{row}"] = value
        for column, value in zip("EFGHI", (amount, amount, 0, 0, 0)):
            cell = income[f"{column}{row}"]
            cell.value = value
            cell.number_format = MONEY
    total_row = 9 + len(INCOME)
    income[f"A{total_row}"] = "合计"
    income.merge_cells(f"A{total_row}:D{total_row}")
    for column, value in zip("EFGHI", (INCOME_TOTAL, INCOME_TOTAL, 0, 0, 0)):
        cell = income[f"{column}{total_row}"]
        cell.value = value
        cell.number_format = MONEY

    san_gong = book["部门“三公”经费和机关运行费预算表"]
    for column, value in zip("ABCDEFG", SAN_GONG):
        san_gong[f"{column}7"] = value

    book["其他相关情况说明"]["A3"] = "\n".join(OTHER)
    book.save(output)


def self_evaluations(golden, output):
    with open(golden, encoding="utf-8") as file:
        report = json.load(file)
    book = openpyxl.Workbook()
    book.remove(book.active)
    for table in report["tables"]:
        if not table.get("selfEvaluation"):
            continue
        sheet = book.create_sheet(f"自评表{table['index'] + 1}")
        sheet["A1"] = table["title"]
        for cell in table["cells"]:
            row, column = cell["row"] + 2, cell["column"] + 1
            sheet.cell(row=row, column=column, value=cell["text"])
            if cell["rowSpan"] > 1 or cell["columnSpan"] > 1:
                sheet.merge_cells(start_row=row, start_column=column,
                                  end_row=row + cell["rowSpan"] - 1, end_column=column + cell["columnSpan"] - 1)
    book.save(output)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--self-evaluations":
        self_evaluations(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3:
        fill(sys.argv[1], sys.argv[2])
    else:
        sys.exit(__doc__)
