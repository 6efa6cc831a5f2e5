"""Section alignment: moved, renamed, split, merged, renumbered, added, deleted."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from revtool.compare.align import align_sections, is_renumbering, title_key
from revtool.model import Block, BlockKind, ChangeKind, Document, Section
from tests.diff_helpers import load_plan, parse_plan

CASES = Path(__file__).resolve().parent / "cases" / "diff"


def pairs(case: str):
    old, new = load_plan(CASES / case / "old.txt"), load_plan(CASES / case / "new.txt")
    return align_sections(old, new)


def kinds(case: str) -> dict[tuple[str | None, str | None], ChangeKind | None]:
    return {(p.old_path[-1] if p.old_path else None, p.new_path[-1] if p.new_path else None): p.kind
            for p in pairs(case)}


def test_identical_documents_pair_everything_in_place() -> None:
    doc = load_plan(CASES / "moved_section" / "old.txt")
    result = align_sections(doc, doc)
    assert len(result) == len(doc.walk())
    assert all(p.kind is None and p.old_path == p.new_path and p.score == 1.0 for p in result)


def test_moved_section_to_another_chapter() -> None:
    k = kinds("moved_section")
    assert k[("2. 推進体制の整備", "3. 推進体制の整備")] is ChangeKind.MOVED
    moved = next(p for p in pairs("moved_section") if p.kind is ChangeKind.MOVED)
    assert moved.old_path[0] == "第2章　取組" and moved.new_path[0] == "第1章　計画の概要"
    assert not is_renumbering(moved) and moved.reason


def test_renamed_section_by_body() -> None:
    k = kinds("renamed")
    assert k[("2. 相談体制の整備", "2. 子育て相談体制の強化")] is ChangeKind.RENAMED


def test_split_one_old_into_two_new() -> None:
    ps = pairs("split")
    split = [p for p in ps if p.kind is ChangeKind.SPLIT]
    assert [p.new_path[-1] for p in split] == ["2. 職員のデジタルスキルの向上"]
    assert split[0].old_path[-1] == "1. デジタル人材の確保と育成"
    assert "分割" in split[0].reason and split[0].score >= 0.6
    assert not any(p.kind in (ChangeKind.ADDED, ChangeKind.DELETED) for p in ps)


def test_merge_two_old_into_one_new() -> None:
    ps = pairs("merge")
    merged = [p for p in ps if p.kind is ChangeKind.MERGED]
    assert [(p.old_path[-1], p.new_path[-1]) for p in merged] == [
        ("2. キャッシュレス決済の導入", "1. 手続のオンライン化とキャッシュレス化")]
    assert not any(p.kind in (ChangeKind.ADDED, ChangeKind.DELETED) for p in ps)


def test_renumbered_chapters_after_an_inserted_one() -> None:
    ps = pairs("renumbered_chapter")
    added = [p for p in ps if p.kind is ChangeKind.ADDED]
    assert [p.new_path for p in added] == [("第2章　計画策定の背景",)]
    renum = [p for p in ps if p.kind is ChangeKind.MOVED]
    assert len(renum) == 2 and all(is_renumbering(p) for p in renum)
    # children of a renumbered chapter pair in place
    child = next(p for p in ps if p.new_path == ("第3章　DXの取組", "1. 施策ごとの取組"))
    assert child.old_path == ("第2章　DXの取組", "1. 施策ごとの取組") and child.kind is None


def test_title_key_strips_numbering_before_fuzzy_matching() -> None:
    a = Section(heading="第2章　子育て支援の充実", number="第2章", title="")
    b = Section(heading="（3）子育て支援の充実", number="（3）", title="")
    assert title_key(a) == title_key(b) == "子育て支援の充実"


def test_similar_titles_do_not_win_over_the_true_match() -> None:
    old = parse_plan("# 第2章　子育て支援の充実\n保育定員を拡大する。\n# 第3章　高齢者支援の充実\n介護予防を進める。\n")
    new = parse_plan("# 第2章　高齢者支援の充実\n介護予防を進める。\n# 第3章　子育て支援の充実\n保育定員を拡大する。\n")
    got = {(p.old_path[-1], p.new_path[-1]) for p in align_sections(old, new)}
    assert got == {("第2章　子育て支援の充実", "第3章　子育て支援の充実"),
                   ("第3章　高齢者支援の充実", "第2章　高齢者支援の充実")}


def test_every_pair_has_a_reason() -> None:
    for case in ("moved_section", "renamed", "split", "merge", "renumbered_chapter"):
        assert all(p.reason for p in pairs(case))


# ------------------------------------------------------------------ properties

TITLES = ["計画の目的", "計画の期間", "推進体制", "窓口のデジタル化", "人材育成", "情報発信", "防災DX", "子育て支援"]
BODIES = ["オンライン申請の対象を拡大する。", "全職員を対象に研修を行う。", "避難所の受付をデジタル化する。",
          "SNSで情報を配信する。", "母子健康手帳を電子化する。", "推進本部を設置する。"]


@st.composite
def documents(draw) -> Document:
    chapters = []
    for c in range(draw(st.integers(1, 3))):
        children = []
        for k in range(draw(st.integers(0, 3))):
            title = draw(st.sampled_from(TITLES))
            body = draw(st.lists(st.sampled_from(BODIES), max_size=2))
            children.append(Section(heading=f"{k + 1}. {title}", number=f"{k + 1}.", title=title, level=2,
                                    blocks=tuple(Block(BlockKind.PARAGRAPH, b) for b in body)))
        title = draw(st.sampled_from(TITLES))
        chapters.append(Section(heading=f"第{c + 1}章　{title}", number=f"第{c + 1}章", title=title, level=1,
                                children=tuple(children)))
    return Document(sections=tuple(chapters))


def _matched(ps) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    return {(p.old_path, p.new_path) for p in ps if p.old_path is not None and p.new_path is not None}


@settings(max_examples=80, deadline=None)
@given(documents(), documents())
def test_alignment_is_symmetric_up_to_added_and_deleted(a: Document, b: Document) -> None:
    forward = _matched(align_sections(a, b))
    backward = {(n, o) for o, n in _matched(align_sections(b, a))}
    assert forward == backward


@settings(max_examples=80, deadline=None)
@given(documents(), documents())
def test_every_section_appears(a: Document, b: Document) -> None:
    ps = align_sections(a, b)
    assert {p.old_path for p in ps if p.old_path} == {p for p, _ in a.walk()}
    assert {p.new_path for p in ps if p.new_path} == {p for p, _ in b.walk()}


def _measure(n: int, title: str, topic: str) -> str:
    return (f"### 施策{n}　{title}\n{topic}に関する取組を総合的に進める。\n"
            f"#### （1）現状と課題\n{topic}については、区民ニーズが多様化している。\n"
            f"#### （2）取組の方向性\n{topic}を推進し、区民サービスの向上を図る。\n"
            f"#### （3）主な事業\n・{topic}の推進事業\n・{topic}の普及啓発\n"
            f"#### （4）成果指標\n| 指標 | 現状値 | 目標値 |\n| {topic}の満足度 | 50% | 70% |\n")


def test_two_measures_swapping_parents_are_two_moves() -> None:
    """Two 施策 whose （1）–（4） children have the same headings swap parents:
    each is paired with itself across its two places (moved), never with the
    other one as a rename, and its children follow it."""
    m1 = _measure(1, "窓口サービスの推進", "窓口サービス")
    m2 = _measure(2, "電子申請の充実", "電子申請")
    m3 = _measure(3, "データ連携の推進", "データ連携")
    m4 = _measure(4, "情報発信の強化", "情報発信")
    pol1, pol2 = "1. 窓口を中心とした取組", "2. データを中心とした取組"
    doc_a = parse_plan(f"# 第1章　施策の展開\n## {pol1}\n{m1}{m2}## {pol2}\n{m3}{m4}")
    doc_b = parse_plan(f"# 第1章　施策の展開\n## {pol1}\n{m3}{m2}## {pol2}\n{m1}{m4}")
    s1, s3 = "施策1　窓口サービスの推進", "施策3　データ連携の推進"
    for old, new, moves in ((doc_a, doc_b, {s1: (pol1, pol2), s3: (pol2, pol1)}),
                            (doc_b, doc_a, {s1: (pol2, pol1), s3: (pol1, pol2)})):
        ps = align_sections(old, new)
        assert all(p.old_path and p.new_path for p in ps)  # nothing added or deleted
        assert all(p.old_path[-1] == p.new_path[-1] for p in ps)  # no 施策 paired with another
        moved = {p.new_path[-1]: (p.old_path[-2], p.new_path[-2]) for p in ps if p.kind is ChangeKind.MOVED}
        assert moved == moves
        assert all(p.kind is None for p in ps if p.new_path[-1] not in moves)
        # children follow their 施策, in place under it
        child = next(p for p in ps if p.new_path[-2:] == (s1, "（1）現状と課題"))
        assert child.old_path[-2] == s1 and child.kind is None


def test_best_first_takes_the_best_score_then_the_nearest_and_skips_taken_sides() -> None:
    from revtool.compare.align import best_first

    taken_old: set[str] = set()
    taken_new: set[str] = set()
    cands = [(0.7, 4, ("a", "x")), (0.9, 6, ("b", "x")), (0.9, 2, ("c", "y")), (0.7, 1, ("a", "z")),
             (0.7, 1, ("b", "z")), (0.5, 0, ("d", "w"))]
    got = []
    for score, (o, n) in best_first(cands, lambda p: p[0] not in taken_old and p[1] not in taken_new):
        got.append((score, o, n))
        taken_old.add(o)
        taken_new.add(n)
        if o == "c":
            taken_old.add("d")  # pairing c also paired d (as a subtree does): d's candidate is skipped
    assert got == [(0.9, "c", "y"), (0.9, "b", "x"), (0.7, "a", "z")]


_LONG = ("持続可能な社会の実現に向けて、国、地方公共団体、事業者及び国民が連携し、環境保全の取組を進める。"
         "市民社会が有する知見を活用し、環境教育を充実させることが重要である。"
         "企業の情報開示を促し、投資家との対話を通じて環境配慮を経営に組み込む。"
         "地域の資源を生かしたパートナーシップを構築し、取組を継続して実施する。")


def _plan(*sections: tuple[str, str]) -> Document:
    return Document(sections=(Section("第1章 環境政策", number="第1章", title="環境政策", level=1, marker="chapter",
                                      children=tuple(Section(h, level=2, blocks=(Block(BlockKind.PARAGRAPH, t),))
                                                     for h, t in sections)),))


def test_a_new_section_of_common_words_is_added_not_split_from_a_long_one() -> None:
    """A short new section whose words all occur somewhere in a long old one
    (bigram containment over PART_MIN by chance) carries no text over from it:
    added, not split. The same section made of a sentence cut from the long
    one is still a split."""
    from revtool.compare.align import PART_MIN, bigrams

    new_text = "市民社会と企業が連携し、地域の知見を生かした環境教育の取組を継続することが重要である。"
    share = len(bigrams(new_text) & bigrams(_LONG)) / len(bigrams(new_text))
    assert share >= PART_MIN  # the chance containment that used to make it a split
    old = _plan(("1. 基本的な考え方", _LONG))
    kinds_ = {p.new_path[-1] if p.new_path else None: p.kind
              for p in align_sections(old, _plan(("1. 基本的な考え方", _LONG), ("2. 市民との連携", new_text)))}
    assert kinds_["2. 市民との連携"] is ChangeKind.ADDED
    cut = "企業の情報開示を促し、投資家との対話を通じて環境配慮を経営に組み込む。地域の資源を生かしたパートナーシップを構築し、取組を継続して実施する。"
    rest = _LONG.replace(cut, "")
    kinds_ = {p.new_path[-1] if p.new_path else None: p.kind
              for p in align_sections(old, _plan(("1. 基本的な考え方", rest), ("2. 企業との連携", cut)))}
    assert kinds_["2. 企業との連携"] is ChangeKind.SPLIT


def test_a_new_section_repeating_a_section_kept_whole_is_added_not_split() -> None:
    """A 案 that adds a section restating a passage of a section it keeps word
    for word (a 第3部 施策 restating 第1部's text) split nothing: the old
    section's text did not leave it. The new section is added, and the reason
    says where its text is repeated from. When the passage does leave the old
    section, it is a split as before."""
    passage = ("原子力災害に起因した放射線に関する健康上の不安のケアについては、"
               "帰還者等が地域で主体的に活動を行う取組と連携していくことも重要となる。")
    kept = _LONG + passage
    new_text = passage + "対話を通じて得られる参加者の意見を今後の対策に生かす。"
    old = _plan(("1. 基本的な考え方", kept))
    got = {p.new_path[-1] if p.new_path else None: p
           for p in align_sections(old, _plan(("1. 基本的な考え方", kept), ("2. 健康不安対策", new_text)))}
    assert got["2. 健康不安対策"].kind is ChangeKind.ADDED
    assert "再掲" in got["2. 健康不安対策"].reason and "「1. 基本的な考え方」" in got["2. 健康不安対策"].reason
    assert got["1. 基本的な考え方"].kind is None  # not 「一部を分割」
    got = {p.new_path[-1] if p.new_path else None: p
           for p in align_sections(old, _plan(("1. 基本的な考え方", _LONG), ("2. 健康不安対策", new_text)))}
    assert got["2. 健康不安対策"].kind is ChangeKind.SPLIT


def test_an_old_section_whose_text_the_kept_section_already_held_is_deleted_not_merged() -> None:
    """The mirror: a 素案 section that only restated a passage of a section the
    案 keeps as it was is deleted, not merged into it."""
    passage = ("原子力災害に起因した放射線に関する健康上の不安のケアについては、"
               "帰還者等が地域で主体的に活動を行う取組と連携していくことも重要となる。")
    kept = _LONG + passage
    old = _plan(("1. 基本的な考え方", kept), ("2. 健康不安対策", passage + "対話を通じて得られる参加者の意見を生かす。"))
    got = {p.old_path[-1] if p.old_path else None: p for p in align_sections(old, _plan(("1. 基本的な考え方", kept)))}
    assert got["2. 健康不安対策"].kind is ChangeKind.DELETED and "再掲" in got["2. 健康不安対策"].reason


def test_a_section_merged_into_a_kept_one_of_the_same_template_is_still_merged() -> None:
    """Sections of one template (「市民：…について関心を持ち…」 in every 施策) share
    many words: the kept section holds a merged sibling's text only partly (the
    template), the merged section wholly. That is a merge, not a repeat."""
    t1 = ("・市民：災害に強い地域づくりについて関心を持ち、日頃から備えに取り組むことが期待されます。"
          "・地域：地域の団体や関係機関が連携し、災害時の助け合いの体制を整えることが期待されます。")
    t2 = ("・市民：犯罪や交通事故のない地域づくりについて関心を持ち、見守りに取り組むことが期待されます。"
          "・地域：地域の団体や関係機関が連携し、防犯パトロールを続けることが期待されます。")
    old = _plan(("1. 市民・地域に期待される役割", t1), ("2. 防犯に期待される役割", t2))
    got = {p.old_path[-1] if p.old_path else None: p
           for p in align_sections(old, _plan(("1. 市民・地域に期待される役割", t1 + t2)))}
    assert got["2. 防犯に期待される役割"].kind is ChangeKind.MERGED
