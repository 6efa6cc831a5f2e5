"""Hand-made Changes, Comments and Documents for the change-table tests."""

from __future__ import annotations

from revtool.model import (
    Block,
    BlockKind,
    Change,
    ChangeKind,
    Comment,
    Document,
    Locator,
    ResponseType,
    Section,
    Table,
    Verdict,
)

CH3 = "第3章　DXの取組"
EACH = "1. 施策ごとの取組"
S1 = "施策1　デジタル地域通貨の活用"
S2 = "施策2　防災DXによる安全・安心なまちづくり"
S3 = "施策3　母子保健DXの推進"
IND = "（2）成果指標"
ISSUES = "（3）現状と課題"
ROADMAP = "（5）ロードマップ"

_n = 0


def change(
    path: tuple[str, ...],
    old: str,
    new: str,
    *,
    kind: ChangeKind = ChangeKind.MODIFIED,
    substantive: bool = True,
    rule: str = "phrase",
    block_kind: str = "paragraph",
    location: str = "",
    pages: tuple[int, ...] = (),
    old_path: tuple[str, ...] | None = None,
    cid: str | None = None,
) -> Change:
    global _n
    _n += 1
    return Change(
        id=cid or f"D{_n}",
        kind=kind,
        section_path=path,
        old_section_path=path if old_path is None else old_path,
        old_text=old,
        new_text=new,
        verdict=Verdict(substantive, rule, ""),
        old_pages=pages,
        new_pages=pages,
        block_kind=block_kind,
        location=location,
    )


def column_added(path: tuple[str, ...], header: str, values: list[str], pages: tuple[int, ...] = ()) -> Change:
    return change(path, "", "\n".join([header] + values), kind=ChangeKind.ADDED, rule="column-added",
                  block_kind="table", location=f"表1 列『{header}』", pages=pages)


def cell(path: tuple[str, ...], row: str, column: str, old: str, new: str, pages: tuple[int, ...] = ()) -> Change:
    return change(path, old, new, block_kind="table", location=f"表1 行『{row}』 列『{column}』", pages=pages)


def row_added(path: tuple[str, ...], cells: list[str], pages: tuple[int, ...] = ()) -> Change:
    return change(path, "", " | ".join(cells), kind=ChangeKind.ADDED, rule="row-added", block_kind="table",
                  location=f"表1 行『{cells[0]}』", pages=pages)


def comment(
    n: int,
    opinion: str,
    response: str,
    paths: tuple[tuple[str, ...], ...] = (),
    rtype: ResponseType = ResponseType.REFLECTED,
    ref: str = "",
) -> Comment:
    return Comment(
        id=f"C{n:02d}",
        row=n,
        ref=ref or (paths[0][-1] if paths else "不明"),
        opinion=opinion,
        response=response,
        locator=Locator(ref),
        resolved_section_paths=paths,
        response_type=rtype,
    )


def table_block(rows: list[list[str]]) -> Block:
    t = Table.from_texts(rows)
    return Block(BlockKind.TABLE, t.as_text(), table=t)


def plan_doc(measures: int = 3, with_roadmap_table: bool = True) -> Document:
    """第3章 with ``measures`` 施策, each with （2）成果指標, （3）現状と課題, （5）ロードマップ."""
    kids = []
    titles = [S1, S2, S3] + [f"施策{i}　取組{i}" for i in range(4, measures + 1)]
    for t in titles[:measures]:
        roadmap_blocks = (
            (table_block([["取組", "2026年度", "2027年度"], ["既存の取組", "実施", "実施"], ["デジタルツールの計画的な導入", "導入計画の策定", "導入"]]),)
            if with_roadmap_table
            else ()
        )
        kids.append(
            Section(
                heading=t,
                number=t.split("　")[0],
                title=t.split("　")[1],
                level=3,
                children=(
                    Section(heading=IND, number="（2）", title="成果指標", level=4,
                            blocks=(table_block([["指標", "現状値", "目標値（2030年度）", "設定理由"], ["登録者数", "1万人", "5万人", "人口の2割"]]),)),
                    Section(heading=ISSUES, number="（3）", title="現状と課題", level=4),
                    Section(heading=ROADMAP, number="（5）", title="ロードマップ", level=4, blocks=roadmap_blocks),
                ),
            )
        )
    each = Section(heading=EACH, number="1.", title="施策ごとの取組", level=2, children=tuple(kids))
    ch3 = Section(heading=CH3, number="第3章", title="DXの取組", level=1, children=(each,))
    ref = Section(heading="参考資料", title="参考資料", level=1, children=(
        Section(heading="1. 取組一覧", number="1.", title="取組一覧", level=2),
        Section(heading="2. 用語集", number="2.", title="用語集", level=2),
    ))
    return Document(title="計画（案）", sections=(ch3, ref))
