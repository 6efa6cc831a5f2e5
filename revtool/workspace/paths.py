"""Where things live inside a plan workspace: the one home of its path names.

Every module that reads or writes a workspace file takes the name from here.
"""

from __future__ import annotations

from revtool.file_names import DECISIONS_NAME as DECISIONS  # the staff's review decisions (changes/decisions.py reads them)
from revtool.config import CONFIG_NAME as CONFIG  # plan name, version order, editorial rules (config.py reads it)
SECTIONS = "sections"  # the section tree of the checked-out version
MANIFEST = f"{SECTIONS}/manifest.json"  # headings -> files of sections/
DRAFTS = "drafts"  # the ingested DOCX/PDF files, as given
COMMENTS = "comments"  # the imported comment table (別紙1) and comments.json
COMMENTS_JSON = f"{COMMENTS}/comments.json"
CHANGELOGS = "changelogs"  # default folder of generated files (not committed by revtool)
MANAGED_PATHS = (CONFIG, SECTIONS, DRAFTS, COMMENTS, DECISIONS, CHANGELOGS)
