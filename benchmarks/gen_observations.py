"""A seeded national data set of dossier counts, as de_an06 observations (run by hand).

3,321 communes × 53 services × 12 monthly periods = 2,112,156 observations, the shape of
``../shared/anchor-bench/gen_data.py`` (the same seed and distributions): communes
unevenly spread over 34 provinces (the two-level structure from 01/07/2025, so a commune's
parent is its province, and the provinces' parent the country), dossiers received
~ Poisson(commune size × service popularity × season), of which online ~ Binomial.

    python benchmarks/gen_observations.py      # prints the data set's shape
"""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from de_an06 import Decision, Indicator, Level, Locality, Objective, Plan
from de_an06.observations import Coded, Observations

SEED = 20250601
N_PROVINCES = 34
N_COMMUNES = 3321
N_SERVICES = 53
N_MONTHS = 12
YEAR = 2025
INDICATOR = "II.1.online"


def columns(seed: int = SEED, communes: int = N_COMMUNES) -> dict[str, np.ndarray[Any, Any]]:
    """Row columns: commune, province, service, month (1–12), total, online (compact ints).

    *communes* scales the data set (the scale benchmark uses ¼×, 1× and 4×).

    Rows come period-major, then commune, then service, as monthly reporting produces them.
    """
    rng = np.random.default_rng(seed)
    weights = rng.uniform(0.5, 1.7, size=N_PROVINCES)
    counts = np.floor(weights / weights.sum() * communes).astype(np.int64)
    counts[: communes - counts.sum()] += 1
    commune_province = np.repeat(np.arange(N_PROVINCES, dtype=np.int8), counts)
    commune_size = rng.lognormal(mean=0.0, sigma=0.8, size=communes)
    popularity = 40.0 / (np.arange(1, N_SERVICES + 1) ** 1.1)  # Zipf-like
    season = 1.0 + 0.25 * np.sin(np.arange(N_MONTHS) / 12 * 2 * np.pi)
    p_online = rng.beta(6, 3, size=(N_PROVINCES, N_SERVICES))
    shape = (N_MONTHS, communes, N_SERVICES)
    lam = season[:, None, None] * commune_size[None, :, None] * popularity[None, None, :]
    total = rng.poisson(lam).astype(np.int32)
    p = np.broadcast_to(p_online[commune_province][None, :, :], shape)
    online = rng.binomial(total, p).astype(np.int32)

    def spread(values: np.ndarray[Any, Any], axis: int) -> np.ndarray[Any, Any]:
        index = [None, None, None]
        index[axis] = slice(None)  # type: ignore[call-overload]
        return np.ascontiguousarray(np.broadcast_to(values[tuple(index)], shape)).ravel()

    return {
        "commune": spread(np.arange(communes, dtype=np.int16), 1),
        "province": spread(commune_province, 1),
        "service": spread(np.arange(N_SERVICES, dtype=np.int16), 2),
        "month": spread(np.arange(1, N_MONTHS + 1, dtype=np.int8), 0),
        "total": total.ravel(),
        "online": online.ravel(),
    }


def commune_key(i: int) -> str:
    return f"x{i:05d}"


def province_key(i: int) -> str:
    return f"p{i:02d}"


def national_plan(cols: dict[str, np.ndarray[Any, Any]]) -> Plan:
    """A plan with the country, 34 provinces, 3,321 communes and one pooled flow indicator."""
    n_communes = int(cols["commune"].max()) + 1
    first = np.unique(cols["commune"][: n_communes * N_SERVICES], return_index=True)[1]
    province_of = cols["province"][: n_communes * N_SERVICES][first]
    localities = [Locality(key="vn", name="Việt Nam", level=Level.CENTRAL, kind="quốc gia")]
    localities += [
        Locality(
            key=province_key(p),
            name=f"Tỉnh {p:02d}",
            level=Level.PROVINCE,
            kind="tỉnh",
            parent="vn",
        )
        for p in range(N_PROVINCES)
    ]
    localities += [
        Locality(
            key=commune_key(c),
            name=f"Xã {c:05d}",
            level=Level.COMMUNE,
            kind="xã",
            parent=province_key(int(province_of[c])),
        )
        for c in range(n_communes)
    ]
    indicator = Indicator(
        id=INDICATOR,
        text="Tỷ lệ hồ sơ trực tuyến",
        numerator="hồ sơ trực tuyến",
        denominator="hồ sơ tiếp nhận",
    )
    return Plan(
        id="national-2025",
        title="Synthetic national data set",
        year=YEAR,
        province="vn",
        decision=Decision(number="0/QĐ", date=date(YEAR, 1, 15), issuer="-", signer="-"),
        objectives=(Objective(id="II", text="", indicators=(indicator,)),),
        localities=tuple(localities),
    )


def observations(plan: Plan, cols: dict[str, np.ndarray[Any, Any]]) -> Observations:
    """The rows as an `Observations` store (coded columns, int64 counts)."""
    communes = [commune_key(c) for c in range(int(cols["commune"].max()) + 1)]
    return Observations.from_columns(
        plan,
        indicator=INDICATOR,
        unit=Coded(cols["commune"], communes),
        period=Coded(cols["month"] - 1, [f"{YEAR}{m:02d}" for m in range(1, N_MONTHS + 1)]),
        service=Coded(cols["service"], [f"S{s:02d}" for s in range(N_SERVICES)]),
        numerator=cols["online"],
        denominator=cols["total"],
        source="synthetic national data set",
    )


if __name__ == "__main__":
    cols = columns()
    n = cols["total"].size
    print(
        f"{n:,} observations; dossiers {int(cols['total'].sum()):,}, online "
        f"{int(cols['online'].sum()):,}; zero-total rows {(cols['total'] == 0).mean():.1%}"
    )
