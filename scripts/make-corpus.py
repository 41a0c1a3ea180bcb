#!/usr/bin/env python3
"""Writes a large, varied corpus of reports for batch benchmarks, from the real
reports in Corpus/. Deterministic from a seed; never commit its output.

    python3 scripts/make-corpus.py --out /tmp/corpus --size 1G --seed 7

Each report is a real one with another department and year, its figures scaled
(every amount keeps its decimals), and saved in one of the encodings and line-end
styles finparse reads, some with full-width digits and ideographic spaces. With
--docx-every N, every Nth report is written as a .docx instead: its text is parsed by a
built finparse (--finparse, default .build/release/finparse) and rendered with real Word
tables by scripts/make-docx.py, every other one as Word writes a file (formatted runs,
paragraphs cut into several runs).
"""
import argparse
import importlib.util
import json
import pathlib
import random
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parent.parent
PLACES = ["永州市", "长沙市", "株洲市", "湘潭市", "衡阳市", "邵阳市", "岳阳市", "常德市", "张家界市", "益阳市",
          "郴州市", "怀化市", "娄底市", "上海市普陀区", "江苏省", "南京市", "苏州市", "无锡市", "重庆市"]
BODIES = ["应急管理局", "财政局", "教育局", "卫生健康委员会", "交通运输局", "司法局", "民政局", "商务局",
          "自然资源和规划局", "文化旅游广电局", "生态环境局", "住房和城乡建设局", "农业农村局", "审计局"]
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
NUMBER = re.compile(r"\d+\.\d+|\d+(?=万元|元|%)")


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(float(text[:-1]) * units[text[-1].upper()]) if text[-1].upper() in units else int(text)


def vary(template, rng):
    body = rng.choice(PLACES) + rng.choice(BODIES)
    year = rng.randint(2016, 2025)
    text = template.replace("永州市应急管理局", body)
    text = re.sub(r"20(1\d|2[0-5])(?=年)", lambda m: str(year - (2021 - int(m.group(0)))), text)
    factor = rng.choice([0.5, 0.8, 1, 1.25, 2, 3])

    def scale(m):
        whole, _, frac = m.group(0).partition(".")
        value = round(float(m.group(0)) * factor, len(frac))
        return f"{value:.{len(frac)}f}" if frac else str(int(value))

    text = NUMBER.sub(scale, text)
    if rng.random() < 0.25:
        text = NUMBER.sub(lambda m: m.group(0).translate(FULL_WIDTH), text)
    if rng.random() < 0.25:
        text = text.replace("\n\n", "\n\u3000\n")
    return text


def encode(text, rng):
    style = rng.choice(["utf8", "utf8", "utf8-bom-crlf", "gb18030", "utf16le"])
    if style == "utf8-bom-crlf":
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    if style == "gb18030":
        return text.encode("gb18030")
    if style == "utf16le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=pathlib.Path)
    parser.add_argument("--size", default="100M", help="total size, e.g. 10M, 1G")
    parser.add_argument("--count", type=int, help="number of reports instead of a size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--docx-every", type=int, default=0, help="write every Nth report as .docx")
    parser.add_argument("--finparse", type=pathlib.Path, default=ROOT / ".build/release/finparse")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    templates = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "Corpus").glob("*.txt"))]
    args.out.mkdir(parents=True, exist_ok=True)
    limit = parse_size(args.size)
    written = 0
    index = 0
    while (args.count is None and written < limit) or (args.count is not None and index < args.count):
        data = encode(vary(rng.choice(templates), rng), rng)
        folder = args.out / f"{index // 1000:04d}"
        folder.mkdir(exist_ok=True)
        (folder / f"report-{index:06d}.txt").write_bytes(data)
        written += len(data)
        index += 1
    docx = render_docx(args, index) if args.docx_every > 0 else 0
    print(f"{index} reports ({docx} as .docx), {written / 1e6:.1f} MB of text in {args.out}")


def render_docx(args, count):
    """Replaces every Nth text report with its .docx rendering; returns how many."""
    spec = importlib.util.spec_from_file_location("make_docx", ROOT / "scripts" / "make-docx.py")
    make_docx = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_docx)
    chosen = [args.out / f"{i // 1000:04d}" / f"report-{i:06d}.txt" for i in range(0, count, args.docx_every)]
    dumps = subprocess.run([str(args.finparse), "dump", "--quiet", "--files-from", "-"], check=False,
                           input="\n".join(map(str, chosen)) + "\n", capture_output=True, text=True).stdout
    rendered = 0
    for k, (text_path, line) in enumerate(zip(chosen, dumps.splitlines())):
        doc = json.loads(line)
        if "error" in doc:
            continue
        word_style_seed = args.seed * 1_000_003 + k if k % 2 else None
        make_docx.write_docx(doc, text_path.with_suffix(".docx"), word_style_seed)
        text_path.unlink()
        rendered += 1
    return rendered


if __name__ == "__main__":
    main()
