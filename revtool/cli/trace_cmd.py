"""``revtool trace TARGET`` and ``revtool blame VERSION SECTION``."""

from __future__ import annotations

import typer

from revtool.cli.app import app, env
from revtool.render.progress import working


@app.command("trace")
def trace_command(
    ctx: typer.Context,
    target: str = typer.Argument(..., help="行（R3）、意見（C01）、または節（施策5、第2章/1./（2） のような道筋）。"),
    old: str | None = typer.Option(None, "--old", metavar="版", help="比較元の版（既定: 最後から 2 番目に取り込んだ版）。"),
    new: str | None = typer.Option(None, "--new", metavar="版", help="比較先の版（既定: 最後に取り込んだ版）。"),
) -> None:
    """変更点一覧の行・意見・節について、変更の差分、結び付いた意見とその根拠をたどって表示します。"""
    from revtool import api

    e = env(ctx)
    from revtool.render import trace_view

    with working(e.err, f"{target} をたどっています"):
        got = api.trace(e.workspace, target, old=old, new=new)
    for part in trace_view.trace_view(got, plain=not e.out.is_terminal):
        e.out.print(part)


@app.command("blame")
def blame_command(
    ctx: typer.Context,
    version: str = typer.Argument(..., help="版（例: 案）。"),
    section: str = typer.Argument(..., help="節（施策5、見出し、第2章/1./（2） のような道筋）。"),
    cites: bool = typer.Option(False, "--cites", help="各版の取り込み時に引用した意見（--cites）も表示します。"),
) -> None:
    """節の各文について、その文を最初に含んだ版（取り込みコミット）を表示します。"""
    from revtool import api

    e = env(ctx)
    got = api.blame(e.workspace, version, section)
    from revtool.render import trace_view

    for part in trace_view.blame_view(got.path, got.lines, got.origins, cites):
        e.out.print(part)
    if not got.lines:
        e.out.print("この節には本文がありません。")
