"""区の考え方 → answer type (反映 / 既記載 / 参考 / 不反映 / その他) with the
phrase that decided it.

One ordered table of patterns per type (``DEFAULT_PATTERNS``), extendable from
``revtool.toml``::

    [answers]
    反映 = ["改定します", "盛り込みます"]     # regexes tried before the built-in ones
    不反映 = ["見送ります"]
    その他 = ["ご意見ありがとうございます"]   # sentences to ignore (boilerplate)
    replace = false                          # true: use only the patterns given

Each sentence is read on its own. A rule is a pattern over a verb (or noun)
and its auxiliary ending, with a weight; a 反映 verb counts only in a
decisive, affirmative form: not negated (修正する予定はない), not studied
(記載するか検討), not modifying a noun (記載する内容). An answer's score for a
type is its best matching rule's weight, plus a bonus for a 反映 verb in a
sentence that says it follows the comment (ご指摘を踏まえ, ご意見のとおり).
The type with the highest score wins, ties going to the stronger type
反映 > 不反映 > 既記載 > 参考 > その他
(「…に記載しているため、原案のとおりとする」 is a refusal). User patterns
weigh more than the built-in ones. Both registers are covered: the ward's
(…を記載する、…を追加しました) and a ministry's (ご指摘を踏まえて…を追記いたします、
…に統一いたします、修文いたします、…に記載しております、今後の参考とさせていただきます). Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from revtool.errors import WorkspaceError
from revtool.model import ResponseType

R = ResponseType

_PLAN = r"(?:計画(?!的)|素案|計画案|原案|本文|資料|記述|文言|表現|記載|欄|図表|指標|ロードマップ|用語集|注釈)"
# Verbs that, in a comment answer, mean the plan's text is changed.
_STRONG_VERBS = r"(?:修正|追記|記載|掲載|表記|明記|加筆|訂正|付記|注記|併記|改め|修文|補記|補筆|追補)"
# Verbs that mean a plan change only with a plan object before them
# (「記述を追加します」, but not 「窓口を充実します」).
_WEAK_VERBS = (
    r"(?:追加|変更|削除|補足|充実|整理|更新|差し替え|差替え|置き換え|書き加え|書き換え|改定|改訂|見直し|反映|"
    r"統一|挿入|記述|言及|付|補正|置換|整合|精査|削|適正化|明確化|具体化|補強)"
)
# After a cue (ご指摘を踏まえ) these mean an edit of the text even without a plan
# object; 充実・更新・精査 there still promise a service, not a text.
_CUE_VERBS = (r"(?:追加|変更|削除|補足|差し替え|差替え|置き換え|書き加え|書き換え|見直し|反映|統一|挿入|付|補正|置換|削|"
              r"適正化|明確化|具体化|補強)")
# A sentence saying the answer follows the comment: with it, any edit verb is a promise.
_CUE = r"(?:(?:ご|御)(?:意見|指摘|提案|要望)(?:の(?:趣旨|内容))?(?:等)?を踏まえ|(?:ご|御)(?:意見|指摘)の(?:とおり|通り)|(?:ご|御)(?:意見|指摘)を受け)"
_CUE_RE = re.compile(_CUE)
CUE_BONUS = 0.25
_PLAN_OBJECT = (
    r"(?:計画(?!的)|素案|計画案|原案|本文|記載|記述|表現|表記|文言|用語|注釈|欄|図表|表中|表の|図の|(?<![代発公辞年])表を|図を|指標|順序|順番|並び順|掲載順|記載順|"
    r"ロードマップ|箇所|ページ|資料|一覧|項目|説明(?!会)|踏まえ|ご指摘のとおり|ご意見のとおり)"
)
# decisive endings of a verb: する / します / いたします / しました / させていただきます / することとしました …
_DO = r"(?:し(?=、)|(?:さ|し)せて(?:いただ|頂)き(?:ます|ました)|(?:する|した)こと(?:と|に)(?:いた|致)し(?:ます|ました)|いたし(?:ます|ました)|致し(?:ます|ました)|し(?:ます|ました|た)|する(?:こととし(?:ます|ました|た)?|こととする|ことにし(?:ます|ました))?|させ(?:ます|ました|る)|を行い(?:ます|ました)?|を行う|を行った)"

# A value a plan states: 目標値, 見込み (見込量), a count (利用者数, 件数), 定員.
_VALUE = r"(?:目標値?|数値|指標|値|数|回数|割合|見込み?量?|計画値|目標量|定員)"

# Verbs in their own (wago) form whose past or polite form is a promise.
_WAGO_EDIT = r"(?:改め|加え|盛り込み|書き加え|付け加え|差し替え|差替え|置き換え|揃え|そろえ|書き改め|削り|書き換え)"
_WAGO_END = r"(?:ます|ました|ることとし(?:ます|ました)|ることと(?:いた|致)し(?:ます|ました)|させていただきます)(?=。|$|、)"

DEFAULT_PATTERNS: dict[ResponseType, tuple[str, ...]] = {
    R.REFLECTED: (
        _STRONG_VERBS + _DO,
        _PLAN_OBJECT + r"[^。]{0,25}?" + _WEAK_VERBS + _DO,
        _PLAN_OBJECT + r"[^。]{0,25}?(?:見直し|修正|追記|変更)を行(?:い|う|います|いました)",
        _PLAN_OBJECT + r"[^。]{0,25}?見直(?:します|しました|す(?=。|$))",
        _WAGO_EDIT + _WAGO_END,
        # a value of the plan changed: 目標値を48回に引き上げます、事業の見込みを15人に引き上げることといたします
        _VALUE + r"を[^。]{0,25}?(?:に|へ)(?:引き上げ|引き下げ|上方修正し|下方修正し|見直し|改め|変更し|修正し)"
        + _WAGO_END,
        _VALUE + r"を[^。]{0,25}?(?:に|へ)(?:引き上げる|引き下げる|見直す|改める|変更する|修正する)"
        r"こと(?:と|に)(?:いた|致)?し(?:ます|ました)",
        # what a 事業一覧 cell says of a 事業 rewritten: 事業内容を見直しいたします (not 窓口を充実します)
        r"(?:事業|取組|施策)の?(?:内容|概要)を[^。]{0,25}?(?:(?:見直し|修正|変更)" + _DO + r"|(?:見直し|改め)" + _WAGO_END + ")",
        # the plan's structure changed: 施策の順序を入れ替えます、二つの施策を統合します
        r"(?:施策|構成|順序|項目|章|節|体系)[^。]{0,25}?(?:入れ替え|統合(?:し|いたし|致し)|分割(?:し|いたし|致し)|分け|"
        r"再編(?:し|いたし|致し)|並べ替え|組み替え|一つにまとめ|まとめ)"
        + r"(?:ます|ました|て記載|て掲載|て示し|ることとし(?:ます|ました)|ることと(?:いた|致)し(?:ます|ました))",
        # a quoted wording made the plan's: 「こども」に統一いたします、「推進する」と修正させていただきます
        r"[」』](?:に|へ|と)(?:統一|変更|置換|置き換え|差し替え)" + _DO,
        # the dictionary form with a decision: 盛り込むこととします、注釈を付すことといたします
        r"(?:盛り込|書き加え|付け加え|加え|付|改め|削)(?:む|る|す)こと(?:と|に)(?:いた|致)?し(?:ます|ました)",
        r"(?:注釈|注記|脚注|説明|解説|出典)を付(?:し|いたし|致し)(?:ます|ました)",
        # placed in the plan: …を主な事業として位置付けます (既に位置付けております is 既記載)
        r"(?:として|に)位置(?:付|づ)け(?:ます|ました|ることとし(?:ます|ました)|ることと(?:いた|致)し(?:ます|ました))(?=。|$|、)",
        _CUE + r"[^。]{0,60}?" + _CUE_VERBS + _DO,
        r"(?:ご|御)(?:意見|指摘|提案)(?:の(?:趣旨|内容))?を[^。]{0,20}?反映(?:させ|し)?" + _DO,
        _PLAN + r"(?:に|へ|の中に|において).{0,12}盛り込(?:む|みます|みました|んだ|むこととし)",
        r"(?:記載|掲載|表記|追記|明記)(?:する|いたす|します)予定",
        r"(?:計画(?!的)|素案|計画案|本文)(?:に|へ|の中に).{0,12}反映(?:させ|し)て(?:いただ|頂)?(?:きます|まいります|参ります|いきます)",
    ),
    R.ALREADY: (
        r"(?:既に|すでに|従来から|現在も).{0,30}(?:記載|掲載|記述|明記|位置付け|位置づけ|盛り込|示し|掲げ|反映)",
        r"(?:計画(?!的)|素案|計画案|本文)(?:に|の中に|において|で)?.{0,12}(?:反映|含ま|盛り込ま)れて(?:おり|い|あ)",
        r"(?:記載|掲載|記述|明記|言及|記|整理)(?:し|され|させ)て(?:おり|い|あ)",
        r"(?:記載|記述|言及)が(?:あり|ござい)ます",
        r"(?:示さ|含ま|盛り込ま|書か|触れら)れて(?:おり|い|あ)",
        r"含(?:めて|んで)(?:おり|い|あ)",
        r"(?:お示し|記載|記述)(?:している|しております|しています)(?:ところ|とおり)",
        r"(?:位置付け|位置づけ|示し|掲げ)て(?:おり|い|あ)",
        r"盛り込(?:んで|まれて)(?:おり|い|あ)",
        r"(?:記載|掲載|記述|明記|位置付け|位置づけ)(?:済み|のとおり|どおり|通り)",
        r"(?:施策|取組|事業|計画|第\d+章|P\.?\s*\d+|ページ)\s*\d*(?:の|に)?(?:記載)?(?:のとおり|どおり|で記載|に記載)",
        r"(?:お示し|示して)(?:いる|おり|います)",
        r"お示し(?:して|し)(?:おり|い)",
        r"(?:記載|記述|本文|表現)(?:で|から|により)読み取れ(?:る|ます)",
    ),
    R.NOT_REFLECTED: (
        r"(?:原案|素案|現行|現在の記載)(?:の(?:記載|記述|表記|表現))?の?(?:とおり|どおり|通り|まま)"
        r"(?:と(?:させていただき|いたし|し)(?:ます|ました)?)?",
        # the text stays as it is: 現行の記載で差し支えない、そのような修正は適当ではない
        r"(?:記載|記述|表記|表現|原案|素案)で(?:差し支え(?:ない|ありません|ございません)|問題(?:ない|ありません))",
        r"(?:適当|適切|妥当)(?:で|では)(?:ない|ありません|ございません)",
        r"(?:考えて|予定して)(?:いない|いません|おりません)",
        r"(?:予定|考え)は(?:ない|ありません|ございません)",
        r"(?:修正|追記|記載|掲載|反映|変更|導入|実施|対応)(?:は|すること(?:は|について(?:は)?)?)?"
        r"(?:しない|しません|いたしません|できない|できません|困難|難しい|見送)",
        r"(?:困難|難しい)(?:です|である|と考え|ため)",
        r"(?:修正|変更|追記|記載|反映|加筆)(?:は|を)?(?:行わ(?:ない|ず)|行いません|いたしかね|致しかね|しかね)",
        r"(?:変更|修正)(?:は)?(?:ありません|なし)",
        r"(?:修正|変更|追記|記載|加筆)(?:の|する)必要(?:は|が|性は)(?:ない|ありません|ございません|ないもの)",
    ),
    R.REFERENCE: (
        r"(?:今後の)?参考(?:に|と)(?:させて|し|いたし|します|する)",
        r"今後の参考",
        r"検討[・、及びや].{0,6}(?:予定|いき|いく|まい|参り)",
        r"検討.{0,2}(?:いき|いく|まい|参り|する|します|しま|している|しています|したい|を進め|を行|予定)",
        r"研究(?:して|し|を)?.{0,3}(?:いき|いく|まい|参り|する|します)",
        r"(?:今後|引き続き).{0,20}(?:検討|研究|調整|協議)",
        r"(?:ご意見|ご指摘|ご提案)(?:として)?(?:承り|伺い|受け止め)",
        r"参考(?:と|に)(?:させていただ|いたし|致し|さしていただ)",
        # passed on, not written in: 関係省庁と共有いたします
        r"(?:と|に|で)共有(?:いたし|致し|し|させていただき)(?:ます|ました|てまいります)",
    ),
}

ORDER = (R.REFLECTED, R.NOT_REFLECTED, R.ALREADY, R.REFERENCE)

# What after a 反映 phrase takes its decisiveness away.
_NEGATED_AFTER = re.compile(
    r"^.{0,8}?(?:ない|ません|ず(?:に|、|。)|困難|難しい|予定はな|考えていな|必要はな|ことはでき|ことは考え|には至)"
)
_STUDIED_AFTER = re.compile(r"^.{0,6}?(?:か(?:どうか|否か)|かについて|ことを検討|よう検討|ことも含め|方向で検討|ことについて検討|検討|可能性|場合|際)")
_NOUN_AFTER = re.compile(r"^(?:内容|事項|もの|者|際|場合|箇所|予定はな|ための|ことが|ことは|ことで|ことに(?:より|よ)|必要)")


USER_WEIGHT = 2.0  # a user's pattern outweighs every built-in one
BUILTIN_WEIGHT = 1.0


@dataclass(frozen=True)
class AnswerRules:
    """The scored rule table: (type, pattern, weight), tried in this order."""

    patterns: tuple[tuple[ResponseType, re.Pattern[str]], ...]
    weights: tuple[float, ...] = ()

    def weight(self, i: int) -> float:
        return self.weights[i] if i < len(self.weights) else BUILTIN_WEIGHT


def build_rules(config: Mapping[str, object] | None = None) -> AnswerRules:
    """The pattern table: the user's ``[answers]`` patterns first, then the
    built-in ones (unless ``replace = true``)."""
    config = config or {}
    replace = bool(config.get("replace", False))
    table: list[tuple[ResponseType, re.Pattern[str]]] = []
    weights: list[float] = []
    known = {t.value: t for t in ResponseType}
    for key, value in config.items():
        if key == "replace":
            continue
        if key not in known:
            raise WorkspaceError(
                f"revtool.toml: [answers] の「{key}」は分類名ではありません（{'、'.join(known)} のいずれか）。"
            )
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, Sequence) or not all(isinstance(v, str) for v in items):
            raise WorkspaceError(f"revtool.toml: [answers] の「{key}」は文字列（正規表現）のリストで指定してください。")
        for pattern in items:
            try:
                table.append((known[key], re.compile(pattern)))
                weights.append(USER_WEIGHT)
            except re.error as exc:
                raise WorkspaceError(f"revtool.toml: [answers] の「{key}」の正規表現「{pattern}」が不正です（{exc}）。") from exc
    if not replace:
        for rtype in ORDER:
            for pattern in DEFAULT_PATTERNS[rtype]:
                table.append((rtype, re.compile(pattern)))
                weights.append(BUILTIN_WEIGHT)
    return AnswerRules(tuple(table), tuple(weights))


_DEFAULT_RULES: AnswerRules | None = None


def default_rules() -> AnswerRules:
    global _DEFAULT_RULES
    if _DEFAULT_RULES is None:
        _DEFAULT_RULES = build_rules()
    return _DEFAULT_RULES


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[。．！？!?])|\n", text)
    return [p.strip() for p in parts if p and p.strip()]


_QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』")


def mask_quotes(sentence: str) -> str:
    """Quoted words (the commenter's request, a title) blanked out, same length,
    so 「…を記載する」とのご意見 is not read as the ward's own promise."""
    return _QUOTED.sub(lambda m: m.group(0)[0] + "＿" * (len(m.group(0)) - 2) + m.group(0)[-1], sentence)


def _clause(sentence: str, start: int, end: int) -> str:
    """The phrase around a match: back to the previous 、 (at most 20 characters)
    and on to the end of the sentence when that is near (the main verb)."""
    left = max(sentence.rfind("、", 0, start) + 1, start - 40, 0)
    rest = sentence[end:]
    if len(rest) <= 30:
        end = len(sentence)
    return sentence[left:end].strip().rstrip("。")


def _decisive(sentence: str, m: re.Match[str]) -> bool:
    after = sentence[m.end():]
    if _NEGATED_AFTER.match(after) or _STUDIED_AFTER.match(after) or _NOUN_AFTER.match(after):
        return False
    before = sentence[max(0, m.start() - 6): m.start()]
    if re.search(r"(?:検討|研究)(?:の上|した上で|し、|して)$", before):
        return False
    # 「…する予定である」 after 検討・ is a study, not a change
    return not re.search(r"検討[・、]$", before)


# what opens a conclusion drawn from the sentence before it: そのため、原案どおりとします
_CONSEQUENCE = re.compile(r"^(?:そのため|このため|したがって|従って|よって|以上(?:のこと)?から)、?")
# a reason clause inside the sentence it concludes: …こととしているため、原案どおりとします
_REASON_CLAUSE = re.compile(r"(?:ため|ので|ことから)、")
_NOT_AS_DRAFTED = re.compile(r"(?:とおり|どおり|通り|まま)(?:と|に)は(?:し|いたし|致し)?(?:ません|ない)")


def _refusal_reason(masked: str, following: str, rules: AnswerRules) -> int:
    """How far ``masked`` is the reason of a refusal (the offset its reason
    ends at; 0 when it is none): the whole sentence when the next one draws a
    不反映 conclusion from it (そのため、原案どおりとします), else the clause before
    「…ため、」 when the rest of the sentence is that conclusion."""
    def refuses(text: str) -> bool:
        if _NOT_AS_DRAFTED.search(text):
            return False  # 原案どおりとはしません: the draft is changed after all
        return any(t == R.NOT_REFLECTED and p.search(text) for t, p in rules.patterns)

    if _CONSEQUENCE.match(following) and refuses(following):
        return len(masked)
    cut = [m for m in _REASON_CLAUSE.finditer(masked) if refuses(masked[m.end():])]
    return cut[-1].start() if cut else 0


_HONORIFIC = re.compile(r"御(?=意見|指摘|提案|質問|要望|理解|協力|礼)")


def classify(response: str, rules: AnswerRules | None = None) -> tuple[ResponseType, str]:
    """The answer type of ``response`` and the phrase that decided it."""
    rtype, evidence, _ = classify_scored(response, rules)
    return rtype, evidence


def classify_scored(response: str, rules: AnswerRules | None = None) -> tuple[ResponseType, str, float]:
    """``classify`` with the winning score: each type scores its best
    decisive match (rule weight, plus ``CUE_BONUS`` for a 反映 verb in a
    sentence that says it follows the comment); the highest score wins, ties
    to the stronger type (``ORDER``)."""
    rules = rules or default_rules()
    rank = {t: i for i, t in enumerate(ORDER)}
    best: dict[ResponseType, tuple[float, str]] = {}
    skip = [p for t, p in rules.patterns if t == R.OTHER]
    said = sentences(response)
    masks = [mask_quotes(_HONORIFIC.sub("ご", s)) for s in said]  # same length: indices stay valid
    for n, (sentence, masked) in enumerate(zip(said, masks)):
        if any(p.search(masked) for p in skip):
            continue  # a sentence the user marked as boilerplate (その他 patterns)
        cue = bool(_CUE_RE.search(masked))
        # the reason a refusal gives (…見直しを行うこととしています。そのため、原案どおりとします。) says
        # how the plan already stands, not what is edited: no 反映 verb of it counts
        reason_until = _refusal_reason(masked, masks[n + 1] if n + 1 < len(masks) else "", rules)
        for i, (rtype, pattern) in enumerate(rules.patterns):
            if rtype == R.OTHER:
                continue
            weight = rules.weight(i) + (CUE_BONUS if cue and rtype == R.REFLECTED else 0.0)
            if rtype in best and best[rtype][0] >= weight:
                continue
            for m in pattern.finditer(masked):
                if rtype == R.REFLECTED and (not _decisive(masked, m) or m.start() < reason_until):
                    continue
                if rtype == R.ALREADY and _NEGATED_AFTER.match(masked[m.end():]):
                    continue
                best[rtype] = (weight, _clause(sentence, m.start(), m.end()))
                break
    if not best:
        return R.OTHER, "", 0.0
    winner = min(best, key=lambda t: (-best[t][0], rank[t]))
    score, evidence = best[winner]
    return winner, evidence, score


_CATEGORY_WORDS: tuple[tuple[ResponseType, re.Pattern[str]], ...] = (
    (R.NOT_REFLECTED, re.compile(r"不反映|反映しない|反映なし|反映せず|原案(?:の)?(?:とおり|どおり|通り)|対応しない|"
                                 r"反映(?:は|が)?(?:困難|難しい|できない)")),
    (R.ALREADY, re.compile(r"既記載|記載済|(?:既に|すでに).{0,8}(?:記載|掲載|盛り込)|盛り込み済|盛り込まれて|反映済")),
    (R.REFLECTED, re.compile(r"反映|修正|追記|加筆")),
    (R.REFERENCE, re.compile(r"参考|今後の検討|検討")),
    (R.OTHER, re.compile(r"その他|質問|意見として")),
)


def category_type(text: str) -> ResponseType | None:
    """The type named in an answer-category cell (対応区分 「A 反映」「既記載」…),
    or None when the cell names none."""
    key = unicodedata.normalize("NFKC", text or "").strip()
    if not key:
        return None
    for rtype, pattern in _CATEGORY_WORDS:
        if pattern.search(key):
            return rtype
    return None
