"""What the renderings of a `finparse dump` (make-docx.py, make-html.py) share."""


def body_blocks(doc, paragraph, table):
    """The report's paragraphs and tables in document order, each rendered by `paragraph`
    or `table`. A table whose title is not among the three paragraphs before it gets its
    title paragraph, and a table with a unit the line 单位：万元 before it, as a report
    written in Word or for the web prints them."""
    texts = {p["line"]: p["text"] for p in doc["paragraphs"]}
    blocks = [((p["line"], 0), paragraph(p)) for p in doc["paragraphs"]]
    for t in doc["tables"]:
        above = [texts.get(line) for line in range(t["line"] - 3, t["line"])]
        if t.get("title") and t["title"] not in above:
            blocks.append(((t["line"], 1), paragraph({"line": t["line"], "text": t["title"]})))
        if t.get("unit"):
            blocks.append(((t["line"], 2), paragraph({"line": t["line"], "text": "单位：" + t["unit"]})))
        blocks.append(((t["line"], 3), table(t)))
    blocks.sort(key=lambda b: b[0])
    return [b for _, b in blocks]
