"""Resolution: a `Spec` plus context (DCT, earlier dates, tense) gives a TimeML value.

Resolution never claims more precision than the reference has: with a month-only DCT,
"Saturday" stays "XXXX-WXX-6". Every value that used the context is marked `inferred`.
The resolvers live by responsibility in `days` (named days and months) and `periods`
(relative units, offsets, quarters); this module dispatches on the spec's kind.
"""

from __future__ import annotations

from collections.abc import Callable

from . import values as vl
from .context import Context, Resolved, Span
from .days import DAY_RESOLVERS
from .periods import PERIOD_RESOLVERS
from .spec import Spec

__all__ = ["Context", "Resolved", "resolve"]


def _duration(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """three days, the past two years: a DURATION needs no context."""
    return Resolved("DURATION", vl.duration_value(spec.unit or "day", spec.amount), spec.mod)


def _fixed(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """A value the words fixed on their own (1990, PRESENT_REF, a SET)."""
    return Resolved(spec.type, spec.value or "", spec.mod, False)


RESOLVERS: dict[str, Callable[[Spec, Context, Span], Resolved | None]] = {
    **DAY_RESOLVERS,
    **PERIOD_RESOLVERS,
    "duration": _duration,
    "fixed": _fixed,
}


def resolve(spec: Spec, ctx: Context, span: Span) -> Resolved | None:
    """The TimeML reading of `spec` in context; None if it names no real time."""
    try:
        return RESOLVERS[spec.kind](spec, ctx, span)
    except (ValueError, OverflowError):
        return None
