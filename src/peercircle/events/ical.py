"""iCalendar files: one event, or a person's private feed."""

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as ICalEvent


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//PeerCircle//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _entry(event, url: str = "") -> ICalEvent:
    entry = ICalEvent()
    entry.add("uid", f"event-{event.pk}@peercircle")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    description = event.description
    if event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    if description:
        entry.add("description", description)
    if event.venue or event.online_url:
        entry.add("location", event.venue or event.online_url)
    if url:
        entry.add("url", url)
    entry.add("organizer", f"mailto:{event.organisation.email}" if event.organisation.email
              else "mailto:noreply@peercircle.invalid",
              parameters={"cn": event.organisation.name})
    entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return entry


def events_ics(events, *, name: str, url_for=None) -> bytes:
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_entry(event, url_for(event) if url_for else ""))
    return calendar.to_ical()
