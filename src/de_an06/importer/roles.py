"""Role lines of a plan text: agency names split, counted and resolved to keys.

Private to the importer. "- Cơ quan phối hợp: Công an tỉnh, các sở, ngành liên quan,
UBND các huyện, thành phố." names three bodies; commas inside "các sở, ngành" or "UBND
các huyện, thành phố" do not separate names, commas inside "Sở Văn hóa, Thể thao và Du
lịch" neither. The rules, in order:

1. ";" always separates, outside parentheses.
2. "," separates, except inside parentheses, inside a known name that has commas (a
   built-in list plus every name of the directory plan), and before a lower-case word
   that is not "các"/"những" (it continues a collective: "các sở, ngành, đoàn thể").
3. " và " separates before "các"/"những" or before a word that starts a body ("Sở",
   "UBND", "Công an", …), unless the whole is a known name.

Each name is resolved in `AgencyBook`: the directory plan's agencies and groups first
(by `directory.lookup_key`, which folds case, diacritics and abbreviations), then bodies
created from earlier lines, else a new `Agency` or `AgencyGroup` with a key made from the
folded name ("Các sở, ngành liên quan" → ``cac-so-nganh-lien-quan``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from .._text import fold, join_lines, nfc
from ..agency import UNIT_KINDS, Agency, AgencyGroup, Level
from ..directory import lookup_key
from ..locality import Locality
from ..plan import Plan
from ..task import Assignment, Mention, Role, RoleLine
from .labels import Label, LabelMatch
from .lines import Line, Sink

__all__ = ["AgencyBook", "read_role_line", "slug", "split_mentions"]

# Names with commas a role line may use; the directory plan's own names are added.
KNOWN_COMMA_NAMES: Final = (
    "Sở Văn hóa, Thể thao và Du lịch",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Sở Văn hóa, Thông tin, Thể thao và Du lịch",
    "Sở Văn hóa, Thể thao",
    "Sở Lao động, Thương binh và Xã hội",
    "Bộ Lao động, Thương binh và Xã hội",
    "Cục Quản lý chất lượng, Bộ Giáo dục và Đào tạo",
)
# Words that start a body's name: " và " before them separates two names.
_HEADS: Final = (
    "Sở ",
    "UBND",
    "Ủy ban",
    "Uỷ ban",
    "Công an",
    "Văn phòng",
    "Ban ",
    "Bộ ",
    "Cục ",
    "Chi cục",
    "Bảo hiểm",
    "Ngân hàng",
    "Bưu điện",
    "Viễn thông",
    "Điện lực",
    "Đài ",
    "Báo ",
    "Tỉnh Đoàn",
    "Tỉnh đoàn",
    "Hội ",
    "Trung tâm",
    "Liên đoàn",
    "Tòa án",
    "Toà án",
    "Viện ",
    "Mặt trận",
    "Kho bạc",
    "Thanh tra",
    "Cơ quan",
    "Tổ công tác",
    "Hội đồng",
    "Chính phủ",
    "Thủ tướng",
    "VNPT",
    "Viettel",
    "các ",
    "Các ",
    "những ",
    "Những ",
)
# Counts of at most 18 digits: they must fit the 64-bit integers of the plan format.
_EACH_COUNT = re.compile(r"\s*\(\s*mỗi\s+[^()\d]*?(?P<n>\d{1,18})\s+[^()\d]{1,30}?\s*\)\s*$", re.I)
_COUNT = re.compile(r"\s*\(\s*(?P<n>\d{1,18})\s+[^()\d]{1,30}?\s*\)\s*$")
_TRAILING_COUNT = re.compile(r"\s+(?P<n>\d{1,18})\s+(?:mô hình|dịch vụ|nhiệm vụ|đơn vị)\s*$", re.I)
# "X tham mưu, chỉ đạo, … các sở, ngành … thực hiện": X advises, the object implements.
_ADVISE_SENTENCE = re.compile(
    r"^(?P<subject>.+?)\s+tham mưu\b(?P<verbs>.*?)\s+"
    r"(?P<object>(?:[Cc]ác|[Nn]hững|UBND|Ủy ban|Uỷ ban|Sở)\s.*?)\s+thực hiện\W*$"
)


@attrs.frozen
class MentionText:
    """One name as a role line writes it, and the count attached to it, if any."""

    text: str
    count: int | None


def _depth_split(text: str, separator: str) -> list[str]:
    """*text* split on *separator* outside parentheses."""
    parts: list[str] = []
    depth = start = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(separator, i):
            parts.append(text[start:i])
            start = i + len(separator)
            i = start
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _tidy(text: str) -> str:
    text = join_lines(text)
    text = re.sub(r"^(?:và|với|cùng)\s+", "", text)
    return re.sub(r"(?:\s*(?:\./\.|\.\.\.|[.,;:…]))+$", "", text).strip()


def _count(text: str, pattern: re.Pattern[str]) -> tuple[str, int | None]:
    match = pattern.search(text)
    if match is None:
        return text, None
    return text[: match.start()], int(match["n"])


def _continues_collective(segment: str) -> bool:
    word = segment.strip().split(" ", 1)[0] if segment.strip() else ""
    return bool(word) and word[0].islower() and word not in ("các", "những")


def _split_commas(chunk: str, known: frozenset[str]) -> list[str]:
    segments = _depth_split(chunk, ",")
    merged: list[str] = []
    i = 0
    while i < len(segments):
        taken = 1
        for n in range(len(segments) - i, 1, -1):
            head = lookup_key(re.sub(r"^\s*và\s+", "", ",".join(segments[i : i + n - 1])))
            whole = lookup_key(re.sub(r"^\s*và\s+", "", ",".join(segments[i : i + n])))
            if any(k.startswith(head + " ") and whole.startswith(k) for k in known):
                taken = n
                break
        piece = ",".join(segments[i : i + taken])
        if taken == 1 and merged and _continues_collective(piece):
            merged[-1] += "," + piece
        else:
            merged.append(piece)
        i += taken
    return merged


def _split_and(item: str, known: frozenset[str]) -> list[str]:
    if lookup_key(item) in known:
        return [item]
    parts = _depth_split(item, " và ")
    out = [parts[0]]
    for part in parts[1:]:
        if part.startswith(_HEADS) and out[-1].strip():
            out.append(part)
        else:
            out[-1] += " và " + part
    return out


def split_mentions(text: str, known: frozenset[str] = frozenset()) -> list[MentionText]:
    """The names a role line's text gives, with their counts ("(12 mô hình)").

    *known* holds `lookup_key`s of names that contain commas.

    >>> for m in split_mentions("Công an tỉnh, các sở, ngành liên quan, UBND các huyện, "
    ...                         "thành phố và các đơn vị có liên quan."):
    ...     print(m.text)
    Công an tỉnh
    các sở, ngành liên quan
    UBND các huyện, thành phố
    các đơn vị có liên quan
    """
    known = known | _BUILT_IN
    found: list[MentionText] = []
    for raw_chunk in _depth_split(join_lines(text), ";"):
        chunk = _tidy(raw_chunk)
        chunk, each = _count(chunk, _EACH_COUNT)
        items = [p for c in _split_commas(chunk, known) for p in _split_and(c, known)]
        for raw_item in items:
            item, count = _count(_tidy(raw_item), _COUNT)
            if count is None:
                item, count = _count(item, _TRAILING_COUNT)
            item = _tidy(item)
            if item:
                found.append(MentionText(item, count if count is not None else each))
    return found


_BUILT_IN: Final = frozenset(lookup_key(name) for name in KNOWN_COMMA_NAMES)


def slug(text: str, limit: int = 48) -> str:
    """An ASCII key from a name: folded, parentheses dropped, words joined by "-"."""
    words = re.findall(r"[a-z0-9]+", fold(re.sub(r"\([^)]*\)?", " ", text)))
    key = ""
    for word in words:
        if key and len(key) + 1 + len(word) > limit:
            break
        key = f"{key}-{word}" if key else word
    return key


# Level guesses for bodies the directory does not know (the importer warns about each).
# Order matters: "Sở Lao động - Thương binh và Xã hội" is a province department although
# it contains "xã"; district and commune levels need a local-government word before it.
_LEVEL_HINTS: Final = (
    (
        Level.ENTERPRISE,
        r"^(?:vien thong|vnpt|viettel|mobifone|buu dien|dien luc|cong ty|tong cong ty|"
        r"ngan hang (?!nha nuoc)|cac doanh nghiep|doanh nghiep)",
    ),
    (
        Level.CENTRAL,
        r"^(?:bo |chinh phu|thu tuong|van phong chinh phu|tong cuc|cuc .*\bbo\b)"
        r"|quoc gia$|trung uong$",
    ),
    (
        Level.ASSOCIATION,
        r"^(?:hoi (?!dong)|tinh doan|doan thanh nien|mat tran|uy ban mat tran|ubmttq|lien doan)",
    ),
    (Level.PROVINCE, r"^(?:so |cong an tinh|ban |bao |dai )"),
    (Level.COMMUNE, r"\b(?:ubnd|uy ban nhan dan|cong an|cap) (?:xa|phuong|thi tran)\b"),
    (Level.DISTRICT, r"\b(?:ubnd|uy ban nhan dan|cong an|cap) (?:huyen|quan|thi xa|thanh pho)\b"),
    (Level.PROVINCE, r"\btinh\b|^van phong"),
)


def guess_level(name: str) -> Level:
    """The administrative level a name suggests; ``OTHER`` when nothing does."""
    folded = fold(name)
    for level, pattern in _LEVEL_HINTS:
        if re.search(pattern, folded):
            return level
    return Level.OTHER


def is_collective(name: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether a name refers to several bodies ("các sở, ngành", "UBND cấp huyện").

    A comma makes a collective, unless the name is one of *known* (`lookup_key`s of
    names with commas, such as "Sở Văn hóa, Thể thao và Du lịch").
    """
    folded = fold(name)
    return bool(
        re.search(r"(?:^|\s)(?:cac|nhung)\s", folded)
        or ("," in folded and lookup_key(name) not in known | _BUILT_IN)
        or re.search(r"\bcap (?:tinh|huyen|xa)\b", folded)
        or folded.endswith("lien quan")
    )


@attrs.define
class _NewBody:
    key: str
    name: str
    group: bool
    aliases: list[str] = attrs.field(factory=list)


# Key prefixes of new localities by kind; each kind's level comes from `UNIT_KINDS`.
_KEY_PREFIXES: Final = {
    "thành phố": "tp-",
    "thị xã": "tx-",
    "thị trấn": "tt-",
    "huyện": "",
    "quận": "",
    "xã": "xa-",
    "phường": "phuong-",
}
_LOCALITY_NAME: Final = re.compile(r"^(" + "|".join(_KEY_PREFIXES) + r")\s+(\S.*)$", re.I)
_KIND_OF: Final = {fold(kind): kind for kind in _KEY_PREFIXES}


class AgencyBook:
    """The draft's agencies, groups and localities: reused from a directory or created."""

    def __init__(self, directory: Plan | None, sink: Sink) -> None:
        self._sink = sink
        self._dir: dict[str, Agency | AgencyGroup] = {}
        self._index: dict[str, list[str]] = {}
        self._localities: dict[str, Locality] = {}
        self._locality_index: dict[str, list[str]] = {}
        if directory is not None:
            items: list[Agency | AgencyGroup] = [*directory.agencies, *directory.agency_groups]
            for item in items:
                self._dir.setdefault(item.key, item)
                for name in item.names:
                    _add(self._index, lookup_key(name), item.key)
            for loc in directory.localities:
                self._localities.setdefault(loc.key, loc)
                for name in loc.names:
                    _add(self._locality_index, lookup_key(name), loc.key)
        self.known_comma_names = frozenset(k for k in self._index if "," in k) | frozenset(
            lookup_key(n) for item in self._dir.values() for n in item.names if "," in n
        )
        self._used: dict[str, None] = {}
        self._new: dict[str, _NewBody] = {}
        self._new_index: dict[str, str] = {}
        self._used_localities: dict[str, None] = {}
        self._new_localities: dict[str, Locality] = {}
        self.province = "province"

    def resolve(self, name: str, lines: Sequence[Line]) -> str:
        """The key of the agency or group *name* names, created if nobody has it."""
        key = lookup_key(name)
        found = self._index.get(key, [])
        if found:
            if len(found) > 1:
                self._sink.warn(
                    lines,
                    f"{name!r} names several directory entries "
                    f"({', '.join(found)}); {found[0]} used",
                    "guessed",
                )
            self._used.setdefault(found[0], None)
            return found[0]
        if key in self._new_index:
            body = self._new[self._new_index[key]]
            if name != body.name and name not in body.aliases:
                body.aliases.append(name)
            return body.key
        group = is_collective(name, self.known_comma_names)
        new_key = self._free_key(slug(name) or ("group" if group else "agency"))
        self._new[new_key] = _NewBody(new_key, name, group)
        self._new_index[key] = new_key
        what = "open agency group" if group else f"agency (level {guess_level(name).value})"
        self._sink.warn(lines, f"new {what} {name!r} with key {new_key!r}", "guessed")
        return new_key

    def _free_key(self, base: str) -> str:
        taken = self._dir.keys() | self._new.keys()
        key, n = base, 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        return key

    def set_province(self, name: str, kind: str) -> None:
        """The plan's province (or centrally-run city): from the directory, else new."""
        for query in (f"{kind} {name}", name):
            found = self._locality_index.get(lookup_key(query))
            if found:
                self.province = found[0]
                self._used_localities.setdefault(found[0], None)
                return
        self.province = self._free_locality_key(slug(name) or "province")
        self._new_localities[self.province] = Locality(
            key=self.province,
            name=nfc(f"{kind[:1].upper()}{kind[1:]} {name}".strip()),
            level=Level.PROVINCE,
            kind=kind,
        )

    def locality(self, text: str) -> str | None:
        """The key of the locality *text* names ("thành phố Sơn La", "huyện Mộc Châu")."""
        name = re.sub(r"^(?:(?:trên|tại|ở)\s+)?(?:các\s+)?(?:địa bàn\s+)?", "", text.strip())
        for query in (name, text):
            found = self._locality_index.get(lookup_key(query))
            if found:
                self._used_localities.setdefault(found[0], None)
                return found[0]
        match = _LOCALITY_NAME.match(name)
        if match is None:
            return None
        kind = _KIND_OF[fold(match[1])]
        prefix, level = _KEY_PREFIXES[kind], UNIT_KINDS[kind]
        base = prefix + (slug(match[2]) or "locality")
        key = next((k for k, loc in self._new_localities.items() if loc.aliases == (name,)), "")
        if not key:
            key = self._free_locality_key(base)
            self._new_localities[key] = Locality(
                key=key,
                name=nfc(f"{kind[:1].upper()}{kind[1:]} {match[2]}"),
                level=level,
                kind=kind,
                parent=self.province,
                aliases=(name,),
            )
        self._used_localities.setdefault(key, None)
        return key

    def _free_locality_key(self, base: str) -> str:
        taken = self._localities.keys() | self._new_localities.keys()
        key, n = base, 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        return key

    def finish(self) -> tuple[tuple[Agency, ...], tuple[AgencyGroup, ...], tuple[Locality, ...]]:
        """Every body and locality the draft references, directory ones first."""
        keys = list(self._used)
        i = 0
        while i < len(keys):  # members of used groups are used too
            item = self._dir[keys[i]]
            if isinstance(item, AgencyGroup):
                keys += [m for m in item.members if m in self._dir and m not in keys]
            i += 1
        agencies = [self._dir[k] for k in self._dir if k in keys]
        groups = [g for g in agencies if isinstance(g, AgencyGroup)]
        plain = [a for a in agencies if isinstance(a, Agency)]
        for body in self._new.values():
            if body.group:
                groups.append(
                    AgencyGroup(
                        key=body.key, name=body.name, open=True, aliases=tuple(body.aliases)
                    )
                )
            else:
                plain.append(
                    Agency(
                        key=body.key,
                        name=body.name,
                        level=guess_level(body.name),
                        aliases=tuple(body.aliases),
                    )
                )
        return tuple(plain), tuple(groups), self._finish_localities(plain)

    def _finish_localities(self, agencies: list[Agency]) -> tuple[Locality, ...]:
        wanted = dict(self._used_localities)
        wanted.setdefault(self.province, None)
        for agency in agencies:
            if agency.locality is not None:
                wanted.setdefault(agency.locality, None)
        keys = list(wanted)
        for key in keys:  # parents too, so every reference resolves
            loc = self._localities.get(key) or self._new_localities.get(key)
            if loc is not None and loc.parent is not None and loc.parent not in keys:
                keys.append(loc.parent)
        out = [self._localities[k] for k in self._localities if k in keys]
        out += [loc for k, loc in self._new_localities.items() if k in keys]
        return tuple(out)


def _add(index: dict[str, list[str]], key: str, value: str) -> None:
    values = index.setdefault(key, [])
    if value not in values:
        values.append(value)


def _mentions(text: str, lines: Sequence[Line], book: AgencyBook) -> tuple[Mention, ...]:
    return tuple(
        Mention(agency=book.resolve(m.text, lines), text=m.text, count=m.count)
        for m in split_mentions(text, book.known_comma_names)
    )


def read_role_line(
    match: LabelMatch, text: str, lines: Sequence[Line], book: AgencyBook, sink: Sink
) -> RoleLine:
    """A `RoleLine` from a label and its text (hard breaks already joined)."""
    roles = [Role(value) for value in match.kind.value]
    if not match.exact:
        sink.warn(lines, f"label {match.label!r} read as {match.canonical!r}", "guessed")
    sentence = _ADVISE_SENTENCE.match(text) if match.kind is not Label.LEAD else None
    assignments: tuple[Assignment, ...]
    if sentence and Role.ADVISE in roles:
        # decisions.md: the subject advises, the object implements; the line is kept whole.
        assignments = (
            Assignment(role=Role.ADVISE, agencies=_mentions(sentence["subject"], lines, book)),
            Assignment(role=Role.IMPLEMENT, agencies=_mentions(sentence["object"], lines, book)),
        )
    else:
        mentions = _mentions(text, lines, book)
        assignments = tuple(Assignment(role=role, agencies=mentions) for role in roles)
    if not any(a.agencies for a in assignments):
        sink.warn(lines, f"role line {match.label!r} names no agency", "missing")
    return RoleLine(label=match.label, text=text, assignments=assignments)
