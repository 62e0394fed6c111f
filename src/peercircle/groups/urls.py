from django.urls import path

from peercircle.groups import initiative_views, views

app_name = "groups"
urlpatterns = [
    path("clubs/", views.club_list, name="clubs"),
    path("clubs/new/", views.club_new, name="club_new"),
    path("clubs/animators/", views.animator_list, name="animators"),
    path("clubs/curriculum/", views.curriculum_create, name="curriculum_create"),
    path("clubs/network/", views.network, name="network"),
    path("clubs/<int:club_pk>/", views.club_detail, name="club"),
    path("clubs/<int:club_pk>/edit/", views.club_edit, name="club_edit"),
    path("clubs/<int:club_pk>/coalition/", views.coalition_add, name="coalition_add"),
    path("clubs/<int:club_pk>/groups/new/", views.group_new, name="group_new"),
    path("groups/<int:group_pk>/", views.group_detail, name="group"),
    path("groups/<int:group_pk>/end/", views.group_end, name="group_end"),
    path("groups/<int:group_pk>/members/", views.group_members, name="members"),
    path("groups/<int:group_pk>/members/<int:member_pk>/leave/", views.member_leave,
         name="member_leave"),
    path("groups/<int:group_pk>/members/<int:member_pk>/name/", views.member_rename,
         name="member_rename"),
    path("groups/<int:group_pk>/sessions/new/", views.session_log, name="session_log"),
    path("practice/", initiative_views.practice_list, name="practices"),
    path("practice/new/", initiative_views.practice_new, name="practice_new"),
    path("practice/<int:practice_pk>/", initiative_views.practice_detail, name="practice"),
    path("initiatives/", initiative_views.initiative_list, name="initiatives"),
    path("initiatives/new/", initiative_views.initiative_new, name="initiative_new"),
    path("initiatives/network/", initiative_views.initiatives_network,
         name="initiatives_network"),
    path("initiatives/<int:initiative_pk>/", initiative_views.initiative_detail,
         name="initiative"),
    path("initiatives/<int:initiative_pk>/edit/", initiative_views.initiative_edit,
         name="initiative_edit"),
]
