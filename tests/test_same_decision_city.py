"""One decision written in several places is one row (issue 11, blind6
tuning kinds), on small hand-made cases of a 市's plan whose 分野 each end
with a 数値目標 table:

* the 現状値 column of every table moved a year on — its header and its
  figures, whatever their unit (ha, 万人, ㎡, 件) — is one row, even where
  the same 節 was renamed or had a 目標値 raised (those stay their rows);
* a 部 renamed everywhere is one row, whether the name stands alone (都市整備部)
  or inside a longer name (都市整備部都市計画課)."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.changes.facts import facts_of
from revtool.changes.same_decision import replaced_term
from revtool.model import ChangeKind

from tests.changelog_helpers import cell, change

CH3 = "第3章　分野別の方針"
FIELDS = ["3-1　住宅・住環境の方針", "3-2　交通の方針", "3-3　水と緑の方針", "3-4　産業の方針"]
OLD_NOW, NEW_NOW = "現状値（令和5年度）", "現状値（令和6年度）"
TARGET = "目標値（令和17年度）"
# per 分野: (indicator, old, new) of the 現状値 column, each with its own unit
FIGURES = [[("空き家の活用件数", "18件", "23件"), ("住宅地の低未利用地面積", "36.5ha", "35.8ha")],
           [("コミュニティバスの年間利用者数", "41万人", "43万人"), ("駅のバリアフリー化率", "62.0％", "66.5％")],
           [("市民一人当たりの公園面積", "4.6㎡", "4.8㎡")],
           [("企業誘致件数（累計）", "7件", "9件"), ("市内事業所数", "1,820事業所", "1,835事業所")]]


def _path(i: int, title: str = "") -> tuple[str, ...]:
    return (CH3, title or FIELDS[i])


def _refresh(renamed: str = "") -> list:  # type: ignore[type-arg]
    """Each 分野's 数値目標 table: the header moved a year on, its figures with it
    (the first 分野 under its new name when ``renamed``)."""
    out = []
    for i, rows in enumerate(FIGURES):
        path = _path(i, renamed if i == 0 and renamed else "")
        out.append(change(path, OLD_NOW, NEW_NOW, block_kind="table", location=f"表1 見出し行 列『{NEW_NOW}』",
                          rule="number", pages=(4 + i,)))
        out += [cell(path, name, NEW_NOW, old, new, pages=(4 + i,)) for name, old, new in rows]
    return out


def test_the_now_column_of_every_table_moved_a_year_on_is_one_row_whatever_the_units() -> None:
    """Four tables, the header 現状値（令和5年度）→（令和6年度） and every figure
    under it (件, ha, 万人, ％, ㎡, 事業所): one row citing every page, saying the
    year the figures now stand at — no figure left in a row of its own."""
    (row,) = build_changelog(_refresh()).rows
    assert row.new_pages == (4, 5, 6, 7)
    assert row.section_paths == tuple(_path(i) for i in range(4))
    # the tables of 分野 of different names are said as the tables of their common section
    assert row.summary == "分野別の方針の各表の現状値を令和5年度から令和6年度の値に更新（空き家の活用件数 18件 → 23件ほか）"
    assert "同じく変わり" in row.grouping  # the evidence: the header changed alike in every table


def test_a_row_every_table_has_is_named_with_its_table() -> None:
    """Each table holds the same rows (量の見込み, 確保方策): the example figure
    says whose table it is from."""
    changes = []
    for i, field in enumerate(["（１）１号認定", "（２）２号認定", "（３）３号認定"]):
        path = ("第5章　量の見込みと確保方策", field)
        changes.append(change(path, "実績（令和5年度）", "実績（令和6年度）", block_kind="table", rule="number",
                              location="表1 見出し行 列『実績（令和6年度）』", pages=(8 + i,)))
        changes += [cell(path, "量の見込み（人）", "実績（令和6年度）", f"{1000 + i}", f"{1100 + i}", pages=(8 + i,)),
                    cell(path, "確保方策（人）", "実績（令和6年度）", f"{1200 + i}", f"{1300 + i}", pages=(8 + i,))]
    (row,) = build_changelog(changes).rows
    assert row.summary == "量の見込みと確保方策の各表の実績を令和5年度から令和6年度の値に更新（１号認定の量の見込み（人） 1000 → 1100ほか）"


def test_a_renamed_field_and_a_raised_target_keep_their_rows_without_the_refreshed_figures() -> None:
    """The first 分野 renamed (an internal decision) and a 目標値 raised in the
    third (a comment's answer): each stays its own row, and neither carries the
    figures of the 現状値 update — those are all in the update's row."""
    new_title = "3-1　住宅・市街地の方針"
    changes = _refresh(renamed=new_title) + [
        change(_path(0, new_title), FIELDS[0], new_title, kind=ChangeKind.RENAMED, block_kind="section",
               rule="heading", old_path=_path(0), location="見出し", pages=(4,)),
        cell(_path(2), "市民一人当たりの公園面積", TARGET, "5.5㎡", "6.0㎡", pages=(6,)),
    ]
    rows = build_changelog(changes).rows
    assert len(rows) == 3
    update = next(r for r in rows if len(r.section_paths) == 4)
    assert update.new_pages == (4, 5, 6, 7)
    others = [r for r in rows if r is not update]
    figures = [new for table in FIGURES for _, _, new in table]
    for r in others:
        assert not any(f in r.summary for f in figures), r.summary
        assert all(NEW_NOW not in ch.location for ch in r.changes if ch.new_text in figures)
    assert any("住宅・市街地の方針" in r.summary for r in others)
    assert any("6.0㎡" in r.summary for r in others)


def test_a_worded_cell_under_the_moved_header_is_no_figure_of_the_update() -> None:
    """A 現状値 rewritten in words (調査中 → 実施済み) is not a figure brought up
    to date: it stays a row of its own."""
    changes = _refresh() + [cell(_path(1), "交通安全教室の開催", NEW_NOW, "調査中", "実施済み", pages=(5,))]
    rows = build_changelog(changes).rows
    assert len(rows) == 2
    assert any("実施済み" in r.summary and len(r.section_paths) == 1 for r in rows)


# ---------------------------------------------------------------- a 部 renamed everywhere

CH5 = "第5章　計画の実現に向けて"
SYSTEM = (CH5, "5-2　推進体制")
REVIEW = (CH5, "5-3　計画の進行管理")
OLD_SYSTEM = ("本計画の推進に当たっては、環境建設部都市政策課が中心となり、庁内の関係部署と連携します。"
              "また、環境建設部は、都市計画審議会に進捗状況を報告します。")
OLD_REVIEW = "点検の結果は、環境建設部のホームページで公表します。"


def _org_docs(old_system: str, new_system: str, old_review: str, new_review: str) -> tuple:  # type: ignore[type-arg]
    from tests.test_changelog_reshaped import _doc, _para, _section

    def plan(system: str, review: str) -> object:
        return _doc(_section(CH5, _section(SYSTEM[1], blocks=(_para(system),)), _section(REVIEW[1], blocks=(_para(review),))))
    return plan(old_system, old_review), plan(new_system, new_review)


def _org_case(new_name: str) -> tuple:  # type: ignore[type-arg]
    new_system, new_review = OLD_SYSTEM.replace("環境建設部", new_name), OLD_REVIEW.replace("環境建設部", new_name)
    old, new = _org_docs(OLD_SYSTEM, new_system, OLD_REVIEW, new_review)
    changes = [change(SYSTEM, OLD_SYSTEM, new_system, pages=(12,)), change(REVIEW, OLD_REVIEW, new_review, pages=(13,))]
    return changes, old, new


def test_a_department_renamed_alone_and_inside_a_section_name_is_one_row() -> None:
    """環境建設部 → まちづくり推進部 in 推進体制 (once alone, once as 環境建設部都市政策課)
    and in 進行管理: one decision, one row naming both places and both pages,
    said by the name itself."""
    changes, old, new = _org_case("まちづくり推進部")
    (row,) = build_changelog(changes, new_doc=new, old_doc=old).rows
    assert row.section_paths == (SYSTEM, REVIEW)
    assert row.new_pages == (12, 13)
    assert "「環境建設部」を「まちづくり推進部」" in row.summary
    assert "都市政策課" not in row.summary
    assert "「環境建設部都市政策課」" in row.grouping and "2つの節（推進体制、計画の進行管理）" in row.grouping


def test_a_name_still_used_elsewhere_in_the_plan_is_not_replaced_throughout() -> None:
    """The old name still stands in 案 (another sentence keeps 環境建設部): no
    sign of one renaming — the edits are not pulled together by this rule."""
    changes, old, new = _org_case("まちづくり推進部")
    from tests.test_changelog_reshaped import _doc, _para, _section
    kept = "環境建設部は、関係機関との協議を行います。"
    old = _doc(*old.sections, _section("第6章　資料", blocks=(_para(kept),)))
    new = _doc(*new.sections, _section("第6章　資料", blocks=(_para(kept),)))
    rows = build_changelog(changes, new_doc=new, old_doc=old).rows
    assert len(rows) == 2
    assert any("都市政策課" in r.summary for r in rows)
    assert not any("置き換え" in r.grouping for r in rows)


def _term(old: str, new: str, old_text: str = "", new_text: str = "") -> tuple[str, str] | None:
    (f,) = facts_of(change(SYSTEM, old, new))
    return replaced_term(f, old_text or old, new_text or new)


def test_the_same_words_replaced_alone_and_inside_a_longer_name() -> None:
    assert _term("環境建設部", "まちづくり推進部") == ("環境建設", "まちづくり推進")
    assert _term("環境建設部都市政策課", "まちづくり推進部都市政策課") == ("環境建設", "まちづくり推進")


def test_phrases_figures_and_names_still_in_use_are_no_replaced_term() -> None:
    assert _term("検討します", "実施します") is None  # a predicate, not a name
    assert _term("第5期計画", "第6期計画") is None  # a figure: the refresh rule's
    assert _term("環境建設部", "まちづくり推進部", new_text="まちづくり推進部と環境建設部") is None  # the old name stays in 案
