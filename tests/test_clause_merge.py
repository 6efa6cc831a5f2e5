"""The same content deleted and added in one row is told as one edit (issue 11:
「「きれいで豊かな海」に関する記述を追加、「きれいで豊かな海」に関する記述を削除」
read on a ministry plan says nothing)."""

from revtool.changes.clause_merge import merge_rewrites


def test_the_same_names_added_and_removed_are_one_revision() -> None:
    assert merge_rewrites(["「きれいで豊かな海」に関する記述を追加", "「きれいで豊かな海」に関する記述を削除"]) == [
        "「きれいで豊かな海」に関する記述を修正"]
    assert merge_rewrites(["「デコ活」に関する記述を追加", "「図表1」を「図表2」に変更",
                           "「デコ活」「地域内エコシステム」に関する記述を削除"]) == [
        "「デコ活」「地域内エコシステム」に関する記述を修正", "「図表1」を「図表2」に変更"]


def test_the_same_first_words_added_and_removed_are_one_revision() -> None:
    assert merge_rewrites(["「本計画に沿って、個々の施策を検討し…」の記述を削除",
                           "「本計画に沿って、個々の施策を検討し…」の記述を追加"]) == [
        "「本計画に沿って、個々の施策を検討し…」の記述を修正"]


def test_words_moved_inside_a_sentence_are_one_move() -> None:
    assert merge_rewrites(["「地熱発電、更には小規模な浮体式洋上風力及び潮流発電」を追記",
                           "「地熱発電、更には小規模な浮体式洋上風力及び潮流発電等」を「等」に変更"]) == [
        "「地熱発電、更には小規模な浮体式洋上風力及び潮流発電」の記載位置を変更"]


def test_different_content_stays_apart() -> None:
    clauses = ["「新たな成長」に関する記述を追加", "「環境教育等促進法」に関する記述を削除",
               "「等」を追記", "「等」の文言を削除", "「2022」を「2023」に変更"]
    assert merge_rewrites(clauses) == clauses
    # two additions of the same names are not a revision
    both_added = ["「公正な移行」に関する記述を追加", "「公正な移行」に関する記述を追記"]
    assert merge_rewrites(both_added) == both_added


def test_two_replacements_trading_words_are_left_to_the_swap() -> None:
    swap = ["「電子決裁」を「図書館サービス」に変更", "「図書館サービス」を「電子決裁」に変更"]
    assert merge_rewrites(swap) == swap
