"""Renderables for ``revtool diff``: rich views and the JSON form (docs/ARCHITECTURE.md §2).

Nothing here prints; the CLI hands the renderables to a console, which drops
escape codes by itself when the output is piped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from revtool.model import Change, ChangeKind, Comparison, Document, EditOp, PageSpan, SectionPath
from revtool.render.options import RenderOptions
from revtool.render.text import page_range

KIND_JA = {
    ChangeKind.ADDED: "追加", ChangeKind.DELETED: "削除", ChangeKind.MODIFIED: "修正",
    ChangeKind.MOVED: "移動", ChangeKind.RENAMED: "見出し変更", ChangeKind.SPLIT: "分割",
    ChangeKind.MERGED: "統合",
}

PageLookup = Callable[[SectionPath], PageSpan | None]
HeaderLookup = Callable[[SectionPath, str], "tuple[str, ...] | None"]


def table_headers(doc: Document) -> HeaderLookup:
    """(section path, location such as ``表1 行『…』``) -> the header row of that
    table in ``doc``, so that an added or deleted row can be shown under its
    column headers."""
    sections = {p: s for p, s in doc.walk()}

    def lookup(path: SectionPath, location: str) -> tuple[str, ...] | None:
        m = re.match(r"表(\d+)", location)
        sec = sections.get(tuple(path))
        if m is None or sec is None:
            return None
        tables = [b.table for b in sec.blocks if b.table is not None]
        k = int(m.group(1)) - 1
        if not 0 <= k < len(tables) or not tables[k].rows:
            return None
        return tuple(c.text for c in tables[k].rows[0])

    return lookup


def change_json(c: Change) -> dict[str, Any]:
    return {
        "id": c.id,
        "section_path": list(c.section_path),
        "old_section_path": list(c.old_section_path),
        "kind": str(c.kind),
        "substantive": c.substantive,
        "reason": c.verdict.evidence,
        "rule": c.verdict.rule,
        "old_text": c.old_text,
        "new_text": c.new_text,
        "old_pages": list(c.old_pages),
        "new_pages": list(c.new_pages),
        "location": c.location,
        "block_kind": c.block_kind,
        "edits": [[str(e.op), e.text] for e in c.edits],
    }


def _format(doc: Any) -> str:
    source = getattr(doc, "source", None)
    return source.format if source is not None else ""


def diff_json(old: str, new: str, changes: Sequence[Change], *, old_format: str = "",
              new_format: str = "") -> dict[str, Any]:
    """The ``revtool diff --format json`` document (docs/ARCHITECTURE.md §2 contract, plus fields)."""
    from revtool.render.changelog_common import format_note, formats_differ

    return {
        "old": old, "new": new, "changes": [change_json(c) for c in changes],
        # additions: the formats the versions were read from
        "old_format": old_format, "new_format": new_format,
        "formats_differ": formats_differ(old_format, new_format),
        "format_note": format_note(old, old_format, new, new_format),
    }


SECTION_LINES = 12  # an added or deleted section shows this many lines
FOLD = 120  # unchanged runs longer than this are folded to their ends
KEEP = 40


def _equal(text: str, first: bool, last: bool) -> str:
    """Long unchanged text folded (新旧対照表 style 「…」), keeping the context next to edits."""
    if len(text) <= FOLD:
        return text
    head = "" if first else text[:KEEP]
    tail = "" if last else text[-KEEP:]
    return f"{head}…{tail}"


def _edits_text(c: Change, deleted: str = "{}", inserted: str = "{}") -> Text:
    """The edits with deletions red and struck through, insertions green and
    underlined, each written into its template (``deleted`` / ``inserted``)."""
    text = Text()
    for k, e in enumerate(c.edits):
        if e.op is EditOp.EQUAL:
            text.append(_equal(e.text, k == 0, k == len(c.edits) - 1))
        elif e.op is EditOp.DELETE:
            text.append(deleted.format(e.text), style="red strike")
        else:
            text.append(inserted.format(e.text), style="green underline")
    return text


def inline(c: Change) -> Text:
    """Deletions red and struck through, insertions green and underlined."""
    return _edits_text(c)


def _is_pair(c: Change) -> bool:
    ops = [e.op for e in c.edits]
    return EditOp.EQUAL not in ops and EditOp.DELETE in ops and EditOp.INSERT in ops


def _marked(c: Change) -> Text:
    """For plain output: [-deleted-]{+inserted+} so changes survive a pipe."""
    return _edits_text(c, "[-{}-]", "{{+{}+}}")


def _badge(c: Change) -> Text:
    if c.substantive:
        return Text(" 実質 ", style="bold white on red")
    return Text(" 文言整理 ", style="black on grey70")


def shows_headers(c: Change) -> bool:
    """Whether ``c`` is shown under its table's column headers (an added / deleted table row)."""
    return c.kind in (ChangeKind.ADDED, ChangeKind.DELETED) and c.block_kind == "table" and "行『" in c.location


def _row_with_headers(c: Change, headers: "tuple[str, ...] | None") -> RenderableType | None:
    """An added / deleted table row under its column headers (None when they are unknown)."""
    side = c.new_text if c.kind is ChangeKind.ADDED else c.old_text
    if not shows_headers(c) or not headers or "\n" in side:
        return None
    cells = [x.strip() for x in side.replace("\t", "|").split("|")]
    if len(cells) != len(headers):
        return None
    style = "green" if c.kind is ChangeKind.ADDED else "red strike"
    grid = Table(box=None, pad_edge=False, padding=(0, 1), show_header=True, header_style="bold")
    for h in headers:
        grid.add_column(h, overflow="fold")
    grid.add_row(*[Text(x, style=style) for x in cells])
    return grid


def _body(c: Change, plain: bool, headers: "tuple[str, ...] | None" = None) -> RenderableType:
    with_headers = _row_with_headers(c, headers) if c.kind in (ChangeKind.ADDED, ChangeKind.DELETED) else None
    if with_headers is not None:
        return with_headers
    if c.kind in (ChangeKind.ADDED, ChangeKind.DELETED) or not c.edits:
        side = c.new_text if c.kind is ChangeKind.ADDED else c.old_text
        if c.block_kind == "section":
            lines = side.split("\n")
            if len(lines) > SECTION_LINES:
                side = "\n".join(lines[:SECTION_LINES]) + f"\n…（ほか {len(lines) - SECTION_LINES} 行）"
            style = "green" if c.kind is ChangeKind.ADDED else "red strike"
            return Text(side.replace("\t", " | "), style=style)
        style = "green" if c.kind is ChangeKind.ADDED else "red strike"
        prefix = "＋ " if c.kind is ChangeKind.ADDED else "－ "
        if "\t" in side or (c.block_kind == "table" and "|" in side):
            grid = Table(show_header=False, box=None, pad_edge=False, padding=(0, 1))
            for line in side.split("\n"):
                cells = [x.strip() for x in line.replace("\t", "|").split("|")]
                grid.add_row(*[Text(x, style=style) for x in cells])
            return grid
        return Text(prefix + side, style=style)
    if _is_pair(c):
        pair = Text("旧 ", style="bold")
        pair.append(c.old_text, style="red strike" if not plain else "")
        pair.append("\n新 ", style="bold")
        pair.append(c.new_text, style="green")
        return pair
    return _marked(c) if plain else inline(c)


def _cell_body(c: Change, plain: bool) -> RenderableType:
    if c.kind in (ChangeKind.ADDED, ChangeKind.DELETED):
        side = c.new_text if c.kind is ChangeKind.ADDED else c.old_text
        style = "green" if c.kind is ChangeKind.ADDED else "red strike"
        label = "＋ " if c.kind is ChangeKind.ADDED else "－ "
        return Text(label + side.replace("\t", " | "), style=style)
    return _body(c, plain)


def _cell_grid(cs: Sequence[Change], plain: bool) -> Table:
    """One table's cell changes as a small grid: row, column, before → after."""
    name = cs[0].location.split(" ")[0]
    grid = Table(title=name, title_justify="left", show_lines=True, expand=True, padding=(0, 1))
    labels = [Text(c.id) + Text(" ") + _badge(c) for c in cs]
    # the id and its 実質/文言整理 label are never cut: the text columns give way
    grid.add_column("", no_wrap=True, width=max(lab.cell_len for lab in labels))
    grid.add_column("行・列", ratio=3, overflow="fold")
    grid.add_column("変更", ratio=6, overflow="fold")
    for c, label in zip(cs, labels):
        where = c.location[len(name):].strip() if c.location.startswith(name) else c.location
        grid.add_row(label, where.replace(" 列", "\n列"), _cell_body(c, plain))
    return grid


def render_changes(changes: Sequence[Change], *, old_label: str, new_label: str,
                   old_pages: PageLookup | None = None, new_pages: PageLookup | None = None,
                   plain: bool = False, old_headers: HeaderLookup | None = None,
                   new_headers: HeaderLookup | None = None) -> list[RenderableType]:
    """Section by section: a header with the path and its pages in both versions,
    then each change (table cells of one table as a small grid)."""
    out: list[RenderableType] = []
    groups: list[tuple[tuple[SectionPath, SectionPath], list[Change]]] = []
    for c in changes:
        key = (c.section_path, c.old_section_path)
        if groups and groups[-1][0] == key:
            groups[-1][1].append(c)
        else:
            groups.append((key, [c]))
    for (path, old_path), cs in groups:
        title = " > ".join(path) if path else "（表紙・前付け）"
        op = old_pages(old_path) if old_pages and old_path else None
        np_ = new_pages(path) if new_pages and path else None
        head = Text(title, style="bold cyan")
        old_where = page_range(op or tuple(sorted({p for c in cs for p in c.old_pages}))) if old_path else "なし"
        new_where = page_range(np_ or tuple(sorted({p for c in cs for p in c.new_pages}))) if path else "なし"
        head.append(f"   {old_label} {old_where} / {new_label} {new_where}", style="dim")
        if old_path and old_path != path:
            head.append(f"\n  {old_label}: " + " > ".join(old_path), style="dim")
        out.append(Rule(style="cyan"))
        out.append(head)
        k = 0
        while k < len(cs):
            c = cs[k]
            if c.block_kind == "table" and c.kind is ChangeKind.MODIFIED:
                table_name = c.location.split(" ")[0]
                run = [c]
                while k + len(run) < len(cs) and cs[k + len(run)].block_kind == "table" \
                        and cs[k + len(run)].location.split(" ")[0] == table_name:
                    run.append(cs[k + len(run)])
                out.append(_cell_grid(run, plain))
                k += len(run)
                continue
            line = Text(f"{c.id} ", style="bold") + _badge(c) + Text(f" {KIND_JA[c.kind]}  {c.location}")
            line.append(f"  {c.verdict.evidence}", style="dim")
            out.append(line)
            lookup = new_headers if c.kind is ChangeKind.ADDED else old_headers
            path_for = c.section_path if c.kind is ChangeKind.ADDED else (c.old_section_path or c.section_path)
            out.append(_body(c, plain, lookup(path_for, c.location) if lookup else None))
            k += 1
    return out


def changes_view(comparison: Comparison, *, old_label: str, new_label: str, editorial: bool = False,
                 plain: bool = False) -> list[RenderableType]:
    """What ``revtool diff`` shows (and pages): the substantive changes, or all
    with ``editorial``, then how many editorial ones were left out; [] when no
    change is shown (``no_changes_line`` says so)."""
    shown = [c for c in comparison.changes if editorial or c.substantive]
    if not shown:
        return []
    out = render_changes(shown, old_label=old_label, new_label=new_label, old_pages=page_lookup(comparison.old),
                         new_pages=page_lookup(comparison.new), plain=plain, old_headers=table_headers(comparison.old),
                         new_headers=table_headers(comparison.new))
    hidden = len(comparison.changes) - len(shown)
    if hidden:
        out.append(Text(f"（ほかに文言整理 {hidden} 件。--editorial で表示します。）", style="dim"))
    return out


def no_changes_line(comparison: Comparison, old_label: str, new_label: str) -> str:
    """The line ``revtool diff`` prints when ``changes_view`` shows nothing."""
    hidden = len(comparison.changes)
    return f"{old_label} と {new_label} の間に実質的な変更はありません。" + (
        f"（文言整理 {hidden} 件は --editorial で表示）" if hidden else "")


def comparison_note(comparison: Comparison, old_label: str, new_label: str) -> str:
    """The warning when the two versions were read from different formats ("" when not)."""
    from revtool.render.changelog_common import format_note

    return format_note(old_label, _format(comparison.old), new_label, _format(comparison.new))


def render_stat(changes: Sequence[Change], *, old_label: str, new_label: str) -> RenderableType:
    """One screen: sections touched by kind, substantive vs editorial, per chapter."""
    sub = sum(c.substantive for c in changes)
    sections_changed = {c.section_path for c in changes if c.block_kind != "section"}
    by_kind = {k: 0 for k in ChangeKind}
    for c in changes:
        if c.block_kind == "section":
            by_kind[c.kind] += 1
    head = Table(show_header=False, box=None)
    head.add_column(style="bold")
    head.add_column(justify="right")
    head.add_row("変更（全体）", str(len(changes)))
    head.add_row("  実質的な変更", str(sub))
    head.add_row("  文言整理", str(len(changes) - sub))
    head.add_row("内容が変わった節", str(len(sections_changed)))
    for kind in (ChangeKind.ADDED, ChangeKind.DELETED, ChangeKind.MOVED, ChangeKind.RENAMED,
                 ChangeKind.SPLIT, ChangeKind.MERGED):
        if by_kind[kind]:
            head.add_row(f"節の{KIND_JA[kind]}", str(by_kind[kind]))
    chapters = Table("章", "実質", "文言整理", title="章ごと", title_justify="left")
    order: dict[str, list[int]] = {}
    for c in changes:
        chapter = c.section_path[0] if c.section_path else "（表紙・前付け）"
        row = order.setdefault(chapter, [0, 0])
        row[0 if c.substantive else 1] += 1
    for chapter, (s, e) in order.items():
        chapters.add_row(chapter, str(s), str(e))
    return Panel(Group(head, Text(""), chapters), title=f"{old_label} → {new_label}", expand=False)


def render_file(result: Comparison, options: RenderOptions) -> bytes:
    """Registry entry (``render.registry``): a comparison's changes as JSON."""
    payload = diff_json(result.old_label, result.new_label, result.changes, old_format=_format(result.old),
                        new_format=_format(result.new))
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def page_lookup(doc: Document) -> Callable[[SectionPath], PageSpan | None]:
    """Section path -> its printed pages in ``doc``."""
    table = {p: s.pages for p, s in doc.walk()}

    def lookup(path: SectionPath) -> PageSpan | None:
        return table.get(tuple(path))

    return lookup
