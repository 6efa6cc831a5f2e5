"""A ruled PDF result table whose 該当箇所 and answer cells are drawn once over a
同趣旨 group of rows (a merged cell): every row of the group gets that text, as an
Excel merged cell is filled; a cell drawn row by row keeps its own text."""

from __future__ import annotations

from pathlib import Path

from benchmarks.blind5_family import write_ruled_pdf
from benchmarks.plan_pdf import Line
from revtool.comments import read_comment_table
from revtool.comments.classify import classify

# columns: 番号 | 該当箇所 | 御意見の概要 | 御意見に対する県の考え方 (x from, width)
_COLS = ((40.0, 40.0), (80.0, 90.0), (170.0, 200.0), (370.0, 200.0))
_ROW_H = 30.0


def _table(path: Path, rows: list[tuple[str, str, str, str]], spans: dict[int, int]) -> None:
    """``spans``: first row index -> how many rows its 該当箇所 and answer cells cover."""
    top = 780.0
    rects: list[tuple[float, float, float, float]] = []
    lines: list[Line] = []
    covered: set[int] = {i for first, n in spans.items() for i in range(first + 1, first + n)}
    for i, row in enumerate(rows):
        y = top - (i + 1) * _ROW_H
        for j, ((x, w), text) in enumerate(zip(_COLS, row)):
            merged = j in (1, 3) and i > 0
            if merged and i in covered:
                continue
            n = spans.get(i, 1) if merged else 1
            rects.append((x, y - (n - 1) * _ROW_H, w, n * _ROW_H))
            lines.append(Line(x + 3, y + 10, 9, text))
    write_ruled_pdf([(lines, rects)], path)


def test_a_merged_answer_cell_in_a_ruled_pdf_is_every_covered_rows_answer(tmp_path: Path) -> None:
    answer = "御意見を踏まえ、追記いたします。"
    rows = [("番号", "該当箇所", "御意見の概要", "御意見に対する県の考え方"),
            ("1", "P12", "相談窓口を増やしてください。", answer),
            ("2", "", "相談窓口の増設を求めます。", ""),
            ("3", "", "窓口をもっと増やすべきです。", ""),
            ("4", "P13", "研修を充実してください。", "今後の参考とさせていただきます。"),
            ("5", "P14", "賛成です。", "")]
    _table(tmp_path / "kekka.pdf", rows, {1: 3})
    got = read_comment_table(tmp_path / "kekka.pdf")
    assert [r.number for r in got] == ["1", "2", "3", "4", "5"]
    assert [r.ref for r in got] == ["P12", "P12", "P12", "P13", "P14"]
    assert [r.response for r in got[:3]] == [answer] * 3
    assert [classify(r.response)[0] for r in got[:3]] == ["反映"] * 3
    assert got[3].response == "今後の参考とさせていただきます。"
    assert got[4].response == ""  # its own (empty) cell: not the answer above
