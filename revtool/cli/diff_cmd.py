"""``revtool diff OLD NEW``: the section-aware diff in the terminal or as JSON."""

from __future__ import annotations

import typer

from revtool.render.progress import working
from revtool.cli.app import app, env


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
    from revtool import api

    if fmt not in ("text", "json"):
        raise typer.BadParameter("text または json を指定してください。", param_hint="--format")
    from revtool.changes.meta import format_note
    from revtool.render.diff_view import page_lookup, render_changes, render_stat, table_headers
    from revtool.render.pager import paged

    e = env(ctx)
    with working(e.err, f"{old} と {new} を比較しています"):
        comparison = api.compare(e.workspace, old, new, section=section_query)
    changes = comparison.changes
    if fmt == "json":
        typer.echo(api.render(comparison, "json").decode("utf-8"), nl=False)
        return
    note = format_note(old, comparison.old.source.format if comparison.old.source else "",
                       new, comparison.new.source.format if comparison.new.source else "")
    if note:
        e.err.print(f"注意: {note}", markup=False, soft_wrap=True)
    if stat:
        e.out.print(render_stat(changes, old_label=old, new_label=new))
        return
    shown = [c for c in changes if editorial or c.substantive]
    hidden = len(changes) - len(shown)
    if not shown:
        e.out.print(f"{old} と {new} の間に実質的な変更はありません。" + (f"（文言整理 {hidden} 件は --editorial で表示）" if hidden else ""))
        return
    with paged(e.out, enabled=not no_pager):
        for renderable in render_changes(shown, old_label=old, new_label=new, old_pages=page_lookup(comparison.old),
                                         new_pages=page_lookup(comparison.new), plain=not e.out.is_terminal,
                                         old_headers=table_headers(comparison.old),
                                         new_headers=table_headers(comparison.new)):
            e.out.print(renderable)
        if hidden:
            e.out.print(f"（ほかに文言整理 {hidden} 件。--editorial で表示します。）", style="dim")
