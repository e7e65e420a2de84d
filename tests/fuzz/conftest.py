"""Prints how many inputs each fuzzed input path took, and how many foreign exceptions."""

from __future__ import annotations

from typing import Any

import pytest
from fuzzing import ACCEPTED, COUNTS, FOREIGN


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not COUNTS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("fuzz inputs per path")
    width = max(len(path) for path in COUNTS)
    write(f"{'input path':<{width}}  {'inputs':>9}  {'accepted':>9}  foreign exceptions")
    for path, count in sorted(COUNTS.items()):
        write(f"{path:<{width}}  {count:>9,}  {ACCEPTED[path]:>9,}  {FOREIGN[path]}")
    total, accepted = COUNTS.total(), ACCEPTED.total()
    write(f"{'total':<{width}}  {total:>9,}  {accepted:>9,}  {FOREIGN.total()}")


def pytest_collection_modifyitems(items: list[Any]) -> None:
    # A failing mutated plan is 150 kB of JSON: hypothesis warns that printing it is
    # expensive, and the warning (an error under filterwarnings) would hide the failure.
    for item in items:
        if "tests/fuzz/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.filterwarnings("ignore:Generating overly large repr"))
