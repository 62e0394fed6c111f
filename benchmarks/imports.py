"""Spreadsheet import of consultations (core.Activity) from CSV: PeerCircle's streamed, batch-
validated, bulk-written import against django-import-export importing the same file into the same
model on the same database with the same rules (a ModelResource whose validation checks the date,
duration, format, membership of the consultant, the beneficiary's consent, the region and topics,
and whose import id is the external id, so that a re-import is idempotent too).

Quick scale: 10,000 rows (ours, median of 3 runs) and 200 rows (django-import-export, median of
3). Large scale: 1,000,000 rows (ours, one run) and a sample of 2,000 rows for django-import-export
(median of 2), whose per-row speed does not improve with size (it makes several queries per row);
the ratio is of rows per second.
"""

import csv
import random
import statistics
import tempfile
import time
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django_scopes import scope

HEADERS = ["ID", "date", "minutes", "format", "consultant", "beneficiary", "anonymous", "region", "topics"]
MAPPING = {"external_id": "ID", "date": "date", "duration_minutes": "minutes", "format": "format",
           "consultant": "consultant", "beneficiary": "beneficiary",
           "anonymous_count": "anonymous", "region": "region", "topics": "topics"}
SIZES = {"smoke": {"ours": 60, "ours_runs": 1, "theirs": 10, "theirs_runs": 1},
         "quick": {"ours": 10_000, "ours_runs": 3, "theirs": 200, "theirs_runs": 3},
         "large": {"ours": 1_000_000, "ours_runs": 1, "theirs": 2_000, "theirs_runs": 2}}


def _world():
    from peercircle.accounts.models import User
    from peercircle.organisations.models import Membership, Organisation
    from peercircle.people.models import Beneficiary, Consent

    org = Organisation.objects.create(name="Import bench", slug="bench-imports")
    actor = User.objects.create_user("importer@example.org", "bench-password-1", full_name="Importer")
    Membership.objects.create(user=actor, organisation=org, role="coordinator")
    consultants = []
    for i in range(20):
        user = User.objects.create_user(f"consultant{i}@example.org", "bench-password-1",
                                        full_name=f"Consultant {i}")
        Membership.objects.create(user=user, organisation=org, role="volunteer",
                                  volunteer_kind="peer_consultant")
        consultants.append(user.email)
    with scope(organisation=org):
        people = Beneficiary.objects.bulk_create(
            Beneficiary(organisation=org, code=f"IB-{i:05d}", created_by=actor) for i in range(1000))
        Consent.objects.bulk_create(
            Consent(organisation=org, beneficiary=b, purpose="data_processing",
                    given_on=timezone.localdate(), method="electronic", given_by="beneficiary",
                    recorded_by=actor) for b in people)
    return org, actor, consultants, [b.code for b in people]


def _write_file(path: Path, rows: int, prefix: str, consultants, codes) -> None:
    rnd = random.Random(7)
    regions = ["ru-mow", "ru-sam", "ru-ta", ""]
    topics = ["hiv", "oncology", "hepatitis;hiv", ""]
    formats = ["phone", "online", "in_person", "chat"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(HEADERS)
        for i in range(rows):
            named = rnd.random() < 0.3
            writer.writerow([
                f"{prefix}-{i}", f"{rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.2025",
                rnd.choice((30, 45, 60)), rnd.choice(formats), rnd.choice(consultants),
                rnd.choice(codes) if named else "", "" if named else "1", rnd.choice(regions),
                rnd.choice(topics)])


def _ours(org, actor, path: Path) -> tuple[float, int]:
    from peercircle.imports.engine import run_import

    started = time.perf_counter()
    with scope(organisation=org):
        summary = run_import(organisation=org, actor=actor, kind="consultations", path=path,
                             name=path.name, mapping=MAPPING, write=True)
    elapsed = time.perf_counter() - started
    assert summary.written == summary.total and not summary.rejected, summary.errors[:3]
    return elapsed, summary.written


def _resource_class():
    """django-import-export's ModelResource for the same rows, with the same rules."""
    from django.core.exceptions import ValidationError
    from import_export import fields, resources, widgets

    from peercircle.accounts.models import User
    from peercircle.core.models import Activity, Format, HelpArea, Region
    from peercircle.organisations.models import Membership
    from peercircle.people.models import Beneficiary
    from peercircle.people.selectors import beneficiaries_lacking_consent

    class ActivityResource(resources.ModelResource):
        external_id = fields.Field(attribute="external_id", column_name="ID")
        date = fields.Field(attribute="date", column_name="date",
                            widget=widgets.DateWidget(format="%d.%m.%Y"))
        duration_minutes = fields.Field(attribute="duration_minutes", column_name="minutes",
                                        widget=widgets.IntegerWidget())
        format = fields.Field(attribute="format", column_name="format")
        anonymous_count = fields.Field(attribute="anonymous_count", column_name="anonymous",
                                       widget=widgets.IntegerWidget(coerce_to_string=False))
        region = fields.Field(attribute="region", column_name="region",
                              widget=widgets.ForeignKeyWidget(Region, "code"))
        providers = fields.Field(attribute="providers", column_name="consultant",
                                 widget=widgets.ManyToManyWidget(User, field="email"))
        participants = fields.Field(attribute="participants", column_name="beneficiary",
                                    widget=widgets.ManyToManyWidget(Beneficiary, field="code"))
        help_areas = fields.Field(attribute="help_areas", column_name="topics",
                                  widget=widgets.ManyToManyWidget(HelpArea, field="code", separator=";"))

        class Meta:
            model = Activity
            import_id_fields = ["external_id"]
            fields = ("external_id", "date", "duration_minutes", "format", "anonymous_count",
                      "region", "providers", "participants", "help_areas")
            skip_unchanged = False
            report_skipped = False

        def __init__(self, *, organisation, actor):
            super().__init__()
            self.organisation, self.actor = organisation, actor

        def get_queryset(self):
            return Activity.objects.filter(organisation=self.organisation)

        def init_instance(self, row=None):
            # (a date at once: Activity's str() needs one; the row's date replaces it)
            return Activity(organisation=self.organisation, kind="consultation",
                            recorded_by=self.actor, date=timezone.localdate())

        def before_import_row(self, row, **kwargs):
            self._row = row
            row["anonymous"] = row.get("anonymous") or 0  # the column's default, as ours has

        def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
            errors = dict(import_validation_errors or {})
            row = self._row
            if instance.date and instance.date > timezone.localdate():
                errors["date"] = "Work cannot be logged for a future date."
            if not instance.duration_minutes or not 0 < instance.duration_minutes <= 1440:
                errors["duration_minutes"] = "Give a duration between 1 minute and 24 hours."
            if instance.format not in Format.values:
                errors["format"] = "Unknown format."
            email = (row.get("consultant") or "").strip()
            if not Membership.objects.filter(organisation=self.organisation, user__email=email,
                                             is_active=True).exists():
                errors["providers"] = "Not a member of this organisation."
            code = (row.get("beneficiary") or "").strip()
            if code:
                person = Beneficiary.objects.filter(organisation=self.organisation, code=code).first()
                if person is None or beneficiaries_lacking_consent([person], purpose="data_processing"):
                    errors["participants"] = "No consent."
            elif not instance.anonymous_count:
                errors["anonymous_count"] = "Name a participant or give the number of anonymous ones."
            if errors:
                raise ValidationError(errors)

    return ActivityResource


def _theirs(org, actor, path: Path) -> tuple[float, int]:
    import tablib

    resource = _resource_class()(organisation=org, actor=actor)
    dataset = tablib.Dataset().load(path.read_text(encoding="utf-8"), format="csv", delimiter=";")
    started = time.perf_counter()
    with scope(organisation=org), transaction.atomic():
        result = resource.import_data(dataset, dry_run=False, raise_errors=False, use_transactions=False)
    elapsed = time.perf_counter() - started
    problems = [e.error for _n, errors in result.row_errors() for e in errors][:1]
    assert not result.has_errors() and not result.has_validation_errors(), (
        problems, [r.error_dict for r in result.invalid_rows[:1]], result.base_errors[:1])
    return elapsed, result.totals["new"]


def run(scale: dict, report) -> None:
    """`scale["name"]` is "quick" or "large"; print figures with `report(name, value, unit)`."""
    sizes = SIZES[scale["name"]]
    org, actor, consultants, codes = _world()
    ours, theirs = [], []
    with tempfile.TemporaryDirectory() as tmp:
        # theirs first, into the (nearly) empty table: every later run meets the rows of the
        # earlier ones, and the per-row lookups of django-import-export would pay most for that
        for attempt in range(sizes["theirs_runs"]):
            path = Path(tmp) / f"theirs-{attempt}.csv"
            _write_file(path, sizes["theirs"], f"t{attempt}", consultants, codes)
            elapsed, written = _theirs(org, actor, path)
            theirs.append(written / elapsed)
        for attempt in range(sizes["ours_runs"]):
            path = Path(tmp) / f"ours-{attempt}.csv"
            _write_file(path, sizes["ours"], f"o{attempt}", consultants, codes)
            elapsed, written = _ours(org, actor, path)
            ours.append(written / elapsed)
            path.unlink()
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    report("import.rows_per_second", ours_median, "rows/s")
    report("import.rows", sizes["ours"], "rows")
    report("import.runs", len(ours), "runs")
    report("import.django_import_export_rows_per_second", theirs_median, "rows/s")
    report("import.django_import_export_sample_rows", sizes["theirs"], "rows")
    report("import.vs_django_import_export", ours_median / theirs_median, "x")
