"""Importing a plan document: read, keep for checking, correct, confirm as a draft plan."""

import copy
import logging
import threading
import time
from dataclasses import asdict
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import close_old_connections, transaction

from assure.accounts.models import Partnership, User
from assure.plans.models import Plan
from assure.plans.schema import plan_document_errors
from assure.plans.services import plan_create_from_document

from .api import read_plan
from .blocks import ImportRefused, ImportResult
from .models import ImportDraft

logger = logging.getLogger(__name__)


def import_result_check(result: ImportResult) -> None:
    """Refuse a reading that found no plan: a contents page or a glossary is not a plan."""
    actions = sum(len(p.get("actions", [])) for p in result.plan.get("priorities", []))
    if not actions:
        raise ImportRefused(
            "No actions were found in this document; check it is the business plan "
            "(with priorities and actions), not a contents page or a glossary."
        )


def plan_import_file(
    *, data: bytes, filename: str, partnership: Partnership, actor: User | None = None
) -> Plan:
    """Read a document and save it as a draft plan with the original kept (the CLI path)."""
    result = read_plan(data, filename)
    import_result_check(result)
    return plan_create_from_document(
        partnership=partnership,
        document=result.plan,
        source_name=filename,
        source_bytes=data,
        status=Plan.Status.DRAFT,
        actor=actor,
    )


@transaction.atomic
def import_draft_create(
    *, partnership: Partnership, uploaded_by: User, filename: str, data: bytes
) -> ImportDraft:
    """Keep an uploaded document and read it (in the background where configured)."""
    draft = ImportDraft(
        partnership=partnership, uploaded_by=uploaded_by, filename=filename
    )
    draft.document.save(filename, ContentFile(data), save=False)
    draft.save()
    if settings.ASSURE_IMPORT_IN_BACKGROUND:
        transaction.on_commit(lambda: _read_in_background(draft.pk))
    else:
        import_draft_read(draft=draft)
    return draft


def _read_in_background(draft_pk: int) -> None:
    def work() -> None:
        close_old_connections()
        try:
            import_draft_read(draft=ImportDraft.objects.get(pk=draft_pk))
        finally:
            close_old_connections()

    threading.Thread(target=work, name=f"import-{draft_pk}", daemon=True).start()


def import_draft_read(*, draft: ImportDraft) -> ImportDraft:
    """Read the kept document into plan/1 data and problems; never raises."""
    started = time.perf_counter()
    try:
        with draft.document.open("rb") as handle:
            data = handle.read()
        result = read_plan(data, draft.filename)
        import_result_check(result)
    except ImportRefused as refusal:
        draft.status, draft.error = ImportDraft.Status.FAILED, str(refusal)
    except Exception:  # a reader bug must not leave the page waiting for ever
        logger.exception("Import draft %s could not be read", draft.pk)
        draft.status = ImportDraft.Status.FAILED
        draft.error = (
            "This document could not be read. Try saving it as .docx or .xlsx."
        )
    else:
        draft.status = ImportDraft.Status.READY
        draft.plan_data = result.plan
        draft.problems = [asdict(p) for p in result.problems]
    draft.read_seconds = time.perf_counter() - started
    draft.save()
    return draft


def _editable(draft: ImportDraft) -> dict[str, Any]:
    if draft.status != ImportDraft.Status.READY or draft.plan_data is None:
        raise ValidationError("This import can no longer be changed")
    return copy.deepcopy(draft.plan_data)


@transaction.atomic
def import_draft_update_plan(
    *, draft: ImportDraft, fields: dict[str, Any]
) -> ImportDraft:
    """Correct the plan's own details: partnership as written, title, period."""
    plan = _editable(draft)
    plan["partnership"] = fields["partnership"]
    plan["title"] = fields["title"]
    start, end = fields.get("period_start"), fields.get("period_end")
    plan["period"] = (
        {"start": start.isoformat(), "end": end.isoformat()} if start and end else None
    )
    draft.plan_data = plan
    draft.save(update_fields=["plan_data", "updated_at"])
    return draft


@transaction.atomic
def import_draft_update_action(
    *,
    draft: ImportDraft,
    priority_index: int,
    action_index: int,
    fields: dict[str, Any],
    new_priority_index: int | None = None,
) -> ImportDraft:
    """Correct one action as read; it may move to another priority."""
    plan = _editable(draft)
    try:
        action = plan["priorities"][priority_index]["actions"][action_index]
    except (IndexError, KeyError):
        raise ValidationError("That action is no longer in this import") from None
    action.update(fields)
    if new_priority_index is not None and new_priority_index != priority_index:
        plan["priorities"][priority_index]["actions"].pop(action_index)
        plan["priorities"][new_priority_index]["actions"].append(action)
    draft.plan_data = plan
    draft.save(update_fields=["plan_data", "updated_at"])
    return draft


@transaction.atomic
def import_draft_remove_action(
    *, draft: ImportDraft, priority_index: int, action_index: int
) -> ImportDraft:
    """Drop something the reader took for an action."""
    plan = _editable(draft)
    try:
        plan["priorities"][priority_index]["actions"].pop(action_index)
    except (IndexError, KeyError):
        raise ValidationError("That action is no longer in this import") from None
    draft.plan_data = plan
    draft.save(update_fields=["plan_data", "updated_at"])
    return draft


@transaction.atomic
def import_draft_confirm(*, draft: ImportDraft, actor: User) -> Plan:
    """Save the checked reading as a draft plan, with the original document kept."""
    plan_data = _editable(draft)
    plan_data["priorities"] = [p for p in plan_data["priorities"] if p.get("actions")]
    errors = plan_document_errors(plan_data)
    if errors:
        raise ValidationError(errors)
    with draft.document.open("rb") as handle:
        data = handle.read()
    plan = plan_create_from_document(
        partnership=draft.partnership,
        document=plan_data,
        source_name=draft.filename,
        source_bytes=data,
        status=Plan.Status.DRAFT,
        actor=actor,
    )
    draft.status, draft.plan = ImportDraft.Status.SAVED, plan
    draft.save(update_fields=["status", "plan", "updated_at"])
    return plan


@transaction.atomic
def import_draft_discard(*, draft: ImportDraft) -> None:
    """Throw an import away, document and all."""
    draft.document.delete(save=False)
    draft.delete()
