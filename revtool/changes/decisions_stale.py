"""Decisions in decisions.toml that no longer apply to the change table (a
re-ingest or a new comment table shifted the ids): found, to be reported by
every command that shows the table, never dropped. Pure; reads the text with
tomllib (a view does not load tomlkit, which only ``decisions_edit`` needs to
write it back)."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from revtool.errors import WorkspaceError
from revtool.model import ChangeRow
from revtool.changes.decisions import DECISIONS_NAME


@dataclass(frozen=True)
class Stale:
    """A decision that does not (or may not) apply to the current change table."""

    where: str  # "[rows.R9]", "[[links]] C02 → R9", "[changes] editorial D40"
    message: str
    comment_id: str = ""  # the comment a link / cite names, when that is what is stale



def stale_decisions(
    text: str,
    base_rows: Sequence[ChangeRow],
    change_ids_now: Sequence[str],
    comment_ids: Sequence[str],
) -> list[Stale]:
    """Decisions that name a row, change or comment that is gone, or a row
    whose 項目 is no longer the one reviewed (ids shifted after a re-ingest).
    ``base_rows`` are the rows generated without decisions."""
    if not text.strip():
        return []
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WorkspaceError(f"{DECISIONS_NAME}: TOMLとして読めません（{exc}）。") from exc
    rows = {r.id: r for r in base_rows}
    changes, comments = set(change_ids_now), set(comment_ids)
    out: list[Stale] = []

    def check_row(row_id: str, about: Any, where: str) -> None:
        if row_id not in rows:
            out.append(Stale(where, f"{where}: 行 {row_id} は今の変更点一覧にありません（取り込み直しで無くなった可能性）。"))
        elif isinstance(about, str) and about and about != rows[row_id].item:
            out.append(
                Stale(where, f"{where}: 行 {row_id} の項目が「{about}」から「{rows[row_id].item}」に変わりました。確認してください。")
            )

    for entry in data.get("links", []) if isinstance(data.get("links"), list) else []:
        if not isinstance(entry, dict):
            continue
        c, r = str(entry.get("comment", "")).strip(), str(entry.get("row", "")).strip()
        where = f"[[links]] {c} → {r}"
        if c and c not in comments:
            out.append(Stale(where, f"{where}: 意見 {c} は取り込んだ意見にありません。", c))
        check_row(r, entry.get("about"), where)
    raw_rows = data.get("rows", {})
    if isinstance(raw_rows, dict):
        for row_id, entry in raw_rows.items():
            check_row(row_id, entry.get("about") if isinstance(entry, dict) else None, f"[rows.{row_id}]")
    raw_changes = data.get("changes", {})
    if isinstance(raw_changes, dict):
        for name in ("editorial", "substantive"):
            ids = raw_changes.get(name, [])
            for cid in ids if isinstance(ids, list) else []:
                if str(cid) not in changes:
                    where = f"[changes] {name} {cid}"
                    out.append(Stale(where, f"{where}: 変更 {cid} は今の差分にありません（取り込み直しで無くなった可能性）。"))
    cites = data.get("cites", [])
    for cid in cites if isinstance(cites, list) else []:
        if str(cid) not in comments:
            out.append(Stale(f"cites {cid}", f"cites {cid}: 意見 {cid} は取り込んだ意見にありません。", str(cid)))
    return out
