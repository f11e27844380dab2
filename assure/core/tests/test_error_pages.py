"""Error pages are our own, in plain words."""

import pytest
from django.test import Client
from django.urls import reverse


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_gets_our_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("accounts:sign_in"), {"email": "a@b.c", "password": "x"}
    )

    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert "Assure" in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_address_gets_our_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
