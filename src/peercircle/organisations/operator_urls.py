from django.urls import path

from peercircle.organisations import operator_views as views

app_name = "operator"
urlpatterns = [
    path("", views.home, name="home"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<int:organisation_pk>/", views.organisation, name="organisation"),
    path("organisations/<int:organisation_pk>/edit/", views.organisation_edit,
         name="organisation_edit"),
    path("organisations/<int:organisation_pk>/suspend/", views.organisation_suspend,
         name="organisation_suspend"),
    path("organisations/<int:organisation_pk>/reactivate/", views.organisation_reactivate,
         name="organisation_reactivate"),
    path("networks/new/", views.network_create, name="network_create"),
]
