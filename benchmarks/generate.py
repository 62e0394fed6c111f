"""Build a synthetic network fast: organisations, volunteers (with accounts), beneficiaries with
consent, families, and ledger activities with providers and participants.

    python benchmarks/generate.py --scale quick     # into the database of DATABASE_URL

Rows get explicit ids and go in with `bulk_create` (SQLite) or COPY (PostgreSQL); no services,
no audit: this is load data for measurements, never a way to enter real records.

Scales: quick (SQLite, seconds), medium (SQLite, minutes), large (PostgreSQL: 1,000
organisations, 50,000 volunteers, 500,000 beneficiaries, 5,000,000 activities).
"""

import argparse
import datetime
import io
import os
import random
import sys
import time
from pathlib import Path

SCALES = {
    "smoke": {"organisations": 12, "volunteers": 60, "beneficiaries": 300, "activities": 1_000},
    "quick": {"organisations": 20, "volunteers": 400, "beneficiaries": 5_000,
              "activities": 20_000},
    "medium": {"organisations": 100, "volunteers": 5_000, "beneficiaries": 50_000,
               "activities": 500_000},
    "large": {"organisations": 1_000, "volunteers": 50_000, "beneficiaries": 500_000,
              "activities": 5_000_000},
}
KINDS = [("consultation", 60), ("supervision", 8), ("intervision", 2), ("case_review", 2),
         ("group_session", 14), ("event_session", 6), ("mentor_meeting", 8)]
FORMATS = ["phone", "online", "in_person", "chat"]
BATCH = 20_000


def _next_id(model) -> int:
    from django.db.models import Max

    return (model._base_manager.aggregate(m=Max("id"))["m"] or 0) + 1


def _write(model, columns: list[str], rows) -> None:
    """Insert rows (tuples in `columns` order) with COPY on PostgreSQL, bulk_create elsewhere."""
    from django.db import connection

    table = model._meta.db_table
    if connection.vendor == "postgresql":
        # COPY needs every NOT NULL column: add the model defaults of the ones not given
        extra = [f for f in model._meta.concrete_fields if f.attname not in columns
                 and not f.null and f.has_default()]
        defaults = tuple(_copy_value(f.get_default()) for f in extra)
        columns = [*columns, *(f.column for f in extra)]
        with connection.cursor() as cursor:
            batch = []
            for row in rows:
                batch.append(row + defaults)
                if len(batch) >= BATCH * 5:
                    _copy(cursor, table, columns, batch)
                    batch = []
            if batch:
                _copy(cursor, table, columns, batch)
        return
    batch = []
    for row in rows:
        batch.append(model(**dict(zip(columns, row, strict=True))))
        if len(batch) >= BATCH:
            model._base_manager.bulk_create(batch)
            batch = []
    if batch:
        model._base_manager.bulk_create(batch)


def _copy_value(value):
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, list | dict):
        import json

        return json.dumps(value)
    return value


def _copy(cursor, table, columns, rows) -> None:
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(_copy_value(v)) for v in row)
                     + "\n")
    with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        copy.write(buffer.getvalue())


def _reset_sequences(models) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def generate(name: str, *, seed: int = 1, today: datetime.date | None = None) -> dict:
    """Fill the database; returns what was made (ids of the first organisation and its users)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from peercircle.core.models import Activity, Region
    from peercircle.organisations.models import Membership, Network, Organisation
    from peercircle.people.models import Beneficiary, Consent, Family, FamilyMember
    from peercircle.volunteers.models import Volunteer

    scale, rnd = SCALES[name], random.Random(seed)
    today = today or timezone.localdate()
    now = timezone.now().isoformat()
    User = get_user_model()
    regions = list(Region.objects.values_list("id", flat=True))
    n_org, n_vol, n_ben, n_act = (scale["organisations"], scale["volunteers"],
                                  scale["beneficiaries"], scale["activities"])
    with transaction.atomic():
        network = Network.objects.create(name="Bench network", slug=f"bench-net-{seed}")
        o0 = _next_id(Organisation)
        _write(Organisation, ["id", "name", "slug", "kind", "network_id", "coordinates_network",
                              "description", "city", "languages", "formats", "email", "phone",
                              "website", "emergency_info", "created_at", "updated_at"],
               ((o0 + i, f"Bench NGO {i}", f"bench-{seed}-{i}", "ngo", network.pk, i == 0,
                 "", "", "[]", "[]", "", "", "", "", now, now) for i in range(n_org)))
        org_of = [o0 + i for i in range(n_org)]
        u0 = _next_id(User)
        _write(User, ["id", "email", "full_name", "password", "is_active", "is_staff",
                      "is_superuser", "language", "date_joined"],
               ((u0 + i, f"bench{seed}-{i}@example.org", f"Volunteer {i}", "!", True, False,
                 False, "en", now) for i in range(n_vol)))
        m0 = _next_id(Membership)
        _write(Membership, ["id", "user_id", "organisation_id", "role", "volunteer_kind",
                            "is_active", "created_at", "updated_at"],
               ((m0 + i, u0 + i, org_of[i % n_org], "volunteer", "peer_consultant", True, now,
                 now) for i in range(n_vol)))
        v0 = _next_id(Volunteer)
        _write(Volunteer, ["id", "organisation_id", "full_name", "email", "phone", "user_id",
                           "stage", "motivation", "answers", "languages", "formats",
                           "weekly_capacity", "created_at", "updated_at"],
               ((v0 + i, org_of[i % n_org], f"Volunteer {i}", f"bench{seed}-{i}@example.org",
                 "", u0 + i, "active", "", "[]", "[]", "[]", 3, now, now)
                for i in range(n_vol)))
        b0 = _next_id(Beneficiary)
        _write(Beneficiary, ["id", "organisation_id", "code", "birth_year", "gender",
                             "region_id", "created_at", "updated_at"],
               ((b0 + i, org_of[i % n_org], f"B{i:07d}", 1950 + i % 50, "", rnd.choice(regions),
                 now, now) for i in range(n_ben)))
        c0 = _next_id(Consent)
        _write(Consent, ["id", "organisation_id", "beneficiary_id", "purpose", "given_on",
                         "method", "given_by", "document", "created_at", "updated_at"],
               ((c0 + i, org_of[i % n_org], b0 + i, "data_processing", today.isoformat(),
                 "electronic", "beneficiary", "", now, now) for i in range(n_ben)))
        n_fam = n_ben // 3
        f0 = _next_id(Family)
        _write(Family, ["id", "organisation_id", "code", "region_id", "notes", "created_at",
                        "updated_at"],
               ((f0 + i, org_of[i % n_org], f"F{i:07d}", None, "", now, now)
                for i in range(n_fam)))
        fm0 = _next_id(FamilyMember)
        # beneficiary i (i < 3 * n_fam) joins family i // 3 — same organisation by construction
        _write(FamilyMember, ["id", "organisation_id", "family_id", "beneficiary_id", "relation",
                              "is_legal_representative", "created_at", "updated_at"],
               ((fm0 + i, org_of[(i // 3) % n_org], f0 + i // 3, b0 + _member_of(i, n_fam, n_org),
                 "parent", False, now, now)
                for i in range(3 * n_fam) if _member_of(i, n_fam, n_org) < n_ben))
        _activities(Activity, n_act, org_of, u0, n_vol, b0, n_ben, regions, rnd, today, now)
        _reset_sequences([Organisation, User, Membership, Volunteer, Beneficiary, Consent, Family,
                          FamilyMember, Activity, Activity.providers.through,
                          Activity.participants.through])
    _analyse()
    return {"organisation_id": o0, "organisations": org_of, "first_user": u0}


def _analyse() -> None:
    """Fresh planner statistics after a bulk load (PostgreSQL would otherwise plan blind)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _member_of(i: int, n_fam: int, n_org: int) -> int:
    """The i-th family link: a beneficiary of the family's organisation (offset from b0)."""
    family = i // 3
    org_index = family % n_org
    # beneficiaries of organisation k are k, k + n_org, k + 2 n_org, …
    return org_index + n_org * (3 * (family // n_org) + i % 3)


def _activities(Activity, n_act, org_of, u0, n_vol, b0, n_ben, regions, rnd, today, now):
    """Activities spread over 3 years; each has one provider of its organisation and, for most,
    one named participant of its organisation."""
    n_org = len(org_of)
    kinds = [k for k, weight in KINDS for _ in range(weight)]
    a0 = _next_id(Activity)
    per_org_vol = max(n_vol // n_org, 1)
    per_org_ben = max(n_ben // n_org, 1)
    for chunk in range(0, n_act, 250_000):
        plan = []
        for i in range(chunk, min(chunk + 250_000, n_act)):
            org_index = i % n_org
            kind = kinds[rnd.randrange(len(kinds))]
            plan.append((a0 + i, org_of[org_index], kind, today - datetime.timedelta(
                days=rnd.randrange(1, 1095)), rnd.choice((30, 45, 60, 90)),
                FORMATS[rnd.randrange(4)], regions[rnd.randrange(len(regions))],
                0 if kind == "consultation" else rnd.randrange(0, 8),
                u0 + org_index + n_org * rnd.randrange(per_org_vol),
                b0 + org_index + n_org * rnd.randrange(per_org_ben)))
        _write(Activity, ["id", "organisation_id", "kind", "mode", "date", "duration_minutes",
                          "format", "region_id", "anonymous_count", "recorded_by_id",
                          "created_at", "updated_at"],
               ((a, o, k, "individual", d.isoformat(), m, f, r, anon, u, now, now)
                for a, o, k, d, m, f, r, anon, u, _b in plan))
        _write(Activity.providers.through, ["activity_id", "user_id"],
               ((a, u) for a, _o, _k, _d, _m, _f, _r, _anon, u, _b in plan))
        _write(Activity.participants.through, ["activity_id", "beneficiary_id"],
               ((a, b) for a, _o, k, _d, _m, _f, _r, _anon, _u, b in plan
                if k not in ("supervision", "intervision", "case_review")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=list(SCALES), default="quick")
    arguments = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peercircle.settings")
    import django

    django.setup()
    started = time.perf_counter()
    made = generate(arguments.scale)
    print(f"generated {arguments.scale}: {SCALES[arguments.scale]} "
          f"(first organisation {made['organisation_id']}) in "
          f"{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
