"""A table row taken out of one section's table and put, as it was, in another
section's table is one 移動 row (revtool.changes.row_moves)."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.changes.row_moves import short_place
from revtool.model import ChangeKind

from tests.changelog_helpers import change, row_added

CH3, CH4 = "第３章　健康増進計画", "第４章　食育推進計画"
P31 = (CH3, "１　基本方針１　生活習慣病の発症予防と早期発見", "（２）循環器病・糖尿病の予防")
P41 = (CH4, "１　基本方針１　食を通じた健康づくり", "（２）栄養バランスのよい食事")
NAME = "野菜をとろう月間の実施"
BODY = "８月を野菜摂取推進月間とし、区内の飲食店やスーパーマーケットと連携して野菜の摂取を呼びかけます。"


def _row_deleted(path: tuple[str, ...], cells: list[str], pages: tuple[int, ...]):  # type: ignore[no-untyped-def]
    return change(path, " | ".join(cells), "", kind=ChangeKind.DELETED, rule="row-deleted", block_kind="table",
                  location=f"表1 行『{cells[0]}』", pages=pages)


def test_a_row_deleted_in_one_chapter_and_added_as_it_was_in_another_is_one_move() -> None:
    rows = build_changelog([_row_deleted(P31, [NAME, BODY, "健康推進課"], (9,)),
                            row_added(P41, [NAME, BODY, "健康推進課"], (24,))]).rows
    assert len(rows) == 1
    (row,) = rows
    assert row.kind is ChangeKind.MOVED
    assert row.summary == f"「{NAME}」を第３章 基本方針１（２）から第４章 基本方針１（２）に移動"
    assert row.new_pages == (24,)  # where it now stands in 案; the place it left stays in the row's changes
    assert {c.old_pages for c in row.changes} == {(9,), (24,)}
    assert set(row.section_paths) == {P31, P41}
    assert "一つの移動" in row.grouping and "一致度" in row.grouping


def test_a_row_with_the_same_name_but_other_content_stays_a_deletion_and_an_addition() -> None:
    rows = build_changelog([_row_deleted(P31, [NAME, BODY, "健康推進課"], (9,)),
                            row_added(P41, [NAME, "食育月間に合わせて、学校給食で地場野菜を使った献立を提供します。", "学務課"],
                                      (24,))]).rows
    assert len(rows) == 2
    assert all("移動" not in r.summary for r in rows)


def test_a_name_deleted_twice_is_not_guessed_to_have_moved() -> None:
    p32 = P31[:2] + ("（３）重症化予防の推進",)
    rows = build_changelog([_row_deleted(P31, [NAME, BODY, "健康推進課"], (9,)),
                            _row_deleted(p32, [NAME, BODY, "健康推進課"], (10,)),
                            row_added(P41, [NAME, BODY, "健康推進課"], (24,))]).rows
    assert all("移動" not in r.summary for r in rows)


def test_a_place_is_cited_by_its_numbers() -> None:
    assert short_place(P31) == "第３章 基本方針１（２）"
    assert short_place(("第２章　計画の基本的な考え方", "２　計画の位置づけ")) == "第２章 ２"
