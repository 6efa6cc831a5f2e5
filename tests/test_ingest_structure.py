"""Issue 13 item 6: a document with no heading structure (a comment table, a
poem, blank pages) is refused as a version, in one Japanese line naming what
was found, unless ``--force``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document as DocxDocument

from revtool.cli import main
from revtool.extract.structure import missing_structure
from revtool.model import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def simple_pdf(pages_text: list[list[str]]) -> bytes:
    """A PDF with Helvetica text lines per page (an empty list: a blank page)."""
    objs: list[bytes] = []

    def add(data: bytes = b"") -> int:
        objs.append(data)
        return len(objs)

    font, pages_id = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"), add()
    kids = []
    for lines in pages_text:
        stream = "\n".join(f"BT /F1 12 Tf 72 {760 - 18 * i} Td ({t}) Tj ET" for i, t in enumerate(lines)).encode()
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
        ))
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


POEM = [
    "Two roads diverged in a yellow wood,",
    "And sorry I could not travel both",
    "And be one traveler, long I stood",
    "And looked down one as far as I could",
]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    with pytest.raises(SystemExit) as exc:
        main(["init", str(ws), "--plan", "テスト計画"])
    assert exc.value.code in (0, None)
    return ws


def tags(ws: Path) -> str:
    return subprocess.run(["git", "-C", str(ws), "tag", "--list"], capture_output=True, text=True, check=True).stdout


def ingest(ws: Path, path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(["-C", str(ws), "ingest", str(path), "--version", "案", *extra])
    return int(exc.value.code or 0), capsys.readouterr().err


def comment_table_docx(path: Path) -> Path:
    doc = DocxDocument()
    doc.add_paragraph("素案に対する主な意見の概要及びそれに対する区の考え方")
    table = doc.add_table(rows=3, cols=3)
    for r, cells in enumerate([("素案該当箇所", "主な意見", "区の考え方"),
                               ("P.3", "窓口を残してほしい。", "窓口は維持します。"),
                               ("P.5", "指標の根拠を示してほしい。", "ご意見を踏まえ、追記します。")]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    doc.save(str(path))
    return path


@pytest.mark.parametrize("kind", ["poem-pdf", "blank-pdf", "comment-docx"])
def test_not_a_plan_is_refused_unless_forced(workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    if kind == "poem-pdf":
        path = tmp_path / "poem.pdf"
        path.write_bytes(simple_pdf([POEM, POEM[::-1]]))
        expect = "段落"
    elif kind == "blank-pdf":
        path = tmp_path / "blank.pdf"
        path.write_bytes(simple_pdf([[] for _ in range(5000)]))
        expect = "白紙"
    else:
        path = comment_table_docx(tmp_path / "bessi1.docx")
        expect = "comments import"
    code, err = ingest(workspace, path, capsys)
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("エラー: ")]
    assert len(lines) == 1 and path.name in lines[0] and expect in lines[0] and "--force" in lines[0]
    assert "Traceback" not in err
    assert "revtool/案" not in tags(workspace)  # nothing half-written
    code, err = ingest(workspace, path, capsys, "--force")
    assert code == 0, err
    assert "revtool/案" in tags(workspace)


def test_real_comment_table_pdf_is_refused(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = SHARED / "corpus" / "nakano-dx" / "comments" / "bessi1.pdf"
    if not path.exists():
        pytest.skip("../shared not available")
    code, err = ingest(workspace, path, capsys)
    assert code == 1 and "bessi1.pdf" in err and "意見の表" in err


def test_a_plan_has_structure() -> None:
    from revtool.model import Section

    assert missing_structure(Document()) is not None
    assert missing_structure(Document(sections=(Section(heading="第1章 総則"),))) is None  # type: ignore[call-arg]
