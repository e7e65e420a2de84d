"""How well a fact is sourced: the V / P / U marks of the project's domain notes.

Shared by the working-day overlay (`de_an06.workdays`) and the agency succession data
(`de_an06.succession`), so one enum answers for both.
"""

from __future__ import annotations

import enum

__all__ = ["Confidence"]


class Confidence(enum.Enum):
    """``VERIFIED`` (V): the wording was seen in the cited source; ``PARTLY`` (P): a
    secondary source agrees, or only part was seen; ``UNVERIFIED`` (U): an inference."""

    VERIFIED = "V"
    PARTLY = "P"
    UNVERIFIED = "U"
