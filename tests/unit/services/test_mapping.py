"""Mapping on a real library: triage, behaviours, interventions and the action map with
its gaps, starting from the demo workshop (already mapped) and from an empty one."""

from datetime import date

import pytest

from kaizen_studio.domain.enums import CauseKind, InterventionKind
from kaizen_studio.domain.errors import InvalidInput, NotFound
from kaizen_studio.domain.tables import Theme
from kaizen_studio.domain.triage import GapKind, Subject
from kaizen_studio.services import behaviours, catalogue, cycles, interventions, mapping
from kaizen_studio.services.action_map import build_action_map
from kaizen_studio.services.catalogue import built_in_formats
from kaizen_studio.services.clock import FixedClock
from kaizen_studio.services.interchange import export_workshop
from kaizen_studio.services.outcomes import add_outcome, list_outcomes
from kaizen_studio.services.ranking import rank_themes
from kaizen_studio.services.removal import put_back
from kaizen_studio.services.voting import update_priority
from kaizen_studio.services.workshops import create_workshop
from kaizen_studio.storage.library import Library


def _theme_id(library: Library, workshop_id: int, name: str) -> int:
    return next(t.id for t in rank_themes(library, workshop_id) if t.name == name)


def _intervention(library: Library, workshop_id: int, title: str):
    return next(
        i for i in interventions.list_interventions(library, workshop_id) if i.title == title
    )


# -- the demo, as shipped ---------------------------------------------------------------


def test_the_demo_is_triaged_mapped_and_has_one_deliberate_gap(library: Library, demo_id: int):
    triage = mapping.list_triage(library, demo_id)
    chosen = [t.name for t in triage if t.chosen]
    assert chosen == [t.name for t in rank_themes(library, demo_id) if t.selected]
    billing = next(t for t in triage if t.name == "Slow billing lookups")
    assert billing.causes == (CauseKind.TOOLS_RESOURCES,)
    assert billing.answers.could_do_if_life_depended is True
    assert "Not a training problem" in billing.notes
    # Worked on before, though not chosen now: it stays in view, marked.
    assert [t.name for t in triage if not t.chosen] == ["New-starter confidence"]

    action_map = build_action_map(library, demo_id)
    assert len(action_map.behaviours) == 5 and len(action_map.interventions) == 7
    kinds = {i.kind for i in action_map.interventions}
    assert kinds == {InterventionKind.LEARNING, InterventionKind.NON_LEARNING}
    (gap,) = action_map.gaps
    assert gap.kind is GapKind.INTERVENTION_WITHOUT_BEHAVIOUR
    assert gap.message == "“Shadow a field engineer for a day” serves no behaviour."
    outline = action_map.outline()
    assert outline.startswith("Outcome: Customer retention (12-month) (70 → 84 %")
    assert "    Not learning: Single account view in billing (Tool or resource fix)" in outline
    assert outline.endswith("  Learning: Shadow a field engineer for a day (Job shadowing)")


def test_the_demo_export_names_each_interventions_format_from_the_catalogue(
    library: Library, demo_id: int
) -> None:
    data = export_workshop(library, demo_id)
    keys = {f.key for f in built_in_formats()}
    assert data["intervention"] and all(i["format_key"] in keys for i in data["intervention"])
    assert {i["kind"] for i in data["intervention"]} == {"learning", "non_learning"}
    assert len(data["behaviour"]) == 5 and data["behaviour_theme"] and data["triage"]


def test_taking_away_the_only_change_to_the_work_shows_training_aimed_at_a_process(
    library: Library, demo_id: int
) -> None:
    refund = _intervention(library, demo_id, "Refund authority up to £150")
    snapshot = interventions.delete_intervention(library, refund.id)
    gaps = build_action_map(library, demo_id).gaps
    theme_id = _theme_id(library, demo_id, "Unclear refund authority")
    flagged = [g for g in gaps if g.kind is GapKind.TRAINING_FOR_NON_SKILL_CAUSE]
    assert [(g.subject, g.subject_id) for g in flagged] == [(Subject.THEME, theme_id)]
    assert "process" in flagged[0].message
    put_back(library, snapshot)
    assert len(build_action_map(library, demo_id).gaps) == 1


# -- triage -------------------------------------------------------------------------------


def test_answers_suggest_causes_and_the_same_call_undoes_an_edit(
    library: Library, demo_id: int
) -> None:
    theme_id = _theme_id(library, demo_id, "Handle-time pressure")
    untouched = mapping.get_triage(library, theme_id)
    assert not untouched.started and untouched.suggested == ()
    previous = mapping.update_triage(
        library, theme_id, incentives_aligned=False, could_do_if_life_depended=True,
        notes="  Targets reward speed over fixing it  ",
    )  # fmt: skip
    assert previous == {"incentives_aligned": None, "could_do_if_life_depended": None,
                        "notes": ""}  # fmt: skip
    answered = mapping.get_triage(library, theme_id)
    assert answered.suggested == (CauseKind.INCENTIVES,)
    assert answered.notes == "Targets reward speed over fixing it"
    assert answered.causes == ()  # the facilitator decides
    kept = mapping.update_triage(
        library, theme_id, causes=["incentives", CauseKind.KNOWLEDGE_SKILL]
    )
    assert kept == {"causes": ()}
    decided = mapping.get_triage(library, theme_id)
    assert decided.causes == (CauseKind.KNOWLEDGE_SKILL, CauseKind.INCENTIVES)
    assert decided.findings and "not a skill gap" in decided.findings[0]
    mapping.update_triage(library, theme_id, **kept)
    mapping.update_triage(library, theme_id, **previous)
    assert mapping.get_triage(library, theme_id).causes == ()
    assert not mapping.get_triage(library, theme_id).started


def test_triage_refuses_what_it_cannot_store(library: Library, demo_id: int) -> None:
    theme_id = _theme_id(library, demo_id, "Slow billing lookups")
    with pytest.raises(InvalidInput, match="yes, no or not answered"):
        mapping.update_triage(library, theme_id, expectations_clear="maybe")
    with pytest.raises(InvalidInput, match="not a kind of cause"):
        mapping.update_triage(library, theme_id, causes=["bad luck"])
    with pytest.raises(InvalidInput, match="too long"):
        mapping.update_triage(library, theme_id, notes="x" * 4001)
    with pytest.raises(NotFound):
        mapping.update_triage(library, 9999, notes="")
    assert mapping.get_triage(library, theme_id).causes == (CauseKind.TOOLS_RESOURCES,)


def test_a_theme_taken_off_the_mapping_list_keeps_its_triage_in_view(
    library: Library, demo_id: int
) -> None:
    theme_id = _theme_id(library, demo_id, "Slow billing lookups")
    update_priority(library, theme_id, selected=False)
    item = next(t for t in mapping.list_triage(library, demo_id) if t.theme_id == theme_id)
    assert not item.chosen and item.causes == (CauseKind.TOOLS_RESOURCES,)


# -- behaviours ------------------------------------------------------------------------------


@pytest.fixture
def room(library: Library) -> dict[str, int]:
    """An empty workshop with one outcome and one theme, and a second workshop."""
    workshop = create_workshop(library, "Depot 4")
    other = create_workshop(library, "Depot 9")
    outcome = add_outcome(library, workshop.id, "Picking errors", unit="per 1,000")
    with library.session() as session:
        theme, foreign = (
            Theme(workshop_id=workshop.id, name="Labels"),
            Theme(workshop_id=other.id, name="Elsewhere"),
        )
        session.add_all([theme, foreign])
        session.flush()
        ids = {"theme": theme.id or 0, "foreign_theme": foreign.id or 0}
    return {"workshop": workshop.id, "other": other.id, "outcome": outcome.id, **ids}


def test_a_behaviour_links_a_kpi_and_themes_and_undo_restores_them(
    library: Library, room: dict[str, int]
) -> None:
    added = behaviours.add_behaviour(
        library, room["workshop"], " Pickers scan every label before loading ",
        outcome_id=room["outcome"], theme_ids=[room["theme"]],
    )  # fmt: skip
    assert added.statement == "Pickers scan every label before loading"
    assert (added.outcome_id, added.theme_ids, added.position) == (
        room["outcome"], (room["theme"],), 0,
    )  # fmt: skip
    previous = behaviours.update_behaviour(
        library, added.id, statement="Pickers scan each label", outcome_id=None, theme_ids=()
    )
    changed = behaviours.get_behaviour(library, added.id)
    assert (changed.statement, changed.outcome_id, changed.theme_ids) == (
        "Pickers scan each label", None, (),
    )  # fmt: skip
    behaviours.update_behaviour(library, added.id, **previous)
    assert behaviours.get_behaviour(library, added.id) == added


def test_a_behaviour_refuses_empty_text_and_links_to_other_workshops(
    library: Library, room: dict[str, int]
) -> None:
    with pytest.raises(InvalidInput, match="A behaviour cannot be empty"):
        behaviours.add_behaviour(library, room["workshop"], "   ")
    added = behaviours.add_behaviour(library, room["workshop"], "Pickers scan every label")
    with pytest.raises(NotFound, match=r"no theme with id \d+ in this workshop"):
        behaviours.update_behaviour(library, added.id, theme_ids=[room["foreign_theme"]])
    foreign_outcome = add_outcome(library, room["other"], "Late trucks")
    with pytest.raises(NotFound, match="no outcome"):
        behaviours.update_behaviour(library, added.id, outcome_id=foreign_outcome.id)
    assert behaviours.get_behaviour(library, added.id) == added


def test_an_unobservable_statement_is_kept_but_gets_a_hint(
    library: Library, room: dict[str, int]
) -> None:
    added = behaviours.add_behaviour(library, room["workshop"], "Pickers understand the labels")
    assert "cannot be seen" in added.hint


def test_deleting_a_behaviour_and_undoing_brings_its_links_back(
    library: Library, demo_id: int
) -> None:
    first = behaviours.list_behaviours(library, demo_id)[0]
    assert first.intervention_ids and first.theme_ids
    snapshot = behaviours.delete_behaviour(library, first.id)
    assert first.id not in [b.id for b in behaviours.list_behaviours(library, demo_id)]
    put_back(library, snapshot)
    assert behaviours.list_behaviours(library, demo_id)[0] == first


# -- interventions -----------------------------------------------------------------------------


def test_an_intervention_copies_its_formats_kind_and_undo_restores_it_exactly(
    library: Library, room: dict[str, int]
) -> None:
    behaviour = behaviours.add_behaviour(library, room["workshop"], "Pickers scan every label")
    item = interventions.add_intervention(
        library, room["workshop"], "Scan practice on the dock", "practice_simulation",
        owner="Ana", effort=2, cost=400, starts_on=date(2027, 1, 4), ends_on=date(2027, 1, 29),
        behaviour_ids=[behaviour.id],
    )  # fmt: skip
    assert (item.kind, item.practice, item.format_name) == (
        InterventionKind.LEARNING, True, "Practice activity or simulation",
    )  # fmt: skip
    assert item.behaviour_ids == (behaviour.id,) and item.cost == 400.0
    custom = catalogue.add_format(library, "Label printer swap", "non_learning")
    previous = interventions.update_intervention(library, item.id, format_key=custom.key)
    assert interventions.get_intervention(library, item.id).kind is InterventionKind.NON_LEARNING
    # The format changes kind later; undoing the change of format still restores the old kind.
    assert custom.custom_id is not None
    catalogue.update_format(library, custom.custom_id, kind="learning")
    interventions.update_intervention(library, item.id, **previous)
    assert interventions.get_intervention(library, item.id) == item


def test_an_intervention_refuses_bad_values_with_one_sentence(
    library: Library, room: dict[str, int]
) -> None:
    item = interventions.add_intervention(library, room["workshop"], "Fix the printer", "tool_fix")
    refusals = [
        ({"ends_on": date(2027, 1, 1), "starts_on": date(2027, 2, 1)}, "cannot end .* before"),
        ({"effort": 6}, "Effort must be a whole number from 1 to 5"),
        ({"cost": -5}, "The cost cannot be below 0"),
        ({"title": " "}, "title cannot be empty"),
        ({"format_key": "magic"}, "no intervention format “magic”"),
    ]
    for changes, message in refusals:
        with pytest.raises(InvalidInput, match=message):
            interventions.update_intervention(library, item.id, **changes)
    other_behaviour = behaviours.add_behaviour(library, room["other"], "Drivers call ahead")
    with pytest.raises(NotFound, match="in this workshop"):
        interventions.update_intervention(library, item.id, behaviour_ids=[other_behaviour.id])
    with pytest.raises(InvalidInput):
        interventions.add_intervention(library, room["workshop"], "Nothing", "no_such_format")
    assert interventions.get_intervention(library, item.id) == item


def test_an_intervention_knows_its_pdca_cycle(
    library: Library, demo_id: int, clock: FixedClock
) -> None:
    shadow = _intervention(library, demo_id, "Shadow a field engineer for a day")
    assert shadow.last_cycle_id is None and not shadow.cycle_running
    cycle_id = cycles.open_cycle(library, shadow.id, clock=clock)
    shadow = _intervention(library, demo_id, "Shadow a field engineer for a day")
    assert (shadow.last_cycle_id, shadow.last_cycle_number, shadow.cycle_running) == (
        cycle_id, 1, True,
    )  # fmt: skip
    standard = _intervention(library, demo_id, "Count callbacks kept, not only handle time")
    assert standard.last_cycle_decided and not standard.cycle_running


def test_deleting_an_intervention_takes_its_cycles_and_undo_brings_them_back(
    library: Library, demo_id: int
) -> None:
    refund = _intervention(library, demo_id, "Refund authority up to £150")
    assert refund.last_cycle_number == 2
    snapshot = interventions.delete_intervention(library, refund.id)
    assert snapshot.count("cycle") == 2
    put_back(library, snapshot)
    assert _intervention(library, demo_id, "Refund authority up to £150") == refund


def test_the_map_of_an_empty_workshop_asks_for_everything_in_turn(
    library: Library, room: dict[str, int]
) -> None:
    workshop_id = room["workshop"]
    update_priority(library, room["theme"], selected=True)
    kinds = [g.kind for g in build_action_map(library, workshop_id).gaps]
    assert kinds == [GapKind.THEME_WITHOUT_CAUSE, GapKind.THEME_WITHOUT_BEHAVIOUR]
    mapping.update_triage(library, room["theme"], causes=[CauseKind.KNOWLEDGE_SKILL])
    behaviour = behaviours.add_behaviour(library, workshop_id, "Pickers scan every label",
                                         theme_ids=[room["theme"]])  # fmt: skip
    kinds = [g.kind for g in build_action_map(library, workshop_id).gaps]
    assert kinds == [GapKind.BEHAVIOUR_WITHOUT_KPI, GapKind.BEHAVIOUR_WITHOUT_INTERVENTION]
    behaviours.update_behaviour(library, behaviour.id, outcome_id=room["outcome"])
    interventions.add_intervention(library, workshop_id, "Label e-learning", "e_learning",
                                   behaviour_ids=[behaviour.id])  # fmt: skip
    kinds = [g.kind for g in build_action_map(library, workshop_id).gaps]
    assert kinds == [GapKind.SKILL_GAP_WITHOUT_PRACTICE]
    interventions.add_intervention(library, workshop_id, "Scan drills", "practice_simulation",
                                   behaviour_ids=[behaviour.id])  # fmt: skip
    action_map = build_action_map(library, workshop_id)
    assert action_map.gaps == ()
    assert [o.kpi for o in action_map.outcomes] == [
        o.kpi for o in list_outcomes(library, workshop_id)
    ]
