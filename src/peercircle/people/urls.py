from django.urls import path

from peercircle.people import views
from peercircle.people.rights import views as rights

app_name = "people"
urlpatterns = [
    path("beneficiaries/", views.beneficiary_list, name="beneficiary_list"),
    path("beneficiaries/new/", views.beneficiary_create, name="beneficiary_create"),
    path("beneficiaries/<int:beneficiary_pk>/", views.beneficiary_detail,
         name="beneficiary_detail"),
    path("beneficiaries/<int:beneficiary_pk>/edit/", views.beneficiary_edit,
         name="beneficiary_edit"),
    path("beneficiaries/<int:beneficiary_pk>/identity/", views.identity_open,
         name="identity_open"),
    path("beneficiaries/<int:beneficiary_pk>/identity/edit/", views.identity_edit,
         name="identity_edit"),
    path("beneficiaries/<int:beneficiary_pk>/consents/new/", views.consent_create,
         name="consent_create"),
    path("consents/<int:consent_pk>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("consents/<int:consent_pk>/document/", views.consent_document, name="consent_document"),
    path("beneficiaries/<int:beneficiary_pk>/export/", rights.subject_export,
         name="subject_export"),
    path("beneficiaries/<int:beneficiary_pk>/erase/", rights.subject_erase, name="subject_erase"),
    path("members/<int:membership_pk>/export/", rights.member_export, name="member_export"),
    path("data-protection/", rights.data_protection, name="data_protection"),
    path("data-protection/register/", rights.processing_register, name="processing_register"),
    path("families/", views.family_list, name="family_list"),
    path("families/new/", views.family_create, name="family_create"),
    path("families/<int:family_pk>/", views.family_detail, name="family_detail"),
    path("families/<int:family_pk>/members/add/", views.family_member_add,
         name="family_member_add"),
]
