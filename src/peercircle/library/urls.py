from django.urls import path

from peercircle.library import views

app_name = "library"
urlpatterns = [
    path("documents/", views.document_list, name="list"),
    path("documents/new/", views.document_new, name="new"),
    path("documents/<int:document_pk>/", views.document_detail, name="detail"),
    path("documents/<int:document_pk>/sign/", views.document_sign, name="sign"),
    path("documents/<int:document_pk>/adopt/", views.document_adopt, name="adopt"),
    path("documents/<int:document_pk>/versions/new/", views.version_new, name="version_new"),
]
