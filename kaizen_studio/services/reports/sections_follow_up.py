"""Report sections on what happens next: the action map, PDCA cycles, the calendar, the notes."""

from collections import Counter
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from kaizen_studio.domain.enums import InterventionKind, Phase
from kaizen_studio.services.reports.blocks import (
    coloured,
    gap,
    hint,
    markup,
    note_entry,
    p,
    status,
    table,
)
from kaizen_studio.services.reports.charts import kpi_chart, split_bar
from kaizen_studio.services.reports.data import (
    BehaviourSummary,
    CycleSummary,
    InterventionSummary,
    ReportData,
)
from kaizen_studio.services.reports.sections_room import WIDTH, heading, plural
from kaizen_studio.services.reports.styles import (
    LEARNING,
    NON_LEARNING,
    PANEL,
    PHASE_COLOURS,
    panel_style,
    styles,
)
from kaizen_studio.services.reports.text import day, money, number, para

KIND_COLOURS = {InterventionKind.LEARNING: LEARNING, InterventionKind.NON_LEARNING: NON_LEARNING}


def _kind(item: InterventionSummary) -> str:
    return coloured(item.kind.label, KIND_COLOURS[item.kind])


def _phase(phase: str) -> str:
    return coloured(Phase(phase).label, PHASE_COLOURS[phase])


# -- action map ------------------------------------------------------------------------


def action_map(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [heading("Action map")]
    story.append(
        p(
            "Working back from each outcome: the behaviour that must change, and the "
            "interventions that will change it. Training is chosen only where the cause is a "
            "gap in knowledge or skill; otherwise the work itself changes."
        )
    )
    kinds = Counter(item.kind for item in data.interventions)
    learning, other = kinds[InterventionKind.LEARNING], kinds[InterventionKind.NON_LEARNING]
    story += [split_bar(learning, other, WIDTH), gap(6)]
    for kpi in [o.kpi for o in data.outcomes] + [""]:
        behaviours = [b for b in data.behaviours if b.kpi == kpi]
        if not behaviours:
            continue
        story.append(heading(f"Outcome: {kpi}" if kpi else "Behaviours not tied to a KPI", 1))
        story.append(_behaviour_table(behaviours))
    if not data.behaviours:
        story.append(hint("No behaviours were mapped yet."))
    if data.interventions:
        story.append(heading("Interventions", 1))
        story.append(_intervention_table(data.interventions))
    return story


def _behaviour_table(behaviours: list[BehaviourSummary]) -> Table:
    style = styles()
    rows = []
    for behaviour in behaviours:
        items = [
            Paragraph(f"{para(item.title)} <font size='7'>({_kind(item)})</font>", style["cell"])
            for item in behaviour.interventions
        ] or [Paragraph("<i>none yet</i>", style["cell"])]
        rows.append(
            [
                Paragraph(para(behaviour.statement), style["cell_bold"]),
                ", ".join(behaviour.themes) or "–",
                items,
            ]
        )
    header = ["Behaviour that must change", "Answers the themes", "Interventions"]
    return table(header, rows, [70 * mm, 44 * mm, 60 * mm])


def _intervention_table(interventions: tuple[InterventionSummary, ...]) -> Table:
    style = styles()
    rows = []
    for item in interventions:
        when = f"{day(item.starts_on)} to {day(item.ends_on)}" if item.starts_on else "–"
        rows.append(
            [
                Paragraph(para(item.title), style["cell_bold"]),
                item.format_name,
                Paragraph(_kind(item), style["cell"]),
                item.owner or "–",
                "–" if item.effort is None else f"{item.effort}/5",
                money(item.cost),
                when,
            ]
        )
    header = ["Intervention", "Format", "Kind", "Owner", "Effort", "Cost", "When"]
    widths = [46 * mm, 30 * mm, 20 * mm, 17 * mm, 13 * mm, 15 * mm, 33 * mm]
    return table(header, rows, widths, align_right=(4, 5))


# -- PDCA ----------------------------------------------------------------------------------


def _next_check(cycle: CycleSummary) -> str:
    open_checks = [c for c in cycle.checkpoints if c.done_on is None]
    return day(open_checks[0].due_on) if open_checks else "–"


def pdca(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [heading("PDCA plan and status")]
    cycles = data.cycles
    if not cycles:
        return [*story, hint("No Plan-Do-Check-Act cycle has been started yet.")]
    phases = Counter(cycle.phase for cycle in cycles)
    counts = ", ".join(f"{phases[ph.value]} in {ph.label}" for ph in Phase if phases[ph.value])
    story.append(p(f"{plural(len(cycles), 'cycle')}: {counts}."))
    style = styles()
    rows = [
        [
            Paragraph(para(cycle.name), style["cell_bold"]),
            Paragraph(_phase(cycle.phase), style["cell"]),
            cycle.owner or "–",
            f"{cycle.kpi or '–'}: {number(cycle.baseline, cycle.unit)} → "
            f"{number(cycle.target, cycle.unit)}",
            _next_check(cycle),
            cycle.decision.capitalize() or "–",
        ]
        for cycle in cycles
    ]
    header = ["Cycle", "Phase", "Owner", "Measured by", "Next check", "Decision"]
    story.append(table(header, rows, [48 * mm, 15 * mm, 17 * mm, 50 * mm, 22 * mm, 22 * mm]))
    if data.outcomes:
        story.append(heading("KPI charts", 1))
        for outcome in data.outcomes:
            title = markup(f"<b>{para(outcome.kpi)}</b>", "h3")
            story.append(KeepTogether([title, kpi_chart(outcome, WIDTH, 52 * mm, data.held_on)]))
    for cycle in cycles:
        story.extend(_cycle(cycle, data.today))
    return story


def _when_done(done_on: date | None, due_on: date | None, today: date) -> str:
    """Done on a day, or still open (and overdue once its day has passed)."""
    if done_on is not None:
        return para(day(done_on))
    if due_on is not None and due_on < today:
        return status("Overdue")
    return "not yet"


def _cycle(cycle: CycleSummary, today: date) -> list[Flowable]:
    style = styles()
    line = [f"Phase {_phase(cycle.phase)}"]
    if cycle.owner:
        line.append(f"owner {para(cycle.owner)}")
    if cycle.do_started_on:
        line.append(f"Do started {day(cycle.do_started_on)}")
    opening = [heading(cycle.name, 1), markup(" · ".join(line), "small")]
    if cycle.hypothesis:
        opening.append(markup(f"<b>Hypothesis.</b> {para(cycle.hypothesis)}"))
    story: list[Flowable] = [KeepTogether(opening)]
    if cycle.checkpoints:
        rows = [
            [
                f"Day {check.offset_days}",
                day(check.due_on),
                Paragraph(_when_done(check.done_on, check.due_on, today), style["cell"]),
                check.applied.capitalize() or "–",
                "; ".join(x for x in (check.applied_by, check.how_observed) if x) or "–",
                number(check.reading, cycle.unit) if check.reading is not None else "–",
                check.observations or "–",
            ]
            for check in cycle.checkpoints
        ]
        header = ["Check", "Due", "Done", "Applied", "By whom, how seen", "KPI", "Observations"]
        widths = [14 * mm, 22 * mm, 22 * mm, 15 * mm, 36 * mm, 15 * mm, 50 * mm]
        story += [gap(2), table(header, rows, widths, align_right=(5,))]
    if cycle.actions:
        rows = [
            [
                action.text,
                action.owner or "–",
                day(action.due_on),
                Paragraph(_action_status(action.done, action.due_on, today), style["cell"]),
            ]
            for action in cycle.actions
        ]
        story += [
            gap(4),
            table(
                ["Action", "Owner", "Due", "Status"], rows, [102 * mm, 25 * mm, 25 * mm, 22 * mm]
            ),
        ]
    if cycle.decision:
        text = f"<b>Act: {para(cycle.decision.capitalize())}</b>"
        if cycle.decided_on:
            text += f" on {day(cycle.decided_on)}"
        if cycle.decision_reason:
            text += f". {para(cycle.decision_reason)}"
        box = Table([[markup(text)]], colWidths=[WIDTH], style=panel_style(PANEL))
        story += [gap(4), box]
    return story


def _action_status(done: bool, due_on: date | None, today: date) -> str:
    if done:
        return status("Done")
    if due_on is not None and due_on < today:
        return status("Overdue")
    return "Open"


# -- calendar and appendix ---------------------------------------------------------------


def calendar(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [heading("Follow-up calendar")]
    if not data.calendar:
        return [*story, hint("Nothing is scheduled yet.")]
    story.append(
        p(
            f"Checkpoints, action items and KPI due dates, as of {day(data.today)}. "
            "Overdue items come first in any review."
        )
    )
    style = styles()
    rows: list[list[object]] = []
    extra: list[tuple[object, ...]] = []
    month = ""
    for entry in data.calendar:
        label = f"{entry.day:%B %Y}"
        if label != month:
            month = label
            extra += [
                ("SPAN", (0, len(rows) + 1), (-1, len(rows) + 1)),
                ("BACKGROUND", (0, len(rows) + 1), (-1, len(rows) + 1), PANEL),
            ]
            rows.append([Paragraph(f"<b>{label}</b>", style["cell"]), "", "", "", ""])
        rows.append(
            [
                day(entry.day),
                entry.kind,
                entry.text,
                entry.owner or "–",
                Paragraph(status(entry.status), style["cell"]),
            ]
        )
    header = ["Date", "What", "Detail", "Owner", "Status"]
    widths = [22 * mm, 20 * mm, 92 * mm, 20 * mm, 20 * mm]
    story.append(table(header, rows, widths, extra=extra))
    return story


def appendix(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [heading("Appendix: all notes")]
    story.append(
        p(
            "Every note in the order it was captured. The N-numbers are the ones used "
            "throughout this report."
        )
    )
    for note in data.notes:
        story.extend(note_entry(note, with_theme=True))
    if not data.notes:
        story.append(hint("No notes were captured."))
    return story
