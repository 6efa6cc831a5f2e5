"""The 案のページ column: one or two pages listed as the published tables do
(「P. 12、P. 13」), a run of three or more as a range staff would write
(「P. 131～165」, issue 11: 35 pages listed one by one on a ministry plan)."""

from revtool.pages import official_pages


def test_one_and_two_pages_are_listed() -> None:
    assert official_pages([12]) == "P. 12"
    assert official_pages([12, 13]) == "P. 12、P. 13"
    assert official_pages([12, 21]) == "P. 12、P. 21"


def test_a_run_of_three_or_more_is_a_range() -> None:
    assert official_pages(list(range(131, 166))) == "P. 131～165"
    assert official_pages([9, 10, 11]) == "P. 9～11"


def test_runs_and_single_pages_mix_in_the_rows_order() -> None:
    assert official_pages([6, 8, 9]) == "P. 6、P. 8、P. 9"
    assert official_pages([4, 5, 6, 7, 20, 52, 53, 54]) == "P. 4～7、P. 20、P. 52～54"
    assert official_pages([21, 12, 13, 14, 12]) == "P. 21、P. 12～14"


def test_more_than_ten_entries_are_the_span_they_lie_in() -> None:
    # an office renamed on 44 pages (12 runs): the cell says where, the JSON keeps every page
    pages = [6, 7, 9, 10] + list(range(12, 19)) + [20, 21, 22, 23, 25] + list(range(27, 40)) + list(range(41, 47)) \
        + list(range(48, 53)) + list(range(54, 60)) + [61]
    assert official_pages(pages) == "P. 6～61"
    # the 成果目標 of eight 分野: eight pages, still listed
    assert official_pages([11, 18, 25, 32, 39, 46, 53, 60]) == "P. 11、P. 18、P. 25、P. 32、P. 39、P. 46、P. 53、P. 60"
    # eleven pages one per chapter over 63: listed, a span would hide where
    scattered = [1, 10, 13, 14, 23, 27, 31, 36, 45, 55, 63]
    assert official_pages(scattered) == "、".join(f"P. {p}" for p in scattered)
    assert official_pages(list(range(4, 26, 2))) == "P. 4～24"  # eleven pages on half the span


def test_no_pages_no_label() -> None:
    assert official_pages([]) == ""
