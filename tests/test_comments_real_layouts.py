"""Result tables in the layouts real 「意見募集の結果」 publish (national e-Gov result
notices and cities' 「ご意見に対する市の考え方」), each hand-made small in its file
format: the columns found by what they mean, a ※note or a 「計 N 件」 total row
skipped, a heading row across the table giving the rows below their place, the
count of 同旨 submissions kept, and a clear error when the opinion or the answer
column is missing."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from revtool.comments import import_comments, read_comment_table
from revtool.comments.submissions import submissions_from_opinion
from revtool.comments.table import COUNT, NUMBER, OPINION, REF, RESPONSE, column_role, header_mapping
from revtool.errors import CommentTableError
from revtool.model import Block, BlockKind, Document, PageSpan, Section


def _plan() -> Document:
    def sec(num: str, title: str, page: int) -> Section:
        return Section(f"{num}　{title}", num, title, 1, blocks=(Block(BlockKind.PARAGRAPH, f"{title}を示します。"),),
                       pages=PageSpan(page, page + 3))
    return Document(sections=(sec("第1章", "計画の基本的事項", 1), sec("第2章", "現状と課題", 5),
                              sec("第3章", "施策の展開", 9)))


@pytest.mark.parametrize(("name", "role"), [
    ("提出意見", OPINION), ("提出意見を考慮した結果及びその理由", RESPONSE),  # 行政手続法 43条の公示
    ("お寄せいただいた意見", OPINION), ("市の検討結果と理由", RESPONSE),
    ("素案に対するご意見", OPINION), ("ご意見に対する市の考え方", RESPONSE),
    ("御意見の概要", OPINION), ("御意見に対する考え方", RESPONSE), ("府省の考え方", RESPONSE),
    ("人数", COUNT), ("提出者数", COUNT), ("同趣旨の意見数", COUNT), ("御意見数", COUNT), ("件数", COUNT),
    ("意見の概要（要約しています。）", OPINION),  # a note in parentheses, with its own 。
    ("提出意見を考慮した結果（意見公募手続を実施した命令等の案と定めた命令等との差異を含む。）及びその理由", RESPONSE),
    ("通し番号", NUMBER), ("項目番号", NUMBER), ("No.", NUMBER), ("該当ページ", REF), ("章", REF),
])
def test_column_names_of_real_result_tables(name: str, role: str) -> None:
    assert column_role(name) == role


def test_what_stays_no_column() -> None:
    assert column_role("素案の修正") is None  # 「なし」「あり」: not read as the answer
    assert column_role("意見募集の結果について、提出された意見を考慮した結果") is None  # a sentence
    assert header_mapping(("提出意見", "提出意見を考慮した結果及びその理由"))  # the statutory pair alone is a table


def test_national_result_xlsx_numbered_with_headings_notes_counts_and_a_merged_answer(tmp_path: Path) -> None:
    """e-Gov 結果公示の別紙: title, a ※note, 通し番号「1-1」, a 件数 column, 「第２章関係」 rows
    across the table, one answer merged over two rows, a 「計」 total at the end."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "別紙"
    rows = [
        ("「〇〇基本計画（案）」に関する意見募集の結果について", None, None, None),
        ("※いただいた御意見は、適宜要約しております。", None, None, None),
        ("通し番号", "御意見の概要", "件数", "御意見に対する考え方"),
        ("第２章関係", None, None, None),
        ("2-1", "現状の数値を最新のものに更新すべき。", "3", "御指摘を踏まえ、最新の統計に更新しました。"),
        ("2-2", "課題の整理に地域差の視点を加えるべき。", "1", "地域差の視点は第３章に記載しております。"),
        ("2-3", "課題の記述が抽象的である。", "2", None),
        ("第３章関係", None, None, None),
        ("3-1", "施策の展開に賛成する。（他同趣旨 5件）", "", "本計画に基づき着実に取り組んでまいります。"),
        ("計 12 件", None, None, None),
    ]
    for r in rows:
        ws.append(r)
    for n in (1, 2, 4, 8, 10):
        ws.merge_cells(f"A{n}:D{n}")
    ws.merge_cells("D6:D7")  # one answer for two opinions
    path = tmp_path / "kekka.xlsx"
    wb.save(path)

    got = read_comment_table(path)
    assert [r.number for r in got] == ["2-1", "2-2", "2-3", "3-1"]  # no note, heading or total among them
    assert [r.group for r in got] == ["第２章関係"] * 3 + ["第３章関係"]
    assert got[2].response == got[1].response == "地域差の視点は第３章に記載しております。"
    comments = import_comments(got, _plan())
    assert [c.submissions for c in comments] == [3, 1, 2, 6]
    assert "件数の列「3」" in comments[0].submissions_evidence
    assert "（他同趣旨 5件）" in comments[3].submissions_evidence
    assert [c.resolved_section_paths for c in comments] == [(("第2章　現状と課題",),)] * 3 + [(("第3章　施策の展開",),)]


def test_city_result_csv_with_page_column_and_a_total_row(tmp_path: Path) -> None:
    """番号｜ページ｜素案に対するご意見｜ご意見に対する市の考え方｜素案の修正, then 「計 3 件」."""
    path = tmp_path / "kekka.csv"
    path.write_text(
        "番号,ページ,素案に対するご意見,ご意見に対する市の考え方,素案の修正\n"
        "1,5,高齢化率の推計の出典を示してはどうでしょうか。,出典を追記します。,あり\n"
        "2,9,施策の体系に文化財の整備を追加してはどうでしょうか。,施策の方針に含めており、趣旨に差異がないと考えています。,なし\n"
        "3,10,見守りの担い手を増やしてほしい。,今後の参考とさせていただきます。,なし\n"
        "計 3 件,,,,\n", encoding="utf-8")
    got = read_comment_table(path)
    assert [(r.number, r.ref) for r in got] == [("1", "5"), ("2", "9"), ("3", "10")]
    assert got[1].response.startswith("施策の方針に含めており")


def test_people_count_column_and_a_chapter_column(tmp_path: Path) -> None:
    """NO｜区｜章｜意見の概要｜人数｜市の考え方: the 人数 is how many sent the opinion."""
    path = tmp_path / "kekka.csv"
    path.write_text(
        "NO,区,章,意見の概要,人数,市の考え方\n"
        "1,中央,2,現状の数値を更新してください。,4,更新します。\n"
        "2,中央,3,見守り体制を強化してください。,1,御意見として承ります。\n", encoding="utf-8")
    comments = import_comments(read_comment_table(path), _plan())
    assert [c.submissions for c in comments] == [4, 1]


def test_statutory_docx_without_a_place_column(tmp_path: Path) -> None:
    """提出意見｜提出意見を考慮した結果及びその理由 only (行政手続法 43条): the place is in the
    opinion (「P.9」) or in a heading row merged across; a ※note row merged across is skipped."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("提出意見及び提出意見を考慮した結果")
    table = doc.add_table(rows=0, cols=2)
    for texts in (("提出意見", "提出意見を考慮した結果及びその理由"),
                  ("※提出意見は、趣旨を損なわない範囲で要約しています。", ""),
                  ("第２章について", ""),
                  ("課題に担い手不足を加えるべきである。\n同趣旨 他12件", "御意見を踏まえ、担い手不足を追記しました。"),
                  ("P.9 施策の展開について、見守りの記述を充実すべき。", "原案のとおりとします。")):
        cells = table.add_row().cells
        if not texts[1] and texts[0] != "提出意見":
            cells[0].merge(cells[1])
        cells[0].text = texts[0]
        if texts[1]:
            cells[1].text = texts[1]
    path = tmp_path / "kekka.docx"
    doc.save(str(path))
    got = read_comment_table(path)
    assert [r.opinion.splitlines()[0] for r in got] == ["課題に担い手不足を加えるべきである。",
                                                       "P.9 施策の展開について、見守りの記述を充実すべき。"]
    comments = import_comments(got, _plan())
    assert comments[0].submissions == 13 and "同趣旨 他12件" in comments[0].submissions_evidence
    assert comments[0].resolved_section_paths == (("第2章　現状と課題",),)
    assert comments[1].resolved_section_paths == (("第3章　施策の展開",),)  # its own P.9, not the heading above


@pytest.mark.parametrize(("opinion", "count"), [
    ("賛成する。（他同趣旨 5件）", 6), ("賛成する。（同旨 他12件）", 13), ("賛成する。\n同趣旨 他12件", 13),
    ("賛成する。\n同旨の御意見 13件", 13), ("賛成する。（計40件）", 40),
])
def test_count_marks(opinion: str, count: int) -> None:
    got = submissions_from_opinion(opinion)
    assert got is not None and got[0] == count


def test_counts_that_are_the_opinions_own_content() -> None:
    assert submissions_from_opinion("約3,000件の事業所が対象となる。\n13件") is None  # no 同旨/他 word
    assert submissions_from_opinion("他12件の事例も参考にすべき。") is None  # inside the sentence


def test_an_opinion_starting_with_a_note_mark_stays_a_comment(tmp_path: Path) -> None:
    path = tmp_path / "kekka.csv"
    path.write_text("番号,御意見の概要,御意見に対する考え方\n1,※第２章の図表の出典を示すべき。,\n", encoding="utf-8")
    assert [r.opinion for r in read_comment_table(path)] == ["※第２章の図表の出典を示すべき。"]


@pytest.mark.parametrize(("header", "missing"), [
    ("番号,御意見の概要,備考", "考え方（回答）の列が見つかりません"),
    ("番号,該当箇所,市の考え方", "意見の列が見つかりません"),
])
def test_a_table_without_its_opinion_or_answer_column_names_what_is_missing(
        tmp_path: Path, header: str, missing: str) -> None:
    path = tmp_path / "kekka.csv"
    path.write_text(header + "\n1,P.3,賛成です。\n", encoding="utf-8")
    with pytest.raises(CommentTableError) as err:
        read_comment_table(path)
    assert "kekka.csv" in str(err.value) and missing in str(err.value) and "1行目" in str(err.value)


def test_cli_refuses_a_table_without_an_answer_column_and_writes_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("revtool.workspace.store")
    from tests.workspace_helpers import run, workspace_with_soan

    workspace = workspace_with_soan(tmp_path / "ws")
    table = tmp_path / "kekka.csv"
    table.write_text("番号,御意見の概要,備考\n1,賛成です。,\n", encoding="utf-8")
    code, _, err = run(["-C", str(workspace), "comments", "import", str(table)], capsys)
    assert code == 1 and "Traceback" not in err
    assert "kekka.csv" in err and "考え方（回答）の列が見つかりません" in err
    assert not (workspace / "comments" / "comments.json").exists()
    assert not (workspace / "comments" / "kekka.csv").exists()


PDF_COLUMNS = (("No.", 40), ("御意見の概要", 300), ("件数", 40), ("御意見に対する考え方", 300))


def _ruled_pdf(pages_rows: list[list[list[str]]], path: Path) -> None:
    """A ruled result table, one list of rows a page; a one-cell row is ruled across the table."""
    from benchmarks.plan_pdf import text_op, write_page_ops

    x0, size, height = 30.0, 9.0, 18.0
    total = sum(w for _, w in PDF_COLUMNS)

    def rule(x1: float, y1: float, x2: float, y2: float) -> str:
        return f"0.6 w {x1:.1f} {y1:.1f} m {x2:.1f} {y2:.1f} l S"

    pages: list[list[str]] = []
    for rows in pages_rows:
        y = 540.0
        ops = [rule(x0, y, x0 + total, y)]
        for cells in rows:
            edges = [x0, x0 + total] if len(cells) == 1 else [x0 + sum(w for _, w in PDF_COLUMNS[:i]) for i in range(5)]
            ops += [text_op(x + 3, y - 3 - size, size, c) for x, c in zip(edges, cells) if c]
            ops += [rule(x, y, x, y - height) for x in edges] + [rule(x0, y - height, x0 + total, y - height)]
            y -= height
        pages.append([*ops, text_op(411, 30, 9, f"- {len(pages) + 1} -")])
    write_page_ops(pages, path, 842, 595)


def test_ruled_pdf_with_the_header_on_every_page_and_a_heading_at_a_page_top(tmp_path: Path) -> None:
    """The heading row 「第３章関係」 right under page 2's repeated header is a heading,
    not the rest of the last row of page 1; the ※note and the 「計」 row are no comments."""
    pytest.importorskip("pdfplumber")
    header = [c for c, _ in PDF_COLUMNS]
    path = tmp_path / "kekka.pdf"
    _ruled_pdf([[header, ["※御意見は適宜要約しています。"], ["第２章関係"],
                 ["1-1", "現状の数値を更新すべき。", "3", "最新の統計に更新しました。"],
                 ["1-2", "課題に地域差の視点を加えるべき。", "1", "第３章に記載しております。"]],
                [header, ["第３章関係"], ["2-1", "施策の展開に賛成する。", "4", "着実に取り組んでまいります。"],
                 ["計 8 件"]]], path)
    got = read_comment_table(path)
    assert [(r.number, r.group, r.count) for r in got] == [
        ("1-1", "第２章関係", "3"), ("1-2", "第２章関係", "1"), ("2-1", "第３章関係", "4")]
    comments = import_comments(got, _plan())
    assert [c.submissions for c in comments] == [3, 1, 4]
    assert comments[2].resolved_section_paths == (("第3章　施策の展開",),)
