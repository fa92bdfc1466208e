"""The bundled DejaVu Sans family, registered once with ReportLab, and what it can print.

ReportLab's own fonts cover Latin-1 only and are not embedded; every piece of
text in a report (styles, charts, headers) uses this family instead, so a
report prints accents, Greek and Cyrillic the same on any machine.
"""

import io
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kaizen_studio.services.resources import resource

REGULAR = "KaizenSans"
BOLD = "KaizenSans-Bold"
ITALIC = "KaizenSans-Oblique"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}


@cache
def _fonts() -> dict[str, TTFont]:
    # Read through importlib.resources, so fonts load from a wheel or a bundle too.
    fonts = {}
    for name, file in _FILES.items():
        data = resource("fonts", file).read_bytes()
        fonts[name] = TTFont(name, io.BytesIO(data))
    return fonts


@cache
def register_fonts() -> None:
    """Make the family known to ReportLab (safe to call often; runs once)."""
    for font in _fonts().values():
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )
    # <b> and <i> inside a Paragraph find their faces through these mappings.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)


def _coverage(*names: str) -> frozenset[int]:
    sets = [set(_fonts()[name].face.charToGlyph) for name in names]
    # Beyond the Basic Multilingual Plane ReportLab writes a wrong ToUnicode map,
    # so copy and search in the PDF would find other characters: leave those out.
    basic = {code for code in set.intersection(*sets) if code <= 0xFFFF}
    return frozenset(basic | {ord("\n"), ord("\t")})


@cache
def text_coverage() -> frozenset[int]:
    """Code points both the regular and the bold face can draw: user text uses only these."""
    return _coverage(REGULAR, BOLD)


@cache
def italic_coverage() -> frozenset[int]:
    return _coverage(REGULAR, BOLD, ITALIC)
