"""Access-matrix samples of the groups app."""

from django.utils import timezone


def samples(org) -> dict:
    from peercircle.groups.models import Club, GroupMember, Initiative, Practice, SelfHelpGroup
    from tests import factories

    today = timezone.localdate()
    author = factories.MembershipFactory(organisation=org, role="coordinator").user
    club = Club.objects.create(organisation=org, name="Klub Samopomocy", kind="self_help",
                               locality="Latowicz")
    group = SelfHelpGroup.objects.create(organisation=org, club=club, name="Grupa wsparcia",
                                         topic="Unemployment", started_on=today)
    member = GroupMember.objects.create(
        organisation=org, group=group, joined_on=today,
        beneficiary=factories.BeneficiaryFactory(organisation=org))
    practice = Practice.objects.create(organisation=org, title="Coalition with the library",
                                       text="We meet in the library.", author=author)
    initiative = Initiative.objects.create(organisation=org, title="Garden", goal="Meet",
                                           starts_on=today)
    return {"club_pk": club.pk, "group_pk": group.pk, "member_pk": member.pk,
            "practice_pk": practice.pk, "initiative_pk": initiative.pk}
