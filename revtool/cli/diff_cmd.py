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
    if fmt not in ("text", "json"):
        raise typer.BadParameter("text または json を指定してください。", param_hint="--format")
    from revtool import api
    from revtool.render.diff_view import changes_view, comparison_note, no_changes_line, render_stat
    from revtool.render.pager import paged

    e = env(ctx)
    with working(e.err, f"{old} と {new} を比較しています"):
        comparison = api.compare(e.workspace, old, new, section=section_query)
    if fmt == "json":
        typer.echo(api.render(comparison, "json").decode("utf-8"), nl=False)
        return
    note = comparison_note(comparison, old, new)
    if note:
        e.err.print(f"注意: {note}", markup=False, soft_wrap=True)
    if stat:
        e.out.print(render_stat(comparison.changes, old_label=old, new_label=new))
        return
    shown = changes_view(comparison, old_label=old, new_label=new, editorial=editorial, plain=not e.out.is_terminal)
    if not shown:
        e.out.print(no_changes_line(comparison, old, new))
        return
    with paged(e.out, enabled=not no_pager):
        for renderable in shown:
            e.out.print(renderable)
