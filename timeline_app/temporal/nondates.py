"""Numbers that look like dates but are something else: amounts, references, scores, code.

Prices ("$2000"), measures ("2000 km"), counts ("1500 people"), page numbers ("p. 1998"),
operands ("x*1000"), UTC offsets ("GMT +10:00"), scores ("won 21:14"), video lengths ("0:46")
and software versions ("Firefox 3.6.28"). A four-digit number is a year only where the text
reads it as one; each check here looks at a number's neighbours and says where it does not.
Whole regions without dates (URLs, code, phone numbers) are found by `masks`.
"""

from __future__ import annotations

import re

__all__ = ["not_a_year", "not_a_clock", "is_version"]

_SP = r"[^\S\n]"  # a space within a line

# What may stand right before a number that is an amount, a measure or a reference.
_CURRENCY_BEFORE = re.compile(
    rf"(?:[$€£¥₹₽]|\b(?:US\$|A\$|C\$|HK\$|USD|EUR|GBP|CHF|JPY|RUB|CNY|Rs\.?|Fr\.|SFr\.?)){_SP}?\Z"
)
_CITATION_BEFORE = re.compile(
    rf"(?:(?<![\w.])(?:pp?|vol|Vol|nr|Nr|Bd|No|no|ch|Ch|fig|Fig|Art|para|sec|S)\."
    rf"|\b(?:page|pages|issue|Issue|Seite|Seiten|ISBN|ISSN|n°|№|volume|Volume)){_SP}?\Z"
)
_CODE_BEFORE = re.compile(rf"(?:[*=^~\\_<>]|[*=]{_SP}|0x)\Z")
_CODE_AFTER = re.compile(rf"^{_SP}?[*=^]|^_|^\(\)")
_DIMENSION_BEFORE = re.compile(rf"\d{_SP}?[x×]{_SP}?\Z")
_DIMENSION_AFTER = re.compile(rf"^{_SP}?[x×]{_SP}?\d")
# Counted things after a number: "1500 people". After "in"/"since" a year still wins ("in 2015
# people voted"); measures never do ("in 2000 km").
_COUNTED = (
    "people|persons|residents|inhabitants|citizens|troops|soldiers|officers|policemen|workers"
    "|employees|jobs|students|pupils|children|patients|victims|deaths|dead|cases|votes"
    "|voters|members|users|customers|subscribers|visitors|tourists|passengers|fans|spectators"
    "|protesters|demonstrators|refugees|migrants|copies|units|vehicles|cars|homes|houses"
    "|households|families|companies|firms|stores|shops|points|pts|goals|words|pages|characters"
    "|Menschen|Personen|Einwohner|Mitarbeiter|personnes|habitants|salariés|personas|habitantes"
)
_MEASURES = (
    "hectares|acres|km|kilometers|kilometres|miles|meters|metres|m|cm|mm|feet|ft|yards|kg"
    "|kilograms|grams|lbs|pounds|tons|tonnes|barrels|liters|litres|gallons|calories|kcal"
    "|euro|euros|dollars|yen|yuan|francs|rubles|roubles|rupees|pesos|dólares|reais"
    "|kronor|mph|rpm|bhp|hp|times|percent|per{_SP}cent|million|billion|thousand|hundred"
    "|Euro|Euros|EUR|USD|GBP|CHF|Franken|Mio|Mrd|MW|kW|kWh|GW|GB|MB|TB|KB|MHz|GHz|Hz|mAh|PS"
    "|px|pixels|dpi"
).replace("{_SP}", _SP)
_COUNTED_AFTER = re.compile(rf"^{_SP}?(?:{_COUNTED})(?!\w|\.\w)")
_MEASURE_AFTER = re.compile(rf"^{_SP}?(?:{_MEASURES})(?!\w|\.\w)")
_MONEY_UNIT = re.compile(r"(?i)euros?|dollars|yen|yuan|francs|rubles|pounds|pesos|dólares")
_CONSTANT_MONEY = re.compile(rf"\b(?:in|of|constant|real|inflation-adjusted){_SP}\Z", re.I)
_QUANTIFIER_BEFORE = re.compile(
    rf"\b(?:about|around|nearly|almost|some|more{_SP}than|fewer{_SP}than|less{_SP}than"
    rf"|at{_SP}least|up{_SP}to|roughly|approximately|an{_SP}estimated|estimated"
    rf"|total{_SP}of|number{_SP}of|rose{_SP}(?:by|to)|fell{_SP}(?:by|to)"
    rf"|increased{_SP}(?:by|to)|decreased{_SP}(?:by|to)|dropped{_SP}(?:by|to)){_SP}\Z",
    re.I,
)
# ... and a word after it that is no comparison with a year ("to 2008 levels")
_WORD_AFTER = re.compile(
    rf"^{_SP}(?!(?:and|or|to|when|as|after|before|until|the|in|on|at"
    r"|levels?|figures|prices|rates|highs|lows|peaks?|standards|values"
    r"|numbers|terms|totals|averages|season|census|elections?)\b)[a-z]"
)
# A name that ends in a number: "a venture called Orion 1980", "a plan named Vision 2030",
# "the exhibition titled Paris 1900". The number is part of the name, not a time.
_NAMED_BEFORE = re.compile(
    rf"\b(?:called|named|dubbed|titled|entitled|codenamed|code-named|branded){_SP}+"
    rf"(?:the{_SP}+)?(?:[A-Z][\w'-]*{_SP}+){{1,3}}\Z"
)
# Words before a number that make it a year even outside 1800-2100: "in 1492", "since 1066".
_YEAR_CUE = re.compile(rf"\b(?:in|since|until|till|circa|c\.|ca\.|anno|year){_SP}\Z", re.I)
_ERA_AFTER = re.compile(rf"^{_SP}?(?:AD|A\.D\.|CE|BC|B\.C\.|BCE)\b")


def not_a_year(text: str, start: int, end: int, year: int, cued: bool = False) -> bool:
    """Whether the four digits at [start, end) are an amount, a measure, a reference or code
    rather than a year. `cued` says the match itself has a year word ("fiscal", "mid-")."""
    before = text[max(0, start - 24) : start]
    after = text[end : end + 24]
    if _CODE_BEFORE.search(before) or _CODE_AFTER.match(after):
        return True
    if _CURRENCY_BEFORE.search(before) or _CITATION_BEFORE.search(before):
        return True
    if _NAMED_BEFORE.search(text[max(0, start - 60) : start]):
        return True
    if _DIMENSION_BEFORE.search(before) or _DIMENSION_AFTER.match(after):
        return True
    measure = _MEASURE_AFTER.match(after)
    if measure and not (
        _MONEY_UNIT.fullmatch(measure.group().strip()) and _CONSTANT_MONEY.search(before)
    ):
        return True  # "2000 km", "$2000", but "in 1990 dollars" is a year
    if _COUNTED_AFTER.match(after) and not (_YEAR_CUE.search(before) and 1800 <= year <= 2100):
        return True
    if not cued and _QUANTIFIER_BEFORE.search(before) and _WORD_AFTER.match(after):
        return True  # "around 2000 protesters", "nearly 1900 were"
    if 1800 <= year <= 2100 or cued:
        return False
    return not (
        _YEAR_CUE.search(before)
        and not _QUANTIFIER_BEFORE.search(before)
        or _ERA_AFTER.match(after)
    )


# "GMT +10:00", "UTC-5:00", "T10:00-05:00": an offset from UTC, not a time of day
_OFFSET_BEFORE = re.compile(rf"(?:[+−±]|\b(?:GMT|UTC){_SP}?[-−]|\d[-−])\Z")
_SCORE_WORDS = (
    r"won|win|wins|beat|beats|lost|lose|loses|defeated|defeat|drew|draw|score"
    r"|scored|victory|led|trailed|leads|Sieg|Niederlage|gewann|verlor|siegte"
    r"|unterlag|remis|Endstand|Halbzeit|victoire|défaite|battu|gagné|perdu"
    r"|victoria|derrota|ganó|perdió"
)
# "won 21:14", "beat them 3:10", "won the final 21:14"; not "won the vote at 10:30"
_SCORE_BEFORE = re.compile(
    rf"\b(?:{_SCORE_WORDS})\b(?:{_SP}+(?!(?:at|on|by|around|about|until|from|before|after)\b)"
    rf"[\w'.-]+){{0,3}}{_SP}+\Z",
    re.I,
)
_SCORE_AFTER = re.compile(
    rf"^{_SP}?(?:\(\d+:\d+\)|n\.V\.|a\.e\.t\.|(?:win|victory|defeat|loss"
    r"|lead|after extra time|Sieg|Niederlage)\b)",
    re.I,
)
_MEDIA_BEFORE = re.compile(
    r"(?i)\b(?:duration|length|runtime|play\s+in|current\s+time"
    r"|laufzeit|dauer|durée|duración)\b[^\n]{0,6}\Z"
)


def not_a_clock(text: str, start: int, end: int, hour: str, ampm: bool) -> bool:
    """Whether a clock-like "10:00" is a UTC offset, a score or the length of a video."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 24]
    if _OFFSET_BEFORE.search(before):
        return True  # "GMT +10:00", "UTC-05:00"
    if ampm:
        return False
    if _SCORE_BEFORE.search(before) or _SCORE_AFTER.match(after):
        return True
    if _MEDIA_BEFORE.search(before):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    alone = (
        not text[line_start:start].strip()
        and not text[end : line_end if line_end >= 0 else len(text)].strip()
    )
    return hour.startswith("0") and alone  # "0:46", "02:04" on a line of their own


_VERSION_BEFORE = re.compile(
    rf"\b(?:version|ver\.|v\.?|release|build|update|patch|firmware|kernel|iOS|iPadOS|macOS"
    rf"|OS{_SP}X|Android|Windows|Linux|Firefox|Chrome|Safari|Python|Java|PHP|Node(?:\.js)?"
    rf"|Ubuntu|Debian){_SP}?\Z",
    re.I,
)


def is_version(text: str, start: int) -> bool:
    """ "Firefox 3.6.28", "version 2.10.15": a dotted software version, not a date."""
    return bool(_VERSION_BEFORE.search(text, max(0, start - 16), start))
