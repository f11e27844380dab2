import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from assure.accounts.access import partnership_for_request
from assure.accounts.factories import UserFactory
from assure.accounts.permissions import (
    can_manage,
    can_read,
    membership_role,
    partnership_list_for,
)


@pytest.mark.django_db
class TestMembershipRole:
    def test_is_the_role_in_that_partnership(self, partnership, lead_user):
        assert membership_role(user=lead_user, partnership=partnership) == "lead"

    def test_is_none_in_another_partnership(self, other_partnership, lead_user):
        assert membership_role(user=lead_user, partnership=other_partnership) is None

    def test_is_none_for_anonymous_and_inactive_users(self, partnership, member_user):
        member_user.is_active = False

        assert membership_role(user=AnonymousUser(), partnership=partnership) is None
        assert membership_role(user=member_user, partnership=partnership) is None

    def test_superusers_manage_every_partnership(self, partnership, other_partnership):
        admin = UserFactory(is_superuser=True)

        assert can_manage(user=admin, partnership=partnership)
        assert set(partnership_list_for(user=admin)) == {partnership, other_partnership}


@pytest.mark.django_db
class TestCanReadAndManage:
    @pytest.mark.parametrize(
        ("user_fixture", "reads", "manages"),
        [
            ("manager_user", True, True),
            ("lead_user", True, False),
            ("member_user", True, False),
            ("other_manager_user", False, False),
        ],
    )
    def test_by_role(self, request, partnership, user_fixture, reads, manages):
        user = request.getfixturevalue(user_fixture)

        assert can_read(user=user, partnership=partnership) is reads
        assert can_manage(user=user, partnership=partnership) is manages

    def test_partnership_list_is_the_users_own(
        self, partnership, other_partnership, member_user
    ):
        assert list(partnership_list_for(user=member_user)) == [partnership]
        assert list(partnership_list_for(user=AnonymousUser())) == []


@pytest.mark.django_db
class TestPartnershipForRequest:
    def _request(self, user):
        request = RequestFactory().get("/")
        request.user = user
        return request

    def test_gives_the_partnership_and_role(self, partnership, member_user):
        found, role = partnership_for_request(self._request(member_user), "northshire")

        assert (found, role) == (partnership, "member")

    def test_outsiders_get_not_found(self, partnership, other_manager_user):
        with pytest.raises(Http404):
            partnership_for_request(self._request(other_manager_user), "northshire")

    def test_unknown_partnership_is_not_found(self, partnership, manager_user):
        with pytest.raises(Http404):
            partnership_for_request(self._request(manager_user), "nowhere")

    def test_non_managers_may_not_manage(self, partnership, lead_user):
        with pytest.raises(PermissionDenied):
            partnership_for_request(self._request(lead_user), "northshire", manage=True)

    def test_managers_may_manage(self, partnership, manager_user):
        _, role = partnership_for_request(
            self._request(manager_user), "northshire", manage=True
        )

        assert role == "manager"
