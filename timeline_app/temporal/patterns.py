"""The named patterns: small regexes built from the lexicon, each with its reader.

Each `Pattern` finds one kind of expression ("month_day_year", "weekday", "duration", ...)
and names the function in `normalise` that reads what its words say. Overlaps between
patterns are settled later (longest match wins), so every regex can stay small.

Linear time: every quantifier runs over a class that the next token cannot start with
(digits, then a literal word; spaces, then a word), so no regex can backtrack
catastrophically; all are run with `finditer`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import anchors as an
from . import era
from . import lexicon as lx
from . import normalise as nz
from . import quantities as qt
from . import ranges as rg
from .lexicon import alternation as alt
from .spec import Spec

__all__ = ["Pattern", "PATTERNS"]

DIGITS, MONTHS, UNITS = (an.DIGIT,), (an.MONTH,), (an.UNIT,)
SP = r"(?:[^\S\n]+)"  # spaces within a line: expressions never cross a line break
MONTH_NAME = rf"(?:{alt(lx.MONTH_FULL)}|(?:{alt(lx.MONTH_ABBREVS)})\.?)"
MONTH_FULL = rf"(?:{alt(lx.MONTH_FULL)}|(?:{alt(lx.MONTH_ABBREVS)})\.)"
WEEKDAY = rf"(?:{alt(lx.WEEKDAY_FULL)})"
# Abbreviated weekdays, only in front of a full date ("Thu 3 Jan 2019", "Tue, Dec 30 2014");
# "Sun" and "Sat" only before the day ("The Sun, Dec. 3" names a newspaper).
_ABBREVS = [k for k in lx.WEEKDAYS if k not in lx.WEEKDAY_FULL]
WEEKDAY_ABBR = rf"(?:{alt(_ABBREVS)})\.?"
WEEKDAY_ABBR_MD = rf"(?:{alt(k for k in _ABBREVS if k not in ('sun', 'sat'))})\.?"
ONES19 = alt(k for k, v in lx.ONES.items() if 1 <= v <= 9)
WORDNUM = rf"(?:(?:{alt(lx.TENS)})(?:[\s-](?:{ONES19}))?|{alt(lx.ONES)})"
NUMBER = (
    rf"(?:\d+(?:\.\d+)?(?:{SP}\d/\d)?|{WORDNUM}(?:{SP}(?:hundred|thousand)"
    rf"(?:{SP}(?:and{SP})?{WORDNUM})?)?|an?(?:{SP}(?:hundred|thousand|half))?"
    rf"|(?:a{SP})?couple(?:{SP}of)?|a{SP}dozen|dozens{SP}of|hundreds{SP}of|thousands{SP}of"
    rf"|{alt(lx.VAGUE_NUMBER_WORDS)})"
)
HALF = rf"(?:{SP}and{SP}a{SP}half)"
UNIT_WORD = rf"(?:{alt(lx.UNIT_FORMS)})"
UNIT_SINGULAR = rf"(?:{alt(lx.UNITS)})"
YEAR = r"(?:1[0-9]\d\d|20\d\d|2100)"
ORDINAL_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{alt(k for k in lx.ORDINALS if k != 'last')})"
ORD_Q = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
POINT_MOD = (
    rf"(?:(?P<pmod>early|late|mid|middle|earlier|later|the{SP}(?:end|beginning|start"
    rf"|middle|close|latter{SP}part|first{SP}half|second{SP}half){SP}of)(?:-|{SP}|-{SP}))"
)
QUANT_MOD = rf"(?:(?P<qmod>{alt(lx.QUANT_MODS_IN_SPAN | lx.QUANT_MODS_BEFORE_AGO)}){SP})"
REL = (
    rf"(?P<rel>last|next|this|coming|past|previous|following|current|same|this{SP}past"
    rf"|this{SP}coming|the{SP}(?:previous|following|next|last|past|coming|current|same))"
)
CLOCK = (
    r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?)?"
    rf"(?:{SP}?(?P<ampm>[ap]\.?{SP}?m\b\.?|[AP]M\b))?"
    rf"(?:{SP}(?P<tz>(?:{alt(lx.TIME_ZONES)})\b))?"
)
QUARTER_HEAD = (
    rf"(?:(?P<qyear>{YEAR}){SP}|(?P<relq>this|last|next){SP}year's{SP}|(?P<latest>latest|current|"
    rf"previous|prior|year-earlier|year-ago|comparable|corresponding|same|fiscal)"
    rf"(?:{SP}year-(?:ago|earlier))?{SP})?"
)
QUARTER_TAIL = rf"(?:{SP}of{SP}(?:fiscal{SP})?(?P<year>{YEAR}))?"
HOLIDAY = alt([*lx.HOLIDAYS, *lx.NTH_WEEKDAY_HOLIDAYS])
SPOKEN_YEAR = (
    rf"nineteen{SP}(?:{WORDNUM}|hundred)"
    rf"|two{SP}thousand(?:{SP}(?:and{SP})?{WORDNUM})?"
)
PERIOD_ADJ = (
    r"(?:latest|current|year-earlier|year-ago|same|comparable|corresponding|previous"
    r"|prior|recent|fiscal|full)"
)
YEAR_TAIL = rf"(?:,?{SP}(?:of{SP})?(?P<year>{YEAR})\b(?!\s*[-/]\d)|{SP}\((?P<pyear>{YEAR})\))"

# The year after a second day ("March 3 or 4, 1998") belongs to the first one too.
PAIR_YEAR = rf"(?={SP}(?:and|or){SP}\d{{1,2}}(?:st|nd|rd|th)?,?{SP}(?P<ayear>{YEAR})\b)"


@dataclass(frozen=True, slots=True)
class Pattern:
    """A named regex and the reader that turns its match into a `Spec`."""

    name: str
    anchors: tuple[str, ...]  # kinds of anchor token every match contains (see anchors.py)
    regex: re.Pattern[str]
    read: Callable[[re.Match[str]], Spec | None]


def _p(
    name: str, anchors: tuple[str, ...], source: str, read: Callable[[re.Match[str]], Spec | None]
) -> Pattern:
    """Compile one case-insensitive pattern bounded by word edges."""
    regex = re.compile(rf"(?<![\w.-])(?:{source})(?![\w])", re.IGNORECASE)
    return Pattern(name, anchors, regex, read)


DAY_PART = r"(?:morning|afternoon|evening|night)"
DURATION_DIR = (
    r"(?:past|last|next|previous|coming|first|following|final|latest|remaining"
    r"|preceding|ensuing|initial|further|additional|recent|other)"
)
DURATION_FILLER = (
    r"(?:more|additional|full|straight|consecutive|extra|long|trading|business"
    r"|working)"
)
# "ten years from now" is the duration "ten years" and the era "now" (TimeML), not an offset
DURATION_AGO = rf"(?:ago|earlier|hence|or{SP}so(?:{SP}ago)?)"
# "two to three weeks" is one expression; after "between", each end is one ("between [two]
# and [three weeks]", "between [two] to [six days]": see ranges.py)
NUM_RANGE = rf"(?<!between )(?P<num>{NUMBER}){HALF}?(?:{SP}(?:to|or){SP}(?P<num2>{NUMBER}))?"
SETS, HOLIDAYS = (an.WORD, an.UNIT, an.WEEKDAY, an.MONTH), (an.WORD, an.UNIT, an.MONTH)

PATTERNS: tuple[Pattern, ...] = (
    # Numeric forms.
    _p(
        "iso_date",
        DIGITS,
        r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})"
        r"(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?",
        nz.read_iso,
    ),
    _p(
        "numeric_date",
        DIGITS,
        r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![./-]?\d)",
        nz.read_numeric_date,
    ),
    _p("clock", DIGITS, rf"(?:(?P<qmod>around){SP})?{CLOCK}", nz.read_clock),
    _p(
        "clock_word",
        (an.DIGIT, an.WORD),
        rf"(?:(?P<qmod>around){SP})?(?P<word>noon|midnight|midday)"
        rf"|(?P<h>\d{{1,2}}){SP}(?:o'clock{SP})?in{SP}the{SP}(?P<part>morning|afternoon|evening)",
        nz.read_clock_word,
    ),
    _p(
        "year",
        DIGITS,
        rf"(?:{POINT_MOD}|(?P<fiscal>fiscal(?:{SP}year)?){SP}|the{SP}year{SP})?"
        rf"(?P<year>{YEAR})(?![\d,]\d|%|\.\d|-)",
        nz.read_year,
    ),
    # The ends of a range of years: "the 2015-2016 season", "1968-69".
    _p(
        "year_range_start",
        DIGITS,
        rf"(?P<year>{YEAR})(?=[-–/](?P<end>\d{{4}}|\d\d)(?![\w/-]))",
        rg.read_range_start,
    ),
    _p(
        "year_range_end",
        DIGITS,
        r"(?P<first>\d{4})[-–/](?P<end>\d{4}|\d\d)(?![\w/-])",
        rg.read_range_end,
    ),
    _p(
        "decade",
        (an.DIGIT, an.WORD),
        rf"(?:the{SP})?{POINT_MOD}?(?:(?:(?P<dec>1\d\d|20\d)0|'(?P<short>\d)0)'?s"
        rf"|(?:nineteen[\s-])?(?P<word>{alt(lx.DECADE_WORDS)}))",
        nz.read_decade,
    ),
    _p(
        "century",
        (an.DIGIT, an.UNIT),
        rf"(?:the{SP})?{POINT_MOD}?(?P<cent>\d{{1,2}})(?:st|nd|rd|th)[\s-]century"
        rf"|(?P<this>this|last|next){SP}century",
        nz.read_century,
    ),
    # Month and weekday names.
    _p(
        "month_day_year",
        MONTHS,
        rf"(?:{POINT_MOD}|(?P<mrel>last|next|this){SP})?(?P<month>{MONTH_NAME}){SP}"
        rf"(?P<day>{ORDINAL_DAY})\b(?:{YEAR_TAIL}|{PAIR_YEAR})?",
        nz.read_month_day,
    ),
    _p(
        "month_day_pair",
        MONTHS,  # "April 24 and 25": the second day is a date of its own
        rf"(?P<month>{MONTH_NAME}){SP}(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?{SP}(?:and|or){SP}"
        rf"(?P<day>\d{{1,2}}(?:st|nd|rd|th)?)\b(?:{YEAR_TAIL})?",
        nz.read_second_day,
    ),
    _p(
        "day_month_year",
        MONTHS,
        rf"(?:the{SP})?(?P<day>{ORDINAL_DAY}){SP}(?:of{SP})?(?P<month>{MONTH_NAME})"
        rf"(?:{YEAR_TAIL})?",
        nz.read_month_day,
    ),
    _p("month_year", MONTHS, rf"{POINT_MOD}?(?P<month>{MONTH_NAME}){YEAR_TAIL}", nz.read_month),
    _p(
        "month",
        MONTHS,
        rf"{POINT_MOD}?(?:(?P<rel>last|next|this|this{SP}past|this{SP}coming|early{SP}next"
        rf"|late{SP}last){SP})?(?P<month>{MONTH_FULL})(?!{SP}\d)"
        rf"(?:{SP}(?P<relyear>last|next|this){SP}year)?",
        nz.read_month,
    ),
    _p(
        "weekday",
        (an.WEEKDAY,),
        rf"{POINT_MOD}?(?:{REL}{SP})?(?P<wd>{WEEKDAY})(?P<plural>s)?"
        rf"(?:{SP}(?P<part>{DAY_PART})(?P<pplural>s)?)?",
        nz.read_weekday,
    ),
    _p(
        "weekday_date",
        MONTHS,
        rf"(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR_MD}),?{SP}(?P<month>{MONTH_NAME}){SP}"
        rf"(?P<day>{ORDINAL_DAY})\b(?:{YEAR_TAIL})?",
        nz.read_month_day,
    ),
    _p(
        "weekday_day_month",
        MONTHS,  # "Friday 25 December 2015", "Thu 3 Jan 2019"
        rf"(?P<wd>{WEEKDAY}|{WEEKDAY_ABBR}),?{SP}(?:the{SP})?(?P<day>\d{{1,2}}(?:st|nd|rd|th)?)"
        rf"{SP}(?:of{SP})?(?P<month>{MONTH_NAME})(?:{YEAR_TAIL})?",
        nz.read_month_day,
    ),
    # Periods named relative to now or to what the text talks about.
    _p(
        "relative_unit",
        UNITS,
        rf"{POINT_MOD}?{REL}{SP}(?:fiscal{SP})?(?P<unit>day|week|weekend|month|year|quarter"
        rf"|decade|century|half)(?:{SP}or{SP}so)?",
        nz.read_relative,
    ),
    _p(
        "season",
        (an.WORD,),
        rf"{POINT_MOD}?(?:(?:{REL}|the){SP})?(?P<season>{alt(lx.SEASONS)})"
        rf"(?:{SP}(?:of{SP})?(?:(?P<year>{YEAR})|(?P<words>{SPOKEN_YEAR})))?",
        nz.read_season,
    ),
    _p(
        "quarter",
        UNITS,
        rf"(?:(?P<det>the){SP})?{QUARTER_HEAD}(?P<ord>{ORD_Q}|last){SP}(?:fiscal{SP})?"
        rf"(?P<qunit>quarter|half){QUARTER_TAIL}",
        nz.read_quarter,
    ),
    _p(
        "quarter_adj",
        UNITS,
        rf"{QUARTER_HEAD}(?:fiscal[\s-])?(?P<ord>{ORD_Q})-(?P<qunit>quarter|half){QUARTER_TAIL}",
        nz.read_quarter,
    ),
    _p(
        "anaphoric_period",
        UNITS,
        rf"{POINT_MOD}?(?P<det>the|that|this|its){SP}(?:(?P<yr>{YEAR}){SP}|"
        rf"(?P<adj>{PERIOD_ADJ}(?:{SP}{PERIOD_ADJ})?){SP})?(?P<unit>quarter|period|year|month|week"
        rf"|weekend)(?!-)(?:{SP}(?P<ago>last{SP}year|a{SP}year{SP}(?:ago|earlier)))?"
        rf"|(?P<yearend>year[\s-]end|year's{SP}end)",
        nz.read_anaphor,
    ),
    _p(
        "anaphoric_day",
        (an.WORD, an.UNIT),  # "earlier that day", "the next morning", "the night before"
        rf"(?:(?P<dir>earlier|later){SP})?that{SP}(?P<part>day|{DAY_PART})"
        rf"|(?P<dir2>earlier|later){SP}in{SP}the{SP}day"
        rf"|the{SP}(?P<rel>next|following|previous|preceding){SP}(?P<part2>{DAY_PART})"
        rf"|the{SP}(?P<part3>day|night){SP}(?P<rel2>before|after)(?!{SP}[\w$])",
        nz.read_anaphoric_day,
    ),
    _p(
        "year_ago_adj",
        UNITS,
        r"(?P<unit>year|quarter|month)-(?P<dir>ago|earlier)",
        nz.read_year_ago,
    ),
    # Amounts of time.
    _p(
        "duration",
        UNITS,
        rf"{QUANT_MOD}?(?:(?P<det>the|another|their){SP})?"
        rf"(?:(?P<dir>{DURATION_DIR})(?:{SP}(?:few|several))?{SP})?"
        rf"(?:{NUM_RANGE}{SP}(?:{DURATION_FILLER}{SP})?)?(?P<unit>{UNIT_WORD})\b(?P<half>{HALF})?"
        rf"(?:{SP}(?P<ago>{DURATION_AGO}))?(?![\w-])",
        qt.read_duration,
    ),
    _p(
        "between_first",
        UNITS,  # the "6" of "between 6 and 9 months"
        rf"between{SP}(?P<num>{NUMBER})(?={SP}(?:and|to){SP}(?P<num2>{NUMBER}){SP}"
        rf"(?P<unit>{UNIT_WORD})\b)",
        rg.read_between_first,
    ),
    _p(
        "duration_adj",
        UNITS,
        rf"(?P<num>\d+(?:\.\d+)?|{WORDNUM}|several|multi|half|one|a)-(?P<unit>{UNIT_SINGULAR})"
        rf"(?:-(?P<tail>long))?",
        qt.read_duration_adj,
    ),
    _p(
        "age",
        UNITS,  # "a 6-year-old", "adults 65 years and older", "aged 18 to 24 years"
        rf"aged{SP}(?:\d+|{WORDNUM}){SP}(?:to|and){SP}(?:\d+|{WORDNUM}){SP}years?"
        rf"|(?P<num>\d+|{WORDNUM})(?:-(?:year|month|week|day)s?-olds?|{SP}(?:year|month)s?{SP}old"
        rf"|{SP}years?{SP}(?:and|or){SP}(?:older|over|above|younger|under)|{SP}years?{SP}of{SP}age)",
        qt.read_age,
    ),
    # Words that are a time by themselves.
    _p(
        "deictic",
        (an.WORD, an.UNIT),
        rf"{POINT_MOD}?(?P<word>{alt(lx.DEICTIC)})(?:{SP}(?P<part>{DAY_PART}))?",
        qt.read_deictic,
    ),
    _p(
        "that_point",
        (an.VAGUE,),
        rf"(?:at|by|until|since){SP}(?P<what>that{SP}(?:point|time|moment|juncture)|the{SP}time)",
        era.read_that_point,
    ),
    _p(
        "part_of_day",
        (an.WORD,),
        rf"{POINT_MOD}?(?:(?P<rel>this|last|tomorrow|yesterday){SP}(?P<part>{DAY_PART})"
        rf"|(?P<part2>{DAY_PART}){SP}(?P<rel2>yesterday|today|tomorrow))|(?P<over>overnight)",
        qt.read_part_of_day,
    ),
    _p(
        "set",
        SETS,
        rf"(?P<adv>{alt(lx.SET_ADVERBS)})|(?P<each>every|each|per)"
        rf"{SP}(?:(?P<other>other){SP})?(?:(?P<num>\d+|{WORDNUM}){SP})?"
        rf"(?P<what>{UNIT_WORD}|{WEEKDAY}|{MONTH_FULL}|{alt(lx.SEASONS)}|{DAY_PART})"
        rf"(?:{SP}(?P<part>{DAY_PART}))?",
        qt.read_set,
    ),
    _p(
        "holiday",
        HOLIDAYS,
        rf"(?:(?P<rel>last|next|this){SP})?(?P<hol>{HOLIDAY})(?:{SP}(?P<year>{YEAR}))?",
        nz.read_holiday,
    ),
    _p(
        "spoken_year",
        (an.WORD,),
        rf"(?:(?P<month>{MONTH_FULL}){SP}|the{SP}year{SP})?(?P<words>{SPOKEN_YEAR})",
        nz.read_spoken_year,
    ),
)
