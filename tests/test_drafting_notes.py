"""Drafting notes on headings (「※今後追記する予定」): split off, ignored when pairing sections,
and a note added or dropped is 文言整理 while the section's own text is judged on its own."""

from __future__ import annotations

from revtool.compare.align import align_sections
from revtool.compare.diff import compare_documents
from revtool.compare.drafting_notes import note_only_change, split_note
from revtool.model import Block, BlockKind, ChangeKind, Document, Section


def test_split_note_takes_the_trailing_note_only() -> None:
    assert split_note("2 パートナーシップの充実・強化 ※今後内容を精査し、追記する予定") == \
        ("2 パートナーシップの充実・強化", "※今後内容を精査し、追記する予定")
    assert split_note("（1）国際的なルール作りへの貢献　※一部調整中") == ("（1）国際的なルール作りへの貢献", "※一部調整中")
    assert split_note("3 計画の見直し") == ("3 計画の見直し", "")


def test_a_footnote_mark_and_a_heading_that_is_only_a_note_are_not_notes() -> None:
    assert split_note("4 地域の取組※１") == ("4 地域の取組※１", "")
    assert split_note("4 地域の取組 ※2") == ("4 地域の取組 ※2", "")
    assert split_note("※調整中") == ("※調整中", "")


def test_note_only_change_names_what_happened_to_the_note() -> None:
    assert note_only_change("2 連携 ※追記予定", "2 連携") == "作成上の注記「※追記予定」を削除"
    assert note_only_change("2 連携", "2 連携 ※調整中") == "作成上の注記「※調整中」を追加"
    assert note_only_change("2 連携 ※調整中", "2 連携 ※一部調整中") == "作成上の注記「※調整中」→「※一部調整中」"
    assert note_only_change("2 連携 ※追記予定", "2 協働") is None  # the title changed too
    assert note_only_change("2 連携", "2 連携") is None


def _plan(*sections: tuple[str, str, tuple[str, ...]]) -> Document:
    return Document(sections=(Section("第1章 展開", number="第1章", title="展開", level=1, marker="chapter", children=tuple(
        Section(heading, number=heading.split()[0], title=heading.split(maxsplit=1)[1], level=2, marker="decimal",
                blocks=tuple(Block(BlockKind.PARAGRAPH, t) for t in texts))
        for heading, _, texts in sections)),))


OLD = _plan(("1 重点戦略の設定", "", ("戦略は六つの視点に基づき設定する。",)),
            ("2 パートナーシップの充実・強化 ※今後内容を精査し、追記する予定", "", ()))
NEW = _plan(("1 重点戦略の設定", "", ("戦略は六つの視点に基づき設定する。",)),
            ("2 パートナーシップの充実・強化", "", ("あらゆる主体が対等な立場で協力し、中間支援機能を軸とする協働の仕組みを構築する。",)))


def test_a_placeholder_heading_pairs_with_the_heading_written_out() -> None:
    """Without the note the titles are equal: one section renamed, not one deleted and one added."""
    kinds = {(p.old_path[-1] if p.old_path else None, p.new_path[-1] if p.new_path else None): p.kind
             for p in align_sections(OLD, NEW)}
    assert kinds[("2 パートナーシップの充実・強化 ※今後内容を精査し、追記する予定", "2 パートナーシップの充実・強化")] \
        is ChangeKind.RENAMED
    assert not any(o is None or n is None for o, n in kinds)


def test_the_note_dropped_is_editorial_and_the_text_written_is_substantive() -> None:
    changes = compare_documents(OLD, NEW).changes
    heading = [c for c in changes if c.block_kind == "section"]
    assert [(c.kind, c.substantive, c.verdict.rule) for c in heading] == [(ChangeKind.RENAMED, False, "heading-note")]
    assert "※今後内容を精査し、追記する予定" in heading[0].verdict.evidence
    body = [c for c in changes if c.block_kind != "section"]
    assert body and all(c.kind is ChangeKind.ADDED and c.substantive for c in body)


def test_a_title_changed_with_its_note_is_judged_on_the_title() -> None:
    new = _plan(("1 重点戦略の設定", "", ("戦略は六つの視点に基づき設定する。",)),
                ("2 ガバナンスの抜本的な再構築", "", ()))
    old = _plan(("1 重点戦略の設定", "", ("戦略は六つの視点に基づき設定する。",)),
                ("2 ガバナンスの強化 ※今後追記する予定", "", ()))
    heading = [c for c in compare_documents(old, new).changes if c.block_kind == "section"]
    assert len(heading) == 1 and heading[0].kind is ChangeKind.RENAMED and heading[0].substantive
