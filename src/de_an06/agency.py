"""Agencies named in a plan, and collective references to several of them.

A plan names bodies in many spellings ("Sở Thông tin và Truyền thông", "Sở TT&TT") and
refers to groups ("UBND các huyện, thành phố", "Các sở, ngành liên quan"). Each body has
one stable `key`; every spelling the plan uses is kept as its `name` or an alias.
"""

from __future__ import annotations

import enum
from typing import final

import attrs

__all__ = ["Agency", "AgencyGroup", "Level"]


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
