"""Forms out and back (#16): every agency's form for 202406, filled with openpyxl as a unit
would, collected into a ledger, and the ledger then says what the forms said."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from de_an06.forms.layout import FIRST_ROW, form_spec
from de_an06.ledger.model import Connected, TaskStatus
from de_an06.ledger.queries import reporters_of
from de_an06.ledger.store import Ledger
from de_an06.loading import load_plan

PLAN = load_plan("son-la-2024")
STATUSES = tuple(TaskStatus)


def _fill(path: Path, seed: int) -> dict[str, Any]:
    """Fill a form as a unit would; return what was entered (task → status, counts)."""
    book = load_workbook(path)
    entered: dict[str, Any] = {"tasks": {}, "indicators": {}, "services": {}}
    if "Nhiệm vụ" in book.sheetnames:
        sheet = book["Nhiệm vụ"]
        for row in range(FIRST_ROW, sheet.max_row + 1):
            code = sheet[f"A{row}"].value
            if code and (row + seed) % 3:  # leave every third task blank
                status = STATUSES[(row + seed) % len(STATUSES)]
                sheet[f"F{row}"] = status.label("vi")
                sheet[f"H{row}"] = 40 if status is TaskStatus.IN_PROGRESS else None
                sheet[f"J{row}"] = f"{row}/BC-UBND"
                entered["tasks"][code] = status
    if "Chỉ tiêu" in book.sheetnames:
        sheet = book["Chỉ tiêu"]
        for row in range(FIRST_ROW, sheet.max_row + 1):
            ident = sheet[f"A{row}"].value
            sheet[f"H{row}"], sheet[f"I{row}"] = row + seed, 100 + seed
            entered["indicators"][ident] = (row + seed, 100 + seed)
    if "Dịch vụ công" in book.sheetnames:
        sheet = book["Dịch vụ công"]
        for row in range(FIRST_ROW, sheet.max_row + 1):
            if sheet[f"C{row}"].value:  # a service row (headings have no reporting unit)
                sheet[f"D{row}"], sheet[f"E{row}"], sheet[f"F{row}"] = "x", 20, 15
                entered["services"][row] = (15, 20)
    book.save(path)
    return entered


def test_every_agency_round_trip(run: Any, tmp_path: Path) -> None:
    folder, db = tmp_path / "forms", str(tmp_path / "so-lieu.db")
    code, out, _ = run("form", "--all", "--period", "202406", "-o", str(folder))
    assert code == 0, out
    files = sorted(folder.glob("*.xlsx"))
    assert len(files) == 31  # every expected reporter of the plan
    entered = {f.name: _fill(f, seed) for seed, f in enumerate(files)}
    code, out, err = run(
        "collect", *map(str, files), "--received", "13/06/2024", "--db", db, "--format", "json"
    )
    assert code == 0, err
    outcomes = json.loads(out)["forms"]
    assert {o["outcome"] for o in outcomes} == {"recorded"}
    with Ledger.open(db) as ledger:
        events = ledger.events()
        rows = ledger.observation_rows()
        submissions = ledger.submissions(period="202406")
    assert len(submissions) == 31
    assert {s.submitted_on.isoformat() for s in submissions} == {"2024-06-13"}
    # Every task status entered is in the ledger, from that agency, with its cell.
    for form_file, values in entered.items():
        agency = form_file.removeprefix("bieu-mau-").removesuffix("-202406.xlsx")
        mine = {e.task: e for e in events if e.agency == agency}
        assert {t: e.status for t, e in mine.items()} == values["tasks"]
        assert all("Nhiệm vụ!F" in e.source for e in mine.values())
        counts = {
            r.indicator: (r.numerator, r.denominator)
            for r in rows
            if r.unit in agency and r.service is None
        }
        assert counts == values["indicators"]
    # Annex service counts land in the ledger too (schema 4), marked connected.
    services = [r for r in rows if r.service is not None]
    assert len(services) == sum(len(v["services"]) for v in entered.values())
    assert {(r.indicator, r.numerator, r.denominator) for r in services} == {("", 15, 20)}
    assert {r.connected for r in services} == {Connected.YES}
    # progress show: a task with one reporting agency has the status its form gave.
    code, out, _ = run("progress", "show", "--as-of", "14/06/2024", "--db", db, "--format", "json")
    shown = {t["task"]: t["status"] for t in json.loads(out)["tasks"]}
    single = {
        t.code: reporters_of(PLAN, t)[0] for t in PLAN.tasks if len(reporters_of(PLAN, t)) == 1
    }
    by = {(e.task, e.agency): e.status.value for e in events}
    checked = [code for code, agency in single.items() if (code, agency) in by]
    assert len(checked) > 10
    for code in checked:
        assert shown[code] == by[(code, single[code])], code
    # submissions: everyone on time (due Thursday 13/06/2024, "trước ngày 14/6").
    code, out, _ = run(
        "submissions", "--period", "202406", "--as-of", "20/06/2024", "--db", db, "--format", "json"
    )
    assert {r["status"] for r in json.loads(out)["reports"]} == {"on_time"}


def test_collect_twice_and_correct(run: Any, tmp_path: Path) -> None:
    path, db = tmp_path / "ms.xlsx", str(tmp_path / "l.db")
    run("form", "--agency", "UBND huyện Mai Sơn", "--period", "202407", "-o", str(path))
    _fill(path, 1)
    assert run("collect", str(path), "--received", "12/07/2024", "--db", db)[0] == 0
    with Ledger.open(db) as ledger:
        before = ledger.counts()
    code, out, _ = run("collect", str(path), "--received", "15/07/2024", "--db", db)
    assert code == 0
    assert "đã thu trước đây" in out
    with Ledger.open(db) as ledger:
        assert ledger.counts() == before  # collected twice, counted once
    book = load_workbook(path)
    book["Chỉ tiêu"][f"H{FIRST_ROW}"] = 7  # a corrected figure
    book.save(path)
    code, out, _ = run("collect", str(path), "--received", "15/07/2024", "--db", db)
    assert code == 0
    assert "bản sửa" in out
    with Ledger.open(db) as ledger:
        first, second = ledger.submissions(period="202407")
        assert second.supersedes == first.id
        events = ledger.events()
        replaced = {e.supersedes for e in events if e.supersedes is not None}
        assert len(replaced) == len(events) // 2  # each task's first event is superseded


def test_form_with_errors_is_refused_with_cells_and_writes_nothing(
    run: Any, tmp_path: Path
) -> None:
    path, db = tmp_path / "ms.xlsx", str(tmp_path / "l.db")
    run("form", "--agency", "UBND huyện Mai Sơn", "--period", "202407", "-o", str(path))
    _fill(path, 0)
    book = load_workbook(path)
    tasks, figures = book["Nhiệm vụ"], book["Chỉ tiêu"]
    tasks[f"F{FIRST_ROW}"] = "xong rồi"  # not a status
    tasks[f"G{FIRST_ROW + 1}"] = "31/12/2024"  # outside 15/06–14/07/2024
    tasks[f"H{FIRST_ROW + 1}"] = 140
    figures[f"H{FIRST_ROW}"], figures[f"I{FIRST_ROW}"] = 120, 100  # numerator > denominator
    figures[f"H{FIRST_ROW + 1}"] = "mười"  # text in a number cell
    figures[f"I{FIRST_ROW + 2}"] = "=1+1"  # a formula where a value is expected
    book.save(path)
    code, _, err = run("collect", str(path), "--received", "12/07/2024", "--db", db)
    assert code == 2
    for cell in (
        f"Nhiệm vụ!F{FIRST_ROW}",
        f"Nhiệm vụ!G{FIRST_ROW + 1}",
        f"Nhiệm vụ!H{FIRST_ROW + 1}",
        f"Chỉ tiêu!H{FIRST_ROW}",
        f"Chỉ tiêu!H{FIRST_ROW + 1}",
        f"Chỉ tiêu!I{FIRST_ROW + 2}",
    ):
        assert cell in err, cell
    assert "'xong rồi'" in err
    assert "not a whole number" in err
    assert "số nguyên" in err
    with Ledger.open(db) as ledger:
        assert ledger.counts() == {"task_events": 0, "submissions": 0, "observation_rows": 0}


def test_deleted_row_and_renamed_sheet_are_refused(tmp_path: Path) -> None:
    from de_an06.forms.build import write_form
    from de_an06.forms.layout import FormError
    from de_an06.forms.read import read_form

    spec = form_spec(PLAN, "Công an tỉnh", "202407")
    path = tmp_path / "ca.xlsx"
    write_form(spec, path)
    book = load_workbook(path)
    book["Nhiệm vụ"].delete_rows(FIRST_ROW + 2)
    book.save(path)
    with pytest.raises(FormError, match=rf"Nhiệm vụ!A{FIRST_ROW + 2}: .*moved"):
        read_form(PLAN, path)
    write_form(spec, path)
    book = load_workbook(path)
    book["Dịch vụ công"].title = "DVC"
    book.save(path)
    with pytest.raises(FormError, match="'Dịch vụ công' is missing"):
        read_form(PLAN, path)


def test_warnings_for_edited_locked_cells_added_rows_and_falls(tmp_path: Path) -> None:
    from de_an06.forms.build import write_form
    from de_an06.forms.read import read_form

    spec = form_spec(PLAN, "UBND huyện Mai Sơn", "202407")
    path = tmp_path / "ms.xlsx"
    write_form(spec, path, previous={spec.indicators[0].id: (90, 100)})
    book = load_workbook(path)
    book["Nhiệm vụ"][f"D{FIRST_ROW}"] = "sửa thời hạn"
    book["Nhiệm vụ"].cell(row=200, column=2, value="một dòng thêm")
    book["Chỉ tiêu"][f"H{FIRST_ROW}"], book["Chỉ tiêu"][f"I{FIRST_ROW}"] = 50, 100
    book.save(path)
    form = read_form(PLAN, path)
    text = "\n".join(form.warnings)
    assert f"Nhiệm vụ!D{FIRST_ROW}" in text
    assert "locked cell" in text
    assert "Nhiệm vụ!A200" in text
    assert "row added" in text
    assert f"Chỉ tiêu!H{FIRST_ROW}" in text
    assert "fell by more than 20%" in text


def test_evaluate_db_gives_the_counts_the_forms_gave(run: Any, tmp_path: Path) -> None:
    folder, db = tmp_path / "forms", str(tmp_path / "so-lieu.db")
    code, out, _ = run("form", "--all", "--period", "202406", "-o", str(folder))
    assert code == 0, out
    districts = sorted(folder.glob("bieu-mau-ubnd-huyen-*.xlsx"))
    assert len(districts) == 11  # the district committees (the city's is "ubnd-thanh-pho")
    for seed, form in enumerate(sorted(folder.glob("*.xlsx"))):
        _fill(form, seed)
    code, _, err = run(
        "collect", *map(str, sorted(folder.glob("*.xlsx"))), "--received", "13/06/2024",
        "--db", db, "--format", "json",
    )  # fmt: skip
    assert code == 0, err
    with Ledger.open(db) as ledger:
        rows = ledger.observation_rows()
    assert len(rows) > 100
    expected = {  # indicator counts; service counts go to the annex (`annex --db`)
        (r.indicator, r.unit): Fraction(r.numerator, r.denominator)
        for r in rows
        if r.service is None
    }
    code, out, err = run(
        "evaluate", "--db", db, "--as-of", "14/06/2024", "--period", "202406", "--format", "json"
    )
    assert code == 0, err
    records = json.loads(out)
    got = {
        (r["indicator"], r["unit"]): Fraction(*map(int, r["ratio"].split("/")))
        for r in records
        if r["ratio"]
    }
    assert got == expected  # every count a unit entered, and nothing else
