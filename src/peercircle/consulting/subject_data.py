"""What the consulting app keeps about a beneficiary: requests for help (see people/rights)."""

from django.utils.translation import gettext as _

from peercircle.consulting import permissions as perm
from peercircle.consulting.models import HelpRequest
from peercircle.core.subject_registry import Scrubbed, SubjectDataProvider, item_of, register


def _requests(beneficiary):
    return [item_of(request, ("created_at", "need", "language", "region", "format", "urgency",
                              "message", "status"))
            for request in HelpRequest.objects.filter(beneficiary=beneficiary)
            .select_related("need", "region").order_by("created_at")]


def _requests_erase(beneficiary):
    """The request stays counted (need, status, dates); what the person wrote goes."""
    scrubbed = []
    for request in HelpRequest.objects.filter(beneficiary=beneficiary):
        request.message, request.crisis_terms = "", []
        request.save(update_fields=["message", "crisis_terms", "updated_at"])
        scrubbed.append(Scrubbed(request, frozenset({"message", "crisis_terms"})))
    return scrubbed


def _last_request(beneficiary):
    return [request.created_at.date()
            for request in HelpRequest.objects.filter(beneficiary=beneficiary)]


register(SubjectDataProvider(
    key="help_requests", order=50, title=lambda: _("Requests for help"), collect=_requests,
    anonymise=_requests_erase, last_dates=_last_request,
    kept=lambda: _("Need, language, region, preferred format, urgency, the message and signs "
                   "of crisis found in it, status and the peer consultant assigned."),
    purpose=lambda: _("To route the person to a peer consultant or, in a crisis, to a "
                      "professional."),
    permissions=frozenset({perm.VIEW_REQUESTS})))
