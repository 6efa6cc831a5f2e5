"""A workbook with one comment table per sheet (パブリックコメント and 団体ヒアリング,
each numbered from 1) is read whole: every sheet with a comment header, in
workbook order; a copy of a sheet once; a 「No.2と同様です」 answer points into its
own sheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from revtool.comments import import_comments, read_comment_table

PUBLIC = [("No.", "ページ・項目", "意見の概要", "市の考え方", "反映状況"),
          ("1", "24ページ", "相談支援の窓口を増やしてほしい。", "ご意見を踏まえ、相談窓口の拡充を追記します。", "反映"),
          ("2", "P.30", "就労支援の数値目標を示してほしい。", "既に記載しています。", "既記載")]
HEARING = [("No.", "団体名", "ページ・項目", "意見の概要", "市の考え方", "反映状況"),
           ("1", "市手をつなぐ育成会", "P.12", "グループホームの整備を進めてほしい。", "ご意見として承ります。", "参考"),
           ("2", "市身体障害者福祉協会", "P.18", "移動支援の対象を広げてほしい。", "計画案に反映しました。", "反映"),
           ("3", "市聴覚障害者協会", "P.18", "移動支援の拡充をお願いしたい。", "No.2と同様です。", "")]


def _book(path: Path, sheets: list[tuple[str, list[tuple[str, ...]]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        ws.append(("北山市障がい者計画（素案）に対する意見",))
        for r in rows:
            ws.append(r)
    summary = wb.create_sheet("集計")
    summary.append(("区分", "件数"))
    summary.append(("反映", 2))
    wb.save(path)
    return path


def test_every_sheet_with_a_comment_table_is_imported_in_order(tmp_path: Path) -> None:
    rows = read_comment_table(_book(tmp_path / "bessi1.xlsx", [("パブリックコメント", PUBLIC), ("団体ヒアリング", HEARING)]))
    assert [(r.table, r.number, r.ref) for r in rows] == [
        ("パブリックコメント", "1", "24ページ"), ("パブリックコメント", "2", "P.30"),
        ("団体ヒアリング", "1", "P.12"), ("団体ヒアリング", "2", "P.18"), ("団体ヒアリング", "3", "P.18")]
    assert rows[2].opinion == "グループホームの整備を進めてほしい。"  # 団体名 is not the opinion
    comments = import_comments(rows, None)
    # 「No.2と同様です」 in the hearing sheet is the hearing's No.2 (反映), not the public comment No.2 (既記載)
    assert comments[4].same_answer_as == comments[3].id
    assert comments[4].response_type == comments[3].response_type != comments[1].response_type


def test_a_copy_of_a_sheet_is_read_once(tmp_path: Path) -> None:
    rows = read_comment_table(_book(tmp_path / "bessi1.xlsx", [("原本", PUBLIC), ("公表用", PUBLIC)]))
    assert [(r.table, r.number) for r in rows] == [("原本", "1"), ("原本", "2")]
