"""What a page's content stream draws, independent of the machine's fonts.

pdfium needs a font to lay out glyphs of a font the PDF does not embed; with no
Japanese font installed it silently drops whole text objects of a
non-embedded CID font (``jo.pdf``: 267 of 898 characters).  This module reads
the content streams itself (pdfminer's object layer and CMaps, our own
tokenizer: about a tenth of pdfminer's interpreter time) and tells, per page:

* ``visible``: how many non-blank characters the text-showing operators
  (``Tj``, ``TJ``, ``'``, ``"``, also inside form XObjects) draw, an unmapped
  glyph counting as one;
* ``unembedded_cid``: whether any of them is drawn in a CID font the PDF does
  not embed — the case where pdfium's result depends on installed fonts;
* ``decoded``: the bytes of content decompressed, which ``StreamCaps`` keeps
  under a cap per stream and per document (a stream bomb is refused before
  pdfium or pdfminer inflate it).

``extract.pdf`` compares ``visible`` with what pdfium returned and reads a
page through pdfminer when they disagree or when ``unembedded_cid`` is set,
so that the result is the same with and without fonts.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from typing import Any, Iterator

from pdfminer.pdffont import PDFCIDFont, PDFFont
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
from pdfminer.psparser import PSLiteral

from revtool.errors import InputFileError

MB = 1024 * 1024
MAX_STREAM = 64 * MB
"""Cap on one decompressed content stream (a real page's is under 1 MB)."""
MAX_DOCUMENT = 512 * MB
"""Cap on all decompressed content of a document."""
_CHUNK = 1 * MB
_MAX_FORM_DEPTH = 12


class StreamBombError(InputFileError):
    """A content stream that decompresses past the caps."""


@dataclass
class StreamCaps:
    """Running total of decompressed bytes, checked against the caps."""

    name: str
    per_stream: int = 0  # 0: MAX_STREAM, read when the caps are made
    per_document: int = 0  # 0: MAX_DOCUMENT
    total: int = 0

    def __post_init__(self) -> None:
        self.per_stream = self.per_stream or MAX_STREAM
        self.per_document = self.per_document or MAX_DOCUMENT

    def refuse(self) -> StreamBombError:
        return StreamBombError(
            f"{self.name}: 展開すると大きくなりすぎるデータ（1 つのストリームで {self.per_stream // MB} MB、"
            f"文書全体で {self.per_document // MB} MB が上限）を含む PDF のため読み込みを中止しました。"
        )

    def add(self, n: int) -> None:
        self.total += n
        if self.total > self.per_document:
            raise self.refuse()


def _filters(stream: PDFStream) -> list[str]:
    out: list[str] = []
    for f in stream.get_filters():
        name = f[0] if isinstance(f, tuple) else f
        out.append(str(name.name) if isinstance(name, PSLiteral) else str(name))
    return out


def decode_stream(stream: PDFStream, caps: StreamCaps) -> bytes:
    """The decoded data of ``stream``, inflating Flate in chunks so that a bomb
    is stopped at the cap without ever holding more than the cap."""
    filters = _filters(stream)
    params = stream.get_any(("DP", "DecodeParms", "FDecodeParms"), None)
    if stream.data is None and filters in (["FlateDecode"], ["Fl"]) and not resolve1(params):
        inflater = zlib.decompressobj()
        parts: list[bytes] = []
        size = 0
        data = stream.rawdata or b""
        if stream.decipher and stream.objid is not None and stream.genno is not None:
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        try:
            for start in range(0, len(data), _CHUNK):
                chunk = data[start : start + _CHUNK]
                while chunk and not inflater.eof:
                    piece = inflater.decompress(chunk, _CHUNK)
                    size += len(piece)
                    if size > caps.per_stream:
                        raise caps.refuse()
                    caps.add(len(piece))
                    parts.append(piece)
                    chunk = inflater.unconsumed_tail
                if inflater.eof:
                    break
        except zlib.error:
            pass  # a damaged stream: keep what inflated, as pdfium does
        return b"".join(parts)
    # other filters are rare in content streams: decode, then check
    data = stream.get_data()
    if len(data) > caps.per_stream:
        raise caps.refuse()
    caps.add(len(data))
    return data


# ---------------------------------------------------------------- tokenizer

_WS = b"\x00\t\n\x0c\r "
# Only what the counter needs: strings, names, brackets and operators; numbers
# and blanks are skipped by the regex engine itself (search, not match).
_TOKEN = re.compile(
    rb"%[^\r\n]*|<<|>>|<[0-9A-Fa-f\x00\t\n\x0c\r ]*>|[\[\]]|\(|/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*"
    rb"|[A-Za-z'\"][^\x00\t\n\x0c\r ()<>\[\]{}/%]*"
)
_INLINE_END = re.compile(rb"[\x00\t\n\x0c\r ]EI(?=[\x00\t\n\x0c\r ]|$)")
_ESCAPES = {ord("n"): b"\n", ord("r"): b"\r", ord("t"): b"\t", ord("b"): b"\b", ord("f"): b"\f"}


def _literal(data: bytes, pos: int) -> tuple[bytes, int]:
    """A literal string starting after its ``(``: its bytes and the position after ``)``."""
    out = bytearray()
    depth = 1
    n = len(data)
    while pos < n:
        c = data[pos]
        if c == 0x5C:  # backslash
            pos += 1
            if pos >= n:
                break
            e = data[pos]
            if e in _ESCAPES:
                out += _ESCAPES[e]
                pos += 1
            elif 0x30 <= e <= 0x37:
                j = pos
                while j < n and j < pos + 3 and 0x30 <= data[j] <= 0x37:
                    j += 1
                out.append(int(data[pos:j], 8) & 0xFF)
                pos = j
            elif e == 0x0D:
                pos += 2 if pos + 1 < n and data[pos + 1] == 0x0A else 1
            elif e == 0x0A:
                pos += 1
            else:
                out.append(e)
                pos += 1
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), pos + 1
        out.append(c)
        pos += 1
    return bytes(out), pos


class _Mark:
    """Start of an array or dictionary on the operand stack."""


_ARRAY, _DICT = _Mark(), _Mark()


def operations(data: bytes) -> Iterator[tuple[bytes, list[Any]]]:
    """(operator, operands) of a content stream, operands being the strings
    (``bytes``), names (``str``, no slash) and arrays (lists) before it;
    numbers are left out; inline image data is skipped."""
    stack: list[Any] = []
    pos = 0
    search = _TOKEN.search
    while True:
        m = search(data, pos)
        if m is None:
            return
        tok = m.group()
        pos = m.end()
        first = tok[0]
        if first == 0x28:  # (
            s, pos = _literal(data, pos)
            stack.append(s)
        elif first == 0x2F:  # /
            stack.append(tok[1:].decode("latin-1"))
        elif first == 0x3C or first == 0x3E:  # <hex>, << or >>
            if tok[:2] in (b"<<", b">>"):
                continue  # dictionaries (marked content, inline images): nothing we use
            digits = re.sub(rb"[^0-9A-Fa-f]", b"", tok[1:-1])
            stack.append(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii")))
        elif first == 0x5B:  # [
            stack.append(_ARRAY)
        elif first == 0x5D:  # ]
            items: list[Any] = []
            while stack:
                v = stack.pop()
                if v is _ARRAY:
                    break
                items.append(v)
            items.reverse()
            stack.append(items)
        elif first == 0x25:  # a comment
            continue
        elif tok == b"ID":  # inline image data up to EI
            end = _INLINE_END.search(data, pos)
            if end is None:
                return
            pos = end.end()
            stack = []
        elif tok in (b"true", b"false", b"null"):
            continue
        else:
            yield tok, stack
            stack = []


# ---------------------------------------------------------------- counting


@dataclass
class PageGlyphs:
    """What one page's content streams draw."""

    visible: int = 0
    unembedded_cid: bool = False
    fonts: set[str] = field(default_factory=set)


def _embedded(font: PDFFont) -> bool:
    desc = font.descriptor if isinstance(font.descriptor, dict) else {}
    return any(k in desc for k in ("FontFile", "FontFile2", "FontFile3"))


class GlyphCounter:
    """Counts the glyphs of each page of one pdfminer document."""

    def __init__(self, caps: StreamCaps) -> None:
        self.caps = caps
        self.rsrc = PDFResourceManager(caching=True)
        self._fonts: dict[int, PDFFont | None] = {}
        self._visible: dict[tuple[int, int], int] = {}  # (font id, cid) -> visible chars

    def count(self, resources: Any, contents: list[Any]) -> PageGlyphs:
        out = PageGlyphs()
        data = b"\n".join(self._decoded(resolve1(c)) for c in contents)
        self._run(data, resolve1(resources) or {}, out, 0, set())
        return out

    def _decoded(self, stream: Any) -> bytes:
        return decode_stream(stream, self.caps) if isinstance(stream, PDFStream) else b""

    def _font(self, fonts: dict[str, Any], name: Any) -> PDFFont | None:
        spec_ref = fonts.get(name) if isinstance(name, str) else None
        if spec_ref is None:
            return None
        key = spec_ref.objid if isinstance(spec_ref, PDFObjRef) else id(spec_ref)
        if key not in self._fonts:
            spec = resolve1(spec_ref)
            font: PDFFont | None = None
            if isinstance(spec, dict):
                try:
                    font = self.rsrc.get_font(spec_ref.objid if isinstance(spec_ref, PDFObjRef) else None, spec)
                except Exception:  # a broken font: its glyphs count one per byte
                    font = None
            self._fonts[key] = font
        return self._fonts[key]

    def _glyphs(self, font: PDFFont | None, s: bytes) -> int:
        if font is None:
            return sum(1 for b in s if b not in _WS)
        visible = 0
        fid = id(font)
        cache = self._visible
        for cid in font.decode(s):
            k = (fid, cid)
            v = cache.get(k)
            if v is None:
                try:
                    text = font.to_unichr(cid)
                    v = sum(1 for ch in text if not ch.isspace()) if text else 1
                except Exception:  # no Unicode mapping: still a drawn glyph
                    v = 1
                cache[k] = v
            visible += v
        return visible

    def _run(self, data: bytes, resources: Any, out: PageGlyphs, depth: int, seen: set[int]) -> None:
        res = resources if isinstance(resources, dict) else {}
        fonts = resolve1(res.get("Font")) or {}
        xobjects = resolve1(res.get("XObject")) or {}
        fonts = fonts if isinstance(fonts, dict) else {}
        xobjects = xobjects if isinstance(xobjects, dict) else {}
        font: PDFFont | None = None
        saved: list[PDFFont | None] = []  # the font is graphics state: q saves it, Q restores it
        for op, args in operations(data):
            if op == b"q":
                saved.append(font)
                continue
            if op == b"Q":
                font = saved.pop() if saved else font
                continue
            if op == b"Tf":
                names = [a for a in args if isinstance(a, str)]
                font = self._font(fonts, names[-1]) if names else None
                continue
            if op in (b"Tj", b"'", b'"'):
                strings = [args[-1]] if args and isinstance(args[-1], bytes) else []
            elif op == b"TJ":
                strings = [a for a in args[-1] if isinstance(a, bytes)] if args and isinstance(args[-1], list) else []
            elif op == b"Do" and args and isinstance(args[-1], str):
                self._form(xobjects.get(args[-1]), res, out, depth, seen)
                continue
            else:
                continue
            n = sum(self._glyphs(font, s) for s in strings)
            if n:
                out.visible += n
                if isinstance(font, PDFCIDFont) and not _embedded(font):
                    out.unembedded_cid = True
                    out.fonts.add(str(getattr(font, "basefont", "")))

    def _form(self, ref: Any, parent: Any, out: PageGlyphs, depth: int, seen: set[int]) -> None:
        stream = resolve1(ref)
        if not isinstance(stream, PDFStream) or depth >= _MAX_FORM_DEPTH:
            return
        subtype = stream.get("Subtype")
        if not (isinstance(subtype, PSLiteral) and subtype.name == "Form"):
            return
        key = ref.objid if isinstance(ref, PDFObjRef) else id(stream)
        if key in seen:
            return
        res = resolve1(stream.get("Resources")) or parent
        self._run(self._decoded(stream), res, out, depth + 1, seen | {key})


def count_pages(path: str, password: str | None, start: int, stop: int, caps: StreamCaps) -> list[PageGlyphs]:
    """``PageGlyphs`` of pages ``start`` to ``stop - 1`` (0-based)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    out: list[PageGlyphs] = []
    with open(path, "rb") as fh:
        doc = PDFDocument(PDFParser(fh), password=password or "")
        counter = GlyphCounter(caps)
        for i, page in enumerate(PDFPage.create_pages(doc)):
            if i >= stop:
                break
            if i >= start:
                contents = page.contents if isinstance(page.contents, list) else [page.contents]
                out.append(counter.count(page.resources, contents))
    return out
