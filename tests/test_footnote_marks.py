"""Footnote marks renumbered because a footnote was added or cut earlier are a
consequence, never a row nor part of one (issue 11: on a ministry plan every
mark after an inserted footnote shifted, 57 → 61, and became rows
「「57」を「61」に変更…」).  A footnote whose text changed, a real number
changed next to a mark, and a quantity stay substantive."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from revtool.compare.diff import diff_documents
from revtool.compare.footnote_marks import FootnoteMarks, footnote_marks
from revtool.extract.docx import extract_docx
from revtool.model import Block, BlockKind, Document, Section

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real" / "env6-soan-an"


def note(n: int, text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, f"{n} {text}", label=f"注{n}")


def para(text: str) -> Block:
    return Block(BlockKind.PARAGRAPH, text)


def doc(*sections: tuple[str, list[Block]]) -> Document:
    return Document(sections=tuple(Section(h, blocks=tuple(bs)) for h, bs in sections))


OLD = doc(
    ("1 現状", [para("世界の平均気温は上昇している1。"), note(1, "世界気象機関の報告による。")]),
    ("2 課題", [
        para("持続可能な開発2の概念が提唱され、国際枠組みが整備された3。"),
        note(2, "ブルントラント委員会報告書による定義。"),
        note(3, "日本銀行資金循環統計"),  # a note opening with a counter character (日)
        para("目標値は 3 件とする。"),
    ]),
)


def new_with(*, second: list[Block]) -> Document:
    return doc(
        ("1 現状", [
            para("世界の平均気温は上昇している1。海面も上昇している2。"),
            note(1, "世界気象機関の報告による。"),
            note(2, "IPCC 第6次評価報告書による。"),
        ]),
        ("2 課題", second),
    )


def substantive(old: Document, new: Document, section: str) -> list[tuple[str, str]]:
    return [(c.old_text, c.new_text) for c in diff_documents(old, new)
            if c.verdict.substantive and c.section_path[-1] == section]


def test_marks_map_by_the_footnotes_own_text() -> None:
    new = new_with(second=[
        para("持続可能な開発3の概念が提唱され、国際枠組みが整備された4。"),
        note(3, "ブルントラント委員会報告書による定義。"),
        note(4, "日本銀行資金循環統計"),
    ])
    marks = footnote_marks(OLD, new)
    assert marks.mapping == {1: 1, 2: 3, 3: 4}
    assert marks.added == {2} and marks.deleted == frozenset()


def test_renumbered_marks_and_footnotes_are_not_substantive() -> None:
    new = new_with(second=[
        para("持続可能な開発3の概念が提唱され、国際枠組みが整備された4。"),
        note(3, "ブルントラント委員会報告書による定義。"),
        note(4, "日本銀行資金循環統計"),
        para("目標値は 3 件とする。"),
    ])
    assert substantive(OLD, new, "2 課題") == []
    evidence = [c.verdict.evidence for c in diff_documents(OLD, new) if c.verdict.rule == "footnote-renumbered"]
    assert any("2 → 3" in e for e in evidence)
    # the added footnote itself is a real change; its mark in the text is not
    assert [new_text for _, new_text in substantive(OLD, new, "1 現状")] != []
    assert all("2 IPCC" in new_text or "海面" in new_text for _, new_text in substantive(OLD, new, "1 現状"))


def test_a_footnote_whose_text_changed_is_a_real_change() -> None:
    new = new_with(second=[
        para("持続可能な開発3の概念が提唱され、国際枠組みが整備された4。"),
        note(3, "ブルントラント委員会報告書（Our Common Future）による定義。"),
        note(4, "日本銀行資金循環統計"),
        para("目標値は 3 件とする。"),
    ])
    (change,) = substantive(OLD, new, "2 課題")
    assert "Our Common Future" in change[1]
    assert change[0].startswith("注3 3") or "ブルントラント" in change[0]


def test_a_quantity_and_a_number_outside_the_mapping_stay_substantive() -> None:
    new = new_with(second=[
        para("持続可能な開発3の概念が提唱され、国際枠組みが整備された4。"),
        note(3, "ブルントラント委員会報告書による定義。"),
        note(4, "日本銀行資金循環統計"),
        para("目標値は 4 件とする。"),  # 3 → 4 as the footnote 3 → 4, but a quantity
    ])
    assert substantive(OLD, new, "2 課題") == [("目標値は 3 件とする。", "目標値は 4 件とする。")]
    wrong = new_with(second=[
        para("持続可能な開発5の概念が提唱され、国際枠組みが整備された4。"),  # 2 → 5: no footnote 2 became 5
        note(3, "ブルントラント委員会報告書による定義。"),
        note(4, "日本銀行資金循環統計"),
        para("目標値は 3 件とする。"),
    ])
    assert len(substantive(OLD, wrong, "2 課題")) == 1


def test_no_footnotes_no_marks() -> None:
    plain = doc(("1 現状", [para("目標は 57 件。")]))
    assert not footnote_marks(plain, plain)
    assert FootnoteMarks() == footnote_marks(plain, plain)


# ---------------------------------------------------------------- DOCX custom marks

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_with_custom_marks(path: Path, marks: list[tuple[str, int, str]]) -> Path:
    """A DOCX whose footnotes carry typed marks (``w:customMarkFollows``), as
    ministry documents converted from other tools do: (body text, mark, note)."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    body = '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>第1章 現状</w:t></w:r></w:p>' + "".join(
        f'<w:p><w:r><w:t>{text}</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:customMarkFollows="1" w:id="{k + 1}"/><w:t>{mark}</w:t></w:r>'
        f"<w:r><w:t>。</w:t></w:r></w:p>"
        for k, (text, mark, _) in enumerate(marks)
    )
    notes = "".join(
        f'<w:footnote w:id="{k + 1}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{mark}</w:t></w:r>'
        f'<w:r><w:t xml:space="preserve"> {note_text}</w:t></w:r></w:p></w:footnote>'
        for k, (_, mark, note_text) in enumerate(marks)
    )
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode()
                start = xml.index("<w:body>") + len("<w:body>")
                data = (xml[:start] + body + xml[start:]).encode()
            elif item.filename == "[Content_Types].xml":
                data = data.decode().replace("</Types>", (
                    '<Override PartName="/word/footnotes.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')).encode()
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.decode().replace("</Relationships>", (
                    '<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/footnotes" Target="footnotes.xml"/></Relationships>')).encode()
            out.writestr(item, data)
        out.writestr("word/footnotes.xml", f'<w:footnotes xmlns:w="{_W}">{notes}</w:footnotes>')
    return path


def test_docx_custom_marks_label_notes_by_the_printed_number(tmp_path: Path) -> None:
    path = _docx_with_custom_marks(tmp_path / "plan.docx", [("気温は上昇している", 5, "気象庁による。"),
                                                          ("海面も上昇している", 9, "IPCC による。")])
    blocks = [b for _, s in extract_docx(path).walk() for b in s.blocks]
    notes = [(b.label, b.text) for b in blocks if b.label.startswith("注")]
    assert notes == [("注5", "5 気象庁による。"), ("注9", "9 IPCC による。")]


def test_docx_footnote_inserted_early_renumbers_nothing_substantive(tmp_path: Path) -> None:
    old = extract_docx(_docx_with_custom_marks(tmp_path / "old.docx", [
        ("気温は上昇している", 1, "気象庁による。"), ("海面も上昇している", 2, "IPCC による。")]))
    new = extract_docx(_docx_with_custom_marks(tmp_path / "new.docx", [
        ("新たな知見がある", 1, "環境省の調査による。"),
        ("気温は上昇している", 2, "気象庁による。"), ("海面も上昇している", 3, "IPCC による。")]))
    changes = [c for c in diff_documents(old, new) if c.verdict.substantive]
    assert changes and all("新たな知見" in c.new_text or "環境省" in c.new_text for c in changes)


# ---------------------------------------------------------------- the ministry plan

@pytest.mark.skipif(not SHARED.exists(), reason="../shared corpus not available")
def test_env6_footnote_renumbering_makes_no_substantive_change() -> None:
    old, new = extract_docx(SHARED / "soan.docx"), extract_docx(SHARED / "an.docx")
    marks = footnote_marks(old, new)
    assert marks.mapping[57] == 61 and marks.mapping[123] == 131
    section = "（1）持続可能な開発の概念の確立と国際枠組みの整備"
    assert [c for c in diff_documents(old, new) if c.verdict.substantive and c.section_path[-1] == section] == []


def test_a_digit_added_after_a_mark_that_kept_its_number_is_substantive() -> None:
    """Old mark 1 stays 1; ``1`` → ``10`` beside it is a new digit, not a renumbering."""
    old = doc(("1 現状", [para("気温は上昇している1。"), note(1, "気象庁による。"), para("海面は上昇している。"),
                          note(10, "IPCC による。")]))
    new = doc(("1 現状", [para("気温は上昇している10。"), note(1, "気象庁による。"), para("海面は上昇している。"),
                          note(10, "IPCC による。")]))
    assert substantive(old, new, "1 現状") == [("気温は上昇している1。", "気温は上昇している10。")]


def test_word_numbered_footnotes_shift_only_their_labels() -> None:
    """Word's own footnote numbers print no mark in the text: a note inserted
    early shifts only the 注N labels, never a substantive change."""
    def plain(n: int, text: str) -> Block:
        return Block(BlockKind.PARAGRAPH, text, label=f"注{n}")

    old = doc(("1 現状", [para("気温は上昇している。"), plain(1, "気象庁による。")]),
              ("2 課題", [para("開発の概念が提唱された。"), plain(2, "ブルントラント委員会報告書による定義。")]))
    new = doc(("1 現状", [para("気温は上昇している。"), plain(1, "気象庁による。"), para("海面も上昇している。"),
                          plain(2, "IPCC による。")]),
              ("2 課題", [para("開発の概念が提唱された。"), plain(3, "ブルントラント委員会報告書による定義。")]))
    assert substantive(old, new, "2 課題") == []
    assert footnote_marks(old, new).mapping == {1: 1, 2: 3}


def test_a_paragraph_split_around_its_footnotes_with_marks_renumbered_is_editorial() -> None:
    """A paragraph cut in two, each piece followed by the footnotes it cites,
    while a footnote added earlier shifts every mark (2 → 3, 3 → 4): the pieces
    are the old paragraph, not a new one (the footnotes between them are a
    stream of their own)."""
    new = new_with(second=[
        para("持続可能な開発3の概念が提唱された。"),
        note(3, "ブルントラント委員会報告書による定義。"),
        para("そのうえで、国際枠組みが整備された4。"),
        note(4, "日本銀行資金循環統計"),
        para("目標値は 3 件とする。"),
    ])
    old = doc(
        ("1 現状", list(OLD.sections[0].blocks)),
        ("2 課題", [
            para("持続可能な開発2の概念が提唱された。そのうえで、国際枠組みが整備された3。"),
            note(2, "ブルントラント委員会報告書による定義。"),
            note(3, "日本銀行資金循環統計"),
            para("目標値は 3 件とする。"),
        ]),
    )
    changes = [c for c in diff_documents(old, new) if c.section_path[-1] == "2 課題"]
    assert changes and not [(c.old_text, c.new_text, c.verdict.rule) for c in changes if c.verdict.substantive]
    # the same split with a sentence really added stays substantive
    new2 = new_with(second=[
        para("持続可能な開発3の概念が提唱された。"),
        note(3, "ブルントラント委員会報告書による定義。"),
        para("そのうえで、国際枠組みが整備された4。各国は削減目標を提出した。"),
        note(4, "日本銀行資金循環統計"),
        para("目標値は 3 件とする。"),
    ])
    assert [c for c in diff_documents(old, new2) if c.section_path[-1] == "2 課題" and c.verdict.substantive
            and "削減目標" in c.new_text]


def test_a_mark_renumbered_while_its_sentence_is_joined_to_the_next() -> None:
    old = doc(("1 現状", [
        para("世界の平均気温は上昇している1。"), note(1, "世界気象機関の報告による。"),
        para("生産性は低下した2。賃金も伸び悩んでいる。"), note(2, "内閣府の推計による。"),
    ]))
    new = doc(("1 現状", [
        para("世界の平均気温は上昇している1。海面も上昇している2。"),
        note(1, "世界気象機関の報告による。"), note(2, "IPCC 第6次評価報告書による。"),
        para("生産性は低下し3、賃金も伸び悩んでいる。"), note(3, "内閣府の推計による。"),
    ]))
    changes = [c for c in diff_documents(old, new) if "生産性" in c.new_text]
    assert changes and not any(c.verdict.substantive for c in changes), [c.verdict for c in changes]
    assert any("2 → 3" in c.verdict.evidence for c in changes)
    # a negation gained at the join is a real change
    negated = doc(("1 現状", [
        para("世界の平均気温は上昇している1。海面も上昇している2。"),
        note(1, "世界気象機関の報告による。"), note(2, "IPCC 第6次評価報告書による。"),
        para("生産性は低下せず3、賃金も伸び悩んでいる。"), note(3, "内閣府の推計による。"),
    ]))
    assert any(c.verdict.substantive for c in diff_documents(old, negated) if "生産性" in c.new_text)


def test_a_note_inserted_before_a_reworded_one_is_not_taken_for_it() -> None:
    """A new note (46) inserted right before a note whose text changed a little
    (old 44 → new 47) must not be paired with it for coming first: old 44 is the
    closer text 47, and the mark 44 → 47 is a renumbering, not a number changed."""
    old = doc(("1 現状", [
        para("国土の利用は変化してきた43。"), note(43, "国土交通省「国土交通白書2023」"),
        para("森林面積はほぼ横ばいである44。"), note(44, "林野庁「森林資源の現況」（令和４年３月31日現在）より作成。"),
    ]))
    new = doc(("1 現状", [
        para("国土の利用は変化してきた45。"), note(45, "国土交通省「国土交通白書2023」"),
        para("人工林の面積は減少している46。"), note(46, "林野庁「森林・林業統計要覧」（令和５年）より作成。"),
        para("森林面積はほぼ横ばいである47。"), note(47, "林野庁「森林資源の現況」（令和４年３月31日現在）による。"),
    ]))
    marks = footnote_marks(old, new)
    assert marks.mapping[44] == 47 and 46 in marks.added
    moved = [c for c in diff_documents(old, new) if "森林面積" in c.new_text and "森林面積" in c.old_text]
    assert moved and not any(c.verdict.substantive for c in moved), [c.verdict for c in moved]
    assert any("44 → 47" in c.verdict.evidence for c in moved)
    # the inserted note and its paragraph stay real changes
    assert any(c.verdict.substantive for c in diff_documents(old, new) if "人工林" in c.new_text)


def _forest(old_body: str, new_body: str) -> list:
    old = doc(("1 現状", [
        para("国土の利用は変化してきた43。"), note(43, "国土交通省「国土交通白書2023」"),
        para(old_body), note(44, "林野庁「森林資源の現況」より作成。"),
    ]))
    new = doc(("1 現状", [
        para("国土の利用は変化してきた45。"), note(45, "国土交通省「国土交通白書2023」"),
        para("人工林の面積は減少している46。"), note(46, "林野庁「森林・林業統計要覧」（令和５年）より作成。"),
        para(new_body), note(47, "林野庁「森林資源の現況」より作成。"),
    ]))
    return [c for c in diff_documents(old, new) if "森林面積" in c.new_text]


def test_a_renumbered_mark_inside_a_rewording_is_no_number_changed() -> None:
    """The mark 44 → 47 sits in the same edit as a rewording (である → となっている):
    the rewording decides, the mark is a renumbering (not 「数値 44 → 47」)."""
    changes = _forest("森林面積はほぼ横ばいである44。", "森林面積はほぼ横ばいとなっている47。")
    assert changes and not any(c.verdict.substantive for c in changes), [c.verdict for c in changes]
    assert any("44 → 47" in c.verdict.evidence and "軽微な言い換え" in c.verdict.evidence for c in changes)


def test_a_renumbered_mark_inside_a_real_change_leaves_the_change_to_decide() -> None:
    changes = _forest("森林面積はほぼ横ばいである44。", "森林面積はほぼ横ばいであるが、人工林の高齢化が進んでいる47。")
    assert changes and any(c.verdict.substantive for c in changes)
    assert not any("数値" in c.verdict.evidence for c in changes), [c.verdict for c in changes]
    # a real number beside the mark stays a number changed
    changes = _forest("森林面積は約2,500万haである44。", "森林面積は約2,400万haである47。")
    assert any(c.verdict.substantive and "数値" in c.verdict.evidence for c in changes), [c.verdict for c in changes]
