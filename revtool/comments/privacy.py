"""Masking personal data in public comments (pure: no files, no printing).

``comments import --mask-pii`` replaces, in each opinion (主な意見), what a
Japanese 個人情報 checklist names, by a bracketed placeholder, before anything
is stored. The ward's answer (区の考え方) is public text written by the ward and
is left exactly as written. Full-width forms are matched as well as ASCII ones.

Masked (kind key → placeholder):
- email    e-mail addresses                                   ［メールアドレス］
- phone    phone/FAX numbers starting 0 or +81, 10–11 digits, separated by
           - . space or (…) : 03-1234-5678, 03.1234.5678, (03)1234-5678  ［電話番号］
- ext      extensions: 内線1234                                ［内線番号］
- postal   〒164-8501, 〒1648501, a bare 164-8501               ［郵便番号］
- address  都道府県 (optional) + 市区町村 + 町名 + 番地 (丁目・番・号 or 1-2-3)  ［住所］
- name     a name before 様/さん/氏/殿/くん/ちゃん (not 皆様, お子さん, 同様 …),
           and the value after 氏名/名前/お名前/投稿者                 ［氏名］
- birth    a date marked as a birth date (生年月日, 誕生日, …生まれ)   ［生年月日］
- mynumber a 12-digit number with a valid My Number check digit, or any
           12 digits after マイナンバー/個人番号                        ［個人番号］
- bank     account numbers after 口座番号/普通/当座 (6–8 digits), ゆうちょ 記号番号  ［口座番号］
- sns      @handles, and the id after LINE/X/Twitter/Instagram/Facebook/TikTok (ID)  ［SNSアカウント］

Not masked: a name written without an honorific or label (「山田太郎です」), an
address without a house number (「中野区在住」), ages, occupations, free-text
descriptions of a person; dates not marked as birth dates; numbers of plans,
pages, budgets. Review an import of sensitive comments by eye as well.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from revtool.text_chars import KANA_CLASSIC, KANJI_CLASSIC, KATAKANA_CLASSIC

T = TypeVar("T")

EMAIL_MASK = "［メールアドレス］"
PHONE_MASK = "［電話番号］"
POSTAL_MASK = "［郵便番号］"
EXT_MASK = "［内線番号］"
ADDRESS_MASK = "［住所］"
NAME_MASK = "［氏名］"
BIRTH_MASK = "［生年月日］"
MYNUMBER_MASK = "［個人番号］"
BANK_MASK = "［口座番号］"
SNS_MASK = "［SNSアカウント］"

_D = "0-9０-９"
_DASH = "\\-‐‑–—−ー－ｰ"
_SEP = _DASH + ".．"
_ALNUM = "A-Za-z0-9Ａ-Ｚａ-ｚ０-９"
_KANJI = KANJI_CLASSIC
_KANA = KANA_CLASSIC
_KATA = KATAKANA_CLASSIC
_KANSUJI = "一二三四五六七八九十〇"

_EMAIL = re.compile(
    rf"(?<![{_ALNUM}._%+\-＿．])"
    rf"[{_ALNUM}._%+\-＿．＋－]+[@＠][{_ALNUM}\-－]+(?:[.．][{_ALNUM}\-－]+)*[.．][A-Za-zＡ-Ｚａ-ｚ]{{2,}}"
)
_POSTAL_MARKED = re.compile(rf"〒\s*[{_D}]{{3}}[{_DASH}]?[{_D}]{{4}}(?![{_D}])")
_POSTAL_BARE = re.compile(rf"(?<![{_D}{_SEP}])[{_D}]{{3}}[{_DASH}][{_D}]{{4}}(?![{_D}{_SEP}])")
# An area code in brackets is taken only with both brackets: a lone 「（」 before a
# number belongs to the text around it and stays.
_PHONE = re.compile(
    rf"(?<![{_D}{_SEP}])"
    rf"(?:(?:\+|＋)(?:81|８１)[\s{_SEP}]?(?:[（(][0０][)）])?|[（(][0０][{_D}]{{0,4}}[)）]|[0０])"
    rf"[{_D}]{{0,4}}"
    rf"(?:[\s{_SEP}]{{0,2}}[{_D}]{{1,4}}){{1,3}}"
    rf"(?![{_D}])"
)
_EXT = re.compile(rf"内線\s*[:：]?\s*[{_D}]{{2,6}}")
_DIGIT = re.compile(rf"[{_D}]")

_PREFECTURE = rf"(?:東京都|北海道|(?:京都|大阪)府|[{_KANJI}]{{2,3}}県)"
_CITY = rf"(?:[{_KANJI}{_KANA}]{{1,6}}?[市区町村郡])"
_NUM = rf"[{_D}{_KANSUJI}]+"
# A house number makes it an address: 4丁目8番1号, 4丁目8-1, 3-12-5, 12番地 (「中野区在住」
# and 「施策1-1」 are not addresses).
_ADDRESS = re.compile(
    rf"(?:{_PREFECTURE}\s*)?{_CITY}{{1,3}}\s*[{_KANJI}{_KATA}]{{0,10}}?\s*"
    rf"(?:{_NUM}\s*丁目\s*{_NUM}(?:\s*(?:番地?|[{_DASH}])\s*{_NUM})?|{_NUM}\s*[{_DASH}]\s*{_NUM}\s*[{_DASH}]\s*{_NUM}"
    rf"|{_NUM}\s*番地(?:\s*の?\s*{_NUM})?)(?:\s*号)?"
    rf"(?:\s*[{_D}A-Za-z{_KATA}一-龥]{{0,12}}?(?:号室|[{_D}]{{3,4}}号?室?))?"
)

_HONORIFIC = "様|さま|さん|氏|殿|くん|君|ちゃん"
_NAME_BEFORE = re.compile(
    rf"(?<![{_KANJI}{_KATA}])"  # the start of the name (a particle may come before it)
    rf"((?:[{_KANJI}]{{1,4}}(?:[ 　][{_KANJI}{_KANA}]{{1,4}})?)|(?:[{_KATA}]{{2,8}}(?:[ 　・]?[{_KATA}]{{2,8}})?))"
    rf"(?:{_HONORIFIC})(?![々{_KANJI}])"
)
# Words before an honorific that are not names (皆様, お子さん, 同様 …).
_NOT_NAMES = frozenset(
    "皆 皆々 各位 お客 客 神 王 奥 殿 同 多 仕 模 態 異 一 両 彼 子 お子 息子 娘 父 母 兄 姉 弟 妹 祖父 祖母 叔父 叔母 伯父 伯母 "
    "患者 利用者 高齢者 障害者 保護者 事業者 生徒 先生 住民 区民 市民 町民 村民 都民 県民 国民 職員 議員 区長 市長 委員 "
    "赤 お父 お母 お兄 お姉 お爺 お婆 おじい おばあ おじ おば 様 有 今 今日 ご 皆さま 相手 方 人 者 民 員 長 係 担当 窓口 業者".split()
)
_NAME_LABEL = re.compile(
    rf"((?:氏名|お名前|名前|投稿者|提出者|意見者)\s*[:：は]\s*)([{_KANJI}{_KANA}]{{1,6}}(?:[ 　][{_KANJI}{_KANA}]{{1,6}})?)"
)

_ERA = r"(?:明治|大正|昭和|平成|令和|[MTSHR])"
_DATE = (rf"(?:{_ERA}\s*(?:[{_D}]{{1,2}}|元)|[{_D}]{{4}})\s*[年./／{_DASH}]\s*[{_D}]{{1,2}}\s*[月./／{_DASH}]\s*[{_D}]{{1,2}}\s*日?")
_BIRTH = re.compile(
    rf"((?:生年月日|誕生日|生まれ)\s*[:：は]?\s*){_DATE}|{_DATE}(?=\s*(?:生まれ|生(?![活産])))"
)

_MYNUMBER_LABELLED = re.compile(rf"((?:マイナンバー|個人番号)(?:カード)?(?:の番号)?\s*[:：は]?\s*)[{_D}]{{4}}[\s{_DASH}]?[{_D}]{{4}}[\s{_DASH}]?[{_D}]{{4}}(?![{_D}])")
_TWELVE = re.compile(rf"(?<![{_D}{_SEP}])[{_D}]{{4}}[\s{_DASH}]?[{_D}]{{4}}[\s{_DASH}]?[{_D}]{{4}}(?![{_D}{_SEP}])")

_BANK = re.compile(
    rf"((?:口座番号|口座|普通預金|当座預金|普通|当座|記号番号)\s*(?:No\.?|番号)?\s*[:：は]?\s*)[{_D}]{{4,5}}(?:[\s{_DASH}][{_D}]{{6,8}}|[{_D}]{{2,4}})(?![{_D}])"
)
_SNS_HANDLE = re.compile(r"(?<![A-Za-z0-9._%+\-＿．@＠])[@＠][A-Za-z0-9_](?:[A-Za-z0-9_.]{0,29}[A-Za-z0-9_])?(?![A-Za-z0-9_@])")
_SNS_LABELLED = re.compile(
    r"((?:LINE|ライン|Twitter|ツイッター|Ｘ|X|Instagram|インスタグラム|インスタ|Facebook|フェイスブック|TikTok|ティックトック)"
    r"(?:[（(][^）)]{0,8}[)）])?\s*(?:の)?\s*(?:ID|ＩＤ|id|アカウント|ユーザー名)\s*[:：は]?\s*)[@＠]?[A-Za-z0-9_.\-]{3,30}"
)


@dataclass(frozen=True)
class Masked:
    text: str
    counts: Counter[str]


def _phone_digits_ok(match: str) -> bool:
    digits = len(_DIGIT.findall(match))
    if match.lstrip("（(").startswith(("+", "＋")):
        digits -= 2  # the country code 81 stands for the leading 0
        return 9 <= digits <= 10
    return 10 <= digits <= 11


def my_number_valid(digits: str) -> bool:
    """The check digit of a 12-digit 個人番号 (the public algorithm of the My Number Act's ordinance)."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    body = [int(ch) for ch in digits[:11]]
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(reversed(body), start=1))
    remainder = total % 11
    return int(digits[11]) == (0 if remainder <= 1 else 11 - remainder)


def _ascii_digits(text: str) -> str:
    return "".join(chr(ord(ch) - 0xFEE0) if "０" <= ch <= "９" else ch for ch in text if ch.isdigit())


def mask_pii_counted(text: str) -> Masked:
    """``text`` with personal data replaced, and how many of each kind were
    replaced (keys: email, phone, ext, postal, address, name, birth, mynumber, bank, sns)."""
    counts: Counter[str] = Counter()

    def fixed(kind: str, mask: str, keep_label: bool = False) -> Callable[[re.Match[str]], str]:
        def replace(m: re.Match[str]) -> str:
            counts[kind] += 1
            return (m.group(1) or "") + mask if keep_label and m.lastindex else mask

        return replace

    def phone(m: re.Match[str]) -> str:
        if not _phone_digits_ok(m.group(0)):
            return m.group(0)
        counts["phone"] += 1
        return PHONE_MASK

    def twelve(m: re.Match[str]) -> str:
        if not my_number_valid(_ascii_digits(m.group(0))):
            return m.group(0)
        counts["mynumber"] += 1
        return MYNUMBER_MASK

    def name(m: re.Match[str]) -> str:
        word = m.group(1).strip()
        if word in _NOT_NAMES or any(word.endswith(w) for w in _NOT_NAMES if len(w) >= 2) or word.endswith(("皆", "様", "々")):
            return m.group(0)
        counts["name"] += 1
        return NAME_MASK + m.group(0)[len(m.group(1)):]

    text = _EMAIL.sub(fixed("email", EMAIL_MASK), text)
    text = _SNS_LABELLED.sub(fixed("sns", SNS_MASK, keep_label=True), text)
    text = _SNS_HANDLE.sub(fixed("sns", SNS_MASK), text)
    text = _MYNUMBER_LABELLED.sub(fixed("mynumber", MYNUMBER_MASK, keep_label=True), text)
    text = _TWELVE.sub(twelve, text)
    text = _BANK.sub(fixed("bank", BANK_MASK, keep_label=True), text)
    text = _BIRTH.sub(lambda m: (m.group(1) or "") + fixed("birth", BIRTH_MASK)(m), text)
    text = _POSTAL_MARKED.sub(fixed("postal", "〒" + POSTAL_MASK), text)
    text = _EXT.sub(fixed("ext", EXT_MASK), text)
    text = _ADDRESS.sub(fixed("address", ADDRESS_MASK), text)
    text = _PHONE.sub(phone, text)
    text = _POSTAL_BARE.sub(fixed("postal", POSTAL_MASK), text)
    text = _NAME_LABEL.sub(fixed("name", NAME_MASK, keep_label=True), text)
    text = _NAME_BEFORE.sub(name, text)
    return Masked(text, counts)


def mask_pii(text: str) -> str:
    """``text`` with personal data masked (see the module docstring for what)."""
    return mask_pii_counted(text).text


def mask_rows(rows: Sequence[T]) -> tuple[list[T], Counter[str]]:
    """Comment-table rows (any dataclass with ``opinion``) with the opinion masked,
    and the total counts. The ward's answer (``response``) is public and stays as written."""
    total: Counter[str] = Counter()
    out: list[T] = []
    for row in rows:
        opinion = mask_pii_counted(row.opinion)  # type: ignore[attr-defined]
        total += opinion.counts
        out.append(dataclasses.replace(row, opinion=opinion.text))  # type: ignore[type-var]
    return out, total


_KIND_NAMES = (
    ("name", "氏名"), ("address", "住所"), ("postal", "郵便番号"), ("phone", "電話番号"), ("ext", "内線番号"),
    ("email", "メールアドレス"), ("birth", "生年月日"), ("mynumber", "個人番号"), ("bank", "口座番号"), ("sns", "SNSアカウント"),
)


def describe_counts(counts: Counter[str]) -> str:
    """``氏名 1、メールアドレス 2`` (Japanese, for the command's report)."""
    return "、".join(f"{label} {counts[key]}" for key, label in _KIND_NAMES if counts[key]) or "該当なし"


__all__ = [
    "ADDRESS_MASK", "BANK_MASK", "BIRTH_MASK", "EMAIL_MASK", "EXT_MASK", "MYNUMBER_MASK", "NAME_MASK", "PHONE_MASK",
    "POSTAL_MASK", "SNS_MASK", "Masked", "describe_counts", "mask_pii", "mask_pii_counted", "mask_rows", "my_number_valid",
]
