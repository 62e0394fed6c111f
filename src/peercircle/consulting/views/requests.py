from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_scopes import scope

from peercircle.consulting import offline, selectors, services
from peercircle.consulting import permissions as perm
from peercircle.consulting.crisis import default_terms, network_terms
from peercircle.consulting.forms import CrisisTermForm, RequestForm
from peercircle.consulting.models import HelpRequest
from peercircle.core.access import (
    organisation_view,
    public_network_view,
    public_organisation_view,
)
from peercircle.core.forms import call_service, submit
from peercircle.volunteers.selectors import volunteer_get_for

REQUESTS_PER_HOUR = 5
CRISIS_SESSION_KEY = "request_showed_crisis"


def _request_data(form) -> dict:
    return {k: v for k, v in form.answer_data.items() if k != "consent"}


@public_organisation_view(post_rate=f"{REQUESTS_PER_HOUR}/h")
def request_help(request, organisation_slug):
    """The public request form: minimal data, consent, spam protection, crisis signs."""
    organisation = request.public_organisation
    form = RequestForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        if form.is_spam:  # a robot gets the same answer, and nothing is saved
            return redirect("help_request_thanks", organisation_slug=organisation_slug)
        created = call_service(form, services.help_request_submit, organisation=organisation,
                               **_request_data(form))
        if created:
            request.session[CRISIS_SESSION_KEY] = created.crisis_flag
            return redirect("help_request_thanks", organisation_slug=organisation_slug)
    return render(request, "consulting/request_form.html",
                  {"form": form, "organisation": organisation})


@public_network_view(post_rate=f"{REQUESTS_PER_HOUR}/h")
def request_help_network(request, network_slug):
    """One form for a whole network: the request goes to the member that fits it."""
    network = request.public_network
    form = RequestForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        data = _request_data(form)
        organisation = services.network_member_for(network=network, need=data["need"],
                                                   region=data["region"])
        if form.is_spam:  # a robot gets the same answer, and nothing is saved
            return redirect("help_request_thanks", organisation_slug=organisation.slug)
        with scope(organisation=organisation):
            created = call_service(form, services.help_request_submit,
                                   organisation=organisation, **data)
        if created:
            request.session[CRISIS_SESSION_KEY] = created.crisis_flag
            return redirect("help_request_thanks", organisation_slug=organisation.slug)
    return render(request, "consulting/request_form.html", {"form": form, "organisation": network})


@public_organisation_view()
def request_thanks(request, organisation_slug):
    crisis = request.session.pop(CRISIS_SESSION_KEY, False)
    return render(request, "consulting/request_thanks.html",
                  {"organisation": request.public_organisation, "crisis": crisis})


@organisation_view(perm.VIEW_REQUESTS)
def queue(request, org):
    from peercircle.core.listing import Chip, Column, listing

    if "status" not in request.GET:  # the queue opens on what is waiting
        request.GET = request.GET.copy()
        request.GET["status"] = HelpRequest.Status.NEW
    chips = (Chip("status", "all", _("All"), lambda q: q),) + tuple(
        Chip("status", value, label, lambda q, value=value: q.filter(status=value))
        for value, label in HelpRequest.Status.choices) + (
        Chip("crisis", "yes", _("Signs of crisis"), lambda q: q.filter(crisis_flag=True)),)
    requests = listing(
        request, selectors.request_queue(organisation=request.organisation),
        search_fields=("beneficiary__code", "message"), search_label=_("Search by code or message"),
        default_order="-created_at", chips=chips,
        columns=[Column(_("Received"), "created_at"), Column(_("Code"), "beneficiary__code"),
                 Column(_("Need"), "need__code"), Column(_("Urgency"), "urgency"),
                 Column(_("Status"), "status"), Column(_("Peer consultant"),
                                                       "assigned_to__full_name")])
    return render(request, "consulting/queue.html", {
        "listing": requests, "requests": requests.page,
        "can_route": perm.ROUTE_REQUESTS in request.permissions,
        "outcomes": selectors.request_outcomes(organisation=request.organisation),
    })


@organisation_view(perm.VIEW_REQUESTS)
def request_detail(request, org, request_pk):
    help_request = selectors.request_get_for(organisation=request.organisation, pk=request_pk)
    can_route = perm.ROUTE_REQUESTS in request.permissions
    return render(request, "consulting/request_detail.html", {
        "help_request": help_request, "can_route": can_route,
        "reasons": HelpRequest.CloseReason.choices,
        "proposals": selectors.proposals(help_request) if can_route else [],
    })


@require_POST
@organisation_view(perm.ROUTE_REQUESTS)
def request_assign(request, org, request_pk):
    help_request = selectors.request_get_for(organisation=request.organisation, pk=request_pk)
    try:
        volunteer = volunteer_get_for(organisation=request.organisation,
                                      pk=int(request.POST.get("volunteer", 0)))
        services.help_request_assign(
            actor=request.user, help_request=help_request, volunteer=volunteer,
            build_url=request.build_absolute_uri,
            professional_involved=request.POST.get("professional_involved") == "yes")
    except (ValidationError, ValueError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("The request is given to %(name)s.")
                         % {"name": volunteer.full_name})
    return redirect("consulting:request_detail", org=org, request_pk=help_request.pk)


@require_POST
@organisation_view(perm.ROUTE_REQUESTS)
def request_escalate(request, org, request_pk):
    help_request = selectors.request_get_for(organisation=request.organisation, pk=request_pk)
    services.help_request_escalate(actor=request.user, help_request=help_request)
    messages.success(request, _("The request is marked as escalated to a professional."))
    return redirect("consulting:request_detail", org=org, request_pk=help_request.pk)


@organisation_view(perm.ROUTE_REQUESTS)
def bulk_routing(request, org):
    """Propose an optimal plan for the whole queue; the coordinator confirms what they keep."""
    if request.method == "POST":
        pairs = [tuple(int(x) for x in value.split(":")) for value in request.POST.getlist("pair")
                 if value.count(":") == 1 and value.replace(":", "").isdigit()]
        try:
            count = services.routing_bulk_confirm(actor=request.user,
                                                  organisation=request.organisation, pairs=pairs,
                                                  build_url=request.build_absolute_uri)
        except ValidationError as error:
            messages.error(request, _("Nothing was assigned: %(reason)s")
                           % {"reason": " ".join(error.messages)})
        else:
            messages.success(request, ngettext("%(count)d request is assigned.",
                                               "%(count)d requests are assigned.", count)
                             % {"count": count})
            return redirect("consulting:queue", org=org)
    rows, left = selectors.bulk_proposal(organisation=request.organisation)
    return render(request, "consulting/bulk.html", {"rows": rows, "left": left})


@organisation_view(perm.MANAGE_CRISIS_TERMS)
def crisis_terms(request, org):
    organisation = request.organisation
    if not organisation.coordinates_network or organisation.network is None:
        raise Http404
    form = CrisisTermForm(request.POST or None)
    done = submit(request, form, services.crisis_term_add, actor=request.user,
                  organisation=organisation, success=_("The word is added."),
                  then=lambda _term: redirect("consulting:crisis_terms", org=org))
    return done or render(request, "consulting/crisis_terms.html", {
        "form": form, "terms": network_terms(organisation.network),
        "shipped": sorted(default_terms().items())})


@require_POST
@organisation_view(perm.MANAGE_CRISIS_TERMS)
def crisis_term_remove(request, org, term_pk):
    organisation = request.organisation
    if not organisation.coordinates_network or organisation.network is None:
        raise Http404
    try:
        services.crisis_term_remove(actor=request.user, organisation=organisation, term_pk=term_pk)
    except ValidationError:
        raise Http404 from None
    messages.success(request, _("The word is removed."))
    return redirect("consulting:crisis_terms", org=org)




@organisation_view(perm.LOG_CONSULTATION)
def consultation_new(request, org):
    """Log a consultation in seconds on a phone; works offline through offline-form.js."""
    from peercircle.consulting.forms.consultations import ConsultationForm
    from peercircle.consulting.selectors.consultations import (
        beneficiaries_for_logging,
        contact_codes_of,
        default_region,
    )
    from peercircle.core.forms import call_service
    from peercircle.core.services import activity_record

    queue = offline.queue_token(request.user, request.organisation)
    if request.method == "POST" and request.headers.get("X-Offline-Queue", queue) != queue:
        # Kept on the device for someone else (a page left open while another person signed
        # in): never recorded under this person; the script keeps it for its owner.
        return HttpResponse(status=409)
    beneficiaries = beneficiaries_for_logging(organisation=request.organisation,
                                              user=request.user, permissions=request.permissions)
    form = ConsultationForm(request.POST or None, organisation=request.organisation,
                            beneficiaries=beneficiaries,
                            contact_codes=contact_codes_of(organisation=request.organisation,
                                                           user=request.user),
                            region=default_region(organisation=request.organisation,
                                                  user=request.user))
    if request.method == "POST" and form.is_valid():
        activity = call_service(form, activity_record, actor=request.user,
                                organisation=request.organisation, providers=[request.user],
                                kind="consultation", **form.service_arguments())
        if activity:
            new_contact = activity.contact_code and not form.cleaned_data["code"]
            messages.success(request, _(
                "The consultation is saved. The person's code is %(code)s: give it to them or "
                "write it down, and type it when they call again.") % {
                "code": activity.contact_code} if new_contact
                else _("The consultation is saved."))
            target = "consulting:consultation_new" if "another" in request.POST else \
                "consulting:my_consultations"
            if request.headers.get("X-Requested-With") == "offline-form":
                # The page's script navigates itself; the message waits for the next page.
                return HttpResponse(status=204, headers={"X-Location": reverse(target, kwargs={
                    "org": org})})
            return redirect(target, org=org)
    response = render(request, "consulting/consultation_form.html", {
        "form": form,
        "offline_person": offline.person_token(request.user),
        "offline_queue": queue,
        "offline_key": offline.queue_key(request.user, request.organisation),
    }, status=400 if form.is_bound else 200)
    add_never_cache_headers(response)  # the page carries the key of the device's queue
    return response


@organisation_view(perm.LOG_CONSULTATION)
def my_consultations(request, org):
    from peercircle.consulting.selectors.consultations import my_consultations as mine
    from peercircle.consulting.selectors.consultations import my_progress
    from peercircle.core.listing import Chip, Column, listing
    from peercircle.core.models import Format

    consultations = mine(organisation=request.organisation, user=request.user)
    chips = tuple(Chip("format", value, label, lambda q, value=value: q.filter(format=value))
                  for value, label in Format.choices) + (
        Chip("next", "yes", _("With a next contact"),
             lambda q: q.filter(follow_up_on__isnull=False)),)
    mine_listed = listing(
        request, consultations, search_fields=("contact_code", "participants__code"),
        search_label=_("Search by the person's code"), default_order="-date", chips=chips,
        per_page=30,
        columns=[Column(_("Date"), "date"), Column(_("Person (code)")),
                 Column(_("Minutes"), "duration_minutes"), Column(_("Format"), "format"),
                 Column(_("Topics")), Column(_("Next contact (optional)"), "follow_up_on")])
    return render(request, "consulting/my_consultations.html", {
        "listing": mine_listed, "page": mine_listed.page, "total": consultations.count(),
        "progress": my_progress(organisation=request.organisation, user=request.user),
    })


@organisation_view(perm.VIEW_FIGURES)
def consultation_figures(request, org):
    from peercircle.consulting.selectors.consultations import consultation_figures as figures

    return render(request, "consulting/figures.html",
                  {"figures": figures(organisation=request.organisation)})


@require_POST
@organisation_view(perm.ROUTE_REQUESTS)
def request_close(request, org, request_pk):
    help_request = selectors.request_get_for(organisation=request.organisation, pk=request_pk)
    try:
        services.help_request_close(actor=request.user, help_request=help_request,
                                    reason=request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The request is closed."))
    return redirect("consulting:request_detail", org=org, request_pk=help_request.pk)


@require_POST
@organisation_view(perm.ROUTE_REQUESTS)
def request_reopen(request, org, request_pk):
    help_request = selectors.request_get_for(organisation=request.organisation, pk=request_pk)
    try:
        services.help_request_reopen(actor=request.user, help_request=help_request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The request is open again."))
    return redirect("consulting:request_detail", org=org, request_pk=help_request.pk)


@require_POST
@organisation_view(perm.LOG_CONSULTATION, relationship=True)
def my_request_contact(request, org, request_pk):
    """The consultant a request was given to opens the person's contact details to call back;
    the opening is audited like any opening of an identity. Anyone else gets 404."""
    from peercircle.consulting.rules import request_rules
    from peercircle.people.services import identity_open

    help_request = selectors.request_get_for(organisation=request.organisation, pk=request_pk)
    if not request_rules.test_rule("contact", request.user, help_request):
        raise Http404
    identity = identity_open(actor=request.user, beneficiary=help_request.beneficiary)
    response = render(request, "consulting/my_request_contact.html",
                      {"help_request": help_request, "identity": identity})
    add_never_cache_headers(response)
    return response
