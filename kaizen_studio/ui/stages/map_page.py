"""Map: backward design from the outcome. For each chosen theme, why it happens (Causes);
what people must do differently (Behaviours); what will change it, training only where
training is the answer (Interventions); and the whole action map for the room to read,
with its gaps (Action map).

The page loads everything once per refresh and hands it to the four tabs; the
tabs send the facilitator to one another (a theme's behaviour, a behaviour's
intervention, a gap's item) and, from an intervention, on to its PDCA cycle.
"""

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import InterventionKind, Stage
from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.domain.triage import Gap, Subject
from kaizen_studio.services import (
    action_map,
    behaviours,
    catalogue,
    cycles,
    interventions,
    mapping,
    outcomes,
    ranking,
)
from kaizen_studio.services.action_map import ActionMap
from kaizen_studio.services.catalogue import Format
from kaizen_studio.services.removal import put_back, remove
from kaizen_studio.storage.snapshot import Snapshot
from kaizen_studio.ui.action_map import KIND_COLOURS, ActionMapView
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.stages.base import StagePage
from kaizen_studio.ui.stages.behaviour_panel import BehaviourPanel
from kaizen_studio.ui.stages.format_dialog import ask_format
from kaizen_studio.ui.stages.intervention_editor import InterventionPanel
from kaizen_studio.ui.stages.map_widgets import ID_ROLE, label, named
from kaizen_studio.ui.stages.triage_panel import TriagePanel
from kaizen_studio.ui.undo import perform, perform_create, perform_update

CAUSES_TAB, BEHAVIOURS_TAB, INTERVENTIONS_TAB, MAP_TAB = range(4)
SUBJECT_ROLE = ID_ROLE + 1
TAB_OF = {
    Subject.THEME: CAUSES_TAB,
    Subject.BEHAVIOUR: BEHAVIOURS_TAB,
    Subject.INTERVENTION: INTERVENTIONS_TAB,
}


@dataclass
class NewFormat:
    """What adding a format did, so undo and redo can take it back and return it."""

    id: int = 0
    key: str = ""
    previous: dict[str, Any] = field(default_factory=dict)
    snapshot: Snapshot | None = None


class MapPage(StagePage):
    stage = Stage.MAP
    topics = frozenset({"map", "themes", "votes", "notes", "outcomes", "pdca", "workshops"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.map: ActionMap | None = None
        self.triage = TriagePanel(context, self)
        self.behaviours = BehaviourPanel(context, self)
        self.interventions = InterventionPanel(context, self)
        self.view = ActionMapView(self)
        self.gap_list = QListWidget(self)
        named(self.gap_list, "gapList", "Gaps in the map")
        self.gap_list.setWordWrap(True)
        self.gap_list.itemActivated.connect(self._gap_chosen)
        self.gap_title = label("", self, "sectionTitle")
        self.gap_title.setObjectName("gapTitle")
        self._build()
        self.triage.behaviour_wanted.connect(self._behaviour_for_theme)
        self.behaviours.intervention_wanted.connect(self._intervention_for_behaviour)
        self.interventions.format_requested.connect(self.edit_format)
        self.interventions.cycle_requested.connect(self.open_cycle)
        self.view.edit_requested.connect(self.go_to)

    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        named(self.tabs, "mapTabs", "Map")
        self.tabs.addTab(self.triage, "1  &Causes")
        self.tabs.addTab(self.behaviours, "2  &Behaviours")
        self.tabs.addTab(self.interventions, "3  &Interventions")
        self.tabs.addTab(self._build_map_tab(), "4  Action &map")
        self.tabs.currentChanged.connect(lambda _index: self.focus_main_input())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.tabs)

    def _build_map_tab(self) -> QWidget:
        tab = QWidget(self)
        learning = KIND_COLOURS[InterventionKind.LEARNING]
        not_learning = KIND_COLOURS[InterventionKind.NON_LEARNING]
        legend = QLabel(
            f"<span style='color:{learning}'>■</span> Learning &nbsp; "
            f"<span style='color:{not_learning}'>■</span> Not learning "
            "&nbsp; <span style='color:#e0a000'>⚠</span> a gap (hover for why) &nbsp;·&nbsp; "
            "arrows walk the map, Enter edits · Ctrl+plus / Ctrl+minus: larger, smaller",
            tab,
        )
        legend.setProperty("role", "hint")
        self.toggle_gaps = QPushButton("Hide &gaps", tab)
        named(self.toggle_gaps, "toggleGaps", "Show or hide the list of gaps")
        self.toggle_gaps.setCheckable(True)
        self.toggle_gaps.toggled.connect(self._toggle_gaps)
        top = QHBoxLayout()
        top.addWidget(legend, 1)
        top.addWidget(self.toggle_gaps)
        self.gap_panel = QWidget(tab)
        side = QVBoxLayout(self.gap_panel)
        side.setContentsMargins(8, 0, 0, 0)
        side.addWidget(self.gap_title)
        side.addWidget(label("Enter or double-click a gap to fix it.", self.gap_panel, "hint"))
        side.addWidget(self.gap_list, 1)
        splitter = QSplitter(tab)
        splitter.addWidget(self.view)
        splitter.addWidget(self.gap_panel)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([960, 300])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        return tab

    # -- showing ------------------------------------------------------------------

    def refresh(self) -> None:
        if self.workshop_id is None:
            return
        library, workshop_id = self.context.library, self.workshop_id
        try:
            themes = ranking.rank_themes(library, workshop_id)
            triage = mapping.list_triage(library, workshop_id, themes)
            behaviour_list = behaviours.list_behaviours(library, workshop_id)
            intervention_list = interventions.list_interventions(library, workshop_id)
            outcome_list = outcomes.list_outcomes(library, workshop_id)
            formats = catalogue.list_formats(library)
        except KaizenError:
            return  # the workshop went (an undo elsewhere): the view goes home
        self.map = action_map.assemble_action_map(
            outcome_list, triage, behaviour_list, intervention_list, themes
        )
        self.triage.show_triage(triage)
        self.behaviours.show_behaviours(
            workshop_id, behaviour_list, outcome_list, themes, intervention_list, self.map
        )
        self.interventions.show_interventions(
            workshop_id, intervention_list, formats, behaviour_list, self.map
        )
        self.view.show_map(self.map)
        self._show_gaps(self.map.gaps)

    def _show_gaps(self, gaps: tuple[Gap, ...]) -> None:
        self.gap_list.clear()
        for gap in gaps:
            item = QListWidgetItem(f"⚠ {gap.message}", self.gap_list)
            item.setData(ID_ROLE, gap.subject_id)
            item.setData(SUBJECT_ROLE, gap.subject.value)
        count = len(gaps)
        empty = self.map is None or not (self.map.behaviours or self.map.interventions)
        if count:
            title = f"{count} gap{'s' if count != 1 else ''} in the map"
        elif empty:
            title = "Nothing to check yet."
        else:
            title = "No gaps: every behaviour has an intervention, and every intervention a KPI."
        self.gap_title.setText(title)
        self.tabs.setTabText(MAP_TAB, "4  Action &map" + (f"  ({count} ⚠)" if count else ""))

    def _toggle_gaps(self, hidden: bool) -> None:
        self.gap_panel.setVisible(not hidden)
        self.toggle_gaps.setText("Show &gaps" if hidden else "Hide &gaps")

    def focus_main_input(self) -> None:
        index = self.tabs.currentIndex()
        if index == CAUSES_TAB:
            self.triage.focus_main_input()
        elif index == BEHAVIOURS_TAB:
            self.behaviours.focus_main_input()
        elif index == INTERVENTIONS_TAB:
            self.interventions.focus_main_input()
        else:
            self.view.setFocus()

    # -- going places -------------------------------------------------------------

    def go_to(self, subject: Subject, key: int) -> bool:
        """Open a theme, behaviour or intervention in its tab."""
        self.tabs.setCurrentIndex(TAB_OF[subject])
        if subject is Subject.THEME:
            found = self.triage.select_theme(key)
            self.triage.themes.setFocus()
        elif subject is Subject.BEHAVIOUR:
            found = self.behaviours.select_behaviour(key)
            self.behaviours.statement.setFocus()
        else:
            found = self.interventions.select_intervention(key)
            self.interventions.title.setFocus()
        return found

    def _gap_chosen(self, item: QListWidgetItem) -> None:
        self.go_to(Subject(item.data(SUBJECT_ROLE)), int(item.data(ID_ROLE)))

    def _behaviour_for_theme(self, theme_id: int) -> None:
        theme = next((t for t in self.triage.items if t.theme_id == theme_id), None)
        self.tabs.setCurrentIndex(BEHAVIOURS_TAB)
        self.behaviours.ask_for_theme(theme)

    def _intervention_for_behaviour(self, behaviour_id: int) -> None:
        behaviour = next((b for b in self.behaviours.items if b.id == behaviour_id), None)
        self.tabs.setCurrentIndex(INTERVENTIONS_TAB)
        self.interventions.ask_for_behaviour(behaviour)

    # -- formats and cycles -------------------------------------------------------

    def edit_format(self, existing: Format | None) -> None:
        """Add a format of the facilitator's own (used by the current intervention at
        once, in the same undo step), or edit one."""
        answer = ask_format(self, existing)
        if answer is None:
            return
        topics = {"map"}
        if existing is not None and existing.custom_id is not None:
            perform_update(self.context, f"Edit format “{existing.name}”",
                           catalogue.update_format, existing.custom_id, answer.changes(),
                           topics)  # fmt: skip
            return
        library = self.context.library
        current = self.interventions.current
        added = NewFormat()

        def apply() -> None:
            if added.snapshot is None:
                made = catalogue.add_format(library, **answer.changes())
                added.id, added.key = made.custom_id or 0, made.key
            else:
                put_back(library, added.snapshot)
            if current is not None:
                added.previous = interventions.update_intervention(
                    library, current.id, format_key=added.key
                )

        def revert() -> None:
            if current is not None:
                interventions.update_intervention(library, current.id, **added.previous)
            added.snapshot = remove(library, "custom_format", [added.id])

        perform(self.context, f"Add format “{answer.name.strip()}”", apply, revert, topics)

    def open_cycle(self, intervention_id: int) -> int | None:
        """Open the intervention's next PDCA cycle (or find the running one) and show it
        on the PDCA board."""
        item = next((i for i in self.interventions.items if i.id == intervention_id), None)
        if item is None:
            return None
        cycle_id = item.last_cycle_id if item.cycle_running else None
        if cycle_id is None:
            library, clock = self.context.library, self.context.clock
            cycle_id = perform_create(
                self.context,
                f"Start PDCA cycle for “{item.title}”",
                "cycle",
                lambda: cycles.open_cycle(library, intervention_id, clock=clock),
                {"pdca", "map"},
            )
        if cycle_id is not None:
            self._show_on_board(cycle_id)
        return cycle_id

    def _show_on_board(self, cycle_id: int) -> None:
        from kaizen_studio.ui.workshop_view import WorkshopView  # noqa: PLC0415

        view = self.parent()
        while view is not None and not isinstance(view, WorkshopView):
            view = view.parent()
        if view is None:
            return
        view.show_stage(Stage.PDCA)
        board = view.page(Stage.PDCA)
        focus_cycle = getattr(board, "focus_cycle", None)
        if callable(focus_cycle):
            focus_cycle(cycle_id)
