import pytest
from django_scopes import scopes_disabled

from peercircle.accounts.models import User
from peercircle.consulting.models import HelpRequest
from peercircle.core.models import Activity
from peercircle.demo import demo_load
from peercircle.organisations.models import Membership, NetworkInvitation, Organisation
from peercircle.organisations.roles import Role
from peercircle.people.models import Beneficiary, Family
from peercircle.volunteers.models import Volunteer


@pytest.mark.django_db
def test_the_demo_network_recreates_the_seed_programmes():
    logins = demo_load()
    # one per role, plus mentoring, curation, NGO party and animator, and the operator
    assert len(logins) == 12
    for email, _roles in logins:
        if email.startswith("operator@"):
            assert User.objects.get(email=email).is_operator
            assert not Membership.objects.filter(user__email=email).exists()
            continue
        assert Membership.objects.filter(user__email=email).exists(), email
    assert Organisation.objects.count() == 8
    # built through the operator's and the network's paths: legal identity, invitations
    assert all(o.inn or o.nip for o in Organisation.objects.all())
    members = Organisation.objects.filter(network__isnull=False, coordinates_network=False)
    assert members.count() == NetworkInvitation.objects.filter(accepted_at__isnull=False).count()
    assert Organisation.objects.get(slug="ops-razem").country == "PL"
    hub = Organisation.objects.get(coordinates_network=True)
    assert set(hub.regions.values_list("code", flat=True)) == {"ru-mow", "ru-mos"}
    assert Organisation.objects.get(slug="ops-razem").regions.get().code == "pl-14"
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {role.value for role in Role}
    with scopes_disabled():
        assert Beneficiary.objects.count() > 150
        assert Family.objects.exists()
        assert Activity.objects.filter(kind="group_session", anonymous_count__gt=0).exists()
        stages = set(Volunteer.objects.values_list("stage", flat=True))
        assert {"applied", "in_training", "active"} <= stages
        assert Volunteer.objects.filter(stage="active", user__isnull=False).exists()
        assert HelpRequest.objects.filter(crisis_flag=True).exists()
        assert HelpRequest.objects.filter(crisis_flag=False, status="new").exists()
    demo_load()  # a second run changes nothing
    assert Organisation.objects.count() == 8
