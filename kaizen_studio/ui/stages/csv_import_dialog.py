"""Import notes from CSV: see which column is which, which rows are bad, then add the good ones.

The dialog only shows what services.csv_interchange found; the import itself
is one undo step (see `import_notes_undoable`).
"""

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.services.csv_interchange import (
    FIELD_LABELS,
    FIELDS,
    CsvTable,
    ImportResult,
    ParsedNotes,
    import_notes,
    parse_notes,
)
from kaizen_studio.services.removal import put_back, remove
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.undo import perform

NOT_IN_FILE = "(not in the file)"


class CsvImportDialog(QDialog):
    """Shows the file's columns mapped to note fields and the rows that will be skipped."""

    def __init__(self, table: CsvTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.setObjectName("csvImportDialog")
        self.setWindowTitle(f"Import notes from {table.name}")
        self.setMinimumWidth(560)
        self.combos: dict[str, QComboBox] = {}
        self.parsed: ParsedNotes | None = None
        found = f"{table.encoding}, {'tab' if table.delimiter == chr(9) else repr(table.delimiter)}"
        intro = QLabel(f"{len(table.rows)} rows ({found}). Choose which column holds what:", self)
        intro.setWordWrap(True)
        form = QFormLayout()
        guessed = parse_notes(table).columns if table.has_header else {"text": 0}
        for field in FIELDS:
            combo = QComboBox(self)
            combo.setObjectName(f"column_{field}")
            combo.setAccessibleName(f"Column for {FIELD_LABELS[field]}")
            combo.addItem(NOT_IN_FILE, None)
            for index, header in enumerate(table.headers):
                combo.addItem(header or f"Column {index + 1}", index)
            combo.setCurrentIndex(combo.findData(guessed.get(field)) if field in guessed else 0)
            combo.currentIndexChanged.connect(self._check)
            self.combos[field] = combo
            form.addRow(FIELD_LABELS[field] + ":", combo)
        self.summary = QLabel(self)
        self.summary.setObjectName("csvSummary")
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setObjectName("csvProblems")
        self.problems.setAccessibleName("Rows that will be skipped")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self._check()

    def columns(self) -> dict[str, int]:
        chosen: dict[str, Any] = {f: c.currentData() for f, c in self.combos.items()}
        return {field: index for field, index in chosen.items() if index is not None}

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.problems.clear()
        columns = self.columns()
        if "text" not in columns:
            self.parsed = None
            self.summary.setText("Choose the column that holds the note text.")
            ok.setEnabled(False)
            return
        self.parsed = parse_notes(self.table, columns)
        good, bad = len(self.parsed.rows), len(self.parsed.problems)
        text = f"{good} note{'s' if good != 1 else ''} will be added."
        if bad:
            text += f" {bad} row{'s' if bad != 1 else ''} will be skipped:"
        self.summary.setText(text)
        self.problems.addItems([str(problem) for problem in self.parsed.problems])
        self.problems.setVisible(bool(bad))
        ok.setText(f"Import {good} note{'s' if good != 1 else ''}")
        ok.setEnabled(good > 0)


def import_notes_undoable(
    context: AppContext, workshop_id: int, parsed: ParsedNotes, source: Path
) -> ImportResult | None:
    """Add the good rows as one undo step: undo removes the notes and the new participants."""
    state: dict[str, Any] = {}

    def apply() -> None:
        if "notes" in state:  # redo: the same rows, with the same ids
            put_back(context.library, state["people"])
            put_back(context.library, state["notes"])
            return
        state["result"] = import_notes(context.library, workshop_id, parsed, clock=context.clock)

    def revert() -> None:
        result: ImportResult = state["result"]
        state["notes"] = remove(context.library, "note", list(result.note_ids))
        state["people"] = remove(context.library, "participant", list(result.participant_ids))

    text = f"Import notes from {source.name}"
    if not perform(context, text, apply, revert, ("notes", "participants")):
        return None
    result: ImportResult = state["result"]
    return result
