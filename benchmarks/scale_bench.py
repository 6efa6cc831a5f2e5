"""Scale figures (issue 8) on the generated 300-page pair, each next to a
baseline measured in the same run, every stage in its own subprocess so that
its peak memory (``ru_maxrss``) is its own.

    python -m benchmarks.scale_bench [--pages 300] [--seed 1] [--quick] [--no-pdf]
    python -m benchmarks.scale_bench --e2e SOAN AN COMMENTS   # end-to-end on any pair (nakano)

Files go to ``bench-out/scale-p<pages>-s<seed>/`` (the rendered PDF is kept
there and reused while the DOCX bytes are the same: LibreOffice is the slow
part). ``--quick`` runs a 30-page pair. Results are also written as JSON to
``bench-out/scale-p<pages>-s<seed>/results.json`` for BENCHMARKS.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SectionPathT = tuple[str, ...]
REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench-out"
CHANGELOG_CAP_S = 150  # the end-to-end changelog is stopped after this (target 60 s)
BASELINE_CAP_S = 60  # a baseline still running after this is stopped and reported as "> cap" (ratio "<")


# ---------------------------------------------------------------- child side: one stage


def _rss_mib() -> float:
    """Peak RSS of this stage: its own high-water mark (VmHWM: ``ru_maxrss`` of
    a spawned child starts at its parent's peak on Linux, which would charge
    run.py's memory to every stage) and that of the commands it ran."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        for ln in Path("/proc/self/status").read_text().splitlines():
            if ln.startswith("VmHWM:"):
                own = int(ln.split()[1])
    except OSError:
        pass
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def _load_pair(d: Path):
    import pickle

    with open(d / "pair.pickle", "rb") as f:
        return pickle.load(f)


def index_once() -> None:
    """Bench-only shim: ``revtool.comments.resolve.index(doc)`` is rebuilt for
    every comment (≈ 0.1-0.3 s on the 300-page plan, so 2,000 comments take
    minutes); keep the last index per document object. The real cost is
    measured separately (``stage_link``: ``import_real_per_row_s``)."""
    mod = sys.modules.get("revtool.comments.resolve") or __import__("revtool.comments.resolve", fromlist=["index"])
    orig = mod.index
    if getattr(orig, "_bench_cached", False):
        return
    cache: dict[int, tuple[object, object]] = {}

    def index(doc):
        hit = cache.get(id(doc))
        if hit is None or hit[0] is not doc:
            cache.clear()
            hit = cache[id(doc)] = (doc, orig(doc))
        return hit[1]

    index._bench_cached = True
    mod.index = index


CPU: dict[str, float] = {}  # CPU seconds (user + sys) of each CLI call: wall time on a busy machine is inflated


def _child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


_SHIM_MAIN = ("import sys; from benchmarks.scale_bench import index_once; index_once(); "
              "from revtool.cli import main; main(sys.argv[1:])")


def _cli(args: list[str], check: bool = True, shim: bool = False,
         timeout: float | None = None) -> tuple[float, subprocess.CompletedProcess | None]:
    """Run one revtool command; (seconds, process), process None on timeout."""
    cmd = [sys.executable, "-c", _SHIM_MAIN] if shim else [sys.executable, "-m", "revtool.cli.__main__"]
    t = time.perf_counter()
    cpu0 = _child_cpu()
    try:
        p = subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - t, None
    dt = time.perf_counter() - t
    CPU[" ".join(a for a in args if not a.startswith(("/", "-")))[:40] or "help"] = _child_cpu() - cpu0
    if check and p.returncode != 0:
        raise RuntimeError(f"revtool {' '.join(args)} failed ({p.returncode}): {p.stderr[-2000:]}")
    return dt, p


def stage_generate(d: Path, pages: int, seed: int) -> dict:
    import pickle

    from benchmarks.scale import generate, write_all

    t = time.perf_counter()
    pair = generate(pages, seed)
    gen = time.perf_counter() - t
    t = time.perf_counter()
    write_all(pair, d)
    files = time.perf_counter() - t
    with open(d / "pair.pickle", "wb") as f:
        pickle.dump(pair, f)
    return {"generate_s": gen, "write_docx_s": files, "counts": pair.counts(),
            "sections": len(pair.old.walk())}


def stage_render(d: Path) -> dict:
    """soan.docx → soan.pdf with LibreOffice, cached by the DOCX's sha256."""
    docx = d / "soan.docx"
    digest = hashlib.sha256(docx.read_bytes()).hexdigest()
    pdf, stamp = d / "soan.pdf", d / "soan.pdf.sha256"
    if pdf.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return {"cached": True, "seconds": 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                        "--outdir", tmp, str(docx)], capture_output=True, check=True, timeout=900)
        dt = time.perf_counter() - t
        shutil.move(str(Path(tmp) / "soan.pdf"), pdf)
    stamp.write_text(digest + "\n")
    return {"cached": False, "seconds": dt}


def stage_pdf_ours(d: Path) -> dict:
    from benchmarks.pdf_extract import ours

    return {"seconds": ours(d / "soan.pdf")}


def stage_pdf_base(d: Path) -> dict:
    from benchmarks.pdf_extract import plain_pdfplumber

    secs, pages = plain_pdfplumber(d / "soan.pdf")
    return {"seconds": secs, "pages": pages}


def stage_docx_ours(d: Path) -> dict:
    from revtool.extract import extract

    t = time.perf_counter()
    doc = extract(d / "soan.docx")
    return {"seconds": time.perf_counter() - t, "sections": len(doc.walk())}


def stage_docx_base(d: Path) -> dict:
    """Plain python-docx: every paragraph's and table cell's ``.text``."""
    import docx

    t = time.perf_counter()
    doc = docx.Document(str(d / "soan.docx"))
    n = sum(len(p.text) for p in doc.paragraphs)
    n += sum(len(c.text) for t_ in doc.tables for row in t_.rows for c in row.cells)
    return {"seconds": time.perf_counter() - t, "chars": n}


def stage_diff(d: Path) -> dict:
    from benchmarks.scale import match_changes
    from revtool.compare.diff import diff_documents

    pair = _load_pair(d)
    t = time.perf_counter()
    changes = diff_documents(pair.old, pair.new)
    secs = time.perf_counter() - t
    return {"seconds": secs, "changes": len(changes), "accuracy": match_changes(pair, changes)}


def stage_dmp(d: Path) -> dict:
    import diff_match_patch

    from benchmarks.scale import full_text

    pair = _load_pair(d)
    a, b = full_text(pair.old), full_text(pair.new)
    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = 0
    t = time.perf_counter()
    dmp.diff_main(a, b)
    return {"seconds": time.perf_counter() - t, "chars": len(a)}


def _targets(rows):
    from revtool.changes.row_target import RowTarget

    return [RowTarget(r.id, r.section_paths, tuple(dict.fromkeys(c.old_section_path for c in r.changes if c.old_section_path)),
                      "\n".join(c.old_text for c in r.changes if c.old_text),
                      "\n".join(c.new_text for c in r.changes if c.new_text)) for r in rows]


LINK_SAMPLE = 100_000  # comments linked in the timed run: all of them since linking uses candidate indexes (no longer linear per row)
IMPORT_SAMPLE = 100  # comments imported with the real per-comment resolution


def stage_link(d: Path) -> dict:
    """Comments imported against 素案, then linking alone (``score_pairs`` +
    ``choose_links``) over the rows of the changelog, next to a naive baseline:
    character-bigram Jaccard of every comment against every row, on the same
    comments. Both are timed on ``LINK_SAMPLE`` comments and scaled to all."""
    from revtool.changes.changelog import build_changelog
    from revtool.comments import import_comments
    from revtool.compare.diff import diff_documents
    from revtool.changes.text_match import bigrams
    from revtool.changes.link import choose_links
    from revtool.changes.link_scores import score_pairs

    pair = _load_pair(d)
    raw = pair.raw_rows()
    n = len(raw)
    t = time.perf_counter()
    import_comments(raw[:IMPORT_SAMPLE], pair.old)
    real_per_row = (time.perf_counter() - t) / min(IMPORT_SAMPLE, n)
    index_once()
    t = time.perf_counter()
    comments = import_comments(raw, pair.old)
    imp = time.perf_counter() - t
    changes = diff_documents(pair.old, pair.new)
    t = time.perf_counter()
    log0 = build_changelog(changes, (), new_doc=pair.new, old_doc=pair.old)
    rows_s = time.perf_counter() - t
    targets = _targets(log0.rows)
    sample = list(comments[:LINK_SAMPLE])
    scale = n / len(sample)
    t = time.perf_counter()
    links = choose_links(score_pairs(targets, sample))
    link_s = (time.perf_counter() - t) * scale

    t = time.perf_counter()
    tv = [set(bigrams(x.added + x.removed)) for x in targets]
    for c in sample:
        cv = set(bigrams(c.opinion + c.response))
        for v in tv:
            if v and cv:
                len(cv & v) / len(cv | v)
    base = (time.perf_counter() - t) * scale

    truth_rows: dict[str, set[SectionPathT]] = {}
    edits = {e.id: e for e in pair.edits}
    for g in pair.comments[:LINK_SAMPLE]:
        if g.edit_ids:
            truth_rows[g.id] = {p for e in g.edit_ids for p in (edits[e].new_path, edits[e].old_path) if p}
    rows_by_id = {r.id: r for r in log0.rows}
    right = 0
    for l in links:
        if l.comment_id in truth_rows:
            row = rows_by_id[l.row_id]
            paths = set(row.section_paths) | {c.old_section_path for c in row.changes} | {c.section_path for c in row.changes}
            right += any(p[:len(q)] == q or q[:len(p)] == p for p in paths for q in truth_rows[l.comment_id])
    linked = {l.comment_id for l in links}
    type_ok = sum(1 for c, g in zip(comments, pair.comments) if c.response_type.value == g.response_type)
    resolved_ok = sum(1 for c, g in zip(comments, pair.comments) if g.section_path in c.resolved_section_paths)
    return {"import_real_per_row_s": real_per_row, "import_real_s": real_per_row * n, "import_index_once_s": imp,
            "rows_s": rows_s, "link_s": link_s, "baseline_s": base, "link_sample": len(sample),
            "comments": n, "rows": len(targets), "links": len(links),
            "reflected_truth": len(truth_rows), "reflected_linked": len(linked & set(truth_rows)),
            "links_to_true_row": right, "linked_without_truth": len(linked - set(truth_rows)),
            "types_ok": type_ok, "refs_resolved_ok": resolved_ok}


def stage_e2e(d: Path, soan: str, an: str, comments: str, shim: str = "", cap: str = "") -> dict:
    """The CLI end to end: init, ingest both versions, re-ingest, import the
    comments, changelog as JSON; ``revtool --help`` as the startup baseline."""
    out: dict = {}
    shim, cap = bool(shim), float(cap) if cap else None
    with tempfile.TemporaryDirectory() as tmp:
        ws = str(Path(tmp) / "ws")
        out["cpu_s"] = CPU
        out["help_s"] = min(_cli(["--help"])[0] for _ in range(2))
        _cli(["init", ws, "--plan", "ベンチマーク計画"])
        out["ingest_soan_s"] = _cli(["-C", ws, "ingest", soan, "--version", "素案"])[0]
        out["ingest_an_s"] = _cli(["-C", ws, "ingest", an, "--version", "案"])[0]
        out["reingest_s"] = min(_cli(["-C", ws, "ingest", an, "--version", "案"])[0] for _ in range(2))
        out["comments_import_s"] = _cli(["-C", ws, "comments", "import", comments], shim=shim)[0]
        out["comments_import_shim"] = shim
        target = str(Path(tmp) / "changelog.json")
        dt, p = _cli(["-C", ws, "changelog", "素案", "案", "--format", "json", "-o", target], timeout=cap)
        out["changelog_s"] = dt
        out["changelog_capped"] = p is None
        if p is None:
            return out
        data = json.loads(Path(target).read_text(encoding="utf-8"))
        out["rows"] = len(data["rows"])
        out["editorial_count"] = data.get("editorial_count")
        out["comment_rows"] = sum(1 for r in data["rows"] if r["cause"]["type"] == "comment")
        out["warnings"] = len(data.get("warnings", []))
    return out


STAGES = {"generate": stage_generate, "render": stage_render, "pdf-ours": stage_pdf_ours, "pdf-base": stage_pdf_base,
          "docx-ours": stage_docx_ours, "docx-base": stage_docx_base, "diff": stage_diff, "dmp": stage_dmp,
          "link": stage_link, "e2e": stage_e2e}


def child(argv: list[str]) -> int:
    name, d = argv[0], Path(argv[1])
    rest = argv[2:]
    if name == "generate":
        res = stage_generate(d, int(rest[0]), int(rest[1]))
    else:
        res = STAGES[name](d, *rest)
    res["maxrss_mib"] = _rss_mib()
    print("RESULT " + json.dumps(res, ensure_ascii=False))
    return 0


# ---------------------------------------------------------------- parent side


def run_stage(name: str, d: Path, *args: str, timeout: float | None = None) -> dict | None:
    """Run one stage in a fresh interpreter; None when it timed out."""
    cmd = [sys.executable, "-m", "benchmarks.scale_bench", "--stage", name, str(d), *args]
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    for ln in p.stdout.splitlines():
        if ln.startswith("RESULT "):
            return json.loads(ln[len("RESULT "):])
    raise RuntimeError(f"stage {name} failed ({p.returncode}):\n{p.stderr[-3000:]}")


def _ms(s: float) -> str:
    return f"{s * 1000:9.1f} ms" if s < 10 else f"{s:9.2f} s "


def show(name: str, ours: float, base: float | None, base_name: str, target: str, base_capped: bool = False) -> dict:
    if base is None:
        print(f"  {name:<38} {_ms(ours)}   {'':<44}          target {target}")
        return {"figure": name, "ours_s": ours, "target": target}
    ratio = ours / base if base else float("inf")
    shown = f"> {_ms(base).strip()}" if base_capped else _ms(base)
    rtxt = f"< {ratio:5.2f}" if base_capped else f"{ratio:7.2f}"
    print(f"  {name:<38} {_ms(ours)}   baseline {base_name:<26} {shown:>12}   ratio {rtxt}   target {target}")
    return {"figure": name, "ours_s": ours, "baseline": base_name, "baseline_s": base, "ratio": ratio,
            "baseline_capped": base_capped, "target": target}


def bench_pair(pages: int, seed: int, pdf: bool) -> dict:
    d = OUT / f"scale-p{pages}-s{seed}"
    d.mkdir(parents=True, exist_ok=True)
    figures: list[dict] = []
    mem: dict[str, float] = {}
    res: dict = {"pages": pages, "seed": seed, "figures": figures, "memory_mib": mem}
    g = run_stage("generate", d, str(pages), str(seed))
    mem["generate"] = g["maxrss_mib"]
    c = g["counts"]
    res["generated"] = g
    print(f"\ngenerated {pages}-page pair (seed {seed}): {c['chars']:,} characters, {g['sections']} sections, "
          f"{c['substantive']} substantive + {c['editorial']} editorial edits, {c['moved']} moved/renamed sections, "
          f"{c['comments']:,} comments  [{g['generate_s']:.1f} s, DOCX {g['write_docx_s']:.1f} s]")

    if pdf and shutil.which("soffice"):
        r = run_stage("render", d)
        print(f"  soan.docx rendered to PDF by LibreOffice" + (" (cached)" if r["cached"] else f" in {r['seconds']:.0f} s"))
        base = run_stage("pdf-base", d)
        mine = run_stage("pdf-ours", d)
        mem["pdf extract"], mem["pdf baseline"] = mine["maxrss_mib"], base["maxrss_mib"]
        figures.append(show(f"PDF extraction ({base['pages']} pages)", mine["seconds"], base["seconds"],
                            "pdfplumber extract_text", "<= 1.5x (issue 8), <= 0.7x (issue 3)"))
    elif pdf:
        print("  soffice (LibreOffice) not found: the PDF extraction figure of the generated pair is skipped")
    base = run_stage("docx-base", d)
    mine = run_stage("docx-ours", d)
    mem["docx extract"] = mine["maxrss_mib"]
    figures.append(show("DOCX extraction", mine["seconds"], base["seconds"], "python-docx .text", "(info)"))

    dmp = run_stage("dmp", d, timeout=BASELINE_CAP_S)
    diff = run_stage("diff", d)
    mem["diff"] = diff["maxrss_mib"]
    if dmp is not None:
        mem["dmp baseline"] = dmp["maxrss_mib"]
    dmp_s = dmp["seconds"] if dmp else float(BASELINE_CAP_S)
    figures.append(show(f"diff ({c['chars']:,} chars)", diff["seconds"], dmp_s, "whole-text diff-match-patch",
                        "<= 0.5x and < 10 s", base_capped=dmp is None))
    res["diff_accuracy"] = acc = diff["accuracy"]
    print(f"  diff vs ground truth: substantive edits found {acc['substantive_found']}/{acc['substantive']} "
          f"(called substantive {acc['substantive_as_substantive']}), editorial edits shown {acc['editorial_shown']}/"
          f"{acc['editorial']} (misclassified substantive {acc['editorial_as_substantive']}), moved/renamed seen "
          f"{acc['moved_seen']}/{acc['moved']}; {acc['changes']} changes, {acc['unmatched_changes']} match no edit "
          f"({acc['unmatched_substantive']} of them substantive)")

    link = run_stage("link", d)
    mem["comments import + link (library)"] = link["maxrss_mib"]
    res["link"] = link
    n = link["comments"]
    figures.append(show(f"comments import ({n:,} rows)", link["import_real_s"], link["import_index_once_s"],
                        "same, section index built once", "(info; extrapolated from "
                        f"{min(IMPORT_SAMPLE, n)} rows)"))
    figures.append(show(f"link {n:,} comments x {link['rows']} rows", link["link_s"], link["baseline_s"],
                        "all-pairs bigram Jaccard", f"< 2 s (both timed on {link['link_sample']} comments, x{n / link['link_sample']:.0f})"))
    figures.append(show(f"changelog rows from {acc['changes']} changes", link["rows_s"], dmp_s,
                        "whole-text diff-match-patch", "(info: build_changelog without comments)", base_capped=dmp is None))
    print(f"  links vs ground truth (first {link['link_sample']} comments): {link['reflected_linked']}/{link['reflected_truth']} "
          f"反映 comments linked ({link['links_to_true_row']} links to a row at the true section), "
          f"{link['linked_without_truth']} other comments linked; answer types right {link['types_ok']}/{n}, "
          f"references resolved to the true section {link['refs_resolved_ok']}/{n}")

    e2e = run_stage("e2e", d, str(d / "soan.docx"), str(d / "an.docx"), str(d / "bessi1.tsv"), "shim", str(CHANGELOG_CAP_S))
    res["e2e"] = e2e
    mem["end to end (CLI)"] = e2e["maxrss_mib"]
    figures.append(show("ingest 素案 DOCX (first time)", e2e["ingest_soan_s"], e2e["help_s"], "revtool --help", "(info)"))
    figures.append(show("re-ingest unchanged file", e2e["reingest_s"], e2e["help_s"], "revtool --help", "< 1 s"))
    figures.append(show("comments import (CLI, index built once)", e2e["comments_import_s"], e2e["help_s"], "revtool --help", "(info)"))
    if e2e["changelog_capped"]:
        figures.append(show("changelog end to end (CLI)", e2e["changelog_s"], dmp_s, "whole-text diff-match-patch",
                            f"< 60 s (stopped at {CHANGELOG_CAP_S} s)", base_capped=dmp is None))
        print(f"  changelog stopped after {CHANGELOG_CAP_S} s: target missed")
    else:
        figures.append(show("changelog end to end (CLI)", e2e["changelog_s"], dmp_s, "whole-text diff-match-patch", "< 60 s",
                            base_capped=dmp is None))
        print(f"  changelog: {e2e['rows']} rows ({e2e['comment_rows']} caused by comments), "
              f"{e2e['editorial_count']} editorial changes left out, {e2e['warnings']} warnings")
    cpu = e2e.get("cpu_s", {})
    if cpu:
        print("  CPU seconds (user+sys) per command: " + ", ".join(f"{k} {v:.2f}" for k, v in cpu.items()))
    peak = max(mem.values())
    print("  peak memory per stage (MiB): " + ", ".join(f"{k} {v:.0f}" for k, v in mem.items())
          + f"  -> max {peak:.0f} MiB (target < 1024 MiB)")
    res["peak_mib"] = peak
    (d / "results.json").write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return res


def bench_e2e(name: str, soan: Path, an: Path, comments: Path) -> dict:
    """End-to-end CLI figures on an existing pair (nakano-dx)."""
    d = OUT / "e2e"
    d.mkdir(parents=True, exist_ok=True)
    e2e = run_stage("e2e", d, str(soan), str(an), str(comments), "", str(CHANGELOG_CAP_S))
    print(f"\n{name}: end to end (CLI)")
    show("ingest 素案 (first time)", e2e["ingest_soan_s"], e2e["help_s"], "revtool --help", "(info)")
    show("re-ingest unchanged file", e2e["reingest_s"], e2e["help_s"], "revtool --help", "< 1 s")
    show("comments import (CLI)", e2e["comments_import_s"], e2e["help_s"], "revtool --help", "(info)")
    show("changelog end to end (CLI)", e2e["changelog_s"], e2e["help_s"], "revtool --help", "< 60 s")
    print(f"  changelog: {e2e.get('rows', '?')} rows ({e2e.get('comment_rows', '?')} caused by comments); "
          f"peak memory {e2e['maxrss_mib']:.0f} MiB (target < 1024 MiB)")
    cpu = e2e.get("cpu_s", {})
    if cpu:
        print("  CPU seconds (user+sys) per command: " + ", ".join(f"{k} {v:.2f}" for k, v in cpu.items()))
    (d / "results.json").write_text(json.dumps({"name": name, **e2e}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return e2e


def main(argv: list[str]) -> int:
    if argv[:1] == ["--stage"]:
        return child(argv[1:])
    if argv[:1] == ["--e2e"]:
        bench_e2e("pair", *(Path(a) for a in argv[1:4]))
        return 0
    pages = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else (30 if "--quick" in argv else 300)
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    bench_pair(pages, seed, pdf="--no-pdf" not in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
