"""The workshop's own settings on the Intent page: title, day, site, facilitator,
anonymous notes, and the intent itself.

A field is saved when the facilitator leaves it (Tab, Enter, a click elsewhere,
closing the window), as one undoable edit; a refused value shows one sentence and
the field goes back to what is stored.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.services import workshops
from kaizen_studio.services.workshops import WorkshopInfo
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.undo import perform_update
from kaizen_studio.ui.widgets.optional_date import OptionalDateEdit
from kaizen_studio.ui.widgets.undo_keys import pass_undo_to_window

INTENT_MAX = 4000
LABELS = {
    "title": "Rename workshop",
    "held_on": "Change workshop date",
    "site": "Change site",
    "facilitator": "Change facilitator",
    "anonymous_notes": "Change anonymous notes",
    "intent": "Edit intent",
}


class IntentEdit(QPlainTextEdit):
    """The intent text: Tab moves on, Ctrl+Return saves, leaving the field saves."""

    def __init__(self, on_leave: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_leave = on_leave
        self.setTabChangesFocus(True)
        self.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self._on_leave()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._on_leave()
                return True
        return super().eventFilter(watched, event)


class WorkshopForm(QObject):
    """Two blocks the page lays out: `details` (the form) and `intent_box` (the intent)."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.info: WorkshopInfo | None = None
        self.details = QWidget(parent)
        self.details.setObjectName("workshopDetails")
        self.intent_box = QWidget(parent)
        self.intent_box.setObjectName("intentBox")
        self.title = self._line("title", "workshopTitleField", "Workshop title")
        self.site = self._line("site", "siteField", "Site")
        self.site.setPlaceholderText("Where it is held, e.g. Depot 4, Leeds")
        self.facilitator = self._line("facilitator", "facilitatorField", "Facilitator")
        self.facilitator.setPlaceholderText("Who runs it")
        self.held_on = OptionalDateEdit(self.details, "Not set")
        self.held_on.setObjectName("heldOnField")
        self.held_on.setAccessibleName("Day the workshop is held")
        self.held_on.editingFinished.connect(self._save_held_on)
        # A day picked in the calendar is saved at once (the popup's click sets it first).
        self.held_on.calendarWidget().clicked.connect(
            lambda _day: QTimer.singleShot(0, self._save_held_on)
        )
        self.anonymous = QCheckBox(
            "&Anonymous notes: keep no name with what people say", self.details
        )
        self.anonymous.setObjectName("anonymousNotesField")
        self.anonymous.setAccessibleName("Anonymous notes")
        self.anonymous.setToolTip(
            "New notes carry no author. Authors already recorded are kept but not shown."
        )
        self.anonymous.clicked.connect(lambda on: self._save("anonymous_notes", on))
        self.intent = IntentEdit(self._save_intent, self.intent_box)
        self.intent.setObjectName("intentField")
        self.intent.setAccessibleName("Intent")
        self.intent.setPlaceholderText(
            "The end state, in a sentence or two: what is different for customers and staff "
            "when this works? (Ctrl+Return saves)"
        )
        self.intent.setMinimumHeight(96)
        self.intent.setMaximumHeight(150)  # a sentence or two; longer text scrolls
        self._layout_details()
        self._layout_intent()
        pass_undo_to_window(self.title, self.site, self.facilitator, self.intent)

    def _line(self, key: str, name: str, accessible: str) -> QLineEdit:
        field = QLineEdit(self.details)
        field.setObjectName(name)
        field.setAccessibleName(accessible)
        field.setMaxLength(200)
        field.editingFinished.connect(lambda: self._save(key, field.text()))
        return field

    def _layout_details(self) -> None:
        heading = QLabel("Workshop", self.details)
        heading.setProperty("role", "sectionTitle")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(8)
        for text, field in (
            ("&Title", self.title),
            ("&Held on", self.held_on),
            ("S&ite", self.site),
            ("&Facilitator", self.facilitator),
        ):
            label = QLabel(text, self.details)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.anonymous)
        layout = QVBoxLayout(self.details)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addStretch()

    def _layout_intent(self) -> None:
        heading = QLabel("Intent", self.intent_box)
        heading.setProperty("role", "sectionTitle")
        prompt = QLabel(
            "Start from the result, not the content: the end state this workshop works "
            "toward, in a sentence or two.",
            self.intent_box,
        )
        prompt.setProperty("role", "hint")
        prompt.setWordWrap(True)
        prompt.setBuddy(self.intent)
        layout = QVBoxLayout(self.intent_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(prompt)
        layout.addWidget(self.intent, 1)

    # -- showing and saving -----------------------------------------------------

    def load(self, workshop_id: int) -> None:
        self.info = workshops.get_workshop(self.context.library, workshop_id)
        info = self.info
        for field, value in (
            (self.title, info.title),
            (self.site, info.site),
            (self.facilitator, info.facilitator),
        ):
            if field.text() != value:
                field.setText(value)
        if self.held_on.value() != info.held_on:
            self.held_on.set_value(info.held_on)
        self.anonymous.setChecked(info.anonymous_notes)
        if self.intent.toPlainText() != info.intent:
            self.intent.setPlainText(info.intent)

    def _save_held_on(self) -> None:
        self._save("held_on", self.held_on.value())

    def _save_intent(self) -> None:
        self._save("intent", self.intent.toPlainText())

    def _save(self, key: str, value: Any) -> None:
        if self.info is None:
            return
        current = getattr(self.info, key)
        if value == current or (isinstance(value, str) and value.strip() == current):
            return
        workshop_id = self.info.id
        perform_update(
            self.context,
            LABELS[key],
            workshops.update_workshop,
            workshop_id,
            {key: value},
            {"workshops"},
        )
        # Show what is stored: the cleaned value, or the old one if the edit was refused.
        if self.info is not None and self.info.id == workshop_id:
            self.load(workshop_id)
