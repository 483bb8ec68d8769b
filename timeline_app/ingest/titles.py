"""Short event titles from the sentence that states an event.

A title is the sentence's own words, shortened, and reads as a sentence: the date phrase goes
with its preposition, attributions ("BelTA reports", "the president said") go, long names
become acronyms and people's names surnames, and when the sentence has other dated clauses (or
is too long) only the clause holding the date is kept, with its subject. Datelines, bylines
and markup never reach a title. When the date modifies a happening ("the November 2022
session of the Council") the noun phrase itself is the event.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .clauses import Clause, antecedent, clause_at, fit, has_verb, subject_of
from .date_cut import DATE_WORDS, MARK, cut_date, noun_phrase_title
from .names import ROLE_WORDS, Names
from .people import is_person

__all__ = ["Title", "TitleContext", "make_title", "MAX_TITLE", "EVENT_NOUNS"]

MAX_TITLE = 100
MIN_WORDS = 3  # fewer words are a fragment ("Rights expire"), not a statement
EVENT_NOUNS = (  # kinds of happening merge.py compares; date_cut.EVENT_WORDS names more
    "session|summit|meeting|conference|elections?|talks|visit|congress|plenum|forum|"
    "referendum|operation|protests?|war|crisis|ceremony|parade|games|vote"
)
_LEADING = re.compile(
    r"^(?:reportedly|however|meanwhile|moreover|in addition|also|(?:earlier|later)(?=,)|then|"
    r"thus|still|separately|nonetheless|nevertheless|indeed|instead|actually|in effect|and|so|"
    r"yet|or|but|according to [^,]{1,40})\b,?\s*",
    re.I,
)
_SUBORDINATOR = re.compile(  # leads a clause cut from its sentence: "when thousands took"
    r"^(?:when|which|while|as|after|before|because|although|though|where)\b,?\s*", re.I
)
_REPORTING = re.compile(
    r"^(?:[A-Z][\w-]*|he|she|they|it)\s+(?:said|says|noted|stressed|"
    r"added|reported|announced|confirmed)\s+that\s+",
    re.I,
)
_SAID_WHEN = rf"(?:\s+(?:on\s+|in\s+|last\s+|early\s+|late\s+)?(?:{DATE_WORDS.pattern})[\w.,]*)?"
_ATTRIBUTION = re.compile(
    r",\s*(?:[^,]{0,60}?\s)?(?:said|says|reports|reported|told[^,]*|quoted[^,]*)"
    rf"\s*\x00?{_SAID_WHEN}\s*\x00?\s*[.”\"]?$|,\s*according to [^,]+\.?$",
    re.I,
)
_PRONOUN = re.compile(r"^(?:he|she)\b", re.I)
_QUOTE_MARK = re.compile("[\"“”„«»]")
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’ -]{2,},(?:\s*[A-Z\d\x00][\w.\x00]*)*\s*(?:\([^)]{1,25}\))?|"
    r"[A-Z][A-Z.'’ -]{2,}\s*\([^)]{1,25}\)|[A-Z][A-Z.'’ -]{2,}(?=\s+(?:—|–|--|_)))"
    r"\s*(?:_+|--|—|–|-|:)\s*"
)
_BYLINE = re.compile(
    r"^\s*By\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:and|&)\s+(?:[A-Z][\w.'’-]*\s*){1,4})?"
    r"(?:[,|]\s*[A-Z][\w/&. -]{1,30}?)?\s*(?=$|\n|[A-Z]{3,}\b)"
)
_MARKUP = re.compile(r"<[^<>]{0,300}>|\{\{[^{}]{0,300}\}\}|\{\{|\}\}|\$\{[^{}]{0,100}\}|\[\[|\]\]")
_SYMBOLS = re.compile(r"^[\s@#*•·>|_=~^-]+(?:[A-Z]{3,}(?:\s+[A-Z]{3,})*\s+(?=[A-Z][a-z]))?")
_INSERTION = re.compile(  # "Mr. Stronach, founder of Magna, resigned" -> "Mr. Stronach resigned"
    r"(?P<pre>\b(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w.'’-]*)?,"
    r"(?(pre)|(?=\s+[a-z\d])(?!\s+(?:the|a|an)\s))"
    r"(?:\s+(?!and\b|or\b)[^,]{1,140},){1,4}\s+"  # an aside, not a list: "X, Y, and Z"
    r"(?!(?:compared|according|including|based|following|excluding|this|thus|was|has|as|its|"
    r"his|hers|less|unless|across|always|perhaps|news)\b)"
    r"(?=(?:[a-z-]+ed|[a-z]+s|made|took|won|met|became|is|had|will|would)\b)"
)
_OPENING_ADJUNCT = re.compile(  # "In a letter to X, read on radio, Saddam said" -> "Saddam said"
    r"^(?:(?P<prep>In|On|At|For|After|Before|During|Under|With|Despite|Since|Through|By|"
    r"Following|Amid|As|When|While|Although|Though|Because|If|Beneath|Besides|Unlike)\b|"
    r"[A-Z][a-z]+(?:ed|ing)\b|(?:Found|Born|Built|Known|Seen|Held|Made|Taken|Given|Led)\b)"
    r"[^,]{0,120}(?:,[^,]{0,60}){0,2}?,\s+"
    r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*,\s+)?"  # "In Cape Town, South Africa, "
    r"(?=[A-Z]|(?:the|a|an|his|her|its|their)\b|(?:[a-z]+\s+){1,2}[A-Z]|(?(prep)[a-z]+\s+(?:[a-z]+ed|is|was|were|has|"
    r"had|will|would)\b|(?!)))"  # a subject follows
)
_ASIDE = re.compile(r"\s+(--|—|–|_)\s+[^—–_]{1,100}?\s+\1\s+")  # "X -- an aside -- Y"
_CUT_SHORT = re.compile(r"\s(?:the|a|an|of|and|or|with|across|into)$", re.I)
_DANGLING_END = re.compile(  # "The record date is", "The case is expected": the date stays
    r"\s(?:is|was|are|were|be|been|of|to|for|from|since|until|due|expected|scheduled|slated)$"
)
_RELATIVE = re.compile(r"^(?:who|whom|which)\s+")


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    names_event: bool = False  # the dated noun phrase is the event: "the November session"


@dataclass(slots=True)
class TitleContext:
    """What a title may borrow from the corpus and the text before the sentence."""

    names: Names = field(default_factory=Names)
    _patterns: list[tuple[str, re.Pattern[str], str]] | None = None
    _people: set[str] | None = None

    def shorten(self, text: str) -> str:
        """Long names to acronyms, role + full name to surname."""
        for needle, pattern, replacement in self._compiled():
            if needle in text:  # a substring test first: most names are not in the sentence
                text = pattern.sub(replacement, text)
        return text

    def people(self) -> set[str]:
        """The surnames of the names that are people's."""
        if self._people is None:
            self._people = {s for full, s in self.names.persons.items() if is_person(full)}
        return self._people

    def _compiled(self) -> list[tuple[str, re.Pattern[str], str]]:
        """The substitutions with a substring each must find first, compiled once per corpus
        (titles are made by the thousand)."""
        if self._patterns is None:
            role = rf"(?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+)*(?:{ROLE_WORDS})"
            role += r"(?:\s+of\s+(?:the\s+)?[A-Z]\w*)?"  # "Secretary General of the CSTO"
            longs = [long.split()[0][:3] for long in self.names.acronyms]
            patterns = [(n, *p) for n, p in zip(longs, self.names.acronym_patterns(), strict=True)]
            persons = [p for p in self.names.persons.items() if is_person(p[0])]
            for full, surname in sorted(persons, key=lambda p: -len(p[0])):
                name = re.escape(full)
                patterns.append((full, re.compile(rf"{role},\s+{name},(?=\s+[a-z])"), surname))
                patterns.append((full, re.compile(rf"(?:{role}\s+)?\b{name}\b"), surname))
            self._patterns = patterns
        return self._patterns


def make_title(
    sentence: str,
    date_span: tuple[int, int] | None,
    ctx: TitleContext,
    *,
    previous_person: str | None = None,
    other_dates: Sequence[tuple[int, int]] | None = None,
) -> Title:
    """A title of at most MAX_TITLE characters; spans are relative to `sentence`.

    `previous_person` (the surname named last before the sentence) stands in for a leading
    "He"/"She". `other_dates` are the sentence's other date expressions (the tagger's); without
    them the obvious ones (months, weekdays, years) are found here. The text is empty only when
    the sentence holds nothing but a dateline, a byline or markup: no event to title.
    """
    if previous_person and previous_person not in ctx.people():
        previous_person = None  # "Arabia" of "Saudi Arabia" is no one's surname
    if date_span:
        phrase = noun_phrase_title(sentence, *date_span)
        if phrase:  # a bare "The 2014 operation" yields to a fuller title of the same event
            bare = sentence[date_span[0] : date_span[1]] in phrase
            return Title(_shorten(ctx.shorten(_clean(phrase))), names_event=not bare)
    text = _statement(sentence, date_span, ctx, previous_person, other_dates)
    if date_span and (len(text.split()) < MIN_WORDS or _DANGLING_END.search(text)):
        # "Congress reconvenes Jan. 24", "The record date is Nov. 9"
        with_date = _statement(sentence, date_span, ctx, previous_person, other_dates, _keep)
        if len(with_date.split()) > len(text.split()):
            text = with_date
    return Title(text)


def _statement(
    sentence: str,
    span: tuple[int, int] | None,
    ctx: TitleContext,
    person: str | None,
    others: Sequence[tuple[int, int]] | None,
    cut: Callable[[str, int, int], str] = cut_date,
) -> str:
    """The title as a statement: the whole sentence when it is short and dates only this,
    else the clause holding the date; `cut` takes the date phrase out (or keeps it)."""
    whole = _render(cut(sentence, *span) if span else sentence, ctx, person, cut=False)
    if span is None:
        return _shorten(whole)
    clause, found = clause_at(sentence, span[0])
    own = _clause_text(sentence, clause, found, span, cut)
    own = _render(own, ctx, person, cut=clause.kind == "subordinate")
    verbless = clause.kind not in ("relative", "coordinate") and not has_verb(own)  # "in 1994"
    if not _words(own, 2) or verbless:
        return _shorten(whole)
    elsewhere = any(c is not clause and _dated(sentence, c, span, others) for c in found)
    if not elsewhere and clause.kind != "relative" and len(whole) <= MAX_TITLE:
        return whole
    if clause.kind == "main" and len(found) == 1:
        return _shorten(whole)
    return _shorten(own)


def _keep(text: str, start: int, end: int) -> str:
    return text


def _clause_text(
    sentence: str,
    clause: Clause,
    found: list[Clause],
    span: tuple[int, int],
    cut: Callable[[str, int, int], str],
) -> str:
    """The clause with the date cut, and the subject it lost to the break."""
    text = clause.text(sentence, cut, span)
    noun = antecedent(sentence[: clause.lead])
    if clause.kind == "relative" and noun:
        whose = re.match(r"^whose\s+", text)
        if whose:  # "X, whose shares began" -> "Shares of X began"
            owned = subject_of(text[whose.end() :])
            if owned:
                return f"{owned} of {noun}{text[whose.end() + len(owned) :]}"
        return f"{noun} {_RELATIVE.sub('', text)}"
    if clause.kind == "aside" and noun and re.match(r"^[a-z]+(?:ed|ing)\b", text):
        return f"{noun} {text}"  # "its plan -- started in May -- will" -> "its plan started"
    if clause.kind == "coordinate":
        host = next((c for c in reversed(found) if c.lead < clause.lead and c.kind == "main"), None)
        subject = subject_of(host.text(sentence)) if host else None
        text = re.sub(r"^(?:and|but|or)\s+", "", text)
        return f"{subject} {text}" if subject else ""  # no subject: the whole sentence
    return text


def _dated(
    sentence: str,
    clause: Clause,
    span: tuple[int, int],
    others: Sequence[tuple[int, int]] | None,
) -> bool:
    """Whether `clause` holds a date expression other than `span`."""
    if others is not None:
        return any(clause.holds(a) and (a, b) != tuple(span) for a, b in others)
    return any(
        clause.holds(m.start()) and not span[0] <= m.start() < span[1]
        for m in DATE_WORDS.finditer(sentence)
    )


def _render(text: str, ctx: TitleContext, person: str | None, *, cut: bool = True) -> str:
    """The marked sentence or clause as a finished title, before any cut for length."""
    text = ctx.shorten(_clean(text))
    text = _ATTRIBUTION.sub("", text.rstrip()).rstrip(". ")
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text.strip(f" ,;:{MARK}"))
        text = _SUBORDINATOR.sub("", text) if cut else text
    text = _REPORTING.sub("", text)
    if person and not _QUOTE_MARK.search(text):  # a quote's "she" is the speaker's, not ours
        text = _PRONOUN.sub(person, text)
    return _finish(text)


def _clean(text: str) -> str:
    """Without markup, a wire dateline or a byline; TeX-style quotes as quotes."""
    text = _MARKUP.sub(" ", html.unescape(text))
    text = text.replace("``", "“").replace("''", "”")
    text = _BYLINE.sub("", text)
    text = _DATELINE.sub("", text)
    return _SYMBOLS.sub("", text)


def _shorten(text: str) -> str:
    """At most MAX_TITLE characters: asides go first, then the tail at a boundary."""
    for step in (
        lambda t: _ASIDE.sub(" ", re.sub(r"\s*\([^()]*\)", "", t)),
        lambda t: _OPENING_ADJUNCT.sub("", t) if _words(_OPENING_ADJUNCT.sub("", t), 4) else t,
        lambda t: _INSERTION.sub(r"\g<pre> ", t, count=1),
    ):
        if len(text) <= MAX_TITLE:
            break
        text = _finish(step(text))
    return _finish(fit(text, MAX_TITLE))


def _words(text: str, n: int) -> bool:
    return len(re.findall(r"\w+", text)) >= n


def _finish(text: str) -> str:
    text = text.replace(MARK, " ")
    text = re.sub(r"\s+([,.;:)”])", r"\1", re.sub(r"\s+", " ", text))
    quoted = text.strip().startswith('"') and text.count('"') % 2 == 0  # keep a whole quote
    closed = quoted and text.strip().endswith('"')
    text = re.sub(r"([(“])\s+", r"\1", text)
    text = re.sub(r",(?:\s*,)+", ",", text)  # "Actually, , the Journal" after the date went
    text = re.sub(r"\(\s*\)", "", text).strip(" ,;:-—–_\"'")
    text = f'"{text}' + ('"' if closed else "") if quoted else text
    text = re.sub(r"^[^\w“‘($£€\"]+", "", text)
    if "[" not in text:
        text = text.rstrip("]")  # "[Get the newsletter in your inbox.]"
    if _CUT_SHORT.search(text):  # the sentence itself stops short: "revolts across the"
        text = fit(text, len(text) - 1)
    text = re.sub(r"^The (?=[A-Z]{2,}\b)", "", text)  # "The CSTO operation" -> "CSTO operation"
    if re.match(r"^[Tt]he [a-z]", text) and len(text.split()) > MIN_WORDS + 1:
        text = text[4:]  # a headline drops the article: "Company opened its first office"
    return text[:1].upper() + text[1:]
