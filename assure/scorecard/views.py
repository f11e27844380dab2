"""Scorecard pages: the scorecard, an indicator, exceptions, the child protection
journey, uploads of local figures and loading official ones."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from assure.accounts.access import partnership_for_request
from assure.plans.navigation import page_context

from . import selectors, services
from .dfe import EXPORT_COLUMNS
from .forms import (
    THEME_SUGGESTIONS,
    CommentaryForm,
    IndicatorForm,
    MeasurementForm,
    OfficialLoadForm,
    UploadForm,
)
from .indicators import INDICATORS
from .models import Geography, Indicator
from .presenters import (
    GEOGRAPHY_LABELS,
    commentary_view,
    exception_reason_text,
    indicator_chart,
    journey_chart,
    journey_rows,
    neighbour_rows,
    period_label,
    scorecard_row,
    target_text,
    value_text,
)
from .uploads import FigureRow, local_figures_read

UPLOAD_SESSION_KEY = "scorecard-upload-{pk}"


def _page(request, partnership, role, section: str, **extra) -> dict:
    """The plans layout context plus the scorecard's own section links."""
    slug = partnership.slug
    links = [
        ("scorecard", "Scorecard", reverse("scorecard:scorecard", args=[slug])),
        ("exceptions", "Exceptions", reverse("scorecard:exceptions", args=[slug])),
        (
            "journey",
            "Child protection journey",
            reverse("scorecard:cp_journey", args=[slug]),
        ),
    ]
    if role == "manager":
        links += [
            (
                "upload",
                "Upload local figures",
                reverse("scorecard:upload", args=[slug]),
            ),
            (
                "official",
                "Load official figures",
                reverse("scorecard:official_load", args=[slug]),
            ),
        ]
    return page_context(
        request,
        partnership,
        role,
        "scorecard",
        section_links=[
            {"key": key, "text": text, "href": href, "current": key == section}
            for key, text, href in links
        ],
        **extra,
    )


def _area(partnership) -> str:
    return partnership.area_name or partnership.display_name


def _indicator(partnership, pk: int) -> Indicator:
    try:
        return selectors.indicator_get(partnership=partnership, pk=pk)
    except Indicator.DoesNotExist:
        raise Http404("No such indicator") from None


@login_required
def scorecard(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    themes = [
        {"name": theme.name, "rows": [scorecard_row(s) for s in theme.summaries]}
        for theme in selectors.scorecard_get(partnership=partnership)
    ]
    rows = [r for t in themes for r in t["rows"]]
    return render(
        request,
        "scorecard/scorecard_detail.html",
        _page(
            request,
            partnership,
            role,
            "scorecard",
            themes=themes,
            area=_area(partnership),
            exception_count=sum(1 for r in rows if r.reasons),
            has_official=any(r.is_official for r in rows),
            geography_labels=GEOGRAPHY_LABELS,
        ),
    )


@login_required
def indicator_detail(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership)
    indicator = _indicator(partnership, pk)
    summary = selectors.indicator_detail_get(indicator=indicator)
    chart, table = indicator_chart(summary, area=_area(partnership))
    commentaries = [
        commentary_view(c) for c in selectors.commentary_list(indicator=indicator)
    ]
    return render(
        request,
        "scorecard/indicator_detail.html",
        _page(
            request,
            partnership,
            role,
            "scorecard",
            indicator=indicator,
            row=scorecard_row(summary),
            chart=chart,
            table=table,
            neighbours=neighbour_rows(summary),
            latest_period=period_label(summary.latest.period) if summary.latest else "",
            commentaries=commentaries,
            target=target_text(indicator),
            priorities=list(indicator.priorities.all()),
            commentary_form=CommentaryForm(),
            measurement_form=MeasurementForm(),
            breadcrumbs=[
                {
                    "text": "Scorecard",
                    "href": reverse("scorecard:scorecard", args=[partnership.slug]),
                }
            ],
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request, partnership: str, pk: int | None = None):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    if pk is not None:
        indicator = _indicator(partnership, pk)
    else:
        indicator = Indicator(
            partnership=partnership,
            frequency="quarterly",
            polarity="higher",
        )
    form = IndicatorForm(
        request.POST or None,
        instance=indicator,
        agencies=list(partnership.agencies.all()),
        priorities=list(
            selectors.priority_list_for_partnership(partnership=partnership)
        ),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_save(
                indicator=indicator, actor=request.user, **form.service_data()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Indicator saved")
            return redirect(indicator.get_absolute_url())
    return render(
        request,
        "scorecard/indicator_form.html",
        _page(
            request,
            partnership,
            role,
            "scorecard",
            indicator=indicator,
            form=form,
            theme_suggestions=THEME_SUGGESTIONS,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def commentary_new(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    indicator = _indicator(partnership, pk)
    form = CommentaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.commentary_add(
                indicator=indicator, author=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Commentary added")
            return redirect(indicator.get_absolute_url() + "#commentary")
    return render(
        request,
        "scorecard/commentary_form.html",
        _page(
            request,
            partnership,
            role,
            "scorecard",
            indicator=indicator,
            form=form,
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def measurement_new(request, partnership: str, pk: int):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    indicator = _indicator(partnership, pk)
    if indicator.is_official:
        raise Http404("Official figures are loaded from DfE statistics")
    form = MeasurementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _, created = services.measurement_record(
                indicator=indicator, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            period = period_label(form.cleaned_data["period"])
            messages.success(
                request, f"Figure for {period} {'added' if created else 'replaced'}"
            )
            return redirect(indicator.get_absolute_url())
    return render(
        request,
        "scorecard/measurement_form.html",
        _page(
            request,
            partnership,
            role,
            "scorecard",
            indicator=indicator,
            form=form,
        ),
    )


@login_required
def exceptions(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    items = [
        {
            "row": scorecard_row(s),
            "reasons": exception_reason_text(s),
            "edit_url": reverse(
                "scorecard:commentary_new", args=[partnership.slug, s.indicator.pk]
            ),
        }
        for s in selectors.exception_list(partnership=partnership)
    ]
    return render(
        request,
        "scorecard/exception_list.html",
        _page(
            request,
            partnership,
            role,
            "exceptions",
            items=items,
            without_commentary=sum(1 for i in items if not i["row"].has_commentary),
        ),
    )


@login_required
def cp_journey(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    years = selectors.cp_journey_get(partnership=partnership)
    england = selectors.cp_journey_get(
        partnership=partnership, geography=Geography.ENGLAND
    )
    region = selectors.cp_journey_get(
        partnership=partnership, geography=Geography.REGION
    )
    latest = years[-1].period if years else ""
    compare = []
    for label, series in (
        (_area(partnership), years),
        (selectors.region_name_get(partnership=partnership), region),
        ("England", england),
    ):
        found = next((y for y in series if y.period == latest), None)
        if found:
            row = journey_rows([found])[0]
            compare.append({"label": label, **row})
    return render(
        request,
        "scorecard/cp_journey.html",
        _page(
            request,
            partnership,
            role,
            "journey",
            rows=journey_rows(years),
            chart=journey_chart(years, area=_area(partnership)) if years else None,
            compare=compare,
            latest_period=period_label(latest) if latest else "",
            area=_area(partnership),
        ),
    )


def _upload_key(partnership) -> str:
    return UPLOAD_SESSION_KEY.format(pk=partnership.pk)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    key = _upload_key(partnership)
    local = list(partnership.indicators.local().order_by("position", "name"))
    if request.method == "POST" and request.POST.get("action") == "save":
        stored = request.session.get(key)
        if not stored:
            messages.error(
                request, "Upload the file again: the checked figures expired"
            )
            return redirect("scorecard:upload", partnership=partnership.slug)
        rows = [FigureRow.from_json(r) for r in stored["rows"]]
        try:
            result = services.local_figures_save(
                partnership=partnership, rows=rows, actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages) + ". Nothing was saved.")
            return redirect("scorecard:upload", partnership=partnership.slug)
        del request.session[key]
        messages.success(request, f"{result} from {stored['name']}")
        return redirect("scorecard:scorecard", partnership=partnership.slug)
    form = UploadForm(request.POST or None, request.FILES or None)
    result, preview = None, []
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        result = local_figures_read(
            name=upload_file.name,
            content=upload_file.read(),
            known_codes=[i.code for i in local],
            official_codes=[i.code for i in INDICATORS],
        )
        by_code = {i.code: i for i in local}
        preview = [
            {
                "row": r.row,
                "indicator": by_code[r.indicator].name,
                "code": r.indicator,
                "period": period_label(r.period),
                "value": value_text(r.value, by_code[r.indicator], empty="No figure"),
                "note": r.note,
            }
            for r in result.rows
        ]
        if result.is_valid:
            request.session[key] = {
                "name": upload_file.name,
                "rows": [r.to_json() for r in result.rows],
            }
        else:
            request.session.pop(key, None)
    return render(
        request,
        "scorecard/upload_form.html",
        _page(
            request,
            partnership,
            role,
            "upload",
            form=form,
            result=result,
            preview=preview,
            problems=[str(p) for p in result.problems] if result else [],
            local=local,
        ),
    )


@login_required
def export_csv(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(selectors.export_rows_for_partnership(partnership=partnership))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="scorecard-{partnership.slug}.csv"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def official_load(request, partnership: str):
    partnership, role = partnership_for_request(request, partnership, manage=True)
    form = OfficialLoadForm(
        request.POST or None,
        initial={"authority": partnership.la_code or partnership.area_name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = services.official_figures_load(
                partnership=partnership,
                query=form.cleaned_data["authority"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error("authority", " ".join(error.messages))
        else:
            messages.success(
                request,
                (
                    f"Loaded {result.measurements:,} official figures for "
                    f"{result.authority.name}, years ending March "
                    f"{result.first_period} to {result.last_period}"
                ),
            )
            return redirect("scorecard:scorecard", partnership=partnership.slug)
    return render(
        request,
        "scorecard/official_load_form.html",
        _page(
            request,
            partnership,
            role,
            "official",
            form=form,
        ),
    )
