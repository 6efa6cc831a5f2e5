"""A numbered table (リスクシナリオ 1-1 … 8-3) where one item is split in two — the next items
renumbered, the count in the text 3 → 4 — and ANOTHER item reworded the same day: two rows.
The split (its cell, the added row, and the count: a consequence) is one structural row; the
rewording its own row; the renumbering is 項番 (editorial), never a row nor part of one."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.compare.diff import diff_documents
from revtool.compare.tablediff import align_tables
from revtool.model import Table

from tests.diff_helpers import parse_plan

HEAD = "| 番号 | 起きてはならない最悪の事態 |"
OLD_ROWS = [("2-3", "救助・救急活動等の絶対的不足"),
            ("8-1", "地域防災力の低下により避難や救助が十分に行われない事態"),
            ("8-2", "平時からの備えの不足により応急対応が遅れる事態"),
            ("8-3", "広域的な応援・受援体制が機能しない事態")]
NEW_ROWS = [("2-3", "救助・救急活動等の絶対的不足及び道路の寸断による救助活動の遅延"),
            ("8-1", "地域防災力の低下により避難が十分に行われない事態"),
            ("8-2", "地域防災力の低下により救助が十分に行われない事態"),
            ("8-3", "平時からの備えの不足により応急対応が遅れる事態"),
            ("8-4", "広域的な応援・受援体制が機能しない事態")]


def _plan(rows: list[tuple[str, str]], count: int) -> str:
    return "\n".join(["# 第3章　脆弱性評価", "## ２　事前に備えるべき目標とリスクシナリオ", "@p 5",
                      f"次のとおり{count}の起きてはならない最悪の事態を設定した。", HEAD,
                      *[f"| {n} | {t} |" for n, t in rows]]) + "\n"


def test_renumbered_rows_are_paired_by_what_they_say() -> None:
    old = Table.from_texts([["番号", "事態"]] + [list(r) for r in OLD_ROWS])
    new = Table.from_texts([["番号", "事態"]] + [list(r) for r in NEW_ROWS])
    al = align_tables(old, new)
    pairs = {(o, n) for o, n in al.rows}
    assert (3, 4) in pairs and (4, 5) in pairs  # 8-2 → 8-3, 8-3 → 8-4: the same items, renumbered
    assert (None, 3) in pairs  # the new 8-2 (救助) is the added one
    assert al.numbering_old == 0  # the number column is 項番


def test_numbers_kept_keep_pairing_by_number() -> None:
    rows = [("1-1", "住宅の倒壊による死傷者の発生"), ("1-2", "火災による死傷者の発生")]
    old = Table.from_texts([["番号", "事態"]] + [list(r) for r in rows])
    new = Table.from_texts([["番号", "事態"], ["1-1", "住宅の倒壊による死傷者の発生"], ["1-2", "津波による死者の発生"]])
    assert set(align_tables(old, new).rows) == {(1, 1), (2, 2)}  # a row rewritten under its number


def test_split_and_rewording_are_two_rows() -> None:
    old, new = parse_plan(_plan(OLD_ROWS, 4)), parse_plan(_plan(NEW_ROWS, 5))
    changes = diff_documents(old, new)
    renumbered = [c for c in changes if c.verdict.rule == "row-renumbered"]
    assert len(renumbered) == 2 and not any(c.substantive for c in renumbered)
    rows = build_changelog(changes).rows
    assert len(rows) == 2, [r.summary for r in rows]
    split = next(r for r in rows if "分割" in r.summary)
    reworded = next(r for r in rows if r is not split)
    assert "地域防災力の低下により救助が十分に行われない事態" in split.summary
    assert split.kind.value == "split" and "分割" in split.grouping  # the evidence of the grouping
    assert {c.old_text for c in split.changes} >= {"4"}  # the count goes with the split (its consequence)
    assert "8-3" not in split.summary and "8-4" not in split.summary  # the renumbering is no piece of it
    assert "道路の寸断による救助活動の遅延" in reworded.summary
    assert all("4" != c.old_text for c in reworded.changes)


def test_one_cell_shortened_beside_an_unrelated_new_row_is_no_split() -> None:
    old_rows = OLD_ROWS[1:]
    new_rows = [("8-1", "地域防災力の低下により避難が十分に行われない事態"),
                ("8-2", "平時からの備えの不足により応急対応が遅れる事態"),
                ("8-3", "広域的な応援・受援体制が機能しない事態"),
                ("8-4", "大規模な停電により通信が途絶する事態")]
    changes = diff_documents(parse_plan(_plan(old_rows, 3)), parse_plan(_plan(new_rows, 4)))
    assert not any("分割" in r.summary for r in build_changelog(changes).rows)


def _lines(text: str) -> str:
    return "\n".join(["# 第3章　脆弱性評価", "## ２　リスクシナリオ", "@p 6", text]) + "\n"


def test_two_level_item_numbers_read_as_lines_renumbered_are_editorial() -> None:
    # a PDF reader gives the number cell and the item's own number as one line: 「8-2 　8-2　…」
    line = "8-2 　8-2　平時からの備えの不足により応急対応が遅れる事態"
    (c,) = diff_documents(parse_plan(_lines(line)), parse_plan(_lines(line.replace("8-2", "8-3"))))
    assert not c.substantive and c.verdict.rule == "item-number"


def test_two_level_numbers_in_a_sentence_stay_figures() -> None:
    line = "計画の2-3年目に見直す。"
    (c,) = diff_documents(parse_plan(_lines(line)), parse_plan(_lines(line.replace("2-3", "3-4"))))
    assert c.substantive
