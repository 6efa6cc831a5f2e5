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


def summary_lines(messages: Sequence[str], full_list: str) -> list[str]:
    """Lines to print (without the 「注意:」 of each message when shown whole)."""
    if len(messages) <= SHOW_ALL:
        return [f"注意: {m}" for m in messages]
    kinds = Counter(warning_kind(m) for m in messages)
    top = "、".join(f"{k} {n:,} 件" for k, n in kinds.most_common(TOP))
    more = f"、他 {len(kinds) - TOP} 種類" if len(kinds) > TOP else ""
    out = [f"注意が {len(messages):,} 件あります（{top}{more}）。最初の {TOP} 件:"]
    out += [f"  注意: {m if len(m) <= LINE else m[:LINE - 1] + '…'}" for m in messages[:TOP]]
    out.append(f"全件は {full_list} で確認できます。")
    return out


def grouped_lines(result: Any) -> list[str]:
    """Every warning of a change-table result (``revtool review --warnings``),
    grouped by kind: the change table's, then the comment table's."""
    sets = (("変更表", list(dict.fromkeys(w.message for w in result.changelog.warnings))),
            ("意見の取り込み", [f"{c.id} {w}" for c in result.comments for w in c.warnings]))
    out: list[str] = []
    for title, messages in sets:
        kinds: dict[str, list[str]] = defaultdict(list)
        for m in messages:
            kinds[warning_kind(m)].append(m)
        out.append(f"■ {title}の注意 {len(messages):,} 件")
        for kind, items in sorted(kinds.items(), key=lambda k: -len(k[1])):
            out.append(f"  {kind}（{len(items):,} 件）")
            out += [f"    {m}" for m in items]
    return out


def changelog_warning_lines(log: Any, old: str, new: str, fmt: str | None = None) -> list[str]:
    """A change table's warnings, each once — all of them when few, else their
    count, kinds and the first ones — then where to act on them."""
    seen = list(dict.fromkeys(w.message for w in log.warnings))
    where = "このファイルの warnings と" if fmt == "json" else "revtool changelog --format json の warnings と"
    out = summary_lines(seen, f"{where} revtool review {old} {new} --warnings")
    if seen:
        out.append(f"→ 理由の確認・指定は revtool review {old} {new} で行えます（注意 {len(seen)} 件）。")
    return out
