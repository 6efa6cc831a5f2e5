"""Apply review actions to the text of ``decisions.toml``, and find decisions
that no longer apply. Pure: text in, text out.

The user's own content (comments, order, other keys) is kept: the text is
edited with tomlkit, never regenerated. Every row table or link written here
carries ``about = "<項目 as generated>"`` (ignored by ``decisions.py``) so a
later re-ingest that shifts row ids is noticed instead of silently applying a
decision to another row.

Actions (row ids are those generated without decisions):

* ``accept R3``   the row's current cause is confirmed: its comment links
  become ``status = "confirmed"``, an external/internal cause is pinned in
  ``[rows.R3] cause``; ``accepted = true`` records the review.
* ``reject R3``   the row's current cause is refused: its comment links become
  ``status = "rejected"``, a detected external cause becomes ``unknown``.
* ``link R4=C05`` / ``unlink R4=C02``  a confirmed / rejected link.
* ``summary R4=…`` / ``item R4=…``     the row's text in 別紙2.
* ``editorial R6`` the row's changes are 文言整理 (``[changes] editorial``).
* ``cause R5=internal[:note]``         internal | external | unknown.
* ``exclude R7``  not a row of 別紙2.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from revtool.changes.decisions import DECISIONS_NAME
from revtool.errors import WorkspaceError
from revtool.model import CauseType, ChangeRow, Comment

if TYPE_CHECKING:  # the comment package is loaded by the one function that follows comments
    from revtool.comments.fingerprint import IdChange

CAUSE_LABELS = {"internal": "内部", "external": "外部", "unknown": "不明", "comment": "意見"}
ACTIONS = ("accept", "reject", "link", "unlink", "summary", "item", "editorial", "cause", "exclude", "seen")
VALUE_ACTIONS = ("link", "unlink", "summary", "item", "cause")
_ROW = re.compile(r"R\d+")
_COMMENT = re.compile(r"C\d+")


@dataclass(frozen=True)
class Action:
    kind: str  # one of ACTIONS
    row: str
    value: str = ""


def _bad(message: str) -> WorkspaceError:
    return WorkspaceError(message, "例: --accept R3、--link R4=C05、--summary R4=新しい要約")


# the causes a reviewer may type, in Japanese or English -> the name in decisions.toml
CAUSE_WORDS = {
    "internal": "internal", "内部": "internal", "庁内": "internal",
    "external": "external", "外部": "external",
    "unknown": "unknown", "不明": "unknown", "未確認": "unknown",
    "comment": "comment", "意見": "comment",
}


def parse_cause(value: str) -> tuple[str, str] | None:
    """``内部:組織改正`` / ``internal：組織改正`` → ("internal", "組織改正"); None when
    the cause is not one of 意見・外部・内部・不明 (or the English words)."""
    value = value.strip().replace("：", ":")
    name, _, note = value.partition(":")
    cause = CAUSE_WORDS.get(name.strip().lower())
    return None if cause is None else (cause, note.strip())


def parse_action(
    kind: str, spec: str, row_ids: Sequence[str], comment_ids: Sequence[str] | None = None
) -> list[Action]:
    """``--accept R3`` / ``--accept all`` / ``--link R4=C05`` → actions, checked
    against the rows (and, when given, the comments) that exist."""
    spec = spec.strip()
    if kind in VALUE_ACTIONS:
        if "=" not in spec:
            raise _bad(f"--{kind} {spec}: 「行=値」の形で指定してください。")
        row, value = (p.strip() for p in spec.split("=", 1))
    else:
        row, value = spec, ""
    if kind == "accept" and row.lower() == "all":
        return [Action("accept", r) for r in row_ids]
    row = row.upper()
    if not _ROW.fullmatch(row):
        raise _bad(f"--{kind} {spec}: 行は R3 のように指定してください。")
    if row not in row_ids:
        raise _bad(f"--{kind} {spec}: 行 {row} は変更点一覧にありません（{', '.join(row_ids) or '行なし'}）。")
    if kind in ("link", "unlink"):
        value = value.upper()
        if not _COMMENT.fullmatch(value):
            raise _bad(f"--{kind} {spec}: 意見は C05 のように指定してください。")
        if comment_ids is not None and value not in comment_ids:
            span = f"{comment_ids[0]}〜{comment_ids[-1]}" if comment_ids else "意見が未取り込み"
            raise _bad(f"--{kind} {spec}: 意見 {value} は取り込んだ意見の表にありません（{span}）。")
    if kind == "cause":
        parsed = parse_cause(value)
        if parsed is None:
            raise _bad(f"--cause {spec}: 理由は 意見・外部・内部・不明（comment・external・internal・unknown）のいずれかにしてください。")
        value = parsed[0] + (f":{parsed[1]}" if parsed[1] else "")
    if kind in ("summary", "item") and not value:
        raise _bad(f"--{kind} {spec}: 空の文字列は指定できません。")
    return [Action(kind, row, value)]


def _parse(text: str) -> Any:
    try:
        return tomlkit.parse(text)
    except TOMLKitError as exc:
        raise WorkspaceError(f"{DECISIONS_NAME}: TOMLとして読めません（{exc}）。") from exc


def _row_table(doc: Any, row: ChangeRow, created: list[Any]) -> Any:
    rows = doc.get("rows")
    if rows is None:
        rows = tomlkit.table(is_super_table=True)
        doc["rows"] = rows
    if row.id not in rows:
        t = tomlkit.table()
        t["about"] = row.item
        rows[row.id] = t
        created.append(rows[row.id])
    return rows[row.id]


def _set_link_entry(doc: Any, comment: str, row: ChangeRow, status: str, fingerprint: str = "") -> None:
    links = doc.get("links")
    if links is None:
        links = tomlkit.aot()
        doc["links"] = links
    for entry in links:
        if entry.get("vanished") is True:
            continue
        if str(entry.get("comment", "")).strip() == comment and str(entry.get("row", "")).strip() == row.id:
            entry["status"] = status
            if fingerprint and "fingerprint" not in entry:
                entry["fingerprint"] = fingerprint
            return
    t = tomlkit.table()
    t["comment"] = comment
    t["row"] = row.id
    t["status"] = status
    t["about"] = row.item
    if fingerprint:
        t["fingerprint"] = fingerprint
    links.append(t)


def _change_list(doc: Any, name: str) -> Any:
    changes = doc.get("changes")
    if changes is None:
        changes = tomlkit.table()
        doc["changes"] = changes
    if name not in changes:
        changes[name] = tomlkit.array()
    return changes[name]


def change_ids(row: ChangeRow) -> list[str]:
    """The diff's change ids behind a row (a part ``D7.2`` belongs to ``D7``)."""
    out: list[str] = []
    for c in row.changes:
        cid = c.id.split(".")[0]
        if cid not in out:
            out.append(cid)
    return out


def apply_actions(
    text: str, actions: Sequence[Action], rows: Mapping[str, ChangeRow], fingerprints: Mapping[str, str] = {}
) -> tuple[str, list[str]]:
    """The new text of decisions.toml and one Japanese line per action taken.
    ``rows`` are the rows as currently shown (decisions applied), keyed by id;
    ``fingerprints`` (comment id -> comments/fingerprint.py) are recorded with
    each link so that it follows its comment through a re-import."""
    doc = _parse(text)

    def _set_link(doc: Any, comment: str, row: ChangeRow, status: str) -> None:
        _set_link_entry(doc, comment, row, status, fingerprints.get(comment, ""))

    done: list[str] = []
    created: list[Any] = []  # row tables new in this edit: a blank line ends each
    for a in actions:
        row = rows.get(a.row)
        if row is None:
            raise _bad(f"行 {a.row} は変更点一覧にありません。")
        if a.kind == "accept":
            t = _row_table(doc, row, created)
            if row.cause.type == CauseType.COMMENT:
                for cid in row.cause.comment_ids:
                    _set_link(doc, cid, row, "confirmed")
                done.append(f"{row.id}: 意見 {'、'.join(row.cause.comment_ids)} とのリンクを確定")
            elif row.cause.type in (CauseType.EXTERNAL, CauseType.INTERNAL):
                t["cause"] = str(row.cause.type)
                done.append(f"{row.id}: 理由「{row.cause.type}」を確定")
            else:
                done.append(f"{row.id}: 確認済みとして記録（理由は未確認のまま）")
            t["accepted"] = True
        elif a.kind == "reject":
            if row.cause.type == CauseType.COMMENT:
                for cid in row.cause.comment_ids:
                    _set_link(doc, cid, row, "rejected")
                done.append(f"{row.id}: 意見 {'、'.join(row.cause.comment_ids)} とのリンクを却下")
            else:
                t = _row_table(doc, row, created)
                t["cause"] = "unknown"
                done.append(f"{row.id}: 理由「{row.cause.type}」を却下（未確認に戻す）")
            t = _row_table(doc, row, created)
            if "accepted" in t:
                del t["accepted"]
        elif a.kind in ("link", "unlink"):
            status = "confirmed" if a.kind == "link" else "rejected"
            _set_link(doc, a.value, row, status)
            done.append(f"{row.id}: 意見 {a.value} とのリンクを{'確定' if a.kind == 'link' else '却下'}")
        elif a.kind in ("summary", "item"):
            _row_table(doc, row, created)[a.kind] = a.value
            done.append(f"{row.id}: {'主な変更点' if a.kind == 'summary' else '項目'}を「{a.value}」に修正")
        elif a.kind == "cause":
            parsed = parse_cause(a.value)
            if parsed is None:
                raise _bad(f"{row.id}: 理由「{a.value}」は 意見・外部・内部・不明 のいずれかにしてください。")
            name, note = parsed
            t = _row_table(doc, row, created)
            t["cause"] = name
            if note:
                t["note"] = note
            done.append(f"{row.id}: 理由を「{CAUSE_LABELS[name]}」に指定" + (f"（{note}）" if note else ""))
        elif a.kind == "seen":  # looked at in an interactive review (where the next one resumes)
            _row_table(doc, row, created)["reviewed"] = True
        elif a.kind == "exclude":
            _row_table(doc, row, created)["exclude"] = True
            done.append(f"{row.id}: 別紙2 から除外")
        elif a.kind == "editorial":
            ids = change_ids(row)
            editorial = _change_list(doc, "editorial")
            for cid in ids:
                if cid not in [str(x) for x in editorial]:
                    editorial.append(cid)
            substantive = doc.get("changes", {}).get("substantive")
            if substantive is not None:
                for i in reversed(range(len(substantive))):
                    if str(substantive[i]) in ids:
                        del substantive[i]
            done.append(f"{row.id}: 変更 {'、'.join(ids)} を文言整理に")
        else:
            raise _bad(f"不明な操作 {a.kind}")
    for t in created:
        t.add(tomlkit.nl())
    return tomlkit.dumps(doc), done


def reviewed_rows(text: str) -> set[str]:
    """Rows an interactive review already went through (``reviewed = true``) or accepted."""
    if not text.strip():
        return set()
    rows = _parse(text).unwrap().get("rows", {})
    if not isinstance(rows, dict):
        return set()
    return {
        r for r, entry in rows.items()
        if isinstance(entry, dict) and (entry.get("reviewed") is True or entry.get("accepted") is True)
    }


def follow_comments_in_text(
    text: str, old_comments: Sequence[Comment], new_comments: Sequence[Comment]
) -> tuple[str, list[IdChange]]:
    """decisions.toml re-pointed at a newly imported comment table: every link
    and cite gets its comment's fingerprint (from the table it was made
    against) and the id that comment has now. A link whose comment is gone is
    kept for the record with ``vanished = true`` (never applied); a cite is
    dropped. Returns the new text and what moved or vanished."""
    if not text.strip():
        return text, []
    doc = _parse(text)
    from revtool.comments.fingerprint import fingerprints_of, resolve_ids

    old_fp = fingerprints_of([c.id for c in old_comments], old_comments)
    wanted: dict[str, str] = {}
    links = doc.get("links")
    entries = [e for e in links if e.get("vanished") is not True] if links is not None else []
    for entry in entries:
        cid = str(entry.get("comment", "")).strip()
        fp = str(entry.get("fingerprint", "") or old_fp.get(cid, ""))
        if cid and fp:
            wanted.setdefault(cid, fp)
    cites = doc.get("cites")
    for cid in [str(c) for c in cites] if isinstance(cites, list) else []:
        if cid in old_fp:
            wanted.setdefault(cid, old_fp[cid])
    if not wanted:
        return text, []
    mapping, moves = resolve_ids(wanted, new_comments)
    for entry in entries:
        cid = str(entry.get("comment", "")).strip()
        if cid not in wanted:
            continue
        if "fingerprint" not in entry:
            entry["fingerprint"] = wanted[cid]
        new = mapping.get(cid)
        if new is None:
            entry["vanished"] = True
        elif new != cid:
            entry["comment"] = new
    if isinstance(cites, list):
        kept = [mapping.get(str(c), str(c)) for c in cites]
        if kept != [str(c) for c in cites]:
            new_cites = tomlkit.array()
            for c in kept:
                if c is not None:
                    new_cites.append(c)
            doc["cites"] = new_cites
    return tomlkit.dumps(doc), moves


