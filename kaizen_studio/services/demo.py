"""The sample workshop a new user explores: a contact centre working on retention.

The data lives in resources/sample/ in the export format. Its dates are
written around one day (DEMO_TODAY) and moved to the real today on import,
so the demo's checkpoints are always due, overdue and upcoming.
"""

import json
from datetime import date

from kaizen_studio.services.clock import SYSTEM_CLOCK, Clock
from kaizen_studio.services.interchange import check_header, import_workshop, shift_dates
from kaizen_studio.services.resources import resource
from kaizen_studio.storage.library import Library

DEMO_TODAY = date(2026, 12, 1)


def demo_data(clock: Clock = SYSTEM_CLOCK) -> dict[str, object]:
    text = resource("sample", "demo-workshop.json").read_text(encoding="utf-8")
    data = check_header(json.loads(text), "The demo workshop")
    return shift_dates(data, (clock.today() - DEMO_TODAY).days)


def create_demo(library: Library, clock: Clock = SYSTEM_CLOCK) -> int:
    """Add the demo workshop to `library`; returns its id."""
    return import_workshop(library, demo_data(clock))
