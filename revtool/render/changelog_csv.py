"""The change table as CSV: UTF-8 with BOM so that Excel opens it, CRLF rows,
formula-like cells neutralized (render/safe_cell.py). The three published columns
only; ``with_review`` adds ID, 理由, 確信度 for staff."""

from __future__ import annotations

import csv
import io

from revtool.changes.table import Changelog
from revtool.render.changelog_common import HEADER, REVIEW_COLUMNS, cause_label, pages_label
from revtool.render.safe_cell import csv_row
from revtool.render.options import ChangelogFile, RenderOptions

EXTRA = REVIEW_COLUMNS


def changelog_csv(log: Changelog, with_review: bool = False) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(csv_row(HEADER + EXTRA if with_review else HEADER))
    for r in log.rows:
        published = [r.item, pages_label(r), r.summary]
        w.writerow(csv_row(published + [r.id, cause_label(r), f"{r.cause.confidence:.2f}"] if with_review else published))
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def render_file(result: ChangelogFile, options: RenderOptions) -> bytes:
    """Registry entry (``render.registry``): the table as CSV (UTF-8 with BOM)."""
    return changelog_csv(result.changelog, with_review=options.with_review)
