"""Pictures show the analyst's work: a star by a starred title, periods the user drew (a
shaded span, a milestone line, their names) and lanes by tag with an event in each of its
tags' lanes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QImage

from timeline_app.model import Era, Event, FuzzyDate, Timeline
from timeline_app.render import ImageOptions, export_image
from timeline_app.render.image import Subject

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(path) -> list[str]:
    return ["".join(t.itertext()) for t in ET.parse(path).getroot().iter(f"{SVG}text")]


def day(d: int) -> FuzzyDate:
    return FuzzyDate(2023, 5, d)


def timeline(eras=()) -> Timeline:
    events = [
        Event("a", "Summit opens", day(2), starred=True, tags=["Minsk", "army"]),
        Event("b", "Talks stall", day(12), tags=["Minsk"]),
        Event("c", "Troops leave", day(25)),
    ]
    return Timeline(events=events, name="Marks", eras=list(eras))


def test_a_starred_title_and_the_periods_names_are_in_the_svg(tmp_path):
    eras = [
        Era("Summit week", day(1).span_to(day(7)), id="p1", user=True),
        Era("Ceasefire", day(18), id="p2", user=True),
    ]
    texts = svg_texts(export_image(timeline(eras), tmp_path / "t.svg"))
    assert "★ Summit opens" in texts and "Talks stall" in texts
    assert "★ Talks stall" not in texts
    assert {"Summit week", "Ceasefire"} <= set(texts)


def test_tag_lanes_show_an_event_in_each_of_its_tags_lanes(tmp_path):
    subject = Subject.of(timeline(), lane_mode="tag")
    texts = svg_texts(export_image(subject, tmp_path / "lanes.svg"))
    assert texts.count("★ Summit opens") == 2, "in the Minsk lane and the army lane"
    assert texts.count("Talks stall") == 1
    assert {"Minsk", "army", "(no tag)"} <= set(texts)


def png(path, tl: Timeline) -> np.ndarray:
    export_image(tl, path, ImageOptions(width=900))
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3].copy()


@pytest.mark.parametrize(
    ("era", "narrow"),
    [(Era("", day(18), id="p", user=True), True), (Era("", day(14).span_to(day(22))), False)],
)
def test_a_milestone_is_a_line_a_period_a_band(tmp_path, era, narrow):
    """Unnamed, so that only the line or the tint differs from the picture without it (which
    has an era out of view, so that it keeps the same strip for names)."""
    away = Era("", FuzzyDate(1900))
    plain = png(tmp_path / "plain.png", timeline([away]))
    marked = png(tmp_path / "marked.png", timeline([away, era]))
    assert plain.shape == marked.shape
    changed = np.flatnonzero(np.any(plain != marked, axis=(0, 2)))
    assert len(changed) > 0
    rows = np.flatnonzero(np.any(plain != marked, axis=(1, 2)))
    assert rows.max() - rows.min() > 40, "from the names' strip (20 px) down past the rows"
    width = changed.max() - changed.min() + 1
    assert (width <= 4) if narrow else (width > 40)
