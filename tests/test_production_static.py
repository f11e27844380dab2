"""Pages render with production's hashed static files (after collectstatic)."""

import pytest
from django.core.management import call_command
from django.urls import reverse


@pytest.mark.django_db
def test_pages_render_with_the_manifest_storage(settings, tmp_path, client):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }
    settings.DEBUG = False
    call_command("collectstatic", interactive=False, verbosity=0)

    response = client.get(reverse("accounts:sign_in"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/vendor/govuk-frontend/govuk-frontend.min." in page
    assert "govuk-frontend.min.css" not in page  # the hashed name is used
