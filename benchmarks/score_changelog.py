"""Score a generated change table against a ground truth, the way users would:
rows found, rows invented, pages right, links right, must_mention present.

    python -m benchmarks.score_changelog GENERATED.json EXPECTED.json

GENERATED is ``revtool changelog OLD NEW --format json``; EXPECTED has the shape
of nakano-dx/expected/changes.json (rows with section_paths, an_pages, cause,
must_mention). A generated row matches an expected row when one of its section
paths equals, contains or is contained in one of the expected paths (headings
compared without spaces).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path


def _key(path: list[str]) -> tuple[str, ...]:
    return tuple(re.sub(r"\s+", "", unicodedata.normalize("NFKC", h)) for h in path)


def _overlap(a: list[list[str]], b: list[list[str]]) -> bool:
    for pa in map(_key, a):
        for pb in map(_key, b):
            n = min(len(pa), len(pb))
            if n and pa[:n] == pb[:n]:
                return True
    return False


def score(generated: dict, expected: dict) -> dict:
    gen_rows = generated["rows"]
    matched: dict[str, str] = {}
    used: set[str] = set()
    for exp in expected["rows"]:
        best = None
        for row in gen_rows:
            if row["id"] in used or not _overlap(row["section_paths"], exp["section_paths"]):
                continue
            text_hits = sum(m in row["summary"] for m in exp.get("must_mention", []))
            cand = (text_hits, -abs(len(row["section_paths"]) - len(exp["section_paths"])), row["id"])
            if best is None or cand > best:
                best = cand
        if best is not None:
            matched[exp["id"]] = best[2]
            used.add(best[2])
    by_id = {r["id"]: r for r in gen_rows}
    pages_ok = mention_ok = cause_ok = 0
    details = []
    for exp in expected["rows"]:
        rid = matched.get(exp["id"])
        if rid is None:
            details.append(f"  {exp['id']}: NOT FOUND ({exp['item']})")
            continue
        row = by_id[rid]
        p = row["an_pages"] == exp["an_pages"]
        missing = [m for m in exp.get("must_mention", []) if m not in row["summary"]]
        exp_cause = exp["cause"]
        c = (row["cause"]["type"] == exp_cause["type"]
             and sorted(row["cause"]["comment_ids"]) == sorted(exp_cause.get("comment_ids", [])))
        pages_ok += p
        mention_ok += not missing
        cause_ok += c
        page_note = "ok" if p else f"{row['an_pages']} != {exp['an_pages']}"
        details.append(
            f"  {exp['id']} -> {rid}: pages {page_note}; "
            f"mention {'ok' if not missing else 'missing ' + ','.join(missing)}; "
            f"cause {row['cause']['type']}{row['cause']['comment_ids']} vs {exp_cause['type']}{exp_cause.get('comment_ids', [])}"
        )
    invented = [r["id"] for r in gen_rows if r["id"] not in used]
    expected_links = {(c, r["id"]) for r in expected["rows"] for c in r["cause"].get("comment_ids", [])}
    got_links = {(c, exp_id) for exp_id, rid in matched.items() for c in by_id[rid]["cause"]["comment_ids"]}
    all_got = sum(len(r["cause"]["comment_ids"]) for r in gen_rows)
    return {
        "expected_rows": len(expected["rows"]),
        "found": len(matched),
        "invented": invented,
        "pages_right": pages_ok,
        "must_mention_right": mention_ok,
        "cause_right": cause_ok,
        "links_right": len(expected_links & got_links),
        "links_expected": len(expected_links),
        "links_made": all_got,
        "details": details,
    }


def main(argv: list[str]) -> int:
    generated = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    expected = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    s = score(generated, expected)
    print(f"rows found {s['found']}/{s['expected_rows']}, invented {len(s['invented'])} {s['invented']}, "
          f"pages right {s['pages_right']}, must_mention right {s['must_mention_right']}, "
          f"cause right {s['cause_right']}, links right {s['links_right']}/{s['links_expected']} "
          f"(made {s['links_made']})")
    print("\n".join(s["details"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
