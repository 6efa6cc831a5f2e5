"""``revtool demo``: the whole pipeline on the bundled example in ``drafts/``."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import typer

from revtool.cli.app import app, env, styled
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
    changelogs: Path | None = typer.Option(
        None, "--changelogs",
        help="生成した変更点一覧を置くフォルダ（既定: ワークスペースの changelogs/。リポジトリの changelogs/ は見本として変えません）。",
    ),
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
    out_dir = changelogs if changelogs is not None else workspace / "changelogs"

    def ingest(name: str, version: str) -> list[str]:
        args = ["-C", ws, "ingest", str(folder / f"{name}.docx"), "--version", version]
        pdf = folder / f"{name}.pdf"
        if pdf.exists() and importlib.util.find_spec("revtool.extract.pagemap") is not None:
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
    available = {c.name for c in app.registered_commands if c.name} | {g.name for g in app.registered_groups if g.name}
    if "diff" in available:
        steps.append(("素案と案の差分（概要）", ["-C", ws, "diff", "素案", "案", "--stat"]))
    if "comments" in available and comments.exists():
        steps.append(("意見を取り込み", ["-C", ws, "comments", "import", str(comments)]))
    if "changelog" in available:
        for fmt in ("md", "csv", "xlsx", "docx", "json"):  # the warnings once, with the table below
            steps.append((f"変更点一覧（{fmt}）", ["-C", ws, "changelog", "素案", "案", "--format", fmt,
                                                  "-o", str(out_dir / f"changes.{fmt}"), "--no-warnings"]))
        steps.append(("素案からの主な変更点", ["-C", ws, "changelog", "素案", "案"]))
    if "trace" in available:
        steps.append(("変更点 R2 の根拠をたどる", ["-C", ws, "trace", "R2"]))
    if "taisho" in available:
        for fmt in ("html", "docx"):
            steps.append((f"新旧対照表（{fmt}）", ["-C", ws, "taisho", "素案", "案", "--format", fmt,
                                                  "-o", str(out_dir / f"taisho.{fmt}")]))
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
