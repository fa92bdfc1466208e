"""`reviews` and `export -o followups.ics` as a weekly cron job or a person would run them."""

import json
from pathlib import Path


def test_reviews_lists_what_is_due_across_the_library(kaizen) -> None:
    kaizen("demo", "x.kaizen", check_ok=True)
    # The demo's dates sit around the day it was created: look from that day.
    today = json.loads(kaizen("reviews", "x.kaizen", "--json", check_ok=True).stdout)["today"]
    text = kaizen("reviews", "x.kaizen", "--today", today, check_ok=True).stdout
    assert "overdue by 5 days" in text and "Close-the-loop call practice (cycle 1)" in text
    assert "6 due, 2 of them overdue." in text


def test_reviews_json_is_stable_for_scripts(kaizen) -> None:
    kaizen("demo", "x.kaizen", check_ok=True)
    first = json.loads(kaizen("reviews", "x.kaizen", "--json", check_ok=True).stdout)
    data = json.loads(
        kaizen(
            "reviews", "x.kaizen", "--today", first["today"], "--days", "0", "--json", check_ok=True
        ).stdout
    )
    assert data["days"] == 0
    assert [r["state"] for r in data["reviews"]] == ["overdue", "overdue"]
    assert set(data["reviews"][0]) >= {
        "kind", "id", "due_on", "state", "what", "owner", "workshop_id", "cycle_id",
    }  # fmt: skip


def test_reviews_far_in_the_past_finds_nothing(kaizen) -> None:
    kaizen("demo", "x.kaizen", check_ok=True)
    result = kaizen("reviews", "x.kaizen", "--today", "2000-01-01", check_ok=True)
    assert result.stdout.startswith("Nothing is overdue or due in the 14 days after 2000-01-01")


def test_reviews_mistakes_are_one_sentence(kaizen) -> None:
    kaizen("demo", "x.kaizen", check_ok=True)
    assert "2026-12-01" in kaizen("reviews", "x.kaizen", "--today", "1 Dec", check_ok=False).stderr
    assert "whole number" in kaizen("reviews", "x.kaizen", "--days", "-3", check_ok=False).stderr
    assert "no library" in kaizen("reviews", "missing.kaizen", check_ok=False).stderr


def test_export_ics_writes_a_calendar(kaizen, tmp_path: Path) -> None:
    kaizen("demo", "x.kaizen", check_ok=True)
    result = kaizen("export", "x.kaizen", "--workshop", "1", "-o", "followups.ics", check_ok=True)
    assert "Wrote 12 follow-up dates" in result.stdout
    raw = (tmp_path / "followups.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert raw.count(b"BEGIN:VEVENT") == 12 and raw.endswith(b"END:VCALENDAR\r\n")
    missing = kaizen("export", "x.kaizen", "--workshop", "9", "-o", "f.ics", check_ok=False)
    assert "no workshop with id 9" in missing.stderr
    assert not (tmp_path / "f.ics").exists()
