import pytest
from django.core.exceptions import ValidationError

from assure.accounts.factories import MembershipFactory, PartnershipFactory, UserFactory
from assure.accounts.models import Membership, User
from assure.accounts.services import membership_grant


@pytest.mark.django_db
class TestMembershipGrant:
    def test_creates_an_account_with_the_role(self, partnership):
        user, created = membership_grant(
            email="  New.Lead@Example.org.uk ",
            partnership=partnership,
            role="lead",
            password="a-long-enough-password",
            full_name="Priya Shah",
        )

        assert created
        assert user.email == "new.lead@example.org.uk"
        assert user.full_name == "Priya Shah"
        assert user.check_password("a-long-enough-password")
        assert Membership.objects.get(user=user, partnership=partnership).role == "lead"

    def test_changes_the_role_of_an_existing_member_without_a_second_membership(
        self, partnership
    ):
        membership = MembershipFactory(partnership=partnership, role="member")

        user, created = membership_grant(
            email=membership.user.email, partnership=partnership, role="manager"
        )

        assert not created
        assert user == membership.user
        assert list(user.memberships.values_list("role", flat=True)) == ["manager"]

    def test_adds_a_second_partnership_to_an_existing_account(
        self, partnership, other_partnership
    ):
        user = UserFactory()
        MembershipFactory(user=user, partnership=partnership, role="lead")

        membership_grant(email=user.email, partnership=other_partnership, role="member")

        roles = dict(user.memberships.values_list("partnership__slug", "role"))
        assert roles == {"northshire": "lead", "southshire": "member"}

    def test_sets_a_new_password_when_given_for_an_existing_account(self, partnership):
        user = UserFactory()

        membership_grant(
            email=user.email,
            partnership=partnership,
            role="member",
            password="another-long-password",
        )

        user.refresh_from_db()
        assert user.check_password("another-long-password")

    def test_keeps_the_password_when_none_is_given(self, partnership):
        user = UserFactory()
        before = user.password

        membership_grant(email=user.email, partnership=partnership, role="member")

        user.refresh_from_db()
        assert user.password == before

    def test_refuses_a_new_account_without_a_password(self, partnership):
        with pytest.raises(ValidationError, match="Enter a password"):
            membership_grant(
                email="nobody@example.org.uk", partnership=partnership, role="member"
            )

        assert not User.objects.filter(email="nobody@example.org.uk").exists()

    def test_refuses_a_weak_password(self, partnership):
        with pytest.raises(ValidationError):
            membership_grant(
                email="weak@example.org.uk",
                partnership=partnership,
                role="member",
                password="password",
            )

        assert not User.objects.filter(email="weak@example.org.uk").exists()

    def test_refuses_an_unknown_role(self, partnership):
        with pytest.raises(ValidationError, match="Choose a role"):
            membership_grant(
                email="x@example.org.uk",
                partnership=partnership,
                role="chair",
                password="a-long-enough-password",
            )

        assert Membership.objects.count() == 0

    def test_refuses_an_address_that_is_not_an_email(self, partnership):
        with pytest.raises(ValidationError):
            membership_grant(
                email="not an email",
                partnership=partnership,
                role="member",
                password="a-long-enough-password",
            )

        assert User.objects.count() == 0


@pytest.mark.django_db
class TestUserManager:
    def test_lowercases_the_email_address(self):
        user = User.objects.create_user("Jo.Bloggs@Example.ORG.uk", "a-long-password")

        assert user.email == "jo.bloggs@example.org.uk"
        assert not user.is_staff

    def test_refuses_an_empty_email_address(self):
        with pytest.raises(ValueError, match="Enter an email address"):
            User.objects.create_user("", "a-long-password")

    def test_superuser_is_staff(self):
        user = User.objects.create_superuser("admin@example.org.uk", "a-long-password")

        assert user.is_staff
        assert user.is_superuser


@pytest.mark.django_db
class TestPartnershipFactory:
    def test_gives_a_realistic_partnership(self):
        partnership = PartnershipFactory()

        assert partnership.name.endswith("Safeguarding Children Partnership")
        assert partnership.display_name == partnership.area_name
