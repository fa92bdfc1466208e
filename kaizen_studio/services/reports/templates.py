"""Page templates for reports: running header and footer, "page N of M", contents, outline.

A `Heading` flowable announces itself to the table of contents and the PDF
outline (bookmarks) when it lands on a page; `multiBuild` repeats the layout
until the contents and the page total agree with where things fell.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from kaizen_studio import APP_NAME, __version__
from kaizen_studio.services.reports.fonts import BOLD, REGULAR, register_fonts
from kaizen_studio.services.reports.styles import HEADER_GAP, INK, MARGIN, MUTED, RULE, styles
from kaizen_studio.services.reports.text import plain, shorten


@dataclass(frozen=True)
class DocumentInfo:
    """What the PDF says about itself (File > Properties) and in its running header."""

    title: str
    author: str
    subject: str
    header: str
    footer: str
    keywords: tuple[str, ...] = ()


class Heading(Paragraph):  # type: ignore[misc]
    """A section title that goes into the contents (level 0 and 1) and the PDF outline."""

    def __init__(self, text: str, style_name: str, level: int, outline: str) -> None:
        super().__init__(text, styles()[style_name])
        self.level = level
        self.outline = outline


class _PageTotal(Flowable):  # type: ignore[misc]
    """Invisible; keeps the build going until "of M" in the footers is the real total."""

    def __init__(self, document: "ReportDocument") -> None:
        super().__init__()
        self.document = document
        self.previous: int | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        return None

    def isIndexing(self) -> int:
        return 1

    def notify(self, kind: str, stuff: object) -> None:
        return None

    def isSatisfied(self) -> bool:
        return self.previous == self.document.page_total

    def beforeBuild(self) -> None:
        self.previous = self.document.page_total

    def afterBuild(self) -> None:
        self.document.page_total = self.document.page


def contents() -> TableOfContents:
    toc = TableOfContents(
        dotsMinLevel=0,
        tableStyle=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ]
        ),
    )
    toc.levelStyles = [styles()["toc1"], styles()["toc2"]]
    return toc


class ReportDocument(BaseDocTemplate):  # type: ignore[misc]
    """A report on `pagesize` with a cover page (no header) and body pages."""

    def __init__(
        self,
        target: str | IO[bytes],
        info: DocumentInfo,
        *,
        pagesize: tuple[float, float],
        invariant: bool = False,
        cover: bool = True,
    ) -> None:
        register_fonts()
        super().__init__(
            target,
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_GAP,
            bottomMargin=MARGIN + HEADER_GAP,
            title=plain(info.title),
            author=plain(info.author),
            subject=plain(info.subject),
            keywords=list(info.keywords),
            creator=f"{APP_NAME} {__version__}",
            invariant=int(invariant),
            initialFontName=REGULAR,
            initialFontSize=10,
            initialLeading=12,
        )
        self.info = info
        self.page_total: int | None = None
        self.section = ""
        self._bookmarks = 0
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="body", showBoundary=0
        )
        templates = [PageTemplate("body", [frame], onPageEnd=self._decorate)]
        if cover:
            cover_frame = Frame(
                self.leftMargin, MARGIN, self.width, self.pagesize[1] - 2 * MARGIN, id="cover"
            )
            templates.insert(0, PageTemplate("cover", [cover_frame], onPageEnd=self._footer_only))
        self.addPageTemplates(templates)

    def build_story(self, story: Sequence[Flowable]) -> int:
        """Lay out `story` until contents and page numbers settle; returns the page count."""
        self.page_total = None
        self.multiBuild([_PageTotal(self), *story])
        return int(self.page)

    # -- contents and outline ----------------------------------------------------

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, Heading):
            return
        self._bookmarks += 1
        key = f"section-{self._bookmarks}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(plain(flowable.outline), key, level=flowable.level)
        self.notify("TOCEntry", (flowable.level, flowable.getPlainText(), self.page, key))
        if flowable.level == 0:
            self.section = flowable.outline

    def handle_documentBegin(self) -> None:
        self._bookmarks = 0
        self.section = ""
        super().handle_documentBegin()

    # -- header and footer ---------------------------------------------------------

    def _page_label(self, canvas: Canvas) -> str:
        total = self.page_total or canvas.getPageNumber()
        return f"Page {canvas.getPageNumber()} of {total}"

    def _footer_only(self, canvas: Canvas, _document: Any) -> None:
        self._footer(canvas)

    def _decorate(self, canvas: Canvas, _document: Any) -> None:
        width, height = self.pagesize
        top = height - MARGIN
        canvas.saveState()
        canvas.setFont(BOLD, 8)
        canvas.setFillColor(INK)
        canvas.drawString(MARGIN, top, shorten(plain(self.info.header), 80))
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(width - MARGIN, top, shorten(plain(self.section), 60))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 2.5 * mm, width - MARGIN, top - 2.5 * mm)
        canvas.restoreState()
        self._footer(canvas)

    def _footer(self, canvas: Canvas) -> None:
        width = self.pagesize[0]
        bottom = MARGIN - 2 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, bottom + 4 * mm, width - MARGIN, bottom + 4 * mm)
        canvas.setFont(REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, bottom, shorten(plain(self.info.footer), 110))
        canvas.drawRightString(width - MARGIN, bottom, self._page_label(canvas))
        canvas.restoreState()
