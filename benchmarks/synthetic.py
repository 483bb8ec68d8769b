"""Synthetic events for benchmarks and screenshots: N events over 30 years, built as columns.

The mix is what news corpora look like: mostly exact days, some months (a third of them
"early/mid/late"), a few years, a fifth inferred, more sources for a few events. Built with
numpy straight into an `EventStore` (no `Event` object per event), deterministic per seed.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from timeline_app.plan.columns import DAY, MONTH, YEAR, EventStore

__all__ = ["synthetic_columns", "synthetic_store"]

_START = date(1995, 1, 1)
_YEARS = 30
_ACTORS = [
    "Lukashenko",
    "Tokayev",
    "Putin",
    "Pashinyan",
    "Aliyev",
    "Tasmagambetov",
    "Mirziyoyev",
    "Rahmon",
    "Japarov",
    "CSTO",
    "NATO",
    "European Union",
    "United Nations",
    "OSCE",
]
_OUTLETS = ["BelTA", "Reuters", "TASS", "Kazinform", "Armenpress", "RFE/RL", "AFP", "Interfax"]
_VERBS = [
    "meets",
    "visits",
    "criticises",
    "signs an agreement with",
    "calls for talks with",
    "hosts",
    "warns",
    "congratulates",
    "holds a phone call with",
    "receives",
]
_WHERE = [
    "in Minsk",
    "in Moscow",
    "in Astana",
    "in Yerevan",
    "in Baku",
    "in Bishkek",
    "in Dushanbe",
    "in Tashkent",
    "at the summit",
    "on the sidelines of the session",
]


def synthetic_store(n: int, seed: int = 1) -> EventStore:
    return EventStore.from_columns(**synthetic_columns(n, seed))


def synthetic_columns(n: int, seed: int = 1) -> dict:
    """The keyword arguments of `EventStore.from_columns` for n generated events."""
    rng = np.random.default_rng(seed)
    ref = np.datetime64(_START.isoformat(), "D")
    days = np.sort(rng.integers(0, int(365.2425 * _YEARS), n))
    when = ref + days
    kind = rng.choice([DAY, MONTH, YEAR], n, p=[0.8, 0.15, 0.05]).astype(np.uint8)
    part = np.where(kind != DAY, rng.integers(0, 4, n) * (rng.random(n) < 0.35), 0)
    month = when.astype("datetime64[M]")
    year = when.astype("datetime64[Y]")
    x0 = days.astype(np.float64)
    x1 = x0 + 1
    # months: the whole month, or its early (1-10) / mid (11-20) / late (21-end) third
    m0 = (month.astype("datetime64[D]") - ref).astype(np.float64)
    m1 = ((month + 1).astype("datetime64[D]") - ref).astype(np.float64)
    thirds = [(m0, m1), (m0, m0 + 10), (m0 + 10, m0 + 20), (m0 + 20, m1)]
    # years: the whole year, or months 1-4 / 5-8 / 9-12
    y0 = (year.astype("datetime64[D]") - ref).astype(np.float64)
    y1 = ((year + 1).astype("datetime64[D]") - ref).astype(np.float64)
    ym = [
        ((year.astype("datetime64[M]") + k).astype("datetime64[D]") - ref).astype(np.float64)
        for k in (0, 4, 8, 12)
    ]
    fourths = [(y0, y1), (ym[0], ym[1]), (ym[1], ym[2]), (ym[2], ym[3])]
    for p in range(4):
        sel = (kind == MONTH) & (part == p)
        x0[sel], x1[sel] = thirds[p][0][sel], thirds[p][1][sel]
        sel = (kind == YEAR) & (part == p)
        x0[sel], x1[sel] = fourths[p][0][sel], fourths[p][1][sel]
    actor = rng.integers(0, len(_ACTORS), n)
    other = (actor + rng.integers(1, len(_ACTORS), n)) % len(_ACTORS)
    verb = rng.integers(0, len(_VERBS), n)
    where = rng.integers(0, len(_WHERE), n)
    titles = [
        f"{_ACTORS[a]} {_VERBS[v]} {_ACTORS[o]} {_WHERE[w]}"
        for a, v, o, w in zip(
            actor.tolist(), verb.tolist(), other.tolist(), where.tolist(), strict=True
        )
    ]
    return dict(
        ref=_START,
        x0=x0,
        x1=x1,
        precision=kind,
        part=part,
        inferred=rng.random(n) < 0.2,
        n_sources=1 + rng.geometric(0.6, n) - 1,
        titles=titles,
        outlet=rng.integers(0, len(_OUTLETS), n),
        outlet_names=_OUTLETS,
        actor=actor,
        actor_names=_ACTORS,
    )
