#!/usr/bin/env python3
"""Writes the archives of the archive reader's tests into Corpus/archive/fixtures/:

- reports-gbk-names.zip: reports as a Chinese Windows zips them, names in GBK without
  zip's UTF-8 flag, with folder entries, a Mac's __MACOSX litter, Word's ~$ owner file, a
  picture, a damaged .docx and, within it, a second archive (names in UTF-8, flagged, as
  Python writes them) holding an .xls;
- encrypted-member.zip: one report sealed with a password (zip's traditional
  encryption), written by Info-ZIP's `zip -P`, whose random header makes it differ on
  every run;
- reports.7z: a report folder as 7-Zip packs it by default (solid, LZMA2, names in UTF-16),
  written by 7-Zip's `7zz` (Debian's 7zip package), holding a text report, two .docx and a
  zip within;
- encrypted-names.7z and encrypted-data.7z: a report sealed with 7-Zip's password, names and
  all or its data alone (random salts make them differ on every run);
- deflate64-member.zip: a report packed with Deflate64, as 7-Zip writes it on request;
- reports.tar.gz: the 7-Zip fixture's reports as a corpus is shared, a gzip-compressed tar
  (Python's tarfile, GNU format, dates fixed);
- putuo-caizhengju-2024-juesuan.txt.gz, .bz2, .xz and .zst: a report compressed alone, as
  scrapers store the pages they fetch (Python's gzip, bz2 and lzma; the .zst by `zstd`);
- encrypted-member.rar: a RAR 5 whose report carries WinRAR's encryption record (over
  stand-in ciphertext) beside a note that does not;
- reports-rar5.rar and reports-rar4-gbk.rar: the same reports as RAR 5 (names in UTF-8) and
  as RAR 4 (names in GBK, unmarked, folders split by backslashes, as WinRAR wrote them on a
  Chinese Windows). No free program writes RAR: this script writes them, their entries
  stored (not compressed), by the layouts in RARLAB's technical notes. libarchive's own
  tests hold WinRAR's compressed archives.

    scripts/make-archive-fixtures.py            # from the repository root

The reports are the corpus's own files. Deterministic but for encrypted-member.zip.
"""
import bz2
import gzip
import hashlib
import io
import lzma
import os
import struct
import tarfile
import subprocess
import tempfile
import zipfile
import zlib

OUT = os.path.join("Corpus", "archive", "fixtures")
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


def vint(n):
    """RAR 5's variable-length integer: seven bits a byte, low first."""
    out = bytearray()
    while True:
        out.append((n & 0x7F) | (0x80 if n > 0x7F else 0))
        n >>= 7
        if not out[-1] & 0x80:
            return bytes(out)


def rar5_block(kind, flags, fields, data=b"", extra=b""):
    body = (vint(kind) + vint(flags | (0x0001 if extra else 0) | (0x0002 if data else 0))
            + (vint(len(extra)) if extra else b"") + (vint(len(data)) if data else b"") + fields + extra)
    sized = vint(len(body)) + body
    return struct.pack("<I", zlib.crc32(sized)) + sized + data


def rar5(files, sealed=()):
    """RAR 5 of `files`; those named in `sealed` carry WinRAR's file encryption record (AES-256,
    KDF count 15, salt, IV and check value) over stand-in ciphertext: bytes of their SHA-256
    chain, in 16-byte blocks, which no password opens."""
    out = b"Rar!\x1a\x07\x01\x00" + rar5_block(1, 0, vint(0))
    for name, data in files:
        # File flags: the CRC-32 is there; attributes 0x20 (archive); compression: stored;
        # host: Windows.
        fields = vint(0x0004) + vint(len(data)) + vint(0x20) + struct.pack("<I", zlib.crc32(data)) + vint(0) + vint(0)
        encoded = name.encode()
        extra = b""
        if name in sealed:
            stream, block = b"", name.encode()
            while len(stream) < (len(data) + 15) // 16 * 16:
                block = hashlib.sha256(block).digest()
                stream += block
            data = stream[:(len(data) + 15) // 16 * 16]
            record = vint(1) + vint(0) + vint(0x0001) + bytes([15]) + hashlib.sha256(b"salt").digest()[:16] \
                + hashlib.sha256(b"iv").digest()[:16] + hashlib.sha256(b"check").digest()[:12]
            extra = vint(len(record)) + record
        out += rar5_block(2, 0, fields + vint(len(encoded)) + encoded, data, extra)
    return out + rar5_block(5, 0, vint(0))


def rar4_block(kind, flags, fields, data=b""):
    body = bytes([kind]) + struct.pack("<HH", flags, 7 + len(fields)) + fields
    return struct.pack("<H", zlib.crc32(body) & 0xFFFF) + body + data


def rar4_gbk(files):
    out = b"Rar!\x1a\x07\x00" + rar4_block(0x73, 0, b"\x00" * 6)
    dos_time = ((2024 - 1980) << 25) | (6 << 21) | (1 << 16) | (9 << 11) | (30 << 5)
    for name, data in files:
        encoded = name.replace("/", "\\").encode("gbk")
        # Sizes, host (Windows), CRC-32, time, version 2.9, method 0x30 (stored), name, attributes.
        fields = struct.pack("<IIBIIBBHI", len(data), len(data), 2, zlib.crc32(data), dos_time, 29, 0x30, len(encoded), 0x20)
        out += rar4_block(0x74, 0x8000, fields + encoded, data)
    return out + rar4_block(0x7B, 0x4000, b"")


def packed_reports():
    """The reports of the 7-Zip and RAR fixtures, by name."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        add(archive, "司法局2026年预算.xls", read("Corpus/xls/putuo-sifaju-2026-yusuan.xls"), zipfile.ZipInfo)
    return [
        ("2024年部门决算/财政局2024年度部门决算.docx", read("Corpus/docx/putuo-caizhengju-2024-juesuan.docx")),
        ("2024年部门决算/附件/三公经费支出决算表.docx", read("Corpus/docx/fixtures/san-gong-tables.docx")),
        ("2024年部门决算/附件/预算.zip", inner.getvalue()),
        ("2024年部门决算/应急管理局2021年度部门决算.txt", read("Corpus/yongzhou-yingji-2021-juesuan.txt")),
    ]


def seven_zip(name, files, *options):
    """An archive written by 7-Zip's `7zz` from `files` laid out in a folder, dated alike."""
    target = os.path.abspath(os.path.join(OUT, name))
    if os.path.exists(target):
        os.remove(target)
    with tempfile.TemporaryDirectory() as folder:
        for path, data in files:
            path = os.path.join(folder, path)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
        stamp = 1717234200  # 2024-06-01 09:30 UTC
        for root, dirs, names in os.walk(folder):
            for entry in dirs + names:
                os.utime(os.path.join(root, entry), (stamp, stamp))
        top = sorted({path.split("/")[0] for path, _ in files})
        subprocess.run(["7zz", "a", "-bd", "-bso0", "-mtc=off", "-mta=off", *options, target, *top], cwd=folder, check=True)


def tar_gz(name, files):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as archive:
        for path, data in files:
            entry = tarfile.TarInfo(path)
            entry.size, entry.mtime, entry.mode = len(data), 1717234200, 0o644
            archive.addfile(entry, io.BytesIO(data))
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(gzip.compress(raw.getvalue(), mtime=0))


def packed():
    files = packed_reports()
    seven_zip("reports.7z", files)
    tar_gz("reports.tar.gz", files)
    # 7-Zip's AES: the names and the data sealed, or the data alone (random salts: these
    # differ on every run). Zip's Deflate64, which 7-Zip writes on request.
    text = [("决算.txt", read("Corpus/yongzhou-yingji-2021-juesuan.txt"))]
    seven_zip("encrypted-names.7z", text, "-psecret", "-mhe=on")
    seven_zip("encrypted-data.7z", text, "-psecret", "-mhe=off")
    seven_zip("deflate64-member.zip", text, "-tzip", "-mm=Deflate64")
    report = read("Corpus/tsv/putuo-caizhengju-2024-juesuan.txt")
    name = os.path.join(OUT, "putuo-caizhengju-2024-juesuan.txt")
    for ending, compress in [("gz", lambda data: gzip.compress(data, mtime=0)), ("bz2", bz2.compress),
                             ("xz", lambda data: lzma.compress(data, format=lzma.FORMAT_XZ))]:
        with open(name + "." + ending, "wb") as f:
            f.write(compress(report))
    subprocess.run(["zstd", "-q", "-f", "-19", "-o", name + ".zst"], input=report, check=True)
    with open(os.path.join(OUT, "reports-rar5.rar"), "wb") as f:
        f.write(rar5(files))
    with open(os.path.join(OUT, "encrypted-member.rar"), "wb") as f:
        notes = "说明：决算.txt 以密码加密。\n".encode()
        f.write(rar5(text + [("说明.txt", notes)], sealed={"决算.txt"}))
    with open(os.path.join(OUT, "reports-rar4-gbk.rar"), "wb") as f:
        f.write(rar4_gbk(files[:2] + files[3:]))


if __name__ == "__main__":
    main()
    packed()
