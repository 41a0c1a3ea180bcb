#!/usr/bin/env python3
"""Writes Corpus/wordxml/: the corpus .docx reports in Word's single-file XML formats.

    python3 scripts/make-word-xml.py

- `yongzhou-yingji-2021-juesuan.package.xml`: the 永州 .docx as Word's "XML Document"
  (Flat OPC): every part of the zip in a pkg:part, XML parts in pkg:xmlData without their
  own XML declaration, others base64 in pkg:binaryData.
- `putuo-caizhengju-2024-juesuan.libreoffice-2003.doc`: the 财政局 .docx as Word 2003 XML,
  written by LibreOffice's "MS Word 2003 XML" filter (soffice must be installed), named
  .doc as Java systems name the reports they fill into such templates.
"""
import base64
import pathlib
import re
import shutil
import subprocess
import tempfile
import zipfile

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "Corpus" / "wordxml"
out.mkdir(exist_ok=True)


def content_types(archive):
    """Each part's content type, from [Content_Types].xml's overrides and defaults."""
    xml = archive.read("[Content_Types].xml").decode("utf-8")
    defaults = dict(re.findall(r'<Default Extension="([^"]+)" ContentType="([^"]+)"', xml))
    overrides = dict(re.findall(r'<Override PartName="([^"]+)" ContentType="([^"]+)"', xml))
    types = {}
    for name in archive.namelist():
        if name == "[Content_Types].xml":
            continue
        types[name] = overrides.get("/" + name) or defaults.get(name.rsplit(".", 1)[-1], "application/octet-stream")
    return types


def package(docx):
    parts = []
    with zipfile.ZipFile(docx) as archive:
        for name, kind in content_types(archive).items():
            data = archive.read(name)
            if kind.endswith("xml"):
                text = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", data.decode("utf-8"))
                body = f"<pkg:xmlData>{text}</pkg:xmlData>"
            else:
                body = f"<pkg:binaryData>{base64.b64encode(data).decode('ascii')}</pkg:binaryData>"
            parts.append(f'<pkg:part pkg:name="/{name}" pkg:contentType="{kind}">{body}</pkg:part>')
    return ('<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
            '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
            + "".join(parts) + "</pkg:package>\n")


(out / "yongzhou-yingji-2021-juesuan.package.xml").write_text(
    package(root / "Corpus" / "docx" / "yongzhou-yingji-2021-juesuan.docx"), encoding="utf-8")

with tempfile.TemporaryDirectory() as work:
    subprocess.run(["soffice", "--headless", "--convert-to", "xml:MS Word 2003 XML", "--outdir", work,
                    str(root / "Corpus" / "docx" / "putuo-caizhengju-2024-juesuan.docx")],
                   check=True, capture_output=True)
    shutil.copy(pathlib.Path(work) / "putuo-caizhengju-2024-juesuan.xml",
                out / "putuo-caizhengju-2024-juesuan.libreoffice-2003.doc")
