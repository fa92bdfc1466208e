"""Cause triage and the gap warnings of the action map: pure rules, no database."""

import pytest

from kaizen_studio.domain.enums import CauseKind, InterventionKind
from kaizen_studio.domain.triage import (
    QUESTIONS,
    GapKind,
    MappedBehaviour,
    MappedIntervention,
    MappedTheme,
    MapPlan,
    Subject,
    TriageAnswers,
    find_gaps,
    suggest_causes,
    triage_findings,
    unobservable_hint,
)

LEARNING, NON_LEARNING = InterventionKind.LEARNING, InterventionKind.NON_LEARNING

# -- triage -------------------------------------------------------------------------


def test_nothing_is_suggested_until_someone_says_no() -> None:
    assert suggest_causes(TriageAnswers()) == ()
    everything_fine = TriageAnswers(True, True, True, True, True)
    assert suggest_causes(everything_fine) == ()


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("expectations_clear", (CauseKind.EXPECTATIONS_FEEDBACK,)),
        ("resources_adequate", (CauseKind.PROCESS, CauseKind.TOOLS_RESOURCES)),
        ("incentives_aligned", (CauseKind.INCENTIVES,)),
        ("environment_supports", (CauseKind.ENVIRONMENT,)),
        ("could_do_if_life_depended", (CauseKind.KNOWLEDGE_SKILL,)),
    ],
)
def test_each_no_points_at_its_causes(key: str, expected: tuple[CauseKind, ...]) -> None:
    assert suggest_causes(TriageAnswers(**{key: False})) == expected


def test_several_noes_add_up_in_a_stable_order() -> None:
    answers = TriageAnswers(
        expectations_clear=False, incentives_aligned=False, could_do_if_life_depended=False
    )
    assert suggest_causes(answers) == (
        CauseKind.KNOWLEDGE_SKILL,
        CauseKind.INCENTIVES,
        CauseKind.EXPECTATIONS_FEEDBACK,
    )
    assert answers.answered == 3


def test_the_questions_ask_about_the_environment_before_the_person() -> None:
    assert QUESTIONS[-1].key == "could_do_if_life_depended"
    assert "not a skill gap" in QUESTIONS[-1].hint
    assert {q.key for q in QUESTIONS} == set(TriageAnswers.__dataclass_fields__)


def test_a_skill_cause_is_questioned_when_they_could_do_it_if_their_life_depended_on_it() -> None:
    could = TriageAnswers(could_do_if_life_depended=True)
    (finding,) = triage_findings(could, [CauseKind.KNOWLEDGE_SKILL, CauseKind.PROCESS])
    assert "not a skill gap" in finding
    assert triage_findings(could, [CauseKind.PROCESS]) == ()


def test_a_true_skill_gap_left_off_the_causes_is_pointed_out() -> None:
    could_not = TriageAnswers(could_do_if_life_depended=False)
    (finding,) = triage_findings(could_not, [CauseKind.PROCESS])
    assert "skill gap" in finding and "Knowledge or skill" in finding
    assert triage_findings(could_not, [CauseKind.KNOWLEDGE_SKILL]) == ()
    assert triage_findings(TriageAnswers(), []) == ()


# -- behaviour statements -----------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "Agents understand the refund policy",
        "Pickers know where the short-dated stock goes",
        "Drivers are aware of the new route",
    ],
)
def test_statements_about_what_people_think_get_a_nudge(statement: str) -> None:
    assert "cannot be seen" in unobservable_hint(statement)


@pytest.mark.parametrize(
    "statement",
    [
        "Agents confirm the fix with the customer before closing the ticket",
        "Agents let the customer know the next step before hanging up",
        "Pickers acknowledge every short pick on the scanner",
    ],
)
def test_observable_statements_pass_quietly(statement: str) -> None:
    assert unobservable_hint(statement) == ""


# -- gaps -----------------------------------------------------------------------------


def theme(id: int = 1, *causes: CauseKind, chosen: bool = True) -> MappedTheme:
    return MappedTheme(id, f"Theme {id}", frozenset(causes), chosen)


def behaviour(id: int, *themes: int, kpi: bool = True) -> MappedBehaviour:
    return MappedBehaviour(id, f"Behaviour {id}", kpi, frozenset(themes))


def intervention(
    id: int, kind: InterventionKind, *behaviours: int, practice: bool = False
) -> MappedIntervention:
    return MappedIntervention(id, f"Intervention {id}", kind, practice, frozenset(behaviours))


def kinds(plan: MapPlan) -> list[tuple[GapKind, Subject, int]]:
    return [(gap.kind, gap.subject, gap.subject_id) for gap in find_gaps(plan)]


def test_a_sound_map_has_no_gaps() -> None:
    plan = MapPlan(
        themes=[theme(1, CauseKind.KNOWLEDGE_SKILL, CauseKind.PROCESS)],
        behaviours=[behaviour(10, 1)],
        interventions=[
            intervention(100, LEARNING, 10, practice=True),
            intervention(101, NON_LEARNING, 10),
        ],
    )
    assert find_gaps(plan) == ()


def test_a_behaviour_with_no_intervention_is_flagged() -> None:
    plan = MapPlan([theme(1, CauseKind.PROCESS)], [behaviour(10, 1)], [])
    (gap,) = find_gaps(plan)
    assert (gap.kind, gap.subject, gap.subject_id) == (
        GapKind.BEHAVIOUR_WITHOUT_INTERVENTION,
        Subject.BEHAVIOUR,
        10,
    )
    assert gap.message == "No intervention will change “Behaviour 10” yet."


def test_a_behaviour_with_no_kpi_is_flagged() -> None:
    plan = MapPlan([], [behaviour(10, kpi=False)], [intervention(100, NON_LEARNING, 10)])
    assert (GapKind.BEHAVIOUR_WITHOUT_KPI, Subject.BEHAVIOUR, 10) in kinds(plan)


def test_an_intervention_serving_no_behaviour_is_flagged() -> None:
    plan = MapPlan([], [], [intervention(100, LEARNING)])
    (gap,) = find_gaps(plan)
    assert gap.kind is GapKind.INTERVENTION_WITHOUT_BEHAVIOUR
    assert gap.message == "“Intervention 100” serves no behaviour."


def test_an_intervention_linked_to_a_behaviour_that_no_longer_exists_serves_nothing() -> None:
    plan = MapPlan([], [], [intervention(100, LEARNING, 99)])
    assert kinds(plan) == [(GapKind.INTERVENTION_WITHOUT_BEHAVIOUR, Subject.INTERVENTION, 100)]


def test_an_intervention_serving_no_kpi_is_flagged() -> None:
    plan = MapPlan(
        [],
        [behaviour(10, kpi=False), behaviour(11, kpi=False)],
        [intervention(100, NON_LEARNING, 10, 11)],
    )
    assert (GapKind.INTERVENTION_WITHOUT_KPI, Subject.INTERVENTION, 100) in kinds(plan)
    # One behaviour with a KPI is enough for the intervention to be measured.
    plan = MapPlan(
        [],
        [behaviour(10, kpi=False), behaviour(11)],
        [intervention(100, NON_LEARNING, 10, 11)],
    )
    assert GapKind.INTERVENTION_WITHOUT_KPI not in [k for k, _s, _i in kinds(plan)]


@pytest.mark.parametrize(
    "cause",
    [
        CauseKind.PROCESS,
        CauseKind.TOOLS_RESOURCES,
        CauseKind.INCENTIVES,
        CauseKind.EXPECTATIONS_FEEDBACK,
        CauseKind.ENVIRONMENT,
    ],
)
def test_training_alone_for_a_cause_that_is_not_a_skill_gap_is_flagged(cause: CauseKind) -> None:
    plan = MapPlan(
        [theme(1, cause)],
        [behaviour(10, 1)],
        [intervention(100, LEARNING, 10, practice=True), intervention(101, LEARNING, 10)],
    )
    (gap,) = find_gaps(plan)
    assert (gap.kind, gap.subject, gap.subject_id) == (
        GapKind.TRAINING_FOR_NON_SKILL_CAUSE,
        Subject.THEME,
        1,
    )
    assert cause.label.lower() in gap.message and "training will not change that" in gap.message


def test_a_change_to_the_work_beside_the_training_answers_a_non_skill_cause() -> None:
    plan = MapPlan(
        [theme(1, CauseKind.PROCESS)],
        [behaviour(10, 1), behaviour(11, 1)],
        [intervention(100, LEARNING, 10), intervention(101, NON_LEARNING, 11)],
    )
    assert find_gaps(plan) == ()


def test_a_mixed_cause_still_needs_more_than_training() -> None:
    plan = MapPlan(
        [theme(1, CauseKind.KNOWLEDGE_SKILL, CauseKind.INCENTIVES)],
        [behaviour(10, 1)],
        [intervention(100, LEARNING, 10, practice=True)],
    )
    (gap,) = find_gaps(plan)
    assert gap.kind is GapKind.TRAINING_FOR_NON_SKILL_CAUSE
    assert "incentives or consequences" in gap.message


def test_a_skill_gap_met_only_with_information_is_flagged() -> None:
    plan = MapPlan(
        [theme(1, CauseKind.KNOWLEDGE_SKILL)],
        [behaviour(10, 1)],
        [intervention(100, LEARNING, 10), intervention(101, LEARNING, 10)],  # e-learning, talk
    )
    (gap,) = find_gaps(plan)
    assert (gap.kind, gap.subject_id) == (GapKind.SKILL_GAP_WITHOUT_PRACTICE, 1)
    assert "practise" in gap.message


def test_practice_anywhere_in_the_themes_plan_answers_a_skill_gap() -> None:
    plan = MapPlan(
        [theme(1, CauseKind.KNOWLEDGE_SKILL)],
        [behaviour(10, 1), behaviour(11, 1)],
        [intervention(100, LEARNING, 10), intervention(101, LEARNING, 11, practice=True)],
    )
    assert find_gaps(plan) == ()


def test_a_chosen_theme_without_cause_or_behaviour_is_flagged_but_not_an_unchosen_one() -> None:
    plan = MapPlan([theme(1), theme(2, chosen=False)], [], [])
    assert kinds(plan) == [
        (GapKind.THEME_WITHOUT_CAUSE, Subject.THEME, 1),
        (GapKind.THEME_WITHOUT_BEHAVIOUR, Subject.THEME, 1),
    ]


def test_gaps_come_in_map_order_themes_then_behaviours_then_interventions() -> None:
    plan = MapPlan(
        [theme(1, CauseKind.TOOLS_RESOURCES)],
        [behaviour(10, 1), behaviour(11, kpi=False)],
        [intervention(100, LEARNING, 10), intervention(101, LEARNING)],
    )
    assert kinds(plan) == [
        (GapKind.TRAINING_FOR_NON_SKILL_CAUSE, Subject.THEME, 1),
        (GapKind.BEHAVIOUR_WITHOUT_KPI, Subject.BEHAVIOUR, 11),
        (GapKind.BEHAVIOUR_WITHOUT_INTERVENTION, Subject.BEHAVIOUR, 11),
        (GapKind.INTERVENTION_WITHOUT_BEHAVIOUR, Subject.INTERVENTION, 101),
    ]
