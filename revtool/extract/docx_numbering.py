"""Automatic numbering of a DOCX (word/numbering.xml) as Word displays it.

``Numbering`` reads the abstract definitions and their instances (``w:num``
with ``w:lvlOverride`` / ``w:startOverride``) and, fed the paragraphs in
document order through ``next_label``, returns the label Word shows
(``第1章``, ``（２）``, ``①``, ``ア``) and the separator after it.

Counting follows Word: instances of one abstract definition share their
counters unless the instance overrides a start value; using level *n* resets
every deeper level; ``%1.%2`` in ``lvlText`` shows the current counters of
the levels it names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def wval(element: etree._Element | None, attribute: str = "val") -> str | None:
    if element is None:
        return None
    value = element.get(w(attribute))
    return None if value is None else str(value)


@dataclass(frozen=True)
class Level:
    start: int = 1
    num_fmt: str = "decimal"
    lvl_text: str = "%1."
    suffix: str = "tab"  # tab | space | nothing
    legal: bool = False  # isLgl: every level shown as decimal
    style_id: str = ""  # w:pStyle linking a paragraph style to this level
    restart_after: int | None = None  # w:lvlRestart (1-based level), None = previous level


@dataclass(frozen=True)
class Instance:
    abstract_id: str
    level_overrides: dict[int, Level] = field(default_factory=dict)
    start_overrides: dict[int, int] = field(default_factory=dict)


# ---------------------------------------------------------------- number formats

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_AIUEO = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
_AIUEO_HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ"
_IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセスン"
_IROHA_HALF = "ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳｲﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼｴﾋﾓｾｽﾝ"
_KANJI_DIGITS = "〇一二三四五六七八九"
_TRADITIONAL = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

# Bullets drawn from Symbol / Wingdings private-use code points.
_SYMBOL_BULLETS = {
    "\uf0b7": "•",
    "\uf06c": "●",
    "\uf09f": "•",
    "\uf0a7": "▪",
    "\uf06e": "■",
    "\uf075": "◆",
    "\uf076": "❖",
    "\uf0d8": "➢",
    "\uf0fc": "✓",
    "\uf0a8": "□",
    "\uf071": "❑",
    "\uf0a1": "○",
}


def display_symbol(ch: str) -> str:
    """A Symbol/Wingdings private-use character as the bullet it draws."""
    if ch in _SYMBOL_BULLETS:
        return _SYMBOL_BULLETS[ch]
    if "\ue000" <= ch <= "\uf8ff":
        return "・"
    return ch


def _japanese_counting(n: int) -> str:
    if n <= 0:
        return str(n)
    parts: list[str] = []
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十")):
        digit, n = divmod(n, unit_value)
        if digit:
            parts.append(("" if digit == 1 else _KANJI_DIGITS[digit]) + unit)
    if n:
        parts.append(_KANJI_DIGITS[n])
    return "".join(parts)


def _letters(n: int, upper: bool) -> str:
    if n <= 0:
        return str(n)
    letter = chr(ord("A" if upper else "a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _series(n: int, series: str) -> str:
    return series[(n - 1) % len(series)] if n > 0 else str(n)


def format_number(n: int, num_fmt: str) -> str:
    """``n`` in the Word number format ``num_fmt`` (ST_NumberFormat)."""
    if num_fmt in ("decimal", "decimalHalfWidth", "cardinalText", "ordinalText", "ordinal"):
        return str(n)
    if num_fmt == "decimalZero":
        return f"{n:02d}"
    if num_fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULL_WIDTH_DIGITS)
    if num_fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 1 <= n <= len(_CIRCLED) else str(n)
    if num_fmt == "decimalEnclosedParen":
        return _PAREN[n - 1] if 1 <= n <= len(_PAREN) else f"({n})"
    if num_fmt == "decimalEnclosedFullstop":
        return _FULLSTOP[n - 1] if 1 <= n <= len(_FULLSTOP) else f"{n}."
    if num_fmt in ("japaneseCounting", "chineseCounting", "chineseCountingThousand", "japaneseLegal",
                   "koreanCounting", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _japanese_counting(n)
    if num_fmt in ("japaneseDigitalTenThousand", "ideographDigital", "taiwaneseDigital", "koreanDigital"):
        return "".join(_KANJI_DIGITS[int(d)] for d in str(n))
    if num_fmt == "aiueo":
        return _series(n, _AIUEO_HALF)
    if num_fmt == "aiueoFullWidth":
        return _series(n, _AIUEO)
    if num_fmt == "iroha":
        return _series(n, _IROHA_HALF)
    if num_fmt == "irohaFullWidth":
        return _series(n, _IROHA)
    if num_fmt in ("ideographTraditional",):
        return _series(n, _TRADITIONAL)
    if num_fmt in ("ideographZodiac", "ideographZodiacTraditional"):
        return _series(n, _ZODIAC)
    if num_fmt == "upperLetter":
        return _letters(n, True)
    if num_fmt == "lowerLetter":
        return _letters(n, False)
    if num_fmt == "upperRoman":
        return _roman(n)
    if num_fmt == "lowerRoman":
        return _roman(n).lower()
    if num_fmt == "none":
        return ""
    return str(n)


# ---------------------------------------------------------------- numbering.xml


def _parse_level(lvl: etree._Element) -> tuple[int, Level]:
    ilvl = int(lvl.get(w("ilvl"), "0"))
    start = wval(lvl.find(w("start")))
    fmt = wval(lvl.find(w("numFmt")))
    text = wval(lvl.find(w("lvlText")))
    suffix = wval(lvl.find(w("suff")))
    legal = lvl.find(w("isLgl"))
    style = wval(lvl.find(w("pStyle")))
    restart = wval(lvl.find(w("lvlRestart")))
    return ilvl, Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        num_fmt=fmt or "decimal",
        lvl_text=text if text is not None else "",
        suffix=suffix or "tab",
        legal=legal is not None and wval(legal) not in ("0", "false", "off"),
        style_id=style or "",
        restart_after=int(restart) if restart and restart.isdigit() else None,
    )


class Numbering:
    """Numbering definitions plus the running counters of one document."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, Instance] = {}
        self._counters: dict[tuple[str, ...], dict[int, int]] = {}
        self._last_level: dict[tuple[str, ...], int] = {}
        if root is None:
            return
        style_links: dict[str, str] = {}
        for abstract in root.iter(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"), "")
            levels = dict(_parse_level(lvl) for lvl in abstract.findall(w("lvl")))
            self.abstracts[abstract_id] = levels
            link = wval(abstract.find(w("numStyleLink")))
            if link:
                style_links[abstract_id] = link
        # numStyleLink: the definition lives in the abstract that has a matching styleLink.
        defined_by_style = {
            wval(a.find(w("styleLink"))): a.get(w("abstractNumId"), "")
            for a in root.iter(w("abstractNum"))
            if a.find(w("styleLink")) is not None
        }
        for abstract_id, style in style_links.items():
            source = defined_by_style.get(style)
            if source and not self.abstracts.get(abstract_id):
                self.abstracts[abstract_id] = self.abstracts.get(source, {})
        for num in root.iter(w("num")):
            num_id = num.get(w("numId"), "")
            abstract_id = wval(num.find(w("abstractNumId"))) or ""
            level_overrides: dict[int, Level] = {}
            start_overrides: dict[int, int] = {}
            for override in num.findall(w("lvlOverride")):
                ilvl = int(override.get(w("ilvl"), "0"))
                start = wval(override.find(w("startOverride")))
                if start is not None and start.lstrip("-").isdigit():
                    start_overrides[ilvl] = int(start)
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    level_overrides[ilvl] = _parse_level(lvl)[1]
            self.instances[num_id] = Instance(abstract_id, level_overrides, start_overrides)

    def level(self, num_id: str, ilvl: int) -> Level | None:
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        if ilvl in instance.level_overrides:
            return instance.level_overrides[ilvl]
        return self.abstracts.get(instance.abstract_id, {}).get(ilvl)

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        """The level of ``num_id`` whose ``w:pStyle`` is ``style_id``."""
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        for ilvl, lvl in self.abstracts.get(instance.abstract_id, {}).items():
            if lvl.style_id == style_id:
                return ilvl
        return None

    def _start(self, num_id: str, ilvl: int) -> int:
        instance = self.instances[num_id]
        if ilvl in instance.start_overrides:
            return instance.start_overrides[ilvl]
        lvl = self.level(num_id, ilvl)
        return lvl.start if lvl else 1

    def _counter_key(self, num_id: str) -> tuple[str, ...]:
        instance = self.instances[num_id]
        if instance.start_overrides or instance.level_overrides:
            return ("num", num_id)
        return ("abstract", instance.abstract_id)

    def next_label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """Advance the counter of (``num_id``, ``ilvl``) and return the label as
        displayed and the text Word puts after it (U+3000 for a tab, a space, or
        nothing).  ``None`` when the paragraph is not numbered (numId 0 or
        unknown)."""
        if num_id in ("", "0") or num_id not in self.instances:
            return None
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return None
        key = self._counter_key(num_id)
        counters = self._counters.setdefault(key, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else self._start(num_id, ilvl)
        for deeper in [k for k in counters if k > ilvl]:
            deeper_lvl = self.level(num_id, deeper)
            restart = deeper_lvl.restart_after if deeper_lvl else None
            if restart == 0:
                continue
            if restart is None or restart > ilvl:
                del counters[deeper]
        self._last_level[key] = ilvl

        def placeholder(level_index: int) -> str:
            shown = self.level(num_id, level_index)
            value = counters.get(level_index, self._start(num_id, level_index))
            fmt = shown.num_fmt if shown else "decimal"
            if lvl.legal and level_index != ilvl and fmt != "none":
                fmt = "decimal"
            return format_number(value, fmt)

        label = lvl.lvl_text
        for level_index in range(9):
            token = f"%{level_index + 1}"
            if token in label:
                label = label.replace(token, placeholder(level_index))
        if lvl.num_fmt == "bullet":
            label = "".join(display_symbol(ch) for ch in label)
        separator = {"tab": "\u3000", "space": " "}.get(lvl.suffix, "")
        return label, separator
