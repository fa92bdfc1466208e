"""PDF reports of a workshop: the full workshop report and A3 one-pagers per theme.

Use `write_workshop_report` and `write_a3`; both gather plain data first
(gather.py), then lay it out with ReportLab. Each returns its page count.
`gather` and the `build_*` functions split the two, so the slow layout can run
on another thread with no access to the library.
"""

from kaizen_studio.services.reports.a3 import build_a3, write_a3
from kaizen_studio.services.reports.gather import gather
from kaizen_studio.services.reports.workshop_report import (
    build_workshop_report,
    write_workshop_report,
)

__all__ = ["build_a3", "build_workshop_report", "gather", "write_a3", "write_workshop_report"]
