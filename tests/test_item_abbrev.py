"""A long 項目 is written with the numbers of the places above it and the
title of the place itself (issue 11: a ministry plan's 項目 of 200 characters,
「第1部 環境・経済・社会の状況と… 第1章 … 4 … （1）持続可能な開発の…」).
Short paths stay as they are."""

from revtool.changes.item import Outline, item_text

DEEP = (
    "第1部 環境・経済・社会の状況と環境政策の展開の方向",
    "第1章 環境・経済・社会の現状と課題認識",
    "4 環境面の主に 30 年の振り返りと課題認識",
    "（1）持続可能な開発の概念の確立と国際枠組みの整備",
)


def test_a_deep_path_keeps_the_numbers_of_its_ancestors() -> None:
    assert item_text(DEEP, Outline()) == "第1部第1章4（1）持続可能な開発の概念の確立と国際枠組みの整備"
    assert item_text(DEEP[:3], Outline()) == "第1部第1章4 環境面の主に 30 年の振り返りと課題認識"


def test_a_short_path_is_written_in_full() -> None:
    assert item_text(("第4章　計画の推進体制", "2.　推進体制"), Outline()) == "第4章 計画の推進体制 2. 推進体制"
    assert item_text(("第2章　計画策定の背景", "1.　国の動向", "（2）自治体DXの推進"), Outline()) == \
        "第2章 計画策定の背景 1. 国の動向（2）自治体DXの推進"


def test_an_ancestor_without_a_number_keeps_its_title_and_a_bare_leaf_is_spaced() -> None:
    path = ("第1部 環境・経済・社会の状況と環境政策の展開の方向", "第3章 環境政策の原則・手法",
            "2 環境政策の実施の手法", "事業的手法")
    assert item_text(path, Outline()) == "第1部第3章2 事業的手法"
    path = ("はじめに（本計画の位置付けと構成についての説明）", "第1章 環境・経済・社会の現状と課題認識",
            "（1）深刻化する環境危機")
    assert item_text(path, Outline()) == "はじめに（本計画の位置付けと構成についての説明） 第1章（1）深刻化する環境危機"


def test_a_title_kept_for_an_ancestor_is_not_glued_to_the_next_number() -> None:
    # 基本目標Ⅰ has no number the outline reads: its title stays, set off from 施策の方向2
    # (read back as 「…意識づくり施策の方向2」, one word, before this)
    path = ("第４章　施策の展開", "基本目標Ⅰ　男女共同参画の意識づくり", "施策の方向２　メディア・情報における人権の尊重")
    assert item_text(path, Outline()) == "第4章 基本目標Ⅰ 男女共同参画の意識づくり 施策の方向2 メディア・情報における人権の尊重"


def test_a_subtitle_is_left_out_when_still_long() -> None:
    path = DEEP[:2] + (
        "3 現在及び将来の国民が明日に希望を持てる環境を軸とした統合的向上に向けて",
        "（1）幅広い分野における環境の「主流化」～経済社会活動の基盤である自然資本（環境）という認識の浸透～",
    )
    assert item_text(path, Outline()) == "第1部第1章3（1）幅広い分野における環境の「主流化」"


def test_an_article_number_is_one_number() -> None:
    """A contract or a law numbers its places 第1条1項 (meti-nda): one number, the
    title in brackets right after it, as the articles print it."""
    assert item_text(("第1条1項（秘密情報の定義・開示等の方法）",), Outline()) == "第1条1項（秘密情報の定義・開示等の方法）"
    assert item_text(("第10条　期間",), Outline()) == "第10条 期間"
    assert item_text(("第3条の2　特例",), Outline()) == "第3条の2 特例"


def test_several_places_in_full_while_short_else_numbered() -> None:
    from revtool.changes.item import places_text

    short = [("第1章　計画の概要", "3.　計画期間"), ("第3章　施策の展開", "基本目標1　介護予防の推進")]
    assert places_text(short, Outline()) == "第1章 計画の概要 3. 計画期間、第3章 施策の展開 基本目標1 介護予防の推進"
    long = [("第2部 環境政策の具体的な展開", "第2章 重点戦略ごとの環境政策の展開"),
            ("第2部 環境政策の具体的な展開", "第3章 個別分野の重点的施策の展開")]
    assert places_text(long, Outline()) == "第2部第2章 重点戦略ごとの環境政策の展開、第2部第3章 個別分野の重点的施策の展開"
