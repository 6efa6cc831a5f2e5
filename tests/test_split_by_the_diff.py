"""Structural decisions of a 市's 都市計画マスタープラン (issue 11, blind6 tuning
kinds), on small hand-made cases shaped as the diff reports them:

* a 節 split whose new part the diff found inside the old 節 (a *split* section
  change, not an added one) while the old 節 took a new name: 「道路・交通の方針」
  → 「道路ネットワークの方針」 and 「公共交通の方針」 is one row 「A」を「B」と「C」に分割,
  not a rename row and a 「記述を追加」 row;
* the 施策の体系 table's lines that only follow such a decision — the line of the
  new part, the donor's line sharing out its 主な取組, the 分野 number of a
  swapped or renumbered line — are never a row of their own (「分野の一覧を更新」):
  they join the row of their decision, or are dropped as renumbering;
* a sentence added beside the date of a revision (令和3年3月 → 令和8年3月改定) that
  speaks of that same revision (「令和8年3月の改定で示された「…」」) is the same row,
  its cause the document cited with that date.
"""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.model import CauseType, ChangeKind, Document, PageSpan, Section

from tests.changelog_helpers import cell, change, row_added, table_block

CH = "第3章　全体構想"
FIELDS = "3-3　分野別の方針"
OVERVIEW = (CH, "3-4　施策の体系")
LAND, ROAD, PARK = "3-3-1　土地利用の方針", "3-3-2　道路・交通の方針", "3-3-3　公園・緑地の方針"
NETWORK, TRANSIT, PARK_NEW = "3-3-2　道路ネットワークの方針", "3-3-3　公共交通の方針", "3-3-4　公園・緑地の方針"
ROAD_TEXT = "都市計画道路の整備を計画的に進めます。"
BUS_TEXT = "路線バスやコミュニティバスの運行を維持し、公共交通の利便性の向上に努めます。"
HEADER = ["分野", "方針", "主な取組"]


def _sec(heading: str, page: int, *blocks: object, children: tuple[Section, ...] = ()) -> Section:
    number, _, title = heading.partition("　")
    from revtool.model import Block, BlockKind

    made = tuple(b if not isinstance(b, str) else Block(BlockKind.PARAGRAPH, b) for b in blocks)
    return Section(heading=heading, number=number, title=title, level=len(number.split("-")), blocks=made,  # type: ignore[arg-type]
                   children=children, pages=PageSpan(page, page))


def _doc(fields: list[Section], overview_rows: list[list[str]]) -> Document:
    chapter = Section(heading=CH, number="第3章", title="全体構想", level=1, pages=PageSpan(4, 6), children=(
        _sec(FIELDS, 4, children=tuple(fields)),
        _sec(OVERVIEW[1], 6, table_block([HEADER] + overview_rows)),
    ))
    return Document(title="都市計画マスタープラン", sections=(chapter,))


OLD_DOC = _doc(
    [_sec(LAND, 4, "低未利用地の活用を進めます。"), _sec(ROAD, 4, ROAD_TEXT + BUS_TEXT), _sec(PARK, 5, "公園の再整備を進めます。")],
    [["3-3-1", "土地利用の方針", "低未利用地の活用"], ["3-3-2", "道路・交通の方針", "都市計画道路の整備、公共交通の維持"],
     ["3-3-3", "公園・緑地の方針", "公園の再整備、緑地の保全"]],
)
NEW_DOC = _doc(
    [_sec(LAND, 4, "低未利用地の活用を進めます。"), _sec(NETWORK, 4, ROAD_TEXT), _sec(TRANSIT, 4, BUS_TEXT),
     _sec(PARK_NEW, 5, "公園の再整備を進めます。")],
    [["3-3-1", "土地利用の方針", "低未利用地の活用"], ["3-3-2", "道路ネットワークの方針", "都市計画道路の整備、歩行空間の確保"],
     ["3-3-3", "公共交通の方針", "バス路線の維持、交通結節点の強化"], ["3-3-4", "公園・緑地の方針", "公園の再整備、緑地の保全"]],
)


def _split_changes() -> list:  # type: ignore[type-arg]
    """As the diff reports the split: the old 節 renamed (its part kept), the new
    part a *split* of the old 節 under its own title, the sentence moved across."""
    old_road = (CH, FIELDS, ROAD)
    return [
        change((CH, FIELDS, NETWORK), ROAD, NETWORK, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
               old_path=old_road, pages=(4,)),
        change((CH, FIELDS, NETWORK), ROAD_TEXT + BUS_TEXT, ROAD_TEXT, old_path=old_road, pages=(4,)),
        change((CH, FIELDS, TRANSIT), "", BUS_TEXT, kind=ChangeKind.ADDED, old_path=old_road, pages=(4,)),
        change((CH, FIELDS, TRANSIT), ROAD, TRANSIT, kind=ChangeKind.SPLIT, block_kind="section", rule="section-split",
               old_path=old_road, pages=(4,)),
        cell(OVERVIEW, "都市計画道路の整備、歩行空間の確保", "方針", "道路・交通の方針", "道路ネットワークの方針", pages=(6,)),
        cell(OVERVIEW, "都市計画道路の整備、歩行空間の確保", "主な取組", "都市計画道路の整備、公共交通の維持",
             "都市計画道路の整備、歩行空間の確保", pages=(6,)),
        row_added(OVERVIEW, ["3-3-3", "公共交通の方針", "バス路線の維持、交通結節点の強化"], pages=(6,)),
        cell(OVERVIEW, "公園の再整備、緑地の保全", "分野", "3-3-3", "3-3-4", pages=(6,)),
    ]


def test_a_split_the_diff_found_inside_the_renamed_old_section_is_one_split_row() -> None:
    (row,) = build_changelog(_split_changes(), new_doc=NEW_DOC, old_doc=OLD_DOC).rows
    assert row.summary == "「道路・交通の方針」を「道路ネットワークの方針」と「公共交通の方針」に分割"
    assert row.kind == ChangeKind.SPLIT
    assert {(CH, FIELDS, NETWORK), (CH, FIELDS, TRANSIT), OVERVIEW} <= set(row.section_paths)
    assert row.new_pages == (4, 6)  # both parts, and the 施策の体系 page
    assert "改称も分割の一部" in row.grouping
    assert "施策の体系にも現れる" in row.grouping


def test_the_overview_lines_of_a_split_are_no_row_of_their_own() -> None:
    """Without the split, the same 施策の体系 lines would be their own row: the
    split row takes them (the new part's line, the donor's 主な取組), and the
    number of the line after it (公園・緑地 3-3-3 → 3-3-4) is renumbering."""
    rows = build_changelog(_split_changes(), new_doc=NEW_DOC, old_doc=OLD_DOC).rows
    assert not any(r.section_paths == (OVERVIEW,) for r in rows)
    alone = build_changelog(_split_changes()[4:], new_doc=NEW_DOC, old_doc=OLD_DOC).rows
    assert alone and all(r.section_paths == (OVERVIEW,) for r in alone)


DISASTER_OLD, SCENE_OLD = "3-3-4　防災まちづくりの方針", "3-3-5　景観形成の方針"
SCENE_NEW, DISASTER_NEW = "3-3-4　景観形成の方針", "3-3-5　防災まちづくりの方針"
SWAP_OLD = _doc(
    [_sec(LAND, 4, "低未利用地の活用を進めます。"), _sec(DISASTER_OLD, 5, "建築物の耐震化を進めます。"),
     _sec(SCENE_OLD, 5, "景観計画を運用します。")],
    [["3-3-1", "土地利用の方針", "低未利用地の活用"], ["3-3-4", "防災まちづくりの方針", "建築物の耐震化・不燃化、浸水対策"],
     ["3-3-5", "景観形成の方針", "景観計画の運用、屋外広告物の誘導"]],
)
SWAP_NEW = _doc(
    [_sec(LAND, 4, "低未利用地の活用を進めます。"), _sec(SCENE_NEW, 5, "景観計画を運用します。"),
     _sec(DISASTER_NEW, 5, "建築物の耐震化を進めます。")],
    [["3-3-1", "土地利用の方針", "低未利用地の活用"], ["3-3-4", "景観形成の方針", "景観計画の運用、屋外広告物の誘導"],
     ["3-3-5", "防災まちづくりの方針", "建築物の耐震化・不燃化、浸水対策"]],
)


def test_the_numbers_of_two_swapped_lines_of_the_overview_join_the_swap_row() -> None:
    """The 施策の体系 table aligned by its 主な取組 column: the swap reads there as
    two 分野 numbers changed (3-3-5 → 3-3-4, 3-3-4 → 3-3-5) — the lines of the
    swapped sections, named in the row's other cells: the swap's, not 「分野の一覧を更新」."""
    changes = [
        change((CH, FIELDS, SCENE_NEW), SCENE_OLD, SCENE_NEW, kind=ChangeKind.MOVED, block_kind="section", rule="heading",
               old_path=(CH, FIELDS, SCENE_OLD), pages=(5,)),
        change((CH, FIELDS, DISASTER_NEW), DISASTER_OLD, DISASTER_NEW, kind=ChangeKind.MOVED, block_kind="section",
               rule="heading", old_path=(CH, FIELDS, DISASTER_OLD), pages=(5,)),
        cell(OVERVIEW, "景観計画の運用、屋外広告物の誘導", "分野", "3-3-5", "3-3-4", pages=(6,)),
        cell(OVERVIEW, "建築物の耐震化・不燃化、浸水対策", "分野", "3-3-4", "3-3-5", pages=(6,)),
    ]
    (row,) = build_changelog(changes, new_doc=SWAP_NEW, old_doc=SWAP_OLD).rows
    assert "「景観形成の方針」" in row.summary and "「防災まちづくりの方針」" in row.summary and "入れ替え" in row.summary
    assert OVERVIEW in row.section_paths and row.new_pages == (5, 6)
    assert "順序の入れ替えが施策の体系にも現れる" in row.grouping


POSITION = ("第1章　計画の概要", "1-2　計画の位置付け")
OLD_POSITION = "本計画は、分野別計画の上位に位置付けられ、県の都市計画区域マスタープラン（令和3年3月）に即して定めます。"
NEW_POSITION = "本計画は、分野別計画の上位に位置付けられ、県の都市計画区域マスタープラン（令和8年3月改定）に即して定めます。"
SAID = "令和8年3月の改定で示された「集約型都市構造への転換」の考え方を、本計画の将来都市構造に反映しています。"


def test_a_sentence_dated_by_the_revision_the_section_now_cites_is_that_revisions_row() -> None:
    changes = [
        change(POSITION, OLD_POSITION, NEW_POSITION, pages=(2,)),
        change(POSITION, NEW_POSITION, NEW_POSITION + SAID, pages=(2,)),
    ]
    (row,) = build_changelog(changes).rows
    assert row.cause.type == CauseType.EXTERNAL
    assert "県の都市計画区域マスタープラン" in row.summary and "令和8年3月" in row.summary
    assert "「集約型都市構造への転換」が改定" not in row.summary


def test_a_sentence_naming_another_thing_in_the_same_section_stays_its_own_row() -> None:
    """The standalone rule still holds without a shared date: a new service announced
    beside the revision's date is another decision."""
    changes = [
        change(POSITION, OLD_POSITION, NEW_POSITION, pages=(2,)),
        change(POSITION, NEW_POSITION, NEW_POSITION + "また、「まちづくり出前講座」を開始します。", pages=(2,)),
    ]
    assert len(build_changelog(changes).rows) == 2


def test_a_new_item_the_diff_reads_as_split_off_a_sibling_that_kept_its_name_is_no_split() -> None:
    """A 事業一覧 printed after the last item moves to a new last item (イ → ウ): the
    diff finds the new item's text in イ and calls it split off イ; イ kept its name,
    so nothing was split in two — the new item is the decision (blind4 tuning)."""
    parent = ("Ⅳ　施策の展開", "（1）地域包括支援センターの機能強化")
    kept, new = "イ　地域ケア会議の推進", "ウ　家族介護者への支援"
    changes = [
        change(parent + (new,), "", "家族介護者の負担軽減を図ります。また、ヤングケアラーを早期に把握し、支援につなげます。",
               kind=ChangeKind.ADDED, old_path=parent + (kept,), pages=(4,)),
        change(parent + (new,), kept, new, kind=ChangeKind.SPLIT, block_kind="section", rule="section-split",
               old_path=parent + (kept,), pages=(4,)),
    ]
    rows = build_changelog(changes).rows
    assert rows and not any("分割" in r.summary or r.kind == ChangeKind.SPLIT for r in rows)
