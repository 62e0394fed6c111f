from django.urls import include, path

from peercircle.accounts import views as account_views
from peercircle.organisations import views as organisation_views

organisation_patterns = [
    path("", include("peercircle.core.urls")),
    path("", include("peercircle.organisations.urls")),
    path("", include("peercircle.people.urls")),
]

urlpatterns = [
    path("", account_views.home, name="home"),
    path("language/", account_views.language_set, name="language_set"),
    path("invitations/<str:token>/", organisation_views.invitation_accept,
         name="invitation_accept"),
    path("accounts/", include("allauth.urls")),
    path("o/<slug:org>/", include(organisation_patterns)),
]
