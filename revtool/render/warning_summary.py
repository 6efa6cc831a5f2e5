"""Warnings summarized for the terminal (issue 15): all of them when there are
few; else how many of each kind, the first few, and where the full list is."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

SHOW_ALL = 10  # up to this many warnings are printed in full
TOP = 5  # otherwise: this many kinds with their counts, and this many lines
LINE = 100  # characters of each line shown in a summary


def warning_kind(message: str) -> str:
    """What a warning says, without the ids, names, numbers and quotes that vary:
    「C12 該当箇所が複数の節に当てはまります: …」 → 該当箇所が複数の節に当てはまります."""
    text = re.sub(r"^[A-Z]+\d+:?\s*", "", message)
    text = re.sub(r"「[^」]*」|（[^）]*）|P\.[\d、\-]+", "…", text)
    text = text.split(":")[0].split("。")[0]
    return re.sub(r"\d+", "N", text).strip() or message[:30]


def summary_lines(messages: Sequence[str], full_list: str, kinds_of: Sequence[str] | None = None) -> list[str]:
    """Lines to print (without the 「注意:」 of each message when shown whole).
    ``kinds_of``: each message's kind when the caller knows it (a warning's
    code in Japanese); else the kind is read from the message's wording."""
    if len(messages) <= SHOW_ALL:
        return [f"注意: {m}" for m in messages]
    kinds = Counter(kinds_of if kinds_of is not None else (warning_kind(m) for m in messages))
    top = "、".join(f"{k} {n:,} 件" for k, n in kinds.most_common(TOP))
    more = f"、他 {len(kinds) - TOP} 種類" if len(kinds) > TOP else ""
    out = [f"注意が {len(messages):,} 件あります（{top}{more}）。最初の {TOP} 件:"]
    out += [f"  注意: {m if len(m) <= LINE else m[:LINE - 1] + '…'}" for m in messages[:TOP]]
    out.append(f"全件は {full_list} で確認できます。")
    return out


def grouped_lines(result: Any) -> list[str]:
    """Every warning of a change-table result (``revtool review --warnings``),
    grouped by kind: the change table's, then the comment table's."""
    table = list(dict.fromkeys(w.message for w in result.changelog.warnings))
    imported = [f"{c.id} {w}" for c in result.comments for w in c.warnings]
    sets = (("変更表", table, coded_kinds(result.changelog.warnings, table)),
            ("意見の取り込み", imported, [warning_kind(m) for m in imported]))
    out: list[str] = []
    for title, messages, kind_of in sets:
        kinds: dict[str, list[str]] = defaultdict(list)
        for m, k in zip(messages, kind_of):
            kinds[k].append(m)
        out.append(f"■ {title}の注意 {len(messages):,} 件")
        for kind, items in sorted(kinds.items(), key=lambda k: -len(k[1])):
            out.append(f"  {kind}（{len(items):,} 件）")
            out += [f"    {m}" for m in items]
    return out


def coded_kinds(warnings: Sequence[Any], messages: Sequence[str]) -> list[str]:
    """The kind of each (distinct) message of coded warnings: its code in
    Japanese. 「R3: 第3章 … の変更の理由…」 names a section that differs on every
    row, so the wording alone does not say the kind."""
    from revtool.render.changelog_common import WARNING_JA

    code: dict[str, str] = {}
    for w in warnings:
        code.setdefault(w.message, w.code)
    return [WARNING_JA.get(code.get(m, "")) or warning_kind(m) for m in messages]


def changelog_warning_lines(log: Any, old: str, new: str, fmt: str | None = None) -> list[str]:
    """A change table's warnings, each once — all of them when few, else their
    count, kinds and the first ones — then where to act on them."""
    seen = list(dict.fromkeys(w.message for w in log.warnings))
    kinds = coded_kinds(log.warnings, seen)
    where = "このファイルの warnings と" if fmt == "json" else "revtool changelog --format json の warnings と"
    out = summary_lines(seen, f"{where} revtool review {old} {new} --warnings", kinds)
    if seen:
        out.append(f"→ 理由の確認・指定は revtool review {old} {new} で行えます（注意 {len(seen)} 件）。")
    return out
