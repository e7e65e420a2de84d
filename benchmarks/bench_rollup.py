"""Roll-up speed and memory: de_an06 against pandas on 2.1M observations (run by hand).

Job, for each variant, from the same rows (``gen_observations.py``):
  R1  pooled ratio per province × service × month (34 × 53 × 12 groups);
  R2  pooled ratio per province for the whole year.
de_an06 does both with `roll_up` (communes → provinces → country, int64 sums, ratios as
exact counts) on a store fresh from import: R1 passes over the rows once, R2 then comes
from the detailed sums R1 left on the store. pandas does two ``groupby().sum()`` on the
same columns. R2 alone (a cold store, one pass over the rows) is timed too. Variants run
interleaved (A, B, A, B, …) after a warm-up; the medians are compared; every variant's
sums are asserted equal first. Memory: the RSS growth of building the store, in a fresh
process (as ``../shared/anchor-bench/bench_memory.py`` measures it).

    python3 -m venv .venv-bench
    .venv-bench/bin/pip install -e . pandas numpy
    .venv-bench/bin/python benchmarks/bench_rollup.py [--repeat 7]

Goals: de_an06 ≤ 0.3 × pandas time; ≤ 30 bytes held per observation.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

import gen_observations as gen  # the generator sits beside this script

from de_an06.rollup import RollUp, roll_up


def rss_bytes() -> int:
    """Resident set size of this process now (Linux)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def interleaved(variants: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Seconds per run of each variant, round-robin, after one warm-up round."""
    times: dict[str, list[float]] = {name: [] for name in variants}
    for round_ in range(repeat + 1):
        for name, run in variants.items():
            gc.collect()
            start = time.perf_counter()
            run()
            elapsed = time.perf_counter() - start
            if round_:
                times[name].append(elapsed)
    return times


def de_an06_both(plan: Any, obs: Any) -> tuple[RollUp, RollUp]:
    """R1 then R2 on a store fresh from import (nothing cached from an earlier run)."""
    cold = attrs.evolve(obs)  # the same columns, an empty cache
    monthly = roll_up(plan, cold, by_service=True)
    yearly = roll_up(plan, cold, period=str(gen.YEAR))
    return monthly, yearly


def de_an06_yearly(plan: Any, obs: Any) -> RollUp:
    """R2 alone, from the rows (cold store)."""
    return roll_up(plan, attrs.evolve(obs), period=str(gen.YEAR))


def pandas_yearly(frame: Any) -> Any:
    r2 = frame.groupby("province", sort=False)[["online", "total"]].sum()
    r2["ratio"] = (r2["online"] / r2["total"]).where(r2["total"] > 0)
    return r2


def pandas_both(frame: Any) -> tuple[Any, Any]:
    keys = ["province", "service", "month"]
    r1 = frame.groupby(keys, sort=False)[["online", "total"]].sum()
    r1["ratio"] = (r1["online"] / r1["total"]).where(r1["total"] > 0)
    r2 = frame.groupby("province", sort=False)[["online", "total"]].sum()
    r2["ratio"] = (r2["online"] / r2["total"]).where(r2["total"] > 0)
    return r1, r2


def numpy_both(cols: dict[str, Any]) -> tuple[Any, Any]:
    """The anchor's bare numpy variant (f): dense key + bincount, no hierarchy, no checks."""
    key = (cols["province"].astype(np.int64) * gen.N_SERVICES + cols["service"]) * 12
    key += cols["month"] - 1
    size = gen.N_PROVINCES * gen.N_SERVICES * 12
    num = np.bincount(key, weights=cols["online"], minlength=size)
    den = np.bincount(key, weights=cols["total"], minlength=size)
    return (num, den), (num.reshape(gen.N_PROVINCES, -1).sum(1), den.reshape(34, -1).sum(1))


def province_sums(result: RollUp) -> dict[tuple[str, ...], tuple[int, int]]:
    """{(province, service, period): (numerator, denominator)} of the province rows."""
    nodes = [result.nodes[n] for n in result.node.tolist()]
    out = {}
    for i, node in enumerate(nodes):
        if node.startswith("p"):
            key = (
                node,
                result.services[int(result.service[i])],
                result.labels[int(result.label[i])],
            )
            out[key] = (int(result.numerator[i]), int(result.denominator[i]))
    return out


def check_same(plan: Any, obs: Any, frame: Any, cols: dict[str, Any]) -> None:
    """Every variant gives the same sums."""
    monthly, yearly = de_an06_both(plan, obs)
    r1, r2 = pandas_both(frame)
    ours = province_sums(monthly)
    theirs = {
        (gen.province_key(p), f"S{s:02d}", f"{gen.YEAR}{m:02d}"): (int(o), int(t))
        for (p, s, m), o, t in zip(r1.index, r1["online"], r1["total"], strict=True)
    }
    assert ours == theirs, "R1 differs from pandas"
    ours2 = {k[0]: v for k, v in province_sums(yearly).items()}
    theirs2 = {
        gen.province_key(p): (int(o), int(t))
        for p, o, t in zip(r2.index, r2["online"], r2["total"], strict=True)
    }
    assert ours2 == theirs2, "R2 differs from pandas"
    (num, den), _ = numpy_both(cols)
    assert sum(v[0] for v in ours.values()) == int(num.sum())
    assert sum(v[1] for v in ours.values()) == int(den.sum())
    top = [a for a in yearly.achievements() if a.unit == "vn"]
    assert [(a.numerator, a.denominator) for a in top] == [
        (int(cols["online"].sum()), int(cols["total"].sum()))
    ]


def memory_child() -> dict[str, float]:
    """Bytes held by the store, measured in this (fresh) process."""
    cols = gen.columns()
    plan = gen.national_plan(cols)
    gc.collect()
    before = rss_bytes()
    obs = gen.observations(plan, cols)
    gc.collect()
    held = rss_bytes() - before
    return {
        "rows": len(obs),
        "held_bytes": held,
        "held_per_row": held / len(obs),
        "column_bytes_per_row": obs.nbytes / len(obs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        print(json.dumps(memory_child()))
        return
    import pandas as pd

    cols = gen.columns()
    plan = gen.national_plan(cols)
    start = time.perf_counter()
    obs = gen.observations(plan, cols)
    ingest = time.perf_counter() - start
    frame = pd.DataFrame({k: cols[k] for k in ("province", "service", "month", "total", "online")})
    check_same(plan, obs, frame, cols)
    alone = province_sums(de_an06_yearly(plan, obs))
    assert alone == province_sums(de_an06_both(plan, obs)[1]), "R2 alone differs"
    times = interleaved(
        {
            "de_an06 roll_up, R1 + R2": lambda: de_an06_both(plan, obs),
            "pandas groupby, R1 + R2": lambda: pandas_both(frame),
            "bare numpy bincount, R1 + R2": lambda: numpy_both(cols),
            "de_an06 roll_up, R2 alone": lambda: de_an06_yearly(plan, obs),
            "pandas groupby, R2 alone": lambda: pandas_yearly(frame),
        },
        args.repeat,
    )
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    print(f"{len(obs):,} observations; store built in {ingest:.2f} s (checks included)")
    print(f"{'variant':32} {'median':>9} {'min':>9} {'× pandas':>9}")
    for name, ts in times.items():
        baseline = medians["pandas groupby, " + name.split(", ")[1]]
        print(
            f"{name:32} {medians[name] * 1e3:7.1f}ms {min(ts) * 1e3:7.1f}ms "
            f"{medians[name] / baseline:9.2f}"
        )
    child = subprocess.run(
        [sys.executable, __file__, "--memory-child"], capture_output=True, text=True, check=True
    )
    memory = json.loads(child.stdout)
    print(
        f"memory: {memory['held_bytes'] / 2**20:.1f} MiB held for {memory['rows']:,} rows = "
        f"{memory['held_per_row']:.1f} B/row (columns alone: "
        f"{memory['column_bytes_per_row']:.1f} B/row)"
    )


if __name__ == "__main__":
    main()
