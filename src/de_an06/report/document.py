"""The report's renderers: its blocks (`de_an06.report.blocks`) as Markdown or one HTML file.

Reports are built as a list of blocks; renderers never compute anything, they only lay
out. HTML output has no scripts and loads nothing from the network: styles are inline and
charts are inline SVG, so the file can be mailed, archived and printed as it is. It prints
on A4 with the margins of Decree 30/2020/NĐ-CP; DOCX is `de_an06.report.docx`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from .._tables import markdown_cell, markdown_text, to_markdown
from .blocks import (
    BarChart,
    Block,
    DocumentTitle,
    Heading,
    Masthead,
    Paragraph,
    Placeholder,
    Signature,
    Table,
    Timeline,
    TrajectoryChart,
)
from .svg import bar_chart, timeline
from .trajectory import trajectory_svg

__all__ = ["render_html", "render_markdown"]  # the block types live in `blocks`


def _md_cell(text: str) -> str:
    return markdown_cell(text)


def render_markdown(blocks: Sequence[Block]) -> str:
    """The blocks as GitHub-flavoured Markdown; charts are left to HTML (tables hold the data)."""
    out: list[str] = []
    for block in blocks:
        match block:
            case Heading(level=level, text=text):
                out.append(f"{'#' * level} {markdown_text(text)}")
            case Paragraph(text=text):
                out.append(markdown_text(text))
            case Table():
                out.append(_md_table(block))
            case Masthead():
                left = [block.parent_body, block.issuing_body, block.number]
                right = [block.nation, block.motto, block.place_date]
                if not block.parent_body:
                    left, right = left[1:], [block.nation, block.motto, block.place_date]
                    left.insert(1, "")
                rows = list(zip(left, right, strict=True))
                out.append(to_markdown(rows[0], rows[1:]).rstrip("\n"))
            case DocumentTitle():
                out.append(f"**{markdown_text(block.kind)}**")
                out.append(f"**{markdown_text(block.summary)}**")
                if len(block.to) == 1:
                    out.append(f"{markdown_text(block.to_label)}: {markdown_text(block.to[0])}.")
                elif block.to:
                    out.append(
                        f"{markdown_text(block.to_label)}:\n\n"
                        + ";\n".join(f"- {markdown_text(t)}" for t in block.to)
                        + "."
                    )
            case Placeholder(text=text):
                out.append(f"_{markdown_text(text)}_")
            case Signature():
                out.append("\n\n".join(f"**{markdown_text(t)}**" for t in block.title))
                out.append(f"**{markdown_text(block.name)}**")
                out.append(
                    f"**_{markdown_text(block.copies_label)}_**\n\n"
                    + "\n".join(markdown_text(c) for c in block.copies)
                )
            case TrajectoryChart():  # the chart's numbers as a table
                out.append(f"**{markdown_text(block.title)}**")
                out.append(
                    _md_table(Table(block.columns, block.rows, numeric=frozenset({1, 2, 3})))
                )
                if block.note:
                    out.append(markdown_text(block.note))
            case BarChart() | Timeline():
                pass  # pictures of data the tables already give; HTML draws them
    return "\n\n".join(out) + "\n"


def _md_table(table: Table) -> str:
    # Text cells are made inert for spreadsheets (a Markdown table gets pasted into one);
    # numeric columns hold numbers this library formatted ("-5,00"), left as they are.
    return to_markdown(table.columns, table.rows, numeric=table.numeric).rstrip("\n")


# Decree 30/2020/NĐ-CP, appendix I: A4; margins top and bottom 20–25 mm, left 30–35 mm,
# right 15–20 mm; Times New Roman 13–14 pt; page number centred in the top margin from
# page 2 (margin boxes: Chromium 131 and later, ignored elsewhere).
_STYLE = """
@page{size:A4;margin:20mm 15mm 20mm 30mm;@top-center{content:counter(page);font:13pt
"Times New Roman","Liberation Serif","Tinos",serif}}
@page:first{@top-center{content:none}}
body{font-family:"Times New Roman","Liberation Serif","Tinos",serif;font-size:13pt;
line-height:1.35;color:#000;max-width:165mm;margin:1.5rem auto;padding:0 1rem}
h2{font-size:13pt;font-weight:bold;margin:12pt 0 6pt}
h3{font-size:13pt;font-weight:bold;margin:10pt 0 6pt}
h4{font-size:13pt;font-weight:bold;font-style:italic;margin:8pt 0 4pt}
h2,h3,h4,h5{break-after:avoid;page-break-after:avoid;break-inside:avoid}
p{margin:0 0 6pt;text-align:justify;text-indent:10mm}
table{border-collapse:collapse;width:100%;margin:4pt 0 8pt;font-size:11pt}
th,td{border:1px solid #000;padding:2pt 4pt;vertical-align:top;text-align:left}
th{font-weight:bold;text-align:center}td.num{text-align:right;font-variant-numeric:tabular-nums}
table.wide{font-size:10pt}thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
table.layout,table.layout td{border:none;font-size:13pt;padding:0}
table.layout td{text-align:center;vertical-align:top}
.masthead td.left{width:40%}.masthead .issuer,.masthead .nation,.doc-title .kind,
.doc-title .summary,.signature .title,.signature .name{font-weight:bold}
.masthead .parent,.masthead .issuer,.masthead .nation{text-transform:none;font-size:12pt}
.masthead .motto{font-weight:bold;font-size:13pt}
.rule{border-top:1px solid #000;width:30%;margin:2pt auto 6pt}.rule.wide{width:60%}
.place-date{font-style:italic}
.doc-title{text-align:center;margin:18pt 0 6pt}.doc-title p{text-align:center;text-indent:0;
margin:0}
p.to{text-align:center;text-indent:0}ul.to{list-style:none;margin:0 0 6pt 40%;padding:0}
p.placeholder{font-style:italic;border:1px dashed #000;padding:4pt;text-indent:0}
.signature{margin-top:12pt;break-inside:avoid;page-break-inside:avoid}
.signature td.copies{text-align:left;font-size:11pt;width:50%}
.signature .copies-label{font-size:12pt;font-weight:bold;font-style:italic}
.signature .name{margin-top:60pt}
figure{margin:6pt 0;break-inside:avoid}figcaption{font-weight:bold;margin-bottom:3pt}
svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none;padding:0}}
"""


def _table_html(table: Table) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(c)}</th>" for c in table.columns)
    body = "".join(
        "<tr>"
        + "".join(
            # "8.123/9.800" may wrap after the slash, never inside a number
            f'<td class="num">{esc(c).replace("/", "/<wbr>")}</td>'
            if i in table.numeric
            else f"<td>{esc(c)}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in table.rows
    )
    cols = "".join(f'<col style="width:{w}%">' for w in table.widths)
    cols = f"<colgroup>{cols}</colgroup>" if cols else ""
    # A table of many columns prints a size smaller.
    opening = '<table class="wide">' if len(table.columns) > 8 else "<table>"
    return f"{opening}{cols}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _masthead_html(block: Masthead) -> str:
    esc = html.escape
    parent = f'<div class="parent">{esc(block.parent_body)}</div>' if block.parent_body else ""
    return (
        '<table class="layout masthead"><tr><td class="left">'
        f'{parent}<div class="issuer">{esc(block.issuing_body)}</div><div class="rule"></div>'
        f"<div>{esc(block.number)}</div></td>"
        f'<td class="right"><div class="nation">{esc(block.nation)}</div>'
        f'<div class="motto">{esc(block.motto)}</div><div class="rule wide"></div>'
        f'<div class="place-date">{esc(block.place_date)}</div></td></tr></table>'
    )


def _title_html(block: DocumentTitle) -> str:
    esc = html.escape
    out = (
        f'<div class="doc-title"><p class="kind">{esc(block.kind)}</p>'
        f'<p class="summary">{esc(block.summary)}</p><div class="rule"></div></div>'
    )
    if len(block.to) == 1:
        out += f'<p class="to">{esc(block.to_label)}: {esc(block.to[0])}.</p>'
    elif block.to:
        items = "".join(
            f"<li>- {esc(t)}{'.' if i == len(block.to) - 1 else ';'}</li>"
            for i, t in enumerate(block.to)
        )
        out += f'<p class="to">{esc(block.to_label)}:</p><ul class="to">{items}</ul>'
    return out


def _signature_html(block: Signature) -> str:
    esc = html.escape
    copies = "".join(f"<div>{esc(c)}</div>" for c in block.copies)
    titles = "".join(f'<div class="title">{esc(t)}</div>' for t in block.title)
    return (
        '<table class="layout signature"><tr><td class="copies">'
        f'<div class="copies-label">{esc(block.copies_label)}</div>{copies}</td>'
        f'<td class="signer">{titles}<div class="name">{esc(block.name)}</div></td></tr></table>'
    )


def render_html(blocks: Sequence[Block], *, title: str, lang: str = "vi") -> str:
    """One self-contained HTML page: inline CSS, inline SVG, no scripts, no network."""
    esc = html.escape
    parts: list[str] = []
    for block in blocks:
        match block:
            case Heading(level=level, text=text):
                parts.append(f"<h{level}>{esc(text)}</h{level}>")
            case Paragraph(text=text):
                parts.append(f"<p>{esc(text)}</p>")
            case Placeholder(text=text):
                parts.append(f'<p class="placeholder">{esc(text)}</p>')
            case Table():
                parts.append(_table_html(block))
            case Masthead():
                parts.append(_masthead_html(block))
            case DocumentTitle():
                parts.append(_title_html(block))
            case Signature():
                parts.append(_signature_html(block))
            case BarChart():
                parts.append(
                    f"<figure><figcaption>{esc(block.title)}</figcaption>"
                    f"{bar_chart(block)}</figure>"
                )
            case Timeline():
                parts.append(
                    f"<figure><figcaption>{esc(block.title)}</figcaption>{timeline(block)}</figure>"
                )
            case TrajectoryChart():
                note = f'<p class="note">{esc(block.note)}</p>' if block.note else ""
                parts.append(
                    f"<figure><figcaption>{esc(block.title)}</figcaption>"
                    f"{trajectory_svg(block)}</figure>{note}"
                )
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body>\n</html>\n"
    )
