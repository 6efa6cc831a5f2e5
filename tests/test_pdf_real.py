"""The real Japanese PDFs of ../shared/corpus/real/pdf-robustness: each one
extracts right or fails with a clear message naming its pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from revtool.errors import RevtoolError, UnreadablePagesError
from revtool.extract.pdf import extract_pdf
from revtool.model import Document


def _text(doc: Document) -> str:
    blocks = list(doc.front) + [b for _, s in doc.walk() for b in s.blocks]
    return "\n".join(b.text for b in blocks)


@pytest.fixture
def robust(real_corpus: Path) -> Path:
    d = real_corpus / "pdf-robustness"
    if not d.exists():
        pytest.skip("pdf-robustness corpus not available")
    return d


@pytest.mark.parametrize("name", ["kampo.pdf", "jo.pdf", "issue16063.pdf", "issue15340.pdf"])
def test_extracts_or_names_the_pages(robust: Path, name: str) -> None:
    try:
        doc = extract_pdf(robust / name)
    except RevtoolError as err:  # never a traceback of another kind
        assert name in err.message
        assert isinstance(err, UnreadablePagesError) and err.pages
        return
    assert _text(doc).strip()
    assert "(cid:" not in _text(doc)


def test_kampo_digits_are_garbage_so_it_is_reported(robust: Path) -> None:
    # vertical 官報 page whose CID digits decode to ™—›: named by its /PageLabels number
    with pytest.raises(UnreadablePagesError) as err:
        extract_pdf(robust / "kampo.pdf")
    assert err.value.pages == ["1ページ"]
    assert "文字化け" in err.value.message


def test_jo_vertical_text_without_tounicode(robust: Path) -> None:
    doc = extract_pdf(robust / "jo.pdf")
    text = _text(doc)
    assert "わたくしといふ現象は" in text and "假定された有機交流電燈の" in text
    assert any("縦書き" in w for w in doc.warnings)
    # two tiers (段): the upper one is read to its end before the lower one
    assert text.index("第四次延長") > text.index("けれどもこれら新世代沖積世の") > text.index("みんなのおのおののなかのすべてですから")
    assert text.index("わたくしといふ現象は") < text.index("宇宙塵をたべ")


def test_issue16063_words_split_across_lines_are_joined(robust: Path) -> None:
    text = _text(extract_pdf(robust / "issue16063.pdf"))
    assert "速結端子又はスプリング式ねじなし端子" in text
    assert "デュプレックス絶縁電線" in text
    assert "ａ ねじ止め端子であること。" in text.split("\n")


def test_issue15340_sentence_broken_by_hand(robust: Path) -> None:
    text = _text(extract_pdf(robust / "issue15340.pdf"))
    assert "「漏電遮断器」と解釈し、対象として取り扱う。" in text
