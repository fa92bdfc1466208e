"""The home page's "Reviews due" panel: checks and action items across the library.

What is overdue or due in the next 14 days, oldest first. One click (or
Enter) opens the workshop's PDCA stage with that cycle shown.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kaizen_studio.domain.enums import Stage
from kaizen_studio.domain.errors import KaizenError
from kaizen_studio.domain.pdca import REVIEW_WINDOW_DAYS
from kaizen_studio.services.reviews import Review, due_reviews
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.pdca_card import warning_colour
from kaizen_studio.ui.pdca_fields import day_text

REVIEW_ROLE = Qt.ItemDataRole.UserRole + 1


def review_text(review: Review, *, with_workshop: bool) -> str:
    """Two short lines: when and what, then whose cycle (and which workshop, if several)."""
    what = review.what if review.kind == "check" else f"Action: {review.what}"
    owner = f" · {review.owner}" if review.owner else ""
    workshop = f" — {review.workshop}" if with_workshop else ""
    return (
        f"{review.when.capitalize()} · {what}\n"
        f"{review.intervention}, cycle {review.cycle_number}{owner}{workshop}"
    )


class ReviewsPanel(QWidget):
    """Emits `review_opened(workshop_id, stage)`, then shows the review's cycle."""

    review_opened = Signal(int, str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("reviewsPanel")
        self.title = QLabel("Reviews due", self)
        self.title.setObjectName("reviewsTitle")
        self.title.setProperty("role", "sectionTitle")
        self.list = QListWidget(self)
        self.list.setObjectName("reviewsList")
        self.list.setAccessibleName("Reviews due")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.itemClicked.connect(self.open_review)
        self.list.itemActivated.connect(self.open_review)
        self.empty_hint = QLabel(
            f"Nothing is overdue or due in the next {REVIEW_WINDOW_DAYS} days.", self
        )
        self.empty_hint.setProperty("role", "hint")
        self.empty_hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.list, 1)

    def refresh(self) -> None:
        self.list.clear()
        try:
            reviews = due_reviews(self.context.library, self.context.clock.today())
        except KaizenError as error:
            reviews = []
            self.empty_hint.setText(str(error))
        warning = warning_colour(self.palette())
        several = len({review.workshop_id for review in reviews}) > 1
        for review in reviews:
            item = QListWidgetItem(review_text(review, with_workshop=several))
            item.setData(REVIEW_ROLE, review)
            item.setToolTip(
                f"Due {day_text(review.due_on)} in “{review.workshop}”. "
                "Click to open this cycle in the PDCA stage."
            )
            if review.overdue:
                item.setForeground(warning)
            self.list.addItem(item)
        overdue = sum(review.overdue for review in reviews)
        late = f", {overdue} overdue" if overdue else ""
        self.title.setText(f"Reviews due · {len(reviews)}{late}" if reviews else "Reviews due")
        self.empty_hint.setVisible(self.list.count() == 0)

    def open_review(self, item: QListWidgetItem) -> None:
        review = item.data(REVIEW_ROLE)
        if not isinstance(review, Review):
            return
        self.review_opened.emit(review.workshop_id, Stage.PDCA.value)
        # The window has just opened the workshop's PDCA page: show the cycle there.
        page = self.window().findChild(QWidget, f"{Stage.PDCA.value}Page")
        focus = getattr(page, "focus_cycle", None)
        if callable(focus):
            focus(review.cycle_id)
