from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import DateInput, HoneypotForm, StyledForm
from peercircle.core.models import Region
from peercircle.core.selectors import programme_list
from peercircle.events.models import Event, PlanItem
from peercircle.organisations.models import Organisation, Partner


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


def _members(organisation):
    return get_user_model().objects.filter(
        memberships__organisation=organisation, memberships__is_active=True,
    ).distinct().order_by("full_name")


class EventForm(StyledForm, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    kind = forms.ChoiceField(label=_("Kind"), choices=Event.Kind.choices)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput())
    minutes_per_day = forms.IntegerField(
        label=_("Programme minutes per day"), required=False, min_value=15, max_value=24 * 60,
        help_text=_("For events over several days; a one-day event counts from start to end."))
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(),
                                    required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    capacity = forms.IntegerField(label=_("Places"), required=False, min_value=1,
                                  help_text=_("Leave empty for no limit."))
    audience = forms.ChoiceField(label=_("Audience"), choices=Event.Audience.choices,
                                 initial=Event.Audience.PUBLIC)
    is_public = forms.BooleanField(label=_("Public registration page"), required=False)
    organisers = forms.ModelMultipleChoiceField(label=_("Organisers"), queryset=None,
                                                required=False)
    partners = forms.ModelMultipleChoiceField(label=_("Co-organising partners"), queryset=None,
                                              required=False)
    co_organisations = forms.ModelMultipleChoiceField(
        label=_("Co-organising organisations of the network"), queryset=None, required=False)
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None, required=False)
    plan_item = forms.ModelChoiceField(label=_("Calendar plan item"), queryset=None,
                                       required=False)
    cancelled = forms.BooleanField(label=_("The event is cancelled"), required=False)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisers"].queryset = _members(organisation)
        if not self.is_bound and not self.initial.get("region"):
            # where the organisation works, unless the event says otherwise
            self.fields["region"].initial = organisation.regions.order_by("pk").first()
        self.fields["organisers"].label_from_instance = lambda u: u.full_name or u.email
        self.fields["partners"].queryset = Partner.objects.filter(organisation=organisation)
        self.fields["co_organisations"].queryset = (
            Organisation.objects.filter(network=organisation.network).exclude(pk=organisation.pk)
            if organisation.network_id else Organisation.objects.none())
        self.fields["programme"].queryset = programme_list(organisation=organisation)
        self.fields["plan_item"].queryset = PlanItem.objects.filter(
            organisation=organisation).select_related("plan")
        self.fields["plan_item"].label_from_instance = lambda i: f"{i.plan} · {i}"
        for name in ("organisers", "partners", "co_organisations"):
            self.fields[name].widget.attrs["size"] = 4


class SessionForm(StyledForm, forms.Form):
    title = forms.CharField(label=_("Session"), max_length=250)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DateTimeInput())
    speakers = forms.CharField(label=_("Speakers"), max_length=300, required=False)
    room = forms.CharField(label=_("Room or stream"), max_length=120, required=False)


class RegistrationForm(StyledForm, HoneypotForm):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), error_messages={
        "invalid": _("Enter a valid e-mail address, like name@example.org.")})
    join_waiting_list = forms.BooleanField(
        label=_("If there are no places left, put me on the waiting list"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"


MARKS = [(n, str(n)) for n in range(5, 0, -1)]


class FeedbackForm(StyledForm, forms.Form):
    rating = forms.TypedChoiceField(label=_("How would you rate the event overall? (5 is best)"),
                                    choices=MARKS, coerce=int, widget=forms.RadioSelect)
    usefulness = forms.TypedChoiceField(label=_("How useful is it for your work? (5 is best)"),
                                        choices=MARKS, coerce=int, widget=forms.RadioSelect)
    comment = forms.CharField(label=_("What would you like to tell the organisers?"),
                              required=False, max_length=3000,
                              widget=forms.Textarea(attrs={"rows": 3}))


class PlanForm(StyledForm, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=250)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))


class PlanItemForm(StyledForm, forms.Form):
    title = forms.CharField(label=_("Activity"), max_length=250)
    content = forms.CharField(label=_("Content and place"), required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))
    starts_on = forms.DateField(label=_("Start date"), widget=DateInput())
    ends_on = forms.DateField(label=_("End date"), widget=DateInput())
    responsible = forms.ModelChoiceField(label=_("Responsible"), queryset=None, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=PlanItem.Status.choices)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = _members(organisation)
        self.fields["responsible"].label_from_instance = lambda u: u.full_name or u.email
