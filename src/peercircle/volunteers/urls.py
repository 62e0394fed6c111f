from django.urls import path

from peercircle.volunteers import views

app_name = "volunteers"
urlpatterns = [
    path("volunteers/", views.volunteer_list, name="list"),
    path("my-work/", views.my_work, name="my_work"),
    path("volunteers/application-form/", views.questions, name="questions"),
    path("volunteers/application-form/<int:question_pk>/delete/", views.question_delete,
         name="question_delete"),
    path("volunteers/<int:volunteer_pk>/", views.volunteer_detail, name="detail"),
    path("volunteers/<int:volunteer_pk>/screening/", views.volunteer_screen, name="screen"),
    path("volunteers/<int:volunteer_pk>/stage/", views.volunteer_stage, name="stage"),
    path("volunteers/<int:volunteer_pk>/profile/", views.volunteer_profile, name="profile"),
    path("volunteers/<int:volunteer_pk>/export/", views.volunteer_export, name="export"),
    path("volunteers/<int:volunteer_pk>/invite/", views.volunteer_invite, name="invite"),
    path("volunteers/<int:volunteer_pk>/account/", views.volunteer_link, name="link"),
]
