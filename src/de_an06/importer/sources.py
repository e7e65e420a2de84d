"""Plan files: text (UTF-8, UTF-16 with a BOM), Word .docx and text PDFs, told by content.

Private to the importer. `plan_text_of` returns a plan file's bytes as text whatever the
file holds — the name does not matter:

* a .docx (python-docx) gives its paragraphs and its tables in document order, one
  ``| cell | cell |`` line per table row (a cell's paragraphs joined by spaces), which the
  readers take like a table copied from a web page;
* a PDF (pypdf) gives its text layer, page after page; a scan has none: OCR is out of
  scope and the error says so;
* anything else is text: UTF-8 (with or without BOM) or UTF-16 with a BOM.

python-docx and pypdf are imported only when such a file comes.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from typing import TYPE_CHECKING, Final

from .._files import DEFAULT_MAX_BYTES, ErrorFactory, decode, read_bytes
from ..errors import PlanTextError

if TYPE_CHECKING:
    from docx.table import Table

__all__ = ["decode_plan_text", "plan_text_of", "read_plan_text"]

_PDF: Final = b"%PDF-"
_ZIP: Final = b"PK\x03\x04"
_OLE: Final = bytes.fromhex("d0cf11e0a1b11ae1")  # Word 97-2003 .doc, old .xls
_RULE: Final = re.compile(r"^[-_=–—~*.·•\s]{3,}$")


def decode_plan_text(data: bytes, source: str) -> str:
    """Text of a plan text file: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Raises:
        PlanTextError: any other encoding; the message names *source*.
    """
    return decode(data, what="plan text", error=_error(source))


def plan_text_of(data: bytes, source: str) -> str:
    """The plan's text in *data*: a .docx, a text PDF or a text file, told by content.

    Raises:
        PlanTextError: a file none of these, a damaged one, or a PDF without text.
    """
    if _PDF in data[:1024]:
        return _pdf_text(data, source)
    if data.startswith(_ZIP):
        return _docx_text(data, source)
    if data.startswith(_OLE):
        raise PlanTextError(
            source,
            "this is a Word 97-2003 (.doc) or other old Office file, which is not read; "
            "open it in Word or LibreOffice and save it as .docx (or as UTF-8 text)",
        )
    return decode_plan_text(data, source)


def _error(source: str) -> ErrorFactory:
    def error(message: str, value: object, path: str = "$") -> PlanTextError:
        return PlanTextError(source, message)

    return error


def read_plan_text(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of the plan file at *path*: a text file, a .docx or a text PDF.

    Raises:
        PlanTextError: the file cannot be read, is larger than *max_bytes* (64 MiB by
            default), or is none of those (see `plan_text_of`).
    """
    source = str(path)
    data = read_bytes(path, what="plan file", max_bytes=max_bytes, error=_error(source))
    return plan_text_of(data, source)


# --- Word -----------------------------------------------------------------------------


def _docx_text(data: bytes, source: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise PlanTextError(source, f"a damaged ZIP file (not a readable .docx): {exc}") from None
    if "word/document.xml" not in names:
        raise PlanTextError(
            source,
            "a ZIP file that is not a Word .docx (no word/document.xml); an .xlsx or "
            ".odt plan must be saved as .docx or as UTF-8 text first",
        )
    import docx  # lazy: only .docx files need python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        out: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, Table):
                out.extend(_rows(block))
    except PlanTextError:
        raise
    except Exception as exc:  # python-docx raises many kinds on damaged XML
        raise PlanTextError(source, f"the .docx cannot be read: {exc}") from None
    return "\n".join(out)


def _rows(table: Table) -> list[str]:
    """One ``| a | b |`` line per row; a cell merged over columns is written once."""
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:
                continue
            previous = cell._tc
            parts = [p.text for p in cell.paragraphs if not _RULE.match(p.text)]
            parts += [row_text for inner in cell.tables for row_text in _rows(inner)]
            text = " ".join(" ".join(parts).split())  # "\n" (soft breaks) and tabs too
            cells.append(text.replace("|", "/"))
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
    return lines


# --- PDF ------------------------------------------------------------------------------


def _pdf_text(data: bytes, source: str) -> str:
    import pypdf  # lazy: only PDFs need pypdf
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PlanTextError(source, "the PDF is password-protected; remove the password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PlanTextError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise PlanTextError(source, f"the PDF cannot be read: {exc}") from None
    text = "\n".join(pages)
    if not any(c.isalpha() for c in text):
        raise PlanTextError(
            source,
            f"the PDF has no text layer ({len(pages)} page(s) of images: a scan?); scanned "
            "plans are not read: run OCR on it (e.g. ocrmypdf) or import the Word file",
        )
    return text
