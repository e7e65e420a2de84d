"""Reading files: one helper (`_files`) for every reader — size limit, encodings, JSON.

Each reader of files other agencies send (plan JSON, CSV of counts, plan text, calendar
overlay, succession file) takes UTF-8 with or without BOM and UTF-16 with a BOM, refuses
anything else saying the file is not UTF-8/UTF-16 and asking for UTF-8, and refuses a
file past its size limit naming the file, the limit and the size.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from de_an06 import (
    CalendarDataError,
    DeAn06Error,
    ObservationDataError,
    PlanDataError,
    PlanTextError,
    SuccessionDataError,
    WorkingCalendar,
    import_file,
    load_plan,
    load_successions,
    loads_plan,
)
from de_an06._files import DEFAULT_MAX_BYTES, MAX_JSON_DEPTH, decode, parse_json, read_text
from de_an06._input.checker import CSV_MAX_BYTES, MAX_ROWS
from de_an06.loading import _DATA
from de_an06.observations import Observations

from strategies import observation_plan

PLAN = observation_plan()
CSV = (
    "indicator,unit,period,numerator,denominator\n"
    "P.1,Thành phố Sơn La,202406,50,100\n"
    "P.1,Huyện Mai Sơn,202406,30,40\n"
)
TEXT = "III. NHIỆM VỤ\n1. Nhóm\n(1) Làm sạch dữ liệu.\n- Cơ quan chủ trì: Sở Y tế.\n"


def _package(*parts: str) -> str:
    return resources.files("de_an06").joinpath(*parts).read_text(encoding="utf-8")


# name: (good content, read(path, **options), its error type)
READERS: dict[str, tuple[str, Callable[..., Any], type[DeAn06Error]]] = {
    "plan": (
        (_DATA / "son-la-2024.json").read_text(encoding="utf-8"),
        load_plan,
        PlanDataError,
    ),
    "csv": (CSV, lambda path, **kw: Observations.from_csv(path, PLAN, **kw), ObservationDataError),
    "plan text": (TEXT, import_file, PlanTextError),
    "overlay": (
        _package("calendars", "vietnam.json"),
        lambda path, **kw: WorkingCalendar.from_files(path, bundled=False, **kw),
        CalendarDataError,
    ),
    "successions": (
        _package("successions", "son-la.json"),
        load_successions,
        SuccessionDataError,
    ),
}
ENCODED: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: t.encode("utf-8-sig"),
    "utf-16 LE with BOM": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16 BE with BOM": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
}


def _result(value: object) -> object:
    """Something comparable that the reader's result holds."""
    if isinstance(value, Observations):
        return list(value.to_records())
    if isinstance(value, WorkingCalendar):
        return [attrs_fields(e) for e in value.entries]
    if hasattr(value, "plan"):  # ImportResult
        return value.plan  # type: ignore[attr-defined]  # checked just above
    return value


def attrs_fields(entry: Any) -> tuple[object, ...]:
    return (entry.date, entry.kind, entry.name, entry.source, entry.note, entry.url)


@pytest.fixture(params=list(READERS))
def reader(request: pytest.FixtureRequest) -> tuple[str, Callable[..., Any], type[DeAn06Error]]:
    return READERS[request.param]


class TestEncodings:
    """UTF-8 with or without BOM and UTF-16 with a BOM read the same; nothing else does."""

    @pytest.mark.parametrize("encoding", list(ENCODED))
    def test_unicode_files_read_alike(
        self,
        reader: tuple[str, Callable[..., Any], type[DeAn06Error]],
        encoding: str,
        tmp_path: Path,
    ) -> None:
        text, read, _ = reader
        plain, other = tmp_path / "plain", tmp_path / "other"
        plain.write_bytes(text.encode("utf-8"))
        other.write_bytes(ENCODED[encoding](text))
        assert _result(read(other)) == _result(read(plain))

    def test_windows_1258_is_refused(
        self, reader: tuple[str, Callable[..., Any], type[DeAn06Error]], tmp_path: Path
    ) -> None:
        text, read, error = reader
        path = tmp_path / "legacy"
        path.write_bytes(text.encode("cp1258", errors="replace"))
        with pytest.raises(error) as info:
            read(path)
        message = str(info.value)
        assert str(path) in message
        assert "is not UTF-8 or UTF-16 text" in message
        assert "Windows-1258" in message
        assert "save it as UTF-8" in message
        assert "byte " in message

    def test_utf16_without_bom_is_refused(
        self, reader: tuple[str, Callable[..., Any], type[DeAn06Error]], tmp_path: Path
    ) -> None:
        text, read, error = reader
        path = tmp_path / "no-bom"
        path.write_bytes(("Sơn La " + text).encode("utf-16-le"))
        with pytest.raises(error, match="UTF-16 without a byte-order mark"):
            read(path)


class TestSizeLimit:
    """A file past *max_bytes* is refused before it is read, naming file, limit and size."""

    def test_over_the_limit(
        self, reader: tuple[str, Callable[..., Any], type[DeAn06Error]], tmp_path: Path
    ) -> None:
        text, read, error = reader
        path = tmp_path / "big"
        path.write_bytes(text.encode("utf-8"))
        size = path.stat().st_size
        with pytest.raises(error) as info:
            read(path, max_bytes=size - 1)
        message = str(info.value)
        assert str(path) in message
        assert f"{size:,} bytes, at most {size - 1:,}" in message
        assert "max_bytes=" in message
        read(path, max_bytes=size)  # at the limit: read

    def test_missing_and_folder(
        self, reader: tuple[str, Callable[..., Any], type[DeAn06Error]], tmp_path: Path
    ) -> None:
        _, read, error = reader
        with pytest.raises(error, match="no such file") as info:
            read(tmp_path / "nope")
        assert str(tmp_path / "nope") in str(info.value)
        with pytest.raises(error, match="it is a folder"):
            read(tmp_path)

    def test_defaults(self) -> None:
        assert DEFAULT_MAX_BYTES == 64 * 2**20
        assert CSV_MAX_BYTES == 256 * 2**20
        assert MAX_ROWS == 10_000_000
        assert MAX_JSON_DEPTH == 254

    def test_a_pipe_is_read_up_to_the_limit(self, tmp_path: Path) -> None:
        # A device or pipe reports size 0: the limit still holds as the bytes arrive.
        def error(message: str, value: object, path: str = "$") -> ValueError:
            return ValueError(message)

        with pytest.raises(ValueError, match="at most 10"):
            read_text("/dev/zero", what="file", max_bytes=10, error=error)


class TestDecode:
    """Bytes to text: UTF-8 (BOM dropped), UTF-16 with BOM; else the caller's error."""

    def test_bad_utf16(self) -> None:
        with pytest.raises(ValueError, match="not valid UTF-16 text"):
            decode(codecs.BOM_UTF16_LE + b"\x00\xd8", what="file", error=_value_error)

    def test_byte_named(self) -> None:
        with pytest.raises(ValueError, match=r"byte 1, b'\\xf5'"):
            decode("Sơn".encode("cp1258"), what="file", error=_value_error)


def _value_error(message: str, value: object, path: str = "$") -> ValueError:
    return ValueError(f"{path}: {message} ({value!r})")


class TestJson:
    """JSON: depth limit, repeated keys, huge numbers — each the caller's own error."""

    @pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 1025, 5000])
    def test_too_deep(self, depth: int) -> None:
        with pytest.raises(PlanDataError, match=f"more than {MAX_JSON_DEPTH} levels deep"):
            loads_plan("[" * depth + "]" * depth, source="deep.json")

    def test_deepest_allowed_is_read(self) -> None:
        depth = MAX_JSON_DEPTH
        value = parse_json("[" * depth + "]" * depth, what="file", error=_value_error)
        for _ in range(depth - 1):
            assert isinstance(value, list)
            (value,) = value
        assert value == []

    def test_deep_on_the_slow_path_too(self) -> None:
        # NaN sends the text to the standard library's parser: the limit is the same.
        text = "[NaN," + "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH + "]"
        with pytest.raises(ValueError, match="levels deep"):
            parse_json(text, what="file", error=_value_error)

    @pytest.mark.parametrize(
        ("text", "path"),
        [
            ('{"a": 1, "a": 2}', "$.a"),
            ('{"x": [{"k": "v"}, {"b": {"c": 1, "c": 1}}]}', "$.x[1].b.c"),
            ('{"n": NaN, "a": 1, "a": 1}', "$.a"),  # the standard library's path
            ('{"s": "a:b:c", "t": "\\u003a", "u": 1, "u": 1}', "$.u"),
            ('{"t": "\\u003A\\u003a", "u": 1, "u": 1, "v": 1, "v": 1}', "$.u"),
        ],
    )
    def test_repeated_key(self, text: str, path: str) -> None:
        with pytest.raises(ValueError, match="a key written twice") as info:
            parse_json(text, what="file", error=_value_error)
        assert str(info.value).startswith(path + ":")

    @pytest.mark.parametrize(
        "text", ['{"s": "a\\":b", "t": 1}', '{"k\\u003a": ":::"}', '["a:b", {"c": ":"}]']
    )
    def test_colons_in_strings_are_not_keys(self, text: str) -> None:
        assert parse_json(text, what="file", error=_value_error) == json.loads(text)

    def test_number_past_python_digits(self) -> None:
        with pytest.raises(ValueError, match="a number with more than 4,300 digits"):
            parse_json("9" * 5000, what="file", error=_value_error)
