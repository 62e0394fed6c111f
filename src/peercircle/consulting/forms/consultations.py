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

    code = forms.CharField(
        label=_("Person's code"), required=False, max_length=20,
        help_text=_("Type the code of a person you have talked to before. Leave it empty for a "
                    "new contact: a code is given to pass on to them."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false"}))
    date = forms.DateField(label=_("Date"), widget=DateInput())
    duration_minutes = forms.TypedChoiceField(label=_("Minutes"), choices=DURATIONS, coerce=int,
                                              widget=forms.RadioSelect, initial=45)
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices, widget=forms.RadioSelect)
    mode = forms.ChoiceField(label=_("Individual or group"), choices=Activity.Mode.choices,
                             widget=forms.RadioSelect, initial=Activity.Mode.INDIVIDUAL)
    anonymous_count = forms.IntegerField(label=_("People in the group (not named)"), min_value=0,
                                         max_value=500, required=False)
    anonymous_count.shown_when = ("mode", Activity.Mode.GROUP)  # (core.forms, peercircle.js)
    help_areas = forms.ModelMultipleChoiceField(label=_("Topics"), required=False,
                                                queryset=HelpArea.objects.all(),
                                                widget=forms.CheckboxSelectMultiple)
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None, required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(),
                                    required=False)
    follow_up_on = forms.DateField(label=_("Next contact (optional)"), required=False,
                                   widget=DateInput())
    client_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, organisation, beneficiaries, contact_codes=(), region=None,
                 **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("date", timezone.localdate())
        kwargs["initial"].setdefault("region", region)  # the consultant's region, changeable
        kwargs["initial"]["client_key"] = uuid.uuid4()
        super().__init__(*args, **kwargs)
        self.organisation, self.beneficiaries = organisation, beneficiaries
        self.contact_codes = set(contact_codes)
        # search-as-you-type among the codes this person may use (an HTML datalist)
        known = sorted(set(beneficiaries.values_list("code", flat=True)) | self.contact_codes)
        if known:
            self.fields["code"].suggestions = known
            self.fields["code"].widget.attrs["list"] = f"id_{self.add_prefix('code')}-suggestions"
        programmes = programme_list(organisation=organisation)  # running ones only
        self.fields["programme"].queryset = programmes
        if programmes.count() == 1:
            self.fields["programme"].initial = programmes.first()
        if organisation.help_areas.exists():  # the organisation's own topics first and only
            self.fields["help_areas"].queryset = organisation.help_areas.all()
        if organisation.formats:
            self.fields["format"].initial = organisation.formats[0]

    def clean_code(self):
        """A person's code (one this person may log for), a contact code of the organisation,
        or nothing (a new contact). An unknown code says so and never tells whose it is."""
        from peercircle.core.services import contact_code_known

        code = "".join(self.cleaned_data.get("code", "").split()).upper()
        self.beneficiary = None
        if not code:
            return ""
        self.beneficiary = self.beneficiaries.filter(code__iexact=code).first()
        if self.beneficiary is None and not (code in self.contact_codes or contact_code_known(
                self.organisation, code)):
            raise forms.ValidationError(_(
                "No one you may log for has this code: check it, or leave it empty for a new "
                "contact."))
        return code

    def clean(self):
        data = super().clean()
        group = data.get("mode") == Activity.Mode.GROUP
        if group and not data.get("anonymous_count") and not data.get("code"):
            self.add_error("anonymous_count", _("Say how many people took part."))
        return data

    def service_arguments(self) -> dict:
        """What activity_record takes: the person named, or an anonymous contact's code (a new
        one for a new individual contact)."""
        from peercircle.core.services import contact_code_new

        data = dict(self.cleaned_data)
        code = data.pop("code")
        extra = data.pop("anonymous_count") or 0
        if data["mode"] != Activity.Mode.GROUP:
            extra = 0  # the field is hidden for an individual session: a leftover number is not one
        beneficiary = getattr(self, "beneficiary", None)
        data["participants"] = [beneficiary] if beneficiary else []
        data["anonymous_count"] = extra if (extra or beneficiary) else 1
        if beneficiary is None and data["mode"] == Activity.Mode.INDIVIDUAL:
            data["contact_code"] = code or contact_code_new(self.organisation)
        return data
