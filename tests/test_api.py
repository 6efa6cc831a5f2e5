"""The library API (``revtool.api``) used as a notebook would: no CLI, no typer,
on the bundled example in drafts/ (DOCX pair with printed pages from the PDFs)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from revtool import api
from revtool.errors import InputFileError, RevtoolError, VersionLabelError
from revtool.model import Comparison, ResponseType

DRAFTS = Path(__file__).resolve().parents[1] / "drafts"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with 素案 and 案 of the example and its comment table, built by the API."""
    root = tmp_path_factory.mktemp("api") / "ws"
    ws = api.init(root, plan="かえで市子育て支援推進計画")
    first = api.ingest(ws, DRAFTS / "soan.docx", "素案", pages_from=DRAFTS / "soan.pdf")
    assert first.created and not first.tag_moved and first.document is not None
    assert first.document.source is not None and first.document.source.format == "docx"
    assert any(s.pages for _, s in first.document.walk())  # pages came from the PDF
    api.ingest(root, DRAFTS / "an.docx", "案", pages_from=DRAFTS / "an.pdf", cites=api.parse_cites("C01、C05"))
    return root


def test_ingest_records_versions_and_the_same_file_again_is_a_no_op(example: Path) -> None:
    infos = api.versions(example)
    assert [v.label for v in infos] == ["素案", "案"]
    assert infos[1].cites == ("C01", "C05")
    again = api.ingest(example, DRAFTS / "an.docx", "案")
    assert again.unchanged and again.document is None and again.commit == infos[1].commit
    assert [v.commit for v in api.versions(example)] == [v.commit for v in infos]


def test_ingest_refuses_another_file_under_a_taken_version_without_force(example: Path) -> None:
    with pytest.raises(VersionLabelError):
        api.ingest(example, DRAFTS / "soan.docx", "案")


def test_ingest_refuses_pages_from_that_is_not_a_pdf(example: Path, tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="--pages-from には PDF"):
        api.ingest(example, DRAFTS / "an.docx", "案2", pages_from=DRAFTS / "soan.docx")
    assert "案2" not in [v.label for v in api.versions(example)]


def test_ingest_refuses_cites_the_imported_comment_table_does_not_have(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    api.init(root)
    api.ingest(root, DRAFTS / "soan.docx", "素案")
    api.import_comments(root, DRAFTS / "bessi1.tsv")
    head = api.versions(root)[-1].commit
    with pytest.raises(RevtoolError, match="--cites: 意見 C99 は取り込んだ意見の表にありません"):
        api.ingest(root, DRAFTS / "an.docx", "案", cites=("C01", "C99"))
    assert [v.label for v in api.versions(root)] == ["素案"] and api.versions(root)[-1].commit == head
    assert api.ingest(root, DRAFTS / "an.docx", "案", cites=("C01",)).created


def test_import_comments_commits_the_table_and_resolves_against_the_oldest_version(example: Path) -> None:
    from revtool.comments import read_comment_table

    rows = read_comment_table(DRAFTS / "bessi1.tsv")
    got = api.import_comments(example, DRAFTS / "bessi1.tsv")
    assert got.against == "素案" and got.source == "bessi1.tsv"
    assert len(got.comments) == len(rows) > 0 and got.commit
    assert got.unresolved < len(got.comments)
    assert sum(got.counts.values()) == len(got.comments)
    stored = json.loads((example / "comments" / "comments.json").read_text(encoding="utf-8"))
    assert stored["schema"] == api.COMMENTS_SCHEMA and len(stored["comments"]) == len(rows)
    assert (example / "comments" / "bessi1.tsv").read_bytes() == (DRAFTS / "bessi1.tsv").read_bytes()
    listed = api.comments(example)
    assert [c.id for c in listed.comments] == [c.id for c in got.comments]
    reflected = api.comments(example, ResponseType.REFLECTED)
    assert reflected.comments and all(c.response_type is ResponseType.REFLECTED for c in reflected.comments)
    assert json.loads(api.render(listed, "json"))["comments"][0]["id"] == "C01"
    with pytest.raises(RevtoolError, match="分類「採用」はありません"):
        api.comments(example, "採用")


def test_compare_returns_one_comparison_with_alignment_and_changes(example: Path) -> None:
    comparison = api.compare(example, "素案", "案")
    assert isinstance(comparison, Comparison)
    assert comparison.old_label == "素案" and comparison.new_label == "案"
    assert comparison.section_pairs and comparison.block_pairs
    assert {p.relation for p in comparison.block_pairs} >= {"equal"}
    assert [c.id for c in comparison.changes] == [f"D{k}" for k in range(1, len(comparison.changes) + 1)]
    assert comparison.substantive and len(comparison.substantive) < len(comparison.changes)
    payload = json.loads(api.render(comparison, "json"))
    assert payload["old"] == "素案" and len(payload["changes"]) == len(comparison.changes)
    narrowed = api.compare(example, "素案", "案", section="第2章")
    assert 0 < len(narrowed.changes) < len(comparison.changes)


def test_changelog_is_built_from_the_comparison_and_renders_in_every_format(example: Path) -> None:
    expected = json.loads((DRAFTS / "expected.json").read_text(encoding="utf-8"))
    result = api.changelog(example, "素案", "案")
    assert result.changes == result.comparison.changes
    assert len(result.changelog.rows) == len(expected["rows"])
    assert set(api.formats("changelog")) == {"md", "csv", "xlsx", "docx", "json"}
    md = api.render(result, "md").decode("utf-8")
    assert "素案からの主な変更点" in md and md.count("\n|") >= len(expected["rows"])
    data = json.loads(api.render(result, "json"))
    assert [r["id"] for r in data["rows"]] == [r.id for r in result.changelog.rows]
    for fmt in ("xlsx", "docx"):
        assert zipfile.ZipFile(io.BytesIO(api.render(result, fmt))).testzip() is None


def test_views_take_their_changes_from_the_same_comparison(example: Path) -> None:
    result = api.changelog(example, "素案", "案")
    table = api.taisho(example, "素案", "案", with_changelog=True)
    ids = {c.id for c in result.changes}
    assert table.taisho.rows and all(set(r.change_ids) <= ids for r in table.taisho.rows)
    assert "新旧対照表" in api.render(table, "html").decode("utf-8")
    row = result.changelog.rows[0]
    traced = api.trace(example, row.id)
    assert traced.kind == "row-trace" and traced.trace.row.id == row.id
    with pytest.raises(RevtoolError, match="R99"):
        api.trace(example, "R99")


def test_blame_names_the_version_that_first_had_each_sentence(example: Path) -> None:
    got = api.blame(example, "案", "第2章")
    assert got.lines and {line.introduced for line in got.lines} <= {"素案", "案"}
    assert set(got.origins) == {"素案", "案"}


def test_render_refuses_a_format_it_has_no_renderer_for(example: Path) -> None:
    result = api.changelog(example, "素案", "案")
    with pytest.raises(RevtoolError, match="md・csv・xlsx・docx・json"):
        api.render(result, "pptx")


def test_what_the_cli_prints_is_rendered_from_the_api_values(example: Path) -> None:
    """ingest and the error mapping: the messages come from render/, without the CLI."""
    import errno

    from revtool.render.error_text import error_report
    from revtool.render.terminal import ingest_report

    again = api.ingest(example, DRAFTS / "an.docx", "案")
    assert ingest_report(again, "an.docx") == ([], "「案」は an.docx と同じ内容で取り込み済みです。変更はありません。")
    with pytest.raises(RevtoolError) as caught:
        api.ingest(example, DRAFTS / "soan.docx", "案")
    lines, code = error_report(caught.value)
    assert code == 1 and lines[0].startswith("エラー: ") and len(lines) <= 2
    lines, code = error_report(OSError(errno.ENOSPC, "No space left on device", "plan/.git/objects/ab"))
    assert code == 1 and lines[0].startswith("エラー: plan/.git/objects/ab: ") and lines[1].startswith("ヒント: 空き容量")


@pytest.mark.parametrize("name", ["an.pdf", "an.docx"])
def test_ingest_hashes_the_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The no-op check, the reader's Source and the commit share one sha256 of the file."""
    import hashlib

    data = (DRAFTS / name).read_bytes()
    wanted = hashlib.sha256(data).hexdigest()
    real = hashlib.sha256
    seen: list[str] = []

    class Spy:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.h = real(*args, **kwargs)  # type: ignore[arg-type]

        def update(self, chunk: bytes) -> None:
            self.h.update(chunk)

        def digest(self) -> bytes:
            return self.h.digest()

        def hexdigest(self) -> str:
            out = self.h.hexdigest()
            seen.append(out)
            return out

    ws = api.init(tmp_path / "ws")
    monkeypatch.setattr(hashlib, "sha256", Spy)
    got = api.ingest(ws, DRAFTS / name, "案")
    monkeypatch.undo()
    assert got.created and got.document is not None and got.document.source is not None
    assert got.document.source.sha256 == wanted and api.versions(ws)[0].sha256 == wanted
    assert seen.count(wanted) == 1
