"""Demo data of the imports part (called by `peercircle demo_load`): a register of last month's
phone consultations that svet-kazan kept in a spreadsheet before PeerCircle, imported with the
same command an administrator would use (one row is rejected: a duration of 0 minutes)."""

import csv
import datetime
import io
import tempfile
from pathlib import Path

from django.core.management import call_command
from django_scopes import scope, scopes_disabled

ORGANISATION = "svet-kazan"


def load(organisations: dict, rnd, today) -> None:
    from peercircle.imports.models import ImportRun
    from peercircle.organisations.models import Membership

    org = organisations.get(ORGANISATION)
    if org is None:
        return
    with scopes_disabled():
        if ImportRun.objects.filter(organisation=org).exists():
            return
        consultants = list(Membership.objects.filter(organisation=org, role="volunteer", is_active=True)
                           .values_list("user__email", flat=True)[:4])
        coordinator = Membership.objects.filter(organisation=org, role="coordinator").first()
    if not consultants or coordinator is None:
        return
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["№", "Дата", "Длительность, мин", "Формат", "Консультант", "Регион", "Темы"])
    topics = ["Онкология", "ВИЧ", "Онкология; Психическое здоровье"]
    for number in range(1, 41):
        day = today - datetime.timedelta(days=rnd.randint(30, 60))
        writer.writerow([f"reg-{number}", day.strftime("%d.%m.%Y"), rnd.choice([30, 45, 60]),
                         rnd.choice(["Телефон", "Онлайн"]), rnd.choice(consultants),
                         "Республика Татарстан", rnd.choice(topics)])
    writer.writerow(["reg-41", today.strftime("%d.%m.%Y"), "0", "Телефон", consultants[0], "", ""])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "журнал-консультаций.csv"
        path.write_bytes(out.getvalue().encode("cp1251"))  # as Excel saves it on Windows
        with scope(organisation=org):
            call_command("import", "consultations", str(path), "--org", org.slug,
                         "--user", coordinator.user.email, "--map", "duration_minutes=Длительность, мин",
                         "--rejected", str(Path(tmp) / "rejected.csv"), stdout=io.StringIO())
