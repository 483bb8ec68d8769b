"""The tagger never raises, always returns well-formed output, and runs in linear time."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.paths import SHARED_EVAL
from timeline_app.temporal import Timex, tag

NASTY_TEXTS = [
    "Feb 30 2023",
    "year 0",
    "0000-00-00",
    "1234567890",
    "99.99.9999",
    "31/31/2023",
    "2023-13-45T99:99",
    "00:00",
    "24:61",
    "9999-12-31",
    "0001-01-01",
    "Feb 29 2023",
    "Feb. 29",
    "the 0th century",
    "0s",
    "'00s",
    "0-year",
    "the 9999 period",
    "December 31, 9999 and the next year",
    "January 1, 0001 two days ago",
    "\n\n\u0000\ufeff",
    "5 p.m. EST" * 3,
    "the eve of",
    "last",
    "a a a a year",
    "-1 days",
    "1e9 years ago",
]
NASTY_DCTS = [
    None,
    "",
    "2023",
    "2022-01",
    "2023-11-26T06:06",
    "0000-00-00",
    "9999-12-31",
    "0001-01-01",
    "2023-02-30",
    "garbage",
    "2023-1-5",
    "99999",
    "2023-W47",
]


def _check(text: str, found: list[Timex]) -> None:
    """Sorted, non-overlapping, in bounds, text matching the span."""
    last_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last_end
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value
        last_end = t.end


@pytest.mark.parametrize("dct", NASTY_DCTS)
@pytest.mark.parametrize("text", NASTY_TEXTS)
def test_nasty_inputs(text: str, dct: str | None) -> None:
    _check(text, tag(text, dct=dct))


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(max_size=300),
    dct=st.one_of(st.none(), st.text(max_size=25)),
    day_first=st.one_of(st.none(), st.booleans()),
)
def test_never_raises_on_arbitrary_unicode(
    text: str, dct: str | None, day_first: bool | None
) -> None:
    _check(text, tag(text, dct=dct, day_first=day_first))


_WORDS = st.sampled_from(
    [
        "January",
        "Feb.",
        "May",
        "31",
        "2023",
        "1999",
        "12:30",
        "p.m.",
        "EST",
        "Friday",
        "last",
        "next",
        "week",
        "the",
        "past",
        "three",
        "years",
        "ago",
        "early",
        "mid-",
        "quarter",
        "third",
        "today",
        ",",
        ".",
        "/",
        "-",
        "(",
        ")",
        "01.02.2023",
        "10/11/12",
        "every",
        "a",
        "year-ago",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(_WORDS, max_size=30),
    dct=st.sampled_from(NASTY_DCTS + ["1989-10-26", "2000-02-29"]),
)
def test_never_raises_on_temporal_word_soup(words: list[str], dct: str | None) -> None:
    text = " ".join(words)
    _check(text, tag(text, dct=dct))


def test_linear_time_on_5mb() -> None:
    """A guard against catastrophic backtracking, not a benchmark: CPU time, so a busy
    machine's waiting is not counted (backtracking would cost minutes of CPU)."""
    unit = "0123456789 January, 31.12.2023 / 99.99.9999 - March: 1234567890; ,,,.... "
    text = (unit * (5_000_000 // len(unit) + 1))[:5_000_000]
    started = time.process_time()
    found = tag(text, dct="2023-01-01")
    elapsed = time.process_time() - started
    print(f"\n5 MB of digits, month names and punctuation: {elapsed:.1f} s, {len(found)} timexes")
    assert found and elapsed < 30


def test_long_runs_of_single_characters() -> None:
    """Long runs that patterns could try to re-scan from every position."""
    for ch in ("1", " ", "-", ".", "a", ":"):
        started = time.process_time()
        tag(ch * 1_000_000, dct="2023-01-01")
        assert time.process_time() - started < 10, repr(ch)


def test_model_layer_never_imports_qt() -> None:
    code = (
        "import sys, timeline_app.temporal as t; t.tag('on Friday', dct='2023-11-26'); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', "
        "'shiboken6')]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_anchor_windows_find_what_a_full_scan_finds() -> None:
    """Searching only near anchor tokens must not lose matches (TimeBank texts as corpus)."""
    import json

    from timeline_app.temporal import tagger

    gold = SHARED_EVAL / "timebank-aquaint.jsonl"
    if not gold.exists() and not os.environ.get("CI"):  # CI has ../shared: never skip there
        pytest.skip("shared TimeBank data not available")
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()[:80]]
    windowed = [tag(d["text"], dct=d["dct"]) for d in docs]
    original = tagger._matches
    try:
        tagger._matches = lambda pattern, text, windows: pattern.regex.finditer(text)
        full = [tag(d["text"], dct=d["dct"]) for d in docs]
    finally:
        tagger._matches = original
    assert windowed == full
