"""PDF extraction speed: revtool's extract_pdf against plain pdfplumber
``extract_text()`` over all pages of the same file, measured in the same run.

    python -m benchmarks.pdf_extract [PDF ...]

Prints ms per page for both and their ratio (target: <= 0.7 on
nakano-dx/soan.pdf), plus the peak RSS of a fresh process for ours.
Also against pypdfium2's raw page text (``get_text_range``, the engine's own
speed, issue 15) and the share of the content-stream glyph count
(``pdf_glyphs``: what makes the result independent of installed fonts).
Defaults to ../shared/corpus/nakano-dx/{soan,an}.pdf next to the repository.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = [REPO.parent / "shared" / "corpus" / "nakano-dx" / n for n in ("soan.pdf", "an.pdf")]


def plain_pdfplumber(path: Path) -> tuple[float, int]:
    import pdfplumber

    t = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        n = len(pdf.pages)
        for page in pdf.pages:
            page.extract_text()
            page.close()
    return time.perf_counter() - t, n


def raw_pdfium(path: Path) -> float:
    import pypdfium2 as pdfium

    t = time.perf_counter()
    pdf = pdfium.PdfDocument(str(path))
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
    return time.perf_counter() - t


def glyph_count(path: Path, pages: int) -> float:
    from revtool.extract.pdf_glyphs import StreamCaps, count_pages

    t = time.perf_counter()
    count_pages(str(path), None, 0, pages, StreamCaps(path.name))
    return time.perf_counter() - t


def ours(path: Path) -> float:
    from revtool.extract.pdf import extract_pdf

    t = time.perf_counter()
    extract_pdf(path)
    return time.perf_counter() - t


def peak_rss_mib(path: Path) -> float:
    """Peak RSS of a child process that only runs extract_pdf (pool workers included)."""
    code = (
        "import resource,sys;from pathlib import Path;from revtool.extract.pdf import extract_pdf;"
        "extract_pdf(Path(sys.argv[1]));"
        "print(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [p for p in DEFAULT if p.exists()]
    if not paths:
        print("no PDF given and ../shared/corpus/nakano-dx not found", file=sys.stderr)
        return 1
    ours(paths[0])  # warm imports and the page cache
    for path in paths:
        base, n = plain_pdfplumber(path)
        mine = min(ours(path) for _ in range(3))
        raw = min(raw_pdfium(path) for _ in range(3))
        counting = min(glyph_count(path, n) for _ in range(3))
        print(
            f"{path.name}: {n} pages  pdfplumber extract_text {base / n * 1000:.1f} ms/page  "
            f"revtool extract_pdf {mine / n * 1000:.1f} ms/page  ratio {mine / base:.2f}  "
            f"peak RSS {peak_rss_mib(path):.0f} MiB\n"
            f"  pypdfium2 raw text {raw / n * 1000:.1f} ms/page  extract_pdf / raw {mine / raw:.1f}x  "
            f"glyph count (one process) {counting / n * 1000:.1f} ms/page = {counting / raw:.1f}x raw"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
