"""Score a generated 別紙2 (``revtool changelog --format json``) against a
ground truth in the shape of nakano-dx/expected/changes.json, one row per
decision, the way a reviewer would: which expected rows are there, which rows
are invented (and which of those are only 文言整理), pages, links, causes,
key words of the summary.

Matching: a generated row may stand for an expected row when one of its
section paths and one of the expected row's paths are on the same branch (one
a prefix of the other) no more than one heading above the expected path (a
row at the 施策 for a change in its （2）; never a row at the chapter).
Pairs are taken best first: the expected key words in the summary and in the
row's changed text, then the path fit, pages shared, exact paths, fewer
places. Each row is used once.

Cause: an expected ``internal`` row is right when the tool says ``internal``
or ``unknown`` (nothing in the inputs names the reason; staff fill it in);
``comment`` and ``external`` must be named as such. Links are scored apart
(link F1 over (comment, expected row) pairs; a link on an invented row is a
false one).
"""

from __future__ import annotations

import re
import unicodedata


def key(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def _pkey(path: list[str]) -> tuple[str, ...]:
    return tuple(key(h) for h in path)


def _path_fit(gen_paths: list[list[str]], exp_paths: list[list[str]]) -> int:
    """How many expected paths some generated path fits (0: no match)."""
    n = 0
    for pe in map(_pkey, exp_paths):
        for pg in map(_pkey, gen_paths):
            k = min(len(pe), len(pg))
            if k and pe[:k] == pg[:k] and k >= len(pe) - 1:
                n += 1
                break
    return n


def _shows_editorial(change: dict, e: dict) -> bool:
    """The change is (or contains) the editorial edit ``e``: same section, and
    its text is inside the edit's context or holds the whole edit."""
    if e.get("section_path") and _pkey(change.get("section_path", [])) != _pkey(e["section_path"]):
        return False
    ot, nt = key(change.get("old_text", "")), key(change.get("new_text", ""))
    b, a = key(e["before"]), key(e["after"])
    if ot and nt and ot in b and nt in a and ot != nt:
        return True
    return bool(a) and a in nt and (not b or b in ot)


def score_case(gen: dict, exp: dict) -> dict:
    gen_rows = gen["rows"]
    exp_rows = exp["rows"]
    cands = []
    for e in exp_rows:
        must = [key(m) for m in e.get("must_mention", [])]
        for g in gen_rows:
            fit = _path_fit(g["section_paths"], e["section_paths"])
            if not fit:
                continue
            summ = key(g.get("summary", ""))
            shown = key(" ".join(c.get("old_text", "") + " " + c.get("new_text", "") for c in g.get("changes", [])))
            hits = sum(m in summ for m in must) + sum(m in shown for m in must)
            pages = len(set(g.get("an_pages", [])) & set(e["an_pages"]))
            exact = len({_pkey(p) for p in g["section_paths"]} & {_pkey(p) for p in e["section_paths"]})
            cands.append(((hits, fit, pages, exact, -len(g["section_paths"])), e["id"], g["id"]))
    cands.sort(key=lambda c: c[0], reverse=True)
    match: dict[str, str] = {}
    used: set[str] = set()
    for _, eid, gid in cands:
        if eid in match or gid in used:
            continue
        match[eid] = gid
        used.add(gid)
    by_gen = {g["id"]: g for g in gen_rows}
    out: dict = {"expected": len(exp_rows), "generated": len(gen_rows), "found": len(match),
                 "pages_right": 0, "summary_right": 0, "cause_right": 0, "details": [], "by_kind": {}}
    for e in exp_rows:
        kind = e.get("kind", "?")
        bk = out["by_kind"].setdefault(kind, {"expected": 0, "found": 0, "pages_right": 0, "summary_right": 0})
        bk["expected"] += 1
        gid = match.get(e["id"])
        if gid is None:
            out["details"].append({"kind": "missed", "row": e["id"], "row_kind": kind, "item": e["item"]})
            continue
        g = by_gen[gid]
        bk["found"] += 1
        pages_ok = sorted(g.get("an_pages", [])) == sorted(e["an_pages"])
        summ = key(g.get("summary", ""))
        missing = [m for m in e.get("must_mention", []) if key(m) not in summ]
        gt, et = g["cause"]["type"], e["cause"]["type"]
        cause_ok = gt == et or (et == "internal" and gt == "unknown")
        out["pages_right"] += pages_ok
        bk["pages_right"] += pages_ok
        out["summary_right"] += not missing
        bk["summary_right"] += not missing
        out["cause_right"] += cause_ok
        if not pages_ok:
            out["details"].append({"kind": "pages", "row": e["id"], "row_kind": kind, "got": g.get("an_pages"),
                                   "want": e["an_pages"]})
        if missing:
            out["details"].append({"kind": "summary", "row": e["id"], "row_kind": kind, "missing": missing,
                                   "summary": g.get("summary", "")})
        if not cause_ok:
            out["details"].append({"kind": "cause", "row": e["id"], "row_kind": kind, "got": gt, "want": et})
    # invented rows: purely editorial, or other (consequences, split decisions)
    editorial = exp.get("editorial", [])
    leaked: set[str] = set()
    out["invented_editorial"] = out["invented_other"] = 0
    for g in gen_rows:
        shown = {e["id"] for c in g.get("changes", []) for e in editorial if _shows_editorial(c, e)}
        leaked |= shown
        if g["id"] in used:
            continue
        changes = g.get("changes", [])
        pure = bool(changes) and all(any(_shows_editorial(c, e) for e in editorial) for c in changes)
        if pure:
            out["invented_editorial"] += 1
        else:
            out["invented_other"] += 1
        out["details"].append({"kind": "invented-editorial" if pure else "invented", "row": g["id"],
                               "item": g.get("item", ""), "summary": g.get("summary", "")[:120]})
    out["editorial_total"] = len(editorial)
    out["editorial_leaked"] = len(leaked)
    # links
    want = {(c, e["id"]) for e in exp_rows for c in e["cause"].get("comment_ids", [])}
    exp_of = {gid: eid for eid, gid in match.items()}
    # A campaign (one text sent by many) is one opinion: a link to any of its members is the
    # link to the campaign, counted once under its representative (issue 15: a link to a group
    # is a link to each member).
    same_as = {m: k["representative"] for k in exp.get("campaigns", []) for m in k.get("members", [])}
    got = {(same_as.get(c, c), exp_of.get(g["id"], "invented:" + g["id"]))
           for g in gen_rows for c in g["cause"].get("comment_ids", [])}
    out["links_expected"], out["links_made"], out["links_right"] = len(want), len(got), len(want & got)
    for c, eid in sorted(got - want):
        out["details"].append({"kind": "wrong-link", "comment": c, "row": eid})
    for c, eid in sorted(want - got):
        out["details"].append({"kind": "missed-link", "comment": c, "row": eid})
    # answers read as 反映
    truth_reflected = {c["id"] for c in exp.get("comments", []) if c.get("reflected")}
    gen_types = {c["id"]: c.get("response_type") for c in gen.get("comments", [])}
    out["reflected_expected"] = len(truth_reflected)
    out["reflected_read"] = sum(gen_types.get(c) == "反映" for c in truth_reflected)
    out["warnings"] = len(gen.get("warnings", []))
    return out


def ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def summarize(scores: list[dict]) -> dict:
    """Figures over several cases (micro-averaged)."""
    s = {k: sum(x[k] for x in scores) for k in ("expected", "generated", "found", "pages_right", "summary_right", "cause_right",
                                                  "invented_editorial", "invented_other", "editorial_total", "editorial_leaked",
                                                  "links_expected", "links_made", "links_right", "reflected_expected",
                                                  "reflected_read", "warnings")}
    p = ratio(s["links_right"], s["links_made"])
    r = ratio(s["links_right"], s["links_expected"])
    s["recall"] = ratio(s["found"], s["expected"])
    s["precision"] = ratio(s["found"], s["generated"])
    s["link_f1"] = (2 * p * r / (p + r) if p and r else 0.0) if s["links_expected"] else None
    s["cause"] = ratio(s["cause_right"], s["found"])
    s["pages"] = ratio(s["pages_right"], s["found"])
    s["summary"] = ratio(s["summary_right"], s["found"])
    s["reflected"] = ratio(s["reflected_read"], s["reflected_expected"])
    return s
