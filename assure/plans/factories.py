"""Test data for plans: plans, priorities, actions and their leads."""

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from assure.accounts.factories import PartnershipFactory

from .models import Action, ActionLead, Plan, Priority


def _today() -> dt.date:
    return timezone.localdate()


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.LazyAttribute(
        lambda o: (
            f"{o.partnership.name} business plan "
            f"{o.period_start_date.year}-{o.period_end_date.year % 100:02d}"
        )
    )
    partnership_name_as_written = factory.SelfAttribute("partnership.name")
    period_start_date = factory.LazyFunction(lambda: _today() - dt.timedelta(days=180))
    period_end_date = factory.LazyAttribute(
        lambda o: o.period_start_date + dt.timedelta(days=730)
    )
    status = Plan.Status.APPROVED

    class Params:
        draft = factory.Trait(status=Plan.Status.DRAFT)
        archived = factory.Trait(status=Plan.Status.ARCHIVED)
        published = factory.Trait(is_published=True)


class PriorityFactory(DjangoModelFactory):
    class Meta:
        model = Priority

    plan = factory.SubFactory(PlanFactory)
    ref = factory.Sequence(lambda n: str(n % 9 + 1))
    title = factory.Iterator(
        [
            "Neglect: children get help early",
            "Exploitation: children are safe outside the home",
            "Domestic abuse: children living with it are seen and heard",
            "Learning: practitioners act on what reviews tell us",
        ]
    )
    aim = factory.Faker("sentence", nb_words=12)
    measures = factory.LazyFunction(lambda: ["Audit shows improved practice"])
    position = factory.Sequence(lambda n: n + 1)


class ActionFactory(DjangoModelFactory):
    """An open action due in 100 days; traits move its due date about."""

    class Meta:
        model = Action
        skip_postgeneration_save = True  # the `closed` trait saves its own update

    priority = factory.SubFactory(PriorityFactory)
    ref = factory.Sequence(lambda n: f"{n % 9 + 1}.{n % 7 + 1}")
    text = factory.Iterator(
        [
            "Deliver multi-agency neglect training to practitioners in every agency",
            "Audit the use of the Graded Care Profile in cases of neglect",
            "Publish the exploitation strategy and screening tool",
            "Review the front door's response to domestic abuse notifications",
        ]
    )
    objective = factory.Faker("sentence", nb_words=10)
    outputs = factory.LazyFunction(lambda: ["Training delivered to 60 practitioners"])
    due_date = factory.LazyFunction(lambda: _today() + dt.timedelta(days=100))
    due_text = factory.LazyAttribute(
        lambda o: o.due_date.strftime("%B %Y") if o.due_date else ""
    )
    position = factory.Sequence(lambda n: n + 1)

    class Params:
        overdue = factory.Trait(
            due_date=factory.LazyFunction(lambda: _today() - dt.timedelta(days=10))
        )
        due_soon = factory.Trait(
            due_date=factory.LazyFunction(lambda: _today() + dt.timedelta(days=10))
        )
        no_due_date = factory.Trait(due_date=None, due_text="")
        closed = factory.Trait(
            completed=factory.RelatedFactory(
                "assure.progress.factories.ProgressUpdateFactory",
                factory_related_name="action",
                complete=True,
            )
        )


class ActionLeadFactory(DjangoModelFactory):
    class Meta:
        model = ActionLead

    action = factory.SubFactory(ActionFactory)
    text = factory.Faker("name")
    position = factory.Sequence(lambda n: n + 1)
