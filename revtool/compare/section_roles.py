"""Is a section one of the plan's measures, or explanatory text? Pure.

A reorder of sibling sections is a decision staff write in 別紙2 when the
sections are the plan's measures (施策, 取組, 方針 …: two 施策 swapped renumber
commitments the plan is cited by — issue 11). A reorder of explanatory
subsections (the principles of a chapter, a background told in three parts)
leaves every sentence and every commitment as it was: the reader takes away the
same meaning, as when a paragraph is split or a sentence moved with its text
unchanged (the hand labels' rule for editorial, env6 第1部第3章; the seed's
別紙2 lists no reorder of text, only what the plan says or does).

A section is taken for a measure when any of these holds — each is how plans
build a measure, none names a plan:
- it has subsections of its own (a 施策 sheet: 現状と課題, 主な取組, 成果指標);
- it holds a table (an indicator table: 指標, 現状値, 目標値);
- its title is listed in a table of the plan (the 施策の体系 line);
- its title is named by an action: its last word is a noun that takes する in
  the dictionary (推進, 充実, 強化, 支給, 助成; ～化), as measures are.
Otherwise it is explanatory: a leaf of paragraphs and lists whose title names a
concept (環境効率性, 汚染者負担の原則等, 基本的な考え方).
"""

from __future__ import annotations

from revtool.compare.comparison_key import comparison_key
from revtool.compare.morph import morphemes
from revtool.model import BlockKind, Document, Section


def table_titles(doc: Document) -> frozenset[str]:
    """The comparison keys of every table cell of the document (front matter
    and sections): a measure's title is listed there by its 体系 line."""
    cells: set[str] = set()
    blocks = list(doc.front) + [b for _, s in doc.walk() for b in s.blocks]
    for b in blocks:
        if b.kind is BlockKind.TABLE and b.table is not None:
            for row in b.table.texts():
                for text in row:
                    key = comparison_key(text)
                    if key:
                        cells.add(key)
    return frozenset(cells)


def action_title(title: str) -> bool:
    """The title's last word (particles, 等 and brackets aside) takes する."""
    words = [m for m in morphemes(title) if not m.is_punct and m.pos not in ("助詞", "助動詞")]
    while words and words[-1].pos == "接尾辞" and words[-1].pos3 != "サ変可能":
        words.pop()  # 原則「等」, 考え「方」 are no action
    return bool(words) and words[-1].pos3 == "サ変可能"


def measure_evidence(sec: Section, listed: frozenset[str]) -> str:
    """Why ``sec`` is taken for one of the plan's measures ("" when it is
    explanatory text)."""
    title = (sec.title or sec.heading).strip()
    if sec.children:
        return "小見出しを持つ節"
    if any(b.kind is BlockKind.TABLE for b in sec.blocks):
        return "表を含む節"
    key = comparison_key(title)
    if key and any(key in cell for cell in listed):
        return "表に掲載された項目"
    if action_title(title):
        return "取組を表す見出し"
    return ""


def explanatory_reorder(old: Section, new: Section, listed: frozenset[str]) -> str:
    """Evidence that a section reordered among its siblings is explanatory text
    on both sides (its move is 文言整理); "" when either side is a measure."""
    if measure_evidence(old, listed) or measure_evidence(new, listed):
        return ""
    return f"説明の節（小見出し・表なし、見出しは取組でない）「{old.heading}」→「{new.heading}」"
