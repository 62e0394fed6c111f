"""What the event pages share: public rate limits, the way back to an event, calendar files."""


from django.http import HttpResponse
from django.shortcuts import redirect

from peercircle.core.ratelimit import over_limit

PUBLIC_POST_RATE = "10/h"
PUBLIC_READ_RATE = "120/10m"


def _to_event(event):
    return redirect("events:detail", org=event.organisation.slug, event_pk=event.pk)


def _limited(request, kind: str) -> bool:
    """Token pages: a generous limit for reading, a tight one for sending forms."""
    return (over_limit(request, f"{kind}:read", PUBLIC_READ_RATE)
            or (request.method == "POST" and over_limit(request, kind, PUBLIC_POST_RATE)))


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
