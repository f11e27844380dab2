import pytest
from django.urls import reverse

from assure.accounts.factories import TEST_PASSWORD

SIGN_IN = reverse("accounts:sign_in")


@pytest.mark.django_db
class TestSignIn:
    def test_shows_the_form(self, client):
        response = client.get(SIGN_IN)

        assert response.status_code == 200
        assert "Sign in to Assure" in response.content.decode()

    def test_signs_in_with_email_and_password_and_goes_home(self, client, member_user):
        response = client.post(
            SIGN_IN, {"email": member_user.email.upper(), "password": TEST_PASSWORD}
        )

        assert response.status_code == 302
        assert response["Location"] == reverse("core:home")
        home = client.get(reverse("core:home")).content.decode()
        assert "Northshire" in home

    def test_goes_to_next_when_it_is_on_this_site(self, client, member_user):
        dashboard = reverse("plans:dashboard", kwargs={"partnership": "northshire"})

        response = client.post(
            SIGN_IN,
            {"email": member_user.email, "password": TEST_PASSWORD, "next": dashboard},
        )

        assert response["Location"] == dashboard

    def test_ignores_next_on_another_site(self, client, member_user):
        response = client.post(
            SIGN_IN,
            {
                "email": member_user.email,
                "password": TEST_PASSWORD,
                "next": "https://evil.example.com/",
            },
        )

        assert response["Location"] == reverse("core:home")

    def test_wrong_password_shows_an_error_summary(self, client, member_user):
        response = client.post(
            SIGN_IN, {"email": member_user.email, "password": "nope"}
        )

        page = response.content.decode()
        assert response.status_code == 200
        assert "There is a problem" in page
        assert "Enter a correct email address and password" in page
        assert "_auth_user_id" not in client.session

    def test_empty_form_names_each_field(self, client):
        page = client.post(SIGN_IN, {"email": "", "password": ""}).content.decode()

        assert "Enter your email address" in page
        assert "Enter your password" in page


@pytest.mark.django_db
class TestSignOut:
    def test_signs_out_and_goes_to_sign_in(self, member_client):
        response = member_client.post(reverse("accounts:sign_out"))

        assert response["Location"] == SIGN_IN
        assert "_auth_user_id" not in member_client.session

    def test_refuses_get(self, member_client):
        assert member_client.get(reverse("accounts:sign_out")).status_code == 405


@pytest.mark.django_db
class TestHome:
    def test_anonymous_people_see_published_plans(self, client):
        response = client.get(reverse("core:home"))

        assert response["Location"] == reverse("public:plan_list")

    def test_lists_the_users_partnerships_and_role(
        self, lead_client, other_partnership
    ):
        page = lead_client.get(reverse("core:home")).content.decode()

        assert "Northshire" in page
        assert "Lead" in page
        assert "Southshire" not in page
