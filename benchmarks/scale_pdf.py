"""A generated scale plan (``benchmarks.scale``) printed as a plain PDF
(``benchmarks.plan_pdf``: no LibreOffice, no font file), for PDF speed
figures on plans of any length.

    python -m benchmarks.scale_pdf OUT.pdf [--pages 1200] [--seed 1] [--version soan|an]

About ``pages`` printed pages (the generator's page is a DOCX page; the
printed count differs a little).
"""

from __future__ import annotations

import sys
from pathlib import Path

from benchmarks.plan_pdf import CHARS_PER_LINE, PrintLine, lay_out, wrap, write_pdf
from revtool.model import Document, Section


def print_lines(doc: Document) -> list[PrintLine]:
    """The document's headings, paragraphs and table rows as printed lines."""
    out: list[PrintLine] = []

    def visit(sec: Section, level: int) -> None:
        size = {1: 16.0, 2: 13.0, 3: 12.0}.get(level, 11.0)
        out.append(PrintLine(sec.heading, size, new_page=level == 1))
        for b in sec.blocks:
            if b.table is not None:
                for row in b.table.rows:
                    for _, piece in wrap("\u3000".join(c.text for c in row), CHARS_PER_LINE + 4):
                        out.append(PrintLine(piece, 9.5))
            else:
                text = (b.label + "\u3000" if b.label else "") + b.text
                for _, piece in wrap(text):
                    out.append(PrintLine(piece, 10.5))
        for c in sec.children:
            visit(c, level + 1)

    for sec in doc.sections:
        visit(sec, 1)
    return out


def write_scale_pdf(path: Path, pages: int = 1200, seed: int = 1, version: str = "soan") -> int:
    """Write the plan's 素案 (or 案) as a PDF; the number of PDF pages."""
    from benchmarks.scale import generate

    pair = generate(pages, seed)
    doc = pair.old if version == "soan" else pair.new
    laid, _ = lay_out(print_lines(doc), f"ベンチマーク計画（{'素案' if version == 'soan' else '案'}）")
    write_pdf(laid, path)
    return len(laid)


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    pages = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else 1200
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    version = argv[argv.index("--version") + 1] if "--version" in argv else "soan"
    n = write_scale_pdf(Path(argv[0]), pages, seed, version)
    print(f"{argv[0]}: {n} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
