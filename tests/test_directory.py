"""Agency and locality lookup: any spelling people type finds the one body it names."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, strategies as st

from de_an06 import (
    Agency,
    AgencyGroup,
    AgencyLookupError,
    Level,
    LocalityLookupError,
    load_plan,
    resolve_agency,
    resolve_locality,
)
from de_an06._text import fold
from de_an06.directory import Directory, DirectoryEntry, agency_directory, lookup_key
from de_an06.plan import Decision, Plan

from strategies import texts, vietnamese

SON_LA = load_plan("son-la-2024")


def small_plan() -> Plan:
    decision = Decision(number="1/QĐ", date=SON_LA.decision.date, issuer="UBND", signer="A")
    agencies = (
        Agency(key="tttt", name="Sở Thông tin và Truyền thông", level=Level.PROVINCE),
        Agency(key="ldtbxh", name="Sở Lao động – Thương binh và Xã hội", level=Level.PROVINCE),
        Agency(key="ca", name="Công an tỉnh", level=Level.PROVINCE),
        Agency(key="ca-huyen", name="Công an huyện Mai Sơn", level=Level.DISTRICT),
        Agency(key="ubnd-tinh", name="Uỷ ban nhân dân tỉnh", level=Level.PROVINCE),
        Agency(key="y-te", name="Sở Y tế", level=Level.PROVINCE),
    )
    groups = (AgencyGroup(key="lq", name="Các sở, ngành liên quan", open=True),)
    return Plan(
        id="t",
        title="",
        year=2024,
        province="x",
        decision=decision,
        agencies=agencies,
        agency_groups=groups,
    )


class TestLookupKey:
    """Spellings of one name share one key; the stored names are not touched."""

    @pytest.mark.parametrize(
        "spelling",
        [
            "Sở Thông tin và Truyền thông",
            "so thong tin va truyen thong",
            "SO THONG TIN VA TRUYEN THONG",
            "Sở TT&TT",
            "so tt&tt",
            "Sở TTTT",
            "Sở TT & TT",
            "Sở   Thông tin  và Truyền thông",
            unicodedata.normalize("NFD", "Sở Thông tin và Truyền thông"),
        ],
    )
    def test_information_department(self, spelling: str) -> None:
        assert lookup_key(spelling) == lookup_key("Sở Thông tin và Truyền thông")

    @pytest.mark.parametrize(
        "spelling",
        [
            "Sở Lao động - Thương binh và Xã hội",
            "Sở Lao động – Thương binh và Xã hội",
            "Sở Lao động- TB&XH",
            "Sở LĐTBXH",
            "Sở LĐ-TB&XH",
            "so ld-tb&xh",
        ],
    )
    def test_labour_department(self, spelling: str) -> None:
        assert lookup_key(spelling) == lookup_key("Sở Lao động - Thương binh và Xã hội")

    @pytest.mark.parametrize(
        ("short", "full"),
        [
            ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
            ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
            ("CA tỉnh", "Công an tỉnh"),
            ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
            ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
            ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
            ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
            ("BHXH tỉnh", "Bảo hiểm xã hội tỉnh"),
            ("VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
            ("UBND tp Son La", "Ủy ban nhân dân thành phố Sơn La"),
            ("Đài PT-TH tỉnh", "Đài Phát thanh - Truyền hình tỉnh"),
        ],
    )
    def test_abbreviations(self, short: str, full: str) -> None:
        assert lookup_key(short) == lookup_key(full)

    def test_different_bodies_stay_different(self) -> None:
        assert lookup_key("Sở Y tế") != lookup_key("Sở Tư pháp")
        assert lookup_key("Công an tỉnh") != lookup_key("Công an huyện")

    @given(st.one_of(texts, vietnamese))
    def test_fold_is_idempotent(self, text: str) -> None:
        assert fold(fold(text)) == fold(text)

    @given(st.one_of(texts, vietnamese))
    def test_lookup_key_is_idempotent_and_form_blind(self, text: str) -> None:
        key = lookup_key(text)
        assert lookup_key(key) == key
        assert lookup_key(unicodedata.normalize("NFD", text)) == key


class TestResolve:
    """`resolve` returns one body, or raises naming the candidates."""

    def test_by_name_key_and_abbreviation(self) -> None:
        plan = small_plan()
        assert resolve_agency(plan, "so tt&tt").key == "tttt"
        assert resolve_agency(plan, "tttt").key == "tttt"
        assert resolve_agency(plan, "Sở LĐ-TB&XH").key == "ldtbxh"
        assert resolve_agency(plan, "UBND tỉnh").key == "ubnd-tinh"

    def test_words_inside_a_name(self) -> None:
        assert resolve_agency(small_plan(), "y te").key == "y-te"

    def test_exact_match_wins_over_containing(self) -> None:
        # "Công an" alone is inside two names; "CA tỉnh" is exactly one.
        assert resolve_agency(small_plan(), "CA tỉnh").key == "ca"

    def test_ambiguous_lists_every_match(self) -> None:
        with pytest.raises(AgencyLookupError) as info:
            resolve_agency(small_plan(), "Công an")
        assert info.value.ambiguous
        assert {"Công an tỉnh [ca]", "Công an huyện Mai Sơn [ca-huyen]"} <= set(
            info.value.candidates
        )
        assert "ambiguous" in str(info.value)

    def test_unknown_suggests_close_names(self) -> None:
        with pytest.raises(AgencyLookupError) as info:
            resolve_agency(small_plan(), "Sở Thong tin va Truyen thog")
        assert not info.value.ambiguous
        assert info.value.candidates[0] == "Sở Thông tin và Truyền thông [tttt]"
        assert "no agency matches" in str(info.value)

    def test_error_is_a_lookup_error(self) -> None:
        with pytest.raises(LookupError):
            resolve_agency(small_plan(), "Bộ Ngoại giao")

    def test_search_lists_all_without_raising(self) -> None:
        found = agency_directory(small_plan()).search("Công an")
        assert [e.key for e in found] == ["ca", "ca-huyen"]

    def test_generic_directory(self) -> None:
        directory = Directory(
            [DirectoryEntry(key="k1", name="Hội Nông dân", names=("Hội Nông dân",), kind="x")],
            what="association",
        )
        assert directory.resolve("HOI NONG DAN").key == "k1"
        assert "k1" in directory
        assert len(directory) == 1


class TestEmbeddedPlan:
    """The lookups the issue names, on the embedded Sơn La 2024 directory."""

    @pytest.mark.parametrize(
        "name",
        [
            "so tt&tt",
            "Sở TTTT",
            "SO THONG TIN VA TRUYEN THONG",
            unicodedata.normalize("NFD", "Sở Thông tin và Truyền thông"),
            "so thong tin va truyen thong",
        ],
    )
    def test_information_department(self, name: str) -> None:
        assert resolve_agency(SON_LA, name).name == "Sở Thông tin và Truyền thông"

    def test_city_peoples_committee(self) -> None:
        assert resolve_agency(SON_LA, "UBND tp Son La").name == "Ủy ban nhân dân thành phố Sơn La"

    def test_group(self) -> None:
        group = resolve_agency(SON_LA, "UBND các huyện, thành phố")
        assert isinstance(group, AgencyGroup)

    def test_office_and_police(self) -> None:
        assert resolve_agency(SON_LA, "VP UBND tỉnh").name == "Văn phòng Ủy ban nhân dân tỉnh"
        assert resolve_agency(SON_LA, "CA tỉnh").name == "Công an tỉnh"

    def test_localities(self) -> None:
        assert resolve_locality(SON_LA, "TP Sơn La").key == "tp-son-la"
        assert resolve_locality(SON_LA, "Thành phố").key == "tp-son-la"
        assert resolve_locality(SON_LA, "mai son").name == "Huyện Mai Sơn"
        assert resolve_locality(SON_LA, "HUYỆN MỘC CHÂU").name == "Huyện Mộc Châu"

    def test_unknown_locality_says_locality(self) -> None:
        with pytest.raises(LocalityLookupError) as info:
            resolve_locality(SON_LA, "Huyện Điện Biên")
        assert "no locality matches" in str(info.value)
