"""Notes in from CSV (as Excel and survey tools write it), and workshop tables out to CSV.

Import: UTF-8 with or without BOM (UTF-16 and Windows-1252 too), comma,
semicolon or tab, a header row mapped to text, participant, area, frequency
and impact. Rows with problems are reported by line number; `strict` refuses
the whole file instead (the command line's "all or none").

Export: UTF-8 with BOM (so Excel reads accents), one table per file. Any cell
that a spreadsheet would run as a formula is prefixed with an apostrophe, and
import takes that apostrophe off again, so notes round-trip unchanged.
"""

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import col, func, select

from kaizen_studio.domain.enums import StakeholderGroup
from kaizen_studio.domain.errors import InvalidInput, KaizenError
from kaizen_studio.domain.rules import FREQUENCY_WORDS, RATING_WORDS, clean_note_text, clean_text
from kaizen_studio.domain.tables import Note, Participant
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.records import fetch_workshop
from kaizen_studio.storage.library import Library

FIELDS = ("text", "participant", "area", "frequency", "impact")
FIELD_LABELS = {
    "text": "Note text",
    "participant": "Participant",
    "area": "Process area",
    "frequency": "Frequency",
    "impact": "Impact",
}
# Header words that name each field, as people and survey tools write them.
SYNONYMS = {
    "text": (
        "text", "note", "notes", "bottleneck", "bottlenecks", "comment", "comments",
        "description", "issue", "problem", "response", "answer", "feedback", "delay",
    ),
    "participant": (
        "participant", "name", "author", "who", "respondent", "person", "submitted by", "by",
    ),
    "area": ("area", "process area", "process", "department", "team", "category", "topic"),
    "frequency": ("frequency", "how often", "freq", "often"),
    "impact": ("impact", "severity", "how bad", "effect"),
}  # fmt: skip
DELIMITERS = (",", ";", "\t")
FORMULA_START = re.compile(r"^'*[=+\-@\t\r]")
MAX_BYTES = 50 * 1024 * 1024


# -- reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CsvTable:
    """A CSV file read as text: its header, its rows with their first line numbers."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    delimiter: str
    encoding: str
    has_header: bool = True


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{name} is not a text file Kaizen Studio can read (UTF-8).") from error


def _delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def parse_csv_text(text: str, name: str = "The file", encoding: str = "UTF-8") -> CsvTable:
    """Split CSV text into rows, remembering the line each row starts on."""
    text = text.replace("\x00", "")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = _delimiter(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, tuple[str, ...]]] = []
    line = 1
    try:
        for record in reader:
            rows.append((line, tuple(cell.strip() for cell in record)))
            line = reader.line_num + 1
    except csv.Error as error:
        raise InvalidInput(f"{name} is not valid CSV near line {line}: {error}.") from error
    rows = [(number, cells) for number, cells in rows if any(cells)]
    if not rows:
        raise InvalidInput(f"{name} holds no rows.")
    header = rows[0][1]
    if guess_columns(header):
        return CsvTable(name, header, tuple(rows[1:]), delimiter, encoding)
    # No header that we know: one column is read as notes, one per row.
    width = max(len(cells) for _, cells in rows)
    headers = tuple(f"Column {n + 1}" for n in range(width))
    return CsvTable(name, headers, tuple(rows), delimiter, encoding, has_header=False)


def read_csv(path: Path) -> CsvTable:
    """Read a CSV file; anything unreadable is one clear sentence."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise InvalidInput(f"{path.name} is larger than 50 MB; split it into smaller files.")
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise InvalidInput(f"There is no file at {path}.") from error
    except IsADirectoryError as error:
        raise InvalidInput(f"{path} is a folder, not a CSV file.") from error
    except OSError as error:
        raise InvalidInput(f"{path.name} could not be read: {error.strerror}.") from error
    text, encoding = _decode(data, path.name)
    return parse_csv_text(text, path.name, encoding)


def _normal(header: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", header.casefold()).split())


def _same_words(header: str, word: str) -> bool:
    return header == word


def _holds_word(header: str, word: str) -> bool:
    return f" {word} " in f" {header} "


def guess_columns(headers: Sequence[str]) -> dict[str, int]:
    """Which column holds which field, from the header words (exact words first)."""
    normal = [_normal(header) for header in headers]
    found: dict[str, int] = {}
    for rule in (_same_words, _holds_word):
        for name, words in SYNONYMS.items():
            if name in found:
                continue
            for index, header in enumerate(normal):
                if index not in found.values() and any(rule(header, word) for word in words):
                    found[name] = index
                    break
    return found


# -- turning rows into notes -----------------------------------------------------------------


@dataclass(frozen=True)
class NoteRow:
    line: int
    text: str
    participant: str
    area: str
    frequency: int | None
    impact: int | None


@dataclass(frozen=True)
class RowProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}"


@dataclass(frozen=True)
class ParsedNotes:
    rows: tuple[NoteRow, ...]
    problems: tuple[RowProblem, ...]
    columns: Mapping[str, int]


_WORDS = {word: n for n, word in RATING_WORDS.items()} | {
    word: n for n, word in FREQUENCY_WORDS.items()
}


def unguard(cell: str) -> str:
    """Undo the export's formula guard: "'=1+1" is read back as "=1+1"."""
    return cell[1:] if FORMULA_START.match(cell) and cell.startswith("'") else cell


def _rating(value: str, what: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    word = _WORDS.get(value.casefold())
    if word is not None:
        return word
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        number = 0.0
    if number.is_integer() and 1 <= number <= 5:
        return int(number)
    raise InvalidInput(f"{what} must be 1 to 5 (or a word such as 'high'), not '{value:.30}'")


def _row(line: int, cells: Sequence[str], columns: Mapping[str, int]) -> NoteRow:
    def cell(name: str) -> str:
        index = columns.get(name)
        return unguard(cells[index]) if index is not None and index < len(cells) else ""

    text = cell("text")
    if not text.strip():
        raise InvalidInput("the note text is empty")
    return NoteRow(
        line=line,
        text=clean_note_text(text),
        participant=clean_text(cell("participant"), "The participant's name"),
        area=clean_text(cell("area"), "The process area"),
        frequency=_rating(cell("frequency"), "Frequency"),
        impact=_rating(cell("impact"), "Impact"),
    )


def parse_notes(table: CsvTable, columns: Mapping[str, int] | None = None) -> ParsedNotes:
    """Good rows become notes to add; each bad row becomes one sentence with its line."""
    if columns is None:
        columns = guess_columns(table.headers) if table.has_header else {"text": 0}
    if "text" not in columns:
        named = ", ".join(table.headers[:8])
        raise InvalidInput(
            f"No column of {table.name} holds the note text: name one 'text' "
            f"(its columns are: {named})."
        )
    rows: list[NoteRow] = []
    problems: list[RowProblem] = []
    for line, cells in table.rows:
        try:
            rows.append(_row(line, cells, columns))
        except KaizenError as error:
            message = str(error).rstrip(".")
            problems.append(RowProblem(line, message[:1].lower() + message[1:] + "."))
    return ParsedNotes(tuple(rows), tuple(problems), dict(columns))


# -- storing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    note_ids: tuple[int, ...]
    participant_ids: tuple[int, ...]
    problems: tuple[RowProblem, ...] = field(default_factory=tuple)
    names_left_out: bool = False

    def summary(self) -> str:
        """One or two sentences for the facilitator."""
        notes = len(self.note_ids)
        text = f"Added {notes} note{'s' if notes != 1 else ''}"
        people = len(self.participant_ids)
        if people:
            text += f" and {people} new participant{'s' if people != 1 else ''}"
        text += "."
        if self.problems:
            skipped = len(self.problems)
            text += f" Skipped {skipped} row{'s' if skipped != 1 else ''} with problems."
        if self.names_left_out:
            text += " Names were left out: notes in this workshop are anonymous."
        return text


def _refuse(problems: Sequence[RowProblem]) -> InvalidInput:
    first = problems[0]
    more = f" ({len(problems)} rows have problems)" if len(problems) > 1 else ""
    return InvalidInput(f"{first.message[:-1].capitalize()} on line {first.line}{more}; "
                        "nothing was imported.")  # fmt: skip


def import_notes(
    library: Library,
    workshop_id: int,
    parsed: ParsedNotes,
    *,
    strict: bool = False,
    clock: Clock = SYSTEM_CLOCK,
) -> ImportResult:
    """Add the parsed notes in one transaction; names become participants of the workshop.

    With `strict`, any bad row refuses the whole file (nothing is added);
    otherwise the good rows are added and the bad ones returned as problems."""
    if strict and parsed.problems:
        raise _refuse(parsed.problems)
    if not parsed.rows:
        raise InvalidInput("The file has no note to add; nothing was imported.")
    now = clock.now()
    with library.session() as session:
        workshop = fetch_workshop(session, workshop_id)
        anonymous = workshop.anonymous_notes
        people = session.exec(
            select(Participant).where(col(Participant.workshop_id) == workshop_id)
        ).all()
        known = {p.name.casefold(): p.id for p in people if p.name}
        position = session.exec(
            select(func.count()).where(col(Participant.workshop_id) == workshop_id)
        ).one()
        created: list[Participant] = []
        for row in parsed.rows:
            name = row.participant
            if anonymous or not name or name.casefold() in known:
                continue
            person = Participant(
                workshop_id=workshop_id,
                name=name,
                stakeholder_group=StakeholderGroup.FRONTLINE.value,
                position=position + len(created),
            )
            session.add(person)
            session.flush()
            known[name.casefold()] = person.id
            created.append(person)
        notes = [
            Note(
                workshop_id=workshop_id,
                text=row.text,
                participant_id=None if anonymous else known.get(row.participant.casefold()),
                process_area=row.area,
                frequency=row.frequency,
                impact=row.impact,
                created_at=now,
            )
            for row in parsed.rows
        ]
        session.add_all(notes)
        session.flush()
        note_ids = tuple(int(note.id or 0) for note in notes)
        participant_ids = tuple(int(person.id or 0) for person in created)
    return ImportResult(
        note_ids,
        participant_ids,
        parsed.problems,
        names_left_out=anonymous and any(row.participant for row in parsed.rows),
    )


def import_notes_csv(
    library: Library,
    workshop_id: int,
    path: Path,
    *,
    strict: bool = False,
    columns: Mapping[str, int] | None = None,
    clock: Clock = SYSTEM_CLOCK,
) -> ImportResult:
    """Read, check and add a CSV file of notes (see import_notes for `strict`)."""
    parsed = parse_notes(read_csv(path), columns)
    return import_notes(library, workshop_id, parsed, strict=strict, clock=clock)


# -- export -----------------------------------------------------------------------------------


def guard(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and FORMULA_START.match(value):
        return "'" + value
    return value


def write_rows(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Write one table as Excel-friendly CSV: UTF-8 with BOM, commas, every cell guarded."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if cell is None else guard(cell) for cell in row])
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
