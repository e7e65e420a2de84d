"""Every table printed for people is Vietnamese by default: headers, statuses, roles,
dates (dd/mm/yyyy) and period names; ``--lang en`` gives the English labels."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Run

COMMANDS = (
    ("summary",),
    ("tasks",),
    ("indicators",),
    ("services",),
    ("matrix",),
    ("matrix", "--workload", "--as-of", "2024-06-30"),
    ("matrix", "--leads"),
    ("matrix", "--as-of", "2026-01-01", "--agency", "Sở TT&TT"),
    ("agencies",),
    ("deadline", "Quý I, Quý II/2024"),
    ("deadlines", "--as-of", "2024-06-30"),
    ("calendar", "2024"),
    ("audit",),
)
# English words the commands write with --lang en, and what must never reach a person.
ENGLISH = re.compile(
    r"\b(?:task|tasks|deadline|due|status|overdue|due_soon|ongoing|undetermined|lead|"
    r"coordinate|monitor|advise|implement|reporting units|holds work of|bodies|"
    r"working day|several leads|no lead)\b"
)
ISO_DAY = re.compile(r"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b")
PERIOD_ID = re.compile(r"^20[0-9]{4}\s", re.MULTILINE)


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_tables_are_vietnamese(run: Run, argv: tuple[str, ...]) -> None:
    code, out, err = run(*argv)
    assert code in (0, 1), err
    assert not ENGLISH.findall(out), ENGLISH.findall(out)[:5]
    assert not ISO_DAY.findall(out)
    assert not PERIOD_ID.findall(out)


def test_english_on_request(run: Run) -> None:
    code, out, _ = run("deadlines", "--as-of", "2024-06-30", "--lang", "en")
    assert code == 0
    assert "overdue" in out
    assert "status" in out
