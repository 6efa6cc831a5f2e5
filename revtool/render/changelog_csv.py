"""The change table as CSV: UTF-8 with BOM so that Excel opens it, CRLF rows."""

from __future__ import annotations

import csv
import io

from revtool.changes.changelog import Changelog
from revtool.render.changelog_common import HEADER, cause_label, pages_label
from revtool.render.options import ChangelogFile, RenderOptions

EXTRA = ("ID", "理由", "確信度")


def changelog_csv(log: Changelog) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(HEADER + EXTRA)
    for r in log.rows:
        w.writerow([r.item, pages_label(r), r.summary, r.id, cause_label(r), f"{r.cause.confidence:.2f}"])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def render_file(result: ChangelogFile, options: RenderOptions) -> bytes:
    """Registry entry (``render.registry``): the table as CSV (UTF-8 with BOM)."""
    return changelog_csv(result.changelog)
