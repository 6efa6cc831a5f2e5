"""A change-table row as linking sees it (``RowTarget``) and where it stands
against a comment's sections (``relation``: same / descendant / ancestor). Pure."""

from __future__ import annotations

from dataclasses import dataclass

from revtool.changes.headings import path_key
from revtool.model import SectionPath


@dataclass(frozen=True)
class RowTarget:
    """What linking needs of one row: where it is and what text changed."""

    row_id: str
    section_paths: tuple[SectionPath, ...]
    old_section_paths: tuple[SectionPath, ...]
    removed: str
    added: str
    context: str = ""
    kind: str = ""  # the row's ChangeKind value (added / deleted / modified / split / merged / moved / renamed), when known
    old_pages: tuple[int, ...] = ()  # 素案 pages the row's places are printed on (its blocks and their sections)
    labels: str = ""  # what names a changed table cell: its row's key and its column (「…の登録者数 目標値」)


# ---------------------------------------------------------------- relations


def relation(comment_paths: tuple[SectionPath, ...], row_paths: tuple[SectionPath, ...]) -> str:
    """``same`` / ``descendant`` (the row lies inside the comment's section) /
    ``ancestor`` (the row's section contains the comment's) / ``""``."""
    ckeys = [k for k in map(path_key, comment_paths) if k]
    rkeys = [k for k in map(path_key, row_paths) if k]
    return relation_keys(ckeys, rkeys)


# ---------------------------------------------------------------- scoring


_REL_ORDER = {"": 0, "ancestor": 1, "descendant": 2, "same": 3}


def relation_keys(ckeys: list[tuple[str, ...]], rkeys: list[tuple[str, ...]]) -> str:
    """``relation`` on precomputed, non-empty path keys."""
    best = ""
    for ck in ckeys:
        for rk in rkeys:
            if ck == rk:
                rel = "same"
            elif rk[: len(ck)] == ck:
                rel = "descendant"
            elif ck[: len(rk)] == rk:
                rel = "ancestor"
            else:
                continue
            if _REL_ORDER[rel] > _REL_ORDER[best]:
                best = rel
    return best
