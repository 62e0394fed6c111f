"""Access-matrix samples of the organisations app: its operator pages and network pages."""


def samples(org) -> dict:
    from peercircle.core.models import HelpArea
    from peercircle.organisations.models import NetworkInvitation
    from tests import factories

    inviting = factories.OrganisationFactory(network=factories.NetworkFactory(),
                                             coordinates_network=True)
    invited_by = factories.MembershipFactory(organisation=inviting, role="coordinator").user
    received = NetworkInvitation.objects.create(network=inviting.network, organisation=org,
                                                invited_by=invited_by)
    area = HelpArea.objects.create(code=f"{org.network.slug}-refugees", network=org.network,
                                   name_en="Refugees", name_ru="Беженцы", name_pl="Uchodźcy")
    return {"organisation_pk": org.pk, "network_invitation_pk": received.pk,
            "help_area_pk": area.pk}
