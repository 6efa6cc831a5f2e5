"""Ruled tables from edges and glyphs (no PDF), and stitching across pages."""

from __future__ import annotations

from revtool.extract.pdf_read import Edge, Glyph, box_edges
from revtool.extract.pdf_tables import find_frames, find_tables, stitch
from revtool.model import Cell, Table


def text_at(text: str, x: float, top: float, size: float = 9.0) -> list[Glyph]:
    out = []
    for ch in text:
        w = size if ord(ch) > 0x2000 else size * 0.55
        out.append(Glyph(ch, x, x + w, top, top + size, size, False))
        x += w
    return out


def grid_edges(xs: list[float], ys: list[float], skip_v: set[tuple[int, int]] = frozenset()) -> list[Edge]:
    """Horizontal rules at ys, vertical rules at xs; ``skip_v`` (col, row)
    leaves out the vertical rule segment left of column ``col`` in row ``row``."""
    edges = [Edge(xs[0], xs[-1], y, y, "h") for y in ys]
    for c, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if (c, r) not in skip_v:
                edges.append(Edge(x, x, ys[r], ys[r + 1], "v"))
    return edges


def test_grid_with_merged_cell_and_wrapped_text() -> None:
    xs, ys = [50.0, 150.0, 250.0, 350.0], [100.0, 120.0, 140.0, 172.0]
    edges = grid_edges(xs, ys, skip_v={(2, 1)})  # row 1: columns 1-2 merged
    g = text_at("取組", 55, 105) + text_at("2026年度", 155, 105) + text_at("目標値（2030年度）", 255, 105)
    g += text_at("ナカペイの利用", 55, 125) + text_at("継続実施　→", 155, 125)
    # row 2: a cell whose text wraps (fills the column, then continues)
    g += text_at("利用者へのサポ", 55, 145) + text_at("ートの充実", 55, 158) + text_at("検討", 155, 145)
    g += text_at("約4.8万人", 255, 145) + text_at("（9月末）", 255, 158)
    tables, frames = find_tables(edges, g)
    assert len(tables) == 1 and frames == []
    t = tables[0]
    assert [[c.text for c in row] for row in t.rows] == [
        ["取組", "2026年度", "目標値（2030年度）"],
        ["ナカペイの利用", "継続実施　→", "継続実施　→"],
        ["利用者へのサポートの充実", "検討", "約4.8万人\n（9月末）"],
    ]
    assert t.rows[1][2].merged and not t.rows[1][1].merged


def test_one_cell_box_is_a_frame_not_a_table() -> None:
    edges = box_edges(60, 500, 300, 400)
    tables, _ = find_tables(edges, text_at("コラム", 70, 310))
    assert tables == []
    assert find_frames([(60.0, 300.0, 500.0, 400.0)], tables) == [(60.0, 300.0, 500.0, 400.0)]


def test_box_edges() -> None:
    assert box_edges(10, 200, 50, 51) == [Edge(10, 200, 50.5, 50.5, "h")]
    assert box_edges(10, 11, 50, 300) == [Edge(10.5, 10.5, 50, 300, "v")]
    assert len(box_edges(10, 200, 50, 300)) == 4
    assert box_edges(10, 11, 50, 51) == []


def test_stitch_drops_the_repeated_header() -> None:
    head = Table.from_texts([["指標", "現状値"], ["A", "1"]])
    tail = [(Cell("指標"), Cell("現状値")), (Cell("B"), Cell("2"))]
    assert stitch(head, tail).texts() == (("指標", "現状値"), ("A", "1"), ("B", "2"))
    no_header = [(Cell("C"), Cell("3"))]
    assert stitch(head, no_header).texts()[-1] == ("C", "3")


def test_stitch_joins_a_row_cut_by_the_page_break() -> None:
    head = Table.from_texts([["箇所", "意見", "考え方"], ["P.24 (施策3 母子保健DXによる安", "保護者のニーズ", "一時保育の利用予約などの一"]])
    tail = [
        (Cell("心・身近な子育て環境の実現)"), Cell("を捉え、検討してほしい。"), Cell("部を検討する。")),
        (Cell("P.27"), Cell("次の意見。"), Cell("次の考え方。")),
    ]
    assert stitch(head, tail).texts()[1:] == (
        ("P.24 (施策3 母子保健DXによる安心・身近な子育て環境の実現)", "保護者のニーズを捉え、検討してほしい。", "一時保育の利用予約などの一部を検討する。"),
        ("P.27", "次の意見。", "次の考え方。"),
    )
    # an empty cell under a filled one: the rest of the row above
    cut = [(Cell(""), Cell(""), Cell("拡大など。")), (Cell("P.31"), Cell("意見。"), Cell("考え方。"))]
    done = Table.from_texts([["箇所", "意見", "考え方"], ["P.31", "意見。", "電話の"]])
    assert stitch(done, cut).texts()[1] == ("P.31", "意見。", "電話の拡大など。")


def test_stitch_keeps_a_row_whose_key_starts_with_hiragana() -> None:
    # a ruled 取組 table continued overleaf, no row cut: the first row there is a row of its own even though
    # its key starts with hiragana (がん…), since the cell beside it has more text under a finished sentence
    head = Table.from_texts([["取組", "内容", "所管課"],
                             ["がん検診キャンペーンの実施", "毎年度がん検診キャンペーンを実施します。", "保健予防課"]])
    for content in ("保健師等の専門職が、相談に応じます。", "すべての相談に専門職が応じます。"):
        tail = [(Cell("がん検診に関する相談"), Cell(content), Cell("スポーツ振興課")),
                (Cell("デジタルを活用したがん検診"), Cell("仕組みを検討します。"), Cell("保健予防課"))]
        assert stitch(head, tail).texts()[1:] == (
            ("がん検診キャンペーンの実施", "毎年度がん検診キャンペーンを実施します。", "保健予防課"),
            ("がん検診に関する相談", content, "スポーツ振興課"),
            ("デジタルを活用したがん検診", "仕組みを検討します。", "保健予防課"),
        )


def test_glyphs_inside_and_outside_agree_with_inside() -> None:
    import random

    from revtool.extract.pdf_read import Glyph
    from revtool.extract.pdf_tables import glyphs_inside, glyphs_outside, inside

    rnd = random.Random(5)
    glyphs = []
    for _ in range(2000):
        x, y, w = rnd.choice([rnd.uniform(0, 100), 10.0, 50.0]), rnd.choice([rnd.uniform(0, 100), 20.0, 60.0]), 10.5
        glyphs.append(Glyph("字", x - w / 2, x + w / 2, y - w / 2, y + w / 2, w, False))
    boxes = [(10.0, 20.0, 50.0, 60.0), (40.0, 0.0, 90.0, 30.0)]
    for box in boxes:
        assert glyphs_inside(glyphs, box) == [g for g in glyphs if inside(g, box)]
    assert glyphs_outside(glyphs, boxes) == [g for g in glyphs if not any(inside(g, b) for b in boxes)]
    assert 0 < len(glyphs_outside(glyphs, boxes)) < len(glyphs)


def test_nearest_border_by_bisection_is_the_scans() -> None:
    """``_index`` finds the nearest border by bisection: the same index as
    the scan of every border (the first of two as near), on random grids,
    on borders, beside them and half-way between two."""
    import random

    from revtool.extract.pdf_tables import _cluster, _index

    rng = random.Random(1)
    for _ in range(20000):
        borders = _cluster([rng.uniform(0, 800) for _ in range(rng.randrange(1, 12))])
        v = rng.choice([rng.uniform(-50, 850), rng.choice(borders), rng.choice(borders) + rng.uniform(-3, 3)])
        if rng.random() < 0.1 and len(borders) > 1:
            i = rng.randrange(len(borders) - 1)
            v = (borders[i] + borders[i + 1]) / 2
        assert _index(borders, v) == min(range(len(borders)), key=lambda i: abs(borders[i] - v))


def test_intersection_cells_are_pdfplumbers() -> None:
    """``intersection_cells`` gives pdfplumber's ``intersections_to_cells``
    cells in the same order, on random rulings: grids with merged cells and
    broken or missing borders, stray lines and boxes."""
    import random

    from pdfplumber.table import edges_to_intersections, intersections_to_cells, merge_edges

    from revtool.extract.pdf_read import box_edges
    from revtool.extract.pdf_tables import SNAP, _edge_dict, intersection_cells

    rng = random.Random(3)
    for _ in range(400):
        edges = []
        xs = sorted(rng.sample(range(40, 560, 10), rng.randrange(2, 8)))
        ys = sorted(rng.sample(range(40, 760, 12), rng.randrange(2, 9)))
        for y in ys:  # rows, some borders broken or missing
            for a, b in zip(xs, xs[1:]):
                if rng.random() < 0.85:
                    edges += box_edges(a + rng.choice([0, 0, 0.4, -2.5]), b, y, y + 0.5)
        for x in xs:
            for a, b in zip(ys, ys[1:]):
                if rng.random() < 0.85:
                    edges += box_edges(x, x + 0.5, a + rng.choice([0, 0, 0.7]), b)
        for _ in range(rng.randrange(0, 4)):  # stray lines and boxes
            x0, y0 = rng.uniform(0, 500), rng.uniform(0, 700)
            edges += box_edges(x0, x0 + rng.uniform(1, 200), y0, y0 + rng.uniform(0.3, 80))
        merged = merge_edges([_edge_dict(e) for e in edges], SNAP, SNAP, SNAP, SNAP)
        points = edges_to_intersections(merged, 1, 1)
        assert intersection_cells(points) == intersections_to_cells(points)
