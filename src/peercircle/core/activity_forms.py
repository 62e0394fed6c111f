from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import DateInput, StyledForm
from peercircle.core.models import Activity, Format, HelpArea, Programme, Region
from peercircle.core.registry import provided
from peercircle.core.selectors import programme_list


class ActivityForm(StyledForm, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of work"), choices=Activity.Kind.choices)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    duration_minutes = forms.IntegerField(label=_("Duration, minutes"), min_value=1,
                                          max_value=24 * 60)
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices)
    mode = forms.ChoiceField(label=_("Individual or group"), choices=Activity.Mode.choices)
    programme = forms.ModelChoiceField(label=_("Programme"), required=False,
                                       queryset=Programme.objects.none())
    participants = forms.ModelMultipleChoiceField(
        label=_("Named participants (codes)"), required=False,
        queryset=None, widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    anonymous_count = forms.IntegerField(label=_("Anonymous participants"), min_value=0,
                                         initial=0)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(),
                                    required=False)
    help_areas = forms.ModelMultipleChoiceField(label=_("Topics"), required=False,
                                                queryset=HelpArea.objects.all(),
                                                widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, organisation, permissions, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate(), "anonymous_count": 0})
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = programme_list(organisation=organisation)
        people = provided("participant_choices")(organisation=organisation,
                                                 permissions=permissions)
        if people is not None:
            self.fields["participants"].queryset = people
        else:
            del self.fields["participants"]
