"""Pictures: PNG at any width and DPI, SVG and PDF with the titles as text, themes, ranges."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from timeline_app.cli import main
from timeline_app.model import Timeline
from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.render import ImageOptions, export_image, export_png

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(path) -> list[str]:
    root = ET.parse(path).getroot()  # valid XML, or this raises
    assert root.tag == f"{SVG}svg"
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def pdf_text(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_svg_of_the_corpus_has_every_title_as_text_and_no_bitmap(corpus, tmp_path):
    out = export_image(corpus, tmp_path / "t.svg")
    texts = svg_texts(out)
    for e in corpus.events:
        assert e.title in texts
    assert corpus.name in texts and "2023" in texts  # title line, axis
    assert b"<image" not in out.read_bytes()


def test_pdf_of_the_corpus_has_every_title_as_extractable_text(corpus, tmp_path):
    out = export_image(corpus, tmp_path / "t.pdf")
    [text] = pdf_text(out)
    for e in corpus.events:
        assert " ".join(e.title.split()) in text
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape


def test_pdf_pages_sizes_and_split(corpus, tmp_path):
    out = export_image(
        corpus,
        tmp_path / "p.pdf",
        ImageOptions(page="Letter", orientation="portrait", fit="split", pages=2),
    )
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    pages = pdf_text(out)
    assert "page 1 of 2" in pages[0] and "page 2 of 2" in pages[1]
    assert "Riots started in Kazakhstan" in pages[0] and "Riots started" not in pages[1]
    assert "Tokayev made this statement" in pages[1]


def test_png_width_and_dpi(corpus, tmp_path):
    image = QImage(str(export_png(corpus, tmp_path / "w.png", width=4000)))
    assert image.width() == 4000
    out = export_image(corpus, tmp_path / "print.png", ImageOptions(width=3000, dpi=300))
    image = QImage(str(out))
    assert image.width() == 3000
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    assert round(image.dotsPerMeterY() * 0.0254) == 300
    # DPI alone: the default 1600 px layout, at 2x the pixels
    image = QImage(str(export_image(corpus, tmp_path / "x2.png", ImageOptions(dpi=192))))
    assert image.width() == 3200


def test_dark_theme_differs_from_light(corpus, tmp_path):
    light = QImage(str(export_image(corpus, tmp_path / "l.png", ImageOptions(width=800))))
    dark = QImage(
        str(export_image(corpus, tmp_path / "d.png", ImageOptions(width=800, theme="dark")))
    )
    assert light.size() == dark.size()
    assert light.pixelColor(2, 2).lightness() > 240 and dark.pixelColor(2, 2).lightness() < 50


def test_date_range_limits_what_is_drawn(corpus, tmp_path):
    out = export_image(
        corpus, tmp_path / "r.svg", ImageOptions(start=date(2023, 1, 1), end=date(2023, 2, 28))
    )
    texts = svg_texts(out)
    assert "Tasmagambetov assumed office" in texts
    assert "Belarus will preside over the CSTO" in texts  # 2023 overlaps the range
    assert "Riots started in Kazakhstan" not in texts
    assert not any(t.startswith("Tokayev made") for t in texts)
    assert any("3 of 8 events" in t and "1 Jan 2023 – 28 Feb 2023" in t for t in texts)


def test_cli_export_writes_each_format(tmp_path, capsys):
    for name in ("t.png", "t.svg", "t.pdf"):
        assert (
            main(
                [
                    "export",
                    str(SHIPPED_CORPUS),
                    "-o",
                    str(tmp_path / name),
                    "--from",
                    "2022",
                    "--to",
                    "2023-02",
                    "--theme",
                    "dark",
                ]
            )
            == 0
        )
        assert (tmp_path / name).stat().st_size > 1000
    assert "wrote" in capsys.readouterr().out


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["-o", "t.gif"], 2, "give a .png, .svg or .pdf"),
        (["-o", "t.png", "--from", "2023-13"], 2, "is not a date"),
        (["-o", "t.png", "--from", "2023", "--to", "2022"], 2, "before --from"),
        (["-o", "t.png", "--width", "50"], 2, "--width"),
        (["-o", "missing/t.png"], 1, "cannot write"),
    ],
)
def test_cli_export_errors_are_one_line(args, code, message, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(SHIPPED_CORPUS), *args]) == code
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_an_empty_timeline_still_draws(tmp_path):
    for name in ("e.png", "e.svg", "e.pdf"):
        assert export_image(Timeline(name="Empty"), tmp_path / name).stat().st_size > 500


def test_svg_renders_with_qt(corpus, tmp_path):
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    data = export_image(corpus, tmp_path / "t.svg").read_bytes()
    renderer = QSvgRenderer(data)
    assert renderer.isValid()
    image = QImage(renderer.defaultSize(), QImage.Format.Format_RGB32)
    image.fill(0xFF000000)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert image.pixelColor(2, 2).lightness() > 240  # the white page was drawn
    assert io.BytesIO(data).read(5) == b"<?xml"
