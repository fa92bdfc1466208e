"""The workshop report as a board member gets it: sound PDF, embedded fonts, every note findable."""

import json
import re
import subprocess
from pathlib import Path

import pytest

from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.notes import add_note
from kaizen_studio.services.reports import write_a3, write_workshop_report
from kaizen_studio.services.reports.text import MISSING, para, printable
from kaizen_studio.services.workshops import create_workshop
from kaizen_studio.storage.library import Library

HARD_NOTES = (
    "Tags like <b>bold</b> & <i>x</i> print as typed; a < b > c && d",
    "<font color='red'>not red</font> &amp; &nbsp; <br/> ]]> <![CDATA[ x",
    "Ελληνικά: η αναμονή στο τηλέφωνο είναι μεγάλη",
    "Кириллица: клиент ждёт ответа слишком долго",
    "Zażółć gęślą jaźń, Café crème, naïve façade, Øresund, Straße",
)


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return _flat(_run("pdftotext", "-enc", "UTF-8", str(path), "-"))


@pytest.fixture
def demo_report(library: Library, demo_id: int, clock: FixedClock, tmp_path: Path) -> Path:
    for text in HARD_NOTES:
        add_note(library, demo_id, text)
    path = tmp_path / "report.pdf"
    write_workshop_report(library, demo_id, path, clock=clock, invariant=True)
    return path


def test_demo_report_is_a_sound_pdf_with_embedded_fonts(demo_report: Path) -> None:
    subprocess.run(["qpdf", "--check", str(demo_report)], check=True, capture_output=True)
    fonts = _run("pdffonts", str(demo_report)).splitlines()[2:]
    assert fonts, "the report uses no font at all"
    for line in fonts:
        embedded = line.split()[-5]
        assert embedded == "yes", f"font not embedded: {line}"
    assert "Helvetica" not in "\n".join(fonts)


def test_every_note_is_findable_in_the_report(
    library: Library, demo_id: int, demo_report: Path
) -> None:
    from kaizen_studio.services.notes import list_notes

    text = pdf_text(demo_report)
    notes = list_notes(library, demo_id)
    assert len(notes) == 48 + len(HARD_NOTES)
    missing = [note.text for note in notes if _flat(note.text) not in text]
    assert not missing, f"not in the PDF: {missing[:3]}"


def test_report_has_metadata_contents_outline_and_page_numbers(
    demo_report: Path, library: Library, demo_id: int, clock: FixedClock, tmp_path: Path
) -> None:
    info = _run("pdfinfo", str(demo_report))
    assert "Title:           Customer Care: keeping customers we already have" in info
    assert "Author:          Hannah Okafor" in info
    assert "Subject:         Customers who call us" in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    text = pdf_text(demo_report)
    assert f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    contents = text.split("Contents", 1)[1][:2000]
    for section in ("Intent and outcomes", "Who took part", "Themes and votes", "Action map"):
        assert section in contents
    assert "PDCA plan and status" in text and "Follow-up calendar" in text
    outline = json.loads(_run("qpdf", "--json", "--json-key=outlines", str(demo_report)))
    titles = [entry["title"] for entry in outline["outlines"]]
    assert titles[:3] == ["Intent and outcomes", "Who took part", "Themes and votes"]
    assert "Appendix: all notes" in titles
    again = tmp_path / "again.pdf"
    assert write_workshop_report(library, demo_id, again, clock=clock, invariant=True) == pages
    assert again.read_bytes() == demo_report.read_bytes()  # repeatable with invariant=1


def test_report_sections_say_what_the_board_needs(demo_report: Path) -> None:
    text = pdf_text(demo_report)
    for expected in (
        "Northbridge Energy contact centre, Leeds",  # site
        "Frontline 4",  # people by stakeholder group
        "Priya",  # named, since notes were not anonymous
        "Priority matrix",
        "Learning: 4 of 7",  # the split between learning and not
        "Close-the-loop call practice, cycle 1",
        "Overdue",
        "Customer retention (12-month)",
    ):
        assert expected in text, expected


def test_anonymous_notes_print_no_names(
    library: Library, demo_id: int, clock: FixedClock, tmp_path: Path
) -> None:
    from kaizen_studio.services.workshops import update_workshop

    update_workshop(library, demo_id, anonymous_notes=True)
    path = tmp_path / "anonymous.pdf"
    write_workshop_report(library, demo_id, path, clock=clock)
    text = pdf_text(path)
    # Names go from the notes and the people list (a checkpoint's own words may still name people).
    assert "Priya · Billing" not in text and "Customer service agent" not in text
    assert "no names are printed" in text


def test_long_notes_emoji_and_missing_glyphs_never_break_a_report(
    library: Library, clock: FixedClock, tmp_path: Path
) -> None:
    workshop = create_workshop(library, "Edge cases 😀").id
    long_note = " ".join(f"word{n:04d}" for n in range(560))  # about 5,000 characters
    add_note(library, workshop, long_note)
    add_note(library, workshop, "x" * 3000)  # one unbroken word
    add_note(library, workshop, "Great 😀 team 👍🏽, 中文字 and ✓ done")
    path = tmp_path / "edge.pdf"
    pages = write_workshop_report(library, workshop, path, clock=clock)
    text = pdf_text(path)
    words = long_note.split()
    assert all(word in text for word in words)
    assert "x" * 3000 in text.replace(" ", "")
    assert "[grinning face]" in text and "[thumbs up sign]" in text
    assert MISSING * 3 in text  # the Chinese characters, visibly replaced

    def page_of(word: str) -> set[int]:
        return {
            page
            for page in range(1, pages + 1)
            if word in _run("pdftotext", "-f", str(page), "-l", str(page), str(path), "-")
        }

    # In the appendix the note runs on from one page to the next.
    assert max(page_of("word0559")) > max(page_of("word0000"))


def test_an_empty_workshop_still_gets_a_report(
    library: Library, clock: FixedClock, tmp_path: Path
) -> None:
    workshop = create_workshop(library, "Nothing yet").id
    path = tmp_path / "empty.pdf"
    assert write_workshop_report(library, workshop, path, clock=clock) >= 3
    assert "No outcome (KPI) was set" in pdf_text(path)
    a3 = tmp_path / "a3.pdf"
    assert write_a3(library, workshop, a3, clock=clock) == 1
    assert "no themes yet" in pdf_text(a3)


def test_a3_is_one_landscape_page_per_chosen_theme(
    library: Library, demo_id: int, clock: FixedClock, tmp_path: Path
) -> None:
    path = tmp_path / "a3.pdf"
    assert write_a3(library, demo_id, path, clock=clock) == 3  # the demo chose three themes
    info = _run("pdfinfo", str(path))
    assert re.search(r"Page size:\s+1190.\d+ x 841.\d+", info), info
    first = _flat(_run("pdftotext", "-f", "1", "-l", "1", str(path), "-"))
    for box in ("1. Background", "2. Current condition", "3. Goal", "4. Root cause"):
        assert box in first
    for box in ("5. Countermeasures", "6. Plan", "7. Follow-up"):
        assert box in first
    assert "A3 · Call wrap-up and follow-through" in first
    assert write_a3(library, demo_id, path, ranks=[4], clock=clock) == 1
    assert "Handle-time pressure" in pdf_text(path)


def test_a_failed_report_leaves_the_old_file_alone(
    library: Library, tmp_path: Path, clock: FixedClock
) -> None:
    from kaizen_studio.domain.errors import NotFound

    path = tmp_path / "kept.pdf"
    path.write_bytes(b"the old report")
    with pytest.raises(NotFound):
        write_workshop_report(library, 999, path, clock=clock)
    assert path.read_bytes() == b"the old report"
    assert list(tmp_path.glob(".*partial")) == []


def test_text_is_escaped_and_unknown_characters_get_a_stand_in() -> None:
    assert para("a < b & <b>c</b>") == "a &lt; b &amp; &lt;b&gt;c&lt;/b&gt;"
    assert para("line one\nline two") == "line one<br/>line two"
    assert printable("Ελλάδα Москва") == "Ελλάδα Москва"
    assert printable("ok 中") == f"ok {MISSING}"
    assert printable("fine 👍") == "fine [thumbs up sign]"
    assert printable("flag \U0001f1ec\U0001f1e7\ufe0f!") == "flag GB!"
