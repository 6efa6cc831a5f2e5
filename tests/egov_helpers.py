"""Build a Document from an e-Gov 法令標準XML file (MainProvision only), for
diff tests on real, versioned Japanese legal text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from revtool.model import Block, BlockKind, Document, Section


def _text(el: ET.Element | None) -> str:
    if el is None:
        return ""
    parts = []
    for node in el.iter():
        if node.tag in ("Rt", "Rp"):
            continue
        if node.text and node.tag not in ("Ruby",):
            parts.append(node.text)
        if node.tail and node is not el:
            parts.append(node.tail)
    return "".join(parts).strip()


def _sentences(el: ET.Element) -> str:
    cols = el.findall("Column")
    if cols:
        return "　".join(_text(c) for c in cols)
    return "".join(_text(s) for s in el.findall("Sentence"))


def _items(parent: ET.Element, tag: str, depth: int) -> list[Block]:
    out = []
    for it in parent.findall(tag):
        title = _text(it.find(f"{tag}Title"))
        sentence = it.find(f"{tag}Sentence")
        body = _sentences(sentence) if sentence is not None else ""
        out.append(Block(BlockKind.LIST, f"{title}　{body}".strip(), label=title))
        out.extend(_items(it, f"Subitem{depth}", depth + 1))
    return out


def _article(art: ET.Element, level: int) -> Section:
    title = _text(art.find("ArticleTitle"))
    caption = _text(art.find("ArticleCaption"))
    blocks: list[Block] = []
    for para in art.findall("Paragraph"):
        num = _text(para.find("ParagraphNum"))
        sentence = para.find("ParagraphSentence")
        text = _sentences(sentence) if sentence is not None else ""
        blocks.append(Block(BlockKind.PARAGRAPH, f"{num}　{text}".strip() if num else text))
        blocks.extend(_items(para, "Item", 1))
    return Section(heading=f"{title}{caption}", number=title, title=caption.strip("（）"), level=level,
                   marker="article", blocks=tuple(blocks))


def _container(el: ET.Element, level: int) -> list[Section]:
    out = []
    for child in el:
        if child.tag == "Article":
            out.append(_article(child, level))
        elif child.tag in ("Chapter", "Section", "Subsection", "Division", "Part"):
            heading = _text(child.find(f"{child.tag}Title"))
            number, _, title = heading.partition("　")
            out.append(Section(heading=heading, number=number, title=title, level=level, marker=child.tag.lower(),
                               children=tuple(_container(child, level + 1))))
    return out


def load_law(path: Path) -> Document:
    root = ET.parse(path).getroot()
    body = root.find("LawBody")
    assert body is not None
    main = body.find("MainProvision")
    assert main is not None
    return Document(title=_text(body.find("LawTitle")), sections=tuple(_container(main, 1)))
