import uuid

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import DateInput, StyledForm, work_region_field
from peercircle.core.models import Format, Region
from peercircle.groups.models import Club, Initiative
from peercircle.groups.services import ANIMATOR_ROLES
from peercircle.organisations.models import Partner

DURATIONS = [(60, "60"), (90, "90"), (120, "120"), (180, "180")]


def _people(organisation):
    return (get_user_model().objects.filter(
        memberships__organisation=organisation, memberships__is_active=True,
        memberships__role__in=ANIMATOR_ROLES).distinct().order_by("full_name"))


def _people_field(label, required=True):
    field = forms.ModelMultipleChoiceField(label=label, queryset=None, required=required,
                                           widget=forms.CheckboxSelectMultiple)
    field.label_from_instance = lambda user: user.full_name or user.email
    return field


class ClubForm(StyledForm, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Club.Kind.choices)
    locality = forms.CharField(label=_("Locality"), max_length=120)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(),
                                    required=False)
    host = forms.ModelChoiceField(label=_("Hosted by"), queryset=None, required=False,
                                  empty_label=_("This organisation"))
    description = forms.CharField(label=_("About the club"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    animators = _people_field(_("Animators"), required=False)
    founded_on = forms.DateField(label=_("Founded on"), required=False, widget=DateInput())
    joined_network_on = forms.DateField(label=_("Joined the regional network of clubs on"),
                                        required=False, widget=DateInput())

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = Partner.objects.filter(organisation=organisation)
        self.fields["animators"].queryset = _people(organisation)


class ClubEditForm(ClubForm):
    closed_on = forms.DateField(label=_("Closed on"), required=False, widget=DateInput())


class CoalitionForm(StyledForm, forms.Form):
    partner = forms.ModelChoiceField(label=_("Partner"), queryset=None)
    role = forms.CharField(label=_("Role in the coalition"), max_length=200,
                           help_text=_("For example: gives a room for the meetings."))
    joined_on = forms.DateField(label=_("Joined on"), widget=DateInput())

    def __init__(self, *args, organisation, **kwargs):
        kwargs.setdefault("initial", {"joined_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(organisation=organisation)


class GroupForm(StyledForm, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    topic = forms.CharField(label=_("Topic"), max_length=200)
    is_open = forms.TypedChoiceField(
        label=_("Open or closed"), coerce=lambda v: v == "True", widget=forms.RadioSelect,
        choices=[(True, _("Open: newcomers welcome at any session")),
                 (False, _("Closed: members only"))], initial=True)
    schedule = forms.CharField(label=_("Schedule"), max_length=200, required=False,
                               help_text=_("For example: Tuesdays 17:00–18:30, every week."))
    started_on = forms.DateField(label=_("Started on"), widget=DateInput())
    animators = _people_field(_("Animators"))

    def __init__(self, *args, organisation, **kwargs):
        kwargs.setdefault("initial", {"started_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["animators"].queryset = _people(organisation)


class MemberForm(StyledForm, forms.Form):
    code = forms.CharField(label=_("Person's code"), max_length=20,
                           help_text=_("The code from the person's card; the person must have "
                                       "consented to the processing of their data."))
    known_as = forms.CharField(
        label=_("Name in the group (optional)"), max_length=60, required=False,
        help_text=_("A first name or nickname the group uses, so that you recognise the person "
                    "when you take attendance. Only this group's animators see it."))
    joined_on = forms.DateField(label=_("Joined on"), widget=DateInput())

    def __init__(self, *args, names: bool = True, **kwargs):
        kwargs.setdefault("initial", {"joined_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        if not names:  # a coordinator managing clubs adds by code; the name is the animators'
            del self.fields["known_as"]


class MemberNameForm(StyledForm, forms.Form):
    known_as = forms.CharField(label=_("Name in the group"), max_length=60, required=False)


def member_label(member, *, names: bool) -> str:
    """A member as their group's animators recognise them: "Anna (B-2HEL9C)"; the code alone
    for anyone else."""
    if names and member.known_as:
        return f"{member.known_as} ({member.beneficiary.code})"
    return member.beneficiary.code


class SessionForm(StyledForm, forms.Form):
    """Phone-first: tick who came, add the head-count of those who did not register."""

    date = forms.DateField(label=_("Date"), widget=DateInput())
    duration_minutes = forms.TypedChoiceField(label=_("Minutes"), choices=DURATIONS, coerce=int,
                                              widget=forms.RadioSelect, initial=90)
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices,
                               widget=forms.RadioSelect, initial=Format.IN_PERSON)
    present = forms.ModelMultipleChoiceField(label=_("Members who came"), queryset=None,
                                             required=False, widget=forms.CheckboxSelectMultiple)
    anonymous_count = forms.IntegerField(
        label=_("People who came but are not registered"), min_value=0, max_value=500,
        required=False, initial=0)
    topic = forms.CharField(label=_("What the group worked on (no names)"), max_length=200,
                            required=False)
    client_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, members, is_open: bool, names: bool = False, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("date", timezone.localdate())
        kwargs["initial"]["client_key"] = uuid.uuid4()
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = members
        self.fields["present"].label_from_instance = lambda m: member_label(m, names=names)
        if not is_open:
            del self.fields["anonymous_count"]


class CurriculumForm(StyledForm, forms.Form):
    starts_on = forms.DateField(label=_("First session on"), widget=DateInput())
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices,
                               initial=Format.IN_PERSON)
    session_minutes = forms.IntegerField(label=_("Minutes per session"), min_value=30,
                                         max_value=480, initial=180)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"starts_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class PracticeForm(StyledForm, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    club = forms.ModelChoiceField(label=_("Club"), queryset=None, required=False)
    text = forms.CharField(label=_("What we did and what we learned"),
                           widget=forms.Textarea(attrs={"rows": 8}),
                           help_text=_("No names or contact details of the people you support."))
    shared_with_network = forms.BooleanField(label=_("Share with the network"), required=False,
                                             initial=True)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["club"].queryset = Club.objects.filter(organisation=organisation)


class InitiativeForm(StyledForm, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    goal = forms.CharField(label=_("Goal"), widget=forms.Textarea(attrs={"rows": 3}))
    locality = forms.CharField(label=_("Locality"), max_length=120, required=False)
    region = work_region_field()
    club = forms.ModelChoiceField(label=_("Club"), queryset=None, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Initiative.Status.choices)
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), required=False, widget=DateInput())
    team = _people_field(_("Team"))
    anonymous_participants = forms.IntegerField(
        label=_("Participants not named (head-count)"), min_value=0, max_value=100000,
        required=False, initial=0)
    results = forms.CharField(label=_("Results"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["club"].queryset = Club.objects.filter(organisation=organisation)
        self.fields["team"].queryset = _people(organisation)


class ParticipantForm(StyledForm, forms.Form):
    code = forms.CharField(label=_("Person's code"), max_length=20,
                           help_text=_("The person must have consented to the processing of "
                                       "their data."))
