"""Every page of the service passes axe-core's WCAG 2.2 AA checks, errors included.

The test loads the demo (five partnerships with real plans, progress and scorecards)
and walks the URLconf the way tests/test_permissions_walk.py does. In one browser it:

* visits every URL as the Isle of Wight business manager (who can see every page),
  and again for a partnership with nothing in it yet (the empty states);
* visits the published plans and the sign-in page anonymously, and the pages that
  differ by role as the demo lead and the demo board member;
* submits every form it met empty and checks the page with the error summary ("Error:"
  in the title, the summary focused), and sends every GET form nonsense;
* checks the 400, 403, 404, 500 and CSRF failure pages;
* on every page, also fails duplicate ids and anything focusable that does not change
  when focused, and checks our link-styled buttons show GOV.UK's focus style.

A URL name the walk cannot fill in fails the test by name: add its parameter to
_params (or its pk's kind to PK_OF in the permission walk), so a new page is checked
the day it exists. Downloads (any answer not text/html) are left out by their
Content-Type; POST-only URLs are listed in POST_ONLY.
"""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Count
from django.test import RequestFactory
from django.urls import reverse

from assure.accounts.models import Partnership, User
from assure.accounts.services import membership_grant
from assure.core import views as core_views
from assure.demo.loader import DATA_DIR, DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, demo_load
from assure.importers.models import ImportDraft
from assure.importers.services import import_draft_create
from assure.plans.models import Action, ActionLead, Plan
from assure.reports.models import FeedToken
from assure.scorecard.models import Indicator
from tests.test_permissions_walk import PK_OF, url_patterns

from .conftest import axe_violations, describe_violations

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]

SLUG = "isle-of-wight"  # published, with official figures for its area
ANONYMOUS = {"core:home", "accounts:sign_in", "public:plan_list", "public:plan_detail"}
# Pages that read differently to an action's lead; seen as the demo lead too.
AS_LEAD = {
    "plans:dashboard",
    "plans:my_actions",
    "plans:action_detail",
    "progress:record_progress",
    "reports:feed_list",
}
# Pages where a board member (who manages nothing) sees less; seen as the member too.
AS_MEMBER = {
    "plans:dashboard",
    "plans:plan_detail",
    "plans:priority_detail",
    "plans:action_detail",
    "scorecard:scorecard",
    "scorecard:exceptions",
    "scorecard:indicator_detail",
}
# GET of a POST-only URL answers 405 with no page to check (its POST is tested
# through the page holding its button).
POST_ONLY = {
    "accounts:sign_out",
    "importers:remove_action",
    "importers:confirm",
    "importers:discard",
    "reports:feed_revoke",
}
# Forms that may be saved empty. Say why when adding one.
EMPTY_IS_VALID = {
    "plans:lead_link",  # "Not linked" is a choice: it unlinks the lead
}


@dataclass
class Walk:
    """What the walk checked, and what it found wrong."""

    checked: list[str] = field(default_factory=list)
    downloads: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def axe(self, page, what: str) -> None:
        self.checked.append(what)
        duplicates = page.evaluate(DUPLICATE_IDS)
        if duplicates:
            self.problems.append(f"{what} ({page.url}): duplicate ids {duplicates}")
        unfocused = page.evaluate(NO_FOCUS_STYLE)
        if unfocused:
            self.problems.append(
                f"{what} ({page.url}): no visible focus on {unfocused}"
            )
        violations = axe_violations(page)
        if violations:
            self.problems.append(
                f"{what} ({page.url}):\n{describe_violations(violations)}"
            )


DUPLICATE_IDS = """() => {
  const seen = new Map();
  for (const el of document.querySelectorAll('[id]')) {
    seen.set(el.id, (seen.get(el.id) || 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
}"""
# Everything one can tab to must look different when focused (a radio or checkbox
# shows it on its label, so is left out). Returns the outerHTML of any that do not.
# Checking one element of each kind (tag, classes, parent's classes) is enough.
NO_FOCUS_STYLE = """() => {
  const props = ['outlineStyle', 'outlineColor', 'outlineWidth', 'boxShadow',
                 'backgroundColor', 'color', 'textDecorationLine', 'borderColor'];
  const look = el => { const s = getComputedStyle(el); return props.map(p => s[p]).join('|'); };
  const bad = [];
  const els = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]):not([type=radio]):not([type=checkbox]),'
    + ' select, textarea, summary, [tabindex]:not([tabindex="-1"])');
  const seen = new Set();  // one of each kind is enough
  for (const el of els) {
    const kind = [el.tagName, el.className, el.type, el.parentElement.className].join();
    if (seen.has(kind) || !el.checkVisibility() || el.disabled) continue;
    seen.add(kind);
    if (document.activeElement === el) el.blur();
    const before = look(el);
    el.focus();
    if (document.activeElement !== el) continue;
    const after = look(el);
    el.blur();
    if (before === after) bad.push(el.outerHTML.slice(0, 120));
  }
  return bad;
}"""


def _world():
    demo_load()
    partnership = Partnership.objects.get(slug=SLUG)
    plan = Plan.objects.filter(partnership=partnership).get()
    manager = User.objects.get(email=f"manager@{SLUG}.{DEMO_EMAIL_DOMAIN}")
    lead = User.objects.get(email=f"lead@{SLUG}.{DEMO_EMAIL_DOMAIN}")
    member = User.objects.get(email=f"member@{SLUG}.{DEMO_EMAIL_DOMAIN}")
    actions = Action.objects.filter(priority__plan=plan)
    # The action with most progress to show; the lead's own, for the lead.
    action = actions.annotate(n=Count("progress_updates")).order_by("-n", "pk").first()
    led = actions.filter(leads__person__user=lead).order_by("pk").first()
    seed = DATA_DIR / "seeds" / "004_49595ce4b47897f8.txt"
    draft = import_draft_create(
        partnership=partnership,
        uploaded_by=manager,
        filename="iow-plan.txt",
        data=seed.read_bytes(),
    )
    # A plan of another partnership's, uploaded here: the preview warns.
    stray = import_draft_create(
        partnership=partnership,
        uploaded_by=manager,
        filename="somerset-plan.txt",
        data=(DATA_DIR / "seeds" / "000_25b17848910628b1.txt").read_bytes(),
    )
    failed = import_draft_create(
        partnership=partnership,
        uploaded_by=manager,
        filename="minutes.txt",
        data=b"Minutes of the meeting.",
    )
    assert draft.status == ImportDraft.Status.READY, draft.error
    indicators = Indicator.objects.filter(partnership=partnership)
    local = (
        indicators.filter(is_official=False)
        .annotate(n=Count("measurements"))
        .order_by("-n", "pk")
        .first()
    )
    official = indicators.filter(is_official=True).order_by("pk").first()
    token = FeedToken.objects.create(owner=manager, partnership=partnership)
    # A second partnership with no plan yet, that the manager also manages.
    empty = Partnership.objects.create(
        slug="emptyshire", name="Emptyshire Safeguarding Children Partnership"
    )
    membership_grant(email=manager.email, partnership=empty, role="manager")
    objects = {
        "plan": plan.pk,
        "priority": plan.priorities.order_by("pk").first().pk,
        "action": action.pk,
        "lead": ActionLead.objects.filter(action__priority__plan=plan)
        .order_by("action__pk", "pk")
        .first()
        .pk,
        "import_draft": draft.pk,
        "indicator": local.pk,
        "feed_token": token.pk,
    }
    return {
        "partnership": partnership,
        "plan": plan,
        "action": action,
        "led": led,
        "objects": objects,
        "failed_draft": failed,
        "stray_draft": stray,
        "official": official,
        "token": token,
        "empty": empty,
        "manager": manager,
        "lead": lead,
        "member": member,
    }


def _params(world, name: str, params: tuple, *, as_lead: bool = False):
    """The URL's keyword arguments, or None if the walk cannot fill one in."""
    values = {
        "partnership": world["partnership"].slug,
        "plan_pk": world["plan"].pk,
        "priority_pk": world["objects"]["priority"],
        "action_pk": (world["led"] if as_lead else world["action"]).pk,
        "priority_index": 0,
        "action_index": 0,
        "fmt": "csv" if name == "reports:plan_export" else "docx",
        "token": world["token"].token,
    }
    if "pk" in params:
        kind = PK_OF.get(name)
        if kind not in world["objects"]:
            return None
        values["pk"] = world["objects"][kind]
        if as_lead and kind == "action":
            values["pk"] = world["led"].pk
    if not set(params) <= set(values):
        return None
    return {p: values[p] for p in params}


def _sign_in(page, base: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Sign out").wait_for()


# The fields of a form a person fills in (not hidden fields or buttons).
FILLABLE = (
    "input:not([type=hidden]):not([type=submit]):not([type=button])"
    ":not([type=image]):not([type=reset]), textarea, select"
)
EMPTY_FORM = """form => {
  for (const el of form.elements) {
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = false;
    else if (el.tagName === 'SELECT') {
      const blank = [...el.options].findIndex(o => o.value === '');
      el.selectedIndex = blank;
    } else if (el.type !== 'hidden' && el.type !== 'submit' && el.type !== 'button'
               && el.type !== 'file') el.value = '';
  }
}"""
# Where a GET form goes with "x" in every text box (or as it is, with none).
NONSENSE_URL = """form => {
  const data = new FormData(form);
  for (const el of form.elements) {
    if (el.tagName === 'INPUT' && el.name
        && ['text', 'search', 'number', 'tel'].includes(el.type)) data.set(el.name, 'x');
  }
  const url = new URL(form.action);
  url.search = new URLSearchParams(data).toString();
  return url.href;
}"""


def _forms(page, method: str):
    """(indices, locator) of the forms in <main> with fields to fill in."""
    if method == "post":
        forms = page.locator("main form[method=post i]")
    else:
        forms = page.locator("main form:not([method]), main form[method=get i]")
    fillable = [
        i for i in range(forms.count()) if forms.nth(i).locator(FILLABLE).count()
    ]
    return fillable, forms


def _submit(page, form) -> None:
    button = form.locator(
        "button:not([type=button]):not([type=reset]), input[type=submit]"
    ).first
    with page.expect_navigation():
        button.click()


def _check_error_page(page, walk: Walk, what: str) -> None:
    """GOV.UK's error pattern: "Error: " in the title, the summary focused."""
    if not page.title().startswith("Error: "):
        walk.problems.append(f"{what}: the title does not start 'Error: '")
    focused = page.evaluate(
        "() => !!document.activeElement.closest('.govuk-error-summary')"
    )
    if not focused:
        walk.problems.append(f"{what}: the error summary does not have focus")


FOCUSED_STYLE = """el => el === document.activeElement
  && [getComputedStyle(el).backgroundColor, getComputedStyle(el).boxShadow]"""


def _check_link_button_focus(page, walk: Walk, url: str) -> None:
    """Our buttons styled as links (Sign out, Remove) show GOV.UK's focus style.

    Sign out is reached with the keyboard, as someone tabbing would reach it.
    """
    page.goto(url)
    sign_out = page.get_by_role("button", name="Sign out")
    for _ in range(30):
        page.keyboard.press("Tab")
        if sign_out.evaluate("el => el === document.activeElement"):
            break
    styles = {"Sign out": sign_out.evaluate(FOCUSED_STYLE)}
    remove = page.locator("main .app-link-button").first
    remove.focus()
    styles["Remove"] = remove.evaluate(FOCUSED_STYLE)
    for what, style in styles.items():
        if not style or style[0] != "rgb(255, 221, 0)" or "11, 12, 12" not in style[1]:
            walk.problems.append(
                f"The {what} button has no GOV.UK focus style when focused: {style}"
            )


def _answer_with(response):
    """A Playwright route handler answering with a Django response."""

    def answer(route):
        route.fulfill(
            status=response.status_code,
            content_type="text/html",
            body=response.content,
        )

    return answer


def test_every_page_passes_axe(live_server, page):
    world = _world()
    base = live_server.url
    walk = Walk()
    found = dict(url_patterns())
    unfilled = sorted(
        name for name, params in found.items() if _params(world, name, params) is None
    )
    assert not unfilled, (
        "tests/system/test_every_page_a11y.py cannot fill in these URLs, so their "
        "pages would go unchecked; add their parameters to _params (and a pk's kind "
        "to PK_OF in tests/test_permissions_walk.py): " + ", ".join(unfilled)
    )

    def visit(name: str, url: str, who: str) -> bool:
        """Check the page at url; False if it was not a page (a download, a 405)."""
        response = page.request.get(url)
        content_type = response.headers.get("content-type", "")
        if response.ok and not content_type.startswith("text/html"):
            walk.downloads.append(f"{name} ({content_type.split(';')[0]})")
            return False
        shown = page.goto(url)
        if not shown.ok:
            walk.problems.append(f"{name} as {who}: {url} answered {shown.status}")
            return False
        if page.locator(".govuk-error-summary").count():
            _check_error_page(page, walk, f"{name} as {who}")
        walk.axe(page, f"{name} as {who}")
        return True

    # --- Anonymous: the published plans and signing in -----------------------------
    for name in sorted(ANONYMOUS):
        url = base + reverse(name, kwargs=_params(world, name, found[name]))
        visit(name, url, "anonymous")
    page.goto(f"{base}/sign-in/")
    page.get_by_role("button", name="Sign in").click()
    page.locator(".govuk-error-summary").wait_for()
    _check_error_page(page, walk, "accounts:sign_in showing errors")
    walk.axe(page, "accounts:sign_in showing errors")
    assert page.goto(f"{base}/no-such-page/").status == 404
    walk.axe(page, "the 404 page as anonymous")

    # --- The business manager: every page ------------------------------------------
    _sign_in(page, base, world["manager"].email)
    forms: dict[str, str] = {}
    for name, params in sorted(found.items()):
        url = base + reverse(name, kwargs=_params(world, name, params))
        if name in POST_ONLY:
            assert page.request.get(url).status == 405, f"{name} now answers a GET"
            continue
        if not visit(name, url, "manager"):
            continue
        if _forms(page, "post")[0]:
            forms[name] = url
        # A GET form's answer may be a download: work out where it goes, and visit.
        indices, located = _forms(page, "get")
        targets = [located.nth(i).evaluate(NONSENSE_URL) for i in indices]
        for i, target in zip(indices, targets, strict=True):
            visit(name, target, f"manager, after its GET form {i + 1}")

    partnership = f"{base}/partnerships/{SLUG}"
    variants = {
        "the home page with two partnerships": f"{base}/",
        "the second page of actions": f"{partnership}/actions/?page=2",
        "actions overdue, by due date": f"{partnership}/actions/?when=overdue&sort=due",
        "a failed import": reverse(
            "importers:preview",
            kwargs={"partnership": SLUG, "pk": world["failed_draft"].pk},
        ),
        "an import of another partnership's plan": reverse(
            "importers:preview",
            kwargs={"partnership": SLUG, "pk": world["stray_draft"].pk},
        ),
        "an official indicator": reverse(
            "scorecard:indicator_detail",
            kwargs={"partnership": SLUG, "pk": world["official"].pk},
        ),
        "a yearly report without a year (an error)": (
            f"{partnership}/reports/yearly/docx/"
        ),
        "the 404 page": f"{partnership}/actions/999999/",
    }
    for what, url in variants.items():
        url = url if url.startswith("http") else base + url
        shown = page.goto(url)
        if shown.status != (404 if what == "the 404 page" else 200):
            walk.problems.append(f"{what}: {url} answered {shown.status}")
        walk.axe(page, f"{what} as manager")
    _check_link_button_focus(
        page,
        walk,
        base
        + reverse(
            "importers:preview",
            kwargs={"partnership": SLUG, "pk": world["objects"]["import_draft"]},
        ),
    )
    # A partnership with no plan, scorecard or reports yet: every page's empty state.
    for name, params in sorted(found.items()):
        if params == ("partnership",) and name not in POST_ONLY:
            url = base + reverse(name, kwargs={"partnership": world["empty"].slug})
            visit(name, url, "manager of a partnership with nothing yet")

    # --- Every form, submitted empty -----------------------------------------------
    for name, url in sorted(forms.items()):
        page.goto(url)
        indices, located = _forms(page, "post")
        for i in indices:
            page.goto(url)
            form = located.nth(i)
            form.evaluate(EMPTY_FORM)
            _submit(page, form)
            summary = page.locator(".govuk-error-summary")
            if not summary.count() and name not in EMPTY_IS_VALID:
                walk.problems.append(
                    f"{name}: its form {i + 1} submitted empty showed no error "
                    f"summary (now at {page.url}); if empty is valid, add it to "
                    "EMPTY_IS_VALID"
                )
                continue
            what = f"{name} as manager, form {i + 1} submitted empty"
            if summary.count():
                _check_error_page(page, walk, what)
            walk.axe(page, what)

    # --- A lead; a board member, also refused a manager's page ----------------------
    _sign_in(page, base, world["lead"].email)
    for name in sorted(AS_LEAD):
        kwargs = _params(world, name, found[name], as_lead=True)
        visit(name, base + reverse(name, kwargs=kwargs), "lead")
    _sign_in(page, base, world["member"].email)
    for name in sorted(AS_MEMBER):
        kwargs = _params(world, name, found[name])
        if name == "scorecard:indicator_detail":
            kwargs["pk"] = world["official"].pk
        visit(name, base + reverse(name, kwargs=kwargs), "member")
    shown = page.goto(f"{partnership}/history/")
    assert shown.status == 403, shown.status
    walk.axe(page, "the 403 page as member")

    # --- Pages only a failure shows ------------------------------------------------
    # A form sent after its session ended fails the CSRF check.
    page.goto(f"{partnership}/reports/calendar-links/")
    page.context.clear_cookies()
    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    walk.axe(page, f"the CSRF failure page ({page.title()})")
    # The bad request and server error pages, as their handlers render them.
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    for what, response in {
        "the 400 page": core_views.bad_request(request, None),
        "the 500 page": core_views.server_error(request),
    }.items():
        page.route(f"{base}/failure/", _answer_with(response))
        page.goto(f"{base}/failure/")
        page.unroute(f"{base}/failure/")
        walk.axe(page, what)

    print(f"\nChecked {len(walk.checked)} pages; left out downloads: {walk.downloads}")
    if walk.problems:
        pytest.fail(
            f"{len(walk.problems)} problems on the {len(walk.checked)} pages checked:\n"
            + "\n".join(walk.problems),
            pytrace=False,
        )
