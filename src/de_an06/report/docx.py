"""The report as a Word document laid out per Decree 30/2020/NĐ-CP (python-docx).

A4; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 13–14 pt
(LibreOffice shows it with the metric-compatible Liberation Serif where it is absent);
the header as a two-column table without borders; the page number centred in the top
margin from page 2; headings kept with what follows; table headers repeated on each page.
Everything is set on named styles ("Normal", "Heading 2", "Table Text" …), not on runs, so
an office restyles the whole document in Word or LibreOffice before signing.
Charts are left out: the tables beside them hold the same figures.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._files import write_atomic
from ..errors import ExportError
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

if TYPE_CHECKING:
    from docx.document import Document

__all__ = ["FONT", "docx_document", "write_docx"]

FONT = "Times New Roman"
_BODY_PT = 14
_SMALL_PT = 12
_TABLE_PT = 11


def write_docx(
    blocks: Sequence[Block], path: str | os.PathLike[str], *, title: str, lang: str = "vi"
) -> None:
    """Write *blocks* as a DOCX file at *path*, whole or not at all (`_files.write_atomic`)."""
    document = docx_document(blocks, title=title, lang=lang)
    write_atomic(path, document.save, error=ExportError)


def docx_document(blocks: Sequence[Block], *, title: str, lang: str = "vi") -> Document:
    """The blocks as a python-docx `Document` (not yet saved)."""
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise ExportError("DOCX output needs python-docx: pip install python-docx") from None
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.language = lang
    _page(document)
    _styles(document)
    for block in blocks:
        match block:
            case Heading(level=level, text=text):
                document.add_paragraph(text, style=f"Heading {min(max(level, 1), 4)}")
            case Paragraph(text=text):
                document.add_paragraph(text, style="Normal")
            case Placeholder(text=text):
                document.add_paragraph(text, style="Placeholder")
            case Table():
                _table(document, block)
            case Masthead():
                _masthead(document, block)
            case DocumentTitle():
                _title(document, block)
            case Signature():
                _signature(document, block)
            case TrajectoryChart():  # DOCX carries the chart's numbers as a table
                document.add_paragraph(block.title, style="Normal")
                _table(document, Table(block.columns, block.rows, numeric=frozenset({1, 2, 3})))
                if block.note:
                    document.add_paragraph(block.note, style="Normal")
            case BarChart() | Timeline():
                pass
    return document


def _page(document: Document) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True  # no number on page 1
    paragraph = section.header.paragraphs[0]
    paragraph.style = document.styles["Header"]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE")


def _field(paragraph: Any, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), ("end", None)):
        if kind is None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _font(style: Any, size: int, *, bold: bool = False, italic: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = italic
    style.font.color.rgb = RGBColor(0, 0, 0)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one


def _styles(document: Document) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    styles = document.styles
    normal = styles["Normal"]
    _font(normal, _BODY_PT)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Mm(10)
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing = 1.1
    _font(styles["Header"], _BODY_PT)
    for level in (1, 2, 3, 4):
        heading = styles[f"Heading {level}"]
        _font(heading, _BODY_PT, bold=True, italic=level == 4)
        hf = heading.paragraph_format
        hf.keep_with_next = True
        hf.space_before, hf.space_after = Pt(6), Pt(6)
        hf.first_line_indent = Mm(10) if level > 2 else Mm(0)
        hf.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for name, size, bold, italic, align in (
        ("Table Text", _TABLE_PT, False, False, WD_ALIGN_PARAGRAPH.LEFT),
        ("Table Heading", _TABLE_PT, True, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("Masthead", _SMALL_PT, False, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("Masthead Bold", _SMALL_PT, True, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("Number", 13, False, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("Place Date", _BODY_PT, False, True, WD_ALIGN_PARAGRAPH.CENTER),
        ("Document Kind", _BODY_PT, True, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("Addressee", _BODY_PT, False, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("Placeholder", _BODY_PT, False, True, WD_ALIGN_PARAGRAPH.JUSTIFY),
        ("Recipients Label", _SMALL_PT, True, True, WD_ALIGN_PARAGRAPH.LEFT),
        ("Recipients", _TABLE_PT, False, False, WD_ALIGN_PARAGRAPH.LEFT),
        ("Signer", _BODY_PT, True, False, WD_ALIGN_PARAGRAPH.CENTER),
        ("Rule", 2, False, False, WD_ALIGN_PARAGRAPH.CENTER),
    ):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _font(style, size, bold=bold, italic=italic)
        sf = style.paragraph_format
        sf.alignment = align
        sf.first_line_indent = Mm(0)
        sf.space_after = Pt(6) if name in ("Placeholder", "Addressee") else Pt(0)


def _rule(container: Any, indent_mm: float) -> None:
    """A short line: an empty paragraph's bottom border, narrowed by indents."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    paragraph = container.add_paragraph(style="Rule")
    paragraph.paragraph_format.left_indent = Mm(indent_mm)
    paragraph.paragraph_format.right_indent = Mm(indent_mm)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    properties = paragraph._p.get_or_add_pPr()
    properties.insert(1, borders)  # schema order: right after w:pStyle


def _cell_lines(cell: Any, lines: Sequence[tuple[str, str]]) -> list[Any]:
    paragraphs = []
    for text, style in lines:
        fresh = len(cell.paragraphs) == 1 and not cell.paragraphs[0].text
        paragraph = cell.paragraphs[0] if fresh else cell.add_paragraph()
        paragraph.style = style
        paragraph.text = text
        paragraphs.append(paragraph)
    return paragraphs


def _layout_table(document: Document, widths_mm: tuple[float, float]) -> Any:
    from docx.shared import Mm

    table = document.add_table(rows=1, cols=2)  # the default table style has no borders
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)  # the grid, which LibreOffice reads
        for cell in column.cells:
            cell.width = Mm(width)  # the cells, which Word reads
    return table


def _masthead(document: Document, block: Masthead) -> None:
    left, right = _layout_table(document, (65, 100)).rows[0].cells
    lines = [(block.parent_body, "Masthead")] if block.parent_body else []
    lines.append((block.issuing_body, "Masthead Bold"))
    _cell_lines(left, lines)
    _rule(left, 20)
    _cell_lines(left, [(block.number, "Number")])
    _cell_lines(right, [(block.nation, "Masthead Bold"), (block.motto, "Signer")])
    _rule(right, 25)
    _cell_lines(right, [(block.place_date, "Place Date")])


def _title(document: Document, block: DocumentTitle) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    kind = document.add_paragraph(block.kind, style="Document Kind")
    kind.paragraph_format.space_before = Pt(18)
    document.add_paragraph(block.summary, style="Document Kind")
    _rule(document, 60)
    if len(block.to) == 1:
        document.add_paragraph(f"{block.to_label}: {block.to[0]}.", style="Addressee")
        return
    document.add_paragraph(f"{block.to_label}:", style="Addressee").paragraph_format.space_after = 0
    for i, name in enumerate(block.to):
        end = "." if i == len(block.to) - 1 else ";"
        paragraph = document.add_paragraph(f"- {name}{end}", style="Addressee")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.left_indent = Mm(55)
        paragraph.paragraph_format.space_after = 0


def _signature(document: Document, block: Signature) -> None:
    from docx.shared import Pt

    left, right = _layout_table(document, (80, 85)).rows[0].cells
    _cell_lines(
        left,
        [(block.copies_label, "Recipients Label"), *((c, "Recipients") for c in block.copies)],
    )
    titles = _cell_lines(right, [(t, "Signer") for t in block.title])
    titles[0].paragraph_format.keep_with_next = True
    name = _cell_lines(right, [(block.name, "Signer")])[0]
    name.paragraph_format.space_before = Pt(72)  # room to sign and seal


def _table(document: Document, block: Table) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table = document.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = document.styles["Table Grid"]
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")  # repeat the header row on every page
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(header.cells, block.columns, strict=True):
        cell.paragraphs[0].style = document.styles["Table Heading"]
        cell.paragraphs[0].text = text
    for row, values in zip(table.rows[1:], block.rows, strict=True):
        for i, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles["Table Text"]
            paragraph.text = text
            if i in block.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if block.widths:
        usable = 165  # 210 mm less the 30 + 15 mm margins
        table.autofit = False
        for column, share in zip(table.columns, block.widths, strict=False):
            column.width = Mm(usable * share / 100)
            for cell in column.cells:
                cell.width = Mm(usable * share / 100)
    document.add_paragraph(style="Table Text")  # Word merges tables that touch
