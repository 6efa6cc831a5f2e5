"""Extraction does not depend on the machine's fonts (issue 12).

* the content-stream glyph counter (``pdf_glyphs``) on hand-written streams;
* every real PDF of ../shared/corpus/real gives byte-identical section files
  and changelog JSON when the font folders are hidden (a private mount
  namespace with an empty folder bound over them) as in a normal run;
* ``jo.pdf`` (Ryumin-Light, not embedded, no ToUnicode) keeps every character
  pdfminer finds, whatever fonts are installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import unicodedata
import zlib
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from revtool.extract.pdf import extract_pdf, needs_slow_path
from revtool.extract.pdf_glyphs import PageGlyphs, operations
from revtool.extract.pdf_read import Glyph, RawPage
from revtool.model import Document

FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/X11/fonts", str(Path.home() / ".fonts"),
             str(Path.home() / ".local/share/fonts")]


# ---------------------------------------------------------------- the counter


def _shown(stream: bytes) -> list[bytes]:
    out: list[bytes] = []
    for op, args in operations(stream):
        if op in (b"Tj", b"'", b'"'):
            out.append(args[-1])
        elif op == b"TJ":
            out.extend(a for a in args[-1] if isinstance(a, bytes))
    return out


def test_operations_read_strings_of_every_form() -> None:
    stream = rb"""BT /F1 12 Tf 1 0 0 1 72 700 Tm (a\(b\)c) Tj [(x) -120 <4142> 3 (y\101)] TJ
    (nested (paren) ok) ' 1 2 (q) " ET % (a comment) Tj
    BI /W 2 /H 1 /BPC 8 /CS /G ID (binary) Tj EI Q <00 4 1> Tj"""
    assert _shown(stream) == [b"a(b)c", b"x", b"AB", b"yA", b"nested (paren) ok", b"q", b"\x00\x41"]


def test_operations_give_names_and_form_calls() -> None:
    ops = list(operations(b"q /F2 9.5 Tf /Fm0 Do Q"))
    assert ops == [(b"q", []), (b"Tf", ["F2"]), (b"Do", ["Fm0"]), (b"Q", [])]


def _raw(text: str, bad: int = 0) -> RawPage:
    glyphs = tuple(Glyph(c, 10.0 * i, 10.0 * i + 9, 0.0, 10.0, 10.0, False) for i, c in enumerate(text))
    return RawPage(0, 600.0, 800.0, glyphs, (), 0.0, bad, "")


def test_a_page_with_fewer_characters_than_drawn_takes_the_slow_path() -> None:
    assert needs_slow_path(_raw("あいう え"), PageGlyphs(visible=6))
    assert not needs_slow_path(_raw("あいう え"), PageGlyphs(visible=4))
    # unmapped glyphs are counted, not lost: they are reported as such
    assert not needs_slow_path(_raw("あい", bad=2), PageGlyphs(visible=4))
    # a CID font that is not embedded: pdfium's result depends on the machine
    assert needs_slow_path(_raw("あいう"), PageGlyphs(visible=3, unembedded_cid=True))
    assert not needs_slow_path(_raw("あいう"), None)


# ---------------------------------------------------------------- real PDFs


def _real_pdfs(real: Path) -> list[Path]:
    return sorted(p for p in real.rglob("*.pdf"))


def _visible(text: str) -> Counter[str]:
    return Counter(re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))


def _text(doc: Document) -> str:
    blocks = list(doc.front) + [b for _, s in doc.walk() for b in s.blocks]
    headings = [s.title for _, s in doc.walk()]
    return "\n".join(headings + [b.text for b in blocks])


def test_jo_keeps_every_character_pdfminer_finds(real_corpus: Path) -> None:
    path = real_corpus / "pdf-robustness" / "jo.pdf"
    if not path.exists():
        pytest.skip("jo.pdf not available")
    with pdfplumber.open(path) as pdf:
        found = _visible("".join(c["text"] for page in pdf.pages for c in page.chars))
    doc = extract_pdf(path)
    kept = _visible(_text(doc))
    assert sum(found.values()) > 800
    assert sum((found & kept).values()) >= 0.99 * sum(found.values())
    assert any("PDF 1ページ目" in w and "読み直しました" in w for w in doc.warnings)


# what one run produces: the section files of every real PDF and the changelog
# JSON of env6 素案 -> 案, as hashes (compared between a normal run and one with
# the font folders hidden)
_PROBE = textwrap.dedent(
    r"""
    import hashlib, json, os, subprocess, sys, tempfile
    from pathlib import Path
    from revtool.errors import RevtoolError
    from revtool.extract.pdf import extract_pdf
    from revtool.workspace.serialize import document_to_files

    real = Path(sys.argv[1])
    env6 = real / "env6-soan-an"
    out = {"fonts": {d: sorted(os.listdir(d)) if os.path.isdir(d) else None for d in sys.argv[2:]}}
    for pdf in sorted(real.rglob("*.pdf")):
        if pdf.parent == env6:
            continue  # ingested below, through the CLI
        try:
            doc = extract_pdf(pdf)
            files = document_to_files(doc)
            out[str(pdf.relative_to(real))] = {
                "files": {k: hashlib.sha256(v).hexdigest() for k, v in sorted(files.items())},
                "warnings": list(doc.warnings),
            }
        except RevtoolError as err:
            out[str(pdf.relative_to(real))] = {"error": err.message}
    if (env6 / "soan.pdf").exists():
        exe = Path(sys.executable).with_name("revtool")
        # fixed commit dates: the changelog JSON names the commits
        env = dict(os.environ, GIT_AUTHOR_DATE="2026-01-01T00:00:00+0900", GIT_COMMITTER_DATE="2026-01-01T00:00:00+0900")
        with tempfile.TemporaryDirectory() as tmp:
            run = lambda *a: subprocess.run([str(exe), *a], check=True, capture_output=True, env=env)
            run("init", tmp)
            for name, version in (("soan.pdf", "素案"), ("an.pdf", "案")):
                run("-C", tmp, "ingest", str(env6 / name), "--version", version)
                out["env6-soan-an/" + name] = {
                    str(f.relative_to(tmp)): hashlib.sha256(f.read_bytes()).hexdigest()
                    for f in sorted(Path(tmp, "sections").rglob("*")) if f.is_file()
                }
            run("-C", tmp, "changelog", "素案", "案", "-f", "json", "-o", tmp + "/cl.json")
            data = Path(tmp, "cl.json").read_bytes()
            out["changelog"] = hashlib.sha256(data).hexdigest()
            out["changelog_size"] = len(data)
    print(json.dumps(out, ensure_ascii=False))
    """
)


def _may_hide_fonts() -> str:
    """Why the font folders cannot be hidden here, or ``""``."""
    if not sys.platform.startswith("linux"):
        return "private mount namespaces need Linux"
    if shutil.which("unshare") is None:
        return "unshare (util-linux) is not installed"
    probe = subprocess.run(["unshare", "-m", "-r", "sh", "-c", "mount --bind /tmp /tmp"], capture_output=True)
    if probe.returncode != 0:
        return f"unshare -m -r is not permitted here: {probe.stderr.decode(errors='replace').strip()}"
    return ""


def _run_probe(real: Path, hide: bool, empty: Path) -> dict[str, object]:
    args = [sys.executable, "-c", _PROBE, str(real), *FONT_DIRS]
    if hide:
        mounts = " && ".join(f"mount --bind {empty} '{d}'" for d in FONT_DIRS if os.path.isdir(d))
        script = f"{mounts or 'true'} && exec \"$@\""
        args = ["unshare", "-m", "-r", "sh", "-c", script, "sh", *args]
    done = subprocess.run(args, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_same_output_with_font_folders_hidden(real_corpus: Path, tmp_path: Path) -> None:
    why = _may_hide_fonts()
    if why:
        pytest.skip(f"cannot hide the font folders: {why}")
    if not _real_pdfs(real_corpus):
        pytest.skip("no PDF in ../shared/corpus/real")
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    normal = _run_probe(real_corpus, False, empty)
    hidden = _run_probe(real_corpus, True, empty)
    fonts_hidden = hidden.pop("fonts")
    fonts_normal = normal.pop("fonts")
    assert isinstance(fonts_hidden, dict) and isinstance(fonts_normal, dict)
    assert all(not v for v in fonts_hidden.values()), fonts_hidden  # the folders really were empty
    assert hidden == normal
    assert "pdf-robustness/jo.pdf" in normal


def test_stream_counts_agree_with_pdfium_on_embedded_fonts(real_corpus: Path) -> None:
    """On PDFs whose fonts are embedded, no page takes the slow path: the
    counter and pdfium see the same characters (a false alarm would make
    every ingest slow)."""
    from revtool.extract.pdf import _analyze_range

    path = real_corpus / "meti-nda" / "nda_v1_0.pdf"
    if not path.exists():
        pytest.skip("meti-nda not available")
    import pypdfium2 as pdfium

    count = len(pdfium.PdfDocument(str(path)))
    layouts = _analyze_range(str(path), None, 0, count)
    assert count > 10 and not any(lay.slow for lay in layouts)


def test_a_flate_stream_is_inflated_like_pdfium() -> None:
    # sanity of the chunked inflater on a stream larger than one chunk
    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import LIT

    from revtool.extract.pdf_glyphs import StreamCaps, decode_stream

    body = b"BT /F1 10 Tf (abc) Tj ET\n" * 200_000
    stream = PDFStream({"Filter": LIT("FlateDecode")}, zlib.compress(body))
    caps = StreamCaps("x.pdf")
    assert decode_stream(stream, caps) == body
    assert caps.total == len(body)
