"""The ninth blind family's generator is consistent with itself: its truth
points at printed pages of 案 that show the change, every comment-caused row
has its 反映 comment in 別紙1, editorial edits are in the plan but are not
rows, and a seed gives the same files. No revtool decision is asserted."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import docx
import pytest

from benchmarks import blind9_family as fam

SEEDS = (11001, 11002)  # tuning seeds only: one DOCX, one PDF-only


def _k(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


def _page_texts(laid: fam.Laid) -> dict[int, str]:
    """Printed page number -> the page's text (footer read back)."""
    out = {}
    for page in laid.pages:
        foot = [ln.text for ln in page if ln.y == 40]
        if foot:
            n = int(_k(foot[0]).strip("－-"))
            out[n] = _k("".join(ln.text for ln in page))
    return out


@pytest.fixture(scope="module", params=SEEDS)
def case(request, tmp_path_factory):
    seed = request.param
    plan = fam.generate(seed)
    d = tmp_path_factory.mktemp(f"b9-{seed}")
    files = fam.write_plan(plan, d)
    sd, sl, ad, al, exp = fam.truth(fam.generate(seed))
    return plan, files, exp, sl, al


def test_truth_pages_show_the_change_in_an(case):
    plan, files, exp, _, al = case
    pages = _page_texts(al)
    assert 60 <= max(pages) <= 120
    for r in exp["rows"]:
        assert r["an_pages"] and set(r["an_pages"]) <= set(pages), r["id"]
        for m in r["must_mention"]:
            assert any(_k(m) in pages[p] for p in r["an_pages"]), (r["id"], m)


def test_every_comment_row_has_its_comment_in_betsu1(case):
    plan, files, exp, _, _ = case
    table = docx.Document(str(files["comments"])).tables[0]
    body = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert 120 <= len(body) <= 300
    assert [c["id"] for c in exp["comments"]] == [f"C{n:02d}" for n in range(1, len(body) + 1)]
    comment_rows = [r for r in exp["rows"] if r["cause"]["type"] == "comment"]
    assert 6 <= len(comment_rows) <= 10
    for r in comment_rows:
        assert r["cause"]["comment_ids"], r["id"]
        for cid in r["cause"]["comment_ids"]:
            row = body[int(cid[1:]) - 1]
            assert row[4] == "A" and "御意見を踏まえ" in row[3], (cid, row)
    for r in exp["rows"]:
        if r["cause"]["type"] != "comment":
            assert r["cause"]["comment_ids"] == []
    reflected = {c["id"] for c in exp["comments"] if c["reflected"]}
    assert {c for r in comment_rows for c in r["cause"]["comment_ids"]} <= reflected


def test_editorial_edits_are_in_the_plans_but_not_rows(case):
    plan, files, exp, sl, al = case
    soan = "".join(ln.text for p in sl.pages for ln in p)  # not NFKC: １０か所→10か所 is an edit
    an = "".join(ln.text for p in al.pages for ln in p)
    assert len(exp["editorial"]) >= 5
    row_words = {_k(m) for r in exp["rows"] for m in r["must_mention"]}
    for e in exp["editorial"]:
        assert e["before"] in soan and e["before"] not in an, e
        assert e["after"] in an, e
        assert _k(e["after"]) not in row_words
    # one row for the renamed 課 and one for the refreshed 現状値, however many places
    kinds = [r["kind"] for r in exp["rows"]]
    assert kinds.count("rename") == 1 and kinds.count("refresh") == 1
    assert fam.OLD_KA not in an and fam.NEW_KA not in soan


def test_external_row_lists_both_places():
    exp = fam.truth(fam.generate(11003))[4]
    ext = [r for r in exp["rows"] if r["cause"]["type"] == "external"]
    assert len(ext) == 1 and len(ext[0]["section_paths"]) == 2 and len(ext[0]["an_pages"]) == 2


def test_deterministic_per_seed_and_pdf_only_on_even_seeds(tmp_path):
    a = fam.write_plan(fam.generate(11002), tmp_path / "a")
    b = fam.write_plan(fam.generate(11002), tmp_path / "b")
    for k in ("expected", "soan_pdf", "an_pdf"):
        assert Path(a[k]).read_bytes() == Path(b[k]).read_bytes(), k
    assert a["soan"] == a["soan_pdf"] and not list((tmp_path / "a").glob("*an.docx"))
    odd = fam.write_plan(fam.generate(11001), tmp_path / "c")
    assert odd["soan"].suffix == ".docx" and odd["soan_pdf"].suffix == ".pdf"
    assert json.loads(a["expected"].read_text(encoding="utf-8"))["rows"]
    assert not set(fam.BLIND9_SEEDS) & set(fam.BLIND9_TUNING_SEEDS)
