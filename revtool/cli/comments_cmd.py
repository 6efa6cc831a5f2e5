"""``revtool comments import FILE`` / ``revtool comments list``."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import typer
from rich.table import Table as RichTable

from revtool.cli.app import app, env
from revtool.errors import WorkspaceError
from revtool.model import Comment, ResponseType

COMMENTS_DIR = "comments"
COMMENTS_JSON = f"{COMMENTS_DIR}/comments.json"
SCHEMA = "revtool.comments/1"

comments_app = typer.Typer(
    help="意見の表（別紙1）を取り込み、該当箇所と区の考え方の分類を一覧します。",
    no_args_is_help=True,
)
app.add_typer(comments_app, name="comments")


def _open(ctx: typer.Context):  # type: ignore[no-untyped-def]
    from revtool.workspace.store import Workspace

    return Workspace.open(env(ctx).workspace)


def _root(ws: Any, ctx: typer.Context) -> Path:
    return Path(getattr(ws, "root", env(ctx).workspace))


@comments_app.command("import")
def import_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="意見の表（TSV・CSV・XLSX・DOCX・PDF）。"),
    against: str | None = typer.Option(None, "--against", help="該当箇所を照合する版（既定: 最も古い版）。"),
    mask_pii: bool = typer.Option(
        False, "--mask-pii",
        help="意見の個人情報（氏名・住所・電話・メール・生年月日・個人番号・口座・SNS など）を伏せて記録します。区の考え方はそのまま。元のファイルは保存しません。",
    ),
    max_size: int = typer.Option(200, "--max-size", help="受け付けるファイルの上限（MB）。"),
) -> None:
    """意見の表を取り込み、該当箇所を版の節に対応付け、区の考え方を分類して記録します。"""
    from revtool.cli.quiet import print_warnings, working
    from revtool.comments import comments_file_text, comments_to_store_json, import_comments, read_comment_table
    from revtool.config import read_config
    from revtool.render.comments_table import comments_table, grouped_listing
    from revtool.comments.privacy import describe_counts, mask_rows
    from revtool.safety import MB, max_bytes

    e = env(ctx)
    with max_bytes(max_size * MB):
        rows = read_comment_table(file)  # a bad file fails before the workspace is touched
    masked = None
    if mask_pii:
        rows, masked = mask_rows(rows)
    if not rows:
        raise WorkspaceError(f"{file.name}: 見出し行はありますが、意見の行がありません。")
    ws = _open(ctx)
    version = against or ws.oldest_version()
    if not version:
        raise WorkspaceError(
            "版がまだありません。先に素案を取り込んでください。",
            hint="revtool ingest soan.docx --version 素案",
        )
    doc = ws.load(version)
    root = _root(ws, ctx)
    with working(e.err, f"{file.name} を取り込んでいます"):
        comments = import_comments(rows, doc, read_config(root))
    data = file.read_bytes()
    payload: dict[str, Any] = {
        "schema": SCHEMA,
        "against": version,
        "source": file.name,
        "sha256": hashlib.sha256(data).hexdigest(),
        **comments_to_store_json(comments),
    }
    if masked is not None:
        payload["pii_masked"] = True
    text = comments_file_text(payload)
    files: dict[str, bytes | None] = {COMMENTS_JSON: text.encode("utf-8")}
    if masked is None:  # with --mask-pii the original (unmasked) file is not kept
        files[f"{COMMENTS_DIR}/{file.name}"] = data
    existing = root / COMMENTS_DIR
    if existing.is_dir():  # an earlier import's original file goes
        for old in existing.iterdir():
            rel = f"{COMMENTS_DIR}/{old.name}"
            if old.is_file() and not old.name.startswith(".") and rel not in files:
                files[rel] = None
    from revtool.pipeline import follow_decisions_on_import

    decisions, moves = follow_decisions_on_import(ws, comments)
    if decisions is not None:
        files["decisions.toml"] = decisions.encode("utf-8")
    counts = Counter(c.response_type for c in comments)
    summary = "、".join(f"{t.value} {counts[t]:,}" for t in ResponseType if counts[t])
    ws.commit_files(
        files,
        f"意見を取り込み: {file.name}（{len(comments)} 件、{version} に照合）",
        trailers={"Revtool-Comments": file.name, "Revtool-Against": version},
    )
    if len(comments) <= TABLE_MAX:
        e.out.print(comments_table(comments, title=f"{file.name} → 「{version}」"))
    unresolved = sum(1 for c in comments if not c.resolved_section_paths)
    e.out.print(f"{len(comments):,} 件を取り込みました（{summary}）。該当箇所の未解決 {unresolved:,} 件。")
    groups = sorted(((c, n) for c, n in grouped_listing(comments) if n > 1), key=lambda x: -x[1])
    if groups:
        e.out.print(f"同趣旨の意見 {len(groups):,} 組（{sum(n for _, n in groups):,} 件）をまとめました。多い順に: "
                    + "、".join(f"{c.group_id} {n:,} 件（代表 {c.id}）" for c, n in groups[:5]), markup=False)
    if len(comments) > TABLE_MAX:
        e.out.print("一覧は revtool comments list（同趣旨をまとめて: --grouped）で表示します。")
    if masked is not None:
        e.out.print(f"個人情報を伏せました（{describe_counts(masked)}）。元のファイルは保存していません。")
    print_warnings(e.err, [f"{c.id} {w}" for c in comments for w in c.warnings],
                   f"{COMMENTS_JSON} と revtool comments list --format json（各意見の warnings）")
    for m in moves:
        e.out.print(f"decisions.toml: {m.describe()}", markup=False, soft_wrap=True)


def _load(ctx: typer.Context) -> list[Comment]:
    from revtool.comments import comments_from_json

    ws = _open(ctx)
    raw: bytes | None = None
    try:
        got = ws.read_at("HEAD", COMMENTS_JSON)
        raw = got.encode("utf-8") if isinstance(got, str) else got
    except Exception:  # noqa: BLE001 - fall back to the working tree
        raw = None
    if raw is None:
        path = _root(ws, ctx) / COMMENTS_JSON
        raw = path.read_bytes() if path.exists() else None
    if raw is None:
        raise WorkspaceError(
            "意見がまだ取り込まれていません。",
            hint="revtool comments import bessi1.xlsx で取り込んでください。",
        )
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WorkspaceError(f"{COMMENTS_JSON}: 読めません（{exc}）。") from exc
    return list(comments_from_json(data))


def _pages(c: Comment) -> str:
    if not c.soan_pages:
        return ""
    first, last = c.soan_pages[0], c.soan_pages[-1]
    return f"P.{first}" if first == last else f"P.{first}-{last}"


def _section(c: Comment) -> str:
    if not c.resolved_section_paths:
        return "（未解決）"
    return "\n".join(" ＞ ".join(p[-2:]) if len(p) > 1 else p[0] for p in c.resolved_section_paths)


def _head(text: str, n: int = 40) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


def _table(comments: list[Comment] | tuple[Comment, ...], title: str = "") -> RichTable:
    table = RichTable("ID", "素案該当箇所", "対応する節", "ページ", "分類", "意見（冒頭）", title=title or None)
    for c in comments:
        mark = " ⚠" if c.warnings else ""
        table.add_row(c.id, _head(c.ref, 30), _section(c) + mark, _pages(c), c.response_type.value, _head(c.opinion))
    return table


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
    from revtool.render.comments_table import GROUP_HEADER, comments_table, group_sizes, grouped_listing
    from revtool.comments import comments_to_json
    from revtool.render.safe_cell import csv_row

    e = env(ctx)
    if fmt not in ("text", "json", "csv"):
        raise typer.BadParameter("text・json・csv のいずれかを指定してください。", param_hint="--format")
    comments = _load(ctx)
    if rtype is not None:
        valid = [t.value for t in ResponseType]
        if rtype not in valid:
            raise typer.BadParameter(f"{'・'.join(valid)} のいずれかを指定してください。", param_hint="--type")
        comments = [c for c in comments if c.response_type.value == rtype]
    if fmt == "json":
        typer.echo(json.dumps(comments_to_json(comments), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(csv_row(["id", "row", "素案該当箇所", "対応する節", "ページ", "分類", "根拠", "主な意見", "区の考え方", "注意",
                                 *GROUP_HEADER]))
        sizes = group_sizes(comments)
        listing = grouped_listing(comments) if grouped else [(c, sizes.get(c.group_id, 1)) for c in comments]
        for c, n in listing:
            writer.writerow(csv_row([
                c.id, c.row, c.ref, " / ".join(" ＞ ".join(p) for p in c.resolved_section_paths), _pages(c),
                c.response_type.value, c.response_evidence, c.opinion, c.response, " / ".join(c.warnings),
                c.group_id, n if c.group_id else "", c.group_evidence,
            ]))
        typer.echo(buf.getvalue(), nl=False)
        return
    if not comments:
        e.out.print("該当する意見はありません。")
        return
    if grouped:
        listing = grouped_listing(comments)
        table = comments_table([c for c, _ in listing], sizes={c.group_id: n for c, n in listing if c.group_id})
        table.title = f"{len(listing):,} 件の意見（同趣旨をまとめる前 {len(comments):,} 件）"
        e.out.print(table)
        return
    e.out.print(comments_table(comments))


TABLE_MAX = 100  # more comments than this: a summary instead of the whole table


@comments_app.command("purge")
def purge_command(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="履歴から消す意見の表のファイル名（例: bessi1.xlsx）。"),
    yes: bool = typer.Option(False, "--yes", help="確認せずに実行します。"),
) -> None:
    """取り込んだ意見の表を、ワークスペースの全履歴から削除し、意見の本文を伏せ字にします（履歴を書き換えます）。"""
    from revtool.workspace.purge import describe_warning, purge_comments_file

    e = env(ctx)
    ws = _open(ctx)
    e.err.print(describe_warning(_root(ws, ctx), name))
    if not yes:
        if not typer.get_text_stream("stdin").isatty():
            raise WorkspaceError("確認できないため中止しました（何も変更していません）。", hint="内容を確かめたうえで --yes を付けて実行してください。")
        if not typer.confirm("続けますか？", default=False):
            e.out.print("中止しました。何も変更していません。")
            raise typer.Exit(0)
    result = purge_comments_file(ws, name)
    e.out.print(
        f"comments/{name} を {result.dropped} 件のコミットから削除し、{result.masked} 件のコミットの意見を伏せ字にしました"
        f"（書き換えたコミット {result.commits} 件、移したブランチ・タグ: {'、'.join(result.refs)}）。"
    )
