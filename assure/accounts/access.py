"""Find the partnership a request is about, and refuse people who may not see it."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from .models import Membership, Partnership
from .permissions import membership_role


def partnership_for_request(
    request: HttpRequest, slug: str, *, manage: bool = False
) -> tuple[Partnership, str]:
    """The partnership and the user's role; 404 for outsiders, 403 for non-managers."""
    partnership = get_object_or_404(Partnership, slug=slug)
    role = membership_role(user=request.user, partnership=partnership)
    if role is None:
        raise Http404("No such partnership")
    if manage and role != Membership.Role.MANAGER:
        raise PermissionDenied("Only the business manager can do this")
    return partnership, role
