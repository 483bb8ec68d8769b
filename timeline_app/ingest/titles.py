"""Short event titles from the sentence that states an event.

A title is the sentence's own words, shortened: the date phrase and attributions ("BelTA
reports", "the president said") go, long names become acronyms and surnames, and a long
sentence is cut to the clause that holds the date. When the date modifies a noun ("the
November 2022 session of the Council") the noun phrase itself is the event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import ROLE_WORDS, Names

__all__ = ["Title", "TitleContext", "make_title", "MAX_TITLE"]

MAX_TITLE = 100
_MARK = "\x00"  # stands where the date phrase was, so the clause holding it can be found
EVENT_NOUNS = (
    "session|summit|meeting|conference|elections?|talks|visit|congress|plenum|forum|"
    "referendum|operation|protests?|war|crisis|ceremony|parade|games|vote"
)
_NOUN_AFTER = re.compile(
    rf"^\)?\s*(?P<noun>(?i:{EVENT_NOUNS}))\b(?P<of>\s+of\s+the\s+"
    r"[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)?"
)
_PAREN_BEFORE = re.compile(r"(?P<np>(?:[A-Z][\w'’]*\s+){1,5})\($")
_PREP_BEFORE = re.compile(
    r"(?:,\s*)?\b(?:on|in|at|since|by|during|from|until|for|of|the)\s+"
    r"(?:the\s+)?$"
)
_CLAUSE_BREAK = re.compile(
    r";\s|\s[—–-]\s|,\s+(?=(?:when|which|while|as|after|before|because|"
    r"although|though|who|where|but)\b)|\s(?=as\s+(?:he|she|they)\b)|:\s"
)
_LEADING = re.compile(
    r"^(?:reportedly|however|meanwhile|moreover|in addition|also|earlier|"
    r"later|then|according to [^,]{1,40}|(?:when|which|while|as|after|"
    r"before|because|although|though|where|but))\b,?\s*",
    re.I,
)
_REPORTING = re.compile(
    r"^(?:[A-Z][\w-]*|he|she|they|it)\s+(?:said|says|noted|stressed|"
    r"added|reported|announced|confirmed)\s+that\s+",
    re.I,
)
_ATTRIBUTION = re.compile(
    r",\s*(?:[^,]{0,60}?\s)?(?:said|says|reports|reported|told[^,]*|"
    r"quoted[^,]*)\s*\x00?\s*\.?$|,\s*according to [^,]+\.?$",
    re.I,
)
_PRONOUN = re.compile(r"^(?:he|she)\b", re.I)


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    names_event: bool = False  # the dated noun phrase is the event: "the November session"


@dataclass(slots=True)
class TitleContext:
    """What a title may borrow from the corpus and the text before the sentence."""

    names: Names = field(default_factory=Names)
    _patterns: list[tuple[re.Pattern[str], str]] | None = None

    def shorten(self, text: str) -> str:
        """Long names to acronyms, role + full name to surname."""
        for pattern, replacement in self._compiled():
            text = pattern.sub(replacement, text)
        return text

    def _compiled(self) -> list[tuple[re.Pattern[str], str]]:
        """The substitutions, compiled once per corpus (titles are made by the thousand)."""
        if self._patterns is None:
            role = rf"(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+)*(?:{ROLE_WORDS})"
            role += r"(?:\s+of\s+(?:the\s+)?[A-Z]\w*)?"  # "Secretary General of the CSTO"
            patterns = list(self.names.acronym_patterns())
            for full, surname in sorted(self.names.persons.items(), key=lambda p: -len(p[0])):
                name = re.escape(full)
                patterns.append((re.compile(rf"{role},\s+{name},(?=\s+[a-z])"), surname))
                patterns.append((re.compile(rf"(?:{role}\s+)?{name}"), surname))
            self._patterns = patterns
        return self._patterns


def make_title(
    sentence: str,
    date_span: tuple[int, int] | None,
    ctx: TitleContext,
    *,
    previous_person: str | None = None,
) -> Title:
    """A title of at most MAX_TITLE characters; `date_span` is relative to `sentence`.

    `previous_person` (the surname named last before the sentence) stands in for a leading
    "He"/"She".
    """
    if date_span:
        np = _noun_phrase_title(sentence, *date_span)
        if np:
            return Title(_finish(ctx.shorten(np)), names_event=True)
        sentence = _mark_date(sentence, *date_span)
    text = ctx.shorten(sentence)
    text = _ATTRIBUTION.sub("", text.rstrip()).rstrip(". ")
    clause, relative = _clause_with_date(text, ctx)
    if relative or len(text.replace(_MARK, "")) > MAX_TITLE:
        text = clause
    text = _LEADING.sub("", text.strip())
    text = _REPORTING.sub("", text)
    if previous_person:
        text = _PRONOUN.sub(previous_person, text)
    return Title(_finish(text))


def _noun_phrase_title(sentence: str, start: int, end: int) -> str | None:
    """'the November (2022) session of the X' -> 'Session of the X'."""
    m = _NOUN_AFTER.match(sentence[end:])
    if (
        not m
        or _PREP_BEFORE.search(sentence[:start]) is None
        and not sentence[:start].endswith("(")
    ):
        return None
    noun = m.group("noun")
    if m.group("of"):
        return f"{noun} {m.group('of').strip()}"
    before = _PAREN_BEFORE.search(sentence[:start])
    if before:
        return f"{before.group('np').strip()} {noun}"
    return None


def _mark_date(sentence: str, start: int, end: int) -> str:
    head = sentence[:start]
    prep = _PREP_BEFORE.search(head)
    modifies_noun = _NOUN_AFTER.match(sentence[end:]) is not None  # "the November session"
    if prep and not modifies_noun:
        head = head[: prep.start()]
    tail = sentence[end:]
    return f"{head}{_MARK}{tail}"


def _clause_with_date(text: str, ctx: TitleContext) -> tuple[str, bool]:
    """The clause of `text` that holds the date mark, and whether it is a relative clause.

    A relative clause ("Tasmagambetov, who assumed office on 10 January") gets its subject.
    """
    pos = text.find(_MARK)
    if pos < 0:
        return text, False
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text) + 1]
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a <= pos < b:
            clause = text[a:b].strip(" ,;:")
            if re.match(r"^(?:who|which)\b", clause):  # a relative clause ends at its comma
                subject = re.search(r"(\w[\w-]*)\W*$", text[:a].rstrip(" ,"))
                clause = re.sub(r"^(?:who|which)\s+", "", clause).split(", ")[0]
                if subject:
                    clause = f"{subject.group(1)} {clause}"
                return clause, True
            if a > 0:  # a pronoun in a later clause means the sentence's subject
                subject = _first_person(text[:a], ctx)
                if subject:
                    clause = _PRONOUN.sub(subject, _LEADING.sub("", clause))
            return clause, False
    return text, False


def _first_person(text: str, ctx: TitleContext) -> str | None:
    surnames = ctx.names.surnames()
    return next((w for w in re.findall(r"[\w-]+", text) if w in surnames), None)


def _finish(text: str) -> str:
    text = text.replace(_MARK, " ")
    text = re.sub(r"\s+([,.;:)])", r"\1", re.sub(r"\s+", " ", text)).strip(" ,;:-—–\"“”'")
    text = re.sub(r"\(\s*\)", "", text).strip()
    text = re.sub(r"^The (?=[A-Z]{2,}\b)", "", text)  # "The CSTO operation" -> "CSTO operation"
    if len(text) > MAX_TITLE:
        text = text[: MAX_TITLE - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text[:1].upper() + text[1:]
