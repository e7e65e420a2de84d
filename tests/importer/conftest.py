"""Documents for the importer tests, made here from text: a Word file and a text PDF.

`make_docx` lays a plan text out as Word does: the lines above the title ("QUYẾT ĐỊNH"
or "KẾ HOẠCH"), whose cells a "|" line separates, as a two-column header table; a text
table (``| a | b |`` rows) as a Word table; every other line a paragraph. `make_pdf`
prints each line of a text on a PDF page (fpdf2, with the machine's DejaVu Sans found by
fontconfig, so Vietnamese letters are real glyphs with a ToUnicode map).
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable

import pytest

_TITLES = ("QUYẾT ĐỊNH", "KẾ HOẠCH")


def make_docx(text: str) -> bytes:
    """A .docx of *text*: header table, tables for ``|`` rows, paragraphs for the rest."""
    import docx

    document = docx.Document()
    lines = text.split("\n")
    top = next((i for i, line in enumerate(lines) if line.strip() in _TITLES), 0)
    cells: list[list[str]] = [[]]
    for line in lines[:top]:
        if line.strip() == "|":
            cells.append([])
        elif line.strip():
            cells[-1].append(line.strip())
    cells = [c for c in cells if c]
    if cells:
        header = document.add_table(rows=(len(cells) + 1) // 2, cols=2)
        for i, paragraphs in enumerate(cells):
            cell = header.cell(i // 2, i % 2)
            cell.paragraphs[0].text = paragraphs[0]
            for more in paragraphs[1:]:
                cell.add_paragraph(more)
    rows: list[list[str]] = []
    for line in [*lines[top:], ""]:
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") > 2:
            rows.append([c.strip() for c in stripped.strip("|").split("|")])
            continue
        if rows:
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
            rows = []
        if line.strip():
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _font() -> str:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        pytest.fail("fontconfig's fc-match is needed to find a TrueType font for the PDF tests")
    found = subprocess.run(
        [fc_match, "-f", "%{file}", "DejaVu Sans:style=Book"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if not found.endswith(".ttf"):
        pytest.fail(f"no TrueType DejaVu Sans found by fontconfig (got {found!r})")
    return found


def make_pdf(text: str) -> bytes:
    """A text PDF with one printed line per line of *text* (A4 landscape, 8 pt)."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L", format="A4")
    pdf.add_font("dejavu", fname=_font())
    pdf.set_font("dejavu", size=8)
    pdf.add_page()
    for line in text.split("\n"):
        if line.strip():
            pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln()
    return bytes(pdf.output())


@pytest.fixture(scope="session")
def docx_of() -> Callable[[str], bytes]:
    return make_docx


@pytest.fixture(scope="session")
def pdf_of() -> Callable[[str], bytes]:
    return make_pdf
