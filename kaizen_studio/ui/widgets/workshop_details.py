"""The home page's card about the selected workshop: when and where, its intent, the
outcomes it works toward and how much it holds, so the right one is opened."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.services import outcomes, workshops
from kaizen_studio.services.workshops import WorkshopSummary
from kaizen_studio.storage.library import Library

COUNTED = (
    ("participants", "participant", "participants"),
    ("notes", "note", "notes"),
    ("themes", "theme", "themes"),
    ("votes", "vote", "votes"),
    ("interventions", "intervention", "interventions"),
    ("cycles", "PDCA cycle", "PDCA cycles"),
)


def counts_line(counts: dict[str, int]) -> str:
    """ "12 participants · 46 notes · 1 theme"; kinds with none are left out."""
    parts = [
        f"{counts[key]:,} {one if counts[key] == 1 else many}"
        for key, one, many in COUNTED
        if counts.get(key)
    ]
    return " · ".join(parts) or "Nothing captured yet."


class WorkshopDetails(QFrame):
    """`open_requested(workshop_id, stage)` when its Open button is pressed."""

    open_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopDetails")
        self.setAccessibleName("Selected workshop")
        self.summary: WorkshopSummary | None = None
        self.title = QLabel(self)
        self.title.setObjectName("detailsTitle")
        self.title.setProperty("role", "sectionTitle")
        self.title.setWordWrap(True)
        self.when = self._label("detailsWhen", hint=True)
        self.body = self._label("detailsBody")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.counts = self._label("detailsCounts", hint=True)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("detailsOpenButton")
        self.open_button.clicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.when)
        layout.addWidget(self.body)
        layout.addStretch()
        layout.addWidget(self.counts)

    def _label(self, name: str, *, hint: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if hint:
            label.setProperty("role", "hint")
        return label

    def show_workshop(self, library: Library, summary: WorkshopSummary | None) -> None:
        self.summary = summary
        if summary is None:
            self.hide()
            return
        try:
            info = workshops.get_workshop(library, summary.id)
            goals = outcomes.list_outcomes(library, summary.id)
        except KaizenError:
            self.hide()
            return
        self.title.setText(info.title)
        held = info.held_on
        when = [f"Held on {held.day} {held:%B %Y}" if held else "Date not set", info.site]
        if info.facilitator:
            when.append(f"Facilitator {info.facilitator}")
        self.when.setText(" · ".join(part for part in when if part))
        intent = escape(info.intent) if info.intent else "<i>No intent written yet.</i>"
        items = "".join(f"<li>{escape(goal.summary)}</li>" for goal in goals[:4])
        outcome_html = (
            f'<p style="margin-bottom:0"><b>Outcomes</b></p><ul style="margin-top:2px">{items}</ul>'
            if goals
            else ""
        )
        self.body.setText(f"<p><b>Intent</b><br>{intent}</p>{outcome_html}")
        self.counts.setText(counts_line(summary.counts))
        self.open_button.setText(f"Open at {summary.stage.label} →")
        self.open_button.setAccessibleName(f"Open {info.title} at the {summary.stage.label} stage")
        self.show()

    def _open(self) -> None:
        if self.summary is not None:
            self.open_requested.emit(self.summary.id, self.summary.stage.value)
