#!/usr/bin/env python3
"""Damages copies of UTF-8 text reports and checks what finparse makes of them.

Each copy gets 1-3 bytes set to a byte of 0x80 or above (a byte of another encoding, a
character cut in the middle), as scraped files get them. Both the copies and their
originals go through `finparse dump`; the summary says how many copies were read, how
many places were told by `damaged-text` warnings, how many figures were lost, and lists
every figure (text and value) a copy gives that its original does not: a figure the
damage made up.

    scripts/damage-texts.py [--count 300] [--seed 7] [--gb18030] [--finparse .build/release/finparse] OUT_DIR FILE...

With --gb18030 the texts are saved as GB18030 first, originals and copies alike.
"""
import argparse
import collections
import json
import os
import random
import subprocess


def dump(finparse, paths, output):
    listing = output + ".list"
    with open(listing, "w") as f:
        f.write("".join(p + "\n" for p in paths))
    # Exit status 1 means some file failed: the lines say which.
    subprocess.run([finparse, "dump", "-q", "-j", "2", "--files-from", listing, "-o", output], check=False)
    with open(output) as f:
        return [json.loads(line) for line in f]


def figures(document):
    return collections.Counter((f["text"], f["value"]) for f in document["amounts"] + document["percents"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--gb18030", action="store_true")
    parser.add_argument("--finparse", default=".build/release/finparse")
    parser.add_argument("out")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    sources = []
    for path in args.files:
        data = open(path, "rb").read()
        try:
            text = data.decode("utf-8")
            if args.gb18030:
                data = text.encode("gb18030")
        except UnicodeError:
            continue
        if len(data) >= 2000:
            sources.append((os.path.abspath(path), data))
    random.seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    if args.gb18030:
        saved = []
        for k, (path, data) in enumerate(sources):
            copy = os.path.abspath(os.path.join(args.out, f"original-{k:03d}.txt"))
            with open(copy, "wb") as f:
                f.write(data)
            saved.append((copy, data))
        sources = saved
    copies, originals = [], []
    for k in range(args.count):
        path, data = random.choice(sources)
        damaged = bytearray(data)
        for _ in range(random.randint(1, 3)):
            damaged[random.randrange(len(damaged))] = random.choice([0xFF, 0xFE, 0x80, 0xC3, 0xE4, random.randrange(0x80, 0x100)])
        copy = os.path.abspath(os.path.join(args.out, f"damaged-{k:03d}.txt"))
        with open(copy, "wb") as f:
            f.write(damaged)
        copies.append(copy)
        originals.append(path)

    damaged = dump(args.finparse, copies, os.path.join(args.out, "damaged.jsonl"))
    original = dump(args.finparse, originals, os.path.join(args.out, "original.jsonl"))
    read = warned = places = lost = total = 0
    made_up = []
    for copy, source in zip(damaged, original):
        if "error" in copy:
            continue
        read += 1
        told = [d for d in copy["diagnostics"] if d["code"] == "damaged-text"]
        warned += bool(told)
        places += len(told)
        mine, theirs = figures(copy), figures(source)
        lost += sum((theirs - mine).values())
        total += sum(theirs.values())
        made_up += [(copy["source"]["path"], text, value) for (text, value) in (mine - theirs)]
    print(f"{len(copies)} damaged copies of {len(sources)} {'GB18030' if args.gb18030 else 'UTF-8'} texts: {read} read, {len(copies) - read} failed; "
          f"{warned} with damaged-text warnings ({places} places); {lost} of their {total} figures lost; "
          f"{len(made_up)} figures their originals do not give:")
    for path, text, value in made_up:
        print(f"  {os.path.basename(path)}: {text} ({value})")


if __name__ == "__main__":
    main()
