"""``de-an06 deadline``, ``deadlines`` and ``calendar``: JSON keys, exit codes, files."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import icalendar
import pytest

import de_an06

if TYPE_CHECKING:
    from conftest import Run


class TestDeadline:
    """``deadline TEXT``: how a wording is read."""

    def test_json(self, run: Run) -> None:
        code, out, _ = run("deadline", "Quý I, Quý II/2024.", "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert {"text", "kind", "due", "ongoing", "parts"} <= set(data)
        assert (data["text"], data["kind"], data["due"]) == (
            "Quý I, Quý II/2024.",
            "compound",
            "2024-06-30",
        )
        assert [p["due"] for p in data["parts"]] == ["2024-03-31", "2024-06-30"]
        assert [p["number"] for p in data["parts"]] == [1, 2]

    def test_options(self, run: Run) -> None:
        code, out, _ = run("deadline", "trước ngày 15/9", "--year", "2024", "--format", "json")
        assert code == 0
        data = json.loads(out)
        assert (data["due"], data["before"], data["shifted_due"]) == (
            "2024-09-14",
            True,
            "2024-09-14",
        )
        _, out, _ = run(
            "deadline", "trước ngày 15/9/2024", "--policy", "forward", "--format", "json"
        )
        assert json.loads(out)["shifted_due"] == "2024-09-13"
        _, out, _ = run("deadline", "trước ngày 15/9/2024", "--inclusive", "--format", "json")
        assert json.loads(out)["due"] == "2024-09-15"

    def test_unparsed_and_strict(self, run: Run) -> None:
        code, out, _ = run("deadline", "Quý I", "--format", "json")
        assert code == 0
        assert json.loads(out) == {
            "text": "Quý I",
            "kind": "unparsed",
            "due": None,
            "shifted_due": None,
            "ongoing": False,
        }
        code, out, err = run("deadline", "Trong Quý V/2024", "--strict")
        assert code == 2
        assert out == ""
        assert "quarter number" in err
        assert "    Trong Quý V/2024\n              ^" in err
        assert "Traceback" not in err

    def test_table(self, run: Run) -> None:
        code, out, _ = run("deadline", "Thường xuyên.")
        assert code == 0
        assert "thường xuyên  —    —                có" in out  # kind, due, ongoing: Vietnamese
        code, out, _ = run("deadline", "Thường xuyên.", "--lang", "en")
        assert "ongoing" in out


class TestDeadlines:
    """``deadlines --as-of``: overdue, due soon, ongoing, undetermined."""

    KEYS = frozenset(
        {"plan", "as_of", "within", "policy", "overdue", "due_soon", "ongoing", "undetermined"}
    )

    def test_json(self, run: Run) -> None:
        code, out, _ = run(
            "deadlines", "--as-of", "01/04/2024", "--within", "90", "--format", "json"
        )
        assert code == 0
        data = json.loads(out)
        assert set(data) == self.KEYS
        assert (data["as_of"], data["within"], data["policy"]) == ("2024-04-01", 90, "forward")
        plan = de_an06.load_plan("son-la-2024")
        expected = de_an06.overdue_tasks(plan, date(2024, 4, 1))
        assert [r["code"] for r in data["overdue"]] == [t.code for t in expected]
        for record in data["overdue"]:
            assert record["due"] < "2024-04-01"
            assert record["days"] < 0
            assert {"code", "text", "deadline", "deadline_kind", "due", "days"} <= set(record)
        for record in data["due_soon"]:
            assert "2024-04-01" <= record["due"] <= "2024-06-30"
        assert all(r["due"] is None for r in data["undetermined"])

    def test_completed_file(self, run: Run, tmp_path: Path) -> None:
        _, out, _ = run("deadlines", "--as-of", "2024-04-01", "--format", "json")
        overdue = [r["code"] for r in json.loads(out)["overdue"]]
        assert overdue
        done = tmp_path / "done.json"
        done.write_text(json.dumps({overdue[0]: "2024-03-01"}), encoding="utf-8")
        _, out, _ = run(
            "deadlines",
            "--as-of",
            "2024-04-01",
            "--completed",
            str(done),
            "--format",
            "json",
        )
        assert [r["code"] for r in json.loads(out)["overdue"]] == overdue[1:]

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            ('{"99.9": "2024-01-01"}', "99.9"),
            ('{"1.1": "01/13/2024"}', "01/13/2024"),
            ("[1]", "expected an object"),
            ("{", "not valid JSON"),
            ('{"1.1": "2024-01-01", "1.1": "2024-02-01"}', "$.1.1: a key written twice"),
        ],
    )
    def test_bad_completed_file(self, run: Run, tmp_path: Path, content: str, message: str) -> None:
        done = tmp_path / "done.json"
        done.write_text(content, encoding="utf-8")
        code, _, err = run("deadlines", "--as-of", "2024-04-01", "--completed", str(done))
        assert code == 2
        assert message in err

    @pytest.mark.parametrize(
        ("argv", "named"),
        [
            (("deadlines", "--as-of", "2024-13-01"), "--as-of"),
            (("deadlines", "--as-of", "hôm nay"), "--as-of"),
            (("deadlines", "--within", "-3"), "--within"),
            (("calendar", "24"), "YEAR"),
            (("deadline", "Quý I", "--year", "0"), "--year"),
        ],
    )
    def test_bad_values(self, run: Run, argv: tuple[str, ...], named: str) -> None:
        code, _, err = run(*argv)
        assert code == 2
        assert named in err
        assert argv[-1] in err

    def test_table(self, run: Run) -> None:
        code, out, _ = run("deadlines", "--as-of", "2024-04-01")
        assert code == 0
        assert "01/04/2024" in out
        assert "quá hạn 1" in out  # 3.7 alone: the Q1 tasks are due on Monday 01/04


class TestCalendar:
    """``calendar YEAR``: periods, due dates, the NĐ 09 art. 8(5)(b) flag; JSON, table, ICS."""

    def test_json(self, run: Run) -> None:
        code, out, _ = run("calendar", "2024", "--format", "json")
        assert code == 0
        data = json.loads(out)
        periods = {p["id"]: p for p in data["periods"]}
        assert len(periods) == 12 + 4 + 2 + 1
        first = periods["202401"]
        assert {"id", "frequency", "start", "end", "due", "too_tight"} <= set(first)
        assert (first["start"], first["end"]) == ("2023-12-15", "2024-01-14")
        plan = de_an06.load_plan("son-la-2024")
        if plan.reporting is None:
            pytest.skip("the bundled plan has no reporting regime")
        assert first["due"] == "2024-01-14"
        assert first["too_tight"] is True
        assert periods["2024S1"]["due_before_cutoff_end"] is True
        assert periods["2024Q1"]["due"] is None
        assert periods["2024Q1"]["too_tight"] is False

    def test_policy(self, run: Run) -> None:
        code, out, _ = run("calendar", "2024", "--policy", "forward", "--format", "json")
        assert code == 0
        periods = {p["id"]: p for p in json.loads(out)["periods"]}
        if periods["202401"]["due"] is None:
            pytest.skip("the bundled plan has no reporting regime")
        # Sun 14/01/2024 is "trước ngày 15": forward may not reach the 15th → Fri 12/01.
        assert periods["202401"]["shifted_due"] == "2024-01-12"

    def test_ics_file(self, run: Run, tmp_path: Path) -> None:
        target = tmp_path / "calendar.ics"
        code, out, _ = run("calendar", "2024", "--format", "ics", "-o", str(target))
        assert code == 0
        assert str(target) in out
        raw = target.read_bytes()
        assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
        assert raw.endswith(b"END:VCALENDAR\r\n")
        assert b"\n" not in raw.replace(b"\r\n", b"")
        assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
        text = raw.decode().replace("\r\n ", "")
        assert text.count("BEGIN:VEVENT") == text.count("UID:") == text.count("DTSTAMP:")
        if de_an06.load_plan("son-la-2024").reporting is not None:
            assert "DTSTART;VALUE=DATE:20240114" in text

    def test_ics_events_are_the_json_periods(self, run: Run) -> None:
        """One all-day event per period with a due date, on its (shifted) due day."""
        _, out, _ = run("calendar", "2024", "--format", "json")
        expected = {
            f"son-la-2024-{p['id']}-{p['frequency']}@de-an06": p["shifted_due"] or p["due"]
            for p in json.loads(out)["periods"]
            if p["due"] is not None
        }
        code, out, _ = run("calendar", "2024", "--format", "ics")
        assert code == 0
        events = icalendar.Calendar.from_ical(out).walk("VEVENT")
        got = {str(e["UID"]): e["DTSTART"].dt.isoformat() for e in events}
        assert got == expected
        for event in events:
            start, end = event["DTSTART"].dt, event["DTEND"].dt
            assert type(start) is date  # all-day: VALUE=DATE, not a date-time
            assert end == start + timedelta(days=1)
            assert event["DTSTAMP"].dt.utcoffset() == timedelta(0)
            assert "Nghị định 09/2019/NĐ-CP" in str(event["DESCRIPTION"])

    def test_table_and_output_file(self, run: Run, tmp_path: Path) -> None:
        code, out, _ = run("calendar", "2025")
        assert code == 0
        assert "tháng 1/2025" in out  # the period 202501, as people write it
        target = tmp_path / "calendar.json"
        code, _, _ = run("calendar", "2025", "--format", "json", "-o", str(target))
        assert code == 0
        assert json.loads(target.read_text(encoding="utf-8"))["year"] == 2025

    def test_unwritable_output(self, run: Run, tmp_path: Path) -> None:
        code, _, err = run("calendar", "2024", "-o", str(tmp_path / "no" / "x.txt"))
        assert code == 2
        assert "-o" in err
