"""Objectives and their indicators: what is measured, and the target to reach.

Section II of a plan states objectives such as "đạt trên 65% công dân từ đủ 14 tuổi trở
lên, riêng địa bàn thành phố Sơn La trên 80%". Each measured quantity is one `Indicator`
with a default `Target` and `TargetOverride`s for a locality, an administrative level or a
population segment. Objectives without a number stay as qualitative indicators.
"""

from __future__ import annotations

import enum
from fractions import Fraction
from typing import Literal, final

import attrs

from ._text import fraction_text

__all__ = [
    "Aggregation",
    "Comparator",
    "Indicator",
    "Measure",
    "MeasureKind",
    "Objective",
    "Scope",
    "ScopeKind",
    "Target",
    "TargetOverride",
    "Unit",
    "scope_label",
    "shortfall",
    "target_text",
]

Language = Literal["vi", "en"]


class Comparator(enum.Enum):
    """How an achieved value is compared with a target value.

    "trên" is ``GT``; "tối thiểu" / "ít nhất" and a bare "50%" are ``GE``; "duy trì" is
    ``MAINTAIN`` (at least the value, and not below the baseline).
    """

    GT = ">"
    GE = ">="
    EQ = "="
    LE = "<="
    LT = "<"
    MAINTAIN = "maintain"

    def label(self, lang: Language = "vi") -> str:
        """The word people read: "trên", "tối thiểu", "duy trì" … (or English).

        >>> Comparator.GT.label(), Comparator.LE.label("en")
        ('trên', 'at most')
        """
        return _WORDS[lang][self]


class Unit(enum.Enum):
    """The unit of a target value: a percentage (``"65"`` is 65%) or a count."""

    PERCENT = "percent"
    COUNT = "count"


class ScopeKind(enum.Enum):
    """What a target override applies to."""

    LOCALITY = "locality"
    LEVEL = "level"
    SEGMENT = "segment"


class Aggregation(enum.Enum):
    """How unit results roll up: pooled counts, mean of ratios, or share of units meeting."""

    POOLED = "pooled"
    MEAN = "mean"
    SHARE_MET = "share_met"

    def label(self, lang: Language = "vi") -> str:
        """The words people read: "cộng dồn", "bình quân", "số đơn vị đạt" (or English)."""
        return _WORDS[lang][self]


_WORDS: dict[str, dict[enum.Enum, str]] = {
    "vi": {
        Comparator.GT: "trên",
        Comparator.GE: "tối thiểu",
        Comparator.EQ: "bằng",
        Comparator.LE: "tối đa",
        Comparator.LT: "dưới",
        Comparator.MAINTAIN: "duy trì",
        Aggregation.POOLED: "cộng dồn số đếm",
        Aggregation.MEAN: "bình quân tỉ lệ",
        Aggregation.SHARE_MET: "số đơn vị đạt",
    },
    "en": {
        Comparator.GT: "above",
        Comparator.GE: "at least",
        Comparator.EQ: "exactly",
        Comparator.LE: "at most",
        Comparator.LT: "below",
        Comparator.MAINTAIN: "maintain",
        Aggregation.POOLED: "pooled counts",
        Aggregation.MEAN: "mean of ratios",
        Aggregation.SHARE_MET: "units meeting",
    },
}


class Measure(enum.Enum):
    """How an indicator's periods combine: flows are summed, stocks take the latest."""

    FLOW = "flow"
    STOCK = "stock"


class MeasureKind(enum.Enum):
    """What an indicator's figure is.

    * ``RATIO``: a ratio of counts ("trên 65% công dân …"), numerator over denominator.
    * ``COUNT``: a count against a count target ("ít nhất 30 mô hình").
    * ``UNITS_MEETING``: the share of units meeting a condition ("12/12 huyện, thành
      phố"): each unit reports its own counts and meets the indicator's ``condition``
      (by default 100%: done) or not; an enclosing unit's figure is the number of units
      meeting it over the number of units expected there ("10/12").
    """

    RATIO = "ratio"
    COUNT = "count"
    UNITS_MEETING = "units_meeting"


@final
@attrs.frozen(kw_only=True)
class Target:
    """A comparator and an exact value in the indicator's unit: ``Target(GT, 65)``.

    Attributes:
        comparator: how the achieved value must compare.
        value: exact value in the indicator's unit (65 for 65%).
        text: the wording the plan uses ("trên 65%"), verbatim.
    """

    comparator: Comparator
    value: Fraction
    text: str = ""

    def threshold(self, baseline: Fraction | None = None) -> Fraction:
        """The value to compare with: ``value``, raised to *baseline* for ``MAINTAIN``.

        "duy trì" means at least the value and not below the baseline; the one place that
        rule is written (`met_by`, `shortfall`, roll-ups and reports all ask here).

        >>> Target(comparator=Comparator.MAINTAIN, value=Fraction(90)).threshold(Fraction(95))
        Fraction(95, 1)
        """
        if self.comparator is Comparator.MAINTAIN and baseline is not None:
            return max(self.value, baseline)
        return self.value

    def met_by(self, achieved: Fraction, baseline: Fraction | None = None) -> bool:
        """Whether *achieved* (in the indicator's unit) meets the target.

        ``MAINTAIN`` needs at least the value and, when a baseline is known, not below it.

        >>> Target(comparator=Comparator.GT, value=Fraction(80)).met_by(Fraction(80))
        False
        """
        value = self.threshold(baseline)
        match self.comparator:
            case Comparator.GT:
                return achieved > value
            case Comparator.GE:
                return achieved >= value
            case Comparator.EQ:
                return achieved == value
            case Comparator.LE:
                return achieved <= value
            case Comparator.LT:
                return achieved < value
            case Comparator.MAINTAIN:
                return achieved >= value


@final
@attrs.frozen(kw_only=True)
class Scope:
    """Where an override applies: a locality key, a level name or a segment name."""

    kind: ScopeKind
    key: str
    text: str = ""

    def label(self, lang: Language = "vi") -> str:
        """What people read: "cấp tỉnh", "vùng đô thị" (known keys), else the plan's words.

        >>> Scope(kind=ScopeKind.SEGMENT, key="remote").label("en")
        'remote areas'
        """
        known = _SCOPES[lang].get((self.kind, self.key))
        return known or self.text or f"{_SCOPES[lang][self.kind, '']} {self.key}"


_SCOPES: dict[str, dict[tuple[ScopeKind, str], str]] = {
    "vi": {
        (ScopeKind.LEVEL, "province"): "cấp tỉnh",
        (ScopeKind.LEVEL, "district"): "cấp huyện",
        (ScopeKind.LEVEL, "commune"): "cấp xã",
        (ScopeKind.SEGMENT, "urban-centre"): "vùng đô thị",
        (ScopeKind.SEGMENT, "remote"): "vùng sâu, vùng xa",
        (ScopeKind.LEVEL, ""): "cấp",
        (ScopeKind.SEGMENT, ""): "vùng",
        (ScopeKind.LOCALITY, ""): "riêng",
    },
    "en": {
        (ScopeKind.LEVEL, "province"): "province level",
        (ScopeKind.LEVEL, "district"): "district level",
        (ScopeKind.LEVEL, "commune"): "commune level",
        (ScopeKind.SEGMENT, "urban-centre"): "urban centres",
        (ScopeKind.SEGMENT, "remote"): "remote areas",
        (ScopeKind.LEVEL, ""): "level",
        (ScopeKind.SEGMENT, ""): "segment",
        (ScopeKind.LOCALITY, ""): "only",
    },
}


def scope_label(scope: Scope | None, lang: Language = "vi") -> str:
    """Where a target applies, for people: `Scope.label`, "chung" / "default" for None."""
    return ("chung" if lang == "vi" else "default") if scope is None else scope.label(lang)


@final
@attrs.frozen(kw_only=True)
class TargetOverride:
    """A target that replaces the default within a scope ("riêng thành phố Sơn La …").

    Attributes:
        scope: where it applies.
        target: the target there.
        baseline: the value already reached there, when the plan says so ("duy trì và
            giữ vững kết quả đã đạt được là 100%").
    """

    scope: Scope
    target: Target
    baseline: Fraction | None = None


@final
@attrs.frozen(kw_only=True)
class Indicator:
    """One measured quantity with its targets, e.g. ``II.5.b`` (e-ID activation).

    Attributes:
        id: follows the plan's numbering ("II.1.8", "II.5.b").
        text: the objective's wording for this quantity, verbatim.
        unit: unit of the target values.
        target: the default target; None when only overrides exist (II.1(8) has only
            per-level targets) or the indicator is qualitative.
        overrides: targets for particular localities, levels or segments.
        baseline: the value reached before the plan, when known.
        qualitative: True when the objective has no number to measure.
        numerator: what is counted, in words ("tài khoản ĐDĐT đã kích hoạt").
        denominator: what it is counted out of ("công dân từ đủ 14 tuổi trở lên").
        measure: how periods combine (flow: summed; stock: latest period).
        aggregation: how units roll up.
        kind: what the figure is (`MeasureKind`): a ratio (default), a count, or the
            share of units meeting ``condition``.
        condition: for ``UNITS_MEETING``, what each unit must reach in its own counts
            (None: 100%, i.e. done).
        note: a reading chosen or an ambiguity, kept with the data.
    """

    id: str
    text: str
    unit: Unit = Unit.PERCENT
    target: Target | None = None
    overrides: tuple[TargetOverride, ...] = ()
    baseline: Fraction | None = None
    qualitative: bool = False
    numerator: str = ""
    denominator: str = ""
    measure: Measure = Measure.FLOW
    aggregation: Aggregation = Aggregation.POOLED
    kind: MeasureKind = MeasureKind.RATIO
    condition: Target | None = None
    note: str = ""

    @property
    def own_unit(self) -> Unit:
        """The unit of one unit's own figure: a percentage for ``UNITS_MEETING`` (its
        condition is on its own ratio), else `unit`."""
        return Unit.PERCENT if self.kind is MeasureKind.UNITS_MEETING else self.unit

    @property
    def unit_condition(self) -> Target:
        """The condition a unit meets for ``UNITS_MEETING``: ``condition``, else 100% (done).

        >>> Indicator(id="x", text="").unit_condition.value
        Fraction(100, 1)
        """
        if self.condition is not None:
            return self.condition
        return Target(comparator=Comparator.GE, value=Fraction(100), text="100%")


@final
@attrs.frozen(kw_only=True)
class Objective:
    """A numbered objective of section II and the indicators it sets.

    Attributes:
        id: "II.1" … "II.7".
        text: the heading or full wording, verbatim.
        indicators: one per measured quantity.
    """

    id: str
    text: str
    indicators: tuple[Indicator, ...] = ()


_COMPARATOR_WORDS = {Comparator.MAINTAIN: "duy trì", Comparator.GE: "≥", Comparator.LE: "≤"}


def target_text(
    target: Target | None, unit: Unit = Unit.PERCENT, lang: Language | None = None
) -> str:
    """A target as people read it: ``"> 65%"``, ``"≥ 30%"``, ``"duy trì 100%"``; "—" for none.

    The one display of a target (report, ``indicators`` and ``evaluate`` tables); the plan's
    own wording stays in `Target.text`. With *lang*, the comparator in words.

    >>> gt = Target(comparator=Comparator.GT, value=Fraction(65))
    >>> target_text(gt), target_text(gt, lang="vi"), target_text(gt, lang="en")
    ('> 65%', 'trên 65%', 'above 65%')
    """
    if target is None:
        return "—"
    comparator = _COMPARATOR_WORDS.get(target.comparator, target.comparator.value)
    if lang is not None:
        comparator = target.comparator.label(lang)
    return f"{comparator} {fraction_text(target.value)}{'%' if unit is Unit.PERCENT else ''}"


def shortfall(
    numerator: int,
    denominator: int,
    target: Target,
    *,
    unit: Unit = Unit.PERCENT,
    baseline: Fraction | None = None,
) -> int | None:
    """How many numerator units to add (or, for ``<``/``<=``, remove) to meet *target*.

    The denominator stays fixed. None when there is no data or no whole count meets it.

    >>> gt80 = Target(comparator=Comparator.GT, value=Fraction(80))
    >>> shortfall(80, 100, gt80), shortfall(81, 100, gt80), shortfall(5, 0, gt80)
    (1, 0, None)
    """
    if unit is Unit.PERCENT and denominator == 0:
        return None
    value = target.threshold(baseline)
    # The target as a count of numerator units: t% of the denominator, or t itself.
    bound = value * denominator / 100 if unit is Unit.PERCENT else value
    ceiling = denominator if unit is Unit.PERCENT else None
    low = -(-bound.numerator // bound.denominator)  # ceil
    high = bound.numerator // bound.denominator  # floor
    match target.comparator:
        case Comparator.GT | Comparator.GE | Comparator.MAINTAIN:
            need = high + 1 if target.comparator is Comparator.GT else low
            if numerator >= need:
                return 0
            return None if ceiling is not None and need > ceiling else need - numerator
        case Comparator.LE | Comparator.LT:
            most = high if target.comparator is Comparator.LE else low - 1
            if most < 0:
                return None
            return max(0, numerator - most)
        case Comparator.EQ:
            if bound.denominator != 1 or bound < 0 or (ceiling is not None and bound > ceiling):
                return None
            return abs(int(bound) - numerator)
