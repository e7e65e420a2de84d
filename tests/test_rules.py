"""Each rule lives in one place: these tests fail if a second copy of one comes back.

They read the package's source (AST, like tests/test_safety.py) for the shapes the old
copies had, and exercise each rule through the callers that used to hold a copy.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

from de_an06 import Comparator, Level, Target, load_plan
from de_an06._columns import period_labels
from de_an06.achievement import Achievement, shortfall
from de_an06.agency import UNIT_KINDS
from de_an06.reporting import Frequency, ReportingPeriod

SRC = Path(__file__).parent.parent / "src" / "de_an06"


def _trees() -> Iterator[tuple[str, ast.AST]]:
    for path in sorted(SRC.rglob("*.py")):
        yield path.relative_to(SRC).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _places(match: object) -> list[str]:
    found = []
    for name, tree in _trees():
        for node in ast.walk(tree):
            if match(node):  # type: ignore[operator]  # a predicate on AST nodes
                found.append(f"{name}:{getattr(node, 'lineno', 0)}")
    return found


def _module_of(place: str) -> str:
    return place.rsplit(":", 1)[0]


def test_int64_limit_is_written_once() -> None:
    def power_63(node: ast.AST) -> bool:
        return (
            isinstance(node, ast.BinOp)
            and isinstance(node.op, ast.Pow)
            and isinstance(node.right, ast.Constant)
            and node.right.value == 63
        )

    assert {_module_of(p) for p in _places(power_63)} == {"_files.py"}


def test_schema_version_is_checked_once() -> None:
    def reads_version(node: ast.AST) -> bool:
        if isinstance(node, ast.Compare):
            parts = [node.left, *node.comparators]
        elif isinstance(node, ast.Call):
            parts = list(node.args)
        else:
            return False
        return any(isinstance(p, ast.Constant) and p.value == "schema_version" for p in parts)

    assert {_module_of(p) for p in _places(reads_version)} == {"_files.py"}


def test_maintain_threshold_is_written_once() -> None:
    def max_with_baseline(node: ast.AST) -> bool:
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "max"
            and "baseline" in ast.unparse(node)
        )

    assert {_module_of(p) for p in _places(max_with_baseline)} == {"indicator.py"}


def test_level_words_live_in_one_table() -> None:
    """No table outside agency.py maps a word to a `Level` member."""

    def word_to_level(node: ast.AST) -> bool:
        return isinstance(node, ast.Dict) and any(
            isinstance(k, ast.Constant)
            and isinstance(k.value, str)
            and "Level." in ast.unparse(v)
            and k.value.split()[-1] in {fold for w in UNIT_KINDS for fold in (w, _ascii(w))}
            for k, v in zip(node.keys, node.values, strict=True)
        )

    assert {_module_of(p) for p in _places(word_to_level)} == {"agency.py"}


def _ascii(word: str) -> str:
    from de_an06._text import fold

    return fold(word)


def test_nd09_year_is_reporting_periods() -> None:
    """The 15/12 start of a reporting year is written only in reporting.py."""

    def december_15(node: ast.AST) -> bool:
        if not (isinstance(node, ast.Call) and ast.unparse(node.func) == "date"):
            return False
        values = [a.value for a in node.args[1:] if isinstance(a, ast.Constant)]
        return values == [12, 15]

    assert _places(december_15) == []
    for day, year in ((date(2024, 12, 14), "2024"), (date(2024, 12, 15), "2025")):
        assert ReportingPeriod.containing(day, Frequency.YEARLY).id == year
        assert period_labels(("202401",), None, day)[0] == (year,)


def test_due_soon_has_one_name() -> None:
    """``within`` everywhere: no parameter or option named soon / soon_days / days."""

    def old_name(node: ast.AST) -> bool:
        if isinstance(node, ast.arg):
            return node.arg in {"soon", "soon_days", "on"}
        return isinstance(node, ast.Name) and node.id in {"DEFAULT_SOON", "_DEFAULT_WITHIN"}

    assert _places(old_name) == []


class TestLevelWords:
    def test_each_level_names_itself(self) -> None:
        for level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE):
            assert UNIT_KINDS[level.word] is level
            assert Level.from_word(level.word) is level
            assert Level.from_word(f"Cấp {level.word.upper()}") is level
            assert Level.from_word(level.value) is level

    @pytest.mark.parametrize("word", ["phường", "thành phố", "cấp", "", "tỉnh ủy"])
    def test_kinds_are_not_levels(self, word: str) -> None:
        assert Level.from_word(word) is None

    def test_importer_and_evaluation_agree(self) -> None:
        """The importer's per-level scope keys are what target lookup reads back."""
        plan = load_plan("son-la-2024")
        keys = {
            o.scope.key
            for i in plan.indicators
            for o in i.overrides
            if o.scope.kind.value == "level"
        }
        assert keys
        assert all(Level.from_word(k) is not None for k in keys)


class TestMaintain:
    """ "duy trì": at least the value and not below the baseline, in every caller."""

    target = Target(comparator=Comparator.MAINTAIN, value=Fraction(90))

    @pytest.mark.parametrize("baseline", [None, Fraction(80), Fraction(95)])
    def test_callers_agree(self, baseline: Fraction | None) -> None:
        floor = self.target.threshold(baseline)
        assert floor == (Fraction(90) if baseline is None else max(Fraction(90), baseline))
        a = Achievement(
            indicator="x",
            unit="u",
            period="2024",
            numerator=94,
            denominator=100,
            target=self.target,
            baseline=baseline,
        )
        assert a.threshold == floor
        assert a.target is not None
        assert a.target.met_by(Fraction(94), baseline) is (floor <= 94)
        assert (a.shortfall == 0) is (floor <= 94)
        assert shortfall(94, 100, self.target, baseline=baseline) == max(0, int(floor) - 94)


def test_one_target_text(capsys: pytest.CaptureFixture[str]) -> None:
    """The ``indicators`` table and the report show a target the same way."""
    from de_an06.achievement import target_text
    from de_an06.cli import main
    from de_an06.report.build import build_report

    plan = load_plan("son-la-2024")
    texts = {target_text(o.target, i.unit) for i in plan.indicators for o in i.overrides} | {
        target_text(i.target, i.unit) for i in plan.indicators if i.target is not None
    }
    assert {"> 65%", "≥ 30%", "duy trì 100%"} <= texts
    assert main(["indicators"]) == 0
    table = capsys.readouterr().out
    report = build_report(plan, as_of=date(2024, 6, 30)).to_markdown()
    for text in texts:
        assert text in table
        assert text in report
