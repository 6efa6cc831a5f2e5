"""diff_documents: golden cases (tests/cases/diff, regenerate with REVTOOL_REGEN=1),
block and table alignment, and invariants."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revtool.compare.chardiff import apply_edits
from revtool.compare.diff import align_blocks, diff_documents
from revtool.model import Block, BlockKind, Change, ChangeKind, Document, EditOp, Section, Table
from revtool.render.diff_view import diff_json
from tests.diff_helpers import load_plan, parse_plan
from tests.purity_helpers import calls_open, imported_modules

CASES = Path(__file__).resolve().parent / "cases" / "diff"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if (p / "old.txt").exists())


def run_case(name: str) -> tuple[Change, ...]:
    return diff_documents(load_plan(CASES / name / "old.txt"), load_plan(CASES / name / "new.txt"))


def golden(changes: tuple[Change, ...]) -> list[dict]:
    return [{
        "id": c.id, "kind": str(c.kind), "substantive": c.substantive, "rule": c.verdict.rule,
        "section_path": list(c.section_path), "old_section_path": list(c.old_section_path),
        "location": c.location, "old_text": c.old_text, "new_text": c.new_text,
        "old_pages": list(c.old_pages), "new_pages": list(c.new_pages),
    } for c in changes]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_golden(name: str) -> None:
    got = golden(run_case(name))
    path = CASES / name / "expected.json"
    if os.environ.get("REVTOOL_REGEN") or not path.exists():
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8"))


def by_kind(changes, kind: ChangeKind) -> list[Change]:
    return [c for c in changes if c.kind is kind]


def test_moved_section_is_one_substantive_move_and_no_text_change() -> None:
    ch = run_case("moved_section")
    assert [(c.kind, c.substantive) for c in ch] == [(ChangeKind.MOVED, True)]
    assert ch[0].old_section_path[0] == "第2章　取組" and ch[0].section_path[0] == "第1章　計画の概要"
    assert 6 in ch[0].old_pages and 3 in ch[0].new_pages


def test_renumbered_chapters_are_editorial_and_the_new_chapter_substantive() -> None:
    ch = run_case("renumbered_chapter")
    assert [(c.kind, c.substantive) for c in ch] == [
        (ChangeKind.ADDED, True), (ChangeKind.MOVED, False), (ChangeKind.MOVED, False)]


def test_split_and_merge_keep_their_text() -> None:
    split = run_case("split")
    assert {c.kind for c in split} == {ChangeKind.RENAMED, ChangeKind.SPLIT}
    merge = run_case("merge")
    assert ChangeKind.MERGED in {c.kind for c in merge}
    # the moved paragraphs are neither deleted nor added
    assert not by_kind(split + merge, ChangeKind.ADDED) and not by_kind(split + merge, ChangeKind.DELETED)


def test_table_added_column_changed_cells_and_added_row() -> None:
    ch = run_case("table_column")
    col = [c for c in ch if c.kind is ChangeKind.ADDED and "列『設定理由』" in c.location]
    assert len(col) == 1 and col[0].substantive and "先行自治体" in col[0].new_text
    cells = [c for c in ch if c.kind is ChangeKind.MODIFIED]
    assert {c.location for c in cells} == {
        "表1 行『単年度の電話による問合せ件数』 列『目標値（2030年度）』",
        "表1 行『コンタクトセンターのワンストップ解決率』 列『目標値（2030年度）』",
        "表1 行『区ホームページのよくある質問（FAQ）の掲載件数』 列『指標』",
    }
    assert all(c.substantive for c in cells)
    target = next(c for c in cells if "電話" in c.location)
    assert target.old_text == "▲30%（導入前比）" and target.new_text.startswith("32.5%減")
    rows = [c for c in ch if c.kind is ChangeKind.ADDED and "行『区民マイページの登録者数』" in c.location]
    assert len(rows) == 1 and rows[0].verdict.rule == "row-added"


def test_paragraph_rewritten_beyond_two_thirds_is_one_before_after_pair() -> None:
    ch = run_case("rewrite")
    assert len(ch) == 1
    c = ch[0]
    assert c.kind is ChangeKind.MODIFIED and c.substantive
    assert [e.op for e in c.edits] == [EditOp.DELETE, EditOp.INSERT]


def test_block_moved_within_section_is_a_move_not_delete_and_add() -> None:
    ch = run_case("block_moved")
    assert [(c.kind, c.substantive) for c in ch] == [(ChangeKind.MOVED, False)]


def test_edited_paragraph_is_a_modification() -> None:
    old = parse_plan("# 第1章　総則\n本計画は区のDXの方向性を示す。\n区民サービスの向上を図る。\n職員の働き方を見直す。\n")
    new = parse_plan("# 第1章　総則\n本計画は区のDXの基本的な方向性を示す。\n区民サービスの質の向上を図る。\n職員の働き方を見直す。\n")
    ch = diff_documents(old, new)
    assert [c.kind for c in ch] == [ChangeKind.MODIFIED, ChangeKind.MODIFIED]
    assert [c.location for c in ch] == ["段落1", "段落2"]


def test_ids_are_sequential_in_document_order() -> None:
    ch = run_case("editorial_variants")
    assert [c.id for c in ch] == [f"D{k}" for k in range(1, len(ch) + 1)]
    assert diff_documents(load_plan(CASES / "editorial_variants" / "old.txt"),
                          load_plan(CASES / "editorial_variants" / "new.txt")) == ch


def test_editorial_fixture_splits_clean_from_substantive() -> None:
    ch = run_case("editorial_variants")
    first = [c for c in ch if c.section_path[-1] == "1. 計画策定の趣旨"]
    second = [c for c in ch if c.section_path[-1] == "2. 実質的な変更"]
    assert first and not any(c.substantive for c in first)
    assert len(second) == 4 and all(c.substantive for c in second)


def test_json_contract_fields() -> None:
    payload = diff_json("素案", "案", run_case("table_column"))
    assert payload["old"] == "素案" and payload["new"] == "案"
    required = {"section_path", "old_section_path", "kind", "substantive", "reason", "old_text", "new_text",
                "old_pages", "new_pages"}
    for c in payload["changes"]:
        assert required <= set(c)
        assert isinstance(c["section_path"], list) and isinstance(c["old_pages"], list)
        assert c["kind"] in {"added", "deleted", "modified", "moved", "renamed", "split", "merged"}
    json.dumps(payload, ensure_ascii=False)


def test_align_blocks_pairs_by_similarity_then_moves() -> None:
    p = lambda t: Block(BlockKind.PARAGRAPH, t)  # noqa: E731
    old = [p("区は計画を策定する。"), p("全職員を対象に研修を行う。"), p("避難所の受付をデジタル化する。")]
    new = [p("避難所の受付をデジタル化する。"), p("区は計画を策定した。"), p("全職員を対象に研修を実施する。")]
    got = align_blocks(old, new)
    assert (2, 0, "moved") in got  # the order-preserving pairs win; the odd one out moved
    assert {(i, j) for i, j, how in got if how == "edited"} == {(0, 1), (1, 2)}


def test_tables_rows_are_aligned_by_key_not_position() -> None:
    t_old = Table.from_texts([["指標", "目標値"], ["登録者数", "10万人"], ["加盟店舗数", "2,500店舗"]])
    t_new = Table.from_texts([["指標", "目標値"], ["加盟店舗数", "2,500店舗"], ["登録者数", "12万人"]])
    mk = lambda t: Document(sections=(Section("（2）成果指標", "（2）", "成果指標", 1, blocks=(  # noqa: E731
        Block(BlockKind.TABLE, t.as_text(), table=t),)),))
    ch = diff_documents(mk(t_old), mk(t_new))
    assert len(ch) == 1 and ch[0].location == "表1 行『登録者数』 列『目標値』" and ch[0].substantive


# ------------------------------------------------------------------ properties

SENTENCES = ["区民サービスの向上を図る。", "オンライン申請の対象を20手続に拡大する。", "「ナカペイ」の加盟店舗を増やす。",
             "取組みを推進する。", "職員研修を毎年度実施する。", "避難所の受付をデジタル化する。"]


@st.composite
def plans(draw) -> Document:
    lines = []
    for c in range(draw(st.integers(1, 2))):
        lines.append(f"# 第{c + 1}章　{draw(st.sampled_from(['総則', '取組', '推進体制']))}")
        for k in range(draw(st.integers(0, 2))):
            lines.append(f"## {k + 1}. {draw(st.sampled_from(['目的', '期間', '人材育成', '情報発信']))}")
            lines.extend(draw(st.lists(st.sampled_from(SENTENCES), max_size=3)))
    return parse_plan("\n".join(lines))


@settings(max_examples=60, deadline=None)
@given(plans())
def test_diff_of_a_document_with_itself_is_empty(doc: Document) -> None:
    assert diff_documents(doc, doc) == ()


@settings(max_examples=60, deadline=None)
@given(plans(), plans())
def test_every_change_edits_rebuild_its_texts(a: Document, b: Document) -> None:
    for c in diff_documents(a, b):
        assert apply_edits(c.edits) == (c.old_text, c.new_text)
        assert c.verdict.evidence and c.verdict.rule


def test_diff_core_is_pure() -> None:
    """align/chardiff/editorial/tablediff/diff import no git, CLI, terminal,
    document or clock module, and open no files."""
    forbidden = {"git", "typer", "rich", "docx", "click", "time", "datetime", "subprocess", "pathlib", "os"}
    for name in ("align", "chardiff", "editorial", "footnote_marks", "footnote_moves", "tablediff", "diff",
                 "section_roles", "abbreviations", "comparison_key", "structural_verdicts", "written_numbers",
                 "editorial_words", "editorial_config", "editorial_context", "editorial_variants", "editorial_numbers",
                 "editorial_names", "editorial_meaning", "editorial_org", "editorial_typos", "editorial_phrases",
                 "editorial_connectives", "editorial_rewording", "editorial_lists", "editorial_rule_table"):
        mods = imported_modules(f"revtool.compare.{name}")
        assert not forbidden & mods, (name, forbidden & mods)
        assert not calls_open(f"revtool.compare.{name}"), name


def test_paragraph_broken_in_two_by_a_page_break_is_editorial() -> None:
    old = parse_plan("# 第1章　総則\n区は、デジタル技術を活用して区民サービスの向上を図るとともに、業務の効率化を進め、職員が区民に寄り添う時間を確保する。\n別の段落。\n")
    new = parse_plan("# 第1章　総則\n区は、デジタル技術を活用して区民サービスの向上を図るとともに、\n業務の効率化を進め、職員が区民に寄り添う時間を確保する。\n別の段落。\n")
    ch = diff_documents(old, new)
    assert len(ch) == 1 and not ch[0].substantive and ch[0].verdict.rule == "format"
    assert ch[0].location == "段落1、段落2"
    # and a real edit inside the broken paragraph is still judged
    new2 = parse_plan("# 第1章　総則\n区は、デジタル技術を活用して区民サービスの向上を図るとともに、\n業務の効率化を進め、職員が区民に寄り添う時間を2倍にする。\n別の段落。\n")
    ch2 = diff_documents(old, new2)
    assert [c.substantive for c in ch2].count(True) == 1 and "2倍" in ch2[0].new_text


def test_paragraph_moved_to_another_section_is_one_move() -> None:
    old = parse_plan("# 第1章　総則\n## 1. 目的\n区民サービスの向上を図る。\n職員研修を毎年度実施し、基本的なデジタルスキルの習得を図る。\n"
                     "## 2. 人材育成\nDX推進リーダーを育成する。\n")
    new = parse_plan("# 第1章　総則\n## 1. 目的\n区民サービスの向上を図る。\n"
                     "## 2. 人材育成\nDX推進リーダーを育成する。\n職員研修を毎年度実施し、基本的なデジタルスキルの習得を図る。\n")
    ch = diff_documents(old, new)
    assert [(c.kind, c.substantive, c.verdict.rule) for c in ch] == [(ChangeKind.MOVED, True, "block-moved-section")]
    assert ch[0].old_section_path[-1] == "1. 目的" and ch[0].section_path[-1] == "2. 人材育成"


def test_editorial_and_substantive_edits_in_one_sentence_are_two_steps() -> None:
    old = parse_plan("# 第1章　総則\n区は、取組みの目標を20件とし、毎年度見直す。\n")
    new = parse_plan("# 第1章　総則\n区は、取組の目標を30件とし、毎年度見直す。\n")
    ch = diff_documents(old, new)
    assert [c.substantive for c in ch] == [True, False]
    assert ch[0].old_text == "区は、取組みの目標を20件とし、毎年度見直す。"
    assert ch[0].new_text == "区は、取組みの目標を30件とし、毎年度見直す。"
    assert ch[1].new_text == "区は、取組の目標を30件とし、毎年度見直す。"
    assert "取組み" not in ch[1].new_text and "20件" not in ch[1].old_text


_PRINCIPLES = """# 第3章　環境政策の原則
## （1）計画の位置付け
本計画は環境基本法に基づく計画である。
## （2）リスク評価と予防的取組方法の考え方
科学的な不確実性があっても、対策を遅らせる理由とはしない。
## （3）汚染者負担の原則等
汚染の防止の費用は汚染者が負担する。
"""


def _heading_changes(new_text: str) -> list[Change]:
    changes = diff_documents(parse_plan(_PRINCIPLES), parse_plan(new_text))
    return [c for c in changes if c.block_kind == "section" and c.kind is not ChangeKind.DELETED]


def test_a_heading_renumbered_with_its_title_reworded_is_editorial() -> None:
    """（2）→（1） because a section before it was cut is numbering, not a
    number of the plan; 予防的取組方法 → 予防的な取組方法 is wording."""
    new = _PRINCIPLES.replace("## （1）計画の位置付け\n本計画は環境基本法に基づく計画である。\n", "") \
        .replace("（2）リスク評価と予防的取組方法", "（1）リスク評価と予防的な取組方法").replace("（3）汚染者", "（2）汚染者")
    renamed = [c for c in _heading_changes(new) if "リスク評価" in c.new_text]
    assert renamed and not any(c.substantive for c in renamed), [(c.verdict.rule, c.verdict.evidence) for c in renamed]
    assert "見出し番号" in renamed[0].verdict.evidence
    # a title that really changes stays substantive, whatever its number does
    new2 = new.replace("（1）リスク評価と予防的な取組方法の考え方", "（1）リスク評価と予防的な取組方法及び順応的管理の考え方")
    assert any(c.substantive for c in _heading_changes(new2) if "順応的管理" in c.new_text)
