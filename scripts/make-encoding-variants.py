#!/usr/bin/env python3
"""Writes Corpus/variants/: the Yongzhou report re-encoded, for the tests that
check every encoding and spelling gives the same document.

    python3 scripts/make-encoding-variants.py

The traditional-character copies (UTF-8 and Big5) need ICU's uconv (Debian: icu-devtools).
"""
import pathlib
import re
import subprocess

root = pathlib.Path(__file__).resolve().parent.parent
name = "yongzhou-yingji-2021-juesuan"
src = (root / "Corpus" / f"{name}.txt").read_text(encoding="utf-8")
out = root / "Corpus" / "variants"
out.mkdir(exist_ok=True)

(out / f"{name}.gb18030.txt").write_bytes(src.encode("gb18030"))
(out / f"{name}.utf16le-bom.txt").write_bytes(b"\xff\xfe" + src.encode("utf-16-le"))
(out / f"{name}.utf8-bom-crlf.txt").write_bytes(b"\xef\xbb\xbf" + src.replace("\n", "\r\n").encode("utf-8"))

# Every number spelled in full-width digits and point (２５５３．５２).
full_width = str.maketrans("0123456789.", "０１２３４５６７８９．")
digits = re.sub(r"[0-9]+(\.[0-9]+)?", lambda m: m.group(0).translate(full_width), src)
(out / f"{name}.fullwidth-digits.txt").write_text(digits, encoding="utf-8")

# In traditional characters, as a government site's 繁體 page serves it: ICU's Hans-Hant,
# which also writes “” as 「」.
traditional = subprocess.run(["uconv", "-f", "utf-8", "-t", "utf-8", "-x", "Hans-Hant"],
                             input=src.encode("utf-8"), capture_output=True, check=True).stdout
(out / f"{name}.traditional.txt").write_bytes(traditional)

# The same in Big5, as old 繁體 gateways served it: Big5 has no no-break space (a space
# here) and writes ≥ as ≧, which reads as the same comparison.
big5 = traditional.decode("utf-8").replace("\xa0", " ").replace("≥", "≧").encode("big5")
(out / f"{name}.big5.txt").write_bytes(big5)
