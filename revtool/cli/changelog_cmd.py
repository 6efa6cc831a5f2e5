"""``revtool changelog OLD NEW``: 素案からの主な変更点 (別紙2) in the terminal or as a file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from revtool.cli.app import app, env
from revtool.cli.output import default_output, format_from_name, is_stdout, write_output

FORMATS = ("md", "csv", "xlsx", "docx", "json")


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
    from revtool.workspace.store import Workspace

    if fmt is not None and fmt not in FORMATS:
        raise typer.BadParameter("md・csv・xlsx・docx・json のいずれかを指定してください。", param_hint="--format")
    if output is not None and fmt is None:
        fmt = format_from_name(output, FORMATS, "md")
    e = env(ctx)
    ws = Workspace.open(e.workspace)
    log, meta = load_changelog(ws, old, new)
    if fmt is None:
        from revtool.render.changelog_table import changelog_table

        e.out.print(changelog_table(log, meta))
        return
    data = render(log, meta, fmt, with_opinions=with_opinions)
    if is_stdout(output):
        typer.echo(data.decode("utf-8-sig") if fmt in ("md", "csv", "json") else data, nl=False)
        return
    target = output or default_output(Path(ws.root), "主な変更点", old, new, fmt)
    write_output(target, data)
    e.out.print(f"{target} に {len(log.rows)} 行を書き出しました（文言整理 {log.editorial_count} 件は除外）。")
    from revtool.cli.quiet import print_warnings

    where = "このファイルの warnings と" if fmt == "json" else "revtool changelog --format json の warnings と"
    print_warnings(e.err, [w.message for w in log.warnings], f"{where} revtool review {old} {new} --warnings")


def load_changelog(ws: Any, old: str, new: str) -> tuple[Any, Any]:
    """The change table between two versions of a workspace: (Changelog,
    ChangelogMeta), built by ``revtool.pipeline`` like ``trace`` and ``review``
    build it, so that row ids (and decisions keyed by them) agree."""
    from revtool.pipeline import build_for_workspace

    result = build_for_workspace(ws, old, new)
    return result.changelog, result.meta


def render(log: Any, meta: Any, fmt: str, *, with_opinions: bool = False) -> bytes:
    """The change table as the bytes of one file format. Only json has a place for
    opinion text, and it is filled only ``with_opinions``."""
    if fmt == "json":
        from revtool.render.changelog_json import changelog_json

        payload = changelog_json(log, meta, with_opinions=with_opinions)
        return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "md":
        from revtool.render.changelog_md import changelog_md

        return changelog_md(log, meta).encode("utf-8")
    if fmt == "csv":
        from revtool.render.changelog_csv import changelog_csv

        return changelog_csv(log)
    if fmt == "xlsx":
        from revtool.render.changelog_xlsx import changelog_xlsx

        return changelog_xlsx(log, meta)
    from revtool.render.changelog_docx import changelog_docx

    return changelog_docx(log, meta)
