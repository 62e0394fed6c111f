from django.urls import path

from peercircle.reporting import views

app_name = "reporting"
urlpatterns = [
    path("projects/", views.project_list, name="projects"),
    path("projects/new/", views.project_new, name="project_new"),
    path("projects/<int:project_pk>/", views.project_detail, name="project"),
    path("projects/<int:project_pk>/edit/", views.project_edit, name="project_edit"),
    path("projects/<int:project_pk>/indicator-set/", views.template_apply, name="template_apply"),
    path("projects/<int:project_pk>/indicators/new/", views.indicator_new, name="indicator_new"),
    path("projects/<int:project_pk>/indicators/<int:indicator_pk>/", views.indicator_detail,
         name="indicator"),
    path("projects/<int:project_pk>/indicators/<int:indicator_pk>/edit/", views.indicator_edit,
         name="indicator_edit"),
    path("projects/<int:project_pk>/indicators/<int:indicator_pk>/delete/",
         views.indicator_delete, name="indicator_delete"),
    path("projects/<int:project_pk>/indicators/<int:indicator_pk>/records.csv",
         views.indicator_csv, name="indicator_csv"),
    path("projects/<int:project_pk>/report.csv", views.project_csv, name="project_csv"),
    path("projects/<int:project_pk>/report/<str:report_format>/", views.project_export,
         name="project_export"),
    path("network-statistics/", views.network_stats, name="network"),
    path("network-statistics/network.csv", views.network_csv, name="network_csv"),
    path("network-statistics/network.xlsx", views.network_xlsx, name="network_xlsx"),
]
