"""blind11 tuning kinds (a town's 男女共同参画プラン), on small hand-made cases:
a law revision the 案 newly cites by its number is an outside cause whatever
its year; a コラム added as a title line and its body is one row, whatever the
body names in 「」; a 取組 whose predicate alone changed (検討します → 実施します) is
named by its item title."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.model import Block, BlockKind, ChangeKind, Document, Section

from tests.changelog_helpers import change

POLICY = ("第４章　施策の展開", "基本目標Ⅳ　ワーク・ライフ・バランスの実現", "施策の方向１１　男性の家事・育児・介護への参画促進")


def test_a_column_title_and_its_body_added_are_one_row() -> None:
    """「コラム　男性の育児休業」 and the paragraph after it, added together: the body
    names 「産後パパ育休」, which the title does not, yet it is what the title heads."""
    title = change(POLICY, "", "コラム　男性の育児休業", kind=ChangeKind.ADDED, pages=(30,))
    body = change(POLICY, "", "育児・介護休業法の改正により、子どもの出生後８週間以内に取得できる「産後パパ育休」が創設されました。",
                  kind=ChangeKind.ADDED, pages=(30,))
    rows = build_changelog([title, body]).rows
    assert len(rows) == 1 and {c.new_text for c in rows[0].changes} == {title.new_text, body.new_text}
    # two sentences added one after the other, each naming its own service: two decisions
    one = change(POLICY, "", "父親向けの「パパ講座」を開催します。", kind=ChangeKind.ADDED, pages=(30,))
    two = change(POLICY, "", "事業所向けに「育休ハンドブック」を配布します。", kind=ChangeKind.ADDED, pages=(30,))
    assert len(build_changelog([one, two]).rows) == 2


def _doc(path: tuple[str, ...], *texts: str) -> Document:
    """One section at ``path`` holding paragraphs ``texts`` (its parents without text)."""
    sec = Section(heading=path[-1], title=path[-1].split("　")[-1],
                  blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in texts))
    for h in reversed(path[:-1]):
        sec = Section(heading=h, title=h.split("　")[-1], children=(sec,))
    return Document(title="プラン", sections=(sec,))


def test_a_predicate_changed_in_an_items_body_is_said_of_the_item_by_its_title() -> None:
    """「ことについて、「検討します」を「実施します」に変更」 lost what the 取組 is: the
    item's title line (②　ＳＮＳを活用した啓発) names it, as staff write it."""
    path = POLICY + ("★（１）広報・啓発活動の充実",)
    title = "②　ＳＮＳを活用した啓発"
    old = "若い世代に届くよう、町の公式ＳＮＳで男女共同参画に関する情報を定期的に発信することを検討します。"
    new = old.replace("検討します", "実施します")
    (row,) = build_changelog([change(path, old, new, pages=(9,))], old_doc=_doc(path, title, old),
                             new_doc=_doc(path, title, new)).rows
    assert row.summary == "「ＳＮＳを活用した啓発」について、「検討します」を「実施します」に変更"
    # a paragraph after a sentence (no item title before it): said of the sentence's own subject
    lead = "町の広報紙などを活用し、情報を分かりやすく発信します。"
    (row,) = build_changelog([change(path, old, new, pages=(9,))], old_doc=_doc(path, lead, old),
                             new_doc=_doc(path, lead, new)).rows
    assert "ＳＮＳを活用した啓発" not in row.summary and row.summary.endswith("「検討します」を「実施します」に変更")
