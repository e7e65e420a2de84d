"""The annex of essential public services and the columns each reporting unit fills in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import final

import attrs

__all__ = ["Annex", "Service", "ServiceSection"]


@final
@attrs.frozen(kw_only=True)
class Service:
    """One row of the annex: a public service and who reports on it.

    Attributes:
        number: the row number normalised ("13.1").
        number_text: the row number as printed ("13,1").
        name: the service, verbatim.
        reporting_units: the reporting units, split on "/" ("Công an tỉnh/UBND cấp huyện"
            gives two), each verbatim.
        reporting_units_text: the cell as printed.
        items: sub-items, for a group row ("13. Nhóm dịch vụ thanh toán trực tuyến").
        note: what the data keeps about the row that has no field.
    """

    number: str
    number_text: str
    name: str
    reporting_units: tuple[str, ...] = ()
    reporting_units_text: str = ""
    items: tuple[Service, ...] = ()
    note: str = ""

    @property
    def is_group(self) -> bool:
        """True for a group row with sub-items."""
        return bool(self.items)


@final
@attrs.frozen(kw_only=True)
class ServiceSection:
    """A section of the annex ("I. DỊCH VỤ CÔNG THIẾT YẾU QĐ 06")."""

    number: str
    title: str
    services: tuple[Service, ...]

    def leaves(self) -> Iterator[Service]:
        """Every service row that is not a group row, sub-items included, in order."""
        for service in self.services:
            if service.items:
                yield from service.items
            else:
                yield service


@final
@attrs.frozen(kw_only=True)
class Annex:
    """The annex table: its title, its report columns, its sections."""

    title: str
    columns: tuple[str, ...]
    sections: tuple[ServiceSection, ...]

    def leaves(self) -> Iterator[tuple[ServiceSection, Service]]:
        """Every (section, leaf service) pair, in order."""
        for section in self.sections:
            for service in section.leaves():
                yield section, service
