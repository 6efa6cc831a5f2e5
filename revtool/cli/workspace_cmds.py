"""Workspace commands: init, ingest, versions, show, demo."""

from __future__ import annotations

from pathlib import Path

import typer

from revtool.cli.app import app, env


@app.command("init")
def init_command(
    ctx: typer.Context,
    directory: Path = typer.Argument(Path("."), help="作成するワークスペースのフォルダ。"),
    plan: str = typer.Option("", "--plan", help="計画の名称（例: 中野区DX推進計画）。"),
) -> None:
    """ワークスペース（計画ごとの git リポジトリ）を作成します。"""
    from revtool import api

    ws = api.init(directory, plan)
    env(ctx).out.print(f"ワークスペースを作成しました: {ws.root}")


@app.command("ingest")
def ingest_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="取り込む DOCX または PDF。"),
    version: str = typer.Option(..., "--version", help="版の名前（例: 素案、案）。"),
    pages_from: Path | None = typer.Option(None, "--pages-from", help="DOCX のページ番号を取る、同じ文書の PDF。"),
    original: bool = typer.Option(False, "--original", help="DOCX を変更履歴の適用前の状態で取り込みます。"),
    cites: str = typer.Option("", "--cites", help="この版で反映した意見の番号（例: C01,C02）。"),
    message: str | None = typer.Option(None, "--message", "-m", help="コミットメッセージ。"),
    force: bool = typer.Option(
        False, "--force",
        help="同じ版名で別のファイルを取り込み直します（履歴は残ります）。見出しの見つからない文書も取り込みます。",
    ),
    password: str | None = typer.Option(None, "--password", help="暗号化された PDF のパスワード。"),
    max_size: int = typer.Option(200, "--max-size", min=1, help="受け付けるファイルの上限（MB）。"),
    include_comments: bool = typer.Option(
        False, "--include-comments", help="DOCX の Word コメントも本文として取り込みます（既定では取り込みません）。"
    ),
) -> None:
    """DOCX/PDF を読み取り、節の木として版を記録します（1 回の取り込み = 1 コミット + タグ）。"""
    from revtool import api
    from revtool.render.progress import working
    from revtool.render.terminal import ingest_report

    e = env(ctx)
    with working(e.err, f"{file.name} を読み取り、「{version}」として記録しています"):
        got = api.ingest(e.workspace, file, version, pages_from=pages_from, original=original,
                         cites=api.parse_cites(cites), message=message, force=force, password=password,
                         max_bytes=max_size * 1024 * 1024, include_comments=include_comments)
    warnings, message = ingest_report(got, file.name)
    for line in warnings:
        e.err.print(line)
    e.out.print(message)


@app.command("versions")
def versions_command(ctx: typer.Context) -> None:
    """取り込んだ版の一覧（日時、元ファイル、sha256、節の数）を表示します。"""
    from revtool import api
    from revtool.render.terminal import versions_table

    e = env(ctx)
    infos = api.versions(e.workspace)
    if not infos:
        e.out.print("まだ版がありません。revtool ingest FILE --version 素案 で取り込んでください。")
        return
    e.out.print(versions_table(infos))


@app.command("show")
def show_command(
    ctx: typer.Context,
    version: str = typer.Argument(..., help="版の名前（例: 素案）。"),
    section: str | None = typer.Argument(None, help="節（例: 施策5、第2章/1.）。省略すると節の木を表示します。"),
    fmt: str = typer.Option("text", "--format", help="出力形式: text または json。"),
    depth: int | None = typer.Option(None, "--depth", min=0, help="表示する下位の節の深さ（0: その節だけ。既定: すべて）。"),
) -> None:
    """版の節の木、または 1 つの節とその下位の節の本文を印刷ページ付きで表示します。"""
    from revtool import api
    from revtool.render.terminal import section_view, tree_view
    from revtool.render.text import sections_json

    e = env(ctx)
    if fmt not in ("text", "json"):
        raise typer.BadParameter("text または json を指定してください。", param_hint="--format")
    doc = api.load(e.workspace, version)
    entries = api.sections(e.workspace, version, section)
    if fmt == "json":
        typer.echo(sections_json(version, entries))
        return
    parts = tree_view(doc, version, entries, depth) if section is None else section_view(section, entries, depth)
    for part in parts:
        e.out.print(part)
