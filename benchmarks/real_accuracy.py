"""Substantive precision and recall on a REAL revision against hand labels
(issue 11, row 'real revision'): 第六次環境基本計画 素案 → 案 (../shared/corpus/real/env6-soan-an).

    python -m benchmarks.real_accuracy            # all label files, figures printed
    python -m benchmarks.real_accuracy --write    # and replace the section in ACCURACY.md
    python -m benchmarks.real_accuracy -v         # every labelled pair with revtool's verdict
    python -m benchmarks.real_accuracy --tuning   # only the parts marked tuned_on (a helper never sees held-out ones)

The ministry's DOCX and PDF go through the CLI as a user runs it (init; ingest soan.docx --pages-from
soan.pdf; ingest an.docx --pages-from an.pdf; diff --format json; changelog --format json). Each label
file in ``benchmarks/real_labels/`` holds the changed paragraph pairs of one chapter, found by a neutral
alignment and labelled by hand (editorial | substantive) before revtool's verdicts were read; a pair
names its paragraphs by a short hash of their DOCX text, so no corpus text is stored in the repository.
revtool's changes are matched to a pair by text overlap; a pair is called substantive when any change
matched to it is. Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import time
from pathlib import Path

from benchmarks.accuracy import OUT, REPO, _cli, measured_state
# the labeller's pairing tool and this scorer hash and cover texts alike: one definition
from benchmarks.real_labels.pair_section import covered, short_hash

CORPUS = REPO.parent / "shared" / "corpus" / "real" / "env6-soan-an"
LABELS = REPO / "benchmarks" / "real_labels"
MARK = "## Real revision (env6, hand labels)"
TOUCH = 0.5
"""A change is matched to a labelled paragraph when at least this share of the paragraph's characters
appears, in order, in the change's text on the same side …"""
PIECE_MIN, PIECE_SHARE = 10, 0.8
"""… or when the change's text (at least this long) lies, for this share, inside the paragraph."""
RUN = 3
"""Characters are counted only in runs of at least this many shared with the other text: a 25-character
paragraph's kana are found one by one inside any long change, which is no match."""


def docx_texts(path: Path) -> dict[str, str]:
    """Every non-empty paragraph (headings included) and every footnote of a DOCX by its short hash."""
    import re
    import zipfile

    import docx

    texts = [p.text.strip() for p in docx.Document(str(path)).paragraphs]
    with zipfile.ZipFile(path) as z:
        notes = z.read("word/footnotes.xml").decode("utf-8") if "word/footnotes.xml" in z.namelist() else ""
    for body in re.findall(r"<w:footnote\b[^>]*>(.*?)</w:footnote>", notes, re.S):
        texts.append("".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", body)).strip())
    return {short_hash(t): t for t in texts if t}


def run_cli(d: Path) -> tuple[dict, dict]:
    """The user's commands in ``d/ws``: the diff JSON and the changelog JSON."""
    ws = d / "ws"
    shutil.rmtree(ws, ignore_errors=True)
    d.mkdir(parents=True, exist_ok=True)
    _cli(["init", str(ws), "--plan", "第六次環境基本計画"], d)
    for name, version in (("soan", "素案"), ("an", "案")):
        _cli(["-C", str(ws), "ingest", str(CORPUS / f"{name}.docx"), "--version", version,
              "--pages-from", str(CORPUS / f"{name}.pdf")], d)
    diff = json.loads(_cli(["-C", str(ws), "diff", "素案", "案", "--format", "json"], d).stdout)
    target = d / "changelog.json"
    _cli(["-C", str(ws), "changelog", "素案", "案", "--format", "json", "-o", str(target)], d)
    shutil.rmtree(ws, ignore_errors=True)
    (d / "diff.json").write_text(json.dumps(diff, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return diff, json.loads(target.read_text(encoding="utf-8"))


_NOTE = re.compile(r"^注\s*[0-9０-９]+\s+")
"""How revtool prints a footnote: its label 注N, then the note's own text (which starts with N)."""


def _is_note(change: dict) -> bool:
    return bool(_NOTE.match(change.get("old_text") or change.get("new_text") or ""))


def _touches(paragraphs: list[str], text: str, whole: bool = True) -> bool:
    """``text`` (one side of a change) holds most of a labelled paragraph (``whole``),
    or is a piece of one (a change cut at sentences shows only the sentences it edits)."""
    return any((whole and covered(t, text, RUN) >= TOUCH) or
               (len(text) >= PIECE_MIN and covered(text, t, RUN) >= PIECE_SHARE)
               for t in paragraphs)


def _in_chapter(change: dict, chapter: list[str]) -> bool:
    n = len(chapter)
    return change.get("section_path", [])[:n] == chapter or change.get("old_section_path", [])[:n] == chapter


SECTION_NOTE = 0.9
"""A labelled footnote lies in an added/deleted section's text when this share of it is found there, in order."""


def _whole_section_holds(pair: dict, olds: list[str], news: list[str], change: dict) -> bool:
    """An added (deleted) section's change holds a labelled pair with no 素案 (案) side: a heading that is
    one of its lines, a paragraph it covers, a footnote found in it."""
    side, texts = ("new_text", news) if change.get("new_text") else ("old_text", olds)
    other = olds if side == "new_text" else news
    text = change.get(side) or ""
    if other or not texts:
        return False  # the pair has a counterpart on the other side: not this section's addition/removal
    if pair.get("heading"):
        # the section's own heading is its first line; a sub-heading is not in the text (the
        # sub-section's body is): the labelled heading sits under the added/deleted section
        lines = {re.sub(r"\s", "", line) for line in text.split("\n")}
        where = change.get("section_path" if side == "new_text" else "old_section_path") or []
        inside = bool(where) and pair.get("section", [])[:len(where)] == where
        return inside or any(re.sub(r"\s", "", t) in lines for t in texts)
    if pair.get("footnote"):
        return any(covered(t, text) >= SECTION_NOTE for t in texts)
    return _touches(texts, text)


def match(labels: dict, changes: list[dict], old: dict[str, str], new: dict[str, str]) -> tuple[list[dict], list[dict]]:
    """Each labelled pair with the changes matched to it, and the chapter's changes matched to none."""
    chapter = labels["chapter"]
    mine = [c for c in changes if _in_chapter(c, chapter)]
    taken: set[int] = set()
    out = []
    for p in labels["pairs"]:
        olds = [old[h] for h in p["old"] if h in old]
        news = [new[h] for h in p["new"] if h in new]
        if len(olds) != len(p["old"]) or len(news) != len(p["new"]):
            raise SystemExit(f"{p['id']}: a labelled paragraph is not in the corpus DOCX (corpus changed?)")
        hit = []
        for i, c in enumerate(mine):
            heading = c.get("block_kind") == "section"
            if heading and not (c.get("old_text") and c.get("new_text")):
                # a section added or deleted is one change: its heading, body, sub-sections and
                # footnotes in one text; it holds each labelled heading, paragraph or note inside it
                if _whole_section_holds(p, olds, news, c):
                    hit.append(c)
                    taken.add(i)
                continue
            if bool(p.get("heading")) != heading or (_is_note(c) and not p.get("footnote")):
                continue
            # a short footnote lies inside many body paragraphs: a footnote is matched to
            # a change printed as a footnote, or to a piece of one (cut at sentences)
            whole = not p.get("footnote") or _is_note(c)
            if heading:
                ok = c.get("old_text") in olds and c.get("new_text") in news
            else:
                ok = _touches(olds, _NOTE.sub("", c.get("old_text") or ""), whole) or \
                    _touches(news, _NOTE.sub("", c.get("new_text") or ""), whole)
            if ok:
                hit.append(c)
                taken.add(i)
        said = None if not hit else any(c["substantive"] for c in hit)
        out.append({**p, "revtool": said, "changes": [c.get("id") for c in hit],
                    "rules": sorted({c.get("rule") or "" for c in hit}),
                    "reasons": [c.get("reason", "")[:80] for c in hit]})
    rest = [c for i, c in enumerate(mine) if i not in taken]
    return out, rest


def score(matched: list[dict], rest: list[dict], borderline: bool = True) -> dict:
    use = [m for m in matched if borderline or not m.get("borderline")]
    sub = [m for m in use if m["label"] == "substantive"]
    called = [m for m in use if m["revtool"]]
    tp = [m for m in called if m["label"] == "substantive"]
    return {
        "pairs": len(use), "substantive": len(sub), "editorial": len(use) - len(sub),
        "called_substantive": len(called), "true_substantive": len(tp),
        "precision": len(tp) / len(called) if called else 1.0,
        "recall": len(tp) / len(sub) if sub else 1.0,
        "editorial_leaks": len(called) - len(tp),
        "missed": sum(1 for m in sub if m["revtool"] is None),
        "unlabelled_substantive": sum(1 for c in rest if c["substantive"]),
    }


def rows_for(matched: list[dict], changelog: dict) -> int:
    """Editorial pairs that appear in a changelog row (published as a change)."""
    ids = {c.get("id") for r in changelog.get("rows", []) for c in r.get("changes", [])}
    return sum(1 for m in matched if m["label"] == "editorial" and set(m["changes"]) & ids)


def run(verbose: bool = False, tuning: bool = False) -> list[dict]:
    t = time.perf_counter()
    d = OUT / "real-env6"
    diff, changelog = run_cli(d)
    old, new = docx_texts(CORPUS / "soan.docx"), docx_texts(CORPUS / "an.docx")
    results = []
    for f in sorted(LABELS.glob("env6-*.json")):
        labels = json.loads(f.read_text(encoding="utf-8"))
        if tuning and not labels.get("tuned_on", False):
            continue
        matched, rest = match(labels, diff["changes"], old, new)
        s = score(matched, rest)
        s_strict = score(matched, rest, borderline=False)
        s.update(file=f.name, chapter=" / ".join(labels["chapter"][1:]), held_out=not labels.get("tuned_on", False),
                 first=labels.get("first_measurement"),
                 precision_no_borderline=s_strict["precision"], recall_no_borderline=s_strict["recall"],
                 editorial_in_rows=rows_for(matched, changelog))
        results.append(s)
        print(f"{f.name}: {s['pairs']} pairs ({s['substantive']} substantive) — precision {s['precision']:.2f}, "
              f"recall {s['recall']:.2f}, editorial leaks {s['editorial_leaks']}, not found {s['missed']}, "
              f"editorial pairs in 別紙2 rows {s['editorial_in_rows']}; without borderline labels "
              f"{s['precision_no_borderline']:.2f} / {s['recall_no_borderline']:.2f}; "
              f"substantive changes matched to no pair {s['unlabelled_substantive']}")
        if verbose:
            for m in matched:
                flag = "ok " if (m["revtool"] is True) == (m["label"] == "substantive") else "XX "
                print(f"  {flag}{m['id']} label={m['label'][:3]} revtool={m['revtool']} {m['rules']} {m['quote'][:24]}"
                      f" | {m['why'][:60]}")
                for r in m["reasons"]:
                    print(f"        {r}")
            for c in rest:
                print(f"  unmatched {c.get('id')} {c['kind']} substantive={c['substantive']} {(c.get('new_text') or c.get('old_text') or '')[:40]}")
        (d / f"{f.stem}.score.json").write_text(json.dumps({"score": s, "pairs": matched}, ensure_ascii=False, indent=1)
                                                + "\n", encoding="utf-8")
    print(f"({time.perf_counter() - t:.0f} s)")
    return results


def section(results: list[dict]) -> str:
    lines = [MARK, "",
             f"Measured on: {measured_state()}. `python -m benchmarks.real_accuracy --write`: 第六次環境基本計画 "
             "素案 (96 pp.) → 案 (185 pp.), the ministry's DOCX with `--pages-from` its PDF, through the CLI. No comment table "
             "and no ministry list of revisions exist for this pair, so the figure is the diff's editorial/substantive verdict "
             "against hand labels (`benchmarks/real_labels/`, rule in each file): pairs found by a neutral paragraph alignment "
             "and labelled before revtool's verdicts were read. A pair counts as called substantive when any change matched "
             "to it is. Floor (issue 11): substantive precision ≥ 0.85.",
             "",
             "| chapter (label file) | set | pairs | substantive | precision | recall | editorial leaks | not found | "
             "precision / recall without borderline labels | substantive changes matched to no pair |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for s in results:
        kind = "held-out (labelled after the fixes)" if s["held_out"] else "tuning (fixes were made looking at it)"
        lines.append(f"| {s['chapter']} (`{s['file']}`) | {kind} | {s['pairs']} | {s['substantive']} | "
                     f"{s['precision']:.2f} | {s['recall']:.2f} | {s['editorial_leaks']} | {s['missed']} | "
                     f"{s['precision_no_borderline']:.2f} / {s['recall_no_borderline']:.2f} | {s['unlabelled_substantive']} |")
    if len(results) > 1:
        called = sum(s["called_substantive"] for s in results)
        tp = sum(s["true_substantive"] for s in results)
        sub = sum(s["substantive"] for s in results)
        lines.append(f"| all labelled pairs | — | {sum(s['pairs'] for s in results)} | {sub} | "
                     f"{tp / called if called else 1.0:.2f} | {tp / sub if sub else 1.0:.2f} | "
                     f"{sum(s['editorial_leaks'] for s in results)} | {sum(s['missed'] for s in results)} | — | "
                     f"{sum(s['unlabelled_substantive'] for s in results)} |")
    firsts = [s for s in results if s.get("first")]
    if firsts:
        lines.append("")
        for s in firsts:
            f = s["first"]
            lines.append(f"`{s['file']}` was first measured as held-out on {f['code']}: precision {f['precision']:.2f}, "
                         f"recall {f['recall']:.2f}, {f['editorial_leaks']} editorial leaks — {f['note']}.")
    return "\n".join(lines) + "\n"


def write_section(results: list[dict]) -> None:
    path = REPO / "ACCURACY.md"
    text = path.read_text(encoding="utf-8")
    new = section(results)
    if MARK in text:
        start = text.index(MARK)
        nxt = text.find("\n## ", start + len(MARK))
        text = text[:start] + new + (text[nxt + 1:] if nxt >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + new
    path.write_text(text, encoding="utf-8")
    print(f"ACCURACY.md: section '{MARK[3:]}' written")


def main(argv: list[str]) -> int:
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent (../shared not mounted)")
        return 0
    if "--write" in argv and "--tuning" in argv:
        print("--write は全パートで実行してください（--tuning とは併用できません）", file=sys.stderr)
        return 2
    results = run(verbose="-v" in argv, tuning="--tuning" in argv)
    if "--write" in argv:
        write_section(results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
