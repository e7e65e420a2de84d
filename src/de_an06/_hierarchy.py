"""Units an observation can be about, their parents, and finding them by name.

A `Hierarchy` holds the plan's localities (with their parents), its agencies and the
annex's reporting units, as `Node`s; `Hierarchy.from_mapping` builds any other tree (the
two-level structure from 01/07/2025, a national tree with the country on top). Names are
compared in the agency directory's `lookup_key` form, so any case, Unicode form, "UBND",
"TP" or "Sở TT&TT" finds the same unit.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Literal, final

import attrs

from ._text import fold, nfc
from .agency import UNIT_KINDS, Level
from .directory import lookup_key
from .errors import ModelValueError, UnknownKeyError
from .plan import Plan

__all__ = ["Hierarchy", "Node", "Origin", "canonical_name"]

Origin = Literal["locality", "agency", "annex"]

# A People's Committee ("UBND huyện Mai Sơn") stands for its locality: it is the body that
# reports the locality's figures. Names are compared by the agency directory's
# `lookup_key` (case, diacritics, punctuation, "UBND", "TP", "Sở TT&TT" spelled out).
_COMMITTEE = "uy ban nhan dan "
# Unit types as Vietnamese names them, longest first so "thi xa" wins over "xa"; then the
# abbreviations tables write before a name ("H. Sốp Cộp", "TT. Hát Lót", "X. Chiềng Mung";
# "TP", "TX" are spelled out by `lookup_key`).
_KINDS = tuple(sorted((fold(kind) for kind in UNIT_KINDS), key=len, reverse=True))
_SHORT_KINDS = ("tt", "h", "p", "q", "x")


def canonical_name(text: str) -> str:
    """The lookup form of a unit name: `lookup_key`, without a leading "UBND".

    >>> canonical_name("UBND TP. Sơn La") == canonical_name("Thành phố Sơn La")
    True
    """
    key = str(lookup_key(text))
    while key.startswith(_COMMITTEE):
        key = key.removeprefix(_COMMITTEE)
    return key


def _without_kind(key: str, *, short: bool = False) -> str | None:
    for kind in (*_KINDS, *_SHORT_KINDS) if short else _KINDS:
        if key.startswith(kind + " "):
            return key[len(kind) + 1 :]
    return None


@final
@attrs.frozen(kw_only=True)
class Node:
    """One unit of a hierarchy: a locality, an agency or an annex reporting unit.

    Attributes:
        key: stable identifier (a locality or agency key; an annex reporting unit that
            the plan does not define is keyed by its verbatim text).
        name: display name, verbatim.
        level: administrative level, when known.
        kind: the unit's type as Vietnamese names it ("huyện", "thành phố").
        parent: key of the enclosing unit, None at the top (and for agencies unless a
            mapping says otherwise: an agency's figures are not added to its locality's).
        aliases: other spellings.
        segments: population segments the unit belongs to (for segment targets).
        locality: the locality whose targets apply: itself for a locality, the
            agency's locality for an agency.
        origin: "locality", "agency" or "annex".
    """

    key: str
    name: str
    level: Level | None = None
    kind: str = ""
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    locality: str | None = None
    origin: Origin = "locality"

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


_TIERS: tuple[Origin, ...] = ("locality", "agency", "annex")


@final
@attrs.frozen(kw_only=True, eq=False)
class Hierarchy:
    """The units observations can be about, with their parents; looks names up.

    >>> h = Hierarchy.from_mapping({"xa-a": "tinh", "xa-b": "tinh", "tinh": None})
    >>> h.ancestors("xa-a")
    ('tinh',)
    """

    nodes: tuple[Node, ...]
    _by_key: dict[str, Node] = attrs.field(init=False, repr=False)
    _names: list[dict[str, list[Node]]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_key: dict[str, Node] = {}
        for node in self.nodes:
            by_key.setdefault(node.key, node)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_names", _name_index(by_key.values()))
        for node in by_key.values():
            self.ancestors(node.key)  # raises on a cycle

    @classmethod
    def from_plan(cls, plan: Plan, *, as_of: date | None = None) -> Hierarchy:
        """The plan's localities (with their parents), agencies and annex reporting units.

        *as_of* keeps only the localities that exist on that day (``valid_from``/``valid_to``).
        """
        nodes = [
            Node(
                key=loc.key,
                name=loc.name,
                level=loc.level,
                kind=loc.kind,
                parent=loc.parent,
                aliases=loc.aliases,
                segments=loc.segments,
                locality=loc.key,
            )
            for loc in plan.localities
            if as_of is None or loc.exists_on(as_of)
        ]
        segments = {loc.key: loc.segments for loc in plan.localities}
        nodes += [
            Node(
                key=agency.key,
                name=agency.name,
                level=agency.level,
                aliases=agency.aliases,
                segments=segments.get(agency.locality or "", ()),
                locality=agency.locality,
                origin="agency",
            )
            for agency in plan.agencies
        ]
        if plan.annex is not None:
            known = cls(nodes=tuple(nodes))
            seen: set[str] = set()
            for _, service in plan.annex.leaves():
                for text in service.reporting_units:
                    if not known.lookup(text) and canonical_name(text) not in seen:
                        seen.add(canonical_name(text))
                        nodes.append(Node(key=nfc(text), name=nfc(text), origin="annex"))
        return cls(nodes=tuple(nodes))

    @classmethod
    def from_mapping(
        cls,
        parents: Mapping[str, str | None],
        *,
        names: Mapping[str, str] | None = None,
        levels: Mapping[str, Level] | None = None,
        kinds: Mapping[str, str] | None = None,
    ) -> Hierarchy:
        """A hierarchy from a child → parent mapping, e.g. the 2025 communes → province.

        A parent that is not itself a key becomes a top-level unit. *names*, *levels*
        and *kinds* describe units by key (the key is the name when none is given).
        """
        keys = list(parents)
        keys += [p for p in dict.fromkeys(parents.values()) if p is not None and p not in parents]
        names, levels, kinds = names or {}, levels or {}, kinds or {}
        return cls(
            nodes=tuple(
                Node(
                    key=key,
                    name=names.get(key, key),
                    level=levels.get(key),
                    kind=kinds.get(key, ""),
                    parent=parents.get(key),
                    locality=key,
                )
                for key in keys
            )
        )

    def merged(self, other: Hierarchy) -> Hierarchy:
        """This hierarchy with *other*'s units added; *other* wins where keys collide.

        Where *other* only names a unit by its key (a parent in a mapping), the name,
        level, kind, aliases and segments come from this hierarchy; the parent is
        *other*'s.
        """
        nodes = []
        for given in other.nodes:
            node, base = given, self._by_key.get(given.key)
            if base is not None:
                node = attrs.evolve(
                    given,
                    name=base.name if node.name == node.key else node.name,
                    level=node.level or base.level,
                    kind=node.kind or base.kind,
                    aliases=node.aliases or base.aliases,
                    segments=node.segments or base.segments,
                    locality=base.locality if node.locality == node.key else node.locality,
                    origin=base.origin,
                )
            nodes.append(node)
        keys = {node.key for node in other.nodes}
        return Hierarchy(nodes=(*nodes, *(n for n in self.nodes if n.key not in keys)))

    def with_segments(self, segments: Mapping[str, Sequence[str]]) -> Hierarchy:
        """This hierarchy with the units of *segments* (key → segment keys) placed in them.

        >>> h = Hierarchy.from_mapping({"xa-a": None}).with_segments({"xa-a": ["remote"]})
        >>> h.node("xa-a").segments
        ('remote',)
        """
        nodes = tuple(
            attrs.evolve(n, segments=tuple(dict.fromkeys((*n.segments, *segments[n.key]))))
            if n.key in segments
            else n
            for n in self.nodes
        )
        return Hierarchy(nodes=nodes)

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[Node]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def node(self, key: str) -> Node:
        """The unit with *key*; raises `UnknownKeyError` if there is none."""
        try:
            return self._by_key[key]
        except KeyError:
            raise UnknownKeyError("unit", key, list(self._by_key)) from None

    def ancestors(self, key: str) -> tuple[str, ...]:
        """Keys of the enclosing units of *key*, nearest first."""
        out: list[str] = []
        node = self._by_key.get(key)
        while node is not None and node.parent is not None:
            if node.parent in out or node.parent == key:
                raise ModelValueError(f"the hierarchy has a cycle through {node.parent!r}")
            out.append(node.parent)
            node = self._by_key.get(node.parent)
        return tuple(out)

    def lookup(self, name: str) -> tuple[Node, ...]:
        """Every unit *name* could mean: one for a match, several if ambiguous, none if unknown.

        Matches a key exactly, else a name or alias in canonical form (case, diacritics,
        NFC/NFD, "UBND"/"Ủy ban nhân dân", "TP"/"thành phố" do not matter), else the name
        without its type word ("Mai Sơn" for "Huyện Mai Sơn"), else a type word that only
        one locality has ("thành phố" when the plan has one city). Localities come before
        agencies, agencies before annex reporting units.
        """
        text = nfc(name).strip()
        if text in self._by_key:
            return (self._by_key[text],)
        key = canonical_name(text)
        for index in self._names:
            hits = index.get(key)
            if hits:
                return tuple(hits)
        rest = _without_kind(key, short=True)  # "H. Sốp Cộp", "huyện Sốp Cộp" → "sop cop"
        if rest:
            for index in self._names[:2]:
                hits = index.get(rest)
                if hits:
                    return tuple(hits)
        return ()

    def suggest(self, name: str, count: int = 3) -> tuple[Node, ...]:
        """Units whose names are close to *name* (a typo: "Mai Sonn"), closest first.

        >>> h = Hierarchy.from_mapping({"mai-son": None}, names={"mai-son": "Huyện Mai Sơn"})
        >>> [n.name for n in h.suggest("Mai Sonn")]
        ['Huyện Mai Sơn']
        """
        key = canonical_name(name)
        key = _without_kind(key, short=True) or key
        forms: dict[str, dict[str, Node]] = {}  # form -> units by key, first seen first
        for node in self._by_key.values():
            for text in node.names:
                form = canonical_name(text)
                for variant in (form, _without_kind(form, short=True)):
                    if variant:
                        forms.setdefault(variant, {}).setdefault(node.key, node)
        found: dict[str, Node] = {}
        for match in difflib.get_close_matches(key, list(forms), n=count * 2, cutoff=0.75):
            for node in forms[match].values():
                found.setdefault(node.key, node)
        return tuple(found.values())[:count]


def _name_index(nodes: Iterable[Node]) -> list[dict[str, list[Node]]]:
    """Name → units indexes, searched in order: full names, names without type, types.

    Each index keeps a unit once per name, in first-seen order; units are told apart by
    key (a dict per name, not a list scan: every commune shares the type word "xã", #18).
    """
    full: dict[Origin, dict[str, dict[str, Node]]] = {tier: {} for tier in _TIERS}
    bare: dict[str, dict[str, Node]] = {}
    by_kind: dict[str, dict[str, Node]] = {}

    def add(index: dict[str, dict[str, Node]], key: str, node: Node) -> None:
        index.setdefault(key, {}).setdefault(node.key, node)

    for node in nodes:
        for name in node.names:
            key = canonical_name(name)
            add(full[node.origin], key, node)
            rest = _without_kind(key)
            if node.origin == "locality" and rest:
                add(bare, rest, node)
        if node.origin == "locality" and node.kind:
            add(by_kind, canonical_name(node.kind), node)
    # A type word alone names a unit only when one unit has that type ("thành phố").
    kinds = {k: v for k, v in by_kind.items() if len(v) == 1}
    tiers = [full["locality"], bare, kinds, full["agency"], full["annex"]]
    return [{name: list(hits.values()) for name, hits in index.items()} for index in tiers]
