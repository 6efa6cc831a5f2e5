"""A ministry's published result table is already grouped: one row per opinion,
with how many submissions it stands for (a 件数 column or 「（他N件）」 in the
opinion). The count is read, kept beside the text and shown (issue 15)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from revtool.comments import comments_from_json, comments_to_json, import_comments
from revtool.comments.submissions import row_submissions, submissions_from_opinion
from revtool.comments.table import Grid, rows_from_grids
from tests.workspace_helpers import run, workspace_with_soan


@pytest.mark.parametrize(
    ("opinion", "count"),
    [
        ("地域通貨の普及に向けた支援を拡充すべきである。（他12件）", 13),
        ("地域通貨の普及に向けた支援を拡充すべきである。(同旨他12件)", 13),
        ("同趣旨の御意見（ほか１２件）", 13),
        ("防災DXを進めるべき。（同趣旨の御意見 他 1,204 件）", 1205),
        ("【13件】窓口のオンライン化を急ぐべき。", 13),
        ("窓口のオンライン化を急ぐべき。（同趣旨 計5件）", 5),
        ("窓口のオンライン化を急ぐべき。（同旨３件）", 3),
    ],
)
def test_a_count_stated_in_brackets_at_either_end_is_read(opinion: str, count: int) -> None:
    got = submissions_from_opinion(opinion)
    assert got is not None and got[0] == count
    assert got[1] in opinion  # the mark as written


@pytest.mark.parametrize(
    "opinion",
    [
        "市内には約3,000件の事業所があり、デジタル化の支援が必要である。",  # a count inside the sentence
        "相談件数（令和5年度 120件）の増加に対応すべき。補助金を拡充すること。",  # brackets inside, not at an end
        "（1）の記述について、具体的な目標を示すべき。",
        "",
    ],
)
def test_numbers_that_are_the_opinions_own_content_are_not_a_count(opinion: str) -> None:
    assert submissions_from_opinion(opinion) is None
    assert row_submissions(opinion, "") == (1, "")


def test_a_count_column_wins_and_a_disagreeing_mark_is_named() -> None:
    assert row_submissions("支援を拡充すべき。", "１２件") == (12, "件数の列「１２件」")
    n, why = row_submissions("支援を拡充すべき。（他4件）", "12")
    assert n == 12 and "（他4件）" in why and "異なります" in why


def _table(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", lineterminator="\n").writerows(rows)
    return buf.getvalue()


MINISTRY = [
    ["番号", "該当箇所", "御意見の概要", "件数", "御意見に対する考え方"],
    ["1", "施策1", "デジタル地域通貨の加盟店を増やす支援を明記すべき。", "1,204",
     "御指摘を踏まえ、加盟店の拡大に向けた支援を追記いたします。"],
    ["2", "P.28", "防災DXでは高齢者への配慮を記載すべき。", "", "御意見として承ります。"],
    ["3", "施策11", "職員研修の内容を具体的に示すべき。（他3件）", "", "既に記載しております。"],
]


def test_a_count_column_is_read_from_the_header_and_kept_in_json() -> None:
    grid = Grid(tuple(tuple(r) for r in MINISTRY))
    rows = rows_from_grids([grid], "kekka.tsv")
    assert [r.count for r in rows] == ["1,204", "", ""]
    comments = import_comments(rows, None)
    assert [c.submissions for c in comments] == [1204, 1, 4]
    assert comments[2].submissions_evidence == "意見欄の「（他3件）」"
    data = comments_to_json(comments)
    assert data["comments"][0]["submissions"] == 1204 and "submissions" not in data["comments"][1]
    back = comments_from_json(json.loads(json.dumps(data)))
    assert [c.submissions for c in back] == [1204, 1, 4]
    assert [c.opinion for c in back] == [c.opinion for c in comments]  # the text stays as written


def test_import_reports_the_submissions_and_list_shows_them(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("revtool.workspace.store")
    ws = workspace_with_soan(tmp_path)
    table = tmp_path / "kekka.tsv"
    table.write_text(_table(MINISTRY), encoding="utf-8")
    code, out, err = run(["-C", str(ws), "comments", "import", str(table)], capsys)
    assert code == 0, err
    assert "3 件を取り込みました" in out
    assert "表の 3 行は提出された意見 1,209 件にあたります" in out
    code, out, _ = run(["-C", str(ws), "comments", "list", "--format", "csv"], capsys)
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][-2:] == ["件数", "件数の根拠"]
    assert [r[-2] for r in rows[1:]] == ["1204", "1", "4"]
    code, out, _ = run(["-C", str(ws), "comments", "list"], capsys)
    assert code == 0 and "件数" in out and "1,204" in out


def test_an_ordinary_table_is_unchanged(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("revtool.workspace.store")
    ws = workspace_with_soan(tmp_path)
    table = tmp_path / "bessi1.tsv"
    table.write_text(_table([row[:3] + row[4:] for row in MINISTRY[:3]]), encoding="utf-8")
    assert run(["-C", str(ws), "comments", "import", str(table)], capsys)[0] == 0
    data = json.loads((ws / "comments" / "comments.json").read_text(encoding="utf-8"))
    assert all("submissions" not in c for c in data["comments"])
    code, out, _ = run(["-C", str(ws), "comments", "list", "--format", "csv"], capsys)
    assert list(csv.reader(io.StringIO(out)))[0][-1] == "同趣旨の根拠"
