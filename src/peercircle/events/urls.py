from django.urls import path

from peercircle.events import views

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/new/", views.event_new, name="new"),
    path("events/<int:event_pk>/", views.event_detail, name="detail"),
    path("events/<int:event_pk>/edit/", views.event_edit, name="edit"),
    path("events/<int:event_pk>/calendar.ics", views.event_ics, name="ics"),
    path("events/<int:event_pk>/attendance/", views.attendance, name="attendance"),
    path("events/<int:event_pk>/attendance/all/", views.attendance_all, name="attendance_all"),
    path("events/<int:event_pk>/attendance/<int:registration_pk>/", views.attendance_toggle,
         name="attendance_toggle"),
    path("events/<int:event_pk>/registrations/<int:registration_pk>/cancel/",
         views.registration_cancel, name="registration_cancel"),
    path("events/<int:event_pk>/registrations/<int:registration_pk>/link/",
         views.registration_link, name="registration_link"),
    path("events/<int:event_pk>/feedback/", views.feedback_results, name="feedback"),
    path("events/calendar-feed/", views.feed, name="feed"),
    path("plans/", views.plan_list, name="plans"),
    path("plans/<int:plan_pk>/", views.plan_detail, name="plan"),
    path("plans/items/<int:item_pk>/edit/", views.plan_item_edit, name="item_edit"),
]
