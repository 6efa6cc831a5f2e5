"""Comment tables (別紙1): read any format, resolve each 素案該当箇所 against a
version, classify each 区の考え方.

    rows = read_comment_table(path)                  # reader at the edge
    comments = import_comments(rows, doc, config)    # pure
    data = comments_to_json(comments)                # docs/ARCHITECTURE.md §4 "comments" objects
    comments = comments_from_json(data)

Modules: ``readers`` (files → grids), ``table`` (grids → rows: header synonyms,
repeated headers), ``refs`` (reference → Locator), ``resolve`` (Locator ×
Document → candidates), ``classify`` (answer type + evidence).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from revtool.comments.classify import AnswerRules, build_rules, category_type, classify
from revtool.comments.refs import parse_ref
from revtool.comments.resolve import Entry, Resolution, index, resolve
from revtool.comments.table import RawRow, rows_from_grids
from revtool.config import section
from revtool.model import Candidate, Comment, Document, Locator, ResponseType
from revtool.normalize import normalize_key

__all__ = [
    "RawRow",
    "comment_id",
    "comment_groups",
    "comments_file_text",
    "comments_from_json",
    "comments_to_json",
    "comments_to_store_json",
    "import_comments",
    "make_comment",
    "read_comment_table",
]


def read_comment_table(path: Path) -> list[RawRow]:
    """The data rows of a comment table file (TSV/CSV/XLSX/DOCX/PDF), numbered
    from 1. Raises ``CommentTableError`` naming the file when no header is found
    or the file cannot be decoded."""
    from revtool.comments.readers import read_grids

    return rows_from_grids(read_grids(Path(path)), Path(path).name)


def comment_id(row: int) -> str:
    """C01 … C99, C100 … (docs/ARCHITECTURE.md §4)."""
    return f"C{row:02d}"


def make_comment(row: RawRow, doc: Document | None, rules: AnswerRules,
                 entries: list[Entry] | None = None, memo: dict[Locator, Resolution] | None = None) -> Comment:
    """``entries``: the section index of ``doc`` (``resolve.index``), when the
    caller makes many comments against one document; ``memo``: resolutions
    already made against it (a pure function of the locator)."""
    locator = parse_ref(row.ref)
    warnings: list[str] = []
    candidates: tuple[Candidate, ...] = ()
    resolved: tuple[tuple[str, ...], ...] = ()
    pages: tuple[int, ...] = locator.pages
    if doc is not None:
        res = memo.get(locator) if memo is not None else None
        if res is None:
            res = resolve(locator, doc, entries)
            if memo is not None:
                memo[locator] = res
        if res.ties and entries is not None:
            from revtool.comments.tie_break import prefer_by_text

            res = prefer_by_text(res, f"{row.opinion}\n{row.response}", _by_path(entries))
        candidates, resolved, warnings = res.candidates, res.chosen, list(res.warnings)
        pages = res.pages or locator.pages
    rtype, evidence = classify(row.response, rules)
    named = category_type(row.category)
    if named is not None:  # the table says it itself (対応区分)
        if named != rtype and evidence:
            warnings.append(f"区分「{row.category}」と考え方の文言（「{evidence}」→{rtype.value}）が食い違います。区分を優先しました。")
        rtype, evidence = named, f"区分「{row.category}」"
    if row.note:
        warnings.append(row.note)
    return Comment(
        id=comment_id(row.row),
        row=row.row,
        ref=row.ref,
        opinion=row.opinion,
        response=row.response,
        locator=locator,
        candidates=candidates,
        resolved_section_paths=resolved,
        old_pages=pages,
        response_type=rtype,
        response_evidence=evidence,
        warnings=tuple(warnings),
    )


def _by_path(entries: list[Entry]) -> Mapping[tuple[str, ...], Entry]:
    by_path = getattr(entries, "by_path", None)  # a resolve.SectionIndex has it built
    return by_path if by_path is not None else {e.path: e for e in entries}


def import_comments(rows: Sequence[RawRow], doc: Document | None,
                    config: Mapping[str, Any] | None = None) -> tuple[Comment, ...]:
    """Comments from table rows: references resolved against ``doc`` (skipped
    when None), answers classified with the ``[answers]`` table of ``config``
    (the whole revtool.toml mapping)."""
    rules = build_rules(section(dict(config or {}), "answers"))
    entries = index(doc) if doc is not None and rows else None  # once per import, not per comment
    resolved: dict[Locator, Resolution] = {}  # campaign rows repeat their 該当箇所: resolved once
    return with_groups(tuple(make_comment(r, doc, rules, entries, resolved) for r in rows))


def with_groups(comments: Sequence[Comment]) -> tuple[Comment, ...]:
    """The comments with their group (``grouping.group_opinions``) set: every
    member keeps its row, id and answer; only ``group_id``/``group_evidence`` change."""
    from revtool.comments.grouping import group_opinions

    found: dict[str, tuple[str, str]] = {}
    for g in group_opinions([(c.id, c.opinion) for c in comments]):
        for cid, sim in zip(g.member_ids, g.similarities):
            found[cid] = (g.id, g.evidence(cid, sim))
    return tuple(replace(c, group_id=found[c.id][0], group_evidence=found[c.id][1]) if c.id in found
                 else replace(c, group_id="", group_evidence="") for c in comments)


def comment_groups(comments: Sequence[Comment]) -> dict[str, list[Comment]]:
    """Group id -> its members in table order (groups of two or more)."""
    out: dict[str, list[Comment]] = {}
    for c in comments:
        if c.group_id:
            out.setdefault(c.group_id, []).append(c)
    return out


# ---------------------------------------------------------------- JSON

def comment_to_json(c: Comment, norms: bool = True) -> dict[str, Any]:
    """``norms=False``: without ``opinion_norm``/``response_norm`` (the workspace file)."""
    d = {
        "id": c.id,
        "row": c.row,
        "ref": c.ref,
        "opinion": c.opinion,
        "response": c.response,
        "resolved_section_paths": [list(p) for p in c.resolved_section_paths],
        "soan_pages": list(c.old_pages),
        "response_type": str(c.response_type),
        "row_ids": [],
        # additions (docs/ARCHITECTURE.md §4 allows new fields)
        "soan_page": c.locator.pages[0] if c.locator.pages else None,
        "response_evidence": c.response_evidence,
        "locator": {
            "pages": list(c.locator.pages),
            "numbers": list(c.locator.numbers),
            "title": c.locator.title,
            "every": c.locator.every,
        },
        "candidates": [
            {"section_path": list(k.section_path), "score": k.score, "reason": k.reason} for k in c.candidates
        ],
        "warnings": list(c.warnings),
        "group_id": c.group_id or None,
        "group_evidence": c.group_evidence,
    }
    if norms:
        d["opinion_norm"] = normalize_key(c.opinion)
        d["response_norm"] = normalize_key(c.response)
    return d


def comments_to_json(comments: Sequence[Comment]) -> dict[str, Any]:
    """``{"comments": [...]}`` — the form of ``revtool comments list --format json``
    and of ``comments/comments.json`` in the workspace."""
    return {"comments": [comment_to_json(c) for c in comments], "groups": groups_to_json(comments)}


def comments_to_store_json(comments: Sequence[Comment]) -> dict[str, Any]:
    """The workspace's ``comments/comments.json``: the objects of
    ``comments_to_json`` without what can be derived again (``opinion_norm``,
    ``response_norm``), and a comment whose ranked candidates equal an earlier
    one's (campaign rows citing the same place) names that comment in
    ``candidates_same_as`` instead of repeating them. ``comments_from_json``
    reads both forms; ``comments list --format json`` writes the full one."""
    first: dict[tuple[Candidate, ...], str] = {}
    out = []
    for c in comments:
        d = comment_to_json(c, norms=False)
        if c.candidates:
            earlier = first.setdefault(c.candidates, c.id)
            if earlier != c.id:
                del d["candidates"]
                d["candidates_same_as"] = earlier
        out.append(d)
    return {"comments": out, "groups": groups_to_json(comments)}


def comments_file_text(payload: Mapping[str, Any]) -> str:
    """The text of ``comments/comments.json``: one comment (and one group) per
    line, so the file stays small at 40,000 comments and a git diff shows which
    comments changed. Plain JSON: ``json.loads`` reads it back to ``payload``."""
    import json

    head = json.dumps({k: v for k, v in payload.items() if k not in ("comments", "groups")}, ensure_ascii=False)
    parts = [head[1:-1]] if len(head) > 2 else []
    for key in ("comments", "groups"):
        items = payload.get(key, [])
        body = ",\n".join(json.dumps(x, ensure_ascii=False, separators=(",", ":")) for x in items)
        parts.append(f'"{key}": [\n{body}\n]' if items else f'"{key}": []')
    return "{" + ",\n".join(parts) + "}\n"


def groups_to_json(comments: Sequence[Comment]) -> list[dict[str, Any]]:
    """The 同趣旨 groups: id, representative, count and every member id."""
    out = []
    for gid, members in comment_groups(comments).items():
        rep = next((m for m in members if m.group_evidence.startswith("同趣旨")), members[0])
        out.append({"id": gid, "representative": rep.id, "count": len(members),
                    "member_ids": [m.id for m in members], "evidence": rep.group_evidence})
    return out


def comment_from_json(d: Mapping[str, Any], earlier: Mapping[str, Comment] | None = None) -> Comment:
    loc = d.get("locator") or {}
    ref = str(d.get("ref", ""))
    locator = Locator(
        raw=ref,
        pages=tuple(int(p) for p in loc.get("pages", ())),
        numbers=tuple(str(n) for n in loc.get("numbers", ())),
        title=str(loc.get("title", "")),
        every=str(loc.get("every", "")),
    ) if loc else parse_ref(ref)
    return Comment(
        id=str(d["id"]),
        row=int(d.get("row", 0)),
        ref=ref,
        opinion=str(d.get("opinion", "")),
        response=str(d.get("response", "")),
        locator=locator,
        candidates=earlier[str(d["candidates_same_as"])].candidates
        if "candidates_same_as" in d and earlier and str(d["candidates_same_as"]) in earlier
        else tuple(
            Candidate(tuple(k["section_path"]), float(k.get("score", 0.0)), str(k.get("reason", "")))
            for k in d.get("candidates", ())
        ),
        resolved_section_paths=tuple(tuple(p) for p in d.get("resolved_section_paths", ())),
        old_pages=tuple(int(p) for p in d.get("soan_pages", ())),
        response_type=ResponseType(d.get("response_type", ResponseType.OTHER.value)),
        response_evidence=str(d.get("response_evidence", "")),
        warnings=tuple(str(w) for w in d.get("warnings", ())),
        group_id=str(d.get("group_id") or ""),
        group_evidence=str(d.get("group_evidence") or ""),
    )


def comments_from_json(data: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> tuple[Comment, ...]:
    """Inverse of ``comments_to_json``; also accepts a bare list of objects."""
    items = data.get("comments", []) if isinstance(data, Mapping) else data
    seen: dict[str, Comment] = {}
    for d in items:
        c = comment_from_json(d, seen)
        seen[c.id] = c
    return tuple(seen.values())
