"""Measure kinds of the embedded plan, one test per indicator, citing the plan's words."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest

import de_an06
from de_an06 import Indicator, MeasureKind, Plan, dumps_plan, loads_plan
from de_an06._text import join_lines

SEED = Path(__file__).parents[1].parent / "shared/seeds/000_c06f53709003e68a.txt"

# Indicator → (kind, None for a qualitative one; the plan's words that decide it).
KINDS: dict[str, tuple[MeasureKind | None, str]] = {
    "II.1.1": (MeasureKind.RATIO, "100% thủ tục hành chính đủ điều kiện"),
    "II.1.2": (MeasureKind.RATIO, "100% người dân, doanh nghiệp sử dụng dịch vụ công"),
    "II.1.3": (MeasureKind.RATIO, "100% người dân khi thực hiện thủ tục hành chính"),
    "II.1.4": (MeasureKind.RATIO, "100% kết quả giải quyết thủ tục hành chính"),
    "II.1.5": (MeasureKind.RATIO, "50% mẫu đơn, tờ khai"),
    "II.1.6": (MeasureKind.RATIO, "Tối thiểu 90% người dân, doanh nghiệp hài lòng"),
    "II.1.7": (MeasureKind.RATIO, "100% thủ tục hành chính, giấy tờ công dân"),
    "II.1.8": (MeasureKind.RATIO, "90% hồ sơ công việc liên quan đến quản lý dân cư"),
    "II.1.9": (MeasureKind.RATIO, "100% hồ sơ về dân cư"),
    "II.2": (MeasureKind.RATIO, "đạt trên 80% trong tổng số lượt khám chữa bệnh"),
    "II.3.a": (MeasureKind.RATIO, "100% các trường học, cơ sở giáo dục"),
    "II.3.b": (MeasureKind.RATIO, "50% cha, mẹ học sinh"),
    "II.4": (MeasureKind.RATIO, "tối thiểu 30% trên tổng số đối tượng hưởng chế độ"),
    "II.5.a": (MeasureKind.RATIO, "cho 100% công dân đủ điều kiện"),
    "II.5.b": (MeasureKind.RATIO, "trên 65% công dân từ đủ 14 tuổi trở lên"),
    # Districts done over districts expected: a share of units meeting a condition.
    "II.6.a": (MeasureKind.UNITS_MEETING, "dữ liệu hộ tịch của 12/12 huyện, thành phố"),
    "II.6.b": (None, "Cập nhật dữ liệu người lao động đã thu thập thông tin"),
    "II.6.c": (None, "Duy trì rà soát, làm sạch dữ liệu đối tượng bảo trợ xã hội"),
    "II.6.d": (None, "Rà soát, xây dựng, làm sạch dữ liệu đất đai, nhà ở"),
    "II.6.e": (None, "Xây dựng, làm sạch, cập nhật, đồng bộ dữ liệu các ngành"),
    "II.7": (None, "bảo đảm tuyệt đối an ninh, an toàn hệ thống"),
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return de_an06.load_plan("son-la-2024")


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.is_file():
        pytest.skip(f"seed text not found at {SEED}; the verbatim checks need it")
    return join_lines(SEED.read_text(encoding="utf-8"))


def test_every_indicator_has_a_kind_here(plan: Plan) -> None:
    assert [i.id for i in plan.indicators] == list(KINDS)


@pytest.mark.parametrize("key", list(KINDS))
def test_kind(plan: Plan, key: str) -> None:
    indicator = next(i for i in plan.indicators if i.id == key)
    kind, words = KINDS[key]
    assert words in indicator.text
    if kind is None:
        assert indicator.qualitative
    else:
        assert not indicator.qualitative
        assert indicator.kind is kind


@pytest.mark.parametrize("key", list(KINDS))
def test_words_are_the_seeds(key: str, seed: str) -> None:
    assert KINDS[key][1] in seed


def test_old_files_without_the_field_load_as_ratio(plan: Plan) -> None:
    text = re.sub(r',\s*"kind": "(ratio|units_meeting)"', "", dumps_plan(plan))
    assert '"kind": "units_meeting"' not in text
    again = loads_plan(text)
    assert {i.kind for i in again.indicators} == {MeasureKind.RATIO}


def test_a_units_own_figure_is_judged_on_the_condition() -> None:
    indicator = Indicator(id="x", text="", kind=MeasureKind.UNITS_MEETING)
    assert indicator.unit_condition.met_by(Fraction(100))
    assert not indicator.unit_condition.met_by(Fraction(80))
