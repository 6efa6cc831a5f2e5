"""Our own run walker: the text of one ``w:p`` as Word displays it.

python-docx's ``paragraph.text`` garbles or drops text (docs/ARCHITECTURE.md §7), so we walk
the XML ourselves:

* tracked changes: the accepted view by default (``w:ins``/``w:moveTo`` in,
  ``w:del``/``w:moveFrom`` out); ``original=True`` gives the text before them;
* ruby: the base text only; smart tags, custom XML, hyperlinks, content
  controls (``w:sdt``): their content;
* simple fields (``w:fldSimple``) and complex fields (``w:fldChar``): the
  displayed result, never the instruction; the field state spans paragraphs
  (a TOC field does), so the caller keeps one ``FieldState`` per story;
* text boxes (``w:txbxContent``) are returned separately, once: ``mc:Fallback``
  is skipped;
* tabs as ``\\t``, breaks as ``\\n``, hidden text (``w:vanish``) dropped;
* footnote, endnote and comment references are returned by id.
"""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from revtool.extract.docx_numbering import W_NS, display_symbol, w, wval
from revtool.extract.docx_styles import on

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"

_CONTAINERS = frozenset(
    w(tag) for tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir", "sdtContent")
)
_ACCEPTED_ONLY = frozenset((w("ins"), w("moveTo")))

CharStyles = Callable[[str], tuple[bool | None, int | None]]
"""(bold, size) of a character style id, ``None`` where it says nothing."""
_ORIGINAL_ONLY = frozenset((w("del"), w("moveFrom")))


@dataclass
class FieldState:
    """Open complex fields: for each, whether we are past its ``separate``
    (in the displayed result) or still in its instruction."""

    stack: list[bool] = field(default_factory=list)

    @property
    def visible(self) -> bool:
        return all(self.stack)


@dataclass
class ParagraphContent:
    text: str = ""
    text_boxes: list[etree._Element] = field(default_factory=list)
    footnote_ids: list[str] = field(default_factory=list)
    endnote_ids: list[str] = field(default_factory=list)
    custom_mark_ids: set[str] = field(default_factory=set)  # "footnote:7": notes whose mark is typed after the reference
    comment_ids: list[str] = field(default_factory=list)
    hidden_runs: int = 0  # runs with text hidden by w:vanish (never plan text)
    bold_chars: int = 0
    visible_chars: int = 0
    max_size: int | None = None


class _Walker:
    def __init__(
        self, *, original: bool, fields: FieldState, bold: bool, size: int | None, char_styles: CharStyles | None
    ) -> None:
        self.original = original
        self.char_styles = char_styles
        self.fields = fields
        self.base_bold = bold
        self.base_size = size
        self.parts: list[str] = []
        self.out = ParagraphContent()

    def emit(self, text: str, bold: bool, size: int | None) -> None:
        if not text or not self.fields.visible:
            return
        self.parts.append(text)
        counted = sum(1 for ch in text if not ch.isspace())
        self.out.visible_chars += counted
        if bold:
            self.out.bold_chars += counted
        if counted and size is not None:
            self.out.max_size = max(self.out.max_size or 0, size)

    def children(self, element: etree._Element) -> None:
        for child in element:
            self.node(child)

    def node(self, element: etree._Element) -> None:
        tag = element.tag
        if not isinstance(tag, str):
            return  # comments, processing instructions
        if tag == w("r"):
            self.run(element)
        elif tag in _CONTAINERS:
            self.children(element)
        elif tag in _ACCEPTED_ONLY:
            if not self.original:
                self.children(element)
        elif tag in _ORIGINAL_ONLY:
            if self.original:
                self.children(element)
        elif tag == w("sdt"):
            content = element.find(w("sdtContent"))
            if content is not None:
                self.children(content)
        elif tag == w("ruby"):
            base = element.find(w("rubyBase"))
            if base is not None:
                self.children(base)
        elif tag == f"{{{MC_NS}}}AlternateContent":
            self.alternate(element, self.children)
        elif tag in (f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara"):
            self.emit("".join(t.text or "" for t in element.iter(f"{{{M_NS}}}t")), self.base_bold, self.base_size)

    def alternate(self, element: etree._Element, handle: Callable[[etree._Element], None]) -> None:
        """mc:AlternateContent: the first mc:Choice, never mc:Fallback (the same
        content again); the fallback only when there is no choice."""
        choice = element.find(f"{{{MC_NS}}}Choice")
        if choice is None:
            choice = element.find(f"{{{MC_NS}}}Fallback")
        if choice is not None:
            handle(choice)

    def run(self, run: etree._Element) -> None:
        rpr = run.find(w("rPr"))
        bold = self.base_bold
        size = self.base_size
        if rpr is not None:
            if on(rpr.find(w("vanish"))) or on(rpr.find(w("specVanish"))):
                if any((t.text or "").strip() for t in run.iter(w("t"))):
                    self.out.hidden_runs += 1
                return
            char_style = wval(rpr.find(w("rStyle")))
            if char_style and self.char_styles is not None:
                style_bold, style_size = self.char_styles(char_style)
                bold = style_bold if style_bold is not None else bold
                size = style_size if style_size is not None else size
            run_bold = on(rpr.find(w("b")))
            if run_bold is not None:
                bold = run_bold
            run_size = wval(rpr.find(w("sz")))
            if run_size and run_size.isdigit():
                size = int(run_size)
        for child in run:
            self.run_child(child, bold, size)

    def run_child(self, child: etree._Element, bold: bool, size: int | None) -> None:
        tag = child.tag
        if tag in (w("t"), w("delText")):
            self.emit(_SYMBOL_CHARS.sub(lambda m: display_symbol(m.group()), child.text or ""), bold, size)
        elif tag in (w("tab"), w("ptab")):
            self.emit("\t", bold, size)
        elif tag == w("br"):
            if wval(child, "type") in (None, "textWrapping"):
                self.emit("\n", bold, size)
        elif tag == w("cr"):
            self.emit("\n", bold, size)
        elif tag == w("noBreakHyphen"):
            self.emit("-", bold, size)
        elif tag == w("sym"):
            code = child.get(w("char"), "")
            try:
                self.emit(display_symbol(chr(int(code, 16))), bold, size)
            except ValueError:
                pass
        elif tag == w("fldChar"):
            kind = child.get(w("fldCharType"))
            if kind == "begin":
                self.fields.stack.append(False)
            elif kind == "separate" and self.fields.stack:
                self.fields.stack[-1] = True
            elif kind == "end" and self.fields.stack:
                self.fields.stack.pop()
        elif tag in (w("footnoteReference"), w("endnoteReference")):
            note_id = child.get(w("id"), "")
            (self.out.footnote_ids if tag == w("footnoteReference") else self.out.endnote_ids).append(note_id)
            if child.get(w("customMarkFollows")) in ("1", "true", "on"):
                self.out.custom_mark_ids.add(f"{'footnote' if tag == w('footnoteReference') else 'endnote'}:{note_id}")
        elif tag == w("commentReference"):
            self.out.comment_ids.append(child.get(w("id"), ""))
        elif tag in (w("drawing"), w("pict"), w("object")):
            self.out.text_boxes.extend(text_boxes(child))
        elif tag == f"{{{MC_NS}}}AlternateContent":
            self.alternate(child, lambda choice: self.out.text_boxes.extend(text_boxes(choice)))
        elif tag == w("ruby"):
            base = child.find(w("rubyBase"))
            if base is not None:
                self.children(base)


_SYMBOL_CHARS = re.compile("[\uf021-\uf0ff]")
"""A Symbol/Wingdings glyph typed as text (a TOC entry copies a heading's
Wingdings ■ as \uf06e): read as the bullet it draws, as the PDF reader does."""


def text_boxes(element: etree._Element) -> list[etree._Element]:
    """The outermost ``w:txbxContent`` under ``element``, skipping anything
    under ``mc:Fallback`` (Word stores each text box twice)."""
    found: list[etree._Element] = []

    def visit(node: etree._Element) -> None:
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == f"{{{MC_NS}}}Fallback":
                continue
            if child.tag == f"{{{MC_NS}}}AlternateContent":
                choice = child.find(f"{{{MC_NS}}}Choice")
                visit(choice if choice is not None else child)
                continue
            if child.tag == w("txbxContent"):
                found.append(child)
                continue
            visit(child)

    if element.tag == w("txbxContent"):
        return [element]
    visit(element)
    return found


def read_paragraph(
    paragraph: etree._Element,
    *,
    original: bool = False,
    fields: FieldState | None = None,
    bold: bool = False,
    size: int | None = None,
    char_styles: CharStyles | None = None,
) -> ParagraphContent:
    """The displayed text of ``paragraph`` (a ``w:p``) and what hangs off it.

    ``bold`` and ``size`` are the paragraph style's, used where a run does not
    say; ``char_styles`` gives what a run's character style (``w:rStyle``)
    says.  They feed the emphasis counters used to guess untagged headings."""
    walker = _Walker(
        original=original,
        fields=fields if fields is not None else FieldState(),
        bold=bold,
        size=size,
        char_styles=char_styles,
    )
    walker.children(paragraph)
    walker.out.text = "".join(walker.parts)
    return walker.out


def paragraph_mark_removed(ppr: etree._Element | None, *, original: bool) -> bool:
    """Whether the paragraph mark does not exist in this view, so the paragraph
    runs on into the next one (a deleted mark when accepted, an inserted mark
    in the original)."""
    if ppr is None:
        return False
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        return False
    return rpr.find(w("ins" if original else "del")) is not None


__all__ = [
    "W_NS",
    "FieldState",
    "ParagraphContent",
    "paragraph_mark_removed",
    "read_paragraph",
    "text_boxes",
]
