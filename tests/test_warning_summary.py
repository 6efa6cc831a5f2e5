"""The terminal's warning summary (issue 15 "quiet at scale"): counted by kind,
the first few shown, the full list named."""

from __future__ import annotations

from types import SimpleNamespace

from revtool.changes.table import ChangelogWarning
from revtool.render.warning_summary import changelog_warning_lines, grouped_lines, summary_lines

SECTIONS = ["第3章 DXの取組 施策1 区民サービスの向上", "第3章 DXの取組 施策4 防災DXによる安全・安心なまちづくり",
            "第4章 計画の推進体制 2. 推進体制", "第2章 現状と課題 (1) 人口の動向", "参考資料 用語解説",
            "第3章 DXの取組 各施策", "第1章 計画の基本的な考え方 3. 計画期間"]


def _table_warnings() -> list[ChangelogWarning]:
    out = [ChangelogWarning("unknown-cause", f"R{i + 1}: {name} の変更の理由（意見・外部の改定等）が見つかりません。"
                            "decisions.toml で指定してください。", row_id=f"R{i + 1}") for i, name in enumerate(SECTIONS)]
    out += [ChangelogWarning("unresolved-comment", f"C{i:02d}: 素案該当箇所「P.{i}」に当たる節が見つかりません。",
                             comment_id=f"C{i:02d}") for i in range(1, 6)]
    return out


def test_rows_of_unknown_cause_are_one_kind_whatever_section_they_name():
    log = SimpleNamespace(warnings=_table_warnings())
    lines = changelog_warning_lines(log, "素案", "案")
    head = lines[0]
    assert head.startswith("注意が 12 件あります（")
    assert "理由が未確認の行 7 件" in head and "該当箇所が見つからない意見 5 件" in head
    assert "種類" not in head  # two kinds: nothing hidden behind 「他 N 種類」
    assert "第3章" not in head  # no section name taken for a kind
    assert sum(1 for l in lines if l.startswith("  注意: ")) == 5
    assert any("revtool review 素案 案 --warnings" in l for l in lines)


def test_review_groups_table_warnings_by_code_and_import_warnings_by_wording():
    result = SimpleNamespace(
        changelog=SimpleNamespace(warnings=_table_warnings()),
        comments=[SimpleNamespace(id="C01", warnings=["該当箇所から節やページを読み取れません。"]),
                  SimpleNamespace(id="C02", warnings=["該当箇所から節やページを読み取れません。"])])
    lines = grouped_lines(result)
    assert "■ 変更表の注意 12 件" in lines
    assert "  理由が未確認の行（7 件）" in lines and "  該当箇所が見つからない意見（5 件）" in lines
    assert "■ 意見の取り込みの注意 2 件" in lines
    assert "  該当箇所から節やページを読み取れません（2 件）" in lines
    assert sum(1 for l in lines if l.startswith("    R")) == 7  # every message kept under its kind


def test_few_warnings_are_printed_whole_and_unknown_wording_keeps_its_own_kind():
    assert summary_lines(["C01: a", "C02: b"], "x") == ["注意: C01: a", "注意: C02: b"]
    many = [f"C{i:02d} 該当箇所が複数の節に当てはまります: 第{i}章" for i in range(12)]
    assert summary_lines(many, "x")[0] == "注意が 12 件あります（該当箇所が複数の節に当てはまります 12 件）。最初の 5 件:"
