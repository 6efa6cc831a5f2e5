"""``revtool review OLD NEW``: confirm, reject, re-link and edit the change
table's rows; the decisions go to decisions.toml, committed."""

from __future__ import annotations

from typing import Any

import typer

from revtool.cli.quiet import working
from revtool.cli.app import app, env

_KEYS = {
    "a": "accept", "r": "reject", "l": "link", "u": "unlink", "s": "summary", "i": "item",
    "e": "editorial", "c": "cause", "x": "exclude", "n": "skip", "q": "quit",
}
_MENU = "a=確定 r=却下 l=意見を付け替え u=リンク解除 s=要約 i=項目 e=文言整理 c=理由 x=除外 n=次へ q=終了"


@app.command("review")
def review_command(
    ctx: typer.Context,
    old: str = typer.Argument(..., help="比較元の版（例: 素案）。"),
    new: str = typer.Argument(..., help="比較先の版（例: 案）。"),
    accept: list[str] = typer.Option([], "--accept", metavar="R3|all", help="行の理由（意見とのリンク等）を確定。繰り返し指定可。"),
    reject: list[str] = typer.Option([], "--reject", metavar="R3", help="行の理由を却下（リンクは rejected に）。"),
    link: list[str] = typer.Option([], "--link", metavar="R4=C05", help="行と意見を結び付けます。"),
    unlink: list[str] = typer.Option([], "--unlink", metavar="R4=C02", help="行と意見のリンクを外します。"),
    summary: list[str] = typer.Option([], "--summary", metavar="R4=文", help="行の「主な変更点」を書き換えます。"),
    item: list[str] = typer.Option([], "--item", metavar="R4=項目", help="行の「項目」を書き換えます。"),
    editorial: list[str] = typer.Option([], "--editorial", metavar="R6", help="行の変更を文言整理として扱います。"),
    cause: list[str] = typer.Option([], "--cause", metavar="R5=理由", help="理由を指定: 内部・外部・不明・意見（internal 等の英語も可、「:メモ」可。例: 内部:組織改正）。"),
    exclude: list[str] = typer.Option([], "--exclude", metavar="R7", help="行を別紙2 から除外します。"),
    dry_run: bool = typer.Option(False, "--dry-run", help="書き換えずに、変更後の decisions.toml を表示します。"),
    warnings: bool = typer.Option(False, "--warnings", help="注意（変更表と意見の取り込み）をすべて表示して終わります。"),
) -> None:
    """変更点一覧の各行を確認し、確定・却下・意見の付け替え・要約の修正などを decisions.toml に記録してコミットします。

    オプションを付けなければ、確からしさの低い行から順に 1 行ずつ尋ねます。
    """
    from revtool.comments.fingerprint import fingerprints_of
    from revtool.workspace.decisions_edit import Action, apply_actions, parse_action, reviewed_rows
    from revtool.pipeline import build_for_workspace, stale
    from revtool.workspace.store import Workspace

    e = env(ctx)
    ws = Workspace.open(e.workspace)
    with working(e.err, f"{old} と {new} の変更点一覧を作っています"):
        result = build_for_workspace(ws, old, new)
    log, base = result.changelog, result.base
    for s in stale(result):
        e.err.print(f"注意: decisions.toml {s.message}", markup=False)
    if warnings:
        _print_all_warnings(e, result)
        return
    rows = {r.id: r for r in base.rows}
    rows.update({r.id: r for r in log.rows})
    row_ids = sorted(rows, key=lambda r: (len(r), r))
    comment_ids = [c.id for c in result.comments]
    fingerprints = fingerprints_of(comment_ids, result.comments)
    actions: list[Action] = []
    for kind, specs in (
        ("accept", accept), ("reject", reject), ("link", link), ("unlink", unlink), ("summary", summary),
        ("item", item), ("editorial", editorial), ("cause", cause), ("exclude", exclude),
    ):
        for spec in specs:
            actions.extend(parse_action(kind, spec, row_ids, comment_ids))
    if not actions:
        _interactive(e, ws, result, rows, fingerprints, reviewed_rows(result.decisions_text))
        return
    text, done = apply_actions(result.decisions_text, actions, rows, fingerprints)
    after = build_for_workspace(ws, old, new, decisions_text=text)  # validates the new text
    for line in done:
        e.out.print(f"・{line}", markup=False)
    if dry_run:
        e.out.print("--dry-run: decisions.toml は書き換えていません。変更後の内容:")
        e.out.print(text, markup=False, soft_wrap=True)
        return
    message = f"レビュー: {old} → {new}（{len(done)} 件）\n\n" + "\n".join(f"- {d}" for d in done)
    commit = ws.commit_files({"decisions.toml": text.encode("utf-8")}, message, {"Revtool-Review": f"{old}..{new}"})
    e.out.print(
        f"decisions.toml をコミットしました（{commit[:8]}）。変更点一覧は {len(after.changelog.rows)} 行、"
        f"文言整理 {after.changelog.editorial_count} 件です。"
    )


def _print_all_warnings(e: Any, result: Any) -> None:
    """Every warning, grouped by kind: the change table's, then the comment table's."""
    from collections import defaultdict

    from revtool.render.warning_summary import warning_kind

    sets = (("変更表", list(dict.fromkeys(w.message for w in result.changelog.warnings))),
            ("意見の取り込み", [f"{c.id} {w}" for c in result.comments for w in c.warnings]))
    for title, messages in sets:
        kinds: dict[str, list[str]] = defaultdict(list)
        for m in messages:
            kinds[warning_kind(m)].append(m)
        e.out.print(f"■ {title}の注意 {len(messages):,} 件", markup=False)
        for kind, items in sorted(kinds.items(), key=lambda k: -len(k[1])):
            e.out.print(f"  {kind}（{len(items):,} 件）", markup=False)
            for m in items:
                e.out.print(f"    {m}", markup=False, soft_wrap=True)


def _interactive(e: Any, ws: Any, result: Any, rows: Any, fingerprints: Any, reviewed: set[str]) -> None:
    """Step through the rows, lowest confidence first; rows an earlier session
    already went through come last, so a second run resumes where one stopped.
    Each decision is committed as it is made: Ctrl-C loses nothing."""
    from rich.prompt import Prompt

    from revtool.workspace.decisions import parse_decisions
    from revtool.workspace.decisions_edit import Action, apply_actions
    from revtool.render import trace_view
    from revtool.views.trace import row_decision_notes, row_trace

    log = result.changelog
    order = sorted(log.rows, key=lambda r: (r.id in reviewed, r.cause.confidence, int(r.id[1:]) if r.id[1:].isdigit() else 0))
    plain = not e.out.is_terminal
    comment_ids = [c.id for c in result.comments]
    state = {"text": result.decisions_text, "saved": 0}

    def ask(prompt: str, **kw: Any) -> str:
        try:
            return str(Prompt.ask(prompt, console=e.out, **kw))
        except EOFError:
            return "q"

    def save(row_id: str, acts: list[Action]) -> None:
        text, done = apply_actions(state["text"], [*acts, Action("seen", row_id)], rows, fingerprints)
        parse_decisions(text)  # the text stays readable
        if text == state["text"]:
            return
        message = f"レビュー: {result.old} → {result.new} {row_id}\n\n" + "\n".join(f"- {d}" for d in done or ["確認のみ"])
        ws.commit_files({"decisions.toml": text.encode("utf-8")}, message, {"Revtool-Review": f"{result.old}..{result.new}"})
        state["text"] = text
        state["saved"] += len(done)
        for line in done:
            e.out.print(f"・{line}（保存しました）", markup=False)

    pending = [r for r in order if r.id not in reviewed]
    if reviewed and pending:
        e.out.print(f"前回の続きから再開します（確認済みの {len(order) - len(pending)} 行は最後に回します）。")
    try:
        for n, row in enumerate(order, 1):
            rt = row_trace(log, row.id, result.base, row_decision_notes(result.decisions, reviewed, row.id))
            assert rt is not None
            e.out.rule(f"{n}/{len(order)}  {row.id}" + ("（確認済み）" if row.id in reviewed else ""))
            for part in trace_view.row_view(rt, result.old, result.new, plain=plain, docs=(result.old_doc, result.new_doc)):
                e.out.print(part)
            e.out.print(_MENU)
            key = ask("操作", choices=list(_KEYS), default="n", show_choices=False)
            kind = _KEYS.get(key.strip().lower(), "skip")
            if kind == "quit":
                break
            acts: list[Action] = []
            if kind == "link":
                value = _ask_valid(e, ask, "結び付ける意見（例: C05、空欄で取り消し）", "link", row.id, comment_ids)
                if value:
                    acts = [Action("unlink", row.id, cid) for cid in row.cause.comment_ids if cid != value]
                    acts.append(Action("link", row.id, value))
            elif kind == "unlink":
                value = _ask_valid(
                    e, ask, "外す意見（空欄で取り消し）", "unlink", row.id, comment_ids,
                    default=(row.cause.comment_ids or ("",))[0],
                )
                if value:
                    acts = [Action("unlink", row.id, value)]
            elif kind in ("summary", "item"):
                current = row.summary if kind == "summary" else row.item
                value = ask("新しい" + ("主な変更点" if kind == "summary" else "項目"), default=current).strip()
                if value and value != current:
                    acts = [Action(kind, row.id, value)]
            elif kind == "cause":
                value = _ask_valid(e, ask, "理由（意見・外部・内部・不明、「:メモ」を続けて書けます。例: 内部:組織改正。空欄で取り消し）", "cause", row.id, comment_ids)
                if value:
                    acts = [Action("cause", row.id, value)]
            elif kind != "skip":
                acts = [Action(kind, row.id)]
            save(row.id, acts)
    except KeyboardInterrupt:
        e.out.print("")
        e.out.print(
            f"中断しました。ここまでの判断（{state['saved']} 件）は decisions.toml に保存済みです。"
            "もう一度 revtool review を実行すると続きから再開します。"
        )
        raise typer.Exit(130) from None
    if state["saved"] == 0:
        e.out.print("decisions.toml は変更していません。")
    else:
        e.out.print(f"decisions.toml に {state['saved']} 件の判断を保存しました。")


def _ask_valid(e: Any, ask: Any, prompt: str, kind: str, row_id: str, comment_ids: list[str], default: str = "") -> str:
    """Ask until the value is valid (or empty: cancelled)."""
    while True:
        value = ask(prompt, default=default) if default else ask(prompt, default="")
        value = value.strip()
        if not value or value == "q":
            return ""
        if kind in ("link", "unlink"):
            value = value.upper()
        if _valid(e, kind, row_id, value, comment_ids):
            return value


def _valid(e: Any, kind: str, row_id: str, value: str, comment_ids: list[str] | None = None) -> bool:
    from revtool.workspace.decisions_edit import parse_action
    from revtool.errors import RevtoolError

    try:
        parse_action(kind, f"{row_id}={value}", [row_id], comment_ids)
    except RevtoolError as exc:
        e.err.print(f"注意: {exc.message}", markup=False)
        return False
    return True
