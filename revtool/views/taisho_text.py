"""The 新旧対照表 as text. Pure.

The model the renderers draw (``Taisho`` → ``TaishoRow`` → ``Side`` → paragraphs
of ``Run``s, ``underline`` marking the changed text, 傍線), the pieces it is made
of (underlined runs, blocks and table rows as paragraphs), the folding of a
changed paragraph (docs/ARCHITECTURE.md §6: only the sentences touched by a change are kept,
on both sides, the rest becomes （略）) and what the DOCX and HTML renderers
share (title, column labels, note). ``revtool.views.taisho`` builds the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from revtool.model import Block, BlockKind, ChangeKind, SectionPath, Table

FOLD = "（略）"
NEW_MARK = "（新設）"  # in the old column of a section added as a whole
DELETED_MARK = "（削除）"  # in the new column of a section deleted as a whole
CELL_SEP = "｜"
FOLD_MIN = 12  # an unchanged stretch shorter than this stays as text (folding it saves nothing)
SHORT_PARAGRAPH = 60  # a changed paragraph this short is shown whole

_OPENERS = "「『（(【〔"
_CLOSERS = "」』）)】〕"


# ---------------------------------------------------------------- model


@dataclass(frozen=True)
class Run:
    text: str
    underline: bool = False


Para = tuple[Run, ...]


@dataclass(frozen=True)
class TableRow:
    """One row of a table in a side's body: a paragraph of runs per cell."""

    cells: tuple[Para, ...]
    header: bool = False


@dataclass(frozen=True)
class SectionHeading:
    """The heading of another section inside a row (a section split in two, or two merged)."""

    heading: Para


Item = Para | TableRow | SectionHeading  # a body element: a paragraph (or （略）), a table row, a heading


@dataclass(frozen=True)
class Side:
    """One column of a row: the heading path as printed and the folded body."""

    path: SectionPath
    heading: Para  # the section's own heading, changed spans underlined
    body: tuple[Item, ...] = ()
    pages: tuple[int, ...] = ()

    @property
    def ancestors(self) -> SectionPath:
        return self.path[:-1]


@dataclass(frozen=True)
class TaishoRow:
    anchor: str  # T1, T2, … (stable within one output; used for HTML ids)
    kind: ChangeKind
    new: Side | None
    old: Side | None
    change_ids: tuple[str, ...] = ()
    substantive: bool = True  # False when every change shown here is editorial (文言整理)

    @property
    def section_path(self) -> SectionPath:
        side = self.new or self.old
        return side.path if side is not None else ()


@dataclass(frozen=True)
class Taisho:
    rows: tuple[TaishoRow, ...]
    substantive_only: bool = False


def para_text(para: Item) -> str:
    """Plain text; a table row as 「指標｜現状値｜目標値」."""
    if isinstance(para, TableRow):
        return CELL_SEP.join(para_text(c) for c in para.cells)
    if isinstance(para, SectionHeading):
        return para_text(para.heading)
    return "".join(r.text for r in para)


def is_fold(item: Item) -> bool:
    if isinstance(item, (TableRow, SectionHeading)):
        return False
    return len(item) == 1 and item[0].text == FOLD and not item[0].underline


def underlined(para: Item) -> str:
    """The underlined text of a paragraph, stretches joined by ``/`` (for tests and checks)."""
    if isinstance(para, TableRow):
        return "/".join(u for u in (underlined(c) for c in para.cells) if u)
    if isinstance(para, SectionHeading):
        return underlined(para.heading)
    out: list[str] = []
    prev = False
    for r in para:
        if r.underline:
            if prev:
                out[-1] += r.text
            else:
                out.append(r.text)
        prev = r.underline
    return "/".join(out)


# ---------------------------------------------------------------- runs and folding


Marks = list[tuple[int, int]]


def marked_runs(text: str, marks: Marks, start: int = 0, end: int | None = None) -> list[Run]:
    """``text[start:end]`` as runs, underlined where ``marks`` cover it."""
    end = len(text) if end is None else end
    flags = [False] * (end - start)
    for s, e in marks:
        for k in range(max(s, start), min(e, end)):
            flags[k - start] = True
    out: list[Run] = []
    for k, flag in enumerate(flags):
        ch = text[start + k]
        if out and out[-1].underline == flag:
            out[-1] = Run(out[-1].text + ch, flag)
        else:
            out.append(Run(ch, flag))
    return out


def merge_runs(runs: list[Run]) -> Para:
    out: list[Run] = []
    for r in runs:
        if not r.text:
            continue
        if out and out[-1].underline == r.underline:
            out[-1] = Run(out[-1].text + r.text, r.underline)
        else:
            out.append(r)
    return tuple(out)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: up to and including a 。 outside brackets (「…。」 and
    （…という。） stay inside their sentence; closing brackets right after a
    。 belong to it) or a line break."""
    spans = []
    pos = depth = 0
    k = 0
    while k < len(text):
        ch = text[k]
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
        if ch == "\n" or (ch == "。" and depth == 0):
            end = k + 1
            while ch == "。" and end < len(text) and text[end] in _CLOSERS:
                end += 1
            spans.append((pos, end))
            pos = k = end
            depth = 0 if ch == "\n" else depth
            continue
        k += 1
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans or [(0, 0)]


def fold_paragraph(text: str, marks: Marks, points: Sequence[int] = ()) -> Para:
    """A changed paragraph: the sentences touched by ``marks`` (underlined
    spans) or containing one of ``points`` (where the other side changed) are
    kept, every other stretch of sentences becomes （略）."""
    if len(text) <= SHORT_PARAGRAPH:
        return merge_runs(marked_runs(text, marks))
    spans = sentences(text)
    keep = [False] * len(spans)
    for k, (s, e) in enumerate(spans):
        if any(ms < e and me > s for ms, me in marks if me > ms):
            keep[k] = True
        elif any(s <= p < e for p in points):
            keep[k] = True
    if points and any(p >= len(text) for p in points):
        keep[-1] = True
    if not any(keep):
        keep = [True] * len(spans)
    runs: list[Run] = []
    k = 0
    while k < len(spans):
        if keep[k]:
            runs.extend(marked_runs(text, marks, *spans[k]))
            k += 1
            continue
        j = k
        while j < len(spans) and not keep[j]:
            j += 1
        s, e = spans[k][0], spans[j - 1][1]
        if e - s < FOLD_MIN:
            runs.extend(marked_runs(text, marks, s, e))
        else:
            runs.append(Run(FOLD))
        k = j
    return merge_runs(runs)


def fold_para() -> Para:
    return (Run(FOLD),)


# ---------------------------------------------------------------- blocks as text


def display(block: Block) -> str:
    """A block's text as the diff shows it (list marker included)."""
    if block.label and not block.text.startswith(block.label):
        return f"{block.label} {block.text}".strip()
    return block.text


def row_para(texts: Sequence[str], marked: Sequence[Marks], header: bool = False) -> TableRow:
    return TableRow(tuple(merge_runs(marked_runs(t.replace("\n", " "), m)) for t, m in zip(texts, marked)), header)


def whole_marks(text: str) -> Marks:
    return [(0, len(text))] if text else []


def table_paras(table: Table, underline: bool) -> list[Item]:
    """Every row of a table, wholly underlined or not."""
    out: list[Item] = []
    for r, row in enumerate(table.rows):
        texts = [c.text for c in row]
        out.append(row_para(texts, [whole_marks(t) if underline else [] for t in texts], r < table.header_rows))
    return out


def block_paras(block: Block, underline: bool) -> list[Item]:
    if block.kind is BlockKind.TABLE and block.table is not None:
        return table_paras(block.table, underline)
    text = display(block)
    return [merge_runs(marked_runs(text, whole_marks(text) if underline else []))]


# ---------------------------------------------------------------- shared by the renderers


@dataclass(frozen=True)
class TaishoMeta:
    plan: str
    old_version: str
    new_version: str
    old_source: str = ""
    new_source: str = ""
    document_title: str = ""  # the new version's own title (表紙), when the plan has no name


def title_text(meta: TaishoMeta) -> str:
    """「中野区DX推進計画（案）新旧対照表」: the plan's name and the new version,
    else the new version's title, else 「新旧対照表（素案→案）」."""
    if meta.plan:
        return f"{meta.plan}（{meta.new_version}）新旧対照表"
    if meta.document_title:
        return f"{meta.document_title}新旧対照表"
    return f"新旧対照表（{meta.old_version}→{meta.new_version}）"


def missing_mark(row: TaishoRow) -> str:
    """What the empty column of a row says: （新設） on the old side, （削除） on the new."""
    return NEW_MARK if row.old is None else DELETED_MARK if row.new is None else ""


def column_labels(meta: TaishoMeta, new_first: bool = True) -> tuple[str, str]:
    new = f"新（{meta.new_version}）"
    old = f"旧（{meta.old_version}）"
    return (new, old) if new_first else (old, new)


def note_text(meta: TaishoMeta, taisho: Taisho) -> str:
    scope = "実質的な変更のみ" if taisho.substantive_only else "文言整理を含む"
    return f"傍線部分は変更箇所（{scope}）。（略）は変更のない部分の省略。"


def grouped(body: Sequence[Item]) -> list[Para | SectionHeading | list[Item]]:
    """The body for rendering: paragraphs, and runs of table rows as one list
    each (a （略） between two rows of one table stays inside it)."""
    out: list[Para | SectionHeading | list[Item]] = []
    k = 0
    while k < len(body):
        item = body[k]
        if not isinstance(item, TableRow):
            out.append(item)
            k += 1
            continue
        group: list[Item] = [item]
        k += 1
        while k < len(body):
            nxt = body[k]
            if isinstance(nxt, TableRow):
                group.append(nxt)
                k += 1
            elif is_fold(nxt) and k + 1 < len(body) and isinstance(body[k + 1], TableRow):
                group.append(nxt)
                k += 1
            else:
                break
        out.append(group)
    return out
