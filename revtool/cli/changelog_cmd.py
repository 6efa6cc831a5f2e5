"""``revtool changelog OLD NEW``: 素案からの主な変更点 (別紙2) in the terminal or as a file."""

from __future__ import annotations

from pathlib import Path

import typer

from revtool import api
from revtool.cli.app import app, env
from revtool.cli.quiet import working
from revtool.cli.output import default_output, format_from_name, is_stdout, write_output

FORMATS = api.formats("changelog")


@app.command("changelog")
def changelog_command(
    ctx: typer.Context,
    old: str = typer.Argument(..., help="比較元の版（例: 素案）。"),
    new: str = typer.Argument(..., help="比較先の版（例: 案）。"),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="出力形式: md・csv・xlsx・docx・json（省略時は画面に表で表示）。"
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="出力先のファイル（既定: ワークスペースの changelogs/。「-」で標準出力）。"
    ),
    with_opinions: bool = typer.Option(
        False, "--with-opinions", help="json に意見の本文も載せます（既定では個人情報保護のため空欄）。"
    ),
) -> None:
    """「素案からの主な変更点」（別紙2）を作成します。各行に、理由となった意見や外部の改定等を対応付けます。"""
    if fmt is not None and fmt not in FORMATS:
        raise typer.BadParameter("・".join(FORMATS) + " のいずれかを指定してください。", param_hint="--format")
    if output is not None and fmt is None:
        fmt = format_from_name(output, FORMATS, "md")
    e = env(ctx)
    with working(e.err, f"{old} と {new} を比較し、変更点一覧を作っています"):
        result = api.changelog(e.workspace, old, new)
    log = result.changelog
    if fmt is None:
        from revtool.render.changelog_table import changelog_table

        e.out.print(changelog_table(log, result.meta))
        return
    data = api.render(result, fmt, with_opinions=with_opinions)
    if is_stdout(output):
        typer.echo(data.decode("utf-8-sig") if fmt in ("md", "csv", "json") else data, nl=False)
        return
    target = output or default_output(e.workspace.absolute(), "主な変更点", old, new, fmt)
    write_output(target, data)
    e.out.print(f"{target} に {len(log.rows)} 行を書き出しました（文言整理 {log.editorial_count} 件は除外）。")
    from revtool.cli.quiet import print_warnings

    where = "このファイルの warnings と" if fmt == "json" else "revtool changelog --format json の warnings と"
    print_warnings(e.err, [w.message for w in log.warnings], f"{where} revtool review {old} {new} --warnings")
