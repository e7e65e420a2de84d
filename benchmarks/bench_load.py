"""Loading and dumping a national-shape plan: de_an06 against a pydantic v2 mirror.

    python benchmarks/bench_load.py [--repeat 9] [--warmup 2] [--json OUT.json]

Both sides read the same bytes (`national_plan.plan_bytes()`, ~2.7 MB) in the same
process. Variants run round-robin (A1, B1, …, A2, B2, …) with ``gc.collect()`` before each
run; a variant's figure is the median of its runs after warm-up, and a ratio is a ratio of
medians from this one run (the method of ``../shared/anchor-bench/common.py``).

Before timing, every variant's result is checked: de_an06's plan equals itself after a
dump/load round trip and its data equals the input; pydantic's dump re-read equals the
input data; and both sides reject the same bad inputs (`STRICTNESS_CASES`).

What the pydantic mirror (`P`) validates, field for field the de_an06 schema:

* ``extra="forbid"``: unknown keys are errors, at every level;
* ``strict=True``: no str/int/bool/float coercion; dates only from ISO strings; enums only
  from their values (de_an06's own enum classes);
* ``frozen=True`` models and tuples for sequences;
* deadlines as a tagged union, ``Field(discriminator="kind")``, ``Compound`` recursive;
* exact numbers: a strict int, or a string matching de_an06's decimal/ratio patterns,
  turned into `fractions.Fraction` (written back with de_an06's `fraction_text`);
* ``WithinPeriod`` runs the same period check (``period_bounds``) as de_an06's
  ``__attrs_post_init__``.

What it does not do unless the row says so: NFC-normalise strings (row "+ NFC": an
``AfterValidator`` on every string) and check cross-references (row "+ references": the
same `reference_problems` de_an06 runs, on the pydantic objects). The baseline row does
neither, so it is the harder bar: de_an06 does both inside ``loads_plan``.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

import attrs
import orjson
import pydantic
from pydantic import AfterValidator, Field, PlainSerializer, StrictBool, StrictInt, StrictStr

import de_an06
from de_an06 import (
    Aggregation,
    Comparator,
    Frequency,
    Level,
    Measure,
    MeasureKind,
    PeriodUnit,
    Relation,
    Role,
    ScopeKind,
    Unit,
)
from de_an06._converter import fraction_text, make_converter
from de_an06._dates import period_bounds
from de_an06._integrity import reference_problems
from de_an06._text import nfc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from national_plan import plan_bytes, shape

# --- the pydantic mirror --------------------------------------------------------------

_EXACT_PATTERN = r"^(?:-?\d+(?:\.\d+)?|-?\d+/[1-9]\d*)$"  # de_an06's _DECIMAL | _RATIO
Exact = Annotated[
    StrictInt | Annotated[StrictStr, Field(pattern=_EXACT_PATTERN)],
    AfterValidator(Fraction),
    PlainSerializer(fraction_text, return_type=str),
]


def mirror(Str: Any) -> Any:
    """The pydantic models of the de_an06 schema, with *Str* as the string type."""
    config = pydantic.ConfigDict(extra="forbid", strict=True, frozen=True)

    class Model(pydantic.BaseModel):
        model_config = config

    class Ongoing(Model):
        kind: Literal["ongoing"]
        text: Str

    class OnDate(Model):
        kind: Literal["on_date"]
        text: Str
        date: date
        before: StrictBool = False
        inclusive: StrictBool = False

    class WithinPeriod(Model):
        kind: Literal["within_period"]
        text: Str
        year: StrictInt
        unit: PeriodUnit
        number: StrictInt = 1

        @pydantic.model_validator(mode="after")
        def _period(self) -> WithinPeriod:
            period_bounds(self.year, self.unit.value, self.number)  # as __attrs_post_init__
            return self

    class RelativeToEvent(Model):
        kind: Literal["event"]
        text: Str
        event: Str
        relation: Relation
        event_date: date | None = None

    class AsDirected(Model):
        kind: Literal["as_directed"]
        text: Str
        by: Str = ""

    class Unparsed(Model):
        kind: Literal["unparsed"]
        text: Str

    class Compound(Model):
        kind: Literal["compound"]
        text: Str
        parts: tuple[Deadline, ...]

    Deadline = Annotated[
        Ongoing | OnDate | WithinPeriod | RelativeToEvent | AsDirected | Compound | Unparsed,
        Field(discriminator="kind"),
    ]

    class Mention(Model):
        agency: Str
        text: Str
        count: StrictInt | None = None

    class Assignment(Model):
        role: Role
        agencies: tuple[Mention, ...]

    class RoleLine(Model):
        label: Str
        text: Str
        assignments: tuple[Assignment, ...]

    class Task(Model):
        code: Str
        text: Str
        roles: tuple[RoleLine, ...]
        deadline: Deadline
        deadline_label: Str = "Thời gian hoàn thành"
        note: Str = ""

    class TaskGroup(Model):
        number: StrictInt
        title: Str
        tasks: tuple[Task, ...]

    class Target(Model):
        comparator: Comparator
        value: Exact
        text: Str = ""

    class Scope(Model):
        kind: ScopeKind
        key: Str
        text: Str = ""

    class TargetOverride(Model):
        scope: Scope
        target: Target
        baseline: Exact | None = None

    class Indicator(Model):
        id: Str
        text: Str
        unit: Unit = Unit.PERCENT
        target: Target | None = None
        overrides: tuple[TargetOverride, ...] = ()
        baseline: Exact | None = None
        qualitative: StrictBool = False
        numerator: Str = ""
        denominator: Str = ""
        measure: Measure = Measure.FLOW
        aggregation: Aggregation = Aggregation.POOLED
        kind: MeasureKind = MeasureKind.RATIO
        condition: Target | None = None
        note: Str = ""

    class Objective(Model):
        id: Str
        text: Str
        indicators: tuple[Indicator, ...] = ()

    class ReportingRule(Model):
        frequency: Frequency
        text: Str
        day: StrictInt
        months: tuple[StrictInt, ...] = ()
        before: StrictBool = True

    class ReportingRegime(Model):
        text: Str
        rules: tuple[ReportingRule, ...] = ()
        ad_hoc: StrictBool = False
        recipient: Str | None = None
        forward_to: tuple[Str, ...] = ()

    class Service(Model):
        number: Str
        number_text: Str
        name: Str
        reporting_units: tuple[Str, ...] = ()
        reporting_units_text: Str = ""
        items: tuple[Service, ...] = ()
        note: Str = ""

    class ServiceSection(Model):
        number: Str
        title: Str
        services: tuple[Service, ...]

    class Annex(Model):
        title: Str
        columns: tuple[Str, ...]
        sections: tuple[ServiceSection, ...]

    class Locality(Model):
        key: Str
        name: Str
        level: Level
        kind: Str = ""
        parent: Str | None = None
        aliases: tuple[Str, ...] = ()
        segments: tuple[Str, ...] = ()
        valid_from: date | None = None
        valid_to: date | None = None

    class Agency(Model):
        key: Str
        name: Str
        level: Level
        aliases: tuple[Str, ...] = ()
        locality: Str | None = None
        external: StrictBool = False
        note: Str = ""

    class AgencyGroup(Model):
        key: Str
        name: Str
        members: tuple[Str, ...] = ()
        open: StrictBool = False
        aliases: tuple[Str, ...] = ()
        note: Str = ""

    class Decision(Model):
        number: Str
        date: date
        issuer: Str
        signer: Str
        signer_title: Str = ""
        title: Str = ""
        place: Str = ""
        proposal: Str = ""
        effective: date | None = None
        effective_text: Str = ""

    class PilotModels(Model):
        task: Str
        total: StrictInt
        text: Str = ""

    class Plan(Model):
        schema_version: Literal[1]
        id: Str
        title: Str
        year: StrictInt
        province: Str
        decision: Decision
        legal_bases: tuple[Str, ...] = ()
        purposes: tuple[Str, ...] = ()
        objectives: tuple[Objective, ...] = ()
        task_groups: tuple[TaskGroup, ...] = ()
        reporting: ReportingRegime | None = None
        annex: Annex | None = None
        pilot_models: PilotModels | None = None
        localities: tuple[Locality, ...] = ()
        agencies: tuple[Agency, ...] = ()
        agency_groups: tuple[AgencyGroup, ...] = ()
        closing: tuple[Str, ...] = ()
        notes: tuple[Str, ...] = ()

        @property
        def tasks(self) -> tuple[Task, ...]:  # what reference_problems reads
            return tuple(t for g in self.task_groups for t in g.tasks)

    for model in (Compound, Service, Plan):
        model.model_rebuild(_types_namespace=locals())
    return Plan


def mirror_mismatches(plan_model: Any) -> list[str]:
    """Classes whose fields differ between de_an06 and the mirror (the model evolves)."""
    models: dict[str, Any] = {}

    def collect(model: Any) -> None:
        if model.__name__ in models:
            return
        models[model.__name__] = model
        for field in model.model_fields.values():
            for arg in _leaf_types(field.annotation):
                if isinstance(arg, type) and issubclass(arg, pydantic.BaseModel):
                    collect(arg)

    collect(plan_model)
    found = []
    for name, model in sorted(models.items()):
        ours = [f.name for f in attrs.fields(getattr(de_an06, name))]
        # Literal fields are wire tags (a deadline's "kind", "schema_version"), not fields.
        theirs = [
            name
            for name, field in model.model_fields.items()
            if get_origin(field.annotation) is not Literal
        ]
        if ours != theirs:
            found.append(f"{name}: de_an06 {ours} / mirror {theirs}")
    return found


def _leaf_types(annotation: Any) -> list[Any]:
    args = get_args(annotation)
    return [leaf for arg in args for leaf in _leaf_types(arg)] if args else [annotation]


@cache
def pydantic_models() -> tuple[Any, Any]:
    """The mirror (strings as they are) and its twin that NFC-normalises every string."""
    return mirror(StrictStr), mirror(Annotated[StrictStr, AfterValidator(nfc)])


# --- checks ---------------------------------------------------------------------------


def _mutate(doc: dict[str, Any], change: Callable[[dict[str, Any]], object]) -> bytes:
    bad = copy.deepcopy(doc)
    change(bad)
    return json.dumps(bad, ensure_ascii=False).encode()


def _task(doc: dict[str, Any]) -> dict[str, Any]:
    task: dict[str, Any] = doc["task_groups"][0]["tasks"][0]
    return task


def _target(doc: dict[str, Any]) -> dict[str, Any]:
    target: dict[str, Any] = doc["objectives"][0]["indicators"][0]["target"]
    return target


QUARTER_5 = {"kind": "within_period", "text": "Quý V", "year": 2025, "unit": "quarter", "number": 5}
STRICTNESS_CASES: dict[str, Callable[[dict[str, Any]], object]] = {
    "unknown key in a task": lambda d: _task(d).update(colour="red"),
    "year as a string": lambda d: d.update(year="2025"),
    "group number as a bool": lambda d: d["task_groups"][0].update(number=True),
    "text as a number": lambda d: _task(d).update(text=5),
    "aliases as a string": lambda d: d["agencies"][0].update(aliases="UBND"),
    "unknown deadline kind": lambda d: _task(d).update(deadline={"kind": "someday", "text": "x"}),
    "quarter 5": lambda d: _task(d).update(deadline=QUARTER_5),
    "target value as a float": lambda d: _target(d).update(value=65.5),
    "target value in exponent form": lambda d: _target(d).update(value="1e3"),
    "date not ISO": lambda d: d["decision"].update(date="29/01/2024"),
    "unknown enum value": lambda d: d["agencies"][0].update(level="ward"),
    "missing field": lambda d: d["decision"].pop("signer"),
}


def check(raw: bytes) -> None:
    """Every variant gives the input back, and both sides reject the same bad inputs."""
    plain, nfc_twin = pydantic_models()
    mismatches = mirror_mismatches(plain)
    assert not mismatches, "update the pydantic mirror:\n" + "\n".join(mismatches)
    doc = json.loads(raw)
    plan = de_an06.loads_plan(raw)
    assert de_an06.plan_to_dict(plan) == doc
    text = de_an06.dumps_plan(plan)
    assert de_an06.loads_plan(text) == plan
    assert de_an06.dumps_plan(de_an06.loads_plan(text)) == text  # byte-identical re-dump
    assert de_an06.plan_from_dict(json.loads(raw)) == plan  # the standard library's parse
    assert json.dumps(doc, ensure_ascii=False, indent=2) + "\n" == text  # and its layout
    for model in (plain, nfc_twin):
        obj = model.model_validate_json(raw)
        assert json.loads(obj.model_dump_json()) == doc
        assert obj.model_dump_json(indent=2) + "\n" == text  # the very same text
        assert model.model_validate_json(obj.model_dump_json()) == obj
        assert reference_problems(obj, "pydantic") == []
    for name, change in STRICTNESS_CASES.items():
        bad = _mutate(doc, change)
        for label, load in (
            ("de_an06", de_an06.loads_plan),
            ("pydantic", plain.model_validate_json),
        ):
            try:
                load(bad)
            except (de_an06.PlanDataError, pydantic.ValidationError):
                continue
            raise AssertionError(f"{label} accepted a bad input: {name}")


# --- timing ---------------------------------------------------------------------------

LOAD_BASELINE = "pydantic model_validate_json"
DUMP_BASELINES = ("pydantic model_dump_json(indent=2)", "pydantic model_dump_json()")


def interleaved(
    variants: dict[str, Callable[[], object]], repeat: int, warmup: int
) -> dict[str, list[float]]:
    """Run each variant warmup + repeat times, round-robin; seconds of the timed runs."""
    times: dict[str, list[float]] = {name: [] for name in variants}
    for i in range(warmup + repeat):
        for name, run in variants.items():
            gc.collect()
            start = time.perf_counter()
            run()
            elapsed = time.perf_counter() - start
            if i >= warmup:
                times[name].append(elapsed)
    return times


def without_gc(load: Callable[[], object]) -> Callable[[], object]:
    """*load* with the cyclic garbage collector paused, to show what GC costs each side."""

    def run() -> object:
        gc.disable()
        try:
            return load()
        finally:
            gc.enable()

    return run


def time_load(raw: bytes, repeat: int, warmup: int) -> dict[str, float]:
    # Only what the rows need stays alive: a bigger live heap makes every full
    # collection slower, and pydantic (three GC-tracked objects per model) pays more.
    plain, nfc_twin = pydantic_models()
    plan = de_an06.loads_plan(raw)
    fields = {k: v for k, v in orjson.loads(raw).items() if k != "schema_version"}
    fast = make_converter()
    variants = {
        "de_an06 loads_plan": lambda: de_an06.loads_plan(raw),
        LOAD_BASELINE: lambda: plain.model_validate_json(raw),
        "pydantic + NFC": lambda: nfc_twin.model_validate_json(raw),
        "pydantic + references": lambda: reference_problems(plain.model_validate_json(raw), "p"),
        "de_an06 loads_plan, gc paused": without_gc(lambda: de_an06.loads_plan(raw)),
        "pydantic model_validate_json, gc paused": without_gc(
            lambda: plain.model_validate_json(raw)
        ),
        "de_an06 without orjson: plan_from_dict(json.loads)": lambda: de_an06.plan_from_dict(
            json.loads(raw)
        ),
        "  parse only: json.loads": lambda: json.loads(raw),
        "  parse only: orjson.loads": lambda: orjson.loads(raw),
        "  de_an06 converter structure only": lambda: fast.structure(fields, de_an06.Plan),
        "  de_an06 reference checks only": lambda: reference_problems(plan, "p"),
    }
    return _medians(interleaved(variants, repeat, warmup))


def time_dump(raw: bytes, repeat: int, warmup: int) -> dict[str, float]:
    plain, _ = pydantic_models()
    plan = de_an06.loads_plan(raw)
    p_obj = plain.model_validate_json(raw)
    doc = orjson.loads(raw)
    variants = {
        "de_an06 dumps_plan": lambda: de_an06.dumps_plan(plan),
        DUMP_BASELINES[0]: lambda: p_obj.model_dump_json(indent=2),
        DUMP_BASELINES[1]: p_obj.model_dump_json,
        "de_an06 without orjson: json.dumps(plan_to_dict, indent=2)": lambda: json.dumps(
            de_an06.plan_to_dict(plan), ensure_ascii=False, indent=2
        ),
        "  de_an06 plan_to_dict only": lambda: de_an06.plan_to_dict(plan),
        "  orjson.dumps(plan_to_dict, OPT_INDENT_2)": lambda: orjson.dumps(
            doc, option=orjson.OPT_INDENT_2
        ),
    }
    return _medians(interleaved(variants, repeat, warmup))


def _medians(times: dict[str, list[float]]) -> dict[str, float]:
    return {name: statistics.median(ts) for name, ts in times.items()}


COLD_DE_AN06 = """
import json, sys, time
t0 = time.perf_counter(); import de_an06; t1 = time.perf_counter()
raw = open(sys.argv[1], "rb").read()
t2 = time.perf_counter(); de_an06.loads_plan(raw); t3 = time.perf_counter()
de_an06.loads_plan(raw); t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "build + first load": t3 - t2, "second load": t4 - t3}))
"""
COLD_PYDANTIC = """
import json, sys, time
t0 = time.perf_counter(); import pydantic; t1 = time.perf_counter()
sys.path.insert(0, sys.argv[2]); import bench_load
raw = open(sys.argv[1], "rb").read()
t2 = time.perf_counter(); model, _ = bench_load.pydantic_models(); t3 = time.perf_counter()
model.model_validate_json(raw); t4 = time.perf_counter()
model.model_validate_json(raw); t5 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "build + first load": t4 - t2, "second load": t5 - t4}))
"""


def cold_start(raw: bytes) -> dict[str, dict[str, float]]:
    """Import, converter/model build plus first load, and a second load, in fresh processes."""
    path = Path(os.environ.get("TMPDIR", "/tmp")) / "de_an06-national-plan.json"
    path.write_bytes(raw)
    here = str(Path(__file__).resolve().parent)
    found = {}
    for name, code in (("de_an06", COLD_DE_AN06), ("pydantic", COLD_PYDANTIC)):
        out = subprocess.run(
            [sys.executable, "-c", code, str(path), here],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        found[name] = json.loads(out)
    return found


def run(repeat: int, warmup: int) -> dict[str, Any]:
    raw = plan_bytes()
    check(raw)
    gc.collect()
    packages = ("attrs", "cattrs", "orjson", "pydantic", "pydantic_core")
    return {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs",
        "packages": {p: metadata.version(p) for p in packages},
        "runs": {"repeat": repeat, "warmup": warmup},
        "input": shape(raw),
        "load": time_load(raw, repeat, warmup),
        "dump": time_dump(raw, repeat, warmup),
        "cold_start": cold_start(raw),
    }


def report(result: dict[str, Any]) -> str:
    """Markdown tables: medians, MB/s of the input plan, ratios to pydantic."""
    size = result["input"]["bytes"]
    runs = result["runs"]
    lines = [
        f"{result['date']}, {result['machine']}; "
        + ", ".join(f"{k} {v}" for k, v in result["packages"].items())
        + f"; median of {runs['repeat']} runs after {runs['warmup']} warm-up, round-robin",
        "input: " + ", ".join(f"{k} {v:,}" for k, v in result["input"].items()),
    ]
    dump_heads = " | ".join(f"× {b.removeprefix('pydantic ')}" for b in DUMP_BASELINES)
    for section, baselines, heads in (
        ("load", (LOAD_BASELINE,), "× pydantic"),
        ("dump", DUMP_BASELINES, dump_heads),
    ):
        rows = result[section]
        lines += [
            "",
            f"| {section} | median | MB/s | {heads} |",
            "|---|---:|---:|" + "---:|" * len(baselines),
        ]
        for name, med in rows.items():
            ratios = " | ".join(f"{med / rows[b]:.2f}" for b in baselines)
            lines.append(f"| {name} | {med * 1e3:.1f} ms | {size / med / 1e6:.0f} | {ratios} |")
    lines += ["", "| cold start (fresh process) | import | build + first load | second load |"]
    lines.append("|---|---:|---:|---:|")
    for name, cold in result["cold_start"].items():
        cells = " | ".join(f"{cold[k] * 1e3:.0f} ms" for k in cold)
        lines.append(f"| {name} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="timed runs per variant (≥7)")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args()
    result = run(args.repeat, args.warmup)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(report(result))


if __name__ == "__main__":
    main()
