"""Scale: how each public operation grows with the plan (1×, 4×, 16×) and with rows.

Run by hand (tests never time anything)::

    python benchmarks/bench_scale.py [--repeat 3] [--factors 1 4 16] [--cap 20]

The baseline of every ratio is the same operation on the smaller input, measured in the
same process and interleaved with it: each round runs every operation at every size
(round-robin), and the table gives the median per size and the ratio of medians per 4×
step. Linear work costs about 4× per step; the goal (#18) is at most 5×. An operation
whose run at one size exceeds ``--cap`` seconds is run once there (its figure is that
one run) and not at the larger sizes ("—"). The smallest size runs once first, untimed.

Inputs: the national-shape plan of ``national_plan.py`` (2,283 tasks, 2.7 MB) with its
task groups repeated 4× and 16× (same agencies and localities: the matrix has the same
rows, 4× and 16× the tasks and entries); the observations of ``gen_observations.py``
with 830, 3,321 and 13,284 communes (0.5M, 2.1M and 8.4M rows).

``--load`` also times plan loading against pydantic ``model_validate_json`` (the mirror
in ``bench_load.py``) at each plan size, with the collector on and paused for both
sides; no collection is forced between runs (a forced ``gc.collect()`` favours the side
with the smaller heap).

To compare with an earlier version, run the same script with that version's ``src``
first on ``PYTHONPATH``; the script prints which de_an06 it imported.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the generators beside this script

import gen_observations as gen
from national_plan import scaled_plan_bytes

import de_an06

AS_OF = date(2025, 6, 30)
Op = Callable[[], object]


def plan_ops(factor: int) -> dict[str, Op]:
    """The plan operations at *factor*; inputs are built here, outside the timings."""
    from de_an06.matrix import responsibility_matrix
    from de_an06.report import build_report

    raw = scaled_plan_bytes(factor)
    plan = de_an06.loads_plan(raw)
    matrix = responsibility_matrix(plan)
    return {
        "load (loads_plan)": lambda: de_an06.loads_plan(raw),
        "dump (dumps_plan)": lambda: de_an06.dumps_plan(plan),
        "matrix: build": lambda: responsibility_matrix(plan),
        "matrix: workload": lambda: matrix.workload(AS_OF),
        "matrix: lead_issues": matrix.lead_issues,
        "matrix: grid": matrix.grid,
        "matrix: as_dict": matrix.as_dict,
        "audit": lambda: de_an06.audit(plan),
        "build_report": lambda: build_report(plan, as_of=AS_OF),
    }


def row_ops(communes: int) -> dict[str, Op]:
    """The observation operations at *communes* communes (× 53 services × 12 months rows)."""
    cols = gen.columns(communes=communes)
    plan = gen.national_plan(cols)
    obs = gen.observations(plan, cols)
    return {
        "Observations.from_columns": lambda: gen.observations(plan, cols),
        "roll_up": lambda: de_an06.roll_up(plan, obs),
        "evaluate": lambda: de_an06.evaluate(plan, obs),
    }


def interleaved(
    sizes: dict[int, dict[str, Op]], repeat: int, cap: float, *, paused: bool = False
) -> dict[str, dict[int, float | None]]:
    """Median seconds per operation and size; round-robin over sizes within each round."""
    names = list(next(iter(sizes.values())))
    times: dict[str, dict[int, list[float]]] = {n: {s: [] for s in sizes} for n in names}
    capped: dict[str, int] = {}  # operation -> first size not run
    smallest = min(sizes)
    for op in sizes[smallest].values():  # warm-up: converters, hooks, lazy imports
        op()
    for _ in range(repeat):
        for name in names:
            for size, ops in sizes.items():
                if name in capped and size >= capped[name]:
                    continue
                if times[name][size] and times[name][size][0] > cap:
                    continue  # one run over the cap is enough
                if paused:
                    gc.disable()
                start = time.perf_counter()
                ops[name]()
                elapsed = time.perf_counter() - start
                gc.enable()
                times[name][size].append(elapsed)
                if elapsed > cap:
                    bigger = [s for s in sizes if s > size]
                    if bigger:
                        capped[name] = min(capped.get(name, bigger[0]), bigger[0])
    return {
        n: {s: statistics.median(t) if t else None for s, t in per.items()}
        for n, per in times.items()
    }


def table(title: str, unit: str, result: dict[str, dict[int, float | None]]) -> str:
    sizes = list(next(iter(result.values())))
    head = [f"{unit} {s:,}" for s in sizes]
    steps = [f"{b:,}/{a:,}" for a, b in itertools.pairwise(sizes)]
    lines = [f"\n{title}\n", "| operation | " + " | ".join(head + steps) + " |"]
    lines.append("|---|" + "---:|" * (len(head) + len(steps)))
    worst = 0.0
    for name, per in result.items():
        cells = ["—" if per[s] is None else _ms(per[s]) for s in sizes]
        for a, b in itertools.pairwise(sizes):
            ta, tb = per[a], per[b]
            if ta is None or tb is None:
                cells.append("—")
            else:
                worst = max(worst, tb / ta)
                cells.append(f"{tb / ta:.2f}×")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append(f"\nlargest step: {worst:.2f}× (goal ≤ 5× per 4× growth)")
    return "\n".join(lines)


def _ms(seconds: float | None) -> str:
    assert seconds is not None
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def load_vs_pydantic(factors: list[int], repeat: int) -> str:
    """loads_plan against pydantic on the same bytes, collector on and paused, per size."""
    from bench_load import pydantic_models

    plain, _ = pydantic_models()
    lines = [
        "\nload vs pydantic `model_validate_json`, same bytes (medians, interleaved)\n",
        "| plan | MB | de_an06 gc on | pydantic gc on | × | de_an06 gc paused "
        "| pydantic gc paused | × |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for factor in factors:
        raw = scaled_plan_bytes(factor)
        assert de_an06.loads_plan(raw) == de_an06.loads_plan(
            plain.model_validate_json(raw).model_dump_json().encode()
        )
        variants: dict[str, Op] = {
            "ours": lambda raw=raw: de_an06.loads_plan(raw),
            "theirs": lambda raw=raw: plain.model_validate_json(raw),
        }
        runs: dict[tuple[str, bool], list[float]] = {}
        for _ in range(repeat):
            for paused in (False, True):
                for name, op in variants.items():
                    if paused:
                        gc.disable()
                    start = time.perf_counter()
                    op()
                    runs.setdefault((name, paused), []).append(time.perf_counter() - start)
                    gc.enable()
        med = {k: statistics.median(v) for k, v in runs.items()}
        on = med[("ours", False)] / med[("theirs", False)]
        off = med[("ours", True)] / med[("theirs", True)]
        lines.append(
            f"| {factor}× | {len(raw) / 1e6:.1f} | {_ms(med[('ours', False)])} "
            f"| {_ms(med[('theirs', False)])} | **{on:.2f}** | {_ms(med[('ours', True)])} "
            f"| {_ms(med[('theirs', True)])} | **{off:.2f}** |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--factors", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--communes", type=int, nargs="+", default=[830, 3321, 13284])
    parser.add_argument("--cap", type=float, default=20.0, help="seconds; skip larger sizes")
    parser.add_argument("--only", choices=["plan", "rows", "load"], action="append")
    parser.add_argument("--gc-paused", action="store_true", help="pause the collector per run")
    args = parser.parse_args()
    parts = args.only or ["plan", "rows", "load"]
    gc_note = ", gc paused" if args.gc_paused else ""
    print(f"de_an06 from {Path(de_an06.__file__).parent.parent}")
    if "plan" in parts:
        sizes = {f: plan_ops(f) for f in args.factors}
        result = interleaved(sizes, args.repeat, args.cap, paused=args.gc_paused)
        print(table(f"plan operations (task groups repeated{gc_note})", "×", result), flush=True)
        del sizes
    if "rows" in parts:
        rows = {c: row_ops(c) for c in args.communes}
        result = interleaved(rows, args.repeat, args.cap, paused=args.gc_paused)
        title = f"observations (communes × 53 services × 12 months{gc_note})"
        print(table(title, "communes", result), flush=True)
        del rows
    if "load" in parts:
        print(load_vs_pydantic(args.factors, max(args.repeat, 5)))


if __name__ == "__main__":
    main()
