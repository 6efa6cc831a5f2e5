"""Causes outside the comments: an outside revision cited in a row's changed
text (``detect_external``: a plan, guideline or law 改定/改正/公表 with 第N版 or
a year-month), a replaced reference, and names that only changed because an
organisation was reorganised (the plan's own, or the state's). Pure."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from revtool.changes.law_citation import ACT_NUMBER, NAME_AT_END, article_bases, name_before, revised_law, dates_revision
from revtool.changes.text_match import norm_text
from revtool.text_chars import HIRAGANA_BLOCK


# ---------------------------------------------------------------- external causes

_DOC = r"[「『]([^「」『』]{2,60})[」』]"
_YEAR_MONTH = r"((?:19|20)\d{2}年(?:（[^）]{1,8}）)?\d{1,2}月|(?:令和|平成)(?:\d{1,2}|元)年(?:（[^）]{1,8}）)?\d{1,2}月)"
_EDITION = r"第\s*[0-9０-９.．一二三四五六七八九十]+\s*(?:版|次|期)"
# 決定 alone is a revision only said of a plan-like document (「第12次交通安全基本計画」が決定され,
# …大綱を決定): 事業の実施が決定 is no outside revision
_REVISE_VERB = (r"(改定|改訂|改正|公表|策定|施行|閣議決定|制定|公布|告示|発出|更新|成立"
                r"|(?<=[画針略綱ン想][」』][がを])決定|(?<=[画針略綱ン想][がを])決定)")
_ORG = r"(組織(?:改正|改編|編制|再編|変更)|機構改革)"
_DOC_SUFFIX = (
    r"(?:計画|指針|方針|ガイドライン|ガイドブック|戦略|プラン|要綱|要領|手引き?|法律?|条例|規則|ビジョン|構想|報告書|基準|マニュアル|大綱)"
)
# a document named before its edition (…計画第2版), a particle, or the date it is cited with
# (…行動計画（令和６年12月閣議決定）)
_NAMED_DOC = re.compile(r"([^\s、。「」『』（）()\u3000]{2,40}?" + _DOC_SUFFIX
                        + r")(?=は|が|を|の|[（(]?第|\s*第|[（(]\s*(?:令和|平成|昭和|(?:19|20)\d{2}))")
_ORG_UNIT = re.compile(r"(担当課長|課長|部長|室長|係長|担当部長|課|室|係|部|センター|担当|庁|事務局|本部|局|府|省)$")
# a name cut with the particle phrase after it (共生社会推進庁と連携し, …庁が実施し, …庁を中心に)
_ORG_TAIL = re.compile(r"(?:が|を|と|に|で|の|は|も)[^、。]{0,6}$")
# the state's own bodies (内閣府…室 → …庁): a reorganisation of the government, not the author's
_NATIONAL_BODY = re.compile(r"内閣府|内閣官房|庁|省|本部事務局|政府")


@dataclass(frozen=True)
class External:
    """An outside revision cited by the new text."""

    document: str  # 「自治体DX推進計画」; "" when not named
    when: str  # 2025年12月; "" when unknown
    edition: str  # 第5.0版
    verb: str  # 改定 / 公表 / 改正 / 組織改正
    sentence: str  # the sentence that says so
    finding: str = ""  # 「…が示され」 part, when the text has one
    number: str = ""  # the law's number cited with its name (昭和48年法律第72号), when the document is a law so cited


def _clean_when(when: str) -> str:
    return re.sub(r"（[^）]*）", "", when)


_BRACKETED = re.compile(r"[「『]([^「」『』\n]+)[」』]")


def _in_other_name(sentence: str, at: int, document: str) -> bool:
    """Whether offset ``at`` lies inside a 「」 name that is not ``document``
    (「第五次環境基本計画」 next to the revised 「生物多様性国家戦略2023-2030」):
    that name's edition is not the revised document's."""
    for m in _BRACKETED.finditer(sentence):
        if m.start() < at < m.end():
            return not document or norm_text(document) not in norm_text(m.group(1))
    return False


_BILL = re.compile(r"法律案|法案|改正案")


@dataclass(frozen=True)
class Prior:
    """What the old version already knew: its whole text (to find a document it
    cites) and the newest year and month it dates a revision by
    （令和５年７月28日閣議決定）, 2024年3月に改定された). The old version was written
    after that, so a revision dated no later is not one between the versions."""

    raw: str = ""
    newest: tuple[int, int] | None = None

    @cached_property
    def text(self) -> str:
        """``raw`` normalized as ``norm_text`` does, on first need (most rows cite nothing)."""
        return norm_text.__wrapped__(self.raw)


# a date in the text as printed (full-width digits, spaces, （令和7年）): 令和５年 11 月, 2025年（令和7年）12月
_RAW_DATE = (r"((?:19|20)\d{2}\s*年(?:\s*[（(][^）)]{1,8}[）)])?\s*\d{1,2}\s*月"
             r"|(?:令和|平成)\s*(?:\d{1,2}|元)\s*年(?:\s*[（(][^）)]{1,8}[）)])?\s*\d{1,2}\s*月)")
# a dated revision: 令和５年７月 28 日閣議決定, 2023年3月に公表; never one still to come
# (令和8年4月に施行する, …策定予定), nor a body named by the word (令和６年６月　策定検討会を設置:
# the plan's own drafting, a line of its 策定経過)
_DATED_EVENT = re.compile(
    _RAW_DATE + r"(?:\s*\d{1,2}\s*日)?[^。\n]{0,24}?" + _REVISE_VERB
    + r"(?!\s*(?:予定|の予定|する|される|見込|を目途|に向け|(?:検討|委員|協議|懇話|懇談|審議|推進|部)会(?!社)|会議|本部))"
)
# a document cited with its date: 「…（第2版）」（令和6年3月）
_DATED_CITATION = re.compile(r"[」』]\s*[（(]\s*" + _RAW_DATE + r"(?:\s*\d{1,2}\s*日)?(?:(?!予定)[^（）()。]){0,14}[）)]")


# the plan's own drafting steps (令和７年８月29日　素案の公表, 意見募集の実施): no outside revision
_OWN_STEP = re.compile(r"素案|原案|計画案|本計画|パブリック・?コメント|意見募集")


def prior_of(old_text: str) -> Prior:
    """The old version's ``Prior`` from its whole text (once per changelog). The
    plan's own steps dated in its 策定経過 (素案の公表) date no outside revision:
    a draft published in August may well not yet cite a law of that year."""
    found: list[re.Match[str]] = []
    at = 0
    while (m := _DATED_EVENT.search(old_text, at)) is not None:
        if _OWN_STEP.search(m.group(0)):
            at = m.end(1)  # look on after its date: the next line may date an outside revision
        else:
            found.append(m)
            at = m.end()
    found += list(_DATED_CITATION.finditer(old_text))
    dates = [_year_month(m.group(1)) for m in found]
    return Prior(old_text, max((d for d in dates if d), default=None))


_ERA = {"令和": 2018, "平成": 1988, "昭和": 1925}


def _year_month(when: str) -> tuple[int, int] | None:
    """令和5年6月 / 2025年（令和7年）12月 / 令和元年5月 → (2023, 6) / (2025, 12) / (2019, 5)."""
    m = re.match(r"(令和|平成|昭和)?(\d{1,4}|元)年(?:\([^)]*\))?(\d{1,2})月", norm_text(when))
    if not m:
        return None
    year = 1 if m.group(2) == "元" else int(m.group(2))
    return (_ERA[m.group(1)] + year if m.group(1) else year, int(m.group(3)))


def _after(when: str, prior: Prior | None) -> bool:
    """Whether a date falls after the newest revision the old version dates (True when unknown)."""
    ym = _year_month(when)
    return prior is None or prior.newest is None or ym is None or ym > prior.newest


def detect_external(added: str, context: str = "", removed: str = "", prior: Prior | None = None) -> External | None:
    """An outside revision named in the added text (or its sentences). A law
    number the new text brings counts when the old text spoke of the bill
    (法律案が…国会に提出された → 法律（令和７年法律第60号）が成立した): the bill became
    law between the versions; an old law quoted anew (平成９年法律第81号) is no news.
    With ``prior`` (the old version), a revision dated no later than the newest one
    the old version dates is history it could already cite (令和３年６月の…一部改正
    in a plan whose 素案 cites 令和５年７月28日閣議決定), and a citation counts when
    the old version cites the same document with another date or edition."""
    text = unicodedata.normalize("NFC", added + "\n" + context)
    sentences = [s for s in re.split(r"(?<=。)|\n", text) if s.strip()]
    for s in sentences:
        named = _NAMED_DOC.search(s)
        if re.search(r"本計画|この計画|本プラン|本方針", s) and not re.search(_DOC, s) and not named:
            continue  # the plan speaking of itself (本計画は第2期計画として策定する)
        has_verb = re.search(_REVISE_VERB, s)
        has_edition = re.search(_EDITION, s)
        has_when = re.search(_YEAR_MONTH, s)
        has_doc = re.search(_DOC, s)
        # an edition alone (第六次, 第二期) is no evidence that a document changed
        # between the versions: the new text may only recall its history; an edition
        # replaced in the text itself is replaced_reference's.
        # a law number the new text brings (法律（令和７年法律第60号）が成立した): the law was
        # enacted or amended between the versions
        has_law = next((m for m in ACT_NUMBER.finditer(s) if norm_text(m.group(0)) in norm_text(added)), None) \
            if _BILL.search(removed) else _new_law(s, added, prior)
        # 「令和5年の介護保険法の改正により…」: a named revision given as the reason, dated by its year alone
        by_year = None if has_when else _YEAR_CAUSE.search(s)
        if not has_verb or not (has_law or (has_when and (has_doc or named or has_edition)) or by_year):
            continue
        if not any(seg and norm_text(seg) in norm_text(s) for seg in _fragments(added)):
            continue
        cited_name, cited_when, cited = "", "", None
        if not has_law:
            verbs = list(re.finditer(_REVISE_VERB, s))
            events = [v for v in verbs if not _cited(s, v) and not _INTENT.match(s, v.end())]
            if not events:
                # every revision word is a citation (（令和３年３月閣議決定）, 施行（令和４年４月）後)
                # or the author's own intent (推進戦略を新たに策定する): the document is quoted,
                # not revised — unless the old text cites it with another date or edition, or the
                # sentence says the plan was changed in response (decided below)
                cited = next((v for v in verbs if _cited(s, v)), None)
                if cited is None:
                    continue
                # the citation the new text dates anew (（令和６年12月閣議決定、令和７年６月改訂）:
                # 改訂 of 令和７年６月 was added), else the first
                cited = next((v for v in verbs if _cited(s, v) and _dated_in(s, v, added)), cited)
                cited_name, cited_when = _citation(s, cited)
                fresh = _date_before(s, cited)
                if fresh and _dated_in(s, cited, added):
                    cited_when = fresh
            has_verb = events[0] if events else (cited or has_verb)
        document = _norm_quote(cited_name) if cited_name else _quote_before(s, has_verb.start())
        edition = has_edition.group(0) if has_edition and not _in_other_name(s, has_edition.start(), document) else ""
        if not document and has_when:
            document = _cited_with_date(sentences, _clean_when(has_when.group(1)))
        if not document:
            for other in [s] + sentences:
                m = _NAMED_DOC.search(other)
                if m:
                    # 「令和5年5月に改正された介護保険法」 → 介護保険法
                    tail = re.sub(f"^.*[{HIRAGANA_BLOCK}]", "", m.group(1))
                    document = tail if len(tail) >= 3 else m.group(1)
                    break
        law_no = ACT_NUMBER.search(s)
        number = ""
        # (a name found right before the number, 改正都市緑地法（昭和48年法律第72号）, is that law)
        if law_no and (not document or norm_text(document) in norm_text(law_no.group(0))
                       or re.sub(r"[\s（(]+$", "", norm_text(s[: law_no.start()])).endswith(norm_text(document))):
            # 「…に施行された改正都市緑地法（昭和48年法律第72号）」: the law by the name before its
            # number (never 「昭和48年法律」), without the clause that dates it, and its number
            named_law = name_before(s, law_no.start())
            document = named_law if len(named_law) >= 3 else document
            number = re.sub(r"\s", "", law_no.group(0)) if len(named_law) >= 3 else ""
        when = cited_when or (_clean_when(has_when.group(1)) if has_when else by_year.group(1) if by_year else "")
        if not has_law:
            recited = _recited_otherwise(document, when, edition, removed, prior)
            if cited is not None:
                if not (recited or (_answered(s) and _after(when, prior))):
                    continue
            else:
                # a revision between the versions is dated after every one the old version dates,
                # unless the old version cites the document with another date or edition
                later = [m for m in re.finditer(_YEAR_MONTH, s) if _after(m.group(1), prior)]
                if not later and not recited and not (by_year and _year_after(by_year.group(1), prior)):
                    continue
                if later and not _after(when, prior):
                    when = _clean_when(later[0].group(1))
        finding = ""
        idx = sentences.index(s)
        for follow in sentences[idx : idx + 3]:
            m = re.search(r"(?:では|において)、(.{5,80}?)(?:が示され|が定められ|が掲げられ|が盛り込まれ|が整理され|が明記され)", follow)
            if m:
                finding = re.sub(r"^(新たに|改めて|特に|主に)、?", "", m.group(1))
                break
        verb = has_verb.group(1)
        if has_law:
            # the law by its name before its number, else by its number (never 「令和７年法律」);
            # the verb is the one said of it (…（令和７年法律第60号）が成立した), not one inside its name
            number = norm_text(has_law.group(0))
            # the added fragment (法律（令和７年法律第60号）が成立した) may hold the number alone:
            # the name is the one before the same number in its sentence
            named_in = next(((n, o, m.end()) for o in [s] + sentences for m in ACT_NUMBER.finditer(o)
                             if norm_text(m.group(0)) == number for n in [name_before(o, m.start())] if n), None)
            after = has_law.end()
            # the number dates a law's revision (…法の改正（令和５年法律第３０号）により…の策定義務が):
            # that revision is what the text reports, not a word after it
            revision = dates_revision(s, has_law.start())
            if named_in:
                name, s, after = named_in  # the evidence: the sentence that names the law
            elif revision:
                # 同法の改正（…）: the law the passage named before this sentence (its context, after the added words)
                name = revised_law(text, max(text.rfind(s), 0) + has_law.start())
            else:
                name = document if document and norm_text(document) not in number else ""
            said = None if revision else re.search(_REVISE_VERB, s[after:])
            at = s.rfind(name, 0, after) if name and said is None else -1
            if at >= 0:
                # the law the subject of the verb before its number (…基本法が改正され（令和６年法律第44号）):
                # that verb, and the date its clause opens with (令和６年６月に…), not another clause's
                said = re.search(_REVISE_VERB, s[at + len(name) : after])
                opens = max(s.rfind("、", 0, at), s.rfind("。", 0, at)) + 1
                dated = re.search(_YEAR_MONTH, s[opens:at])
                when = _clean_when(dated.group(1)) if dated else "" if revision else when
            verb = said.group(1) if said else "改正" if revision else verb
            if revision and at < 0:
                when = ""  # a date elsewhere in the sentence (令和６年４月から…対象となった) is not the revision's
            amended = re.match(r"(.+?)(?:等)?の一部を改正する法律$", name)
            if amended:  # an amending law enacted: the law it amends was 改正
                document, verb = amended.group(1), "改正"
            else:
                document = name or number
                if verb == "成立":
                    verb = "制定"  # a law 成立した is a law 制定された (「…が制定されたため」)
        return External(
            document=document,
            when=when,
            edition=re.sub(r"\s", "", edition),
            verb=verb,
            sentence=s.strip(),
            finding=finding,
            # a law the text names, with the number it cites it by: its own (…法（令和４年法律第77号）が
            # 制定) or its revision's (社会福祉法の改正（令和7年法律第41号）): kept for the summary
            number=number if not has_law else re.sub(r"\s", "", has_law.group(0)) if document and not ACT_NUMBER.fullmatch(document) else "",
        )
    basis = _law_basis(sentences, added, prior)
    if basis is not None:
        return basis
    m = re.search(_ORG, text)
    if m:
        s = next((x for x in sentences if m.group(1) in x), m.group(1))
        return External("", "", "", "組織改正", s.strip())
    return None


# an article without its paragraph and item (第107条第1項 → 第107条, 第106条の4第2項 → 第106条の4)
_ARTICLE_ITSELF = re.compile(r"第[^条]+条(?:の[0-9０-９一二三四五六七八九十]+)*")
BASIS = "規定"  # the verb of an External that is a law's article cited as the basis (``_law_basis``)


def _law_basis(sentences: list[str], added: str, prior: Prior | None) -> External | None:
    """A law's article the new text brings as the basis of what it says
    (本計画は、再犯の防止等の推進に関する法律第8条第1項に基づく「地方再犯防止推進計画」を
    含むものとして位置付けます): the plan does what a law requires of it, a cause
    outside the plan, named by the law and its article (``number``). Not when the
    old version already cites that article of that law (社会福祉法第107条に基づく
    地域福祉計画, quoted anew, or 第107条第1項 where it said 第107条): no news."""
    new = norm_text(added)
    for s in sentences:
        for name, article in article_bases(s):
            # the new words cite it (its number may stand between the name and the article)
            itself = _ARTICLE_ITSELF.match(article)
            known = norm_text(name + (itself.group(0) if itself else article))
            if norm_text(name) not in new or norm_text(article) not in new or (prior is not None and known in prior.text):
                continue
            return External(document=name, when="", edition="", verb=BASIS, sentence=s.strip(), number=article)
    return None


def _new_law(sentence: str, added: str, prior: Prior | None) -> re.Match[str] | None:
    """A law number the new text brings that the old version never cites, of a year
    after every revision the old version dates (…を改正する法律（令和６年法律第47号）に
    より…が創設され): a law enacted between the versions. Without the old version's
    dates, none (an old law quoted anew, 平成９年法律第81号, is no news).
    A number the new text gives as that of a law's revision (ＤＶ防止法の改正（令和５年
    法律第３０号）により…, 同法の一部改正（…）) is a revision the new version reflects,
    whatever its year: the old version never spoke of it, the new one names it."""
    if prior is None or prior.newest is None:
        return None
    for m in ACT_NUMBER.finditer(sentence):
        number = norm_text(m.group(0))
        if number in norm_text(added) and number not in prior.text \
                and (_year_after(m.group(0), prior) or dates_revision(sentence, m.start())):
            return m
    return None


# a revision dated by its year alone, named as the reason for what follows: 令和5年の介護保険法の改正により、
# 2024年の〇〇計画の改定に伴い (not …の施行以来: a time reference, not a cause)
_YEAR_CAUSE = re.compile(r"((?:19|20)\d{2}年|(?:令和|平成)(?:\d{1,2}|元)年)の[「『]?([^\s、。「」『』（）()]{2,40}?" + _DOC_SUFFIX
                         + r")[」』]?の?(?:一部)?(?:改正|改定|改訂|制定|施行|策定)(?:により|に伴い|に伴って|を受け|を踏まえ)")


def _year_after(year: str, prior: Prior | None) -> bool:
    """Whether a year (令和5年, 2023年) falls after the year of the newest revision the old version dates."""
    m = re.match(r"(令和|平成|昭和)?(\d{1,4}|元)年", norm_text(year))
    if not m or prior is None or prior.newest is None:
        return True
    y = 1 if m.group(2) == "元" else int(m.group(2))
    return (_ERA[m.group(1)] + y if m.group(1) else y) > prior.newest[0]


def _quote_before(sentence: str, at: int) -> str:
    """The 「」 name nearest before offset ``at`` (the revision word), else one
    right after it (改定された「…」), else "": never a quote of the sentence
    unrelated to the revision (…の一部改正により、「地下水の適正な保全及び利用」等が追加)."""
    quotes = list(re.finditer(_DOC, sentence))
    before = [q for q in quotes if q.end() <= at]
    if before:
        return before[-1].group(1)
    after = next((q for q in quotes if q.start() >= at), None)
    if after and re.fullmatch(r"[^、。「」]{0,10}", sentence[at : after.start()]):
        # 改定された「…」 names what was revised; 改定で示された「集約型都市構造への転換」 names
        # what the revision said — a document only when the quote is shaped as one (…計画, …法)
        said = re.sub(r"^" + _REVISE_VERB, "", sentence[at : after.start()])
        if _AFTER_VERB.fullmatch(said) or _DOC_NAME.search(after.group(1)):
            return after.group(1)
    return ""


# what may stand between a revision word and the name of what it revised: 改定された「…」, 策定した新たな「…」
_AFTER_VERB = re.compile(r"(?:され|し)?(?:た|る)?(?:新たな|新しい)?")
# a quote shaped as a document's name: …計画, …法, …方針2024, …戦略（第2版）
_DOC_NAME = re.compile(_DOC_SUFFIX + r"(?:[0-9０-９\-－～〜]+|[（(][^（）()]{1,12}[）)])?$")


def _cited_with_date(sentences: list[str], when: str) -> str:
    """The document the text cites with this very date (「県の都市計画区域マスタープラン
    （令和8年3月改定）」): the one a revision named by its date alone
    (令和8年3月の改定で…) is of; "" when none or several."""
    names = {name for s in sentences for v in re.finditer(_REVISE_VERB, s) if _cited(s, v)
             for name, cited_when in [_citation(s, v)] if name and cited_when and norm_text(cited_when) == norm_text(when)}
    return next(iter(names)) if len(names) == 1 else ""


def _date_before(sentence: str, verb: re.Match[str]) -> str:
    """The year and month written right before a revision word inside its parenthetical
    (令和７年６月 of 「、令和７年６月改訂」), or ""."""
    paren = _enclosing_paren(sentence, verb.start())
    if not paren:
        return ""
    inside = re.sub(r"\s", "", sentence[paren[0] : verb.start()])
    dates = list(re.finditer(_YEAR_MONTH, inside))
    return _clean_when(dates[-1].group(1)) if dates and re.fullmatch(r"(?:\d{1,2}日)?", inside[dates[-1].end():]) else ""


def _dated_in(sentence: str, verb: re.Match[str], added: str) -> bool:
    """Whether the date written right before a cited revision word is text the new version added."""
    when = _date_before(sentence, verb)
    return bool(when) and norm_text(when) in norm_text(added)


# a revision word the author announces for itself (…戦略を新たに策定する): no outside event
_INTENT = re.compile(r"(?:する|します|していく|を行う|を進める|を目指す)(?!法律)")


def _norm_quote(name: str) -> str:
    return re.sub(r"^[「『]|[」』]$", "", name.strip())


def _enclosing_paren(sentence: str, at: int) -> tuple[int, int] | None:
    """The innermost （…） around offset ``at``, as (open, close), or None."""
    depth, i = 0, at - 1
    while i >= 0:
        ch = sentence[i]
        if ch in "）)":
            depth += 1
        elif ch in "（(":
            if depth == 0:
                close = re.search(r"[）)]", sentence[at:])
                return (i, at + close.start()) if close else None
            depth -= 1
        i -= 1
    return None


# a revision word that dates something: 施行（令和４年４月）後, 策定後５年を目途に, 改正瀬戸内法施行後
_TIME_AFTER = re.compile(r"[^\s、。をがはにでとものへや]{0,12}?(?:[（(][^（）()]{0,20}[）)])?\s*(?:後|以降|以来)")


def _cited(sentence: str, verb: re.Match[str]) -> bool:
    """Whether a revision word only cites a document: inside a dated parenthetical
    （令和３年３月閣議決定）, or a time reference (施行（令和４年４月）後５年を目途に)."""
    paren = _enclosing_paren(sentence, verb.start())
    if paren and re.search(r"\d\s*年|元年", sentence[paren[0] : paren[1]]):
        return True
    return bool(_TIME_AFTER.match(sentence, verb.end()))


def _citation(sentence: str, verb: re.Match[str]) -> tuple[str, str]:
    """The cited document (the name just before the dated parenthetical) and its date."""
    paren = _enclosing_paren(sentence, verb.start())
    if not paren:
        return "", ""
    inside = sentence[paren[0] : paren[1]]
    when = re.search(_YEAR_MONTH, re.sub(r"\s", "", inside))
    before = sentence[: paren[0]].rstrip()
    quoted = re.search(r"[「『]([^「」『』]{2,60})[」』]$", before)
    if quoted:
        name = quoted.group(1)
    else:
        m = re.search(r"([^\s、。「」『』（）()\u3000]{2,40}?" + _DOC_SUFFIX + r"[^\s、。「」『』（）()\u3000]{0,8})$", before)
        name = m.group(1) if m else ""
    return name, _clean_when(when.group(1)) if when else ""


# the sentence says the plan itself was changed in response (…を踏まえ、目標を見直した)
_ANSWERED = re.compile(r"(?:踏まえ|受け|伴い|合わせ|基づき)て?、?[^。]{0,40}?(?:見直し|改め|変更し|改定し|改訂し|更新し|修正し)(?:た|ました)")


def _answered(sentence: str) -> bool:
    return bool(_ANSWERED.search(sentence))


def _recited_otherwise(name: str, when: str, edition: str, removed: str, prior: Prior | None) -> bool:
    """Whether the old text (the row's removed text, or the whole old version)
    cites the same document, its name without edition or year (「…ガイドライン（第2版）」,
    「生物多様性国家戦略2012-2020」), with another date or edition: the document
    was revised. Never when the old text cites it only undated, or with this
    very date and edition (the citation is only reworded)."""
    base = norm_text(_NAME_VERSION.sub("", EDITION_OF.sub("", name)))
    if len(base) < 3 or not (when or edition):
        return False
    same, other = False, False
    for old in (norm_text(removed), prior.text if prior else ""):
        at = old.find(base)
        while at >= 0:
            near = re.split(r"。", old[max(0, at - 25) : at])[-1] + re.split(r"。", old[at : at + len(base) + 30])[0]
            if (not when or norm_text(when) in near) and (not edition or norm_text(edition) in near):
                same = True
            elif _OLD_VERSION.search(near) and not _knows_later(near, when):
                other = True
            at = old.find(base, at + len(base))
    return other and not same


def _knows_later(near: str, when: str) -> bool:
    """Whether an old citation is dated no earlier than ``when``: the new text
    recalls an earlier step of the document's history, not a revision."""
    new = _year_month(when)
    return new is not None and any((d := _year_month(m.group(1))) is not None and d >= new
                                   for m in re.finditer(_RAW_DATE, near))


# what dates or numbers a citation: 令和6年3月, 平成24年, 第2版, 第五次
_OLD_VERSION = re.compile(r"(?:令和|平成|昭和)(?:\d{1,2}|元)年|(?:19|20)\d{2}年|第[0-9.一二三四五六七八九十]+(?:版|次|期)")
# a year or span closing a document's name (基本方針2023, 国家戦略2023-2030)
_NAME_VERSION = re.compile(r"\s*(?:19|20)\d{2}(?:\s*[-－～〜]\s*(?:19|20)\d{2})?$")


EDITION_OF = re.compile(r"[（(]?第\s*[0-9０-９.．一二三四五六七八九十]+\s*(?:版|次|期)[）)]?")


def replaced_reference(removed: str, added: str) -> External | None:
    """An outside document cited by number, the number replaced: a law number
    （平成17年法律第123号 → 令和4年法律第104号: the law was amended) or an edition
    （第2版 → 第3版: the plan or guideline was revised)."""
    for pattern, verb in ((ACT_NUMBER, "改正"), (EDITION_OF, "改定")):
        new = pattern.findall(unicodedata.normalize("NFC", added))
        old = pattern.findall(unicodedata.normalize("NFC", removed))
        if not new or not old or {norm_text(x) for x in new} == {norm_text(x) for x in old}:
            continue
        source = added if added.find(new[0]) >= 0 else ""
        before = source[: source.find(new[0])] if source else ""
        m = NAME_AT_END.search(before[-40:])
        return External(m.group(1) if m else "", "", norm_text(new[0]).strip("()（）") if verb == "改定" else "", verb,
                        f"「{old[0]}」→「{new[0]}」", "")
    return None


def _fragments(added: str) -> list[str]:
    return [p for p in re.split(r"[。\n]", added) if len(norm_text(p)) >= 4]


def organisation_only(removed: list[str], added: list[str]) -> bool:
    """Whether every changed unit is an organisation name (…課長, …課, …担当):
    an organisation change (組織改正). Not when no unit changed (a paragraph
    moved as it was): an organisation change needs a changed name."""
    units = [u for u in removed + added if u.strip()]
    if not units:
        return False
    # each unit only a name (a new table row whose 所管課 cell ends in 課 is a
    # new row, not an 組織改正)
    if any("|" in u or "\t" in u or len(norm_text(u)) > 25 for u in units):
        return False
    return all(_ORG_UNIT.search(_org_name(u)) for u in units)


def _org_name(unit: str) -> str:
    """The name in a changed unit: 「共生社会推進庁と連携し」 → 共生社会推進庁."""
    name = norm_text(unit).rstrip("、,")
    cut = _ORG_TAIL.sub("", name)
    return cut if cut != name and _ORG_UNIT.search(cut) else name


def national_organisation(removed: list[str], added: list[str]) -> bool:
    """Whether an organisation change names the state's own bodies (内閣府地域学習推進室 →
    地域学習推進庁, …本部事務局, …省): the government was reorganised, an outside cause.
    Not when only the divisions inside one and the same body are renamed
    (内閣府共生社会推進室 → 内閣府共生社会政策局): that body reorganised itself, as a
    ward renames its 課 — no new body, no law behind it."""
    names = [_org_name(u) for u in removed + added if u.strip()]
    if not any(_NATIONAL_BODY.search(n) for n in names):
        return False
    bodies = {m.group(1) if m and len(n) > m.end() else "" for n in names for m in [_BODY.match(n)]}
    return not (removed and added and len(bodies) == 1 and "" not in bodies)


# the state body a division belongs to: 内閣府共生社会推進室 → 内閣府, 総務省自治行政局 → 総務省
_BODY = re.compile(r"(内閣府|内閣官房|[^\s、。（）()]{1,12}?(?:省|庁))")


# ---------------------------------------------------------------- causes


_OUTSIDE_BODY = re.compile(r"国|省|庁|政府|内閣|東京都|都道府県|[都道府県]の")


def own_reorganisation(external: External) -> bool:
    """An 組織改正 named without an outside document or body (「令和8年度の組織改正に
    合わせて所管課を改めた」): the author's own reorganisation."""
    return external.verb == "組織改正" and not external.document and not _OUTSIDE_BODY.search(external.sentence)
