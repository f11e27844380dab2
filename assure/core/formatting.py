"""Dates, times and words as GOV.UK style writes them, in Europe/London."""

import datetime as dt

from django.utils import timezone


def govuk_date(value: dt.date | dt.datetime | None, default: str = "") -> str:
    """31 December 2017: GOV.UK style, no leading zero."""
    if value is None:
        return default
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{value.day} {value:%B %Y}"


def govuk_datetime(value: dt.datetime | None, default: str = "") -> str:
    """31 December 2017 at 2:05pm, in Europe/London time."""
    if value is None:
        return default
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    if local.hour == 12 and local.minute == 0:
        clock = "midday"
    elif local.hour == 0 and local.minute == 0:
        clock = "midnight"
    else:
        clock = f"{hour}:{local.minute:02d}{suffix}"
    return f"{govuk_date(local)} at {clock}"


def pluralise(count: int, singular: str, plural: str | None = None) -> str:
    """'1 action', '3 actions'."""
    word = singular if count == 1 else (plural or f"{singular}s")
    return f"{count} {word}"
