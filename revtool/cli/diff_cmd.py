"""``revtool diff OLD NEW``: the section-aware diff in the terminal or as JSON."""

from __future__ import annotations

import json

import typer

from revtool.cli.app import app, env
from revtool.config import read_config, section
from revtool.compare.diff import diff_documents
from revtool.compare.editorial import EditorialRules
from revtool.errors import WorkspaceError
from revtool.model import Change, Document, PageSpan, SectionPath
from revtool.render.diff_view import diff_json, render_changes, render_stat, table_headers


def _in_subtree(path: SectionPath, roots: list[SectionPath]) -> bool:
    return any(path[:len(r)] == r for r in roots)


def filter_changes(changes: tuple[Change, ...], old: Document, new: Document, query: str) -> list[Change]:
    """Changes inside the section ``query`` names (in either version)."""
    from revtool.views.section_query import find_sections

    new_roots = [p for p, _ in find_sections(new, query)]
    old_roots = [p for p, _ in find_sections(old, query)]
    if not new_roots and not old_roots:
        raise WorkspaceError(f"節「{query}」が見つかりません。", hint="revtool show 版名 で節の一覧を確認してください。")
    return [c for c in changes
            if _in_subtree(c.section_path, new_roots) or _in_subtree(c.old_section_path, old_roots)]


def _page_lookup(doc: Document):
    table = {p: s.pages for p, s in doc.walk()}

    def lookup(path: SectionPath) -> PageSpan | None:
        return table.get(tuple(path))

    return lookup


@app.command("diff")
def diff_command(
    ctx: typer.Context,
    old: str = typer.Argument(..., help="比較元の版（例: 素案）。"),
    new: str = typer.Argument(..., help="比較先の版（例: 案）。"),
    section_query: str | None = typer.Option(None, "--section", "-s", help="この節（例: 施策5、第2章/1.）の中の変更だけを表示します。"),
    editorial: bool = typer.Option(False, "--editorial", help="文言整理（表記ゆれ・句読点など）の変更も表示します。"),
    stat: bool = typer.Option(False, "--stat", help="変更の件数だけを 1 画面にまとめて表示します。"),
    fmt: str = typer.Option("text", "--format", help="出力形式: text または json（json には文言整理も含みます）。"),
    no_pager: bool = typer.Option(False, "--no-pager", help="端末でもページャ（less）を使わずに表示します。"),
) -> None:
    """2 つの版を節ごとに比較し、実質的な変更と文言整理を区別して表示します。"""
    from revtool.workspace.store import Workspace

    if fmt not in ("text", "json"):
        raise typer.BadParameter("text または json を指定してください。", param_hint="--format")
    e = env(ctx)
    ws = Workspace.open(e.workspace)
    rules = EditorialRules.from_config(section(read_config(e.workspace), "editorial"))
    old_doc, new_doc = ws.load(old), ws.load(new)
    changes: tuple[Change, ...] | list[Change] = diff_documents(old_doc, new_doc, rules)
    if section_query:
        changes = filter_changes(tuple(changes), old_doc, new_doc, section_query)
    if fmt == "json":
        typer.echo(json.dumps(diff_json(old, new, changes), ensure_ascii=False, indent=2))
        return
    if stat:
        e.out.print(render_stat(changes, old_label=old, new_label=new))
        return
    shown = [c for c in changes if editorial or c.substantive]
    if not shown:
        hidden = len(changes) - len(shown)
        e.out.print(f"{old} と {new} の間に実質的な変更はありません。" + (f"（文言整理 {hidden} 件は --editorial で表示）" if hidden else ""))
        return
    from revtool.cli.pager import paged

    plain = not e.out.is_terminal
    with paged(e.out, enabled=not no_pager):
        for renderable in render_changes(shown, old_label=old, new_label=new, old_pages=_page_lookup(old_doc),
                                         new_pages=_page_lookup(new_doc), plain=plain,
                                         old_headers=table_headers(old_doc), new_headers=table_headers(new_doc)):
            e.out.print(renderable)
        hidden = len(changes) - len(shown)
        if hidden:
            e.out.print(f"（ほかに文言整理 {hidden} 件。--editorial で表示します。）", style="dim")
