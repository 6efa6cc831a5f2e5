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

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from revtool.comments.classify import AnswerRules, build_rules, category_type, classify
from revtool.comments.ref_in_opinion import ref_in_opinion
from revtool.comments.refs import parse_ref
from revtool.comments.page_reading import PageWords, read_pages
from revtool.comments.resolution import Resolution
from revtool.comments.resolve import Entry, SectionIndex, index, resolve
from revtool.comments.submissions import row_submissions
from revtool.comments.symbols import legend_type, with_learned_symbols
from revtool.comments.table import RawRow, rows_from_grids
from revtool.config import section
from revtool.model import Candidate, Comment, Document, Locator, ResponseType
from revtool.normalize import normalize_key

__all__ = [
    "RawRow",
    "comment_id",
    "comment_groups",
    "comments_file_bytes",
    "comments_file_text",
    "comments_from_bytes",
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
                 entries: list[Entry] | None = None, memo: dict[Locator, Resolution] | None = None,
                 grams: dict[tuple[str, ...], set[str]] | None = None) -> Comment:
    """``entries``: the section index of ``doc`` (``resolve.index``), when the
    caller makes many comments against one document; ``memo``: resolutions
    already made against it (a pure function of the locator); ``grams``: the
    bigrams of sections read to break ties, kept across the comments
    (``tie_break.prefer_by_text``)."""
    if not row.ref.strip():  # no 該当箇所: the place the opinion starts with (「【第2章 P.12】…」),
        # else the table's heading row the comment sits under (「第３章について」)
        row = replace(row, ref=ref_in_opinion(row.opinion) or row.group)
    locator = parse_ref(row.ref)
    warnings: list[str] = []
    candidates: tuple[Candidate, ...] = ()
    resolved: tuple[tuple[str, ...], ...] = ()
    pages: tuple[int, ...] = locator.pages
    if doc is not None:
        def resolve_at(loc: Locator) -> Resolution:
            res = memo.get(loc) if memo is not None else None
            if res is None:
                res = resolve(loc, doc, entries)
                if memo is not None:
                    memo[loc] = res
            if res.ties and entries is not None:
                from revtool.comments.tie_break import prefer_by_text

                res = prefer_by_text(res, f"{row.opinion}\n{row.response}", _by_path(entries), grams)
            return res

        res = resolve_at(locator)
        if doc.page_map and locator.pages:  # 「P.20」 may be the PDF viewer's page 20: page_reading
            locator, res = read_pages(locator, row.opinion, res, resolve_at, doc.page_map, lambda: _page_words(doc, entries))
        candidates, resolved, warnings = res.candidates, res.chosen, list(res.warnings)
        pages = res.pages or locator.pages
    rtype, evidence = classify(row.response, rules)
    named, label = row_category(row)
    if named is not None:  # the table says it itself (対応区分, or its symbol in the file's legend)
        # a legend's class is a catch-all (its その他 / 参考): only a disagreement about 反映 is worth a warning
        if named != rtype and evidence and (not row.legend or ResponseType.REFLECTED in (named, rtype)):
            warnings.append(f"区分「{row.category}」と考え方の文言（「{evidence}」→{rtype.value}）が食い違います。区分を優先しました。")
        rtype, evidence = named, label
    if row.note:
        warnings.append(row.note)
    submissions, submissions_evidence = row_submissions(row.opinion, row.count)
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
        submissions=submissions,
        submissions_evidence=submissions_evidence,
    )


def row_category(row: RawRow) -> tuple[ResponseType | None, str]:
    """The type a row's category cell names, by its words (「反映」) or by the
    file's legend of its symbol (「Ａ」: 「御意見を踏まえ計画に反映したもの」), with the evidence."""
    named = category_type(row.category)
    if named is not None:
        return named, f"区分「{row.category}」"
    if row.legend and (named := legend_type(row.legend)) is not None:
        return named, f"区分「{row.category}」（凡例「{row.legend}」）"
    return None, ""


def _page_words(doc: Document, entries: list[Entry] | None) -> PageWords:
    """The text on each printed page of ``doc``, kept on its index (built once per import)."""
    if isinstance(entries, SectionIndex):
        if entries.page_words is None:
            entries.page_words = PageWords.of(doc)
        return entries.page_words
    return PageWords.of(doc)


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
    grams: dict[tuple[str, ...], set[str]] = {}  # a tied section's bigrams: read once per import
    made = tuple(make_comment(r, doc, rules, entries, resolved, grams) for r in rows)
    return with_groups(with_answer_pointers(made, rows))


def with_answer_pointers(comments: Sequence[Comment], rows: Sequence[RawRow]) -> tuple[Comment, ...]:
    """The comments with each answer that only points to another row's
    (「No.6と同様です」) given that row's type and ``same_answer_as``
    (``answer_refs.follow_answer_pointers``); the rows' 番号 column names them,
    or their position when the table has none. Then an answer whose own words
    decide nothing gets the class its 対応区分 symbol was learned to mean from
    the other answers it labels (``symbols.with_learned_symbols``)."""
    from revtool.comments.answer_refs import follow_answer_pointers, number_key

    numbered = any(r.number.strip() for r in rows)
    numbers = [number_key(r.number) if numbered else str(r.row) for r in rows]
    typed = [row_category(r)[0] is not None for r in rows]
    followed = follow_answer_pointers(comments, numbers, typed, [r.table for r in rows])
    return with_learned_symbols(followed, [r.category for r in rows], typed)


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
            **({"whole": True} if c.locator.whole else {}),  # 「計画全体」: on the whole plan, nothing unresolved
        },
        "candidates": [
            {"section_path": list(k.section_path), "score": k.score, "reason": k.reason} for k in c.candidates
        ],
        "warnings": list(c.warnings),
        "group_id": c.group_id or None,
        "group_evidence": c.group_evidence,
    }
    if c.submissions != 1:  # a grouped table's row (件数 / 「（他N件）」); absent means 1
        d["submissions"] = c.submissions
        d["submissions_evidence"] = c.submissions_evidence
    if c.same_answer_as:  # 「No.6と同様です」: the comment whose answer this one's points to
        d["same_answer_as"] = c.same_answer_as
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
    return {"comments": list(iter_store_json(comments)), "groups": groups_to_json(comments)}


def iter_store_json(comments: Sequence[Comment]) -> Iterator[dict[str, Any]]:
    """The objects of ``comments_to_store_json``, one at a time (40,000 of
    them need not be held at once: ``comments_file_bytes`` takes this)."""
    first: dict[tuple[Candidate, ...], str] = {}
    for c in comments:
        d = comment_to_json(c, norms=False)
        if c.candidates:
            earlier = first.setdefault(c.candidates, c.id)
            if earlier != c.id:
                del d["candidates"]
                d["candidates_same_as"] = earlier
        yield d


def comments_file_text(payload: Mapping[str, Any]) -> str:
    """The text of ``comments/comments.json``: one comment (and one group) per
    line, so the file stays small at 40,000 comments and a git diff shows which
    comments changed. Plain JSON: ``json.loads`` reads it back to ``payload``."""
    return comments_file_bytes(payload).decode("utf-8")


def comments_file_bytes(payload: Mapping[str, Any]) -> bytes:
    """``comments_file_text(payload)`` encoded as UTF-8, written piece by piece:
    ``payload["comments"]`` may be an iterator (``iter_store_json``), so that
    neither every comment's object nor a second copy of a 50 MB text is held."""
    import io
    import json

    out = io.BytesIO()
    head = json.dumps({k: v for k, v in payload.items() if k not in ("comments", "groups")}, ensure_ascii=False)
    out.write(b"{")
    sep = b""
    if len(head) > 2:
        out.write(head[1:-1].encode("utf-8"))
        sep = b",\n"
    for key in ("comments", "groups"):
        out.write(sep + f'"{key}": ['.encode("utf-8"))
        sep = b",\n"
        between = b"\n"
        for x in payload.get(key, ()):
            out.write(between + json.dumps(x, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            between = b",\n"
        out.write(b"\n]" if between != b"\n" else b"]")
    out.write(b"}\n")
    return out.getvalue()


def groups_to_json(comments: Sequence[Comment]) -> list[dict[str, Any]]:
    """The 同趣旨 groups: id, representative, count and every member id."""
    out = []
    for gid, members in comment_groups(comments).items():
        rep = next((m for m in members if m.group_evidence.startswith("同趣旨")), members[0])
        group = {"id": gid, "representative": rep.id, "count": len(members),
                 "member_ids": [m.id for m in members], "evidence": rep.group_evidence}
        if any(m.submissions != 1 for m in members):  # rows that each stand for several submissions
            group["submissions"] = sum(m.submissions for m in members)
        out.append(group)
    return out


def comment_from_json(d: Mapping[str, Any], earlier: Mapping[str, Comment] | None = None,
                      strings: dict[str, str] | None = None) -> Comment:
    """``strings``: a table shared by the comments of one file, so that the
    texts many rows repeat (a campaign's answer, warnings, section names) are
    one object each in memory."""
    one = strings.setdefault if strings is not None else _same
    loc = d.get("locator") or {}
    ref = one(str(d.get("ref", "")), str(d.get("ref", "")))
    locator = Locator(
        raw=ref,
        pages=tuple(int(p) for p in loc.get("pages", ())),
        numbers=tuple(one(n, n) for n in (str(n) for n in loc.get("numbers", ()))),
        title=one(str(loc.get("title", "")), str(loc.get("title", ""))),
        every=str(loc.get("every", "")),
        whole=bool(loc.get("whole", False)),
    ) if loc else parse_ref(ref)
    response = str(d.get("response", ""))
    evidence = str(d.get("response_evidence", ""))
    group_evidence = str(d.get("group_evidence") or "")
    return Comment(
        id=str(d["id"]),
        row=int(d.get("row", 0)),
        ref=ref,
        opinion=str(d.get("opinion", "")),
        response=one(response, response),
        locator=locator,
        candidates=earlier[str(d["candidates_same_as"])].candidates
        if "candidates_same_as" in d and earlier and str(d["candidates_same_as"]) in earlier
        else tuple(
            Candidate(_path(k["section_path"], one), float(k.get("score", 0.0)), one(str(k.get("reason", "")), str(k.get("reason", ""))))
            for k in d.get("candidates", ())
        ),
        resolved_section_paths=tuple(_path(p, one) for p in d.get("resolved_section_paths", ())),
        old_pages=tuple(int(p) for p in d.get("soan_pages", ())),
        response_type=ResponseType(d.get("response_type", ResponseType.OTHER.value)),
        response_evidence=one(evidence, evidence),
        warnings=tuple(one(w, w) for w in (str(w) for w in d.get("warnings", ()))),
        group_id=str(d.get("group_id") or ""),
        group_evidence=one(group_evidence, group_evidence),
        submissions=int(d.get("submissions", 1)),
        submissions_evidence=str(d.get("submissions_evidence", "")),
        same_answer_as=str(d.get("same_answer_as") or ""),
    )


def _same(key: str, value: str) -> str:
    return value


def _path(parts: Sequence[Any], one: Callable[[str, str], str]) -> tuple[str, ...]:
    return tuple(one(p, p) for p in (str(x) for x in parts))


def comments_from_json(data: Mapping[str, Any] | Sequence[Mapping[str, Any]] | Iterable[Mapping[str, Any]]) -> tuple[Comment, ...]:
    """Inverse of ``comments_to_json``; also accepts a bare list (or any
    iterable) of objects."""
    items = data.get("comments", []) if isinstance(data, Mapping) else data
    seen: dict[str, Comment] = {}
    strings: dict[str, str] = {}
    for d in items:
        c = comment_from_json(d, seen, strings)
        seen[c.id] = c
    return tuple(seen.values())


def comments_from_bytes(raw: bytes) -> tuple[Comment, ...]:
    """``comments_from_json(json.loads(raw))`` for the bytes of a comments.json,
    without holding every comment's decoded object at once: the ``comments``
    array is read one element at a time (any JSON layout; ``ValueError`` on
    anything ``json.loads`` would reject)."""
    from revtool.comments.json_stream import iter_array

    return comments_from_json(iter_array(raw.decode("utf-8"), "comments"))
