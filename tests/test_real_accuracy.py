"""benchmarks/real_accuracy.py: how revtool's changes are matched to hand-labelled
paragraph pairs and scored (no corpus needed), and the clean skip without ../shared."""

from __future__ import annotations

from pathlib import Path

from benchmarks import real_accuracy as ra

OLD_P = "環境基本法第１条の規定82を、現在の文脈において捉え直すと、環境政策の目指すところは環境保全である。"
NEW_P = "環境基本法第１条の規定86を、現在の文脈において捉え直すと、環境政策の目指すところは環境保全である。"
NOTE_OLD, NOTE_NEW = "90 第一次環境基本計画", "94 第一次環境基本計画"
CH = ["第1部", "第2章"]


def _labels() -> dict:
    return {"chapter": CH, "pairs": [
        {"id": "p1", "old": [ra.short_hash(OLD_P)], "new": [ra.short_hash(NEW_P)], "label": "editorial", "borderline": False},
        {"id": "p2", "footnote": True, "old": [ra.short_hash(NOTE_OLD)], "new": [ra.short_hash(NOTE_NEW)],
         "label": "editorial", "borderline": False},
        {"id": "p3", "old": [], "new": [ra.short_hash("新たに追加された文である。")], "label": "substantive", "borderline": False},
    ]}


def _texts(*ts: str) -> dict[str, str]:
    return {ra.short_hash(t): t for t in ts}


def test_changes_are_matched_by_text_and_footnotes_only_to_footnotes() -> None:
    changes = [
        {"id": "D1", "section_path": CH + ["1"], "old_text": OLD_P, "new_text": NEW_P, "substantive": False, "rule": "footnote-renumbered"},
        # a body paragraph that quotes the footnote's words is not the footnote
        {"id": "D2", "section_path": CH + ["1"], "old_text": "第一次環境基本計画において示された。", "new_text": "第一次環境基本計画において示された方向。",
         "substantive": True, "rule": "phrase"},
        {"id": "D3", "section_path": CH + ["1"], "old_text": "注90 " + NOTE_OLD, "new_text": "注94 " + NOTE_NEW, "substantive": False},
        {"id": "D4", "section_path": CH + ["2"], "old_text": "", "new_text": "新たに追加された文である。", "substantive": True},
        {"id": "D5", "section_path": ["第2部"], "old_text": OLD_P, "new_text": NEW_P, "substantive": True},  # another chapter
    ]
    matched, rest = ra.match(_labels(), changes, _texts(OLD_P, NOTE_OLD), _texts(NEW_P, NOTE_NEW, "新たに追加された文である。"))
    assert [(m["id"], m["changes"], m["revtool"]) for m in matched] == [("p1", ["D1"], False), ("p2", ["D3"], False), ("p3", ["D4"], True)]
    assert [c["id"] for c in rest] == ["D2"]
    s = ra.score(matched, rest)
    assert (s["precision"], s["recall"], s["editorial_leaks"], s["unlabelled_substantive"]) == (1.0, 1.0, 0, 1)


def test_an_editorial_pair_called_substantive_is_a_leak() -> None:
    changes = [{"id": "D1", "section_path": CH, "old_text": OLD_P, "new_text": NEW_P, "substantive": True},
               {"id": "D4", "section_path": CH, "old_text": "", "new_text": "新たに追加された文である。", "substantive": True}]
    matched, rest = ra.match(_labels(), changes, _texts(OLD_P, NOTE_OLD), _texts(NEW_P, NOTE_NEW, "新たに追加された文である。"))
    s = ra.score(matched, rest)
    assert (s["precision"], s["recall"], s["editorial_leaks"], s["missed"]) == (0.5, 1.0, 1, 0)


def test_skips_without_the_shared_corpus(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setattr(ra, "CORPUS", tmp_path / "absent")
    assert ra.main([]) == 0
    assert "skipped" in capsys.readouterr().out
