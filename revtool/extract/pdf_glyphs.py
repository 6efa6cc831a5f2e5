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
so that the result is the same with and without fonts.  A page whose fonts
are all embedded is not counted (``GlyphCounter.embedded_only``: pdfium
needs no font of the machine there; issue 15), only inflated under the caps.
"""

from __future__ import annotations

import re
import sys
import zlib
from array import array
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from pdfminer.cmapdb import CMap
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


_D = rb"\x00\t\n\x0c\r ()<>\[\]{}/%"  # whitespace and delimiters: what ends a name or an operator
_S = rb"[\x00\t\n\x0c\r ]"
_HEXBODY = rb"<([0-9A-Fa-f\x00\t\n\x0c\r ]*)>"
_PLAIN = rb"\(([^()\\]*)\)"  # a literal string without escapes or nested parentheses
_END = rb"(?![^" + _D + rb"])"
# The common shapes of text operations matched whole, so that the loop below
# runs once for them instead of once a token: ``[<04>-9<89>] TJ``,
# ``<88> Tj``, ``(abc) Tj``, ``/F2 10.5 Tf``. Each yields exactly what the
# token-by-token path yields for the same bytes (tests/oracle_pdf_tokens.py);
# anything else (escapes, nested arrays, comments, other operands in between)
# falls through to the single tokens.
_FAST = re.compile(
    rb"\[((?:" + _S + rb"|<[0-9A-Fa-f\x00\t\n\x0c\r ]*>|\([^()\\]*\)|[-+.0-9])*)\]" + _S + rb"*TJ" + _END
    + rb"|" + _HEXBODY + _S + rb"*Tj" + _END
    + rb"|" + _PLAIN + _S + rb"*Tj" + _END
    + rb"|/([^" + _D + rb"]*)" + _S + rb"+[-+.0-9]+" + _S + rb"*Tf" + _END
    + rb"|" + _TOKEN.pattern
)
_FILL = rb"[-+.0-9\x00\t\n\x0c\r ]"
# For the counter only: a run of numbers and operators it ignores (``1 0 0 1 72 700 Tm``,
# ``0 0 0 rg BT``), matched as one. Such operators only empty the operand
# stack; numbers never enter it. It starts only after a character that is not
# a number or a blank (no quadratic rescans of a long run of numbers).
_IGNORED_RUN = (
    rb"(?<![-+.0-9\x00\t\n\x0c\r ])(?:" + _FILL + rb"*"
    rb"(?!(?:Tj|TJ|Tf|Do|q|Q|ID|true|false|null|'|\")" + _END + rb")[A-Za-z'\"][^" + _D + rb"]*)+"
)
_FAST_COUNT = re.compile(_FAST.pattern.replace(b"|" + _TOKEN.pattern, b"|(" + _IGNORED_RUN + b")|" + _TOKEN.pattern))
_ARRAY_ITEMS = re.compile(_HEXBODY + rb"|" + _PLAIN)
_HEX_DIGITS = re.compile(rb"[^0-9A-Fa-f]")
_HEX_ITEMS = re.compile(rb"<([0-9A-Fa-f\x00\t\n\x0c\r ]*)>")


def _unhex(body: bytes) -> bytes:
    """The bytes of a hex string's body; blanks are ignored and an odd last
    digit is followed by 0."""
    if not len(body) % 2:
        try:
            return bytes.fromhex(body.decode("ascii"))  # digits in pairs (blanks between pairs only)
        except ValueError:
            pass
    digits = _HEX_DIGITS.sub(b"", body)
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))


def _array_items(body: bytes) -> list[bytes]:
    """The strings of a ``[...]`` whose items are hex or plain strings and numbers."""
    if b"(" not in body:  # hex strings only (and numbers): one regex pass, fromhex on each
        items = _HEX_ITEMS.findall(body)
        try:
            return [bytes.fromhex(h.decode("ascii")) if not len(h) % 2 else _unhex(h) for h in items]
        except ValueError:
            return [_unhex(h) for h in items]
    return [_unhex(x.group(1)) if x.group(1) is not None else x.group(2) for x in _ARRAY_ITEMS.finditer(body)]


def operations(data: bytes, counting: bool = False) -> Iterator[tuple[bytes, list[Any]]]:
    """(operator, operands) of a content stream, operands being the strings
    (``bytes``), names (``str``, no slash) and arrays (lists) before it;
    numbers are left out; inline image data is skipped. ``counting``: leave
    out operators other than ``Tj TJ ' " Tf Do q Q`` where that saves time
    (what the glyph counter needs)."""
    stack: list[Any] = []
    pos = 0
    search = (_FAST_COUNT if counting else _FAST).search
    while True:
        m = search(data, pos)
        if m is None:
            return
        pos = m.end()
        which = m.lastindex
        if which == 1:  # [ ... ] TJ
            stack.append(_array_items(m.group(1)))
            yield b"TJ", stack
            stack = []
            continue
        if which == 2:  # <hex> Tj
            stack.append(_unhex(m.group(2)))
            yield b"Tj", stack
            stack = []
            continue
        if which == 3:  # (plain) Tj
            stack.append(m.group(3))
            yield b"Tj", stack
            stack = []
            continue
        if which == 4:  # /Font size Tf
            stack.append(m.group(4).decode("latin-1"))
            yield b"Tf", stack
            stack = []
            continue
        if which == 5 and counting:  # operators the counter ignores
            stack = []
            continue
        tok = m.group()
        first = tok[0]
        if first == 0x28:  # (
            s, pos = _literal(data, pos)
            stack.append(s)
        elif first == 0x2F:  # /
            stack.append(tok[1:].decode("latin-1"))
        elif first == 0x3C or first == 0x3E:  # <hex>, << or >>
            if tok[:2] in (b"<<", b">>"):
                continue  # dictionaries (marked content, inline images): nothing we use
            stack.append(_unhex(tok[1:-1]))
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
    partial: bool = False  # counting stopped at the first glyph of a non-embedded CID font (the page goes to pdfminer)



_BLANKS = tuple(cp for cp in range(0x3001) if chr(cp).isspace())
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[([^\]]*)\]")


def _hexint(h: bytes) -> tuple[int, int]:
    """(value, number of bytes) of a hex string's digits."""
    digits = re.sub(rb"\s", b"", h)
    return (int(digits, 16) if digits else 0), (len(digits) + 1) // 2


def blank_codes(tounicode: bytes) -> set[int]:
    """The character codes a ToUnicode CMap maps to whitespace (all we need of
    it: read with two regexes, not pdfminer's CMap parser, ~100 ms a font)."""
    out: set[int] = set()
    for block in _BFCHAR.findall(tounicode):
        items = [m.group(1) for m in _HEX.finditer(block) if m.group(1) is not None]
        for src, dst in zip(items[::2], items[1::2]):
            text = bytes.fromhex(re.sub(rb"\s", b"", dst).decode("ascii") or "00").decode("utf-16-be", "replace")
            if text and text.isspace():
                out.add(_hexint(src)[0])
    for block in _BFRANGE.findall(tounicode):
        tokens = [m for m in _HEX.finditer(block)]
        for i in range(0, len(tokens) - 2, 3):
            lo, hi, dst = tokens[i].group(1), tokens[i + 1].group(1), tokens[i + 2]
            if lo is None or hi is None:
                break
            first, last = _hexint(lo)[0], _hexint(hi)[0]
            if dst.group(1) is not None:
                start, width = _hexint(dst.group(1))
                if width == 2:
                    out.update(first + (cp - start) for cp in _BLANKS if start <= cp <= start + last - first)
            else:  # an array of destinations
                for k, m in enumerate(_HEX.finditer(dst.group(2) or b"")):
                    text = bytes.fromhex(re.sub(rb"\s", b"", m.group(1) or b"").decode("ascii")).decode("utf-16-be", "replace")
                    if text and text.isspace():
                        out.add(first + k)
    return out


_SHOW, _SHOW_ARRAY, _FONT, _SAVE, _RESTORE, _FORM = range(6)
_KINDS = {b"Tj": _SHOW, b"'": _SHOW, b'"': _SHOW, b"TJ": _SHOW_ARRAY, b"Tf": _FONT, b"q": _SAVE, b"Q": _RESTORE,
          b"Do": _FORM}
_LITTLE = sys.byteorder == "little"


class _Font:
    """What the counter needs of a font: how many bytes a code takes (1 or 2)
    and which codes are blank."""

    def __init__(self, width: int, blanks: set[int], unembedded_cid: bool, name: str) -> None:
        self.width = width
        self.blanks = frozenset(blanks)
        self.unembedded_cid = unembedded_cid
        self.name = name

    def visible(self, s: bytes) -> int:
        """Codes of ``s`` that are not blank (a 2-byte font ignores an odd last byte)."""
        blanks = self.blanks
        if self.width == 2:
            n = len(s) // 2
            if not blanks or not n:
                return n
            codes = array("H", s[: 2 * n])
            if _LITTLE:
                codes.byteswap()  # big-endian codes
            return n - sum(map(blanks.__contains__, codes))
        return len(s) - sum(map(blanks.__contains__, s)) if blanks else len(s)

    def visible_all(self, strings: list[bytes]) -> int:
        """``visible`` summed over the strings of one operation."""
        if len(strings) == 1:
            return self.visible(strings[0])
        if self.width == 2 and any(len(x) % 2 for x in strings):
            return sum(self.visible(x) for x in strings)
        return self.visible(b"".join(strings))  # code boundaries stay where they were


class _PairDecoder:
    """pdfminer's ``CMap.decode`` for a CMap whose codes are all two bytes
    (``UniJIS-UCS2-H``: every first byte leads to a table of second bytes,
    every second byte to a CID), by table lookups on the byte pairs instead of
    pdfminer's walk a byte at a time: the same CIDs. pdfminer's walk drops a
    pair whose second byte is unknown, as the lookup does; a first byte that
    no code starts with shifts its walk by one byte, so a string holding one
    is left to pdfminer."""

    def __init__(self, root: dict[int, dict[int, int]], walk: Callable[[bytes], Iterable[int]]) -> None:
        self.flat = {(hi << 8) | lo: cid for hi, sub in root.items() for lo, cid in sub.items()}
        self.heads = bytes(sorted(root))  # the first bytes of codes
        self.complete = len(root) == 256
        self.walk = walk

    def __call__(self, s: bytes) -> Iterable[int]:
        if not self.complete and s[::2].translate(None, self.heads):
            return self.walk(s)  # a byte at a code's start that starts no code
        codes = array("H", s[: len(s) // 2 * 2])
        if _LITTLE:
            codes.byteswap()  # big-endian codes
        return [cid for cid in map(self.flat.get, codes) if cid is not None]


def fast_decoder(font: PDFFont) -> Callable[[bytes], Iterable[int]]:
    """``font.decode``, or the same function by byte pairs (``_PairDecoder``)
    when the font is a CID font whose CMap has two-byte codes only."""
    cmap = getattr(font, "cmap", None)
    if (type(font).decode is not PDFCIDFont.decode or not isinstance(cmap, CMap)
            or type(cmap).decode is not CMap.decode):
        return font.decode
    root = cmap.code2cid
    for sub in root.values():
        if not isinstance(sub, dict) or not all(isinstance(cid, int) for cid in sub.values()):
            return font.decode
    if not root:
        return font.decode
    return _PairDecoder(root, cmap.decode)  # type: ignore[arg-type]


class _MinerFont:
    """Any other font (a Type0 font with a variable-length CMap such as
    90ms-RKSJ-H): pdfminer decodes it."""

    def __init__(self, font: PDFFont, unembedded_cid: bool) -> None:
        self.font = font
        self.decode = fast_decoder(font)
        self.unembedded_cid = unembedded_cid
        self.name = str(getattr(font, "basefont", ""))
        self._visible: dict[int, int] = {}

    def visible(self, s: bytes) -> int:
        n = 0
        for cid in self.decode(s):
            v = self._visible.get(cid)
            if v is None:
                try:
                    text = self.font.to_unichr(cid)
                    v = sum(1 for ch in text if not ch.isspace()) if text else 1
                except Exception:  # no Unicode mapping: still a drawn glyph
                    v = 1
                self._visible[cid] = v
            n += v
        return n

    def visible_all(self, strings: list[bytes]) -> int:
        return sum(self.visible(x) for x in strings)


def _literal_name(value: Any) -> str:
    value = resolve1(value)
    return str(value.name) if isinstance(value, PSLiteral) else value if isinstance(value, str) else ""


def _has_font_file(descriptor: Any) -> bool:
    desc = resolve1(descriptor)
    return isinstance(desc, dict) and any(k in desc for k in ("FontFile", "FontFile2", "FontFile3"))


def _is_embedded(spec: Any) -> bool:
    """A font whose glyphs the PDF carries: a Type0 font whose descendant, or a
    Type1, MMType1 or TrueType font whose descriptor, has a font file."""
    if not isinstance(spec, dict):
        return False
    subtype = _literal_name(spec.get("Subtype"))
    if subtype == "Type0":
        descendants = resolve1(spec.get("DescendantFonts"))
        child = resolve1(descendants[0]) if isinstance(descendants, list) and descendants else None
        return isinstance(child, dict) and _has_font_file(child.get("FontDescriptor"))
    return subtype in ("Type1", "MMType1", "TrueType") and _has_font_file(spec.get("FontDescriptor"))


@dataclass(frozen=True)
class _PendingFont:
    """A font read (its ToUnicode inflated under the caps) whose blank codes
    are not worked out yet: ``make`` gives the ``_Font``."""

    make: Callable[[], _Font]


class GlyphCounter:
    """Counts the glyphs of each page of one pdfminer document."""

    def __init__(self, caps: StreamCaps) -> None:
        self.caps = caps
        self.rsrc = PDFResourceManager(caching=True)
        self._fonts: dict[int, _Font | _MinerFont | _PendingFont | None] = {}
        self._embedded: dict[int, bool] = {}  # font -> embedded (``_is_embedded``)

    def count(self, resources: Any, contents: list[Any]) -> PageGlyphs | None:
        """What the page draws; ``None`` when it need not be counted: every
        font it can draw with is embedded (``embedded_only``). Its content
        streams are inflated under the caps either way."""
        data = b"\n".join(self._decoded(resolve1(c)) for c in contents)
        res = resolve1(resources) or {}
        if self.embedded_only(res):
            return None
        out = PageGlyphs()
        fonts = self._formless_fonts(res)
        if fonts is not None:  # no form to look into: stop at the first glyph of a non-embedded CID font
            for name in fonts:
                self._font(fonts, name, complete=False)  # every font read (and its ToUnicode inflated under the caps) first
            out.partial = self._run(data, res, out, 0, set(), stop=True)
        else:
            self._run(data, res, out, 0, set())
        return out

    @staticmethod
    def _formless_fonts(res: Any) -> dict[str, Any] | None:
        """The font dictionary of a page with no XObject but images; ``None``
        when it has another XObject (a form, whose fonts are its own) or
        malformed resources."""
        res = res if isinstance(res, dict) else {}
        fonts = resolve1(res.get("Font")) or {}
        xobjects = resolve1(res.get("XObject")) or {}
        if not isinstance(fonts, dict) or not isinstance(xobjects, dict):
            return None
        for ref in xobjects.values():
            x = resolve1(ref)
            if not isinstance(x, PDFStream) or _literal_name(x.get("Subtype")) != "Image":
                return None
        return fonts

    def embedded_only(self, resources: Any) -> bool:
        """Whether pdfium's text of a page with these resources cannot depend on
        the machine's fonts: it has fonts, every one of them embedded (a
        Type0 font's descendant, a Type1 or TrueType font: a font file in its
        descriptor; a Type3 font or any other counts as not embedded), and no
        form XObject (whose own fonts are not looked at). pdfium drops glyphs
        only of fonts it must find on the machine, so the count is not needed.
        The fonts are read as the counter would read them (their ToUnicode
        streams inflated under the caps)."""
        fonts = self._formless_fonts(resources)
        if not fonts:
            return False
        for name, ref in fonts.items():
            key = ref.objid if isinstance(ref, PDFObjRef) else id(ref)
            embedded = self._embedded.get(key)
            if embedded is None:
                embedded = self._embedded[key] = _is_embedded(resolve1(ref))
            if not embedded:
                return False
            self._font(fonts, name, complete=False)
        return True

    def _decoded(self, stream: Any) -> bytes:
        return decode_stream(stream, self.caps) if isinstance(stream, PDFStream) else b""

    def _font(self, fonts: dict[str, Any], name: Any, complete: bool = True) -> _Font | _MinerFont | None:
        """The counter's font for the name ``name`` of ``fonts``, read once per
        document (its ToUnicode inflated under the caps then).  ``complete=False``:
        only read it — the blank codes of its ToUnicode (or of its character
        collection) are worked out when a page is counted with it, not for a
        page drawn in embedded fonts only, which is not counted (~0.7 ms a
        font); a font whose blanks cannot be worked out is ``None``, as when
        they were worked out at once."""
        spec_ref = fonts.get(name) if isinstance(name, str) else None
        if spec_ref is None:
            return None
        key = spec_ref.objid if isinstance(spec_ref, PDFObjRef) else id(spec_ref)
        if key not in self._fonts:
            spec = resolve1(spec_ref)
            try:
                self._fonts[key] = self._make_font(spec_ref, spec) if isinstance(spec, dict) else None
            except StreamBombError:
                raise
            except Exception:  # a broken font: its glyphs count one per byte
                self._fonts[key] = None
        font = self._fonts[key]
        if isinstance(font, _PendingFont):
            if not complete:
                return None
            try:
                font = self._fonts[key] = font.make()
            except StreamBombError:
                raise
            except Exception:  # broken blanks: as a broken font
                font = self._fonts[key] = None
        return font

    def _make_font(self, ref: Any, spec: dict[str, Any]) -> _Font | _MinerFont | _PendingFont:
        subtype = _literal_name(spec.get("Subtype"))
        name = _literal_name(spec.get("BaseFont"))
        tounicode = resolve1(spec.get("ToUnicode"))
        data = self._decoded(tounicode) if isinstance(tounicode, PDFStream) else None
        if subtype != "Type0":
            return _PendingFont(lambda: _Font(1, blank_codes(data) if data is not None else {0x20}, False, name))
        descendants = resolve1(spec.get("DescendantFonts"))
        child = resolve1(descendants[0]) if isinstance(descendants, list) and descendants else {}
        child = child if isinstance(child, dict) else {}
        unembedded = not _has_font_file(child.get("FontDescriptor"))
        encoding = _literal_name(spec.get("Encoding"))
        if encoding in ("Identity-H", "Identity-V"):
            if data is not None:
                return _PendingFont(lambda: _Font(2, blank_codes(data), unembedded, name))
            info = resolve1(child.get("CIDSystemInfo"))
            ordering = _literal_name(info.get("Ordering")) if isinstance(info, dict) else ""
            vertical = encoding.endswith("V")
            return _PendingFont(lambda: _Font(2, self._cid_blanks(ordering, vertical), unembedded, name))
        if data is not None:
            blank_codes(data)  # unused here, but a ToUnicode it cannot read makes the font a broken one
        font = self.rsrc.get_font(ref.objid if isinstance(ref, PDFObjRef) else None, spec)
        return _MinerFont(font, unembedded)

    @staticmethod
    def _cid_blanks(ordering: str, vertical: bool) -> set[int]:
        """Blank CIDs of an Adobe character collection (pdfminer's tables)."""
        from pdfminer.cmapdb import CMapDB

        try:
            umap = CMapDB.get_unicode_map(f"Adobe-{ordering}", vertical)
        except Exception:  # an unknown collection: nothing known to be blank
            return set()
        return {cid for cid, text in umap.cid2unichr.items() if text and text.isspace()}

    def _run(self, data: bytes, resources: Any, out: PageGlyphs, depth: int, seen: set[int], stop: bool = False) -> bool:
        """Count what ``data`` draws into ``out``; ``stop``: return at the first
        glyph drawn in a non-embedded CID font (True when it did)."""
        res = resources if isinstance(resources, dict) else {}
        fonts = resolve1(res.get("Font")) or {}
        xobjects = resolve1(res.get("XObject")) or {}
        fonts = fonts if isinstance(fonts, dict) else {}
        xobjects = xobjects if isinstance(xobjects, dict) else {}
        font: _Font | _MinerFont | None = None
        saved: list[_Font | _MinerFont | None] = []  # the font is graphics state: q saves it, Q restores it
        by_name: dict[str, _Font | _MinerFont | None] = {}
        kinds = _KINDS
        for op, args in operations(data, counting=True):
            kind = kinds.get(op)
            if kind is None:
                continue
            if kind == _SHOW:
                strings = [args[-1]] if args and isinstance(args[-1], bytes) else []
            elif kind == _SHOW_ARRAY:
                strings = [a for a in args[-1] if isinstance(a, bytes)] if args and isinstance(args[-1], list) else []
            elif kind == _FONT:
                names = [a for a in args if isinstance(a, str)]
                if not names:
                    font = None
                    continue
                name = names[-1]
                if name not in by_name:
                    by_name[name] = self._font(fonts, name)
                font = by_name[name]
                continue
            elif kind == _SAVE:
                saved.append(font)
                continue
            elif kind == _RESTORE:
                font = saved.pop() if saved else font
                continue
            else:  # Do
                if args and isinstance(args[-1], str):
                    self._form(xobjects.get(args[-1]), res, out, depth, seen)
                continue
            if not strings:
                continue
            if font is not None:
                n = font.visible_all(strings)
            else:
                n = sum(len(x.translate(None, _WS)) for x in strings)
            if n:
                out.visible += n
                if font is not None and font.unembedded_cid:
                    out.unembedded_cid = True
                    out.fonts.add(font.name)
                    if stop:
                        return True
        return False

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


def count_pages(path: str, password: str | None, start: int, stop: int, caps: StreamCaps) -> list[PageGlyphs | None]:
    """``PageGlyphs`` of pages ``start`` to ``stop - 1`` (0-based); ``None`` for
    a page drawn in embedded fonts only (``GlyphCounter.count``)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    out: list[PageGlyphs | None] = []
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
