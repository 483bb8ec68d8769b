"""A one-page PDF uses its page (issue 12, point 6): measured in the written PDF (where its
titles and axis labels are) and on the page as the export dialog previews it (where the
event colour is)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor

from timeline_app.plan.palette import DARK, LIGHT
from timeline_app.render import ImageOptions, devices, export_image
from timeline_app.render.image import Subject, pdf_specs

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic import synthetic_store  # noqa: E402


def text_tops(path: Path) -> tuple[list[tuple[str, float, float]], float]:
    """Each text run of page 1 as (text, distance from the page's top as a share of its
    height, font size in points), and the page's height in points."""
    page = PdfReader(path).pages[0]
    height = float(page.mediabox.height)
    runs: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]  # the baseline, from the page's foot
            runs.append((" ".join(text.split()), (height - y) / height, size * abs(cm[3])))

    page.extract_text(visitor_text=visit)
    return runs, height


def synthetic(n: int) -> Subject:
    return Subject(synthetic_store(n), np.arange(n), f"{n} events")


def title_tops(runs: list[tuple[str, float, float]], titles: list[str]) -> list[float]:
    """Where the runs that are titles (whole, or cut with "…") are."""
    titles = [" ".join(t.split()) for t in titles]
    return [
        top
        for text, top, _ in runs
        if len(text) > 2 and any(t.startswith(text.rstrip("…")) for t in titles)
    ]


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_the_shipped_corpus_uses_the_whole_page(corpus, tmp_path, orientation):
    out = export_image(corpus, tmp_path / "c.pdf", ImageOptions(orientation=orientation))
    runs, _ = text_tops(out)
    tops = title_tops(runs, [e.title for e in corpus.events])
    assert len(tops) == len(corpus.events)
    assert max(tops) >= 0.8  # the lowest row near the foot of the page (was 0.45)
    axis = [top for text, top, _ in runs if text == "2023"]
    assert axis and min(axis) >= 0.9
    titles = {" ".join(e.title.split()) for e in corpus.events}
    if orientation == "landscape":  # wide enough for every title whole
        assert titles <= {text for text, _, _ in runs}
    sizes = [size for text, top, size in runs if top in tops]
    assert min(sizes) >= 9.0  # points: 12 px at 96 dpi, or larger


def test_two_hundred_events_use_the_whole_page(tmp_path):
    subject = synthetic(200)
    out = export_image(subject, tmp_path / "s.pdf")
    runs, _ = text_tops(out)
    tops = title_tops(runs, subject.store.titles)
    assert len(tops) > 100 and max(tops) >= 0.85


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_the_page_image_has_events_down_to_its_foot(corpus, theme):
    w, h = devices.pdf_canvas("A4", "landscape")
    spec = pdf_specs(Subject.of(corpus), ImageOptions(theme=theme.name), w, h)[0]
    image = devices.render_page(spec, theme)
    assert abs(image.width() - w) < 1 and abs(image.height() - h) < 1
    event = QColor(theme.event)
    rows = [
        y
        for y in range(0, image.height(), 2)
        if any(_near(image.pixelColor(x, y), event) for x in range(0, image.width(), 2))
    ]
    assert rows and rows[-1] / image.height() >= 0.8
    assert image.pixelColor(2, image.height() - 2) == QColor(theme.background)


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40
