"""Every URL of the service, requested by every kind of person, answers as it should.

The test walks the URLconf, so a new URL is checked the moment it exists. To add one:

1. Add its name to EXPECTED below with the answer each role should get. The helpers
   `reader()`, `manager_only()`, `leads_and_manager()`, `post_only()` and `everyone()`
   cover the usual cases; override single roles with `{**reader(), MEMBER: FORBIDDEN}`.
2. If it takes POSTs, give `post=` (the answer to a POST by each role) and `data=` (a
   function of the world returning the form data a permitted POST would use). Roles
   answered with REDIRECT are "allowed": their POST must change the database (it is
   rolled back afterwards). Every other role's POST must leave the database exactly as
   it was.
3. If its path has a parameter the walk does not know, add it to PARAMS; if it has a
   `pk`, say in PK_OF what the pk is of, and add the object to the `world` fixture.

Roles: ANON (not signed in), MEMBER, LEAD (requests the action they lead), LEAD_OTHER
(the same lead, requesting an action someone else leads), MANAGER (the partnership's
business manager) and OUTSIDER (another partnership's business manager).
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from assure.importers.models import ImportDraft
from assure.reports.models import FeedToken
from assure.scorecard.models import Indicator

ANON, MEMBER, LEAD, LEAD_OTHER, MANAGER, OUTSIDER = (
    "anonymous",
    "member",
    "lead",
    "lead (of another's action)",
    "manager",
    "outsider",
)
ROLES = (ANON, MEMBER, LEAD, LEAD_OTHER, MANAGER, OUTSIDER)

OK, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 403, 404, 405
SIGN_IN = "redirect to sign in"  # 302 to the sign-in page, with ?next=
REDIRECT = "redirect"  # 302 anywhere else: for a POST, "allowed, and it did something"

GOLD = Path(__file__).resolve().parents[1] / "assure" / "demo" / "data" / "gold"
SEEDS = GOLD.parent / "seeds"


def everyone(answer) -> dict[str, Any]:
    return dict.fromkeys(ROLES, answer)


def reader(ok=OK) -> dict[str, Any]:
    """A partnership page every member reads."""
    return {
        ANON: SIGN_IN,
        MEMBER: ok,
        LEAD: ok,
        LEAD_OTHER: ok,
        MANAGER: ok,
        OUTSIDER: NOT_FOUND,
    }


def manager_only(ok=OK) -> dict[str, Any]:
    """A partnership page only the business manager uses."""
    return {
        ANON: SIGN_IN,
        MEMBER: FORBIDDEN,
        LEAD: FORBIDDEN,
        LEAD_OTHER: FORBIDDEN,
        MANAGER: ok,
        OUTSIDER: NOT_FOUND,
    }


def leads_and_manager(ok=OK) -> dict[str, Any]:
    """An action's leads and the business manager: recording progress."""
    return {
        ANON: SIGN_IN,
        MEMBER: FORBIDDEN,
        LEAD: ok,
        LEAD_OTHER: FORBIDDEN,
        MANAGER: ok,
        OUTSIDER: NOT_FOUND,
    }


def post_only() -> dict[str, Any]:
    """GET of a POST-only URL: sign in first, then 405 for everyone."""
    return {**everyone(NOT_ALLOWED), ANON: SIGN_IN}


def no_data(world) -> dict:
    return {}


@dataclass(frozen=True)
class Rule:
    get: dict[str, Any]
    post: dict[str, Any] | None = None  # None: the URL takes no POST worth walking
    data: Callable[[SimpleNamespace], dict] = field(default=no_data)


def _upload(world) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = (SEEDS / "004_49595ce4b47897f8.txt").read_bytes()
    return {"document": SimpleUploadedFile("iow-plan.txt", text)}


def _scorecard_upload(world) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = f"indicator,period,value\n{world.indicator.code},2025-Q4,12\n".encode()
    return {"action": "check", "file": SimpleUploadedFile("figures.csv", text)}


# One entry per URL name. Keep them grouped by app; say why when a rule is unusual.
EXPECTED: dict[str, Rule] = {
    # --- core and accounts ------------------------------------------------------
    "core:home": Rule(
        get={**everyone(OK), ANON: REDIRECT}
    ),  # anonymous: published plans
    "accounts:sign_in": Rule(get=everyone(OK)),
    # Signing out is POST only; the POST itself is tested in assure/accounts/tests.
    "accounts:sign_out": Rule(get=everyone(NOT_ALLOWED)),
    # --- published plans: anyone ------------------------------------------------
    "public:plan_list": Rule(get=everyone(OK)),
    "public:plan_detail": Rule(get=everyone(OK)),
    # --- plans: reading ---------------------------------------------------------
    "plans:dashboard": Rule(get=reader()),
    "plans:plan_current": Rule(get=reader(REDIRECT)),  # to the current plan's page
    "plans:plan_detail": Rule(get=reader()),
    "plans:plan_source": Rule(get=reader()),
    "plans:plan_export_json": Rule(get=reader()),
    "plans:priority_detail": Rule(get=reader()),
    "plans:action_list": Rule(get=reader()),
    "plans:action_detail": Rule(get=reader()),
    "plans:my_actions": Rule(get=reader()),
    "plans:meeting_pack": Rule(get=reader()),
    # --- plans: managing --------------------------------------------------------
    "plans:history": Rule(get=manager_only()),
    "plans:plan_edit": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {
            "title": "Changed by the walk",
            "status": "approved",
            "period_start_date-day": "1",
            "period_start_date-month": "4",
            "period_start_date-year": "2025",
            "period_end_date-day": "31",
            "period_end_date-month": "3",
            "period_end_date-year": "2027",
        },
    ),
    "plans:priority_new": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {"ref": "9", "title": "Added by the walk"},
    ),
    "plans:priority_edit": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {"ref": "1", "title": "Changed by the walk"},
    ),
    "plans:action_new": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {"ref": "1.9", "text": "Added by the walk"},
    ),
    "plans:action_edit": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {
            "ref": "1.1",
            "text": "Changed by the walk",
            "leads_text": "Jo Bloggs, Named nurse",
        },
    ),
    "plans:action_delete": Rule(get=manager_only(), post=manager_only(REDIRECT)),
    "plans:lead_link": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {"target": f"group:{w.health_group.pk}"},
    ),
    # --- progress ---------------------------------------------------------------
    "progress:record_progress": Rule(
        get=leads_and_manager(),
        post=leads_and_manager(REDIRECT),
        data=lambda w: {"status": "on_track", "narrative": "Recorded by the walk"},
    ),
    # --- importers: the business manager imports plan documents -----------------
    "importers:upload": Rule(
        get=manager_only(), post=manager_only(REDIRECT), data=_upload
    ),
    "importers:preview": Rule(get=manager_only()),
    "importers:edit_plan": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {"partnership": "Northshire", "title": "Changed by the walk"},
    ),
    "importers:edit_action": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {"priority": "0", "text": "Changed by the walk"},
    ),
    "importers:remove_action": Rule(get=post_only(), post=manager_only(REDIRECT)),
    "importers:confirm": Rule(get=post_only(), post=manager_only(REDIRECT)),
    "importers:discard": Rule(get=post_only(), post=manager_only(REDIRECT)),
    # --- scorecard: members read, the business manager edits --------------------
    "scorecard:scorecard": Rule(get=reader()),
    "scorecard:exceptions": Rule(get=reader()),
    "scorecard:cp_journey": Rule(get=reader()),
    "scorecard:export_csv": Rule(get=reader()),
    "scorecard:indicator_detail": Rule(get=reader()),
    # Checking an upload shows a preview and saves nothing (the preview is in the
    # session), so the manager's POST answers 200.
    "scorecard:upload": Rule(
        get=manager_only(), post=manager_only(OK), data=_scorecard_upload
    ),
    "scorecard:official_load": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {"authority": "921"},
    ),
    "scorecard:indicator_new": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {
            "code": "walk_pct",
            "name": "Added by the walk",
            "definition": "Walked, of all walks",
            "unit": "percent",
            "polarity": "higher",
            "frequency": "quarterly",
        },
    ),
    "scorecard:indicator_edit": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {
            "code": w.indicator.code,
            "name": "Changed by the walk",
            "definition": w.indicator.definition,
            "unit": "percent",
            "polarity": "higher",
            "frequency": "quarterly",
        },
    ),
    "scorecard:commentary_new": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {"worries": "Written by the walk"},
    ),
    "scorecard:measurement_new": Rule(
        get=manager_only(),
        post=manager_only(REDIRECT),
        data=lambda w: {"period": "2025-Q4", "value": "12"},
    ),
    # --- reports: members read and download; calendar links are their own -------
    "reports:report_list": Rule(get=reader()),
    "reports:board_report": Rule(get=reader()),
    "reports:board_report_file": Rule(get=reader()),
    # With no ?year= the yearly download goes back to the reports page.
    "reports:yearly_report_file": Rule(get=reader(REDIRECT)),
    "reports:plan_export": Rule(get=reader()),
    "reports:my_calendar": Rule(get=reader()),
    "reports:feed_list": Rule(
        get=reader(), post=reader(REDIRECT), data=lambda w: {"scope": "lead"}
    ),
    # Only the link's owner (the member) may revoke it; to anyone else it is not found.
    "reports:feed_revoke": Rule(
        get=post_only(),
        post={**everyone(NOT_FOUND), ANON: SIGN_IN, MEMBER: REDIRECT},
    ),
    # --- calendar feeds: a secret link, no sign-in --------------------------------
    "feeds:feed": Rule(get=everyone(OK)),
}

# What `pk` is the key of, by URL name.
PK_OF: dict[str, str] = {
    "public:plan_detail": "plan",
    "plans:plan_detail": "plan",
    "plans:plan_edit": "plan",
    "plans:plan_source": "plan",
    "plans:plan_export_json": "plan",
    "plans:priority_detail": "priority",
    "plans:priority_edit": "priority",
    "plans:action_detail": "action",
    "plans:action_edit": "action",
    "plans:action_delete": "action",
    "plans:lead_link": "lead",
    "importers:preview": "import_draft",
    "importers:edit_plan": "import_draft",
    "importers:edit_action": "import_draft",
    "importers:remove_action": "import_draft",
    "importers:confirm": "import_draft",
    "importers:discard": "import_draft",
    "scorecard:indicator_detail": "indicator",
    "scorecard:indicator_edit": "indicator",
    "scorecard:commentary_new": "indicator",
    "scorecard:measurement_new": "indicator",
    "reports:feed_revoke": "feed_token",
}


def _action(world, role):
    """The lead requests their own action, except as LEAD_OTHER."""
    return world.other_action if role == LEAD_OTHER else world.led_action


# The primary key of each kind of object, for a role.
OBJECTS: dict[str, Callable[[SimpleNamespace, str], int]] = {
    "plan": lambda w, role: w.plan.pk,
    "priority": lambda w, role: w.priority.pk,
    "action": lambda w, role: _action(w, role).pk,
    "lead": lambda w, role: _action(w, role).leads.get().pk,
    "import_draft": lambda w, role: w.import_draft.pk,
    "indicator": lambda w, role: w.indicator.pk,
    "feed_token": lambda w, role: w.feed_token.pk,
}


def _pk(world, role, name):
    if name not in PK_OF:
        pytest.fail(f"{name} has a <pk>: say in PK_OF what it is the key of.")
    return OBJECTS[PK_OF[name]](world, role)


# Every path parameter: a function of (world, role, URL name).
PARAMS: dict[str, Callable[[SimpleNamespace, str, str], Any]] = {
    "partnership": lambda w, role, name: w.partnership.slug,
    "pk": _pk,
    "plan_pk": lambda w, role, name: w.plan.pk,
    "priority_pk": lambda w, role, name: w.priority.pk,
    "action_pk": lambda w, role, name: _action(w, role).pk,
    "priority_index": lambda w, role, name: 0,
    "action_index": lambda w, role, name: 0,
    # Word and CSV: the quickest of each download's formats.
    "fmt": lambda w, role, name: "csv" if name == "reports:plan_export" else "docx",
    "token": lambda w, role, name: w.feed_token.token,
}


def url_patterns(resolver=None, namespace: str = "", params: tuple = ()):
    """(name, parameter names) of every URL but the admin's and static files'."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        # The regex's groups, not pattern.converters: Django 5.2 shares one converters
        # dict between every path("", include(...)) and fills it while reversing.
        pattern_params = tuple(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_patterns(entry, inner, params + pattern_params)
        elif isinstance(entry, URLPattern):
            if "static" in str(entry.pattern) and entry.name is None:
                continue
            name = (
                f"{namespace}{entry.name}"
                if entry.name
                else f"(unnamed) {entry.pattern}"
            )
            yield name, params + pattern_params


@pytest.fixture
def world(plan_world, manager_user, lead_user, member_user, other_manager_user):
    """Everything the walk's URLs point at; the plan is published and has its source."""
    w = plan_world
    w.plan.is_published = True
    w.plan.source_name = "northshire-plan.txt"
    w.plan.source_file.save(
        "northshire-plan.txt", ContentFile(b"Business plan"), save=False
    )
    w.plan.save()
    document = json.loads(
        (GOLD / "004_49595ce4b47897f8.json").read_text(encoding="utf-8")
    )
    w.import_draft = ImportDraft.objects.create(
        partnership=w.partnership,
        uploaded_by=manager_user,
        filename="iow-plan.txt",
        document=ContentFile(b"plan", name="iow-plan.txt"),
        status=ImportDraft.Status.READY,
        plan_data=document,
        problems=[],
    )
    w.indicator = Indicator.objects.create(
        partnership=w.partnership,
        code="rhi_offered_pct",
        name="Return home interviews offered",
        definition="Children offered an interview, of children coming home",
        unit="percent",
        polarity="higher",
        frequency="quarterly",
    )
    w.feed_token = FeedToken.objects.create(
        owner=member_user, partnership=w.partnership
    )
    w.users = {
        MEMBER: member_user,
        LEAD: lead_user,
        LEAD_OTHER: lead_user,
        MANAGER: manager_user,
        OUTSIDER: other_manager_user,
    }
    return w


def _clients(world) -> dict[str, Client]:
    clients = {ANON: Client()}
    for role, user in world.users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients


def _snapshot() -> dict[str, Any]:
    """Every row of every table but sessions, to tell whether a request changed any."""
    state = {}
    for model in apps.get_models():
        if model._meta.label == "sessions.Session":
            continue
        rows = model._base_manager.order_by("pk")
        state[model._meta.label] = (
            list(rows.values_list())
            if rows.count() <= 5000
            else (rows.count(), rows.last().pk)
        )
    return state


def _changed(before: dict, after: dict) -> list[str]:
    return [label for label in before if before[label] != after[label]]


def _answer(response, path: str) -> Any:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("accounts:sign_in") + "?next="):
            return SIGN_IN
        return REDIRECT
    return response.status_code


@pytest.mark.django_db
def test_every_url_answers_every_role_as_expected(world):
    found = dict(url_patterns())
    missing = sorted(set(found) - set(EXPECTED))
    stale = sorted(set(EXPECTED) - set(found))
    unknown_params = sorted({p for ps in found.values() for p in ps} - set(PARAMS))
    problems = []
    if missing:
        problems.append(
            "These URL names need an entry in EXPECTED in "
            "tests/test_permissions_walk.py (the answer each role should get): "
            + ", ".join(missing)
        )
    if stale:
        problems.append(
            "EXPECTED has entries for URLs that no longer exist: " + ", ".join(stale)
        )
    if unknown_params:
        problems.append(
            "Add these path parameters to PARAMS in "
            "tests/test_permissions_walk.py: " + ", ".join(unknown_params)
        )

    clients = _clients(world)
    wrong = []
    walkable = {
        name: params
        for name, params in found.items()
        if name in EXPECTED and set(params) <= set(PARAMS)
    }
    for name, params in sorted(walkable.items()):
        rule = EXPECTED[name]
        for role in ROLES:
            kwargs = {p: PARAMS[p](world, role, name) for p in params}
            path = reverse(name, kwargs=kwargs)
            got = _answer(clients[role].get(path), path)
            if got != rule.get[role]:
                wrong.append(
                    f"GET  {path} ({name}) as {role}: {got}, expected {rule.get[role]}"
                )
            if rule.post is None:
                continue
            before = _snapshot()
            with transaction.atomic():
                got = _answer(clients[role].post(path, rule.data(world)), path)
                after = _snapshot()
                transaction.set_rollback(True)  # allowed POSTs change things: undo them
            changed = _changed(before, after)
            if got != rule.post[role]:
                wrong.append(
                    f"POST {path} ({name}) as {role}: {got}, expected {rule.post[role]}"
                )
            elif got == REDIRECT and not changed:
                wrong.append(
                    f"POST {path} ({name}) as {role} changed nothing: "
                    "is the data in EXPECTED right?"
                )
            elif got != REDIRECT and changed:
                wrong.append(
                    f"POST {path} ({name}) as {role} answered {got} but "
                    f"changed {', '.join(changed)}"
                )
    # URLs without entries fail the test too, after the others have been walked.
    report = problems + ([f"{len(wrong)} wrong answers:"] if wrong else []) + wrong
    assert not report, "\n".join(report)
