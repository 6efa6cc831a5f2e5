"""Imported comments (別紙1) as a terminal table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from rich.table import Table as RichTable

from revtool.model import Comment
from revtool.pages import page_range
from revtool.render.options import RenderOptions
from revtool.render.safe_cell import csv_row

CSV_HEADER = ("id", "row", "素案該当箇所", "対応する節", "ページ", "分類", "根拠", "主な意見", "区の考え方", "注意")


def pages(c: Comment) -> str:
    """The comment's pages in the 素案: 「P.3」 or 「P.3–5」."""
    return page_range(c.soan_pages, missing="")


def _section(c: Comment) -> str:
    if not c.resolved_section_paths:
        return "（未解決）"
    return "\n".join(" ＞ ".join(p[-2:]) if len(p) > 1 else p[0] for p in c.resolved_section_paths)


def _head(text: str, n: int = 40) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[: n - 1] + "…"


def comments_table(comments: Sequence[Comment], title: str = "") -> RichTable:
    table = RichTable("ID", "素案該当箇所", "対応する節", "ページ", "分類", "意見（冒頭）", title=title or None)
    for c in comments:
        mark = " ⚠" if c.warnings else ""
        table.add_row(c.id, _head(c.ref, 30), _section(c) + mark, pages(c), c.response_type.value, _head(c.opinion))
    return table


def comments_csv(comments: Sequence[Comment]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(csv_row(list(CSV_HEADER)))
    for c in comments:
        writer.writerow(csv_row([
            c.id, c.row, c.ref, " / ".join(" ＞ ".join(p) for p in c.resolved_section_paths), pages(c),
            c.response_type.value, c.response_evidence, c.opinion, c.response, " / ".join(c.warnings),
        ]))
    return buf.getvalue()


def render_csv(result: Any, options: RenderOptions) -> bytes:
    """Registry entry: ``result.comments`` as CSV."""
    return comments_csv(result.comments).encode("utf-8")


def render_json(result: Any, options: RenderOptions) -> bytes:
    """Registry entry: ``result.comments`` as the contract's "comments" objects."""
    from revtool.comments import comments_to_json

    return (json.dumps(comments_to_json(result.comments), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
