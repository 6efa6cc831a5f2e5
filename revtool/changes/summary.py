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
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from revtool.changes.clause_merge import merge_rewrites
from revtool.changes.facts import (
    BLOCK_ADDED,
    BLOCK_DELETED,
    BLOCK_MOVED,
    CELL,
    COLUMN_ADDED,
    COLUMN_DELETED,
    ROW_ADDED,
    ROW_DELETED,
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
from revtool.changes.text_spans import edit_core as _core, text_spans
from revtool.changes.headings import heading_number, heading_title
from revtool.changes.item_markers import item_marker, marker_swaps, renumbered_item
from revtool.changes.key_words import key_words
from revtool.changes.external import External
from revtool.changes.text_match import bigrams
from revtool.compare import morph
from revtool.errors import WorkspaceError
from revtool.model import CauseType, Comment, SectionPath


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

MAX_QUOTE = 40  # longer spans are described, not quoted
MAX_CLAUSES = 3

_NUM = re.compile(r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?")


def _section_title(fact: Fact) -> str:
    return heading_title(fact.section_path[-1]) if fact.section_path else ""


def _first_number(text: str) -> float | None:
    m = _NUM.search(unicodedata.normalize("NFKC", text))
    if not m:
        return None
    try:
        return float(m.group(0).replace(",", ""))
    except ValueError:
        return None


def _is_target_column(column: str) -> bool:
    """A column of planned values: 目標値, or the 見込み of a 事業一覧 (見込み（令和8年度）)."""
    return bool(re.search(r"目標|見込", column))


def _target_word(column: str) -> str:
    """The column's head word without its note: 目標値（2030年度） → 目標値."""
    return re.split(r"[（(]", column, maxsplit=1)[0].strip()


_LIST_SEP = re.compile(r"[、\n]|(?<![0-9０-９])[,，]|[,，](?![0-9０-９])")  # not a thousands separator (1,500人)


def _list_items(text: str) -> list[str]:
    return [i.strip() for i in _LIST_SEP.split(text) if i.strip()]


def _short(text: str, n: int = MAX_QUOTE) -> str:
    t = re.sub(r"[\s\u3000]+", " ", text).strip()
    return t if len(t) <= n else t[: n - 1] + "…"


def _single_line(text: str) -> str:
    return re.sub(r"[\t\n]+", " ", text).strip()


# ---------------------------------------------------------------- clauses per fact kind


def _cell_clauses(facts: list[Fact]) -> list[str]:
    out: list[str] = []
    targets = [f for f in facts if _is_target_column(f.column) and not _is_header_cell(f)
               and _first_number(f.old) is not None and _first_number(f.new) is not None]
    if targets:
        ups = [(_first_number(f.new) or 0) > (_first_number(f.old) or 0) for f in targets]
        downs = [(_first_number(f.new) or 0) < (_first_number(f.old) or 0) for f in targets]
        how = "上方修正" if all(ups) else "下方修正" if all(downs) else "修正"
        title = _section_title(targets[0]) or "指標"
        items = " ".join(f"・{_single_line(f.row_key)} {_single_line(f.old)} → {_single_line(f.new)}" for f in targets)
        if len(targets) == 1:
            # named by its row, as staff write it: 成果指標「登録者数」の目標値を下方修正（5万人 → 3万人）
            t = targets[0]
            column = _single_line(t.column) if 0 < len(_single_line(t.column)) <= 12 else "目標値"
            # a title that already says the column is not repeated; a 事業's 見込み is named by the 事業 alone
            lead = "" if key(column) in key(title) or key(_target_word(column)) in key(title) or "見込" in column else title
            name = f"「{_single_line(t.row_key)}」" if t.row_key.strip() else ""
            out.append(f"{lead}{name}の{column}を{how}（{_single_line(t.old)} → {_single_line(t.new)}）" if name
                       else f"{title}の{column}を{how}（{_single_line(t.old)} → {_single_line(t.new)}）")
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
        old_t, new_t = _single_line(f.old), _single_line(f.new)
        header = _header_clause(f)
        if header:
            out.append(header)
            continue
        spans = text_spans(f.old, f.new)
        if len(spans) == 1 and (not f.old[spans[0][0]:spans[0][1]] or not f.new[spans[0][2]:spans[0][3]]):
            a1, a2, b1, b2 = spans[0]
            out.append(_text_clause(Fact(f.change, TEXT, old=f.old[a1:a2], new=f.new[b1:b2])))
            continue
        what = _single_line(f.column) or _section_title(f)
        row = _single_line(f.row_key)
        # the row the cell belongs to, unless the changed cell is the row's own name
        owner = f"「{row}」の" if row and f.column and key(row) not in (key(f.old), key(f.new)) \
            and key(f.old) not in key(row) and key(f.new) not in key(row) else ""
        if len(old_t) <= MAX_QUOTE * 2 and len(new_t) <= MAX_QUOTE * 2:
            if owner:
                out.append(f"{owner}{what}を「{old_t}」から「{new_t}」に変更")
            else:
                out.append(f"{what}の文言を「{old_t}」から「{new_t}」に変更" if what else f"「{old_t}」を「{new_t}」に変更")
        else:
            out.append(f"{_single_line(f.row_key) + 'の' if f.row_key else ''}{what or '記載内容'}を更新")
    if gone_all or came_all:
        out.append(" ".join([f"・{i}を削除" for i in gone_all] + [f"・{i}を追加" for i in came_all]))
    return out


_DATED_NOTE = re.compile(r"^(.+?)[（(]([^（）()]*[0-9０-９元]+年[^（）()]*)[）)]$")


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
    title = _section_title(f)
    old_t, new_t = _single_line(f.old), _single_line(f.new)
    a, b = _DATED_NOTE.match(old_t), _DATED_NOTE.match(new_t)
    if a and b and key(a.group(1)) == key(b.group(1)) and key(a.group(2)) != key(b.group(2)):
        return f"{title + 'の' if title else ''}{b.group(1).strip()}を{a.group(2)}から{b.group(2)}の値に更新"
    return f"{title + 'の' if title else ''}表の見出しを「{old_t}」から「{new_t}」に変更"


def _quote(text: str) -> str:
    """A span as quoted: a 「」 name without its own brackets (no 「「…」」);
    a name inside a longer quote in 『』, as quotes within quotes are written."""
    t = text.strip()
    if len(t) >= 2 and t[0] in "「『" and t[-1] in "」』" and not re.search(r"[「」『』]", t[1:-1]):
        return t[1:-1]
    return t.replace("「", "『").replace("」", "』")


_NAME = re.compile(r"「([^「」\n]{2,40})」|『([^『』\n]{2,40})』")


def _names(text: str) -> list[str]:
    """The 「」 names of a text, in order, without repeats."""
    return list(dict.fromkeys(m.group(1) or m.group(2) for m in _NAME.finditer(text)))


def _lead_words(text: str, n: int = 20) -> str:
    """The first words of ``text`` up to about ``n`` characters, cut after a
    whole 文節 (never inside a word or a 「」 name), with … when cut."""
    t = _single_line(text)
    if len(t) <= n:
        return t
    head = t[: n + 20]
    cut = max((b for b in morph.phrase_bounds(head) if 0 < b <= n), default=0)
    s, e = morph.keep_whole(head, cut, cut)
    cut = s if s < cut else cut
    if cut <= 0:
        cut = morph.word_start(head, n) or n
    return t[:cut].rstrip("、。・ ") + "…"


def _gist(text: str, marked: str = "") -> str:
    """A long added or removed text named by what a reader looks for: its
    「」 names (「まちなか手続きガイド」に関する記述), else its own topic, else
    the terms it explains in a note (``marked``: the text with its note marks;
    「アウトリーチ」に関する記述), else its first words."""
    names = _names(text)
    if names:
        return "".join(f"「{x}」" for x in names[:2]) + "に関する記述"
    t = _NOTE_MARK.sub("", _single_line(text))  # a note mark (※７) is no word of the sentence
    topic = _TOPIC.match(t)
    if topic and len(t) - topic.end() >= 8:
        # the sentence's own topic first, then what it says: 若者の社会参画の推進について、「学校卒業後も…」
        return f"{topic.group(1)}について、「{_lead_words(t[topic.end():])}」の記述"
    terms = _noted_terms(marked or text)
    if terms:
        return "".join(f"「{x}」" for x in terms[:2]) + "に関する記述"
    return f"「{_lead_words(text)}」の記述"


def _noted_terms(text: str) -> list[str]:
    """The terms a text explains in a note (アウトリーチ※1による働きかけ →
    アウトリーチ): the word a note mark is glued to is the one the sentence
    brings in, so the one a reader looks for."""
    out: list[str] = []
    for m in _GLUED_NOTE_MARK.finditer(text):
        words = [w for w in morph.words_at(text, max(0, m.start() - 1), m.start()) if w.end == m.start()]
        if not words or words[-1].pos not in _NOMINAL or words[-1].is_punct:
            continue
        s, e = morph.compound_span(text, words[-1].begin, words[-1].end)
        while s >= 2 and text[s - 1] == "・":  # 子ども・子育て支援法 is one name
            before = [w for w in morph.words_at(text, s - 2, s - 1) if w.end == s - 1 and w.pos in _NOMINAL]
            if not before:
                break
            s = morph.compound_span(text, before[0].begin, before[0].end)[0]
        term = text[s:e].strip("「」『』（）() 　")
        if len(term) >= 2 and term not in out:
            out.append(term)
    return out


_NOTE_MARK = re.compile(r"※[0-9０-９]+")
_GLUED_NOTE_MARK = re.compile(r"(?<=[^\s\u3000])※[0-9０-９]+")  # ウェルビーイング※1の向上: a mark, no word
_TOPIC = re.compile(r"^([^、。「」]{2,24}?)(?:に当たっては|に当たり|については|においては)、")


def _place_in_unit(f: Fact) -> tuple[str, int]:
    """The sentence of the fact's new text and where its quote starts in it."""
    for unit, span in ((f.new_unit, f.new), (f.old_unit, f.old)):
        core = _core(span)
        at = unit.find(core) if unit and core else -1
        if at >= 0:
            return unit, at
    return "", -1


def subject_of(f: Fact) -> str:
    """What a quoted number or bare predicate is about, in the plan's words
    (温室効果ガス排出量, 「こども基本法」, 地下水汚染に関する新たな支援制度)."""
    unit, at = _place_in_unit(f)
    return morph.subject_before(unit, at) if at > 0 else ""


_TARGET_WORDS = re.compile(r"目標|目指")


def _number_clause(f: Fact, old: str, new: str) -> str | None:
    """A number changed in a sentence, named by what it counts: 温室効果ガス排出量の
    削減目標を上方修正（48% → 52%）; a value that is no target: 区民の割合を
    「54.6%」から「60.1%」に変更. None when the sentence names nothing."""
    subject = subject_of(f)
    if len(subject.strip("「」『』")) < 2:
        return None  # a counter alone (年) names nothing
    unit, at = _place_in_unit(f)
    after = at + len(_core(f.new))
    verb = next((m for m in morph.words_at(unit, after, after + 1) if m.begin == after), None)
    if verb is not None and verb.pos == "助詞" and verb.surface in ("が", "は", "を", "の"):
        return None  # the number is itself what the sentence talks about (第5.0版が最新版)
    action = verb.surface if verb is not None and verb.pos == "名詞" and verb.pos3 == "サ変可能" else ""
    if _TARGET_WORDS.search(unit):
        a, b = _first_number(old), _first_number(new)
        how = "変更" if a is None or b is None or a == b else "上方修正" if b > a else "下方修正"
        return f"{subject}の{action + '目標' if action else '目標値'}を{how}（{old} → {new}）"
    if subject.startswith("「") or unit[:at].rstrip(" \u3000").endswith(("（", "(")):
        return f"{subject}の「{old}」を「{new}」に変更"  # a note on a name: 「こども基本法」の「令和4年…」
    return f"{subject}{'の' + action if action else ''}を「{old}」から「{new}」に変更"


def _document_of_note(facts: list[Fact]) -> str:
    """The name a changed law number or edition is a note on (「こども基本法」
    （令和4年法律第77号 → 令和6年法律第65号）), without its brackets; "" when
    the number stands alone."""
    for f in facts:
        if f.kind != TEXT or not f.old or not f.new or morph.is_quantity(_core(f.new)):
            continue
        unit, at = _place_in_unit(f)
        if at <= 0 or not unit[:at].rstrip(" \u3000").endswith(("（", "(")):
            continue
        name = morph.subject_before(unit, at).strip("「」『』")
        if name:
            return name
    return ""


def _law_of_number(facts: list[Fact], number: str) -> str:
    """The name a law number is a note on in the new text (…を改正する法律
    （令和７年法律第60号）), without brackets; "" when none is found."""
    wanted = unicodedata.normalize("NFKC", number)
    for f in facts:
        unit = unicodedata.normalize("NFKC", f.new_unit)
        at = unit.find(wanted)
        if at > 0 and unit[:at].rstrip(" ").endswith("("):
            cut = unit[:at].rstrip(" ").rfind("(")
            amending = _AMENDING.search(f.new_unit[:cut].rstrip(" \u3000"))
            head = f.new_unit[:cut].rstrip(" \u3000")
            # an amending law's name runs from the clause's start (…に関する法律の一部を改正する法律)
            whole = head[max(head.rfind("、"), head.rfind("。")) + 1:].strip() if amending else ""
            name = (whole if 0 < len(whole) <= MAX_QUOTE * 2 else morph.subject_before(f.new_unit, cut)).strip("「」『』")
            if len(name) >= 2:
                return name
    return ""


_NAME_STOP = frozenset("、。，．「」『』（）()\n\t 　はがを")
_DATE_END = frozenset("年月日度")
_LAW_ENDS = ("法", "法律", "条例", "政令", "省令")


def _whole_name(name: str, texts: list[str]) -> str:
    """A name cut short by whoever found it (「支援法」, 「特別措置法」) as the text
    writes it whole: widened to the left up to the clause's start, a particle
    (は, が, を), or the に after a date (令和7年11月に子ども・子育て支援法が改正され
    → 子ども・子育て支援法; …に空家等対策の推進に関する特別措置法 keeps its に関する)."""
    if not name.endswith(_LAW_ENDS):
        return name  # a plan or a strategy is named as found (国の… is no part of it)
    for text in texts:
        at = text.find(name)
        while at > 0:
            start = at
            while start > 0 and text[start - 1] not in _NAME_STOP \
                    and not (text[start - 1] == "に" and start >= 2 and text[start - 2] in _DATE_END):
                start -= 1
            # a relative clause before the name is no part of it (改正された介護保険法): cut after its auxiliary
            start += max((m.end for m in morph.morphemes(text[start:at]) if m.pos == "助動詞"), default=0)
            whole = text[start:at + len(name)]
            if whole != name and len(whole) <= MAX_QUOTE:
                return whole
            at = text.find(name, at + 1)
    return name


_AMENDING = re.compile(r"の一部を改正する(?:法律|政令|条例|省令)$")  # part of the name: …に関する法律の一部を改正する法律
_NOMINAL = ("名詞", "接頭辞", "接尾辞")


def _noun_run(text: str) -> int:
    """The length of the noun compound ``text`` starts with (0 when it starts otherwise)."""
    end = 0
    for m in morph.morphemes(text):
        if m.begin != end or m.pos not in _NOMINAL or m.is_punct:
            break
        end = m.end
    return end


def _same_kind_of_words(old: str, new: str) -> tuple[str, str]:
    """A name replaced by a name with the next words of its sentence on one side
    only (内閣官房…事務局 → 共生社会推進庁を中心に: the diff kept the particle and
    verb on the new side): each side quoted as the name it is."""
    for a, b in ((old, new), (new, old)):
        if a and b and _noun_run(a) == len(a) and 2 <= (n := _noun_run(b)) < len(b):
            rest = morph.morphemes(b[n:])
            if rest and rest[0].pos == "助詞" and key(a) not in key(b[:n]) and key(b[:n]) not in key(a):
                return (a, b[:n]) if a is old else (b[:n], a)
    return old, new


_FOOTNOTE = re.compile(r"^(?:注\s*[0-9０-９]{1,4}|※\s*[0-9０-９]{0,4})(?:\s|$)")


_LAW_NUMBER = re.compile(r"(?:令和|平成|昭和)[0-9０-９元]+年(?:法律|政令|条例|規則|省令|府令|告示)第[0-9０-９]+号")
_WHOLE_NAME = re.compile(r"「[^「」]+」|『[^『』]+』")


def _name_for_name(old: str, new: str) -> tuple[str, str]:
    """A 「」 name replaced by words holding one 「」 name (「第２期…総合戦略」 →
    令和７年６月に閣議決定された「地方創生２．０基本構想」): the name for the name,
    the rest (a date, 閣議決定された) being what the reason says."""
    for a, b in ((old, new), (new, old)):
        if _WHOLE_NAME.fullmatch(a.strip()) and key(a) != key(b):
            names = _names(b)
            if len(names) == 1 and key(names[0]) != key(a.strip()[1:-1]):
                return (a, f"「{names[0]}」") if a is old else (f"「{names[0]}」", a)
    return old, new


def _text_clause(f: Fact) -> str:
    if _FOOTNOTE.match(f.new.strip()) and (not f.old.strip() or _FOOTNOTE.match(f.old.strip())):
        # a footnote added inside a reflowed paragraph pair (注112 112 財・サービス…), or one rewritten
        return NOTE_ADDED if not f.old.strip() else NOTE_REVISED
    if not f.old.strip() and _FOOTNOTE.match(f.new_unit.strip()):
        return NOTE_ADDED  # a note's text added where the notes below a paragraph were renumbered (※1 ウェルビーイング：…)
    old, new = _same_kind_of_words(*(_quote(_GLUED_NOTE_MARK.sub("", x))
                                     for x in _name_for_name(_core(f.old), _core(f.new))))
    for short, long_ in ((old, new), (new, old)):
        if short and len(long_) > len(short) + 1 and (long_.startswith(short) or long_.endswith(short)):
            # a word borrowed as context (a compound widened over glued cells): the rest was added or cut
            rest = (long_[len(short):] if long_.startswith(short) else long_[:-len(short)]).strip(" \u3000、")
            if rest and (len(long_) > MAX_QUOTE or re.search(r"[\u3000\t]", rest)):
                added = long_ is new
                return _text_clause(dataclasses.replace(f, old="" if added else rest, new=rest if added else ""))
    multi = "。" in old.rstrip("。") or "。" in new.rstrip("。")
    if old and new and len(old) <= MAX_QUOTE and len(new) <= MAX_QUOTE and not multi:
        if morph.is_quantity(old) and morph.is_quantity(new):
            said = _number_clause(f, old, new)
            if said:
                return said
        elif morph.is_predicate_only(old) and morph.is_predicate_only(new):
            subject = subject_of(f)
            if subject:
                return f"{subject}について、「{old}」を「{new}」に変更"
    if old and new:
        if len(old) <= MAX_QUOTE and len(new) <= MAX_QUOTE and not multi:
            return f"「{old}」を「{new}」に変更"
        return _rewrite_clause(f, old, new)
    if old:
        if len(old) <= MAX_QUOTE and not multi:
            return f"「{old}」を削除" if old.endswith("。") else f"「{old}」の文言を削除"  # a sentence is deleted whole
        return f"{_gist(old, _core(f.old))}を削除"
    if f.kind == BLOCK_ADDED and (len(new) > MAX_QUOTE or multi):
        return f"{_gist(new, _core(f.new))}を追加"
    if len(new) <= MAX_QUOTE and not multi:
        return f"「{new}」を追記"
    return f"{_gist(new, _core(f.new))}を追記"


def _rewrite_clause(f: Fact, old: str, new: str) -> str:
    """A passage rewritten at length, named by the key words it gained and lost
    (whole words, names and numbers): 「担い手」を「地域の担い手」に変更 when one
    word became another; 地域コミュニティの変容の記述に「担い手」「令和5年度」を追記;
    …の記述から「…」を削除; the bare 「…の記述を更新」 only when no word changed."""
    title = _section_title(f)
    # a long title is the 項目 column's to say: the clause names the passage only
    where = title if 0 < len(title) <= WHERE_MAX else "本文" if not title else ""
    came, went = key_words(old, new)
    quoted = "".join(f"「{w}」" for w in came)
    if len(came) == 1 and len(went) == 1:
        return f"「{went[0]}」を「{came[0]}」に変更"
    of = f"{where}の" if where else ""
    if came and went:
        return f"{of}記述を更新し、{quoted}を追記"
    if came:
        return f"{of}記述に{quoted}を追記"
    if went:
        return f"{of}記述から{''.join(f'「{w}」' for w in went)}を削除"
    return f"{of}記述を更新"


WHERE_MAX = 15  # a section title longer than this is not repeated in a clause

def moved_clause(f: Fact) -> str:
    """A block moved to another section, said by what it says and the two places
    that differ (「…」の記述を施策「A」の現状と課題から施策「B」の現状と課題に移動): the
    headings both places share after the one that differs are said once each."""
    old_path, new_path = f.change.old_section_path, f.change.section_path
    shared = 0
    while shared < min(len(old_path), len(new_path)) - 1 and \
            key(heading_title(old_path[-1 - shared])) == key(heading_title(new_path[-1 - shared])):
        shared += 1
    tail = "".join("の" + heading_title(h) for h in new_path[len(new_path) - shared:])

    def place(path: SectionPath) -> str:
        return f"{_named_heading(path[len(path) - shared - 1])}{tail}"  # 施策「A」の現状と課題

    return f"{_gist(f.old)}を{place(old_path)}から{place(new_path)}に移動"


def _level_word(heading: str) -> str:
    """The word a heading's number is written with (施策５－１－３ → 施策,
    基本目標２ → 基本目標); "" for 第3章, （１） or a bare number."""
    m = re.match(r"[^\W\d_（(第]{2,6}(?=[0-9０-９])", heading_number(heading))
    return m.group(0) if m else ""


def _named_heading(heading: str) -> str:
    """A heading named in a sentence by its level word and title, as the plan
    calls it: 施策「重層的な支援体制の構築」, 政策「協働と多様性」, 「推進体制」."""
    return f"{_level_word(heading)}「{heading_title(_single_line(heading))}」"


def section_moved_clause(f: Fact) -> str:
    """A section moved: to another parent, said with both parents, as staff
    write it (施策「X」を政策「A」から政策「B」に移動; the headings both
    parents share below the one that differs said once each); within the same
    parent, only its place changed (「X」の掲載位置を変更)."""
    old_path, new_path = f.change.old_section_path, f.change.section_path
    title = heading_title(_single_line(new_path[-1])) if new_path else _section_title(f)
    old_up, new_up = old_path[:-1], new_path[:-1]
    same = [key(heading_title(h)) for h in old_up] == [key(heading_title(h)) for h in new_up]
    if not old_up or not new_up or same:
        return f"「{title}」の掲載位置を変更"
    shared = 0
    while shared < min(len(old_up), len(new_up)) - 1 and \
            key(heading_title(old_up[-1 - shared])) == key(heading_title(new_up[-1 - shared])):
        shared += 1
    tail = "".join("の" + heading_title(h) for h in new_up[len(new_up) - shared:])
    return (f"{_named_heading(new_path[-1])}を{_named_heading(old_up[len(old_up) - shared - 1])}{tail}から"
            f"{_named_heading(new_up[len(new_up) - shared - 1])}{tail}に移動")


TABLE_FACTS = (CELL, ROW_ADDED, ROW_DELETED)
NOTE_ADDED = "注記を追加"  # said only when nothing else is
NOTE_REVISED = "注記を修正"
MANY_TABLE_EDITS = 3  # from this many edits in one table, the table is "updated"


def _table_header(change_text: str) -> list[str]:
    first = change_text.split("\n", 1)[0]
    return [c.strip() for c in first.split("\t")] if "\t" in first else []


def _key_column(header: list[str]) -> str:
    for h in header:
        if h and not re.fullmatch(r"(No\.?|NO\.?|№|番号|項番|[#＃])", h.strip()):
            return h
    return header[0] if header else ""


def _numbers(heading: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"[0-9]+", unicodedata.normalize("NFKC", heading_number(heading))))


def _swapped(a: Fact, b: Fact) -> bool:
    """Two sections whose numbers traded order (施策4-2 ⇄ 施策4-3)."""
    oa, ob = _numbers(a.change.old_section_path[-1]), _numbers(b.change.old_section_path[-1])
    na, nb = _numbers(a.section_path[-1]), _numbers(b.section_path[-1])
    return bool(oa and ob and na and nb) and oa != ob and (oa < ob) != (na < nb)


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


def _item_head(f: Fact) -> str:
    """A list item named by its text: whole when short, else by the noun phrase
    its last predicate acts on (…、自然観察会に関する新たな技術の実証を進めます →
    自然観察会に関する新たな技術の実証), else by its first words."""
    _, body = item_marker(f.change.new_text)
    body = _single_line(body).rstrip("。")
    if len(body) <= ITEM_NAME_MAX:
        return body
    bounds = morph.phrase_bounds(body)
    last = bounds[-2] if len(bounds) >= 2 else 0
    named = morph.subject_before(body, last) if last > 0 else ""
    if ITEM_NAME_MIN <= len(named) <= MAX_QUOTE * 3 // 4 and not named.startswith("「"):
        return named
    return _lead_words(body, ITEM_NAME_MAX * 3 // 4)


def _under(path: SectionPath, root: SectionPath) -> bool:
    return bool(root) and tuple(path[:len(root)]) == tuple(root)


def _mentions(f: Fact, titles: list[str]) -> bool:
    """A table fact that lists one of the titles (the 施策の体系 line of the decision)."""
    if f.kind not in (CELL, ROW_ADDED, ROW_DELETED, TEXT) or not (f.column or f.kind != TEXT or "\t" in f.change.new_text):
        return False
    text = key(f.old + " " + f.new)
    return any(key(t) in text for t in titles if t)


def _order(path: SectionPath) -> tuple[int, ...]:
    return _numbers(path[-1]) if path else ()


TITLE_MAX = 30  # a heading line (（２）福祉との連携の促進) is short and ends no sentence


def _title_line(text: str) -> str:
    """The title of a numbered heading line (（３）バリアフリーの普及 →
    バリアフリーの普及); "" for a sentence or a line without a number."""
    t = text.strip()
    marker, body = item_marker(t)
    number = heading_number(t)
    if not (marker or number):
        return ""
    body = (body if marker else heading_title(t)).strip()
    return body if 0 < len(body) <= TITLE_MAX and "。" not in body else ""


def _merged_titles(facts: list[Fact], used: set[int]) -> list[str]:
    """Two headings that became one (a heading renamed to a name holding the
    words of a heading cut beside it, or two headings renamed to the same
    name): 「A」と「B」を統合し、名称を「C」に変更."""
    renames: list[tuple[Fact, str, str]] = []
    for f in facts:
        if id(f) in used:
            continue
        if f.kind == SECTION_RENAMED:
            renames.append((f, heading_title(_single_line(f.old)), heading_title(_single_line(f.new))))
        elif f.kind == TEXT and f.old and f.new:
            old_t, new_t = _title_line(f.change.old_text), _title_line(f.change.new_text)
            if old_t and new_t and key(old_t) != key(new_t):
                renames.append((f, old_t, new_t))
    cut: list[tuple[Fact, str]] = []
    for f in facts:
        if id(f) in used:
            continue
        if f.kind == SECTION_DELETED and f.change.old_section_path:
            cut.append((f, heading_title(f.change.old_section_path[-1])))
        elif f.kind in (BLOCK_DELETED, TEXT) and f.old and not f.new and _title_line(f.change.old_text) \
                and not f.change.new_text.strip():
            cut.append((f, _title_line(f.change.old_text)))
    out: list[str] = []
    for f, old_t, new_t in renames:
        if id(f) in used:
            continue
        partner = next(((g, t) for g, t in cut if id(g) not in used and len(key(t)) >= 2 and key(t) in key(new_t)
                        and key(t) not in key(old_t)), None)
        twin = next(((g, o) for g, o, n in renames if g is not f and id(g) not in used and key(n) == key(new_t)
                     and key(o) != key(old_t)), None)
        other = partner or twin
        if other is None:
            continue
        out.append(f"「{old_t}」と「{other[1]}」を統合し、名称を「{new_t}」に変更")
        used.update((id(f), id(other[0])))
        # the same merge echoed elsewhere (the 施策体系 line): said once
        used.update(id(g) for g, o, n in renames if key(n) == key(new_t))
    return out


def split_or_merge(facts: list[Fact]) -> tuple[list[str], set[int]]:
    """A 施策 split in two or two merged into one, said in one clause the way
    staff write it, and the facts that clause stands for (the new section's
    contents, the subsections that moved with it, the donor's cut, the
    施策の体系 lines): 「電子決裁の推進」から「相談体制の推進」を分割;
    「就労支援による地域づくり」と「キャッシュレス決済の推進」を統合し、名称を
    「就労支援とキャッシュレス決済の一体的な推進」に変更."""
    clauses: list[str] = []
    used: set[int] = set()
    renamed = [f for f in facts if f.kind == SECTION_RENAMED]
    for d in (f for f in facts if f.kind == SECTION_DELETED):
        gone = d.change.old_section_path
        partner = next((r for r in renamed if id(r) not in used and gone and r.change.old_section_path
                        and r.change.old_section_path[:-1] == gone[:-1]), None)
        if partner is None:
            continue
        into = partner.section_path
        first, second = sorted((gone, partner.change.old_section_path), key=_order)
        titles = [heading_title(first[-1]), heading_title(second[-1]), heading_title(into[-1])]
        clauses.append(f"「{titles[0]}」と「{titles[1]}」を統合し、名称を「{titles[2]}」に変更")
        used.update(id(f) for f in facts if f is d or f is partner or _under(f.section_path, into)
                    or _under(f.change.old_section_path, gone) or _mentions(f, titles))
    clauses += _merged_titles(facts, used)
    for a in (f for f in facts if f.kind == SECTION_ADDED and id(f) not in used):
        new = a.section_path
        if not new:
            continue
        depth = len(new)

        def sibling(path: SectionPath) -> bool:
            return len(path) >= depth and tuple(path[:depth - 1]) == tuple(new[:depth - 1]) and path[depth - 1] != new[-1]

        moved = [f for f in facts if f.change.block_kind == "section" and f is not a and _under(f.section_path, new)
                 and sibling(f.change.old_section_path)]
        cut = [f for f in facts if f.polarity == "-" and sibling(f.section_path) and f.kind != SECTION_DELETED]
        donor_path = (moved[0].change.old_section_path if moved else cut[0].section_path if cut else ())
        titles = [heading_title(new[-1])]
        if donor_path:
            clauses.append(f"「{heading_title(donor_path[depth - 1])}」から「{titles[0]}」を分割")
        elif any(f.change.block_kind == "section" and f is not a and _under(f.section_path, new) for f in facts):
            # its subsections came from elsewhere: a new section, said once (not 「現状と課題」の掲載位置を変更)
            clauses.append(f"「{titles[0]}」を新たに掲載")
        else:
            continue
        used.update(id(f) for f in facts if f is a or _under(f.section_path, new) or f in cut
                    or (f.change.block_kind == "section" and _under(f.section_path, new)) or _mentions(f, titles))
    return clauses, used


def _item_name(f: Fact) -> str:
    """The name of a list item that is a title ((エ)空き家の除却費用の助成): its
    text without the marker when short and no sentence; "" otherwise."""
    if f.change.block_kind != "list":
        return ""
    marker, body = item_marker(_single_line(f.new or f.old))
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
        if f.kind in TABLE_FACTS and not _is_target_column(f.column):
            caption = f.change.location.split(" ")[0] if f.change.location else f.change.id
            per_table.setdefault(f"{f.section_path}|{caption}", []).append(f)
    bulk: set[int] = set()
    for _, fs in per_table.items():
        if len(fs) >= MANY_TABLE_EDITS and all(f.kind == ROW_ADDED for f in fs):
            bulk.update(id(f) for f in fs)
            names = [f"「{_single_line(f.row_key)}」" for f in fs]
            more = f"ほか{len(names) - 3}件" if len(names) > 3 else ""
            title = _section_title(fs[0])
            clauses.append(f"{title + 'に' if title else ''}{''.join(names[:3])}{more}を追加")
        elif len(fs) >= MANY_TABLE_EDITS:
            bulk.update(id(f) for f in fs)
            header = list(fs[0].header) or _table_header(fs[0].change.new_text or fs[0].change.old_text)
            columns = Counter(f.column for f in fs if f.column)
            what = _key_column(header) or (columns.most_common(1)[0][0] if columns else _section_title(fs[0]))
            clauses.append(f"{_single_line(what)}の一覧を更新")
    for a, b in _item_swaps(facts):
        bulk.update((id(a), id(b)))
        title = _section_title(a)
        ma, mb = item_marker(a.change.old_text)[0], item_marker(b.change.old_text)[0]
        clauses.append(f"{title + 'の' if title else ''}{ma}「{_item_head(a)}」と{mb}「{_item_head(b)}」の順序を入れ替え")
    bulk.update(id(d) for d in _item_descriptions(facts))
    cells = [f for f in facts if id(f) not in bulk and (f.kind == CELL or (f.kind == TEXT and f.column))]
    if cells:
        clauses.extend(_cell_clauses(cells))
    for f in facts:
        title = _section_title(f)
        if f in cells or id(f) in bulk:
            continue
        if f.kind == TEXT:
            clauses.append(_text_clause(f))
        elif f.kind == COLUMN_ADDED:
            clauses.append(f"{title + 'の表' if title else '表'}に「{_single_line(f.column)}」欄を追加")
        elif f.kind == COLUMN_DELETED:
            clauses.append(f"{title + 'の表' if title else '表'}から「{_single_line(f.column)}」欄を削除")
        elif f.kind == ROW_ADDED:
            where, head = _row_place(f, title)
            clauses.append(f"{where}に「{_single_line(f.row_key)}」{'の' + head if head else ''}を追加")
        elif f.kind == ROW_DELETED:
            where, head = _row_place(f, title)
            clauses.append(f"{where}から「{_single_line(f.row_key)}」{'の' + head if head else ''}を削除")
        elif f.kind == BLOCK_ADDED:
            text = f.new.strip()
            named = _item_name(f)
            if text.startswith(("※", "注")):
                clauses.append(NOTE_ADDED)
            elif named:
                clauses.append(f"{title + 'に' if title else ''}「{named}」を追加")  # 主な取組に「…」を追加
            else:
                clauses.append(_text_clause(f))
        elif f.kind == BLOCK_DELETED:
            listed_item = f.change.block_kind == "list"
            said = _text_clause(dataclasses.replace(f, old=item_marker(f.old)[1]) if listed_item else f)
            if listed_item and title and not said.startswith("「" + title):
                said = f"{title}から{said.replace('の記述を削除', 'を削除').replace('の文言を削除', 'を削除')}"  # 主な取組から「…」を削除
            clauses.append(said)
        elif f.kind == BLOCK_MOVED:
            clauses.append(moved_clause(f))
        elif f.kind == TABLE_ADDED:
            clauses.append(f"{title}に表を追加" if title else "表を追加")
        elif f.kind == TABLE_DELETED:
            clauses.append(f"{title}の表を削除" if title else "表を削除")
        elif f.kind == SECTION_ADDED:
            clauses.append(f"「{heading_title(f.section_path[-1])}」を掲載")
        elif f.kind == SECTION_DELETED:
            clauses.append(f"「{heading_title((f.change.old_section_path or f.section_path)[-1])}」を削除")
        elif f.kind == SECTION_RENAMED:
            clauses.append(f"名称を「{heading_title(_single_line(f.old))}」から「{heading_title(_single_line(f.new))}」に変更")
        elif f.kind == SECTION_MOVED:
            moved = [g for g in facts if g.kind == SECTION_MOVED]
            if len(moved) == 2 and moved[0].section_path[:-1] == moved[1].section_path[:-1] and \
                    heading_title(moved[0].section_path[-1]) != heading_title(moved[1].section_path[-1]) and \
                    _swapped(moved[0], moved[1]):
                # two siblings that traded places (the changelog pairs them only then)
                a, b = sorted(moved, key=lambda g: g.change.old_section_path)
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


def _drop_repeats(clauses: list[str]) -> list[str]:
    """One replacement said twice (in a table cell and in the text): keep the
    shorter quote."""
    pairs = {c: _REPLACED.search(c) for c in clauses}
    out = []
    for c in clauses:
        m = pairs[c]
        if m and any(
            o is not c and pairs[o] is not None and pairs[o].group(1) in m.group(1) and pairs[o].group(2) in m.group(2)  # type: ignore[union-attr]
            and (pairs[o].group(1), pairs[o].group(2)) != (m.group(1), m.group(2))  # type: ignore[union-attr]
            for o in clauses
        ):
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


# ---------------------------------------------------------------- reasons and answers

_ACTION = re.compile(
    r"(記載|追記|表記|掲載|明記|追加|修正|変更|反映|加筆|更新|削除|整理|見直)(する|します|いたします|しました|した)。?$"
)


def answer_action(response: str) -> str:
    """The part of a 反映 answer that says what is edited, as a noun phrase:
    「…ため、成果指標欄の見直しを行い、設定理由等を表記する。」 → 「成果指標欄の見直しを行い、設定理由等を表記」."""
    sentences = [s.strip() for s in re.split(r"(?<=。)|\n|<p>|</p>", response) if s and s.strip()]
    for s in reversed(sentences):
        s = s.rstrip("。 ")
        m = _ACTION.search(s + "。") or _ACTION.search(s)
        if not m:
            continue
        body = s
        cut = max(body.rfind("ため、"), body.rfind("ので、"), body.rfind("とおり、"))
        if cut >= 0:
            body = body[body.index("、", cut) + 1 :]
        body = re.sub(r"(する|します|いたします|しました|した)$", "", body)
        body = re.sub(r"^(?:いただいた)?(?:ご|御)(?:指摘|意見|提案|要望)(?:の(?:趣旨|内容|点))?(?:のとおり|を踏まえ(?:て)?|を受け(?:て)?|に基づき)、?", "", body)
        # the place the answer names (第２部第４章第４節に、) is the 項目 column's job
        body = re.sub(r"^(?:第[0-9０-９一二三四五六七八九十]+[部章節](?:の[0-9０-９]+)?)+(?:[0-9０-９]+[.．]?)?(?:に|の|において)、?", "", body)
        return body.strip("、 ")
    return ""


def unglued_labels(text: str, facts: list[Fact]) -> str:
    """A section named in an answer by its number glued to its title
    (「1生物多様性の保全の記述に…」, 「2　プラスチック…」) is named by its title
    alone, as staff write it in a sentence (the 項目 column gives the number)."""
    headings = {h for f in facts for path in (f.section_path, f.change.old_section_path) for h in path}
    for h in sorted(headings, key=len, reverse=True):
        number, title = heading_number(h), heading_title(h)
        if not number or not title or title == h.strip():
            continue
        digits = "".join(f"[{d}{chr(ord(d) + 0xFEE0)}]" if d.isascii() and d.isdigit() else re.escape(d)
                         for d in unicodedata.normalize("NFKC", number))
        glued = re.compile(f"(?<![0-9０-９]){digits}[\\s\u3000]*(?={re.escape(title)})")
        text = glued.sub("", text)
    return text


def _reuse_answer(action: str, facts: list[Fact]) -> bool:
    """Whether the answer's action phrase describes these facts: it quotes a
    changed phrase or shares enough character bigrams with the changed text."""
    if not action:
        return False
    changed = " ".join(f.new + " " + f.old + " " + f.column + " " + (heading_title(f.section_path[-1]) if f.section_path else "") for f in facts)
    for q in re.findall(r"「([^」]{2,60})」", action):
        if key(q) in key(changed):
            return True
    a, b = bigrams(action), bigrams(changed)
    if not a:
        return False
    shared = sum(1 for g in a if g in b)
    return shared / len(a) >= 0.3


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


def _more_informative(action: str, clauses: list[str]) -> bool:
    """Whether the answer's wording says at least what the first clause says:
    it names the clause's quoted phrases and is longer."""
    if not clauses:
        return True
    first = clauses[0]
    if "…」" in first or first.endswith("の記述を更新"):
        return True  # the clause only describes; the answer says what was written
    quotes = re.findall(r"「([^」]+)」", first)
    for q in quotes:
        qb = bigrams(q)
        covered = sum(1 for g in qb if g in bigrams(action)) / len(qb) if qb else 0.0
        if key(q) not in key(action) and covered < 0.6:
            return False
    return len(action) > len(first)


def _updated_beyond(facts: list[Fact], external: External) -> str:
    """What a row caused by an outside revision says of the words it added
    beyond the revision's own name and date: their key words (…の記述に「X」を
    追記), not the bare 「…の記述を更新」 unless there are none."""
    title = _section_title(facts[0]) if facts else ""
    where = title if 0 < len(title) <= WHERE_MAX else ""
    said = key(" ".join((external.document, external.when, external.edition, external.verb, external.finding)))
    old = "\n".join(f.old for f in facts if f.kind == TEXT)
    new = "\n".join(f.new for f in facts if f.kind == TEXT)
    came = [w for w in key_words(old, new)[0] if key(w) not in said and not morph.is_quantity(w)]
    if came:
        return f"{where + 'の' if where else ''}記述に{''.join(f'「{w}」' for w in came)}を追記"
    return f"{title}の記述を更新" if title else "記述を更新"


def reason_for_external(ext: External) -> str:
    doc = f"「{ext.document}」" if ext.document else ""
    when = f"{ext.when}に" if ext.when else ""
    if ext.verb == "組織改正":
        return "組織改正に伴い"
    if ext.finding and doc:
        return f"{when}{doc}{ext.edition if ext.edition and ext.edition not in doc else ''}が{ext.verb}され、{ext.finding}が示されたため"
    if doc:
        ed = f"が{ext.edition}に{ext.verb}" if ext.edition and ext.edition not in doc else f"が{ext.verb}"
        return f"{when}{doc}{ed}されたため"
    if ext.edition:
        return f"{when}{ext.edition}への{ext.verb}に伴い"
    return f"{when}関係する計画等の{ext.verb}に伴い"


_ENDS_AS_REASON = re.compile(r"(ため|ので|に伴い|に伴う|により|によって|を踏まえ|を受け|に基づき|に合わせ)、?$")


def reason_from_note(note: str) -> str:
    """The staff's note as the reason in front of a summary: 組織改正 →
    組織改正のため, 誤解を招く表現であった → …であったため; a note that already
    reads as a reason (…に伴い, …を踏まえ) is kept."""
    n = note.strip().rstrip("。、 ")
    if not n or _ENDS_AS_REASON.search(n):
        return n
    last = [m for m in morph.morphemes(n) if not m.is_punct or m.pos2 == "括弧閉"]
    if last and last[-1].pos in ("動詞", "助動詞", "形容詞") and last[-1].form.startswith(("終止形", "連体形")):
        return n + "ため"
    return n + "のため"


def _list_lead(facts: list[Fact]) -> str:
    title = _section_title(facts[0]) if facts else ""
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
) -> str:
    """The 主な変更点 of one row. ``reason`` is the staff's note on the row's
    cause (decisions.toml), printed as the reason; ``style`` the ward's habits;
    ``statement`` the row's decision in words when no fact says it (a 施策 split
    off a sibling whose cut is an echo: 「A」から「B」を分割), said instead of the facts."""
    clauses = [statement] if statement else fact_clauses(facts)
    body = _join(clauses[:MAX_CLAUSES]) + ("ほか" if len(clauses) > MAX_CLAUSES else "")
    linked = cause_type == CauseType.COMMENT and bool(comments)
    if linked:
        for c in comments:
            action = unglued_labels(answer_action(c.response), facts)
            if _reuse_answer(action, facts) and _more_informative(action, clauses):
                body = action
                break
    listed = body.startswith("・")
    if reason.strip():
        why = reason_from_note(reason)
        if listed:  # 令和8年度組織編制（案）を次のとおり反映 ・…を削除 ・…を追加
            return f"{why[:-3]}を次のとおり反映 {body}" if why.endswith("のため") else f"{why}、次のとおり変更 {body}"
        return f"{why}、{body}"
    if cause_type == CauseType.EXTERNAL and external is not None:
        if (not external.document or _LAW_NUMBER.fullmatch(key(external.document))) and external.verb != "組織改正":
            # a law named by its number alone (「令和7年法律第60号」が制定された): by its name, as staff write it
            named = _law_of_number(facts, external.document) if external.document else _document_of_note(facts)
            if named:  # 「こども基本法」（令和6年法律第65号）: the law is named before its number
                external = dataclasses.replace(external, document=named)
        if external.document:
            whole = _whole_name(external.document, [t for f in facts for t in (f.new_unit, f.old_unit)])
            external = dataclasses.replace(external, document=whole)
        # an added phrase that only says what the reason says (「令和5年5月に改正された」)
        stamps = [x for x in (external.when, external.edition) if x]
        kept = [c for c in clauses if not (c.endswith(("を追加", "を追記")) and any(key(x) in key(c) for x in stamps))]
        # the date of the revision replaced beside its name says what the reason says (「平成24年9月」を「令和5年3月」に)
        dated = [c for c in kept if (m := _REPLACED.fullmatch(c)) and external.when and key(m.group(2)) == key(external.when)]
        if dated and len(kept) > len(dated):
            kept = [c for c in kept if c not in dated]
            clauses = [c for c in clauses if c not in dated]
            body = _join(kept[:MAX_CLAUSES]) + ("ほか" if len(kept) > MAX_CLAUSES else "")
        if len(kept) < len(clauses):
            beyond = _updated_beyond(facts, external)
            # words that only echo the reason add nothing to a row that says something else
            if beyond.endswith("を追記") or not kept:
                kept.append(beyond)
            kept = list(dict.fromkeys(kept))
            body = _join(kept[:MAX_CLAUSES]) + ("ほか" if len(kept) > MAX_CLAUSES else "")
        body = body.replace("に変更", "に更新")
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
