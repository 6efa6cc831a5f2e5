"""主な変更点, the reason and the answer: a 反映 answer's own wording reused when
it says more than the facts, the reason in front of a row (「…」が改定されたため、,
the staff's note as …のため). Pure.
"""

from __future__ import annotations

import re
import unicodedata

from revtool.changes.facts import TEXT, Fact, key
from revtool.changes.headings import heading_number, heading_title
from revtool.changes.key_words import key_words
from revtool.changes.external import BASIS, External
from revtool.changes.law_citation import ACT_NUMBER
from revtool.changes.text_match import bigrams
from revtool.compare import morph
from revtool.changes.summary_text import section_title, WHERE_MAX
from revtool.text_chars import HIRAGANA


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


def reuse_answer(action: str, facts: list[Fact]) -> bool:
    """Whether the answer's action phrase describes these facts: it quotes a
    changed phrase or shares enough character bigrams with the changed text."""
    if not action:
        return False
    changed = " ".join(f.new + " " + f.old + " " + f.column + " " + (heading_title(f.section_path[-1]) if f.section_path else "") for f in facts)
    for q in re.findall(r"「([^」]{2,60})」", action):
        if key(q) in key(changed):
            return True
    words = content_nouns(action)
    if len(words) >= CONTENT_NOUNS and all(key(w) in key(changed) for w in words):
        return True  # every thing the answer speaks of is in the edit (毎年度進捗状況を公表することを…に記載)
    a, b = bigrams(action), bigrams(changed)
    if not a:
        return False
    shared = sum(1 for g in a if g in b)
    return shared / len(a) >= 0.3


CONTENT_NOUNS = 3  # so many of an answer's own nouns all found in the edit say it describes the edit
# nouns that say how a plan is edited or where, not what it says
_EDIT_NOUNS = frozenset("記載 追記 表記 掲載 明記 追加 修正 変更 反映 加筆 更新 削除 整理 見直し 記述 文言 表現 内容".split())
_KANA_WORD = re.compile(f"[{HIRAGANA}]+")


def content_nouns(text: str) -> list[str]:
    """The nouns of an answer's action that name what it speaks of (年度, 進捗状況,
    公表): not a formal noun (こと), not a one-character word (部, 章 of a place
    第３部第３章), not the editing itself (記載, 追加, 記述)."""
    return [m.surface for m in morph.morphemes(text)
            if m.pos == "名詞" and m.pos2 not in ("数詞", "代名詞") and len(m.surface) >= 2
            and not _KANA_WORD.fullmatch(m.surface) and m.surface not in _EDIT_NOUNS]


def more_informative(action: str, clauses: list[str]) -> bool:
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


def only_places(action: str, facts: list[Fact]) -> bool:
    """Whether an answer's action names nothing but the places of the edit
    (「施策１．３の現状と課題に追記」): every noun of it is a word of a heading the
    facts sit under, and it quotes nothing — the reader learns where, not what."""
    if "「" in action:
        return False
    headings = key(" ".join(h for f in facts for path in (f.section_path, f.change.old_section_path) for h in path))
    return all(key(w) in headings for w in content_nouns(action))


def updated_beyond(facts: list[Fact], external: External) -> str:
    """What a row caused by an outside revision says of the words it added
    beyond the revision's own name and date: their key words (…の記述に「X」を
    追記), not the bare 「…の記述を更新」 unless there are none."""
    title = section_title(facts[0]) if facts else ""
    where = title if 0 < len(title) <= WHERE_MAX else ""
    said = key(" ".join((external.document, external.when, external.edition, external.verb, external.finding)))
    old = "\n".join(f.old for f in facts if f.kind == TEXT)
    new = "\n".join(f.new for f in facts if f.kind == TEXT)
    came = [w for w in key_words(old, new)[0] if key(w) not in said and not morph.is_quantity(w)]
    if came:
        return f"{where + 'の' if where else ''}記述に{''.join(f'「{w}」' for w in came)}を追記"
    return f"{title}の記述を更新" if title else "記述を更新"


# a long added text named by its first words (「令和7年には社会福祉法が改正…」の記述を追加): says nothing
_LEAD_QUOTE = re.compile(r"^「([^「」]+)…」の記述を(追加|追記)$")


def beyond_lead_words(clause: str, facts: list[Fact], external: External) -> str:
    """A clause that names an added passage by its first words, when the passage is
    the one that cites the outside revision (令和7年には社会福祉法が改正（令和7年法律第41号）
    され、…重層的支援体制整備事業について…): said by the key words it brings beyond the
    reason's own (the document, its number and date), as staff write it
    (「重層的支援体制整備事業」に関する記述を追加); the clause as it was otherwise."""
    m = _LEAD_QUOTE.match(clause)
    if not m or not external.document:
        return clause
    said = key(" ".join((external.document, external.number, external.when, external.edition, external.verb)))
    for f in facts:
        new = f.new.strip()
        if not new or f.old.strip() or key(m.group(1)) not in key(new) or key(external.document) not in key(new):
            continue
        came = [w for w in key_words("", new)[0] if key(w) not in said and not morph.is_quantity(w)]
        if came:
            return "".join(f"「{w}」" for w in came[:2]) + f"に関する記述を{m.group(2)}"
    return clause


def reason_for_external(ext: External) -> str:
    doc = f"「{ext.document}」" if ext.document else ""
    when = f"{ext.when}に" if ext.when else ""
    if doc and ext.number and ext.number not in ext.document and ext.verb == "改正" and ACT_NUMBER.fullmatch(ext.number):
        # a law revised by the act of that number: 「社会福祉法」が改正（令和7年法律第41号）されたため
        return f"{when}{doc}が改正（{ext.number}）されたため"
    if doc and ext.number and ext.number not in ext.document and ext.verb != BASIS:
        doc += f"（{ext.number}）"  # a law said with its number, as the plan cites it
    if ext.verb == "組織改正":
        return "組織改正に伴い"
    if ext.verb == BASIS and doc:
        return f"{doc}{ext.number}に基づき"  # a law's article the plan now follows: 「…法律」第8条第1項に基づき
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
