"""``revtool review OLD NEW``: confirm, reject, re-link and edit the change
table's rows; the decisions go to decisions.toml, committed."""

from __future__ import annotations

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

    e = env(ctx)
    ws = api.open_workspace(e.workspace)
    with working(e.err, f"{old} と {new} の変更点一覧を作っています"):
        result = api.changelog(ws, old, new)
    for s in api.stale_decisions(result):
        e.err.print(f"注意: decisions.toml {s.message}", markup=False)
    if warnings:
        from revtool.render.warning_summary import grouped_lines

        lines = grouped_lines(result)
        if lines:  # one print: 2,000 comments give thousands of lines, and rich costs ~1 ms a call
            from revtool.render.terminal import print_plain

            print_plain(e.out, "\n".join(lines))
        return
    from revtool.render.review_prompt import print_outcome
    from revtool.review_session import parse_review_options

    options = {"accept": accept, "reject": reject, "link": link, "unlink": unlink, "summary": summary,
               "item": item, "editorial": editorial, "cause": cause, "exclude": exclude}
    actions = parse_review_options(result, options)
    if not actions:
        from revtool.render.review_prompt import run_review
        from revtool.review_session import ReviewSession

        raise typer.Exit(run_review(ReviewSession.start(ws, result), e.out, e.err))
    outcome = api.review(ws, result, actions, dry_run=dry_run)
    print_outcome(e.out, outcome, dry_run)
