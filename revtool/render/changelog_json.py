"""The change table as JSON, exactly docs/ARCHITECTURE.md §4 (fields may be added, never renamed)."""

from __future__ import annotations

import json
from typing import Any

from revtool.changes.table import Changelog
from revtool.model import Change, ChangeRow, Comment
from revtool.render.changelog_common import ChangelogMeta, VersionRef, formats_differ, pages_label
from revtool.render.options import ChangelogFile, RenderOptions

SCHEMA = "revtool.changelog/1"  # DESIGN §4 contract: never rename


def _version(v: VersionRef) -> dict[str, Any]:
    return {"version": v.version, "commit": v.commit, "source": v.source, "sha256": v.sha256}


def _change(c: Change) -> dict[str, Any]:
    return {
        "section_path": list(c.section_path),
        "old_text": c.old_text,
        "new_text": c.new_text,
        "old_pages": list(c.old_pages),
        "new_pages": list(c.new_pages),
        # additions
        "id": c.id,
        "kind": str(c.kind),
        "old_section_path": list(c.old_section_path),
        "location": c.location,
    }


def _row(r: ChangeRow) -> dict[str, Any]:
    return {
        "id": r.id,
        "item": r.item,
        "an_pages": list(r.new_pages),
        "summary": r.summary,
        "kind": str(r.kind),
        "section_paths": [list(p) for p in r.section_paths],
        "changes": [_change(c) for c in r.changes],
        "cause": {
            "type": str(r.cause.type),
            "comment_ids": list(r.cause.comment_ids),
            "confidence": round(r.cause.confidence, 3),
            "evidence": r.cause.evidence,
        },
        # additions
        "page_label": pages_label(r),
        "grouping": r.grouping,
    }


def _comment(c: Comment, row_ids: list[str], with_opinions: bool) -> dict[str, Any]:
    return {
        "id": c.id,
        "row": c.row,
        "ref": c.ref,
        # privacy: opinions carry names, addresses and phone numbers; the field stays
        # (contract) but is empty unless asked for (--with-opinions)
        "opinion": c.opinion if with_opinions else "",
        "response": c.response,
        "resolved_section_paths": [list(p) for p in c.resolved_section_paths],
        "soan_pages": list(c.old_pages),
        "response_type": str(c.response_type),
        "row_ids": row_ids,
        # addition: a grouped table's row standing for several submissions (absent: 1)
        **({"submissions": c.submissions} if c.submissions != 1 else {}),
    }


def changelog_json(log: Changelog, meta: ChangelogMeta, *, with_opinions: bool = False) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "plan": meta.plan,
        "old": _version(meta.old),
        "new": _version(meta.new),
        "rows": [_row(r) for r in log.rows],
        "comments": [_comment(c, log.row_ids_for(c.id), with_opinions) for c in log.comments],
        "editorial_count": log.editorial_count,
        "warnings": [
            {"code": w.code, "message": w.message, "comment_id": w.comment_id, **({"row_id": w.row_id} if w.row_id else {})}
            for w in log.warnings
        ],
        # additions
        "links": [
            {"comment_id": l.comment_id, "row_id": l.row_id, "confidence": round(l.confidence, 3), "evidence": l.evidence}
            for shown in ({r.id for r in log.rows},)  # once, not once per link (14,000 links at 40,000 comments)
            for l in log.links
            if l.row_id in shown
        ],
        "opinions_included": with_opinions,  # False: each comment's "opinion" is withheld ("")
        # the two versions come from different formats (PDF vs DOCX): format-only changes are possible
        "old_format": meta.old.format,  # "docx" | "pdf" | "" (unknown)
        "new_format": meta.new.format,
        "formats_differ": formats_differ(meta.old.format, meta.new.format),
        "format_note": meta.format_note,
    }


def render_file(result: ChangelogFile, options: RenderOptions) -> bytes:
    """Registry entry (``render.registry``): the JSON contract (docs/ARCHITECTURE.md §4);
    opinion text only ``with_opinions``."""
    payload = changelog_json(result.changelog, result.meta, with_opinions=options.with_opinions)
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
