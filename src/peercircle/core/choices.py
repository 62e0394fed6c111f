"""What reference pickers offer: help areas and regions as the person's organisation uses them.

Every form with a field over help areas or regions (core.forms.StyledForm) offers, inside an
organisation's scope:
- help areas: the installation's common list and the organisation's network's own, less the
  retired ones;
- regions: those of the organisation's country;
each sorted by the name shown in the person's language. What a record already holds stays
offered, so editing it never drops a retired area or a region of another country.
"""

import unicodedata
from collections.abc import Iterable

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import translation
from django_scopes import get_scope

from peercircle.core.models import HelpArea, Region, TranslatedName

# letters that sort beside a Latin or Cyrillic base letter without decomposing to it
_BASE_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ё": "е", "Ё": "Е"})


def alphabetical_key(text: str) -> tuple:
    """Dictionary order for Russian, Polish and English names: a letter with a diacritic is a
    letter of its own right after its base letter (Lubuskie, Łódzkie, Małopolskie), not after Z
    as code points have it."""
    key = []
    for ch in text.casefold():
        base = unicodedata.normalize("NFD", ch.translate(_BASE_LETTERS))[0]
        key.append((base, ch != base))
    return tuple(key)


def _by_shown_name(queryset: QuerySet) -> QuerySet:
    """The queryset in the dictionary order of the names shown in the person's language (the
    lists are short: at most a hundred regions, a few dozen help areas)."""
    language = (translation.get_language() or "en")[:2]
    column = f"name_{language}" if language in ("ru", "pl") else "name_en"
    names = dict(queryset.values_list("pk", column))
    ordered = sorted(names, key=lambda pk: alphabetical_key(names[pk] or ""))
    if not ordered:
        return queryset
    place = Case(*[When(pk=pk, then=Value(i)) for i, pk in enumerate(ordered)],
                 output_field=IntegerField())
    return queryset.order_by(place)


def help_areas_offered(organisation=None, *, keep: Iterable[int] = ()) -> QuerySet[HelpArea]:
    network_id = getattr(organisation, "network_id", None)
    own = Q(network__isnull=True)
    if network_id:
        own |= Q(network_id=network_id)
    return _by_shown_name(HelpArea.objects.filter((own & Q(retired_at__isnull=True))
                                                  | Q(pk__in=list(keep))))


def regions_offered(organisation=None, *, keep: Iterable[int] = ()) -> QuerySet[Region]:
    country = getattr(organisation, "country", "")
    queryset = Region.objects.all()
    if country:
        queryset = queryset.filter(Q(country=country) | Q(pk__in=list(keep)))
    return _by_shown_name(queryset)


OFFERED = {HelpArea: help_areas_offered, Region: regions_offered}


def _held(value) -> list[int]:
    if value in (None, ""):
        return []
    values = value if isinstance(value, list | tuple | set | QuerySet) else [value]
    return [getattr(v, "pk", v) for v in values if str(getattr(v, "pk", v)).isdigit()]


def reference_fields_narrow(form) -> None:
    """Narrow the form's help-area and region fields to what its organisation offers."""
    organisation = get_scope().get("organisation")
    for name, field in form.fields.items():
        model = getattr(getattr(field, "queryset", None), "model", None)
        if model is None or not issubclass(model, TranslatedName) or model not in OFFERED:
            continue
        field.queryset = OFFERED[model](organisation, keep=_held(form.initial.get(name)))


def localities_known(organisation=None) -> list[str]:
    """The names of the localities in the organisation's regions (or country), for the
    suggestions of a locality field."""
    from peercircle.core.models import Locality

    regions = list(organisation.regions.all()) if organisation is not None else []
    queryset = Locality.objects.all()
    if regions:
        queryset = queryset.filter(region__in=regions)
    elif getattr(organisation, "country", ""):
        queryset = queryset.filter(region__country=organisation.country)
    names = set(queryset.values_list("name", flat=True)[:500])
    return sorted(names, key=alphabetical_key)


LOCALITY_FIELDS = ("locality", "city")


def locality_suggestions_add(form) -> None:
    """A locality or city field suggests the localities known in the organisation's regions
    (an HTML datalist: typing a new name stays possible)."""
    from django import forms as django_forms

    names = [name for name in LOCALITY_FIELDS if name in form.fields
             and isinstance(form.fields[name].widget, django_forms.TextInput)]
    if not names:
        return
    organisation = get_scope().get("organisation")
    known = localities_known(organisation) if organisation is not None else []
    if not known:
        return
    for name in names:
        widget = form.fields[name].widget
        widget.attrs["list"] = f"id_{form.add_prefix(name)}-suggestions"
        widget.attrs["autocomplete"] = "off"
        form.fields[name].suggestions = known


def name_taken(name: str, queryset, field: str = "name") -> bool:
    """Whether `queryset` has a record whose `field` is `name` whatever the letter case.
    Compared in Python: SQLite folds the case of Latin letters only, not Cyrillic or Polish."""
    wanted = " ".join((name or "").split()).casefold()
    return bool(wanted) and wanted in {" ".join(n.split()).casefold()
                                       for n in queryset.values_list(field, flat=True)}
