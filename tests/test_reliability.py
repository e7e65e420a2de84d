"""Reliability, round two (#13): every example of the issue, one test per category's root."""

from __future__ import annotations

import ast
import json
import multiprocessing
import os
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest

import de_an06
from de_an06 import _files
from de_an06._dates import FIRST_DAY, LAST_DAY, MAX_DAYS, add_days
from de_an06._tables import neutralise, to_csv, to_markdown
from de_an06.cli import main
from de_an06.errors import (
    MAX_PROBLEMS,
    DateRangeError,
    ExportError,
    ObservationDataError,
    PlanDataError,
    Problem,
)

PLAN = de_an06.load_plan("son-la-2024")
DATA = json.loads(
    (Path(de_an06.__file__).parent / "data" / "son-la-2024.json").read_text(encoding="utf-8")
)
EDGES = (date(1, 1, 1), date(9999, 12, 31))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# 1. Dates at the calendar's edges: one guard (_dates.check_day), DateRangeError.


@pytest.mark.parametrize("day", EDGES)
def test_every_public_date_function_refuses_edge_days(day: date) -> None:
    calls = [
        lambda: de_an06.tasks_due_within(PLAN, day, 1),
        lambda: de_an06.overdue_tasks(PLAN, day),
        lambda: de_an06.ReportingPeriod.containing(day, de_an06.Frequency.MONTHLY),
        lambda: PLAN.reporting.next_due(day) if PLAN.reporting else None,
        lambda: de_an06.build_report(PLAN, as_of=day),
    ]
    for call in calls:
        with pytest.raises(DateRangeError, match="1900-01-01 to 2999-12-31"):
            call()


def test_the_range_itself_works_at_both_ends() -> None:
    for day in (FIRST_DAY, LAST_DAY):
        de_an06.build_report(PLAN, as_of=day)
        de_an06.ReportingPeriod.containing(day, de_an06.Frequency.YEARLY)
        assert de_an06.tasks_due_within(PLAN, day, MAX_DAYS) is not None
    assert add_days(LAST_DAY, MAX_DAYS) == LAST_DAY  # nothing is due later
    with pytest.raises(DateRangeError):
        add_days(FIRST_DAY, MAX_DAYS + 1)


@pytest.mark.parametrize(
    "argv",
    [
        ("report", "--as-of", "0001-01-01"),
        ("report", "--as-of", "9999-12-31"),
        ("report", "--within", "100000000000000000000"),
        ("matrix", "--workload", "--soon", "10000000000000"),
        ("evaluate", "--as-of", "20250115"),
    ],
)
def test_cli_edges_exit_2_with_one_message(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...]
) -> None:
    try:
        code, _, err = run(capsys, *argv)
    except SystemExit as exc:  # argparse refusing the value: exit 2 with its usage line
        code, err = int(str(exc.code)), capsys.readouterr().err
    assert code == 2
    assert "Traceback" not in err
    assert "error" in err


def test_deadlines_within_huge_is_refused_by_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["deadlines", "--within", "100000000000000000000"])
    assert info.value.code == 2
    assert "not a number of days" in capsys.readouterr().err


# 2. Plans that load, then crash later: refused at load, naming the field.


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(year=0), "$"),
        (lambda d: d["decision"].update(date="0001-01-01"), "$.decision.date"),
        (lambda d: d["decision"].update(date="20240115"), "$.decision.date"),
        (lambda d: d["decision"].update(date="2024-W03-3"), "$.decision.date"),
        (lambda d: d["decision"].update(date="2024-01-15\n"), "$.decision.date"),
        (lambda d: d["decision"].update(date="２０２４-01-15"), "$.decision.date"),
    ],
)
def test_out_of_range_or_non_iso_values_are_refused_at_load(change: Any, path: str) -> None:
    data = json.loads(json.dumps(DATA))
    change(data)
    with pytest.raises(PlanDataError) as info:
        de_an06.loads_plan(json.dumps(data, ensure_ascii=False), source="p.json")
    assert any(p.path == path for p in info.value.problems), info.value


def test_a_deadline_before_the_first_day_is_refused_with_its_path() -> None:
    data = json.loads(json.dumps(DATA))
    deadline = {"kind": "on_date", "text": "x", "date": "0001-01-01", "before": True}
    data["task_groups"][0]["tasks"][0]["deadline"] = deadline
    with pytest.raises(PlanDataError, match=r"task_groups\[0\]\.tasks\[0\]\.deadline"):
        de_an06.loads_plan(json.dumps(data))


def test_import_without_a_year_gives_a_plan_that_loads() -> None:
    result = de_an06.import_text("III. NHIỆM VỤ\n1. Nhóm\n(1) Làm việc.\n")
    assert result.plan.year == FIRST_DAY.year
    assert any("no plan year" in w.message for w in result.warnings)
    text = de_an06.dumps_plan(result.plan)
    assert de_an06.loads_plan(text) == result.plan
    de_an06.build_report(de_an06.loads_plan(text), as_of=date(2024, 6, 30))


# 7. Exact numbers and period ids: ASCII, and load(dump(x)) == x.


def test_an_exact_number_the_loader_accepts_dumps_in_a_form_it_reads() -> None:
    data = json.loads(json.dumps(DATA))
    path = next(
        (i, j) for i, o in enumerate(data["objectives"]) for j, _ in enumerate(o["indicators"])
    )
    indicator = data["objectives"][path[0]]["indicators"][path[1]]
    indicator["target"] = {**(indicator.get("target") or {}), "value": "1/" + str(2**100)}
    indicator["target"].setdefault("comparator", ">=")
    plan = de_an06.loads_plan(json.dumps(data))
    text = de_an06.dumps_plan(plan)
    assert de_an06.loads_plan(text) == plan
    assert de_an06.dumps_plan(de_an06.loads_plan(text)) == text
    assert Fraction(1, 2**100) in {i.target.value for i in plan.indicators if i.target}


@pytest.mark.parametrize("text", ["２０２４", "٢٠٢٤01", "202401\n", "2024-01"])
def test_period_ids_are_ascii_only(text: str) -> None:
    with pytest.raises(de_an06.PeriodIdError):
        de_an06.ReportingPeriod.from_id(text)


# 3 and 7. Observation input.

HEADER = "indicator,unit,period,numerator,denominator\n"


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "counts.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_count_of_4301_digits_with_leading_zeros(tmp_path: Path) -> None:
    path = _csv(tmp_path, HEADER + "II.4,Mai Sơn,202406," + "0" * 4300 + "1,5\n")
    assert de_an06.Observations.from_csv(path, PLAN).numerator.tolist() == [1]


def test_a_row_longer_than_the_header_is_an_error(tmp_path: Path) -> None:
    path = _csv(tmp_path, HEADER + "II.4,Huyện Mai Sơn,202406,1,234,5,678\n")
    with pytest.raises(ObservationDataError, match="7 cells, the header has 5"):
        de_an06.Observations.from_csv(path, PLAN)


def test_header_only_csv_with_an_unknown_indicator(tmp_path: Path) -> None:
    path = _csv(tmp_path, "unit,period,numerator,denominator\n")
    assert len(de_an06.Observations.from_csv(path, PLAN, indicator="ZZ")) == 0


def test_records_nested_deep_and_with_mixed_keys() -> None:
    nested: list[Any] = []
    for _ in range(3000):
        nested = [nested]
    record: dict[Any, object] = {"indicator": "II.4", "unit": "Mai Sơn", "period": "202406"}
    record |= {"numerator": 1, "denominator": 2, "connected": nested}
    with pytest.raises(ObservationDataError, match="connected: not yes/no"):
        de_an06.Observations.from_records([record], PLAN)
    mixed: dict[Any, object] = {**record, "connected": "x", 1: "x", (2,): "y"}
    with pytest.raises(ObservationDataError, match="unknown key"):
        de_an06.Observations.from_records([mixed], PLAN)


def test_a_data_frame_with_two_columns_for_one_field() -> None:
    pd = pytest.importorskip("pandas")
    for names in (["numerator", "numerator"], ["numerator", "Tử số"]):
        frame = pd.DataFrame(
            [["II.4", "Mai Sơn", "202406", 1, 2, 3]],
            columns=["indicator", "unit", "period", *names, "denominator"],
        )
        with pytest.raises(ObservationDataError, match="second numerator column"):
            de_an06.Observations.from_dataframe(frame, PLAN)


# 9. Size: inputs capped, errors keep the first MAX_PROBLEMS problems and a count.


def test_errors_keep_the_first_problems_and_count_the_rest() -> None:
    many = (Problem(source="s", path="$", value=i, message="bad") for i in range(5000))
    error = PlanDataError("s", many)
    assert len(error.problems) == MAX_PROBLEMS
    assert error.more == 5000 - MAX_PROBLEMS
    assert "and 4,000 more" in str(error)


def test_long_wording_and_names_are_refused_fast() -> None:
    text = "Quý I/2024 " * 200_000  # 2.2 MB
    assert isinstance(de_an06.parse_deadline(text), de_an06.Unparsed)
    with pytest.raises(de_an06.DeadlineSyntaxError, match="longer than 10,000"):
        de_an06.parse_deadline(text, strict=True)
    with pytest.raises(de_an06.AgencyLookupError, match="at most 1,000"):
        de_an06.resolve_agency(PLAN, "Sở " * 1_000_000)


# 5. Amplification: groups of groups.


def _nested_groups(count: int, *, cycle: bool) -> dict[str, Any]:
    data = json.loads(json.dumps(DATA))
    first = data["agencies"][0]["key"]
    groups = [
        {"key": f"g{i}", "name": f"Nhóm {i}", "members": [f"g{i + 1}", f"g{i + 1}"]}
        for i in range(count)
    ]
    groups.append({"key": f"g{count}", "name": "Nhóm cuối", "members": ["g0" if cycle else first]})
    data["agency_groups"] += groups
    mention = data["task_groups"][0]["tasks"][0]["roles"][0]["assignments"][0]["agencies"][0]
    mention["agency"] = "g0"
    return data


def test_groups_of_groups_expand_once_each() -> None:
    plan = de_an06.plan_from_dict(_nested_groups(30, cycle=False))
    matrix = de_an06.responsibility_matrix(plan, expand=True)  # was: minutes
    assert PLAN.agencies[0].key in {e.agency for e in matrix.entries}


def test_a_cycle_of_groups_is_refused_at_load() -> None:
    with pytest.raises(PlanDataError, match="contain each other: g0 → g1") as info:
        de_an06.plan_from_dict(_nested_groups(3, cycle=True), source="cycle.json")
    assert info.value.problems[0].path.startswith("$.agency_groups[")


# 4 and 6. Outputs: atomic, never onto an input, our ExportError.


def test_a_failing_writer_leaves_the_old_file_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    target.write_bytes(b"old contents")

    def failing(path: str) -> None:
        Path(path).write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="No space left"):
        _files.write_atomic(target, failing, error=ExportError)
    assert target.read_bytes() == b"old contents"
    assert os.listdir(tmp_path) == ["plan.json"]  # no temporary file left behind


def test_a_failure_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.json"
    de_an06.dump_plan(PLAN, target)
    before = target.read_bytes()

    def boom(*_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", boom)
    plan = attrs.evolve(PLAN, title="changed")
    with pytest.raises(ExportError, match="Input/output error"):
        de_an06.dump_plan(plan, target)
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["plan.json"]


def test_dump_plan_onto_a_folder_or_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="it is a folder"):
        de_an06.dump_plan(PLAN, tmp_path)
    with pytest.raises(ExportError, match="No such file"):
        de_an06.dump_plan(PLAN, tmp_path / "missing" / "plan.json")


def test_import_onto_its_own_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_text("III. NHIỆM VỤ\n1. Nhóm\n(1) Làm.\n", encoding="utf-8")
    before = seed.read_bytes()
    code, _, err = run(capsys, "import", str(seed), "-o", str(seed))
    assert code == 2
    assert "one of the input files" in err
    assert seed.read_bytes() == before


@pytest.mark.parametrize("fmt", ["csv", "md", "json", "table"])
def test_matrix_output_onto_bad_places(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    for target in (tmp_path, tmp_path / "missing" / "m.csv"):
        code, _, err = run(capsys, "matrix", "--format", fmt, "-o", str(target))
        assert code == 2, err
        assert err.count("\n") == 1


def _write_many(path: str, marker: str) -> None:
    for _ in range(30):
        _files.write_atomic(path, marker * 50_000, error=ExportError)


def test_two_processes_writing_one_target_never_leave_a_mixed_file(tmp_path: Path) -> None:
    target = str(tmp_path / "out.txt")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(target, m)) for m in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    text = Path(target).read_text(encoding="utf-8")
    assert text in ("a" * 50_000, "b" * 50_000)


def test_xlsx_with_a_control_character_is_an_export_error(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from de_an06._tables import write_xlsx

    with pytest.raises(ExportError, match="U\\+0007"):
        write_xlsx(["a"], [["Sở\x07"]], tmp_path / "m.xlsx")
    assert not list(tmp_path.iterdir())


def test_a_lone_surrogate_prints_on_a_strict_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(json.dumps(DATA))
    data["agencies"][0]["name"] = "Sở \ud800"
    plan = de_an06.plan_from_dict(data)
    text = de_an06._tables.render_table([{"a": plan.agencies[0].name}], [("a", "A")])
    assert "\\ud800" in text
    text.encode("utf-8")  # strict
    de_an06._tables.to_json({"a": plan.agencies[0].name}).encode("utf-8")


def _writes(node: ast.Call) -> bool:
    """Whether a call writes a file: write_text/write_bytes/save, or open in a write mode."""
    name = getattr(node.func, "attr", getattr(node.func, "id", ""))
    if name in {"write_text", "write_bytes", "save"}:
        return True
    modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
    modes += [
        k.value.value
        for k in node.keywords
        if k.arg == "mode" and isinstance(k.value, ast.Constant)
    ]
    return name in {"open", "fdopen"} and any(
        isinstance(m, str) and bool(set(m) & set("wax+")) for m in modes
    )


def test_no_module_writes_a_file_but_write_atomic() -> None:
    root = Path(de_an06.__file__).parent
    found: list[tuple[str, str]] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)] + [tree]:
            body = function.body if isinstance(function, ast.Module) else [function]
            for node in (n for b in body for n in ast.walk(b)):
                if isinstance(node, ast.Call) and _writes(node):
                    where = function.name if isinstance(function, ast.FunctionDef) else "<module>"
                    found.append((path.relative_to(root).as_posix(), where))
    assert found, "the check finds write_atomic's own writes"
    assert {f for f in found if f[1] != "<module>"} == {("_files.py", "write_atomic")}


# 8. Injection.


@pytest.mark.parametrize(
    "lead", ["\n", "\x00", "\u00a0", "\u3000", "\ufeff", "\u200b", "\x0b", "\x0c", " \r"]
)
def test_hidden_leading_characters_do_not_hide_a_formula(lead: str) -> None:
    cell = lead + "=HYPERLINK(1)"
    assert neutralise(cell) == "'" + cell
    row = to_markdown(["a"], [[cell]]).splitlines()[2]
    assert row.startswith("| '")  # the "'" stays first: line breaks become spaces after it
    assert "\"'" in to_csv(["a"], [[cell]])


@pytest.mark.parametrize("cell", ["＝1+1", "＋A1", "－A1", "＠SUM(A1)"])
def test_fullwidth_formula_starts(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


def test_numbers_are_never_neutralised() -> None:
    assert neutralise("-3.56") == "-3.56"
    assert to_csv(["m"], [["-3.56"], [-3]]).splitlines()[1:] == ['"-3.56"', "-3"]


def test_markdown_escapes_html_in_cells_headings_and_paragraphs() -> None:
    assert "&lt;script>" in to_markdown(["<script>"], [["<script>alert(1)</script>"]])
    plan = attrs.evolve(PLAN, title="<script>alert(1)</script>")
    text = de_an06.build_report(plan, as_of=date(2024, 6, 30)).to_markdown()
    assert "<script>" not in text
    assert "&lt;script>alert(1)&lt;/script>" in text
