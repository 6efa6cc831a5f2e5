"""Staff decisions (``decisions.toml``): pure parse of its text (``parse_decisions``)
and the text for a value (``dump_decisions``, for ``revtool review``).

```toml
cites = ["C01"]                  # comments known to be reflected in the new version

[[links]]                        # confirmed / rejected comment → row links
comment = "C01"
row = "R3"
status = "confirmed"             # or "rejected"
fingerprint = "3f2a…"            # the comment's 該当箇所+意見+考え方 (comments/fingerprint.py):
                                 # the link follows the comment when a re-import shifts its id
vanished = true                  # (set on import) the comment is no longer in the table

[rows.R8]                        # per row (ids as generated without decisions)
cause = "internal"               # internal | external | unknown
note = "令和8年度組織編制（案）の反映"
summary = "令和8年度組織編制（案）を次のとおり反映 …"
item = "第4章 計画の推進体制 推進体制"
exclude = false                  # true: not a row of 別紙2

[changes]                        # per change id (revtool diff --format json)
editorial = ["c12"]              # a 文言整理: counted, never a row
substantive = ["c40"]            # force into the table
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from typing import Any

from revtool.errors import WorkspaceError
from revtool.file_names import DECISIONS_NAME  # this module's file, at the workspace's top


STATUSES = ("confirmed", "rejected")
CAUSES = ("internal", "external", "unknown", "comment")


@dataclass(frozen=True)
class RowDecision:
    summary: str | None = None
    item: str | None = None
    cause: str | None = None
    note: str = ""
    exclude: bool = False


@dataclass(frozen=True)
class Decisions:
    confirmed: tuple[tuple[str, str], ...] = ()  # (comment id, row id)
    rejected: tuple[tuple[str, str], ...] = ()
    cites: frozenset[str] = frozenset()
    rows: dict[str, RowDecision] = field(default_factory=dict)
    editorial: frozenset[str] = frozenset()
    substantive: frozenset[str] = frozenset()
    fingerprints: dict[str, str] = field(default_factory=dict)  # comment id -> recorded fingerprint

    def row(self, row_id: str) -> RowDecision:
        return self.rows.get(row_id, RowDecision())

    def with_cites(self, cites: "frozenset[str] | set[str] | tuple[str, ...]") -> "Decisions":
        return replace(self, cites=self.cites | frozenset(cites))

    def with_comment_ids(self, mapping: "dict[str, str | None]") -> "Decisions":
        """The decisions with comment ids re-resolved (``None``: the comment is
        gone, its links are dropped)."""

        def move(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
            out = []
            for c, r in pairs:
                new = mapping.get(c, c)
                if new is not None:
                    out.append((new, r))
            return tuple(out)

        fps = {mapping.get(c, c): fp for c, fp in self.fingerprints.items() if mapping.get(c, c) is not None}
        return replace(self, confirmed=move(self.confirmed), rejected=move(self.rejected), fingerprints=fps)  # type: ignore[arg-type]


def _err(msg: str) -> WorkspaceError:
    return WorkspaceError(f"{DECISIONS_NAME}: {msg}", "revtool review で記録し直すか、書式は README の revtool review の説明を参照してください。")


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(f"{where} は文字列の配列で指定してください。")
    return tuple(v.strip() for v in value)


def parse_decisions(text: str) -> Decisions:
    """Parse the text of decisions.toml; an empty text is no decisions."""
    if not text.strip():
        return Decisions()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        from revtool.config import toml_error

        raise toml_error("decisions.toml", text, exc) from exc
    confirmed: list[tuple[str, str]] = []
    rejected: list[tuple[str, str]] = []
    fingerprints: dict[str, str] = {}
    links = data.get("links", [])
    if not isinstance(links, list):
        raise _err("[[links]] は表の配列で指定してください。")
    for i, link in enumerate(links, 1):
        if not isinstance(link, dict):
            raise _err(f"links の{i}件目が表ではありません。")
        comment, row = str(link.get("comment", "")).strip(), str(link.get("row", "")).strip()
        status = str(link.get("status", "confirmed")).strip()
        if not comment or not row:
            raise _err(f"links の{i}件目に comment と row が必要です。")
        if status not in STATUSES:
            raise _err(f"links の{i}件目の status「{status}」は confirmed か rejected にしてください。")
        if link.get("vanished") is True:  # the comment left the table: kept for the record only
            continue
        (confirmed if status == "confirmed" else rejected).append((comment, row))
        fp = link.get("fingerprint")
        if isinstance(fp, str) and fp.strip():
            fingerprints[comment] = fp.strip()
    rows: dict[str, RowDecision] = {}
    raw_rows = data.get("rows", {})
    if not isinstance(raw_rows, dict):
        raise _err("[rows.Rn] の形で指定してください。")
    for row_id, entry in raw_rows.items():
        if not isinstance(entry, dict):
            raise _err(f"[rows.{row_id}] が表ではありません。")
        cause = entry.get("cause")
        if cause is not None and cause not in CAUSES:
            raise _err(f"[rows.{row_id}] の cause「{cause}」は {', '.join(CAUSES)} のいずれかにしてください。")
        for name in ("summary", "item", "note"):
            if name in entry and not isinstance(entry[name], str):
                raise _err(f"[rows.{row_id}] の {name} は文字列で指定してください。")
        rows[row_id] = RowDecision(
            summary=entry.get("summary"),
            item=entry.get("item"),
            cause=cause,
            note=entry.get("note", ""),
            exclude=bool(entry.get("exclude", False)),
        )
    changes = data.get("changes", {})
    if not isinstance(changes, dict):
        raise _err("[changes] は表で指定してください。")
    return Decisions(
        confirmed=tuple(confirmed),
        rejected=tuple(rejected),
        cites=frozenset(_strs(data.get("cites"), "cites")),
        rows=rows,
        editorial=frozenset(_strs(changes.get("editorial"), "changes.editorial")),
        substantive=frozenset(_strs(changes.get("substantive"), "changes.substantive")),
        fingerprints=fingerprints,
    )


def _q(text: str) -> str:
    """A TOML basic string."""
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{out}"'


def dump_decisions(d: Decisions) -> str:
    """decisions.toml text for ``d`` (what ``revtool review`` writes); parse_decisions
    reads it back to the same value. Deterministic: sorted, no timestamps."""
    lines: list[str] = []
    if d.cites:
        lines.append("cites = [" + ", ".join(_q(c) for c in sorted(d.cites)) + "]")
        lines.append("")
    for status, pairs in (("confirmed", d.confirmed), ("rejected", d.rejected)):
        for comment, row in pairs:
            lines += ["[[links]]", f"comment = {_q(comment)}", f"row = {_q(row)}", f"status = {_q(status)}"]
            if comment in d.fingerprints:
                lines.append(f"fingerprint = {_q(d.fingerprints[comment])}")
            lines.append("")
    for row_id in sorted(d.rows, key=lambda r: (len(r), r)):
        rd = d.rows[row_id]
        body = []
        if rd.cause is not None:
            body.append(f"cause = {_q(rd.cause)}")
        if rd.note:
            body.append(f"note = {_q(rd.note)}")
        if rd.summary is not None:
            body.append(f"summary = {_q(rd.summary)}")
        if rd.item is not None:
            body.append(f"item = {_q(rd.item)}")
        if rd.exclude:
            body.append("exclude = true")
        if body:
            lines += [f"[rows.{row_id}]", *body, ""]
    if d.editorial or d.substantive:
        lines.append("[changes]")
        if d.editorial:
            lines.append("editorial = [" + ", ".join(_q(c) for c in sorted(d.editorial)) + "]")
        if d.substantive:
            lines.append("substantive = [" + ", ".join(_q(c) for c in sorted(d.substantive)) + "]")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n" if lines else ""


def accepted_rows(text: str) -> set[str]:
    """Rows a reviewer already accepted (``[rows.Rn] accepted = true``)."""
    if not text.strip():
        return set()
    try:
        rows = tomllib.loads(text).get("rows", {})
    except tomllib.TOMLDecodeError as exc:
        from revtool.config import toml_error

        raise toml_error("decisions.toml", text, exc) from exc
    if not isinstance(rows, dict):
        return set()
    return {r for r, entry in rows.items() if isinstance(entry, dict) and entry.get("accepted") is True}
