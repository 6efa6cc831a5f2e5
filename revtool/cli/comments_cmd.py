"""``revtool comments import FILE`` / ``revtool comments list``."""

from __future__ import annotations

from pathlib import Path

import typer

from revtool import api
from revtool.cli.app import app, env
from revtool.model import ResponseType
from revtool.render.comments_table import comments_table

comments_app = typer.Typer(
    help="意見の表（別紙1）を取り込み、該当箇所と区の考え方の分類を一覧します。",
    no_args_is_help=True,
)
app.add_typer(comments_app, name="comments")


@comments_app.command("import")
def import_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="意見の表（TSV・CSV・XLSX・DOCX・PDF）。"),
    against: str | None = typer.Option(None, "--against", help="該当箇所を照合する版（既定: 最も古い版）。"),
    mask_pii: bool = typer.Option(
        False, "--mask-pii",
        help="意見と区の考え方のメールアドレス・電話番号・郵便番号を伏せて記録します（元のファイルは保存しません）。",
    ),
    max_size: int = typer.Option(200, "--max-size", help="受け付けるファイルの上限（MB）。"),
) -> None:
    """意見の表を取り込み、該当箇所を版の節に対応付け、区の考え方を分類して記録します。"""
    from revtool.comments.privacy import describe_counts

    e = env(ctx)
    got = api.import_comments(e.workspace, file, against=against, mask_pii=mask_pii, max_bytes=max_size << 20)
    e.out.print(comments_table(got.comments, title=f"{file.name} → 「{got.against}」"))
    summary = "、".join(f"{t.value} {n}" for t, n in got.counts.items())
    e.out.print(f"{len(got.comments)} 件を取り込みました（{summary}）。該当箇所の未解決 {got.unresolved} 件。")
    if got.pii_masked is not None:
        e.out.print(f"個人情報を伏せました（{describe_counts(got.pii_masked)}）。元のファイルは保存していません。")
    for c in got.comments:
        for w in c.warnings:
            e.err.print(f"注意: {c.id} {w}")


@comments_app.command("list")
def list_command(
    ctx: typer.Context,
    rtype: str | None = typer.Option(None, "--type", help="分類で絞り込み（反映・既記載・参考・不反映・その他）。"),
    fmt: str = typer.Option("text", "--format", help="出力形式: text・json・csv。"),
) -> None:
    """取り込んだ意見を、対応する節・ページ・区の考え方の分類とともに表示します。"""
    e = env(ctx)
    if fmt not in ("text", "json", "csv"):
        raise typer.BadParameter("text・json・csv のいずれかを指定してください。", param_hint="--format")
    valid = [t.value for t in ResponseType]
    if rtype is not None and rtype not in valid:
        raise typer.BadParameter(f"{'・'.join(valid)} のいずれかを指定してください。", param_hint="--type")
    got = api.comments(e.workspace, rtype)
    if fmt != "text":
        typer.echo(api.render(got, fmt).decode("utf-8"), nl=False)
        return
    if not got.comments:
        e.out.print("該当する意見はありません。")
        return
    e.out.print(comments_table(got.comments))
