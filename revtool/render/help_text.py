"""The texts of the command line's help and errors, without typer: one or two
real examples per command, a did-you-mean, click's English value errors in
Japanese, and the version line."""

from __future__ import annotations

import difflib
import re

# command path -> one or two real examples (shown at the end of --help)
EXAMPLES: dict[str, tuple[str, ...]] = {
    "init": ('revtool init 中野区DX --plan "中野区DX推進計画"',),
    "ingest": ("revtool ingest soan.pdf --version 素案", "revtool ingest an.docx --version 案 --pages-from an.pdf"),
    "versions": ("revtool versions", "revtool -C 中野区DX versions"),
    "show": ("revtool show 案 施策5", "revtool show 案 --depth 1"),
    "diff": ("revtool diff 素案 案 --section 施策5", "revtool diff 素案 案 --format json > diff.json"),
    "changelog": ("revtool changelog 素案 案 -o 別紙2.docx", "revtool changelog 素案 案 --format xlsx"),
    "trace": ("revtool trace R3", "revtool trace C05"),
    "blame": ("revtool blame 案 施策5",),
    "review": ("revtool review 素案 案", "revtool review 素案 案 --link R4=C05 --cause R8=内部:組織改正"),
    "taisho": ("revtool taisho 素案 案 -o 新旧対照表.docx", "revtool taisho 素案 案 --format html"),
    "demo": ("revtool demo",),
    "comments import": ("revtool comments import bessi1.xlsx", "revtool comments import bessi1.pdf --against 素案"),
    "comments purge": ("revtool comments purge bessi1.xlsx", "revtool comments purge bessi1.xlsx --yes"),
    "comments list": ("revtool comments list --type 反映", "revtool comments list --format csv > comments.csv"),
}


def epilog(path: str) -> str | None:
    examples = EXAMPLES.get(path)
    if not examples:
        return None
    return "例:\n\n" + "\n\n".join(f"  {e}" for e in examples)


def suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    return f"もしかして「{close[0]}」ですか？" if close else ""


def japanese_value_error(message: str) -> str:
    if m := re.match(r"'?(.*?)'? is not a valid (integer|float)", message):
        return f"「{m.group(1)}」は数値ではありません。"
    if re.match(r"Input should be a valid (integer|number)", message):
        return "数値を指定してください。"
    if m := re.match(r"Input should be (greater|less) than( or equal to)? (-?[\d.]+)", message):
        bound, inclusive = m.group(3), bool(m.group(2))
        word = ("以上" if inclusive else "より大きい") if m.group(1) == "greater" else ("以下" if inclusive else "より小さい")
        return f"{bound} {word}の数を指定してください。"
    if m := re.match(r"'?(.*?)'? is not in the range (.+?)\.?$", message):
        return f"「{m.group(1)}」は範囲（{m.group(2)}）の外です。"
    if m := re.match(r"'?(.*?)'? is not one of (.+)\.?$", message):
        return f"「{m.group(1)}」は {m.group(2)} のいずれでもありません。"
    if m := re.match(r"(?:file|directory|dir|path) '(.+)' does not exist", message, re.IGNORECASE):
        return f"「{m.group(1)}」がありません。"
    if m := re.match(r"(?:file|directory|dir|path) '(.+)' is a (file|directory)", message, re.IGNORECASE):
        return f"「{m.group(1)}」は{'ファイル' if m.group(2) == 'file' else 'フォルダ'}です。"
    return message


def version_text() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"revtool {version('revtool')}"
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "revtool (バージョン不明)"
