"""The Jinja2 environment for service pages: GOV.UK Frontend macros plus our helpers."""

from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from assure.core.formatting import govuk_date, govuk_datetime, pluralise
from assure.core.forms import (
    choice_items,
    date_input_params,
    error_list,
    field_error,
    field_value,
)


def url(name: str, *args, **kwargs) -> str:
    """Reverse a URL name with positional or keyword arguments."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def isodate(value: str | None):
    """'2017-12-31' -> a date, for plan/1 data shown in pages."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def environment(**options) -> Environment:
    """Build the environment Django's Jinja2 backend uses."""
    options.setdefault("autoescape", True)
    options["extensions"] = [*options.get("extensions", []), "jinja2.ext.do"]
    env = Environment(**options)
    env.loader = ChoiceLoader(
        [
            env.loader,
            PrefixLoader(
                {"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}
            ),
        ]
    )
    env.globals.update(
        {
            "static": static,
            "url": url,
            "get_messages": get_messages,
            "error_list": error_list,
            "field_error": field_error,
            "field_value": field_value,
            "choice_items": choice_items,
            "date_input_params": date_input_params,
        }
    )
    env.filters.update(
        {
            "govuk_date": govuk_date,
            "govuk_datetime": govuk_datetime,
            "pluralise": pluralise,
            "isodate": isodate,
        }
    )
    return env
