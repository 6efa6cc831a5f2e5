"""``revtool demo``: the bundled example (``drafts/``) and the commands that take
it from ingest to the change table, as data the command line runs one by one."""

from __future__ import annotations

import shutil
from pathlib import Path

from revtool.errors import InputFileError

EXAMPLE_FILES = ("soan.docx", "an.docx")
EXAMPLE_PLAN = "かえで市子育て支援推進計画"
CHANGELOG_FORMATS = ("md", "csv", "xlsx", "docx", "json")
TAISHO_FORMATS = ("html", "docx")


def find_drafts(start: Path) -> Path:
    """``start/drafts`` or the repository's ``drafts/``, whichever holds the example."""
    for folder in (start / "drafts", Path(__file__).resolve().parents[1] / "drafts"):
        if all((folder / name).exists() for name in EXAMPLE_FILES):
            return folder
    raise InputFileError(
        "drafts/: 見本の素案・案（soan.docx, an.docx）が見つかりません。",
        hint="リポジトリの最上位フォルダで実行するか、--drafts でフォルダを指定してください。",
    )


def clear_workspace(workspace: Path) -> None:
    """Remove an earlier demo workspace; refuse a folder that is not a workspace."""
    if workspace.exists():
        if not (workspace / "revtool.toml").exists():
            raise InputFileError(f"{workspace}: revtool のワークスペースではないフォルダがあるため、作り直せません。")
        shutil.rmtree(workspace)


def demo_steps(folder: Path, workspace: Path, out_dir: Path) -> list[tuple[str, list[str]]]:
    """(Japanese title, revtool arguments) of each step of the demo."""
    ws = str(workspace)

    def ingest(name: str, version: str) -> list[str]:
        args = ["-C", ws, "ingest", str(folder / f"{name}.docx"), "--version", version]
        pdf = folder / f"{name}.pdf"
        return args + ["--pages-from", str(pdf)] if pdf.exists() else args

    steps: list[tuple[str, list[str]]] = [
        ("ワークスペースを作成", ["init", ws, "--plan", EXAMPLE_PLAN]),
        ("素案を取り込み", ingest("soan", "素案")),
        ("案を取り込み", ingest("an", "案")),
        ("版の一覧", ["-C", ws, "versions"]),
        ("素案の節の木", ["-C", ws, "show", "素案"]),
        ("素案と案の差分（概要）", ["-C", ws, "diff", "素案", "案", "--stat"]),
    ]
    comments = folder / "bessi1.tsv"
    if comments.exists():
        steps.append(("意見を取り込み", ["-C", ws, "comments", "import", str(comments)]))
    for fmt in CHANGELOG_FORMATS:  # the warnings once, with the table below
        steps.append((f"変更点一覧（{fmt}）", ["-C", ws, "changelog", "素案", "案", "--format", fmt,
                                              "-o", str(out_dir / f"changes.{fmt}"), "--no-warnings"]))
    steps.append(("素案からの主な変更点", ["-C", ws, "changelog", "素案", "案"]))
    steps.append(("変更点 R2 の根拠をたどる", ["-C", ws, "trace", "R2"]))
    for fmt in TAISHO_FORMATS:
        steps.append((f"新旧対照表（{fmt}）", ["-C", ws, "taisho", "素案", "案", "--format", fmt,
                                              "-o", str(out_dir / f"taisho.{fmt}")]))
    return steps
