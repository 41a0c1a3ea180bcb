#!/usr/bin/env python3
"""Writes the RTF documents of the RTF reader's tests into Corpus/rtf/, from the corpus .docx
files, with LibreOffice (`soffice`, Debian's libreoffice-writer-nogui; 7.4 wrote the ones
committed):

- putuo-caizhengju-2024-juesuan.rtf: the 财政局 .docx saved as RTF, as LibreOffice writes it
  (Chinese as \\uN with a ? fallback, tables with \\clvmgf / \\clvmrg merges);
- yongzhou-yingji-2021-juesuan.gbk.rtf: the 永州 .docx saved as RTF, then each \\uN\\'3f of a
  character GBK holds rewritten as its GBK bytes (\\'b5\\'da) under \\ansicpg936, as Word
  and WPS Office write Chinese text on a Chinese Windows.

    scripts/make-rtf-fixtures.py            # from the repository root
"""
import os
import re
import shutil
import subprocess
import tempfile

OUT = "Corpus/rtf"


def to_rtf(docx, folder):
    subprocess.run(["soffice", "--headless", "--convert-to", "rtf", "--outdir", folder, docx],
                   check=True, capture_output=True)
    return os.path.join(folder, os.path.basename(docx)[:-len(".docx")] + ".rtf")


def gbk_escaped(rtf):
    def escape(match):
        unit = int(match.group(1)) % 65536
        try:
            encoded = chr(unit).encode("gbk")
        except (UnicodeEncodeError, ValueError):
            return match.group(0)
        return "".join("\\'%02x" % byte for byte in encoded)
    return re.sub(r"\\u(-?\d+)\\'3f", escape, rtf.replace("{\\rtf1\\ansi", "{\\rtf1\\ansi\\ansicpg936", 1))


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(to_rtf("Corpus/docx/putuo-caizhengju-2024-juesuan.docx", folder), OUT)
        with open(to_rtf("Corpus/docx/yongzhou-yingji-2021-juesuan.docx", folder), encoding="ascii") as f:
            rtf = f.read()
        with open(os.path.join(OUT, "yongzhou-yingji-2021-juesuan.gbk.rtf"), "w", encoding="ascii", newline="") as f:
            f.write(gbk_escaped(rtf))


if __name__ == "__main__":
    main()
