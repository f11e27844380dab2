"""Report pages and downloads: status, permission, one happy path each; calendar links."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from assure.reports.models import FeedToken

from .conftest import OFF_REASON


def url(name: str, partnership="northshire", **kwargs) -> str:
    return reverse(f"reports:{name}", kwargs={"partnership": partnership, **kwargs})


@pytest.mark.django_db
class TestReportList:
    def test_a_member_sees_the_downloads(self, progress_world, member_client):
        response = member_client.get(url("report_list"))

        assert response.status_code == 200
        html = response.content.decode()
        for fmt in ("xlsx", "csv", "json", "ics"):
            assert url("plan_export", plan_pk=progress_world.plan.pk, fmt=fmt) in html
        assert url("board_report_file", fmt="docx") in html
        assert ">Reports<" in html  # the navigation shows the reports page

    def test_an_outsider_gets_not_found(self, progress_world, other_manager_client):
        assert other_manager_client.get(url("report_list")).status_code == 404

    def test_anonymous_is_sent_to_sign_in(self, progress_world):
        response = Client().get(url("report_list"))

        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign_in"))


@pytest.mark.django_db
class TestBoardReport:
    def test_page_shows_the_report(self, progress_world, member_client):
        response = member_client.get(url("board_report"))

        html = response.content.decode()
        assert response.status_code == 200
        assert "Board progress report as at 14 March 2026" in html
        assert "Off track (Red)" in html
        assert OFF_REASON in html

    def test_a_bad_date_is_an_error_not_a_report(self, progress_world, member_client):
        response = member_client.get(url("board_report"), {"as_at": "31/02/2026"})

        html = response.content.decode()
        assert "There is a problem" in html
        assert "Date the report is as at must be a real date" in html

    def test_uses_the_dates_typed_in_the_boxes(self, progress_world, member_client):
        response = member_client.get(
            url("board_report"),
            {
                "as_at-day": "1",
                "as_at-month": "mar",
                "as_at-year": "2026",
                "since-day": "",
                "since-month": "",
                "since-year": "",
            },
        )

        html = response.content.decode()
        assert "Board progress report as at 1 March 2026" in html
        assert 'name="as_at-month" type="text" value="3"' in html
        assert 'name="since-month" type="text" value="12"' in html  # 3 months before
        assert "?as_at=2026-03-01&amp;since=2025-12-01" in html  # downloads

    def test_a_date_missing_a_part_is_an_error(self, progress_world, member_client):
        response = member_client.get(
            url("board_report"),
            {
                "as_at-day": "1",
                "as_at-month": "3",
                "as_at-year": "",
            },
        )

        html = response.content.decode()
        assert "Date the report is as at must include a year" in html
        assert 'href="#id_as_at-year"' in html

    def test_word_download(self, progress_world, member_client):
        response = member_client.get(
            url("board_report_file", fmt="docx"), {"as_at": "2026-03-14"}
        )

        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        text = "\n".join(
            c.text
            for t in Document(io.BytesIO(response.content)).tables
            for r in t.rows
            for c in r.cells
        )
        assert OFF_REASON in text

    def test_pdf_download(self, progress_world, member_client):
        response = member_client.get(url("board_report_file", fmt="pdf"))

        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")

    def test_unknown_format_is_not_found(self, progress_world, member_client):
        assert member_client.get(url("board_report_file", fmt="odt")).status_code == 404

    def test_outsider_cannot_download(self, progress_world, other_manager_client):
        response = other_manager_client.get(url("board_report_file", fmt="pdf"))

        assert response.status_code == 404


@pytest.mark.django_db
class TestYearlyAndExports:
    def test_yearly_word_draft(self, progress_world, member_client):
        response = member_client.get(
            url("yearly_report_file", fmt="docx"), {"year": "2025"}
        )

        assert response.status_code == 200
        assert "yearly-report-2025-2026.docx" in response["Content-Disposition"]

    def test_yearly_without_a_year_goes_back(self, progress_world, member_client):
        response = member_client.get(url("yearly_report_file", fmt="docx"))

        assert response.status_code == 302
        assert response["Location"] == url("report_list")

    def test_excel_export(self, progress_world, member_client):
        response = member_client.get(
            url("plan_export", plan_pk=progress_world.plan.pk, fmt="xlsx")
        )

        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet.max_row == 5  # header and 4 actions

    def test_another_partnerships_plan_is_not_found(
        self, progress_world, other_manager_client
    ):
        response = other_manager_client.get(
            url(
                "plan_export",
                partnership="southshire",
                plan_pk=progress_world.plan.pk,
                fmt="csv",
            )
        )

        assert response.status_code == 404

    def test_my_calendar(self, progress_world, lead_client):
        response = lead_client.get(url("my_calendar"))

        assert response["Content-Type"].startswith("text/calendar")
        assert b"Deliver multi-agency neglect training" in response.content


@pytest.mark.django_db
class TestCalendarLinks:
    def test_a_member_creates_a_link_that_works_without_sign_in(
        self, progress_world, lead_user, lead_client
    ):
        response = lead_client.post(url("feed_list"), {"scope": "lead"})

        assert response.status_code == 302
        token = FeedToken.objects.get(owner=lead_user)
        feed = reverse("feeds:feed", kwargs={"token": token.token})
        assert feed in lead_client.get(url("feed_list")).content.decode()
        answer = Client().get(feed)
        assert answer.status_code == 200
        assert answer["Content-Type"].startswith("text/calendar")
        assert b"1.1 Deliver" in answer.content
        assert b"1.2 Audit" not in answer.content  # only the lead's own actions

    def test_a_partnership_link_shows_every_dated_action(
        self, progress_world, member_user
    ):
        token = FeedToken.objects.create(
            owner=member_user, partnership=progress_world.partnership
        )

        body = Client().get(reverse("feeds:feed", args=[token.token])).content

        assert body.count(b"BEGIN:VEVENT") == 3

    def test_a_revoked_link_stops_working_at_once(
        self, progress_world, member_user, member_client
    ):
        token = FeedToken.objects.create(
            owner=member_user, partnership=progress_world.partnership
        )
        feed = reverse("feeds:feed", kwargs={"token": token.token})
        assert Client().get(feed).status_code == 200

        response = member_client.post(url("feed_revoke", pk=token.pk))

        assert response.status_code == 302
        assert Client().get(feed).status_code == 404

    def test_unknown_link_is_not_found(self, db):
        assert Client().get("/feeds/not-a-real-token.ics").status_code == 404

    def test_no_one_else_can_revoke_a_link(
        self, progress_world, member_user, manager_client
    ):
        token = FeedToken.objects.create(
            owner=member_user, partnership=progress_world.partnership
        )

        response = manager_client.post(url("feed_revoke", pk=token.pk))

        assert response.status_code == 404
        token.refresh_from_db()
        assert token.revoked_at is None

    def test_a_link_stops_when_its_owner_leaves(self, progress_world, member_user):
        token = FeedToken.objects.create(
            owner=member_user, partnership=progress_world.partnership
        )
        member_user.memberships.all().delete()

        assert (
            Client().get(reverse("feeds:feed", args=[token.token])).status_code == 404
        )

    def test_an_outsider_cannot_create_a_link(
        self, progress_world, other_manager_client
    ):
        response = other_manager_client.post(url("feed_list"), {"scope": "partnership"})

        assert response.status_code == 404
        assert not FeedToken.objects.exists()

    def test_revoke_takes_post_only(self, progress_world, member_user, member_client):
        token = FeedToken.objects.create(
            owner=member_user, partnership=progress_world.partnership
        )

        assert member_client.get(url("feed_revoke", pk=token.pk)).status_code == 405
