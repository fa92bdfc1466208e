"""A3 one-pagers: one landscape A3 page per theme, the Toyota way of telling a problem's story.

Left column: background, current condition, goal, root cause. Right column:
countermeasures, plan, follow-up. Each column shrinks to fit its page, so a
theme never spills onto a second sheet.
"""

from collections.abc import Collection
from datetime import date
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepInFrame, PageBreak, Paragraph, Table

from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.reports.blocks import gap, hint, markup, p, status, table
from kaizen_studio.services.reports.charts import kpi_chart
from kaizen_studio.services.reports.data import (
    CycleSummary,
    OutcomeSummary,
    ReportData,
    ThemeSummary,
)
from kaizen_studio.services.reports.fonts import REGULAR
from kaizen_studio.services.reports.gather import gather
from kaizen_studio.services.reports.styles import A3_PAGE, ACCENT, MARGIN, PANEL, RULE, styles
from kaizen_studio.services.reports.templates import Heading, ReportDocument
from kaizen_studio.services.reports.text import day, number, para, rating, shorten
from kaizen_studio.services.reports.workshop_report import Target, document_info, save
from kaizen_studio.storage.library import Library

PAGE_WIDTH = A3_PAGE[0] - 2 * MARGIN
COLUMN = (PAGE_WIDTH - 8 * mm) / 2
COLUMN_HEIGHT = 205 * mm  # the frame less the title lines
MOST_NOTES = 14
NOTE_LENGTH = 280


def _box(number_: int, title: str, content: list[Flowable]) -> list[Flowable]:
    head = markup(f"{number_}. {para(title)}", "a3_box")
    rule = HRFlowable(width="100%", thickness=1, color=ACCENT, spaceBefore=1, spaceAfter=4)
    return [head, rule, *content, gap(8)]


def _outcomes_of(theme: ThemeSummary, data: ReportData) -> list[OutcomeSummary]:
    kpis = {behaviour.kpi for behaviour in theme.behaviours if behaviour.kpi}
    chosen = [outcome for outcome in data.outcomes if outcome.kpi in kpis]
    return chosen or list(data.outcomes)


def _background(theme: ThemeSummary, data: ReportData) -> list[Flowable]:
    facts = (
        f"Ranked <b>{theme.rank} of {len(data.themes)}</b> by the room: {theme.votes} dots, "
        f"impact {rating(theme.impact)}, frequency {rating(theme.frequency)}, "
        f"score {theme.score:.2f}."
    )
    story: list[Flowable] = []
    if data.intent:
        story.append(p(data.intent, "a3_body"))
    story.append(markup(facts, "a3_body"))
    return story


def _current_condition(theme: ThemeSummary) -> list[Flowable]:
    notes = sorted(theme.notes, key=lambda note: (-note.votes, note.number))
    if not notes:
        return [hint("No notes in this theme.")]
    style = styles()
    dots = any(note.votes for note in notes)  # a column for dots only where notes got some
    rows = [
        [
            Paragraph(f"N{note.number}", style["cell_bold"]),
            Paragraph(para(shorten(note.text, NOTE_LENGTH)), style["a3_cell"]),
            note.area or "–",
            *([str(note.votes) if note.votes else ""] if dots else []),
        ]
        for note in notes[:MOST_NOTES]
    ]
    header = ["", "What the people who do the work said", "Area", *(["Dots"] if dots else [])]
    widths = [12 * mm, COLUMN - (52 if dots else 40) * mm, 28 * mm, *([12 * mm] if dots else [])]
    story: list[Flowable] = [table(header, rows, widths, align_right=(3,))]
    if len(notes) > MOST_NOTES:
        story.append(hint(f"And {len(notes) - MOST_NOTES} more notes: see the workshop report."))
    return story


def _goal(theme: ThemeSummary, data: ReportData) -> list[Flowable]:
    outcomes = _outcomes_of(theme, data)
    if not outcomes:
        return [hint("No KPI was set for this workshop.")]
    story: list[Flowable] = []
    for outcome in outcomes:
        aim = "raise" if outcome.increase else "lower"
        latest = (
            f", now <b>{number(outcome.latest.value, outcome.unit)}</b>" if outcome.latest else ""
        )
        story.append(
            markup(
                f"<b>{para(outcome.kpi)}</b>: {aim} from {number(outcome.baseline, outcome.unit)} "
                f"to <b>{number(outcome.target, outcome.unit)}</b> "
                f"by {day(outcome.due_on)}{latest}.",
                "a3_body",
            )
        )
    story.append(kpi_chart(outcomes[0], COLUMN, 46 * mm, data.held_on))
    return story


def _root_cause(theme: ThemeSummary) -> list[Flowable]:
    story: list[Flowable] = []
    if theme.triage:
        rows = [
            [answer.question, {True: "Yes", False: "No", None: "not asked"}[answer.answer]]
            for answer in theme.triage
        ]
        story.append(table(["Cause question", "Answer"], rows, [COLUMN - 30 * mm, 30 * mm]))
    if theme.causes:
        story.append(
            markup(f"<b>Causes settled on:</b> {para(', '.join(theme.causes))}", "a3_body")
        )
    if theme.triage_notes:
        story.append(p(theme.triage_notes, "a3_body"))
    return story or [hint("The cause has not been triaged yet.")]


def _countermeasures(theme: ThemeSummary) -> list[Flowable]:
    story: list[Flowable] = []
    for behaviour in theme.behaviours:
        story.append(markup(f"<b>Behaviour:</b> {para(behaviour.statement)}", "a3_body"))
    items = theme.interventions
    if items:
        rows = [
            [item.title, item.format_name, item.kind.label, item.owner or "–"] for item in items
        ]
        widths = [COLUMN - 100 * mm, 42 * mm, 28 * mm, 30 * mm]
        story.append(table(["Intervention", "Format", "Kind", "Owner"], rows, widths))
    return story or [hint("No behaviour or intervention has been mapped yet.")]


def _cycles(theme: ThemeSummary) -> list[CycleSummary]:
    return [cycle for item in theme.interventions for cycle in item.cycles]


def _plan(theme: ThemeSummary, data: ReportData) -> list[Flowable]:
    cycles = _cycles(theme)
    if not cycles:
        return [hint("No PDCA cycle has been started yet.")]
    style = styles()
    rows = [
        [
            Paragraph(para(cycle.name), style["cell_bold"]),
            cycle.phase.capitalize(),
            cycle.owner or "–",
            cycle.hypothesis or "–",
        ]
        for cycle in cycles
    ]
    widths = [50 * mm, 14 * mm, 22 * mm, COLUMN - 86 * mm]
    story: list[Flowable] = [table(["Cycle", "Phase", "Owner", "Hypothesis"], rows, widths)]
    actions = [(cycle, action) for cycle in cycles for action in cycle.actions]
    if actions:
        action_rows = [
            [
                action.text,
                action.owner or "–",
                day(action.due_on),
                Paragraph(
                    status("Done")
                    if action.done
                    else status("Overdue")
                    if action.due_on and action.due_on < data.today
                    else "Open",
                    style["cell"],
                ),
            ]
            for _, action in actions
        ]
        widths = [COLUMN - 78 * mm, 24 * mm, 34 * mm, 20 * mm]
        story += [gap(4), table(["Action", "Owner", "Due", "Status"], action_rows, widths)]
    return story


def _check_done(done_on: date | None, due_on: date, today: date) -> str:
    if done_on:
        return para(day(done_on))
    return status("Overdue") if due_on < today else "due"


def _follow_up(theme: ThemeSummary, data: ReportData) -> list[Flowable]:
    cycles = _cycles(theme)
    style = styles()
    rows: list[list[object]] = []
    extra: list[tuple[object, ...]] = []
    for cycle in cycles:
        if not cycle.checkpoints:
            continue
        at = len(rows) + 1
        extra += [("SPAN", (0, at), (-1, at)), ("BACKGROUND", (0, at), (-1, at), PANEL)]
        rows.append([Paragraph(f"<b>{para(cycle.name)}</b>", style["cell"]), "", "", "", "", ""])
        for check in cycle.checkpoints:
            rows.append(
                [
                    f"Day {check.offset_days}",
                    day(check.due_on),
                    Paragraph(_check_done(check.done_on, check.due_on, data.today), style["cell"]),
                    check.applied.capitalize() or "–",
                    number(check.reading, cycle.unit) if check.reading is not None else "–",
                    check.observations or "–",
                ]
            )
    story: list[Flowable] = []
    if rows:
        widths = [16 * mm, 24 * mm, 24 * mm, 16 * mm, 16 * mm, COLUMN - 96 * mm]
        header = ["Check", "Due", "Done", "Applied", "KPI", "Observations"]
        story.append(table(header, rows, widths, extra=extra, align_right=(4,)))
    for cycle in cycles:
        if cycle.decision:
            text = f"<b>{para(cycle.name)}: {para(cycle.decision.capitalize())}.</b> "
            story.append(markup(text + para(cycle.decision_reason), "a3_body"))
    return story or [hint("No checkpoint is scheduled yet.")]


def _column(content: list[Flowable]) -> KeepInFrame:
    return KeepInFrame(COLUMN, COLUMN_HEIGHT, content, mode="shrink", hAlign="LEFT", vAlign="TOP")


def one_pager(theme: ThemeSummary, data: ReportData) -> list[Flowable]:
    left = (
        _box(1, "Background", _background(theme, data))
        + _box(2, "Current condition", _current_condition(theme))
        + _box(3, "Goal", _goal(theme, data))
        + _box(4, "Root cause", _root_cause(theme))
    )
    right = (
        _box(5, "Countermeasures", _countermeasures(theme))
        + _box(6, "Plan", _plan(theme, data))
        + _box(7, "Follow-up", _follow_up(theme, data))
    )
    title = Heading(para(f"A3 · {theme.name}"), "a3_title", 0, theme.name)
    owners = sorted({cycle.owner for cycle in _cycles(theme) if cycle.owner})
    meta = [
        data.title,
        f"held {day(data.held_on)}" if data.held_on else "",
        f"as of {day(data.today)}",
    ]
    if owners:
        meta.append("owners: " + ", ".join(owners))
    columns = Table(
        [[_column(left), _column(right)]],
        colWidths=[COLUMN + 4 * mm, COLUMN + 4 * mm],
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8 * mm),
            ("LINEAFTER", (0, 0), (0, 0), 0.6, RULE),
            ("RIGHTPADDING", (1, 0), (1, 0), 0),
            ("LEFTPADDING", (1, 0), (1, 0), 4 * mm),
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ],
        hAlign="LEFT",
    )
    return [title, p(" · ".join(part for part in meta if part), "small"), gap(6), columns]


def chosen_themes(data: ReportData, ranks: Collection[int] | None = None) -> list[ThemeSummary]:
    """The themes asked for by rank; by default those chosen for mapping, else all of them."""
    if ranks is not None:
        return [theme for theme in data.themes if theme.rank in ranks]
    selected = [theme for theme in data.themes if theme.selected]
    return selected or list(data.themes)


def build_a3(
    data: ReportData,
    target: Target,
    *,
    ranks: Collection[int] | None = None,
    invariant: bool = False,
) -> int:
    """Write one A3 page per theme; returns the page count (at least one)."""
    themes = chosen_themes(data, ranks)

    def build(stream: IO[bytes]) -> int:
        document = ReportDocument(
            stream,
            document_info(data, "A3 one-pagers"),
            pagesize=A3_PAGE,
            invariant=invariant,
            cover=False,
        )
        story: list[Flowable] = []
        for theme in themes:
            story += [*one_pager(theme, data), PageBreak()]
        if not story:
            story = [markup("A3 one-pagers", "a3_title"), hint("This workshop has no themes yet.")]
        return document.build_story(story[:-1] if isinstance(story[-1], PageBreak) else story)

    return save(target, build)


def write_a3(
    library: Library,
    workshop_id: int,
    target: Target | IO[bytes],
    *,
    ranks: Collection[int] | None = None,
    clock: Clock = SYSTEM_CLOCK,
    invariant: bool = False,
) -> int:
    """Gather the workshop and write its A3 one-pagers; returns the number of pages."""
    return build_a3(gather(library, workshop_id, clock), target, ranks=ranks, invariant=invariant)
