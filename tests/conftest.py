"""What every test shares: Hypothesis profiles, the seed documents, the CLI runner, CI rules.

* Hypothesis profiles: ``dev`` (fast default), ``ci`` (thorough), ``fuzz`` (tests/fuzz at
  length: ``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/fuzz -q``, over 150,000 inputs).
  Pick with HYPOTHESIS_PROFILE.
* Seeds: the project's source documents live beside the checkout, never in it
  (``<repo>/../shared/seeds/``). A test that needs one takes its fixture (`son_la_seed`):
  without the file it is skipped locally and fails, saying where it looked, under ``CI=true``.
* ``run("summary", "--format", "json")`` (the `run` fixture) runs ``de-an06`` in-process and
  returns (exit code, stdout, stderr).
* Under ``CI=true`` nothing may skip: a skip becomes a failure that gives its reason.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path
from typing import Any, Protocol

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=30, deadline=None)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
# Fuzz tests take a share of max_examples each (tests/fuzz/fuzzing.py: fuzz_settings).
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
IN_CI = os.environ.get("CI") == "true"


def seed_text(name: str) -> str:
    """The text of seed *name*; skips the test without it (fails it under ``CI=true``)."""
    path = SEEDS / name
    if path.is_file():
        return path.read_text(encoding="utf-8")
    message = (
        f"seed {name} not found in {SEEDS} (the shared/seeds folder beside the checkout); "
        "put the project's shared folder next to the repository"
    )
    if IN_CI:
        pytest.fail(f"CI=true needs every seed: {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def son_la_seed() -> str:
    """Decision 161/QĐ-UBND (Sơn La, 29/01/2024) as plain text, the embedded plan's source."""
    return seed_text("000_c06f53709003e68a.txt")


class Run(Protocol):
    def __call__(self, *argv: str) -> tuple[int, str, str]: ...


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """``de-an06 ARGV…`` in-process: (exit code, stdout, stderr)."""
    from de_an06.cli import main

    def run_(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse exits itself: 2 on a bad value, 0 on --help
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run_


def _no_skip_in_ci(report: Any) -> None:
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        reason = str(reason).removeprefix("Skipped: ")
        report.outcome = "failed"
        report.longrepr = f"skipped, but under CI=true every test must run: {reason}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Any, Any]:
    report = yield
    _no_skip_in_ci(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, Any, Any]:
    report = yield
    _no_skip_in_ci(report)  # a module-level importorskip
    return report
