from django.urls import path

from peercircle.wellbeing import views

app_name = "wellbeing"
urlpatterns = [
    path("wellbeing/", views.overview, name="overview"),
    path("wellbeing/self-check/", views.self_check, name="self_check"),
    path("wellbeing/self-check/<int:check_pk>/", views.result, name="result"),
    path("wellbeing/support/", views.support, name="support"),
    path("wellbeing/support-requests/", views.support_requests, name="support_requests"),
    path("wellbeing/support-requests/<int:support_pk>/handled/", views.support_handled,
         name="support_handled"),
]
