"""Report pages: the reports page, the board report, downloads and calendar feeds."""

import datetime as dt
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assure.accounts.access import partnership_for_request
from assure.plans.documents import plan_to_document
from assure.plans.models import Plan
from assure.plans.navigation import page_context
from assure.progress.selectors import plan_get_current

from . import exports
from .builders import board_report_build, yearly_report_build
from .forms import BoardReportForm, FeedTokenForm, YearlyReportForm
from .models import FeedToken
from .renderers.docx import board_report_docx, yearly_report_docx
from .renderers.html import board_report_html
from .renderers.ics import calendar_ics
from .renderers.pdf import board_report_pdf, yearly_report_pdf
from .renderers.sheets import plan_export_csv, plan_export_xlsx
from .selectors import feed_token_get_active, feed_token_list_for
from .services import feed_token_create, feed_token_revoke

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
}


def _download(body: bytes | str, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _current_year_start(today: dt.date) -> int:
    """The year the current financial year (from 1 April) started."""
    return today.year if today.month >= 4 else today.year - 1


def _feed_url(token: FeedToken) -> str:
    path = reverse("feeds:feed", kwargs={"token": token.token})
    return f"{settings.SITE_URL.rstrip('/')}{path}"


@login_required
@require_GET
def report_list(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    today = timezone.localdate()
    plan = plan_get_current(partnership=partnership)
    year = _current_year_start(today)
    slug = partnership.slug
    exports_links = []
    if plan is not None:
        for fmt, text in [
            ("xlsx", "Excel spreadsheet (.xlsx)"),
            ("csv", "CSV file (.csv)"),
            ("json", "Plan data (plan/1 JSON)"),
            ("ics", "Calendar of due dates (.ics)"),
        ]:
            exports_links.append(
                {
                    "text": text,
                    "href": reverse(
                        "reports:plan_export",
                        kwargs={"partnership": slug, "plan_pk": plan.pk, "fmt": fmt},
                    ),
                }
            )
    return render(
        request,
        "reports/report_list.html",
        page_context(
            request,
            partnership,
            role,
            "reports",
            plan=plan,
            today=today,
            board_form=BoardReportForm(),
            year_items=[
                {
                    "value": y,
                    "text": f"1 April {y} to 31 March {y + 1}",
                    "selected": y == year,
                }
                for y in range(year, year - 4, -1)
            ],
            exports=exports_links,
        ),
    )


def _board_from_request(request, partnership):
    form = BoardReportForm(request.GET or None)
    if request.GET and not form.is_valid():
        return form, None
    data = form.cleaned_data if form.is_bound else {}
    return form, board_report_build(
        partnership=partnership, as_at=data.get("as_at"), since=data.get("since")
    )


@login_required
@require_GET
def board_report(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    form, report = _board_from_request(request, partnership)
    query = ""
    if report is not None:
        query = f"?as_at={report.as_at.isoformat()}&since={report.since.isoformat()}"
    return render(
        request,
        "reports/board_report.html",
        page_context(
            request,
            partnership,
            role,
            "reports",
            form=form,
            report=report,
            query=query,
        ),
    )


@login_required
@require_GET
def board_report_file(request, partnership: str, fmt: str):
    partnership, _ = partnership_for_request(request, partnership)
    renderers = {
        "docx": board_report_docx,
        "pdf": board_report_pdf,
        "html": board_report_html,
    }
    if fmt not in renderers:
        raise Http404("No such format")
    form, report = _board_from_request(request, partnership)
    if report is None:
        return redirect(
            reverse("reports:board_report", kwargs={"partnership": partnership.slug})
            + "?"
            + request.GET.urlencode()
        )
    body = renderers[fmt](report)
    return _download(body, fmt, f"{partnership.slug}-board-report-{report.as_at}")


@login_required
@require_GET
def yearly_report_file(request, partnership: str, fmt: str):
    partnership, role = partnership_for_request(request, partnership)
    renderers = {"docx": yearly_report_docx, "pdf": yearly_report_pdf}
    if fmt not in renderers:
        raise Http404("No such format")
    form = YearlyReportForm(request.GET)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("year", ["Enter a year"])))
        return redirect("reports:report_list", partnership=partnership.slug)
    year = form.cleaned_data["year"]
    report = yearly_report_build(partnership=partnership, year=year)
    body = renderers[fmt](report)
    return _download(body, fmt, f"{partnership.slug}-yearly-report-{year}-{year + 1}")


@login_required
@require_GET
def plan_export(request, partnership: str, plan_pk: int, fmt: str):
    partnership, _ = partnership_for_request(request, partnership)
    plan = get_object_or_404(
        Plan.objects.select_related("partnership"), partnership=partnership, pk=plan_pk
    )
    name = f"{partnership.slug}-plan-{plan.pk}"
    if fmt == "json":
        body = json.dumps(plan_to_document(plan=plan), indent=2, ensure_ascii=False)
        return _download(body, fmt, name)
    if fmt == "ics":
        return _download(calendar_ics(exports.calendar_for_plan(plan=plan)), fmt, name)
    if fmt in ("xlsx", "csv"):
        built = exports.plan_export_build(plan=plan)
        body = plan_export_xlsx(built) if fmt == "xlsx" else plan_export_csv(built)
        return _download(body, fmt, name)
    raise Http404("No such format")


@login_required
@require_GET
def my_calendar(request, partnership: str):
    partnership, _ = partnership_for_request(request, partnership)
    calendar = exports.calendar_for_lead(user=request.user, partnership=partnership)
    return _download(calendar_ics(calendar), "ics", f"{partnership.slug}-my-actions")


@login_required
@require_http_methods(["GET", "POST"])
def feed_list(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    form = FeedTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        feed_token_create(
            owner=request.user,
            partnership=partnership,
            scope=form.cleaned_data["scope"],
        )
        messages.success(request, "Calendar link created")
        return redirect("reports:feed_list", partnership=partnership.slug)
    feeds = [
        {
            "token": token,
            "url": _feed_url(token) if token.is_active else "",
            "revoke_url": reverse(
                "reports:feed_revoke",
                kwargs={"partnership": partnership.slug, "pk": token.pk},
            ),
        }
        for token in feed_token_list_for(owner=request.user, partnership=partnership)
    ]
    return render(
        request,
        "reports/feed_list.html",
        page_context(
            request,
            partnership,
            role,
            "reports",
            form=form,
            feeds=feeds,
        ),
    )


@login_required
@require_POST
def feed_revoke(request, partnership: str, pk: int):
    partnership, _ = partnership_for_request(request, partnership)
    # Someone else's link is not found, rather than forbidden: it does not exist for them.
    token = get_object_or_404(
        FeedToken, pk=pk, partnership=partnership, owner=request.user
    )
    feed_token_revoke(token=token, actor=request.user)
    messages.success(request, "Calendar link revoked: it no longer works")
    return redirect("reports:feed_list", partnership=partnership.slug)


@require_GET
def feed(request, token: str):
    """A calendar by secret link, for calendar apps: no sign-in."""
    found = feed_token_get_active(token=token)
    if found is None:
        raise Http404("No such calendar")
    if found.scope == FeedToken.Scope.LEAD:
        calendar = exports.calendar_for_lead(
            user=found.owner, partnership=found.partnership
        )
    else:
        calendar = exports.calendar_for_partnership(partnership=found.partnership)
    response = HttpResponse(calendar_ics(calendar), content_type=CONTENT_TYPES["ics"])
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
