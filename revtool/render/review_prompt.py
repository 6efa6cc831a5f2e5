"""The interactive ``revtool review``: show each row of a review (``Review``:
``review_session.ReviewSession`` orders, resumes and commits), ask what to do,
print what was saved. Terminal input and output only; every decision is the
session's. The prompt says what it needs of a review (``Review``) and knows
nothing of the module that provides it: the session depends on the prompt's
keys, never the other way round."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from rich.console import Console
from rich.prompt import Prompt

from revtool.render import trace_view

if TYPE_CHECKING:
    from revtool.model import ChangeRow
    from revtool.views.trace import RowTrace


class Review(Protocol):
    """What the prompt asks of a review: the rows in order, each row's trace,
    whether a typed value is valid, what an answer does, and recording it."""

    result: Any  # the change table under review (``old``, ``new``, ``old_doc``, ``new_doc``)
    reviewed: set[str]  # rows gone through before (this or an earlier session)
    saved: int  # decisions recorded so far
    seen: int  # rows only marked as gone through (decisions.toml changed all the same)

    def order(self) -> list[ChangeRow]: ...

    def pending(self) -> list[ChangeRow]: ...

    def row_trace(self, row: ChangeRow) -> RowTrace: ...

    def check(self, kind: str, row_id: str, value: str) -> str: ...

    def actions(self, row: ChangeRow, kind: str, value: str = "") -> list[Any]: ...

    def decide(self, row_id: str, actions: Sequence[Any]) -> list[str]: ...


# the key a reviewer types -> the action (``Review.actions``)
KEYS = {
    "a": "accept", "r": "reject", "l": "link", "u": "unlink", "s": "summary", "i": "item",
    "e": "editorial", "c": "cause", "x": "exclude", "n": "skip", "q": "quit",
}
MENU = "a=確定 r=却下 l=意見を付け替え u=リンク解除 s=要約 i=項目 e=文言整理 c=理由 x=除外 n=次へ q=終了"

# what to ask for the value of an action that takes one (the rest take none)
VALUE_PROMPTS = {
    "link": "結び付ける意見（例: C05、空欄で取り消し）",
    "unlink": "外す意見（空欄で取り消し）",
    "cause": "理由（意見・外部・内部・不明、「:メモ」を続けて書けます。例: 内部:組織改正。空欄で取り消し）",
}
INTERRUPTED_EXIT = 130  # Ctrl-C: the shell's code for SIGINT


def answer_kind(key: str) -> str:
    """The action a typed key stands for (``skip`` when unknown)."""
    return KEYS.get(key.strip().lower(), "skip")


class _Prompter:
    """Questions on ``out``, complaints on ``err``; end of input answers "q"."""

    def __init__(self, session: Review, out: Console, err: Console) -> None:
        self.session, self.out, self.err = session, out, err

    def ask(self, prompt: str, default: str = "", **kw: Any) -> str:
        try:
            return str(Prompt.ask(prompt, console=self.out, default=default, **kw))
        except EOFError:
            return "q"

    def ask_valid(self, kind: str, row_id: str, default: str = "") -> str:
        """Ask until the value is valid (or empty: cancelled)."""
        while True:
            value = self.ask(VALUE_PROMPTS[kind], default=default).strip()
            if not value or value == "q":
                return ""
            value = value.upper() if kind in ("link", "unlink") else value
            problem = self.session.check(kind, row_id, value)
            if not problem:
                return value
            self.err.print(f"注意: {problem}", markup=False)

    def value(self, kind: str, row: Any) -> str:
        """The value an answer of ``kind`` takes for ``row`` ("" when none)."""
        if kind in ("link", "cause"):
            return self.ask_valid(kind, row.id)
        if kind == "unlink":
            return self.ask_valid(kind, row.id, (row.cause.comment_ids or ("",))[0])
        if kind in ("summary", "item"):
            current = row.summary if kind == "summary" else row.item
            return self.ask("新しい" + ("主な変更点" if kind == "summary" else "項目"), default=current).strip()
        return ""


def review_outcome(saved: int, seen: int) -> str:
    """The closing line: how many decisions were saved, and how many rows were
    only marked as gone through (that mark is written to decisions.toml too)."""
    marked = f"確認済みの印を {seen} 行に付けました（次回はその行を最後に回します）" if seen else ""
    if saved:
        return f"decisions.toml に {saved} 件の判断を保存しました。" + (f"{marked}。" if marked else "")
    if seen:
        return f"判断の変更はありません。decisions.toml には{marked}。"
    return "decisions.toml は変更していません。"


def run_review(session: Review, out: Console, err: Console) -> int:
    """Go through the session's rows; the exit code (0, or 130 after Ctrl-C,
    when every decision made so far is already saved)."""
    prompter, result = _Prompter(session, out, err), session.result
    order, pending = session.order(), session.pending()
    plain = not out.is_terminal
    if session.reviewed and pending:
        out.print(f"前回の続きから再開します（確認済みの {len(order) - len(pending)} 行は最後に回します）。")
    try:
        for n, row in enumerate(order, 1):
            out.rule(f"{n}/{len(order)}  {row.id}" + ("（確認済み）" if row.id in session.reviewed else ""))
            for part in trace_view.row_view(session.row_trace(row), result.old, result.new, plain=plain,
                                            docs=(result.old_doc, result.new_doc)):
                out.print(part)
            out.print(MENU)
            kind = answer_kind(prompter.ask("操作", choices=list(KEYS), default="n", show_choices=False))
            if kind == "quit":
                break
            for line in session.decide(row.id, session.actions(row, kind, prompter.value(kind, row))):
                out.print(f"・{line}（保存しました）", markup=False)
    except KeyboardInterrupt:
        out.print("")
        out.print(
            f"中断しました。ここまでの判断（{session.saved} 件）は decisions.toml に保存済みです。"
            "もう一度 revtool review を実行すると続きから再開します。"
        )
        return INTERRUPTED_EXIT
    out.print(review_outcome(session.saved, session.seen))
    return 0


def print_outcome(out: Console, outcome: Any, dry_run: bool) -> None:
    """What a scripted review did (an ``api.ReviewOutcome``): each action, then
    the new decisions.toml (``dry_run``) or the commit and the table's size."""
    for line in outcome.done:
        out.print(f"・{line}", markup=False)
    if dry_run:
        out.print("--dry-run: decisions.toml は書き換えていません。変更後の内容:")
        out.print(outcome.text, markup=False, soft_wrap=True)
        return
    out.print(
        f"decisions.toml をコミットしました（{outcome.commit[:8]}）。変更点一覧は {len(outcome.after.changelog.rows)} 行、"
        f"文言整理 {outcome.after.changelog.editorial_count} 件です。"
    )
