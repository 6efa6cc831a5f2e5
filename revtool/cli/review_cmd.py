"""``revtool review OLD NEW``: confirm, reject, re-link and edit the change
table's rows; the decisions go to decisions.toml, committed."""

from __future__ import annotations

from typing import Any

import typer

from revtool import api
from revtool.cli.app import app, env
from revtool.cli.quiet import working

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
    cause: list[str] = typer.Option([], "--cause", metavar="R5=理由", help="理由を指定: internal・external・unknown（「:メモ」可）。"),
    exclude: list[str] = typer.Option([], "--exclude", metavar="R7", help="行を別紙2 から除外します。"),
    dry_run: bool = typer.Option(False, "--dry-run", help="書き換えずに、変更後の decisions.toml を表示します。"),
    warnings: bool = typer.Option(False, "--warnings", help="注意（変更表と意見の取り込み）をすべて表示して終わります。"),
) -> None:
    """変更点一覧の各行を確認し、確定・却下・意見の付け替え・要約の修正などを decisions.toml に記録してコミットします。

    オプションを付けなければ、確からしさの低い行から順に 1 行ずつ尋ねます。
    """
    from revtool.pipeline import stale
    from revtool.workspace.decisions_edit import Action, accepted_rows, parse_action

    e = env(ctx)
    with working(e.err, f"{old} と {new} の変更点一覧を作っています"):
        result = api.changelog(e.workspace, old, new)
    for s in stale(result):
        e.err.print(f"注意: decisions.toml {s.message}", markup=False)
    if warnings:
        _print_all_warnings(e, result)
        return
    row_ids = sorted(api.review_rows(result), key=lambda r: (len(r), r))
    actions: list[Action] = []
    for kind, specs in (
        ("accept", accept), ("reject", reject), ("link", link), ("unlink", unlink), ("summary", summary),
        ("item", item), ("editorial", editorial), ("cause", cause), ("exclude", exclude),
    ):
        for spec in specs:
            actions.extend(parse_action(kind, spec, row_ids))
    if not actions:
        actions = _interactive(e, result, accepted_rows(result.decisions_text))
        if not actions:
            e.out.print("decisions.toml は変更していません。")
            return
    got = api.review(e.workspace, result, actions, dry_run=dry_run)
    for line in got.done:
        e.out.print(f"・{line}", markup=False)
    if dry_run:
        e.out.print("--dry-run: decisions.toml は書き換えていません。変更後の内容:")
        e.out.print(got.text, markup=False, soft_wrap=True)
        return
    e.out.print(
        f"decisions.toml をコミットしました（{got.commit[:8]}）。変更点一覧は {len(got.after.changelog.rows)} 行、"
        f"文言整理 {got.after.changelog.editorial_count} 件です。"
    )


def _print_all_warnings(e: Any, result: Any) -> None:
    """Every warning, grouped by kind: the change table's, then the comment table's."""
    from collections import defaultdict

    from revtool.render.warning_summary import warning_kind

    sets = (("変更表", [w.message for w in result.changelog.warnings]),
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


def _interactive(e: Any, result: Any, accepted: set[str]) -> list[Any]:
    """Step through the rows, lowest confidence first (rows already accepted last)."""
    from rich.prompt import Prompt

    from revtool.workspace.decisions_edit import Action
    from revtool.render import trace_view
    from revtool.views.trace import row_decision_notes, row_trace

    log = result.changelog
    order = sorted(log.rows, key=lambda r: (r.id in accepted, r.cause.confidence, int(r.id[1:]) if r.id[1:].isdigit() else 0))
    actions: list[Action] = []
    plain = not e.out.is_terminal

    def ask(prompt: str, **kw: Any) -> str:
        try:
            return str(Prompt.ask(prompt, console=e.out, **kw))
        except EOFError:
            return "q"

    for n, row in enumerate(order, 1):
        rt = row_trace(log, row.id, result.base, row_decision_notes(result.decisions, accepted, row.id))
        assert rt is not None
        e.out.rule(f"{n}/{len(order)}  {row.id}" + ("（確定済み）" if row.id in accepted else ""))
        for part in trace_view.row_view(rt, result.old, result.new, plain=plain):
            e.out.print(part)
        e.out.print(_MENU)
        key = ask("操作", choices=list(_KEYS), default="n", show_choices=False)
        kind = _KEYS.get(key.strip().lower(), "skip")
        if kind == "quit":
            break
        if kind == "skip":
            continue
        if kind == "link":
            value = ask("結び付ける意見（例: C05）").strip().upper()
            if not _valid(e, "link", row.id, value):
                continue
            for cid in row.cause.comment_ids:
                if cid != value:
                    actions.append(Action("unlink", row.id, cid))
            actions.append(Action("link", row.id, value))
        elif kind == "unlink":
            value = ask("外す意見", default=(row.cause.comment_ids or ("",))[0]).strip().upper()
            if _valid(e, "unlink", row.id, value):
                actions.append(Action("unlink", row.id, value))
        elif kind in ("summary", "item"):
            current = row.summary if kind == "summary" else row.item
            value = ask("新しい" + ("主な変更点" if kind == "summary" else "項目"), default=current).strip()
            if value and value != current:
                actions.append(Action(kind, row.id, value))
        elif kind == "cause":
            value = ask("理由（internal・external・unknown、「:メモ」を続けて書けます）", default="internal").strip()
            if _valid(e, "cause", row.id, value):
                actions.append(Action("cause", row.id, value))
        else:
            actions.append(Action(kind, row.id))
    return actions


def _valid(e: Any, kind: str, row_id: str, value: str) -> bool:
    from revtool.workspace.decisions_edit import parse_action
    from revtool.errors import RevtoolError

    try:
        parse_action(kind, f"{row_id}={value}", [row_id])
    except RevtoolError as exc:
        e.err.print(f"注意: {exc.message}", markup=False)
        return False
    return True
