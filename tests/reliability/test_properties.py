"""Properties that must hold for any input, checked with hypothesis."""

import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaizen_studio.domain.enums import Direction, StakeholderGroup
from kaizen_studio.domain.errors import InvalidInput
from kaizen_studio.services import notes, outcomes, participants, workshops
from kaizen_studio.services.interchange import export_workshop, import_workshop
from kaizen_studio.storage.library import Library, open_library

# Any Unicode a person could paste: all planes, control characters, unpaired halves.
anything = st.text(st.characters(codec=None), min_size=1, max_size=300)
printable = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200
).filter(lambda s: s.strip())
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
rating = st.none() | st.integers(1, 5)

note_drafts = st.lists(st.tuples(printable, rating, rating, st.text(max_size=60)), max_size=12)
people = st.lists(
    st.tuples(
        st.none() | printable.map(lambda s: s[:200]), st.sampled_from(list(StakeholderGroup))
    ),
    max_size=5,
)
kpis = st.lists(
    st.tuples(
        printable, st.none() | finite, st.none() | finite, st.none() | st.dates(date(1990, 1, 1))
    ),
    max_size=3,
)


@pytest.fixture(scope="module")
def two_libraries() -> Iterator[tuple[Library, Library]]:
    """Shared by all examples (creating files per example would dominate the run)."""
    with tempfile.TemporaryDirectory() as folder:
        first = open_library(Path(folder) / "a.kaizen", create=True)
        second = open_library(Path(folder) / "b.kaizen", create=True)
        yield first, second
        first.close()
        second.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=printable, drafts=note_drafts, people=people, kpis=kpis)
def test_export_then_import_is_lossless(two_libraries, title, drafts, people, kpis) -> None:
    first, second = two_libraries
    workshop = workshops.create_workshop(first, title[:200])
    ids = [
        participants.add_participant(first, workshop.id, name=name, group=group).id
        for name, group in people
    ]
    for kpi, baseline, target, due in kpis:
        outcomes.add_outcome(
            first,
            workshop.id,
            kpi[:200],
            direction=Direction.DECREASE,
            baseline=baseline,
            target=target,
            due_on=due,
        )
    for number, (text, impact, frequency, area) in enumerate(drafts):
        author = ids[number % len(ids)] if ids else None
        notes.add_note(
            first,
            workshop.id,
            text,
            impact=impact,
            frequency=frequency,
            process_area=area,
            participant_id=author,
        )
    exported = export_workshop(first, workshop.id)
    again = export_workshop(second, import_workshop(second, exported))
    assert again == exported


@settings(max_examples=80, deadline=None)
@given(text=anything)
def test_any_pasted_text_is_stored_or_refused_in_one_sentence(two_libraries, text: str) -> None:
    library = two_libraries[0]
    workshop = workshops.create_workshop(library, "Paste test")
    try:
        stored = notes.add_note(library, workshop.id, text)
    except InvalidInput as refusal:
        assert "\n" not in str(refusal)
        return
    assert notes.get_note(library, stored.id).text == stored.text
    assert stored.text == stored.text.strip() and stored.text


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=2000))
def test_csv_import_reads_or_reports_any_bytes(
    two_libraries, data: bytes, tmp_path_factory
) -> None:
    from kaizen_studio.services.csv_interchange import import_notes_csv

    library = two_libraries[0]
    workshop = workshops.create_workshop(library, "CSV test")
    path = tmp_path_factory.mktemp("csv") / "notes.csv"
    path.write_bytes(data)
    try:
        result = import_notes_csv(library, workshop.id, path)
    except InvalidInput as refusal:
        assert "\n" not in str(refusal) and str(refusal).endswith(".")
        assert notes.list_notes(library, workshop.id) == []
        return
    added = notes.list_notes(library, workshop.id)
    assert [note.id for note in added] == list(result.note_ids)
    for problem in result.problems:
        assert problem.line >= 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(anything, min_size=1, max_size=6))
def test_report_renders_any_note_text(two_libraries, texts: list[str]) -> None:
    import io

    from kaizen_studio.services.reports.workshop_report import write_workshop_report

    library = two_libraries[0]
    workshop = workshops.create_workshop(library, "Report test")
    for text in texts:
        try:
            notes.add_note(library, workshop.id, text)
        except InvalidInput:
            continue  # refused text (blank, too long) never reaches a report
    pdf = io.BytesIO()
    assert write_workshop_report(library, workshop.id, pdf) >= 1
    assert pdf.getvalue().startswith(b"%PDF")
