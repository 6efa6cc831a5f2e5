"""From a grid of cell texts to comment rows: header detection by synonyms,
repeated headers and empty rows skipped, cell text cleaned but kept as written.

Every reader (TSV, CSV, XLSX, DOCX, PDF) turns its file into ``Grid``s — one
per table, sheet or text block, each a list of rows of cell texts — and hands
them to ``rows_from_grids``. Pure: no files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from revtool.comments.ref_in_opinion import ref_in_opinion
from revtool.comments.refs import parse_ref
from revtool.comments.symbols import parse_legend, symbol_key
from revtool.errors import CommentTableError
from revtool.normalize import compact_key

REF, OPINION, RESPONSE, CATEGORY = "ref", "opinion", "response", "category"
COUNT = "count"  # submissions the row stands for (a ministry's grouped table: 件数)
NUMBER = "number"  # the table's own row number (番号, No.): what 「No.6と同様です」 points to
REF2 = "ref2"  # a second reference column (ページ + 項目)
PAGE_REF, PAGE_REF2 = "ref_is_page", "ref2_is_page"  # flags: that column holds pages

# Header synonyms, checked in this order (the response header often contains
# 「意見」: 「意見に対する区の考え方」). A cell is compared after NFKC with all
# whitespace removed.
# 「検討結果」「提出意見を考慮した結果及びその理由」: the statutory wording of a national
# result notice (行政手続法 43条: 提出意見を考慮した結果及びその理由) and a city's 「市の検討結果と理由」.
RESPONSE_WORDS = ("考え方", "見解", "回答", "対応", "方針", "検討結果", "考慮した結果", "結果と理由", "結果及びその理由")
OPINION_WORDS = ("意見", "要旨", "概要", "質疑", "質問")
REF_WORDS = ("該当箇所", "該当ページ", "該当頁", "該当", "箇所", "ページ", "頁", "項目", "章", "節")
# An answer-category column: 対応区分, 反映状況, 分類 (values like 「反映」「参考」).
CATEGORY_COLUMN = re.compile(r"(区分|分類|反映状況|対応状況|反映の有無|種別)$")
# A category column named for the answer (対応区分, 反映状況), not for the
# submission's channel or the plan's part (a bare 区分 or 分類).
_ANSWER_CATEGORY = re.compile(r"対応|反映")
# A count column: how many submissions the row stands for (comments/submissions.py).
# 「人数」「提出者数」 (people who sent it), 「同趣旨の意見数」「御意見数」 (a ministry's grouped rows).
COUNT_COLUMN = re.compile(r"(?:同(?:趣旨|旨|様)の?)?(?:御|ご)?"
                          r"(件数|意見数|意見件数|提出件数|提出意見数|提出数|人数|提出者数|意見者数|提出人数)$")
# The table's own numbering column.
NUMBER_COLUMN = re.compile(r"(?:No\.?|NO\.?|№|番号|通し番号|意見番号|整理番号|項番|項目番号|意見No\.?)")
# Cells that mention an opinion word but are bookkeeping, not the opinion.
NOT_A_COLUMN = re.compile(r"(番号|No\.?$|件数|提出(?:者|日|年月日|方法|件|数)|意見数|受付|日付|意見者)")
# A column named for the place the opinion is about: 「意見の該当箇所」「意見の対象」 (not the opinion).
_PLACE_TAIL = re.compile(r"(該当箇所|箇所|該当ページ|ページ|頁|部分|対象)$")


@dataclass(frozen=True)
class Grid:
    """One table as read: rows of cell texts (``None`` = covered by a merge
    whose text the reader could not fill)."""

    rows: tuple[tuple[str | None, ...], ...]
    name: str = ""  # sheet or table name, for messages
    # True: a row with one non-empty cell (a title line) ends the current table.
    title_lines_end_table: bool = False
    # row indexes (into rows) that continue the previous row (PDF page breaks)
    continues: frozenset[int] = field(default_factory=frozenset)
    # True: an empty 該当箇所 means "same as above" (CSV/TSV lose merged cells)
    blank_ref_inherits: bool = False
    # (row index, note): what the reader could not read in that row (an XLSX formula
    # without a saved value); such a row is kept, with the note, even when empty
    row_notes: tuple[tuple[int, str], ...] = ()
    # the text lines just before the table outside it (a Word document's paragraphs: a legend of
    # the 対応区分 symbols 「Ａ：…もの　Ｂ：…もの」 is read from them)
    preamble: tuple[str, ...] = ()
    # row indexes whose one cell spans the table's width (a Word row merged across: its text
    # sits in the first column, the others empty) — a title, note or heading, not a data row
    spanning_rows: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class RawRow:
    """One data row of the comment table, text as written (cleaned of markup)."""

    row: int  # 1-based data row number (header/empty rows excluded)
    ref: str
    opinion: str
    response: str
    where: str = ""  # e.g. "別紙1 7行目", for messages
    category: str = ""  # an answer-category column (対応区分), when the table has one
    note: str = ""  # what the reader assumed (an inherited 該当箇所 …)
    count: str = ""  # a 件数 column's cell, when the table has one
    number: str = ""  # the 番号 column's cell, when the table has one
    # the table's heading row above this row (「第３章について」「１．総論」): where a
    # result table without a 該当箇所 column says what its rows are about
    group: str = ""
    table: str = ""  # the sheet (or table) the row is in, when the file has several
    # what the file's legend says the row's category symbol means (「御意見を踏まえ計画に反映したもの」)
    legend: str = ""


header_key = compact_key  # NFKC, no whitespace (revtool.normalize)


# A column name this long is a sentence, except an answer column named in full
# (「提出意見を考慮した結果及びその理由」, 17 characters).
MAX_NAME, MAX_ANSWER_NAME = 16, 24
_ANSWER_NAME_TAIL = re.compile(r"(考え方|理由|結果)$")


def _longest_name(key: str) -> int:
    return MAX_ANSWER_NAME if _ANSWER_NAME_TAIL.search(key) else MAX_NAME


def column_role(cell: str) -> str | None:
    key = header_key(cell)
    # ※notes after the header word: 「主な変更点 ※文言整理等は除く」; a parenthesized note inside it:
    # 「意見の概要（要約しています。）」「提出意見を考慮した結果（…差異を含む。）及びその理由」
    key = _NOTE_IN_HEADER.sub("", key.split("※")[0]) or key.split("※")[0]
    if not key or len(key) > _longest_name(key) or "。" in key or "、" in key:
        return None  # a sentence, not a column name
    if CATEGORY_COLUMN.search(key):
        return CATEGORY
    if COUNT_COLUMN.fullmatch(key):
        return COUNT
    if NUMBER_COLUMN.fullmatch(key):
        return NUMBER
    if NOT_A_COLUMN.search(key):
        return None
    if any(w in key for w in RESPONSE_WORDS):
        return RESPONSE
    if _PLACE_TAIL.search(key):
        return REF
    if any(w in key for w in OPINION_WORDS):
        return OPINION
    if any(w in key for w in REF_WORDS):
        return REF
    return None


def header_mapping(row: tuple[str | None, ...]) -> dict[str, int] | None:
    """Column index per role when ``row`` is a comment-table header (at least an
    opinion and a response column), else None.

    A header row names columns only: a row with a cell that is data — a
    sentence or a bare number — is a data row even when two of its cells
    happen to contain column words (「区民意見交換会」 → 意見, 「第３章 基本方針１」
    → 方針: read as a new header, it would remap every row below)."""
    if any(_is_data_cell(cell or "") for cell in row):
        return None
    mapping: dict[str, int] = {}
    for i, cell in enumerate(row):
        role = column_role(cell or "")
        if role == REF and REF in mapping and REF2 not in mapping:
            mapping[REF2] = i  # 「ページ」 and 「項目」 side by side
        elif role == CATEGORY and CATEGORY in mapping and _ANSWER_CATEGORY.search(header_key(cell or "")) \
                and not _ANSWER_CATEGORY.search(header_key(row[mapping[CATEGORY]] or "")):
            mapping[CATEGORY] = i  # 「区分」 (パブリックコメント／意見交換会) beside 「対応区分」: the answer's
        elif role and role not in mapping:
            mapping[role] = i
    if OPINION in mapping and RESPONSE in mapping:
        for key, flag in ((REF, PAGE_REF), (REF2, PAGE_REF2)):
            if key in mapping and re.search(r"ページ|頁", header_key(row[mapping[key]] or "")):
                mapping[flag] = 1
        return mapping
    return None


_NOTE_IN_HEADER = re.compile(r"※.*|\([^()]*\)")  # a header's ※note or (note): 「意見の概要（要約しています。）」


def _is_data_cell(cell: str) -> bool:
    """A cell no column header holds: a sentence (「。」 outside a ※ or
    parenthesized note) or a bare number (the row's 番号)."""
    key = header_key(cell)
    if not key:
        return False
    return key.isdigit() or "。" in _NOTE_IN_HEADER.sub("", key)


_BARE_PAGES = re.compile(r"[\d０-９]+(?:\s*[-~〜～－、,・]\s*[\d０-９]+)*")


def ref_text(row: tuple[str | None, ...], mapping: dict[str, int]) -> str | None:
    """The 該当箇所 of a row: its column, or a page column and an item column
    joined (「P.12 計画の背景」: a bare number under a page header gets its P.).
    None when the cell is covered by a merge the reader could not fill."""
    if REF not in mapping:
        return ""
    first = _cell(row, mapping[REF])
    if first is None or REF2 not in mapping:
        return first
    parts: list[str] = []
    for key, flag in ((REF, PAGE_REF), (REF2, PAGE_REF2)):
        text = (_cell(row, mapping[key]) or "").strip()
        if text and flag in mapping and _BARE_PAGES.fullmatch(text):
            text = "P." + text
        if text:
            parts.append(text)
    return " ".join(parts)


_P_TAG = re.compile(r"</?p\s*>", re.IGNORECASE)
_BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def clean_cell(text: str | None) -> str:
    """Cell text as written, minus markup: ``<p>…</p>`` paragraphs (an HTML
    extraction artifact) and ``<br>`` become line breaks; CR LF → LF; trailing
    spaces on each line and blank lines go. Typos and wording stay."""
    if not text:
        return ""
    t = text.replace("\r\n", "\n").replace("\r", "\n")
    if _P_TAG.search(t) or _BR_TAG.search(t):
        t = _BR_TAG.sub("\n", t)
        t = re.sub(r"</p\s*>\s*<p\s*>", "\n", t, flags=re.IGNORECASE)
        t = _P_TAG.sub("\n", t)
    lines = [ln.strip(" \t\u3000") for ln in t.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def _is_empty(row: tuple[str | None, ...]) -> bool:
    return all(not (c or "").strip() for c in row)


def _cell(row: tuple[str | None, ...], i: int | None) -> str | None:
    if i is None or i >= len(row):
        return ""
    return row[i]


def seen_headers(grids: list[Grid], limit: int = 3) -> list[str]:
    """The first non-empty rows of each grid, for the 'no header' message."""
    seen: list[str] = []
    for g in grids:
        shown = 0
        for row in g.rows:
            if _is_empty(row):
                continue
            cells = [header_key(c or "")[:20] for c in row if (c or "").strip()]
            seen.append("｜".join(cells[:6]))
            shown += 1
            if shown >= limit:
                break
    return seen[:8]


def rows_from_grids(grids: list[Grid], filename: str) -> list[RawRow]:
    """Data rows of every grid, numbered 1… in order.

    A grid's rows count only after a header row; a later header row (repeated on
    each page) is skipped; a grid without its own header continues the previous
    grid's columns when it has the same width (a table split by a page break);
    another table's header row (項目｜案のページ｜主な変更点) ends the table.
    In copied text, a line without tabs right after a row continues that row's
    last cell, and one after a blank line (a title) ends the table; an empty
    該当箇所 repeats the one above (a merged cell flattened), with a note.
    """
    out: list[RawRow] = []
    mapping: dict[str, int] | None = None
    width = 0
    found_header = False
    legend: dict[str, str] = {}  # category symbol -> its description (symbols.parse_legend)

    for grid in grids:
        above: list[str] = list(grid.preamble)  # text before the header: a legend of the category symbols
        reader_notes = dict(grid.row_notes)
        if mapping is not None and (not grid.rows or max(len(r) for r in grid.rows) != width):
            mapping = None
        pending: list[_Pending] = []
        last_ref: str | None = None
        heading = ""  # the heading row the rows below belong to
        after_blank = True
        for idx, row in enumerate(grid.rows):
            if _is_empty(row):
                after_blank = True
                continue
            blank_before, after_blank = after_blank, False
            new_mapping = header_mapping(row)
            if new_mapping is not None:
                mapping, width, found_header = new_mapping, len(row), True
                legend, above = parse_legend(above) or legend, []
                continue
            if mapping is not None and idx not in grid.continues and idx not in reader_notes \
                    and not (grid.title_lines_end_table and len(row) == 1) \
                    and note_row(row, mapping, spans=idx in grid.spanning_rows):
                continue  # 「※御意見は適宜要約しています」「計 40 件」: about the table, not a comment
            if mapping is not None and idx not in grid.continues and idx not in reader_notes \
                    and (text := group_heading(row)) and not _only_its_reference(row, mapping, text):
                heading, last_ref = text, None  # rows below: about this place, not the previous row's
                continue
            if mapping is not None and _foreign_header(row):
                mapping = None
                continue
            if grid.title_lines_end_table and len(row) == 1:
                if not blank_before and pending and mapping is not None:
                    pending[-1].append_line(row[0] or "")
                else:
                    if mapping is None:
                        above.append(row[0] or "")
                    mapping = None
                continue
            if mapping is None:
                above.extend(c for c in row if c)
                continue
            ref = ref_text(row, mapping)
            note = ""
            own_place = False
            if ref is None:  # covered by a merge: same as above
                ref = last_ref or ""
            elif not ref.strip() and grid.blank_ref_inherits and last_ref and REF in mapping:
                # the opinion names its own place (「【P.12】…」「基本目標Ⅱについて、…」): it stays the
                # comment's place (read later from the opinion); inheriting stands for a merged cell only
                own_place = bool(ref_in_opinion(_cell(row, mapping[OPINION]) or ""))
                if not own_place:
                    ref, note = last_ref, "該当箇所が空欄のため、前の行の該当箇所を引き継ぎました。"
            if idx in reader_notes:
                note = (note + reader_notes[idx]).strip()
            item = _Pending(
                [ref, _cell(row, mapping[OPINION]) or "", _cell(row, mapping[RESPONSE]) or "",
                 _cell(row, mapping.get(CATEGORY)) or "", _cell(row, mapping.get(COUNT)) or "",
                 _cell(row, mapping.get(NUMBER)) or ""],
                f"{grid.name} {idx + 1}行目".strip(),
                note,
                keep=idx in reader_notes,
                group=heading,
            )
            if idx in grid.continues and pending:
                pending[-1].extend(item)
                continue
            if not own_place:
                last_ref = ref
            pending.append(item)
        for item in pending:
            ref, opinion, response, category, count, number = (clean_cell(c) for c in item.cells)
            if not (opinion or response or item.keep):
                continue
            out.append(RawRow(len(out) + 1, ref, opinion, response, item.where, category, item.note, count, number,
                              item.group, grid.name, legend.get(symbol_key(category), "")))
    if not found_header:
        if half := half_header(grids):
            raise CommentTableError(f"{filename}: {half}",
                                    hint="意見の列と考え方（回答）の列の見出しを確認してください"
                                         "（例: 御意見の概要／御意見に対する考え方）。")
        seen = "、".join(f"「{s}」" for s in seen_headers(grids)) or "（なし）"
        raise CommentTableError(
            f"{filename}: 意見の表の見出し行が見つかりません。"
            f"「素案該当箇所」「主な意見」「区の考え方」などの列見出しが必要です。見つかった行: {seen}",
            hint="列見出しの名前を確認してください（例: 該当箇所／意見の概要／市の考え方）。",
        )
    return out


# A row about the table, not a comment: a ※note 「※御意見は適宜要約しています」「（注）…」 or a
# total 「計 40 件」「合計：40件」.
_NOTE_ROW = re.compile(r"(?:※|＊|\*|[(（]注\d*[)）]|注\d*[:：]).*", re.DOTALL)
_TOTAL_ROW = re.compile(r"(?:合計|総計|計)\s*[:：]?\s*\d[\d,]*\s*(?:件|人|名|通)(?:[(（][^()（）]*[)）])?")


def note_row(row: tuple[str | None, ...], mapping: dict[str, int], spans: bool = False) -> bool:
    """Whether the row's one text (one cell merged across the table, or a cell
    outside the opinion and answer columns) is a note on the table or its total.
    An opinion cell alone that starts with ※ stays an opinion left unanswered."""
    filled = [i for i, c in enumerate(row) if (c or "").strip()]
    texts = {clean_cell(row[i]) for i in filled}
    if len(texts) != 1:
        return False
    if len(filled) == 1 and filled[0] in (mapping[OPINION], mapping[RESPONSE]) and not spans \
            and not any(c is None for c in row):
        return False
    text = unicodedata.normalize("NFKC", texts.pop())
    return bool(_NOTE_ROW.fullmatch(text) or _TOTAL_ROW.fullmatch(text))


def half_header(grids: list[Grid]) -> str:
    """When no header row names both an opinion and an answer column, the first
    row that names one of them and which one is missing (for the error), else ""."""
    for g in grids:
        for idx, row in enumerate(g.rows):
            if any(_is_data_cell(c or "") for c in row):
                continue
            roles = {column_role(c or ""): (c or "").strip() for c in row}
            where = f"{g.name} {idx + 1}行目".strip()
            if OPINION in roles and RESPONSE not in roles:
                return (f"{where}に意見の列「{roles[OPINION]}」はありますが、考え方（回答）の列が見つかりません。"
                        "意見に対する考え方・回答の列がない表は取り込めません。")
            if RESPONSE in roles and OPINION not in roles:
                return (f"{where}に考え方（回答）の列「{roles[RESPONSE]}」はありますが、意見の列が見つかりません。"
                        "意見（御意見の概要・意見の要旨など）の列がない表は取り込めません。")
    return ""


@dataclass
class _Pending:
    cells: list[str]
    where: str
    note: str = ""
    keep: bool = False  # a reader note: never drop the row silently
    group: str = ""  # the heading row above (RawRow.group)

    def extend(self, other: "_Pending") -> None:
        self.cells = [_join_continuation(a, b) for a, b in zip(self.cells, other.cells)]

    def append_line(self, text: str) -> None:
        for i in (2, 1, 0):  # the last non-empty cell
            if self.cells[i].strip():
                self.cells[i] = self.cells[i] + "\n" + text
                return


# A heading row names a part of the plan: 「第３章について」「１．総論」「【全体】」
# 「第２部第１章関係」「計画全般に関する御意見」.
_HEADING_TAIL = re.compile(r"(?:について|に関して|関係|関連|(?:に関する|への)(?:御|ご)?意見(?:等)?|全般|全体)$")
_HEADING_MARK = re.compile(r"^[【〔［\[■□●○◆◇▼▽・]|[】〕］\]]$")
MAX_HEADING = 40  # characters: a place, not an opinion


def group_heading(row: tuple[str | None, ...]) -> str:
    """The text of a heading row inside a comment table, or "": one short text
    (a merged row across the table, or one cell of it) that names a part of the
    plan — a 「…について」 tail, a numbering label or page, or a bracketed title
    — never a sentence. Result tables without a 該当箇所 column group their
    rows under such headings (「第３章について」 then the rows about 第３章)."""
    texts = {clean_cell(c) for c in row if (c or "").strip()}
    if len(texts) != 1:
        return ""
    text = texts.pop()
    if len(text) > MAX_HEADING or "\n" in text or "。" in text or re.fullmatch(r"[\d０-９\s.．()（）]+", text):
        return ""
    core = re.sub(r"^[【〔［\[■□●○◆◇▼▽・]\s*|\s*[】〕］\]]$", "", text)
    if _HEADING_TAIL.search(core) or _HEADING_MARK.search(text):
        return text
    if _PREDICATE.search(core):
        return ""  # 「第３章の記述を充実すべき」: an opinion left without its answer, not a heading
    loc = parse_ref(core)  # a numbering label or page: 「１．計画の基本的事項」
    return text if (loc.pages or loc.numbers) else ""


def _only_its_reference(row: tuple[str | None, ...], mapping: dict[str, int], text: str) -> bool:
    """Whether the one text of the row is its own 該当箇所 cell, a bare place
    (「P.3」 whose opinion and answer are empty): a data row left unfilled, not a
    heading — unless it reads as one (「第３章について」「【全体】」)."""
    filled = [i for i, c in enumerate(row) if (c or "").strip()]
    spans = any(c is None for c in row)  # cells covered by a merge: one cell ruled across the table
    return (REF in mapping and filled == [mapping[REF]] and not spans
            and not _HEADING_TAIL.search(text) and not _HEADING_MARK.search(text))


# what a sentence has and a heading does not (a particle of its object or subject, a request)
_PREDICATE = re.compile(r"[をがは]|べき|たい|ほしい|ください|です|ます|だ$")


_OTHER_HEADER_WORDS = ("項目", "内容", "備考", "変更", "番号", "ページ", "日時", "件数", "区分", "名称")


def _foreign_header(row: tuple[str | None, ...]) -> bool:
    """A header row of some other table: two or more short, sentence-free cells,
    one of them a column name."""
    cells = [header_key(c or "") for c in row if (c or "").strip()]
    if len(cells) < 2:
        return False
    if any(len(c.split("※")[0]) > 16 or "。" in c for c in cells):
        return False
    named = sum(1 for c in cells if column_role(c) or any(w in c for w in _OTHER_HEADER_WORDS))
    return named >= 2


def _join_continuation(before: str, after: str) -> str:
    if not after:
        return before
    if not before:
        return after
    return before + after
