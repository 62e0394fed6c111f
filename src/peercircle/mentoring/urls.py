from django.urls import path

from peercircle.mentoring import views

app_name = "mentoring"
urlpatterns = [
    path("mentoring/", views.overview, name="overview"),
    path("mentoring/due/", views.due, name="due"),
    path("mentoring/settings/", views.settings_page, name="settings"),
    path("mentoring/mentors/", views.mentor_list, name="mentors"),
    path("mentoring/mentors/<int:mentor_pk>/", views.mentor_detail, name="mentor"),
    path("mentoring/mentors/<int:mentor_pk>/diagnostic/", views.mentor_diagnostic,
         name="mentor_diagnostic"),
    path("mentoring/mentors/<int:mentor_pk>/admit/", views.mentor_admit, name="mentor_admit"),
    path("mentoring/families/", views.family_list, name="families"),
    path("mentoring/families/<int:mentee_family_pk>/match/", views.match, name="match"),
    path("mentoring/pairs/<int:pair_pk>/", views.pair_detail, name="pair"),
    path("mentoring/pairs/<int:pair_pk>/agreement/", views.agreement_new, name="agreement_new"),
    path("mentoring/pairs/<int:pair_pk>/meeting/", views.meeting_log, name="meeting_log"),
    path("mentoring/pairs/<int:pair_pk>/curation/", views.curation_log, name="curation_log"),
    path("mentoring/pairs/<int:pair_pk>/monitoring/", views.monitoring_new, name="monitoring"),
    path("mentoring/pairs/<int:pair_pk>/outcome/", views.outcome_new, name="outcome"),
    path("mentoring/pairs/<int:pair_pk>/close/", views.pair_close, name="close"),
    path("mentoring/agreements/<int:agreement_pk>/signed-copy/", views.agreement_copy,
         name="agreement_copy"),
    path("mentoring/agreements/<int:agreement_pk>/renew/", views.agreement_renew,
         name="agreement_renew"),
    path("mentoring/club/", views.club, name="club"),
    path("mentoring/report/", views.report, name="report"),
    path("mentoring/report.csv", views.report_csv, name="report_csv"),
    path("mentoring/report.xlsx", views.report_xlsx, name="report_xlsx"),
]
