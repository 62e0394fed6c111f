from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import DateInput, StyledForm, work_region_field
from peercircle.core.models import Format
from peercircle.volunteers.models import Stage, Volunteer


class CourseForm(StyledForm, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("What the course teaches"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    minimum_hours = forms.DecimalField(label=_("Hours needed to complete"), min_value=0,
                                       max_value=1000, decimal_places=1, initial=10)


class SessionForm(StyledForm, forms.Form):
    topic = forms.CharField(label=_("Topic"), max_length=200)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    duration_minutes = forms.IntegerField(label=_("Duration, minutes"), min_value=15,
                                          max_value=720, initial=180)
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices)
    region = work_region_field()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"date": timezone.localdate()})
        super().__init__(*args, **kwargs)


class EnrolForm(StyledForm, forms.Form):
    volunteer = forms.ModelChoiceField(label=_("Volunteer"), queryset=None)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["volunteer"].queryset = Volunteer.objects.filter(
            organisation=organisation,
            stage__in=[Stage.SCREENED, Stage.IN_TRAINING, Stage.ACTIVE])


class AttendanceForm(StyledForm, forms.Form):
    present = forms.ModelMultipleChoiceField(label=_("Who took part"), queryset=None,
                                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = session.course.enrolments.select_related("volunteer")
        self.fields["present"].label_from_instance = lambda e: e.volunteer.full_name


class CompetencyForm(StyledForm, forms.Form):
    name = forms.CharField(label=_("Competency"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    level_1 = forms.CharField(label=_("Level 1"), max_length=300)
    level_2 = forms.CharField(label=_("Level 2"), max_length=300)
    level_3 = forms.CharField(label=_("Level 3"), max_length=300)
    level_4 = forms.CharField(label=_("Level 4"), max_length=300)

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {"name": data["name"], "description": data["description"],
                "levels": [data[f"level_{i}"] for i in range(1, 5)]}


class AssessmentForm(StyledForm, forms.Form):
    def __init__(self, *args, framework, **kwargs):
        super().__init__(*args, **kwargs)
        for competency in framework:
            choices = [(i + 1, f"{i + 1}. {text}") for i, text in enumerate(competency.levels)]
            field = forms.TypedChoiceField(label=competency.name, choices=choices, coerce=int,
                                           widget=forms.RadioSelect)
            field.widget.attrs["class"] = "form-check-input"
            field.competency_pk = competency.pk
            self.fields[f"competency_{competency.pk}"] = field

    def levels(self) -> dict[int, int]:
        return {f.competency_pk: self.cleaned_data[name] for name, f in self.fields.items()}
