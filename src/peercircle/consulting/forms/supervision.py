from django import forms
from django.utils.translation import gettext_lazy as _

from peercircle.consulting.models import Urgency
from peercircle.core.forms import StyledForm, work_region_field
from peercircle.core.models import Format


class SupervisionRequestForm(StyledForm, forms.Form):
    topic = forms.CharField(
        label=_("What would you like to discuss?"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only you and the supervisor who takes the request will see this. Your "
                    "coordinator sees only that a supervision took place."))
    urgency = forms.ChoiceField(label=_("How soon?"), choices=Urgency.choices)


class ScheduleForm(StyledForm, forms.Form):
    scheduled_for = forms.DateTimeField(
        label=_("Date and time"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices)
    region = work_region_field()


class CompleteForm(StyledForm, forms.Form):
    attended = forms.TypedChoiceField(
        label=_("Did the supervision take place?"), coerce=lambda v: v == "yes",
        choices=[("yes", _("Yes, we met")), ("no", _("No, it did not take place"))],
        widget=forms.RadioSelect)
    notes = forms.CharField(label=_("Notes (seen by the two of you only)"), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))
