"""The context every partnership page shares: the partnership, the role, the menu."""

from django.http import HttpRequest
from django.urls import reverse

from assure.accounts.models import Membership, Partnership

# (key, text, URL name) in menu order; the last entry is for business managers only.
_MENU = [
    ("dashboard", "Dashboard", "plans:dashboard"),
    ("plan", "Plan", "plans:plan_current"),
    ("actions", "Actions", "plans:action_list"),
    ("mine", "My actions", "plans:my_actions"),
    ("pack", "Meeting pack", "plans:meeting_pack"),
    ("scorecard", "Scorecard", "scorecard:scorecard"),
    ("reports", "Reports", "reports:report_list"),
]
_MANAGER_MENU = [("history", "History", "plans:history")]


def page_context(
    request: HttpRequest, partnership: Partnership, role: str, current: str, **extra
) -> dict:
    """Template context for a partnership page; `current` marks the menu item."""
    is_manager = role == Membership.Role.MANAGER
    menu = _MENU + (_MANAGER_MENU if is_manager else [])
    nav_items = [
        {
            "href": reverse(name, kwargs={"partnership": partnership.slug}),
            "text": text,
            "active": key == current,
            "current": key == current,
        }
        for key, text, name in menu
    ]
    return {
        "partnership": partnership,
        "role": role,
        "is_manager": is_manager,
        "nav_items": nav_items,
        **extra,
    }
