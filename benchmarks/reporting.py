"""Benchmark of project indicators and the project dashboard.

A synthetic network (benchmarks/generate.py: quick on SQLite; medium on SQLite or large on
PostgreSQL with SCALE=large) and a network project counting ten member organisations with ten
indicators over the ledger, its participants, families and providers. Compared with
hand-written SQL (conditional aggregation, one statement per table read) computing the same
numbers on the same database; then the project dashboard page's render times, warm (figures
kept since nothing changed) and cold (a counted organisation's records changed before each view).
"""

import datetime
import statistics
import time
import uuid
from decimal import Decimal

from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

INDICATORS = [
    ("Consultations", "activities", {"kinds": ["consultation"]}),
    ("Supervisions", "activities", {"kinds": ["supervision"]}),
    ("Group sessions in person", "activities", {"kinds": ["group_session"], "format": "in_person"}),
    ("Hours of consultations", "hours", {"kinds": ["consultation"]}),
    ("Group participants", "participants", {"kinds": ["group_session"]}),
    ("People reached", "beneficiaries", {}),
    ("People reached by phone consultations", "beneficiaries",
     {"kinds": ["consultation"], "format": "phone"}),
    ("Consultants active", "volunteers_active", {"kinds": ["consultation"]}),
    ("Regions with consultations", "regions", {"kinds": ["consultation"]}),
    ("Families reached", "families", {}),
]

SQL = {
    "activity": """
        SELECT SUM(CASE WHEN kind = 'consultation' THEN 1 ELSE 0 END),
               SUM(CASE WHEN kind = 'supervision' THEN 1 ELSE 0 END),
               SUM(CASE WHEN kind = 'group_session' AND format = 'in_person' THEN 1 ELSE 0 END),
               SUM(CASE WHEN kind = 'consultation' THEN duration_minutes ELSE 0 END),
               SUM(CASE WHEN kind = 'group_session' THEN anonymous_count ELSE 0 END),
               COUNT(DISTINCT CASE WHEN kind = 'consultation' THEN region_id END)
        FROM core_activity WHERE organisation_id IN ({ids}) AND date BETWEEN %s AND %s""",
    "participant": """
        SELECT SUM(CASE WHEN a.kind = 'group_session' THEN 1 ELSE 0 END),
               COUNT(DISTINCT p.beneficiary_id),
               COUNT(DISTINCT CASE WHEN a.kind = 'consultation' AND a.format = 'phone'
                                   THEN p.beneficiary_id END)
        FROM core_activity_participants p JOIN core_activity a ON a.id = p.activity_id
        WHERE a.organisation_id IN ({ids}) AND a.date BETWEEN %s AND %s""",
    "family": """
        SELECT COUNT(DISTINCT m.family_id)
        FROM core_activity_participants p JOIN core_activity a ON a.id = p.activity_id
        JOIN people_familymember m ON m.beneficiary_id = p.beneficiary_id
        WHERE a.organisation_id IN ({ids}) AND a.date BETWEEN %s AND %s""",
    "provider": """
        SELECT COUNT(DISTINCT CASE WHEN a.kind = 'consultation' THEN p.user_id END)
        FROM core_activity_providers p JOIN core_activity a ON a.id = p.activity_id
        WHERE a.organisation_id IN ({ids}) AND a.date BETWEEN %s AND %s""",
}


def _hand_sql(ids: list[int], start, end) -> list[Decimal]:
    rows = {}
    with connection.cursor() as cursor:
        for name, sql in SQL.items():
            cursor.execute(sql.format(ids=", ".join(str(int(i)) for i in ids)), [start, end])
            rows[name] = [Decimal(v or 0) for v in cursor.fetchone()]
    a, p, f, pr = rows["activity"], rows["participant"], rows["family"], rows["provider"]
    return [a[0], a[1], a[2], a[3] / 60, a[4] + p[0], p[1], p[2], pr[0], a[5], f[0]]


def _world(scale_name: str):
    from allauth.mfa.models import Authenticator

    from benchmarks.generate import generate
    from peercircle.accounts.models import User
    from peercircle.organisations.models import Membership, Organisation
    from peercircle.reporting import services

    name = scale_name if scale_name in ("smoke", "quick") else (
        "large" if connection.vendor == "postgresql" else "medium")
    started = time.perf_counter()
    made = generate(name)
    generated = time.perf_counter() - started
    hub = Organisation.objects.get(pk=made["organisation_id"])
    user = User.objects.create_user("bench-reports@example.org", "bench-password-1",
                                    full_name="Bench coordinator")
    Membership.objects.create(user=user, organisation=hub, role="coordinator")
    Authenticator.objects.create(user=user, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    today = timezone.localdate()
    members = list(Organisation.objects.filter(pk__in=made["organisations"][1:10]))
    with scope(organisation=hub):
        project = services.project_save(
            actor=user, organisation=hub, title="Bench project",
            starts_on=today - datetime.timedelta(days=365), ends_on=today,
            member_organisations=members)
        for label, metric, filters in INDICATORS:
            services.indicator_save(actor=user, project=project, name=label, metric=metric,
                                    target=Decimal(100), **filters)
    return hub, user, project, name, generated


def _median_time(function, repeats: int):
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def run(scale, report):
    from peercircle.core import disclosure
    from peercircle.core.models import DataStamp
    from peercircle.reporting import compute

    hub, user, project, name, generated = _world(scale["name"])
    report(f"report.generate_{name}_seconds", generated, "s")
    ids = compute.organisation_ids(project)
    with scope(organisation=hub):
        indicators = list(project.indicators.select_related("project", "region"))
        ours, results = _median_time(lambda: compute.project_results(project, indicators), 5)
    with scopes_disabled():
        sql, expected = _median_time(lambda: _hand_sql(ids, project.starts_on,
                                                       project.ends_on), 5)
    actual = [r.actual for r in results]
    # figures counting the members' people are released through core/disclosure.py
    expected = [(disclosure.disclosed_value(value) or 0) if r.controlled else value
                for r, value in zip(results, expected, strict=True)]
    assert actual == expected, (actual, expected)
    report("report.indicator_set_ms", ours * 1000, "ms")
    report("report.hand_sql_ms", sql * 1000, "ms")
    report("report.vs_sql_ratio", ours / sql, "x")
    client = Client()
    client.force_login(user)
    url = reverse("reporting:project", kwargs={"org": hub.slug, "project_pk": project.pk})
    assert client.get(url).status_code == 200
    # warm: the figures are kept until a record of a counted organisation changes
    warm = _page_times(client, url, scale["repeats"])
    report("dashboard.median_ms", statistics.median(warm), "ms")
    report("dashboard.p95_ms", _p95(warm), "ms")
    # cold: a record of a counted organisation changed before every view (a new stamp)
    cold = _page_times(client, url, scale["repeats"], before=lambda: DataStamp.objects.update_or_create(
        organisation_id=hub.pk, defaults={"stamp": uuid.uuid4().hex}))
    report("dashboard.cold_median_ms", statistics.median(cold), "ms")
    report("dashboard.cold_p95_ms", _p95(cold), "ms")


def _page_times(client, url: str, repeats: int, before=None) -> list[float]:
    times = []
    for _ in range(repeats):
        if before is not None:
            before()
        started = time.perf_counter()
        assert client.get(url).status_code == 200
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)


def _p95(times: list[float]) -> float:
    return times[max(0, int(len(times) * 0.95) - 1)]
