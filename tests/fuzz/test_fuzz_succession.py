"""Fuzzing agency-succession files: `load_successions` on anything.

The bundled Sơn La file mutated (and any bytes): a `SuccessionDataError` naming the file
and each JSON path, or succession data that keeps everything the file gave.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from fuzzing import assert_kept, attempt, fuzz_settings, nfc_all
from hypothesis import given, strategies as st

from de_an06 import load_successions
from de_an06._converter import make_converter
from de_an06.succession import Successions

from mutators import encoded, mutated_json

SUCCESSIONS = resources.files("de_an06").joinpath("successions", "son-la.json").read_bytes()
CONVERTER = make_converter()


def load(tmp: Any, raw: bytes, path_name: str) -> Successions | None:
    path = tmp.getbasetemp() / "fuzz-successions.json"
    path.write_bytes(raw)
    return attempt(path_name, str(path), lambda: load_successions(path))


class TestSuccessionFiles:
    """Mutated succession files in any encoding, and any bytes."""

    @fuzz_settings(weight=0.3)
    @given(mutated_json(SUCCESSIONS))
    def test_mutated(self, tmp_path_factory: Any, case: Any) -> None:
        text, data, repeats_a_key, raw = case
        loaded = load(
            tmp_path_factory, text.encode("utf-8", "surrogatepass"), "succession: mutated"
        )
        if loaded is None:
            return
        assert not repeats_a_key, "a repeated key was read silently"
        written = {"schema_version": 1, **CONVERTER.unstructure(loaded, Successions)}
        if not raw:
            assert_kept(nfc_all(data), written)
        assert CONVERTER.structure(CONVERTER.unstructure(loaded), Successions) == loaded

    @fuzz_settings(weight=0.2)
    @given(st.data())
    def test_encodings(self, tmp_path_factory: Any, data: st.DataObject) -> None:
        text, *_ = data.draw(mutated_json(SUCCESSIONS))
        bytes_ = data.draw(encoded(text))
        if bytes_ is not None:
            load(tmp_path_factory, bytes_[0], "succession: encoded")

    @fuzz_settings(weight=0.2)
    @given(st.binary())
    def test_bytes(self, tmp_path_factory: Any, raw: bytes) -> None:
        load(tmp_path_factory, raw, "succession: any bytes")
