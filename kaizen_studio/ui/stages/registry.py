"""Which page class serves which stage. A stage without a page shows NotBuiltPage."""

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from kaizen_studio.domain.enums import Stage
from kaizen_studio.ui.context import AppContext
from kaizen_studio.ui.stages.base import NotBuiltPage, StagePage

PageFactory = Callable[[AppContext, QWidget | None], StagePage]


def page_factories() -> dict[Stage, PageFactory]:
    """Imported lazily so a page module is loaded only when the workshop view is built."""
    factories: dict[Stage, PageFactory] = {}
    from kaizen_studio.ui.stages.intent_page import IntentPage  # noqa: PLC0415

    factories[Stage.INTENT] = IntentPage
    from kaizen_studio.ui.stages.capture_page import CapturePage  # noqa: PLC0415

    factories[Stage.CAPTURE] = CapturePage
    from kaizen_studio.ui.stages.cluster_page import ClusterPage  # noqa: PLC0415

    factories[Stage.CLUSTER] = ClusterPage
    from kaizen_studio.ui.stages.prioritise_page import PrioritisePage  # noqa: PLC0415

    factories[Stage.PRIORITISE] = PrioritisePage
    from kaizen_studio.ui.stages.map_page import MapPage  # noqa: PLC0415

    factories[Stage.MAP] = MapPage
    from kaizen_studio.ui.stages.pdca_page import PdcaPage  # noqa: PLC0415

    factories[Stage.PDCA] = PdcaPage
    from kaizen_studio.ui.stages.report_page import ReportPage  # noqa: PLC0415

    factories[Stage.REPORT] = ReportPage
    return factories


def make_page(stage: Stage, context: AppContext, parent: QWidget | None = None) -> StagePage:
    factory = page_factories().get(stage)
    if factory is None:
        return NotBuiltPage(context, stage, parent)
    return factory(context, parent)
