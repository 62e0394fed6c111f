from django.urls import path

from peercircle.imports import views

app_name = "imports"
urlpatterns = [
    path("imports/", views.import_list, name="list"),
    path("imports/<int:import_pk>/", views.import_detail, name="detail"),
    path("imports/<int:import_pk>/commit/", views.import_commit, name="commit"),
    path("imports/<int:import_pk>/rejected/", views.import_rejected, name="rejected"),
]
