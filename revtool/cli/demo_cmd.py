"""``revtool demo``: the whole pipeline on the bundled example in ``drafts/``."""

from __future__ import annotations

import shutil
from pathlib import Path

import typer

from revtool.cli.app import app, env
from revtool.errors import InputFileError

EXAMPLE_FILES = ("soan.docx", "an.docx")


def _find_drafts(start: Path) -> Path:
    for folder in (start / "drafts", Path(__file__).resolve().parents[2] / "drafts"):
        if all((folder / name).exists() for name in EXAMPLE_FILES):
            return folder
    raise InputFileError(
        "drafts/: 見本の素案・案（soan.docx, an.docx）が見つかりません。",
        hint="リポジトリの最上位フォルダで実行するか、--drafts でフォルダを指定してください。",
    )


@app.command("demo")
def demo_command(
    ctx: typer.Context,
    drafts: Path | None = typer.Option(None, "--drafts", help="見本の素案・案・意見のあるフォルダ（既定: drafts/）。"),
    workspace: Path = typer.Option(Path("demo-workspace"), "--into", help="作成するワークスペース（既に有れば作り直します）。"),
    changelogs: Path = typer.Option(Path("changelogs"), "--changelogs", help="生成した変更点一覧を置くフォルダ。"),
) -> None:
    """同梱の見本（drafts/）で、取り込みから変更点一覧の生成までを一通り実行します。"""
    from revtool.cli import run_subcommand

    e = env(ctx)
    folder = drafts or _find_drafts(Path.cwd())
    if workspace.exists():
        if not (workspace / "revtool.toml").exists():
            raise InputFileError(f"{workspace}: revtool のワークスペースではないフォルダがあるため、作り直せません。")
        shutil.rmtree(workspace)
    ws = str(workspace)

    def ingest(name: str, version: str) -> list[str]:
        args = ["-C", ws, "ingest", str(folder / f"{name}.docx"), "--version", version]
        pdf = folder / f"{name}.pdf"
        if pdf.exists():
            args += ["--pages-from", str(pdf)]
        return args

    steps: list[tuple[str, list[str]]] = [
        ("ワークスペースを作成", ["init", ws, "--plan", "かえで市子育て支援推進計画"]),
        ("素案を取り込み", ingest("soan", "素案")),
        ("案を取り込み", ingest("an", "案")),
        ("版の一覧", ["-C", ws, "versions"]),
        ("素案の節の木", ["-C", ws, "show", "素案"]),
    ]
    comments = folder / "bessi1.tsv"
    steps.append(("素案と案の差分（概要）", ["-C", ws, "diff", "素案", "案", "--stat"]))
    if comments.exists():
        steps.append(("意見を取り込み", ["-C", ws, "comments", "import", str(comments)]))
    changelogs.mkdir(parents=True, exist_ok=True)
    for fmt in ("md", "csv", "xlsx", "docx", "json"):
        steps.append((f"変更点一覧（{fmt}）", ["-C", ws, "changelog", "素案", "案", "--format", fmt,
                                              "-o", str(changelogs / f"changes.{fmt}")]))
    steps.append(("素案からの主な変更点", ["-C", ws, "changelog", "素案", "案"]))
    steps.append(("変更点 R2 の根拠をたどる", ["-C", ws, "trace", "R2"]))
    for fmt in ("html", "docx"):
        steps.append((f"新旧対照表（{fmt}）", ["-C", ws, "taisho", "素案", "案", "--format", fmt,
                                              "-o", str(changelogs / f"taisho.{fmt}")]))
    for title, args in steps:
        e.out.rule(f"[bold]{title}[/bold]  revtool {' '.join(args)}")
        run_subcommand(args)
