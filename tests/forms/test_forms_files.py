"""What a form file holds (protection, validation, A4, the hidden sheet, in the XML itself)
and the files `collect` refuses before reading a cell."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from openpyxl import load_workbook

from de_an06.forms._open import UNZIPPED_MAX_BYTES
from de_an06.forms.build import write_form
from de_an06.forms.layout import FIRST_ROW, META_SHEET, FormError, form_spec
from de_an06.forms.read import read_form
from de_an06.loading import load_plan

PLAN = load_plan("son-la-2024")


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("form") / "mai-son.xlsx"
    write_form(form_spec(PLAN, "UBND huyện Mai Sơn", "202407"), path)
    return path


def _xml(path: Path, part: str) -> str:
    """The part's XML text with character references resolved (&#7923; → ỳ), so that a
    check does not depend on how the XML writer (lxml or the standard library) escapes."""
    with zipfile.ZipFile(path) as archive:
        text = archive.read(part).decode("utf-8")
    return re.sub(r"&#([0-9]+);", lambda m: chr(int(m[1])), text)


def _rules(xml: str) -> dict[str, tuple[str, str]]:
    """sqref → (type, formula1) of every data validation in a sheet's XML."""
    out = {}
    for attributes, body in re.findall(r"<dataValidation ([^>]*)>(.*?)</dataValidation>", xml):
        sqref = re.search(r'sqref="([^"]*)"', attributes)
        kind = re.search(r'type="([^"]*)"', attributes)
        formula = re.search(r"<formula1>(.*?)</formula1>", body)
        assert sqref
        assert kind
        assert formula
        out[sqref[1]] = (kind[1], formula[1])
    return out


def test_protection_and_validation_are_in_the_xml(form: Path) -> None:
    tasks = _xml(form, "xl/worksheets/sheet1.xml")
    assert re.search(r'<sheetProtection [^>]*sheet="1"', tasks)
    rules = _rules(tasks)
    last = FIRST_ROW + len(form_spec(PLAN, "UBND huyện Mai Sơn", "202407").tasks) - 1
    labels = "chưa triển khai,đang thực hiện,hoàn thành,vướng mắc,không thực hiện,chuyển kỳ sau"
    assert rules[f"F{FIRST_ROW}:F{last}"] == ("list", f'"{labels}"')
    assert rules[f"G{FIRST_ROW}:G{last}"] == ("date", "DATE(2024,6,15)")
    assert "<formula2>DATE(2024,7,14)</formula2>" in tasks
    assert rules[f"H{FIRST_ROW}:H{last}"] == ("whole", "0")
    figures = _xml(form, "xl/worksheets/sheet2.xml")
    kinds = {kind for kind, _ in _rules(figures).values()}
    assert kinds == {"whole", "custom"}
    assert f"H{FIRST_ROW}&lt;=I{FIRST_ROW}" in figures  # numerator ≤ denominator
    assert "IF(AND(ISNUMBER(H9),ISNUMBER(I9),I9&gt;0),H9/I9" in figures  # the ratio formula
    book = load_workbook(form)
    sheet = book["Nhiệm vụ"]
    assert sheet[f"A{FIRST_ROW}"].protection.locked
    assert not sheet[f"F{FIRST_ROW}"].protection.locked
    assert book[META_SHEET].sheet_state == "veryHidden"


def test_header_block_and_a4(form: Path) -> None:
    book = load_workbook(form)
    sheet = book["Chỉ tiêu"]
    header = "\n".join(str(sheet.cell(row=r, column=1).value) for r in range(1, 7))
    assert "Ủy ban nhân dân huyện Mai Sơn" in header
    assert "tháng 7/2024" in header
    assert "15/06/2024" in header
    assert "14/07/2024" in header
    assert "Hạn gửi báo cáo: 12/07/2024" in header  # Sunday 14/07 moves back ("trước ngày 15")
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 == "9"  # A4
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == "$8:$8"


def test_tampered_checksum_is_refused(form: Path, tmp_path: Path) -> None:
    book = load_workbook(form)
    book[META_SHEET]["B7"] = "0" * 64
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(FormError, match=rf"{META_SHEET}!B7: .*checksum does not match"):
        read_form(PLAN, tmp_path / "x.xlsx")


def test_form_of_another_plan_is_refused(form: Path) -> None:
    other = attrs.evolve(PLAN, id="dien-bien-2024")
    with pytest.raises(FormError, match=rf"{META_SHEET}!B3: 'son-la-2024': .*another plan"):
        read_form(other, form)


def test_not_a_form(tmp_path: Path) -> None:
    from openpyxl import Workbook

    Workbook().save(tmp_path / "plain.xlsx")
    with pytest.raises(FormError, match="not a de_an06 form"):
        read_form(PLAN, tmp_path / "plain.xlsx")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old .xls file or a password"),
        (b"indicator,unit\n", "not an .xlsx file"),
        (b"PK\x03\x04broken", "damaged .xlsx"),
    ],
)
def test_files_refused_before_reading(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(FormError, match=message):
        read_form(PLAN, path)


def test_ods_and_zip_bomb(tmp_path: Path) -> None:
    ods = tmp_path / "form.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(FormError, match=r"\.ods"):
        read_form(PLAN, ods)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"\0" * (UNZIPPED_MAX_BYTES + 1))
    assert bomb.stat().st_size < 1_000_000
    with pytest.raises(FormError, match="refused before reading"):
        read_form(PLAN, bomb)


def test_collect_names_the_file_and_exits_2(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "bad.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, _, err = run("collect", str(path), "--db", str(tmp_path / "l.db"))
    assert code == 2
    assert str(path) in err
    assert ".xls" in err


def test_form_options(run: Any, tmp_path: Path) -> None:
    code, _, err = run("form", "--all", "--period", "202407")
    assert code == 2
    assert "needs a folder" in err
    code, _, err = run("form", "--agency", "UBND các huyện, thành phố", "--period", "202407")
    assert code == 2
    assert "is a group" in err
    code, _, err = run("form", "--agency", "Sở Y tế", "--period", "202507", "-o", "x.xlsx")
    assert code == 2
    assert "outside the plan's year" in err
