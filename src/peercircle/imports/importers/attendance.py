"""Attendance at training sessions from a spreadsheet."""


from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from peercircle.imports.importers.base import (
    Column,
    Importer,
)
from peercircle.imports.parsing import (
    cell_text,
)

# -- training attendance ------------------------------------------------------------------------


class AttendanceImporter(Importer):
    kind = "attendance"
    label = gettext_lazy("Training attendance")
    who_columns = ("volunteer", "session_date")
    columns = [
        Column("course", gettext_lazy("Course"), True, ("course", "курс", "kurs", "программа")),
        Column("session_date", gettext_lazy("Session date"), True, ("date", "дата", "data",
                                                                    "session date")),
        Column("volunteer", gettext_lazy("Volunteer's e-mail or external id"), True,
               ("volunteer", "e-mail", "email", "волонтёр", "волонтер", "wolontariusz")),
        Column("topic", gettext_lazy("Session topic"), False, ("topic", "тема", "temat")),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        from peercircle.training.models import Course, CourseSession, Enrolment

        self.courses = {c.title.strip().lower(): c for c in
                        Course.objects.filter(organisation=self.organisation)}
        self.sessions: dict[tuple, list] = {}
        for s in CourseSession.objects.filter(organisation=self.organisation):
            self.sessions.setdefault((s.course_id, s.date), []).append(s)
        self.enrolments: dict[tuple, object] = {}
        for e in Enrolment.objects.filter(organisation=self.organisation).select_related("volunteer"):
            for key in (e.volunteer.email.lower(), e.volunteer.external_id.lower()):
                if key:
                    self.enrolments[(e.course_id, key)] = e
        self.pending: dict[int, list] = {}

    def clean(self, row, raw):
        data = row.data
        title = self._required_text(row, "course", raw.get("course"))
        course = self.courses.get(title.lower()) if title else None
        if title and course is None:
            row.errors.append(_("There is no course called %(title)s.") % {"title": title[:80]})
        day = self._date(row, "session_date", raw.get("session_date"), required=True)
        who = self._required_text(row, "volunteer", raw.get("volunteer")).lower()
        session = enrolment = None
        if course and day:
            candidates = self.sessions.get((course.pk, day), [])
            topic = cell_text(raw.get("topic")).lower()
            if topic:
                candidates = [s for s in candidates if s.topic.strip().lower() == topic]
            if len(candidates) == 1:
                session = candidates[0]
            elif not candidates:
                row.errors.append(_("The course has no session on %(date)s.")
                                  % {"date": day.strftime("%d.%m.%Y")})
            else:
                row.errors.append(_("The course has several sessions that day: name the topic."))
        if course and who:
            enrolment = self.enrolments.get((course.pk, who))
            if enrolment is None:
                row.errors.append(_("%(who)s is not enrolled in this course.") % {"who": who[:80]})
        data["session"], data["enrolment"] = session, enrolment
        if session and enrolment:
            data["external_id"] = f"{session.pk}:{enrolment.pk}"
            self.remember(row, data["external_id"])

    def check_batch(self, rows):
        from peercircle.training.models import Attendance

        sessions = {r.data["session"].pk for r in rows if r.data.get("session")}
        existing = {f"{s}:{e}" for s, e in Attendance.objects.filter(session_id__in=sessions)
                    .values_list("session_id", "enrolment_id")}
        for row in rows:
            if row.errors or not row.data.get("session"):
                continue
            if row.data["external_id"] in existing:
                row.skipped = True
            elif row.data["session"].held:
                row.errors.append(_("This session's attendance is already recorded."))
            elif row.data["session"].date > self.today:
                row.errors.append(_("A session cannot be recorded before its date."))

    def write(self, rows):
        for row in rows:
            self.pending.setdefault(row.data["session"].pk, []).append(row)

    def finish(self):
        from peercircle.training.services import session_hold

        for rows in self.pending.values():
            session_hold(actor=self.actor, session=rows[0].data["session"],
                         present=[r.data["enrolment"] for r in rows])
            self.written += len(rows)
