"""blind11 tuning kinds (a town's 男女共同参画プラン), on small hand-made cases:
a law revision the 案 newly cites by its number is an outside cause whatever
its year; a コラム added as a title line and its body is one row, whatever the
body names in 「」."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.model import ChangeKind

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
