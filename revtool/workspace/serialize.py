"""Document <-> the files of a workspace's ``sections/`` folder. Pure: bytes in, bytes out.

Layout (paths relative to ``sections/``)::

    manifest.json                      the source of truth for structure
    front.md                           front matter blocks (only when there are any)
    01_第1章_計画の策定にあたって/index.md
    01_第1章_計画の策定にあたって/01_1_計画策定の趣旨/index.md
    ...

Every section is a folder named ``<position>_<sanitized heading>`` holding its own
``index.md``; children are subfolders. The position prefix makes names unique and
never a reserved device name (``CON``, ``aux``); the real heading lives in the
manifest. A later version keeps the folder name of the section it continues
(``previous``: the manifest of the version before): the same heading among the
siblings of the continued parent, else the same title (renumbered), else the
same number (retitled); a heading found once in each version anywhere else
(moved). So a renamed or renumbered section keeps its path on disk and
``git log --follow`` and ``git diff`` follow it; its folder name may then show
its old position or heading, the manifest the new ones. ``index.md`` is a heading line, then one chunk per block separated by a
blank line: a paragraph with one sentence per line (split after 。！？ and closing
brackets; a line break inside the text ends its line with ``\\``, a Markdown hard
break), a list item as ``- <label> <first sentence>`` with indented continuation
lines, a table as a Markdown table (``|`` and ``\\`` escaped, line breaks as ``<br>``).

The Markdown carries the text, so that a plain ``git diff`` of two versions shows
the changed sentences and nothing else of the prose. The manifest carries what
Markdown cannot say (headings, numbers, levels, markers, labels, pages and the
offsets where a block turns the page, merged cells, header rows, hashes, source,
warnings, the PDF's page map as runs: ``page_runs``) and, for the rare block whose Markdown form would not read back exactly (an empty paragraph, text ending in a
backslash, control characters, a cell containing ``<br>``…), the exact text as
well. Every block is checked: ``document_from_files(document_to_files(d)) == d``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from revtool.errors import WorkspaceError
from revtool.model import Block, BlockKind, Cell, Document, PageSpan, Section, Source, Table

MANIFEST = "manifest.json"
FRONT = "front.md"
INDEX = "index.md"
FORMAT = "revtool.sections/1"

_SENTENCE_END = "。！？"
_CLOSERS = "」』）)】〕］]”’〉》\"'"
_SENTENCE = re.compile(rf"[^{_SENTENCE_END}]*[{_SENTENCE_END}]+[{re.escape(_CLOSERS)}]*|[^{_SENTENCE_END}]+\Z")
_NAME_MAX = 24  # characters of the sanitized heading kept in a folder name (paths stay short)
_LIST_INDENT = "  "
_HARD_BREAK = "\\"  # ends a line where the text itself has a line break
_BR = "<br>"


# ------------------------------------------------------------------ public API


def document_to_files(doc: Document, previous: bytes | None = None) -> dict[str, bytes]:
    """The files of ``sections/`` for ``doc``: relative POSIX path -> bytes.
    ``previous``: the ``manifest.json`` of the version before, whose folder names
    the sections that continue its sections keep (``stable_names``).
    Deterministic: the same document and previous manifest give the same bytes."""
    files: dict[str, bytes] = {}
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "title": doc.title,
        "source": _source_to_json(doc.source),
        "warnings": list(doc.warnings),
        "front": None,
        "sections": [],
    }
    if doc.front:
        lines, metas = _blocks_to_markdown(doc.front)
        files[FRONT] = _lines_to_bytes(lines)
        manifest["front"] = {"file": FRONT, "blocks": metas}
    names = stable_names(doc, previous)
    manifest["sections"] = _sections_to_files(doc.sections, "", files, names)
    if doc.left_out:  # only when something was left out: older manifests stay byte-identical
        manifest["left_out"] = dict(doc.left_out)
    if doc.page_map:  # only for a PDF whose printed pages are not its PDF pages
        manifest["page_map"] = page_runs(doc.page_map)
    files[MANIFEST] = _json_bytes(manifest)
    return files


def document_from_files(files: Mapping[str, bytes]) -> Document:
    """Read back what :func:`document_to_files` wrote. Raises WorkspaceError when broken."""
    raw = files.get(MANIFEST)
    if raw is None:
        raise WorkspaceError(f"sections/{MANIFEST} がありません。")
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise WorkspaceError(f"sections/{MANIFEST} を読めません（{exc}）。") from exc
    if manifest.get("format") != FORMAT:
        raise WorkspaceError(f"sections/{MANIFEST} の形式 {manifest.get('format')!r} には対応していません。")
    try:
        front: tuple[Block, ...] = ()
        if manifest.get("front"):
            meta = manifest["front"]
            front = _blocks_from_markdown(_read_lines(files, meta["file"]), meta["blocks"], meta["file"])
        return Document(
            title=manifest["title"],
            front=front,
            sections=tuple(_section_from_files(entry, files) for entry in manifest["sections"]),
            source=_source_from_json(manifest["source"]),
            warnings=tuple(manifest["warnings"]),
            left_out=tuple((str(k), int(v)) for k, v in (manifest.get("left_out") or {}).items()),
            page_map=pages_from_runs(manifest.get("page_map") or []),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise WorkspaceError(f"sections/ の内容が manifest.json と一致しません（{exc!r}）。") from exc


def section_count(files: Mapping[str, bytes]) -> int:
    """How many sections the manifest lists, without reading the Markdown."""
    return manifest_section_count(json.loads(files[MANIFEST].decode("utf-8")))


def manifest_section_count(manifest: Mapping[str, Any]) -> int:
    """How many sections a parsed manifest lists."""

    def count(entries: list[dict[str, Any]]) -> int:
        return sum(1 + count(e["children"]) for e in entries)

    return count(manifest["sections"])


def safe_name(text: str, max_chars: int = _NAME_MAX) -> str:
    """A file-name fragment from any text: letters and digits of any script kept
    (after NFKC), everything else folded to ``_``, trimmed, at most ``max_chars``.
    May be empty. Never contains ``/``, ``\\``, ``..``, control characters or spaces."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKC", text):
        category = unicodedata.category(ch)
        if category[0] in "LN" or ch in "-":
            out.append(ch)
        elif not out or out[-1] != "_":
            out.append("_")
    return "".join(out)[:max_chars].strip("_-")


def split_sentences(text: str) -> list[str]:
    """Split after 。！？ (and any closing brackets right after). ``"".join`` of the
    result is ``text``."""
    return _SENTENCE.findall(text)


# ------------------------------------------------------------------ sections


def _fresh_name(position: int, count: int, heading: str) -> str:
    width = max(2, len(str(count)))
    slug = safe_name(heading)
    return f"{position:0{width}d}" + (f"_{slug}" if slug else "")


@dataclass
class _Old:
    """A section of the previous manifest: its folder's own name, heading, title, number, children."""

    name: str
    heading: str
    title: str
    number: str
    children: list["_Old"]
    used: bool = False


def _old_tree(previous: bytes | None) -> list[_Old]:
    if not previous:
        return []
    try:
        manifest = json.loads(previous.decode("utf-8"))

        def read(entries: list[dict[str, Any]]) -> list[_Old]:
            out = []
            for e in entries:
                name = str(e["file"]).split("/")[-2]
                # only a name this module could have made (a hand-edited manifest names no other path)
                out.append(_Old(name if _is_folder_name(name) else "", str(e["heading"]), str(e["title"]),
                                str(e["number"]), read(e["children"])))
            return out

        return read(manifest["sections"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return []  # not a manifest this version wrote: fresh names


def stable_names(doc: Document, previous: bytes | None) -> dict[tuple[int, ...], str]:
    """The folder name (last component) each section of ``doc`` takes over from
    the previous version's manifest, by the section's position (child indexes
    from the top); sections not found there are absent (they get
    ``<position>_<heading>``). Matching, in this order: among the previous
    siblings (children of the section the parent continues) the same heading,
    the same non-empty title, the same non-empty number (each old section
    taken once, in document order); then, for a section still unmatched, a
    heading, else a title, that occurs exactly once in each version (moved
    to another parent), and its children under it again."""
    old_roots = _old_tree(previous)
    if not old_roots:
        return {}
    found: dict[tuple[int, ...], _Old] = {}
    Pos = tuple[int, ...]

    def local(new: Sequence[Section], at: Pos, old: Sequence[_Old]) -> None:
        for key in (lambda x: x.heading, lambda x: x.title, lambda x: x.number):
            free: dict[str, list[_Old]] = {}
            for o in old:
                if not o.used and key(o):
                    free.setdefault(key(o), []).append(o)
            for i, section in enumerate(new):
                if at + (i,) in found or not key(section):
                    continue
                pool = free.get(key(section))
                while pool and pool[0].used:
                    pool.pop(0)
                if pool:
                    taken = pool.pop(0)
                    taken.used = True
                    found[at + (i,)] = taken
        for i, section in enumerate(new):
            match = found.get(at + (i,))
            if match is not None and section.children:
                local(section.children, at + (i,), match.children)

    def walk_old(nodes: list[_Old]) -> list[_Old]:
        return [x for o in nodes for x in (o, *walk_old(o.children))]

    local(doc.sections, (), old_roots)
    old_all = walk_old(old_roots)
    new_all = [s for _, s in doc.walk()]
    for key in (lambda x: x.heading, lambda x: x.title):  # moved: the same heading, else title, once in each
        old_count = Counter(key(o) for o in old_all)
        old_once = {key(o): o for o in old_all if key(o) and old_count[key(o)] == 1}
        new_count = Counter(key(s) for s in new_all)

        def moved(sections: Sequence[Section], at: Pos) -> None:
            for i, section in enumerate(sections):
                here = at + (i,)
                if here not in found and new_count[key(section)] == 1:
                    match = old_once.get(key(section))
                    if match is not None and not match.used:
                        match.used = True
                        found[here] = match
                        local(section.children, here, match.children)
                moved(section.children, here)

        moved(doc.sections, ())
    return {pos: o.name for pos, o in found.items()}


def _folder_names(sections: Sequence[Section], at: tuple[int, ...], names: Mapping[tuple[int, ...], str]) -> list[str]:
    """Unique folder names for siblings (compared case- and width-insensitively,
    as file systems may): kept names first, then fresh ones, a clash numbered."""
    taken: set[str] = set()
    out: list[str | None] = []
    for i in range(len(sections)):
        kept = names.get(at + (i,))
        if kept and _fold(kept) not in taken:
            taken.add(_fold(kept))
            out.append(kept)
        else:
            out.append(None)
    for i, section in enumerate(sections):
        if out[i] is None:
            base = name = _fresh_name(i + 1, len(sections), section.heading)
            n = 2
            while _fold(name) in taken:
                name, n = f"{base}-{n}", n + 1
            taken.add(_fold(name))
            out[i] = name
    return [name for name in out if name is not None]


def _is_folder_name(name: str) -> bool:
    """``<digits>[_<safe_name>][-<n>]``: starts with two digits (never a device
    name), letters, digits, ``_`` and ``-`` only (no dot, slash or space)."""
    return (2 <= len(name) <= _NAME_MAX + 16 and name[:2].isdigit()
            and all(unicodedata.category(ch)[0] in "LN" or ch in "_-" for ch in name))


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold()


def _sections_to_files(sections: Sequence[Section], parent: str, files: dict[str, bytes],
                       names: Mapping[tuple[int, ...], str], at: tuple[int, ...] = ()) -> list[dict[str, Any]]:
    entries = []
    for i, (section, name) in enumerate(zip(sections, _folder_names(sections, at, names))):
        folder = parent + name
        index = f"{folder}/{INDEX}"
        heading_line = "#" * max(1, min(section.level, 6)) + " " + _display(section.heading)
        lines, metas = _blocks_to_markdown(section.blocks)
        files[index] = _lines_to_bytes([heading_line] + ([""] + lines if lines else []))
        entries.append({
            "file": index,
            "heading": section.heading,
            "number": section.number,
            "title": section.title,
            "level": section.level,
            "marker": section.marker,
            "pages": _pages_to_json(section.pages),
            "hash": section.content_hash,
            "blocks": metas,
            "children": _sections_to_files(section.children, folder + "/", files, names, at + (i,)),
        })
    return entries


def _section_from_files(entry: Mapping[str, Any], files: Mapping[str, bytes]) -> Section:
    lines = _read_lines(files, entry["file"])
    body = lines[2:] if len(lines) > 1 else []
    return Section(
        heading=entry["heading"],
        number=entry["number"],
        title=entry["title"],
        level=entry["level"],
        marker=entry["marker"],
        blocks=_blocks_from_markdown(body, entry["blocks"], entry["file"]),
        children=tuple(_section_from_files(child, files) for child in entry["children"]),
        pages=_pages_from_json(entry["pages"]),
    )


# ------------------------------------------------------------------ blocks


def _blocks_to_markdown(blocks: Sequence[Block]) -> tuple[list[str], list[dict[str, Any]]]:
    """All blocks as Markdown lines (chunks separated by one blank line) and their manifest entries."""
    lines: list[str] = []
    metas: list[dict[str, Any]] = []
    for block in blocks:
        meta: dict[str, Any] = {
            "kind": str(block.kind),
            "label": block.label,
            "pages": _pages_to_json(block.pages),
            "hash": block.content_hash,
        }
        if block.page_breaks:  # only for a block printed over pages: other entries stay byte-identical
            meta["page_breaks"] = list(block.page_breaks)
        if block.table is not None:
            meta["table"] = {
                "header_rows": block.table.header_rows,
                "merged": [[r, c] for r, row in enumerate(block.table.rows) for c, cell in enumerate(row) if cell.merged],
            }
        chunk = _block_lines(block)
        exact = _exact_needed(block, chunk, meta)
        if exact:
            meta["exact"] = exact
            if block.table is None or "rows" in exact:
                chunk = _fallback_lines(block)
        if lines:
            lines.append("")
        lines.extend(chunk)
        metas.append(meta)
    return lines, metas


def _blocks_from_markdown(lines: list[str], metas: Sequence[Mapping[str, Any]], where: str) -> tuple[Block, ...]:
    chunks = _split_chunks(lines) if metas else []
    if len(chunks) != len(metas):
        raise ValueError(f"{where}: {len(chunks)} blocks in Markdown, {len(metas)} in manifest")
    return tuple(_block_from_lines(chunk, meta) for chunk, meta in zip(chunks, metas))


def _block_lines(block: Block) -> list[str]:
    if block.table is not None:
        return _table_lines(block.table)
    lines = _text_lines(block.text)
    if block.kind == BlockKind.LIST and lines:
        first = "- " + (block.label + " " if block.label else "") + lines[0]
        return [first] + [_LIST_INDENT + line for line in lines[1:]]
    return lines


def _text_lines(text: str) -> list[str]:
    """One sentence per line; a line break inside the text ends its line with ``\\``
    (a Markdown hard break), a blank line inside the text is a line of just ``\\``."""
    lines: list[str] = []
    segments = text.split("\n")
    for i, segment in enumerate(segments):
        pieces = split_sentences(segment)
        if i < len(segments) - 1:
            pieces = pieces[:-1] + [(pieces[-1] if pieces else "") + _HARD_BREAK]
        lines.extend(pieces)
    return lines


def _text_from_lines(lines: Sequence[str]) -> str:
    return "".join(line[: -len(_HARD_BREAK)] + "\n" if line.endswith(_HARD_BREAK) else line for line in lines)


def _block_from_lines(lines: list[str], meta: Mapping[str, Any]) -> Block:
    kind = BlockKind(meta["kind"])
    label = meta["label"]
    pages = _pages_from_json(meta["pages"])
    exact = meta.get("exact")
    table: Table | None = None
    if "table" in meta:
        if exact is not None and "rows" in exact:
            table = _table_with_flags(exact["rows"], meta["table"])
        else:
            table = _table_from_lines(lines, meta["table"])
        text = exact["text"] if exact is not None and "text" in exact else table.as_text()
    elif exact is not None:
        text = exact["text"]
    elif kind == BlockKind.LIST:
        prefix = "- " + (label + " " if label else "")
        if not lines or not lines[0].startswith(prefix) or not all(l.startswith(_LIST_INDENT) for l in lines[1:]):
            raise ValueError(f"list item does not start with {prefix!r}")
        text = _text_from_lines([lines[0][len(prefix):]] + [l[len(_LIST_INDENT):] for l in lines[1:]])
    else:
        text = _text_from_lines(lines)
    return Block(kind=kind, text=text, label=label, table=table, pages=pages,
                 page_breaks=tuple(int(b) for b in meta.get("page_breaks") or ()))


def _exact_needed(block: Block, chunk: list[str], meta: Mapping[str, Any]) -> dict[str, Any]:
    """What the manifest must hold because the Markdown ``chunk`` would not read back
    exactly: ``{}`` in the usual case, else ``text`` and/or a table's ``rows``."""
    if _chunk_is_safe(chunk):
        try:
            back = _block_from_lines(chunk, meta)
        except ValueError:
            back = None
        if back == block:
            return {}
        if back is not None and block.table is not None and back.table == block.table:
            return {"text": block.text}
    exact: dict[str, Any] = {"text": block.text}
    if block.table is not None:
        exact["rows"] = [[cell.text for cell in row] for row in block.table.rows]
        if block.text == block.table.as_text():
            del exact["text"]
    return exact


def _fallback_lines(block: Block) -> list[str]:
    """A readable, always-safe rendering for a block whose exact text is in the manifest."""
    if block.table is not None:
        shown = Table(tuple(tuple(Cell(_display(c.text)) for c in row) for row in block.table.rows), block.table.header_rows)
        lines = [_display(line) for line in _table_lines(shown)]
    else:
        lines = [_display(line) for line in _block_lines(Block(block.kind, _display(block.text), block.label))]
    lines = [line if line.strip() else "<!-- 空行 -->" for line in lines]
    return lines or ["<!-- 空のブロック（本文は manifest.json） -->"]


# ------------------------------------------------------------------ tables


def _table_lines(table: Table) -> list[str]:
    lines = [_row_line(row) for row in table.rows]
    if 1 <= table.header_rows <= len(table.rows):
        lines.insert(table.header_rows, "|" + " --- |" * max(table.width, 1))
    return lines


def _row_line(row: Sequence[Cell]) -> str:
    return "|" + "".join(" " + _escape_cell(cell.text) + " |" for cell in row)


def _escape_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", _BR)


def _table_from_lines(lines: list[str], meta: Mapping[str, Any]) -> Table:
    header_rows = meta["header_rows"]
    rows = list(lines)
    if 1 <= header_rows <= len(rows) - 1:
        del rows[header_rows]
    return _table_with_flags([_parse_row(line) for line in rows], meta)


def _parse_row(line: str) -> list[str]:
    if not line.startswith("|"):
        raise ValueError(f"table row does not start with '|': {line!r}")
    cells: list[str] = []
    current: list[str] = []
    i = 1
    while i < len(line):
        ch = line[i]
        if ch == "\\" and i + 1 < len(line):
            current.append(line[i + 1])
            i += 2
            continue
        if ch == "|":
            raw = "".join(current)
            if len(raw) < 2 or raw[0] != " " or raw[-1] != " ":
                raise ValueError(f"table cell without padding: {line!r}")
            cells.append(raw[1:-1].replace(_BR, "\n"))
            current = []
        else:
            current.append(ch)
        i += 1
    if current:
        raise ValueError(f"table row does not end with '|': {line!r}")
    return cells


def _table_with_flags(rows: Sequence[Sequence[str]], meta: Mapping[str, Any]) -> Table:
    merged = {(r, c) for r, c in meta["merged"]}
    return Table(
        tuple(tuple(Cell(text, (r, c) in merged) for c, text in enumerate(row)) for r, row in enumerate(rows)),
        meta["header_rows"],
    )


# ------------------------------------------------------------------ helpers


def _chunk_is_safe(lines: list[str]) -> bool:
    """Lines that survive a file round trip and never look like a chunk separator."""
    return bool(lines) and all(line != "" and _line_is_safe(line) for line in lines)


def _line_is_safe(line: str) -> bool:
    # str.splitlines() boundaries, other controls and lone surrogates break editors and git.
    return all(ch == "\t" or unicodedata.category(ch) not in ("Cc", "Cs", "Zl", "Zp") for ch in line)


def _display(text: str) -> str:
    return "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") else ch for ch in text
    )


def _split_chunks(lines: list[str]) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    for line in lines:
        if line == "":
            chunks.append([])
        else:
            chunks[-1].append(line)
    return chunks


def _read_lines(files: Mapping[str, bytes], path: str) -> list[str]:
    data = files.get(path)
    if data is None:
        raise ValueError(f"missing file {path}")
    text = data.decode("utf-8")
    if not text.endswith("\n"):
        raise ValueError(f"{path} does not end with a newline")
    return text[:-1].split("\n")


def _lines_to_bytes(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def _json_bytes(value: Any) -> bytes:
    return (_compact_json(value, 0) + "\n").encode("utf-8")


_JSON_LINE = 100  # a value whose JSON fits in this many characters stays on one line


def _compact_json(value: Any, depth: int) -> str:
    """Indented JSON with sorted keys where small values (a block's entry, a page span)
    stay on one line, so that a changed block is one changed line in a diff."""
    flat = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(", ", ": "))
    if len(flat) <= _JSON_LINE or not isinstance(value, (dict, list)) or not value:
        return flat
    inner = " " * (depth + 1)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_compact_json(value[k], depth + 1)}" for k in sorted(value)]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    items = [inner + _compact_json(v, depth + 1) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * depth + "]"


def _pages_to_json(pages: PageSpan | None) -> list[int] | None:
    return None if pages is None else pages.as_list()


def _pages_from_json(value: list[int] | None) -> PageSpan | None:
    return None if value is None else PageSpan(value[0], value[1])


def page_runs(pairs: tuple[tuple[int, int], ...]) -> list[list[int]]:
    """``Document.page_map`` as runs ``[PDF page, printed page, count]``: PDF
    pages ``p … p+count-1`` print ``n … n+count-1`` (a 64-page plan after a
    cover and a 目次 is ``[[3, 1, 64]]``)."""
    runs: list[list[int]] = []
    for pdf, printed in pairs:
        if runs and pdf == runs[-1][0] + runs[-1][2] and printed == runs[-1][1] + runs[-1][2]:
            runs[-1][2] += 1
        else:
            runs.append([pdf, printed, 1])
    return runs


def pages_from_runs(runs: list[list[int]]) -> tuple[tuple[int, int], ...]:
    """``page_runs`` read back."""
    return tuple((int(pdf) + k, int(printed) + k) for pdf, printed, count in runs for k in range(int(count)))


def _source_to_json(source: Source | None) -> dict[str, str] | None:
    if source is None:
        return None
    return {"name": source.name, "sha256": source.sha256, "format": source.format}


def _source_from_json(value: Mapping[str, str] | None) -> Source | None:
    return None if value is None else Source(value["name"], value["sha256"], value["format"])
