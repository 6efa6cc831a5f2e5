"""Grouping changes into 別紙2 rows, causes, warnings and staff decisions."""

from __future__ import annotations

from dataclasses import replace

from revtool.changes.changelog import build_changelog
from revtool.changes.reportable import version_stamp_only
from revtool.changes.decisions import parse_decisions
from revtool.model import CauseType, ChangeKind, ResponseType
from tests.changelog_helpers import (
    CH3,
    EACH,
    IND,
    ISSUES,
    ROADMAP,
    S1,
    S2,
    S3,
    cell,
    change,
    column_added,
    comment,
    plan_doc,
    row_added,
)
from tests.purity_helpers import imported_modules

NOTE = "※設定理由欄には、目標値の算定の考え方と、目標値が単年度の値・累計値・年度末時点の値のいずれであるかを記載している。"


def indicator_changes() -> list:  # type: ignore[type-arg]
    out = []
    for s, page in ((S1, 18), (S2, 21), (S3, 24)):
        path = (CH3, EACH, s, IND)
        out.append(column_added(path, "設定理由", [f"{s}の目標の考え方。年度末時点の値である。"], pages=(page,)))
        out.append(change(path, "", NOTE, kind=ChangeKind.ADDED, rule="block-added", pages=(page,)))
    return out


def test_same_edit_in_every_sibling_is_one_row() -> None:
    log = build_changelog(indicator_changes(), new_doc=plan_doc(3))
    (row,) = log.rows
    assert row.id == "R1"
    assert row.item == "第3章 DXの取組 各施策"
    assert row.page_label == "各施策"
    assert row.new_pages == (18, 21, 24)
    assert row.kind == ChangeKind.MODIFIED
    assert len(row.section_paths) == 3
    assert "設定理由" in row.summary


def test_some_siblings_are_listed() -> None:
    changes = [c for c in indicator_changes() if S3 not in c.section_path]
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert row.item == "第3章 DXの取組 施策1、施策2"
    assert row.page_label == ""


def test_same_phrase_deleted_in_two_subsections_is_one_row() -> None:
    changes = [
        change((CH3, EACH, S2, ISSUES), "基幹システム及び財務会計システムの改修を行う必要がある。", "基幹システムの改修を行う必要がある。", pages=(22,)),
        cell((CH3, EACH, S2, ROADMAP), "基幹システムの改修", "取組", "基幹システム・財務会計システムの改修", "基幹システムの改修", pages=(23,)),
    ]
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert row.item == "第3章 DXの取組 施策2 防災DXによる安全・安心なまちづくり"
    assert row.kind == ChangeKind.DELETED
    assert row.new_pages == (22, 23)
    assert row.summary == "「財務会計システム」の文言を削除"


def test_cell_edit_next_to_a_repeated_column_is_its_own_row() -> None:
    changes = indicator_changes()
    changes.insert(
        3,
        cell((CH3, EACH, S2, IND), "オンラインツールを活用した避難所開設訓練の実施率", "指標",
             "オンラインによる避難所開設訓練の実施率", "オンラインツールを活用した避難所開設訓練の実施率", pages=(21,)),
    )
    log = build_changelog(changes, new_doc=plan_doc(3))
    assert [r.item for r in log.rows] == ["第3章 DXの取組 各施策", "第3章 DXの取組 施策2 防災DXによる安全・安心なまちづくり"]
    assert "「オンラインツールを活用した避難所開設訓練の実施率」" in log.rows[1].summary


def test_editorial_front_matter_stamps_and_renumbering_make_no_row() -> None:
    changes = [
        change((CH3, EACH, S1, ISSUES), "取組み", "取組", substantive=False, rule="variant"),
        change((CH3, EACH, S1, ISSUES), "出来る", "できる", substantive=False, rule="variant"),
        change((), "中野区DX推進計画（素案）", "中野区DX推進計画（案）", location="表紙・前付け"),
        change(("参考資料", "（参考）策定経過"), "計画（素案）令和7年（2025年）10月編集・発行", "計画（案）令和8年（2026年）1月編集・発行"),
        change(("参考資料", "2. 用語集"), "1. 用語集", "2. 用語集", kind=ChangeKind.MOVED, block_kind="section",
               old_path=("参考資料", "1. 用語集"), location="見出し"),
    ]
    log = build_changelog(changes, new_doc=plan_doc(3))
    assert log.rows == ()
    assert log.editorial_count == 2


def test_version_stamp() -> None:
    assert version_stamp_only("計画（素案）令和7年10月", "計画（案）令和8年1月")
    assert not version_stamp_only("2025年度までに実施", "2027年度までに実施")


def test_added_section_is_one_row_under_its_parent() -> None:
    changes = [
        change(("参考資料", "1. 取組一覧"), "", "1. 取組一覧\n各施策の取組の一覧である。", kind=ChangeKind.ADDED,
               block_kind="section", rule="section-added", old_path=(), pages=(61, 62), location="節全体"),
    ]
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert (row.item, row.kind, row.new_pages) == ("参考資料", ChangeKind.ADDED, (61, 62))
    assert row.summary == "「取組一覧」を掲載"


def test_rows_in_document_order_with_causes_and_links() -> None:
    changes = [
        change(("第2章　計画策定の背景", "1. 国の動向", "（2）自治体DXの推進"),
               "現在は第4.0版が最新版となっている。", "2025年（令和7年）12月には第5.0版に改定された。", pages=(12,)),
        *indicator_changes(),
        row_added((CH3, EACH, S3, ROADMAP), ["デジタルツールの計画的な導入", "導入計画の策定", "導入"], pages=(26,)),
    ]
    comments = [
        comment(1, "成果指標の設定の根拠が乏しい。", "ご指摘のとおり、成果指標欄の見直しを行い、設定理由等を表記する。", ((CH3, EACH),)),
        comment(19, "Copilotの取組を記載すべき。", "「デジタルツールの計画的な導入」という取組を記載する。", ((CH3, EACH, S3),)),
        comment(5, "ナカペイはやめるべき。", "更なる活用を図っていく。", ((CH3, EACH, S1),), rtype=ResponseType.OTHER),
    ]
    log = build_changelog(changes, comments, new_doc=plan_doc(3))
    assert [r.id for r in log.rows] == ["R1", "R2", "R3"]
    r1, r2, r3 = log.rows
    assert r1.cause.type == CauseType.EXTERNAL and "第5.0版" in r1.summary
    assert r2.cause.comment_ids == ("C01",) and r2.summary.startswith("成果指標欄の見直し")
    assert r3.cause.comment_ids == ("C19",)
    assert r3.summary == "ロードマップに「デジタルツールの計画的な導入」の取組を追加"  # as in the seed's 別紙2
    assert log.row_ids_for("C01") == ["R2"] and log.row_ids_for("C05") == []
    assert log.warnings == ()


def test_warnings() -> None:
    changes = [cell((CH3, EACH, S2, IND), "避難所の割合", "目標値（2030年度）", "50％", "100％", pages=(21,))]
    comments = [
        comment(1, "一覧を載せてほしい。", "参考資料として一覧を掲載する。", ((CH3, EACH, S1),)),
        comment(2, "全体について", "ご意見として承る。", (), rtype=ResponseType.REFERENCE, ref="全体"),
    ]
    log = build_changelog(changes, comments, new_doc=plan_doc(3))
    codes = sorted((w.code, w.comment_id or w.row_id) for w in log.warnings)
    assert codes == [("reflected-without-change", "C01"), ("unknown-cause", "R1"), ("unresolved-comment", "C02")]
    assert "上方修正" in log.rows[0].summary


def test_a_comment_on_the_whole_plan_is_no_unresolved_comment() -> None:
    from dataclasses import replace as with_

    from revtool.comments.refs import parse_ref

    changes = [cell((CH3, EACH, S2, IND), "避難所の割合", "目標値（2030年度）", "50％", "100％", pages=(21,))]
    whole = comment(2, "全体に分かりにくい。", "ご意見として承る。", (), rtype=ResponseType.REFERENCE, ref="計画全体")
    log = build_changelog(changes, [with_(whole, locator=parse_ref("計画全体"))], new_doc=plan_doc(3))
    assert not [w for w in log.warnings if w.code == "unresolved-comment"]


def test_decisions_override() -> None:
    changes = indicator_changes() + [
        cell((CH3, EACH, S2, IND), "避難所の割合", "目標値（2030年度）", "50％", "100％", pages=(21,)),
        change((CH3, EACH, S1, ISSUES), "説明A", "説明B", cid="X9"),
        change((CH3, EACH, S3, ISSUES), "課題の説明", "課題の新しい説明"),
    ]
    decisions = parse_decisions(
        """
[[links]]
comment = "C03"
row = "R1"

[rows.R2]
cause = "internal"
note = "目標の見直し"
summary = "目標値を上方修正"
item = "第3章 DXの取組 施策2"

[rows.R3]
exclude = true

[changes]
editorial = ["X9"]
"""
    )
    comments = [comment(3, "意見", "回答", ((CH3,),), rtype=ResponseType.REFERENCE)]
    log = build_changelog(changes, comments, decisions, new_doc=plan_doc(3))
    assert [r.id for r in log.rows] == ["R1", "R2"]
    assert log.rows[0].cause.comment_ids == ("C03",) and log.rows[0].cause.confidence == 1.0
    assert (log.rows[1].summary, log.rows[1].item, log.rows[1].cause.type) == ("目標値を上方修正", "第3章 DXの取組 施策2", CauseType.INTERNAL)
    assert log.editorial_count == 1


def test_deterministic() -> None:
    a = build_changelog(indicator_changes(), new_doc=plan_doc(3))
    b = build_changelog(list(indicator_changes()), new_doc=plan_doc(3))
    assert [(r.item, r.summary, r.new_pages) for r in a.rows] == [(r.item, r.summary, r.new_pages) for r in b.rows]


def test_core_is_pure() -> None:
    forbidden = {"git", "typer", "rich", "docx", "openpyxl", "click", "subprocess", "pathlib", "time", "datetime"}
    for name in ("revtool.changes.facts", "revtool.changes.item", "revtool.changes.link", "revtool.changes.link_scores",
                 "revtool.changes.promises", "revtool.changes.external", "revtool.changes.text_match", "revtool.changes.row_target",
                 "revtool.changes.reportable", "revtool.changes.fact_groups", "revtool.changes.row_pages", "revtool.changes.row_fields",
                 "revtool.changes.table_warnings", "revtool.changes.headings", "revtool.changes.text_spans",
                 "revtool.changes.item_markers", "revtool.changes.structure", "revtool.changes.group", "revtool.changes.echoes",
                 "revtool.changes.title_splits", "revtool.changes.moved_content", "revtool.changes.same_decision",
                 "revtool.changes.summary", "revtool.changes.changelog", "revtool.changes.decisions"):
        mods = imported_modules(name)
        assert not forbidden & mods, (name, forbidden & mods)


def test_deleted_section_is_named_by_its_old_heading() -> None:
    changes = [
        change((CH3, EACH), "施策4　取組4\n説明", "", kind=ChangeKind.DELETED, block_kind="section", rule="section-deleted",
               old_path=(CH3, EACH, "施策4　取組4"), location="節全体"),
    ]
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert (row.item, row.kind, row.summary) == ("第3章 DXの取組 施策4 取組4", ChangeKind.DELETED, "「取組4」を削除")


def test_sibling_sections_bringing_in_the_same_new_term_are_one_row() -> None:
    old_doc = plan_doc(3)
    changes = [
        change((CH3, EACH, S2, ISSUES), "", "家族の世話を担うヤングケアラーの把握が課題である。", kind=ChangeKind.ADDED, rule="block-added", pages=(22,)),
        change((CH3, EACH, S2, ROADMAP), "", "ヤングケアラー支援 | 実態調査 | 支援", kind=ChangeKind.ADDED, rule="row-added",
               block_kind="table", location="表1 行『ヤングケアラー支援』", pages=(23,)),
        change((CH3, EACH, S3, ISSUES), "", "母子保健の課題がある。", kind=ChangeKind.ADDED, rule="block-added", pages=(25,)),
    ]
    log = build_changelog(changes, new_doc=plan_doc(3), old_doc=old_doc)
    assert [(r.item, r.new_pages) for r in log.rows] == [
        ("第3章 DXの取組 施策2 防災DXによる安全・安心なまちづくり", (22, 23)),
        ("第3章 DXの取組 施策3 母子保健DXの推進", (25,)),
    ]
    # without the old version nothing tells a new term from an old one
    assert len(build_changelog(changes, new_doc=plan_doc(3)).rows) == 3


def test_added_section_and_its_line_in_the_overview_table_are_one_row() -> None:
    changes = [
        change(("第2章　施策の体系",), "", "基本方針3 | 施策4 地域の見守り", kind=ChangeKind.ADDED, rule="row-added", block_kind="table",
               location="表1 行『基本方針3』", pages=(10,)),
        change((CH3, EACH, "施策4　地域の見守り"), "", "施策4　地域の見守り\n新しい取組を行う。", kind=ChangeKind.ADDED, rule="section-added",
               block_kind="section", old_path=(), pages=(30, 31), location="節全体"),
    ]
    (row,) = build_changelog(changes, new_doc=plan_doc(4)).rows
    assert (row.new_pages, row.kind) == ((30, 31), ChangeKind.ADDED)
    assert row.summary == "「地域の見守り」を掲載"


def test_reflected_answer_whose_only_edit_is_editorial_gets_no_row_and_no_warning() -> None:
    """「表記を「こども」に統一しました」 answered 反映: the edit is a 文言整理 in
    the comment's section, so no row and no 「変更が見つかりません」 warning; a 反映
    answer with no edit at all in its section still warns."""
    changes = [
        change((CH3, EACH, S3, ISSUES), "子どもの健康を守る。", "こどもの健康を守る。", substantive=False, rule="variant"),
    ]
    comments = [
        comment(1, "「子ども」の表記を統一すべき。", "ご指摘を踏まえ、表記を「こども」に統一いたします。", ((CH3, EACH, S3),)),
        comment(2, "防災の記述を増やしてほしい。", "ご意見を踏まえ、記述を追加しました。", ((CH3, EACH, S2),)),
    ]
    log = build_changelog(changes, comments, new_doc=plan_doc(3))
    assert log.rows == () and log.editorial_count == 1
    assert [(w.code, w.comment_id) for w in log.warnings] == [("reflected-without-change", "C02")]


# ---------------------------------------------------------------- one decision, several places (issue 11 item 3)

TAIKEI = ("第2章　施策の体系",)


def test_renamed_measure_and_its_line_in_the_overview_table_are_one_row() -> None:
    """施策2 renamed: its heading and its cell in the 施策の体系 table are one
    row listing both places and both pages; the summary speaks of the rename once."""
    new_s2 = "施策2　防災DXによる強靱なまちづくり"
    changes = [
        cell(TAIKEI, "施策2", "施策名", "防災DXによる安全・安心なまちづくり", "防災DXによる強靱なまちづくり", pages=(8,)),
        change((CH3, EACH, new_s2), S2, new_s2, kind=ChangeKind.RENAMED, block_kind="section", rule="heading",
               old_path=(CH3, EACH, S2), location="見出し", pages=(21,)),
    ]
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert row.kind == ChangeKind.RENAMED
    assert row.new_pages == (8, 21)
    assert row.item == "第3章 DXの取組 施策2 防災DXによる強靱なまちづくり、第2章 施策の体系"
    assert row.summary.count("強靱なまちづくり") == 1
    assert "名称変更" in row.grouping and "施策の体系" in row.grouping


def test_two_swapped_measures_are_one_row() -> None:
    a_old, b_old = (CH3, EACH, "施策3　母子保健DXの推進"), (CH3, EACH, "施策4　取組4")
    a_new, b_new = (CH3, EACH, "施策4　母子保健DXの推進"), (CH3, EACH, "施策3　取組4")
    changes = [
        change(b_new, "施策4　取組4", "施策3　取組4", kind=ChangeKind.MOVED, block_kind="section", rule="section-moved",
               old_path=b_old, location="見出し", pages=(25,)),
        change(a_new, "施策3　母子保健DXの推進", "施策4　母子保健DXの推進", kind=ChangeKind.MOVED, block_kind="section",
               rule="section-moved", old_path=a_old, location="見出し", pages=(27,)),
    ]
    # each alone differs only by its number, like a renumbering: together they are a reorder
    (row,) = build_changelog(changes, new_doc=plan_doc(4)).rows
    assert row.kind == ChangeKind.MOVED and row.new_pages == (25, 27)
    assert "入れ替え" in row.grouping
    assert row.item == "第3章 DXの取組 施策3 取組4、第3章 DXの取組 施策4 母子保健DXの推進"
    assert row.summary == "「取組4」と「母子保健DXの推進」の順序を入れ替え"  # in the 案's order


def test_one_section_moved_past_its_siblings_is_one_row_and_theirs_are_renumbering() -> None:
    """（1）A（2）B（3）C → （1）B（2）C（3）A: only A moved; B and C keep their
    order with each other and their numbers follow (a consequence). One row,
    said as A's move, not 「C」と「A」の順序を入れ替え (which never happened)."""
    par = (CH3, EACH, "施策3　母子保健DXの推進")
    a_old, b_old, c_old = par + ("（1）環境効率性",), par + ("（2）予防的な取組方法",), par + ("（3）汚染者負担の原則",)
    a_new, b_new, c_new = par + ("（3）環境効率性",), par + ("（1）予防的な取組方法",), par + ("（2）汚染者負担の原則",)

    def moved(new: tuple[str, ...], old: tuple[str, ...], rule: str, substantive: bool, page: int):
        return change(new, old[-1], new[-1], kind=ChangeKind.MOVED, block_kind="section", rule=rule,
                      substantive=substantive, old_path=old, location="見出し", pages=(page,))

    changes = [moved(b_new, b_old, "section-renumbered", False, 47), moved(c_new, c_old, "section-renumbered", False, 48),
               moved(a_new, a_old, "section-moved", True, 49)]
    (row,) = build_changelog(changes, new_doc=plan_doc(4)).rows
    assert [c.section_path for c in row.changes] == [a_new] and row.new_pages == (49,)
    assert row.summary == "「環境効率性」の掲載位置を変更"
    # two that traded places are still a swap (either could be the one that moved)
    changes = [moved(c_new, b_old[:-1] + ("（3）汚染者負担の原則",), "section-renumbered", False, 48),
               moved(b_new[:-1] + ("（3）予防的な取組方法",), b_old[:-1] + ("（2）予防的な取組方法",), "section-renumbered", False, 49)]
    (row,) = build_changelog(changes, new_doc=plan_doc(4)).rows
    assert "の順序を入れ替え" in row.summary and len(row.changes) == 2


def test_law_revision_quoted_in_two_chapters_is_one_row_listing_both_places() -> None:
    law_old, law_new = "令和5年法律第31号", "令和6年法律第21号"
    changes = [
        change(("第1章　計画の策定にあたって", "2. 計画の位置付け"), f"介護保険法（{law_old}）に基づく計画である。",
               f"介護保険法（{law_new}）に基づく計画である。", pages=(2,)),
        change((CH3, EACH, S3, ISSUES), f"介護保険法（{law_old}）の改正を踏まえる。", f"介護保険法（{law_new}）の改正を踏まえる。",
               pages=(25,)),
    ]
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert row.new_pages == (2, 25)
    assert row.item.startswith("第1章 計画の策定にあたって 2. 計画の位置付け、第3章 DXの取組")
    assert "2か所" in row.grouping


def test_renumbering_after_a_split_is_not_a_row() -> None:
    """施策3 split into 施策3 and a new 施策4: the old 施策4 became 施策5 — a
    consequence, never a row of its own."""
    changes = [
        change((CH3, EACH, "施策5　取組4"), "施策4　取組4", "施策5　取組4", kind=ChangeKind.RENAMED, block_kind="section",
               rule="heading", old_path=(CH3, EACH, "施策4　取組4"), location="見出し", pages=(30,)),
        change((CH3, EACH, "施策4　母子保健の相談"), "", "施策4　母子保健の相談\n相談体制を整える。", kind=ChangeKind.ADDED,
               block_kind="section", rule="section-added", old_path=(), pages=(28, 29), location="節全体"),
    ]
    log = build_changelog(changes, new_doc=plan_doc(5))
    assert [(r.kind, r.new_pages) for r in log.rows] == [(ChangeKind.ADDED, (28, 29))]


def test_rename_called_a_year_spelling_because_of_a_kanji_numeral_is_a_row() -> None:
    """「調達手続の仕組みづくり」→「調達手続と学習支援の一体的な推進」: 一 in 一体的
    made the number rule call it 年の表記; a rename in words is still a row."""
    from revtool.model import Verdict

    old_h, new_h = "（1）　調達手続の仕組みづくり", "（1）　調達手続と学習支援の一体的な推進"
    ch = change((CH3, EACH, new_h), old_h, new_h, kind=ChangeKind.RENAMED, block_kind="section", substantive=False,
                rule="era", old_path=(CH3, EACH, old_h), location="見出し", pages=(12,))
    ch = replace(ch, verdict=Verdict(False, "era", "年の表記"))
    (row,) = build_changelog([ch], new_doc=plan_doc(3)).rows
    assert row.kind == ChangeKind.RENAMED and "一体的な推進" in row.summary
    # a real year spelling in a heading stays editorial
    year = change((CH3, EACH, "1. 令和8年度の取組"), "1. 2026年度の取組", "1. 令和8年度の取組", kind=ChangeKind.RENAMED,
                  block_kind="section", substantive=False, rule="era", old_path=(CH3, EACH, "1. 2026年度の取組"))
    year = replace(year, verdict=Verdict(False, "era", "年の表記"))
    log = build_changelog([year], new_doc=plan_doc(3))
    assert log.rows == () and log.editorial_count == 1


def test_split_measure_is_one_row_naming_the_donor_and_the_new_measure() -> None:
    """施策3 split: its last items moved to a new 施策4; the old 施策4 renumbered
    to 施策5 (a consequence). One row: 分割, both places, the new heading's page."""
    new4 = (CH3, EACH, "施策4　母子の相談支援")
    changes = [
        change(new4, "", "施策4　母子の相談支援\n相談体制を整える。", kind=ChangeKind.ADDED, block_kind="section",
               rule="section-added", old_path=(), pages=(28, 29), location="節全体"),
        change(new4 + (ISSUES,), "・産後ケアの相談を受ける", "・産後ケアの相談を受ける", kind=ChangeKind.MOVED, block_kind="list",
               substantive=False, rule="block-moved", old_path=(CH3, EACH, S3, ISSUES), pages=(29,)),
        change((CH3, EACH, "施策5　取組4"), "施策4　取組4", "施策5　取組4", kind=ChangeKind.RENAMED, block_kind="section",
               rule="heading", old_path=(CH3, EACH, "施策4　取組4"), location="見出し", pages=(30,)),
    ]
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert row.kind == ChangeKind.SPLIT and row.new_pages == (28,)
    assert row.item == "第3章 DXの取組 施策3 母子保健DXの推進、第3章 DXの取組 施策4 母子の相談支援"
    assert "分割" in row.grouping
    # said as the split it is, the donor named, also when a comment caused it (not 「母子の相談支援」を新たに掲載)
    assert row.summary == "「母子保健DXの推進」から「母子の相談支援」を分割"
    asked = comment(1, "母子の相談支援を独立した施策とすべき。", "ご意見を踏まえ、施策を分けて記載します。", ((CH3, EACH, S3, ISSUES),))
    (row,) = build_changelog(changes, [asked], new_doc=plan_doc(3)).rows
    assert row.cause.type == CauseType.COMMENT and row.summary == "「母子保健DXの推進」から「母子の相談支援」を分割"


def test_answer_quoting_an_editorial_unification_links_no_substantive_row() -> None:
    """「ご指摘を踏まえ、「障がいのある」に統一いたします」: its edit is the 文言整理
    in its section; the target change next to it is not its row."""
    changes = [
        change((CH3, EACH, S3, ISSUES), "障害のある方への支援", "障がいのある方への支援", substantive=False, rule="variant"),
        change((CH3, EACH, S3, ISSUES), "相談窓口を設置する。", "相談窓口を設置し、障がいのある方の就労を支援する。", pages=(25,)),
    ]
    comments = [comment(1, "表記を統一すべき。", "ご指摘を踏まえ、表記を「障がいのある」に統一いたします。", ((CH3, EACH, S3, ISSUES),))]
    log = build_changelog(changes, comments, new_doc=plan_doc(3))
    assert len(log.rows) == 1 and log.links == ()
    assert not [w for w in log.warnings if w.code == "reflected-without-change"]


def test_two_list_items_that_traded_numbers_are_one_row_naming_them() -> None:
    path = ("第3章　施策の展開", "第5節　人づくり", "1　環境教育の推進", "（2）主な取組")
    a = change(path, "②環境アドバイザーについて、情報発信を強化します。", "①環境アドバイザーについて、情報発信を強化します。",
               rule="number", block_kind="list", location="箇条書き1")
    b = change(path, "①大学と連携し、自然観察会を開催します。", "②大学と連携し、自然観察会を開催します。",
               kind=ChangeKind.MOVED, rule="number", block_kind="list", location="箇条書き1 → 箇条書き2")
    log = build_changelog([a, b])
    assert len(log.rows) == 1
    # in the 案's order, with the 案's numbers: the reader finds ① and ② so now
    assert log.rows[0].summary == "主な取組の①「環境アドバイザーについて、情報発信を強化します」と②「大学と連携し、自然観察会を開催します」の順序を入れ替え"
    # one item renumbered because another was inserted before it is no swap (and no row)
    c = change(path, "①大学と連携し、自然観察会を開催します。", "②大学と連携し、自然観察会を開催します。",
               kind=ChangeKind.MOVED, rule="number", block_kind="list", location="箇条書き1 → 箇条書き2")
    assert build_changelog([c]).rows == ()


def test_same_wording_edit_answering_two_comments_in_two_places_is_two_rows() -> None:
    plan_a, plan_b = (CH3, EACH, S1, ISSUES), (CH3, EACH, S3, ISSUES)
    changes = [
        change(plan_a, "地域通貨の利用を広げるため、支援制度の創設を検討します。", "地域通貨の利用を広げるため、支援制度の創設します。", pages=(9,)),
        change(plan_b, "健診の受診を広げるため、支援制度の創設を検討します。", "健診の受診を広げるため、支援制度の創設します。", pages=(11,)),
    ]
    # without comments (or with one comment for both places) it is one repeated edit: one row
    (row,) = build_changelog(changes, new_doc=plan_doc(3)).rows
    assert "2か所" in row.grouping
    answer = "ご意見を踏まえ、「創設します」と改めます。"
    one = [comment(1, "制度を早く作ってほしい。", answer, (plan_a, plan_b))]
    assert len(build_changelog(changes, one, new_doc=plan_doc(3)).rows) == 1
    # each place answered to its own comment: two decisions, two rows, each with its own link and page
    comments = [comment(1, "地域通貨の支援制度を早く作ってほしい。", answer, (plan_a,)),
                comment(2, "健診の支援制度を早く作ってほしい。", answer, (plan_b,))]
    log = build_changelog(changes, comments, new_doc=plan_doc(3))
    assert [r.new_pages for r in log.rows] == [(9,), (11,)]
    assert [r.summary for r in log.rows] == ["支援制度について、「創設を検討します」を「創設します」に変更"] * 2
    assert [r.cause.comment_ids for r in log.rows] == [("C01",), ("C02",)]
    assert all("別の意見" in r.grouping for r in log.rows)



def test_same_wording_edit_also_where_no_comment_asked_is_one_row() -> None:
    """The 所管 renamed in every 施策 (「企画課」→「デジタル推進課」): comments
    answered 反映 resolve to 施策1 and 施策3 for their own edits there, none to
    施策2 — the edit made where nobody asked is the plan's own, throughout:
    one decision, one row with every page. Only comments about that very
    wording in every place make it a decision per place."""
    places = [(CH3, EACH, s, ISSUES) for s in (S1, S2, S3)]
    changes = [change(p, f"{w}の取組を進めます（所管：企画課）。", f"{w}の取組を進めます（所管：デジタル推進課）。", pages=(n,))
               for p, w, n in zip(places, ("地域通貨", "防災情報", "母子保健"), (9, 10, 11))]
    answer = "ご意見を踏まえ、修正します。"
    comments = [comment(1, "地域通貨の取組を具体的に書いてほしい。", answer, (places[0],)),
                comment(2, "母子保健の取組を具体的に書いてほしい。", answer, (places[2],))]
    (row,) = build_changelog(changes, comments, new_doc=plan_doc(3)).rows
    assert row.new_pages == (9, 10, 11)
    assert "3か所" in row.grouping and "別の意見" not in row.grouping
    # a comment answered 反映 in every place, each for another edit there (blind11: a 課 renamed
    # everywhere, 施策の方向 answered for their own wording): still the plan's one decision
    others = comments + [comment(3, "防災情報の取組を具体的に書いてほしい。", answer, (places[1],))]
    (row,) = build_changelog(changes, others, new_doc=plan_doc(3)).rows
    assert row.new_pages == (9, 10, 11)
    assert "3か所" in row.grouping and "この文言に触れる意見が全箇所にはない" in row.grouping
    # each place's comment asked for that very wording (its opinion names the old or the new
    # 課, or its answer quotes the new one): a decision per place, each with its own comment
    asked = [comment(1, "地域通貨の所管が企画課のままなのはおかしい。", answer, (places[0],)),
             comment(2, "防災情報の所管課を見直すべき。", "ご意見を踏まえ、所管を「デジタル推進課」に改めます。", (places[1],)),
             comment(3, "母子保健もデジタル推進課の所管とすべき。", answer, (places[2],))]
    log = build_changelog(changes, asked, new_doc=plan_doc(3))
    assert [r.new_pages for r in log.rows] == [(9,), (10,), (11,)]
    assert [r.cause.comment_ids for r in log.rows] == [("C01",), ("C02",), ("C03",)]
    assert all("この文言に触れる別の意見" in r.grouping for r in log.rows)

def test_law_revision_quoted_twice_stays_one_row_even_when_each_place_has_a_comment() -> None:
    plan_a, plan_b = ("第1章　計画の策定にあたって", "2. 計画の位置付け"), (CH3, EACH, S3, ISSUES)
    changes = [
        change(plan_a, "国の「生物多様性国家戦略2012-2020」（平成24年9月閣議決定）を踏まえます。",
               "国の「生物多様性国家戦略2023-2030」（令和5年3月閣議決定）を踏まえます。", pages=(1,)),
        change(plan_b, "国は、平成24年9月に「生物多様性国家戦略2012-2020」を策定しました。",
               "国は、令和5年3月に「生物多様性国家戦略2023-2030」を策定しました。", pages=(2,)),
    ]
    comments = [comment(1, "国家戦略の改定を反映すべき。", "ご意見を踏まえ、修正します。", (plan_a,)),
                comment(2, "最新の国家戦略を書くべき。", "ご意見を踏まえ、修正します。", (plan_b,))]
    (row,) = build_changelog(changes, comments, new_doc=plan_doc(3)).rows
    assert row.new_pages == (1, 2)
    assert row.summary.count("「") == row.summary.count("」")
    assert "「生物多様性国家戦略2012-2020」を「生物多様性国家戦略2023-2030」に" in row.summary


def test_two_long_list_items_swapped_are_named_by_what_they_act_on() -> None:
    # items of 40 characters quoted whole made a 90-character summary (issue 11)
    path = ("第3章　施策の展開", "第5節　人づくり", "1　環境教育の推進", "（2）主な取組")
    a = change(path, "②環境アドバイザーについて、県のホームページやSNSを活用した情報発信を強化します。",
               "①環境アドバイザーについて、県のホームページやSNSを活用した情報発信を強化します。",
               rule="number", block_kind="list", location="箇条書き1")
    b = change(path, "①大学や研究機関と連携し、自然観察会に関する新たな技術の実証を進めます。",
               "②大学や研究機関と連携し、自然観察会に関する新たな技術の実証を進めます。",
               kind=ChangeKind.MOVED, rule="number", block_kind="list", location="箇条書き1 → 箇条書き2")
    (row,) = build_changelog([a, b]).rows
    assert row.summary == ("主な取組の①「県のホームページやSNSを活用した情報発信」と②「自然観察会に関する新たな技術の実証」"
                           "の順序を入れ替え")
    assert len(row.summary) <= 70


def test_a_subsection_under_a_renamed_measure_is_no_row_of_its_own() -> None:
    """2 税務事務による地域づくり → 2 税務事務を通じた参加の促進: its （1）現状と
    課題, seen by the diff as split off the old name, stays where it was — the
    rename is the one row (not 「現状と課題」の掲載位置を変更)."""
    part = ("第2部　施策の展開", "第3章　地域の担い手を育てる")
    old_m, new_m = part + ("2　税務事務による地域づくり",), part + ("2　税務事務を通じた参加の促進",)
    changes = [
        change(new_m, "2　税務事務による地域づくり", "2　税務事務を通じた参加の促進", kind=ChangeKind.RENAMED,
               block_kind="section", rule="heading", old_path=old_m, location="見出し", pages=(4,)),
        change(new_m + ("（1）　現状と課題",), "（1）　現状と課題", "（1）　現状と課題", kind=ChangeKind.SPLIT,
               block_kind="section", rule="section-split", old_path=old_m + ("（1）　現状と課題",), location="見出し", pages=(5,)),
    ]
    (row,) = build_changelog(changes).rows
    assert row.summary == "名称を「税務事務による地域づくり」から「税務事務を通じた参加の促進」に変更"
    # a subsection that did move to another numbered place is still a row
    moved = change(part + ("3　電子決裁の推進", "（1）　現状と課題"), "（1）　現状と課題", "（1）　現状と課題",
                   kind=ChangeKind.MOVED, block_kind="section", rule="section-moved",
                   old_path=old_m + ("（1）　現状と課題",), location="見出し", pages=(6,))
    assert len(build_changelog([moved]).rows) == 1


def test_two_long_list_items_with_their_own_titles_are_named_by_the_titles() -> None:
    path = ("第2編　施策の展開", "第2節　豊かな心の育成", "2　主な取組", "（2）　読書活動の推進")
    lib = "学校図書館の機能強化：学校図書館の機能強化に向けて、市町村教育委員会と連携しながら、子どもたちの実態に応じた取組を進めます。"
    pub = "公立図書館との連携：公立図書館との連携に当たっては、すでに成果を上げている取組を参考にしながら、効果を検証します。"
    a = change(path, f"②\u3000{pub}", f"①\u3000{pub}", rule="number", block_kind="list", location="箇条書き1")
    b = change(path, f"①\u3000{lib}", f"②\u3000{lib}", kind=ChangeKind.MOVED, rule="number", block_kind="list",
               location="箇条書き1 → 箇条書き2")
    (row,) = build_changelog([a, b]).rows
    assert row.summary == "読書活動の推進の①「公立図書館との連携」と②「学校図書館の機能強化」の順序を入れ替え"


def test_a_decided_table_built_on_a_kept_basis_is_the_table_built_from_nothing() -> None:
    import pickle

    from revtool.changes import changelog
    from revtool.changes.changelog import Basis

    changes = [*indicator_changes(),
               row_added((CH3, EACH, S3, ROADMAP), ["デジタルツールの計画的な導入", "導入計画の策定", "導入"], pages=(26,))]
    comments = [
        comment(1, "成果指標の設定の根拠が乏しい。", "ご指摘のとおり、成果指標欄の見直しを行い、設定理由等を表記する。", ((CH3, EACH),)),
        comment(19, "Copilotの取組を記載すべき。", "「デジタルツールの計画的な導入」という取組を記載する。", ((CH3, EACH, S3),)),
    ]
    basis = Basis()
    undecided = build_changelog(changes, comments, new_doc=plan_doc(3), basis=basis)
    assert basis.stage and basis.scores is not None and set(basis.scores.memo) == {"C01", "C19"}
    kept: Basis = pickle.loads(pickle.dumps(basis))  # as the workspace cache keeps it
    decisions = parse_decisions('[[links]]\ncomment = "C01"\nrow = "R2"\nstatus = "rejected"\n\n'
                                '[rows.R1]\nsummary = "手で直した要約"\n')
    calls: list[str] = []
    real_group = changelog._group_changes

    def counting(*args, **kw):  # type: ignore[no-untyped-def]
        calls.append("grouped")
        return real_group(*args, **kw)

    changelog._group_changes = counting
    try:
        decided = build_changelog(changes, comments, decisions, new_doc=plan_doc(3), basis=kept)
    finally:
        changelog._group_changes = real_group
    assert calls == []  # the groups read back, not made again
    assert decided == build_changelog(changes, comments, decisions, new_doc=plan_doc(3))
    assert decided != undecided and decided.rows[0].summary == "手で直した要約"
    assert "C01" not in decided.rows[1].cause.comment_ids
    # another editorial verdict is another grouping: the kept groups are not used
    changelog._group_changes = counting
    try:
        verdict = parse_decisions(f'[changes]\neditorial = ["{changes[0].id}"]\n')
        assert build_changelog(changes, comments, verdict, new_doc=plan_doc(3), basis=kept) == \
            build_changelog(changes, comments, verdict, new_doc=plan_doc(3))
    finally:
        changelog._group_changes = real_group
    assert calls == ["grouped", "grouped"]


def test_a_group_copied_keeps_which_of_its_facts_are_mentions_and_echoes() -> None:
    import pickle

    from revtool.changes.facts import facts_of
    from revtool.changes.group import Group

    facts = [f for i, ch in enumerate(indicator_changes()) for f in facts_of(ch, i)]
    g = Group(list(facts), facts[0].section_path, mentions={id(facts[1])}, echoes={id(facts[0]), id(facts[2])})
    copy = pickle.loads(pickle.dumps(g))
    assert [id(f) in copy.mentions for f in copy.facts] == [i == 1 for i in range(len(facts))]
    assert [id(f) in copy.echoes for f in copy.facts] == [i in (0, 2) for i in range(len(facts))]
