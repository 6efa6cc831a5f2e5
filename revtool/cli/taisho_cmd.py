"""``revtool taisho OLD NEW``: the 新旧対照表 as DOCX or as a self-contained HTML page."""

from __future__ import annotations

from pathlib import Path

import typer

from revtool.render.registry import formats

from revtool.cli.app import app, env
from revtool.render.progress import working
from revtool.render.output_file import default_output, format_from_name, is_stdout, write_output

FORMATS = formats("taisho")
ORDERS = ("新旧", "旧新")


@app.command("taisho")
def taisho_command(
    ctx: typer.Context,
    old: str = typer.Argument(..., help="旧の版（例: 素案）。"),
    new: str = typer.Argument(..., help="新の版（例: 案）。"),
    fmt: str | None = typer.Option(None, "--format", "-f", help="docx（既定）または html。"),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="出力先（既定: changelogs/新旧対照表_旧-新）。html は「-」で標準出力。"
    ),
    section_query: str | None = typer.Option(None, "--section", "-s", help="この節（例: 施策5）とその下だけを載せます。"),
    order: str = typer.Option("新旧", "--order", help="列の順: 新旧（左が新。既定）または 旧新。"),
    substantive_only: bool = typer.Option(False, "--substantive-only", help="文言整理を除きます（既定は全ての変更）。"),
    with_opinions: bool = typer.Option(False, "--with-opinions", help="html に意見の本文も載せます。"),
) -> None:
    """新旧対照表を作成します。新と旧を節ごとに左右に並べ、変更箇所に傍線を引き、変更のない部分は（略）とします。"""
    from revtool import api

    if fmt is None:
        fmt = format_from_name(output, FORMATS, "docx")
    if fmt not in FORMATS:
        raise typer.BadParameter("docx または html を指定してください。", param_hint="--format")
    if order not in ORDERS:
        raise typer.BadParameter("新旧 または 旧新 を指定してください。", param_hint="--order")
    e = env(ctx)
    with working(e.err, f"{old} と {new} の新旧対照表を作っています"):
        result = api.taisho(e.workspace, old, new, section=section_query, substantive_only=substantive_only,
                            with_changelog=fmt == "html")
    if is_stdout(output) and fmt == "docx":
        raise typer.BadParameter("docx は標準出力に書けません。ファイル名を指定してください。", param_hint="-o")
    data = api.render(result, fmt, with_opinions=with_opinions, new_first=order == "新旧")
    if is_stdout(output):
        typer.echo(data.decode("utf-8"), nl=False)
        return
    target = output or default_output(e.workspace.absolute(), "新旧対照表", old, new, fmt)
    write_output(target, data)
    e.out.print(f"{target} に新旧対照表（{len(result.taisho.rows)} 節）を書き出しました。")
