"""新旧対照表: the pure model (underlines, folding, order, headings, --section),
the DOCX (A4 landscape, repeated header row, underlined runs) and the HTML
(well-formed, escaped, comments linked, opinions only when asked)."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest
from docx import Document as read_docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from typer.testing import CliRunner

from revtool.changes.changelog import Changelog
from revtool.compare.diff import diff_documents
from revtool.model import (
    Cause, CauseType, ChangeKind, ChangeRow, Comment, Locator, ResponseType,
)
from revtool.render.taisho_docx import taisho_docx
from revtool.render.taisho_html import taisho_html
from revtool.views.taisho import (
    FOLD, Run, SectionNotFoundError, TaishoMeta, build_taisho, fold_paragraph, para_text, sentences, underlined,
    SectionHeading, with_staff_verdicts,
)
from tests.diff_helpers import parse_plan
from tests.purity_helpers import calls_open, imported_modules

OLD = parse_plan("""
# 第1章　計画の基本的な考え方
## 1. 計画策定の趣旨
区は、これまで情報化を進めてきた。
国においては、デジタル庁の発足をはじめ、社会全体のデジタル化に向けた取組が進められてきた。このため、区は新たな計画を策定する。
本計画は、区の全ての部署が取り組むものである。
## 2. 計画期間
本計画の計画期間は、2026年度から2030年度までの5年間とする。
# 第2章　DXの取組
## 施策1　ナカペイの活用
### （1）成果指標
| 指標 | 現状値 | 目標値 |
| 利用登録者数 | 約4.8万人 | 10万人 |
| 加盟店舗数 | 約1,900店舗 | 2,500店舗 |
## 施策2　働き方改革
テレワークを推進する。
## 施策3　廃止する施策
この施策は案で削除される。
""", title="中野区DX推進計画（素案）")

NEW = parse_plan("""
# 第1章　計画の基本的な考え方
## 1. 計画策定の趣旨
区は、これまで情報化を進めてきた。
国においては、デジタル庁の発足をはじめ、社会全体のデジタル化に向けた取組が急速に進められてきた。このため、区は新たな計画を策定する。
本計画は、区の全ての部署が取り組むものである。
## 2. 計画期間
本計画の計画期間は、2026年度から2030年度までの5年間とする。
# 第2章　DXの取組
## 施策1　ナカペイの活用
### （1）成果指標
| 指標 | 現状値 | 目標値 |
| 利用登録者数 | 約4.8万人 | 12万人 |
| 加盟店舗数 | 約1,900店舗 | 2,500店舗 |
## 施策2　働き方改革
テレワークを推進する。
## 施策4　新しい施策
生成AIを活用する。
""", title="中野区DX推進計画（案）")

META = TaishoMeta(plan="", old_version="素案", new_version="案", old_source="soan.docx",
                  new_source="an.docx", document_title="中野区DX推進計画（案）")


def _taisho(**kw):
    return build_taisho(OLD, NEW, diff_documents(OLD, NEW), **kw)


def _row(taisho, heading: str):
    for r in taisho.rows:
        if r.section_path[-1] == heading:
            return r
    raise AssertionError(f"no row for {heading}: {[r.section_path for r in taisho.rows]}")


# ---------------------------------------------------------------- the model


def test_sentences_split_at_maru_outside_brackets() -> None:
    text = "この法律は、利用（以下「原子力利用」という。）を推進する。次の文。」最後"
    assert [text[s:e] for s, e in sentences(text)] == [
        "この法律は、利用（以下「原子力利用」という。）を推進する。", "次の文。」", "最後"]


def test_fold_keeps_the_changed_sentence_and_folds_the_rest() -> None:
    text = "最初の文はかなり長い説明の文章になっていて、区の計画の背景を述べている。二番目の文に変更がある。最後の文も十分に長くて変更のない文であり、折り畳まれる。"
    start = text.index("変更がある")
    para = fold_paragraph(text, [(start, start + 2)])
    assert para_text(para) == f"{FOLD}二番目の文に変更がある。{FOLD}"
    assert underlined(para) == "変更"


def test_fold_keeps_the_counterpart_of_an_insertion() -> None:
    text = "最初の文はかなり長い説明の文章になっていて、区の計画の背景を述べている。二番目の文では何かが削除された。最後の文も十分に長くて変更のない文であり、折り畳まれる。"
    point = text.index("削除")
    para = fold_paragraph(text, [], [point])
    assert para_text(para) == f"{FOLD}二番目の文では何かが削除された。{FOLD}"
    assert underlined(para) == ""


def test_short_paragraph_is_shown_whole() -> None:
    para = fold_paragraph("短い文。変更。", [(4, 6)])
    assert para == (Run("短い文。"), Run("変更", True), Run("。"))


def test_underlines_exactly_the_inserted_text_and_folds_unchanged_paragraphs() -> None:
    row = _row(_taisho(), "1. 計画策定の趣旨")
    assert row.kind is ChangeKind.MODIFIED
    new_body = [para_text(p) for p in row.new.body]
    old_body = [para_text(p) for p in row.old.body]
    # unchanged paragraphs before and after become one （略） each, on both sides
    assert new_body[0] == FOLD and new_body[-1] == FOLD
    assert old_body[0] == FOLD and old_body[-1] == FOLD
    assert len(new_body) == len(old_body) == 3
    # the changed sentence is kept, the unchanged one folded
    assert new_body[1] == f"国においては、デジタル庁の発足をはじめ、社会全体のデジタル化に向けた取組が急速に進められてきた。{FOLD}"
    assert underlined(row.new.body[1]) == "急速に"
    # the old side shows the same sentence, nothing underlined (nothing was deleted)
    assert old_body[1] == f"国においては、デジタル庁の発足をはじめ、社会全体のデジタル化に向けた取組が進められてきた。{FOLD}"
    assert underlined(row.old.body[1]) == ""


def test_headings_kept_and_unchanged_sections_omitted() -> None:
    taisho = _taisho()
    paths = [r.section_path for r in taisho.rows]
    assert ("第1章　計画の基本的な考え方", "2. 計画期間") not in paths
    assert all(r.section_path[-1] != "施策2　働き方改革" for r in taisho.rows)
    row = _row(taisho, "1. 計画策定の趣旨")
    assert row.new.ancestors == ("第1章　計画の基本的な考え方",)
    assert para_text(row.new.heading) == "1. 計画策定の趣旨"
    assert para_text(row.old.heading) == "1. 計画策定の趣旨"


def test_rows_follow_the_new_document_order_with_anchors() -> None:
    taisho = _taisho()
    heads = [r.section_path[-1] for r in taisho.rows]
    assert heads.index("1. 計画策定の趣旨") < heads.index("（1）成果指標") < heads.index("施策4　新しい施策")
    assert [r.anchor for r in taisho.rows] == [f"T{k}" for k in range(1, len(taisho.rows) + 1)]


def test_table_cell_change_underlined_on_both_sides_other_rows_folded() -> None:
    row = _row(_taisho(), "（1）成果指標")
    new = [para_text(p) for p in row.new.body]
    old = [para_text(p) for p in row.old.body]
    assert new[0] == "指標｜現状値｜目標値"  # header row always shown
    assert "利用登録者数｜約4.8万人｜12万人" in new
    assert "利用登録者数｜約4.8万人｜10万人" in old
    assert FOLD in new and "加盟店舗数｜約1,900店舗｜2,500店舗" not in new
    changed_new = row.new.body[new.index("利用登録者数｜約4.8万人｜12万人")]
    changed_old = row.old.body[old.index("利用登録者数｜約4.8万人｜10万人")]
    assert underlined(changed_new) == "12"  # the diff's unit is the number
    assert underlined(changed_old) == "10"


def test_added_section_has_an_empty_old_side_and_deleted_an_empty_new_side() -> None:
    taisho = _taisho()
    added = _row(taisho, "施策4　新しい施策")
    assert added.kind is ChangeKind.ADDED and added.old is None
    assert underlined(added.new.body[0]) == "生成AIを活用する。"
    assert underlined(added.new.heading) == "施策4　新しい施策"
    deleted = _row(taisho, "施策3　廃止する施策")
    assert deleted.kind is ChangeKind.DELETED and deleted.new is None
    assert underlined(deleted.old.body[0]) == "この施策は案で削除される。"
    html = taisho_html(taisho, META)
    assert '<td class="old empty"><p class="fold">（新設）</p></td>' in html
    assert '<td class="new empty"><p class="fold">（削除）</p></td>' in html
    cells = [r.cells for r in _docx().tables[0].rows[1:]]
    assert any("施策4" in c[0].text and c[1].text == "（新設）" for c in cells)
    assert any(c[0].text == "（削除）" and "施策3" in c[1].text for c in cells)


def test_section_filter_limits_rows_to_the_subtree() -> None:
    taisho = _taisho(section="施策1")
    assert [r.section_path[-1] for r in taisho.rows] == ["（1）成果指標"]
    with pytest.raises(SectionNotFoundError):
        _taisho(section="第9章")


def test_substantive_only_leaves_editorial_edits_out() -> None:
    old = parse_plan("# 第1章　総則\n本計画は区の取組みを定める。\n# 第2章　目標\n目標値は10万人とする。\n")
    new = parse_plan("# 第1章　総則\n本計画は区の取組を定める。\n# 第2章　目標\n目標値は12万人とする。\n")
    changes = diff_documents(old, new)
    full = build_taisho(old, new, changes)
    assert [r.section_path[-1] for r in full.rows] == ["第1章　総則", "第2章　目標"]
    assert full.rows[0].substantive is False and full.rows[1].substantive is True
    only = build_taisho(old, new, changes, substantive_only=True)
    assert [r.section_path[-1] for r in only.rows] == ["第2章　目標"]
    assert underlined(only.rows[0].new.body[0]) == "12"


def test_no_change_gives_no_rows() -> None:
    assert build_taisho(OLD, OLD, diff_documents(OLD, OLD)).rows == ()


# ---------------------------------------------------------------- DOCX


def _docx(**kw):
    return read_docx(io.BytesIO(taisho_docx(_taisho(), META, **kw)))


def test_docx_is_a4_landscape_with_a_repeated_header_row() -> None:
    doc = _docx()
    sec = doc.sections[0]
    assert sec.orientation == WD_ORIENT.LANDSCAPE
    assert abs(sec.page_width.mm - 297) < 1 and abs(sec.page_height.mm - 210) < 1
    assert doc.paragraphs[0].text == "中野区DX推進計画（案）新旧対照表"
    table = doc.tables[0]
    header = table.rows[0]
    assert [c.text for c in header.cells] == ["新（案）", "旧（素案）"]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert "PAGE" in sec.footer._element.xml


def test_docx_order_option_swaps_the_columns() -> None:
    doc = _docx(new_first=False)
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["旧（素案）", "新（案）"]


def test_docx_underlines_the_changed_runs_with_an_east_asian_font() -> None:
    doc = _docx()
    table = doc.tables[0]
    row = next(r for r in table.rows[1:] if "計画策定の趣旨" in r.cells[0].text)
    new_runs = [run for p in row.cells[0].paragraphs for run in p.runs]
    old_runs = [run for p in row.cells[1].paragraphs for run in p.runs]
    assert [r.text for r in new_runs if r.underline] == ["急速に"]
    assert [r.text for r in old_runs if r.underline] == []
    assert all(r._r.rPr.rFonts.get(qn("w:eastAsia")) for r in new_runs)
    tbl = next(r for r in table.rows[1:] if "成果指標" in r.cells[0].text)
    inner = tbl.cells[1].tables[0]  # the indicator table is a table inside the cell
    assert [c.text for c in inner.rows[0].cells] == ["指標", "現状値", "目標値"]
    assert [c.text for c in inner.rows[1].cells] == ["利用登録者数", "約4.8万人", "10万人"]
    assert [r.text for p in inner.rows[1].cells[2].paragraphs for r in p.runs if r.underline] == ["10"]
    assert len(inner.rows) == 2 and tbl.cells[1].paragraphs[-1].text == FOLD  # the unchanged row folded


# ---------------------------------------------------------------- HTML


class _Checker(HTMLParser):
    VOID = {"meta", "br", "col", "link", "img", "hr", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.errors: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if "href" in a:
            self.hrefs.append(a["href"])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def _check(html: str) -> _Checker:
    c = _Checker()
    c.feed(html)
    c.close()
    assert not c.errors and not c.stack, (c.errors, c.stack)
    assert len(c.ids) == len(set(c.ids))
    for h in c.hrefs:
        assert not h.startswith("#") or h[1:] in c.ids, h
    assert not c.tags & {"script", "link", "img", "iframe"}  # self-contained
    return c


def _log(taisho) -> Changelog:
    target = _row(taisho, "（1）成果指標")
    changes = tuple(c for c in diff_documents(OLD, NEW) if c.id in target.change_ids)
    row = ChangeRow(id="R1", item="施策1 成果指標", new_pages=(18,), summary="目標値を<12万人>に変更",
                    kind=ChangeKind.MODIFIED, section_paths=(target.section_path,), changes=changes,
                    cause=Cause(CauseType.COMMENT, ("C01",), 0.9, "…"))
    comment = Comment(id="C01", row=1, ref="P. 18 (施策1)", opinion="目標が低すぎる<script>alert(1)</script>",
                      response="ご意見を踏まえ、目標値を見直した。", locator=Locator(raw="P. 18 (施策1)"),
                      response_type=ResponseType.REFLECTED)
    return Changelog(rows=(row,), comments=(comment,), links=(), editorial_count=0)


def test_html_is_well_formed_escaped_and_links_comments() -> None:
    taisho = _taisho()
    html = taisho_html(taisho, META, _log(taisho))
    c = _check(html)
    anchor = _row(taisho, "（1）成果指標").anchor
    assert anchor in c.ids and "C01" in c.ids
    assert f'href="#{anchor}"' in html and 'href="#C01"' in html
    assert "<u>12</u>万人" in html and "<u>10</u>万人" in html
    assert "目標値を&lt;12万人&gt;に変更" in html
    assert "ご意見を踏まえ、目標値を見直した。" in html and "P. 18 (施策1)" in html
    # privacy: no opinion text unless asked
    assert "目標が低すぎる" not in html


def test_html_with_opinions_includes_them_escaped() -> None:
    taisho = _taisho()
    html = taisho_html(taisho, META, _log(taisho), with_opinions=True)
    _check(html)
    assert "目標が低すぎる&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html


def test_html_escapes_document_text() -> None:
    old = parse_plan("# 第1章　総則\n区は<b>計画</b>を定める。\n")
    new = parse_plan("# 第1章　総則\n区は<b>新しい計画</b>を定める。\n")
    html = taisho_html(build_taisho(old, new, diff_documents(old, new)), META)
    _check(html)
    assert "&lt;b&gt;" in html and "<b>" not in html


# ---------------------------------------------------------------- the command


def test_cli_writes_docx_and_html_on_nakano(nakano, tmp_path) -> None:
    from revtool.cli import app

    runner = CliRunner()
    ws = tmp_path / "w"
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    for path, version in (("soan", "素案"), ("an", "案")):
        r = runner.invoke(app, ["-C", str(ws), "ingest", str(nakano / f"{path}.docx"), "--version", version])
        assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["-C", str(ws), "comments", "import", str(nakano / "comments" / "bessi1.xlsx")])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["-C", str(ws), "taisho", "素案", "案"])
    assert r.exit_code == 0, r.output
    docx_path = ws / "changelogs" / "新旧対照表_素案-案.docx"
    doc = read_docx(str(docx_path))
    assert doc.paragraphs[0].text == "中野区DX推進計画（案）新旧対照表"
    r = runner.invoke(app, ["-C", str(ws), "taisho", "素案", "案", "--format", "html", "--section", "施策12"])
    assert r.exit_code == 0, r.output
    html = (ws / "changelogs" / "新旧対照表_素案-案.html").read_text(encoding="utf-8")
    _check(html)
    # C19 (Copilot) is behind the 施策12 ロードマップ row, C01 behind its 成果指標
    assert 'href="#C19"' in html and 'id="C19"' in html and 'href="#C01"' in html
    assert "Copilot" in html  # the ward's answer mentions it …
    assert "この間進めてきた" not in html  # … but the opinion text is not included
    r = runner.invoke(app, ["-C", str(ws), "taisho", "素案", "案", "--section", "第9章"])
    assert r.exit_code == 1



@pytest.fixture
def small_ws(tmp_path, monkeypatch):
    from revtool.workspace.store import init_workspace

    for var, value in (("GIT_AUTHOR_NAME", "t"), ("GIT_AUTHOR_EMAIL", "t@example.jp"),
                       ("GIT_COMMITTER_NAME", "t"), ("GIT_COMMITTER_EMAIL", "t@example.jp")):
        monkeypatch.setenv(var, value)
    ws = init_workspace(tmp_path / "w", plan="見本計画")
    for doc, name, version in ((OLD, "soan.docx", "素案"), (NEW, "an.docx", "案")):
        src = tmp_path / name
        src.write_bytes(name.encode())
        ws.ingest(doc, src, version)
    return tmp_path / "w"


def _run(args):
    from revtool.cli import main

    with pytest.raises(SystemExit) as exc:
        main(args)
    return int(exc.value.code or 0)


def test_cli_options_and_errors(small_ws, capsys) -> None:
    w = str(small_ws)
    assert _run(["-C", w, "taisho", "素案", "案", "--order", "旧新"]) == 0
    doc = read_docx(str(small_ws / "changelogs" / "新旧対照表_素案-案.docx"))
    assert doc.paragraphs[0].text == "見本計画（案）新旧対照表"
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["旧（素案）", "新（案）"]
    target = small_ws / "out" / "t.html"
    assert _run(["-C", w, "taisho", "素案", "案", "-o", str(target), "--substantive-only"]) == 0
    html = target.read_text(encoding="utf-8")
    _check(html)
    assert "実質的な変更のみ" in html
    capsys.readouterr()
    assert _run(["-C", w, "taisho", "素案", "案", "-f", "html", "-o", "-", "--section", "施策1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and "<u>12</u>" in out and "施策4" not in out
    assert _run(["-C", w, "taisho", "素案", "第三版"]) == 1
    assert "第三版" in capsys.readouterr().err
    assert _run(["-C", w, "taisho", "素案", "案", "--section", "第9章"]) == 1
    assert "第9章" in capsys.readouterr().err
    assert _run(["-C", w, "taisho", "素案", "案", "--format", "pdf"]) == 2
    assert _run(["-C", w, "taisho", "素案", "案", "--order", "左右"]) == 2


def test_staged_edits_of_one_article_are_shown_on_the_article(real_corpus) -> None:
    """原子力基本法 第一条: the diff splits the paragraph's edits into two steps whose
    texts are in neither version; the table still shows the article itself."""
    from tests.egov_helpers import load_law

    old = load_law(real_corpus / "egov-laws-doc/330AC1000000186_20150801_000000000000000.xml")
    new = load_law(real_corpus / "egov-laws-doc/330AC1000000186_20230607_505AC0000000044.xml")
    taisho = build_taisho(old, new, diff_documents(old, new))
    row = _row(taisho, "第一条（目的）")
    assert [para_text(p) for p in row.new.body] == [new.find(row.new.path).blocks[0].text]
    assert [para_text(p) for p in row.old.body] == [old.find(row.old.path).blocks[0].text]
    assert underlined(row.new.body[0]) == "並びに/進歩、/振興及び地球温暖化の防止を"
    assert underlined(row.old.body[0]) == "進歩と/振興とを"


def test_staff_decisions_override_the_verdict() -> None:
    old = parse_plan("# 第1章　総則\n本計画は区の取組みを定める。\n# 第2章　目標\n目標値は10万人とする。\n")
    new = parse_plan("# 第1章　総則\n本計画は区の取組を定める。\n# 第2章　目標\n目標値は12万人とする。\n")
    changes = diff_documents(old, new)
    editorial = next(c.id for c in changes if not c.substantive)
    substantive = next(c.id for c in changes if c.substantive)
    swapped = with_staff_verdicts(changes, editorial=[substantive], substantive=[editorial])
    only = build_taisho(old, new, swapped, substantive_only=True)
    assert [r.section_path[-1] for r in only.rows] == ["第1章　総則"]


def test_a_split_section_shows_the_second_heading_inside_the_row() -> None:
    old = parse_plan("""
# 第1章　総則
## 1. 概要と詳細
区は、子育て支援の充実に向けて様々な取組を進めてきた。
今後は、妊娠期から切れ目のない相談支援の体制を整える。
相談窓口は、平日の日中に限らず夜間や休日にも開設する。
オンライン相談の仕組みを導入し、利便性を高める。
""")
    new = parse_plan("""
# 第1章　総則
## 1. 概要
区は、子育て支援の充実に向けて様々な取組を進めてきた。
今後は、妊娠期から切れ目のない相談支援の体制を整える。
## 2. 詳細
相談窓口は、平日の日中に限らず夜間や休日にも開設する。
オンライン相談やチャット相談の仕組みを導入し、利便性を高める。
""")
    taisho = build_taisho(old, new, diff_documents(old, new))
    assert len(taisho.rows) == 1
    row = taisho.rows[0]
    assert row.kind is ChangeKind.SPLIT
    assert [para_text(p) for p in row.new.body] == [
        FOLD, "2. 詳細", FOLD, "オンライン相談やチャット相談の仕組みを導入し、利便性を高める。"]
    assert isinstance(row.new.body[1], SectionHeading) and underlined(row.new.body[1]) == "2. 詳細"
    assert underlined(row.new.body[3]) == "相談やチャット"
    html = taisho_html(taisho, META)
    _check(html)
    assert '<div class="heading sub"><u>2. 詳細</u></div>' in html
    doc = read_docx(io.BytesIO(taisho_docx(taisho, META)))
    assert "2. 詳細" in doc.tables[0].rows[1].cells[0].text


def test_taisho_model_and_html_renderer_are_pure() -> None:
    """taisho.py (and the HTML renderer) import no git, CLI, terminal, document or
    clock module and open no files; the DOCX renderer only adds python-docx."""
    forbidden = {"git", "typer", "rich", "docx", "click", "time", "datetime", "subprocess", "pathlib", "os"}
    for name in ("revtool.views.taisho", "revtool.views.taisho_text", "revtool.render.taisho_html"):
        mods = imported_modules(name)
        assert not forbidden & mods, (name, forbidden & mods)
        assert not calls_open(name), name


def test_output_is_deterministic() -> None:
    assert taisho_docx(_taisho(), META) == taisho_docx(_taisho(), META)
    assert taisho_html(_taisho(), META) == taisho_html(_taisho(), META)


def test_no_change_renders_a_note_instead_of_rows() -> None:
    empty = build_taisho(OLD, OLD, diff_documents(OLD, OLD))
    html = taisho_html(empty, META)
    _check(html)
    assert "（変更はありません）" in html
    doc = read_docx(io.BytesIO(taisho_docx(empty, META)))
    assert doc.tables[0].rows[1].cells[0].text == "（変更はありません）"


def test_cover_and_table_of_contents_are_left_out() -> None:
    old = parse_plan("# 目次\n第1章　総則……1\n# 第1章　総則\n本計画は区の計画である。\n", title="計画（素案）")
    new = parse_plan("# 目次\n第1章　総論……1\n# 第1章　総論\n本計画は区の計画である。\n", title="計画（案）")
    taisho = build_taisho(old, new, diff_documents(old, new))
    assert [r.section_path for r in taisho.rows] == [("第1章　総論",)]
    assert underlined(taisho.rows[0].new.heading) == "総論"
