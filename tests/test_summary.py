"""主な変更点 sentences in the register of 別紙2."""

from __future__ import annotations

from revtool.changes.facts import facts_of
from revtool.changes.link import detect_external
from revtool.model import CauseType, ChangeKind
from revtool.changes.summary import answer_action, fact_clauses, summarize
from tests.changelog_helpers import CH3, EACH, IND, ISSUES, ROADMAP, S2, cell, change, comment, row_added


def facts(*changes):  # type: ignore[no-untyped-def]
    out = []
    for i, c in enumerate(changes):
        out.extend(facts_of(c, i))
    return out


def test_replacement_and_deletion() -> None:
    fs = facts(change((CH3, ISSUES), "現在は第4.0版が最新版となっている。", "現在は第5.0版が最新版となっている。"))
    assert fact_clauses(fs) == ["「第4.0版」を「第5.0版」に変更"]
    fs = facts(change((CH3, ISSUES), "基幹システム及び財務会計システムの改修を行う。", "基幹システムの改修を行う。"))
    assert fact_clauses(fs) == ["「財務会計システム」の文言を削除"]


def test_target_values_raised() -> None:
    fs = facts(
        cell((CH3, EACH, S2, IND), "電話による問合せ件数", "目標値（2030年度）", "▲30%（導入前比）", "32.5%減（約5,000件→約3,400件）"),
        cell((CH3, EACH, S2, IND), "ワンストップ解決率", "目標値（2030年度）", "+30%（導入直後比）", "32.5%"),
    )
    assert summarize(fs, CauseType.UNKNOWN) == (
        "成果指標のうち、以下の2つで目標値の上方修正を実施 "
        "・電話による問合せ件数 ▲30%（導入前比） → 32.5%減（約5,000件→約3,400件） "
        "・ワンストップ解決率 +30%（導入直後比） → 32.5%"
    )
    (single,) = facts(cell((CH3, EACH, S2, IND), "登録者数", "目標値", "5万人", "3万人"))
    assert summarize([single], CauseType.UNKNOWN) == "成果指標の目標値を下方修正（登録者数 5万人 → 3万人）"


def test_list_cells_name_what_came_and_went() -> None:
    fs = facts(
        cell(("第4章　計画の推進体制", "2. 推進体制"), "企画部", "構成員", "企画課長、財政課長、デジタル基盤整備担当課長", "企画課長、デジタルサービス担当課長、財政課長"),
        cell(("第4章　計画の推進体制", "2. 推進体制"), "総務部", "構成員", "総務課長、働き方DX推進担当課長、防災課長", "総務課長、防災課長"),
    )
    assert fact_clauses(fs) == ["・デジタル基盤整備担当課長を削除 ・働き方DX推進担当課長を削除 ・デジタルサービス担当課長を追加"]
    assert summarize(fs, CauseType.EXTERNAL, organisation=True).startswith("組織改正を次のとおり反映 ・デジタル基盤整備担当課長を削除")


def test_wording_cell() -> None:
    fs = facts(cell((CH3, EACH, S2, IND), "x", "指標", "オンラインによる避難所開設訓練の実施率", "オンラインツールを活用した避難所開設訓練の実施率"))
    assert fact_clauses(fs) == ["指標の文言を「オンラインによる避難所開設訓練の実施率」から「オンラインツールを活用した避難所開設訓練の実施率」に変更"]


def test_row_added_and_added_section() -> None:
    fs = facts(row_added((CH3, EACH, S2, ROADMAP), ["デジタルツールの計画的な導入", "計画の策定", "導入"]))
    # without the table's header the key column has no name
    assert fact_clauses(fs) == ["ロードマップに「デジタルツールの計画的な導入」を追加"]
    fs = facts(change(("参考資料", "1. 取組一覧"), "", "1. 取組一覧\n一覧", kind=ChangeKind.ADDED, block_kind="section"))
    assert fact_clauses(fs) == ["「取組一覧」を掲載"]


def test_many_edits_in_one_table_update_the_list() -> None:
    path = ("第2章　計画策定の背景", "（2）自治体DXの推進")
    fs = facts(
        cell(path, "A", "重点取組事項", "標準化", "標準化（運用最適化を含む）"),
        cell(path, "B", "重点取組事項", "カードの普及促進・利用の推進", "カードの利用の推進"),
        row_added(path, ["7", "BPRの取組の徹底", "業務の見直し", "施策9"]),
    )
    assert fact_clauses(fs) == ["重点取組事項の一覧を更新"]


def test_reason_for_external_revision() -> None:
    c = change(("第2章　計画策定の背景", "（2）自治体DXの推進"),
               "その後、自治体DX推進計画は改定が重ねられ、現在は第4.0版が最新版となっている。",
               "その後、自治体DX推進計画は改定が重ねられ、2025年（令和7年）12月には第5.0版に改定された。")
    fs = facts(c)
    ext = detect_external(fs[0].new, fs[0].new_unit)
    text = summarize(fs, CauseType.EXTERNAL, external=ext)
    assert text.startswith("2025年12月に「自治体DX推進計画」が第5.0版に改定されたため、")


def test_answer_wording_reused_when_it_describes_the_change() -> None:
    fs = facts(change((CH3, EACH, S2, IND), "", "設定理由\n区の人口の約3割を目標とした。", kind=ChangeKind.ADDED,
                      rule="column-added", block_kind="table", location="表1 列『設定理由』"))
    c = comment(1, "根拠が乏しい。", "ご指摘のとおり、設定理由や算定根拠等が明らかでないため、成果指標欄の見直しを行い、設定理由等を表記する。")
    assert summarize(fs, CauseType.COMMENT, [c]) == "ご意見を踏まえ、成果指標欄の見直しを行い、設定理由等を表記"
    unrelated = comment(2, "防災について", "防災行政無線の整備を進めていく。")
    assert summarize(fs, CauseType.COMMENT, [unrelated]) == "ご意見を踏まえ、成果指標の表に「設定理由」欄を追加"


def test_answer_action() -> None:
    assert answer_action("ご指摘のとおり、一元的に確認できる資料がないため、参考資料として、取組一覧を掲載する。") == "参考資料として、取組一覧を掲載"
    assert answer_action("今後研究していく。") == ""


def test_rows_added_to_a_table_are_named() -> None:
    path = ("参考資料", "2. 用語集")
    fs = facts(*(row_added(path, [w, "説明"]) for w in ("BPR", "EBPM", "GIS", "RPA")))
    assert fact_clauses(fs) == ["用語集に「BPR」「EBPM」「GIS」ほか1件を追加"]
