"""The action map as plain data: Outcome -> Behaviours -> Interventions, the themes that
fed them, and the gaps the map rules find (see domain.triage)."""

from collections.abc import Sequence
from dataclasses import dataclass

from kaizen_studio.domain.enums import CauseKind, InterventionKind
from kaizen_studio.domain.triage import (
    Gap,
    MappedBehaviour,
    MappedIntervention,
    MappedTheme,
    MapPlan,
    Subject,
    find_gaps,
)
from kaizen_studio.services.behaviours import BehaviourInfo, list_behaviours
from kaizen_studio.services.interventions import InterventionInfo, list_interventions
from kaizen_studio.services.mapping import ThemeTriage, list_triage
from kaizen_studio.services.outcomes import OutcomeInfo, list_outcomes
from kaizen_studio.services.ranking import RankedTheme, rank_themes
from kaizen_studio.storage.library import Library


@dataclass(frozen=True)
class MapOutcome:
    id: int
    kpi: str
    # "70 → 84 % by 2027-09-27"
    target: str


@dataclass(frozen=True)
class MapTheme:
    id: int
    name: str
    color: str
    causes: tuple[CauseKind, ...]
    chosen: bool


@dataclass(frozen=True)
class MapBehaviour:
    id: int
    statement: str
    outcome_id: int | None
    theme_ids: tuple[int, ...]


@dataclass(frozen=True)
class MapIntervention:
    id: int
    title: str
    format_name: str
    kind: InterventionKind
    practice: bool
    owner: str
    behaviour_ids: tuple[int, ...]


@dataclass(frozen=True)
class ActionMap:
    outcomes: tuple[MapOutcome, ...]
    behaviours: tuple[MapBehaviour, ...]
    interventions: tuple[MapIntervention, ...]
    themes: tuple[MapTheme, ...]
    gaps: tuple[Gap, ...]

    def gaps_of(self, subject: Subject, subject_id: int) -> list[Gap]:
        return [g for g in self.gaps if g.subject is subject and g.subject_id == subject_id]

    def behaviours_of(self, outcome_id: int | None) -> list[MapBehaviour]:
        """Behaviours of one KPI; None gives those tied to no KPI."""
        known = {outcome.id for outcome in self.outcomes}
        return [
            b
            for b in self.behaviours
            if b.outcome_id == outcome_id or (outcome_id is None and b.outcome_id not in known)
        ]

    def serving(self, behaviour_id: int) -> list[MapIntervention]:
        return [i for i in self.interventions if behaviour_id in i.behaviour_ids]

    def theme(self, theme_id: int) -> MapTheme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def outline(self) -> str:
        """The map as indented text, for screen readers and for copying."""
        lines: list[str] = []
        groups = [(o.id, f"Outcome: {o.kpi} ({o.target})") for o in self.outcomes]
        for outcome_id, heading in [*groups, (None, "Behaviours not tied to a KPI")]:
            behaviours = self.behaviours_of(outcome_id)
            if not behaviours and outcome_id is None:
                continue
            lines.append(heading)
            for behaviour in behaviours:
                themes = [t.name for t in map(self.theme, behaviour.theme_ids) if t]
                fed = f" (from {', '.join(themes)})" if themes else ""
                lines.append(f"  Behaviour: {behaviour.statement}{fed}")
                for item in self.serving(behaviour.id):
                    lines.append(f"    {item.kind.label}: {item.title} ({item.format_name})")
        orphans = [i for i in self.interventions if not i.behaviour_ids]
        if orphans:
            lines.append("Interventions serving no behaviour")
            lines += [f"  {i.kind.label}: {i.title} ({i.format_name})" for i in orphans]
        return "\n".join(lines)


def _target(outcome_summary: str, kpi: str) -> str:
    return outcome_summary.removeprefix(f"{kpi}: ")


def build_action_map(library: Library, workshop_id: int) -> ActionMap:
    ranked = rank_themes(library, workshop_id)
    return assemble_action_map(
        list_outcomes(library, workshop_id),
        list_triage(library, workshop_id, ranked),
        list_behaviours(library, workshop_id),
        list_interventions(library, workshop_id),
        ranked,
    )


def assemble_action_map(
    outcome_infos: Sequence[OutcomeInfo],
    triage: Sequence[ThemeTriage],
    behaviour_infos: Sequence[BehaviourInfo],
    intervention_infos: Sequence[InterventionInfo],
    ranked: Sequence[RankedTheme],
) -> ActionMap:
    """The map from what the services already handed out (the Map page has loaded it all)."""
    outcomes = tuple(MapOutcome(o.id, o.kpi, _target(o.summary, o.kpi)) for o in outcome_infos)
    themes = tuple(MapTheme(t.theme_id, t.name, t.color, t.causes, t.chosen) for t in triage)
    behaviours = tuple(
        MapBehaviour(b.id, b.statement, b.outcome_id, b.theme_ids) for b in behaviour_infos
    )
    interventions = tuple(
        MapIntervention(i.id, i.title, i.format_name, i.kind, i.practice, i.owner,
                        i.behaviour_ids)
        for i in intervention_infos
    )  # fmt: skip
    # A behaviour may answer a theme that was never chosen nor triaged: show it too.
    extra = {t for b in behaviours for t in b.theme_ids} - {t.id for t in themes}
    themes += tuple(MapTheme(r.id, r.name, r.color, (), False) for r in ranked if r.id in extra)
    outcome_ids = {o.id for o in outcomes}
    plan = MapPlan(
        themes=[MappedTheme(t.id, t.name, frozenset(t.causes), t.chosen) for t in themes],
        behaviours=[
            MappedBehaviour(b.id, b.statement, b.outcome_id in outcome_ids, frozenset(b.theme_ids))
            for b in behaviours
        ],
        interventions=[
            MappedIntervention(i.id, i.title, i.kind, i.practice, frozenset(i.behaviour_ids))
            for i in interventions
        ],
    )
    return ActionMap(outcomes, behaviours, interventions, themes, find_gaps(plan))
