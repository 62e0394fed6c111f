"""Demo data of the events part (called by `peercircle demo_load`): the events of seeds 000, 001
and 002 with registrations, attendance and feedback, and seed 001's 10-item calendar plan."""

import datetime

from django.utils import timezone
from django_scopes import scope

from peercircle.events import services
from peercircle.events.models import CalendarPlan, Event, Registration
from peercircle.organisations.models import Membership, Organisation, Partner
from peercircle.organisations.roles import Role

# Seed 001, "Patients' team in action": (title, content, start month/day, end month/day).
PLAN_001 = [
    ("Выездной 3-хдневный семинар-тренинг «Поддерживающее консультирование в деятельности "
     "пациентской организации»", "Для руководителей и лидеров пациентских НКО: технология "
     "системного консультирования, активное слушание, саморегуляция.", (3, 1), (4, 30)),
    ("Консультации для пациентов своих территорий", "Каждый участник обучения проводит не менее "
     "20 консультаций по методике поддерживающего консультирования.", (4, 1), (6, 30)),
    ("3 вебинара по поддерживающему консультированию", "Темы определятся на выездном тренинге.",
     (5, 1), (6, 30)),
    ("Онлайн круглый стол по итогам направления «Поддерживающее консультирование»", "",
     (7, 1), (7, 31)),
    ("Выездной 3-хдневный семинар-тренинг «Активизация пациентских сообществ и построение "
     "комьюнити»", "Приглашаются по 2 человека от НКО.", (8, 1), (9, 15)),
    ("Онлайн площадки «Open Space» для поддержания комьюнити пациентов",
     "Не менее 3-х дискуссий; темы — по потребностям пациентов.", (9, 15), (11, 30)),
    ("Практика построения комьюнити и реализация проектных инициатив в регионах",
     "Каждая пара обученных представителей НКО реализует 1 инициативу.", (9, 15), (12, 15)),
    ("3 вебинара по построению комьюнити", "Мотивация участников комьюнити; работа с группой; "
     "построение комьюнити в онлайн пространстве.", (10, 1), (11, 30)),
    ("Представление результатов на Всероссийском конгрессе пациентов", "", (11, 25), (12, 5)),
    ("Онлайн круглый стол по итогам реализации проектных инициатив", "Эффективность технологии "
     "построения комьюнити пациентов, проблемы и пути их решения.", (12, 1), (12, 15)),
]

GUEST_FIRST = ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Ирина", "Светлана", "Татьяна",
               "Алексей", "Сергей", "Дмитрий", "Андрей", "Павел", "Юлия", "Ксения", "Виктория"]
GUEST_LAST = ["Соколова", "Лебедева", "Новикова", "Морозова", "Волкова", "Зайцева", "Павлова",
              "Семёнова", "Голубева", "Виноградова", "Богданова", "Воробьёва"]
GUEST_MEN = {"Алексей", "Сергей", "Дмитрий", "Андрей", "Павел"}
COMMENTS = ["Очень полезно, спасибо за практику!", "Хотелось бы больше времени на разбор случаев.",
            "Понравился формат, приду ещё.", "", "", "Спасибо ведущим за бережную атмосферу."]


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _coordinator(org: Organisation):
    membership = (Membership.objects.filter(organisation=org, is_active=True,
                                            role__in=[Role.COORDINATOR, Role.NETWORK_COORDINATOR])
                  .select_related("user").order_by("id").first())
    return membership.user if membership else None


def _team(org: Organisation) -> list:
    return [m.user for m in Membership.objects.filter(organisation=org, is_active=True)
            .select_related("user").order_by("id")]


def _event(actor, org, rnd, today, *, title, kind, day, hours=2, days=1, venue="", online=False,
           capacity=None, audience=Event.Audience.PUBLIC, public=True, registrants=0,
           plan_item=None, partners=(), co_organisations=(), attend=0.8, team=(),
           minutes_per_day=None, sessions=()):
    starts = _at(day, 11 if online else 10)
    ends = (starts + datetime.timedelta(hours=hours) if days == 1
            else _at(day + datetime.timedelta(days=days - 1), 17))
    event = services.event_create(
        actor=actor, organisation=org, title=title, kind=kind, starts_at=starts, ends_at=ends,
        venue=venue, online_url="https://meet.example.org/" + org.slug if online else "",
        capacity=capacity, audience=audience, is_public=public, plan_item=plan_item,
        partners=list(partners), co_organisations=list(co_organisations),
        minutes_per_day=minutes_per_day, organisers=[actor])
    for session_title, offset, length, speakers in sessions:
        session_start = starts + datetime.timedelta(minutes=offset)
        services.session_add(actor=actor, event=event, title=session_title,
                             starts_at=session_start,
                             ends_at=session_start + datetime.timedelta(minutes=length),
                             speakers=speakers)
    people = [(u.full_name, u.email, u) for u in team]
    n = 0
    while len(people) < registrants:
        n += 1
        first, last = rnd.choice(GUEST_FIRST), rnd.choice(GUEST_LAST)
        if first in GUEST_MEN:  # the surname agrees with the name: Алексей Соколов
            last = last[:-1]
        people.append((f"{first} {last}",
                       f"{org.slug}.guest{n}.{event.pk}@example.org", None))
    registrations = []
    for full_name, email, account in people[:registrants]:
        # team members registered themselves while signed in: their feeds show it
        registrations.append(services.registration_create(
            event=event, full_name=full_name, email=email, language="ru", actor=actor,
            join_waiting_list=True, notify=False, user=account))
    if event.is_over:
        confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
        for day_of_event in event.days():
            came = [registration for registration in confirmed if rnd.random() < attend]
            services.attendance_mark(actor=actor, event=event, day=day_of_event,
                                     registrations=came, present=True)
        for registration in confirmed[: len(confirmed) // 2]:
            services.feedback_give(registration=registration, rating=rnd.choice([4, 5, 5, 5, 3]),
                                   usefulness=rnd.choice([4, 5, 4, 3, 5]),
                                   comment=rnd.choice(COMMENTS))
    elif registrations and capacity:
        # someone changed their mind: the first person waiting moves up
        services.registration_cancel(registration=registrations[1], actor=actor,
                                     notify=False)
    return event


def _plan_001(org, actor, rnd, today):
    year = today.year if today.month >= 3 else today.year - 1
    plan = services.plan_create(actor=actor, organisation=org,
                                title="КПД НКО: команда пациентов в действии",
                                description="Календарный план проекта: 30 регионов, 60 лидеров "
                                            "из 45 пациентских НКО.")
    items = []
    team = _team(org)
    for number, (title, content, start, end) in enumerate(PLAN_001, start=1):
        starts_on = datetime.date(year, *start)
        ends_on = datetime.date(year, *end)
        if ends_on < today:
            status = "done"
        elif starts_on <= today:
            status = "in_progress"
        else:
            status = "planned"
        if number == 6 and ends_on < today:
            status = "in_progress"  # the third Open Space discussion is still to be held
        items.append(services.plan_item_add(
            actor=actor, plan=plan, title=title, content=content, starts_on=starts_on,
            ends_on=ends_on, status=status, responsible=team[number % min(3, len(team))],
            number=number))
    return items


def _vmeste_samara(org, rnd, today):
    actor = _coordinator(org)
    items = _plan_001(org, actor, rnd, today)
    team = _team(org)[3:]
    leaders = Event.Audience.LEADERS
    first = items[0].starts_on + datetime.timedelta(days=20)
    _event(actor, org, rnd, today, title="Поддерживающее консультирование в деятельности "
           "пациентской организации", kind=Event.Kind.SEMINAR, day=first, days=3,
           venue="Самарская область, загородный комплекс «Жигули»", capacity=30,
           audience=leaders, public=False, registrants=30, plan_item=items[0],
           minutes_per_day=420, attend=0.9)
    for index, topic in enumerate(["Границы консультанта", "Трудные вопросы пациентов",
                                   "Саморегуляция и профилактика выгорания"]):
        _event(actor, org, rnd, today, title=f"Вебинар: {topic}", kind=Event.Kind.WEBINAR,
               day=items[2].starts_on + datetime.timedelta(days=14 * index + 5), online=True,
               audience=leaders, registrants=rnd.randint(18, 28), plan_item=items[2],
               team=team[:2])
    _event(actor, org, rnd, today, title="Онлайн круглый стол «Поддерживающее "
           "консультирование: итоги»", kind=Event.Kind.ROUND_TABLE,
           day=items[3].starts_on + datetime.timedelta(days=20), online=True, hours=3,
           audience=leaders, registrants=35, plan_item=items[3])
    _event(actor, org, rnd, today, title="Активизация пациентских сообществ и построение "
           "комьюнити", kind=Event.Kind.SEMINAR, day=items[4].starts_on + datetime.timedelta(
               days=25), days=3, venue="Самара, ул. Молодогвардейская, 33", capacity=30,
           audience=leaders, public=False, registrants=30, plan_item=items[4],
           minutes_per_day=420)
    for index in range(3):
        day = items[5].starts_on + datetime.timedelta(days=30 * index + 10)
        _event(actor, org, rnd, today, title=f"Open Space: дискуссия {index + 1}",
               kind=Event.Kind.OPEN_SPACE, day=day, online=True, hours=2,
               registrants=rnd.randint(15, 25), plan_item=items[5], capacity=40)
    _event(actor, org, rnd, today, title="Онлайн круглый стол по итогам проектных инициатив",
           kind=Event.Kind.ROUND_TABLE, day=max(items[9].starts_on, today)
           + datetime.timedelta(days=7), online=True, hours=3, capacity=20,
           registrants=23, plan_item=items[9], team=team[:1])


def _ryadom(org, rnd, today):
    actor = _coordinator(org)
    team = _team(org)[3:]
    experts = list(Partner.objects.filter(organisation=org, role=Partner.Role.EXPERT))
    members = list(Organisation.objects.filter(network=org.network).exclude(pk=org.pk)
                   .filter(slug__in=["svet-kazan", "pozitiv-ural"]))
    _event(actor, org, rnd, today, title="Вебинар «Профилактика эмоционального выгорания "
           "равных консультантов»", kind=Event.Kind.WEBINAR,
           day=today - datetime.timedelta(days=21), online=True, hours=2,
           audience=Event.Audience.VOLUNTEERS, registrants=40, partners=experts[:1],
           team=team[:3])
    _event(actor, org, rnd, today, title="Мастермайнд руководителей служб равного "
           "консультирования", kind=Event.Kind.MASTERMIND, day=today + datetime.timedelta(
               days=6), online=True, hours=3, capacity=12, audience=Event.Audience.LEADERS,
           registrants=15)
    _event(actor, org, rnd, today, title="Встреча сообщества: как внедрить этический кодекс",
           kind=Event.Kind.OPEN_SPACE, day=today - datetime.timedelta(days=9), online=True,
           hours=2, audience=Event.Audience.LEADERS, registrants=24,
           co_organisations=members[:1])
    fest_day = today + datetime.timedelta(days=30)
    _event(actor, org, rnd, today, title="Фестиваль-конференция «РавныйФест»",
           kind=Event.Kind.FESTIVAL, day=fest_day, hours=8, capacity=200,
           venue="Москва, Центр социальных инициатив, ул. Шумкина, 3", registrants=60,
           partners=experts, co_organisations=members, team=team[:4],
           sessions=[("Открытие: равные — равным", 0, 45, "Марина Орлова"),
                     ("Базовые компетенции равного консультанта", 60, 90, "Ассоциация «Е.В.А.»"),
                     ("Этика равного консультирования: разбор дилемм", 180, 90,
                      "Фонд «Александра»"),
                     ("Открытый микрофон: истории служб", 300, 120, "")])


def _teply_dom(org, rnd, today):
    actor = _coordinator(org)
    team = _team(org)[3:]
    library = Partner.objects.filter(organisation=org, role=Partner.Role.LIBRARY).first()
    centre = Partner.objects.filter(organisation=org, role=Partner.Role.VOLUNTEER_CENTRE).first()
    for offset, town in ((-40, "Воткинск"), (-26, "Сарапул"), (-12, "Глазов")):
        _event(actor, org, rnd, today, title=f"Районная встреча замещающих семей: {town}",
               kind=Event.Kind.DISTRICT_MEETING, day=today + datetime.timedelta(days=offset),
               hours=3, venue=f"{town}, центральная библиотека", audience=Event.Audience.PUBLIC,
               registrants=rnd.randint(12, 20), partners=[library] if library else [])
    _event(actor, org, rnd, today, title="Клуб замещающих родителей «Тёплый дом»",
           kind=Event.Kind.CLUB_MEETING, day=today + datetime.timedelta(days=3), hours=2,
           venue="Ижевск, Ресурсный центр добровольчества", capacity=15,
           audience=Event.Audience.PUBLIC, registrants=16, team=team[:2],
           partners=[centre] if centre else [])
    _event(actor, org, rnd, today, title="Группа поддержки для волонтёров-родителей",
           kind=Event.Kind.CLUB_MEETING, day=today, hours=2, venue="Ижевск, ул. Пушкинская, 1",
           audience=Event.Audience.VOLUNTEERS, public=False, registrants=6, team=team)


def load(organisations: dict, rnd, today) -> None:
    """Add this part's demo records to the demo organisations (slug -> Organisation)."""
    for slug, builder in (("vmeste-samara", _vmeste_samara), ("ryadom", _ryadom),
                          ("teply-dom", _teply_dom)):
        org = organisations.get(slug)
        if org is None:
            continue
        with scope(organisation=org):
            if Event.objects.filter(organisation=org).exists() or \
                    CalendarPlan.objects.filter(organisation=org).exists():
                continue  # already loaded
            if _coordinator(org) is None:
                continue
            builder(org, rnd, today)
