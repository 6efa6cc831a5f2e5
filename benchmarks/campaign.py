"""Campaign comment tables (issue 15): tens of thousands of 別紙1 rows where a
few texts are repeated thousands of times with small edits, on a plan made by
``benchmarks/scale.py`` (its plan generator is reused as is).

    pair = scale.generate(pages, seed)
    table = campaign_table(pair, n_comments=40_000, seed=1)
    table.comments          # GroundComment rows (the pair's own first, then the campaign)
    table.groups            # comment id -> ground-truth group key ("" = an opinion of its own)
    write_campaign_tsv(table, path)

    python -m benchmarks.campaign OUTDIR [--pages 300] [--seed 1] [--comments 40000]
        # writes soan.docx, an.docx, bessi1.tsv (campaign table), truth.json

The table: the pair's organic comments (about 2,000 per 300 pages, with their
ground-truth links; cut to ``n_comments`` when fewer are asked), then campaign
rows up to ``n_comments``. A campaign is one long opinion (3-6 sentences)
citing one section; each copy makes 0-3 small edits of the kind people make
when they copy a form letter (a greeting or closing added, 。/、 dropped or
doubled, full/half-width digits, a sentence reworded, a word swapped, a line
of their own appended), so a copy stays ≥ 0.9 similar to its template. The
answer is one answer per campaign (ministries answer a campaign once); the
first campaign asks for an edit that the plan makes, answered 反映, so its
group must link to that row. About 5% of rows are new unique opinions.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.scale import OBJECTS, PLACES, SUBJECTS, GroundComment, ScalePair, _ref, write_tsv_table

CAMPAIGN_SHARE = 0.95  # of the rows beyond the organic ones
N_CAMPAIGNS = 6

CAMPAIGN_TEMPLATES = [
    "{obj}の推進に強く反対します。{subj}の負担が大きく、十分な説明もないまま進めるべきではありません。"
    "計画の{leaf}について、住民の合意を得る手続きを明記してください。拙速な導入は将来に禍根を残します。",
    "{leaf}に記載の{obj}について、{subj}の声を聞く場を設けることを計画に書き加えてください。"
    "説明会は平日の昼間だけでなく、夜間や休日にも開催してください。オンラインでの参加も選べるようにしてください。",
    "私は{place}の近くに住んでいます。{obj}の見直しにより、{subj}が利用しにくくなることを心配しています。"
    "現行の水準を維持し、利用者の意見を反映した計画としてください。",
    "{obj}の目標値は低すぎます。国の目標と比べても見劣りしており、{subj}の期待に応えていません。"
    "目標を引き上げ、毎年の進捗を公表してください。財源の見通しも示すべきです。",
    "{leaf}の{obj}は重要な取組であり、賛成します。ただし、{subj}への情報提供が不足しています。"
    "分かりやすい資料を作成し、{place}などで配布してください。",
    "計画全体について、{obj}に偏りすぎていると感じます。{subj}の暮らしを守る視点を第一に置き、"
    "費用対効果を検証した上で進めてください。{place}での実証結果も公開してください。",
]
CAMPAIGN_ANSWERS = [
    "いただいたご意見は、今後の取組の参考とさせていただきます。",
    "ご意見の趣旨は、{leaf}に記載しております。",
    "{obj}については、国の動向を踏まえて検討する必要があるため、原案のとおりとします。",
]
GREETINGS = ["いつもお世話になっております。", "一区民として意見を申し上げます。", "お忙しいところ失礼いたします。"]
CLOSINGS = ["よろしくお願いします。", "以上です。", "ご検討ください。", "強く要望します。"]
OWN_LINES = ["子どもが二人おり、毎日不安に感じています。", "近所の高齢者からも同じ声を聞いています。",
             "先日の説明会に参加して、この思いを強くしました。", "家族とも話し合って、この意見を出しました。"]
SWAPS = [("してください", "して下さい"), ("ください", "下さい"), ("心配", "不安"), ("重要", "大切"), ("書き加えて", "追記して"),
         ("低すぎます", "低いと思います"), ("反対します", "反対です"), ("ただし", "但し"), ("十分", "充分")]
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@dataclass(frozen=True)
class CampaignTable:
    pair: ScalePair
    comments: tuple[GroundComment, ...]
    groups: dict[str, str]  # comment id -> campaign key ("" for an opinion of its own)
    near_dups: dict[str, int]  # comment id -> small edits made to the template (campaign rows)
    originals: dict[str, str]  # campaign key -> the organic comment whose opinion it copies

    def raw_rows(self):
        from revtool.comments.table import RawRow

        return [RawRow(c.row, c.ref, c.opinion, c.response, where=f"別紙1 {c.row}行目") for c in self.comments]


def _copy_edit(text: str, rng: random.Random) -> tuple[str, int]:
    """A copy of a form letter with 0-3 small edits."""
    n = rng.choice([0, 0, 1, 1, 1, 2, 2, 3])
    for k in rng.sample(range(6), n):  # each kind of edit at most once
        if k == 0:
            text = rng.choice(GREETINGS) + text
        elif k == 1:
            text = text + rng.choice(CLOSINGS)
        elif k == 2:
            a, b = rng.choice(SWAPS)
            text = text.replace(a, b, 1) if a in text else text.replace("。", "。\n", 1)
        elif k == 3:
            text = text.replace("、", "", 1) if rng.random() < 0.5 else text.replace("。", "。 ", 1)
        elif k == 4:
            text = text + rng.choice(OWN_LINES)
        else:
            text = text.translate(FULLWIDTH) if rng.random() < 0.5 else " ".join(text.split("。", 1))
    return text, n


def campaign_table(pair: ScalePair, n_comments: int, seed: int = 1, n_campaigns: int = N_CAMPAIGNS) -> CampaignTable:
    rng = random.Random(seed * 7919 + n_comments)
    organic = list(pair.comments[:n_comments])
    rest = n_comments - len(organic)
    by_path = dict(pair.old.walk())
    sections = [p for p, s in pair.old.walk() if s.blocks]
    # campaign 0 asks for an edit the plan makes (a 反映 group), the others cite any section
    reflected = [c for c in pair.comments if c.response_type == "反映" and c.edit_ids]
    campaigns = []
    refs: dict[str, str] = {}
    based: dict[str, str] = {}
    for k in range(n_campaigns):
        base = reflected[k % len(reflected)] if k == 0 and reflected else None
        path = base.section_path if base else rng.choice(sections)
        fill = dict(leaf=path[-1], obj=rng.choice(OBJECTS), subj=rng.choice(SUBJECTS), place=rng.choice(PLACES))
        text = CAMPAIGN_TEMPLATES[k % len(CAMPAIGN_TEMPLATES)].format(**fill)
        if base is not None:  # the organic 反映 opinion, signed by many
            text = base.opinion + "同じ考えの区民は多くいます。計画に反映してください。"
            answer, rtype, edits = base.response, base.response_type, base.edit_ids
        else:
            rtype = ["参考", "既記載", "不反映"][k % 3]
            answer, edits = CAMPAIGN_ANSWERS[k % 3].format(**fill), ()
        campaigns.append((f"K{k + 1}", text, answer, rtype, path, edits))
        if base is not None:
            refs[f"K{k + 1}"] = base.ref  # the form letter names the place as its first sender did
            based[f"K{k + 1}"] = base.id
    # campaign sizes: a few large, a long tail (Zipf-like)
    weights = [1 / (k + 1) for k in range(n_campaigns)]
    rows: list[tuple[str, str, str, str, tuple[str, ...], tuple[str, ...], str, int]] = []
    for _ in range(rest):
        if rng.random() < CAMPAIGN_SHARE:
            key, text, answer, rtype, path, edits = rng.choices(campaigns, weights)[0]
            opinion, n_edits = _copy_edit(text, rng)
            ref = _ref(path, by_path, rng) if rng.random() < 0.3 else refs.get(key, " ".join(path[-2:]))
            rows.append((ref, opinion, answer, rtype, path, edits, key, n_edits))
        else:
            path = rng.choice(sections)
            obj, subj = rng.choice(OBJECTS), rng.choice(SUBJECTS)
            opinion = (f"{path[-1]}の{obj}について、{subj}の立場から{rng.randint(2, 99)}点意見します。"
                       f"{rng.choice(OWN_LINES)}{rng.choice(PLACES)}での{rng.choice(OBJECTS)}と合わせて検討してください。")
            rows.append((_ref(path, by_path, rng), opinion, CAMPAIGN_ANSWERS[0], "参考", path, (), "", 0))
    rng.shuffle(rows)
    out = list(organic)
    groups = {c.id: "" for c in organic}
    for key, base_id in based.items():  # the organic opinion a campaign copies is one of its members
        if base_id in groups:
            groups[base_id] = key
    near: dict[str, int] = {}
    for i, (ref, op, ans, typ, path, eids, key, n_edits) in enumerate(rows, len(organic) + 1):
        cid = f"C{i:02d}"
        out.append(GroundComment(cid, i, ref, op, ans, typ, path, eids))
        groups[cid] = key
        if key:
            near[cid] = n_edits
    return CampaignTable(pair, tuple(out), groups, near, based)


def write_campaign_tsv(table: CampaignTable, path: Path) -> None:
    """別紙1 as TSV (the layout of ``scale.write_comments_tsv``)."""
    write_tsv_table(((c.ref, c.opinion, c.response) for c in table.comments), path)


def main(argv: list[str]) -> int:
    import json

    from benchmarks.scale import generate, write_all

    if not argv or argv[0].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    pages = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else 300
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
    n = int(argv[argv.index("--comments") + 1]) if "--comments" in argv else 40_000
    pair = generate(pages, seed)
    files = write_all(pair, Path(argv[0]))
    table = campaign_table(pair, n, seed)
    write_campaign_tsv(table, files["comments"])
    sizes: dict[str, int] = {}
    for k in table.groups.values():
        sizes[k or "(own)"] = sizes.get(k or "(own)", 0) + 1
    print(json.dumps({"pages": pages, "comments": len(table.comments), "groups": sizes}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
