from django.urls import path

from peercircle.core import job_views, localities, programme_views, views

app_name = "core"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("activities/", views.activity_list, name="activity_list"),
    path("activities/new/", views.activity_create, name="activity_create"),
    path("audit/", views.audit_list, name="audit_list"),
    path("localities/", localities.localities, name="localities"),
    path("programmes/", programme_views.programme_list, name="programme_list"),
    path("programmes/new/", programme_views.programme_create, name="programme_create"),
    path("programmes/<int:programme_pk>/", programme_views.programme_edit, name="programme_edit"),
    path("programmes/<int:programme_pk>/archive/", programme_views.programme_archive,
         name="programme_archive"),
    path("jobs/<int:job_pk>/", job_views.job_detail, name="job_detail"),
    path("jobs/<int:job_pk>/progress/", job_views.job_progress, name="job_progress"),
    path("jobs/<int:job_pk>/download/", job_views.job_download, name="job_download"),
    path("jobs/<int:job_pk>/again/", job_views.job_run_again, name="job_run_again"),
]
