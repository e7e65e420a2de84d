"""Every script in examples/ runs to completion."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.py"))


def test_there_are_examples() -> None:
    assert EXAMPLES


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(script), run_name="__main__")
    assert capsys.readouterr().out.strip(), f"{script.name} printed nothing"


def test_the_filled_example_form_is_what_the_script_fills(tmp_path: Path) -> None:
    """examples/data's filled Mai Sơn form for 202407 reads back with the values the script
    enters (same digest of the filled values); regenerate it with ``--write``."""
    from de_an06 import load_plan
    from de_an06.forms.read import read_form

    script = runpy.run_path(str(Path(__file__).parent.parent / "examples" / "fill_form.py"))
    _, fresh = script["filled_form"](tmp_path)
    example = read_form(load_plan("son-la-2024"), script["EXAMPLE"])
    assert (example.spec.agency, example.spec.period.id) == ("ubnd-huyen-mai-son", "202407")
    assert len(example.tasks) == 25
    assert example.indicators
    assert example.services
    assert not example.warnings
    assert example.digest == fresh.digest
