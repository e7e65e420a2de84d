"""iCalendar (RFC 5545) text for all-day events, written with the ``icalendar`` library.

The library does the RFC's syntax: CRLF line ends, folding at 75 octets (§3.1), TEXT
escaping of backslash, ``;``, ``,`` and line breaks, bare CR included (§3.3.11). This module
adds what is ours: every VEVENT has a stable UID and one DTSTAMP in UTC (§3.6.1, §3.8.7.2),
an all-day event is ``DTSTART;VALUE=DATE`` with DTEND the next day, and a character a TEXT
value cannot carry (a control other than tab and line breaks, a lone surrogate) becomes
U+FFFD. ``icalendar`` is imported on the first render only: start-up stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

__all__ = ["Event", "render", "text_value"]

# RFC 5545 §3.3.11: TEXT excludes CONTROL (%x00-08 / %x0A-1F / %x7F) but for the line
# breaks it escapes; UTF-8 (§3.1.4) cannot encode a surrogate code point.
_UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class Event(NamedTuple):
    """One all-day event."""

    uid: str
    day: date
    summary: str
    description: str = ""


def text_value(text: str) -> str:
    r"""*text* with every character a TEXT value cannot carry replaced by U+FFFD.

    >>> text_value("a\x00b\tc\r\nd\ud800") == "a\ufffdb\tc\r\nd\ufffd"
    True
    """
    return _UNFIT.sub("\ufffd", text)


def render(name: str, events: Iterable[Event], *, stamp: datetime | None = None) -> str:
    """A VCALENDAR named *name* holding *events*, CRLF-terminated.

    *stamp* is the DTSTAMP of every event (default: now); a naive datetime is taken
    as UTC.

    >>> text = render("Lịch", [Event("a@x", date(2024, 1, 14), "Hạn")],
    ...               stamp=datetime(2024, 1, 29, 8, 0))
    >>> [line for line in text.split("\\r\\n") if line.startswith("DT")]
    ['DTSTAMP:20240129T080000Z', 'DTSTART;VALUE=DATE:20240114', 'DTEND;VALUE=DATE:20240115']
    """
    import icalendar

    moment = datetime.now(UTC) if stamp is None else stamp
    moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    moment = moment.replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", "-//de_an06//reporting calendar//VI")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", icalendar.vText(text_value(name)))  # TEXT, RFC 7986 NAME
    for event in events:
        vevent = icalendar.Event()
        vevent.add("uid", text_value(event.uid))
        vevent.add("dtstamp", moment)
        vevent.add("dtstart", event.day)
        vevent.add("dtend", event.day + timedelta(days=1))
        vevent.add("summary", text_value(event.summary))
        if event.description:
            vevent.add("description", text_value(event.description))
        vevent.add("transp", "TRANSPARENT")
        calendar.add_component(vevent)
    ical: bytes = calendar.to_ical(sorted=False)  # in the order added, VERSION first
    return ical.decode("utf-8")
