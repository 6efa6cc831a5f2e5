"""Rich renderables for ``revtool trace`` and ``revtool blame``.

Nothing here prints. With ``plain=True`` (output piped) insertions and
deletions are also marked in the text ({+…+} / [-…-]) so they survive without
colour; the console drops the escape codes by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from revtool.views.blame import BlameLine
from revtool.workspace.log_entry import LogEntry
from revtool.model import Change, ChangeKind, ChangeRow, Comment, Document, Link, ResponseType, SectionPath
from revtool.render.changelog_common import CAUSE_JA, pages_label
from revtool.render.diff_view import KIND_JA, render_changes, table_headers
from revtool.render.text import page_range
from revtool.views.trace import CommentTrace, RowTrace, RunnerUp, SectionStep, distinguishing_heading, fold_repeats

_CAUSE_STYLE = {"comment": "green", "external": "cyan", "internal": "blue", "unknown": "yellow"}
_TYPE_STYLE = {
    ResponseType.REFLECTED: "bold green",
    ResponseType.ALREADY: "cyan",
    ResponseType.REFERENCE: "blue",
    ResponseType.NOT_REFLECTED: "magenta",
    ResponseType.OTHER: "dim",
}


def _path(path: SectionPath) -> str:
    return " ＞ ".join(path) if path else "（前付け）"


def _fields(rows: Sequence[tuple[str, RenderableType | str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for name, value in rows:
        grid.add_row(name, Text(value) if isinstance(value, str) else value)
    return grid


def _cause_short(row: ChangeRow) -> Text:
    t = Text(CAUSE_JA[row.cause.type], style=_CAUSE_STYLE[str(row.cause.type)])
    if row.cause.comment_ids:
        t.append("（" + "、".join(row.cause.comment_ids) + "）")
    return t


def _cause(row: ChangeRow) -> Text:
    t = _cause_short(row)
    t.append(f"  確からしさ {row.cause.confidence:.2f}", style="dim")
    return t


def _linked_panel(title: str, fields: Sequence[tuple[str, RenderableType | str]], link: Link) -> Panel:
    """One linked comment (of a row) or row (of a comment): its fields, then the link's confidence and evidence."""
    body = _fields([*fields, ("確からしさ", f"{link.confidence:.2f}"), ("根拠", link.evidence)])
    return Panel(body, title=Text(title), title_align="left", border_style="green")


def _runners_part(runners: Sequence[RunnerUp], by_row: bool) -> list[RenderableType]:
    """The runners-up (rows of a comment, comments of a row) under their heading, or nothing."""
    if not runners:
        return []
    return [Text(f"次点（リンクしなかった{'行' if by_row else '意見'}）", style="bold"), _runners(runners, by_row=by_row)]


def _type(comment: Comment) -> Text:
    return Text(comment.response_type.value, style=_TYPE_STYLE.get(comment.response_type, ""))


def _runners(runners: Sequence[RunnerUp], by_row: bool) -> RenderableType:
    table = Table(show_lines=False, expand=True, box=None, padding=(0, 1))
    table.add_column("行" if by_row else "意見", no_wrap=True)
    table.add_column("分類", no_wrap=True)
    table.add_column("スコア", no_wrap=True, justify="right")
    table.add_column("根拠", overflow="fold", ratio=1)
    for r in runners:
        table.add_row(r.row_id if by_row else r.comment.id, _type(r.comment), f"{r.score:.2f}", Text(r.evidence))
    return table


def row_view(
    t: RowTrace, old_label: str, new_label: str, plain: bool = False, docs: "tuple[Document, Document] | None" = None
) -> list[RenderableType]:
    """``docs`` (old, new): an added / deleted table row is shown under its column headers."""
    row = t.row
    fields: list[tuple[str, RenderableType | str]] = [
        ("項目", row.item),
        ("案のページ", pages_label(row) or "ページ不明"),
        ("主な変更点", row.summary),
        ("種類", KIND_JA.get(row.kind, str(row.kind))),
        ("理由", _cause(row)),
        ("根拠", row.cause.evidence or "なし"),
    ]
    if t.decided:
        fields.append(("職員の判断", "、".join(t.decided)))
    head = _fields(fields)
    title = f"{row.id}（{old_label} → {new_label}）" + ("  ※decisions.toml で除外" if t.excluded else "")
    out: list[RenderableType] = [Panel(head, title=Text(title), title_align="left", border_style="cyan")]
    groups = fold_repeats(row.changes)
    out.append(Text(f"変更 {len(row.changes)} 件", style="bold"))
    out.extend(
        render_changes(
            [g.change for g in groups], old_label=old_label, new_label=new_label, plain=plain,
            old_headers=table_headers(docs[0]) if docs else None, new_headers=table_headers(docs[1]) if docs else None,
        )
    )
    repeated = [g for g in groups if g.repeats]
    if repeated:
        out.append(Text("同じ変更がほかの節にもあります:", style="bold"))
        same = Table.grid(padding=(0, 1))
        same.add_column(no_wrap=True)
        same.add_column(overflow="fold")
        for g in repeated:
            paths = [g.change.section_path] + [c.section_path for c in g.repeats]
            where = "、".join(
                f"{distinguishing_heading(c.section_path, paths)} {c.id}（{page_range(c.new_pages or c.old_pages)}）"
                for c in g.repeats
            )
            same.add_row(f"  {g.change.id} と同じ:", Text(where))
        out.append(same)
    if t.linked:
        out.append(Text(f"\nリンクした意見 {len(t.linked)} 件", style="bold"))
        for lc in t.linked:
            c = lc.comment
            out.append(_linked_panel(c.id, [
                ("素案該当箇所", c.ref),
                ("主な意見", c.opinion),
                ("区の考え方", c.response),
                ("分類", _type(c) + Text(f"  {c.response_evidence}" if c.response_evidence else "", style="dim")),
            ], lc.link))
    else:
        out.append(Text("\nリンクした意見はありません。", style="bold"))
    return out + _runners_part(t.runners_up, by_row=False)


def _change_list(row: ChangeRow, shown: int = 6) -> str:
    ids = [c.id for c in row.changes]
    sections = len({c.section_path for c in row.changes})
    text = "、".join(ids[:shown]) + (f" ほか {len(ids) - shown} 件" if len(ids) > shown else "")
    return text + f"（{sections} 節）" if sections > 1 else text + f"（{_path(row.changes[0].section_path[-1:])}）" if ids else "なし"


def comment_view(t: CommentTrace, rows_changes: bool = True) -> list[RenderableType]:
    c = t.comment
    resolved = Text("\n".join(_path(p) for p in c.resolved_section_paths)
                    or ("計画全体" if c.locator.whole else "見つかりません"),
                    style="" if c.resolved_section_paths or c.locator.whole else "yellow")
    head = _fields(
        [
            ("素案該当箇所", c.ref),
            ("対応する節", resolved),
            ("素案のページ", page_range(c.old_pages)),
            ("分類", _type(c)),
            ("分類の根拠", c.response_evidence or "なし"),
            ("主な意見", c.opinion),
            ("区の考え方", c.response),
        ]
    )
    out: list[RenderableType] = [Panel(head, title=Text(f"{c.id}（別紙1 の {c.row} 行目）"), title_align="left", border_style="cyan")]
    if t.warning:
        out.append(Text("注意: " + t.warning, style="bold yellow"))
    if t.rows:
        out.append(Text(f"リンクした行 {len(t.rows)} 件", style="bold"))
        for row, link in t.rows:
            out.append(_linked_panel(row.id, [
                ("項目", row.item),
                ("案のページ", pages_label(row) or "ページ不明"),
                ("主な変更点", row.summary),
                ("変更", _change_list(row)),
            ], link))
    else:
        out.append(Text("リンクした行はありません。", style="bold"))
    return out + _runners_part(t.runners_up, by_row=True)


def section_view(query: str, steps: Sequence[SectionStep], log: Sequence[LogEntry], log_path: str,
                 rows: Sequence[ChangeRow] = (), comments: Sequence[Comment] = (), pair: tuple[str, str] = ("", "")) -> list[RenderableType]:
    latest = next((s for s in reversed(steps) if s.path), None)
    title = _path(latest.path) if latest else query
    table = Table(expand=True, show_lines=False, padding=(0, 1))
    table.add_column("版", no_wrap=True)
    table.add_column("コミット", no_wrap=True)
    table.add_column("日付", no_wrap=True)
    table.add_column("状態", no_wrap=True)
    table.add_column("ページ", no_wrap=True)
    table.add_column("引用意見", overflow="fold")
    for s in steps:
        style = {"変更": "yellow", "新規": "green", "削除": "red", "なし": "dim"}.get(s.status, "")
        table.add_row(
            Text(s.label), s.commit[:8], s.date.strftime("%Y-%m-%d"), Text(s.status, style=style),
            page_range(s.pages) if s.path else "", Text("、".join(s.cites) or "－"),
        )
    out: list[RenderableType] = [Panel(table, title=Text(f"節の履歴: {title}"), title_align="left", border_style="cyan")]
    renamed = [s for s in steps if s.path and latest and s.path != latest.path]
    for s in renamed:
        out.append(Text(f"  {s.label} では: {_path(s.path)}", style="dim"))
    if log:
        lines = Table(expand=True, box=None, padding=(0, 1), title=Text(f"git log -- {log_path}"), title_justify="left")
        lines.add_column(no_wrap=True)
        lines.add_column(no_wrap=True)
        lines.add_column(overflow="fold", ratio=1)
        for e in log:
            subject = e.subject + (f"（--cites {','.join(e.cites)}）" if e.cites else "")
            lines.add_row(e.commit[:8], e.date.strftime("%Y-%m-%d %H:%M"), Text(f"{e.author}: {subject}"))
        out.append(lines)
    if pair[0]:
        out.append(Text(f"変更点一覧（{pair[0]} → {pair[1]}）でこの節に関わる行: " + ("、".join(r.id for r in rows) or "なし"), style="bold"))
        if rows:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold", ratio=1)
            grid.add_column(no_wrap=True)
            for r in rows:
                grid.add_row(f"  {r.id}", Text(r.summary), _cause_short(r))
            out.append(grid)
        out.append(Text("この節への意見: " + ("、".join(f"{c.id}（{c.response_type.value}）" for c in comments) or "なし"), style="bold"))
    return out


def blame_view(path: SectionPath, lines: Sequence[BlameLine], info: dict[str, tuple[str, str, tuple[str, ...]]],
               with_cites: bool) -> list[RenderableType]:
    """``info``: label → (commit, date, cites)."""
    table = Table(expand=True, box=None, padding=(0, 1), title=Text(_path(path)), title_justify="left")
    table.add_column("版", no_wrap=True, style="cyan")
    table.add_column("コミット", no_wrap=True, style="dim")
    table.add_column("日付", no_wrap=True, style="dim")
    if with_cites:
        table.add_column("引用意見", no_wrap=True)
    table.add_column("文", overflow="fold", ratio=1)
    current: SectionPath = path
    for ln in lines:
        if ln.path != current:
            current = ln.path
            table.add_row(*([Text("")] * (4 if with_cites else 3)), Text(" ＞ ".join(ln.path[len(path):]) or path[-1], style="bold"))
        commit, date, cites = info.get(ln.introduced, ("", "", ()))
        cells = [ln.introduced, commit[:8], date]
        if with_cites:
            cells.append("、".join(cites) or "－")
        table.add_row(*(Text(c) for c in cells), Text(ln.sentence))
    return [table]



def trace_view(result: Any, plain: bool = False) -> list[RenderableType]:
    """Any ``api.trace`` result (a row, a comment, a section) as renderables."""
    if result.kind == "row-trace":
        return row_view(result.trace, result.old, result.new, plain=plain, docs=result.docs)
    if result.kind == "comment-trace":
        return comment_view(result.trace)
    note: list[RenderableType] = [Text(result.note)] if result.note else []
    return note + section_view(result.query, result.steps, result.log, result.folder, result.rows, result.comments,
                               result.pair)
