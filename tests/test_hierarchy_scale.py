"""Building a hierarchy's name index compares no units (#18: no quadratic path).

Every commune shares the type word "xã"; an index that kept its units in a list and
checked ``node not in hits`` compared each new commune with all earlier ones: 5.5M
`Node.__eq__` calls at 3,321 communes. Counted here, not timed.
"""

from __future__ import annotations

import pytest

from de_an06._hierarchy import Hierarchy, Node


def national(communes: int) -> Hierarchy:
    parents: dict[str, str | None] = {f"x{c:05d}": f"p{c % 34:02d}" for c in range(communes)}
    names = {f"x{c:05d}": f"Xã Số {c}" for c in range(communes)}
    kinds = dict.fromkeys(parents, "xã") | {f"p{p:02d}": "tỉnh" for p in range(34)}
    return Hierarchy.from_mapping(parents, names=names, kinds=kinds)


@pytest.fixture
def eq_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    count = [0]
    compare = Node.__eq__

    def counted(self: Node, other: object) -> bool:
        count[0] += 1
        return compare(self, other)

    monkeypatch.setattr(Node, "__eq__", counted)
    return count


def test_building_compares_no_units(eq_calls: list[int]) -> None:
    hierarchy = national(2000)
    assert len(hierarchy) == 2034
    assert eq_calls[0] <= len(hierarchy)  # a list scan made about 2,000²/2 = 2M


def test_lookup_and_suggest_compare_no_units(eq_calls: list[int]) -> None:
    hierarchy = national(2000)
    assert hierarchy.lookup("xã") == ()  # the type word names no one unit: 2,000 have it
    assert [n.key for n in hierarchy.lookup("Xã Số 17")] == ["x00017"]
    assert [n.key for n in hierarchy.lookup("số 17")] == ["x00017"]  # without the type word
    found = hierarchy.suggest("Xã Số 177x", 2)
    assert len(found) == 2
    assert found[0].key == "x00177"
    assert eq_calls[0] <= 10


def test_a_unit_named_twice_is_indexed_once() -> None:
    node = Node(key="a", name="Xã Mường Bú", aliases=("xa muong bu", "Mường Bú"), kind="xã")
    hierarchy = Hierarchy(nodes=(node,))
    assert hierarchy.lookup("Xã Mường Bú") == (node,)
    assert hierarchy.lookup("Mường Bú") == (node,)
    assert hierarchy.suggest("Muong Buu") == (node,)


def test_the_counter_sees_a_list_scan(eq_calls: list[int]) -> None:
    """The fixture counts what the old index did, so the bound above can fail."""
    nodes = list(national(300))
    hits: list[Node] = []
    for node in nodes:
        if node not in hits:
            hits.append(node)
    assert eq_calls[0] >= len(nodes) * (len(nodes) - 1) // 2
