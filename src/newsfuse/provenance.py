"""Export a story's reuse links and source groups as a graph (Graphviz DOT, GraphML).

Nodes are articles (label: outlet or id), clustered by independence group; edges are reuse
links, directed from source to target when the direction is known.  Hand-written with the
standard library because the formats are small and a graph library would be a dependency
for two string templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from .model import Article, ReuseLink, SourceGroup


def _label(a: Article | None, aid: str) -> str:
    if a is None:
        return aid
    return a.outlet or a.title or aid


def _dot_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def to_dot(links: Sequence[ReuseLink], groups: Sequence[SourceGroup], articles: Sequence[Article]) -> str:
    by_id = {a.id: a for a in articles}
    lines = ["digraph reuse {", "  rankdir=LR;", "  node [shape=box];"]
    for k, g in enumerate(groups):
        lines.append(f"  subgraph cluster_{k} {{")
        lines.append(f"    label={_dot_str(g.id)};")
        for aid in g.articles:
            lines.append(f"    {_dot_str(aid)} [label={_dot_str(_label(by_id.get(aid), aid))}];")
        lines.append("  }")
    for link in links:
        attrs = [f"label={_dot_str(f'{link.kind} {link.score:.2f}')}", f"tooltip={_dot_str(link.reason)}"]
        if not link.directed:
            attrs.append("dir=none")
        if link.kind == "independent":
            attrs.append("style=dashed")
        lines.append(f"  {_dot_str(link.source)} -> {_dot_str(link.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_graphml(links: Sequence[ReuseLink], groups: Sequence[SourceGroup], articles: Sequence[Article]) -> str:
    ns = "http://graphml.graphdrawing.org/xmlns"
    ET.register_namespace("", ns)
    root = ET.Element(f"{{{ns}}}graphml")
    keys = [
        ("label", "node", "string"), ("group", "node", "string"), ("published", "node", "string"),
        ("kind", "edge", "string"), ("score", "edge", "double"), ("directed", "edge", "boolean"),
        ("pairs", "edge", "int"), ("reason", "edge", "string"),
    ]
    for name, dom, typ in keys:
        ET.SubElement(root, f"{{{ns}}}key", id=name, **{"for": dom, "attr.name": name, "attr.type": typ})
    graph = ET.SubElement(root, f"{{{ns}}}graph", id="reuse", edgedefault="directed")
    group_of = {aid: g.id for g in groups for aid in g.articles}
    by_id = {a.id: a for a in articles}

    def data(el: ET.Element, key: str, value: str) -> None:
        d = ET.SubElement(el, f"{{{ns}}}data", key=key)
        d.text = value

    for aid in dict.fromkeys([a.id for a in articles] + list(group_of)):
        node = ET.SubElement(graph, f"{{{ns}}}node", id=aid)
        a = by_id.get(aid)
        data(node, "label", _label(a, aid))
        data(node, "group", group_of.get(aid, ""))
        if a is not None and a.published:
            data(node, "published", a.published.isoformat())
    for k, link in enumerate(links):
        edge = ET.SubElement(graph, f"{{{ns}}}edge", id=f"e{k}", source=link.source, target=link.target)
        data(edge, "kind", link.kind)
        data(edge, "score", f"{link.score:.4f}")
        data(edge, "directed", "true" if link.directed else "false")
        data(edge, "pairs", str(len(link.pairs)))
        data(edge, "reason", link.reason)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
