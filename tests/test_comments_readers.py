"""Comment-table readers: every format gives the same rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from revtool.comments import read_comment_table
from revtool.comments.table import Grid, RawRow, clean_cell, header_mapping, rows_from_grids
from revtool.errors import CommentTableError
from revtool.normalize import normalize_key
from tests.conftest import FIXTURES
from tests.fixtures.comments.make_fixtures import CHANNEL_ROWS, ROWS

HERE = FIXTURES / "comments"


def triples(rows: list[RawRow]) -> list[tuple[str, str, str]]:
    return [(r.ref, r.opinion, r.response) for r in rows]


@pytest.mark.parametrize("name", ["cp932.csv", "utf8bom.csv", "utf16.txt", "copied.tsv"])
def test_text_tables_in_every_encoding(name: str) -> None:
    rows = read_comment_table(HERE / name)
    assert triples(rows) == list(ROWS)
    assert [r.row for r in rows] == list(range(1, 7))


def test_copied_text_skips_titles_repeated_headers_and_other_tables() -> None:
    # copied.tsv ends with a 別紙2-like table (項目/案のページ/主な変更点): not comments
    rows = read_comment_table(HERE / "copied.tsv")
    assert len(rows) == 6
    assert all("変更点" not in r.opinion for r in rows)


def test_xlsx_merged_cells_formulas_hidden_sheet_and_sheet_choice() -> None:
    rows = read_comment_table(HERE / "merged.xlsx")
    expected = list(ROWS[:2]) + [("P.18", "ナカペイの加盟店を増やしてほしい。", "加盟店の拡大に努めます。")] + list(ROWS[2:])
    assert triples(rows) == expected  # merged A5:A6 fills both rows; C8 is a formula
    assert all("隠し" not in r.opinion for r in rows)


def test_xlsx_data_row_with_column_words_is_not_a_header() -> None:
    # row 3: 区分 「区民意見交換会」 contains 意見 and 該当箇所 「第３章 基本方針１ 目標指標」
    # contains 方針; taken for a header, it remapped the rows below (該当箇所 empty,
    # 考え方 = the 該当箇所) and lost itself
    rows = read_comment_table(HERE / "channels.xlsx")
    assert [(r.number, r.ref, r.opinion, r.response) for r in rows] == [(n, ref, o, a) for n, _, ref, o, a, _ in CHANNEL_ROWS]
    # 区分 names the channel; the answer's category is 対応区分
    assert [r.category for r in rows] == [c for *_, c in CHANNEL_ROWS]
    assert header_mapping(("3", "区民意見交換会", "第３章 基本方針１ 目標指標", "ご意見", "考え方", "反映")) is None
    assert header_mapping(("区民意見交換会", "第３章 基本方針１ 目標指標", "目標値を上げてほしい。")) is None
    # a header's own note may be a sentence: 「（…要約しています。）」 「※…。」
    assert header_mapping(("該当箇所", "ご意見の概要", "区の考え方", "（趣旨を損なわない範囲で要約しています。）")) is not None
    assert header_mapping(("該当箇所", "意見の概要※一部要約しています。", "区の考え方")) is not None


def test_answer_category_column_wins_over_a_bare_kubun() -> None:
    from revtool.comments.table import CATEGORY

    assert header_mapping(("番号", "区分", "該当箇所", "意見の概要", "市の考え方", "反映状況"))[CATEGORY] == 5  # type: ignore[index]
    assert header_mapping(("対応区分", "該当箇所", "意見の概要", "市の考え方", "区分"))[CATEGORY] == 0  # type: ignore[index]
    assert header_mapping(("区分", "該当箇所", "意見の概要", "市の考え方"))[CATEGORY] == 0  # type: ignore[index]


def test_docx_repeated_header_and_vertical_merge() -> None:
    rows = read_comment_table(HERE / "repeated-header.docx")
    assert triples(rows)[:6] == list(ROWS)
    assert triples(rows)[6] == ("基本目標2 1-3", "窓口を増やしてほしい。", "窓口の体制については、\n今後研究していきます。")


def test_pdf_rows_continuing_on_the_next_page() -> None:
    pdf = read_comment_table(HERE / "split.pdf")
    docx = read_comment_table(HERE / "split.docx")
    assert len(pdf) == len(docx) == 8
    for a, b in zip(pdf, docx):
        assert a.ref == b.ref
        assert a.opinion == b.opinion
        # a paragraph that ends exactly at the line end cannot be told from a wrap
        assert normalize_key(a.response).replace("\n", "") == normalize_key(b.response).replace("\n", "")


def test_no_header_lists_what_was_seen() -> None:
    with pytest.raises(CommentTableError) as exc:
        read_comment_table(HERE / "noheader.csv")
    assert "noheader.csv" in exc.value.message
    assert "番号｜内容｜備考" in exc.value.message


def test_password_protected_xlsx() -> None:
    with pytest.raises(CommentTableError) as exc:
        read_comment_table(HERE / "password.xlsx")
    assert "password.xlsx" in exc.value.message and "パスワード" in exc.value.message


def test_unknown_encoding() -> None:
    with pytest.raises(CommentTableError) as exc:
        read_comment_table(HERE / "unknown-encoding.csv")
    assert "unknown-encoding.csv" in exc.value.message and "文字コード" in exc.value.message


def _roles(row: tuple[str, ...]) -> dict[str, int] | None:
    mapping = header_mapping(row)
    return None if mapping is None else {k: v for k, v in mapping.items() if k in ("ref", "opinion", "response")}


def test_header_synonyms() -> None:
    assert _roles(("No.", "該当ページ", "意見の要旨", "意見に対する市の考え方")) == {
        "ref": 1, "opinion": 2, "response": 3,
    }
    assert _roles(("項目", "ご意見", "対応")) == {"ref": 0, "opinion": 1, "response": 2}
    assert _roles(("素案の該当箇所", "意見の概要", "区の見解")) == {"ref": 0, "opinion": 1, "response": 2}
    assert _roles(("該当頁", "質問・意見", "回答")) == {"ref": 0, "opinion": 1, "response": 2}
    assert header_mapping(("項目", "案のページ", "主な変更点 ※文言整理等の一部修正は除く")) is None
    # a data row with short cells is not a header
    assert header_mapping(("P.20", "意見3。デジタル地域通貨の利用", "回答3の一段落目。")) is None


def test_cell_text_kept_as_written_but_markup_becomes_lines() -> None:
    assert clean_cell("<p>一段落目。</p> <p>二段落目。</p>") == "一段落目。\n二段落目。"
    assert clean_cell("盛り込んほしい") == "盛り込んほしい"
    assert clean_cell("a<br>b\r\nc") == "a\nb\nc"


def test_grid_without_header_continues_previous_columns() -> None:
    header = ("該当箇所", "意見", "考え方")
    grids = [
        Grid((header, ("P.1", "意見A。", "回答A。"))),
        Grid((("P.2", "意見B。", "回答B。"),)),  # the table went on after a page break
    ]
    rows = rows_from_grids(grids, "x.docx")
    assert [(r.row, r.ref) for r in rows] == [(1, "P.1"), (2, "P.2")]


def test_ids_beyond_99() -> None:
    from revtool.comments import comment_id

    assert [comment_id(n) for n in (1, 9, 10, 99, 100)] == ["C01", "C09", "C10", "C99", "C100"]


# ---------------------------------------------------------------- nakano

FILES = ("bessi1.tsv", "bessi1-cp932.csv", "bessi1.xlsx", "bessi1.docx", "bessi1.pdf")


def test_nakano_five_formats_give_identical_lists(nakano: Path) -> None:
    lists = {name: triples(read_comment_table(nakano / "comments" / name)) for name in FILES}
    reference = lists["bessi1.tsv"]
    assert len(reference) == 21
    for name, rows in lists.items():
        assert rows == reference, name


def test_nakano_refs_match_expected(nakano: Path) -> None:
    expected = json.loads((nakano / "expected" / "changes.json").read_text(encoding="utf-8"))["comments"]
    rows = read_comment_table(nakano / "comments" / "bessi1.xlsx")
    assert [r.ref for r in rows] == [c["ref"] for c in expected]
    # typos are kept
    assert "盛り込んほしい" in rows[17].opinion and "とののか" in rows[20].opinion


COPIED = """意見一覧

No.\t該当箇所\t意見の概要\t対応区分\t市の考え方
1\tP.3\t計画の目標値が低すぎるので見直してほしい。\tA 反映\t目標値を修正します。
2\t\t同じ箇所への意見で、指標の根拠を示してほしい。\t参考\t今後の参考とさせていただきます。
根拠の示し方は引き続き検討します。
3\tP.5\t別の箇所についての意見で、表現がわかりにくい。\t既記載\t第2章に記載しています。

項目\t案のページ\t主な変更点
第2章\tP.12\t国の動向を更新しました。
"""


def test_copied_text_rules() -> None:
    from revtool.comments.readers import text_grids

    rows = rows_from_grids(text_grids(COPIED, comma=False), "copied.txt")
    assert [(r.row, r.ref, r.category) for r in rows] == [(1, "P.3", "A 反映"), (2, "P.3", "参考"), (3, "P.5", "既記載")]
    assert rows[1].note  # the empty 該当箇所 was taken from the row above
    assert rows[1].response == "今後の参考とさせていただきます。\n根拠の示し方は引き続き検討します。"
    # the 別紙2-like table after it ends the comment table
    assert all("国の動向" not in r.opinion for r in rows)


def test_whole_seed_report_as_copied_text(nakano: Path) -> None:
    seed = nakano.parents[1] / "seed" / "000_cc187175f2a826db.txt"
    if not seed.exists():
        pytest.skip("seed report not available")
    rows = read_comment_table(seed)
    reference = triples(read_comment_table(nakano / "comments" / "bessi1.tsv"))
    assert triples(rows) == reference


@pytest.mark.parametrize("encoding", ["euc-jp", "iso2022_jp", "utf-16-le", "utf-16-be", "cp932", "utf-8"])
def test_encodings_without_bom_are_detected(tmp_path: Path, encoding: str) -> None:
    text = "該当箇所,意見の概要,市の考え方\r\nP.1,表現がわかりにくい。,表現を修正します。\r\n"
    path = tmp_path / f"table-{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    assert triples(read_comment_table(path)) == [("P.1", "表現がわかりにくい。", "表現を修正します。")]


def test_pdf_without_a_ruled_table() -> None:
    with pytest.raises(CommentTableError) as exc:
        read_comment_table(HERE / "notable.pdf")
    assert "notable.pdf" in exc.value.message and "表が見つかりません" in exc.value.message


def test_docx_rows_in_content_controls_and_tracked_deletions(tmp_path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement, parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for cell, text in zip(t.rows[0].cells, ("該当箇所", "主な意見", "区の考え方")):
        cell.text = text
    for cell, text in zip(t.rows[1].cells, ("P.3", "表現がわかりにくい。", "表現を修正する。")):
        cell.text = text
    for cell, text in zip(t.rows[2].cells, ("P.4", "図を入れてほしい。", "図を")):
        cell.text = text
    # a deleted run and an inserted run in the last answer
    p = t.rows[2].cells[2].paragraphs[0]._p
    p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>削除</w:delText></w:r></w:del>'))
    p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="a"><w:r><w:t>追加する。</w:t></w:r></w:ins>'))
    # the second data row wrapped in a content control
    tr = t.rows[2]._tr
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    tr.addprevious(sdt)
    sdt.append(content)
    content.append(tr)
    path = tmp_path / "sdt.docx"
    d.save(path)
    assert triples(read_comment_table(path)) == [
        ("P.3", "表現がわかりにくい。", "表現を修正する。"),
        ("P.4", "図を入れてほしい。", "図を追加する。"),
    ]


def test_page_and_item_columns_are_joined() -> None:
    header = ("No.", "ページ", "項目", "意見の要旨", "市の考え方")
    grid = Grid((header, ("1", "12", "計画の背景", "国の動向を書いてほしい。", "追記します。"),
                 ("2", "", "全体", "わかりやすくしてほしい。", "今後の参考とします。")))
    rows = rows_from_grids([grid], "x.xlsx")
    assert [r.ref for r in rows] == ["P.12 計画の背景", "全体"]


def test_markdown_pipe_table(tmp_path: Path) -> None:
    path = tmp_path / "bessi1.md"
    path.write_text(
        "# 素案に対する意見\n\n| 該当箇所 | 意見の概要 | 市の考え方 |\n|---|---|---|\n"
        "| P.3 | 表現がわかりにくい。 | 表現を修正します。<br>用語集にも追記します。 |\n"
        "| P.4 | 図がほしい。 | 今後の参考とします。 |\n",
        encoding="utf-8",
    )
    assert triples(read_comment_table(path)) == [
        ("P.3", "表現がわかりにくい。", "表現を修正します。\n用語集にも追記します。"),
        ("P.4", "図がほしい。", "今後の参考とします。"),
    ]
