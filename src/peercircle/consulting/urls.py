from django.urls import path

from peercircle.consulting.views import requests as views
from peercircle.consulting.views import reviews as review_views
from peercircle.consulting.views import supervision as supervision_views

app_name = "consulting"
urlpatterns = [
    path("requests/", views.queue, name="queue"),
    path("requests/routing/", views.bulk_routing, name="bulk_routing"),
    path("requests/<int:request_pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:request_pk>/assign/", views.request_assign, name="request_assign"),
    path("requests/<int:request_pk>/escalate/", views.request_escalate, name="request_escalate"),
    path("requests/<int:request_pk>/close/", views.request_close, name="request_close"),
    path("requests/<int:request_pk>/contact/", views.my_request_contact,
         name="my_request_contact"),
    path("requests/<int:request_pk>/reopen/", views.request_reopen, name="request_reopen"),
    path("consultations/", views.my_consultations, name="my_consultations"),
    path("consultations/new/", views.consultation_new, name="consultation_new"),
    path("consultations/figures/", views.consultation_figures, name="consultation_figures"),
    path("supervision/", supervision_views.overview, name="supervision"),
    path("supervision/new/", supervision_views.supervision_new, name="supervision_new"),
    path("supervision/<int:supervision_pk>/", supervision_views.supervision_detail,
         name="supervision_detail"),
    path("supervision/<int:supervision_pk>/take/", supervision_views.supervision_take,
         name="supervision_take"),
    path("supervision/<int:supervision_pk>/close/", supervision_views.supervision_complete,
         name="supervision_complete"),
    path("reviews/", review_views.review_list, name="reviews"),
    path("reviews/new/", review_views.review_new, name="review_new"),
    path("reviews/<int:review_pk>/", review_views.review_detail, name="review_detail"),
    path("network/crisis-words/", views.crisis_terms, name="crisis_terms"),
    path("network/crisis-words/<int:term_pk>/remove/", views.crisis_term_remove,
         name="crisis_term_remove"),
]
