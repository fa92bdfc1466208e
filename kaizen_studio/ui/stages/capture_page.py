"""Capture: notes go in as fast as the room talks, one Enter each.

Every note is committed the moment Enter is pressed and appears at the top of
the list; edits in the list, deletes and merges are single undo steps. The
page's own edits update the list row by row; only edits it did not make (undo,
redo, other pages) reload it.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.services import agenda, notes, participants, workshops
from kaizen_studio.services.notes import NoteInfo
from kaizen_studio.services.participants import ParticipantInfo
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.stages.base import StagePage
from kaizen_studio.ui.stages.note_list import NoteList
from kaizen_studio.ui.stages.note_table import SPEAKER_COLUMN, NoteTableModel
from kaizen_studio.ui.stages.pasted_notes import add_notes_at_once, ask_split, note_lines
from kaizen_studio.ui.undo import perform, perform_create, perform_remove, perform_update
from kaizen_studio.ui.widgets.duplicate_bar import DuplicateBar
from kaizen_studio.ui.widgets.note_input import NoteInput
from kaizen_studio.ui.widgets.timebox_timer import TimeboxTimer
from kaizen_studio.ui.widgets.undo_keys import pass_undo_to_window

NOBODY = "No one in particular"


class CapturePage(StagePage):
    stage = Stage.CAPTURE
    topics = frozenset({"notes", "participants", "workshops", "agenda", "themes"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._quiet_depth = 0
        self._last_workshop: int | None = None
        self._people: dict[int, ParticipantInfo] = {}
        self.anonymous = False
        self.model = NoteTableModel(self._edit_note, self._speaker, self._speaker_choices)
        self.shown = QSortFilterProxyModel(self)
        self.shown.setSourceModel(self.model)
        self.shown.setFilterKeyColumn(-1)
        self.shown.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.note_input = NoteInput(self)
        self.note_input.submitted.connect(self.add_note)
        self.note_input.leave_down.connect(self._focus_list)
        self.who = QComboBox(self)
        self.who.setObjectName("speakerChoice")
        self.who.setAccessibleName("Who said it")
        self.who.setToolTip("Who called out the next notes (stays until you change it)")
        self.who.setMinimumContentsLength(16)
        self.who.activated.connect(lambda _index: self.focus_main_input())  # back to typing
        self.anonymous_switch = QCheckBox("&Anonymous", self)
        self.anonymous_switch.setObjectName("anonymousSwitch")
        self.anonymous_switch.setAccessibleName("Anonymous notes")
        self.anonymous_switch.setToolTip(
            "Notes carry no author. Authors already recorded are kept but not shown."
        )
        self.anonymous_switch.clicked.connect(self._set_anonymous)
        self.duplicate = DuplicateBar(self)
        self.duplicate.merge.connect(self.merge_notes)
        self.note_list = NoteList(self.shown, self.model, self)
        self.note_list.delete_requested.connect(self.delete_selected)
        self.note_list.unstack_requested.connect(self.unstack_selected)
        self.note_list.back_to_input.connect(self.focus_main_input)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("noteFilter")
        self.filter.setAccessibleName("Filter notes")
        self.filter.setPlaceholderText("Filter notes (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumWidth(260)
        self.filter.textChanged.connect(self._apply_filter)
        pass_undo_to_window(self.filter)
        self.count = QLabel(self)
        self.count.setObjectName("noteCount")
        self.count.setProperty("role", "count")
        self.timer = TimeboxTimer(self)
        self._build()

    def _build(self) -> None:
        who_label = QLabel("&Who:", self)
        who_label.setBuddy(self.who)
        entry = QHBoxLayout()
        entry.setSpacing(8)
        entry.addWidget(self.note_input, 1)
        entry.addWidget(who_label)
        entry.addWidget(self.who)
        entry.addWidget(self.anonymous_switch)
        tools = QHBoxLayout()
        tools.setSpacing(12)
        tools.addWidget(self.filter)
        tools.addWidget(self.count)
        tools.addStretch()
        tools.addWidget(self.timer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(entry)
        layout.addWidget(self.duplicate)
        layout.addLayout(tools)
        layout.addWidget(self.note_list, 1)
        self._who_label = who_label
        QShortcut(QKeySequence("Ctrl+T"), self, self.timer.toggle).setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        for first, second in (
            (self.note_input, self.who),
            (self.who, self.anonymous_switch),
            (self.anonymous_switch, self.duplicate.keep_button),
            (self.duplicate.keep_button, self.duplicate.merge_button),
            (self.duplicate.merge_button, self.filter),
            (self.filter, self.note_list),
            (self.note_list, self.timer.choice),
            (self.timer.choice, self.timer.start_button),
            (self.timer.start_button, self.timer.reset_button),
        ):
            QWidget.setTabOrder(first, second)

    # -- showing ----------------------------------------------------------------

    def show_workshop(self, workshop_id: int) -> None:
        if workshop_id != self._last_workshop:
            # Another workshop: its own clock, no old filter or repeat notice.
            self._last_workshop = workshop_id
            self.timer.reset()
            self.duplicate.dismiss()
            self.filter.clear()
        super().show_workshop(workshop_id)

    def refresh(self) -> None:
        if self.workshop_id is None:
            return
        try:
            info = workshops.get_workshop(self.context.library, self.workshop_id)
            people = participants.list_participants(self.context.library, self.workshop_id)
            found = notes.list_notes(self.context.library, self.workshop_id)
            boxes = agenda.timeboxes_for(self.context.library, self.workshop_id, Stage.CAPTURE)
        except KaizenError:
            return  # the workshop went (an undo); the workshop view goes home
        self._people = {person.id: person for person in people}
        self._show_people(people, info.anonymous_notes)
        current = self.note_list.current_note_id()
        self.model.set_records(found[::-1])
        self.note_list.select_note(current)
        self.timer.set_timeboxes([(box.title, box.minutes) for box in boxes])
        self._show_count()

    def _show_people(self, people: list[ParticipantInfo], anonymous: bool) -> None:
        self.anonymous = anonymous
        self.anonymous_switch.setChecked(anonymous)
        chosen = self.who.currentData()
        self.who.clear()
        self.who.addItem(NOBODY, None)
        for person in people:
            self.who.addItem(f"{person.label} ({person.group.label})", person.id)
        self.who.setCurrentIndex(max(self.who.findData(chosen), 0))
        self.who.setVisible(not anonymous and bool(people))
        self._who_label.setVisible(not anonymous and bool(people))
        self.note_list.setColumnHidden(SPEAKER_COLUMN, anonymous)

    def _speaker(self, participant_id: int | None) -> str:
        person = self._people.get(participant_id) if participant_id is not None else None
        return person.label if person else ""

    def _speaker_choices(self) -> list[tuple[str, Any]]:
        return [(NOBODY, None), *((p.label, p.id) for p in self._people.values())]

    def _show_count(self) -> None:
        total = self.model.rowCount()
        noun = "note" if total == 1 else "notes"
        shown = self.shown.rowCount()
        text = f"{total:,} {noun}" if shown == total else f"{shown:,} of {total:,} {noun}"
        self.count.setText(text)
        self.count.setAccessibleName(f"Notes: {text}")

    def _apply_filter(self, text: str) -> None:
        self.shown.setFilterFixedString(text.strip())
        self._show_count()

    def focus_main_input(self) -> None:
        self.note_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_find(self) -> bool:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()
        return True

    def _focus_list(self) -> None:
        self.note_list.focus_first()

    # -- edits ------------------------------------------------------------------

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """Our own edit: the list is updated row by row, not reloaded on the notice."""
        self._quiet_depth += 1
        try:
            yield
        finally:
            self._quiet_depth -= 1

    def _on_changed(self, topics: frozenset[str]) -> None:
        if not self._quiet_depth:
            super()._on_changed(topics)

    def add_note(self, text: str) -> None:
        if self.workshop_id is None or not text.strip():
            return
        library, workshop_id = self.context.library, self.workshop_id
        speaker = None if self.anonymous else self.who.currentData()
        lines = note_lines(text)
        if len(lines) > 1:
            split = ask_split(self, len(lines))
            if split is None:
                return
            if split:
                self._add_lines(lines, speaker)
                return
        created: list[NoteInfo] = []

        def create() -> int:
            note = notes.add_note(
                library, workshop_id, text, participant_id=speaker, clock=self.context.clock
            )
            created.append(note)
            return note.id

        with self._quiet():
            new_id = perform_create(self.context, "Add note", "note", create, {"notes"})
        if new_id is None:
            return  # refused with a message; the text stays in the field
        self.note_input.ready()
        if self.filter.text():
            self.filter.clear()
        earlier = self.model.notes()
        self.model.insert_record(0, created[0])
        self.note_list.show_top()
        self._show_count()
        self._offer_merge(created[0], earlier)

    def _add_lines(self, lines: list[str], speaker: int | None) -> None:
        assert self.workshop_id is not None
        with self._quiet():
            added = add_notes_at_once(self.context, self.workshop_id, lines, speaker)
        if added is None:
            return
        self.note_input.ready()
        self.filter.clear()
        for note in added:
            self.model.insert_record(0, note)
        self.note_list.show_top()
        self._show_count()
        self.duplicate.dismiss()

    def _offer_merge(self, new: NoteInfo, earlier: list[NoteInfo]) -> None:
        match = notes.near_duplicate(new.text, earlier)
        if match is None:
            self.duplicate.dismiss()
        else:
            self.duplicate.offer(new, match)

    def merge_notes(self, new_id: int, earlier_id: int) -> None:
        library = self.context.library
        previous: dict[str, Any] = {}

        def stack() -> None:
            previous.clear()
            previous.update(notes.stack_note(library, new_id, earlier_id))

        with self._quiet():
            done = perform(
                self.context,
                "Merge note",
                stack,
                lambda: notes.update_note(library, new_id, **previous),
                {"notes"},
            )
        if done:
            self._reload_note(new_id)

    def _edit_note(self, note: NoteInfo, key: str, value: Any) -> bool:
        with self._quiet():
            done = perform_update(
                self.context, "Edit note", notes.update_note, note.id, {key: value}, {"notes"}
            )
        if done:
            self._reload_note(note.id)
        return done

    def _reload_note(self, note_id: int) -> None:
        try:
            self.model.replace_record(notes.get_note(self.context.library, note_id))
        except KaizenError:
            self.refresh()

    def delete_selected(self) -> None:
        ids = self.note_list.selected_note_ids()
        if not ids:
            return
        followers = any(note.stacked_on_id in ids for note in self.model.notes())
        text = "Delete note" if len(ids) == 1 else f"Delete {len(ids)} notes"
        with self._quiet():
            done = perform_remove(self.context, text, "note", ids, {"notes", "votes"})
        if not done:
            return
        row = self.note_list.current_row()
        if followers:
            self.refresh()  # notes stacked on a deleted one are on their own again
        else:
            self.model.remove_keys(ids)
        self.note_list.select_row(row)
        self._show_count()
        if self.duplicate.new_id in ids or self.duplicate.earlier_id in ids:
            self.duplicate.dismiss()

    def unstack_selected(self) -> None:
        stacked = [n.id for n in self.note_list.selected_notes() if n.stacked_on_id is not None]
        if not stacked:
            return
        library = self.context.library
        previous: dict[int, dict[str, Any]] = {}

        def unstack() -> None:
            previous.clear()
            for note_id in stacked:
                previous[note_id] = notes.update_note(library, note_id, stacked_on_id=None)

        def restack() -> None:
            for note_id, values in previous.items():
                notes.update_note(library, note_id, **values)

        with self._quiet():
            done = perform(self.context, "Unstack note", unstack, restack, {"notes"})
        for note_id in stacked if done else ():
            self._reload_note(note_id)

    def _set_anonymous(self, on: bool) -> None:
        if self.workshop_id is None:
            return
        done = perform_update(
            self.context,
            "Anonymous notes" if on else "Named notes",
            workshops.update_workshop,
            self.workshop_id,
            {"anonymous_notes": on},
            {"workshops"},
        )
        if not done:
            self.refresh()  # refused: show the switch as it is stored
        self.note_input.setFocus()
