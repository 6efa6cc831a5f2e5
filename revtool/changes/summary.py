"""主な変更点: one Japanese sentence per row, in the register of 別紙2. Pure.

Built from the row's facts, one verb per kind: 「A」を「B」に変更 (a phrase
replaced; 更新 when an outside revision caused it), 「X」を追記 (words added to
the text), 「A」の文言を削除, …に「X」を追加 (a table row, a list item),
目標値を上方修正（A → B）, 「X」を掲載 (a section), 名称を「A」から「B」に変更
(a heading). Quotes are whole words and 文節 (compare/morph.py): never 「及」 or
「の作成」. The reason comes first when it is known: 「…」が改定されたため、,
the staff's own note (…のため、, …を次のとおり反映), and — only when the
workspace asks for it (``[summary] comment_lead`` in revtool.toml; the real
別紙2 does not use one) and only on a row linked to a comment — a lead such as
「ご意見を踏まえ、」. When a 反映 answer describes the change, its wording is
reused. Deterministic: same facts, same sentence.

The clauses come from ``summary_text`` (a text edit), ``summary_structure``
(a split, merge, move or swap) and ``summary_reasons`` (the reason and the
answer); the table and list clauses, the ordering and the sentence are here.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from revtool.changes.clause_merge import merge_rewrites
from revtool.changes.facts import (
    BLOCK_ADDED,
    BLOCK_DELETED,
    BLOCK_MOVED,
    ITEM_REORDERED,
    CELL,
    COLUMN_ADDED,
    COLUMN_DELETED,
    ROW_ADDED,
    ROW_DELETED,
    row_cells,
    SECTION_ADDED,
    SECTION_DELETED,
    SECTION_MOVED,
    SECTION_RENAMED,
    TABLE_ADDED,
    TABLE_DELETED,
    TEXT,
    Fact,
    key,
)


from revtool.changes.text_spans import edit_core, text_spans
from revtool.changes.row_values import joined_values, row_values
from revtool.changes.headings import heading_title
from revtool.changes.item_markers import item_marker, marker_swaps, renumbered_item
from revtool.changes.external import External
from revtool.changes.item_story import ItemStory
from revtool.changes.law_citation import LAW_NUMBER
from revtool.compare import morph
from revtool.errors import WorkspaceError
from revtool.model import CauseType, Comment
from revtool.changes.summary_text import (
    DATED_NOTE,
    document_of_note,
    first_number,
    law_of_number,
    lead_words,
    MAX_QUOTE,
    NOTE_ADDED,
    NOTE_REVISED,
    section_title,
    one_line,
    text_clause,
    whole_name,
)


from revtool.changes.summary_structure import moved_clause, section_moved_clause, split_or_merge, numbers_swapped
from revtool.changes.summary_reasons import (
    answer_action,
    only_places,
    more_informative,
    beyond_lead_words,
    reason_for_external,
    reason_from_note,
    reuse_answer,
    unglued_labels,
    updated_beyond,
)


@dataclass(frozen=True)
class SummaryStyle:
    """How a ward writes its 主な変更点 (``[summary]`` in revtool.toml).

    ``comment_lead``: words put in front of a row caused by a comment, e.g.
    「ご意見を踏まえ、」. Empty by default, as in the real 別紙2; never used on a
    row without a comment link."""

    comment_lead: str = ""

    @staticmethod
    def from_config(table: Mapping[str, Any]) -> "SummaryStyle":
        lead = table.get("comment_lead", "")
        if not isinstance(lead, str) or "\n" in lead:
            raise WorkspaceError("revtool.toml: [summary] comment_lead は 1 行の文字列で指定してください"
                                 "（例: comment_lead = \"ご意見を踏まえ、\"）。")
        return SummaryStyle(comment_lead=lead)


MAX_CLAUSES = 3


def _is_target_column(column: str) -> bool:
    """A column of planned values: 目標値, or the 見込み of a 事業一覧 (見込み（令和8年度）)."""
    return bool(re.search(r"目標|見込", column))


_NOT_PLANNED = re.compile(r"実績|現状|基準|前年")


def _is_target(f: Fact) -> bool:
    """A planned value: in a column of planned values, or in a row of them (量の見込み
    under year columns: 「一時預かり事業 量の見込み（人日）」 × 令和７年度), not the
    row's 実績/現状値 column."""
    return _is_target_column(f.column) or (_is_target_column(f.row_key) and not _NOT_PLANNED.search(f.column))


def _target_word(column: str) -> str:
    """The column's head word without its note: 目標値（2030年度） → 目標値."""
    return re.split(r"[（(]", column, maxsplit=1)[0].strip()


_LIST_SEP = re.compile(r"[、\n]|(?<![0-9０-９])[,，]|[,，](?![0-9０-９])")  # not a thousands separator (1,500人)


def _list_items(text: str) -> list[str]:
    return [i.strip() for i in _LIST_SEP.split(text) if i.strip()]


# ---------------------------------------------------------------- clauses per fact kind


def _cell_clauses(facts: list[Fact]) -> list[str]:
    out: list[str] = []
    targets = [f for f in facts if _is_target(f) and not _is_header_cell(f)
               and first_number(f.old) is not None and first_number(f.new) is not None]
    if targets:
        ups = [(first_number(f.new) or 0) > (first_number(f.old) or 0) for f in targets]
        downs = [(first_number(f.new) or 0) < (first_number(f.old) or 0) for f in targets]
        how = "上方修正" if all(ups) else "下方修正" if all(downs) else "修正"
        title = section_title(targets[0]) or "指標"
        items = " ".join(f"・{one_line(f.row_key)} {one_line(f.old)} → {one_line(f.new)}" for f in targets)
        rows = {key(f.row_key) for f in targets}
        if len(targets) > 1 and len(rows) == 1 and not any(_is_target_column(f.column) for f in targets):
            # one row of planned values over the years: 「一時預かり事業」の量の見込み（人日）を上方修正（令和７年度 14,823 → 16,305ほか）
            t = targets[0]
            name, _, measure = one_line(t.row_key).partition(" ")
            named = f"「{name}」の{measure}" if measure and _is_target_column(measure) else f"「{one_line(t.row_key)}」"
            out.append(f"{named}を{how}（{one_line(t.column)} {one_line(t.old)} → {one_line(t.new)}ほか）")
        elif len(targets) == 1:
            # named by its row, as staff write it: 成果指標「登録者数」の目標値を下方修正（5万人 → 3万人）
            t = targets[0]
            column = one_line(t.column) if 0 < len(one_line(t.column)) <= 12 else "目標値"
            # a title that already says the column is not repeated; a 事業's 見込み is named by the 事業 alone
            lead = "" if key(column) in key(title) or key(_target_word(column)) in key(title) or "見込" in column else title
            name = f"「{one_line(t.row_key)}」" if t.row_key.strip() else ""
            out.append(f"{lead}{name}の{column}を{how}（{one_line(t.old)} → {one_line(t.new)}）" if name
                       else f"{title}の{column}を{how}（{one_line(t.old)} → {one_line(t.new)}）")
        else:
            out.append(f"{title}のうち、以下の{len(targets)}つで目標値の{how}を実施 {items}")
    rest = [f for f in facts if f not in targets]
    gone_all: list[str] = []
    came_all: list[str] = []
    for f in rest:
        old_items, new_items = _list_items(f.old), _list_items(f.new)
        if len(old_items) >= 2 and len(new_items) >= 2:
            gone = [i for i in old_items if key(i) not in {key(x) for x in new_items}]
            came = [i for i in new_items if key(i) not in {key(x) for x in old_items}]
            if gone or came:
                gone_all.extend(gone)
                came_all.extend(came)
                continue
        old_t, new_t = one_line(f.old), one_line(f.new)
        header = _header_clause(f)
        if header:
            out.append(header)
            continue
        spans = text_spans(f.old, f.new)
        if len(spans) == 1 and (not f.old[spans[0][0]:spans[0][1]] or not f.new[spans[0][2]:spans[0][3]]):
            a1, a2, b1, b2 = spans[0]
            out.append(text_clause(Fact(f.change, TEXT, old=f.old[a1:a2], new=f.new[b1:b2])))
            continue
        what = one_line(f.column) or section_title(f)
        row = one_line(f.row_key)
        # the row the cell belongs to, unless the changed cell is the row's own name
        owner = f"「{row}」の" if row and f.column and key(row) not in (key(f.old), key(f.new)) \
            and key(f.old) not in key(row) and key(f.new) not in key(row) else ""
        if len(old_t) <= MAX_QUOTE * 2 and len(new_t) <= MAX_QUOTE * 2:
            if owner:
                out.append(f"{owner}{what}を「{old_t}」から「{new_t}」に変更")
            else:
                out.append(f"{what}の文言を「{old_t}」から「{new_t}」に変更" if what else f"「{old_t}」を「{new_t}」に変更")
        else:
            out.append(f"{one_line(f.row_key) + 'の' if f.row_key else ''}{what or '記載内容'}を更新")
    if gone_all or came_all:
        out.append(" ".join([f"・{i}を削除" for i in gone_all] + [f"・{i}を追加" for i in came_all]))
    return out


def _is_header_cell(f: Fact) -> bool:
    """The cell is its column's header (no row; its new text is the column's name)."""
    return f.kind == CELL and not f.row_key.strip() and bool(f.column) and key(f.new) == key(f.column) and bool(f.old.strip())


def _header_clause(f: Fact) -> str:
    """A table's column header rewritten (the cell is the header itself): when
    only its date moved on (現状値（令和5年度） → 現状値（令和6年度））, the column
    now holds that date's values: 成果指標の現状値を令和5年度から令和6年度の値に更新;
    any other header: …の表の見出しを「A」から「B」に変更 (never the header's
    name said three times)."""
    if not _is_header_cell(f):
        return ""
    title = section_title(f)
    old_t, new_t = one_line(f.old), one_line(f.new)
    a, b = DATED_NOTE.match(old_t), DATED_NOTE.match(new_t)
    if a and b and key(a.group(1)) == key(b.group(1)) and key(a.group(2)) != key(b.group(2)):
        return f"{title + 'の' if title else ''}{b.group(1).strip()}を{a.group(2)}から{b.group(2)}の値に更新"
    return f"{title + 'の' if title else ''}表の見出しを「{old_t}」から「{new_t}」に変更"


TABLE_FACTS = (CELL, ROW_ADDED, ROW_DELETED)
MANY_TABLE_EDITS = 3  # from this many edits in one table, the table is "updated"


def _table_header(change_text: str) -> list[str]:
    first = change_text.split("\n", 1)[0]
    return [c.strip() for c in first.split("\t")] if "\t" in first else []


def _key_column(header: list[str]) -> str:
    for h in header:
        if h and not re.fullmatch(r"(No\.?|NO\.?|№|番号|項番|[#＃])", h.strip()):
            return h
    return header[0] if header else ""


def _item_swaps(facts: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Pairs of list items that traded numbers (① ⇄ ②), the one first in the
    old version first: named by their text, never 「②」を「①」に変更."""
    items = [(f, renumbered_item(f.change.old_text, f.change.new_text)) for f in facts
             if f.kind == TEXT and not f.column and f.change.block_kind != "section"]
    found = [(f, it) for f, it in items if it is not None]
    out = []
    for i, j in marker_swaps([it for _, it in found]):
        a, b = sorted((found[i], found[j]), key=lambda x: (len(x[1][1]), x[1][1]))
        out.append((a[0], b[0]))
    return out


ITEM_NAME_MAX = 24  # an item longer than this is named by what it acts on
ITEM_NAME_MIN = 8  # a shorter noun phrase names too little (情報発信): the item's first words instead


# an item's own title before a colon: 「学校図書館の機能強化：学校図書館の…」
_ITEM_TITLE = re.compile(r"^([^。、，：:「」（）()]{2,24})[：:](?=\S)")


def _item_head(f: Fact) -> str:
    """A list item named by its text: whole when short, else by the noun phrase
    its last predicate acts on (…、自然観察会に関する新たな技術の実証を進めます →
    自然観察会に関する新たな技術の実証), else by its first words. An item that
    titles itself (学校図書館の機能強化：…) is named by its title."""
    _, body = item_marker(f.change.new_text)
    body = one_line(body).rstrip("。")
    if len(body) <= ITEM_NAME_MAX:
        return body
    titled = _ITEM_TITLE.match(body)
    if titled:
        return titled.group(1)
    bounds = morph.phrase_bounds(body)
    last = bounds[-2] if len(bounds) >= 2 else 0
    named = morph.subject_before(body, last) if last > 0 else ""
    if ITEM_NAME_MIN <= len(named) <= MAX_QUOTE * 3 // 4 and not named.startswith("「"):
        return named
    return lead_words(body, ITEM_NAME_MAX * 3 // 4)


def _item_name(f: Fact) -> str:
    """The name of a list item that is a title ((エ)空き家の除却費用の助成): its
    text without the marker when short and no sentence; "" otherwise."""
    if f.change.block_kind != "list":
        return ""
    marker, body = item_marker(one_line(f.new or f.old))
    body = body.strip()
    return body if marker and 0 < len(body) <= ITEM_NAME_MAX and "。" not in body else ""


def _item_descriptions(facts: list[Fact]) -> list[Fact]:
    """Paragraphs added or deleted right after a titled list item added or
    deleted with them, in the same section: the item's description, said by
    the item's own clause (主な取組から「経営基盤の強化」を削除, not again
    「経営戦略に基づき、…」を削除)."""
    out: list[Fact] = []
    items = {(f.order[0], f.kind): f for f in facts if f.kind in (BLOCK_ADDED, BLOCK_DELETED) and _item_name(f)}
    for g in facts:
        item = items.get((g.order[0] - 1, g.kind))
        if item is not None and g.change.block_kind != "list" and g.section_path == item.section_path:
            out.append(g)
            items[(g.order[0], g.kind)] = item  # a description of two paragraphs
    return out


# a box's caption: 「コラム　こどもの権利ってなに？」, 【コラム】…
_BOX_TITLE = re.compile(r"^[【［\[〔]?コラム[】］\]〕]?[\s\u3000:：]*(\S.{0,39})$")


def _boxes_added(facts: list[Fact]) -> list[tuple[Fact, list[Fact]]]:
    """A コラム added whole: its caption block and the blocks added right after it
    in the same section (its text), said in one clause (コラム「…」を追加), not
    one clause per paragraph."""
    out: list[tuple[Fact, list[Fact]]] = []
    added = sorted((f for f in facts if f.kind == BLOCK_ADDED), key=lambda f: f.order)
    for i, f in enumerate(added):
        if not _BOX_TITLE.match(one_line(f.new.strip())):
            continue
        body: list[Fact] = []
        for g in added[i + 1:]:
            prev = body[-1] if body else f
            if g.section_path != f.section_path or g.order[0] != prev.order[0] + 1 or _BOX_TITLE.match(one_line(g.new.strip())):
                break
            body.append(g)
        out.append((f, body))
    return out


def fact_clauses(facts: list[Fact]) -> list[str]:
    """Clauses describing the facts, most frequent first, then in order."""
    structural, consumed = split_or_merge(facts)
    if structural:
        rest = [f for f in facts if id(f) not in consumed]
        return list(dict.fromkeys(structural + (fact_clauses(rest) if rest else [])))
    clauses: list[str] = []
    # a table with many edits (cells rewritten, rows added and removed) is one clause
    per_table: dict[str, list[Fact]] = {}
    for f in facts:
        if f.kind in TABLE_FACTS and not _is_target(f):
            caption = f.change.location.split(" ")[0] if f.change.location else f.change.id
            per_table.setdefault(f"{f.section_path}|{caption}", []).append(f)
    bulk: set[int] = set()
    for _, fs in per_table.items():
        if len(fs) >= MANY_TABLE_EDITS and all(f.kind == ROW_ADDED for f in fs):
            bulk.update(id(f) for f in fs)
            names = [f"「{one_line(f.row_key)}」" for f in fs]
            more = f"ほか{len(names) - 3}件" if len(names) > 3 else ""
            title = section_title(fs[0])
            clauses.append(f"{title + 'に' if title else ''}{''.join(names[:3])}{more}を追加")
        elif len(fs) >= MANY_TABLE_EDITS:
            bulk.update(id(f) for f in fs)
            header = list(fs[0].header) or _table_header(fs[0].change.new_text or fs[0].change.old_text)
            columns = Counter(f.column for f in fs if f.column)
            keyed = _key_column(header)
            what = keyed or (columns.most_common(1)[0][0] if columns else section_title(fs[0]))
            (column, count), = columns.most_common(1) if len(columns) == 1 else ((None, 0),)
            rows = {one_line(f.row_key) for f in fs if f.kind == CELL}
            if keyed and column and count == len(fs) and one_line(column) != one_line(keyed):
                # every edit in one column (基準病床数 recomputed for each 圏域): the column names what changed
                clauses.append(f"{one_line(keyed)}ごとの{one_line(column)}を更新")
            elif len(rows) == 1 and all(f.kind == CELL for f in fs) and "" not in rows:
                # every edit in one line (a 取組's schedule moved a year on): the line names what changed
                cols = list(dict.fromkeys(one_line(f.column) for f in sorted(fs, key=lambda f: f.order) if f.column))
                span = f"{cols[0]}～{cols[-1]}の" if len(cols) >= 2 else ""
                clauses.append(f"{one_line(keyed) if keyed else ''}「{rows.pop()}」の{span}記載を変更")
            else:
                clauses.append(f"{one_line(what)}の一覧を更新")
    for a, b in _item_swaps(facts):
        bulk.update((id(a), id(b)))
        title = section_title(a)
        # said in the 案's order with the 案's numbers: ①「B」と②「A」, as the reader finds them now
        m1, m2 = item_marker(b.change.new_text)[0], item_marker(a.change.new_text)[0]
        clauses.append(f"{title + 'の' if title else ''}{m1}「{_item_head(b)}」と{m2}「{_item_head(a)}」の順序を入れ替え")
    bulk.update(id(d) for d in _item_descriptions(facts))
    for box, body in _boxes_added(facts):
        bulk.update(id(f) for f in [box] + body)
        clauses.append(f"コラム「{_BOX_TITLE.match(one_line(box.new.strip())).group(1)}」を追加")  # type: ignore[union-attr]
    cells = [f for f in facts if id(f) not in bulk and (f.kind == CELL or (f.kind == TEXT and f.column))]
    if cells:
        clauses.extend(_cell_clauses(cells))
    for f in facts:
        title = section_title(f)
        if f in cells or id(f) in bulk:
            continue
        if f.kind == TEXT:
            clauses.append(text_clause(f))
        elif f.kind == COLUMN_ADDED:
            clauses.append(f"{title + 'の表' if title else '表'}に「{one_line(f.column)}」欄を追加")
        elif f.kind == COLUMN_DELETED:
            clauses.append(f"{title + 'の表' if title else '表'}から「{one_line(f.column)}」欄を削除")
        elif f.kind == ROW_ADDED:
            where, head = _row_place(f, title)
            same = [g for g in facts if g.kind == ROW_ADDED and id(g) not in bulk and g not in cells
                    and key(g.row_key) == key(f.row_key) and _row_place(g, section_title(g)) == (where, head)]
            if same[0] is not f:
                continue  # the rows of one name (a 事業's 量の見込み and 確保方策 rows) are one clause
            # their figures: （現状値 53％、目標値 63％）
            values = joined_values([row_values(row_cells(g.new), g.header, g.row_key) for g in same])
            clauses.append(f"{where}に「{one_line(f.row_key)}」{values}{'の' + head if head else ''}を追加")
        elif f.kind == ROW_DELETED:
            where, head = _row_place(f, title)
            clauses.append(f"{where}から「{one_line(f.row_key)}」{'の' + head if head else ''}を削除")
        elif f.kind == BLOCK_ADDED:
            text = f.new.strip()
            named = _item_name(f)
            if text.startswith(("※", "注")):
                clauses.append(NOTE_ADDED)
            elif named:
                clauses.append(f"{title + 'に' if title else ''}「{named}」を追加")  # 主な取組に「…」を追加
            else:
                clauses.append(text_clause(f))
        elif f.kind == BLOCK_DELETED:
            listed_item = f.change.block_kind == "list"
            said = text_clause(dataclasses.replace(f, old=item_marker(f.old)[1]) if listed_item else f)
            if listed_item and title and not said.startswith("「" + title):
                said = f"{title}から{said.replace('の記述を削除', 'を削除').replace('の文言を削除', 'を削除')}"  # 主な取組から「…」を削除
            clauses.append(said)
        elif f.kind == BLOCK_MOVED:
            clauses.append(moved_clause(f))
        elif f.kind == ITEM_REORDERED:
            # the diff's evidence says which item went where: 「A」を「B」の後に移動
            clauses.append(f"{title + 'の' if title else ''}記載順を変更し、{f.change.verdict.evidence.partition(': ')[2]}")
        elif f.kind == TABLE_ADDED:
            clauses.append(f"{title}に表を追加" if title else "表を追加")
        elif f.kind == TABLE_DELETED:
            clauses.append(f"{title}の表を削除" if title else "表を削除")
        elif f.kind == SECTION_ADDED:
            clauses.append(f"「{heading_title(f.section_path[-1])}」を掲載")
        elif f.kind == SECTION_DELETED:
            clauses.append(f"「{heading_title((f.change.old_section_path or f.section_path)[-1])}」を削除")
        elif f.kind == SECTION_RENAMED:
            clauses.append(f"名称を「{heading_title(one_line(f.old))}」から「{heading_title(one_line(f.new))}」に変更")
        elif f.kind == SECTION_MOVED:
            moved = [g for g in facts if g.kind == SECTION_MOVED]
            if len(moved) == 2 and moved[0].section_path[:-1] == moved[1].section_path[:-1] and \
                    heading_title(moved[0].section_path[-1]) != heading_title(moved[1].section_path[-1]) and \
                    numbers_swapped(moved[0], moved[1]):
                # two siblings that traded places (the changelog pairs them only then)
                a, b = sorted(moved, key=lambda g: g.change.section_path)  # in the 案's order
                clauses.append(f"「{heading_title(a.section_path[-1])}」と「{heading_title(b.section_path[-1])}」の順序を入れ替え")
            else:
                clauses.append(section_moved_clause(f))
    counts = Counter(clauses)
    first: dict[str, int] = {}
    for i, c in enumerate(clauses):
        first.setdefault(c, i)
    ordered = sorted(counts, key=lambda c: (-counts[c], first[c]))
    for note in (NOTE_ADDED, NOTE_REVISED):
        if note in ordered and len(ordered) > 1:
            ordered.remove(note)
    return merge_rewrites(_drop_accounted(_drop_repeats(ordered)))


_REPLACED = re.compile(r"「([^」]+)」(?:を|から)「([^」]+)」に(?:変更|更新)")
_RENAMED = "名称を「"  # how a heading renamed is said (fact_clauses)


def _drop_repeats(clauses: list[str]) -> list[str]:
    """One replacement said twice (in a table cell and in the text): keep the
    shorter quote — but a heading renamed (名称を「A」から「B」に変更) is said with
    its whole titles, and the same words changed in the text (「A」の一部を「B」の
    一部に, the common ends cut off) are that rename said again, not a shorter way."""
    pairs = {c: _REPLACED.search(c) for c in clauses}

    def inside(m: re.Match[str], o: re.Match[str]) -> bool:  # o's quotes are within m's, and not the same
        return o.group(1) in m.group(1) and o.group(2) in m.group(2) and (o.group(1), o.group(2)) != (m.group(1), m.group(2))

    renames = [c for c in clauses if c.startswith(_RENAMED) and pairs[c] is not None]
    out = []
    for c in clauses:
        m = pairs[c]
        if m is None:
            out.append(c)
            continue
        if c in renames:
            out.append(c)
            continue
        if any(inside(pairs[r], m) for r in renames):  # type: ignore[arg-type]
            continue  # the rename's words changed in the text too
        if any(o is not c and pairs[o] is not None and inside(m, pairs[o]) for o in clauses):  # type: ignore[arg-type]
            continue
        out.append(c)
    return _one_revision_once(out)


_ADDED_WORDS = re.compile(r"^「([^「」]+)」を(?:追記|追加)$")
_CUT_WORDS = re.compile(r"^「([^「」]+)」(?:の文言)?を削除$")


def _drop_accounted(clauses: list[str]) -> list[str]:
    """Words said added (「X」を追記) that another clause of the row already
    brings in — a rename or replacement whose new words hold them (名称を「A」から
    「趣味講座・A」に変更、「A」を追記) — or said cut when another clause's old
    words hold them: said once, by the clause that says more."""
    pairs = [m for c in clauses if (m := _REPLACED.search(c))]
    out = []
    for c in clauses:
        added, cut = _ADDED_WORDS.match(c), _CUT_WORDS.match(c)
        if added and any(key(added.group(1)) in key(m.group(2)) for m in pairs):
            continue
        if cut and any(key(cut.group(1)) in key(m.group(1)) and key(cut.group(1)) not in key(m.group(2)) for m in pairs):
            continue
        out.append(c)
    return out


_REVISED = re.compile(r"を(?:上方|下方)?修正（(.+ → .+)）$")


def _one_revision_once(clauses: list[str]) -> list[str]:
    """A target revised in its table and in the text (…（46か所 → 51か所））
    is said once, the first way (the table names it by its row)."""
    seen: set[str] = set()
    out = []
    for c in clauses:
        m = _REVISED.search(c)
        if m and key(m.group(1)) in seen:
            continue
        if m:
            seen.add(key(m.group(1)))
        out.append(c)
    return out


def _row_place(f: Fact, title: str) -> tuple[str, str]:
    """Where a table row was added or removed, and the word for what a row is:
    ロードマップ + 取組 (「…」の取組を追加); the key column's header alone when
    the title already holds it (主な事業と目標値 + 主な事業 → 主な事業に「…」を追加);
    a name column (事業名) is no word for the row."""
    head = _key_header(f)
    if head and title and key(head) in key(title) and key(head) != key(title):
        return head, ""
    if head.endswith("名"):
        return title or head, ""
    return title, head


def _key_header(f: Fact) -> str:
    """The header of the key column of the fact's table (取組, 指標 …)."""
    if f.header:
        head = _key_column(list(f.header))
        return head if 0 < len(head) <= 8 and not re.search(r"\d", head) else ""
    text = f.change.new_text or f.change.old_text
    first = text.split("\n", 1)[0]
    if "\t" not in first:
        return ""
    head = first.split("\t")[0].strip()
    return head if 0 < len(head) <= 8 and not re.search(r"\d", head) else ""


_AMENDING_GIST = re.compile(r"「((.+?)(?:等)?の一部を改正する(?:法律|政令|条例|省令))」（([^（）]+)）に関する記述を(追記|追加)")
_ENACTED = re.compile(r"(成立|公布|施行)(?:した|された|し、|され)")


def _amending_law(body: str, external: External) -> str:
    """A row whose reason is a law amended (「X」が改正されたため) and whose words
    are the amending law's (「Xの一部を改正する法律」（令和７年法律第36号）に関する
    記述を追記) names the law once, as staff write it: 「Xの一部を改正する法律」
    （令和７年法律第36号）が成立したため、関連する記述を追記 — the verb the text says
    of it (成立, 公布, 施行); "" when the row is not so."""
    m = _AMENDING_GIST.search(body)
    if not m or external.verb != "改正" or not external.document:
        return ""
    if not key(external.document).endswith(key(m.group(2))):
        return ""  # another law than the one amended
    said = _ENACTED.search(external.sentence[external.sentence.find(m.group(3)):] if m.group(3) in external.sentence
                           else external.sentence)
    verb = said.group(1) if said else "成立"
    when = f"{external.when}に" if external.when else ""
    rest = body.replace(m.group(0), f"関連する記述を{m.group(4)}")
    return f"{when}「{m.group(1)}」（{m.group(3)}）が{verb}{'した' if verb == '成立' else 'された'}ため、{rest}"


_REVISION_GIST = re.compile(r"「([^「」]+)」の改正（([^（）]+)）に関する記述を(追記|追加)")


def _revised_law(body: str, external: External) -> str:
    """A row whose reason is a law's revision cited by its number (「X」が改正されたため)
    and whose words are that revision's (「X」の改正（令和５年法律第３０号）に関する記述を
    追記) names the revision once: 「X」の改正（令和５年法律第３０号）を反映し、関連する
    記述を追記; "" when the row is not so. A reason that names no law (its number
    replaced elsewhere in the row, 「令和5年法律第18号」→「令和7年法律第61号」) is that revision's."""
    m = _REVISION_GIST.search(body)
    if not m or external.verb != "改正" or (external.document and key(external.document) != key(m.group(1))):
        return ""
    rest = body.replace(m.group(0), f"関連する記述を{m.group(3)}")
    return f"「{m.group(1)}」の改正（{m.group(2)}）を反映し、{rest}"


def _in_citation(f: Fact, document: str) -> bool:
    """The words were added inside the brackets that follow the document's name
    where the text cites it (…行動計画（令和６年12月閣議決定、令和７年６月改訂）)."""
    unit, span = f.new_unit, f.new.strip()
    at = unit.find(span) if span else -1
    if at < 0 or not document:
        return False
    before, after = unit[:at], unit[at + len(span):]
    opened = max(before.rfind("（"), before.rfind("("))
    if opened < 0 or max(before.rfind("）"), before.rfind(")")) > opened:
        return False
    closed = min((i for i in (after.find("）"), after.find(")")) if i >= 0), default=-1)
    if closed < 0 or "。" in after[:closed]:
        return False
    return key(before[:opened].rstrip(" \u3000」』")).endswith(key(document.strip("「」『』")))


def _join(clauses: list[str]) -> str:
    out = ""
    for c in clauses:
        if not out:
            out = c
        elif c.startswith("・"):
            out += " " + c
        else:
            out += "、" + c
    return out


def _list_lead(facts: list[Fact]) -> str:
    title = section_title(facts[0]) if facts else ""
    return f"{title}の記載を次のとおり変更" if title else "次のとおり変更"


def summarize(
    facts: list[Fact],
    cause_type: CauseType,
    comments: list[Comment] = (),  # type: ignore[assignment]
    external: External | None = None,
    organisation: bool = False,
    *,
    reason: str = "",
    style: SummaryStyle = SummaryStyle(),
    statement: str = "",
    items: ItemStory = ItemStory(),
) -> str:
    """The 主な変更点 of one row. ``reason`` is the staff's note on the row's
    cause (decisions.toml), printed as the reason; ``style`` the ward's habits;
    ``statement`` the row's decision in words when no fact says it (a 施策 split
    off a sibling whose cut is an echo: 「A」から「B」を分割), said instead of the facts;
    ``items`` the 取組 split, merged or reordered (``item_story``), said first, in
    place of the facts they stand for."""
    rest = [f for f in facts if id(f) not in items.facts]
    clauses = [statement] if statement else list(items.clauses) + (fact_clauses(rest) if rest else [])
    body = _join(clauses[:MAX_CLAUSES]) + ("ほか" if len(clauses) > MAX_CLAUSES else "")
    linked = cause_type == CauseType.COMMENT and bool(comments)
    if linked:
        for c in comments:
            action = unglued_labels(answer_action(c.response), facts)
            if reuse_answer(action, facts) and more_informative(action, clauses) and not only_places(action, facts):
                body = action
                break
    listed = body.startswith("・")
    if reason.strip():
        why = reason_from_note(reason)
        if listed:  # 令和8年度組織編制（案）を次のとおり反映 ・…を削除 ・…を追加
            return f"{why[:-3]}を次のとおり反映 {body}" if why.endswith("のため") else f"{why}、次のとおり変更 {body}"
        return f"{why}、{body}"
    if cause_type == CauseType.EXTERNAL and external is not None:
        if (not external.document or LAW_NUMBER.fullmatch(key(external.document))) and external.verb != "組織改正":
            # a law named by its number alone (「令和7年法律第60号」が制定された): by its name, as staff write it
            named = law_of_number(facts, external.document) if external.document else document_of_note(facts)
            if named:  # 「こども基本法」（令和6年法律第65号）: the law is named before its number
                external = dataclasses.replace(external, document=named)
        if external.document:
            whole = whole_name(external.document, [t for f in facts for t in (f.new_unit, f.old_unit)])
            external = dataclasses.replace(external, document=whole)
        # the passage citing the revision, named by what it brings (「重層的支援体制整備事業」に関する記述を追加)
        said_by_words = [beyond_lead_words(c, facts, external) for c in clauses]
        if said_by_words != clauses:
            clauses = said_by_words
            body = _join(clauses[:MAX_CLAUSES]) + ("ほか" if len(clauses) > MAX_CLAUSES else "")
        # an added phrase that only says what the reason says (「令和5年5月に改正された」)
        stamps = [x for x in (external.when, external.edition) if x]
        # …but a date written into the document's own citation (行動計画（令和６年12月閣議決定、令和７年６月改訂）) is the edit itself
        noted = [key(edit_core(f.new)) for f in facts if f.kind == TEXT and not f.old.strip() and _in_citation(f, external.document)]
        kept = [c for c in clauses if not (c.endswith(("を追加", "を追記")) and any(key(x) in key(c) for x in stamps))
                or any(n and n in key(c) for n in noted)]
        # the date of the revision replaced beside its name says what the reason says (「平成24年9月」を「令和5年3月」に)
        dated = [c for c in kept if (m := _REPLACED.fullmatch(c)) and external.when and key(m.group(2)) == key(external.when)]
        if dated and len(kept) > len(dated):
            kept = [c for c in kept if c not in dated]
            clauses = [c for c in clauses if c not in dated]
            body = _join(kept[:MAX_CLAUSES]) + ("ほか" if len(kept) > MAX_CLAUSES else "")
        if len(kept) < len(clauses):
            beyond = updated_beyond(facts, external)
            # words that only echo the reason add nothing to a row that says something else
            if beyond.endswith("を追記") or not kept:
                kept.append(beyond)
            kept = list(dict.fromkeys(kept))
            body = _join(kept[:MAX_CLAUSES]) + ("ほか" if len(kept) > MAX_CLAUSES else "")
        body = body.replace("に変更", "に更新")
        amending = _amending_law(body, external)
        if amending:  # the law said once: the amending law by its name and number is the reason
            return amending
        revised = _revised_law(body, external)
        if revised:  # the law said once: its revision by its number is the reason
            return revised
        if external.number and key(external.number) in key(body):
            external = dataclasses.replace(external, number="")  # the body quotes it already
        return f"{reason_for_external(external)}、{body}"
    if organisation and listed:
        return f"組織改正を次のとおり反映 {body}"
    if organisation and cause_type == CauseType.EXTERNAL:
        return f"組織改正に伴い、{body}"
    if listed:
        body = f"{_list_lead(facts)} {body}"
    if linked and style.comment_lead:
        return f"{style.comment_lead}{body}"
    return body


def whole_phrase_summary(facts: list[Fact]) -> str:
    """A row's summary when every other rule said nothing: its edits quoted
    whole (「old」を「new」に変更, 「new」を追加, 「old」を削除), or the words of
    its changes, or at least where it changed. Never empty: a row without a
    summary is never published."""
    clauses: list[str] = []
    for old, new in dict.fromkeys((one_line(f.old) or one_line(f.change.old_text), one_line(f.new) or one_line(f.change.new_text))
                                  for f in facts):
        old, new = _inner_quote(lead_words(old, MAX_QUOTE)) if old else "", _inner_quote(lead_words(new, MAX_QUOTE)) if new else ""
        if old and new and old != new:
            clauses.append(f"「{old}」を「{new}」に変更")
        elif new and not old:
            clauses.append(f"「{new}」を追加")
        elif old and not new:
            clauses.append(f"「{old}」を削除")
    if clauses:
        return _join(clauses[:MAX_CLAUSES]) + ("ほか" if len(clauses) > MAX_CLAUSES else "")
    title = section_title(facts[0]) if facts else ""
    return f"{title}の記載を変更" if title else "記載を変更"


def _inner_quote(text: str) -> str:
    return text.replace("「", "『").replace("」", "』")
