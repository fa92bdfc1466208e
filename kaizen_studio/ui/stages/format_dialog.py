"""Intervention formats in the GUI: the grouped drop-down of the catalogue, the words that
describe a format, and the dialog that adds or edits a format of the facilitator's own."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import InterventionKind
from kaizen_studio.services.catalogue import Format
from kaizen_studio.ui.stages.map_widgets import label, named


def fill_formats(combo: QComboBox, formats: list[Format], current: str | None = None) -> None:
    """The catalogue under two headings, Learning and Not learning; data is the key."""
    wanted = combo.currentData() if current is None else current
    combo.blockSignals(True)
    combo.clear()
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    for kind in InterventionKind:
        heading = QStandardItem(f"— {kind.label} —")
        heading.setEnabled(False)
        heading.setSelectable(False)
        model.appendRow(heading)
        for found in (f for f in formats if f.kind is kind):
            own = "" if found.built_in else "  (your own)"
            combo.addItem(f"{found.name}{own}", found.key)
            combo.setItemData(combo.count() - 1, found.description, Qt.ItemDataRole.ToolTipRole)
    index = combo.findData(wanted) if wanted is not None else -1
    combo.setCurrentIndex(index if index >= 0 else 1)  # 0 is the first heading
    combo.blockSignals(False)


def format_words(found: Format) -> str:
    """ "Learning, with practice. <description> When to use it: <when>"."""
    kind = found.kind.label
    if found.kind is InterventionKind.LEARNING:
        kind += ", with practice" if found.practice else ", information only"
    parts = [f"{kind}.", found.description]
    if found.when_to_use:
        parts.append(f"When to use it: {found.when_to_use}")
    return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class FormatAnswer:
    name: str
    kind: InterventionKind
    practice: bool
    description: str
    when_to_use: str

    def changes(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "practice": self.practice,
            "description": self.description,
            "when_to_use": self.when_to_use,
        }


class FormatDialog(QDialog):
    def __init__(self, parent: QWidget | None, existing: Format | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formatDialog")
        self.setWindowTitle("Edit format" if existing else "New intervention format")
        self.setMinimumWidth(520)
        self.name = QLineEdit(self)
        named(self.name, "formatName", "Format name")
        self.name.setMaxLength(120)
        self.name.setPlaceholderText("e.g. Buddy shift, Daily huddle, Visual board")
        self.learning = QRadioButton("&Learning: people learn or practise", self)
        named(self.learning, "formatLearning", "Learning")
        self.not_learning = QRadioButton("N&ot learning: the work itself changes", self)
        named(self.not_learning, "formatNotLearning", "Not learning")
        self.practice = QCheckBox("People &practise the behaviour, not only hear about it", self)
        named(self.practice, "formatPractice", "People practise the behaviour")
        self.description = QPlainTextEdit(self)
        named(self.description, "formatDescription", "Description")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(80)
        self.when_to_use = QPlainTextEdit(self)
        named(self.when_to_use, "formatWhenToUse", "When to use it")
        self.when_to_use.setTabChangesFocus(True)
        self.when_to_use.setMaximumHeight(80)
        self.learning.toggled.connect(self.practice.setEnabled)
        self._fill(existing)
        self._build()

    def _fill(self, existing: Format | None) -> None:
        if existing is None:
            self.learning.setChecked(True)
            return
        self.name.setText(existing.name)
        learning = existing.kind is InterventionKind.LEARNING
        self.learning.setChecked(learning)
        self.not_learning.setChecked(not learning)
        self.practice.setChecked(existing.practice)
        self.description.setPlainText(existing.description)
        self.when_to_use.setPlainText(existing.when_to_use)

    def _build(self) -> None:
        kinds = QHBoxLayout()
        kinds.addWidget(self.learning)
        kinds.addWidget(self.not_learning)
        form = QFormLayout()
        form.addRow(label("&Name", self, buddy=self.name), self.name)
        form.addRow("Kind", kinds)
        form.addRow("", self.practice)
        form.addRow(label("&Description", self, buddy=self.description), self.description)
        form.addRow(label("&When to use it", self, buddy=self.when_to_use), self.when_to_use)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                "Formats you add are kept in this library and offered for every workshop in it.",
                self,
                "hint",
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)

    def answer(self) -> FormatAnswer:
        learning = self.learning.isChecked()
        return FormatAnswer(
            name=self.name.text(),
            kind=InterventionKind.LEARNING if learning else InterventionKind.NON_LEARNING,
            practice=learning and self.practice.isChecked(),
            description=self.description.toPlainText(),
            when_to_use=self.when_to_use.toPlainText(),
        )


def ask_format(parent: QWidget | None, existing: Format | None = None) -> FormatAnswer | None:
    """Show the dialog; the answer, or None when cancelled. (Tests replace this.)"""
    dialog = FormatDialog(parent, existing)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    answer = dialog.answer() if accepted else None
    dialog.deleteLater()
    return answer
