"""A probe set of realistic personal-data forms from public comments (issue 16,
item 11): each must be masked, and the plan's and the ward's own words must not.
The masked/unmasked counts are printed for the issue's closing note (pytest -s)."""

from __future__ import annotations

import pytest

from revtool.comments.privacy import mask_pii, mask_pii_counted, mask_rows, my_number_valid
from revtool.comments.table import RawRow

# (opinion text, the secret that must disappear)
PROBES = [
    ("中野太郎様より、窓口について意見がありました。", "中野太郎"),
    ("山田 花子さんの提案に賛成です。", "山田 花子"),
    ("前回の説明会で鈴木氏が発言した内容です。", "鈴木"),
    ("ヤマダ・ハナコさんと一緒に参加しました。", "ヤマダ・ハナコ"),
    ("氏名：佐藤一郎　意見：防災の充実を。", "佐藤一郎"),
    ("お名前は高橋 健です。", "高橋 健"),
    ("住所：東京都中野区中野4丁目8番1号", "中野4丁目8番1号"),
    ("中野区弥生町3-12-5 に住んでいます。", "弥生町3-12-5"),
    ("大阪府大阪市北区梅田1-1-3 から投稿します。", "梅田1-1-3"),
    ("〒164-8501 中野区", "164-8501"),
    ("生年月日：昭和55年4月1日", "昭和55年4月1日"),
    ("1985年12月3日生まれの会社員です。", "1985年12月3日"),
    ("誕生日は平成元年1月8日です。", "平成元年1月8日"),
    ("電話 03-1234-5678", "03-1234-5678"),
    ("携帯 090.1234.5678 まで", "090.1234.5678"),
    ("FAX:03.5555.0123", "03.5555.0123"),
    ("（03）1234-5678へ", "1234-5678"),
    ("TEL ０３－１２３４－５６７８", "１２３４－５６７８"),
    ("+81 90 1234 5678", "1234 5678"),
    ("担当は内線1234です。", "1234"),
    ("内線：５６７８へ", "５６７８"),
    ("マイナンバーは 1234 5678 9018 です。", "9018"),
    ("個人番号：123456789018", "123456789018"),
    ("番号 1234-5678-9018 を記入しました。", "1234-5678-9018"),
    ("口座番号 1234567 に振り込みを", "1234567"),
    ("普通 7654321 名義ヤマダ", "7654321"),
    ("ゆうちょ 記号番号 12345-12345678", "12345-12345678"),
    ("Twitter（現X）のID：nakano_taro でも発信中", "nakano_taro"),
    ("インスタ @hanako.nakano", "hanako"),
    ("LINE ID: taro1234 に連絡を", "taro1234"),
    ("メール taro.yamada@example.co.jp", "taro.yamada@example.co.jp"),
    ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ宛", "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ"),
    ("@nakano_mama で検索してください", "nakano_mama"),
    ("田中さま、ご回答ください", "田中"),
]

# The plan's and the ward's own words: nothing to mask.
KEEP = [
    "区民の皆様のご意見を踏まえ、施策（防災）を見直します。",
    "皆さんと一緒に、お子さんの居場所をつくります。",
    "同様に、多様な主体と連携し、仕様を見直します。",
    "患者さんや利用者さんの声を聞きます。",
    "中野区の施策1-1 と施策10-2、3-5年で 70% を目指す。",
    "令和7年10月1日に施行。P.18-20 を参照（2024-01-01 版）。",
    "予算 1,234,567円、令和6年度、0.5ポイント、第3章 1.(2) ① 指標7。",
    "様々な手続を、区役所（中野区中野）の窓口で受け付けます。",
    "計画期間は2025年度から2030年度まで（6年間）。",
    "氏名欄は任意です。",
    "番号 123456789012 は管理番号です。",  # 12 digits, invalid check digit
    "議員の指摘を受け、区長が判断しました。",
]


def test_my_number_check_digit() -> None:
    assert my_number_valid("123456789018")
    assert not my_number_valid("123456789012")


@pytest.mark.parametrize(("text", "secret"), PROBES)
def test_probe_is_masked(text: str, secret: str) -> None:
    masked = mask_pii(text)
    assert secret not in masked, masked
    assert "［" in masked


@pytest.mark.parametrize("text", KEEP)
def test_plan_and_ward_words_are_left_alone(text: str) -> None:
    assert mask_pii(text) == text


def test_probe_counts_and_the_ward_answer_untouched(capsys) -> None:  # type: ignore[no-untyped-def]
    assert len(PROBES) >= 30
    masked = sum(secret not in mask_pii(text) for text, secret in PROBES)
    kept = sum(mask_pii(text) == text for text in KEEP)
    with capsys.disabled():
        print(f"\nPII probes: {masked}/{len(PROBES)} masked, {len(PROBES) - masked} unmasked; "
              f"plan/ward texts untouched {kept}/{len(KEEP)}")
    assert masked == len(PROBES) and kept == len(KEEP)
    answer = "ご意見を踏まえ、施策（０３）の記載を見直します（電話 03-3389-1111、中野区中野4-8-1）。"
    rows, counts = mask_rows([RawRow(1, "P.1", "山田様の電話は 090-1234-5678 です。", answer)])
    assert rows[0].response == answer  # 区の考え方: not one character changed (the 「（」 included)
    assert counts["name"] == 1 and counts["phone"] == 1
    assert sum(mask_pii_counted(t).counts.total() for t, _ in PROBES) >= len(PROBES)
