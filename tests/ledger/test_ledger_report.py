"""``--db`` on ``report``, ``deadlines`` and ``evaluate``: the ledger decides what was done,
what was late, who reported; without it the report says completion is unknown."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from de_an06 import Connected, ObservationRow, Submission, load_plan, open_ledger
from de_an06.cli import main
from de_an06.ledger.record import record_event
from de_an06.ledger.store import now_utc
from de_an06.report import Heading, Table, build_report, completed_from, progress_section

PLAN = load_plan("son-la-2024")
JULY_1 = date(2024, 7, 1)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def fill(db: str) -> None:
    """6.1 done late (15/04 against 01/04), 11.3 done on time, 8.1 in progress past due;
    Mai Sơn's June report on time, with a count of II.4."""
    with open_ledger(db) as ledger:
        record_event(ledger, PLAN, "6.1", "done", date(2024, 4, 15), "so-tttt")
        record_event(ledger, PLAN, "11.3", "done", date(2024, 3, 29), "so-tu-phap")
        record_event(ledger, PLAN, "8.1", "in_progress", date(2024, 5, 2), "so-noi-vu")
        ledger.add_submission(
            Submission(agency="ubnd-huyen-mai-son", period="202406",
                       submitted_on=date(2024, 6, 12), recorded_at=now_utc()),
            [ObservationRow(submission=0, indicator="II.4", unit="Mai Sơn", period="202406",
                            numerator=40, denominator=100)],
        )  # fmt: skip


def test_progress_section(db: str) -> None:
    fill(db)
    with open_ledger(db) as ledger:
        blocks = progress_section(PLAN, ledger, as_of=JULY_1)
        english = progress_section(PLAN, ledger, as_of=JULY_1, lang="en")
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings[1:3] == ["Hoàn thành trễ hạn (1)", "Quá hạn, chưa hoàn thành (5)"]
    late = blocks[blocks.index(Heading(5, "Hoàn thành trễ hạn (1)")) + 1]
    assert isinstance(late, Table)
    assert late.rows == (("6.1", "01/04/2024", "15/04/2024", "10"),)
    overdue = blocks[blocks.index(Heading(5, "Quá hạn, chưa hoàn thành (5)")) + 1]
    assert isinstance(overdue, Table)
    assert ("8.1", "01/04/2024", "đang thực hiện", "62") in overdue.rows
    assert "11.3" not in {row[0] for row in overdue.rows}  # done on 29/03, on time
    groups = blocks[2]
    assert isinstance(groups, Table)
    (group_6,) = [row for row in groups.rows if row[0].startswith("6.")]
    assert group_6[1:] == ("3", "0", "1", "0", "0", "2")
    rate_by_period = [b for b in blocks if isinstance(b, Table)][-2]
    assert ("tháng 6/2024", "14/06/2024", "31", "1", "0", "30") in rate_by_period.rows
    assert "Done late (1)" in [b.text for b in english if isinstance(b, Heading)]


def test_report_with_and_without_a_ledger(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db)
    code, out, err = run(capsys, "report", "--as-of", "2024-07-01", "--db", db)
    assert (code, err) == (0, "")
    assert "#### g) Tình hình thực hiện theo sổ theo dõi tiến độ" in out
    assert "##### Hoàn thành trễ hạn (1)" in out
    # 6.1 and 11.3 are done: no longer in the list of tasks past their deadline
    assert "#### a) Nhiệm vụ đã qua thời hạn (5)" in out
    assert "Kế hoạch không chứa thông tin hoàn thành" not in out
    assert "| Huyện Mai Sơn | năm 2024 | 40/100 | 40,00% | 1/1 |" in out  # the ledger's count
    code, out, _ = run(capsys, "report", "--as-of", "2024-07-01")
    assert code == 0
    assert "Kế hoạch không chứa thông tin hoàn thành" in out
    assert "#### a) Nhiệm vụ đã qua thời hạn (7)" in out
    assert "Đã qua hạn 145 ngày, chưa rõ đã hoàn thành" in out  # 3.7: no verdict without data
    assert "Quá hạn 145 ngày" not in out


def test_build_report_with_completed_from_the_ledger(db: str) -> None:
    fill(db)
    with open_ledger(db) as ledger:
        from de_an06 import task_states

        states = task_states(PLAN, ledger.latest_events(JULY_1), JULY_1)
        section = progress_section(PLAN, ledger, as_of=JULY_1)
    report = build_report(
        PLAN, as_of=JULY_1, completed=completed_from(states), progress_section=section
    )
    text = report.to_markdown()
    assert "#### a) Nhiệm vụ đã qua thời hạn (5)" in text
    assert "#### g) Tình hình thực hiện theo sổ theo dõi tiến độ" in text


def test_deadlines_with_a_ledger(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db)
    code, out, _ = run(capsys, "deadlines", "--as-of", "2024-07-01", "--db", db,
                       "--format", "json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert [(r["code"], r["done"], r["days"]) for r in data["done_late"]] == [
        ("6.1", "2024-04-15", 10)
    ]
    assert [r["code"] for r in data["done_on_time"]] == ["11.3"]
    assert {"6.1", "11.3"}.isdisjoint(r["code"] for r in data["overdue"])
    assert "8.1" in {r["code"] for r in data["overdue"]}


def test_evaluate_from_the_ledger(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db)
    code, out, _ = run(capsys, "evaluate", "--db", db, "--as-of", "2024-06-30",
                       "--format", "json")  # fmt: skip
    assert code == 0
    (record,) = [r for r in json.loads(out) if r["unit"] == "mai-son"]
    assert (record["indicator"], record["ratio"]) == ("II.4", "40/100")
    code, _, err = run(capsys, "evaluate", "--db", db, "--as-of", "2024-06-11")
    assert code == 2
    assert "no counts recorded on or before 11/06/2024" in err


@pytest.mark.parametrize("command", ["report", "deadlines"])
def test_a_missing_ledger_file_is_bad_input(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, command, "--as-of", "2024-07-01", "--db", "khong-co.db")
    assert code == 2
    assert "no ledger file 'khong-co.db'" in err
    assert "Traceback" not in err


def _service_counts(db: str) -> None:
    """Mai Sơn's June report with two annex service counts (schema 4) and an indicator count;
    a later submission corrects one of them."""

    def service(key: str, numerator: int, denominator: int, connected: Connected) -> ObservationRow:
        return ObservationRow(submission=0, indicator="", unit="UBND huyện Mai Sơn",
                              period="202406", numerator=numerator, denominator=denominator,
                              service=key, connected=connected)  # fmt: skip

    with open_ledger(db) as ledger:
        first = ledger.add_submission(
            Submission(agency="ubnd-huyen-mai-son", period="202406",
                       submitted_on=date(2024, 7, 1), recorded_at=now_utc()),
            [ObservationRow(submission=0, indicator="II.4", unit="Mai Sơn", period="202406",
                            numerator=40, denominator=100),
             service("I.1", 10, 40, Connected.NO), service("I.2", 3, 4, Connected.NO)],
        )  # fmt: skip
        ledger.add_submission(
            Submission(agency="ubnd-huyen-mai-son", period="202406",
                       submitted_on=date(2024, 7, 5), recorded_at=now_utc(), supersedes=first),
            [ObservationRow(submission=0, indicator="II.4", unit="Mai Sơn", period="202406",
                            numerator=45, denominator=100),
             service("I.1", 12, 40, Connected.YES), service("I.2", 3, 4, Connected.NO)],
        )  # fmt: skip


def _annex_of(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    code, out, err = run(capsys, "annex", *argv, "--format", "json")
    assert code == 0, err
    rows: list[dict[str, object]] = json.loads(out)["rows"]
    return rows


@pytest.mark.parametrize(
    "case",
    [("03/07/2024", 10, "", "40/100"), ("05/07/2024", 12, "x", "45/100")],
    ids=["first", "corrected"],
)
def test_annex_from_the_ledger_matches_the_same_counts_from_a_file(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: tuple[str, int, str, str]
) -> None:
    as_of, online, connected, ratio = case
    _service_counts(db)
    csv = tmp_path / "annex.csv"
    csv.write_text(
        "indicator,unit,period,numerator,denominator,service,connected\n"
        f",UBND huyện Mai Sơn,202406,{online},40,I.1,{connected}\n"
        ",UBND huyện Mai Sơn,202406,3,4,I.2,\n",
        encoding="utf-8",
    )
    common = ("--period", "202406", "--as-of", as_of)  # the ledger's day, as for evaluate
    from_db = _annex_of(capsys, "--db", db, *common)
    assert from_db == _annex_of(capsys, str(csv), *common)
    assert [r["Trực tuyến"] for r in from_db if r["Tổng số hồ sơ tiếp nhận"] == "40"] == [
        str(online)
    ]
    # The indicator count of the same submission still feeds evaluate.
    code, out, _ = run(capsys, "evaluate", "--db", db, "--as-of", as_of, "--format", "json")
    assert code == 0
    assert [r["ratio"] for r in json.loads(out) if r["indicator"] == "II.4"] == [ratio]


def test_annex_needs_a_file_or_a_ledger(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "annex")[0] == 2
    _service_counts(db)
    code, _, err = run(capsys, "annex", "x.csv", "--db", db)
    assert (code, "annex: give FILE or --db, not both" in err) == (2, True)
