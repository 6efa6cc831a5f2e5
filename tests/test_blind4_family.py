"""The fourth blind family's generator (benchmarks/blind4_family.py) on one
tuning seed: its ground truth agrees with the files it writes — every row's
key words are in the 案 and on the 案 pages it names, the pages exist in the
PDF, the editorial edits are really in the 素案 and the 案, the comment table
reads back with one truth entry per row. No revtool run, no LibreOffice."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from benchmarks import blind4_family as fam
from benchmarks.blind4_family import BLIND4_SEEDS, BLIND4_TUNING_SEEDS


def _key(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _pdf_pages(path: Path) -> dict[int, str]:
    """The text of each printed page by the number in its footer (the last line drawn: 「- n -」 or 「n」),
    from the generator's own uncompressed PDF; the cover and the 目次 carry no footer."""
    data = path.read_bytes().decode("latin-1")
    out = {}
    for s in re.findall(r"stream\n(.*?)\nendstream", data, re.S):
        lines = [bytes.fromhex(h).decode("utf-16-be") for h in re.findall(r"<([0-9A-F]+)> Tj", s)]
        m = re.fullmatch(r"(?:- )?(\d+)(?: -)?", lines[-1]) if lines else None
        if m:
            out[int(m[1])] = "".join(lines[:-1])
    return out


def _docx_text(path: Path) -> dict[str, str]:
    """Paragraph and table text of a DOCX under each heading path (headings as printed)."""
    d = docx.Document(str(path))
    out: dict[str, str] = {}
    stack: list[str] = []
    body = d.element.body
    for el in body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(el, d)
            style = p.style.name if p.style is not None and p.style.name else ""
            if style.startswith("Heading"):
                lvl = int(style.split()[-1])
                stack = stack[:lvl - 1] + [p.text]
                continue
            text = p.text
        elif tag == "tbl":
            t = Table(el, d)
            text = "".join(c.text for r in t.rows for c in r.cells)
        else:
            continue
        k = "/".join(stack)
        out[k] = out.get(k, "") + text
    return out


@pytest.fixture(scope="module")
def case(tmp_path_factory) -> tuple[fam.Plan, dict, dict]:
    plan = fam.generate(BLIND4_TUNING_SEEDS[0])
    files = fam.write_plan(plan, tmp_path_factory.mktemp("blind4"))
    return plan, files, json.loads(files["expected"].read_text(encoding="utf-8"))


def test_seeds_are_disjoint_and_generation_is_deterministic(tmp_path) -> None:
    assert not set(BLIND4_SEEDS) & set(BLIND4_TUNING_SEEDS)
    a, b = fam.generate(5002), fam.generate(5002)
    assert a.decisions == b.decisions and a.editorial == b.editorial


def test_no_placeholder_is_printed(case, tmp_path) -> None:
    """Odd seeds widen the digits of the text, even seeds do not: neither prints a {…} placeholder."""
    for files in (case[1], fam.write_plan(fam.generate(5002), tmp_path)):
        for v in ("soan", "an"):
            assert not any("{" in t for t in _docx_text(files[v]).values()), v
            assert not any("{" in t for t in _pdf_pages(files[v + "_pdf"]).values()), v


def test_every_row_is_in_the_an_on_its_pages(case) -> None:
    plan, files, exp = case
    pages = _pdf_pages(files["an_pdf"])
    an = _docx_text(files["an"])
    assert len(exp["rows"]) >= 13
    kinds = {r["kind"].split("-")[0] for r in exp["rows"]}
    assert {"comment", "external", "internal", "structure"} <= kinds
    for r in exp["rows"]:
        assert r["an_pages"] and set(r["an_pages"]) <= set(pages), r
        assert all("/".join(p) in an for p in r["section_paths"]), r["section_paths"]
        on_pages = _key("".join(pages[p] for p in r["an_pages"]))
        for m in r["must_mention"]:
            assert _key(m) in on_pages, (r["id"], m)
    assert sorted(pages) == list(range(1, exp["an_pages_total"] + 1))


def test_editorial_edits_are_in_the_texts_and_touch_no_row(case) -> None:
    plan, files, exp = case
    so, an = _docx_text(files["soan"]), _docx_text(files["an"])
    assert len(exp["editorial"]) >= 5
    for e in exp["editorial"]:
        k = "/".join(e["section_path"])
        assert e["before"] in so[k] and e["before"] not in an[k], e
        assert e["after"] in an[k] and e["after"] not in so[k], e
        # a row's key words never live in an editorial edit
        assert not any(_key(m) in _key(e["after"]) for r in exp["rows"] for m in r["must_mention"])


def test_comment_table_reads_back_with_its_truth(case) -> None:
    plan, files, exp = case
    raw = files["comments"].read_bytes()
    text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("cp932")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) - 1 == len(exp["comments"])
    assert [c["id"] for c in exp["comments"]] == [f"C{i:02d}" for i in range(1, len(rows))]
    linked = {c for r in exp["rows"] for c in r["cause"]["comment_ids"]}
    for c in exp["comments"]:
        assert (c["id"] in linked) == bool(c["row_ids"])
        if c["row_ids"]:
            assert c["reflected"]
    # comment-caused rows have comments, the others none
    for r in exp["rows"]:
        assert bool(r["cause"]["comment_ids"]) == (r["cause"]["type"] == "comment"), r["id"]
    # one comment is reflected with no row: a typo fixed
    assert any(c["reflected"] and not c["row_ids"] for c in exp["comments"])
