"""The 新旧対照表 as one self-contained HTML page (inline CSS, no scripts, no
external assets), for reviewers who do not use a terminal.

The page has the two columns 新 | 旧 (or 旧 | 新) with changed text underlined
(``<u>``), one row per changed section anchored ``#T1``…, and a third column
with the rows of 素案からの主な変更点 behind each section and the comments
linked to them; every comment is listed at the end, anchored ``#C01``…, with
its 素案該当箇所, 区の考え方 and answer type. The opinion text itself is only
included when ``with_opinions`` is set (outputs never carry opinions unless
asked). All text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from revtool.changes.table import Changelog
from revtool.model import ChangeKind, ChangeRow, Comment
from revtool.render.changelog_common import CAUSE_JA, pages_label
from revtool.render.text import page_range
from revtool.views.taisho_text import (
    FOLD, Item, Para, SectionHeading, Side, TableRow, Taisho, TaishoMeta, TaishoRow, column_labels, grouped,
    is_fold, missing_mark, note_text, para_text, title_text,
)
from revtool.render.options import RenderOptions, TaishoFile

SHORT_CELL = 5  # cells this short (No., ○, 施策8) are never wrapped

CSS = """
:root { --line: #9a9a9a; --head: #e6e6e6; --ink: #1a1a1a; --muted: #5a5a5a; }
* { box-sizing: border-box; }
body { margin: 24px; color: var(--ink); background: #fff;
  font-family: "Noto Serif CJK JP", "Yu Mincho", "Hiragino Mincho ProN", "MS Mincho", serif;
  font-size: 14px; line-height: 1.7; }
h1 { font-size: 20px; text-align: center; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 8px; border-bottom: 2px solid var(--line); }
.meta { text-align: center; color: var(--muted); font-size: 12.5px; margin: 0 0 12px; }
table.taisho { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.taisho th, table.taisho td { border: 1px solid var(--line); padding: 6px 9px; vertical-align: top;
  overflow-wrap: anywhere; }
table.taisho thead th { background: var(--head); position: sticky; top: 0; font-size: 15px; }
col.text { width: 39%; } col.notes { width: 22%; }
table.taisho.bare col.text { width: 50%; }
td p { margin: 0 0 4px; }
table.inner { border-collapse: collapse; width: 100%; margin: 2px 0 6px; font-size: 13px; line-height: 1.5; }
table.inner th, table.inner td { border: 1px solid #c4c4c4; padding: 2px 5px; vertical-align: top; }
table.inner th { background: #f3f3f3; font-weight: normal; }
table.inner .short { white-space: nowrap; }
table.inner td.fold { text-align: center; color: var(--muted); }
.path { color: var(--muted); font-size: 12.5px; }
.heading { font-weight: bold; margin-bottom: 4px; }
.heading.sub { margin-top: 6px; }
p.fold { text-align: center; color: var(--muted); }
u { text-decoration: underline; text-decoration-thickness: 1.5px; text-underline-offset: 3px; }
td.new u { background: #fff3bf; }
td.old u { background: #ffe3e3; }
td.empty { background: repeating-linear-gradient(135deg, #fafafa, #fafafa 6px, #f1f1f1 6px, #f1f1f1 12px); }
td.notes { font-family: "Noto Sans CJK JP", "Yu Gothic", "Hiragino Sans", sans-serif; font-size: 12.5px;
  background: #fbfbfd; }
.anchor { float: right; font-size: 11px; color: var(--muted); text-decoration: none; }
.crow { margin-bottom: 8px; }
.crow .summary { margin: 2px 0; }
.tag { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11.5px; background: #e7eefc;
  color: #1d3f8f; margin-right: 4px; }
.tag.editorial { background: #eeeeee; color: #555; }
.tag.comment { background: #e3f5e8; color: #1d6b34; }
ul.comments { margin: 2px 0 0; padding-left: 16px; }
ul.comments li { margin-bottom: 4px; }
a { color: #1d4ed8; }
section.comment { border: 1px solid var(--line); padding: 8px 12px; margin: 8px 0; }
section.comment h3 { font-size: 15px; margin: 0 0 4px; }
section.comment dl { margin: 0; display: grid; grid-template-columns: 8em 1fr; gap: 2px 10px; }
section.comment dt { color: var(--muted); }
section.comment dd { margin: 0; white-space: pre-wrap; }
.pages { font-weight: normal; font-size: 11.5px; color: var(--muted); margin-left: 6px; }
details.nav { margin: 0 0 12px; font-size: 13px; }
details.nav ol { columns: 2; margin: 4px 0; padding-left: 2em; }
.privacy { color: var(--muted); font-size: 12.5px; }
@media print { body { margin: 0; } table.taisho thead th { position: static; } @page { size: A4 landscape; margin: 12mm; } }
"""


def _runs(para: Para) -> str:
    out = []
    for r in para:
        text = escape(r.text)
        out.append(f"<u>{text}</u>" if r.underline else text)
    return "".join(out)


def _side(side: Side | None, css: str, mark: str = "") -> str:
    if side is None:
        return f'<td class="{css} empty"><p class="fold">{escape(mark)}</p></td>'
    parts = []
    if side.ancestors:
        parts.append('<div class="path">' + escape(" ＞ ".join(side.ancestors)) + "</div>")
    pages = page_range(side.pages, missing="")
    page_span = f' <span class="pages">{escape(pages)}</span>' if pages else ""
    parts.append(f'<div class="heading">{_runs(side.heading)}{page_span}</div>')
    for item in grouped(side.body):
        if isinstance(item, list):
            parts.append(_inner_table(item))
        elif isinstance(item, SectionHeading):
            parts.append(f'<div class="heading sub">{_runs(item.heading)}</div>')
        elif is_fold(item):
            parts.append(f'<p class="fold">{escape(FOLD)}</p>')
        else:
            parts.append(f"<p>{_runs(item)}</p>")
    return f'<td class="{css}">' + "".join(parts) + "</td>"


def _nav(taisho: Taisho) -> str:
    """A folded list of the rows, for jumping around a long table."""
    if not taisho.rows:
        return ""
    items = []
    for r in taisho.rows:
        label = " ＞ ".join(r.section_path)
        kind = {ChangeKind.ADDED: "（新設）", ChangeKind.DELETED: "（削除）"}.get(r.kind, "")
        items.append(f'<li><a href="#{escape(r.anchor)}">{escape(r.anchor)}</a> {escape(label)}{kind}</li>')
    return (f'<details class="nav"><summary>変更のある節（{len(taisho.rows)}）</summary><ol>'
            + "".join(items) + "</ol></details>")


def _inner_table(rows: list[Item]) -> str:
    width = max((len(r.cells) for r in rows if isinstance(r, TableRow)), default=1)
    out = ['<table class="inner">']
    for r in rows:
        if isinstance(r, TableRow):
            tag = "th" if r.header else "td"
            cells = []
            for c in r.cells:
                short = ' class="short"' if len(para_text(c)) <= SHORT_CELL else ""
                cells.append(f"<{tag}{short}>{_runs(c)}</{tag}>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        else:
            out.append(f'<tr><td class="fold" colspan="{width}">{escape(FOLD)}</td></tr>')
    out.append("</table>")
    return "".join(out)


def _base_id(change_id: str) -> str:
    return change_id.split(".", 1)[0]


def rows_behind(trow: TaishoRow, log: Changelog) -> list[ChangeRow]:
    """The change-table rows behind a 新旧対照表 row: sharing a change, or (for a
    section added or deleted as a whole) covering the section."""
    ids = set(trow.change_ids)
    out = []
    for r in log.rows:
        if ids & {_base_id(c.id) for c in r.changes}:
            out.append(r)
        elif trow.kind in (ChangeKind.ADDED, ChangeKind.DELETED) and any(
                p and trow.section_path[:len(p)] == tuple(p) for p in r.section_paths):
            out.append(r)
    return out


def _comment_li(cid: str, comments: dict[str, Comment]) -> str:
    c = comments.get(cid)
    if c is None:
        return f'<li><a href="#{escape(cid)}">{escape(cid)}</a></li>'
    return (f'<li><a href="#{escape(cid)}">{escape(cid)}</a>（{escape(str(c.response_type))}）'
            f"{escape(c.ref)}</li>")


def _notes(trow: TaishoRow, log: Changelog | None, comments: dict[str, Comment]) -> str:
    parts = []
    if not trow.substantive:
        parts.append('<span class="tag editorial">文言整理</span>')
    if log is not None:
        for r in rows_behind(trow, log):
            cause = CAUSE_JA[r.cause.type]
            pages = pages_label(r)
            head = (f'<span class="tag">{escape(r.id)}</span>'
                    f'<span class="tag{" comment" if r.cause.comment_ids else ""}">{escape(cause)}</span>'
                    + (f" {escape(pages)}" if pages else ""))
            body = f'<p class="summary">{escape(r.summary)}</p>'
            items = "".join(_comment_li(cid, comments) for cid in r.cause.comment_ids)
            lis = f'<ul class="comments">{items}</ul>' if items else ""
            parts.append(f'<div class="crow">{head}{body}{lis}</div>')
    if not parts:
        parts.append('<span class="privacy">（主な変更点の行なし）</span>')
    link = f'<a class="anchor" href="#{escape(trow.anchor)}">{escape(trow.anchor)}</a>'
    return '<td class="notes">' + link + "".join(parts) + "</td>"


def _comment_sections(log: Changelog, shown: Sequence[TaishoRow], with_opinions: bool) -> str:
    back: dict[str, list[str]] = {}
    for trow in shown:
        for r in rows_behind(trow, log):
            for cid in r.cause.comment_ids:
                if trow.anchor not in back.setdefault(cid, []):
                    back[cid].append(trow.anchor)
    linked = [c for c in log.comments if c.id in back]
    if not linked:
        return ""
    out = ['<h2 id="comments">変更の理由となった意見と区の考え方</h2>']
    if not with_opinions:
        out.append('<p class="privacy">意見の本文は含めていません（--with-opinions で含めます）。</p>')
    for c in linked:
        rows = "、".join(f'<a href="#{escape(a)}">{escape(a)}</a>' for a in back[c.id])
        fields = [("素案該当箇所", escape(c.ref))]
        if with_opinions:
            fields.append(("主な意見", escape(c.opinion)))
        fields.append(("区の考え方", escape(c.response)))
        fields.append(("分類", escape(str(c.response_type))))
        fields.append(("対照表の箇所", rows))
        dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in fields)
        out.append(f'<section class="comment" id="{escape(c.id)}"><h3>{escape(c.id)}</h3><dl>{dl}</dl></section>')
    return "\n".join(out)


def _versions_line(meta: TaishoMeta) -> str:
    def one(label: str, version: str, source: str) -> str:
        return f"{label}: {version}" + (f"（{source}）" if source else "")

    return "　".join([one("新", meta.new_version, meta.new_source), one("旧", meta.old_version, meta.old_source)])


def taisho_html(taisho: Taisho, meta: TaishoMeta, log: Changelog | None = None, *,
                new_first: bool = True, with_opinions: bool = False) -> str:
    title = title_text(meta)
    labels = column_labels(meta, new_first)
    comments = {c.id: c for c in log.comments} if log is not None else {}
    with_notes = log is not None
    head_cells = "".join(f"<th>{escape(t)}</th>" for t in labels)
    cols = '<col class="text"><col class="text">'
    if with_notes:
        head_cells += "<th>主な変更点・意見</th>"
        cols += '<col class="notes">'
    body: list[str] = []
    for row in taisho.rows:
        new_td, old_td = _side(row.new, "new", missing_mark(row)), _side(row.old, "old", missing_mark(row))
        cells = new_td + old_td if new_first else old_td + new_td
        if with_notes:
            cells += _notes(row, log, comments)
        body.append(f'<tr id="{escape(row.anchor)}">{cells}</tr>')
    if not body:
        span = 3 if with_notes else 2
        body.append(f'<tr><td colspan="{span}">（変更はありません）</td></tr>')
    appendix = _comment_sections(log, taisho.rows, with_opinions) if log is not None else ""
    table_class = "taisho" if with_notes else "taisho bare"
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="ja">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(_versions_line(meta))}<br>{escape(note_text(meta, taisho))}</p>',
        _nav(taisho),
        f'<table class="{table_class}"><colgroup>{cols}</colgroup>',
        f"<thead><tr>{head_cells}</tr></thead>",
        "<tbody>",
        *body,
        "</tbody></table>",
        appendix,
        "</body>",
        "</html>",
        "",
    ])


def render_file(result: TaishoFile, options: RenderOptions) -> bytes:
    """Registry entry (``render.registry``): the 新旧対照表 as one HTML page."""
    return taisho_html(result.taisho, result.meta, result.changelog, new_first=options.new_first,
                       with_opinions=options.with_opinions).encode("utf-8")
