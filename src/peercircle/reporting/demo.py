"""Demo data of the reports part (called by `peercircle demo_load`): one grant project per seed
organisation, with the seed's indicator set, counted live from the demo's records."""

import datetime

from django.utils import translation
from django_scopes import scope

from peercircle.organisations.models import Membership
from peercircle.organisations.roles import Role
from peercircle.organisations.selectors import network_members
from peercircle.reporting import services
from peercircle.reporting.models import Project

PROJECTS = {
    "ryadom": ("peers_here", {
        "title": "Устойчивость и качество: поддержка экспертов для НКО со службами равных "
                 "консультантов",
        "funder": "Фонд президентских грантов",
        "contest": "Первый конкурс 2025 · Развитие институтов гражданского общества",
        "application_number": "25-1-002821",
        "partners": "Ассоциация «Е.В.А.», фонд «Александра»",
        "goal": "Развитие сотрудничества среди НКО, поддерживающих благополучателей через "
                "равное консультирование, и устойчивость работы служб равных консультантов.",
        "tasks": "1. Пересмотр подходов к организации служб равных консультантов.\n"
                 "2. Навык работы с трудными ситуациями и профилактика выгорания.\n"
                 "3. Развитие партнёрских связей между НКО.",
        "target_groups": "Руководители и сотрудники НКО со службами равных консультантов; "
                         "равные консультанты.",
        "geography": "Не менее 50 регионов Российской Федерации."}),
    "vmeste-samara": ("patients_team", {
        "title": "КПД НКО: команда пациентов в действии",
        "funder": "Фонд президентских грантов",
        "contest": "Развитие институтов гражданского общества",
        "partners": "Пациентские НКО 30 регионов",
        "goal": "Повышение качества работы пациентских организаций в социально-психологической "
                "поддержке и формировании сообществ пациентов.",
        "tasks": "1. Обучить 30 лидеров поддерживающему консультированию (по 20 консультаций).\n"
                 "2. Реализовать 15 проектных инициатив с участием 300 человек.",
        "target_groups": "Лидеры и руководители пациентских НКО; пациенты с хроническими "
                         "заболеваниями.",
        "geography": "30 регионов центральной части и юга России."}),
    "teply-dom": ("foster_families", {
        "title": "Развитие сообщества замещающих родителей",
        "funder": "Региональная программа поддержки семьи",
        "goal": "Поддержка замещающих семей региона: психологическая, эмоциональная, правовая.",
        "tasks": "Закрытое пространство 24/7; бесплатная психологическая помощь; сетка "
                 "районных встреч; районные клубы.",
        "partners": "Библиотеки; летние лагеря; ресурсный центр волонтёрства; юридические "
                    "организации",
        "target_groups": "Замещающие семьи всех форм устройства.",
        "geography": "Удмуртская Республика."}),
    "angara-family": ("one_plus_one", {
        "title": "Фокус: семья — наставничество «Один плюс один»",
        "funder": "Муниципальный проект «Фокус: семья»",
        "partners": "ИРОО «Родители Сибири»; реабилитационный центр «Перекресток семи дорог»",
        "goal": "Сопровождение семей в кризисной ситуации наставниками.",
        "target_groups": "Семьи в ТЖС и СОП; наставники, в том числе бывшие благополучатели.",
        "geography": "Ангарский городской округ."}),
    "ops-razem": ("self_help_clubs", {
        "title": "Samopomoc – razem przezwyciężymy trudności",
        "funder": "Środki Przejściowe 2004",
        "contest": "Zwiększenie świadomości społecznej oraz wzmocnienie roli organizacji "
                   "pozarządowych",
        "goal": "Rozwinięcie modelu Klubów Samopomocy i Klubów Integracji Społecznej.",
        "tasks": "Wykształcenie animatorów; 10 Klubów w 10 miejscowościach; 15–20 grup "
                 "samopomocowych; koalicje lokalne.",
        "target_groups": "Animatorzy z ośrodków pomocy społecznej i istniejących Klubów.",
        "geography": "10 społeczności województwa mazowieckiego."}),
}


def _actor(org):
    membership = (Membership.objects.filter(organisation=org, is_active=True,
                                            role__in=[Role.COORDINATOR,
                                                      Role.NETWORK_COORDINATOR])
                  .select_related("user").order_by("id").first())
    return membership.user if membership else None


def _plan(org):
    from peercircle.events.models import CalendarPlan

    return CalendarPlan.objects.filter(organisation=org).order_by("id").first()


def _network_supervision(org, actor, rnd, today) -> None:
    """Seed 000: the hub's experts supervise the member NGOs' peer consultants. Intervisions and
    case reviews go through their workflow (planned, then held with who took part); individual
    supervisions are head-counts of sessions given to other organisations' consultants, whose
    requests live in those organisations."""
    from peercircle.consulting.services.reviews import review_hold, review_plan
    from peercircle.core.services import activity_record

    team = [m.user for m in Membership.objects.filter(organisation=org, is_active=True)
            .select_related("user").order_by("pk")]
    for _ in range(38):
        activity_record(actor=actor, organisation=org, kind="supervision", mode="individual",
                        date=today - datetime.timedelta(days=rnd.randint(1, 300)),
                        duration_minutes=60, format="online", providers=[actor],
                        anonymous_count=1)
    for kind, count, title in (("intervision", 3, "Интервизия: трудные случаи"),
                               ("case_review", 4, "Разбор случая с экспертом")):
        for index in range(count):
            review = review_plan(
                actor=actor, organisation=org, kind=kind, title=f"{title} №{index + 1}",
                date=today - datetime.timedelta(days=rnd.randint(7, 300)), duration_minutes=90,
                format="online", participants=team[:7],
                case_summary="Консультант не может завершить разговор с клиентом вовремя.")
            review_hold(actor=actor, review=review, attended=rnd.sample(team[:7], 6))


def load(organisations: dict, rnd, today) -> None:
    """Add this part's demo records to the demo organisations (slug -> Organisation)."""
    for slug, (template, facts) in PROJECTS.items():
        org = organisations.get(slug)
        if org is None:
            continue
        with scope(organisation=org):
            actor = _actor(org)
            if actor is None or Project.objects.filter(organisation=org).exists():
                continue  # already loaded
            members = [m for m in network_members(organisation=org) if m.pk != org.pk]
            project = services.project_save(
                actor=actor, organisation=org, starts_on=today - datetime.timedelta(days=330),
                ends_on=today + datetime.timedelta(days=35), member_organisations=members,
                calendar_plan=_plan(org), **facts)
            # indicator names are stored in the organisation's own language, as its
            # coordinator would add them from the page
            with translation.override("pl" if org.country == "PL" else "ru"):
                services.template_apply(actor=actor, project=project, template=template)
            if slug == "ryadom":
                _network_supervision(org, actor, rnd, today)
