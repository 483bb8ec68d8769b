"""Sources that disagree: one happening dated differently by several outlets is one disputed
event, copies of one wire story count once; different happenings of one kind stay apart.
Articles written for these tests, loaded for real (`load_corpus`)."""

import json
import pickle
from pathlib import Path

import pytest

from timeline_app.ingest.corpus import load_corpus
from timeline_app.ingest.disputes import dispute_groups, feed_records, groups_of_fed, sentences_in
from timeline_app.ingest.records import event_in, event_out
from timeline_app.model.outlets import date_support

CORPUS = Path(__file__).parent.parent / "data" / "disputes"


@pytest.fixture(scope="module")
def disputes():
    return load_corpus(CORPUS)


def _with(timeline, word):
    return [e for e in timeline.events if any(word in _sentence(timeline, s) for s in e.sources)]


def _sentence(timeline, s):
    return timeline.documents[s.doc_id].text[s.start : s.end]


# (a word of the happening's sentences, the event's date, [(date, independent outlets,
#  outlets)] best confirmed first, why)
CORPUS_CASES = [
    (
        "border agreement",
        "2024-05-03",
        [
            ("2024-05-03", 2, {"Daily Courier", "Evening Herald", "Bishkek Gazette"}),
            ("2024-05-04", 1, {"Morning Post"}),
        ],
        "3 May by a wire story carried twice (one voice) and by the Gazette: two voices "
        "against the Post's one for 4 May",
    ),
    (
        "highway",
        "2024-01-13",
        [("2024-01-13", 1, {"Caspian News"}), ("2024-01", 1, {"Steppe Times"})],
        "'early January' (1-10) and 13 January conflict; one voice each: the precise date",
    ),
]


@pytest.mark.parametrize(("word", "date", "support", "why"), CORPUS_CASES)
def test_one_disputed_event_with_each_dates_voices(disputes, word, date, support, why):
    (event,) = _with(disputes, word)
    assert event.disputed, why
    assert event.date.iso() == date, why
    got = [
        (s.date.iso(), s.independent, {disputes.documents[x.doc_id].outlet for x in s.sources})
        for s in date_support(event, disputes.documents)
    ]
    assert got == support, why


def test_wire_copies_are_one_family_and_others_none(disputes):
    (event,) = _with(disputes, "border agreement")
    wire = {s.doc_id: s.wire for s in event.sources}
    assert wire["courier-border.txt"] == wire["herald-border.txt"] != ""
    assert wire["gazette-border.txt"] == wire["post-border.txt"] == ""


def test_a_disputed_event_survives_the_cache_and_json(disputes):
    (event,) = _with(disputes, "border agreement")
    back = event_in(json.loads(json.dumps(event_out(event))))
    assert back.sources == event.sources and back.disputed
    assert {s.wire for s in back.sources} == {s.wire for s in event.sources}


def _write(folder: Path, articles):
    documents = {}
    for k, (outlet, published, body) in enumerate(articles):
        name = f"a{k}.txt"
        # a dated line of its own under the headline would read as the publication line
        lead = f"Correspondents of the {outlet} followed the story closely."
        closing = f"Our {outlet} desk will follow the story."  # a last line reads as a credit
        text = f"The {outlet} reports\n\n{lead} {body}\n{closing}\n"
        (folder / name).write_text(text, encoding="utf-8")
        documents[name] = {"outlet": outlet, "published": published}
    (folder / "manifest.json").write_text(json.dumps({"documents": documents}), encoding="utf-8")


# (articles as (outlet, published, body), a word of the happening, the distinct source
#  dates of each event holding that word, why)
CASES = [
    (
        [
            ("Courier", "2024-05-06", "Lukashenko met Tokayev in Minsk on 3 May to discuss trade."),
            ("Herald", "2024-05-13", "Lukashenko met Tokayev in Minsk on 10 May to discuss trade."),
        ],
        "Minsk",
        [("2024-05-03",), ("2024-05-10",)],
        "two meetings of the same people a week apart are two events",
    ),
    (
        [
            (
                "Courier",
                "2024-03-04",
                "Lukashenko met Tokayev in Minsk on 1 March to discuss trade.",
            ),
            (
                "Herald",
                "2024-03-04",
                "Lukashenko met Tokayev in Minsk on 3 March to discuss trade.",
            ),
        ],
        "Minsk",
        [("2024-03-01",), ("2024-03-03",)],
        "two days apart: more likely two meetings than a slip of one day",
    ),
    (
        [
            ("Courier", "2024-05-08", "The Minsk city council held its weekly session on 6 May."),
            ("Herald", "2024-05-15", "The Minsk city council held its weekly session on 13 May."),
            ("Post", "2024-05-22", "The Minsk city council held its weekly session on 20 May."),
            ("Gazette", "2024-05-08", "The Minsk city council held its weekly session on 7 May."),
        ],
        "weekly",
        [("2024-05-06",), ("2024-05-07",), ("2024-05-13",), ("2024-05-20",)],
        "a weekly happening recurs: a day's disagreement about one of them is never joined",
    ),
    (
        [
            (
                "Courier",
                "2024-05-06",
                "Halvorsen Motors filed for bankruptcy in Delaware on 3 May.",
            ),
            ("Herald", "2024-05-06", "Halvorsen Motors filed for bankruptcy in Delaware on 3 May."),
        ],
        "bankruptcy",
        [("2024-05-03",)],
        "reports of one date merge as before, undisputed",
    ),
    (
        [
            (
                "Courier",
                "2024-05-06",
                "Halvorsen Motors filed for bankruptcy in Delaware on 3 May.",
            ),
            ("Herald", "2024-05-06", "Halvorsen Motors filed for bankruptcy in Delaware on 4 May."),
        ],
        "bankruptcy",
        [("2024-05-03", "2024-05-04")],
        "3 May and 4 May for one filing: one event",
    ),
    (
        [
            ("Courier", "2024-05-06", "Brattli shares closed at 41 crowns on 3 May in Oslo."),
            ("Herald", "2024-05-06", "Brattli shares closed at 44 crowns on 4 May in Oslo."),
        ],
        "crowns",
        [("2024-05-03",), ("2024-05-04",)],
        "other figures: two days' closes, not a dispute",
    ),
    (
        [
            (
                "Courier",
                "2024-01-20",
                "Protesters blocked the highway near Aktau in early January.",
            ),
            ("Herald", "2024-01-20", "Protesters blocked the highway near Aktau on 10 January."),
        ],
        "Aktau",
        [("2024-01",), ("2024-01-10",)],
        "10 January is inside 'early January': it says more, no dispute (left to merging)",
    ),
    (
        [
            ("Courier", "2024-05-06", "Halvorsen Motors will file for bankruptcy on 4 May."),
            ("Herald", "2024-05-06", "Halvorsen Motors filed for bankruptcy on 3 May."),
        ],
        "bankruptcy",
        [("2024-05-03",), ("2024-05-04",)],
        "a plan and a fact are not one report dated twice",
    ),
    (
        [
            (
                "Courier",
                "2024-05-10",
                "Lavrov met Mirzoyan in Geneva on Wednesday, the press service said on Thursday.",
            ),
            (
                "Herald",
                "2024-05-12",
                "Lavrov met Mirzoyan in Geneva on Wednesday, the press service said on Saturday.",
            ),
        ],
        "Geneva",
        [("2024-05-08",), ("2024-05-09",), ("2024-05-11",)],
        "one meeting (Wednesday) and two days of saying so: the sayings agree on the meeting",
    ),
    (
        [
            (
                "Courier",
                "2024-06-03",
                "Zas hosted the council in Minsk in late May, the press service said.",
            ),
            (
                "Herald",
                "2024-05-22",
                "Zas hosted the council in Minsk on Sunday, the press service said on Monday.",
            ),
        ],
        "council",
        [("2024-05",), ("2024-05-19",), ("2024-05-20",)],
        "'late May' is as near the meeting (19 May) as the saying (20 May): which one it "
        "means is unclear, so neither is joined",
    ),
    (
        [
            (
                "Courier",
                "2024-05-06",
                "Lukashenko met Tokayev in Minsk on 3 May. Lukashenko flew on to Astana on 4 May.",
            ),
            ("Herald", "2024-05-06", "Lukashenko met Tokayev in Minsk on 4 May."),
            ("Post", "2024-05-06", "Lukashenko met Tokayev in Minsk on 3 May."),
        ],
        "Minsk",
        [("2024-05-03",), ("2024-05-04",)],
        "the Courier has Lukashenko elsewhere on 4 May: it tells the two dates apart",
    ),
]


@pytest.mark.parametrize(("articles", "word", "expected", "why"), CASES)
def test_joining(tmp_path, articles, word, expected, why):
    _write(tmp_path, articles)
    timeline = load_corpus(tmp_path)
    got = sorted(tuple(sorted({s.date.iso() for s in e.sources})) for e in _with(timeline, word))
    assert got == expected, why
    for e in _with(timeline, word):
        assert e.disputed == (len({s.date.iso() for s in e.sources}) > 1), why


# -- the disputes pass of a large load runs on a worker ---------------------------------------
def _seen(timeline):
    return [
        (e.id, e.title, e.date.iso(), e.disputed, [(s.doc_id, s.start, s.date.iso(), s.wire)
                                                   for s in e.sources])
        for e in timeline.events
    ]  # fmt: skip


def test_the_pass_on_a_worker_joins_what_the_pass_here_joins(tmp_path, monkeypatch):
    """A load from scratch into a store finds the sets to join on one of the engine's
    workers while it keeps its merge blocks: the same timeline as the pass in this process."""
    from timeline_app.ingest import corpus
    from timeline_app.ingest.engines import LocalEngine
    from timeline_app.store import ProjectStore

    found, sent = [], []
    result, submit = corpus._Elsewhere.result, corpus._Elsewhere.submit
    monkeypatch.setattr(
        corpus._Elsewhere, "result", lambda self: found.append(result(self)) or found[-1]
    )

    def submitted(self, blocks, documents):
        sent.append(([list(b) for b in blocks], documents))
        return submit(self, blocks, documents)

    monkeypatch.setattr(corpus._Elsewhere, "submit", submitted)
    store = ProjectStore(tmp_path / "s.sqlite")
    try:
        timeline = load_corpus(CORPUS, cache=store, engine=LocalEngine(2))
    finally:
        store.close()
    assert found and found[0], "the worker found the sets to join"
    assert _seen(timeline) == _seen(load_corpus(CORPUS))
    # what the worker was fed block by block, as the blocks merged, is what the pass finds
    # in the load's events here
    blocks, documents = sent[0]
    events = [e for b in blocks for e in b]
    assert found[0] == dispute_groups(events, sentences_in(documents))


def test_blocks_fed_in_any_order_give_the_groups_of_the_events_in_load_order(tmp_path, monkeypatch):
    """The disputes worker is fed each merge block as it merges, in the order the engine
    finishes them; the groups number the events in the load's order."""
    from timeline_app.ingest import corpus
    from timeline_app.store import ProjectStore

    sent = []
    monkeypatch.setattr(
        corpus._Elsewhere, "submit", lambda self, blocks, docs: sent.append((blocks, docs))
    )
    store = ProjectStore(tmp_path / "s.sqlite")
    try:
        load_corpus(CORPUS, cache=store)  # the merge blocks, before their disputes are joined
    finally:
        store.close()
    merged, documents = sent[0]
    blocks = [[event_in(event_out(e)) for e in b] for b in merged]
    texts = [(d, doc.text) for d, doc in documents.items()]
    merging = blocks[1:] + blocks[:1]  # as an engine may finish them: the first last
    for start in range(0, len(merging), 2):  # a few blocks at a time
        fed = [(id(b), [event_out(e) for e in b]) for b in merging[start : start + 2]]
        feed_records(None, (pickle.dumps(fed), pickle.dumps(texts if start == 0 else [])))
    got = groups_of_fed(None, [id(b) for b in blocks])
    assert got, "the corpus has events to join"
    events = [e for b in blocks for e in b]
    assert [set(g) for g in got] == dispute_groups(events, sentences_in(documents))


class _Failing:
    def __init__(self, name):
        self.name = name  # "local": fed block by block; another engine: sent all at once

    def workers(self, units):
        return 2

    def pool(self, shared, *, workers):
        raise RuntimeError("no worker")


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_failed_worker_leaves_the_pass_to_this_process(disputes, engine):
    from timeline_app.ingest.corpus import _Elsewhere

    elsewhere = _Elsewhere(_Failing(engine), 1000)
    for e in disputes.events:  # each event a block of its own, as merging hands them on
        elsewhere.add([e], disputes.documents)
    elsewhere.submit([[e] for e in disputes.events], disputes.documents)
    assert elsewhere.result() is None  # `_joined` then finds them here


def test_a_cancel_while_statements_are_found_ends_the_disputes_worker(tmp_path):
    """Cancelled before merging ends, the load leaves no thread waiting for events to join
    (the app would wait for it when it quits)."""
    import threading

    from timeline_app.ingest.corpus import MERGING
    from timeline_app.ingest.engines import LocalEngine
    from timeline_app.ingest.progress import Cancelled
    from timeline_app.store import ProjectStore

    def progress(done, total, current):
        return not (current == MERGING and done > 0)

    store = ProjectStore(tmp_path / "s.sqlite")
    try:
        with pytest.raises(Cancelled):
            load_corpus(CORPUS, cache=store, engine=LocalEngine(2), progress=progress)
    finally:
        store.close()
    waiting = [t for t in threading.enumerate() if t.name.startswith("load-disputes")]
    for t in waiting:
        t.join(timeout=10)
    assert not any(t.is_alive() for t in waiting)
