"""Intent: where a workshop starts, from the result it wants rather than from its content.

Left, the workshop itself (title, day, site, facilitator, anonymous notes), its
intent in a sentence or two, and the outcomes it works back from; right, who is
in the room and the agenda's timeboxes.
"""

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.stages.base import StagePage
from kaizen_studio.ui.stages.intent_sections import (
    AgendaSection,
    OutcomesSection,
    ParticipantsSection,
)
from kaizen_studio.ui.stages.workshop_form import WorkshopForm


class IntentPage(StagePage):
    stage = Stage.INTENT
    topics = frozenset({"workshops", "outcomes", "participants", "agenda"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.form = WorkshopForm(context, self)
        self.outcomes = OutcomesSection(context, self)
        self.participants = ParticipantsSection(context, self)
        self.agenda = AgendaSection(context, self)
        self._build()

    def _build(self) -> None:
        content = QWidget(self)
        content.setObjectName("intentContent")
        top = QHBoxLayout()
        top.setSpacing(28)
        top.addWidget(self.form.details, 1)
        top.addWidget(self.form.intent_box, 1)
        bottom = QHBoxLayout()
        bottom.setSpacing(28)
        bottom.addWidget(self.participants, 1, Qt.AlignmentFlag.AlignTop)
        bottom.addWidget(self.agenda, 1, Qt.AlignmentFlag.AlignTop)
        rows = QVBoxLayout(content)
        rows.setContentsMargins(0, 12, 12, 12)
        rows.setSpacing(22)
        rows.addLayout(top)
        rows.addWidget(self.outcomes)
        rows.addLayout(bottom)
        rows.addStretch()
        scroll = QScrollArea(self)
        scroll.setObjectName("intentScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        # Tab walks the page top to bottom, left column first.
        order = [
            self.form.title,
            self.form.held_on,
            self.form.site,
            self.form.facilitator,
            self.form.anonymous,
            self.form.intent,
            self.outcomes.table,
            self.outcomes.add_button,
            self.outcomes.remove_button,
            self.participants.table,
            self.participants.add_button,
            self.participants.remove_button,
            self.agenda.table,
            self.agenda.add_button,
            self.agenda.remove_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def refresh(self) -> None:
        if self.workshop_id is None:
            return
        try:
            self.form.load(self.workshop_id)
            self.outcomes.load(self.workshop_id)
            self.participants.load(self.workshop_id)
            self.agenda.load(self.workshop_id)
        except KaizenError:
            return  # the workshop went (an undo); the workshop view goes home

    def focus_main_input(self) -> None:
        self.form.intent.setFocus(Qt.FocusReason.OtherFocusReason)
