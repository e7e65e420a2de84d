"""iCalendar (RFC 5545) text for all-day events, written by hand (no dependency).

What RFC 5545 asks of us and where: lines end in CRLF and are folded at 75 octets, a
continuation line starting with one space (§3.1); TEXT values escape backslash, ``;``,
``,`` and newlines (§3.3.11); every VEVENT has UID and DTSTAMP (§3.6.1), DTSTAMP in UTC
(§3.8.7.2); an all-day event is ``DTSTART;VALUE=DATE`` with DTEND the next day (§3.6.1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

__all__ = ["Event", "escape", "fold", "render"]

_LIMIT = 75  # octets per line, CRLF excluded (RFC 5545 §3.1)
_UNITS = re.compile(r"\\.|.", re.DOTALL)  # an escape pair, or one character


class Event(NamedTuple):
    """One all-day event."""

    uid: str
    day: date
    summary: str
    description: str = ""


def escape(text: str) -> str:
    r"""A TEXT value escaped (RFC 5545 §3.3.11).

    >>> escape('a, b; c\\d\ne')
    'a\\, b\\; c\\\\d\\ne'
    """
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """*line* folded so that no physical line passes 75 octets of UTF-8 (§3.1).

    Folds fall between characters, never inside a multi-byte one, and never between a
    backslash and the character it escapes (allowed, but some readers mind).

    >>> [len(part.encode()) for part in fold("SUMMARY:" + "ệ" * 40).split("\\r\\n")]
    [74, 55]
    """
    lines: list[str] = []
    current, size = "", 0
    for unit in _UNITS.findall(line):
        width = len(unit.encode())
        if size + width > _LIMIT:
            lines.append(current)
            current, size = " ", 1  # the continuation's leading space counts
        current += unit
        size += width
    lines.append(current)
    return "\r\n".join(lines)


def render(name: str, events: Iterable[Event], *, stamp: datetime | None = None) -> str:
    """A VCALENDAR named *name* holding *events*, CRLF-terminated.

    *stamp* is the DTSTAMP of every event (default: now); a naive datetime is taken
    as UTC.
    """
    moment = datetime.now(UTC) if stamp is None else stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    dtstamp = moment.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//de_an06//reporting calendar//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape(event.uid)}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
