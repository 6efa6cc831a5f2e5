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
from revtool.cli.quiet import print_warnings
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
        help="意見と区の考え方のメールアドレス・電話番号・郵便番号を伏せて記録します（元のファイルは保存しません）。",
    ),
    max_size: int = typer.Option(200, "--max-size", help="受け付けるファイルの上限（MB）。"),
) -> None:
    """意見の表を取り込み、該当箇所を版の節に対応付け、区の考え方を分類して記録します。"""
    from revtool.comments import comment_groups, comments_to_store_json, import_comments, read_comment_table
    from revtool.config import read_config
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
    counts = Counter(c.response_type for c in comments)
    summary = "、".join(f"{t.value} {counts[t]}" for t in ResponseType if counts[t])
    ws.commit_files(
        files,
        f"意見を取り込み: {file.name}（{len(comments)} 件、{version} に照合）",
        trailers={"Revtool-Comments": file.name, "Revtool-Against": version},
    )
    if len(comments) <= TABLE_MAX:
        e.out.print(_table(comments, title=f"{file.name} → 「{version}」"))
    unresolved = sum(1 for c in comments if not c.resolved_section_paths)
    e.out.print(f"{len(comments):,} 件を取り込みました（{summary}）。該当箇所の未解決 {unresolved:,} 件。")
    groups = comment_groups(comments)
    if groups:
        grouped = sum(len(m) for m in groups.values())
        e.out.print(f"同趣旨の意見 {len(groups):,} 組（{grouped:,} 件）をまとめました。"
                    + "多い順に: " + "、".join(f"{gid} {len(m):,} 件（代表 {_rep(m).id}）"
                                             for gid, m in sorted(groups.items(), key=lambda g: -len(g[1]))[:5]))
    if len(comments) > TABLE_MAX:
        e.out.print("一覧は revtool comments list（同趣旨をまとめて: --grouped）で表示します。")
    if masked is not None:
        e.out.print(f"個人情報を伏せました（{describe_counts(masked)}）。元のファイルは保存していません。")
    print_warnings(e.err, [f"{c.id} {w}" for c in comments for w in c.warnings],
                   f"{COMMENTS_JSON} と revtool comments list --format json（各意見の warnings）")


TABLE_MAX = 100  # more comments than this: a summary instead of the whole table


def comments_file_text(payload: dict[str, Any]) -> str:
    """comments.json: one comment (and one group) per line, so the file stays
    small at 40,000 comments and a git diff shows which comments changed."""
    head = {k: v for k, v in payload.items() if k not in ("comments", "groups")}
    parts = [json.dumps(head, ensure_ascii=False)[:-1]]
    for key in ("comments", "groups"):
        items = payload.get(key, [])
        body = ",\n".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in items)
        parts.append(f'"{key}": [\n{body}\n]' if items else f'"{key}": []')
    return ",\n".join([parts[0].rstrip(",") or "{"] + parts[1:]).replace("{,", "{", 1) + "}\n"


def _rep(members: list[Comment]) -> Comment:
    return next((m for m in members if m.group_evidence.startswith("同趣旨")), members[0])


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


def _table(comments: list[Comment] | tuple[Comment, ...], title: str = "",
           sizes: dict[str, int] | None = None) -> RichTable:
    """One row per comment; with ``sizes`` (group id -> members) a 同趣旨 column."""
    sizes = sizes if sizes is not None else dict(Counter(c.group_id for c in comments if c.group_id))
    cols = ["ID", "素案該当箇所", "対応する節", "ページ", "分類", "意見（冒頭）"] + (["同趣旨"] if sizes else [])
    table = RichTable(*cols, title=title or None)
    for c in comments:
        mark = " ⚠" if c.warnings else ""
        extra = [f"同趣旨 {sizes[c.group_id]:,} 件（{c.group_id}）" if c.group_id in sizes else ""] if sizes else []
        table.add_row(c.id, _head(c.ref, 30), _section(c) + mark, _pages(c), c.response_type.value, _head(c.opinion),
                      *extra)
    return table


def _grouped(comments: list[Comment]) -> list[tuple[Comment, int]]:
    """The 別紙1-style listing: one line per opinion, a group shown once (its
    representative, where its first member was) with its count."""
    from revtool.comments import comment_groups

    groups = comment_groups(comments)
    out: list[tuple[Comment, int]] = []
    for c in comments:
        if not c.group_id:
            out.append((c, 1))
        elif c.id == groups[c.group_id][0].id:
            out.append((_rep(groups[c.group_id]), len(groups[c.group_id])))
    return out


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
    from revtool.comments import comments_to_json

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
        writer.writerow(["id", "row", "素案該当箇所", "対応する節", "ページ", "分類", "根拠", "主な意見", "区の考え方", "注意",
                         "同趣旨", "同趣旨件数", "同趣旨の根拠"])
        members = Counter(c.group_id for c in comments if c.group_id)
        listing = _grouped(comments) if grouped else [(c, members.get(c.group_id, 1)) for c in comments]
        for c, n in listing:
            writer.writerow([
                c.id, c.row, c.ref, " / ".join(" ＞ ".join(p) for p in c.resolved_section_paths), _pages(c),
                c.response_type.value, c.response_evidence, c.opinion, c.response, " / ".join(c.warnings),
                c.group_id, n if c.group_id else "", c.group_evidence,
            ])
        typer.echo(buf.getvalue(), nl=False)
        return
    if not comments:
        e.out.print("該当する意見はありません。")
        return
    if grouped:
        listing = _grouped(comments)
        table = _table([c for c, _ in listing], sizes={c.group_id: n for c, n in listing if c.group_id})
        table.title = f"{len(listing):,} 件の意見（同趣旨をまとめる前 {len(comments):,} 件）"
        e.out.print(table)
        return
    e.out.print(_table(comments))
