"""One very long paragraph (issue 16 item 5): diff + changelog time against
the same on a 3,000-character paragraph, edits at the same density (one every
~1,500 characters), so a linear pipeline gives a ratio near the ratio of the
lengths (33× for 100,000 characters) and a quadratic one ~1,000×.

    python -m benchmarks.long_paragraph [--sizes 3000,30000,100000]

Also: the cost of SudachiPy (dictionary load, analysis of the paragraph).
"""

from __future__ import annotations

import sys
import time

from revtool.model import Block, BlockKind, Document, Section

SENTENCE = "区は地域の関係団体と連携し、高齢者の見守り活動と居場所づくりを推進する（{i}）。"
EDITS = (("高齢者", "障害者"), ("推進する", "強化する"), ("関係団体", "関係機関"), ("見守り活動", "見守り"))


def paragraph_pair(chars: int) -> tuple[str, str]:
    old_parts: list[str] = []
    new_parts: list[str] = []
    i = length = 0
    while length < chars:
        s = SENTENCE.format(i=i)
        old_parts.append(s)
        length += len(s)
        if i % 40 == 20:  # ~1 edit per 1,500 characters
            a, b = EDITS[(i // 40) % len(EDITS)]
            s = s.replace(a, b, 1)
        new_parts.append(s)
        i += 1
    return "".join(old_parts), "".join(new_parts)


def _doc(text: str) -> Document:
    body = Section(heading="第1章　地域の見守り", number="第1章", title="地域の見守り", level=1,
                   blocks=(Block(BlockKind.PARAGRAPH, text),))
    return Document(title="長い段落", sections=(body,))


def clear_caches() -> None:
    """Empty every functools cache of revtool (the dictionary stays loaded)."""
    import revtool

    for name, module in list(sys.modules.items()):
        if module is None or not (name == "revtool" or name.startswith("revtool.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", "") == name and value.__name__ != "_tokenizer":
                clear()
    del revtool


def run_once(chars: int) -> tuple[float, int, int]:
    from revtool.changes.changelog import build_changelog
    from revtool.compare.diff import diff_documents

    old, new = paragraph_pair(chars)
    clear_caches()  # a repeated run must cost what the first one did
    t = time.perf_counter()
    a, b = _doc(old), _doc(new)
    changes = diff_documents(a, b)
    log = build_changelog(changes, new_doc=b, old_doc=a)
    elapsed = time.perf_counter() - t
    return elapsed, len(old), sum(len(r.changes) for r in log.rows)


def best(chars: int, repeat: int = 3) -> tuple[float, int, int]:
    runs = [run_once(chars) for _ in range(repeat)]
    return min(runs)


def bench(sizes: tuple[int, ...] = (3_000, 30_000, 100_000)) -> dict[int, float]:
    run_once(2_000)  # warm: imports, dictionary load
    base_t, base_n, _ = best(sizes[0], repeat=7)
    out = {sizes[0]: base_t}
    print(f"  {'long paragraph, ' + format(base_n, ',') + ' chars':<34} {base_t * 1000:9.1f} ms   (baseline)")
    for size in sizes[1:]:
        t, n, _ = best(size, repeat=1 if size > 50_000 else 3)
        out[size] = t
        target = "<= 40x (issue 16)" if size == 100_000 else "(info)"
        print(f"  {'long paragraph, ' + format(n, ',') + ' chars':<34} {t * 1000:9.1f} ms   "
              f"ratio {t / base_t:6.1f} for {n / base_n:4.1f}x the text   target {target}")
    return out


_LOAD = """
import time
t = time.perf_counter()
import revtool.compare.morph as m
imported = time.perf_counter()
m.morphemes("施策")
print(imported - t, time.perf_counter() - imported)
"""


def bench_sudachi() -> None:
    """What SudachiPy costs: loading the core dictionary in a fresh process
    (against importing the module that uses it), and analysing text."""
    import subprocess

    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", _LOAD], check=True, capture_output=True, text=True).stdout.split()
        runs.append((float(out[1]), float(out[0])))
    load, imp = min(runs)
    print(f"  {'SudachiPy core: first analysis':<34} {load * 1000:9.1f} ms   baseline import of compare.morph "
          f"{imp * 1000:6.1f} ms   target < 100 ms (issue 11)")
    from revtool.compare import morph

    text, _ = paragraph_pair(30_000)
    morph.morphemes("準備")
    t = time.perf_counter()
    morph.morphemes(text)
    elapsed = time.perf_counter() - t
    print(f"  {'SudachiPy: analyse 30,000 chars':<34} {elapsed * 1000:9.1f} ms   ({len(text) / elapsed / 1000:,.0f} k chars/s)")


def main(argv: list[str]) -> int:
    sizes = (3_000, 30_000, 100_000)
    if "--sizes" in argv:
        sizes = tuple(int(x) for x in argv[argv.index("--sizes") + 1].split(","))
    print("long paragraph (issue 16 item 5): diff + changelog, one edit per ~1,500 chars")
    bench(sizes)
    print("SudachiPy cost")
    bench_sudachi()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
