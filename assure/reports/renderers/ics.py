"""Actions as an iCalendar file: an all-day event on each due date, recurring where
the action recurs. Renderers take a built calendar and never query."""

import datetime as dt

from icalendar import Calendar, Event, vRecur

from ..exports import ActionCalendar


def calendar_ics(calendar: ActionCalendar) -> bytes:
    """The calendar as .ics bytes (RFC 5545)."""
    ics = Calendar()
    ics.add("prodid", "-//Assure//Safeguarding partnership plans//EN")
    ics.add("version", "2.0")
    ics.add("calscale", "GREGORIAN")
    ics.add("method", "PUBLISH")
    ics.add("x-wr-calname", calendar.name)
    for item in calendar.events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", calendar.stamp)
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("dtstart", item.due_date)
        event.add("dtend", item.due_date + dt.timedelta(days=1))
        event.add("url", item.url)
        event.add("transp", "TRANSPARENT")
        if item.rrule:
            rule = dict(item.rrule)
            if item.until and item.until >= item.due_date:
                rule["UNTIL"] = item.until
            event.add("rrule", vRecur(rule))
        ics.add_component(event)
    return ics.to_ical()
