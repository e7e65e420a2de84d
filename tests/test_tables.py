"""Exports never hand a spreadsheet a formula, and keep Vietnamese readable."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from de_an06 import (
    Agency,
    Assignment,
    ExportError,
    Level,
    Mention,
    Ongoing,
    Plan,
    Role,
    RoleLine,
    Task,
    TaskGroup,
    responsibility_matrix,
)
from de_an06._tables import neutralise, to_csv, to_json, to_markdown, write_xlsx
from de_an06.plan import Decision

from strategies import texts

EVIL = "=cmd|' /C calc'!A0"
FORMULA_STARTS = ["=1+1", "+1+A1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "  =1+1"]


def evil_plan() -> Plan:
    """A plan whose agency is named like a DDE payload."""
    mention = Mention(agency="evil", text=EVIL)
    roles = (RoleLine(label="Cơ quan chủ trì", text=EVIL, assignments=(
        Assignment(role=Role.LEAD, agencies=(mention,)),)),)  # fmt: skip
    task = Task(code="1.1", text="", roles=roles, deadline=Ongoing(text="Thường xuyên"))
    return Plan(
        id="evil",
        title="",
        year=2024,
        province="x",
        decision=Decision(number="1", date=date(2024, 1, 1), issuer="UBND", signer="A"),
        task_groups=(TaskGroup(number=1, title="", tasks=(task,)),),
        agencies=(Agency(key="evil", name=EVIL, level=Level.OTHER),),
    )


class TestNeutralise:
    """OWASP CSV injection: = + - @ tab CR at the start of a text cell."""

    @pytest.mark.parametrize("text", [EVIL, *FORMULA_STARTS])
    def test_formula_starts_get_an_apostrophe(self, text: str) -> None:
        assert neutralise(text) == "'" + text

    @pytest.mark.parametrize("value", ["Sở Y tế", "1.1", "", "a=b", None, 0, -3, 12])
    def test_other_values_unchanged(self, value: str | int | None) -> None:
        assert neutralise(value) == value

    @given(texts)
    def test_never_starts_a_formula(self, text: str) -> None:
        safe = neutralise(text)
        assert isinstance(safe, str)
        if re.fullmatch(r"[-+]?[0-9]+(?:[.,][0-9]+)?", text, flags=re.ASCII):
            assert safe == text  # a plain number ("-3.56") stays a number
        else:
            assert not safe.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))
        assert safe.removeprefix("'") == text or safe == text


class TestCsv:
    """CSV: BOM for Excel, every text cell quoted and neutralised."""

    def test_bom_and_roundtrip(self) -> None:
        text = to_csv(["cơ quan", "n"], [["Sở Y tế", 3], [EVIL, None]])
        assert text.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
        assert rows == [["cơ quan", "n"], ["Sở Y tế", "3"], ["'" + EVIL, ""]]
        assert '"Sở Y tế",3' in text  # text quoted, numbers bare

    def test_matrix_name_is_neutralised(self) -> None:
        header, rows = responsibility_matrix(evil_plan()).grid()
        text = to_csv(header, rows)
        assert EVIL not in text.replace("'" + EVIL, "")
        assert "'" + EVIL in text


class TestMarkdown:
    """Markdown: neutralised (tables get pasted), pipes and line breaks escaped."""

    def test_table(self) -> None:
        text = to_markdown(["a", "b"], [[EVIL, "x|y\nz"], ["Sở Y tế", 2]])
        lines = text.splitlines()
        assert lines[0] == "| a | b |"
        assert lines[1] == "| --- | --- |"
        assert lines[2] == "| '=cmd\\|' /C calc'!A0 | x\\|y z |"
        assert lines[3] == "| Sở Y tế | 2 |"

    def test_matrix(self) -> None:
        header, rows = responsibility_matrix(evil_plan()).grid()
        assert "| '=cmd" in to_markdown(header, rows)


class TestJson:
    def test_utf8_not_escaped(self) -> None:
        text = to_json({"name": "Sở Y tế"})
        assert "Sở Y tế" in text
        assert json.loads(text) == {"name": "Sở Y tế"}


class TestXlsx:
    """XLSX: text stays text; a formula-like name is neutralised."""

    def test_cells_are_text(self, tmp_path: Path) -> None:
        openpyxl = pytest.importorskip("openpyxl")
        header, rows = responsibility_matrix(evil_plan()).grid()
        path = tmp_path / "m.xlsx"
        write_xlsx(header, [*rows, ["n", 3, None]], path, sheet="Ma trận")
        sheet = openpyxl.load_workbook(path).active
        assert sheet.title == "Ma trận"
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        assert values[0][:4] == ["key", "agency", "kind", "1.1"]
        assert values[1][1] == "'" + EVIL
        assert values[2][:2] == ["n", 3]
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)

    def test_without_openpyxl(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "openpyxl", None)
        with pytest.raises(ExportError, match="de-an06\\[xlsx\\]"):
            write_xlsx(["a"], [["b"]], tmp_path / "m.xlsx")
        assert not (tmp_path / "m.xlsx").exists()

    @given(st.lists(texts, min_size=1, max_size=4))
    def test_csv_cells_never_formulas(self, cells: list[str]) -> None:
        text = to_csv(["h"] * len(cells), [cells])
        (row,) = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))[1:]
        for cell in row:
            if re.fullmatch(r"[-+]?[0-9]+(?:[.,][0-9]+)?", cell, flags=re.ASCII):
                continue  # a plain number ("-0", "-3.56") is written as a number
            assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))
