"""案のページ of rows, by kind of miss, on small hand-made plans (issue 11):
a parent's own list of its children (its table of contents) is no place of
a swap; a 施策 or a block deleted is cited where it stood in 案; a 施策 moved
to another 基本目標 is cited on its line of the 施策の体系 even when no cell
of that table changed; a table cell under a key several lines share; two
施策 of one name, each with its own 体系 line; a split whose items moved out
as they were, cited where they were cut."""

from __future__ import annotations

from dataclasses import replace

from revtool.changes.changelog import build_changelog
from revtool.model import Block, BlockKind, ChangeKind, Document, PageSpan, Section, Table
from tests.changelog_helpers import change

CH2, TAIKEI = "第2章　計画の考え方", "3　施策の体系"
CH3 = "第3章　施策の展開"
GOAL = "基本目標1　地域で支える"
GOAL2 = "基本目標2　安心して暮らす"
S1, S2, S3 = "施策1-1　見守り活動の推進", "施策1-2　ごみ収集の仕組みづくり", "施策1-3　公園利用の充実"
T1 = "施策2-1　防災訓練の充実"
ISSUES = "（1）　現状と課題"


def _sec(heading: str, *blocks: Block, children: tuple[Section, ...] = (), pages: tuple[int, int] | None = None) -> Section:
    number, _, title = heading.partition("　")
    return Section(heading, number, title, 1, blocks=blocks, children=children,
                   pages=PageSpan(*pages) if pages else None)


def _para(text: str, page: int) -> Block:
    return Block(BlockKind.PARAGRAPH, text, pages=PageSpan(page, page))


def _table(rows: list[list[str]], first: int, last: int) -> Block:
    t = Table.from_texts(rows)
    return Block(BlockKind.TABLE, t.as_text(), table=t, pages=PageSpan(first, last))


def _measure(heading: str, first: int, last: int) -> Section:
    body = _para(f"{heading.partition('　')[2]}について、地域の実情に応じた取組を進めます。", last)
    return _sec(heading, children=(_sec(ISSUES, body, pages=(first, last)),), pages=(first, last))


def _plan(goal: str, measures: list[tuple[str, int, int]], taikei: Block | None = None,
          goal_blocks: tuple[Block, ...] = (), goal2: tuple[tuple[str, int, int], ...] = ((T1, 20, 21),)) -> Document:
    chapter2 = (_sec(CH2, children=(_sec(TAIKEI, taikei, pages=(2, 2)),), pages=(2, 2)),) if taikei else ()
    return Document(title="計画（案）", sections=(*chapter2, _sec(CH3, children=(
        _sec(goal, *goal_blocks, children=tuple(_measure(*m) for m in measures), pages=(10, 19)),
        _sec(GOAL2, children=tuple(_measure(*m) for m in goal2), pages=(20, 25)),
    ), pages=(10, 25))))


def _heading(new: tuple[str, ...], old: tuple[str, ...], page: int, rule: str = "section-moved") -> object:
    return change(new, old[-1], new[-1], kind=ChangeKind.MOVED, block_kind="section", rule=rule,
                  substantive=rule == "section-moved", old_path=old, location="見出し", pages=(page,))


# ---------------------------------------------------------------- a parent's own contents line


def _swap_with_listings(goal_line: str | None, goal_line_new: str | None) -> tuple[int, ...]:
    rows = [["基本目標", "施策"], ["基本目標1", S1.partition("　")[2]], ["", S2.partition("　")[2]],
            ["", S3.partition("　")[2]]]
    swapped = [rows[0], rows[1], rows[3], rows[2]]
    s2_new, s3_new = "施策1-2　公園利用の充実", "施策1-3　ごみ収集の仕組みづくり"
    old = _plan(GOAL, [(S1, 12, 13), (S2, 14, 15), (S3, 16, 17)], _table(rows, 2, 2),
                (_para(goal_line, 11),) if goal_line else ())
    new = _plan(GOAL, [(S1, 12, 13), (s2_new, 14, 15), (s3_new, 16, 17)], _table(swapped, 2, 2),
                (_para(goal_line_new, 11),) if goal_line_new else ())
    changes = [_heading((CH3, GOAL, s2_new), (CH3, GOAL, S3), 14), _heading((CH3, GOAL, s3_new), (CH3, GOAL, S2), 16)]
    (row,) = build_changelog(changes, new_doc=new, old_doc=old).rows
    return row.new_pages


def test_a_parents_own_list_of_its_children_is_its_contents_not_a_place_of_the_swap() -> None:
    """「【施策】１　見守り活動の推進　２　…」 under the 基本目標 heading follows its
    headings like 目次: the row cites the 施策の体系 (p.2) and the two headings."""
    before = "【施策】見守り活動の推進　ごみ収集の仕組みづくり　公園利用の充実"
    after = "【施策】見守り活動の推進　公園利用の充実　ごみ収集の仕組みづくり"
    assert _swap_with_listings(before, after) == (2, 14, 16)


def test_a_parents_overview_naming_the_sections_below_them_is_a_place_of_the_swap() -> None:
    """A list in the parent's text that also names what lies below the swapped
    施策 (their 現状と課題) is an overview of the plan's structure, not a contents line."""
    before = "【施策】ごみ収集の仕組みづくり（現状と課題）　公園利用の充実（現状と課題）"
    after = "【施策】公園利用の充実（現状と課題）　ごみ収集の仕組みづくり（現状と課題）"
    assert _swap_with_listings(before, after) == (2, 11, 14, 16)


def test_an_overview_read_as_lines_is_one_listing_of_the_swap() -> None:
    """A borderless 施策の体系 read from a PDF as one block per line: the two lines
    that traded places are a listing of the swap (p.2), as the table would be."""
    def lines(order: tuple[str, str]) -> tuple[Block, ...]:
        return (_para("基本目標　施策", 2), _para("基本目標1　地域で支える　見守り活動の推進", 2),
                Block(BlockKind.LIST, order[0], label="・", pages=PageSpan(2, 2)),
                Block(BlockKind.LIST, order[1], label="・", pages=PageSpan(3, 3)))

    def plan(order: tuple[str, str], measures: list[tuple[str, int, int]]) -> Document:
        doc = _plan(GOAL, measures)
        return Document(title=doc.title, sections=(
            _sec(CH2, children=(_sec(TAIKEI, *lines(order), pages=(2, 3)),), pages=(2, 3)), *doc.sections))

    s2_new, s3_new = "施策1-2　公園利用の充実", "施策1-3　ごみ収集の仕組みづくり"
    old = plan(("ごみ収集の仕組みづくり", "公園利用の充実"), [(S1, 12, 13), (S2, 14, 15), (S3, 16, 17)])
    new = plan(("公園利用の充実", "ごみ収集の仕組みづくり"), [(S1, 12, 13), (s2_new, 14, 15), (s3_new, 16, 17)])
    changes = [_heading((CH3, GOAL, s2_new), (CH3, GOAL, S3), 14), _heading((CH3, GOAL, s3_new), (CH3, GOAL, S2), 16)]
    (row,) = build_changelog(changes, new_doc=new, old_doc=old).rows
    assert row.new_pages == (2, 3, 14, 16)
    assert (CH2, TAIKEI) in row.section_paths


# ---------------------------------------------------------------- a deletion: where it stood in 案


def _deleted_measure(measures_old: list[tuple[str, int, int]], measures_new: list[tuple[str, int, int]],
                     gone: str, goal_blocks: tuple[Block, ...] = ()) -> tuple[int, ...]:
    rows = [["基本目標", "施策"]] + [["基本目標1", m[0].partition("　")[2]] for m in measures_old]
    kept = [r for r in rows if r[1] != gone.partition("　")[2]]
    old = _plan(GOAL, measures_old, _table(rows, 2, 2), goal_blocks)
    new = _plan(GOAL, measures_new, _table(kept, 2, 2), goal_blocks)
    changes = [
        change((CH2, TAIKEI), " | ".join(["基本目標1", gone.partition("　")[2]]), "", kind=ChangeKind.DELETED,
               rule="row-deleted", block_kind="table", location=f"表1 行『{gone.partition('　')[2]}』", pages=(2,)),
        change((CH3, GOAL), gone + "\n" + gone.partition("　")[2] + "について、地域の実情に応じた取組を進めます。", "",
               kind=ChangeKind.DELETED, rule="section-deleted", block_kind="section", old_path=(CH3, GOAL, gone),
               location="節全体", pages=()),
    ]
    changes[1] = replace(changes[1], old_pages=(16,))
    rows_out = build_changelog(changes, new_doc=new, old_doc=old).rows
    (row,) = [r for r in rows_out if "削除" in r.summary]
    return row.new_pages


def test_a_section_deleted_is_cited_where_it_stood_after_its_sibling() -> None:
    """施策1-3 deleted from the end of 基本目標1: its 体系 line (p.2) and the page
    where 施策1-2, the 施策 before it, now ends (p.15) — not only the table."""
    old = [(S1, 12, 13), (S2, 14, 15), (S3, 16, 17)]
    assert _deleted_measure(old, old[:2], S3) == (2, 15)


def test_the_first_section_deleted_is_cited_on_its_parents_own_text() -> None:
    old = [(S1, 12, 13), (S2, 14, 15), (S3, 16, 17)]
    new = [("施策1-1　ごみ収集の仕組みづくり", 12, 13), ("施策1-2　公園利用の充実", 14, 15)]
    intro = (_para("地域で支え合う仕組みをつくります。", 11),)
    assert _deleted_measure(old, new, S1, intro) == (2, 11)


def test_a_block_deleted_alone_is_cited_on_the_page_of_the_block_before_it() -> None:
    items = (Block(BlockKind.LIST, "見守り協力員を養成する", label="・", pages=PageSpan(12, 12)),
             Block(BlockKind.LIST, "見守り協定を結ぶ", label="・", pages=PageSpan(13, 13)))
    path = (CH3, GOAL, S1)
    doc = Document(title="計画（案）", sections=(_sec(CH3, children=(
        _sec(GOAL, children=(_sec(S1, *items, pages=(12, 14)),), pages=(10, 19)),), pages=(10, 25)),))
    gone = change(path, "・見守り活動の拠点を設ける", "", kind=ChangeKind.DELETED, rule="block-deleted", block_kind="list",
                  location="箇条書き3", pages=())
    (row,) = build_changelog([gone], new_doc=doc, old_doc=doc).rows
    assert row.new_pages == (13,)  # after the second item, not the section's first page (12)


# ---------------------------------------------------------------- a move: its line of the 施策の体系


def _moved_to_goal2(new_rows: list[list[str]]) -> tuple[int, ...]:
    old_rows = [["基本目標", "施策"], [GOAL, "見守り活動の推進"], ["", "ごみ収集の仕組みづくり"], ["", "公園利用の充実"],
                [GOAL2, "防災訓練の充実"]]
    moved = "施策2-2　公園利用の充実"
    old = _plan(GOAL, [(S1, 12, 13), (S2, 14, 15), (S3, 16, 17)], _table(old_rows, 2, 2))
    new = _plan(GOAL, [(S1, 12, 13), (S2, 14, 15)], _table(new_rows, 2, 2), goal2=((T1, 20, 21), (moved, 22, 23)))
    changes = [_heading((CH3, GOAL2, moved), (CH3, GOAL, S3), 22)]
    (row,) = build_changelog(changes, new_doc=new, old_doc=old).rows
    assert "移動" in row.summary
    return row.new_pages


def test_a_section_moved_to_another_parent_is_cited_on_its_overview_line_under_the_new_parent() -> None:
    """The 施策の体系 line 「公園利用の充実」 now stands under 基本目標2 with no cell
    changed (the 基本目標 cell is blank on follow-on lines): no fact says so, the
    row still cites it (p.2) with the moved heading (p.22)."""
    new_rows = [["基本目標", "施策"], [GOAL, "見守り活動の推進"], ["", "ごみ収集の仕組みづくり"],
                [GOAL2, "防災訓練の充実"], ["", "公園利用の充実"]]
    assert _moved_to_goal2(new_rows) == (2, 22)


def test_an_overview_still_listing_the_section_under_its_old_parent_is_not_cited() -> None:
    unchanged = [["基本目標", "施策"], [GOAL, "見守り活動の推進"], ["", "ごみ収集の仕組みづくり"], ["", "公園利用の充実"],
                 [GOAL2, "防災訓練の充実"]]
    assert _moved_to_goal2(unchanged) == (22,)


# ---------------------------------------------------------------- a table cell under a key several lines share


def test_a_cell_under_a_key_several_lines_share_is_cited_on_the_line_holding_its_new_text() -> None:
    """施策の体系 keyed by chapter (第3章 | 1 | …, 第3章 | 2 | …) printed over two
    pages: the renamed 施策名 of the second 第3章 line is on page 3, where the
    page turns, not on page 2 where the first 第3章 line stands."""
    from revtool.changes.facts import facts_of
    from revtool.changes.row_pages import fact_pages

    rows = [["基本目標", "施策", "施策名"], ["第3章", "1", "見守り活動の推進"], ["第3章", "2", "道路維持管理を通じた参加の促進"],
            ["第4章", "1", "就労支援の推進"]]
    text = Table.from_texts(rows).as_text()
    t = Table.from_texts(rows)
    taikei = Block(BlockKind.TABLE, text, table=t, pages=PageSpan(2, 3), page_breaks=(text.index("第3章", text.index("第3章") + 1),))
    doc = Document(title="計画（案）", sections=(_sec(CH2, children=(_sec(TAIKEI, taikei, pages=(2, 3)),), pages=(2, 3)),))
    renamed = change((CH2, TAIKEI), "道路維持管理の強化", "道路維持管理を通じた参加の促進", block_kind="table",
                     location="表1 行『第3章』 列『施策名』", pages=(2, 3))
    (fact,) = facts_of(renamed)
    assert fact.row_key == "第3章"
    assert fact_pages(fact, doc) == (3,)


# ---------------------------------------------------------------- two decisions of one name


def _split_under(goal: str, donor: str, new: str, first: int) -> tuple[Section, Section]:
    """A 施策 ``donor`` (its 主な取組 on pages first..first+1) and ``new`` split from it (page first+2)."""
    torikumi = "（2）　主な取組"
    kept = _sec(donor, children=(_sec(torikumi, Block(BlockKind.LIST, "・ごみ集積所の管理を支援する", label="・",
                                                      pages=PageSpan(first, first)),
                                      _table([["事業名", "所管課"], ["ごみ減量事業", "清掃事務所"]], first + 1, first + 1),
                                      pages=(first, first + 1)),), pages=(first, first + 1))
    added = _sec(new, children=(_sec(torikumi, Block(BlockKind.LIST, "・資源回収の拠点を増やす", label="・",
                                                     pages=PageSpan(first + 2, first + 2)), pages=(first + 2, first + 2)),),
                 pages=(first + 2, first + 2))
    return kept, added


def _split_changes(goal: str, donor: str, new: str, page: int) -> list:
    torikumi = "（2）　主な取組"
    return [
        change((CH3, goal, new), "", f"{new}\n{torikumi}\n・資源回収の拠点を増やす", kind=ChangeKind.ADDED,
               block_kind="section", rule="section-added", old_path=(), pages=(page,), location="節全体"),
        change((CH3, goal, new, torikumi), "・資源回収の拠点を増やす", "・資源回収の拠点を増やす", kind=ChangeKind.MOVED,
               substantive=False, rule="block-moved-section", block_kind="list", old_path=(CH3, goal, donor, torikumi),
               location=f"{torikumi} 箇条書き2 → 箇条書き1", pages=(page,)),
    ]


def _two_of_one_name(other_edit: bool) -> list[tuple[int, ...]]:
    name = "資源回収の推進"
    a, b = f"施策1-4　{name}", f"施策2-2　{name}"
    rows = [["基本目標", "番号", "施策名"], ["基本目標1", "1-1", "見守りの推進"], ["基本目標1", "1-4", name],
            ["基本目標2", "2-2", name]]
    text = Table.from_texts(rows).as_text()
    t = Table.from_texts(rows)
    taikei = Block(BlockKind.TABLE, text, table=t, pages=PageSpan(2, 3), page_breaks=(text.index("基本目標2"),))
    donor1, new1 = _split_under(GOAL, S2, a, 14)
    donor2, new2 = _split_under(GOAL2, T1, b, 20)
    doc = Document(title="計画（案）", sections=(
        _sec(CH2, children=(_sec(TAIKEI, taikei, pages=(2, 3)),), pages=(2, 3)),
        _sec(CH3, children=(_sec(GOAL, children=(donor1, new1), pages=(10, 19)),
                            _sec(GOAL2, children=(donor2, new2), pages=(20, 25))), pages=(10, 25))))
    changes = [
        change((CH2, TAIKEI), "", "基本目標1 | 1-4 | " + name, kind=ChangeKind.ADDED, rule="row-added", block_kind="table",
               location="表1 行『基本目標1』", pages=(2, 3)),
        change((CH2, TAIKEI), "", "基本目標2 | 2-2 | " + name, kind=ChangeKind.ADDED, rule="row-added", block_kind="table",
               location="表1 行『基本目標2』", pages=(2, 3)),
        *_split_changes(GOAL, S2, a, 16),
        *_split_changes(GOAL2, T1, b, 22),
    ]
    if other_edit:  # a line of the same table edited: the table's facts are not all announcements
        changes.insert(0, change((CH2, TAIKEI), "見守り活動の推進", "見守りの推進", block_kind="table",
                                 location="表1 行『基本目標1』 列『施策名』", pages=(2, 3)))
    rows_out = build_changelog(changes, new_doc=doc, old_doc=doc).rows
    return [r.new_pages for r in rows_out if "資源回収の推進" in r.summary]


def test_an_overview_line_joins_the_decision_whose_parent_it_names() -> None:
    """「資源回収の推進」 split off a 施策 under each 基本目標: each 施策の体系 line
    goes to the row of the section under the 基本目標 its first cell names, so
    each row cites its own line (page 2, page 3), not both lines the first row
    — as the announcement of an added section, or as an echo of the split
    when another line of the table was edited too."""
    assert _two_of_one_name(other_edit=False) == [(2, 14, 16), (3, 20, 22)]
    assert _two_of_one_name(other_edit=True) == [(2, 14, 16), (3, 20, 22)]


# ---------------------------------------------------------------- a split whose items moved out


def test_a_split_donor_whose_items_moved_out_is_cited_where_they_were_cut() -> None:
    """施策1-4 split from 施策1-2: the diff saw the third 取組 of 施策1-2 moved, as
    it was, into 施策1-4 (no deletion). The row cites where 施策1-2 lost it —
    after its second item (p.15) — not the page of its last block (the table, p.16)."""
    torikumi = "（2）　主な取組"
    new = "施策1-4　資源回収の推進"
    donor = _sec(S2, children=(_sec(torikumi, Block(BlockKind.LIST, "・ごみ集積所の管理を支援する", label="・", pages=PageSpan(14, 14)),
                                    Block(BlockKind.LIST, "・分別の啓発を進める", label="・", pages=PageSpan(15, 15)),
                                    _table([["事業名", "所管課"], ["ごみ減量事業", "清掃事務所"]], 16, 16), pages=(14, 16)),),
                 pages=(14, 16))
    added = _sec(new, children=(_sec(torikumi, Block(BlockKind.LIST, "・資源回収の拠点を増やす", label="・", pages=PageSpan(17, 17)),
                                     pages=(17, 17)),), pages=(17, 17))
    doc = Document(title="計画（案）", sections=(_sec(CH3, children=(
        _sec(GOAL, children=(_measure(S1, 12, 13), donor, added), pages=(10, 19)),), pages=(10, 25)),))
    changes = [
        change((CH3, GOAL, new), "", f"{new}\n{torikumi}\n・資源回収の拠点を増やす", kind=ChangeKind.ADDED, block_kind="section",
               rule="section-added", old_path=(), pages=(17,), location="節全体"),
        change((CH3, GOAL, new, torikumi), "・資源回収の拠点を増やす", "・資源回収の拠点を増やす", kind=ChangeKind.MOVED,
               substantive=False, rule="block-moved-section", block_kind="list", old_path=(CH3, GOAL, S2, torikumi),
               location=f"{torikumi} 箇条書き3 → 箇条書き1", pages=(17,)),
    ]
    (row,) = build_changelog(changes, new_doc=doc, old_doc=doc).rows
    assert row.kind == ChangeKind.SPLIT
    assert row.new_pages == (15, 17)


def test_a_name_is_found_in_each_block_as_a_loop_over_the_blocks_finds_it() -> None:
    """``first_in_each_block`` (one search over the joined text, for moves in a large plan)
    gives what ``b.text.find(title)`` over every block gives: the first place in each block,
    in document order, never a match running from one block's end into the next."""
    from revtool.changes.row_pages import first_in_each_block

    doc = Document(title="計画（案）", sections=(
        _sec(CH2, _para("見守り活動の推進と見守り活動の推進", 3), _para("見守り", 3), _para("活動の推進", 4)),
        _sec(CH3, _para("施策1-1　見守り活動の推進", 5), children=(
            _sec(GOAL, _para("なし", 6), _para("見守り活動の推進\n", 7)),)),
    ))
    for title in ("見守り活動の推進", "見守り", "活動の推進", "推進\n", "見守り活動の推進見守り", "ない言葉"):
        want = [(where, b, b.text.find(title)) for where, sec in doc.walk() for b in sec.blocks if title in b.text]
        assert first_in_each_block(doc, title) == want, title
    assert len(first_in_each_block(doc, "見守り活動の推進")) == 3
