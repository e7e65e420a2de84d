"""``de-an06 progress import`` of an XLSX workbook: all or nothing, bad cells by sheet!cell."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
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


def workbook(path: Path, rows: list[list[object]], title: str = "Tiến độ") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


HEADER = ["Mã nhiệm vụ", "Trạng thái", "Ngày", "Đơn vị", "Tỷ lệ", "Ghi chú"]


def test_import_a_workbook(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = workbook(
        tmp_path / "cap-nhat.xlsx",
        [
            HEADER,
            ["6.1", "hoàn thành", datetime(2024, 4, 15), "Sở TT&TT", None, None],
            ["7.2", "in_progress", "02/05/2024", "so-tttt", 50.0, "đang triển khai"],
            [None, None, None, None, None, None],
            [8.1, "đang thực hiện", date(2024, 5, 3), "Sở Nội vụ", 30, None],
        ],
    )
    code, out, err = run(capsys, "progress", "import", str(good), "--db", db)
    assert (code, err) == (0, "")
    assert out == f"đã nhập 3 dòng từ {good}\n"
    with Ledger.open(db) as ledger:
        events = ledger.events()
    assert [(e.task, e.on, e.percent) for e in events] == [
        ("6.1", date(2024, 4, 15), None),
        ("7.2", date(2024, 5, 2), 50),
        ("8.1", date(2024, 5, 3), 30),
    ]
    assert [e.source for e in events] == [
        "cap-nhat.xlsx:Tiến độ!2",
        "cap-nhat.xlsx:Tiến độ!3",
        "cap-nhat.xlsx:Tiến độ!5",
    ]


def test_a_bad_cell_is_named_and_nothing_is_imported(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = workbook(
        tmp_path / "loi.xlsx",
        [
            HEADER,
            ["6.1", "hoàn thành", "15/04/2024", "so-tttt", None, None],
            ["7.2", "hoàn thành", "15/04/2024", "so-tttt", None, None],
            ["7.3", "hoàn thành", "ngày mai", "so-tttt", None, None],
        ],
        title="Sheet1",
    )
    code, _, err = run(capsys, "progress", "import", str(bad), "--db", db)
    assert code == 2
    assert f"{bad}: Sheet1!C4 (column on): value 'ngày mai'" in err
    assert "nothing was imported" in err
    assert "Traceback" not in err
    with Ledger.open(db) as ledger:
        assert ledger.counts()["task_events"] == 0


def test_not_a_workbook(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "gia.xlsx"
    fake.write_text("task,status\n", encoding="utf-8")
    code, _, err = run(capsys, "progress", "import", str(fake), "--db", db)
    assert code == 2
    assert f"{fake}: not a readable .xlsx workbook" in err
