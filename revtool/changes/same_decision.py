"""One decision written in several places is one row, even when the places
do not share the same edit word for word. Pure.

* ``join_replaced_names``: a named document replaced by another everywhere
  it is quoted (国の「認知症施策推進大綱」 → 「認知症施策推進基本計画」 in the
  plan's 位置付け and in the 認知症 施策, each sentence rewritten its own way):
  the old name is nowhere in 案, the new one nowhere in 素案 — one revision,
  one row listing both places and both pages.
* ``join_replaced_terms``: a name replaced throughout the plan (a 部
  renamed: 都市整備部 → まちづくり推進部), written alone in one place and inside
  a longer name in another (都市整備部都市計画課): the same words replaced, one
  row listing every place.
* ``join_refreshed_statistics``: figures moved on to a later date by the
  same step in several places — the cells of one table column (基準値（年度）)
  in the KPI tables of every 節, or sibling sections whose every edit is a
  figure (令和5年10月1日 → 令和6年10月1日 in one, 令和5年9月 → 令和6年9月 in
  the next): the statistics brought up to date, one row.
* ``join_revised_schedules``: the year-by-year figures (令和６年度 | 令和７年度 |
  令和８年度) of the tables of sibling sections re-estimated, each section's
  edits nothing but those figures (the 見込量 of every サービス): one
  estimate revised, one row named after what its parent heading says the
  figures are (障害福祉サービス等の見込量).

Every join says why (``Group.why``).
"""

from __future__ import annotations

import re
from collections import defaultdict

from revtool.changes.fact_groups import header_edit
from revtool.changes.facts import CELL, TEXT, Fact, key
from revtool.changes.group import Group, MIN_NAME, join_groups, move_fact, common_prefix, ordered_unique, own_row, take_facts, where, with_continuations
from revtool.changes.headings import heading_title
from revtool.changes.law_citation import ACT_NUMBER, provisions
from revtool.compare import morph
from revtool.compare.chardiff import common_ends
from revtool.compare.diff import full_text
from revtool.model import Document, SectionPath

_NAME = re.compile(r"「([^「」]{2,40})」")
# a dated year: 和暦 (令和5年: era, year) or 西暦 (2023年: "", year) — national plans date their figures 32.4％（2023年）
_ERA_YEAR = re.compile(r"(令和|平成)([0-9]{1,2}|元)年|(?<![0-9])((?:19|20)[0-9]{2})年")
_FIGURES = re.compile(r"[0-9]+(?:[.,][0-9]+)*")


def _kept(g: Group, groups: list[Group]) -> bool:
    """Whether ``g`` is still one of ``groups`` (by identity: groups compare by value)."""
    return any(x is g for x in groups)


def _movable(g: Group) -> bool:
    return not (g.every or g.added_root or g.structural)


def replaced_names(f: Fact, old_text: str, new_text: str) -> list[tuple[str, str]]:
    """(old name, new name) for each 「」 name the edit ``f`` drops and each it
    brings, when the old name is nowhere in 案 (``new_text``, a comparison key)
    and the new one nowhere in 素案 (``old_text``): a document replaced
    throughout, not a name edited in one place."""
    if not f.old or not f.new:
        return []
    olds = {key(n): n for n in _NAME.findall(f.old) if len(key(n)) >= MIN_NAME}
    news = {key(n): n for n in _NAME.findall(f.new) if len(key(n)) >= MIN_NAME}
    return [(olds[o], news[n]) for o in olds if o not in news and o not in new_text
            for n in news if n not in olds and n not in old_text]


def new_law_numbers(f: Fact, old_text: str) -> list[str]:
    """The promulgation numbers of laws (令和7年法律第91号) the edit ``f``
    brings that 素案 (``old_text``, a comparison key) never cites: one law
    passed, whose citation a revision writes wherever the plan speaks of it."""
    if not f.new:
        return []
    return ordered_unique(n for n in ACT_NUMBER.findall(key(f.new)) if n not in old_text and n not in key(f.old))


def new_provisions(f: Fact, old_text: str) -> list[tuple[str, str]]:
    """The provisions of laws (…に関する法律第8条第1項) the edit ``f`` cites that
    素案 (``old_text``, a comparison key) never cites: the plan placed under a
    law's article (…に基づく「地方再犯防止推進計画」として位置付けます), which a
    revision writes in the plan's 位置付け and in the 施策 that carries it out."""
    if not f.new:
        return []
    return ordered_unique(p for p in provisions(key(f.new)) if p[0] not in old_text and p[0] not in key(f.old))


def join_replaced_names(groups: list[Group], old_doc: Document | None, new_doc: Document | None) -> None:
    """Rows in different places that replace the same quoted name by the same
    new one (``replaced_names``), or that cite the same law newly passed
    (``new_law_numbers``) or the same provision of a law 素案 never cites
    (``new_provisions``), are one row: the first keeps its words, the
    others' edits of the sentences carrying the name become its echoes (their
    pages and places count); their other edits stay their rows."""
    if old_doc is None or new_doc is None:
        return
    old_text, new_text = key(full_text(old_doc)), key(full_text(new_doc))
    carriers: dict[tuple[str, str], list[tuple[Group, Fact, tuple[str, str]]]] = defaultdict(list)
    for g in groups:
        if g.added_root or g.structural:
            continue
        for f in g.facts:
            for pair in replaced_names(f, old_text, new_text):
                carriers[(key(pair[0]), key(pair[1]))].append((g, f, pair))
            for number in new_law_numbers(f, old_text):
                carriers[("", number)].append((g, f, ("", number)))
            for provision, written in new_provisions(f, old_text):
                carriers[("", provision)].append((g, f, ("", written)))
    for found in carriers.values():
        target = found[0][0]
        if not _kept(target, groups):
            continue
        others = [(g, f) for g, f, _ in found if g is not target and _kept(g, groups) and _movable(g)]
        if not others or all(where(f) in target.paths for _, f in others):
            continue
        old, new = found[0][2]
        # the first place's other edits (a コラム added beside the law's citation) are another decision
        first = {id(f.change) for g, f, _ in found if g is target}
        target = own_row(target, with_continuations([f for f in target.facts if id(f.change) in first], target.facts), groups)
        for g in list({id(g): g for g, _ in others}.values()):
            # the carrier's whole sentence goes with it: its other words were rewritten for the same revision
            carried = {id(f.change) for h, f in others if h is g}
            take_facts([f for f in g.facts if id(f.change) in carried], g, target, groups)
        places = ordered_unique(where(f) for _, f, _ in found)
        names = "、".join(heading_title(p[-1]) for p in places)
        target.why.append(f"「{old}」を「{new}」に置き換える同じ改定が{len(places)}か所（{names}）にあり、"
                          "古い名称は案に、新しい名称は素案にないため一つの行" if old else
                          f"素案にない同じ法律番号「{new}」を引く改定が{len(places)}か所（{names}）にあるため、"
                          "同じ法改正の反映として一つの行" if ACT_NUMBER.fullmatch(new) else
                          f"素案にない同じ法律の条項「{new}」を引く改定が{len(places)}か所（{names}）にあるため、"
                          "同じ法令に基づく位置付けとして一つの行")


MAX_TERM = 25  # characters of the longest name an edit can replace throughout (都市整備部都市計画課)
_NOUN_PARTS = ("名詞", "接頭辞", "接尾辞")


def _noun_compound(text: str) -> bool:
    """Whether ``text`` is one compound noun (都市整備部都市計画課, 公園・緑地課):
    nouns, prefixes and suffixes, joined by 中点 at most — a name, not a phrase."""
    ms = morph.morphemes(text)
    return bool(ms) and all(m.pos in _NOUN_PARTS or m.surface == "・" for m in ms)


def replaced_term(f: Fact, old_text: str, new_text: str) -> tuple[str, str] | None:
    """(old words, new words) that the edit ``f`` replaces when it renames a
    name throughout the plan: both sides one compound noun, the old one nowhere
    in 案 (``new_text``, a comparison key) and the new one nowhere in 素案
    (``old_text``); the words are what differs once the beginning and end both
    sides share are set aside — the same for the name standing alone
    (都市整備部 → まちづくり推進部) and inside a longer one (都市整備部都市計画課 →
    まちづくり推進部都市計画課): 「都市整備」→「まちづくり推進」. None for any
    other edit, and for figures (their update is ``join_refreshed_statistics``)."""
    if f.kind not in (TEXT, CELL) or not f.old or not f.new:
        return None
    o, n = key(f.old), key(f.new)
    if o == n or max(len(o), len(n)) > MAX_TERM:
        return None
    head, tail = common_ends(o, n)
    words = o[head:len(o) - tail], n[head:len(n) - tail]
    if max(len(w) for w in words) < 2 or _FIGURES.search(words[0] + words[1]):
        return None
    if not (_noun_compound(f.old.strip()) and _noun_compound(f.new.strip())) or o in new_text or n in old_text:
        return None
    return words


def join_replaced_terms(groups: list[Group], old_doc: Document | None, new_doc: Document | None) -> None:
    """A name replaced throughout the plan (``replaced_term``: a 部 renamed) is one
    decision wherever it is written: the rows whose edits replace the same words
    — the name alone in one place, inside a longer name in another (都市整備部 and
    都市整備部都市計画課) — are one row, the row of the name alone (its words say
    the decision); the others' edits become its echoes (their pages and places
    count). Edits of the same words as that row's stay where they are: the
    grouping of repeated edits (``fact_groups``) already decided about them."""
    if old_doc is None or new_doc is None:
        return
    old_text, new_text = key(full_text(old_doc)), key(full_text(new_doc))
    carriers: dict[tuple[str, str], list[tuple[Group, Fact]]] = defaultdict(list)
    for g in groups:
        if not _movable(g):
            continue
        for f in g.facts:
            words = replaced_term(f, old_text, new_text)
            if words is not None:
                carriers[words].append((g, f))
    for found in carriers.values():
        found = [(g, f) for g, f in found if _kept(g, groups)]
        if not found:
            continue
        # the row of the name alone: the shortest edit, the first of equals
        home, said = min(found, key=lambda gf: (len(key(gf[1].old)), gf[1].order))
        others = [(g, f) for g, f in found if g is not home and (key(f.old), key(f.new)) != (key(said.old), key(said.new))]
        # and any other edit whose only difference is that name replaced, inside a longer text
        # (a 策定経過 cell: 農林水産部内に策定検討会を設置 → 農林水産振興部内に…)
        seen = {id(f) for _, f in found}
        others += [(g, f) for g in groups if g is not home and _movable(g) for f in g.facts
                   if id(f) not in seen and _renames(f, said)]
        if not others:
            continue
        for g in list({id(g): g for g, _ in others}.values()):
            take_facts([f for h, f in others if h is g], g, home, groups)
        home.anchor = common_prefix(home.paths) or home.anchor
        carried = {id(f) for _, f in found + others}
        places = ordered_unique(where(f) for f in home.facts if id(f) in carried)
        inside = ordered_unique(f"「{f.old.strip()}」" for _, f in others if id(f) in seen)
        texts = ordered_unique(f"「{f.old.strip()}」" for _, f in others if id(f) not in seen)
        where_said = "、".join(([f"名称の中（{'、'.join(inside)}）"] if inside else [])
                               + ([f"文中（{'、'.join(texts)}）"] if texts else []))
        home.why.append(f"「{said.old.strip()}」を「{said.new.strip()}」に改める同じ置き換えが、{where_said}"
                        f"も含め{len(places)}つの節（{'、'.join(_place_names(places))}）にあり、古い名称は案に、"
                        "新しい名称は素案にないため一つの行")


def _renames(f: Fact, said: Fact) -> bool:
    """Whether the edit ``f`` does nothing but replace ``said``'s old name by its new one
    wherever the old name stands in its text."""
    if f.kind not in (TEXT, CELL) or not f.old or not f.new:
        return False
    name, renamed = key(said.old), key(said.new)
    old = key(f.old)
    return name in old and old.replace(name, renamed) == key(f.new)


def figures_only(f: Fact) -> bool:
    """An edit of figures alone: both sides the same but for their numbers."""
    if f.kind not in (TEXT, CELL) or not f.old or not f.new:
        return False
    old, new = key(f.old), key(f.new)
    return old != new and _FIGURES.sub("0", old) == _FIGURES.sub("0", new)


def _year(text: str) -> int:
    return 1 if text == "元" else int(text)


def _dated_years(text: str) -> list[tuple[str, int]]:
    """(era, year) of each dated year of ``text``, era "" for a 西暦 year."""
    return [(era, _year(year)) if era else ("", int(western)) for era, year, western in _ERA_YEAR.findall(text)]


def year_steps(f: Fact) -> set[tuple[str, int, int]]:
    """(era, old year, new year) for each dated year the edit moves forward
    (令和5年10月1日 → 令和6年10月1日: ("令和", 5, 6); 32.4％（2023年） →
    33.0％（2024年）: ("", 2023, 2024))."""
    old, new = _dated_years(key(f.old)), _dated_years(key(f.new))
    if len(old) != len(new):
        return set()
    return {(a[0], a[1], b[1]) for a, b in zip(old, new) if a[0] == b[0] and b[1] > a[1]}


_DATE = re.compile(r"(?:(?:令和|平成)(?:[0-9０-９]{1,2}|元)|(?<![0-9０-９])(?:19|20|１９|２０)[0-9０-９]{2})年(?:度|[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?")


def _refresh_sign(f: Fact) -> set[tuple[str, str, int, int]]:
    """(column header, era, old year, new year) for each date the figures-only
    edit ``f`` moves forward; "" as header for an edit of running text."""
    if not figures_only(f):
        return set()
    column = key(f.column) if f.kind == CELL else ""
    return {(column, *step) for step in year_steps(f)}


_AMOUNT = re.compile(r"[0-9０-９][0-9０-９,，.．]*(?:[％%人件倍円回校]|か所|箇所|世帯|千円|万円)?")


def _subject(unit: str, figure: str) -> str:
    """The words a figure of running text is said of (「…現在の総人口は１８,４２０人」 → 総人口)."""
    before = unit[: unit.find(figure)] if figure in unit else ""
    words = re.split(r"[、。のでにと（）「」]", before)[-1] if before else ""
    return re.sub(r"[はがを]$", "", words).strip()


def _refresh_statement(facts: list[Fact], era: str, old_year: int, new_year: int, paths: list[SectionPath]) -> str:
    """The decision in one sentence: the tables (成果目標, when every place is so
    named), the date the figures stood at and now stand at, and one example
    old → new (成果目標の「現状」を2023年から2024年の値に更新（… 25.7％（2023年） → 23.9％（2024年）ほか））."""
    def dated(year: int, texts: list[str]) -> str:
        found = [m for t in texts for m in _DATE.findall(t) if key(m).startswith(f"{era}{year}年")]
        return max(found, key=len) if found else f"{era}{year}年"

    when = dated(new_year, [f.new_unit or f.new for f in facts])
    values = [f for f in facts if figures_only(f) and _DATE.sub("", key(f.old)).strip("0123456789")]
    sample = values[0] if values else facts[0]
    if sample.kind == CELL and sample.column.strip():
        label = f"{sample.row_key.strip()} " if sample.row_key.strip() else ""
        since = dated(old_year, [f.old_unit or f.old for f in facts])
        titles = {heading_title(p[-1]) for p in paths if p}
        tables = f"{titles.pop()}の" if len(paths) >= 2 and len(titles) == 1 else ""  # every 分野's 成果目標
        return (f"{tables}「{sample.column.strip()}」を{since}から{when}の値に更新（{label}{sample.old.strip()} → {sample.new.strip()}"
                + ("ほか）" if len(values) > 1 else "）"))
    said = [(f, o, n, _subject(f.old_unit or f.old, o.group())) for f in values
            if (o := _AMOUNT.search(f.old)) is not None and (n := _AMOUNT.search(f.new)) is not None]
    if not said:
        return f"数値を{when}現在に更新"
    sample, old, new, subject = next((x for x in said if x[3]), said[0])  # a figure said of something, when one is
    return (f"数値を{when}現在に更新（{subject + ' ' if subject else ''}{old.group()} → {new.group()}"
            + ("ほか）" if len(values) > 1 else "）"))


def _place_names(paths: list[tuple[str, ...]]) -> list[str]:
    """Each place by its heading title, with its parent's when titles repeat
    (成果指標 of every 節: 確かな学力の育成の成果指標)."""
    titles = [heading_title(p[-1]) for p in paths]
    if len(set(titles)) == len(titles):
        return titles
    return [f"{heading_title(p[-2])}の{t}" if len(p) >= 2 else t for p, t in zip(paths, titles)]


def join_refreshed_statistics(groups: list[Group]) -> None:
    """Figures updated to a later date in several places by the same step are
    one decision (the statistics or the 基準値 brought up to date), one row:

    * cells of the same table column (基準値（年度）: 50.0％（令和5年度） →
      62.5％（令和6年度）) in tables of any section, each moved forward by the
      same step — the column names what was refreshed; only those cells move,
      the rows' other edits (a 目標値 raised on a comment) stay their rows;
    * rows of sibling sections made only of figures of running text, each
      moving a date forward by a step another shares (令和5年10月1日 →
      令和6年10月1日 in one, 令和5年9月 → 令和6年9月 in the next).

    The row joined says the date the figures now stand at (``Group.statement``)."""
    # (column header, era, old year, new year, parent section of running text)
    places: dict[tuple[str, str, int, int, tuple[str, ...]], list[tuple[Group, Fact]]] = defaultdict(list)
    for g in groups:
        if not _movable(g) or not g.facts:
            continue
        whole = len(g.paths) == 1 and all(figures_only(f) for f in g.facts)
        for f in g.facts:
            for column, era, a, b in _refresh_sign(f):
                if column:
                    places[(column, era, a, b, ())].append((g, f))
                elif whole and len(g.paths[0]) >= 2:
                    places[("", era, a, b, tuple(g.paths[0][:-1]))].append((g, f))
    taken: set[int] = set()
    for sign, found in sorted(places.items(), key=lambda kv: (kv[0][0] == "", -len(kv[1]))):
        found = [(g, f) for g, f in found if id(f) not in taken and _kept(g, groups)]
        if len({where(f) for _, f in found}) < 2 or len({id(g) for g, _ in found}) < 2:
            continue  # one place, or one row already (a header moved on in every table, with its figures)
        column, era, a, b, _ = sign
        facts = sorted({id(f): f for _, f in found}.values(), key=lambda f: f.order)
        taken.update(id(f) for f in facts)
        target = next(g for g, f in found if f is facts[0])
        donors = list({id(g): g for g, _ in found}.values())
        if not column:  # running text: the sections' whole rows, as they stand
            for g in donors:
                if g is not target:
                    join_groups(target, g, echo=False, why="")
                    groups.remove(g)
        else:
            mine = {id(f) for f in facts}
            if any(id(f) not in mine for f in target.facts):  # the first place also holds another decision
                target = Group(facts=[], anchor=facts[0].section_path)
                groups.append(target)
            for g in donors:
                if g is target:
                    continue
                for f in [f for f in g.facts if id(f) in mine]:
                    move_fact(f, g, target)
                if not g.facts:
                    groups.remove(g)
                else:
                    g.paths = ordered_unique([where(f) for f in g.facts])
            target.echoes.difference_update(mine)
            target.paths = ordered_unique([where(f) for f in target.facts])
        if len(target.paths) > 1:
            target.anchor = common_prefix(target.paths) or target.anchor
        target.statement = target.statement or _refresh_statement(target.facts, era, a, b, target.paths)
        what = f"「{facts[0].column.strip()}」の列の値" if column else "数値だけの更新で、基準日"
        target.own_update = target.own_update or f"計画自身の時点更新と推定（{what}を{era}{a}年から{era}{b}年に更新）"
        target.why.append(f"{what}を同じく{era}{a}年から{era}{b}年に進めた変更が{len(target.paths)}か所（"
                          + "、".join(_place_names(target.paths))
                          + "）にあるため、" + ("同じ列の時点更新" if column else "統計の時点更新") + "として一つの行")


# a column header that is a year and nothing else (令和６年度, 2026年度): one year of a schedule
_YEAR_COLUMN = re.compile(r"(?:(令和|平成)([0-9]{1,2}|元)|((?:19|20)[0-9]{2}))年度?")
# what a heading names when it names figures: a noun of quantity at its end (見込量, 目標値, 利用者数, 整備率)
_QUANTITY = re.compile(r"(?:量|数|値|率|額)$")
_COORDINATED = re.compile(r"と|及び|並びに|および|ならびに")


def _schedule_year(column: str) -> tuple[str, int] | None:
    """(era, year) of a column header that is one year alone, else None."""
    m = _YEAR_COLUMN.fullmatch(key(column))
    if m is None:
        return None
    return (m.group(1), _year(m.group(2))) if m.group(1) else ("", int(m.group(3)))


def _schedule_cell(f: Fact) -> bool:
    """A figure of a year-by-year table changed: a cell of a column headed by a year alone, figures only."""
    return f.kind == CELL and _schedule_year(f.column) is not None and figures_only(f)


def _schedule_span(facts: list[Fact]) -> str:
    """The years the tables run over, as printed (令和６年度～令和８年度): from their
    header rows when known, else from the columns edited."""
    columns = [c for f in facts for c in (f.header or (f.column,)) if _schedule_year(c) is not None]
    years = sorted({_schedule_year(c): c.strip() for c in columns}.items())  # type: ignore[arg-type]
    if not years:
        return ""
    return years[0][1] if len(years) == 1 else f"{years[0][1]}～{years[-1][1]}"


def schedule_name(parents: tuple[str, ...]) -> str:
    """What figures are, read from the headings above them, nearest first: the
    part of a heading that ends in a noun of quantity (「障害福祉サービス等の見込量と
    確保方策」 → 障害福祉サービス等の見込量); "" when none says it."""
    for heading in reversed(parents):
        for part in _COORDINATED.split(heading_title(heading)):
            if len(part) >= 2 and _QUANTITY.search(part):
                return part.strip()
    return ""


def _one_row(found: list[Group], groups: list[Group]) -> Group | None:
    """The rows ``found`` (one section each, in two places or more) joined into the
    first, the others taken out of ``groups``; None when they are fewer."""
    if len(found) < 2 or len({g.paths[0] for g in found}) < 2:
        return None
    target = found[0]
    for g in found[1:]:
        join_groups(target, g, echo=False, why="")
        groups.remove(g)
    return target


def join_revised_schedules(groups: list[Group]) -> None:
    """The year-by-year figures of several sibling sections' tables revised is one
    decision (the estimates of every サービス re-estimated), one row: rows of one
    section each, all their edits figures in columns headed by a year alone
    (``_schedule_cell``), two rows or more under the same parent section. The
    row says what the figures are and the years (``schedule_name``; the
    parent's title with 「の数値」 when its headings do not name them)."""
    by_parent: dict[tuple[str, ...], list[Group]] = defaultdict(list)
    for g in groups:
        if _movable(g) and len(g.paths) == 1 and len(g.paths[0]) >= 2 and g.facts \
                and all(_schedule_cell(f) for f in g.facts):
            by_parent[tuple(g.paths[0][:-1])].append(g)
    for parent, found in by_parent.items():
        target = _one_row(found, groups)
        if target is None:
            continue
        target.anchor = parent
        span = _schedule_span(target.facts)
        name = schedule_name(parent) or f"{heading_title(parent[-1])}の数値"
        target.statement = f"{name}{'（' + span + '）' if span else ''}を更新"
        target.why.append(f"「{heading_title(parent[-1])}」の{len(target.paths)}つの節（{'、'.join(_place_names(target.paths))}）"
                          f"の表で、年度ごとの数値{'（' + span + '）' if span else ''}だけを改めた変更のため、"
                          "同じ見直しとして一つの行")


RESTATED_ROWS = 2
"""Fewest rows of a column restated in each table for the tables to be one refresh (one cell is a target of its own)."""


def _restated_column(g: Group) -> str:
    """The column (its header's key) whose figures are all the row ``g`` changes, in
    ``RESTATED_ROWS`` rows of one table or more; "" for any other row."""
    if not _movable(g) or len(g.paths) != 1 or len(g.facts) < RESTATED_ROWS:
        return ""
    columns = {key(f.column) for f in g.facts}
    if len(columns) != 1 or not all(f.kind == CELL and f.row_key and figures_only(f) for f in g.facts):
        return ""
    if len({key(f.row_key) for f in g.facts}) < RESTATED_ROWS:
        return ""
    return columns.pop()


def join_restated_columns(groups: list[Group]) -> None:
    """The same column of the tables of sections written from one template (each
    地域's 地域指標: 基準値（R4）) restated in several of them, every row of each
    edit a figure of that column and nothing else, two rows or more each: the
    figures brought up to date (確定値), one decision, one row — a target raised
    on a comment is one cell, and stays its own."""
    # a column whose header itself moved on (現状値（令和5年度） → （令和6年度）) is the header's to
    # decide (``fact_groups.reheaded_values``: a statistic of at least three tables), not this join
    reheaded = {(where(f), key(f.new)) for g in groups for f in g.facts if header_edit(f)}
    by_column: dict[tuple[str, str], list[Group]] = defaultdict(list)
    for g in groups:
        column = _restated_column(g)
        if column and (g.paths[0], column) not in reheaded:
            by_column[(column, key(heading_title(g.paths[0][-1])))].append(g)
    for found in by_column.values():
        target = _one_row(found, groups)
        if target is None:
            continue
        target.anchor = common_prefix(target.paths) or target.anchor
        header = target.facts[0].column.strip()
        target.own_update = target.own_update or f"計画自身の数値の更新と推定（「{header}」の列の値だけを{len(target.paths)}か所の表で更新）"
        target.why.append(f"同じ形の{len(target.paths)}つの節（{'、'.join(_place_names(target.paths))}）の表で、"
                          f"「{header}」の列の値だけを行ごとに改めた変更のため、同じ更新として一つの行")


# a figure marked as not yet final: （速報値）, （暫定値）, （見込み）, （推計値）
_PROVISIONAL = re.compile(r"[（(](?:速報値?|暫定値?|見込み?値?|推計値?)[）)]")


def _confirmed(f: Fact) -> str:
    """The mark a figure dropped when it became final (５５.２％（速報値） → ５３.９％): 速報値; "" otherwise."""
    if f.kind not in (TEXT, CELL) or not f.old or not f.new:
        return ""
    m = _PROVISIONAL.search(f.old)
    if m is None or _PROVISIONAL.search(f.new) or not _FIGURES.search(key(f.new)):
        return ""
    old = key(_PROVISIONAL.sub("", f.old))
    new = key(f.new)
    return m.group(0)[1:-1] if _FIGURES.sub("0", old) == _FIGURES.sub("0", new) else ""


def mark_confirmed_figures(groups: list[Group]) -> None:
    """A row whose every edit is a figure marked provisional (（速報値）) replaced by
    the final one, unmarked: the plan's own update of its figures (its cause
    internal, said as inferred)."""
    for g in groups:
        marks = [_confirmed(f) for f in g.facts]
        if g.facts and all(marks) and not g.own_update:
            g.own_update = f"計画自身の数値の更新と推定（{marks[0]}を確定値に更新、{len(marks)}か所）"


REFRESHED_ROWS_MIN = 2  # one figure moved on may be a correction; a column's figures moved on together are an update


def mark_refreshed_column(groups: list[Group]) -> None:
    """A row made of nothing but the figures of one table column, each moved on to
    a later date by the same step (現状値（年度）: 96,000人（令和5年度） →
    98,880人（令和6年度）, 28市町村（令和5年度） → 30市町村（令和6年度））, is the
    plan's own update of that column (internal, inferred), said by its column and
    the date it now stands at: the same evidence ``join_refreshed_statistics``
    gives a column refreshed in several places, here in one table."""
    for g in groups:
        if g.own_update or not _movable(g) or len(g.facts) < REFRESHED_ROWS_MIN:
            continue
        signs = [_refresh_sign(f) if f.kind == CELL and f.row_key else set() for f in g.facts]
        common = set.intersection(*signs) if all(signs) else set()
        columned = sorted(x for x in common if x[0])
        if not columned or len({f.row_key for f in g.facts}) < REFRESHED_ROWS_MIN:
            continue
        column, era, a, b = columned[0]
        g.statement = g.statement or _refresh_statement(g.facts, era, a, b, g.paths or [where(g.facts[0])])
        g.own_update = (f"計画自身の時点更新と推定（「{g.facts[0].column.strip()}」の列の値{len(g.facts)}か所を"
                        f"{era}{a}年から{era}{b}年に更新）")


def join_across_places(groups: list[Group], old_doc: Document | None, new_doc: Document | None) -> list[Group]:
    """The joins, the rows back in document order."""
    join_replaced_names(groups, old_doc, new_doc)
    join_replaced_terms(groups, old_doc, new_doc)
    join_refreshed_statistics(groups)
    join_revised_schedules(groups)
    join_restated_columns(groups)
    mark_confirmed_figures(groups)
    mark_refreshed_column(groups)
    groups.sort(key=lambda g: min(f.order for f in g.facts))
    return groups
