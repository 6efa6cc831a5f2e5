"""``revtool comments import FILE`` / ``list`` / ``purge NAME``."""

from __future__ import annotations

from pathlib import Path

import typer

from revtool.cli.app import app, env
from revtool.errors import WorkspaceError

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
        help="意見の個人情報（氏名・住所・電話・メール・生年月日・個人番号・口座・SNS など）を伏せて記録します。区の考え方はそのまま。元のファイルは保存しません。",
    ),
    max_size: int = typer.Option(200, "--max-size", min=1, help="受け付けるファイルの上限（MB）。"),
) -> None:
    """意見の表を取り込み、該当箇所を版の節に対応付け、区の考え方を分類して記録します。"""
    from revtool import api
    from revtool.render.comments_table import print_import_report
    from revtool.render.progress import working

    e = env(ctx)
    with working(e.err, f"{file.name} を取り込んでいます"):
        got = api.import_comments(e.workspace, file, against=against, mask_pii=mask_pii, max_bytes=max_size << 20)
    print_import_report(e.out, e.err, got, f"{file.name} → 「{got.against}」")


@comments_app.command("list")
def list_command(
    ctx: typer.Context,
    rtype: str | None = typer.Option(None, "--type", help="分類で絞り込み（反映・既記載・参考・不反映・その他）。"),
    fmt: str = typer.Option("text", "--format", help="出力形式: text・json・csv。"),
    grouped: bool = typer.Option(
        False, "--grouped", help="同趣旨の意見をまとめ、代表 1 件と「同趣旨 N 件」で表示します（json は全件とグループ）。"
    ),
) -> None:
    """取り込んだ意見を、対応する節・ページ・区の考え方の分類とともに表示します。"""
    from revtool import api
    from revtool.model import ResponseType
    from revtool.render.comments_table import comments_table, grouped_table

    e = env(ctx)
    if fmt not in ("text", "json", "csv"):
        raise typer.BadParameter("text・json・csv のいずれかを指定してください。", param_hint="--format")
    valid = [t.value for t in ResponseType]
    if rtype is not None and rtype not in valid:
        raise typer.BadParameter(f"{'・'.join(valid)} のいずれかを指定してください。", param_hint="--type")
    got = api.comments(e.workspace, rtype)
    if fmt == "csv" and grouped:
        from revtool.render.comments_table import comments_csv

        typer.echo(comments_csv(got.comments, grouped=True), nl=False)
        return
    if fmt != "text":
        typer.echo(api.render(got, fmt).decode("utf-8"), nl=False)
        return
    if not got.comments:
        e.out.print("該当する意見はありません。")
        return
    e.out.print(grouped_table(got.comments) if grouped else comments_table(got.comments))


@comments_app.command("purge")
def purge_command(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="履歴から消す意見の表のファイル名（例: bessi1.xlsx）。"),
    yes: bool = typer.Option(False, "--yes", help="確認せずに実行します。"),
) -> None:
    """取り込んだ意見の表を、ワークスペースの全履歴から削除し、意見の本文を伏せ字にします（履歴を書き換えます）。"""
    from revtool import api
    from revtool.render.comments_table import purge_report
    from revtool.workspace.purge import check_purge_name, describe_warning

    e = env(ctx)
    ws = api.open_workspace(e.workspace)
    check_purge_name(ws, name)
    e.err.print(describe_warning(Path(ws.root), name))
    if not yes:
        if not typer.get_text_stream("stdin").isatty():
            raise WorkspaceError("確認できないため中止しました（何も変更していません）。", hint="内容を確かめたうえで --yes を付けて実行してください。")
        if not typer.confirm("続けますか？", default=False):
            e.out.print("中止しました。何も変更していません。")
            raise typer.Exit(0)
    e.out.print(purge_report(name, api.purge_comments(ws, name)))
