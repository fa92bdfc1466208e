"""Report sections on what happened in the room: intent and outcomes, people, themes, votes."""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table

from kaizen_studio.services.reports.blocks import (
    gap,
    hint,
    note_entry,
    p,
    table,
)
from kaizen_studio.services.reports.charts import priority_matrix
from kaizen_studio.services.reports.data import OutcomeSummary, ReportData, ThemeSummary
from kaizen_studio.services.reports.fonts import REGULAR
from kaizen_studio.services.reports.styles import ACCENT_LIGHT, panel_style
from kaizen_studio.services.reports.templates import Heading
from kaizen_studio.services.reports.text import day, money, number, para, rating

WIDTH = 174 * mm  # A4 less the margins


def heading(text: str, level: int = 0) -> Heading:
    return Heading(para(text), "h1" if level == 0 else "h2", level, text)


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def progress(outcome: OutcomeSummary) -> str:
    """How far the latest reading has come from the baseline toward the target."""
    latest = outcome.latest
    if latest is None or outcome.baseline is None or outcome.target is None:
        return "–"
    if outcome.target == outcome.baseline:
        return "–"
    share = (latest.value - outcome.baseline) / (outcome.target - outcome.baseline)
    return f"{share:.0%}"


def intent_and_outcomes(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [heading("Intent and outcomes")]
    if data.intent:
        box = Table([[p(data.intent, "lead")]], colWidths=[WIDTH], style=panel_style(ACCENT_LIGHT))
        story += [box, gap(10)]
    if not data.outcomes:
        story.append(hint("No outcome (KPI) was set for this workshop."))
        return story
    rows = []
    for outcome in data.outcomes:
        latest = outcome.latest
        rows.append(
            [
                outcome.kpi,
                "↑ raise" if outcome.increase else "↓ lower",
                number(outcome.baseline, outcome.unit),
                number(latest.value, outcome.unit) if latest else "–",
                number(outcome.target, outcome.unit),
                day(outcome.due_on),
                progress(outcome),
                money(outcome.value_per_unit),
            ]
        )
    header = ["KPI", "Aim", "Baseline", "Latest", "Target", "Due", "Progress", "Value / unit"]
    widths = [49 * mm, 17 * mm, 17 * mm, 16 * mm, 16 * mm, 22 * mm, 19 * mm, 18 * mm]
    story.append(table(header, rows, widths, align_right=(2, 3, 4, 6, 7)))
    story.append(gap(4))
    story.append(
        hint(
            "Latest is the most recent KPI reading taken during follow-up; progress is the share "
            "of the distance from baseline to target covered so far. Value / unit is the money "
            "value of one unit of the KPI, for an estimate of return."
        )
    )
    return story


def who_took_part(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [heading("Who took part")]
    groups = len(data.groups)
    story.append(
        p(
            f"{plural(data.participants, 'person', 'people')} from "
            f"{plural(groups, 'stakeholder group')}. "
            f"Each had {plural(data.dot_budget, 'dot')} to vote with."
        )
    )
    groups_table = table(
        ["Stakeholder group", "People"],
        [[group.group, str(group.count)] for group in data.groups],
        [38 * mm, 16 * mm],
        align_right=(1,),
    )
    if data.anonymous_notes or not data.people:
        story.append(groups_table)
        note = "Notes were taken anonymously, so no names are printed."
        story += [gap(6), hint(note if data.anonymous_notes else "No participant gave a name.")]
        return story
    rows = [[person.name, person.role, person.group] for person in data.people]
    names = table(["Name", "Role", "Group"], rows, [32 * mm, 50 * mm, 24 * mm])
    side_by_side = Table(
        [[groups_table, names]],
        colWidths=[WIDTH - 110 * mm, 110 * mm],
        style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), REGULAR)],
        hAlign="LEFT",
    )
    story.append(side_by_side)
    return story


def _ranking_rows(themes: tuple[ThemeSummary, ...]) -> list[list[str]]:
    return [
        [
            str(theme.rank),
            theme.name,
            str(len(theme.notes)),
            str(theme.votes),
            rating(theme.impact),
            rating(theme.frequency),
            "–" if theme.effort is None else str(theme.effort),
            f"{theme.score:.2f}",
            "yes" if theme.selected else "",
        ]
        for theme in themes
    ]


def themes_and_votes(data: ReportData) -> list[Flowable]:
    story: list[Flowable] = [heading("Themes and votes")]
    sorted_notes = len(data.notes) - len(data.unsorted)
    story.append(
        p(
            f"{plural(len(data.notes), 'note')} captured; {sorted_notes} sorted into "
            f"{plural(len(data.themes), 'theme')}. {plural(data.total_votes, 'dot')} cast. "
            "Themes are ranked by score: votes, impact and frequency together."
        )
    )
    if data.themes:
        header = ["#", "Theme", "Notes", "Dots", "Impact", "Freq.", "Effort", "Score", "Chosen"]
        widths = [8 * mm, 62 * mm, 13 * mm, 12 * mm, 14 * mm, 13 * mm, 13 * mm, 14 * mm, 15 * mm]
        story.append(
            table(header, _ranking_rows(data.themes), widths, align_right=(2, 3, 4, 5, 6, 7))
        )
        story += [gap(10), heading("Priority matrix", 1)]
        story += [priority_matrix(data.themes, WIDTH, 100 * mm), gap(4)]
        story.append(
            hint(
                "Each circle is a theme, numbered by rank and sized by its dots. Impact and "
                "frequency are the mean of its notes' ratings unless the room set them by hand."
            )
        )
    for theme in data.themes:
        story.extend(_theme_notes(theme))
    if data.unsorted:
        story.append(heading("Notes not in a theme", 1))
        for note in data.unsorted:
            story.extend(note_entry(note))
    return story


def _theme_notes(theme: ThemeSummary) -> list[Flowable]:
    facts = [plural(len(theme.notes), "note"), plural(theme.votes, "dot")]
    if theme.impact is not None:
        facts.append(f"impact {rating(theme.impact)}")
    if theme.frequency is not None:
        facts.append(f"frequency {rating(theme.frequency)}")
    if theme.selected:
        facts.append("chosen for mapping")
    story: list[Flowable] = [
        heading(f"{theme.rank}. {theme.name}", 1),
        p(" · ".join(facts), "small"),
    ]
    ordered = sorted(theme.notes, key=lambda note: (-note.votes, note.number))
    for note in ordered:
        story.extend(note_entry(note))
    if not ordered:
        story.append(hint("No notes in this theme."))
    return story
