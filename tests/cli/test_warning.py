"""``de-an06 trajectory`` and ``de-an06 digest`` (#20)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Run

MONTHLY = str(Path(__file__).parents[2] / "examples" / "data" / "son-la-2024-monthly.csv")


def test_trajectory_table_names_status_numbers_and_assumption(run: Run) -> None:
    code, out, err = run("trajectory", MONTHLY, "--as-of", "2024-06-30")
    assert code == 0, err
    line = next(x for x in out.splitlines() if "Thuận Châu" in x)
    assert "chậm" in line
    assert "17.901" in line
    assert "2.983,5" in line
    assert "Giả định của dự báo" in out


def test_trajectory_json_is_exact(run: Run) -> None:
    code, out, _ = run("trajectory", MONTHLY, "--as-of", "2024-06-30", "--format", "json")
    assert code == 0
    data = json.loads(out)
    mai_son = next(
        t for t in data["trajectories"] if (t["indicator"], t["unit"]) == ("II.5.b", "mai-son")
    )
    assert mai_son["status"] == "at_risk"
    assert (mai_son["needed"], mai_son["still_needed"], mai_son["needed_pace"]) == (
        78001,
        9001,
        "9001/6",
    )
    assert mai_son["through"] == "202406"
    assert mai_son["months_left"] == 6
    assert mai_son["assumption"].startswith("Giả định: từ tháng 7/2024")


def test_trajectory_markdown_in_english(run: Run) -> None:
    code, out, _ = run(
        "trajectory", MONTHLY, "--as-of", "2024-06-30", "--format", "md", "--lang", "en"
    )
    assert code == 0
    assert out.startswith("# Indicator trajectories — 30/06/2024")
    assert "Assumed: from July 2024" in out or "Assumed: from" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["trajectory"], "give monthly count files"),
        (["trajectory", MONTHLY, "--deadline", "2024Q4"], "--deadline"),
        (["trajectory", MONTHLY, "--as-of", "31/02/2024"], "--as-of"),
        (["trajectory", "--db", "no/such.db"], "no ledger file"),
        (["digest", "--all", "--format", "ics"], "--agency"),
        (["digest", "--agency", "Sở Không Tồn Tại"], "Sở Không Tồn Tại"),
    ],
)
def test_bad_input_exits_2(argv: list[str], message: str, run: Run) -> None:
    code, _, err = run(*argv)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_digest_text_md_json_ics(run: Run, tmp_path: Path) -> None:
    base = ["digest", "--agency", "UBND huyện Mai Sơn", "--as-of", "2024-07-01", "--within", "3"]
    code, text, _ = run(*base, "--observations", MONTHLY)
    assert code == 0
    assert "Chỉ tiêu có nguy cơ không đạt" in text
    assert "II.5.b — Huyện Mai Sơn" in text
    assert "Báo cáo tháng 7/2024 (202407): hạn 12/07/2024" in text
    code, md, _ = run(*base, "--format", "md")
    assert md.startswith("# Ủy ban nhân dân huyện Mai Sơn")
    code, out, _ = run(*base, "--format", "json")
    data = json.loads(out)
    assert data["until"] == "2024-07-04"
    assert data["completion_known"] is False
    ics = tmp_path / "mai-son.ics"
    code, out, _ = run(*base, "--format", "ics", "-o", str(ics))
    assert code == 0
    assert out == f"wrote {ics}\n"
    body = ics.read_bytes().decode("utf-8")
    assert body.startswith("BEGIN:VCALENDAR\r\n")
    assert body.count("BEGIN:VEVENT") == len(data["tasks"]) + len(data["reports"])


def test_digest_all_lists_every_agency(run: Run) -> None:
    code, out, _ = run("digest", "--all", "--as-of", "2024-07-01", "--format", "json")
    assert code == 0
    keys = [d["agency"] for d in json.loads(out)]
    assert "ubnd-huyen-mai-son" in keys
    assert "so-tttt" in keys
    assert "ubnd-tp-ha-noi" not in keys  # a body of another province


def test_digest_and_trajectory_read_the_ledger(run: Run, tmp_path: Path) -> None:
    from de_an06.ledger import Ledger, ObservationRow, Submission
    from de_an06.ledger.store import now_utc

    db = tmp_path / "so.db"
    with Ledger.open(db) as ledger:
        for month in range(1, 7):
            period = f"2024{month:02d}"
            ledger.add_submission(
                Submission(
                    agency="ubnd-huyen-mai-son",
                    period=period,
                    submitted_on=date(2024, month, 12),
                    recorded_at=now_utc(),
                ),
                [
                    ObservationRow(
                        submission=0,
                        indicator="II.5.b",
                        unit="Mai Sơn",
                        period=period,
                        numerator=60000 + 1500 * month,
                        denominator=120000,
                    )
                ],
            )
    code, out, err = run("trajectory", "--db", str(db), "--as-of", "2024-06-30", "--format", "json")
    assert code == 0, err
    [only] = json.loads(out)["trajectories"]
    assert (only["unit"], only["status"]) == ("mai-son", "at_risk")
    code, out, err = run(
        "digest",
        "--agency",
        "ubnd-huyen-mai-son",
        "--as-of",
        "2024-07-01",
        "--db",
        str(db),
        "--format",
        "json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["completion_known"] is True
    assert [i["indicator"] for i in data["indicators"]] == ["II.5.b"]
    monthly = [r for r in data["reports"] if r["period"].isdigit()]
    assert all(r["status"] != "missing" for r in monthly)  # every month came in
