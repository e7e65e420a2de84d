"""Role lines of a plan text: the names they give resolved to agency and locality keys.

Private to the importer. `mentions` splits a role line's text into names; each name is
resolved in `AgencyBook`: the directory plan's agencies and groups first
(by `directory.lookup_key`, which folds case, diacritics and abbreviations), then bodies
created from earlier lines, else a new `Agency` or `AgencyGroup` with a key made from the
folded name ("Các sở, ngành liên quan" → ``cac-so-nganh-lien-quan``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from .._text import fold, nfc
from ..agency import UNIT_KINDS, Agency, AgencyGroup, Level
from ..directory import lookup_key
from ..locality import Locality
from ..plan import Plan
from ..task import Assignment, Mention, Role, RoleLine
from .labels import Label, LabelMatch
from .lines import Line, Sink
from .mentions import guess_level, is_collective, slug, split_mentions

__all__ = ["AgencyBook", "mentions", "read_role_line"]

# "X tham mưu, chỉ đạo, … các sở, ngành … thực hiện": X advises, the object implements.
_ADVISE_SENTENCE = re.compile(
    r"^(?P<subject>.+?)\s+tham mưu\b(?P<verbs>.*?)\s+"
    r"(?P<object>(?:[Cc]ác|[Nn]hững|UBND|Ủy ban|Uỷ ban|Sở)\s.*?)\s+thực hiện\W*$"
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


def mentions(text: str, lines: Sequence[Line], book: AgencyBook) -> tuple[Mention, ...]:
    """The names *text* gives, resolved to keys in *book*."""
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
            Assignment(role=Role.ADVISE, agencies=mentions(sentence["subject"], lines, book)),
            Assignment(role=Role.IMPLEMENT, agencies=mentions(sentence["object"], lines, book)),
        )
    else:
        named = mentions(text, lines, book)
        assignments = tuple(Assignment(role=role, agencies=named) for role in roles)
    if not any(a.agencies for a in assignments):
        sink.warn(lines, f"role line {match.label!r} names no agency", "missing")
    return RoleLine(label=match.label, text=text, assignments=assignments)
