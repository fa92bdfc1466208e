"""The home page's "Reviews due" panel: checkpoints and action items across the library."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from kaizen_studio.ui.context import AppContext


class ReviewsPanel(QWidget):
    """Filled by the PDCA stage's reviews service; emits `review_opened(workshop_id, stage)`."""

    review_opened = Signal(int, str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("reviewsPanel")
        title = QLabel("Reviews due", self)
        title.setProperty("role", "sectionTitle")
        self.list = QListWidget(self)
        self.list.setObjectName("reviewsList")
        self.list.setAccessibleName("Reviews due")
        self.empty_hint = QLabel("Nothing is due in the next 14 days.", self)
        self.empty_hint.setProperty("role", "hint")
        self.empty_hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.list, 1)

    def refresh(self) -> None:
        self.list.clear()
        self.empty_hint.setVisible(self.list.count() == 0)
