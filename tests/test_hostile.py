"""Hostile and broken input files (issue 8): each is refused with one Japanese
line naming the file and the reason, exit 1, no traceback, and the workspace
(HEAD, tags, work tree) exactly as it was. Every fixture is generated here."""

from __future__ import annotations

import io
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest

from revtool.errors import InputFileError
from revtool.safety import MAX_RATIO, check_zip
from tests.conftest import FIXTURES
from tests.workspace_helpers import git, run, workspace_with_soan

PDF = FIXTURES / "pdf"
MB = 1024 * 1024

# ------------------------------------------------------------------ helpers


def state(ws: Path) -> tuple[str, ...]:
    return (
        git(ws, "rev-parse", "HEAD"),
        git(ws, "for-each-ref"),
        git(ws, "status", "--porcelain", "--untracked-files=all", "--ignored"),
        git(ws, "ls-files", "-s"),
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace with one version, so that comment imports have something to resolve against."""
    return workspace_with_soan(tmp_path)


def refused(workspace: Path, capsys, args: list[str], path: Path, *words: str) -> str:  # type: ignore[no-untyped-def]
    """Run ``args`` and assert the clean refusal; returns stderr."""
    before = state(workspace)
    code, _, err = run(["-C", str(workspace), *args], capsys)
    assert code == 1, err
    assert "Traceback" not in err
    first = err.strip().splitlines()[0]
    assert first.startswith("エラー: ") and path.name in first, err
    for word in words:
        assert word in first, err
    assert len(err.strip().splitlines()) <= 2  # the message and at most a hint
    assert state(workspace) == before
    return err


def ingest(path: Path, *extra: str) -> list[str]:
    return ["ingest", str(path), "--version", "案", *extra]


def comments_import(path: Path, *extra: str) -> list[str]:
    return ["comments", "import", str(path), *extra]


def minimal_docx(document_xml: str | bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A DOCX made by python-docx with ``word/document.xml`` replaced."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = document_xml.encode("utf-8") if isinstance(document_xml, str) else document_xml
            dst.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def body(*paragraphs: str) -> str:
    ps = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return f"<w:document {W}><w:body>{ps}</w:body></w:document>"


def table_xlsx(extra: dict[str, bytes] | None = None) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["素案該当箇所", "主な意見", "区の考え方"])
    ws.append(["P.18", "窓口を残してほしい。", "窓口は維持します。"])
    buf = io.BytesIO()
    wb.save(buf)
    if not extra:
        return buf.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        for name, data in extra.items():
            dst.writestr(name, data)
    return out.getvalue()


def _ruled_cid_content() -> bytes:
    """A 3 × 3 ruled table whose cells hold glyphs without a Unicode mapping."""
    xs, ys = (40, 200, 380, 560), (800, 700, 600, 500)
    lines = [f"{x} {ys[-1]} m {x} {ys[0]} l S" for x in xs] + [f"{xs[0]} {y} m {xs[-1]} {y} l S" for y in ys]
    for r in range(3):
        for c in range(3):
            cids = "".join(f"{100 + 10 * (3 * r + c) + k:04X}" for k in range(5))
            lines.append(f"BT /F1 12 Tf {xs[c] + 10} {ys[r] - 40} Td <{cids}> Tj ET")
    return "\n".join(lines).encode()


def cid_pdf(pages: int = 2, ruled: bool = False) -> bytes:
    """A PDF whose Type0 font (Identity-H, not embedded) has no ToUnicode map:
    pdfplumber reads it as ``(cid:100)(cid:101)…``. ``ruled``: a ruled table."""
    objs: list[bytes] = []

    def add(data: bytes = b"") -> int:
        objs.append(data)
        return len(objs)

    font, cidfont, desc, pages_id = add(), add(), add(), add()
    kids = []
    for _ in range(pages):
        stream = "\n".join(
            f"BT /F1 12 Tf 50 {780 - 16 * row} Td <{''.join(f'{c:04X}' for c in range(100 + 20 * row, 120 + 20 * row))}> Tj ET"
            for row in range(15)
        ).encode()
        if ruled:
            stream = _ruled_cid_content()
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
        ))
    objs[font - 1] = f"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [{cidfont} 0 R] >>".encode()
    objs[cidfont - 1] = (
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap /CIDSystemInfo << /Registry (Adobe) "
        f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {desc} 0 R /DW 1000 >>"
    ).encode()
    objs[desc - 1] = (
        b"<< /Type /FontDescriptor /FontName /NoMap /Flags 4 /FontBBox [0 -120 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
    )
    objs[pages_id - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(buf, "PNG")
    return buf.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ zip bombs


def test_zip_bomb_docx_is_refused_from_its_declared_ratio(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bomb = minimal_docx(body("x") .replace("</w:body>", "<!--" + " " * (40 * MB) + "--></w:body>"))
    path = write(tmp_path, "bomb.docx", bomb)
    assert path.stat().st_size < MB
    refused(workspace, capsys, ingest(path), path, "ZIP 爆弾", "圧縮率")


def test_zip_bomb_by_total_size_is_refused(tmp_path: Path) -> None:
    # a member declaring 4 GB: refused from the declared sizes before any byte
    # is decompressed
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/document.xml", f"<w:document {W}/>")
    data = bytearray(out.getvalue())
    # patch the central directory's uncompressed size of the one member to 4 GB - 1
    cd = data.rindex(b"PK\x01\x02")
    data[cd + 24 : cd + 28] = struct.pack("<I", 0xFFFFFFFE)
    path = write(tmp_path, "huge.docx", bytes(data))
    with pytest.raises(InputFileError) as err:
        check_zip(path, path.name)
    assert "ZIP 爆弾" in err.value.message and "huge.docx" in err.value.message


def test_declared_sizes_that_lie_are_caught_while_streaming(tmp_path: Path) -> None:
    # the central directory claims a small member, the stream holds 5 MB: the
    # reader stops at the declared size and the CRC no longer matches
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document " + W.encode() + b">" + b" " * (5 * MB) + b"</w:document>")
    data = bytearray(out.getvalue())
    cd = data.rindex(b"PK\x01\x02")
    data[cd + 24 : cd + 28] = struct.pack("<I", 1000)  # declared uncompressed size
    path = write(tmp_path, "liar.docx", bytes(data))
    with pytest.raises(InputFileError) as err:
        check_zip(path, path.name)
    assert "liar.docx" in err.value.message


def test_a_real_docx_passes_the_zip_checks() -> None:
    for docx_file in sorted((FIXTURES / "docx").glob("*.docx")):
        check_zip(docx_file, docx_file.name)


def test_ratio_cap_spares_repetitive_but_modest_parts(tmp_path: Path) -> None:
    # 4,000 identical paragraphs (a generated plan) compress ~180:1 in 8 MB of XML
    para = "<w:p><w:r><w:t>" + "本計画は、区の基本となる計画であり、区民の生活を支えるための取組を定めるものです。" * 2 + "</w:t></w:r></w:p>"
    path = write(tmp_path, "generated.docx", minimal_docx(f"<w:document {W}><w:body>{para * 4000}</w:body></w:document>"))
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("word/document.xml")
    assert info.file_size > MAX_RATIO * info.compress_size
    check_zip(path, path.name)


# ------------------------------------------------------------------ XML entities


SECRET = "極秘のパスワードは hunter2"


def xxe_docx(secret: Path) -> bytes:
    doc = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}"><!ENTITY lol "lol">]>\n'
        f"<w:document {W}><w:body><w:p><w:r><w:t>第1章　総則&xxe;&lol;</w:t></w:r></w:p></w:body></w:document>"
    )
    return minimal_docx(doc)


def test_docx_with_an_entity_declaration_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = write(tmp_path, "xxe.docx", xxe_docx(secret))
    err = refused(workspace, capsys, ingest(path), path, "DOCTYPE", "word/document.xml")
    assert "hunter2" not in err


def test_utf16_doctype_is_refused_too(tmp_path: Path) -> None:
    doc = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY a "b">]>'
           f"<w:document {W}/>").encode("utf-16")
    path = write(tmp_path, "utf16.docx", minimal_docx(doc))
    with pytest.raises(InputFileError, match="DOCTYPE"):
        check_zip(path, path.name)


def test_parsers_behind_the_check_never_expand_an_external_entity(tmp_path: Path) -> None:
    """Defence in depth: even past ``check_zip``, python-docx's parser and ours
    leave an external entity pointing at a local file unexpanded."""
    import docx

    from revtool.extract.docx import extract_docx

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = write(tmp_path, "xxe.docx", xxe_docx(secret))
    word = docx.Document(str(path))
    assert "hunter2" not in "".join(p.text for p in word.paragraphs)
    doc = extract_docx(path)
    texts = [b.text for b in doc.front] + [b.text for _, s in doc.walk() for b in s.blocks] + [s.heading for _, s in doc.walk()]
    assert not any("hunter2" in t for t in texts)


def test_xlsx_with_a_doctype_is_refused_on_import(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = table_xlsx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "xl/sharedStrings.xml" or info.filename == "xl/workbook.xml":
                doctype = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                part = part.replace(b"?>", b"?>" + doctype, 1) if part.startswith(b"<?xml") else doctype + part
            dst.writestr(info.filename, part)
    path = write(tmp_path, "bessi1.xlsx", out.getvalue())
    refused(workspace, capsys, comments_import(path), path, "DOCTYPE")


# ------------------------------------------------------------------ PDFs


def test_encrypted_pdf_needs_the_right_password(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = PDF / "sample-encrypted.pdf"
    err = refused(workspace, capsys, ingest(path), path, "パスワード")
    assert "--password" in err
    refused(workspace, capsys, ingest(path, "--password", "wrong"), path, "パスワードが違います")
    code, out, err = run(["-C", str(workspace), *ingest(path, "--password", "himitsu")], capsys)
    assert code == 0, err
    assert "revtool/案" in git(workspace, "tag", "--list")


def test_encrypted_pdf_comment_table_is_refused(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = PDF / "sample-encrypted.pdf"
    refused(workspace, capsys, comments_import(path), path, "パスワード")


def test_image_only_pdf_says_ocr_and_names_the_pages(workspace: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = PDF / "all-scanned.pdf"
    err = refused(workspace, capsys, ingest(path), path, "画像だけ", "1ページ目", "2ページ目", "3ページ目")
    assert "OCR" in err


def test_pdf_without_unicode_map_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import pdfplumber

    path = write(tmp_path, "cid.pdf", cid_pdf())
    with pdfplumber.open(path) as pdf:  # the fixture is what the issue describes
        assert "(cid:100)" in (pdf.pages[0].extract_text() or "")
    refused(workspace, capsys, ingest(path), path, "対応表がない", "1ページ目", "2ページ目")


def test_comment_table_pdf_without_unicode_map_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "bessi1.pdf", cid_pdf(pages=1, ruled=True))
    refused(workspace, capsys, comments_import(path), path, "対応表がない", "1ページ目")


# ------------------------------------------------------------------ wrong or empty files


@pytest.mark.parametrize(("name", "words"), [("scan.docx", ("DOCX", "PNG")), ("scan.pdf", ("PDF ではありません", "PNG"))])
def test_renamed_png_is_refused(workspace: Path, tmp_path: Path, capsys, name: str, words: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, name, png())
    refused(workspace, capsys, ingest(path), path, *words)


@pytest.mark.parametrize("name", ["empty.docx", "empty.pdf"])
def test_zero_byte_file_is_refused(workspace: Path, tmp_path: Path, capsys, name: str) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, name, b"")
    refused(workspace, capsys, ingest(path), path, "空")


@pytest.mark.parametrize("name", ["empty.csv", "empty.xlsx"])
def test_zero_byte_comment_table_is_refused(workspace: Path, tmp_path: Path, capsys, name: str) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, name, b"")
    refused(workspace, capsys, comments_import(path), path, "空")


def test_renamed_png_comment_table_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "bessi1.xlsx", png())
    refused(workspace, capsys, comments_import(path), path, ".xlsx")


# ------------------------------------------------------------------ huge files (sparse: no disk used)


def sparse(tmp_path: Path, name: str, size: int = 500 * MB) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    with path.open("wb") as f:
        f.truncate(size)
    return path


@pytest.mark.parametrize("name", ["huge.docx", "huge.pdf"])
def test_500_mb_file_is_refused_before_it_is_read(workspace: Path, tmp_path: Path, capsys, name: str) -> None:  # type: ignore[no-untyped-def]
    path = sparse(tmp_path, name)
    err = refused(workspace, capsys, ingest(path), path, "大きすぎます", "500 MB", "上限 200 MB")
    assert "--max-size" in err


def test_the_limit_can_be_raised(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = sparse(tmp_path, "huge.pdf")
    # past the size check, the (all-zero) content is what fails
    refused(workspace, capsys, ingest(path, "--max-size", "600"), path, "PDF ではありません")


def test_500_mb_pages_from_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import docx

    plan = tmp_path / "in" / "an.docx"
    plan.parent.mkdir(exist_ok=True)
    d = docx.Document()
    d.add_heading("第1章　総則", level=1)
    d.add_paragraph("本計画は、区の計画です。")
    d.save(str(plan))
    pages = sparse(tmp_path, "an.pdf")
    refused(workspace, capsys, ingest(plan, "--pages-from", str(pages)), pages, "大きすぎます")


def test_renamed_png_pages_from_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    import docx

    plan = tmp_path / "in" / "an.docx"
    plan.parent.mkdir(exist_ok=True)
    d = docx.Document()
    d.add_heading("第1章　総則", level=1)
    d.save(str(plan))
    pages = write(tmp_path, "an.pdf", png())
    refused(workspace, capsys, ingest(plan, "--pages-from", str(pages)), pages, "PNG")


def test_500_mb_comment_table_is_refused_before_it_is_read(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = sparse(tmp_path, "bessi1.csv")
    err = refused(workspace, capsys, comments_import(path), path, "大きすぎます")
    assert "--max-size" in err


# ------------------------------------------------------------------ comment tables: macros, links, NUL


def test_xlsm_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "bessi1.xlsm", table_xlsx())
    refused(workspace, capsys, comments_import(path), path, "マクロ", ".xlsm")


def test_xlsx_with_a_vba_project_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "bessi1.xlsx", table_xlsx({"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 100}))
    refused(workspace, capsys, comments_import(path), path, "マクロ")


def test_xlsx_with_external_links_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    link = (b'<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><externalBook/></externalLink>')
    path = write(tmp_path, "bessi1.xlsx", table_xlsx({"xl/externalLinks/externalLink1.xml": link}))
    err = refused(workspace, capsys, comments_import(path), path, "外部リンク")
    assert "リンクの解除" in err


def test_plain_xlsx_still_imports(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "bessi1.xlsx", table_xlsx())
    code, _, err = run(["-C", str(workspace), *comments_import(path)], capsys)
    assert code == 0, err


@pytest.mark.parametrize("filler_rows", [0, 300])  # a NUL among few or many characters
@pytest.mark.parametrize("encoding", ["utf-8", "cp932"])
def test_csv_with_nul_bytes_is_refused(workspace: Path, tmp_path: Path, capsys, filler_rows: int, encoding: str) -> None:  # type: ignore[no-untyped-def]
    filler = "P.1,表現がわかりにくい。,表現を修正します。\n" * filler_rows
    text = "素案該当箇所,主な意見,区の考え方\nP.18,窓口を\x00残してほしい。,窓口は維持します。\n" + filler
    path = write(tmp_path, "bessi1.csv", text.encode(encoding))
    refused(workspace, capsys, comments_import(path), path, "NUL", "2 行目")


def test_docx_comment_table_zip_bomb_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bomb = minimal_docx(body("x").replace("</w:body>", "<!--" + " " * (40 * MB) + "--></w:body>"))
    path = write(tmp_path, "bessi1.docx", bomb)
    refused(workspace, capsys, comments_import(path), path, "ZIP 爆弾")


# ------------------------------------------------------------------ real PDFs


@pytest.mark.parametrize("name", ["kampo.pdf", "jo.pdf", "issue16063.pdf", "issue15340.pdf"])
def test_real_robustness_pdfs_ingest_or_fail_cleanly(real_corpus: Path, workspace: Path, capsys, name: str) -> None:  # type: ignore[no-untyped-def]
    path = real_corpus / "pdf-robustness" / name
    if not path.exists():
        pytest.skip("pdf-robustness corpus not available")
    before = state(workspace)
    code, _, err = run(["-C", str(workspace), *ingest(path)], capsys)
    assert code in (0, 1) and "Traceback" not in err
    if code == 1:
        assert err.startswith("エラー: ") and name in err.splitlines()[0]
        assert state(workspace) == before
    else:
        assert "revtool/案" in git(workspace, "tag", "--list")
        assert git(workspace, "status", "--porcelain", "--untracked-files=all") == ""


# ------------------------------------------------------------------ small pieces


def test_docx_with_a_vba_project_is_refused(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, "macro.docx", minimal_docx(body("第1章　総則"), {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 64}))
    refused(workspace, capsys, ingest(path), path, "マクロ")


def test_os_errors_become_japanese() -> None:
    import errno

    from revtool.safety import describe_os_error

    message, hint = describe_os_error(OSError(errno.ENOSPC, "No space left on device", "plan/.git/objects/ab"))
    assert message == "plan/.git/objects/ab: ディスクの空き容量が足りません（No space left on device）。"
    assert "空き容量" in hint
    message, hint = describe_os_error(PermissionError(errno.EACCES, "Permission denied", "out.xlsx"))
    assert message.startswith("out.xlsx: アクセス権がありません") and not hint


def test_size_check_reads_nothing(tmp_path: Path) -> None:
    from revtool.safety import check_file_size

    path = sparse(tmp_path, "huge.csv", 300 * MB)
    with pytest.raises(InputFileError) as err:
        check_file_size(path, 200 * MB)
    assert "--max-size 300" in err.value.hint
    assert check_file_size(path, 300 * MB) == 300 * MB


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_pipe_or_device_is_refused_not_read_forever(workspace: Path, tmp_path: Path, kind: str) -> None:
    import os
    import sys

    path = tmp_path / "in" / "bessi1.csv"
    path.parent.mkdir(exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    # in a subprocess with a timeout: reading either one whole would never end
    done = subprocess.run([sys.executable, "-m", "revtool", "-C", str(workspace), "comments", "import", str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "通常のファイルではありません" in done.stderr and "Traceback" not in done.stderr
