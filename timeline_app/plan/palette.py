"""Light and dark palettes of exported pictures, as plain colour strings (no Qt here).

The light palette is the window's (render/style.py); the dark one keeps the same hues, lifted so
that markers and hatching read on a near-black page (slides and dark-mode articles).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DARK", "LIGHT", "THEMES", "Theme", "theme"]


@dataclass(frozen=True, slots=True)
class Theme:
    """Colours as "#rrggbb" or "#aarrggbb" (Qt's order: alpha first)."""

    name: str
    background: str
    text: str
    muted: str
    event: str
    approx_fill: str
    hatch: str
    band: str  # shading of every other lane
    rule: str  # lines between lanes, axis line
    grid: str
    grid_strong: str
    halo: str  # behind labels that lie over a bar
    planned: str  # planned events' diamonds and bar outlines (render/style.py PLANNED)
    planned_fill: str
    planned_hatch: str
    era: str  # an era's band: a soft tint (every other era at half its strength)
    era_text: str  # an era's name


LIGHT = Theme(
    "light",
    background="#ffffff",
    text="#1d1d1d",
    muted="#6b6b6b",
    event="#1f5f99",
    approx_fill="#371f5f99",
    hatch="#781f5f99",
    band="#f0f3f7",
    rule="#c9ced6",
    grid="#14000000",
    grid_strong="#2e000000",
    halo="#c8ffffff",
    planned="#8e3fae",
    planned_fill="#2d8e3fae",
    planned_hatch="#6e8e3fae",
    era="#30d9a13c",
    era_text="#8a5a12",
)
DARK = Theme(
    "dark",
    background="#1b1d21",
    text="#e8e8e8",
    muted="#a0a4ab",
    event="#7fb2e5",
    approx_fill="#407fb2e5",
    hatch="#a07fb2e5",
    band="#23262c",
    rule="#3b4048",
    grid="#1cffffff",
    grid_strong="#3cffffff",
    halo="#c81b1d21",
    planned="#cf9be8",
    planned_fill="#38cf9be8",
    planned_hatch="#a0cf9be8",
    era="#2ee0b060",
    era_text="#e3bd78",
)
THEMES = {t.name: t for t in (LIGHT, DARK)}


def theme(name: str) -> Theme:
    """The palette called `name` ("light" or "dark"); ValueError for any other name."""
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"no theme {name!r}; use one of {', '.join(THEMES)}") from None
