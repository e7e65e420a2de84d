"""Fuzzing calendar overlay files: `WorkingCalendar.from_files` on anything.

The bundled overlay mutated (and any bytes): a `CalendarDataError` naming the file and
each JSON path, or a calendar holding every entry as given (text in NFC), whose days can
then be asked about without any other error.
"""

from __future__ import annotations

import contextlib
import json
import unicodedata
from datetime import date
from importlib import resources
from typing import Any

from fuzzing import attempt, fuzz_settings
from hypothesis import example, given, strategies as st

from de_an06 import DeAn06Error, WorkingCalendar

from mutators import encoded, mutated_json

OVERLAY = resources.files("de_an06").joinpath("calendars", "vietnam.json").read_bytes()


def load(tmp: Any, raw: bytes, path_name: str, *, bundled: bool) -> WorkingCalendar | None:
    path = tmp.getbasetemp() / "fuzz-overlay.json"
    path.write_bytes(raw)
    return attempt(path_name, str(path), lambda: WorkingCalendar.from_files(path, bundled=bundled))


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def ask(cal: WorkingCalendar, day: date) -> None:
    """Every question about *day*: answered, or refused with the library's own error."""
    with contextlib.suppress(DeAn06Error):
        cal.is_working_day(day)
        cal.reason(day)
        cal.next_working_day(day)
        cal.add_working_days(day, 3)


class TestOverlayFiles:
    """Mutated overlays in any encoding, and any bytes."""

    @fuzz_settings(weight=0.5)
    @given(mutated_json(OVERLAY), st.booleans())
    def test_mutated(self, tmp_path_factory: Any, case: Any, bundled: bool) -> None:
        text, data, _, raw = case
        cal = load(
            tmp_path_factory,
            text.encode("utf-8", "surrogatepass"),
            "overlay: mutated",
            bundled=bundled,
        )
        if cal is None:
            return
        mine = cal.entries[-len(data["entries"]) :] if data["entries"] else ()
        if not raw:
            assert len(mine) == len(data["entries"])
            for entry, given in zip(mine, data["entries"], strict=True):
                assert entry.date == date.fromisoformat(given["date"])
                assert entry.kind.value == given["kind"]
                assert entry.confidence.value == given["confidence"]
                assert entry.name == nfc(given["name"])
                assert entry.source == nfc(given["source"])
                assert entry.url == nfc(given.get("url", ""))
                assert entry.note == nfc(given.get("note", ""))
        for entry in mine:
            ask(cal, entry.date)

    @fuzz_settings(weight=0.2)
    @given(st.dates(), st.sampled_from(("day_off", "working_day", "disputed")))
    @example(date.min, "day_off")
    @example(date.max, "working_day")
    def test_any_day(self, tmp_path_factory: Any, day: date, kind: str) -> None:
        entry = {
            "date": day.isoformat(),
            "kind": kind,
            "name": "x",
            "source": "y",
            "confidence": "U",
        }
        data = {"format": "de_an06.calendar-overlay/1", "entries": [entry]}
        cal = load(tmp_path_factory, json.dumps(data).encode(), "overlay: any day", bundled=False)
        assert cal is not None
        ask(cal, day)

    @fuzz_settings(weight=0.2)
    @given(st.data())
    def test_encodings(self, tmp_path_factory: Any, data: st.DataObject) -> None:
        text, *_ = data.draw(mutated_json(OVERLAY))
        bytes_ = data.draw(encoded(text))
        if bytes_ is not None:
            load(tmp_path_factory, bytes_[0], "overlay: encoded", bundled=False)

    @fuzz_settings(weight=0.2)
    @given(st.binary())
    def test_bytes(self, tmp_path_factory: Any, raw: bytes) -> None:
        load(tmp_path_factory, raw, "overlay: any bytes", bundled=False)
