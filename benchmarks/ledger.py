"""Ledger writes through the service (validated, consent-checked, audited) against raw SQL
inserts of the same rows, and the dashboard's median and p95 render time."""

import datetime
import random
import statistics
import time

from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope


def _world(scale):
    from allauth.mfa.models import Authenticator

    from peercircle.accounts.models import User
    from peercircle.organisations.models import Membership, Organisation
    from peercircle.people.models import Beneficiary, Consent

    org = Organisation.objects.create(name="Bench NGO", slug="bench")
    user = User.objects.create_user("bench@example.org", "bench-password-1", full_name="Bench")
    Membership.objects.create(user=user, organisation=org, role="coordinator")
    Authenticator.objects.create(user=user, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    with scope(organisation=org):
        people = Beneficiary.objects.bulk_create(
            Beneficiary(organisation=org, code=f"B-{i:07d}", created_by=user)
            for i in range(scale["beneficiaries"]))
        Consent.objects.bulk_create(
            Consent(organisation=org, beneficiary=b, purpose="data_processing",
                    given_on=timezone.localdate(), method="electronic", given_by="beneficiary",
                    recorded_by=user) for b in people)
    return org, user, people


def _service_writes(org, user, people, count):
    from peercircle.core.services import activity_record

    rnd = random.Random(1)
    today = timezone.localdate()
    started = time.perf_counter()
    with scope(organisation=org), transaction.atomic():  # one commit, as the raw SQL has
        for _ in range(count):
            activity_record(actor=user, organisation=org, kind="consultation",
                            date=today - datetime.timedelta(days=rnd.randint(0, 300)),
                            duration_minutes=45, format="phone", providers=[user],
                            participants=[rnd.choice(people)])
    return time.perf_counter() - started


def _raw_writes(org, user, people, count):
    """The same rows with hand-written SQL: no validation, no consent check, no audit."""
    rnd = random.Random(1)
    today = timezone.localdate()
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for _ in range(count):
            cursor.execute(
                "INSERT INTO core_activity (organisation_id, kind, mode, date, duration_minutes,"
                " format, anonymous_count, recorded_by_id, external_id, created_at, updated_at)"
                " VALUES (%s, 'consultation', 'individual', %s, 45, 'phone', 0, %s, '', %s, %s)",
                [org.pk, today - datetime.timedelta(days=rnd.randint(0, 300)), user.pk, now, now])
            activity_id = cursor.lastrowid if connection.vendor == "sqlite" else None
            if activity_id is None:
                cursor.execute("SELECT lastval()")
                activity_id = cursor.fetchone()[0]
            cursor.execute("INSERT INTO core_activity_providers (activity_id, user_id) VALUES (%s, %s)",
                           [activity_id, user.pk])
            cursor.execute("INSERT INTO core_activity_participants (activity_id, beneficiary_id)"
                           " VALUES (%s, %s)", [activity_id, rnd.choice(people).pk])
    return time.perf_counter() - started


def _dashboard_times(org, user, repeats):
    client = Client()
    client.force_login(user)
    url = reverse("core:dashboard", kwargs={"org": org.slug})
    client.get(url)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        assert client.get(url).status_code == 200
        times.append((time.perf_counter() - started) * 1000)
    return times


def run(scale, report):
    org, user, people = _world(scale)
    count = scale["activities"]
    service = _service_writes(org, user, people, count)
    raw = _raw_writes(org, user, people, count)
    report("ledger.record_per_second", count / service, "rows/s")
    report("ledger.raw_sql_per_second", count / raw, "rows/s")
    report("ledger.service_vs_raw_sql", service / raw, "x")
    times = sorted(_dashboard_times(org, user, scale["repeats"]))
    report("home.median_ms", statistics.median(times), "ms")
    report("home.p95_ms", times[max(0, int(len(times) * 0.95) - 1)], "ms")
