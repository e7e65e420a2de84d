"""Fuzzing plan texts: `import_text` (text and bytes) and `import_file` on anything.

Text: always an `ImportResult` whose draft plan is valid, survives dump → load, and
accounts for every line with text (placed in the draft or warned about). Bytes and
files: the same as the text they encode when that is UTF-8 or UTF-16 with a BOM, else a
`PlanTextError` naming the source.
"""

from __future__ import annotations

import re

import pytest
from fuzzing import attempt, fuzz_settings
from hypothesis import given, strategies as st

from de_an06 import ImportResult, dumps_plan, import_file, import_text, loads_plan
from de_an06.importer.lines import clean

from mutators import READABLE, encoded, weird_texts
from strategies import plan_text_lines, plan_texts

# Lines where the importer reads a number, with numbers of any length.
numbers = st.one_of(st.integers(0, 10**25).map(str), st.sampled_from(("9" * 19, "9" * 4400)))
numbered_lines = st.builds(
    str.format,
    st.sampled_from(
        (
            "(1) Triển khai {} mô hình.",
            "- Cơ quan chủ trì: Sở Y tế ({} mô hình).",
            "- Cơ quan phối hợp: UBND các huyện (mỗi huyện {} mô hình)",
            "2. Tỷ lệ đạt trên {}%, riêng thành phố {},5%.",
            "3. Số hóa dữ liệu của {}/12 huyện, thành phố.",
            "- Thời gian hoàn thành: Quý {}/2024.",
            "Điều {}. Quyết định có hiệu lực.",
            "{},{}",
        )
    ),
    numbers,
    numbers,
)
texts = st.one_of(
    st.text(),
    plan_texts,
    st.lists(st.one_of(plan_text_lines, weird_texts, numbered_lines), max_size=30).map("\n".join),
)


def assert_sound(text: str, result: ImportResult) -> None:
    """A valid draft, written and read back unchanged; every line with text accounted for."""
    text_out = dumps_plan(result.plan)
    assert loads_plan(text_out) == result.plan
    text_out.encode("utf-8")
    warned = {n for w in result.warnings for n in range(w.line, w.end_line + 1)}
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if clean(raw.replace("|", " ")):
            assert number in result.placements or number in warned, (number, raw)


class TestImportText:
    """Any text, as a string, as bytes, as a file."""

    @fuzz_settings(weight=1.0)
    @given(texts)
    def test_text(self, text: str) -> None:
        result = attempt("plan text: str", "<text>", lambda: import_text(text))
        assert result is not None, "import_text raised"
        assert_sound(text, result)

    @fuzz_settings(weight=0.5)
    @given(st.data())
    def test_bytes(self, data: st.DataObject) -> None:
        text = data.draw(texts)
        encoding = data.draw(encoded(text))
        raw, name = encoding if encoding is not None else (data.draw(st.binary()), "binary")
        result = attempt("plan text: bytes", "x.txt", lambda: import_text(raw, source="x.txt"))
        if name in READABLE:
            assert result is not None
            # Encoded as plain UTF-8, a leading U+FEFF is a byte-order mark: not text.
            given = text.removeprefix("\ufeff") if name == "utf-8" else text
            assert result == import_text(given, source="x.txt")

    @fuzz_settings(weight=0.2)
    @given(st.one_of(st.binary(), texts.map(lambda t: t.encode("utf-16", "surrogatepass"))))
    def test_file(self, tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
        path = tmp_path_factory.getbasetemp() / "fuzz-plan.txt"
        path.write_bytes(raw)
        attempt("plan text: file", str(path), lambda: import_file(path))
