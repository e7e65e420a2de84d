"""What makes the report an administrative document: its letterhead and the office's text.

`Letterhead` holds the parts Decree 30/2020/NĐ-CP asks of a document — issuing body, number
and symbol, place and date, addressees, signer, distribution — and `Narrative` the office's
own paragraphs for the four parts of a report. Both come from the plan by default
(`letterhead_for`) and from a small JSON settings file (`read_settings`).

>>> from de_an06 import load_plan
>>> head = letterhead_for(load_plan("son-la-2024"))
>>> head.issuing_body, head.to[0]
('CÔNG AN TỈNH SƠN LA', 'Văn phòng Chính phủ')
"""

from __future__ import annotations

import json
import os
from datetime import date
from typing import Any, final

import attrs

from ..errors import PlanDataError, Problem
from ..plan import Plan

__all__ = [
    "NARRATIVE_PARTS",
    "Letterhead",
    "Narrative",
    "ReportSettingsError",
    "letterhead_for",
    "read_settings",
]


class ReportSettingsError(PlanDataError):
    """A report settings file that does not match its schema (fields as the parent)."""

    def __str__(self) -> str:
        return super().__str__().replace("in plan data", "in report settings", 1)


NARRATIVE_PARTS = ("results", "shortcomings", "next_period", "proposals")
"""The keys of the office's own text: kết quả; tồn tại, hạn chế; phương hướng; kiến nghị."""


@final
@attrs.frozen(kw_only=True)
class Narrative:
    """The office's own paragraphs for each part of the report (empty: a marked place)."""

    results: tuple[str, ...] = ()
    shortcomings: tuple[str, ...] = ()
    next_period: tuple[str, ...] = ()
    proposals: tuple[str, ...] = ()


@final
@attrs.frozen(kw_only=True)
class Letterhead:
    """The administrative parts of the report; empty strings print as blanks to fill in.

    Attributes:
        parent_body: the body above the issuer ("UBND TỈNH SƠN LA"), or "".
        issuing_body: the issuer ("CÔNG AN TỈNH SƠN LA").
        number: the document number, usually left blank for the clerk.
        symbol: the symbol after the number ("BC-CAT").
        place: the place in the date line ("Sơn La").
        day: the signing date; None leaves day and month blank.
        to: the addressees ("Kính gửi").
        signer_title: the lines above the signature ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC").
        signer: the signer's full name.
        copies: the distribution list ("Nơi nhận"), without "Như trên" and "Lưu: VT".
    """

    parent_body: str = ""
    issuing_body: str = ""
    number: str = ""
    symbol: str = "BC"
    place: str = ""
    day: date | None = None
    to: tuple[str, ...] = ()
    signer_title: tuple[str, ...] = ()
    signer: str = ""
    copies: tuple[str, ...] = ()


def letterhead_for(plan: Plan) -> Letterhead:
    """The letterhead the plan implies: the reporting regime's recipient writes to the
    bodies it forwards reports to (Sơn La: Công an tỉnh to Văn phòng Chính phủ, Bộ Công
    an and the Chairman of the provincial People's Committee)."""
    names = {a.key: a.name for a in plan.agencies}
    regime = plan.reporting
    place = plan.decision.place
    issuer = ""
    to: tuple[str, ...] = ()
    if regime is not None:
        if regime.recipient is not None:
            issuer = names.get(regime.recipient, "")
            if issuer and place and place not in issuer:
                issuer = f"{issuer} {place}"
        to = tuple(names.get(key, "") for key in regime.forward_to if names.get(key))
    return Letterhead(issuing_body=issuer.upper(), place=place, to=to)


_TEXT_FIELDS = ("parent_body", "issuing_body", "number", "symbol", "place", "signer")
_LIST_FIELDS = ("to", "signer_title", "copies")


def read_settings(path: str | os.PathLike[str], base: Letterhead) -> tuple[Letterhead, Narrative]:
    """The letterhead *base* with a settings file's fields over it, and the narrative.

    The file is a JSON object: any of ``parent_body``, ``issuing_body``, ``number``,
    ``symbol``, ``place``, ``signer`` (text), ``date`` (YYYY-MM-DD), ``to``,
    ``signer_title``, ``copies`` (lists of text) and ``narrative``, an object whose keys are
    `NARRATIVE_PARTS` and whose values are text (paragraphs split at blank lines) or lists
    of paragraphs. Unknown keys are refused, each problem named with its path.
    """
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8") as stream:
            data = json.load(stream)
    except OSError as error:
        raise ReportSettingsError(
            name, [_problem(name, "$", "", f"cannot read: {error.strerror}")]
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ReportSettingsError(name, [_problem(name, "$", "", f"not JSON: {error}")]) from None
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise ReportSettingsError(
            name, [_problem(name, "$", repr(data)[:60], "expected a JSON object")]
        )
    changes: dict[str, Any] = {}
    narrative: dict[str, tuple[str, ...]] = {}
    for key, value in data.items():
        where = f"$.{key}"
        if key in _TEXT_FIELDS and isinstance(value, str):
            changes[key] = value
        elif key in _LIST_FIELDS and _texts(value):
            changes[key] = tuple(value)
        elif key == "date" and isinstance(value, str):
            try:
                changes["day"] = date.fromisoformat(value)
            except ValueError:
                problems.append(_problem(name, where, value, "not a date (YYYY-MM-DD)"))
        elif key == "narrative" and isinstance(value, dict):
            for part, text in value.items():
                if part not in NARRATIVE_PARTS:
                    problems.append(
                        _problem(
                            name, f"{where}.{part}", part, f"expected one of {NARRATIVE_PARTS}"
                        )
                    )
                elif isinstance(text, str):
                    narrative[part] = tuple(p.strip() for p in text.split("\n\n") if p.strip())
                elif _texts(text):
                    narrative[part] = tuple(text)
                else:
                    problems.append(
                        _problem(name, f"{where}.{part}", repr(text)[:60], "expected text")
                    )
        elif key in (*_TEXT_FIELDS, *_LIST_FIELDS, "date", "narrative"):
            problems.append(_problem(name, where, repr(value)[:60], "wrong type"))
        else:
            problems.append(_problem(name, where, key, "unknown key"))
    if problems:
        raise ReportSettingsError(name, problems)
    return attrs.evolve(base, **changes), Narrative(**narrative)


def _problem(name: str, path: str, value: object, message: str) -> Problem:
    return Problem(source=name, path=path, value=value, message=message)


def _texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
