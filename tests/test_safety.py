"""Safety of what de_an06 reads and writes: no code from data, no paths followed, no
formulas run.

* The source has no ``eval``, ``pickle``, ``marshal``, ``shelve`` or YAML loading, and its
  one ``exec`` runs code the converter generates from the model's own field names.
* Nothing in a plan file is opened as a path or fetched as a URL, whatever it holds.
* Every CSV, XLSX and Markdown table written makes a formula-like cell inert (one shared
  function: `de_an06._tables.neutralise`).
"""

from __future__ import annotations

import ast
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import de_an06
from de_an06 import (
    audit,
    build_report,
    dumps_plan,
    load_plan,
    overdue_tasks,
    responsibility_matrix,
    successions_for,
)
from de_an06.loading import _DATA
from de_an06.report.blocks import Table
from de_an06.report.document import render_markdown

SRC = Path(de_an06.__file__).parent
MODULES = sorted(SRC.rglob("*.py"))


def _calls_and_imports(path: Path) -> Iterator[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            yield node.func.id, node.lineno
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node.func.attr, node.lineno
        elif isinstance(node, ast.Import):
            yield from ((f"import {a.name}", node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield f"import {node.module}", node.lineno


FORBIDDEN = frozenset({"eval", "exec", "__import__", "system", "popen", "unsafe_load"})
FORBIDDEN_IMPORTS = ("pickle", "cPickle", "marshal", "shelve", "dill", "yaml", "subprocess")


def _forbidden(path: Path) -> list[str]:
    """``"file: name"`` for each forbidden call or import in the module at *path*."""
    found = []
    for name, _ in _calls_and_imports(path):
        module = name.removeprefix("import ").split(".")[0]
        if name in FORBIDDEN or (name.startswith("import ") and module in FORBIDDEN_IMPORTS):
            found.append(f"{path.name}: {name}")
    return sorted(found)


class TestNoCodeFromData:
    """No eval, pickle, marshal, shelve or YAML anywhere; exec only for generated code."""

    def test_source_tree(self) -> None:
        found = [f for path in MODULES for f in _forbidden(path)]
        # _converter/__init__.py compiles one structuring function per model class from
        # the class's own field names (never from data): the fast loader's hooks.
        assert found == ["__init__.py: exec"]

    def test_the_one_exec_compiles_field_names_only(self) -> None:
        source = (SRC / "_converter" / "__init__.py").read_text(encoding="utf-8")
        (line,) = [li for li in source.splitlines() if "exec(" in li]
        assert "compile(" in line
        assert '"\\n".join(lines)' in line

    def test_the_check_sees_what_it_looks_for(self, tmp_path: Path) -> None:
        bad = tmp_path / "bad.py"
        bad.write_text("import pickle\nx = eval('1')\nimport yaml.constructor\nimport json\n")
        assert _forbidden(bad) == [
            "bad.py: eval",
            "bad.py: import pickle",
            "bad.py: import yaml.constructor",
        ]


# Paths and URLs a hostile plan might hold; none may be opened or fetched.
_EVENTS: list[tuple[str, tuple[Any, ...]]] = []
_LISTENING: list[bool] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _LISTENING and event in ("open", "socket.connect", "socket.getaddrinfo", "urllib.Request"):
        _EVENTS.append((event, args))


sys.addaudithook(_hook)  # audit hooks cannot be removed; this one records only when asked

TEXT_FIELDS = frozenset(
    {"text", "title", "name", "note", "url", "source", "label", "place", "issuer", "signer"}
    | {"signer_title", "proposal", "effective_text", "event", "numerator", "denominator"}
    | {"number_text", "reporting_units_text", "legal_bases", "purposes", "closing", "notes"}
)


def _hostile(value: Any, bait: str, key: str = "") -> Any:
    """*value* with every text field (not keys, codes or IDs) replaced by *bait*."""
    if isinstance(value, dict):
        return {k: _hostile(v, bait, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile(v, bait, key) for v in value]
    if isinstance(value, str) and key in TEXT_FIELDS:
        return bait
    return value


@pytest.mark.parametrize("kind", ["path", "file-url", "http-url"])
def test_paths_in_a_plan_are_never_followed(tmp_path: Path, kind: str) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text("{}", encoding="utf-8")
    bait = {
        "path": str(secret),
        "file-url": secret.as_uri(),
        "http-url": "http://127.0.0.1:9/plan.json",
    }[kind]
    data = json.loads((_DATA / "son-la-2024.json").read_text(encoding="utf-8"))
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(_hostile(data, bait)), encoding="utf-8")
    _EVENTS.clear()
    _LISTENING.append(True)
    try:
        plan = load_plan(plan_file)
        assert plan.title == bait  # the bait was read as text
        dumps_plan(plan)
        audit(plan)
        responsibility_matrix(plan, expand=True, as_of=date(2025, 8, 1)).to_csv()
        successions_for(plan)
        overdue_tasks(plan, date(2024, 12, 31))
        report = build_report(plan, as_of=date(2024, 6, 30))
        report.to_markdown()
        report.to_html()
    finally:
        _LISTENING.clear()
    opened = [args[0] for event, args in _EVENTS if event == "open"]
    assert str(secret) not in [str(p) for p in opened]
    assert all(not str(p).startswith(("http", "file:")) for p in opened)
    assert [e for e, _ in _EVENTS if e != "open"] == []
    assert str(plan_file) in [str(p) for p in opened]  # the hook does see opens


class TestSpreadsheetSafety:
    """Formula-like text is inert in every table written; numbers are left alone."""

    EVIL = '=HYPERLINK("http://x","y")'

    def test_report_markdown_tables(self) -> None:
        table = Table(columns=("agency", "n"), rows=((self.EVIL, "-3"),), numeric=frozenset({1}))
        text = render_markdown([table])
        assert "| '=HYPERLINK" in text
        assert "| -3 |" in text  # a number this library formatted: not a formula

    def test_a_line_break_in_a_markdown_cell_stays_in_its_row(self) -> None:
        table = Table(columns=("a",), rows=(("x\ry\nz",),))
        assert render_markdown([table]).splitlines()[-1] == "| x y z |"

    def test_every_export_uses_the_shared_function(self) -> None:
        users = [p.name for p in MODULES if "neutralise" in p.read_text(encoding="utf-8")]
        assert "_tables.py" in users
        # The report's Markdown tables and every CSV go through the one writer (#12).
        assert "to_markdown" in (SRC / "report" / "document.py").read_text(encoding="utf-8")
        writers = [p.name for p in MODULES if "csv.writer(" in p.read_text(encoding="utf-8")]
        # xlsx_file turns a workbook read in into CSV text for the one CSV reader: not output.
        assert sorted(writers) == ["_tables.py", "xlsx_file.py"]
        tables = [p.name for p in MODULES if '"|---' in p.read_text(encoding="utf-8")]
        assert tables == []

    def test_one_list_of_formula_starts(self) -> None:
        copies = [
            p.name
            for p in MODULES
            if '"=", "+", "-", "@", "\\t", "\\r"' in p.read_text(encoding="utf-8")
        ]
        assert copies == ["_tables.py"]
