"""Campaign comments grouped (issue 15): every member kept, counts exact,
near-duplicates above the threshold grouped, different opinions not."""

from __future__ import annotations

from collections import Counter

import pytest

from revtool.comments import comment_groups, comments_from_json, comments_to_json, import_comments
from revtool.comments.grouping import THRESHOLD, group_opinions, opinion_key, similarity

FORM = ("デジタル地域通貨の推進に強く反対します。高齢者の負担が大きく、十分な説明もないまま進めるべきではありません。"
        "計画の施策1について、住民の合意を得る手続きを明記してください。拙速な導入は将来に禍根を残します。")
OTHER = ("施策2の防災情報について、子育て世帯の声を聞く場を設けることを計画に書き加えてください。"
         "説明会は平日の昼間だけでなく、夜間や休日にも開催してください。オンラインでの参加も選べるようにしてください。")


def test_normalization_makes_copies_equal() -> None:
    assert opinion_key("拙速な導入は、 将来に禍根を残します。") == opinion_key("拙速な導入は将来に禍根を残します")
    assert opinion_key("２０２６年") == opinion_key("2026年")


def test_copies_with_small_edits_group_and_different_opinions_do_not() -> None:
    items = [
        ("C01", FORM),
        ("C02", OTHER),
        ("C03", "一区民として意見を申し上げます。" + FORM),  # a greeting added
        ("C04", FORM.replace("してください", "して下さい") + "よろしくお願いします。"),
        ("C05", FORM.replace("、", "")),  # punctuation only: equal after normalization
        ("C06", "子どもが二人おり、毎日不安に感じています。" + OTHER),
        ("C07", "図書館の開館時間を延長し、平日の夜間も利用できるようにしてほしい。駐輪場も増やしてほしい。"),
        ("C08", FORM),
    ]
    groups = group_opinions(items)
    assert [(g.representative, g.member_ids, g.exact) for g in groups] == [
        ("C01", ("C01", "C03", "C04", "C05", "C08"), 3),
        ("C02", ("C02", "C06"), 1),
    ]
    first = groups[0]
    assert first.similarities[0] == 1.0 and all(s >= THRESHOLD for s in first.similarities)
    assert "C01" in first.evidence("C04", first.similarities[2])


def test_similarity_is_bounded_and_symmetric() -> None:
    assert similarity(FORM, FORM) == 1.0
    assert similarity(FORM, OTHER) == similarity(OTHER, FORM) < 0.6
    assert similarity(FORM, FORM[:40]) == 0.0  # less than 40% as long: a different opinion


def test_short_texts_group_only_when_equal() -> None:
    items = [("C01", "学習支援の取組は重要であり、着実に進めてほしい。"),
             ("C02", "税務事務の取組は重要であり、着実に進めてほしい。"),
             ("C03", "学習支援の取組は重要であり 着実に進めてほしい")]
    assert [g.member_ids for g in group_opinions(items)] == [("C01", "C03")]


@pytest.fixture(scope="module")
def campaign():
    scale = pytest.importorskip("benchmarks.scale")
    from benchmarks.campaign import campaign_table

    return campaign_table(scale.generate(30, 3), 3_000, seed=3)


def test_generated_campaign_every_member_kept_and_counts_exact(campaign) -> None:
    groups = group_opinions([(c.id, c.opinion) for c in campaign.comments])
    members = [m for g in groups for m in g.member_ids]
    assert len(members) == len(set(members))  # no comment in two groups
    truth = Counter(k for k in campaign.groups.values() if k)
    assert len(truth) >= 5
    for key, size in truth.items():
        ids = {cid for cid, k in campaign.groups.items() if k == key}
        copies = ids - set(campaign.originals.values())  # the organic opinion a campaign copied may be
        holding = [g for g in groups if copies & set(g.member_ids)]  # short enough to stand alone
        assert len(holding) == 1, key  # one campaign, one group …
        assert copies <= set(holding[0].member_ids) <= ids  # … holding its copies, nothing else
        assert holding[0].count in (len(copies), size)
        near = [s for s in holding[0].similarities if s < 1.0]
        assert near and min(near) >= THRESHOLD  # near-duplicates (not only exact copies) grouped
    for g in groups:  # campaigns never merge with each other or with opinions of one's own
        assert len({campaign.groups[m] for m in g.member_ids}) == 1


def test_import_keeps_every_member_and_exports_the_groups(campaign) -> None:
    comments = import_comments(campaign.raw_rows(), campaign.pair.old)
    assert [c.id for c in comments] == [c.id for c in campaign.comments]
    data = comments_to_json(comments)
    exported = [m for g in data["groups"] for m in g["member_ids"]]
    assert len(exported) == len(set(exported)) == sum(1 for c in comments if c.group_id)
    assert sum(g["count"] for g in data["groups"]) == len(exported)
    for g in data["groups"]:
        assert g["representative"] in g["member_ids"] and g["evidence"].startswith("同趣旨")
    assert comments_from_json(data) == comments


def test_workspace_file_form_round_trips_and_is_smaller(campaign) -> None:
    import json

    from revtool.comments import comments_to_store_json

    comments = import_comments(campaign.raw_rows()[:600], campaign.pair.old)
    store = comments_to_store_json(comments)
    assert comments_from_json(store) == comments
    assert any("candidates_same_as" in d for d in store["comments"])
    full = len(json.dumps(comments_to_json(comments), ensure_ascii=False))
    assert len(json.dumps(store, ensure_ascii=False)) < 0.8 * full


def test_a_link_to_a_group_is_a_link_to_each_member(campaign) -> None:
    from revtool.changes.changelog import build_changelog
    from revtool.compare.diff import diff_documents

    pair = campaign.pair
    comments = import_comments(campaign.raw_rows()[:1500], pair.old)
    log = build_changelog(diff_documents(pair.old, pair.new), comments, new_doc=pair.new, old_doc=pair.old)
    rows_of: dict[str, set[str]] = {}
    for link in log.links:
        rows_of.setdefault(link.comment_id, set()).add(link.row_id)
    linked_groups = 0
    for gid, members in comment_groups(comments).items():
        units: dict[tuple, list] = {}
        for m in members:
            units.setdefault((m.response_type, m.response, m.resolved_section_paths), []).append(m)
        for unit in units.values():
            got = {frozenset(rows_of.get(m.id, ())) for m in unit}
            assert len(got) == 1, gid  # every member of a unit has the same links
            if next(iter(got)) and len(unit) > 100:
                linked_groups += 1
                followers = [l for l in log.links if l.comment_id == unit[-1].id]
                assert all(f"同趣旨 {gid}" in l.evidence for l in followers)
    assert linked_groups >= 1  # the 反映 campaign is linked, through its group


def test_members_citing_other_places_follow_the_groups_link() -> None:
    """One campaign answered once, its members citing 「第2部」, 「情報提供について」
    (unresolved) or a page next door: when the units that link agree, a unit of the
    same group and answer that found no row gets theirs, saying whom it follows; a
    member with another answer, or a group whose units disagree, is left alone."""
    from revtool.changes.group_links import spread_group_links
    from revtool.model import Comment, Link, Locator, ResponseType

    def member(n: int, paths: tuple, response: str = "御意見を踏まえ、情報発信について追記いたします。", group: str = "G2") -> Comment:
        return Comment(f"C{n:02d}", n, "x", "分かりやすい情報提供を計画に明記してください。", response, Locator("x"),
                       resolved_section_paths=paths, response_type=ResponseType.REFLECTED, group_id=group)

    here, nowhere, other = member(1, (("第2部",),)), member(2, ()), member(3, (), "今後の参考とさせていただきます。")
    got = spread_group_links([Link("C01", "R22", 0.67, "反映、指摘箇所の下位の節")], [here, nowhere, other])
    assert [(l.comment_id, l.row_id) for l in got] == [("C01", "R22"), ("C02", "R22")]
    assert "同趣旨 G2 の C01" in got[1].evidence
    # two units linking different rows: nobody follows
    there = member(4, (("第3部",),))
    links = [Link("C01", "R22", 0.67, "a"), Link("C04", "R30", 0.6, "b")]
    assert spread_group_links(links, [here, nowhere, there]) == tuple(links)


def test_a_comment_citing_no_place_follows_the_comments_given_the_same_specific_answer() -> None:
    """「全体」 (no section found) answered, word for word, with the specific answer a
    campaign got: the same decision. A generic answer (ご指摘のとおり修正します) is no
    evidence, and a comment that cites a place keeps its own result."""
    from revtool.changes.group_links import spread_group_links
    from revtool.model import Comment, Link, Locator, ResponseType

    def c(n: int, paths: tuple, response: str, group: str = "") -> Comment:
        return Comment(f"C{n:02d}", n, "x", f"意見{n}", response, Locator("x"), resolved_section_paths=paths,
                       response_type=ResponseType.REFLECTED, group_id=group)

    specific = "御意見を踏まえ、やさしい日本語や多言語による情報発信等について追記いたします。"
    linked, lost, placed = c(1, (("第2部",),), specific, "G2"), c(2, (), specific), c(3, (("第3部",),), specific)
    got = spread_group_links([Link("C01", "R22", 0.67, "反映")], [linked, lost, placed])
    assert [(l.comment_id, l.row_id) for l in got] == [("C01", "R22"), ("C02", "R22")]
    assert "回答が C01 への回答と同文" in got[1].evidence
    generic = "ご指摘のとおり修正します。"
    got = spread_group_links([Link("C04", "R5", 0.5, "反映")], [c(4, (("第1部",),), generic), c(5, (), generic)])
    assert [(l.comment_id, l.row_id) for l in got] == [("C04", "R5")]
