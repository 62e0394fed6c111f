"""The person's private calendar feed."""


from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from peercircle.core.access import organisation_view
from peercircle.events import permissions as perm
from peercircle.events import selectors, services


@organisation_view(perm.VIEW_EVENTS)
def feed(request, org):
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.feed_revoke(user=request.user)
            messages.success(request, _("The calendar address is switched off."))
        else:
            services.feed_create(user=request.user)
            messages.success(request, _("A new calendar address is ready; any earlier one no "
                                        "longer works."))
        return redirect("events:feed", org=org)
    active = selectors.feed_active(request.user)
    url = active and request.build_absolute_uri(reverse("event_feed", kwargs={
        "feed_token": active.token}))
    return render(request, "events/feed.html", {"feed": active, "url": url})
