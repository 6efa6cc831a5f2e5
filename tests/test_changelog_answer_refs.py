"""A campaign answered row by row (「No.1と同様です。」): each row takes the links of
the row whose answer it points to; and a typo answered 「ご指摘を踏まえ修正しました。」
gets no row and no warning."""

from __future__ import annotations

from dataclasses import replace

from revtool.changes.changelog import build_changelog
from revtool.comments import with_answer_pointers
from revtool.comments.table import RawRow
from revtool.model import ChangeKind, ResponseType
from tests.changelog_helpers import CH3, EACH, ISSUES, S1, S2, change, comment, plan_doc


def _comments() -> list:
    rows = [
        RawRow(1, "施策1", "家族介護者への支援を明記してください。", "ご意見を踏まえ、「家族介護者への支援」の記述を追加しました。"),
        RawRow(2, "計画全体", "家族介護者への支援を位置付けてください。", "No.1と同様です。"),
        RawRow(3, "施策2", "家族介護者支援を計画に書くこと。", "No.1と同様です。"),
        RawRow(4, "施策2", "「防災DXの推准」は「推進」の誤りではないか。", "ご指摘を踏まえ修正しました。"),
        RawRow(5, "施策2", "同じく誤字の指摘。", "No.4と同様です。"),
    ]
    made = [
        comment(1, rows[0].opinion, rows[0].response, ((CH3, EACH, S1),)),
        replace(comment(2, rows[1].opinion, rows[1].response, (), ResponseType.OTHER), ref="計画全体"),
        comment(3, rows[2].opinion, rows[2].response, ((CH3, EACH, S2),), ResponseType.OTHER),
        comment(4, rows[3].opinion, rows[3].response, ((CH3, EACH, S2),)),
        comment(5, rows[4].opinion, rows[4].response, ((CH3, EACH, S2),), ResponseType.OTHER),
    ]
    return list(with_answer_pointers(made, rows))


def test_pointing_answers_take_the_rows_links_and_typo_answers_make_no_row() -> None:
    changes = [
        change((CH3, EACH, S1, ISSUES), "", "家族介護者への支援として、介護者のつどいを開催します。", kind=ChangeKind.ADDED),
        # a substantive change in 施策2 the pointing C03 cites: it must not take it on its own
        change((CH3, EACH, S2, ISSUES), "防災訓練を年1回実施する。", "防災訓練を年2回実施する。"),
        change((CH3, EACH, S2), "防災DXの推准", "防災DXの推進", substantive=False, rule="typo"),
    ]
    comments = _comments()
    assert [c.response_type for c in comments] == [ResponseType.REFLECTED] * 5
    log = build_changelog(changes, comments, new_doc=plan_doc(3))
    linked = sorted((l.comment_id, l.row_id) for l in log.links)
    family = next(r.id for r in log.rows if "家族介護者" in r.changes[0].new_text)
    assert linked == [("C01", family), ("C02", family), ("C03", family)]
    follower = next(l for l in log.links if l.comment_id == "C03")
    assert follower.evidence.startswith("C01 の回答と同じ（「No.1と同様です。」）: ")
    # the typo (C04) and the row pointing to its answer (C05): no row, no warning; C02 cites
    # 「計画全体」 but answers with C01's answer, which found its place
    assert len(log.rows) == 2 and log.editorial_count == 1
    assert [(w.code, w.comment_id) for w in log.warnings if w.comment_id] == []
