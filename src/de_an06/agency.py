"""Agencies named in a plan, and collective references to several of them.

A plan names bodies in many spellings ("Sở Thông tin và Truyền thông", "Sở TT&TT") and
refers to groups ("UBND các huyện, thành phố", "Các sở, ngành liên quan"). Each body has
one stable `key`; every spelling the plan uses is kept as its `name` or an alias.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, final

import attrs

from ._text import fold

__all__ = ["UNIT_KINDS", "Agency", "AgencyGroup", "Level"]


class Level(enum.Enum):
    """Administrative level of a body.

    ``DISTRICT`` exists until 30/06/2025: the district level ended on 01/07/2025.
    """

    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    ENTERPRISE = "enterprise"
    ASSOCIATION = "association"
    OTHER = "other"

    @property
    def word(self) -> str:
        """The level's Vietnamese name, as in "cấp huyện" ("" for a level without one).

        >>> Level.DISTRICT.word
        'huyện'
        """
        return next((w for w, level in UNIT_KINDS.items() if level is self), "")

    @classmethod
    def from_word(cls, text: str) -> Level | None:
        """The level *text* names: "cấp huyện", "huyện", "Cap Huyen" or the value "district".

        Inverse of `Level.word`. None for anything else (a kind such as "phường" names a
        unit, not a level).

        >>> Level.from_word("cấp xã"), Level.from_word("tinh"), Level.from_word("phường")
        (<Level.COMMUNE: 'commune'>, <Level.PROVINCE: 'province'>, None)
        """
        try:
            return cls(text)
        except ValueError:
            pass
        word = fold(text).removeprefix("cap ")
        return next((lvl for lvl in cls if lvl.word and fold(lvl.word) == word), None)


UNIT_KINDS: Final[Mapping[str, Level]] = MappingProxyType(
    {
        # Each level's own name first ("cấp huyện"), then the other kinds of unit at it.
        "tỉnh": Level.PROVINCE,
        "huyện": Level.DISTRICT,
        "thành phố": Level.DISTRICT,
        "thị xã": Level.DISTRICT,
        "quận": Level.DISTRICT,
        "xã": Level.COMMUNE,
        "phường": Level.COMMUNE,
        "thị trấn": Level.COMMUNE,
    }
)
"""The kinds of local unit as Vietnamese names them, and the level each is at.

The one table of Vietnamese level words: the importer, target scopes ("cấp huyện"), the
annex's collective units and unit names ("huyện Mai Sơn") all read it. A "thành phố"
inside a province is at district level (a centrally-run city is a province: say so).
"""


@final
@attrs.frozen(kw_only=True)
class Agency:
    """One body, e.g. ``Agency(key="so-tttt", name="Sở Thông tin và Truyền thông", ...)``.

    Attributes:
        key: stable identifier used everywhere else in the plan.
        name: the name as the plan writes it most fully (verbatim, NFC).
        aliases: other spellings and abbreviations the plan or its users write.
        level: administrative level.
        locality: key of the locality the body governs or sits in, when it is a
            local government body ("UBND huyện Mộc Châu" → ``"moc-chau"``).
        external: True for a body of another province that the plan names (an annex
            row copied from a central template); it cannot report to this province.
        note: anything the data keeps about the body that has no field.
    """

    key: str
    name: str
    level: Level
    aliases: tuple[str, ...] = ()
    locality: str | None = None
    external: bool = False
    note: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


@final
@attrs.frozen(kw_only=True)
class AgencyGroup:
    """A collective reference such as "UBND các huyện, thành phố".

    Attributes:
        key: stable identifier, used in role assignments like an agency key.
        name: the wording as the plan writes it.
        members: keys of the agencies known to belong to the group.
        open: True when the group also covers bodies not listed ("Các sở, ngành liên
            quan": which ones is decided case by case). An open group with no members is
            a reference nobody can expand; reports show it as such.
        aliases: other wordings of the same group.
        note: what the data keeps about the group that has no field.
    """

    key: str
    name: str
    members: tuple[str, ...] = ()
    open: bool = False
    aliases: tuple[str, ...] = ()
    note: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)
