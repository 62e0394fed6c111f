from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peercircle.core import metrics
from peercircle.core.forms import DateInput, StyledForm
from peercircle.core.models import Activity, Format, Programme, Region
from peercircle.events.models import CalendarPlan
from peercircle.organisations.models import Organisation
from peercircle.organisations.selectors import network_members
from peercircle.reporting import compute, indicator_sets  # noqa: F401 (compute: all metrics)
from peercircle.reporting.models import Indicator, Project


class ProjectForm(StyledForm, forms.ModelForm):
    calendar_plan = forms.ModelChoiceField(None, required=False,
                                           label=gettext_lazy("Calendar plan"))
    programme = forms.ModelChoiceField(
        None, required=False, label=gettext_lazy("Programme"),
        help_text=gettext_lazy("Indicators without a programme of their own count this "
                               "programme's work."))
    member_organisations = forms.ModelMultipleChoiceField(
        Organisation.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Member organisations counted"),
        help_text=gettext_lazy("Their work counts towards the figures; their records stay "
                               "theirs."))

    class Meta:
        model = Project
        fields = ["title", "funder", "contest", "application_number", "starts_on", "ends_on",
                  "programme", "calendar_plan", "goal", "tasks", "target_groups", "geography", "partners"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(),
                   **{name: forms.Textarea(attrs={"rows": 3}) for name in
                      ("goal", "tasks", "target_groups", "geography", "partners")}}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.filter(organisation=organisation)
        members = network_members(organisation=organisation).exclude(pk=organisation.pk)
        self.fields["member_organisations"].queryset = members
        if not members.exists():
            del self.fields["member_organisations"]
        elif self.instance.pk:
            self.initial["member_organisations"] = list(
                self.instance.member_organisations.values_list("pk", flat=True))
        self.fields["calendar_plan"].queryset = CalendarPlan.objects.filter(
            organisation=organisation)

    def validate_unique(self):
        """The service validates; the form only parses."""


def outcome_type_choices(organisation) -> list[tuple[str, str]]:
    """The organisation's outcome types (mentoring), and all positive / all negative ones."""
    if compute.SOURCES.get("outcome") is None:
        return []
    from peercircle.mentoring.models import OutcomeType

    choices = {"direction:positive": _("All positive outcomes"),
               "direction:negative": _("All negative outcomes")}
    for code, name in (OutcomeType.objects.filter(organisation=organisation)
                       .values_list("code", "name").order_by("direction", "position")):
        choices.setdefault(code, name)
    return list(choices.items())


def parse_targets(text: str) -> dict:
    """Lines of `key = number` (a region code or a quarter like 2025-Q1)."""
    targets = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        key, sep, value = line.partition("=")
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            amount = None
        if not sep or not key.strip() or amount is None:
            raise ValidationError(_("Line %(n)s: write “key = number”, e.g. 2025-Q1 = 10.")
                                  % {"n": number})
        targets[key.strip()] = float(amount)
    return targets


class IndicatorForm(StyledForm, forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=300)
    metric = forms.ChoiceField(label=gettext_lazy("What is counted"))
    target = forms.DecimalField(label=gettext_lazy("Target"), max_digits=12, decimal_places=1)
    threshold = forms.IntegerField(
        label=gettext_lazy("At least, per person"), required=False, min_value=1,
        help_text=gettext_lazy("Only for “trained people who each gave at least N”."))
    kinds = forms.MultipleChoiceField(label=gettext_lazy("Kinds of activity"), required=False,
                                      choices=Activity.Kind.choices,
                                      widget=forms.CheckboxSelectMultiple)
    outcome_types = forms.MultipleChoiceField(label=gettext_lazy("Types of outcome"),
                                              required=False, widget=forms.CheckboxSelectMultiple)
    programme = forms.ModelChoiceField(None, required=False,
                                       label=gettext_lazy("Programme"))
    format = forms.ChoiceField(label=gettext_lazy("Format"), required=False,
                               choices=[("", "—"), *Format.choices])
    region = forms.ModelChoiceField(Region.objects.all(), required=False,
                                    label=gettext_lazy("Region"))
    member = forms.ModelChoiceField(Organisation.objects.none(), required=False,
                                    label=gettext_lazy("Only this organisation"))
    starts_on = forms.DateField(label=gettext_lazy("From"), required=False, widget=DateInput(),
                                help_text=gettext_lazy("Empty: the project's period."))
    ends_on = forms.DateField(label=gettext_lazy("Until"), required=False, widget=DateInput())
    breakdown = forms.ChoiceField(label=gettext_lazy("Breakdown"), required=False,
                                  choices=Indicator.Breakdown.choices)
    breakdown_targets = forms.CharField(
        label=gettext_lazy("Targets per region or quarter"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("One a line, e.g. “2025-Q1 = 10” or a region code “udmurtia = "
                               "100”."))

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"].choices = metrics.choices()
        self.fields["outcome_types"].choices = outcome_type_choices(project.organisation)
        if not self.fields["outcome_types"].choices:
            del self.fields["outcome_types"]
        self.fields["programme"].queryset = Programme.objects.filter(
            organisation=project.organisation)
        ids = [project.organisation_id, *project.member_organisations.values_list("pk", flat=True)]
        self.fields["member"].queryset = Organisation.objects.filter(pk__in=ids)

    def clean_breakdown_targets(self):
        return parse_targets(self.cleaned_data.get("breakdown_targets") or "")

    @classmethod
    def initial_for(cls, indicator: Indicator) -> dict:
        data = {name: getattr(indicator, name) for name in (
            "name", "metric", "target", "threshold", "kinds", "outcome_types", "programme",
            "format", "region", "member", "starts_on", "ends_on", "breakdown")}
        data["breakdown_targets"] = "\n".join(
            f"{k} = {v:g}" for k, v in (indicator.breakdown_targets or {}).items())
        return data


class TemplateForm(StyledForm, forms.Form):
    template = forms.ChoiceField(label=gettext_lazy("Indicator set"),
                                 choices=indicator_sets.choices)
