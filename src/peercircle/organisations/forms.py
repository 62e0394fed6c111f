from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import StyledForm
from peercircle.core.models import Format, HelpArea, Region
from peercircle.organisations.models import Language, Membership, Organisation, Partner
from peercircle.organisations.roles import Role, VolunteerKind


class OrganisationProfileForm(StyledForm, forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    formats = forms.MultipleChoiceField(
        label=_("Formats of help"), choices=Format.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions served"), queryset=Region.objects.all(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    help_areas = forms.ModelMultipleChoiceField(
        label=_("Help areas"), queryset=HelpArea.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "kind", "description", "city", "regions", "help_areas", "languages",
                  "formats", "email", "phone", "website", "publish_contacts", "time_zone",
                  "emergency_info"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4}),
                   "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
                   "emergency_info": forms.Textarea(attrs={"rows": 3})}


class RoleFields(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    volunteer_kind = forms.ChoiceField(
        label=_("Volunteer works as"), required=False,
        choices=[("", "—")] + list(VolunteerKind.choices),
    )
    partner = forms.ModelChoiceField(label=_("Partner organisation"), required=False,
                                     queryset=Partner.objects.none())

    def __init__(self, *args, organisation, roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(organisation=organisation)
        if roles is not None:  # only the roles the person may give (services.roles_grantable_by)
            initial = self.initial.get("role")
            self.fields["role"].choices = [(value, label) for value, label in Role.choices
                                           if value in roles or value == initial]


class InvitationForm(StyledForm, RoleFields):
    email = forms.EmailField(label=_("E-mail"))
    language = forms.ChoiceField(label=_("Language of the invitation"),
                                 choices=settings.LANGUAGES)
    field_order = ["email", "role", "volunteer_kind", "partner", "language"]


class MembershipForm(StyledForm, RoleFields):
    is_active = forms.BooleanField(label=_("Active"), required=False)

    @classmethod
    def for_membership(cls, membership: Membership, data=None, roles=None):
        initial = {"role": membership.role, "volunteer_kind": membership.volunteer_kind,
                   "partner": membership.partner, "is_active": membership.is_active}
        return cls(data, initial=initial, organisation=membership.organisation, roles=roles)


class PartnerForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name", "role", "contact_name", "contact_email", "contact_phone", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class InvitationAcceptForm(StyledForm, forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput(
        attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput(
        attrs={"autocomplete": "new-password"}))

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data


class HelpAreaForm(StyledForm, forms.Form):
    name_ru = forms.CharField(label=_("Name in Russian"), max_length=150, required=False)
    name_pl = forms.CharField(label=_("Name in Polish"), max_length=150, required=False)
    name_en = forms.CharField(label=_("Name in English"), max_length=150, required=False,
                              help_text=_("A name left empty shows the one given."))
