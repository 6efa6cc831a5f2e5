"""Verdicts of the structural rules (sections, blocks, rows, columns moved,
added or removed), by rule id: data, as the editorial rule table. Pure."""

from __future__ import annotations

from revtool.model import Verdict


def verdict_for(rule_id: str, evidence: str) -> Verdict:
    """A verdict from a structural rule (rows, columns, sections) by id."""
    substantive, label = STRUCTURAL[rule_id]
    return Verdict(substantive, rule_id, f"{label}: {evidence}" if evidence else label)


# Structural verdicts, also data: rule id -> (substantive, label).
STRUCTURAL: dict[str, tuple[bool, str]] = {
    "section-added": (True, "章・節の追加"),
    "section-deleted": (True, "章・節の削除"),
    "section-moved": (True, "章・節の移動（構成の変更）"),
    "section-renumbered": (False, "文言整理（見出し番号の変更）"),
    "heading-note": (False, "文言整理（見出しの作成上の注記「※…」の追加・削除）"),
    "section-reordered": (False, "文言整理（説明の節の順序変更）"),
    "section-split": (True, "章・節の分割"),
    "section-merged": (True, "章・節の統合"),
    "section-heading-only": (False, "文言整理（見出しの有無のみ）"),
    "block-added": (True, "段落・表の追加"),
    "block-deleted": (True, "段落・表の削除"),
    "block-moved": (False, "文言整理（段落の移動）"),
    "item-reordered": (True, "取組の記載順の変更"),
    "footnote-moved": (False, "文言整理（本文と脚注の間の移動）"),
    "sentence-moved": (False, "文言整理（同じ節の中での文の移動）"),
    "block-moved-section": (True, "段落の移動（別の節へ）"),
    "row-added": (True, "表の行の追加"),
    "row-deleted": (True, "表の行の削除"),
    "column-added": (True, "表の列の追加"),
    "column-deleted": (True, "表の列の削除"),
    "row-renumbered": (False, "文言整理（項番の変更）"),
    "list-marker": (False, "文言整理（箇条書きの記号）"),
    "front-matter": (False, "本文外（表紙・目次等）"),
    "empty": (False, "文言整理（空行・空白のみ）"),
}
