"""``de-an06 progress`` and ``de-an06 submissions`` on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from de_an06.cli import main
from de_an06.ledger import Ledger


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_record_show_history(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "progress", "record", "6.1", "hoàn thành", "--on", "15/04/2024",
        "--by", "Sở TT&TT", "--evidence", "123/STTTT-CĐS ngày 15/4/2024", "--db", db,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "đã ghi #1: 6.1 so-tttt hoàn thành 15/04/2024\n"
    run(capsys, "progress", "record", "7.2", "in_progress", "--on", "2024-03-20",
        "--by", "so-tttt", "--percent", "60", "--db", db)  # fmt: skip
    code, out, _ = run(capsys, "progress", "show", "--as-of", "2024-06-30", "--db", db,
                       "--format", "json")  # fmt: skip
    assert code == 0
    tasks = {t["task"]: t for t in json.loads(out)["tasks"]}
    assert (tasks["6.1"]["progress"], tasks["6.1"]["days_late"]) == ("done_late", 10)
    assert tasks["7.2"]["progress"] == "overdue"
    assert tasks["8.1"]["progress"] == "overdue"
    assert tasks["3.4"]["progress"] == "no_report"
    code, out, _ = run(capsys, "progress", "show", "--as-of", "2024-06-30", "--db", db)
    assert "hoàn thành trễ hạn" in out
    assert "quá hạn, chưa hoàn thành" in out
    code, out, _ = run(capsys, "progress", "show", "--as-of", "2024-06-30", "--db", db,
                       "--lang", "en", "--agency", "Sở TT&TT")  # fmt: skip
    assert "done late" in out
    assert "3.4 " not in out  # not a task Sở TT&TT reports on
    code, out, _ = run(capsys, "progress", "record", "6.1", "done", "--on", "29/03/2024",
                       "--by", "so-tttt", "--supersedes", "1", "--db", db)  # fmt: skip
    code, out, _ = run(capsys, "progress", "history", "6.1", "--db", db, "--format", "json")
    events = json.loads(out)["events"]
    assert [(e["id"], e["on"], e["superseded_by"]) for e in events] == [
        (1, "2024-04-15", 3),
        (3, "2024-03-29", None),
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["9.9", "done", "--on", "15/04/2024", "--by", "so-tttt"], "no task '9.9'"),
        (["6.1", "finished", "--on", "15/04/2024", "--by", "so-tttt"], "unknown status"),
        (["6.1", "done", "--on", "15/04/2025", "--by", "so-tttt"], "outside the plan's year"),
        (["6.1", "done", "--on", "31/02/2024", "--by", "so-tttt"], "not a date"),
        (["6.1", "done", "--on", "15/04/2024", "--by", "Sở Không Có"], "no agency matches"),
        (["6.1", "done", "--on", "15/04/2024", "--by", "so-tttt", "--percent", "140"], "0..100"),
    ],
)
def test_bad_input_exits_2(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "x.db")
    code, _, err = run(capsys, "progress", "record", *argv, "--db", db)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert err.count("\n") == 1


def test_agency_without_role_is_warned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "x.db")
    code, _, err = run(capsys, "progress", "record", "2.4", "done", "--on", "01/05/2024",
                       "--by", "Sở Y tế", "--db", db)  # fmt: skip
    assert code == 0
    assert "warning: task 2.4: the plan names no role for 'so-y-te'" in err
    with Ledger.open(db) as ledger:
        assert len(ledger.events()) == 1


def test_import_all_or_nothing(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "cap-nhat.csv"
    good.write_text(
        "task,status,on,agency,percent,note,evidence\n"
        "6.1,done,15/04/2024,Sở TT&TT,,,123/STTTT-CĐS ngày 15/4/2024\n"
        "7.2,in_progress,2024-05-02,so-tttt,50,đang triển khai,\n",
        encoding="utf-8",
    )
    bad = tmp_path / "loi.csv"
    bad.write_text(
        "Mã nhiệm vụ,Trạng thái,Ngày,Đơn vị\n"
        "6.1,hoàn thành,15/04/2024,so-tttt\n"
        "7.2,xong rồi,15/04/2024,so-tttt\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "progress", "import", str(bad), "--db", db)
    assert code == 2
    assert f"{bad}: line 3, column status: value 'xong rồi'" in err
    assert "nothing was imported" in err
    with Ledger.open(db) as ledger:
        assert ledger.counts()["task_events"] == 0
    code, out, err = run(capsys, "progress", "import", str(good), "--db", db)
    assert (code, out) == (0, f"đã nhập 2 dòng từ {good}\n")
    with Ledger.open(db) as ledger:
        events = ledger.events()
    assert [e.source for e in events] == ["cap-nhat.csv:2", "cap-nhat.csv:3"]
    assert events[1].note == "đang triển khai"


def test_submissions(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "submissions", "record", "--by", "UBND huyện Mai Sơn",
                       "--period", "202407", "--on", "16/07/2024", "--db", db)  # fmt: skip
    assert code == 0
    assert "ubnd-huyen-mai-son" in out
    code, out, _ = run(capsys, "submissions", "--period", "202407", "--as-of", "31/07/2024",
                       "--db", db, "--format", "json")  # fmt: skip
    reports = {r["agency"]: r for r in json.loads(out)["reports"]}
    assert (
        reports["ubnd-huyen-mai-son"]["status"],
        reports["ubnd-huyen-mai-son"]["days_late"],
    ) == (
        "late",
        2,
    )
    assert reports["ubnd-huyen-moc-chau"]["status"] == "missing"
    code, _, err = run(capsys, "submissions", "record", "--by", "so-tttt", "--db", db)
    assert code == 2
    assert "needs --period, --on" in err


def test_summary_does_not_load_the_database_libraries() -> None:
    code = (
        "import sys\nfrom de_an06.cli import main\nmain(['summary'])\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'psycopg') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
