"""The second blind family's generator (benchmarks/blind2_family.py), not the tool:
the same seed gives the same files, the truth's 案 pages are where the text is
printed in the 案 PDF, and every campaign member is kept in the comment table."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.blind2_family import BLIND2_SEEDS, BLIND2_TUNING_SEEDS, generate, write_plan


def _squash(s: str) -> str:
    # the PDF's Adobe-Japan1 text maps the full-width hyphen to U+2212
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s)).replace("\u2212", "-")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_plan(generate(BLIND2_TUNING_SEEDS[0]), tmp_path_factory.mktemp("blind2"))


def _printed_pages(pdf: Path) -> dict[int, str]:
    """Printed page number (the 「- n -」 footer) -> the page's text without whitespace."""
    import pdfplumber

    out: dict[int, str] = {}
    with pdfplumber.open(str(pdf)) as doc:
        for page in doc.pages:
            text = page.extract_text() or ""
            m = re.search(r"-\s*(\d+)\s*-\s*$", text.strip())
            if m:
                out[int(m.group(1))] = _squash(text)
            page.close()
    return out


def test_same_seed_same_files(tmp_path: Path) -> None:
    a = write_plan(generate(8002), tmp_path / "a")
    b = write_plan(generate(8002), tmp_path / "b")
    for k in ("expected", "soan_pdf", "an_pdf"):
        assert hashlib.sha256(a[k].read_bytes()).digest() == hashlib.sha256(b[k].read_bytes()).digest(), k
    assert json.loads(a["expected"].read_text(encoding="utf-8"))["rows"]


def test_seeds_differ() -> None:
    t = [json.dumps([c["opinion"] for c in generate(s).comments[:50]], ensure_ascii=False) for s in (8001, 8101)]
    assert t[0] != t[1]
    assert not set(BLIND2_SEEDS) & set(BLIND2_TUNING_SEEDS)


def test_truth_pages_hold_the_changed_text(written: dict[str, Path]) -> None:
    truth = json.loads(written["expected"].read_text(encoding="utf-8"))
    pages = _printed_pages(written["an_pdf"])
    checked = 0
    for row in truth["rows"]:
        assert row["an_pages"], row["id"]
        for probe in row["probes"]:
            if not probe["text"]:
                continue  # a deletion: nothing of it is printed in 案
            head = _squash(probe["text"])[:6]
            assert head in pages[probe["page"]], (row["id"], probe, )
            assert probe["page"] in row["an_pages"]
            checked += 1
    assert checked >= len(truth["rows"])


def test_editorial_edits_are_printed_where_the_truth_says(written: dict[str, Path]) -> None:
    truth = json.loads(written["expected"].read_text(encoding="utf-8"))
    pages = _printed_pages(written["an_pdf"])
    assert len(truth["editorial"]) >= 40
    for e in truth["editorial"]:
        core = _squash(e["core_after"]) or _squash(e["after"])[:4]
        near = "".join(pages.get(p, "") for p in (e["an_page"] - 1, e["an_page"], e["an_page"] + 1))
        assert core in near, e


def test_every_campaign_member_is_in_the_comment_table(written: dict[str, Path]) -> None:
    from openpyxl import load_workbook

    assert written["comments"].suffix == ".xlsx"  # odd seeds: XLSX, even seeds: a Word table
    ws = load_workbook(written["comments"], read_only=True).active
    rows = [r for r in ws.iter_rows(values_only=True) if r and isinstance(r[0], int)]
    truth = json.loads(written["expected"].read_text(encoding="utf-8"))
    assert len(rows) == len(truth["comments"]) >= 300
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    # campaigns: a few texts repeated hundreds of times with small edits
    core = Counter(re.sub(r"^(私は|強く|ぜひ|一市民として、)", "", str(r[2])).replace("．", "。")[:30] for r in rows)
    big = [n for n in core.values() if n >= 50]
    assert len(big) >= 2 and max(big) >= 150
    plan = generate(BLIND2_TUNING_SEEDS[0])
    assert [c["opinion"] for c in plan.comments] == [str(r[2]) for r in rows]


def test_linked_comments_exist_and_are_reflected(written: dict[str, Path]) -> None:
    truth = json.loads(written["expected"].read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in truth["comments"]}
    linked = [c for r in truth["rows"] for c in r["cause"]["comment_ids"]]
    assert linked and all(by_id[c]["reflected"] for c in linked)
    for r in truth["rows"]:
        assert (r["cause"]["type"] == "comment") == bool(r["cause"]["comment_ids"]), r["id"]


def test_word_comment_table_keeps_every_row(tmp_path: Path) -> None:
    from docx import Document

    f = write_plan(generate(8002), tmp_path)
    assert f["comments"].suffix == ".docx"
    table = Document(str(f["comments"])).tables[0]
    truth = json.loads(f["expected"].read_text(encoding="utf-8"))
    assert len(table.rows) == 1 + len(truth["comments"])
    assert [c.text for c in table.rows[0].cells] == ["番号", "該当箇所", "御意見の概要", "御意見に対する考え方"]
