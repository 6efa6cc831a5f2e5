"""``revtool review OLD NEW``: confirm, reject, re-link and edit the change
table's rows; the decisions go to decisions.toml, committed."""

from __future__ import annotations

from typing import Any

import typer

from revtool.render.progress import working
from revtool.cli.app import app, env

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
    from revtool import api
    from revtool.workspace.review_session import parse_review_options

    e = env(ctx)
    ws = api.open_workspace(e.workspace)
    with working(e.err, f"{old} と {new} の変更点一覧を作っています"):
        result = api.changelog(ws, old, new)
    for s in api.stale_decisions(result):
        e.err.print(f"注意: decisions.toml {s.message}", markup=False)
    if warnings:
        from revtool.render.warning_summary import grouped_lines

        for line in grouped_lines(result):
            e.out.print(line, markup=False, soft_wrap=True)
        return
    options = {"accept": accept, "reject": reject, "link": link, "unlink": unlink, "summary": summary,
               "item": item, "editorial": editorial, "cause": cause, "exclude": exclude}
    actions = parse_review_options(result, options)
    if not actions:
        _interactive(e, ws, result)
        return
    outcome = api.review(ws, result, actions, dry_run=dry_run)
    for line in outcome.done:
        e.out.print(f"・{line}", markup=False)
    if dry_run:
        e.out.print("--dry-run: decisions.toml は書き換えていません。変更後の内容:")
        e.out.print(outcome.text, markup=False, soft_wrap=True)
        return
    e.out.print(
        f"decisions.toml をコミットしました（{outcome.commit[:8]}）。変更点一覧は {len(outcome.after.changelog.rows)} 行、"
        f"文言整理 {outcome.after.changelog.editorial_count} 件です。"
    )


def _interactive(e: Any, ws: Any, result: Any) -> None:
    """Prompt for each row of a ``ReviewSession`` (which orders, resumes and commits)."""
    from rich.prompt import Prompt

    from revtool.render import trace_view
    from revtool.workspace.review_session import KEYS, MENU, ReviewSession, answer_kind

    session = ReviewSession.start(ws, result)
    order, pending = session.order(), session.pending()
    plain = not e.out.is_terminal

    def ask(prompt: str, default: str = "", **kw: Any) -> str:
        try:
            return str(Prompt.ask(prompt, console=e.out, default=default, **kw))
        except EOFError:
            return "q"

    def ask_valid(prompt: str, kind: str, row_id: str, default: str = "") -> str:
        """Ask until the value is valid (or empty: cancelled)."""
        while True:
            value = ask(prompt, default=default).strip()
            if not value or value == "q":
                return ""
            value = value.upper() if kind in ("link", "unlink") else value
            problem = session.check(kind, row_id, value)
            if not problem:
                return value
            e.err.print(f"注意: {problem}", markup=False)

    if session.reviewed and pending:
        e.out.print(f"前回の続きから再開します（確認済みの {len(order) - len(pending)} 行は最後に回します）。")
    try:
        for n, row in enumerate(order, 1):
            e.out.rule(f"{n}/{len(order)}  {row.id}" + ("（確認済み）" if row.id in session.reviewed else ""))
            for part in trace_view.row_view(session.row_trace(row), result.old, result.new, plain=plain,
                                            docs=(result.old_doc, result.new_doc)):
                e.out.print(part)
            e.out.print(MENU)
            kind = answer_kind(ask("操作", choices=list(KEYS), default="n", show_choices=False))
            if kind == "quit":
                break
            value = ""
            if kind == "link":
                value = ask_valid("結び付ける意見（例: C05、空欄で取り消し）", kind, row.id)
            elif kind == "unlink":
                value = ask_valid("外す意見（空欄で取り消し）", kind, row.id, (row.cause.comment_ids or ("",))[0])
            elif kind == "cause":
                value = ask_valid("理由（意見・外部・内部・不明、「:メモ」を続けて書けます。例: 内部:組織改正。空欄で取り消し）", kind, row.id)
            elif kind in ("summary", "item"):
                current = row.summary if kind == "summary" else row.item
                value = ask("新しい" + ("主な変更点" if kind == "summary" else "項目"), default=current).strip()
            for line in session.decide(row.id, session.actions(row, kind, value)):
                e.out.print(f"・{line}（保存しました）", markup=False)
    except KeyboardInterrupt:
        e.out.print("")
        e.out.print(
            f"中断しました。ここまでの判断（{session.saved} 件）は decisions.toml に保存済みです。"
            "もう一度 revtool review を実行すると続きから再開します。"
        )
        raise typer.Exit(130) from None
    if session.saved == 0:
        e.out.print("decisions.toml は変更していません。")
    else:
        e.out.print(f"decisions.toml に {session.saved} 件の判断を保存しました。")
