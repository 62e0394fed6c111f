"""The form of a programme (core.services.programme_save)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import StyledForm
from peercircle.core.models import HelpArea, Programme


class ProgrammeForm(StyledForm, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Programme.Kind.choices)
    target_per_provider = forms.IntegerField(
        label=_("Consultations each consultant is expected to give"), min_value=1,
        max_value=10000, required=False,
        help_text=_("For example 20: the consultants' progress and the indicator “trained "
                    "people who each gave at least N” count against it."))
    help_areas = forms.ModelMultipleChoiceField(label=_("Help areas"), required=False,
                                                queryset=HelpArea.objects.all(),
                                                widget=forms.CheckboxSelectMultiple)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))

    @classmethod
    def for_programme(cls, programme: Programme, data=None):
        return cls(data, initial={
            "name": programme.name, "kind": programme.kind,
            "target_per_provider": programme.target_per_provider,
            "help_areas": list(programme.help_areas.all()), "description": programme.description})
