"""Writes: calendar feed links."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from assure.accounts.models import Partnership, User
from assure.accounts.permissions import can_read

from .models import FeedToken


@transaction.atomic
def feed_token_create(
    *, owner: User, partnership: Partnership, scope: str
) -> FeedToken:
    """A new secret calendar link; only members of the partnership may have one."""
    if not can_read(user=owner, partnership=partnership):
        raise PermissionDenied("Only members of the partnership can create a feed")
    token = FeedToken(owner=owner, partnership=partnership, scope=scope)
    token.full_clean()
    token.save()
    return token


@transaction.atomic
def feed_token_revoke(*, token: FeedToken, actor: User) -> FeedToken:
    """Stop a link working, at once. Only its owner may revoke it."""
    if token.owner_id != actor.pk:
        raise PermissionDenied("Only the owner of a feed can revoke it")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    return token
