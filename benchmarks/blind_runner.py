"""What the blind-family runners share: one seed end to end through the CLI
and the scorer, the generator digest, the ACCURACY.md section swap, and the
``--tuning / --seed / --write / --pdf-only / --mixed`` command line.

A runner describes its family with a ``BlindFamily`` and calls ``main``::

    FAMILY = BlindFamily(module=blind4_family, generator_file="blind4_family.py", case_prefix="blind4",
                         label="blind4-town", tuning=(5001, 5002, 5003), heldout=(5101, 5102, 5103),
                         mark="## Fourth blind family (…)", describe=lambda: "…")
    raise SystemExit(main(sys.argv[1:], FAMILY, __doc__))

Every blind runner (blind_accuracy … blind8_accuracy) uses it: blind_accuracy
with its own "Measured on" line and a list of failure kinds after the table,
blind2_accuracy with its variant family (``--variant``, measured with ``--write``).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from benchmarks.accuracy import HEADER, OUT, REPO, by_kind_table, family_line, measured_state, mixed_versions, print_case, run_pipeline
from benchmarks.accuracy_score import score_case, summarize
from benchmarks.cli_flags import check_flags


@dataclass(frozen=True)
class Variant:
    """A second generator of a family's house style with other words, for seeds of its own (never tuned on)."""
    module: ModuleType  # generate, write_plan, summary, digest() -> str
    seeds: tuple[int, ...]
    case_prefix: str
    label: str
    describe: Callable[[], str]  # the paragraph before its table in ACCURACY.md


@dataclass(frozen=True)
class BlindFamily:
    module: ModuleType  # generate(seed) -> plan, write_plan(plan, dir) -> files, summary(plan) -> dict
    generator_file: str
    case_prefix: str
    label: str
    tuning: tuple[int, ...]
    heldout: tuple[int, ...]
    mark: str
    describe: Callable[[], str]
    # how the held-out figures stood before anyone tuned on the family (measured once, by the lead)
    first_measured: str = ""
    # the module that measures it, when not ``<case_prefix>_accuracy``
    command: str = ""
    # the section's "Measured on" line, when the family words it otherwise
    measured: Callable[[], str] | None = None
    # lines after the by-kind table (the kinds of failure seen, this run's misses)
    after: Callable[[list[dict]], list[str]] | None = None
    variant: Variant | None = None


def command(fam: BlindFamily) -> str:
    return fam.command or f"{fam.case_prefix}_accuracy"


def generator_digest(fam: BlindFamily) -> str:
    """Figures are comparable only between runs with the same generator and scorer."""
    h = hashlib.sha256()
    for name in (fam.generator_file, "plan_pdf.py", "accuracy_score.py"):
        h.update((REPO / "benchmarks" / name).read_bytes())
    return h.hexdigest()[:10]


def run_case(fam: BlindFamily, seed: int, pdf_only: bool = False, mixed: bool = False) -> dict:
    """One seed end to end; the score also written to ``bench-out/accuracy/<prefix>-s<seed>/score.json``.
    ``mixed``: the 素案 read from its DOCX and the 案 from its PDF alone (``accuracy.mixed_versions``; a seed
    without any DOCX runs as usual, its case not marked mixed)."""
    variant = fam.variant if fam.variant and seed in fam.variant.seeds else None
    module = variant.module if variant else fam.module
    name = f"{variant.case_prefix if variant else fam.case_prefix}-s{seed}" + ("-pdf" if pdf_only else "-mixed" if mixed else "")
    d = OUT / name
    t = time.perf_counter()
    plan = module.generate(seed)
    f = module.write_plan(plan, d)
    inputs = mixed_versions(f["soan"], f["an"], f["soan_pdf"], f["an_pdf"]) if mixed else None
    if pdf_only:  # both versions from their PDF alone, as a reviewer with only the published files
        gen = run_pipeline(d, f["soan_pdf"], f["an_pdf"], None, None, f["comments"])
    elif inputs:
        gen = run_pipeline(d, *inputs, f["comments"])
    else:
        # a family whose version *is* its PDF (no DOCX published) ingests it without --pages-from
        gen = run_pipeline(d, f["soan"], f["an"], None if f["soan"] == f["soan_pdf"] else f["soan_pdf"],
                           None if f["an"] == f["an_pdf"] else f["an_pdf"], f["comments"])
    s = score_case(gen, json.loads(f["expected"].read_text(encoding="utf-8")))
    s.update(case=name + (" (PDF only)" if pdf_only else " (mixed)" if inputs else ""), family=fam.label, seed=seed,
             plan=module.summary(plan), seconds=time.perf_counter() - t)
    (d / "score.json").write_text(json.dumps(s, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return s


def section(fam: BlindFamily, scores: list[dict], variant: list[dict] | None = None) -> str:
    """The family's ACCURACY.md section: how it was measured, what the family is, the figures of ``scores``
    (and of its variant's seeds, ``variant``)."""
    measured = fam.measured() if fam.measured else (
        f"Measured on: {measured_state()}, generator digest `{generator_digest(fam)}`. "
        f"`python -m benchmarks.{command(fam)} --write` (held-out seeds {list(fam.heldout)}; "
        f"tuning seeds {list(fam.tuning)} via `--tuning`).")
    lines = [fam.mark, "", measured, "", fam.describe(), ""] + ([fam.first_measured, ""] if fam.first_measured else []) + [HEADER]
    lines += _figures(fam.label, scores)
    if fam.after:
        lines += fam.after(scores)
    if fam.variant and variant:
        lines += [fam.variant.describe(), "", HEADER] + _figures(fam.variant.label, variant)
    return "\n".join(lines) + "\n"


def _figures(label: str, scores: list[dict]) -> list[str]:
    """One table line a seed, the family's line, and the by-kind table."""
    lines = [family_line(s["case"], summarize([s])) for s in scores]
    lines.append(family_line(f"**{label}, {len(scores)} seeds**", summarize(scores)))
    return lines + ["", by_kind_table(scores), ""]


def replace_section(text: str, mark: str, new: str) -> str:
    """``text`` (ACCURACY.md) with the section headed ``mark`` replaced by ``new`` (or appended); other sections kept."""
    if mark in text:
        start = text.index(mark)
        nxt = text.find("\n## ", start + len(mark))
        return text[:start].rstrip("\n") + "\n\n" + new + ("\n" + text[nxt + 1:] if nxt >= 0 else "")
    return text.rstrip("\n") + "\n\n" + new


def write_section(fam: BlindFamily, scores: list[dict], variant: list[dict] | None = None) -> None:
    path = REPO / "ACCURACY.md"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(replace_section(text, fam.mark, section(fam, scores, variant)), encoding="utf-8")


def main(argv: list[str], fam: BlindFamily, doc: str) -> int:
    flags = {"--tuning", "--seed", "--write", "--pdf-only", "--mixed"} | ({"--variant"} if fam.variant else set())
    stop = check_flags(argv, flags, doc)
    if stop is not None:
        return stop
    if "--seed" in argv:
        seeds = [int(argv[argv.index("--seed") + 1])]
    elif fam.variant and "--variant" in argv:
        seeds = list(fam.variant.seeds)
    else:
        seeds = list(fam.tuning if "--tuning" in argv else fam.heldout)
    heldout = not set(seeds) & set(fam.tuning)
    scores = [run_case(fam, x, "--pdf-only" in argv, "--mixed" in argv) for x in seeds]
    for s in scores:
        print_case(s)
        print("  ", json.dumps(s["plan"], ensure_ascii=False))
        if not heldout:  # held-out details are not for study
            for d in s["details"]:
                print("    ", json.dumps(d, ensure_ascii=False))
    a = summarize(scores)
    print(json.dumps({k: (round(a[k], 3) if isinstance(a[k], float) else a[k]) for k in a}, ensure_ascii=False))
    print()
    print(HEADER)
    for s in scores:
        print(family_line(s["case"], summarize([s])))
    label = fam.variant.label if fam.variant and set(seeds) <= set(fam.variant.seeds) else fam.label
    print(family_line(f"**{label}, {len(scores)} seeds**", a))
    print(f"generator digest {generator_digest(fam)}" + (f", variant digest {fam.variant.module.digest()}" if fam.variant else ""))
    if "--write" in argv and not {"--tuning", "--seed", "--pdf-only", "--variant", "--mixed"} & set(argv):
        variant = None
        if fam.variant:  # the variant's seeds are measured with the family's
            variant = [run_case(fam, x) for x in fam.variant.seeds]
            print(HEADER)
            print(family_line(f"**{fam.variant.label}, {len(variant)} seeds**", summarize(variant)))
        write_section(fam, scores, variant)
    return 0
