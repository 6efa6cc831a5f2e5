"""A section's short name widened (（１０）環境 → （１０）環境・廃棄物処理) and the same widening
written in the cells of tables elsewhere (別表: 施策分野 環境 → 環境・廃棄物処理): one rename row citing
every place. The old name is too short to look for alone: other edits that merely mention 環境 stay
their own rows."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.compare.diff import diff_documents

from tests.diff_helpers import parse_plan


def _plan(name: str, extra: str) -> str:
    return "\n".join([
        "# 第4章　強靱化の推進方針", "@p 27", f"## （１０）　{name}", "災害廃棄物の処理体制を整備する。",
        "## （１１）　土地利用", "@p 30", "地籍調査を推進する。", extra,
        "# 別表　主な事業一覧", "@p 40", "| 事業名 | 施策分野 |", f"| 災害廃棄物処理計画の実効性確保事業 | {name} |",
        f"| 有害物質の流出防止事業 | {name} |", "| 地籍調査事業 | 土地利用 |"]) + "\n"


def test_short_name_widened_is_one_row_with_its_table_cells() -> None:
    old = parse_plan(_plan("環境", "自然環境の保全に配慮する。"))
    new = parse_plan(_plan("環境・廃棄物処理", "自然環境の保全と景観に配慮する。"))
    rows = build_changelog(diff_documents(old, new)).rows
    rename = next(r for r in rows if "環境・廃棄物処理" in r.summary)
    assert rename.new_pages == (27, 40)
    assert "名称変更" in rename.grouping  # the evidence of the join
    # a sentence that only mentions 環境 is another decision
    assert any("景観" in r.summary for r in rows if r is not rename)
