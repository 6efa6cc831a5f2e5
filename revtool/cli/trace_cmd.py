"""``revtool trace TARGET`` and ``revtool blame VERSION SECTION``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from revtool.cli.app import app, env
from revtool.errors import WorkspaceError

MANIFEST = "sections/manifest.json"


def _pair(ws: Any, old: str | None, new: str | None) -> tuple[str, str]:
    from revtool.pipeline import default_pair

    if old and new:
        return old, new
    d_old, d_new = default_pair(ws)
    if new and not old:
        labels = [v.label for v in ws.versions()]
        if new in labels and labels.index(new) > 0:
            return labels[labels.index(new) - 1], new
    return old or d_old, new or d_new


def _section_file(ws: Any, label: str, path: tuple[str, ...]) -> str:
    """The folder of a section in ``sections/`` at a version (from its manifest)."""
    raw = ws.read_at(label, MANIFEST)
    if raw is None or not path:
        return ""
    entries = json.loads(raw.decode("utf-8")).get("sections", [])
    file = ""
    for heading in path:
        entry = next((e for e in entries if e.get("heading") == heading), None)
        if entry is None:
            return ""
        file, entries = entry.get("file", ""), entry.get("children", [])
    return "sections/" + file.rsplit("/", 1)[0] if file else ""


@app.command("trace")
def trace_command(
    ctx: typer.Context,
    target: str = typer.Argument(..., help="行（R3）、意見（C01）、または節（施策5、第2章/1./（2） のような道筋）。"),
    old: str | None = typer.Option(None, "--old", metavar="版", help="比較元の版（既定: 最後から 2 番目に取り込んだ版）。"),
    new: str | None = typer.Option(None, "--new", metavar="版", help="比較先の版（既定: 最後に取り込んだ版）。"),
) -> None:
    """変更点一覧の行・意見・節について、変更の差分、結び付いた意見とその根拠をたどって表示します。"""
    from revtool.pipeline import build_for_workspace
    from revtool.render import trace_view
    from revtool.workspace.store import Workspace
    from revtool.views.trace import comment_trace, parse_target, row_trace

    e = env(ctx)
    ws = Workspace.open(e.workspace)
    plain = not e.out.is_terminal
    t = parse_target(target)
    if t.kind == "section":
        _trace_section(e, ws, t.value)
        return
    o, n = _pair(ws, old, new)
    result = build_for_workspace(ws, o, n)
    log = result.changelog
    if t.kind == "row":
        from revtool.workspace.decisions_edit import accepted_rows
        from revtool.views.trace import row_decision_notes

        notes = row_decision_notes(result.decisions, accepted_rows(result.decisions_text), t.value)
        rt = row_trace(log, t.value, result.base, notes)
        if rt is None:
            shown = "、".join(r.id for r in log.rows) or "なし"
            raise WorkspaceError(f"行 {t.value} は「{o}」→「{n}」の変更点一覧にありません（行: {shown}）。")
        parts = trace_view.row_view(rt, o, n, plain=plain, docs=(result.old_doc, result.new_doc))
    else:
        ct = comment_trace(log, t.value)
        if ct is None:
            raise WorkspaceError(
                f"意見 {t.value} は取り込まれていません（{len(log.comments)} 件）。",
                hint="revtool comments list で一覧を確認してください。",
            )
        parts = trace_view.comment_view(ct)
    for p in parts:
        e.out.print(p)


def _trace_section(e: Any, ws: Any, query: str) -> None:
    from revtool.workspace.history import file_log
    from revtool.render import trace_view
    from revtool.views.trace import VersionDoc, section_history

    infos = ws.versions()
    if not infos:
        raise WorkspaceError("取り込まれた版がありません。", hint="revtool ingest で取り込んでください。")
    versions = [VersionDoc(v.label, v.commit, v.date, v.cites, v.message, ws.load(v.label)) for v in infos]
    steps = section_history(versions, query)
    if not any(s.path for s in steps):
        raise WorkspaceError(f"節「{query}」はどの版にも見つかりません。", hint="revtool show 版 で節の一覧を確認してください。")
    latest = next(s for s in reversed(steps) if s.path)
    from revtool.views.section_query import find_sections, match_note

    note = match_note(query, find_sections(next(v.doc for v in versions if v.label == latest.label), query), chosen=True)
    if note:
        e.out.print(note, markup=False)
    folder = _section_file(ws, latest.label, latest.path)
    log = file_log(Path(ws.root), folder) if folder else []
    rows: list[Any] = []
    comments: list[Any] = []
    pair = ("", "")
    if len(infos) >= 2:
        from revtool.pipeline import build_for_workspace
        from revtool.views.trace import section_links

        pair = (infos[-2].label, infos[-1].label)
        rows, comments = section_links(build_for_workspace(ws, *pair).changelog, latest.path)
    for p in trace_view.section_view(query, steps, log, folder, rows, comments, pair):
        e.out.print(p)


@app.command("blame")
def blame_command(
    ctx: typer.Context,
    version: str = typer.Argument(..., help="版（例: 案）。"),
    section: str = typer.Argument(..., help="節（施策5、見出し、第2章/1./（2） のような道筋）。"),
    cites: bool = typer.Option(False, "--cites", help="各版の取り込み時に引用した意見（--cites）も表示します。"),
) -> None:
    """節の各文について、その文を最初に含んだ版（取り込みコミット）を表示します。"""
    from revtool.views.blame import blame
    from revtool.render import trace_view
    from revtool.workspace.store import Workspace

    e = env(ctx)
    ws = Workspace.open(e.workspace)
    ws.resolve(version)  # a clear message for an unknown version
    infos = ws.versions()
    docs = [(v.label, ws.load(v.label)) for v in infos]
    got = blame(docs, version, section)
    if got is None:
        raise WorkspaceError(f"版「{version}」に節「{section}」が見つかりません。", hint=f"revtool show {version} で節の一覧を確認してください。")
    path, lines = got
    info = {v.label: (v.commit, v.date.strftime("%Y-%m-%d"), v.cites) for v in infos}
    for p in trace_view.blame_view(path, lines, info, cites):
        e.out.print(p)
    if not lines:
        e.out.print("この節には本文がありません。")
