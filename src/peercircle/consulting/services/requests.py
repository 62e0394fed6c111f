"""Writes for intake and routing: a request from the public form, assignment, escalation."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope

from peercircle.consulting.crisis import crisis_terms_found, normalise, term_display
from peercircle.consulting.models import CrisisTerm, HelpRequest
from peercircle.consulting.selectors import consultants_with_load
from peercircle.core.audit import audit_record, audited_delete, audited_save
from peercircle.core.models import AuditEntry
from peercircle.people import services as people
from peercircle.people.models import Consent


def help_request_submit(*, organisation, name: str, phone: str = "", email: str = "", need,
                        language: str, region=None, format: str, urgency: str,
                        message: str = "") -> HelpRequest:
    """A request from the public form: a pseudonymous beneficiary with the consent given on the
    form, the name and contacts kept apart, and the request flagged if it shows crisis."""
    if not (phone or "").strip() and not (email or "").strip():
        raise ValidationError({"phone": _("Give a phone number or an e-mail so that we can "
                                          "reach you.")})
    found = crisis_terms_found(message, organisation.network)
    with scope(organisation=organisation), transaction.atomic():
        beneficiary = people.beneficiary_create(actor=None, organisation=organisation,
                                                region=region, needs=[need])
        people.consent_give(actor=None, beneficiary=beneficiary,
                            purpose=Consent.Purpose.DATA_PROCESSING,
                            given_on=timezone.localdate(), method=Consent.Method.ELECTRONIC,
                            given_by=_("the person, on the public request form"))
        people.identity_save(actor=None, beneficiary=beneficiary, full_name=name, phone=phone,
                             email=email)
        help_request = HelpRequest(
            organisation=organisation, beneficiary=beneficiary, need=need, language=language,
            region=region, format=format, urgency=urgency, message=message,
            crisis_flag=bool(found), crisis_terms=found)
        audited_save(help_request, actor=None, organisation=organisation,
                     masked=frozenset({"message"}))
    return help_request


def _assignable_validate(help_request: HelpRequest, volunteer) -> None:
    if help_request.status not in (HelpRequest.Status.NEW, HelpRequest.Status.ASSIGNED):
        raise ValidationError(_("This request is no longer waiting for a consultant."))
    if help_request.assigned_to_id == volunteer.pk:
        raise ValidationError(_("The request is already with this consultant."))
    loaded = consultants_with_load(organisation=help_request.organisation).filter(
        pk=volunteer.pk).first()
    if loaded is None:
        raise ValidationError(_("%(name)s is not an active consultant now (paused, in training "
                                "or left).") % {"name": volunteer.full_name})
    if loaded.load >= loaded.weekly_capacity:
        raise ValidationError(_("%(name)s has no free capacity this week (%(load)d of "
                                "%(capacity)d).") % {"name": volunteer.full_name,
                                                     "load": loaded.load,
                                                     "capacity": loaded.weekly_capacity})


def help_request_assign(*, actor, help_request: HelpRequest, volunteer,
                        build_url=None, professional_involved: bool = False) -> HelpRequest:
    """Give a request to a consultant; refused beyond capacity or to someone not active. The
    consultant is told by e-mail, in their language, with a link only (nothing about the person).
    A request with signs of crisis goes to a peer only once a professional is involved: escalated
    before, or confirmed now by the person assigning it (recorded with their name)."""
    with transaction.atomic():
        _assignable_validate(help_request, volunteer)
        if help_request.crisis_flag and help_request.professional_involved_at is None:
            if not professional_involved:
                raise ValidationError(_(
                    "This request shows signs of crisis: confirm that a professional (a crisis "
                    "line, a doctor, a psychologist) has been involved before giving it to a "
                    "peer consultant."))
            _professional_involved(help_request, actor)
        help_request.status = HelpRequest.Status.ASSIGNED
        help_request.assigned_to, help_request.assigned_by = volunteer, actor
        help_request.assigned_at = timezone.now()
        saved = audited_save(help_request, actor=actor, organisation=help_request.organisation,
                             masked=frozenset({"message"}))
        transaction.on_commit(lambda: _tell_consultant(volunteer, build_url))
        return saved


def _tell_consultant(volunteer, build_url) -> None:
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation

    organisation = volunteer.organisation
    account = volunteer.user
    path = reverse("volunteers:my_work", kwargs={"org": organisation.slug})
    with translation.override(getattr(account, "language", "") or "ru"):
        body = render_to_string("consulting/email/assigned.txt", {
            "organisation": organisation.name, "url": build_url(path) if build_url else path})
        subject = _("A request for help is waiting for you")
    try:
        send_mail(subject, body, None, [account.email if account else volunteer.email])
    except Exception:  # noqa: BLE001 — the assignment stands; the page shows the request
        import logging

        logging.getLogger(__name__).exception("could not tell consultant %s", volunteer.pk)


def help_request_escalate(*, actor, help_request: HelpRequest) -> HelpRequest:
    if help_request.status == HelpRequest.Status.CLOSED:
        raise ValidationError(_("This request is closed."))
    help_request.status = HelpRequest.Status.ESCALATED
    if help_request.professional_involved_at is None:
        _professional_involved(help_request, actor)
    return audited_save(help_request, actor=actor, organisation=help_request.organisation,
                        masked=frozenset({"message"}))


def _professional_involved(help_request: HelpRequest, actor) -> None:
    help_request.professional_involved_at = timezone.now()
    help_request.professional_involved_by = actor


def routing_bulk_confirm(*, actor, organisation, pairs: list[tuple[int, int]], build_url=None) -> int:
    """Assign a reviewed plan all at once: every pair is checked again; one refusal undoes all."""
    from peercircle.consulting.selectors import request_get_for
    from peercircle.volunteers.selectors import volunteer_get_for

    with transaction.atomic():
        for request_pk, volunteer_pk in pairs:
            help_request_assign(
                actor=actor, help_request=request_get_for(organisation=organisation,
                                                          pk=request_pk),
                volunteer=volunteer_get_for(organisation=organisation, pk=volunteer_pk),
                build_url=build_url)
    return len(pairs)


def crisis_term_add(*, actor, organisation, language: str, term: str) -> CrisisTerm:
    """A word the network adds to the shipped lists (they stay in force)."""
    network = organisation.network
    term = term_display(term)
    if len(normalise(term).replace(" ", "")) < 3:
        raise ValidationError({"term": _("Give at least three letters.")})
    with transaction.atomic():
        own = CrisisTerm.objects.select_for_update().filter(network=network)
        if any(normalise(t.term) == normalise(term) for t in own):
            raise ValidationError({"term": _("This word is already in the list.")})
        created = CrisisTerm.objects.create(network=network, language=language, term=term)
        audit_record(actor=actor, organisation=organisation, action=AuditEntry.Action.CREATE,
                     instance=created, after={"language": language, "term": term})
    return created


def crisis_term_remove(*, actor, organisation, term_pk: int) -> None:
    """Remove one of the network's own words; the shipped lists cannot be shortened."""
    with transaction.atomic():
        target = CrisisTerm.objects.filter(network=organisation.network, pk=term_pk).first()
        if target is None:
            raise ValidationError(_("This word is not in the network's list."))
        audited_delete(target, actor=actor, organisation=organisation,
                       before={"language": target.language, "term": target.term})


def network_member_for(*, network, need, region):
    """The member organisation that serves the region and the need; else one that serves the
    need; else the organisation that coordinates the network."""
    from peercircle.organisations.models import Organisation

    members = Organisation.objects.filter(network=network)
    for candidates in (members.filter(regions=region, help_areas=need) if region else
                       members.none(), members.filter(help_areas=need),
                       members.filter(coordinates_network=True)):
        chosen = candidates.order_by("name").first()
        if chosen is not None:
            return chosen
    raise ValidationError(_("This network has no organisation that takes requests."))


def help_request_close(*, actor, help_request: HelpRequest, reason: str) -> HelpRequest:
    """End a request with how it ended (helped, referred elsewhere, no answer, duplicate)."""
    if help_request.status == HelpRequest.Status.CLOSED:
        raise ValidationError(_("This request is already closed."))
    if reason not in HelpRequest.CloseReason.values:
        raise ValidationError({"reason": _("Say how the request ended.")})
    help_request.status = HelpRequest.Status.CLOSED
    help_request.close_reason, help_request.closed_by = reason, actor
    help_request.closed_at = timezone.now()
    return audited_save(help_request, actor=actor, organisation=help_request.organisation,
                        masked=frozenset({"message"}))


def help_request_reopen(*, actor, help_request: HelpRequest) -> HelpRequest:
    """Open a closed request again: back to its consultant if it had one, else to the queue."""
    if help_request.status != HelpRequest.Status.CLOSED:
        raise ValidationError(_("Only a closed request can be reopened."))
    help_request.status = (HelpRequest.Status.ASSIGNED if help_request.assigned_to_id
                           else HelpRequest.Status.NEW)
    help_request.close_reason, help_request.closed_by, help_request.closed_at = "", None, None
    return audited_save(help_request, actor=actor, organisation=help_request.organisation,
                        masked=frozenset({"message"}))
