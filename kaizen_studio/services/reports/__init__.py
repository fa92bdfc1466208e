"""PDF reports of a workshop: the full workshop report and A3 one-pagers per theme.

Use `write_workshop_report` and `write_a3`; both gather plain data first
(gather.py), then lay it out with ReportLab. Each returns its page count.
"""

from kaizen_studio.services.reports.a3 import write_a3
from kaizen_studio.services.reports.workshop_report import write_workshop_report

__all__ = ["write_a3", "write_workshop_report"]
