"""Plans numbered the 公用文 way (第１ / １ / （１） / ア) with 量の見込み tables:
the kinds found on a city's 子ども・子育て支援事業計画 (issue 11), each on a small
hand-made case."""

from __future__ import annotations

from revtool.changes.external import detect_external, prior_of
from revtool.changes.facts import BLOCK_ADDED, CELL, Fact
from revtool.changes.group import position
from revtool.changes.link import choose_links
from revtool.changes.link_scores import score_pairs
from revtool.changes.row_target import RowTarget
from revtool.changes.summary import fact_clauses
from revtool.comments.refs import parse_ref
from revtool.compare import morph
from revtool.compare.tablediff import align_tables, row_label
from revtool.extract.outline import ladder_rank, parse_marker
from revtool.extract.pagemap import assign_pages
from revtool.model import Block, BlockKind, Change, ChangeKind, Document, PageSpan, Section, Table, Verdict
from tests.changelog_helpers import comment

# ---------------------------------------------------------------- references 「第５の３（２）」


def test_kobunsho_reference_chains_its_levels_with_no() -> None:
    assert parse_ref("第５の３（２）").numbers == ("第5", "3", "(2)")
    assert parse_ref("第４の２（２）ア").numbers == ("第4", "2", "(2)", "ア")
    assert parse_ref("第３の１").numbers == ("第3", "1")
    assert parse_ref("第３の１").title == ""


def test_no_between_words_is_not_a_level_separator() -> None:
    assert parse_ref("第2期計画").numbers == ()  # 第2 followed by 期: no label
    assert parse_ref("第3の柱").numbers == ()
    assert parse_ref("P.12の表").pages == (12,)


# ---------------------------------------------------------------- headings 「第１　…」


def test_dai_n_with_a_space_is_the_top_heading_marker() -> None:
    m = parse_marker("第１　計画の策定にあたって")
    assert m is not None and m.kind == "dai" and m.value == 1 and m.title == "計画の策定にあたって"
    assert parse_marker("第2期計画の策定") is None  # no space: a word of the sentence
    assert parse_marker("第1章 総論").kind == "chapter"  # type: ignore[union-attr]
    dai, bare = ladder_rank("dai"), ladder_rank("decimal")
    assert dai is not None and bare is not None and dai < bare  # 第１ → １


def test_katakana_headings_order_like_numbers() -> None:
    assert position(("第４", "（１）経済的支援", "ア　児童手当の支給")) == (1,)
    assert position(("第４", "（１）経済的支援", "イ　子ども医療費の助成")) == (2,)
    assert position(("施策4-2 健康",)) == (4, 2)


# ---------------------------------------------------------------- 量の見込み tables

OLD = Table.from_texts([
    ["事業名", "区分", "実績（令和５年度）", "令和７年度", "令和８年度"],
    ["一時預かり事業", "量の見込み（人日）", "13,321", "14,823", "14,781"],
    ["一時預かり事業", "確保方策（人日）", "15,308", "15,892", "16,045"],
    ["病児保育事業", "量の見込み（人日）", "2,516", "2,771", "2,813"],
    ["病児保育事業", "確保方策（人日）", "2,687", "2,900", "2,950"],
])
NEW = Table.from_texts([
    ["事業名", "区分", "実績（令和６年度）", "令和７年度", "令和８年度"],
    ["一時預かり事業", "量の見込み（人日）", "14,711", "16,305", "16,259"],
    ["一時預かり事業", "確保方策（人日）", "15,937", "15,892", "16,045"],
    ["病児保育事業", "量の見込み（人日）", "2,751", "2,771", "2,813"],
    ["病児保育事業", "確保方策（人日）", "2,980", "2,900", "2,950"],
])


def test_a_figure_column_never_keys_the_rows() -> None:
    al = align_tables(OLD, NEW)
    # every 実績 changed: keyed by it, no row would match; keyed by 事業名 + 区分, each does
    assert (al.key_new, al.key2_new) == (0, 1)
    assert al.rows == ((1, 1), (2, 2), (3, 3), (4, 4))
    assert row_label(NEW, 1, al.key_new, al.key2_new) == "一時預かり事業 量の見込み（人日）"


def test_one_key_column_is_still_preferred() -> None:
    old = Table.from_texts([["指標", "現状値"], ["登録者数", "4,800"], ["相談件数", "1,200"]])
    new = Table.from_texts([["指標", "現状値"], ["登録者数", "5,100"], ["相談件数", "1,200"]])
    al = align_tables(old, new)
    assert (al.key_new, al.key2_new) == (0, None)


def test_a_second_key_column_is_a_short_category() -> None:
    # the same 事業 listed twice with two contents: the content is a text, not a category naming the row
    rows = [["事業名", "内容"], ["見守り事業", "地域団体を対象に情報発信を支援する"],
            ["手続きガイド事業", "NPOを対象に情報発信を支援する"], ["手続きガイド事業", "地域団体を対象に情報発信を支援する"]]
    al = align_tables(Table.from_texts(rows[:3]), Table.from_texts(rows))
    assert al.key2_new is None


def _cell(row_key: str, column: str, old: str, new: str) -> Fact:
    ch = Change("D1", ("第５", "３", "（２）預かりに関する事業"), ("第５", "３", "（２）預かりに関する事業"), ChangeKind.MODIFIED,
                Verdict(True, "", "text"), old, new, location=f"表1 行『{row_key}』 列『{column}』", block_kind="table")
    return Fact(ch, CELL, old=old, new=new, old_unit=old, new_unit=new, column=column, row_key=row_key)


def test_a_row_of_planned_values_raised_is_one_clause() -> None:
    facts = [_cell("一時預かり事業 量の見込み（人日）", f"令和{y}年度", a, b)
             for y, a, b in (("７", "14,823", "16,305"), ("８", "14,781", "16,259"), ("９", "14,817", "16,299"))]
    clauses = fact_clauses(facts)
    assert clauses == ["「一時預かり事業」の量の見込み（人日）を上方修正（令和７年度 14,823 → 16,305ほか）"]


def test_the_actual_column_is_no_planned_value() -> None:
    facts = [_cell(f"{n} 量の見込み（人日）", "実績（令和６年度）", a, b)
             for n, a, b in (("一時預かり事業", "13,321", "14,711"), ("病児保育事業", "2,516", "2,751"),
                             ("延長保育事業", "777", "802"))]
    assert not any("上方修正" in c for c in fact_clauses(facts))


def test_a_column_added_whole_is_one_clause() -> None:
    def added(text: str, n: int) -> Fact:
        ch = Change(f"D{n}", ("第３", "１　基本理念"), ("第３", "１　基本理念"), ChangeKind.ADDED, Verdict(True, "", "text"), "", text)
        return Fact(ch, BLOCK_ADDED, new=text, new_unit=text, order=(n, 0))

    facts = [added("コラム　こどもの権利ってなに？", 10), added("こども基本法では、全てのこどもが個人として尊重されます。", 11),
             added("市では、子ども向けの説明資料を作成しています。", 12)]
    assert fact_clauses(facts) == ["コラム「こどもの権利ってなに？」を追加"]


# ---------------------------------------------------------------- links

JIGYO = ("第５　量の見込みと確保方策", "３　地域子ども・子育て支援事業", "（２）預かりに関する事業")
NINTEI = [("第５　量の見込みと確保方策", "２　幼児期の教育・保育", f"（{n}）{n}号認定") for n in "１２３"]
RAISED = RowTarget("R1", (JIGYO,), (JIGYO,), removed="14,823\n14,781", added="16,305\n16,259", kind="modified",
                   old_pages=(8,), labels="一時預かり事業 量の見込み（人日） 令和７年度\n一時預かり事業 量の見込み（人日） 令和８年度")
JISSEKI = RowTarget("R2", tuple(NINTEI) + (JIGYO,), tuple(NINTEI) + (JIGYO,), removed="令和５年度\n13,321\n972\n1,931",
                    added="令和６年度\n14,711\n1,031\n2,063", kind="modified", old_pages=(8, 9),
                    labels="一時預かり事業 量の見込み（人日） 実績（令和６年度）\n量の見込み（人） 実績（令和６年度）")
RAISE_OPINION = "一時預かりは予約が取れないことが多く、一時預かり事業の量の見込みが実態に合っていない。見直すべきである。"


def test_the_row_wholly_where_the_comment_points_beats_a_sweeping_one() -> None:
    c = comment(53, RAISE_OPINION, "ご意見を踏まえ、一時預かり事業の量の見込みを見直し、修正します。", (JIGYO,))
    scored = score_pairs([RAISED, JISSEKI], [c])
    links = choose_links(scored)
    assert [(l.comment_id, l.row_id) for l in links] == [("C53", "R1")]
    sweeping = next(s for s in scored if s.row_id == "R2")
    assert "変更のある 4 節のうち 1 節" in sweeping.evidence


def test_a_compound_noun_with_okurigana_is_a_word_of_the_answer() -> None:
    assert "一時預かり事業" in morph.noun_compounds("ご意見を踏まえ、一時預かり事業の量の見込みを見直し、修正します。")
    assert "放課後児童健全育成事業" in morph.noun_compounds("放課後児童健全育成事業の量の見込み")
    assert "見直し" not in morph.noun_compounds("量の見込みを見直し、修正します")


# ---------------------------------------------------------------- external: a law enacted between the versions

LAW_SENTENCE = ("さらに、子ども・子育て支援法等の一部を改正する法律（令和６年法律第47号）により、妊婦等包括相談支援事業が"
                "創設され、地域子ども・子育て支援事業の充実が図られることとなりました。")
OLD_TEXT = ("国においては、令和５年４月にこども基本法が施行されました。また、児童福祉法等の一部を改正する法律"
            "（令和４年法律第66号）により、こども家庭センターの設置が努力義務とされました。")


def test_a_new_law_number_after_every_dated_revision_is_an_outside_cause() -> None:
    found = detect_external(LAW_SENTENCE, LAW_SENTENCE, "", prior_of(OLD_TEXT))
    assert found is not None
    assert (found.document, found.verb) == ("子ども・子育て支援法", "改正")


def test_an_old_law_quoted_anew_is_no_news() -> None:
    sentence = "児童福祉法等の一部を改正する法律（令和４年法律第66号）により、こども家庭センターを設置しました。"
    assert detect_external(sentence, sentence, "", prior_of(OLD_TEXT)) is None  # cited by the old version
    older = "平成24年法律第65号により、子ども・子育て支援制度が創設され、…の改正が行われました。"
    assert detect_external(older, older, "", prior_of(OLD_TEXT)) is None  # before the old version's newest date
    assert detect_external(LAW_SENTENCE, LAW_SENTENCE, "", None) is None  # the old version's dates unknown


# ---------------------------------------------------------------- --pages-from: a heading the PDF prints as a line


def test_a_docx_heading_printed_as_a_line_of_its_parent_is_matched() -> None:
    def p(text: str, page: int | None = None) -> Block:
        return Block(BlockKind.PARAGRAPH, text, pages=PageSpan(page, page) if page else None)

    item = Section("ア　入所手続の改善", "ア", "入所手続の改善", 3, "katakana", blocks=(p("入所に関する情報を分かりやすく提供します。"),))
    docx = Document(title="t", sections=(Section("第１　施策", "第１", "施策", 1, "dai", children=(
        Section("（１）保育", "（１）", "保育", 2, "paren", blocks=(p("保育の受け皿を確保します。"),), children=(item,)),)),))
    pdf = Document(title="t", sections=(Section("第１　施策", "第１", "施策", 1, "dai", pages=PageSpan(5, 5), children=(
        Section("（１）保育", "（１）", "保育", 2, "paren", pages=PageSpan(5, 6), blocks=(
            p("保育の受け皿を確保します。", 5), p("ア　入所手続の改善", 5), p("入所に関する情報を分かりやすく提供します。", 6))),)),))
    out = assign_pages(docx, pdf)
    assert not [w for w in out.warnings if "見出しが一致" in w]
    got = out.sections[0].children[0].children[0]
    assert got.pages == PageSpan(5, 6)  # its heading at the foot of page 5, its text on page 6
