"""The README's third command sequence runs as written and shows done / late / overdue."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

README = Path(__file__).parents[2] / "README.md"


def ledger_commands() -> list[list[str]]:
    """The ``sh`` block of the README that records progress, as argument lists."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    (block,) = [b for b in blocks if "progress record" in b]
    return [shlex.split(line) for line in block.splitlines() if line.strip()]


def test_the_readme_ledger_sequence(tmp_path: Path) -> None:
    commands = ledger_commands()
    assert [c[1] for c in commands] == ["progress", "progress", "progress", "report"]
    out = ""
    for command in commands:
        assert command[0] == ".venv/bin/de-an06"
        done = subprocess.run(
            [sys.executable, "-m", "de_an06", *command[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert (done.returncode, done.stderr) == (0, ""), command
        out = done.stdout
    late = out.split("### Hoàn thành trễ hạn (1)", 1)[1].split("###", 1)[0]
    assert "| 6.1 | 01/04/2024 | 15/04/2024 | 10 |" in late
    overdue = out.split("### Quá hạn, chưa hoàn thành (5)", 1)[1].split("###", 1)[0]
    assert "| 8.1 | 01/04/2024 | đang thực hiện | 62 |" in overdue
    assert "| 11.3 |" not in overdue
    assert "hoàn thành đúng hạn" in out


def test_the_readme_monthly_cycle(tmp_path: Path) -> None:
    """The README's monthly-cycle block runs as written, in a folder holding the examples."""
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)
    (block,) = [b for b in blocks if "de-an06 collect" in b]
    commands = [shlex.split(line) for line in block.splitlines() if line.strip()]
    assert [c[1] for c in commands] == [
        "form", "collect", "submissions", "evaluate", "digest", "report",
    ]  # fmt: skip
    shutil.copytree(README.parent / "examples" / "data", tmp_path / "examples" / "data")
    outputs = {}
    for command in commands:
        assert command[0] == ".venv/bin/de-an06"
        done = subprocess.run(
            [sys.executable, "-m", "de_an06", *command[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert (done.returncode, done.stderr) == (0, ""), command
        outputs[command[1]] = done.stdout
    assert len(list((tmp_path / "bieu-mau").glob("*.xlsx"))) == 31
    assert "đã ghi" in outputs["collect"]  # recorded
    assert "đã gửi 1/31" in outputs["submissions"]
    assert "1/12" in outputs["evaluate"]  # a province figure that covers one district of 12
    assert "Ủy ban nhân dân huyện Mai Sơn" in outputs["digest"]
    assert (tmp_path / "bao-cao-thang-7.docx").stat().st_size > 10_000
