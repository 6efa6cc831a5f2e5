"""Editorial rule ``commitment``: a clause's predicate moved to another level of
commitment (「確保に努めます」→「確保に取り組みます」, 「導入を検討します」→「導入を
実施します」, 「連携を図ります」→「連携を進めます」, either way). The predicate is
read with the dictionary (SudachiPy): its head is the clause's last verb, or the
サ変 noun before する/行う (「開催を行います」 and 「開催します」 are both headed by
開催, so a 公用文 rewrite of the same predicate keeps its level and stays
editorial; so are 「調整を図ります」 and 「調整を行います」). Levels come from the rule
table (``commitment_levels``). Pure."""

from __future__ import annotations

from dataclasses import dataclass

from revtool.compare import morph
from revtool.compare.editorial_context import Context, _fmt, _sentence_at, _short

# the verbs that turn a サ変 noun into a predicate (開催する, 開催を行う, 調整を図る: 公用文's 〜を図る
# after a サ変 noun says 〜する, so 調整を図る → 調整を行う keeps its level; 図る after anything else is its own)
_LIGHT_VERBS = ("為る", "行う", "出来る", "図る")
_DO = "実施"  # the level of a サ変 noun + light verb that no level lists: the plan says it does it


@dataclass(frozen=True)
class Predicate:
    """A clause's predicate: its head word (dictionary form) and where it lies in the sentence."""

    head: str
    surface: str
    begin: int
    end: int
    known: bool = True  # the head is a word of the dictionary (推准, a typo of 推進, is none)


def clause_predicates(sentence: str) -> list[Predicate]:
    """The predicates that end a clause of ``sentence``: a verb (or a サ変 noun with
    する/行う, 「支援を行い」 = 「支援し」) followed by nothing but endings
    (auxiliaries, particles, dependent verbs: 努めてまいります) up to 、 or 。."""
    ms = [m for m in morph.morphemes(sentence) if m.pos != "空白"]
    out: list[Predicate] = []
    for j, m in enumerate(ms):
        if not (m.pos == "動詞" and (m.pos2 != "非自立可能" or m.normalized in _LIGHT_VERBS)):
            continue
        rest = ms[j + 1:]
        end = next((k for k, r in enumerate(rest) if r.is_punct), len(rest))
        if not all(r.is_function or (r.pos == "動詞" and r.pos2 == "非自立可能") for r in rest[:end]):
            continue
        start = m
        if m.normalized in _LIGHT_VERBS:
            k = j - 1
            if k >= 1 and ms[k].surface == "を" and ms[k].pos == "助詞":
                k -= 1  # 開催を行う: the noun before を
            if k >= 0 and ms[k].pos == "名詞" and ms[k].pos3 == "サ変可能":
                start = ms[k]
            elif m.pos2 == "非自立可能":
                continue  # する after anything else (そうする, 〜ようにする): no predicate of its own
        out.append(Predicate(start.normalized, sentence[start.begin:m.end], start.begin, m.end, not start.oov))
    return out


def _level(c: Context, p: Predicate) -> int | None:
    level = c.rules.commitment_level(p.head)
    if level is None and p.known and _is_suru_noun(p):  # a word the dictionary does not know says nothing
        level = c.rules.commitment_level(_DO)
    return level


def _is_suru_noun(p: Predicate) -> bool:
    """Whether the predicate is a サ変 noun with its light verb (開催する, 開催を行う)."""
    ms = morph.morphemes(p.surface)
    return len(ms) >= 2 and ms[0].pos == "名詞" and ms[-1].normalized in _LIGHT_VERBS


def _touched(c: Context, old: bool) -> tuple[str, Predicate | None]:
    """The sentence around the hunk and the clause predicate the change touches (None: none does)."""
    sentence, start, end = _sentence_at(c, old)
    h = c.hunk
    (oa, ob), (na, nb) = c.core_spans
    a, b = (oa - h.old_start + start, ob - h.old_start + start) if old else (na - h.new_start + start, nb - h.new_start + start)
    for p in clause_predicates(sentence):
        if p.begin < b and a < p.end or (a == b and p.begin < a < p.end):
            return sentence, p
    return sentence, None


def _t_commitment(c: Context) -> str | None:
    """A change that moves a clause's predicate to another level of commitment."""
    if not c.rules.morphology:
        return None
    a, b = c.core
    if not (a and b):
        return None
    _, old = _touched(c, True)
    _, new = _touched(c, False)
    if old is None or new is None:
        return None
    la, lb = _level(c, old), _level(c, new)
    if la is None or lb is None or la == lb:
        return None
    names = c.rules.commitment_levels
    way = "強める" if lb > la else "弱める"
    return (f"{_fmt(_short(old.surface), _short(new.surface))}（述語の確約の程度を{way}: "
            f"{old.head}（{names[la][0]}の段階）→ {new.head}（{names[lb][0]}の段階））")
