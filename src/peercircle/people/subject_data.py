"""What the people app and the activity ledger keep about a beneficiary (see people/rights)."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from peercircle.core import permissions as core_perm
from peercircle.core.models import Activity
from peercircle.core.subject_registry import (
    Entry,
    Scrubbed,
    SubjectDataProvider,
    item_of,
    register,
)
from peercircle.people import permissions as perm
from peercircle.people.models import BeneficiaryIdentity, Consent

IDENTITY_FIELDS = ("full_name", "phone", "email", "address")


def _record(beneficiary):
    families = ", ".join(f"{link.family.code} ({link.get_relation_display()})"
                         for link in beneficiary.family_links.select_related("family"))
    return [item_of(beneficiary, ("code", "birth_year", "gender", "region", "needs"),
                    extra=(Entry("families", str(_("Families")), families),))]


def _identity(beneficiary):
    identity = BeneficiaryIdentity.objects.filter(beneficiary=beneficiary).first()
    return [item_of(identity, IDENTITY_FIELDS)] if identity else []


def _identity_erase(beneficiary):
    identity = BeneficiaryIdentity.objects.filter(beneficiary=beneficiary).first()
    if identity is None:
        return []
    scrubbed = Scrubbed(identity, frozenset(IDENTITY_FIELDS))
    identity.delete()
    return [scrubbed]


def _consents(beneficiary):
    return [item_of(consent, ("purpose", "partner", "given_on", "method", "given_by",
                              "document", "withdrawn_on"))
            for consent in Consent.objects.filter(beneficiary=beneficiary)
            .select_related("partner")]


def _consents_erase(beneficiary):
    """The consents stay as proof of the lawful basis (purpose and dates) and end today if
    still in force; who signed and the signed documents go, the files only once the erasure
    is committed."""
    scrubbed = []
    for consent in Consent.objects.filter(beneficiary=beneficiary):
        if consent.document:
            transaction.on_commit(lambda f=consent.document.name, s=consent.document.storage:
                                  s.delete(f))
        consent.given_by, consent.document = "", ""
        consent.withdrawn_on = consent.withdrawn_on or timezone.localdate()
        consent.save(update_fields=["given_by", "document", "withdrawn_on", "updated_at"])
        scrubbed.append(Scrubbed(consent, frozenset({"given_by", "document"})))
    return scrubbed


def _activities(beneficiary):
    return [item_of(activity, ("kind", "date", "duration_minutes", "format", "region",
                               "help_areas"))
            for activity in Activity.objects.filter(participants=beneficiary)
            .select_related("region").prefetch_related("help_areas").order_by("date", "id")]


def _last_activity(beneficiary):
    return [Activity.objects.filter(participants=beneficiary).aggregate(d=Max("date"))["d"],
            beneficiary.created_at.date()]


register(SubjectDataProvider(
    key="record", order=10, title=lambda: _("Pseudonymous record"), collect=_record,
    kept=lambda: _("Code, year of birth, gender, region, needs and family links."),
    purpose=lambda: _("To provide peer support and count the work without names."),
    permissions=frozenset({perm.VIEW_BENEFICIARIES}), last_dates=_last_activity))
register(SubjectDataProvider(
    key="identity", order=20, title=lambda: _("Name and contacts"), collect=_identity,
    anonymise=_identity_erase,
    kept=lambda: _("Full name, phone, e-mail and address, kept apart from the record."),
    purpose=lambda: _("To contact the person, only with their consent to data processing."),
    permissions=frozenset({perm.VIEW_IDENTITY})))
register(SubjectDataProvider(
    key="consents", order=30, title=lambda: _("Consents"), collect=_consents,
    anonymise=_consents_erase,
    kept=lambda: _("Purpose, dates, how it was given, who gave it and the signed document."),
    purpose=lambda: _("To prove the lawful basis of processing (152-FZ, GDPR Art. 7 and 9)."),
    permissions=frozenset({perm.MANAGE_CONSENT})))
register(SubjectDataProvider(
    key="activities", order=40, title=lambda: _("Activities"), collect=_activities,
    kept=lambda: _("Kind, date, duration, format, region and topics of each piece of work "
                   "the person took part in."),
    purpose=lambda: _("To plan the support and report the work to funders."),
    permissions=frozenset({core_perm.VIEW_LEDGER})))
