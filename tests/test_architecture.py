"""The layer contract of de_an06, read from the source (AST), not from a running import.

* Every import inside the package — top level or inside a function, ``TYPE_CHECKING`` or
  not, relative or absolute — goes to the same layer or a lower one (`LAYERS`).
* No import cycle anywhere in the package, lazy imports included.
* Every module has a place in `LAYERS`; nothing imports the facade ``de_an06``.
* Modules stay small (`MAX_LINES`, except the named ones not yet split) and the top level
  holds at most `MAX_TOP_LEVEL` modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "de_an06"
PACKAGE = "de_an06"

# The one layer table: a top-level module or subpackage of de_an06 -> its layer. A module
# may import only from its own layer or a lower one; a subpackage's modules share its layer.
FOUNDATION, MODEL, CALENDAR, CONVERSION, QUERIES, OUTPUTS, CLI, FACADE = range(8)
LAYERS: dict[str, int] = {
    # foundation: errors, text, dates, files, the table and iCalendar writers
    "errors": FOUNDATION,
    "_text": FOUNDATION,
    "_dates": FOUNDATION,
    "_files": FOUNDATION,
    "confidence": FOUNDATION,
    "_tables": FOUNDATION,
    "_numbers": FOUNDATION,
    "_ics": FOUNDATION,
    # model: the plan's concepts as typed values
    "agency": MODEL,
    "locality": MODEL,
    "deadline": MODEL,
    "task": MODEL,
    "indicator": MODEL,
    "services": MODEL,
    "reporting": MODEL,
    "plan": MODEL,
    # calendar and parsing: working days and the deadline grammar
    "_calendar": CALENDAR,
    "workdays": CALENDAR,
    "_deadline_parser": CALENDAR,
    "_deadline_patterns": CALENDAR,
    # conversion: the JSON wire format and loading
    "_converter": CONVERSION,
    "_integrity": CONVERSION,
    "loading": CONVERSION,
    # queries: the questions asked of a plan and of observed counts
    "directory": QUERIES,
    "succession": QUERIES,
    "_succession": QUERIES,
    "schedule": QUERIES,
    "matrix": QUERIES,
    "_matrix_records": QUERIES,
    "auditing": QUERIES,
    "_audit": QUERIES,
    "_hierarchy": QUERIES,
    "_input": QUERIES,
    "coverage": QUERIES,
    "_rollup": QUERIES,
    "_columns": QUERIES,
    "observations": QUERIES,
    "achievement": QUERIES,
    "rollup": QUERIES,
    "annex_reporting": QUERIES,
    # outputs built on the queries
    "importer": OUTPUTS,
    "report": OUTPUTS,
    "ledger": OUTPUTS,
    "testing": OUTPUTS,
    "forms": OUTPUTS,
    "early_warning": OUTPUTS,
    "_warning": OUTPUTS,
    # the command line, then the facade (de_an06/__init__.py) and `python -m de_an06`
    "cli": CLI,
    "__main__": FACADE,
}

MAX_LINES = 450
# Modules over MAX_LINES not yet split (the lead assigns the splitting). A module leaves
# this list when it is split; a new one never joins it.
NOT_YET_SPLIT: frozenset[str] = frozenset()
MAX_TOP_LEVEL = 40


def module_name(path: Path, root: Path = SRC) -> str:
    """``de_an06.cli.plan`` for ``cli/plan.py``; a package's ``__init__`` is the package."""
    parts = [PACKAGE, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, root: Path = SRC) -> set[str]:
    """The de_an06 modules the module at *path* imports, anywhere in its code.

    ``from .x import y`` is ``de_an06.x``, or ``de_an06.x.y`` when ``y`` is a module;
    ``from .. import y`` of a name that is not a module is the facade ``de_an06``.
    """
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == PACKAGE)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != PACKAGE:
                continue
            for alias in node.names:
                full = f"{target}.{alias.name}"
                found.add(full if _is_module(full, root) else target)
    return found


def _is_module(name: str, root: Path) -> bool:
    relative = Path(*name.split(".")[1:])
    return (root / relative).with_suffix(".py").is_file() or (root / relative).is_dir()


def layer_of(module: str) -> int:
    """The layer of a de_an06 module: its top-level name's, the facade's for ``de_an06``."""
    parts = module.split(".")
    return FACADE if len(parts) == 1 else LAYERS[parts[1]]


def _graph(root: Path = SRC) -> dict[str, set[str]]:
    return {module_name(p, root): imports_of(p, root) for p in sorted(root.rglob("*.py"))}


def upward_imports(root: Path = SRC) -> list[str]:
    """``"a -> b"`` for each import from a module to a higher layer (or to the facade)."""
    found = []
    for module, targets in _graph(root).items():
        for target in sorted(targets):
            # The facade may import anything; nothing may import the facade.
            upward = layer_of(target) > layer_of(module) or (
                target == PACKAGE and module != PACKAGE
            )
            if upward and module != PACKAGE:
                found.append(f"{module} -> {target}")
    return found


def a_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of *graph* (its modules in order, the first repeated), or []."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str]:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[module] = 2
        return []

    for module in sorted(graph):
        if module not in state and (cycle := visit(module)):
            return cycle
    return []


class TestLayers:
    def test_every_module_has_a_layer(self) -> None:
        unplaced = sorted(
            {
                p.relative_to(SRC).parts[0].removesuffix(".py")
                for p in SRC.rglob("*.py")
                if p.relative_to(SRC).parts[0] != "__init__.py"
            }
            - set(LAYERS)
        )
        assert unplaced == [], f"place these modules in LAYERS: {unplaced}"

    def test_the_table_names_no_missing_module(self) -> None:
        stale = [n for n in LAYERS if not _is_module(f"{PACKAGE}.{n}", SRC)]
        assert stale == []

    def test_imports_go_down_only(self) -> None:
        assert upward_imports() == []

    def test_no_cycles(self) -> None:
        assert a_cycle(_graph()) == []

    def test_only_the_facade_and_main_are_facade_level(self) -> None:
        assert [n for n, layer in LAYERS.items() if layer == FACADE] == ["__main__"]


class TestTheChecksSeeWhatTheyLookFor:
    """The checks above on a small made-up package: they find what they must."""

    @pytest.fixture
    def root(self, tmp_path: Path) -> Path:
        root = tmp_path / PACKAGE
        (root / "cli").mkdir(parents=True)
        files = {
            "__init__.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from .plan import Plan\n",
            "errors.py": "",
            "plan.py": "from .errors import E\ndef f():\n    from .matrix import g\n",
            "matrix.py": "from . import plan\nfrom de_an06.errors import E\n",
            "cli/__init__.py": "from .. import __version__\nfrom ..plan import Plan\n",
            "cli/plan.py": "from .matrix import x\n",
            "cli/matrix.py": "import de_an06.cli.plan\n",
        }
        for name, text in files.items():
            (root / name).write_text(text, encoding="utf-8")
        return root

    def test_imports_found(self, root: Path) -> None:
        assert imports_of(root / "plan.py", root) == {"de_an06.errors", "de_an06.matrix"}
        assert imports_of(root / "matrix.py", root) == {"de_an06.plan", "de_an06.errors"}
        assert imports_of(root / "cli" / "__init__.py", root) == {"de_an06", "de_an06.plan"}
        assert imports_of(root / "__init__.py", root) == {"de_an06.plan"}

    def test_upward_and_facade_imports_found(self, root: Path) -> None:
        assert upward_imports(root) == [
            "de_an06.cli -> de_an06",  # the facade, from inside the package
            "de_an06.plan -> de_an06.matrix",  # model -> queries, inside a function
        ]

    def test_cycles_found(self, root: Path) -> None:
        graph = _graph(root)
        # The lazy import in plan.f counts: it is a cycle when it runs.
        assert a_cycle(graph) == ["de_an06.plan", "de_an06.matrix", "de_an06.plan"]
        del graph["de_an06.plan"]
        assert a_cycle(graph) == ["de_an06.cli.matrix", "de_an06.cli.plan", "de_an06.cli.matrix"]
        del graph["de_an06.cli.matrix"]
        assert a_cycle(graph) == []


class TestSize:
    def test_modules_are_small(self) -> None:
        sizes = {
            p.relative_to(SRC).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
            for p in SRC.rglob("*.py")
        }
        over = sorted(name for name, lines in sizes.items() if lines > MAX_LINES)
        assert sorted(set(over) - NOT_YET_SPLIT) == [], f"over {MAX_LINES} lines"
        # A module split (or grown back under the limit) leaves the allow-list.
        assert sorted(NOT_YET_SPLIT - set(over)) == []

    def test_top_level_module_count(self) -> None:
        assert len(list(SRC.glob("*.py"))) <= MAX_TOP_LEVEL
