"""The whole state of some cycles, to undo and redo edits that touch several rows at once.

Moving a cycle into Do schedules its checks; recording a check writes the
check and a KPI reading; "adjust" decides one cycle and opens the next.
Each is one undo step: the cycles (with their checks, action items and
readings) are captured before and after, and undo or redo puts one state back.
"""

from sqlmodel import Session, col, select

from kaizen_studio.domain.tables import Checkpoint, Measurement
from kaizen_studio.storage.library import Library
from kaizen_studio.storage.snapshot import Snapshot, capture, delete_rows, restore


def _readings(session: Session, cycle_ids: list[int]) -> list[int]:
    """Ids of the KPI readings taken in these cycles or at their checks."""
    checks = select(col(Checkpoint.id)).where(col(Checkpoint.cycle_id).in_(cycle_ids))
    rows = session.exec(
        select(col(Measurement.id)).where(
            col(Measurement.cycle_id).in_(cycle_ids) | col(Measurement.checkpoint_id).in_(checks)
        )
    ).all()
    return [key for key in rows if key is not None]


def capture_cycles(library: Library, cycle_ids: list[int]) -> Snapshot:
    """The cycles as they are now, with everything that hangs on them."""
    with library.session() as session:
        connection = session.connection()
        snapshot = capture(connection, "cycle", cycle_ids)
        readings = capture(connection, "measurement", _readings(session, cycle_ids))
    snapshot.rows.update(readings.rows)
    return snapshot


def rewind_cycles(library: Library, cycle_ids: list[int], snapshot: Snapshot) -> None:
    """Make the cycles `cycle_ids` exactly as captured in `snapshot`, in one transaction.

    Cycles in `cycle_ids` that the snapshot does not hold (opened after it
    was taken) are removed.
    """
    with library.session() as session:
        connection = session.connection()
        captured = [row["id"] for row in snapshot.rows.get("measurement", [])]
        readings = sorted(set(_readings(session, cycle_ids)) | set(captured))
        delete_rows(connection, "measurement", readings)
        delete_rows(connection, "cycle", cycle_ids)
        restore(connection, snapshot)
