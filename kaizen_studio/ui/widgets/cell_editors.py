"""Editors for the cells of a RecordTableModel: text, numbers, choices, dates, minutes."""

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kaizen_studio.ui.widgets.optional_date import OptionalDateEdit
from kaizen_studio.ui.widgets.record_table import Column

Index = QModelIndex | QPersistentModelIndex


def parse_number(text: str) -> float | str | None:
    """What a number cell holds: None when empty, a float when it reads as one ("1,5"
    included), else the text itself, which the service refuses with a clear sentence."""
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return text.strip()


class CellEditors(QStyledItemDelegate):
    """Chooses the editor from the column's kind; the model turns the value into an edit."""

    def __init__(self, columns: list[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = self.columns[index.column()]
        editor: QWidget
        if column.editor in ("choice", "rating"):
            combo = QComboBox(parent)
            for label, value in column.choices() if column.choices else ():
                combo.addItem(label, value)
            editor = combo
        elif column.editor == "date":
            editor = OptionalDateEdit(parent)
        elif column.editor == "minutes":
            spin = QSpinBox(parent)
            spin.setRange(1, 480)
            spin.setSuffix(" min")
            editor = spin
        else:
            line = QLineEdit(parent)
            if column.editor == "number":
                line.setPlaceholderText("empty for none")
            editor = line
        editor.setAccessibleName(column.title)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)  # the value itself, not its text
        if isinstance(editor, QComboBox):
            position = editor.findData(value)
            editor.setCurrentIndex(max(position, 0))
        elif isinstance(editor, OptionalDateEdit):
            editor.set_value(value)
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 1))
        elif isinstance(editor, QLineEdit):
            editor.setText(_as_text(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, OptionalDateEdit | QSpinBox):
            value = editor.value()
        elif isinstance(editor, QLineEdit):
            kind = self.columns[index.column()].editor
            value = parse_number(editor.text()) if kind == "number" else editor.text()
        else:
            return
        model.setData(index, value)


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
