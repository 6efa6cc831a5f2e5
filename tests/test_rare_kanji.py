"""One kanji of a compound typed wrong (災害時要擁護者 → 災害時要援護者): both spellings are
dictionary words, so what shows the typo is the document — the old kanji is written nowhere else in
either version, the new one is a kanji the 素案 writes often. Real one-kanji edits keep the old kanji
in the document (防災 → 減災 where 防 is written elsewhere) and stay rows."""

from __future__ import annotations

from revtool.changes.changelog import build_changelog
from revtool.compare.diff import diff_documents

from tests.diff_helpers import parse_plan

BODY = ["避難所の運営を支援する。", "市町村の取組を支援する。", "事業者の備えを支援し、防災意識を高める。"]


def _plan(line: str, body: list[str] = BODY) -> str:
    return "\n".join(["# 第4章　強靱化の推進方針", "## （１）　リスクコミュニケーション", "@p 32", *body, line]) + "\n"


def _changes(old: str, new: str, body: list[str] = BODY):  # type: ignore[no-untyped-def]
    return diff_documents(parse_plan(_plan(old, body)), parse_plan(_plan(new, body)))


def test_a_kanji_written_nowhere_else_replaced_by_the_documents_own_is_a_typo() -> None:
    changes = _changes("地区防災計画では、災害時要擁護者の視点を取り入れる。", "地区防災計画では、災害時要援護者の視点を取り入れる。")
    (c,) = changes
    assert not c.substantive and c.verdict.rule == "typo"
    assert "「擁」は文書の他の箇所で使われない字" in c.verdict.evidence  # the statistic, said (DESIGN §4)
    assert build_changelog(changes).rows == ()


def test_a_kanji_the_document_writes_elsewhere_is_a_real_edit() -> None:
    # 防 is written elsewhere (防災意識): 防災訓練 → 減災訓練 is what the plan now says
    (c,) = _changes("地域で防災訓練を実施する。", "地域で減災訓練を実施する。")
    assert c.substantive


def test_the_new_kanji_must_be_the_documents_own() -> None:
    body = ["避難所の運営を充実する。", "市町村の取組を進める。"]  # 援 is nowhere in 素案
    (c,) = _changes("災害時要擁護者の視点を取り入れる。", "災害時要援護者の視点を取り入れる。", body)
    assert c.substantive
