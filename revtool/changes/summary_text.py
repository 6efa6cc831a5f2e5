"""主な変更点, the words of one clause: a text edit quoted as whole words and
文節 (「A」を「B」に変更, 「X」を追記, 「…」の記述を削除), a number named by what it
counts (…の削減目標を上方修正（48% → 52%）), a long passage named by its 「」
names, its topic, the term its note explains or its first words, a law named
whole. The helpers every clause module shares live here. Pure.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from revtool.changes.facts import BLOCK_ADDED, TEXT, Fact, key
from revtool.changes.text_spans import edit_core
from revtool.changes.headings import heading_title
from revtool.changes.key_words import key_words
from revtool.changes.law_citation import LAW_NUMBER, cited_law
from revtool.compare import morph
from revtool.compare.chardiff import common_ends


MAX_QUOTE = 40  # longer spans are described, not quoted

_NUM = re.compile(r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?")
# a column header dated in brackets (現状値（令和5年度）): its name, its date
DATED_NOTE = re.compile(r"^(.+?)[（(]([^（）()]*[0-9０-９元]+年[^（）()]*)[）)]$")


def section_title(fact: Fact) -> str:
    return heading_title(fact.section_path[-1]) if fact.section_path else ""


def first_number(text: str) -> float | None:
    m = _NUM.search(unicodedata.normalize("NFKC", text))
    if not m:
        return None
    try:
        return float(m.group(0).replace(",", ""))
    except ValueError:
        return None


def _short(text: str, n: int = MAX_QUOTE) -> str:
    t = re.sub(r"[\s\u3000]+", " ", text).strip()
    return t if len(t) <= n else t[: n - 1] + "…"


def one_line(text: str) -> str:
    return re.sub(r"[\t\n]+", " ", text).strip()


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


def lead_words(text: str, n: int = 20) -> str:
    """The first words of ``text`` up to about ``n`` characters, cut after a
    whole 文節 (never inside a word or a 「」 name), with … when cut."""
    t = one_line(text)
    if len(t) <= n:
        return t
    head = t[: n + 20]
    cut = max((b for b in morph.phrase_bounds(head) if 0 < b <= n), default=0)
    s, e = morph.keep_whole(head, cut, cut)
    cut = s if s < cut else cut
    if cut <= 0:
        cut = morph.word_start(head, n) or n
    return t[:cut].rstrip("、。・ ") + "…"


def gist(text: str, marked: str = "", unit: str = "") -> str:
    """A long added or removed text named by what a reader looks for: its
    「」 names (「まちなか手続きガイド」に関する記述), else its own topic, else
    the terms it explains in a note (``marked``: the text with its note marks;
    「アウトリーチ」に関する記述), else its first words."""
    law = law_in(text) or _law_in_unit(text, unit)
    if law:
        return f"{law}に関する記述"
    names = _names(text)
    if names:
        return "".join(f"「{x}」" for x in names[:2]) + "に関する記述"
    t = _NOTE_MARK.sub("", one_line(text))  # a note mark (※７) is no word of the sentence
    topic = _TOPIC.match(t)
    if topic and len(t) - topic.end() >= 8:
        # the sentence's own topic first, then what it says: 若者の社会参画の推進について、「学校卒業後も…」
        return f"{topic.group(1)}について、「{lead_words(t[topic.end():])}」の記述"
    terms = _noted_terms(marked or text)
    if terms:
        return "".join(f"「{x}」" for x in terms[:2]) + "に関する記述"
    return f"「{lead_words(text)}」の記述"


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
        core = edit_core(span)
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
    after = at + len(edit_core(f.new))
    verb = next((m for m in morph.words_at(unit, after, after + 1) if m.begin == after), None)
    if verb is not None and verb.pos == "助詞" and verb.surface in ("が", "は", "を", "の"):
        return None  # the number is itself what the sentence talks about (第5.0版が最新版)
    action = verb.surface if verb is not None and verb.pos == "名詞" and verb.pos3 == "サ変可能" else ""
    if _TARGET_WORDS.search(unit):
        a, b = first_number(old), first_number(new)
        how = "変更" if a is None or b is None or a == b else "上方修正" if b > a else "下方修正"
        return f"{subject}の{action + '目標' if action else '目標値'}を{how}（{old} → {new}）"
    if subject.startswith("「") or unit[:at].rstrip(" \u3000").endswith(("（", "(")):
        return f"{subject}の「{old}」を「{new}」に変更"  # a note on a name: 「こども基本法」の「令和4年…」
    return f"{subject}{'の' + action if action else ''}を「{old}」から「{new}」に変更"


def document_of_note(facts: list[Fact]) -> str:
    """The name a changed law number or edition is a note on (「こども基本法」
    （令和4年法律第77号 → 令和6年法律第65号）), without its brackets; "" when
    the number stands alone."""
    for f in facts:
        if f.kind != TEXT or not f.old or not f.new or morph.is_quantity(edit_core(f.new)):
            continue
        unit, at = _place_in_unit(f)
        if at <= 0 or not unit[:at].rstrip(" \u3000").endswith(("（", "(")):
            continue
        name = morph.subject_before(unit, at).strip("「」『』")
        if name:
            return name
    return ""


def law_of_number(facts: list[Fact], number: str) -> str:
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


def _law_in_unit(text: str, unit: str) -> str:
    """The law ``text`` cites by its number, read in the paragraph ``unit`` it
    was cut from when ``text`` alone does not name it (the added sentence says
    「同法の改正（令和５年法律第３０号）」, the paragraph named the law before it)."""
    m = LAW_NUMBER.search(one_line(text))
    whole = one_line(unit)
    at = whole.find(m.group(0)) if m else -1
    return cited_law(whole, MAX_QUOTE * 2, at) if at >= 0 else ""


def law_in(text: str) -> str:
    """The law a passage cites by its number, as a summary names it (law_citation.cited_law)."""
    return cited_law(one_line(text), MAX_QUOTE * 2)


_NAME_STOP = frozenset("、。，．「」『』（）()\n\t 　はがを")
_DATE_END = frozenset("年月日度")
_LAW_ENDS = ("法", "法律", "条例", "政令", "省令")


def whole_name(name: str, texts: list[str]) -> str:
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


def text_clause(f: Fact) -> str:
    if _FOOTNOTE.match(f.new.strip()) and (not f.old.strip() or _FOOTNOTE.match(f.old.strip())):
        # a footnote added inside a reflowed paragraph pair (注112 112 財・サービス…), or one rewritten
        return NOTE_ADDED if not f.old.strip() else NOTE_REVISED
    if not f.old.strip() and _FOOTNOTE.match(f.new_unit.strip()):
        return NOTE_ADDED  # a note's text added where the notes below a paragraph were renumbered (※1 ウェルビーイング：…)
    old, new = _same_kind_of_words(*(_quote(_GLUED_NOTE_MARK.sub("", x))
                                     for x in _name_for_name(edit_core(f.old), edit_core(f.new))))
    for short, long_ in ((old, new), (new, old)):
        if short and len(long_) > len(short) + 1 and (long_.startswith(short) or long_.endswith(short)):
            # a word borrowed as context (a compound widened over glued cells): the rest was added or cut
            rest = (long_[len(short):] if long_.startswith(short) else long_[:-len(short)]).strip(" \u3000、")
            if rest and (len(long_) > MAX_QUOTE or re.search(r"[\u3000\t]", rest)):
                added = long_ is new
                return text_clause(dataclasses.replace(f, old="" if added else rest, new=rest if added else ""))
    multi = "。" in old.rstrip("。") or "。" in new.rstrip("。")
    if old and new and len(old) <= MAX_QUOTE and len(new) <= MAX_QUOTE and not multi:
        if morph.is_quantity(old) and morph.is_quantity(new):
            said = _number_clause(f, old, new)
            if said:
                return said
        else:
            # a verbal noun replaced is a predicate once its 文節 is whole (検討 → 検討する): said of its subject
            wo, wn = whole_phrases(f, old, new)
            if morph.is_predicate_only(wo) and morph.is_predicate_only(wn):
                # said of the numbered item (取組) it belongs to, by its name, else of the sentence's subject
                subject = f"「{f.item}」" if f.item else subject_of(f)
                if subject:
                    return f"{subject}について、「{wo}」を「{wn}」に変更"
    if old and new:
        if len(old) <= MAX_QUOTE and len(new) <= MAX_QUOTE and not multi:
            old, new = whole_phrases(f, *whole_compounds(f, old, new))
            old, new = with_annotated_word(f.old_unit, old), with_annotated_word(f.new_unit, new)
            return f"「{old}」を「{new}」に変更"
        return _rewrite_clause(f, old, new)
    if old:
        if len(old) <= MAX_QUOTE and not multi:
            return f"「{old}」を削除" if old.endswith("。") else f"「{old}」の文言を削除"  # a sentence is deleted whole
        return f"{gist(old, edit_core(f.old), f.change.old_text or f.old_unit)}を削除"
    if f.kind == BLOCK_ADDED and (len(new) > MAX_QUOTE or multi):
        return f"{gist(new, edit_core(f.new), f.change.new_text or f.new_unit)}を追加"
    if len(new) <= MAX_QUOTE and not multi:
        return f"「{new}」を追記"
    return f"{gist(new, edit_core(f.new), f.change.new_text or f.new_unit)}を追記"


COMPOUND_MAX = 25  # a compound longer than this is no name a reader looks for


def _compound_around(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened over the nouns (and 中点 between nouns) it touches."""
    ms = morph.morphemes(text)
    nominal = lambda m: m.pos in _NOMINAL and not m.is_punct  # noqa: E731
    # an edit inside a word (共生|社会 read as 共生社会) starts at that word
    start = next((m.begin for m in ms if m.begin < start < m.end), start)
    end = next((m.end for m in ms if m.begin < end < m.end), end)
    for _ in range(len(ms)):
        prev = next((m for m in ms if m.end == start), None)
        if prev is None or not (nominal(prev) or prev.surface == "・" and any(nominal(m) and m.end == prev.begin for m in ms)):
            break
        start = prev.begin
    for _ in range(len(ms)):
        nxt = next((m for m in ms if m.begin == end), None)
        if nxt is None or not (nominal(nxt) or nxt.surface == "・" and any(nominal(m) and m.begin == nxt.end for m in ms)):
            break
        end = nxt.end
    return start, end


def with_annotated_word(unit: str, quote: str) -> str:
    """A quote that starts with a parenthesis (「（＃7119）の導入について検討します」)
    begins inside a name: the bracket annotates the words before it
    (救急安心センター事業（＃7119）), so the quote takes those nouns too, while
    it stays short enough to quote."""
    if quote[:1] not in "（(" or not unit:
        return quote
    at = unit.find(quote)
    if at <= 0:
        return quote
    start, _ = _compound_around(unit, at, at)
    widened = unit[start:at] + quote
    return widened if start < at and len(widened) <= MAX_QUOTE + COMPOUND_MAX else quote


def whole_compounds(f: Fact, old: str, new: str) -> tuple[str, str]:
    """A word replaced inside a name, quoted as the whole names
    (社会政策課 → 地域社会政策課 inside 内閣府共生社会政策課 → 内閣府共生・地域社会政策課):
    the one edit between the two sentences widened over the nouns around it; the
    quotes as they were when the sentences differ elsewhere too or the names run long."""
    ou, nu = f.old_unit, f.new_unit
    if not ou or not nu or ou == nu:
        return old, new
    p, o_end, n_end = _one_edit(ou, nu)
    gone, came = ou[p:o_end].strip("・、 \u3000"), nu[p:n_end].strip("・、 \u3000")
    if key(gone) not in key(old) or key(came) not in key(new):
        return old, new  # the sentences differ in more than this edit
    os_, oe = _compound_around(ou, p, o_end)
    ns, ne = _compound_around(nu, p, n_end)
    wo, wn = ou[os_:oe].strip("・"), nu[ns:ne].strip("・")
    if not (key(old) in key(wo) and key(new) in key(wn)) or key(wo) == key(wn) \
            or len(wo) > COMPOUND_MAX or len(wn) > COMPOUND_MAX or (wo, wn) == (old, new):
        return old, new
    return wo, wn


def _one_edit(ou: str, nu: str) -> tuple[int, int, int]:
    """Where two sentences differ: the common prefix length and the ends of the edit in each."""
    p, q = common_ends(ou, nu)
    return p, len(ou) - q, len(nu) - q


def whole_phrases(f: Fact, old: str, new: str) -> tuple[str, str]:
    """A word replaced inside a 文節 quoted with the 文節's ending both sides share
    (SudachiPy morphemes): a サ変 noun with its する (「検討」→「推進」 in …を検討する。
    → 「検討する」を「推進する」), a phrase cut after a particle with the particles
    after it (「早期」→「2027年度まで」 before に → 「早期に」を「2027年度までに」).
    The quotes as they were when the sentences differ by more than this edit."""
    ou, nu = f.old_unit, f.new_unit
    if not ou or not nu or ou == nu or not old or not new:
        return old, new
    p, oe, ne = _one_edit(ou, nu)
    gone, came = ou[p:oe], nu[p:ne]
    if not gone.strip() or not came.strip() or not ou.endswith(old, 0, oe) or not nu.endswith(new, 0, ne):
        return old, new  # the quotes do not end where the sentences' one edit ends
    if key(gone) not in key(old) or key(came) not in key(new):
        return old, new
    tail = nu[ne:]
    after = morph.morphemes(tail)
    last_old = [m for m in morph.morphemes(ou[:oe]) if m.end == oe]
    last_new = [m for m in morph.morphemes(nu[:ne]) if m.end == ne]
    if not after or not last_old or not last_new:
        return old, new
    end = 0
    if all(m[-1].pos == "名詞" and m[-1].pos3 == "サ変可能" for m in (last_old, last_new)) \
            and after[0].pos == "動詞" and after[0].normalized == "為る":
        end = after[0].end  # 検討|する, 検討|さ|れ|た
        for m in after[1:]:
            if m.begin != end or m.pos != "助動詞":
                break
            end = m.end
    elif any(m[-1].pos == "助詞" for m in (last_old, last_new)) and after[0].pos == "助詞":
        for m in after:  # 2027年度まで|に
            if m.begin != end or m.pos != "助詞":
                break
            end = m.end
    if end <= 0:
        return old, new
    return old + tail[:end], new + tail[:end]


def _rewrite_clause(f: Fact, old: str, new: str) -> str:
    """A passage rewritten at length, named by the key words it gained and lost
    (whole words, names and numbers): 「担い手」を「地域の担い手」に変更 when one
    word became another; 地域コミュニティの変容の記述に「担い手」「令和5年度」を追記;
    …の記述から「…」を削除; the bare 「…の記述を更新」 only when no word changed."""
    title = section_title(f)
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
NOTE_ADDED = "注記を追加"  # said only when nothing else is
NOTE_REVISED = "注記を修正"
