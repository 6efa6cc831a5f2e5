"""``revtool changelog`` end to end on a small workspace, and every renderer."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from revtool.changes.changelog import build_changelog
from revtool.cli import main
from revtool.render.changelog_common import HEADER, ChangelogMeta, VersionRef
from revtool.render.changelog_csv import changelog_csv
from revtool.render.changelog_docx import changelog_docx
from revtool.render.changelog_json import changelog_json
from revtool.render.changelog_md import changelog_md
from revtool.render.changelog_xlsx import changelog_xlsx
from tests.changelog_helpers import CH3, EACH, IND, S1, S2, S3, change, column_added, comment, plan_doc
from tests.workspace_helpers import run

META = ChangelogMeta("中野区DX推進計画", VersionRef("素案", "a" * 40, "soan.pdf", "b" * 64), VersionRef("案", "c" * 40, "an.pdf", "d" * 64))


def sample_log():  # type: ignore[no-untyped-def]
    changes = []
    for s, page in ((S1, 18), (S2, 21), (S3, 24)):
        changes.append(column_added((CH3, EACH, s, IND), "設定理由", ["目標の考え方。"], pages=(page,)))
    changes.append(change(("第2章　計画策定の背景", "1. 国の動向", "（2）自治体DXの推進"),
                          "現在は第4.0版が最新版となっている。", "2025年（令和7年）12月には第5.0版に改定された。", pages=(12, 13)))
    changes.append(change((CH3, EACH, S1, IND), "取組み", "取組", substantive=False))
    comments = [comment(1, "設定の根拠が乏しい。", "成果指標欄の見直しを行い、設定理由等を表記する。", ((CH3, EACH),))]
    return build_changelog(changes, comments, new_doc=plan_doc(3))


def test_json_follows_the_contract() -> None:
    data = changelog_json(sample_log(), META)
    assert list(data)[:8] == ["schema", "plan", "old", "new", "rows", "comments", "editorial_count", "warnings"]
    assert data["schema"] == "revtool.changelog/1"  # the contract name (DESIGN §4)
    assert data["old"] == {"version": "素案", "commit": "a" * 40, "source": "soan.pdf", "sha256": "b" * 64}
    row = data["rows"][0]
    assert set(row) >= {"id", "item", "an_pages", "summary", "kind", "section_paths", "changes", "cause"}
    assert set(row["cause"]) == {"type", "comment_ids", "confidence", "evidence"}
    assert set(row["changes"][0]) >= {"section_path", "old_text", "new_text", "old_pages", "new_pages"}
    (c,) = data["comments"]
    assert set(c) == {"id", "row", "ref", "opinion", "response", "resolved_section_paths", "soan_pages", "response_type", "row_ids"}
    assert c["row_ids"] == [r["id"] for r in data["rows"] if "C01" in r["cause"]["comment_ids"]]
    assert data["editorial_count"] == 1
    json.dumps(data, ensure_ascii=False)


def test_md_and_csv() -> None:
    log = sample_log()
    md = changelog_md(log, META)
    assert "| 項目 | 案のページ | 主な変更点 ※文言整理等の一部修正は除く |" in md
    assert "| 第2章 計画策定の背景 1. 国の動向（2）自治体DXの推進 | P. 12、P. 13 |" in md
    assert "| 第3章 DXの取組 各施策 | 各施策 |" in md
    data = changelog_csv(log)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0][:3]) == HEADER and len(rows) == 1 + len(log.rows)


def test_xlsx_is_styled_and_wrapped() -> None:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(changelog_xlsx(sample_log(), META)))
    ws = wb["別紙2"]
    assert ws["C1"].value == "別紙2" and ws["A2"].value == "素案からの主な変更点" and "中野区" in ws["A3"].value
    assert tuple(c.value for c in ws[4]) == HEADER
    assert ws["A4"].font.bold and ws["A5"].alignment.wrap_text
    assert ws.column_dimensions["C"].width > ws.column_dimensions["B"].width
    assert ws.print_title_rows == "$4:$4"


def test_docx_table_like_the_official_one() -> None:
    from docx import Document

    data = changelog_docx(sample_log(), META)
    doc = Document(io.BytesIO(data))
    assert doc.paragraphs[0].text == "素案からの主な変更点"
    (table,) = doc.tables
    assert tuple(c.text for c in table.rows[0].cells) == HEADER
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "<w:tblHeader" in xml and 'w:eastAsia="ＭＳ 明朝"' in xml
    widths = [c.width for c in table.rows[1].cells]
    assert abs(widths[0] / widths[1] - 3) < 0.5 and abs(widths[2] / widths[1] - 6) < 1
    assert {table.rows[i].cells[1].text for i in (1, 2)} == {"各施策", "P. 12、\nP. 13"}


def _docx(path: Path, parts: list[tuple[str, str]]) -> None:
    from docx import Document

    doc = Document()
    for style, text in parts:
        doc.add_paragraph(text, style=style)
    doc.save(str(path))


PLAN = [
    ("Heading 1", "第1章　計画の考え方"),
    ("Heading 2", "1. 計画の趣旨"),
    ("Normal", "本計画は、区のデジタル化の方向性を定めるものである。"),
    ("Heading 2", "2. 計画の位置付け"),
    ("Normal", "本計画は、国の自治体DX推進計画（第4.0版）を踏まえて策定する。"),
    ("Heading 1", "第2章　取組"),
    ("Heading 2", "1. 窓口の改善"),
    ("Normal", "窓口の待ち時間を短縮する。"),
]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COLUMNS", "200")
    for var, value in (("GIT_AUTHOR_NAME", "t"), ("GIT_AUTHOR_EMAIL", "t@example.jp"), ("GIT_COMMITTER_NAME", "t"), ("GIT_COMMITTER_EMAIL", "t@example.jp")):
        monkeypatch.setenv(var, value)
    soan, an = tmp_path / "soan.docx", tmp_path / "an.docx"
    _docx(soan, PLAN)
    new = list(PLAN)
    new[4] = ("Normal", "本計画は、2025年12月に第5.0版に改定された国の自治体DX推進計画を踏まえて策定する。")
    new[7] = ("Normal", "窓口の待ち時間を短縮するため、オンライン予約を導入する。")
    _docx(an, new)
    (tmp_path / "bessi1.tsv").write_text(
        "素案該当箇所\t主な意見\t区の考え方\n"
        "第2章 取組 1. 窓口の改善\t窓口の予約ができるようにしてほしい。\tご意見を踏まえ、オンライン予約を導入する旨を記載する。\n",
        encoding="utf-8",
    )
    ws = tmp_path / "ws"
    for args in (["init", str(ws), "--plan", "見本計画"],
                 ["-C", str(ws), "ingest", str(soan), "--version", "素案"],
                 ["-C", str(ws), "ingest", str(an), "--version", "案"],
                 ["-C", str(ws), "comments", "import", str(tmp_path / "bessi1.tsv")]):
        with pytest.raises(SystemExit) as exc:
            main(args)
        assert exc.value.code in (0, None), args
    return ws


def test_cli_terminal_table_and_files(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code, out, _ = run(["-C", str(workspace), "changelog", "素案", "案"], capsys)
    assert code == 0
    assert "素案からの主な変更点" in out and "第2章 取組 1. 窓口の改善" in out and "意見（C01）" in out
    code, out, _ = run(["-C", str(workspace), "changelog", "素案", "案", "--format", "json"], capsys)
    assert code == 0
    written = workspace / "changelogs" / "主な変更点_素案-案.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["plan"] == "見本計画" and data["new"]["source"] == "an.docx" and len(data["new"]["sha256"]) == 64
    items = {r["item"]: r for r in data["rows"]}
    assert items["第2章 取組 1. 窓口の改善"]["cause"]["comment_ids"] == ["C01"]
    assert items["第1章 計画の考え方 2. 計画の位置付け"]["cause"]["type"] == "external"
    code, out, _ = run(["-C", str(workspace), "changelog", "素案", "案", "-o", "-", "--format", "md"], capsys)
    assert code == 0 and out.startswith("# 素案からの主な変更点")


def test_cli_unknown_version_and_bad_format(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code, _, err = run(["-C", str(workspace), "changelog", "素案", "最終案"], capsys)
    assert code == 1 and "最終案" in err and "Traceback" not in err
    code, _, err = run(["-C", str(workspace), "changelog", "素案", "案", "--format", "pdf"], capsys)
    assert code == 2


def test_cli_decisions_toml(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (workspace / "decisions.toml").write_text('[rows.R1]\nsummary = "職員が書いた変更点"\n', encoding="utf-8")
    capsys.readouterr()
    code, out, _ = run(["-C", str(workspace), "changelog", "素案", "案", "-o", "-", "--format", "json"], capsys)
    assert code == 0 and json.loads(out)["rows"][0]["summary"] == "職員が書いた変更点"
    (workspace / "decisions.toml").write_text("[rows.R1\n", encoding="utf-8")
    code, _, err = run(["-C", str(workspace), "changelog", "素案", "案"], capsys)
    assert code == 1 and "decisions.toml" in err
