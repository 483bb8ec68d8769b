"""Hand-built timelines for the GUI tests (until the real loader exists)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from timeline_app.model import (
    Document,
    Event,
    FuzzyDate,
    Part,
    Problem,
    Source,
    Timeline,
    TimeNote,
)

KAZAKHSTAN = """\
Steppe Herald
Published: 6 January 2022

Alliance troops arrive in Kazakhstan as unrest spreads

ALMATY — The first troops of the Collective Security Treaty Organization landed in \
Kazakhstan on Thursday, the alliance said in a statement.

Protests began on 2 January in the western oil town of Zhanaozen after the price of \
liquefied gas doubled at the start of the year. By the evening of 4 January crowds had \
gathered in Almaty, the country's largest city.

In early January 2022, fuel price protests spread to almost every region of the country, \
and several government buildings were set on fire.

President Kassym-Jomart Tokayev asked the alliance for help late on 5 January, calling the \
protesters "terrorist gangs" trained abroad.

Russian paratroopers made up most of the force, which the alliance described as a \
peacekeeping mission limited in time.
"""

WITHDRAWAL = """\
Caucasus Daily
19 January 2022

Last alliance troops leave Kazakhstan

The Collective Security Treaty Organization completed the withdrawal of its troops from \
Kazakhstan on 19 January 2022, two weeks after the first units arrived.

The withdrawal began on 13 January, when the first transport planes left Almaty.

Officials said the mission had protected "strategic facilities" while Kazakh forces \
restored order.
"""

ARMENIA = """\
Caucasus Daily
Published: 23 February 2024

Armenia freezes its participation in the alliance

YEREVAN — On Thursday, 22 February, Prime Minister Nikol Pashinyan said Armenia had frozen \
its participation in the Collective Security Treaty Organization.

Relations had been strained since November 2022, when a summit of the alliance in Yerevan \
ended without a joint declaration.

Armenia declined to host the alliance's military exercises in 2023, citing the situation \
on its border.

Pashinyan did not say whether Armenia would formally leave the organisation.
"""

# A title long enough to need eliding.
LONG_TITLE = (
    "Armenia declines to host the alliance's annual military exercises, citing the "
    "situation on its border with Azerbaijan and the lack of support from allies"
)


def _doc(doc_id: str, text: str, title: str, outlet: str, published: FuzzyDate) -> Document:
    return Document(
        id=doc_id,
        path=Path("/corpus") / doc_id,
        text=text,
        title=title,
        outlet=outlet,
        published=published,
    )


def _source(
    doc: Document, sentence: str, date_text: str, when: FuzzyDate, date_in: str | None = None
) -> Source:
    """A source for `sentence` in `doc`; the date is looked up in `date_in` (default: the
    sentence itself), which may be another line such as the header."""
    start = doc.text.index(sentence)
    where = doc.text.index(date_in) if date_in else start
    date_start = doc.text.index(date_text, where)
    return Source(
        doc.id,
        start,
        start + len(sentence),
        date_start,
        date_start + len(date_text),
        date_text,
        when,
    )


def make_timeline() -> Timeline:
    """Three articles, seven events: day, month (incl. "early"), year and inferred dates."""
    kz = _doc(
        "2022/kazakhstan_troops.txt",
        KAZAKHSTAN,
        "Alliance troops arrive in Kazakhstan as unrest spreads",
        "Steppe Herald",
        FuzzyDate(2022, 1, 6),
    )
    wd = _doc(
        "2022/withdrawal.txt",
        WITHDRAWAL,
        "Last alliance troops leave Kazakhstan",
        "Caucasus Daily",
        FuzzyDate(2022, 1, 19),
    )
    am = _doc(
        "2024/armenia_freeze.txt",
        ARMENIA,
        "Armenia freezes its participation in the alliance",
        "Caucasus Daily",
        FuzzyDate(2024, 2, 23),
    )
    d = FuzzyDate
    early_jan = d(2022, 1, part=Part.EARLY)
    events = [
        Event(
            "e-protests",
            "Protests begin in Zhanaozen over gas prices",
            d(2022, 1, 2),
            [
                _source(
                    kz,
                    "Protests began on 2 January in the western oil town of Zhanaozen "
                    "after the price of liquefied gas doubled at the start of the year.",
                    "2 January",
                    d(2022, 1, 2, inferred=True),
                )
            ],
        ),
        Event(
            "e-spread",
            "Fuel price protests spread across Kazakhstan",
            early_jan,
            [
                _source(
                    kz,
                    "In early January 2022, fuel price protests spread to almost every "
                    "region of the country, and several government buildings were set "
                    "on fire.",
                    "early January 2022",
                    early_jan,
                )
            ],
        ),
        Event(
            "e-request",
            "Tokayev asks the alliance for help",
            d(2022, 1, 5),
            [
                _source(
                    kz,
                    "President Kassym-Jomart Tokayev asked the alliance for help late on 5 January",
                    "5 January",
                    d(2022, 1, 5, inferred=True),
                )
            ],
        ),
        Event(
            "e-arrive",
            "First alliance troops land in Kazakhstan",
            d(2022, 1, 6),
            [
                _source(
                    kz,
                    "The first troops of the Collective Security Treaty Organization "
                    "landed in Kazakhstan on Thursday",
                    "6 January 2022",
                    d(2022, 1, 6),
                    date_in="Published:",
                )
            ],
        ),
        Event(
            "e-withdraw-start",
            "Withdrawal of alliance troops begins",
            d(2022, 1, 13, inferred=True),
            [
                _source(
                    wd,
                    "The withdrawal began on 13 January, when the first transport planes "
                    "left Almaty.",
                    "13 January",
                    d(2022, 1, 13, inferred=True),
                )
            ],
        ),
        Event(
            "e-withdraw-end",
            "Alliance completes withdrawal from Kazakhstan",
            d(2022, 1, 19),
            [
                _source(
                    wd,
                    "The Collective Security Treaty Organization completed the withdrawal "
                    "of its troops from Kazakhstan on 19 January 2022",
                    "19 January 2022",
                    d(2022, 1, 19),
                ),
                _source(
                    wd,
                    "Last alliance troops leave Kazakhstan",
                    "19 January 2022",
                    d(2022, 1, 19),
                    date_in="Caucasus Daily",
                ),
            ],
        ),
        Event(
            "e-summit",
            "Yerevan summit ends without a joint declaration",
            d(2022, 11),
            [
                _source(
                    am,
                    "Relations had been strained since November 2022, when a summit of "
                    "the alliance in Yerevan ended without a joint declaration.",
                    "November 2022",
                    d(2022, 11),
                )
            ],
        ),
        Event(
            "e-exercises",
            LONG_TITLE,
            d(2023),
            [
                _source(
                    am,
                    "Armenia declined to host the alliance's military exercises in 2023, "
                    "citing the situation on its border.",
                    "2023",
                    d(2023),
                )
            ],
        ),
        Event(
            "e-freeze",
            "Armenia freezes its participation in the alliance",
            d(2024, 2, 22, inferred=True),
            [
                _source(
                    am,
                    "YEREVAN — On Thursday, 22 February, Prime Minister Nikol Pashinyan "
                    "said Armenia had frozen its participation in the Collective Security "
                    "Treaty Organization.",
                    "22 February",
                    d(2024, 2, 22, inferred=True),
                )
            ],
        ),
    ]
    return Timeline(
        documents={x.id: x for x in (kz, wd, am)}, events=events, name="CSTO test corpus"
    )


def make_wide_timeline() -> Timeline:
    """Day events in 1900, 2023 and 2400 (for the offset-epoch round trip)."""
    events = [
        Event(f"e{y}", f"Event in {y}", FuzzyDate(y, m, dd))
        for y, m, dd in ((1900, 3, 1), (2023, 2, 13), (2400, 12, 31))
    ]
    return Timeline(events=events, name="wide")


def event_date(timeline: Timeline, event_id: str) -> date:
    return timeline.event(event_id).date.start


PORT = """\
Harbour Post
Published: 4 May 2023

The new bridge will open in September 2027, the city said, with tolls due by 2028.

Exports fell 12% on 3 May 2023 compared with <b>x</b> in April 2019, the ministry said.
"""


def _note(doc: Document, text: str, role: str) -> TimeNote:
    start = doc.text.index(text)
    return TimeNote(start, start + len(text), text, role)


def make_planned_timeline() -> Timeline:
    """One planned event (a month: the bridge will open) and one that happened (a day),
    each with a context note; the comparison's text holds markup, which is data."""
    doc = _doc("port.txt", PORT, "Port news", "Harbour Post", FuzzyDate(2023, 5, 4))
    d = FuzzyDate
    bridge = _source(
        doc,
        "The new bridge will open in September 2027, the city said, with tolls due by 2028.",
        "September 2027",
        d(2027, 9),
    )
    exports = _source(
        doc,
        "Exports fell 12% on 3 May 2023 compared with <b>x</b> in April 2019, the ministry said.",
        "3 May 2023",
        d(2023, 5, 3),
    )
    events = [
        Event(
            "e-bridge",
            "New bridge opens",
            d(2027, 9),
            [replace(bridge, planned=True, context=(_note(doc, "by 2028", "deadline"),))],
        ),
        Event(
            "e-exports",
            "Exports fall 12%",
            d(2023, 5, 3),
            [
                replace(
                    exports,
                    context=(_note(doc, "compared with <b>x</b> in April 2019", "comparison"),),
                )
            ],
        ),
    ]
    return Timeline(documents={doc.id: doc}, events=events, name="Port")


def markup(image: Path) -> str:
    """Markup that rich text would render: a picture loaded from `image`, a link, bold, an
    entity. In a document it is text, and must be shown as such."""
    return f'<img src="{image}"> <a href="x">link</a> <b>bold</b> &amp;'


def make_hostile_timeline(image: Path) -> Timeline:
    """Two articles and four events whose every piece of text carries `markup(image)`:
    titles, outlets, document titles and ids (file names), sentences, date texts, a time
    context note, actors, problem paths and reasons, and the corpus name."""
    m = markup(image)
    first_text = (
        f"<b>Herald</b> &amp; Co\nPublished: 6 January 2022\n\nCouncil {m}\n\n"
        f"On 5 January {m} the council met in {m}, and it will meet again in "
        f"March 2022 {m}.\n\nTurnout was up since 2019 {m} the mayor said.\n"
    )
    second_text = f"{m}\n19 January 2022\n\nOn 19 January 2022 the {m} square was closed.\n"
    first = _doc(
        f"news/{m}.html",
        first_text,
        f"Council {m}",
        "<b>Herald</b> &amp; Co",
        FuzzyDate(2022, 1, 6),
    )
    second = _doc(f"{m}.txt", second_text, f"Square {m}", m, FuzzyDate(2022, 1, 19))
    d = FuzzyDate
    met = _source(
        first, f"On 5 January {m} the council met in {m}", f"5 January {m}", d(2022, 1, 5)
    )
    turnout = _source(first, f"Turnout was up since 2019 {m} the mayor said.", "2019", d(2019))
    closed = _source(
        second, f"On 19 January 2022 the {m} square was closed.", "19 January 2022", d(2022, 1, 19)
    )
    events = [
        Event("h-closed", f"Square closed {m}", d(2022, 1, 19), [closed]),
        Event(
            "h-met",
            f"Council meets {m}",
            d(2022, 1, 5),
            [met, closed],
            actors=[m, "<i>Ann</i> &amp; Bob"],
        ),
        Event(
            "h-again",
            f"{m} council meets again",
            d(2022, 3),
            [
                replace(
                    _source(
                        first,
                        f"it will meet again in March 2022 {m}.",
                        f"March 2022 {m}",
                        d(2022, 3),
                    ),
                    planned=True,
                )
            ],
            actors=["<i>Ann</i> &amp; Bob"],
        ),
        Event(
            "h-turnout",
            f"Turnout up {m}",
            d(2019),
            [replace(turnout, context=(_note(first, f"since 2019 {m}", f"comparison {m}"),))],
        ),
    ]
    problems = [Problem(f"bad/{m}.pdf", f"cannot read {m}: not an article")]
    return Timeline(
        documents={first.id: first, second.id: second},
        events=sorted(events, key=lambda e: e.date.start),
        problems=problems,
        name=f"[*] corpus {m}",
    )


def make_decades_timeline() -> Timeline:
    """Day events every 97 days from 1990 to mid-2024, with a month and a year among them
    (the axis at every zoom, zoom to fit on a long span)."""
    days = [
        date.fromordinal(n)
        for n in range(date(1990, 1, 4).toordinal(), date(2024, 6, 1).toordinal(), 97)
    ]
    events = [
        Event(f"d{k}", f"Event {k}", FuzzyDate(d.year, d.month, d.day)) for k, d in enumerate(days)
    ]
    events += [
        Event("m-2001-05", "A month in 2001", FuzzyDate(2001, 5)),
        Event("y-2010", "A year", FuzzyDate(2010)),
    ]
    return Timeline(events=sorted(events, key=lambda e: e.date.start), name="decades")
