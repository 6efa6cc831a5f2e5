"""``revtool demo``: the whole pipeline on the bundled example in ``drafts/``
(the steps are ``revtool.demo.demo_steps``; this runs and prints them)."""

from __future__ import annotations

from pathlib import Path

import typer

from revtool.cli.app import app, env, styled


@app.command("demo")
def demo_command(
    ctx: typer.Context,
    drafts: Path | None = typer.Option(None, "--drafts", help="見本の素案・案・意見のあるフォルダ（既定: drafts/）。"),
    workspace: Path = typer.Option(Path("demo-workspace"), "--into", help="作成するワークスペース（既に有れば作り直します）。"),
    changelogs: Path | None = typer.Option(
        None, "--changelogs",
        help="生成した変更点一覧を置くフォルダ（既定: ワークスペースの changelogs/。リポジトリの changelogs/ は見本として変えません）。",
    ),
) -> None:
    """同梱の見本（drafts/）で、取り込みから変更点一覧の生成までを一通り実行します。"""
    from revtool.cli import run_subcommand
    from revtool.demo import clear_workspace, demo_steps, find_drafts

    e = env(ctx)
    folder = drafts or find_drafts(Path.cwd())
    clear_workspace(workspace)
    ws = str(workspace)
    out_dir = changelogs if changelogs is not None else workspace / "changelogs"
    steps = demo_steps(folder, workspace, out_dir)
    for title, args in steps:
        e.out.rule(styled((title, "bold"), f"  revtool {' '.join(args)}"))
        run_subcommand(args)
        if args[0] == "init":
            out_dir.mkdir(parents=True, exist_ok=True)
    e.out.print(
        f"出力は {out_dir}/ にあります。続けて試すには: .venv/bin/revtool -C {ws} trace R4"
        "（または source .venv/bin/activate のあと revtool -C … ）。",
        markup=False, soft_wrap=True,
    )
