"""Test data for accounts: partnerships, agencies, groups, people, users, roles."""

import re

import factory
from factory.django import DjangoModelFactory

from .models import Agency, Group, Membership, Partnership, Person, User

# Realistic British names, places and jobs in every factory.
factory.Faker._DEFAULT_LOCALE = "en_GB"

TEST_PASSWORD = "correct-horse-battery-staple"


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership
        django_get_or_create = ("slug",)

    area_name = factory.Faker("county")
    name = factory.LazyAttribute(
        lambda o: f"{o.area_name} Safeguarding Children Partnership"
    )
    short_name = factory.LazyAttribute(lambda o: o.area_name)
    slug = factory.Sequence(lambda n: f"area-{n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org.uk")
    full_name = factory.Faker("name")
    password = factory.django.Password(TEST_PASSWORD)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    role = Membership.Role.MEMBER

    class Params:
        manager = factory.Trait(role=Membership.Role.MANAGER)
        lead = factory.Trait(role=Membership.Role.LEAD)


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Children's Social Care {n}")
    short_name = "CSC"


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Faker("name")
    role_title = factory.Faker("job")
    email = factory.LazyAttribute(
        lambda o: ".".join(re.findall(r"[a-z]+", o.name.lower())) + "@example.org.uk"
    )

    class Params:
        with_user = factory.Trait(
            user=factory.SubFactory(
                UserFactory,
                full_name=factory.SelfAttribute("..name"),
                email=factory.SelfAttribute("..email"),
            )
        )


class GroupFactory(DjangoModelFactory):
    class Meta:
        model = Group

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Quality Assurance Sub-group {n}")
    kind = Group.Kind.SUB_GROUP
