"""serialize: Document <-> sections/ files, exact and deterministic."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import PurePosixPath

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revtool.model import Block, BlockKind, Cell, Document, PageSpan, Section, Source, Table
from revtool.workspace.serialize import (
    MANIFEST,
    document_from_files,
    document_to_files,
    safe_name,
    split_sentences,
)

# ------------------------------------------------------------------ examples


def sample_document() -> Document:
    table = Table(
        (
            (Cell("指標"), Cell("現状値（令和6年度）"), Cell("目標値（令和11年度）")),
            (Cell("オンライン申請の利用率"), Cell("32%"), Cell("70%")),
            (Cell("電子決裁率 | 全庁"), Cell("85%"), Cell("85%", merged=True)),
        ),
        header_rows=1,
    )
    policy = Section(
        heading="施策1　行政手続のオンライン化",
        number="施策1",
        title="行政手続のオンライン化",
        level=3,
        marker="shisaku",
        blocks=(
            Block(BlockKind.PARAGRAPH, "　区民が来庁せずに手続できるよう、オンライン申請を拡充します。「書かない窓口」も導入します。", pages=PageSpan(18, 18)),
            Block(BlockKind.LIST, "申請様式を見直します。押印を廃止します。", label="①", pages=PageSpan(18, 19)),
            Block(BlockKind.LIST, "キャッシュレス決済を導入します", label="・"),
            Block(BlockKind.TABLE, table.as_text(), table=table, pages=PageSpan(19, 19)),
        ),
        pages=PageSpan(18, 20),
    )
    chapter = Section(
        heading="第3章　DXの取組",
        number="第3章",
        title="DXの取組",
        level=1,
        marker="chapter",
        blocks=(Block(BlockKind.PARAGRAPH, "本章では、施策ごとの取組を示します。"),),
        children=(
            Section(heading="1. 施策ごとの取組", number="1.", title="施策ごとの取組", level=2, marker="decimal", children=(policy,), pages=PageSpan(18, 30)),
        ),
        pages=PageSpan(17, 40),
    )
    return Document(
        title="中野区DX推進計画（素案）",
        front=(Block(BlockKind.PARAGRAPH, "令和7年3月\n中野区"),),
        sections=(chapter,),
        source=Source("soan.docx", "ab" * 32, "docx"),
        warnings=("表紙のページ番号を読めませんでした",),
    )


def test_round_trip_of_a_realistic_document() -> None:
    doc = sample_document()
    assert document_from_files(document_to_files(doc)) == doc


def test_one_sentence_per_line_and_markdown_table() -> None:
    files = document_to_files(sample_document())
    text = files["01_第3章_DXの取組/01_1_施策ごとの取組/01_施策1_行政手続のオンライン化/index.md"].decode()
    assert text.splitlines() == [
        "### 施策1　行政手続のオンライン化",
        "",
        "　区民が来庁せずに手続できるよう、オンライン申請を拡充します。",
        "「書かない窓口」も導入します。",
        "",
        "- ① 申請様式を見直します。",
        "  押印を廃止します。",
        "",
        "- ・ キャッシュレス決済を導入します",
        "",
        "| 指標 | 現状値（令和6年度） | 目標値（令和11年度） |",
        "| --- | --- | --- |",
        "| オンライン申請の利用率 | 32% | 70% |",
        "| 電子決裁率 \\| 全庁 | 85% | 85% |",
    ]


def test_manifest_holds_structure_and_exact_text_only_when_needed() -> None:
    files = document_to_files(sample_document())
    manifest = json.loads(files[MANIFEST])
    assert manifest["title"] == "中野区DX推進計画（素案）"
    assert manifest["source"] == {"name": "soan.docx", "sha256": "ab" * 32, "format": "docx"}
    chapter = manifest["sections"][0]
    assert (chapter["heading"], chapter["number"], chapter["level"], chapter["pages"]) == ("第3章　DXの取組", "第3章", 1, [17, 40])
    policy = chapter["children"][0]["children"][0]
    assert [b["kind"] for b in policy["blocks"]] == ["paragraph", "list", "list", "table"]
    assert policy["blocks"][3]["table"] == {"header_rows": 1, "merged": [[2, 2]]}
    assert all("exact" not in b for b in policy["blocks"])
    # a line break inside a paragraph is a Markdown hard break, not a manifest entry
    assert "exact" not in manifest["front"]["blocks"][0]
    assert files["front.md"].decode() == "令和7年3月\\\n中野区\n"
    raw = files[MANIFEST].decode()
    assert raw.endswith("}\n") and "施策1" in raw  # ensure_ascii=False, trailing newline


def test_bytes_are_deterministic() -> None:
    assert document_to_files(sample_document()) == document_to_files(sample_document())


def test_split_sentences_keeps_text_exact() -> None:
    text = "計画を策定します。（令和7年度）「DXとは何か？」を考えます！ 最後の文"
    parts = split_sentences(text)
    assert parts == ["計画を策定します。", "（令和7年度）「DXとは何か？」", "を考えます！", " 最後の文"]
    assert "".join(parts) == text


HOSTILE = [
    "../../etc/passwd",
    "/absolute",
    "a\\b\\c",
    "nul\0byte",
    "CON",
    "aux",
    "com1.txt",
    "末尾のドット...",
    "末尾の空白   ",
    "　",
    "",
    ".",
    "..",
    "計" * 400,
    "第1章　同じ見出し",
    "第1章　同じ見出し",
    "*?<>|:\"",
    "改行\nを含む見出し",
]


def test_hostile_headings_give_safe_unique_paths_and_round_trip() -> None:
    sections = tuple(Section(heading=h, title=h, blocks=(Block(BlockKind.PARAGRAPH, "本文。"),)) for h in HOSTILE)
    doc = Document(sections=sections)
    files = document_to_files(doc)
    assert document_from_files(files) == doc
    folders = [p.split("/")[0] for p in files if p != MANIFEST]
    assert len(set(folders)) == len(HOSTILE)
    for path in files:
        parts = PurePosixPath(path).parts
        assert not PurePosixPath(path).is_absolute()
        for part in parts:
            assert part not in ("", ".", "..")
            assert len(part.encode()) <= 200
            assert not part.endswith((".", " ")) or part == MANIFEST
            assert not any(ch in part for ch in "\\:*?\"<>|\0\n")
            assert part.split(".")[0].upper() not in ("CON", "AUX", "NUL", "PRN", "COM1", "LPT1")


def test_safe_name() -> None:
    assert safe_name("第１章　計画の策定にあたって") == "第1章_計画の策定にあたって"
    assert safe_name("（2）成果指標") == "2_成果指標"
    assert safe_name("../..") == ""
    assert len(safe_name("あ" * 400)) == 24


def test_line_breaks_inside_a_paragraph_are_hard_breaks() -> None:
    doc = Document(sections=(Section(heading="第2章　基本方針", blocks=(
        Block(BlockKind.PARAGRAPH, "基本方針1　区民の暮らしを豊かにするDX\n地域通貨を活用する。防災を強化する。"),
        Block(BlockKind.LIST, "一行目\n\n三行目。", label="①"),
        Block(BlockKind.PARAGRAPH, "末尾が円記号\\"),
    )),))
    files = document_to_files(doc)
    assert files["01_第2章_基本方針/index.md"].decode().splitlines()[2:] == [
        "基本方針1　区民の暮らしを豊かにするDX\\",
        "地域通貨を活用する。",
        "防災を強化する。",
        "",
        "- ① 一行目\\",
        "  \\",
        "  三行目。",
        "",
        "末尾が円記号\\",
    ]
    blocks = json.loads(files[MANIFEST])["sections"][0]["blocks"]
    assert ["exact" in b for b in blocks] == [False, False, True]  # a real trailing backslash needs the manifest
    assert document_from_files(files) == doc


def test_awkward_blocks_round_trip() -> None:
    odd_table = Table(((Cell("a<br>b"), Cell("改行\nあり"), Cell("\\")), (Cell(""), Cell("  空白  "), Cell("|"))), header_rows=2)
    blocks = (
        Block(BlockKind.PARAGRAPH, ""),
        Block(BlockKind.PARAGRAPH, "空行を\n\n含む段落。"),
        Block(BlockKind.PARAGRAPH, "- リストに見える段落"),
        Block(BlockKind.PARAGRAPH, "| 表に見える | 段落 |"),
        Block(BlockKind.LIST, "", label="ア"),
        Block(BlockKind.LIST, "ラベル\r\nに改行", label="①\n"),
        Block(BlockKind.TABLE, "表の本文とは違う text", table=Table.from_texts([["見出し"], ["値"]])),
        Block(BlockKind.TABLE, odd_table.as_text(), table=odd_table),
        Block(BlockKind.TABLE, "", table=Table(())),
        Block(BlockKind.TABLE, "", table=Table(((),), header_rows=0)),
        Block(BlockKind.TABLE, "表だが table なし"),
        Block(BlockKind.PARAGRAPH, "制御文字\x0bと\u2028行区切り"),
    )
    doc = Document(front=blocks, sections=(Section(heading="見出し", blocks=blocks, level=9),))
    files = document_to_files(doc)
    assert document_from_files(files) == doc
    for path, data in files.items():
        if path.endswith(".md"):
            assert "\r" not in data.decode() and "\x0b" not in data.decode()


# ------------------------------------------------------------------ property test

_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("計画の推進施策区民デジタル。、！？「」（）()|\\- 　\n\t0123456789abcXYZ<br>#*")),
        st.characters(codec="utf-8"),
    ),
    max_size=40,
)
_pages = st.none() | st.builds(lambda a, n: PageSpan(a, a + n), st.integers(-3, 200), st.integers(0, 5))
_cell = st.builds(Cell, _text, st.booleans())
_table = st.builds(
    Table,
    st.lists(st.lists(_cell, max_size=4).map(tuple), max_size=4).map(tuple),
    st.integers(0, 3),
)


@st.composite
def _block(draw: st.DrawFn) -> Block:
    kind = draw(st.sampled_from(list(BlockKind)))
    table = draw(_table) if kind == BlockKind.TABLE and draw(st.booleans()) else None
    text = table.as_text() if table is not None and draw(st.booleans()) else draw(_text)
    label = draw(st.sampled_from(["", "①", "・", "ア", "(1)"]) | _text)
    return Block(kind, text, label, table, draw(_pages))


def _section(children: st.SearchStrategy[tuple[Section, ...]]) -> st.SearchStrategy[Section]:
    return st.builds(
        Section,
        heading=_text,
        number=_text,
        title=_text,
        level=st.integers(0, 8),
        marker=st.sampled_from(["", "chapter", "decimal", "paren"]),
        blocks=st.lists(_block(), max_size=4).map(tuple),
        children=children,
        pages=_pages,
    )


_sections = st.recursive(
    st.just(()),
    lambda inner: st.lists(_section(inner), min_size=1, max_size=3).map(tuple),
    max_leaves=8,
)
_documents = st.builds(
    Document,
    title=_text,
    front=st.lists(_block(), max_size=3).map(tuple),
    sections=_sections,
    source=st.none() | st.builds(Source, _text, st.text("0123456789abcdef", min_size=64, max_size=64), st.sampled_from(["docx", "pdf"])),
    warnings=st.lists(_text, max_size=2).map(tuple),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents)
def test_property_round_trip_and_determinism(doc: Document) -> None:
    files = document_to_files(doc)
    assert document_from_files(files) == doc
    assert document_to_files(doc) == files
    for path in files:
        assert all(part not in ("", ".", "..") for part in path.split("/"))


_plain = st.text(alphabet=st.sampled_from(list("計画の推進施策区民デジタル。、！？「」（）()|-　 #*0123456789abcXYZ\n")), min_size=1, max_size=30)
_plain_blocks = st.one_of(
    st.builds(Block, st.just(BlockKind.PARAGRAPH), _plain),
    st.builds(Block, st.just(BlockKind.LIST), _plain, st.sampled_from(["", "①", "・", "ア"])),
    st.builds(
        lambda rows, header: Block(BlockKind.TABLE, Table.from_texts(rows, header).as_text(), table=Table.from_texts(rows, header)),
        st.lists(st.lists(st.text(alphabet="計画|\\ 　abc<>", max_size=8), min_size=1, max_size=3), min_size=1, max_size=3),
        st.integers(0, 2),
    ),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_plain_blocks, min_size=1, max_size=6))
def test_property_ordinary_text_lives_in_markdown_not_manifest(blocks: list[Block]) -> None:
    doc = Document(sections=(Section(heading="第1章　総論", blocks=tuple(blocks)),))
    files = document_to_files(doc)
    assert "exact" not in json.loads(files[MANIFEST])["sections"][0]["blocks"][0]
    assert all("exact" not in b for b in json.loads(files[MANIFEST])["sections"][0]["blocks"])
    assert document_from_files(files) == doc


# ------------------------------------------------------------------ stable folder names (issue 15)


def _folders(files: dict[str, bytes]) -> dict[str, str]:
    """heading -> folder of its index.md, from the manifest."""
    out: dict[str, str] = {}

    def walk(entries: list[dict]) -> None:
        for e in entries:
            out[e["heading"]] = e["file"].rsplit("/", 1)[0]
            walk(e["children"])

    walk(json.loads(files[MANIFEST])["sections"])
    return out


def _sec(heading: str, number: str, title: str, text: str, *children: Section) -> Section:
    return Section(heading, number, title, 2, "shisaku", (Block(BlockKind.PARAGRAPH, text),), tuple(children))


def test_renamed_renumbered_and_moved_sections_keep_their_folders() -> None:
    sub = lambda t: _sec("（1）現状と課題", "（1）", "現状と課題", t)  # noqa: E731
    v1 = Document(sections=(
        Section("第1章　総論", "第1章", "総論", 1, children=(
            _sec("施策1　窓口の改善", "施策1", "窓口の改善", "窓口を改善します。", sub("待ち時間が長い。")),
            _sec("施策2　相談の充実", "施策2", "相談の充実", "相談を充実します。", sub("相談が少ない。")),
            _sec("施策3　図書館の充実", "施策3", "図書館の充実", "図書館を充実します。"),
        )),
        Section("第2章　各論", "第2章", "各論", 1, children=(
            _sec("施策4　公園の整備", "施策4", "公園の整備", "公園を整備します。"),
        )),
    ))
    v2 = Document(sections=(
        Section("第1章　総論", "第1章", "総論", 1, children=(
            _sec("施策1　書かない窓口の導入", "施策1", "書かない窓口の導入", "窓口を改善します。", sub("待ち時間が長い。")),  # retitled
            _sec("施策2　データ連携の推進", "施策2", "データ連携の推進", "新しい施策です。"),  # inserted
            _sec("施策3　相談の充実", "施策3", "相談の充実", "相談を充実します。", sub("相談が少ない。")),  # renumbered
        )),
        Section("第2章　各論", "第2章", "各論", 1, children=(
            _sec("施策4　公園の整備", "施策4", "公園の整備", "公園を整備します。"),
            _sec("施策5　図書館の充実", "施策5", "図書館の充実", "図書館を充実します。"),  # moved (and renumbered)
        )),
    ))
    one = document_to_files(v1)
    two = document_to_files(v2, one[MANIFEST])
    before, after = _folders(one), _folders(two)
    assert after["施策1　書かない窓口の導入"] == before["施策1　窓口の改善"] == "01_第1章_総論/01_施策1_窓口の改善"
    assert after["施策3　相談の充実"] == before["施策2　相談の充実"]
    assert after["施策5　図書館の充実"] == "02_第2章_各論/03_施策3_図書館の充実"  # its old name, in its new chapter
    assert after["施策2　データ連携の推進"] == "01_第1章_総論/02_施策2_データ連携の推進"  # fresh
    # the unchanged files keep their bytes at their old paths: git sees no delete/add
    kept = [p for p in two if p in one and two[p] == one[p] and p != MANIFEST]
    assert f"{before['施策2　相談の充実']}/01_1_現状と課題/index.md" in kept
    assert document_from_files(two) == v2
    assert document_to_files(v2, one[MANIFEST]) == two  # deterministic
    assert document_to_files(v2) != two  # without history: positional names, as before


def test_a_hand_edited_previous_manifest_cannot_name_other_paths() -> None:
    doc = Document(sections=(_sec("施策1　窓口", "施策1", "窓口", "本文。"),))
    for bad in ("..", "x/..", "CON", ".git", "01_a b", "01_a.md"):
        manifest = json.dumps({"format": "revtool.sections/1", "sections": [
            {"file": f"{bad}/index.md", "heading": "施策1　窓口", "title": "窓口", "number": "施策1", "children": []}]})
        files = document_to_files(doc, manifest.encode())
        assert list(_folders(files).values()) == ["01_施策1_窓口"], bad
    assert document_to_files(doc, b"not json") == document_to_files(doc)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents, _documents)
def test_property_round_trip_with_any_previous_version(previous: Document, doc: Document) -> None:
    files = document_to_files(doc, document_to_files(previous)[MANIFEST])
    assert document_from_files(files) == doc
    assert document_to_files(doc, document_to_files(previous)[MANIFEST]) == files
    for path in files:
        assert all(part not in ("", ".", "..") for part in path.split("/"))
    index_paths = [p for p in files if p.endswith("/index.md")]
    assert len({p.casefold() for p in index_paths}) == len(index_paths)  # one folder per section


def test_page_map_is_kept_as_runs_only_when_there_is_one() -> None:
    """A PDF behind an unnumbered cover and 目次 (PDF page 3 prints 1) and a
    back cover numbered again: the map reads back exactly; a document without
    one writes no key (its manifest stays as before)."""
    pairs = tuple((p, p - 2) for p in range(3, 9)) + ((10, 9), (11, 10))
    doc = replace(sample_document(), page_map=pairs)
    files = document_to_files(doc)
    assert json.loads(files[MANIFEST])["page_map"] == [[3, 1, 6], [10, 9, 2]]
    assert document_from_files(files) == doc
    assert "page_map" not in json.loads(document_to_files(sample_document())[MANIFEST])
