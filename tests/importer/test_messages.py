"""Import warnings in Vietnamese and English (issue #19): every warning has both."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from de_an06 import ImportNote, import_text
from de_an06.importer.messages import CATALOGUE, vietnamese

HERE = Path(__file__).parent
TEXTS = sorted(
    [*(HERE / "fixtures").glob("*.txt"), *(HERE.parent / "fixtures" / "plans").glob("*.txt")]
)
# Texts that make the readers warn in most of the ways they can.
ODD = (
    "",
    "a,b,c\n1,2,3\n",
    "KẾ HOẠCH\nThực hiện Đề án 06 giai đoạn 2022 - 2025, tầm nhìn đến năm 2030\n"
    "III. NHIỆM VỤ\n- Cơ quan chủ trì: Sở Y tế.\n1. Nhóm\n- Co quan chu tri: Sở Y tế.\n"
    "(3) Việc ba.\n- Thời gian hoàn thành: sớm nhất có thể.\n- Thời hạn: Quý I.\n"
    "(3) Việc bốn\n- Cơ quan phối hợp: .\n1. Nhóm lặp\nGiới thiệu nhóm dài. Câu hai.\n"
    "Câu ba.\n- Cơ quan chủ trì: Sở Tư pháp\nIV. TỔ CHỨC THỰC HIỆN\nCác sở thực hiện\n",
)


def _notes(text: str) -> tuple[ImportNote, ...]:
    return import_text(text).warnings


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_fixture_warning_has_a_vietnamese_message(path: Path) -> None:
    for note in _notes(path.read_text(encoding="utf-8")):
        assert note.message_vi != note.message, note
        assert note.in_language("vi") == note.message_vi
        assert note.in_language("en") == note.message


@pytest.mark.parametrize("text", ODD)
def test_odd_texts_warn_in_vietnamese(text: str) -> None:
    notes = _notes(text)
    assert notes
    for note in notes:
        assert note.message_vi != note.message, note


def test_the_seed_warns_in_vietnamese(son_la_seed: str) -> None:
    for note in import_text(son_la_seed).warnings:
        assert note.message_vi != note.message, note


@pytest.mark.parametrize(("en", "vi"), CATALOGUE)
def test_catalogue_entries_have_the_same_fields(en: str, vi: str) -> None:
    assert sorted(re.findall(r"\{(\w+)\}", en)) == sorted(re.findall(r"\{(\w+)\}", vi))
    assert en != vi


def test_fields_are_carried_over() -> None:
    assert vietnamese("task 3.2 follows 3.0: a task may be missing") == (
        "nhiệm vụ 3.2 đứng sau 3.0: có thể thiếu một nhiệm vụ"
    )
    assert vietnamese("new agency (level district) 'UBND huyện X' with key 'ubnd-huyen-x'") == (
        "cơ quan mới (cấp huyện) 'UBND huyện X', mã 'ubnd-huyen-x'"
    )
    assert vietnamese("not a message we write") == "not a message we write"
