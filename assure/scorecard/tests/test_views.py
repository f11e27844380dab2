import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assure.scorecard.factories import IndicatorFactory, MeasurementFactory
from assure.scorecard.models import Commentary, Indicator, Measurement
from assure.scorecard.services import official_figures_load

READ_PAGES = ["scorecard", "exceptions", "cp_journey", "export_csv"]
MANAGE_PAGES = ["upload", "official_load", "indicator_new"]


@pytest.fixture
def indicator(partnership):
    indicator = IndicatorFactory(
        partnership=partnership,
        code="rhi_pct",
        name="Return home interviews offered",
        target=90,
        tolerance=5,
    )
    MeasurementFactory(indicator=indicator, period="2025-Q1", value=80)
    MeasurementFactory(
        indicator=indicator, period="2025-Q2", value=None, note="not available (x)"
    )
    return indicator


def _url(name, partnership, *args):
    return reverse(f"scorecard:{name}", args=[partnership.slug, *args])


@pytest.mark.django_db
class TestReading:
    @pytest.mark.parametrize("name", READ_PAGES)
    def test_a_member_reads(self, member_client, partnership, indicator, name):
        assert member_client.get(_url(name, partnership)).status_code == 200

    def test_a_member_reads_an_indicator(self, member_client, partnership, indicator):
        response = member_client.get(
            _url("indicator_detail", partnership, indicator.pk)
        )

        assert response.status_code == 200
        body = response.content.decode()
        assert 'role="img"' in body
        assert "Return home interviews offered" in body
        assert "Add commentary" not in body

    @pytest.mark.parametrize("name", READ_PAGES)
    def test_an_outsider_gets_not_found(
        self, other_manager_client, partnership, indicator, name
    ):
        assert other_manager_client.get(_url(name, partnership)).status_code == 404

    def test_an_outsider_cannot_see_an_indicator(
        self, other_manager_client, partnership, indicator
    ):
        url = _url("indicator_detail", partnership, indicator.pk)

        assert other_manager_client.get(url).status_code == 404

    @pytest.mark.parametrize("name", READ_PAGES + MANAGE_PAGES)
    def test_anonymous_is_sent_to_sign_in(self, client, partnership, name):
        response = client.get(_url(name, partnership))

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign_in"))

    def test_the_scorecard_shows_words_tags_and_trend(self, member_client, partnership):
        official_figures_load(partnership=partnership, query="921")

        body = member_client.get(_url("scorecard", partnership)).content.decode()

        assert "Child protection" in body
        assert "Initial conferences within 15 working days" in body
        assert "Trend for Initial conferences within 15 working days" in body
        assert "No target" in body
        assert "2024 to 2025" in body

    def test_the_journey_names_the_counts_it_uses(self, member_client, partnership):
        official_figures_load(partnership=partnership, query="921")

        body = member_client.get(_url("cp_journey", partnership)).content.decode()

        assert "table D3" in body
        assert "4,864" in body  # Isle of Wight referrals, 2024 to 2025

    def test_the_export_is_csv(self, member_client, partnership, indicator):
        response = member_client.get(_url("export_csv", partnership))

        lines = response.content.decode().splitlines()
        assert lines[0] == (
            "indicator,period,geography,geography_code,value,numerator,denominator,note"
        )
        assert "rhi_pct,2025-Q2,la,,,,,not available (x)" in lines


@pytest.mark.django_db
class TestManaging:
    @pytest.mark.parametrize("name", MANAGE_PAGES)
    def test_a_member_is_refused(self, member_client, partnership, name):
        assert member_client.get(_url(name, partnership)).status_code == 403

    def test_a_member_cannot_add_commentary(
        self, member_client, partnership, indicator
    ):
        response = member_client.post(
            _url("commentary_new", partnership, indicator.pk), {"worries": "Sneaky"}
        )

        assert response.status_code == 403
        assert not Commentary.objects.exists()

    @pytest.mark.parametrize("name", MANAGE_PAGES)
    def test_the_manager_opens(self, manager_client, partnership, name):
        assert manager_client.get(_url(name, partnership)).status_code == 200

    def test_the_manager_adds_an_indicator(self, manager_client, partnership, priority):
        response = manager_client.post(
            _url("indicator_new", partnership),
            {
                "name": "Training attendance by agency",
                "code": "Training",
                "definition": "Staff attending training",
                "unit": "count",
                "polarity": "higher",
                "frequency": "quarterly",
                "theme": "Engagement",
                "target": "150",
                "tolerance": "20",
                "priorities": [str(priority.pk)],
            },
        )

        indicator = Indicator.objects.get(code="training")
        assert response.status_code == 302
        assert list(indicator.priorities.all()) == [priority]

    def test_a_bad_indicator_form_says_what_to_do(self, manager_client, partnership):
        response = manager_client.post(
            _url("indicator_new", partnership),
            {
                "name": "",
                "code": "x",
                "unit": "percent",
                "polarity": "higher",
                "frequency": "quarterly",
                "target": "lots",
            },
        )

        body = response.content.decode()
        assert "There is a problem" in body
        assert "Enter the indicator&#39;s name" in body
        assert "Enter a number, like 75 or 12.5" in body

    def test_the_manager_adds_commentary(self, manager_client, partnership, indicator):
        response = manager_client.post(
            _url("commentary_new", partnership, indicator.pk),
            {"working_well": "Good", "worries": "", "next_steps": "More"},
        )

        assert response.status_code == 302
        assert indicator.commentaries.get().next_steps == "More"

    def test_the_manager_records_a_figure(self, manager_client, partnership, indicator):
        response = manager_client.post(
            _url("measurement_new", partnership, indicator.pk),
            {"period": "Q3 2025", "value": "88.5"},
        )

        assert response.status_code == 302
        assert indicator.measurements.get(period="2025-Q3").value == 88.5

    def test_a_bad_figure_says_what_to_do(self, manager_client, partnership, indicator):
        response = manager_client.post(
            _url("measurement_new", partnership, indicator.pk),
            {"period": "2025-Q3", "value": "twelve"},
        )

        assert "Enter a number, not &#39;twelve&#39;" in response.content.decode()


@pytest.mark.django_db
class TestUpload:
    def _post(self, client, partnership, text, name="figures.csv"):
        return client.post(
            _url("upload", partnership),
            {
                "action": "check",
                "file": SimpleUploadedFile(name, text.encode()),
            },
        )

    def test_checks_then_saves(self, manager_client, partnership, indicator):
        response = self._post(
            manager_client,
            partnership,
            "indicator,period,value\nrhi_pct,2025-Q3,91\nrhi_pct,2025-Q4,93\n",
        )

        assert "Save 2 figures" in response.content.decode()
        assert not indicator.measurements.filter(period="2025-Q3").exists()

        response = manager_client.post(_url("upload", partnership), {"action": "save"})

        assert response.status_code == 302
        assert indicator.measurements.get(period="2025-Q4").value == 93

    def test_shows_problems_and_saves_nothing(
        self, manager_client, partnership, indicator
    ):
        before = Measurement.objects.count()

        response = self._post(
            manager_client,
            partnership,
            "indicator,period,value\nrhi_pct,2025-Q3,91\nrhi_pct,2025-Q4,twelve\n",
        )

        body = response.content.decode()
        assert "Nothing was saved" in body
        assert "Row 3, value: enter a number, not &#39;twelve&#39;" in body
        assert "Save" not in body.split("Problems in the file")[1].split("<form")[0]
        assert (
            manager_client.post(
                _url("upload", partnership), {"action": "save"}
            ).status_code
            == 302
        )
        assert Measurement.objects.count() == before
