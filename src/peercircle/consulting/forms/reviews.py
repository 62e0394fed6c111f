from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peercircle.consulting.models import GroupReview
from peercircle.core.forms import DateInput, StyledForm, work_region_field
from peercircle.core.models import Format


def _members(organisation):
    return get_user_model().objects.filter(memberships__organisation=organisation,
                                           memberships__is_active=True).distinct()


class ReviewForm(StyledForm, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=GroupReview.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    duration_minutes = forms.IntegerField(label=_("Duration, minutes"), min_value=15,
                                          max_value=600, initial=90)
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices)
    region = work_region_field()
    participants = forms.ModelMultipleChoiceField(label=_("Participants"), queryset=None,
                                                  widget=forms.CheckboxSelectMultiple)
    case_summary = forms.CharField(
        label=_("Case summary (de-identified)"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("No names, contacts or details that would let anyone recognise the person."))

    def __init__(self, *args, organisation, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = _members(organisation)


class HoldForm(StyledForm, forms.Form):
    attended = forms.ModelMultipleChoiceField(label=_("Who took part"), queryset=None,
                                              widget=forms.CheckboxSelectMultiple)
    case_summary = forms.CharField(label=_("Case summary (de-identified)"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, review, **kwargs):
        kwargs.setdefault("initial", {"attended": list(review.participants.all()),
                                      "case_summary": review.case_summary})
        super().__init__(*args, **kwargs)
        self.fields["attended"].queryset = _members(review.organisation)
