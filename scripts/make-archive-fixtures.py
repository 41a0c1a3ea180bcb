#!/usr/bin/env python3
"""Writes the zip archives of the archive reader's tests into Corpus/zip/fixtures/:

- reports-gbk-names.zip: reports as a Chinese Windows zips them, names in GBK without
  zip's UTF-8 flag, with folder entries, a Mac's __MACOSX litter, Word's ~$ owner file, a
  picture, a damaged .docx and, within it, a second archive (names in UTF-8, flagged, as
  Python writes them) holding an .xls;
- encrypted-member.zip: one report sealed with a password (zip's traditional
  encryption), written by Info-ZIP's `zip -P`, whose random header makes it differ on
  every run.

    scripts/make-archive-fixtures.py            # from the repository root

The reports are the corpus's own files. Deterministic but for encrypted-member.zip.
"""
import io
import os
import subprocess
import tempfile
import zipfile

OUT = os.path.join("Corpus", "zip", "fixtures")
DATE = (2024, 6, 1, 9, 30, 0)


class GBKInfo(zipfile.ZipInfo):
    """An entry named in GBK, as Windows' own zip and many Chinese archivers write it."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits


def read(path):
    with open(path, "rb") as f:
        return f.read()


def add(archive, name, data, info=GBKInfo):
    entry = info(name, DATE)
    entry.compress_type = zipfile.ZIP_STORED if name.endswith("/") else zipfile.ZIP_DEFLATED
    archive.writestr(entry, data)


def main():
    os.makedirs(OUT, exist_ok=True)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        add(archive, "司法局2026年预算.xls", read("Corpus/xls/putuo-sifaju-2026-yusuan.xls"), zipfile.ZipInfo)

    docx = read("Corpus/docx/putuo-caizhengju-2024-juesuan.docx")
    with zipfile.ZipFile(os.path.join(OUT, "reports-gbk-names.zip"), "w") as archive:
        add(archive, "2024年部门决算/", b"")
        add(archive, "2024年部门决算/财政局2024年度部门决算.docx", docx)
        add(archive, "2024年部门决算/~$财政局2024年度部门决算.docx", b"\x06owner" + b"\x00" * 40)
        add(archive, "2024年部门决算/封面.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 60)
        add(archive, "2024年部门决算/附件/", b"")
        add(archive, "2024年部门决算/附件/三公经费支出决算表.docx", read("Corpus/docx/fixtures/san-gong-tables.docx"))
        add(archive, "2024年部门决算/附件/损坏的决算表.docx", read("Corpus/docx/fixtures/truncated.docx"))
        add(archive, "2024年部门决算/附件/预算.zip", inner.getvalue())
        add(archive, "__MACOSX/2024年部门决算/._财政局2024年度部门决算.docx", b"\x00\x05\x16\x07" + b"\x00" * 60)

    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "决算.docx"), "wb") as f:
            f.write(docx)
        target = os.path.abspath(os.path.join(OUT, "encrypted-member.zip"))
        if os.path.exists(target):
            os.remove(target)
        subprocess.run(["zip", "-q", "-P", "secret", target, "决算.docx"], cwd=folder, check=True)


if __name__ == "__main__":
    main()
