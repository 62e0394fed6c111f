"""Forms of the operator's pages and of joining a network."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import StyledForm
from peercircle.organisations.models import Language, Network, Organisation


class OrganisationIdentityForm(StyledForm, forms.ModelForm):
    """Who an organisation is: name, kind, legal identity, address, contacts, languages."""

    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=Language.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = ["name", "slug", "kind", "country", "inn", "ogrn", "krs", "nip", "regon",
                  "address", "city", "email", "phone", "website", "languages", "time_zone"]
        help_texts = {
            "slug": _("Latin letters, digits and hyphens; it appears in the addresses of the "
                      "organisation's public forms, e.g. /apply/ryadom/."),
            "inn": _("Russian organisations: 10 digits."),
            "ogrn": _("Russian organisations: 13 digits."),
            "krs": _("Polish organisations: 10 digits."),
            "nip": _("Polish organisations: 10 digits."),
            "regon": _("Polish organisations: 9 or 14 digits."),
        }
        widgets = {"address": forms.Textarea(attrs={"rows": 2}),
                   "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # duplicates get the service's message (organisations.administration), naming the other
        for name in ("inn", "ogrn", "krs", "nip", "regon"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"

    def _get_validation_exclusions(self):
        # duplicates are for organisation_duplicates_check, which names the other organisation
        return super()._get_validation_exclusions() | {"inn", "ogrn", "krs", "nip", "regon"}


class SuspendForm(StyledForm, forms.Form):
    reason = forms.CharField(label=_("Reason, shown to its members"), max_length=300)


class FirstCoordinatorForm(StyledForm, forms.Form):
    email = forms.EmailField(label=_("E-mail of the coordinator"))
    language = forms.ChoiceField(label=_("Language of the invitation"),
                                 choices=settings.LANGUAGES)
    network_coordinator = forms.BooleanField(
        label=_("Invite as the network coordinator"), required=False,
        help_text=_("Only for the organisation that coordinates a network."),
    )


class NetworkForm(StyledForm, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    slug = forms.SlugField(label=_("Short name in addresses"), max_length=50,
                           help_text=_("Latin letters, digits and hyphens, e.g. peers-here."))
    description = forms.CharField(label=_("About the network"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    coordinating = forms.ModelChoiceField(
        label=_("Coordinating organisation"), queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
        help_text=_("It runs the network, invites members and sees the network's de-identified "
                    "figures."),
    )

    def __init__(self, *args, **kwargs):
        from peercircle.organisations.selectors import organisations_outside_networks

        super().__init__(*args, **kwargs)
        self.fields["coordinating"].queryset = organisations_outside_networks()

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if Network.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Another network uses this short name."))
        return slug


class NetworkInviteForm(StyledForm, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(),
        empty_label=_("Choose an organisation"),
        help_text=_("Organisations registered on this installation that are in no network."),
    )
    message = forms.CharField(label=_("Message to its coordinator"), required=False,
                              widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        from peercircle.organisations.selectors import organisations_outside_networks

        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations_outside_networks()
