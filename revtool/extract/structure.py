"""Is this document a plan? A version must have a recognisable heading
structure (chapters, numbered headings): a comment table, a poem or a PDF of
blank pages extracts to zero sections, and as a version it would only diff to
「実質的な変更 0」. Pure: a Document in, a Japanese description out."""

from __future__ import annotations

from revtool.model import BlockKind, Document

_COMMENT_HEADERS = ("意見", "考え方", "該当箇所")


def missing_structure(doc: Document) -> str | None:
    """None when ``doc`` has at least one section; otherwise what was found
    instead, in Japanese (for one error line)."""
    if doc.sections:
        return None
    blocks = doc.front
    if not any(b.text.strip() for b in blocks):
        return "見出しも本文の文字もありません（白紙のページだけの文書です）"
    tables = [b for b in blocks if b.kind == BlockKind.TABLE]
    paragraphs = sum(1 for b in blocks if b.kind != BlockKind.TABLE and b.text.strip())
    found = f"段落 {paragraphs}" + (f"・表 {len(tables)}" if tables else "")
    for t in tables:
        header = t.table.rows[0] if t.table is not None and t.table.rows else ()
        cells = "".join(c.text for c in header)
        if sum(1 for word in _COMMENT_HEADERS if word in cells) >= 2:
            return f"章・節の見出しが見つかりません（{found}。意見の表のようです。意見の表は revtool comments import で取り込みます）"
    return f"章・節の見出しが見つかりません（{found}のみ）"
