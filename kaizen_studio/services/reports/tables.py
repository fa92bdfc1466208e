"""A workshop's tables for spreadsheets: notes, themes, votes, interventions, action items.

Built from the same plain report data as the PDFs; written by
services.csv_interchange, which guards every cell against formula injection.
The notes table's first columns are the ones the notes import reads, so a
notes CSV can be imported into another workshop as it is.
"""

from collections.abc import Callable
from pathlib import Path

from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.csv_interchange import write_rows
from kaizen_studio.services.interchange import export_workshop
from kaizen_studio.services.reports.data import ReportData
from kaizen_studio.services.reports.gather import gather
from kaizen_studio.storage.library import Library

Rows = list[list[object]]
Table = tuple[list[str], Rows]


def _iso(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


def notes_table(data: ReportData) -> Table:
    ranks = {theme.name: theme for theme in data.themes}
    header = ["text", "participant", "area", "frequency", "impact", "number", "theme"]
    header += ["theme rank", "theme votes", "note votes", "repeats note"]
    rows: Rows = []
    for note in data.notes:
        theme = ranks.get(note.theme)
        rows.append(
            [
                note.text,
                note.author,
                note.area,
                note.frequency,
                note.impact,
                note.number,
                note.theme,
                theme.rank if theme else None,
                theme.votes if theme else None,
                note.votes,
                note.stacked_on,
            ]
        )
    return header, rows


def themes_table(data: ReportData) -> Table:
    header = ["rank", "theme", "notes", "votes", "impact", "frequency", "effort", "score"]
    header += ["chosen", "causes"]
    rows: Rows = [
        [
            t.rank,
            t.name,
            len(t.notes),
            t.votes,
            None if t.impact is None else round(t.impact, 2),
            None if t.frequency is None else round(t.frequency, 2),
            t.effort,
            round(t.score, 2),
            "yes" if t.selected else "no",
            "; ".join(t.causes),
        ]
        for t in data.themes
    ]
    return header, rows


def interventions_table(data: ReportData) -> Table:
    header = ["intervention", "format", "kind", "owner", "effort", "cost", "starts on"]
    header += ["ends on", "behaviours", "themes", "description"]
    rows: Rows = [
        [
            i.title,
            i.format_name,
            i.kind.label,
            i.owner,
            i.effort,
            i.cost,
            _iso(i.starts_on),
            _iso(i.ends_on),
            "; ".join(i.behaviours),
            "; ".join(i.themes),
            i.description,
        ]
        for i in data.interventions
    ]
    return header, rows


def actions_table(data: ReportData) -> Table:
    header = ["cycle", "action", "owner", "due on", "done", "done on"]
    rows: Rows = [
        [cycle.name, a.text, a.owner, _iso(a.due_on), "yes" if a.done else "no", _iso(a.done_on)]
        for cycle in data.cycles
        for a in cycle.actions
    ]
    return header, rows


def votes_table(library: Library, workshop_id: int, data: ReportData) -> Table:
    """One row per dot; the voter's name only where notes and votes are not anonymous."""
    export = export_workshop(library, workshop_id)
    anonymous = export["workshop"]["anonymous_votes"] or data.anonymous_notes
    people = export["participant"]
    themes = export["theme"]
    rows: Rows = []
    for vote in export["vote"]:
        voter = people[vote["participant"]] if vote["participant"] is not None else None
        on_note = vote["note"]
        theme = themes[vote["theme"]]["name"] if vote["theme"] is not None else ""
        if on_note is not None:
            theme = data.notes[on_note].theme
        rows.append(
            [
                "" if anonymous or voter is None else (voter["name"] or voter["role"]),
                theme,
                None if on_note is None else on_note + 1,
                vote["created_at"],
            ]
        )
    return ["voter", "theme", "note number", "cast at"], rows


CSV_TABLES: dict[str, tuple[str, Callable[[ReportData], Table] | None]] = {
    "notes": ("Notes with their themes and votes", notes_table),
    "themes": ("Themes in priority order", themes_table),
    "votes": ("Votes, one row per dot", None),
    "interventions": ("Interventions", interventions_table),
    "actions": ("Action items", actions_table),
}


def write_csv(
    library: Library,
    workshop_id: int,
    path: Path,
    table: str = "notes",
    *,
    clock: Clock = SYSTEM_CLOCK,
) -> int:
    """Write one of CSV_TABLES to `path`; returns the number of data rows."""
    if table not in CSV_TABLES:
        raise InvalidInput(f"There is no table '{table}'; use one of {', '.join(CSV_TABLES)}.")
    data = gather(library, workshop_id, clock)
    build = CSV_TABLES[table][1]
    header, rows = build(data) if build else votes_table(library, workshop_id, data)
    write_rows(path, header, rows)
    return len(rows)
