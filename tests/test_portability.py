"""Nothing in the repository depends on one machine: no absolute path of a machine in code,
data, docs, tests or benchmarks, and nothing shipped cites a file outside the repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Not the repository's own files: virtual environments, caches, build output.
SKIP_DIRS = {".git", "__pycache__", "build", "dist", "_out"}
SKIP_PREFIXES = (".venv", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis")

# A path rooted in one machine's folders: Unix homes and work folders, /tmp, a macOS home,
# a Windows user folder. Split so that this file does not match itself.
MACHINE_PATH = re.compile(
    r"(?<![\w.~-])/(?:" + "|".join(["wo" + "rk", "ho" + "me", "Us" + "ers", "t" + "mp"]) + r")/"
    r"|[A-Za-z]:\\" + "Us" + r"ers\\",
)
# A file outside the repository: the project's shared folder beside the checkout.
OUTSIDE = re.compile(r"\.\./" + "sh" + r"ared\b|\b" + "sh" + r"ared/(?:seeds|anchor-bench)\b")


def repo_files() -> Iterator[Path]:
    for path in sorted(REPO.rglob("*")):
        parts = path.relative_to(REPO).parts
        if any(
            p in SKIP_DIRS or p.startswith(SKIP_PREFIXES) or p.endswith(".egg-info") for p in parts
        ):
            continue
        if path.is_file():
            yield path


def text_of(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None  # a binary file (an image, a workbook)


def test_the_walk_sees_the_repository() -> None:
    names = {path.relative_to(REPO).as_posix() for path in repo_files()}
    assert {"pyproject.toml", "src/de_an06/data/son-la-2024.json", "benchmarks/README.md"} <= names
    assert "tests/test_portability.py" in names


def test_no_absolute_path_of_a_machine() -> None:
    found = [
        f"{path.relative_to(REPO)}:{text.count(chr(10), 0, match.start()) + 1}: {match[0]}"
        for path in repo_files()
        if (text := text_of(path)) is not None
        for match in MACHINE_PATH.finditer(text)
    ]
    assert found == []


def test_the_pattern_finds_machine_paths() -> None:
    for bad in (
        "/wo" + "rk/shared/x",
        "see /ho" + "me/me/x",
        "C:\\Us" + "ers\\me\\x",
        "/t" + "mp/x",
    ):
        assert MACHINE_PATH.search(bad), bad
    # Relative or URL paths that merely contain such a folder name are fine (split as above).
    fine_paths = (
        "https://example.org/ho" + "me/",
        "docs/wo" + "rk/x",
        "~/.config/x",
        "a/t" + "mp/b",
    )
    for fine in fine_paths:
        assert not MACHINE_PATH.search(fine), fine


def test_nothing_shipped_cites_a_file_outside_the_repository() -> None:
    found = [
        f"{path.relative_to(REPO)}: {match[0]}"
        for path in (REPO / "src").rglob("*")
        if path.is_file() and (text := text_of(path)) is not None
        for match in OUTSIDE.finditer(text)
    ]
    assert found == []
    assert OUTSIDE.search("../" + "shared/seeds/000.txt")


SKIPS = "import pytest\n\n\ndef test_skips() -> None:\n    pytest.skip('no seed here')\n"
SKIPS_MODULE = "import pytest\n\npytest.importorskip('no_such_module_anywhere')\n"


def run_pytest(tmp_path: Path, test: str, env: dict[str, str]) -> str:
    """pytest on one *test* file under this suite's conftest.py: exit code and output."""
    shutil.copy(Path(__file__).parent / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_it.py").write_text(test, encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k != "CI"} | env
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        check=False,
    )
    return f"exit {result.returncode}\n{result.stdout}"


def test_a_skip_fails_under_ci(tmp_path: Path) -> None:
    out = run_pytest(tmp_path, SKIPS, {"CI": "true"})
    assert out.startswith("exit 1\n"), out
    assert "1 failed" in out
    assert "under CI=true every test must run: no seed here" in out


def test_a_module_skip_fails_under_ci(tmp_path: Path) -> None:
    out = run_pytest(tmp_path, SKIPS_MODULE, {"CI": "true"})
    assert out.startswith("exit 2\n"), out  # a collection error stops the run
    assert "under CI=true every test must run" in out
    assert "no_such_module_anywhere" in out


def test_a_skip_is_a_skip_elsewhere(tmp_path: Path) -> None:
    for test, code in ((SKIPS, 0), (SKIPS_MODULE, 5)):  # 5: no test ran
        out = run_pytest(tmp_path, test, {})
        assert out.startswith(f"exit {code}\n"), out
        assert "1 skipped" in out
