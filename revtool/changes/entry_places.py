"""One 取組 added in two places of its 施策 — its sentence in （2）取組内容 and its
line in the （3）実施主体とスケジュール table — is one decision, one row listing
both places. Pure."""

from __future__ import annotations

from revtool.changes.facts import BLOCK_ADDED, ROW_ADDED, TEXT, Fact, key
from revtool.changes.group import Group, join_groups
from revtool.compare import morph

_CONTENT_POS = ("名詞", "動詞", "形容詞", "形状詞")
MIN_WORDS = 2  # content words a row's name needs before its words found in a sentence count


def _words(text: str) -> set[str]:
    """The content words of ``text`` by their dictionary form (suffixes and particles left out)."""
    return {m.normalized for m in morph.morphemes(text)
            if m.pos in _CONTENT_POS and m.pos2 != "数詞" and not m.is_function and not m.is_punct}


def _added_rows(g: Group) -> list[Fact]:
    return [f for f in g.facts if f.kind == ROW_ADDED and f.row_key]


def _added_text(g: Group) -> str:
    """The sentences the group only adds (a list item, a paragraph, a sentence); "" when it does anything else."""
    if not g.facts or any(f.polarity != "+" or f.kind not in (BLOCK_ADDED, TEXT) for f in g.facts):
        return ""
    return "\n".join(f.new for f in g.facts)


def _single(g: Group) -> bool:
    return not (g.every or g.added_root or g.structural) and len(g.paths) == 1 and len(g.paths[0]) >= 2


def named_by(row_key: str, text: str) -> bool:
    """Whether every content word of a table row's name (停留所の新設, 女性運転士の確保,
    車両の小型化), at least two, is a word of ``text`` (「…停留所の新設を検討します」,
    「女性や若年層の運転士を確保する…」), or that word's stem with one suffix
    character (小型化 ← 小型車両)."""
    mine, theirs = _words(row_key), _words(text)
    # a word with a suffix of its own (小型化) is said by its stem (小型車両)
    return len(mine) >= MIN_WORDS and all(w in theirs or any(len(t) >= 2 and w.startswith(t) and len(w) - len(t) == 1
                                                             for t in theirs) for w in mine)


def join_entry_and_schedule(groups: list[Group]) -> list[Group]:
    """A row of its own made only of table rows added (the schedule's line for a
    取組) joins the row of a sibling section (same parent) made only of sentences
    added, when every added row's name is said in words by those sentences: the
    取組 written into the text and into its schedule is one decision."""
    for g in list(groups):
        rows = _added_rows(g)
        if not _single(g) or not rows or len(rows) != len(g.facts):
            continue
        parent = g.paths[0][:-1]
        for h in groups:
            if h is g or not _single(h) or h.paths[0][:-1] != parent or h.paths[0] == g.paths[0]:
                continue
            text = _added_text(h)
            if text and all(named_by(f.row_key, text) for f in rows):
                names = "、".join(f"「{f.row_key.strip()}」" for f in rows)
                join_groups(h, g, echo=False,
                            why=f"表に加えた行（{names}）は、隣の節に加えた文がその語で述べる同じ事柄のため一つの行")
                h.anchor = parent
                groups.remove(g)
                break
    return groups
