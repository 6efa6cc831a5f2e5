"""Checks shared by the blind families' generator tests (tests/test_blind5_family.py
… test_blind8_family.py): the files' text read back (PDF pages by their 「- n -」
footer, DOCX paragraphs and tables) and the truth's consistency with them."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import pytest


def key(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def pdf_pages(path: Path, skip: str = r"- \d+ -") -> dict[int, str]:
    """The text of each printed page by its 「- n -」 footer (the cover carries none);
    lines matching ``skip`` (the footer, a running head) left out."""
    data = path.read_bytes().decode("latin-1")
    out = {}
    for s in re.findall(r"stream\n(.*?)\nendstream", data, re.S):
        lines = [bytes.fromhex(h).decode("utf-16-be") for h in re.findall(r"<([0-9A-F]+)> Tj", s)]
        nums = [int(m[1]) for x in lines if (m := re.fullmatch(r"- (\d+) -", x))]
        if nums:
            out[nums[0]] = "".join(x for x in lines if not re.fullmatch(skip, x))
    return out


def paragraphs(path: Path) -> list:
    return list(docx.Document(str(path)).paragraphs)


def docx_text(path: Path) -> str:
    d = docx.Document(str(path))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        parts += [c.text for r in t.rows for c in r.cells]
    return key("".join(parts))


def case_fixture(fam: ModuleType, seeds: list[int] | tuple[int, ...], prefix: str) -> Any:
    """The module fixture ``case`` of a family's test: (plan, files, truth) of
    its first two tuning ``seeds``, written under a temporary folder."""

    @pytest.fixture(scope="module", params=[seeds[0], seeds[1]])
    def case(request, tmp_path_factory):
        plan = fam.generate(request.param)
        files = fam.write_plan(plan, tmp_path_factory.mktemp(f"{prefix}-{request.param}"))
        return plan, files, json.loads(files["expected"].read_text(encoding="utf-8"))

    return case


def check_editorial_in_versions(files: dict, exp: dict, minimum: int, raw_soan: bool = False) -> None:
    """At least ``minimum`` editorial edits, each one's before in the 素案 and after in
    the 案, its before gone from the 案's raw text (NFKC would make ２０３０ and 2030 one);
    with ``raw_soan``, the before also in the 素案's raw text and the after in the 案's."""
    soan, an = docx_text(files["soan"]), docx_text(files["an"])
    raw_s = "\n".join(p.text for p in paragraphs(files["soan"])) if raw_soan else ""
    raw_an = "\n".join(p.text for p in paragraphs(files["an"]))
    assert len(exp["editorial"]) >= minimum
    for e in exp["editorial"]:
        assert key(e["before"]) in soan and key(e["after"]) in an, e["id"]
        if raw_soan:
            assert e["before"] in raw_s and e["before"] not in raw_an and e["after"] in raw_an, e["id"]
        else:
            assert e["before"] not in raw_an, e["id"]


def check_linked_comments(exp: dict, answered: bool = True) -> None:
    """Every comment a row links exists, is linked once and was reflected; with
    ``answered``, a row is caused by comments exactly when it links some."""
    ids = {c["id"] for c in exp["comments"]}
    linked = [c for r in exp["rows"] for c in r["cause"]["comment_ids"]]
    assert set(linked) <= ids and len(linked) == len(set(linked))
    assert set(linked) <= {c["id"] for c in exp["comments"] if c["reflected"]}
    if answered:
        for r in exp["rows"]:  # a comment decision is answered
            assert (r["cause"]["type"] == "comment") == bool(r["cause"]["comment_ids"]), r["id"]


def check_pdf_prints_the_docx(files: dict, toc_lines: int | None = None) -> None:
    """Each version's PDF prints every paragraph of its DOCX after the title (on the
    cover), and its 目次 (of ``toc_lines`` lines when given) points at the page each
    heading is printed on."""
    for v in ("soan", "an"):
        pdf = key("".join(pdf_pages(files[v + "_pdf"]).values()))
        for p in paragraphs(files[v])[1:]:  # the title is on the cover
            assert key(p.text) in pdf, p.text
        toc = [p.text for p in paragraphs(files[v]) if "……" in p.text]
        pages = pdf_pages(files[v + "_pdf"])
        if toc_lines is not None:
            assert len(toc) == toc_lines
        for line in toc:  # the 目次 points at the page the heading is printed on
            head, num = line.strip("　").rsplit("　……　", 1)
            assert key(head) in key(pages[int(num)]), line
