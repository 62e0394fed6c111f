from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from peercircle.core.forms import DateInput, StyledForm
from peercircle.core.models import HelpArea, Region
from peercircle.organisations.models import Partner
from peercircle.people.models import Beneficiary, Consent, FamilyMember


class BeneficiaryForm(StyledForm, forms.Form):
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False, min_value=1900)
    gender = forms.ChoiceField(label=_("Gender (optional)"), required=False,
                               choices=[("", "—")] + list(Beneficiary.Gender.choices))
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(),
                                    required=False)
    needs = forms.ModelMultipleChoiceField(label=_("Needs"), queryset=HelpArea.objects.all(),
                                           required=False, widget=forms.CheckboxSelectMultiple)

    @classmethod
    def for_beneficiary(cls, beneficiary: Beneficiary, data=None):
        initial = {"birth_year": beneficiary.birth_year, "gender": beneficiary.gender,
                   "region": beneficiary.region, "needs": list(beneficiary.needs.all())}
        return cls(data, initial=initial)


class IdentityForm(StyledForm, forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)


class ConsentForm(StyledForm, forms.Form):
    purpose = forms.ChoiceField(label=_("Purpose"), choices=Consent.Purpose.choices)
    partner = forms.ModelChoiceField(label=_("Partner it may be shared with"), required=False,
                                     queryset=Partner.objects.none())
    given_on = forms.DateField(label=_("Given on"), widget=DateInput())
    method = forms.ChoiceField(label=_("How it was given"), choices=Consent.Method.choices)
    given_by = forms.CharField(
        label=_("Given by"), max_length=200,
        help_text=_("The beneficiary, or the legal representative (role only, no name needed)."),
    )
    document = forms.FileField(label=_("Signed document (PDF, JPEG or PNG)"), required=False)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Partner.objects.filter(organisation=organisation)

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document and document.size > settings.CONSENT_DOCUMENT_MAX_BYTES:
            raise forms.ValidationError(_("The document is larger than 10 MB."))
        return document


class ConsentWithdrawForm(StyledForm, forms.Form):
    withdrawn_on = forms.DateField(label=_("Withdrawn on"), widget=DateInput())


class FamilyForm(StyledForm, forms.Form):
    code = forms.CharField(label=_("Family code"), max_length=20,
                           help_text=_("A code, never a surname."))
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(),
                                    required=False)
    needs = forms.ModelMultipleChoiceField(label=_("Needs"), queryset=HelpArea.objects.all(),
                                           required=False, widget=forms.CheckboxSelectMultiple)
    notes = forms.CharField(label=_("Situation (no names)"), required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))


class FamilyMemberForm(StyledForm, forms.Form):
    beneficiary = forms.ModelChoiceField(label=_("Person (code)"),
                                         queryset=Beneficiary.objects.none())
    relation = forms.ChoiceField(label=_("Relation"), choices=FamilyMember.Relation.choices)
    is_legal_representative = forms.BooleanField(label=_("Legal representative"),
                                                 required=False)

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["beneficiary"].queryset = Beneficiary.objects.filter(
            organisation=organisation
        )
