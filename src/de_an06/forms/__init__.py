"""Collection forms: an Excel workbook per agency and period, out and back (issue #16).

A subpackage beside the ledger (it records into it): `layout` works out what an agency's
form holds and where each cell sits, `build` writes the workbook (openpyxl), `read`
checks a returned workbook cell by cell, and `collect` records it in the ledger — task
events, one submission and its observation rows, all or nothing.
"""

from __future__ import annotations

from .layout import FormError, FormSpec, form_spec

__all__ = ["FormError", "FormSpec", "form_spec"]
