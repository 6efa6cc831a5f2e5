"""Acceptance on ../shared/corpus/nakano-dx: every heading with its printed
pages, and the body text against the DOCX of the same version."""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

from revtool.extract.pdf import extract_pdf
from revtool.model import Document, Section


def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=4)
def _pdf(path: Path, bookmarks: bool = True) -> Document:
    return extract_pdf(path, use_bookmarks=bookmarks)


def _matches(doc: Document, expected: list[dict]) -> tuple[int, list[str]]:
    got = {tuple(_key(x) for x in p): s for p, s in doc.walk()}
    ok, misses = 0, []
    for e in expected:
        s = got.get(tuple(_key(x) for x in e["path"]))
        if s is not None and s.pages is not None and (s.pages.first, s.pages.last) == (e["page"], e["end_page"]):
            ok += 1
        else:
            misses.append(f"{e['title']}: expected {e['page']}-{e['end_page']}, got {s.pages if s else 'missing'}")
    return ok, misses


@pytest.mark.parametrize("version", ["soan", "an"])
@pytest.mark.parametrize("bookmarks", [True, False], ids=["bookmarks", "font-sizes"])
def test_every_heading_with_its_printed_pages(nakano: Path, version: str, bookmarks: bool) -> None:
    expected = json.loads((nakano / "expected" / "sections.json").read_text(encoding="utf-8"))[version]
    doc = _pdf(nakano / f"{version}.pdf", bookmarks)
    ok, misses = _matches(doc, expected)
    assert ok == len(expected), misses
    assert len(doc.walk()) == len(expected)  # and nothing else became a section
    assert doc.warnings == ()


def test_printed_pages_not_pdf_indexes(nakano: Path) -> None:
    doc = _pdf(nakano / "soan.pdf")
    first = doc.sections[0]
    assert first.heading == "第1章　計画の基本的な考え方" and first.pages is not None and first.pages.first == 1
    assert all(b.pages is None for b in doc.front)  # 表紙, 目次 (i, ii)


def _own_text(s: Section) -> str:
    from revtool.normalize import normalize_key

    return re.sub(r"\s+", "", normalize_key("\n".join(b.text for b in s.blocks)))


@pytest.mark.parametrize("version", ["soan", "an"])
def test_body_text_agrees_with_the_docx(nakano: Path, version: str) -> None:
    docx_mod = pytest.importorskip("revtool.extract.docx")
    pdf = _pdf(nakano / f"{version}.pdf")
    docx = docx_mod.extract_docx(nakano / f"{version}.docx")
    pdf_sections = {tuple(_key(x) for x in p): s for p, s in pdf.walk()}
    low = []
    for p, s in docx.walk():
        other = pdf_sections.get(tuple(_key(x) for x in p))
        assert other is not None, p
        a, b = _own_text(s), _own_text(other)
        if not a and not b:
            continue
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        ratio = sum(m.size for m in sm.get_matching_blocks()) / max(len(a), len(b))
        if ratio < 0.99:
            low.append((p[-1], round(ratio, 3)))
    assert low == []


def test_no_space_between_kanji_and_half_width(nakano: Path) -> None:
    doc = _pdf(nakano / "soan.pdf")
    text = "\n".join(b.text for _, s in doc.walk() for b in s.blocks)
    assert re.search(r"令和 \d", text) is None and re.search(r"\d 年", text) is None
    assert "2021年（令和3年）11月" in text
