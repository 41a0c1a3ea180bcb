#!/usr/bin/env python3
"""Writes Corpus/mht/: corpus web pages as web archives (MIME HTML, "single file web page").

    python3 scripts/make-web-archive.py

- `putuo-caizhengju-2024-juesuan.mht`: the 财政局 page as Word saves one: its text in GB2312
  (written as GB18030, which holds it), quoted-printable, beside a picture and Word's file list.
- `yongzhou-yingji-2021-juesuan.mht.doc`: the 永州 page as a browser saves one (UTF-8,
  base64), named .doc as systems that export reports this way name them.
- `putuo-caizhengju-2024-juesuan.altchunk.docx`: the 财政局 page as a web system exports it
  to Word in the manner of html-docx-js: a .docx whose body is one w:altChunk naming
  word/afchunk.mht, a web archive of the page (UTF-8, its "=" written =3D and nothing
  else escaped, as that library writes it), which Word merges in when it opens the file.
"""
import base64
import pathlib
import quopri
import zipfile

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "Corpus" / "mht"
out.mkdir(exist_ok=True)
boundary = "----=_NextPart_01DC6500.7A3B9C10"
# A 1×1 transparent PNG.
picture = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def wrapped(data):
    text = base64.b64encode(data).decode("ascii")
    return "\r\n".join(text[i:i + 76] for i in range(0, len(text), 76))


def archive(html, header, charset, encoding, label=None):
    data = html.encode(charset)
    body = quopri.encodestring(data).decode("ascii").replace("\n", "\r\n") if encoding == "quoted-printable" else wrapped(data)
    parts = [
        f"Content-Location: file:///C:/report.htm\r\nContent-Transfer-Encoding: {encoding}\r\n"
        f"Content-Type: text/html; charset=\"{label or charset}\"\r\n\r\n{body}\r\n",
        "Content-Location: file:///C:/report.files/image001.png\r\nContent-Transfer-Encoding: base64\r\n"
        f"Content-Type: image/png\r\n\r\n{wrapped(picture)}\r\n",
        "Content-Location: file:///C:/report.files/filelist.xml\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Type: text/xml; charset=\"utf-8\"\r\n\r\n<xml xmlns:o=3D\"urn:schemas-microsoft-com:office:office\">\r\n"
        " <o:File HRef=3D\"image001.png\"/>\r\n</xml>\r\n",
    ]
    message = header + f"Content-Type: multipart/related; boundary=\"{boundary}\"\r\n\r\n"
    message += "This is a multi-part message in MIME format.\r\n\r\n"
    message += "".join(f"--{boundary}\r\n{part}\r\n" for part in parts) + f"--{boundary}--\r\n"
    return message.encode("ascii")


putuo = (root / "Corpus" / "html" / "putuo-caizhengju-2024-juesuan.html").read_text(encoding="utf-8")
word = putuo.replace('<meta charset="utf-8">', '<meta http-equiv=Content-Type content="text/html; charset=gb2312">')
(out / "putuo-caizhengju-2024-juesuan.mht").write_bytes(
    archive(word, "MIME-Version: 1.0\r\n", "gb18030", "quoted-printable", label="gb2312"))

yongzhou = (root / "Corpus" / "html" / "yongzhou-yingji-2021-juesuan.html").read_text(encoding="utf-8")
(out / "yongzhou-yingji-2021-juesuan.mht.doc").write_bytes(
    archive(yongzhou, "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.gov.cn/report.html\r\n"
            "Subject: report\r\nMIME-Version: 1.0\r\n", "utf-8", "base64"))

archive_part = ("MIME-Version: 1.0\nContent-Type: multipart/related;\n    type=\"text/html\";\n"
                "    boundary=\"----=mhtDocumentPart\"\n\n------=mhtDocumentPart\nContent-Type: text/html;\n"
                "    charset=\"utf-8\"\nContent-Transfer-Encoding: quoted-printable\n"
                "Content-Location: file:///C:/fake/document.html\n\n"
                + putuo.replace("=", "=3D") + "\n\n\n------=mhtDocumentPart--\n")
relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(out / "putuo-caizhengju-2024-juesuan.altchunk.docx", "w", zipfile.ZIP_DEFLATED) as docx:
    docx.writestr("[Content_Types].xml",
                  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                  '<Default Extension="xml" ContentType="application/xml"/>'
                  '<Default Extension="mht" ContentType="message/rfc822"/>'
                  '<Override PartName="/word/document.xml" '
                  'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    docx.writestr("_rels/.rels",
                  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  f'<Relationship Id="R1" Type="{relationships}/officeDocument" Target="/word/document.xml"/></Relationships>')
    docx.writestr("word/document.xml",
                  '<?xml version="1.0" encoding="utf-8"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\n'
                  f'  <w:body>\n    <w:altChunk r:id="htmlChunk" xmlns:r="{relationships}" />\n'
                  '    <w:sectPr><w:pgSz w:w="12240" w:h="15840" w:orient="portrait" /></w:sectPr>\n  </w:body>\n</w:document>\n')
    docx.writestr("word/_rels/document.xml.rels",
                  '<?xml version="1.0" encoding="utf-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\n'
                  f'  <Relationship Type="{relationships}/aFChunk" Target="/word/afchunk.mht" Id="htmlChunk" />\n</Relationships>\n')
    docx.writestr("word/afchunk.mht", archive_part)
