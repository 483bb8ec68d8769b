"""`join_disputes_near` recomputes exactly what a change within some dates can change: for
many windows, on a dense corpus of happenings reported with disagreeing, recurring and
agreeing dates and on generated articles, the events of a full pass outside its span plus
its events equal a full pass, whether events in the window were removed or added."""

from __future__ import annotations

import copy
import json
import random
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from timeline_app.ingest import corpus
from timeline_app.ingest.disputes import (
    REACH,
    dated_between,
    join_disputes,
    join_disputes_near,
    stated,
)
from timeline_app.ingest.records import event_out
from timeline_app.ingest.wire import families_of

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
from articles import write_articles  # noqa: E402

DISPUTES = Path(__file__).parent.parent / "data" / "disputes"
OUTLETS = ["Courier", "Herald", "Post", "Gazette", "Times", "Monitor", "Ledger", "Observer"]
PEOPLE = ["Lukashenko", "Tokayev", "Lavrov", "Mirzoyan", "Aliyev", "Pashinyan", "Rahmon"]
CITIES = ["Minsk", "Geneva", "Aktau", "Astana", "Baku", "Yerevan"]
COMPANIES = ["Halvorsen Motors", "Brattli Shipping", "Acme Cement", "Norrland Steel"]
# happenings told alike by several outlets: on one day, a day apart (joined), a week
# apart (recurring), as plans, with figures, beside another date ("said on ...")
TEMPLATES = [
    "{p} met {q} in {city} on {d} to discuss trade.",
    "The {city} city council held its weekly session on {d}.",
    "{co} filed for bankruptcy in Delaware on {d}.",
    "{co} will file for bankruptcy on {d}.",
    "{co} shares closed at {n} crowns on {d} in Oslo.",
    "Protesters blocked the highway near {city} on {d}.",
    "{p} opened the new bridge over the river in {city} on {d}.",
    "{p} met {q} in {city} on {d}, the press service said on {said}.",
    "{p} met {q} in {city} on {d} to prepare the summit of March 2025.",
    "{co} opened a new plant near {city} in {part}.",
    "{co} opened a new plant near {city} on {d}.",
]


def _day(d: date) -> str:
    return f"{d.day} {d:%B}"


def _part(d: date) -> str:
    """The third of its month, as an article says it ("mid-May"): ten days long."""
    return ("early ", "mid-", "late ")[min(d.day - 1, 29) // 10] + f"{d:%B}"


def _dense_articles(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """Happenings on days of 2024, each reported by a few outlets, most on its day, some
    a day off; some happen again a week later; an article tells one to three."""
    happenings = []
    for _ in range(count // 2):
        p, q = rng.sample(PEOPLE, 2)
        told = {
            "p": p,
            "q": q,
            "city": rng.choice(CITIES),
            "co": rng.choice(COMPANIES),
            "n": rng.choice([41, 44]),
        }
        template = rng.choice(TEMPLATES)
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(300))
        happenings.append((template, told, day))
        if rng.random() < 0.2:
            happenings.append((template, told, day + timedelta(days=rng.choice([7, 9]))))
    articles = []
    for _ in range(count):
        sentences, last = [], date(2024, 1, 1)
        for template, told, day in rng.sample(happenings, rng.choice([1, 1, 2, 3])):
            given = day + timedelta(days=rng.choice([0, 0, 0, 1, -1]))
            said = given + timedelta(days=rng.choice([0, 1]))
            sentences.append(
                template.format(d=_day(given), said=_day(said), part=_part(given), **told)
            )
            last = max(last, said)
        published = last + timedelta(days=rng.randint(1, 5))
        articles.append((rng.choice(OUTLETS), published.isoformat(), " ".join(sentences)))
    return articles


def _write(folder: Path, articles: list[tuple[str, str, str]]) -> None:
    documents = {}
    for k, (outlet, published, body) in enumerate(articles):
        name = f"a{k}.txt"
        lead = f"Correspondents of the {outlet} followed the story closely."
        closing = f"Our {outlet} desk will follow the story."
        text = f"The {outlet} reports\n\n{lead} {body}\n{closing}\n"
        (folder / name).write_text(text, encoding="utf-8")
        documents[name] = {"outlet": outlet, "published": published}
    (folder / "manifest.json").write_text(json.dumps({"documents": documents}), encoding="utf-8")


def _before_joining(folder: Path, monkeypatch: pytest.MonkeyPatch):
    """The corpus's events as the disputes pass receives them, and its documents."""
    seen = []
    real = corpus.join_disputes

    def keep(events, documents, **kwargs):
        seen.append(([copy.deepcopy(e) for e in events], documents))
        return real(events, documents, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(corpus, "join_disputes", keep)
        corpus.load_corpus(folder)
    return seen[-1]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    out = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        for name, make in [
            ("dense", lambda f: _write(f, _dense_articles(random.Random(7), 160))),
            ("generated", lambda f: write_articles(f, 60, seed=3)),
            ("disputes", None),
        ]:
            folder = DISPUTES
            if make is not None:
                folder = tmp_path_factory.mktemp(name)
                make(folder)
            out[name] = _before_joining(folder, monkeypatch)
    return out


def _full(events, documents, families):
    return join_disputes([copy.copy(e) for e in events], documents, families=families)


def _records(events) -> Counter[str]:
    return Counter(json.dumps(event_out(e), sort_keys=True) for e in events)


def _windows(events, rng: random.Random, count: int) -> list[tuple[date, date]]:
    """Windows at random event dates, some of them a day, some a few weeks."""
    starts = sorted({e.date.start for e in events})
    out = []
    for _ in range(count):
        lo = rng.choice(starts)
        out.append((lo, lo + timedelta(days=rng.choice([0, 0, 2, 10, 30]))))
    return out


def _of(events):
    """`stated_of` over a list: the events with a source in the documents given."""

    def stated_of(doc_ids):
        return stated([e for e in events if any(s.doc_id in doc_ids for s in e.sources)])

    return stated_of


def _check_splice(before, after, documents, lo, hi):
    """The old result outside the span, plus the span's events recomputed from `after`,
    is the full pass over `after`; the span's events come in the full pass's order."""
    families = families_of(after, documents)
    old = _full(before, documents, families)
    new = _full(after, documents, families)
    near = join_disputes_near(
        dated_between(after), documents, lo, hi, families=families, stated_of=_of(after)
    )
    assert near.start <= lo - timedelta(days=REACH) and hi + timedelta(days=REACH) <= near.end
    spliced = [e for e in old if not near.covers(e)] + near.events
    assert _records(spliced) == _records(new)
    inside = [json.dumps(event_out(e)) for e in new if near.covers(e)]
    assert [json.dumps(event_out(e)) for e in near.events] == inside


# (corpus, windows, why)
CASES = [
    ("dense", 25, "happenings a few days apart, recurring, told apart by other days"),
    ("generated", 15, "generated articles: statements over 30 years"),
    ("disputes", 4, "the disputes corpus: a wire story and two joins"),
]


@pytest.mark.parametrize(("name", "count", "why"), CASES)
def test_near_window_spliced_into_the_full_pass_is_the_full_pass(corpora, name, count, why):
    events, documents = corpora[name]
    rng = random.Random(name)
    for lo, hi in _windows(events, rng, count):
        changed = [e for e in events if lo <= e.date.start and e.date.end <= hi]
        dropped = {id(e) for e in rng.sample(changed, k=(len(changed) + 1) // 2)}
        fewer = [e for e in events if id(e) not in dropped]
        _check_splice(events, fewer, documents, lo, hi)  # events in the window removed
        _check_splice(fewer, events, documents, lo, hi)  # ... and added back


def test_the_dense_corpus_has_joins_and_recurrences(corpora):
    """The equivalence above means something only if the corpus joins and recurs."""
    events, documents = corpora["dense"]
    joined = _full(events, documents, families_of(events, documents))
    assert sum(e.disputed for e in joined) >= 3
    assert len(joined) < len(events)
