"""What the mentoring app keeps about a beneficiary: outcomes and agreements that name them."""

from django.utils.translation import gettext as _

from peercircle.core.subject_registry import SubjectDataProvider, item_of, register
from peercircle.mentoring import permissions as perm
from peercircle.mentoring.models import Agreement, Outcome


def _mentoring(beneficiary):
    outcomes = [item_of(outcome, ("type", "family", "date", "notes"))
                for outcome in Outcome.objects.filter(beneficiaries=beneficiary)
                .select_related("type", "family")]
    agreements = [item_of(agreement, ("pair", "starts_on", "ends_on", "status", "signed_copy"))
                  for agreement in Agreement.objects.filter(legal_representative=beneficiary)
                  .select_related("pair")]
    return outcomes + agreements


def _last_mentoring(beneficiary):
    return ([o.date for o in Outcome.objects.filter(beneficiaries=beneficiary)]
            + [a.ends_on for a in Agreement.objects.filter(legal_representative=beneficiary)])


register(SubjectDataProvider(
    key="mentoring", order=80, title=lambda: _("Mentoring outcomes and agreements"),
    collect=_mentoring, last_dates=_last_mentoring,
    kept=lambda: _("Outcomes observed in the family that concern the person, and four-party "
                   "agreements where the person is the legal representative."),
    purpose=lambda: _("To run the mentoring programme and report its outcomes."),
    permissions=frozenset({perm.VIEW_MENTORING})))
