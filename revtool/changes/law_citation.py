"""Law citations in a plan's text: a promulgation number (令和７年法律第58号)
and the name written right before it (「…に関する法律」（令和７年法律第60号）).
One pattern for the number, read by the outside-cause detection (external),
the row joins (same_decision) and the summaries (summary_text), and one
reader of the name before it (``name_before``; ``cited_law`` words it for a
summary). Pure."""

from __future__ import annotations

import re

from revtool.text_chars import HIRAGANA_BLOCK


def _number_pattern(kinds: str) -> re.Pattern[str]:
    """The number of an enactment of one of ``kinds`` (an alternation), era
    year in half- or full-width digits or 元, blanks allowed between its parts."""
    return re.compile(rf"(?:令和|平成|昭和)\s*[0-9０-９元]+\s*年\s*(?:{kinds})\s*第\s*[0-9０-９]+\s*号")


# any enactment's number: a law, cabinet order, ordinance, rule or notice (令和６年政令第12号)
LAW_NUMBER = _number_pattern("法律|政令|条例|規則|省令|府令|告示")
# a law's (法律) number only: 令和７年法律第60号
ACT_NUMBER = _number_pattern("法律")

# a law's name that starts its clause (after 、。, a bracket or a blank: ④　令和７年に成立した…法律), however long
_NAME_CLAUSE = re.compile(r"(?:^|(?<=[、。「『\s]))([^\s、。「」『』（）()\u3000]{2,80}?(?:法|法律|条例))[」』]?\s*[（(]\s*$")
# a law's or document's name right before a bracket or the end (…基本計画（第３版）, 介護保険法（…）)
NAME_AT_END = re.compile(r"[「『]?([^\s、。「」『』（）()\u3000]{2,30}?(?:法|法律|条例|計画|指針|方針|ガイドライン|戦略|プラン|大綱|ビジョン))[」』]?\s*[（(]?\s*$")


_DATED_BY = re.compile(f"^.*(?:された|した)(?=[^{HIRAGANA_BLOCK}])")


def name_before(sentence: str, at: int) -> str:
    """The law named just before its number at ``at`` (「…に関する法律」（令和7年法律第60号）), or "":
    a long name whole when it starts the clause (また、生涯学習の振興のための…の一部を改正する法律（…）),
    without the relative clause that dates it (令和７年に成立した…の一部を改正する法律 → …の一部を改正する法律)."""
    m = _NAME_CLAUSE.search(sentence[:at][-90:])
    if m:
        # the clause's topic before the name (本市では…法律, 国においては…法律): not the name
        name = re.sub(r"^.*(?:では|において|には|は)", "", m.group(1))
        name = name if len(name) >= 3 else m.group(1)
        # nor the clause that dates it (令和７年に成立した…法律, 改正された…法): the name starts after it
        named = _DATED_BY.sub("", name)
        return named if len(named) >= 3 else name
    m = NAME_AT_END.search(sentence[:at][-40:])
    if m:
        return m.group(1)
    # the law as the subject of the enactment the number dates (…基本法が改正され（令和６年法律第44号）),
    # without the date the clause opens with (令和６年６月に)
    m = _SUBJECT_ENACTED.search(sentence[:at][-60:])
    if m:
        name = _OPENING_DATE.sub("", m.group(1))
        if name in _SAME_LAW:  # 令和７年には同法が改正され（…）: the law the paragraph named before
            return same_law(sentence, max(0, at - 60) + m.start(1) + m.group(1).rfind(name))
        return name if len(name) >= 3 else ""
    name = revised_law(sentence, at)
    return name


# the date a clause opens with and its particles (令和７年には, 令和６年６月に, 平成30年度は、): never part of a name
_OPENING_DATE = re.compile(r"^.*?[0-9０-９元]+\s*(?:年度|年|月|日)(?:[0-9０-９]+\s*[月日])*(?:には|にも|では|に|は|も|、)*")


def revised_law(sentence: str, at: int) -> str:
    """The law whose revision the number at ``at`` dates, written 「…法の改正（令和５年法律第３０号）」
    or 「…法の一部改正（…）」, without the date before it (令和５年の), or ""; 「同法」
    (the same law) is the law the passage named last before it."""
    m = _REVISION_OF.search(sentence[:at][-70:])
    if not m:
        # 「同法が改正され（令和７年法律第61号）」: the same law, revised, as the subject of the verb
        s = _SAME_LAW_REVISED.search(sentence[:at][-70:])
        return same_law(sentence, max(0, at - 70) + s.start(1)) if s else ""
    name = re.sub(r"^.*?[年月日](?:の|に)", "", m.group(1))
    if name in _SAME_LAW:
        return same_law(sentence, max(0, at - 70) + m.start(1))
    return name if len(name) >= 3 else ""


def same_law(text: str, at: int) -> str:
    """The law 「同法」 (本法, 当該法) at ``at`` stands for: the law its paragraph
    named last before it, by the short name the text defines for it when it
    does (…に関する法律（平成19年法律第59号。以下「活性化再生法」という。） →
    活性化再生法), or "". Never a law of another paragraph: 「同法」 refers
    within its paragraph, and a paragraph of another topic may name another law."""
    start = text.rfind("\n", 0, at) + 1
    earlier = [n for m2 in _LAW_MENTION.finditer(text[start:at])
               if (n := m2.group(1) or m2.group(2)) not in _SAME_LAW]
    return earlier[-1] if earlier else ""


def dates_revision(sentence: str, at: int) -> bool:
    """Whether the number at ``at`` is written as that of a law's revision
    (ＤＶ防止法の改正（令和５年法律第３０号）, 同法の一部改正（…）), not as the law's own."""
    return _REVISION_OF.search(sentence[:at][-70:]) is not None


# a law followed by its revision right before the number (ＤＶ防止法の改正（令和５年法律第３０号）)
_REVISION_OF = re.compile(r"(?:^|(?<=[、。「『\s]))[「『]?([^\s、。「」『』（）()\u3000]{1,50}?(?:法|法律|条例))[」』]?"
                          r"の(?:一部)?改正\s*[（(]\s*$")
_SAME_LAW = ("同法", "本法", "当該法", "同法律", "同条例")
# 「同法」 revised, the subject of the verb right before the number (令和７年には同法が改正され（…）)
_SAME_LAW_REVISED = re.compile(r"(同法律|同法|本法|当該法|同条例)(?:の一部)?(?:が|は)改正(?:され|し)た?\s*[（(]\s*$")
# a law named in a passage: in brackets as its short name (（ＤＶ防止法）, 「ＤＶ防止法」) or in full
_LAW_MENTION = re.compile(r"[「（(]([^\s、。「」『』（）()\u3000]{2,30}?(?:法|法律|条例))[」）)]|"
                          r"(?:^|(?<=[、。\s]))([^\s、。「」『』（）()\u3000]{2,50}?(?:法律|法|条例))(?=[（(にでのはが])")


def cited_law(text: str, longest: int = 80, start: int = 0) -> str:
    """The law a one-line passage cites by its number, named as staff write it:
    「障害を理由とする…法律の一部を改正する法律」（令和７年法律第58号）, the name as
    ``name_before`` reads it; "" when the passage cites no number, the number is
    not in a bracket right after a name, or the name is shorter than 2 or longer
    than ``longest`` characters. A number dating a law's revision (…法の改正（…）,
    同法の改正（…）) gives 「…法」の改正（…）."""
    m = LAW_NUMBER.search(text, start)  # the first number from ``start``
    if not m or not text[: m.start()].rstrip(" \u3000").endswith(("（", "(")):
        return ""
    revised = revised_law(text, m.start())
    if revised and len(revised) <= longest:
        # …法の改正（令和５年法律第３０号）, 同法の一部改正（…）: the law named, then its revision
        return f"「{revised}」の改正（{m.group(0)}）"
    name = name_before(text, m.start()).strip("「」『』 \u3000")
    if len(name) < 2 or len(name) > longest or not text[: m.start()].rstrip("（( \u3000「」『』").endswith(name):
        return ""  # (a law the subject of a verb before its number, …法が改正され（…）, is no name in a bracket)
    return f"「{name}」（{m.group(0)}）"


# a law named as the subject of its enactment or amendment right before its number
_SUBJECT_ENACTED = re.compile(r"(?:^|(?<=[、。「『\s]))[「『]?([^\s、。「」『』（）()\u3000]{2,50}?(?:法|法律|条例))[」』]?"
                              r"(?:の一部)?(?:が|は)(?:改正|制定|施行|公布|成立)(?:され|し)た?\s*[（(]\s*$")


# a law's article: 第8条第1項, 第106条の4第2項, 第十四条第一項第二号
_NUM = r"[0-9０-９一二三四五六七八九十百]+"
_ARTICLE = rf"第\s*{_NUM}\s*条(?:\s*の\s*{_NUM})*(?:\s*第\s*{_NUM}\s*項)?(?:\s*第\s*{_NUM}\s*号)?"
# a law named right before one of its articles, starting its clause (…に関する法律第8条第1項)
# (its number may stand between: …に関する法律（平成28年法律第104号）第8条第1項)
_LAW_ARTICLE = re.compile(r"(?:^|(?<=[、。「『\s]))[「『]?([^\s、。「」『』（）()\u3000]{2,60}?(?:法律|法|条例))[」』]?\s*"
                          r"(?:[（(][^（）()]{0,20}?号[）)])?\s*(" + _ARTICLE + ")")
# the article given as the basis of what follows: …第8条第1項に基づく, …の規定により, …に規定する
_AS_BASIS = re.compile(r"\s*(?:の規定)?(?:に基づ|により|による|に規定|に定め|を根拠)")
# …what follows being a plan this plan is or includes: …に基づく「地方再犯防止推進計画」を含むものとして,
# …に基づく…利用促進基本計画として, …実施計画と一体的に (not …計画との調和を図る: another plan)
_A_PLAN = re.compile(r"[^。]{0,40}?(?:計画|プラン)[」』]?(?:として|を含|と一体|を兼ね|も兼ね|に位置付|に位置づ|であ|です)")
# the plan itself the subject of the sentence (本計画は、…法第107条に基づき策定するものです)
_THIS_PLAN = re.compile(r"(?:本計画|この計画)(?:は|を|が)")


PROVISION_NAME_TAIL = 12  # characters of a law's name that identify it in a provision's key


def provisions(text: str) -> list[tuple[str, str]]:
    """The provisions ``text`` cites (``_LAW_ARTICLE``, whatever they are the
    basis of): (key, as written) for each, the key the end of the law's name and
    its article without blanks (…促進に関する法律第14条第1項), the same provision
    however the sentence before the name runs (本計画は、…法律 / 本市では…法律)."""
    out = []
    for m in _LAW_ARTICLE.finditer(text):
        article = re.sub(r"\s+", "", m.group(2))
        out.append((m.group(1)[-PROVISION_NAME_TAIL:] + article, m.group(1) + article))
    return out


def article_bases(sentence: str) -> list[tuple[str, str]]:
    """Each law the sentence cites by an article as the basis of a plan — one this
    plan is or includes (再犯の防止等の推進に関する法律第8条第1項に基づく「地方再犯防止
    推進計画」を含むものとして位置付けます, 本計画は、…法第107条に基づき…) — as (the
    law's name, the article without blanks): the name without the clause's topic
    (本市では…法) nor the clause that dates it (令和７年に改正された…法); 「同法」 is
    the law its paragraph named last. Not an article that is the basis of something
    else the text speaks of (環境基本法第12条に基づく年次報告). [] when none."""
    found: list[tuple[str, str]] = []
    for m in _LAW_ARTICLE.finditer(sentence):
        basis = _AS_BASIS.match(sentence, m.end())
        if not basis or not (_A_PLAN.match(sentence, basis.end()) or _THIS_PLAN.search(sentence)):
            continue
        name = m.group(1)
        if name in _SAME_LAW:
            name = same_law(sentence, m.start(1))
        else:
            topic = re.sub(r"^.*(?:では|において|には|は)", "", name)
            name = topic if len(topic) >= 3 else name
            named = _DATED_BY.sub("", name)
            name = named if len(named) >= 3 else name
        if len(name) >= 3:
            found.append((name, re.sub(r"\s", "", m.group(2))))
    return found
