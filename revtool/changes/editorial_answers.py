"""Comments answered by a 文言整理 (editorial change) rather than by a row. Pure.

A 反映 answer may be explained by an editorial edit where the comment points:
「表記を「こども」に統一いたします」 (the answer quotes the edited word:
``answered_by_editorial``), or, without a quote in the answer, a comment about
the wording itself — its opinion quotes the very word the edit removed or
introduced (「施索」は誤記ではないか → 「ご指摘を踏まえ、修文いたします」, 施索 → 施策),
or it speaks of 表記・誤記・誤字 (「表記が統一されていない」 → 「ご指摘のとおり修正します」,
子ども → こども in its section). Such a comment links to a row only when the
evidence names that row: a quote or a word of the answer found in it, words
it shares with the row's changed text, or the word it quotes edited there.
A row of a neighbouring section reached through a page, a template verb
(修正) and nothing else is no evidence (``keep_pair``). The pairs left out
keep their evidence, with the reason, in ``Changelog.scores`` (trace shows
them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from revtool.changes.facts import key
from revtool.changes.link_scores import NAMED_FLOOR
from revtool.changes.headings import path_key
from revtool.changes.row_target import RowTarget, relation
from revtool.changes.table import Scored
from revtool.compare.chardiff import common_ends
from revtool.changes.table import UNLINKED_MARK  # noqa: F401 (in the evidence of a pair set aside, before the reason; re-exported)
from revtool.model import Change, Comment, ResponseType, SectionPath

QUOTE = re.compile(r"[「『]([^「」『』]{2,60})[」』]")
_OPINION_WORD = re.compile(r"[「『]([^「」『』]{1,20})[」』]")
# an opinion about the wording itself, not the content
_WORDING = re.compile(r"表記|誤記|誤字|脱字|誤植|誤変換|送り仮名|送りがな|用字|文字の誤り|の誤り|統一されて(?:いな|おら)|ゆれ|揺れ")


class EditorialIndex:
    """Editorial changes by the path keys of their sections (every prefix), so
    that those in a comment's section (same, above or below, as ``relation``
    tells) are found without a scan of all of them."""

    def __init__(self, editorial: list[Change]) -> None:
        self.changes = editorial
        self._keys: dict[int, tuple[str, str]] = {}  # id of a change -> its normalised old and new text
        self.by_prefix: dict[tuple[str, ...], list[int]] = {}  # every prefix of a change's path key
        self.by_key: dict[tuple[str, ...], list[int]] = {}  # a change's whole path key
        for i, ch in enumerate(editorial):
            for k in {k for k in (path_key(p) for p in (ch.section_path, ch.old_section_path) if p) if k}:
                self.by_key.setdefault(k, []).append(i)
                for n in range(1, len(k) + 1):
                    self.by_prefix.setdefault(k[:n], []).append(i)

    def near(self, section_paths: tuple[SectionPath, ...]) -> list[Change]:
        """The changes ``relation`` relates to ``section_paths``, in their order."""
        found: set[int] = set()
        for ck in {k for k in map(path_key, section_paths) if k}:
            found.update(self.by_prefix.get(ck, ()))  # same or below
            for n in range(1, len(ck)):
                found.update(self.by_key.get(ck[:n], ()))  # above
        return [self.changes[i] for i in sorted(found)]

    def texts(self, ch: Change) -> tuple[str, str]:
        """The change's old and new text, normalised (``key``), computed once."""
        got = self._keys.get(id(ch))
        if got is None:
            got = self._keys[id(ch)] = (key(ch.old_text), key(ch.new_text))
        return got


def _near(comment: Comment, editorial: "list[Change] | EditorialIndex") -> list[Change]:
    near = editorial.near(comment.resolved_section_paths) if isinstance(editorial, EditorialIndex) else editorial
    return [ch for ch in near
            if relation(comment.resolved_section_paths, tuple(p for p in (ch.section_path, ch.old_section_path) if p))]


def answered_by_editorial(comment: Comment, editorial: "list[Change] | EditorialIndex") -> bool:
    """A 反映 answer whose only edit is a 文言整理 (「表記を統一しました」): an
    editorial change in the section the comment points at (same, above or
    below), holding the text the answer quotes when it quotes one.
    ``editorial``: the changes, or their ``EditorialIndex`` when asked for many comments."""
    if not comment.resolved_section_paths:
        return False
    quotes = [key(q) for q in QUOTE.findall(comment.response) if len(key(q)) >= 2]
    for ch in _near(comment, editorial):
        if not quotes or any(q in key(ch.new_text) or q in key(ch.old_text) for q in quotes):
            return True
    return False


@dataclass(frozen=True)
class EditorialAnswer:
    """Why a comment's answer is explained by a 文言整理 where it points."""

    words: tuple[str, ...]  # the opinion's quoted words the edit removed or introduced (normalised); () for a 表記 remark
    why: str
    introduced: tuple[str, ...] = ()  # those of ``words`` the edit introduced (推進 of 「推准」は「推進」の誤り)


def _snippet(ch: Change) -> str:
    old, new = key(ch.old_text), key(ch.new_text)
    p, s = common_ends(old, new)
    # two characters around the edit: 「子ども」→「こども」, not 「子」→「こ」
    lo, ho, hn = max(0, p - 2), min(len(old), len(old) - s + 2), min(len(new), len(new) - s + 2)
    return f"「{old[lo:ho][:16]}」→「{new[lo:hn][:16]}」"


def editorial_answer(comment: Comment, editorial: "list[Change] | EditorialIndex") -> EditorialAnswer | None:
    """The 文言整理 that answers a 反映 comment about wording (see the module), or None."""
    if comment.response_type != ResponseType.REFLECTED:
        return None
    near = _near(comment, editorial) if comment.resolved_section_paths else []
    words = [k for k in (key(q) for q in _OPINION_WORD.findall(comment.opinion)) if k]
    wording = bool(_WORDING.search(comment.opinion))
    # a remark on the wording may point ambiguously (「3（1）」 in every chapter):
    # the edit of its very words is looked for in the whole plan
    everywhere = (editorial.changes if isinstance(editorial, EditorialIndex) else editorial) if wording and words else []
    for where, changes in (("指摘箇所の", near), ("", everywhere)):
        for ch in changes:
            old, new = editorial.texts(ch) if isinstance(editorial, EditorialIndex) else (key(ch.old_text), key(ch.new_text))
            # the quoted word is what the edit took out or put in (施索 → 施策)
            edited = [w for w in words if (w in old) != (w in new)]
            if edited:
                return EditorialAnswer(tuple(edited), f"意見の「{'」「'.join(edited)}」は{where}文言整理{_snippet(ch)}で修正済み",
                                       tuple(w for w in edited if w in new))
    if near and wording and not words:
        return EditorialAnswer((), f"表記の指摘で、指摘箇所の文言整理{_snippet(near[0])}で対応済み")
    return None


def editorial_answers(comments: "list[Comment]", editorial: "list[Change] | EditorialIndex") -> dict[str, EditorialAnswer]:
    """``editorial_answer`` of each comment that has one, by comment id."""
    out = {}
    for c in comments:
        a = editorial_answer(c, editorial)
        if a is not None:
            out[c.id] = a
    return out


def keep_pair(s: Scored, answer: EditorialAnswer, target: RowTarget) -> bool:
    """Whether a comment answered by a 文言整理 may still link this row: the row
    holds the word the opinion quotes (a word the edit introduced, in its new
    text: 「推准」は「推進」の誤り is no reason for a row that removed 推進室), the
    answer names it (a quote, a word, a title found in it), or the comment
    shares words with its changed text."""
    changed = key(target.removed + "\n" + target.added)
    added = key(target.added)
    if any(w in (added if w in answer.introduced else changed) for w in answer.words):
        return True
    return s.named >= NAMED_FLOOR or len(s.shared) >= 3
