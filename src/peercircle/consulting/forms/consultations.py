import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import DateInput, StyledForm
from peercircle.core.models import Activity, Format, HelpArea, Region
from peercircle.core.selectors import programme_list

DURATIONS = [(15, "15"), (30, "30"), (45, "45"), (60, "60"), (90, "90")]


class ConsultationForm(StyledForm, forms.Form):
    """Phone-first: big choices, sensible defaults, no free text about the person."""

    beneficiary = forms.ModelChoiceField(label=_("Person (code)"), required=False,
                                         queryset=None,
                                         empty_label=_("A new anonymous contact"))
    date = forms.DateField(label=_("Date"), widget=DateInput())
    duration_minutes = forms.TypedChoiceField(label=_("Minutes"), choices=DURATIONS, coerce=int,
                                              widget=forms.RadioSelect, initial=45)
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices, widget=forms.RadioSelect)
    mode = forms.ChoiceField(label=_("Individual or group"), choices=Activity.Mode.choices,
                             widget=forms.RadioSelect, initial=Activity.Mode.INDIVIDUAL)
    anonymous_count = forms.IntegerField(label=_("People in the group (not named)"), min_value=0,
                                         max_value=500, required=False)
    help_areas = forms.ModelMultipleChoiceField(label=_("Topics"), required=False,
                                                queryset=HelpArea.objects.all(),
                                                widget=forms.CheckboxSelectMultiple)
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None, required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(),
                                    required=False)
    follow_up_on = forms.DateField(label=_("Next contact (optional)"), required=False,
                                   widget=DateInput())
    client_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, organisation, beneficiaries, region=None, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("date", timezone.localdate())
        kwargs["initial"].setdefault("region", region)  # the consultant's region, changeable
        kwargs["initial"]["client_key"] = uuid.uuid4()
        super().__init__(*args, **kwargs)
        self.fields["beneficiary"].queryset = beneficiaries
        programmes = programme_list(organisation=organisation)  # running ones only
        self.fields["programme"].queryset = programmes
        if programmes.count() == 1:
            self.fields["programme"].initial = programmes.first()
        if organisation.help_areas.exists():  # the organisation's own topics first and only
            self.fields["help_areas"].queryset = organisation.help_areas.all()
        if organisation.formats:
            self.fields["format"].initial = organisation.formats[0]

    def clean(self):
        data = super().clean()
        group = data.get("mode") == Activity.Mode.GROUP
        if group and not data.get("anonymous_count") and not data.get("beneficiary"):
            self.add_error("anonymous_count", _("Say how many people took part."))
        return data

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        beneficiary = data.pop("beneficiary")
        extra = data.pop("anonymous_count") or 0
        data["participants"] = [beneficiary] if beneficiary else []
        data["anonymous_count"] = extra if (extra or beneficiary) else 1
        return data
