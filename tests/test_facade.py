"""The facade ``de_an06``: one table of public names, and every name works in any order.

* `_EXPORTS`, `__all__` and the ``TYPE_CHECKING`` imports name the same names from the
  same modules (read from the source).
* No public name is also a submodule's name: importing the submodule would replace the
  function on the package (``de_an06.audit`` became a module once).
* In a fresh process that first imports every submodule, each public name is still the
  object its module defines, and the functions still run.
* The report the command line prints can be built with public names alone.
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import de_an06
from de_an06 import Observations, build_report, load_plan
from de_an06.cli import main
from de_an06.report import Heading, Table, annex_section, indicator_section

INIT = Path(de_an06.__file__)
EXAMPLES = Path(__file__).parent.parent / "examples" / "data"


def _table_and_type_imports() -> tuple[dict[str, str], dict[str, str]]:
    """`_EXPORTS` as written, and the ``TYPE_CHECKING`` imports as ``{name: ".module"}``."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    typed: dict[str, str] = {}
    for node in tree.body:
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == "_EXPORTS"
        ):
            assert isinstance(node.value, ast.Dict)
            for key, value in zip(node.value.keys, node.value.values, strict=True):
                assert isinstance(key, ast.Constant)
                assert isinstance(value, ast.Constant)
                assert key.value not in table, f"{key.value} listed twice"
                table[key.value] = value.value
        elif isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom), ast.unparse(stmt)
                assert stmt.level == 1, ast.unparse(stmt)
                for alias in stmt.names:
                    assert alias.asname == alias.name, f"{alias.name}: not re-exported"
                    assert alias.name not in typed, f"{alias.name} imported twice"
                    typed[alias.name] = f".{stmt.module}"
    return table, typed


class TestOneTable:
    def test_type_checking_imports_mirror_the_table(self) -> None:
        table, typed = _table_and_type_imports()
        assert len(table) > 100
        assert typed == table

    def test_all_is_the_table(self) -> None:
        table, _ = _table_and_type_imports()
        assert de_an06.__all__ == sorted(table)
        assert table == de_an06._EXPORTS
        assert set(dir(de_an06)) >= set(table)

    def test_each_name_is_defined_where_the_table_says(self) -> None:
        from importlib import import_module

        for name, module in de_an06._EXPORTS.items():
            assert name in vars(import_module(module, "de_an06")), f"{name} not in {module}"

    def test_no_public_name_is_a_submodule(self) -> None:
        submodules = {m.name for m in pkgutil.iter_modules(de_an06.__path__)}
        assert {"auditing", "annex_reporting", "report", "cli"} <= submodules
        assert sorted(submodules & set(de_an06._EXPORTS)) == []

    def test_unknown_name(self) -> None:
        with pytest.raises(AttributeError, match="no attribute 'nope'"):
            de_an06.nope  # type: ignore[attr-defined]  # noqa: B018


# Run in a fresh interpreter: every submodule first, then every public name.
_AFTER_EVERY_SUBMODULE = """
import importlib, json, pkgutil, sys
from datetime import date
import attrs
import de_an06
imported = []
for info in pkgutil.walk_packages(de_an06.__path__, "de_an06."):
    if info.name != "de_an06.__main__":  # runs the command line when imported
        importlib.import_module(info.name)
        imported.append(info.name)
wrong = [
    name
    for name, module in de_an06._EXPORTS.items()
    if getattr(de_an06, name) is not getattr(importlib.import_module(module, "de_an06"), name)
]
plan = de_an06.load_plan("son-la-2024")
obs = de_an06.Observations.from_records(
    [{"indicator": "II.4", "unit": "TP Sơn La", "period": "202406",
      "numerator": 81, "denominator": 100}],
    plan,
)
day = date(2024, 6, 30)
results = {
    "audit": len(de_an06.audit(plan)),
    "annex_report": type(de_an06.annex_report(plan, obs, as_of=day)).__name__,
    "evaluate": len(de_an06.evaluate(plan, obs, as_of=day)),
    "roll_up": type(de_an06.roll_up(plan, obs, as_of=day)).__name__,
    "build_report": type(de_an06.build_report(plan, as_of=day)).__name__,
    "responsibility_matrix": len(de_an06.responsibility_matrix(plan).rows),
    "overdue_tasks": len(de_an06.overdue_tasks(plan, day)),
    "import_text": type(de_an06.import_text).__name__,
    "parse_deadline": de_an06.parse_deadline("trước ngày 15/9/2024").due_date().isoformat(),
    "is_too_tight": de_an06.is_too_tight(  # due on the cut-off's last day: no working day
        attrs.evolve(de_an06.ReportingPeriod.from_id("202401"), due=date(2024, 1, 14))
    ),
}
print(json.dumps({"imported": imported, "wrong": wrong, "results": results}))
"""


@pytest.fixture(scope="module")
def outcome() -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _AFTER_EVERY_SUBMODULE],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


class TestAfterEverySubmodule:
    def test_every_submodule_was_imported(self, outcome: dict[str, object]) -> None:
        imported = outcome["imported"]
        assert isinstance(imported, list)
        for name in ("de_an06.auditing", "de_an06.annex_reporting", "de_an06.report.build"):
            assert name in imported
        assert "de_an06.cli.report" in imported

    def test_every_public_name_is_its_modules_object(self, outcome: dict[str, object]) -> None:
        assert outcome["wrong"] == []

    def test_functions_still_run(self, outcome: dict[str, object]) -> None:
        plan = load_plan("son-la-2024")
        assert outcome["results"] == {
            "audit": len(de_an06.audit(plan)),
            "annex_report": "AnnexReport",
            "evaluate": 1,
            "roll_up": "RollUp",
            "build_report": "Report",
            "responsibility_matrix": len(de_an06.responsibility_matrix(plan).rows),
            "overdue_tasks": len(de_an06.overdue_tasks(plan, date(2024, 6, 30))),
            "import_text": "function",
            "parse_deadline": "2024-09-14",
            "is_too_tight": True,
        }


class TestReportThroughThePublicApi:
    """``de-an06 report --observations …`` rebuilt with public names only."""

    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_same_text_as_the_command(self, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
        files = [EXAMPLES / "son-la-2024-counts.csv", EXAMPLES / "son-la-2024S1-annex.csv"]
        argv = ["report", "--as-of", "2024-06-30", "--lang", lang, "--file-period", "2024S1"]
        for path in files:
            argv += ["--observations", str(path)]
        assert main(argv) == 0
        printed = capsys.readouterr().out

        plan = load_plan("son-la-2024")
        day = date(2024, 6, 30)
        language = "en" if lang == "en" else "vi"
        obs = [Observations.from_csv(path, plan, period="2024S1") for path in files]
        report = build_report(
            plan,
            as_of=day,
            lang=language,
            indicator_section=indicator_section(plan, obs, as_of=day, lang=language),
            annex_section=annex_section(plan, obs, as_of=day, lang=language),
        )
        assert report.to_markdown() == printed
        # The counts made it in: the sections are not the no-data placeholders.
        assert ("95,84%" if lang == "vi" else "95.84%") in printed  # Công an tỉnh, annex I.1
        tables = [b for b in report.blocks if isinstance(b, Table)]
        assert len(tables) >= 6
        assert [b.text for b in report.blocks if isinstance(b, Heading) and b.level == 3][1:3] == (
            ["2. Kết quả thực hiện các chỉ tiêu", "3. Dịch vụ công thiết yếu"]
            if lang == "vi"
            else ["2. Indicators", "3. Essential public services"]
        )

    def test_sections_are_blocks(self) -> None:
        plan = load_plan("son-la-2024")
        obs = [Observations.from_csv(EXAMPLES / "son-la-2024S1-annex.csv", plan, period="2024S1")]
        section = annex_section(plan, obs, as_of=date(2024, 6, 30))
        assert isinstance(section, tuple)
        assert section[0] == Heading(2, "3. Dịch vụ công thiết yếu")
        assert any(isinstance(b, Table) for b in section[1:])
