"""A small PDF whose content streams inflate to a gigabyte is refused with one
Japanese line before pdfium or pdfminer inflate it (issue 16 item 4)."""

from __future__ import annotations

import json
import resource
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from revtool.extract import pdf_glyphs
from revtool.extract.pdf import extract_pdf
from revtool.extract.pdf_glyphs import StreamBombError

MB = 1 << 20


def deflated_spaces(size: int) -> bytes:
    """A zlib stream of ``size`` spaces (a multiple of 1 MB), built from one
    compressed megabyte repeated: after a full flush a deflate block does not
    refer back, so the same bytes can follow themselves. About 1 KB per MB."""
    z = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: header and checksum by hand
    chunk = b" " * MB
    block = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    adler = 1
    for _ in range(size // MB):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + block * (size // MB) + z.flush() + struct.pack(">I", adler)


def bomb_pdf(path: Path, stream_sizes: list[int]) -> Path:
    """One page per stream size, each page's content that many spaces."""
    n = len(stream_sizes)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (3 + 2 * k) for k in range(n)), n)]
    for k, size in enumerate(stream_sizes):
        data = deflated_spaces(size)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources << >> >>" % (4 + 2 * k))
        objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_deflated_spaces_really_inflate_to_their_size() -> None:
    data = zlib.decompressobj().decompress(deflated_spaces(8 * MB))
    assert data == b" " * (8 * MB)


def test_one_gigabyte_stream_is_refused(tmp_path: Path) -> None:
    pdf = bomb_pdf(tmp_path / "bomb.pdf", [1024 * MB])
    assert pdf.stat().st_size < 2 * MB
    with pytest.raises(StreamBombError) as err:
        extract_pdf(pdf)
    assert err.value.message.startswith("bomb.pdf: ") and "上限" in err.value.message
    assert "\n" not in err.value.message


def test_many_streams_under_the_stream_cap_are_refused_by_the_document_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_glyphs, "MAX_STREAM", 8 * MB)
    monkeypatch.setattr(pdf_glyphs, "MAX_DOCUMENT", 20 * MB)
    with pytest.raises(StreamBombError):
        extract_pdf(bomb_pdf(tmp_path / "many.pdf", [6 * MB] * 4), workers=1)
    # under both caps: read (pages of spaces only: an empty document)
    doc = extract_pdf(bomb_pdf(tmp_path / "ok.pdf", [6 * MB] * 3), workers=1)
    assert not doc.sections


def test_cli_refuses_with_one_line_and_low_memory(tmp_path: Path) -> None:
    pdf = bomb_pdf(tmp_path / "bomb.pdf", [1024 * MB])
    exe = Path(sys.executable).with_name("revtool")
    subprocess.run([str(exe), "init", str(tmp_path / "ws")], check=True, capture_output=True)
    # measured in a fresh parent: RUSAGE_CHILDREN of this test process also counts
    # every revtool subprocess earlier tests ran (a diff loading the dictionary)
    probe = (
        "import json, resource, subprocess, sys\n"
        "d = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(json.dumps([d.returncode, d.stdout, d.stderr, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n"
    )
    measured = subprocess.run(
        [sys.executable, "-c", probe, str(exe), "-C", str(tmp_path / "ws"), "ingest", str(pdf), "--version", "素案"],
        capture_output=True, text=True, check=True,
    )
    returncode, stdout, stderr, peak_kb = json.loads(measured.stdout)
    assert returncode == 1
    lines = [ln for ln in (stdout + stderr).splitlines() if ln.strip()]
    assert len(lines) == 1 and "bomb.pdf" in lines[0] and "Traceback" not in stderr
    # the stream is never inflated whole (1 GiB); the cap bounds what is held
    assert peak_kb < 400 * 1024
