"""The Report stage: choose what leaves the room (PDF report, A3 one-pagers, CSV, JSON),
see how many pages it makes, export it and open it; bring notes in from CSV."""

from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.services import interchange, workshops
from kaizen_studio.services.csv_interchange import read_csv
from kaizen_studio.services.ranking import rank_themes
from kaizen_studio.services.reports import build_a3, build_workshop_report, gather
from kaizen_studio.services.reports.tables import CSV_TABLES, write_csv
from kaizen_studio.ui.background import BackgroundWork
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.stages.base import StagePage
from kaizen_studio.ui.stages.csv_import_dialog import CsvImportDialog, import_notes_undoable


@dataclass(frozen=True)
class ReportKind:
    key: str
    label: str
    description: str
    suffix: str


KINDS = (
    ReportKind(
        "report",
        "Workshop report (PDF)",
        "Cover, contents, intent and KPIs, who took part, themes with their notes and votes, "
        "the priority matrix, the action map, PDCA status with KPI charts, the follow-up "
        "calendar and every note. A4, for the board.",
        ".pdf",
    ),
    ReportKind(
        "a3",
        "A3 one-pagers (PDF)",
        "One landscape A3 page per theme: background, current condition, goal, root cause, "
        "countermeasures, plan and follow-up. Tick the themes below.",
        ".pdf",
    ),
    *(
        ReportKind(
            key, f"{label} (CSV)", f"{label}, for a spreadsheet (UTF-8, Excel-safe).", ".csv"
        )
        for key, (label, _) in CSV_TABLES.items()
    ),
    ReportKind(
        "json",
        "Whole workshop (JSON)",
        "Every stage's data, to import into another library with File > Import or "
        "'kaizen-studio import'.",
        ".json",
    ),
)


class ReportPage(StagePage):
    stage = Stage.REPORT
    topics = frozenset(
        {"workshops", "notes", "themes", "votes", "participants", "outcomes", "map", "pdca"}
    )

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.last_file: Path | None = None
        self._pages: dict[tuple[object, ...], int] = {}
        self._counting: tuple[object, ...] | None = None
        # Bumped on every change to the workshop, so a count begun before it is not kept.
        self._generation = 0
        self.work = BackgroundWork(self)
        self._build()

    # -- layout ---------------------------------------------------------------------

    def _button(self, text: str, name: str, slot: object, tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").replace("…", ""))
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        title = QLabel("Report and export", self)
        title.setProperty("role", "pageTitle")
        self.kinds = QListWidget(self)
        self.kinds.setObjectName("reportKinds")
        self.kinds.setAccessibleName("What to export")
        for kind in KINDS:
            self.kinds.addItem(kind.label)
        self.kinds.setFixedWidth(330)
        self.kinds.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.kinds.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.kinds.currentRowChanged.connect(lambda _row: self._show_kind())
        self.description = QLabel(self)
        self.description.setObjectName("reportDescription")
        self.description.setWordWrap(True)
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("reportPages")
        self.pages_label.setProperty("role", "sectionTitle")
        self.themes = QListWidget(self)
        self.themes.setObjectName("a3Themes")
        self.themes.setAccessibleName("Themes to print as A3 one-pagers")
        self.themes.itemChanged.connect(lambda _item: self._count_pages())
        self.export_button = self._button(
            "&Export…", "exportButton", self.export, "Write the file (Ctrl+E)"
        )
        self.export_button.setProperty("primary", True)
        self.open_button = self._button("&Open file", "openFileButton", self.open_file)
        self.folder_button = self._button("Show in &folder", "showFolderButton", self.show_folder)
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.open_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch()

        detail = QVBoxLayout()
        detail.addWidget(self.pages_label)
        detail.addWidget(self.description)
        detail.addWidget(self.themes, 1)
        detail.addLayout(buttons)
        detail.addWidget(self.status)
        detail.addStretch()
        top = QHBoxLayout()
        top.addWidget(self.kinds)
        top.addSpacing(16)
        top.addLayout(detail, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 12, 4, 4)
        layout.addWidget(title)
        layout.addLayout(top, 1)
        layout.addWidget(self._incoming())
        QShortcut(QKeySequence("Ctrl+E"), self, self.export)
        self.kinds.setCurrentRow(0)

    def _incoming(self) -> QGroupBox:
        incoming = QGroupBox("Bring notes in", self)
        hint = QLabel(
            "Add notes from a CSV file (a survey export or a spreadsheet): columns for text, "
            "participant, area, frequency and impact are found by their headers. Rows with "
            "problems are listed by line and skipped; the rest is one undo step.",
            incoming,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.import_button = self._button(
            "&Import notes from CSV…", "importCsvButton", self.import_csv
        )
        row = QHBoxLayout(incoming)
        row.addWidget(hint, 1)
        row.addWidget(self.import_button)

        return incoming

    # -- showing -----------------------------------------------------------------------

    def kind(self) -> ReportKind:
        return KINDS[max(self.kinds.currentRow(), 0)]

    def focus_main_input(self) -> None:
        self.kinds.setFocus()

    def refresh(self) -> None:
        self._pages.clear()  # the workshop changed: counts are stale
        self._generation += 1
        self._fill_themes()
        self._show_kind()

    def _fill_themes(self) -> None:
        if self.workshop_id is None:
            return
        checked = self.chosen_ranks()
        self.themes.blockSignals(True)
        self.themes.clear()
        try:
            ranked = rank_themes(self.context.library, self.workshop_id)
        except KaizenError:
            ranked = []
        any_selected = any(theme.selected for theme in ranked)
        for theme in ranked:
            item = QListWidgetItem(f"{theme.rank}. {theme.name}", self.themes)
            item.setData(Qt.ItemDataRole.UserRole, theme.rank)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = theme.rank in checked if checked else (theme.selected or not any_selected)
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.themes.blockSignals(False)

    def chosen_ranks(self) -> list[int]:
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.themes.item(row) for row in range(self.themes.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _show_kind(self) -> None:
        kind = self.kind()
        self.description.setText(kind.description)
        self.themes.setVisible(kind.key == "a3")
        self.open_button.setEnabled(self.last_file is not None and self.last_file.exists())
        self.folder_button.setEnabled(self.last_file is not None)
        self._count_pages()

    def _page_key(self) -> tuple[object, ...]:
        return (self._generation, self.workshop_id, self.kind().key, tuple(self.chosen_ranks()))

    def _count_pages(self) -> None:
        """Lay the PDF out in memory once per change, so the page count is what you get.

        The layout runs in the background (a 10,000-note report takes seconds);
        the count appears when it is done."""
        kind = self.kind()
        if kind.suffix != ".pdf" or self.workshop_id is None:
            self.pages_label.setText(kind.label)
            return
        key = self._page_key()
        if key in self._pages:
            pages = self._pages[key]
            self.pages_label.setText(f"{kind.label}: {pages} page{'s' if pages != 1 else ''}")
            return
        self.pages_label.setText(f"{kind.label}: counting pages…")
        if self._counting == key:
            return
        try:
            layout = self._layout(kind, BytesIO())
        except KaizenError as error:
            self.pages_label.setText(kind.label)
            self.status.setText(str(error))
            return
        self._counting = key
        self.work.start(layout, lambda pages: self._counted(key, pages), self._count_failed)

    def _counted(self, key: tuple[object, ...], pages: int) -> None:
        self._pages[key] = pages
        self._counting = None
        if key == self._page_key():
            self._count_pages()
        elif self.kind().suffix == ".pdf":
            self._count_pages()  # the choice changed while counting: count the new one

    def _count_failed(self, message: str) -> None:
        self._counting = None
        self.pages_label.setText(self.kind().label)
        self.status.setText(message)

    # -- actions ----------------------------------------------------------------------------

    def _layout(self, kind: ReportKind, target: Path | BytesIO) -> Callable[[], int]:
        """Read the workshop now; return the PDF layout, which needs no library, to run later."""
        assert self.workshop_id is not None
        data = gather(self.context.library, self.workshop_id, self.context.clock)
        if kind.key == "a3":
            ranks = self.chosen_ranks()
            return lambda: build_a3(data, target, ranks=ranks)
        return lambda: build_workshop_report(data, target)

    def _write(self, kind: ReportKind, target: Path) -> int:
        """Write a table (CSV) or the whole workshop (JSON) at once: both are quick."""
        assert self.workshop_id is not None
        library, workshop, clock = self.context.library, self.workshop_id, self.context.clock
        if kind.key == "json":
            interchange.write_export(library, workshop, target)
            return 1
        return write_csv(library, workshop, target, kind.key, clock=clock)

    def _suggested_path(self, kind: ReportKind) -> Path:
        assert self.workshop_id is not None
        title = workshops.get_workshop(self.context.library, self.workshop_id).title
        safe = "".join(c if c.isalnum() or c in " -_" else " " for c in title).strip()
        name = f"{' '.join(safe.split())[:60] or 'Workshop'} - {kind.label.split(' (')[0]}"
        folder = self.context.settings.value("report/folder", str(Path.home()))
        return Path(str(folder)) / f"{name}{kind.suffix}"

    def export(self) -> None:
        if self.workshop_id is None:
            return
        kind = self.kind()
        if kind.key == "a3" and not self.chosen_ranks():
            self.context.report_error("Tick at least one theme for the A3 one-pagers.")
            return
        suffix_filter = f"{kind.label} (*{kind.suffix})"
        name, _ = QFileDialog.getSaveFileName(
            self, f"Export {kind.label}", str(self._suggested_path(kind)), suffix_filter
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != kind.suffix:
            path = path.with_name(path.name + kind.suffix)
        if kind.suffix == ".pdf":
            self._export_pdf(kind, path)
            return
        try:
            count = self._write(kind, path)
        except KaizenError as error:
            self.context.report_error(str(error))
            return
        except OSError as error:
            self.context.report_error(f"{path.name} could not be written: {error.strerror}.")
            return
        self._exported(kind, path, count)

    def _export_pdf(self, kind: ReportKind, path: Path) -> None:
        """Lay the PDF out in the background; the page stays usable meanwhile."""
        if not path.parent.is_dir():
            self.context.report_error(f"{path.name} could not be written: its folder is missing.")
            return
        try:
            layout = self._layout(kind, path)
        except KaizenError as error:
            self.context.report_error(str(error))
            return
        self.export_button.setEnabled(False)
        self.status.setText(f"Writing {path.name}…")

        def done(count: int) -> None:
            self.export_button.setEnabled(True)
            self._exported(kind, path, count)

        def failed(message: str) -> None:
            self.export_button.setEnabled(True)
            self.status.setText("")
            self.context.report_error(message)

        self.work.start(layout, done, failed)

    def _exported(self, kind: ReportKind, path: Path, count: int) -> None:
        self.context.settings.set_value("report/folder", str(path.parent))
        self.last_file = path
        what = f"{count} page{'s' if count != 1 else ''}" if kind.suffix == ".pdf" else ""
        if kind.suffix == ".csv":
            what = f"{count} row{'s' if count != 1 else ''}"
        self.status.setText(f"Wrote {path}" + (f" ({what})." if what else "."))
        self._show_kind()
        self.open_button.setFocus()

    def open_file(self) -> None:
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file)))

    def show_folder(self) -> None:
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file.parent)))

    def import_csv(self) -> None:
        if self.workshop_id is None:
            return
        folder = str(self.context.settings.value("report/folder", str(Path.home())))
        name, _ = QFileDialog.getOpenFileName(
            self, "Import notes from CSV", folder, "CSV files (*.csv *.txt);;All files (*)"
        )
        if not name:
            return
        try:
            table = read_csv(Path(name))
        except KaizenError as error:
            self.context.report_error(str(error))
            return
        dialog = CsvImportDialog(table, self)
        if dialog.exec() != CsvImportDialog.DialogCode.Accepted or dialog.parsed is None:
            return
        result = import_notes_undoable(self.context, self.workshop_id, dialog.parsed, Path(name))
        if result is not None:
            self.status.setText(result.summary())
