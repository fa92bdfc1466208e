"""How reports look: page sizes, colours, paragraph and table styles. No content here.

Kept apart from the code that builds a document (the rst2pdf habit), so the
look can change without touching what a report says.
"""

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from kaizen_studio.services.reports.fonts import BOLD, ITALIC, REGULAR, register_fonts

REPORT_PAGE = A4
A3_PAGE = landscape(A3)
MARGIN = 18 * mm
HEADER_GAP = 9 * mm  # between the running header and the frame

INK = colors.HexColor("#1d2330")
MUTED = colors.HexColor("#5f6673")
RULE = colors.HexColor("#d5d9e0")
PANEL = colors.HexColor("#f1f4f8")
ACCENT = colors.HexColor("#2f5fb3")
ACCENT_LIGHT = colors.HexColor("#e3ecfa")
LEARNING = colors.HexColor("#2f6fde")
NON_LEARNING = colors.HexColor("#e07a1f")
BASELINE = colors.HexColor("#8a919e")
TARGET = colors.HexColor("#2e7d32")

STATUS_COLOURS = {
    "Done": colors.HexColor("#2e7d32"),
    "Overdue": colors.HexColor("#c62828"),
    "Due soon": colors.HexColor("#a35c00"),
    "Upcoming": MUTED,
}
PHASE_COLOURS = {
    "plan": colors.HexColor("#6b7280"),
    "do": colors.HexColor("#2f6fde"),
    "check": colors.HexColor("#a35c00"),
    "act": colors.HexColor("#2e7d32"),
}


def _style(name: str, **values: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": REGULAR,
        "bulletFontName": REGULAR,  # ReportLab's default bullet font is Helvetica
        "fontSize": 9.5,
        "leading": 13.5,
        "textColor": INK,
    }
    base.update(values)
    return ParagraphStyle(name, **base)


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles by name; every one uses the bundled family (never Helvetica)."""
    register_fonts()
    return {
        "cover_title": _style("cover_title", fontName=BOLD, fontSize=26, leading=31),
        "cover_kind": _style(
            "cover_kind", fontName=BOLD, fontSize=10, leading=14, textColor=ACCENT
        ),
        "cover_fact": _style("cover_fact", fontSize=10.5, leading=15),
        "h1": _style(
            "h1",
            fontName=BOLD,
            fontSize=16,
            leading=20,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=8,
            keepWithNext=1,
        ),
        "h2": _style(
            "h2",
            fontName=BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=10,
            spaceAfter=5,
            keepWithNext=1,
        ),
        "h3": _style(
            "h3",
            fontName=BOLD,
            fontSize=10,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "body": _style("body", spaceAfter=5),
        "lead": _style("lead", fontSize=11.5, leading=16, spaceAfter=8),
        "hint": _style("hint", fontName=ITALIC, fontSize=8.5, leading=11.5, textColor=MUTED),
        "small": _style("small", fontSize=8, leading=10.5, textColor=MUTED),
        "cell": _style("cell", fontSize=8.5, leading=11),
        "cell_bold": _style("cell_bold", fontName=BOLD, fontSize=8.5, leading=11),
        "cell_head": _style("cell_head", fontName=BOLD, fontSize=8, leading=10, textColor=MUTED),
        "cell_head_right": _style(
            "cell_head_right",
            fontName=BOLD,
            fontSize=8,
            leading=10,
            textColor=MUTED,
            alignment=TA_RIGHT,
        ),
        "cell_right": _style("cell_right", fontSize=8.5, leading=11, alignment=TA_RIGHT),
        "cell_center": _style("cell_center", fontSize=8.5, leading=11, alignment=TA_CENTER),
        "figure": _style("figure", fontName=BOLD, fontSize=18, leading=22, textColor=ACCENT),
        "figure_label": _style("figure_label", fontSize=8, leading=10, textColor=MUTED),
        "note": _style(
            "note",
            fontSize=9,
            leading=12.5,
            leftIndent=30,
            bulletIndent=0,
            bulletFontName=BOLD,
            bulletFontSize=8,
            spaceBefore=3,
        ),
        "note_meta": _style(
            "note_meta", fontSize=7.5, leading=10, textColor=MUTED, leftIndent=30, spaceAfter=2
        ),
        "toc1": _style("toc1", fontName=BOLD, fontSize=11, leading=18),
        "toc2": _style("toc2", fontSize=9.5, leading=14, leftIndent=16),
        # A3 one-pagers: bigger type, read on a wall or a table.
        "a3_title": _style("a3_title", fontName=BOLD, fontSize=22, leading=26),
        "a3_box": _style("a3_box", fontName=BOLD, fontSize=12, leading=15, textColor=ACCENT),
        "a3_body": _style("a3_body", fontSize=9.5, leading=13),
        "a3_cell": _style("a3_cell", fontSize=8.5, leading=11),
    }


def table_style(*extra: tuple[object, ...], header: bool = True) -> TableStyle:
    """Quiet tables: a tinted header, hairlines between rows, no vertical rules."""
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), PANEL),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ]
    commands.extend(extra)
    return TableStyle(commands)


def panel_style(background: colors.Color = PANEL) -> TableStyle:
    """A tinted box around a block (the intent, a KPI card)."""
    return TableStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), background),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # A table sets its cells' font even around paragraphs: never the default Helvetica.
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ]
    )
