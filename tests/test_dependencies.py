"""Every runtime dependency earns its place: some module in src/ imports it."""

from __future__ import annotations

import ast
import re
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "de_an06"


def runtime_dependencies() -> list[str]:
    """Distribution names of ``[project] dependencies``, normalised (PEP 503)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.match(r"[A-Za-z0-9._-]+", spec)[0] for spec in project["dependencies"]]  # type: ignore[index]
    return [normalise(name) for name in names]


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_top_levels() -> set[str]:
    """Top-level names of every absolute import in src/ (lazy imports included)."""
    found: set[str] = set()
    for module in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_every_runtime_dependency_is_imported() -> None:
    # Import name → distributions that provide it (python-dateutil provides dateutil,
    # attrs provides attr and attrs), from the installed packages' metadata.
    provided_by = packages_distributions()
    imported = {
        normalise(dist) for name in imported_top_levels() for dist in provided_by.get(name, ())
    }
    dependencies = runtime_dependencies()
    assert dependencies  # the file was read
    assert [d for d in dependencies if d not in imported] == []


def test_the_mapping_knows_a_renamed_distribution() -> None:
    # The check above would catch a dependency imported under another name than its own.
    assert "python-dateutil" in {normalise(d) for d in packages_distributions()["dateutil"]}
    assert "dateutil" not in imported_top_levels()  # and python-dateutil is no dependency
