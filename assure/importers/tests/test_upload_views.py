"""The upload, check, correct and confirm pages of a plan import."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from assure.importers.models import ImportDraft
from assure.plans.models import Action, Plan

SEEDS = Path(__file__).resolve().parents[2] / "demo" / "data" / "seeds"


def _upload(client, partnership, name: str, data: bytes):
    url = reverse("importers:upload", kwargs={"partnership": partnership.slug})
    return client.post(url, {"document": SimpleUploadedFile(name, data)})


def _date(name: str, day: str, month: str, year: str) -> dict[str, str]:
    """A date as the form's day, month and year boxes post it."""
    return {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}


@pytest.mark.django_db
class TestUpload:
    def test_reads_a_plan_and_saves_nothing_until_confirmed(
        self, manager_client, partnership
    ):
        data = (SEEDS / "004_49595ce4b47897f8.txt").read_bytes()

        response = _upload(manager_client, partnership, "iow.txt", data)

        draft = ImportDraft.objects.get()
        assert response.status_code == 302
        assert response["Location"] == draft.get_absolute_url()
        assert draft.status == ImportDraft.Status.READY
        assert Plan.objects.count() == 0
        page = manager_client.get(draft.get_absolute_url())
        assert page.status_code == 200
        assert "Check what was read" in page.content.decode()
        assert "21 actions" in page.content.decode()

    def test_confirm_saves_a_draft_plan_with_the_document_kept(
        self, manager_client, partnership
    ):
        data = (SEEDS / "003_482c4765827834fc.txt").read_bytes()
        _upload(manager_client, partnership, "wb.txt", data)
        draft = ImportDraft.objects.get()

        response = manager_client.post(
            reverse(
                "importers:confirm",
                kwargs={"partnership": partnership.slug, "pk": draft.pk},
            )
        )

        plan = Plan.objects.get()
        assert response["Location"] == plan.get_absolute_url()
        assert plan.status == Plan.Status.DRAFT
        assert plan.partnership == partnership
        assert Action.objects.filter(priority__plan=plan).count() == 31
        assert plan.source_file.read() == data

    def test_flags_leads_that_match_nobody(self, manager_client, partnership):
        data = (SEEDS / "004_49595ce4b47897f8.txt").read_bytes()
        _upload(manager_client, partnership, "iow.txt", data)
        page = manager_client.get(
            ImportDraft.objects.get().get_absolute_url()
        ).content.decode()

        assert "matches nobody in the partnership" in page

    def test_correcting_and_removing_an_action(self, manager_client, partnership):
        _upload(
            manager_client,
            partnership,
            "iow.txt",
            (SEEDS / "004_49595ce4b47897f8.txt").read_bytes(),
        )
        draft = ImportDraft.objects.get()
        kwargs = {
            "partnership": partnership.slug,
            "pk": draft.pk,
            "priority_index": 0,
            "action_index": 0,
        }

        manager_client.post(
            reverse("importers:edit_action", kwargs=kwargs),
            {
                "priority": "1",
                "ref": "9.9",
                "text": "Corrected text",
                "leads": "Training Sub Group\nJo Bloggs",
                "due_text": "Q3",
                **_date("due_date", "", "", ""),
                "outputs": "One\nTwo",
            },
        )
        manager_client.post(reverse("importers:remove_action", kwargs=kwargs))

        draft.refresh_from_db()
        moved = draft.plan_data["priorities"][1]["actions"][-1]
        assert moved["text"] == "Corrected text"
        assert moved["leads"] == ["Training Sub Group", "Jo Bloggs"]
        assert moved["outputs"] == ["One", "Two"]
        assert len(draft.plan_data["priorities"][0]["actions"]) == 3

    def test_a_correction_with_errors_is_shown_and_not_saved(
        self, manager_client, partnership
    ):
        _upload(
            manager_client,
            partnership,
            "iow.txt",
            (SEEDS / "004_49595ce4b47897f8.txt").read_bytes(),
        )
        draft = ImportDraft.objects.get()
        before = draft.plan_data
        url = reverse(
            "importers:edit_action",
            kwargs={
                "partnership": partnership.slug,
                "pk": draft.pk,
                "priority_index": 0,
                "action_index": 0,
            },
        )

        response = manager_client.post(
            url, {"priority": "0", "text": "", **_date("due_date", "31", "31", "2026")}
        )

        assert response.status_code == 200
        assert "Enter what will be done" in response.content.decode()
        assert "Due date must be a real date" in response.content.decode()
        draft.refresh_from_db()
        assert draft.plan_data == before

    def test_correcting_the_plan_period_in_the_date_boxes(
        self, manager_client, partnership
    ):
        _upload(
            manager_client,
            partnership,
            "iow.txt",
            (SEEDS / "004_49595ce4b47897f8.txt").read_bytes(),
        )
        draft = ImportDraft.objects.get()
        url = reverse(
            "importers:edit_plan",
            kwargs={"partnership": partnership.slug, "pk": draft.pk},
        )
        start = draft.plan_data["period"]["start"]
        year, month, day = (str(int(part)) for part in start.split("-"))

        shown = manager_client.get(url).content.decode()
        assert f'name="period_start-year" type="text" value="{year}"' in shown
        assert f'name="period_start-month" type="text" value="{month}"' in shown
        assert f'name="period_start-day" type="text" value="{day}"' in shown

        wrong = manager_client.post(
            url,
            {
                "partnership": "Isle of Wight",
                "title": "Business plan",
                **_date("period_start", "1", "April", "2026"),
                **_date("period_end", "31", "", "2027"),
            },
        )
        assert "End of the period must include a month" in wrong.content.decode()
        assert 'href="#id_period_end-month"' in wrong.content.decode()

        manager_client.post(
            url,
            {
                "partnership": "Isle of Wight",
                "title": "Business plan",
                **_date("period_start", "1", "April", "2026"),
                **_date("period_end", "31", "3", "2027"),
            },
        )
        draft.refresh_from_db()
        assert draft.plan_data["period"] == {"start": "2026-04-01", "end": "2027-03-31"}

    @pytest.mark.parametrize(
        ("name", "data", "message"),
        [
            ("empty.docx", b"", "The file is empty"),
            ("fake.docx", b"just some words, not a Word document", "really"),
            (
                "contents.txt",
                b"Contents\n1. Introduction ........ 3\n2. Glossary ........ 9\n",
                "No actions were found",
            ),
        ],
    )
    def test_bad_documents_get_one_plain_sentence(
        self, manager_client, partnership, name, data, message
    ):
        response = _upload(manager_client, partnership, name, data)

        if response.status_code == 302:
            response = manager_client.get(response["Location"])
        assert message in response.content.decode()
        assert Plan.objects.count() == 0

    def test_discard_throws_the_import_away(self, manager_client, partnership):
        _upload(
            manager_client,
            partnership,
            "iow.txt",
            (SEEDS / "004_49595ce4b47897f8.txt").read_bytes(),
        )
        draft = ImportDraft.objects.get()

        manager_client.post(
            reverse(
                "importers:discard",
                kwargs={"partnership": partnership.slug, "pk": draft.pk},
            )
        )

        assert not ImportDraft.objects.exists()
        assert Plan.objects.count() == 0


@pytest.mark.django_db
class TestUploadPermissions:
    def test_members_and_leads_cannot_import(
        self, member_client, lead_client, partnership
    ):
        url = reverse("importers:upload", kwargs={"partnership": partnership.slug})

        assert member_client.get(url).status_code == 403
        assert lead_client.get(url).status_code == 403

    def test_another_partnerships_manager_cannot_see_an_import(
        self, manager_client, other_manager_client, partnership
    ):
        _upload(
            manager_client,
            partnership,
            "iow.txt",
            (SEEDS / "004_49595ce4b47897f8.txt").read_bytes(),
        )
        draft = ImportDraft.objects.get()

        assert other_manager_client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.django_db
class TestUploadChecks:
    def test_warns_when_the_document_names_another_partnership(
        self, manager_client, partnership
    ):
        _upload(
            manager_client,
            partnership,
            "iow.txt",
            (SEEDS / "004_49595ce4b47897f8.txt").read_bytes(),
        )

        page = manager_client.get(ImportDraft.objects.get().get_absolute_url())

        assert "check this is your partnership" in page.content.decode()

    def test_a_file_over_the_limit_is_refused_on_the_form(
        self, manager_client, partnership
    ):
        big = b"1.1 Action text Lead: Someone\n" * (21 * 1024 * 1024 // 30)

        response = _upload(manager_client, partnership, "big.txt", big)

        assert response.status_code == 200
        assert "the largest we read is 20 MB" in response.content.decode()
        assert not ImportDraft.objects.exists()
