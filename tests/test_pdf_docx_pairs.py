"""The DOCX and the PDF of one real document give the same section tree, with
the PDF's pages equal to the printed page numbers (issue 12): env6-soan-an
(環境省, 素案 96 pages) and meti-nda (経済産業省, Japanese-Word heading style ids,
「■」 heading prefixes, ① list items)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from revtool.extract import extract
from revtool.model import Document


def _paths(doc: Document) -> list[tuple[str, ...]]:
    return [tuple(p) for p, _ in doc.walk()]


def _pair(real: Path, folder: str, stem: str) -> tuple[Path, Path]:
    docx, pdf = real / folder / f"{stem}.docx", real / folder / f"{stem}.pdf"
    if not (docx.exists() and pdf.exists()):
        pytest.skip(f"{folder} not available")
    return docx, pdf


@pytest.mark.parametrize(("folder", "stem", "sections"), [("meti-nda", "nda_v1_0", 15), ("env6-soan-an", "soan", 200)])
def test_docx_and_pdf_give_the_same_sections(real_corpus: Path, folder: str, stem: str, sections: int) -> None:
    docx, pdf = _pair(real_corpus, folder, stem)
    from_docx, from_pdf = extract(docx), extract(pdf)
    assert _paths(from_docx) == _paths(from_pdf)
    assert len(_paths(from_pdf)) == sections  # one per bookmark / Word heading
    titles = [p[-1] for p in _paths(from_docx)]
    assert not any(t.startswith(("■", "①", "②")) for t in titles)
    # each section starts on the page whose bookmark points at it; that page prints this number
    bookmarks = [bm.get_dest().get_index() for bm in pdfium.PdfDocument(str(pdf)).get_toc()]
    assert [s.pages.first if s.pages else None for _, s in from_pdf.walk()] == [i + 1 for i in bookmarks]


def test_env6_pages_are_the_printed_footers(real_corpus: Path) -> None:
    _, pdf = _pair(real_corpus, "env6-soan-an", "soan")
    doc = pdfium.PdfDocument(str(pdf))
    printed = {}
    for i in range(len(doc)):
        page = doc[i]
        footer = page.get_textpage().get_text_bounded(0, 0, page.get_width(), 60).strip()
        if footer.isdigit():
            printed[i + 1] = int(footer)
    from_pdf = extract(pdf)
    firsts = [s.pages.first for _, s in from_pdf.walk() if s.pages]
    assert len(printed) > 90 and firsts
    assert all(printed.get(n, n) == n for n in firsts)


def test_meti_docx_against_its_pdf_shows_only_the_later_edits(real_corpus: Path) -> None:
    """The DOCX was edited after the PDF was published: a diff between them
    shows those edits (about ten: 開示等→開示, マインド→意識, 「㊙」, 違約金, …), not
    the format (■ headings, ● bullets from Wingdings, ＜ポイント＞ boxes, 目次)."""
    from revtool.compare.diff import diff_documents

    docx, pdf = _pair(real_corpus, "meti-nda", "nda_v1_0")
    changes = diff_documents(extract(docx), extract(pdf))
    substantive = [c for c in changes if c.substantive]
    texts = " ".join(c.old_text + c.new_text for c in substantive)
    assert "マインド" in texts and "㊙" in texts and "違約金" in texts  # the real edits are found
    assert len(substantive) <= 12, [(c.old_text[:30], c.new_text[:30]) for c in substantive]
    assert not any(c.kind.value in ("deleted", "added") and c.block_kind == "section" for c in changes)
