"""A low heading rung (■ 目指す姿, ア　…) that a DOCX holds as a Word heading and
the PDF printed from it as a line of the body: the two versions' outlines are
made to agree before they are compared, so a plan published as 素案 DOCX and
案 PDF shows only its real edits (issue 11, mixed formats). Hand-made
section trees, and one tiny DOCX and PDF (``benchmarks.plan_pdf``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx

from benchmarks.plan_pdf import BODY_SIZE, LEFT, PAGE_W, TOP, Line, write_pdf
from revtool.compare.diff import compare_documents, diff_documents
from revtool.compare.outline_match import match_outlines
from revtool.extract import extract
from revtool.model import Block, BlockKind, Document, Section


def _p(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def _li(text: str, label: str) -> Block:
    return Block(BlockKind.LIST, text, label=label)


GOAL = "保護者の就労や家庭の状況にかかわらず、こどもが安全で質の高い保育を利用できています。"
ISSUE = "保育の受け皿の確保の満足度は31.9％と、前回調査を下回る結果となりました。"
ISSUE2 = "必要な情報が全ての市民に届くよう、制度の周知の方法を工夫することが求められています。"
ROLE = "・市民：保育の受け皿の確保について関心を持ち、身近な取組に参加します。"


def _shisaku(blocks: tuple[Block, ...] = (), children: tuple[Section, ...] = ()) -> Document:
    s = Section("施策１－１－１　保育サービスの充実", number="施策１－１－１", title="保育サービスの充実", level=2,
                marker="shisaku-sub", blocks=blocks, children=children)
    return Document(sections=(Section("第３章　施策の展開", number="第３章", title="施策の展開", marker="chapter",
                                      children=(s,)),))


def _sub(title: str, *blocks: Block) -> Section:
    return Section(title, title=title, level=3, blocks=blocks)


DOCX_TREE = _shisaku(children=(_sub("目指す姿", _p(GOAL)), _sub("現状と課題", _p(ISSUE), _p(ISSUE2)),
                               _sub("市民・地域・事業者に期待される役割", _li(ROLE, "・"))))
PDF_FLAT = _shisaku(blocks=(_li("■ 目指す姿", "■"), _p(GOAL), _li("■ 現状と課題", "■"), _p(ISSUE), _p(ISSUE2),
                            _li("■ 市民・地域・事業者に期待される役割", "■"), _li(ROLE, "・")))


def _outline(doc: Document) -> list[str]:
    return ["  " * (len(path) - 1) + s.heading + f" [{len(s.blocks)}]" for path, s in doc.walk()]


def test_ornamented_body_lines_become_the_sections_the_other_version_has() -> None:
    # before: every ■ section deleted and its text added again as lines of the 施策
    old, new, promoted = match_outlines(DOCX_TREE, PDF_FLAT)
    assert old is DOCX_TREE
    assert _outline(new) == _outline(DOCX_TREE)
    assert [p.line for p in promoted] == ["■ 目指す姿", "■ 現状と課題", "■ 市民・地域・事業者に期待される役割"]
    assert {p.side for p in promoted} == {"new"} and {p.by for p in promoted} == {"text"}
    for a, b in ((DOCX_TREE, PDF_FLAT), (PDF_FLAT, DOCX_TREE)):  # either version may be the PDF
        assert not [c for c in diff_documents(a, b) if c.substantive]


def test_the_promotion_is_the_evidence_of_the_section_pair() -> None:
    comparison = compare_documents(DOCX_TREE, PDF_FLAT)
    reasons = {p.new_path[-1]: p.reason for p in comparison.section_pairs if p.new_path}
    assert "新版の本文の行「■ 目指す姿」を見出しとして読む" in reasons["目指す姿"]
    assert "見出しとして読む" not in reasons["施策１－１－１　保育サービスの充実"]


def test_a_real_edit_under_a_promoted_heading_is_still_found() -> None:
    edited = _shisaku(blocks=(_li("■ 目指す姿", "■"), _p(GOAL), _li("■ 現状と課題", "■"),
                              _p(ISSUE.replace("31.9", "28.4")), _p(ISSUE2),
                              _li("■ 市民・地域・事業者に期待される役割", "■"), _li(ROLE, "・")))
    changes = [c for c in diff_documents(DOCX_TREE, edited) if c.substantive]
    assert len(changes) == 1
    assert changes[0].section_path[-1] == "現状と課題" and "28.4" in changes[0].new_text


KA = ("ア　総合相談支援の充実", "イ　地域ケア会議の推進")
KA_TEXT = ("高齢者や家族からのあらゆる相談を受け止め、適切な機関につなぎます。",
           "個別事例の検討を通じて地域課題を把握し、政策形成につなげます。")


def _paren(blocks: tuple[Block, ...] = (), children: tuple[Section, ...] = ()) -> Document:
    return Document(sections=(Section("１　地域包括ケアシステムの深化", number="１", title="地域包括ケアシステムの深化",
                                      marker="decimal", children=(Section(
                                          "（１）地域包括支援センターの機能強化", number="（１）", title="地域包括支援センターの機能強化",
                                          level=2, marker="paren", blocks=blocks, children=children),)),))


def _ka(heading: str, text: str) -> Section:
    return Section(heading, number=heading[0], title=heading[2:], level=3, marker="katakana", blocks=(_p(text),))


def test_a_renamed_item_of_the_same_numbering_series_is_promoted_with_its_siblings() -> None:
    intro = _p("センターの人員体制を充実し、総合的な相談支援体制を強化します。")
    docx_tree = _paren(blocks=(intro,), children=(_ka(KA[0], KA_TEXT[0]), _ka(KA[1], KA_TEXT[1])))
    renamed = "イ　地域ケア会議の充実"
    pdf_flat = _paren(blocks=(intro, _li(KA[0], "ア"), _p(KA_TEXT[0]), _li(renamed, "イ"), _p(KA_TEXT[1])))
    old, new, promoted = match_outlines(docx_tree, pdf_flat)
    assert [(p.line, p.by) for p in promoted] == [(KA[0], "text"), (renamed, "marker")]
    assert [s.heading for s in new.sections[0].children[0].children] == [KA[0], renamed]
    assert new.sections[0].children[0].blocks == (intro,)
    changes = [c for c in diff_documents(docx_tree, pdf_flat) if c.substantive]
    assert [c.kind.value for c in changes] == ["renamed"]  # the rename, and nothing added or deleted


def test_lines_that_are_sentences_or_lists_of_the_same_version_stay_body() -> None:
    # ア items that are sentences number paragraphs; a line whose text is a heading
    # of the other version elsewhere (not under this section's counterpart) stays
    docx_tree = _paren(children=(_ka(KA[0], KA_TEXT[0]),))
    pdf_flat = _paren(blocks=(_li("ア　" + KA_TEXT[0], "ア"), _p("目指す姿")))
    _, new, promoted = match_outlines(docx_tree, pdf_flat)
    assert promoted == () and new is pdf_flat


def test_outlines_that_agree_pass_through_untouched() -> None:
    old, new, promoted = match_outlines(DOCX_TREE, DOCX_TREE)
    assert old is DOCX_TREE and new is DOCX_TREE and promoted == ()


# ------------------------------------------------------------- real readers

PITCH = BODY_SIZE + 6
SUBS = [("目指す姿", [GOAL]), ("現状と課題", [ISSUE, ISSUE2]), ("市民・地域・事業者に期待される役割", [ROLE])]


def _docx(path: Path) -> None:
    d = docx.Document()
    d.add_heading("第３章　施策の展開", level=1)
    d.add_heading("施策１－１－１　保育サービスの充実", level=2)
    for title, texts in SUBS:
        d.add_heading("■ " + title, level=3)
        for t in texts:
            d.add_paragraph(t)
    d.save(str(path))


def _pdf(path: Path) -> None:
    rows: list[tuple[float, str]] = [(16.0, "第３章　施策の展開"), (12.0, "施策１－１－１　保育サービスの充実")]
    for title, texts in SUBS:
        rows.append((BODY_SIZE, "■ " + title))  # set like the text: only its ornament tells it
        for t in texts:
            rows += [(BODY_SIZE, t[i:i + 40]) for i in range(0, len(t), 40)]
    lines: list[Line] = []
    y: float = TOP
    for size, text in rows:
        y -= size + 6
        lines.append(Line(LEFT, y, size, text))
    lines.append(Line(PAGE_W / 2 - 15, 40, 9, "－ 1 －"))
    write_pdf([lines], path)


def test_a_docx_and_the_pdf_printed_from_it_compare_equal(tmp_path: Path) -> None:
    _docx(tmp_path / "an.docx")
    _pdf(tmp_path / "an.pdf")
    from_docx, from_pdf = extract(tmp_path / "an.docx"), extract(tmp_path / "an.pdf")
    subs = [s.heading for s in from_docx.sections[0].children[0].children]
    assert subs == [t for t, _ in SUBS]
    assert not from_pdf.sections[0].children[0].children  # the PDF reader alone sees lines of the body
    changes = [c for c in diff_documents(from_docx, from_pdf) if c.substantive]
    assert changes == []


def test_lines_of_a_section_the_alignment_left_alone_follow_the_headings_of_the_other_version() -> None:
    # （１） split in two between the versions: the new （２） has no counterpart of its own;
    # its イ line is still the heading the DOCX has, and ウ after it is of the same series
    docx_tree = _paren(children=(_ka(KA[0], KA_TEXT[0]), _ka(KA[1], KA_TEXT[1])))
    split = Section("（２）地域ケア会議の充実", number="（２）", title="地域ケア会議の充実", level=2, marker="paren",
                    blocks=(_p("地域課題の把握を強化します。"), _li(KA[1], "イ"), _p(KA_TEXT[1]),
                            _li("ウ　政策形成への反映", "ウ"), _p("会議の結果を施策に反映します。")))
    first = replace(docx_tree.sections[0].children[0], blocks=(_li(KA[0], "ア"), _p(KA_TEXT[0])), children=())
    pdf_flat = replace(docx_tree, sections=(replace(docx_tree.sections[0], children=(first, split)),))
    _, new, promoted = match_outlines(docx_tree, pdf_flat)
    assert [s.heading for s in new.sections[0].children[1].children] == [KA[1], "ウ　政策形成への反映"]
    assert [(p.line, p.by) for p in promoted] == [(KA[0], "text"), (KA[1], "text"), ("ウ　政策形成への反映", "marker")]


def test_an_unnumbered_preface_left_in_the_front_matter_opens_the_first_section() -> None:
    # はじめに: a Word heading in the DOCX; in the PDF, set larger but unnumbered before any numbered
    # heading, a line of the front matter — after the 目次 lines, which name it too and stay as they are
    preface = "本計画は、生涯にわたる学びの機会を確保するために策定するものである。"
    chapter = Section("第１章　計画の策定に当たって", number="第１章", title="計画の策定に当たって", marker="chapter",
                      blocks=(_p("国は、計画の趣旨を示す。"),))
    docx_doc = Document(front=(_p("第４次生涯学習推進基本計画（素案）"), _p("目　次"), _p("はじめに"), _p(chapter.heading)),
                        sections=(Section("はじめに", title="はじめに", blocks=(_p(preface),)), chapter))
    pdf_doc = Document(front=(_p("第４次生涯学習推進基本計画（案）"), _p("目　次"), _p("はじめに"), _p(chapter.heading),
                              _p("はじめに"), _p(preface)), sections=(chapter,))
    _, new, promoted = match_outlines(docx_doc, pdf_doc)
    assert [s.heading for s in new.sections] == ["はじめに", chapter.heading]
    assert [b.text for b in new.front] == ["第４次生涯学習推進基本計画（案）", "目　次", "はじめに", chapter.heading]
    assert [(p.side, p.path, p.line) for p in promoted] == [("new", ("はじめに",), "はじめに")]
    assert not [c for c in diff_documents(docx_doc, pdf_doc) if c.substantive]
    # a 目次 alone (no text after it) opens nothing
    toc_only = replace(pdf_doc, front=pdf_doc.front[:4], sections=(chapter,))
    assert match_outlines(docx_doc, toc_only)[2] == ()
