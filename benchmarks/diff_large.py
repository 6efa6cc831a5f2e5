"""Benchmark ``diff_documents`` on a generated ~300-page plan pair (issue 4).

    python -m benchmarks.diff_large [--pages 300] [--seed 1]
    python -m benchmarks.diff_large --align [--pages 50,300,1200] [--runs 3]

Builds a plan of about 400,000 characters, applies 200 substantive and 500
editorial edits, and prints the time of ``diff_documents`` next to one
diff-match-patch run (``Diff_Timeout = 0``) over the two whole texts, in the
same process, plus peak memory and how well the verdicts match the edits made.

``--align`` (issue 15): section alignment on the scale generator's plans
(``benchmarks/scale.py``, the plans ``benchmarks/stages.py`` times as CLI
stages) of each size, ``align_sections`` against the algorithm it replaced
(``tests/oracle_align.py``: the leftover scan on ``frozenset`` bigrams) in the
same process, alternated, the same number of runs, medians of CPU and wall
seconds, the pairs checked equal, and how each grows with the pages
(log-log slope, target <= 1.1).
"""

from __future__ import annotations

import math
import random
import resource
import statistics
import sys
import time
from dataclasses import replace

import diff_match_patch

from revtool.compare.diff import diff_documents
from revtool.model import Block, BlockKind, Document, PageSpan, Section, Table

SUBJECTS = ["区民", "事業者", "地域団体", "職員", "子育て世帯", "高齢者", "障害のある方", "学校", "町会・自治会", "関係機関"]
OBJECTS = ["オンライン申請", "相談体制", "情報発信", "データ連携", "窓口サービス", "防災情報", "健康づくり", "見守り活動",
           "業務プロセス", "電子決裁", "キャッシュレス決済", "施設予約", "研修体系", "調達手続", "セキュリティ対策"]
VERBS = ["の充実を図る", "の拡大を進める", "の見直しを行う", "の効率化に取り組む", "の質の向上を目指す", "の利便性を高める",
         "を段階的に導入する", "の在り方を検討する", "を着実に推進する", "の定着を支援する"]
LINKS = ["このため、", "また、", "あわせて、", "さらに、", "具体的には、", "今後は、", ""]
# (old, new) pairs the rule table must call editorial
EDITORIAL = [("及び", "および"), ("取組み", "取組"), ("様々な", "さまざまな"), ("行う事", "行うこと"),
             ("出来る", "できる"), ("、", "，"), ("手続き", "手続"), ("問い合わせ", "問合せ")]


def sentence(rng: random.Random) -> str:
    year = rng.randint(2026, 2030)
    n = rng.randint(2, 95)
    parts = [rng.choice(LINKS), rng.choice(SUBJECTS), "と連携し、", rng.choice(OBJECTS), rng.choice(VERBS), "。"]
    if rng.random() < 0.4:
        parts[-1:] = [f"{year}年度までに{n}件の取組を行う事とし、様々な手続きの問い合わせに対応出来る体制及び取組みを整える。"]
    return "".join(parts)


def make_plan(pages: int, rng: random.Random) -> Document:
    chapters = []
    page = 1
    per_page = 1300
    for c in range(1, 11):
        sections = []
        for s in range(1, pages // 30 + 1):
            subs = []
            for k in range(1, 5):
                blocks = []
                for _ in range(rng.randint(3, 6)):
                    text = "".join(sentence(rng) for _ in range(rng.randint(3, 6)))
                    blocks.append(Block(BlockKind.PARAGRAPH, text, pages=PageSpan(page, page)))
                    if sum(len(b.text) for b in blocks) > per_page:
                        page += 1
                if k == 2:
                    rows = [["指標", "現状値", "目標値"]] + [
                        [f"{rng.choice(OBJECTS)}の利用件数{j}", f"{rng.randint(1, 99)}件", f"{rng.randint(100, 999)}件"]
                        for j in range(rng.randint(2, 4))]
                    t = Table.from_texts(rows)
                    blocks.append(Block(BlockKind.TABLE, t.as_text(), table=t, pages=PageSpan(page, page)))
                subs.append(Section(f"（{k}）{rng.choice(OBJECTS)}", f"（{k}）", rng.choice(OBJECTS), 3,
                                    blocks=tuple(blocks), pages=PageSpan(page, page)))
            title = f"{rng.choice(OBJECTS)}の推進"
            sections.append(Section(f"{s}. {title}", f"{s}.", title, 2, children=tuple(subs)))
        title = f"{rng.choice(OBJECTS)}に関する取組"
        chapters.append(Section(f"第{c}章　{title}", f"第{c}章", title, 1, children=tuple(sections)))
    return Document(title="ベンチマーク計画", sections=tuple(chapters))


def edit_plan(doc: Document, n_sub: int, n_edit: int, rng: random.Random) -> tuple[Document, set[str], set[str]]:
    """Returns the new version and the paragraph texts (new) edited substantively / editorially."""
    leaves = [(p, s) for p, s in doc.walk() if s.blocks]
    plan: dict[tuple[str, ...], dict[int, str]] = {}
    sub_texts: set[str] = set()
    ed_texts: set[str] = set()
    slots = [(p, i) for p, s in leaves for i, b in enumerate(s.blocks) if b.kind is BlockKind.PARAGRAPH]
    rng.shuffle(slots)
    by_path = dict(leaves)
    for k, (path, i) in enumerate(slots[:n_sub + n_edit]):
        text = plan.get(path, {}).get(i, by_path[path].blocks[i].text)
        if k < n_sub:
            kind = k % 3
            if kind == 0:
                new = text.replace("年度までに", "年度までに追加で", 1) if "年度までに" in text else text + "新たに推進本部を設置する。"
                import re

                new = re.sub(r"[0-9]+件", lambda m: f"{int(m.group(0)[:-1]) + 7}件", new, count=1)
            elif kind == 1:
                new = text + "また、" + rng.choice(SUBJECTS) + "の意見を踏まえ、" + rng.choice(OBJECTS) + "の在り方を毎年度検証する。"
            else:
                new = text.replace("を着実に推進する", "の実施を見送る", 1) if "を着実に推進する" in text else "「なかのアプリ」を活用し、" + text
            sub_texts.add(new)
        else:
            choices = [pair for pair in EDITORIAL if pair[0] in text]
            if not choices:
                continue
            a, b = rng.choice(choices)
            new = text.replace(a, b, 1)
            ed_texts.add(new)
        plan.setdefault(path, {})[i] = new

    def rebuild(sec: Section, path: tuple[str, ...]) -> Section:
        p = path + (sec.heading,)
        blocks = sec.blocks
        if p in plan:
            blocks = tuple(replace(b, text=plan[p][i]) if i in plan[p] else b for i, b in enumerate(blocks))
        return replace(sec, blocks=blocks, children=tuple(rebuild(c, p) for c in sec.children))

    new_doc = replace(doc, sections=tuple(rebuild(s, ()) for s in doc.sections))
    return new_doc, sub_texts - ed_texts, ed_texts - sub_texts


def whole_text(doc: Document) -> str:
    return "\n".join(b.text for _, s in doc.walk() for b in s.blocks)


def _slope(a: float, b: float, size_a: int, size_b: int) -> str:
    return f"{math.log(b / a) / math.log(size_b / size_a):.2f}" if a > 0 and b > 0 else "—"


def align_series(pages: list[int], runs: int = 3, seed: int = 1) -> dict[str, list[tuple[int, float, float]]]:
    """(pages, CPU s, wall s) medians of ``align_sections`` now and before, per size; printed as a table."""
    from benchmarks.scale import generate
    from revtool.compare.align import align_sections
    from tests import oracle_align

    algos = {"align_sections": align_sections, "before (tests/oracle_align.py)": oracle_align.align_sections}
    out: dict[str, list[tuple[int, float, float]]] = {name: [] for name in algos}
    print(f"section alignment on generated plans, {runs} runs each, alternated, medians (CPU s / wall s)")
    for p in pages:
        pair = generate(p, seed)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in algos}
        results = {}
        for _ in range(runs):
            for name, fn in algos.items():
                c, w = time.process_time(), time.perf_counter()
                results[name] = fn(pair.old, pair.new)
                times[name].append((time.process_time() - c, time.perf_counter() - w))
        same = len({r for r in results.values()}) == 1
        cells = []
        for name in algos:
            cpu = statistics.median(t[0] for t in times[name])
            wall = statistics.median(t[1] for t in times[name])
            out[name].append((p, cpu, wall))
            cells.append(f"{name} {cpu:6.3f} / {wall:6.3f}")
        print(f"  {p:>6,} pages  {len(pair.old.walk()):>6,} sections   " + "   ".join(cells)
              + ("   same pairs" if same else "   PAIRS DIFFER"))
    for name, rows in out.items():
        if len(rows) > 1:
            print(f"  slope {name}: all {_slope(rows[0][1], rows[-1][1], rows[0][0], rows[-1][0])}"
                  f" / last {_slope(rows[-2][1], rows[-1][1], rows[-2][0], rows[-1][0])}   (CPU, target <= 1.1)")
    return out


def main(argv: list[str]) -> int:
    if "--align" in argv:
        sizes = [int(x) for x in argv[argv.index("--pages") + 1].split(",")] if "--pages" in argv else [50, 300, 1200]
        align_series(sizes, int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 3)
        return 0
    pages = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else 300
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    rng = random.Random(seed)
    old = make_plan(pages, rng)
    new, sub_texts, ed_texts = edit_plan(old, 200, 500, rng)
    a, b = whole_text(old), whole_text(new)
    print(f"generated plan: {len(a):,} characters, {len(old.walk())} sections, "
          f"{len(sub_texts)} substantive and {len(ed_texts)} editorial paragraph edits")

    t = time.perf_counter()
    changes = diff_documents(old, new)
    ours = time.perf_counter() - t

    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = 0
    t = time.perf_counter()
    dmp.diff_main(a, b)
    base = time.perf_counter() - t

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  revtool diff_documents        {ours:8.2f} s   ({len(changes)} changes)")
    print(f"  diff-match-patch, whole text  {base:8.2f} s   (Diff_Timeout = 0)")
    print(f"  ratio                         {ours / base:8.2f}   target <= 0.5, < 10 s")
    print(f"  peak memory                   {peak:8.0f} MiB target < 1024 MiB")
    sub_hit = sum(1 for c in changes if c.new_text in sub_texts and c.substantive)
    ed_hit = sum(1 for c in changes if c.new_text in ed_texts and not c.substantive)
    ed_wrong = sum(1 for c in changes if c.new_text in ed_texts and c.substantive)
    print(f"  verdicts: substantive found {sub_hit}/{len(sub_texts)}, editorial kept editorial "
          f"{ed_hit}/{len(ed_texts)} (called substantive: {ed_wrong})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
