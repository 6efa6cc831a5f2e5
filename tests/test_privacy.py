"""privacy: PII masking, and ``comments import --mask-pii`` storing nothing unmasked."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from revtool.comments.privacy import EMAIL_MASK, PHONE_MASK, POSTAL_MASK, mask_pii, mask_pii_counted
from tests.workspace_helpers import run, workspace_with_soan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("連絡先は taro.yamada@example.co.jp です。", f"連絡先は {EMAIL_MASK} です。"),
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐまで", f"{EMAIL_MASK}まで"),
        ("電話03-1234-5678、携帯090-1234-5678", f"電話{PHONE_MASK}、携帯{PHONE_MASK}"),
        ("0120-123-456（平日）", f"{PHONE_MASK}（平日）"),
        ("（03）1234-5678 / 0312345678", f"{PHONE_MASK} / {PHONE_MASK}"),
        ("０３－１２３４－５６７８", PHONE_MASK),
        ("+81-90-1234-5678", PHONE_MASK),
        ("〒164-8501 中野区", f"〒{POSTAL_MASK} 中野区"),
        ("〒1648501", f"〒{POSTAL_MASK}"),
        ("〒１６４－８５０１", f"〒{POSTAL_MASK}"),
        ("郵便番号 164-8501", f"郵便番号 {POSTAL_MASK}"),
    ],
)
def test_pii_is_masked(text: str, expected: str) -> None:
    assert mask_pii(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024-01-01 に施行。P.18-20 を参照。",
        "施策1-1 と施策10-2、3-5年で 70% を目指す。",
        "予算 1,234,567円、令和6年度、0.5ポイント。",
        "第3章 1.(2) ① 指標7",
        "12-3456",  # not a postal code shape
    ],
)
def test_plan_numbers_are_left_alone(text: str) -> None:
    assert mask_pii(text) == text


def test_counts() -> None:
    masked = mask_pii_counted("a@b.jp と c@d.jp、〒164-8501、03-1234-5678")
    assert dict(masked.counts) == {"email": 2, "postal": 1, "phone": 1}


def test_masking_is_idempotent() -> None:
    once = mask_pii("a@b.jp 03-1234-5678 〒164-8501")
    assert mask_pii(once) == once


# ------------------------------------------------------------ comments import --mask-pii

TABLE = (
    "素案該当箇所\t主な意見\t区の考え方\n"
    "P.18（施策1）\t窓口を減らさないでほしい。連絡は taro@example.jp か 090-1234-5678 へ。〒164-8501 在住。"
    "\t窓口は維持します。ご不明点は 03-3389-1111 までお問い合わせください。\n"
)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return workspace_with_soan(tmp_path)


def _committed_text(root: Path) -> str:
    """Every blob reachable from HEAD, as text."""
    files = subprocess.run(["git", "-C", str(root), "ls-tree", "-r", "--name-only", "HEAD"],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    out = []
    for f in filter(None, files):
        blob = subprocess.run(["git", "-C", str(root), "show", f"HEAD:{f}"], capture_output=True, check=True).stdout
        out.append(blob.decode("utf-8", "replace"))
    return "\n".join(out)


def test_import_with_mask_pii_stores_no_pii(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    table = tmp_path / "bessi1.tsv"
    table.write_text(TABLE, encoding="utf-8")
    code, out, err = run(["-C", str(workspace), "comments", "import", str(table), "--mask-pii"], capsys)
    assert code == 0, err
    assert "郵便番号 1、電話番号 1、メールアドレス 1" in out.replace("\n", "")
    data = json.loads((workspace / "comments" / "comments.json").read_text(encoding="utf-8"))
    assert data["pii_masked"] is True
    c = data["comments"][0]
    assert EMAIL_MASK in c["opinion"] and PHONE_MASK in c["opinion"] and POSTAL_MASK in c["opinion"]
    # the ward's answer is public text: left exactly as written (its office number included)
    assert c["response"] == "窓口は維持します。ご不明点は 03-3389-1111 までお問い合わせください。"
    assert not (workspace / "comments" / "bessi1.tsv").exists()  # the unmasked original is not kept
    committed = _committed_text(workspace)
    for secret in ("taro@example.jp", "090-1234-5678", "164-8501"):
        assert secret not in committed
    code, out, _ = run(["-C", str(workspace), "comments", "list", "--format", "json"], capsys)
    assert code == 0 and "taro@example.jp" not in out
    status = subprocess.run(["git", "-C", str(workspace), "status", "--porcelain"], capture_output=True, text=True).stdout
    assert status == ""


def test_import_without_mask_pii_keeps_the_text(workspace: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    table = tmp_path / "bessi1.tsv"
    table.write_text(TABLE, encoding="utf-8")
    code, _, err = run(["-C", str(workspace), "comments", "import", str(table)], capsys)
    assert code == 0, err
    data = json.loads((workspace / "comments" / "comments.json").read_text(encoding="utf-8"))
    assert "taro@example.jp" in data["comments"][0]["opinion"] and "pii_masked" not in data
    assert (workspace / "comments" / "bessi1.tsv").exists()


# ------------------------------------------------------------ outputs carry no opinion unless asked

OPINION = "設定の根拠が乏しい。山田太郎 taro@example.jp"


def _log():  # type: ignore[no-untyped-def]
    from revtool.changes.changelog import build_changelog
    from tests.changelog_helpers import CH3, EACH, IND, S1, change, comment, plan_doc

    changes = [change((CH3, EACH, S1, IND), "目標値は70%。", "目標値は80%。設定理由を記す。", pages=(18,))]
    comments = [comment(1, OPINION, "成果指標欄の見直しを行い、設定理由等を表記する。", ((CH3, EACH),))]
    return build_changelog(changes, comments, new_doc=plan_doc(3))


def _text_of(fmt: str, data: bytes) -> str:
    """All text of an output file (the XML parts of xlsx/docx)."""
    import io
    import zipfile

    if fmt in ("xlsx", "docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "\n".join(zf.read(n).decode("utf-8", "replace") for n in zf.namelist() if n.endswith(".xml"))
    return data.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "xlsx", "docx"])
def test_changelog_outputs_carry_no_opinion_text(fmt: str) -> None:
    from revtool.render.registry import render_changelog as render
    from revtool.render.changelog_common import ChangelogMeta, VersionRef

    meta = ChangelogMeta("計画", VersionRef("素案"), VersionRef("案"))
    log = _log()
    assert log.comments and log.comments[0].opinion == OPINION
    text = _text_of(fmt, render(log, meta, fmt))
    assert "山田太郎" not in text and "taro@example.jp" not in text and "根拠が乏しい" not in text


def test_changelog_json_keeps_the_field_and_fills_it_when_asked() -> None:
    from revtool.render.registry import render_changelog as render
    from revtool.render.changelog_common import ChangelogMeta, VersionRef

    meta = ChangelogMeta("計画", VersionRef("素案"), VersionRef("案"))
    withheld = json.loads(render(_log(), meta, "json"))
    assert withheld["comments"][0]["opinion"] == "" and withheld["opinions_included"] is False
    assert withheld["comments"][0]["response"]  # the ward's answer is public
    asked = json.loads(render(_log(), meta, "json", with_opinions=True))
    assert asked["comments"][0]["opinion"] == OPINION and asked["opinions_included"] is True
