"""`list FILE --workshop ID [--json]`: a workshop's themes in rank order, for people and scripts."""

import json
from pathlib import Path

from kaizen_studio.services.voting import update_priority
from kaizen_studio.services.workshops import create_workshop
from kaizen_studio.storage.library import open_library


def test_list_one_workshop_ranks_its_themes(kaizen) -> None:
    kaizen("demo", "x.kaizen", check_ok=True)
    data = json.loads(kaizen("list", "x.kaizen", "--workshop", "1", "--json", check_ok=True).stdout)
    themes = data["themes"]
    assert [t["rank"] for t in themes] == list(range(1, 8))
    assert all({"votes", "impact", "frequency", "score", "quadrant"} <= set(t) for t in themes)
    scores = [t["score"] for t in themes]
    assert scores == sorted(scores, reverse=True)
    assert themes[0]["name"] == "Call wrap-up and follow-through"
    assert sum(t["votes"] for t in themes) == 30
    assert data["voting"] == {
        "dot_budget": 3,
        "anonymous": False,
        "votes_on_notes": False,
        "people": 12,
        "placed": 30,
        "total": 36,
    }
    overridden = [t["name"] for t in themes if t["impact_overridden"]]
    assert overridden == ["Handle-time pressure"]


def test_text_marks_overrides_and_states_the_formula(kaizen, tmp_path: Path) -> None:
    kaizen("demo", "x.kaizen", check_ok=True)
    with open_library(tmp_path / "x.kaizen") as library:
        update_priority(library, 1, frequency_override=1)  # Slow billing lookups
    lines = kaizen("list", "x.kaizen", "--workshop", "1", check_ok=True).stdout.splitlines()
    assert "30 of 36 dots placed (12 people x 3)" in lines[1]
    billing = next(line for line in lines if "Slow billing lookups" in line)
    assert "1.0*" in billing.split() and "plan" in billing
    assert "* set by the facilitator instead of the notes' mean" in lines
    assert lines[-1].startswith("Score = 10 x (1/2 share of the most dots")


def test_list_works_while_the_library_is_open_in_the_app(kaizen, tmp_path: Path) -> None:
    kaizen("demo", "x.kaizen", check_ok=True)
    # The app holds the library exclusively; reading its ranking must still work.
    with open_library(tmp_path / "x.kaizen", exclusive=True):
        result = kaizen("list", "x.kaizen", "--workshop", "1", "--json", check_ok=True)
    assert len(json.loads(result.stdout)["themes"]) == 7


def test_a_workshop_without_themes(kaizen, tmp_path: Path) -> None:
    with open_library(tmp_path / "x.kaizen", create=True) as library:
        workshop_id = create_workshop(library, "Fresh start").id
    text = kaizen("list", "x.kaizen", "--workshop", str(workshop_id), check_ok=True).stdout
    assert text.splitlines()[-1] == "No themes yet."
    data = json.loads(
        kaizen("list", "x.kaizen", "--workshop", str(workshop_id), "--json", check_ok=True).stdout
    )
    assert data["themes"] == [] and data["voting"]["total"] == 0
    kaizen("list", "x.kaizen", "--workshop", "99", check_ok=False)
