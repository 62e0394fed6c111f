"""Demo data of the mentoring part (called by `peercircle demo_load`): seed 003, "One plus one".

The Angarsk family centre (angara-family) runs the programme with the NGO "Opora"
(opora-angarsk) as the party to every four-party agreement: 14 mentors (2 from the NGO,
12 active citizens, 3 of them peer mentors referred by the rehabilitation centre) for 23
families; 9 mentors continue, 5 completed; the seed's outcome counts. Everything is written
through the services, so the programme report reproduces the seed's table."""

import datetime

from django_scopes import scope

from peercircle.mentoring import services
from peercircle.mentoring.models import Mentor, MentoringProgramme, OutcomeType, Pair, PairEvent

OUTCOME_NAMES = {
    "child_returned": "Ребёнок возвращён в кровную семью",
    "dependence_overcome": "Родители преодолели алкогольную (наркотическую) зависимость",
    "relations_improved": "Улучшились детско-родительские отношения",
    "official_employment": "Родители трудоустроились официально",
    "housing_improved": "Улучшились жилищно-бытовые условия",
    "no_positive_dynamics": "Отсутствует положительная динамика",
    "child_in_state_care": "Дети помещены в государственное учреждение",
}
TEMPLATE = {
    "title": "Четырёхстороннее соглашение о наставничестве",
    "programme_rules": "Наставник следует правилам и принципам программы «Один плюс один», "
                       "встречается с семьёй с оговорённой частотой, участвует во встречах "
                       "с куратором семьи и в мониторинге отношений раз в полгода.",
    "confidentiality": "Всё, что наставник узнаёт о семье, конфиденциально и обсуждается "
                       "только с куратором семьи и специалистами программы.",
}
MENTOR_NAMES = ["Галина Соколова", "Наталья Белова", "Оксана Громова", "Вера Лапина",
                "Людмила Зайцева", "Татьяна Киселёва", "Юлия Макарова", "Светлана Орлова"]


def load(organisations: dict, rnd, today) -> None:
    org, ngo = organisations.get("angara-family"), organisations.get("opora-angarsk")
    if org is None or ngo is None:
        return
    with scope(organisation=org):
        if MentoringProgramme.objects.filter(organisation=org).exists():
            return  # already loaded
        _load(org, ngo, rnd, today)


def _days(today, days: int) -> datetime.date:
    return today - datetime.timedelta(days=days)


def _team(org):
    from peercircle.organisations.models import Membership

    members = Membership.objects.filter(organisation=org, is_active=True).select_related("user")
    by_role = {}
    for membership in members.order_by("pk"):
        by_role.setdefault(membership.role, []).append(membership.user)
    return by_role


def _load(org, ngo, rnd, today) -> None:
    from peercircle.organisations.models import Partner
    from peercircle.training.models import Course

    team = _team(org)
    coordinator, curators = team["coordinator"][0], team.get("supervisor", []) + team["staff"]
    programme = services.programme_ensure(actor=coordinator, organisation=org,
                                          outcome_names=OUTCOME_NAMES, template_texts=TEMPLATE)
    school = Course.objects.filter(organisation=org).first()
    services.programme_update(actor=coordinator, programme=programme, ngo=ngo, school=school,
                              name="Наставничество «Один плюс один»")
    rehab = Partner.objects.filter(organisation=org, role=Partner.Role.REHAB_CENTRE).first()
    mentors = _mentors(org, coordinator, programme, rehab, today)
    pairs, negative = _pairs(org, coordinator, curators, ngo, mentors, rnd, today)
    _curation(pairs, curators, coordinator, rnd, today)
    _outcomes(programme, pairs, negative, curators[0], today)
    _club(org, coordinator, mentors, today)


def _mentors(org, coordinator, programme, rehab, today) -> list[Mentor]:
    """Six active volunteers with accounts and eight who applied through the mentor form."""
    from peercircle.training import services as training
    from peercircle.volunteers.models import Screening, Stage, Volunteer
    from peercircle.volunteers.services import volunteer_screen

    records = list(Volunteer.objects.filter(organisation=org, user__isnull=False)[:6])
    mentors = [services.mentor_register(actor=coordinator, organisation=org, volunteer=v,
                                        source=Mentor.Source.NGO) for v in records]
    sources = [Mentor.Source.WEB_PAGE, Mentor.Source.MEDIA, Mentor.Source.WEB_PAGE,
               Mentor.Source.MEDIA, Mentor.Source.NGO, Mentor.Source.REHAB_CENTRE,
               Mentor.Source.REHAB_CENTRE, Mentor.Source.REHAB_CENTRE]
    for index, (name, source) in enumerate(zip(MENTOR_NAMES, sources, strict=True)):
        mentor = services.mentor_apply(
            organisation=org, full_name=name, email=f"mentor{index}.angara@demo.peercircle.org",
            motivation="Хочу поддержать семью, которая оказалась в трудной ситуации.",
            source=source, is_peer_mentor=source == Mentor.Source.REHAB_CENTRE)
        mentor.volunteer.history.update(changed_on=_days(today, 800))
        volunteer_screen(actor=coordinator, volunteer=mentor.volunteer,
                         interviewed_on=_days(today, 790), decision=Screening.Decision.ACCEPT)
        mentors.append(mentor)
    for index, mentor in enumerate(mentors):
        peer = mentor.is_peer_mentor
        services.mentor_update(
            actor=coordinator, mentor=mentor, is_peer_mentor=peer,
            origin=Mentor.Origin.NGO_REPRESENTATIVE if index < 2 else Mentor.Origin.ACTIVE_CITIZEN,
            referred_by=rehab if peer else None,
            experience="Прошла полный курс реабилитации, трезвость более двух лет." if peer
            else "Воспитала троих детей.")
        services.mentor_diagnose(actor=coordinator, mentor=mentor,
                                 diagnostic_on=_days(today, 785),
                                 diagnostic_result=Mentor.Diagnostic.SUITABLE,
                                 diagnostic_notes="Диагностический пакет пройден.")
    school = programme.school
    enrolments = []
    for mentor in mentors:
        enrolment = school.enrolments.filter(volunteer=mentor.volunteer).first()
        if enrolment is None and mentor.volunteer.stage in (Stage.SCREENED, Stage.ACTIVE):
            enrolment = training.enrol(actor=coordinator, course=school,
                                       volunteer=mentor.volunteer)
        enrolments.append(enrolment)
    for day in range(4):
        session = training.session_plan(actor=coordinator, course=school,
                                        topic=f"Школа наставников, первый набор: {day + 1}",
                                        date=_days(today, 770 - 7 * day), duration_minutes=180,
                                        format="in_person")
        training.session_hold(actor=coordinator, session=session,
                              present=[e for e in enrolments if e is not None])
    for enrolment in enrolments:  # the school's 12 hours done: marked completed, as on its page
        if enrolment is not None and enrolment.completed_on is None:
            training.enrolment_complete(actor=coordinator, enrolment=enrolment)
    for mentor in mentors:
        services.mentor_admit(actor=coordinator, mentor=mentor, admitted_on=_days(today, 740))
    return mentors


def _new_family(org, coordinator, index: int, rnd, today):
    from peercircle.people import services as people

    family = people.family_create(actor=coordinator, organisation=org, code=f"F-{index:03d}",
                                  region=org.regions.first(),
                                  notes="Семья в трудной жизненной ситуации.")
    parent = people.beneficiary_create(actor=coordinator, organisation=org,
                                       birth_year=rnd.randint(1980, 1995), gender="female",
                                       region=org.regions.first())
    people.consent_give(actor=coordinator, beneficiary=parent, purpose="data_processing",
                        given_on=_days(today, 760), method="signed_paper",
                        given_by="законный представитель")
    people.family_member_add(actor=coordinator, family=family, beneficiary=parent,
                             relation="parent", is_legal_representative=True)
    for _ in range(2):
        child = people.beneficiary_create(actor=coordinator, organisation=org,
                                          birth_year=rnd.randint(2010, 2020))
        people.family_member_add(actor=coordinator, family=family, beneficiary=child,
                                 relation="child")
    return family


def _families(org, coordinator, curators, rnd, today) -> list:
    from peercircle.people.models import Family

    families = [f for f in Family.objects.filter(organisation=org)
                if f.members.filter(is_legal_representative=True).exists()]
    index = Family.objects.filter(organisation=org).count()
    while len(families) < 23:
        index += 1
        families.append(_new_family(org, coordinator, index, rnd, today))
    return [services.family_enrol(
        actor=coordinator, organisation=org, family=family,
        reason="social_risk" if position % 3 else "difficult_situation",
        curator=curators[position % len(curators)], referred_on=_days(today, 750))
        for position, family in enumerate(families[:23])]


def _agree(coordinator, pair, ngo, starts_on):
    from peercircle.mentoring.models import AgreementTemplate
    from peercircle.mentoring.selectors import legal_representatives

    return services.agreement_conclude(
        actor=coordinator, pair=pair, ngo=ngo, starts_on=starts_on,
        legal_representative=legal_representatives(pair.family.family).first(),
        template=AgreementTemplate.objects.filter(organisation=pair.organisation).first(),
        meeting_frequency="weekly")


def _pairs(org, coordinator, curators, ngo, mentors, rnd, today):
    """5 mentors completed two pairs each; 9 continue (3 with two families, 6 with one); one
    pair ended early with negative dynamics."""
    mentees = iter(_families(org, coordinator, curators, rnd, today))
    completed_mentors, ongoing_mentors = mentors[9:], mentors[:9]
    pairs = []
    for mentor in completed_mentors:
        for _ in range(2):
            pair = services.pair_match(actor=coordinator, mentor=mentor, family=next(mentees),
                                       matched_on=_days(today, 700))
            _agree(coordinator, pair, ngo, _days(today, 695))
            services.pair_event_log(actor=curators[0], pair=pair, kind=PairEvent.Kind.HOME_VISIT,
                                    date=_days(today, 600))
            services.pair_close(actor=coordinator, pair=pair, status=Pair.Status.COMPLETED,
                                closed_on=_days(today, 380),
                                closure_reason="Ситуация в семье стабильна.")
            pairs.append(pair)
    for index, mentor in enumerate(ongoing_mentors):
        for number in range(2 if index < 3 else 1):
            started = 350 if index == 0 and number == 0 else rnd.randint(60, 300)
            pair = services.pair_match(actor=coordinator, mentor=mentor, family=next(mentees),
                                       matched_on=_days(today, started),
                                       match_notes="Тот же район, есть опыт воспитания детей.")
            _agree(coordinator, pair, ngo, _days(today, started))
            pairs.append(pair)
    negative = services.pair_match(actor=coordinator, mentor=ongoing_mentors[8],
                                   family=next(mentees), matched_on=_days(today, 330))
    _agree(coordinator, negative, ngo, _days(today, 330))
    services.pair_close(actor=coordinator, pair=negative, status=Pair.Status.ENDED_EARLY,
                        closed_on=_days(today, 120),
                        closure_reason="Нет положительной динамики, дети помещены в учреждение.")
    return pairs, negative


def _curation(pairs, curators, coordinator, rnd, today) -> None:
    """Mentor meetings, home visits and meetings with mentors on the continuing pairs; some are
    left overdue so that the curators' home pages show them."""
    for number, pair in enumerate(p for p in pairs if p.is_open):
        mentor_user = pair.mentor.volunteer.user
        for weeks in range(1, 5):
            services.pair_event_log(actor=mentor_user or coordinator, pair=pair,
                                    kind=PairEvent.Kind.MENTOR_MEETING,
                                    date=_days(today, 7 * weeks), duration_minutes=90)
        curator = pair.family.curator
        visit = 10 if number % 3 else 45  # every third family waits for its visit
        services.pair_event_log(actor=curator, pair=pair, kind=PairEvent.Kind.HOME_VISIT,
                                date=_days(today, visit), notes="Патронаж, условия проживания.")
        services.pair_event_log(actor=curator, pair=pair, kind=PairEvent.Kind.CURATOR_MEETING,
                                date=_days(today, rnd.randint(5, 40)))
        if number % 2 == 0:
            services.monitoring_record(
                actor=curator, pair=pair, date=_days(today, rnd.randint(5, 30)),
                meetings="as_agreed", mentor_rating=3, family_rating=4,
                mentor_view="Семья открыта к общению.", family_view="Наставник помогает.",
                goals_progress="Мама устроилась на работу, дети посещают школу.")
            services.pair_event_log(actor=coordinator, pair=pair,
                                    kind=PairEvent.Kind.CASE_COUNCIL,
                                    date=_days(today, rnd.randint(5, 30)), mentor_invited=True)


def _outcome(programme, pair, code, curator, date, people=()):
    outcome_type = OutcomeType.objects.get(programme=programme, code=code)
    services.outcome_record(actor=curator, pair=pair, type=outcome_type, date=date,
                            beneficiaries=people)


def _outcomes(programme, pairs, negative, curator, today) -> None:
    children = [list(p.family.family.members.filter(relation="child")
                     .values_list("beneficiary", flat=True)) for p in pairs]
    from peercircle.people.models import Beneficiary

    most_children = sorted(zip(pairs, children, strict=True), key=lambda item: -len(item[1]))
    for (pair, kids), count in zip(most_children[:6], (2, 2, 2, 1, 1, 1), strict=True):
        people = Beneficiary.objects.filter(pk__in=kids[:count])
        _outcome(programme, pair, "child_returned", curator, _days(today, 30), people)
    for code, count, offset in (("dependence_overcome", 9, 0), ("relations_improved", 4, 9),
                                ("official_employment", 5, 13), ("housing_improved", 5, 17)):
        for pair in pairs[offset:offset + count]:
            _outcome(programme, pair, code, curator, _days(today, 20))
    _outcome(programme, negative, "no_positive_dynamics", curator, _days(today, 125))
    _outcome(programme, negative, "child_in_state_care", curator, _days(today, 121))


def _club(org, coordinator, mentors, today) -> None:
    for months, topic in ((3, "Как не выгореть наставнику"), (2, "Границы в отношениях с "
                                                                 "семьёй"),
                          (1, "Разбор трудных ситуаций")):
        services.club_meeting_record(actor=coordinator, organisation=org,
                                     date=_days(today, 30 * months), topic=topic,
                                     attendees=mentors[: 6 + months])
