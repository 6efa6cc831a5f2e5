"""``revtool changelog OLD NEW``: 素案からの主な変更点 (別紙2) in the terminal or as a file."""

from __future__ import annotations

from pathlib import Path

import typer

from revtool.cli.app import app, env
from revtool.render.progress import working
from revtool.render.output_file import default_output, format_from_name, is_stdout, write_output
from revtool.render.registry import formats

FORMATS = formats("changelog")


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
    with_review: bool = typer.Option(
        False, "--with-review",
        help="確認用の情報も出力します: csv に ID・理由・確信度の列、md に確認が必要な点（既定は公表用の 3 列だけ）。",
    ),
    show_warnings: bool = typer.Option(True, "--warnings/--no-warnings", hidden=True),
) -> None:
    """「素案からの主な変更点」（別紙2）を作成します。各行に、理由となった意見や外部の改定等を対応付けます。"""
    if fmt is not None and fmt not in FORMATS:
        raise typer.BadParameter("・".join(FORMATS) + " のいずれかを指定してください。", param_hint="--format")
    if output is not None and fmt is None:
        fmt = format_from_name(output, FORMATS, "md")
    from revtool import api
    from revtool.render.warning_summary import changelog_warning_lines

    e = env(ctx)
    with working(e.err, f"{old} と {new} を比較し、変更点一覧を作っています"):
        result = api.changelog(e.workspace, old, new)
    log = result.changelog
    for s in api.stale_decisions(result):
        e.err.print(f"注意: decisions.toml {s.message}", markup=False, soft_wrap=True)
    if result.meta.format_note:
        e.err.print(f"注意: {result.meta.format_note}", markup=False, soft_wrap=True)
    if fmt is None:
        from revtool.render.changelog_table import changelog_table

        e.out.print(changelog_table(log, result.meta))
        return
    data = api.render(result, fmt, with_opinions=with_opinions, with_review=with_review)
    if is_stdout(output):
        typer.echo(data.decode("utf-8-sig") if fmt in ("md", "csv", "json") else data, nl=False)
        return
    target = output or default_output(e.workspace.absolute(), "主な変更点", old, new, fmt)
    write_output(target, data)
    e.out.print(f"{target} に {len(log.rows)} 行を書き出しました（文言整理 {log.editorial_count} 件は除外）。")
    if show_warnings:
        for line in changelog_warning_lines(log, old, new, fmt):
            e.err.print(line, markup=False)
