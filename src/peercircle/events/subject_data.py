"""What the events app keeps about a beneficiary: registrations linked to the record."""

from django.utils.translation import gettext as _

from peercircle.core.subject_registry import (
    Entry,
    Scrubbed,
    SubjectDataProvider,
    item_of,
    register,
)
from peercircle.events import permissions as perm
from peercircle.events.models import Registration, new_token


def _registrations(beneficiary):
    items = []
    for registration in (Registration.objects.filter(beneficiary=beneficiary)
                         .select_related("event").order_by("created_at")):
        days = ", ".join(a.day.isoformat() for a in registration.attendance.all())
        items.append(item_of(registration, ("event", "full_name", "email", "language", "status"),
                             extra=(Entry("event_starts", str(_("Starts")),
                                          registration.event.starts_at.isoformat()),
                                    Entry("attended", str(_("Days attended")), days))))
    return items


def _registrations_erase(beneficiary):
    """The registration and its attendance stay (event figures count them); the name, the
    address and the link that opened the registration go."""
    scrubbed = []
    for registration in Registration.objects.filter(beneficiary=beneficiary):
        registration.full_name = "—"
        registration.email = f"anonymised-{registration.pk}@example.invalid"
        registration.token, registration.site_url = new_token(), ""
        registration.save(update_fields=["full_name", "email", "token", "site_url",
                                         "updated_at"])
        scrubbed.append(Scrubbed(registration, frozenset({"full_name", "email", "token"})))
    return scrubbed


def _last_event(beneficiary):
    return [registration.event.ends_at.date()
            for registration in Registration.objects.filter(beneficiary=beneficiary)
            .select_related("event")]


register(SubjectDataProvider(
    key="registrations", order=60, title=lambda: _("Event registrations"),
    collect=_registrations, anonymise=_registrations_erase, last_dates=_last_event,
    kept=lambda: _("Name, e-mail, language, status and days attended of each registration "
                   "for an event."),
    purpose=lambda: _("To run the event, send its links and reminders, and count its "
                      "participants."),
    permissions=frozenset({perm.MANAGE_EVENTS})))
