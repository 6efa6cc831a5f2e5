"""Imported comments (別紙1) as a terminal table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich.table import Table as RichTable

from revtool.model import Comment
from revtool.pages import page_range
from revtool.render.options import RenderOptions
from revtool.render.safe_cell import csv_row

CSV_HEADER = ("id", "row", "素案該当箇所", "対応する節", "ページ", "分類", "根拠", "主な意見", "区の考え方", "注意")
GROUP_HEADER = ("同趣旨", "同趣旨件数", "同趣旨の根拠")


def pages(c: Comment) -> str:
    """The comment's pages in the 素案: 「P.3」 or 「P.3–5」."""
    return page_range(c.old_pages, missing="")


def _section(c: Comment) -> str:
    if not c.resolved_section_paths:
        return "（計画全体）" if c.locator.whole else "（未解決）"
    return "\n".join(" ＞ ".join(p[-2:]) if len(p) > 1 else p[0] for p in c.resolved_section_paths)


def _head(text: str, n: int = 40) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


def group_sizes(comments: Sequence[Comment]) -> dict[str, int]:
    """Group id -> members (of those listed)."""
    return dict(Counter(c.group_id for c in comments if c.group_id))


def representative(members: Sequence[Comment]) -> Comment:
    """The member a group is shown by (its evidence says 「同趣旨 N 件の代表」)."""
    return next((m for m in members if m.group_evidence.startswith("同趣旨")), members[0])


def grouped_listing(comments: Sequence[Comment]) -> list[tuple[Comment, int]]:
    """The 別紙1-style listing: one line per opinion, a 同趣旨 group shown once
    (by its representative, where its first member was) with its count."""
    members: dict[str, list[Comment]] = {}
    for c in comments:
        if c.group_id:
            members.setdefault(c.group_id, []).append(c)
    out: list[tuple[Comment, int]] = []
    for c in comments:
        if not c.group_id:
            out.append((c, 1))
        elif c is members[c.group_id][0]:
            out.append((representative(members[c.group_id]), len(members[c.group_id])))
    return out


def submissions_total(comments: Sequence[Comment]) -> int:
    """Submissions the rows stand for (a grouped table's 件数 / 「（他N件）」 counted)."""
    return sum(c.submissions for c in comments)


def comments_table(comments: Sequence[Comment], title: str = "", sizes: dict[str, int] | None = None,
                   submissions: dict[str, int] | None = None) -> RichTable:
    """One row per comment; a 同趣旨 column (「同趣旨 N 件（G3）」) when any is grouped,
    a 件数 column (``submissions``: id -> count, default each row's own) when a row
    stands for several submissions."""
    sizes = group_sizes(comments) if sizes is None else sizes
    counts = submissions if submissions is not None else {c.id: c.submissions for c in comments}
    with_counts = any(n != 1 for n in counts.values())
    cols = (["ID", "素案該当箇所", "対応する節", "ページ", "分類", "意見（冒頭）"] + (["同趣旨"] if sizes else [])
            + (["件数"] if with_counts else []))
    table = RichTable(*cols, title=title or None)
    for c in comments:
        mark = " ⚠" if c.warnings else ""
        extra = [f"同趣旨 {sizes[c.group_id]:,} 件（{c.group_id}）" if c.group_id in sizes else ""] if sizes else []
        if with_counts:
            extra.append(f"{counts.get(c.id, c.submissions):,}")
        table.add_row(c.id, _head(c.ref, 30), _section(c) + mark, pages(c), c.response_type.value, _head(c.opinion),
                      *extra)
    return table


def comments_csv(comments: Sequence[Comment], grouped: bool = False) -> str:
    """Every comment (or, ``grouped``, one line per group); the last three
    columns say its 同趣旨 group, the group's size and why it is in it."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    with_counts = any(c.submissions != 1 for c in comments)  # a grouped table: 件数 per row
    writer.writerow(csv_row(list(CSV_HEADER + GROUP_HEADER + (("件数", "件数の根拠") if with_counts else ()))))
    sizes = group_sizes(comments)
    listing = grouped_listing(comments) if grouped else [(c, sizes.get(c.group_id, 1)) for c in comments]
    totals = _group_submissions(comments) if grouped else {}
    for c, n in listing:
        counts = [totals.get(c.group_id, c.submissions), c.submissions_evidence] if with_counts else []
        writer.writerow(csv_row([
            c.id, c.row, c.ref, " / ".join(" ＞ ".join(p) for p in c.resolved_section_paths), pages(c),
            c.response_type.value, c.response_evidence, c.opinion, c.response, " / ".join(c.warnings),
            c.group_id, n if c.group_id else "", c.group_evidence, *counts,
        ]))
    return buf.getvalue()


def _group_submissions(comments: Sequence[Comment]) -> dict[str, int]:
    """Group id -> the submissions its members stand for."""
    out: dict[str, int] = {}
    for c in comments:
        if c.group_id:
            out[c.group_id] = out.get(c.group_id, 0) + c.submissions
    return out


def render_csv(result: Any, options: RenderOptions) -> bytes:
    """Registry entry: ``result.comments`` as CSV."""
    return comments_csv(result.comments).encode("utf-8")


def render_json(result: Any, options: RenderOptions) -> bytes:
    """Registry entry: ``result.comments`` as the contract's "comments" objects."""
    from revtool.comments import comments_to_json

    return (json.dumps(comments_to_json(result.comments), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


TABLE_MAX = 100  # more comments than this: a summary instead of the whole table


def grouped_table(comments: Sequence[Comment]) -> RichTable:
    """``revtool comments list --grouped``: one row per opinion, a 同趣旨 group by its representative."""
    listing = grouped_listing(comments)
    totals = _group_submissions(comments)
    table = comments_table([c for c, _ in listing], sizes={c.group_id: n for c, n in listing if c.group_id},
                           submissions={c.id: totals.get(c.group_id, c.submissions) for c, _ in listing})
    table.title = f"{len(listing):,} 件の意見（同趣旨をまとめる前 {len(comments):,} 件）"
    return table


def print_import_report(out: Any, err: Any, got: Any, title: str) -> None:
    """What ``revtool comments import`` prints for an ``api.CommentsImport``:
    the table (when small), the report lines, the warnings (summarized when
    many) and the decisions moved to the new comment ids."""
    from revtool.render.progress import print_warnings

    if len(got.comments) <= TABLE_MAX:
        out.print(comments_table(got.comments, title=title))
    for line in import_report_lines(got, TABLE_MAX):
        out.print(line, markup=False)
    print_warnings(err, [f"{c.id} {w}" for c in got.comments for w in c.warnings],
                   "comments/comments.json と revtool comments list --format json（各意見の warnings）")
    for m in got.decision_moves:
        out.print(f"decisions.toml: {m.describe()}", markup=False, soft_wrap=True)


def import_report_lines(got: Any, table_max: int) -> list[str]:
    """What ``revtool comments import`` says after the table: counts per
    response type, unresolved places, the largest 同趣旨 groups, masked PII."""
    from revtool.comments.privacy import describe_counts

    summary = "、".join(f"{t.value} {n:,}" for t, n in got.counts.items())
    out = [f"{len(got.comments):,} 件を取り込みました（{summary}）。該当箇所の未解決 {got.unresolved:,} 件。"]
    if getattr(got, "sheets", ()):
        out.append(f"{len(got.sheets)} つのシートから読みました: " + "、".join(f"{n} {k:,} 件" for n, k in got.sheets)
                   + "（ID はシートの順に通し番号）。")
    groups = sorted(((c, n) for c, n in grouped_listing(got.comments) if n > 1), key=lambda x: -x[1])
    if groups:
        out.append(f"同趣旨の意見 {len(groups):,} 組（{sum(n for _, n in groups):,} 件）をまとめました。多い順に: "
                   + "、".join(f"{c.group_id} {n:,} 件（代表 {c.id}）" for c, n in groups[:5]))
    counted = [c for c in got.comments if c.submissions != 1]
    if counted:
        out.append(f"件数の記載がある行 {len(counted):,} 行: 表の {len(got.comments):,} 行は提出された意見 "
                   f"{submissions_total(got.comments):,} 件にあたります（件数は comments list と JSON の submissions）。")
    if len(got.comments) > table_max:
        out.append("一覧は revtool comments list（同趣旨をまとめて: --grouped）で表示します。")
    if got.pii_masked is not None:
        out.append(f"個人情報を伏せました（{describe_counts(got.pii_masked)}）。元のファイルは保存していません。")
    return out


def purge_report(name: str, result: Any) -> str:
    """What ``revtool comments purge`` did (a ``PurgeResult``), in one line."""
    return (f"comments/{name} を {result.dropped} 件のコミットから削除し、{result.masked} 件のコミットの意見を伏せ字にしました"
            f"（書き換えたコミット {result.commits} 件、移したブランチ・タグ: {'、'.join(result.refs)}）。")
