"""Gather a workshop's report data from plain exports: the interchange record and the ranking.

The export (services.interchange) holds every row of every stage with
references by position; the ranking (services.ranking) gives the themes'
priority. Both are read in their own units of work and joined here.
"""

import json
from collections import Counter
from datetime import date, timedelta
from typing import Any

from kaizen_studio.domain.enums import CauseKind, InterventionKind, StakeholderGroup
from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.interchange import export_workshop
from kaizen_studio.services.ranking import RankedTheme, rank_themes
from kaizen_studio.services.reports.data import (
    ActionLine,
    BehaviourSummary,
    CalendarEntry,
    CheckpointLine,
    CycleSummary,
    GroupCount,
    InterventionSummary,
    NoteLine,
    OutcomeSummary,
    Person,
    Reading,
    ReportData,
    ThemeSummary,
    TriageAnswer,
)
from kaizen_studio.services.reports.text import number
from kaizen_studio.services.resources import resource
from kaizen_studio.storage.library import Library

Record = dict[str, Any]

TRIAGE_QUESTIONS = (
    ("expectations_clear", "Do people know what is expected, and get feedback?"),
    ("resources_adequate", "Do they have the tools, time and a process that works?"),
    ("incentives_aligned", "Do incentives and consequences point the right way?"),
    ("could_do_if_life_depended", "Could they do it if their life depended on it?"),
    ("environment_supports", "Does the setting let them do it?"),
)
DUE_SOON_DAYS = 14


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _catalogue(custom: list[Record]) -> dict[str, Record]:
    text = resource("catalogue", "intervention_formats.json").read_text(encoding="utf-8")
    formats = {entry["key"]: entry for entry in json.loads(text)["formats"]}
    formats.update({entry["key"]: entry for entry in custom})
    return formats


def gather(library: Library, workshop_id: int, clock: Clock = SYSTEM_CLOCK) -> ReportData:
    """Everything a report prints about one workshop, as plain frozen data."""
    export = export_workshop(library, workshop_id)
    # The export lists themes in id order; the ranking names them by id.
    ranked = sorted(rank_themes(library, workshop_id), key=lambda theme: theme.id)
    return _Assembly(export, ranked, clock.today()).build()


class _Assembly:
    """Joins the export's lists by position into the report's summaries."""

    def __init__(self, export: Record, ranked: list[RankedTheme], today: date) -> None:
        self.x = export
        self.ranked = ranked
        self.today = today
        self.workshop: Record = export["workshop"]
        self.formats = _catalogue(export.get("custom_format", []))
        self.theme_names = [theme["name"] for theme in export["theme"]]
        self.kpis = [outcome["kpi"] for outcome in export["outcome"]]

    def build(self) -> ReportData:
        notes = self._notes()
        cycles = self._cycles()
        by_index = self._interventions(cycles)
        interventions = list(by_index.values())
        behaviours = self._behaviours(by_index)
        themes = self._themes(notes, behaviours)
        return ReportData(
            title=self.workshop["title"],
            intent=self.workshop["intent"],
            site=self.workshop["site"],
            facilitator=self.workshop["facilitator"],
            held_on=_day(self.workshop["held_on"]),
            today=self.today,
            anonymous_notes=bool(self.workshop["anonymous_notes"]),
            dot_budget=self.workshop["dot_budget"],
            checkpoint_days=self.workshop["checkpoint_days"],
            outcomes=self._outcomes(),
            groups=self._groups(),
            people=self._people(),
            themes=tuple(sorted(themes, key=lambda theme: theme.rank)),
            notes=tuple(notes),
            behaviours=tuple(behaviours),
            interventions=tuple(interventions),
            calendar=self._calendar(interventions),
            total_votes=len(self.x["vote"]),
            unsorted=tuple(note for note in notes if not note.theme),
        )

    # -- people and notes -------------------------------------------------------

    def _groups(self) -> tuple[GroupCount, ...]:
        counts = Counter(person["stakeholder_group"] for person in self.x["participant"])
        return tuple(
            GroupCount(group.label, counts[group.value])
            for group in StakeholderGroup
            if counts[group.value]
        )

    def _people(self) -> tuple[Person, ...]:
        if self.workshop["anonymous_notes"]:
            return ()
        return tuple(
            Person(p["name"], p["role"], StakeholderGroup(p["stakeholder_group"]).label)
            for p in self.x["participant"]
            if p["name"]
        )

    def _author(self, index: int | None) -> str:
        if index is None or self.workshop["anonymous_notes"]:
            return ""
        person = self.x["participant"][index]
        return person["name"] or ""

    def _notes(self) -> list[NoteLine]:
        dots = Counter(vote["note"] for vote in self.x["vote"] if vote["note"] is not None)
        return [
            NoteLine(
                number=position + 1,
                text=note["text"],
                author=self._author(note["participant"]),
                area=note["process_area"],
                frequency=note["frequency"],
                impact=note["impact"],
                theme="" if note["theme"] is None else self.theme_names[note["theme"]],
                votes=dots[position],
                stacked_on=None if note["stacked_on"] is None else note["stacked_on"] + 1,
                theme_key=note["theme"],
            )
            for position, note in enumerate(self.x["note"])
        ]

    # -- outcomes and cycles ------------------------------------------------------

    def _readings(self, key: str, index: int) -> tuple[Reading, ...]:
        found = [
            Reading(_day(m["taken_on"]) or self.today, m["value"], m["note"])
            for m in self.x["measurement"]
            if m[key] == index
        ]
        return tuple(sorted(found, key=lambda reading: reading.taken_on))

    def _outcomes(self) -> tuple[OutcomeSummary, ...]:
        ordered = sorted(enumerate(self.x["outcome"]), key=lambda pair: pair[1]["position"])
        return tuple(
            OutcomeSummary(
                kpi=outcome["kpi"],
                unit=outcome["unit"],
                increase=outcome["direction"] == "increase",
                baseline=outcome["baseline"],
                target=outcome["target"],
                due_on=_day(outcome["due_on"]),
                value_per_unit=outcome["value_per_unit"],
                readings=self._readings("outcome", index),
            )
            for index, outcome in ordered
        )

    def _cycles(self) -> dict[int, list[CycleSummary]]:
        """Cycles of each intervention (by its position in the export), in number order."""
        titles = [item["title"] for item in self.x["intervention"]]
        by_intervention: dict[int, list[CycleSummary]] = {}
        for index, cycle in enumerate(self.x["cycle"]):
            outcome = self.x["outcome"][cycle["outcome"]] if cycle["outcome"] is not None else {}
            summary = CycleSummary(
                intervention=titles[cycle["intervention"]],
                number=cycle["number"],
                phase=cycle["phase"],
                hypothesis=cycle["hypothesis"],
                kpi=outcome.get("kpi", ""),
                unit=outcome.get("unit", ""),
                baseline=cycle["baseline"],
                target=cycle["target"],
                owner=cycle["owner"],
                starts_on=_day(cycle["starts_on"]),
                do_started_on=_day(cycle["do_started_on"]),
                decision=cycle["decision"] or "",
                decision_reason=cycle["decision_reason"],
                decided_on=_day(cycle["decided_on"]),
                checkpoints=self._checkpoints(index),
                actions=self._actions(index),
                readings=self._readings("cycle", index),
            )
            by_intervention.setdefault(cycle["intervention"], []).append(summary)
        for cycles in by_intervention.values():
            cycles.sort(key=lambda cycle: cycle.number)
        return by_intervention

    def _checkpoints(self, cycle: int) -> tuple[CheckpointLine, ...]:
        value_at = {
            m["checkpoint"]: m["value"]
            for m in self.x["measurement"]
            if m["checkpoint"] is not None
        }
        found = [
            CheckpointLine(
                offset_days=c["offset_days"],
                due_on=_day(c["due_on"]) or self.today,
                done_on=_day(c["done_on"]),
                applied=c["applied"] or "",
                applied_by=c["applied_by"],
                how_observed=c["how_observed"],
                observations=c["observations"],
                reading=value_at.get(index),
            )
            for index, c in enumerate(self.x["checkpoint"])
            if c["cycle"] == cycle
        ]
        return tuple(sorted(found, key=lambda line: (line.due_on, line.offset_days)))

    def _actions(self, cycle: int) -> tuple[ActionLine, ...]:
        found = sorted(
            (a for a in self.x["action_item"] if a["cycle"] == cycle),
            key=lambda a: a["position"],
        )
        return tuple(
            ActionLine(a["text"], a["owner"], _day(a["due_on"]), a["done"], _day(a["done_on"]))
            for a in found
        )

    # -- the action map -------------------------------------------------------------

    def _interventions(
        self, cycles: dict[int, list[CycleSummary]]
    ) -> dict[int, InterventionSummary]:
        """Interventions in the facilitator's order, keyed by their position in the export."""
        statements = [b["statement"] for b in self.x["behaviour"]]
        themes_of: dict[int, list[str]] = {}
        for link in self.x["behaviour_theme"]:
            themes_of.setdefault(link["behaviour"], []).append(self.theme_names[link["theme"]])
        result = {}
        ordered = sorted(enumerate(self.x["intervention"]), key=lambda p: p[1]["position"])
        for index, item in ordered:
            served = [
                link["behaviour"]
                for link in self.x["intervention_behaviour"]
                if link["intervention"] == index
            ]
            themes = [name for b in served for name in themes_of.get(b, [])]
            entry = self.formats.get(item["format_key"], {})
            result[index] = InterventionSummary(
                title=item["title"],
                format_name=entry.get("name", item["format_key"].replace("_", " ")),
                kind=InterventionKind(item["kind"]),
                practice=bool(entry.get("practice", False)),
                owner=item["owner"],
                effort=item["effort"],
                cost=item["cost"],
                starts_on=_day(item["starts_on"]),
                ends_on=_day(item["ends_on"]),
                description=item["description"],
                behaviours=tuple(statements[b] for b in served),
                themes=tuple(dict.fromkeys(themes)),
                cycles=tuple(cycles.get(index, [])),
            )
        return result

    def _behaviours(self, interventions: dict[int, InterventionSummary]) -> list[BehaviourSummary]:
        ordered = sorted(enumerate(self.x["behaviour"]), key=lambda p: p[1]["position"])
        result = []
        for index, behaviour in ordered:
            keys = [
                link["theme"] for link in self.x["behaviour_theme"] if link["behaviour"] == index
            ]
            themes = [self.theme_names[key] for key in keys]
            serving = [
                interventions[link["intervention"]]
                for link in self.x["intervention_behaviour"]
                if link["behaviour"] == index
            ]
            kpi = self.kpis[behaviour["outcome"]] if behaviour["outcome"] is not None else ""
            result.append(
                BehaviourSummary(
                    behaviour["statement"], kpi, tuple(themes), tuple(serving), tuple(keys)
                )
            )
        return result

    def _themes(
        self, notes: list[NoteLine], behaviours: list[BehaviourSummary]
    ) -> list[ThemeSummary]:
        triage = {entry["theme"]: entry for entry in self.x["triage"]}
        causes: dict[int, list[str]] = {}
        for cause in self.x["cause"]:
            causes.setdefault(cause["theme"], []).append(CauseKind(cause["kind"]).label)
        result = []
        for index, (theme, ranked) in enumerate(zip(self.x["theme"], self.ranked, strict=True)):
            answers = triage.get(index, {})
            result.append(
                ThemeSummary(
                    rank=ranked.rank,
                    name=theme["name"],
                    color=theme["color"],
                    votes=ranked.votes,
                    impact=ranked.impact,
                    frequency=ranked.frequency,
                    effort=ranked.effort,
                    score=ranked.score,
                    selected=ranked.selected,
                    notes=tuple(n for n in notes if n.theme_key == index),
                    causes=tuple(causes.get(index, [])),
                    triage=tuple(
                        TriageAnswer(question, answers.get(key))
                        for key, question in TRIAGE_QUESTIONS
                        if answers
                    ),
                    triage_notes=answers.get("notes", ""),
                    behaviours=tuple(b for b in behaviours if index in b.theme_keys),
                )
            )
        return result

    # -- the follow-up calendar -------------------------------------------------------

    def _status(self, day: date, done: bool) -> str:
        if done:
            return "Done"
        if day < self.today:
            return "Overdue"
        if day <= self.today + timedelta(days=DUE_SOON_DAYS):
            return "Due soon"
        return "Upcoming"

    def _calendar(self, interventions: list[InterventionSummary]) -> tuple[CalendarEntry, ...]:
        entries: list[CalendarEntry] = []
        for item in interventions:
            for cycle in item.cycles:
                for check in cycle.checkpoints:
                    text = f"Day-{check.offset_days} check: {cycle.name}"
                    done = check.done_on is not None
                    entries.append(
                        CalendarEntry(
                            check.due_on,
                            "Checkpoint",
                            text,
                            cycle.owner,
                            self._status(check.due_on, done),
                        )
                    )
                for action in cycle.actions:
                    if action.due_on is not None:
                        status = self._status(action.due_on, action.done)
                        entries.append(
                            CalendarEntry(
                                action.due_on, "Action", action.text, action.owner, status
                            )
                        )
        for outcome in self._outcomes():
            if outcome.due_on is not None:
                text = f"{outcome.kpi}: target {number(outcome.target, outcome.unit)}"
                entries.append(
                    CalendarEntry(
                        outcome.due_on, "KPI due", text, "", self._status(outcome.due_on, False)
                    )
                )
        return tuple(sorted(entries, key=lambda e: (e.day, e.kind, e.text)))
