"""Masking personal data in comment text (pure: no files, no printing).

Public comments carry e-mail addresses, phone numbers and postal codes. With
``comments import --mask-pii`` each is replaced by a bracketed placeholder
before anything is stored. Full-width forms (０３－１２３４－５６７８,
ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ) are matched as well as ASCII ones.

Phone numbers: a Japanese number starts with 0 (or +81) and has 10 or 11 digits
in all (03-1234-5678, 090-1234-5678, 0120-123-456, (03)1234-5678, 0312345678);
other digit runs (dates, amounts, page ranges) are left alone.
Postal codes: 〒 followed by NNN-NNNN or NNNNNNN, or a bare NNN-NNNN not inside
a longer number.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

EMAIL_MASK = "［メールアドレス］"
PHONE_MASK = "［電話番号］"
POSTAL_MASK = "［郵便番号］"

_D = "0-9０-９"
_DASH = "\\-‐‑–—−ー－ｰ"
_ALNUM = "A-Za-z0-9Ａ-Ｚａ-ｚ０-９"

_EMAIL = re.compile(
    rf"(?<![{_ALNUM}._%+\-＿．])"
    rf"[{_ALNUM}._%+\-＿．＋－]+[@＠][{_ALNUM}\-－]+(?:[.．][{_ALNUM}\-－]+)*[.．][A-Za-zＡ-Ｚａ-ｚ]{{2,}}"
)
_POSTAL_MARKED = re.compile(rf"〒\s*[{_D}]{{3}}[{_DASH}]?[{_D}]{{4}}(?![{_D}])")
_POSTAL_BARE = re.compile(rf"(?<![{_D}{_DASH}])[{_D}]{{3}}[{_DASH}][{_D}]{{4}}(?![{_D}{_DASH}])")
_PHONE = re.compile(
    rf"(?<![{_D}{_DASH}])"
    rf"(?:(?:\+|＋)(?:81|８１)[\s{_DASH}]?[（(]?[0０]?[)）]?|[（(]?[0０])"
    rf"[{_D}]{{1,4}}[)）]?"
    rf"(?:[\s{_DASH}()（）]{{0,2}}[{_D}]{{1,4}}){{1,3}}"
    rf"(?![{_D}])"
)
_DIGIT = re.compile(rf"[{_D}]")


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


def mask_pii_counted(text: str) -> Masked:
    """``text`` with e-mail addresses, phone numbers and postal codes replaced,
    and how many of each were replaced (keys: email, phone, postal)."""
    counts: Counter[str] = Counter()

    def sub(kind: str, mask: str):  # type: ignore[no-untyped-def]
        def replace(m: re.Match[str]) -> str:
            counts[kind] += 1
            return mask

        return replace

    def phone(m: re.Match[str]) -> str:
        if not _phone_digits_ok(m.group(0)):
            return m.group(0)
        counts["phone"] += 1
        return PHONE_MASK

    text = _EMAIL.sub(sub("email", EMAIL_MASK), text)
    text = _POSTAL_MARKED.sub(sub("postal", "〒" + POSTAL_MASK), text)
    text = _PHONE.sub(phone, text)
    text = _POSTAL_BARE.sub(sub("postal", POSTAL_MASK), text)
    return Masked(text, counts)


def mask_pii(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers and postal codes masked."""
    return mask_pii_counted(text).text


def mask_rows(rows: Sequence[T]) -> tuple[list[T], Counter[str]]:
    """Comment-table rows (any dataclass with ``opinion`` and ``response``) with
    both texts masked, and the total counts."""
    total: Counter[str] = Counter()
    out: list[T] = []
    for row in rows:
        opinion = mask_pii_counted(row.opinion)  # type: ignore[attr-defined]
        response = mask_pii_counted(row.response)  # type: ignore[attr-defined]
        total += opinion.counts + response.counts
        out.append(dataclasses.replace(row, opinion=opinion.text, response=response.text))  # type: ignore[type-var]
    return out, total


def describe_counts(counts: Counter[str]) -> str:
    """``メールアドレス 2、電話番号 1`` (Japanese, for the command's report)."""
    names = (("email", "メールアドレス"), ("phone", "電話番号"), ("postal", "郵便番号"))
    return "、".join(f"{label} {counts[key]}" for key, label in names if counts[key]) or "該当なし"


__all__ = ["EMAIL_MASK", "PHONE_MASK", "POSTAL_MASK", "Masked", "describe_counts", "mask_pii", "mask_pii_counted", "mask_rows"]
