"""Opening a returned form safely: size, format and zip-bomb checks before parsing.

A form is refused, with a message in Vietnamese and English, when it is larger than
`FORM_MAX_BYTES`, an old ``.xls`` or a password-protected workbook (both OLE files), an
``.ods``, not a zip at all, or unpacks to more than `UNZIPPED_MAX_BYTES` (checked from the
zip's directory, before anything is decompressed).
"""

from __future__ import annotations

import os
import zipfile
from typing import Any

from .layout import FormError

__all__ = ["FORM_MAX_BYTES", "UNZIPPED_MAX_BYTES", "both", "open_form"]

FORM_MAX_BYTES = 20 * 2**20
"""Largest returned form read (20 MiB; a filled form is tens of kilobytes)."""

UNZIPPED_MAX_BYTES = 100 * 2**20
"""Largest uncompressed content of a form (a zip bomb is refused before it is read)."""

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def both(vi: str, en: str) -> str:
    """A message in Vietnamese with its English in brackets."""
    return f"{vi} ({en})"


def open_form(path: str) -> Any:
    """The workbook at *path*, after the checks that need no parsing."""
    problems = [_check_file(path)]
    if problems[0]:
        raise FormError(path, problems)
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover  # a runtime dependency
        raise FormError(path, ["reading forms needs openpyxl: pip install openpyxl"]) from None
    try:
        return load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many types for broken files
        message = both("không đọc được tệp Excel", "not a readable .xlsx workbook")
        raise FormError(path, [f"{message}: {type(exc).__name__}: {exc}"]) from None


def _check_file(path: str) -> str:
    """Why the file cannot be a form, or "" when it may be one."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as stream:
            head = stream.read(8)
    except OSError as exc:
        return both("không mở được tệp", "cannot open the file") + f": {exc.strerror or exc}"
    if size > FORM_MAX_BYTES:
        return both(
            f"tệp quá lớn: {size:,} byte, tối đa {FORM_MAX_BYTES:,}",
            f"the file is too large: {size:,} bytes, at most {FORM_MAX_BYTES:,}",
        )
    if head.startswith(_OLE):
        return both(
            "tệp .xls (Excel 97-2003) hoặc tệp có mật khẩu; hãy lưu thành .xlsx không mật khẩu",
            "an old .xls file or a password-protected workbook; save it as .xlsx without a "
            "password",
        )
    if not head.startswith(b"PK\x03\x04"):
        return both("không phải tệp .xlsx", "not an .xlsx file")
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {e.filename for e in entries}
            if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:100]:
                return both(
                    "tệp OpenDocument (.ods); hãy lưu thành .xlsx",
                    "an OpenDocument .ods file; save it as .xlsx",
                )
    except zipfile.BadZipFile as exc:
        return both("tệp .xlsx hỏng", "a damaged .xlsx file") + f": {exc}"
    unzipped = sum(e.file_size for e in entries)
    if unzipped > UNZIPPED_MAX_BYTES or len(entries) > 10_000:
        return both(
            f"nội dung giải nén quá lớn ({unzipped:,} byte, {len(entries)} mục)",
            f"it unpacks to {unzipped:,} bytes in {len(entries)} parts, more than "
            f"{UNZIPPED_MAX_BYTES:,}: refused before reading",
        )
    if "xl/workbook.xml" not in names:
        return both("không phải sổ tính Excel", "not an Excel workbook")
    return ""
