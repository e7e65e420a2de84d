"""Administrative units a plan targets: the province, its districts, its communes."""

from __future__ import annotations

from datetime import date
from typing import final

import attrs

from .agency import Level

__all__ = ["Locality"]


@final
@attrs.frozen(kw_only=True)
class Locality:
    """An administrative unit, e.g. Thành phố Sơn La (district level, parent the province).

    The hierarchy is data (``parent``), so that the three-level structure of 2024 and the
    two-level one from 01/07/2025 both fit.

    Attributes:
        key: stable identifier ("tp-son-la").
        name: official name, verbatim ("Thành phố Sơn La").
        level: ``Level.PROVINCE``, ``Level.DISTRICT`` or ``Level.COMMUNE``.
        kind: the unit's type as Vietnamese names it ("tỉnh", "thành phố", "huyện",
            "thị xã", "xã", "phường", "thị trấn").
        parent: key of the enclosing unit, None for the top.
        aliases: other spellings ("TP Sơn La", "thành phố Sơn La", "Mộc Châu").
        segments: population segments the unit belongs to (e.g. "urban-centre").
        valid_from: first day the unit exists in this form, None if before the plan.
        valid_to: last day the unit exists in this form, None if still in force.
    """

    key: str
    name: str
    level: Level
    kind: str = ""
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)

    def exists_on(self, day: date) -> bool:
        """Whether the unit exists on *day*."""
        after_start = self.valid_from is None or day >= self.valid_from
        before_end = self.valid_to is None or day <= self.valid_to
        return after_start and before_end
