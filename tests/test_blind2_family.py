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

from benchmarks.blind2_family import BLIND2_SEEDS, BLIND2_TUNING_SEEDS, flatten, generate, write_plan


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


def test_accuracy_section_is_replaced_in_place_and_others_kept() -> None:
    from benchmarks.blind2_accuracy import MARK, replace_section

    doc = "# Accuracy\n\n## Families\n\nA\n\n" + MARK + "\n\nold figures\n\n## Later section\n\nB\n"
    out = replace_section(doc, MARK + "\n\nnew figures\n")
    assert "old figures" not in out and "new figures" in out
    assert out.index("## Families") < out.index(MARK) < out.index("## Later section")
    assert out.endswith("## Later section\n\nB\n")
    again = replace_section(out, MARK + "\n\nnewer\n")
    assert again.count(MARK) == 1 and "newer" in again and "new figures" not in again
    assert replace_section("# Accuracy\n", MARK + "\n").count(MARK) == 1


def test_table_and_heading_places_are_on_their_pages(written: dict[str, Path]) -> None:
    """Each table row or heading a truth row points at is printed on a page the row lists: the indicator's
    name (unique) for a 成果指標 row, the 節 heading for a 施策体系 row or a heading."""
    from benchmarks.blind2_family import resolve_truth

    plan = generate(BLIND2_TUNING_SEEDS[0])
    truth, _, lay_a = resolve_truth(plan)
    pages = _printed_pages(written["an_pdf"])
    by_id = {r["id"]: r for r in truth["rows"]}
    seen = 0
    for row in plan.rows:
        for pl in row["places"]:
            if "table" in pl:
                cells = next(a for rk, _, a in plan.tables[pl["table"]].rows if rk == pl["row"])
                assert cells is not None
                text, page = (cells[0] if len(cells) == 4 else cells[-1]), lay_a.row_page[(pl["table"], pl["row"])]
            elif "heading" in pl:
                text = next(b.text for b in flatten(plan.roots, "an") if b.kind == "h" and b.key == pl["heading"])
                page = lay_a.heading_page[pl["heading"]]
            else:
                continue
            assert page in by_id[row["id"]]["an_pages"]
            assert _squash(text)[:10] in pages[page], (row["id"], text, page)
            seen += 1
    assert seen >= 8


def test_soan_and_an_differ_only_where_the_truth_says(written: dict[str, Path]) -> None:
    """Every paragraph that differs between 素案 and 案 is a decision's place or an editorial edit."""
    plan = generate(BLIND2_TUNING_SEEDS[0])
    decided = {pl["para"] for r in plan.rows for pl in r["places"] if "para" in pl}
    editorial = {e["para"] for e in plan.editorial}
    soan = {b.key: b.text for b in flatten(plan.roots, "soan") if b.kind == "p"}
    an = {b.key: b.text for b in flatten(plan.roots, "an") if b.kind == "p"}
    changed = {k for k in soan.keys() & an.keys() if soan[k] != an[k]}
    assert changed and changed <= decided | editorial
    assert not decided & editorial  # an editorial edit never shares a paragraph with a decision
