import pytest
from django.db.models import Count
from django.utils import translation
from django_scopes import scopes_disabled

from peercircle.core.models import Activity
from peercircle.demo import demo_load
from peercircle.groups.models import (
    AnimatorCurriculum,
    Club,
    CoalitionPartner,
    GroupSession,
    Initiative,
    Practice,
)


@pytest.mark.django_db
def test_the_demo_has_clubs_groups_sessions_and_initiatives_from_the_seeds(client):
    demo_load()
    with scopes_disabled():
        razem = Club.objects.filter(organisation__slug="ops-razem")
        assert razem.count() == 5 and razem.values("locality").distinct().count() == 5
        assert CoalitionPartner.objects.filter(club__in=razem).count() == 15
        sessions = GroupSession.objects.filter(organisation__slug="ops-razem")
        assert sessions.count() > 20
        assert Activity.objects.filter(group_session__in=sessions,
                                       participants__isnull=False).exists()
        curriculum = AnimatorCurriculum.objects.get(organisation__slug="ops-razem").course
        assert curriculum.sessions.count() == 7
        assert curriculum.enrolments.filter(completed_on__isnull=False).exists()
        assert Club.objects.filter(organisation__slug="teply-dom", kind="district").count() == 3
        initiatives = Initiative.objects.filter(organisation__slug="vmeste-samara").annotate(
            named=Count("participants"))
        assert initiatives.count() == 15
        assert sum(i.named + i.anonymous_participants for i in initiatives) == 300
        assert Practice.objects.filter(organisation__slug="teply-dom",
                                       shared_with_network=True).exists()
        counts = Club.objects.count(), Initiative.objects.count()
    demo_load()
    with scopes_disabled():
        assert (Club.objects.count(), Initiative.objects.count()) == counts
    with translation.override("en"):  # the pages switch to the demo users' language
        _pages_render(client)


def _pages_render(client):
    from django.urls import reverse

    from peercircle.organisations.models import Membership
    from tests.conftest import give_totp

    pages = {"ops-razem": ["clubs", "animators", "practices", "initiatives"],
             "vmeste-samara": ["initiatives"], "teply-dom": ["clubs", "practices"]}
    for slug, names in pages.items():
        coordinator = Membership.objects.filter(organisation__slug=slug,
                                                role="coordinator").first().user
        give_totp(coordinator)
        client.force_login(coordinator)
        for name in names:
            response = client.get(reverse(f"groups:{name}", kwargs={"org": slug}))
            assert response.status_code == 200, (slug, name)
        with scopes_disabled():
            club = Club.objects.filter(organisation__slug=slug).first()
            group = club.groups.first() if club else None
        if group:
            for name, kwargs in (("club", {"club_pk": club.pk}), ("group", {"group_pk": group.pk}),
                                 ("members", {"group_pk": group.pk})):
                url = reverse(f"groups:{name}", kwargs={"org": slug, **kwargs})
                assert client.get(url).status_code == 200
    keeper = Membership.objects.filter(organisation__slug="ryadom",
                                       role="network_coordinator").first().user
    give_totp(keeper)
    client.force_login(keeper)
    page = client.get(reverse("groups:network", kwargs={"org": "ryadom"})).content.decode()
    assert "Сарапул" in page
    page = client.get(reverse("groups:initiatives_network", kwargs={"org": "ryadom"}))
    assert "300" in page.content.decode()
    page = client.get(reverse("groups:practices", kwargs={"org": "ryadom"})).content.decode()
    assert "районный клуб" in page
