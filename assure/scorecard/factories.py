"""Test data for the scorecard: indicators, their figures and commentary."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from assure.accounts.factories import PartnershipFactory, UserFactory

from .models import Commentary, Indicator, Measurement, period_end_date


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    partnership = factory.SubFactory(PartnershipFactory)
    code = factory.Sequence(lambda n: f"local_{n}_pct")
    name = factory.Iterator(
        [
            "Return home interviews offered",
            "% core groups within 10 working days of the ICPC",
            "% of early help workforce confident in identifying need",
        ]
    )
    definition = "Children offered an interview, of all children coming home"
    unit = "percent"
    polarity = "higher"
    frequency = "quarterly"
    theme = "Quality of practice"

    class Params:
        lower_is_better = factory.Trait(polarity="lower")
        neither = factory.Trait(polarity="neither")
        count = factory.Trait(unit="count")
        official = factory.Trait(is_official=True, frequency="yearly")


class MeasurementFactory(DjangoModelFactory):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    period = "2025-Q1"
    period_end = factory.LazyAttribute(lambda o: period_end_date(o.period))
    geography = "la"
    geography_code = ""
    geography_name = factory.SelfAttribute("indicator.partnership.area_name")
    value = 75


class CommentaryFactory(DjangoModelFactory):
    class Meta:
        model = Commentary

    indicator = factory.SubFactory(IndicatorFactory)
    author = factory.SubFactory(UserFactory)
    working_well = "Core groups are booked at the conference."
    worries = "Schools are not always told the date in time."
    next_steps = "Chairs send the date to every agency within a day."
    commentary_date = factory.LazyFunction(lambda: dt.date(2026, 3, 1))
