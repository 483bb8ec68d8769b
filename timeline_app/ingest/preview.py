"""Events of files taken one at a time: what a partial timeline shows during a long load.

The final timeline merges candidates of all files, titled with names learnt from all files;
that needs every file first. A preview merges each file's candidates alone, titled with that
file's own names, so it costs as much per file as extraction's cheapest step and can be shown
while the rest of the folder is read. `PreviewEvents` joins the events of different files
cheaply (same dates, similar titles), so that the same event previewed from two files shows
once. Worker processes preview only a sample of their files (`pool.PreviewBudget`): a
partial timeline shows the events of that sample, over every file read so far.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..model import Event, Source
from .extract import DatedStatement, extract_candidates
from .file_results import FileResult
from .language import dates_language
from .merge import SIMILARITY, _stems, jaccard, merge_candidates
from .names import Names
from .titles import TitleContext

__all__ = ["PreviewEvents", "merged_names", "preview_events"]


def merged_names(names: Iterable[Names]) -> Names:
    """Names from many documents; the first long form of an acronym wins."""
    out = Names()
    for n in names:
        out.acronyms.update({k: v for k, v in n.acronyms.items() if k not in out.acronyms})
        out.persons.update(n.persons)
    return out


def preview_events(result: FileResult) -> list[Event]:
    """The events of one file's documents, merged among themselves only."""
    ctx = TitleContext(merged_names(result.names))
    candidates: list[DatedStatement] = []
    for doc, timexes in zip(result.documents, result.timexes, strict=True):
        if dates_language(doc.language):
            candidates.extend(extract_candidates(doc, ctx, timexes))
    return merge_candidates(candidates)


class PreviewEvents:
    """Preview events of many files, joined across files as they are added.

    An event joins an earlier one with the same interval whose title shares enough words
    (the final merge also compares sentences and names): one look at the few events of that
    interval, so adding stays cheap however many files come.
    """

    def __init__(self) -> None:
        self._by_interval: dict[tuple[date, date], list[tuple[set[str], Event, list[Source]]]]
        self._by_interval = {}

    def add(self, events: Iterable[Event]) -> None:
        for event in events:
            stems = _stems(event.title)
            group = self._by_interval.setdefault((event.date.start, event.date.end), [])
            for seen, _, sources in group:
                if jaccard(stems, seen) >= SIMILARITY:
                    sources.extend(event.sources)
                    break
            else:
                group.append((stems, event, list(event.sources)))

    def events(self) -> list[Event]:
        """New Event objects (a partial timeline shown earlier keeps its own)."""
        return [
            Event(e.id, e.title, e.date, list(sources))
            for group in self._by_interval.values()
            for _, e, sources in group
        ]
