"""Localities and districts inside the regions: added by the organisations that work there
(the page, the service and the form in one module: the page is small)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from peercircle.core import permissions as perm
from peercircle.core.access import organisation_view
from peercircle.core.audit import audit_record
from peercircle.core.choices import alphabetical_key, name_taken
from peercircle.core.forms import StyledForm, submit
from peercircle.core.models import AuditEntry, Locality, Region


def locality_add(*, actor, organisation, region: Region, name: str, kind: str) -> Locality:
    """A locality of a region the organisation's country has; one name once per region."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Name the locality.")})
    country = getattr(organisation, "country", "")
    if country and region.country != country:
        raise ValidationError({"region": _("Choose a region of your organisation's country.")})
    if name_taken(name, Locality.objects.filter(region=region)):
        raise ValidationError({"name": _("%(region)s already has a locality of this name.")
                               % {"region": region.name}})
    locality = Locality(region=region, name=name, kind=kind, added_by=organisation)
    with transaction.atomic():
        locality.full_clean()
        locality.save()
        audit_record(actor=actor, organisation=organisation, action=AuditEntry.Action.CREATE,
                     instance=locality, after={"region": region.code, "name": name,
                                               "kind": kind})
    return locality


class LocalityForm(StyledForm, forms.Form):
    region = forms.ModelChoiceField(label=_l("Region"), queryset=Region.objects.all(),
                                    empty_label=_l("Choose a region"))
    name = forms.CharField(label=_l("Name of the place"), max_length=120)
    kind = forms.ChoiceField(label=_l("Kind"), choices=Locality.Kind.choices)


@organisation_view(perm.MANAGE_LOCALITIES)
def localities(request, org):
    organisation = request.organisation
    form = LocalityForm(request.POST or None)
    own = list(organisation.regions.all())
    if own and not form.is_bound:
        form.fields["region"].initial = own[0].pk
    done = submit(request, form, locality_add, actor=request.user, organisation=organisation,
                  success=_("The locality is added."),
                  then=lambda _l: redirect("core:localities", org=org))
    regions = own or list(Region.objects.filter(country=organisation.country))
    known = Locality.objects.filter(region__in=regions).select_related("region", "added_by")
    listed = sorted(known, key=lambda item: (alphabetical_key(item.region.name),
                                             alphabetical_key(item.name)))
    return done or render(request, "core/localities.html", {"form": form, "localities": listed})
