"""Text normalisation: NFC storage, folded lookup keys."""

from __future__ import annotations

import unicodedata

from hypothesis import given

from de_an06._text import fold, join_lines, nfc

from strategies import words


@given(words)
def test_fold_ignores_form_and_case(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)
    assert fold(text.upper()) == fold(text.lower()) or "ß" in text.lower()


def test_fold_pinned() -> None:
    assert fold("Sở Thông tin và Truyền thông") == "so thong tin va truyen thong"
    assert fold("ĐỀ ÁN 06") == "de an 06"
    assert fold("Lao động – TB&XH") == fold("Lao động- TB&XH") == "lao dong-tb&xh"


def test_join_lines_keeps_words() -> None:
    assert join_lines("Sở Thông tin\nvà  Truyền\u00a0thông\n") == "Sở Thông tin và Truyền thông"
    assert join_lines("a") == nfc("a")
