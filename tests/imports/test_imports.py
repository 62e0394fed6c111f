import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django_scopes import scope, scopes_disabled

from peercircle.core.models import Activity, AuditEntry
from peercircle.imports import services
from peercircle.imports.engine import run_import
from peercircle.imports.models import ColumnMapping, ImportRun
from peercircle.people.models import Beneficiary, BeneficiaryIdentity, Consent, Family
from peercircle.volunteers.models import Volunteer
from tests import factories
from tests.imports.factories import (
    consultation_csv,
    interrupted,
    upload,
    upload_and_check,
    world,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _rows(consultant):
    email = consultant.email
    return [
        ["c-1", "05.03.2025", "45", "Телефон", email, "B-OK", "Москва", "ВИЧ; Онкология"],
        ["c-2", "5 марта 2025", "30", "phone", email, "", "", ""],
        ["c-3", "5 marca 2025", "0", "phone", email, "", "", ""],              # duration
        ["c-4", "2025-03-05", "30", "phone", email, "B-NO", "", ""],           # no consent
        ["c-5", "31.02.2025", "30", "teleport", "stranger@example.org", "", "Atlantis", ""],
        ["c-1", "05.03.2025", "45", "phone", email, "", "", ""],                # repeats c-1
    ]



def test_upload_guesses_the_columns_then_the_check_writes_nothing(org, member):
    coordinator, consultant, *_ = world(org, member)
    run = upload_and_check(coordinator, org, consultation_csv(_rows(consultant)))
    assert run.mapping == {"external_id": "ID", "date": "Дата", "duration_minutes": "Длительность",
                           "format": "Формат", "consultant": "Консультант", "beneficiary": "Код",
                           "region": "Регион", "topics": "Темы"}
    assert run.status == ImportRun.Status.CHECKED
    summary = run.summary
    assert (summary["total"], summary["valid"], summary["rejected"]) == (6, 2, 4)
    errors = {number: errors for number, _who, errors in summary["errors"]}
    assert set(errors) == {4, 5, 6, 7}
    assert errors[4] == ["Give a duration between 1 minute and 24 hours."]
    assert "B-NO gave no consent" in errors[5][0]
    assert len(errors[6]) == 4  # every problem of the row, not only the first
    assert errors[7] == ["Repeats row 2 of the file."]
    with scopes_disabled():
        assert not Activity.objects.exists()
        assert ColumnMapping.objects.get(organisation=org, kind="consultations").mapping == run.mapping


@pytest.mark.parametrize("language,expected", [
    ("ru", ["Укажите продолжительность от 1 минуты до 24 часов.", "Нельзя записать работу на будущую дату.",
            "Для B-NO не записано согласие"]),
    ("pl", ["Podaj czas trwania od 1 minuty do 24 godzin.", "Nie można odnotować pracy z przyszłą datą.",
            "Brak zgody dla B-NO"]),
])
def test_preview_errors_are_in_the_users_language(org, member, language, expected):
    coordinator, consultant, *_ = world(org, member)
    coordinator.language = language
    coordinator.save()
    future = (timezone.localdate() + datetime.timedelta(days=3)).strftime("%d.%m.%Y")
    rows = [["a", "05.03.2025", "0", "phone", consultant.email, "", "", ""],
            ["b", future, "30", "phone", consultant.email, "", "", ""],
            ["c", "05.03.2025", "30", "phone", consultant.email, "B-NO", "", ""],
            ["d", "", "30", "phone", consultant.email, "", "", ""]]
    run = upload_and_check(coordinator, org, consultation_csv(rows))
    messages = [m for _n, _who, errors in run.summary["errors"] for m in errors]
    for text in expected:
        assert any(text in m for m in messages), (text, messages)
    with translation.override(language):
        from django import forms
        required = str(forms.Field.default_error_messages["required"])
    assert required != "This field is required." and any(required in m for m in messages)


def test_commit_writes_the_valid_rows_once_and_reimport_is_idempotent(org, member, client_for):
    coordinator, consultant, with_consent, _ = world(org, member)
    run = upload_and_check(coordinator, org, consultation_csv(_rows(consultant)))
    with scope(organisation=org):
        run = services.import_commit(actor=coordinator, run=run)
    assert run.status == ImportRun.Status.IMPORTED and run.summary["written"] == 2
    with scopes_disabled():
        first = Activity.objects.get(external_id="c-1")
        assert first.kind == "consultation" and first.date == datetime.date(2025, 3, 5)
        assert list(first.participants.all()) == [with_consent]
        assert list(first.providers.all()) == [consultant]
        assert sorted(first.help_areas.values_list("code", flat=True)) == ["hiv", "oncology"]
        assert first.region.code == "ru-mow" and first.format == "phone"
        assert first.recorded_by == coordinator
        assert AuditEntry.objects.filter(object_type="imports.ImportRun", object_id=str(run.pk),
                                         after__rows_written=2).exists()
        # the audit log says who imported which activities (one entry naming the batch's ids)
        logged = AuditEntry.objects.filter(object_type="core.Activity",
                                           action=AuditEntry.Action.CREATE, actor=coordinator)
        named = sorted(pk for entry in logged for pk in entry.after["ids"])
        assert named == sorted(Activity.objects.values_list("pk", flat=True))
    again = upload_and_check(coordinator, org, consultation_csv(_rows(consultant)))
    assert (again.summary["valid"], again.summary["skipped"]) == (0, 2)
    with scope(organisation=org), pytest.raises(ValidationError):
        services.import_commit(actor=coordinator, run=again)
    with scopes_disabled():
        assert Activity.objects.count() == 2


def test_rejected_rows_file_neutralises_formulas(org, member, client_for):
    coordinator, consultant, *_ = world(org, member)
    rows = [["=HYPERLINK(\"http://evil\")", "05.03.2025", "-5", "+phone", "@me", "", "", ""]]
    run = upload_and_check(coordinator, org, consultation_csv(rows))
    response = client_for(coordinator).get(reverse("imports:rejected",
                                                   kwargs={"org": org.slug, "import_pk": run.pk}))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, line = list(csv.reader(io.StringIO(text), delimiter=";"))[:2]
    assert header[:2] == ["Row", "ID"] and header[-1] == "Errors"
    assert line[1:6] == ["'=HYPERLINK(\"http://evil\")", "05.03.2025", "'-5", "'+phone", "'@me"]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in line)


def test_the_commit_checks_every_row_again(org, member):
    coordinator, consultant, with_consent, _ = world(org, member)
    run = upload_and_check(coordinator, org, consultation_csv(_rows(consultant)))
    assert run.summary["valid"] == 2
    with scopes_disabled():  # consent withdrawn between the preview and the commit
        Consent.objects.filter(beneficiary=with_consent).update(withdrawn_on=timezone.localdate())
    with scope(organisation=org):
        run = services.import_commit(actor=coordinator, run=run)
    assert run.status == ImportRun.Status.IMPORTED
    assert (run.summary["written"], run.summary["rejected"]) == (1, 5)
    with scopes_disabled():
        assert list(Activity.objects.values_list("external_id", flat=True)) == ["c-2"]


def test_a_failing_write_leaves_nothing(org, member, monkeypatch):
    from peercircle.imports.importers import ConsultationImporter

    coordinator, consultant, *_ = world(org, member)
    run = upload_and_check(coordinator, org, consultation_csv(_rows(consultant)))

    def finish(self):
        raise ValidationError("The disk is full.")

    monkeypatch.setattr(ConsultationImporter, "finish", finish)
    with scope(organisation=org):
        run = services.import_commit(actor=coordinator, run=run)
    assert run.status == ImportRun.Status.CHECKED
    assert (run.commit_job.status, run.commit_job.message) == ("failed", "The disk is full.")
    with scopes_disabled():
        assert not Activity.objects.exists()
        assert not AuditEntry.objects.filter(object_type="imports.ImportRun", action="create",
                                             after__rows_written=2).exists()


def test_the_mapping_is_remembered_for_the_next_file(org, member):
    coordinator, consultant, *_ = world(org, member)
    headers = ["Когда", "Сколько", "Как", "Кто"]
    content = consultation_csv([["05.03.2025", "30", "phone", consultant.email]], headers=headers)
    with scope(organisation=org):
        run = services.import_upload(actor=coordinator, organisation=org, kind="consultations",
                                     file=upload("a.csv", content))
        assert "date" not in run.mapping
        services.import_map(actor=coordinator, run=run, mapping={
            "date": "Когда", "duration_minutes": "Сколько", "format": "Как", "consultant": "Кто"})
        later = services.import_upload(actor=coordinator, organisation=org, kind="consultations",
                                       file=upload("b.csv", content))
    assert later.mapping == {"date": "Когда", "duration_minutes": "Сколько", "format": "Как",
                             "consultant": "Кто"}


def test_missing_required_columns_are_refused(org, member):
    coordinator, *_ = world(org, member)
    with scope(organisation=org):
        run = services.import_upload(actor=coordinator, organisation=org, kind="consultations",
                                     file=upload("a.csv", b"x;y\n1;2\n"))
        with pytest.raises(ValidationError, match="Match these columns first"):
            services.import_map(actor=coordinator, run=run, mapping={"date": "x"})


def test_size_limit_and_empty_files_have_clear_messages(org, member, settings):
    coordinator, *_ = world(org, member)
    settings.IMPORT_MAX_BYTES = 100
    with scope(organisation=org):
        with pytest.raises(ValidationError, match="files up to 100"):
            services.import_upload(actor=coordinator, organisation=org, kind="families",
                                   file=upload("big.csv", b"Code\n" + b"F-1\n" * 100))
        with pytest.raises(ValidationError, match="empty"):
            services.import_upload(actor=coordinator, organisation=org, kind="families",
                                   file=upload("empty.csv", b""))
        run = services.import_upload(actor=coordinator, organisation=org, kind="families",
                                     file=upload("header-only.csv", b"Code\n"))
        run = services.import_map(actor=coordinator, run=run, mapping=run.mapping)
    assert run.status == ImportRun.Status.FAILED
    assert "no data rows" in run.summary["file_error"]


def test_beneficiaries_with_consent_columns_get_consent_records(org, member):
    coordinator, *_ = world(org, member)
    content = ("Код;Год рождения;Пол;Регион;Потребности;ФИО;Согласие;Дата согласия\n"
               "N-1;1980;ж;Самарская область;ВИЧ;Анна Петрова;да;01.02.2025\n"
               "N-2;1975;м;;;;нет;\n"
               "N-3;1990;;;;;да;\n"
               "B-OK;1990;;;;;;\n").encode("cp1251")
    run = upload_and_check(coordinator, org, content, name="people.csv", kind="beneficiaries")
    assert (run.summary["valid"], run.summary["skipped"], run.summary["rejected"]) == (2, 1, 1)
    assert run.summary["errors"] == [[4, "N-3", ["Give the date the consent was given."]]]
    with scope(organisation=org):
        services.import_commit(actor=coordinator, run=run)
        anna = Beneficiary.objects.get(code="N-1")
        assert (anna.gender, anna.birth_year, anna.region.code) == ("female", 1980, "ru-sam")
        assert BeneficiaryIdentity.objects.get(beneficiary=anna).full_name == "Анна Петрова"
        consent = Consent.objects.get(beneficiary=anna)
        assert consent.given_on == datetime.date(2025, 2, 1) and consent.recorded_by == coordinator
        assert not Consent.objects.filter(beneficiary__code="N-2").exists()
        assert AuditEntry.objects.filter(object_type="people.Consent", object_id=str(consent.pk)).exists()


def test_volunteers_and_families(org, member):
    coordinator, *_ = world(org, member)
    volunteers = ("Name,E-mail,Phone,Stage,Help areas,Languages\n"
                  "Olga,olga@example.org,+7 900,active,HIV,русский\n"
                  "Olga again,OLGA@example.org,,,,\n"
                  "Bad,not-an-email,,,,\n").encode("utf-8-sig")
    run = upload_and_check(coordinator, org, volunteers, name="v.csv", kind="volunteers")
    assert (run.summary["valid"], run.summary["rejected"]) == (1, 2)
    families = b"Code,Needs,Notes\nF-1,HIV,two children\nF-2,,\n"
    fam = upload_and_check(coordinator, org, families, name="f.csv", kind="families")
    with scope(organisation=org):
        services.import_commit(actor=coordinator, run=run)
        services.import_commit(actor=coordinator, run=fam)
        olga = Volunteer.objects.get(email="olga@example.org")
        assert olga.external_id == "email:olga@example.org" and olga.languages == ["ru"]
        assert olga.history.get().to_stage == "active"
        assert list(olga.help_areas.values_list("code", flat=True)) == ["hiv"]
        assert Family.objects.filter(organisation=org).count() == 2
        # every imported family is in the audit log; its notes are never shown there
        entries = AuditEntry.objects.filter(object_type="people.Family", actor=coordinator,
                                            action=AuditEntry.Action.CREATE)
        assert entries.count() == 2
        assert all("two children" not in str(entry.after) for entry in entries)


def test_training_attendance(org, member):
    from peercircle.training.models import Attendance, Course, CourseSession, Enrolment

    coordinator, *_ = world(org, member)
    with scopes_disabled():
        course = Course.objects.create(organisation=org, title="Школа наставников", minimum_hours=10)
        day = timezone.localdate() - datetime.timedelta(days=2)
        session = CourseSession.objects.create(organisation=org, course=course, topic="Границы",
                                               date=day, duration_minutes=120, format="in_person")
        people = [factories.VolunteerFactory(organisation=org, email=f"v{i}@example.org") for i in range(3)]
        for person in people[:2]:
            Enrolment.objects.create(organisation=org, course=course, volunteer=person, enrolled_on=day)
    content = ("Курс;Дата;Волонтёр\n"
               f"Школа наставников;{day:%d.%m.%Y};v0@example.org\n"
               f"Школа наставников;{day:%d.%m.%Y};V1@example.org\n"
               f"Школа наставников;{day:%d.%m.%Y};v2@example.org\n"
               f"Школа наставников;01.01.2020;v0@example.org\n").encode()
    run = upload_and_check(coordinator, org, content, name="att.csv", kind="attendance")
    assert (run.summary["valid"], run.summary["rejected"]) == (2, 2)
    with scope(organisation=org):
        services.import_commit(actor=coordinator, run=run)
        session.refresh_from_db()
        assert session.held and session.activity.anonymous_count == 2
        assert Attendance.objects.filter(session=session).count() == 2
    again = upload_and_check(coordinator, org, content, name="att.csv", kind="attendance")
    assert again.summary["skipped"] == 2


def test_engine_reads_xlsx_with_excel_dates(org, member, tmp_path):
    from openpyxl import Workbook

    coordinator, consultant, *_ = world(org, member)
    book = Workbook()
    book.active.append(["Дата", "Минут", "Формат", "Консультант"])
    book.active.append([datetime.datetime(2025, 3, 5), 45, "Онлайн", consultant.email])
    path = tmp_path / "x.xlsx"
    book.save(path)
    with scope(organisation=org):
        summary = run_import(organisation=org, actor=coordinator, kind="consultations", path=path,
                             name="x.xlsx", write=True, mapping={
                                 "date": "Дата", "duration_minutes": "Минут", "format": "Формат",
                                 "consultant": "Консультант"})
        assert summary.written == 1
        activity = Activity.objects.get()
    assert activity.format == "online" and activity.external_id.startswith("row:")



def test_an_interrupted_import_can_be_checked_and_imported_again(org, member, client_for):
    coordinator, consultant, *_ = world(org, member)
    run = interrupted(upload_and_check(coordinator, org, consultation_csv(_rows(consultant))),
                       coordinator, minutes_ago=20)
    assert run.stalled
    url = reverse("imports:detail", kwargs={"org": org.slug, "import_pk": run.pk})
    page = client_for(coordinator).get(url).content.decode()
    assert "the work was probably interrupted" in page and "Check every row" in page
    with scope(organisation=org):
        run = services.import_map(actor=coordinator, run=run, mapping=run.mapping)
        assert run.status == ImportRun.Status.CHECKED
        run = services.import_commit(actor=coordinator, run=run)
    assert run.status == ImportRun.Status.IMPORTED and run.summary["written"] == 2


def test_an_import_still_moving_cannot_be_started_twice(org, member, client_for):
    coordinator, consultant, *_ = world(org, member)
    run = interrupted(upload_and_check(coordinator, org, consultation_csv(_rows(consultant))),
                       coordinator, minutes_ago=2)
    assert not run.stalled
    url = reverse("imports:detail", kwargs={"org": org.slug, "import_pk": run.pk})
    page = client_for(coordinator).get(url).content.decode()
    assert "probably interrupted" not in page and "Check every row" not in page
    with scope(organisation=org), pytest.raises(ValidationError, match="already being imported"):
        services.import_map(actor=coordinator, run=run, mapping=run.mapping)


def test_a_renumbered_file_of_volunteers_imports_nobody_twice(org, member):
    """Issue 12 item 17: the "№" column is the file's row numbering, not the person: the same
    people with other numbers are recognised by their e-mail and left as they are."""
    coordinator, *_ = world(org, member)
    first = "№,ФИО,Почта\n1,Ольга Смирнова,olga@example.org\n2,Анна Петрова,anna@example.org\n"
    again = "№,ФИО,Почта\n7,Анна Петрова,ANNA@example.org\n8,Ольга Смирнова,olga@example.org\n"
    run = upload_and_check(coordinator, org, first.encode(), name="v.csv", kind="volunteers")
    assert run.mapping.get("external_id") == "№"
    with scope(organisation=org):
        services.import_commit(actor=coordinator, run=run)
    second = upload_and_check(coordinator, org, again.encode(), name="v2.csv", kind="volunteers")
    assert (second.summary["valid"], second.summary["skipped"]) == (0, 2)
    with scopes_disabled():
        assert Volunteer.objects.filter(organisation=org).count() == 2


def test_issue_12_item_17_an_error_names_the_row_and_the_values_allowed(org, member):
    """A coordinator reads which person a refused row is about and what the cell may hold, in
    their language, instead of "not one of the known values"."""
    coordinator, *_ = world(org, member)
    coordinator.language = "pl"
    coordinator.save(update_fields=["language"])
    content = ("Imię i nazwisko;E-mail;Etap;Formaty\n"
               "Anna Nowak;anna@example.org;ekspert;telefon\n"
               "Jan Wiśniewski;jan@example.org;aktywny;telepatia\n").encode()
    run = upload_and_check(coordinator, org, content, name="wolontariusze.csv", kind="volunteers")
    errors = {number: (who, messages) for number, who, messages in run.summary["errors"]}
    assert errors[2] == ("Anna Nowak · anna@example.org", [
        "Etap: „ekspert” nie należy do znanych wartości. Dozwolone: Zgłoszenie, Po rozmowie, "
        "W trakcie szkolenia, Aktywny, Wstrzymany, Odszedł."])
    assert errors[3][0] == "Jan Wiśniewski · jan@example.org"
    assert errors[3][1] == ["Formy pomocy: nieznane wartości: telepatia. Dozwolone: Osobiście, "
                            "Telefon, Online (wideo), Czat lub komunikator."]
