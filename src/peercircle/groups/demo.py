"""Demo data of the clubs and groups part (called by `peercircle demo_load`).

ops-razem: self-help and social integration clubs in localities of Masovia (seed 004) with
groups, sessions, coalitions, the animator curriculum and good practice; teply-dom: three
district clubs of foster parents (seed 002); vmeste-samara: 15 community initiatives with 300
participants (seed 001).
"""

import datetime

from django.utils import translation
from django_scopes import scope

from peercircle.core.models import Format
from peercircle.groups import services
from peercircle.groups.models import Club, Initiative
from peercircle.organisations.models import Membership, Partner
from peercircle.organisations.roles import Role
from peercircle.people.models import Beneficiary

RAZEM_CLUBS = [
    ("Klub Samopomocy „Razem” w Latowiczu", Club.Kind.SELF_HELP, "Latowicz", True),
    ("Klub Integracji Społecznej w Stoczku", Club.Kind.SOCIAL_INTEGRATION, "Stoczek", True),
    ("Klub Samopomocy „Przystań” w Cegłowie", Club.Kind.SELF_HELP, "Cegłów", True),
    ("Klub Integracji Społecznej w Kałuszynie", Club.Kind.SOCIAL_INTEGRATION, "Kałuszyn", False),
    ("Klub Samopomocy w Mrozach", Club.Kind.SELF_HELP, "Mrozy", False),
]
RAZEM_GROUPS = [
    ("Grupa wsparcia dla osób bezrobotnych", "Powrót na rynek pracy", True, "Wtorki 17:00–18:30"),
    ("Grupa samopomocowa AA „Nadzieja”", "Trzeźwienie", False, "Czwartki 18:00–19:30"),
    ("Grupa rodziców dzieci z niepełnosprawnością", "Wsparcie rodziców", True,
     "Co drugą sobotę 10:00"),
    ("Klub seniora „Srebrny wiek”", "Samotność osób starszych", True, "Środy 11:00–13:00"),
]
RAZEM_PARTNERS = [
    ("Urząd Gminy", Partner.Role.STATE_INSTITUTION, "Współfinansuje działania klubu"),
    ("Parafia rzymskokatolicka", Partner.Role.OTHER, "Udostępnia salę na spotkania"),
    ("Szkoła Podstawowa", Partner.Role.OTHER, "Zajęcia dla dzieci uczestników"),
    ("Biblioteka Publiczna", Partner.Role.LIBRARY, "Miejsce spotkań grup i warsztatów"),
    ("Powiatowy Urząd Pracy", Partner.Role.STATE_INSTITUTION, "Doradztwo zawodowe"),
]
RAZEM_PRACTICES = [
    ("Koalicja lokalna zaczyna się od jednej sali",
     "Pierwsze spotkania grupy odbywały się w bibliotece. Dyrektorka biblioteki zaprosiła "
     "sołtysów i proboszcza, a po trzech miesiącach w gminie działała koalicja pięciu "
     "partnerów. Wniosek: zaczynajcie od instytucji, która już ma miejsce i zaufanie ludzi."),
    ("Animator uczy się przez działanie",
     "Nowi animatorzy prowadzą pierwsze spotkania w parze z doświadczonym animatorem. Po "
     "każdym spotkaniu 15 minut omówienia: co zadziałało, co zmienić. Po dwóch miesiącach "
     "prowadzą grupę samodzielnie."),
]
TEPLY_CLUBS = [
    ("Районный клуб замещающих семей «Вместе» (Сарапул)", "Сарапул"),
    ("Районный клуб замещающих семей «Родные люди» (Глазов)", "Глазов"),
    ("Районный клуб замещающих семей «Очаг» (Воткинск)", "Воткинск"),
]
TEPLY_GROUPS = [
    ("Группа поддержки замещающих родителей", "Кризис в семье, подростковый возраст", False,
     "По субботам, 11:00"),
    ("Подростковый клуб", "Досуг и общение подростков", True, "По пятницам, 16:00"),
    ("Спортивная группа родителей", "Активный отдых", True, "По воскресеньям, 10:00"),
]
TEPLY_COALITION = {
    Partner.Role.LIBRARY: "Место очных встреч, мастер-классы для участников",
    Partner.Role.CAMP: "Площадка для региональных мероприятий",
    Partner.Role.VOLUNTEER_CENTRE: "Помещение для групп самопомощи",
    Partner.Role.LEGAL_AID: "Бесплатные юридические консультации для семей",
}
SAMARA_INITIATIVES = [
    ("Школа пациента с ревматоидным артритом", "Тольятти"),
    ("Группа взаимной поддержки онкопациентов", "Самара"),
    ("Поддержка переселенцев с хроническими заболеваниями", "Белгород"),
    ("Клуб «Жизнь с диабетом»", "Пенза"),
    ("Онлайн-встречи родственников пациентов", "Саратов"),
    ("Скандинавская ходьба для пациентов", "Ульяновск"),
    ("Помощь беженцам в получении лекарств", "Курск"),
    ("Открытое пространство для молодых пациентов", "Воронеж"),
    ("Волонтёры-пациенты в больнице", "Оренбург"),
    ("Арт-терапевтическая мастерская", "Волгоград"),
    ("Горячая линия «Равный — равному»", "Ростов-на-Дону"),
    ("Школа ухода за близкими", "Краснодар"),
    ("Пациентский киноклуб", "Ставрополь"),
    ("Юридическая помощь пациентам в ТЖС", "Брянск"),
    ("Лекторий «Жизнь после диагноза»", "Астрахань"),
]
SAMARA_PARTICIPANTS = 300


def _volunteers(org) -> list:
    memberships = (Membership.objects.filter(organisation=org, is_active=True,
                                             role=Role.VOLUNTEER)
                   .select_related("user").order_by("user__email"))
    return [m.user for m in memberships]


def _coordinator(org):
    membership = (Membership.objects.filter(organisation=org, role=Role.COORDINATOR,
                                            is_active=True)
                  .select_related("user").order_by("user__email").first())
    return membership.user if membership else None


def _consenting(org) -> list:
    return list(Beneficiary.objects.filter(
        organisation=org, consents__purpose="data_processing",
        consents__withdrawn_on__isnull=True).distinct().order_by("code"))


def _partner(org, actor, name, role) -> Partner:
    from peercircle.organisations.services import partner_save

    return (Partner.objects.filter(organisation=org, name=name).first()
            or partner_save(actor=actor, organisation=org, data={"name": name, "role": role}))


# first names or nicknames by which the members of a demo group know one another
GROUP_NAMES = {"PL": ["Basia", "pani Zosia", "Marek", "Ela", "Janek", "Krysia"],
               "RU": ["Света", "Ольга Петровна", "Миша", "Лена", "Коля", "Таня"]}


def _sessions(group, providers, members, rnd, today) -> None:
    started = group.started_on
    for week in range(rnd.randint(6, 12)):
        date = started + datetime.timedelta(weeks=week)
        if date >= today:
            break
        present = [m for m in members if rnd.random() < 0.7]
        guests = rnd.randint(0, 4) if group.is_open else 0
        if not present and not guests:
            continue
        services.group_session_log(
            actor=rnd.choice(providers), group=group, date=date, duration_minutes=90,
            format=Format.IN_PERSON, present=present, anonymous_count=guests)


def _groups_in(club, specs, coordinator, animators, people, rnd, today) -> None:
    for name, topic, is_open, schedule in specs:
        mine = rnd.sample(animators, min(2, len(animators)))
        group = services.group_create(
            actor=coordinator, club=club, name=name, topic=topic, is_open=is_open,
            schedule=schedule, animators=mine,
            started_on=today - datetime.timedelta(days=rnd.randint(80, 150)))
        members = []
        for person in rnd.sample(people, min(len(people), rnd.randint(3, 6))):
            members.append(services.group_member_add(
                actor=coordinator, group=group, code=person.code, joined_on=group.started_on))
        names = GROUP_NAMES[club.organisation.country]
        for position, member in enumerate(members):  # the animator notes how the group calls them
            services.group_member_rename(actor=mine[0], member=member,
                                         known_as=names[position % len(names)])
        _sessions(group, mine, members, rnd, today)


def _curriculum(org, coordinator, animators, rnd, today) -> None:
    from peercircle.training import services as training
    from peercircle.training.selectors import hours_of
    from peercircle.volunteers.models import Volunteer

    with translation.override("pl"):
        curriculum = services.animator_curriculum_create(
            actor=coordinator, organisation=org, format=Format.IN_PERSON,
            starts_on=today - datetime.timedelta(weeks=10))
    course = curriculum.course
    enrolments = [training.enrol(actor=coordinator, course=course, volunteer=v)
                  for v in Volunteer.objects.filter(organisation=org, user__in=animators,
                                                    stage__in=["in_training", "active"])]
    for session in course.sessions.all():
        present = [e for e in enrolments if rnd.random() < 0.9]
        if present:
            training.session_hold(actor=coordinator, session=session, present=present)
    for enrolment in enrolments:
        if hours_of(enrolment) >= course.minimum_hours:
            training.enrolment_complete(actor=coordinator, enrolment=enrolment)


def _ops_razem(org, rnd, today) -> None:
    coordinator, animators = _coordinator(org), _volunteers(org)
    people = _consenting(org)
    partners = [_partner(org, coordinator, name, role) for name, role, _r in RAZEM_PARTNERS]
    for index, (name, kind, locality, joined) in enumerate(RAZEM_CLUBS):
        club = services.club_create(
            actor=coordinator, organisation=org, name=name, kind=kind, locality=locality,
            region=org.regions.first(), animators=rnd.sample(animators, 2),
            host=partners[3] if index == 0 else None,
            founded_on=today - datetime.timedelta(days=400 - 30 * index),
            joined_network_on=today - datetime.timedelta(days=200) if joined else None)
        coalition = list(zip(partners, RAZEM_PARTNERS, strict=True))
        for partner, (_n, _role, role_text) in rnd.sample(coalition, 3):
            services.coalition_partner_add(actor=coordinator, club=club, partner=partner,
                                           role=role_text, joined_on=club.founded_on)
        specs = RAZEM_GROUPS[index % 2::2] if index < 3 else RAZEM_GROUPS[index - 3:index - 2]
        _groups_in(club, specs, coordinator, animators, people, rnd, today)
    _curriculum(org, coordinator, animators, rnd, today)
    clubs = list(Club.objects.filter(organisation=org))
    for (title, text), club in zip(RAZEM_PRACTICES, clubs, strict=False):
        services.practice_share(actor=rnd.choice(animators), organisation=org, title=title,
                                text=text, club=club)


def _teply_dom(org, rnd, today) -> None:
    coordinator, animators = _coordinator(org), _volunteers(org)
    people = _consenting(org)
    partners = Partner.objects.filter(organisation=org, role__in=list(TEPLY_COALITION))
    for index, (name, locality) in enumerate(TEPLY_CLUBS):
        club = services.club_create(
            actor=coordinator, organisation=org, name=name, kind=Club.Kind.DISTRICT,
            locality=locality, region=org.regions.first(), animators=rnd.sample(animators, 2),
            founded_on=today - datetime.timedelta(days=300 - 40 * index))
        for partner in partners:
            services.coalition_partner_add(actor=coordinator, club=club, partner=partner,
                                           role=TEPLY_COALITION[partner.role],
                                           joined_on=club.founded_on)
        _groups_in(club, TEPLY_GROUPS[:1] if index else TEPLY_GROUPS, coordinator, animators,
                   people, rnd, today)
    services.practice_share(
        actor=coordinator, organisation=org, title="Как запустить районный клуб замещающих семей",
        text="Сначала — региональные встречи в районах, чтобы найти активных родителей. Затем "
             "руководитель клуба из числа родителей-волонтёров, помещение от ресурсного центра "
             "добровольчества и встречи по субботам. Через полгода клуб ведёт самостоятельную "
             "активность.", club=Club.objects.filter(organisation=org).first())


def _initiatives(org, rnd, today) -> None:
    coordinator, volunteers = _coordinator(org), _volunteers(org)
    people = _consenting(org)
    shares = [SAMARA_PARTICIPANTS // len(SAMARA_INITIATIVES)] * len(SAMARA_INITIATIVES)
    for _ in range(30):  # uneven, still 300 in all
        give, take = rnd.sample(range(len(shares)), 2)
        moved = min(rnd.randint(0, 5), shares[give] - 8)
        shares[give], shares[take] = shares[give] - moved, shares[take] + moved
    # within the project's year (reporting/demo.py): one initiative starts every two weeks
    first = today - datetime.timedelta(days=300)
    for index, ((title, locality), total) in enumerate(zip(SAMARA_INITIATIVES, shares, strict=True)):
        start = first + datetime.timedelta(days=14 * index)
        named = rnd.sample(people, min(len(people), rnd.randint(0, 3)))
        status = Initiative.Status.COMPLETED if index < 12 else Initiative.Status.RUNNING
        initiative = services.initiative_create(
            actor=coordinator, organisation=org, title=title, locality=locality, status=status,
            goal="Объединить пациентов для взаимной поддержки и решения их проблем.",
            starts_on=start, ends_on=start + datetime.timedelta(days=91) if index < 12 else None,
            team=rnd.sample(volunteers, 2), anonymous_participants=total - len(named),
            results="Встречи проходили раз в неделю; участники продолжают общение в чате."
            if index < 12 else "")
        for person in named:
            services.initiative_participant_add(actor=coordinator, initiative=initiative,
                                                code=person.code)


def load(organisations: dict, rnd, today) -> None:
    """Add this part's demo records to the demo organisations (slug -> Organisation)."""
    parts = {"ops-razem": _ops_razem, "teply-dom": _teply_dom, "vmeste-samara": _initiatives}
    for slug, part in parts.items():
        org = organisations.get(slug)
        if org is None:
            continue
        with scope(organisation=org):
            if (Club.objects.filter(organisation=org).exists()
                    or Initiative.objects.filter(organisation=org).exists()):
                continue  # already loaded
            part(org, rnd, today)

