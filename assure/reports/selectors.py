"""Reads: calendar feed links."""

from django.db.models import QuerySet

from assure.accounts.models import Partnership, User
from assure.accounts.permissions import can_read

from .models import FeedToken


def feed_token_list_for(
    *, owner: User, partnership: Partnership
) -> QuerySet[FeedToken]:
    """The user's feed links for a partnership, newest first."""
    return FeedToken.objects.filter(owner=owner, partnership=partnership)


def feed_token_get_active(*, token: str) -> FeedToken | None:
    """The live feed for a secret, or None when unknown, revoked, or the owner has left."""
    feed = (
        FeedToken.objects.select_related("owner", "partnership")
        .filter(token=token, revoked_at__isnull=True)
        .first()
    )
    if feed is None or not can_read(user=feed.owner, partnership=feed.partnership):
        return None
    return feed
