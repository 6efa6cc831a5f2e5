"""comments.json written and read piece by piece (issue 15, memory at 40,000
comments): the same bytes as the whole-text writer, the same comments as
``json.loads``, and every document ``json.loads`` rejects rejected."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revtool.comments import (
    RawRow,
    comments_file_bytes,
    comments_file_text,
    comments_from_bytes,
    comments_from_json,
    comments_to_store_json,
    import_comments,
    iter_store_json,
    groups_to_json,
)
from revtool.comments.json_stream import iter_array
from revtool.model import Block, BlockKind, Document, Section

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(doc=st.dictionaries(st.sampled_from(["comments", "groups", "schema", "x"]), json_values, max_size=4)
       | st.lists(json_values, max_size=5),
       indent=st.sampled_from([None, 0, 1, "\t"]))
def test_iter_array_yields_what_json_loads_reads(doc, indent) -> None:
    text = json.dumps(doc, ensure_ascii=False, indent=indent)
    want = doc.get("comments", []) if isinstance(doc, dict) else doc
    try:
        expected = list(want)
    except TypeError:  # "comments": null or a number: comments_from_json fails the same way
        with pytest.raises(TypeError):
            list(iter_array(text, "comments"))
        return
    assert list(iter_array(text, "comments")) == expected


@pytest.mark.parametrize("text", [
    "", " ", "{", "[", '{"comments": [1,]}', '{"comments": [1]', '{"comments": [1]} x', '{"comments": [1] "a": 2}',
    "{comments: []}", "[1 2]", "\ufeff{}", '{"a": 1,}', '{"comments": [{"id": "C01"}], "groups": [}',
])
def test_iter_array_rejects_what_json_loads_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        list(iter_array(text, "comments"))


def _doc() -> Document:
    return Document(title="計画", sections=(
        Section(heading="第1章　計画の概要", number="第1章", title="計画の概要",
                blocks=(Block(BlockKind.PARAGRAPH, "本計画は、区の取組を定めるものです。"),), children=()),
        Section(heading="第2章　施策の展開", number="第2章", title="施策の展開",
                blocks=(Block(BlockKind.PARAGRAPH, "子育て支援を推進します。"),), children=()),
    ))


def _comments():
    rows = [RawRow(i, "第2章" if i % 3 else "P.99", f"子育て支援の充実を求めます。{'同意見です。' * (i % 2)}",
                   "ご意見の趣旨は計画に記載しております。" if i % 2 else "今後の参考とします。", where=f"{i}行目")
            for i in range(1, 41)]
    return import_comments(rows, _doc())


def test_file_bytes_are_the_whole_text_encoded_and_read_back() -> None:
    comments = _comments()
    head = {"schema": "revtool.comments/1", "against": "素案", "source": "t.tsv", "sha256": "0" * 64}
    whole = {**head, **comments_to_store_json(comments)}
    streamed = {**head, "comments": iter_store_json(comments), "groups": groups_to_json(comments)}
    data = comments_file_bytes(streamed)
    assert data == comments_file_text(whole).encode("utf-8")
    assert json.loads(data) == whole  # plain JSON
    assert data.count(b"\n") == len(comments) + len(whole["groups"]) + 5  # one comment (and group) a line
    assert comments_from_bytes(data) == comments_from_json(whole) == comments
    empty = comments_file_bytes({**head, "comments": iter([]), "groups": []})
    assert json.loads(empty) == {**head, "comments": [], "groups": []}


def test_repeated_texts_are_one_object_in_memory() -> None:
    comments = comments_from_bytes(comments_file_bytes({"comments": iter_store_json(_comments()), "groups": []}))
    answers = {id(c.response) for c in comments}
    assert len(answers) == len({c.response for c in comments}) == 2
    assert len({id(w) for c in comments for w in c.warnings}) == len({w for c in comments for w in c.warnings})
