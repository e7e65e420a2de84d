"""Plan files by content: .docx (tables included) and text PDFs read like the text."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import de_an06
from de_an06 import Plan, PlanTextError, import_file, import_text
from de_an06.importer.sources import plan_text_of

if TYPE_CHECKING:
    from conftest import Run

Maker = Callable[[str], bytes]


@pytest.fixture(scope="module")
def embedded() -> Plan:
    return de_an06.load_plan("son-la-2024")


@pytest.fixture(scope="module")
def seed_plan(son_la_seed: str, embedded: Plan) -> Plan:
    return import_text(son_la_seed, directory=embedded).plan


def test_the_seed_as_docx_is_the_same_plan(
    son_la_seed: str, embedded: Plan, seed_plan: Plan, docx_of: Maker, tmp_path: Path
) -> None:
    path = tmp_path / "quyet-dinh-161.docx"
    path.write_bytes(docx_of(son_la_seed))
    text = plan_text_of(path.read_bytes(), str(path))
    # The header is a Word table: one "| cell | cell |" line per row.
    assert text.split("\n")[:2] == [
        "| ỦY BAN NHÂN DÂN TỈNH SƠN LA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
        "Hạnh phúc |",
        "| Số: 161/QĐ-UBND | Sơn La, ngày 29 tháng 01 năm 2024 |",
    ]
    assert import_file(path, directory=embedded).plan == seed_plan


def test_the_seed_as_pdf_is_the_same_plan(
    son_la_seed: str, embedded: Plan, seed_plan: Plan, pdf_of: Maker, tmp_path: Path
) -> None:
    path = tmp_path / "quyet-dinh-161.pdf"
    path.write_bytes(pdf_of(son_la_seed))
    assert import_file(path, directory=embedded).plan == seed_plan


def test_the_reader_is_chosen_by_content_not_name(
    son_la_seed: str, embedded: Plan, seed_plan: Plan, docx_of: Maker, pdf_of: Maker
) -> None:
    assert import_text(docx_of(son_la_seed), directory=embedded).plan == seed_plan
    assert import_text(pdf_of(son_la_seed), directory=embedded).plan == seed_plan


def test_docx_merged_cells_are_written_once(docx_of: Maker) -> None:
    import docx

    document = docx.Document(io.BytesIO(docx_of("KẾ HOẠCH\n| STT | Nhiệm vụ | Chủ trì |")))
    table = document.tables[0]
    table.add_row()
    table.cell(1, 0).text = "1"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "Làm sạch dữ liệu"
    out = io.BytesIO()
    document.save(out)
    lines = plan_text_of(out.getvalue(), "x.docx").split("\n")
    assert lines == ["KẾ HOẠCH", "| STT | Nhiệm vụ | Chủ trì |", "| 1 | Làm sạch dữ liệu |"]


def _zip(name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(600), "Word 97-2003"),
        (_zip("xl/workbook.xml"), "not a Word .docx"),
        (b"PK\x03\x04 damaged", "damaged ZIP"),
        (b"%PDF-1.7\n garbage", "PDF cannot be read"),
    ],
    ids=["doc", "xlsx", "bad-zip", "bad-pdf"],
)
def test_files_that_are_not_plans_are_clear_errors(
    data: bytes, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(data)
    with pytest.raises(PlanTextError, match=message):
        import_file(path)


def test_a_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100, style="F")  # a page of image, no text
    path = tmp_path / "scan.pdf"
    path.write_bytes(bytes(pdf.output()))
    with pytest.raises(PlanTextError, match=r"no text layer .*OCR"):
        import_file(path)


def test_cli_imports_a_docx(
    run: Run, son_la_seed: str, seed_plan: Plan, docx_of: Maker, tmp_path: Path
) -> None:
    path = tmp_path / "quyet-dinh.docx"
    path.write_bytes(docx_of(son_la_seed))
    output = tmp_path / "plan.json"
    code, _, err = run("import", str(path), "-o", str(output), "--directory", "son-la-2024")
    assert (code, err) == (0, "")
    assert de_an06.load_plan(output) == seed_plan
