from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from peercircle.core.forms import DateInput, HoneypotForm, StyledForm, style_field
from peercircle.core.models import Format, HelpArea, Region
from peercircle.organisations.models import Language
from peercircle.organisations.roles import VolunteerKind
from peercircle.volunteers.models import ApplicationQuestion, Screening, Stage


class ApplicationForm(StyledForm, HoneypotForm):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    motivation = forms.CharField(label=_("Why would you like to volunteer with us?"),
                                 widget=forms.Textarea(attrs={"rows": 4}))
    help_areas = forms.ModelMultipleChoiceField(
        label=_("What could you help with?"), queryset=HelpArea.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple)
    languages = forms.MultipleChoiceField(label=_("Languages you speak"), required=False,
                                          choices=Language.choices,
                                          widget=forms.CheckboxSelectMultiple)
    formats = forms.MultipleChoiceField(label=_("How could you help?"), required=False,
                                        choices=Format.choices,
                                        widget=forms.CheckboxSelectMultiple)
    consent = forms.BooleanField(label=_(
        "I agree that the organisation keeps my answers to consider my application."))

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            field = self.fields[f"question_{question.pk}"] = _question_field(question)
            style_field(field)
        self.order_fields(["full_name", "email", "phone", "motivation", "help_areas",
                           "languages", "formats"]
                          + [f"question_{q.pk}" for q in self.questions] + ["consent"])

    def answers(self) -> list[dict]:
        return [{"question": q.label, "answer": _answer_text(self.cleaned_data[f"question_{q.pk}"])}
                for q in self.questions]


def _answer_text(value) -> str:
    if isinstance(value, bool):
        return str(pgettext_lazy("answer", "yes") if value else pgettext_lazy("answer", "no"))
    return value or ""


def _question_field(question: ApplicationQuestion) -> forms.Field:
    common = {"label": question.label, "help_text": question.help_text,
              "required": question.required}
    if question.kind == ApplicationQuestion.Kind.YES_NO:
        return forms.BooleanField(**common)
    if question.kind == ApplicationQuestion.Kind.LONG:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)
    return forms.CharField(max_length=500, **common)


class ScreeningForm(StyledForm, forms.Form):
    interviewed_on = forms.DateField(label=_("Interview date"), widget=DateInput())
    notes = forms.CharField(label=_("Interview notes"), required=False,
                            widget=forms.Textarea(attrs={"rows": 4}))
    decision = forms.ChoiceField(label=_("Decision"), choices=Screening.Decision.choices,
                                 widget=forms.RadioSelect)
    reason = forms.CharField(label=_("Reason (needed when declining)"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"interviewed_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class StageChangeForm(StyledForm, forms.Form):
    to_stage = forms.ChoiceField(label=_("New stage"), choices=Stage.choices)
    changed_on = forms.DateField(label=_("Date"), widget=DateInput())
    paused_until = forms.DateField(label=_("Paused until (optional)"), required=False,
                                   widget=DateInput())
    reason = forms.CharField(label=_("Reason or notes"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, allowed, **kwargs):
        kwargs.setdefault("initial", {"changed_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [
            (value, label) for value, label in Stage.choices if value in allowed]


class ProfileForm(StyledForm, forms.Form):
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    help_areas = forms.ModelMultipleChoiceField(label=_("Help areas"), required=False,
                                                queryset=HelpArea.objects.all(),
                                                widget=forms.CheckboxSelectMultiple)
    lived_experience = forms.ModelMultipleChoiceField(label=_("Lived experience"),
                                                      required=False,
                                                      queryset=HelpArea.objects.all(),
                                                      widget=forms.CheckboxSelectMultiple)
    languages = forms.MultipleChoiceField(label=_("Languages"), required=False,
                                          choices=Language.choices,
                                          widget=forms.CheckboxSelectMultiple)
    regions = forms.ModelMultipleChoiceField(label=_("Regions"), required=False,
                                             queryset=Region.objects.all(),
                                             widget=forms.SelectMultiple(attrs={"size": 6}))
    formats = forms.MultipleChoiceField(label=_("Formats"), required=False,
                                        choices=Format.choices,
                                        widget=forms.CheckboxSelectMultiple)
    weekly_capacity = forms.IntegerField(label=_("Consultations a week"), min_value=0,
                                         max_value=100)

    @classmethod
    def for_volunteer(cls, volunteer, data=None):
        initial = {"phone": volunteer.phone, "help_areas": list(volunteer.help_areas.all()),
                   "lived_experience": list(volunteer.lived_experience.all()),
                   "languages": volunteer.languages, "regions": list(volunteer.regions.all()),
                   "formats": volunteer.formats, "weekly_capacity": volunteer.weekly_capacity}
        return cls(data, initial=initial)


class QuestionForm(StyledForm, forms.ModelForm):
    class Meta:
        model = ApplicationQuestion
        fields = ["label", "help_text", "kind", "required", "position"]


class VolunteerInviteForm(StyledForm, forms.Form):
    volunteer_kind = forms.ChoiceField(label=_("Volunteer works as"),
                                       choices=VolunteerKind.choices)
    language = forms.ChoiceField(label=_("Language of the invitation"),
                                 choices=settings.LANGUAGES)


class VolunteerLinkForm(StyledForm, forms.Form):
    user = forms.ModelChoiceField(label=_("Member's account"), queryset=None,
                                  empty_label=_("Choose a member"))

    def __init__(self, *args, organisation, **kwargs):
        from django.contrib.auth import get_user_model

        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = get_user_model().objects.filter(
            memberships__organisation=organisation, memberships__is_active=True,
        ).distinct().order_by("full_name")
        self.fields["user"].label_from_instance = lambda user: f"{user.full_name} · {user.email}"
