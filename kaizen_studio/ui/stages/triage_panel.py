"""Map, first tab: why does each chosen theme happen? The triage questions, the causes
kept, and the facilitator's notes.

Every answer, tick and note is one undoable edit. The answers suggest causes;
the facilitator decides, so the suggestion is shown beside the boxes and one
button takes it over.
"""

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import CauseKind
from kaizen_studio.domain.triage import QUESTIONS, Question
from kaizen_studio.services import mapping
from kaizen_studio.services.mapping import ThemeTriage
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.pdca_fields import CommitTextEdit
from kaizen_studio.ui.stages.map_widgets import KeyedList, label, named, swatch
from kaizen_studio.ui.undo import perform_update

MAP_TOPICS = frozenset({"map"})
ANSWERS = (("Yes", True), ("No", False), ("Not sure", None))


def causes_text(item: ThemeTriage) -> str:
    if item.causes:
        return " · ".join(cause.label for cause in item.causes)
    return "Not triaged yet" if not item.answers.answered else "No cause chosen yet"


class TriagePanel(QWidget):
    """`behaviour_wanted(theme_id)` asks the page to write a behaviour for the theme."""

    behaviour_wanted = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.items: list[ThemeTriage] = []
        self.current: ThemeTriage | None = None
        self.themes = KeyedList(self)
        named(self.themes, "triageThemes", "Themes to triage")
        self.themes.current_changed.connect(lambda _key: self._show_current())
        self.form = QWidget(self)
        self.title = label("", self.form, "sectionTitle")
        self.title.setObjectName("triageTitle")
        self.groups: dict[str, QButtonGroup] = {}
        self.cause_boxes: dict[CauseKind, QCheckBox] = {}
        self.use_suggested = QPushButton("Keep the &suggested causes", self.form)
        named(self.use_suggested, "useSuggestedCauses", "Keep the suggested causes")
        self.use_suggested.clicked.connect(self._keep_suggested)
        self.findings = label("", self.form, "warning")
        self.findings.setObjectName("triageFindings")
        self.notes = CommitTextEdit(self.form)
        named(self.notes, "triageNotes", "Triage notes")
        self.notes.setPlaceholderText("What the room said about why it happens")
        self.notes.setMaximumHeight(110)
        self.notes.committed.connect(lambda text: self._save({"notes": text}, "Edit triage notes"))
        self.behaviours = label("", self.form, "hint")
        self.write_behaviour = QPushButton("&Write a behaviour for this theme →", self.form)
        named(self.write_behaviour, "writeBehaviour", "Write a behaviour for this theme")
        self.write_behaviour.clicked.connect(self._want_behaviour)
        self.empty = label(
            "No theme goes on to mapping yet. Vote in Prioritise and choose the themes that "
            "matter; then ask here why each one happens.",
            self,
            "sectionTitle",
        )
        self.empty.setObjectName("triageEmpty")
        self.empty.setContentsMargins(14, 4, 14, 0)
        self._build()

    # -- layout -------------------------------------------------------------------

    def _build(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(label("Themes going on to mapping", left, "sectionTitle"))
        left_layout.addWidget(self.themes, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self._build_form())
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty)
        right_layout.addWidget(self.scroll, 1)
        right_layout.addStretch()  # keeps the empty notice at the top
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(splitter)
        self._tab_order()

    def _build_form(self) -> QWidget:
        questions = QGridLayout()
        questions.setHorizontalSpacing(14)
        questions.setVerticalSpacing(4)
        for row, question in enumerate(QUESTIONS):
            self._question_row(questions, row, question)
        causes = QGridLayout()
        for index, cause in enumerate(CauseKind):
            box = QCheckBox(cause.label, self.form)
            named(box, f"cause_{cause.value}", cause.label)
            box.clicked.connect(lambda on, c=cause: self._tick(c, on))
            self.cause_boxes[cause] = box
            causes.addWidget(box, index // 2, index % 2)
        behaviour_row = QHBoxLayout()
        behaviour_row.addWidget(self.behaviours, 1)
        behaviour_row.addWidget(self.write_behaviour)
        form = QVBoxLayout(self.form)
        form.setContentsMargins(14, 0, 8, 8)
        form.setSpacing(8)
        form.addWidget(self.title)
        form.addWidget(
            label(
                "Ask the room. A “no” points at a cause; only the last question can show a "
                "gap in skill, and only then can training help.",
                self.form,
                "hint",
            )
        )
        form.addLayout(questions)
        form.addSpacing(6)
        form.addWidget(label("Causes you keep", self.form, "sectionTitle"))
        form.addLayout(causes)
        form.addWidget(self.use_suggested, 0, Qt.AlignmentFlag.AlignLeft)
        form.addWidget(self.findings)
        form.addWidget(label("&Notes", self.form, buddy=self.notes))
        form.addWidget(self.notes)
        form.addLayout(behaviour_row)
        form.addStretch()
        return self.form

    def _tab_order(self) -> None:
        """Tab walks the form top to bottom: the theme, its answers, the causes, the notes."""
        order: list[QWidget] = [self.themes]
        order += [group.buttons()[0] for group in self.groups.values()]
        order += [*self.cause_boxes.values(), self.use_suggested, self.notes,
                  self.write_behaviour]  # fmt: skip
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _question_row(self, grid: QGridLayout, row: int, question: Question) -> None:
        text = QWidget(self.form)
        text_layout = QVBoxLayout(text)
        text_layout.setContentsMargins(0, 4, 0, 4)
        text_layout.setSpacing(0)
        asked = label(question.text, text)
        asked.setStyleSheet("font-weight: 600;")
        text_layout.addWidget(asked)
        text_layout.addWidget(label(question.hint, text, "hint"))
        grid.addWidget(text, row, 0)
        group = QButtonGroup(self)
        choices = QWidget(self.form)
        choices_layout = QHBoxLayout(choices)
        choices_layout.setContentsMargins(0, 0, 0, 0)
        for index, (word, _value) in enumerate(ANSWERS):
            radio = QRadioButton(word, choices)
            named(radio, f"{question.key}_{word.lower().replace(' ', '_')}",
                  f"{word}: {question.text}")  # fmt: skip
            group.addButton(radio, index)
            choices_layout.addWidget(radio)
        group.idClicked.connect(lambda index, q=question: self._answer(q, ANSWERS[index][1]))
        self.groups[question.key] = group
        grid.addWidget(choices, row, 1)
        grid.setColumnStretch(0, 1)

    # -- showing ------------------------------------------------------------------

    def show_triage(self, items: list[ThemeTriage]) -> None:
        self.items = items
        rows = []
        for item in items:
            chosen = "" if item.chosen else "  (not chosen now)"
            text = f"{item.name}{chosen}\n{causes_text(item)}"
            rows.append((item.theme_id, text, item.notes))
        self.themes.fill(rows)
        for row, item in enumerate(items):
            self.themes.item(row).setIcon(swatch(item.color))
        self.empty.setVisible(not items)
        self.scroll.setVisible(bool(items))
        self._show_current()

    def select_theme(self, theme_id: int) -> bool:
        return self.themes.select(theme_id)

    def _show_current(self) -> None:
        key = self.themes.current_id()
        self.current = next((i for i in self.items if i.theme_id == key), None)
        self.form.setEnabled(self.current is not None)
        item = self.current
        if item is None:
            self.title.setText("")
            self.findings.hide()
            return
        self.title.setText(f"Why does “{item.name}” happen?")
        for question in QUESTIONS:
            answer = item.answers.answer(question.key)
            index = next(i for i, (_w, value) in enumerate(ANSWERS) if value is answer)
            group = self.groups[question.key]
            button = group.button(index)
            if not button.isChecked():
                button.setChecked(True)
        for cause, box in self.cause_boxes.items():
            box.setChecked(cause in item.causes)
            suggested = cause in item.suggested
            box.setText(f"{cause.label}  ← suggested" if suggested else cause.label)
        self.use_suggested.setEnabled(bool(item.suggested) and item.suggested != item.causes)
        self.findings.setText(" ".join(item.findings))
        self.findings.setVisible(bool(item.findings))
        self.notes.show_text(item.notes)
        count = item.behaviours
        self.behaviours.setText(
            "No behaviour answers this theme yet."
            if not count
            else f"{count} behaviour{'s' if count != 1 else ''} answer{'s' if count == 1 else ''}"
            " this theme."
        )

    def focus_main_input(self) -> None:
        self.themes.setFocus()

    # -- edits --------------------------------------------------------------------

    def _save(self, changes: dict[str, object], text: str) -> bool:
        if self.current is None:
            return False
        return perform_update(
            self.context, text, mapping.update_triage, self.current.theme_id, changes, MAP_TOPICS
        )

    def _answer(self, question: Question, value: bool | None) -> None:
        if self.current is None or self.current.answers.answer(question.key) is value:
            return
        word = next(w for w, v in ANSWERS if v is value)
        self._save({question.key: value}, f"Answer “{word}”: {question.text}")

    def _tick(self, cause: CauseKind, on: bool) -> None:
        if self.current is None:
            return
        causes = set(self.current.causes) | {cause} if on else set(self.current.causes) - {cause}
        verb = "Keep" if on else "Drop"
        self._save({"causes": tuple(causes)}, f"{verb} cause: {cause.label}")

    def _keep_suggested(self) -> None:
        if self.current is not None:
            self._save({"causes": self.current.suggested}, "Keep the suggested causes")

    def _want_behaviour(self) -> None:
        if self.current is not None:
            self.behaviour_wanted.emit(self.current.theme_id)
