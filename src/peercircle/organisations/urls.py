from django.urls import path

from peercircle.organisations import views

app_name = "organisations"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/edit/", views.profile_edit, name="profile_edit"),
    path("members/", views.members, name="members"),
    path("members/invite/", views.invite, name="invite"),
    path("members/<int:membership_pk>/", views.member_edit, name="member_edit"),
    path("invitations/<int:invitation_pk>/revoke/", views.invitation_revoke,
         name="invitation_revoke"),
    path("partners/", views.partners, name="partners"),
    path("partners/new/", views.partner_edit, name="partner_create"),
    path("partners/<int:partner_pk>/", views.partner_edit, name="partner_edit"),
    path("network/", views.network, name="network"),
]
