"""Map, second tab: the behaviours that must change, each an observable statement tied to
an outcome KPI and to the themes it answers.

Type a statement and press Enter to add it (linked to the theme the Causes tab
sent, if any); the form on the right edits the current one. Every change is one
undoable edit.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.triage import Subject
from kaizen_studio.services import behaviours
from kaizen_studio.services.action_map import ActionMap
from kaizen_studio.services.behaviours import BehaviourInfo
from kaizen_studio.services.interventions import InterventionInfo
from kaizen_studio.services.mapping import ThemeTriage
from kaizen_studio.services.outcomes import OutcomeInfo
from kaizen_studio.services.ranking import RankedTheme
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.pdca_fields import CommitTextEdit
from kaizen_studio.ui.stages.map_undo import perform_choice
from kaizen_studio.ui.stages.map_widgets import (
    Checklist,
    EmptyNotice,
    KeyedList,
    label,
    named,
)
from kaizen_studio.ui.undo import perform_create, perform_remove, perform_update

MAP_TOPICS = frozenset({"map"})


class BehaviourPanel(QWidget):
    """`intervention_wanted(behaviour_id)` asks the page for an intervention serving it."""

    intervention_wanted = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.workshop_id: int | None = None
        self.items: list[BehaviourInfo] = []
        self.current: BehaviourInfo | None = None
        self.outcomes: list[OutcomeInfo] = []
        self.interventions: list[InterventionInfo] = []
        # The theme the Causes tab asked a behaviour for: the next one added answers it.
        self.pending_theme: ThemeTriage | None = None
        self._theme_choices: list[tuple[int, str]] = []
        self._theme_colors: dict[int, str] = {}
        self.new_statement = QLineEdit(self)
        named(self.new_statement, "newBehaviour", "New behaviour")
        self.new_statement.setMaxLength(behaviours.STATEMENT_MAX)
        self.new_statement.returnPressed.connect(self.add)
        self.add_button = QPushButton("Add", self)
        named(self.add_button, "addBehaviour", "Add behaviour")
        self.add_button.setToolTip("Add the behaviour typed on the left (Enter in the field)")
        self.add_button.clicked.connect(self.add)
        self.list = KeyedList(self)
        named(self.list, "behaviourList", "Behaviours")
        self.list.current_changed.connect(lambda _key: self._show_current())
        self.list.delete_pressed.connect(self.remove_current)
        self.remove_button = QPushButton("Remove", self)
        named(self.remove_button, "removeBehaviour", "Remove the selected behaviour")
        self.remove_button.setToolTip("Remove the selected behaviour (Delete in the list)")
        self.remove_button.clicked.connect(self.remove_current)
        self.form = QWidget(self)
        self.statement = CommitTextEdit(self.form)
        named(self.statement, "behaviourStatement", "Behaviour statement")
        self.statement.setMaximumHeight(84)
        self.statement.committed.connect(lambda text: self._save({"statement": text}))
        self.observable = label("", self.form, "warning")
        self.observable.setObjectName("behaviourObservableHint")
        self.outcome = QComboBox(self.form)
        named(self.outcome, "behaviourOutcome", "Outcome KPI of the behaviour")
        self.outcome.activated.connect(lambda _index: self._save(
            {"outcome_id": self.outcome.currentData()}))  # fmt: skip
        self.themes = Checklist(self.form)
        named(self.themes, "behaviourThemes", "Themes the behaviour answers")
        self.themes.edited.connect(lambda ids: self._save({"theme_ids": tuple(ids)}))
        self.served = label("", self.form)
        self.served.setObjectName("behaviourServedBy")
        self.add_intervention = QPushButton("&Add an intervention for it →", self.form)
        named(self.add_intervention, "addInterventionFor", "Add an intervention for it")
        self.add_intervention.clicked.connect(self._want_intervention)
        self._build()
        self._prompt()

    def _build(self) -> None:
        adder = QHBoxLayout()
        adder.addWidget(self.new_statement, 1)
        adder.addWidget(self.add_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(adder)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields.addRow(label("&Statement", self.form, buddy=self.statement), self.statement)
        fields.addRow("", self.observable)
        fields.addRow(label("&KPI", self.form, buddy=self.outcome), self.outcome)
        fields.addRow(label("&Themes", self.form, buddy=self.themes), self.themes)
        served_row = QHBoxLayout()
        served_row.addWidget(self.served, 1)
        served_row.addWidget(self.add_intervention, 0, Qt.AlignmentFlag.AlignTop)
        form = QVBoxLayout(self.form)
        form.setContentsMargins(14, 0, 8, 8)
        form.addWidget(label("The behaviour", self.form, "sectionTitle"))
        form.addWidget(
            label(
                "What people will do differently, so that someone could watch it happen: "
                "“agents confirm the fix with the customer before closing the ticket”.",
                self.form,
                "hint",
            )
        )
        form.addLayout(fields)
        form.addLayout(served_row)
        form.addStretch()
        splitter = QSplitter(self)
        splitter.addWidget(left)
        self.holder = EmptyNotice(
            self.form,
            "No behaviour yet. Type above what people will do differently, so that someone "
            "could watch it happen, and press Enter.",
            self,
        )
        splitter.addWidget(self.holder)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)

    # -- showing ------------------------------------------------------------------

    def show_behaviours(
        self,
        workshop_id: int,
        items: list[BehaviourInfo],
        outcomes: list[OutcomeInfo],
        themes: list[RankedTheme],
        interventions: list[InterventionInfo],
        action_map: ActionMap,
    ) -> None:
        self.workshop_id = workshop_id
        self.items, self.outcomes, self.interventions = items, outcomes, interventions
        kpis = {o.id: o.kpi for o in outcomes}
        rows = []
        for item in items:
            kpi = kpis.get(item.outcome_id or 0, "no KPI")
            count = len(item.intervention_ids)
            served = f"{count} intervention{'s' if count != 1 else ''}" if count else "⚠ none yet"
            gaps = [gap.message for gap in action_map.gaps_of(Subject.BEHAVIOUR, item.id)]
            rows.append((item.id, f"{item.statement}\n{kpi} · {served}", " ".join(gaps)))
        self.list.fill(rows)
        self.outcome.clear()
        self.outcome.addItem("No KPI yet", None)
        for outcome in outcomes:
            self.outcome.addItem(outcome.kpi, outcome.id)
        self._theme_choices = [(t.id, t.name) for t in themes]
        self._theme_colors = {t.id: t.color for t in themes}
        self.remove_button.setEnabled(bool(items))
        self._show_current()

    def select_behaviour(self, behaviour_id: int) -> bool:
        return self.list.select(behaviour_id)

    def _show_current(self) -> None:
        key = self.list.current_id()
        self.current = next((b for b in self.items if b.id == key), None)
        self.holder.show_form(self.current is not None)
        self.remove_button.setEnabled(self.current is not None)
        item = self.current
        if item is None:
            self.statement.show_text("")
            self.observable.hide()
            self.served.setText("")
            return
        self.statement.show_text(item.statement)
        self.observable.setText(item.hint)
        self.observable.setVisible(bool(item.hint))
        self.outcome.setCurrentIndex(max(self.outcome.findData(item.outcome_id), 0))
        self.themes.set_items(self._theme_choices, item.theme_ids, self._theme_colors)
        titles = [i.title for i in self.interventions if i.id in item.intervention_ids]
        self.served.setText(
            "Served by: " + "; ".join(titles) + "."
            if titles
            else "No intervention will change this behaviour yet."
        )
        self.served.setProperty("role", "" if titles else "warning")
        self.served.style().unpolish(self.served)
        self.served.style().polish(self.served)

    def ask_for_theme(self, theme: ThemeTriage | None) -> None:
        """Link the next behaviour added to `theme`, and say so in the input."""
        self.pending_theme = theme
        self._prompt()
        self.new_statement.setFocus()

    def _prompt(self) -> None:
        theme = self.pending_theme
        self.new_statement.setPlaceholderText(
            f"New behaviour answering “{theme.name}”: what will people do? (Enter adds)"
            if theme
            else "New behaviour: what will people do differently? (Enter adds)"
        )

    def focus_main_input(self) -> None:
        self.new_statement.setFocus()

    # -- edits --------------------------------------------------------------------

    def add(self) -> int | None:
        text = self.new_statement.text()
        if self.workshop_id is None or not text.strip():
            return None
        library, workshop_id = self.context.library, self.workshop_id
        theme_ids = (self.pending_theme.theme_id,) if self.pending_theme else ()
        outcome_id = self.outcomes[0].id if len(self.outcomes) == 1 else None
        new_id = perform_create(
            self.context,
            "Add behaviour",
            "behaviour",
            lambda: (
                behaviours.add_behaviour(
                    library, workshop_id, text, outcome_id=outcome_id, theme_ids=theme_ids
                ).id
            ),
            MAP_TOPICS,
        )
        if new_id is not None:
            self.new_statement.clear()
            self.pending_theme = None
            self._prompt()
            self.list.select(new_id)
        return new_id

    def _save(self, changes: dict[str, object]) -> bool:
        if self.current is None:
            return False
        key = next(iter(changes))
        words = {"statement": "Edit behaviour", "outcome_id": "Change behaviour's KPI",
                 "theme_ids": "Change themes the behaviour answers"}  # fmt: skip
        before, after = getattr(self.current, key), changes[key]
        if key == "theme_ids":
            before, after = sorted(before), sorted(after)  # type: ignore[call-overload]
        if before == after:
            return False
        edit = perform_choice if key == "outcome_id" else perform_update
        return edit(
            self.context,
            words[key],
            behaviours.update_behaviour,
            self.current.id,
            changes,
            MAP_TOPICS,
        )

    def remove_current(self) -> None:
        if self.current is None:
            return
        perform_remove(self.context, "Remove behaviour", "behaviour", [self.current.id], MAP_TOPICS)
        self.list.setFocus()

    def _want_intervention(self) -> None:
        if self.current is not None:
            self.intervention_wanted.emit(self.current.id)
