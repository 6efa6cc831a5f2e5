"""Cells that cannot attack whoever opens the table (CSV/formula injection).

Public comments and headings are untrusted text. A spreadsheet program treats a
cell that starts with ``=``, ``+``, ``-``, ``@`` (or a TAB/CR, or whitespace
followed by one of them) as a formula, and a formula can run commands (DDE) or
leak data (HYPERLINK, WEBSERVICE). Following the OWASP rule, such text cells are
prefixed with ``'`` in CSV; in XLSX every text cell is stored as a string (never
a formula) and marked with Excel's own "quote prefix" so that editing the cell
later does not turn it into a formula either. Full-width ＝＋－＠ are treated the
same way: Japanese Excel converts them on entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# Characters that start a formula in Excel, LibreOffice Calc, Google Sheets.
FORMULA_STARTS = frozenset("=+-@\t\r" "＝＋－＠")
_LEADING_SPACE = " \u3000\n\x0b\x0c\xa0"


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    if not text:
        return False
    if text[0] in FORMULA_STARTS:
        return True
    stripped = text.lstrip(_LEADING_SPACE)
    return bool(stripped) and stripped[0] in FORMULA_STARTS


def csv_cell(value: Any) -> str:
    """The text of one CSV cell, neutralized with a leading ``'`` when needed."""
    text = "" if value is None else str(value)
    return "'" + text if is_formula_like(text) else text


def csv_row(values: Iterable[Any]) -> list[str]:
    """One CSV row with every cell neutralized (use for every row, header included)."""
    return [csv_cell(v) for v in values]


def set_xlsx_text(cell: Any, value: Any) -> None:
    """Put ``value`` in an openpyxl cell as plain text: never a formula.

    The visible text is unchanged; a formula-like string gets Excel's quote prefix
    (what typing ``'`` before it does), so it stays text when someone edits it.
    """
    text = "" if value is None else str(value)
    cell.value = text
    cell.data_type = "s"  # openpyxl stores any string starting with "=" as a formula otherwise
    if is_formula_like(text):
        cell.quotePrefix = True
