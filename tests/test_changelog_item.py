"""項目 in the official style, facts of a change, decisions.toml."""

from __future__ import annotations

import pytest

from revtool.changes.facts import COLUMN_ADDED, ROW_ADDED, SECTION_ADDED, TEXT, facts_of
from revtool.changes.text_spans import text_spans
from revtool.changes.decisions import Decisions, RowDecision, dump_decisions, parse_decisions
from revtool.errors import WorkspaceError
from revtool.changes.item import Outline, every_label, format_heading, item_text, named_number
from revtool.model import ChangeKind
from tests.changelog_helpers import CH3, EACH, IND, S1, S2, S3, change, column_added, plan_doc, row_added


def test_format_heading() -> None:
    assert format_heading("第2章　計画策定の背景") == "第2章 計画策定の背景"
    assert format_heading("施策2　防災DXによる安全・安心なまちづくり") == "施策2 防災DXによる安全・安心なまちづくり"
    assert format_heading("（2）自治体DXの推進") == "（2）自治体DXの推進"
    assert format_heading("１．用語集") == "1. 用語集"
    assert format_heading("参考資料") == "参考資料"
    assert named_number("施策12　AI等") == ("施策", "12") and named_number("第3章　DX") is None


def test_a_pdf_dash_in_a_heading_number_is_still_its_number() -> None:
    """施策１−１−１ (U+2212 from a PDF's text layer) is numbered like 施策１－１－１:
    the title never starts with 「−１−１」."""
    from revtool.changes.headings import heading_number, heading_title
    for dash in ("－", "\u2212", "\u2010", "\u2013"):
        heading = f"施策１{dash}１{dash}１\u3000保育サービスの充実"
        assert heading_number(heading) == f"施策１{dash}１{dash}１"
        assert heading_title(heading) == "保育サービスの充実"
        assert format_heading(heading) == f"施策1{dash}1{dash}1 保育サービスの充実"


def test_a_priority_mark_before_the_number_is_neither_number_nor_title() -> None:
    """「★（２）再就職支援セミナーの開催」 (★ = 重点施策, kept in the heading): number （２）,
    title without the mark, so a split or rename names the title as before."""
    from revtool.changes.headings import heading_number, heading_title
    assert heading_number("★（２）再就職支援セミナーの開催") == "（２）"
    assert heading_title("★（２）再就職支援セミナーの開催") == "再就職支援セミナーの開催"
    assert heading_title("★重点プロジェクト") == "★重点プロジェクト"


def test_item_text_official_style() -> None:
    outline = Outline.of(plan_doc(3))
    assert item_text(("第2章　計画策定の背景", "1. 国の動向", "（2）自治体DXの推進"), outline) == (
        "第2章 計画策定の背景 1. 国の動向（2）自治体DXの推進"
    )
    # a template heading and the container above named 施策 are left out
    assert item_text((CH3, EACH, S2, IND), outline) == "第3章 DXの取組 施策2 防災DXによる安全・安心なまちづくり"
    assert item_text((CH3, EACH), outline, every="各施策") == "第3章 DXの取組 各施策"
    # without the outline nothing is guessed away but the container
    assert item_text((CH3, EACH, S2, IND), Outline()) == "第3章 DXの取組 施策2 防災DXによる安全・安心なまちづくり（2）成果指標"


def test_every_label() -> None:
    outline = Outline.of(plan_doc(3))
    assert every_label((CH3, EACH), [S1, S2, S3], outline) == "各施策"
    assert every_label((CH3, EACH), [S1, S3], outline) == "施策1、施策3"
    assert every_label((CH3, EACH, S1), ["（2）成果指標", "（3）現状と課題"], outline) == ""
    assert every_label((CH3, EACH), [S1, S2, S3], Outline()) == "各施策"


def test_text_spans_slide_to_natural_units() -> None:
    old, new = "基幹システム・財務会計システムの改修", "基幹システムの改修"
    ((a1, a2, b1, b2),) = text_spans(old, new)
    assert old[a1:a2] == "・財務会計システム" and new[b1:b2] == ""
    old, new = "現在は第4.0版が最新版", "現在は第5.0版が最新版"
    ((a1, a2, b1, b2),) = text_spans(old, new)
    assert (old[a1:a2], new[b1:b2]) == ("第4.0版", "第5.0版")


def test_facts_of_diff_stage_changes() -> None:
    (col,) = facts_of(column_added((CH3, EACH, S1, IND), "設定理由", ["理由A"]))
    assert (col.kind, col.column, col.polarity) == (COLUMN_ADDED, "設定理由", "~")
    (row,) = facts_of(row_added((CH3, EACH, S1, IND), ["1", "新しい取組", "実施"]))
    assert (row.kind, row.row_key, row.polarity) == (ROW_ADDED, "新しい取組", "+")
    (sec,) = facts_of(change(("参考資料", "1. 取組一覧"), "", "1. 取組一覧\n本文", kind=ChangeKind.ADDED, block_kind="section"))
    assert sec.kind == SECTION_ADDED
    # a paragraph mostly rewritten is one before/after pair
    before = "総務省では、自治体におけるAIの利活用に関するワーキンググループを設置し、方策の検討を進めている。"
    after = "総務省は、2025年12月にAI活用・導入ガイドブック第4版を公表し、責任者の設置に関する考え方を示した。"
    (rw,) = facts_of(change((CH3,), before, after))
    assert rw.kind == TEXT and rw.old == before and rw.new == after
    # one edit in a short text is quoted, widened to the whole word
    (one,) = facts_of(change((CH3,), "介護予防・日常生活支援総合事業を実施する。", "総合事業を実施する。"))
    assert (one.old, one.new) == ("介護予防・日常生活支援総合事業", "総合事業")


def test_decisions_parse() -> None:
    d = parse_decisions(
        """
cites = ["C01", "C02"]
[[links]]
comment = "C01"
row = "R3"
[[links]]
comment = "C05"
row = "R4"
status = "rejected"
[rows.R8]
cause = "internal"
note = "令和8年度組織編制（案）の反映"
[changes]
editorial = ["D12"]
"""
    )
    assert d.confirmed == (("C01", "R3"),) and d.rejected == (("C05", "R4"),)
    assert d.cites == frozenset({"C01", "C02"})
    assert d.row("R8").cause == "internal" and d.row("R1").summary is None
    assert d.editorial == frozenset({"D12"})
    assert parse_decisions("") == parse_decisions("  \n")


@pytest.mark.parametrize(
    "text",
    ["[[links]]\nrow = 'R1'\n", "[[links]]\ncomment='C1'\nrow='R1'\nstatus='maybe'\n", "[rows.R1]\ncause='why'\n", "= broken"],
)
def test_decisions_errors_are_japanese(text: str) -> None:
    with pytest.raises(WorkspaceError) as exc:
        parse_decisions(text)
    assert exc.value.message.startswith("decisions.toml: ")


def test_decisions_round_trip() -> None:
    d = Decisions(
        confirmed=(("C01", "R3"),),
        rejected=(("C05", "R4"),),
        cites=frozenset({"C02"}),
        rows={"R8": RowDecision(cause="internal", note="組織編制の反映"), "R10": RowDecision(summary="「A」を\n「B」に変更", exclude=True)},
        editorial=frozenset({"D12"}),
    )
    text = dump_decisions(d)
    assert parse_decisions(text) == d
    assert dump_decisions(parse_decisions(text)) == text
    assert dump_decisions(Decisions()) == ""


def test_a_table_reported_as_one_change_is_split_as_the_diff_stage_aligns_tables() -> None:
    """Rows by the key column (here 指標), columns by header: a reordered row is no change,
    a renamed one-cell edit is a cell, a new row and a new column are named."""
    from revtool.changes.facts import CELL, COLUMN_ADDED, ROW_ADDED, ROW_DELETED

    old = "指標\t現状値\t目標値\n電話による問合せ件数\t5,000件\t4,000件\n窓口の待ち時間\t30分\t20分\n紙の申請書\t120種類\t60種類"
    new = ("指標\t現状値\t目標値\t設定理由\n窓口の待ち時間\t30分\t15分\t国の目標\n電話による問合せ件数\t5,000件\t4,000件\t実績\n"
           "オンライン申請率\t10%\t50%\t計画")
    got = [(f.kind, f.row_key, f.column, f.old, f.new) for f in facts_of(change((CH3, EACH, S1, IND), old, new, block_kind="table"))]
    assert got == [
        (COLUMN_ADDED, "", "設定理由", "", "設定理由"),
        (CELL, "窓口の待ち時間", "目標値", "20分", "15分"),
        (ROW_ADDED, "オンライン申請率", "", "", "オンライン申請率\t10%\t50%\t計画"),
        (ROW_DELETED, "紙の申請書", "", "紙の申請書\t120種類\t60種類", ""),
    ]


def test_a_decision_in_dozens_of_places_names_their_parents() -> None:
    from revtool.changes.item import Outline, places_text

    every = [("第２部　分野別施策", f"第{i}分野　分野{i}", "２　施策の基本的方向と具体的な取組", f"（{j}）施策{i}-{j}")
             for i in range(1, 9) for j in range(1, 7)]
    third = [("第３部　計画の推進", "１　推進体制の整備"), ("第３部　計画の推進", "２　進捗管理と評価")]
    assert places_text(every + third, Outline()) == "第2部 分野別施策、第3部 計画の推進"
    # all in one 分野: that 分野's parts are named
    assert places_text(every[:6] + every[6:8], Outline()) == "第2部第1分野2 施策の基本的方向と具体的な取組、第2部第2分野2 施策の基本的方向と具体的な取組"
    # a few places are each listed
    assert places_text(third, Outline()) == "第3部 計画の推進 1 推進体制の整備、第3部 計画の推進 2 進捗管理と評価"


def test_a_heading_numbered_twice_has_one_normal_form_for_both_numbers() -> None:
    """施策３−３ (U+2212, full-width digits) under the place number ５－４－３: the 施策's
    own number is written as the place number is (ASCII digits, the place number's dash)."""
    assert format_heading("５－４－３　施策３−３　地域が主体となった移動手段の確保") == "5－4－3 施策3－3\u3000地域が主体となった移動手段の確保"
    assert format_heading("５．４．３　施策３．３　地域") == "5.4.3 施策3.3\u3000地域"
    assert format_heading("5-2-1　施策1-1　幹線バス路線の維持・確保") == "5-2-1 施策1-1\u3000幹線バス路線の維持・確保"
    assert format_heading("5-4-3　施策３−３ターミナルの整備").endswith("施策３−３ターミナルの整備")  # no space: a word
    assert format_heading("第4章　５疾病・６事業及び在宅医療") == "第4章 ５疾病・６事業及び在宅医療"  # a title's own words
