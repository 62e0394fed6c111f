"""Safeguarding findings about the import (issue 11: findings 1, 2 and 17), one test per finding,
and the corpus of hostile files run through the web upload, the check and the commit."""

import time
import tracemalloc
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from openpyxl import Workbook

from peercircle.core.models import AuditEntry
from peercircle.imports import services
from peercircle.imports.models import ImportRun
from peercircle.people.models import Beneficiary, BeneficiaryIdentity, Consent
from peercircle.people.services import ConsentRequired
from peercircle.volunteers.models import Volunteer
from tests.imports.factories import upload, upload_and_check, world
from tests.imports.hostile_corpus import HEADER, corpus, sheet_xml, xlsx

pytestmark = pytest.mark.django_db

PEOPLE = "Код;Год рождения;ФИО;Телефон;Согласие;Дата согласия\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _commit(coordinator, org, run):
    with scope(organisation=org):
        services.import_commit(actor=coordinator, run=run)
    run.refresh_from_db()
    return run


# -- finding 1: identities only with consent, every imported record audited ---------------------


def test_finding_1_import_stores_no_identity_without_consent(org, member):
    coordinator, *_ = world(org, member)
    content = (
        PEOPLE
        + "N-1;1980;Анна Петрова;+7 900 000 00 01;да;01.02.2025\n"
        + "N-2;1975;Пётр Иванов;+7 900 000 00 02;нет;\n"  # names without consent
        + "N-3;1990;;+7 900 000 00 03;;\n"  # a phone, no consent
        + "N-4;1991;;;нет;\n"
    ).encode()  # pseudonymous: fine
    run = upload_and_check(coordinator, org, content, name="people.csv", kind="beneficiaries")
    errors = {number: errors for number, _who, errors in run.summary["errors"]}
    assert set(errors) == {3, 4}
    assert "only with consent to data processing" in errors[3][0]
    run = _commit(coordinator, org, run)
    assert run.status == ImportRun.Status.IMPORTED
    with scopes_disabled():
        assert set(Beneficiary.objects.filter(organisation=org).values_list("code", flat=True)) == {
            "B-OK",
            "B-NO",
            "N-1",
            "N-4",
        }
        assert list(BeneficiaryIdentity.objects.values_list("beneficiary__code", flat=True)) == ["N-1"]
        assert not BeneficiaryIdentity.objects.filter(phone__contains="02").exists()


def test_finding_1_import_refuses_identity_when_consent_is_missing_at_write(org, member):
    """The commit checks the page's rule again inside its transaction: an identity whose consent
    is not there when it is written stops the whole commit, and nothing of it stays."""
    from peercircle.imports.importers import BeneficiaryImporter, Row

    coordinator, *_ = world(org, member)
    importer = BeneficiaryImporter(organisation=org, actor=coordinator)
    row = Row(number=2, values=[])
    importer.clean(
        row, {"code": "N-9", "full_name": "Анна", "consent": "да", "consent_given_on": "01.02.2025"}
    )
    row.data["consent_on"] = None  # as if the consent were lost between check and commit
    with scope(organisation=org), pytest.raises(ConsentRequired):
        from django.db import transaction

        with transaction.atomic():
            importer.write([row])
    with scopes_disabled():
        assert not Beneficiary.objects.filter(code="N-9").exists()
        assert not BeneficiaryIdentity.objects.exists()


def test_finding_1_import_audits_who_imported_which_records(org, member):
    coordinator, *_ = world(org, member)
    content = (PEOPLE + "N-1;1980;Анна Петрова;+7 900;да;01.02.2025\n" + "N-2;1975;;;;\n").encode()
    run = _commit(
        coordinator, org, upload_and_check(coordinator, org, content, name="p.csv", kind="beneficiaries")
    )
    with scopes_disabled():
        people = {b.code: b for b in Beneficiary.objects.filter(code__in=["N-1", "N-2"])}
        for person in people.values():
            entry = AuditEntry.objects.get(object_type="people.Beneficiary", object_id=str(person.pk))
            assert (entry.actor, entry.action, entry.organisation) == (coordinator, "create", org)
        identity = BeneficiaryIdentity.objects.get()
        entry = AuditEntry.objects.get(object_type="people.BeneficiaryIdentity", object_id=str(identity.pk))
        assert entry.actor == coordinator
        assert "Анна" not in str(entry.after) and "+7 900" not in str(entry.after)  # masked
        consent = Consent.objects.get(beneficiary=people["N-1"])
        assert AuditEntry.objects.filter(object_type="people.Consent", object_id=str(consent.pk)).exists()
        assert AuditEntry.objects.filter(object_type="imports.ImportRun", object_id=str(run.pk)).exists()


# -- finding 2: hostile files have a budget -----------------------------------------------------


def test_finding_2_a_sheet_declaring_a_million_rows_is_checked_quickly(org, member):
    coordinator, *_ = world(org, member)
    content = xlsx(sheet_xml([(1, HEADER), (2, ["H-1", 1980, "", "no"])], dimension="A1:XFD1048576"))
    assert len(content) < 2000
    started = time.monotonic()
    run = upload_and_check(coordinator, org, content, name="wide.xlsx", kind="beneficiaries")
    assert time.monotonic() - started < 20  # unbounded it runs for hours
    assert run.status == ImportRun.Status.CHECKED and run.summary["total"] == 1


def test_finding_2_one_huge_shared_string_makes_no_huge_rejected_file(org, member, settings):
    coordinator, *_ = world(org, member)
    shared = (
        '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<si><t>{'Я' * 400_000}</t></si></sst>"
    )
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>0</v></c></row>' for n in range(2, 300))
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c></row>{rows}'
        "</sheetData></worksheet>"
    )
    run = upload_and_check(coordinator, org, xlsx(sheet, shared=shared), name="s.xlsx", kind="beneficiaries")
    sizes = [f.stat().st_size for f in _files(settings)]
    assert max(sizes) < 10 * 2**20, sizes  # 300 rows x 400 000 letters would be 240 MB
    assert run.status in {ImportRun.Status.CHECKED, ImportRun.Status.FAILED}
    if run.status == ImportRun.Status.CHECKED:
        assert run.summary["rejected"] == 298
        assert "more than 10000 characters" in run.summary["errors"][0][2][0]


def test_finding_2_malformed_xml_is_a_message_and_leaves_no_file(org, member, client, settings):
    coordinator, *_ = world(org, member)
    client.force_login(coordinator)
    broken = xlsx('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"')
    response = client.post(
        reverse("imports:list", kwargs={"org": org.slug}),
        {"kind": "beneficiaries", "file": upload("broken.xlsx", broken)},
    )
    assert response.status_code == 200
    assert "cannot be read" in response.content.decode()
    assert _files(settings) == []
    with scopes_disabled():
        assert not ImportRun.objects.exists()


def test_finding_2_an_upload_that_fails_unexpectedly_leaves_no_file(org, member, settings, monkeypatch):
    coordinator, *_ = world(org, member)

    def explode(*args, **kwargs):
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(services, "read_headers", explode)
    with scope(organisation=org), pytest.raises(RuntimeError):
        services.import_upload(
            actor=coordinator, organisation=org, kind="beneficiaries", file=upload("p.csv", PEOPLE.encode())
        )
    assert _files(settings) == []


@pytest.mark.parametrize(
    "content",
    [
        (PEOPLE + "N-1;1980;;;;\n").encode()
        + "N-2;1981;Пётр Иванов;;да;01.02.2025\n".encode("cp1251")
        + ("N-3;1982;;;;\n" * 5).encode(),
        (PEOPLE + "N-1;1980;Пётр Иванов;;да;01.02.2025\n").encode("cp1251")
        + "N-2;1981;Анна Петрова;;да;01.02.2025\n".encode(),
        (PEOPLE + "N-1;1980;Пётр Иванов;;да;01.02.2025\n" * 4000).encode("cp1251")
        + "N-2;1981;Анна Петрова;;да;01.02.2025\n".encode(),
    ],
    ids=["utf8-with-a-cp1251-line", "cp1251-with-a-utf8-line", "cp1251-with-a-late-utf8-line"],
)
def test_finding_2_mixed_encodings_are_refused(org, member, content):
    coordinator, *_ = world(org, member)
    with scope(organisation=org):
        try:
            run = services.import_upload(
                actor=coordinator, organisation=org, kind="beneficiaries", file=upload("mixed.csv", content)
            )
        except ValidationError as error:
            assert "mixes text encodings" in str(error)
            return
        run = services.import_map(actor=coordinator, run=run, mapping=run.mapping)
    assert run.status == ImportRun.Status.FAILED
    assert "mixes text encodings" in run.summary["file_error"]
    with scopes_disabled():
        assert not Beneficiary.objects.filter(code__startswith="N-").exists()


def test_finding_2_reading_stops_after_a_run_of_empty_rows(org, member):
    coordinator, *_ = world(org, member)
    rows = [(1, HEADER), (2, ["H-1", 1980])] + [(5000, ["H-far", 1980])]
    run = upload_and_check(coordinator, org, xlsx(sheet_xml(rows)), name="gap.xlsx", kind="beneficiaries")
    assert run.status == ImportRun.Status.CHECKED and run.summary["total"] == 1


def test_finding_2_a_pass_over_its_time_budget_stops_and_writes_nothing(org, member, settings):
    coordinator, *_ = world(org, member)
    content = (PEOPLE + "".join(f"N-{i};1980;;;;\n" for i in range(50))).encode()
    run = upload_and_check(coordinator, org, content, name="p.csv", kind="beneficiaries")
    assert run.status == ImportRun.Status.CHECKED
    settings.IMPORT_MAX_SECONDS = -1
    run = _commit(coordinator, org, run)
    assert run.status == ImportRun.Status.CHECKED  # not imported; can be tried again
    with scopes_disabled():
        assert not Beneficiary.objects.filter(code__startswith="N-").exists()
        job = run.commit_job
        assert job.status == "failed" and "took longer than" in job.message


# -- finding 17: rows past the declared size, control characters, letter case --------------------


def test_finding_17_xlsx_rows_beyond_the_declared_size_are_read(org, member):
    coordinator, *_ = world(org, member)
    rows = [(1, HEADER)] + [(n, [f"H-{n}", 1980]) for n in range(2, 12)]
    run = upload_and_check(
        coordinator, org, xlsx(sheet_xml(rows, dimension="A1:D3")), name="short.xlsx", kind="beneficiaries"
    )
    assert run.summary["total"] == 10 and run.summary["valid"] == 10


def test_finding_17_control_characters_are_not_stored(org, member):
    coordinator, *_ = world(org, member)
    content = (PEOPLE + "N-\u202e1\x07;1980;Анна\x01 \u200bПетрова\x1b;;да;01.02.2025\n").encode()
    run = _commit(
        coordinator, org, upload_and_check(coordinator, org, content, name="c.csv", kind="beneficiaries")
    )
    assert run.summary["written"] == 1
    with scopes_disabled():
        identity = BeneficiaryIdentity.objects.get()
        assert identity.beneficiary.code == "N-1"
        assert identity.full_name == "Анна Петрова"


def test_finding_17_reimport_with_other_letter_case_creates_no_duplicate(org, member):
    coordinator, *_ = world(org, member)
    first = (PEOPLE + "Ab-1;1980;;;;\n").encode()
    _commit(coordinator, org, upload_and_check(coordinator, org, first, name="1.csv", kind="beneficiaries"))
    again = (PEOPLE + "aB-1;1980;;;;\n" + " AB-1 ;1980;;;;\n" + "b-ok;1990;;;;\n").encode()
    run = upload_and_check(coordinator, org, again, name="2.csv", kind="beneficiaries")
    assert (run.summary["skipped"], run.summary["valid"]) == (2, 0)
    assert {n: e for n, _who, e in run.summary["errors"]} == {3: ["Repeats row 2 of the file."]}
    volunteers = b"External id,Name,E-mail\nV-1,Olga,olga@example.org\n"
    _commit(coordinator, org, upload_and_check(coordinator, org, volunteers, name="v.csv", kind="volunteers"))
    run = upload_and_check(
        coordinator,
        org,
        b"External id,Name,E-mail\nv-1,Olga,olga@example.org\n",
        name="v2.csv",
        kind="volunteers",
    )
    assert run.summary["skipped"] == 1
    with scopes_disabled():
        assert Beneficiary.objects.filter(code__iexact="ab-1").count() == 1
        assert Volunteer.objects.filter(organisation=org).count() == 1


def test_finding_17_an_openpyxl_file_with_a_stale_dimension_is_read_whole(org, member, tmp_path):
    """A file written by a real spreadsheet library, whose dimension was left stale."""
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for n in range(20):
        sheet.append([f"H-{n}", 1980])
    path = tmp_path / "stale.xlsx"
    book.save(path)
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b'ref="A1:B21"', b'ref="A1:B2"'
    )
    rebuilt = tmp_path / "rebuilt.xlsx"
    with zipfile.ZipFile(rebuilt, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    coordinator, *_ = world(org, member)
    run = upload_and_check(coordinator, org, rebuilt.read_bytes(), name="stale.xlsx", kind="beneficiaries")
    assert run.summary["valid"] == 20


# -- the hostile corpus -------------------------------------------------------------------------


def test_hostile_corpus_is_large_enough():
    assert len(list(corpus())) >= 200


def test_hostile_files_end_in_a_message_or_a_clean_import(org, member, client, settings):
    """Every file of the corpus through the web upload, the check and the commit: no 5xx, no
    partial write, no identity without consent, no orphaned file, bounded time and memory."""
    coordinator, *_ = world(org, member)
    client.force_login(coordinator)
    url = reverse("imports:list", kwargs={"org": org.slug})
    problems = []
    for name, content in corpus():
        with scopes_disabled():
            before = Beneficiary.objects.count()
            runs_before = set(ImportRun.objects.values_list("pk", flat=True))
        tracemalloc.start()
        started = time.monotonic()
        response = client.post(url, {"kind": "beneficiaries", "file": upload(name, content)})
        with scopes_disabled():
            new = ImportRun.objects.exclude(pk__in=runs_before).first()
        if response.status_code >= 500:
            problems.append(f"{name}: upload answered {response.status_code}")
        elif new is None and response.status_code != 200:
            problems.append(f"{name}: refused without a message ({response.status_code})")
        if new is not None:
            response = client.post(
                reverse("imports:detail", kwargs={"org": org.slug, "import_pk": new.pk}), dict(new.mapping)
            )
            if response.status_code >= 500:
                problems.append(f"{name}: check answered {response.status_code}")
            new.refresh_from_db()
            if new.status == ImportRun.Status.CHECKED and new.summary.get("valid"):
                response = client.post(
                    reverse("imports:commit", kwargs={"org": org.slug, "import_pk": new.pk})
                )
                if response.status_code >= 500:
                    problems.append(f"{name}: commit answered {response.status_code}")
                new.refresh_from_db()
            if new.status not in {
                ImportRun.Status.CHECKED,
                ImportRun.Status.FAILED,
                ImportRun.Status.IMPORTED,
                ImportRun.Status.UPLOADED,
            }:
                problems.append(f"{name}: left {new.status}")
            with scopes_disabled():
                added = Beneficiary.objects.count() - before
            if added != (new.summary.get("written", 0) if new.status == ImportRun.Status.IMPORTED else 0):
                problems.append(f"{name}: {added} people written, status {new.status}")
        elapsed = time.monotonic() - started
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        if elapsed > 15:
            problems.append(f"{name}: {elapsed:.1f} s")
        if peak > 300 * 2**20:
            problems.append(f"{name}: {peak // 2**20} MB")
    with scopes_disabled():
        identified = set(BeneficiaryIdentity.objects.values_list("beneficiary_id", flat=True))
        consented = set(
            Consent.objects.filter(purpose="data_processing").values_list("beneficiary_id", flat=True)
        )
        assert identified <= consented
        kept = {Path(f.name).name for run in ImportRun.objects.all() for f in (run.file, run.rejected) if f}
    orphans = [f.name for f in _files(settings) if f.name not in kept]
    assert not orphans, orphans
    assert not problems, "\n".join(problems)


def test_finding_2_uploaded_files_are_deleted_when_the_organisations_period_has_passed(
        org, member, client_for, settings):
    import datetime
    import io

    from django.core.management import call_command
    from django.utils import timezone

    coordinator, *_ = world(org, member)
    org.import_file_retention_days = 10
    org.save()
    bad = "ID;Дата;Длительность;Формат;Консультант;Код;Регион;Темы\nX-1;не дата;;;;;;\n"
    old = upload_and_check(coordinator, org, bad.encode(), name="old.csv")
    recent = upload_and_check(coordinator, org, bad.encode(), name="recent.csv")
    assert old.file and old.rejected and recent.file and recent.rejected
    with scopes_disabled():
        ImportRun.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=11))
        ImportRun.objects.filter(pk=recent.pk).update(updated_at=timezone.now() - datetime.timedelta(days=9))
    kept_before = set(_files(settings))
    out = io.StringIO()
    call_command("retention_run", org=org.slug, stdout=out)
    assert "deleted the files of 1 import(s)" in out.getvalue()
    with scopes_disabled():
        old.refresh_from_db()
        recent.refresh_from_db()
    assert not old.file and not old.rejected and old.files_deleted_on == timezone.localdate()
    assert old.summary and old.status == ImportRun.Status.CHECKED  # the record and its summary stay
    assert recent.file and recent.rejected and recent.files_deleted_on is None
    gone = kept_before - set(_files(settings))
    assert len(gone) == 2 and all("old" in p.name for p in gone)
    page = client_for(coordinator).get(
        reverse("imports:detail", kwargs={"org": org.slug, "import_pk": old.pk}))
    assert page.status_code == 200
    assert 'data-testid="files-deleted"' in page.content.decode()
    assert "Which column holds what" not in page.content.decode()  # nothing left to check again
    rejected = reverse("imports:rejected", kwargs={"org": org.slug, "import_pk": old.pk})
    assert client_for(coordinator).get(rejected).status_code == 404


def test_a_running_import_keeps_its_file_whatever_its_age(org, member):
    import datetime

    from django.utils import timezone

    coordinator, *_ = world(org, member)
    bad = "ID;Дата;Длительность;Формат;Консультант;Код;Регион;Темы\nX-1;не дата;;;;;;\n"
    run = upload_and_check(coordinator, org, bad.encode(), name="running.csv")
    from tests.imports.factories import interrupted

    interrupted(run, coordinator, minutes_ago=1)
    with scopes_disabled():
        ImportRun.objects.filter(pk=run.pk).update(updated_at=timezone.now() - datetime.timedelta(days=400))
    with scope(organisation=org):
        assert services.import_files_expire(organisation=org) == []
    run.refresh_from_db()
    assert run.file
