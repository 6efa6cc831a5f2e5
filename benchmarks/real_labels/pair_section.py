"""List the changed paragraph pairs of one section of env6 (素案 → 案) through the NEUTRAL alignment
the hand-label files in this folder describe, so a labeller reads both texts without running revtool.

    .venv/bin/python benchmarks/real_labels/pair_section.py 第2部 第2章 "1 "      # pairs of 第2部第2章1
    .venv/bin/python benchmarks/real_labels/pair_section.py --count                # changed pairs per section

A section is named by the start of its heading at each level (Heading 1, 2, 3 …). Its paragraphs are every
non-empty python-docx paragraph under that heading (sub-headings included, the section's own heading not),
compared with difflib.SequenceMatcher; the paragraphs outside equal runs are paired greedily by character
ratio >= 0.4 (best ratio first); a leftover paragraph lying, for >= 0.9 of its characters and in order, inside
a changed paragraph of the other side is proposed as a piece of that paragraph (split or merge) and joins its
pair; the rest are added or deleted. The labeller checks every group on its joined text (printed as DIFF) and
joins by hand a sentence that was rewritten as it moved into a paragraph of its own. Footnotes: every w:footnoteReference in the
section's paragraphs, the k-th of the 素案 paired with the k-th of the 案 after an alignment of their texts
(numbers stripped). Each pair is printed with its section path, the short hashes benchmarks.real_accuracy
uses, both texts and an inline character diff ([-old-]{+new+}). Nothing here reads revtool.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "real" / "env6-soan-an"
RATIO = 0.4
PIECE = 0.9
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


@dataclass
class Para:
    text: str
    level: int  # heading level, 0 for body
    path: tuple[str, ...]  # headings above (for a heading: its parents)
    notes: list[str]  # footnote ids referenced


def read(path: Path) -> tuple[list[Para], dict[str, str]]:
    import docx

    doc = docx.Document(str(path))
    out: list[Para] = []
    stack: list[tuple[int, str]] = []
    for p in doc.paragraphs:
        text = p.text.strip()
        if not text:
            continue
        style = p.style.name if p.style is not None else ""
        m = re.match(r"Heading (\d+)$", style)
        level = int(m.group(1)) if m else 0
        if level:
            while stack and stack[-1][0] >= level:
                stack.pop()
        refs = [r.get(W + "id") for r in p._p.iter(W + "footnoteReference")]
        out.append(Para(text, level, tuple(t for _, t in stack), [n for n in refs if n]))
        if level:
            stack.append((level, text))
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/footnotes.xml").decode("utf-8") if "word/footnotes.xml" in z.namelist() else ""
    notes: dict[str, str] = {}
    for nid, body in re.findall(r'<w:footnote\b[^>]*w:id="(-?\d+)"[^>]*>(.*?)</w:footnote>', xml, re.S):
        notes[nid] = "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", body)).strip()
    return out, notes


def in_section(p: Para, prefix: list[str]) -> bool:
    full = p.path + ((p.text,) if p.level else ())
    if len(full) <= len(prefix):
        return False  # the section's own heading or above
    return all(full[i].startswith(prefix[i]) for i in range(len(prefix)))


def ratio(a: str, b: str) -> float:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sm.ratio() if sm.real_quick_ratio() >= RATIO and sm.quick_ratio() >= RATIO else 0.0


def pair(old: list[str], new: list[str]) -> list[tuple[list[int], list[int]]]:
    """Changed pairs (indices into old, new): neutral difflib alignment, then greedy by ratio."""
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    lo = [i for tag, i1, i2, _, _ in sm.get_opcodes() if tag != "equal" for i in range(i1, i2)]
    ln = [j for tag, _, _, j1, j2 in sm.get_opcodes() if tag != "equal" for j in range(j1, j2)]
    cands = sorted(((ratio(old[i], new[j]), i, j) for i in lo for j in ln), reverse=True)
    used_o: set[int] = set()
    used_n: set[int] = set()
    pairs = []
    for r, i, j in cands:
        if r < RATIO or i in used_o or j in used_n:
            continue
        used_o.add(i)
        used_n.add(j)
        pairs.append(([i], [j]))
    # pieces of a split (or merged) paragraph: a leftover paragraph lying, for >= PIECE of its
    # characters and in order, inside a changed paragraph of the other side joins that one's pair
    for j in ln:
        if j in used_n:
            continue
        best = max(((covered(new[j], old[i]), i) for i in lo), default=(0.0, -1))
        if best[0] >= PIECE:
            group = next((g for g in pairs if best[1] in g[0]), None)
            if group is None:
                group = ([best[1]], [])
                used_o.add(best[1])
                pairs.append(group)
            group[1].append(j)
            used_n.add(j)
    for i in lo:
        if i in used_o:
            continue
        best = max(((covered(old[i], new[j]), j) for j in ln), default=(0.0, -1))
        if best[0] >= PIECE:
            group = next((g for g in pairs if best[1] in g[1]), None)
            if group is not None:
                group[0].append(i)
                used_o.add(i)
    pairs += [([i], []) for i in lo if i not in used_o] + [([], [j]) for j in ln if j not in used_n]
    for g in pairs:
        g[0].sort()
        g[1].sort()
    return sorted(pairs, key=lambda p: p[1][0] if p[1] else p[0][0] + 0.5)


def covered(part: str, whole: str, run: int = 1) -> float:
    """Share of ``part``'s characters found, in order, in ``whole``, counting only matching runs of at
    least ``run`` characters (``run`` > 1: a short text's common kana found one by one in a long
    paragraph is chance, not the same text)."""
    if not part or not whole:
        return 0.0
    if part in whole:
        return 1.0
    sm = difflib.SequenceMatcher(None, part, whole, autojunk=False)
    return sum(b.size for b in sm.get_matching_blocks() if b.size >= run) / len(part)


def inline(a: str, b: str) -> str:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out.append(a[i1:i2])
        else:
            if i2 > i1:
                out.append(f"[-{a[i1:i2]}-]")
            if j2 > j1:
                out.append(f"{{+{b[j1:j2]}+}}")
    return "".join(out)


def section_pairs(prefix: list[str]):
    old_p, old_n = read(CORPUS / "soan.docx")
    new_p, new_n = read(CORPUS / "an.docx")
    olds = [p for p in old_p if in_section(p, prefix)]
    news = [p for p in new_p if in_section(p, prefix)]
    body = pair([p.text for p in olds], [p.text for p in news])
    on = [old_n[n] for p in olds for n in p.notes if n in old_n]
    nn = [new_n[n] for p in news for n in p.notes if n in new_n]
    strip = lambda t: re.sub(r"^\d+\s*", "", t)  # noqa: E731
    sm = difflib.SequenceMatcher(None, [strip(t) for t in on], [strip(t) for t in nn], autojunk=False)
    notes = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        for k in range(max(i2 - i1, j2 - j1)):
            a = on[i1 + k] if i1 + k < i2 else None
            b = nn[j1 + k] if j1 + k < j2 else None
            if a != b:
                notes.append((a, b))
    return olds, news, body, notes


def show(prefix: list[str]) -> None:
    olds, news, body, notes = section_pairs(prefix)
    print(f"section {prefix}: 素案 {len(olds)} paragraphs, 案 {len(news)}; {len(body)} changed pairs, "
          f"{len(notes)} changed footnotes")
    for n, (io, jn) in enumerate(body, 1):
        ps = [olds[i] for i in io] + [news[j] for j in jn]
        head = " HEADING" if any(p.level for p in ps) else ""
        path = (news[jn[0]] if jn else olds[io[0]]).path
        print(f"\n=== p{n:02d}{head} path={' / '.join(path[len(prefix):])}")
        for i in io:
            print(f"  OLD {short_hash(olds[i].text)} L{olds[i].level}: {olds[i].text}")
        for j in jn:
            print(f"  NEW {short_hash(news[j].text)} L{news[j].level}: {news[j].text}")
        if io and jn:
            print(f"  DIFF (joined): {inline(''.join(olds[i].text for i in io), ''.join(news[j].text for j in jn))}")
    for n, (a, b) in enumerate(notes, 1):
        print(f"\n=== f{n:02d} FOOTNOTE")
        if a:
            print(f"  OLD {short_hash(a)}: {a}")
        if b:
            print(f"  NEW {short_hash(b)}: {b}")
        if a and b:
            print(f"  DIFF: {inline(a, b)}")


def count() -> None:
    """Changed pairs and footnotes of every chapter and section (Heading 2 and 3) of the 案."""
    new_p, _ = read(CORPUS / "an.docx")
    for p in new_p:
        if p.level not in (2, 3):
            continue
        full = p.path + (p.text,)
        prefix = [re.split(r"[ 　]", t)[0] + (" " if re.match(r"\d+ ", t) else "") for t in full]
        olds, news, body, notes = section_pairs(prefix)
        print(f"{len(body):4d} pairs {len(notes):3d} notes (素案 {len(olds):3d} / 案 {len(news):3d} paragraphs)  "
              f"{' / '.join(prefix)}  {p.text[:40]}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--count"]:
        count()
    else:
        show(sys.argv[1:])
