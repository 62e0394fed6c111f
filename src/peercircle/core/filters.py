import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import DateInput
from peercircle.core.models import AuditEntry


class AuditFilter(django_filters.FilterSet):
    action = django_filters.ChoiceFilter(label=_("Action"), choices=AuditEntry.Action.choices,
                                         empty_label=_("Any action"),
                                         widget=forms.Select(attrs={"class": "form-select"}))
    actor = django_filters.CharFilter(label=_("Person"), field_name="actor__full_name",
                                      lookup_expr="icontains",
                                      widget=forms.TextInput(attrs={"class": "form-control"}))
    object_repr = django_filters.CharFilter(
        label=_("Record"), lookup_expr="icontains",
        widget=forms.TextInput(attrs={"class": "form-control"}),
    )
    since = django_filters.DateFilter(label=_("From"), field_name="at", lookup_expr="date__gte",
                                      widget=DateInput(attrs={"class": "form-control"}))
    until = django_filters.DateFilter(label=_("To"), field_name="at", lookup_expr="date__lte",
                                      widget=DateInput(attrs={"class": "form-control"}))

    class Meta:
        model = AuditEntry
        fields = ["action", "actor", "object_repr", "since", "until"]
