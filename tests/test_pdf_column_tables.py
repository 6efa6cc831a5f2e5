"""Tables printed without rules and without ideographic spaces, each cell at
its column's x position, read back as tables (``pdf_column_tables``); two-column
lists, a 目次, running text and ※ notes stay text.  Small PDFs written by
``benchmarks.plan_pdf`` (no LibreOffice, no font file): one ``Td`` per cell."""

from __future__ import annotations

import pickle
from pathlib import Path

from benchmarks.plan_pdf import BODY_SIZE, LEFT, PAGE_W, TOP, Line as PdfLine, write_pdf
from revtool.extract.pdf import extract_pdf
from revtool.extract.pdf_column_tables import find_column_tables, packed_cells
from revtool.extract.pdf_lines import Line, make_line
from revtool.extract.pdf_read import Glyph
from revtool.model import Block, BlockKind

SMALL = 8.0
COLUMNS = (LEFT, LEFT + 168, LEFT + 200, LEFT + 312, LEFT + 384)
"""指標名 | 区分 | 現状値（年度） | 目標値（令和11年度） | 出典: 区分 and 現状値 stand
two ems apart (one printed line, two runs), the others more than three."""


def _row(y: float, cells: list[str], size: float = SMALL, columns: tuple[float, ...] = COLUMNS) -> list[PdfLine]:
    return [PdfLine(x, y, size, t) for x, t in zip(columns, cells) if t]


def _blocks(tmp_path: Path, lines: list[PdfLine]) -> list[Block]:
    path = tmp_path / "plan.pdf"
    write_pdf([[*lines, PdfLine(PAGE_W / 2 - 15, 40, 9, "- 1 -")]], path)
    doc = extract_pdf(path, workers=1)
    return [*doc.front, *(b for _, s in doc.walk() for b in s.blocks)]


BODY = "本計画の数値目標を次のとおり定め、毎年度その達成状況を点検します。"


def test_cells_at_their_columns_make_a_table(tmp_path: Path) -> None:
    """A header whose 目標値 cell wraps, two rows of five cells, a ※ note and
    body text after it: one table, the note and the text stay text."""
    y = TOP
    lines = [PdfLine(LEFT, y, BODY_SIZE, BODY)]
    lines += _row(y - 18, ["指標名", "区分", "現状値（年度）", "目標値（令和11", "出典"])
    lines += _row(y - 32, ["", "", "", "年度）", ""])
    lines += _row(y - 46, ["がん検診受診率（胃がん）", "P", "41.2％（令和４年度）", "50％", "国民生活基礎調査"])
    lines += _row(y - 60, ["精密検査受診率", "P", "80.1％（令和４年度）", "90％", "地域保健・健康増進事業報告"])
    lines += [PdfLine(LEFT, y - 76, BODY_SIZE, "※　区分　Ｓ：ストラクチャー指標、Ｐ：プロセス指標"),
              PdfLine(LEFT, y - 94, BODY_SIZE, BODY)]
    blocks = _blocks(tmp_path, lines)
    tables = [b for b in blocks if b.kind == BlockKind.TABLE]
    assert len(tables) == 1 and tables[0].table is not None
    assert [[c.text for c in r] for r in tables[0].table.rows] == [
        ["指標名", "区分", "現状値（年度）", "目標値（令和11年度）", "出典"],
        ["がん検診受診率（胃がん）", "P", "41.2％（令和４年度）", "50％", "国民生活基礎調査"],
        ["精密検査受診率", "P", "80.1％（令和４年度）", "90％", "地域保健・健康増進事業報告"]]
    texts = [b.text for b in blocks if b.kind != BlockKind.TABLE]
    assert any(t.startswith("※") for t in texts) and texts.count(BODY) == 2


def test_a_cell_an_em_from_the_next_is_cut_at_its_ideographic_space(tmp_path: Path) -> None:
    """A 指標名 long enough to come within an em of the 区分 cell is printed
    with an ideographic space before it: the two are cut again by the columns."""
    long_name = "へき地医療拠点病院からの巡回診療実施回数"  # 20 characters: ends an em before 区分
    columns = (LEFT, LEFT + 21 * SMALL, LEFT + 21 * SMALL + 32, LEFT + 21 * SMALL + 144, LEFT + 21 * SMALL + 216)
    lines = _row(TOP, ["指標名", "区分", "現状値（年度）", "目標値", "出典"], columns=columns)
    lines += _row(TOP - 14, [long_name, "P", "186回（令和４年度）", "220回", "へき地医療現況調査"], columns=columns)
    lines += _row(TOP - 28, ["医師数", "S", "12人（令和４年度）", "15人", "県調べ"], columns=columns)
    tables = [b for b in _blocks(tmp_path, lines) if b.kind == BlockKind.TABLE]
    assert len(tables) == 1 and tables[0].table is not None
    assert [c.text for c in tables[0].table.rows[1]] == [long_name, "P", "186回（令和４年度）", "220回", "へき地医療現況調査"]


def test_lists_a_toc_and_running_text_stay_text(tmp_path: Path) -> None:
    """A two-column list (用語 / 解説), a 目次 with its page numbers, and body
    text at the body's size: no table."""
    y = TOP
    lines: list[PdfLine] = []
    for k, (term, text) in enumerate([("ＩＣＴ", "情報通信技術"), ("ＤＭＡＴ", "災害派遣医療チーム"), ("ＮＤＢ", "レセプト情報")]):
        lines += _row(y - 14 * k, [term, "", "", text, ""], size=BODY_SIZE)
    y -= 60
    for k, (title, page) in enumerate([("第１章\u3000計画の基本的事項", "1"), ("第２章\u3000地域の現状", "5"), ("第３章\u3000基準病床数", "9")]):
        lines.append(PdfLine(LEFT, y - 16 * k, BODY_SIZE, title + "・・・・・・・・・・・・・・・・・・・・"))
        lines.append(PdfLine(LEFT + 400, y - 16 * k, BODY_SIZE, page))
    y -= 60
    lines += [PdfLine(LEFT, y - 16 * k, BODY_SIZE, BODY) for k in range(3)]
    blocks = _blocks(tmp_path, lines)
    assert not [b for b in blocks if b.kind == BlockKind.TABLE]
    assert sum(1 for b in blocks if BODY in b.text) >= 1


def _glyphs(x: float, text: str, size: float = SMALL) -> list[Glyph]:
    return [Glyph(ch, x + k * size, x + (k + 1) * size, 100.0, 100.0 + size, size, False) for k, ch in enumerate(text)]


def test_wide_gaps_are_kept_as_runs_and_misaligned_rows_end_or_undo_the_table() -> None:
    """``Line.runs``: the pieces a wide gap (1.5-3 ems) cuts, with their left
    edges; a row whose cells start off the header's columns is no row of it,
    and right below the table it leaves the whole run text."""
    ln = make_line([*_glyphs(238, "区分"), *_glyphs(270, "現状値（年度）")])
    assert ln.text == "区分 現状値（年度）" and ln.runs == ((238.0, "区分"), (270.0, "現状値（年度）"))
    assert make_line(_glyphs(70, "指標名")).runs == ()

    def at(top: float, x: float, text: str) -> Line:
        g = _glyphs(x, text)
        return make_line([x._replace(top=top, bottom=top + SMALL) for x in g])

    head = [at(100, 70, "指標名"), at(100, 238, "区分"), at(100, 382, "目標値")]
    row = [at(114, 70, "医師数"), at(114, 238, "S"), at(114, 382, "15人")]
    apart = [at(170, 90, "医師数"), at(170, 300, "S"), at(170, 420, "15人")]
    keep, tables = find_column_tables([*head, *row, *apart], BODY_SIZE)
    assert len(tables) == 1 and len(tables[0].rows) == 2 and keep == apart
    # the same grid going on below at a row's distance in other columns: a table not read, left as text
    below = [at(128, 90, "医師数"), at(128, 300, "S"), at(128, 420, "15人")]
    keep, tables = find_column_tables([*head, *row, *below], BODY_SIZE)
    assert tables == [] and keep == [*head, *row, *below]


PACKED = Path(__file__).parent / "fixtures" / "pdf" / "packed-tables.pdf"
"""``tests/fixtures/pdf/make_packed_tables.py``: two 事業一覧 whose full cells
touch the next (6 pt apart, no space), a page of running text under a line
of words spaced by ideographic spaces."""
JIGYO_HEADER = ["事業名", "事業内容", "担当課", "実績（令和5年度）", "見込み（令和8年度）"]


def _tables_and_texts(path: Path) -> tuple[list[tuple[str, list[list[str]]]], list[tuple[str, str]]]:
    doc = extract_pdf(path, workers=1)
    tables: list[tuple[str, list[list[str]]]] = []
    texts: list[tuple[str, str]] = []
    for _, s in doc.walk():
        for b in s.blocks:
            if b.kind == BlockKind.TABLE and b.table is not None:
                tables.append((s.heading, [[c.text for c in r] for r in b.table.rows]))
            else:
                texts.append((s.heading, b.text))
    return tables, texts


def test_cells_that_touch_are_cut_at_the_header_columns() -> None:
    """A 事業名 or 事業内容 filled to its column's width stands 6 pt from the
    next cell with no space in the text (``…見守りを行います。福祉課``): the
    row is cut where the header's cells start, wrapped cells join their row
    (told by the row pitch), and a table of one row is read too."""
    tables, texts = _tables_and_texts(PACKED)
    assert tables == [
        ("（１）地域の見守り体制", [
            JIGYO_HEADER,
            ["見守りネットワーク事業", "民生委員や事業者と連携し、一人暮らし高齢者の見守りを行います。", "福祉課", "１２０件", "１５０件"],
            ["緊急通報装置設置事業", "一人暮らし高齢者の自宅に緊急通報装置を設置し、急病に備えます。", "高齢支援課", "３５台", "４０台"],
            ["配食見守り事業", "配食の際に安否を確認し、異変があれば家族に連絡します。", "高齢支援課", "２,４００食", "２,６００食"]]),
        ("（１）地域の見守り体制", [
            JIGYO_HEADER,
            ["生活支援コーディネーター配置事業", "地域の支え合い活動を広げるため、コーディネーターを配置します。", "高齢支援課", "３人", "４人"]]),
    ]
    body = "地域で支え合う体制を整え、高齢者が安心して暮らせるよう次の事業に取り組みます。"
    assert [t for h, t in texts if h == "（１）地域の見守り体制"].count(body) == 3


def test_running_text_under_a_spaced_line_stays_text() -> None:
    """Running text set at the margin and size of a line of words spaced by
    ideographic spaces has characters at every word's x, but touching the
    one before: no cut falls in a cell's padding, so no table."""
    tables, texts = _tables_and_texts(PACKED)
    assert all(h != "（２）見守りの担い手" for h, _ in tables)
    second = "".join(t for h, t in texts if h == "（２）見守りの担い手")
    assert "見守り活動の担い手は年々減少しており、地域の支え合いを広げるための取組が求められています。" in second


def test_line_xs_and_cuts_between_glyphs() -> None:
    """``Line.xs``: each character's left edge (a space put in: the glyph
    before's right edge), kept through a pickle (the worker pool) and left
    out of equality as ``runs`` is; a row is cut at a column only where a
    glyph starts there with padding before it."""
    ln = make_line([*_glyphs(70, "支援"), *_glyphs(92, "福祉課"), *_glyphs(126, "１件")])
    assert ln.text == "支援福祉課\u3000１件" and ln.xs == (70.0, 78.0, 92.0, 100.0, 108.0, 116.0, 126.0, 134.0)
    again = pickle.loads(pickle.dumps(ln))
    assert (again.xs, again.runs, again) == (ln.xs, ln.runs, ln) and Line(*ln) == ln and Line(*ln).xs == ()
    assert packed_cells([ln], [70.0, 92.0, 126.0], SMALL) == ({0: "支援", 1: "福祉課", 2: "１件"}, 1)
    assert packed_cells([ln], [70.0, 96.0, 126.0], SMALL) is None  # 96: inside 福
    assert packed_cells([ln], [70.0, 86.0, 126.0], SMALL) is None  # 福 starts 6 pt off 86
    touching = make_line([*_glyphs(70, "支援"), *_glyphs(86, "福祉課")])
    assert packed_cells([touching], [70.0, 86.0], SMALL) is None  # 援 ends where 福 starts: running text
