"""Which names the corpus taught are people's, so that a title may cut them to the surname.

`names.py` takes any capitalised pair before "said" for a person; "Dresdner Bank said" and
"Soviet Union said" too. Cut to their last word they become "Bank" and "Union": names broken.
"""

from __future__ import annotations

__all__ = ["is_person"]

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
