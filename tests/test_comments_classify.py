"""区の考え方 → 反映 / 既記載 / 参考 / 不反映 / その他, with evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from revtool.comments import import_comments, read_comment_table
from revtool.comments.classify import build_rules, classify
from revtool.errors import WorkspaceError
from revtool.model import ResponseType as R


@pytest.mark.parametrize(
    ("response", "expected", "evidence"),
    [
        ("ご指摘のとおり、成果指標欄の見直しを行い、設定理由等を表記する。", R.REFLECTED, "表記する"),
        ("参考資料として、取組一覧を掲載する。", R.REFLECTED, "掲載する"),
        ("ご意見を踏まえ、以下のとおり修正します。", R.REFLECTED, "修正します"),
        ("用語集に追記いたします。", R.REFLECTED, "追記いたします"),
        ("ロードマップに「一時受入れ」を追記し、令和8年度から試行する。", R.REFLECTED, "追記し"),
        ("いただいたご意見を踏まえ、記述を追加しました。", R.REFLECTED, "追加しました"),
        ("「デジタルツールの計画的な導入」という取組を記載する。", R.REFLECTED, "記載する"),
        ("該当箇所の記載を見直します。", R.REFLECTED, "見直します"),
        ("施策2の主な取組に記載のとおり、支援を継続する。", R.ALREADY, "記載のとおり"),
        ("将来人口推計については、第2章に記載しているとおりである。", R.ALREADY, "記載している"),
        ("既に計画に盛り込んでいます。", R.ALREADY, "盛り込んでいます"),
        ("今後の参考とさせていただきます。", R.REFERENCE, "参考"),
        ("代替的な手法を検討していく。", R.REFERENCE, "検討していく"),
        ("どのような連携ができるのかについて検討ていきたい。", R.REFERENCE, "検討ていきたい"),
        ("導入の可能性について、今後研究していく。", R.REFERENCE, "研究していく"),
        ("令和8年度以降、インセンティブについて、検討・実施する予定である。", R.REFERENCE, "検討・実施する予定"),
        ("原案のとおりとします。", R.NOT_REFLECTED, "原案のとおり"),
        ("導入は考えていない。", R.NOT_REFLECTED, "考えていない"),
        ("修正する予定はありません。", R.NOT_REFLECTED, "予定はありません"),
        ("記載することは困難です。", R.NOT_REFLECTED, "困難"),
        ("子育て当事者を含めて構成しており、原案のとおりとする。なお、こども計画として位置付けている。",
         R.NOT_REFLECTED, "原案のとおり"),
        ("注釈を付記します。", R.REFLECTED, "付記します"),
        ("計画案に反映しました。", R.REFLECTED, "反映しました"),
        ("ご意見を参考に、表現を修正しました。", R.REFLECTED, "修正しました"),
        ("ご意見の趣旨は、既に計画に反映されています。", R.ALREADY, "反映されています"),
        ("P.25に記載しております。", R.ALREADY, "記載しております"),
        ("修正の必要はないと考えます。", R.NOT_REFLECTED, "必要はない"),
        ("記載の変更はいたしません。", R.NOT_REFLECTED, "いたしません"),
        ("現時点では予定しておりません。", R.NOT_REFLECTED, "予定しておりません"),
        ("貴重なご意見として受け止め、今後の事業運営に活かしてまいります。", R.REFERENCE, "受け止め"),
        ("「〜を記載する」とのご意見ですが、原案のとおりとします。", R.NOT_REFLECTED, "原案のとおり"),
        ("ご意見を踏まえ、資格取得支援事業の見込みを15人に引き上げることといたします。", R.REFLECTED, "見込みを15人に引き上げる"),
        ("利用者数を120人に見直します。", R.REFLECTED, "見直します"),
        ("ポイントを商品券と交換できるよう、事業内容を見直しいたします。", R.REFLECTED, "事業内容を見直しいたします"),
        ("事業内容を見直すかどうか検討します。", R.REFERENCE, "検討します"),
        ("事業内容を見直していきます。", R.OTHER, ""),  # ongoing work, not an edit of the plan
        ("施策の内容を充実します。", R.OTHER, ""),
        ("地域経済の活性化を図っていく。", R.OTHER, ""),
        ("公表時期を変更します。", R.OTHER, ""),
        ("事業の推進を図り、窓口を充実します。", R.OTHER, ""),
        ("計画的に更新します。", R.OTHER, ""),
        ("窓口の体制を充実します。", R.OTHER, ""),  # a plan-change verb without a plan object
        ("システムを更新します。", R.OTHER, ""),
        ("修正する内容については精査します。", R.OTHER, ""),
    ],
)
def test_classify(response: str, expected: R, evidence: str) -> None:
    rtype, ev = classify(response)
    assert rtype == expected
    assert evidence in ev


def test_negation_and_study_are_not_changes() -> None:
    for text in ("記載するかどうか検討します。", "修正することは考えていません。", "記載する予定はない。",
                 "追記することについて検討する。"):
        assert classify(text)[0] != R.REFLECTED, text


def test_user_patterns_from_config() -> None:
    rules = build_rules({"反映": ["改定案に反映済み"], "不反映": "見送ります"})
    assert classify("ご意見は改定案に反映済みです。", rules)[0] == R.REFLECTED
    assert classify("今回は見送ります。", rules) == (R.NOT_REFLECTED, "今回は見送ります")
    text = "ロードマップを修正し、試行します。"
    assert classify(text)[0] == R.REFLECTED
    assert classify(text, build_rules({"その他": ["試行します"]}))[0] == R.OTHER  # a sentence to ignore
    only = build_rules({"参考": ["承知しました"], "replace": True})
    assert classify("承知しました。修正します。", only)[0] == R.REFERENCE


def test_bad_config_is_a_clear_error() -> None:
    with pytest.raises(WorkspaceError, match="分類名"):
        build_rules({"反映済み": ["x"]})
    with pytest.raises(WorkspaceError, match="正規表現"):
        build_rules({"反映": ["("]})


def test_import_uses_the_answers_table_of_the_config() -> None:
    from revtool.comments.table import RawRow

    rows = [RawRow(1, "P.1", "意見。", "今回は見送ります。")]
    assert import_comments(rows, None, {})[0].response_type == R.OTHER
    got = import_comments(rows, None, {"answers": {"不反映": ["見送ります"]}})[0]
    assert got.response_type == R.NOT_REFLECTED and got.response_evidence


def test_nakano_exactly_the_reflected_comments_are_反映(nakano: Path) -> None:
    expected = json.loads((nakano / "expected" / "changes.json").read_text(encoding="utf-8"))["comments"]
    rows = read_comment_table(nakano / "comments" / "bessi1.tsv")
    comments = import_comments(rows, None, {})
    assert [c.id for c in comments] == [e["id"] for e in expected]
    for c, e in zip(comments, expected):
        assert (c.response_type == R.REFLECTED) == e["reflected"], (c.id, c.response_type, c.response_evidence)
        if e["reflected"]:
            assert c.response_evidence


def test_example_drafts_answer_types() -> None:
    """The bundled かえで市 example marks every answer type."""
    drafts = Path(__file__).resolve().parents[1] / "drafts"
    if not (drafts / "expected.json").exists():
        pytest.skip("drafts/ example not present")
    expected = json.loads((drafts / "expected.json").read_text(encoding="utf-8"))["comments"]
    comments = import_comments(read_comment_table(drafts / "bessi1.tsv"), None, {})
    assert [c.response_type.value for c in comments] == [e["response_type"] for e in expected]


def test_category_column_decides_with_a_warning_on_disagreement() -> None:
    from revtool.comments.classify import category_type
    from revtool.comments.table import RawRow

    assert category_type("A 反映") == R.REFLECTED
    assert category_type("Ｂ：既記載") == R.ALREADY
    assert category_type("不反映") == R.NOT_REFLECTED
    assert category_type("今後の参考") == R.REFERENCE
    assert category_type("施策1") is None
    rows = [RawRow(1, "P.3", "意見。", "目標値を修正します。", category="既記載")]
    (c,) = import_comments(rows, None, {})
    assert c.response_type == R.ALREADY and "区分" in c.response_evidence
    assert any("食い違" in w for w in c.warnings)


@pytest.mark.parametrize(
    ("response", "expected", "evidence"),
    [
        # a ministry's register (issue 11): polite endings, 御, cue + verb
        ("ご指摘を踏まえて、第2章に地域包括ケアの記述を追記いたします。", R.REFLECTED, "追記いたします"),
        ("ご指摘を踏まえ、表記を「こども」に統一いたします。", R.REFLECTED, "統一いたします"),
        ("ご指摘のとおり修文いたします。", R.REFLECTED, "修文いたします"),
        ("御意見を踏まえ、記載を見直しました。", R.REFLECTED, "見直しました"),
        ("御指摘を踏まえ、用語を統一しました。", R.REFLECTED, "統一しました"),
        ("御指摘を踏まえ、注釈を付しました。", R.REFLECTED, "付しました"),
        ("ご指摘を踏まえ、図表を差し替えます。", R.REFLECTED, "差し替えます"),
        ("ご指摘を踏まえ、「地域共生社会」の説明を加えることとします。", R.REFLECTED, "加えることとします"),
        ("御意見を反映いたしました。", R.REFLECTED, "反映いたしました"),
        ("ご意見を踏まえ、（4）ロードマップの表に「ごみ収集」を追加しました。", R.REFLECTED, "追加しました"),
        ("ご意見を踏まえ、「…」と改めることといたします。", R.REFLECTED, "改めることといたします"),
        ("ご指摘の点は第3章に記載しております。", R.ALREADY, "記載しております"),
        ("ご指摘の内容は既に盛り込まれております。", R.ALREADY, "盛り込まれております"),
        ("本文中で言及しております。", R.ALREADY, "言及しております"),
        ("現行の記載で趣旨は示されているものと考えます。", R.ALREADY, "示されている"),
        ("御意見については、第2部第1章に記載があります。", R.ALREADY, "記載があります"),
        ("ご意見の趣旨は、本文に含めております。", R.ALREADY, "含めております"),
        ("今後の参考とさせていただきます。", R.REFERENCE, "参考"),
        ("御意見として承ります。", R.REFERENCE, "承ります"),
        ("いただいた御意見は、今後の施策の推進に当たって参考といたします。", R.REFERENCE, "参考といたします"),
        ("御指摘を踏まえ検討しましたが、修正は行いません。", R.NOT_REFLECTED, "修正は行いません"),
        ("修正はいたしかねます。", R.NOT_REFLECTED, "いたしかねます"),
        ("国の動向を踏まえ検討しましたが、原案のとおりとします。", R.NOT_REFLECTED, "原案のとおり"),
        ("ご意見を踏まえて、今後検討してまいります。", R.REFERENCE, "検討してまいります"),
    ],
)
def test_classify_ministry_register(response: str, expected: R, evidence: str) -> None:
    rtype, ev = classify(response)
    assert rtype == expected
    assert evidence in ev


def test_scores_weigh_user_rules_and_cues() -> None:
    from revtool.comments.classify import classify_scored

    plain = classify_scored("記述を追加します。")
    cued = classify_scored("ご指摘を踏まえ、記述を追加します。")
    assert plain[0] == cued[0] == R.REFLECTED
    assert cued[2] > plain[2]  # the cue makes the promise surer
    # a user's pattern outweighs a built-in match of a stronger type
    rules = build_rules({"参考": ["検討の上で追記"]})
    assert classify("検討の上で追記します。", rules)[0] == R.REFERENCE


@pytest.mark.parametrize(
    "response",
    ["ご意見を踏まえ、目標値を48回に引き上げます。", "ご意見を踏まえ、施策の順序を入れ替えます。",
     "ご指摘を踏まえ、二つの施策を統合します。", "ご指摘を踏まえ、構成を見直し修文いたします。"],
)
def test_values_and_structure_changed_are_reflected(response: str) -> None:
    assert classify(response)[0] == R.REFLECTED


def test_value_change_refused_is_not_reflected() -> None:
    assert classify("目標値の引き上げは困難です。")[0] == R.NOT_REFLECTED


@pytest.mark.parametrize(
    ("response", "expected", "evidence"),
    [
        # national answers as ministries write them in their 意見募集の結果 tables (issue 11 point 3)
        ("「子供」と「こども」の表記が混在しているため、「こども」に統一いたします。", R.REFLECTED, "に統一いたします"),
        ("表記を「こども」に統一いたします。", R.REFLECTED, "統一いたします"),
        ("御意見を踏まえ、注釈を付すことといたします。", R.REFLECTED, "付すことといたします"),
        ("御指摘を踏まえ、表現を適正化いたしました。", R.REFLECTED, "適正化いたしました"),
        ("御意見を踏まえ、記述を明確化いたします。", R.REFLECTED, "明確化いたします"),
        ("御意見を踏まえ、本文の記載を補強いたします。", R.REFLECTED, "補強いたします"),
        ("御意見を踏まえ、事業者の役割を盛り込むこととします。", R.REFLECTED, "盛り込むこととします"),
        ("御指摘を踏まえ、二つの施策を統合いたします。", R.REFLECTED, "統合いたします"),
        ("「税務事務の充実」と「公園利用の充実」を一つの施策にまとめます。", R.REFLECTED, "まとめます"),
        ("まちなか区民カード事業を主な事業として位置付けます。", R.REFLECTED, "位置付けます"),
        ("御指摘を踏まえ、「推進」を「強化」と修正させていただきます。", R.REFLECTED, "修正させていただきます"),
        ("御意見を踏まえ、「デジタル人材」に関する記述を追加することといたしました。", R.REFLECTED, "追加することといたしました"),
        ("窓口サービスの利用率の目標値を50％へ見直すことといたします。", R.REFLECTED, "見直すことといたします"),
        ("御意見を踏まえ、図を更新いたしました。", R.REFLECTED, "更新いたしました"),
        ("「地域の担い手の育成」を前に移し、順序を変更いたします。", R.REFLECTED, "順序を変更いたします"),
        ("原案のままといたします。", R.NOT_REFLECTED, "原案のまま"),
        ("原案の記載のとおりとさせていただきます。", R.NOT_REFLECTED, "原案の記載のとおり"),
        ("現行の記載で差し支えないと考えます。", R.NOT_REFLECTED, "差し支えない"),
        ("御意見のような修正は適当ではないと考えます。", R.NOT_REFLECTED, "適当ではない"),
        ("御指摘の点は、第3章（2）でお示ししております。", R.ALREADY, "お示ししております"),
        ("御意見の趣旨については、施策3の記載で読み取れるものと考えます。", R.ALREADY, "読み取れる"),
        ("御意見については、関係省庁と共有いたします。", R.REFERENCE, "共有いたします"),
        ("御意見として承り、今後の施策の参考とさせていただきます。", R.REFERENCE, "参考"),
    ],
)
def test_classify_ministry_results_tables(response: str, expected: R, evidence: str) -> None:
    rtype, ev = classify(response)
    assert rtype == expected
    assert evidence in ev


@pytest.mark.parametrize(
    "response",
    ["重点施策として位置付け、推進してまいります。", "既に主な事業として位置付けております。",
     "統合することは考えておりません。", "「こども」に統一するかどうか、今後検討いたします。"],
)
def test_ministry_phrases_that_promise_no_edit(response: str) -> None:
    assert classify(response)[0] != R.REFLECTED


@pytest.mark.parametrize(
    "response",
    [
        # the sentence before 「そのため、原案どおり」 is the refusal's reason: how the plan already stands
        "関連する計画との整合を図るため、計画期間は6年間とし、中間年に見直しを行うこととしています。そのため、原案どおりとします。",
        # the reason clause inside the sentence it concludes
        "中間年に見直しを行うこととしているため、原案どおりとします。",
    ],
)
def test_the_reason_a_refusal_gives_promises_no_edit(response: str) -> None:
    assert classify(response)[0] == R.NOT_REFLECTED


def test_an_edit_beside_a_refusal_of_the_rest_is_still_reflected() -> None:
    # 「なお、…原案どおり」 draws no conclusion from the edit before it
    assert classify("ご意見を踏まえ、記述を追加します。なお、その他の部分は原案どおりとします。")[0] == R.REFLECTED
    # the draft not kept after all (原案どおりとはしません): the edit before it stands
    assert classify("ご指摘を踏まえて修正します。そのため、原案どおりとはしません。")[0] == R.REFLECTED
