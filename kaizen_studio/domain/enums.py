"""The fixed vocabularies of the method, with the words a facilitator sees.

Values are stored as text; every table that holds one has a CHECK constraint
built from the same enum, so the database and Python agree.
"""

from enum import StrEnum


class Stage(StrEnum):
    INTENT = "intent"
    CAPTURE = "capture"
    CLUSTER = "cluster"
    PRIORITISE = "prioritise"
    MAP = "map"
    PDCA = "pdca"
    REPORT = "report"

    @property
    def label(self) -> str:
        return "PDCA" if self is Stage.PDCA else self.value.capitalize()


class StakeholderGroup(StrEnum):
    FRONTLINE = "frontline"
    SUPERVISOR = "supervisor"
    MANAGER = "manager"
    LD_HR = "ld_hr"
    OPERATIONS = "operations"
    FINANCE = "finance"
    CUSTOMER = "customer"

    @property
    def label(self) -> str:
        return "L&D / HR" if self is StakeholderGroup.LD_HR else self.value.capitalize()


class Direction(StrEnum):
    """Whether the KPI should go up (retention) or down (picking errors)."""

    INCREASE = "increase"
    DECREASE = "decrease"


class CauseKind(StrEnum):
    """Gilbert's Behaviour Engineering Model, in plain words."""

    KNOWLEDGE_SKILL = "knowledge_skill"
    PROCESS = "process"
    TOOLS_RESOURCES = "tools_resources"
    INCENTIVES = "incentives"
    EXPECTATIONS_FEEDBACK = "expectations_feedback"
    ENVIRONMENT = "environment"

    @property
    def label(self) -> str:
        return _CAUSE_LABELS[self]


_CAUSE_LABELS = {
    CauseKind.KNOWLEDGE_SKILL: "Knowledge or skill",
    CauseKind.PROCESS: "Process",
    CauseKind.TOOLS_RESOURCES: "Tools or resources",
    CauseKind.INCENTIVES: "Incentives or consequences",
    CauseKind.EXPECTATIONS_FEEDBACK: "Expectations or feedback",
    CauseKind.ENVIRONMENT: "Environment",
}


class InterventionKind(StrEnum):
    LEARNING = "learning"
    NON_LEARNING = "non_learning"

    @property
    def label(self) -> str:
        return "Learning" if self is InterventionKind.LEARNING else "Not learning"


class Phase(StrEnum):
    """Plan-Do-Check-Act, in the order a cycle moves through them."""

    PLAN = "plan"
    DO = "do"
    CHECK = "check"
    ACT = "act"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Decision(StrEnum):
    """What the Act phase decides about a cycle."""

    STANDARDISE = "standardise"
    ADJUST = "adjust"
    ABANDON = "abandon"


class Applied(StrEnum):
    """Kirkpatrick level 3: is the behaviour applied on the job?"""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


def sql_in(column: str, values: type[StrEnum]) -> str:
    """A CHECK expression that keeps `column` inside the enum's values."""
    quoted = ", ".join(f"'{member.value}'" for member in values)
    return f"{column} IN ({quoted})"
