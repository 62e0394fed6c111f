from django.urls import path

from peercircle.organisations import network_views, views

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
    path("network/members/", network_views.directory, name="network_directory"),
    path("network/invite/", network_views.invite, name="network_invite"),
    path("network/invitations/<int:network_invitation_pk>/", network_views.invitation,
         name="network_invitation"),
    path("network/leave/", network_views.leave, name="network_leave"),
    path("network/help-areas/", network_views.help_areas, name="network_help_areas"),
    path("network/help-areas/<int:help_area_pk>/retire/", network_views.help_area_retire,
         name="network_help_area_retire"),
]
