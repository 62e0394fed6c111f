from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import DateInput, HoneypotForm, StyledForm
from peercircle.core.models import Format
from peercircle.mentoring.models import (
    Agreement,
    AgreementTemplate,
    MenteeFamily,
    Mentor,
    Monitoring,
    OutcomeType,
    Pair,
    PairEvent,
)


def _today():
    return {"initial": timezone.localdate}  # a callable: evaluated when the form is shown


class MentorApplicationForm(StyledForm, HoneypotForm):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    motivation = forms.CharField(label=_("Why would you like to become a mentor to a family?"),
                                 widget=forms.Textarea(attrs={"rows": 4}))
    source = forms.ChoiceField(label=_("How did you hear about the programme?"),
                               choices=Mentor.Source.choices)
    is_peer_mentor = forms.BooleanField(
        label=_("I have overcome a similar family situation myself and want to help others."),
        required=False)
    consent = forms.BooleanField(label=_(
        "I agree that the organisation keeps my answers to consider my application."))


class ProgrammeForm(StyledForm, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    ngo = forms.ModelChoiceField(label=_("Partner NGO"), queryset=None, required=False)
    school = forms.ModelChoiceField(label=_("Mentor School (course)"), queryset=None,
                                    required=False)
    max_families_per_mentor = forms.IntegerField(label=_("Families per mentor at most"),
                                                 min_value=1, max_value=20)
    agreement_term_months = forms.IntegerField(label=_("Agreement term, months"), min_value=1,
                                               max_value=60)
    expiry_warning_days = forms.IntegerField(label=_("Warn before an agreement expires, days"),
                                             min_value=1, max_value=365)
    home_visit_days = forms.IntegerField(label=_("Curator's home visit every, days"),
                                         min_value=1, max_value=365)
    curator_meeting_days = forms.IntegerField(label=_("Curator–mentor meeting every, days"),
                                              min_value=1, max_value=365)
    monitoring_days = forms.IntegerField(label=_("Relationship monitoring every, days"),
                                         min_value=1, max_value=730)
    council_days = forms.IntegerField(label=_("Case council every, days"), min_value=1,
                                      max_value=730)
    party_read_grace_days = forms.IntegerField(
        label=_("The partner NGO still sees a pair after its agreement ends, days"),
        min_value=0, max_value=365, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("party_read_grace_days") is None:
            cleaned.pop("party_read_grace_days", None)  # left empty: unchanged
        return cleaned

    def __init__(self, *args, organisation, **kwargs):
        from peercircle.organisations.models import Organisation
        from peercircle.training.models import Course

        super().__init__(*args, **kwargs)
        self.fields["ngo"].queryset = Organisation.objects.exclude(pk=organisation.pk)
        self.fields["school"].queryset = Course.objects.filter(organisation=organisation)


class OutcomeTypeForm(StyledForm, forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=60)
    name = forms.CharField(label=_("Name"), max_length=200)
    direction = forms.ChoiceField(label=_("Direction"), choices=OutcomeType.Direction.choices)
    unit = forms.ChoiceField(label=_("Counted in"), choices=OutcomeType.Unit.choices)


class MentorRegisterForm(StyledForm, forms.Form):
    volunteer = forms.ModelChoiceField(label=_("Volunteer"), queryset=None)
    source = forms.ChoiceField(label=_("How they heard of us"), choices=Mentor.Source.choices)
    origin = forms.ChoiceField(label=_("Origin"), choices=Mentor.Origin.choices)
    is_peer_mentor = forms.BooleanField(label=_("Peer mentor (a former beneficiary)"),
                                        required=False)
    referred_by = forms.ModelChoiceField(label=_("Referred by (partner)"), queryset=None,
                                         required=False)
    experience = forms.CharField(label=_("Experience"), required=False,
                                 widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, organisation, **kwargs):
        from peercircle.organisations.models import Partner
        from peercircle.volunteers.models import Stage, Volunteer

        super().__init__(*args, **kwargs)
        self.fields["volunteer"].queryset = Volunteer.objects.filter(
            organisation=organisation, mentor__isnull=True).exclude(stage=Stage.LEFT)
        self.fields["referred_by"].queryset = Partner.objects.filter(organisation=organisation)


class DiagnosticForm(StyledForm, forms.Form):
    diagnostic_on = forms.DateField(label=_("Diagnostic interview"), widget=DateInput(),
                                    **_today())
    diagnostic_result = forms.ChoiceField(label=_("Result"), choices=Mentor.Diagnostic.choices,
                                          widget=forms.RadioSelect)
    diagnostic_notes = forms.CharField(label=_("Notes"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 3}))


class AdmitForm(StyledForm, forms.Form):
    admitted_on = forms.DateField(label=_("Admitted on"), widget=DateInput(), **_today())


class FamilyEnrolForm(StyledForm, forms.Form):
    family = forms.ModelChoiceField(label=_("Family"), queryset=None)
    reason = forms.ChoiceField(label=_("Reason for support"), choices=MenteeFamily.Reason.choices)
    curator = forms.ModelChoiceField(label=_("Family curator"), queryset=None)
    referred_on = forms.DateField(label=_("Taken into the programme"), widget=DateInput(),
                                  **_today())

    def __init__(self, *args, organisation, **kwargs):
        from peercircle.accounts.models import User
        from peercircle.organisations.roles import Role
        from peercircle.people.models import Family

        super().__init__(*args, **kwargs)
        self.fields["family"].queryset = Family.objects.filter(
            organisation=organisation, mentoring__isnull=True)
        self.fields["curator"].queryset = User.objects.filter(
            memberships__organisation=organisation, memberships__is_active=True,
            memberships__role__in=[Role.SUPERVISOR, Role.COORDINATOR, Role.STAFF]).distinct()
        self.fields["curator"].label_from_instance = lambda u: u.get_full_name() or u.email


class MatchForm(StyledForm, forms.Form):
    mentor = forms.ModelChoiceField(label=_("Mentor"), queryset=None)
    matched_on = forms.DateField(label=_("Matched on"), widget=DateInput(), **_today())
    match_notes = forms.CharField(label=_("Why this match"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = Mentor.objects.filter(
            organisation=organisation, admitted_on__isnull=False).select_related("volunteer")


class AgreementForm(StyledForm, forms.Form):
    legal_representative = forms.ModelChoiceField(label=_("Legal representative"),
                                                  queryset=None)
    ngo = forms.ModelChoiceField(label=_("NGO (party to the agreement)"), queryset=None)
    template = forms.ModelChoiceField(label=_("Agreement text"), queryset=None)
    starts_on = forms.DateField(label=_("Start date"), widget=DateInput(), **_today())
    ends_on = forms.DateField(label=_("End date"), widget=DateInput(), required=False,
                              help_text=_("Empty: the programme's term (one year)."))
    meeting_frequency = forms.ChoiceField(label=_("Meetings"),
                                          choices=Agreement.Frequency.choices)
    shared_with = forms.ModelMultipleChoiceField(
        label=_("Partners that see the pair's summary"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only with the legal representative's consent to sharing with them."))
    signed_copy = forms.FileField(label=_("Signed copy (PDF, JPEG or PNG)"), required=False)

    def __init__(self, *args, pair, programme, **kwargs):
        from peercircle.mentoring.selectors import legal_representatives
        from peercircle.organisations.models import Organisation, Partner

        super().__init__(*args, **kwargs)
        self.fields["legal_representative"].queryset = legal_representatives(pair.family.family)
        self.fields["ngo"].queryset = Organisation.objects.exclude(pk=pair.organisation_id)
        self.fields["ngo"].initial = programme.ngo_id
        self.fields["template"].queryset = AgreementTemplate.objects.filter(
            organisation=pair.organisation)
        self.fields["template"].initial = self.fields["template"].queryset.values_list(
            "pk", flat=True).first()
        self.fields["shared_with"].queryset = Partner.objects.filter(
            organisation=pair.organisation)

    def clean_signed_copy(self):
        document = self.cleaned_data.get("signed_copy")
        if document and not document.name.lower().endswith((".pdf", ".jpg", ".jpeg", ".png")):
            raise forms.ValidationError(_("Upload the signed copy as PDF, JPEG or PNG."))
        return document


class SignedCopyForm(StyledForm, forms.Form):
    signed_copy = forms.FileField(label=_("Signed copy (PDF, JPEG or PNG)"))


class CloseForm(StyledForm, forms.Form):
    status = forms.ChoiceField(label=_("How the pair ended"), widget=forms.RadioSelect,
                               choices=[(Pair.Status.COMPLETED, Pair.Status.COMPLETED.label),
                                        (Pair.Status.ENDED_EARLY, Pair.Status.ENDED_EARLY.label)])
    closed_on = forms.DateField(label=_("Closed on"), widget=DateInput(), **_today())
    closure_reason = forms.CharField(label=_("Reason"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 2}))


class MeetingForm(StyledForm, forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput(), **_today())
    duration_minutes = forms.IntegerField(label=_("Duration, minutes"), min_value=5,
                                          max_value=720, initial=60)
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices)
    notes = forms.CharField(label=_("Notes (no names)"), required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))


class CurationForm(MeetingForm):
    kind = forms.ChoiceField(label=_("What took place"), choices=[
        (k.value, k.label) for k in (PairEvent.Kind.HOME_VISIT, PairEvent.Kind.CURATOR_MEETING,
                                     PairEvent.Kind.CASE_COUNCIL)])
    mentor_invited = forms.BooleanField(label=_("The mentor was invited (case council)"),
                                        required=False)

    field_order = ["kind", "date", "duration_minutes", "format", "mentor_invited", "notes"]


class MonitoringForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Monitoring
        fields = ["date", "meetings", "mentor_rating", "family_rating", "mentor_view",
                  "family_view", "goals_progress", "continue_pair"]
        widgets = {"date": DateInput(), "mentor_view": forms.Textarea(attrs={"rows": 2}),
                   "family_view": forms.Textarea(attrs={"rows": 2}),
                   "goals_progress": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)


class OutcomeForm(StyledForm, forms.Form):
    type = forms.ModelChoiceField(label=_("Outcome"), queryset=None)
    date = forms.DateField(label=_("Date"), widget=DateInput(), **_today())
    beneficiaries = forms.ModelMultipleChoiceField(label=_("People it concerns"), queryset=None,
                                                   required=False,
                                                   widget=forms.CheckboxSelectMultiple)
    notes = forms.CharField(label=_("Notes (no names)"), required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, pair, programme, **kwargs):
        from peercircle.people.models import Beneficiary

        super().__init__(*args, **kwargs)
        self.fields["type"].queryset = OutcomeType.objects.filter(programme=programme,
                                                                  is_active=True)
        self.fields["type"].label_from_instance = (
            lambda t: f"{t.get_direction_display()}: {t.name}")
        self.fields["beneficiaries"].queryset = Beneficiary.objects.filter(
            family_links__family=pair.family.family)


class ClubMeetingForm(StyledForm, forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput(), **_today())
    topic = forms.CharField(label=_("Topic"), max_length=200)
    duration_minutes = forms.IntegerField(label=_("Duration, minutes"), min_value=15,
                                          max_value=720, initial=90)
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices)
    attendees = forms.ModelMultipleChoiceField(label=_("Mentors present"), queryset=None,
                                               widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = Mentor.objects.filter(
            organisation=organisation, admitted_on__isnull=False).select_related("volunteer")


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DateInput(), required=False)
    end = forms.DateField(label=_("To"), widget=DateInput(), required=False)
