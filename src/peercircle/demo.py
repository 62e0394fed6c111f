"""A demo network that recreates the five seed programmes with invented people.

Everything is written through the services, so the demo also exercises consent and audit.
"""

import datetime
import functools
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_scopes import scope

from peercircle.core import services as core_services
from peercircle.core.models import Activity, Format, HelpArea, Programme, Region
from peercircle.core.services import activity_record
from peercircle.events import demo as events_demo
from peercircle.groups import demo as groups_demo
from peercircle.imports import demo as imports_demo
from peercircle.mentoring import demo as mentoring_demo
from peercircle.organisations.models import Membership, Organisation, Partner
from peercircle.organisations.roles import Role, VolunteerKind
from peercircle.people import services as people
from peercircle.reporting import demo as reporting_demo
from peercircle.volunteers import services as volunteers
from peercircle.volunteers.models import Screening, Stage

DEMO_PASSWORD = "peercircle-demo"
DEMO_DOMAIN = "demo.peercircle.org"

RU_FIRST = ["Анна", "Мария", "Елена", "Ольга", "Наталья", "Ирина", "Светлана", "Татьяна",
            "Алексей", "Сергей", "Дмитрий", "Андрей", "Павел", "Юлия", "Ксения", "Виктория"]
RU_LAST = ["Соколова", "Лебедева", "Новикова", "Морозова", "Волкова", "Зайцева", "Павлова",
           "Семёнова", "Голубева", "Виноградова", "Богданова", "Воробьёва"]
PL_FIRST = ["Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Piotr", "Tomasz",
            "Krzysztof", "Joanna", "Magdalena", "Marek"]
PL_LAST = ["Nowak", "Wójcik", "Kowalczyk", "Kamińska", "Lewandowska", "Zielińska", "Szymańska",
           "Woźniak", "Dąbrowska", "Kozłowska"]

# slug, name, kind, city, region codes, help areas, languages, formats, network role
ORGANISATIONS = [
    ("ryadom", "АНО «Рядом» — центр поддержки равных консультантов", Organisation.Kind.NGO,
     "Москва", ["ru-mow", "ru-mos"], ["perinatal-loss", "bereavement", "mental-health"],
     ["ru"], ["online", "phone", "chat"], "hub"),
    ("svet-kazan", "Ассоциация пациентов «Свет»", Organisation.Kind.NGO, "Казань",
     ["ru-ta"], ["oncology", "chronic-illness"], ["ru", "tt"], ["in_person", "phone"], "member"),
    ("pozitiv-ural", "Фонд «Позитивный Урал»", Organisation.Kind.NGO, "Екатеринбург",
     ["ru-sve"], ["hiv", "hepatitis", "addiction"], ["ru"], ["in_person", "online", "chat"],
     "member"),
    ("vmeste-samara", "Ресурсный центр пациентских НКО «Вместе»",
     Organisation.Kind.RESOURCE_CENTRE, "Самара", ["ru-sam"],
     ["oncology", "rheumatology", "chronic-illness"], ["ru"], ["in_person", "online"], "member"),
    ("teply-dom", "«Тёплый дом» — сообщество замещающих семей", Organisation.Kind.NGO,
     "Ижевск", ["ru-ud"], ["foster-family", "family-crisis"], ["ru", "udm"],
     ["in_person", "online", "phone"], "member"),
    ("angara-family", "Центр семьи «Ангара»", Organisation.Kind.FAMILY_CENTRE, "Ангарск",
     ["ru-irk"], ["family-crisis", "addiction"], ["ru"], ["in_person", "phone"], None),
    ("opora-angarsk", "АНО «Опора»", Organisation.Kind.NGO, "Ангарск", ["ru-irk"],
     ["family-crisis", "addiction"], ["ru"], ["in_person"], None),
    ("ops-razem", "Gminny Ośrodek Pomocy Społecznej „Razem”",
     Organisation.Kind.SOCIAL_ASSISTANCE, "Mińsk Mazowiecki", ["pl-14"],
     ["social-isolation", "unemployment", "addiction"], ["pl"], ["in_person"], None),
]

# Seed 001: each trained consultant gives at least 20 consultations.
TARGETS = {"vmeste-samara": 20}

ETHICS_CODE = """1. Мы уважаем достоинство и выбор каждого человека.
2. Мы храним конфиденциальность: всё, что рассказано на консультации, остаётся между нами.
3. Мы делимся своим опытом, а не даём советов и не ставим диагнозов.
4. Мы знаем границы равной помощи и вовремя передаём человека специалисту.
5. Мы заботимся о себе, чтобы помогать другим."""

COMPETENCIES = """Базовые компетенции равного консультанта:
1. Осознанное использование личного опыта.
2. Активное слушание и поддерживающая беседа.
3. Соблюдение границ и этики.
4. Распознавание кризиса и маршрутизация к специалистам.
5. Забота о собственном благополучии и участие в супервизии."""

PROGRAMMES = {
    "ryadom": [("Служба равного консультирования «Рядом»", Programme.Kind.PEER_CONSULTING),
               ("Поддержка НКО сети «Равные рядом»", Programme.Kind.NETWORK)],
    "svet-kazan": [("Равное консультирование пациентов", Programme.Kind.PEER_CONSULTING)],
    "pozitiv-ural": [("Равное консультирование «Позитив»", Programme.Kind.PEER_CONSULTING)],
    "vmeste-samara": [("«Команда пациентов в действии»", Programme.Kind.PEER_CONSULTING)],
    "teply-dom": [("Сообщество замещающих родителей", Programme.Kind.FAMILY_SUPPORT)],
    "angara-family": [("Наставничество «Один плюс один»", Programme.Kind.MENTORING)],
    "opora-angarsk": [("Наставничество «Один плюс один»", Programme.Kind.MENTORING)],
    "ops-razem": [("Kluby Samopomocy i Integracji Społecznej", Programme.Kind.SELF_HELP)],
}

PARTNERS = {
    "teply-dom": [("Республиканская детская библиотека", Partner.Role.LIBRARY),
                  ("Лагерь «Солнечный»", Partner.Role.CAMP),
                  ("Центр бесплатной юридической помощи", Partner.Role.LEGAL_AID),
                  ("Ресурсный центр добровольчества", Partner.Role.VOLUNTEER_CENTRE)],
    "angara-family": [("АНО «Опора»", Partner.Role.OTHER),
                      ("Реабилитационный центр «Перекрёсток»", Partner.Role.REHAB_CENTRE),
                      ("Управление социальной защиты населения", Partner.Role.STATE_INSTITUTION)],
    "ryadom": [("Ассоциация «Е.В.А.»", Partner.Role.EXPERT),
               ("Фонд «Александра»", Partner.Role.EXPERT)],
    "ops-razem": [("Biblioteka Publiczna", Partner.Role.LIBRARY),
                  ("Powiatowy Urząd Pracy", Partner.Role.STATE_INSTITUTION)],
}

# The people who log in to the demo: one per role, printed by `make demo`.
DEMO_LOGINS = [
    ("network", "Марина Орлова", [("ryadom", Role.NETWORK_COORDINATOR, "")]),
    ("coordinator", "Елена Кузнецова",
     [("teply-dom", Role.COORDINATOR, ""), ("ryadom", Role.VOLUNTEER, VolunteerKind.PEER_CONSULTANT)]),
    ("staff", "Ольга Смирнова", [("teply-dom", Role.STAFF, "")]),
    ("supervisor", "Ирина Васильева",
     [("ryadom", Role.SUPERVISOR, ""), ("svet-kazan", Role.SUPERVISOR, "")]),
    ("volunteer", "Анна Петрова", [("teply-dom", Role.VOLUNTEER, VolunteerKind.PEER_CONSULTANT)]),
    ("partner", "Светлана Морозова", [("teply-dom", Role.PARTNER, "")]),
    ("koordynator", "Katarzyna Nowak", [("ops-razem", Role.COORDINATOR, "")]),
]


RU_MALE = {"Алексей", "Сергей", "Дмитрий", "Андрей", "Павел"}
PL_MALE = {"Piotr", "Tomasz", "Krzysztof", "Marek"}


def _person_name(first: str, last: str) -> str:
    """A first name with the surname in the same gender (Алексей Соколов, Anna Kamińska)."""
    if first in RU_MALE and last.endswith("а"):
        last = last[:-1]
    if first in PL_MALE and last.endswith(("ska", "cka")):
        last = last[:-1] + "i"
    return f"{first} {last}"


def _email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


@functools.cache
def _demo_password_hash() -> str:
    # every demo account has the same password: hashed once, not once per account (a strong
    # hash takes a noticeable fraction of a second)
    return make_password(DEMO_PASSWORD)


def _user(email: str, full_name: str, language: str):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": full_name, "language": language}
    )
    if created:
        user.password = _demo_password_hash()
        user.save()
        from allauth.account.models import EmailAddress

        # demo people joined by invitation, whose link verified their address
        EmailAddress.objects.get_or_create(user=user, email=email,
                                           defaults={"verified": True, "primary": True})
    return user


# the time zone of each organisation's first region
ZONES = {"ru-mow": "Europe/Moscow", "ru-ta": "Europe/Moscow", "ru-sve": "Asia/Yekaterinburg",
         "ru-sam": "Europe/Samara", "ru-ud": "Europe/Samara", "ru-irk": "Asia/Irkutsk",
         "pl-14": "Europe/Warsaw"}


def _valid_number(module, length: int, rnd: random.Random, prefix: str = "") -> str:
    """An invented identifier whose check digit is right (python-stdnum checks it)."""
    while True:
        body = prefix + "".join(str(rnd.randrange(10)) for _ in range(length - len(prefix) - 1))
        for last in "0123456789":
            if module.is_valid(body + last):
                return body + last


def _identifiers(country: str, rnd: random.Random) -> dict:
    from stdnum.pl import nip, regon
    from stdnum.ru import inn, ogrn

    if country == "PL":
        return {"krs": "0000" + "".join(str(rnd.randrange(10)) for _ in range(6)),
                "nip": _valid_number(nip, 10, rnd), "regon": _valid_number(regon, 9, rnd)}
    return {"inn": _valid_number(inn, 10, rnd, prefix="77"),
            "ogrn": _valid_number(ogrn, 13, rnd, prefix="1")}


def _operator():
    """The installation's operator, made as `peercircle operator_create` makes one."""
    from peercircle.accounts.operators import operator_create

    existing = get_user_model().objects.filter(email=_email("operator")).first()
    if existing is not None:
        return existing, None
    created = operator_create(email=_email("operator"), full_name="Олег Операторов",
                              password=DEMO_PASSWORD, language="ru", check_password=False)
    return created.user, created.totp_secret


def _organisations(operator, rnd: random.Random) -> dict[str, Organisation]:
    """Registered by the operator, with their legal identity, as the operator's page does."""
    from peercircle.organisations.administration import organisation_create

    result = {}
    for slug, name, kind, city, regions, _areas, languages, _formats, _role in ORGANISATIONS:
        org = Organisation.objects.filter(slug=slug).first()
        if org is None:
            country = "PL" if regions[0].startswith("pl-") else "RU"
            org = organisation_create(actor=operator, data={
                "name": name, "slug": slug, "kind": kind, "country": country, "city": city,
                "languages": languages, "time_zone": ZONES[regions[0]],
                "email": f"{slug}@{DEMO_DOMAIN}", **_identifiers(country, rnd)})
        result[slug] = org
    return result


def _network(operator, organisations, coordinators) -> None:
    """The operator creates the network run by the hub; the hub's network coordinator invites
    each member and the member's coordinator accepts, as on the network's pages."""
    from peercircle.organisations import network_services
    from peercircle.organisations.administration import network_create

    hub = organisations["ryadom"]
    if hub.network_id is None:
        network_create(actor=operator, name="Сеть «Равные рядом»", slug="ravnye-ryadom",
                       coordinating=hub)
        hub.refresh_from_db()
    network_coordinator = Membership.objects.get(organisation=hub,
                                                 role=Role.NETWORK_COORDINATOR).user
    for slug, *_rest, role in ORGANISATIONS:
        org = organisations[slug]
        if role != "member" or org.network_id == hub.network_id:
            continue
        received = network_services.network_invitation_create(
            actor=network_coordinator, coordinating=hub, organisation=org,
            message="Приглашаем вас в сеть «Равные рядом».")
        network_services.network_invitation_answer(actor=coordinators[slug],
                                                   invitation=received, accept=True)
        org.refresh_from_db()


def _profiles(organisations, coordinators) -> None:
    """Each coordinator completes the profile (regions, help areas, formats) on its page."""
    from peercircle.organisations.services import organisation_update

    for slug, _name, _kind, _city, regions, areas, _languages, formats, _role in ORGANISATIONS:
        org = organisations[slug]
        if org.regions.exists():
            continue
        organisation_update(actor=coordinators[slug], organisation=org, data={
            "regions": list(Region.objects.filter(code__in=regions)),
            "help_areas": list(HelpArea.objects.filter(code__in=areas)), "formats": formats})


def _staff_and_volunteers(org: Organisation, rnd: random.Random) -> list:
    polish = org.slug == "ops-razem"
    first, last = (PL_FIRST, PL_LAST) if polish else (RU_FIRST, RU_LAST)
    kind = {"angara-family": VolunteerKind.MENTOR, "opora-angarsk": VolunteerKind.MENTOR,
            "ops-razem": VolunteerKind.ANIMATOR}.get(org.slug, VolunteerKind.PEER_CONSULTANT)
    people_here = []
    for index in range(9):
        role = {0: Role.COORDINATOR, 1: Role.STAFF, 2: Role.SUPERVISOR}.get(index, Role.VOLUNTEER)
        user = _user(_email(f"{org.slug}.{index}"), _person_name(rnd.choice(first), rnd.choice(last)),
                     "pl" if polish else "ru")
        Membership.objects.get_or_create(user=user, organisation=org, role=role, defaults={
            "volunteer_kind": kind if role == Role.VOLUNTEER else ""})
        people_here.append(user)
    return people_here


def _casework(org: Organisation, actor, providers, rnd: random.Random, today) -> None:
    areas = list(org.help_areas.all())
    region = org.regions.first()
    beneficiaries = []
    for _ in range(rnd.randint(25, 40)):
        b = people.beneficiary_create(actor=actor, organisation=org,
                                      birth_year=rnd.randint(1950, 2006),
                                      gender=rnd.choice(["female", "female", "male", ""]),
                                      region=region, needs=rnd.sample(areas, 1))
        if rnd.random() < 0.85:
            people.consent_give(actor=actor, beneficiary=b, purpose="data_processing",
                                given_on=today - datetime.timedelta(days=rnd.randint(30, 200)),
                                method=rnd.choice(["signed_paper", "electronic"]),
                                given_by="beneficiary")
            beneficiaries.append(b)
    for b in beneficiaries[:5]:
        people.identity_save(actor=actor, beneficiary=b, full_name=_invented_name(org, rnd),
                             phone=f"+7 900 {rnd.randint(100, 999)}-{rnd.randint(10, 99)}-00")
    programme = Programme.objects.filter(organisation=org).first()
    kind = {Programme.Kind.MENTORING: Activity.Kind.MENTOR_MEETING,
            Programme.Kind.SELF_HELP: Activity.Kind.GROUP_SESSION}.get(
        programme.kind, Activity.Kind.CONSULTATION)
    for _ in range(rnd.randint(60, 120)):
        group = kind == Activity.Kind.GROUP_SESSION
        activity_record(
            actor=actor, organisation=org, kind=kind, programme=programme, region=region,
            date=today - datetime.timedelta(days=rnd.randint(0, 180)),
            duration_minutes=rnd.choice([30, 45, 60, 90]),
            format=rnd.choice(org.formats or [Format.IN_PERSON]),
            providers=[rnd.choice(providers)],
            participants=[] if group else [rnd.choice(beneficiaries)],
            anonymous_count=rnd.randint(4, 12) if group else 0,
            mode=Activity.Mode.GROUP if group else Activity.Mode.INDIVIDUAL,
            help_areas=rnd.sample(areas, 1),
        )
    if org.slug in {"teply-dom", "angara-family", "opora-angarsk"}:
        _families(org, actor, beneficiaries, rnd)


def _volunteer_pipeline(org, coordinator, volunteer_users, rnd, today) -> None:
    """Volunteer records: the active ones linked to their accounts, and a few applicants."""
    areas = list(org.help_areas.all())
    started = today - datetime.timedelta(days=120)
    applicants = [(user.full_name, user.email, user) for user in volunteer_users]
    applicants += [(_invented_name(org, rnd), f"applicant{i}.{org.slug}@{DEMO_DOMAIN}", None)
                   for i in range(4)]
    for index, (name, email, user) in enumerate(applicants):
        record = volunteers.volunteer_apply(organisation=org, full_name=name, email=email,
                                            motivation="—", help_areas=rnd.sample(areas, 1),
                                            languages=org.languages, formats=org.formats)
        record.history.update(changed_on=started)
        if user is None and index % 2 == 0:
            continue  # waiting for an interview
        volunteers.volunteer_screen(actor=coordinator, volunteer=record,
                                    interviewed_on=started + datetime.timedelta(days=7),
                                    decision=Screening.Decision.ACCEPT)
        volunteers.volunteer_stage_change(actor=coordinator, volunteer=record,
                                          to_stage=Stage.IN_TRAINING,
                                          changed_on=started + datetime.timedelta(days=14))
        if user is None:
            continue
        volunteers.volunteer_stage_change(actor=coordinator, volunteer=record,
                                          to_stage=Stage.ACTIVE,
                                          changed_on=started + datetime.timedelta(days=30))
        # as the coordinator does on the record's page (the member joined by invitation)
        volunteers.volunteer_link_account(actor=coordinator, volunteer=record, user=user)
        record.refresh_from_db()
        volunteers.volunteer_profile_update(
            actor=coordinator, volunteer=record, help_areas=rnd.sample(areas, 1),
            lived_experience=rnd.sample(areas, 1), languages=org.languages,
            regions=list(org.regions.all()), formats=org.formats,
            weekly_capacity=rnd.randint(2, 6))


REQUEST_MESSAGES = {
    "ru": ["Недавно узнала диагноз, не знаю, с кем поговорить.",
           "Хочу поговорить с тем, кто через это прошёл.",
           "Нужна поддержка, тяжело справляться одной.",
           "Иногда кажется, что не хочу жить."],
    "pl": ["Chciałabym porozmawiać z kimś, kto przeszedł to samo.",
           "Potrzebuję wsparcia, czuję się samotna."],
}


def _requests(org, rnd) -> None:
    """A few requests from the public form, one of them with signs of crisis."""
    from peercircle.consulting.services import help_request_submit

    org.emergency_info = ("Единый номер экстренных служб 112. Телефон доверия 8-800-2000-122."
                          if org.slug != "ops-razem" else
                          "Numer alarmowy 112. Telefon zaufania 116 123.")
    org.save(update_fields=["emergency_info"])
    language = org.languages[0] if org.languages else "ru"
    messages = REQUEST_MESSAGES.get(language, REQUEST_MESSAGES["ru"])
    for index, message in enumerate(messages):
        help_request_submit(
            organisation=org, name=_invented_name(org, rnd).split()[0],
            phone=f"+7 900 {rnd.randint(100, 999)}-00-{index:02d}",
            need=rnd.choice(list(org.help_areas.all())), language=language,
            region=org.regions.first(), format=rnd.choice(org.formats or [Format.PHONE]),
            urgency=rnd.choice(["routine", "soon"]), message=message)


def _supervision_and_documents(org, team, rnd) -> None:
    from peercircle.consulting.services import supervision
    from peercircle.library.services import document_publish

    Programme.objects.filter(organisation=org).update(target_per_provider=TARGETS.get(org.slug))
    coordinator, volunteer_users = team[0], team[3:]
    for user in volunteer_users[:2]:
        supervision.supervision_request(
            actor=user, organisation=org, urgency=rnd.choice(["routine", "soon"]),
            topic="Трудно выдерживать слёзы клиента, боюсь навредить."
            if org.slug != "ops-razem" else "Trudno mi zakończyć spotkanie grupy na czas.")
    if org.coordinates_network:
        document_publish(actor=coordinator, organisation=org, title="Этический кодекс равного "
                         "консультанта", kind="ethics_code", text=ETHICS_CODE, for_network=True)
        document_publish(actor=coordinator, organisation=org, title="Базовые компетенции "
                         "равного консультанта", kind="competencies", text=COMPETENCIES,
                         for_network=True)


COMPETENCY_FRAMEWORK = [
    ("Осознанное использование личного опыта",
     ["Рассказывает о своём опыте без отбора", "Выбирает, чем делиться, с помощью супервизора",
      "Делится опытом к месту и в меру", "Учит других работать с личным опытом"]),
    ("Активное слушание", ["Слушает, но часто перебивает", "Отражает чувства собеседника",
                           "Поддерживает беседу без советов", "Ведёт группу слушания"]),
    ("Границы и этика", ["Знает этический кодекс", "Замечает нарушения границ",
                         "Удерживает границы в трудных случаях", "Разбирает случаи с коллегами"]),
]


def _training(org, team, rnd, today) -> None:
    """A course with held sessions (Mentor School of 10 h in Angarsk), and the network's
    competency framework with a few self-assessments."""
    from peercircle.training import competencies, services
    from peercircle.training.selectors import hours_of
    from peercircle.volunteers.models import Volunteer

    coordinator = team[0]
    mentoring = org.slug in ("angara-family", "opora-angarsk")
    title = "Школа наставников" if mentoring else (
        "Szkolenie animatorów" if org.slug == "ops-razem" else "Семинар-тренинг для волонтёров")
    course = services.course_create(actor=coordinator, organisation=org, title=title,
                                    minimum_hours=10)
    enrolments = [services.enrol(actor=coordinator, course=course, volunteer=v)
                  for v in Volunteer.objects.filter(organisation=org,
                                                    stage__in=["in_training", "active"])]
    for day in range(4):
        session = services.session_plan(actor=coordinator, course=course,
                                        topic=f"{title}: {day + 1}",
                                        date=today - datetime.timedelta(days=60 - 7 * day),
                                        duration_minutes=180, format=Format.IN_PERSON)
        present = [e for e in enrolments if rnd.random() < 0.85]
        if present:
            services.session_hold(actor=coordinator, session=session, present=present)
    for enrolment in enrolments:  # those with the hours are marked completed, as on the page
        # (the Mentor School's completions are its admitted mentors': mentoring/demo.py)
        if not mentoring and hours_of(enrolment) >= course.minimum_hours:
            services.enrolment_complete(actor=coordinator, enrolment=enrolment)
    if org.slug == "vmeste-samara":
        _trained_consultations(org, coordinator, enrolments, rnd, today)
    if org.coordinates_network:
        for name, levels in COMPETENCY_FRAMEWORK:
            competencies.competency_add(actor=coordinator, organisation=org, name=name,
                                        description="", levels=levels)


def _trained_consultations(org, coordinator, enrolments, rnd, today) -> None:
    """Seed 001: each trained consultant gives at least 20 consultations; three of the demo's
    have reached it, the others are on their way."""
    programme = Programme.objects.filter(organisation=org).first()
    regions = list(Region.objects.filter(country="RU").order_by("code")[:14])  # by phone
    trained = [e.volunteer.user for e in enrolments
               if e.completed_on is not None and e.volunteer.user_id is not None]
    for index, user in enumerate(trained):
        done = Activity.objects.filter(organisation=org, kind=Activity.Kind.CONSULTATION,
                                       providers=user).count()
        for _ in range(max(0, (rnd.randint(20, 26) if index < 3 else rnd.randint(8, 15)) - done)):
            activity_record(actor=user, organisation=org, kind=Activity.Kind.CONSULTATION,
                            programme=programme, region=rnd.choice(regions),
                            date=today - datetime.timedelta(
                                days=rnd.randint(0, 50)), duration_minutes=45,
                            format=Format.PHONE, providers=[user], anonymous_count=1)


def _invented_name(org, rnd) -> str:
    first, last = (PL_FIRST, PL_LAST) if org.slug == "ops-razem" else (RU_FIRST, RU_LAST)
    return _person_name(rnd.choice(first), rnd.choice(last))


def _families(org, actor, beneficiaries, rnd) -> None:
    for index in range(min(8, len(beneficiaries) // 2)):
        family = people.family_create(actor=actor, organisation=org, code=f"F-{index + 1:03d}",
                                      region=org.regions.first(),
                                      needs=list(org.help_areas.all()[:1]))
        parent, child = beneficiaries[2 * index], beneficiaries[2 * index + 1]
        people.family_member_add(actor=actor, family=family, beneficiary=parent,
                                 relation="guardian", is_legal_representative=True)
        people.family_member_add(actor=actor, family=family, beneficiary=child, relation="child")


def _partners(org: Organisation, actor) -> None:
    for name, role in PARTNERS.get(org.slug, []):
        Partner.objects.get_or_create(organisation=org, name=name, defaults={"role": role})


@transaction.atomic
def demo_load(seed: int = 2026) -> list[tuple[str, str]]:
    """Load the demo network; returns (e-mail, role description) for each demo login.

    The demo is built through the paths a real network takes: the operator registers the
    organisations and the network, the members join by the network's invitation, coordinators
    complete their profiles and create their programmes, and the apps' own services do the rest.
    People get their roles directly (not by invitation): an invitation would bind the set-up of
    their authenticator to its link, and demo logins set it up at their first sign-in.
    """
    rnd = random.Random(seed)
    today = timezone.localdate()
    operator, operator_secret = _operator()
    organisations = _organisations(operator, rnd)
    teams = {slug: _staff_and_volunteers(org, rnd) for slug, org in organisations.items()}
    logins = _demo_logins(organisations)
    coordinators = {slug: team[0] for slug, team in teams.items()}
    _network(operator, organisations, coordinators)
    _profiles(organisations, coordinators)
    for slug, org in organisations.items():
        with scope(organisation=org):
            if Programme.objects.filter(organisation=org).exists():
                continue  # already loaded
            team = teams[slug]
            for name, kind in PROGRAMMES[slug]:  # as a coordinator creates them on the page
                core_services.programme_save(actor=team[0], organisation=org, name=name,
                                             kind=kind, target_per_provider=TARGETS.get(slug))
            _partners(org, team[0])
            _casework(org, team[0], team[3:], rnd, today)
            _volunteer_pipeline(org, team[0], team[3:], rnd, today)
            _requests(org, rnd)
            _supervision_and_documents(org, team, rnd)
            _training(org, team, rnd, today)
    for part in (mentoring_demo, groups_demo, events_demo, reporting_demo, imports_demo):
        part.load(organisations, rnd, today)
    operator_login = [(operator.email, gettext("Operator of the installation") + (
        f" · TOTP {operator_secret}" if operator_secret else ""))]
    return logins + _programme_logins(organisations) + operator_login


def _programme_logins(organisations) -> list[tuple[str, str]]:
    """Team accounts that show the programmes from the inside (same password)."""
    from peercircle.groups.models import SelfHelpGroup

    with scope(organisation=organisations["ops-razem"]):
        group = SelfHelpGroup.objects.filter(organisation=organisations["ops-razem"]).first()
        animator = group.animators.order_by("pk").first() if group else None
    accounts = [
        (_email("angara-family.0"), gettext("Mentoring coordinator"), "angara-family"),
        (_email("angara-family.2"), gettext("Family curator"), "angara-family"),
        (_email("opora-angarsk.0"), gettext("Coordinator of the NGO party to the agreements"),
         "opora-angarsk"),
    ]
    if animator is not None:
        accounts.append((animator.email, gettext("Group animator"), "ops-razem"))
    return [(email, f"{label} · {organisations[slug].name}") for email, label, slug in accounts]


def _demo_logins(organisations) -> list[tuple[str, str]]:
    logins = []
    for local, name, roles in DEMO_LOGINS:
        language = "pl" if local == "koordynator" else "ru"
        user = _user(_email(local), name, language)
        described = []
        for slug, role, volunteer_kind in roles:
            org = organisations[slug]
            with scope(organisation=org):
                partner = Partner.objects.filter(organisation=org).first()
            partner = partner if role == Role.PARTNER else None
            Membership.objects.get_or_create(user=user, organisation=org, role=role, defaults={
                "volunteer_kind": volunteer_kind, "partner": partner})
            described.append(f"{Role(role).label} · {org.name}")
        logins.append((user.email, "; ".join(str(d) for d in described)))
    return logins
