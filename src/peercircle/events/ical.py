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


def _entry(event, url: str = "", *, with_link: bool = False) -> ICalEvent:
    """with_link: the online link goes only to people entitled to it (staff of the event,
    confirmed registrants); everyone else sees the event without it."""
    entry = ICalEvent()
    entry.add("uid", f"event-{event.pk}@peercircle")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at)
    entry.add("summary", event.title)
    description = event.description
    online_url = event.online_url if with_link else ""
    if online_url:
        description = f"{description}\n\n{online_url}".strip()
    if description:
        entry.add("description", description)
    if event.venue or online_url:
        entry.add("location", event.venue or online_url)
    if url:
        entry.add("url", url)
    entry.add("organizer", f"mailto:{event.organisation.email}" if event.organisation.email
              else "mailto:noreply@peercircle.invalid",
              parameters={"cn": event.organisation.name})
    entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return entry


def events_ics(events, *, name: str, url_for=None, link_for=None) -> bytes:
    """link_for(event) says whether this calendar's reader may see the event's online link;
    without it no link is written."""
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_entry(event, url_for(event) if url_for else "",
                                      with_link=bool(link_for and link_for(event))))
    return calendar.to_ical()
