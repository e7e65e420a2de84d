"""The report as the office sends it: Decree 30 layout in DOCX and A4 HTML, all Vietnamese."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from docx import Document

from de_an06 import build_report, load_plan
from de_an06.report import Letterhead, Narrative, ReportSettingsError, read_settings

if TYPE_CHECKING:
    from conftest import Run

PLAN = load_plan("son-la-2024")
JUNE_30 = date(2024, 6, 30)
# English words and slugs that must never reach a Vietnamese reader.
ENGLISH = re.compile(
    r"\b(task|group|target|overdue|due|report|error|warning|info|lead|implementing|"
    r"agency|period|none|met|not met|cannot|the|and|of)\b|"
    r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b"
)


# Period ids (202406, 2024S1, 2024Q2) and whole numbers of 10.000 or more without a
# thousands separator: neither is how a Vietnamese reader writes them.
UNREAD = re.compile(r"\b20\d\d(?:0[1-9]|1[0-2]|S[12]|Q[1-4])\b|\|\s*20\d\d\s*\||\b\d{5,}\b")
EXAMPLES = Path(__file__).parents[2] / "examples" / "data"


def vi_text(lang_report: str) -> str:
    return re.sub(r"<[^>]+>", " ", lang_report)


def test_no_english_word_or_slug_in_the_vietnamese_report() -> None:
    report = build_report(PLAN, as_of=JUNE_30, include_audit=True)
    for text in (report.to_markdown(), vi_text(report.to_html().split("<body>", 1)[1])):
        found = {m.group(0) for m in ENGLISH.finditer(text)}
        assert found == set(), sorted(found)[:20]
    assert "Chủ tịch Ủy ban nhân dân tỉnh" in report.to_markdown()


def test_vietnamese_report_with_counts_writes_periods_and_numbers_as_people_do() -> None:
    from de_an06.report import official_report

    report = official_report(
        PLAN,
        as_of=JUNE_30,
        observations=(
            EXAMPLES / "son-la-2024-monthly.csv",
            EXAMPLES / "son-la-2024-counts.csv",
            EXAMPLES / "son-la-2024S1-annex.csv",
        ),
        file_period="2024S1",
    )
    markdown = report.to_markdown()
    for text in (markdown, vi_text(report.to_html().split("<body>", 1)[1])):
        found = {m.group(0) for m in ENGLISH.finditer(text)} | {
            m.group(0) for m in UNREAD.finditer(text)
        }
        assert found == set(), sorted(found)[:20]
    assert "| năm 2024 |" in markdown
    assert "300.700/431.680" in markdown
    assert "II.5.b. Công dân từ đủ 14 tuổi" in markdown  # the name, not only the id
    assert "| 2/12 |" in markdown  # coverage of a roll-up
    assert UNREAD.search("| 2024 |")
    assert UNREAD.search("202406")
    assert UNREAD.search("300700")


def test_audit_only_when_asked_and_in_vietnamese() -> None:
    plain = build_report(PLAN, as_of=JUNE_30).to_markdown()
    assert "RÀ SOÁT KẾ HOẠCH" not in plain
    audited = build_report(PLAN, as_of=JUNE_30, include_audit=True).to_markdown()
    assert "## PHỤ LỤC: RÀ SOÁT KẾ HOẠCH" in audited
    assert "| cần sửa | nhóm nhiệm vụ 11 | Ngày tháng không thể đúng | 30/10/2203 |" in audited
    assert "cac-so-nganh-lien-quan" not in audited


def test_header_signature_and_marked_places() -> None:
    report = build_report(PLAN, as_of=JUNE_30)
    text = report.to_markdown()
    assert text.startswith("| CÔNG AN TỈNH SƠN LA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |")
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Sơn La, ngày" in text
    assert "Kính gửi:" in text
    assert "- Văn phòng Chính phủ;\n- Bộ Công an;\n- Chủ tịch Ủy ban nhân dân tỉnh." in text
    assert text.count("[Phần của cơ quan báo cáo:") == 4
    assert "**_Nơi nhận:_**\n\n- Như trên;\n- Lưu: VT." in text


def test_settings_file_fills_the_letterhead_and_the_text(tmp_path: Path) -> None:
    settings = tmp_path / "s.json"
    settings.write_text(
        json.dumps(
            {
                "parent_body": "UBND TỈNH SƠN LA",
                "symbol": "BC-CAT",
                "date": "2024-07-10",
                "signer_title": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
                "signer": "Nguyễn Văn A",
                "copies": ["Thường trực Tỉnh ủy"],
                "narrative": {"results": "Đoạn một.\n\nĐoạn hai.", "proposals": ["Kiến nghị."]},
            }
        ),
        encoding="utf-8",
    )
    head, narrative = read_settings(settings, Letterhead(issuing_body="CÔNG AN TỈNH SƠN LA"))
    assert narrative == Narrative(results=("Đoạn một.", "Đoạn hai."), proposals=("Kiến nghị.",))
    text = build_report(PLAN, as_of=JUNE_30, letterhead=head, narrative=narrative).to_markdown()
    assert "ngày 10 tháng 07 năm 2024" in text
    assert "/BC-CAT" in text
    assert "**KT. GIÁM ĐỐC**\n\n**PHÓ GIÁM ĐỐC**\n\n**Nguyễn Văn A**" in text
    assert "- Thường trực Tỉnh ủy;" in text
    assert text.count("[Phần của cơ quan báo cáo:") == 2


def test_bad_settings_name_the_path(tmp_path: Path) -> None:
    settings = tmp_path / "s.json"
    settings.write_text('{"signer": 3, "colour": "x", "narrative": {"other": "y"}}', "utf-8")
    with pytest.raises(ReportSettingsError) as caught:
        read_settings(settings, Letterhead())
    message = str(caught.value)
    assert "3 problems in report settings" in message
    for path in ("$.signer", "$.colour", "$.narrative.other"):
        assert path in message


def test_docx_is_a4_with_decree_30_margins_fonts_and_parts(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    code, printed, err = run("report", "--as-of", "2024-06-30", "--format", "docx", "-o", str(out))
    assert (code, err) == (0, "")
    assert printed == f"wrote {out}\n"
    document = Document(str(out))
    section = document.sections[0]
    assert section.page_width is not None
    assert section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    top, bottom, left, right = (round(m.mm) if m is not None else 0 for m in margins)
    assert 20 <= top <= 25
    assert 20 <= bottom <= 25
    assert 30 <= left <= 35
    assert 15 <= right <= 20
    assert section.different_first_page_header_footer  # page numbers from page 2
    assert "PAGE" in section.header.paragraphs[0]._p.xml
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size is not None
    assert 13 <= normal.font.size.pt <= 14
    header = document.tables[0]
    cells = [c.text for c in header.rows[0].cells]
    assert "CÔNG AN TỈNH SƠN LA" in cells[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells[1]
    assert "Độc lập - Tự do - Hạnh phúc" in cells[1]
    assert "w:tblBorders" not in header._tbl.xml  # the header table has no borders
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == ["I. KẾT QUẢ ĐẠT ĐƯỢC", "1. Tiến độ thực hiện nhiệm vụ"]
    assert "IV. ĐỀ XUẤT, KIẾN NGHỊ" in headings
    assert all(document.styles[f"Heading {n}"].paragraph_format.keep_with_next for n in (2, 3))
    signature = document.tables[-1]
    assert signature.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:"
    task_table = document.tables[1]
    assert "w:tblHeader" in task_table.rows[0]._tr.xml  # header repeated on each page


def test_docx_needs_an_output_file(run: Run) -> None:
    code, _, err = run("report", "--as-of", "2024-06-30", "--format", "docx")
    assert code == 2
    assert "-o FILE.docx" in err


def test_html_prints_on_a4() -> None:
    page = build_report(PLAN, as_of=JUNE_30).to_html()
    assert "@page{size:A4;margin:20mm 15mm 20mm 30mm" in page
    assert "h2,h3,h4,h5{break-after:avoid" in page
    assert '<html lang="vi">' in page


def test_html_prints_to_an_a4_pdf_in_chromium(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Debian's chromium package is not installed (.ci/run installs it)")
    page = tmp_path / "r.html"
    page.write_text(build_report(PLAN, as_of=JUNE_30).to_html(), encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", data)
    assert boxes
    for width, height in boxes:  # A4 is 595.28 x 841.89 points
        assert abs(float(width) - 595.3) < 1.0
        assert abs(float(height) - 841.9) < 1.0
    # No heading is left alone at the foot of a page: the last text line of every page but
    # the last is not one of the report's headings (read back from the PDF with pypdf, which
    # splits Vietnamese words around combining marks, so both sides drop white space).
    import unicodedata

    from pypdf import PdfReader

    from de_an06.report import Heading

    def key(text: str) -> str:
        return unicodedata.normalize("NFC", "".join(text.split()))

    report = build_report(PLAN, as_of=JUNE_30)
    headings = {key(b.text) for b in report.blocks if isinstance(b, Heading)}
    pages = PdfReader(pdf).pages
    assert len(pages) > 5
    for number, sheet in enumerate(pages[:-1], start=1):
        lines = [x for x in sheet.extract_text().splitlines() if x.strip()]
        last = [x for x in lines if not x.strip().isdigit()][-1]  # not the page number
        assert key(last) not in headings, f"page {number} ends with the heading {last!r}"


def test_agency_report_holds_only_its_tasks_indicators_and_services() -> None:
    from de_an06.report import agency_plan, official_report

    files = (EXAMPLES / "son-la-2024-counts.csv", EXAMPLES / "son-la-2024S1-annex.csv")
    report = official_report(
        PLAN, as_of=JUNE_30, observations=files, file_period="2024S1", agency="Sở Tư pháp"
    )
    markdown = report.to_markdown()
    assert report.title.endswith("(phần việc của Sở Tư pháp)")
    assert markdown.startswith("| SỞ TƯ PHÁP |")
    assert "của Sở Tư pháp./." in markdown
    assert "| Sở Tư pháp | x | 96 | 71 |" in markdown  # its annex row …
    assert "| Công an tỉnh | x |" not in markdown  # … and not the police's
    assert "| Thành phố Sơn La |" not in markdown  # no other unit's indicators
    mine = agency_plan(PLAN, "so-tu-phap")
    assert 0 < len(mine.tasks) < len(PLAN.tasks)
    whole = official_report(PLAN, as_of=JUNE_30, observations=files, file_period="2024S1")
    assert "| Công an tỉnh | x |" in whole.to_markdown()


def test_cli_report_agency_matches_the_library(run: Run) -> None:
    from de_an06.report import official_report

    code, out, _ = run("report", "--as-of", "2024-06-30", "--agency", "Sở Tư pháp")
    assert code == 0
    assert out == official_report(PLAN, as_of=JUNE_30, agency="Sở Tư pháp").to_markdown()
    code, _, err = run("report", "--as-of", "2024-06-30", "--agency", "Huyện Mai Sơn")
    assert code == 2
    assert "ambiguous" in err
