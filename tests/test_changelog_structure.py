"""Structural decisions seen in several places (issue 11, blind2 K6/K7/K5):
a 節 renamed in its heading and in the 施策体系 table, where the table cell
holds the heading with its number and the table of contents repeats it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx

from revtool.changes.changelog import build_changelog
from revtool.compare.diff import compare_documents
from revtool.extract.docx import extract_docx
from revtool.model import ChangeKind, Verdict

from tests.changelog_helpers import cell, change, plan_doc, row_added

PART2 = ("第２部　各論", "第５章　デジタル社会における学びの推進")
TAIKEI = ("第１部　総論", "第３章　基本的な方針", "第３節　施策体系")
OLD_H, NEW_H = "第３節　データ利活用の向上", "第３節　データ利活用を通じた地域の活性化"


def _rename(pages: tuple[int, ...] = (62,)):  # type: ignore[no-untyped-def]
    return change(PART2 + (NEW_H,), OLD_H, NEW_H, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
                  old_path=PART2 + (OLD_H,), location="見出し", pages=pages)


def test_rename_and_the_overview_cell_holding_the_numbered_heading_are_one_row() -> None:
    """The 施策体系 cell is the heading itself (第３節　…), number and all: it
    repeats the rename, one row citing both pages."""
    changes = [cell(TAIKEI, NEW_H, "施策", OLD_H, NEW_H, pages=(9,)), _rename()]
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert row.kind == ChangeKind.RENAMED
    assert row.new_pages == (9, 62)
    assert "名称変更" in row.grouping and "施策体系" in row.grouping
    assert row.summary.count("地域の活性化") == 1


def test_a_line_of_text_listing_the_renamed_heading_with_its_number_joins_the_rename() -> None:
    """The 基本目標 listed one per line in the 総論 (「基本目標３　安全・安心に暮らせるまちづくり」),
    its words reordered rather than added to: the line is the heading itself,
    number and all, written again — the rename's, not a row of its own."""
    goals = ("第１部　総論", "第３章　計画の基本的な考え方", "２　基本目標")
    part = ("第２部　障がい者計画",)
    old_h, new_h = "基本目標３　安全・安心に暮らせるまちづくり", "基本目標３　安心して暮らせる安全なまちづくり"
    rename = change(part + (new_h,), old_h, new_h, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
                    old_path=part + (old_h,), location="見出し", pages=(27,))
    listed = change(goals, old_h, new_h, location="段落4", pages=(8,))
    (row,) = build_changelog([listed, rename], new_doc=plan_doc(3)).rows
    assert row.kind == ChangeKind.RENAMED
    assert set(row.section_paths) == {part + (new_h,), goals}
    assert row.new_pages == (8, 27)
    assert "名称変更" in row.grouping


def test_overview_cell_called_a_year_spelling_still_joins_the_rename() -> None:
    """The number rule saw 第３節 in the hunk and called the cell 年の表記:
    an edit without digits is no number spelling, and the cell is the rename's."""
    taikei = cell(TAIKEI, NEW_H, "施策", OLD_H, NEW_H, pages=(9,))
    taikei = replace(taikei, verdict=Verdict(False, "era", "年の表記"))
    (row,) = build_changelog([taikei, _rename()], new_doc=plan_doc(3)).rows
    assert row.new_pages == (9, 62)
    # a real year spelling in a table cell stays editorial
    year = replace(cell(TAIKEI, "目標", "年度", "令和12年度", "2030年度"), verdict=Verdict(False, "era", "年の表記"))
    log = build_changelog([year], new_doc=plan_doc(3))
    assert log.rows == () and log.editorial_count == 1


def _plan(tmp_path: Path, name: str, heading: str) -> Path:
    document = docx.Document()
    document.add_paragraph("目次")
    document.add_paragraph("第１章　総論")
    document.add_paragraph(heading)  # the table-of-contents line
    document.add_paragraph("第１章　総論", style="Heading 1")
    document.add_paragraph("施策体系", style="Heading 2")
    document.add_paragraph("本計画の施策体系は、次のとおりである。")
    table = document.add_table(rows=2, cols=2)
    for row, texts in zip(table.rows, (("章", "施策"), ("第５章　デジタル社会", heading))):
        for c, text in zip(row.cells, texts):
            c.text = text
    document.add_paragraph("第５章　デジタル社会", style="Heading 1")
    document.add_paragraph(heading, style="Heading 2")
    document.add_paragraph("データの利活用を進めるため、関係機関の連携体制を強化する。")
    path = tmp_path / name
    document.save(str(path))
    return path


def test_a_table_of_contents_line_is_no_cover_stamp_for_the_overview_table(tmp_path: Path) -> None:
    """The renamed heading's TOC line changes in the front matter; the 施策体系
    cell with the same text is content, not an echo of the cover."""
    old = extract_docx(_plan(tmp_path, "soan.docx", OLD_H))
    new = extract_docx(_plan(tmp_path, "an.docx", NEW_H))
    changes = compare_documents(old, new).changes
    cells = [c for c in changes if c.block_kind == "table"]
    assert len(cells) == 1 and cells[0].verdict.rule != "front-matter"
    front = [c for c in changes if not c.section_path]
    assert front and all(c.verdict.rule == "front-matter" for c in front)
    rows = build_changelog(changes, new_doc=new, old_doc=old).rows
    assert len(rows) == 1 and rows[0].kind == ChangeKind.RENAMED
    assert len(rows[0].section_paths) == 2


# ---------------------------------------------------------------- a 節 split by its title (K7)

from revtool.changes.title_splits import title_splits  # noqa: E402
from revtool.model import Document, PageSpan, Section  # noqa: E402

CH6 = "第６章　人材の育成と推進体制"
JOINT, KEPT, NEW = "第２節　ＮＰＯとの協働の整備と大学との連携の向上", "第２節　ＮＰＯとの協働の整備", "第３節　大学との連携の向上"
ITEM1, ITEM2 = "１．表彰制度の推進", "２．大学との連携の強化"


def _sec(heading: str, first: int, *children: Section) -> Section:
    number, title = heading.split("　", 1) if "　" in heading else ("", heading)
    return Section(heading=heading, number=number, title=title, level=1, children=children, pages=PageSpan(first, first + 1))


def _docs(old_titles: list[str], new_titles: list[str]) -> tuple[Document, Document]:
    def doc(titles: list[str], start: int) -> Document:
        kids = tuple(_sec(t, start + 2 * i) for i, t in enumerate(titles))
        return Document(sections=(_sec("第１章　総論", 8), _sec(CH6, start - 1, *kids)))
    return doc(old_titles, 73), doc(new_titles, 73)


def test_a_joint_title_parted_between_two_neighbours_is_a_split() -> None:
    old, new = _docs(["第１節　表彰制度の普及", JOINT, "第３節　企業との連携の充実"],
                     ["第１節　表彰制度の普及", KEPT, NEW, "第４節　企業との連携の充実"])
    (split,) = title_splits(old, new)
    assert split.old_path == (CH6, JOINT) and split.kept == (CH6, KEPT) and split.added == (CH6, NEW)
    # a joint title cut short with no new neighbour is a rename, and two sections that
    # already stood side by side are no split of a third
    assert title_splits(*_docs([JOINT], [KEPT])) == []
    assert title_splits(*_docs([KEPT, NEW, JOINT], [KEPT, NEW])) == []


def test_a_joint_title_sharing_its_words_is_split_wherever_the_parts_stand() -> None:
    """「AとBの推進」 → 「Aの推進」「Bの推進」 (the shared words said once in the
    joint title), the parts apart with another section between them; and
    「地域のAとB」 → 「地域のA」「地域のB」."""
    joint, kept, new = "第２節　見守り活動と学習支援の推進", "第２節　見守り活動の推進", "第４節　学習支援の推進"
    old, new_doc = _docs(["第１節　表彰制度の普及", joint, "第３節　企業との連携の充実"],
                         ["第１節　表彰制度の普及", kept, "第３節　企業との連携の充実", new])
    (split,) = title_splits(old, new_doc)
    assert split.kept == (CH6, kept) and split.added == (CH6, new)
    old, new_doc = _docs(["第１節　地域の見守りと学習支援"], ["第１節　地域の見守り", "第２節　地域の学習支援"])
    (split,) = title_splits(old, new_doc)
    assert split.kept_title == "地域の見守り" and split.added_title == "地域の学習支援"
    # two names that only share words with the old one, not joined by a connector, are no split
    old, new_doc = _docs(["第１節　見守り活動の推進"], ["第１節　見守り活動", "第２節　活動の推進"])
    assert title_splits(old, new_doc) == []
    old, new_doc = _docs(["第１節　見守りと学習の推進"], ["第１節　見守りの推進", "第２節　見守りの推進"])
    assert title_splits(old, new_doc) == []


def test_a_split_is_one_row_with_its_headings_moved_items_and_overview_lines() -> None:
    """The diff took the joint section for the new 第３節 (a rename) and the kept
    part for a split: headings, the items that moved, the 施策体系 cell and added
    row are one row 「…を「A」と「B」に分割」 citing 体系, A and B; the
    renumbered 第３節→第４節 line is a consequence."""
    old, new = _docs(["第１節　表彰制度の普及", JOINT, "第３節　企業との連携の充実"],
                     ["第１節　表彰制度の普及", KEPT, NEW, "第４節　企業との連携の充実"])
    taikei = ("第１章　総論", "第３節　施策体系")
    changes = [
        cell(taikei, KEPT, "施策", JOINT, KEPT, pages=(9,)),
        row_added(taikei, ["学びを支える", CH6, NEW], pages=(9,)),
        cell(taikei, "第４節　企業との連携の充実", "施策", "第３節　企業との連携の充実", "第４節　企業との連携の充実", pages=(9,)),
        change((CH6, KEPT), JOINT, KEPT, kind=ChangeKind.SPLIT, block_kind="section", rule="section-split",
               old_path=(CH6, JOINT), location="見出し", pages=(75,)),
        change((CH6, KEPT, ITEM1), ITEM1, ITEM1, kind=ChangeKind.MOVED, block_kind="section", rule="section-moved",
               old_path=(CH6, JOINT, ITEM1), location="見出し", pages=(75,)),
        change((CH6, NEW), JOINT, NEW, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
               old_path=(CH6, JOINT), location="見出し", pages=(77,)),
        change((CH6, NEW), "", "大学との連携の向上については、次の施策に取り組む。", kind=ChangeKind.ADDED, rule="block-added",
               old_path=(CH6, JOINT), pages=(77,)),
    ]
    (row,) = build_changelog(changes, new_doc=new, old_doc=old).rows
    assert row.kind == ChangeKind.SPLIT
    assert row.new_pages == (9, 75, 77)
    assert row.summary == "「ＮＰＯとの協働の整備と大学との連携の向上」を「ＮＰＯとの協働の整備」と「大学との連携の向上」に分割"
    # three places make a long 項目: each is written short (ancestors by number, the place's own title)
    assert row.item == "第6章第2節 ＮＰＯとの協働の整備、第6章第3節 大学との連携の向上、第1章第3節 施策体系"
    assert "分割" in row.grouping


# ---------------------------------------------------------------- one decision in several places (K5 grouping)

from revtool.changes.fact_groups import _signature, _unshared  # noqa: E402

GEN = ("第１部　総論", "第２章　現状と課題", "２．デジタル化の進展")
KIDS = ("第２部　各論", "第２章　子供・若者の育ちと学びの支援")
PLAN = ("第２部　各論", "第７章　計画の推進", "第１節　推進体制")


def test_an_organisation_renamed_in_three_sentences_is_one_row() -> None:
    """The same renaming read in three sentences, each followed by other words
    (が実施した / と連携し / を中心に): one decision, one row, every page."""
    old_org, new_org = "内閣官房共生社会推進本部事務局", "共生社会推進庁"
    changes = [
        change(GEN, f"情報モラルの支援に取り組む。{old_org}が実施した調査では、参加率は低下している。",
               f"情報モラルの支援に取り組む。{new_org}が実施した調査では、参加率は低下している。", pages=(5,)),
        change(KIDS, f"必要な情報提供や助言に努める。{old_org}と連携し、施策の一体的な推進を図る。",
               f"必要な情報提供や助言に努める。{new_org}と連携し、施策の一体的な推進を図る。", pages=(24,)),
        change(PLAN, f"本計画の推進に当たっては、{old_org}を中心に関係府省が緊密に連携する。",
               f"本計画の推進に当たっては、{new_org}を中心に関係府省が緊密に連携する。", pages=(84,)),
    ]
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert row.new_pages == (5, 24, 84)
    assert row.summary.count("共生社会推進庁") == 1 and "3か所" in row.grouping


def test_a_target_raised_in_the_table_and_in_the_text_is_one_row() -> None:
    indicators = ("第２部　各論", "第３章　障害のある人の学び", "第６節　成果指標")
    text = ("第２部　各論", "第３章　障害のある人の学び", "第５節　バリアフリーの推進")
    changes = [
        change(text, "令和12年度までに46か所とすることを目指す。", "令和12年度までに51か所とすることを目指す。", pages=(50,)),
        cell(indicators, "学びの場の設置数", "目標値", "46か所", "51か所", pages=(51,)),
    ]
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert row.new_pages == (50, 51)
    assert row.summary.count("51か所") == 1
    # the same numbers with another unit are another decision
    other = cell(indicators, "講座の受講者数", "目標値", "46人", "51人", pages=(51,))
    assert len(build_changelog([changes[0], other], new_doc=plan_doc(3)).rows) == 2


def test_an_edit_is_keyed_without_the_words_it_shares_with_the_other_side() -> None:
    assert _unshared("地域学習推進庁と連携し", "内閣府地域学習推進室", "市町村が内閣府地域学習推進室と連携し、") == "地域学習推進庁"
    assert _unshared("地域学習推進庁", "内閣府地域学習推進室", "市町村が内閣府地域学習推進室と連携し、") == "地域学習推進庁"
    a = cell(PLAN, "指標", "目標値", "46か所", "51か所")
    b = change(PLAN, "令和12年度までに46か所とすることを目指す。", "令和12年度までに51か所とすることを目指す。")
    from revtool.changes.facts import facts_of
    assert _signature(facts_of(a)[0]) == _signature(facts_of(b)[0]) == ("quantity", "46", "51", "か")


def test_a_field_numbered_dai_n_bunya_renamed_joins_its_line_in_the_plan_structure_table() -> None:
    """A national 基本計画 numbers its 分野 「第７分野　…」: the number is
    「第７分野」, the name what follows, so the 計画の構成 table's 分野名 cell
    (the bare name, keyed by 「第７分野」) repeats the rename: one row with
    both pages, and the name is said without a stray 「分野」."""
    from revtool.changes.headings import heading_number, heading_title
    old_h, new_h = "第７分野　防災・復興分野における共生の視点", "第７分野　防災・減災・復興分野における共生の視点の強化"
    assert (heading_number(new_h), heading_title(new_h)) == ("第７分野", "防災・減災・復興分野における共生の視点の強化")
    assert heading_title("第２次計画の策定にあたって") == "次計画の策定にあたって"  # no space: no counter word, as before
    field = ("第２部　分野別施策",)
    rename = change(field + (new_h,), old_h, new_h, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
                    old_path=field + (old_h,), location="見出し", pages=(47,))
    layout = cell(("第１部　基本的な考え方", "３　計画の構成"), "第７分野", "分野名", heading_title(old_h), heading_title(new_h),
                  pages=(2,))
    (row,) = build_changelog([layout, rename], new_doc=plan_doc(3)).rows
    assert row.new_pages == (2, 47)
    assert "「分野　" not in row.summary and "防災・減災・復興分野における共生の視点の強化" in row.summary


_CH3 = ("第３章　健康増進計画",)
_OLD_P, _NEW_P = "２　基本方針２　こころと体の休養", "２　基本方針２　休養と身体活動による健康づくり"
_INTRO = "基本方針２では、{}に向けて、次の施策に取り組みます。施策ごとに【目指す姿】【現状】【課題】を整理します。"


def _policy_renamed_with_its_intro(intro_old: str, intro_new: str) -> list:  # type: ignore[type-arg]
    """基本方針２ renamed (blind13 seed 15003): its heading, its line in the chapter's
    overview table, and its name in the intro paragraph under the heading."""
    rename = change(_CH3 + (_NEW_P,), _OLD_P, _NEW_P, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
                    old_path=_CH3 + (_OLD_P,), location="見出し", pages=(12,))
    overview = cell(_CH3, "（１）休養・睡眠", "基本方針", "基本方針２　こころと体の休養", "基本方針２　休養と身体活動による健康づくり",
                    pages=(6,))
    intro = change(_CH3 + (_NEW_P,), intro_old, intro_new, location="段落1", pages=(12,), old_path=_CH3 + (_OLD_P,))
    return [overview, rename, intro]


def test_a_renamed_policy_named_in_its_intro_sentence_is_one_row_with_the_rename() -> None:
    """The intro sentence names the 基本方針 by its title alone (「基本方針２では、こころと体の
    休養に向けて…」): the old name replaced by the new one and nothing else in the
    sentence is the rename written again — one of the rename's places, not a row."""
    changes = _policy_renamed_with_its_intro(_INTRO.format("こころと体の休養"), _INTRO.format("休養と身体活動による健康づくり"))
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert row.kind == ChangeKind.RENAMED
    assert row.new_pages == (6, 12)
    assert row.summary == "名称を「基本方針２　こころと体の休養」から「基本方針２　休養と身体活動による健康づくり」に変更"
    assert {c.id.split(".")[0] for c in row.changes} == {c.id for c in changes}
    assert "の本文にも現れる" in row.grouping and "「こころと体の休養」→「休養と身体活動による健康づくり」" in row.grouping


def test_an_intro_sentence_saying_more_than_the_new_name_stays_a_row_with_a_summary() -> None:
    """Another word added to the same sentence (次の施策に → 次の施策に重点的に) is more
    than the rename: the name's edit stays apart. It was the echo of the overview
    cell's identical edit, which left for the rename row — the row it is left in
    still says its edit, quoted whole, never an empty summary."""
    old = _INTRO.format("こころと体の休養")
    new = _INTRO.format("休養と身体活動による健康づくり").replace("次の施策に", "次の施策に重点的に")
    renamed, rest = build_changelog(_policy_renamed_with_its_intro(old, new), new_doc=plan_doc(3)).rows
    assert renamed.kind == ChangeKind.RENAMED and "重点的に" in renamed.summary
    assert rest.summary == "「こころと体の休養」を「休養と身体活動による健康づくり」に変更"
