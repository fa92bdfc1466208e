"""The PDCA board: four columns (Plan, Do, Check, Act) with a card per cycle.

Cards move by drag and drop or from the keyboard (Ctrl+Right / Ctrl+Left);
Left and Right walk between columns, Enter opens the card's cycle. The
board only asks for moves (`move_requested`); the page decides and refreshes.
"""

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from kaizen_studio.domain.enums import Phase
from kaizen_studio.domain.pdca import PHASES
from kaizen_studio.services.cycle_board import CycleCard
from kaizen_studio.ui.pdca_card import CARD_ROLE, CardDelegate, card_sentence

MIME_TYPE = "application/x-kaizen-studio-cycle"
Index = QModelIndex | QPersistentModelIndex

PHASE_HINTS = {
    Phase.PLAN: "Hypothesis and measure",
    Phase.DO: "Actions under way",
    Phase.CHECK: "Evidence and KPI",
    Phase.ACT: "Decide what next",
}


class PhaseModel(QAbstractListModel):
    """The cards of one column. A drop only reports the wish to move (`dropped`)."""

    dropped = Signal(int, object)  # cycle id, target Phase

    def __init__(self, phase: Phase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase = phase
        self.cards: list[CycleCard] = []
        self.today = date.min

    def set_cards(self, cards: list[CycleCard], today: date) -> None:
        self.beginResetModel()
        self.cards = list(cards)
        self.today = today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.intervention
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return card_sentence(card, self.today)
        if role == CARD_ROLE:
            return card
        return None

    def row_of(self, cycle_id: int) -> int:
        return next((row for row, card in enumerate(self.cards) if card.id == cycle_id), -1)

    # -- drag and drop --------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cards[index.row()].decision is None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            card = self.cards[indexes[0].row()]
            data.setData(MIME_TYPE, QByteArray(str(card.id).encode()))
        return data

    def canDropMimeData(self, data: QMimeData, *_args: object) -> bool:
        return data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data: QMimeData, *_args: object) -> bool:
        if not data.hasFormat(MIME_TYPE):
            return False
        cycle_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        if self.row_of(cycle_id) >= 0:
            return False  # dropped back on its own column
        # After the drag ends: the move may ask a question in a dialog.
        QTimer.singleShot(0, lambda: self.dropped.emit(cycle_id, self.phase))
        return False  # nothing is removed here: the page refreshes the board


class PhaseColumn(QListView):
    """One column; keys: Ctrl+Left/Right move the card, Left/Right change column."""

    move_key = Signal(int, int)  # cycle id, step
    walk = Signal(int)  # step to the next column
    open_requested = Signal(int)

    def __init__(self, model: PhaseModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        phase = model.phase
        self.setModel(model)
        self.setObjectName(f"{phase.value}Column")
        self.setAccessibleName(f"{phase.label} column")
        self.setAccessibleDescription(
            "Cards of cycles. Ctrl+Right or Ctrl+Left moves a card; Enter opens it."
        )
        self.delegate = CardDelegate(model.today, self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSpacing(4)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # cards re-wrap when the column resizes
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.activated.connect(self._open)

    def phase_model(self) -> PhaseModel:
        model = self.model()
        assert isinstance(model, PhaseModel)
        return model

    def current_card(self) -> CycleCard | None:
        index = self.currentIndex()
        card = index.data(CARD_ROLE) if index.isValid() else None
        return card if isinstance(card, CycleCard) else None

    def _open(self, index: QModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if isinstance(card, CycleCard):
            self.open_requested.emit(card.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(key))
        if step is not None:
            card = self.current_card()
            if ctrl and card is not None:
                self.move_key.emit(card.id, step)
            elif not ctrl:
                self.walk.emit(step)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: Any) -> None:
        # Arriving by Tab or from the next column: a card is current at once.
        if not self.currentIndex().isValid() and self.model().rowCount() > 0:
            self.setCurrentIndex(self.model().index(0, 0))
        super().focusInEvent(event)


class PdcaBoard(QWidget):
    """Four columns; one card is selected across the whole board."""

    move_requested = Signal(int, object)  # cycle id, target Phase
    move_step_requested = Signal(int, int)  # cycle id, +1 / -1
    cycle_selected = Signal(int)
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdcaBoard")
        self.setAccessibleName("PDCA board")
        self.models = {phase: PhaseModel(phase, self) for phase in PHASES}
        self.columns = {phase: PhaseColumn(self.models[phase], self) for phase in PHASES}
        self.headers: dict[Phase, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for phase in PHASES:
            layout.addLayout(self._column_box(phase), 1)

    def _column_box(self, phase: Phase) -> QVBoxLayout:
        header = QLabel(self)
        header.setProperty("role", "sectionTitle")
        header.setObjectName(f"{phase.value}Header")
        hint = QLabel(PHASE_HINTS[phase], self)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.headers[phase] = header
        column = self.columns[phase]
        header.setBuddy(column)
        self.models[phase].dropped.connect(self.move_requested.emit)
        column.move_key.connect(self.move_step_requested.emit)
        column.walk.connect(lambda step, p=phase: self._walk(p, step))
        column.open_requested.connect(self.open_requested.emit)
        column.selectionModel().currentChanged.connect(
            lambda current, _previous, p=phase: self._current_changed(p, current)
        )
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(header)
        box.addWidget(hint)
        box.addWidget(column, 1)
        return box

    def set_cards(self, cards: list[CycleCard], today: date) -> None:
        selected = self.selected_id()
        for phase in PHASES:
            in_phase = [card for card in cards if card.phase is phase]
            self.columns[phase].delegate.today = today
            self.models[phase].set_cards(in_phase, today)
            self.headers[phase].setText(f"{phase.label}  ·  {len(in_phase)}")
        if selected is not None:
            self.select(selected, focus=False)

    def cards(self) -> list[CycleCard]:
        return [card for phase in PHASES for card in self.models[phase].cards]

    def selected_id(self) -> int | None:
        for column in self.columns.values():
            if column.selectionModel().hasSelection():
                card = column.current_card()
                if card is not None:
                    return card.id
        return None

    def select(self, cycle_id: int, *, focus: bool = True) -> bool:
        for phase, model in self.models.items():
            row = model.row_of(cycle_id)
            if row >= 0:
                column = self.columns[phase]
                column.setCurrentIndex(model.index(row, 0))
                column.scrollTo(model.index(row, 0))
                if focus:
                    column.setFocus()
                return True
        return False

    def _current_changed(self, phase: Phase, current: QModelIndex) -> None:
        if not current.isValid():
            return
        for other, column in self.columns.items():
            if other is not phase:
                column.selectionModel().clearSelection()
                column.selectionModel().setCurrentIndex(
                    QModelIndex(), column.selectionModel().SelectionFlag.NoUpdate
                )
        self.columns[phase].selectionModel().select(
            current, self.columns[phase].selectionModel().SelectionFlag.ClearAndSelect
        )
        card = current.data(CARD_ROLE)
        if isinstance(card, CycleCard):
            self.cycle_selected.emit(card.id)

    def _walk(self, phase: Phase, step: int) -> None:
        index = PHASES.index(phase) + step
        if 0 <= index < len(PHASES):
            self.columns[PHASES[index]].setFocus(Qt.FocusReason.OtherFocusReason)
