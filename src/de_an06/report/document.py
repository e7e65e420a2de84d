"""The report's renderers: its blocks (`de_an06.report.blocks`) as Markdown or one HTML file.

Reports are built as a list of blocks; renderers never compute anything, they only lay
out. HTML output has no scripts and loads nothing from the network: styles are inline and
charts are inline SVG, so the file can be mailed, archived and printed as it is.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from .._tables import markdown_cell, markdown_text, to_markdown
from .blocks import Bar, BarChart, Block, Heading, Milestone, Paragraph, Table, Timeline
from .svg import bar_chart, timeline

__all__ = [
    "Bar",
    "BarChart",
    "Block",
    "Heading",
    "Milestone",
    "Paragraph",
    "Table",
    "Timeline",
    "render_html",
    "render_markdown",
]


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
            case BarChart() | Timeline():
                pass  # pictures of data the tables already give; HTML draws them
    return "\n\n".join(out) + "\n"


def _md_table(table: Table) -> str:
    # Text cells are made inert for spreadsheets (a Markdown table gets pasted into one);
    # numeric columns hold numbers this library formatted ("-5,00"), left as they are.
    return to_markdown(table.columns, table.rows, numeric=table.numeric).rstrip("\n")


_STYLE = """
body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;max-width:60rem;
margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;border-bottom:2px solid #8b0000;padding-bottom:.3rem}
h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #bbb;padding:.25rem .45rem;vertical-align:top;text-align:left}
th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}
svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,figure{break-inside:avoid}}
"""


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
            case Table(columns=columns, rows=rows, numeric=numeric):
                head = "".join(f"<th>{esc(c)}</th>" for c in columns)
                body = "".join(
                    "<tr>"
                    + "".join(
                        f'<td class="num">{esc(c)}</td>' if i in numeric else f"<td>{esc(c)}</td>"
                        for i, c in enumerate(row)
                    )
                    + "</tr>"
                    for row in rows
                )
                parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
            case BarChart():
                parts.append(
                    f"<figure><figcaption>{esc(block.title)}</figcaption>"
                    f"{bar_chart(block)}</figure>"
                )
            case Timeline():
                parts.append(
                    f"<figure><figcaption>{esc(block.title)}</figcaption>{timeline(block)}</figure>"
                )
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body>\n</html>\n"
    )
