"""What every page shares: the open library, the undo stack, the clock, change notices."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.storage.library import Library
from kaizen_studio.ui.settings import Settings


class Changes(QObject):
    """Broadcast after every edit (and its undo) so each view refreshes what it shows.

    Topics name what changed: "workshops", "notes", "themes", "votes",
    "participants", "outcomes", "agenda", "map", "pdca".
    """

    changed = Signal(frozenset)

    def announce(self, topics: Iterable[str]) -> None:
        self.changed.emit(frozenset(topics))


@dataclass
class AppContext:
    library: Library
    settings: Settings
    clock: Clock = SYSTEM_CLOCK
    undo_stack: QUndoStack = field(default_factory=QUndoStack)
    changes: Changes = field(default_factory=Changes)
    # Shows one sentence to the user; the main window installs a dialog.
    report_error: Callable[[str], None] = print
