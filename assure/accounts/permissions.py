"""Who may do what: roles are per partnership."""

from django.db.models import QuerySet

from .models import Membership, Partnership, User

Role = Membership.Role


def membership_role(*, user: User, partnership: Partnership) -> str | None:
    """The user's role in the partnership, or None. Superusers manage every partnership."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.MANAGER
    cache = getattr(user, "_assure_roles", None)
    if cache is None:
        cache = dict(user.memberships.values_list("partnership_id", "role"))
        user._assure_roles = cache
    return cache.get(partnership.pk)


def partnership_list_for(*, user: User) -> QuerySet[Partnership]:
    """The partnerships a user belongs to."""
    if not user.is_authenticated:
        return Partnership.objects.none()
    if user.is_superuser:
        return Partnership.objects.all()
    return Partnership.objects.filter(memberships__user=user).distinct()


def can_read(*, user: User, partnership: Partnership) -> bool:
    return membership_role(user=user, partnership=partnership) is not None


def can_manage(*, user: User, partnership: Partnership) -> bool:
    return membership_role(user=user, partnership=partnership) == Role.MANAGER
