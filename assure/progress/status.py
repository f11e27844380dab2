"""The one mapping from an action's status to RAG, words and colour."""

from dataclasses import dataclass

from .models import Status


@dataclass(frozen=True)
class StatusStyle:
    status: str
    label: str
    rag: str  # Red, Amber, Green, Blue or "" where RAG does not apply
    tag_class: str
    colour: str  # for bars and documents


NO_UPDATE = "not_started"

STATUS_STYLES: dict[str, StatusStyle] = {
    Status.NOT_STARTED: StatusStyle(
        Status.NOT_STARTED, "Not started", "", "govuk-tag--grey", "#b1b4b6"
    ),
    Status.ON_TRACK: StatusStyle(
        Status.ON_TRACK, "On track", "Green", "govuk-tag--green", "#00703c"
    ),
    Status.AT_RISK: StatusStyle(
        Status.AT_RISK, "At risk", "Amber", "govuk-tag--orange", "#f47738"
    ),
    Status.OFF_TRACK: StatusStyle(
        Status.OFF_TRACK, "Off track", "Red", "govuk-tag--red", "#d4351c"
    ),
    Status.COMPLETE: StatusStyle(
        Status.COMPLETE, "Complete", "Blue", "govuk-tag--blue", "#1d70b8"
    ),
    Status.DEFERRED: StatusStyle(
        Status.DEFERRED, "Deferred", "", "govuk-tag--purple", "#4c2c92"
    ),
    Status.CANCELLED: StatusStyle(
        Status.CANCELLED, "Cancelled", "", "govuk-tag--grey", "#505a5f"
    ),
}

# Order used in roll-ups: worst first, then done, then the rest.
STATUS_ORDER = [
    Status.OFF_TRACK,
    Status.AT_RISK,
    Status.ON_TRACK,
    Status.COMPLETE,
    Status.NOT_STARTED,
    Status.DEFERRED,
    Status.CANCELLED,
]


def status_style(status: str | None) -> StatusStyle:
    """The style of a status; an action with no update is 'Not started'."""
    return STATUS_STYLES.get(status or NO_UPDATE, STATUS_STYLES[Status.NOT_STARTED])


def status_tag(status: str | None) -> dict[str, str]:
    """Params for govukTag: words plus colour."""
    style = status_style(status)
    return {"text": style.label, "classes": style.tag_class}
