from django.urls import path

from peercircle.training import competency_views, views

app_name = "training"
urlpatterns = [
    path("courses/", views.course_list, name="courses"),
    path("courses/new/", views.course_new, name="course_new"),
    path("courses/<int:course_pk>/", views.course_detail, name="course"),
    path("courses/<int:course_pk>/enrol/", views.course_enrol, name="enrol"),
    path("courses/sessions/<int:session_pk>/attendance/", views.session_attendance,
         name="attendance"),
    path("competencies/", competency_views.framework, name="framework"),
    path("competencies/self-assessment/", competency_views.self_assessment,
         name="self_assessment"),
    path("competencies/people/<int:person_pk>/", competency_views.person_assessment,
         name="person_assessment"),
    path("courses/enrolments/<int:enrolment_pk>/complete/", views.enrolment_complete,
         name="complete"),
]
