"""案のページ of 別紙2 rows on small hand-made plans: exact pages inside a block
printed over two pages, the page a split cut its donor, the 施策の体系 lines
of two swapped 施策, and a name rewritten in most of its words (issue 11)."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.changes.row_pages import fact_pages
from revtool.changes.facts import facts_of
from revtool.compare.chardiff import char_diff, judged_hunks
from revtool.compare.editorial import combine, judge
from revtool.compare.editorial_config import EditorialRules
from revtool.model import Block, BlockKind, ChangeKind, Document, PageSpan, Section, Table
from tests.changelog_helpers import cell, change

CH2, TAIKEI = "第2章　計画の背景", "4　施策の体系"
CH3, GOAL = "第3章　施策の展開", "基本目標1　地域で支える"
S1, S2, S3 = "施策1-1　見守り活動の推進", "施策1-2　ごみ収集の仕組みづくり", "施策1-3　公園利用の充実"
TORIKUMI = "（2）　主な取組"

FIRST = "区は、地域の見守り活動を町会・自治会と連携して進めてきた。高齢者の見守りを担う協力員は年々減っている。"
SECOND = "令和7年度からは、見守り協力員の養成講座を各地域で開催する。"
TEXT = FIRST + SECOND


def _section(heading: str, *blocks: Block, children: tuple[Section, ...] = (), pages: PageSpan | None = None) -> Section:
    number, _, title = heading.partition("　")
    return Section(heading, number, title, len(heading) % 3 + 1, blocks=blocks, children=children, pages=pages)


def _table(rows: list[list[str]], pages: PageSpan, breaks: tuple[int, ...] = ()) -> Block:
    t = Table.from_texts(rows)
    return Block(BlockKind.TABLE, t.as_text(), table=t, pages=pages, page_breaks=breaks)


def _doc(paragraph: Block, taikei: Block, s2_items: tuple[Block, ...] = (), order: tuple[str, str] = (S2, S3)) -> Document:
    measures = (
        _section(S1, paragraph, pages=PageSpan(12, 13)),
        _section(order[0], children=(_section(TORIKUMI, *s2_items, pages=PageSpan(14, 15)),), pages=PageSpan(14, 15)),
        _section(order[1], pages=PageSpan(16, 16)),
    )
    return Document(title="計画（案）", sections=(
        _section(CH2, children=(_section(TAIKEI, taikei, pages=PageSpan(2, 3)),)),
        _section(CH3, children=(_section(GOAL, children=measures),)),
    ))


TAIKEI_ROWS = [["基本目標", "施策", "施策名"], ["基本目標1", "施策1-1", "見守り活動の推進"],
               ["基本目標1", "施策1-2", "ごみ収集の仕組みづくり"], ["基本目標1", "施策1-3", "公園利用の充実"]]


def _taikei(rows: list[list[str]] = TAIKEI_ROWS, exact: bool = True) -> Block:
    text = Table.from_texts(rows).as_text()
    turn = text.rindex("\n") + 1  # the last row is printed on page 3
    return _table(rows, PageSpan(2, 3), (turn,) if exact else ())


# ---------------------------------------------------------------- a block over two pages


def test_edit_in_a_paragraph_over_a_page_break_is_cited_on_its_own_page() -> None:
    para = Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13), page_breaks=(len(FIRST),))
    doc = _doc(para, _taikei())
    old_second = SECOND.replace("養成講座を各地域で開催する", "養成講座を開催する")
    late = change((CH3, GOAL, S1), FIRST + old_second, TEXT, pages=(12, 13))
    early = change((CH3, GOAL, S1), FIRST.replace("年々減っている", "減っている") + SECOND, TEXT, pages=(12, 13))
    (late_fact,) = facts_of(late)
    (early_fact,) = facts_of(early)
    assert fact_pages(late_fact, doc) == (13,)
    assert fact_pages(early_fact, doc) == (12,)


def test_a_name_cut_by_a_page_break_is_cited_where_it_starts() -> None:
    # 「（問合せ先：健康福祉部医療|政策課）」: the renamed 課 starts on page 12, its changed
    # characters are on 13; a reader looks the name up where it starts
    head = "血圧管理に関するリーフレットを配布しています。（問合せ先：健康福祉部医療"
    text = head + "政策課）"
    para = Block(BlockKind.PARAGRAPH, text, pages=PageSpan(12, 13), page_breaks=(len(head),))
    doc = _doc(para, _taikei())
    (fact,) = facts_of(change((CH3, GOAL, S1), text.replace("政策課", "整備課"), text, pages=(12, 13)))
    assert fact.new == "健康福祉部医療政策課"
    assert fact_pages(fact, doc) == (12,)


def test_a_passage_running_on_to_the_next_page_covers_both() -> None:
    added = "見守り協力員の養成講座を各地域で開催し、協力員の確保を図る。"
    text = FIRST + added
    turn = len(FIRST) + 12  # the added sentence runs from page 12 on to page 13
    para = Block(BlockKind.PARAGRAPH, text, pages=PageSpan(12, 13), page_breaks=(turn,))
    doc = _doc(para, _taikei())
    (fact,) = facts_of(change((CH3, GOAL, S1), FIRST, text, pages=(12, 13)))
    assert fact_pages(fact, doc) == (12, 13)


def test_without_page_breaks_the_page_is_estimated_from_the_place_in_the_block() -> None:
    para = Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13))
    doc = _doc(para, _taikei())
    # 年々 sits just past the middle of the text: the estimate says 13, though it is
    # printed on 12 (the previous test, with the page break known, says 12)
    early = change((CH3, GOAL, S1), FIRST.replace("年々減っている", "減っている") + SECOND, TEXT, pages=(12, 13))
    (fact,) = facts_of(early)
    assert fact_pages(fact, doc) == (13,)
    # an edit rewriting most of the block keeps all its pages
    whole = change((CH3, GOAL, S1), "見守りを進める。", TEXT, pages=(12, 13))
    assert all(fact_pages(f, doc) == (12, 13) for f in facts_of(whole))


def test_table_row_on_the_second_page_of_a_table() -> None:
    doc = _doc(Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13)), _taikei())
    ch = cell((CH2, TAIKEI), "施策1-3", "施策名", "公園の利用", "公園利用の充実", pages=(2, 3))
    (fact,) = facts_of(ch)
    assert fact_pages(fact, doc) == (3,)
    ch2 = cell((CH2, TAIKEI), "施策1-1", "施策名", "見守りの推進", "見守り活動の推進", pages=(2, 3))
    (fact2,) = facts_of(ch2)
    assert fact_pages(fact2, doc) == (2,)


# ---------------------------------------------------------------- split: the page of the cut


def test_split_cites_the_page_where_the_donor_lost_its_items_not_its_heading() -> None:
    items = (Block(BlockKind.LIST, "ごみ集積所の管理を支援する", label="・", pages=PageSpan(14, 14)),
             Block(BlockKind.LIST, "分別の啓発を進める", label="・", pages=PageSpan(15, 15)))
    doc = _doc(Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13)), _taikei(), items)
    new = (CH3, GOAL, "施策1-4　資源回収の推進")
    doc = Document(title=doc.title, sections=(doc.sections[0], _section(CH3, children=(_section(GOAL, children=(
        *doc.sections[1].children[0].children, _section(new[-1], pages=PageSpan(17, 17))),),))))
    changes = [
        change(new, "", "施策1-4　資源回収の推進\n・資源回収の拠点を増やす", kind=ChangeKind.ADDED, block_kind="section",
               rule="section-added", old_path=(), pages=(17,), location="節全体"),
        change((CH3, GOAL, S2, TORIKUMI), "・資源回収の拠点を増やす", "", kind=ChangeKind.DELETED, block_kind="list",
               rule="block-deleted", location="箇条書き3", pages=()),
    ]
    (row,) = build_changelog(changes, new_doc=doc, old_doc=doc).rows
    assert row.kind == ChangeKind.SPLIT
    # the new 施策's heading (17) and the page of the item before the cut (15), not 施策1-2's heading (14)
    assert row.new_pages == (15, 17)
    assert "分割" in row.grouping


# ---------------------------------------------------------------- swap: the 施策の体系 lines


def test_swap_cites_the_overview_lines_that_traded_places() -> None:
    old = _doc(Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13)), _taikei())
    swapped_rows = [TAIKEI_ROWS[0], TAIKEI_ROWS[1], ["基本目標1", "施策1-3", "公園利用の充実"],
                    ["基本目標1", "施策1-2", "ごみ収集の仕組みづくり"]]
    new_s2, new_s3 = "施策1-2　公園利用の充実", "施策1-3　ごみ収集の仕組みづくり"
    new = _doc(Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13)), _taikei(swapped_rows), order=(new_s2, new_s3))
    changes = [
        change((CH3, GOAL, new_s2), S3, new_s2, kind=ChangeKind.MOVED, block_kind="section", rule="section-moved",
               old_path=(CH3, GOAL, S3), location="見出し", pages=(14,)),
        change((CH3, GOAL, new_s3), S2, new_s3, kind=ChangeKind.MOVED, block_kind="section", rule="section-moved",
               old_path=(CH3, GOAL, S2), location="見出し", pages=(16,)),
    ]
    # the overview table's rows only traded places: no cell changed, no fact says so
    (row,) = build_changelog(changes, new_doc=new, old_doc=old).rows
    assert row.kind == ChangeKind.MOVED
    assert row.new_pages == (2, 3, 14, 16)  # the two lines of the table sit on pages 2 and 3
    assert (CH2, TAIKEI) in row.section_paths
    assert "施策の体系" in row.grouping


def test_swap_without_an_overview_in_the_other_order_cites_the_headings_only() -> None:
    doc = _doc(Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13)), _taikei())
    new_s2, new_s3 = "施策1-2　公園利用の充実", "施策1-3　ごみ収集の仕組みづくり"
    changes = [
        change((CH3, GOAL, new_s2), S3, new_s2, kind=ChangeKind.MOVED, block_kind="section", rule="section-moved",
               old_path=(CH3, GOAL, S3), location="見出し", pages=(14,)),
        change((CH3, GOAL, new_s3), S2, new_s3, kind=ChangeKind.MOVED, block_kind="section", rule="section-moved",
               old_path=(CH3, GOAL, S2), location="見出し", pages=(16,)),
    ]
    (row,) = build_changelog(changes, new_doc=doc, old_doc=doc).rows  # the table kept its order
    assert row.new_pages == (14, 16)


# ---------------------------------------------------------------- a name rewritten


def _verdict(old: str, new: str):  # type: ignore[no-untyped-def]
    hs = judged_hunks(old, new, char_diff(old, new))
    return combine(judge(old, new, hs, EditorialRules()))


def test_a_name_rewritten_in_most_of_its_words_is_not_a_rewording() -> None:
    # a heading renamed, a 施策の体系 cell renamed: another name
    assert _verdict("施策1-3　防災情報の強化", "施策1-3　防災情報を通じた参加の促進").substantive
    assert _verdict("保健指導の仕組みづくり", "相談体制の推進").substantive
    # a short paraphrase in a sentence or a predicate stays a rewording
    assert not _verdict("研修を実施する。", "研修を行う。").substantive
    assert not _verdict("区は、見守りの体制について必要な対応を遅滞なく行う。", "区は、見守りの体制について必要な対応を速やかに行う。").substantive


def test_overview_rows_with_repeated_keys_are_placed_by_their_text() -> None:
    """施策の体系 keyed by chapter (第3章 | 1, 第3章 | 2 …): a renamed line is its
    added row's page, and its deleted old row is cited where the new line stands."""
    from revtool.changes.facts import ROW_ADDED, ROW_DELETED, Fact

    rows = [["基本目標", "施策", "施策名"], ["第3章", "1", "保健指導の推進"], ["第3章", "2", "見守り活動の推進"],
            ["第4章", "1", "健康づくりの推進"], ["第4章", "2", "介護予防を通じた参加の促進"]]
    text = Table.from_texts(rows).as_text()
    taikei = _table(rows, PageSpan(2, 3), (text.index("第4章"),))
    doc = _doc(Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13)), taikei)
    added = change((CH2, TAIKEI), "", "第4章 | 2 | 介護予防を通じた参加の促進", kind=ChangeKind.ADDED, block_kind="table",
                   rule="row-added", location="表1 行『第4章』", pages=(2, 3))
    deleted = change((CH2, TAIKEI), "第4章 | 2 | 介護予防による地域づくり", "", kind=ChangeKind.DELETED, block_kind="table",
                     rule="row-deleted", location="表1 行『第4章』", pages=(2, 3))
    fa = Fact(added, ROW_ADDED, new=added.new_text, row_key="第4章")
    fd = Fact(deleted, ROW_DELETED, old=deleted.old_text, row_key="第4章")
    assert fact_pages(fa, doc) == (3,)
    assert fact_pages(fd, doc) == (3,)
    first = change((CH2, TAIKEI), "", "第3章 | 2 | 見守り活動の推進", kind=ChangeKind.ADDED, block_kind="table",
                   rule="row-added", location="表1 行『第3章』", pages=(2, 3))
    assert fact_pages(Fact(first, ROW_ADDED, new=first.new_text, row_key="第3章"), doc) == (2,)


def test_a_deleted_overview_line_renumbered_by_a_swap_is_cited_where_its_name_now_stands() -> None:
    """The table diff saw the line 「（２）公園利用の充実」 deleted when two 施策
    traded places: no line of 案 holds that key any more, but its name stands
    on the line （１）公園利用の充実, printed on page 2 — not both pages."""
    from revtool.changes.facts import ROW_DELETED, Fact

    rows = [["基本目標", "施策の方向"], ["基本目標1", "（１）公園利用の充実"], ["", "（２）見守り活動の推進"],
            ["基本目標2", "（１）ごみ収集の仕組みづくり"]]
    text = Table.from_texts(rows).as_text()
    doc = _doc(Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13)), _table(rows, PageSpan(2, 3), (text.index("基本目標2"),)))
    deleted = change((CH2, TAIKEI), " | （２）公園利用の充実", "", kind=ChangeKind.DELETED, block_kind="table",
                     rule="row-deleted", location="表1 行『（２）公園利用の充実』", pages=(2, 3))
    fact = Fact(deleted, ROW_DELETED, old=deleted.old_text, row_key="（２）公園利用の充実")
    assert fact_pages(fact, doc) == (2,)
    # a name too short to tell lines apart places nothing: the table's pages
    short = Fact(deleted, ROW_DELETED, old=" | （２）公園", row_key="（２）公園")
    assert fact_pages(short, doc) == (2, 3)


# ---------------------------------------------------------------- two decisions in one section


def test_two_services_announced_in_one_section_are_two_rows() -> None:
    path = (CH3, GOAL, S1, TORIKUMI)
    para = "区は、見守り活動を進める。"
    changes = [
        change(path, para, para + "区は、「なかの窓口」を新たに開設する。", pages=(12,)),
        change(path, "", "あんしん区民カード事業 | 職員を対象に支援する | 福祉推進課", kind=ChangeKind.ADDED,
               rule="row-added", block_kind="table", location="表1 行『あんしん区民カード事業』", pages=(13,)),
    ]
    rows = build_changelog(changes, new_doc=_doc(Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13)), _taikei())).rows
    assert len(rows) == 2
    assert [r.new_pages for r in rows] == [(12,), (13,)]
    assert "なかの窓口" in rows[0].summary and "あんしん区民カード事業" in rows[1].summary


def test_two_sentences_deleted_naming_different_things_are_two_rows() -> None:
    path = (CH3, GOAL, S1, TORIKUMI)
    a = "区は、「まちなか学びサポート」を活用した周知を実施する。"
    b = "区は、「あんしんプラットフォーム」を活用した周知を実施する。"
    changes = [change(path, a, "", pages=(12,)), change(path, b, "", pages=(12,))]
    rows = build_changelog(changes, new_doc=_doc(Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13)), _taikei())).rows
    assert len(rows) == 2
    assert "別の行" in rows[1].grouping


def test_a_service_added_with_its_table_row_is_one_row() -> None:
    """The sentence names 「みらいアプリ事業」 and the row adds it: one decision."""
    path = (CH3, GOAL, S1, TORIKUMI)
    para = "区は、見守り活動を進める。"
    changes = [
        change(path, para, para + "区は、「みらいアプリ事業」を新たに実施する。", pages=(12,)),
        change(path, "", "みらいアプリ事業 | 学校を対象に支援する | 福祉推進課", kind=ChangeKind.ADDED,
               rule="row-added", block_kind="table", location="表1 行『みらいアプリ事業』", pages=(12,)),
    ]
    rows = build_changelog(changes, new_doc=_doc(Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13)), _taikei())).rows
    assert len(rows) == 1


def test_merge_seen_in_the_new_name_when_no_content_is_seen_moving() -> None:
    """調達手続の充実 deleted; its sibling renamed to 調達手続と見守り活動の一体的な推進:
    one 統合 row, even when no paragraph is recognised as moved (a PDF read with
    other paragraph breaks)."""
    gone = (CH3, GOAL, "施策1-1　調達手続の充実")
    old_h, new_h = "施策1-2　見守り活動による地域づくり", "施策1-1　調達手続と見守り活動の一体的な推進"
    changes = [
        change((CH3, GOAL), "施策1-1　調達手続の充実\n区は、調達手続を改善する。", "", kind=ChangeKind.DELETED,
               block_kind="section", rule="section-deleted", old_path=gone, location="節全体", pages=()),
        change((CH3, GOAL, new_h), old_h, new_h, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
               old_path=(CH3, GOAL, old_h), location="見出し", pages=(14,)),
    ]
    doc = _doc(Block(BlockKind.PARAGRAPH, TEXT, pages=PageSpan(12, 13)), _taikei())
    rows = build_changelog(changes, new_doc=doc, old_doc=doc).rows
    assert len(rows) == 1 and rows[0].kind == ChangeKind.MERGED
    assert "統合" in rows[0].grouping
    # a rename sharing no words with the deleted section is no merge
    other = [changes[0], change((CH3, GOAL, "施策1-1　公園利用の推進"), old_h, "施策1-1　公園利用の推進", kind=ChangeKind.RENAMED,
                                block_kind="section", rule="heading", old_path=(CH3, GOAL, old_h), location="見出し", pages=(14,))]
    assert len(build_changelog(other, new_doc=doc, old_doc=doc).rows) == 2
