"""Cause triage and the gaps of an action map: pure rules, no I/O.

Triage asks, in plain words, the questions of Gilbert's Behaviour
Engineering Model as Cathy Moore's Action Mapping puts them: the
environment first (expectations and feedback, tools and process,
incentives, the setting), and only then the person ("could they do it if
their life depended on it?"). A "no" points at a cause kind; the
facilitator decides which causes to keep, so suggestions and decisions are
stored apart.

The gap rules read a plain description of the map (themes with their
causes, behaviours with their KPI and themes, interventions with their kind
and behaviours) and say, one sentence each, where the map does not hold
together: nothing will change a behaviour, an intervention changes nothing
measured, training is aimed at a cause training cannot fix, or a skill gap
gets information but no practice.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from enum import StrEnum

from kaizen_studio.domain.enums import CauseKind, InterventionKind

# -- triage questions ---------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """One triage question; `key` is its column in the Triage table."""

    key: str
    text: str
    hint: str
    # What a "no" points at.
    causes_if_no: tuple[CauseKind, ...]


QUESTIONS: tuple[Question, ...] = (
    Question(
        "expectations_clear",
        "Do people know what is expected of them, and hear how they are doing?",
        "A clear standard, and feedback soon enough to act on it.",
        (CauseKind.EXPECTATIONS_FEEDBACK,),
    ),
    Question(
        "resources_adequate",
        "Do they have the tools, the time and a process that works?",
        "Systems, forms, equipment, staffing, and steps that do not get in the way.",
        (CauseKind.TOOLS_RESOURCES, CauseKind.PROCESS),
    ),
    Question(
        "incentives_aligned",
        "Do incentives and consequences point the right way?",
        "What is measured, rewarded or tolerated: does doing it right pay off?",
        (CauseKind.INCENTIVES,),
    ),
    Question(
        "environment_supports",
        "Does the setting let them do it?",
        "Noise, layout, interruptions, shifts, the physical place of work.",
        (CauseKind.ENVIRONMENT,),
    ),
    Question(
        "could_do_if_life_depended",
        "Could they do it if their life depended on it?",
        "If yes, it is not a skill gap, and training will not fix it.",
        (CauseKind.KNOWLEDGE_SKILL,),
    ),
)


@dataclass(frozen=True)
class TriageAnswers:
    """Yes (True), no (False) or not answered yet (None), one per question."""

    expectations_clear: bool | None = None
    resources_adequate: bool | None = None
    incentives_aligned: bool | None = None
    environment_supports: bool | None = None
    could_do_if_life_depended: bool | None = None

    def answer(self, key: str) -> bool | None:
        value: bool | None = getattr(self, key)
        return value

    @property
    def answered(self) -> int:
        return sum(self.answer(question.key) is not None for question in QUESTIONS)


ANSWER_KEYS = tuple(field.name for field in fields(TriageAnswers))


def suggest_causes(answers: TriageAnswers) -> tuple[CauseKind, ...]:
    """The cause kinds the "no" answers point at, in the order of CauseKind."""
    pointed = {
        cause
        for question in QUESTIONS
        if answers.answer(question.key) is False
        for cause in question.causes_if_no
    }
    return tuple(cause for cause in CauseKind if cause in pointed)


def triage_findings(answers: TriageAnswers, causes: Iterable[CauseKind]) -> tuple[str, ...]:
    """Where the chosen causes and the answers disagree on the one question that
    decides whether training can help."""
    chosen = set(causes)
    could_do = answers.could_do_if_life_depended
    skill = CauseKind.KNOWLEDGE_SKILL
    if could_do is True and skill in chosen:
        return (
            "They could do it if their life depended on it, so it is not a skill gap: "
            "training will not fix it.",
        )
    if could_do is False and skill not in chosen:
        return (
            "They could not do it even if their life depended on it: that is a skill gap, "
            "so keep Knowledge or skill among the causes.",
        )
    return ()


# -- behaviour statements -----------------------------------------------------

# Words for what happens inside someone's head: nobody in the room can see them.
_UNOBSERVABLE = re.compile(
    r"\b(know|knows|understand|understands|be aware|are aware|is aware|appreciate|"
    r"appreciates|realise|realize|recognise|recognize|believe|believes|feel|feels|"
    r"learn|learns|be familiar|are familiar)\b",
    re.IGNORECASE,
)
# "Let the customer know" is something one can watch someone do.
_LET_KNOW = re.compile(r"\blets? (\w+ ){1,3}know\b", re.IGNORECASE)


def unobservable_hint(statement: str) -> str:
    """A nudge when a behaviour says what people think rather than what they do;
    empty when the statement reads as something one could watch."""
    found = _UNOBSERVABLE.search(_LET_KNOW.sub(" ", statement))
    if found is None:
        return ""
    return (
        f"“{found.group(0)}” cannot be seen on the job: say what people will do, "
        "e.g. “agents confirm the fix with the customer before closing”."
    )


# -- gaps in the map ----------------------------------------------------------


@dataclass(frozen=True)
class MappedTheme:
    id: int
    name: str
    causes: frozenset[CauseKind]
    # Chosen in Prioritise to go on to mapping.
    chosen: bool = True


@dataclass(frozen=True)
class MappedBehaviour:
    id: int
    statement: str
    has_kpi: bool
    theme_ids: frozenset[int]


@dataclass(frozen=True)
class MappedIntervention:
    id: int
    title: str
    kind: InterventionKind
    # Learners practise the behaviour, rather than only receive information.
    practice: bool
    behaviour_ids: frozenset[int]


class GapKind(StrEnum):
    THEME_WITHOUT_CAUSE = "theme_without_cause"
    THEME_WITHOUT_BEHAVIOUR = "theme_without_behaviour"
    TRAINING_FOR_NON_SKILL_CAUSE = "training_for_non_skill_cause"
    SKILL_GAP_WITHOUT_PRACTICE = "skill_gap_without_practice"
    BEHAVIOUR_WITHOUT_KPI = "behaviour_without_kpi"
    BEHAVIOUR_WITHOUT_INTERVENTION = "behaviour_without_intervention"
    INTERVENTION_WITHOUT_BEHAVIOUR = "intervention_without_behaviour"
    INTERVENTION_WITHOUT_KPI = "intervention_without_kpi"


class Subject(StrEnum):
    """What a gap is about."""

    THEME = "theme"
    BEHAVIOUR = "behaviour"
    INTERVENTION = "intervention"


@dataclass(frozen=True)
class Gap:
    kind: GapKind
    subject: Subject
    subject_id: int
    message: str


@dataclass(frozen=True)
class MapPlan:
    """The map as the rules read it."""

    themes: Sequence[MappedTheme]
    behaviours: Sequence[MappedBehaviour]
    interventions: Sequence[MappedIntervention]


def find_gaps(plan: MapPlan) -> tuple[Gap, ...]:
    """Every gap of the map: themes first, then behaviours, then interventions,
    each in the order the plan lists them."""
    return (
        *_theme_gaps(plan),
        *_behaviour_gaps(plan),
        *_intervention_gaps(plan),
    )


def interventions_for_theme(plan: MapPlan, theme_id: int) -> list[MappedIntervention]:
    """Interventions that serve a behaviour answering the theme."""
    behaviour_ids = {b.id for b in plan.behaviours if theme_id in b.theme_ids}
    return [i for i in plan.interventions if i.behaviour_ids & behaviour_ids]


def _causes_text(causes: Iterable[CauseKind]) -> str:
    words = [cause.label.lower() for cause in CauseKind if cause in set(causes)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _theme_gaps(plan: MapPlan) -> list[Gap]:
    gaps: list[Gap] = []
    for theme in plan.themes:
        found = _one_theme(plan, theme)
        gaps.extend(Gap(kind, Subject.THEME, theme.id, message) for kind, message in found)
    return gaps


def _one_theme(plan: MapPlan, theme: MappedTheme) -> list[tuple[GapKind, str]]:
    name = f"“{theme.name}”"
    found: list[tuple[GapKind, str]] = []
    if theme.chosen and not theme.causes:
        found.append((GapKind.THEME_WITHOUT_CAUSE, f"{name} has no cause chosen yet."))
    answered = any(theme.id in b.theme_ids for b in plan.behaviours)
    if theme.chosen and not answered:
        found.append((GapKind.THEME_WITHOUT_BEHAVIOUR, f"No behaviour answers {name} yet."))
    serving = interventions_for_theme(plan, theme.id)
    if not serving:
        return found
    other_causes = theme.causes - {CauseKind.KNOWLEDGE_SKILL}
    if other_causes and all(i.kind is InterventionKind.LEARNING for i in serving):
        found.append(
            (
                GapKind.TRAINING_FOR_NON_SKILL_CAUSE,
                f"{name} has a cause in {_causes_text(other_causes)}, yet every intervention "
                "for it is learning: training will not change that.",
            )
        )
    if CauseKind.KNOWLEDGE_SKILL in theme.causes and not any(i.practice for i in serving):
        found.append(
            (
                GapKind.SKILL_GAP_WITHOUT_PRACTICE,
                f"{name} is a skill gap, but nothing planned for it lets people practise: "
                "add practice, coaching or similar.",
            )
        )
    return found


def _behaviour_gaps(plan: MapPlan) -> list[Gap]:
    served = {b for i in plan.interventions for b in i.behaviour_ids}
    gaps: list[Gap] = []
    for behaviour in plan.behaviours:
        name = f"“{behaviour.statement}”"
        if not behaviour.has_kpi:
            gaps.append(
                Gap(
                    GapKind.BEHAVIOUR_WITHOUT_KPI,
                    Subject.BEHAVIOUR,
                    behaviour.id,
                    f"{name} is not linked to an outcome KPI.",
                )
            )
        if behaviour.id not in served:
            gaps.append(
                Gap(
                    GapKind.BEHAVIOUR_WITHOUT_INTERVENTION,
                    Subject.BEHAVIOUR,
                    behaviour.id,
                    f"No intervention will change {name} yet.",
                )
            )
    return gaps


def _intervention_gaps(plan: MapPlan) -> list[Gap]:
    with_kpi = {b.id for b in plan.behaviours if b.has_kpi}
    known = {b.id for b in plan.behaviours}
    gaps: list[Gap] = []
    for intervention in plan.interventions:
        name = f"“{intervention.title}”"
        behaviours = intervention.behaviour_ids & known
        if not behaviours:
            gaps.append(
                Gap(
                    GapKind.INTERVENTION_WITHOUT_BEHAVIOUR,
                    Subject.INTERVENTION,
                    intervention.id,
                    f"{name} serves no behaviour.",
                )
            )
        elif not behaviours & with_kpi:
            gaps.append(
                Gap(
                    GapKind.INTERVENTION_WITHOUT_KPI,
                    Subject.INTERVENTION,
                    intervention.id,
                    f"{name} serves no behaviour linked to a KPI, so its effect cannot be "
                    "measured.",
                )
            )
    return gaps
