"""Events of files taken one at a time: what a partial timeline shows during a long load.

The final timeline merges candidates of all files, titled with names learnt from all files;
that needs every file first. A preview merges each file's candidates alone, titled with that
file's own names, so it costs as much per file as extraction's cheapest step and can be shown
while the rest of the folder is read. Statements of one happening in different files stay
separate until the final merge.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Event
from .extract import Candidate, extract_candidates
from .file_results import FileResult
from .merge import merge_candidates
from .names import Names
from .titles import TitleContext

__all__ = ["merged_names", "preview_events"]


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
    candidates: list[Candidate] = []
    for doc, timexes in zip(result.documents, result.timexes, strict=True):
        candidates.extend(extract_candidates(doc, ctx, timexes))
    return merge_candidates(candidates)
