"""Start-up of the command line: `de-an06 summary` against `python -c "import attrs, cattrs"`.

Run by hand: ``python benchmarks/bench_startup.py [--repeat 21]``. Both commands run in
fresh processes, interleaved round-robin; the ratio of medians is reported (goal: at most
2×, issue #7). Tests never time anything.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _time(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=21)
    args = parser.parse_args()
    script = shutil.which("de-an06") or str(Path(sys.executable).parent / "de-an06")
    variants = {
        'python -c "import attrs, cattrs" (baseline)': [
            sys.executable,
            "-c",
            "import attrs, cattrs",
        ],
        "de-an06 summary": [script, "summary"],
        "de-an06 summary --format json": [script, "summary", "--format", "json"],
        "de-an06 tasks --format json": [script, "tasks", "--format", "json"],
        "de-an06 deadline 'Quý I/2024'": [script, "deadline", "Quý I/2024"],
        "de-an06 --help": [script, "--help"],
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(2):  # warm the file cache and the .pyc files
        for argv in variants.values():
            _time(argv)
    for _ in range(args.repeat):
        for name, argv in variants.items():
            times[name].append(_time(argv))
    base = statistics.median(next(iter(times.values())))
    print(f"{'command':45} {'median':>9} {'× baseline':>11}")
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"{name:45} {median * 1000:7.1f} ms {median / base:10.2f}×")


if __name__ == "__main__":
    main()
