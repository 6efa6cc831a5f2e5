"""Tables printed without rules as lines of text (cells between ideographic
spaces, set smaller than the body) read back as tables: on hand-made lines
for the assembly rules, and on small PDFs written by ``benchmarks.plan_pdf``
(no LibreOffice, no font file) for a table continued overleaf."""

from __future__ import annotations

from pathlib import Path

from benchmarks.plan_pdf import BODY_SIZE, LEFT, PAGE_W, TOP, Line as PdfLine, write_pdf
from revtool.extract.pdf import extract_pdf
from revtool.extract.pdf_lines import Line
from revtool.extract.pdf_text_tables import assemble, find_text_tables, grid, printed_lines
from revtool.model import Block, BlockKind

S = "\u3000"
SMALL = 9.0


def _lines(texts: list[str], size: float = SMALL, x1: dict[int, float] | None = None) -> list[Line]:
    out = []
    for i, t in enumerate(texts):
        right = (x1 or {}).get(i, LEFT + 0.7 * size * len(t))
        out.append(Line(t, LEFT, right, 100 + 15 * i, 100 + 15 * i + size, size, False))
    return out


def _texts(table: object) -> list[list[str]]:
    return [[c.text for c in r] for r in table.rows]  # type: ignore[attr-defined]


JIGYO = [
    S.join(["事業名", "区分", "実績（令和６年度）", "令和７年度", "令和８年度", "令和９年度", "令和10年度"]),
    "令和11年度",  # the header wrapped
    S.join(["利用者支援事業", "量の見込み（か所）", "3", "3", "3", "3", "3", "3"]),
    S.join(["確保方策（か所）", "3", "3", "3", "3", "3", "3"]),  # 事業名 merged over two rows
    S.join(["乳児家庭全戸訪問事業", "量の見込み（人）", "1,042", "1,011", "998", "982", "953"]),
    "940",  # the row wrapped after its label
    S.join(["確保方策（人）", "1,042", "1,020", "1,012", "1,002", "990", "967"]),
]


def test_a_wrapped_header_wrapped_rows_and_a_merged_first_cell() -> None:
    keep, tables = find_text_tables(_lines(JIGYO), BODY_SIZE)
    assert keep == [] and len(tables) == 1
    rows = _texts(tables[0])
    assert rows[0] == ["事業名", "区分", "実績（令和６年度）", "令和７年度", "令和８年度", "令和９年度", "令和10年度", "令和11年度"]
    assert rows[1] == ["利用者支援事業", "量の見込み（か所）", "3", "3", "3", "3", "3", "3"]
    assert rows[2][:2] == ["利用者支援事業", "確保方策（か所）"] and tables[0].rows[2][0].merged
    assert rows[3] == ["乳児家庭全戸訪問事業", "量の見込み（人）", "1,042", "1,011", "998", "982", "953", "940"]
    assert rows[4] == ["乳児家庭全戸訪問事業", "確保方策（人）", "1,042", "1,020", "1,012", "1,002", "990", "967"]


def test_labelled_lines_body_text_and_a_note_stay_text() -> None:
    """A label and its text (two cells) is no row; three cells at the body's
    size is a slogan, not a table; a ※ note under a table stays a note."""
    listed = [S.join(["基本目標１", "地域包括ケアシステムの深化・推進"]), S.join(["基本目標２", "介護予防の推進"])]
    keep, tables = find_text_tables(_lines(listed), BODY_SIZE)
    assert tables == [] and len(keep) == 2
    slogan = [S.join(["住み慣れた地域で", "ともに支え合い", "いきいきと暮らせるまち"])] * 2
    keep, tables = find_text_tables(_lines(slogan, size=BODY_SIZE), BODY_SIZE)
    assert tables == []
    rows = [S.join(["指標", "現状値", "目標値"]), S.join(["利用率", "53％", "63％"]), "※数値は各年度末"]
    keep, tables = find_text_tables(_lines(rows), BODY_SIZE)
    assert len(tables) == 1 and _texts(tables[0])[-1] == ["利用率", "53％", "63％"]
    assert [ln.text for ln in keep] == ["※数値は各年度末"]


def test_a_cell_cut_at_the_right_edge_goes_on() -> None:
    """A line cut by the width inside its last cell (no space at the break):
    the next line's first cell is the rest of it, digits joined as one number."""
    rows = [S.join(["事業名", "内容", "所管課"]),
            S.join(["いきいき事業", "職員を対象に支援する", "地域支えあい推進"]), "課",
            S.join(["指標名", "単位", "31.6", "5"]), "0.0"]
    lines = _lines(rows, x1={1: 480.0, 3: 480.0})
    got = assemble(printed_lines(lines[:3]))
    assert got[1] == ["いきいき事業", "職員を対象に支援する", "地域支えあい推進課"]
    got = assemble(printed_lines([lines[0], lines[3], lines[4]]))
    assert got[1][-1] == "50.0"


def test_a_row_one_cell_short_under_the_header_is_not_merged() -> None:
    """Only a data row lends its first cell; a first row one cell short has an
    empty corner (the header's top-left cell left blank)."""
    got = grid([["令和４年", "令和５年"], ["総人口（人）", "18,710", "18,420"], ["65歳以上（人）", "6,220", "6,300"]])
    assert [c.text for c in got[0]] == ["", "令和４年", "令和５年"]
    assert not any(c.merged for r in got for c in r)


def _pdf_page(rows: list[tuple[float, str]], number: int) -> list[PdfLine]:
    out = [PdfLine(LEFT, TOP - i * 15, size, text) for i, (size, text) in enumerate(rows)]
    out.append(PdfLine(PAGE_W / 2 - 15, 40, 9, f"- {number} -"))
    return out


def test_a_table_continued_overleaf_is_one_table(tmp_path: Path) -> None:
    """Page 1 ends with the header of a table (and the rest of its first row
    is cut by the break into a line of figures); page 2 carries on with rows.
    One table, its rows in order, printed over pages 1-2."""
    body = "本計画の成果指標を次のとおり定めます。"
    page1 = [(BODY_SIZE, body)] * 3 + [(SMALL, S.join(["指標", "現状値", "目標値"])),
                                       (SMALL, S.join(["公共交通の利用率", "53％", "63％"]))]
    page2 = [(SMALL, S.join(["住民記録の登録者数", "47人", "55人"])),
             (SMALL, S.join(["データ連携の利用率", "32％", "48％"])),
             (BODY_SIZE, "指標は毎年度の実績により点検します。")]
    path = tmp_path / "plan.pdf"
    write_pdf([_pdf_page(page1, 1), _pdf_page(page2, 2)], path)
    doc = extract_pdf(path, workers=1)
    blocks: list[Block] = [*doc.front, *(b for _, s in doc.walk() for b in s.blocks)]
    tables = [b for b in blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 1
    assert tables[0].table is not None
    assert [[c.text for c in r] for r in tables[0].table.rows] == [
        ["指標", "現状値", "目標値"], ["公共交通の利用率", "53％", "63％"],
        ["住民記録の登録者数", "47人", "55人"], ["データ連携の利用率", "32％", "48％"]]
    assert tables[0].pages is not None and tables[0].pages.as_list() == [1, 2]
    assert any(b.text == "指標は毎年度の実績により点検します。" for b in blocks)


def test_a_taikei_printed_by_its_lines_stays_text() -> None:
    """A 施策の体系 whose merged 基本目標 cell is printed once, its 施策 one a
    line: the cells left out cannot be placed, so no grid is made up
    (（２）… starts an item, never the rest of the cell above)."""
    rows = [S.join(["１", "すべての子どもの健やかな育ちを支える", "（１）妊娠期から子育て期までの切れ目のない支援"]),
            "（２）子どもの居場所づくり", "（３）放課後児童対策の充実", "（４）幼児期の教育・保育の充実",
            S.join(["２", "子育て家庭を地域全体で支える", "（１）子育て家庭への経済的支援"]),
            "（２）共働き・共育ての推進", "（３）地域の子育て支援ネットワークの充実"]
    keep, tables = find_text_tables(_lines(rows, x1={0: 466.0}), BODY_SIZE)
    assert tables == [] and [ln.text for ln in keep] == rows


def test_a_box_drawn_with_line_characters_is_no_heading_and_no_text(tmp_path: Path) -> None:
    """A コラム set in a box of ┌──┐ / └──┘ lines: the rules are decoration,
    and its caption, set larger than the body, is no section of the plan."""
    rule = "─" * 30
    page = [(16.0, "第１章　計画の概要"), (11.0, "（１）　体力の向上"), (BODY_SIZE, "体力の向上に取り組みます。"),
            (10.0, "┌" + rule + "┐"), (11.0, "コラム　部活動の地域展開とは"),
            (10.0, "休日の部活動を地域の団体に段階的に移行する取組です。"), (10.0, "└" + rule + "┘"),
            (11.0, "（２）　食育の推進"), (BODY_SIZE, "食育を進めます。")]
    path = tmp_path / "plan.pdf"
    write_pdf([_pdf_page(page, 1)], path)
    doc = extract_pdf(path, workers=1)
    headings = [p[-1] for p, _ in doc.walk()]
    assert not any("コラム" in h for h in headings) and any("食育の推進" in h for h in headings)
    texts = [b.text for _, s in doc.walk() for b in s.blocks]
    assert "コラム　部活動の地域展開とは" in texts and not any("┌" in t or "└" in t for t in texts)
