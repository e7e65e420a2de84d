"""Finding an agency (or a locality) by the name a person types.

People write the same body many ways: "Sở Thông tin và Truyền thông", "Sở TT&TT", "Sở
TTTT", "so thong tin va truyen thong", "UBND tp Sơn La", "Uỷ ban nhân dân thành phố Sơn
La". Every name — the query and the names a plan stores — goes through one `lookup_key`:
`de_an06._text.fold` (NFC/NFD, case, diacritics, dashes, spacing), "&" read as "và",
punctuation as a space, then the abbreviations in `ABBREVIATIONS` spelled out. Two names
with the same key name the same body.

>>> lookup_key("Sở TT&TT") == lookup_key("SO THONG TIN VA TRUYEN THONG")
True

A `Directory` maps names to keys for any kind of named thing (agencies, agency groups,
localities, bodies defined by succession data); `resolve_agency` and `resolve_locality`
are the two everyday uses. The stored names are never changed: only keys are folded.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import NewType, final

import attrs

from ._text import fold
from .agency import Agency, AgencyGroup
from .errors import AgencyLookupError, LocalityLookupError
from .locality import Locality
from .plan import Plan

__all__ = [
    "ABBREVIATIONS",
    "MAX_NAME",
    "Directory",
    "DirectoryEntry",
    "LookupKey",
    "agency_directory",
    "locality_directory",
    "lookup_key",
    "plan_items",
    "resolve_agency",
    "resolve_locality",
]

LookupKey = NewType("LookupKey", str)
"""A name after `lookup_key`: compare these, never the raw names."""

# The abbreviations of Vietnamese administrative writing, as data: (full form, short
# forms). Both sides go through the same folding, so "LĐ-TB&XH", "LĐ - TB & XH" and
# "ld-tb&xh" are one short form. Only forms that cannot mean something else in an
# agency name are listed: "TT" alone (thông tin? trung tâm? thị trấn?) is not.
ABBREVIATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Ủy ban nhân dân", ("UBND",)),
    ("Hội đồng nhân dân", ("HĐND",)),
    ("Mặt trận Tổ quốc", ("MTTQ",)),
    ("Công an tỉnh", ("CA tỉnh",)),
    ("Công an huyện", ("CA huyện",)),
    ("Công an xã", ("CA xã",)),
    ("Thông tin và Truyền thông", ("TT&TT", "TTTT", "TT-TT")),
    ("Lao động - Thương binh và Xã hội", ("LĐTBXH", "LĐ-TB&XH", "LĐ-TBXH", "LĐTB&XH")),
    ("Thương binh và Xã hội", ("TB&XH", "TBXH")),
    ("Kế hoạch và Đầu tư", ("KH&ĐT", "KHĐT")),
    ("Khoa học và Công nghệ", ("KH&CN", "KHCN")),
    ("Giáo dục và Đào tạo", ("GD&ĐT", "GDĐT")),
    ("Tài nguyên và Môi trường", ("TN&MT", "TNMT")),
    ("Văn hóa, Thể thao và Du lịch", ("VHTTDL", "VH,TT&DL", "VHTT&DL")),
    ("Nông nghiệp và Phát triển nông thôn", ("NN&PTNT", "NNPTNT")),
    ("Nông nghiệp và Môi trường", ("NN&MT", "NNMT")),
    ("Dân tộc và Tôn giáo", ("DT&TG", "DTTG")),
    ("Giao thông vận tải", ("GTVT",)),
    ("Bảo hiểm xã hội", ("BHXH",)),
    ("Bảo hiểm y tế", ("BHYT",)),
    ("Ngân hàng Nhà nước", ("NHNN",)),
    ("Ngân hàng Chính sách xã hội", ("NHCSXH",)),
    ("Phát thanh - Truyền hình", ("PT-TH", "PTTH")),
    ("Văn phòng", ("VP",)),
    ("thành phố", ("TP",)),
    ("thị xã", ("TX",)),
)

# "&" is "và" ("TT&TT" = "Thông tin và Truyền thông"); other punctuation only separates.
_AMPERSAND = re.compile(r"\s*&\s*")
_PUNCTUATION = re.compile(r"[-,.;:()\[\]/\\\"'“”‘’…]+")
_SPACES = re.compile(r"\s+")


MAX_NAME = 1_000
"""The longest name looked up, in characters (the plan's longest agency name is under 200)."""


def _prepare(text: str) -> str:
    key = _AMPERSAND.sub(" va ", fold(text))
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", key)).strip()


def _compile_abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    expansions: dict[str, str] = {}
    for full, shorts in ABBREVIATIONS:
        for short in shorts:
            expansions[_prepare(short)] = _prepare(full)
    # Longest first, so "ld tb va xh" wins over "tb va xh"; one pass, so an expansion is
    # never expanded again.
    alternatives = "|".join(re.escape(s) for s in sorted(expansions, key=len, reverse=True))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])"), expansions


_ABBREVIATION, _EXPANSIONS = _compile_abbreviations()


def lookup_key(text: str) -> LookupKey:
    """The comparison key of a name: folded, punctuation-free, abbreviations spelled out.

    >>> lookup_key("Sở LĐ-TB&XH")
    'so lao dong thuong binh va xa hoi'
    >>> lookup_key("UBND tp Sơn La")
    'uy ban nhan dan thanh pho son la'
    """
    prepared = _prepare(text)
    return LookupKey(_ABBREVIATION.sub(lambda m: _EXPANSIONS[m.group(0)], prepared))


@final
@attrs.frozen(kw_only=True)
class DirectoryEntry:
    """One named thing a directory can find.

    Attributes:
        key: the key the rest of the data uses.
        name: the display name (verbatim).
        names: every name it answers to, the display name first.
        kind: what it is: ``"agency"``, ``"group"``, ``"locality"``.
        source: where it is defined: ``"plan"`` or ``"succession"``.
    """

    key: str
    name: str
    names: tuple[str, ...]
    kind: str
    source: str = "plan"

    def label(self) -> str:
        """``"name [key]"``, as error messages list candidates."""
        return f"{self.name} [{self.key}]"


class Directory:
    """Names to keys for one kind of thing; see the module docstring for the matching.

    `resolve` returns exactly one entry or raises; `search` lists every match. Both try,
    in order: the key itself, a name with the same `lookup_key`, then names that contain
    the query's words in order ("y tế" finds "Sở Y tế").
    """

    def __init__(
        self, entries: Iterable[DirectoryEntry], *, what: str = "agency", source: str = ""
    ) -> None:
        self.what = what
        self.source = source  # named in lookup errors: "plan 'son-la-2024'"
        self._entries: dict[str, DirectoryEntry] = {}
        self._by_name: dict[LookupKey, list[str]] = {}
        for entry in entries:
            self._entries.setdefault(entry.key, entry)
            for name in entry.names:
                keys = self._by_name.setdefault(lookup_key(name), [])
                if entry.key not in keys:
                    keys.append(entry.key)

    def __iter__(self) -> Iterator[DirectoryEntry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def get(self, key: str) -> DirectoryEntry | None:
        """The entry with *key*, or None."""
        return self._entries.get(key)

    def exact(self, name: str) -> tuple[DirectoryEntry, ...]:
        """Entries whose key is *name* or one of whose names has its `lookup_key`."""
        if name in self._entries:
            return (self._entries[name],)
        return tuple(self._entries[k] for k in self._by_name.get(lookup_key(name), ()))

    def search(self, query: str) -> tuple[DirectoryEntry, ...]:
        """Every entry *query* names: exact matches if any, else names containing it.

        Raises:
            AgencyLookupError: nothing matches; the closest names are suggested.
        """
        if len(query) > MAX_NAME:  # folding and fuzzy matching 10 MB would take minutes
            shown = f"{query[:80]}… ({len(query):,} characters; a name has at most {MAX_NAME:,})"
            raise self._error(shown, (), ambiguous=False)
        found = self.exact(query) or self._containing(lookup_key(query))
        if not found:
            raise self._error(query, self._closest(query), ambiguous=False)
        return found

    def resolve(self, name: str) -> DirectoryEntry:
        """The one entry *name* names.

        Raises:
            AgencyLookupError: nothing matches (closest names suggested), or several do
                (``ambiguous=True``, every match listed).
        """
        found = self.search(name)
        if len(found) > 1:
            raise self._error(name, [e.label() for e in found], ambiguous=True)
        return found[0]

    def _containing(self, key: LookupKey) -> tuple[DirectoryEntry, ...]:
        if not key:
            return ()
        padded = f" {key} "
        keys: list[str] = []
        for name_key, entry_keys in self._by_name.items():
            if padded in f" {name_key} ":
                keys += [k for k in entry_keys if k not in keys]
        return tuple(self._entries[k] for k in keys)

    def _closest(self, query: str) -> list[str]:
        labels: dict[str, str] = {
            lookup_key(name): entry.label() for entry in self for name in reversed(entry.names)
        }
        close = difflib.get_close_matches(lookup_key(query), list(labels), n=8, cutoff=0.6)
        return list(dict.fromkeys(labels[k] for k in close))[:5]

    def _error(self, query: str, candidates: Iterable[str], *, ambiguous: bool) -> Exception:
        if self.what == "locality":
            return LocalityLookupError(query, candidates, ambiguous=ambiguous, source=self.source)
        return AgencyLookupError(query, candidates, ambiguous=ambiguous, source=self.source)


def entry_of(item: Agency | AgencyGroup, source: str = "plan") -> DirectoryEntry:
    """The directory entry of an agency or agency group."""
    kind = "group" if isinstance(item, AgencyGroup) else "agency"
    return DirectoryEntry(key=item.key, name=item.name, names=item.names, kind=kind, source=source)


def plan_items(plan: Plan) -> tuple[Agency | AgencyGroup, ...]:
    """Every agency, then every agency group, of *plan*."""
    items: tuple[Agency | AgencyGroup, ...] = (*plan.agencies, *plan.agency_groups)
    return items


def agency_directory(plan: Plan) -> Directory:
    """Every agency and agency group of *plan*, findable by any of its names."""
    return Directory((entry_of(item) for item in plan_items(plan)), source=f"plan {plan.id!r}")


def locality_directory(plan: Plan) -> Directory:
    """Every locality of *plan*, findable by any of its names."""
    return Directory(
        (
            DirectoryEntry(key=loc.key, name=loc.name, names=loc.names, kind="locality")
            for loc in plan.localities
        ),
        what="locality",
        source=f"plan {plan.id!r}",
    )


def resolve_agency(plan: Plan, name: str) -> Agency | AgencyGroup:
    """The agency or agency group of *plan* that *name* (or a key) names.

    >>> from de_an06 import load_plan
    >>> resolve_agency(load_plan("son-la-2024"), "cong an tinh").name
    'Công an tỉnh'

    Raises:
        AgencyLookupError: unknown name (closest names suggested) or ambiguous one.
    """
    return plan.agency_by_key(agency_directory(plan).resolve(name).key)


def resolve_locality(plan: Plan, name: str) -> Locality:
    """The locality of *plan* that *name* (or a key) names ("TP Sơn La", "Mai Sơn").

    Raises:
        LocalityLookupError: unknown name (closest names suggested) or ambiguous one.
    """
    key = locality_directory(plan).resolve(name).key
    return next(loc for loc in plan.localities if loc.key == key)
