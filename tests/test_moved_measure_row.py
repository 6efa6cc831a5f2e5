"""A 施策 moved to another 基本方針 and renumbered is ONE row of 別紙2 (issue 11 kind 3): its
heading moved and renumbered, its line of the 施策の体系 table moved and renumbered, the
numbers of the 施策 after it shifted — one decision, one row naming both places, citing
both pages. Built end to end (diff → change table) on small hand-made plans in the house
numbering styles: 5-3-3　施策2-3 (half-width), ５．３．３　施策２．３ (full-width, dotted:
blind14's held-out style), 施策２－３ alone, 施策7 numbered through the plan, and a move that
also edits the title."""

from __future__ import annotations

from dataclasses import replace

from revtool.changes.changelog import build_changelog
from revtool.changes.headings import heading_number, heading_title
from revtool.compare.diff import diff_documents
from revtool.extract.outline import parse_marker
from revtool.model import Document, Section

from tests.diff_helpers import parse_plan

MEASURES = {
    1: [("幹線バス路線の維持・確保", "幹線バス路線の運行を支援します。")],
    2: [("乗継ぎ環境の改善", "乗継ぎ拠点の待合環境を整えます。"),
        ("運賃制度の見直し", "乗継ぎ割引の導入を交通事業者と協議します。"),
        ("高齢者・障がいのある人の移動支援", "免許返納者への乗車券の交付を続けます。")],
    3: [("公共交通の利用促進", "モビリティマネジメントに取り組みます。"),
        ("運転士の確保・育成支援", "運転士の確保に向けた合同説明会を開きます。"),
        ("地域が主体となった移動手段の確保", "地域の運営団体に運営費の一部を補助します。"),
        ("交通事業者との連携強化", "交通事業者との定期的な協議の場を設けます。")],
}
POLICIES = {1: "持続可能な公共交通網の形成", 2: "誰もが安心して利用できる公共交通サービスの提供",
            3: "地域とともに支え育てる公共交通の実現"}
FW = str.maketrans("0123456789", "０１２３４５６７８９")


def _with_markers(sec: Section) -> Section:
    """The heading's number and title as the outline reader gives them."""
    m = parse_marker(sec.heading)
    kids = tuple(_with_markers(c) for c in sec.children)
    if m is None:
        return replace(sec, children=kids)
    return replace(sec, number=m.number, title=m.title, marker=m.kind, children=kids)


def _doc(text: str) -> Document:
    doc = parse_plan(text)
    return replace(doc, sections=tuple(_with_markers(s) for s in doc.sections))


def _plan(tree: dict[int, list[tuple[str, str]]], style: str, titles: dict[str, str] | None = None) -> str:
    """第5章 with its 施策の体系 table (p.14) and a page per 施策 (p.16 on).

    style: "hyphen" 5-3-3　施策2-3, "dotted" ５．３．３　施策２．３, "label" 施策２－３ under （2）,
    "serial" 施策7 numbered through the plan under 基本方針 headings."""
    titles = titles or {}
    lines = ["# 第5章　目標達成のための施策", "@p 14", "## 5-1　施策の体系" if style != "dotted" else "## ５．１　施策の体系",
             "| 基本方針 | 施策 | 主な取組 |"]
    heads: list[str] = []
    serial = 0
    page = 16
    body: list[str] = []
    for p, measures in tree.items():
        pol = f"基本方針{p}　{POLICIES[p]}"
        pol_head = {"hyphen": f"5-{p + 1}　{pol}", "dotted": f"{5}．{p + 1}　{pol}".translate(FW),
                    "label": f"（{p}）{pol}".translate(FW), "serial": f"5-{p + 1}　{pol}"}[style]
        body += [f"## {pol_head}"]
        for m, (title, text) in enumerate(measures, 1):
            serial += 1
            title = titles.get(title, title)
            label = {"hyphen": f"施策{p}-{m}", "dotted": f"施策{p}．{m}".translate(FW),
                     "label": f"施策{p}－{m}".translate(FW), "serial": f"施策{serial}"}[style]
            head = {"hyphen": f"5-{p + 1}-{m}　{label}　{title}", "dotted": f"５．{p + 1}．{m}".translate(FW) + f"　{label}　{title}",
                    "label": f"{label}　{title}", "serial": f"{label}　{title}"}[style]
            lines.append(f"| {pol} | {label}　{title} | {text[:8]} |")
            body += [f"@p {page}", f"### {head}", text]
            page += 1
            heads.append(head)
    return "\n".join(lines + body) + "\n"


def _moved(style: str, which: int = 2, titles: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """The 素案 and 案 changes and change table: 基本方針2's measure ``which`` (0-based) moved to the end of 基本方針3."""
    old_tree = {k: list(v) for k, v in MEASURES.items()}
    new_tree = {k: list(v) for k, v in MEASURES.items()}
    moved = new_tree[2].pop(which)
    new_tree[3].append(moved)
    old, new = _doc(_plan(old_tree, style)), _doc(_plan(new_tree, style, titles))
    changes = diff_documents(old, new)
    return changes, build_changelog(changes, new_doc=new, old_doc=old).rows


def _one_move_row(rows, title: str):  # type: ignore[no-untyped-def]
    mine = [r for r in rows if any(title in c.new_text or title in c.old_text for c in r.changes)]
    assert len(mine) == 1, [(r.summary, r.grouping) for r in rows]
    return mine[0]


def test_full_width_dotted_numbers_are_a_number_not_a_title() -> None:
    """施策２．３ is one number as 施策2-3 and 2.3 are: the title is what follows it."""
    assert heading_number("施策２．３　高齢者・障がいのある人の移動支援") == "施策２．３"
    assert heading_title("施策２．３　高齢者・障がいのある人の移動支援") == "高齢者・障がいのある人の移動支援"
    assert heading_title(heading_title("５．３．３　施策２．３　高齢者")) == "高齢者"


def test_a_measure_moved_and_renumbered_is_one_row_half_width() -> None:
    _, rows = _moved("hyphen")
    row = _one_move_row(rows, "高齢者・障がいのある人の移動支援")
    assert row.new_pages == (14, 23)  # the 体系 table and the heading's page
    assert "移動" in row.summary and "基本方針" in row.summary
    assert "移動" in row.grouping  # the grouping says why


def test_a_measure_moved_and_renumbered_is_one_row_full_width_dotted() -> None:
    """blind14's held-out style: ５．３．３　施策２．３　… → ５．４．５　施策３．５　… and the
    体系 line 施策２．３　… → 施策３．５　…: not a row 「５．３．３　施策２．３」を「５．４．５　施策３．５」に変更
    beside another for the table line."""
    _, rows = _moved("dotted")
    row = _one_move_row(rows, "高齢者・障がいのある人の移動支援")
    assert row.new_pages == (14, 23)
    assert "移動" in row.summary and "「５．３．３" not in row.summary
    assert "移動" in row.grouping


def test_a_measure_moved_with_a_level_word_number_alone() -> None:
    _, rows = _moved("label")
    row = _one_move_row(rows, "高齢者・障がいのある人の移動支援")
    assert row.new_pages == (14, 23)
    assert "移動" in row.summary


def test_a_measure_moved_from_the_middle_shifts_the_numbers_after_it_in_no_row() -> None:
    """施策2-2 moved: 施策2-3 becomes 施策2-2 (heading and 体系 line) — a consequence, in no row of its own."""
    for style in ("hyphen", "dotted"):
        _, rows = _moved(style, which=1)
        row = _one_move_row(rows, "運賃制度の見直し")
        assert 14 in row.new_pages and "移動" in row.summary, style
        assert len(rows) == 1, (style, [(r.summary, r.grouping) for r in rows])


def test_a_measure_numbered_through_the_plan_moved() -> None:
    """施策3 moved to the end of 基本方針3 becomes 施策6, and 施策4-6 become 施策3-5: one row."""
    _, rows = _moved("serial", which=0)
    row = _one_move_row(rows, "乗継ぎ環境の改善")
    assert 14 in row.new_pages and "移動" in row.summary
    assert len(rows) == 1, [(r.summary, r.grouping) for r in rows]


def test_a_measure_moved_with_its_title_edited_is_one_row() -> None:
    """Moved, renumbered and renamed in one revision (移動支援 → 移動手段の確保): one row that says both."""
    new_title = "高齢者・障がいのある人の移動手段の確保"
    for style in ("hyphen", "dotted"):
        _, rows = _moved(style, titles={"高齢者・障がいのある人の移動支援": new_title})
        row = _one_move_row(rows, "高齢者・障がいのある人の移動")
        assert row.new_pages == (14, 23), style
        assert "移動" in row.summary and new_title in row.summary, (style, row.summary)
        assert len(rows) == 1, (style, [(r.summary, r.grouping) for r in rows])


def _goal_plan(goal: str, order: tuple[str, str]) -> str:
    lines = ["# 第3章　計画の基本的な考え方", "@p 6", "## ３　施策の体系", "| 基本目標 | 施策の方向 |"]
    lines += [f"| {goal if k == 0 else ''} | {k + 5}　{t} |" for k, t in enumerate(order)]
    lines += ["# 第4章　施策の展開", "@p 16", f"## {goal}", "女性の参画と活躍に向けて取り組みます。"]
    for k, t in enumerate(order):
        body = {"地域・防災分野における男女共同参画の推進": "防災会議への女性委員の登用を進めます。",
                "働く場における男女共同参画の推進": "事業所での女性の登用を働きかけます。"}[t]
        lines += [f"@p {17 + 2 * k}", f"### 施策の方向{k + 5}　{t}".translate(FW), body]
    return "\n".join(lines) + "\n"


def test_two_measures_swapped_under_a_parent_renamed_in_the_same_revision_are_one_swap() -> None:
    """基本目標Ⅱ renamed while its 施策の方向５ and ６ traded places (blind11 13001): a swap, both
    headings' pages, not a move of one from 「基本目標２　…活躍推進」 to 「基本目標２　…参画と活躍の推進」."""
    a, b = "働く場における男女共同参画の推進", "地域・防災分野における男女共同参画の推進"
    old = _doc(_goal_plan("基本目標２　あらゆる分野における女性の活躍推進", (a, b)))
    new = _doc(_goal_plan("基本目標２　あらゆる分野における女性の参画と活躍の推進", (b, a)))
    rows = build_changelog(diff_documents(old, new), new_doc=new, old_doc=old).rows
    (swap,) = [r for r in rows if "入れ替え" in r.summary]
    assert a in swap.summary and b in swap.summary and "移動" not in swap.summary
    assert swap.new_pages == (6, 17, 19)
    assert "入れ替え" in swap.grouping
    assert not any("移動" in r.summary for r in rows)
