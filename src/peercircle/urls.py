from django.urls import include, path

from peercircle.accounts import views as account_views
from peercircle.consulting import views as consulting_views
from peercircle.core.health import health
from peercircle.events import views as event_views
from peercircle.mentoring import views as mentoring_views
from peercircle.organisations import views as organisation_views
from peercircle.volunteers import views as volunteer_views

organisation_patterns = [
    path("", include("peercircle.core.urls")),
    path("", include("peercircle.organisations.urls")),
    path("", include("peercircle.people.urls")),
    path("", include("peercircle.volunteers.urls")),
    path("", include("peercircle.consulting.urls")),
    path("", include("peercircle.wellbeing.urls")),
    path("", include("peercircle.library.urls")),
    path("", include("peercircle.training.urls")),
    path("", include("peercircle.mentoring.urls")),
    path("", include("peercircle.groups.urls")),
    path("", include("peercircle.events.urls")),
    path("", include("peercircle.reporting.urls")),
    path("", include("peercircle.imports.urls")),
]

urlpatterns = [
    path("", account_views.home, name="home"),
    path("health/", health, name="health"),
    path("accessibility/", account_views.accessibility, name="accessibility"),
    path("language/", account_views.language_set, name="language_set"),
    path("two-factor/from-invitation/", account_views.two_factor_from_invitation,
         name="two_factor_from_invitation"),
    path("invitations/<str:token>/", organisation_views.invitation_accept,
         name="invitation_accept"),
    path("apply/<slug:organisation_slug>/", volunteer_views.apply, name="volunteer_apply"),
    path("apply/<slug:organisation_slug>/thanks/", volunteer_views.apply_thanks,
         name="volunteer_apply_thanks"),
    path("mentor/<slug:organisation_slug>/", mentoring_views.apply, name="mentor_apply"),
    path("mentor/<slug:organisation_slug>/thanks/", mentoring_views.apply_thanks,
         name="mentor_apply_thanks"),
    path("request/network/<slug:network_slug>/", consulting_views.request_help_network,
         name="help_request_network"),
    path("request/<slug:organisation_slug>/", consulting_views.request_help, name="help_request"),
    path("request/<slug:organisation_slug>/thanks/", consulting_views.request_thanks,
         name="help_request_thanks"),
    path("events/<slug:organisation_slug>/<int:event_pk>/", event_views.register,
         name="event_register"),
    path("events/<slug:organisation_slug>/<int:event_pk>/calendar.ics", event_views.public_ics,
         name="event_ics_public"),
    path("events/registration/<str:registration_token>/", event_views.registration_page,
         name="event_registration"),
    path("calendar/<str:feed_token>.ics", event_views.calendar_feed, name="event_feed"),
    path("operator/", include("peercircle.organisations.operator_urls")),
    path("accounts/email/", account_views.email, name="account_email"),
    path("accounts/", include("allauth.urls")),
    path("o/<slug:org>/", include(organisation_patterns)),
]

# what went wrong on the server, in the person's language: 500, or 503 while the database is
# unreachable, or 507 when the disk is full (core/errors.py)
handler500 = "peercircle.core.errors.server_error"
