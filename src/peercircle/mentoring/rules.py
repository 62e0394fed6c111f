"""Who may do what to one mentoring pair: object permissions with `rules` (django-rules).

A role gives a permission in an organisation (the role table); on one pair the person must also
be party to it: the mentor logs the meetings, the curator (and coordinators who curate) works
with the family, the running organisation manages it; an agreement's other parties only read
what it shares (selectors decide that level). Predicates get the person and a `PairAccess`.
"""

from dataclasses import dataclass

import rules

from peercircle.mentoring import permissions as perm


@dataclass(frozen=True)
class PairAccess:
    pair: object
    organisation: object  # the organisation the person works in now
    permissions: frozenset
    full: bool  # the person sees the family's data (selectors.FULL), not an agreement summary


def holds(permission: str):
    @rules.predicate(name=f"holds {permission}")
    def holding(user, access: PairAccess) -> bool:
        return permission in access.permissions

    return holding


@rules.predicate
def runs_the_pair(user, access: PairAccess) -> bool:
    return access.pair.organisation_id == access.organisation.pk


@rules.predicate
def sees_the_family(user, access: PairAccess) -> bool:
    return access.full


@rules.predicate
def is_the_mentor(user, access: PairAccess) -> bool:
    return access.pair.mentor.volunteer.user_id == user.pk


pair_rules = rules.RuleSet()
pair_rules.add_rule("run", runs_the_pair)
pair_rules.add_rule("manage", runs_the_pair & holds(perm.MANAGE_MENTORING))
pair_rules.add_rule("curate", runs_the_pair & sees_the_family & holds(perm.CURATE))
# the pair's own page offers "log a meeting" to its mentor; a coordinator may log one for them
pair_rules.add_rule("log_own_meeting", runs_the_pair & sees_the_family
                    & holds(perm.LOG_MENTOR_MEETING) & is_the_mentor)
pair_rules.add_rule("log_meeting", runs_the_pair & sees_the_family
                    & (is_the_mentor | holds(perm.MANAGE_MENTORING)))

ABILITIES = ("run", "manage", "curate", "log_own_meeting", "log_meeting")


def pair_abilities(user, access: PairAccess) -> dict[str, bool]:
    """What the pair page offers this person (the template reads `can.manage`, …)."""
    return {name: pair_rules.test_rule(name, user, access) for name in ABILITIES}
