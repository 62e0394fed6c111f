from django.urls import path

from peercircle.training import views

app_name = "training"
urlpatterns = [
    path("courses/", views.course_list, name="courses"),
    path("courses/new/", views.course_new, name="course_new"),
    path("courses/<int:course_pk>/", views.course_detail, name="course"),
    path("courses/<int:course_pk>/enrol/", views.course_enrol, name="enrol"),
    path("courses/sessions/<int:session_pk>/attendance/", views.session_attendance,
         name="attendance"),
    path("courses/enrolments/<int:enrolment_pk>/complete/", views.enrolment_complete,
         name="complete"),
]
