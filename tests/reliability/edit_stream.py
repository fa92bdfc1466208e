"""A child process for the crash test: makes a seeded stream of edits through the
services and logs each one after its service call returned.

    python edit_stream.py LIBRARY LOG SEED

Prints "ready" once the library is open; then edits until it is killed.
"""

import os
import random
import sys
from pathlib import Path

from kaizen_studio.services import notes, workshops
from kaizen_studio.storage.library import open_library


def main() -> int:
    library_path, log_path, seed = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    library = open_library(library_path, create=True)
    listed = workshops.list_workshops(library)
    workshop_id = listed[0].id if listed else workshops.create_workshop(library, "Crash test").id
    alive = [note.id for note in notes.list_notes(library, workshop_id)]
    log = log_path.open("a", encoding="utf-8")
    print("ready", flush=True)
    rng = random.Random(seed)
    for step in range(100_000):
        roll = rng.random()
        if roll < 0.6 or not alive:
            text = f"seed {seed} note {step} " + "x" * rng.randrange(0, 300)
            added = notes.add_note(library, workshop_id, text)
            alive.append(added.id)
            entry = f"add {added.id} {added.text}"
        elif roll < 0.85:
            note_id = alive[rng.randrange(len(alive))]
            text = f"seed {seed} edit {step}"
            notes.update_note(library, note_id, text=text)
            entry = f"edit {note_id} {text}"
        else:
            note_id = alive.pop(rng.randrange(len(alive)))
            notes.delete_notes(library, [note_id])
            entry = f"delete {note_id} "
        # The edit has returned: from here on it must survive anything.
        log.write(entry + "\n")
        log.flush()
        os.fsync(log.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
