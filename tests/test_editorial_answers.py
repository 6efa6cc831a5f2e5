"""Comments answered by a 文言整理 rather than a row (issue 11 point 4, blind s7003 C19 kind)."""

from __future__ import annotations

from dataclasses import replace

from revtool.changes.changelog import build_changelog
from revtool.changes.editorial_answers import EditorialIndex, editorial_answer
from revtool.model import Locator
from tests.changelog_helpers import CH3, EACH, ISSUES, S1, S2, S3, change, comment, plan_doc

NEWS = "（1）国の動向"


def _law_row_next_door() -> list:
    return [
        # the neighbouring section: a law revision (substantive, on the same page)
        change((CH3, EACH, S2, ISSUES), "こども基本法（令和4年法律第77号）に基づき",
               "こども基本法（令和6年法律第65号）に基づき", pages=(2,)),
        # the comment's own section: the 表記 unified
        change((CH3, EACH, S3, ISSUES), "子どもの健康を守る。", "こどもの健康を守る。", substantive=False, rule="variant",
               pages=(2,)),
    ]


def test_wording_remark_answered_by_its_sections_unification_is_not_linked_to_a_row_next_door() -> None:
    """「表記が統一されていない」→「ご指摘のとおり修正します」: its edit is 子ども → こども in
    its own section; the law revision of the neighbouring section on the same page is
    not its row (no word of it in the row), and no 「変更が見つかりません」 warning."""
    # cited by its page (P.2), which holds both sections: the law row is 「指摘のページの箇所」
    remark = replace(comment(1, "表記が統一されていない。", "ご指摘のとおり修正します。", ((CH3, EACH),), ref="P.2"),
                     locator=Locator("P.2", pages=(2,)))
    log = build_changelog(_law_row_next_door(), [remark], new_doc=plan_doc(3))
    assert len(log.rows) == 1 and log.links == ()
    assert log.rows[0].cause.type.value != "comment"
    assert not [w for w in log.warnings if w.code == "reflected-without-change"]
    # the pair left out keeps its evidence, with the reason (trace shows it)
    (pair,) = [s for s in log.scores if s.comment_id == "C01"]
    assert "リンクしない：表記の指摘" in pair.evidence and "子ども" in pair.evidence


def test_typo_remark_quoting_the_fixed_word_is_answered_by_that_fix() -> None:
    """「「施索」は誤記ではないか」→「ご指摘を踏まえ、修文いたします」: the typo fix 施索 → 施策
    took out the very word the opinion quotes; a substantive row of the same section
    that does not hold the word is not its row."""
    changes = [
        change((CH3, EACH, S1, ISSUES), "地域通貨の施索を進める。", "地域通貨の施策を進める。", substantive=False, rule="typo"),
        change((CH3, EACH, S1, ISSUES), "加盟店を増やす。", "加盟店を増やし、高齢者の利用を支援する。"),
    ]
    comments = [comment(1, "「施索」は誤記ではないか。", "ご指摘を踏まえ、修文いたします。", ((CH3, EACH, S1),))]
    log = build_changelog(changes, comments, new_doc=plan_doc(3))
    assert len(log.rows) == 1 and log.links == ()
    index = EditorialIndex([changes[0]])
    answer = editorial_answer(comments[0], index)
    assert answer is not None and answer.words == ("施索",) and "施索" in answer.why


def test_typo_remark_naming_the_right_word_is_no_reason_for_a_row_that_removed_it() -> None:
    """「「推准」は「推進」の誤りではないか」: the typo fix 推准 → 推進 answers it. A row of the
    same section renaming 推進室 → 政策局 removed a text holding 推進, the word the fix
    introduced: that is not the edit the opinion asks for, and it takes no link."""
    changes = [
        change((CH3, EACH, S1, ISSUES), "関係機関と協力して取組を推准する。", "関係機関と協力して取組を推進する。",
               substantive=False, rule="typo"),
        change((CH3, EACH, S1, ISSUES), "研修を充実する。（共生社会推進室）", "研修を充実する。（共生社会政策局）"),
    ]
    comments = [comment(1, "「推准」は「推進」の誤りではないか。", "御指摘を踏まえ、修正いたします。", ((CH3, EACH, S1),))]
    log = build_changelog(changes, comments, new_doc=plan_doc(3))
    assert len(log.rows) == 1 and log.links == ()
    answer = editorial_answer(comments[0], EditorialIndex([changes[0]]))
    assert answer is not None and answer.words == ("推准", "推進") and answer.introduced == ("推進",)


def test_a_remark_on_a_word_the_row_itself_changes_still_links() -> None:
    """The opinion quotes a word the substantive row changes (a rename): the row is
    its edit, even though a 文言整理 in the section touched the same word."""
    changes = [
        change((CH3, EACH, S1, ISSUES), "地域通貨の啓発を行う。", "地域通貨の啓発をする。", substantive=False, rule="variant"),
        change((CH3, EACH, S1, ISSUES), "地域通貨を普及する。", "デジタル地域通貨を普及する。"),
    ]
    comments = [comment(1, "「地域通貨」の表記は「デジタル地域通貨」とすべき。", "ご指摘のとおり修正します。", ((CH3, EACH, S1),))]
    log = build_changelog(changes, comments, new_doc=plan_doc(3))
    assert [(l.comment_id, l.row_id) for l in log.links] == [("C01", "R1")]


def test_a_content_comment_next_to_an_editorial_edit_still_links_its_row() -> None:
    """Not a remark on wording: a 反映 comment asking for content links its row as
    before, whatever 文言整理 its section also holds."""
    changes = _law_row_next_door()
    comments = [comment(1, "こども基本法の改正を反映すべき。", "ご指摘を踏まえ、法律番号を修正いたします。", ((CH3, EACH, S2),))]
    log = build_changelog(changes, comments, new_doc=plan_doc(3))
    assert [(l.comment_id, l.row_id) for l in log.links] == [("C01", "R1")]
    assert editorial_answer(comments[0], EditorialIndex([changes[1]])) is None


def test_trace_of_a_comment_answered_by_a_wording_edit_shows_the_pair_set_aside_without_a_warning() -> None:
    from revtool.views.trace import comment_trace

    remark = replace(comment(1, "表記が統一されていない。", "ご指摘のとおり修正します。", ((CH3, EACH),), ref="P.2"),
                     locator=Locator("P.2", pages=(2,)))
    log = build_changelog(_law_row_next_door(), [remark], new_doc=plan_doc(3))
    t = comment_trace(log, "C01")
    assert t is not None and not t.rows and t.warning == ""
    assert t.runners_up and "文言整理" in t.runners_up[0].evidence
