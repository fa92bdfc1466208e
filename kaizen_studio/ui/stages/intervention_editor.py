"""Map, third tab: interventions from the catalogue of formats, learning or not, with an
owner, effort, cost, dates, the behaviours each one serves, and its PDCA cycle.

Type a title, pick a format and press Enter to add one; the form on the right
edits the current one, a field at a time, each change one undoable edit.
"""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.domain.rules import RATING_WORDS
from kaizen_studio.domain.triage import Subject
from kaizen_studio.services import interventions
from kaizen_studio.services.action_map import ActionMap
from kaizen_studio.services.behaviours import BehaviourInfo
from kaizen_studio.services.catalogue import Format, find_format
from kaizen_studio.services.interventions import InterventionInfo
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.pdca_fields import CommitTextEdit, NumberEdit
from kaizen_studio.ui.stages.format_dialog import fill_formats, format_words
from kaizen_studio.ui.stages.map_undo import perform_choice
from kaizen_studio.ui.stages.map_widgets import (
    Checklist,
    EmptyNotice,
    KeyedList,
    label,
    named,
)
from kaizen_studio.ui.undo import perform_create, perform_remove, perform_update
from kaizen_studio.ui.widgets.optional_date import OptionalDateEdit

MAP_TOPICS = frozenset({"map"})
WORDS = {
    "title": "Rename intervention",
    "format_key": "Change intervention format",
    "owner": "Change intervention owner",
    "effort": "Change intervention effort",
    "cost": "Change intervention cost",
    "starts_on": "Change intervention start",
    "ends_on": "Change intervention end",
    "description": "Edit intervention description",
    "behaviour_ids": "Change behaviours the intervention serves",
}


# Fields picked from a drop-down: a run of choices is one undo step.
CHOICES = {"format_key", "effort"}


def summary_line(item: InterventionInfo) -> str:
    """ "Coaching · Learning · Dana · 2 behaviours"."""
    count = len(item.behaviour_ids)
    served = f"{count} behaviour{'s' if count != 1 else ''}" if count else "⚠ no behaviour"
    parts = [item.format_name, item.kind.label, item.owner or "no owner", served]
    return " · ".join(parts)


class InterventionPanel(QWidget):
    """`format_requested(existing)` asks the page to add (None) or edit a format;
    `cycle_requested(intervention_id)` asks it to open or show the PDCA cycle."""

    format_requested = Signal(object)
    cycle_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workshop_id: int | None = None
        self.items: list[InterventionInfo] = []
        self.formats: list[Format] = []
        self.current: InterventionInfo | None = None
        # The behaviour the Behaviours tab asked an intervention for.
        self.pending_behaviour: BehaviourInfo | None = None
        self._behaviour_choices: list[tuple[int, str]] = []
        self._build_adder()
        self.list = KeyedList(self)
        named(self.list, "interventionList", "Interventions")
        self.list.current_changed.connect(lambda _key: self._show_current())
        self.list.delete_pressed.connect(self.remove_current)
        self.remove_button = QPushButton("Remove", self)
        named(self.remove_button, "removeIntervention", "Remove the selected intervention")
        self.remove_button.setToolTip("Remove the selected intervention (Delete in the list)")
        self.remove_button.clicked.connect(self.remove_current)
        self.form = QWidget(self)
        self._build_fields()
        self._build()
        self._prompt()

    def _build_adder(self) -> None:
        self.new_title = QLineEdit(self)
        named(self.new_title, "newIntervention", "New intervention")
        self.new_title.setMaxLength(300)
        self.new_title.returnPressed.connect(self.add)
        self.new_format = QComboBox(self)
        named(self.new_format, "newInterventionFormat", "Format of the new intervention")
        self.add_button = QPushButton("Add", self)
        named(self.add_button, "addIntervention", "Add intervention")
        self.add_button.setToolTip("Add the intervention typed on the left (Enter in the field)")
        self.add_button.clicked.connect(self.add)

    def _build_fields(self) -> None:
        form = self.form
        self.title = QLineEdit(form)
        named(self.title, "interventionTitle", "Intervention title")
        self.title.setMaxLength(300)
        self.title.editingFinished.connect(lambda: self._save("title", self.title.text()))
        self.format = QComboBox(form)
        named(self.format, "interventionFormat", "Intervention format")
        self.format.activated.connect(
            lambda _i: self._save("format_key", self.format.currentData())
        )
        self.new_format_button = QPushButton("Ne&w format…", form)
        named(self.new_format_button, "newFormatButton", "New format")
        self.new_format_button.clicked.connect(lambda: self.format_requested.emit(None))
        self.edit_format_button = QPushButton("Edit format…", form)
        named(self.edit_format_button, "editFormatButton", "Edit format")
        self.edit_format_button.clicked.connect(self._edit_format)
        self.format_info = label("", form, "hint")
        self.format_info.setObjectName("formatInfo")
        self.owner = QLineEdit(form)
        named(self.owner, "interventionOwner", "Owner")
        self.owner.setMaxLength(200)
        self.owner.setPlaceholderText("Who makes it happen")
        self.owner.editingFinished.connect(lambda: self._save("owner", self.owner.text()))
        self.effort = QComboBox(form)
        named(self.effort, "interventionEffort", "Effort")
        self.effort.addItem("Not rated", None)
        for value, word in RATING_WORDS.items():
            self.effort.addItem(f"{value}  {word}", value)
        self.effort.activated.connect(lambda _i: self._save("effort", self.effort.currentData()))
        self.cost = NumberEdit("The cost", form)
        named(self.cost, "interventionCost", "Cost estimate")
        self.cost.editingFinished.connect(self._save_cost)
        self.starts = OptionalDateEdit(form)
        named(self.starts, "interventionStarts", "Delivery starts")
        self.starts.editingFinished.connect(lambda: self._save("starts_on", self.starts.value()))
        self.ends = OptionalDateEdit(form)
        named(self.ends, "interventionEnds", "Delivery ends")
        self.ends.editingFinished.connect(lambda: self._save("ends_on", self.ends.value()))
        self.description = CommitTextEdit(form)
        named(self.description, "interventionDescription", "Description")
        self.description.setMaximumHeight(90)
        self.description.committed.connect(lambda text: self._save("description", text))
        self.behaviours = Checklist(form)
        named(self.behaviours, "interventionBehaviours", "Behaviours it serves")
        self.behaviours.edited.connect(lambda ids: self._save("behaviour_ids", tuple(ids)))
        self.cycle_state = label("", form, "hint")
        self.cycle_state.setObjectName("interventionCycleState")
        self.cycle_button = QPushButton("Start a &PDCA cycle →", form)
        named(self.cycle_button, "startCycle", "Start a PDCA cycle")
        self.cycle_button.setProperty("primary", True)
        self.cycle_button.clicked.connect(self._want_cycle)

    def _build(self) -> None:
        adder = QHBoxLayout()
        adder.addWidget(self.new_title, 3)
        adder.addWidget(self.new_format, 2)
        adder.addWidget(self.add_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(self._layout_form())
        splitter = QSplitter(self)
        splitter.addWidget(left)
        self.holder = EmptyNotice(
            scroll,
            "No intervention yet. Type above what will change a behaviour, pick its format "
            "from the catalogue, and press Enter.",
            self,
        )
        splitter.addWidget(self.holder)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 820])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(adder)
        layout.addWidget(splitter, 1)

    def _layout_form(self) -> QWidget:
        format_row = QHBoxLayout()
        format_row.addWidget(self.format, 1)
        format_row.addWidget(self.new_format_button)
        format_row.addWidget(self.edit_format_button)
        top = QFormLayout()
        top.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        top.addRow(label("Tit&le", self.form, buddy=self.title), self.title)
        top.addRow(label("Forma&t", self.form, buddy=self.format), format_row)
        top.addRow(self.format_info)
        middle = QGridLayout()
        middle.setHorizontalSpacing(18)
        middle.setVerticalSpacing(6)
        fields = (("&Owner", self.owner), ("Effo&rt", self.effort), ("Co&st", self.cost),
                  ("St&arts", self.starts), ("E&nds", self.ends))  # fmt: skip
        for index, (text, field) in enumerate(fields):
            row, column = index % 3, (index // 3) * 2
            middle.addWidget(label(text, self.form, buddy=field), row, column)
            middle.addWidget(field, row, column + 1)
        middle.setColumnStretch(1, 1)
        middle.setColumnStretch(3, 1)
        middle.addWidget(
            label("Serves the behavio&urs", self.form, buddy=self.behaviours), 3, 0, 1, 4
        )
        middle.addWidget(self.behaviours, 4, 0, 1, 4)
        cycle_row = QHBoxLayout()
        cycle_row.addWidget(self.cycle_state, 1)
        cycle_row.addWidget(self.cycle_button)
        form = QVBoxLayout(self.form)
        form.setContentsMargins(14, 0, 8, 8)
        form.addLayout(top)
        form.addLayout(middle)
        form.addWidget(label("&Description", self.form, buddy=self.description))
        form.addWidget(self.description)
        form.addLayout(cycle_row)
        form.addStretch()
        return self.form

    # -- showing ------------------------------------------------------------------

    def show_interventions(
        self,
        workshop_id: int,
        items: list[InterventionInfo],
        formats: list[Format],
        behaviours: list[BehaviourInfo],
        action_map: ActionMap,
    ) -> None:
        self.workshop_id, self.items, self.formats = workshop_id, items, formats
        rows = []
        for item in items:
            gaps = [g.message for g in action_map.gaps_of(Subject.INTERVENTION, item.id)]
            rows.append((item.id, f"{item.title}\n{summary_line(item)}", " ".join(gaps)))
        self.list.fill(rows)
        fill_formats(self.new_format, formats)
        self._behaviour_choices = [(b.id, b.statement) for b in behaviours]
        self._show_current()

    def select_intervention(self, intervention_id: int) -> bool:
        return self.list.select(intervention_id)

    def _show_current(self) -> None:
        key = self.list.current_id()
        self.current = next((i for i in self.items if i.id == key), None)
        self.holder.show_form(self.current is not None)
        self.remove_button.setEnabled(self.current is not None)
        item = self.current
        if item is None:
            return
        for field, value in ((self.title, item.title), (self.owner, item.owner)):
            if field.text() != value:
                field.setText(value)
        fill_formats(self.format, self.formats, item.format_key)
        chosen = find_format(self.formats, item.format_key)
        self.format_info.setText(format_words(chosen))
        self.edit_format_button.setEnabled(not chosen.built_in)
        self.effort.setCurrentIndex(max(self.effort.findData(item.effort), 0))
        self.cost.set_value(item.cost)
        self.starts.set_value(item.starts_on)
        self.ends.set_value(item.ends_on)
        self.description.show_text(item.description)
        self.behaviours.set_items(self._behaviour_choices, item.behaviour_ids)
        self._show_cycle(item)

    def _show_cycle(self, item: InterventionInfo) -> None:
        if item.last_cycle_id is None:
            state, action = "No PDCA cycle yet.", "Start a &PDCA cycle →"
        elif item.cycle_running:
            state = f"Cycle {item.last_cycle_number} is running."
            action = "Show its &PDCA cycle →"
        else:
            state = f"Cycle {item.last_cycle_number} is decided."
            action = f"Open &PDCA cycle {item.last_cycle_number + 1} →"
        self.cycle_state.setText(state)
        self.cycle_button.setText(action)
        self.cycle_button.setAccessibleName(action.replace("&", "").rstrip(" →"))

    def ask_for_behaviour(self, behaviour: BehaviourInfo | None) -> None:
        """Link the next intervention added to `behaviour`, and say so in the input."""
        self.pending_behaviour = behaviour
        self._prompt()
        self.new_title.setFocus()

    def _prompt(self) -> None:
        behaviour = self.pending_behaviour
        self.new_title.setPlaceholderText(
            f"New intervention for “{behaviour.statement}” (Enter adds)"
            if behaviour
            else "New intervention: what will change the behaviour? (Enter adds)"
        )

    def focus_main_input(self) -> None:
        self.new_title.setFocus()

    def chosen_format(self) -> Format | None:
        """The format of the current intervention, when it is one of the facilitator's own."""
        if self.current is None:
            return None
        found = find_format(self.formats, self.current.format_key)
        return None if found.built_in else found

    # -- edits --------------------------------------------------------------------

    def add(self) -> int | None:
        title, format_key = self.new_title.text(), self.new_format.currentData()
        if self.workshop_id is None or not title.strip() or format_key is None:
            return None
        library, workshop_id = self.context.library, self.workshop_id
        behaviour_ids = (self.pending_behaviour.id,) if self.pending_behaviour else ()
        new_id = perform_create(
            self.context,
            "Add intervention",
            "intervention",
            lambda: (
                interventions.add_intervention(
                    library, workshop_id, title, format_key, behaviour_ids=behaviour_ids
                ).id
            ),
            MAP_TOPICS,
        )
        if new_id is not None:
            self.new_title.clear()
            self.pending_behaviour = None
            self._prompt()
            self.list.select(new_id)
        return new_id

    def _save(self, key: str, value: Any) -> bool:
        item = self.current
        if item is None:
            return False
        before = getattr(item, key)
        if key == "behaviour_ids":
            before, value = tuple(sorted(before)), tuple(sorted(value))
        if value == before or (isinstance(value, str) and value.strip() == before):
            return False
        edit = perform_choice if key in CHOICES else perform_update
        done = edit(
            self.context, WORDS[key], interventions.update_intervention, item.id,
            {key: value}, MAP_TOPICS,
        )  # fmt: skip
        if not done and self.current is not None:
            self._show_current()  # a refused value goes back to what is stored
        return done

    def _save_cost(self) -> None:
        try:
            value = self.cost.value()
        except KaizenError as error:
            self.context.report_error(str(error))
            if self.current is not None:
                self.cost.set_value(self.current.cost)
            return
        self._save("cost", value)

    def _edit_format(self) -> None:
        chosen = self.chosen_format()
        if chosen is not None:
            self.format_requested.emit(chosen)

    def _want_cycle(self) -> None:
        if self.current is not None:
            self.cycle_requested.emit(self.current.id)

    def remove_current(self) -> None:
        item = self.current
        if item is None:
            return
        if item.last_cycle_id is not None and not self._confirm_remove(item):
            return
        perform_remove(self.context, f"Remove “{item.title}”", "intervention", [item.id],
                       MAP_TOPICS | {"pdca"})  # fmt: skip
        self.list.setFocus()

    def _confirm_remove(self, item: InterventionInfo) -> bool:
        cycles = item.last_cycle_number
        answer = QMessageBox.question(
            self,
            "Remove intervention",
            f"“{item.title}” has {cycles} PDCA cycle{'s' if cycles != 1 else ''} with their "
            "checks and measurements. Remove it with them? (Undo puts everything back.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
