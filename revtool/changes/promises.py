"""What a comment's answer promises: whether it edits the plan, the kind of
edit (a split, a reorder, a changed value, a deletion …), the things it
names, and how a row's own kind fits that promise. Pure."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from revtool.changes.row_target import RowTarget
from revtool.changes.text_match import norm_text
from revtool.text_chars import TERM_CHAR
from revtool.compare import morph


# "page": the row is printed on the page the comment cites (a reference by page
# alone, or one whose section was read otherwise); "off-page": inside the
# section a page-only reference resolved to, but not on the cited page.

_PROMISE = re.compile(
    r"(記載|追記|表記|掲載|明記|追加|修正|変更|反映|改め|加筆|更新|削除)(する|します|いたします|しました|した|を行う|を行います)"
)
QUOTED = re.compile(r"[「『]([^「」『』]{2,60})[」』]")

# What kind of edit an answer promises, read from its words: the structural
# edits and a changed value first (they name one kind of row), then the verbs.
_PROMISE_SPECIFIC = (
    ("split", re.compile(r"分け|分割|二つに|独立させ")),
    ("merged", re.compile(r"統合|一本化|一つに(?:まとめ|し)|まとめ(?:る|て|ます|いたします)")),
    ("moved", re.compile(r"入れ替|入替|順序|順番|並べ替|並び替|配置を(?:変更|見直)")),
    ("renamed", re.compile(r"名称|名前|題名|表題|タイトル")),
    # the value itself changed: 「目標値を修正」「目標値を68％に引き上げ」 (not 「目標値が…かを記載する」)
    ("value", re.compile(r"(?:目標値|数値|指標値|目標水準|目標)を[^、。を]{0,15}?(?:修正|変更|引き上げ|引上げ|引き下げ|見直|改め|更新)"
                         r"|\d[\d,.]*\s*(?:％|%|人|件|回|か所|箇所|団体|校|世帯|時間|日|円)(?:に|へ|と)")),
)
_STRUCTURE = re.compile(r"構成")
STATED_VALUE = re.compile(r"\d[\d,.]*\s*(?:％|%|人|件|回|か所|箇所|団体|校|世帯|時間|日|円)(?=に|へ|と|まで)")
# 「表記を「こども」に統一します」: a 表記ゆれ answered by a 文言整理, never by a
# substantive row that does not hold the word
UNIFY = re.compile(r"[「『]([^「」『』]{1,20})[」』]に統一")  # 「構成を見直し」: a split, a merge or a reorder
_PROMISE_KIND = (
    ("deleted", re.compile(r"(?:削除|削り|削っ|除き|取り下げ)")),
    ("added", re.compile(r"(?:追記|追加|加筆|加え|盛り込|書き加え|付記|補記|新たに(?:記載|掲載)|掲載|明記)")),
    ("modified", re.compile(r"(?:修正|変更|改め|見直|統一|更新|差し替|差替|置き換|修文|訂正|引き上げ|引上げ|引き下げ)")),
)
_STRUCTURAL_KINDS = frozenset({"split", "merged", "moved", "renamed"})
# A sentence's own boilerplate (ご意見を踏まえ): no evidence of which row is meant.
BOILERPLATE = re.compile(r"(?:ご|御)?(?:意見|指摘|提案|要望)(?:の(?:趣旨|内容))?(?:等)?を踏まえ(?:て|、)?|(?:ご|御)(?:意見|指摘)の(?:とおり|通り)")


def promised_kind(response: str) -> str:
    """``added`` / ``deleted`` / ``modified`` when the answer's verb says which
    edit it made (「…を追記しました」 → added), else ""."""
    found = {kind for kind, pattern in _PROMISE_KIND if pattern.search(response)}
    return next(iter(found)) if len(found) == 1 else ""


_OBJECT = re.compile(r"([^、。「」『』（）()\s]{3,40}?)を(?:[^、。を「」]{0,12}に)?"
                     r"(?:追記|追加|加え|加筆|書き加え|盛り込|記載|削除|掲載|明記)")
_GENERIC_TAIL = re.compile(r"(?:(?:に関する|についての|に係る|の)?(?:記述|記載|内容|文言|表現)|について|に関して)$")
_DEICTIC = re.compile(r"^(?:当該|該当する|該当の|その|この|上記|同様の|ご指摘の|ご意見の|という)")


def promised_objects(response: str) -> list[str]:
    """What the answer says it adds or deletes, in its own words, when it is
    specific: 「つながるアプリ事業を追記いたします」 → つながるアプリ事業; 「あんしん区民
    カード事業を主な事業に加えます」 → あんしん区民カード事業. Nothing for 「当該記述を
    削除いたします」 or 「記載を追加します」."""
    out = []
    text = BOILERPLATE.sub("、", unicodedata.normalize("NFKC", response))
    for m in _OBJECT.finditer(text):
        obj = _GENERIC_TAIL.sub("", m.group(1))
        if len(obj) >= 4 and not _DEICTIC.search(obj) and TERM_CHAR.search(obj):
            out.append(obj)
    return out


# an answer whose object is the opinion's (当該記述, ご指摘の箇所)
POINTS_BACK = re.compile(r"当該|該当(?:する|の)?(?:記述|箇所|部分)|(?:ご|御)指摘の(?:記述|箇所|部分|文言)")
# the text an opinion describes: 「受益者負担を原則とする記述は」, 「…に関する記載を」
_DESCRIBED = re.compile(r"([^、。「」『』（）()\s]{4,40}?)(?:という|とする|とした|に関する|についての|の)?"
                        r"(?:記述|記載|表現|文言|部分|一文|箇所)(?:は|を|について|が|も)")


def described_words(opinion: str) -> tuple[str, ...]:
    """The nouns of the text an opinion describes, when it names it by two or more
    (「受益者負担を原則とする記述は…削除すべき」 → 受益者, 負担, 原則): what an answer's
    「当該記述」 points at. Empty when the opinion describes nothing so."""
    m = _DESCRIBED.search(unicodedata.normalize("NFKC", opinion))
    if not m:
        return ()
    nouns = tuple(dict.fromkeys(norm_text(x.surface) for x in morph.morphemes(m.group(1))
                                if x.pos == "名詞" and x.pos2 in ("普通名詞", "固有名詞") and len(x.surface) >= 2))
    return nouns if len(nouns) >= 2 else ()


def promised_kinds(response: str) -> frozenset[str]:
    """The kinds of row the answer's promise fits, most specific first: a
    structural edit (「施策を二つに分けて」 → split, 「統合」 → merged, 「順序を入れ替え」 →
    moved, 「名称を見直し」 → renamed, 「構成を見直し」 → any of split/merged/moved), a
    changed value (「目標値を修正」「68％に引き上げ」 → value); else the verb's kind
    (added / deleted / modified); empty when the answer promises nothing
    readable. Boilerplate (ご意見を踏まえ) is not read."""
    text = BOILERPLATE.sub("", unicodedata.normalize("NFKC", response))
    specific = {kind for kind, pattern in _PROMISE_SPECIFIC if pattern.search(text)}
    if _STRUCTURE.search(text):
        specific |= {"split", "merged", "moved"}
    if specific:
        return frozenset(specific)
    kind = promised_kind(text)
    return frozenset({kind}) if kind else frozenset()


# a quantity: digits with at most a short unit around them (43人, 64%, 約5,000件, ▲30%(導入前比)), not a
# law number (令和6年法律第65号) or a sentence that happens to hold a number
_QUANTITY = re.compile(r"[^\d\n]{0,3}\d[\d,.]*[^\d\n]{0,6}(?:\n[^\d\n]{0,3}\d[\d,.]*[^\d\n]{0,6})*")


def row_family(target: RowTarget) -> str:
    """The row's kind as answers name it: its structural kind (split, merged,
    moved, renamed), ``value`` for a number replaced by another (a 目標値 cell),
    else added / deleted / modified."""
    if target.kind in _STRUCTURAL_KINDS:
        return target.kind
    removed, added = norm_text(target.removed), norm_text(target.added)
    if target.kind == "modified" and all(_QUANTITY.fullmatch(x) for x in (removed, added) if x) and removed and added:
        return "value"
    return target.kind if target.kind in ("added", "deleted") else "modified"


AGREE_STRONG = 0.15  # the answer names the row's structural edit or value change
AGREE_VERB = 0.08  # the answer's verb (追記/削除) is the row's kind of edit
AGREE_WEAK = 0.04  # a generic 修正/修文 and a rewritten row
CONTRADICTS = 0.55  # 削除 for an added row, 追記 for a deleted one: the score is multiplied by this


@lru_cache(maxsize=4096)
def kind_fit(want: frozenset[str], family: str) -> tuple[float, float, str]:
    """(bonus, factor, evidence) of a row of ``family`` for an answer promising
    ``want`` (``promised_kinds``)."""
    if not want:
        return 0.0, 1.0, ""
    names = {"split": "分割", "merged": "統合", "moved": "順序の入れ替え", "renamed": "名称の変更", "value": "値の変更",
             "added": "追記", "deleted": "削除", "modified": "修正"}
    said = "・".join(names[k] for k in sorted(want, key=list(names).index))
    if family in want:
        bonus = AGREE_STRONG if family in _STRUCTURAL_KINDS or family == "value" else AGREE_VERB
        return bonus, 1.0, f"回答の約束（{said}）と変更の種類が一致"
    if want == {"modified"} and family in ("value", "renamed", "merged", "split", "moved"):
        return AGREE_WEAK, 1.0, f"回答の約束（{said}）と変更の種類が一致"
    if {"added", "deleted"} & {family} and (want & {"added", "deleted"} or want & _STRUCTURAL_KINDS or "value" in want):
        return 0.0, CONTRADICTS, f"回答の約束（{said}）と変更の種類が異なる"
    if want & (_STRUCTURAL_KINDS | {"value"}) and family not in want:
        # 「名称を見直します」 and a merge, 「分けて」 and a value: another decision
        return 0.0, 0.8, f"回答の約束（{said}）と変更の種類が異なる"
    if want <= {"added", "deleted"} and (family == "value" or family in _STRUCTURAL_KINDS):
        # 「削除」 never names a value, a split, a rename or a reorder; 「追記」 never a
        # value, a rename or a reorder (a split or a merge may add or drop a 施策)
        near = {"deleted": {"merged"}, "added": {"split", "merged"}}
        if any(family in near[k] for k in want):
            return 0.0, 0.8, f"回答の約束（{said}）と変更の種類が異なる"
        return 0.0, CONTRADICTS, f"回答の約束（{said}）と変更の種類が異なる"
    return 0.0, 1.0, ""


_DENIAL = re.compile(r"^(予定はな|ことは(し|考え)|考えはな|ものではな|必要はな|ことはでき|ことは困難)")


def promises_edit(response: str) -> bool:
    """Whether an answer says the plan will be (or was) edited (「記載する」, not
    「記載する予定はない」)."""
    for m in _PROMISE.finditer(response):
        if not _DENIAL.match(response[m.end():].lstrip("。、 ")):
            return True
    return False
