"""Test data for progress updates."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from assure.accounts.factories import UserFactory
from assure.plans.factories import ActionFactory

from .models import ProgressUpdate, Status


class ProgressUpdateFactory(DjangoModelFactory):
    """An on-track update dated today; traits give the other statuses."""

    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    author = factory.SubFactory(UserFactory)
    update_date = factory.LazyFunction(timezone.localdate)
    status = Status.ON_TRACK
    narrative = factory.Iterator(
        [
            "Draft shared with the sub-group for comment.",
            "Briefing delivered to 64 practitioners across five agencies.",
            "Audit of 12 cases completed; findings reported to the board.",
        ]
    )
    reason = ""

    class Params:
        at_risk = factory.Trait(
            status=Status.AT_RISK,
            reason="The sub-group chair has changed; the new chair starts next month.",
        )
        off_track = factory.Trait(
            status=Status.OFF_TRACK,
            reason="Funding for the second phase was not agreed.",
        )
        complete = factory.Trait(status=Status.COMPLETE)
        cancelled = factory.Trait(status=Status.CANCELLED)
        deferred = factory.Trait(status=Status.DEFERRED)
