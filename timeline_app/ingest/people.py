"""Which names the corpus taught are people's, so that a title may cut them to the surname.

`names.py` takes any capitalised pair before "said" for a person; "Dresdner Bank said" and
"Soviet Union said" too. Cut to their last word they become "Bank" and "Union": names broken.
"""

from __future__ import annotations

import re

__all__ = ["is_person", "is_place", "surname"]

_NOT_GIVEN = (  # first words of organisations and places, not of people
    "American British Soviet New White Saudi Cuban African Arab Persian French German Russian "
    "North South East West Central United Federal National International Royal First Credit "
    "Labor Labour Justice Foreign Naval Supreme Dow Du De Van Von Al El Bin Le La Los San "
    "Santa St Saint Middle Great Upper Lower Old Free Democratic Republican"
)
_ORGS = (  # words of organisations, places and dates: "Dresdner Bank", "Bill Clinton Saturday"
    "Bank Union House Times York Department Securities Corp Corporation Inc Co Ltd Company "
    "Group Gulf Sea Ocean Service Services Association Agency Institute Ministry Office Court "
    "Council Committee Commission Party Unity Statistics Electronics Drilling Americans "
    "Zealand Arabia Africa America Kingdom States Republic Islands Island City County Street "
    "Exchange Airlines Airways Motors Motor Medical Industries Holdings Partners Systems "
    "Bancorp Trust Fund Capital Journal News Post Press Herald Tribune Daily Square Avenue "
    "Center Centre University College School Hospital Church Army Navy Police Force Forces "
    "Guard Front Movement Organization Organisation League Federation Assembly Parliament "
    "Senate Congress Government Administration Authority Board Bureau Foundation Society Club "
    "Foods Studios Pictures Records Entertainment Media Networks Communications Technologies "
    "Energy Oil Steel Airlines Insurance Ventures Labs Software Stores Brands Products Hotels "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December"
)
_NOT_GIVEN_NAMES = frozenset(_NOT_GIVEN.split())
_ORG_WORDS = frozenset(_ORGS.split())


def is_person(full: str) -> bool:
    """Whether a name the corpus taught is a person's, to be cut to the surname: not "Dresdner
    Bank", "Soviet Union" or "Du Pont", whose last word alone names nothing."""
    words = full.split()
    return words[0] not in _NOT_GIVEN_NAMES and not _ORG_WORDS.intersection(words)


def is_place(name: str) -> bool:
    """Whether a name can follow "in" as where something happened: "Spain and Portugal", not
    "the New York Stock Exchange" or a person."""
    return not _ORG_WORDS.difference(_PLACE_WORDS).intersection(name.split())


_PLACES = (  # words of _ORGS that places have too: "New York City", "South Africa"
    "York Zealand Arabia Africa America Kingdom States Republic Islands Island City County "
    "Gulf Sea Ocean Street Square Avenue"
)
_PLACE_WORDS = frozenset(_PLACES.split())


def surname(full: str, last: str) -> str:
    """The name a title keeps: the last word, except where the family name comes first
    ("Yoon Suk Yeol" -> "Yoon", "Lee Jae-myung" -> "Lee")."""
    words = full.split()
    syllables = len(words) == 3 and all(len(w) <= 5 for w in words)  # not "Lee Harvey Oswald"
    if words[0] in _FAMILY_FIRST and (syllables or _HYPHENED.fullmatch(words[-1])):
        return words[0]
    return last


_HYPHENED = re.compile(r"[A-Z][a-z]+-[a-z]+")  # "Jae-myung"
_FAMILIES = (  # Korean and Chinese family names, written first
    "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong "
    "Moon Ban Roh Chun Xi Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Hu Ma Wen Jiang Deng "
    "Mao Zhu"
)
_FAMILY_FIRST = frozenset(_FAMILIES.split())
