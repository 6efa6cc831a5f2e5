"""Format parity: the DOCX and the PDF of one version of a real document should
give the same text, so a diff between them shows only real edits (issue 12).

    python -m benchmarks.format_parity [--samples N] [--dump FILE] [NAME ...]
    python -m benchmarks.format_parity --pair X.docx X.pdf          # any DOCX and the PDF printed from it
    python -m benchmarks.format_parity --generated bench-out/accuracy [--substantive]
                                     # every generated plan's soan/an.docx + .pdf there (tuning seeds only)

NAME is one of the pairs below (default: all that exist under ../shared):
env6-soan (環境省 素案), env6-an (案), meti-nda.  ``--generated`` reads the
plans the accuracy runners wrote (a version read by the DOCX reader and by the
PDF reader must compare equal, or a plan published as 素案 DOCX and 案 PDF
shows changes nobody made).  Per document it prints the
number of changes and of substantive changes of the DOCX -> PDF diff, the
changes grouped by kind (``kind_of``), and a few samples of each kind.
``--dump`` writes every change as JSON lines for a closer look.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from revtool.compare.diff import diff_documents
from revtool.extract import extract
from revtool.model import Change
from revtool.normalize import compact_key

REPO = Path(__file__).resolve().parents[1]
REAL = REPO.parent / "shared" / "corpus" / "real"
PAIRS = {
    "env6-soan": ("env6-soan-an", "soan"),
    "env6-an": ("env6-soan-an", "an"),
    "meti-nda": ("meti-nda", "nda_v1_0"),
}


def kind_of(change: Change) -> str:
    """A rough name for why the two formats differ at this change."""
    old, new = compact_key(change.old_text), compact_key(change.new_text)
    if change.block_kind == "section":
        return "section"
    if not old or not new:
        if change.block_kind == "table":
            return "table-only-in-one"
        return "block-only-in-" + ("pdf" if not old else "docx")
    if old == new:
        return "spacing-or-width"
    if old.startswith(new) or old.endswith(new):
        return "pdf-block-is-part-of-docx-block"
    if new.startswith(old) or new.endswith(old):
        return "docx-block-is-part-of-pdf-block"
    if change.block_kind == "table":
        return "table-cells"
    return "text"


def measure(name: str) -> tuple[list[Change], float] | None:
    folder, stem = PAIRS[name]
    return measure_pair(REAL / folder / f"{stem}.docx", REAL / folder / f"{stem}.pdf")


def measure_pair(docx: Path, pdf: Path) -> tuple[list[Change], float] | None:
    if not (docx.exists() and pdf.exists()):
        return None
    t = time.perf_counter()
    changes = list(diff_documents(extract(docx), extract(pdf)))
    return changes, time.perf_counter() - t


def generated_pairs(root: Path, heldout: set[int]) -> list[tuple[str, Path, Path]]:
    """(name, docx, pdf) of every plan version under ``root`` that has both files; held-out seeds left out."""
    out = []
    for d in sorted(p for p in root.iterdir() if p.is_dir()):
        seed = d.name.rsplit("-s", 1)[-1].split("-")[0]
        if seed.isdigit() and int(seed) in heldout:
            continue
        for v in ("soan", "an"):
            if (d / f"{v}.docx").exists() and (d / f"{v}.pdf").exists():
                out.append((f"{d.name}/{v}", d / f"{v}.docx", d / f"{v}.pdf"))
    return out


def _heldout_seeds() -> set[int]:
    """Every family's held-out seeds (never read, even for parity)."""
    import importlib
    import pkgutil

    import benchmarks

    seeds: set[int] = set()
    for m in pkgutil.iter_modules(benchmarks.__path__):
        if m.name.endswith("_accuracy") and m.name != "real_accuracy":
            mod = importlib.import_module(f"benchmarks.{m.name}")
            fam = getattr(mod, "FAMILY", None)
            seeds |= set(getattr(fam, "heldout", ()))
            if getattr(fam, "variant", None) is not None:
                seeds |= set(fam.variant.seeds)
    from benchmarks.families import HELDOUT_SEEDS

    return seeds | set(HELDOUT_SEEDS)


def _short(text: str, width: int = 70) -> str:
    flat = text.replace("\n", "⏎").replace("\t", "⇥")
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def report(name: str, changes: list[Change], seconds: float, samples: int, only_substantive: bool = False) -> list[str]:
    substantive = [c for c in changes if c.substantive]
    if only_substantive:
        changes = substantive
    out = [f"{name}: {len(changes)} changes, {len(substantive)} substantive ({seconds:.0f} s)"]
    groups: dict[tuple[bool, str], list[Change]] = defaultdict(list)
    for c in changes:
        groups[(c.substantive, kind_of(c))].append(c)
    for (subst, kind), items in sorted(groups.items(), key=lambda kv: (not kv[0][0], -len(kv[1]))):
        out.append(f"  {'substantive' if subst else 'editorial  '} {kind:34} {len(items):4}")
        for c in items[:samples]:
            where = "/".join(p[:12] for p in (c.section_path or c.old_section_path)[-2:])
            out.append(f"      [{where}] {c.kind.value} p{list(c.old_pages)}->{list(c.new_pages)}")
            out.append(f"        docx: {_short(c.old_text)}")
            out.append(f"        pdf : {_short(c.new_text)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", choices=[*PAIRS, []], default=[])
    ap.add_argument("--samples", type=int, default=3)
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--pair", nargs=2, type=Path, metavar=("DOCX", "PDF"))
    ap.add_argument("--generated", type=Path, metavar="DIR")
    ap.add_argument("--substantive", action="store_true", help="only the substantive changes")
    args = ap.parse_args(argv)
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    found = False
    if args.pair:
        jobs = [(args.pair[0].name, *args.pair)]
    elif args.generated:
        jobs = generated_pairs(args.generated, _heldout_seeds())
    else:
        jobs = [(n, REAL / PAIRS[n][0] / f"{PAIRS[n][1]}.docx", REAL / PAIRS[n][0] / f"{PAIRS[n][1]}.pdf")
                for n in args.names or list(PAIRS)]
    for name, docx, pdf in jobs:
        result = measure_pair(docx, pdf)
        if result is None:
            print(f"{name}: not available under {REAL}")
            continue
        found = True
        changes, seconds = result
        print("\n".join(report(name, changes, seconds, args.samples, args.substantive)), flush=True)
        if dump is not None:
            for c in changes:
                dump.write(json.dumps({
                    "doc": name, "kind": kind_of(c), "substantive": c.substantive, "change": c.kind.value,
                    "block": c.block_kind, "path": list(c.section_path or c.old_section_path),
                    "docx_pages": list(c.old_pages), "pdf_pages": list(c.new_pages),
                    "docx": c.old_text, "pdf": c.new_text,
                }, ensure_ascii=False) + "\n")
    if dump is not None:
        dump.close()
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())
