"""取組 (numbered items ①②…) split, merged or reordered inside one section are
said by their names, one verb per kind, not as the edits the diff made between
items it paired by place (issue 11, blind8 tuning kinds: 「「⑤」を「⑥」に変更」,
「…の文言を削除、…の記述を追記」)."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.changes.item_story import Item, item_decisions, item_name, section_items
from revtool.compare.diff import compare_documents
from revtool.model import Block, BlockKind, ChangeKind, Document, PageSpan, Section

PART = "第２部　分野別施策"
FIELD = "第３分野　地域・コミュニティにおける共生社会の形成"
MEASURE = "（２）自治会・町内会の活性化を支える基盤の強化"
LEAD = "【施策の基本的方向】自治会・町内会の活性化に向けて、関係府省が連携して次の取組を進める。"
MARKS = "①②③④⑤⑥⑦⑧"

A = "居場所づくりの担い手の確保について、関係団体と連携し、必要な財政的支援の在り方について、具体的な措置を講ずる。（法務省）"
B = "自治会・町内会の活性化に関する普及啓発について、経済団体と連携し、担い手の育成と確保に向けた研修を充実する。（厚生労働省）"
C = "居場所づくりへの当事者の参画及び地域福祉活動に係る広域的な連携体制の構築について、民間企業と連携し、ガイドラインを策定し、その普及を図る。（経済産業省）"
C1 = "居場所づくりへの当事者の参画について、民間企業と連携し、ガイドラインを策定し、その普及を図る。（経済産業省）"
C2 = "地域福祉活動に係る広域的な連携体制の構築について、都道府県の区域を越えた取組を促進するため、関係府省と地方公共団体による協議の場を設ける。（内閣府）"
D = "自治会・町内会の活性化に係る手続のデジタル化について、地方公共団体と連携し、好事例の横展開を図り、地域間の格差の解消に取り組む。（内閣府共生社会政策課）"
E = "地域福祉活動に関する実態把握について、民間企業と連携し、デジタル技術を活用した効率的な取組を促進する。（国土交通省）"


def _doc(items: list[str]) -> Document:
    blocks = (Block(BlockKind.PARAGRAPH, LEAD),) + tuple(
        Block(BlockKind.LIST, f"{MARKS[i]}　{t}", label=MARKS[i]) for i, t in enumerate(items))
    measure = Section(heading=MEASURE, number="（２）", title=MEASURE[3:], level=3, blocks=blocks, pages=PageSpan(20, 21))
    field = Section(heading=FIELD, number="第３分野", title=FIELD[5:], level=2, children=(measure,), pages=PageSpan(19, 21))
    part = Section(heading=PART, number="第２部", title="分野別施策", level=1, children=(field,), pages=PageSpan(5, 21))
    return Document(title="計画", sections=(part,))


def _rows(old: list[str], new: list[str]):  # type: ignore[no-untyped-def]
    o, n = _doc(old), _doc(new)
    return build_changelog(compare_documents(o, n).changes, new_doc=n, old_doc=o).rows


def test_an_item_named_by_its_topic() -> None:
    assert item_name(C2) == "地域福祉活動に係る広域的な連携体制の構築"
    assert item_name("避難所の運営を支援する。") == ""  # no topic: no name
    items = section_items(_doc([A, B]).sections[0].children[0].children[0].blocks)
    assert [(i.marker, i.name) for i in items] == [("①", "居場所づくりの担い手の確保"), ("②", "自治会・町内会の活性化に関する普及啓発")]


def test_an_item_split_in_two_is_one_clause_with_both_names() -> None:
    (row,) = _rows([A, B, C, D, E], [A, B, C1, C2, D, E])
    assert row.summary == ("「居場所づくりへの当事者の参画及び地域福祉活動に係る広域的な連携体制の構築」を"
                           "「居場所づくりへの当事者の参画」と「地域福祉活動に係る広域的な連携体制の構築」に分割")
    assert row.kind == ChangeKind.SPLIT
    assert "⑤" not in row.summary  # the numbers the split shifted are no edit of their own


def test_two_items_merged_are_one_clause() -> None:
    (row,) = _rows([A, C1, C2, D], [A, C, D])
    assert row.summary == ("「居場所づくりへの当事者の参画」と「地域福祉活動に係る広域的な連携体制の構築」を"
                           "「居場所づくりへの当事者の参画及び地域福祉活動に係る広域的な連携体制の構築」に統合")
    assert row.kind == ChangeKind.MERGED


def test_two_items_that_traded_places_are_said_by_their_names() -> None:
    (row,) = _rows([A, B, D, E], [B, A, D, E])
    assert row.summary == "「自治会・町内会の活性化に関する普及啓発」と「居場所づくりの担い手の確保」の順序を入れ替え"
    assert row.kind == ChangeKind.MOVED


def test_an_office_renamed_inside_a_merged_item_is_no_part_of_the_merge() -> None:
    before = [A, C1, D.replace("（内閣府共生社会政策課）", "（内閣府共生社会政策課、総務省）"), E]
    after = [A, C1, D.replace("（内閣府共生社会政策課）", "（内閣府共生・地域社会政策課、総務省）"), E]
    rows = _rows(before, after)
    assert not any("統合" in r.summary or "分割" in r.summary or "順序" in r.summary for r in rows)


def test_one_item_moved_among_others_names_its_places() -> None:
    one, two, three, four = (Item(m, n, n + "について、…。") for m, n in zip("①②③④", ("あいう", "かきく", "さしす", "たちつ")))
    moved = Item("①", "たちつ", "たちつについて、…。")
    (d,) = item_decisions([one, two, three, four], [moved, Item("②", "あいう", ""), Item("③", "かきく", ""), Item("④", "さしす", "")])
    assert d.clause == "「たちつ」を④から①に移動"


def test_an_own_edit_of_items_the_diff_paired_by_place_is_said() -> None:
    """The diff paired old ① with new ① though they are other items (their
    words differ everywhere): the swap is said, and the one real edit between
    the same item's two texts is said too, never the place-paired word soup."""
    from tests.changelog_helpers import change

    path = (PART, FIELD, MEASURE)
    a2 = A.replace("関係団体", "地方公共団体")
    changes = [change(path, f"①　{A}", f"①　{B}", block_kind="list"), change(path, f"②　{B}", f"②　{a2}", block_kind="list")]
    (row,) = build_changelog(changes, new_doc=_doc([B, a2]), old_doc=_doc([A, B])).rows
    assert row.summary == ("「自治会・町内会の活性化に関する普及啓発」と「居場所づくりの担い手の確保」の順序を入れ替え、"
                           "「関係団体」を「地方公共団体」に変更")


# ---------------------------------------------------------------- moved AND edited (one row says both)


def test_a_numbered_item_moved_and_edited_says_the_move_and_the_edit() -> None:
    (row,) = _rows([A, B, C1, D, E], [E.replace("民間企業", "大学"), A, B, C1, D])
    assert row.summary == "「地域福祉活動に関する実態把握」を⑤から①に移動、「民間企業」を「大学」に変更"
    (row,) = _rows([A, B, C1, D, E], [A, D.replace("好事例の横展開を図り、", ""), B, C1, E])
    assert row.summary.startswith("「自治会・町内会の活性化に係る手続のデジタル化」を④から②に移動、")
    assert "好事例の横展開を図り" in row.summary


def test_two_items_swapped_and_one_edited_says_both() -> None:
    (row,) = _rows([A, B, D, E], [B, A.replace("関係団体", "地方公共団体"), D, E])
    assert row.summary == ("「自治会・町内会の活性化に関する普及啓発」と「居場所づくりの担い手の確保」の順序を入れ替え、"
                           "「関係団体」を「地方公共団体」に変更")


def _marked_doc(items: list[str], marks: list[str]) -> Document:
    blocks = (Block(BlockKind.PARAGRAPH, LEAD),) + tuple(
        Block(BlockKind.LIST, f"{marks[i]}{t}", label=marks[i].strip()) for i, t in enumerate(items))
    measure = Section(heading=MEASURE, number="（２）", title=MEASURE[3:], level=3, blocks=blocks, pages=PageSpan(20, 21))
    field = Section(heading=FIELD, number="第３分野", title=FIELD[5:], level=2, children=(measure,), pages=PageSpan(19, 21))
    return Document(title="計画", sections=(Section(heading=PART, number="第２部", title="分野別施策", level=1,
                                                   children=(field,), pages=PageSpan(5, 21)),))


def test_items_without_numbers_or_with_kana_labels_moved_and_edited() -> None:
    old, new = [A, B, C1, D, E], [E.replace("民間企業", "大学"), A, B, C1, D]
    for marks, moved in ((["●"] * 5, "「地域福祉活動に関する実態把握」の掲載位置を変更"),
                         (["ア　", "イ　", "ウ　", "エ　", "オ　"], "「地域福祉活動に関する実態把握」の掲載位置を変更"),
                         (["（ア）", "（イ）", "（ウ）", "（エ）", "（オ）"], "「地域福祉活動に関する実態把握」を（オ）から（ア）に移動")):
        o, n = _marked_doc(old, marks), _marked_doc(new, marks)
        (row,) = build_changelog(compare_documents(o, n).changes, new_doc=n, old_doc=o).rows
        assert row.summary == f"{moved}、「民間企業」を「大学」に変更", marks[0]


def test_a_table_row_moved_and_edited_says_its_move() -> None:
    from revtool.model import Table

    head = ["取組名", "内容", "担当課"]
    rows = [["見守り活動の推進", "地域の見守り協力員を養成する。", "福祉課"], ["ごみ収集の仕組みづくり", "集積所の管理を町会と進める。", "清掃課"],
            ["公園利用の充実", "公園の遊具を更新する。", "公園課"], ["防災訓練の実施", "地域ごとに防災訓練を行う。", "防災課"]]

    def doc(body: list[list[str]]) -> Document:
        t = Table.from_texts([head] + body)
        blocks = (Block(BlockKind.PARAGRAPH, LEAD), Block(BlockKind.TABLE, t.as_text(), table=t))
        measure = Section(heading=MEASURE, number="（２）", title=MEASURE[3:], level=3, blocks=blocks, pages=PageSpan(20, 21))
        field = Section(heading=FIELD, number="第３分野", title=FIELD[5:], level=2, children=(measure,), pages=PageSpan(19, 21))
        return Document(title="計画", sections=(Section(heading=PART, number="第２部", title="分野別施策", level=1,
                                                       children=(field,), pages=PageSpan(5, 21)),))

    edited = ["防災訓練の実施", "地域ごとに年2回の防災訓練を行う。", "防災課"]
    o, n = doc(rows), doc([edited] + rows[:3])
    (row,) = build_changelog(compare_documents(o, n).changes, new_doc=n, old_doc=o).rows
    assert row.summary == "「防災訓練の実施」の掲載位置を変更、「年2回の」を追記"
    # edited in place: no move said
    o, n = doc(rows), doc(rows[:3] + [edited])
    (row,) = build_changelog(compare_documents(o, n).changes, new_doc=n, old_doc=o).rows
    assert row.summary == "「年2回の」を追記"


def test_a_swapped_item_carrying_another_rows_edit_leaves_the_swap_to_its_row() -> None:
    """The 課 renamed inside an item that also traded places: the rename row says the
    rename only; the swap is said once, in the row holding the items' numbers."""
    other = "（３）地域の担い手の育成"
    para = "担い手の育成に関する研修を実施する。（内閣府共生社会政策課）"

    def doc(items: list[str], text: str) -> Document:
        blocks = (Block(BlockKind.PARAGRAPH, LEAD),) + tuple(
            Block(BlockKind.LIST, f"{MARKS[i]}　{t}", label=MARKS[i]) for i, t in enumerate(items))
        m = Section(heading=MEASURE, number="（２）", title=MEASURE[3:], level=3, blocks=blocks, pages=PageSpan(20, 21))
        m2 = Section(heading=other, number="（３）", title=other[3:], level=3, blocks=(Block(BlockKind.PARAGRAPH, text),),
                     pages=PageSpan(22, 22))
        field = Section(heading=FIELD, number="第３分野", title=FIELD[5:], level=2, children=(m, m2), pages=PageSpan(19, 22))
        return Document(title="計画", sections=(Section(heading=PART, number="第２部", title="分野別施策", level=1,
                                                       children=(field,), pages=PageSpan(5, 22)),))

    def renamed(t: str) -> str:
        return t.replace("内閣府共生社会政策課", "内閣府共生・地域社会政策課")

    o, n = doc([A, B, D, E], para), doc([A, B, E, renamed(D)], renamed(para))
    summaries = [r.summary for r in build_changelog(compare_documents(o, n).changes, new_doc=n, old_doc=o).rows]
    assert summaries == ["「地域福祉活動に関する実態把握」と「自治会・町内会の活性化に係る手続のデジタル化」の順序を入れ替え",
                         "「内閣府共生社会政策課」を「内閣府共生・地域社会政策課」に変更"]


def test_an_overview_line_moved_with_only_its_numbers_changed_is_no_row() -> None:
    # 「4-1-3 観光の振興」 → 「5-1-3 観光の振興」 further down the 施策 list: the consequence of a
    # 施策 moved elsewhere (its own row), not an item moved and edited
    lines = ["1-1-1　子育て支援の充実", "2-1-1　健康づくり", "4-1-3　観光の振興", "4-2-1　脱炭素社会の実現"]
    moved = ["1-1-1　子育て支援の充実", "2-1-1　健康づくり", "4-2-1　脱炭素社会の実現", "5-1-3　観光の振興"]
    o, n = _marked_doc(lines, ["・"] * 4), _marked_doc(moved, ["・"] * 4)
    assert build_changelog(compare_documents(o, n).changes, new_doc=n, old_doc=o).rows == ()
