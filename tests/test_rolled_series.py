"""A time series brought up to a later year in one place (changes/rolled_series):
the table's year columns moved on by one (its oldest dropped, the newest added) and
the sentence beside it moved to that year — the plan's own statistics update, said
by what it holds and the year it now reaches (blind16 tuning kind)."""

from __future__ import annotations

from revtool.changes.facts import CELL, TEXT, Fact
from revtool.changes.group import Group
from revtool.changes.rolled_series import mark_rolled_series, rolled_series

from tests.changelog_helpers import change

PLACE = ("第２章　現状と課題", "（１）人口・世帯の状況")
HEADER = ("区分", "令和3年", "令和4年", "令和5年", "令和6年", "令和7年")
SENTENCE_OLD = "本市の総人口は減少傾向にあり、令和6年には130,529人となっています。"
SENTENCE_NEW = "本市の総人口は減少傾向にあり、令和7年には130,120人となっています。"


def _cell(old: str, new: str, row: str = "", header: tuple[str, ...] = HEADER, n: int = 0) -> Fact:
    return Fact(change(PLACE, old, new), CELL, old=old, new=new, column="令和7年", row_key=row,
                header=header if row else (), order=(1, n))


def _text(old: str, new: str, n: int) -> Fact:
    return Fact(change(PLACE, SENTENCE_OLD, SENTENCE_NEW), TEXT, old=old, new=new,
                old_unit=SENTENCE_OLD, new_unit=SENTENCE_NEW, order=(2, n))


def _table() -> list[Fact]:
    return [_cell("令和2年", "令和7年"), _cell("132,827", "130,120", "総人口（人）", n=1), _cell("27.8", "30.3", "高齢化率（％）", n=2)]


def test_a_table_and_its_sentence_moved_on_a_year_are_the_statistics_updated() -> None:
    g = Group(_table() + [_text("令和6年", "令和7年", 0), _text("130,529人", "130,120人", 1)], PLACE, paths=[PLACE])
    statement, evidence = rolled_series(g) or ("", "")
    # the new year's figures, never the dropped year's (132,827 was 令和2年's) set against them
    assert statement == "総人口・高齢化率の推移を令和7年の数値に更新（総人口130,120人、高齢化率30.3％）"
    assert evidence == "計画自身の時点更新と推定（表の年の列の「令和2年」を除き「令和7年」を加え、本文の年と数値も令和7年に更新）"
    mark_rolled_series([g])
    assert g.statement == statement and g.own_update == evidence


def test_a_sentence_that_says_more_than_the_new_figures_is_another_decision() -> None:
    rewritten = Fact(change(PLACE, SENTENCE_OLD, "高齢化が進んでいます。"), TEXT, old="総人口は減少傾向", new="高齢化が進んで",
                     order=(2, 0))
    assert rolled_series(Group(_table() + [rewritten], PLACE)) is None
    # a date moved to another year than the table's newest
    assert rolled_series(Group(_table() + [_text("令和5年", "令和6年", 0)], PLACE)) is None


def test_a_year_header_rewritten_inside_the_series_is_no_roll() -> None:
    # 令和2年 → 令和5年 among 令和3年～令和7年: a typo fixed or a column relabelled, not a series moved on
    cells = [Fact(change(PLACE, "令和2年", "令和5年"), CELL, old="令和2年", new="令和5年", column="令和5年"),
             Fact(change(PLACE, "1", "2"), CELL, old="1", new="2", column="令和5年", row_key="総人口（人）", header=HEADER)]
    assert rolled_series(Group(cells, PLACE)) is None


def test_the_statistics_of_a_plan_moved_on_a_year_end_to_end() -> None:
    from revtool.changes.changelog import build_changelog
    from revtool.compare.diff import diff_documents

    from tests.diff_helpers import parse_plan

    def plan(years: range, pops: list[str], aged: list[str], last: str, pop: str) -> str:
        return "\n".join(["# 第２章　現状と課題", "## （１）人口の状況", "@p 4",
                          "| 区分 | " + " | ".join(f"令和{y}年" for y in years) + " |",
                          "| 総人口（人） | " + " | ".join(pops) + " |", "| 高齢化率（％） | " + " | ".join(aged) + " |",
                          f"本市の総人口は減少傾向にあり、令和{last}年には{pop}人となっています。"]) + "\n"
    old = plan(range(2, 7), ["132,827", "132,000", "131,400", "131,000", "130,529"], ["27.8", "28.2", "28.7", "29.1", "29.7"],
               "6", "130,529")
    new = plan(range(3, 8), ["132,000", "131,400", "131,000", "130,529", "130,120"], ["28.2", "28.7", "29.1", "29.7", "30.3"],
               "7", "130,120")
    old_doc, new_doc = parse_plan(old), parse_plan(new)
    (row,) = build_changelog(diff_documents(old_doc, new_doc), new_doc=new_doc, old_doc=old_doc).rows
    assert row.summary.startswith("総人口・高齢化率の推移を令和7年の数値に更新（総人口130,120人")
    assert row.cause.type.value == "internal" and "時点更新と推定" in row.cause.evidence
