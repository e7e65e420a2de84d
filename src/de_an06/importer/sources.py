"""Plan files: text (UTF-8, UTF-16 with a BOM), Word .docx and text PDFs, told by content.

Private to the importer. `read_plan_file` returns the plan as text whatever the file
holds: a .docx gives its paragraphs and its tables (one "| cell | cell |" line per row,
which the readers take like a table copied from a web page); a PDF gives its text layer.
"""

from __future__ import annotations

import os

from .._files import DEFAULT_MAX_BYTES, ErrorFactory, decode, read_text
from ..errors import PlanTextError

__all__ = ["decode_plan_text", "read_plan_text"]


def decode_plan_text(data: bytes, source: str) -> str:
    """Text of a plan file: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    Raises:
        PlanTextError: any other encoding; the message names *source*.
    """
    return decode(data, what="plan text", error=_error(source))


def _error(source: str) -> ErrorFactory:
    def error(message: str, value: object, path: str = "$") -> PlanTextError:
        return PlanTextError(source, message)

    return error


def read_plan_text(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of the plan file at *path* (see `decode_plan_text` for encodings).

    Raises:
        PlanTextError: the file cannot be read, is larger than *max_bytes* (64 MiB by
            default), or is not UTF-8/UTF-16 text.
    """
    source = str(path)
    return read_text(path, what="plan text", max_bytes=max_bytes, error=_error(source))
