"""File › Export…: a picture of the timeline as PNG, SVG or PDF, with a live preview.

The picture is what the window shows — its filters and lanes, hidden events left out — of
the whole timeline, the visible range or given dates, drawn by the same renderer as the
headless `timeline-app export` (`timeline_app.render`). Preview and file come from one
`ImageOptions`, so what is previewed is what is written. With the window's `Settings` the
dialog opens as it was last used (format, theme, sizes, page) and offers the folder last
saved into, else the user's Pictures folder.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from timeline_app.plan.palette import theme as palette
from timeline_app.render import devices
from timeline_app.render.arguments import date_bound
from timeline_app.render.image import ImageOptions, Subject, export_image, pdf_specs, scene_spec

from . import plain
from .settings import Settings
from .state import TimelineState

__all__ = [
    "OPEN_FILTER",
    "ExportDialog",
    "ask_data_file",
    "render_preview",
    "save_folder",
    "subject_of_state",
    "view_image",
]

_PREVIEW_W = 760
_FORMATS = {"PNG image": "png", "SVG vector image": "svg", "PDF document": "pdf"}


def subject_of_state(state: TimelineState, title: str) -> Subject:
    """The events the window shows (filters and lanes as set; hidden ones left out)."""
    shown = state.shown[~state.hidden[state.shown]] if len(state.shown) else state.shown
    filtered = any(v is not None for v in state.filters.values())
    return Subject(
        state.store,
        np.asarray(shown),
        title or "Timeline",
        state.lane_mode,
        "filtered" if filtered else "",
        list(state.timeline.eras),
    )


def render_preview(
    subject: Subject, options: ImageOptions, fmt: str, width: int = _PREVIEW_W
) -> QImage:
    """A small image of what `export_image` would write (the first page of a PDF)."""
    pal = palette(options.theme)
    if fmt == "pdf":
        w, h = devices.pdf_canvas(options.page, options.orientation)
        image = devices.render_page(pdf_specs(subject, options, w, h)[0], pal)
        return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    scale = (options.dpi or devices.CSS_DPI) / devices.CSS_DPI if fmt == "png" else 1.0
    w = (options.width or 1600 * scale) / scale
    spec = scene_spec(subject, options, w, options.height / scale if options.height else None)
    image = devices.render_image(spec, pal, scale=1.0)
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


def view_image(
    state: TimelineState, title: str, x_range: tuple[float, float], width: int, scale: float = 1.0
) -> QImage:
    """The visible range as a picture `width` px wide, for the clipboard (Ctrl+C): `scale`
    device pixels per pixel (the screen's ratio), so it stays sharp on high-DPI screens."""
    spec = scene_spec(
        subject_of_state(state, title), ImageOptions(x_range=x_range), max(width, 200), None
    )
    return devices.render_image(spec, palette("light"), scale=max(scale, 1.0))


class ExportDialog(QDialog):
    """Options on the left, the preview on the right; Export… asks for the file name.

    `folder` is where to offer saving; None: the folder last saved into (`settings`), else
    the user's Pictures folder. `settings` (the window's) restores the options last
    exported with and keeps those of this export.
    """

    def __init__(
        self,
        state: TimelineState,
        title: str,
        folder: Path | None = None,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export timeline")
        self.settings = settings or Settings()
        self.state, self.title = state, title
        self.folder = folder if folder is not None else self.settings.save_folder("images")
        self.written: Path | None = None
        self.format = _combo(list(_FORMATS))
        self.range_group = QButtonGroup(self)
        self.whole, self.visible, self.dates = (
            QRadioButton(t) for t in ("Whole timeline", "Visible range", "Dates:")
        )
        for k, b in enumerate((self.whole, self.visible, self.dates)):
            self.range_group.addButton(b, k)
        self.whole.setChecked(True)
        self.visible.setEnabled(state.view_range is not None)
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for edit, hint in ((self.date_from, "from: 2022 or 2022-11"), (self.date_to, "to")):
            edit.setPlaceholderText(hint)
        self.theme = _combo(["light", "dark"])
        self.width_px = _spin(200, 20000, 1600, " px")
        self.dpi = _spin(24, 2400, 96, " dpi")
        self.page = _combo(["A4", "Letter", "A3"])
        self.orientation = _combo(["landscape", "portrait"])
        self.fit = _combo(["one-page", "split"])
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(_PREVIEW_W, 300)
        self.problem = plain.label()  # may quote a typed date or a file name
        self.problem.setStyleSheet("color: #b00020")
        self._layout()
        self._restore()
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.update_preview)
        for w in (self.format, self.theme, self.page, self.orientation, self.fit):
            w.currentIndexChanged.connect(self._changed)
        for w in (self.width_px, self.dpi):
            w.valueChanged.connect(self._changed)
        for w in (self.date_from, self.date_to):
            w.textChanged.connect(self._on_dates_edited)
        self.range_group.idToggled.connect(self._changed)
        self._changed()
        self.update_preview()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Format", self.format)
        dates = QHBoxLayout()
        dates.addWidget(self.dates)
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        form.addRow("Range", self.whole)
        form.addRow("", self.visible)
        form.addRow("", dates)
        form.addRow("Theme", self.theme)
        form.addRow("Width", self.width_px)
        form.addRow("Resolution", self.dpi)
        form.addRow("Page", self.page)
        form.addRow("Orientation", self.orientation)
        form.addRow("Long timelines", self.fit)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("Export…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.choose_and_export)
        buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addStretch(1)
        side.addWidget(buttons)
        top = QHBoxLayout(self)
        top.addLayout(side)
        top.addWidget(self.preview, 1)

    def _choices(self) -> dict[str, QComboBox | QSpinBox]:
        """The options kept between exports, by settings key (not the range: it is the
        timeline's, not the user's habit)."""
        return {
            "format": self.format,
            "theme": self.theme,
            "width": self.width_px,
            "dpi": self.dpi,
            "page": self.page,
            "orientation": self.orientation,
            "fit": self.fit,
        }

    def _restore(self) -> None:
        for key, widget in self._choices().items():
            if isinstance(widget, QComboBox):
                k = widget.findText(self.settings.text(f"export/{key}"))
                if k >= 0:
                    widget.setCurrentIndex(k)
            else:
                value = self.settings.number(f"export/{key}", widget.value())
                widget.setValue(min(max(value, widget.minimum()), widget.maximum()))

    def _remember(self, written: Path) -> None:
        for key, widget in self._choices().items():
            value = widget.currentText() if isinstance(widget, QComboBox) else widget.value()
            self.settings.set_value(f"export/{key}", value)
        self.settings.set_last_folder("images", written.absolute().parent)

    # -- what the options say ----------------------------------------------------------
    @property
    def fmt(self) -> str:
        return _FORMATS[self.format.currentText()]

    def options(self) -> ImageOptions:
        """The options as set; ValueError (with a reason to show) for unreadable dates."""
        start = end = x_range = None
        if self.visible.isChecked():
            x_range = self.state.view_range
        elif self.dates.isChecked():
            start = date_bound(self.date_from.text()) if self.date_from.text().strip() else None
            end = date_bound(self.date_to.text(), end=True) if self.date_to.text().strip() else None
            if start and end and end < start:
                raise ValueError("the range ends before it starts")
        png, pdf = self.fmt == "png", self.fmt == "pdf"
        return ImageOptions(
            width=None if pdf else self.width_px.value(),
            dpi=self.dpi.value() if png else None,
            start=start,
            end=end,
            x_range=x_range,
            theme=self.theme.currentText(),
            page=self.page.currentText(),
            orientation=self.orientation.currentText(),
            fit=self.fit.currentText(),
        )

    def subject(self) -> Subject:
        return subject_of_state(self.state, self.title)

    # -- reactions -----------------------------------------------------------------------
    def _on_dates_edited(self) -> None:
        self.dates.setChecked(True)
        self._changed()

    def _changed(self, *args) -> None:
        png, pdf = self.fmt == "png", self.fmt == "pdf"
        self.dpi.setEnabled(png)
        self.width_px.setEnabled(not pdf)
        for w in (self.page, self.orientation, self.fit):
            w.setEnabled(pdf)
        self._timer.start()

    def update_preview(self) -> None:
        try:
            image = render_preview(self.subject(), self.options(), self.fmt)
        except ValueError as exc:
            self.problem.setText(str(exc))
            self.export_button.setEnabled(False)
            return
        self.problem.setText("")
        self.export_button.setEnabled(True)
        self.preview.setPixmap(QPixmap.fromImage(image))

    def choose_and_export(self) -> None:
        default = self.folder / f"{self.title or 'timeline'}.{self.fmt}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export timeline", str(default), f"{self.format.currentText()} (*.{self.fmt})"
        )
        if chosen and self.export_to(Path(chosen)):
            self.accept()

    def export_to(self, path: Path) -> bool:
        """Write the picture to `path` (the format's suffix added if missing)."""
        if path.suffix.lower() != f".{self.fmt}":
            path = path.with_name(f"{path.name}.{self.fmt}")
        try:
            self.written = export_image(self.subject(), path, self.options())
        except (OSError, ValueError) as exc:
            self.problem.setText(str(exc))
            return False
        self._remember(self.written)
        return True


def _combo(items: list[str]) -> QComboBox:
    box = QComboBox()
    box.addItems(items)
    return box


def _spin(lo: int, hi: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(lo, hi)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


OPEN_FILTER = (
    "Timelines and articles (*.json *.csv *.jsonl *.txt *.md *.html *.htm);;"
    "TimelineJS or event JSON (*.json);;TimelineJS spreadsheet (*.csv);;"
    "All files (*)"
)


def save_folder(opened: Path | None) -> Path:
    """Where to offer saving: the opened folder, the folder of an opened file, or home."""
    if opened is None:
        return Path.home()
    return opened if opened.is_dir() else opened.parent


def ask_data_file(parent: QWidget, folder: Path, name: str) -> tuple[Path | None, str]:
    """File › Export data…: where to write the events (offered in `folder`), and in which
    format."""
    from timeline_app.formats.writing import DATA_FORMATS

    filters = {f"{what} (*{suffix})": fmt for fmt, (suffix, what) in DATA_FORMATS.items()}
    chosen, selected = QFileDialog.getSaveFileName(
        parent,
        "Export timeline data",
        str(folder / f"{name or 'timeline'}.json"),
        ";;".join(filters),
    )
    if not chosen:
        return None, ""
    fmt = filters.get(selected, "json")
    path = Path(chosen)
    suffix = DATA_FORMATS[fmt][0]
    return (path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)), fmt
