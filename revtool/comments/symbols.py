"""Answer categories written as bare symbols (対応区分 「A」…「E」, 「◎」「○」「△」「×」)
and what each one means.

A legend in the file (「対応区分　Ａ：御意見を踏まえ計画に反映したもの　Ｂ：既に計画に
記載しているもの…」, the lines above the table) names each symbol's class, and wins.
Without one, a symbol's class is learned from the answers it labels: the class
the answer-text classifier gives most of them, counted over the answers read on
their own words (not その他, not a pointer to another row), when at least
``MIN_VOTES`` agree and make at least ``MIN_SHARE`` of those read. The learned
class is used only for answers whose own words decide nothing (その他 without a
phrase: 「…についてコラムで紹介することとしました」 under a symbol whose other
answers all say 反映). The evidence names the symbol and the vote. Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from revtool.model import Comment, ResponseType

MIN_VOTES = 2  # answers read on their own words that agree on the symbol's class
MIN_SHARE = 0.75  # ... and their share of the symbol's answers so read

_MARKS = "◎○〇△×✕▲●■□◇◆☆★▽▼"
_SYMBOL = re.compile(rf"[A-Z]|[{_MARKS}]|\d{{1,2}}")
# a legend entry: 「Ａ：御意見を踏まえ…もの」 up to the next entry or the end of the line
_ENTRY = re.compile(rf"(?:^|(?<=[\s、,，（(【]))([A-Za-z{_MARKS}]|\d{{1,2}})\s*[：:＝=]\s*"
                    rf"(.+?)(?=\s+(?:[A-Za-z{_MARKS}]|\d{{1,2}})\s*[：:＝=]|$)")


def symbol_key(cell: str) -> str:
    """The symbol a category cell consists of (「Ａ」→ A, 「〇」→ ○), or "" when
    the cell says more than a symbol (「反映」「A 反映」)."""
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell or "")).upper().replace("〇", "○").replace("✕", "×")
    return key if _SYMBOL.fullmatch(key) else ""


def parse_legend(lines: Iterable[str]) -> dict[str, str]:
    """Symbol → its description, from the lines of a legend (「Ａ：…もの　Ｂ：…もの」,
    one entry or several a line). Only a legend of two symbols or more counts:
    a single 「A：…」 line is not one."""
    found: dict[str, str] = {}
    for line in lines:
        text = unicodedata.normalize("NFKC", line or "").replace("\u3000", " ").strip()
        text = re.sub(r"^[【\[(（]?(?:対応区分|区分|凡例|対応)[】\])）]?\s*[:：]?\s*", "", text)
        for m in _ENTRY.finditer(text):
            key = symbol_key(m.group(1))
            desc = m.group(2).strip(" 　、,")
            if key and desc and key not in found:
                found[key] = desc
    return found if len(found) >= 2 else {}


def legend_type(description: str) -> ResponseType | None:
    """The class a legend's description names (「既に計画に記載しているもの」→ 既記載)."""
    from revtool.comments.classify import category_type, classify

    named = category_type(description)
    if named is not None:
        return named
    rtype, evidence = classify(description)
    return rtype if evidence else None


@dataclass(frozen=True)
class SymbolClass:
    """A symbol's class learned from its answers: ``votes`` of ``read`` answers
    read on their own words gave ``rtype``; ``total`` answers carry the symbol."""

    symbol: str
    rtype: ResponseType
    votes: int
    read: int
    total: int

    def evidence(self) -> str:
        return (f"区分「{self.symbol}」（凡例なし。同じ区分の回答{self.total}件のうち文言で分類できた{self.read}件中"
                f"{self.votes}件が{self.rtype.value}）")


def learn_symbols(symbols: Sequence[str], comments: Sequence[Comment],
                  own_words: Sequence[bool]) -> dict[str, SymbolClass]:
    """Each symbol's class, from the comments it labels (``symbols[i]`` is
    comment i's symbol, "" for none; ``own_words[i]``: its type was read from its
    own answer text, not from a category or another row)."""
    votes: dict[str, Counter[ResponseType]] = {}
    totals: Counter[str] = Counter()
    for key, c, own in zip(symbols, comments, own_words):
        if not key:
            continue
        totals[key] += 1
        if own and c.response_type != ResponseType.OTHER and c.response_evidence:
            votes.setdefault(key, Counter())[c.response_type] += 1
    out: dict[str, SymbolClass] = {}
    for key, count in votes.items():
        (rtype, n), *_ = count.most_common(1)
        read = sum(count.values())
        if n >= MIN_VOTES and n / read >= MIN_SHARE and list(count.values()).count(n) == 1:
            out[key] = SymbolClass(key, rtype, n, read, totals[key])
    return out


def with_learned_symbols(comments: Sequence[Comment], categories: Sequence[str],
                         typed_by_category: Sequence[bool]) -> tuple[Comment, ...]:
    """``comments`` with each answer whose own words decide nothing (その他, no
    phrase, not a pointer) given its symbol's learned class. ``categories``:
    each comment's category cell; ``typed_by_category``: the cell (or its
    legend) already gave the type — such symbols are not learned."""
    symbols = [symbol_key(cat) if not typed else "" for cat, typed in zip(categories, typed_by_category)]
    own = [not c.same_answer_as for c in comments]
    learned = learn_symbols(symbols, comments, own)
    if not learned:
        return tuple(comments)
    out = list(comments)
    for i, (key, c) in enumerate(zip(symbols, comments)):
        cls = learned.get(key)
        if cls is None or c.response_type != ResponseType.OTHER or c.response_evidence or c.same_answer_as:
            continue
        out[i] = replace(c, response_type=cls.rtype, response_evidence=cls.evidence())
    return tuple(out)
